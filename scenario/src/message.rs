//! What the decoder says about a scenario file. An inline script's diagnostics
//! are typed values; the decoder's own messages are still English text here.

use flushq_core::script::ScriptMessage;

/// A problem at a place in a scenario file (or another of flushq's TOML files).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileMessage {
    /// An inline script's own diagnostic, its positions moved into the file.
    Script(ScriptMessage),
    /// A diagnostic of a shipped script preset the file names, at `line:col` of the preset.
    InPresetScript { line: u32, col: u32, message: ScriptMessage },
    /// Any other problem, as an English sentence (temporary: these get typed next).
    Text(String),
}

impl From<String> for FileMessage {
    fn from(text: String) -> Self {
        FileMessage::Text(text)
    }
}

impl From<&str> for FileMessage {
    fn from(text: &str) -> Self {
        FileMessage::Text(String::from(text))
    }
}
