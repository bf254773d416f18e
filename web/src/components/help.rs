//! The keyboard shortcuts overlay.

use crate::i18n::{self, ui, use_lang};
use crate::state::Action;
use yew::prelude::*;

/// Properties of [`Help`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Dispatches `Help(false)`.
    pub on_action: Callback<Action>,
}

/// Shortcuts, as shown.
pub const SHORTCUTS: [(&str, ui::Help); 8] = [
    ("→", ui::Help::Forward),
    ("←", ui::Help::Back),
    ("Space", ui::Help::PlayPause),
    ("Home", ui::Help::First),
    ("End", ui::Help::End),
    ("1–4", ui::Help::PickAnswer),
    ("?", ui::Help::Toggle),
    ("Esc", ui::Help::CloseDialogs),
];

/// The overlay.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let ui = i18n::catalog(use_lang());
    let close = props.on_action.reform(|_: MouseEvent| Action::Help(false));
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ ui.help(ui::Help::Title) }</h2>
                <dl class="keys">
                    { for SHORTCUTS.iter().map(|(k, what)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ ui.help(*what) }</dd></> }) }
                </dl>
                <p class="hint">{ ui.help(ui::Help::NotInInputs) }</p>
                <div class="buttons"><button type="button" class="primary" onclick={close} autofocus=true>{ ui.help(ui::Help::Close) }</button></div>
            </div>
        </div>
    }
}
