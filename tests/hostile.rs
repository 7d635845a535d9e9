//! Hostile input: arbitrary text keeps every offset valid; extreme documents have a defined
//! behaviour (processed, cut with a warning, or an error record); nothing panics.

mod common;

use std::io::Write;
use std::sync::{Arc, OnceLock};

use common::*;
use newsgraph::{Analyzer, Document, Gazetteer, Morph, Record, Scratch};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::Value;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| {
        let morph = Morph::bundled().unwrap();
        let gaz = Gazetteer::embedded(&morph).unwrap();
        Analyzer::new(morph, Arc::new(gaz))
    })
}

fn analyze(text: &str) -> Record {
    let mut scratch = Scratch::default();
    let date = newsgraph::model::DateValue::parse("2024-02-22");
    analyzer().analyze(&Document::new("p", text), date, &mut scratch)
}

/// Every offset of a record lies in the text, on code-point boundaries, and slices to the
/// text the record says.
fn check_offsets(text: &str, r: &Record) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: u32, e: u32| -> String {
        assert!(
            s <= e && (e as usize) <= chars.len(),
            "{s}..{e} outside 0..{}",
            chars.len()
        );
        chars[s as usize..e as usize].iter().collect()
    };
    for [s, e] in &r.sentences {
        slice(*s, *e);
    }
    for m in &r.mentions {
        assert_eq!(slice(m.start, m.end), m.text);
        assert!((m.sentence as usize) < r.sentences.len());
    }
    for d in &r.dates {
        assert_eq!(slice(d.start, d.end), d.text);
    }
    for e in &r.events {
        assert_eq!(slice(e.trigger.start, e.trigger.end), e.trigger.text);
        for ev in &e.evidence {
            assert_eq!(slice(ev.start, ev.end), ev.text);
        }
        for p in e.participants.iter().chain(&e.place) {
            assert!(r.entities.contains_key(p), "{p} not in entities");
        }
    }
    for t in &r.triples {
        for ev in &t.evidence {
            assert_eq!(slice(ev.start, ev.end), ev.text);
        }
    }
    // Valid JSON that reads back to the same record.
    let json = serde_json::to_string(r).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, r);
}

/// Text that looks like news often enough to reach every stage: Cyrillic words, names,
/// dates, punctuation, quotes, and any Unicode in between.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "Путин", "Путина", "Токаев", "Токаевым", "встретился", "с", "в", "Казани", "Казань",
            "17 марта", "22/02/2024", "вчера", "«Игры будущего»", "президент", "России",
            "глава Казахстана", "провели переговоры", "визит", "В. В.", "Мир", ".", ",", "—",
            "\n", "  ", "\u{00AD}", "\u{0301}", "Пyтин", "ё", "Ё", "!", "?", "…", "\"", "(", ")",
            "российский лидер", "не состоялась", "по приглашению", "Нью-Йорк", "2023 году",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[\\u{0000}-\\u{FFFF}]{0,8}",
        1 => "[а-яА-ЯёЁ .,-]{0,20}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn offsets_are_valid_for_any_text(text in newsish()) {
        let r = analyze(&text);
        check_offsets(&text, &r);
    }

    #[test]
    fn analysis_is_deterministic(text in newsish()) {
        prop_assert_eq!(analyze(&text), analyze(&text));
    }
}

fn jsonl_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": "2024-02-22"}).to_string() + "\n"
}

#[test]
fn extreme_documents_have_defined_behaviour() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hostile.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    let long_line = "слово ".repeat(10 * 1024 * 1024 / 12); // ~10 MB, no sentence end
    let cases: Vec<(&str, String)> = vec![
        (
            "nul",
            "Путин\u{0000}встретился\u{0000} с Токаевым в Казани.".into(),
        ),
        (
            "rtl",
            "Путин встретился с Токаевым. مرحبا بالعالم שלום עולם".into(),
        ),
        (
            "combining",
            "Пу\u{0301}тин и То\u{0301}каев встретились в Каза\u{0301}ни.".into(),
        ),
        ("emoji", "🇷🇺 Путин 🤝 Токаев встретились в Казани 🎉".into()),
        ("homoglyph", "Пyтин встретился с Тoкаевым в Kазани.".into()), // Latin y, o, K
        (
            "crlf",
            "Путин встретился с Токаевым.\r\nВстреча прошла в Казани.\r\n".into(),
        ),
        (
            "bom",
            "\u{FEFF}Путин встретился с Токаевым в Казани.".into(),
        ),
        ("long-line", long_line),
    ];
    for (id, text) in &cases {
        f.write_all(jsonl_line(id, text).as_bytes()).unwrap();
    }
    // A lone surrogate in a JSON escape is not valid JSON text for a UTF-8 string.
    f.write_all(b"{\"id\":\"surrogate\",\"text\":\"\\ud800 \\u041f\"}\n")
        .unwrap();
    drop(f);
    let out = newsgraph()
        .args(["extract", "--quiet", "--threads", "2"])
        .arg(&input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(recs.len(), cases.len() + 1);
    for ((id, text), r) in cases.iter().zip(&recs) {
        assert_eq!(r["doc_id"], *id);
        assert!(r["error"].is_null(), "{id}: {}", r["error"]);
        let record: Record = serde_json::from_value(r.clone()).unwrap();
        check_offsets(text, &record);
    }
    let by_id = |id: &str| recs.iter().find(|r| r["doc_id"] == id).unwrap();
    let putin = |r: &Value| {
        r["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["entity"] == "wikidata:Q7747")
    };
    for id in ["nul", "combining", "emoji", "homoglyph", "crlf", "bom"] {
        assert!(putin(by_id(id)), "{id}: Путин not found");
    }
    assert!(
        by_id("long-line")["sentences"].as_array().unwrap().len() > 1,
        "cut into sentences"
    );
    // The broken line's record is named after its place in the file.
    let last = recs.last().unwrap();
    assert!(
        last["doc_id"]
            .as_str()
            .unwrap()
            .ends_with("hostile.jsonl:9"),
        "{}",
        last["doc_id"]
    );
    assert_eq!(last["error"]["code"], "invalid_json");
}

#[test]
fn a_50_mb_article_is_cut_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let para = "Путин встретился с Токаевым в Казани. Стороны обсудили сотрудничество.\n";
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut written = 0;
    while written < 50 << 20 {
        f.write_all(para.as_bytes()).unwrap();
        written += para.len();
    }
    drop(f);
    let out = newsgraph()
        .args(["extract", "--quiet", "--date", "2024-02-22"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let r = &records(&out)[0];
    assert!(r["error"].is_null());
    let warning = r["warnings"][0].as_str().unwrap();
    assert!(warning.contains("analysed the first"), "{warning}");
    assert!(!r["mentions"].as_array().unwrap().is_empty());
}

#[test]
fn a_million_tiny_articles_one_record_each_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let n = 1_000_000;
    for i in 0..n {
        writeln!(f, "{{\"id\":\"{i}\",\"text\":\"Путин {i}.\"}}").unwrap();
    }
    drop(f);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "--quiet", "--threads", "2"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let mut count = 0;
    for (i, line) in output
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        // Cheap check of order without parsing a million records.
        let head = std::str::from_utf8(&line[..line.len().min(80)]).unwrap();
        assert!(head.contains(&format!("\"doc_id\":\"{i}\"")), "{head}");
        count += 1;
    }
    assert_eq!(count, n);
}

#[test]
fn hostile_text_is_the_same_with_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mix.jsonl");
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = newsish();
    let mut text = String::new();
    for i in 0..300 {
        let t = strategy.new_tree(&mut runner).unwrap().current();
        text += &jsonl_line(&format!("h{i}"), &t);
    }
    std::fs::write(&path, text).unwrap();
    let run = |threads: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args([
                "extract",
                "--quiet",
                "--batch-docs",
                "7",
                "--threads",
                threads,
            ])
            .arg(&path)
            .output()
            .unwrap()
            .stdout
    };
    assert!(run("1") == run("2"));
}
