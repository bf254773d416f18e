//! The root component: the state and effects come from [`crate::hooks`], the
//! step's derived data from [`frame`], the layout from [`layout`].

mod frame;
mod layout;
mod sharing;

use crate::embed::Embed;
use crate::hooks::{
    use_document_lang, use_embed, use_embed_bridge, use_open_url, use_persistence, use_playback, use_playground,
    use_progress, use_shortcuts, use_toast,
};
use crate::i18n::Lang;
use crate::state::{Action, Playground};
use frame::Frame;
use layout::Page;
use sharing::Sharing;
use yew::prelude::*;

pub use crate::state::DEFAULT_PRESET;

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

/// A lesson shows its title and a shipped scenario its own, in the page's
/// language; an edited scenario shows its title as written.
fn title(state: &Playground) -> String {
    let lang = state.lang;
    let lesson_title = state.lesson.as_deref().and_then(flushq_explain::lessons::lesson).map(|l| l.title.get(lang));
    let preset_title =
        state.preset.as_deref().and_then(flushq_scenario::preset).map(|p| flushq_explain::preset_title(p, lang));
    lesson_title.or(preset_title).map_or_else(|| state.scenario.title.clone(), String::from)
}

/// The playground page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embed = use_embed(props.embed.clone(), props.initial.is_none());
    let embedded = embed.is_some();
    let (state, link_error) = use_playground(props.initial.clone(), embed.clone());
    let lang = state.lang;
    let toast = use_toast(lang, link_error);
    let progress = use_progress(lang, &toast);
    use_document_lang(lang);
    // Stable across renders, so components whose other props did not change skip
    // re-rendering (the trace items, while playing).
    let on_action = use_callback(state.dispatcher(), |a: Action, dispatcher| dispatcher.dispatch(a));
    use_playback(&state);
    use_shortcuts(&state);
    use_persistence(&state, embedded);
    let frame = Frame::of(&state);
    use_embed_bridge(embedded, frame.step, frame.run.len(), &frame.narration, &on_action);
    let open_url = use_open_url(&state, embedded);

    let page = Page { state: &state, frame: &frame, title: title(&state), on_action: &on_action };
    let body = match &embed {
        Some(e) => layout::embed_page(&page, e, (*open_url).clone()),
        None => layout::full_page(&page, Sharing::new(&state, &toast), &progress, &toast),
    };
    html! {
        <ContextProvider<Lang> context={lang}>{ body }</ContextProvider<Lang>>
    }
}
