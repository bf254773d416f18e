//! Keyboard shortcuts: arrows step, Space plays, Home/End, `?` and Escape for
//! the shortcuts overlay, 1-4 answer predict mode's question.

use crate::browser;
use crate::state::{Action, Playground};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The action of `key`, if it is a shortcut; `help` tells whether the shortcuts
/// overlay is open.
fn shortcut(key: &str, help: bool) -> Option<Action> {
    Some(match key {
        "ArrowRight" => Action::Forward,
        "ArrowLeft" => Action::Back,
        " " => Action::TogglePlay,
        "Home" => Action::Home,
        "End" => Action::End,
        "?" => Action::Help(!help),
        "Escape" => Action::Help(false),
        // Predict mode's choices; ignored when no question is waiting.
        k @ ("1" | "2" | "3" | "4") => Action::Guess(usize::from(k.as_bytes()[0] - b'1')),
        _ => return None,
    })
}

/// Listens for the shortcuts on the document while the component lives, never
/// while typing.
#[hook]
pub fn use_shortcuts(state: &UseReducerHandle<Playground>) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| listen(&doc, state));
        move || drop(listener)
    });
}

/// The `keydown` listener that dispatches the shortcuts.
fn listen(doc: &web_sys::Document, state: UseReducerHandle<Playground>) -> EventListener {
    // Not passive: arrows and Space must not also scroll the page.
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(doc, "keydown", options, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if browser::typing_target(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let Some(action) = shortcut(e.key().as_str(), state.help) else { return };
        e.prevent_default();
        state.dispatch(action);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(shortcut("ArrowRight", false), Some(Action::Forward));
        assert_eq!(shortcut("?", false), Some(Action::Help(true)));
        assert_eq!(shortcut("?", true), Some(Action::Help(false)));
        assert_eq!(shortcut("1", false), Some(Action::Guess(0)));
        assert_eq!(shortcut("4", false), Some(Action::Guess(3)));
        assert_eq!(shortcut("5", false), None);
        assert_eq!(shortcut("a", false), None);
    }
}
