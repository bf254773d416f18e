//! Where each value of a JSON file is, by its path.
//!
//! serde_json decodes into plain values and forgets positions, so problems found
//! after decoding (an unknown method, a duplicated transport name) are placed by
//! scanning the file once more. The file has (mostly) been accepted by serde_json
//! already, so the scanner only tokenises; it stops at the first surprise, keeping
//! what it found up to there.

use crate::literal;
use crate::path::Step;
use std::collections::HashMap;
use std::ops::Range;

/// serde_json's own nesting limit: anything deeper was never decoded.
const MAX_DEPTH: usize = 128;

/// Byte ranges of the values of a JSON file, by path from the root.
#[derive(Debug, Default)]
pub(crate) struct JsonIndex {
    values: HashMap<Vec<Step>, Range<usize>>,
}

impl JsonIndex {
    /// Scans `src` and records every value it can.
    pub fn scan(src: &str) -> JsonIndex {
        let mut s = Scanner { src, pos: 0, path: Vec::new(), values: HashMap::new() };
        // Whatever stopped the scan, the values before it were recorded.
        let _ = s.value(0);
        JsonIndex { values: s.values }
    }

    /// Byte range of the value at `path`, e.g. `["transport", 1, "name"]`.
    pub fn span(&self, path: &[Step]) -> Option<Range<usize>> {
        self.values.get(path).cloned()
    }
}

struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    /// Path of the value being scanned.
    path: Vec<Step>,
    values: HashMap<Vec<Step>, Range<usize>>,
}

impl Scanner<'_> {
    /// One value at the current path, recorded once it ends.
    fn value(&mut self, depth: usize) -> Option<()> {
        self.skip_ws();
        let start = self.pos;
        match self.peek()? {
            b'{' | b'[' if depth >= MAX_DEPTH => return None,
            b'{' => self.object(depth + 1)?,
            b'[' => self.array(depth + 1)?,
            b'"' => {
                self.string()?;
            }
            _ => self.scalar()?,
        }
        self.values.insert(self.path.clone(), start..self.pos);
        Some(())
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return None;
            }
            self.path.push(Step::Key(key));
            let scanned = self.value(depth);
            self.path.pop();
            scanned?;
            if !self.comma_or(b'}')? {
                return Some(());
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.eat(b']') {
            return Some(());
        }
        for i in 0.. {
            self.path.push(Step::Index(i));
            let scanned = self.value(depth);
            self.path.pop();
            scanned?;
            if !self.comma_or(b']')? {
                break;
            }
        }
        Some(())
    }

    /// After a member: true for `,` (more follow), false for `close`.
    fn comma_or(&mut self, close: u8) -> Option<bool> {
        self.skip_ws();
        if self.eat(b',') {
            Some(true)
        } else if self.eat(close) {
            Some(false)
        } else {
            None
        }
    }

    /// A string, decoded (object keys are compared decoded).
    fn string(&mut self) -> Option<String> {
        let d = literal::json(self.src, self.pos)?;
        self.pos = d.end;
        Some(d.text)
    }

    /// A number, `true`, `false` or `null`: everything up to the next delimiter.
    fn scalar(&mut self) -> Option<()> {
        let rest = &self.src.as_bytes()[self.pos..];
        let len = rest.iter().position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'));
        let len = len.unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some(())
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::path_to;

    #[test]
    fn values_by_path() {
        let src = r#"{"a": [1, {"b": "x"}, [true]], "c\u0064": null, "e": {}}"#;
        let ix = JsonIndex::scan(src);
        let text = |p: &[Step]| ix.span(p).map(|r| &src[r]);
        assert_eq!(text(path_to![]), Some(src));
        assert_eq!(text(path_to!["a", 0]), Some("1"));
        assert_eq!(text(path_to!["a", 1, "b"]), Some("\"x\""));
        assert_eq!(text(path_to!["a", 2, 0]), Some("true"));
        assert_eq!(text(path_to!["cd"]), Some("null"), "keys are compared decoded");
        assert_eq!(text(path_to!["e"]), Some("{}"));
        assert_eq!(text(path_to!["a", 3]), None);
    }

    #[test]
    fn stops_at_a_syntax_error_keeping_what_it_found() {
        let ix = JsonIndex::scan(r#"{"seed": 1.5, "x": [1 2]}"#);
        assert_eq!(ix.span(path_to!["seed"]), Some(9..12));
        assert_eq!(ix.span(path_to!["x", 0]), Some(20..21));
        assert_eq!(ix.span(path_to!["x"]), None);
    }

    #[test]
    fn deep_nesting_stops_the_scan() {
        let src = format!("{{\"a\": 1, \"b\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(JsonIndex::scan(&src).span(path_to!["a"]), Some(6..7));
    }
}
