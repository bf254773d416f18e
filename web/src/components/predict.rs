//! Predict mode's card: the question to answer before the next step is revealed,
//! or, once it is, whether the prediction was right (the narration explains why).

use crate::i18n::{use_lang, Lang};
use crate::state::Action;
use flushq_explain::by_lang;
use flushq_explain::catalog;
use flushq_explain::predict::{Ask, Choice, Question};
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
        Choice::Bit { bit, set, .. } => match (lang, set) {
            (Lang::EN, true) => format!("{bit} set"),
            (Lang::EN, false) => format!("{bit} cleared"),
            (Lang::ZH, true) => format!("{bit} 置位"),
            (Lang::ZH, false) => format!("{bit} 清除"),
        },
        Choice::HResult(_) => c.label(),
    }
}

/// The question, phrased for the page.
pub fn question_text(lang: Lang, q: &Question) -> String {
    // The client calls FlushQueues on the spooler's status object or a transport's;
    // the spooler is named in the page's language, transports by their names (set
    // off by spaces in Chinese, as Latin words are).
    let object = match q.object.as_deref() {
        Some("spooler") => String::from(lang.pick("the spooler", "后台处理程序")),
        Some(name) => by_lang!(lang, name.to_string(), format!(" {name} ")),
        None => String::new(),
    };
    match (q.ask, lang) {
        (Ask::Actor, Lang::EN) => String::from("Who acts in the next step?"),
        (Ask::Actor, Lang::ZH) => String::from("下一步由谁行动？"),
        (Ask::StatusBit, Lang::EN) => format!("Which bit of {object}'s PR_STATUS_CODE flips in the next step?"),
        (Ask::StatusBit, Lang::ZH) => format!("下一步{object}的 PR_STATUS_CODE 中哪一位会变化？"),
        (Ask::HResult, Lang::EN) => format!("What does the client's FlushQueues on {object} return?"),
        (Ask::HResult, Lang::ZH) => format!("客户端对{object}调用的 FlushQueues 返回什么？"),
        (Ask::XpHResult, Lang::EN) => format!("What does {object}'s IXPLogon::FlushQueues return to the spooler?"),
        (Ask::XpHResult, Lang::ZH) => format!("{} 的 IXPLogon::FlushQueues 向后台处理程序返回什么？", object.trim()),
    }
}

/// The predict card.
#[function_component(Predict)]
pub fn predict(props: &PredictProps) -> Html {
    let lang = use_lang();
    let (right, given) = props.score;
    let score = by_lang!(
        lang,
        format!("{right} of {given} right · {} questions in this run", props.total),
        format!("答对 {right}/{given} · 本次运行共 {} 题", props.total),
    );
    // The verdict on the step just revealed stays on screen even when the next
    // step asks again.
    let told = props.answered.as_ref().map(|(q, pick)| {
        let verdict = q.check(*pick);
        let expected = q.choices.get(verdict.expected).map(|c| choice_label(lang, c)).unwrap_or_default();
        let picked = q.choices.get(*pick).map(|c| choice_label(lang, c)).unwrap_or_default();
        let text = match (verdict.correct, lang) {
            (true, Lang::EN) => format!("Right: {expected}. The narration above says why."),
            (true, Lang::ZH) => format!("答对了：{expected}。上面的旁白解释了原因。"),
            (false, Lang::EN) => {
                format!("Not quite: you said {picked}; it is {expected}. The narration above says why.")
            }
            (false, Lang::ZH) => format!("不对：你选了 {picked}，正确答案是 {expected}。上面的旁白解释了原因。"),
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
                <p class="hint">{ lang.pick(
                    "Pick an answer (or press 1–4) to reveal the step. ▶ and → wait for it; the scrubber and End skip ahead.",
                    "选一个答案（或按 1–4）即可揭晓这一步。▶ 和 → 会等你作答；拖动进度条或按 End 可以跳过。") }</p>
            </>
        }
    });
    let idle = (told.is_none() && ask.is_none()).then(|| {
        html! { <p class="hint">{ lang.pick(
        "Step forward: the run stops before each step worth predicting.",
        "继续前进：运行会在每个值得预测的步骤之前停下。") }</p> }
    });
    html! {
        <section class="predict" aria-labelledby="predict-head">
            <h2 id="predict-head">{ lang.pick("Predict", "预测") }<small>{ format!(" {score}") }</small></h2>
            { for told }
            { for ask }
            { for idle }
        </section>
    }
}
