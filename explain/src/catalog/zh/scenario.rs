//! Why a scenario cannot run, in Simplified Chinese.

use alloc::format;
use alloc::string::String;
use flushq_core::scenario::{Limit, ScenarioError};

/// What a limit counts.
fn limit(l: Limit) -> &'static str {
    match l {
        Limit::Transports => "传输提供程序",
        Limit::Messages => "邮件",
        Limit::ScriptBytes => "脚本字节",
    }
}

/// The error as one sentence.
pub(crate) fn scenario_error(e: &ScenarioError) -> String {
    match e {
        ScenarioError::DuplicateTransport(n) => format!("有两个传输提供程序都叫 `{n}`；名称必须唯一"),
        ScenarioError::UnknownMessage { transport, message } => {
            format!("故障指定的邮件 `{message}` 不在 `{transport}` 的队列中")
        }
        ScenarioError::NoSuchTransport(i) => format!("故障指定的传输提供程序 #{i} 不存在"),
        ScenarioError::TooLarge(what, n, max) => format!("{}过多：{n}（上限为 {max}）", limit(*what)),
    }
}
