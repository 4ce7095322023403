//! A demo stopped by Ctrl-C: whether it was pressed, and the error that says every child was
//! stopped and reaped.
use crate::i18n::Lang;

/// Whether Ctrl-C was pressed since the demo started.
pub fn interrupted() -> bool {
    crate::procs::interrupt::requested()
}

pub fn is_interruption(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<crate::procs::Error>(),
            Some(crate::procs::Error::Interrupted)
        )
    })
}

/// The error a demo returns when Ctrl-C stopped it, after every child was killed and reaped.
pub fn interrupted_error(lang: Lang) -> anyhow::Error {
    anyhow::anyhow!("{}", lang.text("demo-interrupted"))
}
