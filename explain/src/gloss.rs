//! The fixed English phrases other layers put into events and outcomes (status-row
//! reasons, refusal notes, why a flush job started, what a leaked handle was) and
//! the object names `spooler`, `session` and `table`, with their Chinese.

use flushq_core::lang::Lang;

/// English phrase, Simplified Chinese.
const ZH: &[(&str, &str)] = &[
    // Object names in calls and events.
    ("spooler", "后台处理程序"),
    ("session", "会话"),
    ("table", "状态表"),
    // Leaked handles (`Referent::describe`).
    ("status table (IMAPITable)", "状态表（IMAPITable）"),
    ("status object (IMAPIStatus)", "状态对象（IMAPIStatus）"),
    ("row set (SRowSet)", "行集（SRowSet）"),
    // Why a status row changed (`EventKind::Status::why`).
    (
        "FlushQueues on a transport's own status object only sets bits in its status row",
        "在传输提供程序自己的状态对象上调用 FlushQueues，只会设置其状态行中的位",
    ),
    ("the transport starts flushing (ModifyStatusRow)", "传输提供程序开始刷新（ModifyStatusRow）"),
    (
        "outbound done; the transport starts its inbound flush and keeps the modem line for it (model choice)",
        "传出完成；传输提供程序开始传入刷新，并为此继续占用调制解调器线路（模型选择）",
    ),
    ("outbound done; the transport starts its inbound flush", "传出完成；传输提供程序开始传入刷新"),
    ("outbound done", "传出完成"),
    ("inbound done", "传入完成"),
    // Why the spooler started a job (`EventKind::SpoolerBegin::reason`).
    (
        "the transport's own FlushQueues set its status bits; the spooler now runs that flush at its convenience",
        "传输提供程序自己的 FlushQueues 设置了它的状态位；后台处理程序现在在方便时执行这次刷新",
    ),
    ("lpTargetTransport names one transport, so only it is flushed", "lpTargetTransport 指定了一个传输提供程序，因此只刷新它"),
    (
        "a flush on the spooler covers every transport, in the profile's transport order",
        "对后台处理程序的刷新涵盖每个传输提供程序，按配置文件中的传输顺序进行",
    ),
    // Why a phase was skipped (`EventKind::PhaseSkipped::reason`).
    ("no FLUSH_UPLOAD", "未指定 FLUSH_UPLOAD"),
    ("no FLUSH_DOWNLOAD", "未指定 FLUSH_DOWNLOAD"),
    // Notes on FlushQueues calls and returns.
    (
        "PR_RESOURCE_METHODS lacks STATUS_FLUSH_QUEUES, so this status object does not implement FlushQueues",
        "PR_RESOURCE_METHODS 中没有 STATUS_FLUSH_QUEUES，因此这个状态对象没有实现 FlushQueues",
    ),
    ("ulFlags has a bit FlushQueues does not define", "ulFlags 中有 FlushQueues 未定义的位"),
    (
        "neither FLUSH_UPLOAD (outgoing) nor FLUSH_DOWNLOAD (incoming) is set, so there is nothing to flush (model choice)",
        "FLUSH_UPLOAD（传出）和 FLUSH_DOWNLOAD（传入）都没有设置，因此没有要刷新的内容（模型选择）",
    ),
    (
        "lpTargetTransport is meaningful only on the spooler's status object; on a transport it must be NULL",
        "lpTargetTransport 只对后台处理程序的状态对象有意义；在传输提供程序上它必须为 NULL",
    ),
    (
        "lpTargetTransport is PT_NULL: PR_ENTRYID was not among the columns requested",
        "lpTargetTransport 为 PT_NULL：请求的列中没有 PR_ENTRYID",
    ),
    (
        "lpTargetTransport is not the entry id of a transport's status row",
        "lpTargetTransport 不是任何传输提供程序状态行的条目标识",
    ),
    ("an asynchronous flush (FLUSH_ASYNC_OK) is still in progress", "一次异步刷新（FLUSH_ASYNC_OK）仍在进行中"),
    (
        "FLUSH_ASYNC_OK: control returns now; the spooler flushes in the background",
        "FLUSH_ASYNC_OK：控制权立即返回，后台处理程序在后台继续刷新",
    ),
    (
        "FLUSH_ASYNC_OK applies only to the spooler; the transport ignores it (model choice)",
        "FLUSH_ASYNC_OK 只适用于后台处理程序，传输提供程序会忽略它（模型选择）",
    ),
];

/// `en` in `lang`: one of the fixed phrases above translated, anything else
/// (a transport's or row's name) unchanged.
pub(crate) fn gloss(lang: Lang, en: &str) -> &str {
    match lang {
        Lang::En => en,
        Lang::Zh => ZH.iter().find(|(e, _)| *e == en).map_or(en, |(_, zh)| zh),
    }
}

/// An object's name inside a Chinese sentence: a translated one (`后台处理程序`) as
/// it is, any other set apart by spaces, the way Chinese text sets apart Latin words.
pub(crate) fn zh_spaced(name: &str) -> alloc::string::String {
    match gloss(Lang::Zh, name) {
        zh if zh == name => alloc::format!(" {name} "),
        zh => alloc::string::String::from(zh),
    }
}

/// A leak's `what` ("status table (IMAPITable) `table`") in `lang`: the kind of
/// object translated, the variable kept.
pub(crate) fn gloss_leak(lang: Lang, what: &str) -> alloc::string::String {
    match (lang, what.split_once(" `")) {
        (Lang::Zh, Some((kind, var))) => alloc::format!("{}`{var}", gloss(lang, kind)),
        _ => alloc::string::String::from(gloss(lang, what)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    /// Every phrase still exists where it is produced, so a reworded English
    /// phrase cannot silently lose its translation.
    #[test]
    fn every_phrase_is_still_produced_somewhere() {
        let sources = [
            include_str!("../../core/src/machine/calls.rs"),
            include_str!("../../core/src/spooler/protocol.rs"),
            include_str!("../../core/src/session/handles.rs"),
        ];
        for (en, zh) in &ZH[3..] {
            assert!(sources.iter().any(|s| s.contains(en)), "no longer produced: {en}");
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
        }
    }

    #[test]
    fn names_pass_through_and_leaks_keep_their_variable() {
        assert_eq!(gloss(Lang::Zh, "Office LAN"), "Office LAN");
        assert_eq!(gloss(Lang::Zh, "spooler"), "后台处理程序");
        assert_eq!(gloss(Lang::En, "spooler"), "spooler");
        assert_eq!(format!("读取{}的", zh_spaced("spooler")), "读取后台处理程序的");
        assert_eq!(format!("读取{}的", zh_spaced("Office LAN")), "读取 Office LAN 的");
        assert_eq!(gloss_leak(Lang::Zh, "status table (IMAPITable) `table`"), "状态表（IMAPITable）`table`");
    }
}
