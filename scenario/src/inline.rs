//! Placing an inline script's diagnostics in the scenario file.
//!
//! The script checker reports positions in the decoded script text; the file spells
//! that text as a string literal, maybe with escapes or line-ending backslashes, so
//! positions are carried through the literal's byte-by-byte origin map.

use crate::literal::Decoded;
use crate::locate::FileDiagnostic;
use core::fmt::Write;
use flushq_core::diag::{line_col, Diagnostic};

/// The parser's messages name other script positions as "… opened at L:C".
const OPENED_AT: &str = "opened at ";

/// An inline script and where its text sits in the file.
pub struct InlineScript<'a> {
    src: &'a str,
    script: &'a str,
    /// The literal the script was decoded from; `None` if it could not be re-read,
    /// and every position falls back to `at`.
    literal: Option<Decoded>,
    /// Byte offset of the literal in the file.
    at: usize,
}

impl<'a> InlineScript<'a> {
    /// `script`, decoded from the literal at byte `at` of `src`, which re-reads as `literal`.
    pub fn new(src: &'a str, script: &'a str, at: usize, literal: Option<Decoded>) -> Self {
        // A re-read that disagrees with the parser would misplace everything.
        let literal = literal.filter(|d| d.text == script);
        InlineScript { src, script, literal, at }
    }

    /// `d`, with its position and any positions in its message moved into the file.
    pub fn place(&self, d: &Diagnostic) -> FileDiagnostic {
        let at = self.file_offset(d.span.start as usize);
        FileDiagnostic::at(self.src, at, self.rewrite_opened_at(&d.message))
    }

    /// File offset of byte `i` of the script.
    fn file_offset(&self, i: usize) -> usize {
        self.literal.as_ref().map_or(self.at, |d| d.source_offset(i))
    }

    /// `message` with each script `L:C` after "opened at " replaced by its file position.
    fn rewrite_opened_at(&self, message: &str) -> String {
        let mut out = String::with_capacity(message.len());
        let mut rest = message;
        while let Some(i) = rest.find(OPENED_AT) {
            let (head, tail) = rest.split_at(i + OPENED_AT.len());
            out.push_str(head);
            rest = tail;
            let Some((line, col, len)) = parse_line_col(rest) else { continue };
            let Some((file_line, file_col)) = self.file_line_col(line, col) else { continue };
            let _ = write!(out, "{file_line}:{file_col}");
            rest = &rest[len..];
        }
        out.push_str(rest);
        out
    }

    /// File line and column of script line `line`, column `col`; `None` if the
    /// literal could not be re-read, as a guess would be worse than the script position.
    fn file_line_col(&self, line: u32, col: u32) -> Option<(u32, u32)> {
        let literal = self.literal.as_ref()?;
        let i = script_offset(self.script, line, col)?;
        Some(line_col(self.src, literal.source_offset(i)))
    }
}

/// `L:C` at the start of `s`: line, column and the length of the text.
fn parse_line_col(s: &str) -> Option<(u32, u32, usize)> {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let line_len = digits(s);
    let rest = s[line_len..].strip_prefix(':')?;
    let col_len = digits(rest);
    if line_len == 0 || col_len == 0 {
        return None;
    }
    let line = s[..line_len].parse().ok()?;
    let col = rest[..col_len].parse().ok()?;
    Some((line, col, line_len + 1 + col_len))
}

/// Byte offset of 1-based `line` and `col` (in characters) in `script`, counted the
/// way the script lexer counts them.
fn script_offset(script: &str, line: u32, col: u32) -> Option<usize> {
    let (mut l, mut c) = (1, 1);
    for (i, ch) in script.char_indices().chain([(script.len(), '\0')]) {
        if (l, c) == (line, col) {
            return Some(i);
        }
        if ch == '\n' {
            (l, c) = (l + 1, 1);
        } else {
            c += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::literal;
    use flushq_core::diag::Span;

    #[test]
    fn script_offsets() {
        let s = "ab\n\u{e9}c\n";
        assert_eq!(script_offset(s, 1, 1), Some(0));
        assert_eq!(script_offset(s, 2, 2), Some(5));
        assert_eq!(script_offset(s, 3, 1), Some(s.len()));
        assert_eq!(script_offset(s, 2, 9), None);
    }

    #[test]
    fn line_col_prefix() {
        assert_eq!(parse_line_col("12:3 is"), Some((12, 3, 4)));
        assert_eq!(parse_line_col(":3"), None);
        assert_eq!(parse_line_col("1:"), None);
        assert_eq!(parse_line_col("x"), None);
    }

    #[test]
    fn rewrites_only_positions_after_opened_at() {
        let src = "s = \"f(\\n(1, 2:3\"";
        let script = "f(\n(1, 2:3";
        let inline = InlineScript::new(src, script, 4, literal::toml(src, 4));
        let d = Diagnostic::error(Span { start: 3, end: 4, line: 2, col: 1 }, "x opened at 1:2, y 2:3, opened at 2:1.");
        let placed = inline.place(&d);
        assert_eq!((placed.line, placed.col), (1, 10));
        assert_eq!(placed.message, "x opened at 1:7, y 2:3, opened at 1:10.");
    }

    #[test]
    fn falls_back_to_the_literal_when_it_cannot_be_reread() {
        let src = "\n  s = \"x\"";
        let inline = InlineScript::new(src, "not x", 7, literal::toml(src, 7));
        let d = Diagnostic::error(Span { start: 2, end: 3, line: 1, col: 3 }, "opened at 1:1");
        assert_eq!(inline.place(&d), FileDiagnostic { line: 2, col: 7, message: "opened at 1:1".into() });
    }
}
