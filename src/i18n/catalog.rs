//! A message catalog: one Fluent file per UI language, so that wording lives apart from the code
//! that decides what to say, and a new language is a new file with the same keys.
//!
//! The files are [Project Fluent](https://projectfluent.org) (`key = text`, `{ $name }` for a value
//! the code supplies, a choice (`{ $n ->` then `[one] …` and `*[other] …` on lines of their own) for plurals and other choices), read by
//! `fluent-bundle`. [`Catalog::problems_against`] checks a translation against the reference (the
//! French catalog): the same keys, the same values in each message.
use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// One language's messages, by key.
pub struct Catalog {
    /// The language's tag, from the file's name (`fr` for `fr.ftl`).
    tag: String,
    bundle: FluentBundle<FluentResource>,
    /// Each message's key and the `$values` it reads.
    keys: BTreeMap<String, BTreeSet<String>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("tag", &self.tag)
            .field("keys", &self.keys.len())
            .finish()
    }
}

/// A catalog file that does not parse, or defines a key twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A value given to a message: a number (plurals select on it) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Catalog {
    /// Parses the text of `file` (named in errors); the language is the file's stem (`de.ftl`: `de`).
    pub fn parse(file: &str, text: &str) -> Result<Catalog, CatalogError> {
        let tag = std::path::Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let error = |offset: usize, message: String| CatalogError {
            file: file.to_string(),
            line: line_of(offset),
            message,
        };
        let resource = FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
            let first = &errors[0];
            error(first.pos.start, format!("not Fluent syntax: {}", first.kind))
        })?;
        let mut keys = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut values = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect_variables(pattern, &mut values);
                }
                if keys.insert(message.id.name.to_string(), values).is_some() {
                    let at = text.find(&format!("\n{} ", message.id.name)).map_or(0, |i| i + 1);
                    return Err(error(at, format!("`{}` is defined twice", message.id.name)));
                }
            }
        }
        // Plural rules come from the language; an unknown tag gets English's (fluent's own fallback).
        let langid: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // No Unicode isolation marks around values: the output is a terminal or a file, not a page
        // that mixes writing directions, and the marks would break column counts and greps.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| error(0, format!("{errors:?}")))?;
        Ok(Catalog { tag, bundle, keys })
    }

    /// The language's tag (`fr`, `en`, `de`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Whether the catalog has the message `key`.
    pub fn has(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// The message `key` with its values, or `None` when the catalog lacks it.
    pub fn format(&self, key: &str, args: &[(&str, Value)]) -> Option<String> {
        let message = self.bundle.get_message(key)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Value::Int(n) => FluentValue::from(*n),
                Value::Float(x) => FluentValue::from(*x),
                Value::Text(text) => FluentValue::from(text.as_str()),
            };
            fluent_args.set(*name, value);
        }
        // A value the message reads and the code did not give shows as `{$name}`: visible, never a crash.
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.keys().map(String::as_str)
    }

    /// What keeps this catalog from replacing `reference`: keys missing or extra, and messages whose
    /// `$values` differ.
    pub fn problems_against(&self, reference: &Catalog) -> Vec<String> {
        let mut problems = Vec::new();
        for (key, values) in &reference.keys {
            match self.keys.get(key) {
                None => problems.push(format!("`{key}` is missing")),
                Some(own) if own != values => {
                    problems.push(format!("`{key}` uses {:?}, the reference {:?}", own, values))
                }
                Some(_) => {}
            }
        }
        for key in self.keys.keys() {
            if !reference.keys.contains_key(key) {
                problems.push(format!("`{key}` is not a message of the reference"));
            }
        }
        problems
    }
}

/// The `$values` a pattern reads, in its text, its choices and their variants.
fn collect_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_in_expression(expression, out);
        }
    }
}

fn collect_in_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_in_inline(selector, out);
            for variant in variants {
                collect_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_in_inline(inline, out),
    }
}

fn collect_in_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_in_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                collect_in_inline(arg, out);
            }
            for arg in &arguments.named {
                collect_in_inline(&arg.value, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_formats_and_reports_lines() {
        let c = Catalog::parse(
            "fr.ftl",
            "# a comment\nhello = Bonjour { $name } !\nlong = one\n    two\n",
        )
        .unwrap();
        assert_eq!(c.tag(), "fr");
        assert_eq!(
            c.format("hello", &[("name", Value::Text("Ada".into()))]).unwrap(),
            "Bonjour Ada !"
        );
        assert_eq!(c.format("long", &[]).unwrap(), "one\ntwo");
        assert_eq!(c.format("absent", &[]), None);
        assert_eq!(
            c.format("hello", &[]).unwrap(),
            "Bonjour {$name} !",
            "a value not given stays visible"
        );
        let err = Catalog::parse("t.ftl", "ok = yes\nnot a message\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.to_string().starts_with("t.ftl:2: "), "{err}");
        let twice = Catalog::parse("t.ftl", "a = 1\na = 2\n").unwrap_err();
        assert_eq!(twice.to_string(), "t.ftl:2: `a` is defined twice");
    }

    #[test]
    fn plurals_follow_the_language() {
        // Fluent puts each variant of a choice on its own line.
        let text = "lessons = { $n ->\n    [one] { $n } leçon\n   *[other] { $n } leçons\n}\n";
        let fr = Catalog::parse("fr.ftl", text).unwrap();
        let en = Catalog::parse("en.ftl", text).unwrap();
        let n = |n| [("n", Value::Int(n))];
        // French counts 0 and 1 as singular, English only 1.
        assert_eq!(fr.format("lessons", &n(0)).unwrap(), "0 leçon");
        assert_eq!(fr.format("lessons", &n(1)).unwrap(), "1 leçon");
        assert_eq!(fr.format("lessons", &n(2)).unwrap(), "2 leçons");
        assert_eq!(en.format("lessons", &n(0)).unwrap(), "0 leçons");
        // An unknown language takes English's plural rules rather than failing.
        let xx = Catalog::parse("qq.ftl", text).unwrap();
        assert_eq!(xx.format("lessons", &n(1)).unwrap(), "1 leçon");
    }

    #[test]
    fn a_translation_is_checked_against_the_reference() {
        let reference = Catalog::parse(
            "en.ftl",
            "a = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\nb = done\n",
        )
        .unwrap();
        let good = Catalog::parse("xx.ftl", "a = { $n } fichier(s)\nb = fait\n").unwrap();
        assert!(good.problems_against(&reference).is_empty());
        let bad = Catalog::parse("yy.ftl", "a = des fichiers\nc = en trop\n").unwrap();
        let problems = bad.problems_against(&reference);
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
