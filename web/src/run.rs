//! A computed run: the events of a scenario and exact views at any step, kept as
//! checkpoints so jumping to step N replays at most `CHECKPOINT` events.

use flushq_core::scenario::ScenarioError;
use flushq_core::script::Diagnostic;
use flushq_core::trace::{Answer, Event, Outcome, View};
use flushq_core::{LoadError, Machine, Scenario, Step, TransportId};
use flushq_explain::predict::Question;

/// Events between two stored views: a jump folds at most this many events. Views
/// share their queues, so a checkpoint costs bytes per transport, not per message.
pub const CHECKPOINT: usize = 256;

/// A scenario run as far as it can go without asking the visitor.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Every event, in order.
    pub events: Vec<Event>,
    checkpoints: Vec<View>,
    /// Why the script cannot run (syntax or name errors); empty when it ran.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the scenario cannot run, when it is not the script.
    pub scenario_error: Option<ScenarioError>,
    /// The transport whose dialog waits for the visitor's answer at the last step.
    pub waiting: Option<TransportId>,
    /// The outcome at the last computed step.
    pub outcome: Outcome,
}

impl Run {
    /// Predict mode's questions for this run (a fold over every event: asked for
    /// only when predict mode is on).
    pub fn questions(&self) -> Vec<Question> {
        flushq_explain::predict::questions(&self.checkpoints[0], &self.events)
    }

    /// Runs `scenario`, answering the `i`-th dialog with `answers[i]`. A dialog with
    /// no answer stops the run there (`waiting`), unless the scenario itself makes
    /// the user cancel it (a `user_cancels` fault).
    pub fn compute(scenario: &Scenario, answers: &[Answer]) -> Run {
        let mut machine = match Machine::new(scenario) {
            Ok(m) => m,
            Err(e) => return Run::failed(scenario, e),
        };
        let mut view = View::unstarted(scenario);
        let mut checkpoints = vec![view.clone()];
        let mut waiting = None;
        loop {
            let before = machine.events().len();
            match machine.step() {
                Step::Finished => break,
                Step::Prompt { transport, default } => {
                    let answer = match answers.get(view.prompts_shown.saturating_sub(1)) {
                        Some(a) => *a,
                        None if default == Answer::Cancel => default,
                        None => {
                            waiting = Some(transport);
                            break;
                        }
                    };
                    machine.answer_prompt(answer).expect("a dialog waits");
                }
                Step::Events(events) => {
                    for (i, e) in events.iter().enumerate() {
                        view.apply(e);
                        if (before + i + 1) % CHECKPOINT == 0 {
                            checkpoints.push(view.clone());
                        }
                    }
                }
            }
        }
        let outcome = machine.outcome();
        Run {
            events: machine.into_events(),
            checkpoints,
            diagnostics: Vec::new(),
            scenario_error: None,
            waiting,
            outcome,
        }
    }

    fn failed(scenario: &Scenario, e: LoadError) -> Run {
        // The session can still be drawn: only the input is wrong.
        let (diagnostics, scenario_error) = match e {
            LoadError::Script(d) => (d, None),
            LoadError::Scenario(e) => (Vec::new(), Some(e)),
        };
        Run {
            events: Vec::new(),
            checkpoints: vec![View::unstarted(scenario)],
            diagnostics,
            scenario_error,
            waiting: None,
            outcome: Outcome::default(),
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when nothing ran.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// True when the script could not start.
    pub fn is_error(&self) -> bool {
        !self.diagnostics.is_empty() || self.scenario_error.is_some()
    }

    /// The view after `step` events (0 = before the first), exactly.
    pub fn view_at(&self, step: usize) -> View {
        let step = step.min(self.len());
        let k = (step / CHECKPOINT).min(self.checkpoints.len() - 1);
        let mut view = self.checkpoints[k].clone();
        for e in &self.events[k * CHECKPOINT..step] {
            view.apply(e);
        }
        view
    }

    /// The event shown at `step` (the last one applied), if any.
    pub fn event_at(&self, step: usize) -> Option<&Event> {
        step.checked_sub(1).and_then(|i| self.events.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(name: &str) -> Scenario {
        let p = flushq_scenario::preset(name).unwrap();
        flushq_scenario::load(p.toml, flushq_scenario::Format::Toml).unwrap()
    }

    #[test]
    fn a_dialog_without_an_answer_stops_the_run_and_an_answer_continues_it() {
        let s = preset("spooler-upload");
        let asked = Run::compute(&s, &[]);
        assert_eq!(asked.waiting, Some(TransportId(1)), "Dial-up asks");
        assert!(asked.view_at(asked.len()).prompt.is_some());
        let connected = Run::compute(&s, &[Answer::Connect]);
        assert_eq!(connected.waiting, None);
        assert_eq!(connected.outcome.transport("Dial-up").unwrap().delivered, ["c"]);
        // The future forks, the past does not.
        assert_eq!(connected.events[..asked.len()], asked.events[..]);
        let cancelled = Run::compute(&s, &[Answer::Cancel]);
        assert_eq!(cancelled.outcome.transport("Dial-up").unwrap().outbound, ["c"]);
    }

    #[test]
    fn views_from_checkpoints_equal_a_straight_fold() {
        let mut s = preset("per-transport-upload");
        s.transports[0].outbound = (0..1200).map(|i| format!("m{i}")).collect();
        let run = Run::compute(&s, &[]);
        assert!(run.len() > 3 * CHECKPOINT);
        let mut straight = run.view_at(0);
        for (i, e) in run.events.iter().enumerate() {
            straight.apply(e);
            assert_eq!(run.view_at(i + 1), straight, "step {}", i + 1);
        }
    }

    #[test]
    fn a_broken_script_still_draws_the_session() {
        let mut s = preset("spooler-upload");
        s.script = String::from("table = session.GetStatusTable(\n");
        let run = Run::compute(&s, &[]);
        assert!(run.is_error() && run.is_empty());
        assert_eq!(run.view_at(0).transports.len(), 2);
    }
}
