//! Normalization into a working copy that keeps a map back to the original offsets.
//!
//! Matching needs one spelling per word: ё and е are one letter in Russian news, quotes and
//! dashes come in a dozen code points, soft hyphens and stress marks hide inside words, and
//! scraped text mixes Latin look-alikes into Cyrillic words («Путин» with a Latin `у`). The
//! original text is never changed; every offset reported to users is mapped back through
//! [`NormText::orig_span`].

use super::chars::is_cyrillic;

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
    /// The map back to the original text, kept where the distance between the two offsets
    /// changes: from `norm` offset `.0` on (up to the next entry) a character at `norm` offset
    /// `n` comes from original offset `.1 + (n - .0)`; before the first entry, from `n`. A
    /// replaced character maps to the character it replaces. Most texts need a few entries (one
    /// per quote mark, dash or dropped character), where a table per byte wrote four bytes for
    /// every byte of text. Offsets are only read on character boundaries.
    shifts: Vec<(u32, u32)>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

impl NormText {
    /// The original byte span of the normalized span `start..end` (byte offsets of `norm` on
    /// char boundaries). Characters dropped by normalization at the end of the span are not
    /// included.
    pub fn orig_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig_offset(start);
        if end <= start {
            return (s, s);
        }
        // The end is the start of the next kept character, minus any dropped characters
        // (soft hyphens, zero-width marks) that sit between the span and that character.
        let mut e = self.orig_offset(end);
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
            return self.orig_len;
        }
        match self.shifts.partition_point(|&(n, _)| n as usize <= at) {
            0 => at,
            k => {
                let (n, o) = self.shifts[k - 1];
                o as usize + (at - n as usize)
            }
        }
    }

    /// Records that the next character written to `norm` comes from original offset `orig`.
    fn map_next(&mut self, orig: usize) {
        let (n, o) = (self.norm.len() as u32, orig as u32);
        match self.shifts.last_mut() {
            // Nothing was written since the last entry: this one replaces it.
            Some(last) if last.0 == n => *last = (n, o),
            Some(&mut (ln, lo)) if o.wrapping_sub(lo) == n.wrapping_sub(ln) => {}
            None if n == o => {}
            _ => self.shifts.push((n, o)),
        }
    }

    fn clear(&mut self) {
        self.norm.clear();
        self.fold.clear();
        self.shifts.clear();
        self.orig_len = 0;
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
    // Names are Russian or Latin: their lower case is found per byte pair by arithmetic (the
    // gazetteer and person stages fold tens of names per article, and decoding each
    // character to push it back was most of the cost). Any other character takes the
    // standard library's rules for the whole string (which look at context, as for a final
    // «Σ»).
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        if lead < 0x80 {
            out.push(lead.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let Some(&next) = b.get(i + 1) else {
            return slow_fold(s);
        };
        match (lead, next) {
            // Ё, ё → е.
            (0xD0, 0x81) | (0xD1, 0x91) => out.extend_from_slice(&[0xD0, 0xB5]),
            // Ѐ–Џ (U+0400–U+040F) → ѐ–џ (U+0450–U+045F).
            (0xD0, 0x80..=0x8F) => out.extend_from_slice(&[0xD1, next + 0x10]),
            // А–П → а–п.
            (0xD0, 0x90..=0x9F) => out.extend_from_slice(&[0xD0, next + 0x20]),
            // Р–Я → р–я.
            (0xD0, 0xA0..=0xAF) => out.extend_from_slice(&[0xD1, next - 0x20]),
            // а–я, ѐ–џ: lower case already.
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x9F) => out.extend_from_slice(&[lead, next]),
            _ => return slow_fold(s),
        }
        i += 2;
    }
    String::from_utf8(out).expect("whole characters of U+0000–U+007F and U+0400–U+045F")
}

/// [`fold_key`] of a string with a character outside ASCII and U+0400–U+045F.
#[cold]
fn slow_fold(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// [`fold_key`] without a copy when `s` is in its key form already (lower-case Russian or
/// ASCII without «ё»: every dictionary lemma but a few).
pub fn fold_key_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars()
        .all(|c| c != 'ё' && super::chars::lower_fast(c) == Some(c))
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_key(s))
    }
}

/// `name` (built from the working copy, where «ё» is «е») with the «ё» of `original`, the
/// text it was read from, put back: «Петр Толстой» read from «Пётр Толстой», «Королев» from
/// «Королёвым». A word of `name` takes the «ё» of an original word that is the same word with
/// at most an ending changed (the two agree up to their last letter or further, case and «ё»
/// aside), and only where the two agree. Ids stay the same either way: slugs and matching
/// keys fold «ё» to «е».
pub fn restore_yo<'a>(name: &'a str, original: &str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let has_yo = |w: &str| w.contains(['ё', 'Ё']);
    if !has_yo(original) || !name.contains(['е', 'Е']) {
        return Cow::Borrowed(name);
    }
    let originals: Vec<Vec<char>> = original
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| has_yo(w))
        .map(|w| w.chars().collect())
        .collect();
    let same = |a: char, b: char| {
        let f = |c: char| match super::chars::lower_fast(c) {
            Some('ё') => 'е',
            Some(l) => l,
            None => c,
        };
        f(a) == f(b)
    };
    let mut out = String::with_capacity(name.len() + 2);
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        for o in &originals {
            let common = word
                .iter()
                .zip(o)
                .take_while(|&(&a, &b)| same(a, b))
                .count();
            if common + 1 >= word.len() && common >= word.len().min(3) {
                for (c, &oc) in word.iter_mut().zip(o).take(common) {
                    *c = match (*c, oc) {
                        ('е', 'ё' | 'Ё') => 'ё',
                        ('Е', 'ё' | 'Ё') => 'Ё',
                        (c, _) => c,
                    };
                }
                break;
            }
        }
        out.extend(word.drain(..));
    };
    for c in name.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    Cow::Owned(out)
}

/// Builds [`NormText`] working copies. Cannot fail; holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct Normalizer;

/// The run of letters being written: where it started in the output and in the input, and
/// which scripts it holds. A word mixing Cyrillic and Latin letters is redone at its end with
/// the Latin look-alikes made Cyrillic («Пyтин»); otherwise words are written straight
/// through.
#[derive(Default)]
struct Word {
    open: bool,
    out: usize,
    input: usize,
    cyrillic: bool,
    latin: bool,
}

/// The outputs being written. Most of a text is copied unchanged into `norm`, and most of it
/// into `fold` (all but capitals), so each keeps a pending run of the input that it copies as
/// one string slice when a changed character interrupts it: the hot loop only classifies
/// bytes, and no output is re-validated as UTF-8.
struct Writer<'t, 'o> {
    text: &'t str,
    out: &'o mut NormText,
    /// Start in the input of the bytes not yet copied into `norm` (and mapped in `shifts`).
    norm_run: usize,
    /// Start in the input of the bytes not yet copied into `fold`.
    fold_run: usize,
}

impl Writer<'_, '_> {
    /// Length of `norm` once the pending run up to `at` is written.
    fn out_len(&self, at: usize) -> usize {
        self.out.norm.len() + (at - self.norm_run)
    }

    /// Copies the pending run of `norm` up to `at`; its bytes map to themselves.
    fn flush_norm(&mut self, at: usize) {
        if at > self.norm_run {
            self.out.map_next(self.norm_run);
            self.out.norm.push_str(&self.text[self.norm_run..at]);
        }
        self.norm_run = at;
    }

    fn flush_fold(&mut self, at: usize) {
        if at > self.fold_run {
            self.out.fold.push_str(&self.text[self.fold_run..at]);
        }
        self.fold_run = at;
    }

    /// `c` replaces the `len` input bytes at `at` in `norm` (all its bytes map to `at`), and
    /// its lower case follows in `fold`.
    fn changed(&mut self, at: usize, len: usize, c: char) {
        self.flush_norm(at);
        self.flush_fold(at);
        self.out.map_next(at);
        self.out.norm.push(c);
        self.out.fold.push(fold_char(c));
        self.norm_run = at + len;
        self.fold_run = at + len;
    }

    /// The input character at `at` stays in `norm`; `lower` replaces it in `fold`.
    fn lowered(&mut self, at: usize, len: usize, lower: char) {
        self.flush_fold(at);
        self.out.fold.push(lower);
        self.fold_run = at + len;
    }

    /// Input bytes left out of both copies.
    fn dropped(&mut self, at: usize, len: usize) {
        self.flush_norm(at);
        self.flush_fold(at);
        self.norm_run = at + len;
        self.fold_run = at + len;
    }

    /// Writes the character at `at` as [`composed`] and `twin` make it.
    fn write_char(&mut self, at: usize, twin: bool) {
        let (c, len) = composed(self.text, at);
        let c = if twin {
            cyrillic_twin(c).unwrap_or(c)
        } else {
            c
        };
        if is_dropped(c) {
            self.dropped(at, len);
        } else if len != c.len_utf8() || !self.text[at..].starts_with(c) {
            self.changed(at, len, c);
        } else {
            let lower = fold_char(c);
            if lower != c {
                self.lowered(at, len, lower);
            }
        }
    }

    /// Ends the run of letters at `end`; a run mixing scripts is written again with its Latin
    /// look-alikes made Cyrillic.
    #[inline]
    fn end_word(&mut self, word: &mut Word, end: usize) {
        if word.open && word.cyrillic && word.latin {
            self.rewrite_mixed(word, end);
        }
        word.open = false;
    }

    /// [`Writer::end_word`] for a run that mixes scripts (rare: kept out of line, so that the
    /// test every word ends with is inlined).
    #[inline(never)]
    fn rewrite_mixed(&mut self, word: &Word, end: usize) {
        self.flush_norm(end);
        self.flush_fold(end);
        self.out.norm.truncate(word.out);
        self.out.fold.truncate(word.out);
        let kept = self
            .out
            .shifts
            .partition_point(|&(n, _)| (n as usize) < word.out);
        self.out.shifts.truncate(kept);
        self.norm_run = word.input;
        self.fold_run = word.input;
        let mut at = word.input;
        while at < end {
            self.write_char(at, true);
            at += composed(self.text, at).1;
        }
        self.flush_norm(end);
        self.flush_fold(end);
    }

    fn start_word(&mut self, word: &mut Word, at: usize) {
        if !word.open {
            *word = Word {
                open: true,
                out: self.out_len(at),
                input: at,
                ..Word::default()
            };
        }
    }
}

/// The character of a code point of the Russian block.
fn cyrillic_char(cp: u32) -> char {
    char::from_u32(cp).expect("U+0400–U+045F")
}

/// The canonical character at byte `at` of `text` and how many input bytes it takes: a
/// decomposed й or ё (base letter and combining breve or diaeresis) is one letter.
fn composed(text: &str, at: usize) -> (char, usize) {
    let mut chars = text[at..].chars();
    let c = chars
        .next()
        .expect("`at` is below the length, on a char boundary");
    let len = c.len_utf8();
    match (c, chars.next()) {
        ('и', Some('\u{0306}')) => ('й', len + 2),
        ('И', Some('\u{0306}')) => ('Й', len + 2),
        ('е', Some('\u{0308}')) => ('е', len + 2),
        ('Е', Some('\u{0308}')) => ('Е', len + 2),
        _ => (canonical(c), len),
    }
}

impl Normalizer {
    /// Normalizes `text` into `out`, reusing its buffers.
    pub fn normalize(&self, text: &str, out: &mut NormText) {
        out.clear();
        out.orig_len = text.len();
        out.norm.reserve(text.len());
        out.fold.reserve(text.len());
        let mut w = Writer {
            text,
            out,
            norm_run: 0,
            fold_run: 0,
        };
        let mut word = Word::default();
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // ASCII: letters extend the word, anything else ends it («`» is an apostrophe).
            if b < 0x80 {
                if b.is_ascii_alphabetic() {
                    w.start_word(&mut word, at);
                    word.latin = true;
                    if b.is_ascii_uppercase() {
                        w.lowered(at, 1, char::from(b.to_ascii_lowercase()));
                    }
                    // Likewise the lower-case Latin letters after it.
                    while bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) {
                        at += 1;
                    }
                } else {
                    w.end_word(&mut word, at);
                    if b == b'`' {
                        w.changed(at, 1, '\'');
                    }
                }
                at += 1;
                continue;
            }
            // The Russian letters, U+0400–U+045F (lead byte D0 or D1), unless a combining
            // mark of U+0300–U+033F follows (lead byte CC: the breve, diaeresis and stress
            // marks that composing and dropping handle): case pairs are 0x20 or 0x50 apart,
            // ё is е.
            if (b == 0xD0 || b == 0xD1) && bytes.get(at + 2) != Some(&0xCC) {
                let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[at + 1] & 0x3F);
                if cp <= 0x45F {
                    w.start_word(&mut word, at);
                    word.cyrillic = true;
                    match cp {
                        0x451 => w.changed(at, 2, 'е'),
                        0x401 => w.changed(at, 2, 'Е'),
                        0x400..=0x40F => w.lowered(at, 2, cyrillic_char(cp + 0x50)),
                        0x410..=0x42F => w.lowered(at, 2, cyrillic_char(cp + 0x20)),
                        _ => {}
                    }
                    at += 2;
                    // The lower-case letters а–я that follow need nothing: they stay as they
                    // are in both copies, in a word already open.
                    // (Not before U+0300–U+033F, lead byte CC: a combining mark composes;
                    // inside four letters each is followed by the next one's lead byte.)
                    while let Some(four) = bytes.get(at..at + 8)
                        && super::chars::four_lower_russian(four.try_into().expect("8 bytes"))
                        && bytes.get(at + 8) != Some(&0xCC)
                    {
                        at += 8;
                    }
                    while super::chars::is_lower_russian_at(bytes, at)
                        && bytes.get(at + 2) != Some(&0xCC)
                    {
                        at += 2;
                    }
                    continue;
                }
            }
            // Everything else, one character at a time.
            let (c, len) = composed(text, at);
            if !is_dropped(c) {
                if super::chars::is_alpha(c) {
                    w.start_word(&mut word, at);
                    word.cyrillic |= is_cyrillic(c);
                    word.latin |= c.is_ascii_alphabetic();
                } else {
                    w.end_word(&mut word, at);
                }
            }
            w.write_char(at, false);
            at += len;
        }
        w.end_word(&mut word, text.len());
        w.flush_norm(text.len());
        w.flush_fold(text.len());
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
    fn restore_yo_puts_back_the_letters_of_the_original() {
        let cases = [
            ("Петр Толстой", "с Пётром Толстым", "Пётр Толстой"),
            ("Королев", "Королёвым", "Королёв"),
            ("Юн Сок Ель", "Юн Сок Ёль", "Юн Сок Ёль"),
            ("Артем Семенов", "Артёма Семёнова", "Артём Семёнов"),
            ("Жан-Пьер Кремен", "Жан-Пьера Кремёна", "Жан-Пьер Кремён"),
            // A different word that only begins alike is not the source of the «ё».
            ("Федоров", "Фёдор Федоров", "Федоров"),
            ("Федор Федоров", "Фёдор Федоров", "Фёдор Федоров"),
            // Nothing to restore.
            ("Петр", "Петра", "Петр"),
            ("Орел", "Пётр", "Орел"),
        ];
        for (name, original, want) in cases {
            assert_eq!(restore_yo(name, original), want, "{name} / {original}");
        }
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

    /// The specification, one character at a time: compose, drop, cut into runs of letters,
    /// make the Latin look-alikes of a mixed run Cyrillic. The byte-level fast paths of
    /// [`Normalizer::normalize`] must give exactly this.
    fn reference(text: &str) -> (String, String, Vec<u32>) {
        let mut chars = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let (c, len) = composed(text, at);
            if !is_dropped(c) {
                chars.push((at, c, len));
            }
            at += len;
        }
        let (mut norm, mut fold, mut orig) = (String::new(), String::new(), Vec::new());
        let mut i = 0;
        while i < chars.len() {
            let mut j = i;
            while j < chars.len() && crate::text::chars::is_alpha(chars[j].1) {
                j += 1;
            }
            let j = j.max(i + 1);
            let run = &chars[i..j];
            let mixed = run.iter().any(|&(_, c, _)| is_cyrillic(c))
                && run.iter().any(|&(_, c, _)| c.is_ascii_alphabetic());
            for &(at, c, len) in run {
                let c = if mixed {
                    cyrillic_twin(c).unwrap_or(c)
                } else {
                    c
                };
                norm.push(c);
                fold.push(fold_char(c));
                if len == c.len_utf8() && text[at..].starts_with(c) {
                    orig.extend(at as u32..(at + len) as u32);
                } else {
                    orig.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
                }
            }
            i = j;
        }
        orig.push(text.len() as u32);
        (norm, fold, orig)
    }

    proptest::proptest! {
        /// The fast path of `fold_key` gives what the standard lower case gives.
        #[test]
        fn fold_key_is_the_standard_lower_case(s in "[а-яА-ЯёЁa-zA-Z ΣσςİẞЀ-Џѐ-џѠѡ.-]{0,12}") {
            proptest::prop_assert_eq!(fold_key(&s), s.to_lowercase().replace('ё', "е"));
        }
    }

    const NORMALIZE_PIECES: &[&str] = &[
        "а", "Я", "ё", "Ё", "и", "И", "е", "Е", "\u{0306}", "\u{0308}", "\u{0301}", "\u{00AD}",
        "\u{200B}", "a", "y", "P", "z", "«", "»", "—", "\u{00A0}", " ", "1", "\"", "`", "Ѐ", "Ї",
        "ѣ", "Ω", "ß", "İ", "ẞ", "\n", "-", "’", "丁", "😀", "ǅ", "\u{0483}", "Ґ", "\u{FEFF}",
    ];

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_specification(
            text in super::super::texts_of(NORMALIZE_PIECES, 40)
        ) {
            let t = norm(&text);
            let (n, f, o) = reference(&text);
            proptest::prop_assert_eq!(&t.norm, &n);
            proptest::prop_assert_eq!(&t.fold, &f);
            // The map agrees with the table at every character boundary of `norm` and at its end.
            for (k, _) in t.norm.char_indices().chain([(t.norm.len(), ' ')]) {
                proptest::prop_assert_eq!(t.orig_offset(k), o[k] as usize, "at {}", k);
            }
        }
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
