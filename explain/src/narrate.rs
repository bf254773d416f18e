//! One plain sentence per step, saying what happens and why, for the playground's
//! narration line and its screen-reader live region, in English or Chinese: the
//! matching is shared, only the sentence templates differ.

use crate::gloss::{gloss, zh_spaced};
use crate::text::{describe_in, outcome_text_in};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::lang::{by_lang, Lang};
use flushq_core::machine::script_error_in;
use flushq_core::mapi::{HResult, PropTag, ResourceMethods};
use flushq_core::trace::{
    Answer, Event, EventKind, FlushMode, Notify, Phase, PromptStyle, SubmitResult, TransportOutcome, View,
};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The narration of `e`, given the view just before it, in English.
pub fn narrate(e: &Event, before: &View) -> String {
    narrate_in(e, before, Lang::En)
}

/// The narration of `e`, given the view just before it, in `lang`.
pub fn narrate_in(e: &Event, before: &View, lang: Lang) -> String {
    let supports_flush = |name: &str| {
        before
            .rows
            .iter()
            .find(|r| r.name == name)
            .is_some_and(|r| r.methods.contains(ResourceMethods::STATUS_FLUSH_QUEUES))
    };
    // Lists read "a, b" in English and "a、b" in Chinese.
    let sep = lang.pick(", ", "、");
    match &e.kind {
        EventKind::GetStatusTable { rows, .. } => by_lang!(
            lang,
            format!(
                "The client asks the session for its status table (IMAPISession::GetStatusTable): {}, one per MAPI component and transport.",
                plural(rows.len(), "row", "rows")
            ),
            format!(
                "客户端向会话请求状态表（IMAPISession::GetStatusTable）：共 {} 行，每个 MAPI 组件和传输提供程序各占一行。",
                rows.len()
            )
        ),
        EventKind::SetColumns { columns, .. } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            by_lang!(
                lang,
                format!("The client limits the table's columns to {} (IMAPITable::SetColumns), so the rows it reads carry only these.", cols.join(" and ")),
                format!("客户端把状态表的列限定为 {}（IMAPITable::SetColumns），之后读到的行只包含这些列。", cols.join("、"))
            )
        }
        EventKind::QueryAllRows { restriction, hr, matched, crows_max, .. } => match (hr, restriction) {
            (HResult::Ok, Some(r)) if matched.is_empty() => {
                by_lang!(lang, format!("HrQueryAllRows finds no row where {r}."), format!("HrQueryAllRows 没有找到满足 {r} 的行。"))
            }
            (HResult::Ok, Some(r)) => by_lang!(
                lang,
                format!("HrQueryAllRows returns the rows where {r}: {}.", matched.join(sep)),
                format!("HrQueryAllRows 返回满足 {r} 的行：{}。", matched.join(sep))
            ),
            (HResult::Ok, None) => by_lang!(
                lang,
                format!("HrQueryAllRows returns all {}.", plural(matched.len(), "row", "rows")),
                format!("HrQueryAllRows 返回全部 {} 行。", matched.len())
            ),
            (hr, _) => by_lang!(
                lang,
                format!("HrQueryAllRows fails with {hr}: more rows match than crowsMax {crows_max} allows."),
                format!("HrQueryAllRows 失败，返回 {hr}：匹配的行多于 crowsMax {crows_max} 允许的行数。")
            ),
        },
        EventKind::OpenEntry { opened: Some(name), .. } => by_lang!(
            lang,
            format!("The client passes the row's PR_ENTRYID to IMAPISession::OpenEntry and gets the status object of {name}."),
            format!("客户端把这一行的 PR_ENTRYID 传给 IMAPISession::OpenEntry，得到 {name} 的状态对象。")
        ),
        EventKind::OpenEntry { hr, entry: None, .. } => by_lang!(
            lang,
            format!("OpenEntry fails with {hr}: the entry id is PT_NULL, because PR_ENTRYID was not among the columns requested."),
            format!("OpenEntry 失败，返回 {hr}：条目标识为 PT_NULL，因为请求的列中没有 PR_ENTRYID。")
        ),
        EventKind::OpenEntry { hr, .. } => by_lang!(
            lang,
            format!("OpenEntry fails with {hr}: no status row has this entry id."),
            format!("OpenEntry 失败，返回 {hr}：没有状态行具有这个条目标识。")
        ),
        EventKind::GetProp { object, prop, value } => {
            let o = zh_spaced(object);
            match (prop, value) {
                (PropTag::ResourceMethods, Some(v)) => {
                    let has = v.contains("STATUS_FLUSH_QUEUES");
                    by_lang!(
                        lang,
                        format!(
                            "The client reads PR_RESOURCE_METHODS of {object}: {v}, so {object} {} FlushQueues itself.",
                            if has { "implements" } else { "does not implement" }
                        ),
                        format!(
                            "客户端读取{o}的 PR_RESOURCE_METHODS：{v}，可见{o}{}FlushQueues。",
                            if has { "自己实现了 " } else { "自己没有实现 " }
                        )
                    )
                }
                (_, Some(v)) => {
                    by_lang!(lang, format!("The client reads {prop} of {object}: {v}."), format!("客户端读取{o}的 {prop}：{v}。"))
                }
                (_, None) => by_lang!(
                    lang,
                    format!("The client reads {prop} of {object}, which this row does not have: PT_NULL."),
                    format!("客户端读取{o}的 {prop}，但这一行没有该属性：PT_NULL。")
                ),
            }
        }
        EventKind::StatusMethod { object, method, hr } => {
            let o = zh_spaced(object);
            if hr.succeeded() {
                by_lang!(
                    lang,
                    format!("The client calls {method} on {object}'s status object: {hr}."),
                    format!("客户端调用{o}的状态对象的 {method}：{hr}。")
                )
            } else {
                by_lang!(
                    lang,
                    format!("{object} returns {hr} for {method}: its bit is clear in PR_RESOURCE_METHODS."),
                    format!("{}对 {method} 返回 {hr}：PR_RESOURCE_METHODS 中它的位未设置。", o.trim_start())
                )
            }
        }
        EventKind::FlushCall { object, flags, target, mode, .. } => {
            let o = zh_spaced(object);
            match (mode, target) {
                (FlushMode::Synchronous, Some(t)) => {
                    let fallback = !supports_flush(t);
                    by_lang!(
                        lang,
                        {
                            let why = if fallback {
                                format!(" {t} lacks STATUS_FLUSH_QUEUES, so this is the fallback: only")
                            } else {
                                String::from(" Only")
                            };
                            format!("The client calls the spooler's FlushQueues with lpTargetTransport = {t} and {flags}.{why} {t} is flushed, and the client waits until it is done.")
                        },
                        {
                            let why =
                                if fallback { format!("{t} 没有 STATUS_FLUSH_QUEUES，所以这是回退：") } else { String::new() };
                            format!("客户端调用后台处理程序的 FlushQueues，传入 lpTargetTransport = {t} 和 {flags}。{why}只刷新 {t}，客户端一直等到刷新完成。")
                        }
                    )
                }
                (FlushMode::Synchronous, None) => by_lang!(
                    lang,
                    format!("The client calls the spooler's FlushQueues with {flags} and waits: without FLUSH_ASYNC_OK the call is synchronous."),
                    format!("客户端调用后台处理程序的 FlushQueues，传入 {flags}，然后等待：没有 FLUSH_ASYNC_OK 时，这个调用是同步的。")
                ),
                (FlushMode::Asynchronous, _) => by_lang!(
                    lang,
                    format!("The client calls the spooler's FlushQueues with {flags}: FLUSH_ASYNC_OK lets the call return at once while the spooler works."),
                    format!("客户端调用后台处理程序的 FlushQueues，传入 {flags}：FLUSH_ASYNC_OK 让调用立即返回，后台处理程序在后台继续工作。")
                ),
                (FlushMode::TransportRequest, _) => by_lang!(
                    lang,
                    format!("The client calls FlushQueues on {object}'s own status object with {flags}: {object} only marks its status row; the spooler flushes it later, at its convenience."),
                    format!("客户端在{o}自己的状态对象上调用 FlushQueues，传入 {flags}：{}只标记自己的状态行，后台处理程序稍后在方便时再刷新它。", o.trim_start())
                ),
                (FlushMode::Refused, _) => by_lang!(
                    lang,
                    format!("The client calls FlushQueues on {object} with {flags}."),
                    format!("客户端在{o}上调用 FlushQueues，传入 {flags}。")
                ),
            }
        }
        EventKind::FlushReturn { object, hr, note } => match note {
            Some(n) => by_lang!(
                lang,
                format!("{object} returns {hr}: {n}."),
                format!("{}返回 {hr}：{}。", zh_spaced(object).trim_start(), gloss(lang, n))
            ),
            None => by_lang!(
                lang,
                format!("FlushQueues returns {hr} and the client continues."),
                format!("FlushQueues 返回 {hr}，客户端继续执行。")
            ),
        },
        EventKind::Release { var, .. } => by_lang!(
            lang,
            format!("The client releases `{var}` (IUnknown::Release); its handle is closed."),
            format!("客户端释放 `{var}`（IUnknown::Release），它的句柄随之关闭。")
        ),
        EventKind::FreeProws { var, .. } => by_lang!(
            lang,
            format!("The client frees the row set `{var}` with FreeProws."),
            format!("客户端用 FreeProws 释放行集 `{var}`。")
        ),
        EventKind::Loop { var, index, count } => {
            if *count == 0 {
                by_lang!(
                    lang,
                    format!("The row set is empty, so the `for {var}` body never runs."),
                    format!("行集为空，所以 `for {var}` 的循环体一次也不执行。")
                )
            } else if index < count {
                by_lang!(
                    lang,
                    format!("The loop takes row {} of {count} into `{var}`.", index + 1),
                    format!("循环把第 {} 行（共 {count} 行）取到 `{var}` 中。", index + 1)
                )
            } else {
                by_lang!(
                    lang,
                    format!("The loop has visited all {}.", plural(*count, "row", "rows")),
                    format!("循环已处理完全部 {count} 行。")
                )
            }
        }
        EventKind::Branch { cond, taken } => by_lang!(
            lang,
            format!(
                "`{cond}` is {}, so the {} branch runs.",
                if *taken { "true (non-zero)" } else { "false (zero)" },
                if *taken { "first" } else { "else" }
            ),
            format!(
                "`{cond}` 为{}，所以执行{}分支。",
                if *taken { "真（非零）" } else { "假（零）" },
                if *taken { "第一个" } else { " else " }
            )
        ),
        EventKind::ScriptError { message, .. } => by_lang!(
            lang,
            format!("Run-time error: {message}. The script stops here; the spooler still finishes work already requested."),
            format!("运行时错误：{}。脚本在此停止；已请求的工作仍由后台处理程序完成。", script_error_in(message, lang))
        ),
        EventKind::SpoolerBegin { transports, targeted, .. } => {
            if *targeted {
                by_lang!(
                    lang,
                    format!("The spooler starts a flush of {}.", transports.join(sep)),
                    format!("后台处理程序开始刷新 {}。", transports.join(sep))
                )
            } else {
                by_lang!(
                    lang,
                    format!("The spooler starts flushing every transport in the profile's transport order: {}.", transports.join(sep)),
                    format!("后台处理程序按配置文件的传输顺序开始刷新每个传输提供程序：{}。", transports.join(sep))
                )
            }
        }
        EventKind::XpFlushQueues { transport, flags } => {
            let pos = before.transport_index(transport).and_then(|t| before.job.iter().position(|&j| j == t));
            let why = match (pos, before.job.len()) {
                (_, 1) => lang.pick("the only transport in this flush", "它是这次刷新中唯一的传输提供程序"),
                (Some(0), _) => lang.pick("first in transport order", "它在传输顺序中排在第一位"),
                (Some(i), n) if i + 1 == n => lang.pick("last in transport order", "它在传输顺序中排在最后"),
                _ => lang.pick("next in transport order", "传输顺序轮到了它"),
            };
            by_lang!(
                lang,
                format!("The spooler calls IXPLogon::FlushQueues on {transport} because it is {why}, passing {flags} in one call."),
                format!("后台处理程序对 {transport} 调用 IXPLogon::FlushQueues，在一次调用中传入 {flags}，因为{why}。")
            )
        }
        EventKind::XpReturn { transport, hr } => {
            if hr.succeeded() {
                by_lang!(
                    lang,
                    format!("{transport} returns S_OK from IXPLogon::FlushQueues: it is ready for the spooler's loop."),
                    format!("{transport} 的 IXPLogon::FlushQueues 返回 S_OK：它已准备好进入后台处理程序的循环。")
                )
            } else {
                by_lang!(
                    lang,
                    format!("{transport} returns {hr} from IXPLogon::FlushQueues; its messages stay where they are."),
                    format!("{transport} 的 IXPLogon::FlushQueues 返回 {hr}；它的邮件留在原处。")
                )
            }
        }
        EventKind::LeftToSchedule { transport } => by_lang!(
            lang,
            format!("{transport} is asynchronous and FLUSH_FORCE was not passed, so its queues are left to its own schedule (model choice)."),
            format!("{transport} 是异步传输，且未传入 FLUSH_FORCE，所以它的队列留待它按自己的时间表处理（模型选择）。")
        ),
        EventKind::Prompt { transport, style, no_ui_requested } => {
            let what = match style {
                PromptStyle::DialUp => {
                    by_lang!(lang, format!("the dial-up dialog “Connect {transport}?”"), format!("拨号对话框“连接 {transport}？”"))
                }
                PromptStyle::Progress => String::from(lang.pick("its progress dialog", "它的进度对话框")),
            };
            if *no_ui_requested {
                by_lang!(
                    lang,
                    format!("{transport} ignores FLUSH_NO_UI, as modem and RAS transports may, and shows {what}."),
                    format!("{transport} 忽略了 FLUSH_NO_UI（调制解调器和 RAS 传输可能这样做），显示{what}。")
                )
            } else {
                by_lang!(
                    lang,
                    format!("FLUSH_NO_UI was not passed, so {transport} shows {what}."),
                    format!("没有传入 FLUSH_NO_UI，所以 {transport} 显示{what}。")
                )
            }
        }
        EventKind::PromptAnswer { transport, answer } => match answer {
            Answer::Connect => {
                by_lang!(lang, format!("The user connects, so {transport} goes on."), format!("用户选择连接，{transport} 继续刷新。"))
            }
            Answer::Cancel => by_lang!(
                lang,
                format!("The user cancels: {transport} returns MAPI_E_USER_CANCEL and nothing moves through it, but nothing is lost."),
                format!("用户选择取消：{transport} 返回 MAPI_E_USER_CANCEL，没有邮件经由它收发，但也没有邮件丢失。")
            ),
        },
        EventKind::ModemLine { transport, acquired } => {
            if *acquired {
                by_lang!(
                    lang,
                    format!("{transport} takes the shared modem line; no other dial-up transport can use it until it is released."),
                    format!("{transport} 占用共享的调制解调器线路；在它释放之前，其他拨号传输都不能使用这条线路。")
                )
            } else {
                by_lang!(
                    lang,
                    format!("{transport} releases the modem line for the next dial-up transport."),
                    format!("{transport} 释放调制解调器线路，留给下一个拨号传输。")
                )
            }
        }
        EventKind::Status { transport, .. } | EventKind::LinkDown { transport, .. } | EventKind::DropsFlushBits { transport, .. } => {
            by_lang!(
                lang,
                format!("{transport}: {}.", describe_in(&e.kind, lang)),
                format!("{transport}：{}。", describe_in(&e.kind, lang))
            )
        }
        EventKind::SentDeferred { transport, subject, .. } => by_lang!(
            lang,
            format!("{transport} reports “{subject}”, which it deferred earlier, with SpoolerNotify(NOTIFY_SENTDEFERRED), so it is queued again."),
            format!("{transport} 用 SpoolerNotify(NOTIFY_SENTDEFERRED) 报告之前延迟的“{subject}”，于是它重新进入队列。")
        ),
        EventKind::Submit { transport, subject, result, remaining, .. } => {
            let left = match (lang, *remaining) {
                (Lang::En, 0) => String::from("The queue is now empty."),
                (Lang::En, n) => format!("{} left.", plural(n, "message", "messages")),
                (Lang::Zh, 0) => String::from("队列现已清空。"),
                (Lang::Zh, n) => format!("还剩 {n} 封邮件。"),
            };
            match result {
                SubmitResult::Delivered => by_lang!(
                    lang,
                    format!("The spooler hands “{subject}” to {transport} (SubmitMessage), which sends it; EndMessage completes it. {left}"),
                    format!("后台处理程序把“{subject}”交给 {transport}（SubmitMessage），由它发出；EndMessage 完成这封邮件。{left}")
                ),
                SubmitResult::Deferred => by_lang!(
                    lang,
                    format!("{transport} accepts “{subject}” but defers it: it stays with the transport until a later flush. {left}"),
                    format!("{transport} 接受了“{subject}”但延迟发送：邮件留在传输提供程序中，等待以后的刷新。{left}")
                ),
                SubmitResult::Failed(hr) => by_lang!(
                    lang,
                    format!("SubmitMessage fails with {hr} for “{subject}”: the spooler reports it undeliverable. {left}"),
                    format!("“{subject}”的 SubmitMessage 失败，返回 {hr}：后台处理程序报告它无法投递。{left}")
                ),
            }
        }
        EventKind::TransportNotify { transport, notify } => match notify {
            Notify::EndOutboundFlush => by_lang!(
                lang,
                format!("The spooler tells {transport} the outbound flush is over: TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)."),
                format!("后台处理程序通知 {transport} 传出刷新已结束：TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)。")
            ),
            Notify::EndInboundFlush => by_lang!(
                lang,
                format!("The spooler tells {transport} the inbound flush is over: TransportNotify(NOTIFY_END_INBOUND_FLUSH)."),
                format!("后台处理程序通知 {transport} 传入刷新已结束：TransportNotify(NOTIFY_END_INBOUND_FLUSH)。")
            ),
        },
        EventKind::StartMessage { transport, subject, last, .. } => {
            if *last {
                by_lang!(
                    lang,
                    format!("The spooler calls StartMessage on {transport}: “{subject}” arrives in the inbox, and SaveChanges on this last message ends the loop."),
                    format!("后台处理程序对 {transport} 调用 StartMessage：“{subject}”进入收件箱；这是最后一封，对它调用 SaveChanges 结束循环。")
                )
            } else {
                by_lang!(
                    lang,
                    format!("The spooler calls StartMessage on {transport}: “{subject}” arrives in the inbox; NOTIFY_NEWMAIL says more is waiting."),
                    format!("后台处理程序对 {transport} 调用 StartMessage：“{subject}”进入收件箱；NOTIFY_NEWMAIL 表示还有邮件在等待。")
                )
            }
        }
        EventKind::PhaseSkipped { transport, phase, .. } => match phase {
            Phase::Inbound => by_lang!(
                lang,
                format!("Only FLUSH_UPLOAD was asked for, so {transport} skips the inbound phase; mail waiting remotely stays there (model choice)."),
                format!("只请求了 FLUSH_UPLOAD，所以 {transport} 跳过传入阶段；远程系统上等待的邮件仍留在原处（模型选择）。")
            ),
            Phase::Outbound => by_lang!(
                lang,
                format!("Only FLUSH_DOWNLOAD was asked for, so {transport} skips the outbound phase; its outbound queue is untouched (model choice)."),
                format!("只请求了 FLUSH_DOWNLOAD，所以 {transport} 跳过传出阶段；它的传出队列保持不变（模型选择）。")
            ),
        },
        EventKind::TransportDone { transport, outcome } => match outcome {
            TransportOutcome::Completed => by_lang!(
                lang,
                format!("The spooler is done with {transport}."),
                format!("后台处理程序完成了对 {transport} 的刷新。")
            ),
            other => by_lang!(
                lang,
                format!("The spooler is done with {transport}: {}.", outcome_text_in(*other, lang)),
                format!("后台处理程序结束了对 {transport} 的刷新：{}。", outcome_text_in(*other, lang))
            ),
        },
        EventKind::SpoolerEnd { hr } => {
            by_lang!(lang, format!("The spooler's flush ends with {hr}."), format!("后台处理程序的刷新结束，返回 {hr}。"))
        }
        EventKind::RunEnd => {
            let open = before.handles.iter().filter(|h| h.released.is_none()).count();
            match (lang, open) {
                (Lang::En, 0) => String::from("The script has finished, the spooler is idle, and every handle was released."),
                (Lang::En, n) => format!(
                    "The script has finished and the spooler is idle, but {} never released.",
                    plural(n, "handle was", "handles were")
                ),
                (Lang::Zh, 0) => String::from("脚本已执行完毕，后台处理程序空闲，所有句柄都已释放。"),
                (Lang::Zh, n) => format!("脚本已执行完毕，后台处理程序空闲，但有 {n} 个句柄始终没有释放。"),
            }
        }
    }
}
