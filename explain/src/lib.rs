//! # flushq-explain
//!
//! Everything flushq says about a run, above the simulation in `flushq-core`
//! (which has events as data and no prose): the narration of each step, the
//! numbered text trace, Mermaid and JSON renderings, lesson goals and predict
//! mode, and the problems found in scripts, scenario files and lesson files, in
//! every language.

extern crate alloc;

pub mod catalog;
pub mod export;
pub mod facts;
pub mod goal;
pub mod lessons;
mod mermaid;
pub mod narrate;
pub mod predict;
mod text;

#[cfg(test)]
mod testing;

pub use catalog::Lang;
pub use mermaid::render_mermaid;
pub use narrate::{narrate, narrate_in};
pub use text::{
    describe, describe_in, diagnostic_in, file_diagnostic_in, file_message_in, load_error_in, outcome_text,
    outcome_text_in, preset_title, render_text, script_message_in, seconds,
};
