//! Positions in a scenario file.

#[cfg(feature = "json")]
use crate::json_index::JsonIndex;
use crate::literal::{self, Decoded};
use crate::message::FileMessage;
pub(crate) use crate::path::{path_to, Step};
use flushq_core::diag::line_col;

/// A problem at a position in a scenario file. `flushq-explain` says it in each
/// language (`file_diagnostic_in`), as `line:col: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDiagnostic {
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in the file.
    pub col: u32,
    /// What is wrong.
    pub message: FileMessage,
}

impl FileDiagnostic {
    /// A diagnostic at byte offset `at` of `src`.
    pub fn at(src: &str, at: usize, message: FileMessage) -> Self {
        let (line, col) = line_col(src, at);
        FileDiagnostic { line, col, message }
    }
}

/// A string value that may know where it was written.
pub(crate) trait Located {
    /// The value.
    fn value(&self) -> &str;
    /// Byte offset of the value in the file, when the parser recorded it (TOML
    /// values do; serde_json does not, and [`Locator`] finds those by path instead).
    fn recorded_offset(&self) -> Option<usize>;
}

impl Located for crate::toml_doc::Str {
    fn value(&self) -> &str {
        &self.value
    }
    fn recorded_offset(&self) -> Option<usize> {
        Some(self.at)
    }
}

#[cfg(feature = "json")]
impl Located for String {
    fn value(&self) -> &str {
        self
    }
    fn recorded_offset(&self) -> Option<usize> {
        None
    }
}

/// Finds where decoded values were written in a scenario file.
pub(crate) struct Locator<'a> {
    src: &'a str,
    syntax: Syntax,
}

enum Syntax {
    Toml,
    /// JSON values are looked up by path in a scan of the file.
    #[cfg(feature = "json")]
    Json(JsonIndex),
}

impl<'a> Locator<'a> {
    /// For a TOML file, whose values carry their spans.
    pub fn toml(src: &'a str) -> Self {
        Locator { src, syntax: Syntax::Toml }
    }

    /// For a JSON file: scans it for the position of every value.
    #[cfg(feature = "json")]
    pub fn json(src: &'a str) -> Self {
        Locator { src, syntax: Syntax::Json(JsonIndex::scan(src)) }
    }

    /// The file.
    pub fn src(&self) -> &'a str {
        self.src
    }

    /// Byte offset of `value`, which sits at `path` in the file. Falls back to the
    /// top of the file if it cannot be found (it always should be).
    pub fn offset(&self, value: &impl Located, path: &[Step]) -> usize {
        value.recorded_offset().or_else(|| self.path_offset(path)).unwrap_or(0)
    }

    /// A diagnostic at `value`, which sits at `path` in the file.
    pub fn diag(&self, value: &impl Located, path: &[Step], message: FileMessage) -> FileDiagnostic {
        FileDiagnostic::at(self.src, self.offset(value, path), message)
    }

    /// The string literal starting at byte `at`, decoded with the origin of each byte.
    pub fn literal(&self, at: usize) -> Option<Decoded> {
        match self.syntax {
            Syntax::Toml => literal::toml(self.src, at),
            #[cfg(feature = "json")]
            Syntax::Json(_) => literal::json(self.src, at),
        }
    }

    /// Byte offset of the value at `path`, for files whose values do not record it.
    #[cfg_attr(not(feature = "json"), allow(unused_variables))]
    fn path_offset(&self, path: &[Step]) -> Option<usize> {
        match &self.syntax {
            Syntax::Toml => None,
            #[cfg(feature = "json")]
            Syntax::Json(index) => index.span(path).map(|r| r.start),
        }
    }
}
