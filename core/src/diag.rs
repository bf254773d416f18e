//! Source positions and diagnostics shared by the script and scenario front ends.

/// A range of a source text: byte offsets plus the 1-based line and column of its start.
///
/// Line and column are precomputed so diagnostics and the UI never rescan the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset one past the last character.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in characters) of `start`.
    pub col: u32,
}

impl Span {
    /// The smallest span covering both `self` and `other` (line/col from the earlier one).
    pub fn to(self, other: Span) -> Span {
        let (first, _) = if self.start <= other.start { (self, other) } else { (other, self) };
        Span { start: first.start, end: self.end.max(other.end), line: first.line, col: first.col }
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input cannot be run.
    Error,
    /// The input runs, but probably not as the author meant.
    Warning,
}

/// A 1-based line and column (in characters) of a source text, as a message
/// names another place than its own ("the block opened at 3:17").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

impl From<Span> for LineCol {
    fn from(s: Span) -> Self {
        LineCol { line: s.line, col: s.col }
    }
}

/// Line and column (both 1-based, column in characters) of byte offset `at` in `src`.
///
/// Offsets past the end clamp to the end; offsets inside a UTF-8 sequence count
/// the partial character as the next column.
pub fn line_col(src: &str, at: usize) -> (u32, u32) {
    let at = at.min(src.len());
    let mut line = 1u32;
    let mut col = 1u32;
    for (i, ch) in src.char_indices() {
        if i >= at {
            break;
        }
        if ch == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Levenshtein distance, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: alloc::vec::Vec<char> = b.chars().collect();
    let mut prev: alloc::vec::Vec<usize> = (0..=b.len()).collect();
    let mut cur = alloc::vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(!ca.eq_ignore_ascii_case(cb));
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `name` by edit distance, if it is plausibly a typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let src = "ab\nc\u{00e9}d\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        assert_eq!(line_col(src, 6), (2, 3));
        assert_eq!(line_col(src, 999), (3, 1));
    }

    #[test]
    fn closest_suggests_typos_only() {
        let c = ["FLUSH_UPLOAD", "FLUSH_DOWNLOAD", "FLUSH_NO_UI"];
        assert_eq!(closest("FLUSH_UPLAOD", c), Some("FLUSH_UPLOAD"));
        assert_eq!(closest("flush_no_ui", c), Some("FLUSH_NO_UI"));
        assert_eq!(closest("XYZ", c), None);
    }
}
