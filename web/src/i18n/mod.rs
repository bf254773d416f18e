//! The page's language. English and Simplified Chinese, switchable at run time;
//! MAPI identifiers stay English in both. The first render picks `?lang=`, then
//! the choice remembered from an earlier visit, then the browser's languages.
//!
//! Every text of the page is a typed message ([`ui`]: one enum per area of the
//! page) rendered by the page's catalog, a [`UiCatalog`] per language (`en.rs`,
//! `zh.rs`), found in the registry [`UI`] by [`Lang::index`]: `t(lang,
//! ui::Controls::Play)`. [`UI`] has one entry per language of [`Lang::ALL`], so a
//! language registered there does not build until the page has its catalog.
//! flushq-explain translates what it explains (narration, trace, goals) through
//! its own catalogs of the same [`Lang`].

mod en;
pub mod ui;
mod zh;

use crate::share::ShareError;
pub use flushq_explain::Lang;
use std::borrow::Cow;
use yew::prelude::*;

/// Everything the page says in one language. Fixed texts come back borrowed;
/// only texts with arguments are formatted.
pub trait UiCatalog: Sync {
    /// The language's code, as [`Lang::code`] says it.
    fn code(&self) -> &'static str;
    /// The top bar.
    fn header(&self, m: ui::Header) -> &'static str;
    /// The shortcuts overlay.
    fn help(&self, m: ui::Help) -> &'static str;
    /// The playback controls.
    fn controls(&self, m: ui::Controls) -> Cow<'static, str>;
    /// The page around the panels.
    fn page(&self, m: ui::Page) -> Cow<'static, str>;
    /// The status table panel.
    fn status_table(&self, m: ui::StatusTable) -> &'static str;
    /// The trace panel.
    fn trace(&self, m: ui::Trace) -> Cow<'static, str>;
    /// The session diagram.
    fn diagram(&self, m: ui::Diagram<'_>) -> Cow<'static, str>;
    /// A transport's dialog.
    fn prompt(&self, m: ui::Prompt<'_>) -> Cow<'static, str>;
    /// Predict mode's card.
    fn predict(&self, m: ui::Predict<'_>) -> Cow<'static, str>;
    /// The flags panel.
    fn flags(&self, m: ui::Flags) -> Cow<'static, str>;
    /// The scenario editor.
    fn scenario_editor(&self, m: ui::ScenarioEditor<'_>) -> Cow<'static, str>;
    /// The lessons panel.
    fn lessons(&self, m: ui::Lessons<'_>) -> Cow<'static, str>;
    /// The toast.
    fn toast(&self, m: ui::Toast<'_>) -> String;
    /// Why a share link does not open, as the end of a sentence.
    fn share_error(&self, e: &ShareError) -> String;
}

/// The page's catalogs, in the order of [`Lang::ALL`].
static UI: [&dyn UiCatalog; Lang::COUNT] = [&en::English, &zh::Chinese];

/// The page's catalog for `lang`.
pub fn catalog(lang: Lang) -> &'static dyn UiCatalog {
    UI[lang.index()]
}

/// A message of one of the [`ui`] enums, rendered by a catalog.
pub trait Message {
    /// The text of `self` in `catalog`'s language.
    fn render(self, catalog: &dyn UiCatalog) -> Cow<'static, str>;
}

macro_rules! messages {
    ($($ty:ty => $method:ident),* $(,)?) => {
        $(impl Message for $ty {
            fn render(self, catalog: &dyn UiCatalog) -> Cow<'static, str> {
                catalog.$method(self).into()
            }
        })*
    };
}

messages!(
    ui::Header => header,
    ui::Help => help,
    ui::Controls => controls,
    ui::Page => page,
    ui::StatusTable => status_table,
    ui::Trace => trace,
    ui::Diagram<'_> => diagram,
    ui::Prompt<'_> => prompt,
    ui::Predict<'_> => predict,
    ui::Flags => flags,
    ui::ScenarioEditor<'_> => scenario_editor,
    ui::Lessons<'_> => lessons,
    ui::Toast<'_> => toast,
);

/// The text of `m` in `lang`.
pub fn t(lang: Lang, m: impl Message) -> Cow<'static, str> {
    m.render(catalog(lang))
}

/// The `lang` value of a query string (with or without `?`), if it names a language.
pub fn from_query(query: &str) -> Option<Lang> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::from_code)
}

/// The language a page load starts in: `?lang=`, then `saved`, then the first of the
/// browser's `preferred` languages we have, then English.
pub fn initial(query: Option<&str>, saved: Option<&str>, preferred: &[String]) -> Lang {
    query
        .and_then(from_query)
        .or_else(|| saved.and_then(Lang::from_code))
        .or_else(|| preferred.iter().find_map(|l| Lang::from_code(l)))
        .unwrap_or_default()
}

/// The language the switch in the header offers: the next one of [`Lang::ALL`].
pub fn other(lang: Lang) -> Lang {
    Lang::ALL[(lang.index() + 1) % Lang::COUNT]
}

/// The page's language, from the [`App`](crate::App)'s context (English outside it).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Properties of [`InLang`].
#[derive(Properties, PartialEq)]
pub struct InLangProps {
    /// The language.
    pub lang: Lang,
    /// What to render in it.
    pub children: Html,
}

/// Renders its children in `lang`: for server-side renders of single components
/// (the static renderer, tests), which have no [`App`](crate::App) around them.
#[function_component(InLang)]
pub fn in_lang(props: &InLangProps) -> Html {
    html! { <ContextProvider<Lang> context={props.lang}>{ props.children.clone() }</ContextProvider<Lang>> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_catalog_in_its_place() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(UI[i].code(), lang.code(), "UI[{i}]");
            assert_eq!(catalog(lang).code(), lang.code());
        }
        assert_eq!(other(Lang::EN), Lang::ZH);
        assert_eq!(other(Lang::ZH), Lang::EN);
    }

    #[test]
    fn the_query_wins_then_the_saved_choice_then_the_browser() {
        let zh_browser = [String::from("fr-FR"), String::from("zh-CN")];
        assert_eq!(initial(Some("?embed&lang=en"), Some("zh"), &zh_browser), Lang::EN);
        assert_eq!(initial(Some("lang=zh"), None, &[]), Lang::ZH);
        assert_eq!(initial(Some("?lang=xx"), Some("zh"), &[]), Lang::ZH, "an unknown lang= is ignored");
        assert_eq!(initial(None, None, &zh_browser), Lang::ZH, "the first language we have");
        assert_eq!(initial(None, None, &[String::from("de")]), Lang::EN);
        assert_eq!(initial(None, Some("en"), &zh_browser), Lang::EN, "a remembered choice beats the browser");
    }
}
