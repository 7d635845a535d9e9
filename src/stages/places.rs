//! Settlements that are not in the gazetteers, found by the noun in front of them.
//!
//! The gazetteers hold every city over 100 000 people, but news also names towns and villages
//! («в городе Фигерас», «в деревне Понтридифен», «жительница Жироны»). Left alone, such an
//! unknown capitalised word is read as a surname by the person finder. A settlement noun or a
//! word for an inhabitant right before it says what it is; the name becomes a CITY (NEREL's type
//! for every settlement) with an id in newsgraph's namespace.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use crate::doc::{Doc, MentionDraft};
use crate::model::{EntityId, EntityKind, Via};
use crate::morph::{Case, CaseSet, NameType, Number, Pos};
use crate::slug::slug;
use crate::stages::persons::capitalize;
use crate::text::{Shape, TokenKind};

/// Finds settlements by their context. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct PlaceFinder;

/// True for the settlement nouns and the words for a settlement's people, in their common case
/// forms: a capitalised name after them is a settlement. (A `match` on the string compiles to
/// a length switch: this runs for every word.)
fn is_cue(fold: &str) -> bool {
    matches!(
        fold,
        "город"
            | "города"
            | "городе"
            | "городу"
            | "городом"
            | "городок"
            | "городка"
            | "городке"
            | "деревня"
            | "деревни"
            | "деревне"
            | "деревню"
            | "деревней"
            | "село"
            | "села"
            | "селе"
            | "селу"
            | "селом"
            | "поселок"
            | "поселка"
            | "поселке"
            | "поселку"
            | "местечко"
            | "местечка"
            | "местечке"
            | "станица"
            | "станицы"
            | "станице"
            | "аул"
            | "аула"
            | "ауле"
            | "кишлак"
            | "кишлака"
            | "кишлаке"
            | "житель"
            | "жителя"
            | "жителю"
            | "жителем"
            | "жители"
            | "жителей"
            | "жителям"
            | "жительница"
            | "жительницы"
            | "жительнице"
            | "уроженец"
            | "уроженца"
            | "уроженка"
            | "уроженки"
            | "мэрия"
            | "мэрии"
    )
}

/// The cues in the locative, after which even a one-word surname from the gazetteers is the
/// place («в городе Фергюсон», «в деревне Вишнево»); other cases let a person follow
/// («родным городом Каддафи»).
const LOCATIVE_CUES: &[&str] = &[
    "городе",
    "городке",
    "деревне",
    "селе",
    "поселке",
    "местечке",
    "станице",
    "ауле",
    "кишлаке",
];

/// Administrative nouns after a district's adjective («Воложинского района»): the adjective
/// belongs to them, not to the settlement before it.
const DISTRICT_NOUNS: &[&str] = &[
    "района",
    "районе",
    "области",
    "округа",
    "уезда",
    "губернии",
    "края",
    "провинции",
    "повета",
    "волости",
    "штата",
];

/// Nouns for a first-level region: a capitalised name after them the gazetteers do not know is
/// that region («в провинции Кандагар», «штата Миссури» when not listed, «префектуры Айти»).
pub(crate) fn is_region_cue(fold: &str) -> bool {
    matches!(
        fold,
        "провинция"
            | "провинции"
            | "провинцию"
            | "провинцией"
            | "штат"
            | "штата"
            | "штате"
            | "штату"
            | "штатом"
            | "префектура"
            | "префектуры"
            | "префектуре"
            | "префектуру"
            | "графство"
            | "графства"
            | "графстве"
    )
}

impl PlaceFinder {
    /// Adds CITY mentions for settlement names the gazetteers did not know, and REGION
    /// mentions for names after a word for a region.
    pub fn run(&self, doc: &mut Doc<'_>) {
        // «на проспекте Кирова», «улица Пушкина»: a street in the genitive of a surname is
        // named after the person, whatever town bears the name too («на главной площади
        // Минска» is the city's square: no surname).
        let streets: Vec<usize> = doc
            .mentions
            .iter()
            .filter(|m| {
                m.kind == EntityKind::City
                    && m.tokens.len() == 1
                    && street_named_after_surname(doc, m.tokens.start)
            })
            .map(|m| m.tokens.start)
            .collect();
        if !streets.is_empty() {
            doc.mentions.retain(|m| {
                !(m.kind == EntityKind::City
                    && m.tokens.len() == 1
                    && streets.contains(&m.tokens.start))
            });
        }
        let mut added = Vec::new();
        let mut replaced = Vec::new();
        for s in 0..doc.sentence_tokens.len() {
            let range = doc.sentence_tokens[s].clone();
            for i in range.start + 1..range.end {
                // A place's name starts with a capitalised word (see `named` below): most
                // tokens are not one, and need no look at their cues.
                if doc.tokens[i].kind != TokenKind::Word || doc.tokens[i].shape != Shape::Title {
                    continue;
                }
                // «на площади Тяньаньмэнь», «на площади Тахрир»: a square's or street's own
                // name, no person (the contract has no kind for it).
                // (A person's name there is in the genitive, «площадь Ленина», «проспект
                // Вернадского», «улица Монсиньи», and ends in a vowel; NEREL marks it. A name
                // ending in a consonant or «ь» is the site's own: «Тяньаньмэнь», «Тахрир».)
                if doc.tokens[i - 1].kind == TokenKind::Word
                    && SITE_NOUNS.contains(doc.fold_of(i - 1))
                    && doc.mentions_at(i).is_empty()
                    && !person_after_site_noun(doc, i)
                {
                    doc.not_names.push(i);
                    continue;
                }
                let region =
                    doc.tokens[i - 1].kind == TokenKind::Word && is_region_cue(doc.fold_of(i - 1));
                if !region && !cue_before(doc, i) && !container_follows(doc, i, range.end) {
                    continue;
                }
                // Only a one-word surname may be in the way: «в городе Фергюсон» is no person.
                let at = doc.mentions_at(i);
                let mut blocker = None;
                if let Some(m) = at.first() {
                    if m.kind != EntityKind::Person
                        || m.tokens.len() != 1
                        || at.len() > 1
                        || !LOCATIVE_CUES.contains(&doc.fold_of(i - 1))
                    {
                        continue;
                    }
                    blocker = Some(i);
                }
                if doc.mentions_ending_at(i + 1, 8).any(|m| m.tokens.start < i) {
                    continue;
                }
                // «жителя Андрея Кандыбы», «житель Сомов»: a person, not a place, follows. After
                // a settlement noun («в городе Фергюсон») a surname reading does not count.
                // After a settlement noun a capitalised common noun is a name too («посёлка
                // Топольки», «села Победа»).
                let named = name_word(doc, i)
                    || (is_settlement_noun(doc.fold_of(i - 1))
                        && doc.tokens[i].kind == TokenKind::Word
                        && doc.tokens[i].shape == Shape::Title
                        && !known_function_or_verb(doc, i));
                if !named
                    || person_starts(doc, i)
                    || (!region
                        && !is_settlement_noun(doc.fold_of(i - 1))
                        && surname_reading(doc, i))
                {
                    continue;
                }
                // «Пуэрто Мадрин», «Сисайд Парк»: up to two more capitalised words that are
                // not names of something else.
                let mut end = i + 1;
                while blocker.is_none()
                    && end < range.end
                    && end < i + 3
                    && name_word(doc, end)
                    && doc.mentions_at(end).is_empty()
                    && !person_part(doc, end)
                    && !(end + 1 < range.end && DISTRICT_NOUNS.contains(&doc.fold_of(end + 1)))
                {
                    end += 1;
                }
                // «жители Центрального района»: the capitalised word names the district.
                if end < range.end && DISTRICT_NOUNS.contains(&doc.fold_of(end)) {
                    continue;
                }
                let name = if end == i + 1 {
                    nominative(doc, i)
                } else {
                    let b = doc.byte_span(&(i..end));
                    doc.norm.norm[b].to_string()
                };
                let (prefix, kind) = if region {
                    ("ng:region", EntityKind::Region)
                } else {
                    ("ng:city", EntityKind::City)
                };
                let name = crate::text::restore_yo(&name, doc.original_of(&(i..end)));
                // A place the gazetteer knows by that name, held back as a common word («в
                // Орле»: «?Орёл»), keeps the gazetteer's id, the one its other mentions get.
                let gaz = doc.gazetteer;
                let known = gaz
                    .names()
                    .get(&crate::text::fold_key(&name))
                    .and_then(|ps| ps.iter().find(|p| gaz.entity(p.entity).kind == kind))
                    .map(|p| p.entity);
                let entity = match known {
                    Some(g) => doc.intern_gazetteer(g),
                    None => {
                        let id = EntityId::new(&format!("{prefix}:{}", slug(&name)));
                        doc.intern_new(id, kind, Arc::from(name.as_ref()), None)
                    }
                };
                if let Some(b) = blocker {
                    replaced.push(b);
                }
                added.push(MentionDraft {
                    tokens: i..end,
                    entity,
                    kind,
                    via: Via::Context,
                    cases: CaseSet::ANY,
                    sentence: s as u32,
                    surname_only: false,
                });
            }
        }
        if added.is_empty() {
            return;
        }
        self.repeat_mentions(doc, &mut added, &mut replaced);
        replaced.sort_unstable();
        doc.mentions.retain(|m| {
            !(m.kind == EntityKind::Person && replaced.binary_search(&m.tokens.start).is_ok())
        });
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }
}

impl PlaceFinder {
    /// «в городе Фергюсон … полицейские в Фергюсоне … по соседству с Фергюсоном»: once the
    /// context has shown a one-word name to be a settlement, its other forms in the article
    /// are the settlement too, even where a surname in the gazetteers or the person finder
    /// would read them. Not when the article also names a person with that surname in full.
    fn repeat_mentions(
        &self,
        doc: &Doc<'_>,
        added: &mut Vec<MentionDraft>,
        replaced: &mut Vec<usize>,
    ) {
        let fold = crate::text::fold_key;
        // One key per settlement. Not from a settlement noun in another case than the locative
        // («родным городом Каддафи» may still be a person's), and not from a common noun taken
        // as a name only because of the settlement noun («в селе Победа»: «Победа» elsewhere is
        // the word).
        // Key → its number, and per number the first mention with it. A map: a long text may
        // name hundreds of settlements, and every capitalised word asks below.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<MentionDraft> = Vec::new();
        for m in added.iter() {
            let prev = doc.fold_of(m.tokens.start - 1);
            let weak_cue = is_settlement_noun(prev) && !LOCATIVE_CUES.contains(&prev);
            if m.kind != EntityKind::City
                || m.tokens.len() != 1
                || weak_cue
                || !name_word(doc, m.tokens.start)
            {
                continue;
            }
            let key = fold(&doc.entities[m.entity as usize].name);
            if let Entry::Vacant(slot) = index.entry(key) {
                slot.insert(keys.len());
                keys.push(m.clone());
            }
        }
        if keys.is_empty() {
            return;
        }
        // The key a token is a form of, if any (its text, else a lemma).
        let key_of = |i: usize| -> Option<usize> {
            let text = doc.fold_of(i);
            index.get(text).copied().or_else(|| {
                let w = doc.word(i)?;
                w.parses.iter().find_map(|p| {
                    index
                        .get(crate::text::fold_key_cow(&p.lemma).as_ref())
                        .copied()
                })
            })
        };
        // Keys that a person named in full carries: the article has someone of that surname.
        let mut person_keys = vec![false; keys.len()];
        for m in doc.mentions.iter() {
            if m.kind == EntityKind::Person && m.tokens.len() > 1 {
                for k in m.tokens.clone() {
                    if let Some(key) = key_of(k) {
                        person_keys[key] = true;
                    }
                }
            }
        }
        // Tokens inside a longer mention, and tokens the context already made a settlement.
        let mut inside = vec![false; doc.tokens.len()];
        for m in doc.mentions.iter().filter(|m| m.tokens.len() > 1) {
            inside[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        for m in added.iter() {
            inside[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let mut found = Vec::new();
        for (i, (t, &taken)) in doc.tokens.iter().zip(&inside).enumerate() {
            if taken
                || t.kind != TokenKind::Word
                || t.shape != Shape::Title
                || (i > 0 && doc.tokens[i - 1].shape == Shape::Title && person_part(doc, i - 1))
            {
                continue;
            }
            let Some(key) = key_of(i).filter(|&k| !person_keys[k]) else {
                continue;
            };
            let at = doc.mentions_at(i);
            let lone_surname =
                at.len() == 1 && at[0].kind == EntityKind::Person && at[0].tokens.len() == 1;
            if !(at.is_empty() || lone_surname) {
                continue;
            }
            if lone_surname {
                replaced.push(i);
            }
            found.push(MentionDraft {
                tokens: i..i + 1,
                sentence: t.sentence,
                ..keys[key].clone()
            });
        }
        added.extend(found);
    }
}

/// True when a settlement cue stands right before token `i` («городе», or «г.»).
fn cue_before(doc: &Doc<'_>, i: usize) -> bool {
    let prev = i - 1;
    if doc.tokens[prev].kind == TokenKind::Word {
        return is_cue(doc.fold_of(prev));
    }
    // «г. Андауйаласа», «г.Андауйаласа»; not «в 2014 г. Сомов», where «г.» is «год».
    doc.is_punct(prev, ".")
        && prev >= 1
        && doc.tokens[prev - 1].kind == TokenKind::Word
        && doc.text_of(prev - 1) == "г"
        && doc.tokens[prev - 1].sentence == doc.tokens[i].sentence
        && !(prev >= 2 && doc.tokens[prev - 2].kind == TokenKind::Number)
}

/// Nouns for a site named after them that is no settlement: a square, a street.
static SITE_NOUNS: crate::text::WordList = crate::text::WordList::new(&[
    "площадь",
    "площади",
    "площадью",
    "улица",
    "улицы",
    "улице",
    "улицу",
    "улицей",
    "проспект",
    "проспекта",
    "проспекте",
    "бульвар",
    "бульвара",
    "бульваре",
    "набережная",
    "набережной",
]);

/// Whether the capitalised word `i` after a site noun may be a person's name: a genitive the
/// street is named after ends in a vowel or in «-ой», «-ей», «-ий», «-ых», «-их» («улица
/// Монсиньи», «на улице Ахматовой»), and a name the dictionary knows («На набережной Иван
/// Петров …») is one; a word ending otherwise is the site's own name («Тяньаньмэнь»).
fn person_after_site_noun(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.fold_of(i);
    w.ends_with(['а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'э'])
        || ["ой", "ей", "ий", "ых", "их"]
            .iter()
            .any(|e| w.ends_with(e))
        || doc
            .word(i)
            .is_some_and(|info| info.parses.iter().any(|p| !p.guessed && p.name.is_some()))
}

/// Whether the word `i` is a surname in the genitive the dictionary knows, right after a
/// site noun: the street or square is named after a person.
fn street_named_after_surname(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
        && SITE_NOUNS.contains(doc.fold_of(i - 1))
        && doc.word(i).is_some_and(|w| {
            w.parses.iter().any(|p| {
                !p.guessed && p.name == Some(NameType::Surname) && p.case == Some(Case::Gen)
            })
        })
}

/// «в Биране, Куба», «в Лукасвилле, Огайо», «в Нантакете (штат Массачусетс)»: an unknown
/// capitalised name after a place preposition, followed by a known country or region after a
/// comma or bracket, is a settlement in it.
fn container_follows(doc: &Doc<'_>, i: usize, sentence_end: usize) -> bool {
    if doc.tokens[i - 1].kind != TokenKind::Word
        || !matches!(doc.fold_of(i - 1), "в" | "во" | "из" | "под")
    {
        return false;
    }
    let mut j = i;
    while j < sentence_end && j < i + 3 && name_word(doc, j) && doc.mentions_at(j).is_empty() {
        j += 1;
    }
    if j == i || !(doc.is_punct(j, ",") || doc.is_punct(j, "(")) {
        return false;
    }
    let mut k = j + 1;
    if k < sentence_end && matches!(doc.fold_of(k), "штат" | "провинция" | "округ")
    {
        k += 1;
    }
    // The container stands in apposition, in the nominative: in «в Европу, Америку, Японию»
    // the names after the comma are more places of the list.
    k < sentence_end
        && doc.mentions_at(k).iter().any(|m| {
            matches!(m.kind, EntityKind::Country | EntityKind::Region)
                && m.via != Via::Adjective
                && m.cases.contains(crate::morph::Case::Nom)
        })
}

/// A function word or verb the dictionary knows: the guesser reads many unknown names in -ы as
/// verb forms («Тарвисаны» as a short participle).
fn known_function_or_verb(doc: &Doc<'_>, i: usize) -> bool {
    doc.lower(i)
        .is_some_and(|w| w.function_or_verb() && w.parses.iter().any(|p| !p.guessed))
}

/// A capitalised word that can be part of a place name: not a function word or verb, and not
/// a common noun without a place-name reading («жители Земли»).
fn name_word(doc: &Doc<'_>, i: usize) -> bool {
    use crate::morph::NameType;
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word || t.shape != Shape::Title {
        return false;
    }
    if known_function_or_verb(doc, i) {
        return false;
    }
    // «жители Земли», «на Луне»: heavenly bodies are no settlements.
    const BODIES: &[&str] = &[
        "земля",
        "луна",
        "солнце",
        "марс",
        "венера",
        "юпитер",
        "сатурн",
    ];
    if doc
        .lower(i)
        .is_some_and(|w| w.parses.iter().any(|p| BODIES.contains(&&*p.lemma)))
    {
        return false;
    }
    let geo = doc
        .word(i)
        .map_or(0.0, |w| w.prob(|p| p.name == Some(NameType::Geo)));
    let common = doc
        .lower(i)
        .map_or(0.0, |w| w.prob(|p| p.pos == Pos::Noun && !p.guessed));
    geo > 0.0 || common < 0.5
}

/// The settlement nouns among the cues (not the words for inhabitants or the mayor's office).
fn is_settlement_noun(fold: &str) -> bool {
    [
        "город",
        "деревн",
        "село",
        "сел",
        "поселк",
        "местечк",
        "станиц",
        "аул",
        "кишлак",
    ]
    .iter()
    .any(|stem| fold.starts_with(stem))
        && !fold.starts_with("селян")
}

/// True when the dictionary reads the word as a surname with some weight («Сомов»).
fn surname_reading(doc: &Doc<'_>, i: usize) -> bool {
    use crate::morph::NameType;
    doc.word(i)
        .is_some_and(|w| w.prob(|p| p.name == Some(NameType::Surname) && !p.guessed) >= 0.2)
}

/// True for a word that is more likely a person's given name or patronymic: it starts the
/// person who follows the place («житель Санта-Фе Димитриос Пагуртзис»).
fn person_part(doc: &Doc<'_>, i: usize) -> bool {
    use crate::morph::NameType;
    doc.word(i).is_some_and(|w| {
        w.prob(|p| matches!(p.name, Some(NameType::Given | NameType::Patronymic))) >= 0.3
    })
}

/// True when a person's name starts at token `i`: a given name or patronymic the dictionary
/// knows («жителя Андрея Кандыбы»), or a guessed one with another capitalised word after it.
/// A guessed given-name reading alone says little: the morphology guesses one for most unknown
/// words in -а or -ы («из города Фоксаны»).
fn person_starts(doc: &Doc<'_>, i: usize) -> bool {
    use crate::morph::NameType;
    let known = doc.word(i).is_some_and(|w| {
        w.prob(|p| matches!(p.name, Some(NameType::Given | NameType::Patronymic)) && !p.guessed)
            >= 0.3
    });
    known
        || (person_part(doc, i)
            && doc.tokens.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.shape == Shape::Title
                    && t.sentence == doc.tokens[i].sentence
            }))
}

/// The nominative of a one-word name (a settlement, an organisation): the dictionary's place-name or noun reading
/// when it has one («Жуковского» → «Жуковский», «Жироны» → «Жирона»), else the word as written
/// (names after «город» are often left undeclined: «в городе Фигерас»).
pub(crate) fn nominative(doc: &Doc<'_>, i: usize) -> String {
    let written = doc.text_of(i);
    let Some(w) = doc.word(i) else {
        return written.to_string();
    };
    let known = w
        .parses
        .iter()
        .filter(|p| !p.guessed && matches!(p.pos, Pos::Propn | Pos::Noun | Pos::Adj))
        .max_by(|a, b| a.prob.total_cmp(&b.prob));
    match known {
        // «посёлка Топольки», «деревня Горки»: a plural common noun names the place as
        // written (the lemma would be «Тополёк»).
        Some(p)
            if p.pos == Pos::Noun
                && w.parses.iter().any(|q| {
                    !q.guessed
                        && q.pos == Pos::Noun
                        && q.case == Some(Case::Nom)
                        && q.number == Some(Number::Plur)
                }) =>
        {
            written.to_string()
        }
        Some(p) => capitalize(&p.lemma),
        None => {
            // The guesser's lemma of an unknown word is often wrong for foreign names; only
            // the regular feminine endings are undone («Жироны» → «Жирона»).
            let lower = written.to_lowercase();
            for (ending, nom) in [("ы", "а"), ("е", "а"), ("у", "а"), ("ой", "а")] {
                if let Some(stem) = lower.strip_suffix(ending)
                    && stem.chars().count() >= 3
                    && w.parses.iter().any(|p| p.lemma.ends_with(nom) && p.guessed)
                {
                    return capitalize(&format!("{stem}{nom}"));
                }
            }
            written.to_string()
        }
    }
}
