//! The MAPI calls a script makes: session, table, status objects and MAPI's
//! utility functions, with the reference's HRESULTs.

use super::client::{rt, Rt};
use super::value::Value;
use super::Machine;
use crate::diag::Span;
use crate::mapi::{constant, Constant, FlushFlags, HResult, PropTag, StatusMethod};
use crate::script::ast::{Arg, BinOp, Expr, Ident};
use crate::script::{Disposal, RuntimeError as E};
use crate::session::{
    query_all_rows, HandleId, Referent, RelOp, RestrictValue, Restriction, DEFAULT_COLUMNS, SPOOLER_ROW,
};
use crate::trace::{Actor, CallRecord, EventKind};
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
        self.calls.push(CallRecord { line, api, object, flags, validate: None, target, hresult });
        self.calls.len() - 1
    }

    /// Records a ValidateState call with its flags.
    pub(super) fn record_validate(
        &mut self,
        line: u32,
        object: String,
        flags: crate::mapi::ValidateFlags,
        hr: HResult,
    ) {
        let api = "ValidateState";
        let record = CallRecord { line, api, object, flags: None, validate: Some(flags), target: None, hresult: hr };
        self.calls.push(record);
    }

    pub(super) fn actor_of_row(&self, row: usize) -> Actor {
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
        match callee {
            Expr::Name(f) => match f.name.as_str() {
                "HrQueryAllRows" => self.query_all_rows(&positional, args, line),
                "Release" => self.let_go(f, Disposal::Released, positional[0], args, line),
                "FreeProws" => self.let_go(f, Disposal::Freed, positional[0], args, line),
                other => rt(f.span, E::NoFunction { name: String::from(other) }),
            },
            Expr::Member { object, member, .. } => {
                let receiver = self.eval(object, line)?;
                let call = MethodCall { name: &member.name, positional: &positional, args, span, line };
                self.method(receiver, object, call)
            }
            _ => rt(span, E::NotCallable),
        }
    }

    /// `HrQueryAllRows(table, restriction, crowsMax: n)`.
    fn query_all_rows(&mut self, positional: &[&Expr], args: &[Arg], line: u32) -> Rt<Value> {
        let named = |n: &str| args.iter().find(|a| a.name.as_ref().is_some_and(|id| id.name == n)).map(|a| &a.value);
        let columns = self.table_columns(positional[0], line)?;
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
        // `spropertyrestriction#remarks` leaves a restriction on a property a row
        // lacks undefined. Model choice: such a row does not match; the event
        // counts them so the trace can say so.
        let lacking =
            restriction.as_ref().map_or(0, |r| self.world.rows.iter().filter(|row| row.get(r.prop).is_none()).count());
        let event = EventKind::QueryAllRows { restriction, crows_max, hr, matched, handle, lacking };
        self.emit(Actor::Client, Some(Actor::Mapi), Some(line), event);
        self.record(line, "HrQueryAllRows", String::from("table"), None, None, hr);
        Ok(value)
    }

    /// The columns of the live table `table` evaluates to.
    fn table_columns(&mut self, table: &Expr, line: u32) -> Rt<Vec<PropTag>> {
        match self.eval(table, line)? {
            Value::Handle(h) => match &self.handles.get(h).referent {
                Referent::Table { columns } => {
                    let columns = columns.clone();
                    self.live(h, table.span())?;
                    Ok(columns)
                }
                _ => rt(table.span(), E::QueryNotTable),
            },
            other => rt(table.span(), E::QueryTableKind { found: other.kind() }),
        }
    }

    /// `Release(object)` or `FreeProws(rows)`: each lets go of its own kind only.
    fn let_go(&mut self, f: &Ident, how: Disposal, arg: &Expr, args: &[Arg], line: u32) -> Rt<Value> {
        let free = how == Disposal::Freed;
        let v = self.eval(arg, line)?;
        let var = Self::arg_name(args, 0);
        let at = arg.span();
        let h = match v {
            Value::Handle(h) => h,
            Value::Failed { api, hr, line: l } => return rt(at, E::NothingToFree { var, api, line: l, hr, how }),
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
            self.emit(Actor::Client, Some(Actor::Mapi), Some(line), EventKind::FreeProws { var, rows, handle: h });
        } else {
            let what = self.handles.get(h).referent.kind();
            self.emit(Actor::Client, None, Some(line), EventKind::Release { var, what, handle: h });
        }
        self.record(line, if free { "FreeProws" } else { "Release" }, object, None, None, HResult::Ok);
        Ok(Value::HResult(HResult::Ok))
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

    fn method(&mut self, receiver: Value, object: &Expr, call: MethodCall<'_>) -> Rt<Value> {
        let MethodCall { name, positional: args, span, line, .. } = call;
        let var = String::from(self.source_of(object.span()));
        let at = object.span();
        match receiver {
            Value::Session => match name {
                "GetStatusTable" => Ok(self.get_status_table(line)),
                "OpenEntry" => self.open_entry(args[0], line),
                _ => rt(span, E::SessionMethod { method: String::from(name) }),
            },
            Value::Handle(h) => {
                self.live(h, at)?;
                match self.handles.get(h).referent {
                    Referent::Table { .. } if name == "SetColumns" => self.set_columns(h, args, line),
                    Referent::Table { .. } => rt(span, E::TableMethod { var, method: String::from(name) }),
                    Referent::Status { row } if name == "ValidateState" => self.validate_state(row, &call),
                    Referent::Status { row } => self.status_method(row, name, var, span, line),
                    Referent::Rows(_) => rt(span, E::RowsNoMethods { var }),
                }
            }
            Value::Failed { api, hr, line: l } => rt(at, E::HoldsNoObject { var, api, line: l, hr }),
            other => rt(at, E::NeedsObject { method: String::from(name), var, found: other.kind() }),
        }
    }

    /// `IMAPISession::GetStatusTable`: a table over every row, default columns.
    fn get_status_table(&mut self, line: u32) -> Value {
        let h = self.handles.open(Referent::Table { columns: DEFAULT_COLUMNS.to_vec() }, line, String::new());
        let rows = self.world.rows.iter().map(|r| r.display_name.clone()).collect();
        let event = EventKind::GetStatusTable { hr: HResult::Ok, rows, handle: h };
        self.emit(Actor::Client, Some(Actor::Session), Some(line), event);
        self.record(line, "GetStatusTable", String::from("session"), None, None, HResult::Ok);
        Value::Handle(h)
    }

    /// `IMAPISession::OpenEntry` of a status row's entry id.
    fn open_entry(&mut self, arg: &Expr, line: u32) -> Rt<Value> {
        let v = self.eval(arg, line)?;
        let (hr, row, entry) = match &v {
            Value::Entry(e) => match self.world.row_by_entry_id(e) {
                Some(r) => (HResult::Ok, Some(r), Some(e.clone())),
                None => (HResult::UnknownEntryId, None, Some(e.clone())),
            },
            Value::Null => (HResult::InvalidParameter, None, None),
            other => return rt(arg.span(), E::OpenEntryArg { found: other.kind() }),
        };
        let opened = row.map(|r| self.world.rows[r].display_name.clone());
        let handle = row.map(|row| self.handles.open(Referent::Status { row }, line, String::new()));
        self.emit(Actor::Client, Some(Actor::Session), Some(line), EventKind::OpenEntry { entry, hr, opened, handle });
        let object = row.map_or_else(|| String::from("session"), |r| self.object_name(r));
        self.record(line, "OpenEntry", object, None, None, hr);
        Ok(match handle {
            Some(h) => Value::Handle(h),
            None => Value::Failed { api: "OpenEntry", hr, line },
        })
    }

    /// `IMAPITable::SetColumns` on the table behind handle `h`.
    fn set_columns(&mut self, h: HandleId, args: &[&Expr], line: u32) -> Rt<Value> {
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
        self.emit(Actor::Client, Some(Actor::Table), Some(line), EventKind::SetColumns { columns, hr: HResult::Ok });
        self.record(line, "SetColumns", String::from("table"), None, None, HResult::Ok);
        Ok(Value::HResult(HResult::Ok))
    }

    /// `ValidateState`, `SettingsDialog` or `ChangePassword` on a status object:
    /// MAPI_E_NO_SUPPORT when its bit is clear in PR_RESOURCE_METHODS.
    fn status_method(&mut self, row: usize, name: &str, var: String, span: Span, line: u32) -> Rt<Value> {
        let Some(method) = StatusMethod::from_name(name) else {
            return match name {
                "FlushQueues" => rt(span, E::FlushStatement),
                _ => rt(span, E::StatusMethod { var, method: String::from(name) }),
            };
        };
        let supported = self.world.rows[row].methods.contains(method.bit());
        let hr = if supported { HResult::Ok } else { HResult::NoSupport };
        let object = self.object_name(row);
        let target = self.actor_of_row(row);
        let event = EventKind::StatusMethod { object: object.clone(), method: method.name(), hr };
        self.emit(Actor::Client, Some(target), Some(line), event);
        self.record(line, method.name(), object, None, None, hr);
        Ok(Value::HResult(hr))
    }
}

/// A method call on an object, its arguments not yet evaluated.
pub(super) struct MethodCall<'a> {
    /// The method's name.
    pub name: &'a str,
    /// The positional arguments.
    pub positional: &'a [&'a Expr],
    /// Every argument, named ones included.
    pub args: &'a [Arg],
    /// The call's span.
    pub span: Span,
    /// The script line.
    pub line: u32,
}
