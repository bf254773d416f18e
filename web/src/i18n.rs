//! The page's language. English and Simplified Chinese, switchable at run time;
//! MAPI identifiers stay English in both. The first render picks `?lang=`, then
//! the choice remembered from an earlier visit, then the browser's languages.
//!
//! UI strings sit next to their use as `lang.pick("English", "中文")`, or
//! `by_lang!(lang, format!(..), format!(..))` (the core's macro) for templates, so
//! only the language shown is formatted: one branch per string costs the bundle
//! less than a keyed catalogue, and a reader sees both texts together. The core translates what it explains (narration, trace,
//! goals) through the same [`Lang`].

pub use flushq_explain::Lang;
use yew::prelude::*;

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

/// The `<html lang>` tag for `lang`.
pub fn tag(lang: Lang) -> &'static str {
    lang.pick("en", "zh-CN")
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
