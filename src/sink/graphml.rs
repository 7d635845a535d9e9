//! The who-met-whom network as GraphML, for Gephi, Cytoscape and networkx.
//!
//! Nodes are the people (and countries, where no person is named) of MET triples, with their
//! QIDs; one undirected edge per pair carries how many events joined them, the first and last
//! date, and the event ids (a JSON array). The network is collected over the corpus and written at the end.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{AtomicFile, SinkError};
use crate::model::{DateValue, EntityId, EntityInfo, Predicate, Record, Status};

#[derive(Default)]
struct Edge {
    count: u32,
    first: Option<DateValue>,
    last: Option<DateValue>,
    events: BTreeSet<String>,
}

/// The GraphML sink.
pub struct GraphmlSink {
    dir: PathBuf,
    nodes: BTreeMap<EntityId, EntityInfo>,
    edges: BTreeMap<(EntityId, EntityId), Edge>,
}

/// Escapes text for XML attribute values and element content.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl GraphmlSink {
    /// A sink writing `dir/network.graphml` at the end.
    pub fn new(dir: &Path) -> GraphmlSink {
        GraphmlSink {
            dir: dir.to_path_buf(),
            nodes: BTreeMap::new(),
            edges: BTreeMap::new(),
        }
    }

    /// Adds the MET triples of events that happened.
    pub fn write(&mut self, r: &Record) {
        for t in &r.triples {
            if t.predicate != Predicate::Met || t.status != Some(Status::Happened) {
                continue;
            }
            let (a, b) = (EntityId::new(&t.subject), EntityId::new(&t.object));
            for id in [&a, &b] {
                if let Some(info) = r.entities.get(id) {
                    self.nodes.entry(id.clone()).or_insert_with(|| info.clone());
                }
            }
            let edge = self.edges.entry((a, b)).or_default();
            let event = t.event.clone().unwrap_or_default();
            if edge.events.insert(event) {
                edge.count += 1;
                if let Some(d) = t.date {
                    edge.first = Some(edge.first.map_or(d, |f| f.min(d)));
                    edge.last = Some(edge.last.map_or(d, |l| l.max(d)));
                }
            }
        }
    }

    /// Writes and commits `network.graphml`.
    pub fn finish(self) -> Result<Vec<PathBuf>, SinkError> {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n\
             \x20 <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
             \x20 <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n\
             \x20 <key id=\"wikidata\" for=\"node\" attr.name=\"wikidata\" attr.type=\"string\"/>\n\
             \x20 <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n\
             \x20 <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n\
             \x20 <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n\
             \x20 <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"string\"/>\n\
             \x20 <graph id=\"met\" edgedefault=\"undirected\">\n",
        );
        for (id, info) in &self.nodes {
            s += &format!(
                "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"type\">{}</data><data key=\"wikidata\">{}</data></node>\n",
                xml(id.as_str()),
                xml(&info.name),
                info.kind,
                xml(info.wikidata.as_deref().unwrap_or(""))
            );
        }
        for (n, ((a, b), e)) in self.edges.iter().enumerate() {
            let date = |d: Option<DateValue>| d.map(|d| d.to_string()).unwrap_or_default();
            let events = serde_json::to_string(&e.events).expect("strings serialize");
            s += &format!(
                "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\"><data key=\"count\">{}</data><data key=\"first\">{}</data><data key=\"last\">{}</data><data key=\"events\">{}</data></edge>\n",
                xml(a.as_str()),
                xml(b.as_str()),
                e.count,
                date(e.first),
                date(e.last),
                xml(&events)
            );
        }
        s += "  </graph>\n</graphml>\n";
        let mut f = AtomicFile::create(&self.dir, "network.graphml")?;
        f.writer().write_all(s.as_bytes()).map_err(|e| f.err(e))?;
        Ok(vec![f.commit()?])
    }
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn text_is_escaped() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
