//! Problems in scenario files, in English.

use super::script::script_message;
use alloc::format;
use alloc::string::String;
use flushq_scenario::FileMessage as M;

/// The message as one sentence.
pub(crate) fn file_message(m: &M) -> String {
    match m {
        M::Script(m) => script_message(m),
        M::InPresetScript { line, col, message } => {
            format!("in preset script, {line}:{col}: {}", script_message(message))
        }
        M::Text(text) => text.clone(),
    }
}
