//! `flushq`: run a scenario and print its trace.
//!
//! ```text
//! flushq run FILE [--format text|json|mermaid]
//! flushq check FILE
//! flushq presets
//! ```
//! FILE may be a path or `preset:NAME`. Exit codes: 0 the scenario ran to its end
//! (an error HRESULT is a result, not a failure); 2 invalid input or usage, with
//! `file:line:col: message` on stderr.

mod words;

use flushq_core::{LoadError, Machine};
use flushq_explain::Lang;
use flushq_explain::{catalog, file_diagnostic_in, load_error_in, render_mermaid, render_text, script_message_in};
use flushq_scenario::{load, preset, presets, FileDiagnostic, Format};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  flushq run FILE [--format text|json|mermaid]   run a scenario and print its trace
  flushq check FILE                              report problems in a scenario, run nothing
  flushq presets                                 list the shipped scenarios
  flushq lessons                                 list the tutorial's lessons
  flushq lesson ID [SCRIPT] [--lang en|zh]       check a script (default: the lesson's
                                                 starting script) against the lesson's goal;
                                                 exit 0 when reached, 1 when not
FILE is a path to a .toml or .json scenario, or preset:NAME.";

/// Output formats of `run`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    Text,
    Json,
    Mermaid,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("lesson") => lesson(&args[1..]),
        _ => run(&args).map(|out| (out, 0)),
    };
    match result {
        Ok((out, code)) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`flushq run x | head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::from(code)
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let cmd = args.first().map(String::as_str);
    match cmd {
        Some("presets") if args.len() == 1 => Ok(list_presets()),
        Some("lessons") if args.len() == 1 => Ok(flushq_explain::lessons::lessons()
            .iter()
            .map(|l| format!("{:<28} par {:>2}  {}\n", l.id, l.par, l.title.en))
            .collect()),
        Some("run") | Some("check") => {
            let mut file = None;
            let mut format = OutFormat::Text;
            let mut rest = args[1..].iter();
            while let Some(a) = rest.next() {
                match a.as_str() {
                    "--format" if cmd == Some("run") => {
                        format = match rest.next().map(String::as_str) {
                            Some("text") => OutFormat::Text,
                            Some("json") => OutFormat::Json,
                            Some("mermaid") => OutFormat::Mermaid,
                            Some(other) => {
                                return Err(format!("flushq: unknown format `{other}`; use text, json or mermaid"))
                            }
                            None => return Err(String::from("flushq: --format needs a value: text, json or mermaid")),
                        }
                    }
                    flag if flag.starts_with("--") => return Err(format!("flushq: unknown option `{flag}`\n{USAGE}")),
                    path if file.is_none() => file = Some(path.to_string()),
                    extra => return Err(format!("flushq: unexpected argument `{extra}`\n{USAGE}")),
                }
            }
            let file = file.ok_or_else(|| format!("flushq: {} needs a scenario FILE\n{USAGE}", cmd.unwrap_or("")))?;
            let (text, name) = read(&file)?;
            let scenario = load(&text, Format::from_path(&name)).map_err(|d| located(&name, &d))?;
            if cmd == Some("check") {
                return Ok(format!(
                    "{name}: ok ({} transports, script of {} lines)\n",
                    scenario.transports.len(),
                    scenario.script.lines().count()
                ));
            }
            let mut machine =
                Machine::new(&scenario).map_err(|e| format!("{name}: {}", load_error_in(&e, Lang::EN)))?;
            machine.run();
            let outcome = machine.outcome();
            Ok(match format {
                OutFormat::Text => render_text(&scenario.title, machine.events(), &outcome),
                OutFormat::Mermaid => {
                    let names: Vec<String> = scenario.transports.iter().map(|t| t.name.clone()).collect();
                    render_mermaid(&scenario.title, machine.events(), &names)
                }
                OutFormat::Json => flushq_explain::export::trace_json(machine.events(), &outcome) + "\n",
            })
        }
        Some("help") | Some("--help") | Some("-h") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(format!("flushq: unknown command `{other}`\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

/// Reads a scenario from a path or a `preset:NAME`; returns its text and display name.
fn read(file: &str) -> Result<(String, String), String> {
    if let Some(name) = file.strip_prefix("preset:") {
        return preset(name)
            .map(|p| (p.toml.to_string(), format!("{}.toml", p.name)))
            .ok_or_else(|| format!("flushq: no preset named `{name}`; run `flushq presets` to list them"));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or("");
        let (line, col) = flushq_core::diag::line_col(valid, at);
        format!("{file}:{line}:{col}: the file is not valid UTF-8")
    })?;
    Ok((text, file.to_string()))
}

/// Every problem of file `name`, one a line: `NAME:LINE:COL: message`.
fn located(name: &str, diags: &[FileDiagnostic]) -> String {
    diags.iter().map(|d| format!("{name}:{}", file_diagnostic_in(d, Lang::EN))).collect::<Vec<_>>().join("\n")
}

/// Why a lesson's script cannot run, one problem a line: `NAME:LINE:COL: message`,
/// in English like the other diagnostics (a scenario's own problem has no place: `0:0`).
fn not_run(name: &str, e: &LoadError) -> String {
    match e {
        LoadError::Script(d) => d
            .iter()
            .map(|d| format!("{name}:{}:{}: {}", d.span.line, d.span.col, script_message_in(&d.message, Lang::EN)))
            .collect::<Vec<_>>()
            .join("\n"),
        LoadError::Scenario(e) => format!("{name}:0:0: {}", catalog::of(Lang::EN).scenario_error(e)),
    }
}

fn list_presets() -> String {
    let mut s = String::new();
    for p in presets() {
        let title = p.toml.lines().find_map(|l| l.strip_prefix("title = ")).map(|t| t.trim_matches('"')).unwrap_or("");
        s.push_str(&format!("{:<28} {title}\n", p.name));
    }
    s
}

/// `flushq lesson ID [SCRIPT]`: the lesson, then each assertion of its goal checked
/// against the script, and the golf score. Exit code 0 when the goal is reached.
fn lesson(args: &[String]) -> Result<(String, u8), String> {
    // `--lang en|zh` may come anywhere; the rest is ID [SCRIPT].
    let mut lang = Lang::EN;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => {
                lang = it
                    .next()
                    .and_then(|l| Lang::from_code(l))
                    .ok_or_else(|| String::from("flushq: --lang needs a value: en or zh"))?
            }
            flag if flag.starts_with("--") => return Err(format!("flushq: unknown option `{flag}`\n{USAGE}")),
            _ => positional.push(a.clone()),
        }
    }
    let args = positional;
    let id = args.first().ok_or_else(|| format!("flushq: lesson needs an ID; run `flushq lessons`\n{USAGE}"))?;
    let lesson = flushq_explain::lessons::lesson(id)
        .ok_or_else(|| format!("flushq: no lesson named `{id}`; run `flushq lessons` to list them"))?;
    let (script, name) = match args.get(1) {
        Some(path) => (std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?, path.clone()),
        None => (lesson.start.to_string(), String::from("(starting script)")),
    };
    if args.len() > 2 {
        return Err(format!("flushq: unexpected argument `{}`\n{USAGE}", args[2]));
    }
    let verdict = lesson.check_scenario(&lesson.scenario(&script)).map_err(|e| not_run(&name, &e))?;
    let mut out = format!("# {}\n{}\n\n{}\n", lesson.title.get(lang), lesson.intro.get(lang), words::of(lang).goal());
    for c in &verdict.checks {
        let title = c.assertion.title_in(lang);
        if c.passed {
            out.push_str(&format!("  ok   {title}\n"));
        } else {
            out.push_str(&format!("  FAIL {title}{}{}\n", words::of(lang).colon(), c.why_in(lang)));
        }
    }
    let passed = verdict.passed();
    let (n, par) = (verdict.statements, verdict.par);
    out.push_str(&words::of(lang).verdict(passed, n, par));
    Ok((out, if passed { 0 } else { 1 }))
}
