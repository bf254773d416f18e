//! The playground's texts as typed messages, one enum per area of the page. A
//! variant carries what its text says (counts, names, styles); the catalogs
//! ([`super::UiCatalog`]) render each one in their language with an exhaustive
//! `match`, so a new text does not build until every language has it.
//!
//! Names passed in (transports, lesson titles, quoted link details) are shown as
//! they are: they are never translated.

use crate::components::header::Export;
use crate::state::Panel;
use flushq_core::mapi::StatusCode;
use flushq_core::trace::Answer;
use flushq_explain::predict::Ask;

/// The top bar, the document's title and the language switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    /// After the "flushq" logo.
    Tagline,
    /// The document's `<title>`.
    DocumentTitle,
    /// The tab list's label.
    SidePanel,
    /// A side panel's tab.
    Tab(Panel),
    /// The preset picker's label.
    Preset,
    /// The preset picker's ARIA label.
    LoadPreset,
    /// The picker's entry for a scenario that is no preset.
    Custom,
    /// The language switch's ARIA label, said by the language switched *to*, in
    /// words the reader of the current page reads.
    SwitchToThis,
    /// The share button.
    Share,
    /// The share button's tooltip.
    ShareTitle,
    /// The embed button.
    Embed,
    /// The embed button's tooltip.
    EmbedTitle,
    /// The shortcuts button's ARIA label.
    Shortcuts,
    /// The shortcuts button's tooltip.
    ShortcutsTitle,
    /// The export menu.
    Export,
    /// One export of the menu.
    ExportAs(Export),
}

/// The keyboard shortcuts overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    /// Its heading.
    Title,
    /// What → does.
    Forward,
    /// What ← does.
    Back,
    /// What Space does.
    PlayPause,
    /// What Home does.
    First,
    /// What End does.
    End,
    /// What 1–4 do.
    PickAnswer,
    /// What ? does.
    Toggle,
    /// What Esc does.
    CloseDialogs,
    /// Keys in inputs are not shortcuts.
    NotInInputs,
    /// The close button.
    Close,
}

/// A playback speed's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// 1200 ms a step.
    Slow,
    /// 600 ms a step.
    Normal,
    /// 250 ms a step.
    Fast,
    /// A step a frame.
    Full,
}

/// The playback controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Controls {
    /// The toolbar's ARIA label.
    Playback,
    /// Reset's tooltip.
    ResetTitle,
    /// Reset.
    Reset,
    /// Step back's tooltip.
    BackTitle,
    /// Step back.
    Back,
    /// Play/pause's tooltip.
    PlayTitle,
    /// Pause (while playing).
    Pause,
    /// Play.
    Play,
    /// Step forward's tooltip.
    ForwardTitle,
    /// Step forward.
    Forward,
    /// Run to the end's tooltip.
    EndTitle,
    /// Run to the end.
    End,
    /// The scrubber's label.
    Step,
    /// The scrubber's value.
    StepOf { step: usize, len: usize },
    /// Predict mode's tooltip.
    PredictTitle,
    /// Predict mode's toggle.
    Predict,
    /// The speed picker's label.
    Speed,
    /// The speed picker's ARIA label.
    PlaybackSpeed,
    /// A speed.
    SpeedName(Speed),
}

/// The page around the panels: the embed's head, the side and the stage, the
/// narration's step label and what it says before anything ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// An embed's link to the full playground.
    OpenInPlayground,
    /// The side column's ARIA label.
    Inputs,
    /// The script panel's heading and the editor's ARIA label.
    ClientScript,
    /// The stage's ARIA label.
    Simulation,
    /// The script has errors: the last good run is shown.
    Stale,
    /// The run waits for a dialog's answer.
    WaitsForAnswer,
    /// The narration's step label.
    StepNo(usize),
    /// Nothing ran (the scenario or script does not load).
    NothingRan,
    /// Step 0.
    NothingYet,
    /// Before the reference page and section a step follows.
    Follows,
    /// A step the reference does not settle.
    ModelChoice,
    /// The model choice's tooltip.
    ModelChoiceWhy,
}

/// The status table panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusTable {
    /// Its heading.
    Heading,
    /// Appended to a matched row's ARIA label.
    MatchedNote,
    /// The note under it.
    Hint,
}

/// The trace panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trace {
    /// Its heading.
    Heading,
    /// Events shown of all.
    Count { shown: usize, total: usize },
    /// Events elided before the window.
    Earlier(usize),
    /// Events after the current step.
    Ahead(usize),
}

/// The session diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Diagram<'a> {
    /// The drawing's ARIA label.
    Label { step: u32, transports: usize },
    /// Column head.
    ClientColumn,
    /// Column head.
    SpoolerColumn,
    /// Column head.
    TransportsColumn,
    /// Column head.
    RemoteColumn,
    /// Which transports a long profile shows (1-based, inclusive).
    Window { first: usize, last: usize, of: usize },
    /// The client's box.
    ClientApp,
    /// The client's current script line.
    ScriptLine(u32),
    /// The client or the spooler has nothing to do.
    Idle,
    /// The client waits inside a FlushQueues call on a line.
    WaitsIn(u32),
    /// Messages the client submitted, still queued.
    Outbox(usize),
    /// The inbox lane.
    Inbox(usize),
    /// The session's box.
    Session,
    /// Status table rows.
    StatusRows(usize),
    /// Rows the latest restriction matched.
    RowsMatched(usize),
    /// Handles not released.
    OpenHandles(usize),
    /// The spooler's box.
    Spooler,
    /// Heads the spooler's job.
    FlushingInOrder,
    /// Transports of the job already flushed, above the window.
    JobDone(usize),
    /// Transports of the job still to come, below the window.
    JobMore(usize),
    /// The modem line, held by a transport.
    ModemHeld(&'a str),
    /// The modem line, free.
    ModemFree,
    /// The arrow of a return.
    Returns,
    /// The spooler's progress indicator, with its parent window (`ulUIParam`).
    Progress(u32),
    /// A dial-up transport's connection dialog, over its transport.
    Dialog { transport: &'a str },
    /// A transport that shows dialogs despite FLUSH_NO_UI.
    IgnoresNoUi,
    /// An asynchronous transport.
    Asynchronous,
    /// The outbound lane.
    Out,
    /// The held (deferred) lane.
    Held,
    /// The remote's delivered lane.
    Delivered,
    /// The remote's lane of mail for us.
    WaitingForUs,
    /// The "+N" pill's tooltip.
    MoreMessages(usize),
}

/// The dialog a transport shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt<'a> {
    /// Its title.
    Title { transport: &'a str },
    /// What it asks.
    Body { transport: &'a str },
    /// Whether the client passed FLUSH_NO_UI.
    NoUi(bool),
    /// An answer's button.
    Answer(Answer),
    /// The answer given before, when stepping back onto the dialog.
    AnsweredBefore(Answer),
}

/// The object a predict question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Object<'a> {
    /// The spooler's status object.
    Spooler,
    /// A transport, by name.
    Transport(&'a str),
    /// None given.
    Nothing,
}

/// Predict mode's card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Predict<'a> {
    /// Its heading.
    Heading,
    /// Right answers of given, and the run's questions.
    Score { right: usize, given: usize, total: usize },
    /// A choice: a status bit set or cleared.
    Bit { bit: StatusCode, set: bool },
    /// The question.
    Question { ask: Ask, object: Object<'a> },
    /// The prediction was right.
    Right { expected: &'a str },
    /// The prediction was wrong.
    Wrong { picked: &'a str, expected: &'a str },
    /// How to answer.
    PickHint,
    /// No question pending.
    Idle,
}

/// The flag a checkbox of the flags panel sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// FLUSH_UPLOAD.
    Upload,
    /// FLUSH_DOWNLOAD.
    Download,
    /// FLUSH_NO_UI.
    NoUi,
    /// FLUSH_FORCE.
    Force,
    /// FLUSH_ASYNC_OK.
    AsyncOk,
}

/// The flags panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flags {
    /// Its legend when the flags cannot be edited.
    Legend,
    /// Its legend, with the number of calls edited.
    LegendCalls(usize),
    /// No call has constant flags.
    NoConstantFlags,
    /// The calls' flags differ or are computed.
    MixedFlags,
    /// What a flag does.
    Help(Flag),
    /// The summary of the reference's own contradictions about flushing.
    ContradictionsHead,
    /// One of them.
    Contradiction(Contradiction),
    /// The erratum's lead-in.
    ErratumHead,
    /// The erratum.
    Erratum,
}

/// The scenario editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioEditor<'a> {
    /// Its heading.
    Heading,
    /// The title field.
    Title,
    /// The seed field.
    Seed,
    /// The transports' heading.
    Transports,
    /// Adds a transport.
    AddTransport,
    /// The stores' heading.
    MessageStores,
    /// The stores field.
    Stores,
    /// The stores field's placeholder.
    StoreNames,
    /// The faults' heading.
    Faults,
    /// Adds a fault.
    AddFault,
    /// A queue field's placeholder.
    Subjects,
    /// A transport's FLUSH_NO_UI checkbox.
    HonoursNoUi,
    /// A transport's asynchronous checkbox.
    Asynchronous,
    /// A transport that starts offline (STATUS_OFFLINE).
    Offline,
    /// A transport's outbound queue.
    Outbound,
    /// A transport's remote mail for us.
    WaitingRemotely,
    /// A transport's name field.
    Name,
    /// A transport's name field's ARIA label (1-based).
    NameOf(usize),
    /// A transport's kind field.
    Kind,
    /// A transport's kind field's ARIA label.
    KindOf(&'a str),
    /// Moves a transport up.
    MoveUp(&'a str),
    /// Moves a transport down.
    MoveDown(&'a str),
    /// Removes a transport.
    Remove(&'a str),
    /// A fault's transport.
    FaultTransport,
    /// A fault's kind.
    FaultKind,
    /// A fault's message field's placeholder.
    SubjectPlaceholder,
    /// A fault's message field's ARIA label.
    Subject,
    /// Removes a fault.
    /// The spooler shutdown fault's message count.
    ShutdownAfter,
    RemoveFault,
}

/// The lessons panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lessons<'a> {
    /// The track's heading.
    Heading,
    /// Lessons solved.
    Solved { solved: usize, total: usize },
    /// How the track works.
    TrackIntro,
    /// Exports progress.
    ExportProgress,
    /// Imports progress.
    ImportProgress,
    /// A solved lesson's best score.
    Best { best: usize, par: usize },
    /// An unsolved lesson's par.
    Par(usize),
    /// Back to the track.
    AllLessons,
    /// The goal's heading.
    Goal,
    /// Between an assertion and why it fails.
    Colon,
    /// The script does not run, so the goal cannot be checked.
    NotRunning,
    /// The goal is reached.
    Reached { statements: usize, par: usize },
    /// The goal is not reached yet.
    Golf { statements: usize, par: usize },
    /// The next lesson, by its title.
    Next(&'a str),
    /// The next hint.
    Hint { shown: usize, of: usize },
    /// Hides the solution.
    HideSolution,
    /// Shows the solution.
    ShowSolution,
    /// How to read the solution's diff.
    DiffIntro,
    /// Puts the learner's script back.
    BackToMine,
    /// Puts the solution in the editor.
    UseSolution,
}

/// The toast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toast<'a> {
    /// The page's link could not be opened, and why.
    LinkFailed(&'a str),
    /// A lesson was solved in a number of statements.
    Solved(usize),
    /// Progress of some lessons was imported.
    Imported(usize),
    /// A share link of some characters was copied.
    LinkCopied(usize),
    /// Embed code of some characters was copied.
    EmbedCopied(usize),
}

/// A place where the MAPI reference contradicts itself about flushing, shown in
/// the flags panel (`docs/reference-coverage.md`, "Inconsistencies in the reference").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contradiction {
    /// "Implementing the FlushQueues Method" calls sending "downloading" and receiving "uploading".
    LoopNames,
    /// `imapistatus-flushqueues#notes-to-implementers` pairs FLUSH_UPLOAD with the INBOUND bits.
    NotesPairUploadWithInbound,
    /// Synchronous by default, yet a transport's own flush is asynchronous to the client.
    SynchronousYetAsynchronous,
    /// "Only calls FlushQueues if the FLUSH bits are set" versus step 1.
    CallsOnlyWhenBitsSet,
}

impl Contradiction {
    /// All of them, in the order the panel lists them.
    pub const ALL: [Contradiction; 4] = [
        Contradiction::LoopNames,
        Contradiction::NotesPairUploadWithInbound,
        Contradiction::SynchronousYetAsynchronous,
        Contradiction::CallsOnlyWhenBitsSet,
    ];
}
