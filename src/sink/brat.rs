//! The BRAT sink: one standoff `.ann` file per document in `DIR/brat/`, with NEREL's type
//! names, so that `newsgraph eval` (or any BRAT tool) can score newsgraph against NEREL.
//!
//! Mentions become `T` lines (REGION is written as NEREL's `STATE_OR_PROVINCE`; titles are left
//! out, since NEREL annotates them as PROFESSION), Wikidata links `N` lines, dates `DATE`
//! entities, event triggers `EVENT` entities, and events the relations `PARTICIPANT_IN`,
//! `TAKES_PLACE_IN` and `POINT_IN_TIME` between the nearest mentions in the trigger's sentence.
//! Only `.ann` files are written: offsets refer to the input text, which the user has.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::SinkError;
use crate::model::{EntityKind, Record, Via};

/// Writes `DIR/brat/<name>.ann` per record.
///
/// Like every other output, the folder appears under its final name only when the run is
/// complete: files are written into `DIR/.brat.partial/`, which [`BratSink::finish`] renames
/// to `DIR/brat/` (replacing an older one) and [`BratSink::abort`] removes.
pub struct BratSink {
    partial: PathBuf,
    dir: PathBuf,
    used: HashSet<String>,
    names: Vec<String>,
}

impl BratSink {
    /// Creates `dir/.brat.partial/` (emptied if an earlier run left one).
    pub fn new(dir: &Path) -> Result<BratSink, SinkError> {
        let partial = dir.join(".brat.partial");
        let wrap = |source| SinkError {
            path: partial.clone(),
            source,
        };
        if partial.exists() {
            std::fs::remove_dir_all(&partial).map_err(wrap)?;
        }
        std::fs::create_dir_all(&partial).map_err(wrap)?;
        Ok(BratSink {
            dir: dir.join("brat"),
            partial,
            used: HashSet::new(),
            names: Vec::new(),
        })
    }

    /// Writes one record's annotations (nothing for an error record).
    pub fn write(&mut self, record: &Record) -> Result<(), SinkError> {
        if record.error.is_some() {
            return Ok(());
        }
        let mut name = file_stem(&record.doc_id);
        if !self.used.insert(name.clone()) {
            let mut n = 2;
            while !self.used.insert(format!("{name}-{n}")) {
                n += 1;
            }
            name = format!("{name}-{n}");
        }
        let file_name = format!("{name}.ann");
        let path = self.partial.join(&file_name);
        std::fs::write(&path, ann(record)).map_err(|source| SinkError { path, source })?;
        self.names.push(file_name);
        Ok(())
    }

    /// Moves the finished folder to `DIR/brat/` and returns the files in it.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        let wrap = |path: &Path| {
            let path = path.to_path_buf();
            move |source| SinkError { path, source }
        };
        if self.dir.exists() {
            std::fs::remove_dir_all(&self.dir).map_err(wrap(&self.dir))?;
        }
        std::fs::rename(&self.partial, &self.dir).map_err(wrap(&self.dir))?;
        Ok(self.names.iter().map(|n| self.dir.join(n)).collect())
    }

    /// Removes what was written.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.partial);
    }
}

/// A file name from a document id that no input can turn into a path: the id itself when it
/// is a plain name (a `.txt` ending dropped), else a hash of it.
pub fn file_stem(doc_id: &str) -> String {
    let base = doc_id.strip_suffix(".txt").unwrap_or(doc_id);
    let plain = !base.is_empty()
        && base.len() <= 120
        && !base.starts_with('.')
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if plain {
        return base.to_string();
    }
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in doc_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("doc-{h:016x}")
}

fn nerel_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Region => "STATE_OR_PROVINCE",
        k => k.as_str(),
    }
}

/// The standoff text of one record.
pub fn ann(r: &Record) -> String {
    let mut out = String::new();
    let mut t = 0usize;
    let mut spans: Vec<(String, u32, u32, usize)> = Vec::new();
    let mut add = |out: &mut String, kind: &str, start: u32, end: u32, text: &str| -> usize {
        if let Some(x) = spans
            .iter()
            .find(|x| x.0 == kind && x.1 == start && x.2 == end)
        {
            return x.3;
        }
        t += 1;
        let _ = writeln!(
            out,
            "T{t}\t{kind} {start} {end}\t{}",
            text.replace(['\n', '\r', '\t'], " ")
        );
        spans.push((kind.to_string(), start, end, t));
        t
    };
    let mut mention_ids = Vec::new();
    let mut links = Vec::new();
    for m in &r.mentions {
        // NEREL annotates a person's title as PROFESSION, not as the person; «британская
        // столица» it annotates as the CITY.
        if m.via == Via::Title && m.kind == EntityKind::Person {
            mention_ids.push(None);
            continue;
        }
        let id = add(&mut out, nerel_type(m.kind), m.start, m.end, &m.text);
        mention_ids.push(Some(id));
        if let Some(q) = m.entity.wikidata() {
            links.push((id, q.to_string(), m.name.clone()));
        }
    }
    let date_ids: Vec<usize> = r
        .dates
        .iter()
        .map(|d| add(&mut out, "DATE", d.start, d.end, &d.text))
        .collect();
    let mut rel = 0usize;
    for e in &r.events {
        let trig = add(
            &mut out,
            "EVENT",
            e.trigger.start,
            e.trigger.end,
            &e.trigger.text,
        );
        // Mentions are sorted by start, so one sentence's mentions are a contiguous run.
        let from = r.mentions.partition_point(|m| m.sentence < e.sentence);
        let to = from + r.mentions[from..].partition_point(|m| m.sentence == e.sentence);
        let near = |entity: &str| -> Option<usize> {
            (from..to)
                .filter(|&i| {
                    let m = &r.mentions[i];
                    m.entity.as_str() == entity && m.via != Via::Title
                })
                .min_by_key(|&i| r.mentions[i].start.abs_diff(e.trigger.start))
                .and_then(|i| mention_ids[i])
        };
        for p in &e.participants {
            if let Some(a) = near(p.as_str()) {
                rel += 1;
                let _ = writeln!(out, "R{rel}\tPARTICIPANT_IN Arg1:T{a} Arg2:T{trig}\t");
            }
        }
        if let Some(b) = e.place.as_ref().and_then(|p| near(p.as_str())) {
            rel += 1;
            let _ = writeln!(out, "R{rel}\tTAKES_PLACE_IN Arg1:T{trig} Arg2:T{b}\t");
        }
        let date = r
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.sentence == e.sentence && Some(d.value) == e.date)
            .min_by_key(|(_, d)| d.start.abs_diff(e.trigger.start))
            .map(|(i, _)| date_ids[i]);
        if let Some(b) = date {
            rel += 1;
            let _ = writeln!(out, "R{rel}\tPOINT_IN_TIME Arg1:T{trig} Arg2:T{b}\t");
        }
    }
    for (n, (id, q, name)) in links.into_iter().enumerate() {
        let _ = writeln!(out, "N{}\tReference T{id} Wikidata:{q}\t{name}", n + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_never_come_from_unsafe_ids() {
        assert_eq!(file_stem("119336_text.txt"), "119336_text");
        assert_eq!(file_stem("a-1.v2"), "a-1.v2");
        for bad in ["../etc/passwd", "a/b", ".hidden", "", "x y", "Путин"] {
            let s = file_stem(bad);
            assert!(s.starts_with("doc-") && s.len() == 20, "{bad:?} -> {s}");
        }
        assert_eq!(file_stem("a/b"), file_stem("a/b"));
    }
}
