//! How a run ended, in the design's vocabulary, from what the supervisor saw.
//!
//! Order matters: a cause beats its symptoms. A fork bomb that then runs out of time was stopped by
//! the process limit; a memory bomb killed by SIGKILL was killed by the memory limit.
//!
//! Only what the sandbox itself saw counts — cgroup counters, the tracer's task count, the wait
//! status, measured memory — never the program's own output: a program that prints
//! "MemoryError" has not hit the memory limit.
use super::report::{Limits, RunStatus};
use crate::i18n::Message;
use crate::msg;

/// Why the supervisor stopped watching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The program ended by itself.
    Exited,
    Wall,
    /// The run's total CPU went over the limit (cgroup or sampled).
    Cpu,
    /// stdout or stderr went over the cap.
    OutputFlood,
    /// The child could not start the program: step index and errno.
    Setup(i32, i32),
    /// PID 1 vanished without telling how the program ended.
    LostInit,
    /// The student pressed Ctrl-C in the REPL (a `procs::interrupt` guard was held): stopped like a
    /// wall-clock timeout, every process killed and reaped.
    Interrupted,
    /// The tracer saw more tasks alive at once than the limit (no kernel limit held the run) and
    /// killed the run.
    Processes,
}

/// What the verdict is computed from.
pub struct Evidence<'a> {
    pub stop: Stop,
    /// Raw wait status of the program, when it was reaped.
    pub wait_status: Option<i32>,
    pub oom_kills: u64,
    pub task_limit_hits: u64,
    /// The most tasks (processes and threads) of the program alive at once, as the tracer counted
    /// them (0 without ptrace).
    pub peak_tasks: u32,
    /// A memory cgroup held the run (its OOM counter is then the witness of the memory limit).
    pub memory_cgroup: bool,
    pub cpu_s: f64,
    pub max_rss_kb: u64,
    pub limits: &'a Limits,
}

/// A status and the message saying which limit or what happened (worded by the reader's view).
type Decision = (RunStatus, Option<Message>);

/// The status and a sentence saying which limit or what happened. Each stage answers only for the
/// causes it knows, in order of precedence: a cause beats its symptoms.
pub fn decide(e: &Evidence<'_>) -> Decision {
    stopped_by_the_sandbox(e)
        .or_else(|| over_a_limit(e))
        .or_else(|| stopped_by_a_clock(e))
        .unwrap_or_else(|| by_its_end(e))
}

/// What the supervisor itself stopped the run for: output over the cap, a failed setup, a lost
/// PID 1, the tracer's process limit.
fn stopped_by_the_sandbox(e: &Evidence<'_>) -> Option<Decision> {
    let limits = e.limits;
    match e.stop {
        Stop::OutputFlood => Some((
            RunStatus::OutputLimit,
            Some(msg!("run-output-limit", bytes = limits.output_bytes)),
        )),
        Stop::Setup(step, errno) => {
            let what = super::child::STEPS.get(step as usize).copied().unwrap_or("?");
            let why = std::io::Error::from_raw_os_error(errno);
            Some((
                RunStatus::InternalError,
                Some(msg!("run-setup-failed", step = what, error = why.to_string())),
            ))
        }
        Stop::LostInit => Some((RunStatus::InternalError, Some(msg!("run-lost-init")))),
        Stop::Processes => Some(process_limit(limits)),
        _ => None,
    }
}

/// A memory or process limit the run hit, as the kernel or our measures witnessed it (a clean exit
/// despite a refused fork is the program's success).
fn over_a_limit(e: &Evidence<'_>) -> Option<Decision> {
    let limits = e.limits;
    let exited_cleanly = e
        .wait_status
        .is_some_and(|s| libc::WIFEXITED(s) && libc::WEXITSTATUS(s) == 0)
        && e.stop == Stop::Exited;
    // The kernel refused a fork (cgroup counter), or the run had as many tasks as allowed (the
    // uid's RLIMIT_NPROC refuses the next one; the tracer counted them).
    let at_task_limit = e.task_limit_hits > 0 || (e.peak_tasks > 0 && e.peak_tasks >= limits.processes);
    if e.oom_kills > 0 {
        return Some(memory_limit(limits));
    }
    // Without a memory cgroup: a process measured above the limit (its peak resident memory at
    // exit) before failing.
    if !e.memory_cgroup && !exited_cleanly && e.max_rss_kb.saturating_mul(1024) >= limits.memory_bytes {
        return Some(memory_limit(limits));
    }
    if !exited_cleanly && at_task_limit {
        return Some(process_limit(limits));
    }
    None
}

/// The wall clock, the CPU clock or Ctrl-C ended the run.
fn stopped_by_a_clock(e: &Evidence<'_>) -> Option<Decision> {
    let limits = e.limits;
    match e.stop {
        Stop::Wall => Some((
            RunStatus::Timeout,
            Some(msg!(
                "run-wall-limit",
                seconds = format!("{:.1}", limits.wall.as_secs_f64())
            )),
        )),
        Stop::Interrupted => Some((RunStatus::Interrupted, Some(msg!("run-interrupted")))),
        Stop::Cpu => Some(cpu_limit(limits)),
        _ => None,
    }
}

/// The program ended by itself: by a signal (the kernel's CPU limit, a kill near the memory
/// limit, or its own crash), or normally, whatever its exit code.
fn by_its_end(e: &Evidence<'_>) -> Decision {
    let limits = e.limits;
    let signal = e
        .wait_status
        .filter(|s| libc::WIFSIGNALED(*s))
        .map(|s| libc::WTERMSIG(s));
    match signal {
        Some(libc::SIGXCPU) => cpu_limit(limits),
        Some(libc::SIGKILL) if e.cpu_s >= limits.cpu.as_secs_f64() => cpu_limit(limits),
        Some(libc::SIGKILL) if e.max_rss_kb.saturating_mul(1024) >= limits.memory_bytes / 10 * 9 => {
            memory_limit(limits)
        }
        Some(sig) => (
            RunStatus::Signal,
            Some(msg!("run-signal", signal = sig, name = signal_name(sig))),
        ),
        None => (RunStatus::Ok, None),
    }
}

fn process_limit(limits: &Limits) -> Decision {
    (
        RunStatus::ProcessLimit,
        Some(msg!("run-process-limit", count = limits.processes)),
    )
}

fn memory_limit(limits: &Limits) -> Decision {
    (
        RunStatus::MemoryLimit,
        Some(msg!("run-memory-limit", mib = limits.memory_bytes >> 20)),
    )
}

fn cpu_limit(limits: &Limits) -> Decision {
    (
        RunStatus::Timeout,
        Some(msg!(
            "run-cpu-limit",
            seconds = format!("{:.1}", limits.cpu.as_secs_f64())
        )),
    )
}

pub fn signal_name(sig: i32) -> &'static str {
    nix::sys::signal::Signal::try_from(sig)
        .map(|s| s.as_str())
        .unwrap_or("unknown")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(stop: Stop, wait_status: Option<i32>) -> Evidence<'static> {
        static LIMITS: std::sync::LazyLock<Limits> = std::sync::LazyLock::new(Limits::default);
        Evidence {
            stop,
            wait_status,
            oom_kills: 0,
            task_limit_hits: 0,
            peak_tasks: 0,
            memory_cgroup: false,
            cpu_s: 0.0,
            max_rss_kb: 0,
            limits: &LIMITS,
        }
    }

    #[test]
    fn the_cause_beats_the_symptom() {
        let mut e = evidence(Stop::Wall, Some(libc::SIGKILL));
        assert_eq!(decide(&e).0, RunStatus::Timeout);
        e.task_limit_hits = 3;
        assert_eq!(decide(&e).0, RunStatus::ProcessLimit);
        e.oom_kills = 1;
        assert_eq!(decide(&e).0, RunStatus::MemoryLimit);
        e.stop = Stop::OutputFlood;
        assert_eq!(decide(&e).0, RunStatus::OutputLimit);
    }

    #[test]
    fn the_program_s_own_words_decide_nothing() {
        // A program that prints "MemoryError" and exits 1: its own failure, not a limit.
        let e = evidence(Stop::Exited, Some(1 << 8));
        assert_eq!(decide(&e).0, RunStatus::Ok);
        let mut e = evidence(Stop::Exited, Some(1 << 8));
        e.peak_tasks = 64;
        assert_eq!(decide(&e).0, RunStatus::ProcessLimit);
        let mut e = evidence(Stop::Exited, Some(1 << 8));
        e.max_rss_kb = 600 << 10;
        assert_eq!(decide(&e).0, RunStatus::MemoryLimit);
    }

    #[test]
    fn ctrl_c_is_interrupted_not_timeout() {
        let e = evidence(Stop::Interrupted, Some(libc::SIGKILL));
        assert_eq!(decide(&e).0, RunStatus::Interrupted);
        assert_eq!(
            decide(&evidence(Stop::Processes, None)).0,
            RunStatus::ProcessLimit
        );
    }

    #[test]
    fn each_limit_says_which_in_its_sentence() {
        let detail = |e: &Evidence<'_>| {
            decide(e)
                .1
                .map(|m| m.word(crate::i18n::Lang::En))
                .unwrap_or_default()
        };
        let limits = Limits::default();
        let cpu = format!("CPU time limit of {:.1} s reached", limits.cpu.as_secs_f64());
        assert_eq!(detail(&evidence(Stop::Cpu, None)), cpu);
        assert_eq!(detail(&evidence(Stop::Exited, Some(libc::SIGXCPU))), cpu);
        let mut e = evidence(Stop::Exited, Some(libc::SIGKILL));
        e.max_rss_kb = limits.memory_bytes / 1024;
        assert_eq!(
            detail(&e),
            format!("memory over the limit of {} MiB", limits.memory_bytes >> 20)
        );
        assert_eq!(
            detail(&evidence(Stop::Processes, None)),
            format!(
                "could not start more than {} processes and threads",
                limits.processes
            )
        );
        assert_eq!(
            detail(&evidence(Stop::Exited, Some(libc::SIGSEGV))),
            "killed by signal 11 (SIGSEGV)"
        );
        assert_eq!(decide(&evidence(Stop::Exited, Some(0))), (RunStatus::Ok, None));
    }

    #[test]
    fn a_clean_exit_is_ok_even_after_a_refused_fork() {
        let mut e = evidence(Stop::Exited, Some(0));
        e.task_limit_hits = 1;
        assert_eq!(decide(&e).0, RunStatus::Ok);
        let e = evidence(Stop::Exited, Some(libc::SIGSEGV));
        assert_eq!(decide(&e).0, RunStatus::Signal);
    }
}
