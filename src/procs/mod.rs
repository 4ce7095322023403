//! The process primitives: the Rust counterparts of what chapter 43 teaches (`Process`, `Pool`,
//! `Queue`, `Pipe`, `Value`, `Lock`), built on `fork`. One of the two homes of `unsafe` in the crate.
//!
//! Rules every primitive follows: stdio is flushed before a fork; a multi-threaded process is
//! refused ([`Error::MultiThreaded`]); a child never returns into its parent's stack (its closure
//! runs under `catch_unwind`, then `_exit`); every child is reaped, on every path (drop included);
//! while an [`interrupt::Guard`] is held, Ctrl-C makes every blocking call kill and reap the
//! children it owns and return [`Error::Interrupted`].
//!
//! Choices, where Python's semantics left room:
//! - [`Pool`] tasks are plain `fn(T) -> R` pointers (a closure without captures coerces to one);
//!   workers are forks without exec, so a function address means the same function in every
//!   worker (see `pool/worker.rs`). Arguments and results travel framed in postcard; from 16 KiB
//!   a payload goes through a ring of shared memory per worker (`arena.rs`), the pipe carrying only
//!   its place, and a task that is a vector of numbers travels as raw bytes (`pool/bulk.rs`).
//! - [`Lock`] is a robust, process-shared pthread mutex: the death of its holder frees it and the
//!   next owner is told ([`LockGuard::recovered`]); its guard is not `Send`. [`Value`] keeps its
//!   number on the lock's cache line, as the bits of an atomic: every shared access is an atomic
//!   load or store, so a lost update (the `counter --no-lock` demo) is never a data race.
//!
//! Miri (`cargo +nightly miri test --lib -- procs`): the unit tests of `value`'s bit conversions
//! and of `pool/bulk.rs` (its uninitialised-vector copy included) pass under it. What forks, maps
//! shared memory or uses a process-shared mutex or a futex cannot run there: Miri emulates no
//! `fork`, and refuses any `mmap` but `MAP_PRIVATE|MAP_ANONYMOUS` (the ring's own test is ignored
//! under Miri for that reason) — those are tested by running them (`tests/procs.rs`).
//! - [`Queue`] is a ring buffer in shared memory with futex sleeps, not a pipe: no system call per
//!   message while both sides are busy, and a process killed mid-`put`/`get` leaves it whole.
//! - [`Process`] and [`Pool`] kill (SIGKILL) and reap on drop; [`Group`] puts a demo's children in
//!   one process group for a single `killpg`.
//! - [`raw`] holds the bare-syscall figures `atelier bench` compares against.
mod arena;
pub mod error;
pub mod fork;
mod futex;
pub mod group;
pub mod interrupt;
pub mod lock;
pub mod pipe;
pub mod pool;
pub mod process;
pub mod queue;
pub mod raw;
mod reap;
mod shm;
pub mod status;
pub mod value;
pub mod wire;

pub use error::{Error, Result};
pub use fork::{PANIC_EXIT_CODE, fork, fork_in};
pub use group::Group;
pub use lock::{Lock, LockGuard};
pub use pipe::{Connection, Pipe};
pub use pool::{Pool, PoolBuilder, TaskEvent, Tasks};
pub use process::Process;
pub use queue::Queue;
pub use status::Exit;
pub use value::{Plain, RawValue, Value, ValueGuard};
