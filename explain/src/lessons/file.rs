//! Lesson files: TOML into a [`Lesson`], every problem placed in the file.

use super::{Lesson, Text};
use crate::goal::{Assertion, Form};
use flushq_core::diag::{closest, line_col};
use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::script;
use flushq_scenario::doc::{
    self as toml_doc, array, found, missing_field, spanned, string, tables, unknown_field, Error, InlineScript, Item,
    Str, Table, Value,
};
use flushq_scenario::doc::{toml_error, toml_literal};
use flushq_scenario::{preset, presets, FileDiagnostic, FileMessage, Found};

/// Fields of a lesson file; of a text (title, intro, hint); of a call assertion.
const LESSON_FIELDS: &[&str] = &["id", "preset", "par", "title", "intro", "goal", "start", "solution", "hint"];
const TEXT_FIELDS: &[&str] = &["en", "zh"];
const CALL_FIELDS: &[&str] = &["api", "hresult"];

/// What is wrong at a place in a lesson file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonMessage {
    /// What any of flushq's TOML files can get wrong (syntax, fields, types), or
    /// a problem of one of the lesson's scripts.
    File(FileMessage),
    /// An id that is not lowercase letters, digits and `-`.
    BadId { id: String },
    /// A name the lesson spells that does not exist; `names` lists those that do.
    Unknown { what: Named, name: String, suggestion: Option<String>, names: Vec<String> },
    /// A value of the wrong type.
    InvalidType { found: Found, expected: LessonValue },
    /// An empty text (`key` is `en` or `zh`).
    EmptyText { key: String },
    /// `goal = []`.
    EmptyGoal,
    /// An assertion in braces with more than one key (or none).
    BracedAssertion,
    /// An assertion named without what it takes.
    NeedsArgument { name: String, takes: Takes },
    /// An assertion that takes nothing, given something.
    TakesNothing { name: String },
    /// An assertion that takes a name, given an empty one.
    EmptyName { name: String },
    /// Nothing between two `|` of a flags string (or at an end).
    MissingFlag,
}

/// What a lesson names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A shipped scenario.
    Preset,
    /// A goal's assertion.
    Assertion,
    /// A function or method a script may call.
    Api,
    /// An HRESULT.
    HResult,
    /// A FlushQueues flag.
    Flag,
}

/// The values of a lesson file that have a type of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonValue {
    /// `par`.
    Statements,
    /// A title, intro or hint.
    Text,
    /// An element of `goal`.
    Assertion,
    /// What a call assertion takes.
    Call,
}

/// What an assertion takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// A transport's or an object's name.
    Name,
    /// An API and an HRESULT.
    Call,
    /// FlushQueues flags.
    Flags,
}

/// A problem at a position in a lesson file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonDiagnostic {
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in the file.
    pub col: u32,
    /// What is wrong.
    pub message: LessonMessage,
}

impl From<FileDiagnostic> for LessonDiagnostic {
    fn from(d: FileDiagnostic) -> Self {
        LessonDiagnostic { line: d.line, col: d.col, message: LessonMessage::File(d.message) }
    }
}

/// A problem found while decoding, at a byte offset: one any TOML file of flushq
/// can have, or one of lesson files.
enum Problem {
    File(Error),
    Lesson(usize, LessonMessage),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        Problem::File(e)
    }
}

impl Problem {
    /// The problem placed in `src`.
    fn place(self, src: &str) -> LessonDiagnostic {
        match self {
            Problem::File(e) => toml_error(src, &e).into(),
            Problem::Lesson(at, message) => {
                let (line, col) = line_col(src, at.min(src.len()));
                LessonDiagnostic { line, col, message }
            }
        }
    }
}

/// A lesson file's own problem at byte `at`.
fn problem(at: usize, message: LessonMessage) -> Problem {
    Problem::Lesson(at, message)
}

/// `v` is of the wrong type.
fn invalid_type(v: &Item, expected: LessonValue) -> Problem {
    problem(v.at, LessonMessage::InvalidType { found: found(v), expected })
}

/// Decodes a lesson file: its TOML, its names (preset, assertions, APIs, HRESULTs,
/// flags) and its two scripts, every problem placed in the file. Stops at the
/// first problem, except that both scripts report all of theirs.
pub(super) fn decode(src: &str) -> Result<Lesson, Vec<LessonDiagnostic>> {
    let doc = toml_doc::parse(src).map_err(|e| vec![toml_error(src, &e).into()])?;
    let (lesson, scripts) = fields(src, &doc).map_err(|p| vec![p.place(src)])?;
    let mut diags = Vec::new();
    for s in &scripts {
        let inline = InlineScript::new(src, &s.value, s.at, toml_literal(src, s.at));
        diags.extend(script::diagnose(&s.value).into_iter().map(|d| inline.place(d).into()));
    }
    if diags.is_empty() {
        Ok(lesson)
    } else {
        Err(diags)
    }
}

/// The lesson a file's document holds, and its start and solution scripts (to be
/// checked) with where they are written.
///
/// Lessons are decoded once into a static (see [`super::lessons`]) and never dropped, so
/// their texts are leaked into `&'static str`: `Lesson` and `Text` keep the shape
/// they had when lessons were written in Rust.
fn fields(src: &str, doc: &Table) -> Result<(Lesson, [Str; 2]), Problem> {
    let (mut id, mut preset, mut par, mut title, mut intro) = (None, None, None, None, None);
    let (mut goal, mut start, mut solution, mut hints) = (None, None, None, Vec::new());
    for e in &doc.entries {
        let v = &e.item;
        match e.key.as_str() {
            "id" => id = Some(lesson_id(v)?),
            "preset" => preset = Some(shipped_preset(v)?),
            "par" => par = Some(count(v)?),
            "title" => title = Some(text_in(v)?),
            "intro" => intro = Some(text_in(v)?),
            "goal" => goal = Some(assertions(src, v)?),
            "start" => start = Some(spanned(v)?),
            "solution" => solution = Some(spanned(v)?),
            "hint" => hints = tables(v, text)?,
            _ => return Err(unknown_field(&e.key, e.at, LESSON_FIELDS).into()),
        }
    }
    let missing = |field| Problem::from(missing_field(0, field));
    let (start, solution) = (start.ok_or_else(|| missing("start"))?, solution.ok_or_else(|| missing("solution"))?);
    let lesson = Lesson {
        id: id.ok_or_else(|| missing("id"))?,
        preset: preset.ok_or_else(|| missing("preset"))?,
        title: title.ok_or_else(|| missing("title"))?,
        intro: intro.ok_or_else(|| missing("intro"))?,
        hints: hints.leak(),
        start: start.value.clone().leak(),
        solution: solution.value.clone().leak(),
        par: par.ok_or_else(|| missing("par"))?,
        goal: goal.ok_or_else(|| missing("goal"))?,
    };
    Ok((lesson, [start, solution]))
}

/// An id: lowercase letters, digits and `-` (it names the lesson in links, saved
/// progress and the file name).
fn lesson_id(v: &Item) -> Result<&'static str, Problem> {
    let id = string(v)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(problem(v.at, LessonMessage::BadId { id }));
    }
    Ok(id.leak())
}

/// The name of a shipped scenario.
fn shipped_preset(v: &Item) -> Result<&'static str, Problem> {
    let name = string(v)?;
    preset(&name)
        .map(|p| p.name)
        .ok_or_else(|| problem(v.at, unknown(Named::Preset, &name, presets().iter().map(|p| p.name))))
}

fn count(v: &Item) -> Result<usize, Problem> {
    match v.value {
        Value::Integer(n) => usize::try_from(n).map_err(|_| invalid_type(v, LessonValue::Statements)),
        _ => Err(invalid_type(v, LessonValue::Statements)),
    }
}

/// A text written as a table (`title.en = ".."` and `title.zh = ".."`, or a `[title]` header).
fn text_in(v: &Item) -> Result<Text, Problem> {
    match &v.value {
        Value::Table(t) => text(t, v.at),
        _ => Err(invalid_type(v, LessonValue::Text)),
    }
}

/// A text's table, which starts at byte `at`: English and Chinese, neither empty.
fn text(t: &Table, at: usize) -> Result<Text, Problem> {
    let (mut en, mut zh) = (None, None);
    for e in &t.entries {
        let slot = match e.key.as_str() {
            "en" => &mut en,
            "zh" => &mut zh,
            _ => return Err(unknown_field(&e.key, e.at, TEXT_FIELDS).into()),
        };
        let s = string(&e.item)?;
        if s.trim().is_empty() {
            return Err(problem(e.item.at, LessonMessage::EmptyText { key: e.key.clone() }));
        }
        *slot = Some(s.leak() as &'static str);
    }
    Ok(Text { en: en.ok_or_else(|| missing_field(at, "en"))?, zh: zh.ok_or_else(|| missing_field(at, "zh"))? })
}

/// The goal: a non-empty array of assertions.
fn assertions(src: &str, v: &Item) -> Result<Vec<Assertion>, Problem> {
    let items = array(v)?;
    if items.is_empty() {
        return Err(problem(v.at, LessonMessage::EmptyGoal));
    }
    items.iter().map(|item| assertion(src, item)).collect()
}

/// An assertion: its name (`"nothing_leaked"`), or a table of one key, its name,
/// whose value is what it takes (`{ opened = "spooler" }`).
fn assertion(src: &str, item: &Item) -> Result<Assertion, Problem> {
    let (name, at, arg) = match &item.value {
        Value::String(name) => (name.as_str(), item.at, None),
        Value::Table(t) if t.entries.len() == 1 => {
            (t.entries[0].key.as_str(), t.entries[0].at, Some(&t.entries[0].item))
        }
        Value::Table(_) => return Err(problem(item.at, LessonMessage::BracedAssertion)),
        _ => return Err(invalid_type(item, LessonValue::Assertion)),
    };
    let names = Assertion::NAMES.iter().map(|(n, _)| *n);
    let form = Form::from_name(name).ok_or_else(|| problem(at, unknown(Named::Assertion, name, names)))?;
    let Some(arg) = arg else {
        let takes = match form {
            Form::Bare(build) => return Ok(build()),
            Form::Name(_) => Takes::Name,
            Form::Call(_) => Takes::Call,
            Form::Flags(_) => Takes::Flags,
        };
        return Err(problem(at, LessonMessage::NeedsArgument { name: name.to_string(), takes }));
    };
    match form {
        Form::Bare(_) => Err(problem(arg.at, LessonMessage::TakesNothing { name: name.to_string() })),
        Form::Name(build) => {
            let s = string(arg)?;
            if s.trim().is_empty() {
                return Err(problem(arg.at, LessonMessage::EmptyName { name: name.to_string() }));
            }
            Ok(build(s))
        }
        Form::Call(build) => call(arg).map(|(api, hresult)| build(api, hresult)),
        Form::Flags(build) => flags(src, arg).map(build),
    }
}

/// `{ api = "FlushQueues", hresult = "MAPI_E_BUSY" }`: a function or method a
/// script may call, and an HRESULT.
fn call(v: &Item) -> Result<(&'static str, HResult), Problem> {
    let Value::Table(t) = &v.value else { return Err(invalid_type(v, LessonValue::Call)) };
    let (mut api, mut hresult) = (None, None);
    for e in &t.entries {
        let name = string(&e.item)?;
        match e.key.as_str() {
            "api" => {
                let apis = || script::FUNCTIONS.iter().chain(&script::METHODS).map(|(n, ..)| *n);
                let found = apis().find(|n| *n == name);
                api = Some(found.ok_or_else(|| problem(e.item.at, unknown(Named::Api, &name, apis())))?);
            }
            "hresult" => {
                let found = HResult::from_name(&name);
                let names = HResult::ALL.iter().map(|h| h.name());
                hresult = Some(found.ok_or_else(|| problem(e.item.at, unknown(Named::HResult, &name, names)))?);
            }
            _ => return Err(unknown_field(&e.key, e.at, CALL_FIELDS).into()),
        }
    }
    Ok((api.ok_or_else(|| missing_field(v.at, "api"))?, hresult.ok_or_else(|| missing_field(v.at, "hresult"))?))
}

/// FlushQueues flags as a script writes them, `"FLUSH_UPLOAD | FLUSH_FORCE"`; an
/// unknown name is placed where it stands in the string.
fn flags(src: &str, v: &Item) -> Result<FlushFlags, Problem> {
    let written = string(v)?;
    let literal = toml_literal(src, v.at).filter(|d| d.text == written);
    let offset = |i: usize| literal.as_ref().map_or(v.at, |d| d.source_offset(i));
    let mut flags = FlushFlags::empty();
    let mut from = 0;
    for part in written.split('|') {
        let name = part.trim();
        let at = offset(from + part.len() - part.trim_start().len());
        from += part.len() + 1;
        flags |= match FlushFlags::from_name(name) {
            Some(flag) => flag,
            None if name.is_empty() => return Err(problem(at, LessonMessage::MissingFlag)),
            None => {
                let names = FlushFlags::all().names();
                return Err(problem(at, unknown(Named::Flag, name, names)));
            }
        };
    }
    Ok(flags)
}

/// "unknown WHAT `name`", with the closest of `names` if it looks like a typo of
/// one (the catalogs then name only that one), and all of them.
fn unknown<'a>(what: Named, name: &str, names: impl Iterator<Item = &'a str> + Clone) -> LessonMessage {
    let suggestion = closest(name, names.clone()).map(String::from);
    LessonMessage::Unknown { what, name: name.to_string(), suggestion, names: names.map(String::from).collect() }
}

#[cfg(test)]
mod tests {
    use super::super::tests::located;
    use super::super::FILES;
    use super::*;

    /// A broken lesson file is refused with the place of its first problem:
    /// TOML syntax, fields, and every name the file spells (preset, assertion,
    /// API, HRESULT, flag), and the scripts' own errors.
    #[test]
    fn broken_lesson_files_are_located() {
        let file = |name: &str| FILES.iter().find(|(n, _)| *n == name).unwrap().1;
        const FIRST: &str = "01-find-the-spooler.toml";
        const FOURTH: &str = "04-per-transport-fallback.toml";
        // (file, text, replaced by, the line, column and message, or how they begin)
        let cases: &[(&str, &str, &str, &str)] = &[
            (FIRST, "par = 7", "par = 7 7", "3:9: unexpected `7` expected newline, `#`"),
            (FIRST, "row\"\ntitle.zh", "row\ntitle.zh", "5:35: invalid basic string expected `\"`"),
            (FIRST, "par = 7", "parr = 7", "3:1: unknown field `parr`, expected one of `id`, "),
            (FIRST, "par = 7", "par = \"7\"", "3:7: invalid type: string \"7\", expected a number of statements"),
            (
                FIRST,
                "\"spooler-upload\"",
                "\"spooler-uplaod\"",
                "2:10: unknown preset `spooler-uplaod`; did you mean `spooler-upload`?",
            ),
            (
                FIRST,
                "\"spooler-upload\"",
                "\"tutorial\"",
                "2:10: unknown preset `tutorial`, expected one of `spooler-upload`, ",
            ),
            (
                FIRST,
                "\"find-the-spooler\"",
                "\"Find the spooler\"",
                "1:6: lesson id `Find the spooler` must be lowercase letters, digits and `-`",
            ),
            (FIRST, "title.zh = \"找到后台处理程序的行\"\n", "", "5:1: missing field `zh`"),
            (
                FIRST,
                "{ opened = \"spooler\" }",
                "{ openned = \"spooler\" }",
                "12:7: unknown assertion `openned`; did you mean `opened`?",
            ),
            (
                FIRST,
                "{ opened = \"spooler\" }",
                "\"opened\"",
                "12:5: `opened` takes a name: `{ opened = \"Office LAN\" }`",
            ),
            (
                FIRST,
                "\"nothing_leaked\"",
                "{ nothing_leaked = true }",
                "13:24: `nothing_leaked` takes nothing: write `\"nothing_leaked\"`",
            ),
            (
                FIRST,
                "\"nothing_leaked\"",
                "\"leaks\"",
                "13:5: unknown assertion `leaks`, expected one of `all_outgoing_delivered`, ",
            ),
            (
                FIRST,
                "\"no_script_errors\"",
                "{ flags_passed = \"FLUSH_UPLOAD | FLUSH_FORCED\" }",
                "14:38: unknown flag `FLUSH_FORCED`; did you mean `FLUSH_FORCE`?",
            ),
            (
                FIRST,
                "\"no_script_errors\"",
                "{ flags_passed = \"FLUSH_UPLOAD |\" }",
                "14:37: expected a flag name, as in `FLUSH_UPLOAD | FLUSH_FORCE`",
            ),
            (
                FIRST,
                "Release(spooler)",
                "Release(spooler",
                "28:16: expected `)` to close the call to `Release` opened at 28:8",
            ),
            (
                FOURTH,
                "\"MAPI_E_NO_SUPPORT\"",
                "\"MAPI_E_NOSUPPORT\"",
                "15:57: unknown HRESULT `MAPI_E_NOSUPPORT`; did you mean `MAPI_E_NO_SUPPORT`?",
            ),
            (
                FOURTH,
                "api = \"FlushQueues\"",
                "api = \"FlushQueue\"",
                "15:32: unknown API `FlushQueue`; did you mean `FlushQueues`?",
            ),
            (FOURTH, "api = \"FlushQueues\", ", "", "15:24: missing field `api`"),
        ];
        let mut wrong = Vec::new();
        for (name, from, to, expected) in cases {
            let src = file(name);
            assert_eq!(src.matches(from).count(), 1, "{name}: {from:?}");
            let got = match decode(&src.replacen(from, to, 1)) {
                Ok(_) => String::from("accepted"),
                Err(d) => located(name, &d),
            };
            let expected = format!("lessons/{name}:{expected}");
            if !got.starts_with(&expected) {
                wrong.push(format!("{from:?} -> {to:?}:\n  got      {got}\n  expected {expected}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
