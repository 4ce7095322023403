//! Instructors: lint on the shipped course and on a second course, scaffolds that lint clean, a broken
//! anchor caught with file and line, and the second course through toc, show and check.
mod util;

use util::{atelier, root};

fn fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/course-recursion")
}

#[test]
fn lint_passes_on_the_shipped_course_and_says_what_it_checked() {
    let run = atelier().args(["lint"]).run().code(0);
    let out = run.stdout();
    // Changed behaviour: this pinned "1 leçons"; counts now agree with their noun.
    assert!(out.contains("1 leçon, 3 exercices, 3 solutions"), "{out}");
    assert!(out.contains("3 starters"), "{out}");
    assert!(out.contains("0 problème"), "{out}");
}

#[test]
fn scaffolded_course_lints_clean_and_a_broken_anchor_is_caught() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cours");
    std::fs::create_dir(&dir).unwrap();
    atelier()
        .current_dir(&dir)
        .args(["new", "lesson", "44", "asyncio"])
        .run()
        .code(0);
    atelier()
        .current_dir(&dir)
        .args(["new", "exercise", "44.1"])
        .run()
        .code(0);
    let run = atelier().args(["lint".as_ref(), dir.as_os_str()]).run().code(0);
    // Changed behaviour: this pinned "1 solutions"; counts now agree with their noun.
    assert!(run.stdout().contains("1 solution vérifiée"), "{}", run.stdout());

    // Scaffolding again never overwrites.
    let again = atelier()
        .current_dir(&dir)
        .args(["new", "lesson", "44", "asyncio"])
        .run()
        .code(2);
    // Changed behaviour: said in the course's language (French) unless --lang asks; it was English.
    assert!(
        again.stderr().contains("existe déjà (rien n'a été écrit)"),
        "{}",
        again.stderr()
    );
    let again = atelier()
        .current_dir(&dir)
        .args(["--lang", "en", "new", "lesson", "44", "asyncio"])
        .run()
        .code(2);
    assert!(again.stderr().contains("already exists"), "{}", again.stderr());

    // Break the exercise's anchor in the lesson: lint names the spec's file and line.
    let lesson = dir.join("lessons/44-asyncio.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace("{#exercice-1-premier-exercice}", "{#exercice-un}"),
    )
    .unwrap();
    let run = atelier().args(["lint".as_ref(), dir.as_os_str()]).run().code(1);
    let out = run.stdout();
    assert!(
        out.contains("exercise.yaml:9: anchor: `exercice-1-premier-exercice` is not a section"),
        "{out}"
    );

    // A duplicate anchor in the lesson: its file and line.
    std::fs::write(
        &lesson,
        text.replace(
            "## Questions clés {#questions-cles-44}",
            "## Questions clés {#premiere-notion}",
        ),
    )
    .unwrap();
    let run = atelier().args(["lint".as_ref(), dir.as_os_str()]).run().code(1);
    assert!(
        run.stdout()
            .contains("44-asyncio.md:39: duplicate anchor `premiere-notion`"),
        "{}",
        run.stdout()
    );
}

#[test]
fn lint_reports_unknown_spec_keys_unknown_demos_and_swallowed_fences() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("c");
    copy_dir(&fixture(), &dir);
    let spec = dir.join("exercises/12.1-factorial/exercise.yaml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace("file: factorial.py", "file: factorial.py\ntimeout: 3"),
    )
    .unwrap();
    let lesson = dir.join("lessons/12-recursion.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let text = text.replace(
        "## Key questions {#key-questions-12}",
        "<!-- atelier: demo no-such-demo -->\n\n## Key questions {#key-questions-12}",
    );
    std::fs::write(&lesson, &text).unwrap();
    let run = atelier().args(["lint".as_ref(), dir.as_os_str()]).run().code(1);
    let out = run.stdout();
    assert!(
        out.contains("exercise.yaml:8: unknown field `timeout`"),
        "unknown key with its line: {out}"
    );
    assert!(out.contains("unknown demo `no-such-demo`"), "{out}");

    // No blank line after </summary>: the fence is swallowed and the lesson breaks; lint says why.
    std::fs::write(
        &lesson,
        text.replace(
            "<summary>💡 Solution</summary>\n\n",
            "<summary>💡 Solution</summary>\n",
        ),
    )
    .unwrap();
    let out = atelier()
        .args(["lint".as_ref(), dir.as_os_str()])
        .run()
        .code(1)
        .stdout();
    assert!(
        out.contains("12-recursion.md:") && out.contains("blank line after </summary>"),
        "{out}"
    );
}

#[test]
fn second_course_goes_through_toc_show_and_check() {
    let course = fixture();
    let c = course.as_os_str();
    let toc = atelier()
        .args([
            "--course".as_ref(),
            c,
            "toc".as_ref(),
            "12".as_ref(),
            "--json".as_ref(),
        ])
        .run()
        .code(0)
        .json();
    assert_eq!(toc["anchors"].as_array().unwrap().len(), 4);
    assert_eq!(toc["questions"].as_array().unwrap().len(), 2);
    assert_eq!(toc["exercises"][0]["id"], "12.1");
    let show = atelier()
        .args([
            "--course".as_ref(),
            c,
            "show".as_ref(),
            "recursion#base-case".as_ref(),
        ])
        .run()
        .code(0);
    assert!(show.stdout().contains("factorial(n - 1)"));
    // Changed behaviour: the admonition used to show raw (`:::tip`); it is now a titled box.
    assert!(!show.stdout().contains(":::"), "{}", show.stdout());
    assert!(
        show.stdout().contains("┌─ Tip\n│ Python stops"),
        "an admonition is a titled box"
    );
    let solution = course.join("exercises/12.1-factorial/solution.py");
    let run = atelier()
        .args([
            "--course".as_ref(),
            c,
            "check".as_ref(),
            "12.1".as_ref(),
            solution.as_os_str(),
            "--json".as_ref(),
        ])
        .run()
        .code(0);
    assert_eq!(run.json()["verdict"], "pass");
    let starter = course.join("exercises/12.1-factorial/starter.py");
    atelier()
        .args([
            "--course".as_ref(),
            c,
            "check".as_ref(),
            "12.1".as_ref(),
            starter.as_os_str(),
        ])
        .run()
        .code(1);
    let run = atelier()
        .args(["--course".as_ref(), c])
        .stdin("goto 4\nsolution 1\nquit\n")
        .run()
        .code(0);
    assert!(run.stdout().contains("10! = {factorial(10)}"), "{}", run.stdout());
    assert!(
        run.stdout().contains("See you soon"),
        "the English lesson speaks English: {}",
        run.stdout()
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn second_course_is_graded_too() {
    let home = tempfile::tempdir().unwrap();
    let class = home.path().join("class");
    std::fs::create_dir_all(class.join("bob")).unwrap();
    let exercise = fixture().join("exercises/12.1-factorial");
    std::fs::copy(exercise.join("solution.py"), class.join("alice.py")).unwrap();
    std::fs::copy(exercise.join("starter.py"), class.join("bob/factorial.py")).unwrap();
    let csv = home.path().join("out.csv");
    let course = fixture();
    let run = atelier()
        .args([
            "--course".as_ref(),
            course.as_os_str(),
            "grade".as_ref(),
            "12.1".as_ref(),
            class.as_os_str(),
        ])
        .args([
            "--export".as_ref(),
            format!("csv:{}", csv.display()).as_ref() as &std::ffi::OsStr,
        ])
        .run()
        .code(0);
    let text = std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{e}: {}", run.stderr()));
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows.iter().any(|r| r.starts_with("alice,12.1,6,6,pass")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("bob,12.1,") && r.contains(",fail,")),
        "{text}"
    );
}
