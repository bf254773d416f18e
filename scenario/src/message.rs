//! What the decoder says about a scenario file, as typed values: which problem,
//! with its arguments (keys, names and values as written in the file, the names
//! that were expected, suggestions). The catalogs of `flushq-explain` render
//! them in each language; this crate holds no prose.
//!
//! Where the decoder words a problem the way serde does (unknown field, missing
//! field, invalid type), a TOML file and the same file in JSON say the same.

use flushq_core::scenario::ScenarioError;
use flushq_core::script::ScriptMessage;

/// A problem at a place in a scenario file (or another of flushq's TOML files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileMessage {
    /// An inline script's own diagnostic, its positions moved into the file.
    Script(ScriptMessage),
    /// A diagnostic of a shipped script preset the file names, at `line:col` of the preset.
    InPresetScript { line: u32, col: u32, message: ScriptMessage },
    /// A TOML syntax error.
    Toml(TomlError),
    /// serde_json's own message: an external library's text, kept as data, with
    /// the names of the decoder's types replaced by what the file should hold.
    Json { detail: Vec<JsonPiece> },
    /// A JSON file whose top level is not a scenario object.
    NotAScenarioObject,
    /// A JSON file, in a build without JSON decoding.
    JsonUnsupported,
    /// A key the table does not have; `expected` lists those it has.
    UnknownField { field: String, expected: Vec<String> },
    /// A key the table needs.
    MissingField { field: String },
    /// A value of the wrong type.
    InvalidType { found: Found, expected: Expected },
    /// A value of the right type that is out of range.
    InvalidValue { found: Found, expected: Expected },
    /// A name that is not one of the variants `expected` (a transport's `kind`).
    UnknownVariant { variant: String, expected: Vec<String> },
    /// A `seed` the file format cannot hold; `max` is the largest it can.
    SeedRange { max: u64, in_toml: bool },
    /// A transport named with spaces only, or nothing.
    EmptyTransportName,
    /// A name in `methods` that is no `PR_RESOURCE_METHODS` bit; `methods` lists them.
    UnknownMethod { name: String, suggestion: Option<String>, methods: Vec<String> },
    /// `outbound_count` or `remote_count` past the scenario's message limit.
    TooManyGenerated { field: String, count: u64, limit: usize },
    /// A fault naming a transport the profile lacks.
    UnknownFaultTransport { name: String, suggestion: Option<String> },
    /// A `message_fails` or `message_deferred` fault without its `message`.
    FaultNeedsMessage { kind: String, transport: String },
    /// A `link_down` or `user_cancels` fault with a `message`.
    FaultTakesNoMessage { kind: String },
    /// `after` on a fault other than `spooler_shutdown`.
    FaultTakesNoAfter { kind: String },
    /// `after` past the scenario's message limit.
    FaultAfterTooBig { after: u64, limit: usize },
    /// A fault kind that does not exist; `kinds` lists those that do.
    UnknownFaultKind { kind: String, suggestion: Option<String>, kinds: Vec<String> },
    /// `script = "preset:NAME"` with no such preset; `presets` lists them.
    UnknownScriptPreset { name: String, presets: Vec<String> },
    /// The decoded scenario is inconsistent (names, limits).
    Scenario(ScenarioError),
}

impl From<TomlError> for FileMessage {
    fn from(e: TomlError) -> Self {
        FileMessage::Toml(e)
    }
}

/// A TOML syntax error. The messages follow the `toml` crate's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TomlError {
    /// `[a` or `[[a]`: the header is not closed (`]]` for an array of tables).
    TableHeader { array: bool },
    /// A header for a table that is already defined.
    DuplicateTable { key: String },
    /// A key defined twice.
    DuplicateKey { key: String },
    /// A key not followed by `=`.
    KeyValue,
    /// Nesting past the reader's limit.
    RecursionLimit,
    /// Something that is not a key where a key belongs.
    Key,
    /// A date or time that is not one.
    DateTime,
    /// A malformed integer.
    Integer,
    /// A malformed float.
    Float,
    /// An integer past `i64::MAX`.
    NumberTooLarge,
    /// An integer past `i64::MIN`.
    NumberTooSmall,
    /// An array not closed by `]`.
    ArrayClose,
    /// A bare word in an array (`found`), where a value belongs.
    ArrayValue { found: String },
    /// Nothing (or a bare word, `found`) after `=`.
    MissingValue { found: Option<String> },
    /// An inline table not closed by `}`.
    InlineTable,
    /// A `"..."` string not closed on its line.
    BasicString,
    /// A `'...'` string not closed on its line.
    LiteralString,
    /// More than five quotes at the end of a multi-line string.
    MultilineQuotes { literal: bool },
    /// A multi-line string not closed (or holding a control character).
    Multiline { literal: bool },
    /// A `\u` (4 digits) or `\U` (8 digits) escape that is no character.
    UnicodeEscape { digits: u8 },
    /// An escape TOML does not have.
    Escape,
    /// A character after a value or header, where the line should end.
    Unexpected { found: char },
    /// A control character in a comment.
    Comment,
}

/// The value a file has where another type belongs, as serde names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A string, with its value.
    String(String),
    /// An integer.
    Integer(i64),
    /// A float, as written.
    Float(String),
    /// A boolean.
    Boolean(bool),
    /// A date-time, as written.
    Datetime(String),
    /// An array.
    Sequence,
    /// A table.
    Map,
}

/// The type a value should have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A table.
    Table,
    /// An array.
    Sequence,
    /// A string.
    String,
    /// A boolean.
    Boolean,
    /// A whole number from 0 to `u64::MAX`.
    U64,
}

/// A piece of serde_json's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonPiece {
    /// serde_json's text, as it wrote it.
    Text(String),
    /// Where serde_json named one of the decoder's types: the object the file should hold there.
    Object(JsonObject),
}

/// The objects of a JSON scenario file below the top level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonObject {
    /// An element of `transport`.
    Transport,
    /// An element of `fault`.
    Fault,
    /// An element of `store`.
    Store,
}
