//! Checkboxes for the flags of the script's FlushQueues calls, with the
//! UPLOAD/DOWNLOAD erratum and the reference's own contradictions explained where
//! the direction is chosen.

use crate::i18n::ui;
use crate::i18n::{t, use_lang};
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

const CHOICES: [(FlushFlags, ui::Flag); 5] = [
    (FlushFlags::FLUSH_UPLOAD, ui::Flag::Upload),
    (FlushFlags::FLUSH_DOWNLOAD, ui::Flag::Download),
    (FlushFlags::FLUSH_NO_UI, ui::Flag::NoUi),
    (FlushFlags::FLUSH_FORCE, ui::Flag::Force),
    (FlushFlags::FLUSH_ASYNC_OK, ui::Flag::AsyncOk),
];

/// The flags panel.
#[function_component(Flags)]
pub fn flags(props: &FlagsProps) -> Html {
    let lang = use_lang();
    let sites = flush_sites(&props.script);
    let first = sites.first().and_then(|s| s.flags);
    let uniform = sites.iter().all(|s| s.flags == first);
    let Some(current) = first.filter(|_| uniform) else {
        let why = t(lang, if sites.is_empty() { ui::Flags::NoConstantFlags } else { ui::Flags::MixedFlags });
        return html! { <fieldset class="flags" disabled=true><legend>{ t(lang, ui::Flags::Legend) }</legend><p class="hint">{ why }</p></fieldset> };
    };
    html! {
        <fieldset class="flags">
            <legend>{ t(lang, ui::Flags::LegendCalls(sites.len())) }</legend>
            { for CHOICES.iter().map(|(flag, help)| {
                let help = t(lang, ui::Flags::Help(*help));
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
                <strong>{ t(lang, ui::Flags::ErratumHead) }</strong>
                { t(lang, ui::Flags::Erratum) }
            </p>
            <details class="contradictions">
                <summary>{ t(lang, ui::Flags::ContradictionsHead) }</summary>
                <ul>
                    { for ui::Contradiction::ALL.iter().map(|c| html! { <li>{ t(lang, ui::Flags::Contradiction(*c)) }</li> }) }
                </ul>
            </details>
        </fieldset>
    }
}
