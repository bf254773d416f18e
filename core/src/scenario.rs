//! A scenario: the profile (transports in transport order, stores), the queues,
//! the faults to inject, the seed and the client script. Plain data; decoding from
//! TOML/JSON lives in the `flushq-scenario` crate.

use crate::mapi::ResourceMethods;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// Everything a run depends on. Same scenario, same trace.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Scenario {
    /// Shown in the UI and at the top of traces.
    pub title: String,
    /// Seeds entry ids and the interleaving of client and spooler.
    pub seed: u64,
    /// The client script's source text.
    pub script: String,
    /// Transports in the profile's transport order.
    pub transports: Vec<TransportSpec>,
    /// Message stores that add a status row (display names).
    pub stores: Vec<String>,
    /// Faults to inject.
    pub faults: Vec<Fault>,
}

/// How a transport reaches its server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TransportKind {
    /// Always connected; needs no external resource.
    Lan,
    /// Dials out on the shared modem line.
    Modem,
    /// Remote Access Service: dials out on the shared modem line and cannot hide its UI.
    Ras,
}

impl TransportKind {
    /// Every kind, in menu order.
    pub const ALL: [TransportKind; 3] = [TransportKind::Lan, TransportKind::Modem, TransportKind::Ras];

    /// The kind spelled `name`, exactly (`lan`, `modem`, `ras`).
    pub fn from_name(name: &str) -> Option<TransportKind> {
        TransportKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The scenario-file spelling.
    pub const fn name(self) -> &'static str {
        match self {
            TransportKind::Lan => "lan",
            TransportKind::Modem => "modem",
            TransportKind::Ras => "ras",
        }
    }

    /// Dial-up transports need the modem line and set STATUS_REMOTE_ACCESS.
    pub const fn dials(self) -> bool {
        matches!(self, TransportKind::Modem | TransportKind::Ras)
    }

    /// The seed page: the spooler and most LAN transports honour FLUSH_NO_UI;
    /// modem transports and RAS often do not.
    pub const fn default_honors_no_ui(self) -> bool {
        matches!(self, TransportKind::Lan)
    }
}

impl fmt::Display for TransportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One transport provider logged on to the session.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TransportSpec {
    /// Display name, unique within the scenario.
    pub name: String,
    /// LAN, modem or RAS.
    pub kind: TransportKind,
    /// Its `PR_RESOURCE_METHODS`; the status row adds STATUS_VALIDATE_STATE,
    /// which every status object supports.
    pub methods: ResourceMethods,
    /// Whether it suppresses its UI when given FLUSH_NO_UI.
    pub honors_no_ui: bool,
    /// Whether it sends and receives on its own schedule (then FLUSH_FORCE is required).
    pub asynchronous: bool,
    /// Whether it starts offline (STATUS_OFFLINE): a flush moves nothing through it
    /// until `ValidateState(FORCE_XP_CONNECT)` brings it back.
    pub offline: bool,
    /// Subjects of messages in its outbound queue, in queue order.
    pub outbound: Vec<String>,
    /// Subjects of messages waiting for us on its remote system.
    pub remote: Vec<String>,
}

impl TransportSpec {
    /// A transport with the defaults for its kind and empty queues.
    pub fn new(name: impl Into<String>, kind: TransportKind) -> Self {
        TransportSpec {
            name: name.into(),
            kind,
            methods: ResourceMethods::STATUS_VALIDATE_STATE | ResourceMethods::STATUS_FLUSH_QUEUES,
            honors_no_ui: kind.default_honors_no_ui(),
            asynchronous: false,
            offline: false,
            outbound: Vec::new(),
            remote: Vec::new(),
        }
    }
}

/// A transport, by its place in the profile's transport order (0 is first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TransportId(pub u32);

impl TransportId {
    /// The transport at `index` in transport order.
    pub const fn at(index: usize) -> TransportId {
        TransportId(index as u32)
    }

    /// Its index in transport order.
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

/// What goes wrong, and where.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fault {
    /// The transport it happens to.
    pub transport: TransportId,
    /// What happens.
    pub kind: FaultKind,
}

/// The faults a scenario can inject.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FaultKind {
    /// The transport cannot reach its server: every flush of it sets STATUS_FAILURE
    /// and no FLUSH bit, and `IXPLogon::FlushQueues` still returns S_OK.
    LinkDown,
    /// The transport accepts this message but cannot deliver it: it calls
    /// `StatusRecips` and a nondelivery report arrives in the inbox.
    MessageFails(String),
    /// The transport defers this message the first time it is submitted.
    MessageDeferred(String),
    /// The transport clears its FLUSH bits mid-flush: after handling this message,
    /// or, with `None`, right after it sets them.
    DropsFlushBits(Option<String>),
    /// The simulated user cancels this transport's dialog.
    UserCancels,
    /// The spooler shuts down while it flushes this transport, once the
    /// transport has submitted `after` messages in that flush.
    SpoolerShutdown {
        /// Messages submitted before the shutdown.
        after: u32,
    },
}

/// A fault kind without its message: the scenario file's `kind` word. The one
/// name table of fault kinds, for the decoder, the scenario editor and the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaultName {
    /// `link_down`.
    LinkDown,
    /// `message_fails`.
    MessageFails,
    /// `message_deferred`.
    MessageDeferred,
    /// `drops_flush_bits`.
    DropsFlushBits,
    /// `user_cancels`.
    UserCancels,
    /// `spooler_shutdown`.
    SpoolerShutdown,
}

/// Whether a fault kind names a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageArg {
    /// It takes none.
    Never,
    /// It may name one.
    Optional,
    /// It must name one.
    Required,
}

impl FaultName {
    /// Every kind, in the order menus and messages list them.
    pub const ALL: [FaultName; 6] = [
        FaultName::LinkDown,
        FaultName::MessageFails,
        FaultName::MessageDeferred,
        FaultName::DropsFlushBits,
        FaultName::UserCancels,
        FaultName::SpoolerShutdown,
    ];

    /// The scenario-file spelling.
    pub const fn name(self) -> &'static str {
        match self {
            FaultName::LinkDown => "link_down",
            FaultName::MessageFails => "message_fails",
            FaultName::MessageDeferred => "message_deferred",
            FaultName::DropsFlushBits => "drops_flush_bits",
            FaultName::UserCancels => "user_cancels",
            FaultName::SpoolerShutdown => "spooler_shutdown",
        }
    }

    /// The kind spelled `name`, exactly.
    pub fn from_name(name: &str) -> Option<FaultName> {
        FaultName::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether this kind names a message.
    pub const fn message(self) -> MessageArg {
        match self {
            FaultName::LinkDown | FaultName::UserCancels | FaultName::SpoolerShutdown => MessageArg::Never,
            FaultName::DropsFlushBits => MessageArg::Optional,
            FaultName::MessageFails | FaultName::MessageDeferred => MessageArg::Required,
        }
    }

    /// The fault of this kind with `message`; `None` when the kind must name a
    /// message and has none, or takes none and has one.
    pub fn with(self, message: Option<String>) -> Option<FaultKind> {
        Some(match (self, message) {
            (FaultName::LinkDown, None) => FaultKind::LinkDown,
            (FaultName::UserCancels, None) => FaultKind::UserCancels,
            (FaultName::SpoolerShutdown, None) => FaultKind::SpoolerShutdown { after: 0 },
            (FaultName::DropsFlushBits, m) => FaultKind::DropsFlushBits(m),
            (FaultName::MessageFails, Some(m)) => FaultKind::MessageFails(m),
            (FaultName::MessageDeferred, Some(m)) => FaultKind::MessageDeferred(m),
            _ => return None,
        })
    }
}

impl FaultKind {
    /// Its kind.
    pub const fn kind(&self) -> FaultName {
        match self {
            FaultKind::LinkDown => FaultName::LinkDown,
            FaultKind::MessageFails(_) => FaultName::MessageFails,
            FaultKind::MessageDeferred(_) => FaultName::MessageDeferred,
            FaultKind::DropsFlushBits(_) => FaultName::DropsFlushBits,
            FaultKind::UserCancels => FaultName::UserCancels,
            FaultKind::SpoolerShutdown { .. } => FaultName::SpoolerShutdown,
        }
    }

    /// The scenario-file spelling of the kind.
    pub const fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// The message it names, if any.
    pub fn message(&self) -> Option<&str> {
        match self {
            FaultKind::MessageFails(m) | FaultKind::MessageDeferred(m) | FaultKind::DropsFlushBits(Some(m)) => Some(m),
            FaultKind::DropsFlushBits(None)
            | FaultKind::LinkDown
            | FaultKind::UserCancels
            | FaultKind::SpoolerShutdown { .. } => None,
        }
    }
}

/// What a scenario has too much of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Transports ([`limits::TRANSPORTS`]).
    Transports,
    /// Messages, both directions ([`limits::MESSAGES`]).
    Messages,
    /// Bytes of script ([`limits::SCRIPT_BYTES`]).
    ScriptBytes,
}

/// Why a scenario cannot be run, found before the script starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// Two transports share a display name.
    DuplicateTransport(String),
    /// A fault names a message that is not in that transport's outbound queue.
    UnknownMessage { transport: String, message: String },
    /// A transport index out of range.
    NoSuchTransport(usize),
    /// A limit was exceeded: which, the size found, the limit.
    TooLarge(Limit, usize, usize),
}

/// Limits that keep a run bounded whatever the input.
pub mod limits {
    /// Transports per scenario.
    pub const TRANSPORTS: usize = 256;
    /// Messages per scenario, both directions, all transports.
    pub const MESSAGES: usize = 1_000_000;
    /// Script size in bytes.
    pub const SCRIPT_BYTES: usize = 1 << 20;
    /// Trace events per run; the run stops with an error past it. The one event
    /// limit of every host: the playground keeps every event of a run in memory.
    pub const EVENTS: usize = 2_000_000;
    /// Loop iterations per run.
    pub const ITERATIONS: usize = 1_000_000;
}

impl Scenario {
    /// Checks what the type system cannot: unique names, fault targets, limits.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.transports.len() > limits::TRANSPORTS {
            return Err(ScenarioError::TooLarge(Limit::Transports, self.transports.len(), limits::TRANSPORTS));
        }
        let messages: usize = self.transports.iter().map(|t| t.outbound.len() + t.remote.len()).sum();
        if messages > limits::MESSAGES {
            return Err(ScenarioError::TooLarge(Limit::Messages, messages, limits::MESSAGES));
        }
        if self.script.len() > limits::SCRIPT_BYTES {
            return Err(ScenarioError::TooLarge(Limit::ScriptBytes, self.script.len(), limits::SCRIPT_BYTES));
        }
        for (i, t) in self.transports.iter().enumerate() {
            if self.transports[..i].iter().any(|u| u.name == t.name) {
                return Err(ScenarioError::DuplicateTransport(t.name.clone()));
            }
        }
        for fault in &self.faults {
            let t = self
                .transports
                .get(fault.transport.index())
                .ok_or(ScenarioError::NoSuchTransport(fault.transport.index()))?;
            if let Some(m) = fault.kind.message() {
                let known = t.outbound.iter().chain(&t.remote).any(|s| s == m);
                if !known {
                    return Err(ScenarioError::UnknownMessage { transport: t.name.clone(), message: m.into() });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scenario_word_has_one_spelling() {
        for k in FaultName::ALL {
            assert_eq!(FaultName::from_name(k.name()), Some(k));
            let message = matches!(k.message(), MessageArg::Optional | MessageArg::Required).then(|| "a".into());
            let kind = k.with(message).expect("a fault of every kind can be made");
            assert_eq!((kind.kind(), kind.name()), (k, k.name()));
        }
        assert_eq!(FaultName::from_name("Link_Down"), None, "spellings are exact");
        assert_eq!(FaultName::MessageFails.with(None), None, "it must name a message");
        assert_eq!(FaultName::LinkDown.with(Some("a".into())), None, "it takes none");
        assert_eq!(FaultName::DropsFlushBits.with(None), Some(FaultKind::DropsFlushBits(None)));
        for k in TransportKind::ALL {
            assert_eq!(TransportKind::from_name(k.name()), Some(k));
        }
        assert_eq!(TransportKind::from_name("LAN"), None);
    }
}
