//! Text stages that cannot fail: normalization, sentence splitting, tokenization, and the map
//! from byte offsets to the code-point offsets of the record contract.

pub mod chars;
pub mod normalize;
pub mod offsets;
pub mod sentences;
pub mod tokens;
pub mod wordlist;

pub use normalize::{NormText, Normalizer, fold_key, fold_key_cow, restore_yo};
pub use offsets::CharIndex;
pub use sentences::{Sentence, SentenceSplitter};
pub use tokens::{Shape, Token, TokenKind, Tokenizer};
pub use wordlist::WordList;

/// Test texts: up to `max` pieces picked from `pieces` and joined. The pieces of each test are
/// the characters or words that reach every branch of the fast path it checks.
#[cfg(test)]
pub(crate) fn texts_of(
    pieces: &'static [&'static str],
    max: usize,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(pieces), 0..max).prop_map(|v| v.concat())
}
