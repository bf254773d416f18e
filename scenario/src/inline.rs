//! Placing an inline script's diagnostics in the scenario file.
//!
//! The script checker reports positions in the decoded script text; the file spells
//! that text as a string literal, maybe with escapes or line-ending backslashes, so
//! positions are carried through the literal's byte-by-byte origin map.

use crate::literal::Decoded;
use crate::locate::FileDiagnostic;
use crate::message::FileMessage;
use flushq_core::diag::{line_col, LineCol};
use flushq_core::script::Diagnostic;

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

    /// `d`, with its position and any position its message names ("… opened at
    /// L:C") moved into the file.
    pub fn place(&self, d: Diagnostic) -> FileDiagnostic {
        let at = self.file_offset(d.span.start as usize);
        let mut message = d.message;
        if let Some(opened) = message.opened_at_mut() {
            if let Some((line, col)) = self.file_line_col(opened.line, opened.col) {
                *opened = LineCol { line, col };
            }
        }
        FileDiagnostic::at(self.src, at, FileMessage::Script(message))
    }

    /// File offset of byte `i` of the script.
    fn file_offset(&self, i: usize) -> usize {
        self.literal.as_ref().map_or(self.at, |d| d.source_offset(i))
    }

    /// File line and column of script line `line`, column `col`; `None` if the
    /// literal could not be re-read, as a guess would be worse than the script position.
    fn file_line_col(&self, line: u32, col: u32) -> Option<(u32, u32)> {
        let literal = self.literal.as_ref()?;
        let i = script_offset(self.script, line, col)?;
        Some(line_col(self.src, literal.source_offset(i)))
    }
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
    use flushq_core::script::ScriptMessage;

    #[test]
    fn script_offsets() {
        let s = "ab\n\u{e9}c\n";
        assert_eq!(script_offset(s, 1, 1), Some(0));
        assert_eq!(script_offset(s, 2, 2), Some(5));
        assert_eq!(script_offset(s, 3, 1), Some(s.len()));
        assert_eq!(script_offset(s, 2, 9), None);
    }

    #[test]
    fn moves_the_position_a_message_names() {
        let src = "s = \"f(\\n(1, 2:3\"";
        let script = "f(\n(1, 2:3";
        let inline = InlineScript::new(src, script, 4, literal::toml(src, 4));
        let span = Span { start: 3, end: 4, line: 2, col: 1 };
        let call = ScriptMessage::UnclosedCall { callee: Some("f".into()), opened: LineCol { line: 1, col: 2 } };
        let placed = inline.place(Diagnostic::error(span, call));
        assert_eq!((placed.line, placed.col), (1, 10));
        let moved = ScriptMessage::UnclosedCall { callee: Some("f".into()), opened: LineCol { line: 1, col: 7 } };
        assert_eq!(placed.message, FileMessage::Script(moved));
        let block = ScriptMessage::BlockNeverClosed { opened: LineCol { line: 2, col: 1 } };
        let moved = ScriptMessage::BlockNeverClosed { opened: LineCol { line: 1, col: 10 } };
        assert_eq!(inline.place(Diagnostic::error(span, block)).message, FileMessage::Script(moved));
        // A message without a position of its own is kept as it is.
        let plain = ScriptMessage::ExpectedIn { var: "x".into() };
        assert_eq!(inline.place(Diagnostic::error(span, plain.clone())).message, FileMessage::Script(plain));
    }

    #[test]
    fn falls_back_to_the_literal_when_it_cannot_be_reread() {
        let src = "\n  s = \"x\"";
        let inline = InlineScript::new(src, "not x", 7, literal::toml(src, 7));
        let opened = ScriptMessage::UnclosedParen { opened: LineCol { line: 1, col: 1 } };
        let d = Diagnostic::error(Span { start: 2, end: 3, line: 1, col: 3 }, opened.clone());
        assert_eq!(inline.place(d), FileDiagnostic { line: 2, col: 7, message: FileMessage::Script(opened) });
    }
}
