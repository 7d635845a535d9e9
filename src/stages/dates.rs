//! Dates in the text, resolved to calendar values against the article date.
//!
//! Absolute forms («22/02/2024», «22.02.2024», «2024-02-22», «17 марта 2024 года», «в ноябре
//! 2023 года», «в 2023 году») need no anchor. Relative forms need the article date: a day and
//! month without a year («17 марта») take the year that puts them nearest the article date;
//! «в ноябре прошлого года», «в прошлом году», «в этом месяце», «вчера», «сегодня», «в
//! понедельник» (the last one before the article date, or the next one when the sentence
//! speaks of the future) are counted from it. The dateline — a date alone on one of the first
//! lines, as in «07:50 22/02/2024» — supplies the article date when the input has none.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::doc::{DateDraft, Doc};
use crate::model::{DateValue, EntityKind, Precision, days_in_month};
use crate::morph::{Case, Memo, Pos, Tense, VerbForm};
use crate::text::TokenKind;

/// Month names in every case form (folded), with abbreviations.
const MONTHS: [&[&str]; 12] = [
    &["январь", "января", "январе", "январю", "январем", "янв"],
    &[
        "февраль",
        "февраля",
        "феврале",
        "февралю",
        "февралем",
        "фев",
        "февр",
    ],
    &["март", "марта", "марте", "марту", "мартом", "мар"],
    &["апрель", "апреля", "апреле", "апрелю", "апрелем", "апр"],
    &["май", "мая", "мае", "маю", "маем"],
    &["июнь", "июня", "июне", "июню", "июнем", "июн"],
    &["июль", "июля", "июле", "июлю", "июлем", "июл"],
    &["август", "августа", "августе", "августу", "августом", "авг"],
    &[
        "сентябрь",
        "сентября",
        "сентябре",
        "сентябрю",
        "сентябрем",
        "сен",
        "сент",
    ],
    &[
        "октябрь",
        "октября",
        "октябре",
        "октябрю",
        "октябрем",
        "окт",
    ],
    &[
        "ноябрь",
        "ноября",
        "ноябре",
        "ноябрю",
        "ноябрем",
        "ноя",
        "нояб",
    ],
    &[
        "декабрь",
        "декабря",
        "декабре",
        "декабрю",
        "декабрем",
        "дек",
    ],
];

const WEEKDAYS: [(&[&str], Weekday); 7] = [
    (&["понедельник"], Weekday::Monday),
    (&["вторник"], Weekday::Tuesday),
    (&["среду", "среда"], Weekday::Wednesday),
    (&["четверг"], Weekday::Thursday),
    (&["пятницу", "пятница"], Weekday::Friday),
    (&["субботу", "суббота"], Weekday::Saturday),
    (&["воскресенье"], Weekday::Sunday),
];

/// Prepositions and nouns after which a bare month name is a date («в марте», «в начале марта»).
static MONTH_CUES: crate::text::WordList = crate::text::WordList::new(&[
    "в",
    "во",
    "с",
    "до",
    "к",
    "по",
    "после",
    "начале",
    "конце",
    "середине",
    "начала",
    "конца",
    "середины",
    "течение",
    "том",
    "этом",
    "прошлом",
    "следующем",
    // «во второй половине октября», «на конец марта», «на исходе мая», «в последних числах
    // июня», «во второй декаде мая»
    "половине",
    "половины",
    "половину",
    "конец",
    "начало",
    "середину",
    "исходе",
    "числах",
    "декаде",
]);

/// Prepositions included in a date's span when they directly precede it.
const PREPOSITIONS: &[&str] = &[
    "в",
    "во",
    "с",
    "со",
    "до",
    "по",
    "на",
    "от",
    "к",
    "ко",
    "за",
    "через",
    "после",
];

/// «нояб», «дек»: a cut month name, which takes a full stop; «мая» is a whole word.
fn is_abbreviation(word: &str) -> bool {
    word.chars().count() <= 4
        && !word.starts_with("ма")
        && !word.starts_with("июн")
        && !word.starts_with("июл")
        || matches!(word, "июн" | "июл")
}

/// «июньской», «ноябрьского»: the month of a month adjective.
fn month_adjective(word: &str) -> Option<u8> {
    const STEMS: [&str; 12] = [
        "январск",
        "февральск",
        "мартовск",
        "апрельск",
        "майск",
        "июньск",
        "июльск",
        "августовск",
        "сентябрьск",
        "октябрьск",
        "ноябрьск",
        "декабрьск",
    ];
    STEMS
        .iter()
        .position(|s| word.starts_with(s) && word.len() <= s.len() + 6)
        .map(|m| m as u8 + 1)
}

fn month_of(word: &str) -> Option<u8> {
    // A fixed table looked up with text: foldhash is fast, and lookups cannot be slowed down
    // by crafted input since nothing is inserted.
    static BY_FORM: std::sync::LazyLock<
        std::collections::HashMap<&'static str, u8, foldhash::fast::FixedState>,
    > = std::sync::LazyLock::new(|| {
        MONTHS
            .iter()
            .enumerate()
            .flat_map(|(m, forms)| forms.iter().map(move |f| (*f, m as u8 + 1)))
            .collect()
    });
    BY_FORM.get(word).copied()
}

/// Whole days from `earlier` to `later` (negative when `later` is earlier); `None` unless both
/// are days (a month or a year has no distance in days).
pub(crate) fn days_between(earlier: DateValue, later: DateValue) -> Option<i64> {
    if earlier.day == 0 || later.day == 0 {
        return None;
    }
    let (a, b) = (to_jiff(earlier)?, to_jiff(later)?);
    a.until(b).ok().map(|span| i64::from(span.get_days()))
}

fn to_jiff(v: DateValue) -> Option<Date> {
    Date::new(v.year, v.month.max(1) as i8, v.day.max(1) as i8).ok()
}

fn from_jiff(d: Date) -> DateValue {
    DateValue::day(d.year(), d.month() as u8, d.day() as u8)
}

fn valid_day(year: i32, month: u8, day: u8) -> Option<DateValue> {
    let year = i16::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then(|| DateValue::day(year, month, day))
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// «два», «три» … «семь»: a count written as a word.
fn count_word(w: &str) -> Option<i64> {
    match w {
        "два" | "две" => Some(2),
        "три" => Some(3),
        "четыре" => Some(4),
        "пять" => Some(5),
        "шесть" => Some(6),
        "семь" => Some(7),
        _ => None,
    }
}

/// `anchor` moved by `count` of `unit` («дня», «недели», «месяцев», «лет» …), at the precision
/// the unit allows (a week has none of its own here: its month).
fn shifted(anchor: Date, count: i64, unit: &str) -> Option<DateValue> {
    let month_of = |d: Date| DateValue::month(d.year(), d.month() as u8);
    if unit.starts_with("дн") || unit == "день" || unit == "сутки" {
        anchor.checked_add(count.days()).ok().map(from_jiff)
    } else if unit.starts_with("недел") {
        anchor.checked_add((7 * count).days()).ok().map(month_of)
    } else if unit.starts_with("месяц") {
        anchor.checked_add(count.months()).ok().map(month_of)
    } else if unit == "год" || unit == "года" || unit == "лет" {
        anchor
            .checked_add(count.years())
            .ok()
            .map(|d| DateValue::year(d.year()))
    } else {
        None
    }
}

/// «2011г»: a four-digit year with its abbreviation written without a space (one word token).
/// («1990-2000гг.» is a range of years, which a date value cannot hold.)
fn glued_year(s: &str) -> Option<i32> {
    let digits = s.strip_suffix('г')?;
    full_year(digits).filter(|_| digits.len() == 4)
}

fn full_year(s: &str) -> Option<i32> {
    match (s.len(), number(s)?) {
        (4, y) if (1000..=2999).contains(&y) => Some(y as i32),
        (2, y) => Some(if y <= 50 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }),
        _ => None,
    }
}

/// Whether token `k` joins the two ends of a span: «15-17», «15–17», «с 15 по 17».
fn span_joint(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k, "-") || doc.fold_of(k) == "по"
}

/// Whether the tokens of a date expression write its year («2024», «2024 года», «2024г.»).
fn written_year(doc: &Doc<'_>, tokens: &std::ops::Range<usize>) -> bool {
    tokens.clone().any(|k| {
        let w = doc.fold_of(k);
        (doc.tokens[k].kind == TokenKind::Number && w.len() == 4 && full_year(w).is_some())
            || glued_year(w).is_some()
    })
}

/// Sets [`DateDraft::until`] of the expressions that name a span rather than a day.
///
/// Within one expression: «21-22 февраля», «с 15 по 17 марта 2025 года» (days of one month),
/// «в 2019–2020 годах», «с 2019 по 2021 год» (years) — the parser dated each by its first
/// number, and the last is the number after the joint. Across two: «с 15 марта по 17 апреля»,
/// «с 2019 года по 2021 год» are parsed as two expressions, the first opened by «с» and the
/// second by «по» or «до» right after it, of the same precision and later; they are merged
/// into one. «3 и 4 декабря» names two
/// days, not a span, and gets none.
fn mark_spans(doc: &Doc<'_>, dates: &mut Vec<DateDraft>) {
    // The ends of spans across two expressions, merged into the first one.
    let mut merged = vec![false; dates.len()];
    for k in 0..dates.len() {
        if merged[k] {
            continue;
        }
        let d = &dates[k];
        let tokens = d.tokens.clone();
        let first = tokens.start + usize::from(PREPOSITIONS.contains(&doc.fold_of(tokens.start)));
        // A word after the second number («21-22 февраля», «2019–2020 годах»): not the
        // numbers of one day («01-02-2024», «2024-02-22»).
        let inner = (first + 3 < tokens.end
            && doc.tokens[first].kind == TokenKind::Number
            && span_joint(doc, first + 1)
            && doc.tokens[first + 3].kind == TokenKind::Word)
            .then(|| number(doc.fold_of(first + 2)))
            .flatten()
            .and_then(|last| match d.value.precision() {
                Precision::Day if u32::from(d.value.day) < last && last <= 31 => {
                    valid_day(i32::from(d.value.year), d.value.month, last as u8)
                }
                Precision::Year
                    if doc.fold_of(first + 2).len() == 4 && last > d.value.year as u32 =>
                {
                    Some(DateValue::year(last as i16))
                }
                _ => None,
            });
        let paired = dates.get(k + 1).filter(|next| {
            matches!(doc.fold_of(tokens.start), "с" | "со")
                && next.tokens.start == tokens.end
                && matches!(doc.fold_of(next.tokens.start), "по" | "до")
                && next.value.precision() == d.value.precision()
        });
        // «с 21 февраля по 3 марта 2024 года»: the year written once, at the end, is the
        // start's too (or the one before: «с 28 декабря по 8 января 2025 года»); the parser
        // gave the start the year nearest the article's.
        let value = match paired {
            Some(next)
                if d.value.precision() != Precision::Year
                    && !written_year(doc, &tokens)
                    && written_year(doc, &next.tokens) =>
            {
                // The start's month (and day) in year `y`.
                let in_year = |y: i16| {
                    if d.value.day == 0 {
                        Some(DateValue::month(y, d.value.month))
                    } else {
                        valid_day(i32::from(y), d.value.month, d.value.day)
                    }
                };
                let y = next.value.year;
                in_year(y)
                    .filter(|v| v.before(&next.value))
                    .or_else(|| in_year(y - 1))
                    .unwrap_or(d.value)
            }
            _ => d.value,
        };
        let across = paired.filter(|next| value.before(&next.value));
        // A period the parser gave both ends of («в первом квартале») keeps them.
        let until = d.until.or(inner).or(across.map(|next| next.value));
        // «с 15 марта по 17 апреля» is one expression: it spans both.
        if let Some(next) = across {
            let end = next.tokens.end;
            dates[k].tokens.end = end;
            merged[k + 1] = true;
        }
        dates[k].until = until;
        dates[k].value = value;
    }
    if merged.contains(&true) {
        let mut k = 0;
        dates.retain(|_| {
            k += 1;
            !merged[k - 1]
        });
    }
}

/// Resolves date expressions. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct DateResolver;

impl DateResolver {
    /// The dateline date: a full date on one of the first four lines, when that line holds
    /// little else («07:50 22/02/2024», «22 февраля 2024, 07:50»).
    pub fn dateline(&self, doc: &Doc<'_>) -> Option<DateValue> {
        for (s, sentence) in doc.sentences.iter().enumerate().take(6) {
            if sentence.paragraph > 3 {
                break;
            }
            let range = doc.sentence_tokens[s].clone();
            let words = range
                .clone()
                .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
                .count();
            if words > 4 {
                continue;
            }
            for i in range.clone() {
                if let Some((_, v)) = self.absolute_at(doc, i, range.end)
                    && v.precision() == Precision::Day
                {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Adds a date draft for every date expression.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let anchor = doc
            .date
            .and_then(to_jiff)
            .filter(|_| doc.date.is_some_and(|d| d.day != 0));
        let mut out: Vec<DateDraft> = Vec::new();
        let mut last_day: Option<DateValue> = None;
        for s in 0..doc.sentence_tokens.len() {
            let range = doc.sentence_tokens[s].clone();
            // The sentence's verbs are gathered only when a relative date asks which way the
            // tense points: «в», «на», «с» start a date candidate in nearly every sentence.
            let verbs: std::cell::OnceCell<Verbs> = std::cell::OnceCell::new();
            let mut i = range.start;
            while i < range.end {
                if !may_start_date(doc, i) {
                    i += 1;
                    continue;
                }
                let tense = || {
                    verbs
                        .get_or_init(|| Verbs::of(doc, &range))
                        .direction(doc, i)
                };
                // «на следующий день», «в тот же день» count from the last day written before,
                // past dates of coarser precision («В этот день 99 лет назад …»); before any
                // date of the article, from its own day («Лукашенко прилетел в Петербург, где
                // на следующий день встретится с Путиным»).
                let previous = last_day.or_else(|| {
                    out.is_empty()
                        .then_some(doc.date)
                        .flatten()
                        .filter(|d| d.day != 0)
                });
                // «в первом квартале 2023 года»: a period of months, its first and last.
                let period = self.period_at(doc, i, range.end, anchor, &tense);
                let found = period
                    .map(|(len, first, _)| (len, first))
                    .or_else(|| self.absolute_at(doc, i, range.end))
                    .or_else(|| {
                        anchor
                            .and_then(|a| self.relative_at(doc, i, range.end, a, &tense, previous))
                    });
                // «в прошлом году» in an article dated year 1 would be year 0, which no
                // calendar output format accepts: such a date is dropped, not written.
                let found = found.filter(|(_, v)| (1..=9999).contains(&v.year));
                // «на улице 8 Марта», «площади 1905 года»: a street named after a date.
                let found = found.filter(|&(len, v)| !street_named(doc, i, len, v));
                match found {
                    Some((len, value)) => {
                        // A preposition before the date belongs to it («в ноябре», «с 17 марта»),
                        // as in NEREL.
                        let first = if i > range.start && PREPOSITIONS.contains(&doc.fold_of(i - 1))
                        {
                            i - 1
                        } else {
                            i
                        };
                        if value.day != 0 {
                            last_day = Some(value);
                        }
                        out.push(DateDraft {
                            tokens: first..i + len,
                            value,
                            until: period.map(|(_, _, last)| last),
                            sentence: s as u32,
                        });
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        mark_spans(doc, &mut out);
        doc.dates = out;
    }

    /// A quarter or a half of a year named by its ordinal at token `i`: «в первом квартале
    /// 2023 года», «по итогам III квартала прошлого года», «во втором полугодии», «за 1-й
    /// квартал». Returns the tokens and the first and last months.
    ///
    /// Without a year, the one the tense points to: «в четвёртом квартале рост ускорится»
    /// in March is this year's, «в четвёртом квартале рост замедлился» last year's; the
    /// quarter the article falls in is this year's whatever the tense.
    fn period_at(
        &self,
        doc: &Doc<'_>,
        i: usize,
        end: usize,
        anchor: Option<Date>,
        tense: &dyn Fn() -> Direction,
    ) -> Option<(usize, DateValue, DateValue)> {
        let w = doc.fold_of(i);
        // The ordinal: a word («первом», «третьего», «четвёртый»), a Roman numeral or a digit
        // with an optional ending («1-м», «2-го»).
        let (n, mut k) = match doc.tokens[i].kind {
            TokenKind::Number => {
                let n = number(w).filter(|n| (1..=4).contains(n))?;
                let ending = usize::from(
                    i + 2 < end
                        && doc.is_punct(i + 1, "-")
                        && matches!(doc.fold_of(i + 2), "м" | "ом" | "й" | "го" | "ого" | "е"),
                ) * 2;
                (n as u8, i + 1 + ending)
            }
            _ => {
                let n = match w {
                    "i" => 1,
                    "ii" => 2,
                    "iii" => 3,
                    "iv" => 4,
                    _ if w.starts_with("перв") => 1,
                    _ if w.starts_with("втор") => 2,
                    _ if w.starts_with("трет") => 3,
                    _ if w.starts_with("четверт") => 4,
                    _ => return None,
                };
                (n, i + 1)
            }
        };
        if k >= end {
            return None;
        }
        let noun = doc.fold_of(k);
        let (first, last) = if noun.starts_with("квартал") {
            (3 * n - 2, 3 * n)
        } else if noun.starts_with("полугод") && n <= 2 {
            (6 * n - 5, 6 * n)
        } else {
            return None;
        };
        k += 1;
        // «в 1 квартале микрорайона», «в третьем квартале города»: a city block.
        if k < end
            && matches!(
                doc.fold_of(k),
                "микрорайона"
                    | "города"
                    | "района"
                    | "поселка"
                    | "улицы"
                    | "жилого"
                    | "нового"
            )
        {
            return None;
        }
        // Without a year, only after a word that makes it a time («в», «за», «по итогам», «до
        // конца»): «жители третьего квартала» live in a city block.
        let cued = i > 0
            && matches!(
                doc.fold_of(i - 1),
                "в" | "во"
                    | "за"
                    | "с"
                    | "со"
                    | "до"
                    | "к"
                    | "ко"
                    | "на"
                    | "по"
                    | "итогам"
                    | "течение"
                    | "начале"
                    | "начала"
                    | "середине"
                    | "середины"
                    | "конце"
                    | "конца"
                    | "концу"
            );
        let year = if let Some((ylen, rel)) = anchor
            .and_then(|_| relative_year(doc, k, end))
            .map(|(len, rel)| (len, rel as i16))
        {
            k += ylen;
            anchor?.year() + rel
        } else if let Some((ylen, y)) = self.year_after(doc, k, end) {
            k += ylen;
            i16::try_from(y).ok()?
        } else {
            let anchor = anchor.filter(|_| cued)?;
            let (year, month) = (anchor.year(), anchor.month() as u8);
            match tense() {
                Direction::Future if month > last => year + 1,
                Direction::Past if month < first => year - 1,
                _ => year,
            }
        };
        Some((
            k - i,
            DateValue::month(year, first),
            DateValue::month(year, last),
        ))
    }

    /// A date that needs no anchor, starting at token `i`: `(tokens, value)`.
    fn absolute_at(&self, doc: &Doc<'_>, i: usize, end: usize) -> Option<(usize, DateValue)> {
        let t = &doc.tokens[i];
        let text = doc.fold_of(i);
        if t.kind == TokenKind::Number {
            // «22.02.2024» is one token.
            let parts: Vec<&str> = text.split('.').collect();
            if parts.len() == 3 {
                let (d, m, y) = (number(parts[0])?, number(parts[1])?, full_year(parts[2])?);
                if parts[0].len() <= 2 && parts[1].len() <= 2 {
                    return valid_day(y, m as u8, d as u8).map(|v| (1, v));
                }
            }
            // «22/02/2024», «2024-02-22»: five tokens without spaces.
            if i + 4 < end
                && (2..5).all(|k| !doc.tokens[i + k].space_before)
                && !doc.tokens[i + 1].space_before
            {
                let sep = doc.text_of(i + 1);
                if (sep == "/" || sep == "-" || sep == ".") && doc.text_of(i + 3) == sep {
                    let (a, b, c) = (doc.fold_of(i), doc.fold_of(i + 2), doc.fold_of(i + 4));
                    let v = if a.len() == 4 {
                        valid_day(full_year(a)?, number(b)? as u8, number(c)? as u8)
                    } else {
                        valid_day(full_year(c)?, number(b)? as u8, number(a)? as u8)
                    };
                    if let Some(v) = v {
                        return Some((5, v));
                    }
                }
            }
            // «17 марта 2024 года», «21-22 февраля 2024 г.», «3 и 4 декабря 2011 года»
            let day = number(text).filter(|&d| (1..=31).contains(&d) && text.len() <= 2);
            if let Some(day) = day {
                let mut j = i + 1 + ordinal_ending(doc, i + 1, end);
                if j + 1 < end
                    && (doc.is_punct(j, "-") || matches!(doc.fold_of(j), "и" | "по"))
                    && number(doc.fold_of(j + 1)).is_some()
                {
                    j += 2;
                }
                if j < end
                    && let Some(month) = month_of(doc.fold_of(j))
                {
                    let mut k = j + 1;
                    if doc.is_punct(k, ".") {
                        k += 1;
                    }
                    if let Some((ylen, year)) = self.year_after(doc, k, end) {
                        return valid_day(year, month, day as u8).map(|v| (k + ylen - i, v));
                    }
                }
            }
            // «в 2023 году», «2023 г.»
            if let Some(year) = full_year(text).filter(|_| text.len() == 4)
                && let Some(len) = year_word(doc, i + 1, end)
            {
                return Some((1 + len, DateValue::year(year as i16)));
            }
            // «в 2019–2020 годах», «в 2019 и 2020 гг.», «с 2019 по 2021 год»: a span of years
            // is dated by its first, as a span of days is; «программа на 2019–2021 годы» is
            // the term of something, no time when anything happens.
            if let Some(year) = full_year(text).filter(|_| text.len() == 4)
                && i + 2 < end
                && (doc.is_punct(i + 1, "-") || matches!(doc.fold_of(i + 1), "и" | "по"))
                && full_year(doc.text_of(i + 2))
                    .is_some_and(|last| doc.text_of(i + 2).len() == 4 && last > year)
                && let Some(len) = years_word(doc, i + 3, end)
            {
                if i > 0 && doc.fold_of(i - 1) == "на" {
                    return None;
                }
                return Some((3 + len, DateValue::year(year as i16)));
            }
            // «в 2023-м (году)», «к 2030-му», «2022-й год»: the year with an ordinal's ending
            // (not «1990-е», «в 1990-х»: decades).
            if let Some(year) = full_year(text).filter(|_| text.len() == 4)
                && i + 2 < end
                && doc.is_punct(i + 1, "-")
                && !doc.tokens[i + 1].space_before
                && !doc.tokens[i + 2].space_before
                && matches!(doc.fold_of(i + 2), "м" | "го" | "му" | "й" | "ом" | "ым")
            {
                let len = 3 + year_word(doc, i + 3, end).unwrap_or(0);
                return Some((len, DateValue::year(year as i16)));
            }
            return None;
        }
        // «в 2012г.»
        if let Some(year) = glued_year(text) {
            return Some((
                1 + usize::from(doc.is_punct(i + 1, ".")),
                DateValue::year(year as i16),
            ));
        }
        // «ноябрь 2023 года», «в ноябре 2023 г.»
        if let Some(month) = month_of(text) {
            let mut k = i + 1;
            if doc.is_punct(k, ".") {
                k += 1;
            }
            if let Some((ylen, year)) = self.year_after(doc, k, end) {
                let year = i16::try_from(year).ok()?;
                return Some((k + ylen - i, DateValue::month(year, month)));
            }
        }
        None
    }

    /// The year written after a season at `k`: «этого года» (relative to `year`), «2013
    /// года». Returns the number of tokens and the year.
    fn year_of_season(
        &self,
        doc: &Doc<'_>,
        k: usize,
        end: usize,
        year: i16,
    ) -> Option<(usize, DateValue)> {
        if let Some((ylen, rel)) = relative_year(doc, k, end) {
            return Some((ylen, DateValue::year(year + rel as i16)));
        }
        let (ylen, y) = self.year_after(doc, k, end)?;
        Some((ylen, DateValue::year(i16::try_from(y).ok()?)))
    }

    /// A year after a day-and-month or a month: «2024», «2024 года», «2024 г.». Returns the
    /// number of tokens and the year.
    fn year_after(&self, doc: &Doc<'_>, k: usize, end: usize) -> Option<(usize, i32)> {
        if k >= end {
            return None;
        }
        // «11 февраля 2011г.»
        if let Some(year) = glued_year(doc.fold_of(k)) {
            return Some((1 + usize::from(doc.is_punct(k + 1, ".")), year));
        }
        if doc.tokens[k].kind != TokenKind::Number {
            return None;
        }
        let y = doc.fold_of(k);
        if y.len() != 4 {
            return None;
        }
        let year = full_year(y)?;
        Some((1 + year_word(doc, k + 1, end).unwrap_or(0), year))
    }

    /// A date relative to the article date `anchor`, starting at token `i`.
    fn relative_at(
        &self,
        doc: &Doc<'_>,
        i: usize,
        end: usize,
        anchor: Date,
        tense: &dyn Fn() -> Direction,
        previous: Option<DateValue>,
    ) -> Option<(usize, DateValue)> {
        let w = doc.fold_of(i);
        let next = |k: usize| if i + k < end { doc.fold_of(i + k) } else { "" };
        let shift_days = |n: i64| anchor.checked_add(n.days()).ok().map(from_jiff);
        match w {
            "сегодня" => return Some((1, from_jiff(anchor))),
            "вчера" => return shift_days(-1).map(|v| (1, v)),
            "позавчера" => return shift_days(-2).map(|v| (1, v)),
            "завтра" => return shift_days(1).map(|v| (1, v)),
            "послезавтра" => return shift_days(2).map(|v| (1, v)),
            // «накануне вечером», «прибыл накануне»: the day before the article's;
            // «накануне выборов» is before something else.
            // «Накануне Си Цзиньпин встретился …»: a person after it is the subject.
            "накануне"
                if matches!(next(1), "вечером" | "утром" | "днем" | "ночью")
                    || doc
                        .mentions_at(i + 1)
                        .iter()
                        .any(|m| m.kind == EntityKind::Person)
                    || !doc.word(i + 1).and_then(|w| w.best()).is_some_and(|p| {
                        i + 1 < end && matches!(p.pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num)
                    })
                    // «Накануне глава республики провёл приём», «Накануне министры
                    // обсудили»: a word that cannot be a genitive is the subject, not what
                    // the preposition governs («накануне выборов», «накануне главы» stay).
                    || doc.word(i + 1).is_some_and(|w| {
                        i + 1 < end
                            && !w.parses.is_empty()
                            && w.parses.iter().all(|p| p.case.is_some_and(|c| c != Case::Gen))
                    }) =>
            {
                // News use it for «yesterday»: the day before the article's.
                return anchor.checked_sub(1.days()).ok().map(|d| (1, from_jiff(d)));
            }
            _ => {}
        }
        // «на следующий день после 9 мая»: the day after that date. (Only a date that starts
        // with its number: the recursion then cannot come back here.)
        if w == "на"
            && matches!(next(1), "следующий" | "другой")
            && next(2) == "день"
            && next(3) == "после"
            && i + 4 < end
            && doc.tokens[i + 4].kind == TokenKind::Number
        {
            let after = self
                .absolute_at(doc, i + 4, end)
                .or_else(|| self.relative_at(doc, i + 4, end, anchor, tense, previous));
            if let Some((len, v)) = after.filter(|(_, v)| v.day != 0) {
                return to_jiff(v)
                    .and_then(|d| d.checked_add(1.days()).ok())
                    .map(|d| (4 + len, from_jiff(d)));
            }
        }
        // «на следующий день», «в тот же день»: from the last day written before.
        if let Some(base) = previous.filter(|p| p.day != 0).and_then(to_jiff) {
            let shift = match (w, next(1), next(2), next(3)) {
                // («на следующий день после юбилея» counts from the jubilee.)
                ("на", "следующий" | "другой", "день", after) if after != "после" => {
                    Some((3, 1))
                }
                ("в", "тот", "же", "день") => Some((4, 0)),
                _ => None,
            };
            if let Some((len, days)) = shift {
                return base
                    .checked_add(days.days())
                    .ok()
                    .map(|d| (len, from_jiff(d)));
            }
        }
        let year = anchor.year();
        let month = anchor.month() as u8;
        // «до конца года», «в начале года», «в конце прошлого года», «к концу месяца»
        if matches!(w, "до" | "в" | "к" | "с")
            && matches!(
                next(1),
                "конца" | "концу" | "конце" | "начала" | "начале" | "середине" | "середины"
            )
        {
            // «в начале следующего месяца», «в конце прошлого месяца»: that month.
            let month_shift = match (next(2), next(3)) {
                ("следующего" | "будущего", "месяца") => Some(1),
                ("прошлого" | "минувшего", "месяца") => Some(-1),
                ("этого" | "текущего", "месяца") => Some(0),
                _ => None,
            };
            if let Some(n) = month_shift
                && let Ok(d) = anchor.checked_add(n.months())
            {
                return Some((4, DateValue::month(d.year(), d.month() as u8)));
            }
            // «в начале следующей недели», «в конце прошлой недели»: the month of that week's
            // start or end (the contract has no week precision).
            let week_day = match (next(1), next(2), next(3)) {
                ("начале" | "начала", "следующей" | "будущей", "недели") => {
                    Some(7)
                }
                ("конце" | "конца" | "концу", "следующей" | "будущей", "недели") => {
                    Some(11)
                }
                ("середине" | "середины", "следующей" | "будущей", "недели") => {
                    Some(9)
                }
                ("начале" | "начала", "прошлой" | "минувшей", "недели") => {
                    Some(-7)
                }
                ("конце" | "конца", "прошлой" | "минувшей", "недели") => {
                    Some(-3)
                }
                ("середине" | "середины", "прошлой" | "минувшей", "недели") => {
                    Some(-5)
                }
                (_, "этой" | "текущей", "недели") => Some(0),
                _ => None,
            };
            if let Some(n) = week_day {
                // From the Monday of the article's week.
                let monday = i64::from(anchor.weekday().to_monday_zero_offset());
                let d = anchor.checked_add((n - monday).days()).ok()?;
                return Some((4, DateValue::month(d.year(), d.month() as u8)));
            }
            // «в конце недели», «в начале недели»: the article's week, the month of that day.
            let this_week = match (next(1), next(2)) {
                ("начале" | "начала", "недели") => Some(0),
                ("середине" | "середины", "недели") => Some(2),
                ("конце" | "конца" | "концу", "недели") => Some(4),
                _ => None,
            };
            if let Some(n) = this_week {
                let monday = i64::from(anchor.weekday().to_monday_zero_offset());
                let d = anchor.checked_add((n - monday).days()).ok()?;
                return Some((3, DateValue::month(d.year(), d.month() as u8)));
            }
            // «в середине лета», «в конце осени прошлого года», «в начале зимы»: the month
            // of that part of the season (winter's first is December), the nearest one in
            // the tense's direction. «зимы 2023 года» could be either winter: left out.
            let season_first = match next(2) {
                "весны" => Some(3),
                "лета" => Some(6),
                "осени" => Some(9),
                "зимы" => Some(12),
                _ => None,
            };
            if let Some(first) = season_first {
                let part = match next(1) {
                    "начала" | "начале" => 0,
                    "середины" | "середине" => 1,
                    _ => 2,
                };
                // December + 1 is January.
                let m = (first + part - 1) % 12 + 1;
                if let Some((ylen, rel)) = relative_year(doc, i + 3, end) {
                    if first == 12 {
                        return None;
                    }
                    return Some((3 + ylen, DateValue::month(year + rel as i16, m)));
                }
                if let Some((ylen, y)) = self.year_after(doc, i + 3, end) {
                    if first == 12 {
                        return None;
                    }
                    return Some((3 + ylen, DateValue::month(i16::try_from(y).ok()?, m)));
                }
                let direction = tense();
                return [-1i16, 0, 1]
                    .into_iter()
                    .map(|dy| DateValue::month(year + dy, m))
                    .filter(|v| direction.allows(anchor, *v))
                    .min_by_key(|v| distance(anchor, DateValue { day: 15, ..*v }))
                    .map(|v| (3, v));
            }
            match next(2) {
                "года" => return Some((3, DateValue::year(year))),
                "месяца" => return Some((3, DateValue::month(year, month))),
                _ => {
                    if let Some((ylen, rel)) = relative_year(doc, i + 2, end) {
                        return Some((2 + ylen, DateValue::year(year + rel as i16)));
                    }
                }
            }
        }
        // «на Новый год», «в День Победы», «ко Дню России»: a public holiday by its name, the
        // nearest one in the tense's direction (one up to a week off whatever the tense).
        if let Some((len, month, day)) = holiday_at(doc, i, end) {
            // «ко Дню России подготовили концерт»: what is done for a day lies before it.
            let direction = if i > 0 && matches!(doc.fold_of(i - 1), "к" | "ко") {
                Direction::Future
            } else {
                tense()
            };
            let best = [-1, 0, 1]
                .into_iter()
                .filter_map(|dy| valid_day(year as i32 + dy, month, day))
                .filter(|v| distance(anchor, *v) <= 7 || direction.allows(anchor, *v))
                .min_by_key(|v| distance(anchor, *v))?;
            return Some((len, best));
        }
        // «прошлой осенью», «следующей весной», «этим летом»: last year's, next year's, this
        // year's season (winter, across two years, is left out).
        // «минувшим летом», «прошедшей осенью»: the last such season that has ended, this
        // year's once it is over.
        if let Some(first) = match next(1) {
            "весной" => Some(3),
            "летом" => Some(6),
            "осенью" => Some(9),
            _ => None,
        } {
            let offset = match w {
                "прошлой" | "прошлым" => Some(-1),
                "минувшей" | "минувшим" | "прошедшей" | "прошедшим" => {
                    Some(if month > first + 2 { 0 } else { -1 })
                }
                "следующей" | "следующим" | "будущей" | "будущим" => {
                    Some(1)
                }
                "этой" | "этим" | "нынешней" | "нынешним" => Some(0),
                _ => None,
            };
            if let Some(offset) = offset {
                return Some((2, DateValue::year(year + offset)));
            }
        }
        // «осенью», «весной этого года»: the year of that season (the contract has no season
        // precision) — this year's, or the one the tense points to.
        let season = match w {
            "весной" => Some(3),
            "летом" => Some(6),
            "осенью" => Some(9),
            _ => None,
        };
        if let Some(first) = season {
            // «весной этого года», «весной 2013 года»
            if let Some((ylen, v)) = self.year_of_season(doc, i + 1, end, year) {
                return Some((1 + ylen, v));
            }
            let last = first + 2;
            let y = match tense() {
                Direction::Future if month > last => year + 1,
                Direction::Past if month < first => year - 1,
                _ => year,
            };
            return Some((1, DateValue::year(y)));
        }
        // «запланирована на весну», «перенесли на осень следующего года»: a season something is
        // set for lies ahead (winter spans two years and is left out).
        if w == "на" {
            let first = match next(1) {
                "весну" => Some(3),
                "лето" => Some(6),
                "осень" => Some(9),
                _ => None,
            };
            if let Some(first) = first {
                if let Some((ylen, v)) = self.year_of_season(doc, i + 2, end, year) {
                    return Some((2 + ylen, v));
                }
                let y = if month > first + 2 { year + 1 } else { year };
                return Some((2, DateValue::year(y)));
            }
        }
        // «на следующей неделе», «на прошлой неделе»: the month of that week (the contract has
        // no week precision).
        // «запланированный на следующую неделю визит»: the accusative of the same.
        // «Минувшая неделя выдалась …»: the same as a subject.
        if next(1) == "неделя" {
            let shift = match w {
                "следующая" | "будущая" => Some(7),
                "эта" | "текущая" => Some(0),
                "прошлая" | "минувшая" | "прошедшая" => Some(-7),
                _ => None,
            };
            if let Some(days) = shift {
                let d = anchor.checked_add(days.days()).ok()?;
                return Some((2, DateValue::month(d.year(), d.month() as u8)));
            }
        }
        if w == "на" && matches!(next(2), "неделе" | "неделю") {
            let shift = match next(1) {
                "следующей" | "будущей" | "той" | "следующую" | "будущую" => {
                    Some(7)
                }
                "этой" | "текущей" | "эту" | "текущую" => Some(0),
                "прошлой" | "минувшей" | "прошлую" => Some(-7),
                _ => None,
            };
            if let Some(days) = shift {
                let d = anchor.checked_add(days.days()).ok()?;
                return Some((3, DateValue::month(d.year(), d.month() as u8)));
            }
        }
        // «в минувшие выходные», «на прошлых выходных», «в эти выходные», «на выходных»: the
        // month of that Saturday (like a week, a weekend has no precision of its own here).
        // «Минувшие выходные стали самыми холодными»: the same as a subject, with no
        // preposition.
        {
            let (at, adjective, noun) = if matches!(w, "в" | "на") {
                (1, next(1), next(2))
            } else {
                (0, w, next(1))
            };
            let (dir, len) = match (adjective, noun) {
                ("минувшие" | "прошлые" | "прошедшие", "выходные")
                | ("минувших" | "прошлых" | "прошедших", "выходных")
                    if at == 1 || noun == "выходные" =>
                {
                    (Some(Direction::Past), at + 2)
                }
                ("следующие" | "ближайшие" | "эти" | "предстоящие", "выходные")
                | ("следующих" | "ближайших" | "этих" | "предстоящих", "выходных")
                    if at == 1 || noun == "выходные" =>
                {
                    (Some(Direction::Future), at + 2)
                }
                ("выходных", _) if w == "на" => (Some(tense()), 2),
                _ => (None, 0),
            };
            let saturday = |past: bool| {
                let offset = i64::from(anchor.weekday().to_monday_zero_offset());
                let days = if past {
                    -(match (offset - 5).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    })
                } else {
                    (5 - offset).rem_euclid(7)
                };
                anchor.checked_add(days.days()).ok()
            };
            let day = match dir {
                Some(Direction::Past) => saturday(true),
                Some(Direction::Future) => saturday(false),
                _ => None,
            };
            if let Some(d) = day {
                return Some((len, DateValue::month(d.year(), d.month() as u8)));
            }
        }
        // «полгода назад», «полтора года назад», «через полгода», «через полтора месяца»: in
        // months (a month and a half: six weeks, the month they end in).
        {
            let (sign, at) = if w == "через" { (1, 1) } else { (-1, 0) };
            let sign = if sign > 0 && tense() == Direction::Past {
                0
            } else {
                sign
            };
            let half = |k: usize| -> Option<(usize, i64, &str)> {
                match next(k) {
                    "полгода" => Some((1, 6, "месяцев")),
                    "полтора" | "полторы" => match next(k + 1) {
                        "года" => Some((2, 18, "месяцев")),
                        "месяца" => Some((2, 6, "недель")),
                        _ => None,
                    },
                    _ => None,
                }
            };
            if let Some((len, count, unit)) = half(at) {
                let ago = sign < 0 && next(at + len) == "назад";
                if sign != 0
                    && (sign > 0 || ago)
                    && let Some(v) = shifted(anchor, sign * count, unit)
                {
                    return Some((at + len + usize::from(ago), v));
                }
            }
        }
        // «три дня назад», «неделю назад», «месяц назад», «год назад»: as «через», backwards.
        {
            let (count, unit_at) = match number(w) {
                Some(n) if doc.tokens[i].kind == TokenKind::Number => (n as i64, 1),
                _ => count_word(w).map_or((1, 0), |n| (n, 1)),
            };
            let unit = next(unit_at);
            // («отбросил экономику на 20 лет назад» is a figure of speech.)
            let figure = i > 0 && doc.fold_of(i - 1) == "на";
            // Without a count the unit must be in the accusative singular («неделю назад»).
            let bare_unit = unit_at == 1 || matches!(unit, "неделю" | "месяц" | "год" | "день");
            if next(unit_at + 1) == "назад"
                && count > 0
                && !figure
                && bare_unit
                && let Some(v) = shifted(anchor, -count, unit)
            {
                return Some((unit_at + 2, v));
            }
        }
        // «через четыре месяца», «через два дня», «через год»; not in a past-tense sentence,
        // where it counts from some earlier day the text tells, not from the article's («В
        // 2019 году завод открыли, а через год закрыли»).
        if w == "через" && tense() != Direction::Past {
            let (count, unit_at) = match number(next(1)) {
                Some(n) => (n as i64, 2),
                None if next(1) == "несколько" => (0, 2),
                None => count_word(next(1)).map_or((1, 1), |n| (n, 2)),
            };
            if count > 0
                && let Some(v) = shifted(anchor, count, next(unit_at))
            {
                return Some((unit_at + 1, v));
            }
        }
        // «в прошлом году», «в этом месяце»
        if matches!(w, "в" | "во") {
            let (which, unit) = (next(1), next(2));
            let offset = match which {
                "прошлом" | "минувшем" => Some(-1),
                "этом" | "текущем" | "нынешнем" => Some(0),
                "следующем" | "будущем" | "наступающем" => Some(1),
                "позапрошлом" => Some(-2),
                _ => None,
            };
            if let Some(offset) = offset {
                match unit {
                    "году" => return Some((3, DateValue::year(year + offset))),
                    "месяце" => {
                        let m0 = year as i32 * 12 + month as i32 - 1 + offset as i32;
                        let (y, m) = (m0.div_euclid(12), m0.rem_euclid(12) + 1);
                        return Some((3, DateValue::month(y as i16, m as u8)));
                    }
                    _ => {}
                }
            }
        }
        // «в прошлую пятницу», «в минувший четверг», «в следующий вторник»: the nearest such
        // day before (never the article's own) or after.
        if matches!(w, "в" | "во" | "на") {
            let direction = match next(1) {
                "прошлую" | "прошлый" | "минувшую" | "минувший" | "прошедшую" | "прошедший" => {
                    Some(false)
                }
                "следующую" | "следующий" | "ближайшую" | "ближайший" | "будущую" | "будущий" => {
                    Some(true)
                }
                _ => None,
            };
            let which = next(2);
            if let Some(ahead) = direction
                && let Some(&(_, day)) = WEEKDAYS.iter().find(|(forms, _)| forms.contains(&which))
            {
                let today = i64::from(anchor.weekday().to_monday_zero_offset());
                let target = i64::from(day.to_monday_zero_offset());
                let shift = if ahead {
                    match (target - today).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    }
                } else {
                    -match (today - target).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    }
                };
                return shift_days(shift).map(|v| (3, v));
            }
        }
        // «в понедельник»; «запланированный на понедельник», «перенесли на пятницу» (ahead);
        // «в эту субботу», «в этот четверг»: the same day, nearest in the tense's direction.
        if matches!(w, "в" | "во" | "на") {
            let this = usize::from(matches!(next(1), "эту" | "этот" | "это"));
            let which = next(1 + this);
            if let Some(&(_, day)) = WEEKDAYS.iter().find(|(forms, _)| forms.contains(&which)) {
                // («в ночь на воскресенье» is the night before it, in the tense's direction.)
                let night = i >= 2 && doc.fold_of(i - 1) == "ночь" && doc.fold_of(i - 2) == "в";
                let future = tense() == Direction::Future || (w == "на" && !night);
                let today = anchor.weekday();
                let back =
                    (today.to_monday_zero_offset() - day.to_monday_zero_offset()).rem_euclid(7);
                let ahead =
                    (day.to_monday_zero_offset() - today.to_monday_zero_offset()).rem_euclid(7);
                // The nearest such day in the direction of the tense; the article's own day
                // when it is that weekday.
                let shift = if future { ahead } else { -back };
                return shift_days(shift as i64).map(|v| (2 + this, v));
            }
        }
        // «до пятницы», «к понедельнику»: a deadline, the next such day (a week on when the
        // article's own day is that weekday).
        if matches!(w, "до" | "к" | "ко") {
            let forms: &[(&str, Weekday)] = if w == "до" {
                &[
                    ("понедельника", Weekday::Monday),
                    ("вторника", Weekday::Tuesday),
                    ("среды", Weekday::Wednesday),
                    ("четверга", Weekday::Thursday),
                    ("пятницы", Weekday::Friday),
                    ("субботы", Weekday::Saturday),
                    ("воскресенья", Weekday::Sunday),
                ]
            } else {
                &[
                    ("понедельнику", Weekday::Monday),
                    ("вторнику", Weekday::Tuesday),
                    ("среде", Weekday::Wednesday),
                    ("четвергу", Weekday::Thursday),
                    ("пятнице", Weekday::Friday),
                    ("субботе", Weekday::Saturday),
                    ("воскресенью", Weekday::Sunday),
                ]
            };
            if let Some(&(_, day)) = forms.iter().find(|(form, _)| *form == next(1)) {
                let ahead = (day.to_monday_zero_offset()
                    - anchor.weekday().to_monday_zero_offset())
                .rem_euclid(7);
                let shift = if ahead == 0 { 7 } else { ahead };
                return shift_days(i64::from(shift)).map(|v| (2, v));
            }
        }
        // «17 марта» without a year; «21-22 февраля»
        if doc.tokens[i].kind == TokenKind::Number {
            let day = number(w).filter(|&d| (1..=31).contains(&d) && w.len() <= 2)?;
            // «17-го марта», «17-е марта»
            let mut j = i + 1 + ordinal_ending(doc, i + 1, end);
            // «21-22 февраля», «20 и 21 марта», «с 5 по 7 мая»: the first day.
            if j + 1 < end
                && (doc.is_punct(j, "-") || matches!(doc.fold_of(j), "и" | "по"))
                && number(doc.fold_of(j + 1)).is_some()
            {
                j += 2;
            }
            let m = month_of(if j < end { doc.fold_of(j) } else { "" })?;
            let mut len = j + 1 - i;
            // «17 нояб. 2023»: an abbreviated month keeps its full stop.
            if is_abbreviation(doc.fold_of(j)) && doc.is_punct(j + 1, ".") {
                len += 1;
            }
            if let Some((ylen, rel)) = relative_year(doc, i + len, end) {
                let v = valid_day(year as i32 + rel, m, day as u8)?;
                return Some((len + ylen, v));
            }
            // «встреча запланирована на 28 июня»: a day something is set for lies ahead.
            let direction = || {
                if set_for(doc, i) {
                    Direction::Future
                } else {
                    tense()
                }
            };
            let best = [-1, 0, 1]
                .into_iter()
                .filter_map(|dy| valid_day(year as i32 + dy, m, day as u8))
                // A day up to a week off is the nearest whatever the tense (articles are
                // often dated the day they were filed, and dated wrongly); further off, the
                // tense decides: «провёл переговоры 5 апреля» in mid-March is last April.
                .filter(|v| distance(anchor, *v) <= 7 || direction().allows(anchor, *v))
                .min_by_key(|v| distance(anchor, *v))?;
            return Some((len, best));
        }
        // «после июньской встречи», «ноябрьского заявления»: a month adjective in lower case
        // («Октябрьский район» is a name).
        if let Some(m) = month_adjective(w)
            && doc.tokens[i].shape == crate::text::Shape::Lower
        {
            if let Some((_, rel)) = relative_year(doc, i + 2, end) {
                // «июньской встречи прошлого года»: the year after the noun; the span stays
                // the adjective.
                return Some((1, DateValue::month(year + rel as i16, m)));
            }
            // The nearest such month: the adjective's noun («после июньской встречи»), not
            // the clause's verb, says which way it lies.
            let best = [-1i16, 0, 1]
                .into_iter()
                .map(|dy| DateValue::month(year + dy, m))
                .min_by_key(|v| distance(anchor, DateValue { day: 15, ..*v }))?;
            return Some((1, best));
        }
        // «в ноябре прошлого года», «в марте»
        if let Some(m) = month_of(w) {
            if let Some((ylen, rel)) = relative_year(doc, i + 1, end) {
                return Some((1 + ylen, DateValue::month(year + rel as i16, m)));
            }
            // Abbreviations («мар», «дек») are too short to stand alone; «мае», «май» are words.
            let word = w.chars().count() > 3 || w.starts_with("ма");
            let cue = i > 0 && MONTH_CUES.contains(doc.fold_of(i - 1)) && word;
            // «запланированный на июль», «перенесли на сентябрь»: a month something is set
            // for lies ahead, like a weekday after «на». Other «на» + month («пришёлся на
            // март», «инфляция на март») follow the tense, as a cue does.
            let after_na = i > 0
                && doc.fold_of(i - 1) == "на"
                && word
                && doc.tokens[i].shape == crate::text::Shape::Lower;
            let set_for = after_na && set_for(doc, i);
            if cue || after_na {
                let direction = if set_for { Direction::Future } else { tense() };
                let best = [-1i16, 0, 1]
                    .into_iter()
                    .map(|dy| DateValue::month(year + dy, m))
                    .filter(|v| direction.allows(anchor, *v))
                    .min_by_key(|v| distance(anchor, DateValue { day: 15, ..*v }))?;
                return Some((1, best));
            }
        }
        None
    }
}

/// [`year_word`], or a plural form of «год», which follows a span of years («в 2019–2020
/// годах»).
fn years_word(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    if k < end && matches!(doc.fold_of(k), "годы" | "годах" | "годов") {
        return Some(1);
    }
    year_word(doc, k, end)
}

/// «года», «году», «г.», «г»: the number of tokens of a year word at `k`.
fn year_word(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    if k >= end {
        return None;
    }
    match doc.fold_of(k) {
        "год" | "года" | "году" | "годом" => Some(1),
        "г" if doc.is_punct(k + 1, ".") => Some(2),
        "г" => Some(1),
        "гг" if doc.is_punct(k + 1, ".") => Some(2),
        _ => None,
    }
}

/// «прошлого года», «этого года», «следующего года» at `k`: tokens and year offset.
fn relative_year(doc: &Doc<'_>, k: usize, end: usize) -> Option<(usize, i32)> {
    if k + 1 >= end || doc.fold_of(k + 1) != "года" {
        return None;
    }
    let offset = match doc.fold_of(k) {
        "прошлого" | "минувшего" => -1,
        "этого" | "текущего" | "нынешнего" | "сего" => 0,
        "следующего" | "будущего" | "наступающего" => 1,
        "позапрошлого" => -2,
        _ => return None,
    };
    Some((2, offset))
}

/// Days between the anchor and a value (its first day).
fn distance(anchor: Date, v: DateValue) -> i64 {
    to_jiff(v)
        .and_then(|d| anchor.until(d).ok())
        .map(|span| i64::from(span.get_days()).abs())
        .unwrap_or(i64::MAX)
}

/// Whether the date at `i` follows «на» after a word of setting or moving a date
/// («запланирован на», «перенесли на», «назначена на»): what is set for it lies ahead.
fn set_for(doc: &Doc<'_>, i: usize) -> bool {
    i > 1
        && doc.fold_of(i - 1) == "на"
        && ["заплан", "намеч", "назнач", "перен", "отлож", "планир"]
            .iter()
            .any(|stem| doc.fold_of(i - 2).starts_with(stem))
}

/// Which way in time a date without a year points, from the verbs of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// The sentence speaks of the future: the next such day or month.
    Future,
    /// The verb nearest the date is in the past and nothing is planned: the last one.
    Past,
    /// Either: the nearest to the article date.
    Either,
}

/// The verbs of one sentence, gathered once: finite verbs with their tense, and whether an
/// infinitive or a future tense occurs.
struct Verbs {
    finite: Vec<(usize, Option<Tense>)>,
    /// Finite verbs of agreeing on something to come («договорились», «условились»), by token.
    agreed: Vec<usize>,
    /// Finite verbs of setting or moving a date («перенесли», «назначили»), by token.
    scheduled: Vec<usize>,
    /// Tokens that end a comma-bounded segment (commas, semicolons, colons, dashes).
    breaks: Vec<usize>,
    /// Infinitives, by token.
    infinitives: Vec<usize>,
    /// Present-tense verbs of ability, intent or planning («могут», «хочет», «планирует»,
    /// «собирается»), by token: with an infinitive after them they speak of what is to come.
    modal: Vec<usize>,
    future: bool,
}

/// Lemmas of the verbs in [`Verbs::scheduled`]: the date after «на» is the one set, which lies
/// ahead of a past verb («визит перенесли на середину апреля»).
const SCHEDULE_LEMMAS: &[&str] = &[
    "перенести",
    "переносить",
    "отложить",
    "откладывать",
    "назначить",
    "запланировать",
    "наметить",
    "намечать",
];

/// Lemmas of the verbs in [`Verbs::modal`].
const MODAL_LEMMAS: &[&str] = &[
    "мочь",
    "хотеть",
    "собираться",
    "планировать",
    "намереваться",
    "надеяться",
    "рассчитывать",
    "предполагать",
    "стремиться",
    "обещать",
    "готовиться",
];

impl Verbs {
    fn of(doc: &Doc<'_>, sentence: &std::ops::Range<usize>) -> Verbs {
        let mut v = Verbs {
            finite: Vec::new(),
            agreed: Vec::new(),
            scheduled: Vec::new(),
            breaks: sentence
                .clone()
                .filter(|&k| {
                    doc.tokens[k].kind == TokenKind::Punct
                        && matches!(doc.text_of(k), "," | ";" | ":" | "—" | "–" | "(" | ")")
                })
                .collect(),
            infinitives: Vec::new(),
            modal: Vec::new(),
            future: speaks_of_future(doc, sentence.clone()),
        };
        for k in sentence.clone() {
            // The verb reading of a word that is also a noun form («примет»: «принять» or the
            // genitive plural of «примета»), when it is a likely one.
            let Some(p) = doc.word(k).and_then(|w| {
                w.best()
                    .filter(|p| matches!(p.pos, Pos::Verb | Pos::Aux))
                    .or_else(|| {
                        w.parses.iter().find(|p| {
                            p.pos == Pos::Verb
                                && p.verb_form == Some(VerbForm::Fin)
                                && p.prob >= 0.3
                        })
                    })
            }) else {
                continue;
            };
            match p.verb_form {
                Some(VerbForm::Inf) => v.infinitives.push(k),
                Some(VerbForm::Fin) => {
                    v.finite.push((k, p.tense));
                    if matches!(&*p.lemma, "договориться" | "условиться") {
                        v.agreed.push(k);
                    }
                    if SCHEDULE_LEMMAS.contains(&&*p.lemma) {
                        v.scheduled.push(k);
                    }
                    if p.tense == Some(Tense::Pres) && MODAL_LEMMAS.contains(&&*p.lemma) {
                        v.modal.push(k);
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// The direction of a date at token `i`: the finite verb nearest it decides («во вторник
    /// встретились, а в пятницу встретятся снова» has one date each way).
    fn direction(&self, doc: &Doc<'_>, i: usize) -> Direction {
        // Within the date's own segment first: «приедет в Пекин в феврале, а китайский лидер
        // назвал его другом» — «назвал» is nearer but belongs to the next clause.
        let lo = self
            .breaks
            .iter()
            .rev()
            .find(|&&b| b < i)
            .map_or(0, |&b| b + 1);
        let hi = self
            .breaks
            .iter()
            .find(|&&b| b > i)
            .copied()
            .unwrap_or(usize::MAX);
        let nearest_at = |lo: usize, hi: usize| {
            self.finite
                .iter()
                .filter(|(k, _)| (lo..hi).contains(k))
                .min_by_key(|(k, _)| k.abs_diff(i))
                .copied()
        };
        let nearest_in = |lo: usize, hi: usize| nearest_at(lo, hi).map(|(_, t)| t);
        let verb = nearest_at(lo, hi).or_else(|| nearest_at(0, usize::MAX));
        let nearest = verb.map(|(_, t)| t);
        // «договорились о встрече в апреле»: what was agreed on lies ahead, though the verb
        // is past (the events stage reads it so too); «в апреле договорились» dates the
        // agreement.
        // Only a date inside what was agreed on: after «о …» or an infinitive, with no
        // clause between («договорилась и уже в четверг выдвинула» is past), and not the date
        // of the talk the agreement came in («договорились о встрече в ходе разговора 16
        // октября»).
        let agreed = verb.is_some_and(|(k, _)| {
            k < i
                && self.agreed.contains(&k)
                && !self.breaks.iter().any(|b| (k..i).contains(b))
                && !(k + 1..i).any(|j| matches!(doc.fold_of(j), "и" | "ходе" | "время"))
                && (k + 1..i)
                    .any(|j| matches!(doc.fold_of(j), "о" | "об") || self.infinitives.contains(&j))
        });
        // «собирался посетить Москву в мае»: an infinitive is a plan, whatever the tense — in
        // the date's own segment («…пригласил посетить Каракас; в последний раз министры
        // встречались там в феврале» is in the past).
        let segment = if nearest_in(lo, hi).is_some() {
            lo..hi
        } else {
            0..usize::MAX
        };
        let infinitive = self.infinitives.iter().any(|k| segment.contains(k));
        // «Эрдоган и Путин могут провести встречу в сентябре», «планирует посетить Пекин в
        // мае»: a present-tense verb of ability or intent with an infinitive after it in the
        // same segment speaks of what is to come («любит гулять в мае» stays either way).
        let modal = verb.is_some_and(|(k, _)| {
            self.modal.contains(&k)
                && self.infinitives.iter().any(|&j| {
                    j > k && segment.contains(&j) && !self.breaks.iter().any(|b| (k..j).contains(b))
                })
        });
        // «перенесли на середину апреля»: what is set for a date lies ahead (as `set_for`
        // reads «перенесли на апрель»), with words between the verb and the date.
        let scheduled = verb.is_some_and(|(k, _)| {
            k < i
                && self.scheduled.contains(&k)
                && !self.breaks.iter().any(|b| (k..i).contains(b))
                && (i.saturating_sub(3).max(k + 1)..=i).any(|j| doc.fold_of(j) == "на")
        });
        match nearest {
            Some(Some(Tense::Fut)) => Direction::Future,
            Some(Some(Tense::Pres)) if modal => Direction::Future,
            Some(Some(Tense::Past)) if agreed => Direction::Future,
            Some(Some(Tense::Past)) if scheduled => Direction::Future,
            Some(Some(Tense::Past)) if !infinitive => Direction::Past,
            _ if self.future => Direction::Future,
            _ => Direction::Either,
        }
    }
}

/// Tokens of an ordinal ending after a day number at `k`: «-го», «-е», «-ое» (0 or 2).
fn ordinal_ending(doc: &Doc<'_>, k: usize, end: usize) -> usize {
    if k + 1 < end
        && doc.is_punct(k, "-")
        && !doc.tokens[k].space_before
        && matches!(doc.fold_of(k + 1), "го" | "е" | "ое" | "ого")
    {
        2
    } else {
        0
    }
}

/// A public holiday named at token `i` (capitalised): its tokens, month and day. «Новый год»
/// in any case; «День Победы», «День России», «День знаний», «День народного единства», «День
/// защитника Отечества».
fn holiday_at(doc: &Doc<'_>, i: usize, end: usize) -> Option<(usize, u8, u8)> {
    if doc.tokens[i].shape != crate::text::Shape::Title {
        return None;
    }
    let next = |k: usize| if i + k < end { doc.fold_of(i + k) } else { "" };
    match doc.fold_of(i) {
        "новый" | "нового" | "новому" | "новым" | "новом"
            if matches!(next(1), "год" | "года" | "году" | "годом") =>
        {
            Some((2, 1, 1))
        }
        "день" | "дня" | "дню" | "днем" | "дне" => match (next(1), next(2)) {
            ("победы", _) => Some((2, 5, 9)),
            ("россии", _) => Some((2, 6, 12)),
            ("знаний", _) => Some((2, 9, 1)),
            ("народного", "единства") => Some((3, 11, 4)),
            ("защитника", "отечества") => Some((3, 2, 23)),
            _ => None,
        },
        _ => None,
    }
}

/// Nouns for a street or square, before a name that is a date («улица 8 Марта»).
static STREET_NOUNS: crate::text::WordList = crate::text::WordList::new(&[
    "улица",
    "улицы",
    "улице",
    "улицу",
    "улицей",
    "ул",
    "проспект",
    "проспекта",
    "проспекте",
    "проспектом",
    "пр",
    "площадь",
    "площади",
    "площадью",
    "пл",
    "переулок",
    "переулка",
    "переулке",
    "пер",
    "бульвар",
    "бульвара",
    "бульваре",
    "набережная",
    "набережной",
    "набережную",
    "шоссе",
    "проезд",
    "проезда",
    "проезде",
    "парк",
    "парка",
    "парке",
]);

/// True when the date of `len` tokens at `i` is a street's name: a number right after a word
/// for a street («ул.» with its full stop), with a capitalised month («улица 8 Марта», «улице 1
/// Мая») or a year alone («площади 1905 года»).
fn street_named(doc: &Doc<'_>, i: usize, len: usize, v: DateValue) -> bool {
    // The name is the number itself right after the noun: «в прошлом году» after «Ремонт
    // улицы» is a date.
    if doc.tokens[i].kind != TokenKind::Number {
        return false;
    }
    let mut k = i;
    if k > 0 && doc.is_punct(k - 1, ".") {
        k -= 1;
    }
    if k == 0 || !STREET_NOUNS.contains(doc.fold_of(k - 1)) {
        return false;
    }
    let capital_month = (i..i + len).any(|j| {
        doc.tokens[j].shape == crate::text::Shape::Title && month_of(doc.fold_of(j)).is_some()
    });
    capital_month || v.month == 0
}

/// Whether a date expression can start at token `i`: a number, a month name or one of the
/// words the grammar starts with. Everything else is skipped without further work.
fn may_start_date(doc: &Doc<'_>, i: usize) -> bool {
    match doc.tokens[i].kind {
        TokenKind::Number => true,
        // Asked once per distinct word: the answer depends on its folded text alone.
        TokenKind::Word => {
            let w = doc.fold_of(i);
            doc.word_memo(i, Memo::DateStart, || u8::from(date_word(w))) == 1
        }
        _ => false,
    }
}

/// Whether a date can start at the word `w` (folded): a relative day, a preposition, a season,
/// a month or a month adjective.
fn date_word(w: &str) -> bool {
    matches!(
        w,
        "сегодня"
            | "вчера"
            | "позавчера"
            | "завтра"
            | "послезавтра"
            | "накануне"
            | "на"
            | "в"
            | "во"
            | "через"
            | "до"
            | "к"
            | "с"
            | "весной"
            | "летом"
            | "осенью"
            // «прошлой осенью», «этим летом»
            | "прошлой"
            | "прошлым"
            | "минувшей"
            | "минувшим"
            | "прошедшей"
            | "прошедшим"
            | "следующей"
            | "следующим"
            | "будущей"
            | "будущим"
            | "этой"
            | "этим"
            | "нынешней"
            | "нынешним"
            // «на Новый год», «в День Победы»
            | "новый"
            | "нового"
            | "новому"
            | "новым"
            | "новом"
            | "дня"
            | "дню"
            | "днем"
            // «Минувшие выходные стали …», «Прошлая неделя выдалась …»
            | "минувшие"
            | "прошлые"
            | "прошедшие"
            | "эти"
            | "ближайшие"
            | "предстоящие"
            | "следующие"
            | "минувшая"
            | "прошлая"
            | "прошедшая"
            | "эта"
            | "текущая"
            | "следующая"
            | "будущая"
            // «полгода назад», «полтора года назад»
            | "полгода"
            | "полтора"
            | "полторы"
            // «три дня назад», «неделю назад»
            | "два"
            | "две"
            | "три"
            | "четыре"
            | "пять"
            | "шесть"
            | "семь"
            | "неделю"
            | "месяц"
            | "год"
            | "день"
    ) || month_of(w).is_some()
        || month_adjective(w).is_some()
        // «в первом квартале», «III квартала», «второе полугодие»
        || matches!(w, "i" | "ii" | "iii" | "iv")
        || ["перв", "втор", "трет", "четверт"]
            .iter()
            .any(|p| w.starts_with(p))
        || glued_year(w).is_some()
}

impl Direction {
    /// Whether `v` lies on the side of `anchor` this direction allows (its own month or day
    /// counts as either side).
    fn allows(self, anchor: Date, v: DateValue) -> bool {
        let a = from_jiff(anchor);
        match self {
            Direction::Future => !v.before(&a),
            Direction::Past => !a.before(&v),
            Direction::Either => true,
        }
    }
}

/// True when the sentence has a future-tense finite verb («встретятся», «будет») or a word
/// of planning with no verb («В среду запланированы переговоры», «предстоит встреча»).
pub fn speaks_of_future(doc: &Doc<'_>, range: std::ops::Range<usize>) -> bool {
    // («6 мая был запланирован концерт»: a plan in the past tense is no future.)
    let past = range
        .clone()
        .any(|i| matches!(doc.fold_of(i), "был" | "была" | "было" | "были"));
    range.into_iter().any(|i| {
        let fold = doc.fold_of(i);
        let plan_word = fold.starts_with("запланирован")
            || fold.starts_with("намечен")
            || matches!(
                fold,
                "предстоит" | "предстоят" | "планируется" | "планируются" | "ожидается"
            );
        (plan_word && !past)
            || doc.word(i).and_then(|w| w.best()).is_some_and(|p| {
                matches!(p.pos, Pos::Verb | Pos::Aux)
                    && p.tense == Some(Tense::Fut)
                    && p.verb_form == Some(VerbForm::Fin)
                    && p.prob >= 0.5
            })
    })
}
