//! Fixed lists of words looked up by the stages.
//!
//! A list is written as a slice literal next to the rule that uses it; lookups go through a
//! hash set built on first use. Why: `<[&str]>::contains` compares the word with every entry,
//! and some lists are asked for every reading of every word in a window (a person's title,
//! a state role: up to a hundred entries each), where the scan was the hottest loop of the
//! event extractor under perf.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A fixed list of words with a hash-set lookup.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, foldhash::fast::FixedState>>,
}

impl WordList {
    /// A list of `words` (its set is built on the first lookup).
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is in the list (exactly, as written there).
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    /// The words, in the order written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::WordList;

    static LIST: WordList = WordList::new(&["президент", "премьер-министр", "ё"]);

    #[test]
    fn contains_exactly_the_words() {
        for w in LIST.words() {
            assert!(LIST.contains(w));
        }
        for w in ["Президент", "президента", "", "е", "премьер"] {
            assert!(!LIST.contains(w), "{w}");
        }
    }
}
