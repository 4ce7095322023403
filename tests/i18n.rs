//! The message catalogs: a third UI language is one more file with the reference's keys.
//!
//! The test language `xx` is made here from the reference catalog, every text upper-cased and
//! marked `‹xx›`, so it has every key the code uses, today's and tomorrow's; installed as one file
//! in a temporary data folder, it must be what the built binary speaks. German (`de.ftl`, a partial
//! translation) shows what happens to the messages a catalog lacks.
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use atelier::i18n::{Catalog, Lang, Value};

mod util;

use util::{PSEUDO_MARK as MARK, pseudo_language};

/// A home, a data folder holding `files` as installed catalogs, and a state folder, all temporary.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn with_catalogs(files: &[(&str, &str)]) -> Home {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let i18n = dir.path().join("data/atelier/i18n");
        std::fs::create_dir_all(&i18n).expect("the data folder");
        for (name, text) in files {
            std::fs::write(i18n.join(name), text).expect("a catalog file");
        }
        Home { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn atelier(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
        cmd.args(args)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        run_with_stdin(cmd, stdin)
    }
}

fn run_with_stdin(mut cmd: Command, stdin: &str) -> Output {
    use std::io::Write;
    let mut child = cmd.spawn().expect("atelier starts");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(stdin.as_bytes())
        .expect("stdin");
    child.wait_with_output().expect("atelier ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

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
    let home = Home::with_catalogs(&[("xx.ftl", &pseudo_language())]);
    let out = home.atelier(&["--lang", "xx"], "quit\n");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("{MARK}ATELIER — TAPEZ « AIDE »")),
        "the greeting comes from xx.ftl:\n{stdout}"
    );
    assert!(stdout.contains("‹xx› À BIENTÔT !"), "{stdout}");
    // A locale in that language chooses it too, without --lang.
    let mut by_locale = Command::new(env!("CARGO_BIN_EXE_atelier"));
    by_locale
        .env("HOME", home.dir.path())
        .env("XDG_DATA_HOME", home.path("data"))
        .env("XDG_STATE_HOME", home.path("state"))
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "xx_XX.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run_with_stdin(by_locale, "quit\n");
    assert!(
        text(&out.stdout).contains("‹xx› À BIENTÔT !"),
        "{}",
        text(&out.stdout)
    );
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

    let home = Home::with_catalogs(&[("de.ftl", &german_text)]);
    let out = home.atelier(&["--lang", "de"], "quit\n");
    let stdout = text(&out.stdout);
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
    let home = Home::with_catalogs(&[]);
    let out = home.atelier(&["--lang", "zz", "toc"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("zz") && stderr.contains("fr, en"), "{stderr}");
}

#[test]
fn a_broken_installed_catalog_is_named_and_the_rest_works() {
    let home = Home::with_catalogs(&[("yy.ftl", "ok = fine\nthis is not fluent\n")]);
    let out = home.atelier(&["--lang", "en"], "quit\n");
    assert!(text(&out.stdout).contains("See you soon!"));
    let out = home.atelier(&["--lang", "yy", "toc"], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("yy.ftl:2:"), "{stderr}");
}

#[test]
fn the_doctor_speaks_the_language_of_the_messages() {
    let home = Home::with_catalogs(&[("xx.ftl", &pseudo_language())]);
    let out = home.atelier(&["--lang", "xx", "doctor"], "");
    let stdout = text(&out.stdout);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stdout}");
    for line in stdout.lines().filter(|l| !l.trim().is_empty()) {
        // A layer's line: its yes/no and its note are the catalog's (the layer's name is a name).
        assert!(
            line.starts_with(MARK),
            "a line not from the catalog: {line}\n{stdout}"
        );
    }
    assert!(stdout.matches(MARK).count() >= 2 * 8, "{stdout}");
}
