//! The command line: inputs of every kind, bad input, output folders, thread counts.

mod common;

use std::io::Write;

use common::*;
use serde_json::Value;

fn ids(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bad_input_yields_one_error_record_each_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"{\"id\":\"ok-1\",\"text\":\"\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x8b\xd0\xbb.\"}\n").unwrap();
    f.write_all(b"{\"id\": broken json\n").unwrap();
    f.write_all(b"{\"id\":\"bad-utf8\",\"text\":\"\xff\xfe\"}\n")
        .unwrap();
    f.write_all(b"{\"text\":\"no id here\"}\n").unwrap();
    f.write_all(b"{\"id\":\"empty\",\"text\":\"   \"}\n")
        .unwrap();
    f.write_all(b"\n").unwrap();
    f.write_all(
        b"{\"id\":\"ok-2\",\"text\":\"second\",\"date\":\"2024-13-45\",\"source\":\"x\"}\n",
    )
    .unwrap();
    drop(f);
    let missing = dir.path().join("missing.txt");
    let out = newsgraph()
        .args(["extract", "--gazetteers"])
        .arg(fixture_gazetteer())
        .arg(&path)
        .arg(&missing)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    let p = path.to_string_lossy();
    assert_eq!(
        ids(&recs),
        [
            "ok-1".to_string(),
            format!("{p}:2"),
            format!("{p}:3"),
            format!("{p}:4"),
            "empty".to_string(),
            "ok-2".to_string(),
            missing.to_string_lossy().to_string(),
        ]
    );
    let code = |i: usize| recs[i]["error"]["code"].as_str().map(str::to_string);
    assert_eq!(code(0), None);
    assert_eq!(code(1).as_deref(), Some("invalid_json"));
    assert_eq!(code(2).as_deref(), Some("invalid_utf8"));
    assert_eq!(code(3), None, "a missing id is a warning, not an error");
    assert!(
        recs[3]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("no id field")
    );
    assert_eq!(code(4).as_deref(), Some("empty_text"));
    assert_eq!(code(5), None);
    assert!(
        recs[5]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("2024-13-45")
    );
    assert_eq!(recs[5]["meta"]["source"], "x");
    assert_eq!(code(6).as_deref(), Some("read_failed"));
    assert!(
        recs[6]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("missing.txt")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("7 documents, 4 errors"), "{stderr}");
}

#[test]
fn folders_text_files_and_compressed_jsonl_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("b")).unwrap();
    std::fs::write(corpus.join("b/2.txt"), "Путин прибыл в Казань.").unwrap();
    std::fs::write(corpus.join("a.txt"), "Токаев прибыл в Москву.").unwrap();
    std::fs::write(corpus.join("ignored.csv"), "x").unwrap();
    let gz = dir.path().join("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all("{\"id\":\"gz-1\",\"text\":\"Казань\"}\n".as_bytes())
        .unwrap();
    enc.finish().unwrap();
    let zst = dir.path().join("in.jsonl.zst");
    let data = zstd::encode_all("{\"id\":\"zst-1\",\"text\":\"Москва\"}\n".as_bytes(), 3).unwrap();
    std::fs::write(&zst, data).unwrap();
    let out = newsgraph()
        .args(["extract", "--quiet", "--gazetteers"])
        .arg(fixture_gazetteer())
        .arg(&corpus)
        .arg(&gz)
        .arg(&zst)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(ids(&recs), ["a.txt", "b/2.txt", "gz-1", "zst-1"]);
    assert_eq!(recs[1]["mentions"][1]["entity"], "wikidata:Q900");
}

#[test]
fn stdin_jsonl_and_the_date_option() {
    let out = newsgraph()
        .args(["extract", "--quiet", "--date", "2024-02-22", "--gazetteers"])
        .arg(fixture_gazetteer())
        .write_stdin("{\"id\":\"x\",\"text\":\"Вчера Путин встретился с Токаевым в Казани.\"}\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let r = &records(&out)[0];
    assert_eq!(r["date_source"], "option");
    assert_eq!(r["dates"][0]["value"], "2024-02-21");
    assert_eq!(r["events"][0]["type"], "MEETING");
    assert_eq!(r["events"][0]["date"], "2024-02-21");
}

#[test]
fn output_folder_gets_records_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    newsgraph()
        .args(["extract", "--quiet", "--format", "jsonl", "--gazetteers"])
        .arg(fixture_gazetteer())
        .arg(seed())
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .success()
        .stdout("");
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["manifest.json", "records.jsonl"]);
    let recs = records(&std::fs::read(out_dir.join("records.jsonl")).unwrap());
    assert_eq!(recs.len(), 1);
}

#[test]
fn dash_as_output_is_standard_output_not_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsgraph()
        .current_dir(dir.path())
        .args(["extract", "--quiet", "-o", "-", "--gazetteers"])
        .arg(fixture_gazetteer())
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(records(&out).len(), 1);
    assert!(
        !dir.path().join("-").exists(),
        "a folder named - was created"
    );
    // Several files cannot share standard output.
    let err = newsgraph()
        .current_dir(dir.path())
        .args([
            "extract",
            "--quiet",
            "-o",
            "-",
            "--format",
            "csv",
            "--gazetteers",
        ])
        .arg(fixture_gazetteer())
        .arg(seed())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("need an output folder"));
    assert!(!dir.path().join("-").exists());
}

/// The entries of a cache folder, sorted.
fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn the_compiled_gazetteer_is_cached_and_a_bad_entry_is_compiled_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let run = |extra: &[&str]| {
        newsgraph()
            .args(["extract", "--quiet", "--date", "2024-02-22", "--cache-dir"])
            .arg(&cache)
            .args(extra)
            .arg(seed())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    // --no-cache reads and writes nothing, not even in the default folder.
    let default_home = dir.path().join("xdg");
    let fresh = newsgraph()
        .env("XDG_CACHE_HOME", &default_home)
        .args(["extract", "--quiet", "--date", "2024-02-22", "--no-cache"])
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!default_home.exists(), "--no-cache wrote a cache");
    // Without it the default folder is used.
    newsgraph()
        .env("XDG_CACHE_HOME", &default_home)
        .args(["extract", "--quiet"])
        .arg(seed())
        .assert()
        .success();
    assert_eq!(entries(&default_home.join("newsgraph")).len(), 1);
    assert_eq!(run(&[]), fresh, "compiled and stored");
    let stored = entries(&cache);
    assert_eq!(stored.len(), 1, "one entry, no temporary file: {stored:?}");
    let entry = cache.join(&stored[0]);
    let bytes = std::fs::read(&entry).unwrap();
    // A written entry is a new file renamed into place: a new inode. Reading one only marks
    // it used.
    let inode = || std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&entry).unwrap());
    let written = inode();
    assert_eq!(run(&[]), fresh, "read from the cache");
    assert_eq!(inode(), written, "read, not compiled and written again");
    // A damaged entry is not read: compiled again, same records, and the entry rewritten.
    let mut bad = bytes.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 1;
    std::fs::write(&entry, &bad).unwrap();
    assert_eq!(run(&[]), fresh, "damaged entry");
    assert_eq!(std::fs::read(&entry).unwrap(), bytes, "rewritten whole");
    assert_ne!(inode(), written);
    std::fs::write(&entry, b"").unwrap();
    assert_eq!(run(&[]), fresh, "empty entry");
    // Another gazetteer folder is another entry.
    run(&["--gazetteers", fixture_gazetteer().to_str().unwrap()]);
    assert_eq!(entries(&cache).len(), 2);
}

#[test]
fn a_cache_that_cannot_be_written_slows_start_up_only() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the cache folder should be.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, b"").unwrap();
    let out = newsgraph()
        .args(["extract", "--date", "2024-02-22", "--cache-dir"])
        .arg(&blocked)
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(records(&out.stdout).len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not be cached"), "{err}");
    // --quiet keeps it quiet.
    let out = newsgraph()
        .args(["extract", "--quiet", "--cache-dir"])
        .arg(&blocked)
        .arg(seed())
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stderr.is_empty());
    newsgraph()
        .args(["extract", "--no-cache", "--cache-dir"])
        .arg(&blocked)
        .arg(seed())
        .assert()
        .code(2);
}

#[test]
fn unknown_format_and_bad_date_are_usage_errors() {
    newsgraph()
        .args(["extract", "--format", "xml"])
        .assert()
        .code(2);
    newsgraph()
        .args(["extract", "--date", "22.02.2024"])
        .assert()
        .code(2);
}

#[test]
fn malformed_gazetteer_is_reported_with_path_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.tsv"),
        "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\t\t\nQ2\tCITY\tY\t\t\n",
    )
    .unwrap();
    for args in [vec!["gazetteer", "check"], vec!["extract", "--gazetteers"]] {
        let out = newsgraph()
            .args(&args)
            .arg(dir.path())
            .write_stdin("")
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("bad.tsv:3: id: bad id \"Q2\""), "{stderr}");
    }
}

#[test]
fn nerel_dev_is_byte_identical_with_one_and_two_threads_and_a_small_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (jsonl, n) = nerel_dev_jsonl(dir.path());
    let run = |options: &[&str]| {
        newsgraph()
            .args(["extract", "--quiet", "--date", "2015-01-01"])
            .args(options)
            .arg(&jsonl)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run(&["--threads", "1"]);
    let two = run(&["--threads", "2"]);
    assert_eq!(records(&one).len(), n, "one record per document");
    assert!(
        one == two,
        "output differs between --threads 1 and --threads 2"
    );
    // A morphology cache cleared every few documents gives the same answers, only slower.
    let small = run(&["--threads", "2", "--cache-words", "600"]);
    assert!(one == small, "output differs with --cache-words 600");
}

#[test]
fn every_format_in_one_pass_with_a_manifest() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let inj = dir.path().join("inj.jsonl");
    std::fs::write(
        &inj,
        "{\"id\":\"@evil\",\"text\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\") Путин встретился с Токаевым в Казани.\",\"date\":\"2024-02-22\"}\n",
    )
    .unwrap();
    newsgraph()
        .args([
            "extract",
            "--quiet",
            "--format",
            "jsonl,csv,neo4j,ntriples,nquads,graphml,brat",
            "--gazetteers",
        ])
        .arg(fixture_gazetteer())
        .arg(seed())
        .arg(&inj)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .success();
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["documents"], 2);
    for f in manifest["outputs"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        if path.ends_with('/') {
            continue;
        }
        let bytes = std::fs::read(out_dir.join(path)).unwrap();
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f["sha256"], sha.as_str(), "{path}");
    }
    for want in [
        "records.jsonl",
        "events.csv",
        "mentions.csv",
        "entities.csv",
        "triples.csv",
        "graph.nt",
        "graph.nq",
        "network.graphml",
        "neo4j/MET.csv",
        "neo4j/Person.csv",
        "neo4j/load.cypher",
    ] {
        assert!(out_dir.join(want).is_file(), "{want} missing");
    }
    // Nothing left under a temporary name.
    let walk = |d: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect()
    };
    for d in [out_dir.clone(), out_dir.join("neo4j"), out_dir.join("brat")] {
        assert!(
            walk(&d).iter().all(|n| !n.starts_with('.')),
            "{:?}",
            walk(&d)
        );
    }
    // No spreadsheet formula survives in any CSV cell.
    for name in ["events.csv", "mentions.csv", "entities.csv", "triples.csv"] {
        let mut rdr = csv::Reader::from_path(out_dir.join(name)).unwrap();
        for row in rdr.records() {
            for cell in row.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: {cell:?}"
                );
            }
        }
    }
    let events = std::fs::read_to_string(out_dir.join("events.csv")).unwrap();
    assert!(events.contains("'@evil"), "{events}");
    assert!(events.contains("Казань"));
}

#[test]
fn stdin_text_is_one_article_and_short_capitals_are_not_names() {
    // «ПО» (production association) is an abbreviation, not the surname of «Эдгар По»,
    // even with him in the same text; a shouted headline word of four letters still is.
    let out = newsgraph()
        .args(["extract", "--stdin-text", "--quiet"])
        .write_stdin("Писатель Эдгар По родился в Бостоне.\nДиректор ПО «Маяк» приехал.\nПУТИН ПРИЕХАЛ В КАЗАНЬ.")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(ids(&recs), ["stdin"]);
    let texts: Vec<&str> = recs[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(&"Эдгар По") && !texts.contains(&"ПО"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"ПУТИН") && texts.contains(&"КАЗАНЬ"),
        "{texts:?}"
    );
}

#[test]
fn ndjson_and_upper_case_extensions_are_read_as_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.NDJSON"),
        "{\"id\":\"n1\",\"text\":\"Путин прибыл в Казань.\"}\n{\"id\":\"n2\",\"text\":\"Токаев прибыл.\"}\n",
    )
    .unwrap();
    let out = newsgraph()
        .args(["extract", "--quiet", "--gazetteers"])
        .arg(fixture_gazetteer())
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(ids(&records(&out.stdout)), ["n1", "n2"]);
}
