//! A token-sequence trie over every inflected form, stored as a finite-state transducer.
//!
//! Keys are the folded (lower-case, ё→е) token texts of a phrase joined by single spaces:
//! «владимира путина», «игр будущего». Matching walks the FST from one token onwards, byte by
//! byte, and reports every key that ends on a token boundary, so word boundaries hold by
//! construction and the longest match is simply the last one reported.
//!
//! Why not an Aho–Corasick automaton over the text: with every case form of every alias the
//! full gazetteers have a few hundred thousand patterns; `aho-corasick` took 1.3 s and 74 MB to
//! build 400 000 such patterns here (measured with a scratch program, see ARCHITECTURE.md),
//! against the 0.3 s start-up budget, and cannot be stored pre-built. An FST of the same keys
//! builds in tens of milliseconds, takes a few megabytes, and matching is driven by tokens
//! that the pipeline has already produced.

use fst::raw::{Fst, Output};

use crate::text::{Token, TokenKind};

/// Maximum number of tokens in one key; longer aliases are not matched.
pub const MAX_KEY_TOKENS: usize = 12;

/// Bits in the first-word filter (32 KiB).
const FILTER_BITS: usize = 1 << 18;

/// FNV-1a over a word's bytes: cheap for the short words of running text, and fixed, so a
/// filter is the same on every run.
fn word_hash(bytes: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 29)) as usize % FILTER_BITS
}

/// A built lexicon: key → list of postings.
#[derive(Clone)]
pub struct Lexicon<P> {
    fst: Fst<Vec<u8>>,
    groups: Vec<(u32, u32)>,
    postings: Vec<P>,
    /// A bit per hashed first word of some key. Most tokens of running text start no key;
    /// one hash and one bit reject them before the byte-by-byte walk of the FST (no false
    /// negatives, so matching is unchanged).
    first_words: Vec<u64>,
}

impl<P> std::fmt::Debug for Lexicon<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("keys", &self.groups.len())
            .field("postings", &self.postings.len())
            .finish()
    }
}

/// Collects `(key, posting)` pairs in any order.
#[derive(Debug, Clone)]
pub struct LexiconBuilder<P> {
    items: Vec<(Box<str>, P)>,
}

impl<P> Default for LexiconBuilder<P> {
    fn default() -> Self {
        LexiconBuilder { items: Vec::new() }
    }
}

impl<P: Clone + PartialEq> LexiconBuilder<P> {
    /// Adds one key with one posting.
    pub fn add(&mut self, key: &str, posting: P) {
        self.items.push((key.into(), posting));
    }

    /// Number of pairs added.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts, groups equal keys and builds the FST. Postings of one key keep the order in
    /// which they were added (the sort is stable), and exact duplicates are dropped.
    pub fn build(mut self) -> Lexicon<P> {
        self.items.sort_by(|a, b| a.0.cmp(&b.0));
        let mut builder = fst::raw::Builder::memory();
        let mut groups = Vec::new();
        let mut postings: Vec<P> = Vec::with_capacity(self.items.len());
        let mut first_words = vec![0u64; FILTER_BITS / 64];
        let mut i = 0;
        while i < self.items.len() {
            let key = &self.items[i].0;
            let first = key.split(' ').next().unwrap_or("");
            let bit = word_hash(first.as_bytes());
            first_words[bit / 64] |= 1 << (bit % 64);
            let start = postings.len();
            let mut j = i;
            while j < self.items.len() && self.items[j].0 == *key {
                let p = &self.items[j].1;
                if !postings[start..].contains(p) {
                    postings.push(p.clone());
                }
                j += 1;
            }
            builder
                .insert(key.as_bytes(), groups.len() as u64)
                .expect("keys are sorted and unique");
            groups.push((start as u32, (postings.len() - start) as u32));
            i = j;
        }
        let bytes = builder.into_inner().expect("in-memory FST cannot fail");
        Lexicon {
            fst: Fst::new(bytes).expect("built above"),
            groups,
            postings,
            first_words,
        }
    }
}

impl<P> Lexicon<P> {
    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there are no keys.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Bytes used by the FST and the posting table.
    pub fn memory(&self) -> usize {
        self.fst.as_bytes().len()
            + self.first_words.len() * 8
            + self.groups.len() * 8
            + self.postings.len() * std::mem::size_of::<P>()
    }

    /// The postings of one group.
    pub fn postings(&self, group: u32) -> &[P] {
        let (start, len) = self.groups[group as usize];
        &self.postings[start as usize..(start + len) as usize]
    }

    /// The postings of an exact key, if present.
    pub fn get(&self, key: &str) -> Option<&[P]> {
        self.fst
            .get(key.as_bytes())
            .map(|o| self.postings(o.value() as u32))
    }

    /// Every key that starts at `tokens[first]` and ends on a token boundary before `limit`,
    /// as `(number of tokens, group)`, shortest first. `fold` is the folded text the tokens
    /// index into. Keys never start on punctuation.
    pub fn matches_at(
        &self,
        fold: &str,
        tokens: &[Token],
        first: usize,
        limit: usize,
        out: &mut Vec<(usize, u32)>,
    ) {
        out.clear();
        if first >= limit || tokens[first].kind == TokenKind::Punct {
            return;
        }
        let bytes = fold.as_bytes();
        let head = &tokens[first];
        let bit = word_hash(&bytes[head.start as usize..head.end as usize]);
        if self.first_words[bit / 64] & (1 << (bit % 64)) == 0 {
            return;
        }
        let fst = &self.fst;
        let mut node = fst.root();
        let mut output = Output::zero();
        for (n, token) in tokens[first..limit].iter().enumerate().take(MAX_KEY_TOKENS) {
            if n > 0 {
                match node.find_input(b' ') {
                    Some(i) => {
                        let t = node.transition(i);
                        output = output.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => return,
                }
            }
            for &b in &bytes[token.start as usize..token.end as usize] {
                match node.find_input(b) {
                    Some(i) => {
                        let t = node.transition(i);
                        output = output.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => return,
                }
            }
            if node.is_final() {
                out.push((n + 1, output.cat(node.final_output()).value() as u32));
            }
        }
    }
}

/// The key of a tokenized phrase: folded token texts joined by single spaces.
pub fn key_of(fold: &str, tokens: &[Token]) -> String {
    let mut key = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(t.text(fold));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{NormText, Normalizer, Tokenizer};

    fn tokens(s: &str) -> (NormText, Vec<Token>) {
        let mut n = NormText::default();
        Normalizer.normalize(s, &mut n);
        let mut t = Vec::new();
        Tokenizer.tokenize_phrase(&n.norm, &mut t);
        (n, t)
    }

    #[test]
    fn finds_every_key_ending_on_a_token_boundary() {
        let mut b = LexiconBuilder::default();
        b.add("владимир", 1u32);
        b.add("владимир путин", 2);
        b.add("владимира путина", 2);
        b.add("путин", 3);
        b.add("путин", 3);
        b.add("путин", 4);
        let lex = b.build();
        assert_eq!(lex.len(), 4);
        assert_eq!(lex.get("путин"), Some(&[3, 4][..]));

        let (n, t) = tokens("Встреча Владимира Путина и Владимира Путинова");
        let mut out = Vec::new();
        lex.matches_at(&n.fold, &t, 1, t.len(), &mut out);
        let got: Vec<(usize, &[u32])> =
            out.iter().map(|&(len, g)| (len, lex.postings(g))).collect();
        assert_eq!(got, [(2, &[2][..])]);
        lex.matches_at(&n.fold, &t, 5, t.len(), &mut out);
        assert!(out.is_empty(), "«Путинова» must not match «путин»");
        lex.matches_at(&n.fold, &t, 4, t.len(), &mut out);
        assert!(out.is_empty(), "«Владимира» alone is not a key");
    }
}
