//! Placeholder until the process primitives land.
use serde_json::Value;

use super::{DemoOptions, Narrator};

pub fn run(_opts: &DemoOptions, _n: &mut Narrator) -> anyhow::Result<Value> {
    anyhow::bail!("not built yet")
}
