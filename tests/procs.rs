//! The process primitives, tested in a single-threaded `main` (no libtest: its threads make `fork`
//! unsafe). Each case runs in turn; after each one, no child of this process may remain (`/proc`).
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use atelier::procs::{self, Error, Exit, Pipe, Pool, Process, Queue, RawValue, Value, interrupt};

type Outcome = Result<(), String>;
type Case = (&'static str, fn() -> Outcome);

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!("{}:{}: {}", file!(), line!(), format!($($msg)+)));
        }
    };
}

fn err<E: std::fmt::Display>(e: E) -> String {
    format!("unexpected error: {e}")
}

/// Children of this process still present in `/proc` (zombies included).
fn children() -> Vec<String> {
    let me = std::process::id().to_string();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some(after) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let fields: Vec<&str> = after.split_whitespace().collect();
        if fields.get(1) == Some(&me.as_str()) {
            found.push(format!("{} ({})", entry.file_name().to_string_lossy(), fields[0]));
        }
    }
    found
}

fn sleep_ms(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}

fn slow_square(x: u64) -> u64 {
    // Early items are the slowest, so they finish last: order must come from the pool, not timing.
    sleep_ms((8 - x.min(8)) * 4);
    x * x
}

fn map_order_with_uneven_durations() -> Outcome {
    let mut pool = Pool::new(2).map_err(err)?;
    let got = pool.map(slow_square, 0..8u64, 1).map_err(err)?;
    ensure!(
        got == (0..8u64).map(|x| x * x).collect::<Vec<_>>(),
        "map out of order: {got:?}"
    );
    let chunked = pool.map(slow_square, 0..8u64, 3).map_err(err)?;
    ensure!(chunked == got, "chunksize 3 gave {chunked:?}");
    let ordered: Vec<u64> = pool
        .imap(slow_square, 0..8u64, 1)
        .collect::<Result<_, _>>()
        .map_err(err)?;
    ensure!(ordered == got, "imap gave {ordered:?}");
    pool.join().map_err(err)
}

fn sleep_then_echo(ms: u64) -> u64 {
    sleep_ms(ms);
    ms
}

fn imap_unordered_yields_fast_first() -> Outcome {
    let mut pool = Pool::new(2).map_err(err)?;
    let input = [300u64, 5, 5, 5, 5, 5, 5, 5];
    let got: Vec<u64> = pool
        .imap_unordered(sleep_then_echo, input, 1)
        .collect::<Result<_, _>>()
        .map_err(err)?;
    ensure!(
        got.len() == input.len(),
        "{} results for {} tasks",
        got.len(),
        input.len()
    );
    ensure!(got[0] == 5, "first result was {}, expected a fast task", got[0]);
    ensure!(*got.last().unwrap() == 300, "the slow task was not last: {got:?}");
    let pids = pool.pids();
    let traced = pool.imap_unordered_traced(sleep_then_echo, [20u64, 1, 1], 1);
    for item in traced {
        let (_, event) = item.map_err(err)?;
        ensure!(
            pids.contains(&event.worker_pid),
            "unknown worker {}",
            event.worker_pid
        );
        ensure!(
            event.start <= event.end,
            "task {} ends before it starts",
            event.index
        );
    }
    pool.join().map_err(err)
}

fn die_on_three(x: u64) -> u64 {
    if x == 3 {
        // SAFETY-free way to die as a real crash would: SIGKILL ourselves mid-task.
        let _ = nix::sys::signal::kill(nix::unistd::getpid(), nix::sys::signal::Signal::SIGKILL);
    }
    sleep_ms(2);
    x
}

fn killed_worker_is_reported() -> Outcome {
    let mut pool = Pool::new(2).map_err(err)?;
    let pids = pool.pids();
    match pool.map(die_on_three, 0..10u64, 1) {
        Err(Error::WorkerDied { pid, task, status }) => {
            ensure!(pids.contains(&pid), "dead worker {pid} is not one of {pids:?}");
            ensure!(task == Some(3), "reported task {task:?}, expected 3");
            ensure!(status == Exit::Signal(libc::SIGKILL), "reported status {status}");
        }
        other => return Err(format!("expected WorkerDied, got {other:?}")),
    }
    match pool.map(die_on_three, 0..2u64, 1) {
        Err(Error::PoolClosed) => Ok(()),
        other => Err(format!("a broken pool accepted work: {other:?}")),
    }
}

fn panic_on_two(x: u64) -> u64 {
    assert!(x != 2, "task two refuses");
    x
}

fn task_panic_is_reported_and_pool_goes_on() -> Outcome {
    let mut pool = Pool::new(2).map_err(err)?;
    let results: Vec<_> = pool.imap(panic_on_two, 0..4u64, 1).collect();
    match &results[2] {
        Err(Error::Panicked {
            task: Some(2),
            message,
            ..
        }) => {
            ensure!(message.contains("task two refuses"), "message {message:?}")
        }
        other => return Err(format!("expected a panic for task 2, got {other:?}")),
    }
    ensure!(
        matches!(results[3], Ok(3)),
        "task 3 after the panic: {:?}",
        results[3]
    );
    ensure!(
        pool.map(panic_on_two, [5u64], 1).map_err(err)? == vec![5],
        "pool unusable after a panic"
    );
    pool.join().map_err(err)
}

fn queue_many_producers_many_consumers() -> Outcome {
    const PRODUCERS: u32 = 4;
    const CONSUMERS: u32 = 4;
    const EACH: u32 = 4;
    const SIZE: usize = 1 << 20;
    let queue: Queue<(u32, u32, Vec<u8>)> = Queue::new().map_err(err)?;
    let report: Queue<Vec<(u32, u32)>> = Queue::new().map_err(err)?;
    let mut procs = Vec::new();
    for c in 0..CONSUMERS {
        let (queue, report) = (&queue, &report);
        procs.push(
            Process::start(move || -> i32 {
                let mut seen = Vec::new();
                for _ in 0..PRODUCERS * EACH / CONSUMERS {
                    let Ok((p, n, data)) = queue.get() else { return 2 };
                    let fill = (p * 31 + n) as u8;
                    if data.len() != SIZE || data.iter().any(|&b| b != fill) {
                        return 3; // torn or interleaved message
                    }
                    seen.push((p, n));
                }
                let _ = c;
                if report.put(&seen).is_err() { 4 } else { 0 }
            })
            .map_err(err)?,
        );
    }
    for p in 0..PRODUCERS {
        let queue = &queue;
        procs.push(
            Process::start(move || -> i32 {
                for n in 0..EACH {
                    let data = vec![(p * 31 + n) as u8; SIZE];
                    if queue.put(&(p, n, data)).is_err() {
                        return 2;
                    }
                }
                0
            })
            .map_err(err)?,
        );
    }
    let mut all = Vec::new();
    for _ in 0..CONSUMERS {
        all.extend(report.get_timeout(Duration::from_secs(20)).map_err(err)?);
    }
    for mut p in procs {
        let exit = p.join().map_err(err)?;
        ensure!(exit.success(), "process {} ended with {exit}", p.pid());
    }
    all.sort_unstable();
    let expected: Vec<(u32, u32)> = (0..PRODUCERS)
        .flat_map(|p| (0..EACH).map(move |n| (p, n)))
        .collect();
    ensure!(
        all == expected,
        "messages lost or duplicated: {} received",
        all.len()
    );
    match queue.get_timeout(Duration::from_millis(20)) {
        Err(Error::Timeout) => Ok(()),
        other => Err(format!("empty queue gave {other:?}")),
    }
}

fn small_messages_keep_each_producers_order() -> Outcome {
    // Enough messages to wrap the shared ring many times, from several producers at once.
    const PRODUCERS: u32 = 3;
    const EACH: u32 = 30_000;
    let queue: Queue<(u32, u32)> = Queue::new().map_err(err)?;
    let mut producers: Vec<Process> = (0..PRODUCERS)
        .map(|p| {
            let queue = &queue;
            Process::start(move || -> procs::Result<()> {
                for n in 0..EACH {
                    queue.put(&(p, n))?;
                }
                Ok(())
            })
        })
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let mut next = [0u32; PRODUCERS as usize];
    for _ in 0..PRODUCERS * EACH {
        let (p, n) = queue.get_timeout(Duration::from_secs(20)).map_err(err)?;
        ensure!(
            n == next[p as usize],
            "producer {p}: got {n}, expected {}",
            next[p as usize]
        );
        next[p as usize] += 1;
    }
    for p in &mut producers {
        p.join_ok().map_err(err)?;
    }
    Ok(())
}

fn queue_survives_killed_users() -> Outcome {
    let queue: Queue<Vec<u8>> = Queue::new().map_err(err)?;
    // A consumer killed while it waits inside `get`, holding the read lock: it says it is about to
    // call `get`, then the test waits until it sleeps in there.
    let (mut here, mut there) = Pipe::duplex().map_err(err)?;
    let q = &queue;
    let mut consumer = Process::start(move || -> procs::Result<()> {
        there.send(&0u8)?;
        q.get().map(drop)
    })
    .map_err(err)?;
    let _: u8 = here.recv_timeout(Duration::from_secs(5)).map_err(err)?;
    wait_blocked(consumer.pid())?;
    consumer.kill().map_err(err)?;
    consumer.join().map_err(err)?;
    // A producer killed while it waits for room in a full ring, holding the write lock: it reports
    // each message put; after the fifth the ring is full and the sixth `put` blocks.
    let (mut here, mut there) = Pipe::duplex().map_err(err)?;
    let mut producer = Process::start(move || -> procs::Result<()> {
        for n in 0..6u8 {
            q.put(&vec![n; 100_000])?;
            there.send(&n)?;
        }
        Ok(())
    })
    .map_err(err)?;
    for n in 0..5u8 {
        let put: u8 = here.recv_timeout(Duration::from_secs(5)).map_err(err)?;
        ensure!(put == n, "producer reported message {put}, expected {n}");
    }
    wait_blocked(producer.pid())?;
    producer.kill().map_err(err)?;
    ensure!(
        producer.join().map_err(err)? == Exit::Signal(libc::SIGKILL),
        "producer finished: ring too big?"
    );
    for n in 0..5u8 {
        let got = queue.get_timeout(Duration::from_secs(5)).map_err(err)?;
        ensure!(
            got.len() == 100_000 && got.iter().all(|&b| b == n),
            "message {n} damaged"
        );
    }
    ensure!(
        matches!(queue.get_timeout(Duration::from_millis(20)), Err(Error::Timeout)),
        "half message seen"
    );
    queue.put(&vec![9; 10]).map_err(err)?;
    ensure!(
        queue.get().map_err(err)? == vec![9; 10],
        "queue unusable after the deaths"
    );
    Ok(())
}

fn locked_increments_are_exact() -> Outcome {
    let counter = Value::new(0i64).map_err(err)?;
    let mut procs = Vec::new();
    for _ in 0..10 {
        let counter = &counter;
        procs.push(
            Process::start(move || -> procs::Result<()> {
                for _ in 0..100_000 {
                    *counter.get_lock()? += 1;
                }
                Ok(())
            })
            .map_err(err)?,
        );
    }
    for mut p in procs {
        p.join_ok().map_err(err)?;
    }
    let total = counter.get().map_err(err)?;
    ensure!(total == 1_000_000, "locked counter is {total}, expected 1000000");
    Ok(())
}

fn unlocked_increments_can_be_lost() -> Outcome {
    // Two processes both read the counter before either writes it back: each stores 0 + 1, and one
    // increment is lost. The interleaving is forced (each child says when it has read, and waits
    // for the word to write), so the outcome is exact, not left to the scheduler.
    let counter = RawValue::new(0u64).map_err(err)?;
    let mut ends = Vec::new();
    let mut children = Vec::new();
    for _ in 0..2 {
        let (mut here, mut there) = Pipe::duplex().map_err(err)?;
        let counter = &counter;
        children.push(
            Process::start(move || -> procs::Result<()> {
                let seen = counter.load();
                there.send(&seen)?;
                let _go: u8 = there.recv()?;
                counter.store(seen + 1);
                there.send(&0u64)
            })
            .map_err(err)?,
        );
        let seen: u64 = here.recv_timeout(Duration::from_secs(5)).map_err(err)?;
        ensure!(seen == 0, "a child read {seen} before any write");
        ends.push(here);
    }
    for end in &mut ends {
        end.send(&1u8).map_err(err)?;
    }
    for end in &mut ends {
        let _done: u64 = end.recv_timeout(Duration::from_secs(5)).map_err(err)?;
    }
    for p in &mut children {
        p.join_ok().map_err(err)?;
    }
    ensure!(
        counter.load() == 1,
        "two increments after two reads of 0 gave {}, expected 1 (one lost)",
        counter.load()
    );
    // And a store is seen by another process.
    let mut writer = Process::start(|| counter.store(u64::MAX)).map_err(err)?;
    writer.join_ok().map_err(err)?;
    ensure!(
        counter.load() == u64::MAX,
        "the child's store was not seen: {}",
        counter.load()
    );
    Ok(())
}

/// Waits until process `pid` sleeps in the kernel (state `S` in `/proc/PID/stat`): how a test knows
/// a child is blocked inside a call, rather than guessing with a sleep. Polls for 10 s at most.
fn wait_blocked(pid: i32) -> Outcome {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).map_err(err)?;
        let state = stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().next());
        if state == Some("S") {
            return Ok(());
        }
        ensure!(
            Instant::now() < deadline,
            "process {pid} never blocked (state {state:?})"
        );
        std::thread::yield_now();
    }
}

fn square_all(v: Vec<u32>) -> Vec<u64> {
    v.into_iter().map(|x| u64::from(x) * u64::from(x)).collect()
}

fn total_len(v: Vec<String>) -> usize {
    v.iter().map(String::len).sum()
}

fn large_payloads_cross_the_shared_rings() -> Outcome {
    let mut pool = Pool::new(2).map_err(err)?;
    // Vectors of numbers (raw bytes), from empty to 1 MiB, through the rings or the pipes.
    let sizes = [0usize, 1, 10, 5_000, 50_000, 262_144];
    let tasks: Vec<Vec<u32>> = sizes
        .iter()
        .enumerate()
        .map(|(k, &n)| {
            (0..n as u32)
                .map(|x| x.wrapping_mul(2_654_435_761).wrapping_add(k as u32))
                .collect()
        })
        .collect();
    let got = pool.map(square_all, tasks.clone(), 1).map_err(err)?;
    let expected: Vec<Vec<u64>> = tasks.iter().cloned().map(square_all).collect();
    ensure!(got == expected, "vector tasks or their large results damaged");
    // More large tasks at once than a ring holds (4 MiB): the rest goes through the pipes.
    let many: Vec<Vec<u32>> = (0..24).map(|k| vec![k; 300_000]).collect();
    let sums: Vec<u64> = pool
        .map(square_all, many, 3)
        .map_err(err)?
        .iter()
        .map(|v| v.iter().sum())
        .collect();
    ensure!(
        sums == (0..24u64).map(|k| k * k * 300_000).collect::<Vec<_>>(),
        "a full ring lost or mixed tasks: {sums:?}"
    );
    // Other types through postcard, large enough for the ring.
    let words: Vec<Vec<String>> = (0..6).map(|k| vec!["é".repeat(k * 10_000); 3]).collect();
    let lens = pool.map(total_len, words, 1).map_err(err)?;
    ensure!(
        lens == (0..6).map(|k| 3 * 2 * k * 10_000).collect::<Vec<_>>(),
        "string tasks damaged: {lens:?}"
    );
    pool.join().map_err(err)
}

fn lock_recovered_after_holder_killed() -> Outcome {
    let value = Value::new(41u32).map_err(err)?;
    let (mut here, mut there) = Pipe::duplex().map_err(err)?;
    let mut holder = Process::start(|| -> procs::Result<()> {
        // A complete update (42), then one in progress when the holder dies (43, never written back).
        *value.get_lock()? += 1;
        let mut guard = value.get_lock()?;
        *guard += 1;
        there.send(&"locked")?;
        std::mem::forget(guard);
        sleep_ms(10_000);
        Ok(())
    })
    .map_err(err)?;
    let said: String = here.recv_timeout(Duration::from_secs(5)).map_err(err)?;
    ensure!(said == "locked", "holder said {said:?}");
    ensure!(
        value.lock().try_acquire().map_err(err)?.is_none(),
        "lock free while held"
    );
    holder.kill().map_err(err)?;
    ensure!(
        holder.join().map_err(err)? == Exit::Signal(libc::SIGKILL),
        "holder not killed"
    );
    let guard = value
        .lock()
        .acquire_timeout(Duration::from_secs(2))
        .map_err(err)?;
    let guard = guard.ok_or("lock still held after its holder died")?;
    ensure!(guard.recovered(), "recovery not reported");
    drop(guard);
    let kept = value.get().map_err(err)?;
    ensure!(
        kept == 42,
        "value is {kept}: expected 42, the last complete update (not 41: lost; not 43: half-published)"
    );
    let again = value.lock().acquire().map_err(err)?;
    ensure!(!again.recovered(), "recovered twice");
    Ok(())
}

fn pipe_is_duplex() -> Outcome {
    let (mut a, mut b) = Pipe::duplex().map_err(err)?;
    // `b` moves into the child's closure, so the parent's copy is closed: only the child holds it.
    let mut child = Process::start(move || -> procs::Result<()> {
        for _ in 0..1000 {
            let n: u64 = b.recv()?;
            b.send(&(n * 2))?;
        }
        b.send(&vec![7u8; 3 << 20])?; // larger than the socket buffer
        Ok(())
    })
    .map_err(err)?;
    for n in 0..1000u64 {
        a.send(&n).map_err(err)?;
        let back: u64 = a.recv().map_err(err)?;
        ensure!(back == n * 2, "sent {n}, got back {back}");
    }
    let big: Vec<u8> = a.recv().map_err(err)?;
    ensure!(
        big.len() == 3 << 20 && big.iter().all(|&b| b == 7),
        "large message damaged"
    );
    child.join_ok().map_err(err)?;
    match a.recv::<u64>() {
        Err(Error::Disconnected) => Ok(()),
        other => Err(format!("recv after the peer left gave {other:?}")),
    }
}

fn process_lifecycle() -> Outcome {
    let mut p = Process::start(|| 7).map_err(err)?;
    ensure!(p.join().map_err(err)? == Exit::Code(7), "exit code lost");
    let mut panicking = Process::start(|| -> i32 {
        // Keep the test's output readable: the panic message is not what is tested.
        std::panic::set_hook(Box::new(|_| {}));
        panic!("boom");
    })
    .map_err(err)?;
    match panicking.join_ok() {
        Err(Error::Panicked { .. }) => {}
        other => return Err(format!("a panicking child gave {other:?}")),
    }
    ensure!(
        panicking.exit() == Some(Exit::Code(procs::PANIC_EXIT_CODE)),
        "panic exit code"
    );
    let mut sleeper = Process::start(|| sleep_ms(10_000)).map_err(err)?;
    ensure!(sleeper.is_alive().map_err(err)?, "sleeper not alive");
    ensure!(
        sleeper
            .join_timeout(Duration::from_millis(30))
            .map_err(err)?
            .is_none(),
        "join timed out early"
    );
    sleeper.terminate().map_err(err)?;
    ensure!(
        sleeper.join().map_err(err)? == Exit::Signal(libc::SIGTERM),
        "terminate did not end it"
    );
    let _dropped = Process::start(|| sleep_ms(10_000)).map_err(err)?;
    Ok(()) // `_dropped` is killed and reaped here; the /proc check below proves it
}

fn refuses_to_fork_with_threads() -> Outcome {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let thread = std::thread::spawn(move || rx.recv());
    let refused = Process::start(|| ());
    drop(tx);
    let _ = thread.join();
    match refused {
        Err(Error::MultiThreaded { threads }) => {
            ensure!(threads >= 2, "threads = {threads}");
            Ok(())
        }
        other => Err(format!("fork with two threads gave {other:?}")),
    }
}

/// A child that sends SIGINT to this process once it is blocked (see [`wait_blocked`]). A signal
/// that came early would still be seen (the request is kept until `interrupt::clear`).
fn interrupt_when_blocked() -> procs::Result<Process> {
    let parent = nix::unistd::getpid();
    Process::start(move || -> i32 {
        if wait_blocked(parent.as_raw()).is_err() {
            return 1;
        }
        match nix::sys::signal::kill(parent, nix::sys::signal::Signal::SIGINT) {
            Ok(()) => 0,
            Err(_) => 2,
        }
    })
}

fn ctrl_c_stops_blocking_calls() -> Outcome {
    let guard = interrupt::Guard::install().map_err(err)?;
    let mut sleeper = Process::start(|| sleep_ms(10_000)).map_err(err)?;
    let mut sender = interrupt_when_blocked().map_err(err)?;
    let started = Instant::now();
    ensure!(
        matches!(sleeper.join(), Err(Error::Interrupted)),
        "join not interrupted"
    );
    ensure!(
        started.elapsed() < Duration::from_secs(5),
        "interrupt took {:?}",
        started.elapsed()
    );
    ensure!(
        sleeper.exit() == Some(Exit::Signal(libc::SIGKILL)),
        "child not killed: {:?}",
        sleeper.exit()
    );
    interrupt::clear();
    sender.join_ok().map_err(err)?;

    let mut pool = Pool::new(2).map_err(err)?;
    let mut sender = interrupt_when_blocked().map_err(err)?;
    let result = pool.map(sleep_then_echo, [10_000u64, 10_000], 1);
    ensure!(
        matches!(result, Err(Error::Interrupted)),
        "pool map gave {result:?}"
    );
    interrupt::clear();
    sender.join_ok().map_err(err)?;

    let queue: Queue<u8> = Queue::new().map_err(err)?;
    let mut sender = interrupt_when_blocked().map_err(err)?;
    ensure!(
        matches!(queue.get(), Err(Error::Interrupted)),
        "queue get not interrupted"
    );
    interrupt::clear();
    sender.join_ok().map_err(err)?;
    drop(guard);
    Ok(())
}

fn group_kill_reaches_every_member() -> Outcome {
    let group = procs::Group::new().map_err(err)?;
    let mut a = Process::start_in(Some(&group), || sleep_ms(10_000)).map_err(err)?;
    let mut pool = Pool::builder().workers(2).group(&group).build().map_err(err)?;
    group.kill(libc::SIGKILL).map_err(err)?;
    ensure!(
        a.join().map_err(err)? == Exit::Signal(libc::SIGKILL),
        "member not killed"
    );
    ensure!(
        matches!(
            pool.map(sleep_then_echo, [1u64], 1),
            Err(Error::WorkerDied { .. })
        ),
        "pool alive"
    );
    Ok(())
}

fn main() -> ExitCode {
    let cases: &[Case] = &[
        (
            "map order with uneven task durations",
            map_order_with_uneven_durations,
        ),
        (
            "imap_unordered yields the fast tasks first",
            imap_unordered_yields_fast_first,
        ),
        ("a worker killed mid-task is reported", killed_worker_is_reported),
        (
            "a panicking task is reported, the pool goes on",
            task_panic_is_reported_and_pool_goes_on,
        ),
        (
            "4 producers x 4 consumers, 1 MiB messages",
            queue_many_producers_many_consumers,
        ),
        (
            "3 producers x 30000 small messages, order kept",
            small_messages_keep_each_producers_order,
        ),
        (
            "a queue survives killed producers and consumers",
            queue_survives_killed_users,
        ),
        (
            "10 processes x 100000 locked increments",
            locked_increments_are_exact,
        ),
        (
            "two reads before two writes lose an update",
            unlocked_increments_can_be_lost,
        ),
        (
            "large tasks and results cross the shared rings",
            large_payloads_cross_the_shared_rings,
        ),
        (
            "a lock whose holder was killed is recovered",
            lock_recovered_after_holder_killed,
        ),
        ("pipe is duplex", pipe_is_duplex),
        (
            "process start, exit code, panic, timeout, terminate, drop",
            process_lifecycle,
        ),
        ("fork is refused with two threads", refuses_to_fork_with_threads),
        (
            "Ctrl-C stops join, pool map, queue get, pipe recv, lock acquire",
            ctrl_c_stops_blocking_calls,
        ),
        (
            "killing a group reaches every member",
            group_kill_reaches_every_member,
        ),
    ];
    let mut failed = 0;
    let mut out = std::io::stdout();
    for (name, case) in cases {
        let started = Instant::now();
        let mut outcome = case();
        let left = children();
        if outcome.is_ok() && !left.is_empty() {
            outcome = Err(format!("children left behind: {left:?}"));
        }
        let _ = match &outcome {
            Ok(()) => writeln!(out, "test {name} ... ok ({:.0?})", started.elapsed()),
            Err(why) => writeln!(out, "test {name} ... FAILED\n    {why}"),
        };
        if outcome.is_err() {
            failed += 1;
        }
        let _ = out.flush();
    }
    let _ = writeln!(out, "\n{} passed, {failed} failed", cases.len() - failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
