//! The client script's run-time errors, in English and in Simplified Chinese.
//!
//! Each error is a pair of templates. `{0}`, `{1}`, ... stand for its arguments
//! (names, script code, numbers, HRESULTs: the same in both languages); in the
//! Chinese, `{=0}` stands for an argument that is itself a phrase to translate (a
//! value's kind such as "a number", or a verb such as "released").
//!
//! Trace events and the outcome carry the English text only, as before. Because
//! both texts come from one template, [`script_error_in`] gets the Chinese back
//! from the English by matching the same templates, so a
//! [`ScriptError`](crate::trace::EventKind::ScriptError) event or an outcome's
//! [`ScriptFault`](crate::trace::ScriptFault) can be shown in either language.

use crate::lang::Lang;
use alloc::borrow::Cow;
use alloc::string::String;

macro_rules! errors {
    ($($name:ident: $en:literal => $zh:literal,)*) => {
        /// Which run-time error: an index into [`TEMPLATES`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Rt {
            $(#[doc = $en] $name,)*
        }

        /// (English, Chinese) templates, in the order of [`Rt`].
        pub(crate) const TEMPLATES: &[(&str, &str)] = &[$(($en, $zh),)*];
    };
}

errors! {
    ForNotRows: "`for` walks the rows of a row set from HrQueryAllRows, not {0}"
        => "`for` 遍历的是 HrQueryAllRows 返回的行集中的行，不能遍历{=0}",
    TooManyIterations: "the script ran more than {0} loop iterations and was stopped"
        => "脚本的循环迭代超过了 {0} 次，已被停止",
    NoFrame: "internal: loop frame missing" => "内部错误：缺少循环帧",
    HResultCondition: "an HRESULT is not a condition; compare it, e.g. `if hr == S_OK`"
        => "HRESULT 不能直接作为条件；请先比较，例如 `if hr == S_OK`",
    NullCondition: "the value is PT_NULL: that column was not requested with SetColumns, so it cannot be tested"
        => "该值为 PT_NULL：这一列没有通过 SetColumns 请求，因此无法测试",
    ConditionKind: "a condition must be a number (non-zero is true), not {0}"
        => "条件必须是数字（非零为真），而不是{=0}",
    UsedAfterRelease: "`{0}` was {1} on line {2}; it cannot be used any more"
        => "`{0}` 已在第 {2} 行{=1}，不能再使用",
    NoValue: "`{0}` has no value here: it is assigned later, or only inside a branch that did not run"
        => "`{0}` 在这里还没有值：它在后面才赋值，或者只在没有执行的分支中赋值",
    IndexKind: "only a row set can be indexed, not {0}" => "只有行集可以用索引访问，而这里是{=0}",
    IndexNotRows: "only a row set (from HrQueryAllRows) can be indexed"
        => "只有行集（由 HrQueryAllRows 返回）可以用索引访问",
    IndexNotNumber: "a row index must be a number, not {0}" => "行索引必须是数字，而不是{=0}",
    PastEnd: "the row set has {0} {1}, so index {2} is past its end (HrQueryAllRows matched fewer rows than expected)"
        => "行集只有 {0} 行，索引 {2} 超出了末尾（HrQueryAllRows 匹配到的行比预期的少）",
    NullNumber: "this value is PT_NULL: the column was not requested with SetColumns, or the row lacks it"
        => "该值为 PT_NULL：这一列没有通过 SetColumns 请求，或者该行没有这一列",
    NotNumber: "expected a number here, not {0}" => "这里需要数字，而不是{=0}",
    CRowsKind: "`cRows` is the row count of a row set, and this is {0}"
        => "`cRows` 是行集的行数，而这里是{=0}",
    NotProperty: "`{0}` is not a property" => "`{0}` 不是属性",
    TableProperty: "a table has no `{0}` of its own; read it from a row returned by HrQueryAllRows"
        => "表本身没有 `{0}`；请从 HrQueryAllRows 返回的行中读取",
    RowsProperty: "a row set holds many rows; pick one first, e.g. `rows[0].{0}`"
        => "行集包含多行；请先选出一行，例如 `rows[0].{0}`",
    NoObjectHere: "there is no object here: {0} on line {1} failed with {2}"
        => "这里没有对象：第 {1} 行的 {0} 失败，返回了 {2}",
    CannotRead: "cannot read `{0}` from {1}" => "无法从{=1}读取 `{0}`",
    QueryNotTable: "HrQueryAllRows takes the status table as its first argument"
        => "HrQueryAllRows 的第一个参数必须是状态表",
    QueryTableKind: "HrQueryAllRows takes the status table as its first argument, not {0}"
        => "HrQueryAllRows 的第一个参数必须是状态表，而不是{=0}",
    CrowsMax: "crowsMax {0} does not fit in a ULONG" => "crowsMax {0} 超出了 ULONG 的范围",
    NothingToFree: "`{0}` holds no object ({1} on line {2} failed with {3}), so there is nothing to {4}"
        => "`{0}` 没有持有对象（第 {2} 行的 {1} 失败，返回了 {3}），因此没有对象可{=4}",
    ReleaseSession: "the session belongs to the application's logon, not to this procedure; do not release it here"
        => "会话属于应用程序的登录，而不属于这段过程；不要在这里释放它",
    ExpectsObject: "`{0}` expects an object, not {1}" => "`{0}` 需要一个对象，而不是{=1}",
    FreeObject: "`{0}` is an object, not a row set: release it with Release({1})"
        => "`{0}` 是对象，不是行集：请用 `Release({1})` 释放",
    ReleaseRows: "`{0}` is a row set (SRowSet), not a COM object: free it with FreeProws({1})"
        => "`{0}` 是行集（SRowSet），不是 COM 对象：请用 `FreeProws({1})` 释放",
    NoFunction: "no MAPI function named `{0}`" => "没有名为 `{0}` 的 MAPI 函数",
    NotCallable: "only MAPI functions and methods can be called" => "只能调用 MAPI 函数和方法",
    RestrictionShape: "a restriction compares a property with a value" => "限制条件把一个属性与一个值进行比较",
    RestrictionLeft: "the left side of a restriction must be a property tag such as PR_RESOURCE_TYPE"
        => "限制条件的左边必须是属性标记，例如 PR_RESOURCE_TYPE",
    RestrictionOr: "`|` combines flags; a restriction needs `==`, `!=` or `&`"
        => "`|` 用于组合标志；限制条件需要 `==`、`!=` 或 `&`",
    NotLong: "{0} does not fit in a PT_LONG property" => "{0} 超出了 PT_LONG 属性的范围",
    RestrictionValue: "a restriction compares with a number or a string, not {0}"
        => "限制条件只能与数字或字符串比较，不能与{=0}比较",
    OpenEntryArg: "OpenEntry takes an entry id such as `rows[0].PR_ENTRYID`, not {0}"
        => "OpenEntry 需要条目 ID（例如 `rows[0].PR_ENTRYID`），而不是{=0}",
    SessionMethod: "`{0}` is not a method of the session (IMAPISession has GetStatusTable and OpenEntry)"
        => "`{0}` 不是会话的方法（IMAPISession 只有 GetStatusTable 和 OpenEntry）",
    TableMethod: "`{0}` is a status table (IMAPITable); `{1}` is not one of its methods here"
        => "`{0}` 是状态表（IMAPITable）；`{1}` 不是它在这里可用的方法",
    NotColumn: "{0} is not a status-table column" => "{0} 不是状态表的列",
    FlushStatement: "call `FlushQueues` as a statement of its own" => "`FlushQueues` 调用必须单独写成一条语句",
    StatusMethod: "`{0}` is a status object (IMAPIStatus); `{1}` is not one of its methods"
        => "`{0}` 是状态对象（IMAPIStatus）；`{1}` 不是它的方法",
    RowsNoMethods: "`{0}` is a row set (SRowSet); it has no methods" => "`{0}` 是行集（SRowSet），没有任何方法",
    HoldsNoObject: "`{0}` holds no object: {1} on line {2} failed with {3}"
        => "`{0}` 没有持有对象：第 {2} 行的 {1} 失败，返回了 {3}",
    NeedsObject: "`{0}` needs an object, and `{1}` is {2}" => "`{0}` 需要一个对象，而 `{1}` 是{=2}",
    NotStatus: "`{0}` is not a status object; FlushQueues is a method of IMAPIStatus"
        => "`{0}` 不是状态对象；FlushQueues 是 IMAPIStatus 的方法",
    FlushNeedsStatus: "FlushQueues needs a status object, and `{0}` is {1}"
        => "FlushQueues 需要一个状态对象，而 `{0}` 是{=1}",
    FlushNoFlags: "FlushQueues needs its flags" => "FlushQueues 缺少 ulFlags 参数",
    FlagsTooBig: "{0} does not fit in ulFlags" => "{0} 超出了 ulFlags 的范围",
    EventLimit: "the run exceeded its event limit and was stopped" => "运行超出了事件数的上限，已被停止",
}

/// The phrases an argument marked `{=n}` may be, with their Chinese: what
/// [`Value::kind`](super::Value::kind) says, and how a handle was let go.
const PHRASES: &[(&str, &str)] = &[
    ("a number", "数字"),
    ("a string", "字符串"),
    ("an entry id", "条目 ID"),
    ("an HRESULT", "HRESULT"),
    ("the session", "会话"),
    ("an object", "对象"),
    ("a row", "一行数据"),
    ("no object", "失败调用的结果"),
    ("freed with FreeProws", "用 FreeProws 释放"),
    ("released", "释放"),
    ("free", "释放"),
    ("release", "释放"),
];

/// Most arguments a template has.
const MAX_ARGS: usize = 5;

/// The English text of error `e` with `args`.
pub(crate) fn english(e: Rt, args: &[&str]) -> String {
    fill(TEMPLATES[e as usize].0, args, false)
}

/// A run-time error message (the English text a [`ScriptError`] event or a
/// [`ScriptFault`] carries) in `lang`.
///
/// Text that is not a run-time error of the script comes back unchanged.
///
/// [`ScriptError`]: crate::trace::EventKind::ScriptError
/// [`ScriptFault`]: crate::trace::ScriptFault
pub fn script_error_in(message: &str, lang: Lang) -> Cow<'_, str> {
    if lang == Lang::En {
        return Cow::Borrowed(message);
    }
    let mut args = [""; MAX_ARGS];
    for (en, zh) in TEMPLATES {
        if matches(en, message, &mut args) {
            return Cow::Owned(fill(zh, &args, true));
        }
    }
    Cow::Borrowed(message)
}

/// Splits `t` at its first placeholder: the text before it, the argument index,
/// whether it is a phrase (`{=n}`), and the text after it.
fn hole(t: &str) -> Option<(&str, usize, bool, &str)> {
    let mut from = 0;
    while let Some(i) = t[from..].find('{').map(|i| i + from) {
        let rest = &t[i + 1..];
        let (phrase, rest) = match rest.strip_prefix('=') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let mut chars = rest.chars();
        if let (Some(d @ '0'..='9'), Some('}')) = (chars.next(), chars.next()) {
            return Some((&t[..i], d as usize - '0' as usize, phrase, &rest[2..]));
        }
        from = i + 1;
    }
    None
}

/// `t` with its placeholders replaced by `args` (phrases translated when `zh`).
fn fill(t: &str, args: &[&str], zh: bool) -> String {
    let mut out = String::with_capacity(t.len() + 16);
    let mut t = t;
    while let Some((lit, n, phrase, rest)) = hole(t) {
        out.push_str(lit);
        let arg = args.get(n).copied().unwrap_or("");
        if phrase && zh {
            let word = PHRASES.iter().find(|(en, _)| *en == arg).map_or(arg, |(_, zh)| *zh);
            // Chinese puts a space between Han characters and Latin letters.
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let han = |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if han(out.chars().last()) && latin(word.chars().next()) {
                out.push(' ');
            }
            out.push_str(word);
            if latin(word.chars().last()) && han(rest.chars().next()) {
                out.push(' ');
            }
        } else {
            out.push_str(arg);
        }
        t = rest;
    }
    out.push_str(t);
    out
}

/// Whether `s` is English template `t` filled in; if so, its arguments are in `args`.
///
/// An argument inside backticks is script code and may contain anything, even the
/// template's own words; one outside them (a number, an API, an HRESULT, a kind)
/// never contains a backtick, which settles where quoted code ends.
fn matches<'a>(t: &str, s: &'a str, args: &mut [&'a str; MAX_ARGS]) -> bool {
    matches_from(t, s, args, false)
}

/// [`matches`] for the rest `t` of a template, `quoted` when it starts inside backticks.
fn matches_from<'a>(t: &str, s: &'a str, args: &mut [&'a str; MAX_ARGS], quoted: bool) -> bool {
    let Some((lit, n, _, rest)) = hole(t) else {
        return t == s;
    };
    let Some(s) = s.strip_prefix(lit) else {
        return false;
    };
    let quoted = quoted ^ (lit.matches('`').count() % 2 == 1);
    let fits = |arg: &str| !arg.is_empty() && (quoted || !arg.contains('`'));
    let Some((next, ..)) = hole(rest) else {
        let Some(arg) = s.strip_suffix(rest).filter(|a| fits(a)) else {
            return false;
        };
        args[n] = arg;
        return true;
    };
    // The text up to the next placeholder ends this argument; try each place it
    // occurs, as quoted code may contain it too.
    let mut from = s.chars().next().map_or(1, char::len_utf8);
    while let Some(i) = s.get(from..).and_then(|tail| tail.find(next)).map(|i| i + from) {
        if fits(&s[..i]) {
            args[n] = &s[..i];
            if matches_from(rest, &s[i..], args, quoted) {
                return true;
            }
        }
        from = i + 1;
        while !s.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec::Vec;

    fn placeholders(t: &str) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        let mut t = t;
        while let Some((_, n, phrase, rest)) = hole(t) {
            out.push((n, phrase));
            t = rest;
        }
        out
    }

    /// Arguments like the ones the machine passes, awkward ones included.
    const SAMPLES: [&str; 5] = ["rows[0]", "a number", "12", "MAPI_E_NOT_FOUND", "released"];

    #[test]
    fn every_template_round_trips() {
        for (i, (en, zh)) in TEMPLATES.iter().enumerate() {
            let holes = placeholders(en);
            assert!(holes.len() <= MAX_ARGS, "{en}");
            for (k, (n, phrase)) in holes.iter().enumerate() {
                assert_eq!((*n, *phrase), (k, false), "English placeholders are {{0}}, {{1}}, ... in order: {en}");
            }
            for (n, _) in placeholders(zh) {
                assert!(n < holes.len(), "{zh} uses an argument {en} lacks");
            }
            let args: Vec<&str> = SAMPLES[..holes.len()].to_vec();
            let text = fill(en, &args, false);
            assert!(!text.contains('{'), "{text}");
            let mut got = [""; MAX_ARGS];
            assert!(matches(en, &text, &mut got), "{text}");
            assert_eq!(&got[..args.len()], &args[..], "{text}");
            // The first template that matches is this one.
            let first = TEMPLATES.iter().position(|(t, _)| matches(t, &text, &mut [""; MAX_ARGS]));
            assert_eq!(first, Some(i), "{text} is taken by another template");
            let zh_text = script_error_in(&text, Lang::Zh);
            assert_ne!(zh_text, text, "{text}");
            assert!(!zh_text.contains("{="), "{zh_text}");
            assert_eq!(script_error_in(&text, Lang::En), text);
        }
    }

    #[test]
    fn arguments_may_contain_template_text() {
        // Script code is quoted as written, string literals and all.
        let var = "\"` holds no object: \".x";
        let text = english(Rt::HoldsNoObject, &[var, "OpenEntry", "3", "MAPI_E_INVALID_ENTRYID"]);
        assert_eq!(text, format!("`{var}` holds no object: OpenEntry on line 3 failed with MAPI_E_INVALID_ENTRYID"));
        assert_eq!(
            script_error_in(&text, Lang::Zh),
            format!("`{var}` 没有持有对象：第 3 行的 OpenEntry 失败，返回了 MAPI_E_INVALID_ENTRYID")
        );
        let var = "\"a` is b\"";
        let text = english(Rt::NeedsObject, &["Foo", var, "a string"]);
        assert_eq!(script_error_in(&text, Lang::Zh), format!("`Foo` 需要一个对象，而 `{var}` 是字符串"));
    }

    #[test]
    fn phrases_are_translated_and_spaced() {
        let kind = |k: &str| script_error_in(&english(Rt::ConditionKind, &[k]), Lang::Zh).into_owned();
        assert_eq!(kind("a number"), "条件必须是数字（非零为真），而不是数字");
        assert_eq!(kind("PT_NULL"), "条件必须是数字（非零为真），而不是 PT_NULL");
        let read = |k: &str| script_error_in(&english(Rt::CannotRead, &["PR_ENTRYID", k]), Lang::Zh).into_owned();
        assert_eq!(read("an entry id"), "无法从条目 ID 读取 `PR_ENTRYID`");
        assert_eq!(read("an HRESULT"), "无法从 HRESULT 读取 `PR_ENTRYID`");
        // A variable named like a phrase is quoted, not translated.
        let gone = english(Rt::UsedAfterRelease, &["released", "released", "4"]);
        assert_eq!(script_error_in(&gone, Lang::Zh), "`released` 已在第 4 行释放，不能再使用");
        assert_eq!(script_error_in("not a run-time error", Lang::Zh), "not a run-time error");
    }
}
