//! Re-reading a string literal in the file, remembering where each decoded byte came from.
//!
//! toml and serde_json hand back a string's value but not how it was spelled, so a
//! position inside the value (a script error) cannot be placed in the file without
//! walking the literal again: escapes, `"""` line-ending backslashes and the newline
//! trimmed after an opening `"""` or `'''` all shift the text against the source.
//!
//! The parsers have already accepted the literal, so these readers only need to
//! decode it, not to explain what is wrong with it: on anything unexpected they give
//! up and the caller falls back to a coarser position.

/// A string literal, decoded, with the source offset of every byte of its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The string's value.
    pub text: String,
    /// For each byte of `text`, the source offset of the character or escape that
    /// produced it; then one more entry, the offset of the closing delimiter.
    origin: Vec<usize>,
    /// Source offset just past the closing delimiter.
    pub end: usize,
}

impl Decoded {
    /// Source offset that byte `i` of the value came from. `text.len()` (and
    /// anything past it) is the closing delimiter, where end-of-script problems go.
    pub fn source_offset(&self, i: usize) -> usize {
        self.origin[i.min(self.origin.len() - 1)]
    }
}

/// Decodes the TOML string literal starting at byte `at` of `src`: basic `"…"`,
/// multi-line basic `"""…"""`, literal `'…'` or multi-line literal `'''…'''`.
pub fn toml(src: &str, at: usize) -> Option<Decoded> {
    let mut r = Reader::new(src, at);
    if r.skip("\"\"\"") {
        r.skip_newline();
        toml_multi_line(r, '"')
    } else if r.skip("'''") {
        r.skip_newline();
        toml_multi_line(r, '\'')
    } else if r.skip("\"") {
        toml_single_line(r, '"')
    } else if r.skip("'") {
        toml_single_line(r, '\'')
    } else {
        None
    }
}

/// Decodes the JSON string literal starting at byte `at` of `src`.
#[cfg(feature = "json")]
pub(crate) fn json(src: &str, at: usize) -> Option<Decoded> {
    let mut r = Reader::new(src, at);
    if !r.skip("\"") {
        return None;
    }
    loop {
        match r.peek()? {
            '"' => return Some(r.finish(1)),
            '\\' => json_escape(&mut r)?,
            c if c < ' ' => return None,
            _ => r.copy()?,
        }
    }
}

/// `"…"` (escapes) or `'…'` (none), after the opening quote.
fn toml_single_line(mut r: Reader<'_>, quote: char) -> Option<Decoded> {
    loop {
        match r.peek()? {
            c if c == quote => return Some(r.finish(1)),
            '\n' | '\r' => return None,
            '\\' if quote == '"' => toml_escape(&mut r)?,
            _ => r.copy()?,
        }
    }
}

/// `"""…"""` (escapes, line-ending backslashes) or `'''…'''` (neither), after the
/// opening delimiter and its optional newline.
fn toml_multi_line(mut r: Reader<'_>, quote: char) -> Option<Decoded> {
    loop {
        let quotes = r.rest().chars().take_while(|&c| c == quote).count();
        if quotes >= 3 {
            // One or two quotes may end the text right before the closing delimiter:
            // `""""` is a `"` and then the end.
            for _ in 3..quotes.min(5) {
                r.copy()?;
            }
            return Some(r.finish(3));
        }
        match r.peek()? {
            '\\' if quote == '"' => {
                if !r.skip_line_ending_backslash() {
                    toml_escape(&mut r)?;
                }
            }
            '\r' | '\n' => {
                // toml hands back CRLF line ends as `\n`.
                let from = r.pos;
                if !r.skip_newline() {
                    return None;
                }
                r.push('\n', from);
            }
            _ => r.copy()?,
        }
    }
}

/// A TOML escape (`\n`, `\uXXXX`, `\UXXXXXXXX`, …) at the reader's position.
fn toml_escape(r: &mut Reader<'_>) -> Option<()> {
    let from = r.pos;
    r.skip("\\");
    let c = match r.bump()? {
        'b' => '\u{8}',
        't' => '\t',
        'n' => '\n',
        'f' => '\u{c}',
        'r' => '\r',
        '"' => '"',
        '\\' => '\\',
        'u' => char::from_u32(r.hex(4)?)?,
        'U' => char::from_u32(r.hex(8)?)?,
        _ => return None,
    };
    r.push(c, from);
    Some(())
}

/// A JSON escape at the reader's position, including a `\uXXXX\uXXXX` surrogate pair.
#[cfg(feature = "json")]
fn json_escape(r: &mut Reader<'_>) -> Option<()> {
    let from = r.pos;
    r.skip("\\");
    let c = match r.bump()? {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'u' => {
            let unit = r.hex(4)?;
            if (0xD800..0xDC00).contains(&unit) {
                if !r.skip("\\u") {
                    return None;
                }
                let low = r.hex(4)?;
                if !(0xDC00..0xE000).contains(&low) {
                    return None;
                }
                char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
            } else {
                char::from_u32(unit)?
            }
        }
        _ => return None,
    };
    r.push(c, from);
    Some(())
}

/// A position in the source and the value decoded so far.
struct Reader<'a> {
    src: &'a str,
    pos: usize,
    text: String,
    origin: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn new(src: &'a str, at: usize) -> Self {
        Reader { src, pos: at, text: String::new(), origin: Vec::new() }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Steps over `s` if the source continues with it.
    fn skip(&mut self, s: &str) -> bool {
        let found = self.rest().starts_with(s);
        if found {
            self.pos += s.len();
        }
        found
    }

    /// Steps over one `\n` or `\r\n`.
    fn skip_newline(&mut self) -> bool {
        self.skip("\n") || self.skip("\r\n")
    }

    /// Steps over a `"""` line-ending backslash: `\`, spaces or tabs, a newline, and
    /// every space, tab and newline after it. False (and no step) for any other `\`.
    fn skip_line_ending_backslash(&mut self) -> bool {
        let after = self.rest()[1..].trim_start_matches([' ', '\t']);
        if !(after.starts_with('\n') || after.starts_with("\r\n")) {
            return false;
        }
        let next = after.trim_start_matches([' ', '\t', '\r', '\n']);
        self.pos = self.src.len() - next.len();
        true
    }

    /// `n` hex digits, as a number.
    fn hex(&mut self, n: usize) -> Option<u32> {
        let digits = self.rest().get(..n)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += n;
        u32::from_str_radix(digits, 16).ok()
    }

    /// Copies the next source character into the value, byte for byte.
    fn copy(&mut self) -> Option<()> {
        let from = self.pos;
        let c = self.bump()?;
        self.text.push(c);
        self.origin.extend(from..self.pos);
        Some(())
    }

    /// Adds `c`, spelled by the escape or newline at `from`, to the value.
    fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        self.origin.extend(core::iter::repeat_n(from, c.len_utf8()));
    }

    /// The value, ended by a `delimiter`-byte closing delimiter at the position.
    fn finish(mut self, delimiter: usize) -> Decoded {
        self.origin.push(self.pos);
        Decoded { text: self.text, origin: self.origin, end: self.pos + delimiter }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value, and the source text each value character came from.
    fn spelled(src: &str, d: &Decoded) -> Vec<(char, String)> {
        d.text
            .char_indices()
            .map(|(i, c)| {
                let from = d.source_offset(i);
                let to = d.source_offset(i + c.len_utf8()).max(from + 1);
                (c, src[from..to].to_string())
            })
            .collect()
    }

    #[test]
    fn toml_basic_escapes() {
        let src = r#"k = "a\n\u00e9\U0001F600\"é" # c"#;
        let d = toml(src, 4).expect("decodes");
        assert_eq!(d.text, "a\né😀\"é");
        let got = spelled(src, &d);
        let want = [("a", "a"), ("\n", "\\n"), ("é", "\\u00e9"), ("😀", "\\U0001F600"), ("\"", "\\\""), ("é", "é")];
        assert_eq!(got, want.map(|(c, s)| (c.chars().next().unwrap(), s.to_string())));
        assert_eq!(&src[d.end..], " # c");
        assert_eq!(d.source_offset(d.text.len()), d.end - 1);
    }

    #[test]
    fn toml_multi_line_basic() {
        let src = "\"\"\"\r\nab \\  \r\n\n   cd\r\ne\"\"\"\"\"";
        let d = toml(src, 0).expect("decodes");
        assert_eq!(d.text, "ab cd\ne\"\"");
        assert_eq!(d.source_offset(0), 5, "the newline after the opening delimiter is trimmed");
        assert_eq!(d.source_offset(3), src.find("cd").unwrap(), "the line-ending backslash eats the indentation");
        assert_eq!(d.source_offset(5), src.find("\r\ne").unwrap());
        assert_eq!(d.end, src.len());
    }

    #[test]
    fn toml_literals() {
        let d = toml("'a\\n'", 0).expect("decodes");
        assert_eq!((d.text.as_str(), d.end), ("a\\n", 5));
        let src = "'''\nx\r\ny'''''";
        let d = toml(src, 0).expect("decodes");
        assert_eq!(d.text, "x\ny''");
        assert_eq!(d.source_offset(2), src.find('y').unwrap());
        assert_eq!(toml("x", 0), None);
        assert_eq!(toml("\"a\nb\"", 0), None);
        assert_eq!(toml("\"a", 0), None);
    }

    #[test]
    #[cfg(feature = "json")]
    fn json_escapes() {
        let src = r#""\ud83d\ude00\/\u0078\t\"""#;
        let d = json(src, 0).expect("decodes");
        assert_eq!(d.text, "😀/x\t\"");
        assert_eq!((d.source_offset(4), d.source_offset(5), d.source_offset(6)), (13, 15, 21));
        assert_eq!(d.end, src.len());
        assert_eq!(json(r#""\ud83d""#, 0), None, "a lone surrogate");
        assert_eq!(json("\"a\nb\"", 0), None, "a raw control character");
        assert_eq!(json(r#""\x""#, 0), None);
    }
}
