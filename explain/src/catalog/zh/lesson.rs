//! Problems in lesson files, in Simplified Chinese.

use super::file::{file_message, found, one_of};
use super::words::word;
use crate::lessons::{LessonMessage as M, LessonValue, Named, Takes};
use alloc::format;
use alloc::string::String;

/// What a lesson names.
fn named(what: Named) -> &'static str {
    match what {
        Named::Preset => "预设场景",
        Named::Assertion => "断言",
        Named::Api => "API",
        Named::HResult => "HRESULT",
        Named::Flag => "标志",
    }
}

/// The type a value of a lesson file should have.
fn value(v: LessonValue) -> &'static str {
    match v {
        LessonValue::Statements => "语句数",
        LessonValue::Text => "含 `en` 和 `zh` 的表",
        LessonValue::Assertion => "断言：它的名称，或 `{ name = what it takes }`",
        LessonValue::Call => "含 `api` 和 `hresult` 的表",
    }
}

/// The message as one sentence.
pub(crate) fn lesson_message(m: &M) -> String {
    match m {
        M::File(m) => file_message(m),
        M::BadId { id } => format!("课程 ID `{id}` 只能由小写字母、数字和 `-` 组成"),
        M::Unknown { what, name, suggestion: Some(c), .. } => {
            format!("未知的{} `{name}`；你是不是想写 `{c}`？", word(named(*what), true, false))
        }
        M::Unknown { what, name, suggestion: None, names } => {
            format!("未知的{} `{name}`，应为{}", word(named(*what), true, false), one_of(names))
        }
        M::InvalidType { found: f, expected } => format!("类型无效：这里是{}，应为{}", found(f), value(*expected)),
        M::EmptyText { key } => format!("`{key}` 为空"),
        M::EmptyGoal => String::from("目标至少需要一个断言"),
        M::BracedAssertion => String::from("花括号中的断言只能有一个键，即它的名称：`{ opened = \"spooler\" }`"),
        M::NeedsArgument { name, takes: Takes::Name } => {
            format!("`{name}` 需要一个名称：`{{ {name} = \"Office LAN\" }}`")
        }
        M::NeedsArgument { name, takes: Takes::Call } => format!(
            "`{name}` 需要一个 API 和一个 HRESULT：`{{ {name} = {{ api = \"FlushQueues\", hresult = \"MAPI_E_BUSY\" }} }}`"
        ),
        M::NeedsArgument { name, takes: Takes::Flags } => {
            format!("`{name}` 需要 FlushQueues 标志：`{{ {name} = \"FLUSH_UPLOAD | FLUSH_FORCE\" }}`")
        }
        M::TakesNothing { name } => format!("`{name}` 不接受任何值：请写成 `\"{name}\"`"),
        M::EmptyName { name } => format!("`{name}` 需要一个名称，不能是空字符串"),
        M::MissingFlag => String::from("这里需要一个标志名，例如 `FLUSH_UPLOAD | FLUSH_FORCE`"),
    }
}
