//! Problems in scenario files, in Simplified Chinese.

use super::script::script_message;
use alloc::format;
use alloc::string::String;
use flushq_scenario::FileMessage as M;

/// The message as one sentence.
pub(crate) fn file_message(m: &M) -> String {
    match m {
        M::Script(m) => script_message(m),
        M::InPresetScript { line, col, message } => {
            format!("预设脚本中第 {line} 行第 {col} 列：{}", script_message(message))
        }
        // Still English: the decoder's own messages get typed next.
        M::Text(text) => text.clone(),
    }
}
