//! Playback: one step per tick of a timer, at the chosen speed.

use crate::state::{Action, Playground};
use yew::prelude::*;

/// While playing, dispatches a `Tick` every `speed` milliseconds; the timer
/// stops when playback pauses or the speed changes (a new one starts).
#[hook]
pub fn use_playback(state: &UseReducerHandle<Playground>) {
    let state = state.clone();
    use_effect_with((state.playing, state.speed), move |(playing, speed)| {
        let interval = playing.then(|| {
            let state = state.clone();
            gloo::timers::callback::Interval::new(*speed, move || state.dispatch(Action::Tick))
        });
        move || drop(interval)
    });
}
