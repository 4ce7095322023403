//! How many CPUs a run has: the ones this process may use (its affinity, what a pinned run gets)
//! and the machine's (what Python's `os.cpu_count()` and `Pool()` see). Apart from the checking:
//! the machine is asked, not the run.

/// CPUs this process may run on (its affinity).
pub fn available_cpus() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

/// CPUs online on the machine (what Python's `os.cpu_count()` reports, so what `Pool()` uses).
pub fn machine_cpus() -> u32 {
    let Ok(online) = std::fs::read_to_string("/sys/devices/system/cpu/online") else {
        return available_cpus();
    };
    let mut count = 0;
    for range in online.trim().split(',') {
        let mut ends = range.split('-').map(|n| n.trim().parse::<u32>().ok());
        match (ends.next().flatten(), ends.next().flatten()) {
            (Some(a), Some(b)) if b >= a => count += b - a + 1,
            (Some(_), None) => count += 1,
            _ => {}
        }
    }
    if count == 0 { available_cpus() } else { count }
}
