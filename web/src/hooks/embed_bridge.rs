//! Embeds (see [`crate::embed`]): which embed the page is, and its bridge to the
//! embedding page by postMessage.

use super::shared;
use crate::browser;
use crate::embed::Embed;
use crate::share;
use crate::state::{Action, Playground};
use std::rc::Rc;
use yew::prelude::*;

/// Which embed this page is: `given`, else (in a browser, `in_browser`) the
/// page's `?embed` query; `None` for the full playground. Read once.
#[hook]
pub fn use_embed(given: Option<Embed>, in_browser: bool) -> Option<Embed> {
    (*use_memo((), move |_| {
        given.or_else(|| if in_browser { browser::query().and_then(|q| Embed::from_query(&q)) } else { None })
    }))
    .clone()
}

/// In an embed: reports each step to the host page, follows its commands
/// (`flushq:goto`, `flushq:play`, `flushq:pause`) through `dispatch`, and
/// reports the content's height. Nothing outside an embed.
#[hook]
pub fn use_embed_bridge(embedded: bool, step: usize, total: usize, narration: &str, dispatch: &Callback<Action>) {
    use_step_reports(embedded, step, total, narration);
    use_host_commands(embedded, dispatch);
}

/// Posts `{type: "flushq:step", step, total, narration}` whenever the step changes.
#[hook]
fn use_step_reports(embedded: bool, step: usize, total: usize, narration: &str) {
    let said = narration.to_string();
    use_effect_with(step, move |step| {
        if embedded {
            let fields =
                [("step", (*step as f64).into()), ("total", (total as f64).into()), ("narration", said.into())];
            browser::post_to_parent("flushq:step", &fields);
        }
    });
}

/// Follows the host page's messages and reports the height, while mounted.
#[hook]
fn use_host_commands(embedded: bool, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listeners = embedded.then(|| {
            let window = web_sys::window()?;
            let messages = gloo::events::EventListener::new(&window, "message", move |e| {
                if let Some(action) = browser::message_of(e).and_then(command) {
                    dispatch.emit(action);
                }
            });
            Some((messages, browser::observe_height()))
        });
        move || drop(listeners)
    });
}

/// The action a host page's message asks for: `(type, step)`.
fn command((kind, step): (String, Option<f64>)) -> Option<Action> {
    match (kind.as_str(), step) {
        ("flushq:goto", Some(step)) if step >= 0.0 => Some(Action::Goto(step as usize)),
        ("flushq:play", _) => Some(Action::Play(true)),
        ("flushq:pause", _) => Some(Action::Play(false)),
        _ => None,
    }
}

/// In an embed, the full playground's URL with this state ("Open in playground"),
/// made again when the step or the run changes; `None` outside an embed.
#[hook]
pub fn use_open_url(state: &UseReducerHandle<Playground>, embedded: bool) -> Rc<Option<String>> {
    let state = state.clone();
    use_memo((state.step, Rc::as_ptr(&state.run.0) as usize), move |_| {
        let page = browser::page_url();
        // Lazily: encoding compresses the whole scenario, which only an embed needs.
        (embedded && !page.is_empty())
            .then(|| format!("{page}?lang={}#{}", state.lang.code(), share::encode(&shared(&state))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_messages_become_actions() {
        let msg = |kind: &str, step| (kind.to_string(), step);
        assert_eq!(command(msg("flushq:goto", Some(7.9))), Some(Action::Goto(7)));
        assert_eq!(command(msg("flushq:goto", Some(-1.0))), None);
        assert_eq!(command(msg("flushq:goto", None)), None);
        assert_eq!(command(msg("flushq:play", Some(3.0))), Some(Action::Play(true)));
        assert_eq!(command(msg("flushq:pause", None)), Some(Action::Play(false)));
        assert_eq!(command(msg("flushq:step", Some(1.0))), None);
    }
}
