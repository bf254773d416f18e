//! The Simplified Chinese, with the terms of the Chinese MAPI documentation (后台处理程序 for the MAPI spooler, 传输提供程序, 状态表, 状态对象) catalog.

mod events;
mod file;
mod goal;
mod lesson;
mod narrate;
mod runtime;
mod scenario;
mod script;
mod words;

use super::Catalog;
use crate::facts::Facts;
use crate::goal::{Assertion, Failure};
use crate::lessons::LessonMessage;
use alloc::string::String;
use flushq_core::diag::Severity;
use flushq_core::machine::RuntimeError;
use flushq_core::scenario::ScenarioError;
use flushq_core::script::Diagnostic;
use flushq_core::script::ScriptMessage;
use flushq_core::session::ObjectKind;
use flushq_core::trace::{Actor, Event, EventKind, FlushNote, JobReason, StatusReason, TransportOutcome};
use flushq_scenario::FileMessage;

/// Every text in Simplified Chinese.
pub struct Chinese;

impl Catalog for Chinese {
    fn code(&self) -> &'static str {
        "zh"
    }
    fn tag(&self) -> &'static str {
        "zh-CN"
    }
    fn native_name(&self) -> &'static str {
        "中文"
    }
    fn describe(&self, kind: &EventKind) -> String {
        events::describe(kind)
    }
    fn narrate(&self, event: &Event, facts: &Facts) -> String {
        narrate::narrate(event, facts)
    }
    fn outcome(&self, outcome: TransportOutcome) -> &'static str {
        words::outcome(outcome)
    }
    fn status_reason(&self, reason: StatusReason) -> &'static str {
        words::status_reason(reason)
    }
    fn job_reason(&self, reason: JobReason) -> &'static str {
        words::job_reason(reason)
    }
    fn flush_note(&self, note: FlushNote) -> &'static str {
        words::flush_note(note)
    }
    fn object_kind(&self, kind: ObjectKind) -> &'static str {
        words::object_kind(kind)
    }
    fn runtime_error(&self, error: &RuntimeError) -> String {
        runtime::runtime_error(error)
    }
    fn scenario_error(&self, error: &ScenarioError) -> String {
        scenario::scenario_error(error)
    }
    fn actor<'a>(&self, actor: &'a Actor) -> &'a str {
        words::actor(actor)
    }
    fn assertion(&self, assertion: &Assertion) -> String {
        goal::assertion(assertion)
    }
    fn goal_failure(&self, failure: &Failure) -> String {
        goal::failure(failure)
    }
    fn script_message(&self, message: &ScriptMessage) -> String {
        script::script_message(message)
    }
    fn severity(&self, severity: Severity) -> &'static str {
        script::severity(severity)
    }
    fn diagnostic(&self, diagnostic: &Diagnostic) -> String {
        script::diagnostic(diagnostic)
    }
    fn file_message(&self, message: &FileMessage) -> String {
        file::file_message(message)
    }
}

impl super::LessonFileCatalog for Chinese {
    fn lesson_message(&self, message: &LessonMessage) -> String {
        lesson::lesson_message(message)
    }
}
