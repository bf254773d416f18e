//! Run-time values of the client script.

use crate::mapi::{EntryId, HResult};
use crate::script::ValueKind;
use crate::session::HandleId;
use alloc::string::String;

/// A value a script variable can hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `PT_NULL`: a column missing from a row, or `NULL`.
    Null,
    /// A number (ULONG property values, flags, constants).
    Int(u64),
    /// A string.
    Str(String),
    /// A binary entry id (`PR_ENTRYID`).
    Entry(EntryId),
    /// An HRESULT returned by a call.
    HResult(HResult),
    /// The session (`IMAPISession`).
    Session,
    /// A table, status object or row set.
    Handle(HandleId),
    /// Row `index` of a row set.
    Row { rows: HandleId, index: usize },
    /// What a call that should have produced an object left behind when it failed.
    Failed { api: &'static str, hr: HResult, line: u32 },
}

impl Value {
    /// Its kind, for errors about the wrong kind of value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Null => ValueKind::Null,
            Value::Int(_) => ValueKind::Number,
            Value::Str(_) => ValueKind::String,
            Value::Entry(_) => ValueKind::EntryId,
            Value::HResult(_) => ValueKind::HResult,
            Value::Session => ValueKind::Session,
            Value::Handle(_) => ValueKind::Object,
            Value::Row { .. } => ValueKind::Row,
            Value::Failed { .. } => ValueKind::NoObject,
        }
    }

    /// Equality as `==` sees it: HRESULTs compare with their codes.
    pub fn equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::HResult(h), Value::Int(n)) | (Value::Int(n), Value::HResult(h)) => u64::from(h.code()) == *n,
            (Value::Failed { hr, .. }, Value::Int(n)) | (Value::Int(n), Value::Failed { hr, .. }) => {
                u64::from(hr.code()) == *n
            }
            (a, b) => a == b,
        }
    }
}
