//! The message catalogs: a third UI language is one more file with the reference's keys.
use atelier::i18n::{Catalog, Lang};

#[test]
fn a_third_language_is_one_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/i18n/de.ftl");
    let text = std::fs::read_to_string(path).expect("the test catalog");
    let german = Catalog::parse(path, &text).expect("parses");
    assert_eq!(german.problems_against(Lang::Fr.catalog()), Vec::<String>::new());
    assert_eq!(german.format("repl-goodbye", &[]), "Bis bald!");
    assert_eq!(
        german.format(
            "repl-resuming",
            &[("section", &3), ("anchor", &"pool-de-processus")]
        ),
        "Weiter, wo Sie aufgehört haben: §3 (#pool-de-processus)."
    );
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
