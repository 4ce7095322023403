//! Course, spec and lint problems in the course's language: French for a French course, English with
//! `--lang en`, and every problem line of the test language `xx` marked `‹xx›` (a message left in
//! the code would show unmarked). The place (`file:line: `) always comes first.
mod util;

use std::path::Path;

use util::{PSEUDO_MARK as MARK, atelier};

/// A French course (no `lang` in any frontmatter) with one problem of each kind lint meets before
/// running anything: a section without anchor, a duplicate anchor, a fence never closed, a broken
/// frontmatter, a spec with an unknown key, an exercise folder without spec.
fn broken_course(root: &Path) {
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("lessons/01-ok.md", "# Ok\n\n## Un\n\ntexte\n");
    write("lessons/02-bad.md", "# Bad\n\n## A {#a}\n\n## B {#a}\n");
    write("lessons/03-fence.md", "# F\n\n## A {#f}\n\n```python\nprint(1)\n");
    write("lessons/04-front.md", "---\ntitle: [\n---\n# T\n");
    write(
        "exercises/01.1-x/exercise.yaml",
        "version: 1\nid: \"01.1\"\ntimeout: 3\n",
    );
    write("exercises/01.2-y/solution.py", "print(1)\n");
}

#[test]
fn lint_words_problems_in_the_course_language() {
    let dir = tempfile::tempdir().unwrap();
    broken_course(dir.path());
    let french = atelier()
        .args(["lint".as_ref(), dir.path().as_os_str()])
        .run()
        .code(1)
        .stdout();
    for expected in [
        "01-ok.md:3: la section `Un` n'a pas d'ancre : ajoutez {#un} pour que les liens",
        "02-bad.md:5: ancre `a` en double (déjà utilisée ligne 3)\n",
        "03-fence.md:5: le bloc de code n'est jamais fermé (attendu : une ligne de ```)\n",
        "04-front.md:2: frontmatter invalide : ",
        "01.2-y: un dossier d'exercice doit contenir exercise.yaml (sa spec)\n",
        "exercise.yaml:3: YAML invalide : champ `timeout` inconnu, attendu l'un de `version`, ",
        " : 1 leçon, 0 exercice, 0 solution vérifiée (doivent réussir), 0 starter vérifié (doivent échouer) — 6 problèmes\n",
    ] {
        assert!(french.contains(expected), "{expected:?} in\n{french}");
    }
    let english = atelier()
        .args([
            "--lang".as_ref(),
            "en".as_ref(),
            "lint".as_ref(),
            dir.path().as_os_str(),
        ])
        .run()
        .code(1)
        .stdout();
    for expected in [
        "01-ok.md:3: section `Un` has no anchor: add {#un} so that links and progress survive a change of title\n",
        "02-bad.md:5: duplicate anchor `a` (first used on line 3)\n",
        "03-fence.md:5: code fence is never closed (expected a line of ```)\n",
        "04-front.md:2: invalid frontmatter: ",
        "01.2-y: an exercise folder needs exercise.yaml (the spec)\n",
        "exercise.yaml:3: unknown field `timeout`",
        ": 1 lesson, 0 exercises, 0 solutions checked (must pass), 0 starters checked (must fail) — 6 problems\n",
    ] {
        assert!(english.contains(expected), "{expected:?} in\n{english}");
    }
}

#[test]
fn every_problem_line_is_worded_by_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    broken_course(dir.path());
    let run = atelier()
        .with_test_language()
        .args([
            "--lang".as_ref(),
            "xx".as_ref(),
            "lint".as_ref(),
            dir.path().as_os_str(),
        ])
        .run()
        .code(1);
    let out = run.stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "six problems and the summary:\n{out}");
    let (summary, problems) = lines.split_last().unwrap();
    for line in problems {
        // `file:line: ` or `file: `, then the message.
        let (place, message) = line.split_once(": ").unwrap_or(("", line));
        assert!(place.starts_with(&*dir.path().to_string_lossy()), "{line}");
        assert!(message.starts_with(MARK), "{line}");
    }
    assert!(summary.starts_with(MARK), "{summary}");
    // serde's own message inside the spec problem is worded by the catalog too: the problem, the
    // unknown field and the list of expected ones are three messages, each marked.
    let yaml = problems
        .iter()
        .find(|l| l.contains("exercise.yaml:3: "))
        .expect("the spec's problem");
    assert_eq!(yaml.matches(MARK).count(), 3, "{yaml}");
    assert!(yaml.contains("`timeout`"), "the field stays as written: {yaml}");
    // The counts are messages of their own: five of them, each marked.
    assert_eq!(summary.matches(MARK).count(), 6, "{summary}");
    assert!(summary.ends_with("6 PROBLÈMES"), "{summary}");

    // Problems met loading a course for another command, and in JSON: the same words.
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "--course"])
        .args([dir.path().as_os_str(), "toc".as_ref(), "--json".as_ref()])
        .run()
        .code(2);
    for line in run.stderr().lines() {
        let message = line.strip_prefix("atelier: ").unwrap_or(line);
        let (_, message) = message.split_once(": ").unwrap_or(("", message));
        assert!(message.starts_with(MARK), "{line}");
    }
    let json = run.json();
    let problems = json["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 4, "{json}");
    for problem in problems {
        assert!(
            problem["code"].as_str().unwrap().starts_with("course-"),
            "{problem}"
        );
        assert!(
            problem["message"].as_str().unwrap().starts_with(MARK),
            "{problem}"
        );
    }
}

/// A course that says `lang: en` gets English problems without `--lang`, even when the lesson that
/// says so is the one that does not load.
#[test]
fn an_english_course_gets_english_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::write(
        dir.path().join("lessons/01-x.md"),
        "---\nlang: en\n---\n# X\n\n## A {#a}\n\n## B {#a}\n",
    )
    .unwrap();
    let out = atelier()
        .args(["lint".as_ref(), dir.path().as_os_str()])
        .run()
        .code(1)
        .stdout();
    assert!(
        out.contains("01-x.md:8: duplicate anchor `a` (first used on line 6)\n"),
        "{out}"
    );
    assert!(out.contains(": 0 lessons, 0 exercises,"), "{out}");
}

/// A folder that is no course: "could not do it" (exit 2), its path first, in French by default
/// (the course's own language cannot be known), in English with `--lang en`.
#[test]
fn a_folder_that_is_no_course_is_named_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let run = atelier()
        .args(["--course".as_ref(), missing.as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    assert!(
        run.stderr()
            .contains("nowhere: ce n'est pas un dossier de cours (attendu : un dossier avec lessons/"),
        "{}",
        run.stderr()
    );
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .args([missing.as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    assert!(
        run.stderr()
            .contains("nowhere: not a course folder (expected a folder with lessons/ and exercises/, or a site's docs/)\n"),
        "{}",
        run.stderr()
    );
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "--course"])
        .args([missing.as_os_str(), "toc".as_ref()])
        .run()
        .code(2);
    assert!(
        run.stderr().starts_with(&format!("atelier: {MARK}")),
        "{}",
        run.stderr()
    );
}
