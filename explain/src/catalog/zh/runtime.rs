//! Run-time errors of the client script, in Simplified Chinese.

use super::words::word;
use alloc::format;
use alloc::string::String;
use flushq_core::machine::{Disposal, RuntimeError as E, ValueKind};

/// What kind of value a script expression has.
fn kind(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Null => "PT_NULL",
        ValueKind::Number => "数字",
        ValueKind::String => "字符串",
        ValueKind::EntryId => "条目 ID",
        ValueKind::HResult => "HRESULT",
        ValueKind::Session => "会话",
        ValueKind::Object => "对象",
        ValueKind::Row => "一行数据",
        ValueKind::NoObject => "失败调用的结果",
    }
}

/// How a handle was let go.
fn disposal(how: Disposal) -> &'static str {
    match how {
        Disposal::Released => "释放",
        Disposal::Freed => "用 FreeProws 释放",
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
            format!("`for` 遍历的是 HrQueryAllRows 返回的行集中的行，不能遍历{}", word(kind(*found), true, false))
        }
        E::TooManyIterations { limit } => format!("脚本的循环迭代超过了 {} 次，已被停止", limit),
        E::NoFrame => String::from("内部错误：缺少循环帧"),
        E::HResultCondition => String::from("HRESULT 不能直接作为条件；请先比较，例如 `if hr == S_OK`"),
        E::NullCondition => String::from("该值为 PT_NULL：这一列没有通过 SetColumns 请求，因此无法测试"),
        E::ConditionKind { found } => format!("条件必须是数字（非零为真），而不是{}", word(kind(*found), true, false)),
        E::NoValue { var } => format!("`{}` 在这里还没有值：它在后面才赋值，或者只在没有执行的分支中赋值", var),
        E::IndexKind { found } => format!("只有行集可以用索引访问，而这里是{}", word(kind(*found), true, false)),
        E::IndexNotRows => String::from("只有行集（由 HrQueryAllRows 返回）可以用索引访问"),
        E::IndexNotNumber { found } => format!("行索引必须是数字，而不是{}", word(kind(*found), true, false)),
        E::PastEnd { index, rows } => {
            format!("行集只有 {} 行，索引 {} 超出了末尾（HrQueryAllRows 匹配到的行比预期的少）", rows, index)
        }
        E::NullNumber => String::from("该值为 PT_NULL：这一列没有通过 SetColumns 请求，或者该行没有这一列"),
        E::NotNumber { found } => format!("这里需要数字，而不是{}", word(kind(*found), true, false)),
        E::CRowsKind { found } => format!("`cRows` 是行集的行数，而这里是{}", word(kind(*found), true, false)),
        E::EventLimit => String::from("运行超出了事件数的上限，已被停止"),
        _ => super::super::misrouted(),
    }
}

/// Errors about objects and handles: reading, releasing, methods on the wrong thing.
fn objects(e: &E) -> String {
    match e {
        E::UsedAfterRelease { how, line, var } => {
            format!("`{}` 已在第 {} 行{}，不能再使用", var, line, word(disposal(*how), true, false))
        }
        E::NotProperty { name } => format!("`{}` 不是属性", name),
        E::TableProperty { prop } => format!("表本身没有 `{}`；请从 HrQueryAllRows 返回的行中读取", prop),
        E::RowsProperty { prop } => format!("行集包含多行；请先选出一行，例如 `rows[0].{}`", prop),
        E::NoObjectHere { api, hr, line } => {
            format!("这里没有对象：第 {} 行的 {} 失败，返回了 {}", line, api, hr.name())
        }
        E::CannotRead { from, prop } => format!("无法从{}读取 `{}`", word(kind(*from), true, true), prop),
        E::NothingToFree { api, hr, line, var, .. } => format!(
            "`{}` 没有持有对象（第 {} 行的 {} 失败，返回了 {}），因此没有对象可{}",
            var,
            line,
            api,
            hr.name(),
            word("释放", true, false)
        ),
        E::ReleaseSession => String::from("会话属于应用程序的登录，而不属于这段过程；不要在这里释放它"),
        E::ExpectsObject { found, func } => {
            format!("`{}` 需要一个对象，而不是{}", func, word(kind(*found), true, false))
        }
        E::FreeObject { var } => format!("`{}` 是对象，不是行集：请用 `Release({})` 释放", var, var),
        E::ReleaseRows { var } => format!("`{}` 是行集（SRowSet），不是 COM 对象：请用 `FreeProws({})` 释放", var, var),
        E::RowsNoMethods { var } => format!("`{}` 是行集（SRowSet），没有任何方法", var),
        E::HoldsNoObject { api, hr, line, var } => {
            format!("`{}` 没有持有对象：第 {} 行的 {} 失败，返回了 {}", var, line, api, hr.name())
        }
        E::NeedsObject { found, method, var } => {
            format!("`{}` 需要一个对象，而 `{}` 是{}", method, var, word(kind(*found), true, false))
        }
        _ => super::super::misrouted(),
    }
}

/// Errors in calls: HrQueryAllRows, restrictions, the session's, table's and status objects' methods.
fn calls(e: &E) -> String {
    match e {
        E::QueryNotTable => String::from("HrQueryAllRows 的第一个参数必须是状态表"),
        E::QueryTableKind { found } => {
            format!("HrQueryAllRows 的第一个参数必须是状态表，而不是{}", word(kind(*found), true, false))
        }
        E::CrowsMax { value } => format!("crowsMax {} 超出了 ULONG 的范围", value),
        E::NoFunction { name } => format!("没有名为 `{}` 的 MAPI 函数", name),
        E::NotCallable => String::from("只能调用 MAPI 函数和方法"),
        E::RestrictionShape => String::from("限制条件把一个属性与一个值进行比较"),
        E::RestrictionLeft => String::from("限制条件的左边必须是属性标记，例如 PR_RESOURCE_TYPE"),
        E::RestrictionOr => String::from("`|` 用于组合标志；限制条件需要 `==`、`!=` 或 `&`"),
        E::NotLong { value } => format!("{} 超出了 PT_LONG 属性的范围", value),
        E::RestrictionValue { found } => {
            format!("限制条件只能与数字或字符串比较，不能与{}比较", word(kind(*found), true, true))
        }
        E::OpenEntryArg { found } => {
            format!("OpenEntry 需要条目 ID（例如 `rows[0].PR_ENTRYID`），而不是{}", word(kind(*found), true, false))
        }
        E::SessionMethod { method } => {
            format!("`{}` 不是会话的方法（IMAPISession 只有 GetStatusTable 和 OpenEntry）", method)
        }
        E::TableMethod { method, var } => {
            format!("`{}` 是状态表（IMAPITable）；`{}` 不是它在这里可用的方法", var, method)
        }
        E::NotColumn { tag } => format!("{tag:#x} 不是状态表的列"),
        E::FlushStatement => String::from("`FlushQueues` 调用必须单独写成一条语句"),
        E::StatusMethod { method, var } => format!("`{}` 是状态对象（IMAPIStatus）；`{}` 不是它的方法", var, method),
        E::NotStatus { var } => format!("`{}` 不是状态对象；FlushQueues 是 IMAPIStatus 的方法", var),
        E::FlushNeedsStatus { found, var } => {
            format!("FlushQueues 需要一个状态对象，而 `{}` 是{}", var, word(kind(*found), true, false))
        }
        E::FlushNoFlags => String::from("FlushQueues 缺少 ulFlags 参数"),
        E::FlagsTooBig { value } => format!("{value:#x} 超出了 ulFlags 的范围"),
        _ => super::super::misrouted(),
    }
}
