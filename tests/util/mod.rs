//! A fluent builder around the built `atelier` binary, with HOME and XDG folders pointed at a fresh
//! temporary directory for every command.
#![allow(dead_code)]
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The small limits of every hostile run (`tests/sandbox.rs`, `tests/environments.rs`): flag-value
/// pairs for `atelier __sandbox-run`.
pub const HOSTILE_LIMITS: [&str; 12] = [
    "--wall",
    "3",
    "--cpu",
    "3",
    "--memory-mib",
    "128",
    "--processes",
    "32",
    "--output-bytes",
    "65536",
    "--file-bytes",
    "10000000",
];

pub struct Atelier {
    cmd: Command,
    stdin: Option<String>,
    home: tempfile::TempDir,
}

/// `atelier` with a fresh HOME.
pub fn atelier() -> Atelier {
    let home = tempfile::tempdir().expect("temporary HOME");
    atelier_in(home)
}

/// `atelier` with the given HOME (to keep progress between two runs).
pub fn atelier_in(home: tempfile::TempDir) -> Atelier {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("LANG", "C.UTF-8")
        .current_dir(home.path());
    Atelier {
        cmd,
        stdin: None,
        home,
    }
}

/// What a run gave.
pub struct Run {
    pub output: Output,
    pub home: tempfile::TempDir,
}

impl Atelier {
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.to_string());
        self
    }

    /// Installs the test language `xx` ([`pseudo_language`]) in this HOME's data folder: with
    /// `--lang xx`, every message atelier words itself starts with [`PSEUDO_MARK`] and is upper-case.
    pub fn with_test_language(self) -> Self {
        self.with_catalog("xx.ftl", &pseudo_language())
    }

    /// Installs `text` as the message catalog `name` (`de.ftl`) in this HOME's data folder.
    pub fn with_catalog(self, name: &str, text: &str) -> Self {
        let dir = self.home.path().join("data/atelier/i18n");
        std::fs::create_dir_all(&dir).expect("the catalogs folder");
        std::fs::write(dir.join(name), text).expect("the test catalog");
        self
    }

    pub fn home(&self) -> PathBuf {
        self.home.path().to_path_buf()
    }

    pub fn run(mut self) -> Run {
        self.cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("the atelier binary starts");
        let mut stdin = child.stdin.take().expect("piped stdin");
        if let Some(text) = &self.stdin {
            stdin.write_all(text.as_bytes()).expect("write stdin");
        }
        drop(stdin);
        let output = child.wait_with_output().expect("atelier runs");
        Run {
            output,
            home: self.home,
        }
    }
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.output.status.code(),
            Some(expected),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| panic!("JSON on stdout ({e}): {}", self.stdout()))
    }
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The mark that starts every message of the test language `xx`.
pub const PSEUDO_MARK: &str = "‹xx› ";

/// The test language `xx`: the reference catalog (`src/i18n/fr.ftl`) with every text upper-cased
/// and each message starting with [`PSEUDO_MARK`]. Made from the reference, it has every key the
/// code uses, so output in it shows which words come from a catalog and which do not.
pub fn pseudo_language() -> String {
    use fluent_syntax::ast;
    fn shout(pattern: &mut ast::Pattern<String>) {
        for element in &mut pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => *value = value.to_uppercase(),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => variants.iter_mut().for_each(|v| shout(&mut v.value)),
                ast::PatternElement::Placeable { .. } => {}
            }
        }
    }
    let reference = std::fs::read_to_string(root().join("src/i18n/fr.ftl")).expect("fr.ftl");
    let mut resource = fluent_syntax::parser::parse(reference).expect("the reference parses");
    for entry in &mut resource.body {
        if let ast::Entry::Message(ast::Message {
            value: Some(pattern), ..
        }) = entry
        {
            shout(pattern);
            pattern.elements.insert(
                0,
                ast::PatternElement::TextElement {
                    value: PSEUDO_MARK.to_string(),
                },
            );
        }
    }
    fluent_syntax::serializer::serialize(&resource)
}
