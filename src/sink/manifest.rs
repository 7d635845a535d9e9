//! `manifest.json`: what produced an output folder and what is in it.
//!
//! Written last, after every other file got its final name: a folder with a manifest is
//! complete, and the checksums let a user verify that nothing changed since.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{AtomicFile, SinkError};

/// One output file or folder.
#[derive(Clone, Debug, Serialize)]
pub struct OutputFile {
    /// Path relative to the output folder.
    pub path: String,
    /// Size in bytes (for a folder: all its files).
    pub bytes: u64,
    /// SHA-256 of the content (for a folder: of the sorted list of its files' names and
    /// checksums).
    pub sha256: String,
    /// Number of files (1 for a file).
    pub files: u64,
}

/// The manifest.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    /// Program name and version.
    pub newsgraph: String,
    /// Record schema.
    pub schema: String,
    /// The command line.
    pub command: Vec<String>,
    /// Documents read (one record each).
    pub documents: u64,
    /// Of those, error records.
    pub errors: u64,
    /// Records that carry warnings.
    pub warned: u64,
    /// Mentions written.
    pub mentions: u64,
    /// Events written.
    pub events: u64,
    /// True when the run was interrupted and the outputs hold only the documents before it.
    pub interrupted: bool,
    /// The outputs.
    pub outputs: Vec<OutputFile>,
}

fn hash_file(path: &Path) -> std::io::Result<(u64, String)> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf)?;
        if k == 0 {
            break;
        }
        n += k as u64;
        h.update(&buf[..k]);
    }
    Ok((n, hex(&h.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Describes `files` (paths inside `dir`; files inside a sub-folder are grouped per folder).
pub fn describe(dir: &Path, files: &[PathBuf]) -> Result<Vec<OutputFile>, SinkError> {
    let wrap = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SinkError {
            path: path.clone(),
            source,
        }
    };
    let mut out: Vec<OutputFile> = Vec::new();
    let mut groups: std::collections::BTreeMap<String, Vec<(String, u64, String)>> =
        Default::default();
    let mut sorted = files.to_vec();
    sorted.sort();
    for f in &sorted {
        let rel = f.strip_prefix(dir).unwrap_or(f);
        let (bytes, sha) = hash_file(f).map_err(wrap(f))?;
        let mut parts = rel.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .unwrap_or_default();
        if rel.components().count() > 1 && first == "brat" {
            groups
                .entry(first)
                .or_default()
                .push((rel.to_string_lossy().to_string(), bytes, sha));
        } else {
            out.push(OutputFile {
                path: rel.to_string_lossy().to_string(),
                bytes,
                sha256: sha,
                files: 1,
            });
        }
    }
    for (folder, entries) in groups {
        let mut h = Sha256::new();
        let mut bytes = 0;
        for (name, b, sha) in &entries {
            h.update(name.as_bytes());
            h.update(b" ");
            h.update(sha.as_bytes());
            h.update(b"\n");
            bytes += b;
        }
        out.push(OutputFile {
            path: format!("{folder}/"),
            bytes,
            sha256: hex(&h.finalize()),
            files: entries.len() as u64,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Writes `dir/manifest.json` atomically.
pub fn write(dir: &Path, manifest: &Manifest) -> Result<PathBuf, SinkError> {
    let mut f = AtomicFile::create(dir, "manifest.json")?;
    let text = serde_json::to_string_pretty(manifest).expect("plain data serializes");
    f.writer()
        .write_all(text.as_bytes())
        .map_err(|e| f.err(e))?;
    f.writer().write_all(b"\n").map_err(|e| f.err(e))?;
    f.commit()
}
