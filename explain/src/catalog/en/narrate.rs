//! The English narration: one plain sentence per step saying what happens and why, by event group.

use super::events::describe;
use super::runtime::runtime_error;
use super::words::{flush_note, outcome};
use crate::facts::{Facts, Position};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::mapi::{HResult, PropTag};
use flushq_core::trace::{
    Answer, Event, EventKind as K, FlushMode, Notify, Phase, PromptStyle, SubmitResult, TransportOutcome,
};

/// How lists read.
const SEP: &str = ", ";

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The narration of a step.
pub(crate) fn narrate(e: &Event, facts: &Facts) -> String {
    by_group!(&e.kind, client: client(e, facts), script: script(e, facts), spooler: spooler(e, facts), transport: transport(e))
}

/// The client's calls on the session, the table, MAPI and status objects.
fn client(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::GetStatusTable { rows, .. } => format!(
                "The client asks the session for its status table (IMAPISession::GetStatusTable): {}, one per MAPI component and transport.",
                plural(rows.len(), "row", "rows")
            ),
        K::SetColumns { columns, .. } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!("The client limits the table's columns to {} (IMAPITable::SetColumns), so the rows it reads carry only these.", cols.join(" and "))
        }
        K::QueryAllRows { restriction, hr, matched, crows_max, .. } => match (hr, restriction) {
            (HResult::Ok, Some(r)) if matched.is_empty() => {
                format!("HrQueryAllRows finds no row where {r}.")
            }
            (HResult::Ok, Some(r)) => format!("HrQueryAllRows returns the rows where {r}: {}.", matched.join(SEP)),
            (HResult::Ok, None) => format!("HrQueryAllRows returns all {}.", plural(matched.len(), "row", "rows")),
            (hr, _) => format!("HrQueryAllRows fails with {hr}: more rows match than crowsMax {crows_max} allows."),
        },
        K::OpenEntry { opened: Some(name), .. } => format!("The client passes the row's PR_ENTRYID to IMAPISession::OpenEntry and gets the status object of {name}."),
        K::OpenEntry { hr, entry: None, .. } => format!("OpenEntry fails with {hr}: the entry id is PT_NULL, because PR_ENTRYID was not among the columns requested."),
        K::OpenEntry { hr, .. } => format!("OpenEntry fails with {hr}: no status row has this entry id."),
        K::GetProp { object, prop, value } => {
            match (prop, value) {
                (PropTag::ResourceMethods, Some(v)) => {
                    let has = v.contains("STATUS_FLUSH_QUEUES");
                    format!(
                            "The client reads PR_RESOURCE_METHODS of {object}: {v}, so {object} {} FlushQueues itself.",
                            if has { "implements" } else { "does not implement" }
                        )
                }
                (_, Some(v)) => {
                    format!("The client reads {prop} of {object}: {v}.")
                }
                (_, None) => format!("The client reads {prop} of {object}, which this row does not have: PT_NULL."),
            }
        }
        K::StatusMethod { object, method, hr } => {
            if hr.succeeded() {
                format!("The client calls {method} on {object}'s status object: {hr}.")
            } else {
                format!("{object} returns {hr} for {method}: its bit is clear in PR_RESOURCE_METHODS.")
            }
        }
        K::FlushCall { object, flags, target, mode, .. } => {
            match (mode, target) {
                (FlushMode::Synchronous, Some(t)) => {
                    let fallback = facts.fallback;
                    {
                            let why = if fallback {
                                format!(" {t} lacks STATUS_FLUSH_QUEUES, so this is the fallback: only")
                            } else {
                                String::from(" Only")
                            };
                            format!("The client calls the spooler's FlushQueues with lpTargetTransport = {t} and {flags}.{why} {t} is flushed, and the client waits until it is done.")
                        }
                }
                (FlushMode::Synchronous, None) => format!("The client calls the spooler's FlushQueues with {flags} and waits: without FLUSH_ASYNC_OK the call is synchronous."),
                (FlushMode::Asynchronous, _) => format!("The client calls the spooler's FlushQueues with {flags}: FLUSH_ASYNC_OK lets the call return at once while the spooler works."),
                (FlushMode::TransportRequest, _) => format!("The client calls FlushQueues on {object}'s own status object with {flags}: {object} only marks its status row; the spooler flushes it later, at its convenience."),
                (FlushMode::Refused, _) => format!("The client calls FlushQueues on {object} with {flags}."),
            }
        }
        K::FlushReturn { object, hr, note } => match note {
            Some(n) => format!("{object} returns {hr}: {}.", flush_note(*n)),
            None => format!("FlushQueues returns {hr} and the client continues."),
        },
        K::Release { var, .. } => format!("The client releases `{var}` (IUnknown::Release); its handle is closed."),
        K::FreeProws { var, .. } => format!("The client frees the row set `{var}` with FreeProws."),
        _ => super::super::misrouted(),
    }
}

/// The script's own flow: loops, branches, errors, the end.
fn script(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::Loop { var, index, count } => {
            if *count == 0 {
                format!("The row set is empty, so the `for {var}` body never runs.")
            } else if index < count {
                format!("The loop takes row {} of {count} into `{var}`.", index + 1)
            } else {
                format!("The loop has visited all {}.", plural(*count, "row", "rows"))
            }
        }
        K::Branch { cond, taken } => format!(
            "`{cond}` is {}, so the {} branch runs.",
            if *taken { "true (non-zero)" } else { "false (zero)" },
            if *taken { "first" } else { "else" }
        ),
        K::ScriptError { error, .. } => format!(
            "Run-time error: {}. The script stops here; the spooler still finishes work already requested.",
            runtime_error(error)
        ),
        K::RunEnd => match facts.open_handles {
            0 => String::from("The script has finished, the spooler is idle, and every handle was released."),
            n => format!(
                "The script has finished and the spooler is idle, but {} never released.",
                plural(n, "handle was", "handles were")
            ),
        },
        _ => super::super::misrouted(),
    }
}

/// The spooler's side of the flush protocol.
fn spooler(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::SpoolerBegin { transports, targeted, .. } => {
            if *targeted {
                format!("The spooler starts a flush of {}.", transports.join(SEP))
            } else {
                format!("The spooler starts flushing every transport in the profile's transport order: {}.", transports.join(SEP))
            }
        }
        K::XpFlushQueues { transport, flags } => {
            let why = match facts.position {
                Position::Only => "the only transport in this flush",
                Position::First => "first in transport order",
                Position::Last => "last in transport order",
                Position::Next => "next in transport order",
            };
            format!("The spooler calls IXPLogon::FlushQueues on {transport} because it is {why}, passing {flags} in one call.")
        }
        K::XpReturn { transport, hr } => {
            if hr.succeeded() {
                format!("{transport} returns S_OK from IXPLogon::FlushQueues: it is ready for the spooler's loop.")
            } else {
                format!("{transport} returns {hr} from IXPLogon::FlushQueues; its messages stay where they are.")
            }
        }
        K::LeftToSchedule { transport } => format!("{transport} is asynchronous and FLUSH_FORCE was not passed, so its queues are left to its own schedule (model choice)."),
        K::Submit { transport, subject, result, remaining, .. } => {
            let left = match *remaining {
                0 => String::from("The queue is now empty."),
                n => format!("{} left.", plural(n, "message", "messages")),
            };
            match result {
                SubmitResult::Delivered => format!("The spooler hands “{subject}” to {transport} (SubmitMessage), which sends it; EndMessage completes it. {left}"),
                SubmitResult::Deferred => format!("{transport} accepts “{subject}” but defers it: it stays with the transport until a later flush. {left}"),
                SubmitResult::Failed(hr) => format!("SubmitMessage fails with {hr} for “{subject}”: the spooler reports it undeliverable. {left}"),
            }
        }
        K::TransportNotify { transport, notify } => match notify {
            Notify::EndOutboundFlush => format!("The spooler tells {transport} the outbound flush is over: TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)."),
            Notify::EndInboundFlush => format!("The spooler tells {transport} the inbound flush is over: TransportNotify(NOTIFY_END_INBOUND_FLUSH)."),
        },
        K::StartMessage { transport, subject, last, .. } => {
            if *last {
                format!("The spooler calls StartMessage on {transport}: “{subject}” arrives in the inbox, and SaveChanges on this last message ends the loop.")
            } else {
                format!("The spooler calls StartMessage on {transport}: “{subject}” arrives in the inbox; NOTIFY_NEWMAIL says more is waiting.")
            }
        }
        K::TransportDone { transport, outcome: result } => match result {
            TransportOutcome::Completed => format!("The spooler is done with {transport}."),
            other => format!("The spooler is done with {transport}: {}.", outcome(*other)),
        },
        K::SpoolerEnd { hr } => {
            format!("The spooler's flush ends with {hr}.")
        }
        _ => super::super::misrouted(),
    }
}

/// What a transport does and shows.
fn transport(e: &Event) -> String {
    match &e.kind {
        K::Prompt { transport, style, no_ui_requested } => {
            let what = match style {
                PromptStyle::DialUp => {
                    format!("the dial-up dialog “Connect {transport}?”")
                }
                PromptStyle::Progress => String::from("its progress dialog"),
            };
            if *no_ui_requested {
                format!("{transport} ignores FLUSH_NO_UI, as modem and RAS transports may, and shows {what}.")
            } else {
                format!("FLUSH_NO_UI was not passed, so {transport} shows {what}.")
            }
        }
        K::PromptAnswer { transport, answer } => match answer {
            Answer::Connect => {
                format!("The user connects, so {transport} goes on.")
            }
            Answer::Cancel => format!("The user cancels: {transport} returns MAPI_E_USER_CANCEL and nothing moves through it, but nothing is lost."),
        },
        K::ModemLine { transport, acquired } => {
            if *acquired {
                format!("{transport} takes the shared modem line; no other dial-up transport can use it until it is released.")
            } else {
                format!("{transport} releases the modem line for the next dial-up transport.")
            }
        }
        K::Status { transport, .. } | K::LinkDown { transport, .. } | K::DropsFlushBits { transport, .. } => {
            format!("{transport}: {}.", describe(&e.kind))
        }
        K::SentDeferred { transport, subject, .. } => format!("{transport} reports “{subject}”, which it deferred earlier, with SpoolerNotify(NOTIFY_SENTDEFERRED), so it is queued again."),
        K::PhaseSkipped { transport, phase, .. } => match phase {
            Phase::Inbound => format!("Only FLUSH_UPLOAD was asked for, so {transport} skips the inbound phase; mail waiting remotely stays there (model choice)."),
            Phase::Outbound => format!("Only FLUSH_DOWNLOAD was asked for, so {transport} skips the outbound phase; its outbound queue is untouched (model choice)."),
        },
        _ => super::super::misrouted(),
    }
}
