//! The document around the playground: `<html lang>` and the title.

use crate::browser;
use crate::i18n::{self, Lang};
use yew::prelude::*;

/// Keeps `<html lang>` (fonts, screen-reader voice) and the document's title in
/// the page's language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        let title = lang.pick("flushq — MAPI FlushQueues playground", "flushq — MAPI FlushQueues 演练场");
        browser::set_document_lang(i18n::tag(*lang), title);
    });
}
