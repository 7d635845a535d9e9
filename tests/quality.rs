//! Quality floors: NEREL dev entities and the hand-written event gold sets, scored in CI.
//!
//! The floors sit a little under the figures README reports, so that a change which loses
//! quality fails here instead of going unnoticed; raise them when quality rises. The hard rule
//! of the issue — no planned, cancelled or hypothetical event reported as happened — holds on
//! the dev set; the holdout set is never tuned on, only scored and reported.

mod common;

use common::*;
use newsgraph::eval;

#[test]
fn nerel_dev_entities_stay_above_their_floors() {
    let dir = tempfile::tempdir().unwrap();
    let dev = shared().join("data/nerel/dev");
    newsgraph()
        .args(["extract", "--quiet", "--format", "brat", "-o"])
        .arg(dir.path())
        .arg(&dev)
        .assert()
        .code(0);
    let report = eval::evaluate(&dev, &dir.path().join("brat")).unwrap();
    println!("{}", report.markdown());
    let f1 = |t: &str| report.entities[t].f1();
    for (kind, floor) in [
        ("PERSON", 0.89),
        ("COUNTRY", 0.94),
        ("CITY", 0.89),
        ("STATE_OR_PROVINCE", 0.85),
        ("LOCATION (merged)", 0.905),
        ("ORGANIZATION", 0.54),
    ] {
        assert!(f1(kind) >= floor, "{kind} F1 {:.3} < {floor}", f1(kind));
    }
    // A QID given is nearly always right; most gold-linked spans found without one are people
    // the gazetteers do not know (NEREL dev's people are mostly not train's).
    assert!(
        report.qid_accuracy() >= 0.96,
        "QID accuracy {:.3}",
        report.qid_accuracy()
    );
    // NEREL links a state's body named by its common noun («правительство», «полиции») to the
    // class (Q7188 government, Q35535 police); newsgraph links it to that state's body, which
    // the graph needs: those spans count as misses here, as do organisations outside the
    // gazetteers that newsgraph finds with ids of its own (`ng:org:…`).
    assert!(
        report.link_accuracy() >= 0.51,
        "link accuracy over the gold-linked spans found {:.3}",
        report.link_accuracy()
    );
}

fn score_events(set: &str) -> eval::events::EventReport {
    let gold_path = root().join(format!("tests/data/events_{set}.jsonl"));
    let out = newsgraph()
        .args(["extract", "--quiet"])
        .arg(&gold_path)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "extract failed");
    let gold = eval::events::read_gold(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let pred = eval::events::read_records(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    let report = eval::events::score(&gold, &pred);
    println!("{}", report.markdown(&format!("events_{set}.jsonl")));
    assert!(
        report.missing.is_empty(),
        "passages without a record: {:?}",
        report.missing
    );
    report
}

#[test]
fn event_dev_set_stays_above_its_floors() {
    let r = score_events("dev");
    assert_eq!(
        r.false_happened, 0,
        "a planned/cancelled/hypothetical event reported as happened"
    );
    assert!(r.pairs.f1() >= 0.86, "pair F1 {:.3}", r.pairs.f1());
    assert!(r.core.f1() >= 0.87, "event F1 {:.3}", r.core.f1());
    assert!(
        r.place_accuracy() >= 0.91,
        "place {:.3}",
        r.place_accuracy()
    );
    assert!(r.date_accuracy() >= 0.90, "date {:.3}", r.date_accuracy());
}

#[test]
fn event_holdout_set_is_scored_for_every_passage() {
    // Measured only (never tuned on): README reports these figures, including false
    // "happened" events, which the dev set already forbids above. Here: one record per
    // passage and a scorer that sees every one of them.
    let r = score_events("holdout");
    assert_eq!(r.passages, 41);
    assert!(r.core.gold > 0 && r.core.pred > 0);
}
