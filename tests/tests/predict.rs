//! Predict mode over every shipped preset: each question's answer is what the
//! trace shows at its step, recomputed here from the event and the folded view.

use flushq_core::trace::{Event, EventKind, View};
use flushq_core::Machine;
use flushq_explain::describe;
use flushq_explain::predict::{questions, Ask, Choice, Question};
use flushq_tests::{preset, run_checked};

/// The view before the first event and the events of preset `name`.
fn run(name: &str) -> (View, Vec<Event>) {
    let s = preset(name);
    let initial = View::initial(Machine::new(&s).unwrap().world());
    let m = run_checked(&s, 100_000).unwrap_or_else(|v| panic!("{name}: {v:?}"));
    (initial, m.events().to_vec())
}

/// Why question `q` disagrees with the trace, if it does.
fn disagrees(q: &Question, initial: &View, events: &[Event]) -> Option<String> {
    let e = events.get(q.index)?;
    let right = q.choices.get(q.answer)?;
    if !(3..=4).contains(&q.choices.len()) {
        return Some(format!("{} choices", q.choices.len()));
    }
    for (i, a) in q.choices.iter().enumerate() {
        if q.choices[i + 1..].contains(a) {
            return Some(format!("{} twice", a.label()));
        }
    }
    let hr = match (&e.kind, events.get(q.index + 1).map(|n| &n.kind)) {
        (EventKind::FlushReturn { hr, .. }, _) => Some(*hr),
        // Asked where the flush ends, one step before it returns to the client.
        (EventKind::SpoolerEnd { hr }, Some(EventKind::FlushReturn { hr: h, .. })) if h == hr => Some(*hr),
        (EventKind::XpReturn { hr, .. }, _) if q.ask == Ask::XpHResult => Some(*hr),
        _ => None,
    };
    let ok = match (q.ask, right) {
        (Ask::Actor, Choice::Actor(a)) => *a == e.actor,
        (Ask::HResult | Ask::XpHResult, Choice::HResult(h)) => hr == Some(*h),
        (Ask::StatusBit, Choice::Bit { .. }) => {
            let mut before = initial.clone();
            for x in &events[..q.index] {
                before.apply(x);
            }
            let mut after = before.clone();
            after.apply(e);
            // Exactly the right option is a flip visible between the two views.
            let shows = |c: &Choice| match c {
                Choice::Bit { object, bit, set } => {
                    let row = after.transports[after.transport_index(object).unwrap()].row;
                    before.status[row].contains(*bit) != after.status[row].contains(*bit)
                        && after.status[row].contains(*bit) == *set
                }
                _ => false,
            };
            q.choices.iter().enumerate().all(|(i, c)| shows(c) == (i == q.answer))
        }
        _ => false,
    };
    (!ok).then(|| format!("{:?} answer {} does not match step {}", q.ask, right.label(), e.step))
}

#[test]
fn every_answer_is_what_the_trace_shows() {
    for p in flushq_scenario::presets() {
        let (initial, events) = run(p.name);
        let qs = questions(&initial, &events);
        assert!(
            !qs.is_empty() && qs.len() <= flushq_explain::predict::MAX_QUESTIONS,
            "{}: {} questions",
            p.name,
            qs.len()
        );
        assert!(qs.windows(2).all(|w| w[0].index < w[1].index), "{}: one question per step, in order", p.name);
        for q in &qs {
            if let Some(why) = disagrees(q, &initial, &events) {
                panic!("{}: {why}: {q:?}", p.name);
            }
            assert!(q.check(q.answer).correct);
            assert!(!q.check(q.choices.len()).correct && !q.check(usize::MAX).correct);
            assert!((0..q.choices.len()).filter(|&i| q.check(i).correct).count() == 1);
        }
        assert_eq!(questions(&initial, &events), qs, "{}: deterministic", p.name);
        let (again, events2) = run(p.name);
        assert_eq!(questions(&again, &events2), qs, "{}: the same from a fresh run", p.name);
    }
}

#[test]
fn the_key_moments_are_asked() {
    let asks = |name: &str| {
        let (initial, events) = run(name);
        questions(&initial, &events).iter().map(|q| (q.ask, q.choices[q.answer].label())).collect::<Vec<_>>()
    };
    let has = |name: &str, ask: Ask, label: &str| {
        let a = asks(name);
        assert!(a.iter().any(|(k, l)| *k == ask && l == label), "{name}: no {ask:?} {label} in {a:?}");
    };
    has("async-ok-busy", Ask::HResult, "MAPI_E_BUSY");
    has("spooler-upload", Ask::Actor, "spooler");
    has("spooler-upload", Ask::Actor, "Dial-up");
    has("per-transport-download", Ask::StatusBit, "STATUS_INBOUND_FLUSH set");
    has("fallback-no-flush-method", Ask::Actor, "spooler");
    // A cancelled connection and a dead link still return S_OK; the status row tells.
    has("ras-user-cancels", Ask::XpHResult, "S_OK");
    has("ras-user-cancels", Ask::StatusBit, "STATUS_OFFLINE set");
    has("ras-user-cancels", Ask::HResult, "S_OK");
    has("link-down", Ask::StatusBit, "STATUS_FAILURE set");
}

/// The questions as a reviewer reads them: the step, what is asked, the options
/// with the right one starred, then what the step shows.
fn listing(name: &str) -> String {
    let (initial, events) = run(name);
    let mut s = String::new();
    for q in questions(&initial, &events) {
        let e = &events[q.index];
        let about = q.object.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
        let opts: Vec<String> = q
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| if i == q.answer { format!("[{}]", c.label()) } else { c.label() })
            .collect();
        s += &format!("step {:>2} {:?}{about}: {}\n", e.step, q.ask, opts.join(" | "));
        s += &format!(
            "         shows: {}: {}\n",
            flushq_explain::catalog::of(flushq_explain::Lang::EN).actor(&e.actor),
            describe(&e.kind)
        );
    }
    s
}

#[test]
fn questions_read_well() {
    insta::assert_snapshot!("async_ok_busy", listing("async-ok-busy"));
    insta::assert_snapshot!("per_transport_download", listing("per-transport-download"));
}
