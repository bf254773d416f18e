//! `IMAPIStatus::ValidateState` from the client's side: what each status object
//! does (`imapistatus-validatestate#remarks`), and on a transport the flags the
//! notes to implementers describe (`#notes-to-implementers`).

use super::calls::MethodCall;
use super::client::{rt, Rt};
use super::value::Value;
use super::Machine;
use crate::mapi::{FlushFlags, HResult, ResourceType, StatusCode, ValidateFlags};
use crate::script::RuntimeError as E;
use crate::spooler::{modify_status_row, Origin};
use crate::trace::{Actor, EventKind, StatusReason, ValidateNote, Validation};
use alloc::string::String;

impl Machine {
    /// `obj.ValidateState(flags, ui: n)`; no flags means 0.
    pub(super) fn validate_state(&mut self, row: usize, call: &MethodCall<'_>) -> Rt<Value> {
        let flags = match call.positional.first() {
            Some(e) => {
                let v = self.eval(e, call.line)?;
                let raw = self.number(&v, e.span())?;
                let bits = u32::try_from(raw).or_else(|_| rt(e.span(), E::FlagsTooBig { value: raw }))?;
                ValidateFlags::from_bits_retain(bits)
            }
            None => ValidateFlags::empty(),
        };
        let ui = self.ui_argument(call.args, call.line)?;
        let (object, callee, line) = (self.object_name(row), self.actor_of_row(row), call.line);
        let start = EventKind::ValidateCall { object: object.clone(), ui, flags };
        self.emit(Actor::Client, Some(callee.clone()), Some(line), start);
        let note = self.validate_refusal(row, flags);
        let hr = match note {
            Some(ValidateNote::Busy) => HResult::Busy,
            Some(ValidateNote::UnknownFlags) => HResult::UnknownFlags,
            None => {
                self.validate_row(row, flags, ui, line);
                HResult::Ok
            }
        };
        let back = EventKind::ValidateReturn { object: object.clone(), hr, note };
        self.emit(callee, Some(Actor::Client), Some(line), back);
        self.record_validate(line, object, flags, hr);
        Ok(Value::HResult(hr))
    }

    /// Why the call fails before doing anything, if it does: an undefined flag is
    /// MAPI_E_UNKNOWN_FLAGS (`#notes-to-implementers`; the return list omits it);
    /// MAPI_E_BUSY while the spooler has a flush to run (on the spooler) or flushes this
    /// transport (on a transport), as `#return-value` allows.
    fn validate_refusal(&self, row: usize, flags: ValidateFlags) -> Option<ValidateNote> {
        if flags.unknown_bits() != 0 {
            return Some(ValidateNote::UnknownFlags);
        }
        let busy = match (self.world.rows[row].resource, self.world.rows[row].transport) {
            (ResourceType::Spooler, _) => self.spooler.has_work(),
            (_, Some(t)) => self.spooler.active_transport() == Some(t),
            _ => false,
        };
        busy.then_some(ValidateNote::Busy)
    }

    /// What the object does, per the reference's table.
    fn validate_row(&mut self, row: usize, flags: ValidateFlags, ui: u32, line: u32) {
        let object = self.object_name(row);
        let me = self.actor_of_row(row);
        let what = match (self.world.rows[row].resource, self.world.rows[row].transport) {
            (_, Some(t)) => return self.validate_transport(t, flags, ui, line),
            (ResourceType::Spooler, _) => return self.log_on_again(line),
            (ResourceType::Subsystem, _) => Validation::Subsystem,
            (ResourceType::AddressBook, _) => Validation::AddressBook,
            _ => Validation::Store,
        };
        self.emit(me, None, Some(line), EventKind::Validated { object, what });
    }

    /// The spooler logs on every transport again, in transport order.
    fn log_on_again(&mut self, line: u32) {
        for t in 0..self.world.transports.len() {
            let transport = self.world.transports[t].name.clone();
            let callee = Actor::Transport(transport.clone());
            self.emit(Actor::Spooler, Some(callee), Some(line), EventKind::XpLogon { transport });
        }
    }

    /// A transport acts on the flags, in the order the notes to implementers list them.
    fn validate_transport(&mut self, t: usize, flags: ValidateFlags, ui: u32, line: u32) {
        let name = self.world.transports[t].name.clone();
        let me = Actor::Transport(name.clone());
        if flags.contains(ValidateFlags::ABORT_XP_HEADER_OPERATION) {
            let clear = StatusCode::STATUS_INBOUND_ENABLED
                | StatusCode::STATUS_INBOUND_ACTIVE
                | StatusCode::STATUS_AVAILABLE
                | StatusCode::STATUS_FAILURE;
            self.world.transports[t].offline = true;
            self.status_change(t, StatusCode::STATUS_OFFLINE, clear, StatusReason::HeadersAborted, line);
        }
        if flags.contains(ValidateFlags::CONFIG_CHANGED) {
            let event = EventKind::ConfigChanged { transport: name.clone() };
            self.emit(me.clone(), Some(Actor::Spooler), Some(line), event);
        }
        if flags.contains(ValidateFlags::FORCE_XP_DISCONNECT) {
            self.world.transports[t].offline = true;
            let clear = StatusCode::STATUS_AVAILABLE | StatusCode::STATUS_FAILURE;
            self.status_change(t, StatusCode::STATUS_OFFLINE, clear, StatusReason::Disconnected, line);
        } else if flags.contains(ValidateFlags::FORCE_XP_CONNECT) {
            self.force_connect(t, flags, ui, line);
        }
        let header = ValidateFlags::REFRESH_XP_HEADER_CACHE | ValidateFlags::PROCESS_XP_HEADER_CACHE;
        for (bits, what) in
            [(header, Validation::NoHeaderCache), (ValidateFlags::SHOW_XP_SESSION_UI, Validation::NoSessionUi)]
        {
            if flags.intersects(bits) {
                self.emit(me.clone(), None, Some(line), EventKind::Validated { object: String::from(&*name), what });
            }
        }
    }

    /// FORCE_XP_CONNECT: back online (inbound enabled again), STATUS_OUTBOUND_FLUSH
    /// set so the spooler flushes the transport (which connects then, inside
    /// FlushQueues), both ways. SUPPRESS_UI becomes the flush's FLUSH_NO_UI and
    /// `ui` its ulUIParam (model choice).
    fn force_connect(&mut self, t: usize, flags: ValidateFlags, ui: u32, line: u32) {
        self.world.transports[t].offline = false;
        // Inbound enabled again only if an abort had disabled it.
        let enable = StatusCode::STATUS_INBOUND_ENABLED - self.world.status(t);
        let set = StatusCode::STATUS_AVAILABLE | enable | StatusCode::STATUS_OUTBOUND_FLUSH;
        let clear = StatusCode::STATUS_OFFLINE | StatusCode::STATUS_FAILURE;
        self.status_change(t, set, clear, StatusReason::ConnectRequested, line);
        let mut flush = FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_DOWNLOAD;
        if flags.contains(ValidateFlags::SUPPRESS_UI) {
            flush |= FlushFlags::FLUSH_NO_UI;
        }
        self.spooler.submit(Origin::ConnectRequest, flush, alloc::vec![t], true, ui);
    }

    /// `ModifyStatusRow` on transport `t`, shown as the transport's step.
    fn status_change(&mut self, t: usize, set: StatusCode, clear: StatusCode, why: StatusReason, line: u32) {
        let event = modify_status_row(&mut self.world, t, set, clear, why);
        let me = Actor::Transport(self.world.transports[t].name.clone());
        self.emit(me, None, Some(line), event);
    }
}
