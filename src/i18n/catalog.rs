//! A message catalog: one file per UI language, `key = text` a line, so that wording lives apart
//! from the code that decides what to say, and a new language is a new file with the same keys.
//!
//! The format is a small subset of Fluent's: `#` starts a comment, `key = text` defines a message,
//! an indented line continues the previous one (joined with a newline), `{name}` is a value the code
//! supplies. [`Catalog::problems_against`] checks a translation against the reference: the same keys,
//! the same values in each message.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// One language's messages, by key.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    messages: BTreeMap<String, String>,
}

/// A line of a catalog file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Catalog {
    /// Parses the text of `file` (named in errors).
    pub fn parse(file: &str, text: &str) -> Result<Catalog, CatalogError> {
        let mut messages: BTreeMap<String, String> = BTreeMap::new();
        let mut last: Option<String> = None;
        for (index, raw) in text.lines().enumerate() {
            let error = |message: String| CatalogError {
                file: file.to_string(),
                line: index + 1,
                message,
            };
            let line = raw.trim_end();
            if line.trim_start().starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if raw.starts_with([' ', '\t']) {
                let Some(key) = &last else {
                    return Err(error("an indented line continues no message".into()));
                };
                let text = messages.entry(key.clone()).or_default();
                text.push('\n');
                text.push_str(line.trim_start());
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(error(format!("expected `key = text`, found `{line}`")));
            };
            let key = key.trim();
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(error(format!("`{key}` is not a key (letters, digits and `-`)")));
            }
            if messages.contains_key(key) {
                return Err(error(format!("`{key}` is defined twice")));
            }
            messages.insert(key.to_string(), value.trim().to_string());
            last = Some(key.to_string());
        }
        Ok(Catalog { messages })
    }

    /// The message `key` with its `{name}` values filled in from `args`. A key the catalog lacks
    /// shows as itself: a missing translation must be visible, never a crash.
    pub fn format(&self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        let Some(text) = self.messages.get(key) else {
            return key.to_string();
        };
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => out.push_str(&value.to_string()),
                        None => out.push_str(&rest[open..open + close + 2]),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// What keeps this catalog from replacing `reference`: keys missing or extra, and messages whose
    /// `{values}` differ.
    pub fn problems_against(&self, reference: &Catalog) -> Vec<String> {
        let mut problems = Vec::new();
        for (key, text) in &reference.messages {
            match self.messages.get(key) {
                None => problems.push(format!("`{key}` is missing")),
                Some(own) if placeholders(own) != placeholders(text) => problems.push(format!(
                    "`{key}` uses {:?}, the reference {:?}",
                    placeholders(own),
                    placeholders(text)
                )),
                Some(_) => {}
            }
        }
        for key in self.messages.keys() {
            if !reference.messages.contains_key(key) {
                problems.push(format!("`{key}` is not a message of the reference"));
            }
        }
        problems
    }
}

/// The `{names}` a message uses.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.insert(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_formats_and_reports_lines() {
        let c = Catalog::parse(
            "t.ftl",
            "# a comment\nhello = Bonjour {name} !\nlong = one\n    two\n",
        )
        .unwrap();
        assert_eq!(c.format("hello", &[("name", &"Ada")]), "Bonjour Ada !");
        assert_eq!(c.format("long", &[]), "one\ntwo");
        assert_eq!(c.format("absent", &[]), "absent");
        assert_eq!(
            c.format("hello", &[]),
            "Bonjour {name} !",
            "a value not given stays visible"
        );
        let err = Catalog::parse("t.ftl", "ok = yes\nnot a message\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.ftl:2: expected `key = text`, found `not a message`"
        );
        assert!(Catalog::parse("t.ftl", "a = 1\na = 2\n").is_err());
    }

    #[test]
    fn a_translation_is_checked_against_the_reference() {
        let reference = Catalog::parse("en", "a = {n} files\nb = done\n").unwrap();
        let good = Catalog::parse("xx", "a = {n} fichiers\nb = fait\n").unwrap();
        assert!(good.problems_against(&reference).is_empty());
        let bad = Catalog::parse("yy", "a = des fichiers\nc = en trop\n").unwrap();
        let problems = bad.problems_against(&reference);
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
