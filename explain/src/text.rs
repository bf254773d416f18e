//! The readable, numbered text trace.

use crate::gloss::gloss;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use flushq_core::lang::{by_lang, Lang};
use flushq_core::machine::script_error_in;
use flushq_core::trace::{
    Answer, Event, EventKind, FlushMode, Notify, Outcome, Phase, PromptStyle, SubmitResult, TransportOutcome,
};

/// How a transport's flush ended, in a few words (traces and narration share it).
pub fn outcome_text(outcome: TransportOutcome) -> &'static str {
    outcome_text_in(outcome, Lang::En)
}

/// [`outcome_text`] in `lang`.
pub fn outcome_text_in(outcome: TransportOutcome, lang: Lang) -> &'static str {
    match outcome {
        TransportOutcome::Completed => lang.pick("completed", "已完成"),
        TransportOutcome::LinkDown => lang.pick("link down, messages stay queued", "链路断开，邮件仍在队列中"),
        TransportOutcome::Cancelled => {
            lang.pick("cancelled by the user, messages stay queued", "被用户取消，邮件仍在队列中")
        }
        TransportOutcome::Stopped => {
            lang.pick("stopped by the transport, the rest stays queued", "被传输提供程序停止，其余邮件仍在队列中")
        }
        TransportOutcome::LeftToSchedule => lang.pick("left to its own schedule", "留待它按自己的时间表处理"),
    }
}

/// One sentence telling what happened in a step, in MAPI's words.
pub fn describe(kind: &EventKind) -> String {
    describe_in(kind, Lang::En)
}

/// [`describe`] in `lang`: the MAPI call syntax stays as it is, the words around it
/// are translated.
pub fn describe_in(kind: &EventKind, lang: Lang) -> String {
    match kind {
        EventKind::GetStatusTable { hr, rows, .. } => by_lang!(
            lang,
            format!("GetStatusTable() = {hr}, table ({} rows: {})", rows.len(), rows.join(", ")),
            format!("GetStatusTable() = {hr}，状态表（{} 行：{}）", rows.len(), rows.join("、"))
        ),
        EventKind::SetColumns { columns, hr } => {
            let cols: Vec<&str> = columns.iter().map(|c| c.name()).collect();
            format!("SetColumns({}) = {hr}{}", cols.join(", "), lang.pick("", "（限定列）"))
        }
        EventKind::QueryAllRows { restriction, crows_max, hr, matched, .. } => {
            let mut args = String::from("table");
            if let Some(r) = restriction {
                let _ = write!(args, ", {r}");
            }
            if *crows_max != 0 {
                let _ = write!(args, ", crowsMax {crows_max}");
            }
            if hr.succeeded() {
                by_lang!(
                    lang,
                    {
                        let noun = if matched.len() == 1 { "row" } else { "rows" };
                        let names = if matched.is_empty() { String::new() } else { format!(": {}", matched.join(", ")) };
                        format!("HrQueryAllRows({args}) = {hr}, {} {noun}{names}", matched.len())
                    },
                    {
                        let names = if matched.is_empty() { String::new() } else { format!("：{}", matched.join("、")) };
                        format!("HrQueryAllRows({args}) = {hr}，{} 行{names}", matched.len())
                    }
                )
            } else {
                by_lang!(
                    lang,
                    format!("HrQueryAllRows({args}) = {hr}: more rows match than crowsMax allows"),
                    format!("HrQueryAllRows({args}) = {hr}：匹配的行多于 crowsMax 允许的行数")
                )
            }
        }
        EventKind::OpenEntry { entry, hr, opened, .. } => {
            let arg = entry.as_ref().map_or_else(|| String::from("PT_NULL"), |e| e.short());
            match (opened, entry) {
                (Some(name), _) => by_lang!(
                    lang,
                    format!("OpenEntry({arg}) = {hr}, status object of {name}"),
                    format!("OpenEntry({arg}) = {hr}，{name} 的状态对象")
                ),
                (None, Some(_)) => by_lang!(
                    lang,
                    format!("OpenEntry({arg}) = {hr}: no status row has this entry id"),
                    format!("OpenEntry({arg}) = {hr}：没有状态行具有这个条目标识")
                ),
                (None, None) => by_lang!(
                    lang,
                    format!("OpenEntry({arg}) = {hr}: the entry id is PT_NULL (was PR_ENTRYID among the columns?)"),
                    format!("OpenEntry({arg}) = {hr}：条目标识为 PT_NULL（请求的列中有 PR_ENTRYID 吗？）")
                ),
            }
        }
        EventKind::GetProp { prop, value, .. } => match value {
            Some(v) => format!("GetProps({prop}) = {v}{}", lang.pick("", "（读取属性）")),
            None => by_lang!(
                lang,
                format!("GetProps({prop}) = PT_NULL (MAPI_E_NOT_FOUND): this row has no such property"),
                format!("GetProps({prop}) = PT_NULL（MAPI_E_NOT_FOUND）：这一行没有该属性")
            ),
        },
        EventKind::StatusMethod { method, hr, .. } => {
            if hr.succeeded() {
                format!("{method}() = {hr}{}", lang.pick("", "（调用成功）"))
            } else {
                by_lang!(
                    lang,
                    format!("{method}() = {hr}: its bit is clear in PR_RESOURCE_METHODS"),
                    format!("{method}() = {hr}：PR_RESOURCE_METHODS 中它的位未设置")
                )
            }
        }
        EventKind::FlushCall { flags, target, mode, note, .. } => {
            let args = match target {
                Some(t) => format!("0, cb, lpTargetTransport = {t}, {flags}"),
                None => format!("0, 0, NULL, {flags}"),
            };
            let how = match mode {
                FlushMode::Synchronous => {
                    lang.pick("; synchronous: the client waits until the flush ends", "；同步调用：客户端等到刷新结束")
                }
                FlushMode::Asynchronous => lang.pick(
                    "; FLUSH_ASYNC_OK: the spooler may finish in the background",
                    "；FLUSH_ASYNC_OK：后台处理程序可以在后台完成",
                ),
                FlushMode::TransportRequest => {
                    lang.pick("; on the transport's own status object", "；在传输提供程序自己的状态对象上")
                }
                FlushMode::Refused => lang.pick("", "（客户端调用）"),
            };
            let note = note.as_ref().map(|n| by_lang!(lang, format!(" ({n})"), format!("（{}）", gloss(lang, n)))).unwrap_or_default();
            format!("FlushQueues({args}){how}{note}")
        }
        EventKind::FlushReturn { hr, note, .. } => match note {
            Some(n) => by_lang!(lang, format!("FlushQueues = {hr}: {n}"), format!("FlushQueues = {hr}：{}", gloss(lang, n))),
            None => format!("FlushQueues = {hr}{}", lang.pick("", "（控制权回到客户端）")),
        },
        EventKind::Release { var, .. } => format!("Release({var}){}", lang.pick("", "（释放对象）")),
        EventKind::FreeProws { var, rows, .. } => by_lang!(
            lang,
            format!("FreeProws({var}): {rows} row{} freed", if *rows == 1 { "" } else { "s" }),
            format!("FreeProws({var})：释放了 {rows} 行")
        ),
        EventKind::Loop { var, index, count } => {
            if *count == 0 {
                by_lang!(lang, format!("for {var}: no rows, the body is skipped"), format!("for {var}：没有行，跳过循环体"))
            } else if index < count {
                by_lang!(
                    lang,
                    format!("for {var}: row {} of {count}", index + 1),
                    format!("for {var}：第 {} 行，共 {count} 行", index + 1)
                )
            } else {
                by_lang!(
                    lang,
                    format!("for {var}: done after {count} row{}", if *count == 1 { "" } else { "s" }),
                    format!("for {var}：{count} 行都已处理，循环结束")
                )
            }
        }
        EventKind::Branch { cond, taken } => {
            if *taken {
                by_lang!(lang, format!("if {cond}: true, the first branch runs"), format!("if {cond}：为真，执行第一个分支"))
            } else {
                by_lang!(lang, format!("if {cond}: false, the else branch runs"), format!("if {cond}：为假，执行 else 分支"))
            }
        }
        EventKind::ScriptError { column, message } => by_lang!(
            lang,
            format!("error at column {column}: {message}; the script stops"),
            format!("第 {column} 列出错：{}；脚本停止", script_error_in(message, lang))
        ),
        EventKind::SpoolerBegin { transports, reason, targeted, .. } => {
            if *targeted {
                by_lang!(
                    lang,
                    format!("flushes {} ({reason})", transports.join(", ")),
                    format!("刷新 {}（{}）", transports.join("、"), gloss(lang, reason))
                )
            } else {
                by_lang!(
                    lang,
                    format!("transport order: {} ({reason})", transports.join(", ")),
                    format!("传输顺序：{}（{}）", transports.join("、"), gloss(lang, reason))
                )
            }
        }
        EventKind::XpFlushQueues { flags, .. } => {
            format!("IXPLogon::FlushQueues({flags}){}", lang.pick("", "（一次传入全部标志）"))
        }
        EventKind::XpReturn { hr, .. } => {
            by_lang!(lang, format!("IXPLogon::FlushQueues returns {hr}"), format!("IXPLogon::FlushQueues 返回 {hr}"))
        }
        EventKind::LeftToSchedule { transport } => by_lang!(
            lang,
            format!(
                "{transport} is asynchronous and FLUSH_FORCE was not passed: its queues are left to its own schedule (model choice)"
            ),
            format!("{transport} 是异步传输，且未传入 FLUSH_FORCE：它的队列留待它按自己的时间表处理（模型选择）")
        ),
        EventKind::Prompt { transport, style, no_ui_requested } => {
            let why = match (no_ui_requested, lang) {
                (true, Lang::En) => "ignores FLUSH_NO_UI",
                (false, Lang::En) => "FLUSH_NO_UI was not passed",
                (true, Lang::Zh) => "忽略 FLUSH_NO_UI",
                (false, Lang::Zh) => "未传入 FLUSH_NO_UI",
            };
            match style {
                PromptStyle::DialUp => {
                    by_lang!(lang, format!("{why}: shows \"Connect {transport}?\""), format!("{why}：显示“连接 {transport}？”"))
                }
                PromptStyle::Progress => {
                    by_lang!(lang, format!("{why}: shows its progress dialog"), format!("{why}：显示它的进度对话框"))
                }
            }
        }
        EventKind::PromptAnswer { answer, .. } => String::from(match answer {
            Answer::Connect => lang.pick("user: Connect", "用户：连接"),
            Answer::Cancel => lang.pick(
                "user: Cancel; nothing is sent or received through this transport",
                "用户：取消；不经由这个传输提供程序发送或接收任何邮件",
            ),
        }),
        EventKind::ModemLine { acquired, .. } => String::from(if *acquired {
            lang.pick("acquires the modem line", "占用调制解调器线路")
        } else {
            lang.pick("releases the modem line", "释放调制解调器线路")
        }),
        EventKind::Status { set, cleared, now, why, .. } => {
            let mut s = String::from("PR_STATUS_CODE");
            if !set.is_empty() {
                let _ = write!(s, " += {set}");
            }
            if !cleared.is_empty() {
                let _ = write!(s, " -= {cleared}");
            }
            if set.is_empty() && cleared.is_empty() {
                let _ = by_lang!(lang, write!(s, " unchanged ({now})"), write!(s, " 不变（{now}）"));
            }
            let _ = by_lang!(lang, write!(s, ": {why}"), write!(s, "：{}", gloss(lang, why)));
            s
        }
        EventKind::SentDeferred { subject, .. } => by_lang!(
            lang,
            format!("SpoolerNotify(NOTIFY_SENTDEFERRED): {subject}, deferred earlier, is queued to send again"),
            format!("SpoolerNotify(NOTIFY_SENTDEFERRED)：之前延迟的 {subject} 重新排队等待发送")
        ),
        EventKind::Submit { subject, result, .. } => match result {
            SubmitResult::Delivered => by_lang!(
                lang,
                format!("SubmitMessage({subject}) = S_OK, EndMessage({subject}): {subject} -> remote"),
                format!("SubmitMessage({subject}) = S_OK，EndMessage({subject})：{subject} -> 远程系统")
            ),
            SubmitResult::Deferred => by_lang!(
                lang,
                format!(
                    "SubmitMessage({subject}) = S_OK, EndMessage({subject}): the transport defers {subject}; it stays with the transport"
                ),
                format!(
                    "SubmitMessage({subject}) = S_OK，EndMessage({subject})：传输提供程序延迟了 {subject}，邮件留在传输提供程序中"
                )
            ),
            SubmitResult::Failed(hr) => by_lang!(
                lang,
                format!("SubmitMessage({subject}) = {hr}: the spooler reports {subject} undeliverable"),
                format!("SubmitMessage({subject}) = {hr}：后台处理程序报告 {subject} 无法投递")
            ),
        },
        EventKind::TransportNotify { notify, .. } => String::from(match notify {
            Notify::EndOutboundFlush => {
                lang.pick("TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)", "TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)（传出刷新结束）")
            }
            Notify::EndInboundFlush => {
                lang.pick("TransportNotify(NOTIFY_END_INBOUND_FLUSH)", "TransportNotify(NOTIFY_END_INBOUND_FLUSH)（传入刷新结束）")
            }
        }),
        EventKind::StartMessage { subject, last, .. } => {
            if *last {
                by_lang!(
                    lang,
                    format!("StartMessage({subject}) = S_OK: {subject} -> inbox; SaveChanges on the last message ends the loop"),
                    format!("StartMessage({subject}) = S_OK：{subject} -> 收件箱；对最后一封邮件调用 SaveChanges，结束循环")
                )
            } else {
                by_lang!(
                    lang,
                    format!("StartMessage({subject}) = S_OK: {subject} -> inbox; SpoolerNotify(NOTIFY_NEWMAIL): more is waiting"),
                    format!("StartMessage({subject}) = S_OK：{subject} -> 收件箱；SpoolerNotify(NOTIFY_NEWMAIL)：还有邮件在等待")
                )
            }
        }
        EventKind::PhaseSkipped { phase, reason, .. } => match phase {
            Phase::Outbound => by_lang!(
                lang,
                format!("{reason}: outbound phase skipped (model choice)"),
                format!("{}：跳过传出阶段（模型选择）", gloss(lang, reason))
            ),
            Phase::Inbound => by_lang!(
                lang,
                format!("{reason}: inbound phase skipped (model choice)"),
                format!("{}：跳过传入阶段（模型选择）", gloss(lang, reason))
            ),
        },
        EventKind::LinkDown { now, .. } => by_lang!(
            lang,
            format!("cannot reach its server: PR_STATUS_CODE += STATUS_FAILURE (now {now})"),
            format!("无法连接到它的服务器：PR_STATUS_CODE += STATUS_FAILURE（现为 {now}）")
        ),
        EventKind::DropsFlushBits { bits, .. } => by_lang!(
            lang,
            format!("clears {bits} mid-flush (ModifyStatusRow): it stops the flush"),
            format!("在刷新中途清除 {bits}（ModifyStatusRow）：它停止了这次刷新")
        ),
        EventKind::TransportDone { transport, outcome } => by_lang!(
            lang,
            format!("done with {transport}: {}", outcome_text(*outcome)),
            format!("{transport} 处理结束：{}", outcome_text_in(*outcome, lang))
        ),
        EventKind::SpoolerEnd { hr } => {
            if hr.succeeded() {
                by_lang!(lang, format!("flush ends = {hr}"), format!("刷新结束 = {hr}"))
            } else {
                by_lang!(
                    lang,
                    format!("flush ends = {hr}: the first transport failure is what the caller sees (model choice)"),
                    format!("刷新结束 = {hr}：调用方看到的是第一个传输提供程序的失败（模型选择）")
                )
            }
        }
        EventKind::RunEnd => String::from(
            lang.pick("the script has finished and the spooler is idle", "脚本已执行完毕，后台处理程序空闲"),
        ),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::from("-")
    } else {
        items.join(", ")
    }
}

/// The numbered trace followed by the outcome, as the CLI prints it.
pub fn render_text(title: &str, events: &[Event], outcome: &Outcome) -> String {
    let mut s = String::new();
    if !title.is_empty() {
        let _ = writeln!(s, "# {title}");
    }
    for e in events {
        let line = e.line.map(|l| format!("L{l}")).unwrap_or_default();
        let who = match &e.target {
            Some(t) => format!("{} -> {}", e.actor.label(), t.label()),
            None => String::from(e.actor.label()),
        };
        let _ = writeln!(s, "{:>3} {:<4} {:<26} {}", e.step, line, who, describe(&e.kind));
    }
    let _ = writeln!(s, "outcome:");
    for t in &outcome.transports {
        let _ = writeln!(
            s,
            "  {}: outbound [{}] delivered [{}] deferred [{}] failed [{}] remote [{}]",
            t.name,
            list(&t.outbound),
            list(&t.delivered),
            list(&t.deferred),
            list(&t.failed),
            list(&t.remote)
        );
    }
    let _ = writeln!(s, "  inbox: [{}]", list(&outcome.inbox));
    let _ = writeln!(s, "  ui prompts: [{}]", list(&outcome.ui_prompts));
    let leaks: Vec<String> = outcome.leaks.iter().map(|l| format!("{} from line {}", l.what, l.line)).collect();
    let _ = writeln!(s, "  leaks: [{}]", list(&leaks));
    let errors: Vec<String> =
        outcome.errors.iter().map(|e| format!("{}:{}: {}", e.line, e.column, e.message)).collect();
    let _ = writeln!(s, "  errors: [{}]", list(&errors));
    s
}
