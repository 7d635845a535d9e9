//! Abbreviations that an article defines: «Российский союз правообладателей (РСП)».
//!
//! News introduces an organisation outside the gazetteers by its full name with the
//! abbreviation in brackets, and then writes the abbreviation alone. When the initials of
//! the words before the bracket spell the abbreviation, and the first noun of those words
//! says what is named is an organisation («союз», «служба», «комитет», …), the full name,
//! the bracketed abbreviation and every other time the article writes the abbreviation are
//! one ORGANIZATION with an id in newsgraph's namespace (`ng:org:<slug>`) and the full
//! name, in the nominative, as its name. An abbreviation the gazetteers know lends its
//! entity to the full name before it («Европейского футбольного союза (УЕФА)»), and an
//! organisation found before the bracket lends its own to an abbreviation they do not know
//! («Палестинской национальной администрации (ПНА)»).
//!
//! The initials are matched as in the algorithm of Schwartz and Hearst (2003, «A simple
//! algorithm for identifying abbreviation definitions in biomedical text»), with what
//! Russian adds: each part of a hyphenated word gives its initial («Форума
//! стран-экспортеров газа (ФСЭГ)»), prepositions and conjunctions may give theirs or none
//! («Совета национальной безопасности и обороны (СНБО)»), and a country or city named last
//! may be left out («Конституционный суд Молдавии (КС)»).

use std::ops::Range;
use std::sync::Arc;

use crate::doc::{Doc, MentionDraft};
use crate::model::{EntityId, EntityKind};
use crate::morph::{Case, CaseSet, Morph, Pos};
use crate::slug::slug;
use crate::text::{Shape, TokenKind};

/// Finds organisations by the abbreviations an article defines. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct AbbrevFinder;

/// Nouns (lemmas) that make a defined name an organisation when they are its first noun.
/// Heads of other named things are left out on purpose: a law («договор», «кодекс»), an
/// event («чемпионат», «фестиваль»), a place («округ»), a facility («станция»), a system
/// («система», «обеспечение»).
pub(crate) static ORG_HEADS: crate::text::WordList = crate::text::WordList::new(&[
    "агентство",
    "академия",
    "администрация",
    "альянс",
    "армия",
    "ассоциация",
    "банк",
    "биржа",
    "бригада",
    "бюро",
    "ведомство",
    "войско",
    "гвардия",
    "гильдия",
    "департамент",
    "дивизия",
    "движение",
    "дирекция",
    "институт",
    "инспекция",
    "казначейство",
    "коалиция",
    "комиссия",
    "комитет",
    "компания",
    "конгресс",
    "конфедерация",
    "концерн",
    "корпорация",
    "корпус",
    "лаборатория",
    "лига",
    "министерство",
    "музей",
    "общество",
    "объединение",
    "организация",
    "палата",
    "партия",
    "полиция",
    "прокуратура",
    "сила",
    "служба",
    "собрание",
    "совет",
    "сообщество",
    "сотрудничество",
    "союз",
    "суд",
    "телекомпания",
    "трибунал",
    "университет",
    "управление",
    "училище",
    "федерация",
    "фонд",
    "форум",
    "фронт",
    "холдинг",
    "центр",
    "школа",
    "штаб",
]);

/// Prepositions and conjunctions inside a name: their initial may be in the abbreviation
/// or not.
const SKIPPABLE: &[&str] = &[
    "в", "во", "и", "на", "о", "об", "по", "при", "для", "за", "с", "со", "от", "of", "and", "the",
    "for", "de",
];

/// Most words of a defined name.
const MAX_WORDS: usize = 12;

/// Letters of an abbreviation, at least and at most.
const LETTERS: Range<usize> = 2..9;

/// One word before the bracket, as the initials matcher sees it.
struct Unit {
    /// Initials of its hyphen-separated parts, folded.
    parts: Vec<char>,
    /// It may give no letter: a preposition, a conjunction, a dash.
    skippable: bool,
    /// It may give no letter when it ends the name: a country or city mention.
    trailing: bool,
}

/// The number of units, counted back from the bracket, whose initials spell `letters`
/// (folded), the fewest when there are several ways; `None` when there is none. The first
/// unit of the name gives the first letter.
fn spelled_by(units: &[Unit], letters: &[char]) -> Option<usize> {
    // units[0] is the word right before the bracket. Search right to left: `i` letters
    // still to match (a prefix of `letters`), `j` the next unit, `started` once a unit gave
    // a letter (trailing units may be left out only before that).
    fn go(units: &[Unit], letters: &[char], i: usize, j: usize, started: bool) -> Option<usize> {
        if i == 0 {
            return Some(j);
        }
        let unit = units.get(j)?;
        let mut best: Option<usize> = None;
        let mut keep = |n: Option<usize>| {
            if let Some(n) = n {
                best = Some(best.map_or(n, |b: usize| b.min(n)));
            }
        };
        // Every part's initial, or only the first part's.
        let all = unit.parts.len();
        if all <= i && letters[i - all..i] == unit.parts[..] {
            keep(go(units, letters, i - all, j + 1, true));
        }
        if all > 1 && letters[i - 1] == unit.parts[0] {
            keep(go(units, letters, i - 1, j + 1, true));
        }
        if unit.skippable || (unit.trailing && !started) {
            keep(go(units, letters, i, j + 1, started));
        }
        best
    }
    go(units, letters, letters.len(), 0, false)
}

/// The folded letters of token `k` when it can be a defined abbreviation: a word of two to
/// eight letters, every one a capital.
fn abbreviation(doc: &Doc<'_>, k: usize) -> Option<Vec<char>> {
    let t = &doc.tokens[k];
    if t.kind != TokenKind::Word || t.shape != Shape::Upper {
        return None;
    }
    let letters: Vec<char> = doc.fold_of(k).chars().collect();
    (LETTERS.contains(&letters.len()) && letters.iter().all(|c| c.is_alphabetic()))
        .then_some(letters)
}

/// Whether the two words are written in different scripts (a Latin abbreviation of a
/// Russian name: «Центров по контролю заболеваний (CDC)»).
fn other_script(a: &str, b: &str) -> bool {
    let latin = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    latin(a) != latin(b)
}

/// The units of the words before the bracket at `open`, nearest first, within its sentence.
fn units_before(doc: &Doc<'_>, open: usize) -> Vec<Unit> {
    let sentence = &doc.sentence_tokens[doc.tokens[open].sentence as usize];
    let mut units = Vec::new();
    let mut k = open;
    while k > sentence.start && units.len() < MAX_WORDS {
        k -= 1;
        let t = &doc.tokens[k];
        let fold = doc.fold_of(k);
        match t.kind {
            TokenKind::Word => {
                let parts = fold
                    .split('-')
                    .filter_map(|p| p.chars().next())
                    .collect::<Vec<_>>();
                let trailing = doc.mentions_at(k).iter().any(|m| {
                    m.tokens.end == k + 1
                        && matches!(m.kind, EntityKind::Country | EntityKind::City)
                });
                units.push(Unit {
                    parts,
                    skippable: SKIPPABLE.contains(&fold),
                    trailing,
                });
            }
            TokenKind::Punct if fold == "-" => units.push(Unit {
                parts: Vec::new(),
                skippable: true,
                trailing: false,
            }),
            _ => break,
        }
    }
    units
}

/// The first noun of the name in `name` when it is a word for an organisation, with the
/// cases it can be in, and the index of its token.
fn org_head(doc: &Doc<'_>, name: &Range<usize>) -> Option<(usize, CaseSet)> {
    for k in name.clone() {
        let w = doc.lower(k)?;
        let best = w.best()?;
        if matches!(best.pos, Pos::Adj | Pos::Det | Pos::Num) {
            continue;
        }
        let cases = w.cases(|p| p.pos == Pos::Noun && ORG_HEADS.contains(&p.lemma));
        return (!cases.is_empty()).then_some((k, cases));
    }
    None
}

/// The name in `name` with its words up to the head noun at `head` put in the nominative
/// («Российского союза правообладателей» → «Российский союз правообладателей»); as written
/// when it is in the nominative already or the words do not agree in one case.
pub(crate) fn nominative(doc: &Doc<'_>, morph: &Morph, name: &Range<usize>, head: usize) -> String {
    // The same names recur across a corpus, and putting one in the nominative costs a
    // dictionary analysis and an inflection per word: each worker keeps the answers for the
    // names as written (the answer depends on nothing else), up to a bound.
    type Known = std::collections::HashMap<(Box<str>, usize), String>;
    thread_local! {
        static KNOWN: std::cell::RefCell<Known> = std::cell::RefCell::default();
    }
    const KEEP: usize = 4096;
    let key = (Box::from(doc.original_of(name)), head - name.start);
    if let Some(known) = KNOWN.with(|k| k.borrow().get(&key).cloned()) {
        return known;
    }
    let answer = nominative_of(doc, morph, name, head);
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= KEEP {
            k.clear();
        }
        k.insert(key, answer.clone());
    });
    answer
}

/// [`nominative`] without the cache.
fn nominative_of(doc: &Doc<'_>, morph: &Morph, name: &Range<usize>, head: usize) -> String {
    let written = doc.original_of(name).to_string();
    let head_info = doc.lower(head);
    let Some(head_info) = head_info else {
        return written;
    };
    // The head's readings as an organisation word, singular ones first («Федерации» is rather
    // a genitive singular than a nominative plural), then the most probable.
    let mut readings: Vec<_> = head_info
        .parses
        .iter()
        .filter(|p| p.pos == Pos::Noun && ORG_HEADS.contains(&p.lemma))
        .collect();
    readings.sort_by(|a, b| {
        let plural = |p: &crate::morph::Parse| p.number == Some(crate::morph::Number::Plur);
        plural(a).cmp(&plural(b)).then(b.prob.total_cmp(&a.prob))
    });
    let dict = morph.dict();
    'reading: for reading in readings {
        let mut head_part = String::new();
        for k in name.start..=head {
            let word = doc.text_of(k);
            if k > name.start && doc.tokens[k].space_before {
                head_part.push(' ');
            }
            // «Либерально-»: the combining form of a compound adjective and its hyphen
            // stay as written.
            if doc.tokens[k].kind == TokenKind::Punct
                || (k < head && doc.is_punct(k + 1, "-") && !doc.tokens[k + 1].space_before)
            {
                head_part.push_str(word);
                continue;
            }
            let analyses = dict.analyze(word);
            let agreeing = analyses.iter().find(|a| {
                let p = morph.parse_of(a);
                let pos_ok = if k == head {
                    p.pos == Pos::Noun && p.lemma == reading.lemma
                } else {
                    matches!(p.pos, Pos::Adj | Pos::Det)
                };
                pos_ok
                    && p.case == reading.case
                    && p.number == reading.number
                    && (k == head || p.gender.is_none() || p.gender == reading.gender)
            });
            let Some(agreeing) = agreeing else {
                continue 'reading;
            };
            // In the nominative already: the words only have to agree.
            if reading.case == Some(Case::Nom) {
                continue;
            }
            let Some(form) = dict.inflect(agreeing, &[("Case", "Nom")]) else {
                continue 'reading;
            };
            // The letter case as written («Художественного» → «Художественный»).
            if doc.tokens[k].shape == Shape::Lower {
                head_part.push_str(&form.word.to_lowercase());
            } else {
                head_part.push_str(&upper_first(&form.word));
            }
        }
        if reading.case == Some(Case::Nom) {
            return written;
        }
        // The words after the head stay as written; the original text keeps «ё».
        let rest = if head + 1 < name.end {
            format!(" {}", doc.original_of(&(head + 1..name.end)))
        } else {
            String::new()
        };
        let head_part = crate::text::restore_yo(&head_part, &written).into_owned();
        return format!("{head_part}{rest}");
    }
    written
}

/// A defined abbreviation: where its definition is and what it names.
struct Definition {
    /// The abbreviation as written («РСП»).
    written: String,
    /// The full name's tokens, when it is not a mention already.
    name: Option<Range<usize>>,
    /// The document entity, once known.
    entity: u32,
}

impl AbbrevFinder {
    /// Adds ORGANIZATION mentions for full names and abbreviations that the article defines
    /// («Российский союз правообладателей (РСП)»), and for the abbreviation wherever else the
    /// article writes it. Mentions already found stay as they are.
    pub fn run(&self, doc: &mut Doc<'_>, morph: &Morph) {
        let mut definitions: Vec<Definition> = Vec::new();
        // Brackets are rare: the scan looks at punctuation only, by its first byte.
        let norm = doc.norm.norm.as_bytes();
        let opens: Vec<usize> = doc
            .tokens
            .iter()
            .enumerate()
            .filter(|&(k, t)| {
                t.kind == TokenKind::Punct
                    && t.end == t.start + 1
                    && norm[t.start as usize] == b'('
                    && k > 0
                    && doc.is_punct(k + 2, ")")
            })
            .map(|(k, _)| k)
            .collect();
        for open in opens {
            let at = open + 1;
            if doc.tokens[at].sentence != doc.tokens[open - 1].sentence {
                continue;
            }
            let Some(letters) = abbreviation(doc, at) else {
                continue;
            };
            if let Some(d) = define(doc, morph, open, &letters) {
                definitions.push(d);
            }
        }
        if definitions.is_empty() {
            return;
        }
        let covered = doc.coverage();
        let mut added: Vec<MentionDraft> = Vec::new();
        // Each abbreviation's entity: the first definition's when an article defines one twice.
        let mut entity_of: Vec<(&str, u32)> = Vec::new();
        for d in &definitions {
            if let Some(name) = &d.name {
                added.push(MentionDraft::organisation(
                    name.clone(),
                    d.entity,
                    doc.tokens[name.start].sentence,
                ));
            }
            entity_of.push((&d.written, d.entity));
        }
        // A stable sort keeps the definitions of one abbreviation in article order.
        entity_of.sort_by_key(|(w, _)| *w);
        entity_of.dedup_by_key(|(w, _)| *w);
        // The abbreviation wherever the article writes it and nothing else was found there:
        // one pass over the tokens, whatever the number of definitions.
        for (k, t) in doc.tokens.iter().enumerate() {
            if covered[k] || t.shape != Shape::Upper || t.kind != TokenKind::Word {
                continue;
            }
            let text = doc.text_of(k);
            if let Ok(i) = entity_of.binary_search_by(|(w, _)| (*w).cmp(text)) {
                added.push(MentionDraft::organisation(
                    k..k + 1,
                    entity_of[i].1,
                    t.sentence,
                ));
            }
        }
        if added.is_empty() {
            return;
        }
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }
}

/// The definition of the abbreviation in the brackets opened at `open` (its folded letters
/// `letters`), if the words before them define it.
fn define(doc: &mut Doc<'_>, morph: &Morph, open: usize, letters: &[char]) -> Option<Definition> {
    let at = open + 1;
    let written = doc.text_of(at).to_string();
    // The mentions that may overlap the words before the bracket, or the abbreviation.
    let near: Vec<&MentionDraft> = doc
        .mentions_overlapping(&(open.saturating_sub(MAX_WORDS)..at + 1))
        .collect();
    let on_abbreviation = near.iter().find(|m| m.tokens.contains(&at));
    // An organisation right before the bracket (a place ending the name there is no
    // definition of its own: «… России (ФФККР)»).
    let before = near
        .iter()
        .filter(|m| m.tokens.end == open && m.kind == EntityKind::Organization)
        .max_by_key(|m| m.tokens.len());
    match (on_abbreviation, before) {
        // Known both ways, or the abbreviation is something else: nothing to add.
        (Some(_), Some(_)) => None,
        (Some(m), None) => {
            if m.kind != EntityKind::Organization || m.tokens != (at..at + 1) {
                return None;
            }
            let entity = m.entity;
            let name = defined_name(doc, open, letters)?;
            org_head(doc, &name)?;
            if overlaps_outside(doc, &name) {
                return None;
            }
            Some(Definition {
                written,
                name: Some(name),
                entity,
            })
        }
        (None, Some(m)) => {
            let (entity, span) = (m.entity, m.tokens.clone());
            // The organisation before the bracket: its words must spell the abbreviation,
            // unless the two are in different scripts (a translation's initials).
            let first_word = doc.text_of(span.start);
            if !other_script(first_word, &written) {
                let units = units_before(doc, open);
                let n = spelled_by(&units, letters)?;
                if open - n < span.start {
                    return None;
                }
            }
            Some(Definition {
                written,
                name: None,
                entity,
            })
        }
        (None, None) => {
            let name = defined_name(doc, open, letters)?;
            let (head, _) = org_head(doc, &name)?;
            if overlaps_outside(doc, &name) {
                return None;
            }
            let text = nominative(doc, morph, &name, head);
            let text = upper_first(&text);
            let id = EntityId::new(&format!("ng:org:{}", slug(&text)));
            let entity =
                doc.intern_new(id, EntityKind::Organization, Arc::from(text.as_str()), None);
            Some(Definition {
                written,
                name: Some(name),
                entity,
            })
        }
    }
}

/// The tokens of the full name before the bracket at `open` whose initials spell `letters`:
/// two words or more, the first a word.
fn defined_name(doc: &Doc<'_>, open: usize, letters: &[char]) -> Option<Range<usize>> {
    let units = units_before(doc, open);
    let n = spelled_by(&units, letters)?;
    let name = open - n..open;
    (n >= 2 && doc.tokens[name.start].kind == TokenKind::Word).then_some(name)
}

/// True when a mention overlaps `name` without lying inside it.
fn overlaps_outside(doc: &Doc<'_>, name: &Range<usize>) -> bool {
    doc.mentions_overlapping(name)
        .any(|m| m.tokens.start < name.start || m.tokens.end > name.end)
}

/// `s` with its first letter a capital («Коллективные силы …» when the article wrote the
/// name in small letters after a capital abbreviation).
pub(crate) fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(words: &[(&str, bool, bool)]) -> Vec<Unit> {
        words
            .iter()
            .rev()
            .map(|&(w, skippable, trailing)| Unit {
                parts: w.split('-').filter_map(|p| p.chars().next()).collect(),
                skippable,
                trailing,
            })
            .collect()
    }

    fn letters(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn initials_spell_the_abbreviation() {
        let u = units(&[
            ("сообщил", false, false),
            ("российский", false, false),
            ("союз", false, false),
            ("правообладателей", false, false),
        ]);
        assert_eq!(spelled_by(&u, &letters("рсп")), Some(3));
        assert_eq!(
            spelled_by(&u, &letters("рс")),
            None,
            "every word gives a letter"
        );
    }

    #[test]
    fn hyphen_parts_prepositions_and_a_trailing_country() {
        let u = units(&[
            ("форума", false, false),
            ("стран-экспортеров", false, false),
            ("газа", false, false),
        ]);
        assert_eq!(spelled_by(&u, &letters("фсэг")), Some(3));
        assert_eq!(
            spelled_by(&u, &letters("фсг")),
            Some(3),
            "or the first part alone"
        );
        let u = units(&[
            ("совета", false, false),
            ("национальной", false, false),
            ("безопасности", false, false),
            ("и", true, false),
            ("обороны", false, false),
        ]);
        assert_eq!(spelled_by(&u, &letters("снбо")), Some(5));
        assert_eq!(spelled_by(&u, &letters("снбио")), Some(5));
        let u = units(&[
            ("конституционный", false, false),
            ("суд", false, false),
            ("молдавии", false, true),
        ]);
        assert_eq!(spelled_by(&u, &letters("кс")), Some(3));
        assert_eq!(spelled_by(&u, &letters("ксм")), Some(3));
        let u = units(&[("молдавии", false, true), ("суд", false, false)]);
        assert_eq!(
            spelled_by(&u, &letters("мс")),
            Some(2),
            "a place may be left out at the end only"
        );
        assert_eq!(spelled_by(&u, &letters("с")), Some(1));
    }

    #[test]
    fn the_shortest_name_wins() {
        let u = units(&[
            ("и", true, false),
            ("партия", false, false),
            ("и", true, false),
            ("порядок", false, false),
        ]);
        assert_eq!(spelled_by(&u, &letters("пип")), Some(3));
        assert_eq!(spelled_by(&u, &letters("пп")), Some(3));
    }

    #[test]
    fn the_first_letter_of_a_name_is_a_capital() {
        assert_eq!(upper_first("коллективные силы"), "Коллективные силы");
        assert_eq!(upper_first(""), "");
    }
}
