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
