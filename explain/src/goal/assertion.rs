//! The assertions a lesson goal is made of, and their name table (how lesson
//! files write them). Plain data over the core's types: the build script that
//! turns lesson files into code reads this file too.

use alloc::string::String;
use flushq_core::mapi::{FlushFlags, HResult};

/// One thing a run must (or must not) have done.
#[derive(Clone, Debug, PartialEq)]
pub enum Assertion {
    /// Every outgoing message of every transport was delivered.
    AllOutgoingDelivered,
    /// Every message waiting remotely arrived in the inbox.
    AllIncomingReceived,
    /// Every outgoing message of this transport was delivered.
    TransportDelivered(String),
    /// This transport's queues were left as they were: nothing sent or received.
    TransportUntouched(String),
    /// OpenEntry opened this row's status object (`spooler` or a row's name).
    Opened(String),
    /// The client found this transport's state in the status table: a
    /// PR_STATUS_CODE restriction matched its row, or it read PR_STATUS_CODE or
    /// PR_STATUS_STRING from its status object.
    StatusRead(String),
    /// No transport showed a dialog.
    NoUiPrompt,
    /// This transport showed a dialog.
    PromptShown(String),
    /// This transport was flushed through the spooler (`lpTargetTransport`).
    FlushedThroughSpooler(String),
    /// This transport's own status object received a FlushQueues call.
    FlushedOnItsOwnObject(String),
    /// Some call to `api` returned `hresult`.
    Returned { api: &'static str, hresult: HResult },
    /// No call to `api` returned `hresult`.
    NeverReturned { api: &'static str, hresult: HResult },
    /// Some FlushQueues call passed all of these flags.
    FlagsPassed(FlushFlags),
    /// A FlushQueues on the spooler returned before its flush ended (FLUSH_ASYNC_OK).
    AsynchronousFlush,
    /// Every handle was released.
    NothingLeaked,
    /// The script ran without a run-time error.
    NoScriptErrors,
}

/// What an assertion is built from, besides its kind's name: how a lesson file
/// writes it after the name (see [`Assertion::NAMES`]).
#[derive(Clone, Copy, Debug)]
pub enum Form {
    /// Nothing: the name alone is the assertion.
    Bare(fn() -> Assertion),
    /// A transport's name (or, for `opened`, `spooler` or a row's name).
    Name(fn(String) -> Assertion),
    /// An API and an HRESULT.
    Call(fn(&'static str, HResult) -> Assertion),
    /// FlushQueues flags.
    Flags(fn(FlushFlags) -> Assertion),
}

impl Form {
    /// The form of the assertion kind named `name` (exact spelling, as in
    /// [`Assertion::NAMES`]).
    pub fn from_name(name: &str) -> Option<Form> {
        Assertion::NAMES.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
}

impl Assertion {
    /// Every kind of assertion by name (the variant's name in snake_case), with
    /// what builds it: the name table lesson files are read with.
    pub const NAMES: [(&'static str, Form); 16] = [
        ("all_outgoing_delivered", Form::Bare(|| Assertion::AllOutgoingDelivered)),
        ("all_incoming_received", Form::Bare(|| Assertion::AllIncomingReceived)),
        ("transport_delivered", Form::Name(Assertion::TransportDelivered)),
        ("transport_untouched", Form::Name(Assertion::TransportUntouched)),
        ("opened", Form::Name(Assertion::Opened)),
        ("status_read", Form::Name(Assertion::StatusRead)),
        ("no_ui_prompt", Form::Bare(|| Assertion::NoUiPrompt)),
        ("prompt_shown", Form::Name(Assertion::PromptShown)),
        ("flushed_through_spooler", Form::Name(Assertion::FlushedThroughSpooler)),
        ("flushed_on_its_own_object", Form::Name(Assertion::FlushedOnItsOwnObject)),
        ("returned", Form::Call(|api, hresult| Assertion::Returned { api, hresult })),
        ("never_returned", Form::Call(|api, hresult| Assertion::NeverReturned { api, hresult })),
        ("flags_passed", Form::Flags(Assertion::FlagsPassed)),
        ("asynchronous_flush", Form::Bare(|| Assertion::AsynchronousFlush)),
        ("nothing_leaked", Form::Bare(|| Assertion::NothingLeaked)),
        ("no_script_errors", Form::Bare(|| Assertion::NoScriptErrors)),
    ];

    /// The name of this assertion's kind in [`Assertion::NAMES`].
    pub fn name(&self) -> &'static str {
        match self {
            Assertion::AllOutgoingDelivered => "all_outgoing_delivered",
            Assertion::AllIncomingReceived => "all_incoming_received",
            Assertion::TransportDelivered(_) => "transport_delivered",
            Assertion::TransportUntouched(_) => "transport_untouched",
            Assertion::Opened(_) => "opened",
            Assertion::StatusRead(_) => "status_read",
            Assertion::NoUiPrompt => "no_ui_prompt",
            Assertion::PromptShown(_) => "prompt_shown",
            Assertion::FlushedThroughSpooler(_) => "flushed_through_spooler",
            Assertion::FlushedOnItsOwnObject(_) => "flushed_on_its_own_object",
            Assertion::Returned { .. } => "returned",
            Assertion::NeverReturned { .. } => "never_returned",
            Assertion::FlagsPassed(_) => "flags_passed",
            Assertion::AsynchronousFlush => "asynchronous_flush",
            Assertion::NothingLeaked => "nothing_leaked",
            Assertion::NoScriptErrors => "no_script_errors",
        }
    }
}
