//! Checkpoints for `--resume`: after a crash or a kill, a run continues from the last batch
//! whose records reached the disk, without losing or repeating a document.
//!
//! A resumable run writes records to `DIR/.records.jsonl.partial` and, after each batch is
//! synced to disk, `DIR/.newsgraph-checkpoint.json` with the number of input documents done
//! and the length of the partial file. A new run with `--resume` cuts the partial file to that
//! length, skips that many input documents and appends. The other formats are produced from
//! the complete records at the end, so they need no checkpoint of their own.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{AtomicFile, SinkError};
use crate::run::Counts;

/// The checkpoint file name.
pub const CHECKPOINT: &str = ".newsgraph-checkpoint.json";

/// What a checkpoint vouches for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The inputs of the run, as given; a resumed run must have the same.
    pub inputs: Vec<String>,
    /// Documents done (records on disk).
    pub documents: u64,
    /// Of those, errors.
    pub errors: u64,
    /// Records with warnings (absent in checkpoints of older versions).
    #[serde(default)]
    pub warned: u64,
    /// Mentions in those records.
    pub mentions: u64,
    /// Events in those records.
    pub events: u64,
    /// Bytes of the partial records file that hold them.
    pub records_bytes: u64,
}

impl Checkpoint {
    /// Reads the checkpoint of `dir`, if there is one.
    pub fn read(dir: &Path) -> Result<Option<Checkpoint>, String> {
        let path = dir.join(CHECKPOINT);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| format!("{}: unreadable checkpoint: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// The counts it vouches for.
    pub fn counts(&self) -> Counts {
        Counts {
            documents: self.documents,
            errors: self.errors,
            warned: self.warned,
            mentions: self.mentions,
            events: self.events,
            bytes: 0,
            batches: 0,
        }
    }

    /// Writes it atomically (the old one stays valid until the new one is complete).
    pub fn write(&self, dir: &Path) -> Result<(), SinkError> {
        let mut f = AtomicFile::create(dir, CHECKPOINT)?;
        let text = serde_json::to_vec(self).expect("plain data serializes");
        std::io::Write::write_all(f.writer(), &text).map_err(|e| f.err(e))?;
        f.commit().map(|_| ())
    }

    /// Removes it once the run is complete.
    pub fn remove(dir: &Path) -> Result<(), SinkError> {
        let path: PathBuf = dir.join(CHECKPOINT);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SinkError { path, source }),
        }
    }
}
