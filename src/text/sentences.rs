//! Russian-aware sentence splitting over the normalized text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it) when
//! the next word starts a new sentence, and at every line break: news text puts headlines,
//! datelines and paragraphs on lines of their own. A full stop does not end a sentence after an
//! initial («В. В. Путин»), after a known abbreviation («г.», «т. е.», «нояб.», «млн»), inside a
//! number, or before a lower-case word.

use std::ops::Range;

/// Sentences longer than this many bytes are cut at the last space before the limit, so that
/// a 10 MB line with no full stop cannot make later stages quadratic.
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

/// One sentence: a byte range of the normalized text and the paragraph (line block) it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in `NormText::norm`, trimmed of white space.
    pub range: Range<usize>,
    /// Index of the paragraph: lines separated by a line break.
    pub paragraph: u32,
}

/// Abbreviations after which a full stop does not end a sentence (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "г",
    "гг",
    "в",
    "вв",
    "т",
    "е",
    "д",
    "п",
    "пп",
    "др",
    "пр",
    "см",
    "ср",
    "им",
    "ул",
    "кв",
    "обл",
    "р",
    "руб",
    "коп",
    "тыс",
    "млн",
    "млрд",
    "трлн",
    "янв",
    "фев",
    "февр",
    "мар",
    "апр",
    "авг",
    "сен",
    "сент",
    "окт",
    "ноя",
    "нояб",
    "дек",
    "проф",
    "акад",
    "доц",
    "ген",
    "ред",
    "ст",
    "стр",
    "рис",
    "табл",
    "гл",
    "н",
    "э",
    "св",
    "оз",
    "пос",
    "дер",
    "с",
    "ч",
    "мин",
    "сек",
    "прим",
    "англ",
    "рус",
    "лат",
    "нем",
    "франц",
    "род",
    "ок",
    "напр",
    "зам",
    "пред",
    "корр",
    "мр",
    "mr",
    "mrs",
    "dr",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "jr",
    "sr",
    "st",
];

/// Splits normalized text into sentences. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct SentenceSplitter;

impl SentenceSplitter {
    /// Splits `norm` (the case-preserving normalized text) into `out`, reusing its buffer.
    pub fn split(&self, norm: &str, out: &mut Vec<Sentence>) {
        out.clear();
        let mut paragraph = 0u32;
        let mut line_start = 0usize;
        while let Some(k) = norm[line_start..].find('\n') {
            let i = line_start + k;
            if split_line(norm, line_start..i, paragraph, out) {
                paragraph += 1;
            }
            line_start = i + 1;
        }
        split_line(norm, line_start..norm.len(), paragraph, out);
    }
}

/// Splits one line; returns true when it held any sentence.
fn split_line(norm: &str, line: Range<usize>, paragraph: u32, out: &mut Vec<Sentence>) -> bool {
    let before = out.len();
    let text = &norm[line.clone()];
    let mut start = 0usize;
    // Terminators are ASCII or «…» (lead byte E2): a byte scan finds them without decoding
    // the letters in between. E2 also starts other characters (U+2000–U+2FFF): those are
    // skipped after a look at the whole character.
    let bytes = text.as_bytes();
    let mut k = 0usize;
    // The next E2 byte at or after `k` (`bytes.len()` when there is none): E2 is rare in
    // news text, so it is searched for once per occurrence rather than at every terminator.
    let next_e2 = |k: usize| memchr::memchr(0xE2, &bytes[k..]).map_or(bytes.len(), |f| k + f);
    let mut e2 = next_e2(0);
    loop {
        if e2 < k {
            e2 = next_e2(k);
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[k..e2]).map(|f| k + f);
        let i = match ascii {
            Some(i) => i,
            None if e2 < bytes.len() => e2,
            None => break,
        };
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ if text[i..].starts_with('…') => '…',
            _ => {
                k = i + 1;
                continue;
            }
        };
        // Swallow the whole cluster of terminators and closing quotes or brackets.
        let mut end = i + c.len_utf8();
        while let Some(n) = text[end..].chars().next()
            && matches!(n, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']')
        {
            end += n.len_utf8();
        }
        if ends_sentence(text, i, c, end) {
            push(norm, line.start + start..line.start + end, paragraph, out);
            start = end;
        }
        k = end;
    }
    push(norm, line.start + start..line.end, paragraph, out);
    out.len() > before
}

/// Decides whether the terminator `c` at `at` (cluster ending at `end`) ends a sentence.
fn ends_sentence(line: &str, at: usize, c: char, end: usize) -> bool {
    let rest = &line[end..];
    let next = rest.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    if c == '.' && end == at + 1 {
        if rest.len() == next.len() {
            // No space after the dot: «3.5», «т.е.», «В.В.Путин», a domain name.
            return false;
        }
        // The word before the dot, found backwards without copying it.
        let word_start = line[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| super::chars::is_alnum(c))
            .last()
            .map_or(at, |(k, _)| k);
        let word = &line[word_start..at];
        let mut chars = word.chars();
        if let (Some(first), None) = (chars.next(), chars.next())
            && first.is_uppercase()
        {
            // An initial, unless a word that opens sentences and is no name follows: «… с Ван
            // И. Затем Лавров …» ends a sentence with a name's last syllable.
            return opens_sentence(next);
        }
        if is_abbreviation(word) {
            return false;
        }
    }
    let starts_sentence = |ch: char| super::chars::is_upper(ch) || ch.is_ascii_digit() || ch == '"';
    if first == '-' || first == ',' || first == ';' || first == ':' {
        // «…!» – сказал он: a dash followed by a lower-case word continues the sentence.
        let after = next[first.len_utf8()..].trim_start();
        return first == '-' && after.chars().next().is_some_and(starts_sentence);
    }
    starts_sentence(first) || first == '(' || !super::chars::is_alpha(first)
}

/// Capitalised words that open sentences and are neither names nor initials (one-letter
/// prepositions count only when a space follows them: «В. В. Путин»). Not «И», «А»: «Нуреддин
/// Х. И его брат …» goes on after a surname's initial.
const SENTENCE_OPENERS: &[&str] = &[
    "В",
    "Во",
    "Вчера",
    "Затем",
    "Как",
    "Когда",
    "Кроме",
    "К",
    "Мы",
    "На",
    "Но",
    "Однако",
    "Он",
    "Она",
    "Они",
    "Оно",
    "О",
    "Об",
    "По",
    "Позже",
    "После",
    "Потом",
    "При",
    "Ранее",
    "С",
    "Сегодня",
    "Также",
    "Тогда",
    "Это",
    "Этот",
    "Эта",
    "Я",
];

/// True when `next` (the text after a dot and its spaces) starts with one of
/// [`SENTENCE_OPENERS`] followed by a space.
fn opens_sentence(next: &str) -> bool {
    let word_end = next
        .char_indices()
        .find(|&(_, c)| !super::chars::is_alpha(c))
        .map_or(next.len(), |(k, _)| k);
    next[word_end..].starts_with(' ') && SENTENCE_OPENERS.contains(&&next[..word_end])
}

/// True when `word` in lower case is one of [`ABBREVIATIONS`]. The longest has 10 bytes, so
/// the lower case is written into a small buffer on the stack, not a new string.
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return false;
        }
        c.encode_utf8(&mut buf[n..]);
        n += len;
    }
    let lower = &buf[..n];
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower)
}

fn push(norm: &str, range: Range<usize>, paragraph: u32, out: &mut Vec<Sentence>) {
    let text = &norm[range.clone()];
    let trimmed_start = range.start + (text.len() - text.trim_start().len());
    let trimmed_end = range.end - (text.len() - text.trim_end().len());
    if trimmed_start >= trimmed_end {
        return;
    }
    let mut start = trimmed_start;
    // Cut over-long sentences at a space so that later stages stay linear.
    while trimmed_end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !norm.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &norm[start..cut];
        let cut = match window.rfind(' ') {
            Some(sp) if sp > 0 => start + sp,
            _ => cut,
        };
        out.push(Sentence {
            range: start..cut,
            paragraph,
        });
        start = cut;
        while start < trimmed_end && norm.as_bytes()[start] == b' ' {
            start += 1;
        }
    }
    if start < trimmed_end {
        out.push(Sentence {
            range: start..trimmed_end,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splitter as first written, one decoded character at a time: the byte scans of
    /// `split` and `split_line` must give the same sentences.
    fn split_by_chars(norm: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut paragraph = 0u32;
        let mut line_start = 0usize;
        let lines = norm
            .char_indices()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i)
            .chain(std::iter::once(norm.len()));
        for line_end in lines {
            let line = line_start..line_end;
            let before = out.len();
            let text = &norm[line.clone()];
            let mut start = 0usize;
            let mut iter = text.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                if !matches!(c, '.' | '!' | '?' | '…') {
                    continue;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = iter.peek() {
                    if matches!(n, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']') {
                        end = j + n.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if ends_sentence(text, i, c, end) {
                    push(
                        norm,
                        line.start + start..line.start + end,
                        paragraph,
                        &mut out,
                    );
                    start = end;
                }
            }
            push(norm, line.start + start..line.end, paragraph, &mut out);
            if out.len() > before {
                paragraph += 1;
            }
            line_start = line_end + 1;
        }
        out
    }

    #[test]
    fn abbreviations_in_any_case() {
        for w in ["г", "Г", "млн", "МЛН", "франц", "Mrs", "ST"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["", "Путин", "гор", "французский", "ф"] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    const SPLIT_PIECES: &[&str] = &[
        "Путин",
        "г",
        "т",
        "В",
        "3",
        "5",
        ".",
        "!",
        "?",
        "…",
        "\"",
        ")",
        " ",
        "\n",
        "-",
        ",",
        "сказал",
        "Он",
        "\u{2026}\u{2026}",
        "—",
    ];

    proptest::proptest! {
        #[test]
        fn byte_scans_agree_with_the_character_loop(
            text in super::super::texts_of(SPLIT_PIECES, 40)
        ) {
            let mut fast = Vec::new();
            SentenceSplitter.split(&text, &mut fast);
            proptest::prop_assert_eq!(fast, split_by_chars(&text));
        }
    }

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        SentenceSplitter.split(s, &mut out);
        out.iter().map(|x| &s[x.range.clone()]).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Путин прибыл. Токаев встретил его.",
                &["Путин прибыл.", "Токаев встретил его."],
            ),
            (
                "В. В. Путин прибыл в Казань.",
                &["В. В. Путин прибыл в Казань."],
            ),
            ("В.В.Путин прибыл.", &["В.В.Путин прибыл."]),
            // A name's last syllable, not an initial, before a word that opens sentences.
            (
                "Лавров встретился с Ван И. Затем он улетел. А. С. Пушкин. И. В Москве.",
                &[
                    "Лавров встретился с Ван И.",
                    "Затем он улетел.",
                    "А. С. Пушкин.",
                    "И.",
                    "В Москве.",
                ],
            ),
            ("Нуреддин Х. И его брат.", &["Нуреддин Х. И его брат."]),
            ("Слово дали И. Оно было.", &["Слово дали И.", "Оно было."]),
            ("Пришёл И. Вчерашний.", &["Пришёл И. Вчерашний."]),
            (
                "Это было в 2023 г. Путин прибыл.",
                &["Это было в 2023 г. Путин прибыл."],
            ),
            (
                "То есть, т. е. так. Далее.",
                &["То есть, т. е. так.", "Далее."],
            ),
            (
                "Рост составил 3.5 процента. Далее.",
                &["Рост составил 3.5 процента.", "Далее."],
            ),
            (
                "\"Вперед!\" - сказал он. Все пошли.",
                &["\"Вперед!\" - сказал он.", "Все пошли."],
            ),
            (
                "\"Мы готовы\". Так он сказал",
                &["\"Мы готовы\".", "Так он сказал"],
            ),
            ("Что? Где? Когда?", &["Что?", "Где?", "Когда?"]),
            (
                "Заголовок без точки\n\n07:50 22/02/2024\n\nТекст.",
                &["Заголовок без точки", "07:50 22/02/2024", "Текст."],
            ),
            ("Он сказал... и замолчал.", &["Он сказал... и замолчал."]),
            (
                "1 нояб. 2023 года был саммит.",
                &["1 нояб. 2023 года был саммит."],
            ),
            ("", &[]),
            ("   \n  ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "{input:?}");
        }
    }

    #[test]
    fn paragraphs_are_numbered_by_lines_with_text() {
        let s = "Один.\n\nДва. Три.\nЧетыре.";
        let mut out = Vec::new();
        SentenceSplitter.split(s, &mut out);
        let paragraphs: Vec<u32> = out.iter().map(|x| x.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1, 2]);
    }

    #[test]
    fn long_lines_are_cut_at_spaces() {
        let s = "слово ".repeat(10_000);
        let mut out = Vec::new();
        SentenceSplitter.split(&s, &mut out);
        assert!(out.len() > 1);
        for x in &out {
            assert!(x.range.len() <= MAX_SENTENCE_BYTES);
            assert!(!s[x.range.clone()].starts_with(' '));
        }
    }
}
