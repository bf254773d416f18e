//! The top bar: presets, panels, share and export.

use crate::browser;
use crate::i18n::{self, ui, use_lang, Lang};

/// A text of the top bar (all fixed, so borrowed).
fn h(lang: Lang, m: ui::Header) -> &'static str {
    i18n::catalog(lang).header(m)
}
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
    let lang = use_lang();
    html! {
        <header class="top">
            <h1><span class="logo" aria-hidden="true">{ "⇅" }</span>{ "flushq" }<small>{ h(lang, ui::Header::Tagline) }</small></h1>
            { preset_picker(props, lang) }
            <div class="tabs" role="tablist" aria-label={h(lang, ui::Header::SidePanel)}>
                { tab(props, Panel::Lessons, lang) }
                { tab(props, Panel::Script, lang) }
                { tab(props, Panel::Scenario, lang) }
            </div>
            { actions(props, lang) }
        </header>
    }
}

/// The preset menu; choosing one loads it.
fn preset_picker(props: &HeaderProps, lang: Lang) -> Html {
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
    html! {
        <label class="presets">
            <span>{ h(lang, ui::Header::Preset) }</span>
            <select onchange={on_preset} aria-label={h(lang, ui::Header::LoadPreset)}>
                <option value="" selected={props.preset.is_none()}>{ h(lang, ui::Header::Custom) }</option>
                { for flushq_scenario::presets().iter().map(|p| {
                    html! { <option value={p.name} selected={props.preset.as_deref() == Some(p.name)}>{ flushq_explain::preset_title(p, lang) }</option> }
                }) }
            </select>
        </label>
    }
}

/// The tab that opens side panel `p`.
fn tab(props: &HeaderProps, p: Panel, lang: Lang) -> Html {
    let label = h(lang, ui::Header::Tab(p));
    let cb = props.on_action.clone();
    let selected = props.panel == p;
    html! {
        <button type="button" role="tab" aria-selected={selected.to_string()} class={classes!(selected.then_some("on"))}
            onclick={Callback::from(move |_| cb.emit(Action::Panel(p)))}>{ label }</button>
    }
}

/// The buttons on the right: language, share link, embed code, exports, shortcuts.
fn actions(props: &HeaderProps, lang: Lang) -> Html {
    let share = props.on_share.reform(|_: MouseEvent| ());
    let embed = props.on_embed.reform(|_: MouseEvent| ());
    let help = props.on_action.reform(|_: MouseEvent| Action::Help(true));
    // The switch names the other language in that language, so a reader who cannot
    // read this one still finds it.
    let other = i18n::other(lang);
    let switch = props.on_action.reform(move |_: MouseEvent| {
        browser::save_lang(other.code());
        Action::Lang(other)
    });
    html! {
        <div class="actions">
            <button type="button" class="lang-switch" onclick={switch} lang={other.tag()}
                aria-label={h(other, ui::Header::SwitchToThis)}>
                <span aria-hidden="true">{ "文A " }</span>{ other.native_name() }</button>
            <button type="button" class="primary" onclick={share} title={h(lang, ui::Header::ShareTitle)}>{ h(lang, ui::Header::Share) }</button>
            <button type="button" onclick={embed} title={h(lang, ui::Header::EmbedTitle)}>{ h(lang, ui::Header::Embed) }</button>
            { export_menu(props, lang) }
            <button type="button" onclick={help} aria-label={h(lang, ui::Header::Shortcuts)} title={h(lang, ui::Header::ShortcutsTitle)}>{ "?" }</button>
        </div>
    }
}

/// The export menu.
fn export_menu(props: &HeaderProps, lang: Lang) -> Html {
    html! {
        <details class="menu">
            <summary>{ h(lang, ui::Header::Export) }</summary>
            <div class="menu-items">
                { export(props, Export::Json, lang) }
                { export(props, Export::Mermaid, lang) }
                { export(props, Export::Svg, lang) }
                { export(props, Export::Toml, lang) }
            </div>
        </details>
    }
}

/// The menu item for export `x`.
fn export(props: &HeaderProps, x: Export, lang: Lang) -> Html {
    let label = h(lang, ui::Header::ExportAs(x));
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
}
