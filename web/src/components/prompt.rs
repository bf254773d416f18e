//! The dialog a transport shows when it does not suppress its UI, answered by
//! the visitor; the simulation follows the answer.

use crate::i18n::{use_lang, Lang};
use crate::state::Action;
use flushq_explain::by_lang;
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
    let lang = use_lang();
    let name = &props.transport;
    let (title, body) = match (props.style, lang) {
        (PromptStyle::DialUp, Lang::EN) => {
            (format!("Connect {name}?"), format!("{name} needs to dial out on the modem line to send and receive."))
        }
        (PromptStyle::DialUp, Lang::ZH) => {
            (format!("连接 {name}？"), format!("{name} 需要通过调制解调器线路拨号才能收发邮件。"))
        }
        (PromptStyle::Progress, Lang::EN) => (
            format!("{name}"),
            format!("{name} is showing its progress dialog; cancel it to stop this transport's flush."),
        ),
        (PromptStyle::Progress, Lang::ZH) => {
            (format!("{name}"), format!("{name} 正在显示进度对话框；取消它即可停止这个传输提供程序的刷新。"))
        }
    };
    let why = match (props.no_ui, lang) {
        (true, Lang::EN) => "The client passed FLUSH_NO_UI, but this transport does not honour it.",
        (true, Lang::ZH) => "客户端传递了 FLUSH_NO_UI，但这个传输提供程序不遵守它。",
        (false, Lang::EN) => "The client did not pass FLUSH_NO_UI.",
        (false, Lang::ZH) => "客户端没有传递 FLUSH_NO_UI。",
    };
    let connect = lang.pick("Connect", "连接");
    let cancel = lang.pick("Cancel", "取消");
    let mark = |a: Answer| (props.answered == Some(a)).then_some("chosen");
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="prompt-title" aria-describedby="prompt-body">
                <h2 id="prompt-title">{ title }</h2>
                <p id="prompt-body">{ body }</p>
                <p class="hint">{ why }</p>
                if let Some(a) = props.answered {
                    <p class="hint">{ {
                        let was = if a == Answer::Connect { connect } else { cancel };
                        by_lang!(lang,
                            format!("Answered before: {was}. Choosing the other answer forks a new future from here."),
                            format!("之前的回答：{was}。选择另一个回答，会从这里分叉出新的未来。"),
                        )
                    } }</p>
                }
                <div class="buttons">
                    <button type="button" class={classes!("primary", mark(Answer::Connect))} onclick={answer(Answer::Connect)} autofocus=true>{ connect }</button>
                    <button type="button" class={classes!(mark(Answer::Cancel))} onclick={answer(Answer::Cancel)}>{ cancel }</button>
                </div>
            </div>
        </div>
    }
}
