//! The per-process picture of a run, sampled from `/proc/<pid>/stat` every few milliseconds:
//! when each process was seen, how much CPU it used, its resident memory.
//!
//! Sampling is what the grader's CPU-parallelism checks read ("how many processes did real work"),
//! so a process is keyed by pid *and* start time: a fork bomb reuses pids within one run.
use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;

use super::report::ProcessTrace;

/// One line of `/proc/<pid>/stat`, the fields we use.
#[derive(Debug, Clone, Copy)]
pub struct Stat {
    pub pid: libc::pid_t,
    pub state: u8,
    /// Parent (host pid).
    pub ppid: libc::pid_t,
    pub session: libc::pid_t,
    pub cpu_ticks: u64,
    pub start_ticks: u64,
    pub rss_pages: u64,
}

/// Reads and parses `/proc/<pid>/stat`; `None` when the process is gone.
pub fn stat(pid: libc::pid_t) -> Option<Stat> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_stat(pid, &text)
}

fn parse_stat(pid: libc::pid_t, text: &str) -> Option<Stat> {
    // The command name is in parentheses and may itself contain spaces and parentheses.
    let rest = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_ascii_whitespace().collect();
    // fields[0] is field 3 of proc(5).
    let field = |n: usize| fields.get(n - 3).copied();
    let num = |n: usize| field(n).and_then(|f| f.parse::<u64>().ok());
    Some(Stat {
        pid,
        state: field(3)?.bytes().next()?,
        ppid: field(4)?.parse().ok()?,
        session: field(6)?.parse().ok()?,
        cpu_ticks: num(14)? + num(15)?,
        start_ticks: num(22)?,
        rss_pages: num(24)?,
    })
}

/// Every process on the machine with its owner, read from `/proc`.
pub fn all() -> Vec<(Stat, u32)> {
    let Ok(dir) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|entry| {
        let entry = entry.ok()?;
        let pid: libc::pid_t = entry.file_name().to_str()?.parse().ok()?;
        let uid = entry.metadata().ok()?.uid();
        Some((stat(pid)?, uid))
    })
    .collect()
}

#[derive(Debug)]
struct Seen {
    pid: libc::pid_t,
    first_s: f64,
    last_s: f64,
    cpu_ticks: u64,
}

/// The processes of one run as seen so far.
#[derive(Debug)]
pub struct Tracer {
    seen: HashMap<(libc::pid_t, u64), Seen>,
    /// The keys of `seen` by pid (a pid may be reused within a run), so that merging the exact
    /// events costs O(1) per process, not a scan of everything seen.
    by_pid: HashMap<libc::pid_t, Vec<(libc::pid_t, u64)>>,
    /// Our own PID 1 (namespaced runs): part of the machinery, not of the program.
    exclude: Option<libc::pid_t>,
    tick_s: f64,
    page_kb: u64,
    pub peak_rss_kb: u64,
}

impl Tracer {
    pub fn new(exclude: Option<libc::pid_t>) -> Tracer {
        // SAFETY: sysconf only reads a configuration value.
        let (ticks, page) = unsafe {
            (
                libc::sysconf(libc::_SC_CLK_TCK),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        Tracer {
            seen: HashMap::new(),
            by_pid: HashMap::new(),
            exclude,
            tick_s: 1.0 / ticks.max(1) as f64,
            page_kb: (page.max(4096) / 1024) as u64,
            peak_rss_kb: 0,
        }
    }

    /// Records one sample of `pids` taken at `at_s`; returns the live (non-zombie) processes.
    pub fn sample(&mut self, pids: &[libc::pid_t], at_s: f64) -> Vec<Stat> {
        pids.iter().filter_map(|&pid| self.observe(pid, at_s)).collect()
    }

    /// Looks at one process (a zombie still shows its CPU time); returns it when alive.
    pub fn observe(&mut self, pid: libc::pid_t, at_s: f64) -> Option<Stat> {
        if Some(pid) == self.exclude {
            return None;
        }
        let stat = stat(pid)?;
        let key = (pid, stat.start_ticks);
        let entry = self.seen.entry(key).or_insert_with(|| {
            self.by_pid.entry(pid).or_default().push(key);
            Seen {
                pid,
                first_s: at_s,
                last_s: at_s,
                cpu_ticks: 0,
            }
        });
        entry.cpu_ticks = entry.cpu_ticks.max(stat.cpu_ticks);
        if stat.state == b'Z' || stat.state == b'X' {
            return None;
        }
        entry.last_s = at_s;
        self.peak_rss_kb = self.peak_rss_kb.max(stat.rss_pages * self.page_kb);
        Some(stat)
    }

    /// Merges what the connector knows exactly (fork and exit times) into the samples: the
    /// matching sampled process gets the exact times; a process sampling missed (it lived less
    /// than a period) is added with them.
    pub fn merge_exact(&mut self, pid: libc::pid_t, start_s: f64, end_s: f64) {
        if Some(pid) == self.exclude {
            return;
        }
        // The sampled instance of this pid that was first seen after the fork (pids get reused).
        let key = self
            .by_pid
            .get(&pid)
            .into_iter()
            .flatten()
            .filter_map(|key| self.seen.get(key).map(|s| (key, s.first_s)))
            .filter(|(_, first)| *first >= start_s - 0.001 && *first <= end_s + 0.001)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(key, _)| *key);
        match key.and_then(|key| self.seen.get_mut(&key)) {
            Some(seen) => {
                seen.first_s = start_s;
                seen.last_s = seen.last_s.max(end_s);
            }
            None => {
                // Start ticks unknown: key it apart from anything sampling could have recorded.
                let key = (pid, u64::MAX - self.seen.len() as u64);
                self.seen.insert(
                    key,
                    Seen {
                        pid,
                        first_s: start_s,
                        last_s: end_s,
                        cpu_ticks: 0,
                    },
                );
            }
        }
    }

    /// Seconds per clock tick (`/proc` CPU times are in ticks).
    pub fn tick_s(&self) -> f64 {
        self.tick_s
    }

    /// Whether the process `stat` describes (pid and start time) was seen as one of the run's.
    pub fn saw(&self, stat: &Stat) -> bool {
        self.seen.contains_key(&(stat.pid, stat.start_ticks))
    }

    /// Distinct processes seen.
    pub fn count(&self) -> u32 {
        self.seen.len() as u32
    }

    /// CPU seconds of the processes seen (a lower bound: what a process did after its last sample
    /// is missed).
    pub fn cpu_s(&self) -> f64 {
        self.seen.values().map(|s| s.cpu_ticks as f64 * self.tick_s).sum()
    }

    /// The trace, in order of appearance.
    pub fn trace(&self) -> Vec<ProcessTrace> {
        let tick = self.tick_s;
        let mut trace: Vec<ProcessTrace> = self
            .seen
            .values()
            .map(|s| ProcessTrace {
                pid: s.pid,
                start_s: s.first_s,
                end_s: s.last_s,
                cpu_s: s.cpu_ticks as f64 * tick,
            })
            .collect();
        trace.sort_by(|a, b| a.start_s.total_cmp(&b.start_s).then(a.pid.cmp(&b.pid)));
        trace
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_name_with_spaces_and_parentheses_parses() {
        let line = "42 (a) b (c) S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 1 0 12345 1000 250 ...";
        let stat = parse_stat(42, line).unwrap();
        assert_eq!((stat.state, stat.ppid, stat.session), (b'S', 1, 42));
        assert_eq!(
            (stat.cpu_ticks, stat.start_ticks, stat.rss_pages),
            (10, 12345, 250)
        );
    }

    #[test]
    fn our_own_process_is_readable() {
        let me = std::process::id() as libc::pid_t;
        let stat = stat(me).unwrap();
        assert_eq!(stat.pid, me);
        assert!(stat.rss_pages > 0);
    }
}
