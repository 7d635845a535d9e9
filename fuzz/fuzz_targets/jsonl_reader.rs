//! The JSONL reader: any bytes give one item per non-blank line and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::input::{Item, ReadOptions, jsonl_items};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { max_doc_bytes: 4096, max_line_bytes: 1 << 16, ..ReadOptions::default() };
    let reader: Box<dyn std::io::BufRead + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
    let items: Vec<Item> = jsonl_items(reader, "fuzz", options).collect();
    // A byte-order mark is dropped on the first line only; elsewhere it is content.
    let lines = data
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(n, l)| {
            let l = if *n == 0 { l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l) } else { l };
            !l.iter().all(u8::is_ascii_whitespace)
        })
        .count();
    assert!(items.len() <= lines, "{} items for {} lines", items.len(), lines);
    for item in &items {
        if let Item::Doc(d) = item {
            assert!(d.text.len() <= 4096);
            assert!(!d.text.trim().is_empty());
        }
    }
});
