//! The languages the core explains itself in, chosen at run time.
//!
//! Narration ([`crate::trace::narrate_in`]), the one-line trace descriptions
//! ([`crate::trace::describe_in`]) and goal checks ([`crate::goal::check_all_in`])
//! take a [`Lang`]; their language-less forms are English. MAPI identifiers,
//! transport names, message subjects and script variables are never translated.

/// A language of the explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default, and what the CLI and the snapshots use).
    #[default]
    En,
    /// Simplified Chinese, with the terms of the Chinese MAPI documentation
    /// (后台处理程序 for the MAPI spooler, 传输提供程序, 状态表, 状态对象).
    Zh,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short BCP 47 code: `"en"` or `"zh"`.
    pub fn code(self) -> &'static str {
        self.pick("en", "zh")
    }

    /// The language of a BCP 47 tag (`en`, `en-US`, `zh-CN`, `zh-Hans`, `zh_SG`, ...),
    /// case-insensitively, by its primary subtag; `None` for any other language.
    ///
    /// Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) also gives [`Lang::Zh`]:
    /// Simplified Chinese is the only Chinese we have, and it is far closer to what
    /// such a reader wants than English.
    pub fn from_code(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// `en` in English, `zh` in Chinese. Both are evaluated: for texts that need
    /// formatting, match on the language (or use `by_lang!`) so only one is built.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// `by_lang!(lang, en, zh)`: the expression for `lang`, evaluating only that one
/// (a lazy [`Lang::pick`], for `format!` templates). Exported: the playground's
/// strings use it too.
#[macro_export]
macro_rules! by_lang {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => $en,
            $crate::lang::Lang::Zh => $zh,
        }
    };
}
pub use crate::by_lang;

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::default(), Lang::En);
    }

    #[test]
    fn tags_are_read_by_their_primary_subtag_in_any_case() {
        for tag in ["en", "EN", "en-US", "en-gb", "en_GB"] {
            assert_eq!(Lang::from_code(tag), Some(Lang::En), "{tag}");
        }
        for tag in ["zh", "ZH", "zh-CN", "zh-cn", "zh-Hans", "zh-hans-CN", "zh-SG", "zh_CN", " zh-CN "] {
            assert_eq!(Lang::from_code(tag), Some(Lang::Zh), "{tag}");
        }
        // Traditional Chinese readers get Simplified Chinese, the only Chinese there is.
        for tag in ["zh-TW", "zh-Hant", "zh-HK", "zh-Hant-TW"] {
            assert_eq!(Lang::from_code(tag), Some(Lang::Zh), "{tag}");
        }
        for tag in ["", "fr", "de-DE", "eng", "zho", "z", "-zh", "english"] {
            assert_eq!(Lang::from_code(tag), None, "{tag}");
        }
    }

    #[test]
    fn pick_and_by_lang_choose_one() {
        assert_eq!(Lang::En.pick("a", "b"), "a");
        assert_eq!(Lang::Zh.pick(1, 2), 2);
        let mut built = 0;
        let mut build = |s: &'static str| {
            built += 1;
            s
        };
        assert_eq!(by_lang!(Lang::Zh, build("en"), build("zh")), "zh");
        assert_eq!(built, 1, "only the chosen side is evaluated");
    }
}
