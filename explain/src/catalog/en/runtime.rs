//! Run-time errors of the client script, in English.

use alloc::format;
use alloc::string::String;
use flushq_core::machine::{Disposal, RuntimeError as E, ValueKind};

/// What kind of value a script expression has.
fn kind(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Null => "PT_NULL",
        ValueKind::Number => "a number",
        ValueKind::String => "a string",
        ValueKind::EntryId => "an entry id",
        ValueKind::HResult => "an HRESULT",
        ValueKind::Session => "the session",
        ValueKind::Object => "an object",
        ValueKind::Row => "a row",
        ValueKind::NoObject => "no object",
    }
}

/// How a handle was let go, after "was".
fn disposal(how: Disposal) -> &'static str {
    match how {
        Disposal::Released => "released",
        Disposal::Freed => "freed with FreeProws",
    }
}

/// The verb for letting a handle go.
fn verb(how: Disposal) -> &'static str {
    match how {
        Disposal::Released => "release",
        Disposal::Freed => "free",
    }
}

/// The error as one sentence.
pub(crate) fn runtime_error(e: &E) -> String {
    by_rule!(e, values: values(e), objects: objects(e), calls: calls(e))
}

/// Errors about values: conditions, loops, indexes, numbers, limits.
fn values(e: &E) -> String {
    match e {
        E::ForNotRows { found } => {
            format!("`for` walks the rows of a row set from HrQueryAllRows, not {}", kind(*found))
        }
        E::TooManyIterations { limit } => format!("the script ran more than {} loop iterations and was stopped", limit),
        E::NoFrame => String::from("internal: loop frame missing"),
        E::HResultCondition => String::from("an HRESULT is not a condition; compare it, e.g. `if hr == S_OK`"),
        E::NullCondition => {
            String::from("the value is PT_NULL: that column was not requested with SetColumns, so it cannot be tested")
        }
        E::ConditionKind { found } => format!("a condition must be a number (non-zero is true), not {}", kind(*found)),
        E::NoValue { var } => {
            format!("`{}` has no value here: it is assigned later, or only inside a branch that did not run", var)
        }
        E::IndexKind { found } => format!("only a row set can be indexed, not {}", kind(*found)),
        E::IndexNotRows => String::from("only a row set (from HrQueryAllRows) can be indexed"),
        E::IndexNotNumber { found } => format!("a row index must be a number, not {}", kind(*found)),
        E::PastEnd { index, rows } => format!(
            "the row set has {} {}, so index {} is past its end (HrQueryAllRows matched fewer rows than expected)",
            rows,
            if *rows == 1 { "row" } else { "rows" },
            index
        ),
        E::NullNumber => {
            String::from("this value is PT_NULL: the column was not requested with SetColumns, or the row lacks it")
        }
        E::NotNumber { found } => format!("expected a number here, not {}", kind(*found)),
        E::CRowsKind { found } => format!("`cRows` is the row count of a row set, and this is {}", kind(*found)),
        E::EventLimit => String::from("the run exceeded its event limit and was stopped"),
        _ => super::super::misrouted(),
    }
}

/// Errors about objects and handles: reading, releasing, methods on the wrong thing.
fn objects(e: &E) -> String {
    match e {
        E::UsedAfterRelease { how, line, var } => {
            format!("`{}` was {} on line {}; it cannot be used any more", var, disposal(*how), line)
        }
        E::NotProperty { name } => format!("`{}` is not a property", name),
        E::TableProperty { prop } => {
            format!("a table has no `{}` of its own; read it from a row returned by HrQueryAllRows", prop)
        }
        E::RowsProperty { prop } => format!("a row set holds many rows; pick one first, e.g. `rows[0].{}`", prop),
        E::NoObjectHere { api, hr, line } => {
            format!("there is no object here: {} on line {} failed with {}", api, line, hr.name())
        }
        E::CannotRead { from, prop } => format!("cannot read `{}` from {}", prop, kind(*from)),
        E::NothingToFree { api, how, hr, line, var } => format!(
            "`{}` holds no object ({} on line {} failed with {}), so there is nothing to {}",
            var,
            api,
            line,
            hr.name(),
            verb(*how)
        ),
        E::ReleaseSession => String::from(
            "the session belongs to the application's logon, not to this procedure; do not release it here",
        ),
        E::ExpectsObject { found, func } => format!("`{}` expects an object, not {}", func, kind(*found)),
        E::FreeObject { var } => format!("`{}` is an object, not a row set: release it with Release({})", var, var),
        E::ReleaseRows { var } => {
            format!("`{}` is a row set (SRowSet), not a COM object: free it with FreeProws({})", var, var)
        }
        E::RowsNoMethods { var } => format!("`{}` is a row set (SRowSet); it has no methods", var),
        E::HoldsNoObject { api, hr, line, var } => {
            format!("`{}` holds no object: {} on line {} failed with {}", var, api, line, hr.name())
        }
        E::NeedsObject { found, method, var } => {
            format!("`{}` needs an object, and `{}` is {}", method, var, kind(*found))
        }
        _ => super::super::misrouted(),
    }
}

/// Errors in calls: HrQueryAllRows, restrictions, the session's, table's and status objects' methods.
fn calls(e: &E) -> String {
    match e {
        E::QueryNotTable => String::from("HrQueryAllRows takes the status table as its first argument"),
        E::QueryTableKind { found } => {
            format!("HrQueryAllRows takes the status table as its first argument, not {}", kind(*found))
        }
        E::CrowsMax { value } => format!("crowsMax {} does not fit in a ULONG", value),
        E::NoFunction { name } => format!("no MAPI function named `{}`", name),
        E::NotCallable => String::from("only MAPI functions and methods can be called"),
        E::RestrictionShape => String::from("a restriction compares a property with a value"),
        E::RestrictionLeft => {
            String::from("the left side of a restriction must be a property tag such as PR_RESOURCE_TYPE")
        }
        E::RestrictionOr => String::from("`|` combines flags; a restriction needs `==`, `!=` or `&`"),
        E::NotLong { value } => format!("{} does not fit in a PT_LONG property", value),
        E::RestrictionValue { found } => {
            format!("a restriction compares with a number or a string, not {}", kind(*found))
        }
        E::OpenEntryArg { found } => {
            format!("OpenEntry takes an entry id such as `rows[0].PR_ENTRYID`, not {}", kind(*found))
        }
        E::SessionMethod { method } => {
            format!("`{}` is not a method of the session (IMAPISession has GetStatusTable and OpenEntry)", method)
        }
        E::TableMethod { method, var } => {
            format!("`{}` is a status table (IMAPITable); `{}` is not one of its methods here", var, method)
        }
        E::NotColumn { tag } => format!("{tag:#x} is not a status-table column"),
        E::FlushStatement => String::from("call `FlushQueues` as a statement of its own"),
        E::StatusMethod { method, var } => {
            format!("`{}` is a status object (IMAPIStatus); `{}` is not one of its methods", var, method)
        }
        E::NotStatus { var } => format!("`{}` is not a status object; FlushQueues is a method of IMAPIStatus", var),
        E::FlushNeedsStatus { found, var } => {
            format!("FlushQueues needs a status object, and `{}` is {}", var, kind(*found))
        }
        E::FlushNoFlags => String::from("FlushQueues needs its flags"),
        E::FlagsTooBig { value } => format!("{value:#x} does not fit in ulFlags"),
        _ => super::super::misrouted(),
    }
}
