//! Organisations named by a capitalised phrase around a word for one: «Нобелевского
//! комитета», «Партии реформ», «Коммунистической партии Китая», «Сухопутных войск».
//!
//! Russian writes the first word of an organisation's proper name with a capital and the
//! rest in small letters; away from a clause's start, a capitalised adjective before a word
//! for an organisation («комитет», «партия», «служба»; the list of `stages::abbrevs`), or
//! that word capitalised with a genitive after it («Партии реформ»), names one. The name runs
//! from the capital through the noun and the genitive words after it («Министерства связи и
//! массовых коммуникаций» stops at «и»: a conjunction may join two names), and takes a
//! country, city or region in the genitive right after it as its state, as does a country's
//! adjective before it. It becomes an ORGANIZATION (`via: context`) named in the nominative,
//! with its state in brackets when it has one («Коммунистическая партия (Китай)»,
//! `ng:org:kommunisticheskaya-partiya-kitay`): one party of one country is one node,
//! whichever article names it.
//!
//! Runs after the gazetteer, the body finder and the abbreviation finder: a name they found
//! is theirs, and a state's body («Верховный суд») is left to the body finder even when it
//! found no state for it.

use std::ops::Range;
use std::sync::Arc;

use super::abbrevs::{ORG_HEADS, nominative, upper_first};
use crate::doc::{Doc, MentionDraft};
use crate::model::{EntityId, EntityKind, Via};
use crate::morph::{Case, CaseSet, Memo, Morph, Pos};
use crate::slug::slug;
use crate::text::{Shape, TokenKind};

/// Finds organisations named by a capitalised phrase. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct NamedOrgFinder;

/// Most adjectives before the noun.
const MAX_ADJECTIVES: usize = 3;

/// Most words of the genitive after the noun.
const MAX_COMPLEMENT: usize = 4;

/// What a word is to this stage, asked once per distinct word ([`Memo::OrgWord`]): the
/// cases it can be in as a word for an organisation (bits 0–6), and whether it is rather an
/// adjective (bit 7; never both).
fn org_word(doc: &Doc<'_>, k: usize) -> (CaseSet, bool) {
    let answer = doc.word_memo(k, Memo::OrgWord, || {
        let Some(w) = doc.lower(k) else {
            return 0;
        };
        let head = w.cases(|p| p.pos == Pos::Noun && ORG_HEADS.contains(&p.lemma));
        if !head.is_empty() {
            head.bits()
        } else if w.prob(|p| p.pos == Pos::Adj) >= 0.5 {
            0x80
        } else {
            0
        }
    });
    (CaseSet::from_bits(answer), answer & 0x80 != 0)
}

/// The cases token `k` can be in as an adjective, when it is one (its likelier reading; a
/// word for an organisation is a noun here whatever else it can be).
fn adjective(doc: &Doc<'_>, k: usize) -> Option<CaseSet> {
    if doc.tokens[k].kind != TokenKind::Word || !org_word(doc, k).1 {
        return None;
    }
    Some(doc.lower(k)?.cases(|p| p.pos == Pos::Adj))
}

/// Whether token `k` is the combining form of a compound adjective that the tokenizer kept
/// apart: a word in -о, a hyphen right after it, and a word after that, before `end`.
fn combining(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    k + 2 < end
        && doc.tokens[k].kind == TokenKind::Word
        && doc.fold_of(k).ends_with('о')
        && doc.is_punct(k + 1, "-")
        && !doc.tokens[k + 1].space_before
        && !doc.tokens[k + 2].space_before
}

/// The cases token `k` can be in as a word for an organisation, when it is one.
fn head(doc: &Doc<'_>, k: usize) -> Option<CaseSet> {
    if doc.tokens[k].kind != TokenKind::Word {
        return None;
    }
    let cases = org_word(doc, k).0;
    (!cases.is_empty()).then_some(cases)
}

/// Whether token `k` is a word in small letters that can be a noun (`noun`) or an adjective
/// in `case`.
fn small_word_in(doc: &Doc<'_>, k: usize, case: Case, noun: bool) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word
        && t.shape == Shape::Lower
        && !matches!(doc.fold_of(k), "имени" | "им")
        && doc.lower(k).is_some_and(|w| {
            !w.function_word()
                && w.parses.iter().any(|p| {
                    p.case == Some(case)
                        && if noun {
                            p.pos == Pos::Noun
                        } else {
                            p.pos == Pos::Adj
                        }
                })
        })
}

/// The end of the complement after the noun at `head`: genitive nouns and their adjectives
/// («Партии реформ», «Совета национальной безопасности»), or «по» and a dative phrase
/// («Комиссии по ценным бумагам»); it ends on a noun.
fn complement_end(doc: &Doc<'_>, head: usize, end: usize) -> usize {
    let mut k = head + 1;
    let mut last = head + 1;
    let mut case = Case::Gen;
    let mut words = 0;
    // «Комиссии по ценным бумагам»: «по» right after the noun.
    if k + 1 < end && doc.fold_of(k) == "по" {
        case = Case::Dat;
        k += 1;
    }
    while k < end && words < MAX_COMPLEMENT {
        // «Конституционный совет страны»: «страны» names no part of the name.
        if doc.lower(k).is_some_and(|w| w.has_lemma("страна")) {
            break;
        }
        if small_word_in(doc, k, case, true) {
            k += 1;
            last = k;
            // «Комиссия по вопросам гражданства»: the dative noun takes a genitive.
            case = Case::Gen;
        } else if small_word_in(doc, k, case, false) {
            k += 1;
        } else {
            break;
        }
        words += 1;
    }
    last
}

/// Whether the name ending before `stop` goes on in a way [`complement_end`] cannot follow,
/// so that its end is unknown and it is no name: a quoted name («Высшего совета партии
/// «Единая Россия»»), «имени» or «при» («Театрального училища имени Щукина», «Нобелевским
/// комитетом при Каролинском институте»), a capitalised word that can be a genitive
/// and not a nominative («Медицинского центра Университета Рочестера»), an abbreviation
/// («Главного оперативного управления ГОУ»), and, after a
/// `complement`, «и» or a preposition and a word in small letters («Центров по контролю и
/// предотвращению заболеваний», «Департамента по связям с общественностью»).
fn goes_on(doc: &Doc<'_>, stop: usize, end: usize, complement: bool) -> bool {
    if stop >= end {
        return false;
    }
    if doc.is_punct(stop, "\"") || matches!(doc.fold_of(stop), "имени" | "им" | "при") {
        return true;
    }
    let t = &doc.tokens[stop];
    if t.kind == TokenKind::Word && t.shape == Shape::Upper {
        return true;
    }
    // A name in the nominative after it is someone's («глава Нобелевского комитета
    // Торбьёрн Ягланд»); «Земли» of «Института физики Земли» is a plural nominative too, but
    // a person's name is singular.
    if t.kind == TokenKind::Word && t.shape == Shape::Title {
        return doc.word(stop).is_none_or(|w| {
            w.parses.iter().any(|p| p.case == Some(Case::Gen))
                && !w.parses.iter().any(|p| {
                    p.case == Some(Case::Nom) && p.number != Some(crate::morph::Number::Plur)
                })
        });
    }
    complement
        && matches!(doc.fold_of(stop), "и" | "за" | "по" | "с")
        && stop + 1 < end
        && doc.tokens[stop + 1].kind == TokenKind::Word
        && doc.tokens[stop + 1].shape == Shape::Lower
}

/// Whether a mention overlaps `span` other than a place inside it that leaves out the noun
/// at `head` («Американской» of «Американской ассоциации юристов», not «Российской
/// Федерации»), or an organisation after the noun («ООН» of «Детского фонда ООН»).
fn overlaps_other(doc: &Doc<'_>, span: &Range<usize>, head: usize) -> bool {
    doc.mentions_overlapping(span).any(|m| {
        let inside = span.start <= m.tokens.start && m.tokens.end <= span.end;
        let allowed = match m.kind {
            EntityKind::Country | EntityKind::City | EntityKind::Region => {
                !m.tokens.contains(&head)
            }
            EntityKind::Organization => m.tokens.start > head,
            _ => false,
        };
        !(inside && allowed)
    })
}

/// A capitalised name found at a token: its words, its noun, and its state's span and
/// document entity.
struct Found {
    name: Range<usize>,
    head: usize,
    state: Option<(Range<usize>, u32)>,
    /// The document entity of a known organisation the article gives in brackets right after
    /// the name («Федеральной службе по надзору в сфере связи (Роскомнадзор)»).
    known: Option<u32>,
}

/// Most words between a name's complement and a bracketed organisation after it.
const MAX_BEFORE_BRACKET: usize = 8;

/// The bracket opened after the name that ends at `stop` — past words in small letters,
/// within the sentence ending before `end` — when it holds nothing but an organisation
/// mention: the bracket's token and the organisation's document entity.
fn bracketed_org_after(doc: &Doc<'_>, stop: usize, end: usize) -> Option<(usize, u32)> {
    let mut j = stop;
    while j < end && j <= stop + MAX_BEFORE_BRACKET {
        let t = &doc.tokens[j];
        if doc.is_punct(j, "(") {
            let m = doc
                .mentions_at(j + 1)
                .iter()
                .find(|m| m.kind == EntityKind::Organization)?;
            return doc.is_punct(m.tokens.end, ")").then_some((j, m.entity));
        }
        if t.kind != TokenKind::Word || t.shape != Shape::Lower {
            return None;
        }
        j += 1;
    }
    None
}

/// The name starting at token `k`, a word with a capital away from a clause's start, within
/// the sentence ending before `end`.
fn name_at(doc: &Doc<'_>, k: usize, end: usize) -> Option<Found> {
    let mut cases = CaseSet::ANY;
    let mut j = k;
    let mut adjectives = 0;
    while j < end && adjectives < MAX_ADJECTIVES {
        // «Либерально-демократической»: the tokenizer keeps the combining form «Либерально»
        // apart; the adjective is the word after the hyphen.
        let step = if combining(doc, j, end) { 2 } else { 0 };
        match adjective(doc, j + step) {
            Some(c) if j == k || doc.tokens[j].shape == Shape::Lower || doc.name_case(j) => {
                cases = cases.intersect(c);
                j += step + 1;
                adjectives += 1;
            }
            _ => break,
        }
    }
    if j >= end {
        return None;
    }
    cases = cases.intersect(head(doc, j)?);
    if cases.is_empty() {
        return None;
    }
    let head = j;
    // «Лиги чемпионов», «Лига Европы», «Лига наций»: a league named by a genitive alone is
    // as often a tournament.
    if head == k && doc.lower(k).is_some_and(|w| w.has_lemma("лига")) {
        return None;
    }
    let stop = complement_end(doc, head, end);
    if let Some((open, entity)) = bracketed_org_after(doc, stop, end) {
        return Some(Found {
            name: k..open,
            head,
            state: None,
            known: Some(entity),
        });
    }
    // A place's adjective first, or right before the capital in small letters: the state
    // («Американской ассоциации юристов», «сочинского Художественного музея»).
    let place_adjective = |at: usize| {
        doc.mentions_at(at)
            .iter()
            .find(|m| {
                matches!(
                    m.kind,
                    EntityKind::Country | EntityKind::City | EntityKind::Region
                ) && m.via == Via::Adjective
                    && m.tokens.len() == 1
            })
            .map(|m| (m.tokens.clone(), m.entity))
    };
    let sentence_start = doc.sentence_tokens[doc.tokens[k].sentence as usize].start;
    let before = place_adjective(k).or_else(|| {
        (k > sentence_start && doc.tokens[k - 1].shape == Shape::Lower)
            .then(|| place_adjective(k - 1))
            .flatten()
    });
    // What follows: a place is the state («Коммунистической партии Китая»); an
    // organisation is part of the name («Детского фонда ООН»); a word that may go on
    // the name in a way this cannot follow makes it no name.
    let at_stop = if stop < end {
        doc.mentions_at(stop)
    } else {
        &[]
    };
    let after = at_stop
        .iter()
        .find(|m| {
            matches!(
                m.kind,
                EntityKind::Country | EntityKind::City | EntityKind::Region
            ) && m.via != Via::Adjective
        })
        .map(|m| (m.tokens.clone(), m.entity));
    let parent = at_stop
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| m.tokens.end)
        .max();
    if after.is_none() && parent.is_none() && goes_on(doc, stop, end, stop > head + 1) {
        return None;
    }
    // A capitalised noun alone says little («Партия решила»): it needs a genitive or a state.
    if head == k && stop == head + 1 && after.is_none() && parent.is_none() {
        return None;
    }
    let start = before.as_ref().map_or(k, |(r, _)| r.start.min(k));
    // «Главного управления МЧС по Татарстану»: a region's or city's branch.
    let tail = parent.unwrap_or(stop);
    let branch = (after.is_none() && tail + 1 < end && doc.fold_of(tail) == "по")
        .then(|| {
            doc.mentions_at(tail + 1)
                .iter()
                .find(|m| {
                    matches!(m.kind, EntityKind::City | EntityKind::Region)
                        && m.via != Via::Adjective
                })
                .map(|m| (tail..m.tokens.end, m.entity))
        })
        .flatten();
    Some(Found {
        name: start..parent.unwrap_or(stop),
        head,
        state: after.or(branch).or(before),
        known: None,
    })
}

impl NamedOrgFinder {
    /// Adds an ORGANIZATION mention for every capitalised organisation name that no earlier
    /// stage found.
    pub fn run(&self, doc: &mut Doc<'_>, morph: &Morph) {
        let mut added: Vec<MentionDraft> = Vec::new();
        // Most capitalised words are names an earlier stage found; only a place's adjective
        // may start a name here («Американской ассоциации юристов»). Per token: 0 no
        // mention, 1 only a place's adjective, 2 another mention.
        let mut covered = vec![0u8; doc.tokens.len()];
        for m in &doc.mentions {
            let adjective = m.via == Via::Adjective && m.tokens.len() == 1;
            for c in &mut covered[m.tokens.clone()] {
                *c = (*c).max(if adjective { 1 } else { 2 });
            }
        }
        let mut k = 0;
        while k < doc.tokens.len() {
            let t = &doc.tokens[k];
            if t.kind != TokenKind::Word
                || t.shape != Shape::Title
                || covered[k] == 2
                || !doc.name_case(k)
                || doc.starts_clause(k)
            {
                k += 1;
                continue;
            }
            let s = t.sentence as usize;
            let end = doc.sentence_tokens[s].end;
            let Some(found) = name_at(doc, k, end) else {
                k += 1;
                continue;
            };
            let span_end = found
                .state
                .as_ref()
                .map_or(found.name.end, |(r, _)| r.end.max(found.name.end));
            let span = found.name.start..span_end;
            if overlaps_other(doc, &span, found.head) || super::bodies::names_a_body(doc, k, end) {
                k += 1;
                continue;
            }
            let entity = match found.known {
                Some(entity) => entity,
                None => self.entity_of(doc, morph, &found),
            };
            added.push(MentionDraft::organisation(span.clone(), entity, s as u32));
            k = span.end;
        }
        if added.is_empty() {
            return;
        }
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }

    /// The document entity of a name found: `ng:org:<slug>`, with its state when the name
    /// does not hold it.
    fn entity_of(&self, doc: &mut Doc<'_>, morph: &Morph, found: &Found) -> u32 {
        let name = upper_first(&nominative(doc, morph, &found.name, found.head));
        // The state in brackets when it is not in the name already («Американская
        // ассоциация юристов» names it).
        let (id, full) = match &found.state {
            Some((r, state)) if r.start >= found.name.end => {
                let state_name = doc.entities[*state as usize].name.clone();
                (
                    format!("ng:org:{}-{}", slug(&name), slug(&state_name)),
                    format!("{name} ({state_name})"),
                )
            }
            _ => (format!("ng:org:{}", slug(&name)), name),
        };
        doc.intern_new(
            EntityId::new(&id),
            EntityKind::Organization,
            Arc::from(full.as_str()),
            None,
        )
    }
}
