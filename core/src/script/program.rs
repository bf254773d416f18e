//! Lowering the syntax tree to a flat instruction list, so the interpreter is a
//! program counter plus loop frames: trivially resumable between steps.

use super::ast::{Expr, Ident, Script, Stmt};
use crate::diag::Span;
use alloc::vec::Vec;

/// One instruction. Jumps are indices into [`Program::instrs`].
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `var = expr`
    Assign { var: Ident, expr: Expr },
    /// `expr` for its effect.
    Eval { expr: Expr },
    /// Evaluate `iter`, push a loop frame, bind the first row; jump to `end` if empty.
    ForStart { var: Ident, iter: Expr, end: usize },
    /// Bind the next row and jump to `body`, or pop the frame and fall through.
    ForNext { var: Ident, body: usize },
    /// Jump to `otherwise` when `cond` is false.
    If { cond: Expr, otherwise: usize },
    /// Unconditional jump (end of a `then` block).
    Jump { to: usize },
}

/// An instruction and the source it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Instr {
    /// What to do.
    pub op: Op,
    /// The statement (or statement head) it came from.
    pub span: Span,
}

/// A compiled script.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Program {
    /// The instructions, entry at 0, finished at `instrs.len()`.
    pub instrs: Vec<Instr>,
}

impl Program {
    /// Lowers a checked script.
    pub fn compile(script: &Script) -> Program {
        let mut p = Program::default();
        p.block(&script.body);
        p
    }

    fn block(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn push(&mut self, op: Op, span: Span) -> usize {
        self.instrs.push(Instr { op, span });
        self.instrs.len() - 1
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Assign { target, value, span } => {
                self.push(Op::Assign { var: target.clone(), expr: value.clone() }, *span);
            }
            Stmt::Expr { expr, span } => {
                self.push(Op::Eval { expr: expr.clone() }, *span);
            }
            Stmt::For { var, iter, body, span } => {
                let start = self.push(Op::ForStart { var: var.clone(), iter: iter.clone(), end: 0 }, *span);
                self.block(body);
                self.push(Op::ForNext { var: var.clone(), body: start + 1 }, *span);
                let end = self.instrs.len();
                if let Op::ForStart { end: e, .. } = &mut self.instrs[start].op {
                    *e = end;
                }
            }
            Stmt::If { cond, then, otherwise, span } => {
                let at = self.push(Op::If { cond: cond.clone(), otherwise: 0 }, *span);
                self.block(then);
                let target = match otherwise {
                    Some(o) => {
                        let jump = self.push(Op::Jump { to: 0 }, *span);
                        let start = self.instrs.len();
                        self.block(o);
                        let end = self.instrs.len();
                        if let Op::Jump { to } = &mut self.instrs[jump].op {
                            *to = end;
                        }
                        start
                    }
                    None => self.instrs.len(),
                };
                if let Op::If { otherwise: o, .. } = &mut self.instrs[at].op {
                    *o = target;
                }
            }
        }
    }
}
