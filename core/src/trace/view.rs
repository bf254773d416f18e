//! What a visualisation shows at one step, folded from the events alone.
//!
//! [`View::apply`] is a pure reducer over [`Event`]s, so a UI can keep views at
//! checkpoints and travel in time exactly by folding a few events, without
//! re-running the simulation. Views are cheap to clone whatever the scenario's
//! size: what never changes is shared, queues share their storage ([`Fifo`],
//! [`Log`]), and only small per-step state is copied. A property test checks
//! that the fold agrees with the machine's own state after every step.

use super::{Event, EventKind, Name, SubmitResult};
use crate::mapi::{ResourceMethods, ResourceType, StatusCode};
use crate::rng::Rng;
use crate::scenario::{Scenario, TransportId, TransportKind};
use crate::session::{HandleId, ObjectKind, World};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt;

/// An append-only sequence shared by the views of one run: a view holds only
/// its length. Pushing what the shared storage already holds at that position
/// (replaying the same run from a checkpoint) copies nothing; pushing something
/// else forks a private copy.
#[derive(Clone)]
pub struct Log<T: Copy + PartialEq> {
    data: Rc<RefCell<Vec<T>>>,
    len: usize,
}

impl<T: Copy + PartialEq> Log<T> {
    fn new() -> Self {
        Log { data: Rc::new(RefCell::new(Vec::new())), len: 0 }
    }

    fn push(&mut self, x: T) {
        let mut data = self.data.borrow_mut();
        if data.len() == self.len {
            data.push(x);
        } else if data[self.len] != x {
            let mut own: Vec<T> = data[..self.len].to_vec();
            own.push(x);
            drop(data);
            self.data = Rc::new(RefCell::new(own));
        }
        self.len += 1;
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len).map(move |i| self.data.borrow()[i])
    }
}

impl<T: Copy + PartialEq> PartialEq for Log<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Copy + PartialEq + fmt::Debug> fmt::Debug for Log<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A queue of message ids that is taken from the front: a shared base, how much
/// of it is gone, and a few ids put back in front. Cloning copies only those few.
#[derive(Clone)]
pub struct Fifo {
    base: Rc<[u32]>,
    head: usize,
    front: Vec<u32>,
}

impl Fifo {
    fn new(ids: Vec<u32>) -> Self {
        Fifo { base: ids.into(), head: 0, front: Vec::new() }
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.front.len() + self.base.len() - self.head
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The ids, front first.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.front.iter().copied().chain(self.base[self.head..].iter().copied())
    }

    /// Rebuilds the shared base from the current contents (rare edits).
    fn rebase(&mut self, ids: Vec<u32>) {
        *self = Fifo::new(ids);
    }

    /// Removes `id`; O(1) when it is at the front, as it nearly always is.
    fn remove(&mut self, id: u32) -> bool {
        if self.front.first() == Some(&id) {
            self.front.remove(0);
            return true;
        }
        if self.front.is_empty() && self.base.get(self.head) == Some(&id) {
            self.head += 1;
            return true;
        }
        let mut ids: Vec<u32> = self.iter().collect();
        match ids.iter().position(|&x| x == id) {
            Some(i) => {
                ids.remove(i);
                self.rebase(ids);
                true
            }
            None => false,
        }
    }

    /// Inserts `id` at position `at` (deferred messages go back near the front).
    fn insert(&mut self, at: usize, id: u32) {
        if at <= self.front.len() {
            self.front.insert(at, id);
        } else {
            let mut ids: Vec<u32> = self.iter().collect();
            ids.insert(at.min(ids.len()), id);
            self.rebase(ids);
        }
    }
}

impl PartialEq for Fifo {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Fifo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// What never changes about a status-table row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowInfo {
    /// `PR_DISPLAY_NAME`.
    pub name: String,
    /// `PR_RESOURCE_TYPE`.
    pub resource: ResourceType,
    /// `PR_RESOURCE_METHODS`.
    pub methods: ResourceMethods,
    /// `PR_ENTRYID`, shortened.
    pub entry_id: String,
    /// The transport this row belongs to.
    pub transport: Option<usize>,
}

/// What never changes about a transport.
#[derive(Clone, Debug, PartialEq)]
pub struct TransportInfo {
    /// Display name.
    pub name: Name,
    /// LAN, modem or RAS.
    pub kind: TransportKind,
    /// Whether it honours FLUSH_NO_UI.
    pub honors_no_ui: bool,
    /// Whether it is asynchronous.
    pub asynchronous: bool,
    /// Its status-table row.
    pub row: usize,
}

/// One transport's queues, as message ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Queues {
    /// Outbound queue, next to send first.
    pub outbound: Fifo,
    /// Delivered to the remote system.
    pub delivered: Log<u32>,
    /// Deferred by the transport.
    pub deferred: Vec<u32>,
    /// Reported undeliverable.
    pub failed: Log<u32>,
    /// Waiting for us on the remote system.
    pub remote: Fifo,
    /// Between SubmitMessage and EndMessage.
    pub in_transit: Option<u32>,
    /// Between StartMessage and SaveChanges.
    pub receiving: Option<u32>,
}

/// A handle the client holds or held.
#[derive(Clone, Debug, PartialEq)]
pub struct HandleView {
    /// Its id.
    pub id: HandleId,
    /// What kind of object it holds.
    pub object: ObjectKind,
    /// Line that created it.
    pub line: u32,
    /// Line that released it.
    pub released: Option<u32>,
}

/// A dialog on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PromptView {
    /// The dial-up transport showing its connection dialog.
    pub transport: TransportId,
}

/// Everything shown at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Events applied so far (0 before the first).
    pub step: u32,
    /// Simulated milliseconds at this step (0 before the first).
    pub time_ms: u64,
    /// Message subjects by message id.
    pub subjects: Rc<[Name]>,
    /// The status table's rows.
    pub rows: Rc<[RowInfo]>,
    /// `PR_STATUS_CODE` of each row.
    pub status: Vec<StatusCode>,
    /// Transports in transport order.
    pub transports: Rc<[TransportInfo]>,
    /// Each transport's queues.
    pub queues: Vec<Queues>,
    /// The client's inbox: message id and the transport it came through.
    pub inbox: Log<(u32, u32)>,
    /// Transport holding the modem line.
    pub modem_line: Option<usize>,
    /// Transport being flushed by the spooler.
    pub active: Option<usize>,
    /// A dialog waiting for the user.
    pub prompt: Option<PromptView>,
    /// The spooler's progress indicator, by its parent window (`ulUIParam`).
    pub progress: Option<u32>,
    /// Subjects of nondelivery reports, by message id past `subjects`.
    pub reports: Vec<Name>,
    /// Script line of the latest event (or of the call the client waits in).
    pub line: Option<u32>,
    /// Line of the synchronous FlushQueues the client waits in.
    pub blocked: Option<u32>,
    /// Status rows matched by the latest HrQueryAllRows.
    pub matched: Vec<usize>,
    /// Handles in creation order.
    pub handles: Vec<HandleView>,
    /// The run has ended.
    pub finished: bool,
    /// Number of dialogs shown so far (the next one's index).
    pub prompts_shown: usize,
    /// Transports of the spooler's current job, in the order it flushes them.
    pub job: Vec<usize>,
    deferred_reported: usize,
}

impl View {
    /// The view before the first event of `scenario`'s run, whether or not the
    /// scenario can run: a host draws the session of a scenario whose script or
    /// profile has errors from it.
    pub fn unstarted(scenario: &Scenario) -> View {
        View::initial(&World::new(scenario, &mut Rng::new(scenario.seed)))
    }

    /// The view before the first event.
    pub fn initial(world: &World) -> View {
        let ids = |q: &mut dyn Iterator<Item = &crate::session::MsgId>| -> Vec<u32> { q.map(|m| m.0).collect() };
        let log = |q: &[crate::session::MsgId]| {
            let mut l = Log::new();
            for m in q {
                l.push(m.0);
            }
            l
        };
        View {
            step: 0,
            time_ms: 0,
            subjects: world.messages.iter().map(|m| m.subject.clone()).collect(),
            rows: world
                .rows
                .iter()
                .map(|r| RowInfo {
                    name: r.display_name.clone(),
                    resource: r.resource,
                    methods: r.methods,
                    entry_id: r.entry_id.short(),
                    transport: r.transport,
                })
                .collect(),
            status: world.rows.iter().map(|r| r.status).collect(),
            transports: world
                .transports
                .iter()
                .map(|t| TransportInfo {
                    name: t.name.clone(),
                    kind: t.kind,
                    honors_no_ui: t.honors_no_ui,
                    asynchronous: t.asynchronous,
                    row: t.row,
                })
                .collect(),
            queues: world
                .transports
                .iter()
                .map(|t| Queues {
                    outbound: Fifo::new(ids(&mut t.outbound.iter())),
                    delivered: log(&t.delivered),
                    deferred: ids(&mut t.deferred.iter()),
                    failed: log(&t.failed),
                    remote: Fifo::new(ids(&mut t.remote.iter())),
                    in_transit: t.in_transit.map(|m| m.0),
                    receiving: t.receiving.map(|m| m.0),
                })
                .collect(),
            inbox: Log::new(),
            modem_line: world.modem_line,
            active: None,
            prompt: None,
            progress: None,
            reports: Vec::new(),
            line: None,
            blocked: None,
            matched: Vec::new(),
            handles: Vec::new(),
            finished: false,
            prompts_shown: 0,
            job: Vec::new(),
            deferred_reported: 0,
        }
    }

    /// The subject of message `id`.
    pub fn subject(&self, id: u32) -> &str {
        let id = id as usize;
        match self.subjects.get(id) {
            Some(s) => s,
            None => self.reports.get(id - self.subjects.len()).map_or("", |s| s),
        }
    }

    /// The index of the transport named `name`.
    pub fn transport_index(&self, name: &str) -> Option<usize> {
        self.transports.iter().position(|t| &*t.name == name)
    }

    fn open(&mut self, handle: HandleId, object: ObjectKind, line: Option<u32>) {
        self.handles.push(HandleView { id: handle, object, line: line.unwrap_or(0), released: None });
    }

    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        self.step = e.step;
        self.time_ms = e.time_ms;
        self.line = e.line.or(self.blocked);
        let t_of = |v: &View, name: &str| v.transport_index(name);
        match &e.kind {
            EventKind::GetStatusTable { handle, .. } => self.open(*handle, ObjectKind::StatusTable, e.line),
            EventKind::QueryAllRows { matched, handle, .. } => {
                self.matched =
                    self.rows.iter().enumerate().filter(|(_, r)| matched.contains(&r.name)).map(|(i, _)| i).collect();
                if let Some(h) = handle {
                    self.open(*h, ObjectKind::RowSet, e.line);
                }
            }
            EventKind::OpenEntry { opened: Some(_), handle: Some(h), .. } => {
                self.open(*h, ObjectKind::StatusObject, e.line)
            }
            EventKind::Release { handle, .. } | EventKind::FreeProws { handle, .. } => {
                if let Some(h) = self.handles.iter_mut().find(|h| h.id == *handle) {
                    h.released = e.line;
                }
            }
            EventKind::FlushCall { mode: super::FlushMode::Synchronous, .. } => self.blocked = e.line,
            EventKind::FlushReturn { .. } if self.blocked == e.line => self.blocked = None,
            EventKind::SpoolerBegin { transports, .. } => {
                self.active = None;
                self.job = transports.iter().filter_map(|n| self.transport_index(n)).collect();
            }
            EventKind::SpoolerEnd { .. } => self.job.clear(),
            EventKind::XpFlushQueues { transport, .. } | EventKind::LeftToSchedule { transport }
                if e.actor == super::Actor::Spooler =>
            {
                self.active = t_of(self, transport);
                self.deferred_reported = 0;
            }
            EventKind::TransportDone { .. } => self.active = None,
            EventKind::Prompt { transport, .. } => {
                self.prompts_shown += 1;
                self.prompt = t_of(self, transport).map(|t| PromptView { transport: TransportId::at(t) });
            }
            EventKind::PromptAnswer { .. } => self.prompt = None,
            EventKind::Progress { shown, parent } => self.progress = shown.then_some(*parent),
            EventKind::ModemLine { transport, acquired, .. } => {
                self.modem_line = if *acquired { t_of(self, transport) } else { None };
            }
            EventKind::Status { transport, now, .. }
            | EventKind::LinkDown { transport, now }
            | EventKind::StaysOffline { transport, now }
            | EventKind::SpoolerShutdown { transport, now } => {
                if let Some(t) = t_of(self, transport) {
                    let row = self.transports[t].row;
                    self.status[row] = *now;
                }
            }
            EventKind::DropsFlushBits { transport, bits } => {
                if let Some(t) = t_of(self, transport) {
                    let row = self.transports[t].row;
                    self.status[row].remove(*bits);
                }
            }
            EventKind::SentDeferred { .. }
            | EventKind::Submit { .. }
            | EventKind::StatusRecips { .. }
            | EventKind::EndMessage { .. }
            | EventKind::StartMessage { .. }
            | EventKind::SaveChanges { .. } => self.apply_to_queues(e),
            EventKind::RunEnd => {
                self.finished = true;
                self.line = None;
            }
            _ => {}
        }
    }

    /// Sets the status of the transport named `transport`; returns its index.
    fn set_now(&mut self, transport: &str, now: StatusCode) -> Option<usize> {
        let t = self.transport_index(transport)?;
        let row = self.transports[t].row;
        self.status[row] = now;
        Some(t)
    }

    /// A message moves between a transport's queues (or into the inbox).
    fn apply_to_queues(&mut self, e: &Event) {
        let t_of = |v: &View, name: &str| v.transport_index(name);
        match &e.kind {
            EventKind::SentDeferred { transport, msg, .. } => {
                if let Some(t) = t_of(self, transport) {
                    let q = &mut self.queues[t];
                    if let Some(i) = q.deferred.iter().position(|&m| m == *msg) {
                        q.deferred.remove(i);
                        q.outbound.insert(self.deferred_reported, *msg);
                        self.deferred_reported += 1;
                    }
                }
            }
            EventKind::Submit { transport, msg, now, .. } => {
                if let Some(t) = self.set_now(transport, *now) {
                    let q = &mut self.queues[t];
                    if q.outbound.remove(*msg) {
                        q.in_transit = Some(*msg);
                    }
                }
            }
            EventKind::StatusRecips { transport, report, report_subject, .. } => {
                if let Some(t) = t_of(self, transport) {
                    if *report as usize == self.subjects.len() + self.reports.len() {
                        self.reports.push(report_subject.clone());
                    }
                    self.inbox.push((*report, t as u32));
                }
            }
            EventKind::EndMessage { transport, msg, result, now, .. } => {
                if let Some(t) = self.set_now(transport, *now) {
                    let q = &mut self.queues[t];
                    if q.in_transit.take_if(|m| m == msg).is_some() {
                        match result {
                            SubmitResult::Delivered => q.delivered.push(*msg),
                            SubmitResult::Deferred => q.deferred.push(*msg),
                            SubmitResult::Undeliverable => q.failed.push(*msg),
                        }
                    }
                }
            }
            EventKind::StartMessage { transport, msg, now, .. } => {
                if let Some(t) = self.set_now(transport, *now) {
                    let q = &mut self.queues[t];
                    if let Some(m) = msg.filter(|m| q.remote.remove(*m)) {
                        q.receiving = Some(m);
                    }
                }
            }
            EventKind::SaveChanges { transport, msg, now, .. } => {
                if let Some(t) = self.set_now(transport, *now) {
                    if self.queues[t].receiving.take_if(|m| m == msg).is_some() {
                        self.inbox.push((*msg, t as u32));
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn fifo_takes_from_the_front_and_puts_back() {
        let mut q = Fifo::new(vec![1, 2, 3, 4]);
        assert!(q.remove(1) && q.remove(2));
        q.insert(0, 2);
        assert_eq!(q.iter().collect::<Vec<_>>(), [2, 3, 4]);
        assert!(q.remove(4), "from the middle or the back too");
        assert_eq!(q.iter().collect::<Vec<_>>(), [2, 3]);
        assert!(!q.remove(9));
        let copy = q.clone();
        q.remove(2);
        assert_eq!(copy.iter().collect::<Vec<_>>(), [2, 3], "clones are independent");
    }

    #[test]
    fn logs_share_storage_until_they_diverge() {
        let mut a: Log<u32> = Log::new();
        a.push(1);
        let checkpoint = a.clone();
        a.push(2);
        a.push(3);
        let mut replay = checkpoint.clone();
        replay.push(2);
        assert!(Rc::ptr_eq(&replay.data, &a.data), "the same future is not copied");
        assert_eq!(replay.iter().collect::<Vec<_>>(), [1, 2]);
        let mut fork = checkpoint;
        fork.push(7);
        assert!(!Rc::ptr_eq(&fork.data, &a.data));
        assert_eq!(fork.iter().collect::<Vec<_>>(), [1, 7]);
        assert_eq!(a.iter().collect::<Vec<_>>(), [1, 2, 3]);
    }
}
