//! The session's world: status table rows, transports with their queues, the
//! messages, the inbox and the shared modem line.

mod handles;
mod table;

pub use handles::{Handle, HandleId, Handles, ObjectKind, Referent};
pub use table::{
    query_all_rows, status_string, PropValue, RelOp, RestrictValue, Restriction, RowSet, StatusRow, DEFAULT_COLUMNS,
};

use crate::mapi::{EntryId, ResourceMethods, ResourceType, StatusCode};
use crate::rng::Rng;
use crate::scenario::{Scenario, TransportKind};
use alloc::collections::VecDeque;
use alloc::string::String;
use alloc::vec::Vec;

/// A transport's name or a message's subject, shared: an event or a view costs
/// no allocation for them.
pub type Name = alloc::sync::Arc<str>;

/// Index of a message in the world's message arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MsgId(pub u32);

/// Which way a message travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// From the client to a remote system.
    Outgoing,
    /// From a remote system to the client's inbox.
    Incoming,
    /// A nondelivery report MAPI writes into the inbox for a message a transport
    /// could not deliver (`imapisupport-statusrecips#remarks`).
    Report,
}

/// A message: its subject and direction. Where it is lives in exactly one queue.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Subject, as given in the scenario.
    pub subject: Name,
    /// Which way it travels.
    pub direction: Direction,
}

/// A transport provider's state and queues.
#[derive(Clone, Debug, PartialEq)]
pub struct Transport {
    /// Display name.
    pub name: Name,
    /// LAN, modem or RAS.
    pub kind: TransportKind,
    /// Whether FLUSH_NO_UI suppresses its dialogs.
    pub honors_no_ui: bool,
    /// Whether it works on its own schedule (FLUSH_FORCE required).
    pub asynchronous: bool,
    /// Working offline: a flush moves nothing through it (set by the scenario or
    /// `ValidateState(FORCE_XP_DISCONNECT)`, cleared by `FORCE_XP_CONNECT`).
    pub offline: bool,
    /// Its row in the status table.
    pub row: usize,
    /// Messages the spooler will submit, in order.
    pub outbound: VecDeque<MsgId>,
    /// The message between SubmitMessage and EndMessage.
    pub in_transit: Option<MsgId>,
    /// Messages handed to the remote system.
    pub delivered: Vec<MsgId>,
    /// Messages the transport accepted but deferred.
    pub deferred: Vec<MsgId>,
    /// Messages that could not be sent (reported undeliverable).
    pub failed: Vec<MsgId>,
    /// Messages waiting for us on the remote system.
    pub remote: VecDeque<MsgId>,
    /// The message between StartMessage and SaveChanges.
    pub receiving: Option<MsgId>,
}

/// Everything the client and the spooler act on.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    /// The status table, in table order.
    pub rows: Vec<StatusRow>,
    /// Transports in transport order.
    pub transports: Vec<Transport>,
    /// Every message ever known (the arena; places are the queues).
    pub messages: Vec<Message>,
    /// Messages received into the client's inbox.
    pub inbox: Vec<MsgId>,
    /// The transport holding the shared modem line, if any.
    pub modem_line: Option<usize>,
}

/// Row index of the MAPI subsystem.
pub const SUBSYSTEM_ROW: usize = 0;
/// Row index of the MAPI spooler.
pub const SPOOLER_ROW: usize = 1;
/// Row index of the integrated address book.
pub const AB_ROW: usize = 2;

impl World {
    /// Builds the session for `scenario`: MAPI's three rows, one per transport, one per store.
    pub fn new(scenario: &Scenario, rng: &mut Rng) -> World {
        let mut rows: Vec<StatusRow> = Vec::new();
        let mut push_row = |rows: &mut Vec<StatusRow>, resource, name: &str, methods, status, dll, transport| {
            let row_id = rows.len() as u32 + 1;
            rows.push(StatusRow {
                resource,
                display_name: name.into(),
                entry_id: entry_id(rng, row_id),
                instance_key: EntryId(u32::to_le_bytes(row_id).to_vec()),
                methods,
                status,
                dll,
                row_id,
                transport,
            });
        };
        let validate = ResourceMethods::STATUS_VALIDATE_STATE;
        let available = StatusCode::STATUS_AVAILABLE;
        push_row(&mut rows, ResourceType::Subsystem, "MAPI Subsystem", validate, available, "MAPI32.DLL", None);
        push_row(
            &mut rows,
            ResourceType::Spooler,
            "MAPI Spooler",
            validate | ResourceMethods::STATUS_FLUSH_QUEUES,
            available,
            "MAPISP32.EXE",
            None,
        );
        push_row(&mut rows, ResourceType::AddressBook, "MAPI Address Book", validate, available, "MAPI32.DLL", None);

        let mut messages = Vec::new();
        let mut transports = Vec::new();
        for (i, spec) in scenario.transports.iter().enumerate() {
            let status = initial_status(spec);
            let dll = match spec.kind {
                TransportKind::Lan => "LANXP32.DLL",
                TransportKind::Modem => "MODEMXP32.DLL",
                TransportKind::Ras => "RASXP32.DLL",
            };
            let row = rows.len();
            // Every status object supports ValidateState (`imapistatus-validatestate#remarks`),
            // so a scenario's `methods` lists only what a transport adds to it.
            let methods = spec.methods | validate;
            push_row(&mut rows, ResourceType::TransportProvider, &spec.name, methods, status, dll, Some(i));
            let mut queue = |subjects: &[String], direction| -> VecDeque<MsgId> {
                subjects
                    .iter()
                    .map(|s| {
                        messages.push(Message { subject: s.as_str().into(), direction });
                        MsgId(messages.len() as u32 - 1)
                    })
                    .collect()
            };
            let outbound = queue(&spec.outbound, Direction::Outgoing);
            let remote = queue(&spec.remote, Direction::Incoming);
            transports.push(Transport {
                name: spec.name.as_str().into(),
                kind: spec.kind,
                honors_no_ui: spec.honors_no_ui,
                asynchronous: spec.asynchronous,
                offline: spec.offline,
                row,
                outbound,
                in_transit: None,
                delivered: Vec::new(),
                deferred: Vec::new(),
                failed: Vec::new(),
                remote,
                receiving: None,
            });
        }
        for store in &scenario.stores {
            push_row(&mut rows, ResourceType::StoreProvider, store, validate, available, "MSPST32.DLL", None);
        }
        World { rows, transports, messages, inbox: Vec::new(), modem_line: None }
    }

    /// The row whose PR_ENTRYID equals `id`.
    pub fn row_by_entry_id(&self, id: &EntryId) -> Option<usize> {
        self.rows.iter().position(|r| &r.entry_id == id)
    }

    /// A message's subject.
    pub fn subject(&self, m: MsgId) -> &str {
        &self.messages[m.0 as usize].subject
    }

    /// Writes the nondelivery report for message `m` into the inbox and returns it.
    /// Its subject is `Undeliverable: ` and the message's subject (model choice:
    /// Outlook's wording; the reference does not fix the report's subject).
    pub fn report_undeliverable(&mut self, m: MsgId) -> MsgId {
        let subject = alloc::format!("Undeliverable: {}", self.subject(m));
        self.messages.push(Message { subject: subject.as_str().into(), direction: Direction::Report });
        let report = MsgId(self.messages.len() as u32 - 1);
        self.inbox.push(report);
        report
    }

    /// PR_STATUS_CODE of `transport`.
    pub fn status_of(&self, transport: &Transport) -> StatusCode {
        self.rows[transport.row].status
    }

    /// PR_STATUS_CODE of transport `t`.
    pub fn status(&self, t: usize) -> StatusCode {
        self.rows[self.transports[t].row].status
    }

    /// Sets and clears bits of transport `t`'s PR_STATUS_CODE (`IMAPISupport::ModifyStatusRow`).
    pub fn modify_status(&mut self, t: usize, set: StatusCode, clear: StatusCode) -> StatusCode {
        let row = &mut self.rows[self.transports[t].row];
        row.status.remove(clear);
        row.status.insert(set);
        row.status
    }

    /// Every message id with the place it is in, one entry per queue slot.
    ///
    /// The invariant "each message is in exactly one place" is checked against this.
    pub fn places(&self) -> Vec<(MsgId, Place)> {
        let mut out = Vec::with_capacity(self.messages.len());
        for (i, t) in self.transports.iter().enumerate() {
            out.extend(t.outbound.iter().map(|&m| (m, Place::Outbound(i))));
            out.extend(t.in_transit.iter().map(|&m| (m, Place::InTransit(i))));
            out.extend(t.delivered.iter().map(|&m| (m, Place::Delivered(i))));
            out.extend(t.deferred.iter().map(|&m| (m, Place::Deferred(i))));
            out.extend(t.failed.iter().map(|&m| (m, Place::Failed(i))));
            out.extend(t.remote.iter().map(|&m| (m, Place::Remote(i))));
            out.extend(t.receiving.iter().map(|&m| (m, Place::Receiving(i))));
        }
        out.extend(self.inbox.iter().map(|&m| (m, Place::Inbox)));
        out
    }
}

/// Where a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In transport `t`'s outbound queue.
    Outbound(usize),
    /// Being submitted to transport `t`.
    InTransit(usize),
    /// Delivered to transport `t`'s remote system.
    Delivered(usize),
    /// Deferred by transport `t`.
    Deferred(usize),
    /// Undeliverable through transport `t`.
    Failed(usize),
    /// Waiting for us on transport `t`'s remote system.
    Remote(usize),
    /// Being received through transport `t`.
    Receiving(usize),
    /// In the client's inbox.
    Inbox,
}

/// A transport's PR_STATUS_CODE at logon: available (or, working offline,
/// STATUS_OFFLINE in its place), both directions enabled, remote access if it dials.
fn initial_status(spec: &crate::scenario::TransportSpec) -> StatusCode {
    let state = if spec.offline { StatusCode::STATUS_OFFLINE } else { StatusCode::STATUS_AVAILABLE };
    let mut status = state | StatusCode::STATUS_INBOUND_ENABLED | StatusCode::STATUS_OUTBOUND_ENABLED;
    if spec.kind.dials() {
        status |= StatusCode::STATUS_REMOTE_ACCESS;
    }
    status
}

/// A 24-byte entry id: flags, a provider UID drawn from the seed, the row id.
fn entry_id(rng: &mut Rng, row_id: u32) -> EntryId {
    let mut bytes = Vec::with_capacity(24);
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    bytes.extend_from_slice(&rng.next_u64().to_le_bytes());
    bytes.extend_from_slice(&rng.next_u64().to_le_bytes());
    bytes.extend_from_slice(&row_id.to_le_bytes());
    EntryId(bytes)
}
