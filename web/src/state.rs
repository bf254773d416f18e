//! The playground's state and the actions that change it (a Yew `Reducible`).
//!
//! Every input (script, scenario, answers) lives here; the run is derived from
//! them by the core and recomputed on each change. Changing an input at a past
//! step keeps the answers given before that step and discards the rest, so the
//! future forks from there.

use crate::i18n::ui::Speed;
use crate::i18n::Lang;
use crate::run::Run;
use crate::Ptr;
use flushq_core::mapi::FlushFlags;
use flushq_core::script::set_flush_flags;
use flushq_core::trace::Answer;
use flushq_core::Scenario;
use flushq_explain::predict::Question;
use std::rc::Rc;
use yew::Reducible;

/// Playback speeds, in milliseconds per step, and their names.
pub const SPEEDS: [(u32, Speed); 4] =
    [(1200, Speed::Slow), (600, Speed::Normal), (250, Speed::Fast), (16, Speed::Full)];

/// Which side panel is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The client script.
    Script,
    /// Transports, queues and faults.
    Scenario,
    /// The tutorial's lessons.
    Lessons,
}

/// The preset a first visit opens.
pub const DEFAULT_PRESET: &str = "spooler-upload";

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    /// The scenario being edited, script included. Shared: an action clones the
    /// state, and a large scenario must not be copied on every step.
    pub scenario: Rc<Scenario>,
    /// Answers to the dialogs, in the order they appear.
    pub answers: Vec<Answer>,
    /// The run derived from `scenario` and `answers` (compared by identity: a
    /// run is recomputed only when its inputs change, and a deep comparison of
    /// its events would cost a frame, and the bundle the code of comparing them).
    pub run: Ptr<Run>,
    /// The last run whose script was valid, shown while the script has errors.
    pub last_good: Ptr<Run>,
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
    /// The lesson being worked on, by id.
    pub lesson: Option<String>,
    /// Hints of that lesson shown so far.
    pub hints: usize,
    /// Predict mode: stepping forward stops at each question until it is answered.
    pub predict: bool,
    /// The run's questions while predict mode is on (empty otherwise).
    pub questions: Rc<[Question]>,
    /// Answers given in predict mode: (event index, choice). Those after the step
    /// where the run changes are dropped with the future they were about.
    pub guesses: Vec<(usize, usize)>,
    /// The learner's script, kept while a lesson's solution is in the editor.
    pub mine: Option<String>,
    /// The page's language.
    pub lang: Lang,
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
    /// Switch the page's language.
    Lang(Lang),
    /// Turn predict mode on or off.
    Predict(bool),
    /// Answer the question pending at this step with choice N, then reveal the step.
    Guess(usize),
    /// Start a lesson: its scenario, its starting script.
    StartLesson(String),
    /// Show the next hint of the lesson.
    Hint,
    /// Leave the lesson (the scenario and script stay).
    LeaveLesson,
    /// Put the lesson's solution in the editor, keeping the learner's script.
    UseSolution,
    /// Put the learner's script back.
    RestoreScript,
    /// Replace everything (a share link or the saved session).
    Restore { scenario: Box<Scenario>, answers: Vec<Answer>, step: u32 },
}

impl Playground {
    /// A playground showing `scenario` at step 0.
    pub fn new(scenario: Scenario, answers: Vec<Answer>, preset: Option<String>) -> Self {
        let run = Ptr::new(Run::compute(&scenario, &answers));
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
            lesson: None,
            hints: 0,
            predict: false,
            questions: Rc::from(Vec::new()),
            guesses: Vec::new(),
            mine: None,
            lang: Lang::EN,
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
        self.run = Ptr::new(Run::compute(&self.scenario, &self.answers));
        if !self.run.is_error() {
            self.last_good = self.run.clone();
        }
        self.step = self.step.min(self.shown().len());
        self.preset = None;
        self.refresh_questions();
    }

    /// Recomputes predict mode's questions for the current run. The run changed at
    /// the current step, so the past and the answers given in it stay.
    fn refresh_questions(&mut self) {
        let step = self.step;
        self.guesses.retain(|(i, _)| *i < step);
        self.questions = if self.predict { self.shown().questions().into() } else { Rc::from(Vec::new()) };
    }

    /// The question that must be answered before the next step is revealed.
    pub fn pending_question(&self) -> Option<&Question> {
        let q = self.questions.iter().find(|q| q.index == self.step)?;
        (!self.guesses.iter().any(|(i, _)| *i == q.index)).then_some(q)
    }

    /// The question of the step just revealed, with the learner's answer.
    pub fn answered_question(&self) -> Option<(&Question, usize)> {
        let index = self.step.checked_sub(1)?;
        let q = self.questions.iter().find(|q| q.index == index)?;
        self.guesses.iter().find(|(i, _)| *i == index).map(|(_, c)| (q, *c))
    }

    /// Right answers and answers given so far.
    pub fn score(&self) -> (usize, usize) {
        let right = self
            .guesses
            .iter()
            .filter(|(i, c)| self.questions.iter().any(|q| q.index == *i && q.check(*c).correct))
            .count();
        (right, self.guesses.len())
    }

    /// `next`, keeping this state's preferences (speed, language) and showing `panel`.
    fn replaced(&self, next: Playground, panel: Panel) -> Playground {
        let mut next = Playground { panel, speed: self.speed, lang: self.lang, predict: self.predict, ..next };
        next.refresh_questions();
        next
    }

    fn goto(&mut self, step: usize) {
        self.step = step.min(self.shown().len());
        if self.step == self.shown().len() {
            self.playing = false;
        }
    }

    /// One step forward; predict mode holds the step back until its question is answered.
    fn forward(&mut self) {
        if self.pending_question().is_some() {
            self.playing = false;
        } else {
            self.goto(self.step + 1);
        }
    }

    fn set_predict(&mut self, on: bool) {
        self.predict = on;
        self.refresh_questions();
    }

    /// Answers the pending question with `choice` and reveals the step. A key for
    /// a choice the question does not have is no answer.
    fn guess(&mut self, choice: usize) {
        if let Some(q) = self.pending_question().filter(|q| choice < q.choices.len()) {
            self.guesses.push((q.index, choice));
            self.goto(self.step + 1);
        }
    }

    /// Plays or pauses; playing at the end starts again from step 0.
    fn toggle_play(&mut self) {
        if self.step >= self.shown().len() && !self.playing {
            self.step = 0;
        }
        self.playing = !self.playing && !self.shown().is_empty();
    }

    fn reset(&mut self) {
        self.step = 0;
        self.playing = false;
    }

    /// Replaces the script and runs it again.
    fn set_script(&mut self, text: String) {
        Rc::make_mut(&mut self.scenario).script = text;
        self.recompute();
    }

    /// Sets the flags of every FlushQueues call, if the script parses.
    fn set_flags(&mut self, flags: FlushFlags) {
        if let Some(text) = set_flush_flags(&self.scenario.script, flags) {
            self.set_script(text);
        }
    }

    fn set_scenario(&mut self, scenario: Scenario) {
        self.scenario = Rc::new(scenario);
        self.recompute();
    }

    /// The panel to show after loading something that is not a lesson.
    fn panel_outside_lessons(&self) -> Panel {
        if self.panel == Panel::Lessons {
            Panel::Script
        } else {
            self.panel
        }
    }

    fn load_preset(&mut self, name: &str) {
        if let Some(p) = Playground::from_preset(name) {
            *self = self.replaced(p, self.panel_outside_lessons());
        }
    }

    /// Answers the dialog shown at this step; later answers are dropped, so the
    /// future forks from here.
    fn answer(&mut self, answer: Answer) {
        let index = self.shown().view_at(self.step).prompts_shown.saturating_sub(1);
        self.answers.truncate(index);
        self.answers.push(answer);
        self.run = Ptr::new(Run::compute(&self.scenario, &self.answers));
        self.last_good = self.run.clone();
        self.refresh_questions();
        self.goto(self.step + 1);
    }

    fn start_lesson(&mut self, id: String) {
        if let Some(lesson) = flushq_explain::lessons::lesson(&id) {
            let scenario = lesson.scenario(lesson.start);
            *self = self.replaced(Playground::new(scenario, Vec::new(), None), Panel::Lessons);
            self.lesson = Some(id);
        }
    }

    /// Leaves the lesson. A peeked solution goes away with it; the learner's script comes back.
    fn leave_lesson(&mut self) {
        self.restore_script();
        self.lesson = None;
        self.hints = 0;
    }

    /// Puts the lesson's solution in the editor, keeping the learner's script aside.
    fn use_solution(&mut self) {
        if let Some(lesson) = self.lesson.as_deref().and_then(flushq_explain::lessons::lesson) {
            let mine = std::mem::replace(&mut Rc::make_mut(&mut self.scenario).script, lesson.solution.into());
            self.mine.get_or_insert(mine);
            self.recompute();
        }
    }

    /// Puts the learner's script back, if the solution is in the editor.
    fn restore_script(&mut self) {
        if let Some(mine) = self.mine.take() {
            self.set_script(mine);
        }
    }

    /// Replaces everything with a share link's or the saved session's state.
    fn restore(&mut self, scenario: Scenario, answers: Vec<Answer>, step: u32) {
        *self = self.replaced(Playground::new(scenario, answers, None), self.panel_outside_lessons());
        self.goto(step as usize);
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Goto(n) => s.goto(n),
            Action::Forward | Action::Tick => s.forward(),
            Action::Predict(on) => s.set_predict(on),
            Action::Guess(choice) => s.guess(choice),
            Action::Back => s.goto(s.step.saturating_sub(1)),
            Action::Home => s.goto(0),
            Action::End => s.goto(usize::MAX),
            Action::TogglePlay => s.toggle_play(),
            Action::Play(play) if play != s.playing => s.toggle_play(),
            Action::Play(_) => {}
            Action::Speed(ms) => s.speed = ms,
            Action::Reset => s.reset(),
            Action::Script(text) => s.set_script(text),
            Action::Flags(flags) => s.set_flags(flags),
            Action::Scenario(scenario) => s.set_scenario(*scenario),
            Action::Preset(name) => s.load_preset(&name),
            Action::Answer(answer) => s.answer(answer),
            Action::StartLesson(id) => s.start_lesson(id),
            Action::Hint => s.hints += 1,
            Action::LeaveLesson => s.leave_lesson(),
            Action::UseSolution => s.use_solution(),
            Action::RestoreScript => s.restore_script(),
            Action::Panel(p) => s.panel = p,
            Action::Help(open) => s.help = open,
            Action::Lang(lang) => s.lang = lang,
            Action::Restore { scenario, answers, step } => s.restore(*scenario, answers, step),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn reduce(s: Playground, a: Action) -> Playground {
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

/// Lessons, predict mode and the language: the tutorial's side of the state.
#[cfg(test)]
mod tutorial_tests {
    use super::tests::reduce;
    use super::*;
    use flushq_explain::predict::Ask;

    #[test]
    fn a_lesson_loads_its_scenario_and_starting_script() {
        let s = Playground::from_preset("spooler-upload").unwrap();
        let s = reduce(s, Action::StartLesson(String::from("per-transport-fallback")));
        assert_eq!(s.lesson.as_deref(), Some("per-transport-fallback"));
        assert_eq!(s.panel, Panel::Lessons);
        let lesson = flushq_explain::lessons::lesson("per-transport-fallback").unwrap();
        assert_eq!(s.scenario.script, lesson.start);
        assert_eq!(s.scenario.transports.len(), 2);
        let s = reduce(reduce(s, Action::Hint), Action::Hint);
        assert_eq!(s.hints, 2);
        let s = reduce(s, Action::LeaveLesson);
        assert_eq!((s.lesson.as_deref(), s.hints), (None, 0));
    }

    #[test]
    fn the_solution_goes_in_the_editor_and_the_learners_script_comes_back() {
        let s = Playground::from_preset("spooler-upload").unwrap();
        let s = reduce(s, Action::StartLesson(String::from("find-the-spooler")));
        let s = reduce(s, Action::Script(String::from("table = session.GetStatusTable()\n// mine\n")));
        let s = reduce(s, Action::UseSolution);
        let lesson = flushq_explain::lessons::lesson("find-the-spooler").unwrap();
        assert_eq!(s.scenario.script, lesson.solution);
        assert_eq!(s.step, 0, "putting the solution in does not run it forward");
        // Editing the solution still keeps the learner's own script aside.
        let s = reduce(s, Action::Script(format!("{}// tweak\n", lesson.solution)));
        assert_eq!(s.mine.as_deref(), Some("table = session.GetStatusTable()\n// mine\n"));
        let back = reduce(s.clone(), Action::RestoreScript);
        assert_eq!(
            (back.scenario.script.as_str(), back.mine.as_deref()),
            ("table = session.GetStatusTable()\n// mine\n", None)
        );
        let left = reduce(s, Action::LeaveLesson);
        assert_eq!(
            left.scenario.script, "table = session.GetStatusTable()\n// mine\n",
            "leaving drops the peek, not the work"
        );
    }

    #[test]
    fn predict_mode_holds_each_question_until_it_is_answered() {
        let s = Playground::from_preset("async-ok-busy").unwrap();
        let s = reduce(s, Action::Predict(true));
        assert!(!s.questions.is_empty());
        let first = s.questions[0].clone();
        // Play: the run stops right before the first question's step.
        let mut s = reduce(s, Action::TogglePlay);
        while s.playing {
            s = reduce(s, Action::Tick);
        }
        assert_eq!(s.step, first.index, "stopped before the step to predict");
        assert_eq!(s.pending_question(), Some(&first));
        let held = reduce(s.clone(), Action::Forward);
        assert_eq!(held.step, first.index, "→ waits for the answer too");
        // A wrong answer reveals the step and counts.
        let wrong = (first.answer + 1) % first.choices.len();
        let s = reduce(s, Action::Guess(wrong));
        assert_eq!(s.step, first.index + 1);
        assert_eq!(s.answered_question().map(|(q, c)| (q.index, c)), Some((first.index, wrong)));
        assert_eq!(s.score(), (0, 1));
        // A choice the question does not have (key 4 of three options) is ignored.
        let s = reduce(s.clone(), Action::Goto(s.questions[1].index));
        let ignored = reduce(s.clone(), Action::Guess(s.questions[1].choices.len()));
        assert_eq!((ignored.step, ignored.score()), (s.step, (0, 1)));
        // Jumping is always allowed; a right answer later counts as right.
        let second = s.questions[1].clone();
        let s = reduce(s, Action::Goto(second.index));
        let s = reduce(s, Action::Guess(second.answer));
        assert_eq!(s.score(), (1, 2));
        // Off: no questions, stepping is free.
        let off = reduce(s, Action::Predict(false));
        assert!(off.questions.is_empty() && off.pending_question().is_none());
    }

    #[test]
    fn answers_before_a_fork_survive_it() {
        let s = Playground::from_preset("modem-ignores-no-ui").unwrap();
        let mut s = reduce(s, Action::Predict(true));
        let q = s.questions[0].clone();
        s = reduce(s, Action::Goto(q.index));
        s = reduce(s, Action::Guess(q.answer));
        s = reduce(s, Action::End);
        assert!(s.run.waiting.is_some());
        let s = reduce(s, Action::Answer(Answer::Cancel));
        assert_eq!(s.score(), (1, 1), "the answer given before the dialog stays");
        assert!(s
            .questions
            .iter()
            .all(|q| [Ask::Actor, Ask::StatusBit, Ask::HResult, Ask::XpHResult].contains(&q.ask)));
    }

    #[test]
    fn the_language_survives_loading_a_preset_or_a_lesson() {
        let s = Playground::from_preset("spooler-upload").unwrap();
        let s = reduce(s, Action::Lang(Lang::ZH));
        let s = reduce(s, Action::Preset(String::from("link-down")));
        assert_eq!(s.lang, Lang::ZH);
        let s = reduce(s, Action::StartLesson(String::from("find-the-spooler")));
        assert_eq!(s.lang, Lang::ZH);
    }
}
