//! The toast: one line at the bottom of the page saying what just happened
//! (a link copied, progress saved), dismissed by a click.

use crate::i18n::Lang;
use crate::share::ShareError;
use flushq_explain::by_lang;
use yew::prelude::*;

/// The toast's text, `None` when hidden.
pub type Toast = UseStateHandle<Option<String>>;

/// The toast. A link that cannot be opened says why on the first render (the
/// page falls back to the saved session or the default preset) instead of
/// failing silently.
#[hook]
pub fn use_toast(lang: Lang, link_error: Option<ShareError>) -> Toast {
    use_state(move || {
        let why = link_error.as_ref()?.text(lang);
        Some(by_lang!(
            lang,
            format!("This link could not be opened: {why}. The last session (or the default scenario) opened instead."),
            format!("无法打开这个链接：{why}。已改为打开上一次的会话（或默认场景）。"),
        ))
    })
}
