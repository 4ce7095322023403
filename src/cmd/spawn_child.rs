//! `atelier __spawn-child DEPTH MAX_DEPTH FANOUT` (hidden): a child re-executed by the `main-guard`
//! demo, as Python's spawn does.
use std::process::ExitCode;

use atelier::demos::{SpawnChild, spawn_child};

use super::cli::SpawnChildArgs;

pub fn run(args: &SpawnChildArgs) -> anyhow::Result<ExitCode> {
    spawn_child(SpawnChild {
        depth: args.depth,
        max_depth: args.max_depth,
        fanout: args.fanout,
    })
}
