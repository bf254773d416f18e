//! The playground's state and the actions that change it (a Yew `Reducible`).
//!
//! Every input (script, scenario, answers) lives here; the run is derived from
//! them by the core and recomputed on each change. Changing an input at a past
//! step keeps the answers given before that step and discards the rest, so the
//! future forks from there.

use crate::run::Run;
use flushq_core::mapi::FlushFlags;
use flushq_core::script::set_flush_flags;
use flushq_core::trace::Answer;
use flushq_core::Scenario;
use std::rc::Rc;
use yew::Reducible;

/// Playback speeds, in milliseconds per step.
pub const SPEEDS: [(u32, &str); 4] = [(1200, "slow"), (600, "normal"), (250, "fast"), (16, "full")];

/// Which side panel is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The client script.
    Script,
    /// Transports, queues and faults.
    Scenario,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    /// The scenario being edited, script included. Shared: an action clones the
    /// state, and a large scenario must not be copied on every step.
    pub scenario: Rc<Scenario>,
    /// Answers to the dialogs, in the order they appear.
    pub answers: Vec<Answer>,
    /// The run derived from `scenario` and `answers`.
    pub run: Rc<Run>,
    /// The last run whose script was valid, shown while the script has errors.
    pub last_good: Rc<Run>,
    /// Events shown: 0 is before the first event.
    pub step: usize,
    /// Playing.
    pub playing: bool,
    /// Milliseconds per step while playing.
    pub speed: u32,
    /// The open side panel.
    pub panel: Panel,
    /// The shortcuts overlay is open.
    pub help: bool,
    /// The preset this state came from, if unchanged since.
    pub preset: Option<String>,
}

/// What the visitor can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show step N.
    Goto(usize),
    /// One step forward.
    Forward,
    /// One step back.
    Back,
    /// To the first step.
    Home,
    /// To the last step.
    End,
    /// Play or pause.
    TogglePlay,
    /// Play (`true`) or pause (`false`), from an embedding page.
    Play(bool),
    /// A timer tick while playing.
    Tick,
    /// Set the playback speed.
    Speed(u32),
    /// Back to step 0, paused.
    Reset,
    /// Replace the script text.
    Script(String),
    /// Set the flags of every FlushQueues call in the script.
    Flags(FlushFlags),
    /// Replace the scenario (from the scenario editor).
    Scenario(Box<Scenario>),
    /// Load a shipped scenario.
    Preset(String),
    /// Answer the dialog shown at the current step.
    Answer(Answer),
    /// Switch panels.
    Panel(Panel),
    /// Open or close the shortcuts overlay.
    Help(bool),
    /// Replace everything (a share link or the saved session).
    Restore { scenario: Box<Scenario>, answers: Vec<Answer>, step: u32 },
}

impl Playground {
    /// A playground showing `scenario` at step 0.
    pub fn new(scenario: Scenario, answers: Vec<Answer>, preset: Option<String>) -> Self {
        let run = Rc::new(Run::compute(&scenario, &answers));
        Playground {
            scenario: Rc::new(scenario),
            answers,
            last_good: run.clone(),
            run,
            step: 0,
            playing: false,
            speed: SPEEDS[1].0,
            panel: Panel::Script,
            help: false,
            preset,
        }
    }

    /// A shipped scenario by name.
    pub fn from_preset(name: &str) -> Option<Self> {
        let p = flushq_scenario::preset(name)?;
        let s = flushq_scenario::load(p.toml, flushq_scenario::Format::Toml).ok()?;
        Some(Playground::new(s, Vec::new(), Some(name.to_string())))
    }

    /// The run to draw: the current one, or the last good one while the script is broken.
    pub fn shown(&self) -> &Run {
        if self.run.is_error() {
            &self.last_good
        } else {
            &self.run
        }
    }

    /// Recomputes the run after an input changed at the current step: answers
    /// given for dialogs shown up to now are kept, later ones are dropped.
    fn recompute(&mut self) {
        let shown = self.shown().view_at(self.step).prompts_shown;
        self.answers.truncate(shown);
        self.run = Rc::new(Run::compute(&self.scenario, &self.answers));
        if !self.run.is_error() {
            self.last_good = self.run.clone();
        }
        self.step = self.step.min(self.shown().len());
        self.preset = None;
    }

    fn goto(&mut self, step: usize) {
        self.step = step.min(self.shown().len());
        if self.step == self.shown().len() {
            self.playing = false;
        }
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Goto(n) => s.goto(n),
            Action::Forward | Action::Tick => s.goto(s.step + 1),
            Action::Back => s.goto(s.step.saturating_sub(1)),
            Action::Home => s.goto(0),
            Action::End => s.goto(usize::MAX),
            Action::TogglePlay => {
                if s.step >= s.shown().len() && !s.playing {
                    s.step = 0;
                }
                s.playing = !s.playing && !s.shown().is_empty();
            }
            Action::Play(play) => {
                if play != s.playing {
                    return Rc::new(s).reduce(Action::TogglePlay);
                }
            }
            Action::Speed(ms) => s.speed = ms,
            Action::Reset => {
                s.step = 0;
                s.playing = false;
            }
            Action::Script(text) => {
                Rc::make_mut(&mut s.scenario).script = text;
                s.recompute();
            }
            Action::Flags(flags) => {
                if let Some(text) = set_flush_flags(&s.scenario.script, flags) {
                    Rc::make_mut(&mut s.scenario).script = text;
                    s.recompute();
                }
            }
            Action::Scenario(scenario) => {
                s.scenario = Rc::new(*scenario);
                s.recompute();
            }
            Action::Preset(name) => {
                if let Some(p) = Playground::from_preset(&name) {
                    s = Playground { panel: s.panel, speed: s.speed, ..p };
                }
            }
            Action::Answer(answer) => {
                let index = s.shown().view_at(s.step).prompts_shown.saturating_sub(1);
                s.answers.truncate(index);
                s.answers.push(answer);
                s.run = Rc::new(Run::compute(&s.scenario, &s.answers));
                s.last_good = s.run.clone();
                s.goto(s.step + 1);
            }
            Action::Panel(p) => s.panel = p,
            Action::Help(open) => s.help = open,
            Action::Restore { scenario, answers, step } => {
                s = Playground { panel: s.panel, speed: s.speed, ..Playground::new(*scenario, answers, None) };
                s.goto(step as usize);
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: Playground, a: Action) -> Playground {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn answering_at_a_past_dialog_forks_the_future() {
        let mut s = Playground::from_preset("modem-ignores-no-ui").unwrap();
        s = reduce(s, Action::End);
        let first_prompt = s.step;
        assert!(s.run.waiting.is_some());
        s = reduce(s, Action::Answer(Answer::Connect));
        s = reduce(s, Action::End);
        s = reduce(s, Action::Answer(Answer::Connect));
        s = reduce(s, Action::End);
        assert_eq!(s.answers, [Answer::Connect, Answer::Connect]);
        assert_eq!(s.run.outcome.transport("Home Modem").unwrap().delivered, ["report"]);
        // Back to the first dialog and cancel it instead: the second answer is gone.
        s = reduce(s, Action::Goto(first_prompt));
        s = reduce(s, Action::Answer(Answer::Cancel));
        assert_eq!(s.answers, [Answer::Cancel]);
        assert_eq!(s.run.outcome.transport("Home Modem").unwrap().outbound, ["report"]);
    }

    #[test]
    fn toggling_a_fault_at_a_past_step_keeps_the_past_and_forks_the_future() {
        let s = Playground::from_preset("link-down").unwrap();
        let s = reduce(s, Action::End);
        let failed_at =
            s.run.events.iter().position(|e| matches!(e.kind, flushq_core::trace::EventKind::LinkDown { .. })).unwrap();
        let s = reduce(s, Action::Goto(failed_at));
        let before: Vec<_> = s.run.events[..failed_at].to_vec();
        let mut scenario = (*s.scenario).clone();
        scenario.faults.clear();
        let s = reduce(s, Action::Scenario(Box::new(scenario)));
        assert_eq!(s.step, failed_at, "the visitor stays where they were");
        assert_eq!(s.run.events[..failed_at], before[..], "the past is unchanged");
        assert_eq!(s.run.outcome.transport("Dial-up").unwrap().delivered, ["c"], "a new future");
    }

    #[test]
    fn a_broken_script_keeps_the_text_and_the_last_good_run() {
        let s = Playground::from_preset("spooler-upload").unwrap();
        let good = s.run.len();
        let s = reduce(s, Action::Script(String::from("table = (")));
        assert_eq!(s.scenario.script, "table = (");
        assert!(s.run.is_error());
        assert_eq!(s.shown().len(), good);
    }

    #[test]
    fn flags_rewrite_the_script() {
        let s = Playground::from_preset("spooler-upload").unwrap();
        let s = reduce(s, Action::Flags(FlushFlags::FLUSH_NO_UI | FlushFlags::FLUSH_DOWNLOAD));
        assert!(s.scenario.script.contains("spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)"));
        assert!(s.run.outcome.inbox.contains(&String::from("r1")));
    }
}
