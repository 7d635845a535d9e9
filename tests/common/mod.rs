//! Helpers shared by the integration tests: the binary, fixtures, and readable renderings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The `newsgraph` binary under test, with its default cache of compiled gazetteers in
/// [`test_cache`] rather than the user's home.
pub fn newsgraph() -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").expect("the binary is built by cargo test");
    cmd.env("XDG_CACHE_HOME", test_cache());
    cmd
}

/// `XDG_CACHE_HOME` of the tests' runs: one folder under `target/` that every test shares,
/// as runs on one machine share the user's cache.
pub fn test_cache() -> PathBuf {
    root().join("target/test-cache")
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The small hand-written gazetteer of the tests.
pub fn fixture_gazetteer() -> PathBuf {
    root().join("tests/fixtures/gazetteer")
}

/// `../shared`, beside the project (as in CI).
pub fn shared() -> PathBuf {
    let p = root().join("../shared");
    assert!(
        p.join("seed").is_dir(),
        "../shared (with seed/ and data/nerel/) must sit beside the project: {}",
        p.display()
    );
    p
}

/// The reference article.
pub fn seed() -> PathBuf {
    shared().join("seed/putin-tokayev-kazan.txt")
}

/// Parses JSON lines.
pub fn records(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

/// `text[start:end]` in code points, as Python would slice it.
pub fn slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Renders a record as readable lines for golden tests.
pub fn render(r: &Value) -> String {
    let mut out = String::new();
    let names = &r["entities"];
    let name = |id: &Value| -> String {
        id.as_str()
            .map(|s| format!("{} <{}>", names[s]["name"].as_str().unwrap_or("?"), s))
            .unwrap_or_else(|| "-".into())
    };
    out += &format!("date {} ({})\n", r["date"], r["date_source"]);
    for m in r["mentions"].as_array().unwrap() {
        out += &format!(
            "{:<12} {:>4}..{:<4} {:<32} → {} [{}]\n",
            m["type"].as_str().unwrap(),
            m["start"],
            m["end"],
            m["text"].as_str().unwrap(),
            name(&m["entity"]),
            m["via"].as_str().unwrap()
        );
    }
    for d in r["dates"].as_array().unwrap() {
        out += &format!(
            "DATE {}..{} {} = {}\n",
            d["start"],
            d["end"],
            d["text"].as_str().unwrap(),
            d["value"].as_str().unwrap()
        );
    }
    for e in r["events"].as_array().unwrap() {
        let ps: Vec<String> = e["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(&name)
            .collect();
        out += &format!(
            "EVENT {} [{}] at {} on {} {} ({}) trigger «{}»\n",
            e["type"].as_str().unwrap(),
            ps.join(", "),
            name(&e["place"]),
            e["date"],
            e["status"].as_str().unwrap(),
            e["confidence"],
            e["trigger"]["text"].as_str().unwrap()
        );
    }
    for t in r["triples"].as_array().unwrap() {
        let show = |v: &Value| {
            let s = v.as_str().unwrap_or("-");
            if names.get(s).is_some() {
                name(v)
            } else {
                s.rsplit('#').next().unwrap().to_string()
            }
        };
        out += &format!(
            "TRIPLE {} {} {} ({}, {})\n",
            show(&t["subject"]),
            t["predicate"].as_str().unwrap(),
            show(&t["object"]),
            t["status"],
            t["date"]
        );
    }
    out
}

/// Writes NEREL dev texts as one JSONL file; returns its path and the number of documents.
pub fn nerel_dev_jsonl(dir: &Path) -> (PathBuf, usize) {
    let dev = shared().join("data/nerel/dev");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dev)
        .expect("NEREL dev is readable")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = String::new();
    for p in &names {
        let text = std::fs::read_to_string(p).unwrap();
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        out += &serde_json::json!({"id": id, "text": text}).to_string();
        out.push('\n');
    }
    let path = dir.join("nerel-dev.jsonl");
    std::fs::write(&path, out).unwrap();
    (path, names.len())
}
