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
            count += code_points(chunk);
        }
        self.blocks.push(count);
    }

    /// The code-point offset of byte offset `at` (a char boundary of the indexed text).
    pub fn char_at(&self, text: &str, at: usize) -> u32 {
        let block = at / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        let from = block * BLOCK;
        base + code_points(&text.as_bytes()[from.min(at)..at])
    }
}

/// Code points starting in `bytes` (bytes that are no UTF-8 continuation byte), eight bytes
/// at a time: a continuation byte is `10xxxxxx`, so its top bit is set and the next one
/// clear, and one mask and a population count find them in a word. Once per 64 bytes of
/// every text and twice per span of every record: the byte loop this replaces was a quarter
/// of the instructions of turning a span's offsets into the record's (`Spans::of_norm`), and
/// 1.4% of a whole run in indexing the texts.
fn code_points(bytes: &[u8]) -> u32 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        continuation += (x & !(x << 1) & TOP).count_ones();
    }
    let tail = words.remainder();
    let tail_starts = tail.iter().filter(|&&b| !is_continuation(b)).count() as u32;
    (bytes.len() - tail.len()) as u32 - continuation + tail_starts
}

fn is_continuation(b: u8) -> bool {
    b & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_counts_what_chars_counts() {
        for text in ["", "a", "Путин", "ё🙂x", &"Казань 🙂 «Игры» ".repeat(7)]
        {
            for from in 0..=text.len() {
                for to in from..=text.len() {
                    let slice = &text.as_bytes()[from..to];
                    let want = slice.iter().filter(|&&b| !is_continuation(b)).count() as u32;
                    assert_eq!(code_points(slice), want, "{text:?}[{from}..{to}]");
                }
            }
        }
    }

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
