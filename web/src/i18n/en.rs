//! The page in English.

use super::ui::Contradiction;
use super::ui::*;
use super::UiCatalog;
use crate::components::header::Export;
use crate::share::{ShareError, MAX_DATA};
use crate::state::Panel;
use flushq_core::trace::Answer;
use flushq_explain::predict::Ask;
use flushq_explain::{file_message_in, Lang};
use std::borrow::Cow::{self, Borrowed};

/// English.
pub struct English;

impl UiCatalog for English {
    fn code(&self) -> &'static str {
        "en"
    }

    fn header(&self, m: Header) -> &'static str {
        match m {
            Header::Tagline => " · MAPI FlushQueues playground",
            Header::DocumentTitle => "flushq — MAPI FlushQueues playground",
            Header::SidePanel => "Side panel",
            Header::Tab(Panel::Lessons) => "Lessons",
            Header::Tab(Panel::Script) => "Script",
            Header::Tab(Panel::Scenario) => "Scenario",
            Header::Preset => "Preset",
            Header::LoadPreset => "Load a preset scenario",
            Header::Custom => "— custom —",
            Header::SwitchToThis => "English (switch the page to English)",
            Header::Share => "Share link",
            Header::ShareTitle => "Copy a link to this exact state",
            Header::Embed => "Embed",
            Header::EmbedTitle => "Copy HTML that embeds this state in a documentation page",
            Header::Shortcuts => "Keyboard shortcuts",
            Header::ShortcutsTitle => "Keyboard shortcuts (?)",
            Header::Export => "Export",
            Header::ExportAs(Export::Json) => "Trace as JSON",
            Header::ExportAs(Export::Mermaid) => "Mermaid sequence diagram",
            Header::ExportAs(Export::Svg) => "Diagram as SVG",
            Header::ExportAs(Export::Toml) => "Scenario as TOML",
        }
    }

    fn help(&self, m: Help) -> &'static str {
        match m {
            Help::Title => "Keyboard shortcuts",
            Help::Forward => "step forward",
            Help::Back => "step back",
            Help::PlayPause => "play / pause",
            Help::First => "first step",
            Help::End => "run to the end",
            Help::PickAnswer => "predict mode: pick an answer",
            Help::Toggle => "show or hide this list",
            Help::CloseDialogs => "close dialogs",
            Help::NotInInputs => "Keys typed in the editor or any input are never taken as shortcuts.",
            Help::Close => "Close",
        }
    }

    fn controls(&self, m: Controls) -> Cow<'static, str> {
        Borrowed(match m {
            Controls::Playback => "Playback",
            Controls::ResetTitle => "Reset to the start (Home)",
            Controls::Reset => "Reset",
            Controls::BackTitle => "Step back (←)",
            Controls::Back => "Step back",
            Controls::PlayTitle => "Play or pause (Space)",
            Controls::Pause => "Pause",
            Controls::Play => "Play",
            Controls::ForwardTitle => "Step forward (→)",
            Controls::Forward => "Step forward",
            Controls::EndTitle => "Run to the end (End)",
            Controls::End => "Run to end",
            Controls::Step => "Step",
            Controls::StepOf { step, len } => return format!("step {step} of {len}").into(),
            Controls::PredictTitle => "Predict mode: guess each interesting step before it is revealed",
            Controls::Predict => "Predict",
            Controls::Speed => "Speed",
            Controls::PlaybackSpeed => "Playback speed",
            Controls::SpeedName(Speed::Slow) => "slow",
            Controls::SpeedName(Speed::Normal) => "normal",
            Controls::SpeedName(Speed::Fast) => "fast",
            Controls::SpeedName(Speed::Full) => "full",
        })
    }

    fn page(&self, m: Page) -> Cow<'static, str> {
        Borrowed(match m {
            Page::OpenInPlayground => "Open in playground ↗",
            Page::Inputs => "Inputs",
            Page::ClientScript => "Client script",
            Page::Simulation => "Simulation",
            Page::Stale => {
                "The script has errors, so this is the last run that worked. Fix the script to run it again."
            }
            Page::WaitsForAnswer => "The run waits for your answer to the dialog.",
            Page::StepNo(step) => return format!("Step {step}").into(),
            Page::NothingRan => "Nothing ran: fix the script or the scenario to start.",
            Page::NothingYet => "Nothing has happened yet. Press ▶ or → to run the client script one step at a time.",
            Page::Follows => "Reference: ",
            Page::ModelChoice => "Model choice",
            Page::ModelChoiceWhy => {
                "The MAPI reference does not settle this step; the narration says what flushq chose."
            }
        })
    }

    fn status_table(&self, m: StatusTable) -> &'static str {
        match m {
            StatusTable::Heading => "Status table",
            StatusTable::MatchedNote => ", matched by the restriction",
            StatusTable::Hint => {
                "Highlighted rows match the latest HrQueryAllRows restriction; names lose their MAPI_ and STATUS_ prefixes here for width."
            }
        }
    }

    fn trace(&self, m: Trace) -> Cow<'static, str> {
        match m {
            Trace::Heading => Borrowed("Trace"),
            Trace::Count { shown, total } => format!(" {shown} of {total} events").into(),
            Trace::Earlier(n) => format!("… {n} earlier events").into(),
            Trace::Ahead(n) => format!("{n} more events ahead; step forward or press End.").into(),
        }
    }

    fn diagram(&self, m: Diagram<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Diagram::Label { step, transports } => {
                return format!("Session diagram at step {step}: {transports} transports").into()
            }
            Diagram::ClientColumn => "Client",
            Diagram::SpoolerColumn => "Spooler",
            Diagram::TransportsColumn => "Transports, in transport order",
            Diagram::RemoteColumn => "Remote systems",
            Diagram::Window { first, last, of } => {
                return format!(
                    "showing transports {first}-{last} of {of}, around this step; the status table lists all"
                )
                .into()
            }
            Diagram::ClientApp => "Client application",
            Diagram::ScriptLine(l) => return format!("script line {l}").into(),
            Diagram::Idle => "idle",
            Diagram::WaitsIn(l) => return format!("waits in FlushQueues, L{l}").into(),
            Diagram::Outbox(n) => return format!("Outbox: {n} queued").into(),
            Diagram::Inbox(n) => return format!("Inbox ({n})").into(),
            Diagram::Session => "MAPI session",
            Diagram::StatusRows(n) => return format!("status table: {n} rows").into(),
            Diagram::RowsMatched(n) => return format!("rows matched: {n}").into(),
            Diagram::OpenHandles(n) => return format!("open handles: {n}").into(),
            Diagram::Spooler => "MAPI spooler",
            Diagram::FlushingInOrder => "flushing, in order:",
            Diagram::JobDone(n) => return format!("  … {n} done").into(),
            Diagram::JobMore(n) => return format!("  … {n} more").into(),
            Diagram::ModemHeld(name) => return format!("☎ modem line: held by {name}").into(),
            Diagram::ModemFree => "☎ modem line: free",
            Diagram::Returns => "returns",
            Diagram::Dialog { transport } => return format!("Connect {transport}?").into(),
            Diagram::Progress(parent) => return format!("progress: window {parent}").into(),
            Diagram::IgnoresNoUi => "ignores NO_UI",
            Diagram::Asynchronous => "asynchronous",
            Diagram::Out => "out",
            Diagram::Held => "held",
            Diagram::Delivered => "delivered",
            Diagram::WaitingForUs => "waiting for us",
            Diagram::MoreMessages(n) => return format!("{n} more messages").into(),
        })
    }

    fn prompt(&self, m: Prompt<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Prompt::Title { transport } => return format!("Connect {transport}?").into(),
            Prompt::Body { transport } => {
                return format!("{transport} needs to dial out on the modem line to send and receive.").into()
            }
            Prompt::NoUi(true) => "The client passed FLUSH_NO_UI, but this transport does not honour it.",
            Prompt::NoUi(false) => "The client did not pass FLUSH_NO_UI.",
            Prompt::Answer(Answer::Connect) => "Connect",
            Prompt::Answer(Answer::Cancel) => "Cancel",
            Prompt::AnsweredBefore(a) => {
                let was = self.prompt(Prompt::Answer(a));
                return format!("Answered before: {was}. Choosing the other answer forks a new future from here.")
                    .into();
            }
        })
    }

    fn predict(&self, m: Predict<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Predict::Heading => "Predict",
            Predict::Score { right, given, total } => {
                return format!("{right} of {given} right · {total} questions in this run").into()
            }
            Predict::Bit { bit, set: true } => return format!("{bit} set").into(),
            Predict::Bit { bit, set: false } => return format!("{bit} cleared").into(),
            Predict::Question { ask, object } => {
                let object = match object {
                    Object::Spooler => "the spooler",
                    Object::Transport(name) => name,
                    Object::Nothing => "",
                };
                return match ask {
                    Ask::Actor => Borrowed("Who acts in the next step?"),
                    Ask::StatusBit => format!("Which bit of {object}'s PR_STATUS_CODE flips in the next step?").into(),
                    Ask::HResult => format!("What does the client's FlushQueues on {object} return?").into(),
                    Ask::XpHResult => {
                        format!("What does {object}'s IXPLogon::FlushQueues return to the spooler?").into()
                    }
                };
            }
            Predict::Right { expected } => {
                return format!("Right: {expected}. The narration above says why.").into();
            }
            Predict::Wrong { picked, expected } => {
                return format!("Not quite: you said {picked}; it is {expected}. The narration above says why.")
                    .into();
            }
            Predict::PickHint => {
                "Pick an answer (or press 1–4) to reveal the step. ▶ and → wait for it; the scrubber and End skip ahead."
            }
            Predict::Idle => "Step forward: the run stops before each step worth predicting.",
        })
    }

    fn flags(&self, m: Flags) -> Cow<'static, str> {
        Borrowed(match m {
            Flags::Legend => "FlushQueues flags",
            Flags::LegendCalls(1) => "FlushQueues flags (1 call)",
            Flags::LegendCalls(n) => return format!("FlushQueues flags ({n} calls)").into(),
            Flags::NoConstantFlags => "The script has no FlushQueues call with flags written as constants.",
            Flags::MixedFlags => "The FlushQueues calls use different or computed flags; edit them in the script.",
            Flags::Help(Flag::Upload) => "send: flush the outbound queues",
            Flags::Help(Flag::Download) => "receive: flush the inbound queues",
            Flags::Help(Flag::NoUi) => "no progress indicator; dial-up transports may still ask to connect",
            Flags::Help(Flag::Force) => "flush even if costly; required for asynchronous transports",
            Flags::Help(Flag::AsyncOk) => "spooler only: return before the flush ends",
            Flags::ContradictionsHead => "The reference also contradicts itself",
            Flags::Contradiction(Contradiction::LoopNames) => "“Implementing the FlushQueues Method” calls the sending loop “downloading” and the receiving loop “uploading”, the reverse of the flag names.",
            Flags::Contradiction(Contradiction::NotesPairUploadWithInbound) => "The notes to implementers of IMAPIStatus::FlushQueues tie FLUSH_UPLOAD to the INBOUND status bits; flushq follows the Implementing page: UPLOAD sets STATUS_OUTBOUND_FLUSH.",
            Flags::Contradiction(Contradiction::SynchronousYetAsynchronous) => "FlushQueues is synchronous by default, yet on a transport's own status object the flush runs asynchronously to the client.",
            Flags::Contradiction(Contradiction::CallsOnlyWhenBitsSet) => "The spooler is said to call a transport's FlushQueues only when its FLUSH bits are set, yet step 1 calls it before any bit is set.",
            Flags::ErratumHead => "Direction erratum: ",
            Flags::Erratum => {
                "the seed page says FLUSH_DOWNLOAD flushes the outgoing queue and FLUSH_UPLOAD the incoming one. The IMAPIStatus::FlushQueues and IXPLogon::FlushQueues reference pages say the opposite, and flushq follows them: UPLOAD sends, DOWNLOAD receives."
            }
        })
    }

    fn scenario_editor(&self, m: ScenarioEditor<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            ScenarioEditor::Heading => "Scenario",
            ScenarioEditor::Title => "Title ",
            ScenarioEditor::Seed => "Seed ",
            ScenarioEditor::Transports => "Transports, in transport order",
            ScenarioEditor::AddTransport => "+ Add transport",
            ScenarioEditor::MessageStores => "Message stores",
            ScenarioEditor::Stores => "Stores ",
            ScenarioEditor::StoreNames => "names, comma-separated",
            ScenarioEditor::Faults => "Faults",
            ScenarioEditor::AddFault => "+ Add fault",
            ScenarioEditor::Subjects => "subjects, comma-separated",
            ScenarioEditor::HonoursNoUi => "honours FLUSH_NO_UI",
            ScenarioEditor::Asynchronous => "asynchronous (needs FLUSH_FORCE)",
            ScenarioEditor::Offline => "offline (STATUS_OFFLINE)",
            ScenarioEditor::Outbound => "Outbound queue ",
            ScenarioEditor::WaitingRemotely => "Waiting remotely ",
            ScenarioEditor::Name => "Name ",
            ScenarioEditor::NameOf(n) => return format!("Name of transport {n}").into(),
            ScenarioEditor::Kind => "Kind ",
            ScenarioEditor::KindOf(name) => return format!("Kind of {name}").into(),
            ScenarioEditor::MoveUp(name) => return format!("Move {name} up").into(),
            ScenarioEditor::MoveDown(name) => return format!("Move {name} down").into(),
            ScenarioEditor::Remove(name) => return format!("Remove {name}").into(),
            ScenarioEditor::FaultTransport => "Fault transport",
            ScenarioEditor::FaultKind => "Fault kind",
            ScenarioEditor::SubjectPlaceholder => "message subject",
            ScenarioEditor::Subject => "Message subject",
            ScenarioEditor::RemoveFault => "Remove fault",
            ScenarioEditor::ShutdownAfter => "Messages submitted before the spooler shuts down",
        })
    }

    fn lessons(&self, m: Lessons<'_>) -> Cow<'static, str> {
        Borrowed(match m {
            Lessons::Heading => "Lessons",
            Lessons::Solved { solved, total } => return format!(" {solved} of {total} solved").into(),
            Lessons::TrackIntro => {
                "Each lesson gives a scenario and a script to fix; the core checks the goal on every edit. Par is the statement count of a model solution: match it or beat it."
            }
            Lessons::ExportProgress => "Export progress",
            Lessons::ImportProgress => "Import progress ",
            Lessons::Best { best, par } => return format!("{best} / par {par}").into(),
            Lessons::Par(par) => return format!("par {par}").into(),
            Lessons::AllLessons => "← All lessons",
            Lessons::Goal => "Goal",
            Lessons::Colon => ": ",
            Lessons::NotRunning => "The script does not run yet: see its diagnostics.",
            Lessons::Reached { statements, par } => {
                return format!("Goal reached in {statements} statements (par {par}).").into()
            }
            Lessons::Golf { statements, par } => return format!("{statements} statements; par {par}.").into(),
            Lessons::Next(title) => return format!("Next lesson: {title} →").into(),
            Lessons::Hint { shown, of } => return format!("Hint ({shown} of {of})").into(),
            Lessons::HideSolution => "Hide solution",
            Lessons::ShowSolution => "Show solution",
            Lessons::DiffIntro => {
                "Your script against the solution: − lines to remove, + lines to add. Nothing runs until you put it in the editor; your script is kept."
            }
            Lessons::BackToMine => "Back to my script",
            Lessons::UseSolution => "Put the solution in the editor",
        })
    }

    fn toast(&self, m: Toast<'_>) -> String {
        match m {
            Toast::LinkFailed(why) => format!(
                "This link could not be opened: {why}. The last session (or the default scenario) opened instead."
            ),
            Toast::Solved(n) => format!("Lesson solved in {n} statements. Progress saved."),
            Toast::Imported(n) => format!("Imported progress for {n} lessons."),
            Toast::LinkCopied(n) => format!("Link copied ({n} characters). It opens this exact step."),
            Toast::EmbedCopied(n) => {
                format!("Embed code copied ({n} characters): paste it into a documentation page.")
            }
        }
    }

    fn share_error(&self, e: &ShareError) -> String {
        use ShareError::*;
        match e {
            Empty => String::from("this link holds no shared scenario"),
            MissingVersion => String::from("this link has no format version (v=...); it is not a flushq link"),
            BadVersion(v) => format!("this link's format version `{v}` is not a valid version"),
            NewerVersion(n) => format!("this link was made by a newer flushq (format v={n})"),
            MissingData => String::from("this link has no scenario data (s=...)"),
            BadChar { position, found } => {
                format!("the link's data has an invalid character {found:?} at position {position}")
            }
            Truncated => String::from("the link's data is cut short; was the whole link copied?"),
            TooLarge => format!("the link's data is larger than {} MiB", MAX_DATA >> 20),
            Corrupt => String::from("the link's data is damaged and cannot be decompressed"),
            NotText => String::from("the link's data is not text (invalid UTF-8)"),
            MissingHeader => String::from("the link's data does not start with a flushq-share header"),
            BadHeader(why) => format!("the link's header is damaged: {why}"),
            BadStep(s) => format!("the link's step `{s}` is not a number"),
            BadAnswer(a) => format!("the link's answer `{a}` is neither c (Connect) nor x (Cancel)"),
            InvalidScenario { line, col, message } => {
                format!("the scenario inside the link is invalid: {line}:{col}: {}", file_message_in(message, Lang::EN))
            }
        }
    }
}
