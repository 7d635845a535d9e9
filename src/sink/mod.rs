//! Sinks: one per output format, all fed the same records in input order in one pass.
//!
//! Adding a format means adding a sink here; stages never change. Files are written under a
//! temporary name and renamed into place by [`SinkSet::finish`], so a file under its final
//! name is always complete.

mod brat;
mod csv;
mod graphml;
mod json;
mod jsonl;
pub mod manifest;
mod neo4j;
mod rdf;
pub mod resume;

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use brat::{BratSink, file_stem};
pub use csv::{CsvSink, neutralize};
pub use graphml::GraphmlSink;
pub use jsonl::{JsonlSink, encode_line};
pub use neo4j::Neo4jSink;
pub use rdf::{RdfSink, RdfSyntax, triples_of as rdf_triples};

use crate::model::Record;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// One JSON record per line (`records.jsonl`, or standard output).
    Jsonl,
    /// Analyst tables: `events.csv`, `mentions.csv`, `entities.csv`, `triples.csv`.
    Csv,
    /// `neo4j/`: files for `neo4j-admin database import` and a `load.cypher`.
    Neo4j,
    /// `graph.nt`: RDF N-Triples.
    Ntriples,
    /// `graph.nq`: RDF N-Quads, one named graph per article.
    Nquads,
    /// `network.graphml`: the who-met-whom network.
    Graphml,
    /// BRAT standoff with NEREL's type names (`brat/<doc>.ann`), for evaluation.
    Brat,
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 7] = [
        Format::Jsonl,
        Format::Csv,
        Format::Neo4j,
        Format::Ntriples,
        Format::Nquads,
        Format::Graphml,
        Format::Brat,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Neo4j => "neo4j",
            Format::Ntriples => "ntriples",
            Format::Nquads => "nquads",
            Format::Graphml => "graphml",
            Format::Brat => "brat",
        }
    }

    /// Parses a command-line name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A failure to write output.
#[derive(Debug)]
pub struct SinkError {
    /// The file (or `-` for standard output).
    pub path: PathBuf,
    /// The cause.
    pub source: io::Error,
}

impl SinkError {
    /// True when the reader of standard output went away (`newsgraph … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        self.source.kind() == io::ErrorKind::BrokenPipe
    }
}

impl fmt::Display for SinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for SinkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// A file written under a temporary name in its final folder and renamed when complete.
pub struct AtomicFile {
    final_path: PathBuf,
    tmp_path: PathBuf,
    writer: BufWriter<File>,
}

impl AtomicFile {
    /// Creates `dir/.name.tmp-<pid>`.
    pub fn create(dir: &Path, name: &str) -> Result<AtomicFile, SinkError> {
        let final_path = dir.join(name);
        let tmp_path = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp_path).map_err(|source| SinkError {
            path: tmp_path.clone(),
            source,
        })?;
        Ok(AtomicFile {
            final_path,
            tmp_path,
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Opens `dir/.name.partial` for a resumable run: cut to `keep` bytes (what the last
    /// checkpoint vouched for) and appended to. The name does not depend on the process, so a
    /// later run can find it.
    pub fn resume(dir: &Path, name: &str, keep: u64) -> Result<AtomicFile, SinkError> {
        let final_path = dir.join(name);
        let tmp_path = dir.join(format!(".{name}.partial"));
        let wrap = |source| SinkError {
            path: tmp_path.clone(),
            source,
        };
        // Killed between committing the records and removing the checkpoint: the complete
        // file has its final name. Take it back; the other formats are made again from it.
        if keep > 0 && !tmp_path.exists() && final_path.exists() {
            let len = std::fs::metadata(&final_path).map_err(wrap)?.len();
            if len >= keep {
                std::fs::rename(&final_path, &tmp_path).map_err(wrap)?;
            }
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&tmp_path)
            .map_err(wrap)?;
        let have = file.metadata().map_err(wrap)?.len();
        if have < keep {
            // Never pad with zeros: the checkpoint vouches for bytes that are gone.
            return Err(wrap(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the checkpoint vouches for {keep} bytes of records but only {have} are left; remove the output folder and run again"
                ),
            )));
        }
        file.set_len(keep).map_err(wrap)?;
        let mut writer = BufWriter::with_capacity(1 << 16, file);
        io::Seek::seek(&mut writer, io::SeekFrom::Start(keep)).map_err(wrap)?;
        Ok(AtomicFile {
            final_path,
            tmp_path,
            writer,
        })
    }

    /// Flushes and syncs to disk; returns the length written so far. A checkpoint that
    /// records this length can be trusted after a crash.
    pub fn sync(&mut self) -> Result<u64, SinkError> {
        self.writer.flush().map_err(|e| self.err(e))?;
        let file = self.writer.get_ref();
        file.sync_data().map_err(|e| self.err(e))?;
        file.metadata().map(|m| m.len()).map_err(|e| self.err(e))
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        &mut self.writer
    }

    /// Wraps an I/O error with this file's final path.
    pub fn err(&self, source: io::Error) -> SinkError {
        SinkError {
            path: self.final_path.clone(),
            source,
        }
    }

    /// Flushes, syncs and renames into place. Returns the final path.
    pub fn commit(self) -> Result<PathBuf, SinkError> {
        let AtomicFile {
            final_path,
            tmp_path,
            writer,
        } = self;
        let wrap = |source| SinkError {
            path: final_path.clone(),
            source,
        };
        let file = writer.into_inner().map_err(|e| wrap(e.into_error()))?;
        file.sync_all().map_err(wrap)?;
        drop(file);
        std::fs::rename(&tmp_path, &final_path).map_err(wrap)?;
        Ok(final_path)
    }

    /// Removes the temporary file (on error or interruption).
    pub fn abort(self) {
        let _ = std::fs::remove_file(&self.tmp_path);
    }
}

/// Where the output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// JSONL on standard output (no `-o`).
    Stdout,
    /// Files in a folder.
    Dir(PathBuf),
}

/// One sink.
pub enum Sink {
    /// JSONL.
    Jsonl(JsonlSink),
    /// CSV tables (boxed: four open files make it much larger than the others).
    Csv(Box<CsvSink>),
    /// Neo4j import files.
    Neo4j(Neo4jSink),
    /// RDF.
    Rdf(RdfSink),
    /// GraphML.
    Graphml(GraphmlSink),
    /// BRAT standoff.
    Brat(BratSink),
}

impl Sink {
    fn write(&mut self, record: &Record) -> Result<(), SinkError> {
        match self {
            Sink::Jsonl(s) => s.write(record),
            Sink::Csv(s) => s.write(record),
            Sink::Neo4j(s) => s.write(record),
            Sink::Rdf(s) => s.write(record),
            Sink::Graphml(s) => {
                s.write(record);
                Ok(())
            }
            Sink::Brat(s) => s.write(record),
        }
    }

    fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        match self {
            Sink::Jsonl(s) => s.finish(),
            Sink::Csv(s) => (*s).finish(),
            Sink::Neo4j(s) => s.finish(),
            Sink::Rdf(s) => s.finish(),
            Sink::Graphml(s) => s.finish(),
            Sink::Brat(s) => s.finish(),
        }
    }

    fn abort(self) {
        match self {
            Sink::Jsonl(s) => s.abort(),
            Sink::Csv(s) => (*s).abort(),
            Sink::Neo4j(s) => s.abort(),
            Sink::Rdf(s) => s.abort(),
            // Nothing is on disk before the end.
            Sink::Graphml(_) => {}
            Sink::Brat(s) => s.abort(),
        }
    }
}

/// Every sink of one run.
pub struct SinkSet {
    sinks: Vec<Sink>,
}

impl SinkSet {
    /// The JSONL sink of a resumable run: `dir/.records.jsonl.partial` cut to `keep` bytes.
    pub fn resumable(dir: &Path, keep: u64) -> Result<SinkSet, SinkError> {
        Ok(SinkSet {
            sinks: vec![Sink::Jsonl(JsonlSink::File(AtomicFile::resume(
                dir,
                "records.jsonl",
                keep,
            )?))],
        })
    }

    /// Opens a sink per format. With [`Target::Stdout`] only `jsonl` is allowed. `excel` adds
    /// a byte-order mark to the CSV tables.
    pub fn open(formats: &[Format], target: &Target, excel: bool) -> Result<SinkSet, SinkError> {
        let mut sinks = Vec::new();
        let mut formats = formats.to_vec();
        formats.sort();
        formats.dedup();
        for f in formats {
            let sink = match (f, target) {
                (Format::Jsonl, Target::Stdout) => Sink::Jsonl(JsonlSink::stdout()),
                (Format::Jsonl, Target::Dir(dir)) => Sink::Jsonl(JsonlSink::file(dir)?),
                (Format::Csv, Target::Dir(dir)) => Sink::Csv(Box::new(CsvSink::new(dir, excel)?)),
                (Format::Neo4j, Target::Dir(dir)) => Sink::Neo4j(Neo4jSink::new(dir)?),
                (Format::Ntriples, Target::Dir(dir)) => {
                    Sink::Rdf(RdfSink::new(dir, RdfSyntax::NTriples)?)
                }
                (Format::Nquads, Target::Dir(dir)) => {
                    Sink::Rdf(RdfSink::new(dir, RdfSyntax::NQuads)?)
                }
                (Format::Graphml, Target::Dir(dir)) => Sink::Graphml(GraphmlSink::new(dir)),
                (Format::Brat, Target::Dir(dir)) => Sink::Brat(BratSink::new(dir)?),
                (f, Target::Stdout) => {
                    return Err(SinkError {
                        path: PathBuf::from("-"),
                        source: io::Error::new(
                            io::ErrorKind::InvalidInput,
                            format!("format {f} needs an output folder (-o DIR)"),
                        ),
                    });
                }
            };
            sinks.push(sink);
        }
        Ok(SinkSet { sinks })
    }

    /// Ends a batch: flushes JSONL on standard output.
    pub fn end_batch(&mut self) -> Result<(), SinkError> {
        for s in &mut self.sinks {
            if let Sink::Jsonl(j) = s {
                j.end_batch()?;
            }
        }
        Ok(())
    }

    /// Syncs the JSONL file to disk and returns its length, for a checkpoint.
    pub fn checkpoint(&mut self) -> Result<Option<u64>, SinkError> {
        for s in &mut self.sinks {
            if let Sink::Jsonl(JsonlSink::File(f)) = s {
                return f.sync().map(Some);
            }
        }
        Ok(None)
    }

    /// Whether JSONL is the only output, so that records may arrive already encoded
    /// ([`SinkSet::write_encoded`]).
    pub fn jsonl_only(&self) -> bool {
        matches!(self.sinks.as_slice(), [Sink::Jsonl(_)])
    }

    /// Writes JSON lines encoded by [`encode_line`] to the JSONL sink; only when
    /// [`SinkSet::jsonl_only`].
    pub fn write_encoded(&mut self, lines: &[u8]) -> Result<(), SinkError> {
        match self.sinks.as_mut_slice() {
            [Sink::Jsonl(s)] => s.write_encoded(lines),
            _ => unreachable!("encoded lines are written only when JSONL is the only sink"),
        }
    }

    /// Writes one record to every sink.
    pub fn write(&mut self, record: &Record) -> Result<(), SinkError> {
        for s in &mut self.sinks {
            s.write(record)?;
        }
        Ok(())
    }

    /// Completes every sink and moves its files into place; returns the files written.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        let mut files = Vec::new();
        let mut sinks = self.sinks.into_iter();
        while let Some(s) = sinks.next() {
            match s.finish() {
                Ok(mut f) => files.append(&mut f),
                Err(e) => {
                    sinks.for_each(Sink::abort);
                    return Err(e);
                }
            }
        }
        Ok(files)
    }

    /// Drops every temporary file; nothing appears under a final name.
    pub fn abort(self) {
        self.sinks.into_iter().for_each(Sink::abort);
    }
}

/// One CSV record (RFC 4180 quoting by the `csv` crate), with its line end.
pub(crate) fn csv_record<S: AsRef<str>>(cells: &[S]) -> io::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(128));
    w.write_record(cells.iter().map(|c| c.as_ref()))
        .map_err(io::Error::other)?;
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// Writes `bytes` to standard output, mapping errors to [`SinkError`].
pub(crate) fn stdout_error(source: io::Error) -> SinkError {
    SinkError {
        path: PathBuf::from("-"),
        source,
    }
}

/// Flushes a writer, mapping the error.
pub(crate) fn flush(w: &mut impl Write, path: &Path) -> Result<(), SinkError> {
    w.flush().map_err(|source| SinkError {
        path: path.to_path_buf(),
        source,
    })
}
