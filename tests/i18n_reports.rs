//! Reports, feedback files and class grading speak the catalog's language: run in the test language
//! `xx` (every catalog message starts with `‹xx› ` and is upper-case), each line atelier words
//! itself carries the mark, so a word left in the code fails here. What is not atelier's own (the
//! program's output, the diff's lines, the spec's titles, the checks' explanations, the timeline)
//! is not asserted on.
use std::path::{Path, PathBuf};

mod util;

use util::{PSEUDO_MARK as MARK, atelier, root};

fn wrong_43_3() -> PathBuf {
    root().join("tests/fixtures/wrong/43.3/global_int.py")
}

fn solution_43_3() -> PathBuf {
    root().join("exercises/43.3-memoire-partagee/solution.py")
}

/// The lines at the left margin: the report's own (headings, score, run, advice), never a check's
/// explanation, a diff, a program's output or the timeline, which are indented.
fn margin_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect()
}

fn assert_marked(lines: &[&str], text: &str) {
    for line in lines {
        assert!(
            line.starts_with(MARK),
            "a line not from the catalog: {line:?}\n{text}"
        );
    }
}

/// The one line, trimmed, that starts with `start` (after the mark).
fn line_starting<'a>(text: &'a str, start: &str) -> &'a str {
    let wanted = format!("{MARK}{start}");
    let found: Vec<&str> = text
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with(&wanted))
        .collect();
    assert_eq!(found.len(), 1, "one line starting with {wanted:?}:\n{text}");
    found[0]
}

#[test]
fn a_failed_check_report_is_worded_by_the_catalog() {
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "check", "43.3"])
        .args([wrong_43_3()])
        .run()
        .code(1);
    let text = run.stdout();
    let margin = margin_lines(&text);
    // Heading, score, run, the statement to read again.
    assert!(margin.len() >= 4, "{text}");
    assert_marked(&margin, &text);
    assert!(
        margin[0].starts_with(&format!("{MARK}EXERCICE 43.3 — ")),
        "{text}"
    );
    let score = line_starting(&text, "SCORE : ");
    assert!(score.ends_with(&format!("— {MARK}ÉCHEC")), "{score}");
    let run_line = line_starting(&text, "EXÉCUTION : ");
    assert!(
        run_line.contains(&format!("{MARK}TERMINÉ (code 0)")),
        "{run_line}"
    );
    line_starting(&text, "L'ÉNONCÉ : ");
    // Inside the failed check: the diff's header and the hint's label.
    let diff = line_starting(&text, "- ATTENDU");
    assert_eq!(diff, format!("{MARK}- ATTENDU {MARK}+ OBTENU"));
    line_starting(&text, "INDICE :");
    line_starting(&text, "CONFINEMENT : ");
}

#[test]
fn repeated_runs_and_a_pass_are_worded_by_the_catalog() {
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "check", "43.3"])
        .args([solution_43_3()])
        .args(["--runs", "2"])
        .run()
        .code(0);
    let text = run.stdout();
    let margin = margin_lines(&text);
    // Heading, score, run, pass rate, distinct outputs, the solution unlocked.
    assert!(margin.len() >= 6, "{text}");
    assert_marked(&margin, &text);
    assert!(
        line_starting(&text, "SCORE : ").ends_with(&format!("— {MARK}RÉUSSI")),
        "{text}"
    );
    line_starting(&text, "RÉUSSI 2 FOIS SUR 2 ");
    line_starting(&text, "1 SORTIE(S) DIFFÉRENTE(S) ");
    line_starting(&text, "BRAVO !");
    // Each run's line names its output through the catalog.
    let outcomes = text
        .lines()
        .filter(|l| l.contains(&format!("{MARK}SORTIE #1")))
        .count();
    assert_eq!(outcomes, 2, "{text}");
}

/// A class folder: `files` copied under their names, plus a file that is not a submission.
fn class(files: &[(&str, &Path)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a class folder");
    for (name, from) in files {
        std::fs::copy(from, dir.path().join(name)).expect("a submission");
    }
    std::fs::write(dir.path().join("notes.txt"), "").expect("a stray file");
    dir
}

#[test]
fn grading_a_class_its_report_and_feedback_are_worded_by_the_catalog() {
    let wrong = wrong_43_3();
    let solution = solution_43_3();
    let class = class(&[("alice.py", &wrong), ("bob.py", &solution)]);
    let feedback = tempfile::tempdir().expect("a feedback folder");
    let books = tempfile::tempdir().expect("a gradebooks folder");
    let book = books.path().join("g.sqlite");
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "grade", "43.3"])
        .args([class.path()])
        .args(["--report", "--gradebook"])
        .args([&book])
        .args([format!("--export=feedback:{}", feedback.path().display())])
        .run()
        .code(0);
    let text = run.stdout();
    let summary = margin_lines(&text)[0];
    assert!(
        summary.starts_with(&format!("{MARK}43.3 : 2 NOTÉES (PASS 1, FAIL 1, ERROR 0)")),
        "{text}"
    );
    let stray = line_starting(&text, "notes.txt: NON NOTÉE — ");
    assert!(stray.contains(&format!("— {MARK}PAS UNE COPIE")), "{stray}");
    let gradebook = line_starting(&text, "CARNET DE NOTES : ");
    assert!(gradebook.ends_with("(2 LIGNES POUR CET EXERCICE)"), "{gradebook}");
    let written = line_starting(&text, "feedback : ");
    assert!(written.ends_with("/<student>.md (2 FICHIERS)"), "{written}");
    line_starting(&text, "EXERCICE 43.3 — 2 COPIES NOTÉES");
    line_starting(&text, "VERDICTS : pass 1, fail 1");
    line_starting(&text, "EXÉCUTIONS : ok 2");
    line_starting(&text, "HISTOGRAMME DES NOTES (/12)");
    line_starting(&text, "VÉRIFICATIONS LES PLUS ÉCHOUÉES");
    // The coverage sentence holds the missing student's sentence, both from the catalog.
    line_starting(&text, &format!("{MARK}43.3 : 2 SUR 3 NOTÉS : MANQUENT notes"));
    // Progress, on stderr.
    let progress = run.stderr();
    line_starting(&progress, "NOTATION DE 43.3 : 2 À NOTER, ");
    assert!(
        progress.contains(&format!("alice: {MARK}fail 9/12 (EXÉCUTION ok, ")),
        "{progress}"
    );

    let md = std::fs::read_to_string(feedback.path().join("alice.md")).expect("alice's feedback");
    // Markdown's own marks, then the catalog's words.
    for start in [
        "# ‹xx› EXERCICE 43.3",
        "**‹xx› NOTE : 9/12** — ‹xx› PAS ENCORE RÉUSSI",
        "‹xx› COPIE `alice.py`, NOTÉE LE ",
        "## ‹xx› VÉRIFICATIONS",
        "## ‹xx› L'EXÉCUTION",
        "- ‹xx› FIN : ‹xx› TERMINÉ (code 0)",
        "- ‹xx› MESURES : ",
        "### ‹xx› SORTIE DU PROGRAMME",
    ] {
        assert!(md.lines().any(|l| l.starts_with(start)), "{start:?} in:\n{md}");
    }
    assert!(md.contains("*‹xx› INDICE :*"), "{md}");

    // Merging gradebooks: the summary, counts agreeing.
    let merged = atelier()
        .with_test_language()
        .args(["--lang", "xx", "gradebook", "merge"])
        .args([&book])
        .args(["--into"])
        .args([books.path().join("m.sqlite")])
        .run()
        .code(0);
    let text = merged.stdout();
    assert_marked(&margin_lines(&text), &text);
    assert!(
        text.contains(" : 2 LIGNES LUES DANS 1 CARNET DE NOTES, 2 AJOUTÉES, 0 DÉJÀ LÀ, "),
        "{text}"
    );
}

/// French counts agree with their number: `1 notée`, `1 copie notée` (0 and 1 are singular).
#[test]
fn french_counts_agree_with_one_submission() {
    let wrong = wrong_43_3();
    let class = class(&[("alice.py", &wrong)]);
    let run = atelier()
        .args(["--lang", "fr", "grade", "43.3"])
        .args([class.path()])
        .args(["--report"])
        .run()
        .code(0);
    let text = run.stdout();
    assert!(
        text.starts_with(
            "43.3 : 1 notée (pass 0, fail 1, error 0), 0 inchangée (non renotée), 1 non notée\n"
        ),
        "{text}"
    );
    assert!(text.contains("\nExercice 43.3 — 1 copie notée\n"), "{text}");
}

#[test]
fn a_missing_submission_is_said_in_the_catalog_language() {
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "check", "43.3", "no/such/file.py"])
        .run()
        .code(2);
    let err = run.stderr();
    assert!(
        err.contains(&format!("{MARK}no/such/file.py : FICHIER INTROUVABLE")),
        "{err}"
    );
}

/// Grading's own files that cannot be used (a roster without ids, a missing or foreign gradebook):
/// the failure is worded in the reader's language, its system cause kept after it.
#[test]
fn grading_file_failures_are_worded_by_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "name,email\nAda,ada@example.org\n").unwrap();
    let foreign = dir.path().join("notes.sqlite");
    std::fs::write(&foreign, "not a database at all").unwrap();
    let missing = dir.path().join("missing.sqlite");
    let roster_args = [
        "grade".as_ref(),
        "43.3".as_ref(),
        class.as_os_str(),
        "--roster".as_ref(),
        roster.as_os_str(),
    ];
    let foreign_args = [
        "grade".as_ref(),
        "43.3".as_ref(),
        class.as_os_str(),
        "--gradebook".as_ref(),
        foreign.as_os_str(),
    ];
    let missing_args = [
        "grade".as_ref(),
        "43.3".as_ref(),
        "--gradebook".as_ref(),
        missing.as_os_str(),
        "--report".as_ref(),
    ];

    let export_args = [
        "grade".as_ref(),
        "43.3".as_ref(),
        class.as_os_str(),
        "--export".as_ref(),
        "pdf:x.pdf".as_ref(),
    ];
    let shard_args = [
        "grade".as_ref(),
        "43.3".as_ref(),
        class.as_os_str(),
        "--shard".as_ref(),
        "3/2".as_ref(),
    ];

    let french = |args: &[&std::ffi::OsStr]| atelier().args(args).run().code(2).stderr();
    assert!(french(&export_args).contains("--export `pdf:x.pdf` : format `pdf` inconnu (connus : csv, "));
    assert!(french(&shard_args).contains("--shard `3/2` : attendu K/N avec 1 ≤ K ≤ N"));
    assert!(french(&roster_args).contains("roster.csv:1: pas de colonne `id` (l'en-tête a : name, email)"));
    assert!(french(&foreign_args).contains("notes.sqlite: pas une base SQLite: "));
    assert!(french(&missing_args).contains("missing.sqlite: carnet de notes introuvable"));
    let english =
        |args: &[&std::ffi::OsStr]| atelier().args(["--lang", "en"]).args(args).run().code(2).stderr();
    assert!(english(&roster_args).contains("roster.csv:1: no `id` column (the header has: name, email)"));
    assert!(english(&missing_args).contains("missing.sqlite: no such gradebook"));

    for args in [
        &roster_args[..],
        &foreign_args[..],
        &missing_args[..],
        &export_args[..],
        &shard_args[..],
    ] {
        let err = atelier()
            .with_test_language()
            .args(["--lang", "xx"])
            .args(args)
            .run()
            .code(2)
            .stderr();
        // The whole failure is the catalog's message (the path is one of its values).
        let line = err
            .lines()
            .find(|l| l.starts_with("atelier: "))
            .expect("an error line");
        assert!(line.starts_with(&format!("atelier: {MARK}")), "{line}");
    }
}
