//! The live status table: one row per status object, bits decoded by name.

use crate::i18n::{self, ui, use_lang};
use crate::Ptr;
use flushq_core::trace::View;
use yew::prelude::*;

/// Properties of [`StatusTable`].
#[derive(Properties, PartialEq)]
pub struct StatusTableProps {
    /// The view to show.
    pub view: Ptr<View>,
    /// Rows whose status changed at this step.
    pub changed: Vec<usize>,
}

fn bits(names: impl Iterator<Item = &'static str>, strip: &str) -> Html {
    let items: Vec<Html> =
        names.map(|n| html! { <span class="bit" title={n}>{ n.trim_start_matches(strip) }</span> }).collect();
    if items.is_empty() {
        html! { <span class="none">{ "0" }</span> }
    } else {
        items.into_iter().collect::<Html>()
    }
}

/// The status table panel.
#[function_component(StatusTable)]
pub fn status_table(props: &StatusTableProps) -> Html {
    let lang = use_lang();
    let v: &View = &props.view;
    let ui = i18n::catalog(lang);
    let matched_note = ui.status_table(ui::StatusTable::MatchedNote);
    html! {
        <section class="panel status-table" aria-labelledby="st-head">
            <h2 id="st-head">{ ui.status_table(ui::StatusTable::Heading) }<small>{ " IMAPISession::GetStatusTable" }</small></h2>
            <div class="scroll-x">
            <table>
                <thead><tr>
                    <th scope="col">{ "PR_DISPLAY_NAME / PR_ENTRYID" }</th>
                    <th scope="col">{ "PR_RESOURCE_TYPE" }</th>
                    <th scope="col">{ "PR_RESOURCE_METHODS" }</th>
                    <th scope="col">{ "PR_STATUS_CODE" }</th>
                </tr></thead>
                <tbody>
                { for v.rows.iter().enumerate().map(|(i, r)| {
                    let matched = v.matched.contains(&i);
                    let active = r.transport.is_some() && r.transport == v.active;
                    html! {
                        <tr class={classes!(matched.then_some("matched"), props.changed.contains(&i).then_some("changed"), active.then_some("active"))}
                            aria-label={format!("{}{}", r.name, if matched { matched_note } else { "" })}>
                            <th scope="row">{ &r.name }<br /><code class="eid">{ &r.entry_id }</code></th>
                            <td><code>{ r.resource.name().trim_start_matches("MAPI_") }</code><span class="num">{ format!(" ({})", r.resource.value()) }</span></td>
                            <td class="bits">{ bits(r.methods.names(), "STATUS_") }</td>
                            <td class="bits">{ bits(v.status[i].names(), "STATUS_") }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <p class="hint">{ ui.status_table(ui::StatusTable::Hint) }</p>
        </section>
    }
}
