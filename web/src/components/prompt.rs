//! The connection dialog a dial-up transport shows when it does not suppress its UI, answered by
//! the visitor; the simulation follows the answer.

use crate::i18n::ui;
use crate::i18n::{t, use_lang};
use crate::state::Action;
use flushq_core::trace::Answer;
use yew::prelude::*;

/// Properties of [`Prompt`].
#[derive(Properties, PartialEq)]
pub struct PromptProps {
    /// Transport name.
    pub transport: AttrValue,
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
    let lang = use_lang();
    let transport = props.transport.as_str();
    let title = t(lang, ui::Prompt::Title { transport });
    let body = t(lang, ui::Prompt::Body { transport });
    let why = t(lang, ui::Prompt::NoUi(props.no_ui));
    let connect = t(lang, ui::Prompt::Answer(Answer::Connect));
    let cancel = t(lang, ui::Prompt::Answer(Answer::Cancel));
    let mark = |a: Answer| (props.answered == Some(a)).then_some("chosen");
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="prompt-title" aria-describedby="prompt-body">
                <h2 id="prompt-title">{ title }</h2>
                <p id="prompt-body">{ body }</p>
                <p class="hint">{ why }</p>
                if let Some(a) = props.answered {
                    <p class="hint">{ t(lang, ui::Prompt::AnsweredBefore(a)) }</p>
                }
                <div class="buttons">
                    <button type="button" class={classes!("primary", mark(Answer::Connect))} onclick={answer(Answer::Connect)} autofocus=true>{ connect }</button>
                    <button type="button" class={classes!(mark(Answer::Cancel))} onclick={answer(Answer::Cancel)}>{ cancel }</button>
                </div>
            </div>
        </div>
    }
}
