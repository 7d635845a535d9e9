//! The whole per-document pipeline with the built-in gazetteers: never panics, every offset
//! is valid, and the record is valid JSON that reads back to itself.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use newsgraph::model::DateValue;
use newsgraph::{Analyzer, Document, Gazetteer, Morph, Record, Scratch};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| {
        let morph = Morph::bundled().unwrap();
        let gaz = Gazetteer::embedded(&morph).unwrap();
        Analyzer::new(morph, Arc::new(gaz))
    })
}

fuzz_target!(|text: &str| {
    let mut scratch = Scratch::default();
    let r = analyzer().analyze(&Document::new("fuzz", text), DateValue::parse("2024-02-22"), &mut scratch);
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: u32, e: u32| -> String {
        assert!(s <= e && e as usize <= chars.len());
        chars[s as usize..e as usize].iter().collect()
    };
    for m in &r.mentions {
        assert_eq!(slice(m.start, m.end), m.text);
    }
    for e in &r.events {
        assert_eq!(slice(e.trigger.start, e.trigger.end), e.trigger.text);
        for ev in &e.evidence {
            assert_eq!(slice(ev.start, ev.end), ev.text);
        }
    }
    let json = serde_json::to_string(&r).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
});
