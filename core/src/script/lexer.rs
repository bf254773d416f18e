//! Turns script source text into tokens.
//!
//! The lexer never stops at a bad character: it reports it, emits an
//! [`TokenKind::Error`] token in its place and carries on, so the parser can
//! still find the errors on later lines. Newlines are tokens because they end
//! statements; the parser ignores them inside `(...)` and `[...]`.

use super::message::ScriptMessage;
use super::Diagnostic;
use crate::diag::Span;
use alloc::string::String;
use alloc::vec::Vec;

/// Most diagnostics one lex reports; later ones would only be noise.
pub(crate) const MAX_LEX_ERRORS: usize = 20;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A name that is not a keyword: `session`, `PR_ENTRYID`.
    Ident(String),
    /// A decimal or hex literal (value `u64::MAX` when it was too large).
    Number(u64),
    /// A string literal with its escapes already resolved.
    Str(String),
    /// `for`
    For,
    /// `in`
    In,
    /// `if`
    If,
    /// `else`
    Else,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;`
    Semi,
    /// `.`
    Dot,
    /// `=`
    Assign,
    /// `==`
    EqEq,
    /// `!=`
    NotEq,
    /// `!`
    Bang,
    /// `|`
    Pipe,
    /// `&`
    Amp,
    /// A line break (`\n`; a preceding `\r` counts as whitespace).
    Newline,
    /// Characters that start no token, or an unterminated string; already
    /// reported, so the parser stays quiet about it.
    Error,
    /// End of input; always the last token.
    Eof,
}

impl TokenKind {
    /// Whether this token can begin an expression.
    pub(crate) fn starts_expr(&self) -> bool {
        matches!(
            self,
            TokenKind::Ident(_) | TokenKind::Number(_) | TokenKind::Str(_) | TokenKind::LParen | TokenKind::Bang
        )
    }
}

/// One token and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// What it is.
    pub(crate) kind: TokenKind,
    /// Where it is; tokens never span lines except `Newline`, which ends one.
    pub(crate) span: Span,
}

/// Splits `src` into tokens ending with [`TokenKind::Eof`], plus the lexical
/// errors found (at most [`MAX_LEX_ERRORS`], in source order).
///
/// Tokens are always returned, even with errors, so that parsing can go on and
/// report syntax errors on other lines too.
pub(crate) fn lex(src: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lx = Lexer { src, pos: 0, line: 1, col: 1, tokens: Vec::new(), errors: Vec::new() };
    lx.run();
    (lx.tokens, lx.errors)
}

/// Spans use `u32`; clamp rather than wrap on absurdly large inputs.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_continue(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Characters skipped between tokens (`\r` so CRLF files work; a BOM so
/// files saved by Windows editors work).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{000C}' | '\u{FEFF}')
}

/// Whether `c` begins a token or is skipped; anything else is an unexpected character.
fn is_known_start(c: char, next: Option<char>) -> bool {
    is_ident_start(c)
        || c.is_ascii_digit()
        || is_space(c)
        || matches!(c, '\n' | '"' | '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | ';' | '.' | '=' | '!' | '|' | '&')
        || (c == '/' && next == Some('/'))
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    line: u32,
    col: u32,
    tokens: Vec<Token>,
    errors: Vec<Diagnostic>,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.src.get(self.pos..)?.chars();
        it.next();
        it.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.col = 1;
        } else {
            self.col = self.col.saturating_add(1);
        }
        Some(c)
    }

    /// A span from a start mark (byte offset, line, col) to the current position.
    fn span_from(&self, start: (usize, u32, u32)) -> Span {
        Span { start: to_u32(start.0), end: to_u32(self.pos), line: start.1, col: start.2 }
    }

    fn mark(&self) -> (usize, u32, u32) {
        (self.pos, self.line, self.col)
    }

    /// Records an error.
    fn error(&mut self, span: Span, message: ScriptMessage) {
        if self.errors.len() < MAX_LEX_ERRORS {
            self.errors.push(Diagnostic::error(span, message));
        }
    }

    fn push(&mut self, kind: TokenKind, start: (usize, u32, u32)) {
        let span = self.span_from(start);
        self.tokens.push(Token { kind, span });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let start = self.mark();
            if is_space(c) {
                self.bump();
                continue;
            }
            if c == '/' && self.peek2() == Some('/') {
                // Comment: skip to the line break but keep it, as it ends the statement.
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.bump();
                }
                continue;
            }
            if is_ident_start(c) {
                self.ident(start);
                continue;
            }
            if c.is_ascii_digit() {
                self.number(start);
                continue;
            }
            if c == '"' {
                self.string(start);
                continue;
            }
            let next = self.peek2();
            let kind = match c {
                '\n' => TokenKind::Newline,
                '(' => TokenKind::LParen,
                ')' => TokenKind::RParen,
                '[' => TokenKind::LBracket,
                ']' => TokenKind::RBracket,
                '{' => TokenKind::LBrace,
                '}' => TokenKind::RBrace,
                ',' => TokenKind::Comma,
                ':' => TokenKind::Colon,
                ';' => TokenKind::Semi,
                '.' => TokenKind::Dot,
                '|' => TokenKind::Pipe,
                '&' => TokenKind::Amp,
                '=' if next == Some('=') => {
                    self.bump();
                    TokenKind::EqEq
                }
                '=' => TokenKind::Assign,
                '!' if next == Some('=') => {
                    self.bump();
                    TokenKind::NotEq
                }
                '!' => TokenKind::Bang,
                _ => {
                    self.unexpected(start);
                    continue;
                }
            };
            self.bump();
            self.push(kind, start);
        }
        let end = self.mark();
        self.push(TokenKind::Eof, end);
    }

    fn ident(&mut self, start: (usize, u32, u32)) {
        while self.peek().is_some_and(is_ident_continue) {
            self.bump();
        }
        let text = &self.src[start.0..self.pos];
        let kind = match text {
            "for" => TokenKind::For,
            "in" => TokenKind::In,
            "if" => TokenKind::If,
            "else" => TokenKind::Else,
            _ => TokenKind::Ident(String::from(text)),
        };
        self.push(kind, start);
    }

    fn number(&mut self, start: (usize, u32, u32)) {
        let hex = self.peek() == Some('0') && matches!(self.peek2(), Some('x' | 'X'));
        if hex {
            self.bump();
            self.bump();
        }
        // Swallow trailing letters too, so `12abc` is one bad number rather than
        // a number followed by a name.
        let digits_start = self.pos;
        while self.peek().is_some_and(is_ident_continue) {
            self.bump();
        }
        let digits = &self.src[digits_start..self.pos];
        let text = &self.src[start.0..self.pos];
        let radix: u64 = if hex { 16 } else { 10 };
        let mut value: u64 = 0;
        let mut any_digit = false;
        let mut bad = false;
        let mut overflow = false;
        for ch in digits.chars() {
            if ch == '_' {
                continue;
            }
            let Some(d) = ch.to_digit(radix as u32) else {
                bad = true;
                break;
            };
            any_digit = true;
            match value.checked_mul(radix).and_then(|v| v.checked_add(u64::from(d))) {
                Some(v) => value = v,
                None => overflow = true,
            }
        }
        let span = self.span_from(start);
        if bad {
            let text = shorten(text);
            let message = if hex { ScriptMessage::BadHexNumber { text } } else { ScriptMessage::BadNumber { text } };
            self.error(span, message);
            value = 0;
        } else if !any_digit {
            self.error(span, ScriptMessage::HexWithoutDigits { text: String::from(text) });
        } else if overflow {
            self.error(span, ScriptMessage::NumberTooLarge);
            value = u64::MAX;
        }
        self.push(TokenKind::Number(value), start);
    }

    fn string(&mut self, start: (usize, u32, u32)) {
        self.bump(); // opening quote
        let mut value = String::new();
        loop {
            match self.peek() {
                // A string may not span lines: ending it at the line break keeps
                // one missing quote from swallowing the rest of the script.
                None | Some('\n') => {
                    let span = self.span_from(start);
                    self.error(span, ScriptMessage::UnterminatedString);
                    // An error token keeps the parser from adding a second
                    // message (such as an unclosed call) for the same typo.
                    self.push(TokenKind::Error, start);
                    return;
                }
                Some('"') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    let esc = self.mark();
                    self.bump();
                    match self.peek() {
                        Some('"') => value.push('"'),
                        Some('\\') => value.push('\\'),
                        Some('n') => value.push('\n'),
                        // Leave the line break for the unterminated-string report.
                        None | Some('\n') => continue,
                        Some(other) => {
                            self.bump();
                            let span = self.span_from(esc);
                            self.error(span, ScriptMessage::UnknownEscape { escape: other });
                            continue;
                        }
                    }
                    self.bump();
                }
                Some(c) => {
                    value.push(c);
                    self.bump();
                }
            }
        }
        self.push(TokenKind::Str(value), start);
    }

    /// Reports a run of characters that start no token as one error token.
    fn unexpected(&mut self, start: (usize, u32, u32)) {
        let mut count = 0usize;
        while let Some(c) = self.peek() {
            if count > 0 && is_known_start(c, self.peek2()) {
                break;
            }
            self.bump();
            count += 1;
        }
        let text = &self.src[start.0..self.pos];
        let span = self.span_from(start);
        let message = if count == 1 {
            ScriptMessage::UnexpectedChar { found: text.chars().next().unwrap_or('?') }
        } else {
            ScriptMessage::UnexpectedChars { text: shorten(text) }
        };
        self.error(span, message);
        self.push(TokenKind::Error, start);
    }
}

/// `text` cut to a length that fits in a one-line message.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => {
            let mut s = String::from(&text[..i]);
            s.push('…');
            s
        }
        None => String::from(text),
    }
}
