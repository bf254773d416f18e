//! The catalogs: for each language, one module per message family that renders
//! every typed value the simulation emits (events, reasons, run-time errors).
//!
//! Each family is an exhaustive `match`, so a new event kind, reason or error
//! does not build until every language has its text. [`Catalog`] is what a
//! language provides; [`of`] finds the catalog of a [`Lang`].

mod en;
mod zh;

pub(crate) use zh::zh_spaced;

use crate::narrate::Facts;
use crate::Lang;
use alloc::string::String;
use flushq_core::machine::RuntimeError;
use flushq_core::session::ObjectKind;
use flushq_core::trace::{Event, EventKind, FlushNote, JobReason, StatusReason, TransportOutcome};

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
}

/// The catalog of `lang`.
pub fn of(lang: Lang) -> &'static dyn Catalog {
    match lang {
        Lang::En => &en::English,
        Lang::Zh => &zh::Chinese,
    }
}
