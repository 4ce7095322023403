//! `atelier lint`: the instructor's content checker. Parses every lesson and exercise spec, checks the
//! links between them (anchors, demos), and runs every reference solution (must pass) and starter
//! (must fail) against its spec, so that problems show up before the students see them.
use std::io::Write;

use anyhow::Result;

use crate::course::{Course, Exercise, Problem};
use crate::grader::{self, CheckOptions, ExerciseSpec, Verdict};
use crate::i18n::{Lang, Message};
use crate::msg;

/// What lint found.
#[derive(Debug, Default)]
pub struct Findings {
    pub problems: Vec<Problem>,
    pub lessons: usize,
    pub exercises: usize,
    pub solutions: usize,
    pub starters: usize,
}

/// The last line of `atelier lint`: what was checked and how many problems, counts agreeing with
/// their nouns ("1 leçon", "2 problèmes").
pub fn summary(findings: &Findings, where_: &str) -> Message {
    msg!(
        "lint-summary",
        place = where_,
        lessons = msg!("lint-lessons", count = findings.lessons),
        exercises = msg!("lint-exercises", count = findings.exercises),
        solutions = msg!("lint-solutions", count = findings.solutions),
        starters = msg!("lint-starters", count = findings.starters),
        problems = msg!("lint-problems", count = findings.problems.len()),
    )
}

/// Lints a loaded course; progress lines go to `out`.
pub fn lint(course: &Course, lang: Lang, out: &mut dyn Write) -> Result<Findings> {
    let mut findings = Findings {
        lessons: course.lessons.len(),
        ..Findings::default()
    };
    findings.problems.extend(course.problems.iter().cloned());
    findings.problems.extend(course.notes.iter().cloned());
    if let Err(problem) = crate::course::config::CourseConfig::of(&course.files) {
        findings.problems.push(problem);
    }
    for lesson in &course.lessons {
        for section in &lesson.sections {
            if section.level == 2 && !section.explicit_anchor {
                findings.problems.push(Problem::new(
                    lesson.file.clone(),
                    Some(section.line),
                    msg!(
                        "lint-section-no-anchor",
                        title = &section.title,
                        anchor = &section.anchor
                    ),
                ));
            }
            for demo in &section.demos {
                if crate::demos::find(demo).is_none() {
                    let known: Vec<&str> = crate::demos::DEMOS.iter().map(|d| d.name).collect();
                    findings.problems.push(Problem::new(
                        lesson.file.clone(),
                        Some(section.line),
                        msg!(
                            "lint-demo-unknown",
                            anchor = &section.anchor,
                            demo = demo,
                            known = known.join(", ")
                        ),
                    ));
                }
            }
        }
    }
    for exercise in &course.exercises {
        let spec_file = course
            .files
            .display_path(&format!("{}/exercise.yaml", exercise.dir));
        let spec = match grader::spec_or_problem(&course.files, exercise) {
            Ok(spec) => spec,
            Err(problem) => {
                findings.problems.push(problem);
                continue;
            }
        };
        findings.exercises += 1;
        link_problems(course, exercise, &spec, &spec_file, &mut findings.problems);
        run_reference_files(course, exercise, lang, out, &mut findings)?;
    }
    Ok(findings)
}

/// The line of `key:` in the spec's text, for messages about its value.
fn key_line(exercise: &Exercise, key: &str) -> Option<usize> {
    let text = std::str::from_utf8(exercise.files.get("exercise.yaml")?).ok()?;
    grader::spec_location::find_key_line(text, key)
}

/// The spec's lesson and anchor must exist.
fn link_problems(
    course: &Course,
    exercise: &Exercise,
    spec: &ExerciseSpec,
    file: &str,
    problems: &mut Vec<Problem>,
) {
    let lesson = course.lessons.iter().find(|l| l.number == Some(spec.lesson));
    match lesson {
        None => problems.push(Problem::new(
            file,
            key_line(exercise, "lesson"),
            msg!("lint-lesson-number-unknown", number = spec.lesson),
        )),
        Some(lesson)
            if lesson
                .find_section(&spec.anchor)
                .is_none_or(|i| lesson.sections[i].anchor != spec.anchor) =>
        {
            let anchors: Vec<&str> = lesson.anchors().collect();
            problems.push(Problem::new(
                file,
                key_line(exercise, "anchor"),
                msg!(
                    "lint-anchor-not-section",
                    anchor = &spec.anchor,
                    lesson = &lesson.file,
                    anchors = anchors.join(", ")
                ),
            ));
        }
        Some(_) => {}
    }
}

/// The reference solution must pass and the starter must fail.
fn run_reference_files(
    course: &Course,
    exercise: &Exercise,
    lang: Lang,
    out: &mut dyn Write,
    findings: &mut Findings,
) -> Result<()> {
    let spec = grader::spec_or_problem(&course.files, exercise).ok();
    let file = spec.as_ref().map_or("x.py", |s| s.file.as_str());
    if let Some(spec) = &spec
        && let Some(program) = spec.run.split_whitespace().next()
        && crate::sandbox::resolve_program(program).is_none()
    {
        // Said once, instead of two "could not be checked" for the solution and the starter.
        findings.problems.push(Problem::new(
            course
                .files
                .display_path(&format!("{}/exercise.yaml", exercise.dir)),
            key_line(exercise, "run"),
            msg!(
                "lint-run-missing",
                program = program,
                path = crate::sandbox::RUN_PATH
            ),
        ));
        return Ok(());
    }
    let names = [
        (exercise.bundled_name("solution", file), true),
        (exercise.bundled_name("starter", file), false),
    ];
    for (name, must_pass) in names {
        let name = name.as_str();
        let shown = course.files.display_path(&format!("{}/{name}", exercise.dir));
        if !exercise.files.contains_key(name) {
            findings
                .problems
                .push(Problem::new(shown, None, msg!("lint-file-missing", name = name)));
            continue;
        }
        write!(out, "{} ", lang.word(&msg!("lint-checking", file = &shown)))?;
        out.flush()?;
        let opts = CheckOptions {
            lang,
            runs: Some(1),
            reference: None,
            reveal_hidden: true,
            only: None,
        };
        let verdict = grader::check_bundled(&course.files, exercise, name, &opts);
        if must_pass {
            findings.solutions += 1;
        } else {
            findings.starters += 1;
        }
        let problem = match verdict {
            Err(err) => Some(msg!(
                "lint-could-not-check",
                error = crate::i18n::worded_error(&err, lang)
            )),
            Ok(report) => match (must_pass, report.verdict) {
                (true, Verdict::Pass) | (false, Verdict::Fail) => None,
                (true, _) => {
                    let failed: Vec<String> = report
                        .failed()
                        .map(|c| format!("{} ({})", c.name, c.message))
                        .collect();
                    Some(msg!("lint-solution-failed", failed = failed.join("; ")))
                }
                (false, Verdict::Pass) => Some(msg!("lint-starter-passes")),
                (false, _) => Some(msg!(
                    "lint-starter-ends",
                    verdict = format!("{:?}", report.verdict)
                )),
            },
        };
        match problem {
            None => writeln!(out, "{}", lang.text("lint-ok"))?,
            Some(message) => {
                writeln!(out, "{}", lang.text("lint-problem"))?;
                findings.problems.push(Problem::new(shown, None, message));
            }
        }
    }
    Ok(())
}
