//! The client script's run-time errors, as typed values: which error, with its
//! arguments (script code, names, numbers, HRESULTs). The machine raises them
//! while it interprets a script; events and the outcome carry them; each
//! language's catalog in `flushq-explain` renders them (the core holds no prose).

use crate::mapi::HResult;
use alloc::string::String;

/// What kind of value a script expression has, for errors about the wrong kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ValueKind {
    /// PT_NULL: a column that was not requested or a row lacks.
    Null,
    /// A number.
    Number,
    /// A string.
    String,
    /// An entry id.
    EntryId,
    /// An HRESULT.
    HResult,
    /// The session.
    Session,
    /// An object (table or status object).
    Object,
    /// One row of a row set.
    Row,
    /// The result of a call that failed.
    NoObject,
}

/// How a handle was let go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Disposal {
    /// `Release`.
    Released,
    /// `FreeProws`.
    Freed,
}

/// A run-time error that stops the script. Variants name the rule the script broke.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RuntimeError {
    /// `for` over something that is not a row set.
    ForNotRows { found: ValueKind },
    /// The loop-iteration limit was reached.
    TooManyIterations { limit: usize },
    /// Internal: a loop frame is missing.
    NoFrame,
    /// An HRESULT used as a condition.
    HResultCondition,
    /// PT_NULL used as a condition.
    NullCondition,
    /// A condition of another kind than a number.
    ConditionKind { found: ValueKind },
    /// A released or freed handle used again.
    UsedAfterRelease { var: String, how: Disposal, line: u32 },
    /// A variable read before it has a value.
    NoValue { var: String },
    /// Indexing something that is not a row set.
    IndexKind { found: ValueKind },
    /// Indexing an object that is not a row set.
    IndexNotRows,
    /// A row index that is not a number.
    IndexNotNumber { found: ValueKind },
    /// A row index past the end of the row set.
    PastEnd { rows: usize, index: u64 },
    /// PT_NULL where a number is needed.
    NullNumber,
    /// Another kind where a number is needed.
    NotNumber { found: ValueKind },
    /// `cRows` of something that is not a row set.
    CRowsKind { found: ValueKind },
    /// A member that is not a property.
    NotProperty { name: String },
    /// A property read from the table itself.
    TableProperty { prop: String },
    /// A property read from a whole row set.
    RowsProperty { prop: String },
    /// A value read from the result of a failed call.
    NoObjectHere { api: &'static str, line: u32, hr: HResult },
    /// A property read from a value that has none.
    CannotRead { prop: String, from: ValueKind },
    /// HrQueryAllRows on an object that is not the table.
    QueryNotTable,
    /// HrQueryAllRows on a value that is not an object.
    QueryTableKind { found: ValueKind },
    /// crowsMax does not fit in a ULONG.
    CrowsMax { value: u64 },
    /// Release or FreeProws of the result of a failed call.
    NothingToFree { var: String, api: &'static str, line: u32, hr: HResult, how: Disposal },
    /// Release of the session.
    ReleaseSession,
    /// Release or FreeProws of a value that is not an object.
    ExpectsObject { func: String, found: ValueKind },
    /// FreeProws of an object.
    FreeObject { var: String },
    /// Release of a row set.
    ReleaseRows { var: String },
    /// A call of an unknown function.
    NoFunction { name: String },
    /// A call of something that is not a function or method.
    NotCallable,
    /// A restriction that is not a comparison.
    RestrictionShape,
    /// A restriction whose left side is not a property tag.
    RestrictionLeft,
    /// `|` in a restriction.
    RestrictionOr,
    /// A number too large for a PT_LONG property.
    NotLong { value: u64 },
    /// A restriction compared with a value of the wrong kind.
    RestrictionValue { found: ValueKind },
    /// OpenEntry with something that is not an entry id.
    OpenEntryArg { found: ValueKind },
    /// An unknown method of the session.
    SessionMethod { method: String },
    /// An unknown method of the table.
    TableMethod { var: String, method: String },
    /// SetColumns with a tag that is not a column (written in hex).
    NotColumn { tag: u64 },
    /// FlushQueues used inside an expression.
    FlushStatement,
    /// An unknown method of a status object.
    StatusMethod { var: String, method: String },
    /// A method called on a row set.
    RowsNoMethods { var: String },
    /// A method called on the result of a failed call.
    HoldsNoObject { var: String, api: &'static str, line: u32, hr: HResult },
    /// A method called on a value that is not an object.
    NeedsObject { method: String, var: String, found: ValueKind },
    /// FlushQueues on an object that is not a status object.
    NotStatus { var: String },
    /// FlushQueues on a value that is not an object.
    FlushNeedsStatus { var: String, found: ValueKind },
    /// FlushQueues without flags.
    FlushNoFlags,
    /// Flags too large for ulFlags.
    FlagsTooBig { value: u64 },
    /// The run reached its event limit.
    EventLimit,
}
