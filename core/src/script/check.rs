//! Static checks: every name resolves, every call is to a known MAPI function or
//! method with the right arguments, restrictions have a shape MAPI understands.

use super::ast::{Arg, BinOp, Expr, Ident, Script, Stmt};
use super::lexer::shorten;
use crate::diag::{closest, Diagnostic, Span};
use crate::mapi::{constant, constant_names, Constant};
use alloc::collections::BTreeSet;
use alloc::format;
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
    ("FlushQueues", (1, 1), &["target"]),
    ("ValidateState", (0, 0), &[]),
    ("SettingsDialog", (0, 0), &[]),
    ("ChangePassword", (0, 0), &[]),
];

/// Member names that are not properties.
pub const FIELDS: [&str; 1] = ["cRows"];

/// Checks `script`; returns the problems found, in source order, at most
/// [`MAX_ERRORS`](super::MAX_ERRORS) like the parser (past that, more reports
/// help nobody and cost time).
pub fn check(script: &Script) -> Vec<Diagnostic> {
    let mut c = Checker { defined: GLOBALS.iter().map(|s| String::from(*s)).collect(), diags: Vec::new() };
    c.block(&script.body);
    c.diags.sort_by_key(|d| (d.span.start, d.span.end));
    c.diags.truncate(super::MAX_ERRORS);
    c.diags
}

/// "; did you mean `X`?" for a plausible typo. Names far longer than any
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
    fn err(&mut self, span: Span, msg: String) {
        self.diags.push(Diagnostic::error(span, msg));
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
            self.err(
                id.span,
                format!(
                    "`{}` is a predefined name and cannot be assigned; pick another variable name",
                    shorten(&id.name)
                ),
            );
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
                let hint = suggest(&member.name, props.chain(FIELDS))
                    .map(|c| format!("; did you mean `{c}`?"))
                    .unwrap_or_else(|| String::from("; read a property such as `PR_RESOURCE_METHODS`"));
                self.err(member.span, format!("`{}` is not a property{hint}", shorten(&member.name)));
            }
            Expr::Index { object, index, .. } => {
                self.expr(object);
                self.expr(index);
            }
            Expr::Call { callee, args, span } => {
                if let Expr::Member { member, .. } = &**callee {
                    if member.name == "FlushQueues" {
                        self.err(*span, String::from("call `FlushQueues` as a statement of its own (or `hr = x.FlushQueues(...)`), not inside another expression"));
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
        let hint = suggest(&id.name, names.iter().copied().chain(vars.iter().copied()))
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        let what = if looks_constant { "unknown MAPI constant" } else { "unknown name" };
        let tail = if hint.is_empty() && !looks_constant {
            String::from("; assign it first (`x = ...`) or check the spelling")
        } else {
            hint
        };
        self.err(id.span, format!("{what} `{}`{tail}", shorten(&id.name)));
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
                self.err(span, String::from("only MAPI functions and methods can be called"));
                return;
            }
        };
        let Some((_, (min, max), named)) = table.iter().find(|(n, ..)| *n == fname.name) else {
            let kind = if core::ptr::eq(table, &FUNCTIONS[..]) { "function" } else { "method" };
            let hint = suggest(&fname.name, table.iter().map(|(n, ..)| *n))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_else(|| {
                    let list: Vec<&str> = table.iter().map(|(n, ..)| *n).collect();
                    format!("; known {kind}s: {}", list.join(", "))
                });
            self.err(fname.span, format!("no MAPI {kind} named `{}`{hint}", shorten(&fname.name)));
            for a in args {
                self.expr(&a.value);
            }
            return;
        };
        let positional: Vec<&Expr> = args.iter().filter(|a| a.name.is_none()).map(|a| &a.value).collect();
        if positional.len() < *min || positional.len() > *max {
            let want = if min == max { format!("{min}") } else { format!("{min} to {max}") };
            self.err(
                span,
                format!(
                    "`{}` takes {want} argument{}, not {}",
                    fname.name,
                    if *max == 1 { "" } else { "s" },
                    positional.len()
                ),
            );
        }
        for a in args {
            if let Some(n) = &a.name {
                if !named.contains(&n.name.as_str()) {
                    let hint = if named.is_empty() {
                        String::from("it takes no named arguments")
                    } else {
                        format!("it accepts `{}:`", named.join(":`, `"))
                    };
                    self.err(n.span, format!("`{}` has no argument named `{}`; {hint}", fname.name, n.name));
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
                        other => self
                            .err(other.span(), String::from("`SetColumns` takes property tags such as `PR_ENTRYID`")),
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
        let shape = "a restriction compares a property with a value, e.g. `PR_RESOURCE_TYPE == MAPI_SPOOLER` or `PR_STATUS_CODE & STATUS_OUTBOUND_FLUSH`";
        match e {
            Expr::Binary { op: BinOp::Eq | BinOp::Ne | BinOp::BitAnd, lhs, rhs, .. } => {
                match &**lhs {
                    Expr::Name(id) if matches!(constant(&id.name), Some(Constant::Prop(_))) => {}
                    Expr::Name(id) if constant(&id.name).is_none() && !self.defined.contains(&id.name) => self.name(id),
                    other => self.err(other.span(), format!("{shape}; the left side must be a property tag")),
                }
                self.expr(rhs);
            }
            other => {
                self.expr(other);
                self.err(other.span(), String::from(shape));
            }
        }
    }
}
