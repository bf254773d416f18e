//! TOML and serde_json errors as file diagnostics, with their messages made clear
//! where the parsers' own only make sense to a parser author.

#[cfg(feature = "json")]
use crate::json_index::JsonIndex;
#[cfg(feature = "json")]
use crate::locate::path_to;
use crate::locate::FileDiagnostic;
use crate::message::{FileMessage, Found, TomlError};
#[cfg(feature = "json")]
use crate::message::{JsonObject, JsonPiece};
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
    let text = e.to_string();
    let message = if text.starts_with("invalid type: floating point") && is_json_seed(src, at) {
        FileMessage::SeedRange { max: u64::MAX, in_toml: false }
    } else {
        json_message(&text)
    };
    FileDiagnostic::at(src, at, message)
}

/// The reader's message for an error at byte `at`, or a clearer one.
fn toml_message(src: &str, at: usize, message: &FileMessage) -> FileMessage {
    let out_of_range = matches!(
        message,
        FileMessage::Toml(TomlError::NumberTooLarge) | FileMessage::InvalidType { found: Found::Float(_), .. }
    );
    if out_of_range && key_before(src, at) == Some("seed") {
        return FileMessage::SeedRange { max: TOML_SEED_MAX as u64, in_toml: true };
    }
    message.clone()
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

/// serde_json's message, as data: the position it appends is reported separately,
/// and the decoder's own type names are replaced by what the file should hold.
#[cfg(feature = "json")]
fn json_message(s: &str) -> FileMessage {
    // serde_json appends " at line L column C".
    let s = match s.rfind(" at line ") {
        Some(i) => &s[..i],
        None => s,
    };
    if s.contains("struct RawScenario") {
        return FileMessage::NotAScenarioObject;
    }
    const TYPES: [(&str, JsonObject); 3] = [
        ("struct RawTransport", JsonObject::Transport),
        ("struct RawFault", JsonObject::Fault),
        ("struct RawStore", JsonObject::Store),
    ];
    let mut detail = Vec::new();
    let mut rest = s;
    while let Some((i, name, object)) =
        TYPES.iter().filter_map(|(name, object)| rest.find(name).map(|i| (i, *name, *object))).min_by_key(|t| t.0)
    {
        if i > 0 {
            detail.push(JsonPiece::Text(rest[..i].to_string()));
        }
        detail.push(JsonPiece::Object(object));
        rest = &rest[i + name.len()..];
    }
    if !rest.is_empty() {
        detail.push(JsonPiece::Text(rest.to_string()));
    }
    FileMessage::Json { detail }
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
}
