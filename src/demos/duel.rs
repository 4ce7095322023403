//! `duel`: the chapter's first table, measured. The same CPU-bound task twice, on 2 threads that take
//! turns under one global lock (a simulation of CPython's GIL, labelled as such), then on 2 processes:
//! wall time and cores used (CPU time / wall time). Then memory: a child process changes a variable and
//! its parent does not see it; a thread changes one and its process does.
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::prime::is_prime;
use crate::procs::{Process, Queue};

/// Each task counts the primes below this: long enough (about a tenth of a second here) for the
/// times to mean something, short enough for a demo.
const TASK_LIMIT: u64 = 1_500_000;
/// Numbers a thread tests per turn with the simulated GIL: CPython hands the GIL over every 5 ms
/// (`sys.getswitchinterval()`); slices this size last well under that.
const SLICE: u64 = 5_000;

/// The simulated GIL: one lock for the whole process, held by whichever thread computes.
static GIL: Mutex<()> = Mutex::new(());

/// What a child process reports to its parent.
#[derive(Debug, Serialize, Deserialize)]
enum Report {
    Started {
        pid: i32,
        at: f64,
    },
    Counted {
        pid: i32,
        at: f64,
        primes: u64,
    },
    /// The child's view of the variable after it changed it.
    Changed {
        pid: i32,
        seen: i64,
    },
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let parent = std::process::id() as i32;
    n.say(&msg!("demo-duel-task", limit = TASK_LIMIT, parent = parent))?;

    // Processes first, both acts: fork is only safe while this process has a single thread.
    n.heading_of(&Message::new("demo-duel-act-processes-time"))?;
    let procs = two_processes(n)?;
    n.heading_of(&Message::new("demo-duel-act-processes-memory"))?;
    let variable = Variable::new(n)?;
    let isolated = variable.changed_by_child(n)?;

    n.heading_of(&Message::new("demo-duel-act-threads-time"))?;
    n.say(&Message::new("demo-duel-simulation"))?;
    let threads = two_threads(n)?;
    n.heading_of(&Message::new("demo-duel-act-threads-memory"))?;
    let memory = variable.changed_by_thread(n, isolated)?;
    wait_single_threaded();

    let speedup = threads.wall.as_secs_f64() / procs.wall.as_secs_f64().max(1e-9);
    let cores = |m: &Measure| m.cpu.as_secs_f64() / m.wall.as_secs_f64().max(1e-9);
    let row = |m: &Measure| {
        n.word(&msg!(
            "demo-duel-row",
            time = fmt_duration(m.wall),
            cores = format!("{:.2}", cores(m))
        ))
    };
    n.summary(&[
        (n.text("demo-duel-two-processes"), row(&procs)),
        (n.text("demo-duel-two-threads"), row(&threads)),
        (
            n.text("demo-duel-processes-are"),
            n.word(&msg!("demo-duel-faster", speedup = format!("{speedup:.2}"))),
        ),
        (
            n.text("demo-duel-changed-by-child"),
            n.word(&msg!(
                "demo-duel-child-sees",
                child = memory.child_saw,
                parent = memory.parent_after_child
            )),
        ),
        (
            n.text("demo-duel-changed-by-thread"),
            n.word(&msg!("demo-duel-process-sees", value = memory.after_thread)),
        ),
    ])?;

    let available = std::thread::available_parallelism().map_or(1, |c| c.get());
    if available >= 2 && cores(&procs) < 1.5 {
        super::narrator::loaded_machine_note(n)?;
    }

    Ok(json!({
        "parent_pid": parent,
        "child_pids": procs.pids.iter().copied().chain([memory.child_pid]).collect::<Vec<_>>(),
        "task": {"count_primes_below": TASK_LIMIT, "primes": procs.primes},
        "processes": procs.json(),
        "threads_gil_simulated": threads.json(),
        "processes_speedup": (speedup * 1000.0).round() / 1000.0,
        "gil": "simulated: one global std::sync::Mutex held by each thread while it computes",
        "memory": {
            "initial": memory.initial,
            "child_pid": memory.child_pid,
            "child_saw": memory.child_saw,
            "parent_after_child": memory.parent_after_child,
            "after_thread": memory.after_thread,
            "process_memory_isolated": memory.parent_after_child == memory.initial,
            "thread_memory_shared": memory.after_thread != memory.initial,
        },
    }))
}

/// Wall time and CPU time of one side of the duel.
struct Measure {
    wall: Duration,
    cpu: Duration,
    primes: Vec<u64>,
    pids: Vec<i32>,
}

impl Measure {
    fn json(&self) -> Value {
        json!({
            "wall_ms": ms(self.wall),
            "cpu_ms": ms(self.cpu),
            "cores_used": ((self.cpu.as_secs_f64() / self.wall.as_secs_f64().max(1e-9)) * 100.0).round() / 100.0,
            "results": self.primes,
        })
    }
}

fn cpu_time(who: UsageWho) -> anyhow::Result<Duration> {
    let usage = getrusage(who)?;
    let tv = |t: nix::sys::time::TimeVal| Duration::new(t.tv_sec() as u64, t.tv_usec() as u32 * 1000);
    Ok(tv(usage.user_time()) + tv(usage.system_time()))
}

fn count_primes_below(limit: u64) -> u64 {
    (0..limit).filter(|&k| is_prime(k)).count() as u64
}

fn two_processes(n: &mut Narrator) -> anyhow::Result<Measure> {
    let origin = n.origin();
    let queue: Queue<Report> = Queue::new()?;
    let cpu_before = cpu_time(UsageWho::RUSAGE_CHILDREN)?;
    let started = Instant::now();
    let mut children = Vec::new();
    for _ in 0..2 {
        let q = &queue;
        children.push(Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            q.put(&Report::Started {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            let primes = count_primes_below(TASK_LIMIT);
            q.put(&Report::Counted {
                pid,
                at: origin.elapsed().as_secs_f64(),
                primes,
            })?;
            Ok(())
        })?);
    }
    let mut primes = Vec::new();
    while primes.len() < children.len() {
        match queue.get()? {
            Report::Started { pid, at } => {
                n.pid_at_says(pid, at, &Message::new("demo-duel-process-starts"))?
            }
            Report::Counted { pid, at, primes: p } => {
                n.pid_at_says(pid, at, &msg!("demo-duel-process-done", primes = p))?;
                primes.push(p);
            }
            Report::Changed { .. } => {}
        }
    }
    let mut pids = Vec::new();
    for child in &mut children {
        child.join_ok()?;
        pids.push(child.pid());
    }
    let wall = started.elapsed();
    let cpu = cpu_time(UsageWho::RUSAGE_CHILDREN)? - cpu_before;
    n.say(&msg!(
        "demo-duel-wall-cpu",
        wall = fmt_duration(wall),
        cpu = fmt_duration(cpu)
    ))?;
    Ok(Measure {
        wall,
        cpu,
        primes,
        pids,
    })
}

fn two_threads(n: &mut Narrator) -> anyhow::Result<Measure> {
    let pid = std::process::id() as i32;
    let cpu_before = cpu_time(UsageWho::RUSAGE_SELF)?;
    let started = Instant::now();
    let (tx, rx) = mpsc::channel::<(usize, f64, Option<u64>)>();
    let origin = n.origin();
    let primes = std::thread::scope(|scope| -> anyhow::Result<Vec<u64>> {
        for t in 1..=2 {
            let tx = tx.clone();
            scope.spawn(move || {
                let _ = tx.send((t, origin.elapsed().as_secs_f64(), None));
                let mut count = 0;
                let mut from = 0;
                while from < TASK_LIMIT {
                    let to = (from + SLICE).min(TASK_LIMIT);
                    // Held for the slice, as CPython's GIL is held while bytecode runs.
                    let _gil = GIL.lock().unwrap_or_else(|e| e.into_inner());
                    count += (from..to).filter(|&k| is_prime(k)).count() as u64;
                    from = to;
                }
                let _ = tx.send((t, origin.elapsed().as_secs_f64(), Some(count)));
            });
        }
        drop(tx);
        let mut primes = Vec::new();
        for (t, at, done) in rx {
            let message = match done {
                None => msg!("demo-duel-thread-starts", thread = t),
                Some(p) => msg!("demo-duel-thread-done", thread = t, primes = p),
            };
            n.pid_at_says(pid, at, &message)?;
            primes.extend(done);
        }
        Ok(primes)
    })?;
    let wall = started.elapsed();
    let cpu = cpu_time(UsageWho::RUSAGE_SELF)? - cpu_before;
    n.say(&msg!(
        "demo-duel-wall-cpu",
        wall = fmt_duration(wall),
        cpu = fmt_duration(cpu)
    ))?;
    Ok(Measure {
        wall,
        cpu,
        primes,
        pids: vec![pid],
    })
}

struct Memory {
    initial: i64,
    child_pid: i32,
    child_saw: i64,
    parent_after_child: i64,
    after_thread: i64,
}

/// What the child did to its copy of the variable.
struct Isolated {
    child_pid: i32,
    child_saw: i64,
    parent_after_child: i64,
}

/// The variable of the memory acts, owned by the parent.
struct Variable {
    initial: i64,
    value: i64,
}

impl Variable {
    fn new(n: &mut Narrator) -> anyhow::Result<Variable> {
        let initial = 0;
        // The Python statement, shown as it is: code, not words to translate.
        n.pid(std::process::id() as i32, &format!("variable = {initial}"))?;
        Ok(Variable {
            initial,
            value: initial,
        })
    }

    fn changed_by_child(&self, n: &mut Narrator) -> anyhow::Result<Isolated> {
        let parent = std::process::id() as i32;
        let queue: Queue<Report> = Queue::new()?;
        let mut value = self.value;
        let mut child = {
            let q = &queue;
            let variable = &mut value;
            Process::start(move || -> anyhow::Result<()> {
                // The child's copy of the variable: the same address, another process's memory.
                *variable = 42;
                q.put(&Report::Changed {
                    pid: std::process::id() as i32,
                    seen: *variable,
                })?;
                Ok(())
            })?
        };
        let child_saw = match queue.get()? {
            Report::Changed { pid, seen } => {
                n.pid_says(pid, &msg!("demo-duel-child-sets", seen = seen))?;
                seen
            }
            other => anyhow::bail!("unexpected report from the child: {other:?}"),
        };
        child.join_ok()?;
        n.pid_says(parent, &msg!("demo-duel-parent-reads", value = value))?;
        Ok(Isolated {
            child_pid: child.pid(),
            child_saw,
            parent_after_child: value,
        })
    }

    fn changed_by_thread(mut self, n: &mut Narrator, isolated: Isolated) -> anyhow::Result<Memory> {
        let variable = &mut self.value;
        std::thread::scope(|scope| {
            scope.spawn(|| *variable = 42);
        });
        n.pid_says(
            std::process::id() as i32,
            &msg!("demo-duel-thread-sets", value = self.value),
        )?;
        Ok(Memory {
            initial: self.initial,
            child_pid: isolated.child_pid,
            child_saw: isolated.child_saw,
            parent_after_child: isolated.parent_after_child,
            after_thread: self.value,
        })
    }
}

/// A joined thread leaves the kernel's thread list a moment after `join` returns: wait for it, so the
/// next demo may fork at once.
fn wait_single_threaded() {
    let deadline = Instant::now() + Duration::from_millis(500);
    while crate::procs::fork::thread_count().is_ok_and(|t| t > 1) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
}
