//! The Chinese narration: one plain sentence per step saying what happens and why, by event group.

use super::events::describe;
use super::runtime::runtime_error;
use super::words::{flush_note, line_reason, outcome, spaced};
use crate::facts::{Facts, Position};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::mapi::{HResult, PropTag};
use flushq_core::trace::{
    Answer, Event, EventKind as K, FlushMode, Notify, Phase, StatusReason, SubmitResult, TransportOutcome,
    ValidateNote, XpNote,
};

/// How lists read.
const SEP: &str = "、";

/// The narration of a step.
pub(crate) fn narrate(e: &Event, facts: &Facts) -> String {
    by_group!(&e.kind, client: client(e, facts), script: script(e, facts), spooler: spooler(e, facts), transport: transport(e))
}

/// The client's calls on the session, the table, MAPI and status objects.
fn client(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::GetStatusTable { rows, .. } => format!(
            "客户端向会话请求状态表（IMAPISession::GetStatusTable）：共 {} 行，每个 MAPI 组件和传输提供程序各占一行。",
            rows.len()
        ),
        K::SetColumns { columns, .. } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!(
                "客户端把状态表的列限定为 {}（IMAPITable::SetColumns），之后读到的行只包含这些列。",
                cols.join("、")
            )
        }
        K::QueryAllRows { restriction, hr, matched, crows_max, .. } => match (hr, restriction) {
            (HResult::Ok, Some(r)) if matched.is_empty() => {
                format!("HrQueryAllRows 没有找到满足 {r} 的行。")
            }
            (HResult::Ok, Some(r)) => format!("HrQueryAllRows 返回满足 {r} 的行：{}。", matched.join(SEP)),
            (HResult::Ok, None) => format!("HrQueryAllRows 返回全部 {} 行。", matched.len()),
            (hr, _) => format!("HrQueryAllRows 失败，返回 {hr}：匹配的行多于 crowsMax {crows_max} 允许的行数。"),
        },
        K::OpenEntry { opened: Some(name), .. } => {
            format!("客户端把这一行的 PR_ENTRYID 传给 IMAPISession::OpenEntry，得到 {name} 的状态对象。")
        }
        K::OpenEntry { hr, entry: None, .. } => {
            format!("OpenEntry 失败，返回 {hr}：条目标识为 PT_NULL，因为请求的列中没有 PR_ENTRYID。")
        }
        K::OpenEntry { hr, .. } => format!("OpenEntry 失败，返回 {hr}：没有状态行具有这个条目标识。"),
        K::GetProp { object, prop, value } => {
            let o = spaced(object);
            match (prop, value) {
                (PropTag::ResourceMethods, Some(v)) => {
                    let has = v.contains("STATUS_FLUSH_QUEUES");
                    format!(
                        "客户端读取{o}的 PR_RESOURCE_METHODS：{v}，可见{o}{}FlushQueues。",
                        if has { "自己实现了 " } else { "自己没有实现 " }
                    )
                }
                (_, Some(v)) => {
                    format!("客户端读取{o}的 {prop}：{v}。")
                }
                (_, None) => format!("客户端读取{o}的 {prop}，但它没有该属性：GetProps 以 MAPI_W_ERRORS_RETURNED 发出警告，并用一个错误值（MAPI_E_NOT_FOUND）代替属性值。"),
            }
        }
        K::StatusMethod { object, method, hr } => {
            let o = spaced(object);
            if hr.succeeded() {
                format!("客户端调用{o}的状态对象的 {method}：{hr}。")
            } else {
                format!("{}对 {method} 返回 {hr}：PR_RESOURCE_METHODS 中它的位未设置。", o.trim_start())
            }
        }
        K::FlushCall { object, flags, target, mode, .. } => {
            let o = spaced(object);
            match (mode, target) {
                (FlushMode::Synchronous, Some(t)) => {
                    let fallback = facts.fallback;
                    {
                            let why =
                                if fallback { format!("{t} 没有 STATUS_FLUSH_QUEUES，所以这是回退：") } else { String::new() };
                            format!("客户端调用后台处理程序的 FlushQueues，传入 lpTargetTransport = {t} 和 {flags}。{why}只刷新 {t}，客户端一直等到刷新完成。")
                        }
                }
                (FlushMode::Synchronous, None) => format!("客户端调用后台处理程序的 FlushQueues，传入 {flags}，然后等待：没有 FLUSH_ASYNC_OK 时，这个调用是同步的。"),
                (FlushMode::Asynchronous, _) => format!("客户端调用后台处理程序的 FlushQueues，传入 {flags}：FLUSH_ASYNC_OK 让调用立即返回，后台处理程序在后台继续工作。"),
                (FlushMode::TransportRequest, _) => format!("客户端在{o}自己的状态对象上调用 FlushQueues，传入 {flags}：{}只标记自己的状态行，后台处理程序稍后在方便时再刷新它。参考文档既说 FlushQueues 默认是同步的，又说这种刷新相对客户端是异步进行的。", o.trim_start()),
                (FlushMode::Refused, _) => format!("客户端在{o}上调用 FlushQueues，传入 {flags}。"),
            }
        }
        K::ValidateCall { .. } | K::ValidateReturn { .. } => validate(&e.kind),
        K::FlushReturn { object, hr, note } => match note {
            Some(n) => format!("{}返回 {hr}：{}。", spaced(object).trim_start(), flush_note(*n)),
            None => format!("FlushQueues 返回 {hr}，客户端继续执行。"),
        },
        K::Release { var, .. } => format!("客户端释放 `{var}`（IUnknown::Release），它的句柄随之关闭。"),
        K::FreeProws { var, .. } => format!("客户端用 FreeProws 释放行集 `{var}`。"),
        _ => super::super::misrouted(),
    }
}

/// The script's own flow: loops, branches, errors, the end.
fn script(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::Loop { var, index, count } => {
            if *count == 0 {
                format!("行集为空，所以 `for {var}` 的循环体一次也不执行。")
            } else if index < count {
                format!("循环把第 {} 行（共 {count} 行）取到 `{var}` 中。", index + 1)
            } else {
                format!("循环已处理完全部 {count} 行。")
            }
        }
        K::Branch { cond, taken } => format!(
            "`{cond}` 为{}，所以执行{}分支。",
            if *taken { "真（非零）" } else { "假（零）" },
            if *taken { "第一个" } else { " else " }
        ),
        K::ScriptError { error, .. } => {
            format!("运行时错误：{}。脚本在此停止；已请求的工作仍由后台处理程序完成。", runtime_error(error))
        }
        K::RunEnd => match facts.open_handles {
            0 => String::from("脚本已执行完毕，后台处理程序空闲，所有句柄都已释放。"),
            n => format!("脚本已执行完毕，后台处理程序空闲，但有 {n} 个句柄始终没有释放。"),
        },
        _ => super::super::misrouted(),
    }
}

/// The spooler's side of the flush protocol.
fn spooler(e: &Event, facts: &Facts) -> String {
    match &e.kind {
        K::SpoolerBegin { transports, targeted, .. } => {
            if *targeted {
                format!("后台处理程序开始刷新 {}。", transports.join(SEP))
            } else {
                format!("后台处理程序按配置文件的传输顺序开始刷新每个传输提供程序：{}。第 1 步在任何 FLUSH 位设置之前就调用每个传输提供程序，而同一页面又说后台处理程序只调用 FLUSH 位已设置的传输提供程序。", transports.join(SEP))
            }
        }
        K::XpLogon { transport } => format!("对后台处理程序调用 ValidateState 会重新登录每个传输提供程序，无论它是否已登录：现在是 {transport}。"),
        K::Progress { shown: true, .. } => String::from("没有传入 FLUSH_NO_UI，所以后台处理程序为这次刷新显示进度指示器，其父窗口是客户端作为 ulUIParam 传入的窗口。"),
        K::Progress { shown: false, .. } => String::from("刷新结束，后台处理程序关闭进度指示器。"),
        K::XpFlushQueues { transport, flags, note, .. } => {
            let why = match facts.position {
                Position::Only => "它是这次刷新中唯一的传输提供程序",
                Position::First => "它在传输顺序中排在第一位",
                Position::Last => "它在传输顺序中排在最后",
                Position::Next => "传输顺序轮到了它",
            };
            let ras = match note {
                Some(XpNote::RasHonorsNoUi) => "这个 RAS 传输隐藏了它的对话框，这是场景设定的例外：原始页面说 RAS 几乎做不到。",
                None => "",
            };
            format!("后台处理程序对 {transport} 调用 IXPLogon::FlushQueues，在一次调用中传入 {flags}，因为{why}。{ras}")
        }
        K::XpReturn { transport, hr } => format!("{transport} 的 IXPLogon::FlushQueues 返回 {hr}，参考文档说它总是如此；出了问题要看它的状态行。"),
        K::LeftToSchedule { transport } => {
            format!("{transport} 是异步传输，且未传入 FLUSH_FORCE，所以它的队列留待它按自己的时间表处理（模型选择）。")
        }
        K::Submit { transport, subject, deferred, .. } => {
            let again = if *deferred { "（再次提交，带 BEGIN_DEFERRED，因为它之前被延迟过）" } else { "" };
            format!("后台处理程序用 SubmitMessage 把“{subject}”交给 {transport}{again}；{transport} 处理它期间设置 STATUS_OUTBOUND_ACTIVE。")
        }
        K::EndMessage { transport, subject, result, remaining, .. } => {
            let left = match *remaining {
                0 => String::from("队列现已清空。"),
                n => format!("还剩 {n} 封邮件。"),
            };
            match result {
                SubmitResult::Delivered => format!("EndMessage 完成“{subject}”：{transport} 已把它发出。{left}"),
                SubmitResult::Deferred => format!("EndMessage 返回 END_DONT_RESEND：{transport} 留下“{subject}”，以后再请求发送。{left}"),
                SubmitResult::Undeliverable => format!("EndMessage 完成“{subject}”：它没有发出，未送达报告会告诉用户（模型选择：EndMessage 没有表示无法投递的标志）。{left}"),
            }
        }
        K::SpoolerShutdown { transport, .. } => format!("后台处理程序正在关闭，所以它用一次同时带有 NOTIFY_END_INBOUND_FLUSH 和 NOTIFY_END_OUTBOUND_FLUSH 的 TransportNotify 结束这次刷新；{transport} 清除其状态位并释放所有资源。没有邮件丢失：其余邮件仍在队列中。"),
        K::TransportNotify { transport, notify } => match notify {
            Notify::EndOutboundFlush => {
                format!("后台处理程序通知 {transport} 传出刷新已结束：TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)。（“实现 FlushQueues 方法”页面把这个发送循环称为“下载”，与标志名称正好相反。）")
            }
            Notify::EndInboundFlush => {
                format!("后台处理程序通知 {transport} 传入刷新已结束：TransportNotify(NOTIFY_END_INBOUND_FLUSH)。")
            }
        },
        K::StartMessage { transport, subject, .. } => match subject {
            Some(s) => format!("后台处理程序对 {transport} 调用 StartMessage，{transport} 把“{s}”填入新邮件；其间设置 STATUS_INBOUND_ACTIVE。"),
            None => format!("STATUS_INBOUND_FLUSH 仍已设置，后台处理程序对 {transport} 调用 StartMessage；没有邮件在等待，{transport} 不调用 SaveChanges 就返回，循环结束。（“实现 FlushQueues 方法”页面的第 11-12 步却说 SaveChanges 标志着最后一封邮件；本模拟以 StartMessage 页面为准。）"),
        },
        K::TransportDone { transport, outcome: result } => match result {
            TransportOutcome::Completed => format!("后台处理程序完成了对 {transport} 的刷新。"),
            other => format!("后台处理程序结束了对 {transport} 的刷新：{}。", outcome(*other)),
        },
        K::SpoolerEnd { hr } => format!("后台处理程序的刷新结束，返回 {hr}。每个传输提供程序都返回了 S_OK，如有问题都写在其状态行中，所以 {hr} 并不表示每封邮件都已发出；要看状态表才知道（模型选择，依据 IXPLogon::FlushQueues 只返回 S_OK）。"),
        _ => super::super::misrouted(),
    }
}

/// What a transport does and shows.
fn transport(e: &Event) -> String {
    match &e.kind {
        K::Prompt { transport, no_ui_requested, .. } => {
            if *no_ui_requested {
                format!("尽管 FLUSH_NO_UI 要求传输提供程序不显示用户界面，{transport} 仍显示拨号对话框“连接 {transport}？”：原始页面提醒，调制解调器和 RAS 传输可能忽略它（模型选择）。")
            } else {
                format!("没有传入 FLUSH_NO_UI，所以 {transport} 显示拨号对话框“连接 {transport}？”。")
            }
        }
        K::PromptAnswer { transport, answer } => match answer {
            Answer::Connect => format!("用户选择连接，{transport} 继续刷新。"),
            Answer::Cancel => format!("用户选择取消：{transport} 保持脱机，没有邮件经由它收发，但也没有邮件丢失。"),
        },
        K::ModemLine { transport, acquired: true, .. } => format!("{transport} 占用共享的调制解调器线路；在它释放之前，其他拨号传输都不能使用这条线路。"),
        K::ModemLine { transport, acquired: false, why, .. } => format!("{transport} 释放调制解调器线路，留给下一个拨号传输：{}。", line_reason(*why)),
        K::Status { transport, why: StatusReason::OwnFlushQueues, .. } => format!("{transport}：{}。IMAPIStatus::FlushQueues 的实现者说明会为 FLUSH_UPLOAD 设置 INBOUND 位；本模拟以“实现 FlushQueues 方法”页面为准。", describe(&e.kind)),
        K::Status { transport, .. } | K::LinkDown { transport, .. } | K::DropsFlushBits { transport, .. } => {
            format!("{transport}：{}。", describe(&e.kind))
        }
        K::SentDeferred { transport, subject, .. } => {
            format!("{transport} 在连接之前用 SpoolerNotify(NOTIFY_SENTDEFERRED) 报告之前延迟的“{subject}”，于是它重新进入队列。")
        }
        K::StatusRecips { transport, subject, report_subject, .. } => format!("{transport} 无法投递“{subject}”，于是调用 IMAPISupport::StatusRecips，一封未送达报告“{report_subject}”进入收件箱。"),
        K::Validated { object, .. } => format!("{object}：{}。", describe(&e.kind)),
        K::ConfigChanged { transport } => format!("CONFIG_CHANGED：{transport} 用 SpoolerNotify(NOTIFY_CONFIG_CHANGE) 告诉后台处理程序它的配置已更改，正如调用方说明所述。"),
        K::StaysOffline { transport, .. } => format!("{transport} 脱机工作，所以它不连接任何东西，不保留任何 FLUSH 位，并返回 S_OK：没有邮件经由它收发（模型选择）。"),
        K::SaveChanges { transport, subject, more, .. } => {
            let more = if *more { "还有邮件在等待：它调用 SpoolerNotify(NOTIFY_NEWMAIL)。" } else { "" };
            format!("{transport} 在 StartMessage 之内调用 SaveChanges，“{subject}”进入收件箱。{more}随后 StartMessage 返回。")
        }
        K::PhaseSkipped { transport, phase, .. } => match phase {
            Phase::Inbound => format!(
                "只请求了 FLUSH_UPLOAD，所以 {transport} 跳过传入阶段；远程系统上等待的邮件仍留在原处（模型选择）。"
            ),
            Phase::Outbound => {
                format!("只请求了 FLUSH_DOWNLOAD，所以 {transport} 跳过传出阶段；它的传出队列保持不变（模型选择）。")
            }
        },
        _ => super::super::misrouted(),
    }
}

/// `ValidateState`: the call and its return.
fn validate(kind: &K) -> String {
    match kind {
        K::ValidateCall { object, flags, .. } => {
            format!("客户端对{}的状态对象调用 ValidateState，传入 {flags}，请它检查自己的状态。", spaced(object))
        }
        K::ValidateReturn { object, hr, note: Some(ValidateNote::UnknownFlags) } => {
            format!("{object} 拒绝了 ValidateState，返回 {hr}：ulFlags 中有 ValidateState 未定义的位。")
        }
        K::ValidateReturn { object, hr, note: Some(ValidateNote::Busy) } => {
            format!("{object} 拒绝了 ValidateState，返回 {hr}：它需要的刷新正在进行。")
        }
        K::ValidateReturn { hr, .. } => format!("ValidateState 返回 {hr}；它请求的事情通过状态行和后台处理程序完成。"),
        _ => super::super::misrouted(),
    }
}
