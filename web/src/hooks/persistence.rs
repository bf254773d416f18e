//! The saved session: where a first render starts (the URL's share link, the
//! session and lesson saved in localStorage, an embed's preset), and saving the
//! session and the open lesson again as the visitor goes (not in an embed).

use crate::browser;
use crate::embed::Embed;
use crate::i18n;
use crate::share::{self, ShareError, Shared};
use crate::state::DEFAULT_PRESET;
use crate::state::{Panel, Playground};
use std::rc::Rc;
use yew::prelude::*;

/// The state a share link or the saved session holds.
pub fn shared(s: &Playground) -> Shared {
    Shared { scenario: (*s.scenario).clone(), answers: s.answers.clone(), step: s.step as u32 }
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
        // The saved session may be a lesson in progress: reopen it, hints and all
        // (not for a share link, which carries no lesson).
        Some(shared) => restored_state(shared, embed.is_none() && !via_link),
        None => starting_preset(embed),
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

/// The state of a share link or saved session; with `reopen_lesson`, the lesson
/// saved with it is open again.
fn restored_state(Shared { scenario, answers, step }: Shared, reopen_lesson: bool) -> Playground {
    let mut p = Playground::new(scenario, answers, None);
    p.step = step as usize;
    if reopen_lesson {
        if let Some((id, hints)) = browser::load_lesson().as_deref().and_then(saved_lesson) {
            p.lesson = Some(id);
            p.hints = hints;
            p.panel = Panel::Lessons;
        }
    }
    p
}

/// The embed's preset, or the default one.
fn starting_preset(embed: Option<&Embed>) -> Playground {
    embed
        .and_then(|e| e.preset.as_deref())
        .and_then(Playground::from_preset)
        .unwrap_or_else(|| Playground::from_preset(DEFAULT_PRESET).expect("the default preset loads"))
}

/// A saved `id hints` line naming a shipped lesson.
fn saved_lesson(line: &str) -> Option<(String, usize)> {
    let (id, hints) = line.split_once(' ')?;
    flushq_explain::lessons::lesson(id)?;
    Some((id.to_string(), hints.parse().ok()?))
}

/// The playground's state: `initial` if given, else where [`initial_state`] starts.
/// Also why the URL's share link could not be opened, on the first render only.
#[hook]
pub fn use_playground(
    initial: Option<Playground>,
    embed: Option<Embed>,
) -> (UseReducerHandle<Playground>, Option<ShareError>) {
    // Filled by the first render's `initial_state`, taken by the same render.
    let link_error = use_mut_ref(|| None::<ShareError>);
    // Not `use_reducer_eq`: comparing whole runs would cost more than rendering.
    let state = {
        let link_error = link_error.clone();
        use_reducer(move || {
            initial.unwrap_or_else(|| {
                let (p, error) = initial_state(embed.as_ref());
                *link_error.borrow_mut() = error;
                p
            })
        })
    };
    let error = link_error.borrow_mut().take();
    (state, error)
}

/// Saves the session when the page goes away and once the state is still, and
/// remembers the open lesson; nothing in an embed.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<Playground>, embedded: bool) {
    use_save_on_pagehide(state, embedded);
    use_saved_lesson(state, embedded);
    use_save_when_still(state, embedded);
}

/// The session is saved at once when the page goes away, whatever the timer says.
#[hook]
fn use_save_on_pagehide(state: &UseReducerHandle<Playground>, embedded: bool) {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with((), move |_| {
        let listener = (!embedded).then(web_sys::window).flatten().map(|w| {
            gloo::events::EventListener::new(&w, "pagehide", move |_| {
                browser::save_session(&share::encode(&shared(&latest.borrow())));
            })
        });
        move || drop(listener)
    });
}

/// The open lesson survives a reload with the session.
#[hook]
fn use_saved_lesson(state: &UseReducerHandle<Playground>, embedded: bool) {
    let key = (state.lesson.clone(), state.hints);
    use_effect_with(key, move |(lesson, hints)| {
        if !embedded {
            browser::save_lesson(&lesson.as_ref().map(|id| format!("{id} {hints}")).unwrap_or_default());
        }
    });
}

/// The last session survives a reload. Saving compresses the whole scenario,
/// so it waits until the state has been still for a moment (not every step
/// while playing).
#[hook]
fn use_save_when_still(state: &UseReducerHandle<Playground>, embedded: bool) {
    let state = state.clone();
    let key = (state.step, Rc::as_ptr(&state.run.0) as usize);
    use_effect_with(key, move |_| {
        let timer = (!embedded).then(|| {
            gloo::timers::callback::Timeout::new(400, move || {
                browser::save_session(&share::encode(&shared(&state)));
            })
        });
        move || drop(timer)
    });
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
