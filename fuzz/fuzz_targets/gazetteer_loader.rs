//! The gazetteer loader and compiler: any file gives rows or `path:line` errors, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsgraph::gazetteer::{SourceSet, compile::compile};
use newsgraph::Morph;

fn morph() -> &'static Morph {
    static M: OnceLock<Morph> = OnceLock::new();
    M.get_or_init(|| Morph::bundled().unwrap())
}

fuzz_target!(|text: &str| {
    match SourceSet::parse_files([(Path::new("fuzz.tsv"), text)]) {
        Ok(set) => {
            let g = compile(&set, morph());
            let _ = g.stats();
        }
        Err(errors) => {
            for e in errors {
                let shown = e.to_string();
                assert!(shown.starts_with("fuzz.tsv"), "{shown}");
            }
        }
    }
});
