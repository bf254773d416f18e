//! Lesson progress: the best score per solved lesson, kept in localStorage and
//! exported or imported as a small text file.

use super::Toast;
use crate::browser;
use crate::i18n::{self, ui, Lang};
use crate::progress::Progress;
use yew::prelude::*;

/// The saved progress and what the lessons panel does with it.
pub struct LessonProgress {
    /// Best statement counts of solved lessons.
    pub progress: UseStateHandle<Progress>,
    /// A lesson was solved in N statements: record it if it beats the best.
    pub on_solved: Callback<(String, usize)>,
    /// Download the progress as a text file.
    pub on_export: Callback<()>,
    /// The text of a progress file to merge in.
    pub on_import: Callback<String>,
}

/// The progress saved on an earlier visit, with callbacks that save it again
/// and say so in the toast (in `lang`).
#[hook]
pub fn use_progress(lang: Lang, toast: &Toast) -> LessonProgress {
    let progress = use_state(|| Progress::parse(&browser::load_progress().unwrap_or_default()));
    LessonProgress {
        on_solved: on_solved(&progress, toast, lang),
        on_export: on_export(&progress),
        on_import: on_import(&progress, toast, lang),
        progress,
    }
}

fn on_solved(progress: &UseStateHandle<Progress>, toast: &Toast, lang: Lang) -> Callback<(String, usize)> {
    let progress = progress.clone();
    let toast = toast.clone();
    Callback::from(move |(id, n): (String, usize)| {
        let mut p = (*progress).clone();
        if p.record(&id, n) {
            browser::save_progress(&p.to_text());
            progress.set(p);
            toast.set(Some(i18n::catalog(lang).toast(ui::Toast::Solved(n))));
        }
    })
}

fn on_export(progress: &UseStateHandle<Progress>) -> Callback<()> {
    let progress = progress.clone();
    Callback::from(move |_| browser::download("flushq-progress.txt", "text/plain", &progress.to_text()))
}

fn on_import(progress: &UseStateHandle<Progress>, toast: &Toast, lang: Lang) -> Callback<String> {
    let progress = progress.clone();
    let toast = toast.clone();
    Callback::from(move |text: String| {
        let mut p = (*progress).clone();
        let imported = Progress::parse(&text);
        for (id, n) in &imported.0 {
            p.record(id, *n);
        }
        browser::save_progress(&p.to_text());
        progress.set(p);
        let n = imported.0.len();
        toast.set(Some(i18n::catalog(lang).toast(ui::Toast::Imported(n))));
    })
}
