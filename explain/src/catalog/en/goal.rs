//! Lesson goals in English: each assertion's title and why one fails.

use super::runtime::runtime_error;
use super::words::object_kind;
use crate::goal::{Assertion, Failure};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// The assertion's short title.
pub(crate) fn assertion(a: &Assertion) -> String {
    match a {
        Assertion::AllOutgoingDelivered => String::from("every outgoing message delivered"),
        Assertion::AllIncomingReceived => String::from("every waiting message received"),
        Assertion::TransportDelivered(t) => format!("every outgoing message of {t} delivered"),
        Assertion::TransportUntouched(t) => format!("{t} left untouched"),
        Assertion::Opened(o) => format!("the status object of {o} opened"),
        Assertion::StatusRead(t) => format!("the status table read to learn how {t} fared"),
        Assertion::NoUiPrompt => String::from("no dialog shown"),
        Assertion::PromptShown(t) => format!("{t} showed its dialog"),
        Assertion::FlushedThroughSpooler(t) => format!("{t} flushed through the spooler"),
        Assertion::FlushedOnItsOwnObject(t) => format!("{t} flushed on its own status object"),
        Assertion::Returned { api, hresult } => format!("{api} returned {hresult}"),
        Assertion::NeverReturned { api, hresult } => format!("{api} never returned {hresult}"),
        Assertion::FlagsPassed(flags) => format!("FlushQueues called with {flags}"),
        Assertion::AsynchronousFlush => String::from("a spooler flush returned before it ended"),
        Assertion::NothingLeaked => String::from("nothing leaked"),
        Assertion::NoScriptErrors => String::from("no run-time error"),
    }
}

/// Why an assertion does not hold, in one sentence.
pub(crate) fn failure(f: &Failure) -> String {
    match f {
        Failure::NoSuchTransport(name) => format!("there is no transport named {name}"),
        Failure::Stuck(left) => {
            let each: Vec<String> = left.iter().map(|(t, s)| format!("{t} still holds {}", list(s))).collect();
            each.join(", ")
        }
        Failure::Waiting(left) => {
            let each: Vec<String> = left.iter().map(|(t, s)| format!("{} still waits on {t}", list(s))).collect();
            each.join(", ")
        }
        Failure::Sent(name, sent) => format!("{name} sent {}", list(sent)),
        Failure::ShowedDialog(name) => format!("{name} showed its dialog"),
        Failure::Flushed(name) => format!("the spooler flushed {name}"),
        Failure::NeverOpened(name) => format!("OpenEntry never opened the status object of {name}"),
        Failure::StatusNeverRead(name) => format!(
            "the script never looked at {name}'s status: no PR_STATUS_CODE restriction matched its row, and its PR_STATUS_CODE and PR_STATUS_STRING were never read"
        ),
        Failure::DialogsShown(by) => format!("dialogs were shown by {}", list(by)),
        Failure::NoDialog(t) => format!("{t} showed no dialog"),
        Failure::NotTargeted(t) => format!("no FlushQueues on the spooler named {t} in lpTargetTransport"),
        Failure::NotOnOwnObject(t) => format!("FlushQueues was never called on {t}'s own status object"),
        Failure::NeverReturned { api, hresult } => format!("no call to {api} returned {hresult}"),
        Failure::ReturnedAt { api, object, hresult, line } => {
            format!("{api} on {object} returned {hresult} at line {line}")
        }
        Failure::FlagsNotPassed(flags) => format!("no FlushQueues call passed {flags}"),
        Failure::AllSynchronous => String::from("every spooler flush was synchronous (no FLUSH_ASYNC_OK)"),
        Failure::StillOpen(leaks) => {
            let each: Vec<String> =
                leaks.iter().map(|l| format!("{} `{}` from line {}", object_kind(l.object), l.var, l.line)).collect();
            format!("still open: {}", list(&each))
        }
        Failure::ScriptError(e) => format!("line {}:{}: {}", e.line, e.column, runtime_error(&e.error)),
    }
}
