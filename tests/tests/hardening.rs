//! Hardening: the three front ends that read untrusted text (the script parser,
//! the scenario decoder and the share-link decoder) fuzzed with proptest, a
//! corpus of bad inputs with the diagnostic each must produce, and the limits
//! that keep a run bounded.
//!
//! The corpus lives in `tests/corpus/`; `tests/corpus/expected.txt` says, for each
//! file, where its first diagnostic must be and what it must say. Adding a file
//! there (and a line to the manifest) adds a case.

use flushq_core::diag::{line_col, Severity};
use flushq_core::machine::RuntimeError;
use flushq_core::mapi::constant_names;
use flushq_core::scenario::{limits, Limit, ScenarioError};
use flushq_core::script::Diagnostic;
use flushq_core::script::{diagnose, MAX_ERRORS, PRESET_SPOOLER};
use flushq_core::trace::{Answer, EventKind};
use flushq_core::{LoadError, Machine, Scenario, TransportKind, TransportSpec};
use flushq_explain::Lang;
use flushq_explain::{catalog, file_diagnostic_in, file_message_in, script_message_in};
use flushq_scenario::{load, presets, FileDiagnostic, Format};
use flushq_web::share::{self, Shared};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// ------------------------------------------------------------------ checks

/// Checks that 1-based `line:col` names a place in `src`: an existing line, and a
/// column at most one past its last character (the end of the file is the column
/// after the last character of the last line).
fn position_in(src: &str, line: u32, col: u32) -> Result<(), String> {
    if line == 0 || col == 0 {
        return Err(format!("{line}:{col} is not 1-based"));
    }
    let Some(text) = src.split('\n').nth(line as usize - 1) else {
        return Err(format!("line {line} is past the end ({} lines)", src.split('\n').count()));
    };
    let width = text.chars().count() as u32 + 1;
    if col > width {
        return Err(format!("{line}:{col} is past the end of its line ({width} columns)"));
    }
    Ok(())
}

/// Whether a message may legitimately quote a line break the user wrote as an escape;
/// see `bug_messages_quote_user_line_breaks` (a known problem, kept out of the fuzzers).
fn has_escaped_line_break(src: &str) -> bool {
    src.contains("\\n") || src.contains("\\r") || src.to_ascii_lowercase().contains("\\u000")
}

/// A user-facing message: one non-empty line with no trailing line break.
fn message_ok(message: &str, strict: bool) -> Result<(), String> {
    if message.trim().is_empty() {
        return Err("empty message".into());
    }
    if message.ends_with('\n') || message.ends_with('\r') {
        return Err(format!("message ends with a line break: {message:?}"));
    }
    if strict && message.contains('\n') {
        return Err(format!("message spans lines: {message:?}"));
    }
    Ok(())
}

/// Everything a script diagnostic promises: a position in the script that agrees
/// with its byte offset, and a one-line message in each language.
fn script_diags_ok(src: &str, diags: &[Diagnostic]) -> Result<(), String> {
    for d in diags {
        let s = d.span;
        position_in(src, s.line, s.col).map_err(|e| format!("{e}: {d:?}"))?;
        if s.start > s.end || s.end as usize > src.len() {
            return Err(format!("span outside the script: {d:?}"));
        }
        if line_col(src, s.start as usize) != (s.line, s.col) {
            return Err(format!("line:col disagrees with the offset ({:?}): {d:?}", line_col(src, s.start as usize)));
        }
        for lang in Lang::ALL {
            message_ok(&script_message_in(&d.message, lang), true).map_err(|e| format!("{e}: {d:?}"))?;
        }
    }
    if diags.windows(2).any(|w| w[0].span.start > w[1].span.start) {
        return Err(format!("not in source order: {diags:?}"));
    }
    Ok(())
}

/// Everything a rejected scenario file promises: at least one diagnostic, each
/// inside the file, each a one-line message in each language.
fn file_diags_ok(src: &str, diags: &[FileDiagnostic]) -> Result<(), String> {
    if diags.is_empty() {
        return Err("rejected without a diagnostic".into());
    }
    let strict = !has_escaped_line_break(src);
    for d in diags {
        position_in(src, d.line, d.col).map_err(|e| format!("{e}: {d:?}"))?;
        for lang in Lang::ALL {
            message_ok(&file_message_in(&d.message, lang), strict).map_err(|e| format!("{e}: {d:?}"))?;
        }
    }
    if diags.windows(2).any(|w| (w[0].line, w[0].col) > (w[1].line, w[1].col)) {
        return Err(format!("not in file order: {diags:?}"));
    }
    Ok(())
}

/// A scenario that loaded must also start and run to its end.
fn runs_to_the_end(s: &Scenario) -> Result<(), String> {
    let mut m = Machine::new(s).map_err(|e| format!("loaded, but Machine::new refused it: {e:?}"))?;
    m.run();
    if !m.is_finished() {
        return Err("the run did not finish".into());
    }
    Ok(())
}

fn errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| d.severity == Severity::Error).collect()
}

/// A shipped scenario by index, decoded.
fn preset_scenario(i: usize) -> Scenario {
    let p = &presets()[i % presets().len()];
    load(p.toml, Format::Toml).unwrap_or_else(|d| panic!("preset {}: {d:?}", p.name))
}

/// The same scenario as a JSON file, every field explicit.
fn to_json(s: &Scenario) -> String {
    use flushq_core::FaultKind;
    let transports: Vec<_> = s
        .transports
        .iter()
        .map(|t| {
            serde_json::json!({
                "name": t.name,
                "kind": t.kind.name(),
                "methods": t.methods.names().collect::<Vec<_>>(),
                "honors_no_ui": t.honors_no_ui,
                "async": t.asynchronous,
                "offline": t.offline,
                "outbound": t.outbound,
                "remote": t.remote,
            })
        })
        .collect();
    let faults: Vec<_> = s
        .faults
        .iter()
        .map(|f| {
            let mut v = serde_json::json!({"transport": s.transports[f.transport.index()].name, "kind": f.kind.name()});
            if let FaultKind::MessageFails(m) | FaultKind::MessageDeferred(m) | FaultKind::DropsFlushBits(Some(m)) =
                &f.kind
            {
                v["message"] = m.clone().into();
            }
            if let FaultKind::SpoolerShutdown { after } = f.kind {
                v["after"] = after.into();
            }
            v
        })
        .collect();
    let stores: Vec<_> = s.stores.iter().map(|n| serde_json::json!({ "name": n })).collect();
    let doc = serde_json::json!({
        "title": s.title,
        "seed": s.seed,
        "script": s.script,
        "transport": transports,
        "store": stores,
        "fault": faults,
    });
    serde_json::to_string_pretty(&doc).expect("renders")
}

#[test]
fn json_rendering_of_every_preset_loads_back() {
    for i in 0..presets().len() {
        let s = preset_scenario(i);
        assert_eq!(load(&to_json(&s), Format::Json), Ok(s), "{}", presets()[i].name);
    }
}

// ------------------------------------------------------------------ generators

/// Names a script is likely to use: variables, functions, methods, fields.
const NAMES: &[&str] = &[
    "session",
    "NULL",
    "table",
    "rows",
    "row",
    "sp",
    "xp",
    "spooler",
    "hr",
    "x",
    "HrQueryAllRows",
    "Release",
    "FreeProws",
    "GetStatusTable",
    "OpenEntry",
    "SetColumns",
    "FlushQueues",
    "ValidateState",
    "cRows",
    "target",
    "crowsMax",
    "FLUSH_UPLAOD",
    "GetStatusTabel",
];

const PUNCTUATION: &[&str] = &["(", ")", "{", "}", "[", "]", ".", ",", "|", "&", "==", "!=", "=", "!", ":", ";"];

/// One token of script-like noise.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(NAMES).prop_map(String::from),
        3 => select(constant_names()).prop_map(String::from),
        2 => (0u64..300).prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| format!("0x{n:X}")),
        1 => Just(String::from("1234567890123456789012345678901234567890")),
        8 => select(PUNCTUATION).prop_map(String::from),
        3 => select(&["for", "in", "if", "else"][..]).prop_map(String::from),
        4 => Just(String::from("\n")),
        1 => "[a-z ]{0,8}".prop_map(|s| format!("// {s}\n")),
        1 => "[a-zA-Z _\\\\\"]{0,8}".prop_map(|s| format!("\"{s}\"")),
        1 => "\\PC".prop_map(String::from),
    ]
}

/// Script-like text: tokens with or without spaces between them.
fn token_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec((token(), any::<bool>()), 0..80).prop_map(|tokens| {
        let mut s = String::new();
        for (t, space) in tokens {
            s.push_str(&t);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

const VARS: &[&str] = &["table", "rows", "row", "sp", "xp", "spooler", "hr", "session", "NULL"];
const PROPS: &[&str] = &["PR_ENTRYID", "PR_RESOURCE_TYPE", "PR_RESOURCE_METHODS", "PR_STATUS_CODE", "PR_DISPLAY_NAME"];
const VALUES: &[&str] = &[
    "MAPI_SPOOLER",
    "MAPI_TRANSPORT_PROVIDER",
    "STATUS_FLUSH_QUEUES",
    "FLUSH_UPLOAD",
    "FLUSH_DOWNLOAD",
    "FLUSH_NO_UI",
    "FLUSH_FORCE",
    "FLUSH_ASYNC_OK",
    "S_OK",
    "0",
    "1",
    "7",
];

/// One line of a plausible script, from a template with random holes; blocks are
/// opened and closed by separate lines and balanced afterwards.
fn statement() -> impl Strategy<Value = String> {
    let v = || select(VARS);
    // Assigning to `session` or `NULL` is a checker error; keep most scripts valid.
    let t = || select(&VARS[..7]);
    let p = || select(PROPS);
    let c = || select(VALUES);
    prop_oneof![
        t().prop_map(|a| format!("{a} = session.GetStatusTable()")),
        (v(), p(), p()).prop_map(|(a, x, y)| format!("{a}.SetColumns({x}, {y})")),
        (t(), v(), p(), c()).prop_map(|(a, b, x, y)| format!("{a} = HrQueryAllRows({b}, {x} == {y})")),
        (t(), v(), p(), c()).prop_map(|(a, b, x, y)| format!("{a} = HrQueryAllRows({b}, {x} & {y}, crowsMax: 1)")),
        (t(), v()).prop_map(|(a, b)| format!("{a} = HrQueryAllRows({b})")),
        (t(), v(), 0u8..3, p()).prop_map(|(a, b, i, x)| format!("{a} = session.OpenEntry({b}[{i}].{x})")),
        (t(), v(), p()).prop_map(|(a, b, x)| format!("{a} = session.OpenEntry({b}.{x})")),
        (v(), c(), c()).prop_map(|(a, x, y)| format!("{a}.FlushQueues({x} | {y})")),
        (t(), v(), c(), v()).prop_map(|(h, a, x, r)| format!("{h} = {a}.FlushQueues({x}, target: {r}.PR_ENTRYID)")),
        (t(), v(), p()).prop_map(|(a, b, x)| format!("{a} = {b}.{x}")),
        (t(), v()).prop_map(|(a, b)| format!("{a} = {b}.cRows")),
        v().prop_map(|a| format!("{a}.ValidateState()")),
        v().prop_map(|a| format!("Release({a})")),
        v().prop_map(|a| format!("FreeProws({a})")),
        (t(), v()).prop_map(|(a, b)| format!("for {a} in {b} {{")),
        (v(), p(), c()).prop_map(|(a, x, y)| format!("if {a}.{x} & {y} {{")),
        (v(), c()).prop_map(|(a, y)| format!("if {a} == {y} {{")),
        v().prop_map(|a| format!("if !{a} {{")),
        Just(String::from("} else {")),
        Just(String::from("}")),
        Just(String::from("}")),
    ]
}

/// Assigns every variable [`statement`] uses, so that most generated scripts pass
/// the checker and reach the machine.
const PRELUDE: &str = "table = session.GetStatusTable()\nrows = HrQueryAllRows(table)\nrow = rows\nsp = rows\n\
                       xp = table\nspooler = table\nhr = S_OK\n";

/// A script built from [`statement`]s, with its blocks closed; with or without
/// [`PRELUDE`].
fn structured_script() -> impl Strategy<Value = String> {
    (any::<bool>(), proptest::collection::vec(statement(), 0..25)).prop_map(|(prelude, lines)| {
        let mut depth = 0usize;
        let mut out = String::from(if prelude { PRELUDE } else { "" });
        for line in lines {
            let opens = line.ends_with('{');
            let closes = line.starts_with('}');
            if closes && depth == 0 {
                continue;
            }
            if closes && !opens {
                depth -= 1;
            } else if opens && !closes {
                depth += 1;
            }
            out.push_str(&"  ".repeat(depth.saturating_sub(usize::from(opens))));
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&"}\n".repeat(depth));
        out
    })
}

/// One edit of a byte string: replace, insert or delete a byte.
#[derive(Clone, Debug)]
enum Edit {
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index),
}

/// Bytes that matter to TOML, JSON and scripts, or any byte at all.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![2 => select(&b"\"'[]{}=,:\n\r\\#.0123456789 -_ntfu"[..]), 1 => any::<u8>()]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<Index>(), interesting_byte()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<Index>(), interesting_byte()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<Index>().prop_map(Edit::Delete),
    ];
    proptest::collection::vec(edit, 1..8)
}

fn apply(src: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut b = src.to_vec();
    for e in edits {
        match e {
            Edit::Flip(i, byte) if !b.is_empty() => {
                let i = i.index(b.len());
                b[i] = *byte;
            }
            Edit::Insert(i, byte) => {
                let i = i.index(b.len() + 1);
                b.insert(i, *byte);
            }
            Edit::Delete(i) if !b.is_empty() => {
                let i = i.index(b.len());
                b.remove(i);
            }
            _ => {}
        }
    }
    b
}

/// A real link to a preset, with some answers and a step.
fn real_link(i: usize, answers: &[bool], step: u32) -> String {
    let answers = answers.iter().map(|&c| if c { Answer::Connect } else { Answer::Cancel }).collect();
    share::encode(&Shared { scenario: preset_scenario(i), answers, step })
}

/// A character of a link's data, mostly from its alphabet.
fn link_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => "[A-Za-z0-9_-]".prop_map(|s| s.chars().next().unwrap_or('A')),
        1 => select(&['=', '&', '#', '+', '/', '%', ' ', '\u{e9}', '\0'][..]),
    ]
}

fn decode_ok(fragment: &str) -> Result<(), TestCaseError> {
    match share::decode(fragment) {
        Ok(shared) => {
            // Whatever a link decodes to can be linked again.
            prop_assert_eq!(share::decode(&share::encode(&shared)), Ok(shared));
        }
        Err(e) => {
            let shown = e.to_string();
            message_ok(&shown, true).map_err(|why| TestCaseError::fail(format!("{why}: {e:?}")))?;
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ fuzzers

/// Proptest settings with `cases` cases, chosen so that the whole file runs in a few
/// seconds in a debug build.
fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(cases(2000))]

    /// Any bytes at all, as the editor would see them after lossy decoding.
    #[test]
    fn diagnose_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let src = String::from_utf8_lossy(&bytes);
        let d = diagnose(&src);
        script_diags_ok(&src, &d).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(cases(600))]

    /// Script-like noise: diagnosed with good positions, and whatever diagnose
    /// accepts also starts and runs to its end.
    #[test]
    fn diagnose_token_soup(src in token_soup(), preset in 0..presets().len()) {
        let d = diagnose(&src);
        script_diags_ok(&src, &d).map_err(TestCaseError::fail)?;
        let mut s = preset_scenario(preset);
        s.script = src.clone();
        match Machine::new(&s) {
            Ok(mut m) => {
                prop_assert!(errors(d).is_empty(), "diagnose found errors but the machine started");
                m.run();
                prop_assert!(m.is_finished());
            }
            Err(LoadError::Script(found)) => prop_assert_eq!(found, errors(d)),
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }
}

proptest! {
    #![proptest_config(cases(600))]

    /// Plausible scripts (mostly valid): if diagnose is happy, the run must start
    /// and finish, whatever run-time errors the script makes.
    #[test]
    fn structured_scripts_run_when_diagnose_accepts_them(src in structured_script(), preset in 0..presets().len()) {
        let d = diagnose(&src);
        script_diags_ok(&src, &d).map_err(TestCaseError::fail)?;
        if errors(d).is_empty() {
            let mut s = preset_scenario(preset);
            s.script = src;
            runs_to_the_end(&s).map_err(TestCaseError::fail)?;
        }
    }

}

proptest! {
    #![proptest_config(cases(1000))]

    /// Arbitrary text as a scenario file, in both formats.
    #[test]
    fn load_any_text(src in "\\PC{0,300}") {
        for format in [Format::Toml, Format::Json] {
            match load(&src, format) {
                Ok(s) => runs_to_the_end(&s).map_err(TestCaseError::fail)?,
                Err(d) => file_diags_ok(&src, &d).map_err(TestCaseError::fail)?,
            }
        }
    }

}

proptest! {
    #![proptest_config(cases(1500))]

    /// Shipped scenario files, and their JSON renderings, with bytes flipped,
    /// inserted and deleted.
    #[test]
    fn load_mutated_presets(preset in 0..presets().len(), json in any::<bool>(), edits in edits()) {
        let (original, format) = if json {
            (to_json(&preset_scenario(preset)), Format::Json)
        } else {
            (presets()[preset].toml.to_string(), Format::Toml)
        };
        let src = String::from_utf8_lossy(&apply(original.as_bytes(), &edits)).into_owned();
        match load(&src, format) {
            Ok(s) => runs_to_the_end(&s).map_err(TestCaseError::fail)?,
            Err(d) => file_diags_ok(&src, &d).map_err(|e| TestCaseError::fail(format!("{e}\n--- file:\n{src}")))?,
        }
    }

}

proptest! {
    #![proptest_config(cases(1000))]

    /// Arbitrary text as a link fragment.
    #[test]
    fn share_decode_any_text(fragment in "\\PC{0,300}") {
        decode_ok(&fragment)?;
    }

}

proptest! {
    #![proptest_config(cases(1000))]

    /// Link-shaped noise: a version, then base64url-ish data.
    #[test]
    fn share_decode_link_shaped_noise(v in "v=[0-9]{0,3}&s=", data in "[A-Za-z0-9_=&#-]{0,400}") {
        decode_ok(&format!("{v}{data}"))?;
    }

}

proptest! {
    #![proptest_config(cases(1000))]

    /// A real link with characters replaced, inserted or deleted.
    #[test]
    fn share_decode_mutated_links(
        preset in 0..presets().len(),
        answers in proptest::collection::vec(any::<bool>(), 0..3),
        step in any::<u32>(),
        edits in proptest::collection::vec((0u8..3, any::<Index>(), link_char()), 1..5),
    ) {
        let mut chars: Vec<char> = real_link(preset, &answers, step).chars().collect();
        for (op, at, c) in edits {
            match op {
                0 => { let i = at.index(chars.len()); chars[i] = c; }
                1 => { let i = at.index(chars.len() + 1); chars.insert(i, c); }
                _ => { let i = at.index(chars.len()); chars.remove(i); }
            }
        }
        decode_ok(&chars.into_iter().collect::<String>())?;
    }
}

// ------------------------------------------------------------------ corpus

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// One line of `expected.txt`: a file, where its first diagnostic is (`-` for share
/// links, which have no position), and a substring of its message.
#[derive(Debug)]
struct Expected {
    line: usize,
    path: String,
    at: Option<(u32, u32)>,
    message: String,
}

fn manifest() -> Vec<Expected> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.txt")).expect("tests/corpus/expected.txt");
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || -> ! { panic!("expected.txt:{}: want `path line:col message`, got {raw:?}", i + 1) };
        let (path, rest) = line.split_once(char::is_whitespace).unwrap_or_else(|| bad());
        let (at, message) = rest.trim_start().split_once(char::is_whitespace).unwrap_or_else(|| bad());
        let at = match at {
            "-" => None,
            _ => {
                let (l, c) = at.split_once(':').unwrap_or_else(|| bad());
                Some((l.parse().unwrap_or_else(|_| bad()), c.parse().unwrap_or_else(|_| bad())))
            }
        };
        out.push(Expected { line: i + 1, path: path.to_string(), at, message: message.trim().to_string() });
    }
    out
}

/// Inputs too big (or too regular) to store, named `generated/...` in the manifest.
fn generated(name: &str) -> Vec<u8> {
    let preset_transport = "\n[[transport]]\nname = \"Office LAN\"\nkind = \"lan\"\n";
    let text = match name {
        // 300 transports: above limits::TRANSPORTS.
        "scenario/300-transports.toml" => {
            let mut s = String::from("title = \"a big office\"\nscript = \"preset:per_transport\"\n");
            for i in 0..300 {
                s.push_str(&format!("\n[[transport]]\nname = \"T{i}\"\nkind = \"lan\"\n"));
            }
            s
        }
        // One transport with 1,000,001 queued messages: above limits::MESSAGES.
        "scenario/1000001-messages.toml" => {
            format!(
                "script = \"preset:spooler\"\n\n[[transport]]\nname = \"A\"\nkind = \"lan\"\noutbound = [{}\"m\"]\n",
                "\"m\",".repeat(limits::MESSAGES)
            )
        }
        // A valid script of 1 MiB + 1 bytes (one long comment): above limits::SCRIPT_BYTES.
        "scenario/script-over-1-mib.toml" => {
            let body = PRESET_SPOOLER;
            let pad = limits::SCRIPT_BYTES + 1 - body.len() - "//\n".len();
            format!("script = '''\n{body}//{}\n'''{preset_transport}", "x".repeat(pad))
        }
        // A script line of 100,000 characters with a mistake at its end, inline in TOML.
        "scenario/script-line-100000-chars.toml" => {
            format!("script = '''\nx = \"{}\" $\n'''{preset_transport}", "a".repeat(100_000))
        }
        // The same line as a script file.
        "script/line-100000-chars.mapi" => format!("x = \"{}\" $\n", "a".repeat(100_000)),
        // 25,000 operands: 100,004 characters of expression.
        "script/expression-100000-chars.mapi" => format!("x = 1{}\n", " | 1".repeat(25_000)),
        // 100,000 good statements, then a typo.
        "script/100000-statements.mapi" => format!("{}x = FLUSH_UPLAOD\n", "x = 1\n".repeat(100_000)),
        // 10,000 nested loops on one line each.
        "script/nested-10000-fors.mapi" => {
            format!("{}{}", "for row in rows {\n".repeat(10_000), "}\n".repeat(10_000))
        }
        // A link far longer than any scenario could need.
        "share/2-mb-link.txt" => format!("v=1&s={}", "A".repeat(2_000_000)),
        other => panic!("no generator for generated/{other}"),
    };
    text.into_bytes()
}

/// The first problem the front end finds in a corpus input: its position (if it
/// has one) and its message; `Err` if the input is accepted.
fn first_problem(kind_path: &str, bytes: &[u8]) -> Result<(Option<(u32, u32)>, String), String> {
    let ext = kind_path.rsplit('.').next().unwrap_or("");
    match kind_path.split('/').next() {
        Some("scenario") => {
            // As the CLI reads a file: bytes that are not UTF-8 are refused, positioned
            // where the valid text ends (cli/src/main.rs, `read`).
            let src = match String::from_utf8(bytes.to_vec()) {
                Ok(src) => src,
                Err(e) => {
                    let valid = std::str::from_utf8(&bytes[..e.utf8_error().valid_up_to()]).expect("valid prefix");
                    let at = line_col(valid, valid.len());
                    return Ok((Some(at), String::from("the file is not valid UTF-8")));
                }
            };
            let format = if ext == "json" { Format::Json } else { Format::Toml };
            match load(&src, format) {
                Ok(_) => Err(String::from("the scenario loaded")),
                Err(d) => {
                    file_diags_ok(&src, &d)?;
                    Ok((Some((d[0].line, d[0].col)), file_message_in(&d[0].message, Lang::EN)))
                }
            }
        }
        Some("script") => {
            let src = std::str::from_utf8(bytes).map_err(|e| format!("script corpus files must be UTF-8: {e}"))?;
            let d = diagnose(src);
            script_diags_ok(src, &d)?;
            let first = errors(d).into_iter().next().ok_or("the script has no errors")?;
            Ok((Some((first.span.line, first.span.col)), script_message_in(&first.message, Lang::EN)))
        }
        Some("share") => {
            let text = std::str::from_utf8(bytes).map_err(|e| format!("share corpus files must be UTF-8: {e}"))?;
            match share::decode(text.trim_end_matches(['\n', '\r'])) {
                Ok(_) => Err(String::from("the link decoded")),
                Err(e) => {
                    let shown = e.to_string();
                    message_ok(&shown, true)?;
                    Ok((None, shown))
                }
            }
        }
        _ => Err(format!("unknown corpus kind in {kind_path}; use scenario/, script/ or share/")),
    }
}

/// Every corpus file gives the diagnostic the manifest says, at the place it says.
#[test]
fn corpus_gives_the_expected_diagnostics() {
    let mut failures = Vec::new();
    for e in manifest() {
        let started = Instant::now();
        let (kind_path, bytes) = match e.path.strip_prefix("generated/") {
            Some(name) => (name, generated(name)),
            None => match std::fs::read(corpus_dir().join(&e.path)) {
                Ok(b) => (e.path.as_str(), b),
                Err(err) => {
                    failures.push(format!("expected.txt:{}: {}: {err}", e.line, e.path));
                    continue;
                }
            },
        };
        match first_problem(kind_path, &bytes) {
            Err(why) => failures.push(format!("expected.txt:{}: {}: {why}", e.line, e.path)),
            Ok((at, message)) => {
                if at != e.at || !message.contains(&e.message) {
                    let got = at.map_or(String::from("-"), |(l, c)| format!("{l}:{c}"));
                    failures.push(format!(
                        "expected.txt:{}: {}: expected {} …{}…\n    got {got} {message}",
                        e.line,
                        e.path,
                        e.at.map_or(String::from("-"), |(l, c)| format!("{l}:{c}")),
                        e.message,
                    ));
                }
            }
        }
        // No input in the corpus may take long, even in a debug build.
        let took = started.elapsed();
        if took > Duration::from_secs(8) {
            failures.push(format!("expected.txt:{}: {}: took {took:?}", e.line, e.path));
        }
    }
    assert!(failures.is_empty(), "{} corpus case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// A file added to the corpus without an expectation would silently test nothing.
#[test]
fn every_corpus_file_has_an_expectation() {
    let listed: Vec<String> = manifest().into_iter().map(|e| e.path).collect();
    let mut unlisted = Vec::new();
    for kind in ["scenario", "script", "share"] {
        for entry in std::fs::read_dir(corpus_dir().join(kind)).expect("corpus folder") {
            let name = format!("{kind}/{}", entry.expect("entry").file_name().to_string_lossy());
            if !listed.contains(&name) {
                unlisted.push(name);
            }
        }
    }
    assert!(unlisted.is_empty(), "add these to tests/corpus/expected.txt: {unlisted:?}");
    let mut seen = std::collections::HashSet::new();
    let dups: Vec<&String> = listed.iter().filter(|p| !seen.insert(*p)).collect();
    assert!(dups.is_empty(), "listed twice: {dups:?}");
}

// ------------------------------------------------------------------ limits

fn lan_transports(n: usize) -> Vec<TransportSpec> {
    (0..n).map(|i| TransportSpec::new(format!("T{i}"), TransportKind::Lan)).collect()
}

/// 256 transports and three nested loops over every status row: 257³ iterations,
/// far past `limits::ITERATIONS`. The run stops with a script error on the line
/// of the loop that crossed the limit, and the run still ends.
#[test]
fn loop_iterations_are_limited() {
    let mut s = preset_scenario(0);
    s.transports = lan_transports(limits::TRANSPORTS);
    s.faults.clear();
    s.script = "table = session.GetStatusTable()\n\
                rows = HrQueryAllRows(table)\n\
                for a in rows {\n  for b in rows {\n    for c in rows {\n    }\n  }\n}\n"
        .into();
    let mut m = Machine::new(&s).expect("starts");
    m.run();
    assert!(m.is_finished());
    let errors = m.outcome().errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].column), (5, 5), "the innermost `for`: {errors:?}");
    assert_eq!(errors[0].error, RuntimeError::TooManyIterations { limit: 1_000_000 });
    assert_eq!(
        catalog::of(Lang::EN).runtime_error(&errors[0].error),
        "the script ran more than 1000000 loop iterations and was stopped"
    );
    let last_error = m.events().iter().rev().find_map(|e| match &e.kind {
        EventKind::ScriptError { error, .. } => Some((e.line, error.clone())),
        _ => None,
    });
    assert_eq!(last_error, Some((Some(5), errors[0].error.clone())));
    let loops = m.events().iter().filter(|e| matches!(e.kind, EventKind::Loop { .. })).count();
    // One event per iteration, plus one per loop entered (about 1,000,000 / 257).
    assert!(loops > limits::ITERATIONS && loops < limits::ITERATIONS * 101 / 100, "{loops} loop events");
}

/// Below the limit nothing is stopped: two nested loops are 257² iterations.
#[test]
fn loops_under_the_limit_run_to_the_end() {
    let mut s = preset_scenario(0);
    s.transports = lan_transports(limits::TRANSPORTS);
    s.faults.clear();
    s.script = "table = session.GetStatusTable()\nrows = HrQueryAllRows(table)\nfor a in rows {\n  for b in rows {\n  }\n}\nFreeProws(rows)\nRelease(table)\n".into();
    let mut m = Machine::new(&s).expect("starts");
    m.run();
    assert!(m.is_finished());
    assert_eq!(m.outcome().errors, []);
}

#[test]
fn transports_limit() {
    let mut s = preset_scenario(0);
    s.faults.clear();
    s.transports = lan_transports(limits::TRANSPORTS);
    assert_eq!(s.validate(), Ok(()));
    s.transports = lan_transports(limits::TRANSPORTS + 1);
    assert_eq!(s.validate(), Err(ScenarioError::TooLarge(Limit::Transports, 257, 256)));
    let Err(LoadError::Scenario(e)) = Machine::new(&s) else { panic!("Machine::new accepted 257 transports") };
    assert_eq!(catalog::of(Lang::EN).scenario_error(&e), "too many transports: 257 (the limit is 256)");
}

/// Both directions and all transports count towards `limits::MESSAGES`.
#[test]
fn messages_limit() {
    let mut s = preset_scenario(0);
    s.faults.clear();
    let mut a = TransportSpec::new("A", TransportKind::Lan);
    let mut b = TransportSpec::new("B", TransportKind::Modem);
    a.outbound = vec![String::from("m"); limits::MESSAGES / 2];
    b.remote = vec![String::from("r"); limits::MESSAGES / 2];
    s.transports = vec![a, b];
    assert_eq!(s.validate(), Ok(()), "exactly the limit is allowed");
    s.transports[1].outbound.push(String::from("one too many"));
    assert_eq!(s.validate(), Err(ScenarioError::TooLarge(Limit::Messages, 1_000_001, 1_000_000)));
    let Err(LoadError::Scenario(e)) = Machine::new(&s) else { panic!("Machine::new accepted 1,000,001 messages") };
    assert_eq!(catalog::of(Lang::EN).scenario_error(&e), "too many messages: 1000001 (the limit is 1000000)");
}

#[test]
fn script_bytes_limit() {
    let mut s = preset_scenario(0);
    let pad = |n: usize| format!("{PRESET_SPOOLER}//{}", "x".repeat(n - PRESET_SPOOLER.len() - 2));
    s.script = pad(limits::SCRIPT_BYTES);
    assert_eq!(s.validate(), Ok(()), "exactly the limit is allowed");
    Machine::new(&s).expect("a 1 MiB script starts");
    s.script = pad(limits::SCRIPT_BYTES + 1);
    assert_eq!(s.validate(), Err(ScenarioError::TooLarge(Limit::ScriptBytes, 1_048_577, 1_048_576)));
    let Err(LoadError::Scenario(e)) = Machine::new(&s) else { panic!("Machine::new accepted a 1 MiB + 1 script") };
    assert_eq!(catalog::of(Lang::EN).scenario_error(&e), "too many script bytes: 1048577 (the limit is 1048576)");
}

/// Parse errors are capped, so a file of nothing but mistakes stays short to report.
#[test]
fn syntax_errors_are_capped() {
    let src = "x = )\n".repeat(10_000);
    let d = diagnose(&src);
    assert_eq!(d.len(), MAX_ERRORS);
    script_diags_ok(&src, &d).unwrap();
    let toml = format!("script = '''\n{src}'''\n");
    let d = load(&toml, Format::Toml).unwrap_err();
    assert_eq!(d.len(), MAX_ERRORS);
    assert_eq!((d[0].line, d[0].col), (2, 5));
}

// ------------------------------------------------------------------ bugs found

/// A script of 20,000 unknown names: the checker stops at `MAX_ERRORS` like the
/// parser, and loading the file stays fast (each report is placed once).
#[test]
fn many_unknown_names_are_capped_and_fast() {
    let script: String = (0..20_000).map(|i| format!("v{i}\n")).collect();
    let toml = format!("script = '''\n{script}'''\n");
    let started = Instant::now();
    let from_diagnose = diagnose(&script).len();
    let from_load = load(&toml, Format::Toml).unwrap_err().len();
    let took = started.elapsed();
    assert!(
        from_diagnose <= MAX_ERRORS && from_load <= MAX_ERRORS && took < Duration::from_secs(2),
        "diagnose: {from_diagnose} diagnostics, load: {from_load} diagnostics, in {took:?}"
    );
}

/// A 100,000-character unknown name is quoted shortened, as the lexer quotes
/// other text, and no "did you mean" search is made for it.
#[test]
fn long_unknown_names_are_shortened_in_messages() {
    for src in [
        format!("x = {}\n", "a".repeat(100_000)),
        format!("x = session.{}\n", "P".repeat(100_000)),
        format!("x = session.{}()\n", "P".repeat(100_000)),
    ] {
        let d = diagnose(&src);
        assert_eq!(d.len(), 1);
        for lang in Lang::ALL {
            let said = script_message_in(&d[0].message, lang);
            assert!(said.len() < 300, "{}-byte message: {}…", said.len(), said.chars().take(80).collect::<String>());
        }
    }
}

/// Values quoted into messages may hold line breaks (escapes in the file); the
/// message shows them escaped and stays on one line.
#[test]
fn messages_stay_on_one_line() {
    let transport = "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"lan\"\n";
    let cases = [
        (format!("{transport}methods = [\"STATUS_FLUSH\\nQUEUES\"]\n"), Format::Toml),
        (format!("{transport}[[fault]]\ntransport = \"A\\nB\"\nkind = \"link_down\"\n"), Format::Toml),
        (format!("{transport}[[fault]]\ntransport = \"A\"\nkind = \"link\\ndown\"\n"), Format::Toml),
        (
            "{\"script\": \"preset:spooler\", \"transport\": [{\"name\": \"A\", \"kind\": \"l\\nan\"}]}".into(),
            Format::Json,
        ),
        ("{\"script\": \"preset:spooler\", \"ti\\ntle\": \"t\"}".into(), Format::Json),
    ];
    let mut multi_line = Vec::new();
    for (src, format) in cases {
        let d = load(&src, format).unwrap_err();
        for lang in Lang::ALL {
            let said = file_diagnostic_in(&d[0], lang);
            if said.contains('\n') {
                multi_line.push(said);
            }
        }
    }
    assert!(multi_line.is_empty(), "{multi_line:#?}");
}

/// Type errors say what the file should hold, never the decoder's Rust types.
#[test]
fn messages_never_name_internal_types() {
    let cases = [
        ("script = \"preset:spooler\"\nstore = [\"Mailbox\"]\n", Format::Toml),
        ("script = \"preset:spooler\"\ntransport = [\"Office LAN\"]\n", Format::Toml),
        ("script = \"preset:spooler\"\nfault = [1]\n", Format::Toml),
        ("[\"preset:spooler\"]", Format::Json),
        ("{\"script\": \"preset:spooler\", \"transport\": [[]]}", Format::Json),
    ];
    let mut internal = Vec::new();
    for (src, format) in cases {
        let d = load(src, format).unwrap_err();
        for lang in Lang::ALL {
            let said = file_diagnostic_in(&d[0], lang);
            if said.contains("Raw") {
                internal.push(said);
            }
        }
    }
    assert!(internal.is_empty(), "{internal:#?}");
}

/// A JSON scenario saved with a UTF-8 byte order mark loads, as TOML does.
#[test]
fn json_with_a_byte_order_mark_loads() {
    let toml = "\u{FEFF}script = \"preset:spooler\"\n";
    assert!(load(toml, Format::Toml).is_ok(), "TOML takes the mark");
    let json = "\u{FEFF}{\"script\": \"preset:spooler\"}";
    match load(json, Format::Json) {
        Ok(_) => {}
        Err(d) => assert!(file_message_in(&d[0].message, Lang::EN).contains("byte order mark"), "{d:?}"),
    }
}

/// An array or object where a scalar belongs is reported at its `[` or `{`.
#[test]
fn json_type_errors_point_at_the_value() {
    for (src, value) in [
        ("{\"script\": \"preset:spooler\", \"title\": [1]}", "[1]"),
        ("{\"script\": \"preset:spooler\", \"title\":{}}", "{}}"),
        ("{\"script\": \"preset:spooler\", \"transport\": [{\"name\": \"A\", \"kind\": \"lan\", \"outbound\": [[]]}]}", "[]]"),
    ] {
        let d = load(src, Format::Json).unwrap_err();
        let want = line_col(src, src.find(value).expect("value in fixture"));
        assert_eq!((d[0].line, d[0].col), want, "{src}: {}", file_diagnostic_in(&d[0], Lang::EN));
    }
}
