//! The trace as JSON, as `flushq run --format json` prints it and the playground
//! exports it: `events` and `outcome`.

use flushq_core::trace::{describe, Event, Outcome};
use serde_json::{json, Map, Value};

/// Renders a run's events and outcome as pretty JSON.
pub fn trace_json(events: &[Event], outcome: &Outcome) -> String {
    let events: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "step": e.step,
                "line": e.line,
                "actor": e.actor.label(),
                "target": e.target.as_ref().map(|t| t.label()),
                "kind": kind_name(&e.kind),
                "text": describe(&e.kind),
            })
        })
        .collect();
    let calls: Vec<Value> = outcome
        .calls
        .iter()
        .map(|c| {
            json!({
                "line": c.line,
                "api": c.api,
                "object": c.object,
                "flags": c.flags.map(|f| f.names().collect::<Vec<_>>()).unwrap_or_default(),
                "target": c.target,
                "hresult": c.hresult.name(),
            })
        })
        .collect();
    let mut transports = Map::new();
    for t in &outcome.transports {
        transports.insert(
            t.name.clone(),
            json!({
                "outbound": t.outbound,
                "delivered": t.delivered,
                "remote": t.remote,
                "deferred": t.deferred,
                "failed": t.failed,
            }),
        );
    }
    let doc = json!({
        "events": events,
        "outcome": {
            "calls": calls,
            "transports": transports,
            "inbox": outcome.inbox,
            "ui_prompts": outcome.ui_prompts,
            "leaks": outcome.leaks.iter().map(|l| json!({"what": l.what, "line": l.line})).collect::<Vec<_>>(),
            "errors": outcome.errors.iter().map(|e| json!({"line": e.line, "column": e.column, "message": e.message})).collect::<Vec<_>>(),
        }
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A stable snake_case name of the event's kind.
fn kind_name(k: &flushq_core::trace::EventKind) -> &'static str {
    use flushq_core::trace::EventKind as K;
    match k {
        K::GetStatusTable { .. } => "get_status_table",
        K::SetColumns { .. } => "set_columns",
        K::QueryAllRows { .. } => "query_all_rows",
        K::OpenEntry { .. } => "open_entry",
        K::GetProp { .. } => "get_props",
        K::StatusMethod { .. } => "status_method",
        K::FlushCall { .. } => "flush_call",
        K::FlushReturn { .. } => "flush_return",
        K::Release { .. } => "release",
        K::FreeProws { .. } => "free_prows",
        K::Loop { .. } => "loop",
        K::Branch { .. } => "branch",
        K::ScriptError { .. } => "script_error",
        K::SpoolerBegin { .. } => "spooler_begin",
        K::XpFlushQueues { .. } => "xp_flush_queues",
        K::XpReturn { .. } => "xp_return",
        K::LeftToSchedule { .. } => "left_to_schedule",
        K::Prompt { .. } => "prompt",
        K::PromptAnswer { .. } => "prompt_answer",
        K::ModemLine { .. } => "modem_line",
        K::Status { .. } => "status",
        K::SentDeferred { .. } => "sent_deferred",
        K::Submit { .. } => "submit",
        K::TransportNotify { .. } => "transport_notify",
        K::StartMessage { .. } => "start_message",
        K::PhaseSkipped { .. } => "phase_skipped",
        K::LinkDown { .. } => "link_down",
        K::DropsFlushBits { .. } => "drops_flush_bits",
        K::TransportDone { .. } => "transport_done",
        K::SpoolerEnd { .. } => "spooler_end",
        K::RunEnd => "run_end",
    }
}
