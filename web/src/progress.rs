//! The learner's progress through the lessons: best statement counts of the
//! solved ones, saved as text.

use flushq_explain::lessons::lessons;

/// Best statement counts of solved lessons, by id: `id count` per line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress(pub Vec<(String, usize)>);

impl Progress {
    /// Reads the saved text form; unknown or malformed lines are skipped.
    pub fn parse(text: &str) -> Progress {
        let known: Vec<&str> = lessons().iter().map(|l| l.id).collect();
        Progress(
            text.lines()
                .filter_map(|l| {
                    let (id, n) = l.trim().split_once(' ')?;
                    let n = n.trim().parse().ok()?;
                    known.contains(&id).then(|| (id.to_string(), n))
                })
                .collect(),
        )
    }

    /// The text form.
    pub fn to_text(&self) -> String {
        self.0.iter().map(|(id, n)| format!("{id} {n}\n")).collect()
    }

    /// The best score of lesson `id`, if solved.
    pub fn best(&self, id: &str) -> Option<usize> {
        self.0.iter().find(|(i, _)| i == id).map(|(_, n)| *n)
    }

    /// Records a solve; keeps the best (lowest) statement count.
    pub fn record(&mut self, id: &str, statements: usize) -> bool {
        match self.0.iter_mut().find(|(i, _)| i == id) {
            Some((_, best)) if *best <= statements => false,
            Some((_, best)) => {
                *best = statements;
                true
            }
            None => {
                self.0.push((id.to_string(), statements));
                true
            }
        }
    }
}
