//! Exact process counts from the Linux proc connector (netlink): the kernel reports every fork and
//! exit on the machine, telling a new process (`child_pid == child_tgid`) from a new thread.
//!
//! Sampling `/proc` misses a process that lives less than a sampling period, and a PID namespace's
//! pid counter also counts threads; the connector does neither. It needs CAP_NET_ADMIN (root).
//! Events of other programs on the machine are read and dropped; a run's processes are the
//! descendants of its first process. If the socket overflows, the count becomes a lower bound and
//! says so.
use std::collections::{HashMap, HashSet};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

const NLMSG_HDR: usize = 16;
const CN_MSG: usize = 20;
const PROC_EVENT_FORK: u32 = 0x0000_0001;
const PROC_EVENT_EXIT: u32 = 0x8000_0000;
/// Receive buffer asked for (a fork bomb on a busy machine makes many events quickly).
const RCVBUF: libc::c_int = 8 << 20;

/// A subscription to the proc connector.
pub struct Connector {
    fd: OwnedFd,
}

/// What one batch of events said about the run.
#[derive(Debug, Default)]
pub struct Events {
    /// Processes of the run that ended (tgid), for a last look at their CPU time.
    pub exited: Vec<libc::pid_t>,
}

/// The run's family tree as the connector saw it.
#[derive(Debug, Default)]
pub struct Family {
    /// Every process of the run (tgid) with when it was forked and when it ended, in seconds
    /// from the kernel's monotonic clock.
    pub processes: HashMap<libc::pid_t, (f64, Option<f64>)>,
    /// Processes started, the first one included (a reused pid counts again).
    pub started: u32,
    threads: HashSet<libc::pid_t>,
    /// Events were lost (socket overflow): counts are lower bounds.
    pub lost: bool,
}

impl Family {
    pub fn new(root: libc::pid_t, at: f64) -> Family {
        let mut family = Family::default();
        family.processes.insert(root, (at, None));
        family.started = 1;
        family
    }

    fn is_member(&self, tgid: libc::pid_t) -> bool {
        self.processes.get(&tgid).is_some_and(|(_, end)| end.is_none())
    }
}

pub fn works() -> bool {
    Connector::open().is_ok()
}

impl Connector {
    pub fn open() -> std::io::Result<Connector> {
        // SAFETY: socket() returns a new descriptor or -1.
        let raw = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_DGRAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
                libc::NETLINK_CONNECTOR,
            )
        };
        if raw < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: `raw` is a new descriptor nobody else owns.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        // SAFETY: an all-zero sockaddr_nl is valid; we set the family and the group.
        let mut addr: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        addr.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        addr.nl_groups = libc::CN_IDX_PROC;
        // SAFETY: bind with a valid address of the given size; setsockopt with a valid int.
        unsafe {
            if libc::bind(
                raw,
                (&addr as *const libc::sockaddr_nl).cast(),
                std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
            ) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            // Root may go past rmem_max; if refused, the default buffer still works (with a risk of loss).
            libc::setsockopt(
                raw,
                libc::SOL_SOCKET,
                libc::SO_RCVBUFFORCE,
                (&RCVBUF as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
        let mut msg = [0u8; NLMSG_HDR + CN_MSG + 4];
        let len = msg.len() as u32;
        msg[0..4].copy_from_slice(&len.to_ne_bytes());
        msg[4..6].copy_from_slice(&(libc::NLMSG_DONE as u16).to_ne_bytes());
        // SAFETY: getpid has no preconditions.
        msg[12..16].copy_from_slice(&(unsafe { libc::getpid() } as u32).to_ne_bytes());
        msg[16..20].copy_from_slice(&libc::CN_IDX_PROC.to_ne_bytes());
        msg[20..24].copy_from_slice(&libc::CN_VAL_PROC.to_ne_bytes());
        msg[32..34].copy_from_slice(&4u16.to_ne_bytes());
        msg[36..40].copy_from_slice(&libc::PROC_CN_MCAST_LISTEN.to_ne_bytes());
        // SAFETY: send a buffer of the given length on our socket.
        if unsafe { libc::send(raw, msg.as_ptr().cast(), msg.len(), 0) } < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Connector { fd })
    }

    pub fn raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Reads every queued event and updates `family`, in the order of the kernel's timestamps:
    /// events of different CPUs may arrive out of order, and an exit read after the fork of the
    /// next process with the same pid would make a stranger a member.
    pub fn read(&self, family: &mut Family) -> Events {
        let mut events = Events::default();
        let mut raw = Vec::new();
        self.receive(family, &mut raw);
        raw.sort_by(|a: &Raw, b: &Raw| a.at.total_cmp(&b.at));
        for event in raw {
            apply(event, family, &mut events);
        }
        events
    }

    fn receive(&self, family: &mut Family, raw: &mut Vec<Raw>) {
        let mut buf = [0u8; 16384];
        loop {
            // SAFETY: recv into a stack buffer of the given length, non-blocking.
            let n = unsafe { libc::recv(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), 0) };
            if n < 0 {
                match super::syscalls::errno() {
                    libc::EINTR => continue,
                    libc::ENOBUFS => {
                        family.lost = true;
                        continue;
                    }
                    _ => return,
                }
            }
            if n == 0 {
                return;
            }
            parse(&buf[..n as usize], raw);
        }
    }
}

/// One fork or exit event as the kernel sent it.
struct Raw {
    at: f64,
    what: u32,
    /// The event's first four 32-bit fields.
    fields: [Option<libc::pid_t>; 4],
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Walks the netlink messages of one datagram.
fn parse(mut data: &[u8], raw: &mut Vec<Raw>) {
    while data.len() >= NLMSG_HDR {
        let Some(len) = u32_at(data, 0).map(|l| l as usize) else {
            return;
        };
        if len < NLMSG_HDR || len > data.len() {
            return;
        }
        let payload = &data[NLMSG_HDR..len];
        // cn_msg, then proc_event: what, cpu, timestamp_ns, then the event's fields.
        if let (Some(what), Some(ts_lo), Some(ts_hi)) = (
            u32_at(payload, CN_MSG),
            u32_at(payload, CN_MSG + 8),
            u32_at(payload, CN_MSG + 12),
        ) {
            let at = ((u64::from(ts_hi) << 32) | u64::from(ts_lo)) as f64 / 1e9;
            let field = |i: usize| u32_at(payload, CN_MSG + 16 + 4 * i).map(|v| v as libc::pid_t);
            if what == PROC_EVENT_FORK || what == PROC_EVENT_EXIT {
                raw.push(Raw {
                    at,
                    what,
                    fields: [field(0), field(1), field(2), field(3)],
                });
            }
        }
        let aligned = (len + 3) & !3;
        data = data.get(aligned..).unwrap_or(&[]);
    }
}

/// Updates the family with one event.
fn apply(event: Raw, family: &mut Family, events: &mut Events) {
    let at = event.at;
    let [f0, f1, f2, f3] = event.fields;
    match event.what {
        PROC_EVENT_FORK => {
            if let (Some(parent_tgid), Some(child_pid), Some(child_tgid)) = (f1, f2, f3)
                && family.is_member(parent_tgid)
            {
                if child_pid == child_tgid {
                    family.processes.insert(child_tgid, (at, None));
                    family.started += 1;
                } else {
                    family.threads.insert(child_pid);
                }
            }
        }
        PROC_EVENT_EXIT => {
            if let (Some(pid), Some(tgid)) = (f0, f1)
                && pid == tgid
                && family.is_member(tgid)
            {
                if let Some(entry) = family.processes.get_mut(&tgid) {
                    entry.1 = Some(at);
                }
                events.exited.push(tgid);
            }
        }
        _ => {}
    }
}

/// The kernel's monotonic clock in seconds (the connector's timestamps use it).
pub fn monotonic_s() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime fills a valid timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}
