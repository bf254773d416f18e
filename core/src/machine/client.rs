//! The client: executes the compiled script one instruction per step.

use super::value::Value;
use super::Machine;
use crate::diag::Span;
use crate::mapi::{constant, HResult};
use crate::scenario::limits;
use crate::script::ast::{BinOp, Expr};
use crate::script::Op;
use crate::script::{Disposal, RuntimeError as E};
use crate::session::{HandleId, PropValue, Referent};
use crate::spooler::JobId;
use crate::trace::{Actor, EventKind, ScriptFault};
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Where the client is.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum ClientState {
    /// Can run its next instruction.
    #[default]
    Ready,
    /// Waiting inside a synchronous `FlushQueues`.
    Blocked { job: JobId, var: Option<String>, object: String, line: u32, call: usize },
    /// Finished, or stopped by a run-time error.
    Done,
}

/// One `for` loop in progress.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Frame {
    rows: HandleId,
    index: usize,
    count: usize,
}

/// The interpreter's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Client {
    pub pc: usize,
    pub vars: BTreeMap<String, Value>,
    pub frames: Vec<Frame>,
    pub state: ClientState,
    pub iterations: usize,
}

/// A run-time error and where it happened.
pub(crate) struct RtError {
    pub span: Span,
    pub error: E,
}

pub(crate) type Rt<T> = Result<T, RtError>;

/// Fails with run-time error `error` at `span`.
pub(crate) fn rt<T>(span: Span, error: E) -> Rt<T> {
    Err(RtError { span, error })
}

impl Machine {
    /// Runs client instructions until one emits an event, blocks, or the script ends.
    pub(super) fn client_step(&mut self) {
        let before = self.events.len();
        while self.events.len() == before && self.client.state == ClientState::Ready {
            let Some(instr) = self.program.instrs.get(self.client.pc).cloned() else {
                self.client.state = ClientState::Done;
                return;
            };
            if let Err(e) = self.exec(&instr.op, instr.span) {
                self.fault(e);
            }
        }
    }

    fn exec(&mut self, op: &Op, span: Span) -> Rt<()> {
        let line = span.line;
        match op {
            Op::Assign { var, expr } => {
                if self.flush_statement(expr, Some(&var.name), line)?.is_some() {
                    self.client.pc += 1;
                    return Ok(());
                }
                let v = self.eval(expr, line)?;
                if let Value::Handle(h) = v {
                    let handle = self.handles.get_mut(h);
                    if handle.name.is_empty() {
                        handle.name = var.name.clone();
                    }
                }
                self.client.vars.insert(var.name.clone(), v);
                self.client.pc += 1;
            }
            Op::Eval { expr } => {
                if self.flush_statement(expr, None, line)?.is_none() {
                    self.eval(expr, line)?;
                }
                self.client.pc += 1;
            }
            Op::ForStart { var, iter, end } => {
                let rows = match self.eval(iter, line)? {
                    Value::Handle(h) if matches!(self.handles.get(h).referent, Referent::Rows(_)) => {
                        self.live(h, iter.span())?;
                        h
                    }
                    other => return rt(iter.span(), E::ForNotRows { found: other.kind() }),
                };
                let count = self.row_count(rows);
                self.emit(Actor::Client, None, Some(line), EventKind::Loop { var: var.name.clone(), index: 0, count });
                if count == 0 {
                    self.client.pc = *end;
                } else {
                    self.client.vars.insert(var.name.clone(), Value::Row { rows, index: 0 });
                    self.client.frames.push(Frame { rows, index: 0, count });
                    self.client.pc += 1;
                }
            }
            Op::ForNext { var, body } => {
                self.client.iterations += 1;
                if self.client.iterations > limits::ITERATIONS {
                    return rt(span, E::TooManyIterations { limit: limits::ITERATIONS });
                }
                let Some(frame) = self.client.frames.last_mut() else {
                    return rt(span, E::NoFrame);
                };
                frame.index += 1;
                let (rows, index, count) = (frame.rows, frame.index, frame.count);
                self.emit(Actor::Client, None, Some(line), EventKind::Loop { var: var.name.clone(), index, count });
                if index < count {
                    self.client.vars.insert(var.name.clone(), Value::Row { rows, index });
                    self.client.pc = *body;
                } else {
                    self.client.frames.pop();
                    self.client.pc += 1;
                }
            }
            Op::If { cond, otherwise } => {
                let v = self.eval(cond, line)?;
                let taken = self.truth(&v, cond.span())?;
                let text = String::from(self.source_of(cond.span()));
                self.emit(Actor::Client, None, Some(line), EventKind::Branch { cond: text, taken });
                self.client.pc = if taken { self.client.pc + 1 } else { *otherwise };
            }
            Op::Jump { to } => self.client.pc = *to,
        }
        Ok(())
    }

    /// Stops the script with a run-time error.
    fn fault(&mut self, e: RtError) {
        let line = e.span.line;
        self.errors.push(ScriptFault { line, column: e.span.col, error: e.error.clone() });
        self.emit(Actor::Client, None, Some(line), EventKind::ScriptError { column: e.span.col, error: e.error });
        self.client.state = ClientState::Done;
    }

    pub(super) fn stop_client_with(&mut self, e: E) {
        if self.client.state != ClientState::Done {
            let span = self.program.instrs.get(self.client.pc).map(|i| i.span).unwrap_or_default();
            self.fault(RtError { span, error: e });
        }
    }

    pub(super) fn source_of(&self, span: Span) -> &str {
        self.source.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    fn truth(&self, v: &Value, span: Span) -> Rt<bool> {
        match v {
            Value::Int(n) => Ok(*n != 0),
            Value::HResult(_) => rt(span, E::HResultCondition),
            Value::Null => rt(span, E::NullCondition),
            other => rt(span, E::ConditionKind { found: other.kind() }),
        }
    }

    pub(super) fn row_count(&self, rows: HandleId) -> usize {
        match &self.handles.get(rows).referent {
            Referent::Rows(set) => set.rows.len(),
            _ => 0,
        }
    }

    /// Errors when handle `h` was released.
    pub(super) fn live(&self, h: HandleId, span: Span) -> Rt<()> {
        let handle = self.handles.get(h);
        match handle.released {
            None => Ok(()),
            Some(at) => {
                let how =
                    if matches!(handle.referent, Referent::Rows(_)) { Disposal::Freed } else { Disposal::Released };
                rt(span, E::UsedAfterRelease { var: handle.name.clone(), how, line: at })
            }
        }
    }

    pub(super) fn eval(&mut self, e: &Expr, line: u32) -> Rt<Value> {
        match e {
            Expr::Number { value, .. } => Ok(Value::Int(*value)),
            Expr::Str { value, .. } => Ok(Value::Str(value.clone())),
            Expr::Name(id) => {
                if let Some(v) = self.client.vars.get(&id.name) {
                    return Ok(v.clone());
                }
                match id.name.as_str() {
                    "session" => Ok(Value::Session),
                    "NULL" => Ok(Value::Null),
                    name => match constant(name) {
                        Some(c) => Ok(Value::Int(c.value())),
                        None => rt(id.span, E::NoValue { var: String::from(name) }),
                    },
                }
            }
            Expr::Member { object, member, span } => {
                let o = self.eval(object, line)?;
                self.member(o, &member.name, *span, line)
            }
            Expr::Index { object, index, span } => {
                let o = self.eval(object, line)?;
                let i = self.eval(index, line)?;
                let Value::Handle(h) = o else {
                    return rt(object.span(), E::IndexKind { found: o.kind() });
                };
                if !matches!(self.handles.get(h).referent, Referent::Rows(_)) {
                    return rt(object.span(), E::IndexNotRows);
                }
                self.live(h, object.span())?;
                let count = self.row_count(h);
                let Value::Int(i) = i else {
                    return rt(index.span(), E::IndexNotNumber { found: i.kind() });
                };
                if i as usize >= count || i > u32::MAX as u64 {
                    return rt(*span, E::PastEnd { rows: count, index: i });
                }
                Ok(Value::Row { rows: h, index: i as usize })
            }
            Expr::Call { callee, args, span } => self.call(callee, args, *span, line),
            Expr::Binary { op, lhs, rhs, span } => {
                let a = self.eval(lhs, line)?;
                let b = self.eval(rhs, line)?;
                match op {
                    BinOp::Eq => Ok(Value::Int(u64::from(a.equals(&b)))),
                    BinOp::Ne => Ok(Value::Int(u64::from(!a.equals(&b)))),
                    BinOp::BitOr | BinOp::BitAnd => {
                        let x = self.number(&a, lhs.span())?;
                        let y = self.number(&b, rhs.span())?;
                        let _ = span;
                        Ok(Value::Int(if *op == BinOp::BitOr { x | y } else { x & y }))
                    }
                }
            }
            Expr::Not { expr, span } => {
                let v = self.eval(expr, line)?;
                Ok(Value::Int(u64::from(!self.truth(&v, *span)?)))
            }
        }
    }

    pub(super) fn number(&self, v: &Value, span: Span) -> Rt<u64> {
        match v {
            Value::Int(n) => Ok(*n),
            Value::Null => rt(span, E::NullNumber),
            other => rt(span, E::NotNumber { found: other.kind() }),
        }
    }

    fn member(&mut self, o: Value, name: &str, span: Span, line: u32) -> Rt<Value> {
        if name == "cRows" {
            return match o {
                Value::Handle(h) if matches!(self.handles.get(h).referent, Referent::Rows(_)) => {
                    self.live(h, span)?;
                    Ok(Value::Int(self.row_count(h) as u64))
                }
                other => rt(span, E::CRowsKind { found: other.kind() }),
            };
        }
        let Some(crate::mapi::Constant::Prop(tag)) = constant(name) else {
            return rt(span, E::NotProperty { name: String::from(name) });
        };
        match o {
            Value::Row { rows, index } => {
                self.live(rows, span)?;
                let Referent::Rows(set) = &self.handles.get(rows).referent else { unreachable!() };
                Ok(set.get(index, tag).cloned().map_or(Value::Null, prop_value))
            }
            Value::Handle(h) => {
                self.live(h, span)?;
                match self.handles.get(h).referent {
                    Referent::Status { row } => {
                        let v = self.world.rows[row].get(tag);
                        let object = self.object_name(row);
                        let shown = v.as_ref().map(|v| describe_prop(tag, v));
                        self.emit(
                            Actor::Client,
                            Some(Actor::Transport(object.as_str().into())),
                            Some(line),
                            EventKind::GetProp { object: object.clone(), prop: tag, value: shown },
                        );
                        self.record(
                            line,
                            "GetProps",
                            object,
                            None,
                            None,
                            // A property the object lacks comes back as an error value
                            // (MAPI_E_NOT_FOUND) and the call warns (`imapiprop-getprops#return-value`).
                            if v.is_some() { HResult::Ok } else { HResult::ErrorsReturned },
                        );
                        Ok(v.map_or(Value::Null, prop_value))
                    }
                    Referent::Table { .. } => rt(span, E::TableProperty { prop: String::from(name) }),
                    Referent::Rows(_) => rt(span, E::RowsProperty { prop: String::from(name) }),
                }
            }
            Value::Failed { api, hr, line: at } => rt(span, E::NoObjectHere { api, line: at, hr }),
            other => rt(span, E::CannotRead { prop: String::from(name), from: other.kind() }),
        }
    }
}

fn prop_value(v: PropValue) -> Value {
    match v {
        PropValue::Long(n) => Value::Int(u64::from(n)),
        PropValue::Str(s) => Value::Str(s),
        PropValue::Binary(b) => Value::Entry(b),
    }
}

/// A property value with its bits named, for traces.
pub(crate) fn describe_prop(tag: crate::mapi::PropTag, v: &PropValue) -> String {
    use crate::mapi::{PropTag, ResourceMethods, ResourceType, StatusCode};
    match (tag, v) {
        (PropTag::ResourceMethods, PropValue::Long(n)) => format!("{}", ResourceMethods::from_bits_retain(*n)),
        (PropTag::StatusCode, PropValue::Long(n)) => format!("{}", StatusCode::from_bits_retain(*n)),
        (PropTag::ResourceType, PropValue::Long(n)) => {
            ResourceType::from_value(*n).map_or_else(|| format!("{n}"), |r| String::from(r.name()))
        }
        (_, v) => format!("{v}"),
    }
}
