//! What a piece of code has to say, as data: a catalog key and its values. Checks, reports and the
//! REPL return messages; they are put in words at the edge, in the reader's language, by
//! [`Message::word`]. JSON reports carry both the key with its values and the words.
use std::borrow::Cow;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{Lang, Value};

/// A catalog key and the values its text reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    key: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// A value of a message: a number (plural choices read it), a text, or another message (worded in
/// the same language first).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Int(i64),
    Float(f64),
    Text(String),
    Message(Box<Message>),
}

/// Builds a [`Message`]: `msg!("check-lines-missing", expected = 10, got = n)`. Value names are the
/// catalog's `$names` (snake_case).
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key)$(.arg(stringify!($name), $value))*
    };
}

impl Message {
    /// The message `key`, without values yet.
    pub fn new(key: impl Into<Cow<'static, str>>) -> Message {
        Message {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// The message with one more value.
    pub fn arg(mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Arg>) -> Message {
        self.args.push((name.into(), value.into()));
        self
    }

    /// The catalog key (the reason code of a check's outcome).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The values, in the order given.
    pub fn args(&self) -> impl Iterator<Item = (&str, &Arg)> {
        self.args.iter().map(|(n, a)| (n.as_ref(), a))
    }

    /// The value `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }

    /// The message in `lang`'s words; in English when `lang`'s catalog lacks it; its key when no
    /// catalog has it.
    pub fn word(&self, lang: Lang) -> String {
        let values: Vec<(&str, Value)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Int(n) => Value::Int(*n),
                    Arg::Float(x) => Value::Float(*x),
                    Arg::Text(t) => Value::Text(t.clone()),
                    Arg::Message(m) => Value::Text(m.word(lang)),
                };
                (name.as_ref(), value)
            })
            .collect();
        lang.catalog()
            .format(&self.key, &values)
            .or_else(|| Lang::En.catalog().format(&self.key, &values))
            .unwrap_or_else(|| self.key.to_string())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        Arg::Float(x)
    }
}

impl From<f32> for Arg {
    fn from(x: f32) -> Arg {
        Arg::Float(f64::from(x))
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                // Counts beyond i64 do not occur; saturate rather than wrap if one ever does.
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// `{"code": key, "values": {name: value}}`: what a program reading a JSON report matches on,
/// whatever the language of the words beside it.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Values<'a>(&'a [(Cow<'static, str>, Arg)]);
        impl Serialize for Values<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, arg) in self.0 {
                    map.serialize_entry(name.as_ref(), arg)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("code", self.key.as_ref())?;
        map.serialize_entry("values", &Values(&self.args))?;
        map.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Int(n) => serializer.serialize_i64(*n),
            Arg::Float(x) => serializer.serialize_f64(*x),
            Arg::Text(t) => serializer.serialize_str(t),
            Arg::Message(m) => m.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_language_then_english_then_the_key() {
        let m = crate::msg!("repl-resuming", section = 3, anchor = "pool");
        assert_eq!(m.word(Lang::En), "Resuming where you left off: §3 (#pool).");
        assert_eq!(m.word(Lang::Fr), "Reprise là où vous en étiez : §3 (#pool).");
        assert_eq!(Message::new("no-such-key").word(Lang::Fr), "no-such-key");
    }

    #[test]
    fn serialises_as_code_and_values() {
        let m = crate::msg!("demo-did-you-mean", name = "pool", n = 2usize);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"code":"demo-did-you-mean","values":{"name":"pool","n":2}}"#
        );
    }
}
