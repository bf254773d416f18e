//! What the page shows at the current step, derived from the state on each render.

use crate::i18n::{t, ui};
use crate::run::Run;
use crate::state::Playground;
use crate::Ptr;
use flushq_core::trace::{Basis, Event, View};
use flushq_explain::narrate_in;
use flushq_explain::Lang;

/// The current step of the run drawn.
pub struct Frame {
    /// The run drawn: the current one, or the last good one while the script is broken.
    pub run: Ptr<Run>,
    /// Events shown.
    pub step: usize,
    /// The view at this step.
    pub view: Ptr<View>,
    /// What happens and why, in one sentence.
    pub narration: String,
    /// "Step N", in the page's language.
    pub step_label: String,
    /// The reference page and section this step follows (`None` at step 0).
    pub basis: Option<Basis>,
    /// The page's language.
    pub lang: Lang,
    /// Status rows whose status changed at this step.
    pub changed: Vec<usize>,
}

impl Frame {
    /// The frame of `state`'s current step.
    pub fn of(state: &Playground) -> Frame {
        let run = if state.run.is_error() { state.last_good.clone() } else { state.run.clone() };
        let step = state.step;
        let lang = state.lang;
        let view = Ptr::new(run.view_at(step));
        let before = run.view_at(step.saturating_sub(1));
        let event = run.event_at(step);
        let narration = narration(&run, event, &before, lang);
        // The simulated time, in SI units whatever the language (`8.021s`).
        let time = event.map(|e| format!(" · {}", flushq_explain::seconds(e.time_ms))).unwrap_or_default();
        let step_label = t(lang, ui::Page::StepNo(step)).into_owned() + &time;
        let changed = changed_rows(&before, &view, step);
        let basis = event.map(|e| e.kind.basis());
        Frame { run, step, view, narration, step_label, basis, lang, changed }
    }

    /// The event of this step (`None` at step 0).
    pub fn event(&self) -> Option<&Event> {
        self.run.event_at(self.step)
    }
}

/// The narration of `event` (seen from the view `before` it), or what to do
/// when nothing has happened yet.
fn narration(run: &Run, event: Option<&Event>, before: &View, lang: Lang) -> String {
    match event {
        Some(e) => narrate_in(e, before, lang),
        None if run.is_empty() => t(lang, ui::Page::NothingRan).into_owned(),
        None => t(lang, ui::Page::NothingYet).into_owned(),
    }
}

/// The status rows that differ between `before` and `view` (none at step 0).
fn changed_rows(before: &View, view: &View, step: usize) -> Vec<usize> {
    (0..view.status.len()).filter(|&i| step > 0 && before.status[i] != view.status[i]).collect()
}
