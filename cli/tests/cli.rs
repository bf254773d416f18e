//! End-to-end tests of the `flushq` binary: exit codes, stdout of `run` in every
//! format, and `file:line:col: message` diagnostics on stderr.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_flushq");

/// Every shipped preset, in the order `flushq presets` lists them.
const PRESETS: [&str; 19] = [
    "spooler-upload",
    "spooler-download",
    "per-transport-download",
    "per-transport-upload",
    "fallback-no-flush-method",
    "modem-ignores-no-ui",
    "ras-user-cancels",
    "async-transport-no-force",
    "async-transport-force",
    "async-ok-busy",
    "link-down",
    "read-the-status-table",
    "message-fails",
    "message-deferred",
    "drops-flush-bits",
    "leaky-script",
    "validate-state",
    "offline-force-connect",
    "spooler-shutdown",
];

fn flushq(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the flushq binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs and asserts success; returns stdout.
fn ok(args: &[&str]) -> String {
    let o = flushq(args);
    assert_eq!(o.status.code(), Some(0), "flushq {args:?} failed; stderr:\n{}", stderr(&o));
    assert!(o.stderr.is_empty(), "flushq {args:?} wrote to stderr:\n{}", stderr(&o));
    stdout(&o)
}

/// Runs and asserts exit code 2 with nothing on stdout; returns stderr.
fn fails(args: &[&str]) -> String {
    let o = flushq(args);
    assert_eq!(o.status.code(), Some(2), "flushq {args:?}: expected exit 2; stdout:\n{}", stdout(&o));
    assert!(o.stdout.is_empty(), "flushq {args:?} wrote to stdout on failure:\n{}", stdout(&o));
    let err = stderr(&o);
    assert!(!err.trim().is_empty(), "flushq {args:?}: exit 2 without a message");
    err
}

fn run_json(file: &str) -> Value {
    let out = ok(&["run", file, "--format", "json"]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("`run {file} --format json` is not JSON: {e}\n{out}"))
}

/// A scenario file in a private temp folder, removed when dropped.
struct Fixture {
    path: PathBuf,
}

impl Fixture {
    fn new(name: &str, contents: impl AsRef<[u8]>) -> Fixture {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("flushq-cli-tests-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("write fixture");
        Fixture { path }
    }

    fn arg(&self) -> &str {
        self.path.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// 1-based line and column (in characters) of the first `needle` in `src`.
fn pos(src: &str, needle: &str) -> (usize, usize) {
    let at = src.find(needle).unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Asserts `stderr`'s first line is `FILE:LINE:COL: ...message...`.
fn assert_located(err: &str, fx: &Fixture, (line, col): (usize, usize), message: &str) {
    let first = err.lines().next().unwrap_or("");
    let prefix = format!("{}:{line}:{col}: ", fx.arg());
    assert!(first.starts_with(&prefix), "expected a diagnostic at {prefix:?}, got:\n{err}");
    assert!(first.contains(message), "expected {message:?} in the diagnostic, got:\n{err}");
}

const VALID: &str = r#"title = "Two transports"
seed = 42
script = "preset:spooler"

[[transport]]
name = "Office LAN"
kind = "lan"
outbound = ["a", "b"]

[[transport]]
name = "Dial-up"
kind = "modem"
outbound = ["c"]
"#;

// ---------------------------------------------------------------- presets

#[test]
fn presets_lists_all_nineteen_in_order() {
    let out = ok(&["presets"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 19, "{out}");
    let names: Vec<&str> = lines.iter().map(|l| l.split_whitespace().next().unwrap_or("")).collect();
    assert_eq!(names, PRESETS);
    assert!(out.contains("spooler-upload"));
    assert!(out.contains("FLUSH_ASYNC_OK, then MAPI_E_BUSY"), "titles are listed:\n{out}");
    assert!(out.contains("A leaky script"), "{out}");
}

#[test]
fn every_preset_runs_in_every_format() {
    for p in PRESETS {
        let file = format!("preset:{p}");
        let text = ok(&["run", &file]);
        assert!(text.contains("outcome:"), "{p}:\n{text}");
        let doc = run_json(&file);
        assert!(doc["outcome"]["errors"].as_array().is_some_and(|e| e.is_empty()), "{p}: {}", doc["outcome"]);
        let mermaid = ok(&["run", &file, "--format", "mermaid"]);
        assert!(mermaid.starts_with("sequenceDiagram"), "{p}:\n{mermaid}");
        let check = ok(&["check", &file]);
        assert!(check.starts_with(&format!("{p}.toml: ok (")), "{p}: {check}");
    }
}

// ---------------------------------------------------------------- run: text

#[test]
fn run_spooler_upload_text_trace() {
    let out = ok(&["run", "preset:spooler-upload"]);
    assert!(out.starts_with("# Procedure A: flush all outgoing queues through the spooler\n"), "{out}");
    for needle in [
        "GetStatusTable() = S_OK",
        "FlushQueues(0, 0, NULL, FLUSH_UPLOAD | FLUSH_NO_UI)",
        "spooler -> Office LAN      IXPLogon::FlushQueues(0, 0, NULL, FLUSH_UPLOAD | FLUSH_NO_UI)",
        "IXPLogon::FlushQueues returns S_OK",
        "SubmitMessage(0, a) = S_OK",
        "SubmitMessage(0, b) = S_OK",
        "SubmitMessage(0, c) = S_OK",
        "TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)",
        "Dial-up -> user            ignores FLUSH_NO_UI",
        "FlushQueues = S_OK",
        "Office LAN: outbound [-] delivered [a, b] deferred [-] failed [-] remote [r1]",
        "Dial-up: outbound [-] delivered [c] deferred [-] failed [-] remote [-]",
        "ui prompts: [Dial-up]",
        "leaks: [-]",
        "errors: [-]",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    // Transport order: Office LAN is flushed before Dial-up.
    let lan = out.find("spooler -> Office LAN      IXPLogon::FlushQueues").unwrap_or(usize::MAX);
    let dial = out.find("spooler -> Dial-up").unwrap_or(0);
    assert!(lan < dial, "{out}");
}

#[test]
fn run_is_deterministic() {
    let a = ok(&["run", "preset:modem-ignores-no-ui", "--format", "json"]);
    let b = ok(&["run", "preset:modem-ignores-no-ui", "--format", "json"]);
    assert_eq!(a, b);
}

#[test]
fn run_file_and_explicit_text_format() {
    let fx = Fixture::new("valid.toml", VALID);
    let out = ok(&["run", fx.arg(), "--format", "text"]);
    assert!(out.starts_with("# Two transports\n"), "{out}");
    assert!(out.contains("Office LAN: outbound [-] delivered [a, b]"), "{out}");
    // The option may come before the file.
    assert_eq!(ok(&["run", "--format", "text", fx.arg()]), out);
}

// ---------------------------------------------------------------- run: json

#[test]
fn json_shape() {
    let doc = run_json("preset:spooler-upload");
    let top = doc.as_object().expect("an object");
    let mut keys: Vec<&str> = top.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["events", "outcome"]);

    let events = doc["events"].as_array().expect("events is an array");
    assert!(!events.is_empty());
    for (i, e) in events.iter().enumerate() {
        let e = e.as_object().unwrap_or_else(|| panic!("event {i} is not an object"));
        for k in ["step", "line", "actor", "kind", "text"] {
            assert!(e.contains_key(k), "event {i} has no `{k}`: {e:?}");
        }
        assert_eq!(e["step"].as_u64(), Some(i as u64 + 1), "steps count from 1: {e:?}");
        assert!(e["line"].is_null() || e["line"].is_u64(), "{e:?}");
        assert!(e["actor"].is_string() && e["kind"].is_string() && e["text"].is_string(), "{e:?}");
    }
    assert_eq!(events.last().map(|e| e["kind"].clone()), Some(Value::from("run_end")));
    assert!(events.iter().any(|e| e["kind"] == "xp_flush_queues"));

    let outcome = doc["outcome"].as_object().expect("outcome is an object");
    for k in ["calls", "transports", "inbox", "ui_prompts", "leaks", "errors"] {
        assert!(outcome.contains_key(k), "outcome has no `{k}`");
    }
    let calls = outcome["calls"].as_array().expect("calls is an array");
    assert!(!calls.is_empty());
    for c in calls {
        for k in ["api", "object", "flags", "target", "hresult"] {
            assert!(c.get(k).is_some(), "call has no `{k}`: {c}");
        }
        assert!(c["flags"].is_array(), "{c}");
    }
    let flush = calls.iter().find(|c| c["api"] == "FlushQueues").expect("a FlushQueues call");
    assert_eq!(flush["object"], "spooler");
    assert_eq!(flush["flags"], serde_json::json!(["FLUSH_UPLOAD", "FLUSH_NO_UI"]));
    assert_eq!(flush["hresult"], "S_OK");
    assert!(flush["target"].is_null());

    let transports = outcome["transports"].as_object().expect("transports is a map");
    let names: Vec<&str> = transports.keys().map(String::as_str).collect();
    assert_eq!(names, ["Office LAN", "Dial-up"], "keyed by name, in transport order");
    for (name, t) in transports {
        for k in ["outbound", "delivered", "remote", "deferred", "failed"] {
            assert!(t[k].is_array(), "{name} has no array `{k}`: {t}");
        }
    }
    assert_eq!(transports["Office LAN"]["delivered"], serde_json::json!(["a", "b"]));
    assert_eq!(transports["Office LAN"]["remote"], serde_json::json!(["r1"]));
    assert_eq!(transports["Dial-up"]["delivered"], serde_json::json!(["c"]));
    assert_eq!(outcome["inbox"], serde_json::json!([]));
    assert_eq!(outcome["ui_prompts"], serde_json::json!(["Dial-up"]));
    assert_eq!(outcome["leaks"], serde_json::json!([]));
    assert_eq!(outcome["errors"], serde_json::json!([]));
}

#[test]
fn json_per_transport_download_falls_back_to_spooler_with_target() {
    let doc = run_json("preset:per-transport-download");
    let calls = doc["outcome"]["calls"].as_array().expect("calls");
    let via_spooler: Vec<&Value> =
        calls.iter().filter(|c| c["api"] == "FlushQueues" && c["object"] == "spooler").collect();
    assert_eq!(via_spooler.len(), 1, "{calls:?}");
    assert_eq!(via_spooler[0]["target"], "Dial-up");
    assert_eq!(via_spooler[0]["flags"], serde_json::json!(["FLUSH_DOWNLOAD", "FLUSH_NO_UI"]));
    assert_eq!(via_spooler[0]["hresult"], "S_OK");
    // Office LAN implements FlushQueues and is flushed on its own status object.
    assert!(
        calls.iter().any(|c| c["api"] == "FlushQueues" && c["object"] == "Office LAN" && c["target"].is_null()),
        "{calls:?}"
    );
    assert_eq!(doc["outcome"]["inbox"], serde_json::json!(["r1", "r2", "r3"]));
}

#[test]
fn json_async_ok_then_busy() {
    let doc = run_json("preset:async-ok-busy");
    let flushes: Vec<&Value> =
        doc["outcome"]["calls"].as_array().expect("calls").iter().filter(|c| c["api"] == "FlushQueues").collect();
    assert_eq!(flushes.len(), 2, "{flushes:?}");
    assert_eq!(flushes[0]["hresult"], "S_OK");
    assert_eq!(flushes[0]["flags"], serde_json::json!(["FLUSH_UPLOAD", "FLUSH_NO_UI", "FLUSH_ASYNC_OK"]));
    assert_eq!(flushes[1]["hresult"], "MAPI_E_BUSY");
    assert!(flushes.iter().any(|c| c["hresult"] == "MAPI_E_BUSY"));
}

#[test]
fn json_leaky_script_reports_leaks_with_lines() {
    let doc = run_json("preset:leaky-script");
    let leaks = doc["outcome"]["leaks"].as_array().expect("leaks");
    assert!(!leaks.is_empty());
    for l in leaks {
        assert!(l["line"].as_u64().is_some_and(|n| n > 0), "{l}");
        assert!(l["what"].is_string(), "{l}");
    }
    // `sp` is created on script line 3 and never freed; `xp` on line 7, once per transport.
    assert!(
        leaks.iter().any(|l| l["line"] == 3 && l["what"].as_str().is_some_and(|w| w.contains("`sp`"))),
        "{leaks:?}"
    );
    assert_eq!(leaks.iter().filter(|l| l["line"] == 7).count(), 2, "{leaks:?}");
}

#[test]
fn runtime_script_error_still_exits_zero_and_is_reported() {
    let src = "title = \"past the end\"
script = '''
table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
x = rows[5].PR_ENTRYID
'''
";
    let fx = Fixture::new("runtime.toml", src);
    let text = ok(&["run", fx.arg()]);
    assert!(text.contains("index 5 is past its end"), "{text}");
    let doc = run_json(fx.arg());
    let errors = doc["outcome"]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    // Runtime positions are in the script (like every `line` of the trace), not in the
    // file: `rows[5]` is on script line 4, column 5 (file line 6).
    assert_eq!(errors[0]["line"], 4, "{errors:?}");
    assert_eq!(errors[0]["column"], 5, "{errors:?}");
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains("past its end")), "{errors:?}");
    assert!(doc["events"].as_array().expect("events").iter().any(|e| e["kind"] == "script_error"));
}

// ---------------------------------------------------------------- run: mermaid

#[test]
fn mermaid_starts_with_sequence_diagram() {
    let out = ok(&["run", "preset:spooler-upload", "--format", "mermaid"]);
    assert!(out.starts_with("sequenceDiagram\n"), "{out}");
    assert!(out.contains("Office LAN") && out.contains("Dial-up"), "{out}");
}

// ---------------------------------------------------------------- check

#[test]
fn check_valid_file() {
    let fx = Fixture::new("valid.toml", VALID);
    let out = ok(&["check", fx.arg()]);
    assert_eq!(out, format!("{}: ok (2 transports, script of 8 lines)\n", fx.arg()));
}

#[test]
fn check_valid_json_file() {
    let src = r#"{
  "title": "json",
  "script": "table = session.GetStatusTable()\nRelease(table)",
  "transport": [{"name": "Office LAN", "kind": "lan", "outbound": ["a"]}]
}
"#;
    let fx = Fixture::new("valid.json", src);
    let out = ok(&["check", fx.arg()]);
    assert_eq!(out, format!("{}: ok (1 transports, script of 2 lines)\n", fx.arg()));
    let doc = run_json(fx.arg());
    assert_eq!(doc["outcome"]["leaks"], serde_json::json!([]));
}

#[test]
fn check_runs_nothing_and_rejects_format() {
    let err = fails(&["check", "preset:spooler-upload", "--format", "json"]);
    assert!(err.contains("unknown option `--format`"), "{err}");
}

// ---------------------------------------------------------------- diagnostics

#[test]
fn toml_syntax_error() {
    let src = "title = \"unterminated\nscript = \"preset:spooler\"\n";
    let fx = Fixture::new("syntax.toml", src);
    for cmd in ["run", "check"] {
        let err = fails(&[cmd, fx.arg()]);
        // The string runs to the end of line 1 (column 22).
        assert_located(&err, &fx, (1, 22), "invalid basic string");
    }
}

#[test]
fn unknown_top_level_key() {
    let src = "title = \"t\"\ncolour = 1\nscript = \"preset:spooler\"\n";
    let fx = Fixture::new("key.toml", src);
    let err = fails(&["run", fx.arg()]);
    assert_located(&err, &fx, (2, 1), "unknown field `colour`");
    assert!(err.contains("`title`, `seed`, `script`"), "{err}");
}

#[test]
fn bad_transport_kind() {
    let src = "script = \"preset:spooler\"\n\n[[transport]]\nname = \"Sky\"\nkind = \"satellite\"\n";
    let fx = Fixture::new("kind.toml", src);
    let err = fails(&["run", fx.arg()]);
    assert_eq!(pos(src, "\"satellite\""), (5, 8));
    assert_located(&err, &fx, (5, 8), "unknown variant `satellite`, expected one of `lan`, `modem`, `ras`");
}

#[test]
fn unknown_transport_method_suggests() {
    let src = "script = \"preset:spooler\"\n\n[[transport]]\nname = \"A\"\nkind = \"lan\"\nmethods = [\"STATUS_VALIDATE_STATE\", \"STATUS_FLUSH_QUEUE\"]\n";
    let fx = Fixture::new("methods.toml", src);
    let err = fails(&["check", fx.arg()]);
    assert_eq!(pos(src, "\"STATUS_FLUSH_QUEUE\""), (6, 37));
    assert_located(&err, &fx, (6, 37), "unknown method `STATUS_FLUSH_QUEUE`; did you mean `STATUS_FLUSH_QUEUES`?");
}

/// A spooler script whose lines 1-4 are fine; `bad` is line 5.
fn script_file(bad: &str) -> String {
    format!(
        "# a comment
title = \"script\"
seed = 3
script = '''
table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
{bad}
Release(spooler)
'''

[[transport]]
name = \"Office LAN\"
kind = \"lan\"
outbound = [\"a\"]
"
    )
}

#[test]
fn unknown_script_method_suggests() {
    let src = script_file("spooler.FlushQueue(FLUSH_NO_UI | FLUSH_UPLOAD)");
    let fx = Fixture::new("script-method.toml", &src);
    let err = fails(&["run", fx.arg()]);
    // Script line 5 is file line 9; `FlushQueue` starts at column 9.
    assert_eq!(pos(&src, "FlushQueue("), (9, 9));
    assert_located(&err, &fx, (9, 9), "no MAPI method named `FlushQueue`; did you mean `FlushQueues`?");
}

#[test]
fn unknown_constant_suggests() {
    let src = script_file("spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLAOD)");
    let fx = Fixture::new("constant.toml", &src);
    let err = fails(&["check", fx.arg()]);
    assert_eq!(pos(&src, "FLUSH_UPLAOD"), (9, 35));
    assert_located(&err, &fx, (9, 35), "unknown MAPI constant `FLUSH_UPLAOD`; did you mean `FLUSH_UPLOAD`?");
}

#[test]
fn script_syntax_error_inside_multiline_string() {
    let src = script_file("hr = = spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)");
    let fx = Fixture::new("script-syntax.toml", &src);
    let err = fails(&["run", fx.arg()]);
    // `hr = = ...`: the second `=` (file line 9, column 6) is where an expression was expected.
    let (line, col) = pos(&src, "= spooler.FlushQueues");
    assert_eq!((line, col), (9, 6));
    assert_located(&err, &fx, (line, col), "expected an expression after `=`");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn script_errors_are_all_reported_in_file_order() {
    let src =
        script_file("spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLAOD)").replace("Release(spooler)", "Relase(spooler)");
    let fx = Fixture::new("two-errors.toml", &src);
    let err = fails(&["check", fx.arg()]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with(&format!("{}:9:35: unknown MAPI constant", fx.arg())), "{err}");
    assert_eq!(pos(&src, "Relase"), (10, 1));
    assert!(lines[1].starts_with(&format!("{}:10:1: no MAPI function named `Relase`", fx.arg())), "{err}");
    assert!(lines[1].contains("did you mean `Release`?"), "{err}");
}

#[test]
fn json_type_error_is_located_in_json() {
    let src = "{\n  \"title\": \"json\",\n  \"seed\": \"forty-two\",\n  \"script\": \"preset:spooler\"\n}\n";
    let fx = Fixture::new("bad.json", src);
    let err = fails(&["run", fx.arg()]);
    // serde_json reports the position of the last character of the bad value.
    let (line, col) = pos(src, "\"forty-two\"");
    assert_eq!((line, col), (3, 11));
    assert_located(&err, &fx, (3, col + "\"forty-two\"".len() - 1), "invalid type: string \"forty-two\", expected u64");
}

#[test]
fn json_script_error_is_located_in_json() {
    let src = "{\n  \"title\": \"json\",\n  \"script\": \"x = = 1\"\n}\n";
    let fx = Fixture::new("script.json", src);
    let err = fails(&["check", fx.arg()]);
    assert_eq!(pos(src, "= 1\""), (3, 18));
    assert_located(&err, &fx, (3, 18), "expected an expression after `=`");
}

#[test]
fn unknown_preset_script_in_file() {
    let src = "title = \"t\"\nscript = \"preset:nope\"\n";
    let fx = Fixture::new("preset.toml", src);
    let err = fails(&["check", fx.arg()]);
    assert_located(&err, &fx, (2, 10), "no script preset named `nope`; presets: spooler, per_transport");
}

#[test]
fn non_utf8_file() {
    let mut bytes = b"title = \"caf".to_vec();
    bytes.push(0xE9); // Latin-1 e-acute: not UTF-8.
    bytes.extend_from_slice(b"\"\nscript = \"preset:spooler\"\n");
    let fx = Fixture::new("latin1.toml", bytes);
    let err = fails(&["run", fx.arg()]);
    assert_located(&err, &fx, (1, 13), "not valid UTF-8");
}

// ---------------------------------------------------------------- usage

#[test]
fn unknown_command() {
    let err = fails(&["frobnicate"]);
    assert!(err.starts_with("flushq: unknown command `frobnicate`"), "{err}");
    assert!(err.contains("usage:"), "{err}");
}

#[test]
fn no_arguments_prints_usage() {
    let err = fails(&[]);
    assert!(err.starts_with("usage:"), "{err}");
}

#[test]
fn help_succeeds() {
    let out = ok(&["help"]);
    assert!(out.contains("flushq run FILE"), "{out}");
}

#[test]
fn unknown_format() {
    let err = fails(&["run", "preset:spooler-upload", "--format", "yaml"]);
    assert!(err.contains("unknown format `yaml`; use text, json or mermaid"), "{err}");
    let err = fails(&["run", "preset:spooler-upload", "--format"]);
    assert!(err.contains("--format needs a value"), "{err}");
}

#[test]
fn missing_file_argument_and_extra_arguments() {
    let err = fails(&["run"]);
    assert!(err.contains("run needs a scenario FILE"), "{err}");
    let err = fails(&["check"]);
    assert!(err.contains("check needs a scenario FILE"), "{err}");
    let err = fails(&["run", "preset:spooler-upload", "preset:link-down"]);
    assert!(err.contains("unexpected argument `preset:link-down`"), "{err}");
    let err = fails(&["presets", "extra"]);
    assert!(err.contains("unknown command `presets`"), "{err}");
}

#[test]
fn missing_file() {
    let path = std::env::temp_dir().join(format!("flushq-cli-tests-{}-missing/none.toml", std::process::id()));
    let path = path.to_str().expect("UTF-8 path");
    let err = fails(&["run", path]);
    assert!(err.starts_with(&format!("{path}: cannot read: ")), "{err}");
}

#[test]
fn unknown_preset() {
    let err = fails(&["run", "preset:nope"]);
    assert!(err.contains("no preset named `nope`"), "{err}");
    assert!(err.contains("flushq presets"), "{err}");
}

/// `flushq lessons` lists the tutorial; `flushq lesson` checks a script against a
/// lesson's goal, failing (exit 1) with reasons on the starting script and passing
/// (exit 0) at par with the solution.
#[test]
fn lessons_are_checked_from_the_command_line() {
    let list = flushq(&["lessons"]);
    assert_eq!(list.status.code(), Some(0));
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.lines().count() >= 8, "{text}");
    assert!(text.contains("per-transport-fallback"));

    let start = flushq(&["lesson", "per-transport-fallback"]);
    assert_eq!(start.status.code(), Some(1));
    let out = String::from_utf8_lossy(&start.stdout);
    assert!(out.contains("FAIL FlushQueues never returned MAPI_E_NO_SUPPORT"), "{out}");
    assert!(out.contains("goal not reached"), "{out}");

    let dir = std::env::temp_dir().join(format!("flushq-lesson-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let solution = dir.join("solution.mapi");
    let lesson = flushq_explain::lessons::lesson("per-transport-fallback").unwrap();
    std::fs::write(&solution, lesson.solution).unwrap();
    let solved = flushq(&["lesson", "per-transport-fallback", solution.to_str().unwrap()]);
    assert_eq!(solved.status.code(), Some(0), "{}", String::from_utf8_lossy(&solved.stdout));
    assert!(String::from_utf8_lossy(&solved.stdout).contains("goal reached: 15 statements, par 15"));

    // The same check in Chinese: title, reasons and score; MAPI names stay English.
    let zh = flushq(&["lesson", "--lang", "zh", "per-transport-fallback"]);
    assert_eq!(zh.status.code(), Some(1));
    let out = String::from_utf8_lossy(&zh.stdout);
    assert!(out.contains("FAIL FlushQueues 从未返回 MAPI_E_NO_SUPPORT："), "{out}");
    assert!(out.contains("未达成目标：9 条语句，标准杆 15"), "{out}");
    assert_eq!(flushq(&["lesson", "per-transport-fallback", "--lang", "fr"]).status.code(), Some(2));

    let broken = dir.join("broken.mapi");
    std::fs::write(&broken, "x = (\n").unwrap();
    let bad = flushq(&["lesson", "per-transport-fallback", broken.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("broken.mapi:1:"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    assert_eq!(flushq(&["lesson", "nope"]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
