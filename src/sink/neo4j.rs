//! Files for `neo4j-admin database import full` and a `load.cypher` for a running server.
//!
//! Node files per label (`Person.csv`, `Country.csv`, `City.csv`, `Region.csv`,
//! `Organization.csv`, `NamedEvent.csv`, `Event.csv`, `Article.csv`) with `:ID` and `:LABEL`
//! columns, and relationship files (`MET.csv`, `PARTICIPANT_IN.csv`, `TOOK_PLACE_IN.csv`,
//! `MENTIONED_IN.csv`, `INVITED.csv`, `VISITED.csv`, plus the named events' and the events'
//! article links) with `:START_ID`, `:END_ID` and `:TYPE`. Three ID spaces keep entity, event
//! and article ids apart. An entity is one node for the whole corpus, so articles connect.
//! Entity nodes are written at the end (they are collected over the corpus); everything else
//! is streamed. These files are for importers: ids are written exactly as in the other
//! formats, and only free-text columns (names, triggers, evidence) get the spreadsheet guard
//! of the analyst tables.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{AtomicFile, SinkError};
use crate::model::{EntityId, EntityInfo, EntityKind, Precision, Predicate, Record};

/// The Neo4j label of an entity kind.
pub fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Country => "Country",
        EntityKind::City => "City",
        EntityKind::Region => "Region",
        EntityKind::Organization => "Organization",
        EntityKind::Event => "NamedEvent",
    }
}

struct File {
    file: AtomicFile,
}

impl File {
    fn create(dir: &Path, name: &str, header: &[&str]) -> Result<File, SinkError> {
        let mut f = File {
            file: AtomicFile::create(dir, name)?,
        };
        f.row(header)?;
        Ok(f)
    }

    fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), SinkError> {
        let bytes = super::csv_record(cells).map_err(|e| self.file.err(e))?;
        self.file
            .writer()
            .write_all(&bytes)
            .map_err(|e| self.file.err(e))
    }
}

const ENTITY_HEADER: [&str; 4] = ["entityId:ID(Entity)", "name", "wikidata", ":LABEL"];
const FILES: [(&str, &[&str]); 10] = [
    (
        "Event.csv",
        &[
            "eventId:ID(Event)",
            "type",
            "status",
            "date:date",
            "when",
            "until",
            "precision",
            "confidence:float",
            "key",
            "trigger",
            "evidence",
            "docId",
            ":LABEL",
        ],
    ),
    (
        "Article.csv",
        &["articleId:ID(Article)", "date:date", ":LABEL"],
    ),
    (
        "MET.csv",
        &[
            ":START_ID(Entity)",
            ":END_ID(Entity)",
            "event",
            "date:date",
            "when",
            "place",
            "status",
            "confidence:float",
            ":TYPE",
        ],
    ),
    (
        "VISITED.csv",
        &[
            ":START_ID(Entity)",
            ":END_ID(Entity)",
            "event",
            "date:date",
            "when",
            "status",
            "confidence:float",
            ":TYPE",
        ],
    ),
    (
        "INVITED.csv",
        &[
            ":START_ID(Entity)",
            ":END_ID(Entity)",
            "event",
            "date:date",
            "when",
            "status",
            "confidence:float",
            ":TYPE",
        ],
    ),
    (
        "PARTICIPANT_IN.csv",
        &[":START_ID(Entity)", ":END_ID(Event)", ":TYPE"],
    ),
    (
        "TOOK_PLACE_IN.csv",
        &[":START_ID(Event)", ":END_ID(Entity)", ":TYPE"],
    ),
    (
        "NAMED_EVENT_TOOK_PLACE_IN.csv",
        &[":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"],
    ),
    (
        "MENTIONED_IN.csv",
        &[
            ":START_ID(Entity)",
            ":END_ID(Article)",
            "count:int",
            ":TYPE",
        ],
    ),
    (
        "EVENT_REPORTED_IN.csv",
        &[":START_ID(Event)", ":END_ID(Article)", ":TYPE"],
    ),
];

/// The Neo4j sink.
pub struct Neo4jSink {
    dir: PathBuf,
    files: Vec<File>,
    entities: BTreeMap<EntityId, EntityInfo>,
    /// Named-event places already written: one relationship per pair for the corpus.
    named_places: std::collections::HashSet<(String, String)>,
}

fn day(v: Option<crate::model::DateValue>) -> String {
    v.filter(|d| d.precision() == Precision::Day)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

impl Neo4jSink {
    /// Creates `dir/neo4j/` and opens the streamed files.
    pub fn new(dir: &Path) -> Result<Neo4jSink, SinkError> {
        let dir = dir.join("neo4j");
        std::fs::create_dir_all(&dir).map_err(|source| SinkError {
            path: dir.clone(),
            source,
        })?;
        let mut files = Vec::new();
        for (name, header) in FILES {
            files.push(File::create(&dir, name, header)?);
        }
        Ok(Neo4jSink {
            dir,
            files,
            entities: BTreeMap::new(),
            named_places: Default::default(),
        })
    }

    fn file(&mut self, name: &str) -> &mut File {
        let k = FILES
            .iter()
            .position(|(n, _)| *n == name)
            .expect("a known file");
        &mut self.files[k]
    }

    /// Writes the nodes and relationships of one record.
    pub fn write(&mut self, r: &Record) -> Result<(), SinkError> {
        if r.error.is_some() {
            return Ok(());
        }
        for (id, info) in &r.entities {
            self.entities
                .entry(id.clone())
                .or_insert_with(|| info.clone());
        }
        let article = r.doc_id.clone();
        self.file("Article.csv")
            .row(&[article.as_str(), &day(r.date), "Article"])?;
        let mut counts: BTreeMap<&EntityId, u32> = BTreeMap::new();
        for m in &r.mentions {
            *counts.entry(&m.entity).or_default() += 1;
        }
        for (id, n) in counts {
            self.file("MENTIONED_IN.csv").row(&[
                id.as_str(),
                &article,
                &n.to_string(),
                "MENTIONED_IN",
            ])?;
        }
        for e in &r.events {
            let when = e.date.map(|d| d.to_string()).unwrap_or_default();
            let precision = e
                .date
                .map(|d| format!("{:?}", d.precision()).to_lowercase())
                .unwrap_or_default();
            let evidence = e.evidence.first().map(|s| s.text.as_str()).unwrap_or("");
            let confidence = format!("{:.2}", e.confidence);
            self.file("Event.csv").row(&[
                e.id.as_str(),
                e.kind.as_str(),
                e.status.as_str(),
                &day(e.date),
                &when,
                &e.until.map(|d| d.to_string()).unwrap_or_default(),
                &precision,
                &confidence,
                &e.key,
                &super::neutralize(&e.trigger.text),
                &super::neutralize(evidence),
                &article,
                "Event",
            ])?;
            self.file("EVENT_REPORTED_IN.csv")
                .row(&[e.id.as_str(), &article, "REPORTED_IN"])?;
            for p in &e.participants {
                self.file("PARTICIPANT_IN.csv")
                    .row(&[p.as_str(), &e.id, "PARTICIPANT_IN"])?;
            }
            if let Some(p) = &e.place {
                self.file("TOOK_PLACE_IN.csv").row(&[
                    e.id.as_str(),
                    p.as_str(),
                    "TOOK_PLACE_IN",
                ])?;
            }
        }
        for t in &r.triples {
            let when = t.date.map(|d| d.to_string()).unwrap_or_default();
            let status = t.status.map(|s| s.as_str()).unwrap_or("");
            let confidence = format!("{:.2}", t.confidence);
            let event = t.event.clone().unwrap_or_default();
            match t.predicate {
                Predicate::Met => {
                    let place = t.place.as_ref().map(|p| p.as_str()).unwrap_or("");
                    self.file("MET.csv").row(&[
                        t.subject.as_str(),
                        &t.object,
                        &event,
                        &day(t.date),
                        &when,
                        place,
                        status,
                        &confidence,
                        "MET",
                    ])?;
                }
                Predicate::Visited | Predicate::Invited => {
                    let (name, kind) = if t.predicate == Predicate::Visited {
                        ("VISITED.csv", "VISITED")
                    } else {
                        ("INVITED.csv", "INVITED")
                    };
                    self.file(name).row(&[
                        t.subject.as_str(),
                        &t.object,
                        &event,
                        &day(t.date),
                        &when,
                        status,
                        &confidence,
                        kind,
                    ])?;
                }
                // A named event's place: entity to entity (events' places come from the events).
                Predicate::TakesPlaceIn
                    if r.entities.contains_key(&EntityId::new(&t.subject))
                        && self
                            .named_places
                            .insert((t.subject.clone(), t.object.clone())) =>
                {
                    self.file("NAMED_EVENT_TOOK_PLACE_IN.csv").row(&[
                        t.subject.as_str(),
                        &t.object,
                        "TOOK_PLACE_IN",
                    ])?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Writes the entity node files and `load.cypher`, and commits everything.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        let Neo4jSink {
            dir,
            files,
            entities,
            ..
        } = self;
        let mut out = Vec::new();
        for kind in EntityKind::ALL {
            let mut f = File::create(&dir, &format!("{}.csv", label(kind)), &ENTITY_HEADER)?;
            for (id, info) in entities.iter().filter(|(_, i)| i.kind == kind) {
                f.row(&[
                    id.as_str(),
                    &super::neutralize(&info.name),
                    info.wikidata.as_deref().unwrap_or(""),
                    label(kind),
                ])?;
            }
            out.push(f.file.commit()?);
        }
        for f in files {
            out.push(f.file.commit()?);
        }
        let mut cypher = AtomicFile::create(&dir, "load.cypher")?;
        let text = load_cypher();
        cypher
            .writer()
            .write_all(text.as_bytes())
            .map_err(|e| cypher.err(e))?;
        out.push(cypher.commit()?);
        Ok(out)
    }

    /// Drops the temporary files.
    pub fn abort(self) {
        for f in self.files {
            f.file.abort();
        }
    }
}

/// `LOAD CSV` / `MERGE` statements that load the same files into a running server (put them in
/// its import folder). Kept in step with the headers above.
fn load_cypher() -> String {
    let mut s = String::from(
        "// newsgraph: load the CSV files of this folder into a running Neo4j server.\n\
         // Copy them into the server's import folder, then run: cypher-shell -f load.cypher\n\n",
    );
    for kind in EntityKind::ALL {
        let l = label(kind);
        s += &format!("CREATE CONSTRAINT IF NOT EXISTS FOR (n:{l}) REQUIRE n.id IS UNIQUE;\n");
    }
    s += "CREATE CONSTRAINT IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;\n\
          CREATE CONSTRAINT IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;\n\n";
    for kind in EntityKind::ALL {
        let l = label(kind);
        s += &format!(
            "LOAD CSV WITH HEADERS FROM 'file:///{l}.csv' AS row\n\
             MERGE (n:{l} {{id: row.`entityId:ID(Entity)`}})\n\
             SET n.name = row.name, n.wikidata = CASE row.wikidata WHEN '' THEN null ELSE row.wikidata END;\n\n"
        );
    }
    s += "LOAD CSV WITH HEADERS FROM 'file:///Article.csv' AS row\n\
          MERGE (a:Article {id: row.`articleId:ID(Article)`})\n\
          SET a.date = CASE row.`date:date` WHEN '' THEN null ELSE date(row.`date:date`) END;\n\n\
          LOAD CSV WITH HEADERS FROM 'file:///Event.csv' AS row\n\
          MERGE (e:Event {id: row.`eventId:ID(Event)`})\n\
          SET e.type = row.type, e.status = row.status, e.when = row.when, e.precision = row.precision,\n\
          \x20   e.until = CASE row.until WHEN '' THEN null ELSE row.until END,\n\
          \x20   e.date = CASE row.`date:date` WHEN '' THEN null ELSE date(row.`date:date`) END,\n\
          \x20   e.confidence = toFloat(row.`confidence:float`), e.key = row.key, e.trigger = row.trigger,\n\
          \x20   e.evidence = row.evidence, e.docId = row.docId;\n\n";
    let entity_match = "MATCH (a {id: row.`:START_ID(Entity)`}), (b {id: row.`:END_ID(Entity)`})";
    for (file, rel) in [
        ("MET", "MET"),
        ("VISITED", "VISITED"),
        ("INVITED", "INVITED"),
    ] {
        s += &format!(
            "LOAD CSV WITH HEADERS FROM 'file:///{file}.csv' AS row\n\
             {entity_match}\n\
             WHERE NOT a:Event AND NOT a:Article AND NOT b:Event AND NOT b:Article\n\
             MERGE (a)-[r:{rel} {{event: row.event}}]->(b)\n\
             SET r.when = row.when, r.status = row.status, r.confidence = toFloat(row.`confidence:float`),\n\
             \x20   r.date = CASE row.`date:date` WHEN '' THEN null ELSE date(row.`date:date`) END{};\n\n",
            if rel == "MET" {
                ", r.place = row.place"
            } else {
                ""
            }
        );
    }
    s += "LOAD CSV WITH HEADERS FROM 'file:///PARTICIPANT_IN.csv' AS row\n\
          MATCH (a {id: row.`:START_ID(Entity)`}), (e:Event {id: row.`:END_ID(Event)`})\n\
          WHERE NOT a:Event AND NOT a:Article\n\
          MERGE (a)-[:PARTICIPANT_IN]->(e);\n\n\
          LOAD CSV WITH HEADERS FROM 'file:///TOOK_PLACE_IN.csv' AS row\n\
          MATCH (e:Event {id: row.`:START_ID(Event)`}), (p {id: row.`:END_ID(Entity)`})\n\
          WHERE NOT p:Event AND NOT p:Article\n\
          MERGE (e)-[:TOOK_PLACE_IN]->(p);\n\n\
          LOAD CSV WITH HEADERS FROM 'file:///NAMED_EVENT_TOOK_PLACE_IN.csv' AS row\n\
          MATCH (n:NamedEvent {id: row.`:START_ID(Entity)`}), (p {id: row.`:END_ID(Entity)`})\n\
          WHERE NOT p:Event AND NOT p:Article\n\
          MERGE (n)-[:TOOK_PLACE_IN]->(p);\n\n\
          LOAD CSV WITH HEADERS FROM 'file:///MENTIONED_IN.csv' AS row\n\
          MATCH (n {id: row.`:START_ID(Entity)`}), (a:Article {id: row.`:END_ID(Article)`})\n\
          WHERE NOT n:Event AND NOT n:Article\n\
          MERGE (n)-[r:MENTIONED_IN]->(a) SET r.count = toInteger(row.`count:int`);\n\n\
          LOAD CSV WITH HEADERS FROM 'file:///EVENT_REPORTED_IN.csv' AS row\n\
          MATCH (e:Event {id: row.`:START_ID(Event)`}), (a:Article {id: row.`:END_ID(Article)`})\n\
          MERGE (e)-[:REPORTED_IN]->(a);\n";
    s
}
