//! Issue 12: `atelier new exercise ID --from-lesson` in a folder holding only a lesson (the fixture
//! `tests/fixtures/course-derive`, a statistics exercise unrelated to chapter 43): the derived
//! exercise passes `atelier lint` at once, and its spec judges a corpus of right and wrong programs
//! written from the statement — a hard-coded output and a wrong signature that print the expected
//! text fail on a named `call` check.
mod util;

use std::path::Path;

use serde_json::Value;
use util::{atelier, root};

const HEAD: &str = "import os\nimport time\n\n";
const MAIN: &str = r#"
if __name__ == "__main__":
    debut = time.perf_counter()
    notes = [12, 15, 9, 18]
    print(f"Moyenne : {moyenne(notes)}")
    print(f"Étendue : {etendue(notes)}")
    print(f"Mots longs : {mots_longs('le processus parent attend ses enfants')}")
    print(f"Mots de 2 lettres ou plus : {mots_longs('a bb ccccc', taille=2)}")
    print(f"Processus {os.getpid()} terminé en {time.perf_counter() - debut:.4f}s")
"#;

/// The expected text, printed without computing anything.
const HARD_CODED: &str = r#"import os
print("Moyenne : 13.5")
print("Étendue : 9")
print("Mots longs : ['processus', 'parent', 'attend', 'enfants']")
print("Mots de 2 lettres ou plus : ['bb', 'ccccc']")
print(f"Processus {os.getpid()} terminé en 0.0001s")
"#;

/// A course folder with only the lesson, and the exercise derived in it.
fn derived() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/course-derive/lessons/31-statistiques.md"),
        dir.path().join("lessons/31-statistiques.md"),
    )
    .unwrap();
    // The notes speak the lesson's language (French here) unless asked: English, to read them below.
    let run = atelier()
        .current_dir(dir.path())
        .args(["--lang", "en", "new", "exercise", "31.1", "--from-lesson"])
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("call check `moyenne-returns`"), "{out}");
    assert!(out.contains("number(s) masked"), "{out}");
    dir
}

fn check(course: &Path, program: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stats.py");
    std::fs::write(&file, program).unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .args([course])
        .args(["check", "31.1"])
        .args([&file])
        .args(["--json"])
        .run();
    let report = run.json();
    assert!(report["verdict"] != "error", "{report:#}");
    report
}

fn failed(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

fn message<'a>(report: &'a Value, name: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["message"].as_str())
        .unwrap_or("")
}

#[test]
fn a_derived_exercise_passes_lint_and_judges_a_corpus() {
    let course = derived();
    let run = atelier().args(["lint"]).args([course.path()]).run();
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout());
    // Never overwrites.
    atelier()
        .current_dir(course.path())
        .args(["new", "exercise", "31.1", "--from-lesson"])
        .run()
        .code(2);

    // Right, written otherwise than the solution (a loop, statistics.fmean, sorted).
    let right = format!(
        "{HEAD}import statistics\n\n\ndef moyenne(valeurs):\n    return statistics.fmean(valeurs)\n\n\n\
         def etendue(valeurs):\n    s = sorted(valeurs)\n    return s[-1] - s[0]\n\n\n\
         def mots_longs(texte, taille=5):\n    longs = []\n    for mot in texte.split():\n        if len(mot) >= taille:\n            longs.append(mot)\n    return longs\n{MAIN}"
    );
    let report = check(course.path(), &right);
    assert_eq!(report["verdict"], "pass", "{report:#}");

    // The expected text, hard-coded: the output check passes, the call checks say why it is wrong.
    let report = check(course.path(), HARD_CODED);
    let f = failed(&report);
    assert!(!f.contains(&"output".to_string()), "{f:?}");
    assert!(f.contains(&"moyenne-returns".to_string()), "{f:?}");
    assert!(
        message(&report, "moyenne-returns").contains("is not defined"),
        "{report:#}"
    );

    // A wrong signature that still prints the expected text.
    let wrong_signature = format!(
        "{HEAD}def moyenne(a, b, c, d):\n    return (a + b + c + d) / 4\n\n\n\
         def etendue(valeurs):\n    return max(valeurs) - min(valeurs)\n\n\n\
         def mots_longs(texte, taille=5):\n    return [m for m in texte.split() if len(m) >= taille]\n{}",
        MAIN.replace("moyenne(notes)", "moyenne(*notes)")
    );
    let report = check(course.path(), &wrong_signature);
    assert_eq!(failed(&report), ["moyenne-returns"], "{report:#}");
    assert!(
        message(&report, "moyenne-returns").contains("moyenne(a, b, c, d)"),
        "{report:#}"
    );

    // Prints instead of returning (the printed text is right).
    let prints = right.replace("    return longs\n", "    print(longs)\n").replace(
        "print(f\"Mots longs : {mots_longs('le processus parent attend ses enfants')}\")",
        "print('Mots longs : ', end=''); mots_longs('le processus parent attend ses enfants')",
    );
    let report = check(course.path(), &prints);
    assert!(
        failed(&report).contains(&"mots_longs-returns".to_string()),
        "{report:#}"
    );

    // A wrong value.
    let report = check(course.path(), &right.replace("s[-1] - s[0]", "s[-1] - s[1]"));
    assert!(
        failed(&report).contains(&"etendue-returns".to_string()),
        "{report:#}"
    );
    assert!(failed(&report).contains(&"output".to_string()), "{report:#}");

    // The starter the derivation wrote fails (lint said so too); its functions are emptied.
    let starter = std::fs::read_to_string(
        course
            .path()
            .join("exercises/31.1-statistiques-dune-liste/starter.py"),
    )
    .unwrap();
    assert!(
        starter.contains("# TODO : écrire moyenne(valeurs)") && !starter.contains("sum(valeurs)"),
        "{starter}"
    );
}

#[test]
fn an_exercise_without_a_python_solution_gets_the_scaffold() {
    let dir = lesson_without_solution();
    let run = atelier()
        .current_dir(dir.path())
        .args(["--lang", "en", "new", "exercise", "31.1", "--from-lesson"])
        .run()
        .code(0);
    assert!(run.stdout().contains("plain scaffold"), "{}", run.stdout());
}

/// A folder with the statistics lesson cut before its solution: `new exercise --from-lesson` writes
/// the plain scaffold.
fn lesson_without_solution() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    let lesson =
        std::fs::read_to_string(root().join("tests/fixtures/course-derive/lessons/31-statistiques.md"))
            .unwrap();
    let start = lesson.find("<details>").unwrap();
    std::fs::write(dir.path().join("lessons/31-statistiques.md"), &lesson[..start]).unwrap();
    dir
}

/// What `new` says is worded in the lesson's language (French), or in the one asked for: in the
/// test language `xx`, every line of it carries the catalog's mark.
#[test]
fn new_exercise_speaks_the_lessons_language_or_the_one_asked_for() {
    let dir = lesson_without_solution();
    let run = atelier()
        .current_dir(dir.path())
        .args(["new", "exercise", "31.1", "--from-lesson"])
        .run()
        .code(0);
    let out = run.stdout();
    assert!(out.contains("le squelette simple a été écrit"), "{out}");
    assert!(out.contains("créé : "), "{out}");

    let dir = lesson_without_solution();
    let run = atelier()
        .with_test_language()
        .current_dir(dir.path())
        .args(["--lang", "xx", "new", "exercise", "31.1", "--from-lesson"])
        .run()
        .code(0);
    let out = run.stdout();
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("31.1 :"), "{out}");
    let rest: Vec<&str> = lines.collect();
    assert!(rest.len() >= 3, "notes, files written, the lint hint: {out}");
    for line in rest {
        assert!(
            line.contains(util::PSEUDO_MARK),
            "a line not from the catalog: {line:?}\n{out}"
        );
    }
}

/// Chapter 43's exercise 1, derived from the shipped lesson: its solution calls `is_prime` only with
/// computed arguments, so the calls come from the solution's own run; a hard-coded output and a
/// wrong signature fail on `is_prime-returns`.
#[test]
fn chapter_43_exercise_1_derived_judges_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    let lesson = std::fs::read_dir(root().join("lessons"))
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("43"))
        .unwrap();
    std::fs::copy(lesson.path(), dir.path().join("lessons").join(lesson.file_name())).unwrap();
    let run = atelier()
        .current_dir(dir.path())
        .args(["--lang", "en", "new", "exercise", "43.1", "--from-lesson"])
        .run()
        .code(0);
    assert!(
        run.stdout().contains("call check `is_prime-returns`"),
        "{}",
        run.stdout()
    );
    let lint = atelier().args(["lint"]).args([dir.path()]).run();
    assert_eq!(lint.output.status.code(), Some(0), "{}", lint.stdout());
    let check_file = |program: &str| -> Value {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("la_course_aux_nombres_premiers.py");
        std::fs::write(&file, program).unwrap();
        atelier()
            .args(["--lang", "en", "--course"])
            .args([dir.path()])
            .args(["check", "43.1"])
            .args([&file])
            .args(["--json"])
            .run()
            .json()
    };
    // Right: the shipped course's own solution, written otherwise than the lesson's.
    let right = std::fs::read_to_string(root().join("exercises/43.1-nombres-premiers/solution.py")).unwrap();
    let report = check_file(&right);
    assert_eq!(report["verdict"], "pass", "{report:#}");
    // The expected lines, hard-coded.
    let hard = "print('Séquentiel : 0.12s (Trouvé: 16405)')\nprint('Parallèle : 0.09s (Trouvé: 16405)')\n";
    let report = check_file(hard);
    assert_eq!(failed(&report), ["is_prime-returns"], "{report:#}");
    // Another signature for is_prime (the output is still right).
    let wrong = right.replace("def is_prime(n):", "def is_prime(n, k=None, *, strict):");
    let report = check_file(&wrong);
    assert!(
        failed(&report).contains(&"is_prime-returns".to_string()),
        "{report:#}"
    );
    assert!(
        message(&report, "is_prime-returns").contains("signature"),
        "{report:#}"
    );
}
