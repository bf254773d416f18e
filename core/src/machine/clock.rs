//! Simulated time: what each step costs, in milliseconds since the session
//! started. Nothing reads a clock; the machine adds the cost of every event it
//! emits to its `now`, and the event carries the sum.
//!
//! Every figure here is a model choice: the reference gives no durations. They
//! are picked so a trace reads like a session on a real machine: API calls and
//! LAN messages take milliseconds, dialling a modem takes seconds, a user thinks
//! for a few seconds before answering a dialog, an unreachable server times out.
//! One clock serves every actor (model choice): when the client and the spooler
//! take turns, their steps add up rather than overlap.

use crate::scenario::TransportKind;
use crate::trace::EventKind;

/// Milliseconds a client API call takes (`GetStatusTable`, `SetColumns`, ...).
const CALL: u64 = 1;
/// A user reading a dialog and clicking a button.
const USER_ANSWER: u64 = 3_000;
/// Dialling and connecting a modem or RAS line.
const DIAL: u64 = 8_000;
/// Hanging up a line.
const HANG_UP: u64 = 200;
/// Waiting for a server that does not answer, before giving up.
const CONNECT_TIMEOUT: u64 = 30_000;

/// Sending or receiving one message over a transport of `kind`.
const fn transfer(kind: Option<TransportKind>) -> u64 {
    match kind {
        Some(TransportKind::Modem) => 2_000,
        Some(TransportKind::Ras) => 1_500,
        Some(TransportKind::Lan) | None => 20,
    }
}

/// What `kind` costs, given the kind of the transport the spooler is flushing.
pub(crate) fn cost_ms(kind: &EventKind, transport: Option<TransportKind>) -> u64 {
    use EventKind as K;
    match kind {
        K::GetStatusTable { .. }
        | K::SetColumns { .. }
        | K::QueryAllRows { .. }
        | K::OpenEntry { .. }
        | K::GetProp { .. }
        | K::StatusMethod { .. }
        | K::FlushCall { .. }
        | K::Release { .. }
        | K::FreeProws { .. }
        | K::SpoolerBegin { .. }
        | K::XpFlushQueues { .. }
        | K::Status { .. }
        | K::SentDeferred { .. }
        | K::EndMessage { .. }
        | K::TransportNotify { .. }
        | K::DropsFlushBits { .. }
        | K::SpoolerShutdown { .. }
        | K::ValidateCall { .. }
        | K::ConfigChanged { .. } => CALL,
        // Checking a profile section, logging a transport on again.
        K::Validated { .. } => 5,
        K::XpLogon { .. } => 50,
        K::PromptAnswer { .. } => USER_ANSWER,
        K::ModemLine { acquired: true, .. } => DIAL,
        K::ModemLine { acquired: false, .. } => HANG_UP,
        K::LinkDown { .. } => CONNECT_TIMEOUT,
        K::Submit { .. } | K::StartMessage { msg: Some(_), .. } => transfer(transport),
        // Asking the server whether anything waits costs one exchange too.
        K::StartMessage { msg: None, .. } => transfer(transport) / 2,
        K::StatusRecips { .. } | K::SaveChanges { .. } => 5,
        K::Loop { .. }
        | K::Branch { .. }
        | K::ScriptError { .. }
        | K::FlushReturn { .. }
        | K::ValidateReturn { .. }
        | K::StaysOffline { .. }
        | K::Progress { .. }
        | K::XpReturn { .. }
        | K::LeftToSchedule { .. }
        | K::Prompt { .. }
        | K::PhaseSkipped { .. }
        | K::TransportDone { .. }
        | K::SpoolerEnd { .. }
        | K::RunEnd => 0,
    }
}
