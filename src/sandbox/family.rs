//! Finding a run's processes without a cgroup: its family tree, rebuilt from `/proc` at each look.
//!
//! A process belongs to the run when its parent does, when it is in the run's session, when it has
//! the run's uid, or when it is an orphan the grader adopted as subreaper after the run started and
//! is not the first process of another live run. Every member is remembered with its start time, so
//! a pid reused by an unrelated program after a member died is never taken for the run's (and never
//! killed).
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use super::trace;

/// The first process of every live run of this grader (they are the grader's own children).
static RUN_ROOTS: LazyLock<Mutex<HashSet<libc::pid_t>>> = LazyLock::new(Default::default);

/// Whether `pid` is the first process of a live run of this grader (never to be reaped or
/// signalled by another run).
pub fn is_run_root(pid: libc::pid_t) -> bool {
    RUN_ROOTS.lock().unwrap_or_else(|e| e.into_inner()).contains(&pid)
}

/// Registers a run's first process for the life of the guard.
pub struct RootGuard(libc::pid_t);

impl RootGuard {
    pub fn new(pid: libc::pid_t) -> RootGuard {
        RUN_ROOTS.lock().unwrap_or_else(|e| e.into_inner()).insert(pid);
        RootGuard(pid)
    }
}

impl Drop for RootGuard {
    fn drop(&mut self) {
        RUN_ROOTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.0);
    }
}

/// The run's members as last seen: pid → start time (clock ticks since boot).
#[derive(Debug)]
pub struct Tree {
    root: libc::pid_t,
    root_start: u64,
    uid: Option<u32>,
    adopt_orphans: bool,
    members: RefCell<HashMap<libc::pid_t, u64>>,
}

impl Tree {
    pub fn new(root: libc::pid_t, uid: Option<u32>, adopt_orphans: bool) -> Tree {
        let root_start = trace::stat(root).map_or(0, |s| s.start_ticks);
        Tree {
            root,
            root_start,
            uid,
            adopt_orphans,
            members: RefCell::new(HashMap::from([(root, root_start)])),
        }
    }

    /// Whether `pid` is the member recorded under that pid (same start time: not a reused pid).
    pub fn contains(&self, pid: libc::pid_t) -> bool {
        let start = trace::stat(pid).map(|s| s.start_ticks);
        start.is_some() && self.members.borrow().get(&pid).copied() == start
    }

    /// The run's live (or zombie) processes now.
    pub fn pids(&self) -> Vec<libc::pid_t> {
        let grader = std::process::id() as libc::pid_t;
        let mut all = trace::all();
        // Parents before children, so one pass finds a whole new branch.
        all.sort_by_key(|(s, _)| s.start_ticks);
        let roots = RUN_ROOTS.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut members = self.members.borrow_mut();
        let mut now = HashMap::new();
        for (stat, uid) in all {
            let known = members.get(&stat.pid) == Some(&stat.start_ticks);
            let ours = known
                || now.contains_key(&stat.ppid)
                || (stat.start_ticks >= self.root_start
                    && (stat.session == self.root
                        || self.uid == Some(uid)
                        || (self.adopt_orphans && stat.ppid == grader && !roots.contains(&stat.pid))));
            if ours {
                now.insert(stat.pid, stat.start_ticks);
            }
        }
        *members = now;
        members.keys().copied().collect()
    }
}
