//! Every explanation the core gives exists in Simplified Chinese: narration, the
//! one-line trace descriptions and goal checks, for every shipped scenario, every
//! lesson's starting script and solution, and scripts written to reach the rarer
//! paths (each refusal of FlushQueues, PT_NULL entry ids, MAPI_E_TABLE_TOO_BIG, a
//! run-time error). The Chinese must be Chinese: MAPI identifiers, names, subjects
//! and script code stay as they are, but no English prose may be left over.

use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::trace::{Event, EventKind, View};
use flushq_core::{Machine, Scenario};
use flushq_explain::goal::{check_all, Assertion};
use flushq_explain::Lang;
use flushq_explain::{describe, describe_in, narrate, narrate_in};
use flushq_tests::{preset, run_checked};

/// Scripts for the paths no preset or lesson takes, run on a shipped scenario.
const EXTRAS: &[(&str, &str)] = &[
    (
        "spooler-upload",
        r#"table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE, PR_DISPLAY_NAME)
all = HrQueryAllRows(table)
none = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_AB_PROVIDER)
for r in none {
    x = session.OpenEntry(r.PR_ENTRYID)
}
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
lan = HrQueryAllRows(table, PR_DISPLAY_NAME == "Office LAN")
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
xp = session.OpenEntry(lan[0].PR_ENTRYID)
spooler.ValidateState()
spooler.SettingsDialog()
m = spooler.PR_RESOURCE_METHODS
n = xp.PR_RESOURCE_METHODS
s = xp.PR_STATUS_STRING
c = xp.PR_STATUS_CODE
spooler.FlushQueues(FLUSH_NO_UI)
spooler.FlushQueues(FLUSH_UPLOAD | 0x1000)
xp.FlushQueues(FLUSH_UPLOAD, target: lan[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_UPLOAD, target: sp[0].PR_ENTRYID)
if 0 {
    spooler.ValidateState()
} else {
    xp.ValidateState()
}
xp.FlushQueues(FLUSH_UPLOAD | FLUSH_ASYNC_OK)
table.SetColumns(PR_RESOURCE_TYPE, PR_DISPLAY_NAME)
nul = HrQueryAllRows(table, PR_DISPLAY_NAME == "Dial-up")
bad = session.OpenEntry(nul[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_UPLOAD, target: nul[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_UPLOAD | FLUSH_DOWNLOAD)
big = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER, crowsMax: 1)
"#,
    ),
    (
        "link-down",
        "table = session.GetStatusTable()
Release(table)
table.SetColumns(PR_ENTRYID)
",
    ),
];

/// Lowercase (or Capitalised) English words of three letters or more that may stay
/// in Chinese text: the script language's own keywords, quoted when a step shows
/// the loop or branch it runs (`for row：第 1 行`, `执行 else 分支`).
const ALLOWED: &[&str] = &["for", "else"];

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == ':'
}

/// `text` without the occurrences of `name` that stand as whole words.
fn remove_word(text: &str, name: &str) -> String {
    if name.is_empty() {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last().or_else(|| out.chars().last());
        let after = rest[i + name.len()..].chars().next();
        let whole = !before.is_some_and(is_word) && !after.is_some_and(is_word);
        out.push_str(&rest[..i]);
        out.push_str(if whole { " " } else { name });
        rest = &rest[i + name.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` without the spans from each `open` to the next `close` (both included),
/// where `open` starts a word when `after_word` is false, or follows one (which
/// goes too) when true.
fn remove_spans(text: &str, open: &str, close: &str, after_word: bool) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        let prev = rest[..i].chars().last();
        let at = if after_word { prev.is_some_and(is_word) } else { !prev.is_some_and(is_word) };
        let Some(j) = rest[i + open.len()..].find(close).filter(|_| at) else {
            out.push_str(&rest[..i + open.len()]);
            rest = &rest[i + open.len()..];
            continue;
        };
        // A call's arguments go with the function's name: `Release(xp)`.
        let head = if after_word { rest[..i].trim_end_matches(is_word) } else { &rest[..i] };
        out.push_str(head);
        out.push(' ');
        rest = &rest[i + open.len() + j + close.len()..];
    }
    out.push_str(rest);
    out
}

/// The English words left in `text` once data and code are taken out: `names`
/// (transports, rows, subjects, property values) as whole words, then script code
/// in backticks, call arguments `Name(...)`, the loop variable after `for` and the
/// condition after `if`, and entry ids `<eid ...>`; what remains may hold identifiers
/// (ALL_CAPS, CamelCase, Interface::Method, anything with a digit or `_`) and
/// Chinese, but no English word of three letters or more outside [`ALLOWED`].
fn leftover_english(text: &str, names: &[String]) -> Vec<String> {
    let mut t = text.to_string();
    let mut names: Vec<&String> = names.iter().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in names {
        t = remove_word(&t, n);
    }
    t = remove_spans(&t, "`", "`", false);
    t = remove_spans(&t, "(", ")", true);
    t = remove_spans(&t, "<eid ", ">", false);
    t = remove_spans(&t, "for ", "：", false);
    t = remove_spans(&t, "if ", "：", false);
    t.split(|c: char| !is_word(c))
        .filter(|w| w.len() >= 3)
        .filter(|w| {
            let mut cs = w.chars();
            let first_ok = cs.next().is_some_and(|c| c.is_ascii_alphabetic());
            first_ok && cs.all(|c| c.is_ascii_lowercase())
        })
        .filter(|w| !ALLOWED.contains(&w.to_ascii_lowercase().as_str()))
        .map(String::from)
        .collect()
}

/// One run: its label, events and the view before each event.
struct Run {
    label: String,
    events: Vec<Event>,
    befores: Vec<View>,
    outcome: flushq_core::trace::Outcome,
}

fn run(label: String, scenario: Scenario) -> Run {
    let m = run_checked(&scenario, 100_000).unwrap_or_else(|v| panic!("{label}: {v:?}"));
    let mut view = View::initial(Machine::new(&scenario).expect("loads").world());
    let mut befores = Vec::new();
    for e in m.events() {
        befores.push(view.clone());
        view.apply(e);
    }
    Run { label, events: m.events().to_vec(), befores, outcome: m.outcome() }
}

fn every_run() -> Vec<Run> {
    let mut runs = Vec::new();
    for p in flushq_scenario::presets() {
        runs.push(run(p.name.to_string(), preset(p.name)));
    }
    for l in flushq_explain::lessons::lessons() {
        for (which, script) in [("start", l.start), ("solution", l.solution)] {
            runs.push(run(format!("lesson {} {which}", l.id), l.scenario(script)));
        }
    }
    for (i, (p, script)) in EXTRAS.iter().enumerate() {
        let mut s = preset(p);
        s.script = script.to_string();
        runs.push(run(format!("extra {i} on {p}"), s));
    }
    runs
}

/// What a run's Chinese may quote as it is: transport and row names, subjects,
/// property values read from rows, and run-time error messages (the script
/// interpreter's messages are English only, like the checker's diagnostics).
fn names_of(r: &Run) -> Vec<String> {
    let v = &r.befores[0];
    let mut names: Vec<String> = v.rows.iter().map(|r| r.name.clone()).collect();
    names.extend(v.subjects.iter().map(|s| s.to_string()));
    names.push("Nowhere".into());
    for e in &r.events {
        if let EventKind::GetProp { value: Some(v), .. } = &e.kind {
            names.push(v.clone());
        }
    }
    names
}

/// Every kind of assertion, about every transport of the run (and one that does not exist).
fn every_assertion(r: &Run) -> Vec<Assertion> {
    let mut all = vec![
        Assertion::AllOutgoingDelivered,
        Assertion::AllIncomingReceived,
        Assertion::NoUiPrompt,
        Assertion::AsynchronousFlush,
        Assertion::NothingLeaked,
        Assertion::NoScriptErrors,
        Assertion::FlagsPassed(FlushFlags::FLUSH_FORCE | FlushFlags::FLUSH_UPLOAD),
        Assertion::Returned { api: "FlushQueues", hresult: HResult::Busy },
        Assertion::NeverReturned { api: "FlushQueues", hresult: HResult::Ok },
        Assertion::NeverReturned { api: "OpenEntry", hresult: HResult::Ok },
        Assertion::NeverReturned { api: "HrQueryAllRows", hresult: HResult::Ok },
    ];
    all.push(Assertion::Opened("spooler".into()));
    for n in r.outcome.transports.iter().map(|t| t.name.clone()).chain(["Nowhere".into()]) {
        all.push(Assertion::TransportDelivered(n.clone()));
        all.push(Assertion::TransportUntouched(n.clone()));
        all.push(Assertion::Opened(n.clone()));
        all.push(Assertion::StatusRead(n.clone()));
        all.push(Assertion::PromptShown(n.clone()));
        all.push(Assertion::FlushedThroughSpooler(n.clone()));
        all.push(Assertion::FlushedOnItsOwnObject(n));
    }
    all
}

/// Collects what is wrong with one Chinese text next to its English.
fn judge(problems: &mut Vec<String>, at: &str, en: &str, zh: &str, names: &[String]) {
    if zh.trim().is_empty() {
        problems.push(format!("{at}: empty"));
    } else if !zh.chars().any(is_cjk) {
        problems.push(format!("{at}: no Chinese in {zh:?}"));
    } else if zh == en {
        problems.push(format!("{at}: same as the English {zh:?}"));
    }
    let left = leftover_english(zh, names);
    if !left.is_empty() {
        problems.push(format!("{at}: English {left:?} left in {zh:?}"));
    }
}

#[test]
fn every_explanation_is_in_chinese_too() {
    let mut problems = Vec::new();
    let (mut events, mut failures) = (0, 0);
    for r in every_run() {
        let names = names_of(&r);
        for (e, before) in r.events.iter().zip(&r.befores) {
            let at = format!("{} step {}", r.label, e.step);
            let (en, zh) = (narrate(e, before), narrate_in(e, before, Lang::ZH));
            judge(&mut problems, &format!("{at} narration"), &en, &zh, &names);
            let (en, zh) = (describe(&e.kind), describe_in(&e.kind, Lang::ZH));
            judge(&mut problems, &format!("{at} describe"), &en, &zh, &names);
            assert_eq!(narrate_in(e, before, Lang::EN), narrate(e, before), "{at}: English is the default");
            events += 1;
        }
        let mut goal = every_assertion(&r);
        if let Some(l) = r.label.strip_prefix("lesson ").and_then(|s| s.split(' ').next()) {
            goal.extend(flushq_explain::lessons::lesson(l).expect("lesson").goal.iter().cloned());
        }
        for (a, check) in goal.iter().zip(check_all(&goal, &r.outcome, &r.events)) {
            let at = format!("{}: {a}", r.label);
            assert_eq!(check.passed, check.failure.is_none(), "{at}: a failure says why");
            judge(&mut problems, &format!("{at} title"), &a.to_string(), &a.title_in(Lang::ZH), &names);
            if !check.passed {
                judge(&mut problems, &format!("{at} why"), &check.why_in(Lang::EN), &check.why_in(Lang::ZH), &names);
                failures += 1;
            }
        }
    }
    assert!(events > 1000 && failures > 100, "{events} events, {failures} failed checks");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// The leftover-English detector itself: code and names pass, prose does not.
#[test]
fn leftover_english_is_caught() {
    let names = vec!["Office LAN".to_string(), "later".to_string(), "a".to_string()];
    assert!(leftover_english("客户端释放 `rows`（IUnknown::Release）。", &names).is_empty());
    assert!(leftover_english("Release(xp)（释放对象）", &names).is_empty());
    assert!(leftover_english("for row：第 1 行，共 2 行", &names).is_empty());
    assert!(leftover_english("后台处理程序把“a”交给 Office LAN；later 留下", &names).is_empty());
    assert!(leftover_english("OpenEntry(<eid 5e5532fb..02>) = S_OK，MAPI_SPOOLER (37)", &names).is_empty());
    assert_eq!(leftover_english("Office LAN 跳过传入阶段（model choice）", &names), ["model", "choice"]);
    assert_eq!(leftover_english("The spooler 开始", &names), ["The", "spooler"]);
    assert_eq!(leftover_english("Relater 和 Office LANs", &names), ["Relater", "Office"]);
}

/// The Chinese narration of the seed's two procedures, one line per step, read
/// and reviewed as a whole.
#[test]
fn chinese_narration_of_the_seed_procedures() {
    for name in ["spooler-upload", "per-transport-download"] {
        let r = run(name.to_string(), preset(name));
        let mut text = format!("# {name}\n");
        for (e, before) in r.events.iter().zip(&r.befores) {
            text.push_str(&format!(
                "{:>3} 【{}】{}\n",
                e.step,
                flushq_explain::catalog::of(Lang::ZH).actor(&e.actor),
                narrate_in(e, before, Lang::ZH)
            ));
        }
        insta::assert_snapshot!(format!("narration_zh_{name}"), text);
    }
}
