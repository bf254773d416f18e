//! What a visualisation shows at one step, folded from the events alone.
//!
//! [`View::apply`] is a pure reducer over [`Event`]s, so a UI can keep one `View`
//! per step (or checkpoints) and travel in time exactly, without re-running the
//! simulation. A property test checks that the fold agrees with the machine's own
//! state after every step.

use super::{Event, EventKind, PromptStyle, SubmitResult};
use crate::mapi::{ResourceMethods, ResourceType, StatusCode};
use crate::scenario::TransportKind;
use crate::session::{HandleId, World};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// One status-table row as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    /// `PR_DISPLAY_NAME`.
    pub name: String,
    /// `PR_RESOURCE_TYPE`.
    pub resource: ResourceType,
    /// `PR_RESOURCE_METHODS`.
    pub methods: ResourceMethods,
    /// `PR_STATUS_CODE`.
    pub status: StatusCode,
    /// `PR_ENTRYID`, shortened.
    pub entry_id: String,
    /// The transport this row belongs to.
    pub transport: Option<usize>,
}

/// One transport's queues as shown, by subject.
#[derive(Clone, Debug, PartialEq)]
pub struct TransportView {
    /// Display name.
    pub name: String,
    /// LAN, modem or RAS.
    pub kind: TransportKind,
    /// Whether it honours FLUSH_NO_UI.
    pub honors_no_ui: bool,
    /// Whether it is asynchronous.
    pub asynchronous: bool,
    /// Its status-table row.
    pub row: usize,
    /// Outbound queue.
    pub outbound: Vec<String>,
    /// Delivered to the remote system.
    pub delivered: Vec<String>,
    /// Deferred by the transport.
    pub deferred: Vec<String>,
    /// Reported undeliverable.
    pub failed: Vec<String>,
    /// Waiting for us on the remote system.
    pub remote: Vec<String>,
}

/// A handle the client holds or held.
#[derive(Clone, Debug, PartialEq)]
pub struct HandleView {
    /// Its id.
    pub id: HandleId,
    /// "status table", "row set (2 rows)", "status object of Dial-up".
    pub what: String,
    /// Line that created it.
    pub line: u32,
    /// Line that released it.
    pub released: Option<u32>,
}

/// A dialog on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PromptView {
    /// The transport showing it.
    pub transport: usize,
    /// Dial-up or progress.
    pub style: PromptStyle,
}

/// Everything shown at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Events applied so far (0 before the first).
    pub step: u32,
    /// The status table.
    pub rows: Vec<RowView>,
    /// Transports in transport order.
    pub transports: Vec<TransportView>,
    /// The client's inbox.
    pub inbox: Vec<String>,
    /// The transport each inbox message came through, parallel to `inbox`.
    pub inbox_via: Vec<usize>,
    /// Transport holding the modem line.
    pub modem_line: Option<usize>,
    /// Transport being flushed by the spooler.
    pub active: Option<usize>,
    /// A dialog waiting for the user.
    pub prompt: Option<PromptView>,
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
    /// The view before the first event.
    pub fn initial(world: &World) -> View {
        let subjects = |ids: &mut dyn Iterator<Item = &crate::session::MsgId>| -> Vec<String> {
            ids.map(|&m| String::from(world.subject(m))).collect()
        };
        View {
            step: 0,
            rows: world
                .rows
                .iter()
                .map(|r| RowView {
                    name: r.display_name.clone(),
                    resource: r.resource,
                    methods: r.methods,
                    status: r.status,
                    entry_id: r.entry_id.short(),
                    transport: r.transport,
                })
                .collect(),
            transports: world
                .transports
                .iter()
                .map(|t| TransportView {
                    name: t.name.clone(),
                    kind: t.kind,
                    honors_no_ui: t.honors_no_ui,
                    asynchronous: t.asynchronous,
                    row: t.row,
                    outbound: subjects(&mut t.outbound.iter()),
                    delivered: subjects(&mut t.delivered.iter()),
                    deferred: subjects(&mut t.deferred.iter()),
                    failed: subjects(&mut t.failed.iter()),
                    remote: subjects(&mut t.remote.iter()),
                })
                .collect(),
            inbox: subjects(&mut world.inbox.iter()),
            inbox_via: Vec::new(),
            modem_line: world.modem_line,
            active: None,
            prompt: None,
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

    /// The index of the transport named `name`.
    pub fn transport_index(&self, name: &str) -> Option<usize> {
        self.transports.iter().position(|t| t.name == name)
    }

    fn take(queue: &mut Vec<String>, subject: &str) -> bool {
        match queue.iter().position(|s| s == subject) {
            Some(i) => {
                queue.remove(i);
                true
            }
            None => false,
        }
    }

    fn open(&mut self, handle: HandleId, what: String, line: Option<u32>) {
        self.handles.push(HandleView { id: handle, what, line: line.unwrap_or(0), released: None });
    }

    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        self.step = e.step;
        self.line = e.line.or(self.blocked);
        let t_of = |v: &View, name: &str| v.transport_index(name);
        match &e.kind {
            EventKind::GetStatusTable { handle, .. } => self.open(*handle, String::from("status table"), e.line),
            EventKind::QueryAllRows { matched, handle, .. } => {
                self.matched =
                    self.rows.iter().enumerate().filter(|(_, r)| matched.contains(&r.name)).map(|(i, _)| i).collect();
                if let Some(h) = handle {
                    let noun = if matched.len() == 1 { "row" } else { "rows" };
                    self.open(*h, format!("row set ({} {noun})", matched.len()), e.line);
                }
            }
            EventKind::OpenEntry { opened: Some(name), handle: Some(h), .. } => {
                self.open(*h, format!("status object of {name}"), e.line)
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
            EventKind::Prompt { transport, style, .. } => {
                self.prompts_shown += 1;
                self.prompt = t_of(self, transport).map(|t| PromptView { transport: t, style: *style });
            }
            EventKind::PromptAnswer { .. } => self.prompt = None,
            EventKind::ModemLine { transport, acquired } => {
                self.modem_line = if *acquired { t_of(self, transport) } else { None };
            }
            EventKind::Status { transport, now, .. } | EventKind::LinkDown { transport, now } => {
                if let Some(t) = t_of(self, transport) {
                    let row = self.transports[t].row;
                    self.rows[row].status = *now;
                }
            }
            EventKind::DropsFlushBits { transport, bits } => {
                if let Some(t) = t_of(self, transport) {
                    let row = self.transports[t].row;
                    self.rows[row].status.remove(*bits);
                }
            }
            EventKind::SentDeferred { transport, subject } => {
                if let Some(t) = t_of(self, transport) {
                    let at = self.deferred_reported;
                    let xp = &mut self.transports[t];
                    if Self::take(&mut xp.deferred, subject) {
                        xp.outbound.insert(at.min(xp.outbound.len()), subject.clone());
                        self.deferred_reported += 1;
                    }
                }
            }
            EventKind::Submit { transport, subject, result, .. } => {
                if let Some(t) = t_of(self, transport) {
                    let xp = &mut self.transports[t];
                    if Self::take(&mut xp.outbound, subject) {
                        match result {
                            SubmitResult::Delivered => xp.delivered.push(subject.clone()),
                            SubmitResult::Deferred => xp.deferred.push(subject.clone()),
                            SubmitResult::Failed(_) => xp.failed.push(subject.clone()),
                        }
                    }
                }
            }
            EventKind::StartMessage { transport, subject, .. } => {
                if let Some(t) = t_of(self, transport) {
                    if Self::take(&mut self.transports[t].remote, subject) {
                        self.inbox.push(subject.clone());
                        self.inbox_via.push(t);
                    }
                }
            }
            EventKind::RunEnd => {
                self.finished = true;
                self.line = None;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_removes_the_first_match_only() {
        let mut q = alloc::vec![String::from("a"), String::from("b"), String::from("a")];
        assert!(View::take(&mut q, "a"));
        assert_eq!(q, ["b", "a"]);
        assert!(!View::take(&mut q, "z"));
    }
}
