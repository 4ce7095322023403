//! The table of the live demos: each one's name, the lesson section it illustrates, its description
//! as a catalog key and its body.
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
    /// The catalog key of its one-line description.
    description: &'static str,
    pub(super) run: RunFn,
}

impl Demo {
    /// The one-line description, in the given language.
    pub fn description(&self, lang: Lang) -> String {
        lang.text(self.description)
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
        description: "demo-description-duel",
        run: duel::run,
    },
    Demo {
        name: "process",
        section: "creation-de-processus",
        description: "demo-description-process",
        run: process::run,
    },
    Demo {
        name: "main-guard",
        section: "creation-de-processus",
        description: "demo-description-main-guard",
        run: main_guard::run,
    },
    Demo {
        name: "pool",
        section: "pool-de-processus",
        description: "demo-description-pool",
        run: pool::run,
    },
    Demo {
        name: "queue",
        section: "communication-inter-processus",
        description: "demo-description-queue",
        run: queue::run,
    },
    Demo {
        name: "ipc-cost",
        section: "communication-inter-processus",
        description: "demo-description-ipc-cost",
        run: ipc_cost::run,
    },
    Demo {
        name: "primes",
        section: "exercice-1-nombres-premiers",
        description: "demo-description-primes",
        run: primes::run,
    },
    Demo {
        name: "thumbnails",
        section: "exercice-2-traitement-images",
        description: "demo-description-thumbnails",
        run: thumbnails::run,
    },
    Demo {
        name: "counter",
        section: "exercice-3-memoire-partagee",
        description: "demo-description-counter",
        run: counter::run,
    },
    Demo {
        name: "startup-cost",
        section: "questions-cles-43",
        description: "demo-description-startup-cost",
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
            for lang in [Lang::Fr, Lang::En] {
                assert_ne!(
                    d.description(lang),
                    d.description,
                    "{} has no description",
                    d.name
                );
            }
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
