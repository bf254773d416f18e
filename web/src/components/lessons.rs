//! The tutorial: the lesson track, the current lesson's goal checked live by the
//! core, a golf score against par, hints on demand, the solution as a diff
//! against the learner's script, and progress kept in localStorage (exportable).

use super::prose;
use crate::browser;
use crate::hooks::{use_solve_report, use_verdict};
use crate::i18n::ui;
use crate::i18n::{t, use_lang, Lang};
use crate::state::Action;
use crate::Ptr;
use flushq_core::Scenario;
use flushq_explain::lessons::{lesson, lessons, Lesson, Verdict};
use std::borrow::Cow;
use yew::prelude::*;

pub use crate::progress::Progress;

/// A line diff of `old` against `new`: (`' '`, `'-'` or `'+'`, line).
pub fn line_diff<'a>(old: &'a str, new: &'a str) -> Vec<(char, &'a str)> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Longest common subsequence table, from the end.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] > lcs[i + 1][j]) {
            out.push(('+', b[j]));
            j += 1;
        } else {
            out.push(('-', a[i]));
            i += 1;
        }
    }
    out
}

/// Properties of [`Lessons`].
#[derive(Properties, PartialEq)]
pub struct LessonsProps {
    /// The lesson being worked on.
    pub lesson: Option<AttrValue>,
    /// Hints shown so far.
    pub hints: usize,
    /// The learner's scenario, script included: goals may be reached by editing either.
    pub scenario: Ptr<Scenario>,
    /// The learner's own script, kept aside while the solution is in the editor.
    pub mine: Option<AttrValue>,
    /// Saved progress.
    pub progress: Progress,
    /// A lesson was solved: (id, statements).
    pub on_solved: Callback<(String, usize)>,
    /// Progress export.
    pub on_export: Callback<()>,
    /// Text of an imported progress file.
    pub on_import: Callback<String>,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
}

/// A button that dispatches `a`.
fn act(on_action: &Callback<Action>, a: Action) -> Callback<MouseEvent> {
    on_action.reform(move |_: MouseEvent| a.clone())
}

/// The lessons panel: the track, or the current lesson with its live goal.
#[function_component(Lessons)]
pub fn lessons_panel(props: &LessonsProps) -> Html {
    let lang = use_lang();
    let show_solution = use_state(|| false);
    let verdict = use_verdict(props.lesson.clone(), props.scenario.clone());
    use_solve_report(props.lesson.clone(), (*verdict).as_ref(), props.mine.is_some(), &props.on_solved);
    match props.lesson.as_deref().and_then(lesson) {
        Some(current) => current_lesson(props, current, (*verdict).as_ref(), &show_solution, lang),
        None => track(props, lang),
    }
}

/// The track: every lesson with its best score, and progress export and import.
fn track(props: &LessonsProps, lang: Lang) -> Html {
    let on_import = props.on_import.clone();
    let on_import = Callback::from(move |e: Event| {
        let on_import = on_import.clone();
        browser::read_file(&e.target_unchecked_into(), move |text| on_import.emit(text));
    });
    let solved = lessons().iter().filter(|l| props.progress.best(l.id).is_some()).count();
    let total = lessons().len();
    html! {
        <section class="panel lessons" aria-labelledby="lessons-head">
            <h2 id="lessons-head">{ t(lang, ui::Lessons::Heading) }
                <small>{ t(lang, ui::Lessons::Solved { solved, total }) }</small></h2>
            <p class="hint">{ t(lang, ui::Lessons::TrackIntro) }</p>
            <ol class="lesson-list">
                { for lessons().iter().map(|l| track_item(props, l, lang)) }
            </ol>
            <div class="row">
                <button type="button" onclick={props.on_export.reform(|_| ())}>{ t(lang, ui::Lessons::ExportProgress) }</button>
                <label class="import">{ t(lang, ui::Lessons::ImportProgress) }<input type="file" accept=".txt,text/plain" onchange={on_import} /></label>
            </div>
        </section>
    }
}

/// One lesson of the track: solved or not, its title, its score against par.
fn track_item(props: &LessonsProps, l: &Lesson, lang: Lang) -> Html {
    let best = props.progress.best(l.id);
    html! {
        <li key={l.id} class={classes!(best.is_some().then_some("solved"))}>
            <button type="button" onclick={act(&props.on_action, Action::StartLesson(l.id.to_string()))}>
                <span class="mark" aria-hidden="true">{ if best.is_some() { "✓" } else { "○" } }</span>
                <span class="name">{ l.title.get(lang) }</span>
                <span class="score">{ t(lang, match best {
                    Some(best) => ui::Lessons::Best { best, par: l.par },
                    None => ui::Lessons::Par(l.par),
                }) }</span>
            </button>
        </li>
    }
}

/// The lesson being worked on: its goal checked live, the score, the next
/// lesson once solved, hints and the solution.
fn current_lesson(
    props: &LessonsProps,
    current: &Lesson,
    verdict: Option<&Verdict>,
    show_solution: &UseStateHandle<bool>,
    lang: Lang,
) -> Html {
    let passed = verdict.is_some_and(Verdict::passed);
    let statements = verdict.map_or(0, |v| v.statements);
    let hints = current.hints.len();
    let shown = props.hints.min(hints);
    // The track goes on: once the goal is reached, the next lesson is one click away.
    let next = lessons().iter().skip_while(|l| l.id != current.id).nth(1).filter(|_| passed);
    html! {
        <section class="panel lessons" aria-labelledby="lesson-head">
            <div class="row"><button type="button" onclick={act(&props.on_action, Action::LeaveLesson)}>{ t(lang, ui::Lessons::AllLessons) }</button></div>
            <h2 id="lesson-head">{ current.title.get(lang) }</h2>
            <p>{ prose(current.intro.get(lang)) }</p>
            <h3>{ t(lang, ui::Lessons::Goal) }</h3>
            { goal(verdict, lang) }
            <p class={classes!("golf", passed.then_some("done"))}>
                { golf(passed, statements, current.par, lang) }
            </p>
            if let Some(next) = next {
                <p class="row"><button type="button" class="primary" onclick={act(&props.on_action, Action::StartLesson(next.id.to_string()))}>
                    { t(lang, ui::Lessons::Next(next.title.get(lang))) }</button></p>
            }
            { help_buttons(props, show_solution, hints, shown, lang) }
            if shown > 0 {
                <ol class="hints">
                    { for current.hints.iter().take(shown).map(|h| html! { <li>{ prose(h.get(lang)) }</li> }) }
                </ol>
            }
            if **show_solution {
                { solution(props, current, lang) }
            }
        </section>
    }
}

/// The goal's assertions, each passing or failing with its reason.
fn goal(verdict: Option<&Verdict>, lang: Lang) -> Html {
    html! {
        <ul class="goal" aria-live="polite">
            { for verdict.iter().flat_map(|v| v.checks.iter()).map(|c| html! {
                <li class={classes!(if c.passed { "pass" } else { "fail" })}>
                    <span class="mark" aria-hidden="true">{ if c.passed { "✓" } else { "✗" } }</span>
                    <span>{ c.assertion.title_in(lang) }</span>
                    if !c.passed { <span class="why">{ t(lang, ui::Lessons::Colon) }{ prose(&c.why_in(lang)) }</span> }
                </li>
            }) }
            if verdict.is_none() {
                <li class="fail">{ t(lang, ui::Lessons::NotRunning) }</li>
            }
        </ul>
    }
}

/// The golf line: statements against par.
fn golf(passed: bool, statements: usize, par: usize, lang: Lang) -> Cow<'static, str> {
    t(lang, if passed { ui::Lessons::Reached { statements, par } } else { ui::Lessons::Golf { statements, par } })
}

/// The next hint, and showing or hiding the solution.
fn help_buttons(
    props: &LessonsProps,
    show_solution: &UseStateHandle<bool>,
    hints: usize,
    shown: usize,
    lang: Lang,
) -> Html {
    let toggle = {
        let show = show_solution.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };
    html! {
        <div class="row">
            <button type="button" disabled={props.hints >= hints} onclick={act(&props.on_action, Action::Hint)}>
                { t(lang, ui::Lessons::Hint { shown, of: hints }) }
            </button>
            <button type="button" onclick={toggle} aria-expanded={show_solution.to_string()}>
                { t(lang, if **show_solution { ui::Lessons::HideSolution } else { ui::Lessons::ShowSolution }) }</button>
        </div>
    }
}

/// The solution as a diff against the learner's script, and the button that
/// puts it in the editor (or the learner's script back).
fn solution(props: &LessonsProps, current: &Lesson, lang: Lang) -> Html {
    let mine = props.mine.as_deref().unwrap_or(&props.scenario.script);
    html! {
        <div class="solution">
            <p class="hint">{ t(lang, ui::Lessons::DiffIntro) }</p>
            <pre class="diff">
                { for line_diff(mine, current.solution).into_iter().map(|(k, line)| {
                    let class = match k { '+' => "add", '-' => "del", _ => "same" };
                    html! { <div class={class}>{ format!("{k} {line}") }</div> }
                }) }
            </pre>
            if props.mine.is_some() {
                <button type="button" onclick={act(&props.on_action, Action::RestoreScript)}>
                    { t(lang, ui::Lessons::BackToMine) }</button>
            } else {
                <button type="button" onclick={act(&props.on_action, Action::UseSolution)}>
                    { t(lang, ui::Lessons::UseSolution) }</button>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_keeps_the_best_score_and_round_trips() {
        let mut p = Progress::default();
        assert!(p.record("find-the-spooler", 9));
        assert!(p.record("find-the-spooler", 7));
        assert!(!p.record("find-the-spooler", 8));
        assert_eq!(p.best("find-the-spooler"), Some(7));
        let back = Progress::parse(&format!("{}junk line\nno-such-lesson 3\n", p.to_text()));
        assert_eq!(back, p);
    }

    #[test]
    fn diffs_mark_removed_and_added_lines() {
        let d = line_diff("a\nb\nc\n", "a\nx\nc\n");
        assert_eq!(d, [(' ', "a"), ('-', "b"), ('+', "x"), (' ', "c")]);
        assert!(line_diff("same\n", "same\n").iter().all(|(k, _)| *k == ' '));
    }
}
