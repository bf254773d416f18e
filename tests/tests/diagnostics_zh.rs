//! Every message about a script exists in Simplified Chinese: the lexer's, the
//! parser's and the checker's diagnostics (each catalog's `script_message`) and the
//! run-time errors that stop a script (each catalog's `runtime_error`). The inputs are
//! the whole hardening corpus, the lessons' scripts and every preset's script with
//! deliberate typos, and scripts written to reach each run-time error. So does every
//! message about a scenario or lesson file (`file_message`, `lesson_message`): one
//! of each kind, and the hardening corpus's scenario files.
//!
//! The Chinese must be Chinese: code in backticks, identifiers (ALL_CAPS,
//! CamelCase, `Interface::Method`) and numbers stay as they are, but no English
//! word may be left over, and the punctuation around Chinese prose is full-width.

use flushq_core::diag::{LineCol, Severity};
use flushq_core::scenario::{Limit, ScenarioError};
use flushq_core::script::ast::BinOp;
use flushq_core::script::Diagnostic;
use flushq_core::script::{diagnose, BlockHead, FoundToken, ScriptMessage, PRESET_PER_TRANSPORT, PRESET_SPOOLER};
use flushq_core::trace::EventKind;
use flushq_core::{Machine, Scenario};
use flushq_explain::lessons::{lessons, LessonMessage, LessonValue, Named, Takes};
use flushq_explain::Lang;
use flushq_explain::{catalog, file_message_in, script_message_in};
use flushq_scenario::{load, presets, Expected, FileMessage, Format, Found, JsonObject, JsonPiece, TomlError};
use flushq_tests::preset;
use std::path::Path;

/// English words of three lowercase letters or more that may stay in Chinese:
/// none. (Listed here, with the reason, if one ever must.)
const ALLOWED: &[&str] = &[];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `text` with every backticked span replaced by a space.
fn without_code(text: &str) -> String {
    let mut out = String::new();
    let mut code = false;
    for c in text.chars() {
        if c == '`' {
            code = !code;
            out.push(' ');
        } else if !code {
            out.push(c);
        }
    }
    out
}

/// What is wrong with `zh` as the Chinese of `en`: empty, no Chinese, English
/// words left once code, identifiers and numbers are taken out, or ASCII
/// punctuation next to Chinese prose.
fn problems(en: &str, zh: &str) -> Vec<String> {
    let mut out = Vec::new();
    if zh.trim().is_empty() {
        out.push(String::from("empty"));
        return out;
    }
    if !zh.chars().any(is_han) {
        out.push(String::from("no Chinese"));
    }
    if zh.contains("{=") || zh.contains('\n') {
        out.push(String::from("an unfilled template or a line break"));
    }
    let prose = without_code(zh);
    for word in prose.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':')) {
        let identifier =
            word.contains("::") || word.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        let word = word.trim_matches(':');
        if !identifier && word.len() >= 3 && !ALLOWED.contains(&word) {
            out.push(format!("English word `{word}`"));
        }
    }
    // Chinese prose takes full-width punctuation; ASCII is for code, in backticks.
    for c in prose.replace("::", " ").chars().filter(|c| ",;:?!()".contains(*c)) {
        out.push(format!("ASCII `{c}` outside code"));
    }
    if zh == en {
        out.push(String::from("the same as the English"));
    }
    out
}

/// Checks every diagnostic of `src`; returns how many there were.
fn check_script(label: &str, src: &str, failures: &mut Vec<String>) -> usize {
    let diags = diagnose(src);
    for d in &diags {
        check_diagnostic(label, d, failures);
    }
    diags.len()
}

fn check_diagnostic(label: &str, d: &Diagnostic, failures: &mut Vec<String>) {
    let (en, zh) = (script_message_in(&d.message, Lang::EN), script_message_in(&d.message, Lang::ZH));
    for p in problems(&en, &zh) {
        failures.push(format!("{label} {}:{}: {p}\n    en: {en}\n    zh: {zh}", d.span.line, d.span.col));
    }
}

/// Runs `scenario` and checks the Chinese of its run-time error, if any; returns
/// the (English, Chinese) texts.
fn check_run(label: &str, scenario: &Scenario, failures: &mut Vec<String>) -> Option<(String, String)> {
    let mut m = Machine::new(scenario).ok()?;
    let mut steps = 0;
    while m.step_with_defaults().is_some() {
        steps += 1;
        assert!(steps < 200_000, "{label}: runs on");
    }
    let mut seen = None;
    for e in m.events() {
        if let EventKind::ScriptError { error, .. } = &e.kind {
            let message = catalog::of(Lang::EN).runtime_error(error);
            let zh = catalog::of(Lang::ZH).runtime_error(error);
            for p in problems(&message, &zh) {
                failures.push(format!("{label} (run-time): {p}\n    en: {message}\n    zh: {zh}"));
            }
            seen = Some((error.clone(), message, zh));
        }
    }
    let outcome = m.outcome();
    assert_eq!(outcome.errors.first().map(|f| &f.error), seen.as_ref().map(|s| &s.0), "{label}");
    seen.map(|(_, en, zh)| (en, zh))
}

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The script inside a scenario file of the corpus, as far as it can be found
/// (the file may be truncated or not even UTF-8).
fn inline_script(name: &str, bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    if name.ends_with(".json") {
        let doc: serde_json::Value = serde_json::from_str(text).ok()?;
        return doc.get("script")?.as_str().map(String::from);
    }
    let after = &text[text.find("script = ")? + "script = ".len()..];
    let quote = ["'''", "\"\"\""].into_iter().find(|q| after.starts_with(q))?;
    let body = after[3..].strip_prefix('\n').unwrap_or(&after[3..]);
    Some(body[..body.find(quote).unwrap_or(body.len())].to_string())
}

/// Every script of the hardening corpus, with the big generated ones.
fn corpus_scripts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in ["script", "scenario"] {
        let mut names: Vec<_> = std::fs::read_dir(corpus().join(kind))
            .expect("corpus folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let bytes = std::fs::read(corpus().join(kind).join(&name)).expect("corpus file");
            let src = match kind {
                "script" => Some(String::from_utf8(bytes).expect("script corpus files are UTF-8")),
                _ => inline_script(&name, &bytes),
            };
            if let Some(src) = src {
                out.push((format!("{kind}/{name}"), src));
            }
        }
    }
    // As tests/hardening.rs generates them (`generated/script/...`).
    out.push(("generated line-100000-chars".into(), format!("x = \"{}\" $\n", "a".repeat(100_000))));
    out.push(("generated expression-100000-chars".into(), format!("x = 1{}\n", " | 1".repeat(25_000))));
    out.push(("generated 100000-statements".into(), format!("{}x = FLUSH_UPLAOD\n", "x = 1\n".repeat(100_000))));
    out.push((
        "generated nested-10000-fors".into(),
        format!("{}{}", "for row in rows {\n".repeat(10_000), "}\n".repeat(10_000)),
    ));
    out
}

#[test]
fn the_whole_corpus_reads_in_chinese() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (label, src) in corpus_scripts() {
        count += check_script(&label, &src, &mut failures);
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 30, "only {count} diagnostics");
}

/// Scripts the playground starts from: the lessons' starting scripts and
/// solutions, every preset's script and the two script presets.
fn shipped_scripts() -> Vec<(String, String, Scenario)> {
    let mut out = Vec::new();
    for l in lessons() {
        for (which, script) in [("start", l.start), ("solution", l.solution)] {
            out.push((format!("lesson {} {which}", l.id), script.to_string(), l.scenario(script)));
        }
    }
    for p in presets() {
        let s = load(p.toml, Format::Toml).expect("shipped presets load");
        out.push((format!("preset {}", p.name), s.script.clone(), s));
    }
    let base = preset("spooler-upload");
    for (name, src) in [("spooler", PRESET_SPOOLER), ("per_transport", PRESET_PER_TRANSPORT)] {
        out.push((format!("script preset {name}"), src.to_string(), Scenario { script: src.into(), ..base.clone() }));
    }
    out
}

/// Byte ranges of the identifiers and keywords of `src`.
fn words(src: &str) -> Vec<(usize, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                i += 1;
            }
            i += 1;
        } else if b[i].is_ascii_alphabetic() || b[i] == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// `src` with deliberate mistakes, one per copy: each identifier and keyword
/// without its first, middle or last character, and each bracket, comma, dot or
/// `=` dropped.
fn typos(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (start, end) in words(src) {
        let mut cut: Vec<usize> = vec![start, start + (end - start) / 2, end - 1];
        cut.dedup();
        for at in cut {
            out.push(format!("{}{}", &src[..at], &src[at + 1..]));
        }
    }
    for (at, c) in src.char_indices() {
        if "()[]{},.=|&:".contains(c) {
            out.push(format!("{}{}", &src[..at], &src[at + c.len_utf8()..]));
        }
    }
    out
}

#[test]
fn typos_in_every_shipped_script_read_in_chinese() {
    let mut failures = Vec::new();
    let (mut diagnosed, mut runtime) = (0, 0);
    for (label, src, scenario) in shipped_scripts() {
        check_script(&label, &src, &mut failures);
        check_run(&label, &scenario, &mut failures);
        for (i, bad) in typos(&src).into_iter().enumerate() {
            let label = format!("{label} typo {i}");
            let n = check_script(&label, &bad, &mut failures);
            diagnosed += n;
            // A typo the checker cannot see (a variable renamed everywhere it is
            // used, an index dropped) fails at run time, if at all.
            let errors = diagnose(&bad).iter().filter(|d| d.severity == Severity::Error).count();
            if errors == 0 {
                let s = Scenario { script: bad.clone(), ..scenario.clone() };
                runtime += usize::from(check_run(&label, &s, &mut failures).is_some());
            }
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    assert!(diagnosed >= 1000, "only {diagnosed} diagnostics");
    assert!(runtime >= 5, "only {runtime} run-time errors");
}

/// Scripts that each stop with a different run-time error, on `spooler-upload`.
const RUNTIME: &[&str] = &[
    "x = 1\nfor r in x {\n}",
    "t = session.GetStatusTable()\nif t {\n}",
    "t = session.GetStatusTable()\nhr = t.SetColumns(PR_ENTRYID)\nif hr {\n}",
    "t = session.GetStatusTable()\nt.SetColumns(PR_ENTRYID)\nr = HrQueryAllRows(t)\nif r[0].PR_DISPLAY_NAME {\n}",
    "t = session.GetStatusTable()\nRelease(t)\nt.SetColumns(PR_ENTRYID)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\nFreeProws(r)\nx = r[0]",
    "if 0 {\n  x = 1\n}\ny = x",
    "x = 1\ny = x[0]",
    "t = session.GetStatusTable()\ny = t[0]",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\ny = r[\"a\"]",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == MAPI_AB_PROVIDER)\ny = r[0]",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == MAPI_SPOOLER)\ny = r[3]",
    "x = NULL | 1",
    "x = \"a\" | 1",
    "x = 1\ny = x.cRows",
    "t = session.GetStatusTable()\nx = t.PR_ENTRYID",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\nx = r.PR_ENTRYID",
    "x = session.OpenEntry(NULL)\ny = x.PR_ENTRYID",
    "x = 1\ny = x.PR_ENTRYID",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\ns = HrQueryAllRows(r)",
    "r = HrQueryAllRows(1)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, crowsMax: 0x1_0000_0000)",
    "x = session.OpenEntry(NULL)\nRelease(x)",
    "x = session.OpenEntry(NULL)\nFreeProws(x)",
    "Release(session)",
    "Release(1)",
    "t = session.GetStatusTable()\nFreeProws(t)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\nRelease(r)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == 0x1_0000_0000)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == session)",
    "x = session.OpenEntry(1)",
    "session.SetColumns(PR_ENTRYID)",
    "t = session.GetStatusTable()\nt.ValidateState()",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == MAPI_SPOOLER)\n\
     s = session.OpenEntry(r[0].PR_ENTRYID)\ns.GetStatusTable()",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t)\nr.ValidateState()",
    "x = session.OpenEntry(NULL)\nx.ValidateState()",
    "x = 1\nx.ValidateState()",
    "x = session.OpenEntry(NULL)\nx.FlushQueues(FLUSH_UPLOAD)",
    "t = session.GetStatusTable()\nt.FlushQueues(FLUSH_UPLOAD)",
    "x = 1\nx.FlushQueues(FLUSH_UPLOAD)",
    "t = session.GetStatusTable()\nr = HrQueryAllRows(t, PR_RESOURCE_TYPE == MAPI_SPOOLER)\n\
     s = session.OpenEntry(r[0].PR_ENTRYID)\ns.FlushQueues(0x1_0000_0000)",
];

/// Each run-time error in both languages: for review, and to keep them distinct.
#[test]
fn run_time_errors_read_in_chinese() {
    let base = preset("spooler-upload");
    let mut failures = Vec::new();
    let mut listing = String::new();
    for (i, src) in RUNTIME.iter().enumerate() {
        let s = Scenario { script: src.to_string(), ..base.clone() };
        let static_errors: Vec<ScriptMessage> = diagnose(src).into_iter().map(|d| d.message).collect();
        assert!(static_errors.is_empty(), "script {i} does not pass the checker: {static_errors:?}");
        let (en, zh) = check_run(&format!("script {i}"), &s, &mut failures)
            .unwrap_or_else(|| panic!("script {i} runs without an error:\n{src}"));
        listing.push_str(&format!("{}\n  en: {en}\n  zh: {zh}\n", src.replace('\n', "; ")));
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    insta::assert_snapshot!("run_time_errors_zh", listing);
}

/// Representative corpus scripts: where the first diagnostic is, in English and Chinese.
#[test]
fn corpus_diagnostics_in_both_languages() {
    const CASES: &[&str] = &[
        "unknown-flag.mapi",
        "unknown-flag-no-suggestion.mapi",
        "unknown-method.mapi",
        "unknown-function.mapi",
        "unknown-property.mapi",
        "unknown-named-argument.mapi",
        "assign-to-constant.mapi",
        "wrong-arity.mapi",
        "flush-inside-expression.mapi",
        "unterminated-string.mapi",
        "smart-quotes.mapi",
        "control-characters.mapi",
        "else-on-its-own-line.mapi",
        "unclosed-call.mapi",
        "unclosed-block.mapi",
        "nested-200-ifs.mapi",
    ];
    let mut out = String::new();
    for name in CASES {
        let src = std::fs::read_to_string(corpus().join("script").join(name)).expect("corpus script");
        let d = diagnose(&src).into_iter().next().expect("a diagnostic");
        out.push_str(&format!(
            "{name} {}:{}\n  en: {}\n  zh: {}\n",
            d.span.line,
            d.span.col,
            script_message_in(&d.message, Lang::EN),
            script_message_in(&d.message, Lang::ZH)
        ));
    }
    // A few the corpus lacks: each parser message family at least once.
    for src in [
        "x = 1 2",
        "x = a &&b",
        "if a = b {\n}",
        "for r rows {\n}",
        "for r in rows\n{\n}",
        "x = (a",
        "f(a b)",
        "x = 0xG1",
        "x = \"a\\qb\"",
        "HrQueryAllRows(t, 1)",
        "Release()",
        "x = nothing",
    ] {
        let d = diagnose(src).into_iter().next().expect("a diagnostic");
        out.push_str(&format!(
            "{:?} {}:{}\n  en: {}\n  zh: {}\n",
            src,
            d.span.line,
            d.span.col,
            script_message_in(&d.message, Lang::EN),
            script_message_in(&d.message, Lang::ZH)
        ));
    }
    insta::assert_snapshot!("corpus_diagnostics_zh", out);
}

#[test]
fn the_check_itself_catches_english() {
    assert!(problems("x", "unknown name `x`").iter().any(|p| p.contains("no Chinese")));
    assert!(problems("x", "未知的 name `x`").iter().any(|p| p.contains("`name`")));
    assert!(problems("x", "未知的名称 `x`; 你是不是想写 `y`?").iter().any(|p| p.contains("ASCII `;`")));
    assert!(problems("x", "未知的 MAPI 常量 `FLUSH_UPLAOD`；你是不是想写 `FLUSH_UPLOAD`？").is_empty());
    assert!(problems("x", "IMAPIStatus::FlushQueues 的 ulFlags 与 crowsMax 0x10 不行").is_empty());
}

// ------------------------------------------------------------------ one of each kind

/// The position of each kind of script message in [`script_samples`]'s coverage:
/// the match is exhaustive, so a new kind does not build until it is counted here
/// (and then the test fails until it has a sample).
fn script_kind(m: &ScriptMessage) -> usize {
    use ScriptMessage as M;
    match m {
        M::BadNumber { .. } => 0,
        M::BadHexNumber { .. } => 1,
        M::HexWithoutDigits { .. } => 2,
        M::NumberTooLarge => 3,
        M::UnterminatedString => 4,
        M::UnknownEscape { .. } => 5,
        M::UnexpectedChar { .. } => 6,
        M::UnexpectedChars { .. } => 7,
        M::TooDeep { .. } => 8,
        M::ExpressionTooLong => 9,
        M::BlockNeverClosed { .. } => 10,
        M::StrayCloseBrace => 11,
        M::StrayCloseParen => 12,
        M::StrayCloseBracket => 13,
        M::ElseOnItsOwnLine => 14,
        M::StrayIn => 15,
        M::StrayAssign => 16,
        M::StrayOpenBrace => 17,
        M::UnexpectedAtStatementStart { .. } => 18,
        M::ExpectedStatementEnd { .. } => 19,
        M::AssignToNonName => 20,
        M::ExpectedLoopVariable => 21,
        M::ExpectedIn { .. } => 22,
        M::MissingBrace { .. } => 23,
        M::BraceOnNextLine { .. } => 24,
        M::AssignInCondition => 25,
        M::ChainedComparison { .. } => 26,
        M::NoFraction => 27,
        M::ExpectedMember => 28,
        M::UnclosedCall { .. } => 29,
        M::BadArgumentLabel => 30,
        M::MissingComma { .. } => 31,
        M::UnclosedIndex { .. } => 32,
        M::UnclosedParen { .. } => 33,
        M::ExpectedExpression => 34,
        M::ExpectedExpressionAfter { .. } => 35,
        M::DoubleAmp => 36,
        M::DoublePipe => 37,
        M::AssignToPredefined { .. } => 38,
        M::NotAProperty { .. } => 39,
        M::FlushInsideExpression => 40,
        M::UnknownConstant { .. } => 41,
        M::UnknownName { .. } => 42,
        M::NotCallable => 43,
        M::UnknownFunction { .. } => 44,
        M::UnknownMethod { .. } => 45,
        M::WrongArity { .. } => 46,
        M::UnknownNamedArgument { .. } => 47,
        M::SetColumnsTags => 48,
        M::RestrictionLeft => 49,
        M::RestrictionShape => 50,
    }
}
const SCRIPT_KINDS: usize = 51;

/// Every kind of script message, each form its text takes at least once.
fn script_samples() -> Vec<ScriptMessage> {
    use ScriptMessage as M;
    let s = String::from;
    let at = LineCol { line: 3, col: 12 };
    let known = || vec![s("Release"), s("FreeProws")];
    let mut out = vec![
        M::BadNumber { text: s("12ab") },
        M::BadHexNumber { text: s("0xG1") },
        M::HexWithoutDigits { text: s("0x") },
        M::NumberTooLarge,
        M::UnterminatedString,
        M::UnknownEscape { escape: 'q' },
        M::UnknownEscape { escape: '\u{7}' },
        M::UnexpectedChar { found: '$' },
        M::UnexpectedChar { found: '\u{201c}' },
        M::UnexpectedChars { text: s("\u{0}\u{7}") },
        M::TooDeep { limit: 64 },
        M::ExpressionTooLong,
        M::BlockNeverClosed { opened: at },
        M::StrayCloseBrace,
        M::StrayCloseParen,
        M::StrayCloseBracket,
        M::ElseOnItsOwnLine,
        M::StrayIn,
        M::StrayAssign,
        M::StrayOpenBrace,
        M::AssignToNonName,
        M::ExpectedLoopVariable,
        M::ExpectedIn { var: s("row") },
        M::AssignInCondition,
        M::NoFraction,
        M::ExpectedMember,
        M::UnclosedCall { callee: Some(s("FlushQueues")), opened: at },
        M::UnclosedCall { callee: None, opened: at },
        M::BadArgumentLabel,
        M::MissingComma { callee: Some(s("f")) },
        M::MissingComma { callee: None },
        M::UnclosedIndex { opened: at },
        M::UnclosedParen { opened: at },
        M::ExpectedExpression,
        M::ExpectedExpressionAfter { token: s("|") },
        M::DoubleAmp,
        M::DoublePipe,
        M::AssignToPredefined { name: s("FLUSH_UPLOAD") },
        M::NotAProperty { name: s("PR_ENTRYD"), suggestion: Some(s("PR_ENTRYID")) },
        M::NotAProperty { name: s("rows"), suggestion: None },
        M::FlushInsideExpression,
        M::UnknownConstant { name: s("FLUSH_UPLAOD"), suggestion: Some(s("FLUSH_UPLOAD")) },
        M::UnknownConstant { name: s("FLUSH_EVERYTHING"), suggestion: None },
        M::UnknownName { name: s("tabel"), suggestion: Some(s("table")) },
        M::UnknownName { name: s("nothing"), suggestion: None },
        M::NotCallable,
        M::UnknownFunction { name: s("Releas"), suggestion: Some(s("Release")), known: known() },
        M::UnknownFunction { name: s("Frob"), suggestion: None, known: known() },
        M::UnknownMethod { name: s("GetStatusTabel"), suggestion: Some(s("GetStatusTable")), known: known() },
        M::UnknownMethod { name: s("Frob"), suggestion: None, known: known() },
        M::WrongArity { callee: s("Release"), min: 1, max: 1, found: 2 },
        M::WrongArity { callee: s("SetColumns"), min: 1, max: 16, found: 0 },
        M::UnknownNamedArgument { callee: s("FlushQueues"), name: s("traget"), accepted: vec![s("target")] },
        M::UnknownNamedArgument { callee: s("Release"), name: s("x"), accepted: vec![] },
        M::SetColumnsTags,
        M::RestrictionLeft,
        M::RestrictionShape,
    ];
    for found in [FoundToken::EndOfLine, FoundToken::EndOfScript, FoundToken::String, FoundToken::Code(s("2"))] {
        out.push(M::UnexpectedAtStatementStart { found: found.clone() });
        out.push(M::ExpectedStatementEnd { found });
    }
    for head in [BlockHead::For, BlockHead::If, BlockHead::Else] {
        out.push(M::MissingBrace { head });
        out.push(M::BraceOnNextLine { head });
    }
    for op in [BinOp::Eq, BinOp::Ne] {
        out.push(M::ChainedComparison { op });
    }
    out
}

/// As [`script_kind`], for the scenario decoder's messages.
fn file_kind(m: &FileMessage) -> usize {
    use FileMessage as M;
    match m {
        M::Script(_) => 0,
        M::InPresetScript { .. } => 1,
        M::Toml(_) => 2,
        M::Json { .. } => 3,
        M::NotAScenarioObject => 4,
        M::JsonUnsupported => 5,
        M::UnknownField { .. } => 6,
        M::MissingField { .. } => 7,
        M::InvalidType { .. } => 8,
        M::InvalidValue { .. } => 9,
        M::UnknownVariant { .. } => 10,
        M::SeedRange { .. } => 11,
        M::EmptyTransportName => 12,
        M::UnknownMethod { .. } => 13,
        M::TooManyGenerated { .. } => 14,
        M::UnknownFaultTransport { .. } => 15,
        M::FaultNeedsMessage { .. } => 16,
        M::FaultTakesNoMessage { .. } => 17,
        M::UnknownFaultKind { .. } => 18,
        M::UnknownScriptPreset { .. } => 19,
        M::Scenario(_) => 20,
        M::FaultTakesNoAfter { .. } => 21,
        M::FaultAfterTooBig { .. } => 22,
    }
}
const FILE_KINDS: usize = 23;

/// As [`script_kind`], for the TOML reader's syntax errors.
fn toml_kind(e: &TomlError) -> usize {
    use TomlError as T;
    match e {
        T::TableHeader { .. } => 0,
        T::DuplicateTable { .. } => 1,
        T::DuplicateKey { .. } => 2,
        T::KeyValue => 3,
        T::RecursionLimit => 4,
        T::Key => 5,
        T::DateTime => 6,
        T::Integer => 7,
        T::Float => 8,
        T::NumberTooLarge => 9,
        T::NumberTooSmall => 10,
        T::ArrayClose => 11,
        T::ArrayValue { .. } => 12,
        T::MissingValue { .. } => 13,
        T::InlineTable => 14,
        T::BasicString => 15,
        T::LiteralString => 16,
        T::MultilineQuotes { .. } => 17,
        T::Multiline { .. } => 18,
        T::UnicodeEscape { .. } => 19,
        T::Escape => 20,
        T::Unexpected { .. } => 21,
        T::Comment => 22,
    }
}
const TOML_KINDS: usize = 23;

fn toml_samples() -> Vec<TomlError> {
    use TomlError as T;
    let s = String::from;
    let mut out = vec![
        T::DuplicateTable { key: s("transport") },
        T::DuplicateKey { key: s("title") },
        T::KeyValue,
        T::RecursionLimit,
        T::Key,
        T::DateTime,
        T::Integer,
        T::Float,
        T::NumberTooLarge,
        T::NumberTooSmall,
        T::ArrayClose,
        T::ArrayValue { found: s("abc") },
        T::MissingValue { found: None },
        T::MissingValue { found: Some(s("abc")) },
        T::InlineTable,
        T::BasicString,
        T::LiteralString,
        T::UnicodeEscape { digits: 4 },
        T::UnicodeEscape { digits: 8 },
        T::Escape,
        T::Unexpected { found: '7' },
        T::Unexpected { found: '\r' },
        T::Comment,
    ];
    for flag in [false, true] {
        out.push(T::TableHeader { array: flag });
        out.push(T::MultilineQuotes { literal: flag });
        out.push(T::Multiline { literal: flag });
    }
    out
}

/// Every kind of scenario file message, each form its text takes at least once.
fn file_samples() -> Vec<FileMessage> {
    use FileMessage as M;
    let s = String::from;
    let names = |n: &[&str]| n.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let mut out = vec![
        M::InPresetScript { line: 2, col: 5, message: ScriptMessage::NumberTooLarge },
        M::Json { detail: vec![JsonPiece::Text(s("trailing comma"))] },
        M::Json {
            detail: vec![
                JsonPiece::Text(s("invalid type: string \"x\", expected ")),
                JsonPiece::Object(JsonObject::Transport),
            ],
        },
        M::Json { detail: vec![JsonPiece::Object(JsonObject::Fault), JsonPiece::Object(JsonObject::Store)] },
        M::NotAScenarioObject,
        M::JsonUnsupported,
        M::UnknownField { field: s("zz"), expected: names(&["name"]) },
        M::UnknownField { field: s("zz"), expected: names(&["en", "zh"]) },
        M::UnknownField { field: s("zz"), expected: names(&["transport", "kind", "message"]) },
        M::MissingField { field: s("script") },
        M::InvalidValue { found: Found::Integer(-1), expected: Expected::U64 },
        M::UnknownVariant { variant: s("sat"), expected: names(&["lan", "modem", "ras"]) },
        M::SeedRange { max: i64::MAX as u64, in_toml: true },
        M::SeedRange { max: u64::MAX, in_toml: false },
        M::EmptyTransportName,
        M::UnknownMethod {
            name: s("FAX"),
            suggestion: None,
            methods: names(&["STATUS_VALIDATE_STATE", "STATUS_FLUSH_QUEUES"]),
        },
        M::UnknownMethod {
            name: s("STATUS_FLUSH_QUEUE"),
            suggestion: Some(s("STATUS_FLUSH_QUEUES")),
            methods: names(&["STATUS_FLUSH_QUEUES"]),
        },
        M::TooManyGenerated { field: s("outbound_count"), count: 1_000_001, limit: 1_000_000 },
        M::UnknownFaultTransport { name: s("Ofice LAN"), suggestion: Some(s("Office LAN")) },
        M::UnknownFaultTransport { name: s("B"), suggestion: None },
        M::FaultNeedsMessage { kind: s("message_fails"), transport: s("A") },
        M::FaultTakesNoMessage { kind: s("link_down") },
        M::FaultTakesNoAfter { kind: s("link_down") },
        M::FaultAfterTooBig { after: 200_000, limit: 100_000 },
        M::UnknownFaultKind {
            kind: s("link_dwn"),
            suggestion: Some(s("link_down")),
            kinds: names(&["link_down", "user_cancels"]),
        },
        M::UnknownFaultKind { kind: s("x"), suggestion: None, kinds: names(&["link_down", "user_cancels"]) },
        M::UnknownScriptPreset { name: s("nope"), presets: names(&["spooler", "per_transport"]) },
        M::Scenario(ScenarioError::DuplicateTransport(s("A"))),
        M::Scenario(ScenarioError::TooLarge(Limit::Transports, 257, 256)),
    ];
    let found = [
        Found::String(s("x")),
        Found::Integer(5),
        Found::Float(s("1.5")),
        Found::Boolean(true),
        Found::Datetime(s("1979-05-27")),
        Found::Sequence,
        Found::Map,
    ];
    let expected = [Expected::Table, Expected::Sequence, Expected::String, Expected::Boolean, Expected::U64];
    for (i, f) in found.into_iter().enumerate() {
        out.push(M::InvalidType { found: f, expected: expected[i % expected.len()] });
    }
    out.extend(script_samples().into_iter().map(M::Script));
    out.extend(toml_samples().into_iter().map(M::Toml));
    out
}

/// Every kind of lesson file message.
fn lesson_samples() -> Vec<LessonMessage> {
    use LessonMessage as M;
    let s = String::from;
    let mut out = vec![
        M::File(FileMessage::MissingField { field: s("zh") }),
        M::BadId { id: s("Find the spooler") },
        M::EmptyText { key: s("zh") },
        M::EmptyGoal,
        M::BracedAssertion,
        M::TakesNothing { name: s("nothing_leaked") },
        M::EmptyName { name: s("opened") },
        M::MissingFlag,
    ];
    for what in [Named::Preset, Named::Assertion, Named::Api, Named::HResult, Named::Flag] {
        let names = vec![s("spooler-upload"), s("FLUSH_FORCE")];
        out.push(M::Unknown { what, name: s("x"), suggestion: Some(s("FLUSH_FORCE")), names: names.clone() });
        out.push(M::Unknown { what, name: s("x"), suggestion: None, names });
    }
    for expected in [LessonValue::Statements, LessonValue::Text, LessonValue::Assertion, LessonValue::Call] {
        out.push(M::InvalidType { found: Found::String(s("7")), expected });
    }
    for takes in [Takes::Name, Takes::Call, Takes::Flags] {
        out.push(M::NeedsArgument { name: s("opened"), takes });
    }
    out
}

/// Kinds in `0..count` that `kind` gives for none of `samples`.
fn missing_kinds<T>(samples: &[T], kind: fn(&T) -> usize, count: usize) -> Vec<usize> {
    (0..count).filter(|k| !samples.iter().any(|m| kind(m) == *k)).collect()
}

/// Checks the English and Chinese of each message: one line each, different, and
/// the Chinese Chinese (with `strict`, also no English words left and full-width
/// punctuation around the prose).
fn check_both(label: &str, en: &str, zh: &str, strict: bool, failures: &mut Vec<String>) {
    if en.trim().is_empty() || en.contains('\n') || zh.contains('\n') {
        failures.push(format!("{label}: empty or not one line\n    en: {en}\n    zh: {zh}"));
    }
    let found = match (strict, zh.chars().any(is_han)) {
        (true, _) => problems(en, zh),
        (false, true) => Vec::new(),
        (false, false) => vec![String::from("no Chinese")],
    };
    for p in found {
        failures.push(format!("{label}: {p}\n    en: {en}\n    zh: {zh}"));
    }
}

#[test]
fn every_script_message_reads_in_chinese() {
    let samples = script_samples();
    assert_eq!(missing_kinds(&samples, script_kind, SCRIPT_KINDS), [] as [usize; 0], "kinds without a sample");
    let mut failures = Vec::new();
    for m in &samples {
        let (en, zh) = (script_message_in(m, Lang::EN), script_message_in(m, Lang::ZH));
        check_both(&format!("{m:?}"), &en, &zh, true, &mut failures);
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

/// Every message about a scenario file, in Chinese. serde_json's own text is
/// English data the Chinese only introduces, so those are checked for Chinese only.
#[test]
fn every_file_message_reads_in_chinese() {
    let samples = file_samples();
    assert_eq!(missing_kinds(&samples, file_kind, FILE_KINDS), [] as [usize; 0], "kinds without a sample");
    let toml = toml_samples();
    assert_eq!(missing_kinds(&toml, toml_kind, TOML_KINDS), [] as [usize; 0], "TOML kinds without a sample");
    let mut failures = Vec::new();
    for m in &samples {
        let (en, zh) = (file_message_in(m, Lang::EN), file_message_in(m, Lang::ZH));
        let strict = !matches!(m, FileMessage::Json { .. });
        check_both(&format!("{m:?}"), &en, &zh, strict, &mut failures);
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_lesson_file_message_reads_in_chinese() {
    let mut failures = Vec::new();
    for m in &lesson_samples() {
        let (en, zh) = (catalog::lesson_message_in(m, Lang::EN), catalog::lesson_message_in(m, Lang::ZH));
        check_both(&format!("{m:?}"), &en, &zh, true, &mut failures);
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

/// The hardening corpus's scenario files, as the decoder reports them, in Chinese.
#[test]
fn the_scenario_corpus_reads_in_chinese() {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut names: Vec<_> = std::fs::read_dir(corpus().join("scenario"))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let Ok(src) = std::fs::read_to_string(corpus().join("scenario").join(&name)) else { continue };
        let format = Format::from_path(&name);
        let Err(diags) = load(&src, format) else { continue };
        for d in diags {
            count += 1;
            let (en, zh) = (file_message_in(&d.message, Lang::EN), file_message_in(&d.message, Lang::ZH));
            let strict = !matches!(d.message, FileMessage::Json { .. });
            check_both(&format!("scenario/{name} {}:{}", d.line, d.col), &en, &zh, strict, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 20, "only {count} diagnostics");
}
