//! Trace: the events a run emits, its outcome, and the view folded from them.
//! Renderings (text, narration, Mermaid, JSON) live in `flushq-explain`.

mod event;
mod outcome;
mod reference;
mod view;

pub use event::{
    Actor, Answer, Event, EventKind, FlushMode, FlushNote, JobReason, LineReason, Name, Notify, Phase, StatusReason,
    SubmitResult, TransportOutcome, ValidateNote, Validation, XpNote,
};
pub use outcome::{CallRecord, Leak, Outcome, ScriptFault, TransportQueues};
pub use reference::{Basis, Page, Section, REFERENCE_BASE};
pub use view::{Fifo, HandleView, Log, PromptView, Queues, RowInfo, TransportInfo, View};
