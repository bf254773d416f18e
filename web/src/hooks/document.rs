//! The document around the playground: `<html lang>` and the title.

use crate::browser;
use crate::i18n::{self, ui, Lang};
use yew::prelude::*;

/// Keeps `<html lang>` (fonts, screen-reader voice) and the document's title in
/// the page's language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        browser::set_document_lang(lang.tag(), i18n::catalog(*lang).header(ui::Header::DocumentTitle));
    });
}
