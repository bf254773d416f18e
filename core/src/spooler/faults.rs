//! Faults of one run, indexed by transport for the spooler's lookups.

use crate::scenario::{Fault, FaultKind};
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

/// The faults that apply to one transport.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TransportFaults {
    /// Every flush finds the server unreachable: STATUS_FAILURE, no FLUSH bit.
    pub link_down: bool,
    /// The user cancels this transport's dialogs.
    pub user_cancels: bool,
    /// Subjects the transport accepts but cannot deliver (StatusRecips).
    pub fails: BTreeSet<String>,
    /// Subjects deferred on their first submission.
    pub defers: BTreeSet<String>,
    /// Pending "drop the FLUSH bits" fault: after this subject, or right away with `None`.
    /// Taken when it fires, so it happens once.
    pub drops: Option<Option<String>>,
    /// Pending spooler shutdown: once this many messages were submitted in a flush
    /// of this transport. Taken when it fires.
    pub shutdown_after: Option<u32>,
}

/// Builds the per-transport fault table for `n` transports.
pub fn index(faults: &[Fault], n: usize) -> Vec<TransportFaults> {
    let mut out = alloc::vec![TransportFaults::default(); n];
    for f in faults {
        let Some(t) = out.get_mut(f.transport.index()) else {
            continue;
        };
        match &f.kind {
            FaultKind::LinkDown => t.link_down = true,
            FaultKind::UserCancels => t.user_cancels = true,
            FaultKind::MessageFails(m) => {
                t.fails.insert(m.clone());
            }
            FaultKind::MessageDeferred(m) => {
                t.defers.insert(m.clone());
            }
            FaultKind::DropsFlushBits(m) => t.drops = Some(m.clone()),
            FaultKind::SpoolerShutdown { after } => t.shutdown_after = Some(*after),
        }
    }
    out
}
