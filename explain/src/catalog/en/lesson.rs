//! Problems in lesson files, in English.

use super::file::{file_message, found, one_of};
use crate::lessons::{LessonMessage as M, LessonValue, Named, Takes};
use alloc::format;
use alloc::string::String;

/// What a lesson names.
fn named(what: Named) -> &'static str {
    match what {
        Named::Preset => "preset",
        Named::Assertion => "assertion",
        Named::Api => "API",
        Named::HResult => "HRESULT",
        Named::Flag => "flag",
    }
}

/// The type a value of a lesson file should have.
fn value(v: LessonValue) -> &'static str {
    match v {
        LessonValue::Statements => "a number of statements",
        LessonValue::Text => "a table of `en` and `zh`",
        LessonValue::Assertion => "an assertion: its name, or `{ name = what it takes }`",
        LessonValue::Call => "a table of `api` and `hresult`",
    }
}

/// The message as one sentence.
pub(crate) fn lesson_message(m: &M) -> String {
    match m {
        M::File(m) => file_message(m),
        M::BadId { id } => format!("lesson id `{id}` must be lowercase letters, digits and `-`"),
        M::Unknown { what, name, suggestion: Some(c), .. } => {
            format!("unknown {} `{name}`; did you mean `{c}`?", named(*what))
        }
        M::Unknown { what, name, suggestion: None, names } => {
            format!("unknown {} `{name}`, expected {}", named(*what), one_of(names))
        }
        M::InvalidType { found: f, expected } => format!("invalid type: {}, expected {}", found(f), value(*expected)),
        M::EmptyText { key } => format!("`{key}` is empty"),
        M::EmptyGoal => String::from("a goal needs at least one assertion"),
        M::BracedAssertion => String::from("an assertion in braces has one key, its name: `{ opened = \"spooler\" }`"),
        M::NeedsArgument { name, takes: Takes::Name } => format!("`{name}` takes a name: `{{ {name} = \"Office LAN\" }}`"),
        M::NeedsArgument { name, takes: Takes::Call } => format!(
            "`{name}` takes an API and an HRESULT: `{{ {name} = {{ api = \"FlushQueues\", hresult = \"MAPI_E_BUSY\" }} }}`"
        ),
        M::NeedsArgument { name, takes: Takes::Flags } => {
            format!("`{name}` takes FlushQueues flags: `{{ {name} = \"FLUSH_UPLOAD | FLUSH_FORCE\" }}`")
        }
        M::TakesNothing { name } => format!("`{name}` takes nothing: write `\"{name}\"`"),
        M::EmptyName { name } => format!("`{name}` takes a name, not an empty string"),
        M::MissingFlag => String::from("expected a flag name, as in `FLUSH_UPLOAD | FLUSH_FORCE`"),
    }
}
