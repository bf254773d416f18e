//! What the lexer, the parser and the checker say about a script, as typed
//! values: which rule the script broke, with its arguments (names and code as
//! written, numbers, positions). Each language's catalog in `flushq-explain`
//! renders them; the core holds no prose.

use super::ast::BinOp;
use crate::diag::LineCol;
use alloc::string::String;
use alloc::vec::Vec;

/// What the parser found where something else belonged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundToken {
    /// A line break.
    EndOfLine,
    /// The end of the script.
    EndOfScript,
    /// A string literal.
    String,
    /// Any other token, as written (shortened to fit a message).
    Code(String),
}

/// The head of a statement that a `{ ... }` block must follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockHead {
    /// `for var in expr`.
    For,
    /// `if cond`.
    If,
    /// `else`.
    Else,
}

impl BlockHead {
    /// The keyword, as a script spells it.
    pub fn keyword(self) -> &'static str {
        match self {
            BlockHead::For => "for",
            BlockHead::If => "if",
            BlockHead::Else => "else",
        }
    }
}

/// One problem in a script. Variants name the rule the script broke; names and
/// code quoted from the script are shortened to fit one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptMessage {
    // ----- the lexer
    /// A decimal number with a character that is not a digit (`12ab`).
    BadNumber { text: String },
    /// A hex number with a character that is not a hex digit (`0xG1`).
    BadHexNumber { text: String },
    /// `0x` with no digits after it.
    HexWithoutDigits { text: String },
    /// A number past `u64::MAX`.
    NumberTooLarge,
    /// A string without its closing quote on its line.
    UnterminatedString,
    /// An escape other than `\"`, `\\` and `\n` in a string.
    UnknownEscape { escape: char },
    /// One character that starts no token.
    UnexpectedChar { found: char },
    /// A run of characters that start no token.
    UnexpectedChars { text: String },

    // ----- the parser
    /// Blocks, parentheses, brackets or `else if` arms nested past the limit.
    TooDeep { limit: u32 },
    /// An expression tree past the depth limit.
    ExpressionTooLong,
    /// A `{` whose block reaches the end of the script.
    BlockNeverClosed { opened: LineCol },
    /// A `}` with no block open.
    StrayCloseBrace,
    /// A `)` at the start of a statement.
    StrayCloseParen,
    /// A `]` at the start of a statement.
    StrayCloseBracket,
    /// `else` at the start of a line.
    ElseOnItsOwnLine,
    /// `in` outside a `for` header.
    StrayIn,
    /// `=` at the start of a statement.
    StrayAssign,
    /// `{` at the start of a statement.
    StrayOpenBrace,
    /// Another token that cannot start a statement.
    UnexpectedAtStatementStart { found: FoundToken },
    /// More after a complete statement on the same line.
    ExpectedStatementEnd { found: FoundToken },
    /// An assignment to something other than a plain name (`a.b = 1`).
    AssignToNonName,
    /// `for` not followed by a name.
    ExpectedLoopVariable,
    /// `for var` not followed by `in`.
    ExpectedIn { var: String },
    /// A `for`, `if` or `else` head without its `{`.
    MissingBrace { head: BlockHead },
    /// The `{` of a `for`, `if` or `else` head on the next line.
    BraceOnNextLine { head: BlockHead },
    /// `if a = b`.
    AssignInCondition,
    /// `a == b == c`.
    ChainedComparison { op: BinOp },
    /// `1.5`.
    NoFraction,
    /// `.` not followed by a name.
    ExpectedMember,
    /// A call without its `)`; `callee` is the function or method's name when it has one.
    UnclosedCall { callee: Option<String>, opened: LineCol },
    /// `a.b: 1` as an argument.
    BadArgumentLabel,
    /// Two arguments without a `,` between them.
    MissingComma { callee: Option<String> },
    /// `rows[0` without its `]`.
    UnclosedIndex { opened: LineCol },
    /// `(a` without its `)`.
    UnclosedParen { opened: LineCol },
    /// Nothing where an expression belongs, at the start.
    ExpectedExpression,
    /// Nothing where an expression belongs, after `token`.
    ExpectedExpressionAfter { token: String },
    /// `&&`.
    DoubleAmp,
    /// `||`.
    DoublePipe,

    // ----- the checker
    /// An assignment to a MAPI constant or a predefined variable.
    AssignToPredefined { name: String },
    /// A member that is not a property (nor `cRows`).
    NotAProperty { name: String, suggestion: Option<String> },
    /// A blocking `FlushQueues` inside another expression.
    FlushInsideExpression,
    /// A name that looks like a MAPI constant but is none.
    UnknownConstant { name: String, suggestion: Option<String> },
    /// A name that is neither a variable assigned before nor a constant.
    UnknownName { name: String, suggestion: Option<String> },
    /// A call of something that is not a function or method name.
    NotCallable,
    /// A call of a function that does not exist; `known` lists those that do.
    UnknownFunction { name: String, suggestion: Option<String>, known: Vec<String> },
    /// A call of a method that does not exist; `known` lists those that do.
    UnknownMethod { name: String, suggestion: Option<String>, known: Vec<String> },
    /// The wrong number of positional arguments.
    WrongArity { callee: String, min: usize, max: usize, found: usize },
    /// A named argument the callee does not take; `accepted` lists those it does.
    UnknownNamedArgument { callee: String, name: String, accepted: Vec<String> },
    /// `SetColumns` with something other than property tags.
    SetColumnsTags,
    /// A restriction whose left side is not a property tag.
    RestrictionLeft,
    /// A restriction that is not `PR_X == v`, `PR_X != v` or `PR_X & mask`.
    RestrictionShape,
}

impl ScriptMessage {
    /// The other script position the message names (where an unclosed block,
    /// call, index or parenthesis was opened), for front ends that move it into
    /// the file the script is written in.
    pub fn opened_at_mut(&mut self) -> Option<&mut LineCol> {
        match self {
            ScriptMessage::BlockNeverClosed { opened }
            | ScriptMessage::UnclosedCall { opened, .. }
            | ScriptMessage::UnclosedIndex { opened }
            | ScriptMessage::UnclosedParen { opened } => Some(opened),
            _ => None,
        }
    }
}
