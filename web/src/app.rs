//! The root component: state, effects (playback timer, keyboard, persistence)
//! and the page layout.

use crate::browser;
use crate::components::controls::Controls;
use crate::components::diagram::Diagram;
use crate::components::editor::Editor;
use crate::components::flags::Flags;
use crate::components::header::{Export, Header};
use crate::components::help::Help;
use crate::components::lessons::{Lessons, Progress};
use crate::components::predict::Predict;
use crate::components::prompt::Prompt;
use crate::components::scenario_editor::ScenarioEditor;
use crate::components::status_table::StatusTable;
use crate::components::trace_list::TraceList;
use crate::embed::{self, Embed, Part};
use crate::i18n::{self, Lang};
use crate::share::{self, ShareError, Shared};
use crate::state::{Action, Panel, Playground};
use crate::Ptr;
use flushq_core::by_lang;
use flushq_core::trace::EventKind;
use flushq_explain::{narrate_in, render_mermaid};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The preset a first visit opens.
pub const DEFAULT_PRESET: &str = "spooler-upload";

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start from this state instead of the URL, the saved session or the default preset.
    #[prop_or_default]
    pub initial: Option<Playground>,
    /// Render as an embed (otherwise the page's `?embed` query decides).
    #[prop_or_default]
    pub embed: Option<Embed>,
}

/// Where a first render starts: the share link, the saved session (not in an
/// embed), the embed's preset, or the default; with why the URL's link, if any,
/// could not be opened.
fn initial_state(embed: Option<&Embed>) -> (Playground, Option<ShareError>) {
    let (from_link, link_error) = match browser::fragment().map(|f| share::decode(&f)) {
        Some(Ok(shared)) => (Some(shared), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let via_link = from_link.is_some();
    let restored = match embed {
        Some(_) => from_link,
        None => from_link.or_else(|| browser::load_session().and_then(|s| share::decode(&s).ok())),
    };
    let mut p = match restored {
        Some(Shared { scenario, answers, step }) => {
            let mut p = Playground::new(scenario, answers, None);
            p.step = step as usize;
            // The saved session may be a lesson in progress: reopen it, hints and all
            // (not for a share link, which carries no lesson).
            if embed.is_none() && !via_link {
                if let Some((id, hints)) = browser::load_lesson().as_deref().and_then(saved_lesson) {
                    p.lesson = Some(id);
                    p.hints = hints;
                    p.panel = Panel::Lessons;
                }
            }
            p
        }
        None => embed
            .and_then(|e| e.preset.as_deref())
            .and_then(Playground::from_preset)
            .unwrap_or_else(|| Playground::from_preset(DEFAULT_PRESET).expect("the default preset loads")),
    };
    if let Some(step) = embed.and_then(|e| e.step) {
        p.step = step;
    }
    // An embed follows its `lang=` or the browser, not the visitor's playground choice.
    let saved = if embed.is_some() { None } else { browser::load_lang() };
    p.lang = i18n::initial(browser::query().as_deref(), saved.as_deref(), &browser::languages());
    p.step = p.step.min(p.shown().len());
    (p, link_error)
}

/// A saved `id hints` line naming a shipped lesson.
fn saved_lesson(line: &str) -> Option<(String, usize)> {
    let (id, hints) = line.split_once(' ')?;
    flushq_scenario::lessons::lesson(id)?;
    Some((id.to_string(), hints.parse().ok()?))
}

fn shared(s: &Playground) -> Shared {
    Shared { scenario: (*s.scenario).clone(), answers: s.answers.clone(), step: s.step as u32 }
}

/// The playground page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embed: Option<Embed> = {
        let given = props.embed.clone();
        let in_browser = props.initial.is_none();
        (*use_memo((), move |_| {
            given.or_else(|| if in_browser { browser::query().and_then(|q| Embed::from_query(&q)) } else { None })
        }))
        .clone()
    };
    let initial = props.initial.clone();
    let embed_for_init = embed.clone();
    // Not `use_reducer_eq`: comparing whole runs would cost more than rendering.
    // Filled by the first render's `initial_state`, read by the toast's first state.
    let link_error = use_mut_ref(|| None::<ShareError>);
    let state = {
        let link_error = link_error.clone();
        use_reducer(move || {
            initial.unwrap_or_else(|| {
                let (p, error) = initial_state(embed_for_init.as_ref());
                *link_error.borrow_mut() = error;
                p
            })
        })
    };
    // A link that cannot be opened says why (the page falls back to the saved
    // session or the default preset) instead of failing silently.
    let toast = {
        let lang = state.lang;
        use_state(move || {
            let why = link_error.borrow().as_ref()?.text(lang);
            Some(by_lang!(
                lang,
                format!(
                    "This link could not be opened: {why}. The last session (or the default scenario) opened instead."
                ),
                format!("无法打开这个链接：{why}。已改为打开上一次的会话（或默认场景）。"),
            ))
        })
    };
    let progress = use_state(|| Progress::parse(&browser::load_progress().unwrap_or_default()));
    let lang = state.lang;
    use_effect_with(lang, |lang| {
        let title = lang.pick("flushq — MAPI FlushQueues playground", "flushq — MAPI FlushQueues 演练场");
        browser::set_document_lang(i18n::tag(*lang), title);
    });
    // Stable across renders, so components whose other props did not change skip
    // re-rendering (the trace items, while playing).
    let on_action = use_callback(state.dispatcher(), |a: Action, dispatcher| dispatcher.dispatch(a));

    // Playback: one step per tick.
    {
        let state = state.clone();
        use_effect_with((state.playing, state.speed), move |(playing, speed)| {
            let interval = playing.then(|| {
                let state = state.clone();
                gloo::timers::callback::Interval::new(*speed, move || state.dispatch(Action::Tick))
            });
            move || drop(interval)
        });
    }
    // Keyboard shortcuts, never while typing.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                // Not passive: arrows and Space must not also scroll the page.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if browser::typing_target(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let action = match e.key().as_str() {
                        "ArrowRight" => Action::Forward,
                        "ArrowLeft" => Action::Back,
                        " " => Action::TogglePlay,
                        "Home" => Action::Home,
                        "End" => Action::End,
                        "?" => Action::Help(!state.help),
                        "Escape" => Action::Help(false),
                        // Predict mode's choices; ignored when no question is waiting.
                        k @ ("1" | "2" | "3" | "4") => Action::Guess(usize::from(k.as_bytes()[0] - b'1')),
                        _ => return,
                    };
                    e.prevent_default();
                    state.dispatch(action);
                })
            });
            move || drop(listener)
        });
    }
    // ... and is saved at once when the page goes away, whatever the timer says.
    {
        let latest = use_mut_ref(|| state.clone());
        *latest.borrow_mut() = state.clone();
        let embedded = embed.is_some();
        use_effect_with((), move |_| {
            let listener = (!embedded).then(web_sys::window).flatten().map(|w| {
                gloo::events::EventListener::new(&w, "pagehide", move |_| {
                    browser::save_session(&share::encode(&shared(&latest.borrow())));
                })
            });
            move || drop(listener)
        });
    }
    // The open lesson survives a reload with the session.
    {
        let key = (state.lesson.clone(), state.hints);
        let embedded = embed.is_some();
        use_effect_with(key, move |(lesson, hints)| {
            if !embedded {
                browser::save_lesson(&lesson.as_ref().map(|id| format!("{id} {hints}")).unwrap_or_default());
            }
        });
    }
    // The last session survives a reload. Saving compresses the whole scenario,
    // so it waits until the state has been still for a moment (not every step
    // while playing).
    {
        let state = state.clone();
        let key = (state.step, Rc::as_ptr(&state.run) as usize);
        let embedded = embed.is_some();
        use_effect_with(key, move |_| {
            let timer = (!embedded).then(|| {
                gloo::timers::callback::Timeout::new(400, move || {
                    browser::save_session(&share::encode(&shared(&state)));
                })
            });
            move || drop(timer)
        });
    }

    let run = if state.run.is_error() { state.last_good.clone() } else { state.run.clone() };
    let step = state.step;
    let view = Ptr::new(run.view_at(step));
    let event = run.event_at(step).cloned();
    let before = run.view_at(step.saturating_sub(1));
    let narration = match &event {
        Some(e) => narrate_in(e, &before, lang),
        None if run.is_empty() => String::from(
            lang.pick("Nothing ran: fix the script or the scenario to start.", "什么也没有运行：请先修正脚本或场景。"),
        ),
        None => String::from(lang.pick(
            "Nothing has happened yet. Press ▶ or → to run the client script one step at a time.",
            "还什么都没有发生。按 ▶ 或 → 逐步运行客户端脚本。",
        )),
    };
    let step_label = by_lang!(lang, format!("Step {step}"), format!("第 {step} 步"));
    let changed: Vec<usize> =
        (0..view.status.len()).filter(|&i| step > 0 && before.status[i] != view.status[i]).collect();

    // Embeds: report each step to the host page, follow its commands, report the height.
    {
        let embedded = embed.is_some();
        let said = narration.clone();
        let total = run.len();
        use_effect_with(step, move |step| {
            if embedded {
                let fields =
                    [("step", (*step as f64).into()), ("total", (total as f64).into()), ("narration", said.into())];
                browser::post_to_parent("flushq:step", &fields);
            }
        });
    }
    {
        let embedded = embed.is_some();
        let dispatch = on_action.clone();
        use_effect_with((), move |_| {
            let listeners = embedded.then(|| {
                let window = web_sys::window()?;
                let messages =
                    gloo::events::EventListener::new(&window, "message", move |e| match browser::message_of(e) {
                        Some((kind, Some(step))) if kind == "flushq:goto" && step >= 0.0 => {
                            dispatch.emit(Action::Goto(step as usize))
                        }
                        Some((kind, _)) if kind == "flushq:play" => dispatch.emit(Action::Play(true)),
                        Some((kind, _)) if kind == "flushq:pause" => dispatch.emit(Action::Play(false)),
                        _ => {}
                    });
                Some((messages, browser::observe_height()))
            });
            move || drop(listeners)
        });
    }
    let open_url = {
        let embedded = embed.is_some();
        let state = state.clone();
        use_memo((step, Rc::as_ptr(&state.run) as usize), move |_| {
            let page = browser::page_url();
            // Lazily: encoding compresses the whole scenario, which only an embed needs.
            (embedded && !page.is_empty())
                .then(|| format!("{page}?lang={}#{}", state.lang.code(), share::encode(&shared(&state))))
        })
    };

    let on_share = {
        let state = state.clone();
        let toast = toast.clone();
        Callback::from(move |_| {
            let body = share::encode(&shared(&state));
            browser::set_fragment(&body);
            let url = browser::url_with_fragment(&body);
            browser::copy(&url);
            let n = url.len();
            toast.set(Some(by_lang!(
                state.lang,
                format!("Link copied ({n} characters). It opens this exact step."),
                format!("链接已复制（{n} 个字符），打开后正是这一步。"),
            )));
        })
    };
    let on_embed = {
        let state = state.clone();
        let toast = toast.clone();
        Callback::from(move |_| {
            let body = share::encode(&shared(&state));
            let code = embed::embed_code(&browser::page_url(), &body, &state.scenario.title, state.lang);
            browser::copy(&code);
            let n = code.len();
            toast.set(Some(by_lang!(
                state.lang,
                format!("Embed code copied ({n} characters): paste it into a documentation page."),
                format!("嵌入代码已复制（{n} 个字符）：粘贴到文档页面即可。"),
            )));
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |x: Export| {
            let run = state.shown();
            let stem = state.preset.clone().unwrap_or_else(|| String::from("flushq"));
            match x {
                Export::Json => {
                    let body = flushq_explain::export::trace_json(&run.events, &run.outcome);
                    browser::download(&format!("{stem}.trace.json"), "application/json", &body);
                }
                Export::Mermaid => {
                    let names: Vec<String> = state.scenario.transports.iter().map(|t| t.name.clone()).collect();
                    let body = render_mermaid(&state.scenario.title, &run.events, &names);
                    browser::download(&format!("{stem}.mmd"), "text/plain", &body);
                }
                Export::Svg => {
                    if let Some(svg) = browser::outer_html("svg.diagram") {
                        browser::download(&format!("{stem}-step{}.svg", state.step), "image/svg+xml", &svg);
                    }
                }
                Export::Toml => {
                    browser::download(&format!("{stem}.toml"), "application/toml", &share::to_toml(&state.scenario));
                }
            }
        })
    };

    let on_solved = {
        let progress = progress.clone();
        let toast = toast.clone();
        Callback::from(move |(id, n): (String, usize)| {
            let mut p = (*progress).clone();
            if p.record(&id, n) {
                browser::save_progress(&p.to_text());
                progress.set(p);
                toast.set(Some(by_lang!(
                    lang,
                    format!("Lesson solved in {n} statements. Progress saved."),
                    format!("本课完成，用了 {n} 条语句。进度已保存。"),
                )));
            }
        })
    };
    let on_progress_export = {
        let progress = progress.clone();
        Callback::from(move |_| browser::download("flushq-progress.txt", "text/plain", &progress.to_text()))
    };
    let on_progress_import = {
        let progress = progress.clone();
        let toast = toast.clone();
        Callback::from(move |text: String| {
            let mut p = (*progress).clone();
            let imported = Progress::parse(&text);
            for (id, n) in &imported.0 {
                p.record(id, *n);
            }
            browser::save_progress(&p.to_text());
            progress.set(p);
            let n = imported.0.len();
            toast.set(Some(by_lang!(
                lang,
                format!("Imported progress for {n} lessons."),
                format!("已导入 {n} 课的进度。")
            )));
        })
    };

    // A dialog on screen at this step: a modal when the run waits for the answer,
    // or when stepping onto a dialog answered before (to change the answer).
    let prompt = view.prompt.map(|p| {
        let index = view.prompts_shown.saturating_sub(1);
        let no_ui = matches!(event.as_ref().map(|e| &e.kind), Some(EventKind::Prompt { no_ui_requested: true, .. }));
        html! {
            <Prompt transport={view.transports[p.transport].name.to_string()} style={p.style} no_ui={no_ui}
                answered={state.answers.get(index).copied()} on_action={on_action.clone()} />
        }
    });
    let diagnostics = state.run.diagnostics.clone();
    let stale = state.run.is_error();
    // A lesson shows its title and a shipped scenario its own, in the page's
    // language; an edited scenario shows its title as written.
    let lesson_title = state.lesson.as_deref().and_then(flushq_scenario::lessons::lesson).map(|l| l.title.get(lang));
    let preset_title = state.preset.as_deref().and_then(flushq_scenario::preset).map(|p| p.title(lang));
    let title = lesson_title.or(preset_title).map_or_else(|| state.scenario.title.clone(), String::from);

    if let Some(e) = embed.as_ref() {
        let info = e.shows(Part::Table) || e.shows(Part::Trace);
        return html! {
            <ContextProvider<Lang> context={lang}>
            <div class="app embed">
                <header class="embed-head">
                    <h2 class="scenario-title">{ title }</h2>
                    if let Some(url) = (*open_url).clone() {
                        <a class="open-full" href={url} target="_blank" rel="noopener">{ lang.pick("Open in playground ↗", "在演练场中打开 ↗") }</a>
                    }
                </header>
                if e.shows(Part::Script) {
                    <Editor text={state.scenario.script.clone()} diagnostics={diagnostics}
                        line={view.line} blocked={view.blocked.is_some()} readonly={e.readonly}
                        on_change={on_action.reform(Action::Script)} />
                }
                if e.shows(Part::Diagram) {
                    <div class="diagram-scroll"><Diagram view={view.clone()} event={event.clone()} /></div>
                }
                if e.shows(Part::Narration) {
                    <p class="narration" aria-live="polite" aria-atomic="true">
                        <span class="step-no">{ step_label.clone() }</span>{ narration.clone() }
                    </p>
                }
                if e.shows(Part::Controls) {
                    <Controls step={step} len={run.len()} playing={state.playing} speed={state.speed} on_action={on_action.clone()} />
                }
                if info {
                    <div class="info">
                        if e.shows(Part::Table) { <StatusTable view={view.clone()} changed={changed} /> }
                        if e.shows(Part::Trace) { <TraceList run={Ptr(run.clone())} step={step} on_action={on_action.clone()} /> }
                    </div>
                }
                { for prompt }
                if state.help {
                    <Help on_action={on_action.clone()} />
                }
            </div>
            </ContextProvider<Lang>>
        };
    }

    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="app">
            <Header preset={state.preset.clone().map(AttrValue::from)} panel={state.panel} on_action={on_action.clone()} {on_share} {on_embed} {on_export} />
            <main class="layout">
                <aside class="side" aria-label={lang.pick("Inputs", "输入")}>
                    if state.panel == Panel::Lessons {
                        <Lessons lesson={state.lesson.clone().map(AttrValue::from)} hints={state.hints}
                            scenario={Ptr(state.scenario.clone())} mine={state.mine.clone().map(AttrValue::from)}
                            progress={(*progress).clone()} {on_solved} on_export={on_progress_export}
                            on_import={on_progress_import} on_action={on_action.clone()} />
                    }
                    if state.panel != Panel::Scenario {
                        <section class="panel script" aria-labelledby="script-head">
                            <h2 id="script-head">{ lang.pick("Client script", "客户端脚本") }</h2>
                            <Editor text={state.scenario.script.clone()} diagnostics={diagnostics}
                                line={view.line} blocked={view.blocked.is_some()}
                                on_change={on_action.reform(Action::Script)} />
                            <Flags script={state.scenario.script.clone()} on_action={on_action.clone()} />
                        </section>
                    } else {
                        <ScenarioEditor scenario={Ptr(state.scenario.clone())} error={state.run.scenario_error.as_ref().map(|e| AttrValue::from(e.text(lang)))} on_action={on_action.clone()} />
                    }
                </aside>
                <section class="stage" aria-label={lang.pick("Simulation", "模拟")}>
                    <h2 class="scenario-title">{ title }</h2>
                    if stale {
                        <p class="stale" role="status">{ lang.pick(
                            "The script has errors, so this is the last run that worked. Fix the script to run it again.",
                            "脚本有错误，这里显示的是上一次成功的运行。修正脚本后会重新运行。") }</p>
                    }
                    <div class="diagram-scroll"><Diagram view={view.clone()} event={event.clone()} /></div>
                    <p class="narration" aria-live="polite" aria-atomic="true">
                        <span class="step-no">{ step_label.clone() }</span>{ narration.clone() }
                    </p>
                    <Controls step={step} len={run.len()} playing={state.playing} speed={state.speed}
                        predict={Some(state.predict)} on_action={on_action.clone()} />
                    if state.predict {
                        <Predict pending={state.pending_question().cloned()} answered={state.answered_question().map(|(q, c)| (q.clone(), c))}
                            score={state.score()} total={state.questions.len()} on_action={on_action.clone()} />
                    }
                    if run.waiting.is_some() && step == run.len() {
                        <p class="hint">{ lang.pick("The run waits for your answer to the dialog.", "运行正在等待你回答对话框。") }</p>
                    }
                    <div class="info">
                        <StatusTable view={view.clone()} changed={changed} />
                        <TraceList run={Ptr(run.clone())} step={step} on_action={on_action.clone()} />
                    </div>
                </section>
            </main>
            { for prompt }
            if state.help {
                <Help on_action={on_action.clone()} />
            }
            if let Some(t) = (*toast).clone() {
                <div class="toast" role="status" onclick={let toast = toast.clone(); Callback::from(move |_| toast.set(None))}>{ t }</div>
            }
        </div>
        </ContextProvider<Lang>>
    }
}

#[cfg(test)]
mod tests {
    use super::saved_lesson;

    #[test]
    fn a_saved_lesson_line_names_a_shipped_lesson() {
        assert_eq!(saved_lesson("find-the-spooler 2"), Some((String::from("find-the-spooler"), 2)));
        assert_eq!(saved_lesson(""), None, "no lesson open");
        assert_eq!(saved_lesson("no-such-lesson 1"), None);
        assert_eq!(saved_lesson("find-the-spooler x"), None);
    }
}
