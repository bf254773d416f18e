//! Problems in scenario files (and flushq's other TOML files), in Simplified
//! Chinese. Keys, names and values quoted from the file stay as written; so does
//! serde_json's own message, which the Chinese only introduces.

use super::{scenario::scenario_error, script::script_message};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use flushq_scenario::{Expected, FileMessage as M, Found, JsonObject, JsonPiece, TomlError as T};

/// What was expected, after "应为": " `a`", " `a` 或 `b`", " `a`、`b`、`c` 之一".
pub(crate) fn one_of(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => format!(" {one}"),
        [a, b] => format!(" {a} 或 {b}"),
        all => format!(" {} 之一", all.join("、")),
    }
}

/// "A、B、C 或 D".
fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} 或 {last}", init.join("、")),
    }
}

/// Names in backticks, joined by "、".
fn code_list(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join("、")
}

/// What a file holds where another type belongs.
pub(crate) fn found(f: &Found) -> String {
    match f {
        Found::String(s) => format!("字符串 `{}`", super::super::debug_quoted(s)),
        Found::Integer(n) => format!("整数 `{n}`"),
        Found::Float(f) => format!("浮点数 `{f}`"),
        Found::Boolean(b) => format!("布尔值 `{b}`"),
        Found::Datetime(d) => format!("日期时间 `{d}`"),
        Found::Sequence => String::from("数组"),
        Found::Map => String::from("表"),
    }
}

/// The type a value should have.
fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Table => "表",
        Expected::Sequence => "数组",
        Expected::String => "字符串",
        Expected::Boolean => "布尔值",
        Expected::U64 => "无符号整数（u64）",
    }
}

/// An object of a JSON scenario file.
fn object(o: JsonObject) -> &'static str {
    match o {
        JsonObject::Transport => "传输提供程序对象（`name`、`kind` 等）",
        JsonObject::Fault => "故障对象（`transport`、`kind`、`message`）",
        JsonObject::Store => "存储对象（`name`）",
    }
}

/// "；你是不是想写 `X`？", or nothing.
fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion.as_ref().map(|c| format!("；你是不是想写 `{c}`？")).unwrap_or_default()
}

/// A TOML syntax error.
fn toml(e: &T) -> String {
    let multiline = |literal: bool| if literal { "多行字面量字符串" } else { "多行基本字符串" };
    let quotes = |literal: bool| if literal { "'''" } else { "\"\"\"" };
    match e {
        T::TableHeader { array: true } => String::from("表头无效：应为 `.` 或 `]]`"),
        T::TableHeader { array: false } => String::from("表头无效：应为 `.` 或 `]`"),
        T::DuplicateTable { key } => format!("表头无效：重复的键 `{key}`"),
        T::DuplicateKey { key } => format!("重复的键 `{key}`"),
        T::KeyValue => String::from("键值对无效：应为 `.` 或 `=`"),
        T::RecursionLimit => String::from("嵌套层数超过了上限"),
        T::Key => String::from("键无效"),
        T::DateTime => String::from("日期时间无效"),
        T::Integer => String::from("整数无效"),
        T::Float => String::from("浮点数无效"),
        T::NumberTooLarge => String::from("数字太大，超出了目标类型的范围"),
        T::NumberTooSmall => String::from("数字太小，超出了目标类型的范围"),
        T::ArrayClose => String::from("数组无效：应为 `]`"),
        T::ArrayValue { found } => format!("数组无效：这里需要一个值，却遇到了 `{found}`；字符串需要加引号"),
        T::MissingValue { found: None } => String::from("`=` 后面需要一个值"),
        T::MissingValue { found: Some(found) } => {
            format!("`=` 后面需要一个值，却遇到了 `{found}`；字符串需要加引号")
        }
        T::InlineTable => String::from("内联表无效：应为 `}`"),
        T::BasicString => String::from("基本字符串无效：应为 `\"`"),
        T::LiteralString => String::from("字面量字符串无效：应为 `'`"),
        T::MultilineQuotes { literal } => {
            format!("{}无效：`{}` 后面应为换行或 `#`", multiline(*literal), quotes(*literal))
        }
        T::Multiline { literal } => format!("{}无效：应为 `{}`", multiline(*literal), quotes(*literal)),
        T::UnicodeEscape { digits } => format!("无效的 {digits} 位十六进制 Unicode 码"),
        T::Escape => String::from("转义序列无效：应为 `b`、`f`、`n`、`r`、`t`、`u`、`U`、`\\`、`\"`"),
        T::Unexpected { found } => format!("意外的 `{}`：应为换行或 `#`", found.escape_debug()),
        T::Comment => String::from("注释无效：不允许出现控制字符"),
    }
}

/// The message as one sentence.
pub(crate) fn file_message(m: &M) -> String {
    match m {
        M::Script(m) => script_message(m),
        M::InPresetScript { line, col, message } => {
            format!("预设脚本中第 {line} 行第 {col} 列：{}", script_message(message))
        }
        M::Toml(e) => toml(e),
        M::Json { detail } => {
            let detail: String = detail
                .iter()
                .map(|piece| match piece {
                    JsonPiece::Text(text) => text.as_str(),
                    JsonPiece::Object(o) => object(*o),
                })
                .collect();
            format!("JSON 无法解码：{detail}")
        }
        M::NotAScenarioObject => String::from(
            "场景文件应是一个 JSON 对象，包含 `script`，以及可选的 `title`、`seed`、`transport`、`store` 和 `fault`",
        ),
        M::JsonUnsupported => String::from("这个版本不支持 JSON 场景文件"),
        M::UnknownField { field, expected } => format!("未知的字段 `{field}`，应为{}", one_of(expected)),
        M::MissingField { field } => format!("缺少字段 `{field}`"),
        M::InvalidType { found: f, expected: e } => format!("类型无效：这里是{}，应为{}", found(f), expected(*e)),
        M::InvalidValue { found: f, expected: e } => format!("值无效：这里是{}，应为{}", found(f), expected(*e)),
        M::UnknownVariant { variant, expected } => format!("未知的取值 `{variant}`，应为{}", one_of(expected)),
        M::SeedRange { max, in_toml: true } => format!("在 TOML 中，`seed` 必须是 0 到 {max} 之间的整数"),
        M::SeedRange { max, in_toml: false } => format!("`seed` 必须是 0 到 {max} 之间的整数"),
        M::EmptyTransportName => String::from("传输提供程序的名称不能为空"),
        M::UnknownMethod { name, suggestion: Some(c), .. } => format!("未知的方法 `{name}`；你是不是想写 `{c}`？"),
        M::UnknownMethod { name, suggestion: None, methods } => {
            format!("未知的方法 `{name}`；请使用 {}", or_list(methods))
        }
        M::TooManyGenerated { field, count, limit } => {
            format!("`{field}` 为 {count}，超过了一个场景最多可容纳的 {limit} 封邮件")
        }
        M::UnknownFaultTransport { name, suggestion } => {
            format!("故障指定的传输提供程序 `{name}` 不在配置文件中{}", did_you_mean(suggestion))
        }
        M::FaultNeedsMessage { kind, transport } => {
            format!("故障 `{kind}` 需要 `message`：`{transport}` 队列中一封邮件的主题")
        }
        M::FaultTakesNoMessage { kind } => format!("故障 `{kind}` 不接受 `message`"),
        M::FaultTakesNoAfter { kind } => format!("故障 `{kind}` 不接受 `after`：只有 `spooler_shutdown` 计算邮件数"),
        M::FaultAfterTooBig { after, limit } => format!("`after` = {after} 超过了场景最多允许的 {limit} 封邮件"),
        M::UnknownFaultKind { kind, suggestion, kinds } => {
            let hint = suggestion.as_ref().map(|c| format!("你是不是想写 `{c}`？")).unwrap_or_default();
            format!("未知的故障类型 `{kind}`；{hint}可用的类型有：{}", code_list(kinds))
        }
        M::UnknownScriptPreset { name, presets } => {
            format!("没有名为 `{name}` 的脚本预设；可用的预设有：{}", code_list(presets))
        }
        M::Scenario(e) => scenario_error(e),
    }
}
