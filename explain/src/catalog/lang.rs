//! The languages flushq speaks, chosen at run time. A [`Lang`] is a handle on its
//! catalog ([`Catalog`]), which renders every typed message; the
//! registry [`Lang::ALL`] is the one place a language is registered. MAPI
//! identifiers, transport names, message subjects and script variables are
//! never translated.

use super::{en, zh, Catalog};
use core::fmt;
use core::hash::{Hash, Hasher};

/// A language of the explanations: its catalog.
#[derive(Clone, Copy)]
pub struct Lang(&'static dyn Catalog);

impl Lang {
    /// English (the default, and what the CLI and the snapshots use).
    pub const EN: Lang = Lang(&en::English);
    /// Simplified Chinese, with the terms of the Chinese MAPI documentation
    /// (后台处理程序 for the MAPI spooler, 传输提供程序, 状态表, 状态对象).
    pub const ZH: Lang = Lang(&zh::Chinese);

    /// How many languages there are: hosts size their own per-language tables
    /// with it, so a new language does not build until each has its entry.
    pub const COUNT: usize = 2;

    /// Every language, in menu order. Registering a language is one entry here
    /// (after writing its catalog).
    pub const ALL: [Lang; Lang::COUNT] = [Lang::EN, Lang::ZH];

    /// Its catalog.
    pub fn catalog(self) -> &'static dyn Catalog {
        self.0
    }

    /// Its place in [`Lang::ALL`].
    pub fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// The short code: `"en"` or `"zh"`.
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The BCP 47 tag for `<html lang>`: `"en"`, `"zh-CN"`.
    pub fn tag(self) -> &'static str {
        self.0.tag()
    }

    /// Its name in itself, for a language switch: "English", "中文".
    pub fn native_name(self) -> &'static str {
        self.0.native_name()
    }

    /// The language of a BCP 47 tag (`en`, `en-US`, `zh-CN`, `zh-Hans`, `zh_SG`, ...),
    /// case-insensitively, by its primary subtag; `None` for any other language.
    ///
    /// Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`) also gives [`Lang::ZH`]:
    /// Simplified Chinese is the only Chinese there is, and it is far closer to what
    /// such a reader wants than English.
    pub fn from_code(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::EN
    }
}

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Lang {}

impl Hash for Lang {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_round_trip_and_every_language_is_registered_once() {
        for (i, l) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(l.index(), i);
            assert!(Lang::ALL[..i].iter().all(|o| o.code() != l.code()), "{l:?} twice");
        }
        assert_eq!(Lang::default(), Lang::EN);
        assert_eq!((Lang::EN.tag(), Lang::ZH.tag()), ("en", "zh-CN"));
        assert_eq!((Lang::EN.native_name(), Lang::ZH.native_name()), ("English", "中文"));
    }

    #[test]
    fn tags_are_read_by_their_primary_subtag_in_any_case() {
        for tag in ["en", "EN", "en-US", "en-gb", "en_GB"] {
            assert_eq!(Lang::from_code(tag), Some(Lang::EN), "{tag}");
        }
        for tag in ["zh", "ZH", "zh-CN", "zh-cn", "zh-Hans", "zh-hans-CN", "zh-SG", "zh_CN", " zh-CN "] {
            assert_eq!(Lang::from_code(tag), Some(Lang::ZH), "{tag}");
        }
        // Traditional Chinese readers get Simplified Chinese, the only Chinese there is.
        for tag in ["zh-TW", "zh-Hant", "zh-HK", "zh-Hant-TW"] {
            assert_eq!(Lang::from_code(tag), Some(Lang::ZH), "{tag}");
        }
        for tag in ["", "fr", "de-DE", "eng", "zho", "z", "-zh", "english"] {
            assert_eq!(Lang::from_code(tag), None, "{tag}");
        }
    }
}
