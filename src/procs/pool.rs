//! `Pool`: N worker processes running `fn(T) -> R` tasks, Python's `multiprocessing.Pool`.
//!
//! Each worker has its own task pipe and result pipe. The parent hands out tasks itself (to the
//! worker with the least work queued), keeps a few of them in flight per worker so that a worker
//! never waits for the parent, and reads results with `poll` over all result pipes. How many tasks
//! are queued per worker follows the measured task duration (about a millisecond of work): fast
//! tasks travel by the hundred per system call, slow ones one at a time so that an idle worker
//! always gets the next one (and `imap_unordered` yields fast tasks first).
//!
//! Large payloads (from 16 KiB) do not go through the pipes: each worker has two rings of shared
//! memory (`arena.rs`), tasks one way and results the other, and the pipe frame only says where
//! the payload lies. Tasks that are vectors of numbers travel as raw bytes (`pool/bulk.rs`), so the
//! chapter's primes program, which sends the numbers themselves, pays a copy per chunk, not a
//! serialisation.
//!
//! A worker that dies with work in flight is reported as [`Error::WorkerDied`] with its pid, the
//! task it was running (each worker publishes its current task in shared memory) and how it died;
//! the pool then kills and reaps every worker and refuses further work: it never hangs.
mod bulk;
mod tasks;
mod worker;

use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use tasks::{TaskEvent, Tasks};

use super::error::{Error, Result};
use super::fork;
use super::group::Group;
use super::interrupt;
use super::reap;
use super::shm::Shared;
use super::status::Exit;
use super::wire;

/// A pool of worker processes. **Drop** kills (SIGKILL) and reaps every worker still running;
/// call [`Pool::close`] then [`Pool::join`] to let them finish their queue instead.
pub struct Pool {
    workers: Vec<Worker>,
    epoch: Instant,
    state: State,
    run: u32,
    ready: VecDeque<Done>,
    /// Mean task duration in nanoseconds (exponential average), `None` before the first result.
    task_ns: Option<f64>,
    /// The task function `task_ns` was measured on: another function starts from no estimate
    /// (a warm-up of trivial tasks must not make the next batch's heavy tasks queue by the hundred).
    task_fn: usize,
    /// The process that made the pool: the only one that may use it (a fork of it holds a copy of
    /// this struct, but must not write to the workers' pipes and rings too).
    owner: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    Closed,
    Finished,
}

struct Worker {
    pid: i32,
    exit: Option<Exit>,
    tasks: Option<OwnedFd>,
    results: OwnedFd,
    slot: Shared<AtomicU64>,
    rings: worker::Rings,
    out: Vec<u8>,
    out_pos: usize,
    inbuf: Vec<u8>,
    in_start: usize,
    in_end: usize,
    /// Tasks sent to this worker and not yet answered (any run).
    queued: usize,
    eof: bool,
}

/// A result frame read from a worker, not yet decoded (the pool does not know `R`).
struct Done {
    pid: i32,
    run: u32,
    first: u64,
    count: u32,
    body: Vec<u8>,
}

/// Options of a pool before it starts.
#[derive(Default)]
pub struct PoolBuilder<'g> {
    workers: usize,
    group: Option<&'g Group>,
}

impl<'g> PoolBuilder<'g> {
    /// Number of workers (0, the default: the cores available to this process).
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = n;
        self
    }

    /// Puts the workers in `group`.
    pub fn group(mut self, group: &'g Group) -> Self {
        self.group = Some(group);
        self
    }

    /// Forks the workers.
    pub fn build(self) -> Result<Pool> {
        let n = match self.workers {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        Pool::spawn(n, self.group.map(Group::pgid))
    }
}

impl Pool {
    /// A pool of `workers` processes (0: one per available core).
    pub fn new(workers: usize) -> Result<Pool> {
        Pool::builder().workers(workers).build()
    }

    /// Options: worker count, process group.
    pub fn builder<'g>() -> PoolBuilder<'g> {
        PoolBuilder::default()
    }

    fn spawn(n: usize, pgid: Option<i32>) -> Result<Pool> {
        let epoch = Instant::now();
        let mut pool = Pool {
            workers: Vec::with_capacity(n),
            epoch,
            state: State::Open,
            run: 0,
            ready: VecDeque::new(),
            task_ns: None,
            task_fn: 0,
            owner: std::process::id(),
        };
        for _ in 0..n {
            let (task_r, task_w) = wire::pipe()?;
            let (result_r, result_w) = wire::pipe()?;
            let slot = Shared::new(AtomicU64::new(0))?;
            let rings = worker::Rings::new()?;
            let (tr, rw) = (task_r.as_raw_fd(), result_w.as_raw_fd());
            let (slot_ref, rings_ref) = (slot.get(), &rings);
            let pid = fork::fork_in(pgid, || {
                fork::close_fds_except(&[tr, rw]);
                worker::serve(tr, rw, rings_ref, slot_ref, epoch)
            })?;
            drop((task_r, result_w));
            set_nonblocking(&task_w)?;
            pool.workers.push(Worker {
                pid,
                exit: None,
                tasks: Some(task_w),
                results: result_r,
                slot,
                rings,
                out: Vec::new(),
                out_pos: 0,
                inbuf: vec![0; 256 * 1024],
                in_start: 0,
                in_end: 0,
                queued: 0,
                eof: false,
            });
        }
        Ok(pool)
    }

    /// The workers' process ids, in worker order.
    pub fn pids(&self) -> Vec<i32> {
        self.workers.iter().map(|w| w.pid).collect()
    }

    /// Number of workers.
    pub fn size(&self) -> usize {
        self.workers.len()
    }

    /// The instant the pool was created: [`TaskEvent`] times count from it.
    pub fn epoch(&self) -> Instant {
        self.epoch
    }

    /// Applies `f` to every item and returns the results in input order (Python's `map`).
    /// `chunksize` tasks travel together; 0 picks CPython's default (len / (4 × workers)).
    pub fn map<T, R>(
        &mut self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
    ) -> Result<Vec<R>>
    where
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        self.imap(f, items, chunksize).collect()
    }

    /// As [`Pool::map`], each result with its [`TaskEvent`] (which worker ran it, when).
    pub fn map_traced<T, R>(
        &mut self,
        f: fn(T) -> R,
        items: impl IntoIterator<Item = T>,
        chunksize: usize,
    ) -> Result<Vec<(R, TaskEvent)>>
    where
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        self.imap_traced(f, items, chunksize).collect()
    }

    /// Results in input order, each as soon as it and those before it are done (Python's `imap`).
    pub fn imap<T, R, I>(
        &mut self,
        f: fn(T) -> R,
        items: I,
        chunksize: usize,
    ) -> impl Iterator<Item = Result<R>>
    where
        I: IntoIterator<Item = T>,
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        self.imap_traced(f, items, chunksize)
            .map(|r| r.map(|(value, _)| value))
    }

    /// Results as they complete, in any order (Python's `imap_unordered`).
    pub fn imap_unordered<T, R, I>(
        &mut self,
        f: fn(T) -> R,
        items: I,
        chunksize: usize,
    ) -> impl Iterator<Item = Result<R>>
    where
        I: IntoIterator<Item = T>,
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        self.imap_unordered_traced(f, items, chunksize)
            .map(|r| r.map(|(value, _)| value))
    }

    /// [`Pool::imap`] with each result's [`TaskEvent`].
    pub fn imap_traced<T, R, I>(
        &mut self,
        f: fn(T) -> R,
        items: I,
        chunksize: usize,
    ) -> Tasks<'_, T, R, I::IntoIter>
    where
        I: IntoIterator<Item = T>,
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        Tasks::new(self, f, items.into_iter(), chunksize, true)
    }

    /// [`Pool::imap_unordered`] with each result's [`TaskEvent`].
    pub fn imap_unordered_traced<T, R, I>(
        &mut self,
        f: fn(T) -> R,
        items: I,
        chunksize: usize,
    ) -> Tasks<'_, T, R, I::IntoIter>
    where
        I: IntoIterator<Item = T>,
        T: Serialize + DeserializeOwned + 'static,
        R: Serialize + DeserializeOwned,
    {
        Tasks::new(self, f, items.into_iter(), chunksize, false)
    }

    /// No more tasks: each worker finishes what it was sent, then exits (Python's `close`).
    pub fn close(&mut self) {
        if self.state == State::Open {
            self.state = State::Closed;
        }
        for w in &mut self.workers {
            w.tasks = None;
        }
    }

    /// Closes the pool if needed and waits for every worker to exit (Python's `close(); join()`).
    /// A worker that ended badly is reported. Interruptible: Ctrl-C terminates the pool.
    pub fn join(&mut self) -> Result<()> {
        self.close();
        if let Err(err) = self.drain() {
            self.terminate();
            return Err(err);
        }
        let mut first_error = None;
        for i in 0..self.workers.len() {
            if self.workers[i].exit.is_some() {
                continue;
            }
            match reap::wait(self.workers[i].pid, None) {
                Ok(exit) => {
                    let exit = exit.unwrap_or(Exit::Code(-1));
                    self.workers[i].exit = Some(exit);
                    if !exit.success() && first_error.is_none() {
                        first_error = Some(Error::WorkerDied {
                            pid: self.workers[i].pid,
                            task: None,
                            status: exit,
                        });
                    }
                }
                Err(err) => {
                    self.terminate();
                    return Err(err);
                }
            }
        }
        self.state = State::Finished;
        first_error.map_or(Ok(()), Err)
    }

    /// Reads and drops results until every worker has closed its result pipe: an unread result
    /// (of a batch the caller abandoned) could fill the pipe and block its worker forever.
    fn drain(&mut self) -> Result<()> {
        let mut sink = vec![0u8; 64 * 1024];
        loop {
            interrupt::check()?;
            let mut fds: Vec<libc::pollfd> = self
                .workers
                .iter()
                .filter(|w| !w.eof && w.exit.is_none())
                .map(|w| libc::pollfd {
                    fd: w.results.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                })
                .collect();
            if fds.is_empty() {
                return Ok(());
            }
            let timeout = reap::timeout_ms(interrupt::slice(None));
            // SAFETY: `fds` is a valid array of pollfd for the duration of the call.
            if unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) } < 0 {
                let err = io::Error::last_os_error();
                if err.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(err.into());
            }
            for pfd in fds.iter().filter(|p| p.revents != 0) {
                // SAFETY: `sink` is valid writable memory of the given length.
                let n = unsafe { libc::read(pfd.fd, sink.as_mut_ptr().cast(), sink.len()) };
                let gone = n == 0
                    || (n < 0
                        && !matches!(
                            io::Error::last_os_error().raw_os_error(),
                            Some(libc::EINTR | libc::EAGAIN)
                        ));
                if gone && let Some(w) = self.workers.iter_mut().find(|w| w.results.as_raw_fd() == pfd.fd) {
                    w.eof = true;
                }
            }
        }
    }

    /// Kills (SIGKILL) and reaps every worker at once (Python's `terminate`).
    pub fn terminate(&mut self) {
        for w in &self.workers {
            if w.exit.is_none() {
                // SAFETY: plain system call on our own unreaped child.
                unsafe { libc::kill(w.pid, libc::SIGKILL) };
            }
        }
        for w in &mut self.workers {
            w.tasks = None;
            if w.exit.is_none() {
                w.exit = reap::blocking_wait_ignoring_interrupts(w.pid);
            }
        }
        self.state = State::Finished;
    }

    fn check_open(&self) -> Result<()> {
        if self.owner != std::process::id() {
            return Err(io::Error::other(
                "a pool is used only by the process that created it, not by a fork of it",
            )
            .into());
        }
        if self.state == State::Open {
            Ok(())
        } else {
            Err(Error::PoolClosed)
        }
    }

    /// Tasks a worker may have queued, from the measured task duration.
    fn window(&self, chunksize: usize) -> usize {
        let tasks = match self.task_ns {
            None => 1.0,
            Some(ns) => (1_000_000.0 / ns.max(1.0)).clamp(1.0, 1024.0),
        };
        (tasks as usize).max(chunksize)
    }

    /// A batch of `func` starts: the duration measured on another function does not apply.
    fn start_batch(&mut self, func: usize) {
        if self.task_fn != func {
            self.task_fn = func;
            self.task_ns = None;
        }
    }

    fn record_duration(&mut self, mean_ns: f64) {
        self.task_ns = Some(match self.task_ns {
            None => mean_ns,
            Some(old) => 0.7 * old + 0.3 * mean_ns,
        });
    }

    /// Moves bytes: writes queued task frames, reads result frames into `ready`. With `block`,
    /// waits until at least one frame arrived. A worker found dead is an error.
    fn pump(&mut self, block: bool) -> Result<()> {
        for i in 0..self.workers.len() {
            self.flush_tasks(i)?;
        }
        let mut fds: Vec<libc::pollfd> = Vec::with_capacity(self.workers.len() * 2);
        loop {
            interrupt::check()?;
            fds.clear();
            for w in &self.workers {
                fds.push(libc::pollfd {
                    fd: w.results.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                });
                let pending = w.out_pos < w.out.len();
                let fd = match (&w.tasks, pending) {
                    (Some(t), true) => t.as_raw_fd(),
                    _ => -1, // poll ignores negative descriptors
                };
                fds.push(libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                });
            }
            let timeout = if block {
                reap::timeout_ms(interrupt::slice(None))
            } else {
                0
            };
            // SAFETY: `fds` is a valid array of pollfd for the duration of the call.
            let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
            if r < 0 {
                let err = io::Error::last_os_error();
                if err.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(err.into());
            }
            let before = self.ready.len();
            for i in 0..self.workers.len() {
                if fds[2 * i].revents != 0 {
                    self.read_results(i)?;
                }
                if fds[2 * i + 1].revents != 0 {
                    self.flush_tasks(i)?;
                }
            }
            if !block || self.ready.len() > before {
                return Ok(());
            }
        }
    }

    /// Writes what the worker's task pipe accepts without blocking.
    fn flush_tasks(&mut self, i: usize) -> Result<()> {
        let w = &mut self.workers[i];
        let Some(fd) = w.tasks.as_ref().map(|t| t.as_raw_fd()) else {
            return Ok(());
        };
        while w.out_pos < w.out.len() {
            let rest = &w.out[w.out_pos..];
            // SAFETY: `rest` is valid readable memory of the given length.
            let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
            if n >= 0 {
                w.out_pos += n as usize;
                continue;
            }
            let err = io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => break,
                Some(libc::EPIPE) => return Err(self.worker_died(i)),
                _ => return Err(err.into()),
            }
        }
        if w.out_pos == w.out.len() {
            w.out.clear();
            w.out_pos = 0;
        }
        Ok(())
    }

    /// Reads once from a worker's result pipe and queues every complete frame.
    fn read_results(&mut self, i: usize) -> Result<()> {
        let run = self.run;
        let w = &mut self.workers[i];
        if w.in_end == w.inbuf.len() {
            w.inbuf.copy_within(w.in_start..w.in_end, 0);
            w.in_end -= w.in_start;
            w.in_start = 0;
            if w.in_end == w.inbuf.len() {
                let grown = w.inbuf.len() * 2;
                w.inbuf.resize(grown, 0);
            }
        }
        // SAFETY: the destination is valid writable memory of the given length.
        let n = unsafe {
            libc::read(
                w.results.as_raw_fd(),
                w.inbuf[w.in_end..].as_mut_ptr().cast(),
                w.inbuf.len() - w.in_end,
            )
        };
        if n < 0 {
            let err = io::Error::last_os_error();
            return match err.raw_os_error() {
                Some(libc::EINTR) | Some(libc::EAGAIN) => Ok(()),
                _ => Err(err.into()),
            };
        }
        if n == 0 {
            w.eof = true;
            return Err(self.worker_died(i));
        }
        w.in_end += n as usize;
        while w.in_end - w.in_start >= wire::HEADER {
            let len = wire::frame_len(w.inbuf[w.in_start..w.in_start + wire::HEADER].try_into().unwrap());
            if w.in_end - w.in_start < wire::HEADER + len {
                break;
            }
            let frame = &w.inbuf[w.in_start + wire::HEADER..w.in_start + wire::HEADER + len];
            w.in_start += wire::HEADER + len;
            if frame.len() < worker::RESULT_HEADER {
                return Err(io::Error::other("short result frame from a worker").into());
            }
            let frame_run = u32::from_le_bytes(frame[0..4].try_into().unwrap());
            let first = u64::from_le_bytes(frame[4..12].try_into().unwrap());
            let count = u32::from_le_bytes(frame[12..16].try_into().unwrap());
            let kind = frame[16];
            w.queued = w.queued.saturating_sub(count as usize);
            if frame_run == run {
                let payload = &frame[worker::RESULT_HEADER..];
                let body = if kind & worker::IN_RING == 0 {
                    payload.to_vec()
                } else {
                    // SAFETY: the pool's owner (checked when each batch starts) is the only reader
                    // of its workers' results rings, and reads a worker's frames in the order they
                    // come on its pipe, the order they were written. A frame of an abandoned batch
                    // is skipped without reading: reading a later one releases its bytes too.
                    worker::ring_place_of(payload)
                        .and_then(|(pos, len)| unsafe { w.rings.results.read(pos, len, <[u8]>::to_vec) })
                        // Undecodable: `collect` reports every task of the frame as such.
                        .unwrap_or_default()
                };
                self.ready.push_back(Done {
                    pid: w.pid,
                    run: frame_run,
                    first,
                    count,
                    body,
                });
            }
        }
        if w.in_start == w.in_end {
            w.in_start = 0;
            w.in_end = 0;
        }
        Ok(())
    }

    /// A worker's pipe closed: reap it and describe its death (Ctrl-C takes precedence: the
    /// terminal's SIGINT may have killed the workers before the parent looked at its flag).
    fn worker_died(&mut self, i: usize) -> Error {
        let w = &mut self.workers[i];
        let task = match w.slot.get().load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as usize - 1),
        };
        let status = reap::kill_and_reap(w.pid).unwrap_or(Exit::Code(-1));
        w.exit = Some(status);
        if interrupt::requested() {
            return Error::Interrupted;
        }
        Error::WorkerDied {
            pid: w.pid,
            task,
            status,
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.terminate();
    }
}

fn set_nonblocking(fd: &OwnedFd) -> Result<()> {
    // SAFETY: plain fcntl calls on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd.as_raw_fd(), libc::F_GETFL);
        if flags < 0 || libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK) < 0 {
            return Err(io::Error::last_os_error().into());
        }
    }
    Ok(())
}

/// How long ago `ns` nanoseconds after the epoch was, as a duration since the epoch.
fn since_epoch(ns: u64) -> Duration {
    Duration::from_nanos(ns)
}
