//! The per-transport flush protocol as a state machine, one reference step at a time.

use super::{name, transport_actor, Emitted, Finished, Origin, Running, Spooler};
use crate::mapi::{FlushFlags, HResult, StatusCode};
use crate::session::{MsgId, World};
use crate::trace::{
    Actor, Answer, EventKind, JobReason, Notify, Phase, PromptStyle, StatusReason, SubmitResult, TransportOutcome,
};
use alloc::vec::Vec;

/// Where the current transport is in the flush protocol. Named after the
/// reference's steps so a trace reads like the table in "Implementing the
/// FlushQueues Method".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XpStep {
    /// Step 1: the spooler calls `IXPLogon::FlushQueues` with all the flags.
    CallFlushQueues,
    /// The transport ignores (or was not given) FLUSH_NO_UI and shows its dialog.
    ShowDialog,
    /// The dialog waits for the user.
    AwaitAnswer,
    /// Step 2: report deferred messages, acquire resources, set the FLUSH bit, return S_OK.
    Connect,
    /// Steps 3-7: one SubmitMessage/EndMessage per step while STATUS_OUTBOUND_FLUSH is set.
    Submit,
    /// The transport clears its FLUSH bits (fault).
    DropBits,
    /// Step 8: `TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)`.
    EndOutbound,
    /// Step 9: the transport sets STATUS_INBOUND_FLUSH (or, with no download, finishes).
    BeginInbound,
    /// Steps 10-12: one StartMessage per step while STATUS_INBOUND_FLUSH is set.
    Receive,
    /// Step 12: `TransportNotify(NOTIFY_END_INBOUND_FLUSH)`.
    EndInbound,
    /// Step 13: clear STATUS_INBOUND_FLUSH, release resources.
    Release,
    /// Step 14: done with this transport, move to the next in transport order.
    Done(TransportOutcome),
}

const FLUSH_BITS: StatusCode = StatusCode::STATUS_OUTBOUND_FLUSH.union(StatusCode::STATUS_INBOUND_FLUSH);

impl Spooler {
    /// Runs one protocol step. Returns its events and, when a job ended, which.
    pub fn step(&mut self, world: &mut World) -> (Emitted, Option<Finished>) {
        let mut out: Emitted = Vec::new();
        let Some(mut run) = self.current.take().or_else(|| self.start_next(world, &mut out)) else {
            return (out, None);
        };
        if !out.is_empty() {
            // Announcing the job is a step of its own.
            self.current = Some(run);
            return (out, None);
        }
        let finished = self.advance(&mut run, world, &mut out);
        if finished.is_none() {
            self.current = Some(run);
        }
        (out, finished)
    }

    fn start_next(&mut self, world: &World, out: &mut Emitted) -> Option<Running> {
        let job = self.queue.pop_front()?;
        let reason = match (job.origin, job.targeted) {
            (Origin::TransportRequest, _) => JobReason::TransportRequest,
            (_, true) => JobReason::Targeted,
            (_, false) => JobReason::AllTransports,
        };
        out.push((
            Actor::Spooler,
            None,
            EventKind::SpoolerBegin {
                flags: job.flags,
                transports: job.targets.iter().map(|&t| name(world, t)).collect(),
                targeted: job.targeted,
                reason,
            },
        ));
        Some(Running { job, cursor: None, step: XpStep::Done(TransportOutcome::Completed), hr: HResult::Ok })
    }

    fn advance(&mut self, run: &mut Running, world: &mut World, out: &mut Emitted) -> Option<Finished> {
        let Some(t) = run.cursor.and_then(|c| run.job.targets.get(c).copied()) else {
            // Before the first transport, or after the last: move on.
            return self.next_transport(run, world, out);
        };
        // FLUSH_ASYNC_OK is for the spooler alone; IXPLogon::FlushQueues never sees it.
        let turn = Turn { t, flags: run.job.flags - FlushFlags::FLUSH_ASYNC_OK };
        match run.step {
            XpStep::CallFlushQueues => self.call_flush_queues(run, world, turn, out),
            XpStep::ShowDialog => self.show_dialog(run, world, turn, out),
            XpStep::AwaitAnswer => self.await_answer(run, world, turn, out),
            XpStep::Connect => self.connect(run, world, turn, out),
            XpStep::Submit => return self.submit_next(run, world, turn, out),
            XpStep::DropBits => self.drop_bits(run, world, turn, out),
            XpStep::EndOutbound => end_outbound(run, world, turn, out),
            XpStep::BeginInbound => self.begin_inbound(run, world, turn, out),
            XpStep::Receive => return self.receive(run, world, turn, out),
            XpStep::EndInbound => end_inbound(run, world, turn, out),
            XpStep::Release => self.release(run, world, turn, out),
            XpStep::Done(outcome) => {
                out.push((Actor::Spooler, None, EventKind::TransportDone { transport: name(world, t), outcome }));
                return self.next_transport(run, world, out);
            }
        }
        None
    }

    /// Step 1: `IXPLogon::FlushQueues` with all the flags, unless the transport is
    /// asynchronous and FLUSH_FORCE was not passed.
    fn call_flush_queues(&mut self, run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
        let (t, flags) = (turn.t, turn.flags);
        let xp = &world.transports[t];
        let me = transport_actor(world, t);
        if xp.asynchronous && !flags.contains(FlushFlags::FLUSH_FORCE) {
            out.push((Actor::Spooler, Some(me), EventKind::LeftToSchedule { transport: name(world, t) }));
            run.step = XpStep::Done(TransportOutcome::LeftToSchedule);
            return;
        }
        out.push((Actor::Spooler, Some(me), EventKind::XpFlushQueues { transport: name(world, t), flags }));
        // Model choice: any transport that shows UI (a dial-up dialog, or a LAN
        // progress dialog) shows it unless it was given FLUSH_NO_UI and honours it.
        let quiet = flags.contains(FlushFlags::FLUSH_NO_UI) && xp.honors_no_ui;
        run.step = if quiet { XpStep::Connect } else { XpStep::ShowDialog };
    }

    /// The transport shows its dialog.
    fn show_dialog(&mut self, run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let style = if world.transports[t].kind.dials() { PromptStyle::DialUp } else { PromptStyle::Progress };
        let no_ui_requested = turn.flags.contains(FlushFlags::FLUSH_NO_UI);
        out.push((
            transport_actor(world, t),
            Some(Actor::User),
            EventKind::Prompt { transport: name(world, t), style, no_ui_requested },
        ));
        run.step = XpStep::AwaitAnswer;
    }

    /// The user answers (the host's answer, else the scenario's).
    fn await_answer(&mut self, run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let me = transport_actor(world, t);
        let answer = self.answer.take().unwrap_or_else(|| self.default_answer(t));
        out.push((Actor::User, Some(me.clone()), EventKind::PromptAnswer { transport: name(world, t), answer }));
        match answer {
            Answer::Connect => run.step = XpStep::Connect,
            Answer::Cancel => {
                let hr = HResult::UserCancel;
                out.push((me, Some(Actor::Spooler), EventKind::XpReturn { transport: name(world, t), hr }));
                run.hr = first_failure(run.hr, hr);
                run.step = XpStep::Done(TransportOutcome::Cancelled);
            }
        }
    }

    /// Step 2: the transport acquires its resources, reports deferred messages,
    /// sets its FLUSH bit and returns S_OK (or fails when its link is down).
    fn connect(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let me = transport_actor(world, t);
        if world.transports[t].kind.dials() {
            world.modem_line = Some(t);
            out.push((me.clone(), None, EventKind::ModemLine { transport: name(world, t), acquired: true }));
        }
        if self.faults[t].link_down {
            return self.link_down(run, world, t, out);
        }
        report_deferred(world, t, out);
        let bit = if turn.upload() { StatusCode::STATUS_OUTBOUND_FLUSH } else { StatusCode::STATUS_INBOUND_FLUSH };
        let failure = world.status(t) & StatusCode::STATUS_FAILURE;
        self.set_status(world, t, bit, failure, StatusReason::StartsFlushing, out);
        out.push((
            me.clone(),
            Some(Actor::Spooler),
            EventKind::XpReturn { transport: name(world, t), hr: HResult::Ok },
        ));
        if !turn.upload() {
            out.push((me, None, EventKind::PhaseSkipped { transport: name(world, t), phase: Phase::Outbound }));
        }
        run.step = match self.faults[t].drops {
            Some(None) => XpStep::DropBits,
            _ if turn.upload() => XpStep::Submit,
            _ => XpStep::Receive,
        };
    }

    /// The link to the server is down: STATUS_FAILURE, and FlushQueues fails.
    fn link_down(&mut self, run: &mut Running, world: &mut World, t: usize, out: &mut Emitted) {
        let me = transport_actor(world, t);
        let now = world.modify_status(t, StatusCode::STATUS_FAILURE, StatusCode::empty());
        out.push((me.clone(), None, EventKind::LinkDown { transport: name(world, t), now }));
        self.release_line(world, t, &me, out);
        let hr = HResult::NetworkError;
        out.push((me, Some(Actor::Spooler), EventKind::XpReturn { transport: name(world, t), hr }));
        run.hr = first_failure(run.hr, hr);
        run.step = XpStep::Done(TransportOutcome::LinkDown);
    }

    /// Steps 3-7: one SubmitMessage/EndMessage while STATUS_OUTBOUND_FLUSH is set.
    fn submit_next(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) -> Option<Finished> {
        let t = turn.t;
        if !world.status(t).contains(StatusCode::STATUS_OUTBOUND_FLUSH) {
            return self.stopped(run, world, t, Notify::EndOutboundFlush, out);
        }
        let Some(m) = world.transports[t].outbound.pop_front() else {
            run.step = XpStep::EndOutbound;
            return self.advance(run, world, out);
        };
        world.transports[t].in_transit = Some(m);
        let subject = world.messages[m.0 as usize].subject.clone();
        let result = self.submit_result(t, m, &subject);
        let xp = &mut world.transports[t];
        xp.in_transit = None;
        match result {
            SubmitResult::Delivered => xp.delivered.push(m),
            SubmitResult::Deferred => xp.deferred.push(m),
            SubmitResult::Failed(_) => xp.failed.push(m),
        }
        let remaining = xp.outbound.len();
        if self.faults[t].drops.as_ref().is_some_and(|d| d.as_deref() == Some(&*subject)) {
            run.step = XpStep::DropBits;
        }
        let event = EventKind::Submit { transport: name(world, t), subject, msg: m.0, result, remaining };
        out.push((Actor::Spooler, Some(transport_actor(world, t)), event));
        None
    }

    /// What happens to message `m` of transport `t`, by the scenario's faults.
    fn submit_result(&mut self, t: usize, m: MsgId, subject: &str) -> SubmitResult {
        let faults = &self.faults[t];
        if faults.fails.contains(subject) {
            SubmitResult::Failed(HResult::NetworkError)
        } else if faults.defers.contains(subject) && self.deferred_once.insert(m) {
            // Model choice: a deferral fault defers a message once; step 2 of the
            // next flush reports it (NOTIFY_SENTDEFERRED) and it is sent.
            SubmitResult::Deferred
        } else {
            SubmitResult::Delivered
        }
    }

    /// The transport clears its FLUSH bits (fault).
    fn drop_bits(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        // Model choice: the fault fires once; later flushes of this transport run normally.
        self.faults[t].drops = None;
        let bits = world.status(t) & FLUSH_BITS;
        world.modify_status(t, StatusCode::empty(), FLUSH_BITS);
        out.push((transport_actor(world, t), None, EventKind::DropsFlushBits { transport: name(world, t), bits }));
        run.step = if bits.contains(StatusCode::STATUS_OUTBOUND_FLUSH) { XpStep::Submit } else { XpStep::Receive };
    }

    /// Step 9: the inbound flush starts, or, without FLUSH_DOWNLOAD, the flush ends.
    fn begin_inbound(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        if turn.download() {
            let why = if world.transports[t].kind.dials() {
                // Model choice: step 9 of the reference frees external resources
                // here, but a dial-up transport still needs its line to receive.
                StatusReason::InboundStartsKeepingLine
            } else {
                StatusReason::InboundStarts
            };
            self.set_status(world, t, StatusCode::STATUS_INBOUND_FLUSH, StatusCode::STATUS_OUTBOUND_FLUSH, why, out);
            run.step = XpStep::Receive;
        } else {
            let outbound = StatusCode::STATUS_OUTBOUND_FLUSH;
            self.set_status(world, t, StatusCode::empty(), outbound, StatusReason::OutboundDone, out);
            let me = transport_actor(world, t);
            self.release_line(world, t, &me, out);
            out.push((me, None, EventKind::PhaseSkipped { transport: name(world, t), phase: Phase::Inbound }));
            run.step = XpStep::Done(TransportOutcome::Completed);
        }
    }

    /// Steps 10-12: one StartMessage while STATUS_INBOUND_FLUSH is set.
    fn receive(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) -> Option<Finished> {
        let t = turn.t;
        if !world.status(t).contains(StatusCode::STATUS_INBOUND_FLUSH) {
            return self.stopped(run, world, t, Notify::EndInboundFlush, out);
        }
        let Some(m) = world.transports[t].remote.pop_front() else {
            run.step = XpStep::EndInbound;
            return self.advance(run, world, out);
        };
        // StartMessage and SaveChanges happen in one step; `receiving` is only
        // occupied between them, so it is empty again here.
        world.transports[t].receiving = Some(m);
        world.transports[t].receiving = None;
        world.inbox.push(m);
        let last = world.transports[t].remote.is_empty();
        let subject = world.messages[m.0 as usize].subject.clone();
        if self.faults[t].drops.as_ref().is_some_and(|d| d.as_deref() == Some(world.subject(m))) {
            run.step = XpStep::DropBits;
        }
        let event = EventKind::StartMessage { transport: name(world, t), subject, msg: m.0, last };
        out.push((Actor::Spooler, Some(transport_actor(world, t)), event));
        None
    }

    /// Step 13: the transport clears STATUS_INBOUND_FLUSH and releases its resources.
    fn release(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let bits = world.status(t) & FLUSH_BITS;
        self.set_status(world, t, StatusCode::empty(), bits, StatusReason::InboundDone, out);
        let me = transport_actor(world, t);
        self.release_line(world, t, &me, out);
        run.step = XpStep::Done(TransportOutcome::Completed);
    }

    /// Step 14: on to the next transport, or end the job.
    fn next_transport(&mut self, run: &mut Running, _world: &mut World, out: &mut Emitted) -> Option<Finished> {
        let next = run.cursor.map_or(0, |c| c + 1);
        if next < run.job.targets.len() {
            run.cursor = Some(next);
            run.step = XpStep::CallFlushQueues;
            if out.is_empty() {
                return self.advance(run, _world, out);
            }
            return None;
        }
        out.push((Actor::Spooler, None, EventKind::SpoolerEnd { hr: run.hr }));
        Some(Finished { job: run.job.id, origin: run.job.origin, hr: run.hr })
    }

    /// The transport cleared its FLUSH bit: the spooler stops looping, says so, and
    /// the transport releases what it holds.
    fn stopped(
        &mut self,
        run: &mut Running,
        world: &mut World,
        t: usize,
        notify: Notify,
        out: &mut Emitted,
    ) -> Option<Finished> {
        let me = transport_actor(world, t);
        out.push((Actor::Spooler, Some(me.clone()), EventKind::TransportNotify { transport: name(world, t), notify }));
        self.release_line(world, t, &me, out);
        run.step = XpStep::Done(TransportOutcome::Stopped);
        None
    }

    fn set_status(
        &self,
        world: &mut World,
        t: usize,
        set: StatusCode,
        clear: StatusCode,
        why: StatusReason,
        out: &mut Emitted,
    ) {
        let now = world.modify_status(t, set, clear);
        let cleared = clear;
        out.push((
            transport_actor(world, t),
            None,
            EventKind::Status { transport: name(world, t), set, cleared, now, why },
        ));
    }

    fn release_line(&self, world: &mut World, t: usize, me: &Actor, out: &mut Emitted) {
        if world.modem_line == Some(t) {
            world.modem_line = None;
            out.push((me.clone(), None, EventKind::ModemLine { transport: name(world, t), acquired: false }));
        }
    }
}

/// The transport a protocol step works on, and the flags it was given.
#[derive(Clone, Copy)]
struct Turn {
    t: usize,
    flags: FlushFlags,
}

impl Turn {
    fn upload(self) -> bool {
        self.flags.contains(FlushFlags::FLUSH_UPLOAD)
    }

    fn download(self) -> bool {
        self.flags.contains(FlushFlags::FLUSH_DOWNLOAD)
    }
}

/// Step 2, first part: messages deferred earlier go back to the front of the
/// queue, oldest first, each reported with `SpoolerNotify(NOTIFY_SENTDEFERRED)`.
fn report_deferred(world: &mut World, t: usize, out: &mut Emitted) {
    let deferred: Vec<_> = core::mem::take(&mut world.transports[t].deferred);
    for &m in deferred.iter().rev() {
        world.transports[t].outbound.push_front(m);
    }
    let me = transport_actor(world, t);
    for &m in &deferred {
        let subject = world.messages[m.0 as usize].subject.clone();
        let event = EventKind::SentDeferred { transport: name(world, t), subject, msg: m.0 };
        out.push((me.clone(), Some(Actor::Spooler), event));
    }
}

/// Step 8: `TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)`.
fn end_outbound(run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
    let event = EventKind::TransportNotify { transport: name(world, turn.t), notify: Notify::EndOutboundFlush };
    out.push((Actor::Spooler, Some(transport_actor(world, turn.t)), event));
    run.step = XpStep::BeginInbound;
}

/// Step 12: `TransportNotify(NOTIFY_END_INBOUND_FLUSH)`.
fn end_inbound(run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
    let event = EventKind::TransportNotify { transport: name(world, turn.t), notify: Notify::EndInboundFlush };
    out.push((Actor::Spooler, Some(transport_actor(world, turn.t)), event));
    run.step = XpStep::Release;
}

fn first_failure(current: HResult, new: HResult) -> HResult {
    if current == HResult::Ok {
        new
    } else {
        current
    }
}
