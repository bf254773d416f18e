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

// The decoder runs in the build script (see build.rs) and in the tests; the
// playground gets only its message types, which the catalogs render.
#[cfg_attr(not(test), allow(dead_code))]
mod file;
mod lesson;

pub use file::{LessonDiagnostic, LessonMessage, LessonValue, Named, Takes};
pub use lesson::{Lesson, Text};

use crate::goal::{check_all, statement_count, Assertion, Check};
use crate::Lang;
use flushq_core::trace::{Event, Outcome};
use flushq_core::{LoadError, Machine, Scenario};
use flushq_scenario::{load, preset, Format};

impl Text {
    /// The text in `lang`. The texts are listed in the order of [`Lang::ALL`] in an
    /// array of [`Lang::COUNT`], so a language registered there does not build
    /// until lessons have its text.
    pub fn get(&self, lang: Lang) -> &'static str {
        let texts: [&'static str; Lang::COUNT] = [self.en, self.zh];
        texts[lang.index()]
    }
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
        // Not `expect`: that would format the diagnostics with their `Debug`, and
        // carry every message type's `Debug` into the playground's bundle.
        let mut s = load(p.toml, Format::Toml).unwrap_or_else(|_| panic!("shipped presets load"));
        s.script = script.into();
        s
    }

    /// Runs `script` (dialogs are answered as the scenario says: connect unless a
    /// fault cancels) and checks the goal.
    pub fn check(&self, script: &str) -> Result<Verdict, LoadError> {
        self.check_scenario(&self.scenario(script))
    }

    /// Checks the goal on `scenario`: the lesson's own, or one the learner edited
    /// (some goals are reached by changing the profile, not the script).
    pub fn check_scenario(&self, scenario: &Scenario) -> Result<Verdict, LoadError> {
        let (outcome, events) = run(scenario)?;
        let statements = statement_count(&scenario.script).unwrap_or(0);
        Ok(Verdict { checks: check_all(&self.goal, &outcome, &events), statements, par: self.par })
    }
}

fn run(scenario: &Scenario) -> Result<(Outcome, Vec<Event>), LoadError> {
    let mut m = Machine::new(scenario)?;
    m.run();
    Ok((m.outcome(), m.events().to_vec()))
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// Every lesson, in teaching order (built once, on first use, from the values
/// the build script decoded from `lessons/`).
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: std::sync::OnceLock<Vec<Lesson>> = std::sync::OnceLock::new();
    LESSONS.get_or_init(build)
}

/// The lesson with this id.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::file::decode;
    use super::*;
    use crate::catalog;
    use crate::text::one_line;

    /// The problems of lesson file `name`, one a line: `lessons/NAME:LINE:COL: message`
    /// (in English: lesson files are read by the people who write them).
    pub(super) fn located(name: &str, diags: &[LessonDiagnostic]) -> String {
        diags
            .iter()
            .map(|d| {
                format!(
                    "lessons/{name}:{}:{}: {}",
                    d.line,
                    d.col,
                    one_line(catalog::lesson_message_in(&d.message, Lang::EN))
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The embedded lesson files, decoded. They are part of the build and the tests
    /// decode each one, so a broken file here is a bug: it panics with its problems.
    fn decode_all() -> Vec<Lesson> {
        FILES.iter().map(|(name, src)| decode(src).unwrap_or_else(|d| panic!("{}", located(name, &d)))).collect()
    }

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
        let why: Vec<String> = v.checks.iter().filter(|c| !c.passed).map(|c| c.why_in(Lang::EN)).collect();
        assert!(why.iter().any(|w| w.contains("MAPI_E_NO_SUPPORT")), "{why:?}");
        assert!(why.iter().any(|w| w.contains("r3 still waits on Dial-up")), "{why:?}");
    }

    /// Every embedded file decodes; a problem fails the test with its file, line and column.
    /// The build script turned each file into the same lesson as decoding it now.
    #[test]
    fn the_built_lessons_are_the_files_decoded() {
        assert_eq!(lessons(), &decode_all()[..]);
    }

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
