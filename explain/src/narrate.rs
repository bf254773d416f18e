//! One plain sentence per step, saying what happens and why, for the playground's
//! narration line and its screen-reader live region. What the sentence needs to
//! know beyond the event ([`Facts`]) is found here, once for every language; the
//! sentences themselves are in each language's catalog.

use crate::{catalog, Lang};
use alloc::string::String;
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

/// The narration of `e`, given the view just before it, in English.
pub fn narrate(e: &Event, before: &View) -> String {
    narrate_in(e, before, Lang::EN)
}

/// The narration of `e`, given the view just before it, in `lang`.
pub fn narrate_in(e: &Event, before: &View, lang: Lang) -> String {
    catalog::of(lang).narrate(e, &Facts::of(e, before))
}
