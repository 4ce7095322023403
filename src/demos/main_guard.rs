//! `main-guard`: why `if __name__ == "__main__":` matters under the `spawn` start method. Spawn starts a
//! fresh interpreter that re-imports the main module; unguarded, the import runs the launch code again,
//! and every child launches children. atelier re-executes itself the same way (`atelier __spawn-child`),
//! bounded by a depth and a process limit, and draws the tree that grew.
use std::collections::BTreeMap;
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;
use serde_json::{Value, json};

use super::interruption::{interrupted, interrupted_error};
use super::pipe_lines::PipeLines;
use super::spawn_child::PROCESS_LIMIT;
use super::{DemoOptions, Narrator};
use crate::i18n::{Lang, Message};
use crate::msg;

/// How deep the unguarded tree may grow before atelier stops it (Python would not stop).
const MAX_DEPTH: u32 = 3;
/// How many processes each launch starts: the lesson's `p1` and `p2`.
const FANOUT: u32 = 2;

/// One process of the tree, as it reported itself.
#[derive(Debug, Clone)]
struct Node {
    pid: i32,
    ppid: i32,
    depth: u32,
    relaunches: bool,
    at: f64,
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let parent = std::process::id() as i32;
    n.say(&Message::new("demo-guard-spawn"))?;
    n.say(&msg!(
        "demo-guard-atelier-too",
        depth = MAX_DEPTH,
        limit = PROCESS_LIMIT,
        parent = parent
    ))?;

    n.heading_of(&Message::new("demo-guard-act-without"))?;
    let started = Instant::now();
    let unguarded = grow(n, MAX_DEPTH)?;
    let unguarded_time = started.elapsed();
    n.block(&tree(parent, &unguarded, n.lang()))?;

    n.heading_of(&Message::new("demo-guard-act-with"))?;
    let started = Instant::now();
    let guarded = grow(n, 1)?;
    let guarded_time = started.elapsed();
    n.block(&tree(parent, &guarded, n.lang()))?;

    let per_generation: BTreeMap<u32, usize> = unguarded.iter().fold(BTreeMap::new(), |mut m, node| {
        *m.entry(node.depth).or_default() += 1;
        m
    });
    let generations: Vec<String> = per_generation.iter().map(|(d, c)| format!("{d}: {c}")).collect();
    let unbounded_10: u64 = (1..=10).map(|k| u64::from(FANOUT).pow(k)).sum();
    n.summary(&[
        (
            n.text("demo-guard-unguarded"),
            n.word(&msg!(
                "demo-guard-unguarded-tree",
                processes = unguarded.len(),
                time = super::narrator::fmt_duration(unguarded_time),
                generations = generations.join(", ")
            )),
        ),
        (
            n.text("demo-guard-guarded"),
            n.word(&msg!(
                "demo-guard-guarded-tree",
                processes = guarded.len(),
                time = super::narrator::fmt_duration(guarded_time)
            )),
        ),
        (
            n.text("demo-guard-unbounded"),
            n.word(&msg!("demo-guard-unbounded-tree", processes = unbounded_10)),
        ),
    ])?;

    let nodes = |nodes: &[Node]| -> Vec<Value> {
        nodes
            .iter()
            .map(|n| json!({"pid": n.pid, "ppid": n.ppid, "depth": n.depth, "relaunches": n.relaunches}))
            .collect()
    };
    let child_pids: Vec<i32> = unguarded.iter().chain(&guarded).map(|n| n.pid).collect();
    Ok(json!({
        "parent_pid": parent,
        "child_pids": child_pids,
        "max_depth": MAX_DEPTH,
        "fanout": FANOUT,
        "process_limit": PROCESS_LIMIT,
        "unguarded": {
            "processes": unguarded.len(),
            "per_generation": per_generation,
            "tree": nodes(&unguarded),
            "ms": super::narrator::ms(unguarded_time),
        },
        "guarded": {
            "processes": guarded.len(),
            "tree": nodes(&guarded),
            "ms": super::narrator::ms(guarded_time),
        },
        "unbounded_after_10_generations": unbounded_10,
    }))
}

/// Launches the lesson's two processes as re-executions of atelier, which relaunch until `max_depth`;
/// narrates each process as it reports itself; returns the tree once every process has ended.
fn grow(n: &mut Narrator, max_depth: u32) -> anyhow::Result<Vec<Node>> {
    let exe = std::env::current_exe()?;
    let (reader, writer) = io::pipe()?;
    let mut children: Vec<Child> = Vec::new();
    let mut group = 0;
    for _ in 0..FANOUT {
        let spawned = Command::new(&exe)
            .args(["__spawn-child", "1", &max_depth.to_string(), &FANOUT.to_string()])
            .stdin(Stdio::null())
            .stdout(writer.try_clone()?)
            // One process group for the whole tree, so that Ctrl-C takes it down at once.
            .process_group(group)
            .spawn();
        match spawned {
            Ok(child) => {
                if group == 0 {
                    group = child.id() as i32;
                }
                children.push(child);
            }
            Err(e) => {
                stop_tree(group, &mut children);
                return Err(e.into());
            }
        }
    }
    // Our copy of the write end must go, or the pipe never reports the end of the tree.
    drop(writer);

    let mut lines = PipeLines::new([OwnedFd::from(reader)]);
    let mut nodes = Vec::new();
    loop {
        if interrupted() {
            stop_tree(group, &mut children);
            return Err(interrupted_error(n.lang()));
        }
        let batch = match lines.next_batch(Duration::from_millis(100)) {
            Ok(Some(batch)) => batch,
            Ok(None) => break,
            Err(e) => {
                stop_tree(group, &mut children);
                return Err(e.into());
            }
        };
        for (_, line) in batch {
            let Some(node) = parse_node(&line, n.elapsed()) else {
                continue;
            };
            narrate_node(n, &node, max_depth)?;
            nodes.push(node);
        }
    }
    for child in &mut children {
        child.wait()?;
    }
    if nodes.is_empty() {
        // Re-executed, this program did not answer as `atelier __spawn-child` does (a test binary
        // embedding the library, say).
        anyhow::bail!(
            "main-guard re-executes {} as `__spawn-child`, and it reported no process: it must be the \
             atelier binary",
            exe.display()
        );
    }
    Ok(nodes)
}

/// Kills the whole tree (one process group) and reaps our own children; the deeper ones are reaped by
/// their parents as those die, or by init.
fn stop_tree(group: i32, children: &mut [Child]) {
    if group > 0 {
        let _ = killpg(Pid::from_raw(group), Signal::SIGKILL);
    }
    for child in children {
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn narrate_node(n: &mut Narrator, node: &Node, max_depth: u32) -> io::Result<()> {
    let key = match (node.relaunches, max_depth > 1) {
        (true, _) => "demo-guard-node-relaunches",
        (false, true) => "demo-guard-node-bound",
        (false, false) => "demo-guard-node-guarded",
    };
    let message = msg!(key, generation = node.depth, parent = node.ppid, fanout = FANOUT);
    n.pid_at_says(node.pid, node.at, &message)
}

/// `node PID PPID DEPTH relaunch|stop`, the line each `__spawn-child` prints when it starts.
fn parse_node(line: &str, at: f64) -> Option<Node> {
    let mut words = line.split_whitespace();
    if words.next()? != "node" {
        return None;
    }
    let pid = words.next()?.parse().ok()?;
    let ppid = words.next()?.parse().ok()?;
    let depth = words.next()?.parse().ok()?;
    let relaunches = words.next()? == "relaunch";
    Some(Node {
        pid,
        ppid,
        depth,
        relaunches,
        at,
    })
}

/// The tree as it grew, from the parent down, each process with its generation.
fn tree(root: i32, nodes: &[Node], lang: Lang) -> String {
    let mut text = lang.word(&msg!("demo-guard-tree-root", pid = root));
    text.push('\n');
    draw_children(root, nodes, "", &mut text);
    text
}

fn draw_children(pid: i32, nodes: &[Node], prefix: &str, text: &mut String) {
    let children: Vec<&Node> = nodes.iter().filter(|n| n.ppid == pid).collect();
    for (i, child) in children.iter().enumerate() {
        let last = i + 1 == children.len();
        let mark = if child.relaunches { " ↻" } else { "" };
        text.push_str(&format!(
            "{prefix}{}pid {}{mark}\n",
            if last { "└── " } else { "├── " },
            child.pid
        ));
        let deeper = format!("{prefix}{}", if last { "    " } else { "│   " });
        draw_children(child.pid, nodes, &deeper, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_trees() {
        use super::super::spawn_child::tree_size;
        assert_eq!(tree_size(MAX_DEPTH, FANOUT), 14);
        assert!(tree_size(MAX_DEPTH, FANOUT) <= PROCESS_LIMIT);
        assert!(tree_size(30, 2) > PROCESS_LIMIT);
    }

    #[test]
    fn tree_is_drawn_from_the_parent_down() {
        let node = |pid, ppid, depth, relaunches| Node {
            pid,
            ppid,
            depth,
            relaunches,
            at: 0.0,
        };
        let nodes = [node(2, 1, 1, true), node(3, 1, 1, false), node(4, 2, 2, false)];
        assert_eq!(
            tree(1, &nodes, Lang::En),
            "pid 1 (the main script)\n├── pid 2 ↻\n│   └── pid 4\n└── pid 3\n"
        );
        assert_eq!(
            parse_node("node 5 4 2 stop", 0.1).map(|n| (n.pid, n.ppid, n.depth)),
            Some((5, 4, 2))
        );
        assert!(parse_node("garbage", 0.0).is_none());
    }
}
