//! The SVG picture of the session at one step: client, session and status table,
//! spooler, transports in transport order with their queues and status bits, the
//! remote systems, and the shared modem line. Messages are tokens keyed by
//! message id, so moving between places animates (unless reduced motion is asked).

use crate::i18n::ui;
use crate::i18n::{self, t, use_lang, Lang};
use crate::run::Run;
use crate::Ptr;
use flushq_core::mapi::StatusCode;
use flushq_core::scenario::TransportKind;
use flushq_core::trace::{Actor, Event, EventKind, FlushMode, View};
use std::borrow::Cow;
use yew::prelude::*;

/// Properties of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// What to draw.
    pub view: Ptr<View>,
    /// The run and the step shown: its event says who acts. Compared by
    /// identity and number, never event by event.
    pub run: Ptr<Run>,
    /// Events shown (0 is before the first).
    pub step: usize,
}

const W: f64 = 1000.0;
const ROW_H: f64 = 118.0;
const TOP: f64 = 46.0;
const CLIENT_X: f64 = 16.0;
const SESSION_X: f64 = 16.0;
const SPOOLER_X: f64 = 232.0;
const XP_X: f64 = 402.0;
const XP_W: f64 = 330.0;
const REMOTE_X: f64 = 790.0;
const REMOTE_W: f64 = 194.0;

/// Which box an actor is drawn as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Client,
    Session,
    Spooler,
    Transport(usize),
    User(usize),
}

fn node_of(actor: &Actor, view: &View) -> Option<Node> {
    Some(match actor {
        Actor::Client => Node::Client,
        Actor::Session | Actor::Table | Actor::Mapi => Node::Session,
        Actor::Spooler => Node::Spooler,
        Actor::Transport(n) => Node::Transport(view.transport_index(n)?),
        Actor::User => Node::User(view.prompt.map(|p| p.transport.index()).or(view.active)?),
    })
}

/// A coordinate as whole pixels: drawing needs no finer, and integer formatting
/// keeps float formatting code out of the bundle.
fn coord(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The diagram's own styles, inside the SVG so an exported file looks the same.
/// Colours come from the page's custom properties, with fallbacks for standalone use.
pub const DIAGRAM_CSS: &str = r#"
.diagram { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", sans-serif; }
.diagram .col-note { font-size: 11px; fill: var(--muted, #5b6470); }
.diagram .col-head { font-size: 12px; font-weight: 600; fill: var(--muted, #5b6470); text-transform: uppercase; letter-spacing: .05em; }
.diagram .box > rect { fill: var(--panel, #fff); stroke: var(--line, #c9d0d8); stroke-width: 1.5; }
.diagram .box .title { font-size: 13px; font-weight: 600; fill: var(--ink, #1b1f24); }
.diagram .box .sub { font-size: 11px; fill: var(--muted, #5b6470); }
.diagram .box .lane { font-size: 10px; fill: var(--muted, #5b6470); text-transform: uppercase; letter-spacing: .04em; }
.diagram .box.remote > rect { fill: var(--bg, #f6f7f9); stroke-dasharray: 4 3; }
.diagram .box.flushing > rect { stroke: var(--accent, #2459d6); stroke-width: 2; }
.diagram .box.active > rect { stroke: var(--focus, #e39b00); stroke-width: 3; filter: drop-shadow(0 0 4px rgba(227,155,0,.45)); }
.diagram .kind rect { fill: var(--accent-soft, #e4ecff); stroke: var(--accent, #2459d6); }
.diagram .kind.modem rect, .diagram .kind.ras rect { fill: #fff1dc; stroke: var(--warn, #b25e00); }
.diagram .kind text { font: 600 9.5px ui-monospace, Menlo, Consolas, monospace; fill: var(--ink, #1b1f24); }
.diagram .kind.modem text, .diagram .kind.ras text { fill: #6b3800; }
.diagram .chip rect { fill: transparent; stroke: var(--line, #c9d0d8); }
.diagram .chip text { font: 9.5px ui-monospace, Menlo, Consolas, monospace; fill: var(--muted, #8a939e); }
.diagram .chip.on rect { fill: var(--accent, #2459d6); stroke: var(--accent, #2459d6); }
.diagram .chip.on text { fill: #fff; }
.diagram .chip.bad rect { fill: var(--bad, #c0262d); stroke: var(--bad, #c0262d); }
.diagram .link { stroke: var(--line, #c9d0d8); stroke-width: 2; stroke-dasharray: 3 4; }
.diagram .link.up { stroke: var(--ok, #1f7a46); stroke-dasharray: none; stroke-width: 3; }
.diagram .wire { stroke: var(--line, #c9d0d8); stroke-width: 1.5; stroke-dasharray: 2 3; }
.diagram .wire.held { stroke: var(--warn, #b25e00); stroke-width: 2.5; stroke-dasharray: none; }
.diagram .modem rect { fill: var(--bg, #f6f7f9); stroke: var(--line, #c9d0d8); }
.diagram .modem.held rect { stroke: var(--warn, #b25e00); stroke-width: 2; }
.diagram .modem text { font-size: 12px; fill: var(--ink, #1b1f24); }
.diagram .arrow path { fill: none; stroke: var(--focus, #e39b00); stroke-width: 2.5; }
.diagram .arrow.fallback path { stroke: #d14b8f; stroke-dasharray: 7 5; }
.diagram .arrow text { font-size: 11px; font-weight: 600; fill: var(--ink, #1b1f24); paint-order: stroke; stroke: var(--panel, #fff); stroke-width: 4px; }
.diagram .arrow.fallback text { fill: #d14b8f; }
.diagram marker path { fill: var(--focus, #e39b00); }
.diagram .token { transition: transform .45s ease; }
.diagram .token rect { fill: var(--token-out, #2459d6); }
.diagram .token text { font-size: 10.5px; fill: #fff; font-family: ui-monospace, Menlo, Consolas, monospace; }
.diagram .token.sent rect { fill: var(--ok, #1f7a46); }
.diagram .token.deferred rect { fill: var(--warn, #b25e00); }
.diagram .token.failed rect { fill: var(--bad, #c0262d); }
.diagram .token.waiting rect, .diagram .token.in rect { fill: var(--token-in, #7a3fc4); }
.diagram .token.more rect { fill: var(--muted, #5b6470); }
.diagram .token.transit rect { stroke: var(--focus, #e39b00); stroke-width: 2.5; }
.diagram .progress { font-size: 11px; fill: var(--warn, #b25e00); }
.diagram .dialog-badge rect { fill: #fff8e1; stroke: var(--warn, #b25e00); stroke-width: 1.5; }
.diagram .dialog-badge text { font-size: 12px; fill: #3b2a00; }
@media (prefers-reduced-motion: reduce) { .diagram .token { transition: none; } .diagram .box.active > rect { filter: none; } }
"#;

/// Most transport rows drawn at once. A profile with more shows the rows around
/// the current step (the status table lists them all): a taller drawing would be
/// unreadable, and drawing every row would cost more than a frame.
pub const MAX_ROWS: usize = 12;

/// Which transports the drawing shows, and where everything goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// First transport shown.
    pub first: usize,
    /// How many are shown.
    pub shown: usize,
}

impl Layout {
    /// The window of rows around transport `focus`, among `total`.
    pub fn around(focus: usize, total: usize) -> Layout {
        let shown = total.min(MAX_ROWS);
        let first = focus.saturating_sub(shown / 2).min(total - shown);
        Layout { first, shown }
    }

    /// Height of the drawing.
    pub fn height(&self) -> f64 {
        (TOP + self.shown as f64 * ROW_H + 60.0).max(356.0)
    }

    /// The box of `node`, or `None` for a transport outside the window.
    fn rect(&self, node: Node) -> Option<(f64, f64, f64, f64)> {
        let h = self.height();
        Some(match node {
            Node::Client => (CLIENT_X, TOP, 196.0, 150.0),
            Node::Session => (SESSION_X, TOP + 170.0, 196.0, 120.0),
            Node::Spooler => (SPOOLER_X, TOP + (h - TOP - 70.0) / 2.0 - 62.0, 140.0, 124.0),
            Node::Transport(i) | Node::User(i) => {
                if i < self.first || i >= self.first + self.shown {
                    return None;
                }
                (XP_X, TOP + (i - self.first) as f64 * ROW_H, XP_W, ROW_H - 14.0)
            }
        })
    }
}

/// A small badge naming the transport's kind (text, not emoji: fonts vary).
fn kind_badge(kind: TransportKind, x: f64, y: f64) -> Html {
    let (label, w) = match kind {
        TransportKind::Lan => ("LAN", 30.0),
        TransportKind::Modem => ("MODEM", 44.0),
        TransportKind::Ras => ("RAS", 30.0),
    };
    html! {
        <g class={classes!("kind", kind.name())}>
            <rect x={coord(x)} y={coord(y - 11.0)} width={coord(w)} height="15" rx="3" />
            <text x={coord(x + w / 2.0)} y={coord(y)} text-anchor="middle">{ label }</text>
        </g>
    }
}

/// A message token at (x, y), keyed so it glides when it moves.
fn token(key: String, subject: &str, x: f64, y: f64, class: &'static str) -> Html {
    let w = 16.0 + 7.0 * subject.chars().count().min(14) as f64;
    let label: String = subject.chars().take(14).collect();
    html! {
        <g key={key} class={classes!("token", class)} style={format!("transform: translate({}px, {}px)", coord(x), coord(y))}>
            // A tooltip only where the label is cut short: one node less per token.
            if subject.chars().count() > 14 {
                <title>{ subject }</title>
            }
            <rect width={coord(w)} height="18" rx="9" />
            <text x={coord(w / 2.0)} y="13" text-anchor="middle">{ label }</text>
        </g>
    }
}

/// Where a lane of tokens goes: top-left corner, width, rows, and a name for the
/// "+N" pill's key.
struct Lane {
    x: f64,
    y: f64,
    width: f64,
    rows: usize,
    name: String,
    lang: Lang,
}

/// Lays message tokens left to right, wrapping inside the lane, at most
/// `lane.rows` rows; the rest collapse into one "+N" pill, so a long queue never
/// spills over other boxes and a huge one costs no more to draw than a short one.
/// Tokens are keyed by message id: the same message glides from lane to lane.
/// (A lane knows the page's language for the pill's tooltip.)
fn lay(view: &View, items: impl Iterator<Item = (u32, &'static str)>, total: usize, lane: Lane, out: &mut Vec<Html>) {
    let (mut x, mut row) = (lane.x, 0usize);
    let width_of = |s: &str| 16.0 + 7.0 * s.chars().count().min(14) as f64;
    let right = lane.x + lane.width;
    for (shown, (id, class)) in items.enumerate() {
        let subject = view.subject(id);
        let w = width_of(subject);
        let mut fits = x + w <= right || x == lane.x;
        if !fits && row + 1 < lane.rows {
            row += 1;
            x = lane.x;
            fits = true;
        }
        // Keep room for the "+N" pill on the last row.
        let rest = total - shown;
        let last_row = row + 1 == lane.rows;
        if !fits || (last_row && rest > 1 && x + w + width_of("+999") > right) {
            let label = format!("+{rest}");
            out.push(html! {
                <g key={format!("more-{}", lane.name)} class="token more" style={format!("transform: translate({}px, {}px)", coord(x), coord(lane.y + row as f64 * 22.0))}>
                    <title>{ t(lane.lang, ui::Diagram::MoreMessages(rest)) }</title>
                    <rect width={coord(width_of(&label))} height="18" rx="9" />
                    <text x={coord(width_of(&label) / 2.0)} y="13" text-anchor="middle">{ label }</text>
                </g>
            });
            return;
        }
        out.push(token(format!("m{id}"), subject, x, lane.y + row as f64 * 22.0, class));
        x += w + 4.0;
    }
}

fn status_chips(status: StatusCode, x: f64, y: f64) -> Html {
    let bits = [
        (StatusCode::STATUS_OUTBOUND_FLUSH, "OUTBOUND_FLUSH"),
        (StatusCode::STATUS_INBOUND_FLUSH, "INBOUND_FLUSH"),
        (StatusCode::STATUS_FAILURE, "FAILURE"),
    ];
    let mut cx = x;
    let chips = bits
        .iter()
        .map(|(bit, name)| {
            let on = status.contains(*bit);
            let w = 8.0 + 6.0 * name.len() as f64;
            let chip = html! {
                <g class={classes!("chip", on.then_some("on"), (*bit == StatusCode::STATUS_FAILURE && on).then_some("bad"))}>
                    <rect x={coord(cx)} y={coord(y)} width={coord(w)} height="15" rx="3" />
                    <text x={coord(cx + 4.0)} y={coord(y + 11.0)}>{ *name }</text>
                </g>
            };
            cx += w + 4.0;
            chip
        })
        .collect::<Html>();
    html! { <g aria-label={format!("PR_STATUS_CODE: {status}")}>{ chips }</g> }
}

fn arrow(from: (f64, f64, f64, f64), to: (f64, f64, f64, f64), class: &'static str, label: Option<&str>) -> Html {
    let (fx, fy) = (from.0 + from.2 / 2.0, from.1 + from.3 / 2.0);
    let (tx, ty) = (to.0 + to.2 / 2.0, to.1 + to.3 / 2.0);
    // Leave from the facing side of each box.
    let (sx, ex) = if tx > fx {
        (from.0 + from.2, to.0)
    } else if tx < fx {
        (from.0, to.0 + to.2)
    } else {
        (fx, tx)
    };
    let (sy, ey) = if (tx - fx).abs() < 1.0 { (from.1 + from.3, to.1) } else { (fy, ty) };
    let mx = (sx + ex) / 2.0;
    let d = format!(
        "M{},{} C{},{} {},{} {},{}",
        coord(sx),
        coord(sy),
        coord(mx),
        coord(sy),
        coord(mx),
        coord(ey),
        coord(ex),
        coord(ey)
    );
    html! {
        <g class={classes!("arrow", class)}>
            <path d={d} marker-end="url(#arrowhead)" />
            // Labels only fit on long arrows; short ones would cover the boxes'
            // titles, and the narration names the call anyway.
            if let Some(l) = label.filter(|_| (ex - sx).abs() >= 80.0) {
                <text x={coord(mx)} y={coord((sy + ey) / 2.0 - 6.0)} text-anchor="middle">{ l }</text>
            }
        </g>
    }
}

/// Who acts in this step and who is called, and the layout around them: what
/// every part of the drawing is placed and lit by.
struct Scene<'a> {
    view: &'a View,
    event: Option<&'a Event>,
    actor: Option<Node>,
    target: Option<Node>,
    layout: Layout,
    lang: Lang,
}

impl<'a> Scene<'a> {
    fn new(view: &'a View, event: Option<&'a Event>, lang: Lang) -> Self {
        let actor = event.and_then(|e| node_of(&e.actor, view));
        let target = event.and_then(|e| e.target.as_ref()).and_then(|a| node_of(a, view));
        let transport_of = |node: Option<Node>| match node {
            Some(Node::Transport(i) | Node::User(i)) => Some(i),
            _ => None,
        };
        let focus = transport_of(target)
            .or(transport_of(actor))
            .or(view.prompt.map(|p| p.transport.index()))
            .or(view.active)
            .unwrap_or(0);
        let layout = Layout::around(focus, view.transports.len());
        Scene { view, event, actor, target, layout, lang }
    }

    /// The box of a node that is always drawn (not a transport).
    fn always(&self, node: Node) -> (f64, f64, f64, f64) {
        self.layout.rect(node).unwrap_or_default()
    }

    /// `active` when `node` acts or is called in this step.
    fn lit(&self, node: Node) -> Option<&'static str> {
        (self.actor == Some(node) || self.target == Some(node)).then_some("active")
    }
}

/// The session diagram.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let lang = use_lang();
    let view: &View = &props.view;
    let n = view.transports.len();
    let scene = Scene::new(view, props.run.event_at(props.step), lang);
    let h = scene.layout.height();
    let mut tokens: Vec<Html> = Vec::new();
    let boxes: Vec<Html> = vec![client_box(&scene, &mut tokens), session_box(&scene), spooler_box(&scene)];
    let rows = transport_rows(&scene, &props.view);
    let window_note = window_note(&scene);
    let modem = modem_line(&scene, h);
    let call = call_arrows(&scene);
    let dialog = dialog_badge(&scene);
    html! {
        <svg class="diagram" viewBox={format!("0 0 {} {}", coord(W), coord(h))} role="img" xmlns="http://www.w3.org/2000/svg"
            aria-label={t(lang, ui::Diagram::Label { step: view.step, transports: n })}>
            <style>{ DIAGRAM_CSS }</style>
            <defs>
                <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            <text class="col-head" x={coord(CLIENT_X)} y="26">{ t(lang, ui::Diagram::ClientColumn) }</text>
            <text class="col-head" x={coord(SPOOLER_X)} y="26">{ t(lang, ui::Diagram::SpoolerColumn) }</text>
            <text class="col-head" x={coord(XP_X)} y="26">{ t(lang, ui::Diagram::TransportsColumn) }</text>
            <text class="col-head" x={coord(REMOTE_X)} y="26">{ t(lang, ui::Diagram::RemoteColumn) }</text>
            { for window_note }
            { for boxes }
            { for rows }
            { for modem }
            { call }
            <g class="tokens">{ for tokens }</g>
            { for dialog }
        </svg>
    }
}

/// The client application with its inbox; the inbox's tokens go to `tokens`.
fn client_box(scene: &Scene, tokens: &mut Vec<Html>) -> Html {
    let Scene { view, lang, .. } = *scene;
    let (cx, cy, cw, ch) = scene.always(Node::Client);
    let line = match view.blocked {
        Some(l) => ui::Diagram::WaitsIn(l),
        None => view.line.map_or(ui::Diagram::Idle, ui::Diagram::ScriptLine),
    };
    // The client's submitted mail waits in the transports' outbound queues; the
    // client box counts it so the outbox is visible without drawing tokens twice.
    let queued: usize = view.queues.iter().map(|q| q.outbound.len() + q.deferred.len()).sum();
    let inbox = view.inbox.iter().map(|(id, _)| (id, "in"));
    let lane = Lane { x: cx + 10.0, y: cy + 84.0, width: cw - 20.0, rows: 3, name: String::from("inbox"), lang };
    let client = html! {
        <g class={classes!("box", "client", scene.lit(Node::Client))}>
            <rect x={coord(cx)} y={coord(cy)} width={coord(cw)} height={coord(ch)} rx="8" />
            <text class="title" x={coord(cx + 10.0)} y={coord(cy + 20.0)}>{ t(lang, ui::Diagram::ClientApp) }</text>
            <text class="sub" x={coord(cx + 10.0)} y={coord(cy + 37.0)}>{ t(lang, line) }</text>
            <text class="sub" x={coord(cx + 10.0)} y={coord(cy + 54.0)}>{ t(lang, ui::Diagram::Outbox(queued)) }</text>
            <text class="lane" x={coord(cx + 10.0)} y={coord(cy + 76.0)}>{ t(lang, ui::Diagram::Inbox(view.inbox.len())) }</text>
        </g>
    };
    lay(view, inbox, view.inbox.len(), lane, tokens);
    client
}

/// The MAPI session and its status table.
fn session_box(scene: &Scene) -> Html {
    let Scene { view, lang, .. } = *scene;
    let (sx, sy, sw, sh) = scene.always(Node::Session);
    let open = view.handles.iter().filter(|h| h.released.is_none()).count();
    html! {
        <g class={classes!("box", "session", scene.lit(Node::Session))}>
            <rect x={coord(sx)} y={coord(sy)} width={coord(sw)} height={coord(sh)} rx="8" />
            <text class="title" x={coord(sx + 10.0)} y={coord(sy + 20.0)}>{ t(lang, ui::Diagram::Session) }</text>
            <text class="sub" x={coord(sx + 10.0)} y={coord(sy + 40.0)}>{ t(lang, ui::Diagram::StatusRows(view.rows.len())) }</text>
            <text class="sub" x={coord(sx + 10.0)} y={coord(sy + 58.0)}>{ t(lang, ui::Diagram::RowsMatched(view.matched.len())) }</text>
            <text class="sub" x={coord(sx + 10.0)} y={coord(sy + 76.0)}>{ t(lang, ui::Diagram::OpenHandles(open)) }</text>
        </g>
    }
}

/// The spooler, with the transports of its current job.
fn spooler_box(scene: &Scene) -> Html {
    let lang = scene.lang;
    let (px, py, pw, ph) = scene.always(Node::Spooler);
    let job = spooler_job(scene.view, lang)
        .into_iter()
        .enumerate()
        .map(|(k, line)| html! { <tspan x={coord(px + 10.0)} dy={if k == 0 { "0" } else { "14" }}>{ line }</tspan> });
    html! {
        <g class={classes!("box", "spooler", scene.lit(Node::Spooler))}>
            <rect x={coord(px)} y={coord(py)} width={coord(pw)} height={coord(ph)} rx="8" />
            <text class="title" x={coord(px + 10.0)} y={coord(py + 22.0)}>{ t(lang, ui::Diagram::Spooler) }</text>
            <text class="sub" x={coord(px + 10.0)} y={coord(py + 42.0)}>{ for job }</text>
            if let Some(parent) = scene.view.progress {
                <text class="progress" x={coord(px + 10.0)} y={coord(py + ph - 8.0)}>{ t(lang, ui::Diagram::Progress(parent)) }</text>
            }
        </g>
    }
}

/// The lines of the spooler's box: idle, or the job's transports, a window of
/// three around the one being flushed.
fn spooler_job(view: &View, lang: Lang) -> Vec<Cow<'static, str>> {
    if view.job.is_empty() {
        return vec![t(lang, ui::Diagram::Idle)];
    }
    let at = view.active.and_then(|a| view.job.iter().position(|&t| t == a)).unwrap_or(0);
    let start = at.saturating_sub(1).min(view.job.len().saturating_sub(3));
    let shown = &view.job[start..(start + 3).min(view.job.len())];
    let mut lines = vec![t(lang, ui::Diagram::FlushingInOrder)];
    if start > 0 {
        lines.push(t(lang, ui::Diagram::JobDone(start)));
    }
    lines.extend(shown.iter().map(|&t| {
        let mark = if view.active == Some(t) { "▸ " } else { "  " };
        Cow::Owned(format!("{mark}{}", view.transports[t].name))
    }));
    let after = view.job.len() - start - shown.len();
    if after > 0 {
        lines.push(t(lang, ui::Diagram::JobMore(after)));
    }
    lines
}

/// Transports and their remote systems, a component per row so that a step
/// re-draws only the rows it changed.
fn transport_rows(scene: &Scene, view: &Ptr<View>) -> Vec<Html> {
    let layout = scene.layout;
    (layout.first..layout.first + layout.shown)
        .map(|i| {
            html! {
                <TransportRow key={i} view={view.clone()} index={i} layout={layout}
                    lit={scene.lit(Node::Transport(i)).is_some()} fingerprint={RowFingerprint::of(scene.view, i)} />
            }
        })
        .collect()
}

/// Which transports are shown, when not all of them are.
fn window_note(scene: &Scene) -> Option<Html> {
    let Scene { layout, lang, .. } = *scene;
    let n = scene.view.transports.len();
    (layout.shown < n).then(|| {
        let (a, b) = (layout.first + 1, layout.first + layout.shown);
        let text = t(lang, ui::Diagram::Window { first: a, last: b, of: n });
        html! { <text class="col-note" x={coord(XP_X)} y="40">{ text }</text> }
    })
}

/// The shared modem line at the bottom (`h` is the drawing's height), when any
/// transport dials, wired to each dialling transport.
fn modem_line(scene: &Scene, h: f64) -> Option<Html> {
    let Scene { view, layout, lang, .. } = *scene;
    let dialers: Vec<usize> =
        view.transports.iter().enumerate().filter(|(_, t)| t.kind.dials()).map(|(i, _)| i).collect();
    (!dialers.is_empty()).then(|| {
        let y = h - 54.0;
        let holder = view.modem_line.map(|t| view.transports[t].name.to_string());
        let text = t(lang, holder.as_deref().map_or(ui::Diagram::ModemFree, ui::Diagram::ModemHeld));
        let wires = dialers
            .iter()
            .filter_map(|&i| {
                let (x, ty, w, hh) = layout.rect(Node::Transport(i))?;
                let held = view.modem_line == Some(i);
                Some(html! { <line class={classes!("wire", held.then_some("held"))} x1={coord(x + w - 24.0)} y1={coord(ty + hh)} x2={coord(x + w - 24.0)} y2={coord(y)} /> })
            })
            .collect::<Html>();
        html! {
            <g class={classes!("modem", holder.is_some().then_some("held"))}>
                { wires }
                <rect x={coord(XP_X)} y={coord(y)} width={coord(XP_W)} height="30" rx="6" />
                <text x={coord(XP_X + 10.0)} y={coord(y + 20.0)}>{ text }</text>
            </g>
        }
    })
}

/// The call of this step, and the fallback drawn distinctly.
fn call_arrows(scene: &Scene) -> Html {
    let Scene { view, event, layout, .. } = *scene;
    let rects = (scene.actor.and_then(|a| layout.rect(a)), scene.target.and_then(|b| layout.rect(b)));
    match rects {
        (Some(from), Some(to)) if from != to => {
            let fallback = matches!(
                event.map(|e| &e.kind),
                Some(EventKind::FlushCall { target: Some(_), mode: FlushMode::Synchronous, .. })
            );
            let main =
                arrow(from, to, if fallback { "fallback" } else { "call" }, call_label(event, scene.lang).as_deref());
            let extra = event.and_then(|e| match &e.kind {
                EventKind::FlushCall { target: Some(t), .. } if fallback => view
                    .transport_index(t)
                    .and_then(|i| layout.rect(Node::Transport(i)))
                    .map(|to| arrow(scene.always(Node::Spooler), to, "fallback", Some("lpTargetTransport"))),
                _ => None,
            });
            html! { <>{ main }{ for extra }</> }
        }
        _ => html! {},
    }
}

/// The name of the call an arrow stands for, if it has one.
fn call_label(event: Option<&Event>, lang: Lang) -> Option<Cow<'static, str>> {
    event.and_then(|e| match &e.kind {
        EventKind::FlushCall { .. } | EventKind::XpFlushQueues { .. } => Some(Cow::Borrowed("FlushQueues")),
        EventKind::Submit { .. } => Some(Cow::Borrowed("SubmitMessage")),
        EventKind::StartMessage { .. } => Some(Cow::Borrowed("StartMessage")),
        EventKind::TransportNotify { .. } => Some(Cow::Borrowed("TransportNotify")),
        EventKind::FlushReturn { .. } | EventKind::XpReturn { .. } => Some(t(lang, ui::Diagram::Returns)),
        _ => None,
    })
}

/// A dialog on screen, drawn over its transport.
fn dialog_badge(scene: &Scene) -> Option<Html> {
    let Scene { view, layout, lang, .. } = *scene;
    let p = view.prompt?;
    let (x, y, w, hh) = layout.rect(Node::Transport(p.transport.index()))?;
    let name = &view.transports[p.transport.index()].name;
    let text = t(lang, ui::Diagram::Dialog { transport: name });
    Some(html! {
        <g class="dialog-badge">
            // Over the right end of the "held" lane, clear of the title and queues.
            <rect x={coord(x + w - 190.0)} y={coord(y + hh - 34.0)} width="180" height="26" rx="5" />
            <text x={coord(x + w - 180.0)} y={coord(y + hh - 17.0)}>{ text }</text>
        </g>
    })
}

/// What a transport row shows, small enough to compare on every step. Queue
/// contents change only by moves that change some length, so lengths (with the
/// run's identity) tell whether the row must be drawn again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowFingerprint {
    run: usize,
    lengths: [usize; 5],
    /// The messages in transit and being received.
    held: (Option<u32>, Option<u32>),
    status: StatusCode,
    active: bool,
}

impl RowFingerprint {
    /// The fingerprint of transport `i` in `view`.
    pub fn of(view: &View, i: usize) -> Self {
        let q = &view.queues[i];
        RowFingerprint {
            run: std::rc::Rc::as_ptr(&view.subjects) as *const u8 as usize,
            lengths: [q.outbound.len(), q.delivered.len(), q.deferred.len(), q.failed.len(), q.remote.len()],
            held: (q.in_transit, q.receiving),
            status: view.status[view.transports[i].row],
            active: view.active == Some(i),
        }
    }
}

/// Properties of [`TransportRow`].
#[derive(Properties)]
pub struct TransportRowProps {
    /// The view (not compared: the fingerprint stands for it).
    pub view: Ptr<View>,
    /// Which transport.
    pub index: usize,
    /// Where the rows go.
    pub layout: Layout,
    /// Highlighted as the actor or callee of this step.
    pub lit: bool,
    /// Decides whether the row changed.
    pub fingerprint: RowFingerprint,
}

impl PartialEq for TransportRowProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.layout == other.layout
            && self.lit == other.lit
            && self.fingerprint == other.fingerprint
    }
}

/// One transport, its queues and status bits, its remote system and the link.
#[function_component(TransportRow)]
pub fn transport_row(props: &TransportRowProps) -> Html {
    let lang = use_lang();
    let view: &View = &props.view;
    let i = props.index;
    let t = &view.transports[i];
    let Some((x, y, w, hh)) = props.layout.rect(Node::Transport(i)) else { return html! {} };
    let status = view.status[t.row];
    let mut traits = Vec::new();
    // Only dial-up transports show a dialog (their connection dialog).
    if t.kind.dials() && !t.honors_no_ui {
        traits.push(i18n::t(lang, ui::Diagram::IgnoresNoUi));
    }
    if t.asynchronous {
        traits.push(i18n::t(lang, ui::Diagram::Asynchronous));
    }
    let flags = traits.join(" · ");
    let badge_w = if t.kind == TransportKind::Modem { 44.0 } else { 30.0 };
    let tokens = row_tokens(view, i, (x, y, w), lang);
    let (rx, ry) = (REMOTE_X, y);
    // The link between transport and remote: solid when connected.
    let linked = view.active == Some(i) && !status.contains(StatusCode::STATUS_FAILURE);
    html! {
        <g class="row">
            <g class={classes!("box", "transport", props.lit.then_some("active"), (view.active == Some(i)).then_some("flushing"))}>
                <rect x={coord(x)} y={coord(y)} width={coord(w)} height={coord(hh)} rx="8" />
                { kind_badge(t.kind, x + 10.0, y + 20.0) }
                <text class="title" x={coord(x + 16.0 + badge_w)} y={coord(y + 20.0)}>
                    { format!("{}. {}", i + 1, t.name) }
                </text>
                <text class="sub" x={coord(x + w - 10.0)} y={coord(y + 20.0)} text-anchor="end">{ flags }</text>
                { status_chips(status, x + 10.0, y + 28.0) }
                <text class="lane" x={coord(x + 10.0)} y={coord(y + 62.0)}>{ i18n::t(lang, ui::Diagram::Out) }</text>
                <text class="lane" x={coord(x + 10.0)} y={coord(y + 88.0)}>{ i18n::t(lang, ui::Diagram::Held) }</text>
            </g>
            <g class="box remote">
                <rect x={coord(rx)} y={coord(ry)} width={coord(REMOTE_W)} height={coord(hh)} rx="8" />
                <text class="title" x={coord(rx + 10.0)} y={coord(ry + 20.0)}>{ t.name.to_string() }</text>
                <text class="lane" x={coord(rx + 10.0)} y={coord(ry + 40.0)}>{ i18n::t(lang, ui::Diagram::Delivered) }</text>
                <text class="lane" x={coord(rx + 10.0)} y={coord(ry + 76.0)}>{ i18n::t(lang, ui::Diagram::WaitingForUs) }</text>
            </g>
            <line class={classes!("link", linked.then_some("up"), t.kind.dials().then_some("dial"))}
                x1={coord(x + w)} y1={coord(y + hh / 2.0)} x2={coord(rx)} y2={coord(ry + hh / 2.0)} />
            <g class="tokens">{ for tokens }</g>
        </g>
    }
}

/// The tokens of transport `i`'s row, whose box starts at (x, y) and is `w` wide:
/// outbound and held on the transport, delivered and waiting on the remote system.
fn row_tokens(view: &View, i: usize, (x, y, w): (f64, f64, f64), lang: Lang) -> Vec<Html> {
    let q = &view.queues[i];
    let mut tokens: Vec<Html> = Vec::new();
    let lane = |x: f64, y: f64, width: f64, name: &str| Lane { x, y, width, rows: 1, name: format!("{name}{i}"), lang };
    // A message between SubmitMessage and EndMessage (or StartMessage and
    // SaveChanges) stays at the front of its lane, outlined: the transport holds it.
    let out = q.in_transit.map(|id| (id, "out transit")).into_iter().chain(q.outbound.iter().map(|id| (id, "out")));
    let out_count = q.outbound.len() + usize::from(q.in_transit.is_some());
    lay(view, out, out_count, lane(x + 40.0, y + 49.0, w - 50.0, "out"), &mut tokens);
    let held = q.deferred.iter().map(|&id| (id, "deferred")).chain(q.failed.iter().map(|id| (id, "failed")));
    let held_count = q.deferred.len() + q.failed.len();
    lay(view, held, held_count, lane(x + 40.0, y + 75.0, w - 50.0, "held"), &mut tokens);
    let (rx, ry) = (REMOTE_X, y);
    let sent = q.delivered.iter().map(|id| (id, "sent"));
    lay(view, sent, q.delivered.len(), lane(rx + 10.0, ry + 45.0, REMOTE_W - 20.0, "sent"), &mut tokens);
    let receiving = q.receiving.map(|id| (id, "waiting transit"));
    let waiting = receiving.into_iter().chain(q.remote.iter().map(|id| (id, "waiting")));
    let waiting_count = q.remote.len() + usize::from(q.receiving.is_some());
    lay(view, waiting, waiting_count, lane(rx + 10.0, ry + 81.0, REMOTE_W - 20.0, "wait"), &mut tokens);
    tokens
}
