//! A Mermaid sequence diagram of a trace.

use crate::text::describe;
use crate::{catalog, Lang};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use flushq_core::trace::{Actor, Event, EventKind};

/// Mermaid participant ids must be plain words; names may contain anything.
fn id(actor: &Actor, transports: &[String]) -> String {
    match actor {
        Actor::Transport(n) => format!("T{}", transports.iter().position(|t| **t == **n).unwrap_or(0)),
        other => String::from(match other {
            Actor::Client => "Client",
            Actor::Session => "Session",
            Actor::Table => "Table",
            Actor::Mapi => "MAPI",
            Actor::Spooler => "Spooler",
            Actor::User => "User",
            Actor::Transport(_) => unreachable!(),
        }),
    }
}

/// Text safe inside a Mermaid message: no `;`, `#` or line breaks.
fn clean(s: &str) -> String {
    s.replace(';', ",").replace('#', "no. ").replace(['\n', '\r'], " ")
}

/// Renders `events` as a `sequenceDiagram`; `transports` are the names in transport order.
pub fn render_mermaid(title: &str, events: &[Event], transports: &[String]) -> String {
    let mut s = String::from("sequenceDiagram\n");
    if !title.is_empty() {
        let _ = writeln!(s, "    title {}", clean(title));
    }
    let mut seen: Vec<String> = Vec::new();
    let fixed = [Actor::Client, Actor::Session, Actor::Table, Actor::Mapi, Actor::Spooler];
    let all = fixed
        .iter()
        .cloned()
        .chain(transports.iter().map(|t| Actor::Transport(t.as_str().into())))
        .chain([Actor::User]);
    for a in all {
        let used = events.iter().any(|e| e.actor == a || e.target.as_ref() == Some(&a));
        if used {
            let pid = id(&a, transports);
            let _ = writeln!(s, "    participant {pid} as {}", clean(catalog::of(Lang::EN).actor(&a)));
            seen.push(pid);
        }
    }
    for e in events {
        if matches!(e.kind, EventKind::RunEnd) {
            continue;
        }
        let from = id(&e.actor, transports);
        let text = clean(&format!("{}. {}", e.step, describe(&e.kind)));
        match &e.target {
            Some(t) => {
                let arrow = match e.kind {
                    EventKind::FlushReturn { .. } | EventKind::XpReturn { .. } => "-->>",
                    _ => "->>",
                };
                let _ = writeln!(s, "    {from}{arrow}{}: {text}", id(t, transports));
            }
            None => {
                let _ = writeln!(s, "    Note over {from}: {text}");
            }
        }
    }
    s
}
