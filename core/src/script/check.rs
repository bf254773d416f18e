//! Static checks: every name resolves, every call is to a known MAPI function or
//! method with the right arguments, restrictions have a shape MAPI understands.

use super::ast::{Arg, BinOp, Expr, Ident, Script, Stmt};
use super::lexer::shorten;
use super::message::ScriptMessage as M;
use super::Diagnostic;
use crate::diag::{closest, Span};
use crate::mapi::{constant, constant_names, Constant};
use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

/// Predefined variables.
pub const GLOBALS: [&str; 2] = ["session", "NULL"];

/// A callable's name, its positional arity range and its allowed named arguments.
pub type Signature = (&'static str, (usize, usize), &'static [&'static str]);

/// Free functions.
pub const FUNCTIONS: [Signature; 3] =
    [("HrQueryAllRows", (1, 2), &["crowsMax"]), ("Release", (1, 1), &[]), ("FreeProws", (1, 1), &[])];

/// Methods of the session, the table and status objects.
pub const METHODS: [Signature; 7] = [
    ("GetStatusTable", (0, 0), &[]),
    ("OpenEntry", (1, 1), &[]),
    ("SetColumns", (1, 16), &[]),
    ("FlushQueues", (1, 1), &["target", "ui"]),
    ("ValidateState", (0, 1), &["ui"]),
    ("SettingsDialog", (0, 0), &[]),
    ("ChangePassword", (0, 0), &[]),
];

/// Member names that are not properties.
pub const FIELDS: [&str; 1] = ["cRows"];

/// Checks `script`; returns the problems found, in source order, at most
/// [`MAX_ERRORS`](super::MAX_ERRORS) like the parser (past that, more reports
/// help nobody and cost time).
pub fn check(script: &Script) -> Vec<Diagnostic> {
    // Inserted one by one: collecting into a `BTreeSet` would bring a sort of its own.
    let mut c = Checker { defined: BTreeSet::new(), diags: Vec::new() };
    for s in GLOBALS {
        c.defined.insert(String::from(s));
    }
    c.block(&script.body);
    crate::sort::sort_by_key(&mut c.diags, |d| u64::from(d.span.start) << 32 | u64::from(d.span.end));
    c.diags.truncate(super::MAX_ERRORS);
    c.diags
}

/// The candidate to offer as "; did you mean `X`?" for a plausible typo. Names far longer than any
/// candidate cannot be typos of one, and comparing them would only cost time.
fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if name.len() > 64 {
        return None;
    }
    closest(name, candidates)
}

struct Checker {
    defined: BTreeSet<String>,
    diags: Vec<Diagnostic>,
}

impl Checker {
    /// Records an error.
    fn err(&mut self, span: Span, message: M) {
        self.diags.push(Diagnostic::error(span, message));
    }

    fn block(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Assign { target, value, .. } => {
                self.top_expr(value);
                self.bind(target);
            }
            Stmt::Expr { expr, .. } => self.top_expr(expr),
            Stmt::For { var, iter, body, .. } => {
                self.expr(iter);
                self.bind(var);
                self.block(body);
            }
            Stmt::If { cond, then, otherwise, .. } => {
                self.expr(cond);
                self.block(then);
                if let Some(o) = otherwise {
                    self.block(o);
                }
            }
        }
    }

    fn bind(&mut self, id: &Ident) {
        if constant(&id.name).is_some() || GLOBALS.contains(&id.name.as_str()) {
            self.err(id.span, M::AssignToPredefined { name: shorten(&id.name) });
        } else {
            self.defined.insert(id.name.clone());
        }
    }

    /// A statement's own expression: the only place a blocking FlushQueues may stand.
    fn top_expr(&mut self, e: &Expr) {
        match e {
            Expr::Call { callee, args, span } => self.call(callee, args, *span),
            other => self.expr(other),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Number { .. } | Expr::Str { .. } => {}
            Expr::Name(id) => self.name(id),
            Expr::Member { object, member, .. } => {
                self.expr(object);
                if constant(&member.name).is_some_and(|c| matches!(c, Constant::Prop(_)))
                    || FIELDS.contains(&member.name.as_str())
                {
                    return;
                }
                let props = constant_names().into_iter().filter(|n| n.starts_with("PR_"));
                let suggestion = suggest(&member.name, props.chain(FIELDS)).map(String::from);
                self.err(member.span, M::NotAProperty { name: shorten(&member.name), suggestion });
            }
            Expr::Index { object, index, .. } => {
                self.expr(object);
                self.expr(index);
            }
            Expr::Call { callee, args, span } => {
                if let Expr::Member { member, .. } = &**callee {
                    if member.name == "FlushQueues" {
                        self.err(*span, M::FlushInsideExpression);
                    }
                }
                self.call(callee, args, *span);
            }
            Expr::Binary { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            Expr::Not { expr, .. } => self.expr(expr),
        }
    }

    /// True once enough errors were found: the checker walks in source order,
    /// so later ones would be cut anyway, and finding hints for them costs time.
    fn full(&self) -> bool {
        self.diags.len() >= super::MAX_ERRORS
    }

    fn name(&mut self, id: &Ident) {
        if self.full() || self.defined.contains(&id.name) || constant(&id.name).is_some() {
            return;
        }
        let looks_constant =
            id.name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') && id.name.contains('_');
        let names = constant_names();
        let vars: Vec<&str> = self.defined.iter().map(String::as_str).collect();
        let suggestion = suggest(&id.name, names.iter().copied().chain(vars.iter().copied())).map(String::from);
        let name = shorten(&id.name);
        let message =
            if looks_constant { M::UnknownConstant { name, suggestion } } else { M::UnknownName { name, suggestion } };
        self.err(id.span, message);
    }

    fn call(&mut self, callee: &Expr, args: &[Arg], span: Span) {
        let (fname, table): (&Ident, &[Signature]) = match callee {
            Expr::Name(id) => (id, &FUNCTIONS),
            Expr::Member { object, member, .. } => {
                self.expr(object);
                (member, &METHODS)
            }
            other => {
                self.expr(other);
                self.err(span, M::NotCallable);
                return;
            }
        };
        let Some((_, (min, max), named)) = table.iter().find(|(n, ..)| *n == fname.name) else {
            let suggestion = suggest(&fname.name, table.iter().map(|(n, ..)| *n)).map(String::from);
            let known = table.iter().map(|(n, ..)| String::from(*n)).collect();
            let name = shorten(&fname.name);
            let message = if core::ptr::eq(table, &FUNCTIONS[..]) {
                M::UnknownFunction { name, suggestion, known }
            } else {
                M::UnknownMethod { name, suggestion, known }
            };
            self.err(fname.span, message);
            for a in args {
                self.expr(&a.value);
            }
            return;
        };
        let positional: Vec<&Expr> = args.iter().filter(|a| a.name.is_none()).map(|a| &a.value).collect();
        if positional.len() < *min || positional.len() > *max {
            let callee = fname.name.clone();
            self.err(span, M::WrongArity { callee, min: *min, max: *max, found: positional.len() });
        }
        for a in args {
            if let Some(n) = &a.name {
                if !named.contains(&n.name.as_str()) {
                    let accepted = named.iter().map(|a| String::from(*a)).collect();
                    let (callee, name) = (fname.name.clone(), n.name.clone());
                    self.err(n.span, M::UnknownNamedArgument { callee, name, accepted });
                }
            }
        }
        match fname.name.as_str() {
            "SetColumns" => {
                for p in &positional {
                    match p {
                        Expr::Name(id) if matches!(constant(&id.name), Some(Constant::Prop(_))) => {}
                        Expr::Name(id) if constant(&id.name).is_none() && !self.defined.contains(&id.name) => {
                            self.name(id)
                        }
                        other => self.err(other.span(), M::SetColumnsTags),
                    }
                }
                return;
            }
            "HrQueryAllRows" if positional.len() == 2 => {
                self.expr(positional[0]);
                self.restriction(positional[1]);
                for a in args.iter().filter(|a| a.name.is_some()) {
                    self.expr(&a.value);
                }
                return;
            }
            _ => {}
        }
        for a in args {
            self.expr(&a.value);
        }
    }

    fn restriction(&mut self, e: &Expr) {
        match e {
            Expr::Binary { op: BinOp::Eq | BinOp::Ne | BinOp::BitAnd, lhs, rhs, .. } => {
                match &**lhs {
                    Expr::Name(id) if matches!(constant(&id.name), Some(Constant::Prop(_))) => {}
                    Expr::Name(id) if constant(&id.name).is_none() && !self.defined.contains(&id.name) => self.name(id),
                    other => self.err(other.span(), M::RestrictionLeft),
                }
                self.expr(rhs);
            }
            other => {
                self.expr(other);
                self.err(other.span(), M::RestrictionShape);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_knows_every_status_method() {
        for m in crate::mapi::StatusMethod::ALL {
            assert!(METHODS.iter().any(|(n, ..)| *n == m.name()), "{}", m.name());
        }
    }
}
