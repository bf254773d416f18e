//! The page layout: the full playground (header, inputs, simulation) or an
//! embed's chosen parts, and what both show (diagram, narration, dialogs, help).

use super::frame::Frame;
use super::sharing::Sharing;
use crate::components::controls::Controls;
use crate::components::diagram::Diagram;
use crate::components::editor::Editor;
use crate::components::flags::Flags;
use crate::components::header::Header;
use crate::components::help::Help;
use crate::components::lessons::Lessons;
use crate::components::predict::Predict;
use crate::components::prompt::Prompt;
use crate::components::scenario_editor::ScenarioEditor;
use crate::components::status_table::StatusTable;
use crate::components::trace_list::TraceList;
use crate::embed::{Embed, Part};
use crate::hooks::{LessonProgress, Toast};
use crate::i18n::{t, ui};
use crate::state::{Action, Panel, Playground};
use crate::Ptr;
use flushq_core::trace::{Basis, EventKind};
use flushq_explain::Lang;
use yew::prelude::*;

/// What every part of the page is drawn from.
pub struct Page<'a> {
    /// The state.
    pub state: &'a Playground,
    /// The current step.
    pub frame: &'a Frame,
    /// The scenario's title, in the page's language where it has one.
    pub title: String,
    /// Dispatches actions (stable across renders).
    pub on_action: &'a Callback<Action>,
}

/// An embed: the chosen parts with minimal chrome.
pub fn embed_page(page: &Page, e: &Embed, open_url: Option<String>) -> Html {
    let Page { state, frame, on_action, .. } = page;
    let info = e.shows(Part::Table) || e.shows(Part::Trace);
    html! {
        <div class="app embed">
            { embed_head(page, open_url) }
            if e.shows(Part::Script) {
                { editor(page, e.readonly) }
            }
            if e.shows(Part::Diagram) {
                { diagram(frame) }
            }
            if e.shows(Part::Narration) {
                { narration(frame) }
            }
            if e.shows(Part::Controls) {
                <Controls step={frame.step} len={frame.run.len()} playing={state.playing} speed={state.speed} on_action={(*on_action).clone()} />
            }
            if info {
                { embed_info(page, e) }
            }
            { for prompt(page) }
            { help(page) }
        </div>
    }
}

/// An embed's title, with a link to the full playground in the same state.
fn embed_head(page: &Page, open_url: Option<String>) -> Html {
    let lang = page.state.lang;
    html! {
        <header class="embed-head">
            <h2 class="scenario-title">{ page.title.clone() }</h2>
            if let Some(url) = open_url {
                <a class="open-full" href={url} target="_blank" rel="noopener">{ t(lang, ui::Page::OpenInPlayground) }</a>
            }
        </header>
    }
}

/// An embed's status table and trace, those of the two it shows.
fn embed_info(page: &Page, e: &Embed) -> Html {
    let Page { frame, on_action, .. } = page;
    html! {
        <div class="info">
            if e.shows(Part::Table) { <StatusTable view={frame.view.clone()} changed={frame.changed.clone()} /> }
            if e.shows(Part::Trace) { <TraceList run={frame.run.clone()} step={frame.step} on_action={(*on_action).clone()} /> }
        </div>
    }
}

/// The full playground.
pub fn full_page(page: &Page, sharing: Sharing, progress: &LessonProgress, toast: &Toast) -> Html {
    html! {
        <div class="app">
            { header(page, sharing) }
            <main class="layout">
                { side(page, progress) }
                { stage(page) }
            </main>
            { for prompt(page) }
            { help(page) }
            { toast_line(toast) }
        </div>
    }
}

fn header(page: &Page, sharing: Sharing) -> Html {
    let Sharing { on_share, on_embed, on_export } = sharing;
    let state = page.state;
    html! {
        <Header preset={state.preset.clone().map(AttrValue::from)} panel={state.panel} on_action={page.on_action.clone()} {on_share} {on_embed} {on_export} />
    }
}

/// The inputs: the lessons, then the script (or the scenario editor).
fn side(page: &Page, progress: &LessonProgress) -> Html {
    let state = page.state;
    let lang = state.lang;
    html! {
        <aside class="side" aria-label={t(lang, ui::Page::Inputs)}>
            if state.panel == Panel::Lessons {
                { lessons(page, progress) }
            }
            if state.panel != Panel::Scenario {
                { script_panel(page) }
            } else {
                { scenario_editor(page) }
            }
        </aside>
    }
}

fn lessons(page: &Page, progress: &LessonProgress) -> Html {
    let state = page.state;
    let LessonProgress { progress, on_solved, on_export, on_import } = progress;
    html! {
        <Lessons lesson={state.lesson.clone().map(AttrValue::from)} hints={state.hints}
            scenario={Ptr(state.scenario.clone())} mine={state.mine.clone().map(AttrValue::from)}
            progress={(**progress).clone()} on_solved={on_solved.clone()} on_export={on_export.clone()}
            on_import={on_import.clone()} on_action={page.on_action.clone()} />
    }
}

fn script_panel(page: &Page) -> Html {
    let state = page.state;
    html! {
        <section class="panel script" aria-labelledby="script-head">
            <h2 id="script-head">{ t(state.lang, ui::Page::ClientScript) }</h2>
            { editor(page, false) }
            <Flags script={state.scenario.script.clone()} on_action={page.on_action.clone()} />
        </section>
    }
}

/// The script editor, highlighting the line of this step.
fn editor(page: &Page, readonly: bool) -> Html {
    let Page { state, frame, on_action, .. } = page;
    html! {
        <Editor text={state.scenario.script.clone()} run={state.run.clone()}
            line={frame.view.line} blocked={frame.view.blocked.is_some()} readonly={readonly}
            on_change={on_action.reform(Action::Script)} />
    }
}

fn scenario_editor(page: &Page) -> Html {
    let state = page.state;
    let error = state
        .run
        .scenario_error
        .as_ref()
        .map(|e| AttrValue::from(flushq_explain::catalog::of(state.lang).scenario_error(e)));
    html! {
        <ScenarioEditor scenario={Ptr(state.scenario.clone())} error={error} on_action={page.on_action.clone()} />
    }
}

/// The simulation: diagram, narration, controls, predict card, table and trace.
fn stage(page: &Page) -> Html {
    let Page { state, frame, on_action, .. } = page;
    let lang = state.lang;
    html! {
        <section class="stage" aria-label={t(lang, ui::Page::Simulation)}>
            <h2 class="scenario-title">{ page.title.clone() }</h2>
            if state.run.is_error() {
                <p class="stale" role="status">{ t(lang, ui::Page::Stale) }</p>
            }
            { diagram(frame) }
            { narration(frame) }
            <Controls step={frame.step} len={frame.run.len()} playing={state.playing} speed={state.speed}
                predict={Some(state.predict)} on_action={(*on_action).clone()} />
            if state.predict {
                { predict(page) }
            }
            if frame.run.waiting.is_some() && frame.step == frame.run.len() {
                <p class="hint">{ t(lang, ui::Page::WaitsForAnswer) }</p>
            }
            <div class="info">
                <StatusTable view={frame.view.clone()} changed={frame.changed.clone()} />
                <TraceList run={frame.run.clone()} step={frame.step} on_action={(*on_action).clone()} />
            </div>
        </section>
    }
}

fn predict(page: &Page) -> Html {
    let state = page.state;
    html! {
        <Predict pending={state.pending_question().cloned()} answered={state.answered_question().map(|(q, c)| (q.clone(), c))}
            score={state.score()} total={state.questions.len()} on_action={page.on_action.clone()} />
    }
}

fn diagram(frame: &Frame) -> Html {
    html! {
        <div class="diagram-scroll"><Diagram view={frame.view.clone()} run={frame.run.clone()} step={frame.step} /></div>
    }
}

/// The step's one sentence, also an `aria-live` region, and under it the
/// reference page and section the step follows (outside the live region, so a
/// screen reader is not read the link at every step).
fn narration(frame: &Frame) -> Html {
    html! {
        <>
            <p class="narration" aria-live="polite" aria-atomic="true">
                <span class="step-no">{ frame.step_label.clone() }</span>{ frame.narration.clone() }
            </p>
            { frame.basis.map(|b| reference(b, frame.lang)).unwrap_or_default() }
        </>
    }
}

/// A link to the public reference page a step follows, or the "model choice" label.
fn reference(basis: Basis, lang: Lang) -> Html {
    match basis.url() {
        Some(url) => html! {
            <p class="reference">
                { t(lang, ui::Page::Follows) }
                <a href={url} target="_blank" rel="noopener">{ basis.to_string() }</a>
            </p>
        },
        None => html! {
            <p class="reference model-choice" title={t(lang, ui::Page::ModelChoiceWhy).into_owned()}>
                { t(lang, ui::Page::ModelChoice) }
            </p>
        },
    }
}

/// A dialog on screen at this step: a modal when the run waits for the answer,
/// or when stepping onto a dialog answered before (to change the answer).
fn prompt(page: &Page) -> Option<Html> {
    let Page { state, frame, on_action, .. } = page;
    let view = &frame.view;
    view.prompt.map(|p| {
        let index = view.prompts_shown.saturating_sub(1);
        let no_ui = matches!(frame.event().map(|e| &e.kind), Some(EventKind::Prompt { no_ui_requested: true, .. }));
        html! {
            <Prompt transport={view.transports[p.transport.index()].name.to_string()} no_ui={no_ui}
                answered={state.answers.get(index).copied()} on_action={(*on_action).clone()} />
        }
    })
}

/// The shortcuts overlay, when open.
fn help(page: &Page) -> Html {
    html! {
        if page.state.help {
            <Help on_action={page.on_action.clone()} />
        }
    }
}

/// The toast, when it has something to say; a click dismisses it.
fn toast_line(toast: &Toast) -> Html {
    html! {
        if let Some(t) = (**toast).clone() {
            <div class="toast" role="status" onclick={let toast = toast.clone(); Callback::from(move |_| toast.set(None))}>{ t }</div>
        }
    }
}
