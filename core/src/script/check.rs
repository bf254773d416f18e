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
    /// Records an error, in English and in Chinese.
    fn err(&mut self, span: Span, en: String, zh: String) {
        self.diags.push(Diagnostic::error(span, en).with_zh(zh));
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
            let name = shorten(&id.name);
            self.err(
                id.span,
                format!("`{name}` is a predefined name and cannot be assigned; pick another variable name"),
                format!("`{name}` 是预定义的名称，不能赋值；请换一个变量名"),
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
                let name = shorten(&member.name);
                let (en, zh) = match suggest(&member.name, props.chain(FIELDS)) {
                    Some(c) => (format!("; did you mean `{c}`?"), format!("；你是不是想写 `{c}`？")),
                    None => (
                        String::from("; read a property such as `PR_RESOURCE_METHODS`"),
                        String::from("；请读取一个属性，例如 `PR_RESOURCE_METHODS`"),
                    ),
                };
                self.err(member.span, format!("`{name}` is not a property{en}"), format!("`{name}` 不是属性{zh}"));
            }
            Expr::Index { object, index, .. } => {
                self.expr(object);
                self.expr(index);
            }
            Expr::Call { callee, args, span } => {
                if let Expr::Member { member, .. } = &**callee {
                    if member.name == "FlushQueues" {
                        self.err(
                            *span,
                            String::from("call `FlushQueues` as a statement of its own (or `hr = x.FlushQueues(...)`), not inside another expression"),
                            String::from("`FlushQueues` 调用必须单独写成一条语句（或写成 `hr = x.FlushQueues(...)`），不能放在其他表达式中"),
                        );
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
        let hint = suggest(&id.name, names.iter().copied().chain(vars.iter().copied()));
        let (what, what_zh) = if looks_constant {
            ("unknown MAPI constant", "未知的 MAPI 常量")
        } else {
            ("unknown name", "未知的名称")
        };
        let (tail, tail_zh) = match hint {
            Some(c) => (format!("; did you mean `{c}`?"), format!("；你是不是想写 `{c}`？")),
            None if !looks_constant => (
                String::from("; assign it first (`x = ...`) or check the spelling"),
                String::from("；请先给它赋值（`x = ...`），或检查拼写"),
            ),
            None => (String::new(), String::new()),
        };
        let name = shorten(&id.name);
        self.err(id.span, format!("{what} `{name}`{tail}"), format!("{what_zh} `{name}`{tail_zh}"));
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
                self.err(
                    span,
                    String::from("only MAPI functions and methods can be called"),
                    String::from("只能调用 MAPI 函数和方法"),
                );
                return;
            }
        };
        let Some((_, (min, max), named)) = table.iter().find(|(n, ..)| *n == fname.name) else {
            let (kind, kind_zh) =
                if core::ptr::eq(table, &FUNCTIONS[..]) { ("function", "函数") } else { ("method", "方法") };
            let (hint, hint_zh) = match suggest(&fname.name, table.iter().map(|(n, ..)| *n)) {
                Some(c) => (format!("; did you mean `{c}`?"), format!("；你是不是想写 `{c}`？")),
                None => {
                    let list: Vec<&str> = table.iter().map(|(n, ..)| *n).collect();
                    (
                        format!("; known {kind}s: {}", list.join(", ")),
                        format!("；已知的{kind_zh}有：{}", list.join("、")),
                    )
                }
            };
            let name = shorten(&fname.name);
            self.err(
                fname.span,
                format!("no MAPI {kind} named `{name}`{hint}"),
                format!("没有名为 `{name}` 的 MAPI {kind_zh}{hint_zh}"),
            );
            for a in args {
                self.expr(&a.value);
            }
            return;
        };
        let positional: Vec<&Expr> = args.iter().filter(|a| a.name.is_none()).map(|a| &a.value).collect();
        if positional.len() < *min || positional.len() > *max {
            let (want, want_zh) = if min == max {
                (format!("{min}"), format!("{min}"))
            } else {
                (format!("{min} to {max}"), format!("{min} 到 {max}"))
            };
            let (f, n) = (&fname.name, positional.len());
            self.err(
                span,
                format!("`{f}` takes {want} argument{}, not {n}", if *max == 1 { "" } else { "s" }),
                format!("`{f}` 需要 {want_zh} 个参数，但这里给了 {n} 个"),
            );
        }
        for a in args {
            if let Some(n) = &a.name {
                if !named.contains(&n.name.as_str()) {
                    let (hint, hint_zh) = if named.is_empty() {
                        (String::from("it takes no named arguments"), String::from("它不接受命名参数"))
                    } else {
                        (
                            format!("it accepts `{}:`", named.join(":`, `")),
                            format!("它只接受 `{}:`", named.join(":`、`")),
                        )
                    };
                    let (f, a) = (&fname.name, &n.name);
                    self.err(
                        n.span,
                        format!("`{f}` has no argument named `{a}`; {hint}"),
                        format!("`{f}` 没有名为 `{a}` 的参数；{hint_zh}"),
                    );
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
                        other => self.err(
                            other.span(),
                            String::from("`SetColumns` takes property tags such as `PR_ENTRYID`"),
                            String::from("`SetColumns` 需要属性标记，例如 `PR_ENTRYID`"),
                        ),
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
        let shape_zh = "限制条件把一个属性与一个值进行比较，例如 `PR_RESOURCE_TYPE == MAPI_SPOOLER` 或 `PR_STATUS_CODE & STATUS_OUTBOUND_FLUSH`";
        match e {
            Expr::Binary { op: BinOp::Eq | BinOp::Ne | BinOp::BitAnd, lhs, rhs, .. } => {
                match &**lhs {
                    Expr::Name(id) if matches!(constant(&id.name), Some(Constant::Prop(_))) => {}
                    Expr::Name(id) if constant(&id.name).is_none() && !self.defined.contains(&id.name) => self.name(id),
                    other => self.err(
                        other.span(),
                        format!("{shape}; the left side must be a property tag"),
                        format!("{shape_zh}；左边必须是属性标记"),
                    ),
                }
                self.expr(rhs);
            }
            other => {
                self.expr(other);
                self.err(other.span(), String::from(shape), String::from(shape_zh));
            }
        }
    }
}
