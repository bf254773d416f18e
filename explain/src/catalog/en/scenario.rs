//! Why a scenario cannot run, in English.

use alloc::format;
use alloc::string::String;
use flushq_core::scenario::{Limit, ScenarioError};

/// What a limit counts.
fn limit(l: Limit) -> &'static str {
    match l {
        Limit::Transports => "transports",
        Limit::Messages => "messages",
        Limit::ScriptBytes => "script bytes",
    }
}

/// The error as one sentence.
pub(crate) fn scenario_error(e: &ScenarioError) -> String {
    match e {
        ScenarioError::DuplicateTransport(n) => format!("two transports are named `{n}`; names must be unique"),
        ScenarioError::UnknownMessage { transport, message } => {
            format!("fault names message `{message}`, which is not queued on `{transport}`")
        }
        ScenarioError::NoSuchTransport(i) => format!("fault names transport #{i}, which does not exist"),
        ScenarioError::TooLarge(what, n, max) => format!("too many {}: {n} (the limit is {max})", limit(*what)),
    }
}
