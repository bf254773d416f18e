//! Playback controls: step, play/pause, speed, scrubber, reset, run to end.

use crate::i18n::{t, ui, use_lang};
use crate::state::{Action, SPEEDS};
use yew::prelude::*;

/// Properties of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Events shown.
    pub step: usize,
    /// Events in the run.
    pub len: usize,
    /// Playing.
    pub playing: bool,
    /// Milliseconds per step.
    pub speed: u32,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
    /// Predict mode's switch: on or off, or `None` to leave it out (embeds).
    #[prop_or_default]
    pub predict: Option<bool>,
}

/// A small inline icon: fonts on some systems lack the media-control glyphs.
fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

const ICON_FIRST: &str = "M2 2h2v12H2zM14 2v12L5 8z";
const ICON_BACK: &str = "M12 2v12L4 8z";
const ICON_PLAY: &str = "M4 2v12l10-6z";
const ICON_PAUSE: &str = "M3 2h4v12H3zM9 2h4v12H9z";
const ICON_FORWARD: &str = "M4 2v12l8-6z";
const ICON_LAST: &str = "M2 2v12l9-6zM12 2h2v12h-2z";

/// The control bar.
#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let act = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let on_scrub = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(n) = input.value().parse::<usize>() {
                cb.emit(Action::Goto(n));
            }
        })
    };
    let on_speed = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(ms) = select.value().parse::<u32>() {
                cb.emit(Action::Speed(ms));
            }
        })
    };
    let lang = use_lang();
    let at_start = props.step == 0;
    let at_end = props.step >= props.len;
    html! {
        <div class="controls" role="toolbar" aria-label={t(lang, ui::Controls::Playback)}>
            <button type="button" onclick={act(Action::Reset)} title={t(lang, ui::Controls::ResetTitle)} aria-label={t(lang, ui::Controls::Reset)}>{ icon(ICON_FIRST) }</button>
            <button type="button" onclick={act(Action::Back)} disabled={at_start} title={t(lang, ui::Controls::BackTitle)} aria-label={t(lang, ui::Controls::Back)}>{ icon(ICON_BACK) }</button>
            <button type="button" class="play" onclick={act(Action::TogglePlay)} title={t(lang, ui::Controls::PlayTitle)}
                aria-label={t(lang, if props.playing { ui::Controls::Pause } else { ui::Controls::Play })} aria-pressed={props.playing.to_string()}>
                { icon(if props.playing { ICON_PAUSE } else { ICON_PLAY }) }
            </button>
            <button type="button" onclick={act(Action::Forward)} disabled={at_end} title={t(lang, ui::Controls::ForwardTitle)} aria-label={t(lang, ui::Controls::Forward)}>{ icon(ICON_FORWARD) }</button>
            <button type="button" onclick={act(Action::End)} disabled={at_end} title={t(lang, ui::Controls::EndTitle)} aria-label={t(lang, ui::Controls::End)}>{ icon(ICON_LAST) }</button>
            <label class="scrub">
                <span class="sr-only">{ t(lang, ui::Controls::Step) }</span>
                <input type="range" min="0" max={props.len.to_string()} value={props.step.to_string()} oninput={on_scrub}
                    aria-valuetext={t(lang, ui::Controls::StepOf { step: props.step, len: props.len })} />
            </label>
            <span class="counter" aria-hidden="true">{ format!("{} / {}", props.step, props.len) }</span>
            if let Some(on) = props.predict {
                <button type="button" class={classes!("predict-toggle", on.then_some("on"))} aria-pressed={on.to_string()}
                    onclick={act(Action::Predict(!on))}
                    title={t(lang, ui::Controls::PredictTitle)}>
                    { t(lang, ui::Controls::Predict) }</button>
            }
            <label class="speed">
                <span>{ t(lang, ui::Controls::Speed) }</span>
                <select onchange={on_speed} aria-label={t(lang, ui::Controls::PlaybackSpeed)}>
                    { for SPEEDS.iter().map(|(ms, name)| html! {
                        <option value={ms.to_string()} selected={*ms == props.speed}>{ t(lang, ui::Controls::SpeedName(*name)) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
