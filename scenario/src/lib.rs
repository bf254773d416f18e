//! # flushq-scenario
//!
//! Reads scenario files (TOML, or JSON with the same shape) into a
//! [`flushq_core::Scenario`], placing every problem at a line and column of the
//! file, including the script's own syntax errors; and ships the preset
//! scenarios. Problems are typed ([`FileMessage`]); `flushq-explain` says them
//! in each language.
//!
//! JSON scenario files need the `json` feature (on by default); without it
//! [`load`] refuses [`Format::Json`] input with a diagnostic. [`export`] writes
//! JSON either way.

mod decode;
mod errors;
mod inline;
#[cfg(feature = "json")]
mod json_index;
mod literal;
mod locate;
mod message;
mod path;
mod presets;
mod toml_doc;

pub use decode::{generated_tail, load, Format};

/// The crate's own TOML reader and the decoding helpers built on it, for flushq's
/// other data files (the tutorial's lessons, read by `flushq-explain`): values
/// with the byte offsets they were written at, and errors placed in the file.
pub mod doc {
    pub use crate::decode::from_toml::{
        array, found, invalid_type, missing_field, spanned, string, tables, unknown_field,
    };
    pub use crate::errors::toml as toml_error;
    pub use crate::inline::InlineScript;
    pub use crate::literal::{toml as toml_literal, Decoded};
    pub use crate::toml_doc::{parse, Entry, Error, Item, Str, Table, Value};
}
pub use locate::FileDiagnostic;
pub use message::{Expected, FileMessage, Found, JsonObject, JsonPiece, TomlError};
pub use presets::{preset, presets, script_preset, Preset, SCRIPT_PRESETS};
