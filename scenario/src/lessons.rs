//! The tutorial's lessons: a shipped scenario, a script to start from, a goal
//! checked by the core (`flushq_core::goal`), a par for golf, hints and a
//! solution; every text in English and Simplified Chinese (MAPI names stay English).

use crate::{load, preset, Format};
use flushq_core::diag::Diagnostic;
use flushq_core::mapi::HResult;
use flushq_core::script::PRESET_SPOOLER;
use flushq_core::trace::{Event, Outcome};
use flushq_core::{Lang, LoadError, Machine, Scenario};
use flushq_explain::goal::{check_all_in, statement_count, Assertion, Check};

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// One lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Stable id, for progress and links.
    pub id: &'static str,
    /// The shipped scenario whose profile, queues and faults the lesson uses.
    pub preset: &'static str,
    /// Title.
    pub title: Text,
    /// What to learn and what to do, in a few sentences.
    pub intro: Text,
    /// Hints, shown one at a time on demand.
    pub hints: &'static [Text],
    /// The script the learner starts from.
    pub start: &'static str,
    /// A script that reaches the goal in `par` statements.
    pub solution: &'static str,
    /// Statements of the solution: the golf score to beat or match.
    pub par: usize,
    /// What the run must show.
    pub goal: Vec<Assertion>,
}

/// How a script did on a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Each assertion of the goal, checked.
    pub checks: Vec<Check>,
    /// Statements in the script.
    pub statements: usize,
    /// The lesson's par.
    pub par: usize,
}

impl Verdict {
    /// True when every assertion holds.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

impl Lesson {
    /// The lesson's scenario with `script` as the client script.
    pub fn scenario(&self, script: &str) -> Scenario {
        let p = preset(self.preset).expect("lessons name shipped presets");
        let mut s = load(p.toml, Format::Toml).expect("shipped presets load");
        s.script = script.into();
        s
    }

    /// Runs `script` (dialogs are answered as the scenario says: connect unless a
    /// fault cancels) and checks the goal.
    pub fn check(&self, script: &str) -> Result<Verdict, Vec<Diagnostic>> {
        self.check_scenario(&self.scenario(script), Lang::En)
    }

    /// Checks the goal on `scenario`: the lesson's own, or one the learner edited
    /// (some goals are reached by changing the profile, not the script). Reasons
    /// for failed assertions are in `lang`.
    pub fn check_scenario(&self, scenario: &Scenario, lang: Lang) -> Result<Verdict, Vec<Diagnostic>> {
        let (outcome, events) = run(scenario)?;
        let statements = statement_count(&scenario.script).unwrap_or(0);
        Ok(Verdict { checks: check_all_in(&self.goal, &outcome, &events, lang), statements, par: self.par })
    }
}

fn run(scenario: &Scenario) -> Result<(Outcome, Vec<Event>), Vec<Diagnostic>> {
    let mut m = Machine::new(scenario).map_err(|e| match e {
        LoadError::Script(d) => d,
        LoadError::Scenario(e) => vec![Diagnostic::error(Default::default(), e.to_string())],
    })?;
    m.run();
    Ok((m.outcome(), m.events().to_vec()))
}

const OPEN_SPOOLER: &str = "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
";

/// Every lesson, in teaching order (built once).
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: std::sync::OnceLock<Vec<Lesson>> = std::sync::OnceLock::new();
    LESSONS.get_or_init(build)
}

#[inline(never)]
fn build() -> Vec<Lesson> {
    use Assertion::*;
    vec![
        Lesson {
            id: "find-the-spooler",
            preset: "spooler-upload",
            title: Text { en: "Find the spooler's row", zh: "找到后台处理程序的行" },
            intro: Text {
                en: "Every flush starts in the status table. Limit its columns to PR_ENTRYID and PR_RESOURCE_TYPE, find the row whose PR_RESOURCE_TYPE is MAPI_SPOOLER with HrQueryAllRows, and open its status object with OpenEntry. Release what you open.",
                zh: "每次刷新都从状态表开始。把列限制为 PR_ENTRYID 和 PR_RESOURCE_TYPE，用 HrQueryAllRows 找到 PR_RESOURCE_TYPE 为 MAPI_SPOOLER 的行，再用 OpenEntry 打开它的状态对象。打开的东西都要释放。",
            },
            hints: &[
                Text { en: "A restriction is written `PR_RESOURCE_TYPE == MAPI_SPOOLER`.", zh: "限制条件写作 `PR_RESOURCE_TYPE == MAPI_SPOOLER`。" },
                Text { en: "The entry id is `rows[0].PR_ENTRYID`; free the row set with FreeProws.", zh: "条目标识是 `rows[0].PR_ENTRYID`；行集用 FreeProws 释放。" },
            ],
            start: "table = session.GetStatusTable()\n// Find the spooler's row and open its status object here.\nRelease(table)\n",
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 7,
            goal: vec![Opened("spooler".into()), NothingLeaked, NoScriptErrors],
        },
        Lesson {
            id: "flush-everything-outgoing",
            preset: "spooler-upload",
            title: Text { en: "Send everything through the spooler", zh: "通过后台处理程序发送全部邮件" },
            intro: Text {
                en: "One FlushQueues call on the spooler flushes every transport, in transport order. Send every outgoing message, and release everything. The dial-up transport will ask to connect: that is expected here.",
                zh: "对后台处理程序调用一次 FlushQueues，就会按传输顺序刷新每个传输提供程序。发送所有待发邮件，并释放所有对象。拨号传输会询问是否连接：在这里这是预料之中的。",
            },
            hints: &[
                Text { en: "Outgoing is FLUSH_UPLOAD.", zh: "发送方向是 FLUSH_UPLOAD。" },
                Text { en: "Pass FLUSH_NO_UI too: well-behaved transports then stay quiet.", zh: "同时传递 FLUSH_NO_UI：遵守它的传输就不会弹出界面。" },
            ],
            start: OPEN_SPOOLER,
            solution: PRESET_SPOOLER,
            par: 8,
            goal: vec![AllOutgoingDelivered, NothingLeaked, NoScriptErrors],
        },
        Lesson {
            id: "direction-erratum",
            preset: "spooler-download",
            title: Text { en: "UPLOAD or DOWNLOAD? The erratum", zh: "UPLOAD 还是 DOWNLOAD？勘误" },
            intro: Text {
                en: "The seed page says FLUSH_UPLOAD flushes the incoming queues. The FlushQueues reference pages say the opposite, and flushq follows them. This script trusts the seed page: fix it so that every waiting message is received, without any dialog.",
                zh: "原始页面说 FLUSH_UPLOAD 刷新传入队列，而 FlushQueues 参考文档的说法正好相反，flushq 以参考文档为准。下面的脚本相信了原始页面：请修改它，使所有等待中的邮件都被接收，并且不弹出任何对话框。",
            },
            hints: &[Text { en: "Receiving is FLUSH_DOWNLOAD.", zh: "接收方向是 FLUSH_DOWNLOAD。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![AllIncomingReceived, NoUiPrompt, NothingLeaked],
        },
        Lesson {
            id: "per-transport-fallback",
            preset: "per-transport-download",
            title: Text { en: "One transport at a time, with the fallback", zh: "逐个传输刷新，以及回退" },
            intro: Text {
                en: "Flushing transport by transport works only where PR_RESOURCE_METHODS has STATUS_FLUSH_QUEUES. This loop calls every transport's own FlushQueues, and Dial-up answers MAPI_E_NO_SUPPORT. Check the bit, and for a transport without it call the spooler's FlushQueues with `target:` set to its entry id.",
                zh: "只有 PR_RESOURCE_METHODS 含有 STATUS_FLUSH_QUEUES 的传输才能逐个刷新。这个循环对每个传输都调用它自己的 FlushQueues，而 Dial-up 返回 MAPI_E_NO_SUPPORT。请检查这个位；对没有它的传输，调用后台处理程序的 FlushQueues，并把 `target:` 设为它的条目标识。",
            },
            hints: &[
                Text { en: "`if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES { ... } else { ... }`", zh: "`if xp.PR_RESOURCE_METHODS & STATUS_FLUSH_QUEUES { ... } else { ... }`" },
                Text { en: "You need the spooler's status object too: open it before the loop.", zh: "你还需要后台处理程序的状态对象：在循环之前打开它。" },
            ],
            start: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_TRANSPORT_PROVIDER)
for row in rows {
    xp = session.OpenEntry(row.PR_ENTRYID)
    xp.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
    Release(xp)
}
Release(table)
FreeProws(rows)
",
            solution: flushq_core::script::PRESET_PER_TRANSPORT,
            par: 15,
            goal: vec![
                AllIncomingReceived,
                FlushedOnItsOwnObject("Office LAN".into()),
                FlushedThroughSpooler("Dial-up".into()),
                NeverReturned { api: "FlushQueues", hresult: HResult::NoSupport },
                NothingLeaked,
            ],
        },
        Lesson {
            id: "no-ui-dial-up",
            preset: "spooler-upload",
            title: Text { en: "FLUSH_NO_UI and the dial-up transport", zh: "FLUSH_NO_UI 与拨号传输" },
            intro: Text {
                en: "Dial-up ignores FLUSH_NO_UI, as modem and RAS transports may: flushing it always shows its dialog. Send Office LAN's mail with no dialog at all, and leave Dial-up alone.",
                zh: "Dial-up 会忽略 FLUSH_NO_UI，调制解调器和 RAS 传输都可能如此：刷新它总会弹出对话框。请在不弹出任何对话框的情况下发送 Office LAN 的邮件，并且不要动 Dial-up。",
            },
            hints: &[
                Text { en: "A restriction can match a name: `PR_DISPLAY_NAME == \"Office LAN\"`.", zh: "限制条件也可以匹配名称：`PR_DISPLAY_NAME == \"Office LAN\"`。" },
                Text { en: "The spooler flushes only the transport named by `target:`.", zh: "后台处理程序只刷新 `target:` 指定的传输。" },
            ],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
sp = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
lan = HrQueryAllRows(table, PR_DISPLAY_NAME == \"Office LAN\")
spooler = session.OpenEntry(sp[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD, target: lan[0].PR_ENTRYID)
Release(spooler)
Release(table)
FreeProws(lan)
FreeProws(sp)
",
            par: 10,
            goal: vec![TransportDelivered("Office LAN".into()), NoUiPrompt, TransportUntouched("Dial-up".into()), NothingLeaked],
        },
        Lesson {
            id: "async-ok-busy",
            preset: "async-ok-busy",
            title: Text { en: "FLUSH_ASYNC_OK and MAPI_E_BUSY", zh: "FLUSH_ASYNC_OK 与 MAPI_E_BUSY" },
            intro: Text {
                en: "With FLUSH_ASYNC_OK the spooler's FlushQueues returns at once and the flush goes on in the background; a second flush meanwhile gets MAPI_E_BUSY. Send and receive everything in the background without ever being busy.",
                zh: "使用 FLUSH_ASYNC_OK 时，后台处理程序的 FlushQueues 会立即返回，刷新在后台继续；此时再次刷新会得到 MAPI_E_BUSY。请在后台完成全部发送和接收，并且不要遇到忙碌错误。",
            },
            hints: &[Text { en: "One call can carry both directions.", zh: "一次调用可以同时指定两个方向。" }],
            start: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
first = spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_ASYNC_OK)
second = spooler.FlushQueues(FLUSH_NO_UI | FLUSH_DOWNLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_DOWNLOAD | FLUSH_ASYNC_OK)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![
                AsynchronousFlush,
                NeverReturned { api: "FlushQueues", hresult: HResult::Busy },
                AllOutgoingDelivered,
                AllIncomingReceived,
                NothingLeaked,
            ],
        },
        Lesson {
            id: "force-async-transport",
            preset: "async-transport-no-force",
            title: Text { en: "FLUSH_FORCE and an asynchronous transport", zh: "FLUSH_FORCE 与异步传输" },
            intro: Text {
                en: "Satellite Link sends on its own schedule: a flush without FLUSH_FORCE leaves its queue alone. Send every outgoing message now.",
                zh: "Satellite Link 按自己的时间表发送：不带 FLUSH_FORCE 的刷新不会处理它的队列。请现在就发送所有待发邮件。",
            },
            hints: &[Text { en: "FLUSH_FORCE asks for the flush even at a cost.", zh: "FLUSH_FORCE 要求即使代价较高也要刷新。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD | FLUSH_FORCE)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 8,
            goal: vec![AllOutgoingDelivered, NothingLeaked],
        },
        Lesson {
            id: "deferred-message",
            preset: "message-deferred",
            title: Text { en: "A deferred message", zh: "被延迟的邮件" },
            intro: Text {
                en: "Office LAN defers \"later\" the first time it is submitted; the next flush reports it with NOTIFY_SENTDEFERRED and sends it. Get every outgoing message delivered.",
                zh: "Office LAN 第一次提交 \"later\" 时会延迟它；下一次刷新时会用 NOTIFY_SENTDEFERRED 报告并发送它。请让所有待发邮件都送达。",
            },
            hints: &[Text { en: "Nothing is lost: flush once more.", zh: "什么都没有丢失：再刷新一次。" }],
            start: PRESET_SPOOLER,
            solution: "table = session.GetStatusTable()
table.SetColumns(PR_ENTRYID, PR_RESOURCE_TYPE)
rows = HrQueryAllRows(table, PR_RESOURCE_TYPE == MAPI_SPOOLER)
spooler = session.OpenEntry(rows[0].PR_ENTRYID)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
spooler.FlushQueues(FLUSH_NO_UI | FLUSH_UPLOAD)
Release(spooler)
Release(table)
FreeProws(rows)
",
            par: 9,
            goal: vec![AllOutgoingDelivered, NothingLeaked],
        },
        Lesson {
            id: "release-everything",
            preset: "leaky-script",
            title: Text { en: "Release everything", zh: "释放所有对象" },
            intro: Text {
                en: "This script receives all the mail but leaks: a status object per loop turn, and a row set. Make it release every object it opens (Release) and free every row set (FreeProws).",
                zh: "这个脚本收到了所有邮件，但有泄漏：每次循环都有一个状态对象未释放，还有一个行集。请让它释放打开的每个对象（Release），并释放每个行集（FreeProws）。",
            },
            hints: &[Text { en: "Leaks are reported with the line that created them.", zh: "泄漏会连同创建它的行号一起报告。" }],
            start: "table = session.GetStatusTable()
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
}
Release(spooler)
Release(table)
FreeProws(rows)
",
            solution: flushq_core::script::PRESET_PER_TRANSPORT,
            par: 15,
            goal: vec![NothingLeaked, AllIncomingReceived],
        },
    ]
}

/// The lesson with this id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_eight_lessons_with_unique_ids() {
        let all = lessons();
        assert!(all.len() >= 8);
        for (i, l) in all.iter().enumerate() {
            assert!(all[..i].iter().all(|o| o.id != l.id), "{}", l.id);
            assert!(preset(l.preset).is_some(), "{}", l.preset);
        }
    }

    /// Each lesson is a real exercise: the start runs but misses the goal, the
    /// solution reaches it at par, and every text exists in both languages.
    #[test]
    fn starts_fail_and_solutions_pass_at_par() {
        for l in lessons() {
            let start = l.check(l.start).unwrap_or_else(|d| panic!("{}: start does not run: {d:?}", l.id));
            assert!(!start.passed(), "{}: the starting script already reaches the goal", l.id);
            let solved = l.check(l.solution).unwrap_or_else(|d| panic!("{}: solution does not run: {d:?}", l.id));
            let failed: Vec<_> = solved.checks.iter().filter(|c| !c.passed).collect();
            assert!(failed.is_empty(), "{}: solution misses {failed:?}", l.id);
            assert_eq!(solved.statements, l.par, "{}: par", l.id);
            for t in std::iter::once(l.title).chain(std::iter::once(l.intro)).chain(l.hints.iter().copied()) {
                assert!(!t.en.is_empty() && !t.zh.is_empty(), "{}", l.id);
                assert!(
                    t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || t.zh.starts_with('`'),
                    "{}: {}",
                    l.id,
                    t.zh
                );
            }
        }
    }

    #[test]
    fn a_failed_check_says_why() {
        let l = lesson("per-transport-fallback").unwrap();
        let v = l.check(l.start).unwrap();
        let why: Vec<&str> = v.checks.iter().filter(|c| !c.passed).map(|c| c.why.as_str()).collect();
        assert!(why.iter().any(|w| w.contains("MAPI_E_NO_SUPPORT")), "{why:?}");
        assert!(why.iter().any(|w| w.contains("r3 still waits on Dial-up")), "{why:?}");
    }
}
