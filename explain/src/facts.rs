//! What a narration needs to know beyond its event, found once for every
//! language from the view just before the step.

use flushq_core::mapi::ResourceMethods;
use flushq_core::trace::{Event, EventKind, View};

/// Where a transport stands in the flush job that reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// The job flushes only this transport.
    Only,
    /// First in transport order.
    First,
    /// Last in transport order.
    Last,
    /// Somewhere in between.
    Next,
}

/// What a narration needs to know from the view before its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// A targeted spooler flush is the fallback: its target lacks STATUS_FLUSH_QUEUES.
    pub fallback: bool,
    /// Where the transport of an `IXPLogon::FlushQueues` stands in its job.
    pub position: Position,
    /// Handles still open (for the last step).
    pub open_handles: usize,
}

impl Facts {
    /// The facts about `e`, given the view just before it.
    pub fn of(e: &Event, before: &View) -> Facts {
        let mut facts = Facts { fallback: false, position: Position::Next, open_handles: 0 };
        match &e.kind {
            EventKind::FlushCall { target: Some(t), .. } => {
                facts.fallback = !before
                    .rows
                    .iter()
                    .find(|r| r.name == *t)
                    .is_some_and(|r| r.methods.contains(ResourceMethods::STATUS_FLUSH_QUEUES));
            }
            EventKind::XpFlushQueues { transport, .. } => {
                let pos = before.transport_index(transport).and_then(|t| before.job.iter().position(|&j| j == t));
                facts.position = match (pos, before.job.len()) {
                    (_, 1) => Position::Only,
                    (Some(0), _) => Position::First,
                    (Some(i), n) if i + 1 == n => Position::Last,
                    _ => Position::Next,
                };
            }
            EventKind::RunEnd => facts.open_handles = before.handles.iter().filter(|h| h.released.is_none()).count(),
            _ => {}
        }
        facts
    }
}
