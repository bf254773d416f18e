//! Recursive-descent parser for the client-script language.
//!
//! Errors are collected rather than returned at the first one: after a bad
//! statement the parser skips to the end of that line (still walking any `{...}`
//! block on it, so its `}` is not mistaken for a stray one) and carries on.
//! Recursion is bounded by [`MAX_NESTING`] and [`MAX_EXPR_DEPTH`] so hostile
//! input cannot overflow the stack here or in later passes that walk the tree.

use super::Diagnostic;
use crate::diag::{LineCol, Span};
use crate::script::ast::*;
use crate::script::lexer::{lex, shorten, Token, TokenKind};
use crate::script::message::{BlockHead, FoundToken, ScriptMessage as M};
use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;

/// Most errors [`parse`] reports; past that they are mostly follow-on noise.
pub const MAX_ERRORS: usize = 20;

/// Deepest allowed nesting of blocks, parentheses, brackets and `else if` arms.
pub const MAX_NESTING: u32 = 64;

/// Deepest allowed expression tree (long `a | b | c ...` chains, `!!!x`, `f()()`).
///
/// Bounds the recursion of every pass that walks expressions, not just this one.
pub const MAX_EXPR_DEPTH: u32 = 256;

/// Parses a whole script. On failure returns every syntax error found (at least one), in source order.
///
/// At most [`MAX_ERRORS`] errors are returned. Never panics, whatever the input.
pub fn parse(src: &str) -> Result<Script, Vec<Diagnostic>> {
    let (toks, mut errors) = lex(src);
    let mut p =
        Parser { src, toks, pos: 0, last: None, parens: 0, nesting: 0, diags: Vec::new(), stop: false, fail_tok: None };
    let body = p.stmts(None);
    errors.append(&mut p.diags);
    if errors.is_empty() {
        return Ok(Script { body });
    }
    // Stable sort: a lexer error stays ahead of a parser error at the same place.
    crate::sort::sort_by_key(&mut errors, |d| u64::from(d.span.start));
    errors.truncate(MAX_ERRORS);
    Err(errors)
}

/// Marker for "this construct failed; the error (if any) is already recorded".
struct Fail;

type PResult<T> = Result<T, Fail>;

/// An expression plus what its parent needs: the span including any
/// parentheses around it, and the depth of its tree.
struct Node {
    expr: Expr,
    span: Span,
    depth: u32,
}

struct Parser<'a> {
    src: &'a str,
    /// Always ends with `Eof`, so indexing at `pos` is safe.
    toks: Vec<Token>,
    pos: usize,
    /// Index of the last consumed token, for "after `x`" messages.
    last: Option<usize>,
    /// Open `(`/`[` count; while non-zero, newlines are skipped.
    parens: u32,
    /// Current nesting of blocks, parentheses, brackets and `else if` arms.
    nesting: u32,
    diags: Vec<Diagnostic>,
    /// Set once [`MAX_ERRORS`] is reached; every loop then winds down.
    stop: bool,
    /// Token blamed by the latest error raised inside parentheses, for recovery.
    fail_tok: Option<usize>,
}

impl Parser<'_> {
    // ----- token access -----

    fn skip_newlines(&mut self) {
        if self.parens > 0 {
            while self.toks[self.pos].kind == TokenKind::Newline {
                self.pos += 1;
            }
        }
    }

    /// Index of the next significant token.
    fn peek(&mut self) -> usize {
        self.skip_newlines();
        self.pos
    }

    fn kind(&self, i: usize) -> &TokenKind {
        &self.toks[i].kind
    }

    fn is(&mut self, kind: &TokenKind) -> bool {
        let i = self.peek();
        self.kind(i) == kind
    }

    /// The significant token after index `i`.
    fn next_after(&self, i: usize) -> usize {
        let last = self.toks.len() - 1;
        let mut j = (i + 1).min(last);
        if self.parens > 0 {
            while j < last && self.toks[j].kind == TokenKind::Newline {
                j += 1;
            }
        }
        j
    }

    /// Consumes the next significant token and returns its index (`Eof` is never passed).
    fn bump(&mut self) -> usize {
        let i = self.peek();
        if self.toks[i].kind != TokenKind::Eof {
            self.pos += 1;
        }
        self.last = Some(i);
        i
    }

    fn span(&self, i: usize) -> Span {
        self.toks[i].span
    }

    fn text(&self, i: usize) -> &str {
        let s = self.toks[i].span;
        self.src.get(s.start as usize..s.end as usize).unwrap_or("")
    }

    fn ident_at(&self, i: usize) -> Option<Ident> {
        match self.kind(i) {
            TokenKind::Ident(name) => Some(Ident { name: name.clone(), span: self.span(i) }),
            _ => None,
        }
    }

    /// What token `i` is, for a message.
    fn found(&self, i: usize) -> FoundToken {
        match self.kind(i) {
            TokenKind::Newline => FoundToken::EndOfLine,
            TokenKind::Eof => FoundToken::EndOfScript,
            TokenKind::Str(_) => FoundToken::String,
            _ => FoundToken::Code(shorten(self.text(i))),
        }
    }

    // ----- errors -----

    fn report(&mut self, span: Span, message: M) {
        if self.diags.len() < MAX_ERRORS {
            self.diags.push(Diagnostic::error(span, message));
        }
        if self.diags.len() >= MAX_ERRORS {
            self.stop = true;
        }
    }

    /// An error about a construct rather than one token.
    fn fail(&mut self, span: Span, message: M) -> Fail {
        self.fail_tok = None;
        self.report(span, message);
        Fail
    }

    /// An error blaming token `i` (the next significant token).
    fn fail_at(&mut self, i: usize, message: M) -> Fail {
        self.fail_tok = if self.parens > 0 { Some(i) } else { None };
        // The lexer already reported an error token; a second message would be noise.
        if self.toks[i].kind != TokenKind::Error {
            let span = self.blame_span(i);
            self.report(span, message);
        }
        Fail
    }

    /// Where to point for token `i`: a line end, the end of the script, or a
    /// token starting a new line inside `(...)` is better shown right after
    /// the last token, where something (usually a `)`) is missing.
    fn blame_span(&self, i: usize) -> Span {
        let Some(j) = self.last else {
            return self.span(i);
        };
        let fresh_line = self.parens > 0 && i > 0 && self.toks[i - 1].kind == TokenKind::Newline;
        match self.kind(i) {
            TokenKind::Newline | TokenKind::Eof => self.end_of(j),
            _ if fresh_line => self.end_of(j),
            _ => self.span(i),
        }
    }

    /// Empty span just past token `j`.
    fn end_of(&self, j: usize) -> Span {
        let t = self.toks[j].span;
        let (line, col) = if self.toks[j].kind == TokenKind::Newline {
            (t.line.saturating_add(1), 1)
        } else {
            // Tokens other than Newline never span lines, so counting suffices.
            let width = u32::try_from(self.text(j).chars().count()).unwrap_or(u32::MAX);
            (t.line, t.col.saturating_add(width))
        };
        Span { start: t.end, end: t.end, line, col }
    }

    /// Runs `f` one nesting level deeper, refusing past [`MAX_NESTING`];
    /// `paren` marks a `(`/`[` region where newlines do not end statements.
    fn deeper<T>(&mut self, open: usize, paren: bool, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.nesting >= MAX_NESTING {
            let span = self.span(open);
            // One too-deep construct tends to trip the limit again on the way
            // out (an `else if` after a refused block); say it once.
            if self.diags.last().is_some_and(|d| matches!(d.message, M::TooDeep { .. })) {
                self.fail_tok = None;
                return Err(Fail);
            }
            return Err(self.fail(span, M::TooDeep { limit: MAX_NESTING }));
        }
        self.nesting += 1;
        if paren {
            self.parens += 1;
        }
        let r = f(self);
        self.nesting -= 1;
        if paren {
            self.parens = self.parens.saturating_sub(1);
        }
        r
    }

    /// Builds an expression node, refusing trees deeper than [`MAX_EXPR_DEPTH`].
    fn node(&mut self, expr: Expr, span: Span, depth: u32) -> PResult<Node> {
        if depth > MAX_EXPR_DEPTH {
            return Err(self.fail(span, M::ExpressionTooLong));
        }
        Ok(Node { expr, span, depth })
    }

    // ----- statements -----

    /// Statements up to the `}` closing the block opened by token `open`, or
    /// to the end of the script when `open` is `None`.
    fn stmts(&mut self, open: Option<usize>) -> Vec<Stmt> {
        let mut body = Vec::new();
        while !self.stop {
            let i = self.peek();
            match self.kind(i) {
                TokenKind::Newline | TokenKind::Semi => {
                    self.bump();
                }
                TokenKind::Eof => {
                    if let Some(o) = open {
                        let m = M::BlockNeverClosed { opened: self.span(o).into() };
                        let span = self.span(i);
                        self.report(span, m);
                    }
                    break;
                }
                TokenKind::RBrace => {
                    self.bump();
                    if open.is_some() {
                        break;
                    }
                    let span = self.span(i);
                    self.report(span, M::StrayCloseBrace);
                }
                _ => match self.stmt() {
                    Ok(s) => {
                        body.push(s);
                        let j = self.peek();
                        if !matches!(
                            self.kind(j),
                            TokenKind::Newline | TokenKind::Semi | TokenKind::Eof | TokenKind::RBrace
                        ) {
                            let m = M::ExpectedStatementEnd { found: self.found(j) };
                            self.fail_at(j, m);
                            self.recover(i);
                        }
                    }
                    Err(Fail) => self.recover(i),
                },
            }
        }
        body
    }

    /// Skips the rest of a failed statement that began at token `start`.
    fn recover(&mut self, start: usize) {
        let blamed = self.fail_tok.take();
        self.parens = 0;
        // An unclosed `(` makes the next line look like more arguments; if the
        // error is on a fresh line that is not indented like a continuation,
        // resume there rather than skipping it too.
        if let Some(e) = blamed {
            if e > start && self.toks[e - 1].kind == TokenKind::Newline && self.span(e).col <= self.span(start).col {
                self.pos = e - 1;
                return;
            }
        }
        while !self.stop {
            let i = self.pos;
            match self.kind(i) {
                TokenKind::Newline | TokenKind::Semi | TokenKind::Eof | TokenKind::RBrace => return,
                TokenKind::LBrace => {
                    // Walk the block so its `}` closes it and its errors are found.
                    self.bump();
                    self.block(i);
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// The statements of a block whose `{` (token `open`) was just consumed.
    fn block(&mut self, open: usize) -> Vec<Stmt> {
        match self.deeper(open, false, |p| Ok(p.stmts(Some(open)))) {
            Ok(body) => body,
            Err(Fail) => {
                self.skip_block();
                Vec::new()
            }
        }
    }

    /// Skips to the `}` matching an already consumed `{`, without recursing.
    fn skip_block(&mut self) {
        let mut depth = 1usize;
        loop {
            let i = self.pos;
            match self.kind(i) {
                TokenKind::Eof => return,
                TokenKind::LBrace => depth += 1,
                TokenKind::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        let i = self.peek();
        let kind = self.kind(i);
        match kind {
            TokenKind::For => self.for_stmt(),
            TokenKind::If => self.if_stmt(),
            TokenKind::Ident(_) if self.toks[i + 1].kind == TokenKind::Assign => {
                let target = self.ident_at(i).ok_or(Fail)?;
                self.bump();
                self.bump();
                let value = self.expr()?;
                let span = target.span.to(value.span);
                Ok(Stmt::Assign { target, value: value.expr, span })
            }
            _ if kind.starts_expr() => {
                let n = self.expr()?;
                if self.is(&TokenKind::Assign) {
                    let j = self.peek();
                    return Err(self.fail_at(j, M::AssignToNonName));
                }
                Ok(Stmt::Expr { expr: n.expr, span: n.span })
            }
            _ => {
                let m = match kind {
                    TokenKind::RParen => M::StrayCloseParen,
                    TokenKind::RBracket => M::StrayCloseBracket,
                    TokenKind::Else => M::ElseOnItsOwnLine,
                    TokenKind::In => M::StrayIn,
                    TokenKind::Assign => M::StrayAssign,
                    TokenKind::LBrace => M::StrayOpenBrace,
                    _ => M::UnexpectedAtStatementStart { found: self.found(i) },
                };
                Err(self.fail_at(i, m))
            }
        }
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let v = self.peek();
        let Some(var) = self.ident_at(v) else {
            return Err(self.fail_at(v, M::ExpectedLoopVariable));
        };
        self.bump();
        let n = self.peek();
        if self.kind(n) != &TokenKind::In {
            let m = M::ExpectedIn { var: shorten(&var.name) };
            return Err(self.fail_at(n, m));
        }
        self.bump();
        let iter = self.expr()?;
        let span = self.span(kw).to(iter.span);
        let body = self.block_after_head(BlockHead::For)?;
        Ok(Stmt::For { var, iter: iter.expr, body, span })
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let kw = self.bump();
        let cond = self.expr()?;
        let span = self.span(kw).to(cond.span);
        let then = self.block_after_head(BlockHead::If)?;
        let mut otherwise = None;
        if self.is(&TokenKind::Else) {
            self.bump();
            let j = self.peek();
            if self.kind(j) == &TokenKind::If {
                // Counted as nesting: the tree really does nest one level per arm.
                let inner = self.deeper(j, false, |p| p.if_stmt())?;
                otherwise = Some(vec![inner]);
            } else {
                otherwise = Some(self.block_after_head(BlockHead::Else)?);
            }
        }
        Ok(Stmt::If { cond: cond.expr, then, otherwise, span })
    }

    /// The `{ ... }` after a `for`/`if`/`else` head.
    fn block_after_head(&mut self, head: BlockHead) -> PResult<Vec<Stmt>> {
        let i = self.peek();
        match self.kind(i) {
            TokenKind::LBrace => {
                self.bump();
                Ok(self.block(i))
            }
            TokenKind::Assign if head == BlockHead::If => Err(self.fail_at(i, M::AssignInCondition)),
            TokenKind::Newline => {
                let mut j = i;
                while self.toks[j].kind == TokenKind::Newline {
                    j += 1;
                }
                if self.toks[j].kind != TokenKind::LBrace {
                    return Err(self.fail_at(i, M::MissingBrace { head }));
                }
                // The brace is just on the next line: say so, then parse the
                // block anyway so its contents are still checked.
                let span = self.blame_span(i);
                self.report(span, M::BraceOnNextLine { head });
                self.pos = j;
                self.bump();
                Ok(self.block(j))
            }
            _ => Err(self.fail_at(i, M::MissingBrace { head })),
        }
    }

    // ----- expressions -----

    /// `==`/`!=` level: at most one comparison.
    fn expr(&mut self) -> PResult<Node> {
        let lhs = self.bit_or()?;
        let Some(op) = self.cmp_op() else {
            return Ok(lhs);
        };
        self.bump();
        let rhs = self.bit_or()?;
        if let Some(again) = self.cmp_op() {
            let j = self.peek();
            return Err(self.fail_at(j, M::ChainedComparison { op: again }));
        }
        self.binary(op, lhs, rhs)
    }

    fn cmp_op(&mut self) -> Option<BinOp> {
        let i = self.peek();
        match self.kind(i) {
            TokenKind::EqEq => Some(BinOp::Eq),
            TokenKind::NotEq => Some(BinOp::Ne),
            _ => None,
        }
    }

    fn bit_or(&mut self) -> PResult<Node> {
        let mut lhs = self.bit_and()?;
        while self.is(&TokenKind::Pipe) {
            self.bump();
            let rhs = self.bit_and()?;
            lhs = self.binary(BinOp::BitOr, lhs, rhs)?;
        }
        Ok(lhs)
    }

    fn bit_and(&mut self) -> PResult<Node> {
        let mut lhs = self.unary()?;
        while self.is(&TokenKind::Amp) {
            self.bump();
            let rhs = self.unary()?;
            lhs = self.binary(BinOp::BitAnd, lhs, rhs)?;
        }
        Ok(lhs)
    }

    fn binary(&mut self, op: BinOp, lhs: Node, rhs: Node) -> PResult<Node> {
        let span = lhs.span.to(rhs.span);
        let depth = lhs.depth.max(rhs.depth) + 1;
        let expr = Expr::Binary { op, lhs: Box::new(lhs.expr), rhs: Box::new(rhs.expr), span };
        self.node(expr, span, depth)
    }

    /// `!` prefixes, gathered in a loop so a long run cannot recurse deeply.
    fn unary(&mut self) -> PResult<Node> {
        let mut bangs = Vec::new();
        while self.is(&TokenKind::Bang) {
            bangs.push(self.bump());
        }
        let mut n = self.postfix()?;
        for b in bangs.into_iter().rev() {
            let span = self.span(b).to(n.span);
            let expr = Expr::Not { expr: Box::new(n.expr), span };
            n = self.node(expr, span, n.depth + 1)?;
        }
        Ok(n)
    }

    fn postfix(&mut self) -> PResult<Node> {
        let mut n = self.primary()?;
        loop {
            let i = self.peek();
            match self.kind(i) {
                TokenKind::LParen => {
                    self.bump();
                    n = self.call(n, i)?;
                }
                TokenKind::LBracket => {
                    self.bump();
                    n = self.index(n, i)?;
                }
                TokenKind::Dot => {
                    self.bump();
                    let j = self.peek();
                    let Some(member) = self.ident_at(j) else {
                        let m = match (&n.expr, self.kind(j)) {
                            (Expr::Number { .. }, TokenKind::Number(_)) => M::NoFraction,
                            _ => M::ExpectedMember,
                        };
                        return Err(self.fail_at(j, m));
                    };
                    self.bump();
                    let span = n.span.to(member.span);
                    let expr = Expr::Member { object: Box::new(n.expr), member, span };
                    n = self.node(expr, span, n.depth + 1)?;
                }
                _ => return Ok(n),
            }
        }
    }

    /// A call whose `(` (token `open`) was just consumed.
    fn call(&mut self, callee: Node, open: usize) -> PResult<Node> {
        let name = match &callee.expr {
            Expr::Name(id) => Some(shorten(&id.name)),
            Expr::Member { member, .. } => Some(shorten(&member.name)),
            _ => None,
        };
        let unclosed = M::UnclosedCall { callee: name.clone(), opened: self.span(open).into() };
        let (args, close, depth) = self.deeper(open, true, |p| p.args(&unclosed, name.as_deref()))?;
        let span = callee.span.to(self.span(close));
        let depth = callee.depth.max(depth) + 1;
        let expr = Expr::Call { callee: Box::new(callee.expr), args, span };
        self.node(expr, span, depth)
    }

    /// Arguments up to and including `)`; returns them, the `)` index and their depth.
    fn args(&mut self, unclosed: &M, name: Option<&str>) -> PResult<(Vec<Arg>, usize, u32)> {
        let mut args = Vec::new();
        let mut depth = 0;
        loop {
            let i = self.peek();
            match self.kind(i) {
                TokenKind::RParen => {
                    self.bump();
                    return Ok((args, i, depth));
                }
                TokenKind::Eof | TokenKind::RBrace | TokenKind::Semi => {
                    return Err(self.fail_at(i, unclosed.clone()));
                }
                _ => {}
            }
            let label = match self.kind(self.next_after(i)) {
                TokenKind::Colon => self.ident_at(i),
                _ => None,
            };
            if label.is_some() {
                self.bump();
                self.bump();
            }
            let value = self.expr()?;
            depth = depth.max(value.depth);
            args.push(Arg { name: label, value: value.expr });
            let j = self.peek();
            match self.kind(j) {
                TokenKind::Comma => {
                    self.bump();
                }
                TokenKind::RParen => {
                    self.bump();
                    return Ok((args, j, depth));
                }
                TokenKind::Colon => {
                    return Err(self.fail_at(j, M::BadArgumentLabel));
                }
                k if k.starts_expr() && self.last.is_some_and(|l| self.span(l).line == self.span(j).line) => {
                    let m = M::MissingComma { callee: name.map(Into::into) };
                    return Err(self.fail_at(j, m));
                }
                _ => return Err(self.fail_at(j, unclosed.clone())),
            }
        }
    }

    /// An index whose `[` (token `open`) was just consumed.
    fn index(&mut self, object: Node, open: usize) -> PResult<Node> {
        let (ix, close) = self.deeper(open, true, |p| {
            let ix = p.expr()?;
            let j = p.peek();
            if p.kind(j) == &TokenKind::RBracket {
                p.bump();
                return Ok((ix, j));
            }
            let m = M::UnclosedIndex { opened: p.span(open).into() };
            Err(p.fail_at(j, m))
        })?;
        let span = object.span.to(self.span(close));
        let depth = object.depth.max(ix.depth) + 1;
        let expr = Expr::Index { object: Box::new(object.expr), index: Box::new(ix.expr), span };
        self.node(expr, span, depth)
    }

    fn primary(&mut self) -> PResult<Node> {
        let i = self.peek();
        let span = self.span(i);
        let expr = match self.kind(i) {
            TokenKind::Ident(_) => Expr::Name(self.ident_at(i).ok_or(Fail)?),
            TokenKind::Number(value) => Expr::Number { value: *value, span },
            TokenKind::Str(value) => Expr::Str { value: value.clone(), span },
            TokenKind::LParen => {
                self.bump();
                let (inner, close) = self.deeper(i, true, |p| {
                    let inner = p.expr()?;
                    let j = p.peek();
                    if p.kind(j) == &TokenKind::RParen {
                        p.bump();
                        return Ok((inner, j));
                    }
                    Err(p.fail_at(j, M::UnclosedParen { opened: LineCol::from(span) }))
                })?;
                // The parentheses widen the span parents see, not the node's own.
                let span = span.to(self.span(close));
                return Ok(Node { expr: inner.expr, span, depth: inner.depth });
            }
            _ => {
                let m = self.missing_expr(i);
                return Err(self.fail_at(i, m));
            }
        };
        self.bump();
        Ok(Node { expr, span, depth: 1 })
    }

    /// The message for a missing operand at token `i`.
    fn missing_expr(&self, i: usize) -> M {
        let Some(prev) = self.last else {
            return M::ExpectedExpression;
        };
        match (self.kind(prev), self.kind(i)) {
            (TokenKind::Amp, TokenKind::Amp) => M::DoubleAmp,
            (TokenKind::Pipe, TokenKind::Pipe) => M::DoublePipe,
            _ => M::ExpectedExpressionAfter { token: shorten(self.text(prev)) },
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::diag::{line_col, Severity};
    use alloc::format;
    use alloc::string::String;

    const FLUSH_ALL: &str = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
";

    const PER_TRANSPORT: &str = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)
for row in rows {
    xp = session.OpenEntry(row.PR_ENTRYID)
    if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES {
        xp.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
    } else {
        spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD, target: row.PR_ENTRYID)
    }
    Release(xp)
}
Release(spooler)
Release(table)
FreeProws(rows)
FreeProws(sp)
";

    fn ok(src: &str) -> Script {
        match parse(src) {
            Ok(s) => {
                check_spans(src, &s);
                s
            }
            Err(e) => panic!("unexpected errors in {src:?}: {e:?}"),
        }
    }

    fn errs(src: &str) -> Vec<Diagnostic> {
        match parse(src) {
            Ok(s) => panic!("expected errors in {src:?}, got {s:?}"),
            Err(e) => e,
        }
    }

    fn messages(src: &str) -> Vec<M> {
        errs(src).into_iter().map(|d| d.message).collect()
    }

    /// The value of the first statement, which must be `x = ...`.
    fn value(src: &str) -> Expr {
        match ok(src).body.into_iter().next() {
            Some(Stmt::Assign { value, .. }) => value,
            other => panic!("not an assignment: {other:?}"),
        }
    }

    fn name(e: &Expr) -> &str {
        match e {
            Expr::Name(id) => &id.name,
            other => panic!("not a name: {other:?}"),
        }
    }

    fn bin(e: &Expr) -> (BinOp, &Expr, &Expr) {
        match e {
            Expr::Binary { op, lhs, rhs, .. } => (*op, lhs, rhs),
            other => panic!("not binary: {other:?}"),
        }
    }

    fn span_ok(src: &str, s: Span) {
        assert!(s.start <= s.end && (s.end as usize) <= src.len(), "{s:?}");
        assert!(src.get(s.start as usize..s.end as usize).is_some(), "{s:?}");
        assert_eq!(line_col(src, s.start as usize), (s.line, s.col), "{s:?}");
    }

    fn check_spans(src: &str, script: &Script) {
        fn stmts(src: &str, body: &[Stmt]) {
            for s in body {
                span_ok(src, s.span());
                match s {
                    Stmt::Assign { target, value, span } => {
                        span_ok(src, target.span);
                        assert_eq!(span.start, target.span.start);
                        // Not equal: parentheses around the value widen the statement.
                        assert!(span.end >= value.span().end);
                        expr(src, value);
                    }
                    Stmt::Expr { expr: e, .. } => expr(src, e),
                    Stmt::For { var, iter, body, .. } => {
                        span_ok(src, var.span);
                        expr(src, iter);
                        stmts(src, body);
                    }
                    Stmt::If { cond, then, otherwise, .. } => {
                        expr(src, cond);
                        stmts(src, then);
                        if let Some(o) = otherwise {
                            stmts(src, o);
                        }
                    }
                }
            }
        }
        fn expr(src: &str, e: &Expr) {
            let outer = e.span();
            span_ok(src, outer);
            let inner = |c: &Expr| {
                let s = c.span();
                assert!(s.start >= outer.start && s.end <= outer.end, "{e:?}");
                expr(src, c);
            };
            match e {
                Expr::Number { .. } | Expr::Str { .. } | Expr::Name(_) => {}
                Expr::Member { object, member, .. } => {
                    inner(object);
                    span_ok(src, member.span);
                }
                Expr::Index { object, index, .. } => {
                    inner(object);
                    inner(index);
                }
                Expr::Call { callee, args, .. } => {
                    inner(callee);
                    for a in args {
                        inner(&a.value);
                    }
                }
                Expr::Binary { lhs, rhs, .. } => {
                    inner(lhs);
                    inner(rhs);
                }
                Expr::Not { expr: x, .. } => inner(x),
            }
        }
        stmts(src, &script.body);
    }

    fn slice(src: &str, s: Span) -> &str {
        &src[s.start as usize..s.end as usize]
    }

    #[test]
    fn flush_all_program_parses() {
        let s = ok(FLUSH_ALL);
        assert_eq!(s.body.len(), 8);
        let Stmt::Assign { target, value, .. } = &s.body[2] else {
            panic!("{:?}", s.body[2]);
        };
        assert_eq!(target.name, "rows");
        let Expr::Call { callee, args, .. } = value else {
            panic!("{value:?}");
        };
        assert_eq!(name(callee), "HrQueryAllRows");
        assert_eq!(args.len(), 2);
        assert_eq!(bin(&args[1].value).0, BinOp::Eq);

        // rows[0].PR_ENTRYID is a member of an index.
        let Stmt::Assign { value, .. } = &s.body[3] else { panic!() };
        let Expr::Call { args, .. } = value else { panic!() };
        let Expr::Member { object, member, .. } = &args[0].value else {
            panic!("{:?}", args[0]);
        };
        assert_eq!(member.name, "PR_ENTRYID");
        assert!(matches!(**object, Expr::Index { .. }));

        let Stmt::Expr { expr, span } = &s.body[4] else { panic!() };
        assert_eq!(slice(FLUSH_ALL, *span), "spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)");
        let Expr::Call { callee, args, .. } = expr else { panic!() };
        assert!(matches!(&**callee, Expr::Member { member, .. } if member.name == "FlushQueues"));
        assert_eq!(bin(&args[0].value).0, BinOp::BitOr);
        assert_eq!((span.line, span.col), (5, 1));
    }

    #[test]
    fn per_transport_program_parses() {
        let s = ok(PER_TRANSPORT);
        assert_eq!(s.body.len(), 10);
        let Stmt::For { var, iter, body, span } = &s.body[5] else {
            panic!("{:?}", s.body[5]);
        };
        assert_eq!(var.name, "row");
        assert_eq!(name(iter), "rows");
        assert_eq!(body.len(), 3);
        assert_eq!(slice(PER_TRANSPORT, *span), "for row in rows");
        assert_eq!((span.line, span.col), (6, 1));

        let Stmt::If { cond, then, otherwise: Some(otherwise), span } = &body[1] else {
            panic!("{:?}", body[1]);
        };
        assert_eq!(slice(PER_TRANSPORT, *span), "if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES");
        assert_eq!(bin(cond).0, BinOp::BitAnd);
        assert_eq!(then.len(), 1);
        assert_eq!(otherwise.len(), 1);
        let Stmt::Expr { expr: Expr::Call { args, .. }, .. } = &otherwise[0] else {
            panic!("{:?}", otherwise[0]);
        };
        assert_eq!(args.len(), 2);
        assert!(args[0].name.is_none());
        let target = args[1].name.as_ref().expect("named argument");
        assert_eq!(target.name, "target");
        assert_eq!((target.span.line, target.span.col), (11, 59));
        assert!(matches!(&args[1].value, Expr::Member { member, .. } if member.name == "PR_ENTRYID"));
    }

    #[test]
    fn precedence() {
        let e = value("x = A | B & C");
        let (op, a, rest) = bin(&e);
        assert_eq!((op, name(a)), (BinOp::BitOr, "A"));
        let (op, b, c) = bin(rest);
        assert_eq!((op, name(b), name(c)), (BinOp::BitAnd, "B", "C"));

        let e = value("x = X == A | B");
        let (op, x, rest) = bin(&e);
        assert_eq!((op, name(x)), (BinOp::Eq, "X"));
        assert_eq!(bin(rest).0, BinOp::BitOr);

        // Left associative.
        let e = value("x = A | B | C");
        let (_, lhs, c) = bin(&e);
        assert_eq!(name(c), "C");
        assert_eq!(bin(lhs).0, BinOp::BitOr);

        // `!` binds looser than member access, tighter than `&`.
        let e = value("x = !a.B & C");
        let (op, not, _) = bin(&e);
        assert_eq!(op, BinOp::BitAnd);
        assert!(matches!(not, Expr::Not { expr, .. } if matches!(**expr, Expr::Member { .. })));

        // Parentheses override, and widen the span parents see.
        let src = "x = (A | B) & C";
        let e = value(src);
        let (op, lhs, _) = bin(&e);
        assert_eq!((op, bin(lhs).0), (BinOp::BitAnd, BinOp::BitOr));
        assert_eq!(slice(src, e.span()), "(A | B) & C");
        assert_eq!(slice(src, lhs.span()), "A | B");

        assert_eq!(bin(&value("x = a != b")).0, BinOp::Ne);
    }

    #[test]
    fn numbers_and_strings() {
        let num = |src: &str| match value(src) {
            Expr::Number { value, .. } => value,
            other => panic!("{other:?}"),
        };
        assert_eq!(num("x = 0xFF"), 255);
        assert_eq!(num("x = 0X1_0"), 16);
        assert_eq!(num("x = 0xdead_BEEF"), 0xdead_beef);
        assert_eq!(num("x = 1_000"), 1000);
        assert_eq!(num("x = 18446744073709551615"), u64::MAX);
        assert_eq!(num("x = 0xFFFF_FFFF_FFFF_FFFF"), u64::MAX);
        assert_eq!(messages("x = 18446744073709551616"), [M::NumberTooLarge]);
        assert_eq!(messages("x = 0x1_0000_0000_0000_0000"), [M::NumberTooLarge]);
        assert_eq!(messages("x = 0x"), [M::HexWithoutDigits { text: "0x".into() }]);
        assert_eq!(messages("x = 0xG1"), [M::BadHexNumber { text: "0xG1".into() }]);
        assert_eq!(messages("x = 12ab"), [M::BadNumber { text: "12ab".into() }]);

        match value(r#"x = "a\"b\\c\nd""#) {
            Expr::Str { value, .. } => assert_eq!(value, "a\"b\\c\nd"),
            other => panic!("{other:?}"),
        }
        assert_eq!(messages(r#"x = "a\qb""#), [M::UnknownEscape { escape: 'q' }]);
    }

    #[test]
    fn layout() {
        // Comments, blank lines, `;`, CRLF, calls across lines, trailing commas.
        let src = "// header\r\n\r\na = f(1,  // first\r\n      2,\r\n)\r\n  ; b = 2; c = 3 // tail\r\n";
        let s = ok(src);
        assert_eq!(s.body.len(), 3);
        let Stmt::Assign { value: Expr::Call { args, .. }, span, .. } = &s.body[0] else { panic!() };
        assert_eq!(args.len(), 2);
        assert_eq!(span.line, 3);
        assert_eq!(slice(src, *span), "a = f(1,  // first\r\n      2,\r\n)");

        // One-line blocks, `else if` nesting, brace after statements.
        let s = ok("if a { b() } else if c { d() } else { e() }\nf()");
        assert_eq!(s.body.len(), 2);
        let Stmt::If { otherwise: Some(o), .. } = &s.body[0] else { panic!() };
        assert_eq!(o.len(), 1);
        assert!(matches!(&o[0], Stmt::If { otherwise: Some(inner), .. } if inner.len() == 1));

        let s = ok("for x in y {\n}\n\n");
        assert!(matches!(&s.body[0], Stmt::For { body, .. } if body.is_empty()));
        assert!(ok("").body.is_empty());
        assert!(ok("\u{FEFF}x = 1").body.len() == 1);
        let s = ok("x = a[b[0]].C(d: 1, e: \"s\",)(2)");
        assert_eq!(s.body.len(), 1);
    }

    #[test]
    fn error_position() {
        let d = errs("x = 1\ny = a |\nz = 2\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, M::ExpectedExpressionAfter { token: "|".into() });
        assert_eq!((d[0].span.line, d[0].span.col), (2, 8));
        assert_eq!(d[0].span.start, 13);
        assert_eq!(d[0].severity, Severity::Error);

        // Columns count characters, not bytes.
        let d = errs("s = \"é€\" $");
        assert_eq!(d[0].message, M::UnexpectedChar { found: '$' });
        assert_eq!((d[0].span.line, d[0].span.col), (1, 10));
    }

    /// A script position in a message.
    fn at(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            messages("a = 1\nb = 2\nFlushQueues(FLUSH_NO_UI\n"),
            [M::UnclosedCall { callee: Some("FlushQueues".into()), opened: at(3, 12) }]
        );
        assert_eq!(messages("a = 1\n}\n"), [M::StrayCloseBrace]);
        assert_eq!(messages("s = \"abc\nt = 1"), [M::UnterminatedString]);
        assert_eq!(messages("f(\"abc)\ng()"), [M::UnterminatedString]);
        assert_eq!(messages("x = a $ b"), [M::UnexpectedChar { found: '$' }]);
        assert_eq!(messages("x = a |"), [M::ExpectedExpressionAfter { token: "|".into() }]);
        assert_eq!(messages("if a == b == c {\n}\n"), [M::ChainedComparison { op: BinOp::Eq }]);
        assert_eq!(messages("if a != b != c {\n}\n"), [M::ChainedComparison { op: BinOp::Ne }]);
        assert_eq!(messages("for r in rows\n  Release(r)\n"), [M::MissingBrace { head: BlockHead::For }]);
        assert_eq!(
            messages("a\nb\nc\nd\ne\nif xp.PR_RESOURCE_METHODS {\n  f()\n"),
            [M::BlockNeverClosed { opened: at(6, 27) }]
        );
        let deep = format!("x = {}1{}", "(".repeat(65), ")".repeat(65));
        assert_eq!(messages(&deep), [M::TooDeep { limit: 64 }]);
        let fine = format!("x = {}1{}", "(".repeat(64), ")".repeat(64));
        ok(&fine);

        // Others worth keeping friendly.
        let has = |src: &str, m: M| assert!(messages(src).contains(&m), "{src:?}: {:?} lacks {m:?}", messages(src));
        has("x = a && b", M::DoubleAmp);
        has("x = a || b", M::DoublePipe);
        has("if a = b {\n}", M::AssignInCondition);
        has("if a {\n}\nelse {\n}", M::ElseOnItsOwnLine);
        has("for r in rows\n{\n}", M::BraceOnNextLine { head: BlockHead::For });
        has("if a\n{\n}", M::BraceOnNextLine { head: BlockHead::If });
        has("if a {\n} else\n{\n}", M::BraceOnNextLine { head: BlockHead::Else });
        has("if a {\n} else x", M::MissingBrace { head: BlockHead::Else });
        has("a.b = 1", M::AssignToNonName);
        has("f(a b)", M::MissingComma { callee: Some("f".into()) });
        has("f()(a b)", M::MissingComma { callee: None });
        has("f()(a", M::UnclosedCall { callee: None, opened: at(1, 4) });
        has("f(a.b: 1)", M::BadArgumentLabel);
        has("x = rows[0", M::UnclosedIndex { opened: at(1, 9) });
        has("x = (a", M::UnclosedParen { opened: at(1, 5) });
        has("x = a.", M::ExpectedMember);
        has("x = 1.5", M::NoFraction);
        has("for in rows {\n}", M::ExpectedLoopVariable);
        has("for r rows {\n}", M::ExpectedIn { var: "r".into() });
        has("x = 1 2", M::ExpectedStatementEnd { found: FoundToken::Code("2".into()) });
        has("x = 1 \"s\"", M::ExpectedStatementEnd { found: FoundToken::String });
        has(")", M::StrayCloseParen);
        has("]", M::StrayCloseBracket);
        has("in", M::StrayIn);
        has("= 1", M::StrayAssign);
        has("{\n}", M::StrayOpenBrace);
        has(",", M::UnexpectedAtStatementStart { found: FoundToken::Code(",".into()) });
        has("x = ’a’", M::UnexpectedChar { found: '’' });
        has("x = \u{7}\u{7}", M::UnexpectedChars { text: "\u{7}\u{7}".into() });
        has("x = ", M::ExpectedExpressionAfter { token: "=".into() });
    }

    #[test]
    fn recovery_reports_each_bad_line() {
        let src = "a = 1 |\nRelease(a)\nb = ]\nfor r in rows {\n  c = 1 2\n}\nFreeProws(rows)\n";
        let d = errs(src);
        let msgs: Vec<&M> = d.iter().map(|d| &d.message).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(msgs[0], &M::ExpectedExpressionAfter { token: "|".into() });
        assert_eq!(msgs[1], &M::ExpectedExpressionAfter { token: "=".into() });
        assert!(matches!(msgs[2], M::ExpectedStatementEnd { .. }));
        assert_eq!(d.iter().map(|d| d.span.line).collect::<Vec<_>>(), [1, 3, 5]);

        // Two bad lines, two errors; the good lines between them still parse.
        assert_eq!(
            messages("x = 1 |\ny = 2\nz = == 3\n"),
            [M::ExpectedExpressionAfter { token: "|".into() }, M::ExpectedExpressionAfter { token: "=".into() }]
        );

        // An unclosed call does not swallow the next line.
        let d = errs("f(a\nRelease(x)\ny = )\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].message, M::UnclosedCall { callee: Some("f".into()), opened: at(1, 2) });
        assert_eq!((d[0].span.line, d[0].span.col), (1, 4));
        assert_eq!(d[1].span.line, 3);
        // ...but an indented next line is taken as a continuation and skipped.
        assert_eq!(messages("f(a\n  b)\ny = 1").len(), 1);

        // A bad `if` head still has its block walked, so `}` closes it.
        assert_eq!(
            messages("if a == b == c {\n  x = $\n}\n"),
            [M::ChainedComparison { op: BinOp::Eq }, M::UnexpectedChar { found: '$' }]
        );

        // Errors are capped.
        let many = "x = )\n".repeat(100);
        assert_eq!(errs(&many).len(), MAX_ERRORS);
        let many = "$\n".repeat(100);
        assert_eq!(errs(&many).len(), MAX_ERRORS);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let one = |src: &str| {
            let d = errs(src);
            assert_eq!(d.len(), 1, "{d:?}");
            d[0].message.clone()
        };
        let n = 10_000;
        let nest = M::TooDeep { limit: MAX_NESTING };
        assert_eq!(one(&format!("x = {}1{}", "(".repeat(n), ")".repeat(n))), nest);
        assert_eq!(one(&format!("x = {}", "(".repeat(n))), nest);
        assert_eq!(one(&format!("x = {}0{}", "a[".repeat(n), "]".repeat(n))), nest);
        assert_eq!(one(&format!("x = {}{}", "f(".repeat(n), ")".repeat(n))), nest);
        assert_eq!(one(&format!("{}{}", "for x in y {\n".repeat(n), "}\n".repeat(n))), nest);
        assert_eq!(one(&format!("{}{}", "if x {".repeat(n), "}".repeat(n))), nest);
        let chain = format!("if a {{ }}{}", " else if a { }".repeat(n));
        assert_eq!(one(&chain), nest);

        let long = M::ExpressionTooLong;
        assert_eq!(one(&format!("x = {}a", "!".repeat(100_000))), long);
        assert_eq!(one(&format!("x = a{}", " | a".repeat(100_000))), long);
        assert_eq!(one(&format!("x = f{}", "()".repeat(100_000))), long);
        assert_eq!(one(&format!("x = a{}", ".b".repeat(100_000))), long);
        ok(&format!("x = a{}", " | a".repeat(200)));

        // Unclosed blocks: one report per open block, capped.
        assert_eq!(errs(&"for x in y {\n".repeat(30)).len(), 30.min(MAX_ERRORS));
        errs(&"{".repeat(n));
        errs(&"}".repeat(n));
        errs(&")".repeat(n));
    }

    #[test]
    fn long_scripts_are_fast() {
        let src = PER_TRANSPORT.repeat(600); // ~11,000 lines
        assert!(src.lines().count() >= 10_000);
        let t = std::time::Instant::now();
        let s = parse(&src).expect("parses");
        let took = t.elapsed();
        assert_eq!(s.body.len(), 6000);
        // Generous: debug builds are slow; release is a few milliseconds.
        assert!(took.as_millis() < 2000, "{took:?}");
        let line = format!("x = {}a\n", "a | ".repeat(200)).repeat(50) + &"b".repeat(1 << 20);
        parse(&line).expect("parses");
    }

    #[test]
    fn garbage_never_panics() {
        const PIECES: &[&str] = &[
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            ";",
            ".",
            "=",
            "==",
            "!=",
            "!",
            "|",
            "&",
            "\n",
            "\r\n",
            " ",
            "\t",
            "\"",
            "\\",
            "//",
            "/",
            "0x",
            "0",
            "9",
            "_",
            "x",
            "PR_ENTRYID",
            "for",
            "in",
            "if",
            "else",
            "é",
            "€",
            "\u{0}",
            "\u{301}",
            "\u{FEFF}",
            "\u{202E}",
            "😀",
            "$",
            "#",
            "'",
            "target:",
            "f(",
            "a.b",
            "rows[0]",
            "18446744073709551616",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..600 {
            let len = (next() % 80) as usize;
            let mut bytes = Vec::new();
            for _ in 0..len {
                let r = next();
                if round % 3 == 0 {
                    bytes.push((r >> 8) as u8);
                } else {
                    bytes.extend_from_slice(PIECES[(r % PIECES.len() as u64) as usize].as_bytes());
                }
            }
            let src = String::from_utf8_lossy(&bytes).into_owned();
            match parse(&src) {
                Ok(s) => check_spans(&src, &s),
                Err(d) => {
                    assert!(!d.is_empty() && d.len() <= MAX_ERRORS, "{src:?}");
                    for w in d.windows(2) {
                        assert!(w[0].span.start <= w[1].span.start, "{src:?}: {d:?}");
                    }
                    for x in &d {
                        span_ok(&src, x.span);
                    }
                }
            }
        }
    }

    #[test]
    fn token_positions_match_line_col() {
        for src in [FLUSH_ALL, PER_TRANSPORT, "a\r\n  b = \"é€\"\n\tc"] {
            let (toks, errors) = lex(src);
            assert!(errors.is_empty());
            assert_eq!(toks.last().map(|t| &t.kind), Some(&TokenKind::Eof));
            for t in &toks {
                span_ok(src, t.span);
            }
        }
    }
}
