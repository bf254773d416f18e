//! Simulation harness shared by flushq's tests: runs a scenario step by step and
//! checks the model's invariants after every step.

use flushq_core::mapi::FlushFlags;
use flushq_core::session::{MsgId, Place};
use flushq_core::trace::{EventKind, TransportOutcome, View};
use flushq_core::{Machine, Scenario};

/// Loads a shipped preset by name.
pub fn preset(name: &str) -> Scenario {
    let p = flushq_scenario::preset(name).unwrap_or_else(|| panic!("no preset {name}"));
    flushq_scenario::load(p.toml, flushq_scenario::Format::Toml).unwrap_or_else(|d| panic!("{name}: {d:?}"))
}

/// A violated invariant, with the step it was seen at.
#[derive(Debug, PartialEq, Eq)]
pub struct Violation {
    /// Step number (events so far).
    pub step: usize,
    /// What went wrong.
    pub what: String,
}

/// Runs `scenario` to its end (at most `max_steps` machine steps), checking after
/// every step that:
/// - every message is in exactly one place (never lost, never duplicated);
/// - the modem line is held only by the transport being flushed;
/// - a transport whose flush completed with FLUSH_UPLOAD has no message left in
///   its outbound queue;
/// - the [`View`] folded from the events alone agrees with the machine's state.
pub fn run_checked(scenario: &Scenario, max_steps: usize) -> Result<Machine, Violation> {
    let mut m = Machine::new(scenario).map_err(|e| Violation { step: 0, what: format!("load: {e:?}") })?;
    let mut flags = FlushFlags::empty();
    let mut view = View::initial(m.world());
    for _ in 0..max_steps {
        let before = m.events().len();
        if m.step_with_defaults().is_none() {
            return Ok(m);
        }
        let step = m.events().len();
        let fail = |what: String| Err(Violation { step, what });
        // Exactly one place per message (nondelivery reports join the arena as they are written).
        let mut seen = vec![0u32; m.world().messages.len()];
        for (MsgId(id), _) in m.world().places() {
            seen[id as usize] += 1;
        }
        if let Some((id, n)) = seen.iter().enumerate().find(|(_, n)| **n != 1) {
            return fail(format!("message {} ({}) is in {n} places", id, m.world().messages[id].subject));
        }
        if let Some(holder) = m.world().modem_line {
            if m.spooler().active_transport() != Some(holder) {
                return fail(format!("modem line held by transport {holder}, which is not being flushed"));
            }
        }
        for e in &m.events()[before..] {
            view.apply(e);
        }
        // Simulated time never goes backwards.
        if let Some(w) = m.events()[before.saturating_sub(1)..].windows(2).find(|w| w[1].time_ms < w[0].time_ms) {
            return fail(format!("time went back from {} to {} ms", w[0].time_ms, w[1].time_ms));
        }
        if view.time_ms != m.now_ms() {
            return fail(format!("time: view {} machine {}", view.time_ms, m.now_ms()));
        }
        if let Some(why) = view_disagrees(&view, &m) {
            return fail(why);
        }
        for e in &m.events()[before..] {
            match &e.kind {
                EventKind::SpoolerBegin { flags: f, .. } => flags = *f,
                EventKind::TransportDone { transport, outcome: TransportOutcome::Completed }
                    if flags.contains(FlushFlags::FLUSH_UPLOAD) =>
                {
                    let t = m.world().transports.iter().find(|t| &t.name == transport).expect("transport");
                    if !t.outbound.is_empty() {
                        return fail(format!("{transport} completed an upload flush with messages still queued"));
                    }
                }
                _ => {}
            }
        }
    }
    Err(Violation { step: m.events().len(), what: format!("did not finish within {max_steps} steps") })
}

/// Where each message of `m` is, by subject, for assertions.
pub fn place_of(m: &Machine, subject: &str) -> Option<Place> {
    let w = m.world();
    w.places().into_iter().find(|(id, _)| w.subject(*id) == subject).map(|(_, p)| p)
}

/// Where the folded view and the machine's world differ, if anywhere.
pub fn view_disagrees(view: &View, m: &Machine) -> Option<String> {
    let w = m.world();
    let ids = |q: &mut dyn Iterator<Item = &MsgId>| -> Vec<u32> { q.map(|i| i.0).collect() };
    for (i, row) in w.rows.iter().enumerate() {
        if view.status[i] != row.status {
            return Some(format!("row {} status: view {} world {}", row.display_name, view.status[i], row.status));
        }
    }
    for (t, (v, x)) in view.queues.iter().zip(&w.transports).enumerate() {
        let world_queues = [
            ids(&mut x.outbound.iter()),
            ids(&mut x.delivered.iter()),
            ids(&mut x.deferred.iter()),
            ids(&mut x.failed.iter()),
            ids(&mut x.remote.iter()),
        ];
        let view_queues: [Vec<u32>; 5] = [
            v.outbound.iter().collect(),
            v.delivered.iter().collect(),
            v.deferred.clone(),
            v.failed.iter().collect(),
            v.remote.iter().collect(),
        ];
        for (q, (a, b)) in view_queues.iter().zip(&world_queues).enumerate() {
            if a != b {
                return Some(format!("transport {t} queue {q}: view {a:?} world {b:?}"));
            }
        }
    }
    for (t, (v, x)) in view.queues.iter().zip(&w.transports).enumerate() {
        let world = (x.in_transit.map(|m| m.0), x.receiving.map(|m| m.0));
        if (v.in_transit, v.receiving) != world {
            return Some(format!(
                "transport {t} in transit / receiving: view {:?} world {world:?}",
                (v.in_transit, v.receiving)
            ));
        }
    }
    for &id in &w.inbox {
        if view.subject(id.0) != w.subject(id) {
            return Some(format!(
                "subject of message {}: view {:?} world {:?}",
                id.0,
                view.subject(id.0),
                w.subject(id)
            ));
        }
    }
    if view.progress.is_some() != m.spooler().current.as_ref().is_some_and(|r| r.progress) {
        return Some(format!("progress indicator: view {:?}", view.progress));
    }
    let inbox: Vec<u32> = view.inbox.iter().map(|(m, _)| m).collect();
    if inbox != ids(&mut w.inbox.iter()) {
        return Some(format!("inbox: view {inbox:?}"));
    }
    if view.modem_line != w.modem_line {
        return Some(format!("modem line: view {:?} world {:?}", view.modem_line, w.modem_line));
    }
    if view.prompt.map(|p| p.transport) != m.pending_prompt() {
        return Some(format!("prompt: view {:?} machine {:?}", view.prompt, m.pending_prompt()));
    }
    let live = m.handles().live().count();
    let view_live = view.handles.iter().filter(|h| h.released.is_none()).count();
    if live != view_live {
        return Some(format!("handles: view {view_live} live, machine {live}"));
    }
    None
}
