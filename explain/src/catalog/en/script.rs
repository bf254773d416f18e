//! Problems the lexer, the parser and the checker find in a script, in English.

use alloc::format;
use alloc::string::String;
use flushq_core::diag::{LineCol, Severity};
use flushq_core::script::Diagnostic;
use flushq_core::script::{BlockHead, FoundToken, ScriptMessage as M};

/// How bad a diagnostic is.
pub(crate) fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A diagnostic on one line: `line:col: severity: message`.
pub(crate) fn diagnostic(d: &Diagnostic) -> String {
    format!("{}:{}: {}: {}", d.span.line, d.span.col, severity(d.severity), script_message(&d.message))
}

/// What the parser found, as the object of "found" or "unexpected".
fn found(f: &FoundToken) -> String {
    match f {
        FoundToken::EndOfLine => String::from("the end of the line"),
        FoundToken::EndOfScript => String::from("the end of the script"),
        FoundToken::String => String::from("a string"),
        FoundToken::Code(text) => format!("`{text}`"),
    }
}

/// A block head without its `{`.
fn missing_brace(head: BlockHead) -> &'static str {
    match head {
        BlockHead::For => "missing `{` after the `for` header",
        BlockHead::If => "missing `{` after the `if` condition",
        BlockHead::Else => "missing `{` after `else`",
    }
}

/// `3:12`.
fn at(p: LineCol) -> String {
    format!("{}:{}", p.line, p.col)
}

/// "; did you mean `X`?", or `otherwise`.
fn did_you_mean(suggestion: &Option<String>, otherwise: &str) -> String {
    match suggestion {
        Some(c) => format!("; did you mean `{c}`?"),
        None => String::from(otherwise),
    }
}

const RESTRICTION: &str = "a restriction compares a property with a value, e.g. `PR_RESOURCE_TYPE == MAPI_SPOOLER` or `PR_STATUS_CODE & STATUS_OUTBOUND_FLUSH`";

/// The message as one sentence.
pub(crate) fn script_message(m: &M) -> String {
    by_stage!(m, lexer: lexer(m), parser: parser(m), checker: checker(m))
}

/// What the lexer finds wrong: numbers, strings, characters.
fn lexer(m: &M) -> String {
    match m {
        M::BadNumber { text } => format!("`{text}` is not a valid number"),
        M::BadHexNumber { text } => format!("`{text}` is not a valid number: hex digits are 0-9 and A-F"),
        M::HexWithoutDigits { text } => format!("`{text}` is not a valid number: put hex digits after `0x`"),
        M::NumberTooLarge => String::from("number too large"),
        M::UnterminatedString => String::from("unterminated string"),
        M::UnknownEscape { escape } => format!(
            "unknown escape `\\{}` in a string; only `\\\"`, `\\\\` and `\\n` are allowed",
            escape.escape_debug()
        ),
        // Beyond ASCII, the code point: smart quotes and odd spaces look like normal ones.
        M::UnexpectedChar { found } if found.is_ascii() => format!("unexpected character `{}`", found.escape_debug()),
        M::UnexpectedChar { found } => {
            format!("unexpected character `{}` (U+{:04X})", found.escape_debug(), u32::from(*found))
        }
        M::UnexpectedChars { text } => format!("unexpected characters `{}`", text.escape_debug()),

        _ => super::super::misrouted(),
    }
}

/// What the parser finds wrong: the script's shape.
fn parser(m: &M) -> String {
    match m {
        M::TooDeep { limit } => format!("nesting deeper than {limit} levels"),
        M::ExpressionTooLong => String::from("this expression is too long; split it into several statements"),
        M::BlockNeverClosed { opened } => format!("block opened at {} is never closed", at(*opened)),
        M::StrayCloseBrace => String::from("unexpected `}`: no block is open"),
        M::StrayCloseParen => String::from("unexpected `)`: no `(` is open"),
        M::StrayCloseBracket => String::from("unexpected `]`: no `[` is open"),
        M::ElseOnItsOwnLine => String::from("`else` must be on the same line as the `}` that closes its `if` block"),
        M::StrayIn => String::from("`in` can only appear in a `for` header, as in `for row in rows {`"),
        M::StrayAssign => String::from("unexpected `=`: an assignment needs a variable name on its left"),
        M::StrayOpenBrace => {
            String::from("unexpected `{`: a block must follow an `if`, `else` or `for` header on the same line")
        }
        M::UnexpectedAtStatementStart { found: f } => format!("unexpected {} at the start of a statement", found(f)),
        M::ExpectedStatementEnd { found: f } => {
            format!("expected the end of the statement, found {}; put each statement on its own line", found(f))
        }
        M::AssignToNonName => String::from("only a plain variable name can be assigned to, as in `rows = ...`"),
        M::ExpectedLoopVariable => String::from("expected a loop variable name after `for`"),
        M::ExpectedIn { var } => format!("expected `in` after the loop variable `{var}`"),
        M::MissingBrace { head } => String::from(missing_brace(*head)),
        M::BraceOnNextLine { head } => {
            format!("{}; put `{{` on the same line as `{}`", missing_brace(*head), head.keyword())
        }
        M::AssignInCondition => String::from("use `==` to compare; a single `=` assigns a variable"),
        M::ChainedComparison { op } => format!("`{}` cannot be chained; compare one pair at a time", op.symbol()),
        M::NoFraction => String::from("numbers have no fractional part; MAPI values are whole numbers"),
        M::ExpectedMember => String::from("expected a property or method name after `.`"),
        M::UnclosedCall { callee: Some(name), opened } => {
            format!("expected `)` to close the call to `{name}` opened at {}", at(*opened))
        }
        M::UnclosedCall { callee: None, opened } => format!("expected `)` to close the call opened at {}", at(*opened)),
        M::BadArgumentLabel => String::from("only a plain name can label an argument, as in `target: row.PR_ENTRYID`"),
        M::MissingComma { callee: Some(name) } => format!("expected `,` between the arguments to `{name}`"),
        M::MissingComma { callee: None } => String::from("expected `,` between the arguments"),
        M::UnclosedIndex { opened } => format!("expected `]` to close the index opened at {}", at(*opened)),
        M::UnclosedParen { opened } => format!("expected `)` to close the `(` opened at {}", at(*opened)),
        M::ExpectedExpression => String::from("expected an expression"),
        M::ExpectedExpressionAfter { token } => format!("expected an expression after `{token}`"),
        M::DoubleAmp => String::from("`&&` is not an operator; use `&` to test flag bits"),
        M::DoublePipe => String::from("`||` is not an operator; use `|` to combine flags"),

        _ => super::super::misrouted(),
    }
}

/// What the checker finds wrong: names, calls, restrictions.
fn checker(m: &M) -> String {
    match m {
        M::AssignToPredefined { name } => {
            format!("`{name}` is a predefined name and cannot be assigned; pick another variable name")
        }
        M::NotAProperty { name, suggestion } => format!(
            "`{name}` is not a property{}",
            did_you_mean(suggestion, "; read a property such as `PR_RESOURCE_METHODS`")
        ),
        M::FlushInsideExpression => String::from(
            "call `FlushQueues` as a statement of its own (or `hr = x.FlushQueues(...)`), not inside another expression",
        ),
        M::UnknownConstant { name, suggestion } => {
            format!("unknown MAPI constant `{name}`{}", did_you_mean(suggestion, ""))
        }
        M::UnknownName { name, suggestion } => format!(
            "unknown name `{name}`{}",
            did_you_mean(suggestion, "; assign it first (`x = ...`) or check the spelling")
        ),
        M::NotCallable => String::from("only MAPI functions and methods can be called"),
        M::UnknownFunction { name, suggestion, known } => format!(
            "no MAPI function named `{name}`{}",
            did_you_mean(suggestion, &format!("; known functions: {}", known.join(", ")))
        ),
        M::UnknownMethod { name, suggestion, known } => format!(
            "no MAPI method named `{name}`{}",
            did_you_mean(suggestion, &format!("; known methods: {}", known.join(", ")))
        ),
        M::WrongArity { callee, min, max, found } => {
            let want = if min == max { format!("{min}") } else { format!("{min} to {max}") };
            format!("`{callee}` takes {want} argument{}, not {found}", if *max == 1 { "" } else { "s" })
        }
        M::UnknownNamedArgument { callee, name, accepted } => {
            let hint = if accepted.is_empty() {
                String::from("it takes no named arguments")
            } else {
                format!("it accepts `{}:`", accepted.join(":`, `"))
            };
            format!("`{callee}` has no argument named `{name}`; {hint}")
        }
        M::SetColumnsTags => String::from("`SetColumns` takes property tags such as `PR_ENTRYID`"),
        M::RestrictionLeft => format!("{RESTRICTION}; the left side must be a property tag"),
        M::RestrictionShape => String::from(RESTRICTION),
        _ => super::super::misrouted(),
    }
}
