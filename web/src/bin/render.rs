//! `flushq-render`: a step of a scenario as a static SVG (the diagram, styles
//! inside) or HTML page (diagram, narration, status table), for documentation
//! hosts that do not allow iframes.
//!
//! ```text
//! flushq-render FILE|preset:NAME [--step N] [--format svg|html]
//! ```
//! Dialogs are answered as the scenario says (connect, unless a fault cancels).

use flushq_core::trace::{narrate, Answer};
use flushq_web::components::diagram::{Diagram, DiagramProps};
use flushq_web::components::status_table::{StatusTable, StatusTableProps};
use flushq_web::run::Run;
use flushq_web::Ptr;
use std::process::ExitCode;
use yew::{BaseComponent, LocalServerRenderer};

const USAGE: &str = "usage: flushq-render FILE|preset:NAME [--step N] [--format svg|html]";

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
    let (mut file, mut step, mut format) = (None, None, "svg");
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
    let scenario = flushq_scenario::load(&text, flushq_scenario::Format::from_path(&name))
        .map_err(|d| d.iter().map(|d| format!("{name}:{d}")).collect::<Vec<_>>().join("\n"))?;
    // Enough answers for any dialog; a `user_cancels` fault still cancels.
    let answers = vec![Answer::Connect; 256];
    let run = Run::compute(&scenario, &answers);
    if run.is_error() {
        return Err(format!("{name}: the script cannot run"));
    }
    let step = step.unwrap_or(run.len()).min(run.len());
    let view = run.view_at(step);
    let event = run.event_at(step).cloned();
    let svg = ssr::<Diagram>(DiagramProps { view: Ptr::new(view.clone()), event: event.clone() });
    if format == "svg" {
        return Ok(svg + "\n");
    }
    let said = event.as_ref().map(|e| narrate(e, &run.view_at(step.saturating_sub(1)))).unwrap_or_default();
    let table = ssr::<StatusTable>(StatusTableProps { view: Ptr::new(view), changed: vec![] });
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    Ok(format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} (step {step})</title>\
         <style>{css}</style></head><body class=\"app embed\"><h2 class=\"scenario-title\">{title}</h2>{svg}\
         <p class=\"narration\"><span class=\"step-no\">Step {step}</span>{said}</p>{table}</body></html>\n",
        title = escape(&scenario.title),
        css = include_str!("../../style.css"),
        said = escape(&said),
    ))
}
