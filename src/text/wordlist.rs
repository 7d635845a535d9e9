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
    /// Bit `n` (63 for 63 and more) set when a word has `n` bytes.
    lengths: u64,
    /// Bit `b % 64` set when a word ends with byte `b`.
    last_bytes: u64,
    set: OnceLock<HashSet<&'static str, foldhash::fast::FixedState>>,
}

/// The bit of [`WordList::lengths`] for a word of `n` bytes.
const fn length_bit(n: usize) -> u64 {
    1 << if n < 63 { n } else { 63 }
}

/// The bit of [`WordList::last_bytes`] for a word ending with byte `b`.
const fn last_byte_bit(b: u8) -> u64 {
    1 << (b % 64)
}

impl WordList {
    /// A list of `words` (its set is built on the first lookup).
    pub const fn new(words: &'static [&'static str]) -> WordList {
        let (mut lengths, mut last_bytes) = (0, 0);
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            lengths |= length_bit(w.len());
            if let [.., last] = w {
                last_bytes |= last_byte_bit(*last);
            }
            k += 1;
        }
        WordList {
            words,
            lengths,
            last_bytes,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is in the list (exactly, as written there).
    ///
    /// Most words asked about are in no list: a word whose length or last byte no entry has
    /// is answered by two bit tests, without hashing it (the lists are asked for every
    /// reading of every word in some windows).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        if self.lengths & length_bit(w.len()) == 0 {
            return false;
        }
        if let [.., last] = w
            && self.last_bytes & last_byte_bit(*last) == 0
        {
            return false;
        }
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

    /// The length and last-byte filters only ever reject words the set lacks: a word that
    /// passes them is still checked against the set, and every listed word passes them.
    #[test]
    fn filters_pass_every_listed_word_of_any_length() {
        static LONG: WordList = WordList::new(&[
            "",
            "а",
            "z",
            "международного-сотрудничества-и-развития",
            "премьер-министр",
        ]);
        for w in LONG.words() {
            assert!(LONG.contains(w), "{w}");
        }
        // Pass both filters (the length and the last byte's bit of a listed word: «Ѱ» ends
        // with the byte «а» ends with, «:» with the bit of «z»), yet not listed.
        for w in ["Ѱ", ":", "премьер-монистр"] {
            assert!(!LONG.contains(w), "{w}");
        }
        // Fail a filter.
        for w in ["б", "y", "международного-сотрудничества-и-развития!"]
        {
            assert!(!LONG.contains(w), "{w}");
        }
        assert!(!LONG.contains("премьер-министрр"));
    }
}
