//! `run` in the REPL: the lesson's own Python example, run with `python3` so the student sees the code
//! they just read do what the lesson says. Streamed line by line, in its own process group, stopped at
//! a time limit or by Ctrl-C, the whole group killed and reaped on every path.
use std::io::{self, Write};
use std::os::fd::OwnedFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

use super::pipe_lines::PipeLines;
use crate::i18n::Lang;
use crate::python_env::PYTHON_ENV;

/// The interpreter: the chapter is about CPython's `multiprocessing`.
const PYTHON: &str = "python3";

/// Runs `code` with `python3`, streaming its output to `out` as it comes, and returns its exit code
/// (128 + the signal's number when a signal ended it, as a shell says). Stopped at `time_limit` (said
/// in `out`, exit code 124 as `timeout(1)` gives) or by Ctrl-C (an error saying so).
pub fn run_python(code: &str, lang: Lang, time_limit: Duration, out: &mut dyn Write) -> anyhow::Result<i32> {
    // Ctrl-C sets a flag that the streaming loop watches (the example is in its own group, so the
    // terminal's SIGINT reaches only atelier).
    let _guard = crate::procs::interrupt::Guard::install()?;
    let dir = tempfile::Builder::new().prefix("atelier-run-").tempdir()?;
    let script = dir.path().join("exemple.py");
    std::fs::write(&script, code).with_context(|| format!("writing {}", script.display()))?;

    let (out_read, out_write) = io::pipe()?;
    let (err_read, err_write) = io::pipe()?;
    let spawned = Command::new(PYTHON)
        .arg(&script)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(out_write)
        .stderr(err_write)
        // Unbuffered: imap_unordered's progress shows as it happens, as the lesson says.
        .envs(PYTHON_ENV)
        // Its own group: Ctrl-C at the terminal reaches atelier, which decides, and one kill ends the
        // example and every process it started.
        .process_group(0)
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            anyhow::bail!("{}", lang.text("demo-python-missing"))
        }
        Err(e) => return Err(e).context("starting python3"),
    };

    let outcome = stream(&mut child, out_read, err_read, time_limit, out);
    // Whatever happened, nothing the example started survives it.
    let group = Pid::from_raw(child.id() as i32);
    let _ = killpg(group, Signal::SIGKILL);
    let status = child.wait()?;
    match outcome? {
        Stop::Ended => {}
        Stop::TimeLimit => {
            writeln!(
                out,
                "{}",
                // The limit as Rust prints it (`20`, `2.5`): a text, not a Fluent number.
                lang.word(&crate::msg!(
                    "demo-python-time-limit",
                    seconds = time_limit.as_secs_f64().to_string()
                ))
            )?;
            return Ok(124);
        }
        Stop::Interrupted => return Err(super::interrupted_error(lang)),
    }
    Ok(status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(1))
}

enum Stop {
    Ended,
    TimeLimit,
    Interrupted,
}

/// Copies the child's lines to `out` until both pipes close, the time limit passes or Ctrl-C.
fn stream(
    child: &mut Child,
    stdout: io::PipeReader,
    stderr: io::PipeReader,
    time_limit: Duration,
    out: &mut dyn Write,
) -> anyhow::Result<Stop> {
    let deadline = Instant::now() + time_limit;
    let mut lines = PipeLines::new([OwnedFd::from(stdout), OwnedFd::from(stderr)]);
    loop {
        if super::interrupted() {
            return Ok(Stop::Interrupted);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(Stop::TimeLimit);
        }
        let wait = (deadline - now).min(Duration::from_millis(100));
        match lines.next_batch(wait)? {
            None => break,
            Some(batch) => {
                for (_, line) in batch {
                    writeln!(out, "{line}")?;
                }
                out.flush()?;
            }
        }
    }
    // The pipes closed; the interpreter may still be finishing (or a child kept them open and left).
    while child.try_wait()?.is_none() {
        if super::interrupted() {
            return Ok(Stop::Interrupted);
        }
        if Instant::now() >= deadline {
            return Ok(Stop::TimeLimit);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(Stop::Ended)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Ctrl-C flag is process-wide: these tests take turns.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn has_python() -> bool {
        Command::new(PYTHON).arg("--version").output().is_ok()
    }

    #[test]
    fn streams_both_outputs_and_returns_the_exit_code() {
        let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let code = "import sys\nprint('sortie')\nprint('erreur', file=sys.stderr)\nsys.exit(3)\n";
        let mut out = Vec::new();
        let result = run_python(code, Lang::En, Duration::from_secs(20), &mut out);
        if !has_python() {
            assert!(result.unwrap_err().to_string().contains("apt install python3"));
            return;
        }
        assert_eq!(result.unwrap(), 3);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("sortie\n") && text.contains("erreur\n"), "{text}");
    }

    #[test]
    fn time_limit_stops_the_example_and_its_children() {
        let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        if !has_python() {
            return;
        }
        // A child process that would outlive its parent: the group kill must take it too. The limit
        // leaves a loaded machine time to start Python and print the first line.
        let code = "import os, time\nif os.fork() == 0:\n    time.sleep(30)\nprint('started', flush=True)\ntime.sleep(30)\n";
        let mut out = Vec::new();
        let started = Instant::now();
        let code = run_python(code, Lang::Fr, Duration::from_secs(3), &mut out).unwrap();
        assert_eq!(code, 124);
        assert!(started.elapsed() < Duration::from_secs(10));
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("started") && text.contains("limite de temps"),
            "{text}"
        );
    }

    #[test]
    fn ctrl_c_stops_the_example() {
        let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        if !has_python() {
            return;
        }
        // Ctrl-C as the SIGINT handler would record it, once the example said it started (it
        // creates a file after its first line: waiting on that, not on a guess of how long Python
        // takes to start on a loaded machine).
        let dir = tempfile::tempdir().unwrap();
        let flag = dir.path().join("started");
        let seen = flag.clone();
        let presser = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(15);
            while !seen.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            crate::procs::interrupt::request();
        });
        let mut out = Vec::new();
        let started = Instant::now();
        let result = run_python(
            &format!(
                "import time\nprint('go', flush=True)\nopen({:?}, 'w').close()\ntime.sleep(30)\n",
                flag.display().to_string()
            ),
            Lang::En,
            Duration::from_secs(20),
            &mut out,
        );
        presser.join().unwrap();
        let err = result.unwrap_err().to_string();
        assert!(err.contains("interrupted"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(String::from_utf8(out).unwrap().contains("go"));
    }
}
