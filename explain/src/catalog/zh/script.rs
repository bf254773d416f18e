//! Problems the lexer, the parser and the checker find in a script, in Simplified Chinese.

use alloc::format;
use alloc::string::String;
use flushq_core::diag::{LineCol, Severity};
use flushq_core::script::Diagnostic;
use flushq_core::script::{BlockHead, FoundToken, ScriptMessage as M};

/// How bad a diagnostic is.
pub(crate) fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
    }
}

/// A diagnostic on one line: `line:col: 错误：message`.
pub(crate) fn diagnostic(d: &Diagnostic) -> String {
    format!("{}:{}: {}：{}", d.span.line, d.span.col, severity(d.severity), script_message(&d.message))
}

/// What the parser found. Quoted code comes with a space on either side and
/// words without, as Chinese text spaces them; a caller trims the space before
/// full-width punctuation.
fn found(f: &FoundToken) -> String {
    match f {
        FoundToken::EndOfLine => String::from("行尾"),
        FoundToken::EndOfScript => String::from("脚本末尾"),
        FoundToken::String => String::from("字符串"),
        FoundToken::Code(text) => format!(" `{text}` "),
    }
}

/// A block head without its `{`.
fn missing_brace(head: BlockHead) -> &'static str {
    match head {
        BlockHead::For => "`for` 语句头后面缺少 `{`",
        BlockHead::If => "`if` 条件后面缺少 `{`",
        BlockHead::Else => "`else` 后面缺少 `{`",
    }
}

/// `第 3 行第 12 列`.
fn at(p: LineCol) -> String {
    format!("第 {} 行第 {} 列", p.line, p.col)
}

/// "；你是不是想写 `X`？", or `otherwise`.
fn did_you_mean(suggestion: &Option<String>, otherwise: &str) -> String {
    match suggestion {
        Some(c) => format!("；你是不是想写 `{c}`？"),
        None => String::from(otherwise),
    }
}

const RESTRICTION: &str =
    "限制条件把一个属性与一个值进行比较，例如 `PR_RESOURCE_TYPE == MAPI_SPOOLER` 或 `PR_STATUS_CODE & STATUS_OUTBOUND_FLUSH`";

/// The message as one sentence.
pub(crate) fn script_message(m: &M) -> String {
    by_stage!(m, lexer: lexer(m), parser: parser(m), checker: checker(m))
}

/// What the lexer finds wrong: numbers, strings, characters.
fn lexer(m: &M) -> String {
    match m {
        M::BadNumber { text } => format!("`{text}` 不是有效的数字"),
        M::BadHexNumber { text } => format!("`{text}` 不是有效的数字：十六进制数字只能是 0-9 和 A-F"),
        M::HexWithoutDigits { text } => format!("`{text}` 不是有效的数字：`0x` 后面需要十六进制数字"),
        M::NumberTooLarge => String::from("数字太大"),
        M::UnterminatedString => String::from("字符串缺少结尾的引号"),
        M::UnknownEscape { escape } => {
            format!("字符串中有未知的转义序列 `\\{}`；只允许 `\\\"`、`\\\\` 和 `\\n`", escape.escape_debug())
        }
        M::UnexpectedChar { found } if found.is_ascii() => format!("无法识别的字符 `{}`", found.escape_debug()),
        M::UnexpectedChar { found } => {
            format!("无法识别的字符 `{}`（U+{:04X}）", found.escape_debug(), u32::from(*found))
        }
        M::UnexpectedChars { text } => format!("无法识别的字符 `{}`", text.escape_debug()),

        _ => super::super::misrouted(),
    }
}

/// What the parser finds wrong: the script's shape.
fn parser(m: &M) -> String {
    match m {
        M::TooDeep { limit } => format!("嵌套超过了 {limit} 层"),
        M::ExpressionTooLong => String::from("这个表达式太长；请把它拆成几条语句"),
        M::BlockNeverClosed { opened } => format!("{}开始的代码块一直没有闭合", at(*opened)),
        M::StrayCloseBrace => String::from("多余的 `}`：没有未闭合的代码块"),
        M::StrayCloseParen => String::from("多余的 `)`：没有未闭合的 `(`"),
        M::StrayCloseBracket => String::from("多余的 `]`：没有未闭合的 `[`"),
        M::ElseOnItsOwnLine => String::from("`else` 必须与闭合其 `if` 代码块的 `}` 写在同一行"),
        M::StrayIn => String::from("`in` 只能出现在 `for` 语句头中，例如 `for row in rows {`"),
        M::StrayAssign => String::from("意外的 `=`：赋值语句的左边需要一个变量名"),
        M::StrayOpenBrace => String::from("意外的 `{`：代码块必须写在同一行的 `if`、`else` 或 `for` 语句头之后"),
        M::UnexpectedAtStatementStart { found: f } => format!("语句不能以{}开头", found(f)),
        M::ExpectedStatementEnd { found: f } => {
            format!("语句应在此结束，却遇到了{}；请把每条语句写在单独的一行", found(f).trim_end())
        }
        M::AssignToNonName => String::from("只能给普通的变量名赋值，例如 `rows = ...`"),
        M::ExpectedLoopVariable => String::from("`for` 后面需要一个循环变量名"),
        M::ExpectedIn { var } => format!("循环变量 `{var}` 后面需要 `in`"),
        M::MissingBrace { head } => String::from(missing_brace(*head)),
        M::BraceOnNextLine { head } => {
            format!("{}；请把 `{{` 与 `{}` 写在同一行", missing_brace(*head), head.keyword())
        }
        M::AssignInCondition => String::from("比较请用 `==`；单个 `=` 是给变量赋值"),
        M::ChainedComparison { op } => format!("`{}` 不能连用；每次只比较一对值", op.symbol()),
        M::NoFraction => String::from("数字没有小数部分；MAPI 的值都是整数"),
        M::ExpectedMember => String::from("`.` 后面需要属性名或方法名"),
        M::UnclosedCall { callee: Some(name), opened } => {
            format!("{}开始的 `{name}` 调用缺少闭合的 `)`", at(*opened))
        }
        M::UnclosedCall { callee: None, opened } => format!("{}开始的调用缺少闭合的 `)`", at(*opened)),
        M::BadArgumentLabel => String::from("只有普通的名称才能作为参数标签，例如 `target: row.PR_ENTRYID`"),
        M::MissingComma { callee: Some(name) } => format!("`{name}` 的参数之间需要用 `,` 分隔"),
        M::MissingComma { callee: None } => String::from("参数之间需要用 `,` 分隔"),
        M::UnclosedIndex { opened } => format!("{}开始的索引缺少闭合的 `]`", at(*opened)),
        M::UnclosedParen { opened } => format!("{}的 `(` 缺少闭合的 `)`", at(*opened)),
        M::ExpectedExpression => String::from("此处需要一个表达式"),
        M::ExpectedExpressionAfter { token } => format!("`{token}` 后面需要一个表达式"),
        M::DoubleAmp => String::from("`&&` 不是运算符；测试标志位请用 `&`"),
        M::DoublePipe => String::from("`||` 不是运算符；组合标志请用 `|`"),

        _ => super::super::misrouted(),
    }
}

/// What the checker finds wrong: names, calls, restrictions.
fn checker(m: &M) -> String {
    match m {
        M::AssignToPredefined { name } => format!("`{name}` 是预定义的名称，不能赋值；请换一个变量名"),
        M::NotAProperty { name, suggestion } => {
            format!("`{name}` 不是属性{}", did_you_mean(suggestion, "；请读取一个属性，例如 `PR_RESOURCE_METHODS`"))
        }
        M::FlushInsideExpression => String::from(
            "`FlushQueues` 调用必须单独写成一条语句（或写成 `hr = x.FlushQueues(...)`），不能放在其他表达式中",
        ),
        M::UnknownConstant { name, suggestion } => format!("未知的 MAPI 常量 `{name}`{}", did_you_mean(suggestion, "")),
        M::UnknownName { name, suggestion } => {
            format!("未知的名称 `{name}`{}", did_you_mean(suggestion, "；请先给它赋值（`x = ...`），或检查拼写"))
        }
        M::NotCallable => String::from("只能调用 MAPI 函数和方法"),
        M::UnknownFunction { name, suggestion, known } => format!(
            "没有名为 `{name}` 的 MAPI 函数{}",
            did_you_mean(suggestion, &format!("；已知的函数有：{}", known.join("、")))
        ),
        M::UnknownMethod { name, suggestion, known } => format!(
            "没有名为 `{name}` 的 MAPI 方法{}",
            did_you_mean(suggestion, &format!("；已知的方法有：{}", known.join("、")))
        ),
        M::WrongArity { callee, min, max, found } => {
            let want = if min == max { format!("{min}") } else { format!("{min} 到 {max}") };
            format!("`{callee}` 需要 {want} 个参数，但这里给了 {found} 个")
        }
        M::UnknownNamedArgument { callee, name, accepted } => {
            let hint = if accepted.is_empty() {
                String::from("它不接受命名参数")
            } else {
                format!("它只接受 `{}:`", accepted.join(":`、`"))
            };
            format!("`{callee}` 没有名为 `{name}` 的参数；{hint}")
        }
        M::SetColumnsTags => String::from("`SetColumns` 需要属性标记，例如 `PR_ENTRYID`"),
        M::RestrictionLeft => format!("{RESTRICTION}；左边必须是属性标记"),
        M::RestrictionShape => String::from(RESTRICTION),
        _ => super::super::misrouted(),
    }
}
