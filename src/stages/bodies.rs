//! Bodies of a state named by a common noun: «правительство Японии», «японское правительство»,
//! «МВД России», «полиция Нью-Йорка», and later in the article «правительство» alone.
//!
//! News names a government, a parliament, the police or a ministry by a word any state's body
//! shares; the state comes from the phrase (a country, city or region in the genitive after
//! the word, or a country adjective before it) or, for the bare word, from the article: the
//! same body named with its state before, else the nearest country named before it in the
//! paragraph, else the last one named before it in the article. The body becomes an
//! ORGANIZATION (`via: context`) whose id joins the word and the state
//! (`ng:org:pravitelstvo-yaponiya`, «Правительство (Япония)»), so one state's government is
//! one node of the graph whatever the article calls it. A body the gazetteers name («МИД
//! Китая», «Правительство Российской Федерации») is theirs; this stage leaves it alone. An
//! army, armed forces and an embassy are bodies too («армии США», «российские вооружённые
//! силы»); an embassy with the place it is in is one of its own («посольство России в
//! США», `ng:org:posolstvo-rossiya-v-ssha`).
//!
//! NEREL v1.1 annotates such words as ORGANIZATION, the bare ones too («правительство»,
//! «полиции», «МВД» are the most frequent organisation spans that no earlier stage found in
//! its train split).

use std::collections::HashMap;
use std::sync::Arc;

use crate::doc::{Doc, MentionDraft};
use crate::gazetteer::Gazetteer;
use crate::model::{EntityId, EntityKind, Via};
use crate::morph::{Case, Memo, Number, Pos, VerbForm};
use crate::slug::slug;
use crate::text::TokenKind;

/// Finds bodies of a state by their common noun.
#[derive(Debug, Default, Clone)]
pub struct BodyFinder {
    /// (short name, country) → the gazetteer's organisation for that state's body.
    known: HashMap<(&'static str, u32), u32>,
    /// Gazetteer organisations of a state's body whose row names no country, with the
    /// country their name ends on («Вооружённые силы Российской Федерации» → Russia).
    countries: HashMap<u32, u32>,
}

/// One kind of body: the lemmas of its words, in order, and its short name.
struct Body {
    words: &'static [&'static str],
    name: &'static str,
}

/// Bodies named only with their state in the phrase: «сборная» alone is any team.
const NEEDS_STATE: &[&str] = &["Сборная"];

/// Bodies whose state is not guessed from the places before them: a bare «Совет
/// безопасности» is as often the UN's as a state's, so it is a state's only when the phrase
/// names the state or the article named that body before.
///
/// An army, armed forces or an embassy named bare is any state's as often: «армия» is also
/// the word for any army, «посольство» names the host country as often as its own.
const NO_STATE_GUESS: &[&str] = &[
    "Совет безопасности",
    "Армия",
    "Вооружённые силы",
    "Посольство",
    "Мэрия",
    "Администрация",
];

/// Bodies that are Russia's when nothing else gives their state (the phrase, the same body
/// named before, a place in the paragraph or before): the Russian press leaves its own
/// ministries' state unsaid («Минфин и ЦБ обсудили …», «источник в МИДе»). Not a government,
/// parliament or police, which a report from anywhere names bare as often.
const RUSSIAN_WHEN_BARE: &[&str] = &[
    "МВД",
    "МИД",
    "Минобороны",
    "Минюст",
    "Минфин",
    "Минздрав",
    "Следственный комитет",
    "Центробанк",
    "Генпрокуратура",
    "Генштаб",
    "Правительство",
];

/// The start of a gazetteer organisation's name (folded) that makes it a state's body of the
/// kind named (the short name of a [`Body`]): «Министерство внутренних дел Российской
/// Федерации» is Russia's МВД when the gazetteer gives it the country.
const GAZETTEER_FORMS: &[(&str, &str)] = &[
    ("министерство внутренних дел ", "МВД"),
    ("мвд ", "МВД"),
    ("министерство иностранных дел ", "МИД"),
    ("мид ", "МИД"),
    ("министерство обороны ", "Минобороны"),
    ("минобороны ", "Минобороны"),
    ("министерство юстиции ", "Минюст"),
    ("министерство финансов ", "Минфин"),
    ("министерство здравоохранения ", "Минздрав"),
    ("следственный комитет ", "Следственный комитет"),
    ("центральный банк ", "Центробанк"),
    ("прокуратура ", "Прокуратура"),
    ("прокуратура ", "Генпрокуратура"),
    ("верховный суд ", "Верховный суд"),
    ("конституционный суд ", "Конституционный суд"),
    ("кабинет министров ", "Кабинет министров"),
    ("правительство ", "Правительство"),
    ("федеральное правительство ", "Правительство"),
    ("парламент ", "Парламент"),
    ("полиция ", "Полиция"),
    ("национальная полиция ", "Полиция"),
    ("генеральная прокуратура ", "Генпрокуратура"),
    ("генпрокуратура ", "Генпрокуратура"),
    ("сенат ", "Сенат"),
    ("генеральный штаб ", "Генштаб"),
    ("администрация президента ", "Администрация президента"),
    ("палата представителей ", "Палата представителей"),
    ("государственный совет ", "Госсовет"),
    ("совет безопасности ", "Совет безопасности"),
    ("вооруженные силы ", "Вооружённые силы"),
    ("армия ", "Армия"),
    ("посольство ", "Посольство"),
];

/// The bodies, longer phrases first (a phrase is tried before any shorter one at a word); each
/// name's first word is in [`FIRST_WORDS`].
const BODIES: &[Body] = &[
    Body {
        words: &["министерство", "внутренний", "дело"],
        name: "МВД",
    },
    Body {
        words: &["министерство", "иностранный", "дело"],
        name: "МИД",
    },
    Body {
        words: &["министерство", "оборона"],
        name: "Минобороны",
    },
    Body {
        words: &["министерство", "юстиция"],
        name: "Минюст",
    },
    Body {
        words: &["верховный", "суд"],
        name: "Верховный суд",
    },
    Body {
        words: &["совет", "безопасность"],
        name: "Совет безопасности",
    },
    Body {
        words: &["конституционный", "суд"],
        name: "Конституционный суд",
    },
    Body {
        words: &["кабинет", "министр"],
        name: "Кабинет министров",
    },
    Body {
        words: &["министерство", "финансы"],
        name: "Минфин",
    },
    Body {
        words: &["министерство", "здравоохранение"],
        name: "Минздрав",
    },
    Body {
        words: &["следственный", "комитет"],
        name: "Следственный комитет",
    },
    Body {
        words: &["центральный", "банк"],
        name: "Центробанк",
    },
    Body {
        words: &["администрация", "президент"],
        name: "Администрация президента",
    },
    Body {
        words: &["палата", "представитель"],
        name: "Палата представителей",
    },
    Body {
        words: &["государственный", "совет"],
        name: "Госсовет",
    },
    Body {
        words: &["вооружённый", "сила"],
        name: "Вооружённые силы",
    },
    Body {
        words: &["правительство"],
        name: "Правительство",
    },
    Body {
        words: &["армия"],
        name: "Армия",
    },
    Body {
        words: &["мэрия"],
        name: "Мэрия",
    },
    Body {
        words: &["администрация"],
        name: "Администрация",
    },
    Body {
        words: &["посольство"],
        name: "Посольство",
    },
    Body {
        words: &["парламент"],
        name: "Парламент",
    },
    Body {
        words: &["полиция"],
        name: "Полиция",
    },
    Body {
        words: &["прокуратура"],
        name: "Прокуратура",
    },
    Body {
        words: &["генпрокуратура"],
        name: "Генпрокуратура",
    },
    Body {
        words: &["сенат"],
        name: "Сенат",
    },
    Body {
        words: &["генштаб"],
        name: "Генштаб",
    },
    Body {
        words: &["мвд"],
        name: "МВД",
    },
    Body {
        words: &["мид"],
        name: "МИД",
    },
    Body {
        words: &["минобороны"],
        name: "Минобороны",
    },
    Body {
        words: &["минюст"],
        name: "Минюст",
    },
    Body {
        words: &["минфин"],
        name: "Минфин",
    },
    Body {
        words: &["минздрав"],
        name: "Минздрав",
    },
    Body {
        words: &["ск"],
        name: "Следственный комитет",
    },
    Body {
        words: &["центробанк"],
        name: "Центробанк",
    },
    Body {
        words: &["цб"],
        name: "Центробанк",
    },
    Body {
        words: &["совбез"],
        name: "Совет безопасности",
    },
    Body {
        words: &["госсовет"],
        name: "Госсовет",
    },
    Body {
        words: &["сборная"],
        name: "Сборная",
    },
];

/// Whether token `k` is a form of `lemma`: a noun or adjective reading, or the word itself
/// (abbreviations such as «МВД» the dictionary may not read as one).
fn is_form_of(doc: &Doc<'_>, k: usize, lemma: &str) -> bool {
    doc.tokens[k].kind == TokenKind::Word
        && (doc.fold_of(k) == lemma
            || doc.lower(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    &*p.lemma == lemma && matches!(p.pos, Pos::Noun | Pos::Adj | Pos::Propn)
                })
            }))
}

/// The first words of the bodies' names, each once.
const FIRST_WORDS: &[&str] = &[
    "министерство",
    "верховный",
    "конституционный",
    "кабинет",
    "правительство",
    "парламент",
    "полиция",
    "прокуратура",
    "генпрокуратура",
    "сенат",
    "генштаб",
    "мвд",
    "мид",
    "минобороны",
    "минюст",
    "минфин",
    "минздрав",
    "следственный",
    "ск",
    "центральный",
    "центробанк",
    "цб",
    "администрация",
    "палата",
    "государственный",
    "госсовет",
    "сборная",
    "совет",
    "совбез",
    "вооружённый",
    "армия",
    "посольство",
    "мэрия",
];

/// The first two letters of [`FIRST_WORDS`].
const FIRST_LETTERS: &[&str] = &[
    "ми", "мв", "ве", "ко", "ка", "пр", "па", "по", "ге", "се", "сл", "ск", "це", "цб", "ад", "го",
    "сб", "со", "во", "ар", "мэ",
];

/// The index (0–127) of the Cyrillic letter whose UTF-8 bytes are `b0 b1`, for the table
/// below (U+0400–U+047F).
const fn letter(b0: u8, b1: u8) -> Option<usize> {
    if (b0 == 0xD0 || b0 == 0xD1) && b1 & 0xC0 == 0x80 {
        Some(((b0 & 1) as usize) << 6 | (b1 & 0x3F) as usize)
    } else {
        None
    }
}

/// [`FIRST_LETTERS`] as a table: bit `b` of entry `a` is set when letters `a` and `b` start
/// a body's first word. One lookup per word instead of a comparison per prefix.
static PREFIXES: [u128; 128] = {
    let mut table = [0u128; 128];
    let mut n = 0;
    while n < FIRST_LETTERS.len() {
        let p = FIRST_LETTERS[n].as_bytes();
        if let (Some(a), Some(b)) = (letter(p[0], p[1]), letter(p[2], p[3])) {
            table[a] |= 1 << b;
        }
        n += 1;
    }
    table
};

/// Whether folded word `fold` may start a body: its first two letters are those of one of
/// [`FIRST_WORDS`]. Most words are not, and leave here.
#[inline]
fn may_start(fold: &str) -> bool {
    // (A token that starts with two Cyrillic letters is a word.)
    let &[b0, b1, b2, b3, ..] = fold.as_bytes() else {
        return false;
    };
    match (letter(b0, b1), letter(b2, b3)) {
        (Some(a), Some(b)) => PREFIXES[a] >> b & 1 == 1,
        _ => false,
    }
}

/// Adjectives that make a body a local or special one: «сельская полиция», «городское
/// правительство», «военная прокуратура» are not the state's police, government, prosecutors.
static LOCAL_ADJECTIVES: crate::text::WordList = crate::text::WordList::new(&[
    "сельский",
    "местный",
    "муниципальный",
    "районный",
    "городской",
    "областной",
    "краевой",
    "окружной",
    "региональный",
    "республиканский",
    "провинциальный",
    "школьный",
    "университетский",
    "студенческий",
    "транспортный",
    "железнодорожный",
    "дорожный",
    "военный",
    "миграционный",
    "налоговый",
    "религиозный",
    "нравственный",
    "туристический",
    "частный",
]);

/// Bodies that an adjective written with a capital names as another organisation: «Красная
/// армия», «Ирландская республиканская армия», «Свободная сирийская армия».
const NAMED_BY_ADJECTIVE: &[&str] = &["Армия"];

/// Whether token `k` is an adjective written with a capital away from a clause's start, and
/// no place's adjective («Свободной», not «Российская» or a sentence's first word).
fn proper_adjective(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Word
        && doc.name_case(k)
        && !doc.starts_clause(k)
        && doc.mentions_at(k).is_empty()
        && doc
            .lower(k)
            .is_some_and(|w| w.best().is_some_and(|p| p.pos == Pos::Adj))
}

/// The place an embassy is in, when the words at `at` name it: «в» or «во» and a country or
/// city in the locative; with the token after it.
fn host_of(doc: &Doc<'_>, at: usize, end: usize) -> Option<(usize, u32)> {
    if at + 1 >= end || !matches!(doc.fold_of(at), "в" | "во") {
        return None;
    }
    doc.mentions_at(at + 1)
        .iter()
        .find(|m| {
            matches!(m.kind, EntityKind::Country | EntityKind::City)
                && m.via != Via::Adjective
                && m.cases.contains(Case::Loc)
        })
        .map(|m| (m.tokens.end, m.entity))
}

/// The document entity of the embassy of `state` in `host` (document entities; the host
/// in the locative as the article wrote it, `written`): `ng:org:posolstvo-<state>-v-<host>`,
/// «Посольство (Россия) в Сирии».
fn embassy_in(doc: &mut Doc<'_>, state: u32, host: u32, written: &str) -> u32 {
    let state_name = doc.entities[state as usize].name.clone();
    let host_name = doc.entities[host as usize].name.clone();
    let id = EntityId::new(&format!(
        "ng:org:posolstvo-{}-v-{}",
        slug(&state_name),
        slug(&host_name)
    ));
    doc.intern_new(
        id,
        EntityKind::Organization,
        Arc::from(format!("Посольство ({state_name}) в {written}")),
        None,
    )
}

/// Nouns before «ВС» that make it the armed forces: «военнослужащие ВС РФ», «в рядах ВС»,
/// «Генштаб ВС РФ», «группировка ВС России».
static MILITARY_BEFORE: crate::text::WordList = crate::text::WordList::new(&[
    "военнослужащий",
    "военный",
    "боец",
    "солдат",
    "офицер",
    "подразделение",
    "часть",
    "соединение",
    "группировка",
    "командование",
    "командующий",
    "главнокомандующий",
    "генштаб",
    "штаб",
    "ряд",
    "авиация",
    "удар",
    "наступление",
    "обстрел",
]);

/// The gazetteer country that the folded words `tail` name in the genitive («российской
/// федерации», «сша»), if one does.
fn country_named(gazetteer: &Gazetteer, tail: &str) -> Option<u32> {
    if tail.is_empty() {
        return None;
    }
    gazetteer
        .names()
        .get(tail)?
        .iter()
        .find(|p| {
            gazetteer.entity(p.entity).kind == EntityKind::Country && p.cases.contains(Case::Gen)
        })
        .map(|p| p.entity)
}

/// «Госдумы РФ», «ФСБ России», «Генштаба ВС РФ»: a gazetteer organisation of a state,
/// followed by that state in the genitive, is named with it; the mention takes the state in,
/// which stays a mention of its own inside it.
fn extend_by_state(finder: &BodyFinder, doc: &mut Doc<'_>) {
    let mut longer: Vec<(usize, usize)> = Vec::new();
    for (k, m) in doc.mentions.iter().enumerate() {
        if m.kind != EntityKind::Organization {
            continue;
        }
        let Some(country) = doc.entities[m.entity as usize]
            .gaz
            .and_then(|g| finder.country_of(doc.gazetteer, g))
        else {
            continue;
        };
        let end = m.tokens.end;
        if end >= doc.tokens.len() || doc.tokens[end].sentence != m.sentence {
            continue;
        }
        let state = doc.mentions_at(end).iter().find(|c| {
            c.kind == EntityKind::Country
                && c.via != Via::Adjective
                && c.cases.contains(Case::Gen)
                && doc.entities[c.entity as usize].gaz == Some(country)
        });
        if let Some(c) = state {
            longer.push((k, c.tokens.end));
        }
    }
    if longer.is_empty() {
        return;
    }
    for (k, end) in longer {
        doc.mentions[k].tokens.end = end;
    }
    doc.mentions
        .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
}

/// The country (a gazetteer index) of the gazetteer person whose mention starts at token `k`
/// («правительства Михаилом Мишустиным»): the one the gazetteer gives the person; and the
/// mention's end when it can only be a genitive («администрации Обамы»).
fn state_of_person_at(doc: &Doc<'_>, k: usize) -> Option<(u32, Option<usize>)> {
    doc.mentions_at(k)
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .find_map(|m| {
            let g = doc.entities[m.entity as usize].gaz?;
            let country = doc.gazetteer.entity(g).country?;
            let genitive = m.cases.contains(Case::Gen) && !m.cases.contains(Case::Nom);
            Some((country, genitive.then_some(m.tokens.end)))
        })
}

/// Whether token `k`, right before a body's first word, is one of [`LOCAL_ADJECTIVES`].
fn local_body(doc: &Doc<'_>, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Word
        && doc.lower(k).is_some_and(|w| {
            w.parses
                .iter()
                .any(|p| p.pos == Pos::Adj && LOCAL_ADJECTIVES.contains(&p.lemma))
        })
}

/// The body whose words start at token `k` (a word that [`may_start`] one) within the
/// sentence ending before `end`, and the token after them.
fn body_at(doc: &Doc<'_>, k: usize, end: usize) -> Option<(&'static Body, usize)> {
    // Which first word a word is, is asked once per word.
    let first = doc.word_memo(k, Memo::BodyWord, || {
        // One hash lookup per reading, not a comparison with every first word.
        static SET: crate::text::WordList = crate::text::WordList::new(FIRST_WORDS);
        let fold = doc.fold_of(k);
        let lemma = if SET.contains(fold) {
            Some(fold)
        } else {
            doc.lower(k).and_then(|w| {
                w.parses
                    .iter()
                    .filter(|p| matches!(p.pos, Pos::Noun | Pos::Adj | Pos::Propn))
                    .map(|p| &*p.lemma)
                    .find(|l| SET.contains(l))
            })
        };
        lemma
            .and_then(|l| FIRST_WORDS.iter().position(|f| *f == l))
            .map_or(0, |n| n as u8 + 1)
    });
    let first = FIRST_WORDS.get(usize::from(first).checked_sub(1)?)?;
    BODIES
        .iter()
        .filter(|b| b.words[0] == *first)
        .find_map(|b| {
            let stop = k + b.words.len();
            (stop <= end
                && b.words[1..]
                    .iter()
                    .enumerate()
                    .all(|(n, lemma)| is_form_of(doc, k + 1 + n, lemma)))
            .then_some((b, stop))
        })
}

/// Whether the words at token `k` (within the sentence ending before `end`) are a state
/// body's name («Верховного суда», «Совет безопасности»): it is this stage's to name even
/// when it found no state for it.
pub(crate) fn names_a_body(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    may_start(doc.fold_of(k)) && body_at(doc, k, end).is_some()
}

impl BodyFinder {
    /// A finder that links a body to `gazetteer`'s organisation for it where the gazetteer
    /// has one with its country («Правительство Российской Федерации»).
    pub fn new(gazetteer: &Gazetteer) -> BodyFinder {
        let mut known = HashMap::new();
        let mut countries = HashMap::new();
        for index in 0..gazetteer.entity_count() as u32 {
            let e = gazetteer.entity(index);
            if e.kind != EntityKind::Organization {
                continue;
            }
            let name = crate::text::fold_key(&e.name);
            for &(form, body) in GAZETTEER_FORMS.iter().filter(|(f, _)| name.starts_with(f)) {
                // Rows taken from NEREL name no country: the name's tail in the genitive
                // tells it («Верховный Суд Российской Федерации»).
                let country = e.country.or_else(|| {
                    let tail = name[form.len()..].trim();
                    let country = country_named(gazetteer, tail)?;
                    countries.insert(index, country);
                    Some(country)
                });
                if let Some(country) = country {
                    known.entry((body, country)).or_insert(index);
                }
            }
        }
        BodyFinder { known, countries }
    }

    /// «ВС РФ нанесли удар», «военнослужащие ВС России»: the abbreviation «ВС», which the
    /// gazetteer gives the Supreme Court («ВС РФ отменил приговор»), names a state's armed
    /// forces when the words around it are military: a soldier's or a unit's word before it,
    /// or a plural verb after it and its state (a court is one, «отменил»). The mention is
    /// then the armed forces of the state named after it, and spans both.
    fn armed_forces(&self, doc: &mut Doc<'_>, made: &mut Vec<(&'static str, u32, u32)>) {
        let mut found: Vec<(usize, usize, u32)> = Vec::new();
        for (n, m) in doc.mentions.iter().enumerate() {
            if m.kind != EntityKind::Organization
                || m.tokens.len() != 1
                || doc.text_of(m.tokens.start) != "ВС"
            {
                continue;
            }
            let (k, end) = (m.tokens.start, m.tokens.end);
            let Some(state) = doc.mentions_at(end).iter().find(|c| {
                c.kind == EntityKind::Country && c.via != Via::Adjective && c.sentence == m.sentence
            }) else {
                continue;
            };
            let stop = state.tokens.end;
            let soldiers_before = k > 0
                && doc.tokens[k - 1].sentence == m.sentence
                && doc.lower(k - 1).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| p.pos == Pos::Noun && MILITARY_BEFORE.contains(&p.lemma))
                });
            let plural_verb_after = stop < doc.tokens.len()
                && doc.tokens[stop].sentence == m.sentence
                && doc.lower(stop).is_some_and(|w| {
                    w.best().is_some_and(|p| {
                        p.pos == Pos::Verb
                            && p.number == Some(Number::Plur)
                            && p.verb_form != Some(VerbForm::Part)
                    })
                });
            if soldiers_before || plural_verb_after {
                found.push((n, stop, state.entity));
            }
        }
        for (n, stop, place) in found {
            let entity = self.body_of(doc, made, "Вооружённые силы", place);
            let m = &mut doc.mentions[n];
            m.entity = entity;
            m.tokens.end = stop;
            m.via = Via::Context;
        }
    }

    /// The country of gazetteer organisation `g`: its row's, else the one its name ends on.
    fn country_of(&self, gazetteer: &Gazetteer, g: u32) -> Option<u32> {
        gazetteer
            .entity(g)
            .country
            .or_else(|| self.countries.get(&g).copied())
    }

    /// Adds an ORGANIZATION mention for every body of a state whose state the phrase or the
    /// article tells.
    pub fn run(&self, doc: &mut Doc<'_>) {
        // (body name, place, document entity) made so far: a body named again costs no id.
        let mut made: Vec<(&'static str, u32, u32)> = Vec::new();
        self.armed_forces(doc, &mut made);
        extend_by_state(self, doc);
        // Which tokens earlier stages named, worked out at the first body (most articles
        // have none).
        let mut covered: Option<Vec<bool>> = None;
        // (body name, document entity) of the bodies named so far, for the bare word later.
        let mut named: Vec<(&'static str, u32)> = Vec::new();
        let mut places: Option<Vec<Place>> = None;
        let mut added = Vec::new();
        // The words that may start a body, found in one pass over the folded words.
        let starts: Vec<usize> = doc
            .folds()
            .enumerate()
            .filter(|(_, f)| may_start(f))
            .map(|(k, _)| k)
            .collect();
        let mut next = 0;
        for k in starts {
            if k < next {
                continue;
            }
            let s = doc.tokens[k].sentence as usize;
            let range = doc.sentence_tokens[s].clone();
            let Some((body, stop)) = body_at(doc, k, range.end) else {
                continue;
            };
            // «СК «Олимп»»: the word is part of a quoted name's title (a sports club).
            // «сельская полиция», «областное правительство», «военная полиция»: a local or
            // special body, not the state's.
            if (stop < range.end && doc.is_punct(stop, "\""))
                || (k > range.start && local_body(doc, k - 1))
            {
                next = stop;
                continue;
            }
            let covered = covered.get_or_insert_with(|| doc.coverage());
            if covered[k..stop].iter().any(|&c| c) {
                // A gazetteer organisation named here is the body the bare word means later
                // («Парламент Грузии … спикер парламента»).
                if let Some(m) = doc
                    .mentions_at(k)
                    .iter()
                    .find(|m| m.kind == EntityKind::Organization && m.tokens.end >= stop)
                {
                    named.push((body.name, m.entity));
                }
                next = stop;
                continue;
            }
            let place = self.place_of(doc, k, stop);
            // «Красной армии», «Свободной сирийской армии»: an adjective with a capital before
            // the word (or before its country's adjective) makes it a named army, not a
            // state's.
            let named_army = NAMED_BY_ADJECTIVE.contains(&body.name) && {
                let first = place.as_ref().map_or(k, |(span, _)| span.start.min(k));
                first > range.start && proper_adjective(doc, first - 1)
            };
            if named_army {
                next = stop;
                continue;
            }
            let (span, entity) = match place {
                Some((span, place)) if body.name == "Посольство" => {
                    match host_of(doc, span.end, range.end) {
                        // «посольство России в США»: one state's embassy in another is a
                        // node of its own.
                        Some((end, host)) => {
                            let written = doc.original_of(&(span.end + 1..end));
                            (span.start..end, Some(embassy_in(doc, place, host, written)))
                        }
                        None => (span, Some(self.body_of(doc, &mut made, body.name, place))),
                    }
                }
                Some((span, place)) => (span, Some(self.body_of(doc, &mut made, body.name, place))),
                None if NEEDS_STATE.contains(&body.name) => {
                    next = stop;
                    continue;
                }
                None => (k..stop, None),
            };

            // «председателем правительства Михаилом Мишустиным»: the person the phrase
            // introduces tells the state, before any body named earlier or place nearby.
            // «администрации Обамы», «правительство Нетаньяху»: a person in the genitive is
            // the body's head, and part of its name.
            let mut span = span;
            let entity = entity
                .or_else(|| {
                    let (state, genitive_end) = state_of_person_at(doc, stop)?;
                    if let Some(end) = genitive_end {
                        span = span.start..end;
                    }
                    let place = doc.intern_gazetteer(state);
                    Some(self.body_of(doc, &mut made, body.name, place))
                })
                .or_else(|| {
                    // «…, сообщил МИД страны»: «страны» is the country of the sentence's
                    // first person whose country is known (the subject, as a rule), not the
                    // nearest country named.
                    if stop >= range.end || doc.fold_of(stop) != "страны" {
                        return None;
                    }
                    let country = doc
                        .mentions
                        .iter()
                        .filter(|m| m.kind == EntityKind::Person && m.sentence == s as u32)
                        .find_map(|m| {
                            let g = doc.entities[m.entity as usize].gaz?;
                            doc.gazetteer.country_of_person(g, doc.date)
                        })?;
                    // (The span stays the body's: NEREL leaves «страны» out of it.)
                    let place = doc.intern_gazetteer(country);
                    Some(self.body_of(doc, &mut made, body.name, place))
                })
                .or_else(|| {
                    named
                        .iter()
                        .rev()
                        .find(|(n, _)| *n == body.name)
                        .map(|&(_, e)| e)
                })
                .or_else(|| {
                    if NO_STATE_GUESS.contains(&body.name) {
                        return None;
                    }
                    self.country_before(doc, &mut places, k)
                        .map(|place| self.body_of(doc, &mut made, body.name, place))
                })
                .or_else(|| {
                    // «Минфин и ЦБ обсудили …» with no state in sight: the Russian press
                    // leaves its own state unsaid.
                    if !RUSSIAN_WHEN_BARE.contains(&body.name) {
                        return None;
                    }
                    let russia = doc
                        .gazetteer
                        .find(&EntityId::new("wikidata:Q159"))
                        .map(|g| doc.intern_gazetteer(g))?;
                    Some(self.body_of(doc, &mut made, body.name, russia))
                });
            let Some(entity) = entity else {
                next = stop;
                continue;
            };
            named.push((body.name, entity));
            next = span.end.max(stop);
            added.push(MentionDraft::organisation(span, entity, s as u32));
        }
        if added.is_empty() {
            return;
        }
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }

    /// The document entity of body `name` of `place` (a document entity): the gazetteer's
    /// organisation when it has one, else `ng:org:<body>-<place>`.
    /// `made` remembers the answers already given in this document.
    fn body_of(
        &self,
        doc: &mut Doc<'_>,
        made: &mut Vec<(&'static str, u32, u32)>,
        name: &'static str,
        place: u32,
    ) -> u32 {
        if let Some(&(_, _, e)) = made.iter().find(|m| m.0 == name && m.1 == place) {
            return e;
        }
        let known = doc.entities[place as usize]
            .gaz
            .and_then(|g| self.known.get(&(name, g)));
        let entity = match known {
            Some(&org) => doc.intern_gazetteer(org),
            None => {
                let place_name = doc.entities[place as usize].name.clone();
                let id = EntityId::new(&format!("ng:org:{}-{}", slug(name), slug(&place_name)));
                doc.intern_new(
                    id,
                    EntityKind::Organization,
                    Arc::from(format!("{name} ({place_name})")),
                    None,
                )
            }
        };
        made.push((name, place, entity));
        entity
    }

    /// The state the phrase names for the body at `k..stop`: a country, city or region in
    /// the genitive right after it, or a country adjective right before it; with the span of
    /// body and state together.
    fn place_of(
        &self,
        doc: &Doc<'_>,
        k: usize,
        stop: usize,
    ) -> Option<(std::ops::Range<usize>, u32)> {
        let after = doc.mentions_at(stop).iter().find(|m| {
            matches!(
                m.kind,
                EntityKind::Country | EntityKind::City | EntityKind::Region
            ) && m.via != Via::Adjective
                && m.cases.contains(Case::Gen)
        });
        if let Some(m) = after {
            return Some((k..m.tokens.end, m.entity));
        }
        doc.mentions_ending_at(k, 4)
            .find(|m| {
                matches!(
                    m.kind,
                    EntityKind::Country | EntityKind::City | EntityKind::Region
                ) && m.via == Via::Adjective
            })
            .map(|m| (m.tokens.start..stop, m.entity))
    }

    /// The country of the place named last before token `k` (a country, or the country of
    /// a city or region the gazetteer knows: «В Техасе полиция задержала …»), else of the
    /// first one after it in its paragraph. `places` holds the document's places with their
    /// country (worked out on first use, so that an article of many bare words stays linear).
    fn country_before(
        &self,
        doc: &mut Doc<'_>,
        places: &mut Option<Vec<Place>>,
        k: usize,
    ) -> Option<u32> {
        let places = places.get_or_insert_with(|| {
            let gaz = doc.gazetteer;
            doc.mentions
                .iter()
                .filter_map(|m| {
                    let country = match m.kind {
                        EntityKind::Country => Ok(m.entity),
                        EntityKind::City | EntityKind::Region => Err(doc.entities
                            [m.entity as usize]
                            .gaz
                            .and_then(|g| gaz.entity(g).country)?),
                        _ => return None,
                    };
                    Some(Place {
                        tokens: m.tokens.clone(),
                        country,
                    })
                })
                .collect()
        });
        let paragraph =
            |doc: &Doc<'_>, t: usize| doc.sentences[doc.tokens[t].sentence as usize].paragraph;
        let to = places.partition_point(|p| p.tokens.start < k);
        let found = places[..to]
            .iter()
            .rev()
            .find(|p| p.tokens.end <= k)
            .or_else(|| {
                // Not where a delegation goes: «Делегация Минобороны прибыла в Пекин» is no
                // Chinese ministry's («Сотрудники МВД прибыли на место аварии в Алматы» are
                // Kazakhstan's: local people travel at home).
                let delegation = k > 0
                    && doc.lower(k - 1).is_some_and(|w| {
                        w.parses.iter().any(|p| {
                            matches!(&*p.lemma, "делегация" | "представитель" | "посланник")
                        })
                    });
                places[to..].first().filter(|p| {
                    paragraph(doc, p.tokens.start) == paragraph(doc, k)
                        && !(delegation
                            && (k..p.tokens.start).any(|j| {
                                doc.tokens[j].sentence == doc.tokens[k].sentence
                                    && doc.lower(j).is_some_and(|w| {
                                        w.parses.iter().any(|p| {
                                            p.pos == Pos::Verb && MOTION_VERBS.contains(&p.lemma)
                                        })
                                    })
                            }))
                })
            })?
            .country;
        Some(match found {
            Ok(entity) => entity,
            Err(country) => doc.intern_gazetteer(country),
        })
    }
}

/// Verbs of going somewhere: a place after one is where a body's people go, not its state.
static MOTION_VERBS: crate::text::WordList = crate::text::WordList::new(&[
    "прибыть",
    "прибывать",
    "приехать",
    "приезжать",
    "прилететь",
    "прилетать",
    "направиться",
    "отправиться",
    "вылететь",
    "посетить",
    "посещать",
    "поехать",
    "ехать",
    "лететь",
    "полететь",
]);

/// A place named in the document and the country it is or lies in: `Ok` a document entity,
/// `Err` a gazetteer country not yet interned.
struct Place {
    tokens: std::ops::Range<usize>,
    country: Result<u32, u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_word_passes_the_letter_check() {
        for w in FIRST_WORDS {
            assert!(
                FIRST_LETTERS.iter().any(|p| w.starts_with(p)),
                "{w} is missing from FIRST_LETTERS"
            );
        }
        for b in BODIES {
            assert!(FIRST_WORDS.contains(&b.words[0]), "{}", b.name);
        }
        for p in FIRST_LETTERS {
            let t = p.as_bytes();
            let (a, b) = (letter(t[0], t[1]).unwrap(), letter(t[2], t[3]).unwrap());
            assert_eq!(PREFIXES[a] >> b & 1, 1, "{p}");
        }
        // A word with other first letters is out.
        let t = "москва".as_bytes();
        let (a, b) = (letter(t[0], t[1]).unwrap(), letter(t[2], t[3]).unwrap());
        assert_eq!(PREFIXES[a] >> b & 1, 0);
    }
}
