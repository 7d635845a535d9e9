//! RDF: N-Triples, and N-Quads with one named graph per article, written through `oxrdf` and
//! `oxttl` (terms are built and escaped by the library, never by string concatenation).
//!
//! Entities with a QID are Wikidata IRIs (`http://www.wikidata.org/entity/Q7747`); others,
//! events and articles live under [`BASE`]. Events use schema.org (`schema:Event`,
//! `schema:attendee`, `schema:location`, `schema:startDate`, `schema:endDate`) and a small vocabulary under
//! [`VOCAB`] for what schema.org lacks (event kind, status, the relations MET, VISITED,
//! INVITED, evidence offsets, confidence). Names are `@ru` literals; dates are `xsd:date`,
//! `xsd:gYearMonth` or `xsd:gYear` by precision. The vocabulary is documented in README.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxttl::{NQuadsSerializer, NTriplesSerializer};

use super::{AtomicFile, SinkError};
use crate::model::{DateValue, EntityId, EntityKind, EventType, Precision, Predicate, Record};

/// Namespace of newsgraph's own resources (entities without a QID, events, articles).
pub const BASE: &str = "https://newsgraph.example.org/id/";
/// Namespace of newsgraph's vocabulary.
pub const VOCAB: &str = "https://newsgraph.example.org/ns#";
const SCHEMA: &str = "http://schema.org/";
const WIKIDATA: &str = "http://www.wikidata.org/entity/";
const PROV: &str = "http://www.w3.org/ns/prov#";

/// Percent-encodes everything but unreserved characters, so any document id makes a valid IRI.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn iri(s: String) -> NamedNode {
    NamedNode::new(s).expect("built from a fixed prefix and percent-encoded text")
}

/// The IRI of an entity.
pub fn entity_iri(id: &EntityId) -> NamedNode {
    match id.wikidata() {
        Some(q) => iri(format!("{WIKIDATA}{q}")),
        None => iri(format!("{BASE}{}", encode(id.as_str()))),
    }
}

/// The IRI of an event (its id is `<doc_id>#e<n>`).
pub fn event_iri(id: &str) -> NamedNode {
    iri(format!("{BASE}event/{}", encode(id)))
}

/// The IRI of an article.
pub fn article_iri(doc_id: &str) -> NamedNode {
    iri(format!("{BASE}article/{}", encode(doc_id)))
}

fn schema(local: &str) -> NamedNode {
    iri(format!("{SCHEMA}{local}"))
}

fn vocab(local: &str) -> NamedNode {
    iri(format!("{VOCAB}{local}"))
}

fn date_literal(d: DateValue) -> Literal {
    let datatype = match d.precision() {
        Precision::Day => xsd::DATE,
        Precision::Month => xsd::G_YEAR_MONTH,
        Precision::Year => xsd::G_YEAR,
    };
    Literal::new_typed_literal(d.to_string(), datatype)
}

fn ru(text: &str) -> Literal {
    Literal::new_language_tagged_literal(text, "ru").expect("«ru» is a valid language tag")
}

fn int(n: u32) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn class_of(kind: EntityKind) -> NamedNode {
    schema(match kind {
        EntityKind::Person => "Person",
        EntityKind::Country => "Country",
        EntityKind::City => "City",
        EntityKind::Region => "AdministrativeArea",
        EntityKind::Organization => "Organization",
        EntityKind::Event => "Event",
    })
}

fn event_class(kind: EventType) -> NamedNode {
    vocab(match kind {
        EventType::Meeting => "Meeting",
        EventType::Talks => "Talks",
        EventType::Visit => "Visit",
        EventType::PhoneCall => "PhoneCall",
        EventType::Invitation => "Invitation",
    })
}

/// The statements of one record, as triples.
pub fn triples_of(r: &Record) -> Vec<Triple> {
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        out.push(Triple::new(NamedOrBlankNode::NamedNode(s.clone()), p, o));
    };
    let article = article_iri(&r.doc_id);
    add(&article, rdf::TYPE.into(), schema("NewsArticle").into());
    add(
        &article,
        schema("identifier"),
        Literal::new_simple_literal(&r.doc_id).into(),
    );
    if let Some(d) = r.date {
        add(&article, schema("datePublished"), date_literal(d).into());
    }
    for (id, info) in &r.entities {
        let e = entity_iri(id);
        add(&e, rdf::TYPE.into(), class_of(info.kind).into());
        add(&e, schema("name"), ru(&info.name).into());
        add(
            &e,
            vocab("id"),
            Literal::new_simple_literal(id.as_str()).into(),
        );
        add(&article, schema("mentions"), e.clone().into());
    }
    for ev in &r.events {
        let e = event_iri(&ev.id);
        add(&e, rdf::TYPE.into(), schema("Event").into());
        add(&e, rdf::TYPE.into(), event_class(ev.kind).into());
        add(&e, vocab("status"), vocab(ev.status.as_str()).into());
        add(
            &e,
            vocab("confidence"),
            Literal::new_typed_literal(format!("{:.2}", ev.confidence), xsd::DECIMAL).into(),
        );
        add(
            &e,
            vocab("key"),
            Literal::new_simple_literal(&ev.key).into(),
        );
        add(&e, vocab("trigger"), ru(&ev.trigger.text).into());
        add(&e, prov("wasDerivedFrom"), article.clone().into());
        for p in &ev.participants {
            add(&e, schema("attendee"), entity_iri(p).into());
        }
        if let Some(p) = &ev.place {
            add(&e, schema("location"), entity_iri(p).into());
        }
        if let Some(d) = ev.date {
            add(&e, schema("startDate"), date_literal(d).into());
        }
        if let Some(d) = ev.until {
            add(&e, schema("endDate"), date_literal(d).into());
        }
        if let Some(first) = ev.evidence.first() {
            add(&e, vocab("evidenceText"), ru(&first.text).into());
            add(&e, vocab("evidenceStart"), int(first.start).into());
            add(&e, vocab("evidenceEnd"), int(first.end).into());
        }
    }
    for t in &r.triples {
        let predicate = match t.predicate {
            Predicate::Met => vocab("met"),
            Predicate::Visited => vocab("visited"),
            Predicate::Invited => vocab("invited"),
            // PARTICIPANT_IN, TAKES_PLACE_IN and POINT_IN_TIME of events are stated on the
            // events above; a named event's place is stated here.
            Predicate::TakesPlaceIn
                if t.event.is_none() || r.entities.contains_key(&EntityId::new(&t.subject)) =>
            {
                schema("location")
            }
            _ => continue,
        };
        let subject = EntityId::new(&t.subject);
        let object = EntityId::new(&t.object);
        if !r.entities.contains_key(&subject) || !r.entities.contains_key(&object) {
            continue;
        }
        add(&entity_iri(&subject), predicate, entity_iri(&object).into());
    }
    // The same entity or relation may be stated twice in one record; once is enough.
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| seen.insert(t.clone()));
    out
}

fn prov(local: &str) -> NamedNode {
    iri(format!("{PROV}{local}"))
}

/// Which RDF syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfSyntax {
    /// N-Triples: one default graph for the corpus.
    NTriples,
    /// N-Quads: one named graph per article.
    NQuads,
}

/// The RDF sink.
pub struct RdfSink {
    syntax: RdfSyntax,
    file: AtomicFile,
}

impl RdfSink {
    /// Opens `graph.nt` or `graph.nq` in `dir`.
    pub fn new(dir: &Path, syntax: RdfSyntax) -> Result<RdfSink, SinkError> {
        let name = match syntax {
            RdfSyntax::NTriples => "graph.nt",
            RdfSyntax::NQuads => "graph.nq",
        };
        Ok(RdfSink {
            syntax,
            file: AtomicFile::create(dir, name)?,
        })
    }

    /// Writes the statements of one record.
    pub fn write(&mut self, r: &Record) -> Result<(), SinkError> {
        if r.error.is_some() {
            return Ok(());
        }
        let triples = triples_of(r);
        let mut buf = BufWriter::new(Vec::with_capacity(4096));
        let result = match self.syntax {
            RdfSyntax::NTriples => {
                let mut s = NTriplesSerializer::new().for_writer(&mut buf);
                triples.iter().try_for_each(|t| s.serialize_triple(t))
            }
            RdfSyntax::NQuads => {
                let graph = GraphName::NamedNode(article_iri(&r.doc_id));
                let mut s = NQuadsSerializer::new().for_writer(&mut buf);
                triples.into_iter().try_for_each(|t| {
                    s.serialize_quad(&Quad::new(t.subject, t.predicate, t.object, graph.clone()))
                })
            }
        };
        result.map_err(|e| self.file.err(e))?;
        let bytes = buf
            .into_inner()
            .map_err(|e| self.file.err(e.into_error()))?;
        self.file
            .writer()
            .write_all(&bytes)
            .map_err(|e| self.file.err(e))
    }

    /// Commits the file.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        Ok(vec![self.file.commit()?])
    }

    /// Drops the temporary file.
    pub fn abort(self) {
        self.file.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_document_id_makes_a_valid_iri() {
        for id in ["a b/c?d#e", "../../etc", "Путин «», <>\"{}|\\^`", ""] {
            let _ = article_iri(id);
            let _ = event_iri(&format!("{id}#e1"));
        }
        assert_eq!(
            entity_iri(&EntityId::new("wikidata:Q7747")).as_str(),
            "http://www.wikidata.org/entity/Q7747"
        );
    }
}
