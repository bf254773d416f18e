//! The catalogs: for each language, one module per message family that renders
//! every typed value the simulation emits (events, reasons, run-time errors) and
//! every problem the front ends find (in scripts, scenario files, lesson files).
//!
//! Each family is an exhaustive `match`, so a new event kind, reason or error
//! does not build until every language has its text. [`Catalog`] is what a
//! language provides; [`of`] finds the catalog of a [`Lang`].

/// Implements [`Catalog`] and [`LessonFileCatalog`] for a language's unit struct
/// by its family modules (`events`, `narrate`, `words`, `runtime`, `scenario`,
/// `goal`, `script`, `file`, `lesson`), which each language has, one exhaustive
/// match per message type: `catalog!(English, code "en", tag "en", name "English");`
/// in `catalog/en/mod.rs`.
macro_rules! catalog {
    ($lang:ident, code $code:literal, tag $tag:literal, name $name:literal) => {
        impl $crate::catalog::Catalog for $lang {
            fn code(&self) -> &'static str {
                $code
            }
            fn tag(&self) -> &'static str {
                $tag
            }
            fn native_name(&self) -> &'static str {
                $name
            }
            fn describe(&self, kind: &flushq_core::trace::EventKind) -> alloc::string::String {
                let mut text = events::describe(kind);
                if kind.unlisted_hresult().is_some() {
                    text.push_str(words::unlisted());
                }
                text
            }
            fn narrate(
                &self,
                event: &flushq_core::trace::Event,
                facts: &$crate::facts::Facts,
            ) -> alloc::string::String {
                let mut text = narrate::narrate(event, facts);
                if event.kind.unlisted_hresult().is_some() {
                    text.push_str(words::unlisted());
                }
                text
            }
            fn outcome(&self, outcome: flushq_core::trace::TransportOutcome) -> &'static str {
                words::outcome(outcome)
            }
            fn status_reason(&self, reason: flushq_core::trace::StatusReason) -> &'static str {
                words::status_reason(reason)
            }
            fn job_reason(&self, reason: flushq_core::trace::JobReason) -> &'static str {
                words::job_reason(reason)
            }
            fn flush_note(&self, note: flushq_core::trace::FlushNote) -> &'static str {
                words::flush_note(note)
            }
            fn object_kind(&self, kind: flushq_core::session::ObjectKind) -> &'static str {
                words::object_kind(kind)
            }
            fn runtime_error(&self, error: &flushq_core::script::RuntimeError) -> alloc::string::String {
                runtime::runtime_error(error)
            }
            fn scenario_error(&self, error: &flushq_core::scenario::ScenarioError) -> alloc::string::String {
                scenario::scenario_error(error)
            }
            fn actor<'a>(&self, actor: &'a flushq_core::trace::Actor) -> &'a str {
                words::actor(actor)
            }
            fn assertion(&self, assertion: &$crate::goal::Assertion) -> alloc::string::String {
                goal::assertion(assertion)
            }
            fn goal_failure(&self, failure: &$crate::goal::Failure) -> alloc::string::String {
                goal::failure(failure)
            }
            fn script_message(&self, message: &flushq_core::script::ScriptMessage) -> alloc::string::String {
                script::script_message(message)
            }
            fn severity(&self, severity: flushq_core::diag::Severity) -> &'static str {
                script::severity(severity)
            }
            fn diagnostic(&self, diagnostic: &flushq_core::script::Diagnostic) -> alloc::string::String {
                script::diagnostic(diagnostic)
            }
            fn file_message(&self, message: &flushq_scenario::FileMessage) -> alloc::string::String {
                file::file_message(message)
            }
        }

        impl $crate::catalog::LessonFileCatalog for $lang {
            fn lesson_message(&self, message: &$crate::lessons::LessonMessage) -> alloc::string::String {
                lesson::lesson_message(message)
            }
        }
    };
}

/// Routes an event kind to its group's expression (evaluating only that one):
/// the client's calls, the script's flow, the spooler, a transport. The one list
/// of which kind is in which group, shared by every language's trace lines and
/// narration; exhaustive, so a new kind does not build until it has a group.
macro_rules! by_group {
    ($kind:expr, client: $client:expr, script: $script:expr, spooler: $spooler:expr, transport: $transport:expr $(,)?) => {{
        use flushq_core::trace::EventKind as G;
        match $kind {
            G::GetStatusTable { .. }
            | G::SetColumns { .. }
            | G::QueryAllRows { .. }
            | G::OpenEntry { .. }
            | G::GetProp { .. }
            | G::StatusMethod { .. }
            | G::ValidateCall { .. }
            | G::ValidateReturn { .. }
            | G::FlushCall { .. }
            | G::FlushReturn { .. }
            | G::Release { .. }
            | G::FreeProws { .. } => $client,
            G::Loop { .. } | G::Branch { .. } | G::ScriptError { .. } | G::RunEnd => $script,
            G::SpoolerBegin { .. }
            | G::XpFlushQueues { .. }
            | G::XpReturn { .. }
            | G::LeftToSchedule { .. }
            | G::Progress { .. }
            | G::XpLogon { .. }
            | G::Submit { .. }
            | G::EndMessage { .. }
            | G::TransportNotify { .. }
            | G::SpoolerShutdown { .. }
            | G::StartMessage { .. }
            | G::TransportDone { .. }
            | G::SpoolerEnd { .. } => $spooler,
            G::Prompt { .. }
            | G::PromptAnswer { .. }
            | G::ModemLine { .. }
            | G::Status { .. }
            | G::SentDeferred { .. }
            | G::StatusRecips { .. }
            | G::SaveChanges { .. }
            | G::Validated { .. }
            | G::ConfigChanged { .. }
            | G::StaysOffline { .. }
            | G::PhaseSkipped { .. }
            | G::LinkDown { .. }
            | G::DropsFlushBits { .. } => $transport,
        }
    }};
}

/// Routes a script message to the stage that finds it (lexer, parser, checker):
/// the one list both languages' script catalogs share.
macro_rules! by_stage {
    ($m:expr, lexer: $lexer:expr, parser: $parser:expr, checker: $checker:expr $(,)?) => {{
        use flushq_core::script::ScriptMessage as G;
        match $m {
            G::BadNumber { .. }
            | G::BadHexNumber { .. }
            | G::HexWithoutDigits { .. }
            | G::NumberTooLarge { .. }
            | G::UnterminatedString { .. }
            | G::UnknownEscape { .. }
            | G::UnexpectedChar { .. }
            | G::UnexpectedChars { .. } => $lexer,
            G::TooDeep { .. }
            | G::ExpressionTooLong { .. }
            | G::BlockNeverClosed { .. }
            | G::StrayCloseBrace { .. }
            | G::StrayCloseParen { .. }
            | G::StrayCloseBracket { .. }
            | G::ElseOnItsOwnLine { .. }
            | G::StrayIn { .. }
            | G::StrayAssign { .. }
            | G::StrayOpenBrace { .. }
            | G::UnexpectedAtStatementStart { .. }
            | G::ExpectedStatementEnd { .. }
            | G::AssignToNonName { .. }
            | G::ExpectedLoopVariable { .. }
            | G::ExpectedIn { .. }
            | G::MissingBrace { .. }
            | G::BraceOnNextLine { .. }
            | G::AssignInCondition { .. }
            | G::ChainedComparison { .. }
            | G::NoFraction { .. }
            | G::ExpectedMember { .. }
            | G::UnclosedCall { .. }
            | G::BadArgumentLabel { .. }
            | G::MissingComma { .. }
            | G::UnclosedIndex { .. }
            | G::UnclosedParen { .. }
            | G::ExpectedExpression { .. }
            | G::ExpectedExpressionAfter { .. }
            | G::DoubleAmp { .. }
            | G::DoublePipe { .. } => $parser,
            G::AssignToPredefined { .. }
            | G::NotAProperty { .. }
            | G::FlushInsideExpression { .. }
            | G::UnknownConstant { .. }
            | G::UnknownName { .. }
            | G::NotCallable { .. }
            | G::UnknownFunction { .. }
            | G::UnknownMethod { .. }
            | G::WrongArity { .. }
            | G::UnknownNamedArgument { .. }
            | G::SetColumnsTags { .. }
            | G::RestrictionLeft { .. }
            | G::RestrictionShape { .. } => $checker,
        }
    }};
}

/// Routes a run-time error to its group (values, objects, calls): the one list
/// both languages' run-time catalogs share.
macro_rules! by_rule {
    ($m:expr, values: $values:expr, objects: $objects:expr, calls: $calls:expr $(,)?) => {{
        use flushq_core::script::RuntimeError as G;
        match $m {
            G::ForNotRows { .. }
            | G::TooManyIterations { .. }
            | G::NoFrame { .. }
            | G::HResultCondition { .. }
            | G::NullCondition { .. }
            | G::ConditionKind { .. }
            | G::NoValue { .. }
            | G::IndexKind { .. }
            | G::IndexNotRows { .. }
            | G::IndexNotNumber { .. }
            | G::PastEnd { .. }
            | G::NullNumber { .. }
            | G::NotNumber { .. }
            | G::CRowsKind { .. }
            | G::EventLimit { .. } => $values,
            G::UsedAfterRelease { .. }
            | G::NotProperty { .. }
            | G::TableProperty { .. }
            | G::RowsProperty { .. }
            | G::NoObjectHere { .. }
            | G::CannotRead { .. }
            | G::NothingToFree { .. }
            | G::ReleaseSession { .. }
            | G::ExpectsObject { .. }
            | G::FreeObject { .. }
            | G::ReleaseRows { .. }
            | G::RowsNoMethods { .. }
            | G::HoldsNoObject { .. }
            | G::NeedsObject { .. } => $objects,
            G::QueryNotTable { .. }
            | G::QueryTableKind { .. }
            | G::CrowsMax { .. }
            | G::NoFunction { .. }
            | G::NotCallable { .. }
            | G::RestrictionShape { .. }
            | G::RestrictionLeft { .. }
            | G::RestrictionOr { .. }
            | G::NotLong { .. }
            | G::RestrictionValue { .. }
            | G::OpenEntryArg { .. }
            | G::SessionMethod { .. }
            | G::TableMethod { .. }
            | G::NotColumn { .. }
            | G::FlushStatement { .. }
            | G::StatusMethod { .. }
            | G::NotStatus { .. }
            | G::FlushNeedsStatus { .. }
            | G::FlushNoFlags { .. }
            | G::FlagsTooBig { .. } => $calls,
        }
    }};
}

pub(crate) mod en;
mod lang;
pub(crate) mod zh;

pub use lang::Lang;

use crate::facts::Facts;
use crate::goal::{Assertion, Failure};
use crate::lessons::LessonMessage;
use alloc::string::String;
use flushq_core::diag::Severity;
use flushq_core::machine::RuntimeError;
use flushq_core::mapi::StatusCode;
use flushq_core::scenario::ScenarioError;
use flushq_core::script::Diagnostic;
use flushq_core::script::ScriptMessage;
use flushq_core::session::ObjectKind;
use flushq_core::trace::{Actor, Event, EventKind, FlushNote, JobReason, StatusReason, TransportOutcome};
use flushq_scenario::FileMessage;

/// Everything one language says. Implemented once per language, in
/// `catalog/<language>/`, by one module per family.
pub trait Catalog: Sync {
    /// The language's short code: `en`, `zh`.
    fn code(&self) -> &'static str;
    /// Its BCP 47 tag for `<html lang>`: `en`, `zh-CN`.
    fn tag(&self) -> &'static str;
    /// Its name in itself, for a language switch: `English`, `中文`.
    fn native_name(&self) -> &'static str;
    /// One line of the text trace for a step, MAPI call syntax kept as it is.
    fn describe(&self, kind: &EventKind) -> String;
    /// One plain sentence saying what happens in a step and why.
    fn narrate(&self, event: &Event, facts: &Facts) -> String;
    /// How a transport's flush ended, in a few words.
    fn outcome(&self, outcome: TransportOutcome) -> &'static str;
    /// Why a status row changed.
    fn status_reason(&self, reason: StatusReason) -> &'static str;
    /// Why the spooler runs a flush job.
    fn job_reason(&self, reason: JobReason) -> &'static str;
    /// What a FlushQueues call or return says besides its HRESULT.
    fn flush_note(&self, note: FlushNote) -> &'static str;
    /// The kind of object a handle holds ("status table (IMAPITable)").
    fn object_kind(&self, kind: ObjectKind) -> &'static str;
    /// A run-time error of the client script, as one sentence.
    fn runtime_error(&self, error: &RuntimeError) -> String;
    /// Why a scenario cannot run, as one sentence.
    fn scenario_error(&self, error: &ScenarioError) -> String;
    /// Who acts in a step, as a label (`spooler`, a transport's name).
    fn actor<'a>(&self, actor: &'a Actor) -> &'a str;
    /// A lesson goal's assertion, as a short title.
    fn assertion(&self, assertion: &Assertion) -> String;
    /// Why a goal's assertion does not hold, as one sentence.
    fn goal_failure(&self, failure: &Failure) -> String;
    /// A problem the lexer, the parser or the checker found in a script, as one sentence.
    fn script_message(&self, message: &ScriptMessage) -> String;
    /// How bad a script diagnostic is, as a word.
    fn severity(&self, severity: Severity) -> &'static str;
    /// A script diagnostic on one line: its position, how bad it is and its message.
    fn diagnostic(&self, diagnostic: &Diagnostic) -> String;
    /// A problem at a place in a scenario file, as one sentence (values quoted from
    /// the file as they are: [`crate::file_message_in`] escapes line breaks in them).
    fn file_message(&self, message: &FileMessage) -> String;
}

/// Problems found in lesson files, a family of its own outside [`Catalog`]:
/// only the people who write lesson files read them (the build, the tests,
/// the CLI), so the playground, which holds catalogs as trait objects, does not
/// carry their texts. Each language implements it next to its [`Catalog`].
pub trait LessonFileCatalog: Sync {
    /// A problem at a place in a lesson file, as one sentence.
    fn lesson_message(&self, message: &LessonMessage) -> String;
}

/// Every language's lesson-file texts, in the order of [`Lang::ALL`] (a new
/// language does not build until it has its entry).
static LESSON_FILES: [&dyn LessonFileCatalog; Lang::COUNT] = [&en::English, &zh::Chinese];

/// A problem at a place in a lesson file, in `lang`.
pub fn lesson_message_in(message: &LessonMessage, lang: Lang) -> String {
    LESSON_FILES[lang.index()].lesson_message(message)
}

/// `PR_STATUS_CODE += SET -= CLEARED`, MAPI's own notation that every language's
/// trace line shows as it is; `None` when nothing changes.
pub(crate) fn status_change(set: StatusCode, cleared: StatusCode) -> Option<String> {
    use core::fmt::Write;
    if set.is_empty() && cleared.is_empty() {
        return None;
    }
    let mut s = String::from("PR_STATUS_CODE");
    if !set.is_empty() {
        let _ = write!(s, " += {set}");
    }
    if !cleared.is_empty() {
        let _ = write!(s, " -= {cleared}");
    }
    Some(s)
}

/// A group's function was handed a message its router does not send it: a bug
/// in the routing macros (`by_group!`, `by_stage!`, `by_rule!`), which list each
/// kind in exactly one group. One cold function, so the groups carry no panic
/// message of their own.
#[cold]
#[inline(never)]
pub(crate) fn misrouted() -> ! {
    unreachable!("a message routed to the wrong group")
}

/// `s` as `format!("{s:?}")` writes it, quoted and escaped, built on
/// `char::escape_debug` (which the script messages need anyway) so that the
/// bundle has no `Debug` for `str`: a string's `Debug` escapes each character as
/// `escape_debug` does, except that it leaves `'` alone.
pub(crate) fn debug_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '\'' {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
    out
}

/// The catalog of `lang`.
pub fn of(lang: Lang) -> &'static dyn Catalog {
    lang.catalog()
}

#[cfg(test)]
mod tests {
    #[test]
    fn debug_quoted_is_debug() {
        use alloc::format;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let one = alloc::string::String::from(c);
            assert_eq!(super::debug_quoted(&one), format!("{one:?}"), "U+{:04X}", u32::from(c));
            let two = format!("a{c}\u{301}'\"");
            assert_eq!(super::debug_quoted(&two), format!("{two:?}"), "U+{:04X}", u32::from(c));
        }
    }

    use super::*;
    use alloc::string::ToString;
    use flushq_core::scenario::{limits, Limit};

    #[test]
    fn scenario_errors_read_in_both_languages() {
        let errors = [
            ScenarioError::DuplicateTransport("LAN".into()),
            ScenarioError::UnknownMessage { transport: "LAN".into(), message: "x".into() },
            ScenarioError::NoSuchTransport(3),
            ScenarioError::TooLarge(Limit::Transports, 300, limits::TRANSPORTS),
            ScenarioError::TooLarge(Limit::Messages, 2_000_000, limits::MESSAGES),
            ScenarioError::TooLarge(Limit::ScriptBytes, 2 << 20, limits::SCRIPT_BYTES),
        ];
        let (en, zh) = (of(Lang::EN), of(Lang::ZH));
        for e in &errors {
            let zh = zh.scenario_error(e);
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
            // Only the names quoted from the scenario stay Latin.
            assert!(!zh.split(|c: char| !c.is_ascii_lowercase()).any(|w| w.len() >= 3), "{zh}");
        }
        assert_eq!(en.scenario_error(&errors[0]), "two transports are named `LAN`; names must be unique");
        assert_eq!(en.scenario_error(&errors[3]), "too many transports: 300 (the limit is 256)");
        assert_eq!(of(Lang::ZH).scenario_error(&errors[0]), "有两个传输提供程序都叫 `LAN`；名称必须唯一");
        assert_eq!(of(Lang::ZH).scenario_error(&errors[3]), "传输提供程序过多：300（上限为 256）");
        assert_eq!(en.actor(&Actor::Spooler).to_string(), "spooler");
        assert_eq!(of(Lang::ZH).actor(&Actor::Spooler), "后台处理程序");
        assert_eq!(of(Lang::ZH).actor(&Actor::Transport("Dial-up".into())), "Dial-up");
    }

    /// The English the parser's own tests pinned before its messages were typed
    /// (they now check the variants): each script's diagnostics, as the catalog says them.
    #[test]
    fn script_messages_read_as_they_did() {
        use crate::text::{diagnostic_in, script_message_in};
        use alloc::vec::Vec;
        use flushq_core::script::diagnose;
        let said = |src: &str| -> Vec<String> {
            diagnose(src).iter().map(|d| script_message_in(&d.message, Lang::EN)).collect()
        };
        let deep = alloc::format!("x = {}1{}", "(".repeat(65), ")".repeat(65));
        let cases: &[(&str, &str)] = &[
            ("a = 1\nb = 2\nFlushQueues(FLUSH_NO_UI\n", "expected `)` to close the call to `FlushQueues` opened at 3:12"),
            ("f()(a", "expected `)` to close the call opened at 1:4"),
            ("a = 1\n}\n", "unexpected `}`: no block is open"),
            ("s = \"abc\nt = 1", "unterminated string"),
            ("x = a $ b", "unexpected character `$`"),
            ("x = ’a’", "unexpected character `’` (U+2019)"),
            ("x = a |", "expected an expression after `|`"),
            ("if a == b == c {\n}\n", "`==` cannot be chained; compare one pair at a time"),
            ("for r in rows\n  Release(r)\n", "missing `{` after the `for` header"),
            ("if a\n  Release(r)\n", "missing `{` after the `if` condition"),
            ("if a {\n} else x", "missing `{` after `else`"),
            ("a\nb\nc\nd\ne\nif xp.PR_RESOURCE_METHODS {\n  f()\n", "block opened at 6:27 is never closed"),
            (&deep, "nesting deeper than 64 levels"),
            ("x = 18446744073709551616", "number too large"),
            ("x = 0x", "`0x` is not a valid number: put hex digits after `0x`"),
            ("x = 12ab", "`12ab` is not a valid number"),
            ("x = a && b", "`&&` is not an operator; use `&` to test flag bits"),
            ("x = a || b", "`||` is not an operator; use `|` to combine flags"),
            ("if a {\n}\nelse {\n}", "`else` must be on the same line as the `}` that closes its `if` block"),
            ("for r in rows\n{\n}", "missing `{` after the `for` header; put `{` on the same line as `for`"),
            ("a.b = 1", "only a plain variable name can be assigned to, as in `rows = ...`"),
            ("f(a b)", "expected `,` between the arguments to `f`"),
            ("f()(a b)", "expected `,` between the arguments"),
            ("f(a.b: 1)", "only a plain name can label an argument, as in `target: row.PR_ENTRYID`"),
            ("x = rows[0", "expected `]` to close the index opened at 1:9"),
            ("x = a.", "expected a property or method name after `.`"),
            ("x = 1.5", "numbers have no fractional part; MAPI values are whole numbers"),
            ("for in rows {\n}", "expected a loop variable name after `for`"),
            (")", "unexpected `)`: no `(` is open"),
            ("]", "unexpected `]`: no `[` is open"),
            ("in", "`in` can only appear in a `for` header, as in `for row in rows {`"),
            ("= 1", "unexpected `=`: an assignment needs a variable name on its left"),
            ("{\n}", "unexpected `{`: a block must follow an `if`, `else` or `for` header on the same line"),
            (",", "unexpected `,` at the start of a statement"),
            ("x = 1 \"s\"", "expected the end of the statement, found a string; put each statement on its own line"),
            ("x = (1\n", "expected `)` to close the `(` opened at 1:5"),
            ("x = \u{7}\u{7}", "unexpected characters `\\u{7}\\u{7}`"),
            ("x = 1\ny = x.Foo", "`Foo` is not a property; read a property such as `PR_RESOURCE_METHODS`"),
            ("x = f()", "no MAPI function named `f`; known functions: HrQueryAllRows, Release, FreeProws"),
            ("x = session.Frob()", "no MAPI method named `Frob`; known methods: GetStatusTable, OpenEntry, SetColumns, FlushQueues, ValidateState, SettingsDialog, ChangePassword"),
            ("t = session.GetStatusTable()\nt.SetColumns()", "`SetColumns` takes 1 to 16 arguments, not 0"),
            ("Release(session, x: 1)", "`Release` has no argument named `x`; it takes no named arguments"),
            ("t = session.GetStatusTable()\nt.SetColumns(1)", "`SetColumns` takes property tags such as `PR_ENTRYID`"),
            ("t = session.GetStatusTable()\nr = HrQueryAllRows(t, 1 == 2)", "a restriction compares a property with a value, e.g. `PR_RESOURCE_TYPE == MAPI_SPOOLER` or `PR_STATUS_CODE & STATUS_OUTBOUND_FLUSH`; the left side must be a property tag"),
            ("x = (1)()", "only MAPI functions and methods can be called"),
            ("FLUSH_UPLOAD = 1", "`FLUSH_UPLOAD` is a predefined name and cannot be assigned; pick another variable name"),
        ];
        let mut wrong = Vec::new();
        for (src, expected) in cases {
            let got = said(src);
            if !got.iter().any(|m| m == expected) {
                wrong.push(alloc::format!("{src:?}: expected {expected:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let d = &diagnose("x = 1\ny = a |\nz = 2\n")[0];
        assert_eq!(diagnostic_in(d, Lang::EN), "2:8: error: expected an expression after `|`");
        assert_eq!(diagnostic_in(d, Lang::ZH), "2:8: 错误：`|` 后面需要一个表达式");
    }
}
