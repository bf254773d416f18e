//! The one-line Chinese description of each step in the text trace, by event group (MAPI call syntax kept as it is).

use super::runtime::runtime_error;
use super::words::{flush_note, job_reason, line_reason, outcome, status_reason};
use crate::catalog::status_change;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use flushq_core::trace::{
    Answer, EventKind as K, FlushMode, Notify, Phase, SubmitResult, ValidateNote, Validation, XpNote,
};

/// The ACTIVE bit a transport clears when it is done with one message.
const ACTIVE_OUT_DONE: &str = "PR_STATUS_CODE -= STATUS_OUTBOUND_ACTIVE";
/// The inbound counterpart of [`ACTIVE_OUT_DONE`].
const ACTIVE_IN_DONE: &str = "PR_STATUS_CODE -= STATUS_INBOUND_ACTIVE";

/// One line of the text trace for a step.
pub(crate) fn describe(kind: &K) -> String {
    by_group!(kind, client: client(kind), script: script(kind), spooler: spooler(kind), transport: transport(kind))
}

/// The client's calls on the session, the table, MAPI and status objects.
fn client(kind: &K) -> String {
    match kind {
        K::GetStatusTable { hr, rows, .. } => {
            format!("GetStatusTable() = {hr}，状态表（{} 行：{}）", rows.len(), rows.join("、"))
        }
        K::SetColumns { columns, hr } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!("SetColumns({}) = {hr}{}", cols.join(", "), "（限定列）")
        }
        K::QueryAllRows { restriction, crows_max, hr, matched, lacking, .. } => {
            let mut args = String::from("table");
            if let Some(r) = restriction {
                let _ = write!(args, ", {r}");
            }
            if *crows_max != 0 {
                let _ = write!(args, ", crowsMax {crows_max}");
            }
            if hr.succeeded() {
                {
                    let names = if matched.is_empty() { String::new() } else { format!("：{}", matched.join("、")) };
                    let lack = match lacking {
                        0 => String::new(),
                        n => format!("；{n} 行没有这个属性，不匹配（模型选择：参考文档未定义这种情况）"),
                    };
                    format!("HrQueryAllRows({args}) = {hr}，{} 行{names}{lack}", matched.len())
                }
            } else {
                format!("HrQueryAllRows({args}) = {hr}：匹配的行多于 crowsMax 允许的行数（模型选择：按匹配的行计数）")
            }
        }
        K::OpenEntry { entry, hr, opened, .. } => {
            let arg = entry.as_ref().map_or_else(|| String::from("PT_NULL"), |e| e.short());
            match (opened, entry) {
                (Some(name), _) => format!("OpenEntry({arg}) = {hr}，{name} 的状态对象"),
                (None, Some(_)) => format!("OpenEntry({arg}) = {hr}：没有状态行具有这个条目标识"),
                (None, None) => format!("OpenEntry({arg}) = {hr}：条目标识为 PT_NULL（请求的列中有 PR_ENTRYID 吗？）"),
            }
        }
        K::GetProp { prop, value, .. } => match value {
            Some(v) => format!("GetProps({prop}) = {v}{}", "（读取属性）"),
            None => format!("GetProps({prop}) = MAPI_W_ERRORS_RETURNED：该对象没有这个属性，其值以 PT_ERROR（MAPI_E_NOT_FOUND）返回"),
        },
        K::StatusMethod { method, hr, .. } => {
            if hr.succeeded() {
                format!("{method}() = {hr}{}", "（调用成功）")
            } else {
                format!("{method}() = {hr}：PR_RESOURCE_METHODS 中它的位未设置")
            }
        }
        K::ValidateCall { .. } | K::ValidateReturn { .. } => validate(kind),
        K::FlushCall { ui, flags, target, mode, note, .. } => {
            let args = match target {
                Some(t) => format!("{ui}, cb, lpTargetTransport = {t}, {flags}"),
                None => format!("{ui}, 0, NULL, {flags}"),
            };
            let how = match mode {
                FlushMode::Synchronous => "；同步调用：客户端等到刷新结束",
                FlushMode::Asynchronous => "；FLUSH_ASYNC_OK：后台处理程序可以在后台完成",
                FlushMode::TransportRequest => "；在传输提供程序自己的状态对象上",
                FlushMode::Refused => "（客户端调用）",
            };
            let note = note.map(|n| format!("（{}）", flush_note(n))).unwrap_or_default();
            format!("FlushQueues({args}){how}{note}")
        }
        K::FlushReturn { hr, note, .. } => match note {
            Some(n) => format!("FlushQueues = {hr}：{}", flush_note(*n)),
            None => format!("FlushQueues = {hr}{}", "（控制权回到客户端）"),
        },
        K::Release { var, .. } => format!("Release({var}){}", "（释放对象）"),
        K::FreeProws { var, rows, .. } => format!("FreeProws({var})：释放了 {rows} 行"),
        _ => super::super::misrouted(),
    }
}

/// The script's own flow: loops, branches, errors, the end.
fn script(kind: &K) -> String {
    match kind {
        K::Loop { var, index, count } => {
            if *count == 0 {
                format!("for {var}：没有行，跳过循环体")
            } else if index < count {
                format!("for {var}：第 {} 行，共 {count} 行", index + 1)
            } else {
                format!("for {var}：{count} 行都已处理，循环结束")
            }
        }
        K::Branch { cond, taken } => {
            if *taken {
                format!("if {cond}：为真，执行第一个分支")
            } else {
                format!("if {cond}：为假，执行 else 分支")
            }
        }
        K::ScriptError { column, error } => format!("第 {column} 列出错：{}；脚本停止", runtime_error(error)),
        K::RunEnd => String::from("脚本已执行完毕，后台处理程序空闲"),
        _ => super::super::misrouted(),
    }
}

/// The spooler's side of the flush protocol.
fn spooler(kind: &K) -> String {
    match kind {
        K::SpoolerBegin { transports, reason, targeted, .. } => {
            if *targeted {
                format!("刷新 {}（{}）", transports.join("、"), job_reason(*reason))
            } else {
                format!("传输顺序：{}（{}）", transports.join("、"), job_reason(*reason))
            }
        }
        K::XpLogon { transport } => format!("重新登录 {transport}（对后台处理程序调用 ValidateState）"),
        K::Progress { shown, parent } => {
            if *shown {
                format!("显示进度指示器，父窗口 {parent}（ulUIParam）；未传入 FLUSH_NO_UI")
            } else {
                String::from("关闭进度指示器")
            }
        }
        K::XpFlushQueues { ui, flags, note, .. } => match note {
            Some(XpNote::RasHonorsNoUi) => {
                format!("IXPLogon::FlushQueues({ui}, 0, NULL, {flags})；这个 RAS 传输遵守 FLUSH_NO_UI，是场景设定的例外（RAS 几乎做不到）")
            }
            None => format!("IXPLogon::FlushQueues({ui}, 0, NULL, {flags}){}", "（一次传入全部标志）"),
        },
        K::XpReturn { hr, .. } => format!("IXPLogon::FlushQueues 返回 {hr}"),
        K::LeftToSchedule { transport } => {
            format!("{transport} 是异步传输，且未传入 FLUSH_FORCE：它的队列留待它按自己的时间表处理（模型选择）")
        }
        K::Submit { subject, deferred, .. } => {
            let flags = if *deferred { "BEGIN_DEFERRED" } else { "0" };
            format!("SubmitMessage({flags}, {subject}) = S_OK：传输提供程序接过 {subject}；PR_STATUS_CODE += STATUS_OUTBOUND_ACTIVE")
        }
        K::EndMessage { subject, result, .. } => match result {
            SubmitResult::Delivered => format!("EndMessage({subject}) -> 0：{subject} -> 远程系统；{ACTIVE_OUT_DONE}"),
            SubmitResult::Deferred => format!(
                "EndMessage({subject}) -> END_DONT_RESEND：传输提供程序延迟 {subject} 并留下它；{ACTIVE_OUT_DONE}"
            ),
            SubmitResult::Undeliverable => {
                format!("EndMessage({subject}) -> 0：传输提供程序处理完 {subject}，已报告无法投递，没有发出（模型选择：该页面没有对应的标志）；{ACTIVE_OUT_DONE}")
            }
        },
        K::SpoolerShutdown { .. } => String::from(
            "关闭：TransportNotify(NOTIFY_END_INBOUND_FLUSH | NOTIFY_END_OUTBOUND_FLUSH)；传输提供程序清除其状态位并释放资源",
        ),
        K::TransportNotify { notify, .. } => String::from(match notify {
            Notify::EndOutboundFlush => "TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)（传出刷新结束）",
            Notify::EndInboundFlush => "TransportNotify(NOTIFY_END_INBOUND_FLUSH)（传入刷新结束）",
        }),
        K::StartMessage { subject, .. } => match subject {
            Some(s) => format!("StartMessage：传输提供程序把 {s} 填入新邮件；PR_STATUS_CODE += STATUS_INBOUND_ACTIVE"),
            None => String::from("StartMessage = S_OK：没有邮件在等待，传输提供程序不调用 SaveChanges 就返回"),
        },
        K::TransportDone { transport, outcome: result } => format!("{transport} 处理结束：{}", outcome(*result)),
        K::SpoolerEnd { hr } => {
            format!("刷新结束 = {hr}；每个传输提供程序都返回了 S_OK，如有问题都写在其状态行中（模型选择）")
        }
        _ => super::super::misrouted(),
    }
}

/// What a transport does and shows.
fn transport(kind: &K) -> String {
    match kind {
        K::Prompt { transport, parent, no_ui_requested } => {
            let why = if *no_ui_requested { "忽略 FLUSH_NO_UI" } else { "未传入 FLUSH_NO_UI" };
            format!("{why}：在窗口 {parent}（ulUIParam）上显示“连接 {transport}？”")
        }
        K::PromptAnswer { answer, .. } => String::from(match answer {
            Answer::Connect => "用户：连接",
            Answer::Cancel => "用户：取消；传输提供程序保持脱机，不经由它收发任何邮件",
        }),
        K::ModemLine { acquired, why, .. } => {
            let what = if *acquired { "占用调制解调器线路" } else { "释放调制解调器线路" };
            format!("{what}：{}", line_reason(*why))
        }
        K::Status { set, cleared, now, why, .. } => {
            let change = status_change(*set, *cleared).unwrap_or_else(|| format!("PR_STATUS_CODE 不变（{now}）"));
            format!("{change}：{}", status_reason(*why))
        }
        K::SentDeferred { subject, .. } => {
            format!("SpoolerNotify(NOTIFY_SENTDEFERRED)：之前延迟的 {subject} 重新排队等待发送")
        }
        K::StatusRecips { subject, report_subject, .. } => {
            format!("无法投递 {subject}：StatusRecips，未送达报告“{report_subject}” -> 收件箱")
        }
        K::Validated { what, .. } => String::from(match what {
            Validation::Subsystem => "验证当前活动的提供程序和子系统自身拥有的资源",
            Validation::AddressBook => "检查其配置文件节中的条目",
            Validation::Store => "没有模型可显示的验证内容（模型选择）",
            Validation::NoHeaderCache => "没有邮件头缓存，邮件头标志不改变任何东西（模型选择）",
            Validation::NoSessionUi => "没有可显示的会话界面（模型选择）",
        }),
        K::ConfigChanged { .. } => String::from("CONFIG_CHANGED：SpoolerNotify(NOTIFY_CONFIG_CHANGE)"),
        K::StaysOffline { .. } => String::from("脱机工作：不连接任何东西，也不保留任何 FLUSH 位（模型选择）"),
        K::SaveChanges { subject, more, .. } => {
            if *more {
                format!(
                    "SaveChanges：{subject} -> 收件箱；{ACTIVE_IN_DONE}；SpoolerNotify(NOTIFY_NEWMAIL)：还有邮件在等待；StartMessage 返回 S_OK"
                )
            } else {
                format!("SaveChanges：{subject} -> 收件箱；{ACTIVE_IN_DONE}；StartMessage 返回 S_OK")
            }
        }
        K::PhaseSkipped { phase, .. } => match phase {
            Phase::Outbound => String::from("未指定 FLUSH_UPLOAD：跳过传出阶段（模型选择）"),
            Phase::Inbound => String::from("未指定 FLUSH_DOWNLOAD：跳过传入阶段（模型选择）"),
        },
        K::LinkDown { now, .. } => {
            format!("无法连接到它的服务器：状态行中设置 STATUS_FAILURE（现为 {now}），不设置 FLUSH 位")
        }
        K::DropsFlushBits { bits, .. } => format!("在刷新中途清除 {bits}（ModifyStatusRow）：它停止了这次刷新"),
        _ => super::super::misrouted(),
    }
}

/// `ValidateState`: the call and its return.
fn validate(kind: &K) -> String {
    match kind {
        K::ValidateCall { ui, flags, .. } => format!("ValidateState({ui}, {flags})：请状态对象检查自身状态"),
        K::ValidateReturn { hr, note, .. } => match note {
            Some(ValidateNote::UnknownFlags) => format!("ValidateState = {hr}：ulFlags 中有 ValidateState 未定义的位"),
            Some(ValidateNote::Busy) => format!("ValidateState = {hr}：它需要的刷新正在进行"),
            None => format!("ValidateState 返回 {hr}{}", ""),
        },
        _ => super::super::misrouted(),
    }
}
