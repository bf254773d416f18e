//! The client-script language: lexer, parser, checker and the flat program the
//! machine steps through.

pub mod ast;
mod check;
mod diagnostic;
mod edit;
mod error;
mod lexer;
mod message;
mod parser;
mod program;

pub use check::{check, FIELDS, FUNCTIONS, GLOBALS, METHODS};
pub use diagnostic::Diagnostic;
pub use edit::{flags_source, flush_sites, set_flush_flags, FlushSite};
pub use error::{Disposal, RuntimeError, ValueKind};
pub use message::{BlockHead, FoundToken, ScriptMessage};
pub use parser::{parse, MAX_ERRORS, MAX_EXPR_DEPTH, MAX_NESTING};
pub use program::{Instr, Op, Program};

use alloc::vec::Vec;

/// Parses and checks `src`: every diagnostic, in source order (empty when it can run).
pub fn diagnose(src: &str) -> Vec<Diagnostic> {
    match parse(src) {
        Ok(script) => check(&script),
        Err(errors) => errors,
    }
}

/// The seed's procedure A: flush every transport through the spooler.
pub const PRESET_SPOOLER: &str = include_str!("presets/spooler.mapi");
/// The seed's procedure B: flush one transport at a time, with the fallback.
pub const PRESET_PER_TRANSPORT: &str = include_str!("presets/per_transport.mapi");
