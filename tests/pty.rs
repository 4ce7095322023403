//! Pseudo-terminal tests of the REPL: completion, Ctrl-C, Ctrl-D, history.
//!
//! `harness = false`: rexpect forks, and a fork from one of libtest's threads is exactly what the
//! project's rules forbid, so these run one after another on the main thread.
use std::process::Command;
use std::time::Duration;

use rexpect::session::{PtySession, spawn_command};

/// rexpect reads the terminal byte by byte as Latin-1: compare with the UTF-8 bytes spelled that way.
fn l1(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

fn spawn(home: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8");
    let mut session = spawn_command(cmd, Some(10_000)).expect("atelier starts in a pty");
    session
        .exp_string(&l1("43 §1 › "))
        .expect("the prompt shows lesson and section");
    session
}

fn completion_of_an_anchor(home: &std::path::Path) {
    let mut s = spawn(home);
    s.send("goto cre\t").unwrap();
    s.flush().unwrap();
    s.exp_string(&l1("creation-de-processus"))
        .expect("Tab completes the anchor");
    s.send_line("").unwrap();
    s.exp_string(&l1("43 §2 › "))
        .expect("goto ran on the completed anchor");
    s.send_line("quitter").unwrap();
    s.exp_eof().expect("quits");
}

fn ctrl_c_clears_then_quits(home: &std::path::Path) {
    let mut s = spawn(home);
    s.send("suivant-pas-fini").unwrap();
    s.send_control('c').unwrap();
    s.exp_string(&l1("Ctrl-C"))
        .expect("a first Ctrl-C clears the line and says how to quit");
    s.exp_string(&l1("› ")).unwrap();
    // The cleared text was not run: Enter on the empty line goes to the next section.
    s.send_line("").unwrap();
    s.exp_string(&l1("§2 › ")).expect("the cleared line did not run");
    s.send_control('c').unwrap();
    s.exp_string(&l1("Ctrl-C")).unwrap();
    s.send_control('c').unwrap();
    s.exp_string(&l1("À bientôt")).expect("twice in a row quits");
    s.exp_eof().unwrap();
}

fn ctrl_d_quits_and_history_is_kept(home: &std::path::Path) {
    let mut s = spawn(home);
    s.send_line("toc").unwrap();
    s.exp_string(&l1("#exercice-3-memoire-partagee")).unwrap();
    s.send_control('d').unwrap();
    s.exp_string(&l1("À bientôt")).expect("Ctrl-D quits");
    s.exp_eof().unwrap();
    let history = std::fs::read_to_string(home.join("data/atelier/history.txt")).expect("history file");
    assert!(history.contains("toc"), "{history}");
}

/// PIDs whose parent is `pid`, from /proc.
fn children_of(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // The fields after the command name (which may hold spaces) start after the last ')'.
        let rest = &stat[stat.rfind(')').unwrap() + 2..];
        let ppid: u32 = rest.split(' ').nth(1).unwrap().parse().unwrap();
        if ppid == pid {
            found.push(child);
        }
    }
    found
}

/// Whether a `python3` process runs anywhere below `pid`.
fn python_under(pid: u32) -> bool {
    children_of(pid).into_iter().any(|child| {
        std::fs::read_to_string(format!("/proc/{child}/comm")).is_ok_and(|comm| comm.starts_with("python3"))
            || python_under(child)
    })
}

fn ctrl_c_stops_a_demo_and_leaves_no_child(home: &std::path::Path) {
    let mut s = spawn(home);
    let atelier = *children_of(std::process::id())
        .first()
        .expect("the REPL is our child");
    s.send_line("demo thumbnails").unwrap();
    s.exp_string(&l1("img_")).expect("the demo started");
    assert!(!children_of(atelier).is_empty(), "the demo runs child processes");
    s.send_control('c').unwrap();
    s.exp_string(&l1("interrompu")).expect("Ctrl-C stops the demo");
    s.exp_string(&l1("43 §1 › ")).expect("back at the prompt");
    assert_eq!(children_of(atelier), Vec::<u32>::new(), "every child was reaped");
    s.send_line("quit").unwrap();
    s.exp_eof().unwrap();
}

fn ctrl_c_stops_a_check_and_leaves_no_process(home: &std::path::Path) {
    let program = home.join("forever.py");
    std::fs::write(&program, "import time\nwhile True:\n    time.sleep(1)\n").unwrap();
    let mut s = spawn(home);
    let atelier = *children_of(std::process::id())
        .first()
        .expect("the REPL is our child");
    s.send_line(&format!("check 3 {}", program.display())).unwrap();
    s.exp_string(&l1("Vérification de")).expect("the check started");
    // The sandbox has started the program: a python3 process runs under the REPL.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !python_under(atelier) {
        assert!(
            std::time::Instant::now() < deadline,
            "no python3 started under the REPL in 20 s"
        );
        std::thread::yield_now();
    }
    s.send_control('c').unwrap();
    // Well before the spec's 20 s wall clock: the sandbox saw Ctrl-C.
    s.exp_string(&l1("Vérification interrompue"))
        .expect("Ctrl-C stops the check");
    s.exp_string(&l1("› ")).expect("back at the prompt");
    assert_eq!(children_of(atelier), Vec::<u32>::new(), "the run was reaped");
    // This test's own program, by its full path: other test runs on the machine may run a
    // `…forever.py` of their own.
    let left = std::process::Command::new("pgrep")
        .arg("-f")
        .arg(&program)
        .output()
        .unwrap();
    assert!(
        left.stdout.is_empty(),
        "no process of the submission survives: {}",
        String::from_utf8_lossy(&left.stdout)
    );
    s.send_line("quit").unwrap();
    s.exp_eof().unwrap();
}

/// Everything `atelier show` writes to a terminal whose `TERM` is `term`.
fn show_on_a_terminal(home: &std::path::Path, term: &str) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", term)
        .env("LANG", "C.UTF-8")
        .args(["show", "43#processus-vs-threads"]);
    let mut session = spawn_command(cmd, Some(10_000)).expect("atelier starts in a pty");
    session.exp_eof().expect("show ends")
}

fn colour_on_a_terminal_but_not_a_dumb_one(home: &std::path::Path) {
    let xterm = show_on_a_terminal(home, "xterm");
    assert!(xterm.contains('\x1b'), "a terminal is coloured: {xterm}");
    let dumb = show_on_a_terminal(home, "dumb");
    assert!(dumb.contains(&l1("Cœurs CPU")), "{dumb}");
    assert!(!dumb.contains('\x1b'), "TERM=dumb is not coloured: {dumb}");
}

type Case = fn(&std::path::Path);

fn main() -> std::process::ExitCode {
    let cases: &[(&str, Case)] = &[
        ("completion_of_an_anchor", completion_of_an_anchor),
        ("ctrl_c_clears_then_quits", ctrl_c_clears_then_quits),
        (
            "ctrl_d_quits_and_history_is_kept",
            ctrl_d_quits_and_history_is_kept,
        ),
        (
            "ctrl_c_stops_a_demo_and_leaves_no_child",
            ctrl_c_stops_a_demo_and_leaves_no_child,
        ),
        (
            "ctrl_c_stops_a_check_and_leaves_no_process",
            ctrl_c_stops_a_check_and_leaves_no_process,
        ),
        (
            "colour_on_a_terminal_but_not_a_dumb_one",
            colour_on_a_terminal_but_not_a_dumb_one,
        ),
    ];
    let mut failed = 0;
    for (name, case) in cases {
        let home = tempfile::tempdir().unwrap();
        let result = std::panic::catch_unwind(|| case(home.path()));
        match result {
            Ok(()) => println!("test {name} ... ok"),
            Err(_) => {
                println!("test {name} ... FAILED");
                failed += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    println!("\n{} passed, {failed} failed", cases.len() - failed);
    if failed > 0 {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}
