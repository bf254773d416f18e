//! TOML and serde_json errors as file diagnostics, with their messages made clear
//! where the parsers' own only make sense to a parser author.

#[cfg(feature = "json")]
use crate::json_index::JsonIndex;
#[cfg(feature = "json")]
use crate::locate::path_to;
use crate::locate::FileDiagnostic;
#[cfg(feature = "json")]
use serde_json::error::Category;

/// TOML integers are 64-bit signed, so no TOML file can spell a larger seed.
const TOML_SEED_MAX: i64 = i64::MAX;

/// The diagnostic for a TOML file that could not be decoded.
pub fn toml(src: &str, e: &crate::toml_doc::Error) -> FileDiagnostic {
    let at = e.at.min(src.len());
    FileDiagnostic::at(src, at, toml_message(src, at, &e.message))
}

/// The diagnostic for a file serde_json could not decode.
#[cfg(feature = "json")]
pub(crate) fn json(src: &str, e: &serde_json::Error) -> FileDiagnostic {
    let at = json_offset(src, e);
    let mut message = json_message(e);
    if message.starts_with("invalid type: floating point") && is_json_seed(src, at) {
        message = seed_range(u64::MAX, "");
    }
    FileDiagnostic::at(src, at, message)
}

/// The reader's message for an error at byte `at`, or a clearer one.
fn toml_message(src: &str, at: usize, message: &str) -> String {
    let out_of_range = message.starts_with("number too large") || message.starts_with("invalid type: floating point");
    if out_of_range && key_before(src, at) == Some("seed") {
        return seed_range(TOML_SEED_MAX, " in TOML");
    }
    // Messages put what was expected on a line of their own, as toml's do.
    message.trim().replace('\n', " ")
}

/// The key of a `key = value` whose value starts (or should start) at byte `at`:
/// `None` unless only `=` and spaces separate the key from `at`.
fn key_before(src: &str, at: usize) -> Option<&str> {
    let before = src.get(..at)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let key = line.trim_end().strip_suffix('=')?.trim_end();
    // The key ends the line before `=`; inline tables (`{a =`) put others before it.
    let key = &key[key.rfind([' ', '\t', '{', ',']).map_or(0, |i| i + 1)..];
    let key = key.trim_matches(['"', '\'']);
    (!key.is_empty()).then_some(key)
}

/// "expected a value", naming what stands where the value after `=` at byte `at`
/// should be, if anything.
pub(crate) fn missing_value(src: &str, at: usize) -> String {
    let rest = src.get(at..).and_then(|s| s.lines().next()).unwrap_or("");
    let found = rest.split([' ', '\t', ',', ']', '}', '#']).next().unwrap_or("");
    if found.is_empty() {
        String::from("expected a value after `=`")
    } else {
        format!("expected a value after `=`, found `{found}`; a string needs quotes")
    }
}

/// The message for a seed that is not a whole number a file of this format can hold.
fn seed_range(max: impl core::fmt::Display, format: &str) -> String {
    format!("`seed` must be a whole number from 0 to {max}{format}")
}

#[cfg(feature = "json")]
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let s = match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    if s.contains("struct RawScenario") {
        return String::from(
            "a scenario file is a JSON object with `script` and optional `title`, `seed`, `transport`, `store` and `fault`",
        );
    }
    // serde names the decoder's own types; say what the file should hold instead.
    s.replace("struct RawTransport", "a transport object (`name`, `kind`, ...)")
        .replace("struct RawFault", "a fault object (`transport`, `kind`, `message`)")
        .replace("struct RawStore", "a store object (`name`)")
}

/// Byte offset of a serde_json error. serde_json counts columns in bytes, up to and
/// including the last byte it read, and says column 0 at the end of the input.
#[cfg(feature = "json")]
fn json_offset(src: &str, e: &serde_json::Error) -> usize {
    if e.classify() == Category::Eof {
        return src.len();
    }
    let line_start = src.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum::<usize>();
    let mut at = (line_start + e.column().saturating_sub(1)).min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    // For an array or object where something else belongs, serde_json has only
    // peeked at its `[` or `{`: it reports the byte before. Point at the value.
    let message = e.to_string();
    let opener = if message.starts_with("invalid type: sequence") {
        Some('[')
    } else if message.starts_with("invalid type: map") {
        Some('{')
    } else {
        None
    };
    if let Some(rest) = opener.and_then(|_| src.get(at + 1..)) {
        let value = rest.trim_start();
        if opener.is_some_and(|o| value.starts_with(o)) {
            at += 1 + rest.len() - value.len();
        }
    }
    at
}

/// Whether byte `at` of the JSON file lies in the top-level `seed` value.
#[cfg(feature = "json")]
fn is_json_seed(src: &str, at: usize) -> bool {
    JsonIndex::scan(src).span(path_to!["seed"]).is_some_and(|r| r.contains(&at))
}

/// Why a validated scenario cannot run, in English: the file diagnostics are
/// still English text (their typed messages and catalogs are the next step).
pub(crate) fn scenario_error(e: &flushq_core::scenario::ScenarioError) -> String {
    use flushq_core::scenario::{Limit, ScenarioError as E};
    match e {
        E::DuplicateTransport(n) => format!("two transports are named `{n}`; names must be unique"),
        E::UnknownMessage { transport, message } => {
            format!("fault names message `{message}`, which is not queued on `{transport}`")
        }
        E::NoSuchTransport(i) => format!("fault names transport #{i}, which does not exist"),
        E::TooLarge(what, n, max) => {
            let what = match what {
                Limit::Transports => "transports",
                Limit::Messages => "messages",
                Limit::ScriptBytes => "script bytes",
            };
            format!("too many {what}: {n} (the limit is {max})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_before_values() {
        assert_eq!(key_before("seed = 1", 7), Some("seed"));
        assert_eq!(key_before("a\n\"seed\"=x", 9), Some("seed"));
        assert_eq!(key_before("t = {a =", 8), Some("a"));
        assert_eq!(key_before("x = [1, 2", 8), None);
        assert_eq!(key_before("= 1", 2), None);
    }

    #[test]
    fn missing_values() {
        assert_eq!(missing_value("k =", 3), "expected a value after `=`");
        assert_eq!(missing_value("k = # c\n", 4), "expected a value after `=`");
        assert_eq!(missing_value("k = abc def\n", 4), "expected a value after `=`, found `abc`; a string needs quotes");
    }
}
