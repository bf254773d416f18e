//! Trace events: what the UI, the CLI and the snapshots see of a run.

use crate::mapi::{EntryId, FlushFlags, HResult, PropTag, StatusCode, ValidateFlags};
use crate::script::RuntimeError;
use crate::session::{HandleId, ObjectKind, Restriction};
use alloc::string::String;

pub use crate::session::Name;
use alloc::vec::Vec;

/// Who acts in a step.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Actor {
    /// The client application running the script.
    Client,
    /// The MAPI session (`IMAPISession`).
    Session,
    /// The status table (`IMAPITable`).
    Table,
    /// MAPI's utility functions (`HrQueryAllRows`, `FreeProws`).
    Mapi,
    /// The MAPI spooler.
    Spooler,
    /// A transport provider, by display name.
    Transport(Name),
    /// The person at the keyboard answering a dialog.
    User,
}

/// How a client's `FlushQueues` call runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FlushMode {
    /// The client waits until the spooler has flushed (the default).
    Synchronous,
    /// FLUSH_ASYNC_OK on the spooler: control returns at once, the flush runs on.
    Asynchronous,
    /// On a transport's own status object: only its status bits change now;
    /// the spooler runs the flush later.
    TransportRequest,
    /// The call was refused before anything started.
    Refused,
}

/// The user's answer to a dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Answer {
    /// Connect.
    Connect,
    /// Cancel.
    Cancel,
}

/// What `IXPLogon::EndMessage` reports for one submitted message
/// (`ixplogon-endmessage#parameters`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SubmitResult {
    /// No flags: the message has been sent to the remote system.
    Delivered,
    /// `END_DONT_RESEND`: the transport holds the message and will report it with
    /// `SpoolerNotify(NOTIFY_SENTDEFERRED)` when it wants it sent.
    Deferred,
    /// No flags: the transport handled the message by reporting it undeliverable
    /// through `IMAPISupport::StatusRecips` (a nondelivery report).
    Undeliverable,
}

/// Why the shared modem line changes hands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LineReason {
    /// Step 2: the transport connects before it returns from FlushQueues.
    Connect,
    /// Step 9: the transport frees what sending used, for other transports.
    SendingDone,
    /// The inbound phase needs the line again (model choice: the reference's
    /// step 9 frees it, and receiving through a modem needs a line).
    Receive,
    /// Step 13: the transport releases every external resource.
    FlushDone,
    /// The server could not be reached: the transport hangs up.
    LinkDown,
    /// The transport stopped the flush by clearing its bits and hangs up (model choice).
    Stopped,
    /// The spooler is shutting down: the transport releases everything.
    Shutdown,
}

/// A note on how a transport handles the flags of `IXPLogon::FlushQueues`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum XpNote {
    /// A RAS transport that suppresses its dialog for FLUSH_NO_UI: the scenario's
    /// exception (the seed says RAS cannot suppress its UI).
    RasHonorsNoUi,
}

/// `IXPLogon::TransportNotify` flags the spooler sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Notify {
    /// `NOTIFY_END_OUTBOUND_FLUSH`.
    EndOutboundFlush,
    /// `NOTIFY_END_INBOUND_FLUSH`.
    EndInboundFlush,
}

/// The flush phases, named after the reference's directions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Phase {
    /// Steps 2-8: SubmitMessage loop.
    Outbound,
    /// Steps 9-13: StartMessage loop.
    Inbound,
}

/// Why a transport's status row changed (`IMAPISupport::ModifyStatusRow`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StatusReason {
    /// The client called FlushQueues on the transport's own status object, which
    /// only sets bits in its row (`implementing-the-flushqueues-method`, after the steps).
    OwnFlushQueues,
    /// Step 2: the transport starts flushing.
    StartsFlushing,
    /// Step 2 of a flush with FLUSH_DOWNLOAD alone: the transport goes straight
    /// to its inbound flush (model choice: step 2 sets only STATUS_OUTBOUND_FLUSH).
    StartsInbound,
    /// Step 9: the inbound flush starts.
    InboundStarts,
    /// After NOTIFY_END_OUTBOUND_FLUSH the transport leaves outbound flush mode
    /// (`ixplogon-transportnotify#parameters`).
    OutboundDone,
    /// Step 13: the inbound flush is over.
    InboundDone,
    /// The user cancelled the connection: only local data is available
    /// (STATUS_OFFLINE, `pidtagstatuscode-canonical-property#remarks`).
    Offline,
    /// `ValidateState(FORCE_XP_DISCONNECT)`: the transport lets go of its
    /// connection and works offline.
    Disconnected,
    /// `ValidateState(FORCE_XP_CONNECT)`: the transport is back online and marks
    /// its row so the spooler flushes it.
    ConnectRequested,
    /// `ValidateState(ABORT_XP_HEADER_OPERATION)`: the inbound side stops and the
    /// transport goes offline.
    HeadersAborted,
}

/// Why the spooler runs a flush job over the transports it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum JobReason {
    /// A transport's own FlushQueues set its bits; the spooler runs it when it can.
    TransportRequest,
    /// `lpTargetTransport` names one transport.
    Targeted,
    /// A flush on the spooler covers every transport, in transport order.
    AllTransports,
    /// `ValidateState(FORCE_XP_CONNECT)` marked the transport's row.
    ConnectRequest,
}

/// What a client's FlushQueues call or its return says besides its HRESULT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FlushNote {
    /// PR_RESOURCE_METHODS lacks STATUS_FLUSH_QUEUES: MAPI_E_NO_SUPPORT.
    NoFlushMethod,
    /// ulFlags has an undefined bit: MAPI_E_UNKNOWN_FLAGS.
    UnknownFlags,
    /// Neither FLUSH_UPLOAD nor FLUSH_DOWNLOAD (model choice).
    NoDirection,
    /// `lpTargetTransport` on a transport's status object.
    TargetOnTransport,
    /// `lpTargetTransport` is PT_NULL.
    TargetNull,
    /// `lpTargetTransport` is not a transport's entry id.
    TargetNotTransport,
    /// An asynchronous flush is still running: MAPI_E_BUSY.
    AsyncInProgress,
    /// FLUSH_ASYNC_OK: control returns at once.
    AsyncReturnsNow,
    /// FLUSH_ASYNC_OK on a transport, which ignores it (model choice).
    AsyncIgnoredByTransport,
}

/// How a transport's flush ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TransportOutcome {
    /// Every requested phase ran to its end.
    Completed,
    /// The link was down: STATUS_FAILURE in its status row; nothing moved.
    LinkDown,
    /// The user cancelled the connection: STATUS_OFFLINE; nothing moved.
    Cancelled,
    /// The transport cleared its FLUSH bits; the rest stays queued.
    Stopped,
    /// Asynchronous transport without FLUSH_FORCE: left to its own schedule.
    LeftToSchedule,
    /// The transport works offline: nothing moved (model choice).
    Offline,
    /// The spooler shut down mid-flush; the rest stays queued.
    Shutdown,
}

/// What a status object's `ValidateState` checks, besides status bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Validation {
    /// The subsystem validates the resources of the active providers and its own.
    Subsystem,
    /// The address book checks the entries of its profile section.
    AddressBook,
    /// A message store's provider: nothing the model shows (model choice).
    Store,
    /// A header-cache flag on a transport that keeps no header cache (model choice).
    NoHeaderCache,
    /// SHOW_XP_SESSION_UI on a transport with no session interface (model choice).
    NoSessionUi,
}

/// Why a `ValidateState` call fails, besides its HRESULT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ValidateNote {
    /// `ulFlags` has a bit ValidateState does not define (model choice: MAPI_E_UNKNOWN_FLAGS).
    UnknownFlags,
    /// The spooler is flushing (or flushing this transport): MAPI_E_BUSY.
    Busy,
}

/// One step of a run.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Event {
    /// 1-based step number.
    pub step: u32,
    /// Simulated time when the step is done, in milliseconds since the session
    /// started (`machine::clock`; model choice, the reference gives no durations).
    pub time_ms: u64,
    /// Script line being executed, when the client's statement caused it.
    pub line: Option<u32>,
    /// Who acts.
    pub actor: Actor,
    /// Who is called, if anyone.
    pub target: Option<Actor>,
    /// What happened.
    pub kind: EventKind,
}

/// What happened in a step.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EventKind {
    /// `IMAPISession::GetStatusTable`: the row names, in table order.
    GetStatusTable { hr: HResult, rows: Vec<String>, handle: HandleId },
    /// `IMAPITable::SetColumns`.
    SetColumns { columns: Vec<PropTag>, hr: HResult },
    /// `HrQueryAllRows`: the names of the matched rows; `lacking` rows have no
    /// value for the restriction's property and do not match (model choice).
    QueryAllRows {
        restriction: Option<Restriction>,
        crows_max: u32,
        hr: HResult,
        matched: Vec<String>,
        handle: Option<HandleId>,
        lacking: usize,
    },
    /// `IMAPISession::OpenEntry`: the opened row's name on success.
    OpenEntry { entry: Option<EntryId>, hr: HResult, opened: Option<String>, handle: Option<HandleId> },
    /// `IMAPIProp::GetProps` of one property on a status object; `None` is PT_NULL.
    #[cfg_attr(feature = "serde", serde(rename = "get_props"))]
    GetProp { object: String, prop: PropTag, value: Option<String> },
    /// `ValidateState`, `SettingsDialog` or `ChangePassword`.
    StatusMethod { object: String, method: &'static str, hr: HResult },
    /// A client's `IMAPIStatus::ValidateState` call starts; `ui` is `ulUIParam`.
    ValidateCall { object: String, ui: u32, flags: ValidateFlags },
    /// What the object checks (subsystem, address book, ...).
    Validated { object: String, what: Validation },
    /// `ValidateState` on the spooler logs on every transport again.
    XpLogon { transport: Name },
    /// `CONFIG_CHANGED`: the transport tells the spooler, `SpoolerNotify(NOTIFY_CONFIG_CHANGE)`.
    ConfigChanged { transport: Name },
    /// `ValidateState` returns to the client.
    ValidateReturn { object: String, hr: HResult, note: Option<ValidateNote> },
    /// A client's `IMAPIStatus::FlushQueues` call starts; `ui` is `ulUIParam`.
    FlushCall {
        object: String,
        ui: u32,
        flags: FlushFlags,
        target: Option<String>,
        mode: FlushMode,
        note: Option<FlushNote>,
    },
    /// Control returns to the client from `FlushQueues`.
    FlushReturn { object: String, hr: HResult, note: Option<FlushNote> },
    /// `IUnknown::Release` on a variable's object.
    Release { var: String, what: ObjectKind, handle: HandleId },
    /// `FreeProws` on a row set.
    FreeProws { var: String, rows: usize, handle: HandleId },
    /// A `for` loop takes its next row (`index` is 0-based), or ends when `index == count`.
    Loop { var: String, index: usize, count: usize },
    /// An `if` condition was evaluated.
    Branch { cond: String, taken: bool },
    /// A runtime error stopped the script.
    ScriptError { column: u32, error: RuntimeError },
    /// The spooler starts a flush job over these transports, in transport order.
    SpoolerBegin { flags: FlushFlags, transports: Vec<Name>, targeted: bool, reason: JobReason },
    /// The spooler's progress indicator opens (`shown`) or closes; `parent` is the
    /// call's `ulUIParam`.
    Progress { shown: bool, parent: u32 },
    /// Step 1: the spooler calls `IXPLogon::FlushQueues`, passing on the client's
    /// `ulUIParam` as `ui`.
    XpFlushQueues { transport: Name, ui: u32, flags: FlushFlags, note: Option<XpNote> },
    /// The transport's `IXPLogon::FlushQueues` returns.
    XpReturn { transport: Name, hr: HResult },
    /// An asynchronous transport called without FLUSH_FORCE is left alone.
    LeftToSchedule { transport: Name },
    /// A dial-up transport shows its connection dialog, because FLUSH_NO_UI was
    /// not passed or it does not honour it.
    Prompt { transport: Name, parent: u32, no_ui_requested: bool },
    /// The user's answer.
    PromptAnswer { transport: Name, answer: Answer },
    /// The shared modem line changes hands.
    ModemLine { transport: Name, acquired: bool, why: LineReason },
    /// `IMAPISupport::ModifyStatusRow`: the bits asked to be set and cleared, and the result.
    Status { transport: Name, set: StatusCode, cleared: StatusCode, now: StatusCode, why: StatusReason },
    /// Step 2: `SpoolerNotify(NOTIFY_SENTDEFERRED)` for a message deferred earlier.
    SentDeferred { transport: Name, subject: Name, msg: u32 },
    /// Step 3: `SubmitMessage` (with BEGIN_DEFERRED for a message deferred
    /// earlier) returns S_OK; the transport holds the message, STATUS_OUTBOUND_ACTIVE.
    Submit { transport: Name, subject: Name, msg: u32, deferred: bool, now: StatusCode },
    /// The transport reports a message it cannot deliver: `IMAPISupport::StatusRecips`,
    /// and the nondelivery report `report` arrives in the inbox.
    StatusRecips { transport: Name, subject: Name, msg: u32, report: u32, report_subject: Name },
    /// Steps 5-6: `EndMessage` for the submitted message; `remaining` are still queued.
    EndMessage { transport: Name, subject: Name, msg: u32, result: SubmitResult, remaining: usize, now: StatusCode },
    /// `IXPLogon::TransportNotify`.
    TransportNotify { transport: Name, notify: Notify },
    /// Step 10: `StartMessage`; the transport takes the next waiting message
    /// (STATUS_INBOUND_ACTIVE), or, with none, returns without SaveChanges.
    StartMessage { transport: Name, subject: Option<Name>, msg: Option<u32>, now: StatusCode },
    /// Step 11: `SaveChanges` on the received message puts it in the inbox;
    /// `more` when the transport calls `SpoolerNotify(NOTIFY_NEWMAIL)`.
    SaveChanges { transport: Name, subject: Name, msg: u32, more: bool, now: StatusCode },
    /// A phase is not run: the outbound one without FLUSH_UPLOAD, the inbound
    /// one without FLUSH_DOWNLOAD.
    PhaseSkipped { transport: Name, phase: Phase },
    /// The spooler shuts down mid-flush: `TransportNotify` with both
    /// NOTIFY_END_INBOUND_FLUSH and NOTIFY_END_OUTBOUND_FLUSH; the transport clears
    /// its FLUSH and ACTIVE bits (`now`) and releases what it holds.
    SpoolerShutdown { transport: Name, now: StatusCode },
    /// The transport works offline: it returns from FlushQueues without
    /// connecting, and clears any FLUSH bit a request had set (model choice).
    StaysOffline { transport: Name, now: StatusCode },
    /// The link to the server is down: the transport reports STATUS_FAILURE.
    LinkDown { transport: Name, now: StatusCode },
    /// The transport clears its FLUSH bits mid-flush.
    DropsFlushBits { transport: Name, bits: StatusCode },
    /// Step 14: done with this transport.
    TransportDone { transport: Name, outcome: TransportOutcome },
    /// The spooler finished a flush job.
    SpoolerEnd { hr: HResult },
    /// The run is over: the script finished and the spooler is idle.
    RunEnd,
}
