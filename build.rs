//! Embeds `gazetteers/*.tsv` into the binary, so that `newsgraph` runs anywhere (a Spark
//! executor, a container) without a data folder beside it, and sets `NEWSGRAPH_BUILD_ID`,
//! a hash of the sources and `Cargo.lock`: the on-disk cache of compiled gazetteers
//! (`src/gazetteer/cache.rs`) keys its entries by it, so another build never reads an entry
//! that an older compiler of names (or another morphology dictionary) wrote. Writes only
//! into OUT_DIR.

use std::fmt::Write as _;
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A hash of the files that decide what the compiled gazetteer is: the sources, the locked
/// dependency versions (the morphology dictionary among them) and this script.
fn build_id(root: &Path) -> String {
    let mut files = Vec::new();
    files_under(&root.join("src"), &mut files);
    files.push(root.join("Cargo.lock"));
    files.push(root.join("build.rs"));
    files.sort();
    // A fixed-key SipHash from std: only ever compared with itself.
    let mut h = std::hash::DefaultHasher::new();
    for path in &files {
        let rel = path.strip_prefix(root).unwrap_or(path);
        h.write(rel.to_string_lossy().as_bytes());
        h.write(&std::fs::read(path).unwrap_or_default());
    }
    format!("{:016x}", h.finish())
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("Cargo.lock").display()
    );
    println!("cargo:rustc-env=NEWSGRAPH_BUILD_ID={}", build_id(&root));

    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"))
        .join("gazetteers");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "tsv"));
    files.sort();
    let mut code = String::from(
        "/// Embedded gazetteer files: (name, content).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "gazetteers/{}",
            path.file_name().expect("a file").to_string_lossy()
        );
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"))
        .join("embedded_gazetteers.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
