//! Issue 12: the student's workflow in the REPL, through the binary with piped stdin (HOME and XDG
//! folders in a temporary directory): `exercises`, `exercise reset N`, `check N --only NAME`,
//! `edit N`, and `solution N` under the lesson's `solutions: after-pass`.
mod util;

use std::path::PathBuf;

use util::{atelier_in, root};

const SOLUTION: &str = include_str!("fixtures/course-cases/exercises/20.1-word-count/solution.py");
const STARTER: &str = include_str!("fixtures/course-cases/exercises/20.1-word-count/starter.py");

fn course() -> PathBuf {
    root().join("tests/fixtures/course-cases")
}

/// Runs the REPL on the fixture course with `lines` on stdin, in `home` (kept between sessions).
fn repl(home: tempfile::TempDir, lines: &str) -> (String, tempfile::TempDir) {
    let run = atelier_in(home)
        .args(["--lang", "en", "--course"])
        .args([course()])
        .stdin(lines)
        .run()
        .code(0);
    (run.stdout(), run.home)
}

fn work_file(home: &tempfile::TempDir) -> PathBuf {
    home.path().join("atelier-20.1/words.py")
}

#[test]
fn exercises_lists_status_and_the_next_one() {
    let (out, home) = repl(tempfile::tempdir().unwrap(), "exercises\nquit\n");
    assert!(out.contains("20.1") && out.contains("not started"), "{out}");
    assert!(out.contains("Next exercise: 20.1"), "{out}");

    let (out, home) = repl(home, "exercise 1\nexercises\nquit\n");
    assert!(out.contains("started, not checked yet"), "{out}");

    // The starter fails: 2 of 8 points (its exit status and the TAG line).
    let (out, home) = repl(home, "check 1\nexercises\nquit\n");
    assert!(out.contains("failing 2/8"), "{out}");

    std::fs::write(work_file(&home), SOLUTION).unwrap();
    let (out, _) = repl(home, "check 1\nexercises\nquit\n");
    assert!(out.contains("✓ 20.1") && out.contains("passed"), "{out}");
    assert!(out.contains("Every exercise has passed!"), "{out}");
}

#[test]
fn exercise_reset_restores_the_starter_and_keeps_a_backup() {
    let (_, home) = repl(tempfile::tempdir().unwrap(), "exercise 1\nquit\n");
    std::fs::write(work_file(&home), "# my attempt\n").unwrap();
    let (out, home) = repl(home, "exercise reset 1\nquit\n");
    assert!(out.contains("Starter restored"), "{out}");
    assert_eq!(std::fs::read_to_string(work_file(&home)).unwrap(), STARTER);
    let backup = home.path().join("atelier-20.1/words.py.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), "# my attempt\n");
}

#[test]
fn check_only_runs_one_check_and_records_no_pass() {
    let (_, home) = repl(tempfile::tempdir().unwrap(), "exercise 1\nquit\n");
    // Right on the env line only: `--only tag-from-env` passes with 1/1.
    let (out, home) = repl(home, "check 1 --only tag-from-env\nexercises\nquit\n");
    assert!(
        out.contains("tag-from-env") && out.contains("1/1 — PASSED"),
        "{out}"
    );
    assert!(!out.contains("count-words-returns"), "{out}");
    assert!(
        out.contains("started, not checked yet"),
        "one check is not the exercise: {out}"
    );
    let (out, _) = repl(home, "check 1 --only nothing-like-it\nquit\n");
    assert!(out.contains("no check is named `nothing-like-it`"), "{out}");
}

/// The course's progress file (a `--course` folder keeps its own under `courses/<name>-<hash>/`).
fn progress_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n == "progress.json") {
                return path;
            }
        }
    }
    panic!("no progress.json under {}", dir.display());
}

#[test]
fn solution_waits_for_a_pass_or_a_give_up() {
    let (out, home) = repl(tempfile::tempdir().unwrap(), "solution 1\nquit\n");
    assert!(out.contains("shows once the exercise has passed"), "{out}");
    assert!(!out.contains("len(text.split())"), "{out}");

    let (out, home) = repl(home, "solution 1 --give-up\nquit\n");
    assert!(out.contains("len(text.split())"), "{out}");
    let progress = std::fs::read_to_string(progress_file(&home.path().join("data/atelier"))).unwrap();
    assert!(
        progress.contains("gave_up") && progress.contains("20.1"),
        "{progress}"
    );
    // Recorded: the next time it shows without asking again.
    let (out, _) = repl(home, "solution 1\nquit\n");
    assert!(out.contains("len(text.split())"), "{out}");

    // A pass opens it too.
    let (_, home) = repl(tempfile::tempdir().unwrap(), "exercise 1\nquit\n");
    std::fs::write(work_file(&home), SOLUTION).unwrap();
    let (out, _) = repl(home, "check 1\nsolution 1\nquit\n");
    assert!(out.contains("len(text.split())"), "{out}");
}

#[test]
fn edit_opens_the_file_in_the_editor() {
    let home = tempfile::tempdir().unwrap();
    let editor = home.path().join("fake-editor.sh");
    std::fs::write(&editor, "#!/bin/sh\necho '# edited by the editor' >> \"$1\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = atelier_in(home)
        .args(["--lang", "en", "--course"])
        .args([course()])
        .env("EDITOR", &editor)
        .stdin("edit 1\nquit\n")
        .run()
        .code(0);
    let text = std::fs::read_to_string(work_file(&run.home)).unwrap();
    assert!(
        text.starts_with(STARTER) && text.ends_with("# edited by the editor\n"),
        "{text}"
    );
    assert!(run.stdout().contains("check 1"), "{}", run.stdout());
}

#[test]
fn the_repl_check_never_shows_a_hidden_checks_expected_values_or_hint() {
    let (_, home) = repl(tempfile::tempdir().unwrap(), "exercise 1\nquit\n");
    // average() wrong: the hidden check fails.
    std::fs::write(
        work_file(&home),
        SOLUTION.replace("return sum(numbers) / len(numbers)", "return 7"),
    )
    .unwrap();
    let (out, _) = repl(home, "check 1\nhint\nquit\n");
    assert!(
        out.contains("average-hidden") && out.contains("hidden check"),
        "{out}"
    );
    assert!(!out.contains("SECRET-HINT") && !out.contains("2.333"), "{out}");
}

#[test]
fn the_course_config_can_ask_for_solutions_after_a_pass() {
    let course = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(root().join("tests/fixtures/course-cases/."))
        .arg(course.path())
        .status()
        .unwrap();
    assert!(status.success());
    let lesson = course.path().join("lessons/20-text.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("atelier:\n  solutions: after-pass\n", "")).unwrap();
    let run_repl = |lines: &str| {
        util::atelier()
            .args(["--lang", "en", "--course"])
            .args([course.path()])
            .stdin(lines)
            .run()
            .code(0)
            .stdout()
    };
    // Open by default.
    assert!(run_repl("solution 1\nquit\n").contains("len(text.split())"));
    std::fs::write(course.path().join("atelier.yaml"), "solutions: after-pass\n").unwrap();
    let out = run_repl("solution 1\nquit\n");
    assert!(
        out.contains("shows once the exercise has passed") && !out.contains("len(text.split())"),
        "{out}"
    );
    // A typo in it is a lint problem naming the file.
    std::fs::write(course.path().join("atelier.yaml"), "solution: after-pass\n").unwrap();
    let lint = util::atelier().args(["lint"]).args([course.path()]).run().code(1);
    assert!(
        lint.stdout().contains("atelier.yaml:1") && lint.stdout().contains("solution"),
        "{}",
        lint.stdout()
    );
}
