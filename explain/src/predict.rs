//! Predict mode: at chosen steps of a run the learner predicts what happens next
//! (who acts, which status bit flips, which HRESULT comes back) before the step
//! is revealed, and the core checks the answer.
//!
//! [`questions`] picks the teaching moments from the trace alone and always the
//! same ones: no randomness, choices in a fixed order. The core stays
//! language-neutral: a [`Choice`] labels itself with MAPI's own names, the UI
//! phrases the question from its [`Ask`] and explains with the step's narration.

use crate::{catalog, Lang};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_core::mapi::{HResult, StatusCode};
use flushq_core::trace::{Actor, Event, EventKind, FlushMode, Name, View};

/// At most this many questions per run: predict mode is a quiz, not every step.
pub const MAX_QUESTIONS: usize = 12;

/// What the learner predicts about the step at [`Question::index`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ask {
    /// Who acts in the step.
    Actor,
    /// Which bit of [`Question::object`]'s `PR_STATUS_CODE` flips, and which way.
    StatusBit,
    /// The HRESULT the client's `IMAPIStatus::FlushQueues` on [`Question::object`]
    /// (`spooler` or a transport) returns. For a synchronous call the step is the
    /// one where the spooler's flush ends with it, just before the call returns.
    HResult,
    /// The HRESULT [`Question::object`]'s `IXPLogon::FlushQueues` returns to the spooler.
    XpHResult,
}

/// One option the learner can pick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// This object acts.
    Actor(Actor),
    /// `bit` (a single bit) of `object`'s status row becomes set (`set`) or clear.
    Bit {
        /// The transport whose row changes.
        object: Name,
        /// One `PR_STATUS_CODE` bit.
        bit: StatusCode,
        /// True when it is set, false when it is cleared.
        set: bool,
    },
    /// This HRESULT comes back.
    HResult(HResult),
}

impl Choice {
    /// The option as shown, in MAPI's English names: `spooler`, `Dial-up`,
    /// `STATUS_OUTBOUND_FLUSH set`, `MAPI_E_BUSY`.
    pub fn label(&self) -> String {
        match self {
            Choice::Actor(a) => String::from(catalog::of(Lang::EN).actor(a)),
            Choice::Bit { bit, set, .. } => format!("{bit} {}", if *set { "set" } else { "cleared" }),
            Choice::HResult(hr) => String::from(hr.name()),
        }
    }
}

/// A prediction to make before the step at `index` is revealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The step to predict, as an index into the run's events; the learner has
    /// seen every event before it.
    pub index: usize,
    /// What to predict.
    pub ask: Ask,
    /// What the question is about, for the UI's wording: the transport whose row
    /// changes ([`Ask::StatusBit`]), the object the client called ([`Ask::HResult`]),
    /// the transport returning ([`Ask::XpHResult`]); `None` for [`Ask::Actor`],
    /// where naming anyone would give the answer away.
    pub object: Option<Name>,
    /// Three or four distinct options, in a fixed order.
    pub choices: Vec<Choice>,
    /// The right option's index in `choices`.
    pub answer: usize,
}

/// The result of checking the learner's pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The pick was the right option.
    pub correct: bool,
    /// The right option's index, to highlight.
    pub expected: usize,
}

impl Question {
    /// Checks the pick `choice` (an index into `choices`); one out of range is
    /// simply wrong.
    pub fn check(&self, choice: usize) -> Verdict {
        Verdict { correct: choice == self.answer, expected: self.answer }
    }
}

/// The status bits a question offers, each the one way it can still flip.
const ASKED_BITS: StatusCode = StatusCode::STATUS_OFFLINE
    .union(StatusCode::STATUS_FAILURE)
    .union(StatusCode::STATUS_INBOUND_FLUSH)
    .union(StatusCode::STATUS_OUTBOUND_FLUSH);

/// The questions for a run: `initial` is the view before its first event.
///
/// Moments, at most one question per event, in priority order:
/// - a single status bit flips on a transport's row (folded with [`View`]);
/// - `FlushQueues` returns to the client; for a synchronous call the question is
///   asked one step earlier, where the spooler's flush ends with that HRESULT,
///   because that step would give the answer away;
/// - a transport's `IXPLogon::FlushQueues` returns to the spooler;
/// - who acts right after the client's `FlushQueues` (the spooler starting the
///   flush, or a transport marking its own row), or a transport showing a dialog.
///
/// A question whose answer was already asked with the same [`Ask`] is skipped
/// (client calls on the spooler and on a transport count apart): every transport
/// follows the same protocol, so a repeat teaches nothing. At most
/// [`MAX_QUESTIONS`], earliest first.
pub fn questions(initial: &View, events: &[Event]) -> Vec<Question> {
    let mut view = initial.clone();
    let mut out = Vec::new();
    let mut asked: Vec<(Ask, bool, String)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if out.len() >= MAX_QUESTIONS {
            break;
        }
        let row = |v: &View| {
            let t = match &e.kind {
                EventKind::Status { transport, .. }
                | EventKind::LinkDown { transport, .. }
                | EventKind::DropsFlushBits { transport, .. } => v.transport_index(transport)?,
                _ => return None,
            };
            let row = v.transports.get(t)?.row;
            v.status.get(row).copied()
        };
        let before = row(&view);
        view.apply(e);
        let flip = before.zip(row(&view)).map(|(b, a)| (b, b ^ a));
        let prev = i.checked_sub(1).and_then(|p| events.get(p));
        for (ask, object, answer) in moments(e, prev, events.get(i + 1), flip) {
            let key = (ask, ask == Ask::HResult && object.as_deref() == Some("spooler"), answer.label());
            if asked.contains(&key) {
                continue;
            }
            let job_end = matches!(e.kind, EventKind::SpoolerEnd { .. });
            if let Some((choices, at)) = options(ask, &answer, &view, before, job_end) {
                asked.push(key);
                out.push(Question { index: i, ask, object, choices, answer: at });
                break;
            }
        }
    }
    out
}

/// The candidate questions at event `e` (ask, object, right answer), best first.
fn moments(
    e: &Event,
    prev: Option<&Event>,
    next: Option<&Event>,
    flip: Option<(StatusCode, StatusCode)>,
) -> Vec<(Ask, Option<Name>, Choice)> {
    let mut c = Vec::new();
    match &e.kind {
        EventKind::Status { transport, .. }
        | EventKind::LinkDown { transport, .. }
        | EventKind::DropsFlushBits { transport, .. } => {
            // Only when a single one of the bits the options name flips
            // (STATUS_OFFLINE replacing STATUS_AVAILABLE counts): then exactly
            // one option is true.
            if let Some((before, flipped)) = flip {
                let bit = flipped & ASKED_BITS;
                if bit.bits().is_power_of_two() {
                    let answer = Choice::Bit { object: transport.clone(), bit, set: !before.contains(bit) };
                    c.push((Ask::StatusBit, Some(transport.clone()), answer));
                }
            }
        }
        EventKind::FlushReturn { object, hr, .. } => {
            let revealed = matches!(prev.map(|p| &p.kind), Some(EventKind::SpoolerEnd { hr: h }) if h == hr);
            if !revealed {
                c.push((Ask::HResult, Some(object.as_str().into()), Choice::HResult(*hr)));
            }
        }
        EventKind::SpoolerEnd { hr } => {
            if let Some(EventKind::FlushReturn { object, hr: h, .. }) = next.map(|n| &n.kind) {
                if h == hr {
                    c.push((Ask::HResult, Some(object.as_str().into()), Choice::HResult(*hr)));
                }
            }
        }
        EventKind::XpReturn { transport, hr } => {
            c.push((Ask::XpHResult, Some(transport.clone()), Choice::HResult(*hr)));
        }
        EventKind::Prompt { .. } => c.push((Ask::Actor, None, Choice::Actor(e.actor.clone()))),
        _ => {}
    }
    // Who acts once the client has called FlushQueues: the spooler, or the called
    // transport itself (it only marks its row); later interleaved steps are left out.
    if let Some(EventKind::FlushCall { object, mode, .. }) = prev.filter(|p| p.actor == Actor::Client).map(|p| &p.kind)
    {
        let caused = match &e.actor {
            Actor::Spooler => matches!(e.kind, EventKind::SpoolerBegin { .. }),
            Actor::Transport(t) => **t == **object,
            _ => false,
        };
        if caused && *mode != FlushMode::Refused {
            c.push((Ask::Actor, None, Choice::Actor(e.actor.clone())));
        }
    }
    c
}

/// The options for `answer` and its index among them, or `None` when fewer than
/// three plausible ones exist. `before` is the row's status before a bit flips;
/// `job_end` says an HRESULT is the one a spooler's flush ended with.
fn options(
    ask: Ask,
    answer: &Choice,
    view: &View,
    before: Option<StatusCode>,
    job_end: bool,
) -> Option<(Vec<Choice>, usize)> {
    use HResult::*;
    let mut pool: Vec<Choice> = match (ask, answer) {
        // The actors present in the run, in a fixed order.
        (Ask::Actor, _) => [Actor::Client, Actor::Spooler]
            .into_iter()
            .chain(view.transports.iter().map(|t| Actor::Transport(t.name.clone())))
            .map(Choice::Actor)
            .collect(),
        // Each flush-related bit the one way it can still flip, so every option
        // could happen and only the answer does.
        (Ask::StatusBit, Choice::Bit { object, .. }) => {
            let before = before?;
            ASKED_BITS
                .iter()
                .map(|b| Choice::Bit { object: object.clone(), bit: b, set: !before.contains(b) })
                .collect()
        }
        // IXPLogon::FlushQueues and a spooler flush return S_OK whatever happened
        // (trouble shows in the status rows): the other two are what a learner
        // might expect. A call that returns at once succeeds or is refused.
        (Ask::XpHResult, _) => [Ok, UserCancel, NetworkError].map(Choice::HResult).into(),
        (Ask::HResult, _) if job_end => [Ok, UserCancel, NetworkError].map(Choice::HResult).into(),
        (Ask::HResult, _) => [Ok, NoSupport, Busy, InvalidParameter].map(Choice::HResult).into(),
        (Ask::StatusBit, _) => return None,
    };
    if !pool.contains(answer) {
        pool.insert(0, answer.clone());
    }
    let mut others = 0;
    pool.retain(|c| {
        c == answer || {
            others += 1;
            others <= 3
        }
    });
    // Fixed order whatever the answer: bits and HRESULTs by value, actors as listed.
    flushq_core::sort::sort_by_key(&mut pool, |c| match c {
        Choice::Actor(_) => 0,
        Choice::Bit { bit, .. } => u64::from(bit.bits()),
        Choice::HResult(hr) => u64::from(hr.code()),
    });
    let at = pool.iter().position(|c| c == answer)?;
    (pool.len() >= 3).then_some((pool, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::lan_and_modem;
    use alloc::vec;
    use flushq_core::script::PRESET_SPOOLER;
    use flushq_core::Machine;

    /// The view before the run and the events of `script` over a LAN and a modem
    /// without STATUS_FLUSH_QUEUES.
    fn run(script: &str) -> (View, Vec<Event>) {
        let mut m = Machine::new(&lan_and_modem(script, &[], vec![])).unwrap();
        let initial = View::initial(m.world());
        m.run();
        (initial, m.events().to_vec())
    }

    fn answers(qs: &[Question]) -> Vec<(Ask, String)> {
        qs.iter().map(|q| (q.ask, q.choices[q.answer].label())).collect()
    }

    #[test]
    fn labels_use_mapi_names() {
        let bit = |set| Choice::Bit { object: "LAN".into(), bit: StatusCode::STATUS_OUTBOUND_FLUSH, set };
        assert_eq!(bit(true).label(), "STATUS_OUTBOUND_FLUSH set");
        assert_eq!(bit(false).label(), "STATUS_OUTBOUND_FLUSH cleared");
        assert_eq!(Choice::Actor(Actor::Spooler).label(), "spooler");
        assert_eq!(Choice::Actor(Actor::Transport("Dial-up".into())).label(), "Dial-up");
        assert_eq!(Choice::HResult(HResult::Busy).label(), "MAPI_E_BUSY");
    }

    #[test]
    fn a_pick_out_of_range_is_wrong_not_a_panic() {
        let q = Question {
            index: 0,
            ask: Ask::HResult,
            object: None,
            choices: [HResult::Ok, HResult::Busy, HResult::NoSupport].map(Choice::HResult).into(),
            answer: 1,
        };
        assert_eq!(q.check(1), Verdict { correct: true, expected: 1 });
        assert_eq!(q.check(0), Verdict { correct: false, expected: 1 });
        assert!(!q.check(usize::MAX).correct);
    }

    #[test]
    fn procedure_a_asks_who_flushes_then_the_protocol() {
        let (initial, events) = run(PRESET_SPOOLER);
        let qs = questions(&initial, &events);
        let a = answers(&qs);
        assert_eq!(a[0], (Ask::Actor, "spooler".into()), "the spooler, not the client, starts the flush");
        assert_eq!(a[1], (Ask::StatusBit, "STATUS_OUTBOUND_FLUSH set".into()));
        assert!(a.contains(&(Ask::Actor, "Modem".into())), "the modem ignores FLUSH_NO_UI: {a:?}");
        assert_eq!(a.iter().filter(|x| x.0 == Ask::StatusBit && x.1.ends_with(" set")).count(), 1, "no repeats");
        for q in &qs {
            assert!((3..=4).contains(&q.choices.len()));
            assert!(q.choices.iter().enumerate().all(|(i, c)| !q.choices[i + 1..].contains(c)));
        }
        assert_eq!(questions(&initial, &events), qs);
    }

    #[test]
    fn a_refused_call_asks_for_its_hresult() {
        let script = "table = session.GetStatusTable()\n\
            table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)\n\
            rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)\n\
            for row in rows {\n\
                xp = session.OpenEntry(row.PR_ENTRYID)\n\
                xp.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)\n\
                Release(xp)\n\
            }\n\
            Release(table)\n\
            FreeProws(rows)\n";
        let (initial, events) = run(script);
        let qs = questions(&initial, &events);
        let q = qs.iter().find(|q| q.choices[q.answer] == Choice::HResult(HResult::NoSupport)).expect("asked");
        assert_eq!((q.ask, q.object.as_deref()), (Ask::HResult, Some("Modem")));
        assert!(matches!(events[q.index].kind, EventKind::FlushReturn { hr: HResult::NoSupport, .. }));
    }

    #[test]
    fn any_input_is_safe() {
        let (initial, events) = run(PRESET_SPOOLER);
        assert!(questions(&initial, &[]).is_empty());
        // A trace cut anywhere, or started mid-run, gives fewer questions, never a panic.
        let _ = questions(&initial, &events[5..]);
        for n in 0..events.len() {
            assert!(questions(&initial, &events[..n]).len() <= MAX_QUESTIONS);
        }
    }
}
