//! The language of atelier's own messages: French for a French lesson, English on request, and any
//! language one Fluent file adds.
//!
//! Code says *what* happened as a [`Message`] (a key and its values); the one catalog file per
//! language (`src/i18n/fr.ftl`, the reference, `src/i18n/en.ftl`, any other `src/i18n/<tag>.ftl`
//! compiled in by `build.rs`, or `<tag>.ftl` in the user's `$XDG_DATA_HOME/atelier/i18n/`) says it
//! in words. A third language is one new file with the reference's keys: nothing in the code names
//! the languages beyond the two the course is written in.
mod catalog;
mod failure;
mod message;
mod serde_words;

use std::path::PathBuf;
use std::sync::{LazyLock, OnceLock};

use serde::{Serialize, Serializer};

pub use catalog::{Catalog, CatalogError, Value};
pub use failure::{Failure, OrFail, fail, worded_error};
pub use message::{Arg, Message};
pub use serde_words::{serde_message, without_position};

/// A catalog compiled into the binary, parsed the first time a message is worded in it: a run
/// parses the one language it speaks (and English only if that one lacks a message).
struct Builtin {
    file: &'static str,
    /// The file's stem (`fr` for `src/i18n/fr.ftl`), known without parsing.
    tag: &'static str,
    text: &'static str,
    parsed: OnceLock<Catalog>,
}

impl Builtin {
    fn catalog(&self) -> &Catalog {
        self.parsed.get_or_init(|| {
            // A broken one fails the test `builtin_catalogs_agree`, and shows as its keys at run time.
            Catalog::parse(self.file, self.text).unwrap_or_else(|e| {
                eprintln!("atelier: {e}");
                Catalog::parse(self.file, "").expect("an empty catalog parses")
            })
        })
    }
}

/// The catalogs compiled into the binary, `fr` then `en` then the others (see `build.rs`).
static BUILTIN: LazyLock<Vec<Builtin>> = LazyLock::new(|| {
    let files: &[(&str, &str)] = &include!(concat!(env!("OUT_DIR"), "/i18n_catalogs.rs"));
    files
        .iter()
        .map(|&(file, text)| Builtin {
            file,
            tag: file.rsplit('/').next().unwrap_or(file).trim_end_matches(".ftl"),
            text,
            parsed: OnceLock::new(),
        })
        .collect()
});

/// The catalogs found in the user's data folder, read once, the first time a language is asked
/// for that the binary does not have.
static INSTALLED: OnceLock<Vec<Catalog>> = OnceLock::new();

/// A language atelier speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// The course's language and the reference catalog.
    #[default]
    Fr,
    En,
    /// Any other catalog: its index among the built-in ones, then the installed ones.
    Other(u16),
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.tag())
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The folder where a user installs a catalog: `$XDG_DATA_HOME/atelier/i18n` (or
/// `~/.local/share/atelier/i18n`).
pub fn installed_catalogs_dir() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("atelier").join("i18n"))
}

fn installed() -> &'static [Catalog] {
    INSTALLED.get_or_init(|| {
        let Some(dir) = installed_catalogs_dir() else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        paths.sort();
        let mut catalogs = Vec::new();
        for path in paths {
            let name = path.display().to_string();
            // A broken or unreadable file is named and left out; the built-in languages still work.
            match std::fs::read_to_string(&path) {
                Ok(text) => match Catalog::parse(&name, &text) {
                    Ok(catalog) => catalogs.push(catalog),
                    Err(e) => eprintln!("atelier: {e}"),
                },
                Err(e) => eprintln!("atelier: {name}: {e}"),
            }
        }
        catalogs
    })
}

impl Lang {
    /// Picks the French or the English text (the course's own bilingual texts, such as a spec's
    /// titles: any other language reads the English one).
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En | Lang::Other(_) => en,
        }
    }

    /// This language's message catalog.
    pub fn catalog(self) -> &'static Catalog {
        let builtin = &*BUILTIN;
        let index = match self {
            Lang::Fr => 0,
            Lang::En => 1,
            Lang::Other(i) => usize::from(i),
        };
        match builtin.get(index) {
            Some(entry) => entry.catalog(),
            None => installed()
                .get(index - builtin.len())
                .unwrap_or_else(|| builtin[1].catalog()),
        }
    }

    /// The language's tag: `fr`, `en`, or its catalog file's name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other(_) => self.catalog().tag(),
        }
    }

    /// The message in this language's words; a message its catalog lacks is worded in English,
    /// then shown as its key (a missing translation is visible, never a crash).
    pub fn word(self, message: &Message) -> String {
        message.word(self)
    }

    /// The catalog's message `key` (one without values).
    pub fn text(self, key: &str) -> String {
        Message::new(key.to_string()).word(self)
    }

    /// Parses a language tag such as `fr`, `en_US.UTF-8`, `fr-CA` or `de`: the language of a
    /// catalog atelier has (built in, or installed in [`installed_catalogs_dir`]).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['_', '-', '.', '@']).next().unwrap_or_default();
        if primary.is_empty() {
            return None;
        }
        let builtin = &*BUILTIN;
        let index = builtin.iter().position(|c| c.tag == primary).or_else(|| {
            installed()
                .iter()
                .position(|c| c.tag() == primary)
                .map(|i| i + builtin.len())
        })?;
        Some(match index {
            0 => Lang::Fr,
            1 => Lang::En,
            i => Lang::Other(u16::try_from(i).ok()?),
        })
    }

    /// The languages atelier can speak here, by tag.
    pub fn available() -> Vec<&'static str> {
        BUILTIN
            .iter()
            .map(|b| b.tag)
            .chain(installed().iter().map(Catalog::tag))
            .collect()
    }

    /// The language of the messages: `--lang` first, then a locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`) in a language other than French that atelier has, then the lesson's own language.
    pub fn resolve(explicit: Option<Lang>, lesson: Lang) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() {
                    continue;
                }
                // A French locale, "C" or "POSIX" says nothing against the lesson's language: only
                // a locale in another language atelier speaks overrides it.
                return match Lang::from_tag(&value) {
                    Some(Lang::Fr) | None => lesson,
                    Some(other) => other,
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
    fn builtin_catalogs_agree() {
        let fr = Catalog::parse("src/i18n/fr.ftl", include_str!("fr.ftl")).unwrap();
        let en = Catalog::parse("src/i18n/en.ftl", include_str!("en.ftl")).unwrap();
        assert_eq!(en.problems_against(&fr), Vec::<String>::new());
        assert!(fr.keys().count() >= 7);
        assert_eq!(BUILTIN[0].tag, "fr");
        assert_eq!(BUILTIN[1].tag, "en");
        for other in BUILTIN.iter().skip(2) {
            assert_eq!(
                other.catalog().problems_against(&fr),
                Vec::<String>::new(),
                "{}",
                other.tag
            );
        }
        assert_eq!(Lang::En.text("repl-goodbye"), "See you soon!");
        assert_eq!(
            crate::msg!("demo-did-you-mean", name = "pool").word(Lang::Fr),
            "Vouliez-vous dire « pool » ?"
        );
    }

    #[test]
    fn explicit_wins() {
        assert_eq!(Lang::resolve(Some(Lang::En), Lang::Fr), Lang::En);
        assert_eq!(Lang::Fr.pick("oui", "yes"), "oui");
    }
}
