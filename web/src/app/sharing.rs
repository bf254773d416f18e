//! What the header's Share link, Embed and Export buttons do: each takes the
//! state as it is when pressed.

use crate::browser;
use crate::components::header::Export;
use crate::embed;
use crate::hooks::{shared, Toast};
use crate::i18n::{self, ui};
use crate::share;
use crate::state::Playground;
use flushq_explain::render_mermaid;
use yew::prelude::*;

/// The header's callbacks.
pub struct Sharing {
    /// Copies a share link to this exact step (and puts it in the URL).
    pub on_share: Callback<()>,
    /// Copies the HTML that embeds this state in a documentation page.
    pub on_embed: Callback<()>,
    /// Downloads an export.
    pub on_export: Callback<Export>,
}

impl Sharing {
    /// The callbacks for `state`, saying what they copied in `toast`.
    pub fn new(state: &UseReducerHandle<Playground>, toast: &Toast) -> Sharing {
        Sharing { on_share: on_share(state, toast), on_embed: on_embed(state, toast), on_export: on_export(state) }
    }
}

fn on_share(state: &UseReducerHandle<Playground>, toast: &Toast) -> Callback<()> {
    let state = state.clone();
    let toast = toast.clone();
    Callback::from(move |_| {
        let body = share::encode(&shared(&state));
        browser::set_fragment(&body);
        let url = browser::url_with_fragment(&body);
        browser::copy(&url);
        let n = url.len();
        toast.set(Some(i18n::catalog(state.lang).toast(ui::Toast::LinkCopied(n))));
    })
}

fn on_embed(state: &UseReducerHandle<Playground>, toast: &Toast) -> Callback<()> {
    let state = state.clone();
    let toast = toast.clone();
    Callback::from(move |_| {
        let body = share::encode(&shared(&state));
        let code = embed::embed_code(&browser::page_url(), &body, &state.scenario.title, state.lang);
        browser::copy(&code);
        let n = code.len();
        toast.set(Some(i18n::catalog(state.lang).toast(ui::Toast::EmbedCopied(n))));
    })
}

fn on_export(state: &UseReducerHandle<Playground>) -> Callback<Export> {
    let state = state.clone();
    Callback::from(move |x: Export| download(&state, x))
}

/// Offers export `x` of `state` as a file named after its preset.
fn download(state: &Playground, x: Export) {
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
}
