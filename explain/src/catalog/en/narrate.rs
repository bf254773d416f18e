//! The English narration: one plain sentence per step saying what happens and why, by event group.

use super::events::describe;
use super::runtime::runtime_error;
use super::words::{flush_note, line_reason, outcome};
use crate::facts::{Facts, Position};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::mapi::{HResult, PropTag};
use flushq_core::trace::{
    Answer, Event, EventKind as K, FlushMode, Notify, Phase, StatusReason, SubmitResult, TransportOutcome,
    ValidateNote, XpNote,
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
                (_, None) => format!("The client reads {prop} of {object}, which it does not have: GetProps warns with MAPI_W_ERRORS_RETURNED and returns an error (MAPI_E_NOT_FOUND) in place of the value."),
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
                (FlushMode::TransportRequest, _) => format!("The client calls FlushQueues on {object}'s own status object with {flags}: {object} only marks its status row; the spooler flushes it later, at its convenience. The reference says both that FlushQueues is synchronous by default and that this flush runs asynchronously to the client."),
                (FlushMode::Refused, _) => format!("The client calls FlushQueues on {object} with {flags}."),
            }
        }
        K::ValidateCall { .. } | K::ValidateReturn { .. } => validate(&e.kind),
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
                format!("The spooler starts flushing every transport in the profile's transport order: {}. Step 1 calls each transport before any FLUSH bit is set, although the same page says the spooler calls only transports whose FLUSH bits are set.", transports.join(SEP))
            }
        }
        K::XpLogon { transport } => format!("ValidateState on the spooler logs every transport on again, whether or not it is logged on: now {transport}."),
        K::Progress { shown: true, .. } => String::from("Without FLUSH_NO_UI the spooler shows a progress indicator for its flush, parented to the window the client passed as ulUIParam."),
        K::Progress { shown: false, .. } => String::from("The flush is over, so the spooler closes its progress indicator."),
        K::XpFlushQueues { transport, flags, note, .. } => {
            let why = match facts.position {
                Position::Only => "the only transport in this flush",
                Position::First => "first in transport order",
                Position::Last => "last in transport order",
                Position::Next => "next in transport order",
            };
            let ras = match note {
                Some(XpNote::RasHonorsNoUi) => " This RAS transport suppresses its dialog, an exception the scenario sets: the seed page says RAS is hardly ever able to.",
                None => "",
            };
            format!("The spooler calls IXPLogon::FlushQueues on {transport} because it is {why}, passing {flags} in one call.{ras}")
        }
        K::XpReturn { transport, hr } => format!("{transport} returns {hr} from IXPLogon::FlushQueues, as the reference says it always does; trouble shows in its status row."),
        K::LeftToSchedule { transport } => format!("{transport} is asynchronous and FLUSH_FORCE was not passed, so its queues are left to its own schedule (model choice)."),
        K::Submit { transport, subject, deferred, .. } => {
            let again = if *deferred { " again, with BEGIN_DEFERRED because it was deferred before" } else { "" };
            format!("The spooler hands “{subject}” to {transport} with SubmitMessage{again}; while {transport} works on it, STATUS_OUTBOUND_ACTIVE is set.")
        }
        K::EndMessage { transport, subject, result, remaining, .. } => {
            let left = match *remaining {
                0 => String::from("The queue is now empty."),
                n => format!("{} left.", plural(n, "message", "messages")),
            };
            match result {
                SubmitResult::Delivered => format!("EndMessage completes “{subject}”: {transport} has sent it. {left}"),
                SubmitResult::Deferred => format!("EndMessage comes back with END_DONT_RESEND: {transport} keeps “{subject}” and will ask for it to be sent later. {left}"),
                SubmitResult::Undeliverable => format!("EndMessage completes “{subject}”: it was not sent, and the nondelivery report tells the user (model choice: no EndMessage flag means undeliverable). {left}"),
            }
        }
        K::SpoolerShutdown { transport, .. } => format!("The spooler is shutting down, so it ends the flush with one TransportNotify carrying both NOTIFY_END_INBOUND_FLUSH and NOTIFY_END_OUTBOUND_FLUSH; {transport} clears its bits and releases everything. Nothing is lost: the rest stays queued."),
        K::TransportNotify { transport, notify } => match notify {
            Notify::EndOutboundFlush => format!("The spooler tells {transport} the outbound flush is over: TransportNotify(NOTIFY_END_OUTBOUND_FLUSH). (The Implementing page calls this sending loop “downloading”, the reverse of the flag names.)"),
            Notify::EndInboundFlush => format!("The spooler tells {transport} the inbound flush is over: TransportNotify(NOTIFY_END_INBOUND_FLUSH)."),
        },
        K::StartMessage { transport, subject, .. } => match subject {
            Some(s) => format!("The spooler calls StartMessage on {transport}, which fills the new message with “{s}”; STATUS_INBOUND_ACTIVE is set meanwhile."),
            None => format!("The spooler calls StartMessage on {transport} while STATUS_INBOUND_FLUSH is set; nothing is waiting, so {transport} returns without SaveChanges and the loop ends. (Steps 11-12 of the Implementing page say instead that SaveChanges marks the last message; flushq follows the StartMessage page.)"),
        },
        K::TransportDone { transport, outcome: result } => match result {
            TransportOutcome::Completed => format!("The spooler is done with {transport}."),
            other => format!("The spooler is done with {transport}: {}.", outcome(*other)),
        },
        K::SpoolerEnd { hr } => format!("The spooler's flush ends with {hr}. Every transport returned S_OK and wrote any trouble in its status row, so {hr} does not say every message went out; the status table does (model choice, following IXPLogon::FlushQueues, which returns S_OK alone)."),
        _ => super::super::misrouted(),
    }
}

/// What a transport does and shows.
fn transport(e: &Event) -> String {
    match &e.kind {
        K::Prompt { transport, no_ui_requested, .. } => {
            if *no_ui_requested {
                format!("{transport} shows its dial-up dialog “Connect {transport}?” although FLUSH_NO_UI asks a transport for no user interface: the seed page warns that modem and RAS transports may ignore it (model choice).")
            } else {
                format!("FLUSH_NO_UI was not passed, so {transport} shows its dial-up dialog “Connect {transport}?”.")
            }
        }
        K::PromptAnswer { transport, answer } => match answer {
            Answer::Connect => format!("The user connects, so {transport} goes on."),
            Answer::Cancel => format!("The user cancels: {transport} stays offline, and nothing moves through it, but nothing is lost."),
        },
        K::ModemLine { transport, acquired: true, .. } => format!("{transport} takes the shared modem line; no other dial-up transport can use it until it is released."),
        K::ModemLine { transport, acquired: false, why, .. } => format!("{transport} releases the modem line for the next dial-up transport: {}.", line_reason(*why)),
        K::Status { transport, why: StatusReason::OwnFlushQueues, .. } => format!("{transport}: {}. The notes to implementers of IMAPIStatus::FlushQueues would set the INBOUND bits for FLUSH_UPLOAD; flushq follows the Implementing page.", describe(&e.kind)),
        K::Status { transport, .. } | K::LinkDown { transport, .. } | K::DropsFlushBits { transport, .. } => {
            format!("{transport}: {}.", describe(&e.kind))
        }
        K::SentDeferred { transport, subject, .. } => format!("Before it connects, {transport} reports “{subject}”, which it deferred earlier, with SpoolerNotify(NOTIFY_SENTDEFERRED), so it is queued again."),
        K::StatusRecips { transport, subject, report_subject, .. } => format!("{transport} cannot deliver “{subject}”, so it calls IMAPISupport::StatusRecips, and a nondelivery report “{report_subject}” arrives in the inbox."),
        K::Validated { object, .. } => format!("{object} {}.", describe(&e.kind)),
        K::ConfigChanged { transport } => format!("CONFIG_CHANGED: {transport} tells the spooler its configuration changed, with SpoolerNotify(NOTIFY_CONFIG_CHANGE), as the notes to callers describe."),
        K::StaysOffline { transport, .. } => format!("{transport} works offline, so it connects to nothing, leaves no FLUSH bit set and returns S_OK: nothing moves through it (model choice)."),
        K::SaveChanges { transport, subject, more, .. } => {
            let more = if *more { " More is waiting: it calls SpoolerNotify(NOTIFY_NEWMAIL)." } else { "" };
            format!("Inside StartMessage, {transport} calls SaveChanges, and “{subject}” is in the inbox.{more} Then StartMessage returns.")
        }
        K::PhaseSkipped { transport, phase, .. } => match phase {
            Phase::Inbound => format!("Only FLUSH_UPLOAD was asked for, so {transport} skips the inbound phase; mail waiting remotely stays there (model choice)."),
            Phase::Outbound => format!("Only FLUSH_DOWNLOAD was asked for, so {transport} skips the outbound phase; its outbound queue is untouched (model choice)."),
        },
        _ => super::super::misrouted(),
    }
}

/// `ValidateState`: the call and its return.
fn validate(kind: &K) -> String {
    match kind {
        K::ValidateCall { object, flags, .. } => {
            format!("The client calls ValidateState on {object}'s status object with {flags}, asking it to check its state.")
        }
        K::ValidateReturn { object, hr, note: Some(ValidateNote::UnknownFlags) } => {
            format!("{object} refuses ValidateState with {hr}: ulFlags has a bit ValidateState does not define.")
        }
        K::ValidateReturn { object, hr, note: Some(ValidateNote::Busy) } => {
            format!("{object} refuses ValidateState with {hr}: a flush it would need is running.")
        }
        K::ValidateReturn { hr, .. } => {
            format!("ValidateState returns {hr}; what it asked for happens through the status row and the spooler.")
        }
        _ => super::super::misrouted(),
    }
}
