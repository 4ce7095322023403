//! The table of the live demos: each one's name, the lesson section it illustrates, its description
//! in both languages and its body.
use std::io::{self, Write};

use serde_json::Value;

use super::{DemoOptions, Narrator};
use super::{counter, duel, ipc_cost, main_guard, pool, primes, process, queue, startup_cost, thumbnails};
use crate::i18n::Lang;

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
    pub(super) run: RunFn,
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
