//! What `flushq lesson` says around a lesson's own texts (which flushq-explain
//! holds), in each language: one [`LessonWords`] per language, registered in
//! [`WORDS`] in the order of [`Lang::ALL`], so a new language does not build
//! until the CLI has its words.

use flushq_explain::Lang;

/// The words of one language.
pub trait LessonWords: Sync {
    /// The language's code, as [`Lang::code`] says it.
    fn code(&self) -> &'static str;
    /// Heads the goal's assertions.
    fn goal(&self) -> &'static str;
    /// Between a failing assertion and why it fails.
    fn colon(&self) -> &'static str;
    /// The last line: whether the goal is reached, with the golf score.
    fn verdict(&self, passed: bool, statements: usize, par: usize) -> String;
}

/// The CLI's words, in the order of [`Lang::ALL`].
static WORDS: [&dyn LessonWords; Lang::COUNT] = [&English, &Chinese];

/// The words of `lang`.
pub fn of(lang: Lang) -> &'static dyn LessonWords {
    let words = WORDS[lang.index()];
    debug_assert_eq!(words.code(), lang.code(), "WORDS is in the order of Lang::ALL");
    words
}

struct English;

impl LessonWords for English {
    fn code(&self) -> &'static str {
        "en"
    }
    fn goal(&self) -> &'static str {
        "goal:"
    }
    fn colon(&self) -> &'static str {
        ": "
    }
    fn verdict(&self, passed: bool, n: usize, par: usize) -> String {
        let reached = if passed { "reached" } else { "not reached" };
        format!("goal {reached}: {n} statements, par {par}\n")
    }
}

struct Chinese;

impl LessonWords for Chinese {
    fn code(&self) -> &'static str {
        "zh"
    }
    fn goal(&self) -> &'static str {
        "目标："
    }
    fn colon(&self) -> &'static str {
        "："
    }
    fn verdict(&self, passed: bool, n: usize, par: usize) -> String {
        let reached = if passed { "已达成" } else { "未达成" };
        format!("{reached}目标：{n} 条语句，标准杆 {par}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_words_in_its_place() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(WORDS[i].code(), lang.code(), "WORDS[{i}]");
        }
    }
}
