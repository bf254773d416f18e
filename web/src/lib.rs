//! # flushq-web
//!
//! The browser playground. All simulating happens in `flushq-core`; this crate
//! keeps the inputs (`state`), derives runs with exact time travel (`run`), and
//! renders them (`components`). `share` encodes the whole state in the URL.

pub mod app;
mod browser;
pub mod components;
pub mod run;
pub mod share;
pub mod state;

pub use app::App;

/// Mounts the playground on the page (wasm only).
pub fn start() {
    yew::Renderer::<App>::new().render();
}
