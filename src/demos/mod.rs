//! The live demos: one file per demo, each a narrated program over [`crate::procs`] that runs real
//! processes, says what happens as it happens (each process's lines marked with its PID), ends with a
//! summary of what was measured, and returns the figures as JSON. The `DEMOS` table links each demo to
//! the lesson section it illustrates; the REPL's `demo` runs the current section's.
use std::io::{self, Write};

use serde_json::Value;

use crate::i18n::Lang;

mod counter;
mod duel;
mod histogram;
mod ipc_cost;
mod main_guard;
mod narrator;
mod pipe_lines;
mod pool;
mod primes;
mod process;
mod python_run;
mod queue;
mod startup_cost;
mod thumbnails;
mod timeline;

pub use counter::counter_prediction_prompt;
pub use main_guard::{SpawnChild, spawn_child};
pub use narrator::Narrator;
pub use python_run::run_python;

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

/// A demo's body: narrates to the narrator, returns what it measured.
type RunFn = fn(&DemoOptions, &mut Narrator) -> anyhow::Result<Value>;

/// One live demo and the lesson section it illustrates.
pub struct Demo {
    /// What the student types: `atelier demo NAME`, `demo NAME` in the REPL.
    pub name: &'static str,
    /// The anchor of the section it belongs to (`creation-de-processus`).
    pub section: &'static str,
    description_fr: &'static str,
    description_en: &'static str,
    run: RunFn,
}

impl Demo {
    /// The one-line description, in the given language.
    pub fn description(&self, lang: Lang) -> &'static str {
        lang.pick(self.description_fr, self.description_en)
    }
}

impl std::fmt::Debug for Demo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Demo")
            .field("name", &self.name)
            .field("section", &self.section)
            .finish_non_exhaustive()
    }
}

/// Every demo, in the order of the chapter.
pub static DEMOS: &[Demo] = &[
    Demo {
        name: "duel",
        section: "processus-vs-threads",
        description_fr: "la même tâche CPU sur 2 threads sous un verrou global (GIL simulé) contre 2 processus ; \
                         et la mémoire : isolée entre processus, partagée entre threads",
        description_en: "the same CPU task on 2 threads under one global lock (a simulated GIL) vs 2 processes; \
                         and memory: isolated between processes, shared between threads",
        run: duel::run,
    },
    Demo {
        name: "process",
        section: "creation-de-processus",
        description_fr: "deux processus enfants calculent chacun sum(i*i for i in range(10**7)), le parent les attend",
        description_en: "two child processes each compute sum(i*i for i in range(10**7)), joined by the parent",
        run: process::run,
    },
    Demo {
        name: "main-guard",
        section: "creation-de-processus",
        description_fr: "sans `if __name__ == \"__main__\"`, spawn relance le lancement en boucle : l'arbre de processus, borné",
        description_en: "without `if __name__ == \"__main__\"`, spawn re-runs the launch code: the process tree, bounded",
        run: main_guard::run,
    },
    Demo {
        name: "pool",
        section: "pool-de-processus",
        description_fr: "Pool.map des carrés de 1 à 8 sur un pool d'autant de processus que de cœurs, avec le PID de chacun",
        description_en: "Pool.map of the squares of 1 to 8 on a pool of one process per core, with each one's PID",
        run: pool::run,
    },
    Demo {
        name: "queue",
        section: "communication-inter-processus",
        description_fr: "un producteur et un consommateur dans deux processus ; le get bloquant",
        description_en: "a producer and a consumer in two processes; the blocking get",
        run: queue::run,
    },
    Demo {
        name: "ipc-cost",
        section: "communication-inter-processus",
        description_fr: "envoyer une grosse donnée par une Queue ou calculer là où elle est : le coût de la sérialisation, mesuré",
        description_en: "sending a large payload through a Queue vs computing where the data is: the serialisation cost, measured",
        run: ipc_cost::run,
    },
    Demo {
        name: "primes",
        section: "exercice-1-nombres-premiers",
        description_fr: "la course : premiers de range(100_000, 300_000) en séquentiel puis en 4 morceaux sur un Pool",
        description_en: "the race: primes in range(100_000, 300_000) sequentially, then in 4 chunks on a Pool",
        run: primes::run,
    },
    Demo {
        name: "thumbnails",
        section: "exercice-2-traitement-images",
        description_fr: "10 images simulées (0,5 s chacune) avec imap_unordered : les résultats arrivent par paquets de N cœurs",
        description_en: "10 simulated images (0.5 s each) with imap_unordered: the results arrive in batches of N cores",
        run: thumbnails::run,
    },
    Demo {
        name: "counter",
        section: "exercice-3-memoire-partagee",
        description_fr: "10 processus × 100 incréments d'une Value partagée avec son Lock : 1000 ; --no-lock : les mises à jour perdues",
        description_en: "10 processes × 100 increments of a shared Value with its Lock: 1000; --no-lock: the lost updates",
        run: counter::run,
    },
    Demo {
        name: "startup-cost",
        section: "questions-cles-43",
        description_fr: "question 4 : 100 processus pour 100 petites tâches contre un Pool de 4, mesurés",
        description_en: "question 4: 100 processes for 100 small tasks vs a Pool of 4, measured",
        run: startup_cost::run,
    },
];

/// The demo called `name`.
pub fn find(name: &str) -> Option<&'static Demo> {
    DEMOS.iter().find(|d| d.name == name)
}

/// The demos of one section, in the table's order.
pub fn for_section(anchor: &str) -> Vec<&'static Demo> {
    DEMOS.iter().filter(|d| d.section == anchor).collect()
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
    narrator.heading(&format!("demo {} — {}", demo.name, demo.description(opts.lang)))?;
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

/// The demos, one a line: name, section, description.
pub fn write_list(out: &mut dyn Write, lang: Lang) -> io::Result<()> {
    let name_width = DEMOS.iter().map(|d| d.name.len()).max().unwrap_or(0);
    let section_width = DEMOS.iter().map(|d| d.section.len()).max().unwrap_or(0);
    for d in DEMOS {
        writeln!(
            out,
            "  {:name_width$}  #{:section_width$}  {}",
            d.name,
            d.section,
            d.description(lang)
        )?;
    }
    Ok(())
}

/// Whether Ctrl-C was pressed since the demo started.
pub(crate) fn interrupted() -> bool {
    crate::procs::interrupt::requested()
}

fn is_interruption(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<crate::procs::Error>(),
            Some(crate::procs::Error::Interrupted)
        )
    })
}

/// The error a demo returns when Ctrl-C stopped it, after every child was killed and reaped.
pub(crate) fn interrupted_error(lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(
        "{}",
        lang.pick(
            "interrompu (Ctrl-C) : tous les processus enfants ont été arrêtés et attendus.",
            "interrupted (Ctrl-C): every child process was stopped and reaped."
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_demos_with_unique_names_and_both_languages() {
        assert_eq!(DEMOS.len(), 10);
        for (i, d) in DEMOS.iter().enumerate() {
            assert!(
                DEMOS[..i].iter().all(|e| e.name != d.name),
                "duplicate {}",
                d.name
            );
            assert!(!d.description(Lang::Fr).is_empty() && !d.description(Lang::En).is_empty());
            assert_eq!(find(d.name).map(|f| f.name), Some(d.name));
        }
        assert_eq!(
            for_section("creation-de-processus")
                .iter()
                .map(|d| d.name)
                .collect::<Vec<_>>(),
            ["process", "main-guard"]
        );
        assert!(find("nope").is_none());
    }
}
