//! Normalizer, sentence splitter and tokenizer: ranges stay on char boundaries, ordered,
//! inside the text, and map back to the original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::text::{NormText, Normalizer, SentenceSplitter, Tokenizer};

fuzz_target!(|text: &str| {
    let mut norm = NormText::default();
    Normalizer.normalize(text, &mut norm);
    assert_eq!(norm.norm.len(), norm.fold.len());
    let mut sentences = Vec::new();
    SentenceSplitter.split(&norm.norm, &mut sentences);
    let mut last = 0;
    for s in &sentences {
        assert!(s.range.start >= last && s.range.start < s.range.end && s.range.end <= norm.norm.len());
        assert!(norm.norm.is_char_boundary(s.range.start) && norm.norm.is_char_boundary(s.range.end));
        let (a, b) = norm.orig_span(text, s.range.start, s.range.end);
        assert!(a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
        last = s.range.end;
    }
    let mut tokens = Vec::new();
    let mut ranges = Vec::new();
    Tokenizer.tokenize(&norm.norm, &sentences, &mut tokens, &mut ranges);
    for t in &tokens {
        let _ = t.text(&norm.norm);
        let _ = t.text(&norm.fold);
    }
});
