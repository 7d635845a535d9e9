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
    let base = range.start;
    let mut space = true;
    let first = out.len();
    for (at, piece) in text.split_word_bound_indices() {
        let Some(c) = piece.chars().next() else {
            continue;
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if piece.chars().any(super::chars::is_alpha) {
            TokenKind::Word
        } else if c.is_ascii_digit() || c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        // «Р.Оззи», «т.е.», «В.В.Путин» are one UAX #29 word; initials and abbreviations are
        // matched token by token, so split at the full stops.
        if kind == TokenKind::Word && piece.contains('.') {
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
                        space_before: space && offset == 0,
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
            space = false;
            continue;
        }
        let start = (base + at) as u32;
        let end = start + piece.len() as u32;
        // Merge «word-word» (no spaces around the hyphen) into one word token.
        let n = out.len();
        if kind == TokenKind::Word
            && !space
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
            space = false;
            continue;
        }
        out.push(Token {
            start,
            end,
            kind,
            shape: shape(piece),
            sentence,
            space_before: space,
        });
        space = false;
    }
}

fn shape(s: &str) -> Shape {
    let mut letters = 0;
    let mut upper = 0;
    let mut first_upper = false;
    for c in s.chars().filter(|&c| super::chars::is_alpha(c)) {
        if letters == 0 {
            first_upper = super::chars::is_upper(c);
        }
        letters += 1;
        if super::chars::is_upper(c) {
            upper += 1;
        }
    }
    match (letters, first_upper) {
        (0, _) => Shape::NoLetter,
        (n, _) if n >= 2 && upper == n => Shape::Upper,
        (_, true) => Shape::Title,
        _ => Shape::Lower,
    }
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

    #[test]
    fn space_before_is_tracked() {
        let mut out = Vec::new();
        Tokenizer.tokenize_phrase("\"Игры будущего\"", &mut out);
        let flags: Vec<bool> = out.iter().map(|t| t.space_before).collect();
        assert_eq!(flags, [true, false, true, false]);
    }
}
