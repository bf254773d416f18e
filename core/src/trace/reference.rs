//! What each event rests on: a page and section of the public MAPI reference
//! (`docs/outlook/mapi/` of MicrosoftDocs `office-developer-client-docs`), or a
//! model choice, where the reference is silent or contradicts itself.
//!
//! [`EventKind::basis`] is an exhaustive match, so a new event kind does not build
//! until it says which. `docs/reference-coverage.md` lists the same pages section by
//! section; a test checks that every page named here is listed there.

use super::{
    EventKind, FlushMode, FlushNote, JobReason, LineReason, Notify, StatusReason, SubmitResult, ValidateNote,
    Validation,
};
use crate::mapi::{HResult, PropTag};
use core::fmt;

/// Where the public pages live; a page's address is this plus its slug.
pub const REFERENCE_BASE: &str = "https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/";

/// The reference pages flushq's events rest on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    /// `IMAPISession::GetStatusTable`.
    GetStatusTable,
    /// `IMAPITable::SetColumns`.
    SetColumns,
    /// `HrQueryAllRows`.
    HrQueryAllRows,
    /// `SPropertyRestriction`.
    PropertyRestriction,
    /// `FreeProws`.
    FreeProws,
    /// `IMAPISession::OpenEntry`.
    OpenEntry,
    /// `IMAPIProp::GetProps`.
    GetProps,
    /// `PR_RESOURCE_METHODS`.
    ResourceMethods,
    /// `PR_STATUS_CODE`.
    StatusCode,
    /// `IMAPIStatus::ValidateState`.
    ValidateState,
    /// `IMAPIStatus::SettingsDialog`.
    SettingsDialog,
    /// `IMAPIStatus::ChangePassword`.
    ChangePassword,
    /// `IMAPIStatus::FlushQueues`.
    StatusFlushQueues,
    /// `IXPLogon::FlushQueues`.
    XpFlushQueues,
    /// "Implementing the FlushQueues Method" (the 14 steps).
    Implementing,
    /// `IMAPISupport::SpoolerNotify`.
    SpoolerNotify,
    /// `IMAPISupport::StatusRecips`.
    StatusRecips,
    /// `IXPLogon::SubmitMessage`.
    SubmitMessage,
    /// `IXPLogon::EndMessage`.
    EndMessage,
    /// `IXPLogon::StartMessage`.
    StartMessage,
    /// `IXPLogon::TransportNotify`.
    TransportNotify,
}

impl Page {
    /// Every page, in the order above.
    pub const ALL: [Page; 21] = [
        Page::GetStatusTable,
        Page::SetColumns,
        Page::HrQueryAllRows,
        Page::PropertyRestriction,
        Page::FreeProws,
        Page::OpenEntry,
        Page::GetProps,
        Page::ResourceMethods,
        Page::StatusCode,
        Page::ValidateState,
        Page::SettingsDialog,
        Page::ChangePassword,
        Page::StatusFlushQueues,
        Page::XpFlushQueues,
        Page::Implementing,
        Page::SpoolerNotify,
        Page::StatusRecips,
        Page::SubmitMessage,
        Page::EndMessage,
        Page::StartMessage,
        Page::TransportNotify,
    ];

    /// The page's file name without `.md`, which is also the last part of its address.
    pub const fn slug(self) -> &'static str {
        match self {
            Page::GetStatusTable => "imapisession-getstatustable",
            Page::SetColumns => "imapitable-setcolumns",
            Page::HrQueryAllRows => "hrqueryallrows",
            Page::PropertyRestriction => "spropertyrestriction",
            Page::FreeProws => "freeprows",
            Page::OpenEntry => "imapisession-openentry",
            Page::GetProps => "imapiprop-getprops",
            Page::ResourceMethods => "pidtagresourcemethods-canonical-property",
            Page::StatusCode => "pidtagstatuscode-canonical-property",
            Page::ValidateState => "imapistatus-validatestate",
            Page::SettingsDialog => "imapistatus-settingsdialog",
            Page::ChangePassword => "imapistatus-changepassword",
            Page::StatusFlushQueues => "imapistatus-flushqueues",
            Page::XpFlushQueues => "ixplogon-flushqueues",
            Page::Implementing => "implementing-the-flushqueues-method",
            Page::SpoolerNotify => "imapisupport-spoolernotify",
            Page::StatusRecips => "imapisupport-statusrecips",
            Page::SubmitMessage => "ixplogon-submitmessage",
            Page::EndMessage => "ixplogon-endmessage",
            Page::StartMessage => "ixplogon-startmessage",
            Page::TransportNotify => "ixplogon-transportnotify",
        }
    }

    /// The HRESULTs the page lists under "Return value", for the pages of a
    /// method the client calls; `None` for other pages.
    pub fn return_values(self) -> Option<&'static [HResult]> {
        use HResult::*;
        Some(match self {
            Page::GetStatusTable | Page::XpFlushQueues | Page::StartMessage | Page::EndMessage => &[Ok],
            Page::SetColumns => &[Ok, Busy],
            Page::HrQueryAllRows => &[Ok, TableTooBig],
            Page::OpenEntry => &[Ok, NoAccess, NotFound, UnknownEntryId],
            Page::GetProps => &[Ok, ErrorsReturned, InvalidParameter],
            // The notes to implementers add MAPI_E_UNKNOWN_FLAGS to the return list.
            Page::ValidateState => &[Ok, Busy, NoSupport, UserCancel, UnknownFlags],
            Page::SettingsDialog => &[Ok, NoSupport],
            Page::ChangePassword => &[Ok, NoAccess, NoSupport],
            Page::StatusFlushQueues => &[Ok, Busy, NoSupport],
            _ => return None,
        })
    }
}

/// A section of a page: a heading's anchor, a step of the Implementing page's
/// table, or the page's text outside any heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// A heading, by its anchor (`return-value`, `remarks`, ...).
    Anchor(&'static str),
    /// A numbered step of "Implementing the FlushQueues Method".
    Step(u8),
    /// The text after the steps' table.
    AfterSteps,
}

/// What an event rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A page of the reference, and the section.
    Reference(Page, Section),
    /// The reference is silent or contradicts itself here; the code says why.
    ModelChoice,
}

impl Basis {
    /// The page's public address, with the section's anchor when it has one.
    pub fn url(self) -> Option<alloc::string::String> {
        let Basis::Reference(page, section) = self else {
            return None;
        };
        let anchor = match section {
            Section::Anchor(a) => a,
            Section::Step(_) | Section::AfterSteps => "",
        };
        let sep = if anchor.is_empty() { "" } else { "#" };
        Some(alloc::format!("{REFERENCE_BASE}{}{sep}{anchor}", page.slug()))
    }
}

/// `page#anchor`, `implementing-the-flushqueues-method step 9`, or `model choice`:
/// the text of the JSON trace's `ref` field.
impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::Reference(page, Section::Anchor(a)) => write!(f, "{}#{a}", page.slug()),
            Basis::Reference(page, Section::Step(n)) => write!(f, "{} step {n}", page.slug()),
            Basis::Reference(page, Section::AfterSteps) => write!(f, "{} after the steps", page.slug()),
            Basis::ModelChoice => f.write_str("model choice"),
        }
    }
}

const fn at(page: Page, anchor: &'static str) -> Basis {
    Basis::Reference(page, Section::Anchor(anchor))
}

const fn step(n: u8) -> Basis {
    Basis::Reference(Page::Implementing, Section::Step(n))
}

impl EventKind {
    /// The page and section this event follows, or [`Basis::ModelChoice`].
    pub fn basis(&self) -> Basis {
        use EventKind as K;
        match self {
            K::GetStatusTable { .. } => at(Page::GetStatusTable, "remarks"),
            K::SetColumns { .. } => at(Page::SetColumns, "remarks"),
            K::QueryAllRows { hr: HResult::Ok, lacking: 1.., .. } => at(Page::PropertyRestriction, "remarks"),
            K::QueryAllRows { hr: HResult::Ok, .. } => at(Page::HrQueryAllRows, "remarks"),
            K::QueryAllRows { .. } => at(Page::HrQueryAllRows, "return-value"),
            K::OpenEntry { hr: HResult::Ok, .. } => at(Page::OpenEntry, "parameters"),
            K::OpenEntry { .. } => at(Page::OpenEntry, "return-value"),
            K::GetProp { prop: PropTag::ResourceMethods, value: Some(_), .. } => at(Page::ResourceMethods, "remarks"),
            K::GetProp { prop: PropTag::StatusCode, value: Some(_), .. } => at(Page::StatusCode, "remarks"),
            K::GetProp { value: None, .. } => at(Page::GetProps, "return-value"),
            K::GetProp { .. } => at(Page::GetProps, "remarks"),
            K::StatusMethod { method, .. } => status_method(method),
            K::ValidateCall { .. } => at(Page::ValidateState, "parameters"),
            K::Validated { what: Validation::Subsystem | Validation::AddressBook, .. } => {
                at(Page::ValidateState, "remarks")
            }
            // The model's stores and transports keep no header cache and no
            // session interface: what ValidateState does there is the model's.
            K::Validated { .. } => Basis::ModelChoice,
            K::XpLogon { .. } => at(Page::ValidateState, "remarks"),
            K::ConfigChanged { .. } => at(Page::ValidateState, "notes-to-callers"),
            // The return list lacks MAPI_E_UNKNOWN_FLAGS; the notes to implementers name it.
            K::ValidateReturn { note: Some(ValidateNote::UnknownFlags), .. } => {
                at(Page::ValidateState, "notes-to-implementers")
            }
            K::ValidateReturn { .. } => at(Page::ValidateState, "return-value"),
            // The pages do not say what a flush does with an offline transport.
            K::StaysOffline { .. } => Basis::ModelChoice,
            K::FlushCall { mode, .. } => flush_call(*mode),
            // A transport's own FlushQueues returns once it has set its bits.
            K::FlushReturn { object, note: None, .. } if object != "spooler" => {
                Basis::Reference(Page::Implementing, Section::AfterSteps)
            }
            K::FlushReturn { note, .. } => flush_return(*note),
            // IUnknown::Release is COM's, outside the MAPI pages; the leak report is ours.
            K::Release { .. } => Basis::ModelChoice,
            K::FreeProws { .. } => at(Page::FreeProws, "notes-to-callers"),
            // The script language is flushq's own, not MAPI's.
            K::Loop { .. } | K::Branch { .. } | K::ScriptError { .. } | K::RunEnd => Basis::ModelChoice,
            K::SpoolerBegin { reason, .. } => spooler_begin(*reason),
            K::Progress { .. } => at(Page::StatusFlushQueues, "parameters"),
            K::XpFlushQueues { .. } => step(1),
            K::XpReturn { .. } => step(2),
            // The reference requires FLUSH_FORCE for an asynchronous transport
            // but does not say what happens without it.
            K::LeftToSchedule { .. } => Basis::ModelChoice,
            // Connection dialogs come from the seed page; the reference only says
            // ulUIParam parents any dialog.
            K::Prompt { .. } | K::PromptAnswer { .. } => Basis::ModelChoice,
            K::ModemLine { why, .. } => line(*why),
            K::Status { why, .. } => status(*why),
            K::SentDeferred { .. } => step(2),
            K::Submit { .. } => step(3),
            K::StatusRecips { .. } => at(Page::StatusRecips, "remarks"),
            // No EndMessage flag means "sent"; for a message reported undeliverable
            // the page only says EndMessage follows the nondelivery processing.
            K::EndMessage { result: SubmitResult::Undeliverable, .. } => at(Page::EndMessage, "remarks"),
            K::EndMessage { .. } => at(Page::EndMessage, "parameters"),
            K::TransportNotify { notify: Notify::EndOutboundFlush, .. } => step(8),
            K::TransportNotify { notify: Notify::EndInboundFlush, .. } => step(12),
            K::StartMessage { msg: Some(_), .. } => step(10),
            K::StartMessage { msg: None, .. } => at(Page::StartMessage, "remarks"),
            // Step 11 says SaveChanges marks the last message; the StartMessage
            // page, followed here, saves every message with it.
            K::SaveChanges { .. } => at(Page::StartMessage, "remarks"),
            // The steps always run both phases; skipping one for a single
            // direction is the model's reading of the flags.
            K::PhaseSkipped { .. } => Basis::ModelChoice,
            K::LinkDown { .. } => at(Page::StatusCode, "remarks"),
            K::DropsFlushBits { .. } | K::SpoolerShutdown { .. } => {
                Basis::Reference(Page::Implementing, Section::AfterSteps)
            }
            K::TransportDone { .. } => step(14),
            K::SpoolerEnd { .. } => at(Page::StatusFlushQueues, "remarks"),
        }
    }

    /// An HRESULT this event returns to the client that the method's page does
    /// not list (the model's choice of code, to be labelled as such).
    pub fn unlisted_hresult(&self) -> Option<HResult> {
        use EventKind as K;
        let (page, hr) = match self {
            K::GetStatusTable { hr, .. } => (Page::GetStatusTable, *hr),
            K::SetColumns { hr, .. } => (Page::SetColumns, *hr),
            K::QueryAllRows { hr, .. } => (Page::HrQueryAllRows, *hr),
            K::OpenEntry { hr, .. } => (Page::OpenEntry, *hr),
            K::StatusMethod { method, hr, .. } => (status_method_page(method)?, *hr),
            K::ValidateReturn { hr, .. } => (Page::ValidateState, *hr),
            K::FlushReturn { hr, .. } => (Page::StatusFlushQueues, *hr),
            K::XpReturn { hr, .. } => (Page::XpFlushQueues, *hr),
            _ => return None,
        };
        let listed = page.return_values().is_some_and(|l| l.contains(&hr));
        (!listed).then_some(hr)
    }
}

fn status_method_page(method: &str) -> Option<Page> {
    match method {
        "ValidateState" => Some(Page::ValidateState),
        "SettingsDialog" => Some(Page::SettingsDialog),
        "ChangePassword" => Some(Page::ChangePassword),
        _ => None,
    }
}

fn status_method(method: &str) -> Basis {
    status_method_page(method).map_or(Basis::ModelChoice, |p| at(p, "return-value"))
}

fn flush_call(mode: FlushMode) -> Basis {
    match mode {
        FlushMode::Synchronous | FlushMode::Asynchronous => at(Page::StatusFlushQueues, "remarks"),
        FlushMode::TransportRequest => Basis::Reference(Page::Implementing, Section::AfterSteps),
        FlushMode::Refused => at(Page::StatusFlushQueues, "parameters"),
    }
}

fn flush_return(note: Option<FlushNote>) -> Basis {
    match note {
        None | Some(FlushNote::AsyncReturnsNow) => at(Page::StatusFlushQueues, "remarks"),
        Some(FlushNote::NoFlushMethod | FlushNote::AsyncInProgress) => at(Page::StatusFlushQueues, "return-value"),
        Some(FlushNote::TargetOnTransport | FlushNote::TargetNotTransport) => at(Page::StatusFlushQueues, "parameters"),
        // The page lists no code for undefined flags, for a call with no
        // direction, for a PT_NULL target, nor what a transport does with ASYNC_OK.
        Some(
            FlushNote::UnknownFlags
            | FlushNote::NoDirection
            | FlushNote::TargetNull
            | FlushNote::AsyncIgnoredByTransport,
        ) => Basis::ModelChoice,
    }
}

fn spooler_begin(reason: JobReason) -> Basis {
    match reason {
        JobReason::AllTransports => step(1),
        JobReason::Targeted => at(Page::StatusFlushQueues, "parameters"),
        JobReason::TransportRequest => Basis::Reference(Page::Implementing, Section::AfterSteps),
        JobReason::ConnectRequest => at(Page::ValidateState, "notes-to-implementers"),
    }
}

fn line(why: LineReason) -> Basis {
    match why {
        LineReason::Connect => step(2),
        LineReason::SendingDone => step(9),
        LineReason::FlushDone => step(13),
        LineReason::Shutdown => Basis::Reference(Page::Implementing, Section::AfterSteps),
        // The reference frees the line after sending and is silent on how a
        // dial-up transport receives, on hanging up after a failure, and after
        // stopping its own flush.
        LineReason::Receive | LineReason::LinkDown | LineReason::Stopped => Basis::ModelChoice,
    }
}

fn status(why: StatusReason) -> Basis {
    match why {
        StatusReason::OwnFlushQueues => Basis::Reference(Page::Implementing, Section::AfterSteps),
        StatusReason::StartsFlushing => step(2),
        StatusReason::InboundStarts => step(9),
        StatusReason::OutboundDone => at(Page::TransportNotify, "parameters"),
        // Download only: step 2 sets STATUS_OUTBOUND_FLUSH alone.
        StatusReason::StartsInbound => Basis::ModelChoice,
        StatusReason::InboundDone => step(13),
        StatusReason::Offline => at(Page::StatusCode, "remarks"),
        StatusReason::Disconnected | StatusReason::ConnectRequested | StatusReason::HeadersAborted => {
            at(Page::ValidateState, "notes-to-implementers")
        }
    }
}
