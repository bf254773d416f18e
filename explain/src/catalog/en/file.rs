//! Problems in scenario files (and flushq's other TOML files), in English: the
//! TOML reader's, worded as the `toml` crate words them; the decoder's, worded
//! as serde words them where serde has the same problem; and the scenario's own.

use super::{scenario::scenario_error, script::script_message};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_scenario::{Expected, FileMessage as M, Found, JsonObject, JsonPiece, TomlError as T};

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
pub(crate) fn one_of(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}

/// "A, B, C or D".
fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What a file holds where another type belongs, as serde names it.
pub(crate) fn found(f: &Found) -> String {
    match f {
        Found::String(s) => format!("string {}", super::super::debug_quoted(s)),
        Found::Integer(n) => format!("integer `{n}`"),
        Found::Float(f) => format!("floating point `{f}`"),
        Found::Boolean(b) => format!("boolean `{b}`"),
        Found::Datetime(d) => format!("date-time `{d}`"),
        Found::Sequence => String::from("sequence"),
        Found::Map => String::from("map"),
    }
}

/// The type a value should have.
fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Table => "a table",
        Expected::Sequence => "a sequence",
        Expected::String => "a string",
        Expected::Boolean => "a boolean",
        Expected::U64 => "u64",
    }
}

/// An object of a JSON scenario file.
fn object(o: JsonObject) -> &'static str {
    match o {
        JsonObject::Transport => "a transport object (`name`, `kind`, ...)",
        JsonObject::Fault => "a fault object (`transport`, `kind`, `message`)",
        JsonObject::Store => "a store object (`name`)",
    }
}

/// "; did you mean `X`?", or nothing.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion.as_ref().map(|c| format!("; did you mean `{c}`?")).unwrap_or_default()
}

/// A TOML syntax error: toml's message and the line under it that says what was
/// expected, joined into one.
fn toml(e: &T) -> String {
    let multiline = |literal: bool| if literal { "literal" } else { "basic" };
    let quotes = |literal: bool| if literal { "'''" } else { "\"\"\"" };
    match e {
        T::TableHeader { array: true } => String::from("invalid table header expected `.`, `]]`"),
        T::TableHeader { array: false } => String::from("invalid table header expected `.`, `]`"),
        T::DuplicateTable { key } => format!("invalid table header duplicate key `{key}`"),
        T::DuplicateKey { key } => format!("duplicate key `{key}`"),
        T::KeyValue => String::from("invalid key-value pair expected `.`, `=`"),
        T::RecursionLimit => String::from("recursion limit exceeded"),
        T::Key => String::from("invalid key"),
        T::DateTime => String::from("invalid date-time"),
        T::Integer => String::from("invalid integer"),
        T::Float => String::from("invalid floating-point number"),
        T::NumberTooLarge => String::from("number too large to fit in target type"),
        T::NumberTooSmall => String::from("number too small to fit in target type"),
        T::ArrayClose => String::from("invalid array expected `]`"),
        T::ArrayValue { found } => {
            format!("invalid array expected a value, found `{found}`; a string needs quotes")
        }
        T::MissingValue { found: None } => String::from("expected a value after `=`"),
        T::MissingValue { found: Some(found) } => {
            format!("expected a value after `=`, found `{found}`; a string needs quotes")
        }
        T::InlineTable => String::from("invalid inline table expected `}`"),
        T::BasicString => String::from("invalid basic string expected `\"`"),
        T::LiteralString => String::from("invalid literal string expected `'`"),
        T::MultilineQuotes { literal } => format!(
            "invalid multiline {} string expected a newline or `#` after `{}`",
            multiline(*literal),
            quotes(*literal)
        ),
        T::Multiline { literal } => {
            format!("invalid multiline {} string expected `{}`", multiline(*literal), quotes(*literal))
        }
        T::UnicodeEscape { digits } => format!("invalid unicode {digits}-digit hex code"),
        T::Escape => String::from("invalid escape sequence expected `b`, `f`, `n`, `r`, `t`, `u`, `U`, `\\`, `\"`"),
        T::Unexpected { found } => format!("unexpected `{}` expected newline, `#`", found.escape_debug()),
        T::Comment => String::from("invalid comment control characters are not allowed"),
    }
}

/// The message as one sentence.
pub(crate) fn file_message(m: &M) -> String {
    match m {
        M::Script(m) => script_message(m),
        M::InPresetScript { line, col, message } => format!("in preset script, {line}:{col}: {}", script_message(message)),
        M::Toml(e) => toml(e),
        M::Json { detail } => detail
            .iter()
            .map(|piece| match piece {
                JsonPiece::Text(text) => text.as_str(),
                JsonPiece::Object(o) => object(*o),
            })
            .collect(),
        M::NotAScenarioObject => String::from(
            "a scenario file is a JSON object with `script` and optional `title`, `seed`, `transport`, `store` and `fault`",
        ),
        M::JsonUnsupported => String::from("JSON scenarios are not supported in this build"),
        M::UnknownField { field, expected } => format!("unknown field `{field}`, expected {}", one_of(expected)),
        M::MissingField { field } => format!("missing field `{field}`"),
        M::InvalidType { found: f, expected: e } => format!("invalid type: {}, expected {}", found(f), expected(*e)),
        M::InvalidValue { found: f, expected: e } => format!("invalid value: {}, expected {}", found(f), expected(*e)),
        M::UnknownVariant { variant, expected } => format!("unknown variant `{variant}`, expected {}", one_of(expected)),
        M::SeedRange { max, in_toml } => {
            format!("`seed` must be a whole number from 0 to {max}{}", if *in_toml { " in TOML" } else { "" })
        }
        M::EmptyTransportName => String::from("a transport needs a non-empty name"),
        M::UnknownMethod { name, suggestion: Some(c), .. } => {
            format!("unknown method `{name}`; did you mean `{c}`?")
        }
        M::UnknownMethod { name, suggestion: None, methods } => {
            format!("unknown method `{name}`; use {}", or_list(methods))
        }
        M::TooManyGenerated { field, count, limit } => {
            format!("`{field}` is {count}, more than the {limit} messages a scenario may hold")
        }
        M::UnknownFaultTransport { name, suggestion } => {
            format!("fault names transport `{name}`, which is not in the profile{}", did_you_mean(suggestion))
        }
        M::FaultNeedsMessage { kind, transport } => {
            format!("fault `{kind}` needs `message` = the subject of a message queued on `{transport}`")
        }
        M::FaultTakesNoMessage { kind } => format!("fault `{kind}` takes no `message`"),
        M::FaultTakesNoAfter { kind } => {
            format!("fault `{kind}` takes no `after`: only `spooler_shutdown` counts messages")
        }
        M::FaultAfterTooBig { after, limit } => format!("`after` = {after} is more than the {limit} messages a scenario may have"),
        M::UnknownFaultKind { kind, suggestion, kinds } => {
            let hint = suggestion.as_ref().map(|c| format!("did you mean `{c}`? ")).unwrap_or_default();
            format!("unknown fault kind `{kind}`; {hint}kinds: {}", kinds.join(", "))
        }
        M::UnknownScriptPreset { name, presets } => {
            format!("no script preset named `{name}`; presets: {}", presets.join(", "))
        }
        M::Scenario(e) => scenario_error(e),
    }
}
