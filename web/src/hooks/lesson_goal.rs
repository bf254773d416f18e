//! The open lesson's goal: checked by the core against the learner's scenario,
//! and a solve reported when it is reached.

use crate::Ptr;
use flushq_core::Scenario;
use flushq_explain::lessons::{lesson, Verdict};
use std::rc::Rc;
use yew::prelude::*;

/// The goal of lesson `id` checked against `scenario` (script included); `None`
/// without a lesson or while the script cannot run. Checked again only when one
/// of the two changes (the verdict is facts: each language renders it).
#[hook]
pub fn use_verdict(id: Option<AttrValue>, scenario: Ptr<Scenario>) -> Rc<Option<Verdict>> {
    use_memo((id, scenario), |(id, scenario)| {
        id.as_deref().and_then(lesson).and_then(|l| l.check_scenario(scenario).ok())
    })
}

/// Emits `(id, statements)` on `on_solved` when `verdict` passes: once per
/// script that reaches the goal, and not when the goal is reached by the
/// solution put in the editor (`peeking`).
#[hook]
pub fn use_solve_report(
    id: Option<AttrValue>,
    verdict: Option<&Verdict>,
    peeking: bool,
    on_solved: &Callback<(String, usize)>,
) {
    let solved = verdict.filter(|v| v.passed() && !peeking).map(|v| v.statements);
    let on_solved = on_solved.clone();
    use_effect_with((id, solved), move |(id, solved)| {
        if let (Some(id), Some(n)) = (id, solved) {
            on_solved.emit((id.to_string(), *n));
        }
    });
}
