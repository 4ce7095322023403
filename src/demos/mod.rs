//! The live demos: one file per demo, each a narrated program over [`crate::procs`] that runs real
//! processes, says what happens as it happens (each process's lines marked with its PID), ends with a
//! summary of what was measured, and returns the figures as JSON. The `DEMOS` table links each demo to
//! the lesson section it illustrates; the REPL's `demo` runs the current section's.
use std::io::{self, Write};

use serde_json::Value;

use crate::i18n::Lang;
use interruption::{interrupted, interrupted_error, is_interruption};

mod counter;
mod duel;
mod interruption;
mod ipc_cost;
mod main_guard;
mod narrator;
mod pipe_lines;
mod pool;
mod primes;
mod process;
mod python_run;
mod queue;
mod spawn_child;
mod startup_cost;
mod table;
mod thumbnails;

pub use counter::counter_prediction_prompt;
pub use narrator::Narrator;
pub use python_run::run_python;
pub use spawn_child::{SpawnChild, spawn_child};
pub use table::{DEMOS, Demo, find, for_section, write_list};

/// How a demo is run: from the command line's flags or from the REPL.
#[derive(Debug, Clone, Default)]
pub struct DemoOptions {
    /// Narrate nothing; the caller prints the returned figures.
    pub json: bool,
    /// `counter`: increment without the lock, to see lost updates.
    pub no_lock: bool,
    /// `counter`: how many runs (a histogram of the final values when more than one); `primes`: how
    /// many measurements of each side (the best is kept).
    pub runs: Option<u32>,
    /// The language of the narration.
    pub lang: Lang,
    /// ANSI colours in the narration.
    pub color: bool,
    /// `counter`: the final value the student predicted, compared with what was measured.
    pub prediction: Option<i64>,
}

/// Runs one demo: narrates to `out` (nothing when `opts.json`), returns what it measured. Ctrl-C stops
/// it: every child is killed and reaped, and the error says the demo was interrupted.
pub fn run_demo(demo: &Demo, opts: &DemoOptions, out: &mut dyn Write) -> anyhow::Result<Value> {
    // While it is held, Ctrl-C only sets a flag: every blocking call of `procs` then kills and reaps
    // its children and returns `Interrupted`, and the demo unwinds to here.
    let _guard = crate::procs::interrupt::Guard::install()?;
    let mut sink = io::sink();
    let out: &mut dyn Write = if opts.json { &mut sink } else { out };
    let mut narrator = Narrator::new(out, opts.lang, opts.color);
    narrator.heading_of(&crate::msg!(
        "demo-heading",
        name = demo.name,
        description = demo.description(opts.lang)
    ))?;
    let mut figures = match (demo.run)(opts, &mut narrator) {
        Ok(figures) => figures,
        // Whatever failed on the way (a worker killed by the same Ctrl-C, a pipe closed), the cause
        // is the interruption; the processes the demo owned were dropped, hence killed and reaped.
        Err(_) if interrupted() => return Err(interrupted_error(opts.lang)),
        Err(e) if is_interruption(&e) => return Err(interrupted_error(opts.lang)),
        Err(e) => return Err(e),
    };
    if let Value::Object(map) = &mut figures {
        map.insert("demo".into(), demo.name.into());
        map.insert("section".into(), demo.section.into());
    }
    Ok(figures)
}
