//! Scoring BRAT standoff against gold: exact spans, precision/recall/F1 per type, Wikidata
//! link accuracy, and relations by the spans of their arguments.
//!
//! Gold and predictions are folders of `*.ann` files with the same names (NEREL's layout). A
//! gold file without a prediction counts as all misses; a prediction without a gold file is
//! ignored (it cannot be scored). Entity types outside the scored set are ignored on both
//! sides.

use std::collections::{BTreeMap, BTreeSet, HashMap};
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
}

impl Report {
    /// Wikidata link accuracy on the spans found.
    pub fn link_accuracy(&self) -> f64 {
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
            "\nWikidata link accuracy on the spans found: {:.3} ({} of {}); {} documents{}",
            self.link_accuracy(),
            self.linked_right,
            self.linked,
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

    // Links: gold spans with a QID, found (any scored type) with a QID.
    let pred_links: HashMap<&SpanKey, &String> = pred
        .links
        .iter()
        .filter_map(|(id, q)| pred.entities.get(id).map(|(_, s)| (s, q)))
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
        assert_eq!((r.linked, r.linked_right), (2, 1));
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
