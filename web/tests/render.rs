//! Server-side renders of the main views at chosen steps of chosen presets,
//! snapshotted as indented HTML so a reviewer can read them like code.

use flushq_core::trace::EventKind;
use flushq_web::app::AppProps;
use flushq_web::components::diagram::{Diagram, DiagramProps};
use flushq_web::components::prompt::{Prompt, PromptProps};
use flushq_web::components::scenario_editor::{ScenarioEditor, ScenarioEditorProps};
use flushq_web::components::status_table::{StatusTable, StatusTableProps};
use flushq_web::embed::Embed;
use flushq_web::i18n::Lang;
use flushq_web::state::{Action, Playground};
use flushq_web::{App, Ptr};
use std::rc::Rc;
use yew::Reducible;
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
        DiagramProps { view: Ptr::new(p.shown().view_at(step)), run: Ptr::new(p.shown().clone()), step }
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

fn reduce(p: Playground, actions: impl IntoIterator<Item = Action>) -> Playground {
    actions.into_iter().fold(p, |p, a| (*Rc::new(p).reduce(a)).clone())
}

fn page(make: impl FnOnce() -> Playground + Send + 'static) -> String {
    render::<App>(move || AppProps { initial: Some(make()), embed: None })
}

/// The subtree of the pretty HTML that starts at the first line containing `marker`.
fn section(html: &str, marker: &str) -> String {
    let mut lines = html.lines().skip_while(|l| !l.contains(marker));
    let Some(first) = lines.next() else { panic!("no {marker} in the page") };
    let depth = first.len() - first.trim_start().len();
    let body = lines.take_while(|l| l.len() - l.trim_start().len() > depth);
    std::iter::once(first).chain(body).map(|l| format!("{}\n", &l[depth..])).collect()
}

/// English prose left in a Chinese page: all-lowercase words of three letters or
/// more in text and in labels, outside code (the script, MAPI names) and outside
/// the names the scenario itself gives (transports, subjects, stores).
fn english_in(html: &str, scenario_words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_code = 0usize;
    for line in html.lines().map(str::trim) {
        if line.starts_with("<textarea") || line.starts_with("<code") || line.starts_with("<ul id=\"diagnostics\"") {
            in_code += 1;
        } else if in_code > 0 && (line.starts_with("</textarea") || line.starts_with("</code") || line == "</ul>") {
            in_code -= 1;
            continue;
        }
        if in_code > 0 {
            continue;
        }
        let texts: Vec<&str> = if line.starts_with('<') {
            ["aria-label=\"", "title=\"", "placeholder=\""]
                .iter()
                .filter_map(|a| line.split_once(a).and_then(|(_, rest)| rest.split_once('"')).map(|(v, _)| v))
                .collect()
        } else {
            vec![line]
        };
        if line.contains(" lang=\"en\"") {
            continue; // the language switch names English in English, on purpose
        }
        for text in texts {
            // Entities and `code` in prose are not prose.
            let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            let text = ["&amp;", "&lt;", "&gt;", "&quot;"].iter().fold(text, |t, e| t.replace(e, " "));
            for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '-')) {
                let word = token.trim_matches(|c| c == ':' || c == '-');
                let prose = word.len() >= 3 && word.chars().all(|c| c.is_ascii_lowercase());
                // The product's name and MAPI's short form of an entry id stay.
                if prose && !["flushq", "eid"].contains(&word) && !scenario_words.contains(&word) {
                    found.push(format!("{word} in {text:?}"));
                }
            }
        }
    }
    found
}

fn in_chinese(mut p: Playground) -> Playground {
    p.lang = Lang::ZH;
    p
}

#[test]
fn page_in_chinese_at_the_dial_up_dialog() {
    let html = page(|| {
        let p = in_chinese(preset("spooler-upload"));
        reduce(p, [Action::End])
    });
    assert!(html.contains("连接 Dial-up？"), "the dialog is in Chinese");
    let leaks = english_in(&html, &["out1", "out2", "out3", "spooler", "rows", "table"]);
    assert!(leaks.is_empty(), "English left in the Chinese page: {leaks:#?}");
    insta::assert_snapshot!("page_spooler_upload_dialog_zh", html);
}

/// A lesson in progress: its goal checked live, one assertion failing with its reason.
fn lesson_page(lang: Lang) -> String {
    page(move || {
        let mut p = reduce(preset("spooler-upload"), [Action::StartLesson(String::from("per-transport-fallback"))]);
        p.lang = lang;
        reduce(p, [Action::Hint])
    })
}

#[test]
fn lesson_goal_hints_and_par_in_both_languages() {
    let en = section(&lesson_page(Lang::EN), "class=\"panel lessons\"");
    let zh = section(&lesson_page(Lang::ZH), "class=\"panel lessons\"");
    assert!(en.contains("class=\"fail\"") && zh.contains("class=\"fail\""), "the starting script misses the goal");
    assert!(english_in(&zh, &[]).is_empty(), "{:#?}", english_in(&zh, &[]));
    insta::assert_snapshot!("lesson_per_transport_fallback_en", en);
    insta::assert_snapshot!("lesson_per_transport_fallback_zh", zh);
}

#[test]
fn lesson_list_in_chinese() {
    let html =
        page(|| reduce(in_chinese(preset("spooler-upload")), [Action::Panel(flushq_web::state::Panel::Lessons)]));
    let list = section(&html, "class=\"panel lessons\"");
    let items = list.lines().filter(|l| l.trim_start().starts_with("<li")).count();
    assert_eq!(items, flushq_explain::lessons::lessons().len());
    assert!(english_in(&list, &[]).is_empty(), "{:#?}", english_in(&list, &[]));
    insta::assert_snapshot!("lesson_list_zh", list);
}

/// Predict mode at its first question of the ASYNC_OK/BUSY preset, then right after a wrong answer.
fn predict_cards(lang: Lang) -> (String, String) {
    let start = move || {
        let mut p = reduce(preset("async-ok-busy"), [Action::Predict(true)]);
        p.lang = lang;
        let first = p.questions[0].index;
        reduce(p, [Action::Goto(first)])
    };
    let pending = section(&page(start), "class=\"predict\"");
    let answered = section(
        &page(move || {
            let p = start();
            let wrong = (p.questions[0].answer + 1) % p.questions[0].choices.len();
            reduce(p, [Action::Guess(wrong)])
        }),
        "class=\"predict\"",
    );
    (pending, answered)
}

#[test]
fn predict_card_asks_then_says_whether_the_guess_was_right() {
    let (ask_en, told_en) = predict_cards(Lang::EN);
    let (ask_zh, told_zh) = predict_cards(Lang::ZH);
    assert!(ask_en.contains("class=\"choices\"") && told_en.contains("verdict wrong"));
    assert!(told_zh.contains("不对"));
    for zh in [&ask_zh, &told_zh] {
        assert!(english_in(zh, &[]).is_empty(), "{:#?}", english_in(zh, &[]));
    }
    insta::assert_snapshot!("predict_en", format!("{ask_en}\n{told_en}"));
    insta::assert_snapshot!("predict_zh", format!("{ask_zh}\n{told_zh}"));
}
