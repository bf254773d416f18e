//! Structured edits of a script's text, for editors: find and rewrite the flags
//! of its `FlushQueues` calls without touching anything else the user wrote.

use super::ast::{Arg, BinOp, Expr, Stmt};
use super::parse;
use crate::diag::Span;
use crate::mapi::{constant, Constant, FlushFlags};
use alloc::string::String;
use alloc::vec::Vec;

/// One `FlushQueues` call in a script.
#[derive(Clone, Debug, PartialEq)]
pub struct FlushSite {
    /// Where its flags argument is written.
    pub flags_span: Span,
    /// The flags, when written with constants and numbers only.
    pub flags: Option<FlushFlags>,
    /// True for a call with `target:` (the fallback through the spooler).
    pub targeted: bool,
}

/// Every `FlushQueues` call of `src`, in source order; empty when `src` does not parse.
pub fn flush_sites(src: &str) -> Vec<FlushSite> {
    let Ok(script) = parse(src) else { return Vec::new() };
    let mut out = Vec::new();
    walk_block(&script.body, &mut out);
    out
}

/// `src` with the flags of every `FlushQueues` call replaced by `flags`, written
/// as `FLUSH_A | FLUSH_B` in the reference's order; `None` when `src` does not parse.
pub fn set_flush_flags(src: &str, flags: FlushFlags) -> Option<String> {
    parse(src).ok()?;
    let sites = flush_sites(src);
    let text = flags_source(flags);
    let mut out = String::with_capacity(src.len());
    let mut at = 0usize;
    for s in sites {
        let (start, end) = (s.flags_span.start as usize, s.flags_span.end as usize);
        out.push_str(&src[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&src[at..]);
    Some(out)
}

/// `FLUSH_NO_UI | FLUSH_UPLOAD` style, NO_UI first as the seed writes it.
pub fn flags_source(flags: FlushFlags) -> String {
    let order = [
        FlushFlags::FLUSH_NO_UI,
        FlushFlags::FLUSH_UPLOAD,
        FlushFlags::FLUSH_DOWNLOAD,
        FlushFlags::FLUSH_FORCE,
        FlushFlags::FLUSH_ASYNC_OK,
    ];
    let names: Vec<&str> = order.iter().filter(|f| flags.contains(**f)).flat_map(|f| f.names()).collect();
    if names.is_empty() {
        String::from("0")
    } else {
        names.join(" | ")
    }
}

fn walk_block(body: &[Stmt], out: &mut Vec<FlushSite>) {
    for s in body {
        match s {
            Stmt::Assign { value, .. } => walk_expr(value, out),
            Stmt::Expr { expr, .. } => walk_expr(expr, out),
            Stmt::For { iter, body, .. } => {
                walk_expr(iter, out);
                walk_block(body, out);
            }
            Stmt::If { cond, then, otherwise, .. } => {
                walk_expr(cond, out);
                walk_block(then, out);
                if let Some(o) = otherwise {
                    walk_block(o, out);
                }
            }
        }
    }
}

fn walk_expr(e: &Expr, out: &mut Vec<FlushSite>) {
    match e {
        Expr::Call { callee, args, .. } => {
            if let Expr::Member { member, .. } = &**callee {
                if member.name == "FlushQueues" {
                    if let Some(first) = args.iter().find(|a| a.name.is_none()) {
                        out.push(FlushSite {
                            flags_span: first.value.span(),
                            flags: const_flags(&first.value),
                            targeted: args.iter().any(|a: &Arg| a.name.as_ref().is_some_and(|n| n.name == "target")),
                        });
                    }
                }
            }
            walk_expr(callee, out);
            for a in args {
                walk_expr(&a.value, out);
            }
        }
        Expr::Member { object, .. } => walk_expr(object, out),
        Expr::Index { object, index, .. } => {
            walk_expr(object, out);
            walk_expr(index, out);
        }
        Expr::Binary { lhs, rhs, .. } => {
            walk_expr(lhs, out);
            walk_expr(rhs, out);
        }
        Expr::Not { expr, .. } => walk_expr(expr, out),
        Expr::Number { .. } | Expr::Str { .. } | Expr::Name(_) => {}
    }
}

fn const_flags(e: &Expr) -> Option<FlushFlags> {
    match e {
        Expr::Number { value, .. } => u32::try_from(*value).ok().map(FlushFlags::from_bits_retain),
        Expr::Name(id) => match constant(&id.name)? {
            Constant::Flush(f) => Some(f),
            _ => None,
        },
        Expr::Binary { op: BinOp::BitOr, lhs, rhs, .. } => Some(const_flags(lhs)? | const_flags(rhs)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};

    #[test]
    fn finds_and_rewrites_every_flush_call() {
        let sites = flush_sites(PRESET_PER_TRANSPORT);
        assert_eq!(sites.len(), 2);
        assert!(!sites[0].targeted && sites[1].targeted);
        let both = FlushFlags::FLUSH_NO_UI | FlushFlags::FLUSH_DOWNLOAD;
        assert_eq!(sites[0].flags, Some(both));
        let up = FlushFlags::FLUSH_NO_UI | FlushFlags::FLUSH_UPLOAD | FlushFlags::FLUSH_FORCE;
        let edited = set_flush_flags(PRESET_PER_TRANSPORT, up).unwrap();
        assert!(edited.contains("xp.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_FORCE)\n"));
        assert!(edited.contains("FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_FORCE, target: row.PR_ENTRYID)"));
        assert_eq!(flush_sites(&edited).iter().map(|s| s.flags).collect::<Vec<_>>(), [Some(up), Some(up)]);
        // Everything else is untouched.
        assert_eq!(edited.replace("FLUSH_UPLOAD | FLUSH_FORCE", "FLUSH_DOWNLOAD"), PRESET_PER_TRANSPORT);
    }

    #[test]
    fn unparsable_scripts_are_left_alone() {
        assert_eq!(set_flush_flags("x = (", FlushFlags::FLUSH_UPLOAD), None);
        assert!(flush_sites("x = (").is_empty());
        assert_eq!(flush_sites(PRESET_SPOOLER).len(), 1);
        assert_eq!(flags_source(FlushFlags::empty()), "0");
    }
}
