//! Goals: named assertions over a run's outcome and trace, checked by the core
//! (never by matching text), each saying why it failed. Lessons build on them.

mod assertion;

pub use assertion::{Assertion, Form};

use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::trace::{Event, EventKind, FlushMode, Leak, Outcome, ScriptFault, TransportQueues};

/// Why an assertion does not hold: the facts, for each language's catalog to say.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// There is no transport of this name.
    NoSuchTransport(String),
    /// These transports still hold these outgoing messages (queued, deferred or failed).
    Stuck(Vec<(String, Vec<String>)>),
    /// These messages still wait on these transports' remote systems.
    Waiting(Vec<(String, Vec<String>)>),
    /// The transport sent these messages.
    Sent(String, Vec<String>),
    /// The transport showed its dialog.
    ShowedDialog(String),
    /// The spooler flushed the transport.
    Flushed(String),
    /// OpenEntry never opened this row's status object.
    NeverOpened(String),
    /// The client never looked at this transport's status.
    StatusNeverRead(String),
    /// These transports showed dialogs.
    DialogsShown(Vec<String>),
    /// The transport showed no dialog.
    NoDialog(String),
    /// No spooler FlushQueues named the transport in `lpTargetTransport`.
    NotTargeted(String),
    /// FlushQueues was never called on the transport's own status object.
    NotOnOwnObject(String),
    /// No call to `api` returned `hresult`.
    NeverReturned {
        /// The API.
        api: &'static str,
        /// The HRESULT expected.
        hresult: HResult,
    },
    /// A call returned what it must not.
    ReturnedAt {
        /// The API.
        api: &'static str,
        /// The object it was called on.
        object: String,
        /// What it returned.
        hresult: HResult,
        /// The script line.
        line: u32,
    },
    /// No FlushQueues call passed these flags.
    FlagsNotPassed(FlushFlags),
    /// Every spooler flush was synchronous.
    AllSynchronous,
    /// These handles are still open.
    StillOpen(Vec<Leak>),
    /// A run-time error stopped the script.
    ScriptError(ScriptFault),
}

/// An assertion checked against a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// What was checked.
    pub assertion: Assertion,
    /// Whether it holds.
    pub passed: bool,
    /// Why it does not hold (`None` when it passed).
    pub failure: Option<Failure>,
}

impl Assertion {
    /// Checks this assertion against a finished run.
    pub fn check(&self, outcome: &Outcome, events: &[Event]) -> Check {
        let failure = self.failure(outcome, events);
        Check { assertion: self.clone(), passed: failure.is_none(), failure }
    }

    /// `None` when the assertion holds, else why not.
    fn failure(&self, outcome: &Outcome, events: &[Event]) -> Option<Failure> {
        match self {
            Assertion::AllOutgoingDelivered
            | Assertion::AllIncomingReceived
            | Assertion::TransportDelivered(_)
            | Assertion::TransportUntouched(_) => self.queue_failure(outcome, events),
            Assertion::Opened(name) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "OpenEntry" && &c.object == name && c.hresult == HResult::Ok);
                (!done).then(|| Failure::NeverOpened(name.clone()))
            }
            Assertion::StatusRead(name) => (!status_read(events, name)).then(|| Failure::StatusNeverRead(name.clone())),
            Assertion::NoUiPrompt => {
                (!outcome.ui_prompts.is_empty()).then(|| Failure::DialogsShown(outcome.ui_prompts.clone()))
            }
            Assertion::PromptShown(t) => (!outcome.ui_prompts.contains(t)).then(|| Failure::NoDialog(t.clone())),
            Assertion::FlushedThroughSpooler(t) => {
                let done = outcome
                    .calls
                    .iter()
                    .any(|c| c.api == "FlushQueues" && c.object == "spooler" && c.target.as_deref() == Some(t));
                (!done).then(|| Failure::NotTargeted(t.clone()))
            }
            Assertion::FlushedOnItsOwnObject(t) => {
                let done = outcome.calls.iter().any(|c| c.api == "FlushQueues" && &c.object == t);
                (!done).then(|| Failure::NotOnOwnObject(t.clone()))
            }
            Assertion::Returned { api, hresult } => {
                let done = outcome.calls.iter().any(|c| c.api == *api && c.hresult == *hresult);
                (!done).then_some(Failure::NeverReturned { api, hresult: *hresult })
            }
            Assertion::NeverReturned { api, hresult } => outcome
                .calls
                .iter()
                .find(|c| c.api == *api && c.hresult == *hresult)
                .map(|c| Failure::ReturnedAt { api, object: c.object.clone(), hresult: *hresult, line: c.line }),
            Assertion::FlagsPassed(flags) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "FlushQueues" && c.flags.is_some_and(|f| f.contains(*flags)));
                (!done).then_some(Failure::FlagsNotPassed(*flags))
            }
            Assertion::AsynchronousFlush => {
                let done =
                    events.iter().any(|e| matches!(e.kind, EventKind::FlushCall { mode: FlushMode::Asynchronous, .. }));
                (!done).then_some(Failure::AllSynchronous)
            }
            Assertion::NothingLeaked => (!outcome.leaks.is_empty()).then(|| Failure::StillOpen(outcome.leaks.clone())),
            Assertion::NoScriptErrors => outcome.errors.first().map(|e| Failure::ScriptError(e.clone())),
        }
    }

    /// Why an assertion about the queues does not hold.
    fn queue_failure(&self, outcome: &Outcome, events: &[Event]) -> Option<Failure> {
        let stuck = |t: &TransportQueues| -> Vec<String> {
            t.outbound.iter().chain(&t.deferred).chain(&t.failed).cloned().collect()
        };
        let named = |name: &String| outcome.transport(name).ok_or_else(|| Failure::NoSuchTransport(name.clone()));
        match self {
            Assertion::AllOutgoingDelivered => {
                let left: Vec<_> = outcome
                    .transports
                    .iter()
                    .map(|t| (t.name.clone(), stuck(t)))
                    .filter(|(_, s)| !s.is_empty())
                    .collect();
                (!left.is_empty()).then_some(Failure::Stuck(left))
            }
            Assertion::AllIncomingReceived => {
                let left: Vec<_> = outcome
                    .transports
                    .iter()
                    .filter(|t| !t.remote.is_empty())
                    .map(|t| (t.name.clone(), t.remote.clone()))
                    .collect();
                (!left.is_empty()).then_some(Failure::Waiting(left))
            }
            Assertion::TransportDelivered(name) => match named(name) {
                Err(f) => Some(f),
                Ok(t) => {
                    let s = stuck(t);
                    (!s.is_empty()).then(|| Failure::Stuck(alloc::vec![(name.clone(), s)]))
                }
            },
            Assertion::TransportUntouched(name) => match named(name) {
                Err(f) => Some(f),
                Ok(t) if !t.delivered.is_empty() => Some(Failure::Sent(name.clone(), t.delivered.clone())),
                Ok(_) if outcome.ui_prompts.contains(name) => Some(Failure::ShowedDialog(name.clone())),
                Ok(_) => {
                    let flushed = events.iter().any(|e| matches!(&e.kind, EventKind::XpFlushQueues { transport, .. } if &**transport == name.as_str()));
                    flushed.then(|| Failure::Flushed(name.clone()))
                }
            },
            _ => unreachable!("failure routes only the queue assertions here"),
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
    fn count(body: &[flushq_core::script::ast::Stmt]) -> usize {
        use flushq_core::script::ast::Stmt;
        body.iter()
            .map(|s| match s {
                Stmt::Assign { .. } | Stmt::Expr { .. } => 1,
                Stmt::For { body, .. } => 1 + count(body),
                Stmt::If { then, otherwise, .. } => 1 + count(then) + otherwise.as_deref().map_or(0, count),
            })
            .sum()
    }
    flushq_core::script::parse(src).ok().map(|s| count(&s.body))
}

/// True when the client found `name`'s state: a PR_STATUS_CODE restriction that
/// matched its row, or PR_STATUS_CODE / PR_STATUS_STRING read on its status object.
fn status_read(events: &[Event], name: &str) -> bool {
    use flushq_core::mapi::PropTag;
    events.iter().any(|e| match &e.kind {
        EventKind::QueryAllRows { restriction: Some(r), matched, .. } => {
            r.prop == PropTag::StatusCode && matched.iter().any(|m| m == name)
        }
        EventKind::GetProp { object, prop: PropTag::StatusCode | PropTag::StatusString, value: Some(_) } => {
            object == name
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::lan_and_modem;
    use crate::Lang;
    use alloc::vec;
    use flushq_core::scenario::{Fault, FaultKind, TransportId};
    use flushq_core::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};
    use flushq_core::Machine;

    fn run(script: &str, faults: Vec<Fault>) -> (Outcome, Vec<Event>) {
        let mut m = Machine::new(&lan_and_modem(script, &["r1"], faults)).unwrap();
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
        assert_eq!(checks[1].why_in(Lang::EN), "dialogs were shown by Modem");
        assert!(checks[2].passed);
        assert_eq!(checks[3].why_in(Lang::EN), "r1 still waits on LAN", "UPLOAD does not receive");
    }

    #[test]
    fn procedure_b_uses_the_fallback_for_the_modem() {
        let (o, e) = run(PRESET_PER_TRANSPORT, vec![]);
        assert!(Assertion::FlushedThroughSpooler("Modem".into()).check(&o, &e).passed);
        assert!(Assertion::FlushedOnItsOwnObject("LAN".into()).check(&o, &e).passed);
        let wrong = Assertion::FlushedThroughSpooler("LAN".into()).check(&o, &e);
        assert_eq!(wrong.why_in(Lang::EN), "no FlushQueues on the spooler named LAN in lpTargetTransport");
        assert!(Assertion::FlagsPassed(FlushFlags::FLUSH_DOWNLOAD | FlushFlags::FLUSH_NO_UI).check(&o, &e).passed);
        assert!(!Assertion::AsynchronousFlush.check(&o, &e).passed);
    }

    #[test]
    fn faults_and_leaks_are_explained() {
        let faults = vec![Fault { transport: TransportId(0), kind: FaultKind::MessageFails("a".into()) }];
        let leaky = PRESET_SPOOLER.replace("Release(table)\n", "");
        let (o, e) = run(&leaky, faults);
        assert_eq!(Assertion::AllOutgoingDelivered.check(&o, &e).why_in(Lang::EN), "LAN still holds a");
        let leak = Assertion::NothingLeaked.check(&o, &e);
        assert_eq!(leak.why_in(Lang::EN), "still open: status table (IMAPITable) `table` from line 1");
        let busy = Assertion::NeverReturned { api: "FlushQueues", hresult: HResult::Busy };
        assert!(busy.check(&o, &e).passed);
        assert_eq!(format!("{}", busy), "FlushQueues never returned MAPI_E_BUSY");
        assert_eq!(busy.title_in(Lang::ZH), "FlushQueues 从未返回 MAPI_E_BUSY");
        assert_eq!(Assertion::AllOutgoingDelivered.check(&o, &e).why_in(Lang::ZH), "LAN 仍留有 a");
        assert_eq!(
            Assertion::NothingLeaked.check(&o, &e).why_in(Lang::ZH),
            "仍未释放：第 1 行创建的状态表（IMAPITable）`table`"
        );
        let spooler = Assertion::NeverReturned { api: "OpenEntry", hresult: HResult::Ok };
        assert_eq!(spooler.check(&o, &e).why_in(Lang::ZH), "第 4 行对后台处理程序的 OpenEntry 调用返回了 S_OK");
        assert_eq!(Assertion::Opened("LAN".into()).title_in(Lang::ZH), "打开了 LAN 的状态对象");
    }

    /// The name table and `name` agree: each entry builds an assertion of its own
    /// name, and no two entries share a name or build the same kind.
    #[test]
    fn every_assertion_kind_has_one_name() {
        let mut kinds = Vec::new();
        for (i, (name, form)) in Assertion::NAMES.into_iter().enumerate() {
            let a = match form {
                Form::Bare(build) => build(),
                Form::Name(build) => build("LAN".into()),
                Form::Call(build) => build("FlushQueues", HResult::Busy),
                Form::Flags(build) => build(FlushFlags::FLUSH_UPLOAD),
            };
            assert_eq!(a.name(), name);
            assert!(Assertion::NAMES[..i].iter().all(|(n, _)| *n != name), "{name} twice");
            assert!(Form::from_name(name).is_some(), "{name}");
            assert!(!kinds.contains(&core::mem::discriminant(&a)), "{name}: a kind named twice");
            kinds.push(core::mem::discriminant(&a));
        }
        assert!(Form::from_name("NothingLeaked").is_none(), "names are snake_case");
    }

    #[test]
    fn statement_counts_for_golf() {
        assert_eq!(statement_count(PRESET_SPOOLER), Some(8));
        assert_eq!(statement_count(PRESET_PER_TRANSPORT), Some(15));
        assert_eq!(statement_count("x = ("), None);
    }
}
