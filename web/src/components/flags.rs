//! Checkboxes for the flags of the script's FlushQueues calls, with the
//! UPLOAD/DOWNLOAD erratum explained where the direction is chosen.

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

const CHOICES: [(FlushFlags, &str); 5] = [
    (FlushFlags::FLUSH_UPLOAD, "send: flush the outbound queues"),
    (FlushFlags::FLUSH_DOWNLOAD, "receive: flush the inbound queues"),
    (FlushFlags::FLUSH_NO_UI, "ask transports not to show dialogs"),
    (FlushFlags::FLUSH_FORCE, "flush even if costly; required for asynchronous transports"),
    (FlushFlags::FLUSH_ASYNC_OK, "spooler only: return before the flush ends"),
];

/// The flags panel.
#[function_component(Flags)]
pub fn flags(props: &FlagsProps) -> Html {
    let sites = flush_sites(&props.script);
    let first = sites.first().and_then(|s| s.flags);
    let uniform = sites.iter().all(|s| s.flags == first);
    let Some(current) = first.filter(|_| uniform) else {
        let why = if sites.is_empty() {
            "The script has no FlushQueues call with flags written as constants."
        } else {
            "The FlushQueues calls use different or computed flags; edit them in the script."
        };
        return html! { <fieldset class="flags" disabled=true><legend>{ "FlushQueues flags" }</legend><p class="hint">{ why }</p></fieldset> };
    };
    html! {
        <fieldset class="flags">
            <legend>{ format!("FlushQueues flags ({} call{})", sites.len(), if sites.len() == 1 { "" } else { "s" }) }</legend>
            { for CHOICES.iter().map(|(flag, help)| {
                let on = current.contains(*flag);
                let cb = props.on_action.clone();
                let flag = *flag;
                let name = FlushFlags::NAMED.iter().find(|(_, b)| *b == flag).map(|(n, _)| *n).unwrap_or("");
                let onchange = Callback::from(move |_| {
                    let mut next = current;
                    if on { next.remove(flag) } else { next.insert(flag) }
                    cb.emit(Action::Flags(next));
                });
                html! {
                    <label class="flag">
                        <input type="checkbox" checked={on} {onchange} />
                        <code>{ name }</code>
                        <span class="help">{ *help }</span>
                    </label>
                }
            }) }
            <p class="erratum" role="note">
                <strong>{ "Direction erratum: " }</strong>
                { "the seed page says FLUSH_DOWNLOAD flushes the outgoing queue and FLUSH_UPLOAD the incoming one. The IMAPIStatus::FlushQueues and IXPLogon::FlushQueues reference pages say the opposite, and flushq follows them: UPLOAD sends, DOWNLOAD receives." }
            </p>
        </fieldset>
    }
}
