//! Per-stage benchmarks on fixed NEREL text (dev split, read from ../shared): start-up
//! (morphology and gazetteer compile), each stage cumulatively (the time of a stage is the
//! difference with the one before), the same texts joined into one article, and the sinks'
//! serialization. Each iteration asserts a
//! count, so the optimizer cannot skip the work. Figures: see README («Speed and memory»).

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::text::{NormText, Normalizer, SentenceSplitter, Tokenizer};
use newsgraph::{Analyzer, Document, Gazetteer, Morph, Scratch, Stage};

/// The allocator of the `newsgraph` binary, so that stages that allocate are timed as they
/// run in the product (with the system allocator the person finder looked slower than it is).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn nerel_dev() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/nerel/dev");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("../shared/data/nerel/dev beside the project")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn stages(c: &mut Criterion) {
    let texts = nerel_dev();
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t.clone()))
        .collect();

    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("morphology load", |b| {
        b.iter(|| black_box(Morph::bundled().unwrap()))
    });
    let morph = Morph::bundled().unwrap();
    g.bench_function("gazetteer compile (built-in lists)", |b| {
        b.iter(|| {
            let gaz = Gazetteer::embedded(&morph).unwrap();
            assert!(gaz.stats().forms > 10_000);
            gaz
        })
    });
    g.finish();

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalize", |b| {
        let mut out = NormText::default();
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                Normalizer.normalize(t, &mut out);
                n += out.norm.len();
            }
            assert!(n > 0);
        })
    });
    g.bench_function("normalize + split sentences + tokenize", |b| {
        let (mut out, mut sentences, mut tokens, mut ranges) =
            (NormText::default(), Vec::new(), Vec::new(), Vec::new());
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                Normalizer.normalize(t, &mut out);
                SentenceSplitter.split(&out.norm, &mut sentences);
                Tokenizer.tokenize(&out.norm, &sentences, &mut tokens, &mut ranges);
                n += tokens.len();
            }
            assert!(n > 10_000);
        })
    });
    g.finish();

    let gaz = Arc::new(Gazetteer::embedded(&morph).unwrap());
    let analyzer = Analyzer::new(morph.clone(), gaz);
    let date = newsgraph::model::DateValue::parse("2015-01-01");
    let mut g = c.benchmark_group("pipeline, cumulative");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    for stage in [
        Stage::Text,
        Stage::Morphology,
        Stage::Entities,
        Stage::Persons,
        Stage::Titles,
        Stage::Dates,
        Stage::Events,
    ] {
        let mut scratch = Scratch::default();
        g.bench_function(format!("through {stage:?}"), |b| {
            b.iter(|| {
                let mut mentions = 0;
                for d in &docs {
                    mentions += analyzer
                        .analyze_through(d, date, &mut scratch, stage)
                        .mentions
                        .len();
                }
                assert!(stage < Stage::Entities || mentions > 500);
                mentions
            })
        });
    }
    g.finish();

    // The same texts as one article: its time against "through Events" over the separate
    // texts shows whether a stage grows faster than the length of an article (two loops did,
    // quadratically, until f333236).
    let long = Document::new("long", texts.join("\n\n"));
    let mut g = c.benchmark_group("one long article");
    g.throughput(Throughput::Bytes(long.text.len() as u64));
    g.sample_size(10);
    let mut scratch = Scratch::default();
    g.bench_function("94 texts joined, through Events", |b| {
        b.iter(|| {
            let r = analyzer.analyze(&long, date, &mut scratch);
            assert!(r.mentions.len() > 500);
            r.mentions.len()
        })
    });
    g.finish();

    let mut scratch = Scratch::default();
    let records: Vec<_> = docs
        .iter()
        .map(|d| analyzer.analyze(d, date, &mut scratch))
        .collect();
    let mut g = c.benchmark_group("sinks");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("jsonl serialization", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(4 << 20);
            for r in &records {
                newsgraph::sink::encode_line(&mut out, r);
            }
            assert!(out.len() > bytes);
            out.len()
        })
    });
    // The same bytes through serde_json alone, what `encode_line` replaced: the reference.
    g.bench_function("jsonl serialization (serde_json)", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(4 << 20);
            for r in &records {
                serde_json::to_writer(&mut out, r).unwrap();
                out.push(b'\n');
            }
            assert!(out.len() > bytes);
            out.len()
        })
    });
    g.bench_function("rdf statements", |b| {
        b.iter(|| {
            let n: usize = records
                .iter()
                .map(|r| newsgraph::sink::rdf_triples(r).len())
                .sum();
            assert!(n > 1000);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
