//! The tutorial's lessons: a shipped scenario, a script to start from, a goal
//! checked by the core (`flushq_core::goal`), a par for golf, hints and a
//! solution; every text in English and Simplified Chinese (MAPI names stay English).
//!
//! Each lesson is a TOML file of `lessons/`, `NN-ID.toml`, so that teaching order
//! is file order. The files are embedded in the build and decoded on first use by
//! the crate's own TOML reader; a broken one is reported as
//! `lessons/NN-ID.toml:line:col: message` (the tests decode every file):
//!
//! ```toml
//! id = "direction-erratum"             # stable: progress and links name it
//! preset = "spooler-download"          # a shipped scenario of `scenarios/`
//! par = 8                              # statements of the solution
//! title.en = "UPLOAD or DOWNLOAD? The erratum"
//! title.zh = "UPLOAD 还是 DOWNLOAD？勘误"
//! intro.en = "..."
//! intro.zh = "..."
//! goal = [                             # `flushq_core::goal::Assertion::NAMES`
//!     "all_incoming_received",         # an assertion that takes nothing
//!     { transport_untouched = "Dial-up" },                                      # a name
//!     { never_returned = { api = "FlushQueues", hresult = "MAPI_E_BUSY" } },    # a call
//!     { flags_passed = "FLUSH_DOWNLOAD | FLUSH_NO_UI" },                        # flags
//! ]
//! start = '''
//! ...
//! '''
//! solution = '''
//! ...
//! '''
//!
//! [[hint]]                             # shown one at a time, in this order
//! en = "Receiving is FLUSH_DOWNLOAD."
//! zh = "接收方向是 FLUSH_DOWNLOAD。"
//! ```

use crate::decode::from_toml::{array, invalid_type, missing_field, one_of, spanned, string, tables, unknown_field};
use crate::inline::InlineScript;
use crate::locate::FileDiagnostic;
use crate::toml_doc::{self, Error, Item, Str, Table, Value};
use crate::{errors, literal, load, preset, presets, Format};
use flushq_core::diag::{closest, Diagnostic};
use flushq_core::goal::{check_all_in, statement_count, Assertion, Check, Form};
use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::script;
use flushq_core::trace::{Event, Outcome};
use flushq_core::{Lang, LoadError, Machine, Scenario};

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// One lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Stable id, for progress and links.
    pub id: &'static str,
    /// The shipped scenario whose profile, queues and faults the lesson uses.
    pub preset: &'static str,
    /// Title.
    pub title: Text,
    /// What to learn and what to do, in a few sentences.
    pub intro: Text,
    /// Hints, shown one at a time on demand.
    pub hints: &'static [Text],
    /// The script the learner starts from.
    pub start: &'static str,
    /// A script that reaches the goal in `par` statements.
    pub solution: &'static str,
    /// Statements of the solution: the golf score to beat or match.
    pub par: usize,
    /// What the run must show.
    pub goal: Vec<Assertion>,
}

/// How a script did on a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Each assertion of the goal, checked.
    pub checks: Vec<Check>,
    /// Statements in the script.
    pub statements: usize,
    /// The lesson's par.
    pub par: usize,
}

impl Verdict {
    /// True when every assertion holds.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

impl Lesson {
    /// The lesson's scenario with `script` as the client script.
    pub fn scenario(&self, script: &str) -> Scenario {
        let p = preset(self.preset).expect("lessons name shipped presets");
        let mut s = load(p.toml, Format::Toml).expect("shipped presets load");
        s.script = script.into();
        s
    }

    /// Runs `script` (dialogs are answered as the scenario says: connect unless a
    /// fault cancels) and checks the goal.
    pub fn check(&self, script: &str) -> Result<Verdict, Vec<Diagnostic>> {
        self.check_scenario(&self.scenario(script), Lang::En)
    }

    /// Checks the goal on `scenario`: the lesson's own, or one the learner edited
    /// (some goals are reached by changing the profile, not the script). Reasons
    /// for failed assertions are in `lang`.
    pub fn check_scenario(&self, scenario: &Scenario, lang: Lang) -> Result<Verdict, Vec<Diagnostic>> {
        let (outcome, events) = run(scenario)?;
        let statements = statement_count(&scenario.script).unwrap_or(0);
        Ok(Verdict { checks: check_all_in(&self.goal, &outcome, &events, lang), statements, par: self.par })
    }
}

fn run(scenario: &Scenario) -> Result<(Outcome, Vec<Event>), Vec<Diagnostic>> {
    let mut m = Machine::new(scenario).map_err(|e| match e {
        LoadError::Script(d) => d,
        LoadError::Scenario(e) => vec![Diagnostic::error(Default::default(), e.to_string())],
    })?;
    m.run();
    Ok((m.outcome(), m.events().to_vec()))
}

#[cfg(test)]
const OPEN_SPOOLER: &str = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
";

macro_rules! lesson_files {
    ($($file:literal),* $(,)?) => {
        /// The files of `lessons/` by name, in teaching order.
        const FILES: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../lessons/", $file)))),*];
    };
}

lesson_files!(
    "01-find-the-spooler.toml",
    "02-flush-everything-outgoing.toml",
    "03-direction-erratum.toml",
    "04-per-transport-fallback.toml",
    "05-no-ui-dial-up.toml",
    "06-async-ok-busy.toml",
    "07-force-async-transport.toml",
    "08-deferred-message.toml",
    "09-release-everything.toml",
);

/// Every lesson, in teaching order (decoded once, on first use).
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: std::sync::OnceLock<Vec<Lesson>> = std::sync::OnceLock::new();
    LESSONS.get_or_init(decode_all)
}

/// The embedded lesson files, decoded. They are part of the build and the tests
/// decode each one, so a broken file here is a bug: it panics with its problems.
#[inline(never)]
fn decode_all() -> Vec<Lesson> {
    FILES.iter().map(|(name, src)| decode(src).unwrap_or_else(|d| panic!("{}", located(name, &d)))).collect()
}

/// The problems of lesson file `name`, one a line: `lessons/NAME:LINE:COL: message`.
fn located(name: &str, diags: &[FileDiagnostic]) -> String {
    diags.iter().map(|d| format!("lessons/{name}:{d}")).collect::<Vec<_>>().join("\n")
}

/// Fields of a lesson file; of a text (title, intro, hint); of a call assertion.
const LESSON_FIELDS: &[&str] = &["id", "preset", "par", "title", "intro", "goal", "start", "solution", "hint"];
const TEXT_FIELDS: &[&str] = &["en", "zh"];
const CALL_FIELDS: &[&str] = &["api", "hresult"];

/// Decodes a lesson file: its TOML, its names (preset, assertions, APIs, HRESULTs,
/// flags) and its two scripts, every problem placed in the file. Stops at the
/// first problem, except that both scripts report all of theirs.
fn decode(src: &str) -> Result<Lesson, Vec<FileDiagnostic>> {
    let doc = toml_doc::parse(src).map_err(|e| vec![errors::toml(src, &e)])?;
    let (lesson, scripts) = fields(src, &doc).map_err(|e| vec![errors::toml(src, &e)])?;
    let mut diags = Vec::new();
    for s in &scripts {
        let inline = InlineScript::new(src, &s.value, s.at, literal::toml(src, s.at));
        diags.extend(script::diagnose(&s.value).iter().map(|d| inline.place(d)));
    }
    if diags.is_empty() {
        Ok(lesson)
    } else {
        Err(diags)
    }
}

/// The lesson a file's document holds, and its start and solution scripts (to be
/// checked) with where they are written.
///
/// Lessons are decoded once into a static (see [`lessons`]) and never dropped, so
/// their texts are leaked into `&'static str`: `Lesson` and `Text` keep the shape
/// they had when lessons were written in Rust.
fn fields(src: &str, doc: &Table) -> Result<(Lesson, [Str; 2]), Error> {
    let (mut id, mut preset, mut par, mut title, mut intro) = (None, None, None, None, None);
    let (mut goal, mut start, mut solution, mut hints) = (None, None, None, Vec::new());
    for e in &doc.entries {
        let v = &e.item;
        match e.key.as_str() {
            "id" => id = Some(lesson_id(v)?),
            "preset" => preset = Some(shipped_preset(v)?),
            "par" => par = Some(count(v)?),
            "title" => title = Some(text_in(v)?),
            "intro" => intro = Some(text_in(v)?),
            "goal" => goal = Some(assertions(src, v)?),
            "start" => start = Some(spanned(v)?),
            "solution" => solution = Some(spanned(v)?),
            "hint" => hints = tables(v, text)?,
            _ => return Err(unknown_field(&e.key, e.at, LESSON_FIELDS)),
        }
    }
    let missing = |field| missing_field(0, field);
    let (start, solution) = (start.ok_or_else(|| missing("start"))?, solution.ok_or_else(|| missing("solution"))?);
    let lesson = Lesson {
        id: id.ok_or_else(|| missing("id"))?,
        preset: preset.ok_or_else(|| missing("preset"))?,
        title: title.ok_or_else(|| missing("title"))?,
        intro: intro.ok_or_else(|| missing("intro"))?,
        hints: hints.leak(),
        start: start.value.clone().leak(),
        solution: solution.value.clone().leak(),
        par: par.ok_or_else(|| missing("par"))?,
        goal: goal.ok_or_else(|| missing("goal"))?,
    };
    Ok((lesson, [start, solution]))
}

/// An id: lowercase letters, digits and `-` (it names the lesson in links, saved
/// progress and the file name).
fn lesson_id(v: &Item) -> Result<&'static str, Error> {
    let id = string(v)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(Error::new(v.at, format!("lesson id `{id}` must be lowercase letters, digits and `-`")));
    }
    Ok(id.leak())
}

/// The name of a shipped scenario.
fn shipped_preset(v: &Item) -> Result<&'static str, Error> {
    let name = string(v)?;
    preset(&name)
        .map(|p| p.name)
        .ok_or_else(|| Error::new(v.at, unknown("preset", &name, presets().iter().map(|p| p.name))))
}

fn count(v: &Item) -> Result<usize, Error> {
    match v.value {
        Value::Integer(n) => usize::try_from(n).map_err(|_| invalid_type(v, "a number of statements")),
        _ => Err(invalid_type(v, "a number of statements")),
    }
}

/// A text written as a table (`title.en = ".."` and `title.zh = ".."`, or a `[title]` header).
fn text_in(v: &Item) -> Result<Text, Error> {
    match &v.value {
        Value::Table(t) => text(t, v.at),
        _ => Err(invalid_type(v, "a table of `en` and `zh`")),
    }
}

/// A text's table, which starts at byte `at`: English and Chinese, neither empty.
fn text(t: &Table, at: usize) -> Result<Text, Error> {
    let (mut en, mut zh) = (None, None);
    for e in &t.entries {
        let slot = match e.key.as_str() {
            "en" => &mut en,
            "zh" => &mut zh,
            _ => return Err(unknown_field(&e.key, e.at, TEXT_FIELDS)),
        };
        let s = string(&e.item)?;
        if s.trim().is_empty() {
            return Err(Error::new(e.item.at, format!("`{}` is empty", e.key)));
        }
        *slot = Some(s.leak() as &'static str);
    }
    Ok(Text { en: en.ok_or_else(|| missing_field(at, "en"))?, zh: zh.ok_or_else(|| missing_field(at, "zh"))? })
}

/// The goal: a non-empty array of assertions.
fn assertions(src: &str, v: &Item) -> Result<Vec<Assertion>, Error> {
    let items = array(v)?;
    if items.is_empty() {
        return Err(Error::new(v.at, "a goal needs at least one assertion"));
    }
    items.iter().map(|item| assertion(src, item)).collect()
}

/// An assertion: its name (`"nothing_leaked"`), or a table of one key, its name,
/// whose value is what it takes (`{ opened = "spooler" }`).
fn assertion(src: &str, item: &Item) -> Result<Assertion, Error> {
    let (name, at, arg) = match &item.value {
        Value::String(name) => (name.as_str(), item.at, None),
        Value::Table(t) if t.entries.len() == 1 => {
            (t.entries[0].key.as_str(), t.entries[0].at, Some(&t.entries[0].item))
        }
        Value::Table(_) => {
            return Err(Error::new(item.at, "an assertion in braces has one key, its name: `{ opened = \"spooler\" }`"))
        }
        _ => return Err(invalid_type(item, "an assertion: its name, or `{ name = what it takes }`")),
    };
    let names = Assertion::NAMES.iter().map(|(n, _)| *n);
    let form = Form::from_name(name).ok_or_else(|| Error::new(at, unknown("assertion", name, names)))?;
    let Some(arg) = arg else {
        return match form {
            Form::Bare(build) => Ok(build()),
            _ => Err(Error::new(at, format!("`{name}` takes {}: `{}`", takes(form), usage(name, form)))),
        };
    };
    match form {
        Form::Bare(_) => Err(Error::new(arg.at, format!("`{name}` takes nothing: write `\"{name}\"`"))),
        Form::Name(build) => {
            let s = string(arg)?;
            if s.trim().is_empty() {
                return Err(Error::new(arg.at, format!("`{name}` takes a name, not an empty string")));
            }
            Ok(build(s))
        }
        Form::Call(build) => call(arg).map(|(api, hresult)| build(api, hresult)),
        Form::Flags(build) => flags(src, arg).map(build),
    }
}

/// What an assertion of `form` takes, in words.
fn takes(form: Form) -> &'static str {
    match form {
        Form::Bare(_) => "nothing",
        Form::Name(_) => "a name",
        Form::Call(_) => "an API and an HRESULT",
        Form::Flags(_) => "FlushQueues flags",
    }
}

/// How an assertion named `name` of `form` is written.
fn usage(name: &str, form: Form) -> String {
    match form {
        Form::Bare(_) => format!("\"{name}\""),
        Form::Name(_) => format!("{{ {name} = \"Office LAN\" }}"),
        Form::Call(_) => format!("{{ {name} = {{ api = \"FlushQueues\", hresult = \"MAPI_E_BUSY\" }} }}"),
        Form::Flags(_) => format!("{{ {name} = \"FLUSH_UPLOAD | FLUSH_FORCE\" }}"),
    }
}

/// `{ api = "FlushQueues", hresult = "MAPI_E_BUSY" }`: a function or method a
/// script may call, and an HRESULT.
fn call(v: &Item) -> Result<(&'static str, HResult), Error> {
    let Value::Table(t) = &v.value else { return Err(invalid_type(v, "a table of `api` and `hresult`")) };
    let (mut api, mut hresult) = (None, None);
    for e in &t.entries {
        let name = string(&e.item)?;
        match e.key.as_str() {
            "api" => {
                let apis = || script::FUNCTIONS.iter().chain(&script::METHODS).map(|(n, ..)| *n);
                let found = apis().find(|n| *n == name);
                api = Some(found.ok_or_else(|| Error::new(e.item.at, unknown("API", &name, apis())))?);
            }
            "hresult" => {
                let found = HResult::from_name(&name);
                let names = HResult::ALL.iter().map(|h| h.name());
                hresult = Some(found.ok_or_else(|| Error::new(e.item.at, unknown("HRESULT", &name, names)))?);
            }
            _ => return Err(unknown_field(&e.key, e.at, CALL_FIELDS)),
        }
    }
    Ok((api.ok_or_else(|| missing_field(v.at, "api"))?, hresult.ok_or_else(|| missing_field(v.at, "hresult"))?))
}

/// FlushQueues flags as a script writes them, `"FLUSH_UPLOAD | FLUSH_FORCE"`; an
/// unknown name is placed where it stands in the string.
fn flags(src: &str, v: &Item) -> Result<FlushFlags, Error> {
    let written = string(v)?;
    let literal = literal::toml(src, v.at).filter(|d| d.text == written);
    let offset = |i: usize| literal.as_ref().map_or(v.at, |d| d.source_offset(i));
    let mut flags = FlushFlags::EMPTY;
    let mut from = 0;
    for part in written.split('|') {
        let name = part.trim();
        let at = offset(from + part.len() - part.trim_start().len());
        from += part.len() + 1;
        flags |= match FlushFlags::from_name(name) {
            Some(flag) => flag,
            None if name.is_empty() => {
                return Err(Error::new(at, "expected a flag name, as in `FLUSH_UPLOAD | FLUSH_FORCE`"))
            }
            None => return Err(Error::new(at, unknown("flag", name, FlushFlags::NAMED.iter().map(|(n, _)| *n)))),
        };
    }
    Ok(flags)
}

/// "unknown WHAT `name`", with the closest of `names` if it looks like a typo of
/// one, or else all of them.
fn unknown<'a>(what: &str, name: &str, names: impl Iterator<Item = &'a str> + Clone) -> String {
    match closest(name, names.clone()) {
        Some(c) => format!("unknown {what} `{name}`; did you mean `{c}`?"),
        None => format!("unknown {what} `{name}`, expected {}", one_of(&names.collect::<Vec<_>>())),
    }
}

#[cfg(test)]
fn build() -> Vec<Lesson> {
    use flushq_core::script::PRESET_SPOOLER;
    use Assertion::*;
    vec![
        Lesson {
            id: "find-the-spooler",
            preset: "spooler-upload",
            title: Text { en: "Find the spooler's row", zh: "找到后台处理程序的行" },
            intro: Text {
                en: "Every flush starts in the status table. Limit its columns to PR_ENTRYID and PR_RESOURCE_TYPE, find the row whose PR_RESOURCE_TYPE is MAPI_SPOOLER with HrQueryAllRows, and open its status object with OpenEntry. Release what you open.",
                zh: "每次刷新都从状态表开始。把列限制为 PR_ENTRYID 和 PR_RESOURCE_TYPE，用 HrQueryAllRows 找到 PR_RESOURCE_TYPE 为 MAPI_SPOOLER 的行，再用 OpenEntry 打开它的状态对象。打开的东西都要释放。",
            },
            hints: &[
                Text { en: "A restriction is written `PR_RESOURCE_TYPE == MAPI_SPOOLER`.", zh: "限制条件写作 `PR_RESOURCE_TYPE == MAPI_SPOOLER`。" },
                Text { en: "The entry id is `rows[0].PR_ENTRYID`; free the row set with FreeProws.", zh: "条目标识是 `rows[0].PR_ENTRYID`；行集用 FreeProws 释放。" },
            ],
            start: "table = session.GetStatusTable()\n// Find the spooler's row and open its status object here.\nRelease(table)\n",
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 7,
            goal: vec![Opened("spooler".into()), NothingLeaked, NoScriptErrors],
        },
        Lesson {
            id: "flush-everything-outgoing",
            preset: "spooler-upload",
            title: Text { en: "Send everything through the spooler", zh: "通过后台处理程序发送全部邮件" },
            intro: Text {
                en: "One FlushQueues call on the spooler flushes every transport, in transport order. Send every outgoing message, and release everything. The dial-up transport will ask to connect: that is expected here.",
                zh: "对后台处理程序调用一次 FlushQueues，就会按传输顺序刷新每个传输提供程序。发送所有待发邮件，并释放所有对象。拨号传输会询问是否连接：在这里这是预料之中的。",
            },
            hints: &[
                Text { en: "Outgoing is FLUSH_UPLOAD.", zh: "发送方向是 FLUSH_UPLOAD。" },
                Text { en: "Pass FLUSH_NO_UI too: well-behaved transports then stay quiet.", zh: "同时传递 FLUSH_NO_UI：遵守它的传输就不会弹出界面。" },
            ],
            start: OPEN_SPOOLER,
            solution: PRESET_SPOOLER,
            par: 8,
            goal: vec![AllOutgoingDelivered, NothingLeaked, NoScriptErrors],
        },
        Lesson {
            id: "direction-erratum",
            preset: "spooler-download",
            title: Text { en: "UPLOAD or DOWNLOAD? The erratum", zh: "UPLOAD 还是 DOWNLOAD？勘误" },
            intro: Text {
                en: "The seed page says FLUSH_UPLOAD flushes the incoming queues. The FlushQueues reference pages say the opposite, and flushq follows them. This script trusts the seed page: fix it so that every waiting message is received, without any dialog.",
                zh: "原始页面说 FLUSH_UPLOAD 刷新传入队列，而 FlushQueues 参考文档的说法正好相反，flushq 以参考文档为准。下面的脚本相信了原始页面：请修改它，使所有等待中的邮件都被接收，并且不弹出任何对话框。",
            },
            hints: &[Text { en: "Receiving is FLUSH_DOWNLOAD.", zh: "接收方向是 FLUSH_DOWNLOAD。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![AllIncomingReceived, NoUiPrompt, NothingLeaked],
        },
        Lesson {
            id: "per-transport-fallback",
            preset: "per-transport-download",
            title: Text { en: "One transport at a time, with the fallback", zh: "逐个传输刷新，以及回退" },
            intro: Text {
                en: "Flushing transport by transport works only where PR_RESOURCE_METHODS has STATUS_FLUSH_QUEUES. This loop calls every transport's own FlushQueues, and Dial-up answers MAPI_E_NO_SUPPORT. Check the bit, and for a transport without it call the spooler's FlushQueues with `target:` set to its entry id.",
                zh: "只有 PR_RESOURCE_METHODS 含有 STATUS_FLUSH_QUEUES 的传输才能逐个刷新。这个循环对每个传输都调用它自己的 FlushQueues，而 Dial-up 返回 MAPI_E_NO_SUPPORT。请检查这个位；对没有它的传输，调用后台处理程序的 FlushQueues，并把 `target:` 设为它的条目标识。",
            },
            hints: &[
                Text { en: "`if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES { ... } else { ... }`", zh: "`if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES { ... } else { ... }`" },
                Text { en: "You need the spooler's status object too: open it before the loop.", zh: "你还需要后台处理程序的状态对象：在循环之前打开它。" },
            ],
            start: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)
for row in rows {
    xp = session.OpenEntry(row.PR_ENTRYID)
    xp.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
    Release(xp)
}
Release(table)
FreeProws(rows)
",
            solution: flushq_core::script::PRESET_PER_TRANSPORT,
            par: 15,
            goal: vec![
                AllIncomingReceived,
                FlushedOnItsOwnObject("Office LAN".into()),
                FlushedThroughSpooler("Dial-up".into()),
                NeverReturned { api: "FlushQueues", hresult: HResult::NoSupport },
                NothingLeaked,
            ],
        },
        Lesson {
            id: "no-ui-dial-up",
            preset: "spooler-upload",
            title: Text { en: "FLUSH_NO_UI and the dial-up transport", zh: "FLUSH_NO_UI 与拨号传输" },
            intro: Text {
                en: "Dial-up ignores FLUSH_NO_UI, as modem and RAS transports may: flushing it always shows its dialog. Send Office LAN's mail with no dialog at all, and leave Dial-up alone.",
                zh: "Dial-up 会忽略 FLUSH_NO_UI，调制解调器和 RAS 传输都可能如此：刷新它总会弹出对话框。请在不弹出任何对话框的情况下发送 Office LAN 的邮件，并且不要动 Dial-up。",
            },
            hints: &[
                Text { en: "A restriction can match a name: `PR_DISPLAY_NAME == \"Office LAN\"`.", zh: "限制条件也可以匹配名称：`PR_DISPLAY_NAME == \"Office LAN\"`。" },
                Text { en: "The spooler flushes only the transport named by `target:`.", zh: "后台处理程序只刷新 `target:` 指定的传输。" },
            ],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
lan = HrQueryAllRows(table, PR_DISPLAY_NAME == \"Office LAN\")
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: lan[0].PR_ENTRYID)
Release(spooler)
Release(table)
FreeProws(lan)
FreeProws(sp)
",
            par: 10,
            goal: vec![TransportDelivered("Office LAN".into()), NoUiPrompt, TransportUntouched("Dial-up".into()), NothingLeaked],
        },
        Lesson {
            id: "async-ok-busy",
            preset: "async-ok-busy",
            title: Text { en: "FLUSH_ASYNC_OK and MAPI_E_BUSY", zh: "FLUSH_ASYNC_OK 与 MAPI_E_BUSY" },
            intro: Text {
                en: "With FLUSH_ASYNC_OK the spooler's FlushQueues returns at once and the flush goes on in the background; a second flush meanwhile gets MAPI_E_BUSY. Send and receive everything in the background without ever being busy.",
                zh: "使用 FLUSH_ASYNC_OK 时，后台处理程序的 FlushQueues 会立即返回，刷新在后台继续；此时再次刷新会得到 MAPI_E_BUSY。请在后台完成全部发送和接收，并且不要遇到忙碌错误。",
            },
            hints: &[Text { en: "One call can carry both directions.", zh: "一次调用可以同时指定两个方向。" }],
            start: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
first = spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_ASYNC_OK)
second = spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD | FLUSH_ASYNC_OK)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![
                AsynchronousFlush,
                NeverReturned { api: "FlushQueues", hresult: HResult::Busy },
                AllOutgoingDelivered,
                AllIncomingReceived,
                NothingLeaked,
            ],
        },
        Lesson {
            id: "force-async-transport",
            preset: "async-transport-no-force",
            title: Text { en: "FLUSH_FORCE and an asynchronous transport", zh: "FLUSH_FORCE 与异步传输" },
            intro: Text {
                en: "Satellite Link sends on its own schedule: a flush without FLUSH_FORCE leaves its queue alone. Send every outgoing message now.",
                zh: "Satellite Link 按自己的时间表发送：不带 FLUSH_FORCE 的刷新不会处理它的队列。请现在就发送所有待发邮件。",
            },
            hints: &[Text { en: "FLUSH_FORCE asks for the flush even at a cost.", zh: "FLUSH_FORCE 要求即使代价较高也要刷新。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_FORCE)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![AllOutgoingDelivered, NothingLeaked],
        },
        Lesson {
            id: "deferred-message",
            preset: "message-deferred",
            title: Text { en: "A deferred message", zh: "被延迟的邮件" },
            intro: Text {
                en: "Office LAN defers \"later\" the first time it is submitted; the next flush reports it with NOTIFY_SENTDEFERRED and sends it. Get every outgoing message delivered.",
                zh: "Office LAN 第一次提交 \"later\" 时会延迟它；下一次刷新时会用 NOTIFY_SENTDEFERRED 报告并发送它。请让所有待发邮件都送达。",
            },
            hints: &[Text { en: "Nothing is lost: flush once more.", zh: "什么都没有丢失：再刷新一次。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 9,
            goal: vec![AllOutgoingDelivered, NothingLeaked],
        },
        Lesson {
            id: "release-everything",
            preset: "leaky-script",
            title: Text { en: "Release everything", zh: "释放所有对象" },
            intro: Text {
                en: "This script receives all the mail but leaks: a status object per loop turn, and a row set. Make it release every object it opens (Release) and free every row set (FreeProws).",
                zh: "这个脚本收到了所有邮件，但有泄漏：每次循环都有一个状态对象未释放，还有一个行集。请让它释放打开的每个对象（Release），并释放每个行集（FreeProws）。",
            },
            hints: &[Text { en: "Leaks are reported with the line that created them.", zh: "泄漏会连同创建它的行号一起报告。" }],
            start: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)
for row in rows {
    xp = session.OpenEntry(row.PR_ENTRYID)
    if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES {
        xp.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
    } else {
        spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD, target: row.PR_ENTRYID)
    }
}
Release(spooler)
Release(table)
FreeProws(rows)
",
            solution: flushq_core::script::PRESET_PER_TRANSPORT,
            par: 15,
            goal: vec![NothingLeaked, AllIncomingReceived],
        },
    ]
}

/// The lesson with this id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_eight_lessons_with_unique_ids() {
        let all = lessons();
        assert!(all.len() >= 8);
        for (i, l) in all.iter().enumerate() {
            assert!(all[..i].iter().all(|o| o.id != l.id), "{}", l.id);
            assert!(preset(l.preset).is_some(), "{}", l.preset);
        }
    }

    /// Each lesson is a real exercise: the start runs but misses the goal, the
    /// solution reaches it at par, and every text exists in both languages.
    #[test]
    fn starts_fail_and_solutions_pass_at_par() {
        for l in lessons() {
            let start = l.check(l.start).unwrap_or_else(|d| panic!("{}: start does not run: {d:?}", l.id));
            assert!(!start.passed(), "{}: the starting script already reaches the goal", l.id);
            let solved = l.check(l.solution).unwrap_or_else(|d| panic!("{}: solution does not run: {d:?}", l.id));
            let failed: Vec<_> = solved.checks.iter().filter(|c| !c.passed).collect();
            assert!(failed.is_empty(), "{}: solution misses {failed:?}", l.id);
            assert_eq!(solved.statements, l.par, "{}: par", l.id);
            for t in std::iter::once(l.title).chain(std::iter::once(l.intro)).chain(l.hints.iter().copied()) {
                assert!(!t.en.is_empty() && !t.zh.is_empty(), "{}", l.id);
                assert!(
                    t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || t.zh.starts_with('`'),
                    "{}: {}",
                    l.id,
                    t.zh
                );
            }
        }
    }

    /// The files hold exactly what the Rust builder did.
    #[test]
    fn the_files_hold_what_the_builder_built() {
        assert_eq!(lessons(), build().as_slice());
    }

    #[test]
    fn a_failed_check_says_why() {
        let l = lesson("per-transport-fallback").unwrap();
        let v = l.check(l.start).unwrap();
        let why: Vec<&str> = v.checks.iter().filter(|c| !c.passed).map(|c| c.why.as_str()).collect();
        assert!(why.iter().any(|w| w.contains("MAPI_E_NO_SUPPORT")), "{why:?}");
        assert!(why.iter().any(|w| w.contains("r3 still waits on Dial-up")), "{why:?}");
    }
}
