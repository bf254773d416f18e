//! The MAPI spooler: a FIFO of flush jobs, each run transport by transport through
//! the reference's 14-step protocol ("Implementing the FlushQueues Method").
//!
//! One call to [`Spooler::step`] performs one protocol step and emits its events.

mod faults;
mod protocol;

pub use faults::{index as index_faults, TransportFaults};
pub(crate) use protocol::modify_status_row;
pub use protocol::XpStep;

use crate::mapi::{FlushFlags, HResult};
use crate::trace::{Actor, Answer, EventKind};
use alloc::collections::{BTreeSet, VecDeque};

use alloc::vec::Vec;

/// Identifies a flush job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub u32);

/// Who asked for a flush.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The client called the spooler's FlushQueues and waits for it.
    ClientSync,
    /// The client called the spooler's FlushQueues with FLUSH_ASYNC_OK.
    ClientAsync,
    /// The client called a transport's own FlushQueues; the spooler runs it when it can.
    TransportRequest,
    /// `ValidateState(FORCE_XP_CONNECT)` marked the transport's row; the spooler
    /// flushes it when it can.
    ConnectRequest,
}

/// A requested flush.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// Its id.
    pub id: JobId,
    /// Who asked.
    pub origin: Origin,
    /// The flags passed on to each transport.
    pub flags: FlushFlags,
    /// Transports to flush, in transport order.
    pub targets: Vec<usize>,
    /// True when the client named one transport (`lpTargetTransport`).
    pub targeted: bool,
    /// The call's `ulUIParam`: the parent window of the spooler's progress indicator.
    pub ui: u32,
}

/// The job being run and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Running {
    /// The job.
    pub job: Job,
    /// Index into `job.targets`; `None` before the first transport.
    pub cursor: Option<usize>,
    /// The protocol step the current transport is at.
    pub step: XpStep,
    /// The spooler's progress indicator is on screen.
    pub progress: bool,
    /// Messages the current transport has submitted in this flush.
    pub submitted: u32,
    /// The spooler shut down: the job ends after the current transport.
    pub shut_down: bool,
}

/// What a step finished, for the machine to wake a waiting client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finished {
    /// The job that ended.
    pub job: JobId,
    /// Who asked for it.
    pub origin: Origin,
    /// Its result.
    pub hr: HResult,
}

/// Events emitted by one step: actor, callee, what.
pub type Emitted = Vec<(Actor, Option<Actor>, EventKind)>;

/// The spooler's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spooler {
    /// Jobs waiting, oldest first.
    pub queue: VecDeque<Job>,
    /// The job being run.
    pub current: Option<Running>,
    /// Faults per transport.
    pub faults: Vec<TransportFaults>,
    /// Messages already deferred once (the deferral fault fires once per message).
    pub deferred_once: BTreeSet<crate::session::MsgId>,
    /// The host's answer for the dialog now showing, overriding the scenario's.
    pub answer: Option<Answer>,
    next_id: u32,
}

impl Spooler {
    /// A spooler with the run's faults.
    pub fn new(faults: Vec<TransportFaults>) -> Self {
        Spooler { faults, ..Default::default() }
    }

    /// True while any job is queued or running.
    pub fn has_work(&self) -> bool {
        self.current.is_some() || !self.queue.is_empty()
    }

    /// True while a job started with FLUSH_ASYNC_OK is queued or running: a new
    /// spooler flush then gets MAPI_E_BUSY. Model choice: flushes requested on a
    /// transport's own status object do not make the spooler busy; they queue, which
    /// is what lets procedure B mix them with targeted spooler flushes.
    pub fn async_in_progress(&self) -> bool {
        self.current.as_ref().is_some_and(|r| r.job.origin == Origin::ClientAsync)
            || self.queue.iter().any(|j| j.origin == Origin::ClientAsync)
    }

    /// Queues a job and returns its id. Model choice: jobs run one at a time in
    /// arrival order, so a synchronous call waits for requests made before it. A transport request for a transport that
    /// already has one waiting merges into it (its status bits are already set).
    pub fn submit(&mut self, origin: Origin, flags: FlushFlags, targets: Vec<usize>, targeted: bool, ui: u32) -> JobId {
        if origin == Origin::TransportRequest {
            if let Some(j) =
                self.queue.iter_mut().find(|j| j.origin == Origin::TransportRequest && j.targets == targets)
            {
                j.flags |= flags;
                return j.id;
            }
        }
        let id = JobId(self.next_id);
        self.next_id += 1;
        self.queue.push_back(Job { id, origin, flags, targets, targeted, ui });
        id
    }

    /// The transport being flushed now, if any.
    pub fn active_transport(&self) -> Option<usize> {
        let r = self.current.as_ref()?;
        r.cursor.and_then(|c| r.job.targets.get(c).copied())
    }

    /// True when the current step waits for the user's answer.
    pub fn awaiting_answer(&self) -> Option<usize> {
        match self.current.as_ref()?.step {
            XpStep::AwaitAnswer => self.active_transport(),
            _ => None,
        }
    }

    /// The default answer for transport `t`'s dialog: from the scenario's faults.
    pub fn default_answer(&self, t: usize) -> Answer {
        if self.faults.get(t).is_some_and(|f| f.user_cancels) {
            Answer::Cancel
        } else {
            Answer::Connect
        }
    }
}

pub(crate) fn transport_actor(world: &crate::session::World, t: usize) -> Actor {
    Actor::Transport(world.transports[t].name.clone())
}

pub(crate) fn name(world: &crate::session::World, t: usize) -> crate::trace::Name {
    world.transports[t].name.clone()
}
