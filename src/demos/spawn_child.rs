//! `atelier __spawn-child DEPTH MAX_DEPTH FANOUT`: the child the `main-guard` demo re-executes, as
//! Python's spawn start method starts a fresh interpreter that re-imports the main module.
use std::io::{self, Write};
use std::process::{Command, ExitCode, Stdio};

/// The most processes a `__spawn-child` tree may count, whatever its arguments: the bound that keeps
/// the `main-guard` demo from being the fork bomb it explains.
pub const PROCESS_LIMIT: u64 = 40;

/// How many processes a tree of `max_depth` generations of `fanout` children counts.
pub(crate) fn tree_size(max_depth: u32, fanout: u32) -> u64 {
    (1..=max_depth)
        .map(|k| u64::from(fanout).saturating_pow(k))
        .fold(0, u64::saturating_add)
}

/// Where a re-executed child stands in the tree (`atelier __spawn-child DEPTH MAX_DEPTH FANOUT`).
#[derive(Debug, Clone, Copy)]
pub struct SpawnChild {
    /// Depth of this child in the re-execution tree.
    pub depth: u32,
    /// Maximum depth before the bounded demo stops recursing.
    pub max_depth: u32,
    /// Children each process starts.
    pub fanout: u32,
}

/// `atelier __spawn-child DEPTH MAX_DEPTH FANOUT`: one re-executed child. It says who it is, then, like
/// an unguarded module being re-imported, launches `FANOUT` children of its own unless the bound is
/// reached, and waits for them.
pub fn spawn_child(args: SpawnChild) -> anyhow::Result<ExitCode> {
    let SpawnChild {
        depth,
        max_depth,
        fanout,
    } = args;
    if depth == 0 || depth > max_depth {
        anyhow::bail!("__spawn-child: DEPTH must be between 1 and MAX_DEPTH (got {depth} and {max_depth})");
    }
    if tree_size(max_depth, fanout) > PROCESS_LIMIT {
        anyhow::bail!(
            "__spawn-child: {max_depth} generations of {fanout} children would exceed the limit of \
             {PROCESS_LIMIT} processes"
        );
    }
    let relaunch = depth < max_depth;
    {
        let mut out = io::stdout().lock();
        // One short line, written at once: lines from the whole tree share one pipe without mixing.
        writeln!(
            out,
            "node {} {} {depth} {}",
            std::process::id(),
            std::os::unix::process::parent_id(),
            if relaunch { "relaunch" } else { "stop" }
        )?;
        out.flush()?;
    }
    if !relaunch {
        return Ok(ExitCode::SUCCESS);
    }
    let exe = std::env::current_exe()?;
    let mut children = Vec::new();
    for _ in 0..fanout {
        children.push(
            Command::new(&exe)
                .args([
                    "__spawn-child",
                    &(depth + 1).to_string(),
                    &max_depth.to_string(),
                    &fanout.to_string(),
                ])
                .stdin(Stdio::null())
                .spawn()?,
        );
    }
    let mut ok = true;
    for mut child in children {
        ok &= child.wait()?.success();
    }
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
