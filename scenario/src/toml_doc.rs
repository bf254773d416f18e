//! A TOML 1.0 reader for scenario files: the document as a tree of values, each
//! with the byte offset where it was written, and every syntax error placed.
//!
//! The toml crate parses into a format-preserving document and decodes it through
//! serde, which cost the playground's bundle about 70 KB gzipped. Decoding a
//! scenario needs none of the formatting, so this reader keeps only the values,
//! where they are, and TOML's structure rules: no key defined twice, no table
//! defined twice, inline tables and arrays closed once written, arrays of tables
//! extended by `[[…]]` headers. Its errors are typed ([`TomlError`]): one per
//! message of toml's (`invalid basic string`, `duplicate key `k``, …), which the
//! English catalog of `flushq-explain` reproduces, the `expected …` line joined on.
//!
//! [`TomlError`]: crate::TomlError

use crate::message::{FileMessage, TomlError as E};

/// Nesting this deep (arrays, inline tables; or key segments) is refused, not
/// recursed into: toml's limit.
const MAX_DEPTH: usize = 80;

/// A syntax error (or, from the decoders built on this reader, a problem with
/// what the file holds), at a byte offset of the file.
#[derive(Debug)]
pub struct Error {
    pub at: usize,
    pub message: FileMessage,
}

impl Error {
    pub fn new(at: usize, message: impl Into<FileMessage>) -> Self {
        Error { at, message: message.into() }
    }
}

/// A value and the byte offset where it starts: its first character, or the `[`
/// of the header that opened a table.
#[derive(Debug)]
pub struct Item {
    pub at: usize,
    pub value: Value,
}

#[derive(Debug)]
pub enum Value {
    String(String),
    Integer(i64),
    /// As written: no scenario field takes a float, so its value is never needed,
    /// only named in messages. (So, unlike toml, a literal beyond f64's range,
    /// `1e999`, is not a syntax error; the file is refused all the same.)
    Float(String),
    Boolean(bool),
    /// As written.
    Datetime(String),
    /// An array; `true` for an array of tables, which `[[…]]` headers extend.
    Array(Vec<Item>, bool),
    Table(Table),
}

/// A table's members, in the order they were first written.
#[derive(Debug, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
    kind: Kind,
}

/// How a table came to be, which decides how it may be extended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Kind {
    /// Created as the parent of a header's table (`a` of `[a.b]`): a header may
    /// still define it, dotted keys may not extend it.
    #[default]
    Implicit,
    /// Defined by a `[…]` or `[[…]]` header.
    Header,
    /// Created by a dotted key (`a.b = 1`): more dotted keys may extend it.
    Dotted,
    /// `{…}`: complete as written.
    Inline,
}

/// A table member: its key, where the key is, and its value.
#[derive(Debug)]
pub struct Entry {
    pub key: String,
    pub at: usize,
    pub item: Item,
}

/// A string value of the file and the offset of its literal.
#[derive(Debug)]
pub struct Str {
    pub value: String,
    pub at: usize,
}

/// A key segment and where it is written.
type Key = (String, usize);

/// Reads a whole TOML document.
pub fn parse(src: &str) -> Result<Table, Error> {
    let mut p = Parser { src, pos: 0, depth: 0 };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.document()
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn document(&mut self) -> Result<Table, Error> {
        let mut root = Table { entries: Vec::new(), kind: Kind::Header };
        // The current table: an entry index per level (the last element of an array of tables).
        let mut path: Vec<usize> = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Ok(root),
                Some(b'[') => path = self.header(&mut root)?,
                Some(b'#' | b'\n' | b'\r') => {}
                Some(_) => {
                    let (keys, item) = self.keyval()?;
                    insert(table_at(&mut root, &path), keys, item)?;
                }
            }
            self.line_end()?;
        }
    }

    /// `[a.b]` or `[[a.b]]`: defines or appends the table, and returns its path.
    fn header(&mut self, root: &mut Table) -> Result<Vec<usize>, Error> {
        let at = self.pos;
        let array = self.rest().starts_with("[[");
        self.pos += if array { 2 } else { 1 };
        self.skip_ws();
        let keys = self.key()?;
        self.skip_ws();
        let close = if array { "]]" } else { "]" };
        if !self.rest().starts_with(close) {
            return Err(Error::new(self.pos, E::TableHeader { array }));
        }
        self.pos += close.len();

        let mut path = Vec::with_capacity(keys.len());
        let mut table = root;
        let last = keys.len() - 1;
        for (i, (key, key_at)) in keys.into_iter().enumerate() {
            let found = table.entries.iter().position(|e| e.key == key);
            let index = match found {
                Some(index) => index,
                None => {
                    let value = if i < last {
                        Value::Table(Table::default())
                    } else if array {
                        Value::Array(Vec::new(), true)
                    } else {
                        Value::Table(Table { entries: Vec::new(), kind: Kind::Header })
                    };
                    table.entries.push(Entry { key, at: key_at, item: Item { at, value } });
                    table.entries.len() - 1
                }
            };
            let entry = &mut table.entries[index];
            if i == last {
                match &mut entry.item.value {
                    Value::Array(items, true) if array => {
                        items.push(Item { at, value: Value::Table(Table { entries: Vec::new(), kind: Kind::Header }) });
                    }
                    Value::Table(t) if !array && found.is_some() && t.kind == Kind::Implicit => {
                        t.kind = Kind::Header;
                        entry.item.at = at;
                    }
                    Value::Table(_) if !array && found.is_none() => {}
                    _ => return Err(Error::new(key_at, E::DuplicateTable { key: entry.key.clone() })),
                }
            }
            path.push(index);
            table = match &mut entry.item.value {
                Value::Table(t) if t.kind != Kind::Inline => t,
                Value::Array(items, true) => match items.last_mut().map(|i| &mut i.value) {
                    Some(Value::Table(t)) => t,
                    _ => return Err(Error::new(key_at, E::DuplicateKey { key: entry.key.clone() })),
                },
                _ => return Err(Error::new(key_at, E::DuplicateTable { key: entry.key.clone() })),
            };
        }
        Ok(path)
    }

    /// `key = value`, the key possibly dotted.
    fn keyval(&mut self) -> Result<(Vec<Key>, Item), Error> {
        let keys = self.key()?;
        self.skip_ws();
        if !self.eat(b'=') {
            return Err(Error::new(self.pos, E::KeyValue));
        }
        self.skip_ws();
        let item = self.value(false)?;
        Ok((keys, item))
    }

    /// A key: bare, quoted or literal segments joined by dots.
    fn key(&mut self) -> Result<Vec<Key>, Error> {
        let start = self.pos;
        let mut keys = Vec::new();
        loop {
            if keys.len() + 1 >= MAX_DEPTH {
                return Err(Error::new(start, E::RecursionLimit));
            }
            let at = self.pos;
            let key = match self.peek() {
                Some(b'"') if !self.rest().starts_with("\"\"\"") => self.basic_string()?,
                Some(b'\'') if !self.rest().starts_with("'''") => self.literal_string()?,
                _ => {
                    let len = self
                        .rest()
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
                        .count();
                    if len == 0 {
                        return Err(Error::new(at, E::Key));
                    }
                    self.pos += len;
                    self.src[at..self.pos].to_string()
                }
            };
            keys.push((key, at));
            self.skip_ws();
            if !self.eat(b'.') {
                return Ok(keys);
            }
            self.skip_ws();
        }
    }

    /// A value; `in_array` words the error when there is none.
    fn value(&mut self, in_array: bool) -> Result<Item, Error> {
        let at = self.pos;
        let value = match self.peek() {
            Some(b'"') => Value::String(if self.rest().starts_with("\"\"\"") {
                self.multi_line_string('"')?
            } else {
                self.basic_string()?
            }),
            Some(b'\'') => Value::String(if self.rest().starts_with("'''") {
                self.multi_line_string('\'')?
            } else {
                self.literal_string()?
            }),
            Some(b'[' | b'{') => {
                if self.depth + 1 >= MAX_DEPTH {
                    return Err(Error::new(at, E::RecursionLimit));
                }
                self.depth += 1;
                let value = if self.peek() == Some(b'[') { self.array()? } else { self.inline_table()? };
                self.depth -= 1;
                value
            }
            _ => self.scalar(in_array)?,
        };
        Ok(Item { at, value })
    }

    /// A boolean, number or date-time.
    fn scalar(&mut self, in_array: bool) -> Result<Value, Error> {
        let at = self.pos;
        let token_len = |s: &str| {
            s.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':')).count()
        };
        let mut end = at + token_len(self.rest());
        // A date, a space and a time are one date-time.
        let b = self.src.as_bytes();
        if end - at == 10 && b[at + 4] == b'-' && b.get(end) == Some(&b' ') && b.get(end + 3) == Some(&b':') {
            end += 1 + token_len(&self.src[end + 1..]);
        }
        let token = &self.src[at..end];
        let first = token.bytes().next();
        let value = match token {
            "true" => Value::Boolean(true),
            "false" => Value::Boolean(false),
            _ if matches!(first, Some(b'0'..=b'9' | b'+' | b'-')) || matches!(token, "inf" | "nan") => {
                let b = token.as_bytes();
                let date = b.len() >= 10 && b[4] == b'-' && b[..4].iter().all(u8::is_ascii_digit);
                let time = b.len() > 2 && b[2] == b':' && b[..2].iter().all(u8::is_ascii_digit);
                if date || time {
                    if !datetime(token) {
                        return Err(Error::new(at, E::DateTime));
                    }
                    Value::Datetime(token.to_string())
                } else {
                    number(token).map_err(|message| Error::new(at, message))?
                }
            }
            _ if in_array => {
                let message = if token.is_empty() { E::ArrayClose } else { E::ArrayValue { found: token.to_string() } };
                return Err(Error::new(at, message));
            }
            _ => return Err(Error::new(at, missing_value(self.src, at))),
        };
        self.pos = end;
        Ok(value)
    }

    fn array(&mut self) -> Result<Value, Error> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.eat(b']') {
                return Ok(Value::Array(items, false));
            }
            items.push(self.value(true)?);
            self.skip_blank()?;
            if !self.eat(b',') {
                if self.eat(b']') {
                    return Ok(Value::Array(items, false));
                }
                return Err(Error::new(self.pos, E::ArrayClose));
            }
        }
    }

    fn inline_table(&mut self) -> Result<Value, Error> {
        self.pos += 1;
        let mut table = Table { entries: Vec::new(), kind: Kind::Inline };
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(Value::Table(table));
        }
        loop {
            self.skip_ws();
            let (keys, item) = self.keyval()?;
            insert(&mut table, keys, item)?;
            self.skip_ws();
            let comma = self.pos;
            if !self.eat(b',') {
                if self.eat(b'}') {
                    return Ok(Value::Table(table));
                }
                return Err(Error::new(self.pos, E::InlineTable));
            }
            self.skip_ws();
            if self.peek() == Some(b'}') {
                // TOML 1.0 has no trailing comma in inline tables.
                return Err(Error::new(comma, E::InlineTable));
            }
        }
    }

    /// `"…"`, decoded.
    fn basic_string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut s = String::new();
        loop {
            match self.peek_char() {
                Some('"') => {
                    self.pos += 1;
                    return Ok(s);
                }
                Some('\\') => self.escape(&mut s)?,
                Some(c) if !is_control(c) => {
                    s.push(c);
                    self.pos += c.len_utf8();
                }
                _ => return Err(Error::new(self.pos, E::BasicString)),
            }
        }
    }

    /// `'…'`, as written.
    fn literal_string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek_char() {
                Some('\'') => {
                    self.pos += 1;
                    return Ok(self.src[start..self.pos - 1].to_string());
                }
                Some(c) if !is_control(c) => self.pos += c.len_utf8(),
                _ => return Err(Error::new(self.pos, E::LiteralString)),
            }
        }
    }

    /// `"""…"""` (escapes, line-ending backslashes) or `'''…'''`: the newline right
    /// after the opening delimiter is dropped and CRLF read as LF.
    fn multi_line_string(&mut self, quote: char) -> Result<String, Error> {
        let literal = quote == '\'';
        self.pos += 3;
        self.eat_newline();
        let mut s = String::new();
        loop {
            let quotes = self.rest().chars().take_while(|&c| c == quote).count();
            if quotes >= 3 {
                if quotes > 5 {
                    return Err(Error::new(self.pos + 5, E::MultilineQuotes { literal }));
                }
                // One or two quotes may end the text right before the closing delimiter.
                for _ in 3..quotes {
                    s.push(quote);
                }
                self.pos += quotes;
                return Ok(s);
            }
            match self.peek_char() {
                Some('\\') if quote == '"' => {
                    let after = self.rest()[1..].trim_start_matches([' ', '\t']);
                    if after.starts_with('\n') || after.starts_with("\r\n") {
                        // A line-ending backslash: skip to the next non-blank character.
                        self.pos = self.src.len() - after.len();
                        while self.eat_newline() {
                            self.skip_ws();
                        }
                    } else {
                        self.escape(&mut s)?;
                    }
                }
                Some('\n') => {
                    s.push('\n');
                    self.pos += 1;
                }
                Some('\r') if self.rest().starts_with("\r\n") => {
                    s.push('\n');
                    self.pos += 2;
                }
                Some(c) if !is_control(c) => {
                    s.push(c);
                    self.pos += c.len_utf8();
                }
                _ => return Err(Error::new(self.pos, E::Multiline { literal })),
            }
        }
    }

    /// An escape at the position (a `\`), decoded into `s`.
    fn escape(&mut self, s: &mut String) -> Result<(), Error> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b @ (b'u' | b'U')) => {
                let n = if b == b'u' { 4 } else { 8 };
                let digits = self.src.get(self.pos + 1..self.pos + 1 + n).unwrap_or("");
                let code = if digits.len() == n && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                    u32::from_str_radix(digits, 16).ok().and_then(char::from_u32)
                } else {
                    None
                };
                let Some(c) = code else {
                    return Err(Error::new(at, E::UnicodeEscape { digits: n as u8 }));
                };
                self.pos += n;
                c
            }
            _ => {
                return Err(Error::new(at, E::Escape));
            }
        };
        self.pos += 1;
        s.push(c);
        Ok(())
    }

    /// After a key/value pair or header: spaces, perhaps a comment, then a newline or the end.
    fn line_end(&mut self) -> Result<(), Error> {
        self.skip_ws();
        self.comment()?;
        if self.peek().is_some() && !self.eat_newline() {
            let found = self.peek_char().unwrap_or_default();
            return Err(Error::new(self.pos, E::Unexpected { found }));
        }
        Ok(())
    }

    /// A `#` comment, if one starts here, up to (not including) the line end.
    fn comment(&mut self) -> Result<(), Error> {
        if self.eat(b'#') {
            loop {
                match self.peek_char() {
                    None | Some('\n') => break,
                    Some('\r') if self.rest().starts_with("\r\n") => break,
                    Some(c) if !is_control(c) => self.pos += c.len_utf8(),
                    Some(_) => return Err(Error::new(self.pos, E::Comment)),
                }
            }
        }
        Ok(())
    }

    /// Spaces, tabs, newlines and comments (inside an array).
    fn skip_blank(&mut self) -> Result<(), Error> {
        loop {
            self.skip_ws();
            self.comment()?;
            if !self.eat_newline() {
                return Ok(());
            }
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn eat_newline(&mut self) -> bool {
        self.eat(b'\n') || (self.rest().starts_with("\r\n") && self.eat(b'\r') && self.eat(b'\n'))
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }
}

/// Characters TOML allows in no string or comment unescaped: controls but tab.
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// The table at `path` (as [`Parser::header`] built it) under `root`.
fn table_at<'t>(root: &'t mut Table, path: &[usize]) -> &'t mut Table {
    let mut table = root;
    for &i in path {
        table = match &mut table.entries[i].item.value {
            Value::Table(t) => t,
            Value::Array(items, true) => match items.last_mut().map(|item| &mut item.value) {
                Some(Value::Table(t)) => t,
                _ => unreachable!("an array of tables holds tables"),
            },
            _ => unreachable!("a header's path goes through tables"),
        };
    }
    table
}

/// Adds `keys = item` to `table`, creating the tables of a dotted key.
fn insert(mut table: &mut Table, keys: Vec<Key>, item: Item) -> Result<(), Error> {
    let last = keys.len() - 1;
    for (i, (key, at)) in keys.into_iter().enumerate() {
        let found = table.entries.iter().position(|e| e.key == key);
        if i == last {
            if found.is_some() {
                return Err(Error::new(at, E::DuplicateKey { key }));
            }
            table.entries.push(Entry { key, at, item });
            return Ok(());
        }
        let index = match found {
            Some(index) => index,
            None => {
                let value = Value::Table(Table { entries: Vec::new(), kind: Kind::Dotted });
                table.entries.push(Entry { key, at, item: Item { at, value } });
                table.entries.len() - 1
            }
        };
        let entry = &mut table.entries[index];
        table = match &mut entry.item.value {
            Value::Table(t) if t.kind == Kind::Dotted => t,
            _ => return Err(Error::new(at, E::DuplicateKey { key: entry.key.clone() })),
        };
    }
    Ok(())
}

/// An integer or float, or what is wrong with it.
fn number(token: &str) -> Result<Value, E> {
    let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
    let negative = token.starts_with('-');
    if matches!(unsigned, "inf" | "nan") {
        return Ok(Value::Float(token.to_string()));
    }
    let radix = match unsigned.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix != 10 {
        if unsigned.len() != token.len() || !digits(&unsigned[2..], radix) {
            return Err(E::Integer);
        }
        return whole(&unsigned[2..], radix, false);
    }
    let split = unsigned.find(['.', 'e', 'E']).unwrap_or(unsigned.len());
    let (int, rest) = unsigned.split_at(split);
    if !digits(int, 10) || (int.len() > 1 && int.starts_with('0')) {
        return Err(if rest.is_empty() { E::Integer } else { E::Float });
    }
    if rest.is_empty() {
        return whole(int, 10, negative);
    }
    let exponent = match rest.strip_prefix('.') {
        Some(fraction) => {
            let end = fraction.find(['e', 'E']).unwrap_or(fraction.len());
            if !digits(&fraction[..end], 10) {
                return Err(E::Float);
            }
            &fraction[end..]
        }
        None => rest,
    };
    if !exponent.is_empty() {
        let e = exponent[1..].strip_prefix(['+', '-']).unwrap_or(&exponent[1..]);
        if !digits(e, 10) {
            return Err(E::Float);
        }
    }
    Ok(Value::Float(token.to_string()))
}

/// Digits of `radix`, with single underscores between them.
fn digits(s: &str, radix: u32) -> bool {
    !s.is_empty()
        && !s.starts_with('_')
        && !s.ends_with('_')
        && !s.contains("__")
        && s.chars().all(|c| c == '_' || c.is_digit(radix))
}

/// The value of checked `digits`, which must fit an i64.
fn whole(digits: &str, radix: u32, negative: bool) -> Result<Value, E> {
    let mut n: i64 = 0;
    for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
        let d = i64::from(d);
        n = n
            .checked_mul(i64::from(radix))
            .and_then(|n| if negative { n.checked_sub(d) } else { n.checked_add(d) })
            .ok_or(if negative { E::NumberTooSmall } else { E::NumberTooLarge })?;
    }
    Ok(Value::Integer(n))
}

/// Whether `s` is a TOML date-time, local date-time, local date or local time.
fn datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let d = b.get(from..from + len)?;
        d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0')))
    };
    let mut i = 0;
    let dated = b.len() >= 10 && b[4] == b'-';
    if dated {
        let (Some(year), Some(month), Some(day)) = (num(0, 4), num(5, 2), num(8, 2)) else { return false };
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return false,
        };
        if b[7] != b'-' || day == 0 || day > days {
            return false;
        }
        if b.len() == 10 {
            return true;
        }
        if !matches!(b[10], b'T' | b't' | b' ') {
            return false;
        }
        i = 11;
    }
    let (Some(hour), Some(minute), Some(second)) = (num(i, 2), num(i + 3, 2), num(i + 6, 2)) else { return false };
    if b.get(i + 2) != Some(&b':') || b.get(i + 5) != Some(&b':') || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    i += 8;
    if b.get(i) == Some(&b'.') {
        let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return false;
        }
        i += 1 + fraction;
    }
    match b.get(i..) {
        Some([]) => true,
        Some([b'Z' | b'z']) => dated,
        Some([b'+' | b'-', ..]) if b.len() == i + 6 => {
            dated && b[i + 3] == b':' && num(i + 1, 2).is_some_and(|h| h < 24) && num(i + 4, 2).is_some_and(|m| m < 60)
        }
        _ => false,
    }
}

/// "expected a value", naming what stands where the value after `=` at byte `at`
/// should be, if anything.
fn missing_value(src: &str, at: usize) -> E {
    let rest = src.get(at..).and_then(|s| s.lines().next()).unwrap_or("");
    let found = rest.split([' ', '\t', ',', ']', '}', '#']).next().unwrap_or("");
    E::MissingValue { found: (!found.is_empty()).then(|| found.to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values() {
        assert_eq!(missing_value("k =", 3), E::MissingValue { found: None });
        assert_eq!(missing_value("k = # c\n", 4), E::MissingValue { found: None });
        assert_eq!(missing_value("k = abc def\n", 4), E::MissingValue { found: Some("abc".into()) });
    }

    /// The document as the toml crate's value tree; NaN as a string, so trees compare.
    fn ours(src: &str) -> Result<toml::Value, Error> {
        fn convert(v: &Value) -> toml::Value {
            match v {
                Value::String(s) => toml::Value::String(s.clone()),
                Value::Integer(n) => toml::Value::Integer(*n),
                Value::Float(f) => {
                    let f = f.replace('_', "");
                    let f = f.strip_prefix('+').unwrap_or(&f);
                    match f.trim_start_matches('-') {
                        "nan" => toml::Value::String("NaN".into()),
                        _ => toml::Value::Float(f.parse().unwrap_or_else(|e| panic!("{f}: {e}"))),
                    }
                }
                Value::Boolean(b) => toml::Value::Boolean(*b),
                Value::Datetime(d) => toml::Value::Datetime(d.parse().unwrap_or_else(|e| panic!("{d}: {e}"))),
                Value::Array(items, _) => toml::Value::Array(items.iter().map(|i| convert(&i.value)).collect()),
                Value::Table(t) => toml::Value::Table(table(t)),
            }
        }
        fn table(t: &Table) -> toml::Table {
            t.entries.iter().map(|e| (e.key.clone(), convert(&e.item.value))).collect()
        }
        parse(src).map(|t| toml::Value::Table(table(&t)))
    }

    fn theirs(src: &str) -> Result<toml::Value, String> {
        fn nan(v: toml::Value) -> toml::Value {
            match v {
                toml::Value::Float(f) if f.is_nan() => toml::Value::String("NaN".into()),
                toml::Value::Array(a) => toml::Value::Array(a.into_iter().map(nan).collect()),
                toml::Value::Table(t) => toml::Value::Table(t.into_iter().map(|(k, v)| (k, nan(v))).collect()),
                v => v,
            }
        }
        src.parse::<toml::Table>().map(|t| nan(toml::Value::Table(t))).map_err(|e| e.to_string())
    }

    /// Both readers accept `src` with the same values, or both refuse it.
    fn agree(src: &str) -> Result<(), String> {
        match (ours(src), theirs(src)) {
            (Ok(a), Ok(b)) if a == b => Ok(()),
            (Ok(a), Ok(b)) => Err(format!("{src:?}: values differ:\nours   {a:?}\ntheirs {b:?}")),
            (Err(_), Err(_)) => Ok(()),
            // The one known difference: floats beyond f64's range (see `Value::Float`).
            (Ok(_), Err(_)) if overflows(&parse(src).unwrap()) => Ok(()),
            (Ok(a), Err(e)) => Err(format!("{src:?}: we accept ({a:?}), toml refuses: {e}")),
            (Err(e), Ok(_)) => Err(format!("{src:?}: we refuse ({}: {:?}), toml accepts", e.at, e.message)),
        }
    }

    /// Whether a float literal in `t` is too large for an f64.
    fn overflows(t: &Table) -> bool {
        fn value(v: &Value) -> bool {
            match v {
                Value::Float(f) => !f.contains("inf") && f.replace('_', "").parse::<f64>().is_ok_and(f64::is_infinite),
                Value::Array(items, _) => items.iter().any(|i| value(&i.value)),
                Value::Table(t) => overflows(t),
                _ => false,
            }
        }
        t.entries.iter().any(|e| value(&e.item.value))
    }

    #[test]
    fn floats_beyond_f64_are_read_as_written() {
        assert!(overflows(&parse("a = [1e999]").unwrap()));
        assert!(theirs("a = [1e999]").is_err());
        assert!(!overflows(&parse("a = [1e308, -inf]").unwrap()));
    }

    const VALID: &[&str] = &[
        "",
        "\u{feff}a = 1",
        "# only a comment\n\n  \t\n",
        "a = 1\r\nb = 2\r\n",
        "a = \"x\" # c\nb = 'y'#c",
        "bare_key-1 = 1\n\"quoted key\" = 2\n'lit key' = 3\n\"\" = 4\n1234 = 5\n\"\\u00e9\" = 6",
        "a.b.c = 1\na.b.d = 2\na . e = 3\n\"x\".'y' = 4",
        "s1 = \"tab\\there \\\"q\\\" \\\\ \\b\\f\\n\\r \\u00E9 \\U0001F600\"\ns2 = 'C:\\path'\ns3 = \"é😀\u{80}\"",
        "m1 = \"\"\"\nline 1\nline 2\"\"\"\nm2 = \"\"\"a\\\n    b \\  \n\n  c\"\"\"\nm3 = '''\n raw \\n '''\nm4 = \"\"\"\"q\"\"\"\"\nm5 = '''a'''''",
        "m = \"\"\"\r\nx\r\ny\\\r\n  z\"\"\"",
        "i = [0, +1, -1, 1_000, 0xff, 0xDEAD_beef, 0o755, 0b1101, 9223372036854775807, -9223372036854775808, +0, -0]",
        "f = [0.0, +1.5, -2.25, 1e10, 1E-10, 6.02_2e+2_3, 3.14_15, inf, +inf, -inf, nan, +nan, -nan, 0e0, -0.0]",
        "b = [true, false]",
        "d = [1979-05-27T07:32:00Z, 1979-05-27t07:32:00.999999-07:00, 1979-05-27 07:32:00+01:30, 1979-05-27T07:32:00, 1979-05-27, 07:32:00, 00:00:00.5, 2000-02-29]",
        "a = [ ]\nb = [1,]\nc = [\n  1, # one\n  'x',\n  [2, [3]],\n  {k = 1},\n]\nd = [[], [[]]]",
        "t = {}\nu = { a = 1, b.c = \"x\", d = [1, {e = 2}] }",
        "[a]\nx = 1\n[b]\n[a.c]\ny = 2",
        "[ a . \"b\" . 'c' ]\nx = 1",
        "[x.y.z.w]\n[x]\na = 1",
        "[[t]]\nn = 1\n[[t]]\nn = 2\n[t.sub]\nk = 1\n[[t.arr]]\nq = 1\n[[t.arr]]",
        "[[ t ]]\n[[t]]",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true",
        "a.b = 1\n[c]",
        "key = \"value\"\t\t# tabs",
        "x = 1\n\n\n[t]\n\n\ny = 2\n",
        "script = '''\ntable = session.GetStatusTable()\nRelease(table)\n'''\n\n[[transport]]\nname = \"Office LAN\"\nkind = \"lan\"\nmethods = [\"STATUS_VALIDATE_STATE\"]\noutbound = [\"a\", \"b\"]\n",
    ];

    const INVALID: &[&str] = &[
        "a",
        "a =",
        "a = # no value",
        "= 1",
        "a = 1 b = 2",
        "a = 1\na = 2",
        "a = 1\na.b = 2",
        "a.b = 1\na = 2",
        "a.b = 1\na.b.c = 2",
        "[a]\n[a]",
        "[a]\nb = 1\n[a.b]",
        "[a.b]\n[a]\nb = 1",
        "a = {}\n[a]",
        "a = {b = 1}\n[a.c]",
        "a = {b = 1}\na.c = 2",
        "a = []\n[[a]]",
        "[[a]]\n[a]",
        "[a]\n[[a]]",
        "[fruit]\napple.color = \"red\"\n[fruit.apple]",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 1",
        "[a",
        "[[a]",
        "[a]]",
        "[]",
        "[a.]",
        "a = \"unterminated",
        "a = \"new\nline\"",
        "a = 'new\nline'",
        "a = \"bad \\x escape\"",
        "a = \"\\u00\"",
        "a = \"\\uD800\"",
        "a = \"\\U00110000\"",
        "a = \"\u{1}\"",
        "a = \"\u{7f}\"",
        "a = '\u{0}'",
        "a = \"\"\"x",
        "a = '''x",
        "a = \"\"\"x\"\"\"\"\"\"",
        "a = \"\"\"\rx\"\"\"",
        "a = 1\r",
        "# bad \u{1} comment",
        "a = 1 # bad \u{7f}",
        "a = 01",
        "a = 1__0",
        "a = _1",
        "a = 1_",
        "a = +0x1",
        "a = 0xg",
        "a = 0x_1",
        "[a.b.c]\nz = 9\n[a]\nb.d = 1",
        "a = 0x",
        "a = 1.",
        "a = .5",
        "a = 1.e5",
        "a = 1e",
        "a = 1e+",
        "a = 1.5.5",
        "a = 00.5",
        "a = 9223372036854775808",
        "a = -9223372036854775809",
        "a = 0x8000000000000000",
        "a = infinity",
        "a = tru",
        "a = True",
        "a = abc",
        "a = 1979-13-01",
        "a = 1979-02-29",
        "a = 1979-05-32",
        "a = 24:00:00",
        "a = 07:60:00",
        "a = 07:32",
        "a = 07:32:00Z",
        "a = 1979-05-27T07:32:00+25:00",
        "a = 1979-05-27T07:32:00.",
        "a = 1979-05-27X07:32:00",
        "a = [1 2]",
        "a = [1,,2]",
        "a = [,]",
        "a = [",
        "a = {a = 1,}",
        "a = {a = 1\n}",
        "a = {a = 1 b = 2}",
        "a = {a = 1, a = 2}",
        "a = {",
        "\"\"\"k\"\"\" = 1",
        "a.\"\"\"b\"\"\" = 1",
        "a = 1 ;",
        "\"a\nb\" = 1",
        "key with spaces = 1",
        "é = 1",
    ];

    #[test]
    fn agrees_with_the_toml_crate() {
        let mut problems = Vec::new();
        for src in VALID {
            assert!(ours(src).is_ok(), "{src:?}: {:?}", ours(src).err());
            problems.extend(agree(src).err());
        }
        for src in INVALID {
            assert!(ours(src).is_err(), "{src:?} was accepted");
            problems.extend(agree(src).err());
        }
        assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    }

    #[test]
    fn nesting_limits_agree_with_the_toml_crate() {
        for depth in [78, 79, 80, 81, 200] {
            let arrays = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
            let tables = format!("a = {}{}", "{b = ".repeat(depth), "}".repeat(depth)).replacen("{b = }", "{}", 1);
            let mixed = format!("a = {}1{}", "[{b = ".repeat(depth / 2), "}]".repeat(depth / 2));
            let key = format!("{} = 1", vec!["k"; depth].join("."));
            let header = format!("[{}]", vec!["k"; depth].join("."));
            for src in [arrays, tables, mixed, key, header] {
                agree(&src).unwrap();
            }
        }
    }

    /// Random edits of valid documents: both readers accept or refuse each alike.
    #[test]
    fn mutations_agree_with_the_toml_crate() {
        const PIECES: &[&str] = &[
            "\"",
            "'",
            "\"\"\"",
            "'''",
            "[",
            "]",
            "[[",
            "]]",
            "{",
            "}",
            "=",
            ".",
            ",",
            "#",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "\\",
            "\\u",
            "\\U0001F600",
            "a",
            "b",
            "1",
            "0",
            "_",
            "-",
            "+",
            "e",
            ":",
            "T",
            "Z",
            "x",
            "true",
            "inf",
            "nan",
            "1979-05-27",
            "07:32:00",
            "\u{1}",
            "é",
            "a.b",
            "[a]",
            "[[t]]",
            "k = 1",
            "{x = 1}",
        ];
        let bases: Vec<&str> = VALID.iter().copied().chain(crate::presets().iter().map(|p| p.toml)).collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut problems = Vec::new();
        for _ in 0..20_000 {
            let mut doc = bases[next(bases.len())].to_string();
            for _ in 0..1 + next(3) {
                let mut at = next(doc.len() + 1);
                while !doc.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + next(4)).min(doc.len());
                while !doc.is_char_boundary(end) {
                    end -= 1;
                }
                let piece = if next(4) == 0 { "" } else { PIECES[next(PIECES.len())] };
                doc.replace_range(at..end, piece);
            }
            if let Err(p) = agree(&doc) {
                problems.push(p);
            }
        }
        problems.sort();
        problems.dedup();
        assert!(
            problems.is_empty(),
            "{} disagreements:\n{}",
            problems.len(),
            problems.iter().take(20).cloned().collect::<Vec<_>>().join("\n\n")
        );
    }
    /// Random documents of headers, dotted keys, inline tables and arrays over a
    /// few key names, where the rules on defining tables twice decide everything.
    ///
    /// No dotted key goes through an array of tables (`t`): toml 0.8 lets
    /// `[[a.t]] [a] t.c = 1` add `c` to the last `t`, against the TOML spec (and
    /// then calls `t.d = 2` after it a duplicate key); this reader refuses both.
    #[test]
    fn table_structures_agree_with_the_toml_crate() {
        const LINES: &[&str] = &[
            "[a]",
            "[b]",
            "[a.b]",
            "[b.a]",
            "[a.b.c]",
            "[a.c]",
            "[c.'b']",
            "[[t]]",
            "[[a.t]]",
            "[t.b]",
            "[[t.c]]",
            "[a.t.b]",
            "a = 1",
            "b = 1",
            "c = 1",
            "t = 1",
            "a.b = 1",
            "b.c = 1",
            "a.b.c = 1",
            "c.a = 1",
            "a.t = 2",
            "a = {}",
            "b = {c = 1}",
            "c = {a.b = 1}",
            "t = [{}]",
            "a = []",
            "c = [1]",
            "\"a\".b = 1",
            "b . c . a = 2",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut problems = Vec::new();
        for _ in 0..20_000 {
            let doc: Vec<&str> = (0..1 + next(6)).map(|_| LINES[next(LINES.len())]).collect();
            problems.extend(agree(&doc.join("\n")).err());
        }
        problems.sort();
        problems.dedup();
        assert!(
            problems.is_empty(),
            "{} disagreements:\n{}",
            problems.len(),
            problems.iter().take(20).cloned().collect::<Vec<_>>().join("\n\n")
        );
    }
}
