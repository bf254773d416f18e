//! The scenario editor: transports in transport order (kind, methods, NO_UI,
//! asynchronous, queues), stores, faults and the seed. Text fields commit on
//! `change` (blur or Enter), so half-typed lists are never rewritten under the cursor.

use crate::i18n::{self, ui, use_lang, Lang};
use crate::state::Action;
use flushq_core::mapi::ResourceMethods;
use flushq_core::scenario::{
    Fault, FaultKind, FaultName, MessageArg, Scenario, TransportId, TransportKind, TransportSpec,
};
use yew::prelude::*;

/// Properties of [`ScenarioEditor`].
#[derive(Properties, PartialEq)]
pub struct ScenarioEditorProps {
    /// The scenario being edited (compared by identity).
    pub scenario: crate::Ptr<Scenario>,
    /// Why the scenario cannot run, if it cannot.
    pub error: Option<AttrValue>,
    /// Dispatches `Scenario`.
    pub on_action: Callback<Action>,
}

/// An edit of the scenario from an input's change event.
type Edit = Box<dyn Fn(&mut Scenario, Event)>;
/// An edit of the scenario from a button.
type ClickEdit = Box<dyn Fn(&mut Scenario)>;

fn split_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn input_value(e: &Event) -> String {
    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
    el.value()
}

fn select_value(e: &Event) -> String {
    let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
    el.value()
}

/// The fault of kind `name` with `message` as typed in the form (empty is none,
/// a required one stays empty until the learner fills it in); `None` for a kind
/// the name table does not know.
fn fault_kind(name: &str, message: String) -> Option<FaultKind> {
    let kind = FaultName::from_name(name)?;
    let message = match kind.message() {
        MessageArg::Never => None,
        MessageArg::Optional => (!message.is_empty()).then_some(message),
        MessageArg::Required => Some(message),
    };
    kind.with(message)
}

fn fault_message(kind: &FaultKind) -> String {
    kind.message().map(String::from).unwrap_or_default()
}

/// Makes the callbacks of the editor's inputs: each applies an edit to a copy of
/// the scenario and dispatches it.
struct Edits<'a> {
    scenario: &'a Scenario,
    on_action: &'a Callback<Action>,
}

impl Edits<'_> {
    /// An input's change event applies `f`.
    fn change(&self, f: Edit) -> Callback<Event> {
        let cb = self.on_action.clone();
        let base = self.scenario.clone();
        Callback::from(move |e: Event| {
            let mut next = base.clone();
            f(&mut next, e);
            cb.emit(Action::Scenario(Box::new(next)));
        })
    }

    /// A click applies `f`.
    fn click(&self, f: ClickEdit) -> Callback<MouseEvent> {
        let cb = self.on_action.clone();
        let base = self.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = base.clone();
            f(&mut next);
            cb.emit(Action::Scenario(Box::new(next)));
        })
    }
}

/// The scenario panel.
#[function_component(ScenarioEditor)]
pub fn scenario_editor(props: &ScenarioEditorProps) -> Html {
    let lang = use_lang();
    let s: &Scenario = &props.scenario;
    let edits = Edits { scenario: s, on_action: &props.on_action };
    let transports = s.transports.iter().enumerate().map(|(i, t)| transport_item(&edits, i, t, lang));
    let faults = s.faults.iter().enumerate().map(|(i, f)| fault_item(&edits, i, f, lang));
    html! {
        <section class="panel scenario-editor" aria-labelledby="sc-head">
            <h2 id="sc-head">{ i18n::t(lang, ui::ScenarioEditor::Heading) }</h2>
            if let Some(err) = &props.error {
                <p class="error" role="alert">{ err.clone() }</p>
            }
            <label class="wide">{ i18n::t(lang, ui::ScenarioEditor::Title) }<input type="text" value={s.title.clone()} onchange={edits.change(Box::new(|s, e| s.title = input_value(&e)))} /></label>
            <label>{ i18n::t(lang, ui::ScenarioEditor::Seed) }<input type="number" min="0" value={s.seed.to_string()} onchange={edits.change(Box::new(|s, e| {
                if let Ok(v) = input_value(&e).parse() { s.seed = v; }
            }))} /></label>
            <h3>{ i18n::t(lang, ui::ScenarioEditor::Transports) }</h3>
            <ol class="transports-edit">{ for transports }</ol>
            <button type="button" onclick={edits.click(Box::new(add_transport))}>{ i18n::t(lang, ui::ScenarioEditor::AddTransport) }</button>
            <h3>{ i18n::t(lang, ui::ScenarioEditor::MessageStores) }</h3>
            <label class="wide">{ i18n::t(lang, ui::ScenarioEditor::Stores) }<input type="text" value={s.stores.join(", ")} placeholder={i18n::t(lang, ui::ScenarioEditor::StoreNames)}
                onchange={edits.change(Box::new(|s, e| s.stores = split_list(&input_value(&e))))} /></label>
            <h3>{ i18n::t(lang, ui::ScenarioEditor::Faults) }</h3>
            <ul class="faults-edit">{ for faults }</ul>
            <button type="button" disabled={s.transports.is_empty()} onclick={edits.click(Box::new(|s| s.faults.push(Fault { transport: TransportId(0), kind: FaultKind::LinkDown })))}>{ i18n::t(lang, ui::ScenarioEditor::AddFault) }</button>
        </section>
    }
}

/// Adds a LAN transport named "Transport N", the first N not taken.
fn add_transport(s: &mut Scenario) {
    let name = (1..)
        .map(|k| format!("Transport {k}"))
        .find(|c| !s.transports.iter().any(|t| &t.name == c))
        .unwrap_or_default();
    s.transports.push(TransportSpec::new(name, TransportKind::Lan));
}

/// Removes transport `i`; faults follow their transport, and faults of the removed one go.
fn remove_transport(s: &mut Scenario, i: usize) {
    s.transports.remove(i);
    s.faults.retain(|f| f.transport.index() != i);
    for f in &mut s.faults {
        if f.transport.index() > i {
            f.transport = TransportId::at(f.transport.index() - 1);
        }
    }
}

/// Transport `i`: name, kind, order, methods, traits and queues.
fn transport_item(edits: &Edits, i: usize, t: &TransportSpec, lang: Lang) -> Html {
    let subjects = i18n::t(lang, ui::ScenarioEditor::Subjects);
    html! {
        <li class="transport-edit" key={format!("{i}-{}", t.name)}>
            { transport_head(edits, i, t, lang) }
            <div class="row methods" role="group" aria-label="PR_RESOURCE_METHODS">{ for methods(edits, i, t) }</div>
            <div class="row">
                <label class="check"><input type="checkbox" checked={t.honors_no_ui}
                    onchange={edits.change(Box::new(move |s, _| s.transports[i].honors_no_ui = !s.transports[i].honors_no_ui))} />{ i18n::t(lang, ui::ScenarioEditor::HonoursNoUi) }</label>
                <label class="check"><input type="checkbox" checked={t.asynchronous}
                    onchange={edits.change(Box::new(move |s, _| s.transports[i].asynchronous = !s.transports[i].asynchronous))} />{ i18n::t(lang, ui::ScenarioEditor::Asynchronous) }</label>
                <label class="check"><input type="checkbox" checked={t.offline}
                    onchange={edits.change(Box::new(move |s, _| s.transports[i].offline = !s.transports[i].offline))} />{ i18n::t(lang, ui::ScenarioEditor::Offline) }</label>
            </div>
            <label class="wide">{ i18n::t(lang, ui::ScenarioEditor::Outbound) }<input type="text" value={t.outbound.join(", ")} placeholder={subjects.clone()}
                onchange={edits.change(Box::new(move |s, e| s.transports[i].outbound = split_list(&input_value(&e))))} /></label>
            <label class="wide">{ i18n::t(lang, ui::ScenarioEditor::WaitingRemotely) }<input type="text" value={t.remote.join(", ")} placeholder={subjects}
                onchange={edits.change(Box::new(move |s, e| s.transports[i].remote = split_list(&input_value(&e))))} /></label>
        </li>
    }
}

/// Transport `i`'s first row: its order, name and kind, and the buttons that move or remove it.
fn transport_head(edits: &Edits, i: usize, t: &TransportSpec, lang: Lang) -> Html {
    let n = edits.scenario.transports.len();
    html! {
        <div class="row">
            <span class="order" aria-hidden="true">{ i + 1 }</span>
            <label>{ i18n::t(lang, ui::ScenarioEditor::Name) }<input type="text" value={t.name.clone()} aria-label={i18n::t(lang, ui::ScenarioEditor::NameOf(i + 1))}
                onchange={edits.change(Box::new(move |s, e| s.transports[i].name = input_value(&e)))} /></label>
            <label>{ i18n::t(lang, ui::ScenarioEditor::Kind) }
                <select aria-label={i18n::t(lang, ui::ScenarioEditor::KindOf(&t.name))} onchange={edits.change(Box::new(move |s, e| {
                    if let Some(kind) = TransportKind::from_name(&select_value(&e)) {
                        s.transports[i].kind = kind;
                    }
                }))}>
                    { for TransportKind::ALL.iter().map(|k| html! {
                        <option value={k.name()} selected={*k == t.kind}>{ k.name().to_ascii_uppercase() }</option>
                    }) }
                </select>
            </label>
            <span class="move">
                <button type="button" disabled={i == 0} aria-label={i18n::t(lang, ui::ScenarioEditor::MoveUp(&t.name))}
                    onclick={edits.click(Box::new(move |s| s.transports.swap(i, i - 1)))}>{ "↑" }</button>
                <button type="button" disabled={i + 1 == n} aria-label={i18n::t(lang, ui::ScenarioEditor::MoveDown(&t.name))}
                    onclick={edits.click(Box::new(move |s| s.transports.swap(i, i + 1)))}>{ "↓" }</button>
                <button type="button" aria-label={i18n::t(lang, ui::ScenarioEditor::Remove(&t.name))}
                    onclick={edits.click(Box::new(move |s| remove_transport(s, i)))}>{ "✕" }</button>
            </span>
        </div>
    }
}

/// A checkbox per PR_RESOURCE_METHODS bit of transport `i`.
fn methods<'a>(edits: &'a Edits, i: usize, t: &'a TransportSpec) -> impl Iterator<Item = Html> + 'a {
    ResourceMethods::all().iter_names().map(move |(name, bit)| {
        // Every status object supports ValidateState, whatever the scenario lists.
        let always = bit == ResourceMethods::STATUS_VALIDATE_STATE;
        html! {
            <label class="check">
                <input type="checkbox" checked={always || t.methods.contains(bit)} disabled={always}
                    onchange={edits.change(Box::new(move |s, _| { let m = &mut s.transports[i].methods; if m.contains(bit) { m.remove(bit) } else { m.insert(bit) } }))} />
                <code>{ name }</code>
            </label>
        }
    })
}

/// Fault `i`: its transport, its kind, the message it is about (for the kinds
/// that name one), and a button that removes it.
fn fault_item(edits: &Edits, i: usize, f: &Fault, lang: Lang) -> Html {
    let message = fault_message(&f.kind);
    let needs_message = f.kind.kind().message() != MessageArg::Never;
    html! {
        <li class="fault-edit row" key={i}>
            <select aria-label={i18n::t(lang, ui::ScenarioEditor::FaultTransport)} onchange={edits.change(Box::new(move |s, e| {
                if let Ok(t) = select_value(&e).parse::<usize>() { s.faults[i].transport = TransportId::at(t); }
            }))}>
                { for edits.scenario.transports.iter().enumerate().map(|(t, spec)| html! { <option value={t.to_string()} selected={t == f.transport.index()}>{ &spec.name }</option> }) }
            </select>
            <select aria-label={i18n::t(lang, ui::ScenarioEditor::FaultKind)} onchange={edits.change(Box::new(move |s, e| {
                if let Some(kind) = fault_kind(&select_value(&e), fault_message(&s.faults[i].kind)) {
                    s.faults[i].kind = kind;
                }
            }))}>
                { for FaultName::ALL.iter().map(|k| html! { <option value={k.name()} selected={*k == f.kind.kind()}>{ k.name() }</option> }) }
            </select>
            if needs_message {
                <input type="text" value={message} placeholder={i18n::t(lang, ui::ScenarioEditor::SubjectPlaceholder)} aria-label={i18n::t(lang, ui::ScenarioEditor::Subject)}
                    onchange={edits.change(Box::new(move |s, e| {
                        if let Some(kind) = fault_kind(s.faults[i].kind.name(), input_value(&e)) {
                            s.faults[i].kind = kind;
                        }
                    }))} />
            }
            if let FaultKind::SpoolerShutdown { after } = f.kind {
                <input type="number" min="0" value={after.to_string()} aria-label={i18n::t(lang, ui::ScenarioEditor::ShutdownAfter)}
                    onchange={edits.change(Box::new(move |s, e| {
                        if let Ok(after) = input_value(&e).trim().parse::<u32>() { s.faults[i].kind = FaultKind::SpoolerShutdown { after }; }
                    }))} />
            }
            <button type="button" aria-label={i18n::t(lang, ui::ScenarioEditor::RemoveFault)} onclick={edits.click(Box::new(move |s| { s.faults.remove(i); }))}>{ "✕" }</button>
        </li>
    }
}
