//! `atelier doctor`: what this machine lets the sandbox do, how a run's processes are counted here,
//! whether verdicts on processes and CPU are exact, and what to change when they are not.
//!
//! Plain data (the command layer prints it or serialises it); every fact comes from the probe,
//! which tries each layer for real, plus the system settings that explain a refusal.
use serde::Serialize;

use super::probe::{DISABLE_VAR, Probe, probe};
use crate::i18n::{Lang, Message};
use crate::msg;

/// One layer of the sandbox and whether this machine allows it.
#[derive(Debug, Clone)]
pub struct Layer {
    pub name: &'static str,
    pub available: bool,
    /// What it gives, or why it is missing.
    pub note: Message,
}

/// The doctor's report, as data; [`Doctor::worded`] puts it in a reader's words.
#[derive(Debug, Clone)]
pub struct Doctor {
    /// The grader runs as root (each run then gets a uid of its own).
    pub root: bool,
    pub layers: Vec<Layer>,
    /// How a run's processes are counted: "ptrace", "proc-connector" or "sampling".
    pub counting_method: String,
    /// Whether process counts and per-process CPU times are exact here (else a check on them
    /// cannot be judged and its verdict is `error`).
    pub exact: bool,
    /// What to change, most important first (empty when nothing needs to).
    pub advice: Vec<Message>,
}

/// `atelier doctor --json` (schemas/doctor.schema.json): the report with its notes and advice in
/// words.
#[derive(Debug, Clone, Serialize)]
pub struct DoctorReport {
    pub schema_version: u32,
    pub root: bool,
    pub layers: Vec<WordedLayer>,
    pub counting_method: String,
    pub exact: bool,
    pub advice: Vec<String>,
}

/// A layer with its note in words.
#[derive(Debug, Clone, Serialize)]
pub struct WordedLayer {
    pub name: &'static str,
    pub available: bool,
    pub note: String,
}

fn read_setting(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok().map(|s| s.trim().to_string())
}

/// Why ptrace is refused here, with what to change.
fn ptrace_advice(probe: &Probe) -> Option<Message> {
    if probe.ptrace {
        return None;
    }
    let why = probe.ptrace_refused.clone().unwrap_or_default();
    if why.contains(DISABLE_VAR) {
        return Some(msg!("doctor-ptrace-switched-off", var = DISABLE_VAR));
    }
    let yama = match read_setting("/proc/sys/kernel/yama/ptrace_scope").as_deref() {
        Some("2") => Some(msg!("doctor-yama-admin-only")),
        Some("3") => Some(msg!("doctor-yama-no-ptrace")),
        _ => None,
    };
    let seccomp = read_setting("/proc/self/status").and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Seccomp:").map(|v| v.trim().to_string()))
    });
    let seccomp = (seccomp.as_deref() == Some("2")).then(|| msg!("doctor-seccomp-filter"));
    let text = |m: Option<Message>| m.map_or_else(|| crate::i18n::Arg::Text(String::new()), Into::into);
    Some(msg!(
        "doctor-ptrace-refused",
        why = why,
        yama = text(yama),
        seccomp = text(seccomp)
    ))
}

fn namespace_advice(probe: &Probe) -> Option<Message> {
    if probe.namespaces || probe.user_namespace {
        return None;
    }
    if std::env::var(DISABLE_VAR).is_ok_and(|v| v.split(',').any(|l| l.trim() == "namespaces")) {
        return Some(msg!("doctor-namespaces-switched-off", var = DISABLE_VAR));
    }
    let cause = if probe.root {
        msg!("doctor-namespaces-need-cap-sys-admin")
    } else if read_setting("/proc/sys/kernel/apparmor_restrict_unprivileged_userns").as_deref() == Some("1") {
        msg!("doctor-namespaces-apparmor")
    } else if read_setting("/proc/sys/kernel/unprivileged_userns_clone").as_deref() == Some("0") {
        msg!("doctor-namespaces-userns-clone")
    } else if read_setting("/proc/sys/user/max_user_namespaces").as_deref() == Some("0") {
        msg!("doctor-namespaces-max-user")
    } else {
        msg!("doctor-namespaces-refused-other")
    };
    Some(msg!("doctor-no-namespaces", cause = cause))
}

/// Why counting is not exact here and what to change (only meaningful when it is not).
pub fn inexact_reason(probe: &Probe) -> Message {
    match ptrace_advice(probe) {
        Some(ptrace) => msg!("doctor-sampled-because", ptrace = ptrace),
        None => msg!("doctor-sampled"),
    }
}

/// One line for stderr when `check` or `grade` run degraded (counts not exact), else None.
pub fn degraded_line(lang: Lang) -> Option<String> {
    let probe = probe();
    let (_, exact) = probe.counting_method();
    (!exact).then(|| msg!("doctor-degraded", why = inexact_reason(&probe)).word(lang))
}

/// What this machine allows.
pub fn doctor() -> Doctor {
    let probe = probe();
    let (method, exact) = probe.counting_method();
    let layer = |name, available, note: Message| Layer {
        name,
        available,
        note,
    };
    let cgroup = match probe.cgroup {
        Some(kind) => msg!("doctor-layer-cgroup", kind = format!("{kind:?}")),
        None if probe.root => msg!("doctor-layer-cgroup-none-root"),
        None => msg!("doctor-layer-cgroup-none-user"),
    };
    let layers = vec![
        layer("uid", probe.root, msg!("doctor-layer-uid")),
        layer(
            "namespaces",
            probe.namespaces || probe.user_namespace,
            if probe.namespaces {
                msg!("doctor-layer-namespaces")
            } else if probe.user_namespace {
                msg!("doctor-layer-namespaces-user")
            } else {
                msg!("doctor-layer-refused")
            },
        ),
        layer("cgroup", probe.cgroup.is_some(), cgroup),
        layer("subreaper", probe.subreaper, msg!("doctor-layer-subreaper")),
        layer(
            "ptrace",
            probe.ptrace,
            match &probe.ptrace_refused {
                Some(why) if why.contains(DISABLE_VAR) => {
                    msg!("doctor-layer-switched-off", var = DISABLE_VAR)
                }
                Some(why) => msg!("doctor-layer-ptrace-refused", why = why),
                None => msg!("doctor-layer-ptrace"),
            },
        ),
        layer(
            "proc-connector",
            probe.proc_connector,
            msg!("doctor-layer-proc-connector"),
        ),
        layer("pidfd", probe.pidfd, msg!("doctor-layer-pidfd")),
        layer("close-range", probe.close_range, msg!("doctor-layer-close-range")),
    ];
    let advice = [ptrace_advice(&probe), namespace_advice(&probe)]
        .into_iter()
        .flatten()
        .collect();
    Doctor {
        root: probe.root,
        layers,
        counting_method: method.to_string(),
        exact,
        advice,
    }
}

impl Doctor {
    /// The report with its notes and advice worded in `lang`.
    pub fn worded(&self, lang: Lang) -> DoctorReport {
        DoctorReport {
            schema_version: crate::schema::SCHEMA_VERSION,
            root: self.root,
            layers: self
                .layers
                .iter()
                .map(|l| WordedLayer {
                    name: l.name,
                    available: l.available,
                    note: l.note.word(lang),
                })
                .collect(),
            counting_method: self.counting_method.clone(),
            exact: self.exact,
            advice: self.advice.iter().map(|a| a.word(lang)).collect(),
        }
    }

    /// The report for a person, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for layer in &self.layers {
            let mark = if layer.available {
                lang.text("doctor-yes")
            } else {
                lang.text("doctor-no")
            };
            out.push_str(&format!(
                "{mark:<4} {:<15} {}\n",
                layer.name,
                layer.note.word(lang)
            ));
        }
        let exact = if self.exact {
            msg!("doctor-exact")
        } else {
            msg!("doctor-not-exact")
        };
        out.push('\n');
        for line in [
            msg!("doctor-counting", method = &self.counting_method),
            msg!("doctor-verdicts", exact = exact),
        ] {
            out.push_str(&line.word(lang));
            out.push('\n');
        }
        for advice in &self.advice {
            out.push_str(&msg!("doctor-to-change", advice = advice.clone()).word(lang));
            out.push('\n');
        }
        out
    }
}
