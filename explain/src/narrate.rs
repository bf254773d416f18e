//! One plain sentence per step, saying what happens and why, for the playground's
//! narration line and its screen-reader live region. What the sentence needs to
//! know beyond the event ([`Facts`]) is found once for every language; the
//! sentences themselves are in each language's catalog.

use crate::facts::Facts;
use crate::{catalog, Lang};
use alloc::string::String;
use flushq_core::trace::{Event, View};

/// The narration of `e`, given the view just before it, in English.
pub fn narrate(e: &Event, before: &View) -> String {
    narrate_in(e, before, Lang::EN)
}

/// The narration of `e`, given the view just before it, in `lang`.
pub fn narrate_in(e: &Event, before: &View, lang: Lang) -> String {
    catalog::of(lang).narrate(e, &Facts::of(e, before))
}
