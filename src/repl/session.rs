//! The REPL's state — which course, lesson and section, the saved progress — and the actions the
//! commands are made of. Everything writes into a `&mut dyn Write`, so it is testable without a terminal.
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;

use crate::course::{Course, Lesson, Section};
use crate::i18n::Lang;
use crate::progress::{Place, Progress, Store};
use crate::render::{self, Style, pager};

/// What the REPL is started with.
#[derive(Debug, Clone, Default)]
pub struct ReplOptions {
    /// The course folder (`reload` re-reads it); `None` for the built-in course.
    pub course_dir: Option<PathBuf>,
    /// The language asked for (`--lang`), over the lesson's.
    pub lang: Option<Lang>,
}

/// A student's session.
pub struct Session {
    pub options: ReplOptions,
    pub course: Course,
    /// Index of the current lesson in `course.lessons`.
    pub lesson: usize,
    /// Index of the current section in the lesson.
    pub section: usize,
    pub lang: Lang,
    pub style: Style,
    /// Page long sections to this many rows (a terminal), or print them whole (`None`).
    pub rows: Option<usize>,
    pub progress: Progress,
    /// Where progress is saved; `None` keeps it in memory (tests).
    pub store: Option<Store>,
    /// The exercise the student last opened or checked (for `hint`).
    pub exercise: Option<u32>,
    /// The last check's report (for `hint`).
    pub last_report: Option<crate::grader::CheckReport>,
    /// Stdin and stdout are a terminal (a student at the keyboard, who can press Ctrl-C).
    pub interactive: bool,
}

impl Session {
    /// A session on `course`, at the saved place when there is one (else the first lesson's start).
    /// Returns the session and whether it resumed.
    pub fn new(
        options: ReplOptions,
        course: Course,
        progress: Progress,
        store: Option<Store>,
        style: Style,
    ) -> (Session, bool) {
        let place = progress.current.as_ref().and_then(|Place { lesson, section }| {
            let l = course.find_lesson(lesson).ok()?;
            Some((l, course.lessons[l].find_section(section)?))
        });
        let (lesson, section) = place.unwrap_or((0, 0));
        let lang = Lang::resolve(
            options.lang,
            course.lessons.get(lesson).map_or(Lang::Fr, |l| l.lang),
        );
        let session = Session {
            options,
            course,
            lesson,
            section,
            lang,
            style,
            rows: None,
            progress,
            store,
            exercise: None,
            last_report: None,
            interactive: false,
        };
        (session, place.is_some())
    }

    pub fn current_lesson(&self) -> &Lesson {
        &self.course.lessons[self.lesson]
    }

    /// The current section (`None` only for a lesson model built without one).
    pub fn current_section(&self) -> Option<&Section> {
        self.current_lesson().sections.get(self.section)
    }

    /// `43 §2 › `
    pub fn prompt(&self) -> String {
        match self.course.lessons.get(self.lesson) {
            Some(lesson) => format!("{} §{} › ", lesson.short_name(), self.section + 1),
            None => "atelier › ".to_string(),
        }
    }

    /// Writes text, paged when the session pages.
    pub fn write_paged(&self, text: &str, out: &mut dyn Write) -> io::Result<()> {
        pager::page(text, self.rows, self.lang, out)
    }

    /// Shows the current section, marks it seen and saves.
    pub fn show_current(&mut self, out: &mut dyn Write) -> Result<()> {
        let text = render::render_section(self.current_lesson(), self.section, self.lang, self.style);
        self.write_paged(&text, out)?;
        self.mark_seen();
        self.save(out)
    }

    /// Moves to section `index` of the current lesson and shows it.
    pub fn goto(&mut self, index: usize, out: &mut dyn Write) -> Result<()> {
        self.section = index;
        self.show_current(out)
    }

    /// The lesson's title and introduction (the first screen of a fresh start).
    pub fn show_intro(&self, out: &mut dyn Write) -> Result<()> {
        let lesson = self.current_lesson();
        if lesson.sections.first().is_some_and(|s| s.level == 1) {
            // A lesson without `##` is one section under the title: showing it says it all.
            return Ok(());
        }
        let mut text = render::heading(1, &lesson.title, self.style);
        let intro = render::render_intro(lesson, self.lang, self.style);
        if !intro.is_empty() {
            text.push('\n');
            text.push_str(&intro);
        }
        self.write_paged(&text, out)?;
        Ok(())
    }

    fn mark_seen(&mut self) {
        let Some(anchor) = self.current_section().map(|s| s.anchor.clone()) else {
            return;
        };
        let slug = self.current_lesson().slug.clone();
        self.progress.lesson_mut(&slug).seen.insert(anchor.clone());
        self.progress.current = Some(Place {
            lesson: slug,
            section: anchor,
        });
    }

    /// Saves the progress; a failure is reported, not fatal (the lesson goes on).
    pub fn save(&mut self, out: &mut dyn Write) -> Result<()> {
        if let Some(store) = &self.store
            && let Err(err) = store.save(&self.progress)
        {
            let error = crate::i18n::worded_error(&err, self.lang);
            writeln!(
                out,
                "{}",
                crate::msg!("repl-progress-not-saved", error = error).word(self.lang)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::course::CourseFiles;

    /// A session on the built-in course, in memory, plain, in French.
    pub fn session() -> Session {
        let course = Course::from_files(CourseFiles::builtin());
        let options = ReplOptions {
            course_dir: None,
            lang: Some(Lang::Fr),
        };
        Session::new(options, course, Progress::default(), None, Style::plain(80)).0
    }

    #[test]
    fn prompt_shows_lesson_and_section() {
        let mut s = session();
        assert_eq!(s.prompt(), "43 §1 › ");
        let mut out = Vec::new();
        s.goto(2, &mut out).unwrap();
        assert_eq!(s.prompt(), "43 §3 › ");
        assert!(String::from_utf8(out).unwrap().contains("Pool"));
        assert_eq!(s.progress.current.as_ref().unwrap().section, "pool-de-processus");
    }

    #[test]
    fn resumes_at_the_saved_place() {
        let course = Course::from_files(CourseFiles::builtin());
        let progress = Progress {
            current: Some(Place {
                lesson: "43".into(),
                section: "communication-inter-processus".into(),
            }),
            ..Progress::default()
        };
        let (s, resumed) = Session::new(ReplOptions::default(), course, progress, None, Style::plain(80));
        assert!(resumed);
        assert_eq!(s.section, 3);
    }
}
