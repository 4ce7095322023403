//! The REPL's exercise commands: `exercise N` (the statement, and a starter file to edit), `check N
//! [FILE]`, `hint`, `watch N [FILE]` (checks again on every save).
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::commands::{Flow, exercise_arg};
use super::input::Input;
use super::session::Session;
use crate::course::Exercise;
use crate::grader::{self, CheckOptions, CheckReport, ExerciseSpec, Verdict};
use crate::msg;
use crate::procs::interrupt;
use anyhow::Result;

/// The exercise folder and spec of the current lesson's exercise `number`, or a message saying why not.
pub(super) fn exercise_and_spec(
    session: &Session,
    number: u32,
    out: &mut dyn Write,
) -> Result<Option<(Exercise, ExerciseSpec)>> {
    let lesson = session.current_lesson();
    let Some(exercise) = session.course.exercise_for(lesson, number) else {
        let id = format!("{}.{number}", lesson.short_name());
        writeln!(
            out,
            "{}",
            msg!("repl-no-exercise-folder", id = id).word(session.lang)
        )?;
        return Ok(None);
    };
    match grader::load_spec(&session.course.files, exercise, session.lang) {
        Ok(spec) => Ok(Some((exercise.clone(), spec))),
        Err(err) => {
            writeln!(out, "{}", crate::i18n::worded_error(&err, session.lang))?;
            Ok(None)
        }
    }
}

/// Where the student's file for an exercise lives: `./atelier-<id>/<file named in the spec>`.
pub fn work_file(spec: &ExerciseSpec) -> PathBuf {
    PathBuf::from(format!("atelier-{}", spec.id)).join(&spec.file)
}

/// `exercise N`: the statement, and the starter written where the student will edit it.
pub fn exercise(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if let Some(rest) = args.strip_prefix("reset") {
        return super::workflow::reset(session, rest.trim(), out);
    }
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    let lang = session.lang;
    let section = session
        .current_lesson()
        .exercise(number)
        .expect("checked")
        .section;
    session.exercise = Some(number);
    session.goto(section, out)?;
    let Some((exercise, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let path = work_file(&spec);
    if path.exists() {
        let path = path.display().to_string();
        writeln!(out, "{}", msg!("repl-file-already-there", path = path).word(lang))?;
    } else {
        let starter = exercise
            .files
            .get(&exercise.bundled_name("starter", &spec.file))
            .cloned()
            .unwrap_or_default();
        crate::atomic_file::write_atomic(&path, &starter)?;
        let path = path.display().to_string();
        writeln!(out, "{}", msg!("repl-starter-written", path = path).word(lang))?;
    }
    writeln!(
        out,
        "{}",
        msg!("repl-exercise-next-steps", number = number).word(lang)
    )?;
    Ok(Flow::Continue)
}

/// The file `check N FILE` names, else the exercise's work file.
fn submission(args: &str, spec: &ExerciseSpec) -> PathBuf {
    match args.split_whitespace().nth(1) {
        Some(file) => PathBuf::from(file),
        None => work_file(spec),
    }
}

/// What a check came to: its report (none when it could not run, which was said), or a stop by Ctrl-C.
#[allow(clippy::large_enum_variant)] // one value per check, moved once: no gain in boxing it
enum Checked {
    Done(Option<CheckReport>),
    Interrupted,
}

/// Runs the check and prints the report; records a pass in the progress.
fn check_once(
    session: &mut Session,
    exercise: &Exercise,
    spec: &ExerciseSpec,
    file: &Path,
    only: Option<&str>,
    out: &mut dyn Write,
) -> Result<Checked> {
    let lang = session.lang;
    if !file.is_file() {
        let missing = msg!(
            "repl-no-such-file",
            path = file.display().to_string(),
            id = &exercise.id
        );
        writeln!(out, "{}", missing.word(lang))?;
        return Ok(Checked::Done(None));
    }
    let checking = msg!(
        "repl-checking",
        path = file.display().to_string(),
        id = &exercise.id
    );
    writeln!(out, "{}", checking.word(lang))?;
    out.flush()?;
    let opts = CheckOptions {
        lang,
        runs: None,
        reference: None,
        only: only.map(String::from),
        ..CheckOptions::default()
    };
    // Ctrl-C while the program runs: the sandbox sees the flag, kills and reaps the whole run, and
    // the REPL goes back to the prompt instead of dying with the signal. `watch` already holds a
    // guard for its whole loop (a second one would clear its flag when dropped).
    let guard = if interrupt::active() {
        None
    } else {
        Some(interrupt::Guard::install()?)
    };
    let result = grader::check_submission(&session.course.files, exercise, file, &opts);
    let interrupted = interrupt::requested();
    drop(guard);
    if interrupted {
        writeln!(out, "{}", lang.text("repl-check-interrupted"))?;
        return Ok(Checked::Interrupted);
    }
    let report = match result {
        Ok(report) => report,
        Err(err) => {
            writeln!(out, "{}", crate::i18n::worded_error(&err, lang))?;
            return Ok(Checked::Done(None));
        }
    };
    crate::view::write_check_report(&report, lang, session.style.color, out)?;
    if only.is_some() {
        // One check passing is not the exercise passing: nothing is recorded.
        return Ok(Checked::Done(Some(report)));
    }
    super::workflow::record_check(session, &report);
    if report.verdict != Verdict::Pass {
        session.save(out)?;
    }
    if report.verdict == Verdict::Pass {
        let slug = session.current_lesson().slug.clone();
        session.progress.lesson_mut(&slug).passed.insert(spec.id.clone());
        session.save(out)?;
        let number = spec.id.rsplit('.').next().unwrap_or("");
        writeln!(out, "{}", msg!("repl-passed", number = number).word(lang))?;
    }
    Ok(Checked::Done(Some(report)))
}

/// `check N [FILE]`.
pub fn check(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let (args, only) = super::workflow::split_only(args);
    let args = args.as_str();
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    session.exercise = Some(number);
    let Some((exercise, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let file = submission(args, &spec);
    if let Checked::Done(report) = check_once(session, &exercise, &spec, &file, only.as_deref(), out)? {
        session.last_report = report;
    }
    Ok(Flow::Continue)
}

/// `hint`: the hints of the checks that failed last time, else the exercise's first hint.
pub fn hint(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    let Some((_, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let last = session.last_report.as_ref().filter(|r| r.exercise == spec.id);
    for hint in grader::hint(&spec, last, session.lang) {
        let line = msg!("repl-hint", check = &hint.check, text = &hint.text);
        writeln!(out, "{}", line.word(session.lang))?;
    }
    Ok(Flow::Continue)
}

/// `watch N [FILE]`: checks now, then again each time the file is saved, until Ctrl-C.
pub fn watch(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    session.exercise = Some(number);
    let Some((exercise, spec)) = exercise_and_spec(session, number, out)? else {
        return Ok(Flow::Continue);
    };
    let file = submission(args, &spec);
    let lang = session.lang;
    if !session.interactive {
        // Without a terminal nobody can press Ctrl-C to stop watching: check once.
        writeln!(out, "{}", lang.text("repl-watch-once"))?;
        if let Checked::Done(report) = check_once(session, &exercise, &spec, &file, None, out)? {
            session.last_report = report;
        }
        return Ok(Flow::Continue);
    }
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut seen: Option<SystemTime> = None;
    // Held for the whole loop, so that Ctrl-C at any moment stops watching, never the REPL.
    let guard = interrupt::Guard::install()?;
    let watching = msg!("repl-watching", path = file.display().to_string());
    writeln!(out, "{}", watching.word(lang))?;
    while !interrupt::requested() {
        let now = modified(&file);
        if now.is_some() && now != seen {
            seen = now;
            match check_once(session, &exercise, &spec, &file, None, out)? {
                Checked::Done(report) => session.last_report = report,
                Checked::Interrupted => break,
            }
            writeln!(out, "{}", lang.text("repl-watch-waiting"))?;
            out.flush()?;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    drop(guard);
    writeln!(out, "{}", lang.text("repl-watch-stopped"))?;
    Ok(Flow::Continue)
}
