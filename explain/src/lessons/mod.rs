//! The tutorial's lessons: a shipped scenario, a script to start from, a goal
//! checked by the core (`flushq_explain::goal`), a par for golf, hints and a
//! solution; every text in English and Simplified Chinese (MAPI names stay English).
//!
//! Each lesson is a TOML file of `lessons/`, `NN-ID.toml`, so that teaching order
//! is file order. The files are embedded in the build and decoded once, on first
//! use, by the crate's own TOML reader; a broken one is reported as
//! `lessons/NN-ID.toml:LINE:COL: message` (the tests decode every file). A file
//! (its goal shows each form an assertion takes):
//!
//! ```toml
//! id = "direction-erratum"         # stable: links and saved progress name it
//! preset = "spooler-download"      # the shipped scenario (`scenarios/`) it uses
//! par = 8                          # statements of the solution
//!
//! title.en = "UPLOAD or DOWNLOAD? The erratum"
//! title.zh = "UPLOAD 还是 DOWNLOAD？勘误"
//! intro.en = "..."
//! intro.zh = "..."
//!
//! goal = [                         # names: `flushq_explain::goal::Assertion::NAMES`
//!     "all_incoming_received",                                               # takes nothing
//!     { transport_untouched = "Dial-up" },                                   # a name
//!     { never_returned = { api = "FlushQueues", hresult = "MAPI_E_BUSY" } }, # a call
//!     { flags_passed = "FLUSH_DOWNLOAD | FLUSH_NO_UI" },                     # flags
//! ]
//!
//! start = '''
//! table = session.GetStatusTable()
//! ...
//! '''
//!
//! solution = '''
//! ...
//! '''
//!
//! [[hint]]                         # shown one at a time, in file order
//! en = "Receiving is FLUSH_DOWNLOAD."
//! zh = "接收方向是 FLUSH_DOWNLOAD。"
//! ```

mod file;

use crate::catalog;
use crate::goal::{check_all_in, statement_count, Assertion, Check};
use crate::text::one_line;
use file::decode;
pub use file::{LessonDiagnostic, LessonMessage, LessonValue, Named, Takes};
use flushq_core::trace::{Event, Outcome};
use flushq_core::{Lang, LoadError, Machine, Scenario};
use flushq_scenario::{load, preset, Format};

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
    pub fn check(&self, script: &str) -> Result<Verdict, LoadError> {
        self.check_scenario(&self.scenario(script), Lang::En)
    }

    /// Checks the goal on `scenario`: the lesson's own, or one the learner edited
    /// (some goals are reached by changing the profile, not the script). Reasons
    /// for failed assertions are in `lang`.
    pub fn check_scenario(&self, scenario: &Scenario, lang: Lang) -> Result<Verdict, LoadError> {
        let (outcome, events) = run(scenario)?;
        let statements = statement_count(&scenario.script).unwrap_or(0);
        Ok(Verdict { checks: check_all_in(&self.goal, &outcome, &events, lang), statements, par: self.par })
    }
}

fn run(scenario: &Scenario) -> Result<(Outcome, Vec<Event>), LoadError> {
    let mut m = Machine::new(scenario)?;
    m.run();
    Ok((m.outcome(), m.events().to_vec()))
}

macro_rules! lesson_files {
    ($($file:literal),* $(,)?) => {
        /// The files of `lessons/` by name, in teaching order.
        const FILES: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../../lessons/", $file)))),*];
    };
}

lesson_files!(
    "01-find-the-spooler.toml",
    "02-flush-everything-outgoing.toml",
    "03-direction-erratum.toml",
    "04-per-transport-fallback.toml",
    "05-no-ui-dial-up.toml",
    "06-async-ok-busy.toml",
    "07-force-async-transport.toml",
    "08-deferred-message.toml",
    "09-release-everything.toml",
);

/// Every lesson, in teaching order (decoded once, on first use).
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: std::sync::OnceLock<Vec<Lesson>> = std::sync::OnceLock::new();
    LESSONS.get_or_init(decode_all)
}

/// The embedded lesson files, decoded. They are part of the build and the tests
/// decode each one, so a broken file here is a bug: it panics with its problems.
#[inline(never)]
fn decode_all() -> Vec<Lesson> {
    FILES.iter().map(|(name, src)| decode(src).unwrap_or_else(|d| panic!("{}", located(name, &d)))).collect()
}

/// The problems of lesson file `name`, one a line: `lessons/NAME:LINE:COL: message`
/// (in English: lesson files are read by the people who write them).
fn located(name: &str, diags: &[LessonDiagnostic]) -> String {
    let en = catalog::of(Lang::En);
    diags
        .iter()
        .map(|d| format!("lessons/{name}:{}:{}: {}", d.line, d.col, one_line(en.lesson_message(&d.message))))
        .collect::<Vec<_>>()
        .join("\n")
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

    /// Every embedded file decodes; a problem fails the test with its file, line and column.
    #[test]
    fn every_lesson_file_decodes() {
        let problems: Vec<String> =
            FILES.iter().filter_map(|(name, src)| decode(src).err().map(|d| located(name, &d))).collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every file of `lessons/` is embedded, in file order, and named `NN-ID.toml`
    /// after its place and its id.
    #[test]
    fn every_lesson_file_is_embedded_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../lessons");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, FILES.iter().map(|(n, _)| *n).collect::<Vec<_>>());
        for (i, ((name, _), l)) in FILES.iter().zip(lessons()).enumerate() {
            assert_eq!(*name, format!("{:02}-{}.toml", i + 1, l.id));
        }
    }

    /// Where a lesson used the core's script presets, its file spells them out:
    /// they must not drift apart.
    #[test]
    fn spelled_out_presets_still_match_the_core() {
        use flushq_core::script::{PRESET_PER_TRANSPORT, PRESET_SPOOLER};
        let start = |id| lesson(id).unwrap().start;
        let solution = |id| lesson(id).unwrap().solution;
        assert_eq!(solution("flush-everything-outgoing"), PRESET_SPOOLER);
        for id in ["direction-erratum", "no-ui-dial-up", "force-async-transport", "deferred-message"] {
            assert_eq!(start(id), PRESET_SPOOLER, "{id}");
        }
        for id in ["per-transport-fallback", "release-everything"] {
            assert_eq!(solution(id), PRESET_PER_TRANSPORT, "{id}");
        }
        // Opening the spooler: the preset's first four lines.
        let open: String = PRESET_SPOOLER.split_inclusive('\n').take(4).collect();
        assert_eq!(start("flush-everything-outgoing"), open);
    }
}
