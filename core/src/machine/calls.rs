//! The MAPI calls a script makes: session, table, status objects and MAPI's
//! utility functions, with the reference's HRESULTs.

use super::client::{rt, ClientState, Rt};
use super::errors::{Disposal, RuntimeError as E};
use super::value::Value;
use super::Machine;
use crate::diag::Span;
use crate::mapi::{constant, Constant, FlushFlags, HResult, PropTag, ResourceMethods, StatusCode};
use crate::script::ast::{Arg, BinOp, Expr};
use crate::session::{
    query_all_rows, HandleId, Referent, RelOp, RestrictValue, Restriction, DEFAULT_COLUMNS, SPOOLER_ROW,
};
use crate::spooler::Origin;
use crate::trace::{Actor, CallRecord, EventKind, FlushMode, FlushNote, StatusReason};
use alloc::string::String;
use alloc::vec::Vec;

impl Machine {
    /// The `object` name of a status row in call records: `spooler` or the row's name.
    pub(super) fn object_name(&self, row: usize) -> String {
        if row == SPOOLER_ROW {
            String::from("spooler")
        } else {
            self.world.rows[row].display_name.clone()
        }
    }

    pub(super) fn record(
        &mut self,
        line: u32,
        api: &'static str,
        object: String,
        flags: Option<FlushFlags>,
        target: Option<String>,
        hresult: HResult,
    ) -> usize {
        self.calls.push(CallRecord { line, api, object, flags, target, hresult });
        self.calls.len() - 1
    }

    fn actor_of_row(&self, row: usize) -> Actor {
        if row == SPOOLER_ROW {
            Actor::Spooler
        } else {
            Actor::Transport(self.world.rows[row].display_name.as_str().into())
        }
    }

    fn arg_name(args: &[Arg], i: usize) -> String {
        match args.get(i).map(|a| &a.value) {
            Some(Expr::Name(id)) => id.name.clone(),
            _ => String::from("?"),
        }
    }

    pub(super) fn call(&mut self, callee: &Expr, args: &[Arg], span: Span, line: u32) -> Rt<Value> {
        let positional: Vec<&Expr> = args.iter().filter(|a| a.name.is_none()).map(|a| &a.value).collect();
        let named = |n: &str| args.iter().find(|a| a.name.as_ref().is_some_and(|id| id.name == n)).map(|a| &a.value);
        match callee {
            Expr::Name(f) => match f.name.as_str() {
                "HrQueryAllRows" => {
                    let table = self.eval(positional[0], line)?;
                    let columns = match table {
                        Value::Handle(h) => match &self.handles.get(h).referent {
                            Referent::Table { columns } => {
                                let columns = columns.clone();
                                self.live(h, positional[0].span())?;
                                columns
                            }
                            _ => return rt(positional[0].span(), E::QueryNotTable),
                        },
                        other => return rt(positional[0].span(), E::QueryTableKind { found: other.kind() }),
                    };
                    let restriction = match positional.get(1) {
                        Some(r) => Some(self.restriction(r, line)?),
                        None => None,
                    };
                    let crows_max = match named("crowsMax") {
                        Some(e) => {
                            let v = self.eval(e, line)?;
                            let n = self.number(&v, e.span())?;
                            u32::try_from(n).or_else(|_| rt(e.span(), E::CrowsMax { value: n }))?
                        }
                        None => 0,
                    };
                    let result = query_all_rows(&self.world.rows, &columns, restriction.as_ref(), crows_max);
                    let (hr, matched, handle, value) = match result {
                        Ok(set) => {
                            let matched = set.source.iter().map(|&r| self.world.rows[r].display_name.clone()).collect();
                            let h = self.handles.open(Referent::Rows(set), line, String::new());
                            (HResult::Ok, matched, Some(h), Value::Handle(h))
                        }
                        Err(hr) => (hr, Vec::new(), None, Value::Failed { api: "HrQueryAllRows", hr, line }),
                    };
                    self.emit(
                        Actor::Client,
                        Some(Actor::Mapi),
                        Some(line),
                        EventKind::QueryAllRows { restriction, crows_max, hr, matched, handle },
                    );
                    self.record(line, "HrQueryAllRows", String::from("table"), None, None, hr);
                    Ok(value)
                }
                "Release" | "FreeProws" => {
                    let free = f.name == "FreeProws";
                    let v = self.eval(positional[0], line)?;
                    let var = Self::arg_name(args, 0);
                    let at = positional[0].span();
                    let h = match v {
                        Value::Handle(h) => h,
                        Value::Failed { api, hr, line: l } => {
                            let how = if free { Disposal::Freed } else { Disposal::Released };
                            return rt(at, E::NothingToFree { var, api, line: l, hr, how });
                        }
                        Value::Session => return rt(at, E::ReleaseSession),
                        other => return rt(at, E::ExpectsObject { func: f.name.clone(), found: other.kind() }),
                    };
                    let is_rows = matches!(self.handles.get(h).referent, Referent::Rows(_));
                    if free && !is_rows {
                        return rt(at, E::FreeObject { var });
                    }
                    if !free && is_rows {
                        return rt(at, E::ReleaseRows { var });
                    }
                    self.live(h, at)?;
                    let _ = self.handles.release(h, line);
                    let object = self.handle_object(h);
                    if free {
                        let rows = self.row_count(h);
                        self.emit(
                            Actor::Client,
                            Some(Actor::Mapi),
                            Some(line),
                            EventKind::FreeProws { var, rows, handle: h },
                        );
                    } else {
                        let what = self.handles.get(h).referent.kind();
                        self.emit(Actor::Client, None, Some(line), EventKind::Release { var, what, handle: h });
                    }
                    self.record(line, if free { "FreeProws" } else { "Release" }, object, None, None, HResult::Ok);
                    Ok(Value::HResult(HResult::Ok))
                }
                other => rt(f.span, E::NoFunction { name: String::from(other) }),
            },
            Expr::Member { object, member, .. } => {
                let receiver = self.eval(object, line)?;
                self.method(receiver, object, &member.name, &positional, span, line)
            }
            _ => rt(span, E::NotCallable),
        }
    }

    /// Names the object behind a handle for call records.
    fn handle_object(&self, h: HandleId) -> String {
        match self.handles.get(h).referent {
            Referent::Table { .. } | Referent::Rows(_) => String::from("table"),
            Referent::Status { row } => self.object_name(row),
        }
    }

    fn restriction(&mut self, e: &Expr, line: u32) -> Rt<Restriction> {
        let Expr::Binary { op, lhs, rhs, .. } = e else {
            return rt(e.span(), E::RestrictionShape);
        };
        let prop = match &**lhs {
            Expr::Name(id) => match constant(&id.name) {
                Some(Constant::Prop(p)) => p,
                _ => return rt(lhs.span(), E::RestrictionLeft),
            },
            _ => return rt(lhs.span(), E::RestrictionLeft),
        };
        let op = match op {
            BinOp::Eq => RelOp::Eq,
            BinOp::Ne => RelOp::Ne,
            BinOp::BitAnd => RelOp::BitmaskNez,
            BinOp::BitOr => return rt(e.span(), E::RestrictionOr),
        };
        let value = match self.eval(rhs, line)? {
            Value::Int(n) => {
                RestrictValue::Long(u32::try_from(n).or_else(|_| rt(rhs.span(), E::NotLong { value: n }))?)
            }
            Value::Str(s) if op != RelOp::BitmaskNez => RestrictValue::Str(s),
            other => return rt(rhs.span(), E::RestrictionValue { found: other.kind() }),
        };
        Ok(Restriction { prop, op, value })
    }

    fn method(
        &mut self,
        receiver: Value,
        object: &Expr,
        name: &str,
        args: &[&Expr],
        span: Span,
        line: u32,
    ) -> Rt<Value> {
        let var = String::from(self.source_of(object.span()));
        let at = object.span();
        match receiver {
            Value::Session => match name {
                "GetStatusTable" => {
                    let h =
                        self.handles.open(Referent::Table { columns: DEFAULT_COLUMNS.to_vec() }, line, String::new());
                    let rows = self.world.rows.iter().map(|r| r.display_name.clone()).collect();
                    self.emit(
                        Actor::Client,
                        Some(Actor::Session),
                        Some(line),
                        EventKind::GetStatusTable { hr: HResult::Ok, rows, handle: h },
                    );
                    self.record(line, "GetStatusTable", String::from("session"), None, None, HResult::Ok);
                    Ok(Value::Handle(h))
                }
                "OpenEntry" => {
                    let v = self.eval(args[0], line)?;
                    let (hr, row, entry) = match &v {
                        Value::Entry(e) => match self.world.row_by_entry_id(e) {
                            Some(r) => (HResult::Ok, Some(r), Some(e.clone())),
                            None => (HResult::InvalidEntryId, None, Some(e.clone())),
                        },
                        Value::Null => (HResult::InvalidParameter, None, None),
                        other => return rt(args[0].span(), E::OpenEntryArg { found: other.kind() }),
                    };
                    let opened = row.map(|r| self.world.rows[r].display_name.clone());
                    let handle = row.map(|row| self.handles.open(Referent::Status { row }, line, String::new()));
                    self.emit(
                        Actor::Client,
                        Some(Actor::Session),
                        Some(line),
                        EventKind::OpenEntry { entry, hr, opened, handle },
                    );
                    let object = row.map_or_else(|| String::from("session"), |r| self.object_name(r));
                    self.record(line, "OpenEntry", object, None, None, hr);
                    Ok(match handle {
                        Some(h) => Value::Handle(h),
                        None => Value::Failed { api: "OpenEntry", hr, line },
                    })
                }
                _ => rt(span, E::SessionMethod { method: String::from(name) }),
            },
            Value::Handle(h) => {
                self.live(h, at)?;
                match self.handles.get(h).referent.clone() {
                    Referent::Table { .. } => {
                        if name != "SetColumns" {
                            return rt(span, E::TableMethod { var, method: String::from(name) });
                        }
                        let mut columns = Vec::new();
                        for a in args {
                            let v = self.eval(a, line)?;
                            let tag = self.number(&v, a.span())?;
                            match u32::try_from(tag).ok().and_then(PropTag::from_tag) {
                                Some(t) => columns.push(t),
                                None => return rt(a.span(), E::NotColumn { tag }),
                            }
                        }
                        if let Referent::Table { columns: c } = &mut self.handles.get_mut(h).referent {
                            c.clone_from(&columns);
                        }
                        self.emit(
                            Actor::Client,
                            Some(Actor::Table),
                            Some(line),
                            EventKind::SetColumns { columns, hr: HResult::Ok },
                        );
                        self.record(line, "SetColumns", String::from("table"), None, None, HResult::Ok);
                        Ok(Value::HResult(HResult::Ok))
                    }
                    Referent::Status { row } => {
                        let bit = match name {
                            "ValidateState" => ResourceMethods::STATUS_VALIDATE_STATE,
                            "SettingsDialog" => ResourceMethods::STATUS_SETTINGS_DIALOG,
                            "ChangePassword" => ResourceMethods::STATUS_CHANGE_PASSWORD,
                            "FlushQueues" => return rt(span, E::FlushStatement),
                            _ => return rt(span, E::StatusMethod { var, method: String::from(name) }),
                        };
                        let hr =
                            if self.world.rows[row].methods.contains(bit) { HResult::Ok } else { HResult::NoSupport };
                        let object = self.object_name(row);
                        let method = match name {
                            "ValidateState" => "ValidateState",
                            "SettingsDialog" => "SettingsDialog",
                            _ => "ChangePassword",
                        };
                        let target = self.actor_of_row(row);
                        self.emit(
                            Actor::Client,
                            Some(target),
                            Some(line),
                            EventKind::StatusMethod { object: object.clone(), method, hr },
                        );
                        self.record(line, method, object, None, None, hr);
                        Ok(Value::HResult(hr))
                    }
                    Referent::Rows(_) => rt(span, E::RowsNoMethods { var }),
                }
            }
            Value::Failed { api, hr, line: l } => rt(at, E::HoldsNoObject { var, api, line: l, hr }),
            other => rt(at, E::NeedsObject { method: String::from(name), var, found: other.kind() }),
        }
    }

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
        let receiver = self.eval(object, line)?;
        let name = String::from(self.source_of(object.span()));
        let row = match receiver {
            Value::Handle(h) => {
                self.live(h, object.span())?;
                match self.handles.get(h).referent {
                    Referent::Status { row } => row,
                    _ => return rt(*span, E::NotStatus { var: name }),
                }
            }
            Value::Failed { api, hr, line: l } => {
                return rt(object.span(), E::HoldsNoObject { var: name, api, line: l, hr })
            }
            other => return rt(object.span(), E::FlushNeedsStatus { var: name, found: other.kind() }),
        };
        let flags_expr = args.iter().find(|a| a.name.is_none()).map(|a| &a.value);
        let Some(flags_expr) = flags_expr else {
            return rt(*span, E::FlushNoFlags);
        };
        let fv = self.eval(flags_expr, line)?;
        let raw = self.number(&fv, flags_expr.span())?;
        let flags = FlushFlags::from_bits_retain(
            u32::try_from(raw).or_else(|_| rt(flags_expr.span(), E::FlagsTooBig { value: raw }))?,
        );
        let target = match args.iter().find(|a| a.name.as_ref().is_some_and(|n| n.name == "target")) {
            Some(a) => Some(self.eval(&a.value, line)?),
            None => None,
        };
        let object = self.object_name(row);
        let callee_actor = self.actor_of_row(row);
        let target_row = match &target {
            Some(Value::Entry(e)) => self.world.row_by_entry_id(e),
            _ => None,
        };
        let target_transport = target_row.and_then(|r| self.world.rows[r].transport);
        let target_name = target_transport.map(|t| String::from(&*self.world.transports[t].name));

        // Checks every status object makes before doing anything.
        let refuse = if !self.world.rows[row].methods.contains(ResourceMethods::STATUS_FLUSH_QUEUES) {
            Some((HResult::NoSupport, FlushNote::NoFlushMethod))
        } else if flags.unknown_bits() != 0 {
            Some((HResult::UnknownFlags, FlushNote::UnknownFlags))
        } else if !flags.intersects(FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_DOWNLOAD) {
            Some((HResult::InvalidParameter, FlushNote::NoDirection))
        } else if row != SPOOLER_ROW && target.is_some() {
            Some((HResult::InvalidParameter, FlushNote::TargetOnTransport))
        } else if row == SPOOLER_ROW && matches!(target, Some(Value::Null)) {
            Some((HResult::InvalidParameter, FlushNote::TargetNull))
        } else if row == SPOOLER_ROW && target.is_some() && target_transport.is_none() {
            Some((HResult::InvalidEntryId, FlushNote::TargetNotTransport))
        } else if row == SPOOLER_ROW && self.spooler.async_in_progress() {
            Some((HResult::Busy, FlushNote::AsyncInProgress))
        } else {
            None
        };
        let target_label = target_name.clone().or_else(|| target.as_ref().map(|v| v.render()));
        if let Some((hr, why)) = refuse {
            self.emit(
                Actor::Client,
                Some(callee_actor.clone()),
                Some(line),
                EventKind::FlushCall {
                    object: object.clone(),
                    flags,
                    target: target_label,
                    mode: FlushMode::Refused,
                    note: None,
                },
            );
            self.emit(
                callee_actor,
                Some(Actor::Client),
                Some(line),
                EventKind::FlushReturn { object: object.clone(), hr, note: Some(why) },
            );
            self.record(line, "FlushQueues", object, Some(flags), target_name, hr);
            self.bind(var, Value::HResult(hr));
            return Ok(Some(()));
        }

        if row == SPOOLER_ROW {
            let asynchronous = flags.contains(FlushFlags::FLUSH_ASYNC_OK);
            let (origin, mode) = if asynchronous {
                (Origin::ClientAsync, FlushMode::Asynchronous)
            } else {
                (Origin::ClientSync, FlushMode::Synchronous)
            };
            let targets: Vec<usize> = match target_transport {
                Some(t) => alloc::vec![t],
                None => (0..self.world.transports.len()).collect(),
            };
            let job = self.spooler.submit(origin, flags, targets, target_transport.is_some());
            self.emit(
                Actor::Client,
                Some(Actor::Spooler),
                Some(line),
                EventKind::FlushCall { object: object.clone(), flags, target: target_label, mode, note: None },
            );
            let call = self.record(line, "FlushQueues", object.clone(), Some(flags), target_name, HResult::Ok);
            if asynchronous {
                self.emit(
                    Actor::Spooler,
                    Some(Actor::Client),
                    Some(line),
                    EventKind::FlushReturn { object, hr: HResult::Ok, note: Some(FlushNote::AsyncReturnsNow) },
                );
                self.bind(var, Value::HResult(HResult::Ok));
            } else {
                self.client.state = ClientState::Blocked { job, var: var.map(String::from), object, line, call };
            }
            return Ok(Some(()));
        }

        // A transport's own status object: set its status bits; the spooler flushes later.
        let t = self.world.rows[row].transport.expect("FlushQueues is only supported on the spooler and transports");
        let mut note = None;
        if flags.contains(FlushFlags::FLUSH_ASYNC_OK) {
            note = Some(FlushNote::AsyncIgnoredByTransport);
        }
        self.emit(
            Actor::Client,
            Some(callee_actor.clone()),
            Some(line),
            EventKind::FlushCall {
                object: object.clone(),
                flags,
                target: None,
                mode: FlushMode::TransportRequest,
                note,
            },
        );
        if self.world.transports[t].asynchronous && !flags.contains(FlushFlags::FLUSH_FORCE) {
            let transport = object.clone();
            self.emit(
                callee_actor.clone(),
                None,
                Some(line),
                EventKind::LeftToSchedule { transport: transport.into() },
            );
        } else {
            let mut bits = StatusCode::empty();
            if flags.contains(FlushFlags::FLUSH_UPLOAD) {
                bits |= StatusCode::STATUS_OUTBOUND_FLUSH;
            }
            if flags.contains(FlushFlags::FLUSH_DOWNLOAD) {
                bits |= StatusCode::STATUS_INBOUND_FLUSH;
            }
            let now = self.world.modify_status(t, bits, StatusCode::empty());
            self.emit(
                callee_actor.clone(),
                None,
                Some(line),
                EventKind::Status {
                    transport: object.as_str().into(),
                    set: bits,
                    cleared: StatusCode::empty(),
                    now,
                    why: StatusReason::OwnFlushQueues,
                },
            );
            self.spooler.submit(Origin::TransportRequest, flags, alloc::vec![t], true);
        }
        self.emit(
            callee_actor,
            Some(Actor::Client),
            Some(line),
            EventKind::FlushReturn { object: object.clone(), hr: HResult::Ok, note: None },
        );
        self.record(line, "FlushQueues", object, Some(flags), None, HResult::Ok);
        self.bind(var, Value::HResult(HResult::Ok));
        Ok(Some(()))
    }

    fn bind(&mut self, var: Option<&str>, v: Value) {
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
