//! TOML/JSON -> `Scenario`, with every error placed at a line and column.

use crate::errors;
use crate::inline::InlineScript;
use crate::locate::{path_to, FileDiagnostic, Located, Locator};
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
            let raw: RawScenario<toml::Spanned<String>> =
                toml::from_str(src).map_err(|e| vec![errors::toml(src, &e)])?;
            build(&Locator::toml(src), raw)
        }
        Format::Json => {
            let raw: RawScenario<String> = serde_json::from_str(src).map_err(|e| vec![errors::json(src, &e)])?;
            build(&Locator::json(src), raw)
        }
    }
}

/// Checks the decoded file against itself (names, faults, the script) and builds the scenario.
fn build<S: Located>(loc: &Locator<'_>, raw: RawScenario<S>) -> Result<Scenario, Vec<FileDiagnostic>> {
    let mut diags = Vec::new();
    let mut transports = Vec::new();
    for (i, t) in raw.transports.iter().enumerate() {
        let spec = transport(loc, i, t, &mut diags);
        if transports.iter().any(|u: &TransportSpec| u.name == spec.name) {
            let message = format!("two transports are named `{}`; names must be unique", spec.name);
            diags.push(loc.diag(&t.name, path_to!["transport", i, "name"], message));
        }
        transports.push(spec);
    }
    let faults = raw.faults.iter().enumerate().filter_map(|(i, f)| fault(loc, i, f, &transports, &mut diags)).collect();
    let script = script_text(loc, &raw.script, &mut diags);

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
            diags.push(FileDiagnostic::at(loc.src(), 0, e.to_string()));
        }
    }
    if diags.is_empty() {
        Ok(scenario)
    } else {
        diags.sort_by_key(|d| (d.line, d.col));
        Err(diags)
    }
}

/// Transport `i` of the file, reporting a blank name and unknown methods.
fn transport<S: Located>(
    loc: &Locator<'_>,
    i: usize,
    t: &RawTransport<S>,
    diags: &mut Vec<FileDiagnostic>,
) -> TransportSpec {
    let kind = match t.kind {
        RawKind::Lan => TransportKind::Lan,
        RawKind::Modem => TransportKind::Modem,
        RawKind::Ras => TransportKind::Ras,
    };
    let mut spec = TransportSpec::new(t.name.value(), kind);
    if t.name.value().trim().is_empty() {
        diags.push(loc.diag(&t.name, path_to!["transport", i, "name"], "a transport needs a non-empty name"));
    }
    if let Some(methods) = &t.methods {
        spec.methods = ResourceMethods::EMPTY;
        for (j, m) in methods.iter().enumerate() {
            match ResourceMethods::from_name(m.value()) {
                Some(bit) => spec.methods |= bit,
                None => diags.push(loc.diag(m, path_to!["transport", i, "methods", j], unknown_method(m.value()))),
            }
        }
    }
    if let Some(h) = t.honors_no_ui {
        spec.honors_no_ui = h;
    }
    spec.asynchronous = t.asynchronous;
    spec.outbound.clone_from(&t.outbound);
    spec.remote.clone_from(&t.remote);
    spec
}

fn unknown_method(name: &str) -> String {
    let names = ResourceMethods::NAMED.iter().map(|(n, _)| *n);
    let hint = closest(name, names).map(|c| format!("; did you mean `{c}`?")).unwrap_or_else(|| {
        String::from(
            "; use STATUS_VALIDATE_STATE, STATUS_SETTINGS_DIALOG, STATUS_CHANGE_PASSWORD or STATUS_FLUSH_QUEUES",
        )
    });
    format!("unknown method `{name}`{hint}")
}

/// Fault `i` of the file, or `None` (with a diagnostic) if it does not fit the transports.
fn fault<S: Located>(
    loc: &Locator<'_>,
    i: usize,
    f: &RawFault<S>,
    transports: &[TransportSpec],
    diags: &mut Vec<FileDiagnostic>,
) -> Option<Fault> {
    let Some(ti) = transports.iter().position(|t| t.name == f.transport.value()) else {
        let hint = closest(f.transport.value(), transports.iter().map(|t| t.name.as_str()))
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        let message = format!("fault names transport `{}`, which is not in the profile{hint}", f.transport.value());
        diags.push(loc.diag(&f.transport, path_to!["fault", i, "transport"], message));
        return None;
    };
    let kind_path = path_to!["fault", i, "kind"];
    let message_path = path_to!["fault", i, "message"];
    let message = f.message.as_ref().map(|m| m.value().to_string());
    let kind = match (f.kind.value(), message.clone()) {
        ("link_down", None) => FaultKind::LinkDown,
        ("user_cancels", None) => FaultKind::UserCancels,
        ("drops_flush_bits", m) => FaultKind::DropsFlushBits(m),
        ("message_fails", Some(m)) => FaultKind::MessageFails(m),
        ("message_deferred", Some(m)) => FaultKind::MessageDeferred(m),
        ("message_fails" | "message_deferred", None) => {
            let message = format!(
                "fault `{}` needs `message` = the subject of a message queued on `{}`",
                f.kind.value(),
                f.transport.value()
            );
            diags.push(loc.diag(&f.kind, kind_path, message));
            return None;
        }
        ("link_down" | "user_cancels", Some(_)) => {
            let message = format!("fault `{}` takes no `message`", f.kind.value());
            diags.push(match &f.message {
                Some(m) => loc.diag(m, message_path, message),
                None => loc.diag(&f.kind, kind_path, message),
            });
            return None;
        }
        (other, _) => {
            let hint = closest(other, FaultKind::NAMES).map(|c| format!("did you mean `{c}`? ")).unwrap_or_default();
            let message = format!("unknown fault kind `{other}`; {hint}kinds: {}", FaultKind::NAMES.join(", "));
            diags.push(loc.diag(&f.kind, kind_path, message));
            return None;
        }
    };
    if let (Some(m), Some(written)) = (&message, &f.message) {
        let t = &transports[ti];
        if !t.outbound.contains(m) && !t.remote.contains(m) {
            let message = format!("fault names message `{m}`, which is not queued on `{}`", t.name);
            diags.push(loc.diag(written, message_path, message));
            return None;
        }
    }
    Some(Fault { transport: ti, kind })
}

/// The script: a preset by name, or inline text whose problems are placed in the file.
fn script_text<S: Located>(loc: &Locator<'_>, raw: &S, diags: &mut Vec<FileDiagnostic>) -> String {
    let at = loc.offset(raw, path_to!["script"]);
    let Some(name) = raw.value().strip_prefix("preset:") else {
        let inline = InlineScript::new(loc.src(), raw.value(), at, loc.literal(at));
        diags.extend(script::diagnose(raw.value()).iter().map(|d| inline.place(d)));
        return raw.value().to_string();
    };
    let Some(text) = script_preset(name) else {
        let names: Vec<&str> = crate::SCRIPT_PRESETS.iter().map(|(n, _)| *n).collect();
        let message = format!("no script preset named `{name}`; presets: {}", names.join(", "));
        diags.push(FileDiagnostic::at(loc.src(), at, message));
        return String::new();
    };
    // A preset's problems are in the preset, not the file: name the script position.
    for d in script::diagnose(text) {
        let message = format!("in preset script, {}:{}: {}", d.span.line, d.span.col, d.message);
        diags.push(FileDiagnostic::at(loc.src(), at, message));
    }
    text.to_string()
}
