//! `counter`: exercise 3. Ten processes increment one shared `Value`. With its `Lock` the count is
//! exact; with `--no-lock` each increment is a read then a write of shared memory, and two processes
//! that read the same value both write it plus one: an update is lost. `--runs N` repeats and draws a
//! histogram of the final values.
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use nix::sched::{CpuSet, sched_setaffinity};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Lang;
use crate::procs::{Process, Queue, RawValue, Value};
use crate::view::histogram;

/// The exercise's ten processes.
const PROCESSES: usize = 10;
/// The exercise's hundred increments each, with the lock: 1000.
const LOCKED_INCREMENTS: u32 = 100;
/// Without the lock: a hundred increments take a process a microsecond, too short for two of them to
/// overlap often on 2 cores; with this many, they overlap on every run and the loss shows.
const UNLOCKED_INCREMENTS: u32 = 1_000_000;
/// At most this many runs (`--runs`): each forks ten processes.
const MAX_RUNS: u32 = 200;

static PROMPT_FR: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{PROCESSES} processus incrémentent ensemble un compteur partagé parti de 0 : {LOCKED_INCREMENTS} fois \
         chacun avec le verrou, {UNLOCKED_INCREMENTS} fois chacun sans. Quelle valeur finale prédisez-vous ?"
    )
});
static PROMPT_EN: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{PROCESSES} processes together increment a shared counter starting at 0: {LOCKED_INCREMENTS} times \
         each with the lock, {UNLOCKED_INCREMENTS} times each without. What final value do you predict?"
    )
});

/// The question the REPL asks before running `counter`, so the student commits to a prediction.
pub fn counter_prediction_prompt(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => PROMPT_FR.as_str(),
        Lang::En | Lang::Other(_) => PROMPT_EN.as_str(),
    }
}

#[derive(Debug, Serialize, Deserialize)]
enum Report {
    Ready { pid: i32, at: f64 },
    Done { pid: i32, at: f64 },
}

/// One run: the final value and the processes that made it.
struct Run {
    final_value: i64,
    pids: Vec<i32>,
    wall: Duration,
}

pub fn run(opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Json> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let lock = !opts.no_lock;
    let runs = opts.runs.unwrap_or(1).clamp(1, MAX_RUNS);
    let increments = if lock {
        LOCKED_INCREMENTS
    } else {
        UNLOCKED_INCREMENTS
    };
    let expected = PROCESSES as i64 * i64::from(increments);

    n.line(&match (lang, lock) {
        (Lang::Fr, true) => format!(
            "{PROCESSES} processus × {increments} incréments de Value('i', 0), chacun sous `with lock:`. \
             Attendu : {expected}."
        ),
        (Lang::En | Lang::Other(_), true) => format!(
            "{PROCESSES} processes × {increments} increments of Value('i', 0), each under `with lock:`. \
             Expected: {expected}."
        ),
        (Lang::Fr, false) => format!(
            "{PROCESSES} processus × {increments} incréments SANS verrou : counter.value += 1 lit la valeur \
             partagée puis écrit valeur + 1. ({increments} et non 100 par processus : en 100, un processus a \
             fini avant que l'autre commence, la course est trop rare pour se voir.) Attendu si rien ne se \
             perd : {expected}."
        ),
        (Lang::En | Lang::Other(_), false) => format!(
            "{PROCESSES} processes × {increments} increments WITHOUT the lock: counter.value += 1 reads the \
             shared value, then writes value + 1. ({increments} rather than 100 per process: in 100, one \
             process is done before the other starts, and the race is too rare to see.) Expected if nothing \
             is lost: {expected}."
        ),
    })?;
    n.say(
        "Les processus sont répartis sur les cœurs et attendent un même signal de départ, pour qu'ils \
         se chevauchent vraiment.",
        "The processes are dealt out over the cores and wait for one start signal, so that they really \
         overlap.",
    )?;

    let mut done = Vec::new();
    for k in 0..runs {
        let narrate = k == 0;
        let run = one_run(n, lock, increments, narrate)?;
        let lost = expected - run.final_value;
        n.line(&match lang {
            Lang::Fr => format!(
                "run {}/{runs} : valeur finale {} ({lost} mise(s) à jour perdue(s)) en {}",
                k + 1,
                run.final_value,
                fmt_duration(run.wall)
            ),
            Lang::En | Lang::Other(_) => format!(
                "run {}/{runs}: final value {} ({lost} update(s) lost) in {}",
                k + 1,
                run.final_value,
                fmt_duration(run.wall)
            ),
        })?;
        done.push(run);
    }

    let values: Vec<i64> = done.iter().map(|r| r.final_value).collect();
    if values.len() > 1 {
        n.heading(n.pick(
            "Valeurs finales (◀ : la valeur attendue)",
            "Final values (◀: the expected value)",
        ))?;
        n.block(&histogram::render(&values, expected, 40))?;
    }
    let runs_losing = values.iter().filter(|&&v| v != expected).count();
    let min = values.iter().copied().min().unwrap_or(0);
    let max = values.iter().copied().max().unwrap_or(0);
    let mut rows = vec![
        (n.pick("attendu", "expected").to_owned(), expected.to_string()),
        (
            n.pick("mesuré", "measured").to_owned(),
            if min == max {
                min.to_string()
            } else {
                match lang {
                    Lang::Fr => format!("de {min} à {max}"),
                    Lang::En | Lang::Other(_) => format!("from {min} to {max}"),
                }
            },
        ),
        (
            n.pick("runs avec des pertes", "runs that lost updates")
                .to_owned(),
            format!("{runs_losing} / {}", values.len()),
        ),
    ];
    if let Some(p) = opts.prediction {
        let hit = values.iter().filter(|&&v| v == p).count();
        rows.push((
            n.pick("votre prédiction", "your prediction").to_owned(),
            match lang {
                Lang::Fr => format!("{p} : observée dans {hit} run(s) sur {}", values.len()),
                Lang::En | Lang::Other(_) => format!("{p}: seen in {hit} run(s) of {}", values.len()),
            },
        ));
    }
    n.summary(&rows)?;
    n.say(
        if lock {
            "Le verrou rend « lire, ajouter 1, écrire » indivisible : aucune mise à jour ne se perd."
        } else {
            "Sans verrou, deux processus lisent parfois la même valeur et écrivent chacun valeur + 1 : une \
             mise à jour disparaît. Avec `with lock:` (ou counter.get_lock()), plus aucune."
        },
        if lock {
            "The lock makes \"read, add 1, write\" indivisible: no update is lost."
        } else {
            "Without the lock, two processes sometimes read the same value and each write value + 1: one \
             update vanishes. With `with lock:` (or counter.get_lock()), none does."
        },
    )?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": done.first().map(|r| r.pids.clone()).unwrap_or_default(),
        "lock": lock,
        "processes": PROCESSES,
        "increments_per_process": increments,
        "expected": expected,
        "final_value": values.first().copied().unwrap_or(0),
        "final_values": values,
        "runs": done.iter().map(|r| json!({
            "final_value": r.final_value,
            "lost": expected - r.final_value,
            "pids": r.pids,
            "wall_ms": ms(r.wall),
        })).collect::<Vec<_>>(),
        "runs_losing_updates": runs_losing,
        "prediction": opts.prediction,
    }))
}

fn one_run(n: &mut Narrator, lock: bool, increments: u32, narrate: bool) -> anyhow::Result<Run> {
    let lang = n.lang();
    let origin = n.origin();
    let counter: Value<i64> = Value::new(0)?;
    let gate: RawValue<u32> = RawValue::new(0)?;
    let queue: Queue<Report> = Queue::new()?;
    let started = Instant::now();
    let mut children = Vec::new();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    for k in 0..PROCESSES {
        let (counter, gate, q) = (&counter, &gate, &queue);
        children.push(Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            // Deal the processes out over the cores, as an idle machine would: the scheduler tends to
            // keep fresh children on their parent's core, and a race needs two cores at once.
            spread_over_cores(k, cores);
            q.put(&Report::Ready {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            while gate.load() == 0 {
                std::thread::yield_now();
            }
            for _ in 0..increments {
                if lock {
                    let mut value = counter.get_lock()?;
                    *value += 1;
                } else {
                    // counter.value += 1 without the lock: a read, then a write; another process may
                    // write in between, and its update is overwritten.
                    counter.store(counter.load() + 1);
                }
            }
            q.put(&Report::Done {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            Ok(())
        })?);
    }
    let mut ready = 0;
    while ready < PROCESSES {
        if let Report::Ready { pid, at } = queue.get()? {
            ready += 1;
            if narrate {
                n.pid_at(
                    pid,
                    at,
                    n.pick("prêt, attend le départ", "ready, waiting for the start"),
                )?;
            }
        }
    }
    gate.store(1);
    if narrate {
        n.say("départ !", "go!")?;
    }
    let mut finished = 0;
    while finished < PROCESSES {
        if let Report::Done { pid, at } = queue.get()? {
            finished += 1;
            if narrate {
                n.pid_at(
                    pid,
                    at,
                    &match lang {
                        Lang::Fr => format!("a fait ses {increments} incréments"),
                        Lang::En | Lang::Other(_) => format!("did its {increments} increments"),
                    },
                )?;
            }
        }
    }
    let mut pids = Vec::new();
    for child in &mut children {
        child.join_ok()?;
        pids.push(child.pid());
    }
    Ok(Run {
        final_value: counter.get()?,
        pids,
        wall: started.elapsed(),
    })
}

/// Places the calling process on core `k % cores` (best effort: a refusal only makes the race rarer).
fn spread_over_cores(k: usize, cores: usize) {
    let mut set = CpuSet::new();
    if set.set(k % cores).is_ok() {
        let _ = sched_setaffinity(Pid::from_raw(0), &set);
    }
}
