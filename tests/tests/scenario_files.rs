//! Decoding scenario files: the presets, TOML/JSON equivalence, and a corpus of bad
//! inputs, each with the line, column and message its diagnostic must have.

use flushq_core::diag::LineCol;
use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{limits, FaultKind, ScenarioError, TransportId, TransportKind};
use flushq_core::script::ScriptMessage;
use flushq_explain::Lang;
use flushq_explain::{file_diagnostic_in, file_message_in};
use flushq_scenario::{load, preset, presets, script_preset, FileDiagnostic, FileMessage, Format, SCRIPT_PRESETS};

fn load_ok(src: &str, format: Format) -> flushq_core::scenario::Scenario {
    load(src, format).unwrap_or_else(|d| panic!("expected {src:?} to load, got {d:?}"))
}

fn load_err(src: &str, format: Format) -> Vec<FileDiagnostic> {
    match load(src, format) {
        Ok(s) => panic!("expected {src:?} to be rejected, got {s:?}"),
        Err(d) => {
            assert!(!d.is_empty(), "an error with no diagnostic for {src:?}");
            d
        }
    }
}

/// 1-based line and column (in characters) of the first `needle` in `src`.
fn pos(src: &str, needle: &str) -> (u32, u32) {
    let at = src.find(needle).unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u32, col as u32)
}

/// The diagnostic's message, as the English catalog says it.
fn said(d: &FileDiagnostic) -> String {
    file_message_in(&d.message, Lang::EN)
}

/// Asserts the first diagnostic is at `(line, col)` and mentions `message`.
#[track_caller]
fn assert_first(diags: &[FileDiagnostic], (line, col): (u32, u32), message: &str) {
    let d = &diags[0];
    assert_eq!((d.line, d.col), (line, col), "wrong position for {message:?}: {diags:#?}");
    assert!(said(d).contains(message), "expected {message:?} in {:?} ({diags:#?})", said(d));
}

/// Asserts there is exactly one diagnostic, at `(line, col)`, mentioning `message`.
#[track_caller]
fn assert_only(diags: &[FileDiagnostic], at: (u32, u32), message: &str) {
    assert_eq!(diags.len(), 1, "expected one diagnostic: {diags:#?}");
    assert_first(diags, at, message);
}

// ---------------------------------------------------------------- presets

#[test]
fn every_preset_loads() {
    let all = presets();
    assert_eq!(all.len(), 19);
    for p in all {
        let s = load(p.toml, Format::Toml).unwrap_or_else(|d| panic!("preset {} does not load: {d:?}", p.name));
        assert!(!s.title.is_empty(), "preset {} has no title", p.name);
        assert!(!s.script.trim().is_empty(), "preset {} has no script", p.name);
        assert!(!s.transports.is_empty(), "preset {} has no transports", p.name);
        assert_eq!(preset(p.name), Some(p));
    }
    let mut names: Vec<&str> = all.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 19, "preset names are unique");
    assert_eq!(preset("nope"), None);
    assert_eq!(preset("spooler-upload").map(|p| p.name), Some("spooler-upload"));
}

#[test]
fn presets_decode_as_documented() {
    let s = load_ok(preset("spooler-upload").expect("preset").toml, Format::Toml);
    assert_eq!(s.seed, 1);
    assert_eq!(s.script, script_preset("spooler").expect("script preset"));
    let names: Vec<&str> = s.transports.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Office LAN", "Dial-up"]);
    assert_eq!(s.transports[1].kind, TransportKind::Modem);
    assert!(!s.transports[1].honors_no_ui);
    assert_eq!(s.transports[1].methods, ResourceMethods::STATUS_VALIDATE_STATE);

    let s = load_ok(preset("fallback-no-flush-method").expect("preset").toml, Format::Toml);
    assert_eq!(s.transports[1].methods, ResourceMethods::empty(), "`methods = []` means none");

    let s = load_ok(preset("message-fails").expect("preset").toml, Format::Toml);
    assert_eq!(s.faults.len(), 1);
    assert_eq!(s.faults[0].transport, TransportId(0));
    assert_eq!(s.faults[0].kind, FaultKind::MessageFails("poison".into()));

    let s = load_ok(preset("async-transport-force").expect("preset").toml, Format::Toml);
    assert!(!s.transports[0].asynchronous && s.transports[1].asynchronous);
}

#[test]
fn script_presets_are_named() {
    let names: Vec<&str> = SCRIPT_PRESETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["spooler", "per_transport"]);
    assert!(script_preset("per_transport").is_some_and(|s| s.contains("target: row.PR_ENTRYID")));
    assert_eq!(script_preset("nope"), None);
}

// ---------------------------------------------------------------- TOML = JSON

const SMALL_TOML: &str = r#"title = "Small"
seed = 77
script = '''
table = session.GetStatusTable()
Release(table)
'''

[[transport]]
name = "Office LAN"
kind = "lan"
methods = ["STATUS_VALIDATE_STATE"]
outbound = ["a", "b"]
remote = ["r1"]

[[transport]]
name = "Dial-up"
kind = "modem"
honors_no_ui = true
async = true
outbound = ["c"]

[[store]]
name = "Mailbox"

[[fault]]
transport = "Office LAN"
kind = "message_deferred"
message = "b"

[[fault]]
transport = "Dial-up"
kind = "link_down"
"#;

const SMALL_JSON: &str = r#"{
  "title": "Small",
  "seed": 77,
  "script": "table = session.GetStatusTable()\nRelease(table)\n",
  "transport": [
    {"name": "Office LAN", "kind": "lan", "methods": ["STATUS_VALIDATE_STATE"], "outbound": ["a", "b"], "remote": ["r1"]},
    {"name": "Dial-up", "kind": "modem", "honors_no_ui": true, "async": true, "outbound": ["c"]}
  ],
  "store": [{"name": "Mailbox"}],
  "fault": [
    {"transport": "Office LAN", "kind": "message_deferred", "message": "b"},
    {"transport": "Dial-up", "kind": "link_down"}
  ]
}
"#;

#[test]
fn json_equals_toml() {
    let t = load_ok(SMALL_TOML, Format::Toml);
    let j = load_ok(SMALL_JSON, Format::Json);
    assert_eq!(t, j);
    assert_eq!(t.title, "Small");
    assert_eq!(t.seed, 77);
    assert_eq!(t.script, "table = session.GetStatusTable()\nRelease(table)\n");
    assert_eq!(t.stores, ["Mailbox"]);
    assert_eq!(t.transports.len(), 2);
    assert!(t.transports[1].honors_no_ui && t.transports[1].asynchronous);
    assert_eq!(t.faults.len(), 2);
    assert_eq!(t.faults[0].kind, FaultKind::MessageDeferred("b".into()));
    assert_eq!((t.faults[1].transport, &t.faults[1].kind), (TransportId(1), &FaultKind::LinkDown));
}

#[test]
fn defaults() {
    let s = load_ok("script = \"preset:spooler\"\n[[transport]]\nname = \"R\"\nkind = \"ras\"\n", Format::Toml);
    assert_eq!(s.title, "");
    assert_eq!(s.seed, 0);
    assert!(s.stores.is_empty() && s.faults.is_empty());
    let t = &s.transports[0];
    assert_eq!(t.methods, ResourceMethods::STATUS_VALIDATE_STATE | ResourceMethods::STATUS_FLUSH_QUEUES);
    assert!(!t.honors_no_ui, "RAS does not honour FLUSH_NO_UI by default");
    assert!(!t.asynchronous);
}

#[test]
fn format_from_path() {
    assert_eq!(Format::from_path("a.json"), Format::Json);
    assert_eq!(Format::from_path("A.JSON"), Format::Json);
    assert_eq!(Format::from_path("a.toml"), Format::Toml);
    assert_eq!(Format::from_path("a"), Format::Toml);
}

#[test]
fn diagnostic_display() {
    let d = FileDiagnostic { line: 3, col: 7, message: FileMessage::MissingField { field: "oops".into() } };
    assert_eq!(file_diagnostic_in(&d, Lang::EN), "3:7: missing field `oops`");
    assert_eq!(file_diagnostic_in(&d, Lang::ZH), "3:7: 缺少字段 `oops`");
}

// ---------------------------------------------------------------- TOML and JSON say the same

/// TOML problems are worded as serde words the same problems in JSON: the same
/// field lists (keep the decoder's `*_FIELDS` in step with its serde attributes), the same types.
#[test]
fn toml_and_json_explain_alike() {
    let t = "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\n";
    let j = |transport: &str| {
        format!("{{\"script\": \"preset:spooler\", \"transport\": [{{\"name\": \"A\"{transport}}}]}}")
    };
    let cases = [
        (
            "zz = 1\nscript = \"preset:spooler\"\n".to_string(),
            "{\"zz\": 1, \"script\": \"preset:spooler\"}".to_string(),
        ),
        (format!("{t}kind = \"lan\"\nzz = 1\n"), j(", \"kind\": \"lan\", \"zz\": 1")),
        ("script = \"s\"\n[[store]]\nzz = 1\n".into(), "{\"script\": \"s\", \"store\": [{\"zz\": 1}]}".into()),
        ("script = \"s\"\n[[fault]]\nzz = 1\n".into(), "{\"script\": \"s\", \"fault\": [{\"zz\": 1}]}".into()),
        ("title = 5\nscript = \"s\"\n".into(), "{\"title\": 5, \"script\": \"s\"}".into()),
        ("seed = -1\nscript = \"s\"\n".into(), "{\"seed\": -1, \"script\": \"s\"}".into()),
        ("seed = \"1\"\nscript = \"s\"\n".into(), "{\"seed\": \"1\", \"script\": \"s\"}".into()),
        ("title = \"t\"\n".into(), "{\"title\": \"t\"}".into()),
        (t.to_string(), j("")),
        (format!("{t}kind = \"sat\"\n"), j(", \"kind\": \"sat\"")),
        (format!("{t}kind = \"lan\"\nasync = \"yes\"\n"), j(", \"kind\": \"lan\", \"async\": \"yes\"")),
        (format!("{t}kind = \"lan\"\nhonors_no_ui = 1\n"), j(", \"kind\": \"lan\", \"honors_no_ui\": 1")),
        (format!("{t}kind = \"lan\"\noutbound = \"m\"\n"), j(", \"kind\": \"lan\", \"outbound\": \"m\"")),
        (format!("{t}kind = \"lan\"\nremote = [true]\n"), j(", \"kind\": \"lan\", \"remote\": [true]")),
        (
            "script = \"s\"\n[[fault]]\ntransport = \"A\"\n".into(),
            "{\"script\": \"s\", \"fault\": [{\"transport\": \"A\"}]}".into(),
        ),
        ("script = \"s\"\n[[store]]\n".into(), "{\"script\": \"s\", \"store\": [{}]}".into()),
    ];
    for (toml, json) in cases {
        let first = |src: &str, format| said(&load(src, format).expect_err(src).swap_remove(0));
        assert_eq!(first(&toml, Format::Toml), first(&json, Format::Json), "{toml:?} / {json}");
    }
}

// ---------------------------------------------------------------- bad inputs

/// A fixture, where its (first) diagnostic must be, and what it must say.
struct Bad {
    name: &'static str,
    format: Format,
    src: String,
    at: (u32, u32),
    message: &'static str,
}

fn bad(name: &'static str, format: Format, src: impl Into<String>, at: (u32, u32), message: &'static str) -> Bad {
    Bad { name, format, src: src.into(), at, message }
}

/// One transport `A` with message `m` queued, then `tail`.
fn with_a(tail: &str) -> String {
    format!("script = \"preset:spooler\"\n\n[[transport]]\nname = \"A\"\nkind = \"lan\"\noutbound = [\"m\"]\n{tail}")
}

fn corpus() -> Vec<Bad> {
    use Format::{Json, Toml};
    let nested_if = format!("title = \"deep\"\nscript = '''\n{}{}'''\n", "if 1 {\n".repeat(100), "}\n".repeat(100));
    vec![
        bad("empty file", Toml, "", (1, 1), "missing field `script`"),
        bad("only a title", Toml, "title = \"t\"\n", (1, 1), "missing field `script`"),
        bad(
            "truncated table header",
            Toml,
            "title = \"t\"\nscript = \"preset:spooler\"\n[[transport]\n",
            (3, 12),
            "invalid table header",
        ),
        bad(
            "truncated mid-string",
            Toml,
            "title = \"t\"\nscript = \"preset:spo",
            (2, 21),
            "invalid basic string",
        ),
        bad("value missing after =", Toml, "title = \"t\"\nseed =\n", (2, 7), "expected a value after `=`"),
        bad("duplicate key", Toml, "title = \"t\"\ntitle = \"u\"\nscript = \"preset:spooler\"\n", (2, 1), "duplicate key `title`"),
        bad("seed is a string", Toml, "seed = \"x\"\nscript = \"preset:spooler\"\n", (1, 8), "invalid type: string \"x\", expected u64"),
        bad("seed is negative", Toml, "seed = -1\nscript = \"preset:spooler\"\n", (1, 8), "invalid value: integer `-1`, expected u64"),
        bad(
            "seed larger than u64",
            Toml,
            "seed = 18446744073709551616\nscript = \"preset:spooler\"\n",
            (1, 8),
            "`seed` must be a whole number from 0 to 9223372036854775807 in TOML",
        ),
        bad("title is a number", Toml, "title = 5\nscript = \"preset:spooler\"\n", (1, 9), "invalid type: integer `5`, expected a string"),
        bad("outbound is a number", Toml, "script = \"preset:spooler\"\n\n[[transport]]\nname = \"A\"\nkind = \"lan\"\noutbound = 3\n", (6, 12), "invalid type: integer `3`, expected a sequence"),
        bad("unknown top-level key", Toml, "colour = 1\nscript = \"preset:spooler\"\n", (1, 1), "unknown field `colour`"),
        bad(
            "unknown transport key",
            Toml,
            with_a("speed = 9600\n"),
            (7, 1),
            "unknown field `speed`, expected one of `name`, `kind`, `methods`, `honors_no_ui`, `async`, `offline`, `outbound`",
        ),
        bad(
            "unknown fault key",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"link_down\"\nwhen = 3\n"),
            (11, 1),
            "unknown field `when`, expected one of `transport`, `kind`, `message`",
        ),
        bad("transport without kind", Toml, "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\n", (2, 1), "missing field `kind`"),
        bad("unknown transport kind", Toml, "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"satellite\"\n", (4, 8), "unknown variant `satellite`, expected one of `lan`, `modem`, `ras`"),
        bad("blank transport name", Toml, "script = \"preset:spooler\"\n[[transport]]\nname = \" \"\nkind = \"lan\"\n", (3, 8), "a transport needs a non-empty name"),
        bad(
            "unknown method",
            Toml,
            "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"lan\"\nmethods = [\"STATUS_FLUSH_QUEUE\"]\n",
            (5, 12),
            "unknown method `STATUS_FLUSH_QUEUE`; did you mean `STATUS_FLUSH_QUEUES`?",
        ),
        bad(
            "unknown method, no suggestion",
            Toml,
            "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"lan\"\nmethods = [\"FAX\"]\n",
            (5, 12),
            "unknown method `FAX`; use STATUS_VALIDATE_STATE",
        ),
        bad(
            "unknown fault kind",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"link_dwn\"\n"),
            (10, 8),
            "unknown fault kind `link_dwn`; did you mean `link_down`? kinds: link_down, message_fails, message_deferred, drops_flush_bits, user_cancels",
        ),
        bad(
            "fault for unknown transport",
            Toml,
            "script = \"preset:spooler\"\n\n[[transport]]\nname = \"Office LAN\"\nkind = \"lan\"\n\n[[fault]]\ntransport = \"Ofice LAN\"\nkind = \"link_down\"\n",
            (8, 13),
            "fault names transport `Ofice LAN`, which is not in the profile; did you mean `Office LAN`?",
        ),
        bad(
            "fault message not queued",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"message_fails\"\nmessage = \"zz\"\n"),
            (11, 11),
            "fault names message `zz`, which is not queued on `A`",
        ),
        bad(
            "message_fails without message",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"message_fails\"\n"),
            (10, 8),
            "fault `message_fails` needs `message` = the subject of a message queued on `A`",
        ),
        bad(
            "message_deferred without message",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"message_deferred\"\n"),
            (10, 8),
            "fault `message_deferred` needs `message`",
        ),
        bad(
            "link_down with a message",
            Toml,
            with_a("\n[[fault]]\ntransport = \"A\"\nkind = \"link_down\"\nmessage = \"m\"\n"),
            (11, 11),
            "fault `link_down` takes no `message`",
        ),
        bad(
            "duplicate transport names",
            Toml,
            "script = \"preset:spooler\"\n\n[[transport]]\nname = \"A\"\nkind = \"lan\"\n\n[[transport]]\nname = \"A\"\nkind = \"modem\"\n",
            (8, 8),
            "two transports are named `A`; names must be unique",
        ),
        bad("unknown script preset", Toml, "title = \"t\"\nscript = \"preset:nope\"\n", (2, 10), "no script preset named `nope`; presets: spooler, per_transport"),
        bad("script syntax error on the script line", Toml, "title = \"t\"\nscript = \"x = = 1\"\n", (2, 15), "expected an expression after `=`"),
        bad(
            "script syntax error in '''",
            Toml,
            "title = \"t\"\nscript = '''\ntable = session.GetStatusTable()\nx = = 1\n'''\n",
            (4, 5),
            "expected an expression after `=`",
        ),
        bad(
            "script error with CRLF line ends",
            Toml,
            "title = \"t\"\r\nscript = '''\r\ntable = session.GetStatusTable()\r\nx = = 1\r\n'''\r\n",
            (4, 5),
            "expected an expression after `=`",
        ),
        bad(
            "script error after a tab",
            Toml,
            "title = \"t\"\nscript = '''\n\tx = = 1\n'''\n",
            (3, 6),
            "expected an expression after `=`",
        ),
        bad("unknown constant", Toml, "script = '''\nx = FLUSH_UPLAOD\n'''\n", (2, 5), "unknown MAPI constant `FLUSH_UPLAOD`; did you mean `FLUSH_UPLOAD`?"),
        bad("unknown script method", Toml, "script = '''\nt = session.GetStatusTabel()\n'''\n", (2, 13), "no MAPI method named `GetStatusTabel`; did you mean `GetStatusTable`?"),
        bad("100 nested if blocks", Toml, nested_if, (2 + 65, 6), "nesting deeper than 64 levels"),
        bad("JSON syntax error", Json, "{\"script\": \"preset:spooler\",}\n", (1, 29), "trailing comma"),
        bad(
            "JSON type error",
            Json,
            "{\n  \"title\": \"j\",\n  \"seed\": true,\n  \"script\": \"preset:spooler\"\n}\n",
            // serde_json points at the last character of the bad value.
            (3, 14),
            "invalid type: boolean `true`, expected u64",
        ),
        bad(
            "JSON unknown key",
            Json,
            "{\n  \"script\": \"preset:spooler\",\n  \"transport\": [{\"name\": \"A\", \"kind\": \"lan\", \"speed\": 1}]\n}\n",
            // serde_json points at the last character it read: the key's closing quote.
            (3, 52),
            "unknown field `speed`",
        ),
        bad(
            "JSON unknown fault kind",
            Json,
            "{\n  \"script\": \"preset:spooler\",\n  \"transport\": [{\"name\": \"A\", \"kind\": \"lan\"}],\n  \"fault\": [{\"transport\": \"A\", \"kind\": \"link_dwn\"}]\n}\n",
            (4, 40),
            "unknown fault kind `link_dwn`; did you mean `link_down`?",
        ),
        bad(
            "JSON unknown method",
            Json,
            "{\n  \"script\": \"preset:spooler\",\n  \"transport\": [{\"name\": \"A\", \"kind\": \"lan\", \"methods\": [\"STATUS_FLUSH_QUEUE\"]}]\n}\n",
            (3, 58),
            "did you mean `STATUS_FLUSH_QUEUES`?",
        ),
        bad("JSON script error", Json, "{\n  \"title\": \"t\",\n  \"script\": \"x = = 1\"\n}\n", (3, 18), "expected an expression after `=`"),
        bad("JSON missing script", Json, "{}", (1, 2), "missing field `script`"),
    ]
}

#[test]
fn bad_inputs_are_located() {
    let mut failures = Vec::new();
    for b in corpus() {
        let diags = match load(&b.src, b.format) {
            Ok(_) => {
                failures.push(format!("{}: loaded", b.name));
                continue;
            }
            Err(d) => d,
        };
        let Some(d) = diags.first() else {
            failures.push(format!("{}: no diagnostics", b.name));
            continue;
        };
        if (d.line, d.col) != b.at || !said(d).contains(b.message) {
            failures.push(format!("{}: expected {}:{}: …{}…, got {diags:?}", b.name, b.at.0, b.at.1, b.message));
        }
    }
    assert!(failures.is_empty(), "{} of the corpus failed:\n{}", failures.len(), failures.join("\n"));
}

/// The positions in the corpus are not guesses: they are where the quoted text is.
#[test]
fn corpus_positions_match_fixture_text() {
    let c = corpus();
    let find = |name: &str| c.iter().find(|b| b.name == name).unwrap_or_else(|| panic!("no {name}"));
    for (name, needle) in [
        ("seed is a string", "\"x\""),
        ("outbound is a number", "3\n"),
        ("unknown transport key", "speed"),
        ("unknown fault key", "when"),
        ("unknown transport kind", "\"satellite\""),
        ("blank transport name", "\" \""),
        ("unknown method", "\"STATUS_FLUSH_QUEUE\""),
        ("unknown fault kind", "\"link_dwn\""),
        ("fault for unknown transport", "\"Ofice LAN\""),
        ("fault message not queued", "\"zz\""),
        ("message_fails without message", "\"message_fails\""),
        ("link_down with a message", "\"m\"\n"),
        ("unknown script preset", "\"preset:nope\""),
        ("script syntax error on the script line", "= 1"),
        ("script syntax error in '''", "= 1"),
        ("script error with CRLF line ends", "= 1"),
        ("script error after a tab", "= 1"),
        ("unknown constant", "FLUSH_UPLAOD"),
        ("unknown script method", "GetStatusTabel"),
        ("JSON unknown fault kind", "\"link_dwn\""),
        ("JSON unknown method", "\"STATUS_FLUSH_QUEUE\""),
        ("JSON script error", "= 1"),
    ] {
        let b = find(name);
        assert_eq!(pos(&b.src, needle), b.at, "{name}");
    }
    // The second transport's name, not the first's.
    let dup = find("duplicate transport names");
    let second = dup.src.rfind("\"A\"").expect("second name");
    assert_eq!(pos(&dup.src[second..], "\"A\""), (1, 1));
    assert_eq!(dup.src[..second].matches('\n').count() as u32 + 1, dup.at.0);
    // The 65th `if` is script line 65, file line 67; `{` is its 6th character.
    assert_eq!(find("100 nested if blocks").src.lines().nth(66), Some("if 1 {"));
}

#[test]
fn nesting_too_deep_is_one_diagnostic() {
    let src = format!("title = \"deep\"\nscript = '''\n{}{}'''\n", "if 1 {\n".repeat(100), "}\n".repeat(100));
    assert_only(&load_err(&src, Format::Toml), (67, 6), "nesting deeper than 64 levels");
    // Far deeper, on one line: still one diagnostic, no stack overflow.
    let src = format!("script = '''\n{}{}\n'''\n", "if 1 {".repeat(10_000), "}".repeat(10_000));
    assert_only(&load_err(&src, Format::Toml), (2, 64 * 6 + 6), "nesting deeper than 64 levels");
    let src = format!("script = \"x = {}1{}\"\n", "(".repeat(10_000), ")".repeat(10_000));
    let d = load_err(&src, Format::Toml);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].line, 1);
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let src = "script = '''
x = FLUSH_UPLAOD
'''

[[transport]]
name = \"A\"
kind = \"lan\"
methods = [\"STATUS_FLUSH_QUEUE\"]

[[transport]]
name = \"A\"
kind = \"lan\"

[[fault]]
transport = \"B\"
kind = \"link_down\"
";
    let d = load_err(src, Format::Toml);
    let got: Vec<(u32, u32)> = d.iter().map(|d| (d.line, d.col)).collect();
    assert_eq!(got, [(2, 5), (8, 12), (11, 8), (15, 13)], "{d:#?}");
    assert!(
        matches!(&d[0].message, FileMessage::Script(ScriptMessage::UnknownConstant { name, .. }) if name == "FLUSH_UPLAOD")
    );
    assert!(matches!(&d[1].message, FileMessage::UnknownMethod { name, .. } if name == "STATUS_FLUSH_QUEUE"));
    assert_eq!(d[2].message, FileMessage::Scenario(ScenarioError::DuplicateTransport("A".into())));
    assert_eq!(d[3].message, FileMessage::UnknownFaultTransport { name: "B".into(), suggestion: Some("A".into()) });
}

#[test]
fn script_runtime_problems_are_not_load_errors() {
    // Indexing past the end is found when the script runs, not when it loads.
    let src = "script = '''
table = session.GetStatusTable()
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
x = rows[5].PR_ENTRYID
'''
";
    load_ok(src, Format::Toml);
}

#[test]
fn limits_are_reported() {
    let mut src = String::from("script = \"preset:spooler\"\n");
    for i in 0..257 {
        src.push_str(&format!("[[transport]]\nname = \"T{i}\"\nkind = \"lan\"\n"));
    }
    // A whole-file problem: reported at the top of the file.
    assert_only(&load_err(&src, Format::Toml), (1, 1), "too many transports: 257 (the limit is 256)");
}

#[test]
fn json_big_seed_fits_u64() {
    let s = load_ok("{\"seed\": 18446744073709551615, \"script\": \"preset:spooler\"}", Format::Json);
    assert_eq!(s.seed, u64::MAX);
    let d = load_err("{\"seed\": 18446744073709551616, \"script\": \"preset:spooler\"}", Format::Json);
    assert_eq!(d[0].line, 1);
    assert_eq!(d[0].message, FileMessage::SeedRange { max: u64::MAX, in_toml: false }, "{d:?}");
    assert_eq!(said(&d[0]), "`seed` must be a whole number from 0 to 18446744073709551615");
}

#[test]
fn toml_non_ascii_columns_count_characters() {
    let src = "title = \"café\"\nscript = \"é = = 1\"\n";
    assert_first(&load_err(src, Format::Toml), (2, 11), "unexpected character `é`");
    let src = "title = \"café\" ; x\nscript = \"preset:spooler\"\n";
    assert_first(&load_err(src, Format::Toml), (1, 16), "");
}

// ---------------------------------------------------------------- string literals

/// Script positions go through the literal as written: every TOML string form.
#[test]
fn toml_script_literals_of_every_kind() {
    let e = "expected an expression after `=`";
    for src in [
        "script = \"a = \\\"\\u00e9\\\"\\n\\tb = = 1\"\n",
        "script = 'a = 2; b = = 1'\n",
        "script = \"\"\"a = \"x\\ty\"\nb = = 1\n// end\"\"\"\"\"\n",
        "script = \"\"\"\r\na = 2\r\nb = = 1\r\n\"\"\"\r\n",
        "script = \"\"\"a = 2\n\\\n   \n\tb = = 1\"\"\"\n",
        "script = '''a = \"x\"\nb = = 1 // it''''\n",
    ] {
        assert_only(&load_err(src, Format::Toml), pos(src, "= 1"), e);
    }
}

/// `\u` escapes and surrogate pairs are one script character but many file ones.
#[test]
fn json_script_escapes() {
    let src = "{\"script\": \"s = \\\"\\ud83d\\ude00\\\"\\r\\nx = = 1\"}";
    assert_first(&load_err(src, Format::Json), pos(src, "= 1"), "expected an expression after `=`");
    let src = "{\"script\": \"x = \\u00e9 = 1\"}";
    assert_first(&load_err(src, Format::Json), pos(src, "\\u00e9"), "unexpected character `é`");
}

/// Positions in parser messages are moved into the file too, whatever the format.
#[test]
fn opened_at_is_a_file_position_everywhere() {
    let src = "{\n  \"script\": \"if 1 {\\n  x = f(1\\n\"\n}\n";
    let d = load_err(src, Format::Json);
    let (line, col) = pos(src, "(1");
    let opened = LineCol { line, col };
    assert_eq!(d[0].message, FileMessage::Script(ScriptMessage::UnclosedCall { callee: Some("f".into()), opened }));
    // The end of the script is the closing quote.
    let src = "script = \"if 1 {\\u000a x = 1\"\n";
    let (l, c) = pos(src, "{");
    assert_only(&load_err(src, Format::Toml), pos(src, "\"\n"), &format!("block opened at {l}:{c} is never closed"));
}

/// 1-based line and column of the first `needle` after the first `after` in `src`.
fn pos_after(src: &str, after: &str, needle: &str) -> (u32, u32) {
    let from = src.find(after).unwrap_or_else(|| panic!("{after:?} not in fixture"));
    let at = from + src[from..].find(needle).unwrap_or_else(|| panic!("{needle:?} not after {after:?}"));
    pos(src, &src[at..])
}

/// The position of each JSON value comes from its path, not from searching its text.
#[test]
fn json_values_are_found_by_path() {
    let src = "{\n  \"script\": \"preset:spooler\",\n  \"transport\": [\n    {\"name\": \"FAX\", \"kind\": \"lan\", \"methods\": [\"FAX\"]},\n    {\"n\\u0061me\": \"B\", \"kind\": \"lan\", \"methods\": [\"STATUS_FLUSH_QUEUES\", \"FAX\"]}\n  ]\n}\n";
    let got: Vec<(u32, u32)> = load_err(src, Format::Json).iter().map(|d| (d.line, d.col)).collect();
    assert_eq!(got, [pos_after(src, "[\"FAX", "\"FAX"), pos_after(src, "\"B\"", "\"FAX")]);

    let src = "{\"script\": \"preset:spooler\", \"transport\": [{\"name\": \"m\", \"kind\": \"lan\", \"outbound\": [\"m\"]}], \"fault\": [{\"transport\": \"m\", \"kind\": \"message_fails\", \"message\": \"m\"}, {\"transport\": \"m\", \"kind\": \"link_down\", \"message\": \"m\"}]}";
    assert_only(
        &load_err(src, Format::Json),
        pos_after(src, "link_down", "\"m\""),
        "fault `link_down` takes no `message`",
    );
}

// ---------------------------------------------------------------- parser messages

#[test]
fn seed_out_of_range_names_the_range() {
    let toml_range = "`seed` must be a whole number from 0 to 9223372036854775807 in TOML";
    for (src, value) in [
        ("seed = 9223372036854775808\n", "9"),
        ("seed = 1.5\nscript = \"preset:spooler\"\n", "1.5"),
        ("\"seed\" = 1e30", "1e30"),
    ] {
        assert_only(&load_err(src, Format::Toml), pos(src, value), toml_range);
    }
    let s = load_ok("seed = 9223372036854775807\nscript = \"preset:spooler\"\n", Format::Toml);
    assert_eq!(s.seed, i64::MAX as u64);
    // Other numbers too large for TOML keep toml's message.
    let d = load_err("title = [99999999999999999999]\n", Format::Toml);
    assert_only(&d, (1, 10), "number too large to fit in target type");

    let json_range = "`seed` must be a whole number from 0 to 18446744073709551615";
    for src in ["{\"seed\": 1.5, \"script\": \"preset:spooler\"}", "{\"script\": \"preset:spooler\", \"seed\": 1e3}"] {
        let d = load_err(src, Format::Json);
        assert_eq!(said(&d[0]), json_range, "{d:?}");
    }
    // A float elsewhere is not about the seed; a negative seed keeps serde's message.
    let d = load_err("{\"script\": \"preset:spooler\", \"title\": 1.5}", Format::Json);
    assert!(said(&d[0]).starts_with("invalid type: floating point"), "{d:?}");
    let d = load_err("{\"seed\": -1, \"script\": \"preset:spooler\"}", Format::Json);
    assert!(said(&d[0]).contains("invalid value: integer `-1`, expected u64"), "{d:?}");
}

#[test]
fn toml_missing_values_are_named() {
    assert_only(&load_err("title = {a =", Format::Toml), (1, 13), "expected a value after `=`");
    assert_only(&load_err("seed = # none\n", Format::Toml), (1, 8), "expected a value after `=`");
    let d = load_err("title = abc\n", Format::Toml);
    assert_only(&d, (1, 9), "expected a value after `=`, found `abc`; a string needs quotes");
    // toml's message stays where it is clear.
    assert_only(&load_err("title = [", Format::Toml), (1, 10), "invalid array expected `]`");
}

#[test]
fn json_error_positions() {
    // Columns count characters, though serde_json counts bytes.
    let src = "{\"title\": \"é\", \"seed\": true}";
    assert_only(&load_err(src, Format::Json), pos(src, "e}"), "invalid type: boolean `true`, expected u64");
    // End of input is reported just after the last character.
    assert_only(&load_err("{\"seed\": 1", Format::Json), (1, 11), "EOF while parsing an object");
    assert_only(&load_err("  \n  ", Format::Json), (2, 3), "EOF while parsing a value");
}

// ---------------------------------------------------------------- fixed bugs

// Each of these failed before its fix; "Was:" is what it got then.

/// A script in a basic string with `\n` escapes sits on one file line, but script
/// line 2 is reported on the next file line (which does not even exist here).
#[test]
fn bug_toml_basic_string_escapes() {
    let src = "title = \"t\"\nscript = \"a = session.GetStatusTable()\\nb = = 1\"\n";
    // `b = = 1` follows the `\n` escape on file line 2; its second `=` is at column 45.
    assert_eq!(pos(src, "= 1"), (2, 45));
    assert_first(&load_err(src, Format::Toml), (2, 45), "expected an expression after `=`");
}

/// `"""` followed by a line-ending backslash trims the newline and the next line's
/// indentation, so script line 1 starts on file line 3, not file line 2.
#[test]
fn bug_toml_line_ending_backslash() {
    let src = "title = \"t\"\nscript = \"\"\"\\\n   table = session.GetStatusTable()\nx = = 1\n\"\"\"\n";
    assert_eq!(pos(src, "= 1"), (4, 5));
    assert_first(&load_err(src, Format::Toml), (4, 5), "expected an expression after `=`");
}

/// The parser's "opened at L:C" inside the message is a script position, while the
/// diagnostic itself is a file position.
#[test]
fn bug_opened_at_is_script_relative() {
    let src = "title = \"t\"\nscript = '''\ntable = session.GetStatusTable()\nx = HrQueryAllRows(table\n'''\n";
    let d = load_err(src, Format::Toml);
    assert_eq!(pos(src, "(table"), (4, 19));
    // Was: "expected `)` to close the call to `HrQueryAllRows` opened at 2:19".
    let opened = LineCol { line: 4, col: 19 };
    let call = ScriptMessage::UnclosedCall { callee: Some("HrQueryAllRows".into()), opened };
    assert_eq!(d[0].message, FileMessage::Script(call), "{d:?}");
    assert!(said(&d[0]).ends_with("opened at 4:19"), "{d:?}");
}

/// JSON values are located by searching for their first quoted occurrence, so a
/// transport name that also appears earlier (here: as the title) is misplaced.
#[test]
fn bug_json_duplicate_name_position() {
    let src = "{\n  \"title\": \"A\",\n  \"script\": \"preset:spooler\",\n  \"transport\": [\n    {\"name\": \"A\", \"kind\": \"lan\"},\n    {\"name\": \"A\", \"kind\": \"lan\"}\n  ]\n}\n";
    // Was: 2:12 (the title).
    assert_first(&load_err(src, Format::Json), (6, 14), "two transports are named `A`");
}

/// Same root cause: the second fault's `kind` is found at the first fault's.
#[test]
fn bug_json_second_fault_position() {
    let src = "{\n  \"script\": \"preset:spooler\",\n  \"transport\": [{\"name\": \"A\", \"kind\": \"lan\", \"outbound\": [\"m\", \"n\"]}],\n  \"fault\": [\n    {\"transport\": \"A\", \"kind\": \"message_fails\", \"message\": \"m\"},\n    {\"transport\": \"A\", \"kind\": \"message_fails\"}\n  ]\n}\n";
    // Was: 5:32 (the first fault, which is fine).
    assert_first(&load_err(src, Format::Json), (6, 32), "fault `message_fails` needs `message`");
}

/// A JSON script is one file line; `\n` escapes in it are not file line breaks.
#[test]
fn bug_json_script_newline_escapes() {
    let src = "{\n  \"title\": \"t\",\n  \"script\": \"table = session.GetStatusTable()\\nx = = 1\"\n}\n";
    assert_eq!(pos(src, "= 1"), (3, 52));
    // Was: 4:5.
    assert_first(&load_err(src, Format::Json), (3, 52), "expected an expression after `=`");
}

/// A JSON script spelled with escapes serde_json would not write (`\u0078`) is not
/// found in the file, and its errors fall back to the top of the file.
#[test]
fn bug_json_script_unicode_escape() {
    let src = "{\n  \"title\": \"t\",\n  \"script\": \"\\u0078 = = 1\"\n}\n";
    assert_eq!(pos(src, "= 1"), (3, 23));
    // Was: 1:5.
    assert_first(&load_err(src, Format::Json), (3, 23), "expected an expression after `=`");
}

/// A TOML file cut off right after `key =` (no final newline) gets an empty message.
#[test]
fn bug_toml_eof_after_equals_empty_message() {
    let d = load_err("title = \"t\"\nseed =", Format::Toml);
    // Was: [FileDiagnostic { line: 2, col: 7, message: "" }]; with a final newline
    // the same input says "invalid string expected `\"`, `'`".
    assert_eq!((d[0].line, d[0].col), (2, 7));
    assert!(!said(&d[0]).trim().is_empty(), "{d:?}");
}

/// serde_json reports end-of-input at column 0; columns are 1-based.
#[test]
fn bug_json_eof_column_zero() {
    // Was: 1:0 "EOF while parsing a value".
    assert_first(&load_err("", Format::Json), (1, 1), "EOF while parsing a value");
    // Was: 2:0 "EOF while parsing an object".
    assert_first(&load_err("{\n", Format::Json), (2, 1), "EOF while parsing an object");
}

/// `outbound_count` / `remote_count` generate out-1.. and in-1.. after the listed
/// messages, in TOML and JSON alike, and `generated_tail` finds them again.
#[test]
fn generated_messages() {
    let toml = "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"lan\"\noutbound = [\"x\"]\noutbound_count = 3\nremote_count = 2\n";
    let s = load(toml, Format::Toml).unwrap();
    assert_eq!(s.transports[0].outbound, ["x", "out-1", "out-2", "out-3"]);
    assert_eq!(s.transports[0].remote, ["in-1", "in-2"]);
    let json = r#"{"script": "preset:spooler", "transport": [{"name": "A", "kind": "lan", "outbound": ["x"], "outbound_count": 3, "remote_count": 2}]}"#;
    assert_eq!(load(json, Format::Json).unwrap(), s);
    assert_eq!(flushq_scenario::generated_tail(&s.transports[0].outbound, "out"), 3);
    assert_eq!(flushq_scenario::generated_tail(&s.transports[0].remote, "in"), 2);
    let mixed: Vec<String> = ["out-1", "out-3"].map(String::from).to_vec();
    assert_eq!(flushq_scenario::generated_tail(&mixed, "out"), 0);
    let padded: Vec<String> = ["out-01"].map(String::from).to_vec();
    assert_eq!(flushq_scenario::generated_tail(&padded, "out"), 0);
    let too_many =
        "script = \"preset:spooler\"\n[[transport]]\nname = \"A\"\nkind = \"lan\"\noutbound_count = 1000001\n";
    let d = load(too_many, Format::Toml).unwrap_err();
    let message =
        FileMessage::TooManyGenerated { field: "outbound_count".into(), count: 1_000_001, limit: limits::MESSAGES };
    assert_eq!(d[0].message, message, "{d:?}");
}
