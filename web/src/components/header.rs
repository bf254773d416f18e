//! The top bar: presets, panels, share and export.

use crate::state::{Action, Panel};
use yew::prelude::*;

/// What the export menu can produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The trace as the CLI's JSON.
    Json,
    /// A Mermaid sequence diagram.
    Mermaid,
    /// The current diagram as a standalone SVG.
    Svg,
    /// The scenario as a TOML file.
    Toml,
}

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The preset shown, if unchanged.
    pub preset: Option<AttrValue>,
    /// The open panel.
    pub panel: Panel,
    /// Dispatches actions.
    pub on_action: Callback<Action>,
    /// Share was pressed.
    pub on_share: Callback<()>,
    /// "Embed" was pressed: copy the code for a documentation page.
    pub on_embed: Callback<()>,
    /// An export was chosen.
    pub on_export: Callback<Export>,
}

/// The header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let on_preset = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let name = select.value();
            if !name.is_empty() {
                cb.emit(Action::Preset(name));
            }
        })
    };
    let tab = |p: Panel, label: &'static str| {
        let cb = props.on_action.clone();
        let selected = props.panel == p;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} class={classes!(selected.then_some("on"))}
                onclick={Callback::from(move |_| cb.emit(Action::Panel(p)))}>{ label }</button>
        }
    };
    let export = |x: Export, label: &'static str| {
        let cb = props.on_export.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            // Close the menu once a choice is made.
            let button: web_sys::Element = e.target_unchecked_into();
            if let Ok(Some(menu)) = button.closest("details") {
                let _ = menu.remove_attribute("open");
            }
            cb.emit(x);
        });
        html! { <button type="button" {onclick}>{ label }</button> }
    };
    let share = props.on_share.reform(|_: MouseEvent| ());
    let embed = props.on_embed.reform(|_: MouseEvent| ());
    let help = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Help(true)))
    };
    html! {
        <header class="top">
            <h1><span class="logo" aria-hidden="true">{ "⇅" }</span>{ "flushq" }<small>{ " · MAPI FlushQueues playground" }</small></h1>
            <label class="presets">
                <span>{ "Preset" }</span>
                <select onchange={on_preset} aria-label="Load a preset scenario">
                    <option value="" selected={props.preset.is_none()}>{ "— custom —" }</option>
                    { for flushq_scenario::presets().iter().map(|p| {
                        let title = p.toml.lines().find_map(|l| l.strip_prefix("title = ")).map(|t| t.trim_matches('"').to_string()).unwrap_or_default();
                        html! { <option value={p.name} selected={props.preset.as_deref() == Some(p.name)}>{ title }</option> }
                    }) }
                </select>
            </label>
            <div class="tabs" role="tablist" aria-label="Side panel">
                { tab(Panel::Script, "Script") }
                { tab(Panel::Scenario, "Scenario") }
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={share} title="Copy a link to this exact state">{ "Share link" }</button>
                <button type="button" onclick={embed} title="Copy HTML that embeds this state in a documentation page">{ "Embed" }</button>
                <details class="menu">
                    <summary>{ "Export" }</summary>
                    <div class="menu-items">
                        { export(Export::Json, "Trace as JSON") }
                        { export(Export::Mermaid, "Mermaid sequence diagram") }
                        { export(Export::Svg, "Diagram as SVG") }
                        { export(Export::Toml, "Scenario as TOML") }
                    </div>
                </details>
                <button type="button" onclick={help} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">{ "?" }</button>
            </div>
        </header>
    }
}
