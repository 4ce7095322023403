//! The reference solution's output, for `same-as-reference` checks. Its run is the same every time
//! (once masked), so it is cached in the user's cache folder, keyed by the spec and the solution:
//! a student's feedback loop and a class's grading pay for it once.
use crate::i18n::{Lang, OrFail};
use crate::msg;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::engine::request_for;
use super::spec::ExerciseSpec;
use crate::course::Exercise;
use crate::sandbox::{self, RunStatus};

/// What the reference solution printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceOutput {
    pub stdout: String,
    pub stderr: String,
}

/// The reference output, from the cache or by running the solution in the sandbox.
pub fn reference_output(
    spec: &ExerciseSpec,
    exercise: &Exercise,
    lang: Lang,
) -> anyhow::Result<ReferenceOutput> {
    let name = exercise.bundled_name("solution", &spec.file);
    let solution = exercise
        .files
        .get(&name)
        .or_fail(|| msg!("check-reference-missing", path = &exercise.dir, name = &name))?;
    let spec_text = exercise
        .files
        .get("exercise.yaml")
        .map_or(&[][..], |b| b.as_slice());
    let cache = cache_path(
        &spec.id,
        &[spec_text, solution, env!("CARGO_PKG_VERSION").as_bytes()],
    );
    if let Some(found) = cache
        .as_ref()
        .and_then(|path| std::fs::read(path).ok())
        .and_then(|bytes| serde_json::from_slice::<ReferenceOutput>(&bytes).ok())
    {
        return Ok(found);
    }
    let output = run_reference(spec, exercise, solution, lang)?;
    if let Some(path) = cache {
        // A cache that cannot be written only costs a run next time.
        let _ = crate::atomic_file::write_atomic(&path, &serde_json::to_vec(&output)?);
    }
    Ok(output)
}

fn run_reference(
    spec: &ExerciseSpec,
    exercise: &Exercise,
    solution: &[u8],
    lang: Lang,
) -> anyhow::Result<ReferenceOutput> {
    // The solution is written to a private folder of ours; the sandbox copies it into the run's.
    let dir = tempfile::tempdir().or_fail(|| msg!("file-temp-folder"))?;
    let path = dir.path().join(&spec.file);
    std::fs::write(&path, solution).or_fail(|| msg!("file-write", path = path.display().to_string()))?;
    let report =
        sandbox::run(&request_for(spec, &path, false)).or_fail(|| msg!("check-sandbox-failed-reference"))?;
    if report.status != RunStatus::Ok || report.exit_code != Some(0) {
        let failed = crate::msg!(
            "check-reference-failed",
            file = format!(
                "{}/{}",
                exercise.dir,
                exercise.bundled_name("solution", &spec.file)
            ),
            status = format!("{:?}", report.status),
            exit = report
                .exit_code
                .map_or_else(|| "-".to_string(), |c| c.to_string()),
            stderr = report.stderr.lines().last().unwrap_or("")
        );
        anyhow::bail!("{}", failed.word(lang));
    }
    Ok(ReferenceOutput {
        stdout: report.stdout,
        stderr: report.stderr,
    })
}

/// `<cache>/atelier/reference/<id>-<hash>.json`; `None` without a home folder.
fn cache_path(id: &str, parts: &[&[u8]]) -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    let hash = fnv1a(parts);
    Some(
        base.cache_dir()
            .join("atelier")
            .join("reference")
            .join(format!("{id}-{hash:016x}.json")),
    )
}

/// FNV-1a over the parts (with separators): stable across builds, unlike std's hasher.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(&[0xff]) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
