//! Normalization into a working copy that keeps a map back to the original offsets.
//!
//! Matching needs one spelling per word: ё and е are one letter in Russian news, quotes and
//! dashes come in a dozen code points, soft hyphens and stress marks hide inside words, and
//! scraped text mixes Latin look-alikes into Cyrillic words («Путин» with a Latin `у`). The
//! original text is never changed; every offset reported to users is mapped back through
//! [`NormText::orig_span`].

/// A normalized working copy of one text.
///
/// `norm` keeps letter case; `fold` is the same text lowercased with exactly the same byte
/// layout, so one offset map serves both and a token's bytes can be read from either.
#[derive(Debug, Default, Clone)]
pub struct NormText {
    /// Canonical spelling, case preserved.
    pub norm: String,
    /// `norm` lowercased, byte for byte aligned with it.
    pub fold: String,
    /// For each byte of `norm`, and once more at its end, the byte offset in the original text.
    orig: Vec<u32>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

impl NormText {
    /// The original byte span of the normalized span `start..end` (byte offsets of `norm` on
    /// char boundaries). Characters dropped by normalization at the end of the span are not
    /// included.
    pub fn orig_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig[start] as usize;
        if end <= start {
            return (s, s);
        }
        // The end is the start of the next kept character, minus any dropped characters
        // (soft hyphens, zero-width marks) that sit between the span and that character.
        let mut e = if end >= self.norm.len() {
            self.orig_len
        } else {
            self.orig[end] as usize
        };
        while e > s {
            let Some(c) = original[..e].chars().next_back() else {
                break;
            };
            if !is_dropped(c) {
                break;
            }
            e -= c.len_utf8();
        }
        (s, e)
    }

    /// The original byte offset of the normalized byte offset `at`.
    pub fn orig_offset(&self, at: usize) -> usize {
        if at >= self.norm.len() {
            self.orig_len
        } else {
            self.orig[at] as usize
        }
    }

    fn clear(&mut self) {
        self.norm.clear();
        self.fold.clear();
        self.orig.clear();
        self.orig_len = 0;
    }

    fn push_ascii(&mut self, b: u8, at: usize) {
        self.norm.push(b as char);
        self.fold.push(b as char);
        self.orig.push(at as u32);
    }

    fn push(&mut self, c: char, lower: char, at: usize) {
        debug_assert_eq!(c.len_utf8(), lower.len_utf8());
        self.norm.push(c);
        self.fold.push(lower);
        for _ in 0..c.len_utf8() {
            self.orig.push(at as u32);
        }
    }
}

/// Characters removed from the working copy: they never separate or form words.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{200B}'
            ..='\u{200D}' // zero-width space, non-joiner, joiner
            | '\u{2060}' // word joiner
            | '\u{FEFF}' // byte order mark / zero-width no-break space
            | '\u{0300}' | '\u{0301}' // stress marks written over Russian vowels
    )
}

/// The canonical character for `c`, before case folding.
fn canonical(c: char) -> char {
    match c {
        'ё' => 'е',
        'Ё' => 'Е',
        '«' | '»' | '„' | '“' | '”' | '‟' | '″' | '〝' | '〞' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' | '′' | '`' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' | '﹣' | '－' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    }
}

/// The Cyrillic letter a Latin look-alike stands for inside a Cyrillic word.
fn cyrillic_twin(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Lowercase `c` when that keeps its UTF-8 length (true for Cyrillic and Latin), so `fold`
/// stays byte-aligned with `norm`; the rare characters whose lowercase is longer or shorter
/// keep their case.
fn fold_char(c: char) -> char {
    // Fast paths for the two alphabets of Russian news.
    match c {
        'A'..='Z' => return c.to_ascii_lowercase(),
        'a'..='z' | 'а'..='я' => return c,
        'А'..='Я' => return char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => {}
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// A word or name in its matching key: lower case, ё as е («Мирзиёев» → «мирзиеев»). The
/// same folding as the `fold` copy of [`NormText`], for strings outside a text.
pub fn fold_key(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// Builds [`NormText`] working copies. Cannot fail; holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct Normalizer;

impl Normalizer {
    /// Normalizes `text` into `out`, reusing its buffers.
    pub fn normalize(&self, text: &str, out: &mut NormText) {
        out.clear();
        out.orig_len = text.len();
        out.norm.reserve(text.len());
        out.fold.reserve(text.len());
        out.orig.reserve(text.len() + 1);

        // Where the current run of letters started, in the output and in the input, and which
        // scripts it holds: a word mixing Cyrillic and Latin letters is redone at its end with
        // the Latin look-alikes made Cyrillic («Пyтин»). Words are written straight through
        // otherwise, so the common case copies each character once.
        let mut word_out = 0usize;
        let mut word_in = 0usize;
        let (mut cyrillic, mut latin) = (false, false);
        let mut in_word = false;

        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // ASCII that is neither a letter nor a quote: by far the most common non-letter.
            if c.is_ascii() && !c.is_ascii_alphabetic() && c != '`' && c != '"' {
                if in_word {
                    end_word(text, out, word_out, word_in, at, cyrillic && latin);
                    in_word = false;
                }
                out.push_ascii(c as u8, at);
                continue;
            }
            if is_dropped(c) {
                continue;
            }
            // Decomposed й and ё (base letter + combining breve/diaeresis).
            let c = match (c, chars.peek().map(|&(_, n)| n)) {
                ('и', Some('\u{0306}')) => {
                    chars.next();
                    'й'
                }
                ('И', Some('\u{0306}')) => {
                    chars.next();
                    'Й'
                }
                ('е', Some('\u{0308}')) => {
                    chars.next();
                    'е'
                }
                ('Е', Some('\u{0308}')) => {
                    chars.next();
                    'Е'
                }
                _ => canonical(c),
            };
            if super::chars::is_alpha(c) {
                if !in_word {
                    in_word = true;
                    word_out = out.norm.len();
                    word_in = at;
                    cyrillic = false;
                    latin = false;
                }
                cyrillic |= is_cyrillic(c);
                latin |= c.is_ascii_alphabetic();
                out.push(c, fold_char(c), at);
                continue;
            }
            if in_word {
                end_word(text, out, word_out, word_in, at, cyrillic && latin);
                in_word = false;
            }
            out.push(c, fold_char(c), at);
        }
        if in_word {
            end_word(text, out, word_out, word_in, text.len(), cyrillic && latin);
        }
        out.orig.push(text.len() as u32);
    }
}

/// Ends a run of letters; a run mixing scripts is written again with Latin look-alikes made
/// Cyrillic.
fn end_word(
    text: &str,
    out: &mut NormText,
    word_out: usize,
    word_in: usize,
    end: usize,
    mixed: bool,
) {
    if !mixed {
        return;
    }
    out.norm.truncate(word_out);
    out.fold.truncate(word_out);
    out.orig.truncate(word_out);
    let mut chars = text[word_in..end].char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if is_dropped(c) {
            continue;
        }
        let c = match (c, chars.peek().map(|&(_, n)| n)) {
            ('и', Some('\u{0306}')) => {
                chars.next();
                'й'
            }
            ('И', Some('\u{0306}')) => {
                chars.next();
                'Й'
            }
            ('е' | 'Е', Some('\u{0308}')) => {
                chars.next();
                c
            }
            _ => canonical(c),
        };
        let c = cyrillic_twin(c).unwrap_or(c);
        out.push(c, fold_char(c), word_in + k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> NormText {
        let mut out = NormText::default();
        Normalizer.normalize(s, &mut out);
        out
    }

    #[test]
    fn table() {
        let cases = [
            ("Ёлка и ёж", "Елка и еж", "елка и еж"),
            ("«Игры будущего»", "\"Игры будущего\"", "\"игры будущего\""),
            (
                "Путин\u{00A0}— президент",
                "Путин - президент",
                "путин - президент",
            ),
            ("Пу\u{00AD}тин", "Путин", "путин"),
            ("Пу\u{0301}тин", "Путин", "путин"),
            ("Путин", "Путин", "путин"), // Latin y
            ("Microsoft", "Microsoft", "microsoft"),
            ("CNN и ТАСС", "CNN и ТАСС", "cnn и тасс"),
            ("Токаеви\u{0306}", "Токаевй", "токаевй"),
        ];
        for (input, n, f) in cases {
            let t = norm(input);
            assert_eq!(t.norm, n, "{input}");
            assert_eq!(t.fold, f, "{input}");
            assert_eq!(t.norm.len(), t.fold.len());
        }
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let text = "«Пу\u{00AD}тин»\u{00AD} и Токаев";
        let t = norm(text);
        let start = t.norm.find("Путин").unwrap();
        let (s, e) = t.orig_span(text, start, start + "Путин".len());
        assert_eq!(&text[s..e], "Пу\u{00AD}тин");
        let q = t.norm.find('"').unwrap();
        let end = t.norm.rfind('"').unwrap() + 1;
        let (s, e) = t.orig_span(text, q, end);
        assert_eq!(&text[s..e], "«Пу\u{00AD}тин»");
        let tok = t.norm.find("Токаев").unwrap();
        let (s, e) = t.orig_span(text, tok, t.norm.len());
        assert_eq!(&text[s..e], "Токаев");
    }

    #[test]
    fn empty_and_dropped_only() {
        let t = norm("");
        assert_eq!(t.norm, "");
        assert_eq!(t.orig_span("", 0, 0), (0, 0));
        let t = norm("\u{FEFF}\u{200B}");
        assert_eq!(t.norm, "");
        assert_eq!(t.orig_offset(0), "\u{FEFF}\u{200B}".len());
    }
}
