//! Server-side renders of the main views at chosen steps of chosen presets,
//! snapshotted as indented HTML so a reviewer can read them like code.

use flushq_core::trace::{EventKind, PromptStyle};
use flushq_web::app::AppProps;
use flushq_web::components::diagram::{Diagram, DiagramProps};
use flushq_web::components::prompt::{Prompt, PromptProps};
use flushq_web::components::scenario_editor::{ScenarioEditor, ScenarioEditorProps};
use flushq_web::components::status_table::{StatusTable, StatusTableProps};
use flushq_web::embed::Embed;
use flushq_web::state::Playground;
use flushq_web::{App, Ptr};
use yew::{BaseComponent, Callback, ServerRenderer};

/// Puts each tag on its own line, indented by depth, and drops the diagram's
/// embedded stylesheet (CSS is reviewed in its own file).
fn pretty(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>/* DIAGRAM_CSS */{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut out = String::new();
    let mut depth: usize = 0;
    let mut rest = html.as_str();
    while let Some(start) = rest.find('<') {
        let text = rest[..start].trim();
        if !text.is_empty() {
            out.push_str(&"  ".repeat(depth));
            out.push_str(text);
            out.push('\n');
        }
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        let closing = tag.starts_with("</");
        let void = tag.ends_with("/>")
            || ["<br", "<input", "<img", "<meta", "<link", "<hr"].iter().any(|v| tag.starts_with(v));
        if closing {
            depth = depth.saturating_sub(1);
        }
        out.push_str(&"  ".repeat(depth));
        out.push_str(tag);
        out.push('\n');
        if !closing && !void && !tag.starts_with("<!") {
            depth += 1;
        }
        rest = &rest[end..];
    }
    out
}

/// Renders component `C` with the props `make` builds. Props are built inside the
/// renderer's thread, since some hold `Rc`s.
fn render<C>(make: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    pretty(&rt.block_on(async move { ServerRenderer::<C>::with_props(make).hydratable(false).render().await }))
}

fn preset(name: &str) -> Playground {
    Playground::from_preset(name).unwrap()
}

/// The step of the first event matching `f`.
fn step_of(p: &Playground, f: impl Fn(&EventKind) -> bool) -> usize {
    p.shown().events.iter().position(|e| f(&e.kind)).expect("event") + 1
}

fn diagram_at(name: &'static str, step: impl FnOnce(&Playground) -> usize + Send + 'static) -> String {
    render::<Diagram>(move || {
        let p = preset(name);
        let step = step(&p);
        DiagramProps { view: Ptr::new(p.shown().view_at(step)), event: p.shown().event_at(step).cloned() }
    })
}

#[test]
fn first_visit_page_at_step_zero() {
    let html = render::<App>(|| AppProps { initial: Some(preset("spooler-upload")), embed: None });
    assert!(html.contains("Step 0"));
    insta::assert_snapshot!("page_spooler_upload_step0", html);
}

#[test]
fn diagram_while_the_modem_dialog_waits() {
    let html = diagram_at("spooler-upload", |p| p.shown().len());
    assert!(html.contains("Connect Dial-up?"));
    insta::assert_snapshot!("diagram_spooler_upload_dialog", html);
}

#[test]
fn diagram_draws_the_fallback_distinctly() {
    let html = diagram_at("per-transport-download", |p| {
        step_of(p, |k| matches!(k, EventKind::FlushCall { target: Some(_), .. }))
    });
    assert_eq!(html.matches("arrow fallback").count(), 2, "client to spooler, spooler to the target");
    insta::assert_snapshot!("diagram_per_transport_fallback", html);
}

#[test]
fn status_table_decodes_bits_and_marks_matches() {
    let html = render::<StatusTable>(|| {
        let p = preset("per-transport-download");
        // Office LAN's own FlushQueues has just set STATUS_INBOUND_FLUSH.
        let step = step_of(&p, |k| matches!(k, EventKind::Status { .. }));
        StatusTableProps { view: Ptr::new(p.shown().view_at(step)), changed: vec![3] }
    });
    assert!(html.contains("INBOUND_FLUSH"));
    insta::assert_snapshot!("status_table_per_transport_inbound_flush", html);
}

#[test]
fn prompt_dialog() {
    let html = render::<Prompt>(|| PromptProps {
        transport: "Dial-up".into(),
        style: PromptStyle::DialUp,
        answered: None,
        no_ui: true,
        on_action: Callback::noop(),
    });
    insta::assert_snapshot!("prompt_dial_up", html);
}

#[test]
fn scenario_editor_lists_transports_and_faults() {
    let html = render::<ScenarioEditor>(|| {
        let p = preset("link-down");
        ScenarioEditorProps { scenario: Ptr(p.scenario.clone()), error: None, on_action: Callback::noop() }
    });
    assert!(html.contains("link_down"));
    insta::assert_snapshot!("scenario_editor_link_down", html);
}

#[test]
fn embed_shows_only_the_chosen_parts() {
    let html = render::<App>(|| {
        let mut p = preset("per-transport-download");
        p.step = 20;
        let embed = Embed::from_query("?embed&panels=diagram,narration,table&readonly").unwrap();
        AppProps { initial: Some(p), embed: Some(embed) }
    });
    assert!(html.contains("class=\"app embed\""));
    assert!(html.contains("svg") && html.contains("narration") && html.contains("status-table"));
    assert!(!html.contains("class=\"controls\"") && !html.contains("class=\"top\""), "no controls, no header");
    insta::assert_snapshot!("embed_per_transport_step20", html);
}
