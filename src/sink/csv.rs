//! Analyst tables: `events.csv`, `mentions.csv`, `triples.csv` (one row per item, streamed)
//! and `entities.csv` (one row per entity of the corpus, written at the end).
//!
//! RFC 4180 through the `csv` crate, UTF-8 with a header row; `--excel` adds a byte-order mark so
//! Excel opens Cyrillic correctly. Article text is untrusted: a cell a spreadsheet would execute
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{AtomicFile, SinkError};
use crate::model::{EntityId, EntityInfo, Record};

/// Makes a cell safe for spreadsheets (OWASP's advice for CSV injection).
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

struct Table {
    file: AtomicFile,
    rows: u64,
}

impl Table {
    fn create(dir: &Path, name: &str, header: &[&str], excel: bool) -> Result<Table, SinkError> {
        let mut file = AtomicFile::create(dir, name)?;
        if excel {
            file.writer()
                .write_all("\u{FEFF}".as_bytes())
                .map_err(|e| file.err(e))?;
        }
        let mut t = Table { file, rows: 0 };
        t.row(header)?;
        t.rows = 0;
        Ok(t)
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), SinkError> {
        let safe: Vec<std::borrow::Cow<'_, str>> =
            cells.iter().map(|c| neutralize(c.as_ref())).collect();
        let bytes = super::csv_record(&safe).map_err(|e| self.file.err(e))?;
        self.file
            .writer()
            .write_all(&bytes)
            .map_err(|e| self.file.err(e))?;
        self.rows += 1;
        Ok(())
    }
}

/// Entity counts over the corpus.
#[derive(Default)]
struct EntityStats {
    info: Option<EntityInfo>,
    mentions: u64,
    documents: u64,
}

/// The CSV sink.
pub struct CsvSink {
    dir: PathBuf,
    excel: bool,
    events: Table,
    mentions: Table,
    triples: Table,
    entities: BTreeMap<EntityId, EntityStats>,
}

impl CsvSink {
    /// Opens the streamed tables in `dir`.
    pub fn new(dir: &Path, excel: bool) -> Result<CsvSink, SinkError> {
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            excel,
            events: Table::create(
                dir,
                "events.csv",
                &[
                    "event_id",
                    "doc_id",
                    "type",
                    "status",
                    "date",
                    "until",
                    "place_id",
                    "place_name",
                    "participant_ids",
                    "participant_names",
                    "trigger",
                    "evidence",
                    "evidence_start",
                    "evidence_end",
                    "confidence",
                    "key",
                ],
                excel,
            )?,
            mentions: Table::create(
                dir,
                "mentions.csv",
                &[
                    "doc_id",
                    "start",
                    "end",
                    "text",
                    "type",
                    "entity_id",
                    "name",
                    "sentence",
                    "via",
                ],
                excel,
            )?,
            triples: Table::create(
                dir,
                "triples.csv",
                &[
                    "doc_id",
                    "subject",
                    "predicate",
                    "object",
                    "event_id",
                    "date",
                    "place_id",
                    "status",
                    "confidence",
                    "evidence",
                ],
                excel,
            )?,
            entities: BTreeMap::new(),
        })
    }

    /// Writes the rows of one record.
    pub fn write(&mut self, r: &Record) -> Result<(), SinkError> {
        let name = |id: &EntityId| {
            r.entities
                .get(id)
                .map(|e| e.name.to_string())
                .unwrap_or_default()
        };
        for e in &r.events {
            let evidence = e.evidence.first();
            self.events.row(&[
                e.id.clone(),
                r.doc_id.clone(),
                e.kind.to_string(),
                e.status.to_string(),
                e.date.map(|d| d.to_string()).unwrap_or_default(),
                e.until.map(|d| d.to_string()).unwrap_or_default(),
                e.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                e.place.as_ref().map(name).unwrap_or_default(),
                e.participants
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(";"),
                e.participants
                    .iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(";"),
                e.trigger.text.clone(),
                evidence.map(|s| s.text.clone()).unwrap_or_default(),
                evidence.map(|s| s.start.to_string()).unwrap_or_default(),
                evidence.map(|s| s.end.to_string()).unwrap_or_default(),
                format!("{:.2}", e.confidence),
                e.key.clone(),
            ])?;
        }
        for m in &r.mentions {
            self.mentions.row(&[
                r.doc_id.clone(),
                m.start.to_string(),
                m.end.to_string(),
                m.text.clone(),
                m.kind.to_string(),
                m.entity.to_string(),
                m.name.to_string(),
                m.sentence.to_string(),
                format!("{:?}", m.via).to_lowercase(),
            ])?;
        }
        for t in &r.triples {
            self.triples.row(&[
                r.doc_id.clone(),
                t.subject.clone(),
                t.predicate.to_string(),
                t.object.clone(),
                t.event.clone().unwrap_or_default(),
                t.date.map(|d| d.to_string()).unwrap_or_default(),
                t.place.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                t.status.map(|s| s.to_string()).unwrap_or_default(),
                format!("{:.2}", t.confidence),
                t.evidence
                    .first()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
            ])?;
        }
        let mut counts: std::collections::HashMap<&EntityId, u64> = Default::default();
        for m in &r.mentions {
            *counts.entry(&m.entity).or_default() += 1;
        }
        for (id, info) in &r.entities {
            let stats = self.entities.entry(id.clone()).or_default();
            stats.info.get_or_insert_with(|| info.clone());
            stats.documents += 1;
            stats.mentions += counts.get(id).copied().unwrap_or(0);
        }
        Ok(())
    }

    /// Writes `entities.csv` and commits every table.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        let mut entities = Table::create(
            &self.dir,
            "entities.csv",
            &[
                "entity_id",
                "name",
                "type",
                "wikidata",
                "mentions",
                "documents",
            ],
            self.excel,
        )?;
        for (id, s) in &self.entities {
            let info = s.info.as_ref().expect("set on insert");
            entities.row(&[
                id.to_string(),
                info.name.to_string(),
                info.kind.to_string(),
                info.wikidata.clone().unwrap_or_default(),
                s.mentions.to_string(),
                s.documents.to_string(),
            ])?;
        }
        let mut out = Vec::new();
        for t in [self.events, self.mentions, self.triples, entities] {
            out.push(t.file.commit()?);
        }
        Ok(out)
    }

    /// Drops the temporary files.
    pub fn abort(self) {
        for t in [self.events, self.mentions, self.triples] {
            t.file.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formulas_are_neutralized() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+7 999", "'+7 999"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Путин", "Путин"),
            ("", ""),
        ] {
            assert_eq!(neutralize(cell), want);
        }
    }
}
