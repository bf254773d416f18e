//! # flushq-scenario
//!
//! Reads scenario files (TOML, or JSON with the same shape) into a
//! [`flushq_core::Scenario`], reporting every problem as `line:col: message`
//! in the file, including the script's own syntax errors; and ships the preset
//! scenarios.
//!
//! JSON scenario files need the `json` feature (on by default); without it
//! [`load`] refuses [`Format::Json`] input with a diagnostic. [`export`] writes
//! JSON either way.

mod decode;
mod errors;
mod inline;
#[cfg(feature = "json")]
mod json_index;
pub mod lessons;
mod literal;
mod locate;
mod presets;
mod toml_doc;

pub use decode::{generated_tail, load, Format};
pub use locate::FileDiagnostic;
pub use presets::{preset, presets, script_preset, Preset, SCRIPT_PRESETS};
