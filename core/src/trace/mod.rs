//! Trace: the events a run emits, its outcome, and renderings as text and Mermaid.

mod event;
pub(crate) mod gloss;
mod mermaid;
mod narrate;
mod outcome;
mod text;
mod view;

pub use event::{
    Actor, Answer, Event, EventKind, FlushMode, Name, Notify, Phase, PromptStyle, SubmitResult, TransportOutcome,
};
pub use mermaid::render_mermaid;
pub use narrate::{narrate, narrate_in};
pub use outcome::{CallRecord, Leak, Outcome, ScriptFault, TransportQueues};
pub use text::{describe, describe_in, outcome_text, outcome_text_in, render_text};
pub use view::{Fifo, HandleView, Log, PromptView, Queues, RowInfo, TransportInfo, View};
