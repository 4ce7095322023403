//! `atelier lint`: the instructor's content checker. Parses every lesson and exercise spec, checks the
//! links between them (anchors, demos), and runs every reference solution (must pass) and starter
//! (must fail) against its spec, so that problems show up before the students see them.
use std::io::Write;

use anyhow::Result;

use crate::course::{Course, Exercise, Problem};
use crate::grader::{self, CheckOptions, ExerciseSpec, Verdict};
use crate::i18n::Lang;

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
pub fn summary(findings: &Findings, where_: &str, lang: Lang) -> String {
    format!(
        "{where_}{}{}, {}, {} {}, {} {} — {}",
        lang.pick(" : ", ": "),
        lang.count(findings.lessons, "leçon", "leçons", "lesson", "lessons"),
        lang.count(
            findings.exercises,
            "exercice",
            "exercices",
            "exercise",
            "exercises"
        ),
        lang.count(
            findings.solutions,
            "solution vérifiée",
            "solutions vérifiées",
            "solution checked",
            "solutions checked"
        ),
        lang.pick("(doivent réussir)", "(must pass)"),
        lang.count(
            findings.starters,
            "starter vérifié",
            "starters vérifiés",
            "starter checked",
            "starters checked"
        ),
        lang.pick("(doivent échouer)", "(must fail)"),
        lang.count(
            findings.problems.len(),
            "problème",
            "problèmes",
            "problem",
            "problems"
        ),
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
                findings.problems.push(Problem {
                    file: lesson.file.clone(),
                    line: Some(section.line),
                    message: format!(
                        "section `{}` has no anchor: add {{#{}}} so that links and progress survive a change of title",
                        section.title, section.anchor
                    ),
                });
            }
            for demo in &section.demos {
                if crate::demos::find(demo).is_none() {
                    let known: Vec<&str> = crate::demos::DEMOS.iter().map(|d| d.name).collect();
                    findings.problems.push(Problem {
                        file: lesson.file.clone(),
                        line: Some(section.line),
                        message: format!(
                            "section `{}` links to unknown demo `{demo}` (demos: {})",
                            section.anchor,
                            known.join(", ")
                        ),
                    });
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
        None => problems.push(Problem {
            file: file.to_string(),
            line: key_line(exercise, "lesson"),
            message: format!("lesson: no lesson has chapter number {}", spec.lesson),
        }),
        Some(lesson)
            if lesson
                .find_section(&spec.anchor)
                .is_none_or(|i| lesson.sections[i].anchor != spec.anchor) =>
        {
            let anchors: Vec<&str> = lesson.anchors().collect();
            problems.push(Problem {
                file: file.to_string(),
                line: key_line(exercise, "anchor"),
                message: format!(
                    "anchor: `{}` is not a section of {} (anchors: {})",
                    spec.anchor,
                    lesson.file,
                    anchors.join(", ")
                ),
            });
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
        findings.problems.push(Problem {
            file: course.files.display_path(&format!("{}/exercise.yaml", exercise.dir)),
            line: key_line(exercise, "run"),
            message: format!(
                "run: `{program}` is not installed on this machine (looked in {}): the solution and the starter cannot be run",
                crate::sandbox::RUN_PATH
            ),
        });
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
            findings.problems.push(Problem {
                file: shown,
                line: None,
                message: format!("missing ({name} is required)"),
            });
            continue;
        }
        write!(out, "{} {} … ", lang.pick("vérifie", "checking"), shown)?;
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
            Err(err) => Some(format!("could not be checked: {err:#}")),
            Ok(report) => match (must_pass, report.verdict) {
                (true, Verdict::Pass) | (false, Verdict::Fail) => None,
                (true, _) => {
                    let failed: Vec<String> = report
                        .failed()
                        .map(|c| format!("{} ({})", c.name, c.message))
                        .collect();
                    Some(format!(
                        "the reference solution must pass its spec, but failed: {}",
                        failed.join("; ")
                    ))
                }
                (false, Verdict::Pass) => Some(
                    "the starter passes its spec: the checks cannot tell unfinished work from done".into(),
                ),
                (false, _) => Some(format!(
                    "the starter must fail its checks, not end in `{:?}`",
                    report.verdict
                )),
            },
        };
        match problem {
            None => writeln!(out, "ok")?,
            Some(message) => {
                writeln!(out, "{}", lang.pick("PROBLÈME", "PROBLEM"))?;
                findings.problems.push(Problem {
                    file: shown,
                    line: None,
                    message,
                });
            }
        }
    }
    Ok(())
}
