//! Byte offsets to code-point offsets of the original text.
//!
//! Stages work in UTF-8 byte offsets; the record contract counts code points, so that
//! `text[start:end]` in Python is the mention. Counting from the start for every offset would
//! be quadratic on long documents, so counts are kept per 64-byte block.

const BLOCK: usize = 64;

/// Code-point counts at every 64-byte block boundary of one text.
#[derive(Debug, Default, Clone)]
pub struct CharIndex {
    blocks: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`, reusing the buffer.
    pub fn build(&mut self, text: &str) {
        self.blocks.clear();
        let mut count = 0u32;
        for chunk in text.as_bytes().chunks(BLOCK) {
            self.blocks.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        self.blocks.push(count);
    }

    /// The code-point offset of byte offset `at` (a char boundary of the indexed text).
    pub fn char_at(&self, text: &str, at: usize) -> u32 {
        let block = at / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        let from = block * BLOCK;
        base + text.as_bytes()[from.min(at)..at]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count() as u32
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_everywhere() {
        let text = "Путин и Токаев 🙂 встретились в Казани. ".repeat(20);
        let mut index = CharIndex::default();
        index.build(&text);
        for (n, (at, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_at(&text, at), n as u32);
        }
        assert_eq!(
            index.char_at(&text, text.len()),
            text.chars().count() as u32
        );
    }
}
