//! Character classes with fast paths for ASCII and Cyrillic.
//!
//! `char::is_alphabetic` and `char::is_uppercase` answer ASCII from a table and everything
//! else by a binary search over Unicode ranges; on Russian text that search was a fifth of the
//! pipeline's time. Cyrillic (U+0400–U+04FF) is answered here by ranges, anything else falls
//! back to the standard library, so results are the same for every character.

/// True when `c` is in the Cyrillic block U+0400–U+04FF.
#[inline]
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// True when the two bytes `b0 b1` are a lower-case Russian letter а–я (see
/// [`is_lower_russian_at`]).
#[inline]
pub fn is_lower_russian_pair(b0: u8, b1: u8) -> bool {
    let pair = u16::from_be_bytes([b0, b1]);
    (pair.wrapping_sub(0xD0B0) < 0x10) | (pair.wrapping_sub(0xD180) < 0x10)
}

/// True when the eight bytes are four lower-case Russian letters: checked together, with no
/// branch, so that the runs of such letters inside words (most of Russian text) cost one
/// test per four letters.
#[inline]
pub fn four_lower_russian(bytes: &[u8; 8]) -> bool {
    bytes
        .chunks_exact(2)
        .fold(true, |all, p| all & is_lower_russian_pair(p[0], p[1]))
}

/// True when `bytes[i..]` starts with a lower-case Russian letter а–я (U+0430–U+044F, bytes
/// `D0 B0`–`D0 BF` and `D1 80`–`D1 8F`).
///
/// Why not a `match` on the two lead bytes: Russian words switch between the D0 and D1 halves
/// of the alphabet at random, so a branch on the lead byte is mispredicted every few letters
/// in the tightest loops of the normalizer and the tokenizer. Here the two bytes, read as one
/// big-endian number, are checked against the two ranges with no branch.
#[inline]
pub fn is_lower_russian_at(bytes: &[u8], i: usize) -> bool {
    // One bounds check for the pair.
    match bytes.get(i..i + 2) {
        Some(&[b0, b1]) => is_lower_russian_pair(b0, b1),
        _ => false,
    }
}

/// The lower case of `c` when it is ASCII or in U+0400–U+045F (the Russian alphabet and its
/// neighbours), where it is one character found by arithmetic; `None` for any other
/// character, whose lower case takes the standard library's table search.
#[inline]
pub fn lower_fast(c: char) -> Option<char> {
    match c {
        '\0'..='\x7F' => Some(c.to_ascii_lowercase()),
        // Ѐ–Џ → ѐ–џ and А–Я → а–я.
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50),
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20),
        '\u{0430}'..='\u{045F}' => Some(c),
        _ => None,
    }
}

/// The upper case of `c` when it is ASCII or in U+0400–U+045F, found by arithmetic (the
/// mirror of [`lower_fast`]); `None` for any other character.
#[inline]
pub fn upper_fast(c: char) -> Option<char> {
    match c {
        '\0'..='\x7F' => Some(c.to_ascii_uppercase()),
        '\u{0400}'..='\u{042F}' => Some(c),
        // а–я → А–Я and ѐ–џ → Ѐ–Џ.
        '\u{0430}'..='\u{044F}' => char::from_u32(c as u32 - 0x20),
        '\u{0450}'..='\u{045F}' => char::from_u32(c as u32 - 0x50),
        _ => None,
    }
}

/// `c.is_alphabetic()`, fast for ASCII and Cyrillic.
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        // Letters; U+0482–U+0489 are a sign and combining marks.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, fast for ASCII and Cyrillic.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || c.is_numeric()
}

/// Whether the second letter of `word` is a capital: «МИДа», «BSkyB» against «Мид». A
/// title-case word of this kind is an abbreviation with an ending or a name written so.
pub fn second_is_upper(word: &str) -> bool {
    word.chars().nth(1).is_some_and(is_upper)
}

/// `c.is_uppercase()`, fast for ASCII and the Russian alphabet.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match c {
        '\u{0400}'..='\u{042F}' => true,
        '\u{0430}'..='\u{045F}' => false,
        _ => c.is_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_fast_is_the_standard_lower_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(l) = super::lower_fast(c) {
                let want: Vec<char> = c.to_lowercase().collect();
                assert_eq!(want, [l], "{c:?}");
            }
        }
        assert!(super::lower_fast('Я').is_some() && super::lower_fast('Σ').is_none());
    }

    #[test]
    fn upper_fast_is_the_standard_upper_case() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(u) = super::upper_fast(c) {
                let want: Vec<char> = c.to_uppercase().collect();
                assert_eq!(want, [u], "{c:?}");
            }
        }
        assert!(super::upper_fast('ё') == Some('Ё') && super::upper_fast('σ').is_none());
    }

    proptest::proptest! {
        /// Four letters at once agree with one letter at a time.
        #[test]
        fn four_letters_at_once(
            bytes in proptest::array::uniform8(proptest::sample::select(
                vec![0xD0u8, 0xD1, 0xB0, 0xBF, 0x80, 0x8F, 0x90, 0xAF, 0xC0, b'a', 0xCC],
            )),
        ) {
            let want = (0..4).all(|k| super::is_lower_russian_at(&bytes, 2 * k));
            proptest::prop_assert_eq!(super::four_lower_russian(&bytes), want);
        }
    }

    #[test]
    fn lower_russian_letters_by_bytes() {
        // Every pair of bytes, then each at the end of the slice.
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                let want = matches!([b0, b1], [0xD0, 0xB0..=0xBF] | [0xD1, 0x80..=0x8F]);
                assert_eq!(
                    super::is_lower_russian_at(&[b0, b1], 0),
                    want,
                    "{b0:x} {b1:x}"
                );
            }
            assert!(!super::is_lower_russian_at(&[b0], 0));
        }
        assert!(!super::is_lower_russian_at(&[], 0));
    }

    use super::*;

    #[test]
    fn agrees_with_the_standard_library_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }
}
