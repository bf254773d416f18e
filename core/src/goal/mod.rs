//! Goals: named assertions over a run's outcome and trace, checked by the core
//! (never by matching text), each saying why it failed. Lessons build on them.

use crate::mapi::{FlushFlags, HResult};
use crate::trace::{Event, EventKind, FlushMode, Outcome};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

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

impl fmt::Display for Assertion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assertion::AllOutgoingDelivered => f.write_str("every outgoing message delivered"),
            Assertion::AllIncomingReceived => f.write_str("every waiting message received"),
            Assertion::TransportDelivered(t) => write!(f, "every outgoing message of {t} delivered"),
            Assertion::TransportUntouched(t) => write!(f, "{t} left untouched"),
            Assertion::Opened(o) => write!(f, "the status object of {o} opened"),
            Assertion::NoUiPrompt => f.write_str("no dialog shown"),
            Assertion::PromptShown(t) => write!(f, "{t} showed its dialog"),
            Assertion::FlushedThroughSpooler(t) => write!(f, "{t} flushed through the spooler"),
            Assertion::FlushedOnItsOwnObject(t) => write!(f, "{t} flushed on its own status object"),
            Assertion::Returned { api, hresult } => write!(f, "{api} returned {hresult}"),
            Assertion::NeverReturned { api, hresult } => write!(f, "{api} never returned {hresult}"),
            Assertion::FlagsPassed(flags) => write!(f, "FlushQueues called with {flags}"),
            Assertion::AsynchronousFlush => f.write_str("a spooler flush returned before it ended"),
            Assertion::NothingLeaked => f.write_str("nothing leaked"),
            Assertion::NoScriptErrors => f.write_str("no run-time error"),
        }
    }
}

/// An assertion checked against a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// What was checked.
    pub assertion: Assertion,
    /// Whether it holds.
    pub passed: bool,
    /// Why it failed (empty when it passed).
    pub why: String,
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

impl Assertion {
    /// Checks this assertion against a finished run.
    pub fn check(&self, outcome: &Outcome, events: &[Event]) -> Check {
        let why = self.failure(outcome, events);
        Check { assertion: self.clone(), passed: why.is_none(), why: why.unwrap_or_default() }
    }

    /// `None` when the assertion holds, else the reason in one sentence.
    fn failure(&self, outcome: &Outcome, events: &[Event]) -> Option<String> {
        match self {
            Assertion::AllOutgoingDelivered => {
                let left: Vec<String> = outcome
                    .transports
                    .iter()
                    .filter_map(|t| {
                        let stuck: Vec<String> =
                            t.outbound.iter().chain(&t.deferred).chain(&t.failed).cloned().collect();
                        (!stuck.is_empty()).then(|| format!("{} still holds {}", t.name, list(&stuck)))
                    })
                    .collect();
                (!left.is_empty()).then(|| list(&left))
            }
            Assertion::AllIncomingReceived => {
                let left: Vec<String> = outcome
                    .transports
                    .iter()
                    .filter(|t| !t.remote.is_empty())
                    .map(|t| format!("{} still waits on {}", list(&t.remote), t.name))
                    .collect();
                (!left.is_empty()).then(|| list(&left))
            }
            Assertion::TransportDelivered(name) => match outcome.transport(name) {
                None => Some(format!("there is no transport named {name}")),
                Some(t) => {
                    let stuck: Vec<String> = t.outbound.iter().chain(&t.deferred).chain(&t.failed).cloned().collect();
                    (!stuck.is_empty()).then(|| format!("{name} still holds {}", list(&stuck)))
                }
            },
            Assertion::TransportUntouched(name) => match outcome.transport(name) {
                None => Some(format!("there is no transport named {name}")),
                Some(t) if !t.delivered.is_empty() => Some(format!("{name} sent {}", list(&t.delivered))),
                Some(_) if outcome.ui_prompts.contains(name) => Some(format!("{name} showed its dialog")),
                Some(_) => {
                    let flushed = events.iter().any(|e| matches!(&e.kind, EventKind::XpFlushQueues { transport, .. } if &**transport == name.as_str()));
                    flushed.then(|| format!("the spooler flushed {name}"))
                }
            },
            Assertion::Opened(name) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "OpenEntry" && &c.object == name && c.hresult == HResult::Ok);
                (!done).then(|| format!("OpenEntry never opened the status object of {name}"))
            }
            Assertion::NoUiPrompt => {
                (!outcome.ui_prompts.is_empty()).then(|| format!("dialogs were shown by {}", list(&outcome.ui_prompts)))
            }
            Assertion::PromptShown(t) => (!outcome.ui_prompts.contains(t)).then(|| format!("{t} showed no dialog")),
            Assertion::FlushedThroughSpooler(t) => {
                let done = outcome
                    .calls
                    .iter()
                    .any(|c| c.api == "FlushQueues" && c.object == "spooler" && c.target.as_deref() == Some(t));
                (!done).then(|| format!("no FlushQueues on the spooler named {t} in lpTargetTransport"))
            }
            Assertion::FlushedOnItsOwnObject(t) => {
                let done = outcome.calls.iter().any(|c| c.api == "FlushQueues" && &c.object == t);
                (!done).then(|| format!("FlushQueues was never called on {t}'s own status object"))
            }
            Assertion::Returned { api, hresult } => {
                let done = outcome.calls.iter().any(|c| c.api == *api && c.hresult == *hresult);
                (!done).then(|| format!("no call to {api} returned {hresult}"))
            }
            Assertion::NeverReturned { api, hresult } => outcome
                .calls
                .iter()
                .find(|c| c.api == *api && c.hresult == *hresult)
                .map(|c| format!("{api} on {} returned {hresult} at line {}", c.object, c.line)),
            Assertion::FlagsPassed(flags) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "FlushQueues" && c.flags.is_some_and(|f| f.contains(*flags)));
                (!done).then(|| format!("no FlushQueues call passed {flags}"))
            }
            Assertion::AsynchronousFlush => {
                let done =
                    events.iter().any(|e| matches!(e.kind, EventKind::FlushCall { mode: FlushMode::Asynchronous, .. }));
                (!done).then(|| String::from("every spooler flush was synchronous (no FLUSH_ASYNC_OK)"))
            }
            Assertion::NothingLeaked => (!outcome.leaks.is_empty()).then(|| {
                let leaks: Vec<String> =
                    outcome.leaks.iter().map(|l| format!("{} from line {}", l.what, l.line)).collect();
                format!("still open: {}", list(&leaks))
            }),
            Assertion::NoScriptErrors => {
                outcome.errors.first().map(|e| format!("line {}:{}: {}", e.line, e.column, e.message))
            }
        }
    }
}

/// Checks every assertion of `goal`, in order.
pub fn check_all(goal: &[Assertion], outcome: &Outcome, events: &[Event]) -> Vec<Check> {
    goal.iter().map(|a| a.check(outcome, events)).collect()
}

/// The golf score of a script: how many statements it has (a `for` or `if`
/// counts as one, plus what its blocks hold); `None` when it does not parse.
pub fn statement_count(src: &str) -> Option<usize> {
    fn count(body: &[crate::script::ast::Stmt]) -> usize {
        use crate::script::ast::Stmt;
        body.iter()
            .map(|s| match s {
                Stmt::Assign { .. } | Stmt::Expr { .. } => 1,
                Stmt::For { body, .. } => 1 + count(body),
                Stmt::If { then, otherwise, .. } => 1 + count(then) + otherwise.as_deref().map_or(0, count),
            })
            .sum()
    }
    crate::script::parse(src).ok().map(|s| count(&s.body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Fault, FaultKind, Scenario, TransportKind, TransportSpec};
    use crate::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};
    use crate::Machine;
    use alloc::vec;

    fn run(script: &str, faults: Vec<Fault>) -> (Outcome, Vec<Event>) {
        let mut lan = TransportSpec::new("LAN", TransportKind::Lan);
        lan.outbound = vec!["a".into()];
        lan.remote = vec!["r1".into()];
        let mut modem = TransportSpec::new("Modem", TransportKind::Modem);
        modem.methods = crate::mapi::ResourceMethods::STATUS_VALIDATE_STATE;
        modem.outbound = vec!["c".into()];
        let s = Scenario {
            title: String::new(),
            seed: 1,
            script: script.into(),
            transports: vec![lan, modem],
            stores: vec![],
            faults,
        };
        let mut m = Machine::new(&s).unwrap();
        m.run();
        (m.outcome(), m.events().to_vec())
    }

    #[test]
    fn procedure_a_sends_everything_but_the_modem_asks() {
        let (o, e) = run(PRESET_SPOOLER, vec![]);
        let checks = check_all(
            &[
                Assertion::AllOutgoingDelivered,
                Assertion::NoUiPrompt,
                Assertion::NothingLeaked,
                Assertion::AllIncomingReceived,
            ],
            &o,
            &e,
        );
        assert!(checks[0].passed, "{:?}", checks[0]);
        assert!(!checks[1].passed);
        assert_eq!(checks[1].why, "dialogs were shown by Modem");
        assert!(checks[2].passed);
        assert_eq!(checks[3].why, "r1 still waits on LAN", "UPLOAD does not receive");
    }

    #[test]
    fn procedure_b_uses_the_fallback_for_the_modem() {
        let (o, e) = run(PRESET_PER_TRANSPORT, vec![]);
        assert!(Assertion::FlushedThroughSpooler("Modem".into()).check(&o, &e).passed);
        assert!(Assertion::FlushedOnItsOwnObject("LAN".into()).check(&o, &e).passed);
        let wrong = Assertion::FlushedThroughSpooler("LAN".into()).check(&o, &e);
        assert_eq!(wrong.why, "no FlushQueues on the spooler named LAN in lpTargetTransport");
        assert!(Assertion::FlagsPassed(FlushFlags::FLUSH_DOWNLOAD | FlushFlags::FLUSH_NO_UI).check(&o, &e).passed);
        assert!(!Assertion::AsynchronousFlush.check(&o, &e).passed);
    }

    #[test]
    fn faults_and_leaks_are_explained() {
        let faults = vec![Fault { transport: 0, kind: FaultKind::MessageFails("a".into()) }];
        let leaky = PRESET_SPOOLER.replace("Release(table)\n", "");
        let (o, e) = run(&leaky, faults);
        assert_eq!(Assertion::AllOutgoingDelivered.check(&o, &e).why, "LAN still holds a");
        let leak = Assertion::NothingLeaked.check(&o, &e);
        assert_eq!(leak.why, "still open: status table (IMAPITable) `table` from line 1");
        let busy = Assertion::NeverReturned { api: "FlushQueues", hresult: HResult::Busy };
        assert!(busy.check(&o, &e).passed);
        assert_eq!(format!("{}", busy), "FlushQueues never returned MAPI_E_BUSY");
    }

    #[test]
    fn statement_counts_for_golf() {
        assert_eq!(statement_count(PRESET_SPOOLER), Some(8));
        assert_eq!(statement_count(PRESET_PER_TRANSPORT), Some(15));
        assert_eq!(statement_count("x = ("), None);
    }
}
