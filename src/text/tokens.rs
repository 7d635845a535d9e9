//! Word tokens over the normalized text (Unicode word boundaries, UAX #29).
//!
//! Hyphenated compounds («Касым-Жомарт», «Нью-Йорк», «премьер-министр») are one token:
//! morphology and the gazetteers treat them as one word. Tokens never span sentences, and
//! their offsets are byte offsets of `NormText::norm` (and `fold`, which has the same layout).

use unicode_segmentation::UnicodeSegmentation;

use super::sentences::Sentence;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, hyphens or apostrophes).
    Word,
    /// Digits (with `.`/`,` inside: «22.02.2024», «3,5»).
    Number,
    /// Anything else that is not white space: punctuation, symbols.
    Punct,
}

/// Letter case of a token as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// No upper-case letter.
    Lower,
    /// First letter upper case, not all upper case (or a single upper-case letter).
    Title,
    /// Two or more letters, all upper case.
    Upper,
    /// No letters.
    NoLetter,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the normalized text.
    pub start: u32,
    /// End byte in the normalized text.
    pub end: u32,
    /// Kind.
    pub kind: TokenKind,
    /// Letter case.
    pub shape: Shape,
    /// Index of the sentence.
    pub sentence: u32,
    /// True when white space separates it from the previous token.
    pub space_before: bool,
}

impl Token {
    /// The token's bytes in `text` (the normalized or the folded copy).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// True for word tokens starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && matches!(self.shape, Shape::Title | Shape::Upper)
    }
}

/// Splits sentences into tokens. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tokenizer;

impl Tokenizer {
    /// Tokenizes every sentence of `norm` into `out`, reusing its buffer. Returns, for each
    /// sentence, the range of its tokens in `out`, through `ranges`.
    pub fn tokenize(
        &self,
        norm: &str,
        sentences: &[Sentence],
        out: &mut Vec<Token>,
        ranges: &mut Vec<std::ops::Range<usize>>,
    ) {
        out.clear();
        ranges.clear();
        for (si, sentence) in sentences.iter().enumerate() {
            let first = out.len();
            tokenize_span(norm, sentence.range.clone(), si as u32, out);
            ranges.push(first..out.len());
        }
    }

    /// Tokenizes a standalone phrase (a gazetteer alias) exactly as sentence text would be.
    pub fn tokenize_phrase(&self, norm: &str, out: &mut Vec<Token>) {
        out.clear();
        tokenize_span(norm, 0..norm.len(), 0, out);
    }
}

fn tokenize_span(norm: &str, range: std::ops::Range<usize>, sentence: u32, out: &mut Vec<Token>) {
    let text = &norm[range.clone()];
    let mut span = Span {
        norm,
        base: range.start,
        sentence,
        space: true,
        first: out.len(),
    };
    // Most sentences of Russian news hold nothing but ASCII and Russian letters once
    // normalized; their word bounds come from a byte loop that gives exactly what UAX #29
    // gives on those characters (checked by a proptest). At the first other character the
    // loop stops, and the sentence is cut again by the full rules: a character such as a
    // combining accent may join the segment before it.
    let mut words = SimpleWords::new(text);
    loop {
        // Half the segments are the spaces between words: they only mark the next token, so
        // they are stepped over here rather than cut and returned as segments.
        if words.skip_blanks() {
            span.space = true;
        }
        // Most tokens are a plain word after a space: pushed here, without the segment's
        // general scan and the checks of `Span::piece` (a word after a space joins no hyphen
        // before it; see `SimpleWords::plain_word` for what else it must not be).
        if span.space
            && let Some((at, end, shape)) = words.plain_word()
        {
            let start = (span.base + at) as u32;
            out.push(Token {
                start,
                end: start + (end - at) as u32,
                kind: TokenKind::Word,
                shape,
                sentence,
                space_before: true,
            });
            span.space = false;
            continue;
        }
        let Some((at, piece)) = words.next() else {
            break;
        };
        let piece_shape = words.shape.unwrap_or_else(|| shape(piece));
        span.piece(at, piece, piece_shape, words.dot, out);
    }
    if words.foreign {
        out.truncate(span.first);
        span.space = true;
        for (at, piece) in text.split_word_bound_indices() {
            span.piece(at, piece, shape(piece), piece.contains('.'), out);
        }
    }
}

/// The text of one sentence being cut into tokens.
struct Span<'a> {
    norm: &'a str,
    base: usize,
    sentence: u32,
    /// White space since the last token.
    space: bool,
    /// Index in `out` of the sentence's first token.
    first: usize,
}

impl Span<'_> {
    /// Turns one UAX #29 segment at `at` (relative to the sentence) into tokens, given its
    /// letter case and whether it holds a full stop.
    fn piece(
        &mut self,
        at: usize,
        piece: &str,
        piece_shape: Shape,
        dot: bool,
        out: &mut Vec<Token>,
    ) {
        let (norm, base, sentence, first) = (self.norm, self.base, self.sentence, self.first);
        let Some(c) = piece.chars().next() else {
            return;
        };
        // A piece with a letter is no white space: the common case skips the Unicode check.
        if piece_shape == Shape::NoLetter && c.is_whitespace() {
            self.space = true;
            return;
        }
        let kind = if piece_shape != Shape::NoLetter {
            TokenKind::Word
        } else if c.is_ascii_digit() || c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        // «Р.Оззи», «т.е.», «В.В.Путин» are one UAX #29 word; initials and abbreviations are
        // matched token by token, so split at the full stops.
        if kind == TokenKind::Word && dot {
            let mut offset = 0;
            for part in piece.split_inclusive('.') {
                let (word, dot) = match part.strip_suffix('.') {
                    Some(w) => (w, true),
                    None => (part, false),
                };
                let s = (base + at + offset) as u32;
                if !word.is_empty() {
                    let k = if word.chars().any(super::chars::is_alpha) {
                        TokenKind::Word
                    } else {
                        TokenKind::Number
                    };
                    out.push(Token {
                        start: s,
                        end: s + word.len() as u32,
                        kind: k,
                        shape: shape(word),
                        sentence,
                        space_before: self.space && offset == 0,
                    });
                }
                if dot {
                    let d = s + word.len() as u32;
                    out.push(Token {
                        start: d,
                        end: d + 1,
                        kind: TokenKind::Punct,
                        shape: Shape::NoLetter,
                        sentence,
                        space_before: false,
                    });
                }
                offset += part.len();
            }
            self.space = false;
            return;
        }
        let start = (base + at) as u32;
        let end = start + piece.len() as u32;
        // Merge «word-word» (no spaces around the hyphen) into one word token.
        let n = out.len();
        if kind == TokenKind::Word
            && !self.space
            && n >= first + 2
            && out[n - 1].kind == TokenKind::Punct
            && out[n - 1].end - out[n - 1].start == 1
            && norm.as_bytes()[out[n - 1].start as usize] == b'-'
            && !out[n - 1].space_before
            && out[n - 2].kind == TokenKind::Word
            && !combining_form(
                &norm[out[n - 2].start as usize..out[n - 2].end as usize],
                piece,
            )
        {
            out.pop();
            let prev = out.last_mut().expect("checked above");
            prev.end = end;
            prev.shape = shape(&norm[prev.start as usize..end as usize]);
            self.space = false;
            return;
        }
        out.push(Token {
            start,
            end,
            kind,
            shape: piece_shape,
            sentence,
            space_before: self.space,
        });
        self.space = false;
    }
}

/// True when `text` holds only characters whose UAX #29 word-break class [`SimpleWords`]
/// knows: printable ASCII, space, tab, and Cyrillic U+0400–U+047F (all letters). Used by the
/// tests.
#[cfg(test)]
fn simple_text(text: &str) -> bool {
    let mut words = SimpleWords::new(text);
    while words.next().is_some() {}
    !words.foreign
}

/// The word-break class of the byte that starts a character, as [`SimpleWords`] sees it
/// ([`Class::Foreign`] for a character it does not know).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ALetter: ASCII and Cyrillic letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`.
    Connector,
    /// MidNumLet and Single_Quote: `.` and `'` (between two letters or two digits).
    MidNumLet,
    /// MidLetter: `:` (between two letters).
    MidLetter,
    /// MidNum: `,` and `;` (between two digits).
    MidNum,
    /// WSegSpace: a space (runs of spaces are one segment).
    Space,
    /// Other printable ASCII and the tab: a segment of its own.
    Other,
    /// A byte that starts a character [`SimpleWords`] does not know: control characters and
    /// anything outside ASCII and U+0400–U+047F.
    Foreign,
}

/// [`Class`] of every byte, looked up once per character.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class_of(b as u8);
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[b as usize]
}

const fn class_of(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | 0xD0 | 0xD1 => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Connector,
        b'.' | b'\'' => Class::MidNumLet,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b' ' => Class::Space,
        b'\t' | 0x21..=0x7E => Class::Other,
        _ => Class::Foreign,
    }
}

/// UAX #29 word segments of a text of ASCII and Russian letters, as `(byte offset,
/// segment)`: the rules WB3d, WB5–WB13b restricted to their classes (no other rule can apply
/// to them). It stops at the first [`Class::Foreign`] character, and sets `foreign`: the
/// segments given so far are then not to be trusted.
struct SimpleWords<'a> {
    text: &'a str,
    at: usize,
    /// A character the scan does not know was met: the segmentation stopped there.
    foreign: bool,
    /// The letter case of the last segment, read while scanning it; `None` when it holds a
    /// letter whose case the scan does not know (U+0460–U+047F).
    shape: Option<Shape>,
    /// Whether the last segment joins a full stop between letters or digits («т.е»,
    /// «22.02.2024»; a lone «.» is a segment of its own and does not count).
    dot: bool,
}

/// Letters seen in a segment and how many are capitals: what [`Shape`] is made of.
#[derive(Default)]
struct LetterCase {
    letters: u32,
    upper: u32,
    first_upper: bool,
    /// A letter whose case [`LetterCase::add`] cannot read from its bytes was seen.
    unknown: bool,
}

impl LetterCase {
    /// Counts one letter.
    fn push(&mut self, up: bool) {
        if self.letters == 0 {
            self.first_upper = up;
        }
        self.letters += 1;
        self.upper += u32::from(up);
    }

    /// Counts the letter whose first byte is at `i` (a [`Class::Letter`]): ASCII and
    /// U+0400–U+045F (capitals below U+0430) are read from their bytes; U+0460–U+047F only
    /// marks the case unknown.
    fn add(&mut self, bytes: &[u8], i: usize) {
        let up = match bytes[i] {
            b @ 0..0x80 => b.is_ascii_uppercase(),
            0xD0 => bytes[i + 1] < 0xB0,
            _ if bytes[i + 1] < 0xA0 => false,
            _ => {
                self.unknown = true;
                false
            }
        };
        self.push(up);
    }

    /// The shape of the letters counted, `None` when one was of unknown case.
    fn shape(&self) -> Option<Shape> {
        if self.unknown {
            return None;
        }
        Some(match (self.letters, self.first_upper) {
            (0, _) => Shape::NoLetter,
            (n, _) if n >= 2 && self.upper == n => Shape::Upper,
            (_, true) => Shape::Title,
            _ => Shape::Lower,
        })
    }
}

impl<'a> SimpleWords<'a> {
    fn new(text: &'a str) -> Self {
        SimpleWords {
            text,
            at: 0,
            foreign: false,
            shape: None,
            dot: false,
        }
    }

    /// Steps over spaces and tabs at the current position (what the segments of spaces and
    /// tabs would cover); true when there were any.
    fn skip_blanks(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let start = self.at;
        while self.at < bytes.len() && matches!(bytes[self.at], b' ' | b'\t') {
            self.at += 1;
        }
        self.at > start
    }

    /// A word of lower-case Russian and Latin letters, or of a Russian capital and such
    /// letters, at the current position, followed by the end of the text, a space or a
    /// character that never joins a word (UAX #29 class Other: no full stop, apostrophe,
    /// colon, comma, digit or other letter, after which the word might go on): its start,
    /// end and shape, the position moved past it. `None`, the position unchanged, for
    /// anything else: [`SimpleWords::next`] reads it then.
    #[inline]
    fn plain_word(&mut self) -> Option<(usize, usize, Shape)> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut end = start;
        let mut shape = Shape::Lower;
        // А–Я are D0 90–D0 AF.
        if let Some(&[0xD0, b1]) = bytes.get(start..start + 2)
            && (0x90..0xB0).contains(&b1)
        {
            end += 2;
            shape = Shape::Title;
        }
        // Four Russian letters at a time, then one by one.
        while let Some(chunk) = bytes.get(end..end + 8)
            && super::chars::four_lower_russian(chunk.try_into().expect("8 bytes"))
        {
            end += 8;
        }
        let (end, _) = lower_letters(bytes, end);
        if end == start {
            return None;
        }
        match bytes.get(end).map(|&b| class(b)) {
            None | Some(Class::Space | Class::Other) => {
                self.at = end;
                Some((start, end, shape))
            }
            Some(_) => None,
        }
    }

    /// Byte length of the character starting at `i`.
    fn width(&self, i: usize) -> usize {
        if self.text.as_bytes()[i] >= 0x80 {
            2
        } else {
            1
        }
    }
}

impl<'a> Iterator for SimpleWords<'a> {
    type Item = (usize, &'a str);

    /// Inlined: called once per segment of the text, from one loop in the hot path.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let first = class(bytes[start]);
        if first == Class::Foreign {
            self.foreign = true;
            return None;
        }
        let mut end = start + self.width(start);
        let mut case = LetterCase::default();
        self.dot = false;
        if first == Class::Letter {
            case.add(bytes, start);
        }
        match first {
            Class::Space => {
                while end < bytes.len() && bytes[end] == b' ' {
                    end += 1;
                }
            }
            Class::Letter | Class::Digit | Class::Connector => {
                let mut last = first;
                while end < bytes.len() {
                    // Runs of lower-case letters (а–я, a–z), the common case, are counted
                    // without classifying each one.
                    let run_start = end;
                    let (after, letters) = lower_letters(bytes, end);
                    end = after;
                    case.letters += letters;
                    if end > run_start {
                        last = Class::Letter;
                        continue;
                    }
                    let next = class(bytes[end]);
                    match next {
                        // WB5, WB8, WB9, WB10, WB13a, WB13b.
                        Class::Letter | Class::Digit | Class::Connector => {
                            if next == Class::Letter {
                                case.add(bytes, end);
                            }
                            end += self.width(end);
                            last = next;
                        }
                        // WB6/WB7 (letter · letter), WB11/WB12 (digit · digit).
                        Class::MidNumLet | Class::MidLetter | Class::MidNum => {
                            let after = end + 1;
                            let Some(&b) = bytes.get(after) else { break };
                            let (mid, after_class) = (next, class(b));
                            let joins = match last {
                                Class::Letter => {
                                    matches!(mid, Class::MidNumLet | Class::MidLetter)
                                        && after_class == Class::Letter
                                }
                                Class::Digit => {
                                    matches!(mid, Class::MidNumLet | Class::MidNum)
                                        && after_class == Class::Digit
                                }
                                _ => false,
                            };
                            if !joins {
                                break;
                            }
                            self.dot |= bytes[end] == b'.';
                            if after_class == Class::Letter {
                                case.add(bytes, after);
                            }
                            end = after + self.width(after);
                            last = after_class;
                        }
                        _ => break,
                    }
                }
            }
            _ => {}
        }
        self.at = end;
        self.shape = case.shape();
        Some((start, &self.text[start..end]))
    }
}

/// Steps over the lower-case letters а–я and a–z from `at`: the position after them and how
/// many there were.
#[inline]
fn lower_letters(bytes: &[u8], mut at: usize) -> (usize, u32) {
    let mut letters = 0;
    loop {
        if super::chars::is_lower_russian_at(bytes, at) {
            at += 2;
        } else if bytes.get(at).is_some_and(u8::is_ascii_lowercase) {
            at += 1;
        } else {
            return (at, letters);
        }
        letters += 1;
    }
}

/// The letter case of a token: one pass over its bytes, ASCII and the Russian block read in
/// place (most tokens), any other character through [`super::chars`].
fn shape(s: &str) -> Shape {
    let bytes = s.as_bytes();
    let mut case = LetterCase::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                case.add(bytes, i);
            }
            i += 1;
        } else if b == 0xD0 || (b == 0xD1 && bytes[i + 1] < 0xA0) {
            case.add(bytes, i);
            i += 2;
        } else {
            let c = s[i..].chars().next().expect("on a char boundary");
            if super::chars::is_alpha(c) {
                case.push(super::chars::is_upper(c));
            }
            i += c.len_utf8();
        }
    }
    case.shape().expect("every letter's case is read above")
}

/// True for the first half of a compound adjective written with a hyphen, «российско» in
/// «российско-американский»: it stays a word of its own, so that each half can name its
/// country. The left part ends in -о and has at least five letters (not «кто-то»), the right
/// part is a different lower-case word of at least four letters (not «-нибудь», «-либо»).
fn combining_form(left: &str, right: &str) -> bool {
    let lower_cyrillic = |c: char| matches!(c, 'а'..='я');
    left.ends_with('о')
        && left.chars().count() >= 5
        && !left.contains('-')
        && right.chars().count() >= 4
        && right.chars().next().is_some_and(lower_cyrillic)
        && right != left
        && !matches!(right, "либо" | "нибудь" | "таки")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, TokenKind, Shape)> {
        let mut out = Vec::new();
        Tokenizer.tokenize_phrase(s, &mut out);
        out.iter()
            .map(|t| (t.text(s).to_string(), t.kind, t.shape))
            .collect()
    }

    #[test]
    fn combining_forms_of_compound_adjectives_are_split_off() {
        let t = toks("российско-американский договор, кто-то, научно-популярный, Северо-Западный");
        let texts: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "российско",
                "-",
                "американский",
                "договор",
                ",",
                "кто-то",
                ",",
                "научно",
                "-",
                "популярный",
                ",",
                "Северо-Западный"
            ]
        );
    }

    #[test]
    fn hyphenated_words_are_one_token() {
        let t = toks("Касым-Жомарт Токаев прибыл в Нью-Йорк, премьер-министр - тоже.");
        let words: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            words,
            [
                "Касым-Жомарт",
                "Токаев",
                "прибыл",
                "в",
                "Нью-Йорк",
                ",",
                "премьер-министр",
                "-",
                "тоже",
                "."
            ]
        );
        assert_eq!(t[0].2, Shape::Title);
    }

    #[test]
    fn shapes_and_kinds() {
        let t = toks("США 22.02.2024 В. МИДа 3,5 ТАСС-у");
        let got: Vec<(&str, TokenKind, Shape)> =
            t.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
        assert_eq!(
            got,
            [
                ("США", TokenKind::Word, Shape::Upper),
                ("22.02.2024", TokenKind::Number, Shape::NoLetter),
                ("В", TokenKind::Word, Shape::Title),
                (".", TokenKind::Punct, Shape::NoLetter),
                ("МИДа", TokenKind::Word, Shape::Title),
                ("3,5", TokenKind::Number, Shape::NoLetter),
                ("ТАСС-у", TokenKind::Word, Shape::Title),
            ]
        );
    }

    #[test]
    fn initials_written_together_are_split() {
        let words: Vec<String> = toks("Р.Оззи и В.В.Путин, т.е. он")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(
            words,
            [
                "Р",
                ".",
                "Оззи",
                "и",
                "В",
                ".",
                "В",
                ".",
                "Путин",
                ",",
                "т",
                ".",
                "е",
                ".",
                "он"
            ]
        );
    }

    // The last six are characters the byte loop does not know: it must say so.
    const SEGMENT_PIECES: &[&str] = &[
        "а", "Я", "ё", "ѣ", "Ї", "z", "Q", "7", "0", "_", ".", "'", ":", ",", ";", " ", "  ", "\t",
        "-", "\"", "(", "!", "/", "%", "\u{301}", "é", "№", "\n", "…", "\u{7f}",
    ];

    proptest::proptest! {
        #[test]
        fn simple_segments_are_the_unicode_segments(
            text in super::super::texts_of(SEGMENT_PIECES, 30)
        ) {
            let known = |c: char| matches!(c, '\t' | ' '..='~' | '\u{400}'..='\u{47f}');
            let expect_foreign = !text.chars().all(known);
            proptest::prop_assert_eq!(simple_text(&text), !expect_foreign);
            if expect_foreign {
                return Ok(());
            }
            let mut words = SimpleWords::new(&text);
            let mut fast = Vec::new();
            while let Some((at, piece)) = words.next() {
                // The case and full stop read while scanning are those of the segment.
                if let Some(s) = words.shape {
                    proptest::prop_assert_eq!(s, shape(piece), "{:?}", piece);
                }
                if piece.len() > 1 {
                    proptest::prop_assert_eq!(words.dot, piece.contains('.'), "{:?}", piece);
                }
                fast.push((at, piece));
            }
            let full: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            proptest::prop_assert_eq!(fast, full);
        }
    }

    /// Tokens of `text` cut by the full UAX #29 rules only.
    fn tokens_by_full_rules(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut span = Span {
            norm: text,
            base: 0,
            sentence: 0,
            space: true,
            first: 0,
        };
        for (at, piece) in text.split_word_bound_indices() {
            span.piece(at, piece, shape(piece), piece.contains('.'), &mut out);
        }
        out
    }

    const TOKEN_PIECES: &[&str] = &[
        "Путин",
        "в",
        "Казани",
        "В.В.",
        "22.02.2024",
        "3,5",
        "-",
        "«",
        "»",
        " ",
        "  ",
        "\u{301}",
        "№",
        "\t",
        "т.е.",
        "Нью",
        // Pieces at whose edges a plain word (`SimpleWords::plain_word`) must stop.
        "а",
        "Я",
        "ё",
        "z",
        "Q",
        "7",
        "_",
        ".",
        "'",
        ":",
        ",",
        "\"",
        "Ѣ",
    ];

    proptest::proptest! {
        #[test]
        fn tokens_are_those_of_the_full_rules(
            text in super::super::texts_of(TOKEN_PIECES, 24)
        ) {
            let mut out = Vec::new();
            Tokenizer.tokenize_phrase(&text, &mut out);
            proptest::prop_assert_eq!(out, tokens_by_full_rules(&text), "{:?}", text);
        }
    }

    /// The letter case by characters: the byte loop of [`shape`] must agree.
    fn shape_by_chars(s: &str) -> Shape {
        let letters: Vec<char> = s
            .chars()
            .filter(|&c| super::super::chars::is_alpha(c))
            .collect();
        let upper = letters
            .iter()
            .filter(|&&c| super::super::chars::is_upper(c))
            .count();
        match letters.first() {
            None => Shape::NoLetter,
            Some(_) if letters.len() >= 2 && upper == letters.len() => Shape::Upper,
            Some(&c) if super::super::chars::is_upper(c) => Shape::Title,
            Some(_) => Shape::Lower,
        }
    }

    proptest::proptest! {
        #[test]
        fn shape_agrees_with_the_character_classes(s in "[а-яА-ЯЀ-ӿa-zA-Z0-9.'ÉéßΩω丁-]{0,8}") {
            proptest::prop_assert_eq!(shape(&s), shape_by_chars(&s));
        }
    }

    #[test]
    fn other_scripts_and_signs_take_the_full_rules() {
        for text in ["№ 5", "Müller", "a\u{0301}", "…", "\n", "ґ"] {
            assert!(!simple_text(text), "{text:?}");
        }
        assert!(simple_text("Путин, Токаев: 3,5% (ТАСС)."));
    }

    #[test]
    fn space_before_is_tracked() {
        let mut out = Vec::new();
        Tokenizer.tokenize_phrase("\"Игры будущего\"", &mut out);
        let flags: Vec<bool> = out.iter().map(|t| t.space_before).collect();
        assert_eq!(flags, [true, false, true, false]);
    }
}
