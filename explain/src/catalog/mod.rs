//! The catalogs: for each language, one module per message family that renders
//! every typed value the simulation emits (events, reasons, run-time errors) and
//! every problem the front ends find (in scripts, scenario files, lesson files).
//!
//! Each family is an exhaustive `match`, so a new event kind, reason or error
//! does not build until every language has its text. [`Catalog`] is what a
//! language provides; [`of`] finds the catalog of a [`Lang`].

mod en;
mod zh;

pub(crate) use zh::zh_spaced;

use crate::lessons::LessonMessage;
use crate::narrate::Facts;
use crate::Lang;
use alloc::string::String;
use flushq_core::diag::{Diagnostic, Severity};
use flushq_core::machine::RuntimeError;
use flushq_core::scenario::ScenarioError;
use flushq_core::script::ScriptMessage;
use flushq_core::session::ObjectKind;
use flushq_core::trace::{Actor, Event, EventKind, FlushNote, JobReason, StatusReason, TransportOutcome};
use flushq_scenario::FileMessage;

/// Everything one language says. Implemented once per language, in
/// `catalog/<language>/`, by one module per family.
pub trait Catalog: Sync {
    /// One line of the text trace for a step, MAPI call syntax kept as it is.
    fn describe(&self, kind: &EventKind) -> String;
    /// One plain sentence saying what happens in a step and why.
    fn narrate(&self, event: &Event, facts: &Facts) -> String;
    /// How a transport's flush ended, in a few words.
    fn outcome(&self, outcome: TransportOutcome) -> &'static str;
    /// Why a status row changed.
    fn status_reason(&self, reason: StatusReason) -> &'static str;
    /// Why the spooler runs a flush job.
    fn job_reason(&self, reason: JobReason) -> &'static str;
    /// What a FlushQueues call or return says besides its HRESULT.
    fn flush_note(&self, note: FlushNote) -> &'static str;
    /// The kind of object a handle holds ("status table (IMAPITable)").
    fn object_kind(&self, kind: ObjectKind) -> &'static str;
    /// A run-time error of the client script, as one sentence.
    fn runtime_error(&self, error: &RuntimeError) -> String;
    /// Why a scenario cannot run, as one sentence.
    fn scenario_error(&self, error: &ScenarioError) -> String;
    /// Who acts in a step, as a label (`spooler`, a transport's name).
    fn actor<'a>(&self, actor: &'a Actor) -> &'a str;
    /// A problem the lexer, the parser or the checker found in a script, as one sentence.
    fn script_message(&self, message: &ScriptMessage) -> String;
    /// How bad a script diagnostic is, as a word.
    fn severity(&self, severity: Severity) -> &'static str;
    /// A script diagnostic on one line: its position, how bad it is and its message.
    fn diagnostic(&self, diagnostic: &Diagnostic) -> String;
    /// A problem at a place in a scenario file, as one sentence (values quoted from
    /// the file as they are: [`crate::file_message_in`] escapes line breaks in them).
    fn file_message(&self, message: &FileMessage) -> String;
    /// A problem at a place in a lesson file, as one sentence.
    fn lesson_message(&self, message: &LessonMessage) -> String;
}

/// The catalog of `lang`.
pub fn of(lang: Lang) -> &'static dyn Catalog {
    match lang {
        Lang::En => &en::English,
        Lang::Zh => &zh::Chinese,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use flushq_core::scenario::{limits, Limit};

    #[test]
    fn scenario_errors_read_in_both_languages() {
        let errors = [
            ScenarioError::DuplicateTransport("LAN".into()),
            ScenarioError::UnknownMessage { transport: "LAN".into(), message: "x".into() },
            ScenarioError::NoSuchTransport(3),
            ScenarioError::TooLarge(Limit::Transports, 300, limits::TRANSPORTS),
            ScenarioError::TooLarge(Limit::Messages, 2_000_000, limits::MESSAGES),
            ScenarioError::TooLarge(Limit::ScriptBytes, 2 << 20, limits::SCRIPT_BYTES),
        ];
        let (en, zh) = (of(Lang::En), of(Lang::Zh));
        for e in &errors {
            let zh = zh.scenario_error(e);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
            // Only the names quoted from the scenario stay Latin.
            assert!(!zh.split(|c: char| !c.is_ascii_lowercase()).any(|w| w.len() >= 3), "{zh}");
        }
        assert_eq!(en.scenario_error(&errors[0]), "two transports are named `LAN`; names must be unique");
        assert_eq!(en.scenario_error(&errors[3]), "too many transports: 300 (the limit is 256)");
        assert_eq!(of(Lang::Zh).scenario_error(&errors[0]), "有两个传输提供程序都叫 `LAN`；名称必须唯一");
        assert_eq!(of(Lang::Zh).scenario_error(&errors[3]), "传输提供程序过多：300（上限为 256）");
        assert_eq!(en.actor(&Actor::Spooler).to_string(), "spooler");
        assert_eq!(of(Lang::Zh).actor(&Actor::Spooler), "后台处理程序");
        assert_eq!(of(Lang::Zh).actor(&Actor::Transport("Dial-up".into())), "Dial-up");
    }
}
