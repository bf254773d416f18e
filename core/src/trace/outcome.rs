//! The end state of a run, summarised for tests, the CLI's JSON and lesson goals.

use crate::mapi::{FlushFlags, HResult, ValidateFlags};
use crate::script::RuntimeError;
use crate::session::ObjectKind;
use alloc::string::String;
use alloc::vec::Vec;

/// One API call the client made.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CallRecord {
    /// Script line.
    pub line: u32,
    /// `FlushQueues`, `OpenEntry`, `HrQueryAllRows`, ...
    pub api: &'static str,
    /// `session`, `table`, `spooler`, a transport's name, or another row's name.
    pub object: String,
    /// `ulFlags`, for FlushQueues.
    pub flags: Option<FlushFlags>,
    /// `ulFlags`, for ValidateState.
    pub validate: Option<ValidateFlags>,
    /// `lpTargetTransport`'s transport name, for FlushQueues on the spooler.
    pub target: Option<String>,
    /// What came back.
    pub hresult: HResult,
}

/// Where one transport's messages ended up, by subject.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TransportQueues {
    /// Display name.
    pub name: String,
    /// Still in the outbound queue.
    pub outbound: Vec<String>,
    /// Handed to the remote system.
    pub delivered: Vec<String>,
    /// Still waiting for us on the remote system.
    pub remote: Vec<String>,
    /// Accepted but deferred by the transport.
    pub deferred: Vec<String>,
    /// Reported undeliverable.
    pub failed: Vec<String>,
    /// Its PR_STATUS_CODE at the end, by bit name.
    pub status_code: Vec<String>,
    /// Whether it works offline at the end.
    pub offline: bool,
}

/// A handle still open when the run ended.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Leak {
    /// What kind of object it is.
    pub object: ObjectKind,
    /// The variable that first held it.
    pub var: String,
    /// The line that created it.
    pub line: u32,
}

/// A run-time error that stopped the script.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ScriptFault {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// Which error.
    pub error: RuntimeError,
}

/// How a run ended.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Outcome {
    /// Every API call, in order.
    pub calls: Vec<CallRecord>,
    /// Per transport, in transport order.
    pub transports: Vec<TransportQueues>,
    /// Subjects received into the inbox, in arrival order.
    pub inbox: Vec<String>,
    /// Names of transports that showed a dialog, in order, once per dialog.
    pub ui_prompts: Vec<String>,
    /// Handles never released.
    pub leaks: Vec<Leak>,
    /// Run-time errors (at most one: an error stops the script).
    pub errors: Vec<ScriptFault>,
}

impl Outcome {
    /// The queues of the transport named `name`.
    pub fn transport(&self, name: &str) -> Option<&TransportQueues> {
        self.transports.iter().find(|t| t.name == name)
    }
}
