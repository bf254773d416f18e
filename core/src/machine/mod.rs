//! The simulation driver: a client script, the session's world and the spooler,
//! advanced one atomic action at a time.
//!
//! Call order: [`Machine::new`], then [`Machine::step`] until it returns
//! [`Step::Finished`]. When it returns [`Step::Prompt`], a transport's dialog waits:
//! call [`Machine::answer_prompt`] (with the visitor's answer, or the scenario's
//! `default`) and step on. [`Machine::run`] does all of that with the scenario's
//! answers. Read [`Machine::events`], [`Machine::world`] and [`Machine::outcome`]
//! at any point.

mod calls;
mod client;
mod clock;
mod flush;
mod validate;
mod value;

pub use crate::script::{Disposal, RuntimeError, ValueKind};
pub use value::Value;

use crate::rng::Rng;
use crate::scenario::{limits, Scenario, ScenarioError, TransportId};
use crate::script::Diagnostic;
use crate::script::{self, Program};
use crate::session::{Handles, World};
use crate::spooler::{index_faults, Origin, Spooler};
use crate::trace::{Actor, Answer, CallRecord, Event, EventKind, Leak, Outcome, ScriptFault, TransportQueues};
use alloc::string::String;
use alloc::vec::Vec;
use client::{Client, ClientState};

/// Why a scenario could not start.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The scenario itself is inconsistent.
    Scenario(ScenarioError),
    /// The script has syntax or name errors.
    Script(Vec<Diagnostic>),
}

/// What one call of [`Machine::step`] did.
#[derive(Debug, PartialEq)]
#[must_use]
pub enum Step<'a> {
    /// One atomic action ran and emitted these events.
    Events(&'a [Event]),
    /// Nothing ran: the dialog of `transport` waits for [`Machine::answer_prompt`].
    /// `default` is the scenario's answer (connect, unless a `user_cancels` fault
    /// says cancel).
    Prompt {
        /// Whose dialog it is.
        transport: TransportId,
        /// What the scenario answers.
        default: Answer,
    },
    /// The run is over: the script has finished and the spooler is idle.
    Finished,
}

/// [`Machine::answer_prompt`] was called while no dialog waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoPrompt;

/// A running simulation.
#[derive(Clone, Debug)]
pub struct Machine {
    world: World,
    spooler: Spooler,
    client: Client,
    handles: Handles,
    program: Program,
    source: String,
    rng: Rng,
    events: Vec<Event>,
    calls: Vec<CallRecord>,
    prompts: Vec<String>,
    errors: Vec<ScriptFault>,
    finished: bool,
    /// Simulated milliseconds since the session started.
    now_ms: u64,
}

impl Machine {
    /// Validates the scenario, parses and checks its script, and builds the session.
    pub fn new(scenario: &Scenario) -> Result<Machine, LoadError> {
        scenario.validate().map_err(LoadError::Scenario)?;
        let ast = script::parse(&scenario.script).map_err(LoadError::Script)?;
        let errors: Vec<Diagnostic> =
            script::check(&ast).into_iter().filter(|d| d.severity == crate::diag::Severity::Error).collect();
        if !errors.is_empty() {
            return Err(LoadError::Script(errors));
        }
        let program = Program::compile(&ast);
        let mut rng = Rng::new(scenario.seed);
        let world = World::new(scenario, &mut rng);
        let spooler = Spooler::new(index_faults(&scenario.faults, scenario.transports.len()));
        Ok(Machine {
            world,
            spooler,
            client: Client::default(),
            handles: Handles::default(),
            program,
            source: scenario.script.clone(),
            rng,
            events: Vec::new(),
            calls: Vec::new(),
            prompts: Vec::new(),
            errors: Vec::new(),
            finished: false,
            now_ms: 0,
        })
    }

    /// Every event so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events, taken out of the machine (a host that keeps the trace of a
    /// finished or stopped run need not copy it).
    pub fn into_events(self) -> Vec<Event> {
        self.events
    }

    /// The session's current state.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The spooler's current state.
    pub fn spooler(&self) -> &Spooler {
        &self.spooler
    }

    /// The handles opened so far.
    pub fn handles(&self) -> &Handles {
        &self.handles
    }

    /// The script line the client is on (or blocked in), if it has not finished.
    pub fn current_line(&self) -> Option<u32> {
        match self.client.state {
            ClientState::Blocked { line, .. } => Some(line),
            ClientState::Ready => self.program.instrs.get(self.client.pc).map(|i| i.span.line),
            ClientState::Done => None,
        }
    }

    /// True once the script has ended and the spooler is idle.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The transport whose dialog waits for an answer, if any (answered or not).
    pub fn pending_prompt(&self) -> Option<TransportId> {
        self.spooler.awaiting_answer().map(TransportId::at)
    }

    /// Answers the dialog now waiting; the next [`Machine::step`] acts on it.
    pub fn answer_prompt(&mut self, answer: Answer) -> Result<(), NoPrompt> {
        self.pending_prompt().ok_or(NoPrompt)?;
        self.spooler.answer = Some(answer);
        Ok(())
    }

    /// The transport whose dialog waits and has no answer yet.
    fn unanswered_prompt(&self) -> Option<usize> {
        self.spooler.awaiting_answer().filter(|_| self.spooler.answer.is_none())
    }

    /// Runs to the end, answering every dialog as the scenario says.
    pub fn run(&mut self) -> &[Event] {
        while self.step_with_defaults().is_some() {}
        &self.events
    }

    /// One step, answering a waiting dialog as the scenario says: the events it
    /// emitted, or `None` once the run is over.
    pub fn step_with_defaults(&mut self) -> Option<&[Event]> {
        if let Some(t) = self.unanswered_prompt() {
            self.spooler.answer = Some(self.spooler.default_answer(t));
        }
        match self.step() {
            Step::Events(events) => Some(events),
            Step::Prompt { .. } | Step::Finished => None,
        }
    }

    /// Performs one atomic action and says what happened (see [`Step`]).
    pub fn step(&mut self) -> Step<'_> {
        if self.finished {
            return Step::Finished;
        }
        if let Some(t) = self.unanswered_prompt() {
            return Step::Prompt { transport: TransportId::at(t), default: self.spooler.default_answer(t) };
        }
        let before = self.events.len();
        if before >= limits::EVENTS {
            self.stop_client_with(RuntimeError::EventLimit);
            self.finish();
            return Step::Events(&self.events[before..]);
        }
        let client_ready = matches!(self.client.state, ClientState::Ready);
        let spooler_turn = match (client_ready, self.spooler.has_work()) {
            (_, false) => false,
            (false, true) => true,
            // Model choice: while the client can run and the spooler has background
            // work, the seeded generator picks who goes next.
            (true, true) => self.rng.coin(),
        };
        if spooler_turn {
            self.spooler_step();
        } else if client_ready {
            self.client_step();
        } else {
            self.finish();
        }
        Step::Events(&self.events[before..])
    }

    fn finish(&mut self) {
        self.emit(Actor::Client, None, None, EventKind::RunEnd);
        self.finished = true;
    }

    fn spooler_step(&mut self) {
        let (emitted, finished) = self.spooler.step(&mut self.world);
        for (actor, target, kind) in emitted {
            if let EventKind::Prompt { transport, .. } = &kind {
                self.prompts.push(String::from(&**transport));
            }
            self.emit(actor, target, None, kind);
        }
        if let Some(done) = finished {
            if let ClientState::Blocked { job, .. } = &self.client.state {
                if *job == done.job && done.origin == Origin::ClientSync {
                    self.resume_client(done.hr);
                }
            }
        }
    }

    pub(crate) fn emit(&mut self, actor: Actor, target: Option<Actor>, line: Option<u32>, kind: EventKind) {
        let step = self.events.len() as u32 + 1;
        // A message's transfer costs what the transport being flushed takes.
        let flushing = self.spooler.active_transport().map(|t| self.world.transports[t].kind);
        self.now_ms += clock::cost_ms(&kind, flushing);
        self.events.push(Event { step, time_ms: self.now_ms, line, actor, target, kind });
    }

    /// Simulated milliseconds since the session started.
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }

    /// The run's outcome so far (complete once [`Machine::is_finished`]).
    pub fn outcome(&self) -> Outcome {
        let subjects = |ids: &mut dyn Iterator<Item = &crate::session::MsgId>| -> Vec<String> {
            ids.map(|&m| String::from(self.world.subject(m))).collect()
        };
        let transports = self
            .world
            .transports
            .iter()
            .map(|t| TransportQueues {
                name: String::from(&*t.name),
                outbound: subjects(&mut t.outbound.iter().chain(t.in_transit.iter())),
                delivered: subjects(&mut t.delivered.iter()),
                remote: subjects(&mut t.remote.iter().chain(t.receiving.iter())),
                deferred: subjects(&mut t.deferred.iter()),
                failed: subjects(&mut t.failed.iter()),
                status_code: self.world.status_of(t).names().map(String::from).collect(),
                offline: t.offline,
            })
            .collect();
        let leaks = self
            .handles
            .live()
            .map(|(_, h)| Leak { object: h.referent.kind(), var: h.name.clone(), line: h.line })
            .collect();
        Outcome {
            calls: self.calls.clone(),
            transports,
            inbox: subjects(&mut self.world.inbox.iter()),
            ui_prompts: self.prompts.clone(),
            leaks,
            errors: self.errors.clone(),
        }
    }
}
