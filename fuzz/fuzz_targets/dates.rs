//! The date grammar, through the pipeline with an article date: every resolved date is a real
//! calendar value and its span slices to its text.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use newsgraph::gazetteer::{SourceSet, compile::compile};
use newsgraph::model::DateValue;
use newsgraph::{Analyzer, Document, Gazetteer, Morph, Scratch};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| {
        let morph = Morph::bundled().unwrap();
        // Dates need no names: an empty gazetteer keeps iterations fast.
        let gaz: Gazetteer = compile(&SourceSet::default(), &morph);
        Analyzer::new(morph, Arc::new(gaz))
    })
}

fuzz_target!(|data: (u16, u8, u8, &str)| {
    let (y, m, d, text) = data;
    let anchor = DateValue::parse(&format!("{:04}-{:02}-{:02}", 1 + y % 9998, 1 + m % 12, 1 + d % 28));
    let mut scratch = Scratch::default();
    let r = analyzer().analyze(&Document::new("fuzz", text), anchor, &mut scratch);
    let chars: Vec<char> = text.chars().collect();
    for date in &r.dates {
        assert!(DateValue::parse(&date.value.to_string()).is_some(), "{}", date.value);
        assert_eq!(chars[date.start as usize..date.end as usize].iter().collect::<String>(), date.text);
    }
});
