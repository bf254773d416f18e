//! The readable, numbered text trace.

use super::{Answer, Event, EventKind, FlushMode, Notify, Outcome, Phase, PromptStyle, SubmitResult, TransportOutcome};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// How a transport's flush ended, in a few words (traces and narration share it).
pub fn outcome_text(outcome: TransportOutcome) -> &'static str {
    match outcome {
        TransportOutcome::Completed => "completed",
        TransportOutcome::LinkDown => "link down, messages stay queued",
        TransportOutcome::Cancelled => "cancelled by the user, messages stay queued",
        TransportOutcome::Stopped => "stopped by the transport, the rest stays queued",
        TransportOutcome::LeftToSchedule => "left to its own schedule",
    }
}

/// One sentence telling what happened in a step, in MAPI's words.
pub fn describe(kind: &EventKind) -> String {
    match kind {
        EventKind::GetStatusTable { hr, rows, .. } => {
            format!("GetStatusTable() = {hr}, table ({} rows: {})", rows.len(), rows.join(", "))
        }
        EventKind::SetColumns { columns, hr } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!("SetColumns({}) = {hr}", cols.join(", "))
        }
        EventKind::QueryAllRows { restriction, crows_max, hr, matched, .. } => {
            let mut args = String::from("table");
            if let Some(r) = restriction {
                let _ = write!(args, ", {r}");
            }
            if *crows_max != 0 {
                let _ = write!(args, ", crowsMax {crows_max}");
            }
            if hr.succeeded() {
                let noun = if matched.len() == 1 { "row" } else { "rows" };
                let names = if matched.is_empty() { String::new() } else { format!(": {}", matched.join(", ")) };
                format!("HrQueryAllRows({args}) = {hr}, {} {noun}{names}", matched.len())
            } else {
                format!("HrQueryAllRows({args}) = {hr}: more rows match than crowsMax allows")
            }
        }
        EventKind::OpenEntry { entry, hr, opened, .. } => {
            let arg = entry.as_ref().map_or_else(|| String::from("PT_NULL"), |e| e.short());
            match (opened, entry) {
                (Some(name), _) => format!("OpenEntry({arg}) = {hr}, status object of {name}"),
                (None, Some(_)) => format!("OpenEntry({arg}) = {hr}: no status row has this entry id"),
                (None, None) => format!("OpenEntry({arg}) = {hr}: the entry id is PT_NULL (was PR_ENTRYID among the columns?)"),
            }
        }
        EventKind::GetProp { prop, value, .. } => match value {
            Some(v) => format!("GetProps({prop}) = {v}"),
            None => format!("GetProps({prop}) = PT_NULL (MAPI_E_NOT_FOUND): this row has no such property"),
        },
        EventKind::StatusMethod { method, hr, .. } => {
            if hr.succeeded() {
                format!("{method}() = {hr}")
            } else {
                format!("{method}() = {hr}: its bit is clear in PR_RESOURCE_METHODS")
            }
        }
        EventKind::FlushCall { flags, target, mode, note, .. } => {
            let args = match target {
                Some(t) => format!("0, cb, lpTargetTransport = {t}, {flags}"),
                None => format!("0, 0, NULL, {flags}"),
            };
            let how = match mode {
                FlushMode::Synchronous => "; synchronous: the client waits until the flush ends",
                FlushMode::Asynchronous => "; FLUSH_ASYNC_OK: the spooler may finish in the background",
                FlushMode::TransportRequest => "; on the transport's own status object",
                FlushMode::Refused => "",
            };
            let note = note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
            format!("FlushQueues({args}){how}{note}")
        }
        EventKind::FlushReturn { hr, note, .. } => match note {
            Some(n) => format!("FlushQueues = {hr}: {n}"),
            None => format!("FlushQueues = {hr}"),
        },
        EventKind::Release { var, .. } => format!("Release({var})"),
        EventKind::FreeProws { var, rows, .. } => {
            format!("FreeProws({var}): {rows} row{} freed", if *rows == 1 { "" } else { "s" })
        }
        EventKind::Loop { var, index, count } => {
            if *count == 0 {
                format!("for {var}: no rows, the body is skipped")
            } else if index < count {
                format!("for {var}: row {} of {count}", index + 1)
            } else {
                format!("for {var}: done after {count} row{}", if *count == 1 { "" } else { "s" })
            }
        }
        EventKind::Branch { cond, taken } => {
            if *taken {
                format!("if {cond}: true, the first branch runs")
            } else {
                format!("if {cond}: false, the else branch runs")
            }
        }
        EventKind::ScriptError { column, message } => format!("error at column {column}: {message}; the script stops"),
        EventKind::SpoolerBegin { transports, reason, targeted, .. } => {
            if *targeted {
                format!("flushes {} ({reason})", transports.join(", "))
            } else {
                format!("transport order: {} ({reason})", transports.join(", "))
            }
        }
        EventKind::XpFlushQueues { flags, .. } => format!("IXPLogon::FlushQueues({flags})"),
        EventKind::XpReturn { hr, .. } => format!("IXPLogon::FlushQueues returns {hr}"),
        EventKind::LeftToSchedule { transport } => format!(
            "{transport} is asynchronous and FLUSH_FORCE was not passed: its queues are left to its own schedule (model choice)"
        ),
        EventKind::Prompt { transport, style, no_ui_requested } => {
            let why = if *no_ui_requested { "ignores FLUSH_NO_UI" } else { "FLUSH_NO_UI was not passed" };
            match style {
                PromptStyle::DialUp => format!("{why}: shows \"Connect {transport}?\""),
                PromptStyle::Progress => format!("{why}: shows its progress dialog"),
            }
        }
        EventKind::PromptAnswer { answer, .. } => match answer {
            Answer::Connect => String::from("user: Connect"),
            Answer::Cancel => String::from("user: Cancel; nothing is sent or received through this transport"),
        },
        EventKind::ModemLine { acquired, .. } => {
            if *acquired {
                String::from("acquires the modem line")
            } else {
                String::from("releases the modem line")
            }
        }
        EventKind::Status { set, cleared, now, why, .. } => {
            let mut s = String::from("PR_STATUS_CODE");
            if !set.is_empty() {
                let _ = write!(s, " += {set}");
            }
            if !cleared.is_empty() {
                let _ = write!(s, " -= {cleared}");
            }
            if set.is_empty() && cleared.is_empty() {
                let _ = write!(s, " unchanged ({now})");
            }
            let _ = write!(s, ": {why}");
            s
        }
        EventKind::SentDeferred { subject, .. } => format!(
            "SpoolerNotify(NOTIFY_SENTDEFERRED): {subject}, deferred earlier, is queued to send again"
        ),
        EventKind::Submit { subject, result, .. } => match result {
            SubmitResult::Delivered => format!("SubmitMessage({subject}) = S_OK, EndMessage({subject}): {subject} -> remote"),
            SubmitResult::Deferred => format!(
                "SubmitMessage({subject}) = S_OK, EndMessage({subject}): the transport defers {subject}; it stays with the transport"
            ),
            SubmitResult::Failed(hr) => {
                format!("SubmitMessage({subject}) = {hr}: the spooler reports {subject} undeliverable")
            }
        },
        EventKind::TransportNotify { notify, .. } => match notify {
            Notify::EndOutboundFlush => String::from("TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)"),
            Notify::EndInboundFlush => String::from("TransportNotify(NOTIFY_END_INBOUND_FLUSH)"),
        },
        EventKind::StartMessage { subject, last, .. } => {
            if *last {
                format!("StartMessage({subject}) = S_OK: {subject} -> inbox; SaveChanges on the last message ends the loop")
            } else {
                format!("StartMessage({subject}) = S_OK: {subject} -> inbox; SpoolerNotify(NOTIFY_NEWMAIL): more is waiting")
            }
        }
        EventKind::PhaseSkipped { phase, reason, .. } => match phase {
            Phase::Outbound => format!("{reason}: outbound phase skipped (model choice)"),
            Phase::Inbound => format!("{reason}: inbound phase skipped (model choice)"),
        },
        EventKind::LinkDown { now, .. } => {
            format!("cannot reach its server: PR_STATUS_CODE += STATUS_FAILURE (now {now})")
        }
        EventKind::DropsFlushBits { bits, .. } => {
            format!("clears {bits} mid-flush (ModifyStatusRow): it stops the flush")
        }
        EventKind::TransportDone { transport, outcome } => format!("done with {transport}: {}", outcome_text(*outcome)),
        EventKind::SpoolerEnd { hr } => {
            if hr.succeeded() {
                format!("flush ends = {hr}")
            } else {
                format!("flush ends = {hr}: the first transport failure is what the caller sees (model choice)")
            }
        }
        EventKind::RunEnd => String::from("the script has finished and the spooler is idle"),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::from("-")
    } else {
        items.join(", ")
    }
}

/// The numbered trace followed by the outcome, as the CLI prints it.
pub fn render_text(title: &str, events: &[Event], outcome: &Outcome) -> String {
    let mut s = String::new();
    if !title.is_empty() {
        let _ = writeln!(s, "# {title}");
    }
    for e in events {
        let line = e.line.map(|l| format!("L{l}")).unwrap_or_default();
        let who = match &e.target {
            Some(t) => format!("{} -> {}", e.actor.label(), t.label()),
            None => String::from(e.actor.label()),
        };
        let _ = writeln!(s, "{:>3} {:<4} {:<26} {}", e.step, line, who, describe(&e.kind));
    }
    let _ = writeln!(s, "outcome:");
    for t in &outcome.transports {
        let _ = writeln!(
            s,
            "  {}: outbound [{}] delivered [{}] deferred [{}] failed [{}] remote [{}]",
            t.name,
            list(&t.outbound),
            list(&t.delivered),
            list(&t.deferred),
            list(&t.failed),
            list(&t.remote)
        );
    }
    let _ = writeln!(s, "  inbox: [{}]", list(&outcome.inbox));
    let _ = writeln!(s, "  ui prompts: [{}]", list(&outcome.ui_prompts));
    let leaks: Vec<String> = outcome.leaks.iter().map(|l| format!("{} from line {}", l.what, l.line)).collect();
    let _ = writeln!(s, "  leaks: [{}]", list(&leaks));
    let errors: Vec<String> =
        outcome.errors.iter().map(|e| format!("{}:{}: {}", e.line, e.column, e.message)).collect();
    let _ = writeln!(s, "  errors: [{}]", list(&errors));
    s
}
