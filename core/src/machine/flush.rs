//! `IMAPIStatus::FlushQueues` from the client's side: the checks every status
//! object makes, a flush on the spooler (synchronous or with FLUSH_ASYNC_OK), and
//! a flush on a transport's own status object, which only sets bits in its row.

use super::client::{rt, ClientState, Rt};
use super::value::Value;
use super::Machine;
use crate::diag::Span;
use crate::mapi::{FlushFlags, HResult, ResourceMethods, StatusCode};
use crate::script::ast::{Arg, Expr};
use crate::script::RuntimeError as E;
use crate::session::{Referent, SPOOLER_ROW};
use crate::spooler::{modify_status_row, Origin};
use crate::trace::{Actor, EventKind, FlushMode, FlushNote, StatusReason};
use alloc::string::String;
use alloc::vec::Vec;

/// A client's FlushQueues call with its arguments evaluated.
struct Call {
    /// The status row whose object is called.
    row: usize,
    /// `ulUIParam` (`ui:`), 0 when not given.
    ui: u32,
    /// `ulFlags`.
    flags: FlushFlags,
    /// `lpTargetTransport`'s value.
    target: Option<Value>,
    /// `lpTargetTransport` as the script writes it (`rows[0].PR_ENTRYID`).
    target_source: Option<String>,
    /// The transport `lpTargetTransport` names, if it names one.
    target_transport: Option<usize>,
    /// The script line.
    line: u32,
}

impl Machine {
    /// Runs `expr` if it is a `FlushQueues` call. Returns `Some(())` when it was one.
    pub(super) fn flush_statement(&mut self, expr: &Expr, var: Option<&str>, line: u32) -> Rt<Option<()>> {
        let Expr::Call { callee, args, span } = expr else {
            return Ok(None);
        };
        let Expr::Member { object, member, .. } = &**callee else {
            return Ok(None);
        };
        if member.name != "FlushQueues" {
            return Ok(None);
        }
        let row = self.flush_receiver(object, *span, line)?;
        let call = self.flush_arguments(row, args, *span, line)?;
        if let Some((hr, note)) = self.refusal(&call) {
            self.refuse(&call, var, hr, note);
        } else if row == SPOOLER_ROW {
            self.flush_spooler(&call, var);
        } else {
            self.flush_transport(&call, var);
        }
        Ok(Some(()))
    }

    /// The status row of the object FlushQueues is called on.
    fn flush_receiver(&mut self, object: &Expr, span: Span, line: u32) -> Rt<usize> {
        let receiver = self.eval(object, line)?;
        let name = String::from(self.source_of(object.span()));
        match receiver {
            Value::Handle(h) => {
                self.live(h, object.span())?;
                match self.handles.get(h).referent {
                    Referent::Status { row } => Ok(row),
                    _ => rt(span, E::NotStatus { var: name }),
                }
            }
            Value::Failed { api, hr, line: l } => rt(object.span(), E::HoldsNoObject { var: name, api, line: l, hr }),
            other => rt(object.span(), E::FlushNeedsStatus { var: name, found: other.kind() }),
        }
    }

    /// `ulFlags` (the positional argument), `lpTargetTransport` (`target:`) and
    /// `ulUIParam` (`ui:`).
    fn flush_arguments(&mut self, row: usize, args: &[Arg], span: Span, line: u32) -> Rt<Call> {
        let Some(flags_expr) = args.iter().find(|a| a.name.is_none()).map(|a| &a.value) else {
            return rt(span, E::FlushNoFlags);
        };
        let fv = self.eval(flags_expr, line)?;
        let raw = self.number(&fv, flags_expr.span())?;
        let bits = u32::try_from(raw).or_else(|_| rt(flags_expr.span(), E::FlagsTooBig { value: raw }))?;
        let flags = FlushFlags::from_bits_retain(bits);
        let ui = self.ui_argument(args, line)?;
        let target_arg = args.iter().find(|a| a.name.as_ref().is_some_and(|n| n.name == "target"));
        let target = match target_arg {
            Some(a) => Some(self.eval(&a.value, line)?),
            None => None,
        };
        let target_source = target_arg.map(|a| String::from(self.source_of(a.value.span())));
        let target_row = match &target {
            Some(Value::Entry(e)) => self.world.row_by_entry_id(e),
            _ => None,
        };
        let target_transport = target_row.and_then(|r| self.world.rows[r].transport);
        Ok(Call { row, ui, flags, target, target_source, target_transport, line })
    }

    /// The checks every status object makes before doing anything
    /// (`imapistatus-flushqueues#return-value`): why the call fails, if it does.
    fn refusal(&self, call: &Call) -> Option<(HResult, FlushNote)> {
        let on_spooler = call.row == SPOOLER_ROW;
        if !self.world.rows[call.row].methods.contains(ResourceMethods::STATUS_FLUSH_QUEUES) {
            Some((HResult::NoSupport, FlushNote::NoFlushMethod))
        } else if call.flags.unknown_bits() != 0 {
            Some((HResult::UnknownFlags, FlushNote::UnknownFlags))
        } else if !call.flags.intersects(FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_DOWNLOAD) {
            Some((HResult::InvalidParameter, FlushNote::NoDirection))
        } else if !on_spooler && call.target.is_some() {
            Some((HResult::InvalidParameter, FlushNote::TargetOnTransport))
        } else if on_spooler && matches!(call.target, Some(Value::Null)) {
            Some((HResult::InvalidParameter, FlushNote::TargetNull))
        } else if on_spooler && call.target.is_some() && call.target_transport.is_none() {
            Some((HResult::InvalidEntryId, FlushNote::TargetNotTransport))
        } else if on_spooler && self.spooler.async_in_progress() {
            Some((HResult::Busy, FlushNote::AsyncInProgress))
        } else {
            None
        }
    }

    /// The target as the trace names it: the transport (`name`), or the argument
    /// as the script writes it (code, in no language).
    fn target_label(call: &Call, name: &Option<String>) -> Option<String> {
        name.clone().or_else(|| call.target_source.clone())
    }

    /// The name of the transport `lpTargetTransport` names.
    fn target_name(&self, call: &Call) -> Option<String> {
        call.target_transport.map(|t| String::from(&*self.world.transports[t].name))
    }

    /// The call fails at once with `hr`.
    fn refuse(&mut self, call: &Call, var: Option<&str>, hr: HResult, note: FlushNote) {
        let (object, callee, line, flags) =
            (self.object_name(call.row), self.actor_of_row(call.row), call.line, call.flags);
        let target_name = self.target_name(call);
        let target = Self::target_label(call, &target_name);
        let mode = FlushMode::Refused;
        let start = EventKind::FlushCall { object: object.clone(), ui: call.ui, flags, target, mode, note: None };
        self.emit(Actor::Client, Some(callee.clone()), Some(line), start);
        let back = EventKind::FlushReturn { object: object.clone(), hr, note: Some(note) };
        self.emit(callee, Some(Actor::Client), Some(line), back);
        self.record(line, "FlushQueues", object, Some(flags), target_name, hr);
        self.bind(var, Value::HResult(hr));
    }

    /// FlushQueues on the spooler: a job over every transport (or the target); the
    /// client waits for it unless FLUSH_ASYNC_OK lets the call return at once.
    fn flush_spooler(&mut self, call: &Call, var: Option<&str>) {
        let (object, line, flags) = (self.object_name(call.row), call.line, call.flags);
        let asynchronous = flags.contains(FlushFlags::FLUSH_ASYNC_OK);
        let (origin, mode) = if asynchronous {
            (Origin::ClientAsync, FlushMode::Asynchronous)
        } else {
            (Origin::ClientSync, FlushMode::Synchronous)
        };
        let targets: Vec<usize> = match call.target_transport {
            Some(t) => alloc::vec![t],
            None => (0..self.world.transports.len()).collect(),
        };
        let job = self.spooler.submit(origin, flags, targets, call.target_transport.is_some(), call.ui);
        let target_name = self.target_name(call);
        let target = Self::target_label(call, &target_name);
        let start = EventKind::FlushCall { object: object.clone(), ui: call.ui, flags, target, mode, note: None };
        self.emit(Actor::Client, Some(Actor::Spooler), Some(line), start);
        let record = self.record(line, "FlushQueues", object.clone(), Some(flags), target_name, HResult::Ok);
        if asynchronous {
            let back = EventKind::FlushReturn { object, hr: HResult::Ok, note: Some(FlushNote::AsyncReturnsNow) };
            self.emit(Actor::Spooler, Some(Actor::Client), Some(line), back);
            self.bind(var, Value::HResult(HResult::Ok));
        } else {
            self.client.state = ClientState::Blocked { job, var: var.map(String::from), object, line, call: record };
        }
    }

    /// FlushQueues on a transport's own status object: it sets bits in its status
    /// row, and the spooler runs the flush later, at its convenience.
    fn flush_transport(&mut self, call: &Call, var: Option<&str>) {
        let (object, callee, line, flags) =
            (self.object_name(call.row), self.actor_of_row(call.row), call.line, call.flags);
        let t =
            self.world.rows[call.row].transport.expect("FlushQueues is only supported on the spooler and transports");
        let note = flags.contains(FlushFlags::FLUSH_ASYNC_OK).then_some(FlushNote::AsyncIgnoredByTransport);
        let mode = FlushMode::TransportRequest;
        let start = EventKind::FlushCall { object: object.clone(), ui: call.ui, flags, target: None, mode, note };
        self.emit(Actor::Client, Some(callee.clone()), Some(line), start);
        if self.world.transports[t].asynchronous && !flags.contains(FlushFlags::FLUSH_FORCE) {
            let left = EventKind::LeftToSchedule { transport: object.as_str().into() };
            self.emit(callee.clone(), None, Some(line), left);
        } else {
            // The bit of the phase that runs first: STATUS_INBOUND_FLUSH belongs to
            // step 9, after the outbound phase (`implementing-the-flushqueues-method`).
            let bits = if flags.contains(FlushFlags::FLUSH_UPLOAD) {
                StatusCode::STATUS_OUTBOUND_FLUSH
            } else {
                StatusCode::STATUS_INBOUND_FLUSH
            };
            let status = modify_status_row(&mut self.world, t, bits, StatusCode::empty(), StatusReason::OwnFlushQueues);
            self.emit(callee.clone(), None, Some(line), status);
            self.spooler.submit(Origin::TransportRequest, flags, alloc::vec![t], true, call.ui);
        }
        let back = EventKind::FlushReturn { object: object.clone(), hr: HResult::Ok, note: None };
        self.emit(callee, Some(Actor::Client), Some(line), back);
        self.record(line, "FlushQueues", object, Some(flags), None, HResult::Ok);
        self.bind(var, Value::HResult(HResult::Ok));
    }

    /// `ulUIParam`: the `ui:` argument, 0 when left out.
    pub(super) fn ui_argument(&mut self, args: &[Arg], line: u32) -> Rt<u32> {
        let Some(a) = args.iter().find(|a| a.name.as_ref().is_some_and(|n| n.name == "ui")) else {
            return Ok(0);
        };
        let v = self.eval(&a.value, line)?;
        let raw = self.number(&v, a.value.span())?;
        u32::try_from(raw).or_else(|_| rt(a.value.span(), E::FlagsTooBig { value: raw }))
    }

    pub(super) fn bind(&mut self, var: Option<&str>, v: Value) {
        if let Some(var) = var {
            self.client.vars.insert(String::from(var), v);
        }
    }

    /// The synchronous flush the client waits for has ended.
    pub(super) fn resume_client(&mut self, hr: HResult) {
        let ClientState::Blocked { var, object, line, call, .. } = core::mem::take(&mut self.client.state) else {
            return;
        };
        let actor = if object == "spooler" { Actor::Spooler } else { Actor::Transport(object.as_str().into()) };
        self.emit(actor, Some(Actor::Client), Some(line), EventKind::FlushReturn { object, hr, note: None });
        self.calls[call].hresult = hr;
        self.bind(var.as_deref(), Value::HResult(hr));
    }
}
