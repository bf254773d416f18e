//! Checkboxes for the flags of the script's FlushQueues calls, with the
//! UPLOAD/DOWNLOAD erratum explained where the direction is chosen.

use crate::i18n::{use_lang, Lang};
use crate::state::Action;
use flushq_core::mapi::FlushFlags;
use flushq_core::script::flush_sites;
use yew::prelude::*;

/// Properties of [`Flags`].
#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    /// The script whose calls are edited.
    pub script: AttrValue,
    /// Dispatches `Flags`.
    pub on_action: Callback<Action>,
}

const CHOICES: [(FlushFlags, &str, &str); 5] = [
    (FlushFlags::FLUSH_UPLOAD, "send: flush the outbound queues", "发送：刷新传出队列"),
    (FlushFlags::FLUSH_DOWNLOAD, "receive: flush the inbound queues", "接收：刷新传入队列"),
    (FlushFlags::FLUSH_NO_UI, "ask transports not to show dialogs", "要求传输提供程序不显示对话框"),
    (
        FlushFlags::FLUSH_FORCE,
        "flush even if costly; required for asynchronous transports",
        "即使代价高也刷新；异步传输提供程序必须使用",
    ),
    (FlushFlags::FLUSH_ASYNC_OK, "spooler only: return before the flush ends", "仅用于后台处理程序：刷新结束前即返回"),
];

/// The flags panel.
#[function_component(Flags)]
pub fn flags(props: &FlagsProps) -> Html {
    let lang = use_lang();
    let sites = flush_sites(&props.script);
    let first = sites.first().and_then(|s| s.flags);
    let uniform = sites.iter().all(|s| s.flags == first);
    let Some(current) = first.filter(|_| uniform) else {
        let why = if sites.is_empty() {
            lang.pick(
                "The script has no FlushQueues call with flags written as constants.",
                "脚本中没有以常量写出标志的 FlushQueues 调用。",
            )
        } else {
            lang.pick(
                "The FlushQueues calls use different or computed flags; edit them in the script.",
                "各个 FlushQueues 调用的标志不同或是计算得出的；请在脚本中修改。",
            )
        };
        return html! { <fieldset class="flags" disabled=true><legend>{ lang.pick("FlushQueues flags", "FlushQueues 标志") }</legend><p class="hint">{ why }</p></fieldset> };
    };
    html! {
        <fieldset class="flags">
            <legend>{ match (lang, sites.len()) {
                (Lang::EN, 1) => String::from("FlushQueues flags (1 call)"),
                (Lang::EN, n) => format!("FlushQueues flags ({n} calls)"),
                (Lang::ZH, n) => format!("FlushQueues 标志（{n} 处调用）"),
            } }</legend>
            { for CHOICES.iter().map(|(flag, en, zh)| {
                let help = lang.pick(*en, *zh);
                let on = current.contains(*flag);
                let cb = props.on_action.clone();
                let flag = *flag;
                let name = flag.names().next().unwrap_or("");
                let onchange = Callback::from(move |_| {
                    let mut next = current;
                    if on { next.remove(flag) } else { next.insert(flag) }
                    cb.emit(Action::Flags(next));
                });
                html! {
                    <label class="flag">
                        <input type="checkbox" checked={on} {onchange} />
                        <code>{ name }</code>
                        <span class="help">{ help }</span>
                    </label>
                }
            }) }
            <p class="erratum" role="note">
                <strong>{ lang.pick("Direction erratum: ", "方向勘误：") }</strong>
                { lang.pick(
                    "the seed page says FLUSH_DOWNLOAD flushes the outgoing queue and FLUSH_UPLOAD the incoming one. The IMAPIStatus::FlushQueues and IXPLogon::FlushQueues reference pages say the opposite, and flushq follows them: UPLOAD sends, DOWNLOAD receives.",
                    "原始页面说 FLUSH_DOWNLOAD 刷新传出队列、FLUSH_UPLOAD 刷新传入队列。IMAPIStatus::FlushQueues 和 IXPLogon::FlushQueues 的参考文档说的正好相反，flushq 以参考文档为准：UPLOAD 发送，DOWNLOAD 接收。") }
            </p>
        </fieldset>
    }
}
