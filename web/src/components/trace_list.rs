//! The list of events up to the current step; click one to jump there.

use crate::i18n::{t, ui, use_lang};
use crate::run::Run;
use crate::state::Action;
use crate::Ptr;
use flushq_explain::{catalog, describe_in};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`TraceList`].
#[derive(Properties, PartialEq)]
pub struct TraceListProps {
    /// The run whose events are listed.
    pub run: Ptr<Run>,
    /// Events shown.
    pub step: usize,
    /// Dispatches `Goto`.
    pub on_action: Callback<Action>,
}

/// Events shown around the current one: enough to read, cheap to render.
const WINDOW: usize = 40;

/// The trace panel.
#[function_component(TraceList)]
pub fn trace_list(props: &TraceListProps) -> Html {
    let list_ref = use_node_ref();
    {
        // Keep the current event in sight.
        let list_ref = list_ref.clone();
        use_effect_with(props.step, move |_| {
            // Scroll the list only, never the page.
            if let Some(list) = list_ref.cast::<web_sys::HtmlElement>() {
                if let Ok(Some(cur)) = list.query_selector("li.current") {
                    if let Ok(cur) = cur.dyn_into::<web_sys::HtmlElement>() {
                        // The list is the offset parent (position: relative).
                        let top = cur.offset_top();
                        let bottom = top + cur.offset_height();
                        if top < list.scroll_top() || bottom > list.scroll_top() + list.client_height() {
                            list.set_scroll_top(bottom - list.client_height() + 8);
                        }
                    }
                }
            }
        });
    }
    let lang = use_lang();
    let events = &props.run.events;
    let end = props.step.min(events.len());
    let start = end.saturating_sub(WINDOW);
    let hidden = events.len() - end;
    html! {
        <section class="panel trace" aria-labelledby="trace-head">
            <h2 id="trace-head">{ t(lang, ui::Trace::Heading) }<small>{ t(lang, ui::Trace::Count { shown: end, total: events.len() }) }</small></h2>
            <ol ref={list_ref} start={(start + 1).to_string()}>
                if start > 0 {
                    <li class="elided">{ t(lang, ui::Trace::Earlier(start)) }</li>
                }
                { for (start..end).map(|i| html! {
                    <TraceItem key={i + 1} run={props.run.clone()} index={i} current={i + 1 == end} on_action={props.on_action.clone()} />
                }) }
            </ol>
            if hidden > 0 {
                <p class="hint">{ t(lang, ui::Trace::Ahead(hidden)) }</p>
            }
        </section>
    }
}

/// Properties of [`TraceItem`].
#[derive(Properties, PartialEq)]
pub struct TraceItemProps {
    /// The run (compared by identity).
    pub run: Ptr<Run>,
    /// Index of the event in the run.
    pub index: usize,
    /// True for the event of the current step.
    pub current: bool,
    /// Dispatches `Goto`.
    pub on_action: Callback<Action>,
}

/// One event of the list. A component of its own so that stepping re-renders only
/// the two items whose highlight changes, not the whole window.
#[function_component(TraceItem)]
pub fn trace_item(props: &TraceItemProps) -> Html {
    let lang = use_lang();
    let e = &props.run.events[props.index];
    let step = e.step as usize;
    let on_action = props.on_action.clone();
    let who = match &e.target {
        Some(t) => format!("{} → {}", catalog::of(lang).actor(&e.actor), catalog::of(lang).actor(t)),
        None => catalog::of(lang).actor(&e.actor).to_string(),
    };
    html! {
        <li class={classes!(props.current.then_some("current"))}>
            <button type="button" aria-current={props.current.then_some("step")}
                onclick={Callback::from(move |_| on_action.emit(Action::Goto(step)))}>
                <span class="line">{ e.line.map(|l| format!("L{l}")).unwrap_or_default() }</span>
                <span class="who">{ who }</span>
                <span class="what">{ describe_in(&e.kind, lang) }</span>
            </button>
        </li>
    }
}
