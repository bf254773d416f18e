//! # flushq-web
//!
//! The browser playground. All simulating happens in `flushq-core`; this crate
//! keeps the inputs (`state`), derives runs with exact time travel (`run`), and
//! renders them (`components`). `share` encodes the whole state in the URL.

pub mod app;
mod browser;
pub mod components;
mod deflate;
pub mod embed;
mod hooks;
pub mod i18n;
mod inflate;
pub mod progress;
pub mod run;
pub mod share;
pub mod state;

pub use app::App;

use std::rc::Rc;

/// An `Rc` that props compare by identity: cheap to pass, and a new value always
/// renders (deep comparison of a large view or trace would cost a frame).
#[derive(Debug)]
pub struct Ptr<T>(pub Rc<T>);

impl<T> Ptr<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Ptr(Rc::new(value))
    }
}

impl<T> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(self.0.clone())
    }
}

impl<T> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Mounts the playground on the page (wasm only).
pub fn start() {
    yew::Renderer::<App>::new().render();
}
