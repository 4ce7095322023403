//! The language of atelier's own messages: French for a French lesson, English on request.
use serde::Serialize;

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
    fn explicit_wins() {
        assert_eq!(Lang::resolve(Some(Lang::En), Lang::Fr), Lang::En);
        assert_eq!(Lang::Fr.pick("oui", "yes"), "oui");
    }
}
