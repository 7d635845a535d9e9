//! Organisations that are not in the gazetteers, named in quotes after a word that says what
//! they are.
//!
//! Russian writes a company, party, newspaper or band with a generic noun and its name in
//! quotes, the name in the nominative whatever the noun's case: «партии «Новые люди»»,
//! «компании «Металлоинвест»», «группы «Кино»». After a word for someone's role in it the
//! name declines instead: «нападающий «Зенита»», «представитель «Башинформа»». Either way the
//! word before the quotes says what the name is, where the gazetteers cannot: the name
//! becomes an ORGANIZATION with an id in newsgraph's namespace (`ng:org:<slug>`), and so do
//! its other quoted forms in the article («"Металлоинвест" заявил»).
//!
//! On NEREL v1.1 train the quoted name after each listed word is annotated as an
//! ORGANIZATION in nearly every case (the nouns with many other readings, «театр», «центр»,
//! «блок», «сайт», «фильм», «премия», are left out).

use std::sync::Arc;

use crate::doc::{Doc, MentionDraft};
use crate::model::{EntityId, EntityKind};
use crate::morph::Pos;
use crate::slug::slug;
use crate::text::{Shape, TokenKind};

/// Whether `form` (folded) is `name` (a folded one-word name) with a case ending in place of
/// its own: «вкусвилла» of «вкусвилл», «открытия» of «открытие». Used only inside quotes,
/// where a capitalised word is a name.
fn declined_form(name: &str, form: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "а", "я", "у", "ю", "ом", "ем", "ём", "е", "и", "ы", "ой", "ей", "ою", "ею",
    ];
    if name.contains(' ') || form == name || name.chars().count() < 4 {
        return false;
    }
    // One final vowel, «й» or «ь» gives way to the ending («открыти-е», not «открыт-ие»).
    let stem = name
        .strip_suffix(['а', 'я', 'е', 'о', 'и', 'ы', 'й', 'ь'])
        .unwrap_or(name);
    form.strip_prefix(stem)
        .is_some_and(|ending| ENDINGS.contains(&ending))
}

/// Finds organisations by the word before their quoted name. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct OrgFinder;

/// Generic nouns for an organisation (lemmas): the quoted name after them is in the
/// nominative, as written.
const GENERIC: &[&str] = &[
    "партия",
    "группа",
    "клуб",
    "движение",
    "компания",
    "авиакомпания",
    "телекомпания",
    "банк",
    "газета",
    "агентство",
    "информагентство",
    "телеканал",
    "радиостанция",
    "организация",
    "журнал",
    "фонд",
    "фирма",
    "завод",
    "холдинг",
    "концерн",
    "корпорация",
    "лейбл",
    "издательство",
    "фракция",
    "объединение",
    "ассоциация",
    "коалиция",
    "оркестр",
    "студия",
];

/// Legal forms, written in capitals before the quoted name: «ЗАО «Металлоинвест»».
const LEGAL_FORMS: &[&str] = &[
    "зао", "ооо", "оао", "пао", "ао", "нко", "фгуп", "гуп", "муп",
];

/// Words for a person's role in an organisation (lemmas): the quoted name after them is
/// declined («тренер «Спартака»»), so only a one-word name is taken, in its nominative.
const ROLE: &[&str] = &[
    "нападающий",
    "защитник",
    "полузащитник",
    "вратарь",
    "форвард",
    "тренер",
    "наставник",
    "игрок",
    "хоккеист",
    "менеджер",
    "представитель",
    "акционер",
    "владелец",
    "основатель",
    "гендиректор",
];

/// Most tokens inside the quotes of one name.
const MAX_NAME_TOKENS: usize = 8;

/// What the word before an opening quote makes of the name in the quotes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cue {
    /// A generic noun or a legal form: the name as written.
    Generic,
    /// A word for a role in the organisation: a one-word name, declined.
    Role,
}

fn cue_at(doc: &Doc<'_>, k: usize) -> Option<Cue> {
    if doc.tokens[k].kind != TokenKind::Word {
        return None;
    }
    if doc.tokens[k].shape == Shape::Upper && LEGAL_FORMS.contains(&doc.fold_of(k)) {
        return Some(Cue::Generic);
    }
    let w = doc.lower(k)?;
    let noun = |list: &[&str]| {
        w.parses
            .iter()
            .any(|p| matches!(p.pos, Pos::Noun | Pos::Adj) && list.contains(&&*p.lemma))
    };
    if noun(GENERIC) {
        Some(Cue::Generic)
    } else if noun(ROLE) {
        Some(Cue::Role)
    } else {
        None
    }
}

/// The closing quote of the quotes opened at `open`, within the sentence ending before `end`.
fn closing_quote(doc: &Doc<'_>, open: usize, end: usize) -> Option<usize> {
    (open + 1..end.min(open + 2 + MAX_NAME_TOKENS)).find(|&j| doc.is_punct(j, "\""))
}

/// True when the quoted tokens can be a name: they start with a capital letter or a digit
/// and hold a word.
fn name_like(doc: &Doc<'_>, name: &std::ops::Range<usize>) -> bool {
    let first = &doc.tokens[name.start];
    let starts = match first.kind {
        TokenKind::Word => matches!(first.shape, Shape::Title | Shape::Upper),
        TokenKind::Number => true,
        _ => false,
    };
    starts && name.clone().any(|k| doc.tokens[k].kind == TokenKind::Word)
}

impl OrgFinder {
    /// Adds ORGANIZATION mentions for quoted names after a word for an organisation, and for
    /// the same names quoted elsewhere in the article; a mention of another kind spanning the
    /// whole name gives way («банк «Россия»» is no country).
    pub fn run(&self, doc: &mut Doc<'_>) {
        // Quoted spans by sentence: (open, close) token indices.
        let mut quoted: Vec<(usize, usize)> = Vec::new();
        for range in doc.sentence_tokens.iter() {
            let mut k = range.start;
            while k < range.end {
                if doc.is_punct(k, "\"")
                    && let Some(close) = closing_quote(doc, k, range.end)
                {
                    quoted.push((k, close));
                    k = close + 1;
                } else {
                    k += 1;
                }
            }
        }
        if quoted.is_empty() {
            return;
        }
        let mut names: Vec<(String, String)> = Vec::new();
        let mut found: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for &(open, close) in &quoted {
            let name = open + 1..close;
            if open == 0 || !name_like(doc, &name) {
                continue;
            }
            let Some(cue) = cue_at(doc, open - 1) else {
                continue;
            };
            let text = match cue {
                Cue::Generic => doc.norm.norm[doc.byte_span(&name)].to_string(),
                Cue::Role if name.len() == 1 && doc.tokens[name.start].shape == Shape::Title => {
                    super::places::nominative(doc, name.start)
                }
                Cue::Role => continue,
            };
            let text = crate::text::restore_yo(&text, doc.original_of(&name)).into_owned();
            let key = doc.norm.fold[doc.byte_span(&name)].to_string();
            names.push((key, text.clone()));
            found.push((name, text));
        }
        if found.is_empty() {
            return;
        }
        // The same name quoted elsewhere in the article, as written there.
        for &(open, close) in &quoted {
            let name = open + 1..close;
            if found.iter().any(|(r, _)| *r == name) || !name_like(doc, &name) {
                continue;
            }
            let key = doc.norm.fold[doc.byte_span(&name)].to_string();
            if let Some((_, text)) = names.iter().find(|(k, _)| *k == key) {
                found.push((name, text.clone()));
                continue;
            }
            // «Корпорация «Иркут» … Акции «Иркута»»: a one-word name in another case.
            if name.len() == 1 && doc.tokens[name.start].shape == Shape::Title {
                let nominative = crate::text::fold_key(&super::places::nominative(doc, name.start));
                if let Some((_, text)) = names
                    .iter()
                    .find(|(k, t)| crate::text::fold_key(t) == nominative || declined_form(k, &key))
                {
                    found.push((name, text.clone()));
                }
            }
        }
        let mut added = Vec::new();
        let mut dropped: Vec<(usize, usize)> = Vec::new();
        for (name, text) in found {
            let inside =
                |m: &MentionDraft| name.start <= m.tokens.start && m.tokens.end <= name.end;
            // The mentions that overlap the name, not every mention of a long article for
            // every name.
            let near: Vec<&MentionDraft> = doc.mentions_overlapping(&name).collect();
            // A gazetteer organisation already named by the whole quoted text stays as it is.
            if near
                .iter()
                .any(|m| m.tokens == name && m.kind == EntityKind::Organization)
            {
                continue;
            }
            // A name overlapping a mention that reaches out of the quotes is left alone.
            if near.iter().any(|m| name.start < m.tokens.end && !inside(m)) {
                continue;
            }
            let id = EntityId::new(&format!("ng:org:{}", slug(&text)));
            let entity =
                doc.intern_new(id, EntityKind::Organization, Arc::from(text.as_str()), None);
            let sentence = doc.tokens[name.start].sentence;
            dropped.push((name.start, name.end));
            added.push(MentionDraft::organisation(name, entity, sentence));
        }
        if added.is_empty() {
            return;
        }
        // A mention of the whole name gives way; one nested in it stays, as in a gazetteer
        // name («партии «Справедливая Россия»» also names the country).
        dropped.sort_unstable();
        doc.mentions.retain(|m| {
            dropped
                .binary_search(&(m.tokens.start, m.tokens.end))
                .is_err()
        });
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }
}
