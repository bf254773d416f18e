//! The readable, numbered text trace, the one-line description of a step, and
//! the problems the front ends find (script diagnostics, scenario file diagnostics).

use crate::goal::{Assertion, Check};
use crate::{catalog, Lang};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use flushq_core::script::Diagnostic;
use flushq_core::script::ScriptMessage;
use flushq_core::trace::{Event, EventKind, Outcome, TransportOutcome};
use flushq_core::LoadError;
use flushq_scenario::{FileDiagnostic, FileMessage};

/// How a transport's flush ended, in a few words (traces and narration share it).
pub fn outcome_text(outcome: TransportOutcome) -> &'static str {
    outcome_text_in(outcome, Lang::EN)
}

/// [`outcome_text`] in `lang`.
pub fn outcome_text_in(outcome: TransportOutcome, lang: Lang) -> &'static str {
    catalog::of(lang).outcome(outcome)
}

/// One sentence telling what happened in a step, in MAPI's words.
pub fn describe(kind: &EventKind) -> String {
    describe_in(kind, Lang::EN)
}

/// [`describe`] in `lang`: the MAPI call syntax stays as it is, the words around it
/// are translated.
pub fn describe_in(kind: &EventKind, lang: Lang) -> String {
    catalog::of(lang).describe(kind)
}

/// Simulated time as the text trace shows it: seconds with milliseconds, `8.021s`.
pub fn seconds(ms: u64) -> String {
    format!("{}.{:03}s", ms / 1000, ms % 1000)
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::from("-")
    } else {
        items.join(", ")
    }
}

/// The numbered trace followed by the outcome, as the CLI prints it.
pub fn render_text(title: &str, events: &[Event], outcome: &Outcome) -> String {
    // The CLI's trace is English, like the snapshots.
    let en = catalog::of(Lang::EN);
    let mut s = String::new();
    if !title.is_empty() {
        let _ = writeln!(s, "# {title}");
    }
    for e in events {
        let line = e.line.map(|l| format!("L{l}")).unwrap_or_default();
        let who = match &e.target {
            Some(t) => format!("{} -> {}", en.actor(&e.actor), en.actor(t)),
            None => String::from(en.actor(&e.actor)),
        };
        let time = seconds(e.time_ms);
        let _ = writeln!(s, "{:>3} {:>9} {:<4} {:<26} {}", e.step, time, line, who, describe(&e.kind));
    }
    let _ = writeln!(s, "outcome:");
    for t in &outcome.transports {
        let _ = writeln!(
            s,
            "  {}: outbound [{}] delivered [{}] deferred [{}] failed [{}] remote [{}]",
            t.name,
            list(&t.outbound),
            list(&t.delivered),
            list(&t.deferred),
            list(&t.failed),
            list(&t.remote)
        );
    }
    let _ = writeln!(s, "  inbox: [{}]", list(&outcome.inbox));
    let _ = writeln!(s, "  ui prompts: [{}]", list(&outcome.ui_prompts));
    let leaks: Vec<String> = outcome
        .leaks
        .iter()
        .map(|l| format!("{} `{}` from line {}", en.object_kind(l.object), l.var, l.line))
        .collect();
    let _ = writeln!(s, "  leaks: [{}]", list(&leaks));
    let errors: Vec<String> =
        outcome.errors.iter().map(|e| format!("{}:{}: {}", e.line, e.column, en.runtime_error(&e.error))).collect();
    let _ = writeln!(s, "  errors: [{}]", list(&errors));
    s
}

/// Why a scenario could not start, in `lang`: the scenario's error, or each
/// script diagnostic as `line:col: severity: message` on a line of its own.
pub fn load_error_in(e: &LoadError, lang: Lang) -> String {
    match e {
        LoadError::Scenario(e) => catalog::of(lang).scenario_error(e),
        LoadError::Script(diagnostics) => {
            let lines: Vec<String> = diagnostics.iter().map(|d| diagnostic_in(d, lang)).collect();
            lines.join("\n")
        }
    }
}

/// A script's problem in `lang`, as one sentence.
pub fn script_message_in(message: &ScriptMessage, lang: Lang) -> String {
    catalog::of(lang).script_message(message)
}

/// A script diagnostic in `lang` on one line: `line:col: error: message` in English.
pub fn diagnostic_in(d: &Diagnostic, lang: Lang) -> String {
    catalog::of(lang).diagnostic(d)
}

/// A scenario file's problem in `lang`, as one sentence on one line: values quoted
/// from the file may hold line breaks or other control characters (written as
/// escapes there), which are shown escaped.
pub fn file_message_in(message: &FileMessage, lang: Lang) -> String {
    one_line(catalog::of(lang).file_message(message))
}

/// A scenario file diagnostic in `lang`: `line:col: message` (the CLI puts the
/// file's name before it).
pub fn file_diagnostic_in(d: &FileDiagnostic, lang: Lang) -> String {
    format!("{}:{}: {}", d.line, d.col, file_message_in(&d.message, lang))
}

/// `message` on one line, its control characters escaped.
pub(crate) fn one_line(message: String) -> String {
    if !message.chars().any(char::is_control) {
        return message;
    }
    message.chars().map(|c| if c.is_control() { c.escape_default().collect() } else { String::from(c) }).collect()
}

// Goals speak through the catalogs: these live here, above both, so that the
// goal module (facts) does not import the catalogs that render it.

impl core::fmt::Display for Assertion {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.title_in(Lang::EN))
    }
}

impl Assertion {
    /// The assertion's short title in `lang` (its `Display` is the English one).
    pub fn title_in(&self, lang: Lang) -> String {
        catalog::of(lang).assertion(self)
    }
}

impl Check {
    /// Why it failed, in `lang` (empty when it passed).
    pub fn why_in(&self, lang: Lang) -> String {
        self.failure.as_ref().map(|f| catalog::of(lang).goal_failure(f)).unwrap_or_default()
    }
}

/// A shipped scenario's title in `lang` (the file's own title is the English one).
/// The titles are listed in the order of [`Lang::ALL`], so a language registered
/// there does not build until the presets have its titles.
pub fn preset_title(preset: &flushq_scenario::Preset, lang: Lang) -> &'static str {
    let titles: [&'static str; Lang::COUNT] = [preset.title_en(), preset.title_zh];
    titles[lang.index()]
}
