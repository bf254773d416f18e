//! The dialog a transport shows when it does not suppress its UI, answered by
//! the visitor; the simulation follows the answer.

use crate::state::Action;
use flushq_core::trace::{Answer, PromptStyle};
use yew::prelude::*;

/// Properties of [`Prompt`].
#[derive(Properties, PartialEq)]
pub struct PromptProps {
    /// Transport name.
    pub transport: AttrValue,
    /// Dial-up or progress.
    pub style: PromptStyle,
    /// The answer given before, when stepping back onto an answered dialog.
    pub answered: Option<Answer>,
    /// True when FLUSH_NO_UI was passed (and ignored).
    pub no_ui: bool,
    /// Dispatches `Answer`.
    pub on_action: Callback<Action>,
}

/// The dialog.
#[function_component(Prompt)]
pub fn prompt(props: &PromptProps) -> Html {
    let answer = |a: Answer| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Answer(a)))
    };
    let name = &props.transport;
    let (title, body) = match props.style {
        PromptStyle::DialUp => {
            (format!("Connect {name}?"), format!("{name} needs to dial out on the modem line to send and receive."))
        }
        PromptStyle::Progress => (
            format!("{name}"),
            format!("{name} is showing its progress dialog; cancel it to stop this transport's flush."),
        ),
    };
    let why = if props.no_ui {
        "The client passed FLUSH_NO_UI, but this transport does not honour it."
    } else {
        "The client did not pass FLUSH_NO_UI."
    };
    let mark = |a: Answer| (props.answered == Some(a)).then_some("chosen");
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="prompt-title" aria-describedby="prompt-body">
                <h2 id="prompt-title">{ title }</h2>
                <p id="prompt-body">{ body }</p>
                <p class="hint">{ why }</p>
                if let Some(a) = props.answered {
                    <p class="hint">{ format!("Answered before: {}. Choosing the other answer forks a new future from here.", if a == Answer::Connect { "Connect" } else { "Cancel" }) }</p>
                }
                <div class="buttons">
                    <button type="button" class={classes!("primary", mark(Answer::Connect))} onclick={answer(Answer::Connect)} autofocus=true>{ "Connect" }</button>
                    <button type="button" class={classes!(mark(Answer::Cancel))} onclick={answer(Answer::Cancel)}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}
