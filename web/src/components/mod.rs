//! The playground's components, one per file.

pub mod controls;
pub mod diagram;
pub mod editor;
pub mod flags;
pub mod header;
pub mod help;
pub mod lessons;
pub mod predict;
pub mod prompt;
pub mod scenario_editor;
pub mod status_table;
pub mod trace_list;

use yew::prelude::*;

/// A message (lesson prose, a goal's reason, a diagnostic) with its `backticked`
/// spans shown as code.
pub fn prose(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}
