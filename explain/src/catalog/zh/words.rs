//! Short Chinese phrases: reasons events carry, kinds of objects, outcomes, and
//! the spacing Chinese text puts around Latin words.

use alloc::string::String;
use flushq_core::session::ObjectKind;
use flushq_core::trace::{Actor, FlushNote, JobReason, LineReason, StatusReason, TransportOutcome};

/// How a transport's flush ended, in a few words.
pub(crate) fn outcome(outcome: TransportOutcome) -> &'static str {
    match outcome {
        TransportOutcome::Completed => "已完成",
        TransportOutcome::LinkDown => "无法连接服务器（STATUS_FAILURE），邮件仍在队列中",
        TransportOutcome::Cancelled => "用户取消了连接（STATUS_OFFLINE），邮件仍在队列中",
        TransportOutcome::Stopped => "被传输提供程序停止，其余邮件仍在队列中",
        TransportOutcome::LeftToSchedule => "留待它按自己的时间表处理",
        TransportOutcome::Offline => "它处于脱机状态，邮件仍在队列中（模型选择）",
        TransportOutcome::Shutdown => "后台处理程序已关闭，其余邮件仍在队列中；之后的传输提供程序不再刷新（模型选择）",
    }
}

/// Why a status row changed.
pub(crate) fn status_reason(r: StatusReason) -> &'static str {
    match r {
        StatusReason::OwnFlushQueues => "在传输提供程序自己的状态对象上调用 FlushQueues，只会设置其状态行中的位",
        StatusReason::StartsFlushing => "传输提供程序开始刷新（ModifyStatusRow）",
        StatusReason::StartsInbound => {
            "只有 FLUSH_DOWNLOAD：传输提供程序直接开始传入刷新（模型选择：第 2 步设置的是传出位）"
        }
        StatusReason::InboundStarts => "第 9 步：传输提供程序开始传入刷新",
        StatusReason::OutboundDone => "传出完成：传输提供程序退出传出刷新模式（NOTIFY_END_OUTBOUND_FLUSH）",
        StatusReason::InboundDone => "传入完成",
        StatusReason::Offline => "未连接：只有本地数据可用，FlushQueues 仍返回 S_OK",
        StatusReason::Disconnected => "FORCE_XP_DISCONNECT：传输提供程序断开连接，转为脱机工作",
        StatusReason::ConnectRequested => {
            "FORCE_XP_CONNECT：恢复联机，并设置 STATUS_OUTBOUND_FLUSH，让后台处理程序刷新它，届时再连接"
        }
        StatusReason::HeadersAborted => "ABORT_XP_HEADER_OPERATION：停止传入，传输提供程序转为脱机",
    }
}

/// Why the modem line changes hands.
pub(crate) fn line_reason(r: LineReason) -> &'static str {
    match r {
        LineReason::Connect => "为了连接，在从 FlushQueues 返回之前",
        LineReason::SendingDone => "发送结束（第 9 步），其他传输提供程序可以使用它",
        LineReason::Receive => "为了接收；参考文档在发送后就释放了它（模型选择）",
        LineReason::FlushDone => "刷新结束（第 13 步）",
        LineReason::LinkDown => "服务器没有应答",
        LineReason::Stopped => "它停止了这次刷新（模型选择）",
        LineReason::Shutdown => "后台处理程序正在关闭",
    }
}

/// Why the spooler runs a flush job.
pub(crate) fn job_reason(r: JobReason) -> &'static str {
    match r {
        JobReason::TransportRequest => {
            "传输提供程序自己的 FlushQueues 设置了它的状态位；后台处理程序现在在方便时执行这次刷新"
        }
        JobReason::Targeted => "lpTargetTransport 指定了一个传输提供程序，因此只刷新它",
        JobReason::AllTransports => "对后台处理程序的刷新涵盖每个传输提供程序，按配置文件中的传输顺序进行",
        JobReason::ConnectRequest => "ValidateState(FORCE_XP_CONNECT) 标记了它的状态行；后台处理程序在方便时刷新它",
    }
}

/// What a FlushQueues call or return says besides its HRESULT.
pub(crate) fn flush_note(n: FlushNote) -> &'static str {
    match n {
        FlushNote::NoFlushMethod => {
            "PR_RESOURCE_METHODS 中没有 STATUS_FLUSH_QUEUES，因此这个状态对象没有实现 FlushQueues"
        }
        FlushNote::UnknownFlags => "ulFlags 中有 FlushQueues 未定义的位（模型选择：参考页面没有为此列出返回码）",
        FlushNote::NoDirection => {
            "FLUSH_UPLOAD（传出）和 FLUSH_DOWNLOAD（传入）都没有设置，因此没有要刷新的内容（模型选择）"
        }
        FlushNote::TargetOnTransport => {
            "lpTargetTransport 只对后台处理程序的状态对象有意义；在传输提供程序上它必须为 NULL"
        }
        FlushNote::TargetNull => "lpTargetTransport 为 PT_NULL：请求的列中没有 PR_ENTRYID",
        FlushNote::TargetNotTransport => "lpTargetTransport 不是任何传输提供程序状态行的条目标识",
        FlushNote::AsyncInProgress => "一次异步刷新（FLUSH_ASYNC_OK）仍在进行中",
        FlushNote::AsyncReturnsNow => "FLUSH_ASYNC_OK：控制权立即返回，后台处理程序在后台继续刷新",
        FlushNote::AsyncIgnoredByTransport => "FLUSH_ASYNC_OK 只适用于后台处理程序，传输提供程序会忽略它（模型选择）",
    }
}

/// The kind of object a handle holds.
pub(crate) fn object_kind(k: ObjectKind) -> &'static str {
    match k {
        ObjectKind::StatusTable => "状态表（IMAPITable）",
        ObjectKind::StatusObject => "状态对象（IMAPIStatus）",
        ObjectKind::RowSet => "行集（SRowSet）",
    }
}

/// MAPI's own objects by their Chinese names; any other name (a transport's) is
/// `None` and stays as it is.
pub(crate) fn object_name(name: &str) -> Option<&'static str> {
    match name {
        "spooler" => Some("后台处理程序"),
        "session" => Some("会话"),
        "table" => Some("状态表"),
        _ => None,
    }
}

/// An object's name inside a Chinese sentence: a translated one (`后台处理程序`) as
/// it is, any other set apart by spaces, the way Chinese text sets apart Latin words.
pub(crate) fn spaced(name: &str) -> String {
    match object_name(name) {
        Some(zh) => String::from(zh),
        None => alloc::format!(" {name} "),
    }
}

fn is_latin(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// `w` between Chinese text: a space on each side where a Latin letter or digit
/// of `w` would touch a Han character (`han_before`, `han_after`).
pub(crate) fn word(w: &str, han_before: bool, han_after: bool) -> String {
    let mut out = String::with_capacity(w.len() + 2);
    if han_before && is_latin(w.chars().next()) {
        out.push(' ');
    }
    out.push_str(w);
    if han_after && is_latin(w.chars().last()) {
        out.push(' ');
    }
    out
}

/// Who acts in a step, as a label.
pub(crate) fn actor(a: &Actor) -> &str {
    match a {
        Actor::Client => "客户端",
        Actor::Session => "会话",
        Actor::Table => "状态表",
        Actor::Mapi => "MAPI",
        Actor::Spooler => "后台处理程序",
        Actor::Transport(n) => n,
        Actor::User => "用户",
    }
}

/// The label after an HRESULT the method's reference page does not list.
pub(crate) fn unlisted() -> &'static str {
    "（模型选择：该方法的参考页面没有列出这个 HRESULT）"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_are_set_apart_from_han() {
        assert_eq!(word("PT_NULL", true, false), " PT_NULL");
        assert_eq!(word("条目 ID", true, true), "条目 ID ");
        assert_eq!(word("数字", true, true), "数字");
        assert_eq!(spaced("spooler"), "后台处理程序");
        assert_eq!(spaced("Office LAN"), " Office LAN ");
    }
}
