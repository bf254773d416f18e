//! TOML/JSON -> `Scenario`, with every error placed at a line and column.

use crate::locate::{FileDiagnostic, Located};
use crate::presets::script_preset;
use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{Fault, FaultKind, Scenario, TransportKind, TransportSpec};
use flushq_core::{diag::closest, script};
use serde::Deserialize;

/// The file format of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML (the usual one).
    Toml,
    /// JSON with the same keys.
    Json,
}

impl Format {
    /// Guesses from a file name: `.json` is JSON, anything else TOML.
    pub fn from_path(path: &str) -> Format {
        if path.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct RawScenario<S> {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    seed: Option<u64>,
    script: S,
    #[serde(default, rename = "transport")]
    transports: Vec<RawTransport<S>>,
    #[serde(default, rename = "store")]
    stores: Vec<RawStore>,
    #[serde(default, rename = "fault")]
    faults: Vec<RawFault<S>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct RawTransport<S> {
    name: S,
    kind: RawKind,
    #[serde(default)]
    methods: Option<Vec<S>>,
    #[serde(default)]
    honors_no_ui: Option<bool>,
    #[serde(default, rename = "async")]
    asynchronous: bool,
    #[serde(default)]
    outbound: Vec<String>,
    #[serde(default)]
    remote: Vec<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawKind {
    Lan,
    Modem,
    Ras,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStore {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>"))]
struct RawFault<S> {
    transport: S,
    kind: S,
    #[serde(default)]
    message: Option<S>,
}

/// Decodes a scenario and checks its script. On failure returns every problem
/// found, in file order, positioned in the file.
pub fn load(src: &str, format: Format) -> Result<Scenario, Vec<FileDiagnostic>> {
    match format {
        Format::Toml => {
            let raw: RawScenario<toml::Spanned<String>> = toml::from_str(src).map_err(|e| {
                let at = e.span().map_or(0, |s| s.start);
                vec![FileDiagnostic::at(src, at, toml_message(e.message()))]
            })?;
            build(src, raw)
        }
        Format::Json => {
            let raw: RawScenario<String> = serde_json::from_str(src).map_err(|e| {
                vec![FileDiagnostic { line: e.line() as u32, col: e.column() as u32, message: json_message(&e) }]
            })?;
            build(src, raw)
        }
    }
}

/// toml's messages end with a newline and sometimes repeat the position.
fn toml_message(m: &str) -> String {
    m.trim().replace('\n', " ")
}

fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn build<S: Located>(src: &str, raw: RawScenario<S>) -> Result<Scenario, Vec<FileDiagnostic>> {
    let mut diags = Vec::new();
    let mut transports = Vec::new();
    for t in &raw.transports {
        let kind = match t.kind {
            RawKind::Lan => TransportKind::Lan,
            RawKind::Modem => TransportKind::Modem,
            RawKind::Ras => TransportKind::Ras,
        };
        let mut spec = TransportSpec::new(t.name.value(), kind);
        let name_at = t.name.offset(src, 0);
        if t.name.value().trim().is_empty() {
            diags.push(FileDiagnostic::at(src, name_at, "a transport needs a non-empty name"));
        }
        if let Some(methods) = &t.methods {
            spec.methods = ResourceMethods::EMPTY;
            for m in methods {
                match ResourceMethods::from_name(m.value()) {
                    Some(bit) => spec.methods |= bit,
                    None => {
                        let names = ResourceMethods::NAMED.iter().map(|(n, _)| *n);
                        let hint = closest(m.value(), names)
                            .map(|c| format!("; did you mean `{c}`?"))
                            .unwrap_or_else(|| String::from("; use STATUS_VALIDATE_STATE, STATUS_SETTINGS_DIALOG, STATUS_CHANGE_PASSWORD or STATUS_FLUSH_QUEUES"));
                        diags.push(FileDiagnostic::at(
                            src,
                            m.offset(src, name_at),
                            format!("unknown method `{}`{hint}", m.value()),
                        ));
                    }
                }
            }
        }
        if let Some(h) = t.honors_no_ui {
            spec.honors_no_ui = h;
        }
        spec.asynchronous = t.asynchronous;
        spec.outbound.clone_from(&t.outbound);
        spec.remote.clone_from(&t.remote);
        if transports.iter().any(|u: &TransportSpec| u.name == spec.name) {
            diags.push(FileDiagnostic::at(
                src,
                name_at,
                format!("two transports are named `{}`; names must be unique", spec.name),
            ));
        }
        transports.push(spec);
    }

    let mut faults = Vec::new();
    for f in &raw.faults {
        let t_at = f.transport.offset(src, 0);
        let Some(ti) = transports.iter().position(|t| t.name == f.transport.value()) else {
            let hint = closest(f.transport.value(), transports.iter().map(|t| t.name.as_str()))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            diags.push(FileDiagnostic::at(
                src,
                t_at,
                format!("fault names transport `{}`, which is not in the profile{hint}", f.transport.value()),
            ));
            continue;
        };
        let message = f.message.as_ref().map(|m| m.value().to_string());
        let kind_at = f.kind.offset(src, t_at);
        let kind = match (f.kind.value(), message.clone()) {
            ("link_down", None) => FaultKind::LinkDown,
            ("user_cancels", None) => FaultKind::UserCancels,
            ("drops_flush_bits", m) => FaultKind::DropsFlushBits(m),
            ("message_fails", Some(m)) => FaultKind::MessageFails(m),
            ("message_deferred", Some(m)) => FaultKind::MessageDeferred(m),
            ("message_fails" | "message_deferred", None) => {
                diags.push(FileDiagnostic::at(
                    src,
                    kind_at,
                    format!(
                        "fault `{}` needs `message` = the subject of a message queued on `{}`",
                        f.kind.value(),
                        f.transport.value()
                    ),
                ));
                continue;
            }
            ("link_down" | "user_cancels", Some(_)) => {
                let at = f.message.as_ref().map_or(kind_at, |m| m.offset(src, kind_at));
                diags.push(FileDiagnostic::at(src, at, format!("fault `{}` takes no `message`", f.kind.value())));
                continue;
            }
            (other, _) => {
                let hint =
                    closest(other, FaultKind::NAMES).map(|c| format!("did you mean `{c}`? ")).unwrap_or_default();
                diags.push(FileDiagnostic::at(
                    src,
                    kind_at,
                    format!("unknown fault kind `{other}`; {hint}kinds: {}", FaultKind::NAMES.join(", ")),
                ));
                continue;
            }
        };
        if let (Some(m), Some(loc)) = (&message, &f.message) {
            let t = &transports[ti];
            if !t.outbound.contains(m) && !t.remote.contains(m) {
                diags.push(FileDiagnostic::at(
                    src,
                    loc.offset(src, kind_at),
                    format!("fault names message `{m}`, which is not queued on `{}`", t.name),
                ));
                continue;
            }
        }
        faults.push(Fault { transport: ti, kind });
    }

    // The script: a preset by name, or inline text whose errors map back into the file.
    let script_at = raw.script.offset(src, 0);
    let (script, origin) = match raw.script.value().strip_prefix("preset:") {
        Some(name) => match script_preset(name) {
            Some(text) => (text.to_string(), None),
            None => {
                let names: Vec<&str> = crate::SCRIPT_PRESETS.iter().map(|(n, _)| *n).collect();
                diags.push(FileDiagnostic::at(
                    src,
                    script_at,
                    format!("no script preset named `{name}`; presets: {}", names.join(", ")),
                ));
                (String::new(), None)
            }
        },
        None => (raw.script.value().to_string(), Some(content_start(src, script_at))),
    };
    for d in script::diagnose(&script) {
        let (line, col) = match origin {
            Some((l0, c0)) if d.span.line == 1 => (l0, c0 + d.span.col - 1),
            Some((l0, _)) => (l0 + d.span.line - 1, d.span.col),
            None => {
                let (l, c) = flushq_core::diag::line_col(src, script_at);
                diags.push(FileDiagnostic {
                    line: l,
                    col: c,
                    message: format!("in preset script, {}:{}: {}", d.span.line, d.span.col, d.message),
                });
                continue;
            }
        };
        diags.push(FileDiagnostic { line, col, message: d.message });
    }

    let scenario = Scenario {
        title: raw.title.unwrap_or_default(),
        seed: raw.seed.unwrap_or(0),
        script,
        transports,
        stores: raw.stores.into_iter().map(|s| s.name).collect(),
        faults,
    };
    if diags.is_empty() {
        if let Err(e) = scenario.validate() {
            diags.push(FileDiagnostic::at(src, 0, e.to_string()));
        }
    }
    if diags.is_empty() {
        Ok(scenario)
    } else {
        diags.sort_by_key(|d| (d.line, d.col));
        Err(diags)
    }
}

/// File line and column where the text of the string value at `at` begins: after
/// the opening quotes, and after the newline that TOML and readers skip in `'''`.
fn content_start(src: &str, at: usize) -> (u32, u32) {
    let rest = &src[at.min(src.len())..];
    let mut skip = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
        3
    } else if rest.starts_with('"') || rest.starts_with('\'') {
        1
    } else {
        0
    };
    if skip == 3 {
        if rest[skip..].starts_with("\r\n") {
            skip += 2;
        } else if rest[skip..].starts_with('\n') {
            skip += 1;
        }
    }
    flushq_core::diag::line_col(src, at + skip)
}
