//! Custom hooks, one concern per file, as in Yew's `function_todomvc` example.
//! The root component ([`crate::App`]) is little more than these calls and a layout.
//!
//! - [`use_playground`]: the playground's state, started from the share link, the saved session or a preset.
//! - [`use_persistence`]: saves the session (when still, and when the page goes away) and the open lesson.
//! - [`use_toast`]: the toast line, first showing why the URL's share link could not be opened.
//! - [`use_progress`]: the lesson progress kept in localStorage, with its solve, export and import callbacks.
//! - [`use_document_lang`]: keeps `<html lang>` and the document's title in the page's language.
//! - [`use_playback`]: while playing, a `Tick` every `speed` milliseconds.
//! - [`use_shortcuts`]: the keyboard shortcuts, never while typing.
//! - [`use_embed`]: which embed this page is, if it is one (`?embed` or the given props).
//! - [`use_embed_bridge`]: in an embed, postMessage to and from the embedding page, and its height.
//! - [`use_open_url`]: in an embed, the "Open in playground" link to this state.
//! - [`use_verdict`]: the open lesson's goal, checked against the learner's scenario.
//! - [`use_solve_report`]: reports a solved lesson once per script that reaches the goal.

mod document;
mod embed_bridge;
mod lesson_goal;
mod persistence;
mod playback;
mod progress;
mod shortcuts;
mod toast;

pub use document::use_document_lang;
pub use embed_bridge::{use_embed, use_embed_bridge, use_open_url};
pub use lesson_goal::{use_solve_report, use_verdict};
pub use persistence::{shared, use_persistence, use_playground};
pub use playback::use_playback;
pub use progress::{use_progress, LessonProgress};
pub use shortcuts::use_shortcuts;
pub use toast::{use_toast, Toast};
