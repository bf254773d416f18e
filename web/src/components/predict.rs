//! Predict mode's card: the question to answer before the next step is revealed,
//! or, once it is, whether the prediction was right (the narration explains why).

use crate::i18n::ui;
use crate::i18n::{t, use_lang, Lang};
use crate::state::Action;
use flushq_explain::catalog;
use flushq_explain::predict::{Choice, Question};
use yew::prelude::*;

/// Properties of [`Predict`].
#[derive(Properties, PartialEq)]
pub struct PredictProps {
    /// The question holding the next step back, if any.
    pub pending: Option<Question>,
    /// The question of the step just revealed, with the learner's pick.
    pub answered: Option<(Question, usize)>,
    /// Right answers and answers given.
    pub score: (usize, usize),
    /// Questions in this run.
    pub total: usize,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
}

/// A choice as shown: MAPI names stay English, the rest follows the page.
pub fn choice_label(lang: Lang, c: &Choice) -> String {
    match c {
        Choice::Actor(a) => catalog::of(lang).actor(a).to_string(),
        Choice::Bit { bit, set, .. } => t(lang, ui::Predict::Bit { bit: *bit, set: *set }).into_owned(),
        Choice::HResult(_) => c.label(),
    }
}

/// The question, phrased for the page.
pub fn question_text(lang: Lang, q: &Question) -> String {
    // The client calls FlushQueues on the spooler's status object or a transport's.
    let object = match q.object.as_deref() {
        Some("spooler") => ui::Object::Spooler,
        Some(name) => ui::Object::Transport(name),
        None => ui::Object::Nothing,
    };
    t(lang, ui::Predict::Question { ask: q.ask, object }).into_owned()
}

/// The predict card.
#[function_component(Predict)]
pub fn predict(props: &PredictProps) -> Html {
    let lang = use_lang();
    let (right, given) = props.score;
    let score = t(lang, ui::Predict::Score { right, given, total: props.total });
    // The verdict on the step just revealed stays on screen even when the next
    // step asks again.
    let told = props.answered.as_ref().map(|(q, pick)| {
        let verdict = q.check(*pick);
        let expected = q.choices.get(verdict.expected).map(|c| choice_label(lang, c)).unwrap_or_default();
        let picked = q.choices.get(*pick).map(|c| choice_label(lang, c)).unwrap_or_default();
        let text = if verdict.correct {
            t(lang, ui::Predict::Right { expected: &expected })
        } else {
            t(lang, ui::Predict::Wrong { picked: &picked, expected: &expected })
        };
        html! {
            <div class="told">
                <p class="asked">{ question_text(lang, q) }</p>
                <p class={classes!("verdict", if verdict.correct { "right" } else { "wrong" })} role="status">
                    <span aria-hidden="true">{ if verdict.correct { "✓ " } else { "✗ " } }</span>{ text }</p>
            </div>
        }
    });
    let ask = props.pending.as_ref().map(|q| {
        let choices = q.choices.iter().enumerate().map(|(i, c)| {
            html! {
                <button type="button" onclick={props.on_action.reform(move |_: MouseEvent| Action::Guess(i))}>
                    <kbd aria-hidden="true">{ i + 1 }</kbd>{ choice_label(lang, c) }</button>
            }
        });
        html! {
            <>
                <p class="ask" id="predict-ask">{ question_text(lang, q) }</p>
                <div class="choices" role="group" aria-labelledby="predict-ask">{ for choices }</div>
                <p class="hint">{ t(lang, ui::Predict::PickHint) }</p>
            </>
        }
    });
    let idle = (told.is_none() && ask.is_none()).then(|| {
        html! { <p class="hint">{ t(lang, ui::Predict::Idle) }</p> }
    });
    html! {
        <section class="predict" aria-labelledby="predict-head">
            <h2 id="predict-head">{ t(lang, ui::Predict::Heading) }<small>{ format!(" {score}") }</small></h2>
            { for told }
            { for ask }
            { for idle }
        </section>
    }
}
