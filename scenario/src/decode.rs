//! TOML/JSON -> `Scenario`, with every error placed at a line and column.

use crate::errors;
use crate::inline::InlineScript;
use crate::locate::{path_to, FileDiagnostic, Located, Locator};
use crate::message::{Expected, FileMessage, Found};
use crate::presets::script_preset;
use crate::toml_doc::{self, Item, Table, Value};
use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{
    limits, Fault, FaultKind, FaultName, MessageArg, Scenario, ScenarioError, TransportId, TransportKind, TransportSpec,
};
use flushq_core::{diag::closest, script};
#[cfg(feature = "json")]
use serde::Deserialize;

/// The file format of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TOML (the usual one).
    Toml,
    /// JSON with the same keys (decoded only with the crate's `json` feature;
    /// otherwise [`load`] refuses it with a diagnostic).
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

// The file's shape. JSON files are decoded into it by serde (`S` = `String`);
// TOML files by `from_toml` below (`S` = `toml_doc::Str`), whose messages are
// worded as serde's, so both formats explain a problem the same way.

#[cfg_attr(feature = "json", derive(Deserialize))]
#[cfg_attr(feature = "json", serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>")))]
struct RawScenario<S> {
    #[cfg_attr(feature = "json", serde(default))]
    title: Option<String>,
    #[cfg_attr(feature = "json", serde(default))]
    seed: Option<u64>,
    script: S,
    #[cfg_attr(feature = "json", serde(default, rename = "transport"))]
    transports: Vec<RawTransport<S>>,
    #[cfg_attr(feature = "json", serde(default, rename = "store"))]
    stores: Vec<RawStore>,
    #[cfg_attr(feature = "json", serde(default, rename = "fault"))]
    faults: Vec<RawFault<S>>,
}

const SCENARIO_FIELDS: &[&str] = &["title", "seed", "script", "transport", "store", "fault"];

#[cfg_attr(feature = "json", derive(Deserialize))]
#[cfg_attr(feature = "json", serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>")))]
struct RawTransport<S> {
    name: S,
    kind: RawKind,
    #[cfg_attr(feature = "json", serde(default))]
    methods: Option<Vec<S>>,
    #[cfg_attr(feature = "json", serde(default))]
    honors_no_ui: Option<bool>,
    #[cfg_attr(feature = "json", serde(default, rename = "async"))]
    asynchronous: bool,
    #[cfg_attr(feature = "json", serde(default))]
    offline: bool,
    #[cfg_attr(feature = "json", serde(default))]
    outbound: Vec<String>,
    #[cfg_attr(feature = "json", serde(default))]
    remote: Vec<String>,
    #[cfg_attr(feature = "json", serde(default))]
    outbound_count: u64,
    #[cfg_attr(feature = "json", serde(default))]
    remote_count: u64,
}

const TRANSPORT_FIELDS: &[&str] = &[
    "name",
    "kind",
    "methods",
    "honors_no_ui",
    "async",
    "offline",
    "outbound",
    "remote",
    "outbound_count",
    "remote_count",
];

#[cfg_attr(feature = "json", derive(Deserialize))]
#[cfg_attr(feature = "json", serde(rename_all = "lowercase"))]
#[derive(Clone, Copy)]
enum RawKind {
    Lan,
    Modem,
    Ras,
}

#[cfg_attr(feature = "json", derive(Deserialize))]
#[cfg_attr(feature = "json", serde(deny_unknown_fields))]
struct RawStore {
    name: String,
}

#[cfg_attr(feature = "json", derive(Deserialize))]
#[cfg_attr(feature = "json", serde(deny_unknown_fields, bound(deserialize = "S: Deserialize<'de>")))]
struct RawFault<S> {
    transport: S,
    kind: S,
    #[cfg_attr(feature = "json", serde(default))]
    message: Option<S>,
    #[cfg_attr(feature = "json", serde(default))]
    after: Option<u64>,
}

const FAULT_FIELDS: &[&str] = &["transport", "kind", "message", "after"];

/// Decodes a scenario and checks its script. On failure returns every problem
/// found, in file order, positioned in the file.
pub fn load(src: &str, format: Format) -> Result<Scenario, Vec<FileDiagnostic>> {
    match format {
        Format::Toml => {
            let raw = toml_doc::parse(src)
                .and_then(|doc| from_toml::scenario(&doc))
                .map_err(|e| vec![errors::toml(src, &e)])?;
            build(&Locator::toml(src), raw)
        }
        #[cfg(feature = "json")]
        Format::Json => {
            // A byte order mark (some Windows editors write one) is not JSON;
            // decode what follows it and report positions in the file as written.
            let body = src.strip_prefix('\u{FEFF}').unwrap_or(src);
            let shift = |mut d: FileDiagnostic| {
                if body.len() != src.len() && d.line == 1 {
                    d.col += 1;
                }
                d
            };
            let raw: RawScenario<String> =
                serde_json::from_str(body).map_err(|e| vec![shift(errors::json(body, &e))])?;
            build(&Locator::json(body), raw).map_err(|ds| ds.into_iter().map(shift).collect())
        }
        #[cfg(not(feature = "json"))]
        Format::Json => Err(vec![FileDiagnostic::at(src, 0, FileMessage::JsonUnsupported)]),
    }
}

/// TOML documents into the file's shape, rejecting what serde would reject (and
/// saying so in serde's words): unknown or missing fields, values of the wrong
/// type. Like serde, stops at the first problem in file order. Lesson files
/// (`crate::lessons`) are read with the same helpers.
pub(crate) mod from_toml {
    use super::*;
    use toml_doc::{Error, Str};

    pub(super) fn scenario(doc: &Table) -> Result<RawScenario<Str>, Error> {
        let (mut title, mut seed, mut script) = (None, None, None);
        let (mut transports, mut stores, mut faults) = (Vec::new(), Vec::new(), Vec::new());
        for e in &doc.entries {
            let v = &e.item;
            match e.key.as_str() {
                "title" => title = Some(string(v)?),
                "seed" => seed = Some(unsigned(v)?),
                "script" => script = Some(spanned(v)?),
                "transport" => transports = tables(v, transport)?,
                "store" => stores = tables(v, store)?,
                "fault" => faults = tables(v, fault)?,
                _ => return Err(unknown_field(&e.key, e.at, SCENARIO_FIELDS)),
            }
        }
        let script = script.ok_or_else(|| missing_field(0, "script"))?;
        Ok(RawScenario { title, seed, script, transports, stores, faults })
    }

    fn transport(t: &Table, at: usize) -> Result<RawTransport<Str>, Error> {
        let (mut name, mut kind, mut methods, mut honors_no_ui) = (None, None, None, None);
        let (mut asynchronous, mut offline, mut outbound, mut remote) = (false, false, Vec::new(), Vec::new());
        let (mut outbound_count, mut remote_count) = (0, 0);
        for e in &t.entries {
            let v = &e.item;
            match e.key.as_str() {
                "name" => name = Some(spanned(v)?),
                "kind" => kind = Some(raw_kind(v)?),
                "methods" => methods = Some(array(v)?.iter().map(spanned).collect::<Result<_, _>>()?),
                "honors_no_ui" => honors_no_ui = Some(boolean(v)?),
                "async" => asynchronous = boolean(v)?,
                "offline" => offline = boolean(v)?,
                "outbound" => outbound = strings(v)?,
                "remote" => remote = strings(v)?,
                "outbound_count" => outbound_count = unsigned(v)?,
                "remote_count" => remote_count = unsigned(v)?,
                _ => return Err(unknown_field(&e.key, e.at, TRANSPORT_FIELDS)),
            }
        }
        let name = name.ok_or_else(|| missing_field(at, "name"))?;
        let kind = kind.ok_or_else(|| missing_field(at, "kind"))?;
        Ok(RawTransport {
            name,
            kind,
            methods,
            honors_no_ui,
            asynchronous,
            offline,
            outbound,
            remote,
            outbound_count,
            remote_count,
        })
    }

    fn store(t: &Table, at: usize) -> Result<RawStore, Error> {
        let mut name = None;
        for e in &t.entries {
            match e.key.as_str() {
                "name" => name = Some(string(&e.item)?),
                _ => return Err(unknown_field(&e.key, e.at, &["name"])),
            }
        }
        Ok(RawStore { name: name.ok_or_else(|| missing_field(at, "name"))? })
    }

    fn fault(t: &Table, at: usize) -> Result<RawFault<Str>, Error> {
        let (mut transport, mut kind, mut message, mut after) = (None, None, None, None);
        for e in &t.entries {
            let v = &e.item;
            match e.key.as_str() {
                "transport" => transport = Some(spanned(v)?),
                "kind" => kind = Some(spanned(v)?),
                "message" => message = Some(spanned(v)?),
                "after" => after = Some(unsigned(v)?),
                _ => return Err(unknown_field(&e.key, e.at, FAULT_FIELDS)),
            }
        }
        let transport = transport.ok_or_else(|| missing_field(at, "transport"))?;
        let kind = kind.ok_or_else(|| missing_field(at, "kind"))?;
        Ok(RawFault { transport, kind, message, after })
    }

    /// An array of tables, each decoded by `decode` (whose errors may be a file's
    /// own, as a lesson file's are).
    pub fn tables<T, E: From<Error>>(v: &Item, decode: fn(&Table, usize) -> Result<T, E>) -> Result<Vec<T>, E> {
        array(v)?
            .iter()
            .map(|item| match &item.value {
                Value::Table(t) => decode(t, item.at),
                _ => Err(invalid_type(item, Expected::Table).into()),
            })
            .collect()
    }

    pub fn array(v: &Item) -> Result<&[Item], Error> {
        match &v.value {
            Value::Array(items, _) => Ok(items),
            _ => Err(invalid_type(v, Expected::Sequence)),
        }
    }

    fn strings(v: &Item) -> Result<Vec<String>, Error> {
        array(v)?.iter().map(string).collect()
    }

    pub fn string(v: &Item) -> Result<String, Error> {
        match &v.value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(invalid_type(v, Expected::String)),
        }
    }

    pub fn spanned(v: &Item) -> Result<Str, Error> {
        Ok(Str { value: string(v)?, at: v.at })
    }

    fn boolean(v: &Item) -> Result<bool, Error> {
        match v.value {
            Value::Boolean(b) => Ok(b),
            _ => Err(invalid_type(v, Expected::Boolean)),
        }
    }

    pub(crate) fn unsigned(v: &Item) -> Result<u64, Error> {
        match v.value {
            Value::Integer(n) => u64::try_from(n)
                .map_err(|_| Error::new(v.at, FileMessage::InvalidValue { found: found(v), expected: Expected::U64 })),
            _ => Err(invalid_type(v, Expected::U64)),
        }
    }

    fn raw_kind(v: &Item) -> Result<RawKind, Error> {
        let name = string(v)?;
        match TransportKind::from_name(&name) {
            Some(TransportKind::Lan) => Ok(RawKind::Lan),
            Some(TransportKind::Modem) => Ok(RawKind::Modem),
            Some(TransportKind::Ras) => Ok(RawKind::Ras),
            None => {
                let expected = TransportKind::ALL.iter().map(|k| k.name().to_string()).collect();
                Err(Error::new(v.at, FileMessage::UnknownVariant { variant: name, expected }))
            }
        }
    }

    /// What `v` is, as serde names it in "invalid type: string \"x\", expected u64".
    pub fn found(v: &Item) -> Found {
        match &v.value {
            Value::String(s) => Found::String(s.clone()),
            Value::Integer(n) => Found::Integer(*n),
            Value::Float(f) => Found::Float(f.clone()),
            Value::Boolean(b) => Found::Boolean(*b),
            Value::Datetime(d) => Found::Datetime(d.clone()),
            Value::Array(..) => Found::Sequence,
            Value::Table(_) => Found::Map,
        }
    }

    /// serde's "invalid type: string \"x\", expected u64".
    pub fn invalid_type(v: &Item, expected: Expected) -> Error {
        Error::new(v.at, FileMessage::InvalidType { found: found(v), expected })
    }

    pub fn unknown_field(key: &str, at: usize, fields: &[&str]) -> Error {
        let expected = fields.iter().map(|f| f.to_string()).collect();
        Error::new(at, FileMessage::UnknownField { field: key.to_string(), expected })
    }

    pub fn missing_field(at: usize, field: &str) -> Error {
        Error::new(at, FileMessage::MissingField { field: field.to_string() })
    }
}

/// Checks the decoded file against itself (names, faults, the script) and builds the scenario.
fn build<S: Located>(loc: &Locator<'_>, raw: RawScenario<S>) -> Result<Scenario, Vec<FileDiagnostic>> {
    let mut diags = Vec::new();
    let mut transports = Vec::new();
    for (i, t) in raw.transports.iter().enumerate() {
        let spec = transport(loc, i, t, &mut diags);
        if transports.iter().any(|u: &TransportSpec| u.name == spec.name) {
            let message = FileMessage::Scenario(ScenarioError::DuplicateTransport(spec.name.clone()));
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
            diags.push(FileDiagnostic::at(loc.src(), 0, FileMessage::Scenario(e)));
        }
    }
    if diags.is_empty() {
        Ok(scenario)
    } else {
        flushq_core::sort::sort_by_key(&mut diags, |d| u64::from(d.line) << 32 | u64::from(d.col));
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
        diags.push(loc.diag(&t.name, path_to!["transport", i, "name"], FileMessage::EmptyTransportName));
    }
    if let Some(methods) = &t.methods {
        spec.methods = ResourceMethods::empty();
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
    spec.offline = t.offline;
    spec.outbound.clone_from(&t.outbound);
    spec.remote.clone_from(&t.remote);
    // Generated messages, for large scenarios: `outbound_count = 3` adds out-1,
    // out-2, out-3 after the listed ones. A count past the scenario limit is
    // refused here, before anything is generated.
    for (queue, count, prefix, field) in [
        (&mut spec.outbound, t.outbound_count, "out", "outbound_count"),
        (&mut spec.remote, t.remote_count, "in", "remote_count"),
    ] {
        if count > limits::MESSAGES as u64 {
            let message = FileMessage::TooManyGenerated { field: field.to_string(), count, limit: limits::MESSAGES };
            diags.push(loc.diag(&t.name, path_to!["transport", i, "name"], message));
            continue;
        }
        queue.extend((1..=count).map(|k| format!("{prefix}-{k}")));
    }
    spec
}

/// The generated part of a queue: `n` when it ends with `prefix-1` .. `prefix-n`
/// (how `outbound_count` / `remote_count` write them), for writers that want to
/// keep files and links small.
pub fn generated_tail(queue: &[String], prefix: &str) -> usize {
    let number = |s: &str| s.strip_prefix(prefix)?.strip_prefix('-')?.parse::<usize>().ok();
    let Some(n) = queue.last().and_then(|s| number(s)) else { return 0 };
    if n == 0 || n > queue.len() {
        return 0;
    }
    let tail = &queue[queue.len() - n..];
    let generated =
        tail.iter().enumerate().all(|(k, s)| number(s) == Some(k + 1) && s.len() == prefix.len() + 1 + digits(k + 1));
    if generated {
        n
    } else {
        0
    }
}

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

fn unknown_method(name: &str) -> FileMessage {
    let names = || ResourceMethods::all().iter_names().map(|(n, _)| n);
    let suggestion = closest(name, names()).map(String::from);
    FileMessage::UnknownMethod { name: name.to_string(), suggestion, methods: names().map(String::from).collect() }
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
        let suggestion = closest(f.transport.value(), transports.iter().map(|t| t.name.as_str())).map(String::from);
        let message = FileMessage::UnknownFaultTransport { name: f.transport.value().to_string(), suggestion };
        diags.push(loc.diag(&f.transport, path_to!["fault", i, "transport"], message));
        return None;
    };
    let kind_path = path_to!["fault", i, "kind"];
    let message_path = path_to!["fault", i, "message"];
    let message = f.message.as_ref().map(|m| m.value().to_string());
    let Some(name) = FaultName::from_name(f.kind.value()) else {
        let other = f.kind.value();
        let names = FaultName::ALL.map(FaultName::name);
        let message = FileMessage::UnknownFaultKind {
            kind: other.to_string(),
            suggestion: closest(other, names).map(String::from),
            kinds: names.iter().map(|k| k.to_string()).collect(),
        };
        diags.push(loc.diag(&f.kind, kind_path, message));
        return None;
    };
    let kind = match (name.with(message.clone()), name.message()) {
        (Some(kind), _) => kind,
        (None, MessageArg::Required) => {
            let message = FileMessage::FaultNeedsMessage {
                kind: f.kind.value().to_string(),
                transport: f.transport.value().to_string(),
            };
            diags.push(loc.diag(&f.kind, kind_path, message));
            return None;
        }
        (None, _) => {
            let message = FileMessage::FaultTakesNoMessage { kind: f.kind.value().to_string() };
            diags.push(match &f.message {
                Some(m) => loc.diag(m, message_path, message),
                None => loc.diag(&f.kind, kind_path, message),
            });
            return None;
        }
    };
    let kind = match (kind, f.after) {
        (FaultKind::SpoolerShutdown { .. }, after) => {
            let after = after.unwrap_or(0);
            if after > limits::MESSAGES as u64 {
                let message = FileMessage::FaultAfterTooBig { after, limit: limits::MESSAGES };
                diags.push(loc.diag(&f.kind, kind_path, message));
                return None;
            }
            FaultKind::SpoolerShutdown { after: after as u32 }
        }
        (_, Some(_)) => {
            diags.push(loc.diag(
                &f.kind,
                kind_path,
                FileMessage::FaultTakesNoAfter { kind: f.kind.value().to_string() },
            ));
            return None;
        }
        (kind, None) => kind,
    };
    if let (Some(m), Some(written)) = (&message, &f.message) {
        let t = &transports[ti];
        if !t.outbound.contains(m) && !t.remote.contains(m) {
            let error = ScenarioError::UnknownMessage { transport: t.name.clone(), message: m.clone() };
            let message = FileMessage::Scenario(error);
            diags.push(loc.diag(written, message_path, message));
            return None;
        }
    }
    Some(Fault { transport: TransportId::at(ti), kind })
}

/// The script: a preset by name, or inline text whose problems are placed in the file.
fn script_text<S: Located>(loc: &Locator<'_>, raw: &S, diags: &mut Vec<FileDiagnostic>) -> String {
    let at = loc.offset(raw, path_to!["script"]);
    let Some(name) = raw.value().strip_prefix("preset:") else {
        let inline = InlineScript::new(loc.src(), raw.value(), at, loc.literal(at));
        diags.extend(script::diagnose(raw.value()).into_iter().map(|d| inline.place(d)));
        return raw.value().to_string();
    };
    let Some(text) = script_preset(name) else {
        let presets = crate::SCRIPT_PRESETS.iter().map(|(n, _)| n.to_string()).collect();
        let message = FileMessage::UnknownScriptPreset { name: name.to_string(), presets };
        diags.push(FileDiagnostic::at(loc.src(), at, message));
        return String::new();
    };
    // A preset's problems are in the preset, not the file: name the script position.
    for d in script::diagnose(text) {
        let message = FileMessage::InPresetScript { line: d.span.line, col: d.span.col, message: d.message };
        diags.push(FileDiagnostic::at(loc.src(), at, message));
    }
    text.to_string()
}

#[cfg(all(test, not(feature = "json")))]
mod tests {
    use super::*;

    #[test]
    fn json_is_refused_with_a_diagnostic() {
        let d = load("{\"script\": \"preset:spooler\"}", Format::Json).expect_err("JSON is refused");
        assert_eq!(d, [FileDiagnostic { line: 1, col: 1, message: FileMessage::JsonUnsupported }]);
        assert!(load("script = \"preset:spooler\"", Format::Toml).is_ok(), "TOML still loads");
    }
}
