//! Syntax tree of the client-script language.
//!
//! The parser produces it; the checker resolves names; the compiler lowers it to
//! the flat program the interpreter steps through.

use crate::diag::Span;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A whole script.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    /// Top-level statements in order.
    pub body: Vec<Stmt>,
}

/// An identifier with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The name as written.
    pub name: String,
    /// Where it was written.
    pub span: Span,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `name = expr`
    Assign { target: Ident, value: Expr, span: Span },
    /// A bare expression, normally a call: `Release(table)`.
    Expr { expr: Expr, span: Span },
    /// `for var in expr { body }`
    For { var: Ident, iter: Expr, body: Vec<Stmt>, span: Span },
    /// `if cond { then } else { otherwise }`; `else if` nests another `If` in `otherwise`.
    If { cond: Expr, then: Vec<Stmt>, otherwise: Option<Vec<Stmt>>, span: Span },
}

impl Stmt {
    /// The span of the statement's head (for `for`/`if`: up to the opening brace).
    pub fn span(&self) -> Span {
        match self {
            Stmt::Assign { span, .. } | Stmt::Expr { span, .. } | Stmt::For { span, .. } | Stmt::If { span, .. } => {
                *span
            }
        }
    }
}

/// Binary operators, loosest first: `==`/`!=`, then `|`, then `&`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `|`
    BitOr,
    /// `&`
    BitAnd,
}

impl BinOp {
    /// The operator as a script spells it.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::BitOr => "|",
            BinOp::BitAnd => "&",
        }
    }
}

/// An argument in a call; `name: value` when named (`target: row.PR_ENTRYID`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// `Some` for a named argument.
    pub name: Option<Ident>,
    /// The argument's value.
    pub value: Expr,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A decimal or `0x` hex number.
    Number { value: u64, span: Span },
    /// A string literal in double quotes.
    Str { value: String, span: Span },
    /// A variable or a MAPI constant; the checker decides which.
    Name(Ident),
    /// `object.NAME` - a property read (`xp.PR_RESOURCE_METHODS`).
    Member { object: Box<Expr>, member: Ident, span: Span },
    /// `object[index]`
    Index { object: Box<Expr>, index: Box<Expr>, span: Span },
    /// `callee(args)` where callee is a name (`HrQueryAllRows`) or a member
    /// (`session.GetStatusTable`).
    Call { callee: Box<Expr>, args: Vec<Arg>, span: Span },
    /// `lhs op rhs`
    Binary { op: BinOp, lhs: Box<Expr>, rhs: Box<Expr>, span: Span },
    /// `!expr` (logical not: zero becomes one, anything else zero).
    Not { expr: Box<Expr>, span: Span },
}

impl Expr {
    /// Where the expression was written.
    pub fn span(&self) -> Span {
        match self {
            Expr::Number { span, .. }
            | Expr::Str { span, .. }
            | Expr::Member { span, .. }
            | Expr::Index { span, .. }
            | Expr::Call { span, .. }
            | Expr::Binary { span, .. }
            | Expr::Not { span, .. } => *span,
            Expr::Name(id) => id.span,
        }
    }
}
