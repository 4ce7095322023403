//! An error that is a message. Code that fails says why as a [`Message`] (with the error that
//! caused it, if any); the command line words it in the reader's language ([`worded_error`]),
//! anything else reads it in English (its `Display`, as `anyhow` shows it).
use std::error::Error;
use std::fmt;

use super::{Lang, Message};

type Source = Box<dyn Error + Send + Sync + 'static>;

/// Why something failed, as a message, and what caused it.
pub struct Failure {
    message: Message,
    source: Option<Source>,
}

impl Failure {
    pub fn new(message: Message) -> Failure {
        Failure {
            message,
            source: None,
        }
    }

    /// The failure, caused by `source` (shown after it, as `anyhow` shows a context).
    pub fn because(mut self, source: impl Into<Source>) -> Failure {
        self.source = Some(source.into());
        self
    }

    pub fn message(&self) -> &Message {
        &self.message
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.word(Lang::En))
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Failure")
            .field("message", &self.message)
            .field("source", &self.source)
            .finish()
    }
}

impl Error for Failure {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|s| s as &(dyn Error + 'static))
    }
}

/// Stops with `message`.
pub fn fail<T>(message: Message) -> anyhow::Result<T> {
    Err(Failure::new(message).into())
}

/// `with_context` for messages: the error (if any) becomes the cause of a [`Failure`].
pub trait OrFail<T> {
    fn or_fail(self, message: impl FnOnce() -> Message) -> anyhow::Result<T>;
}

impl<T, E: Into<Source>> OrFail<T> for Result<T, E> {
    fn or_fail(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.map_err(|err| Failure::new(message()).because(err).into())
    }
}

impl<T> OrFail<T> for Option<T> {
    fn or_fail(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.ok_or_else(|| Failure::new(message()).into())
    }
}

/// `err` and its causes, each worded in `lang` when it is a [`Failure`], joined by ": " (as
/// `anyhow` shows a chain with `{:#}`).
pub fn worded_error(err: &anyhow::Error, lang: Lang) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<Failure>() {
            Some(failure) => failure.message.word(lang),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn a_chain_is_worded_layer_by_layer() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let err = Err::<(), _>(io)
            .or_fail(|| msg!("gradebook-missing", path = "a.sqlite"))
            .unwrap_err();
        assert_eq!(format!("{err:#}"), "a.sqlite: no such gradebook: gone");
        assert_eq!(worded_error(&err, Lang::En), "a.sqlite: no such gradebook: gone");
        assert_eq!(
            worded_error(&err, Lang::Fr),
            "a.sqlite: carnet de notes introuvable: gone"
        );
        // A context around it keeps its own words.
        let outer = err.context("while merging");
        assert_eq!(
            worded_error(&outer, Lang::Fr),
            "while merging: a.sqlite: carnet de notes introuvable: gone"
        );
    }
}
