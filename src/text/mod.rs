//! Text stages that cannot fail: normalization, sentence splitting, tokenization, and the map
//! from byte offsets to the code-point offsets of the record contract.

pub mod chars;
pub mod normalize;
pub mod offsets;
pub mod sentences;
pub mod tokens;
pub mod wordlist;

pub use normalize::{NormText, Normalizer, fold_key};
pub use offsets::CharIndex;
pub use sentences::{Sentence, SentenceSplitter};
pub use tokens::{Shape, Token, TokenKind, Tokenizer};
pub use wordlist::WordList;
