//! Positions in a scenario file.

use core::fmt;
use flushq_core::diag::line_col;

/// A problem at a position in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDiagnostic {
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in the file.
    pub col: u32,
    /// One sentence.
    pub message: String,
}

impl FileDiagnostic {
    /// A diagnostic at byte offset `at` of `src`.
    pub fn at(src: &str, at: usize, message: impl Into<String>) -> Self {
        let (line, col) = line_col(src, at);
        FileDiagnostic { line, col, message: message.into() }
    }
}

impl fmt::Display for FileDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// A string value that may know where it was written.
pub trait Located {
    /// The value.
    fn value(&self) -> &str;
    /// Byte offset of the value in the file. TOML values know it exactly; for
    /// JSON the first quoted occurrence after `hint` is used.
    fn offset(&self, src: &str, hint: usize) -> usize;
}

impl Located for toml::Spanned<String> {
    fn value(&self) -> &str {
        self.get_ref()
    }
    fn offset(&self, _src: &str, _hint: usize) -> usize {
        self.span().start
    }
}

impl Located for String {
    fn value(&self) -> &str {
        self
    }
    fn offset(&self, src: &str, hint: usize) -> usize {
        let quoted = serde_json::to_string(self).unwrap_or_default();
        let from = hint.min(src.len());
        src.get(from..).and_then(|rest| rest.find(&quoted)).map(|i| i + from).or_else(|| src.find(&quoted)).unwrap_or(0)
    }
}
