//! Lesson goals in Simplified Chinese: each assertion's title and why one fails.

use super::runtime::runtime_error;
use super::words::{object_kind, spaced};
use crate::goal::{Assertion, Failure};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

fn list(items: &[String]) -> String {
    items.join("、")
}

/// The assertion's short title.
pub(crate) fn assertion(a: &Assertion) -> String {
    match a {
        Assertion::AllOutgoingDelivered => String::from("所有待发邮件都已送达"),
        Assertion::AllIncomingReceived => String::from("所有等待中的邮件都已接收"),
        Assertion::TransportDelivered(t) => format!("{t} 的所有待发邮件都已送达"),
        Assertion::TransportUntouched(t) => format!("{t} 保持原样，未被刷新"),
        Assertion::Opened(o) => format!("打开了{}的状态对象", spaced(o)),
        Assertion::StatusRead(t) => format!("读取状态表，了解{}的情况", spaced(t)),
        Assertion::NoUiPrompt => String::from("没有显示任何对话框"),
        Assertion::PromptShown(t) => format!("{t} 显示了它的对话框"),
        Assertion::FlushedThroughSpooler(t) => format!("通过后台处理程序刷新了 {t}"),
        Assertion::FlushedOnItsOwnObject(t) => format!("在 {t} 自己的状态对象上调用了 FlushQueues"),
        Assertion::Returned { api, hresult } => format!("{api} 返回过 {hresult}"),
        Assertion::NeverReturned { api, hresult } => format!("{api} 从未返回 {hresult}"),
        Assertion::FlagsPassed(flags) => format!("调用 FlushQueues 时传入了 {flags}"),
        Assertion::AsynchronousFlush => String::from("有一次后台处理程序的刷新在结束之前就已返回"),
        Assertion::NothingLeaked => String::from("没有泄漏"),
        Assertion::NoScriptErrors => String::from("没有运行时错误"),
    }
}

/// Why an assertion does not hold, in one sentence.
pub(crate) fn failure(f: &Failure) -> String {
    match f {
        Failure::NoSuchTransport(name) => format!("没有名为 {name} 的传输提供程序"),
        Failure::Stuck(left) => {
            let each: Vec<String> = left.iter().map(|(t, s)| format!("{t} 仍留有 {}", list(s))).collect();
            each.join("；")
        }
        Failure::Waiting(left) => {
            let each: Vec<String> =
                left.iter().map(|(t, s)| format!("{} 仍在 {t} 的远程系统上等待接收", list(s))).collect();
            each.join("；")
        }
        Failure::Sent(name, sent) => format!("{name} 发送了 {}", list(sent)),
        Failure::ShowedDialog(name) => format!("{name} 显示了它的对话框"),
        Failure::Flushed(name) => format!("后台处理程序刷新了 {name}"),
        Failure::NeverOpened(name) => format!("OpenEntry 从未打开{}的状态对象", spaced(name)),
        Failure::StatusNeverRead(name) => format!(
            "脚本从未查看{}的状态：没有 PR_STATUS_CODE 限制条件匹配它的行，也从未读取它的 PR_STATUS_CODE 或 PR_STATUS_STRING",
            spaced(name)
        ),
        Failure::DialogsShown(by) => format!("{} 显示了对话框", list(by)),
        Failure::NoDialog(t) => format!("{t} 没有显示对话框"),
        Failure::NotTargeted(t) => format!("没有哪次对后台处理程序的 FlushQueues 调用在 lpTargetTransport 中指定 {t}"),
        Failure::NotOnOwnObject(t) => format!("从未在 {t} 自己的状态对象上调用 FlushQueues"),
        Failure::NeverReturned { api, hresult } => format!("没有哪次 {api} 调用返回 {hresult}"),
        Failure::ReturnedAt { api, object, hresult, line } => {
            format!("第 {line} 行对{}的 {api} 调用返回了 {hresult}", spaced(object))
        }
        Failure::FlagsNotPassed(flags) => format!("没有哪次 FlushQueues 调用传入了 {flags}"),
        Failure::AllSynchronous => String::from("后台处理程序的每次刷新都是同步的（没有传入 FLUSH_ASYNC_OK）"),
        Failure::StillOpen(leaks) => {
            let each: Vec<String> =
                leaks.iter().map(|l| format!("第 {} 行创建的{}`{}`", l.line, object_kind(l.object), l.var)).collect();
            format!("仍未释放：{}", list(&each))
        }
        Failure::ScriptError(e) => format!("第 {} 行第 {} 列：{}", e.line, e.column, runtime_error(&e.error)),
    }
}
