//! The student's workflow around exercises (rustlings has the same): `exercises` (every exercise
//! with its status and the next one to do), `exercise reset N` (the starter again, the old file kept
//! as `.bak`), `check N --only NAME` (one check), `edit N` (the file in `$VISUAL`/`$EDITOR`), and
//! `solution N` under a course's `solutions: after-pass` (shown once passed, or after `--give-up`).
use std::io::Write;
use std::path::Path;

use super::commands::{Flow, exercise_arg};
use super::exercises::{exercise_and_spec, work_file};
use super::input::Input;
use super::session::Session;
use crate::course::config::CourseConfig;
use crate::course::frontmatter::SolutionsPolicy;
use crate::grader::{self, CheckReport, Verdict};
use crate::i18n::Message;
use crate::msg;
use crate::progress::LastCheck;
use anyhow::Result;

/// Where an exercise stands for the student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExerciseStatus {
    NotStarted,
    /// The work file exists but was never checked.
    Started,
    Failing {
        score: u32,
        max_score: u32,
    },
    Passed,
}

impl ExerciseStatus {
    /// The status as the student reads it.
    fn message(&self) -> Message {
        match self {
            ExerciseStatus::NotStarted => msg!("repl-status-not-started"),
            ExerciseStatus::Started => msg!("repl-status-started"),
            ExerciseStatus::Failing { score, max_score } => {
                msg!("repl-status-failing", score = *score, max_score = *max_score)
            }
            ExerciseStatus::Passed => msg!("repl-status-passed"),
        }
    }
}

/// `exercises`: every exercise of the course with its status, and the next one to do.
pub fn exercises(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    let mut next: Option<(usize, String)> = None;
    let mut any = false;
    for (index, lesson) in session.course.lessons.iter().enumerate() {
        if lesson.exercises.is_empty() {
            continue;
        }
        writeln!(out, "{} — {}", lesson.short_name(), lesson.title)?;
        let done = session
            .progress
            .lessons
            .get(&lesson.slug)
            .cloned()
            .unwrap_or_default();
        for entry in &lesson.exercises {
            any = true;
            let id = format!("{}.{}", lesson.short_name(), entry.number);
            let file = session
                .course
                .exercise_for(lesson, entry.number)
                .and_then(|e| grader::load_spec(&session.course.files, e).ok())
                .map(|spec| work_file(&spec));
            let status = if done.passed.contains(&id) {
                ExerciseStatus::Passed
            } else if let Some(last) = done.last_check.get(&id) {
                ExerciseStatus::Failing {
                    score: last.score,
                    max_score: last.max_score,
                }
            } else if file.as_deref().is_some_and(Path::is_file) {
                ExerciseStatus::Started
            } else {
                ExerciseStatus::NotStarted
            };
            let mark = match status {
                ExerciseStatus::Passed => "✓",
                ExerciseStatus::Failing { .. } => "✗",
                ExerciseStatus::Started => "…",
                ExerciseStatus::NotStarted => " ",
            };
            writeln!(
                out,
                "  {mark} {id:<6} {:<40} {}",
                entry.title,
                status.message().word(lang)
            )?;
            // The next pending one: from the current lesson on, then from the start.
            let rank = (index + session.course.lessons.len() - session.lesson) % session.course.lessons.len();
            if status != ExerciseStatus::Passed && next.as_ref().is_none_or(|(r, _)| rank < *r) {
                next = Some((rank, id));
            }
        }
    }
    if !any {
        writeln!(out, "{}", lang.text("repl-no-exercise-in-course"))?;
    } else {
        match next {
            Some((_, id)) => {
                let number = id.rsplit('.').next().unwrap_or(&id);
                let next = msg!("repl-next-exercise", id = &id, number = number);
                writeln!(out, "{}", next.word(lang))?
            }
            None => writeln!(out, "{}", lang.text("repl-all-passed"))?,
        }
    }
    Ok(Flow::Continue)
}

/// `exercise reset N`: the starter again; the student's file is kept as `<file>.bak`.
pub fn reset(session: &mut Session, args: &str, out: &mut dyn Write) -> Result<Flow> {
    let lang = session.lang;
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    let Some((exercise, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let path = work_file(&spec);
    let starter = exercise
        .files
        .get(&exercise.bundled_name("starter", &spec.file))
        .cloned()
        .unwrap_or_default();
    if path.is_file() {
        let mut backup = path.clone().into_os_string();
        backup.push(".bak");
        std::fs::copy(&path, &backup).map_err(|e| {
            let failed = msg!(
                "repl-backup-failed",
                path = path.display().to_string(),
                error = e.to_string()
            );
            anyhow::anyhow!("{}", failed.word(lang))
        })?;
        let kept = msg!("repl-file-kept", path = Path::new(&backup).display().to_string());
        writeln!(out, "{}", kept.word(lang))?;
    }
    crate::atomic_file::write_atomic(&path, &starter)?;
    let restored = msg!("repl-starter-restored", path = path.display().to_string());
    writeln!(out, "{}", restored.word(lang))?;
    Ok(Flow::Continue)
}

/// Splits `--only NAME` out of a command's arguments.
pub fn split_only(args: &str) -> (String, Option<String>) {
    let mut rest = Vec::new();
    let mut only = None;
    let mut words = args.split_whitespace();
    while let Some(word) = words.next() {
        if word == "--only" {
            only = words.next().map(String::from);
        } else if let Some(name) = word.strip_prefix("--only=") {
            only = Some(name.to_string());
        } else {
            rest.push(word);
        }
    }
    (rest.join(" "), only)
}

/// Records a whole check (not a `--only` one) in the progress, for `exercises`.
pub fn record_check(session: &mut Session, report: &CheckReport) {
    let slug = session.current_lesson().slug.clone();
    let lesson = session.progress.lesson_mut(&slug);
    lesson.last_check.insert(
        report.exercise.clone(),
        LastCheck {
            score: report.score,
            max_score: report.max_score,
            passed: report.verdict == Verdict::Pass,
        },
    );
}

/// `edit N`: the exercise's file (the starter written first when needed) in `$VISUAL`/`$EDITOR`.
pub fn edit(session: &mut Session, args: &str, out: &mut dyn Write, input: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    let Some((_, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let path = work_file(&spec);
    if !path.is_file() {
        // The same starter `exercise N` writes.
        super::exercises::exercise(session, &number.to_string(), out, input)?;
    }
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty());
    let Some(editor) = editor else {
        let no_editor = msg!("repl-no-editor", path = path.display().to_string());
        writeln!(out, "{}", no_editor.word(lang))?;
        return Ok(Flow::Continue);
    };
    out.flush()?;
    // The editor may be a command with arguments (`code --wait`): run through the shell, with the
    // path as a separate argument so that no quoting of it is needed.
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("atelier-edit")
        .arg(&path)
        .status();
    match status {
        Ok(status) if status.success() => {
            writeln!(out, "{}", msg!("repl-saved-check-it", number = number).word(lang))?
        }
        Ok(status) => writeln!(out, "{editor}: {status}")?,
        Err(err) => writeln!(out, "{editor}: {err}")?,
    }
    Ok(Flow::Continue)
}

/// `solution N [--give-up]`: under `solutions: after-pass`, only once exercise N passed, or after an
/// explicit give-up (recorded in the progress). Otherwise as the lesson has it.
pub fn solution(
    session: &mut Session,
    args: &str,
    out: &mut dyn Write,
    input: &mut dyn Input,
) -> Result<Flow> {
    let lang = session.lang;
    let (args, give_up) = {
        let words: Vec<&str> = args.split_whitespace().collect();
        let give_up = words.iter().any(|w| *w == "--give-up" || *w == "--abandon");
        let rest: Vec<&str> = words.into_iter().filter(|w| !w.starts_with("--")).collect();
        (rest.join(" "), give_up)
    };
    let Some(number) = exercise_arg(session, &args, out)? else {
        return Ok(Flow::Continue);
    };
    let lesson = session.current_lesson();
    // The lesson's frontmatter says, else the course's `atelier.yaml`, else open.
    let policy = lesson.frontmatter.atelier.solutions.or_else(|| {
        CourseConfig::of(&session.course.files)
            .ok()
            .and_then(|c| c.solutions)
    });
    if policy == Some(SolutionsPolicy::AfterPass) {
        let id = format!("{}.{number}", lesson.short_name());
        let slug = lesson.slug.clone();
        let done = session.progress.lessons.get(&slug).cloned().unwrap_or_default();
        let allowed = done.passed.contains(&id) || done.gave_up.contains(&id);
        if !allowed && !give_up {
            let after_pass = msg!("repl-solution-after-pass", number = number);
            writeln!(out, "{}", after_pass.word(lang))?;
            return Ok(Flow::Continue);
        }
        if !allowed {
            session.progress.lesson_mut(&slug).gave_up.insert(id);
            session.save(out)?;
        }
    }
    super::commands::solution(session, &number.to_string(), out, input)
}
