//! Verdicts you can trust anywhere: the built binary, run as root, drops to each environment a
//! grader meets and checks the same submissions in each —
//!
//! - root on the host;
//! - an unprivileged user (a uid without a passwd entry), with user namespaces, and without them
//!   (`ATELIER_SANDBOX_DISABLE=namespaces`);
//! - root inside a PID namespace (`unshare --pid --fork --mount-proc`: the proc connector sees
//!   nothing there);
//! - Docker's default capabilities (no CAP_SYS_ADMIN, CAP_NET_ADMIN, CAP_SYS_PTRACE);
//! - both at once (what Gradescope or a Docker CI give).
//!
//! In each: the reference solutions pass and the starters fail, `tests/fixtures/right` passes and
//! `tests/fixtures/wrong` fails, the hostile battery ends with the statuses `tests/sandbox.rs` pins,
//! the corpus (`tests/fixtures/corpus/labels.tsv`) agrees with its labels; 43.3's solution counts
//! 11 processes; every environment gives the same verdicts; nothing of a run survives. Each
//! environment's layers and counting method are printed. An environment that cannot be reached
//! fails under `CI=true` instead of being skipped in silence.
//!
//! `harness = false`: nothing forks here but `std::process::Command` (two commands at a time, from
//! two threads, where the exercise is not timing-sensitive; one at a time otherwise). About five
//! minutes on a loaded 2-core machine.
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

mod util;

const BIN: &str = env!("CARGO_BIN_EXE_atelier");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The unprivileged user: no passwd entry, below the sandbox's own range (64200…); one per test
/// process, so that two suites on one machine do not take each other's processes for survivors.
fn user() -> u32 {
    64_100 + std::process::id() % 64
}
/// The sandbox's run uids (see `src/sandbox/uid.rs`).
const RUN_UIDS: std::ops::Range<u32> = 64_200..64_456;
/// Docker's default capability set.
const DOCKER_CAPS: &str = "-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,\
+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap";

struct Env {
    name: &'static str,
    /// The command put in front of atelier's.
    wrap: Vec<String>,
    vars: Vec<(&'static str, &'static str)>,
    /// The user's HOME (root's or the unprivileged user's).
    home: PathBuf,
}

/// One thing to run in every environment.
struct Job {
    name: String,
    args: Vec<String>,
    /// The expected outcome: a verdict (`pass`/`fail`) or a run status.
    expect: String,
    /// For a corpus entry: the check that must fail.
    failing_check: Option<String>,
    /// 43.3's solution: the exact process count.
    processes: Option<u64>,
    /// Runs alone (the exercise measures timing).
    alone: bool,
    /// Only where `kill(-1)` and `kill(getppid())` are confined (a PID namespace or a uid of its
    /// own): elsewhere they reach the grader, as the design says.
    needs_kill_confinement: bool,
    /// A token on the command line, to find survivors (hostile runs).
    token: Option<String>,
}

/// What a job gave in one environment.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    /// Verdict (check) or status (hostile run).
    got: String,
    failed: Vec<String>,
    processes: u64,
    layers: Vec<String>,
    method: String,
}

fn is_root() -> bool {
    nix_uid() == 0
}

fn nix_uid() -> u32 {
    fs::metadata("/proc/self").map(|m| m.uid()).unwrap_or(u32::MAX)
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    fs::set_permissions(to, fs::Permissions::from_mode(0o755)).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), &target).unwrap();
            fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
}

/// The binary and the fixtures in a folder every environment can read, and the homes.
fn prepare(dir: &Path) -> PathBuf {
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    let bin = dir.join("atelier");
    fs::copy(BIN, &bin).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    for (from, to) in [
        ("exercises", "exercises"),
        ("tests/fixtures/right", "right"),
        ("tests/fixtures/wrong", "wrong"),
        ("tests/fixtures/hostile", "hostile"),
        ("tests/fixtures/corpus", "corpus"),
    ] {
        let source = Path::new(ROOT).join(from);
        if source.exists() {
            copy_tree(&source, &dir.join(to));
        }
    }
    for home in ["home-root", "home-user"] {
        fs::create_dir_all(dir.join(home)).unwrap();
    }
    std::os::unix::fs::chown(dir.join("home-user"), Some(user()), Some(user())).unwrap();
    bin
}

fn environments(dir: &Path) -> Vec<Env> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let user = format!("{}", user());
    let as_user = s(&["setpriv", "--reuid", &user, "--regid", &user, "--clear-groups"]);
    let docker = s(&[
        "setpriv",
        &format!("--bounding-set={DOCKER_CAPS}"),
        "--inh-caps=-all",
    ]);
    let pidns = s(&["unshare", "--pid", "--fork", "--mount-proc"]);
    let root_home = dir.join("home-root");
    let user_home = dir.join("home-user");
    vec![
        Env {
            name: "root",
            wrap: Vec::new(),
            vars: Vec::new(),
            home: root_home.clone(),
        },
        Env {
            name: "user",
            wrap: as_user.clone(),
            vars: Vec::new(),
            home: user_home.clone(),
        },
        Env {
            name: "user-no-namespaces",
            wrap: as_user,
            vars: vec![("ATELIER_SANDBOX_DISABLE", "namespaces")],
            home: user_home,
        },
        Env {
            name: "pid-namespace",
            wrap: pidns.clone(),
            vars: Vec::new(),
            home: root_home.clone(),
        },
        Env {
            name: "docker-caps",
            wrap: docker.clone(),
            vars: Vec::new(),
            home: root_home.clone(),
        },
        Env {
            name: "docker-caps+pid-namespace",
            wrap: [pidns, docker].concat(),
            vars: Vec::new(),
            home: root_home,
        },
    ]
}

fn command(env: &Env, bin: &Path, args: &[String]) -> Command {
    let mut command = match env.wrap.split_first() {
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(bin);
            c
        }
        None => Command::new(bin),
    };
    command.args(args).env_clear();
    command.env("PATH", "/usr/local/bin:/usr/bin:/bin");
    command.env("HOME", &env.home);
    for var in [
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
    ] {
        command.env(var, &env.home);
    }
    command.env("LANG", "C.UTF-8");
    for (k, v) in &env.vars {
        command.env(k, v);
    }
    command
}

fn exercise_id(dir_name: &str) -> String {
    dir_name.split('-').next().unwrap_or(dir_name).to_string()
}

fn timing_sensitive(dir: &Path, exercise: &str) -> bool {
    fs::read_dir(dir.join("exercises"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| exercise_id(&e.file_name().to_string_lossy()) == exercise)
        .any(|e| {
            fs::read_to_string(e.path().join("exercise.yaml"))
                .is_ok_and(|t| t.lines().any(|l| l.trim() == "timing_sensitive: true"))
        })
}

fn check_job(dir: &Path, name: String, exercise: &str, file: &Path, expect: &str) -> Job {
    Job {
        name,
        args: vec![
            "check".into(),
            exercise.into(),
            file.display().to_string(),
            "--json".into(),
        ],
        expect: expect.into(),
        failing_check: None,
        processes: None,
        alone: timing_sensitive(dir, exercise),
        needs_kill_confinement: false,
        token: None,
    }
}

/// The hostile battery with the statuses `tests/sandbox.rs` pins (same limits).
fn hostile_jobs(dir: &Path) -> Vec<Job> {
    let table: [(&str, &[&str], &str, bool); 18] = [
        ("fork_bomb.py", &[], "process-limit", false),
        ("thread_bomb.py", &[], "process-limit", false),
        ("memory_bomb.py", &[], "memory-limit", false),
        ("busy_loop.py", &["--cpu", "1", "--wall", "10"], "timeout", false),
        ("sleep_forever.py", &["--wall", "1"], "timeout", false),
        ("ignore_sigterm.py", &["--wall", "1"], "timeout", false),
        ("sigstop_self.py", &["--wall", "1"], "timeout", false),
        ("setsid_daemon.py", &[], "ok", false),
        ("output_flood.py", &[], "output-limit", false),
        ("big_file.py", &[], "ok", false),
        ("closed_stdout.py", &[], "ok", false),
        ("kill_parent.py", &[], "ok", true),
        ("kill_all.py", &[], "ok", true),
        ("stdin_forever.py", &[], "ok", false),
        ("non_utf8.py", &[], "ok", false),
        ("zombie_farm.py", &[], "ok", false),
        ("network.py", &[], "ok", false),
        ("read_solution.py", &[], "ok", false),
    ];
    table
        .iter()
        .enumerate()
        .map(|(i, (fixture, limits, expect, kill))| {
            let mut args: Vec<String> = ["__sandbox-run", "--json"]
                .into_iter()
                .chain(util::HOSTILE_LIMITS)
                .map(String::from)
                .collect();
            for pair in limits.chunks(2) {
                let at = args.iter().position(|a| a == pair[0]).unwrap();
                args[at + 1] = pair[1].to_string();
            }
            let token = format!("atelier-env-{}-{i}", std::process::id());
            args.extend([
                "--file".to_string(),
                format!("s.py={}", dir.join("hostile").join(fixture).display()),
                "--".into(),
                "python3".into(),
                "s.py".into(),
                // network.py takes a port, read_solution.py a path: harmless for the others.
                if *fixture == "read_solution.py" {
                    dir.join("exercises").display().to_string()
                } else {
                    "9".into()
                },
                token.clone(),
            ]);
            Job {
                name: format!("hostile/{fixture}"),
                args,
                expect: expect.to_string(),
                failing_check: None,
                processes: (*fixture == "zombie_farm.py").then_some(21),
                alone: false,
                needs_kill_confinement: *kill,
                token: Some(token),
            }
        })
        .collect()
}

fn jobs(dir: &Path) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut exercises: Vec<_> = fs::read_dir(dir.join("exercises"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("exercise.yaml").exists())
        .collect();
    exercises.sort_by_key(|e| e.file_name());
    for entry in exercises {
        let id = exercise_id(&entry.file_name().to_string_lossy());
        for (file, expect) in [("solution.py", "pass"), ("starter.py", "fail")] {
            let mut job = check_job(dir, format!("{id}/{file}"), &id, &entry.path().join(file), expect);
            if id == "43.3" && file == "solution.py" {
                job.processes = Some(11);
            }
            jobs.push(job);
        }
    }
    for (folder, expect) in [("right", "pass"), ("wrong", "fail")] {
        let mut files: Vec<PathBuf> = Vec::new();
        for exercise in fs::read_dir(dir.join(folder)).unwrap().flatten() {
            for file in fs::read_dir(exercise.path()).unwrap().flatten() {
                files.push(file.path());
            }
        }
        files.sort();
        for file in files {
            let id = file
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let name = format!("{folder}/{id}/{}", file.file_name().unwrap().to_string_lossy());
            jobs.push(check_job(dir, name, &id, &file, expect));
        }
    }
    let labels = dir.join("corpus/labels.tsv");
    match fs::read_to_string(&labels) {
        Ok(text) => {
            for line in text
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 3 || cols[0] == "exercise" {
                    continue;
                }
                let (exercise, file, verdict) = (cols[0], cols[1], cols[2]);
                let path = dir.join("corpus").join(file);
                let path = if path.exists() {
                    path
                } else {
                    dir.join("corpus").join(exercise).join(file)
                };
                let mut job = check_job(dir, format!("corpus/{exercise}/{file}"), exercise, &path, verdict);
                job.failing_check = cols
                    .get(3)
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty() && c != "-");
                jobs.push(job);
            }
        }
        Err(_) => println!("corpus not present"),
    }
    jobs.extend(hostile_jobs(dir));
    jobs
}

fn run_job(env: &Env, bin: &Path, job: &Job) -> Result<Outcome, String> {
    let output = command(env, bin, &job.args)
        .output()
        .map_err(|e| format!("could not start: {e}"))?;
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "no JSON report ({e}); exit {:?}; stderr: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    // A check's report has the run under `run`; a sandbox run is the run itself.
    let (got, run) = match report.get("verdict") {
        Some(verdict) => (verdict.as_str().unwrap_or("?").to_string(), &report["run"]),
        None => (report["status"].as_str().unwrap_or("?").to_string(), &report),
    };
    let failed = report["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["status"] != "pass")
        .map(|c| {
            format!(
                "{}:{}",
                c["name"].as_str().unwrap_or("?"),
                c["status"].as_str().unwrap_or("?")
            )
        })
        .collect();
    let strings = |v: &Value| {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().map(String::from))
            .collect::<Vec<_>>()
    };
    Ok(Outcome {
        got,
        failed,
        processes: run["processes"].as_u64().unwrap_or(0),
        layers: strings(&run["layers"]),
        method: run["processes_method"].as_str().unwrap_or("?").to_string(),
    })
}

/// Processes of `uids`, or carrying one of `tokens` as an argument.
fn survivors(uids: &[u32], tokens: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir("/proc").unwrap().flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().filter(|n| n.bytes().all(|b| b.is_ascii_digit())) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        let cmdline = fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let tokened = cmdline
            .split(|b| *b == 0)
            .any(|arg| tokens.iter().any(|t| t.as_bytes() == arg));
        if tokened || uids.contains(&meta.uid()) {
            found.push(format!(
                "{pid} (uid {}): {}",
                meta.uid(),
                String::from_utf8_lossy(&cmdline).replace('\0', " ")
            ));
        }
    }
    found
}

/// Survivors that are still there, the same processes, after `grace`: a run of another test suite
/// on the same machine under the sandbox's uids ends by itself; a leak of ours does not.
fn lasting_survivors(uids: &[u32], tokens: &[String], grace: Duration) -> Vec<String> {
    let first = survivors(uids, tokens);
    if first.is_empty() {
        return first;
    }
    std::thread::sleep(grace);
    let last = survivors(uids, tokens);
    // The same pid with the same command line: the same process, most likely (pids are reused
    // only after a full turn of the pid space).
    first.into_iter().filter(|p| last.contains(p)).collect()
}

/// Runs `jobs` in `env`, two at a time except those that must run alone.
fn run_all(env: &Env, bin: &Path, jobs: &[&Job]) -> Vec<Result<Outcome, String>> {
    let results: Mutex<Vec<Option<Result<Outcome, String>>>> = Mutex::new(vec![None; jobs.len()]);
    let shared: Vec<usize> = (0..jobs.len()).filter(|&i| !jobs[i].alone).collect();
    let next = Mutex::new(0usize);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        let Some(&i) = shared.get(*n) else { break };
                        *n += 1;
                        i
                    };
                    let outcome = run_job(env, bin, jobs[i]);
                    results.lock().unwrap()[i] = Some(outcome);
                }
            });
        }
    });
    for (i, job) in jobs.iter().enumerate().filter(|(_, j)| j.alone) {
        results.lock().unwrap()[i] = Some(run_job(env, bin, job));
    }
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not run".into())))
        .collect()
}

fn main() -> ExitCode {
    let ci = std::env::var("CI").as_deref() == Ok("true");
    if !is_root() {
        println!("skipped: the environments are reached from root, and this is not root");
        return if ci { ExitCode::FAILURE } else { ExitCode::SUCCESS };
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = prepare(dir.path());
    let jobs = jobs(dir.path());
    let mut failures: Vec<String> = Vec::new();
    let mut table: BTreeMap<String, BTreeMap<&'static str, String>> = BTreeMap::new();
    let mut reached = 0;
    let uids: Vec<u32> = std::iter::once(user()).chain(RUN_UIDS).collect();
    for env in environments(dir.path()) {
        let started = Instant::now();
        // The environment is reachable when atelier runs there and reports on its machine.
        let doctor = command(&env, &bin, &["doctor".into(), "--json".into()]).output();
        let doctor: Option<Value> = doctor.ok().and_then(|o| serde_json::from_slice(&o.stdout).ok());
        let Some(doctor) = doctor else {
            let message = format!("{}: not reachable (atelier doctor gave no report)", env.name);
            println!("skipped: {message}");
            if ci {
                failures.push(message);
            }
            continue;
        };
        reached += 1;
        // Exact everywhere: the point of these environments.
        if doctor["schema_version"] != 1 || doctor["exact"] != true {
            failures.push(format!("{}: doctor says {doctor}", env.name));
        }
        let confined = doctor["root"] == true
            || doctor["layers"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|l| l["name"] == "namespaces" && l["available"] == true);
        let here: Vec<&Job> = jobs
            .iter()
            .filter(|job| {
                let run = confined || !job.needs_kill_confinement;
                if !run {
                    println!(
                        "{} / {}: not run (without a PID namespace or a uid of its own, kill(-1) and kill(getppid()) reach the grader)",
                        env.name, job.name
                    );
                }
                run
            })
            .collect();
        let outcomes = run_all(&env, &bin, &here);
        let mut layers = None;
        for (job, outcome) in here.iter().zip(&outcomes) {
            let outcome = match outcome {
                Ok(o) => o,
                Err(e) => {
                    failures.push(format!("{} / {}: {e}", env.name, job.name));
                    continue;
                }
            };
            if layers.is_none() && job.args[0] == "check" {
                layers = Some((outcome.layers.clone(), outcome.method.clone()));
            }
            if outcome.got != job.expect {
                failures.push(format!(
                    "{} / {}: expected {}, got {} (failed: {:?})",
                    env.name, job.name, job.expect, outcome.got, outcome.failed
                ));
            }
            if let Some(check) = &job.failing_check
                && !outcome.failed.iter().any(|f| f.starts_with(&format!("{check}:")))
            {
                failures.push(format!(
                    "{} / {}: check {check} should fail, failed: {:?}",
                    env.name, job.name, outcome.failed
                ));
            }
            if let Some(n) = job.processes
                && outcome.processes != n
            {
                failures.push(format!(
                    "{} / {}: {} processes counted ({}), expected {n}",
                    env.name, job.name, outcome.processes, outcome.method
                ));
            }
            table
                .entry(job.name.clone())
                .or_default()
                .insert(env.name, outcome.got.clone());
        }
        let tokens: Vec<String> = jobs.iter().filter_map(|j| j.token.clone()).collect();
        let left = lasting_survivors(&uids, &tokens, Duration::from_secs(30));
        if !left.is_empty() {
            failures.push(format!("{}: processes survived: {left:?}", env.name));
        }
        let (layers, method) = layers.unwrap_or_default();
        println!(
            "{:<26} {:>5.1} s  counting: {method} (doctor: {}, exact: {})  layers: {}",
            env.name,
            started.elapsed().as_secs_f64(),
            doctor["counting_method"].as_str().unwrap_or("?"),
            doctor["exact"],
            layers.join(",")
        );
    }
    // The same verdict everywhere.
    for (job, by_env) in &table {
        let mut values: Vec<&String> = by_env.values().collect();
        values.dedup();
        if values.len() > 1 {
            failures.push(format!("{job}: verdicts differ across environments: {by_env:?}"));
        }
    }
    println!("{} jobs in {reached} environments", jobs.len());
    if failures.is_empty() {
        println!("environments: ok");
        ExitCode::SUCCESS
    } else {
        for failure in &failures {
            println!("FAILED: {failure}");
        }
        ExitCode::FAILURE
    }
}
