//! Scoring BRAT standoff against gold: exact spans, precision/recall/F1 per type, Wikidata
//! link accuracy, and relations by the spans of their arguments.
//!
//! Gold and predictions are folders of `*.ann` files with the same names (NEREL's layout). A
//! gold file without a prediction counts as all misses; a prediction without a gold file is
//! ignored (it cannot be scored). Entity types outside the scored set are ignored on both
//! sides.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The NEREL entity types newsgraph produces.
pub const ENTITY_TYPES: [&str; 6] = [
    "PERSON",
    "COUNTRY",
    "CITY",
    "STATE_OR_PROVINCE",
    "ORGANIZATION",
    "EVENT",
];

/// Location types scored together as `LOCATION (merged)`.
pub const LOCATION_TYPES: [&str; 3] = ["COUNTRY", "CITY", "STATE_OR_PROVINCE"];

/// The NEREL relation types newsgraph produces.
pub const RELATION_TYPES: [&str; 3] = ["PARTICIPANT_IN", "TAKES_PLACE_IN", "POINT_IN_TIME"];

/// A span: fragments as `(start, end)` code-point pairs (one unless discontinuous).
pub type SpanKey = Vec<(u32, u32)>;

/// One BRAT document: entities by id, relations, and Wikidata links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnDoc {
    /// `T` id → (type, span).
    pub entities: BTreeMap<String, (String, SpanKey)>,
    /// `(type, arg1 id, arg2 id)`.
    pub relations: Vec<(String, String, String)>,
    /// `T` id → QID (`Q…`), from `N` lines; `NULL` links are left out.
    pub links: BTreeMap<String, String>,
}

/// Parses one `.ann` file. Lines that are not T, R or N lines (events, attributes, notes) are
/// skipped; malformed lines are errors with their line number.
pub fn parse_ann(text: &str) -> Result<AnnDoc, String> {
    let mut doc = AnnDoc::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let bad = |what: &str| format!("line {}: {what}: {line:?}", n + 1);
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        match id.chars().next() {
            Some('T') => {
                let (kind, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
                let mut span = Vec::new();
                for frag in offsets.split(';') {
                    let (s, e) = frag
                        .trim()
                        .split_once(' ')
                        .ok_or_else(|| bad("bad offsets"))?;
                    let s: u32 = s.parse().map_err(|_| bad("bad start"))?;
                    let e: u32 = e.parse().map_err(|_| bad("bad end"))?;
                    span.push((s, e));
                }
                doc.entities
                    .insert(id.to_string(), (kind.to_string(), span));
            }
            Some('R') => {
                let mut parts = body.split_whitespace();
                let kind = parts.next().ok_or_else(|| bad("no type"))?;
                let a1 = parts
                    .next()
                    .and_then(|a| a.strip_prefix("Arg1:"))
                    .ok_or_else(|| bad("no Arg1"))?;
                let a2 = parts
                    .next()
                    .and_then(|a| a.strip_prefix("Arg2:"))
                    .ok_or_else(|| bad("no Arg2"))?;
                doc.relations
                    .push((kind.to_string(), a1.to_string(), a2.to_string()));
            }
            Some('N') => {
                // N1	Reference T8 Wikidata:Q757253	name
                let mut parts = body.split_whitespace();
                let _ = parts.next();
                let target = parts.next().ok_or_else(|| bad("no target"))?;
                let link = parts.next().ok_or_else(|| bad("no link"))?;
                if let Some(q) = link.strip_prefix("Wikidata:")
                    && q != "NULL"
                    && q.starts_with('Q')
                {
                    doc.links.insert(target.to_string(), q.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(doc)
}

/// Counts of one scored type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// True positives.
    pub tp: u64,
    /// Predicted.
    pub pred: u64,
    /// Gold.
    pub gold: u64,
}

impl Prf {
    /// Precision.
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }

    /// Recall.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add<T: Ord>(&mut self, gold: &BTreeSet<T>, pred: &BTreeSet<T>) {
        self.gold += gold.len() as u64;
        self.pred += pred.len() as u64;
        self.tp += pred.intersection(gold).count() as u64;
    }
}

/// The whole evaluation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Gold files without a prediction.
    pub missing: Vec<String>,
    /// Per entity type, plus `LOCATION (merged)` and `ALL`.
    pub entities: BTreeMap<String, Prf>,
    /// Per relation type.
    pub relations: BTreeMap<String, Prf>,
    /// Gold entities with a QID whose span was found with a QID.
    pub linked: u64,
    /// Of those, with the right QID.
    pub linked_right: u64,
    /// Gold entities with a QID whose span was found (as a scored type) without a QID: an
    /// entity of the tool's own id space (`ng:…`) or none, so a link missed.
    pub found_unlinked: u64,
}

impl Report {
    /// Wikidata link accuracy on the gold-linked spans found: the right QID over every such
    /// span, whether the prediction gave it a QID or not.
    pub fn link_accuracy(&self) -> f64 {
        let found = self.linked + self.found_unlinked;
        if found == 0 {
            0.0
        } else {
            self.linked_right as f64 / found as f64
        }
    }

    /// The right QID over the gold-linked spans found with a QID (wrong QIDs only; a span
    /// found without one does not count).
    pub fn qid_accuracy(&self) -> f64 {
        if self.linked == 0 {
            0.0
        } else {
            self.linked_right as f64 / self.linked as f64
        }
    }

    /// A Markdown table, as in README.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| type | gold | predicted | correct | precision | recall | F1 |"
        );
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
        let mut row = |name: &str, p: &Prf| {
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                p.gold,
                p.pred,
                p.tp,
                p.precision(),
                p.recall(),
                p.f1()
            );
        };
        for t in ENTITY_TYPES
            .iter()
            .copied()
            .chain(["LOCATION (merged)", "ALL"])
        {
            if let Some(p) = self.entities.get(t) {
                row(t, p);
            }
        }
        for t in RELATION_TYPES {
            if let Some(p) = self.relations.get(t) {
                row(t, p);
            }
        }
        let _ = writeln!(
            out,
            "\nWikidata link accuracy on the gold-linked spans found: {:.3} ({} of {}; {} found \
             without a QID); of those found with a QID, {:.3} right; {} documents{}",
            self.link_accuracy(),
            self.linked_right,
            self.linked + self.found_unlinked,
            self.found_unlinked,
            self.qid_accuracy(),
            self.documents,
            if self.missing.is_empty() {
                String::new()
            } else {
                format!(", {} without a prediction", self.missing.len())
            }
        );
        out
    }
}

/// Scores one pair of documents into `report`.
pub fn score_pair(gold: &AnnDoc, pred: &AnnDoc, report: &mut Report) {
    report.documents += 1;
    let types: BTreeSet<&str> = ENTITY_TYPES.iter().copied().collect();
    let keys = |d: &AnnDoc, ty: Option<&str>| -> BTreeSet<(String, SpanKey)> {
        d.entities
            .values()
            .filter(|(k, _)| types.contains(k.as_str()) && ty.is_none_or(|t| t == k))
            .cloned()
            .collect()
    };
    for t in ENTITY_TYPES {
        report
            .entities
            .entry(t.to_string())
            .or_default()
            .add(&keys(gold, Some(t)), &keys(pred, Some(t)));
    }
    report
        .entities
        .entry("ALL".into())
        .or_default()
        .add(&keys(gold, None), &keys(pred, None));
    let loc = |d: &AnnDoc| -> BTreeSet<SpanKey> {
        d.entities
            .values()
            .filter(|(k, _)| LOCATION_TYPES.contains(&k.as_str()))
            .map(|(_, s)| s.clone())
            .collect()
    };
    report
        .entities
        .entry("LOCATION (merged)".into())
        .or_default()
        .add(&loc(gold), &loc(pred));

    // Links: gold spans with a QID, found (any scored type) with a QID, or without one.
    let pred_links: HashMap<&SpanKey, &String> = pred
        .links
        .iter()
        .filter_map(|(id, q)| pred.entities.get(id).map(|(_, s)| (s, q)))
        .collect();
    let pred_spans: HashSet<&SpanKey> = pred
        .entities
        .values()
        .filter(|(k, _)| types.contains(k.as_str()))
        .map(|(_, s)| s)
        .collect();
    for (id, q) in &gold.links {
        let Some((kind, span)) = gold.entities.get(id) else {
            continue;
        };
        if !types.contains(kind.as_str()) {
            continue;
        }
        if let Some(pq) = pred_links.get(span) {
            report.linked += 1;
            report.linked_right += (*pq == q) as u64;
        } else if pred_spans.contains(span) {
            report.found_unlinked += 1;
        }
    }

    // Relations by the spans of their arguments.
    let rels = |d: &AnnDoc, t: &str| -> BTreeSet<(SpanKey, SpanKey)> {
        d.relations
            .iter()
            .filter(|(k, _, _)| k == t)
            .filter_map(|(_, a, b)| {
                Some((d.entities.get(a)?.1.clone(), d.entities.get(b)?.1.clone()))
            })
            .collect()
    };
    for t in RELATION_TYPES {
        report
            .relations
            .entry(t.to_string())
            .or_default()
            .add(&rels(gold, t), &rels(pred, t));
    }
}

/// Scores every `*.ann` of `gold_dir` against the file of the same name in `pred_dir`.
pub fn evaluate(gold_dir: &Path, pred_dir: &Path) -> Result<Report, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(|e| format!("{}: {e}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no .ann files", gold_dir.display()));
    }
    let mut report = Report::default();
    for g in names {
        let name = g.file_name().expect("a file").to_owned();
        let read = |p: &Path| -> Result<AnnDoc, String> {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            parse_ann(&text).map_err(|e| format!("{}: {e}", p.display()))
        };
        let gold = read(&g)?;
        let p = pred_dir.join(&name);
        let pred = if p.exists() {
            read(&p)?
        } else {
            report.missing.push(name.to_string_lossy().to_string());
            AnnDoc::default()
        };
        score_pair(&gold, &pred, &mut report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "T1\tPERSON 0 5\tПутин\nT2\tCITY 10 16\tКазани\nT3\tCOUNTRY 20 26\tРоссии\nT4\tEVENT 30 37\tвстреча\nT5\tPROFESSION 40 50\tпрезидент\nT6\tSTATE_OR_PROVINCE 60 62;63 70\tдва куска\nR1\tPARTICIPANT_IN Arg1:T1 Arg2:T4\t\nR2\tTAKES_PLACE_IN Arg1:T4 Arg2:T2\t\nN1\tReference T1 Wikidata:Q7747\tВладимир Путин\nN2\tReference T2 Wikidata:Q900\tКазань\nN3\tReference T3 Wikidata:NULL\t\n";

    #[test]
    fn known_answers() {
        let gold = parse_ann(GOLD).unwrap();
        assert_eq!(gold.entities["T6"].1, vec![(60, 62), (63, 70)]);
        assert_eq!(gold.links.len(), 2, "NULL links are dropped");
        // Prediction: Путин right (right QID), Казани as COUNTRY (wrong type, right span, wrong
        // QID), России missed, an extra CITY, the event right, one relation right.
        let pred = parse_ann(
            "T1\tPERSON 0 5\tПутин\nT2\tCOUNTRY 10 16\tКазани\nT3\tCITY 80 85\tМосква\nT4\tEVENT 30 37\tвстреча\nR1\tPARTICIPANT_IN Arg1:T1 Arg2:T4\t\nR2\tTAKES_PLACE_IN Arg1:T4 Arg2:T3\t\nN1\tReference T1 Wikidata:Q7747\t\nN2\tReference T2 Wikidata:Q1\t\n",
        )
        .unwrap();
        let mut r = Report::default();
        score_pair(&gold, &pred, &mut r);
        let e = |t: &str| r.entities[t];
        assert_eq!(
            e("PERSON"),
            Prf {
                tp: 1,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(
            e("CITY"),
            Prf {
                tp: 0,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(
            e("COUNTRY"),
            Prf {
                tp: 0,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(
            e("STATE_OR_PROVINCE"),
            Prf {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
        // Merged locations: the Казани span counts whatever the location type.
        assert_eq!(
            e("LOCATION (merged)"),
            Prf {
                tp: 1,
                pred: 2,
                gold: 3
            }
        );
        // PROFESSION is not scored.
        assert_eq!(
            e("ALL"),
            Prf {
                tp: 2,
                pred: 4,
                gold: 5
            }
        );
        assert_eq!((r.linked, r.linked_right, r.found_unlinked), (2, 1, 0));
        assert_eq!(r.link_accuracy(), 0.5);
        // The same spans, Казани without a QID (an `ng:` id): found, not linked, so wrong.
        let unlinked = parse_ann(
            "T1\tPERSON 0 5\tПутин\nT2\tCITY 10 16\tКазани\nN1\tReference T1 Wikidata:Q7747\t\n",
        )
        .unwrap();
        let mut u = Report::default();
        score_pair(&gold, &unlinked, &mut u);
        assert_eq!((u.linked, u.linked_right, u.found_unlinked), (1, 1, 1));
        assert_eq!((u.link_accuracy(), u.qid_accuracy()), (0.5, 1.0));
        assert_eq!(
            r.relations["PARTICIPANT_IN"],
            Prf {
                tp: 1,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(
            r.relations["TAKES_PLACE_IN"],
            Prf {
                tp: 0,
                pred: 1,
                gold: 1
            }
        );
        let p = e("ALL");
        assert!((p.precision() - 0.5).abs() < 1e-9 && (p.recall() - 0.4).abs() < 1e-9);
        assert!((p.f1() - 4.0 / 9.0).abs() < 1e-9);
    }

    #[test]
    fn malformed_lines_are_errors() {
        assert!(
            parse_ann("T1\tPERSON x 5\tПутин\n")
                .unwrap_err()
                .starts_with("line 1")
        );
        assert!(parse_ann("R1\tPARTICIPANT_IN T1 T2\n").is_err());
    }
}

/// Scoring of contact events against the gold sets in `tests/data/` (format and rules in
/// `tests/data/README.md`).
pub mod events {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;

    use serde::Deserialize;

    use crate::model::Record;

    /// A participant or place in the gold: a name and, when known, a QID.
    #[derive(Clone, Debug, Deserialize, PartialEq)]
    pub struct GoldEntity {
        /// Canonical nominative name.
        pub name: String,
        /// QID (`Q…`).
        #[serde(default)]
        pub wikidata: Option<String>,
    }

    /// A gold event.
    #[derive(Clone, Debug, Deserialize, PartialEq)]
    pub struct GoldEvent {
        /// Event type.
        #[serde(rename = "type")]
        pub kind: String,
        /// Participants (ordered for VISIT and INVITATION).
        pub participants: Vec<GoldEntity>,
        /// Place.
        pub place: Option<GoldEntity>,
        /// Date.
        pub date: Option<String>,
        /// Status.
        pub status: String,
    }

    /// A gold passage.
    #[derive(Clone, Debug, Deserialize, PartialEq)]
    pub struct GoldDoc {
        /// Passage id.
        pub id: String,
        /// Gold events.
        pub events: Vec<GoldEvent>,
    }

    /// An entity reduced to what is compared.
    #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
    struct Key {
        qid: Option<String>,
        name: String,
    }

    fn norm(name: &str) -> String {
        name.to_lowercase()
            .replace('ё', "е")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn same(a: &Key, b: &Key) -> bool {
        match (&a.qid, &b.qid) {
            (Some(x), Some(y)) => x == y,
            _ => a.name == b.name,
        }
    }

    #[derive(Clone, Debug)]
    struct Ev {
        kind: String,
        participants: Vec<Key>,
        place: Option<Key>,
        date: Option<String>,
        status: String,
    }

    fn gold_key(e: &GoldEntity) -> Key {
        Key {
            qid: e.wikidata.clone(),
            name: norm(&e.name),
        }
    }

    fn pred_events(r: &Record) -> Vec<Ev> {
        let key = |id: &crate::model::EntityId| -> Key {
            let info = r.entities.get(id);
            Key {
                qid: id.wikidata().map(str::to_string),
                name: norm(info.map(|i| &*i.name).unwrap_or(id.as_str())),
            }
        };
        r.events
            .iter()
            .map(|e| Ev {
                kind: e.kind.to_string(),
                participants: e.participants.iter().map(key).collect(),
                place: e.place.as_ref().map(key),
                date: e.date.map(|d| d.to_string()),
                status: e.status.to_string(),
            })
            .collect()
    }

    fn gold_events(g: &GoldDoc) -> Vec<Ev> {
        g.events
            .iter()
            .map(|e| Ev {
                kind: e.kind.clone(),
                participants: e.participants.iter().map(gold_key).collect(),
                place: e.place.as_ref().map(gold_key),
                date: e.date.clone(),
                status: e.status.clone(),
            })
            .collect()
    }

    fn same_set(a: &[Key], b: &[Key]) -> bool {
        a.len() == b.len()
            && a.iter().all(|x| b.iter().any(|y| same(x, y)))
            && b.iter().all(|y| a.iter().any(|x| same(x, y)))
    }

    fn participants_match(kind: &str, g: &[Key], p: &[Key]) -> bool {
        if kind == "INVITATION" {
            g.len() == p.len() && g.iter().zip(p).all(|(x, y)| same(x, y))
        } else {
            same_set(g, p)
        }
    }

    fn relaxed(kind: &str) -> &str {
        if kind == "TALKS" { "MEETING" } else { kind }
    }

    fn place_eq(a: &Option<Key>, b: &Option<Key>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => same(x, y),
            _ => false,
        }
    }

    /// Participant pairs of an event: unordered pairs for contact events, (inviter, invitee)
    /// for invitations, (visitor, place) for visits.
    fn pairs(e: &Ev) -> Vec<(Key, Key)> {
        let mut out = Vec::new();
        match e.kind.as_str() {
            "VISIT" => {
                if let (Some(v), Some(p)) = (e.participants.first(), &e.place) {
                    out.push((v.clone(), p.clone()));
                }
            }
            "INVITATION" => {
                if let [a, b, ..] = &e.participants[..] {
                    out.push((a.clone(), b.clone()));
                }
            }
            _ => {
                for (i, a) in e.participants.iter().enumerate() {
                    for b in &e.participants[i + 1..] {
                        let (x, y) = if a <= b { (a, b) } else { (b, a) };
                        out.push((x.clone(), y.clone()));
                    }
                }
            }
        }
        out
    }

    fn pair_eq(kind_ordered: bool, a: &(Key, Key), b: &(Key, Key)) -> bool {
        (same(&a.0, &b.0) && same(&a.1, &b.1))
            || (!kind_ordered && same(&a.0, &b.1) && same(&a.1, &b.0))
    }

    /// Scores of one gold set.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct EventReport {
        /// Passages scored.
        pub passages: usize,
        /// Passages without a prediction record.
        pub missing: Vec<String>,
        /// Events matched by type and participants.
        pub core: super::Prf,
        /// Same with MEETING and TALKS as one type.
        pub relaxed: super::Prf,
        /// Participant pairs (see `pairs`).
        pub pairs: super::Prf,
        /// Events matched on everything.
        pub full: super::Prf,
        /// Matched (relaxed) events, and of those with the right place, date, status.
        pub matched: u64,
        /// Right place among matched.
        pub place_right: u64,
        /// Right date among matched.
        pub date_right: u64,
        /// Right status among matched.
        pub status_right: u64,
        /// Predicted `happened` events that are not: in passages without gold events, or
        /// matching a gold event that is planned, cancelled or hypothetical.
        pub false_happened: u64,
        /// Per gold status: (gold, matched with the right status).
        pub by_status: BTreeMap<String, (u64, u64)>,
    }

    impl EventReport {
        /// A Markdown table.
        pub fn markdown(&self, title: &str) -> String {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "| {title} | gold | predicted | correct | precision | recall | F1 |"
            );
            let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
            for (name, p) in [
                ("events (type + participants)", &self.core),
                ("events, MEETING = TALKS", &self.relaxed),
                ("participant pairs", &self.pairs),
                ("events, every field right", &self.full),
            ] {
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                    p.gold,
                    p.pred,
                    p.tp,
                    p.precision(),
                    p.recall(),
                    p.f1()
                );
            }
            let acc = |n: u64| {
                if self.matched == 0 {
                    0.0
                } else {
                    n as f64 / self.matched as f64
                }
            };
            let _ = writeln!(
                out,
                "\nOn {} matched events: place {:.3}, date {:.3}, status {:.3}. False \"happened\": {}. {} passages.",
                self.matched,
                acc(self.place_right),
                acc(self.date_right),
                acc(self.status_right),
                self.false_happened,
                self.passages
            );
            out
        }

        /// Place accuracy on matched events.
        pub fn place_accuracy(&self) -> f64 {
            if self.matched == 0 {
                0.0
            } else {
                self.place_right as f64 / self.matched as f64
            }
        }

        /// Date accuracy on matched events.
        pub fn date_accuracy(&self) -> f64 {
            if self.matched == 0 {
                0.0
            } else {
                self.date_right as f64 / self.matched as f64
            }
        }
    }

    /// Scores predicted records against gold passages (matched by id).
    pub fn score(gold: &[GoldDoc], pred: &[Record]) -> EventReport {
        let by_id: BTreeMap<&str, &Record> = pred.iter().map(|r| (r.doc_id.as_str(), r)).collect();
        let mut rep = EventReport::default();
        for g in gold {
            rep.passages += 1;
            let gold_evs = gold_events(g);
            let pred_evs = match by_id.get(g.id.as_str()) {
                Some(r) => pred_events(r),
                None => {
                    rep.missing.push(g.id.clone());
                    Vec::new()
                }
            };
            for e in &gold_evs {
                *rep.by_status.entry(e.status.clone()).or_default() = {
                    let x = rep.by_status.get(&e.status).copied().unwrap_or_default();
                    (x.0 + 1, x.1)
                };
            }
            // Core and relaxed matching: each gold event at most once, preferring the candidate
            // that agrees on most of place, date, status.
            for (strict, prf) in [(true, &mut rep.core), (false, &mut rep.relaxed)] {
                prf.gold += gold_evs.len() as u64;
                prf.pred += pred_evs.len() as u64;
                let mut used = vec![false; pred_evs.len()];
                for ge in &gold_evs {
                    let best = pred_evs
                        .iter()
                        .enumerate()
                        .filter(|(k, pe)| {
                            !used[*k]
                                && if strict {
                                    pe.kind == ge.kind
                                } else {
                                    relaxed(&pe.kind) == relaxed(&ge.kind)
                                }
                                && participants_match(&ge.kind, &ge.participants, &pe.participants)
                        })
                        .max_by_key(|(_, pe)| {
                            place_eq(&ge.place, &pe.place) as u8
                                + (ge.date == pe.date) as u8
                                + (ge.status == pe.status) as u8
                        });
                    if let Some((k, pe)) = best {
                        used[k] = true;
                        prf.tp += 1;
                        if !strict {
                            rep.matched += 1;
                            rep.place_right += place_eq(&ge.place, &pe.place) as u64;
                            rep.date_right += (ge.date == pe.date) as u64;
                            rep.status_right += (ge.status == pe.status) as u64;
                            if ge.status == pe.status {
                                rep.by_status.entry(ge.status.clone()).or_default().1 += 1;
                            }
                            let full = place_eq(&ge.place, &pe.place)
                                && ge.date == pe.date
                                && ge.status == pe.status
                                && ge.kind == pe.kind;
                            rep.full.tp += full as u64;
                        }
                    }
                }
            }
            rep.full.gold += gold_evs.len() as u64;
            rep.full.pred += pred_evs.len() as u64;
            // Participant pairs.
            let mut gold_pairs: Vec<(bool, (Key, Key))> = Vec::new();
            for e in &gold_evs {
                let ordered = e.kind == "INVITATION" || e.kind == "VISIT";
                for p in pairs(e) {
                    if !gold_pairs
                        .iter()
                        .any(|(o, q)| *o == ordered && pair_eq(ordered, q, &p))
                    {
                        gold_pairs.push((ordered, p));
                    }
                }
            }
            let mut pred_pairs: Vec<(bool, (Key, Key))> = Vec::new();
            for e in &pred_evs {
                let ordered = e.kind == "INVITATION" || e.kind == "VISIT";
                for p in pairs(e) {
                    if !pred_pairs
                        .iter()
                        .any(|(o, q)| *o == ordered && pair_eq(ordered, q, &p))
                    {
                        pred_pairs.push((ordered, p));
                    }
                }
            }
            rep.pairs.gold += gold_pairs.len() as u64;
            rep.pairs.pred += pred_pairs.len() as u64;
            rep.pairs.tp += pred_pairs
                .iter()
                .filter(|(o, p)| {
                    gold_pairs
                        .iter()
                        .any(|(go, g)| go == o && pair_eq(*o, g, p))
                })
                .count() as u64;
            // Happened where it did not happen.
            // A predicted `happened` is false when the passage has no gold event, or when the
            // only gold events with these participants did not happen (one that did, such as
            // the talks held before a planned next round, makes it right).
            for pe in pred_evs.iter().filter(|e| e.status == "happened") {
                let same = |ge: &&Ev| {
                    relaxed(&ge.kind) == relaxed(&pe.kind)
                        && participants_match(&ge.kind, &ge.participants, &pe.participants)
                };
                let happened = gold_evs
                    .iter()
                    .filter(same)
                    .any(|ge| ge.status == "happened");
                let not_happened = gold_evs
                    .iter()
                    .filter(same)
                    .any(|ge| ge.status != "happened");
                let wrong = gold_evs.is_empty() || (not_happened && !happened);
                rep.false_happened += wrong as u64;
            }
        }
        rep
    }

    /// Reads a gold JSONL file.
    pub fn read_gold(text: &str) -> Result<Vec<GoldDoc>, String> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
            .collect()
    }

    /// Reads newsgraph records (JSONL).
    pub fn read_records(text: &str) -> Result<Vec<Record>, String> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1)))
            .collect()
    }
}
