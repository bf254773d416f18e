//! The one-line English description of each step in the text trace, by event group.

use super::runtime::runtime_error;
use super::words::{flush_note, job_reason, line_reason, outcome, status_reason};
use crate::catalog::status_change;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use flushq_core::trace::{
    Answer, EventKind as K, FlushMode, Notify, Phase, SubmitResult, ValidateNote, Validation, XpNote,
};

/// The ACTIVE bit a transport clears when it is done with one message.
const ACTIVE_OUT_DONE: &str = "PR_STATUS_CODE -= STATUS_OUTBOUND_ACTIVE";
/// The inbound counterpart of [`ACTIVE_OUT_DONE`].
const ACTIVE_IN_DONE: &str = "PR_STATUS_CODE -= STATUS_INBOUND_ACTIVE";

/// One line of the text trace for a step.
pub(crate) fn describe(kind: &K) -> String {
    by_group!(kind, client: client(kind), script: script(kind), spooler: spooler(kind), transport: transport(kind))
}

/// The client's calls on the session, the table, MAPI and status objects.
fn client(kind: &K) -> String {
    match kind {
        K::GetStatusTable { hr, rows, .. } => {
            format!("GetStatusTable() = {hr}, table ({} rows: {})", rows.len(), rows.join(", "))
        }
        K::SetColumns { columns, hr } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!("SetColumns({}) = {hr}{}", cols.join(", "), "")
        }
        K::QueryAllRows { restriction, crows_max, hr, matched, lacking, .. } => {
            let mut args = String::from("table");
            if let Some(r) = restriction {
                let _ = write!(args, ", {r}");
            }
            if *crows_max != 0 {
                let _ = write!(args, ", crowsMax {crows_max}");
            }
            if hr.succeeded() {
                {
                    let noun = if matched.len() == 1 { "row" } else { "rows" };
                    let names = if matched.is_empty() { String::new() } else { format!(": {}", matched.join(", ")) };
                    let lack = match lacking {
                        0 => String::new(),
                        n => format!(
                            "; {n} without the property do not match (model choice: the reference leaves it undefined)"
                        ),
                    };
                    format!("HrQueryAllRows({args}) = {hr}, {} {noun}{names}{lack}", matched.len())
                }
            } else {
                format!("HrQueryAllRows({args}) = {hr}: more rows match than crowsMax allows (model choice: counted over the matching rows)")
            }
        }
        K::OpenEntry { entry, hr, opened, .. } => {
            let arg = entry.as_ref().map_or_else(|| String::from("PT_NULL"), |e| e.short());
            match (opened, entry) {
                (Some(name), _) => format!("OpenEntry({arg}) = {hr}, status object of {name}"),
                (None, Some(_)) => format!("OpenEntry({arg}) = {hr}: no status row has this entry id"),
                (None, None) => {
                    format!("OpenEntry({arg}) = {hr}: the entry id is PT_NULL (was PR_ENTRYID among the columns?)")
                }
            }
        }
        K::GetProp { prop, value, .. } => match value {
            Some(v) => format!("GetProps({prop}) = {v}{}", ""),
            None => format!("GetProps({prop}) = MAPI_W_ERRORS_RETURNED: the object has no such property, its value comes back as PT_ERROR (MAPI_E_NOT_FOUND)"),
        },
        K::StatusMethod { method, hr, .. } => {
            if hr.succeeded() {
                format!("{method}() = {hr}{}", "")
            } else {
                format!("{method}() = {hr}: its bit is clear in PR_RESOURCE_METHODS")
            }
        }
        K::ValidateCall { .. } | K::ValidateReturn { .. } => validate(kind),
        K::FlushCall { ui, flags, target, mode, note, .. } => {
            let args = match target {
                Some(t) => format!("{ui}, cb, lpTargetTransport = {t}, {flags}"),
                None => format!("{ui}, 0, NULL, {flags}"),
            };
            let how = match mode {
                FlushMode::Synchronous => "; synchronous: the client waits until the flush ends",
                FlushMode::Asynchronous => "; FLUSH_ASYNC_OK: the spooler may finish in the background",
                FlushMode::TransportRequest => "; on the transport's own status object",
                FlushMode::Refused => "",
            };
            let note = note.map(|n| format!(" ({})", flush_note(n))).unwrap_or_default();
            format!("FlushQueues({args}){how}{note}")
        }
        K::FlushReturn { hr, note, .. } => match note {
            Some(n) => format!("FlushQueues = {hr}: {}", flush_note(*n)),
            None => format!("FlushQueues = {hr}{}", ""),
        },
        K::Release { var, .. } => format!("Release({var}){}", ""),
        K::FreeProws { var, rows, .. } => {
            format!("FreeProws({var}): {rows} row{} freed", if *rows == 1 { "" } else { "s" })
        }
        _ => super::super::misrouted(),
    }
}

/// The script's own flow: loops, branches, errors, the end.
fn script(kind: &K) -> String {
    match kind {
        K::Loop { var, index, count } => {
            if *count == 0 {
                format!("for {var}: no rows, the body is skipped")
            } else if index < count {
                format!("for {var}: row {} of {count}", index + 1)
            } else {
                format!("for {var}: done after {count} row{}", if *count == 1 { "" } else { "s" })
            }
        }
        K::Branch { cond, taken } => {
            if *taken {
                format!("if {cond}: true, the first branch runs")
            } else {
                format!("if {cond}: false, the else branch runs")
            }
        }
        K::ScriptError { column, error } => {
            format!("error at column {column}: {}; the script stops", runtime_error(error))
        }
        K::RunEnd => String::from("the script has finished and the spooler is idle"),
        _ => super::super::misrouted(),
    }
}

/// The spooler's side of the flush protocol.
fn spooler(kind: &K) -> String {
    match kind {
        K::SpoolerBegin { transports, reason, targeted, .. } => {
            if *targeted {
                format!("flushes {} ({})", transports.join(", "), job_reason(*reason))
            } else {
                format!("transport order: {} ({})", transports.join(", "), job_reason(*reason))
            }
        }
        K::XpLogon { transport } => format!("logs on {transport} again (ValidateState on the spooler)"),
        K::Progress { shown, parent } => {
            if *shown {
                format!("shows its progress indicator, parent window {parent} (ulUIParam); FLUSH_NO_UI was not passed")
            } else {
                String::from("closes its progress indicator")
            }
        }
        K::XpFlushQueues { ui, flags, note, .. } => match note {
            Some(XpNote::RasHonorsNoUi) => format!(
                "IXPLogon::FlushQueues({ui}, 0, NULL, {flags}); this RAS transport honours FLUSH_NO_UI, an exception the scenario sets (RAS is hardly ever able to)"
            ),
            None => format!("IXPLogon::FlushQueues({ui}, 0, NULL, {flags}){}", ""),
        },
        K::XpReturn { hr, .. } => format!("IXPLogon::FlushQueues returns {hr}"),
        K::LeftToSchedule { transport } => format!(
                "{transport} is asynchronous and FLUSH_FORCE was not passed: its queues are left to its own schedule (model choice)"
            ),
        K::Submit { subject, deferred, .. } => {
            let flags = if *deferred { "BEGIN_DEFERRED" } else { "0" };
            format!("SubmitMessage({flags}, {subject}) = S_OK: the transport takes {subject}; PR_STATUS_CODE += STATUS_OUTBOUND_ACTIVE")
        }
        K::EndMessage { subject, result, .. } => match result {
            SubmitResult::Delivered => format!("EndMessage({subject}) -> 0: {subject} -> remote; {ACTIVE_OUT_DONE}"),
            SubmitResult::Deferred => {
                format!("EndMessage({subject}) -> END_DONT_RESEND: the transport defers {subject} and keeps it; {ACTIVE_OUT_DONE}")
            }
            SubmitResult::Undeliverable => {
                format!("EndMessage({subject}) -> 0: the transport is done with {subject}, reported undeliverable, not sent (model choice: the page has no flag for this); {ACTIVE_OUT_DONE}")
            }
        },
        K::SpoolerShutdown { .. } => String::from(
            "shuts down: TransportNotify(NOTIFY_END_INBOUND_FLUSH | NOTIFY_END_OUTBOUND_FLUSH); the transport clears its bits and lets go",
        ),
        K::TransportNotify { notify, .. } => String::from(match notify {
            Notify::EndOutboundFlush => "TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)",
            Notify::EndInboundFlush => "TransportNotify(NOTIFY_END_INBOUND_FLUSH)",
        }),
        K::StartMessage { subject, .. } => match subject {
            Some(s) => format!("StartMessage: the transport fills the new message with {s}; PR_STATUS_CODE += STATUS_INBOUND_ACTIVE"),
            None => String::from("StartMessage = S_OK: nothing is waiting, the transport returns without SaveChanges"),
        },
        K::TransportDone { transport, outcome: result } => format!("done with {transport}: {}", outcome(*result)),
        K::SpoolerEnd { hr } => format!("flush ends = {hr}; every transport returned S_OK, any trouble is in its status row (model choice)"),
        _ => super::super::misrouted(),
    }
}

/// What a transport does and shows.
fn transport(kind: &K) -> String {
    match kind {
        K::Prompt { transport, parent, no_ui_requested } => {
            let why = if *no_ui_requested { "ignores FLUSH_NO_UI" } else { "FLUSH_NO_UI was not passed" };
            format!("{why}: shows \"Connect {transport}?\" over window {parent} (ulUIParam)")
        }
        K::PromptAnswer { answer, .. } => String::from(match answer {
            Answer::Connect => "user: Connect",
            Answer::Cancel => "user: Cancel; the transport stays offline and nothing moves through it",
        }),
        K::ModemLine { acquired, why, .. } => {
            let what = if *acquired { "acquires the modem line" } else { "releases the modem line" };
            format!("{what}: {}", line_reason(*why))
        }
        K::Status { set, cleared, now, why, .. } => {
            let change = status_change(*set, *cleared).unwrap_or_else(|| format!("PR_STATUS_CODE unchanged ({now})"));
            format!("{change}: {}", status_reason(*why))
        }
        K::SentDeferred { subject, .. } => {
            format!("SpoolerNotify(NOTIFY_SENTDEFERRED): {subject}, deferred earlier, is queued to send again")
        }
        K::StatusRecips { subject, report_subject, .. } => {
            format!("cannot deliver {subject}: StatusRecips, the nondelivery report \"{report_subject}\" -> inbox")
        }
        K::Validated { what, .. } => String::from(match what {
            Validation::Subsystem => "validates the resources of the active providers and its own",
            Validation::AddressBook => "checks the entries of its profile section",
            Validation::Store => "nothing to validate that the model shows (model choice)",
            Validation::NoHeaderCache => "keeps no header cache, so the header flags change nothing (model choice)",
            Validation::NoSessionUi => "has no session interface to show (model choice)",
        }),
        K::ConfigChanged { .. } => String::from("CONFIG_CHANGED: SpoolerNotify(NOTIFY_CONFIG_CHANGE)"),
        K::StaysOffline { .. } => {
            String::from("works offline: connects to nothing and leaves no FLUSH bit set (model choice)")
        }
        K::SaveChanges { subject, more, .. } => {
            if *more {
                format!(
                    "SaveChanges: {subject} -> inbox; {ACTIVE_IN_DONE}; SpoolerNotify(NOTIFY_NEWMAIL): more is waiting; StartMessage returns S_OK"
                )
            } else {
                format!("SaveChanges: {subject} -> inbox; {ACTIVE_IN_DONE}; StartMessage returns S_OK")
            }
        }
        K::PhaseSkipped { phase, .. } => match phase {
            Phase::Outbound => String::from("no FLUSH_UPLOAD: outbound phase skipped (model choice)"),
            Phase::Inbound => String::from("no FLUSH_DOWNLOAD: inbound phase skipped (model choice)"),
        },
        K::LinkDown { now, .. } => {
            format!("cannot reach its server: STATUS_FAILURE in its status row (now {now}), no FLUSH bit set")
        }
        K::DropsFlushBits { bits, .. } => format!("clears {bits} mid-flush (ModifyStatusRow): it stops the flush"),
        _ => super::super::misrouted(),
    }
}

/// `ValidateState`: the call and its return.
fn validate(kind: &K) -> String {
    match kind {
        K::ValidateCall { ui, flags, .. } => format!("ValidateState({ui}, {flags})"),
        K::ValidateReturn { hr, note, .. } => match note {
            Some(ValidateNote::UnknownFlags) => {
                format!("ValidateState = {hr}: ulFlags has a bit ValidateState does not define")
            }
            Some(ValidateNote::Busy) => format!("ValidateState = {hr}: a flush it would need is running"),
            None => format!("ValidateState = {hr}{}", ""),
        },
        _ => super::super::misrouted(),
    }
}
