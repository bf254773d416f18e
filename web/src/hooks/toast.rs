//! The toast: one line at the bottom of the page saying what just happened
//! (a link copied, progress saved), dismissed by a click.

use crate::i18n::{self, ui, Lang};
use crate::share::ShareError;
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
        Some(i18n::catalog(lang).toast(ui::Toast::LinkFailed(&why)))
    })
}
