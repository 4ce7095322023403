//! Compiles the built-in course (`lessons/` and `exercises/`) into the binary, so that an installed
//! `atelier` works anywhere: writes a table of `(relative path, include_bytes!)` into OUT_DIR. Also
//! lists the message catalogs `src/i18n/*.ftl` (French, then English, then the others by name), so
//! that a new UI language is one new file.
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for top in ["lessons", "exercises"] {
        println!("cargo:rerun-if-changed={top}");
        collect(&root.join(top), &mut files);
    }
    files.sort();
    let mut table = String::from("&[\n");
    for file in &files {
        let rel = file.strip_prefix(&root).expect("collected under the root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        table.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            file.display().to_string()
        ));
    }
    table.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_course.rs");
    fs::write(out, table).expect("OUT_DIR is writable");
    catalogs(&root);
}

/// `&[("src/i18n/fr.ftl", include_str!(…)), …]`: `fr` first (the reference), `en` second.
fn catalogs(root: &Path) {
    let dir = root.join("src/i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("src/i18n exists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl"))
        .collect();
    let rank = |n: &String| match n.as_str() {
        "fr.ftl" => 0,
        "en.ftl" => 1,
        _ => 2,
    };
    names.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    let mut table = String::from("[\n");
    for name in &names {
        let path = dir.join(name);
        table.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("src/i18n/{name}"),
            path.display().to_string()
        ));
    }
    table.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_catalogs.rs");
    fs::write(out, table).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
