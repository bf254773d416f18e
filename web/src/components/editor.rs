//! The client-script editor: line numbers, the current line highlighted, and
//! diagnostics as you type. The text is the visitor's: it is never replaced by
//! a parse result, so an invalid edit loses nothing.

use crate::i18n::ui;
use crate::i18n::{t, use_lang};
use crate::run::Run;
use crate::Ptr;
use flushq_core::diag::Severity;
use flushq_explain::{catalog, script_message_in};
use yew::prelude::*;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The script.
    pub text: AttrValue,
    /// The run, whose diagnostics (script-relative) are shown: compared by
    /// identity, not message by message.
    pub run: Ptr<Run>,
    /// Line to highlight (the statement being executed).
    pub line: Option<u32>,
    /// True while the client waits inside that line's call.
    pub blocked: bool,
    /// Shown but not editable (embeds).
    #[prop_or_default]
    pub readonly: bool,
    /// A new text.
    pub on_change: Callback<String>,
}

/// Line height in px; the CSS uses the same value.
const LINE: f64 = 20.0;

/// The script editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = use_lang();
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(area.value());
        })
    };
    let lines = props.text.split('\n').count().max(1);
    // The text area is as wide as its longest line; the frame scrolls sideways.
    let cols = props.text.split('\n').map(|l| l.chars().count()).max().unwrap_or(0) + 4;
    let error_lines: Vec<u32> = props.run.diagnostics.iter().map(|d| d.span.line).collect();
    let gutter = (1..=lines as u32).map(|n| {
        let bad = error_lines.contains(&n);
        let cur = props.line == Some(n);
        html! { <div class={classes!(bad.then_some("bad"), cur.then_some("cur"))}>{ n }</div> }
    });
    let highlight = props.line.map(|l| {
        let top = (l as f64 - 1.0) * LINE + 8.0;
        html! { <div class={classes!("cur-line", props.blocked.then_some("blocked"))} style={format!("top:{}px", top.round() as i64)} aria-hidden="true"></div> }
    });
    let marks = props.run.diagnostics.iter().map(|d| {
        let top = (d.span.line as f64 - 1.0) * LINE + 8.0;
        html! { <div class="err-line" style={format!("top:{}px", top.round() as i64)} aria-hidden="true"></div> }
    });
    html! {
        <div class="editor-wrap">
            <div class="editor" style={format!("height:{}px", (lines as f64 * LINE + 24.0) as i64)}>
                <div class="gutter" aria-hidden="true">{ for gutter }</div>
                <div class="code">
                    { for highlight }
                    { for marks }
                    <textarea id="script" spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                        aria-label={t(lang, ui::Page::ClientScript)} aria-describedby="diagnostics"
                        rows={lines.to_string()} cols={cols.to_string()} value={props.text.clone()} readonly={props.readonly} {oninput} />
                </div>
            </div>
            <ul id="diagnostics" class="diagnostics" aria-live="polite">
                { for props.run.diagnostics.iter().map(|d| {
                    let sev = if d.severity == Severity::Error { "error" } else { "warning" };
                    let said = catalog::of(lang).severity(d.severity);
                    html! { <li class={sev}><span class="pos">{ format!("{}:{}", d.span.line, d.span.col) }</span>{ format!(" {said}: ") }{ super::prose(&script_message_in(&d.message, lang)) }</li> }
                }) }
            </ul>
        </div>
    }
}
