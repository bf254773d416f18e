//! A problem the lexer, the parser or the checker found at a place in a script.

use super::ScriptMessage;
use crate::diag::{Severity, Span};

/// One problem at a position in a script, as a typed [`ScriptMessage`]; the
/// catalogs of `flushq-explain` say it in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where in the source.
    pub span: Span,
    /// What is wrong.
    pub message: ScriptMessage,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: ScriptMessage) -> Self {
        Diagnostic { severity: Severity::Error, span, message }
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: ScriptMessage) -> Self {
        Diagnostic { severity: Severity::Warning, span, message }
    }
}
