//! The trace as JSON, as `flushq run --format json` prints it and the playground
//! exports it: `events` and `outcome`.
//!
//! Written by hand rather than through serde_json, which would cost the
//! playground's bundle its `Value` tree and serializer. The layout is
//! serde_json's `to_string_pretty`: two-space indent, `": "` after keys, `[]`
//! and `{}` for empty containers, members in the order written below.

use crate::catalog::Catalog;
use crate::text::describe;
use crate::{catalog, Lang};
use core::fmt::Write as _;
use flushq_core::trace::{CallRecord, Event, EventKind, Outcome, TransportQueues};

/// Renders a run's events and outcome as pretty JSON.
pub fn trace_json(events: &[Event], outcome: &Outcome) -> String {
    // The JSON is for tools: its texts are always English.
    let en = catalog::of(Lang::EN);
    let mut w = Writer::default();
    w.open('{');
    w.key("events");
    w.open('[');
    for e in events {
        write_event(&mut w, en, e);
    }
    w.close(']');
    w.key("outcome");
    w.open('{');
    write_calls(&mut w, &outcome.calls);
    write_transports(&mut w, &outcome.transports);
    w.key("inbox");
    w.strings(&outcome.inbox);
    w.key("ui_prompts");
    w.strings(&outcome.ui_prompts);
    write_problems(&mut w, en, outcome);
    w.close('}');
    w.close('}');
    w.out
}

fn write_event(w: &mut Writer, en: &dyn Catalog, e: &Event) {
    w.item();
    w.open('{');
    w.key("step");
    w.number(e.step);
    w.key("time_ms");
    w.big_number(e.time_ms);
    w.key("line");
    w.opt_number(e.line);
    w.key("actor");
    w.string(en.actor(&e.actor));
    w.key("target");
    w.opt_string(e.target.as_ref().map(|t| en.actor(t)));
    w.key("kind");
    w.string(kind_name(&e.kind));
    w.key("text");
    w.string(&describe(&e.kind));
    w.key("ref");
    w.string(&e.kind.basis().to_string());
    w.close('}');
}

fn write_calls(w: &mut Writer, calls: &[CallRecord]) {
    w.key("calls");
    w.open('[');
    for c in calls {
        w.item();
        w.open('{');
        w.key("line");
        w.number(c.line);
        w.key("api");
        w.string(c.api);
        w.key("object");
        w.string(&c.object);
        w.key("flags");
        w.open('[');
        let flush = c.flags.iter().flat_map(|f| f.names());
        for name in flush.chain(c.validate.iter().flat_map(|v| v.names())) {
            w.item();
            w.string(name);
        }
        w.close(']');
        w.key("target");
        w.opt_string(c.target.as_deref());
        w.key("hresult");
        w.string(c.hresult.name());
        w.close('}');
    }
    w.close(']');
}

fn write_transports(w: &mut Writer, all: &[TransportQueues]) {
    // Keyed by name in transport order; a repeated name keeps its first place and
    // its last queues, as a JSON map built by inserting each transport would.
    w.key("transports");
    w.open('{');
    for (i, t) in all.iter().enumerate() {
        if all[..i].iter().any(|u| u.name == t.name) {
            continue;
        }
        let t = all[i..].iter().rev().find(|u| u.name == t.name).unwrap_or(t);
        w.key(&t.name);
        w.open('{');
        for (key, list) in [
            ("outbound", &t.outbound),
            ("delivered", &t.delivered),
            ("remote", &t.remote),
            ("deferred", &t.deferred),
            ("failed", &t.failed),
        ] {
            w.key(key);
            w.strings(list);
        }
        w.key("status_code");
        w.strings(&t.status_code);
        w.key("offline");
        w.out.push_str(if t.offline { "true" } else { "false" });
        w.close('}');
    }
    w.close('}');
}

fn write_problems(w: &mut Writer, en: &dyn Catalog, outcome: &Outcome) {
    w.key("leaks");
    w.open('[');
    for l in &outcome.leaks {
        w.item();
        w.open('{');
        w.key("what");
        w.string(&format!("{} `{}`", en.object_kind(l.object), l.var));
        w.key("line");
        w.number(l.line);
        w.close('}');
    }
    w.close(']');
    w.key("errors");
    w.open('[');
    for e in &outcome.errors {
        w.item();
        w.open('{');
        w.key("line");
        w.number(e.line);
        w.key("column");
        w.number(e.column);
        w.key("message");
        w.string(&en.runtime_error(&e.error));
        w.close('}');
    }
    w.close(']');
}

/// A pretty JSON writer: containers are opened and closed by hand, and every
/// array element is announced with [`Writer::item`], every member with [`Writer::key`].
#[derive(Default)]
struct Writer {
    out: String,
    /// Nesting depth of the container being written.
    depth: usize,
    /// Whether that container has no member or element yet.
    empty: bool,
}

impl Writer {
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        // The container just closed is a member of its parent.
        self.empty = false;
    }

    /// Starts an array element.
    fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.newline();
        self.empty = false;
    }

    /// Starts an object member.
    fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(": ");
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn number(&mut self, n: u32) {
        let _ = write!(self.out, "{n}");
    }

    fn big_number(&mut self, n: u64) {
        let _ = write!(self.out, "{n}");
    }

    fn opt_number(&mut self, n: Option<u32>) {
        match n {
            Some(n) => self.number(n),
            None => self.out.push_str("null"),
        }
    }

    fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.out.push_str("null"),
        }
    }

    fn strings(&mut self, list: &[String]) {
        self.open('[');
        for s in list {
            self.item();
            self.string(s);
        }
        self.close(']');
    }

    /// A string literal (RFC 8259), escaped as serde_json escapes: `\"`, `\\`, the
    /// short forms `\b \t \n \f \r`, other control characters as `\u00xx`.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => '"',
                b'\\' => '\\',
                b'\n' => 'n',
                b'\r' => 'r',
                b'\t' => 't',
                0x08 => 'b',
                0x0c => 'f',
                0..=0x1f => 'u',
                _ => continue,
            };
            // Escaped bytes are ASCII, so `plain..i` ends on a char boundary.
            self.out.push_str(&s[plain..i]);
            plain = i + 1;
            self.out.push('\\');
            self.out.push(short);
            if short == 'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        self.out.push_str(&s[plain..]);
        self.out.push('"');
    }
}

/// A stable snake_case name of the event's kind.
fn kind_name(k: &EventKind) -> &'static str {
    use EventKind as K;
    match k {
        K::GetStatusTable { .. } => "get_status_table",
        K::SetColumns { .. } => "set_columns",
        K::QueryAllRows { .. } => "query_all_rows",
        K::OpenEntry { .. } => "open_entry",
        K::GetProp { .. } => "get_props",
        K::StatusMethod { .. } => "status_method",
        K::ValidateCall { .. } => "validate_call",
        K::Validated { .. } => "validated",
        K::XpLogon { .. } => "xp_logon",
        K::ConfigChanged { .. } => "config_changed",
        K::ValidateReturn { .. } => "validate_return",
        K::StaysOffline { .. } => "stays_offline",
        K::FlushCall { .. } => "flush_call",
        K::FlushReturn { .. } => "flush_return",
        K::Release { .. } => "release",
        K::FreeProws { .. } => "free_prows",
        K::Loop { .. } => "loop",
        K::Branch { .. } => "branch",
        K::ScriptError { .. } => "script_error",
        K::SpoolerBegin { .. } => "spooler_begin",
        K::XpFlushQueues { .. } => "xp_flush_queues",
        K::XpReturn { .. } => "xp_return",
        K::LeftToSchedule { .. } => "left_to_schedule",
        K::Prompt { .. } => "prompt",
        K::PromptAnswer { .. } => "prompt_answer",
        K::ModemLine { .. } => "modem_line",
        K::Status { .. } => "status",
        K::SentDeferred { .. } => "sent_deferred",
        K::Progress { .. } => "progress",
        K::Submit { .. } => "submit",
        K::StatusRecips { .. } => "status_recips",
        K::EndMessage { .. } => "end_message",
        K::SaveChanges { .. } => "save_changes",
        K::TransportNotify { .. } => "transport_notify",
        K::SpoolerShutdown { .. } => "spooler_shutdown",
        K::StartMessage { .. } => "start_message",
        K::PhaseSkipped { .. } => "phase_skipped",
        K::LinkDown { .. } => "link_down",
        K::DropsFlushBits { .. } => "drops_flush_bits",
        K::TransportDone { .. } => "transport_done",
        K::SpoolerEnd { .. } => "spooler_end",
        K::RunEnd => "run_end",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flushq_core::machine::RuntimeError;
    use flushq_core::mapi::{FlushFlags, HResult};
    use flushq_core::session::ObjectKind;
    use flushq_core::trace::{CallRecord, Leak, ScriptFault, TransportQueues};
    use flushq_core::Machine;
    use serde_json::{json, Map, Value};

    /// The serde_json rendering this module replaced, kept as the reference.
    fn reference(events: &[Event], outcome: &Outcome) -> String {
        let en = catalog::of(Lang::EN);
        let events: Vec<Value> = events
            .iter()
            .map(|e| {
                json!({
                    "step": e.step,
                    "time_ms": e.time_ms,
                    "line": e.line,
                    "actor": en.actor(&e.actor),
                    "target": e.target.as_ref().map(|t| en.actor(t)),
                    "kind": kind_name(&e.kind),
                    "text": describe(&e.kind),
                    "ref": e.kind.basis().to_string(),
                })
            })
            .collect();
        let calls: Vec<Value> = outcome
            .calls
            .iter()
            .map(|c| {
                json!({
                    "line": c.line,
                    "api": c.api,
                    "object": c.object,
                    "flags": c.flags.map(|f| f.names().collect::<Vec<_>>()).or(c.validate.map(|v| v.names().collect::<Vec<_>>())).unwrap_or_default(),
                    "target": c.target,
                    "hresult": c.hresult.name(),
                })
            })
            .collect();
        let mut transports = Map::new();
        for t in &outcome.transports {
            transports.insert(
                t.name.clone(),
                json!({
                    "outbound": t.outbound,
                    "delivered": t.delivered,
                    "remote": t.remote,
                    "deferred": t.deferred,
                    "failed": t.failed,
                    "status_code": t.status_code,
                    "offline": t.offline,
                }),
            );
        }
        let doc = json!({
            "events": events,
            "outcome": {
                "calls": calls,
                "transports": transports,
                "inbox": outcome.inbox,
                "ui_prompts": outcome.ui_prompts,
                "leaks": outcome.leaks.iter().map(|l| json!({"what": format!("{} `{}`", en.object_kind(l.object), l.var), "line": l.line})).collect::<Vec<_>>(),
                "errors": outcome.errors.iter().map(|e| json!({"line": e.line, "column": e.column, "message": en.runtime_error(&e.error)})).collect::<Vec<_>>(),
            }
        });
        serde_json::to_string_pretty(&doc).unwrap()
    }

    fn run(name: &str) -> (Vec<Event>, Outcome) {
        let toml = flushq_scenario::preset(name).unwrap().toml;
        let scenario = flushq_scenario::load(toml, flushq_scenario::Format::Toml).unwrap();
        let mut machine = Machine::new(&scenario).unwrap();
        machine.run();
        (machine.events().to_vec(), machine.outcome())
    }

    /// Every character that needs care in a JSON string.
    const TRICKY: &str = "q\"b\\s/ \u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}é\u{2028}😀";

    #[test]
    fn presets_render_as_serde_json_did() {
        for p in flushq_scenario::presets() {
            let (events, outcome) = run(p.name);
            assert_eq!(trace_json(&events, &outcome), reference(&events, &outcome), "{}", p.name);
        }
    }

    #[test]
    fn every_field_and_escape_renders_as_serde_json_did() {
        let (events, mut outcome) = run("spooler-upload");
        outcome.calls.push(CallRecord {
            line: 9,
            api: "FlushQueues",
            object: TRICKY.to_string(),
            flags: Some(FlushFlags::empty()),
            validate: None,
            target: Some(TRICKY.to_string()),
            hresult: HResult::Busy,
        });
        let queues = |n: &str| TransportQueues {
            name: n.to_string(),
            outbound: vec![TRICKY.to_string(), String::new()],
            delivered: vec![n.to_string()],
            ..TransportQueues::default()
        };
        // A repeated name keeps its first place and its last queues.
        outcome.transports.extend([queues(TRICKY), queues("Office LAN"), queues("")]);
        outcome.inbox.push(TRICKY.to_string());
        outcome.ui_prompts.push(String::new());
        outcome.leaks.push(Leak { object: ObjectKind::RowSet, var: TRICKY.to_string(), line: u32::MAX });
        outcome.errors.push(ScriptFault {
            line: 1,
            column: 2,
            error: RuntimeError::NoValue { var: TRICKY.to_string() },
        });
        assert_eq!(trace_json(&events, &outcome), reference(&events, &outcome));
        assert_eq!(trace_json(&[], &Outcome::default()), reference(&[], &Outcome::default()));
    }

    #[test]
    fn kinds_are_named_as_the_core_serializes_them() {
        for p in flushq_scenario::presets() {
            for e in run(p.name).0 {
                let serialized = match serde_json::to_value(&e.kind).unwrap() {
                    Value::String(unit) => unit,
                    Value::Object(one) => one.keys().next().unwrap().clone(),
                    other => panic!("{other}"),
                };
                assert_eq!(serialized, kind_name(&e.kind), "{}", p.name);
            }
        }
    }

    #[test]
    fn escapes() {
        let mut w = Writer::default();
        w.string(TRICKY);
        assert_eq!(w.out, "\"q\\\"b\\\\s/ \\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \u{7f}é\u{2028}😀\"");
    }
}
