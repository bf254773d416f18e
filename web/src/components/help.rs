//! The keyboard shortcuts overlay.

use crate::state::Action;
use yew::prelude::*;

/// Properties of [`Help`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Dispatches `Help(false)`.
    pub on_action: Callback<Action>,
}

/// Shortcuts, as shown.
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("→", "step forward"),
    ("←", "step back"),
    ("Space", "play / pause"),
    ("Home", "first step"),
    ("End", "run to the end"),
    ("?", "show or hide this list"),
    ("Esc", "close dialogs"),
];

/// The overlay.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let close = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Help(false)))
    };
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl class="keys">
                    { for SHORTCUTS.iter().map(|(k, v)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ *v }</dd></> }) }
                </dl>
                <p class="hint">{ "Keys typed in the editor or any input are never taken as shortcuts." }</p>
                <div class="buttons"><button type="button" class="primary" onclick={close} autofocus=true>{ "Close" }</button></div>
            </div>
        </div>
    }
}
