//! The reference article: every acceptance point of the record contract, through the binary.

mod common;

use common::*;
use serde_json::Value;

/// Runs the seed with the given gazetteer folder (None: the built-in lists).
fn seed_record(gazetteers: Option<&std::path::Path>) -> Value {
    let mut cmd = newsgraph();
    cmd.arg("extract").arg("--quiet").arg(seed());
    if let Some(g) = gazetteers {
        cmd.arg("--gazetteers").arg(g);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    let mut recs = records(&out);
    assert_eq!(recs.len(), 1);
    recs.remove(0)
}

fn check_reference_article(r: &Value) {
    let text = std::fs::read_to_string(seed()).unwrap();
    assert_eq!(r["date"], "2024-02-22");
    assert_eq!(r["date_source"], "dateline");
    assert!(r["error"].is_null());

    // Offsets are code points of the text as given.
    let mentions = r["mentions"].as_array().unwrap();
    for m in mentions {
        let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert_eq!(slice(&text, s, e), m["text"].as_str().unwrap());
    }

    // Every occurrence of every name, in any inflected form, with its entity and name.
    let expected = [
        ("Путин", "wikidata:Q7747", "PERSON"),
        ("Владимира Путина", "wikidata:Q7747", "PERSON"),
        ("Владимир Владимирович", "wikidata:Q7747", "PERSON"),
        ("Владимир Путин", "wikidata:Q7747", "PERSON"),
        ("российский лидер", "wikidata:Q7747", "PERSON"),
        ("Токаев", "wikidata:Q200881", "PERSON"),
        ("Касым-Жомарт Токаев", "wikidata:Q200881", "PERSON"),
        ("Глава Казахстана", "wikidata:Q200881", "PERSON"),
        ("Россией", "wikidata:Q159", "COUNTRY"),
        ("России", "wikidata:Q159", "COUNTRY"),
        ("Россия", "wikidata:Q159", "COUNTRY"),
        ("Казахстаном", "wikidata:Q232", "COUNTRY"),
        ("Казахстана", "wikidata:Q232", "COUNTRY"),
        ("Казахстане", "wikidata:Q232", "COUNTRY"),
        ("Казахстан", "wikidata:Q232", "COUNTRY"),
        ("Казань", "wikidata:Q900", "CITY"),
        ("Игр будущего", "", "EVENT"),
        ("Игры будущего", "", "EVENT"),
    ];
    let chars: Vec<char> = text.chars().collect();
    for (surface, entity, kind) in expected {
        let needle: Vec<char> = surface.chars().collect();
        let mut found = 0;
        for start in 0..chars.len().saturating_sub(needle.len() - 1) {
            if chars[start..start + needle.len()] != needle[..] {
                continue;
            }
            let end = start + needle.len();
            // Whole words only: «Путин» inside «Путина» is checked as «Владимира Путина».
            let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '-');
            if word(chars.get(end)) || (start > 0 && word(chars.get(start - 1))) {
                continue;
            }
            // The exact span, or a longer mention of the same kind around it («Путин» in
            // «Владимир Путин»).
            let hit = mentions.iter().find(|m| {
                m["start"].as_u64().unwrap() <= start as u64
                    && m["end"].as_u64().unwrap() >= end as u64
                    && m["type"] == kind
            });
            let hit =
                hit.unwrap_or_else(|| panic!("no {kind} mention {surface:?} at {start}..{end}"));
            if !entity.is_empty() {
                assert_eq!(hit["entity"], entity, "{surface} at {start}");
            }
            found += 1;
        }
        assert!(found > 0, "{surface:?} does not occur in the seed");
    }
    let name_of = |id: &str| r["entities"][id]["name"].as_str().unwrap().to_string();
    // The canonical nominative name: «Владимир Путин» or, as Wikidata writes it in Russian,
    // «Владимир Владимирович Путин».
    let putin = name_of("wikidata:Q7747");
    assert!(
        putin.starts_with("Владимир ") && putin.ends_with(" Путин"),
        "{putin}"
    );
    assert_eq!(name_of("wikidata:Q900"), "Казань");
    assert_eq!(r["entities"]["wikidata:Q232"]["wikidata"], "Q232");

    // What must not be there.
    let mir = text
        .find("МИР 24")
        .map(|b| text[..b].chars().count() as u64)
        .unwrap();
    for m in mentions {
        let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        let place = matches!(m["type"].as_str(), Some("CITY" | "COUNTRY" | "REGION"));
        assert!(
            !(place && s < mir + 6 && e > mir),
            "«МИР 24» is not a place: {m}"
        );
        let t = m["text"].as_str().unwrap();
        assert_ne!(t, "будущего", "«будущего» alone is not a mention");
        assert!(
            !(t.eq_ignore_ascii_case("Президент") || t == "президент"),
            "no person «Президент»"
        );
    }

    // Dates.
    let dates = r["dates"].as_array().unwrap();
    let date = |text: &str| {
        dates
            .iter()
            .find(|d| d["text"] == text)
            .map(|d| d["value"].clone())
    };
    assert_eq!(date("17 марта"), Some("2024-03-17".into()));
    assert_eq!(date("в ноябре прошлого года"), Some("2023-11".into()));

    // The meeting.
    let events = r["events"].as_array().unwrap();
    let meeting = events
        .iter()
        .find(|e| e["type"] == "MEETING")
        .expect("a MEETING event");
    let mut ps: Vec<&str> = meeting["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    ps.sort();
    assert_eq!(ps, ["wikidata:Q200881", "wikidata:Q7747"]);
    assert_eq!(meeting["place"], "wikidata:Q900");
    assert_eq!(meeting["date"], "2024-02-22");
    assert_eq!(meeting["status"], "happened");
    assert_eq!(
        events.iter().filter(|e| e["type"] == "MEETING").count(),
        1,
        "one meeting, merged"
    );
    let met = r["triples"].as_array().unwrap().iter().any(|t| {
        t["predicate"] == "MET"
            && t["subject"] == "wikidata:Q200881"
            && t["object"] == "wikidata:Q7747"
    });
    assert!(
        met,
        "one undirected MET triple, subject sorted before object"
    );
    // Evidence offsets point into the text.
    for e in events {
        for ev in e["evidence"].as_array().unwrap() {
            assert_eq!(
                slice(
                    &text,
                    ev["start"].as_u64().unwrap(),
                    ev["end"].as_u64().unwrap()
                ),
                ev["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn reference_article_with_the_test_gazetteer() {
    let r = seed_record(Some(&fixture_gazetteer()));
    check_reference_article(&r);
    insta::assert_snapshot!("seed_fixture_gazetteer", render(&r));
}

#[test]
fn reference_article_with_the_built_in_gazetteers() {
    let r = seed_record(None);
    check_reference_article(&r);
}
