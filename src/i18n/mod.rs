//! The language of atelier's own messages: French for a French lesson, English on request.
//!
//! Messages move, a few at a time, from `lang.pick("…", "…")` at the call site to one catalog file
//! per language (`fr.ftl`, the reference, and `en.ftl`), read through [`Lang::text`] and
//! [`Lang::format`]: wording apart from the code, a new language one more file with the same keys.
mod catalog;

use std::fmt::Display;
use std::sync::LazyLock;

use serde::Serialize;

pub use catalog::{Catalog, CatalogError};

/// The catalogs compiled into the binary; a broken one fails the test `builtin_catalogs_agree`.
static FR: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::parse("src/i18n/fr.ftl", include_str!("fr.ftl")).unwrap_or_default());
static EN: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::parse("src/i18n/en.ftl", include_str!("en.ftl")).unwrap_or_default());

/// A language atelier speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or the English text of a message.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// `n` and the noun agreeing with it: "1 leçon", "2 leçons", "0 leçon" (French singular for 0
    /// and 1), "0 lessons", "1 lesson".
    pub fn count(self, n: usize, fr_one: &str, fr_many: &str, en_one: &str, en_many: &str) -> String {
        let noun = match self {
            Lang::Fr if n <= 1 => fr_one,
            Lang::Fr => fr_many,
            Lang::En if n == 1 => en_one,
            Lang::En => en_many,
        };
        format!("{n} {noun}")
    }

    /// This language's message catalog.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The catalog's message `key` (one without values).
    pub fn text(self, key: &str) -> String {
        self.catalog().format(key, &[])
    }

    /// The catalog's message `key` with its `{name}` values.
    pub fn format(self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        self.catalog().format(key, args)
    }

    /// Parses a language tag such as `fr`, `en_US.UTF-8` or `fr-CA`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("fr") {
            Some(Lang::Fr)
        } else if tag.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the messages: `--lang` first, then an English `LANG`/`LC_ALL`/`LC_MESSAGES`,
    /// then the lesson's own language.
    pub fn resolve(explicit: Option<Lang>, lesson: Lang) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() {
                    continue;
                }
                // Only an explicit English locale overrides a French lesson: "C" or "POSIX" says nothing.
                return match Lang::from_tag(&value) {
                    Some(Lang::En) => Lang::En,
                    _ => lesson,
                };
            }
        }
        lesson
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr_FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
    }

    #[test]
    fn plurals() {
        assert_eq!(
            Lang::Fr.count(1, "leçon", "leçons", "lesson", "lessons"),
            "1 leçon"
        );
        assert_eq!(
            Lang::Fr.count(0, "leçon", "leçons", "lesson", "lessons"),
            "0 leçon"
        );
        assert_eq!(
            Lang::Fr.count(2, "leçon", "leçons", "lesson", "lessons"),
            "2 leçons"
        );
        assert_eq!(
            Lang::En.count(0, "leçon", "leçons", "lesson", "lessons"),
            "0 lessons"
        );
        assert_eq!(
            Lang::En.count(1, "leçon", "leçons", "lesson", "lessons"),
            "1 lesson"
        );
    }

    #[test]
    fn builtin_catalogs_agree() {
        let fr = Catalog::parse("src/i18n/fr.ftl", include_str!("fr.ftl")).unwrap();
        let en = Catalog::parse("src/i18n/en.ftl", include_str!("en.ftl")).unwrap();
        assert_eq!(en.problems_against(&fr), Vec::<String>::new());
        assert!(fr.keys().count() >= 7);
        assert_eq!(Lang::En.text("repl-goodbye"), "See you soon!");
        assert_eq!(
            Lang::Fr.format("demo-did-you-mean", &[("name", &"pool")]),
            "Vouliez-vous dire « pool » ?"
        );
    }

    #[test]
    fn explicit_wins() {
        assert_eq!(Lang::resolve(Some(Lang::En), Lang::Fr), Lang::En);
        assert_eq!(Lang::Fr.pick("oui", "yes"), "oui");
    }
}
