//! Short English phrases: reasons events carry, kinds of objects, outcomes.

use flushq_core::session::ObjectKind;
use flushq_core::trace::{Actor, FlushNote, JobReason, LineReason, StatusReason, TransportOutcome};

/// How a transport's flush ended, in a few words.
pub(crate) fn outcome(outcome: TransportOutcome) -> &'static str {
    match outcome {
        TransportOutcome::Completed => "completed",
        TransportOutcome::LinkDown => "its server is unreachable (STATUS_FAILURE), messages stay queued",
        TransportOutcome::Cancelled => "the user cancelled the connection (STATUS_OFFLINE), messages stay queued",
        TransportOutcome::Stopped => "stopped by the transport, the rest stays queued",
        TransportOutcome::LeftToSchedule => "left to its own schedule",
        TransportOutcome::Offline => "it works offline, messages stay queued (model choice)",
        TransportOutcome::Shutdown => {
            "the spooler shut down, the rest stays queued; later transports are not flushed (model choice)"
        }
    }
}

/// Why a status row changed.
pub(crate) fn status_reason(r: StatusReason) -> &'static str {
    match r {
        StatusReason::OwnFlushQueues => {
            "FlushQueues on a transport's own status object only sets bits in its status row"
        }
        StatusReason::StartsFlushing => "the transport starts flushing (ModifyStatusRow)",
        StatusReason::StartsInbound => {
            "only FLUSH_DOWNLOAD: the transport starts with its inbound flush (model choice: step 2 sets the outbound bit)"
        }
        StatusReason::InboundStarts => "step 9: the transport starts its inbound flush",
        StatusReason::OutboundDone => "outbound done: the transport leaves outbound flush mode (NOTIFY_END_OUTBOUND_FLUSH)",
        StatusReason::InboundDone => "inbound done",
        StatusReason::Offline => "not connected: only local data is available, and FlushQueues still returns S_OK",
        StatusReason::Disconnected => "FORCE_XP_DISCONNECT: the transport lets go of its connection and works offline",
        StatusReason::ConnectRequested => {
            "FORCE_XP_CONNECT: back online, and STATUS_OUTBOUND_FLUSH set so the spooler flushes it and it connects then"
        }
        StatusReason::HeadersAborted => "ABORT_XP_HEADER_OPERATION: the inbound side stops and the transport goes offline",
    }
}

/// Why the modem line changes hands.
pub(crate) fn line_reason(r: LineReason) -> &'static str {
    match r {
        LineReason::Connect => "to connect, before it returns from FlushQueues",
        LineReason::SendingDone => "sending is over (step 9), so other transports can use it",
        LineReason::Receive => "to receive; the reference frees it after sending (model choice)",
        LineReason::FlushDone => "the flush is over (step 13)",
        LineReason::LinkDown => "the server did not answer",
        LineReason::Stopped => "it stopped the flush (model choice)",
        LineReason::Shutdown => "the spooler is shutting down",
    }
}

/// Why the spooler runs a flush job.
pub(crate) fn job_reason(r: JobReason) -> &'static str {
    match r {
        JobReason::TransportRequest => {
            "the transport's own FlushQueues set its status bits; the spooler now runs that flush at its convenience"
        }
        JobReason::Targeted => "lpTargetTransport names one transport, so only it is flushed",
        JobReason::AllTransports => "a flush on the spooler covers every transport, in the profile's transport order",
        JobReason::ConnectRequest => {
            "ValidateState(FORCE_XP_CONNECT) marked its row; the spooler flushes it at its convenience"
        }
    }
}

/// What a FlushQueues call or return says besides its HRESULT.
pub(crate) fn flush_note(n: FlushNote) -> &'static str {
    match n {
        FlushNote::NoFlushMethod => {
            "PR_RESOURCE_METHODS lacks STATUS_FLUSH_QUEUES, so this status object does not implement FlushQueues"
        }
        FlushNote::UnknownFlags => "ulFlags has a bit FlushQueues does not define (model choice: the page lists no code for it)",
        FlushNote::NoDirection => "neither FLUSH_UPLOAD (outgoing) nor FLUSH_DOWNLOAD (incoming) is set, so there is nothing to flush (model choice)",
        FlushNote::TargetOnTransport => {
            "lpTargetTransport is meaningful only on the spooler's status object; on a transport it must be NULL"
        }
        FlushNote::TargetNull => "lpTargetTransport is PT_NULL: PR_ENTRYID was not among the columns requested",
        FlushNote::TargetNotTransport => "lpTargetTransport is not the entry id of a transport's status row",
        FlushNote::AsyncInProgress => "an asynchronous flush (FLUSH_ASYNC_OK) is still in progress",
        FlushNote::AsyncReturnsNow => "FLUSH_ASYNC_OK: control returns now; the spooler flushes in the background",
        FlushNote::AsyncIgnoredByTransport => {
            "FLUSH_ASYNC_OK applies only to the spooler; the transport ignores it (model choice)"
        }
    }
}

/// The kind of object a handle holds.
pub(crate) fn object_kind(k: ObjectKind) -> &'static str {
    match k {
        ObjectKind::StatusTable => "status table (IMAPITable)",
        ObjectKind::StatusObject => "status object (IMAPIStatus)",
        ObjectKind::RowSet => "row set (SRowSet)",
    }
}

/// Who acts in a step, as a label.
pub(crate) fn actor(a: &Actor) -> &str {
    match a {
        Actor::Client => "client",
        Actor::Session => "session",
        Actor::Table => "table",
        Actor::Mapi => "MAPI",
        Actor::Spooler => "spooler",
        Actor::Transport(n) => n,
        Actor::User => "user",
    }
}

/// The label after an HRESULT the method's reference page does not list.
pub(crate) fn unlisted() -> &'static str {
    " (model choice: the method's reference page does not list this HRESULT)"
}
