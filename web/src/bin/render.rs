//! `flushq-render`: a step of a scenario as a static SVG (the diagram, styles
//! inside) or HTML page (diagram, narration, status table), for documentation
//! hosts that do not allow iframes.
//!
//! ```text
//! flushq-render FILE|preset:NAME [--step N] [--format svg|html] [--lang en|zh]
//! ```
//! Dialogs are answered as the scenario says (connect, unless a fault cancels).

use flushq_core::trace::Answer;
use flushq_explain::Lang;
use flushq_explain::{file_diagnostic_in, narrate_in};
use flushq_web::components::diagram::{Diagram, DiagramProps};
use flushq_web::components::status_table::{StatusTable, StatusTableProps};
use flushq_web::i18n::{t, ui};
use flushq_web::i18n::{InLang, InLangProps};
use flushq_web::run::Run;
use flushq_web::Ptr;
use std::process::ExitCode;
use yew::{BaseComponent, LocalServerRenderer};

const USAGE: &str = "usage: flushq-render FILE|preset:NAME [--step N] [--format svg|html] [--lang en|zh]";

fn main() -> ExitCode {
    match render(&std::env::args().skip(1).collect::<Vec<_>>()) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn ssr<C: BaseComponent>(props: C::Properties) -> String {
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("a runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&rt, LocalServerRenderer::<C>::with_props(props).hydratable(false).render())
}

fn render(args: &[String]) -> Result<String, String> {
    let (mut file, mut step, mut format, mut lang) = (None, None, "svg", Lang::EN);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--step" => step = Some(it.next().and_then(|n| n.parse::<usize>().ok()).ok_or("--step needs a number")?),
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("svg") => "svg",
                    Some("html") => "html",
                    _ => return Err(String::from("--format is svg or html")),
                }
            }
            "--lang" => lang = it.next().and_then(|l| Lang::from_code(l)).ok_or("--lang is en or zh")?,
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`\n{USAGE}")),
            other => file = Some(other.to_string()),
        }
    }
    let file = file.ok_or(USAGE)?;
    let (text, name) = match file.strip_prefix("preset:") {
        Some(p) => {
            let p = flushq_scenario::preset(p).ok_or_else(|| format!("no preset named `{p}`"))?;
            (p.toml.to_string(), format!("{}.toml", p.name))
        }
        None => (std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?, file.clone()),
    };
    let scenario = flushq_scenario::load(&text, flushq_scenario::Format::from_path(&name)).map_err(|d| {
        d.iter().map(|d| format!("{name}:{}", file_diagnostic_in(d, Lang::EN))).collect::<Vec<_>>().join("\n")
    })?;
    // Enough answers for any dialog; a `user_cancels` fault still cancels.
    let answers = vec![Answer::Connect; 256];
    let run = Run::compute(&scenario, &answers);
    if run.is_error() {
        return Err(format!("{name}: the script cannot run"));
    }
    let step = step.unwrap_or(run.len()).min(run.len());
    let view = run.view_at(step);
    let event = run.event_at(step).cloned();
    let diagram = DiagramProps { view: Ptr::new(view.clone()), run: Ptr::new(run.clone()), step };
    let svg = ssr::<InLang>(InLangProps { lang, children: yew::html! { <Diagram ..diagram /> } });
    if format == "svg" {
        return Ok(svg + "\n");
    }
    let said = event.as_ref().map(|e| narrate_in(e, &run.view_at(step.saturating_sub(1)), lang)).unwrap_or_default();
    let table = StatusTableProps { view: Ptr::new(view), changed: vec![] };
    let table = ssr::<InLang>(InLangProps { lang, children: yew::html! { <StatusTable ..table /> } });
    // A preset's title in the chosen language; a file's as written.
    let preset = flushq_scenario::presets().iter().find(|p| file == format!("preset:{}", p.name));
    let title = preset.map_or_else(|| scenario.title.clone(), |p| flushq_explain::preset_title(p, lang).to_string());
    let step_no = t(lang, ui::Page::StepNo(step));
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    Ok(format!(
        "<!doctype html>\n<html lang=\"{tag}\"><head><meta charset=\"utf-8\"><title>{title} ({step_no})</title>\
         <style>{css}</style></head><body class=\"app embed\"><h2 class=\"scenario-title\">{title}</h2>{svg}\
         <p class=\"narration\"><span class=\"step-no\">{step_no}</span>{said}</p>{table}</body></html>\n",
        tag = lang.tag(),
        title = escape(&title),
        css = include_str!("../../style.css"),
        said = escape(&said),
    ))
}
