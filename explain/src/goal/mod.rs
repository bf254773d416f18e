//! Goals: named assertions over a run's outcome and trace, checked by the core
//! (never by matching text), each saying why it failed. Lessons build on them.

use crate::catalog::{self, zh_spaced};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use flushq_core::lang::{by_lang, Lang};
use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::trace::{Event, EventKind, FlushMode, Outcome};

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
    pub const NAMES: [(&'static str, Form); 15] = [
        ("all_outgoing_delivered", Form::Bare(|| Assertion::AllOutgoingDelivered)),
        ("all_incoming_received", Form::Bare(|| Assertion::AllIncomingReceived)),
        ("transport_delivered", Form::Name(Assertion::TransportDelivered)),
        ("transport_untouched", Form::Name(Assertion::TransportUntouched)),
        ("opened", Form::Name(Assertion::Opened)),
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

impl fmt::Display for Assertion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title_in(Lang::En))
    }
}

/// An assertion checked against a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// What was checked.
    pub assertion: Assertion,
    /// Whether it holds.
    pub passed: bool,
    /// Why it failed (empty when it passed), in the language it was checked in.
    pub why: String,
}

/// Items joined the way `lang` lists them: "a, b" or "a、b".
fn list(items: &[String], lang: Lang) -> String {
    items.join(lang.pick(", ", "、"))
}

impl Assertion {
    /// The assertion's short title in `lang` (its `Display` is the English one).
    pub fn title_in(&self, lang: Lang) -> String {
        match self {
            Assertion::AllOutgoingDelivered => {
                String::from(lang.pick("every outgoing message delivered", "所有待发邮件都已送达"))
            }
            Assertion::AllIncomingReceived => {
                String::from(lang.pick("every waiting message received", "所有等待中的邮件都已接收"))
            }
            Assertion::TransportDelivered(t) => {
                by_lang!(
                    lang,
                    format!("every outgoing message of {t} delivered"),
                    format!("{t} 的所有待发邮件都已送达")
                )
            }
            Assertion::TransportUntouched(t) => {
                by_lang!(lang, format!("{t} left untouched"), format!("{t} 保持原样，未被刷新"))
            }
            Assertion::Opened(o) => {
                by_lang!(lang, format!("the status object of {o} opened"), format!("打开了{}的状态对象", zh_spaced(o)))
            }
            Assertion::NoUiPrompt => String::from(lang.pick("no dialog shown", "没有显示任何对话框")),
            Assertion::PromptShown(t) => {
                by_lang!(lang, format!("{t} showed its dialog"), format!("{t} 显示了它的对话框"))
            }
            Assertion::FlushedThroughSpooler(t) => {
                by_lang!(lang, format!("{t} flushed through the spooler"), format!("通过后台处理程序刷新了 {t}"))
            }
            Assertion::FlushedOnItsOwnObject(t) => by_lang!(
                lang,
                format!("{t} flushed on its own status object"),
                format!("在 {t} 自己的状态对象上调用了 FlushQueues")
            ),
            Assertion::Returned { api, hresult } => {
                by_lang!(lang, format!("{api} returned {hresult}"), format!("{api} 返回过 {hresult}"))
            }
            Assertion::NeverReturned { api, hresult } => {
                by_lang!(lang, format!("{api} never returned {hresult}"), format!("{api} 从未返回 {hresult}"))
            }
            Assertion::FlagsPassed(flags) => {
                by_lang!(lang, format!("FlushQueues called with {flags}"), format!("调用 FlushQueues 时传入了 {flags}"))
            }
            Assertion::AsynchronousFlush => String::from(
                lang.pick("a spooler flush returned before it ended", "有一次后台处理程序的刷新在结束之前就已返回"),
            ),
            Assertion::NothingLeaked => String::from(lang.pick("nothing leaked", "没有泄漏")),
            Assertion::NoScriptErrors => String::from(lang.pick("no run-time error", "没有运行时错误")),
        }
    }

    /// Checks this assertion against a finished run, explaining a failure in English.
    pub fn check(&self, outcome: &Outcome, events: &[Event]) -> Check {
        self.check_in(outcome, events, Lang::En)
    }

    /// Checks this assertion against a finished run, explaining a failure in `lang`.
    pub fn check_in(&self, outcome: &Outcome, events: &[Event], lang: Lang) -> Check {
        let why = self.failure(outcome, events, lang);
        Check { assertion: self.clone(), passed: why.is_none(), why: why.unwrap_or_default() }
    }

    /// `None` when the assertion holds, else the reason in one sentence.
    fn failure(&self, outcome: &Outcome, events: &[Event], lang: Lang) -> Option<String> {
        let no_such = |name: &str| {
            by_lang!(lang, format!("there is no transport named {name}"), format!("没有名为 {name} 的传输提供程序"))
        };
        let still_holds = |name: &str, stuck: &[String]| {
            by_lang!(
                lang,
                format!("{name} still holds {}", list(stuck, lang)),
                format!("{name} 仍留有 {}", list(stuck, lang))
            )
        };
        match self {
            Assertion::AllOutgoingDelivered => {
                let left: Vec<String> = outcome
                    .transports
                    .iter()
                    .filter_map(|t| {
                        let stuck: Vec<String> =
                            t.outbound.iter().chain(&t.deferred).chain(&t.failed).cloned().collect();
                        (!stuck.is_empty()).then(|| still_holds(&t.name, &stuck))
                    })
                    .collect();
                (!left.is_empty()).then(|| left.join(lang.pick(", ", "；")))
            }
            Assertion::AllIncomingReceived => {
                let left: Vec<String> = outcome
                    .transports
                    .iter()
                    .filter(|t| !t.remote.is_empty())
                    .map(|t| {
                        by_lang!(
                            lang,
                            format!("{} still waits on {}", list(&t.remote, lang), t.name),
                            format!("{} 仍在 {} 的远程系统上等待接收", list(&t.remote, lang), t.name)
                        )
                    })
                    .collect();
                (!left.is_empty()).then(|| left.join(lang.pick(", ", "；")))
            }
            Assertion::TransportDelivered(name) => match outcome.transport(name) {
                None => Some(no_such(name)),
                Some(t) => {
                    let stuck: Vec<String> = t.outbound.iter().chain(&t.deferred).chain(&t.failed).cloned().collect();
                    (!stuck.is_empty()).then(|| still_holds(name, &stuck))
                }
            },
            Assertion::TransportUntouched(name) => match outcome.transport(name) {
                None => Some(no_such(name)),
                Some(t) if !t.delivered.is_empty() => Some(by_lang!(
                    lang,
                    format!("{name} sent {}", list(&t.delivered, lang)),
                    format!("{name} 发送了 {}", list(&t.delivered, lang))
                )),
                Some(_) if outcome.ui_prompts.contains(name) => {
                    Some(by_lang!(lang, format!("{name} showed its dialog"), format!("{name} 显示了它的对话框")))
                }
                Some(_) => {
                    let flushed = events.iter().any(|e| matches!(&e.kind, EventKind::XpFlushQueues { transport, .. } if &**transport == name.as_str()));
                    flushed.then(|| {
                        by_lang!(lang, format!("the spooler flushed {name}"), format!("后台处理程序刷新了 {name}"))
                    })
                }
            },
            Assertion::Opened(name) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "OpenEntry" && &c.object == name && c.hresult == HResult::Ok);
                (!done).then(|| {
                    by_lang!(
                        lang,
                        format!("OpenEntry never opened the status object of {name}"),
                        format!("OpenEntry 从未打开{}的状态对象", zh_spaced(name))
                    )
                })
            }
            Assertion::NoUiPrompt => (!outcome.ui_prompts.is_empty()).then(|| {
                by_lang!(
                    lang,
                    format!("dialogs were shown by {}", list(&outcome.ui_prompts, lang)),
                    format!("{} 显示了对话框", list(&outcome.ui_prompts, lang))
                )
            }),
            Assertion::PromptShown(t) => (!outcome.ui_prompts.contains(t))
                .then(|| by_lang!(lang, format!("{t} showed no dialog"), format!("{t} 没有显示对话框"))),
            Assertion::FlushedThroughSpooler(t) => {
                let done = outcome
                    .calls
                    .iter()
                    .any(|c| c.api == "FlushQueues" && c.object == "spooler" && c.target.as_deref() == Some(t));
                (!done).then(|| {
                    by_lang!(
                        lang,
                        format!("no FlushQueues on the spooler named {t} in lpTargetTransport"),
                        format!("没有哪次对后台处理程序的 FlushQueues 调用在 lpTargetTransport 中指定 {t}")
                    )
                })
            }
            Assertion::FlushedOnItsOwnObject(t) => {
                let done = outcome.calls.iter().any(|c| c.api == "FlushQueues" && &c.object == t);
                (!done).then(|| {
                    by_lang!(
                        lang,
                        format!("FlushQueues was never called on {t}'s own status object"),
                        format!("从未在 {t} 自己的状态对象上调用 FlushQueues")
                    )
                })
            }
            Assertion::Returned { api, hresult } => {
                let done = outcome.calls.iter().any(|c| c.api == *api && c.hresult == *hresult);
                (!done).then(|| {
                    by_lang!(
                        lang,
                        format!("no call to {api} returned {hresult}"),
                        format!("没有哪次 {api} 调用返回 {hresult}")
                    )
                })
            }
            Assertion::NeverReturned { api, hresult } => {
                outcome.calls.iter().find(|c| c.api == *api && c.hresult == *hresult).map(|c| {
                    by_lang!(
                        lang,
                        format!("{api} on {} returned {hresult} at line {}", c.object, c.line),
                        format!("第 {} 行对{}的 {api} 调用返回了 {hresult}", c.line, zh_spaced(&c.object))
                    )
                })
            }
            Assertion::FlagsPassed(flags) => {
                let done =
                    outcome.calls.iter().any(|c| c.api == "FlushQueues" && c.flags.is_some_and(|f| f.contains(*flags)));
                (!done).then(|| {
                    by_lang!(
                        lang,
                        format!("no FlushQueues call passed {flags}"),
                        format!("没有哪次 FlushQueues 调用传入了 {flags}")
                    )
                })
            }
            Assertion::AsynchronousFlush => {
                let done =
                    events.iter().any(|e| matches!(e.kind, EventKind::FlushCall { mode: FlushMode::Asynchronous, .. }));
                (!done).then(|| {
                    String::from(lang.pick(
                        "every spooler flush was synchronous (no FLUSH_ASYNC_OK)",
                        "后台处理程序的每次刷新都是同步的（没有传入 FLUSH_ASYNC_OK）",
                    ))
                })
            }
            Assertion::NothingLeaked => (!outcome.leaks.is_empty()).then(|| {
                let leaks: Vec<String> = outcome
                    .leaks
                    .iter()
                    .map(|l| {
                        by_lang!(
                            lang,
                            format!("{} `{}` from line {}", catalog::of(lang).object_kind(l.object), l.var, l.line),
                            format!("第 {} 行创建的{}`{}`", l.line, catalog::of(lang).object_kind(l.object), l.var)
                        )
                    })
                    .collect();
                by_lang!(
                    lang,
                    format!("still open: {}", list(&leaks, lang)),
                    format!("仍未释放：{}", list(&leaks, lang))
                )
            }),
            Assertion::NoScriptErrors => outcome.errors.first().map(|e| {
                by_lang!(
                    lang,
                    format!("line {}:{}: {}", e.line, e.column, catalog::of(lang).runtime_error(&e.error)),
                    format!("第 {} 行第 {} 列：{}", e.line, e.column, catalog::of(lang).runtime_error(&e.error))
                )
            }),
        }
    }
}

/// Checks every assertion of `goal`, in order, explaining failures in English.
pub fn check_all(goal: &[Assertion], outcome: &Outcome, events: &[Event]) -> Vec<Check> {
    check_all_in(goal, outcome, events, Lang::En)
}

/// Checks every assertion of `goal`, in order, explaining failures in `lang`.
pub fn check_all_in(goal: &[Assertion], outcome: &Outcome, events: &[Event], lang: Lang) -> Vec<Check> {
    goal.iter().map(|a| a.check_in(outcome, events, lang)).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::lan_and_modem;
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
        let faults = vec![Fault { transport: TransportId(0), kind: FaultKind::MessageFails("a".into()) }];
        let leaky = PRESET_SPOOLER.replace("Release(table)\n", "");
        let (o, e) = run(&leaky, faults);
        assert_eq!(Assertion::AllOutgoingDelivered.check(&o, &e).why, "LAN still holds a");
        let leak = Assertion::NothingLeaked.check(&o, &e);
        assert_eq!(leak.why, "still open: status table (IMAPITable) `table` from line 1");
        let busy = Assertion::NeverReturned { api: "FlushQueues", hresult: HResult::Busy };
        assert!(busy.check(&o, &e).passed);
        assert_eq!(format!("{}", busy), "FlushQueues never returned MAPI_E_BUSY");
        assert_eq!(busy.title_in(Lang::Zh), "FlushQueues 从未返回 MAPI_E_BUSY");
        assert_eq!(Assertion::AllOutgoingDelivered.check_in(&o, &e, Lang::Zh).why, "LAN 仍留有 a");
        assert_eq!(
            Assertion::NothingLeaked.check_in(&o, &e, Lang::Zh).why,
            "仍未释放：第 1 行创建的状态表（IMAPITable）`table`"
        );
        let spooler = Assertion::NeverReturned { api: "OpenEntry", hresult: HResult::Ok };
        assert_eq!(spooler.check_in(&o, &e, Lang::Zh).why, "第 4 行对后台处理程序的 OpenEntry 调用返回了 S_OK");
        assert_eq!(Assertion::Opened("LAN".into()).title_in(Lang::Zh), "打开了 LAN 的状态对象");
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
