//! `atelier doctor`: what this machine lets the sandbox do, how a run's processes are counted here,
//! whether verdicts on processes and CPU are exact, and what to change when they are not.
//!
//! Plain data (the command layer prints it or serialises it); every fact comes from the probe,
//! which tries each layer for real, plus the system settings that explain a refusal.
use serde::Serialize;

use super::probe::{DISABLE_VAR, Probe, probe};

/// One layer of the sandbox and whether this machine allows it.
#[derive(Debug, Clone, Serialize)]
pub struct Layer {
    pub name: &'static str,
    pub available: bool,
    /// What it gives, or why it is missing.
    pub note: String,
}

/// The doctor's report.
#[derive(Debug, Clone, Serialize)]
pub struct Doctor {
    pub schema_version: u32,
    /// The grader runs as root (each run then gets a uid of its own).
    pub root: bool,
    pub layers: Vec<Layer>,
    /// How a run's processes are counted: "ptrace", "proc-connector" or "sampling".
    pub counting_method: String,
    /// Whether process counts and per-process CPU times are exact here (else a check on them
    /// cannot be judged and its verdict is `error`).
    pub exact: bool,
    /// What to change, most important first (empty when nothing needs to).
    pub advice: Vec<String>,
}

fn read_setting(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok().map(|s| s.trim().to_string())
}

/// Why ptrace is refused here, with what to change.
fn ptrace_advice(probe: &Probe) -> Option<String> {
    if probe.ptrace {
        return None;
    }
    let why = probe.ptrace_refused.clone().unwrap_or_default();
    if why.contains(DISABLE_VAR) {
        return Some(format!("ptrace is {why}: unset it for exact counts"));
    }
    let mut text = format!("ptrace on the grader's own child is refused ({why})");
    match read_setting("/proc/sys/kernel/yama/ptrace_scope").as_deref() {
        Some("2") => text.push_str(
            "; Yama's kernel.yama.ptrace_scope is 2 (admin only): run the grader with CAP_SYS_PTRACE, or set it to 1",
        ),
        Some("3") => text.push_str(
            "; Yama's kernel.yama.ptrace_scope is 3 (no ptrace at all, until reboot): boot with a lower value",
        ),
        _ => {}
    }
    let seccomp = read_setting("/proc/self/status").and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Seccomp:").map(|v| v.trim().to_string()))
    });
    if seccomp.as_deref() == Some("2") {
        text.push_str(
            "; a seccomp filter is in force (a container): allow ptrace in its profile (Docker's default profile allows it on kernels ≥ 4.8; `--security-opt seccomp=…`)",
        );
    }
    Some(text)
}

fn namespace_advice(probe: &Probe) -> Option<String> {
    if probe.namespaces || probe.user_namespace {
        return None;
    }
    if std::env::var(DISABLE_VAR).is_ok_and(|v| v.split(',').any(|l| l.trim() == "namespaces")) {
        return Some(format!("namespaces are switched off by {DISABLE_VAR}"));
    }
    let mut text = String::from(
        "no PID/network/mount namespaces for runs (a run could see the network and the files its uid may read)",
    );
    if probe.root {
        text.push_str(": creating namespaces needs CAP_SYS_ADMIN, which this container lacks");
    } else if read_setting("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1") {
        text.push_str(
            ": AppArmor refuses unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1); set it to 0 or give atelier an AppArmor profile with `userns`",
        );
    } else if read_setting("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0") {
        text.push_str(": kernel.unprivileged_userns_clone=0; set it to 1");
    } else if read_setting("/proc/sys/user/max_user_namespaces").as_deref() == Some("0") {
        text.push_str(": user.max_user_namespaces=0; raise it");
    } else {
        text.push_str(": unprivileged user namespaces are refused (a seccomp filter or a sysctl)");
    }
    Some(text)
}

/// Why counting is not exact here and what to change (only meaningful when it is not).
pub fn inexact_reason(probe: &Probe) -> String {
    let mut text = String::from("processes are sampled from /proc (a short-lived process may be missed)");
    if let Some(ptrace) = ptrace_advice(probe) {
        text.push_str(": ");
        text.push_str(&ptrace);
    }
    text
}

/// One line for stderr when `check` or `grade` run degraded (counts not exact), else None.
pub fn degraded_line() -> Option<String> {
    let probe = probe();
    let (_, exact) = probe.counting_method();
    (!exact).then(|| {
        format!(
            "atelier: verdicts on processes and CPU are not exact on this machine ({}); see `atelier doctor`",
            inexact_reason(&probe)
        )
    })
}

/// What this machine allows.
pub fn doctor() -> Doctor {
    let probe = probe();
    let (method, exact) = probe.counting_method();
    let layer = |name, available, note: &str| Layer {
        name,
        available,
        note: note.to_string(),
    };
    let cgroup = match probe.cgroup {
        Some(kind) => format!("per-run cgroup {kind:?}: pids.max, memory.max, CPU totals, kill"),
        None if probe.root => "no writable cgroup hierarchy (a container without cgroup delegation)".into(),
        None => "no delegated cgroup for this user (e.g. `systemd-run --user --scope -p Delegate=yes`); limits fall back to rlimits and the tracer's count".into(),
    };
    let layers = vec![
        layer(
            "uid",
            probe.root,
            "a dedicated unprivileged uid per run (root only)",
        ),
        layer(
            "namespaces",
            probe.namespaces || probe.user_namespace,
            if probe.namespaces {
                "PID, network, mount, IPC, UTS namespaces under our PID 1"
            } else if probe.user_namespace {
                "the same, hanging off an unprivileged user namespace"
            } else {
                "refused"
            },
        ),
        layer("cgroup", probe.cgroup.is_some(), &cgroup),
        layer(
            "subreaper",
            probe.subreaper,
            "orphans come back to the grader (used without a PID namespace)",
        ),
        layer(
            "ptrace",
            probe.ptrace,
            probe
                .ptrace_refused
                .as_deref()
                .unwrap_or("every process and thread of a run followed exactly"),
        ),
        layer(
            "proc-connector",
            probe.proc_connector,
            "kernel fork/exit events (root, initial PID namespace only); the fallback of ptrace",
        ),
        layer("pidfd", probe.pidfd, "race-free signals and waits"),
        layer(
            "close-range",
            probe.close_range,
            "inherited descriptors closed at once",
        ),
    ];
    let advice = [ptrace_advice(&probe), namespace_advice(&probe)]
        .into_iter()
        .flatten()
        .collect();
    Doctor {
        schema_version: 1,
        root: probe.root,
        layers,
        counting_method: method.to_string(),
        exact,
        advice,
    }
}

impl Doctor {
    /// The report for a person.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for layer in &self.layers {
            let mark = if layer.available { "yes" } else { "no " };
            out.push_str(&format!("{mark}  {:<15} {}\n", layer.name, layer.note));
        }
        out.push_str(&format!(
            "\nprocess counting: {}\nverdicts on processes and CPU: {}\n",
            self.counting_method,
            if self.exact { "exact" } else { "NOT exact" }
        ));
        for advice in &self.advice {
            out.push_str(&format!("to change: {advice}\n"));
        }
        out
    }
}
