//! The run's [`Limits`] as rlimits, applied by the child just before `execve`.
//!
//! Rlimits are per process (a child starts with a fresh CPU budget), so they are the floor of the
//! confinement, not the whole of it: the run's totals come from the cgroup and the grader's clock.
use super::report::Limits;

/// Open files per process: a pool of a few dozen workers with their pipes fits well below this.
const OPEN_FILES: u64 = 512;
/// With a memory cgroup in force the address-space limit is only a backstop against a runaway
/// `mmap`: threads reserve stacks and malloc arenas far beyond what they touch.
const AS_BACKSTOP_FACTOR: u64 = 16;
const AS_BACKSTOP_FLOOR: u64 = 8 << 30;

fn limit(cur: u64, max: u64) -> libc::rlimit {
    libc::rlimit {
        rlim_cur: cur as libc::rlim_t,
        rlim_max: max as libc::rlim_t,
    }
}

/// The rlimits of a run. `nproc`: the run has its own uid, so RLIMIT_NPROC counts only its tasks.
/// `memory_cgroup`: memory is already capped by a cgroup, so RLIMIT_AS is set loosely.
pub fn rlimits(
    limits: &Limits,
    nproc: bool,
    memory_cgroup: bool,
) -> Vec<(libc::__rlimit_resource_t, libc::rlimit)> {
    // Soft below hard: SIGXCPU first (catchable, Python dies of it), SIGKILL a second later.
    let cpu = limits.cpu.as_secs_f64().ceil().max(1.0) as u64;
    let address_space = if memory_cgroup {
        limits
            .memory_bytes
            .saturating_mul(AS_BACKSTOP_FACTOR)
            .max(AS_BACKSTOP_FLOOR)
    } else {
        // No cgroup: the per-process address space is the only memory limit there is; leave room
        // for thread stacks and the interpreter's own mappings.
        limits.memory_bytes.saturating_mul(2).saturating_add(1 << 30)
    };
    let mut out = vec![
        (libc::RLIMIT_CPU, limit(cpu, cpu + 1)),
        (libc::RLIMIT_FSIZE, limit(limits.file_bytes, limits.file_bytes)),
        (libc::RLIMIT_NOFILE, limit(OPEN_FILES, OPEN_FILES)),
        (libc::RLIMIT_CORE, limit(0, 0)),
        (libc::RLIMIT_AS, limit(address_space, address_space)),
    ];
    if nproc {
        let tasks = u64::from(limits.processes.max(1));
        out.push((libc::RLIMIT_NPROC, limit(tasks, tasks)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(
        list: &[(libc::__rlimit_resource_t, libc::rlimit)],
        r: libc::__rlimit_resource_t,
    ) -> Option<libc::rlimit> {
        list.iter().find(|(res, _)| *res == r).map(|(_, l)| *l)
    }

    #[test]
    fn cpu_soft_limit_comes_before_the_hard_one_and_nproc_needs_a_uid() {
        let limits = Limits {
            cpu: std::time::Duration::from_millis(1500),
            ..Limits::default()
        };
        let with_uid = rlimits(&limits, true, true);
        let cpu = find(&with_uid, libc::RLIMIT_CPU).unwrap();
        assert_eq!((cpu.rlim_cur, cpu.rlim_max), (2, 3));
        assert_eq!(find(&with_uid, libc::RLIMIT_CORE).unwrap().rlim_max, 0);
        assert_eq!(find(&with_uid, libc::RLIMIT_NPROC).unwrap().rlim_cur, 64);
        assert!(find(&rlimits(&limits, false, true), libc::RLIMIT_NPROC).is_none());
    }

    #[test]
    fn the_address_space_is_only_a_backstop_under_a_memory_cgroup() {
        let limits = Limits::default();
        let loose = find(&rlimits(&limits, false, true), libc::RLIMIT_AS)
            .unwrap()
            .rlim_cur;
        let tight = find(&rlimits(&limits, false, false), libc::RLIMIT_AS)
            .unwrap()
            .rlim_cur;
        assert!(loose >= 8 << 30 && tight < loose && tight > limits.memory_bytes);
    }
}
