//! Scenarios as TOML files and as share links.
//!
//! A share link's fragment is `v=1&s=<payload>`: the payload is base64url (no
//! padding) of raw DEFLATE of a small text document:
//!
//! ```text
//! flushq-share 1
//! step 7
//! answers c x
//! ---
//! <the scenario as TOML, from to_toml>
//! ```
//!
//! Between `answers` and `---` a `seed <n>` line appears only when the seed is
//! above `i64::MAX`, which TOML integers cannot hold; the TOML then has no `seed`.
//!
//! The scenario travels as TOML rather than as a binary encoding so that links keep
//! working as long as the scenario format does, and so that a link can be turned
//! back into a file by hand. Pure Rust, no web APIs: testable natively.

use crate::i18n::Lang;
use crate::inflate::InflateError;
use core::fmt::{self, Write as _};
use flushq_core::scenario::Scenario;
use flushq_core::trace::Answer;
use flushq_scenario::{load, FileMessage, Format};

/// The link format [`encode`] writes.
pub const VERSION: u32 = 1;
/// The most bytes a link's data may inflate to; a bigger link is refused rather than
/// let a crafted link (a "deflate bomb") eat the tab's memory.
pub const MAX_DATA: usize = 1 << 20;
/// First line of the document inside a v1 link.
const MAGIC: &str = "flushq-share 1";

/// Writes `s` as a scenario file in the documented TOML format, every field explicit.
///
/// `flushq_scenario::load` reads it back to an equal scenario for every scenario that
/// `load` can produce. What the format cannot say is lost or refused on reading: a
/// seed above `i64::MAX` (TOML integers are signed), `methods` bits without a name,
/// and faults on transports that do not exist.
pub fn to_toml(s: &Scenario) -> String {
    TomlFile { scenario: s, seed: true }.to_string()
}

/// A scenario file; without its `seed` line when `seed` is false.
struct TomlFile<'a> {
    scenario: &'a Scenario,
    seed: bool,
}

impl fmt::Display for TomlFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.scenario;
        writeln!(f, "title = {}", Basic(&s.title))?;
        if self.seed {
            writeln!(f, "seed = {}", s.seed)?;
        }
        if literal_ok(&s.script) {
            // TOML drops the newline right after the opening `'''`, so the text starts
            // on the next line, as in the shipped files.
            writeln!(f, "script = '''\n{}'''", s.script)?;
        } else {
            writeln!(f, "script = {}", Basic(&s.script))?;
        }
        for t in &s.transports {
            writeln!(f, "\n[[transport]]\nname = {}\nkind = {}", Basic(&t.name), Basic(t.kind.name()))?;
            writeln!(f, "methods = {}", Array(&t.methods.names().collect::<Vec<_>>()))?;
            writeln!(f, "honors_no_ui = {}\nasync = {}", t.honors_no_ui, t.asynchronous)?;
            if t.offline {
                writeln!(f, "offline = true")?;
            }
            // Generated messages (out-1 .. out-n) are written as a count, so large
            // scenarios make small files and links.
            let out_n = flushq_scenario::generated_tail(&t.outbound, "out");
            let in_n = flushq_scenario::generated_tail(&t.remote, "in");
            let (outbound, remote) = (&t.outbound[..t.outbound.len() - out_n], &t.remote[..t.remote.len() - in_n]);
            writeln!(f, "outbound = {}\nremote = {}", Array(outbound), Array(remote))?;
            if out_n > 0 {
                writeln!(f, "outbound_count = {out_n}")?;
            }
            if in_n > 0 {
                writeln!(f, "remote_count = {in_n}")?;
            }
        }
        for store in &s.stores {
            writeln!(f, "\n[[store]]\nname = {}", Basic(store))?;
        }
        for fault in &s.faults {
            let transport = s.transports.get(fault.transport.index()).map_or("", |t| t.name.as_str());
            writeln!(f, "\n[[fault]]\ntransport = {}\nkind = {}", Basic(transport), Basic(fault.kind.name()))?;
            if let Some(m) = fault.kind.message() {
                writeln!(f, "message = {}", Basic(m))?;
            }
            if let flushq_core::scenario::FaultKind::SpoolerShutdown { after } = fault.kind {
                writeln!(f, "after = {after}")?;
            }
        }
        Ok(())
    }
}

/// Whether `script` can be written verbatim between `'''` lines: no `'''` inside, no
/// control characters but tab and newline (`\r` too, as parsers may normalise CRLF),
/// and no trailing `'`, which would run into the closing delimiter.
fn literal_ok(script: &str) -> bool {
    !script.contains("'''")
        && !script.ends_with('\'')
        && !script.chars().any(|c| c.is_control() && c != '\t' && c != '\n')
}

/// A TOML basic string: `"..."` with everything that needs it escaped.
struct Basic<'a>(&'a str);

impl fmt::Display for Basic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                // Every other control character is below U+00A0, so four hex digits.
                c if c.is_control() => write!(f, "\\u{:04X}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// A one-line TOML array of basic strings.
struct Array<'a, S>(&'a [S]);

impl<S: AsRef<str>> fmt::Display for Array<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('[')?;
        for (i, s) in self.0.iter().enumerate() {
            write!(f, "{}{}", if i == 0 { "" } else { ", " }, Basic(s.as_ref()))?;
        }
        f.write_char(']')
    }
}

/// What a share link holds: the scenario, the answers given to its dialogs so far,
/// and the step of the trace being shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The scenario.
    pub scenario: Scenario,
    /// Answers to the dialogs, in the order they were asked.
    pub answers: Vec<Answer>,
    /// The trace step being shown.
    pub step: u32,
}

/// Why a link fragment could not be read. `Display` gives one sentence for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty: not a share link at all.
    Empty,
    /// No `v=` parameter.
    MissingVersion,
    /// `v=` is not a number.
    BadVersion(String),
    /// `v=` is a version this build does not know, made by a newer flushq.
    NewerVersion(u32),
    /// No `s=` parameter, or it is empty.
    MissingData,
    /// A character outside the base64url alphabet, at this 1-based position in `s`.
    BadChar { position: usize, found: char },
    /// The data ends early: the link was probably cut when copied.
    Truncated,
    /// The data inflates to more than [`MAX_DATA`] bytes.
    TooLarge,
    /// The data is not DEFLATE.
    Corrupt,
    /// The inflated data is not UTF-8 text.
    NotText,
    /// The text does not start with the `flushq-share 1` line.
    MissingHeader,
    /// A header line other than the first is wrong; says which.
    BadHeader(String),
    /// The `step` line's number is not a number.
    BadStep(String),
    /// An answer is neither `c` (Connect) nor `x` (Cancel).
    BadAnswer(String),
    /// The scenario does not load; its first problem, positioned in its TOML.
    InvalidScenario { line: u32, col: u32, message: FileMessage },
}

impl ShareError {
    /// The sentence for the user, in `lang` (English is also the `Display` form). The
    /// details quoted from a damaged header or an invalid scenario stay as found; the
    /// scenario's problem is said in `lang` too.
    pub fn text(&self, lang: Lang) -> String {
        crate::i18n::catalog(lang).share_error(self)
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::EN))
    }
}

impl std::error::Error for ShareError {}

/// The fragment body (no `#`) of a link to `s`: `v=1&s=<payload>`.
///
/// [`decode`] refuses links whose document inflates past [`MAX_DATA`]; only scenarios
/// with scripts or queues near the scenario limits get there (and browsers limit URLs
/// to a few MB anyway).
pub fn encode(s: &Shared) -> String {
    let answers: String = s
        .answers
        .iter()
        .map(|a| match a {
            Answer::Connect => " c",
            Answer::Cancel => " x",
        })
        .collect();
    // TOML integers are signed, so a bigger seed travels in the header instead.
    let seed = i64::try_from(s.scenario.seed).is_ok();
    let seed_line = if seed { String::new() } else { format!("\nseed {}", s.scenario.seed) };
    let toml = TomlFile { scenario: &s.scenario, seed };
    let doc = format!("{MAGIC}\nstep {}\nanswers{answers}{seed_line}\n---\n{toml}", s.step);
    let packed = crate::deflate::deflate(doc.as_bytes());
    format!("v={VERSION}&s={}", base64url(&packed))
}

/// Reads a link fragment, with or without its `#`. Parameters may come in any order;
/// unknown ones are ignored so that newer links with extra parameters still open.
/// Never panics: every malformed input is a [`ShareError`].
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let param = |key: &str| fragment.split('&').find_map(|p| p.split_once('=').filter(|(k, _)| *k == key)).map(|p| p.1);
    let v = param("v").ok_or(ShareError::MissingVersion)?;
    match number::<u32>(v) {
        Some(1) => decode_v1(param("s").unwrap_or("")),
        Some(n) if n > VERSION => Err(ShareError::NewerVersion(n)),
        _ => Err(ShareError::BadVersion(v.to_string())),
    }
}

/// Format v1. Keep this working for as long as v1 links exist: a new format gets a
/// new version number and a new function beside this one.
fn decode_v1(data: &str) -> Result<Shared, ShareError> {
    if data.is_empty() {
        return Err(ShareError::MissingData);
    }
    // Valid data is at most MAX_DATA plus a little DEFLATE framing; refuse longer
    // input before spending time on it.
    if data.len() / 4 * 3 > MAX_DATA + 4096 {
        return Err(ShareError::TooLarge);
    }
    let packed = unbase64url(data)?;
    let bytes = crate::inflate::inflate(&packed, MAX_DATA).map_err(|e| match e {
        InflateError::TooLarge => ShareError::TooLarge,
        InflateError::Truncated => ShareError::Truncated,
        InflateError::Corrupt => ShareError::Corrupt,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;

    let (header, toml) = text.split_once("\n---\n").ok_or(ShareError::MissingHeader)?;
    let mut lines = header.split('\n');
    if lines.next() != Some(MAGIC) {
        return Err(ShareError::MissingHeader);
    }
    let step = lines.next().and_then(|l| l.strip_prefix("step ")).ok_or_else(|| bad("no `step` line"))?;
    let step = number(step).ok_or_else(|| ShareError::BadStep(step.to_string()))?;
    let answers = lines.next().and_then(|l| l.strip_prefix("answers")).ok_or_else(|| bad("no `answers` line"))?;
    if !answers.is_empty() && !answers.starts_with(' ') {
        return Err(bad("no `answers` line"));
    }
    // Extra spaces (a hand-made link's `answers ` line) are harmless.
    let answers = answers
        .split_whitespace()
        .map(|a| match a {
            "c" => Ok(Answer::Connect),
            "x" => Ok(Answer::Cancel),
            other => Err(ShareError::BadAnswer(other.to_string())),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let seed = match lines.next() {
        None => None,
        Some(l) => {
            let n = l.strip_prefix("seed ").and_then(number::<u64>);
            Some(n.ok_or_else(|| ShareError::BadHeader(format!("unexpected line `{l}`")))?)
        }
    };
    if let Some(l) = lines.next() {
        return Err(ShareError::BadHeader(format!("unexpected line `{l}`")));
    }

    // `load` reports at least one problem; were there none, the data would be the damage.
    let mut scenario = load(toml, Format::Toml).map_err(|diags| match diags.into_iter().next() {
        Some(d) => ShareError::InvalidScenario { line: d.line, col: d.col, message: d.message },
        None => ShareError::Corrupt,
    })?;
    if let Some(seed) = seed {
        scenario.seed = seed;
    }
    Ok(Shared { scenario, answers, step })
}

fn bad(why: &str) -> ShareError {
    ShareError::BadHeader(why.to_string())
}

/// Plain decimal digits only: `str::parse` would also take a leading `+`, and links
/// should have one spelling.
fn number<T: core::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): URL-safe as is, no percent-encoding.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// The inverse of [`base64url`]. A length that no encoding has, or leftover bits that
/// are not zero, mean the text was cut.
pub(crate) fn unbase64url(s: &str) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in s.chars().enumerate() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(ShareError::BadChar { position: i + 1, found: c }),
        };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 || acc != 0 {
        return Err(ShareError::Truncated);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10, without padding.
        let vectors = [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")];
        for (plain, coded) in vectors {
            assert_eq!(base64url(plain.as_bytes()), coded);
            assert_eq!(unbase64url(coded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unbase64url(&base64url(&all)).unwrap(), all);
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn basic_strings_escape_what_toml_requires() {
        assert_eq!(Basic("a\"b\\c\n\t\r\u{0}\u{7f}é😀").to_string(), r#""a\"b\\c\n\t\r\u0000\u007Fé😀""#);
    }
}
