//! The message catalogs: a third UI language is one more file with the reference's keys.
//!
//! The test language `xx` is made here from the reference catalog, every text upper-cased and
//! marked `‹xx›`, so it has every key the code uses, today's and tomorrow's; installed as one file
//! in a temporary data folder, it must be what the built binary speaks. German (`de.ftl`, a partial
//! translation) shows what happens to the messages a catalog lacks.
use std::path::Path;

use atelier::i18n::{Catalog, Lang, Value};

mod util;

use util::{PSEUDO_MARK as MARK, atelier, atelier_in, pseudo_language};

#[test]
fn the_test_language_has_every_key_of_the_reference() {
    let pseudo = pseudo_language();
    let catalog = Catalog::parse("xx.ftl", &pseudo).expect("the test language parses");
    assert_eq!(catalog.problems_against(Lang::Fr.catalog()), Vec::<String>::new());
    assert!(catalog.keys().count() >= 7);
    let resuming = catalog
        .format(
            "repl-resuming",
            &[
                ("section", Value::Int(3)),
                ("anchor", Value::Text("pool-de-processus".into())),
            ],
        )
        .expect("the message");
    assert_eq!(
        resuming,
        "‹xx› REPRISE LÀ OÙ VOUS EN ÉTIEZ : §3 (#pool-de-processus)."
    );
}

#[test]
fn a_third_language_is_one_installed_file() {
    let out = atelier()
        .with_test_language()
        .args(["--lang", "xx"])
        .stdin("quit\n")
        .run()
        .code(0);
    let stdout = out.stdout();
    assert!(
        stdout.contains(&format!("{MARK}ATELIER — TAPEZ « AIDE »")),
        "the greeting comes from xx.ftl:\n{stdout}"
    );
    assert!(stdout.contains("‹xx› À BIENTÔT !"), "{stdout}");
    // A locale in that language chooses it too, without --lang.
    let out = atelier_in(out.home)
        .env("LANG", "xx_XX.UTF-8")
        .stdin("quit\n")
        .run();
    assert!(out.stdout().contains("‹xx› À BIENTÔT !"), "{}", out.stdout());
}

#[test]
fn a_partial_translation_falls_back_to_english_and_is_named() {
    let german_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n/de.ftl");
    let german_text = std::fs::read_to_string(&german_path).expect("the German catalog");
    let german = Catalog::parse("de.ftl", &german_text).expect("parses");
    assert_eq!(german.format("repl-goodbye", &[]).as_deref(), Some("Bis bald!"));
    let problems = german.problems_against(Lang::Fr.catalog());
    let reference = Lang::Fr.catalog().keys().count();
    assert_eq!(
        problems.len(),
        reference - german.keys().count(),
        "every message German lacks is named, and nothing else: {problems:?}"
    );

    let out = atelier()
        .with_catalog("de.ftl", &german_text)
        .args(["--lang", "de"])
        .stdin("quit\n")
        .run();
    let stdout = out.stdout();
    assert!(stdout.contains("Bis bald!"), "{stdout}");
}

#[test]
fn an_incomplete_translation_is_named() {
    let partial = Catalog::parse("xx.ftl", "repl-goodbye = Ciao!\nrepl-extra = ?\n").expect("parses");
    let problems = partial.problems_against(Lang::Fr.catalog());
    assert!(
        problems.iter().any(|p| p.contains("`repl-greeting` is missing")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`repl-extra` is not a message")),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_language_is_refused_with_the_ones_available() {
    let out = atelier().args(["--lang", "zz", "toc"]).run().code(2);
    let stderr = out.stderr();
    assert!(stderr.contains("zz") && stderr.contains("fr, en"), "{stderr}");
}

#[test]
fn a_broken_installed_catalog_is_named_and_the_rest_works() {
    let out = atelier()
        .with_catalog("yy.ftl", "ok = fine\nthis is not fluent\n")
        .args(["--lang", "en"])
        .stdin("quit\n")
        .run();
    assert!(out.stdout().contains("See you soon!"));
    let out = atelier_in(out.home).args(["--lang", "yy", "toc"]).run().code(2);
    let stderr = out.stderr();
    assert!(stderr.contains("yy.ftl:2:"), "{stderr}");
}

#[test]
fn the_doctor_speaks_the_language_of_the_messages() {
    let out = atelier()
        .with_test_language()
        .args(["--lang", "xx", "doctor"])
        .run();
    let stdout = out.stdout();
    assert!(matches!(out.output.status.code(), Some(0 | 1)), "{stdout}");
    for line in stdout.lines().filter(|l| !l.trim().is_empty()) {
        // A layer's line: its yes/no and its note are the catalog's (the layer's name is a name).
        assert!(
            line.starts_with(MARK),
            "a line not from the catalog: {line}\n{stdout}"
        );
    }
    assert!(stdout.matches(MARK).count() >= 2 * 8, "{stdout}");
}
