//! The per-transport flush protocol as a state machine, one reference step at a time
//! (`implementing-the-flushqueues-method`, steps 1-14).

use super::{name, transport_actor, Emitted, Finished, Origin, Running, Spooler};
use crate::mapi::{FlushFlags, HResult, StatusCode};
use crate::scenario::TransportKind;
use crate::session::{MsgId, World};
use crate::trace::{
    Actor, Answer, EventKind, JobReason, LineReason, Notify, Phase, StatusReason, SubmitResult, TransportOutcome,
    XpNote,
};
use alloc::vec::Vec;

/// Where the current transport is in the flush protocol. Named after the
/// reference's steps so a trace reads like the table in "Implementing the
/// FlushQueues Method".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XpStep {
    /// Step 1: the spooler calls `IXPLogon::FlushQueues` with all the flags.
    CallFlushQueues,
    /// Step 2, connecting: a dial-up transport not told (or not honouring)
    /// FLUSH_NO_UI shows its connection dialog.
    ShowDialog,
    /// The dialog waits for the user.
    AwaitAnswer,
    /// Step 2: acquire resources, set the FLUSH bit, return S_OK.
    Connect,
    /// Step 3: `SubmitMessage` for the next message while STATUS_OUTBOUND_FLUSH is set.
    Submit,
    /// Step 4: the transport cannot deliver the message and says so with `StatusRecips`.
    StatusRecips,
    /// Steps 5-6: `EndMessage` for the message in transit.
    EndMessage,
    /// The transport clears its FLUSH bits (fault).
    DropBits,
    /// Step 8: `TransportNotify(NOTIFY_END_OUTBOUND_FLUSH)`.
    EndOutbound,
    /// Step 9: free what sending used; set STATUS_INBOUND_FLUSH (or, with no download, finish).
    BeginInbound,
    /// Step 10: `StartMessage` while STATUS_INBOUND_FLUSH is set.
    Receive,
    /// Step 11: `SaveChanges` on the message being received.
    SaveChanges,
    /// Step 12: `TransportNotify(NOTIFY_END_INBOUND_FLUSH)`.
    EndInbound,
    /// Step 13: clear STATUS_INBOUND_FLUSH, release resources.
    Release,
    /// The spooler shuts down (fault): both END notifications, the transport lets go.
    Shutdown,
    /// Step 14: done with this transport, move to the next in transport order.
    Done(TransportOutcome),
}

const FLUSH_BITS: StatusCode = StatusCode::STATUS_OUTBOUND_FLUSH.union(StatusCode::STATUS_INBOUND_FLUSH);

/// The three states every status object reports (`pidtagstatuscode-canonical-property#remarks`).
/// Model choice: a transport is in exactly one of them at a time.
const STATE_BITS: StatusCode =
    StatusCode::STATUS_AVAILABLE.union(StatusCode::STATUS_OFFLINE).union(StatusCode::STATUS_FAILURE);

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

    /// Starts the next queued job: announces it and opens the progress indicator.
    fn start_next(&mut self, world: &World, out: &mut Emitted) -> Option<Running> {
        let job = self.queue.pop_front()?;
        let reason = match (job.origin, job.targeted) {
            (Origin::TransportRequest, _) => JobReason::TransportRequest,
            (Origin::ConnectRequest, _) => JobReason::ConnectRequest,
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
        // `imapistatus-flushqueues#parameters`: FLUSH_NO_UI asks the status object
        // called not to show a progress indicator, so the spooler's flush shows one
        // by default. Model choice: a flush a transport's own status object
        // requested runs in the background and shows none.
        let background = matches!(job.origin, Origin::TransportRequest | Origin::ConnectRequest);
        let progress = !background && !job.flags.contains(FlushFlags::FLUSH_NO_UI);
        if progress {
            out.push((Actor::Spooler, Some(Actor::User), EventKind::Progress { shown: true, parent: job.ui }));
        }
        Some(Running {
            job,
            cursor: None,
            step: XpStep::Done(TransportOutcome::Completed),
            progress,
            submitted: 0,
            shut_down: false,
        })
    }

    fn advance(&mut self, run: &mut Running, world: &mut World, out: &mut Emitted) -> Option<Finished> {
        let Some(t) = run.cursor.and_then(|c| run.job.targets.get(c).copied()) else {
            // Before the first transport, or after the last: move on.
            return self.next_transport(run, world, out);
        };
        // FLUSH_ASYNC_OK is for the spooler alone; IXPLogon::FlushQueues never sees it.
        let turn = Turn { t, flags: run.job.flags - FlushFlags::FLUSH_ASYNC_OK, ui: run.job.ui };
        match run.step {
            XpStep::CallFlushQueues => self.call_flush_queues(run, world, turn, out),
            XpStep::ShowDialog => show_dialog(run, world, turn, out),
            XpStep::AwaitAnswer => self.await_answer(run, world, turn, out),
            XpStep::Connect => self.connect(run, world, turn, out),
            XpStep::Submit => return self.submit_next(run, world, turn, out),
            XpStep::StatusRecips => status_recips(run, world, turn, out),
            XpStep::EndMessage => self.end_message(run, world, turn, out),
            XpStep::DropBits => self.drop_bits(run, world, turn, out),
            XpStep::EndOutbound => end_outbound(run, world, turn, out),
            XpStep::BeginInbound => begin_inbound(run, world, turn, out),
            XpStep::Receive => return self.receive(run, world, turn, out),
            XpStep::SaveChanges => self.save_changes(run, world, turn, out),
            XpStep::EndInbound => end_inbound(run, world, turn, out),
            XpStep::Release => release(run, world, turn, out),
            XpStep::Shutdown => shutdown(run, world, turn, out),
            XpStep::Done(outcome) => {
                out.push((Actor::Spooler, None, EventKind::TransportDone { transport: name(world, t), outcome }));
                return self.next_transport(run, world, out);
            }
        }
        None
    }

    /// Step 1: `IXPLogon::FlushQueues` with all the flags, unless the transport is
    /// asynchronous and FLUSH_FORCE was not passed. Step 2 begins inside the call:
    /// messages deferred earlier are reported first.
    fn call_flush_queues(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let (t, flags) = (turn.t, turn.flags);
        let xp = &world.transports[t];
        let (kind, asynchronous, honors_no_ui) = (xp.kind, xp.asynchronous, xp.honors_no_ui);
        let me = transport_actor(world, t);
        if asynchronous && !flags.contains(FlushFlags::FLUSH_FORCE) {
            out.push((Actor::Spooler, Some(me), EventKind::LeftToSchedule { transport: name(world, t) }));
            run.step = XpStep::Done(TransportOutcome::LeftToSchedule);
            return;
        }
        let quiet = flags.contains(FlushFlags::FLUSH_NO_UI) && honors_no_ui;
        let note = (quiet && kind == TransportKind::Ras).then_some(XpNote::RasHonorsNoUi);
        let event = EventKind::XpFlushQueues { transport: name(world, t), ui: turn.ui, flags, note };
        out.push((Actor::Spooler, Some(me), event));
        if world.transports[t].offline {
            // Model choice: working offline, the transport connects to nothing and
            // sets no FLUSH bit; it still returns S_OK, the only code the page lists.
            let me = transport_actor(world, t);
            let now = world.modify_status(t, StatusCode::empty(), FLUSH_BITS);
            out.push((me, None, EventKind::StaysOffline { transport: name(world, t), now }));
            xp_return(world, t, out);
            run.step = XpStep::Done(TransportOutcome::Offline);
            return;
        }
        if turn.upload() {
            report_deferred(world, t, out);
        }
        // The seed: a transport that dials shows its connection dialog unless it
        // was given FLUSH_NO_UI and honours it. LAN transports connect silently.
        let dialog = kind.dials() && !quiet;
        run.step = if dialog { XpStep::ShowDialog } else { XpStep::Connect };
    }

    /// The user answers (the host's answer, else the scenario's). On Cancel the
    /// transport works offline: it says so in its status row and returns S_OK.
    fn await_answer(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let me = transport_actor(world, t);
        let answer = self.answer.take().unwrap_or_else(|| self.default_answer(t));
        out.push((Actor::User, Some(me.clone()), EventKind::PromptAnswer { transport: name(world, t), answer }));
        match answer {
            Answer::Connect => run.step = XpStep::Connect,
            Answer::Cancel => {
                set_state(world, t, StatusCode::STATUS_OFFLINE, StatusReason::Offline, out);
                xp_return(world, t, out);
                run.step = XpStep::Done(TransportOutcome::Cancelled);
            }
        }
    }

    /// Step 2: the transport acquires its resources, sets its FLUSH bit and
    /// returns S_OK. When its server cannot be reached it reports STATUS_FAILURE
    /// in its status row instead of setting the bit, and still returns S_OK
    /// (`ixplogon-flushqueues#return-value` lists S_OK alone).
    fn connect(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        take_line(world, t, LineReason::Connect, out);
        if self.faults[t].link_down {
            return link_down(run, world, t, out);
        }
        let (bit, why) = if turn.upload() {
            (StatusCode::STATUS_OUTBOUND_FLUSH, StatusReason::StartsFlushing)
        } else {
            (StatusCode::STATUS_INBOUND_FLUSH, StatusReason::StartsInbound)
        };
        // Connected: back to STATUS_AVAILABLE if it was offline.
        let available = StatusCode::STATUS_AVAILABLE - world.status(t);
        set_status(world, t, bit | available, STATE_BITS - StatusCode::STATUS_AVAILABLE, why, out);
        xp_return(world, t, out);
        if !turn.upload() {
            let me = transport_actor(world, t);
            out.push((me, None, EventKind::PhaseSkipped { transport: name(world, t), phase: Phase::Outbound }));
        }
        run.step = match self.faults[t].drops {
            Some(None) => XpStep::DropBits,
            _ if turn.upload() => XpStep::Submit,
            _ => XpStep::Receive,
        };
    }

    /// Step 3: `SubmitMessage` for the next message while STATUS_OUTBOUND_FLUSH is
    /// set; the transport takes it and sets STATUS_OUTBOUND_ACTIVE.
    fn submit_next(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) -> Option<Finished> {
        let t = turn.t;
        if self.loop_ends(t, world.status(t), StatusCode::STATUS_OUTBOUND_FLUSH, run) {
            return self.advance(run, world, out);
        }
        let Some(m) = world.transports[t].outbound.pop_front() else {
            run.step = XpStep::EndOutbound;
            return self.advance(run, world, out);
        };
        world.transports[t].in_transit = Some(m);
        let now = world.modify_status(t, StatusCode::STATUS_OUTBOUND_ACTIVE, StatusCode::empty());
        // `ixplogon-submitmessage#parameters`: BEGIN_DEFERRED marks a message the
        // transport deferred earlier and has since reported.
        let deferred = self.deferred_once.contains(&m);
        let subject = world.messages[m.0 as usize].subject.clone();
        run.step = if self.faults[t].fails.contains(&*subject) { XpStep::StatusRecips } else { XpStep::EndMessage };
        let event = EventKind::Submit { transport: name(world, t), subject, msg: m.0, deferred, now };
        out.push((Actor::Spooler, Some(transport_actor(world, t)), event));
        None
    }

    /// Steps 5-6: `EndMessage`; the transport reports what became of the message
    /// and clears STATUS_OUTBOUND_ACTIVE.
    fn end_message(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let Some(m) = world.transports[t].in_transit.take() else {
            run.step = XpStep::Submit;
            return;
        };
        let subject = world.messages[m.0 as usize].subject.clone();
        let result = self.end_result(t, m, &subject);
        let xp = &mut world.transports[t];
        match result {
            SubmitResult::Delivered => xp.delivered.push(m),
            SubmitResult::Deferred => xp.deferred.push(m),
            SubmitResult::Undeliverable => xp.failed.push(m),
        }
        let remaining = xp.outbound.len();
        run.submitted += 1;
        let now = world.modify_status(t, StatusCode::empty(), StatusCode::STATUS_OUTBOUND_ACTIVE);
        run.step = if self.drops_after(t, &subject) { XpStep::DropBits } else { XpStep::Submit };
        let event = EventKind::EndMessage { transport: name(world, t), subject, msg: m.0, result, remaining, now };
        out.push((Actor::Spooler, Some(transport_actor(world, t)), event));
    }

    /// What EndMessage reports for message `m` of transport `t`, by the scenario's faults.
    fn end_result(&mut self, t: usize, m: MsgId, subject: &str) -> SubmitResult {
        let faults = &self.faults[t];
        if faults.fails.contains(subject) {
            SubmitResult::Undeliverable
        } else if faults.defers.contains(subject) && self.deferred_once.insert(m) {
            // Model choice: a deferral fault defers a message once; step 2 of the
            // next flush reports it (NOTIFY_SENTDEFERRED) and it is sent.
            SubmitResult::Deferred
        } else {
            SubmitResult::Delivered
        }
    }

    /// Whether a submit or receive loop ends before its next call, and how (the
    /// run's next step): the transport cleared the loop's FLUSH `bit`, or the
    /// scenario's spooler shutdown fires now, once transport `t` has submitted as
    /// many messages as it says (once).
    fn loop_ends(&mut self, t: usize, status: StatusCode, bit: StatusCode, run: &mut Running) -> bool {
        if !status.contains(bit) {
            run.step = XpStep::Done(TransportOutcome::Stopped);
        } else if self.faults[t].shutdown_after == Some(run.submitted) {
            self.faults[t].shutdown_after = None;
            run.step = XpStep::Shutdown;
        } else {
            return false;
        }
        true
    }

    /// True when the scenario's "drop the FLUSH bits" fault fires after `subject`.
    fn drops_after(&self, t: usize, subject: &str) -> bool {
        self.faults[t].drops.as_ref().is_some_and(|d| d.as_deref() == Some(subject))
    }

    /// The transport clears its FLUSH bits, which stops the flush
    /// (`implementing-the-flushqueues-method`, after the steps), and hangs up.
    fn drop_bits(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        // Model choice: the fault fires once; later flushes of this transport run normally.
        self.faults[t].drops = None;
        let bits = world.status(t) & FLUSH_BITS;
        world.modify_status(t, StatusCode::empty(), FLUSH_BITS);
        out.push((transport_actor(world, t), None, EventKind::DropsFlushBits { transport: name(world, t), bits }));
        free_line(world, t, LineReason::Stopped, out);
        run.step = if bits.contains(StatusCode::STATUS_OUTBOUND_FLUSH) { XpStep::Submit } else { XpStep::Receive };
    }

    /// Step 10: `StartMessage` while STATUS_INBOUND_FLUSH is set. The transport takes
    /// the next waiting message (STATUS_INBOUND_ACTIVE); with none it returns
    /// without SaveChanges, which ends the loop (`ixplogon-startmessage#remarks`).
    fn receive(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) -> Option<Finished> {
        let t = turn.t;
        if self.loop_ends(t, world.status(t), StatusCode::STATUS_INBOUND_FLUSH, run) {
            return self.advance(run, world, out);
        }
        take_line(world, t, LineReason::Receive, out);
        let me = transport_actor(world, t);
        let Some(m) = world.transports[t].remote.pop_front() else {
            let now = world.status(t);
            let event = EventKind::StartMessage { transport: name(world, t), subject: None, msg: None, now };
            out.push((Actor::Spooler, Some(me), event));
            run.step = XpStep::EndInbound;
            return None;
        };
        world.transports[t].receiving = Some(m);
        let now = world.modify_status(t, StatusCode::STATUS_INBOUND_ACTIVE, StatusCode::empty());
        let subject = Some(world.messages[m.0 as usize].subject.clone());
        out.push((
            Actor::Spooler,
            Some(me),
            EventKind::StartMessage { transport: name(world, t), subject, msg: Some(m.0), now },
        ));
        run.step = XpStep::SaveChanges;
        None
    }

    /// Step 11: `SaveChanges` puts the received message in the inbox; with more
    /// waiting the transport calls `SpoolerNotify(NOTIFY_NEWMAIL)`.
    fn save_changes(&mut self, run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
        let t = turn.t;
        let Some(m) = world.transports[t].receiving.take() else {
            run.step = XpStep::Receive;
            return;
        };
        world.inbox.push(m);
        let now = world.modify_status(t, StatusCode::empty(), StatusCode::STATUS_INBOUND_ACTIVE);
        let more = !world.transports[t].remote.is_empty();
        let subject = world.messages[m.0 as usize].subject.clone();
        run.step = if self.drops_after(t, &subject) { XpStep::DropBits } else { XpStep::Receive };
        let event = EventKind::SaveChanges { transport: name(world, t), subject, msg: m.0, more, now };
        out.push((transport_actor(world, t), Some(Actor::Spooler), event));
    }

    /// Step 14: on to the next transport, or end the job. Model choice: the
    /// spooler's FlushQueues returns S_OK, since every transport returned S_OK
    /// (`ixplogon-flushqueues#return-value` lists nothing else) and told its
    /// trouble in its status row; the client reads the status table to know.
    fn next_transport(&mut self, run: &mut Running, world: &mut World, out: &mut Emitted) -> Option<Finished> {
        let next = run.cursor.map_or(0, |c| c + 1);
        run.submitted = 0;
        if next < run.job.targets.len() && !run.shut_down {
            run.cursor = Some(next);
            run.step = XpStep::CallFlushQueues;
            if out.is_empty() {
                return self.advance(run, world, out);
            }
            return None;
        }
        if run.progress {
            out.push((Actor::Spooler, Some(Actor::User), EventKind::Progress { shown: false, parent: run.job.ui }));
        }
        let hr = HResult::Ok;
        out.push((Actor::Spooler, None, EventKind::SpoolerEnd { hr }));
        Some(Finished { job: run.job.id, origin: run.job.origin, hr })
    }
}

/// The transport a protocol step works on, the flags it was given, and the
/// `ulUIParam` its dialogs are parented to.
#[derive(Clone, Copy)]
struct Turn {
    t: usize,
    flags: FlushFlags,
    ui: u32,
}

impl Turn {
    fn upload(self) -> bool {
        self.flags.contains(FlushFlags::FLUSH_UPLOAD)
    }

    fn download(self) -> bool {
        self.flags.contains(FlushFlags::FLUSH_DOWNLOAD)
    }
}

/// The dial-up transport shows its connection dialog.
fn show_dialog(run: &mut Running, world: &World, turn: Turn, out: &mut Emitted) {
    let t = turn.t;
    let no_ui_requested = turn.flags.contains(FlushFlags::FLUSH_NO_UI);
    out.push((
        transport_actor(world, t),
        Some(Actor::User),
        EventKind::Prompt { transport: name(world, t), parent: turn.ui, no_ui_requested },
    ));
    run.step = XpStep::AwaitAnswer;
}

/// The server cannot be reached: STATUS_FAILURE, the line is freed, no FLUSH bit
/// is set, and FlushQueues still returns S_OK.
fn link_down(run: &mut Running, world: &mut World, t: usize, out: &mut Emitted) {
    let me = transport_actor(world, t);
    let now = world.modify_status(t, StatusCode::STATUS_FAILURE, STATE_BITS - StatusCode::STATUS_FAILURE);
    out.push((me, None, EventKind::LinkDown { transport: name(world, t), now }));
    free_line(world, t, LineReason::LinkDown, out);
    xp_return(world, t, out);
    run.step = XpStep::Done(TransportOutcome::LinkDown);
}

/// Step 4, a message the transport cannot deliver: it calls `StatusRecips`, and a
/// nondelivery report arrives in the inbox (`imapisupport-statusrecips#remarks`).
fn status_recips(run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
    let t = turn.t;
    run.step = XpStep::EndMessage;
    let Some(m) = world.transports[t].in_transit else {
        return;
    };
    let report = world.report_undeliverable(m);
    let subject = world.messages[m.0 as usize].subject.clone();
    let report_subject = world.messages[report.0 as usize].subject.clone();
    let event =
        EventKind::StatusRecips { transport: name(world, t), subject, msg: m.0, report: report.0, report_subject };
    out.push((transport_actor(world, t), Some(Actor::Spooler), event));
}

/// After step 8 the transport leaves outbound flush mode; step 9: it frees what
/// sending used, and the inbound flush starts or, without FLUSH_DOWNLOAD, the flush ends.
fn begin_inbound(run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
    let t = turn.t;
    let outbound = StatusCode::STATUS_OUTBOUND_FLUSH;
    set_status(world, t, StatusCode::empty(), outbound, StatusReason::OutboundDone, out);
    free_line(world, t, LineReason::SendingDone, out);
    if turn.download() {
        set_status(world, t, StatusCode::STATUS_INBOUND_FLUSH, StatusCode::empty(), StatusReason::InboundStarts, out);
        run.step = XpStep::Receive;
    } else {
        let me = transport_actor(world, t);
        out.push((me, None, EventKind::PhaseSkipped { transport: name(world, t), phase: Phase::Inbound }));
        run.step = XpStep::Done(TransportOutcome::Completed);
    }
}

/// The spooler shuts down mid-flush (`implementing-the-flushqueues-method`, after
/// the steps): one `TransportNotify` with both END flags; the transport clears its
/// bits, releases everything and returns. Model choice: the job ends here, the
/// transports after this one are not flushed, and a later call finds the spooler
/// started again.
fn shutdown(run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
    let t = turn.t;
    let busy = FLUSH_BITS | StatusCode::STATUS_OUTBOUND_ACTIVE | StatusCode::STATUS_INBOUND_ACTIVE;
    let now = world.modify_status(t, StatusCode::empty(), busy);
    out.push((
        Actor::Spooler,
        Some(transport_actor(world, t)),
        EventKind::SpoolerShutdown { transport: name(world, t), now },
    ));
    free_line(world, t, LineReason::Shutdown, out);
    run.shut_down = true;
    run.step = XpStep::Done(TransportOutcome::Shutdown);
}

/// Step 13: the transport clears STATUS_INBOUND_FLUSH and releases its resources.
fn release(run: &mut Running, world: &mut World, turn: Turn, out: &mut Emitted) {
    let t = turn.t;
    let bits = world.status(t) & FLUSH_BITS;
    set_status(world, t, StatusCode::empty(), bits, StatusReason::InboundDone, out);
    free_line(world, t, LineReason::FlushDone, out);
    run.step = XpStep::Done(TransportOutcome::Completed);
}

/// Step 2, first part: messages deferred earlier go back to the front of the
/// queue, oldest first, each reported with `SpoolerNotify(NOTIFY_SENTDEFERRED)`
/// before the transport connects.
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

/// The transport returns S_OK from `IXPLogon::FlushQueues`.
fn xp_return(world: &World, t: usize, out: &mut Emitted) {
    let event = EventKind::XpReturn { transport: name(world, t), hr: HResult::Ok };
    out.push((transport_actor(world, t), Some(Actor::Spooler), event));
}

/// `ModifyStatusRow` on transport `t`, and its `Status` event: the bits asked to
/// be set, and of those asked to be cleared the ones that were. The spooler's
/// protocol and the client's calls (FlushQueues, ValidateState) share it.
pub(crate) fn modify_status_row(
    world: &mut World,
    t: usize,
    set: StatusCode,
    clear: StatusCode,
    why: StatusReason,
) -> EventKind {
    let cleared = clear & world.status(t);
    let now = world.modify_status(t, set, clear);
    EventKind::Status { transport: name(world, t), set, cleared, now, why }
}

/// `ModifyStatusRow`, as the transport's step.
fn set_status(world: &mut World, t: usize, set: StatusCode, clear: StatusCode, why: StatusReason, out: &mut Emitted) {
    let event = modify_status_row(world, t, set, clear, why);
    out.push((transport_actor(world, t), None, event));
}

/// `ModifyStatusRow` to one of the three states, clearing the other two.
fn set_state(world: &mut World, t: usize, state: StatusCode, why: StatusReason, out: &mut Emitted) {
    set_status(world, t, state, STATE_BITS - state, why, out);
}

/// A dial-up transport takes the shared modem line, unless it holds it already.
fn take_line(world: &mut World, t: usize, why: LineReason, out: &mut Emitted) {
    if world.transports[t].kind.dials() && world.modem_line != Some(t) {
        world.modem_line = Some(t);
        let event = EventKind::ModemLine { transport: name(world, t), acquired: true, why };
        out.push((transport_actor(world, t), None, event));
    }
}

/// The transport frees the modem line, if it holds it.
fn free_line(world: &mut World, t: usize, why: LineReason, out: &mut Emitted) {
    if world.modem_line == Some(t) {
        world.modem_line = None;
        let event = EventKind::ModemLine { transport: name(world, t), acquired: false, why };
        out.push((transport_actor(world, t), None, event));
    }
}
