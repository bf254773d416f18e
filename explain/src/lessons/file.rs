//! Lesson files: TOML into a [`Lesson`], every problem placed in the file.

use super::{Lesson, Text};
use crate::goal::{Assertion, Form};
use flushq_core::diag::closest;
use flushq_core::mapi::{FlushFlags, HResult};
use flushq_core::script;
use flushq_scenario::doc::{
    self as toml_doc, array, invalid_type, missing_field, one_of, spanned, string, tables, unknown_field, Error,
    InlineScript, Item, Str, Table, Value,
};
use flushq_scenario::doc::{toml_error, toml_literal};
use flushq_scenario::{preset, presets, FileDiagnostic};

/// Fields of a lesson file; of a text (title, intro, hint); of a call assertion.
const LESSON_FIELDS: &[&str] = &["id", "preset", "par", "title", "intro", "goal", "start", "solution", "hint"];
const TEXT_FIELDS: &[&str] = &["en", "zh"];
const CALL_FIELDS: &[&str] = &["api", "hresult"];

/// Decodes a lesson file: its TOML, its names (preset, assertions, APIs, HRESULTs,
/// flags) and its two scripts, every problem placed in the file. Stops at the
/// first problem, except that both scripts report all of theirs.
pub(super) fn decode(src: &str) -> Result<Lesson, Vec<FileDiagnostic>> {
    let doc = toml_doc::parse(src).map_err(|e| vec![toml_error(src, &e)])?;
    let (lesson, scripts) = fields(src, &doc).map_err(|e| vec![toml_error(src, &e)])?;
    let mut diags = Vec::new();
    for s in &scripts {
        let inline = InlineScript::new(src, &s.value, s.at, toml_literal(src, s.at));
        diags.extend(script::diagnose(&s.value).iter().map(|d| inline.place(d)));
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
fn fields(src: &str, doc: &Table) -> Result<(Lesson, [Str; 2]), Error> {
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
            _ => return Err(unknown_field(&e.key, e.at, LESSON_FIELDS)),
        }
    }
    let missing = |field| missing_field(0, field);
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
fn lesson_id(v: &Item) -> Result<&'static str, Error> {
    let id = string(v)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(Error::new(v.at, format!("lesson id `{id}` must be lowercase letters, digits and `-`")));
    }
    Ok(id.leak())
}

/// The name of a shipped scenario.
fn shipped_preset(v: &Item) -> Result<&'static str, Error> {
    let name = string(v)?;
    preset(&name)
        .map(|p| p.name)
        .ok_or_else(|| Error::new(v.at, unknown("preset", &name, presets().iter().map(|p| p.name))))
}

fn count(v: &Item) -> Result<usize, Error> {
    match v.value {
        Value::Integer(n) => usize::try_from(n).map_err(|_| invalid_type(v, "a number of statements")),
        _ => Err(invalid_type(v, "a number of statements")),
    }
}

/// A text written as a table (`title.en = ".."` and `title.zh = ".."`, or a `[title]` header).
fn text_in(v: &Item) -> Result<Text, Error> {
    match &v.value {
        Value::Table(t) => text(t, v.at),
        _ => Err(invalid_type(v, "a table of `en` and `zh`")),
    }
}

/// A text's table, which starts at byte `at`: English and Chinese, neither empty.
fn text(t: &Table, at: usize) -> Result<Text, Error> {
    let (mut en, mut zh) = (None, None);
    for e in &t.entries {
        let slot = match e.key.as_str() {
            "en" => &mut en,
            "zh" => &mut zh,
            _ => return Err(unknown_field(&e.key, e.at, TEXT_FIELDS)),
        };
        let s = string(&e.item)?;
        if s.trim().is_empty() {
            return Err(Error::new(e.item.at, format!("`{}` is empty", e.key)));
        }
        *slot = Some(s.leak() as &'static str);
    }
    Ok(Text { en: en.ok_or_else(|| missing_field(at, "en"))?, zh: zh.ok_or_else(|| missing_field(at, "zh"))? })
}

/// The goal: a non-empty array of assertions.
fn assertions(src: &str, v: &Item) -> Result<Vec<Assertion>, Error> {
    let items = array(v)?;
    if items.is_empty() {
        return Err(Error::new(v.at, "a goal needs at least one assertion"));
    }
    items.iter().map(|item| assertion(src, item)).collect()
}

/// An assertion: its name (`"nothing_leaked"`), or a table of one key, its name,
/// whose value is what it takes (`{ opened = "spooler" }`).
fn assertion(src: &str, item: &Item) -> Result<Assertion, Error> {
    let (name, at, arg) = match &item.value {
        Value::String(name) => (name.as_str(), item.at, None),
        Value::Table(t) if t.entries.len() == 1 => {
            (t.entries[0].key.as_str(), t.entries[0].at, Some(&t.entries[0].item))
        }
        Value::Table(_) => {
            return Err(Error::new(item.at, "an assertion in braces has one key, its name: `{ opened = \"spooler\" }`"))
        }
        _ => return Err(invalid_type(item, "an assertion: its name, or `{ name = what it takes }`")),
    };
    let names = Assertion::NAMES.iter().map(|(n, _)| *n);
    let form = Form::from_name(name).ok_or_else(|| Error::new(at, unknown("assertion", name, names)))?;
    let Some(arg) = arg else {
        return match form {
            Form::Bare(build) => Ok(build()),
            _ => Err(Error::new(at, format!("`{name}` takes {}: `{}`", takes(form), usage(name, form)))),
        };
    };
    match form {
        Form::Bare(_) => Err(Error::new(arg.at, format!("`{name}` takes nothing: write `\"{name}\"`"))),
        Form::Name(build) => {
            let s = string(arg)?;
            if s.trim().is_empty() {
                return Err(Error::new(arg.at, format!("`{name}` takes a name, not an empty string")));
            }
            Ok(build(s))
        }
        Form::Call(build) => call(arg).map(|(api, hresult)| build(api, hresult)),
        Form::Flags(build) => flags(src, arg).map(build),
    }
}

/// What an assertion of `form` takes, in words.
fn takes(form: Form) -> &'static str {
    match form {
        Form::Bare(_) => "nothing",
        Form::Name(_) => "a name",
        Form::Call(_) => "an API and an HRESULT",
        Form::Flags(_) => "FlushQueues flags",
    }
}

/// How an assertion named `name` of `form` is written.
fn usage(name: &str, form: Form) -> String {
    match form {
        Form::Bare(_) => format!("\"{name}\""),
        Form::Name(_) => format!("{{ {name} = \"Office LAN\" }}"),
        Form::Call(_) => format!("{{ {name} = {{ api = \"FlushQueues\", hresult = \"MAPI_E_BUSY\" }} }}"),
        Form::Flags(_) => format!("{{ {name} = \"FLUSH_UPLOAD | FLUSH_FORCE\" }}"),
    }
}

/// `{ api = "FlushQueues", hresult = "MAPI_E_BUSY" }`: a function or method a
/// script may call, and an HRESULT.
fn call(v: &Item) -> Result<(&'static str, HResult), Error> {
    let Value::Table(t) = &v.value else { return Err(invalid_type(v, "a table of `api` and `hresult`")) };
    let (mut api, mut hresult) = (None, None);
    for e in &t.entries {
        let name = string(&e.item)?;
        match e.key.as_str() {
            "api" => {
                let apis = || script::FUNCTIONS.iter().chain(&script::METHODS).map(|(n, ..)| *n);
                let found = apis().find(|n| *n == name);
                api = Some(found.ok_or_else(|| Error::new(e.item.at, unknown("API", &name, apis())))?);
            }
            "hresult" => {
                let found = HResult::from_name(&name);
                let names = HResult::ALL.iter().map(|h| h.name());
                hresult = Some(found.ok_or_else(|| Error::new(e.item.at, unknown("HRESULT", &name, names)))?);
            }
            _ => return Err(unknown_field(&e.key, e.at, CALL_FIELDS)),
        }
    }
    Ok((api.ok_or_else(|| missing_field(v.at, "api"))?, hresult.ok_or_else(|| missing_field(v.at, "hresult"))?))
}

/// FlushQueues flags as a script writes them, `"FLUSH_UPLOAD | FLUSH_FORCE"`; an
/// unknown name is placed where it stands in the string.
fn flags(src: &str, v: &Item) -> Result<FlushFlags, Error> {
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
            None if name.is_empty() => {
                return Err(Error::new(at, "expected a flag name, as in `FLUSH_UPLOAD | FLUSH_FORCE`"))
            }
            None => return Err(Error::new(at, unknown("flag", name, FlushFlags::all().names()))),
        };
    }
    Ok(flags)
}

/// "unknown WHAT `name`", with the closest of `names` if it looks like a typo of
/// one, or else all of them.
fn unknown<'a>(what: &str, name: &str, names: impl Iterator<Item = &'a str> + Clone) -> String {
    match closest(name, names.clone()) {
        Some(c) => format!("unknown {what} `{name}`; did you mean `{c}`?"),
        None => format!("unknown {what} `{name}`, expected {}", one_of(&names.collect::<Vec<_>>())),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{located, FILES};
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
