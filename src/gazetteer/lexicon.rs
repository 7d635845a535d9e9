//! A token trie over every inflected form, with hashed edges.
//!
//! Keys are the folded (lower-case, ё→е) token texts of a phrase joined by single spaces:
//! «владимира путина», «игр будущего». A state is a key prefix that ends on a word; an edge
//! from a state is one more word. Matching starts at a token and follows one edge per token,
//! each a hash lookup of the token's text, so word boundaries hold by construction and the
//! longest match is simply the last one reported.
//!
//! Why a hash per word and not a byte automaton: matching starts at every token of running
//! text, so the first step decides the cost, and a word is looked up whole in one probe. An
//! FST of the same keys (the `fst` crate, the previous design) walked byte by byte through
//! its widest nodes on every token, about 470 instructions per call under callgrind, and
//! building it was most of the gazetteer's start-up (see ARCHITECTURE.md).

use std::hash::{BuildHasher, Hasher};

use crate::text::{Token, TokenKind};

/// Maximum number of tokens in one key; longer aliases are not matched.
pub const MAX_KEY_TOKENS: usize = 12;

/// Marks "none" in the `u32` links of a state.
const NONE: u32 = u32::MAX;

/// The state [`Lexicon::first`] gives for a word that starts no key.
pub const NO_STATE: u32 = NONE;

/// The hash of an edge: the state it leaves and the word it reads. Fixed seed, so that runs
/// are reproducible.
fn edge_hash(from: u32, word: &str) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x6e67).build_hasher();
    h.write_u32(from);
    h.write(word.as_bytes());
    h.finish()
}

/// Edge hashes are already well mixed: the map uses them as they are.
#[derive(Default, Clone, Copy)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type EdgeMap = std::collections::HashMap<u64, u32, std::hash::BuildHasherDefault<Prehashed>>;

/// One state of the trie: a key prefix ending on a word.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct State {
    /// The state it was reached from.
    parent: u32,
    /// The word read to reach it, as a range of `Lexicon::words`.
    word: (u32, u32),
    /// The group of postings when the prefix is a whole key, else [`NONE`].
    group: u32,
    /// Another state whose edge has the same hash ([`NONE`] at the end of the chain): two
    /// different edges sharing a 64-bit hash stay exact.
    same_hash: u32,
    /// Whether an edge leaves it. Most keys a walk reaches are whole names with no longer
    /// key after them («путина», «казани»): the walk stops there without hashing the next
    /// word and probing the edge table (a miss in the processor's caches more often than
    /// not).
    has_edges: bool,
}

/// A built lexicon: key → list of postings.
#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lexicon<P> {
    /// Edge hash → the first state of its chain.
    edges: EdgeMap,
    /// States; 0 is the root (the empty prefix).
    states: Vec<State>,
    /// The words of all edges, one after another.
    words: String,
    groups: Vec<(u32, u32)>,
    postings: Vec<P>,
}

impl<P> std::fmt::Debug for Lexicon<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("keys", &self.groups.len())
            .field("states", &self.states.len())
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

    /// Sorts, groups equal keys and builds the trie. Postings of one key keep the order in
    /// which they were added (the sort is stable), and exact duplicates are dropped.
    pub fn build(mut self) -> Lexicon<P> {
        self.items.sort_by(|a, b| a.0.cmp(&b.0));
        let mut lex = Lexicon {
            edges: EdgeMap::default(),
            states: vec![State {
                parent: NONE,
                word: (0, 0),
                group: NONE,
                same_hash: NONE,
                has_edges: false,
            }],
            words: String::new(),
            groups: Vec::new(),
            postings: Vec::with_capacity(self.items.len()),
        };
        let mut i = 0;
        while i < self.items.len() {
            let key = &self.items[i].0;
            let start = lex.postings.len();
            let mut j = i;
            while j < self.items.len() && self.items[j].0 == *key {
                let p = &self.items[j].1;
                if !lex.postings[start..].contains(p) {
                    lex.postings.push(p.clone());
                }
                j += 1;
            }
            let mut state = 0;
            for word in key.split(' ') {
                state = match lex.step(state, word) {
                    Some(next) => next,
                    None => lex.add_edge(state, word),
                };
            }
            lex.states[state as usize].group = lex.groups.len() as u32;
            lex.groups
                .push((start as u32, (lex.postings.len() - start) as u32));
            i = j;
        }
        lex
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

    /// Number of states (key prefixes that end on a word, and the empty one): the states
    /// [`Lexicon::first`] returns are below it.
    pub fn states(&self) -> usize {
        self.states.len()
    }

    /// Every key as `(group, state)`: its group of postings and the state after its first
    /// word (what [`Lexicon::first`] gives for that word).
    pub fn first_states(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.states
            .iter()
            .enumerate()
            .filter(|(_, s)| s.group != NONE)
            .map(|(i, s)| {
                let mut at = i as u32;
                while self.states[at as usize].parent != 0 {
                    at = self.states[at as usize].parent;
                }
                (s.group, at)
            })
    }

    /// Bytes used by the trie and the posting table (the edge map's buckets estimated).
    pub fn memory(&self) -> usize {
        self.edges.capacity() * (std::mem::size_of::<(u64, u32)>() + 1)
            + self.states.len() * std::mem::size_of::<State>()
            + self.words.len()
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
        let mut state = 0;
        for word in key.split(' ') {
            state = self.step(state, word)?;
        }
        match self.states[state as usize].group {
            NONE => None,
            group => Some(self.postings(group)),
        }
    }

    /// The state reached from `from` by reading `word`.
    fn step(&self, from: u32, word: &str) -> Option<u32> {
        let mut s = *self.edges.get(&edge_hash(from, word))?;
        while s != NONE {
            let state = &self.states[s as usize];
            let (a, b) = state.word;
            if state.parent == from && &self.words[a as usize..b as usize] == word {
                return Some(s);
            }
            s = state.same_hash;
        }
        None
    }

    /// Adds the edge `from` → new state by `word` (not present yet); returns the new state.
    fn add_edge(&mut self, from: u32, word: &str) -> u32 {
        let id = self.states.len() as u32;
        let start = self.words.len() as u32;
        self.words.push_str(word);
        let same_hash = self.edges.insert(edge_hash(from, word), id).unwrap_or(NONE);
        self.states.push(State {
            parent: from,
            word: (start, self.words.len() as u32),
            group: NONE,
            same_hash,
            has_edges: false,
        });
        self.states[from as usize].has_edges = true;
        id
    }

    /// The state after `word` read as a key's first word ([`NO_STATE`] when no key starts
    /// with it). It depends on the word alone, so a worker may keep it per distinct word and
    /// hand it to [`Lexicon::matches_from`]: the first step is the one taken at every token of
    /// running text, and most words end it.
    pub fn first(&self, word: &str) -> u32 {
        self.step(0, word).unwrap_or(NONE)
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
        let state = match tokens.get(first) {
            Some(t) if first < limit && t.kind != TokenKind::Punct => self.first(t.text(fold)),
            _ => NONE,
        };
        self.matches_from(fold, tokens, first, limit, state, out);
    }

    /// [`Lexicon::matches_at`] given `state`, what [`Lexicon::first`] says of
    /// `tokens[first]`, or [`NO_STATE`] to find nothing (for punctuation, or when the caller
    /// knows no key from there can fit).
    #[inline]
    pub fn matches_from(
        &self,
        fold: &str,
        tokens: &[Token],
        first: usize,
        limit: usize,
        state: u32,
        out: &mut Vec<(usize, u32)>,
    ) {
        out.clear();
        // Inlined up to here: at most tokens of running text no key starts, and the call
        // ends before it is made.
        if first < limit && state != NONE {
            self.walk(fold, &tokens[first..limit], state, out);
        }
    }

    /// The keys through `state`, the state after `tokens[0]`, onto `out`.
    fn walk(&self, fold: &str, tokens: &[Token], mut state: u32, out: &mut Vec<(usize, u32)>) {
        debug_assert!(tokens[0].kind != TokenKind::Punct);
        debug_assert_eq!(state, self.first(tokens[0].text(fold)));
        for (n, token) in tokens.iter().take(MAX_KEY_TOKENS).enumerate() {
            if n > 0 {
                let Some(next) = self.step(state, token.text(fold)) else {
                    return;
                };
                state = next;
            }
            let reached = &self.states[state as usize];
            if reached.group != NONE {
                out.push((n + 1, reached.group));
            }
            if !reached.has_edges {
                return;
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

    proptest::proptest! {
        /// Against a plain set of keys: every key that starts at a token and ends on a token
        /// boundary is found, shortest first, with its postings in the order added.
        #[test]
        fn matches_are_the_keys_of_a_plain_map(
            keys in proptest::collection::vec(
                (proptest::collection::vec(0usize..6, 1..4), 0u32..4),
                0..30,
            ),
            text in proptest::collection::vec(0usize..7, 0..12),
        ) {
            const WORDS: [&str; 7] = ["путин", "путина", "в", "казани", "игры", "будущего", "."];
            let join = |ws: &[usize]| ws.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            let mut b = LexiconBuilder::default();
            let mut plain: std::collections::HashMap<String, Vec<u32>> = Default::default();
            for (ws, p) in &keys {
                let key = join(ws);
                b.add(&key, *p);
                let postings = plain.entry(key).or_default();
                if !postings.contains(p) {
                    postings.push(*p);
                }
            }
            let lex = b.build();
            proptest::prop_assert_eq!(lex.len(), plain.len());
            for (key, postings) in &plain {
                proptest::prop_assert_eq!(lex.get(key), Some(&postings[..]));
            }
            let (n, t) = tokens(&join(&text));
            let mut out = Vec::new();
            for first in 0..t.len() {
                lex.matches_at(&n.fold, &t, first, t.len(), &mut out);
                let got: Vec<(usize, Vec<u32>)> =
                    out.iter().map(|&(len, g)| (len, lex.postings(g).to_vec())).collect();
                let want: Vec<(usize, Vec<u32>)> = if t[first].kind == TokenKind::Punct {
                    Vec::new()
                } else {
                    (1..=(t.len() - first).min(MAX_KEY_TOKENS))
                        .filter_map(|len| {
                            let key = key_of(&n.fold, &t[first..first + len]);
                            plain.get(&key).map(|p| (len, p.clone()))
                        })
                        .collect()
                };
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
