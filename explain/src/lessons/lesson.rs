//! A lesson as data: what the build script decodes each lesson file into and
//! writes back out as code (it reads this file too).

use crate::goal::Assertion;
use alloc::vec::Vec;

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
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
