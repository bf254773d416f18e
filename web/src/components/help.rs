//! The keyboard shortcuts overlay.

use crate::i18n::use_lang;
use crate::state::Action;
use yew::prelude::*;

/// Properties of [`Help`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Dispatches `Help(false)`.
    pub on_action: Callback<Action>,
}

/// Shortcuts, as shown.
pub const SHORTCUTS: [(&str, &str, &str); 8] = [
    ("→", "step forward", "前进一步"),
    ("←", "step back", "后退一步"),
    ("Space", "play / pause", "播放 / 暂停"),
    ("Home", "first step", "第一步"),
    ("End", "run to the end", "运行到结尾"),
    ("1–4", "predict mode: pick an answer", "预测模式：选择答案"),
    ("?", "show or hide this list", "显示或隐藏此列表"),
    ("Esc", "close dialogs", "关闭对话框"),
];

/// The overlay.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let lang = use_lang();
    let close = props.on_action.reform(|_: MouseEvent| Action::Help(false));
    html! {
        <div class="modal-back">
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ lang.pick("Keyboard shortcuts", "键盘快捷键") }</h2>
                <dl class="keys">
                    { for SHORTCUTS.iter().map(|(k, en, zh)| html! { <><dt><kbd>{ *k }</kbd></dt><dd>{ lang.pick(*en, *zh) }</dd></> }) }
                </dl>
                <p class="hint">{ lang.pick(
                    "Keys typed in the editor or any input are never taken as shortcuts.",
                    "在编辑器或任何输入框中按下的键不会被当作快捷键。") }</p>
                <div class="buttons"><button type="button" class="primary" onclick={close} autofocus=true>{ lang.pick("Close", "关闭") }</button></div>
            </div>
        </div>
    }
}
