//! The English catalog.

mod events;
mod file;
mod goal;
mod lesson;
mod narrate;
mod runtime;
mod scenario;
mod script;
mod words;

/// Every text in English.
pub struct English;

catalog!(English, code "en", tag "en", name "English");
