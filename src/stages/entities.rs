//! Gazetteer matching: every inflected name form in the text, linked to its entity.
//!
//! For each token the lexicon reports every name form starting there; the longest form whose
//! alias fits (letter case, evidence for names that are also common words, initials) wins and
//! the scan continues after it. Inside a multi-word mention, names of other entities are
//! matched too, so «МИД России» is an ORGANIZATION containing the COUNTRY «России».

use crate::doc::{Doc, MentionDraft};
use crate::gazetteer::lexicon::NO_STATE;
use crate::gazetteer::{Gazetteer, NamePart, NamePosting, Role, WordCase};
use crate::model::{EntityKind, Via};
use crate::morph::{Case, CaseSet, Gender, NameType, Number, Pos, Tense, VerbForm};
use crate::text::chars::{is_alpha, is_upper};
use crate::text::{Shape, TokenKind};

/// Words that, right before an ambiguous name, say what it is.
const TYPE_WORDS: &[(&str, &[EntityKind])] = &[
    ("город", &[EntityKind::City]),
    ("городе", &[EntityKind::City]),
    ("города", &[EntityKind::City]),
    ("городу", &[EntityKind::City]),
    ("городом", &[EntityKind::City]),
    ("г", &[EntityKind::City]),
    ("столица", &[EntityKind::City]),
    ("столице", &[EntityKind::City]),
    ("столицы", &[EntityKind::City]),
    ("страна", &[EntityKind::Country]),
    ("республика", &[EntityKind::Country, EntityKind::Region]),
    ("республике", &[EntityKind::Country, EntityKind::Region]),
    ("республики", &[EntityKind::Country, EntityKind::Region]),
    ("область", &[EntityKind::Region]),
    ("штат", &[EntityKind::Region]),
    ("штате", &[EntityKind::Region]),
    ("штата", &[EntityKind::Region]),
];

/// Person nouns that act for a state: a country adjective before them is the country.
static STATE_ROLES: crate::text::WordList = crate::text::WordList::new(&[
    "президент",
    "лидер",
    "глава",
    "премьер",
    "министр",
    "канцлер",
    "король",
    "королева",
    "монарх",
    "посол",
    "дипломат",
    "военный",
    "военнослужащий",
    "солдат",
    "генерал",
    "офицер",
    "чиновник",
    "политик",
    "сенатор",
    "депутат",
    "парламентарий",
    "представитель",
    "силовик",
    "пограничник",
    "разведчик",
    "прокурор",
    "следователь",
    "миротворец",
    "космонавт",
    "астронавт",
    "правитель",
    "губернатор",
    "мэр",
    "госсекретарь",
    "спикер",
    "гражданин",
    "власть",
    "правительство",
    "спецслужба",
    "военачальник",
    "руководитель",
    "переговорщик",
    "делегат",
    "эмиссар",
    "посланник",
    "полицейский",
    "пилот",
    "моряк",
    "летчик",
    "шпион",
    "агент",
    "сирота",
    "заложник",
    "пленный",
    "турист",
    "болельщик",
    // «с турецким коллегой»: the counterpart of a state's office holder.
    "коллега",
    // Political and public actors: «советских государственных деятелей», «российский
    // политолог», «иракский диктатор», «британских консерваторов».
    "деятель",
    "политолог",
    "кандидат",
    "диктатор",
    "олигарх",
    "консерватор",
    "оппозиционер",
    "аналитик",
    "законодатель",
    "принц",
    "принцесса",
    "патриарх",
    "митрополит",
    "священнослужитель",
    "инспектор",
    "менеджер",
    "производитель",
    "автопроизводитель",
    "налогоплательщик",
    // Groups named by faith, people or side: the adjective places them in a state
    // («боснийских сербов», «израильских арабов», «пакистанские талибы»).
    "серб",
    "хорват",
    "араб",
    "курд",
    "албанец",
    "еврей",
    "мусульманин",
    "католик",
    "талиб",
    "пуштун",
    "повстанец",
    "боевик",
    "беженец",
    // Feminine forms of the roles above: the lemma is the feminine noun.
    "разведчица",
    "летчица",
    "лётчица",
    "шпионка",
    "гражданка",
    "чиновница",
    "заложница",
    "пленница",
    "туристка",
    "болельщица",
    "беженка",
]);

/// Nouns for a state: after a country adjective, the two words name the country.
const STATE_NOUNS: &[&str] = &["государство", "королевство", "держава", "княжество"];

/// Nouns after which a country adjective names a language or style.
const LANGUAGE_NOUNS: &[&str] = &[
    "язык",
    "диалект",
    "акцент",
    "перевод",
    "алфавит",
    "кухня",
    // «американец венгерского происхождения»: descent, not the state.
    "происхождение",
];

/// Nouns after which a city adjective names a region of its own («Читинская область» is no
/// city), or something else that is not about the city («Римская империя», «римское право»).
const NOT_THE_CITY_NOUNS: &[&str] = &[
    "область",
    "край",
    "уезд",
    "губерния",
    "епархия",
    "империя",
    "право",
];

/// Nouns that take a capitalised city adjective as a proper name of their own: «Ленинградский
/// проспект» is in Moscow, «Ленинградский военный округ» is no city. In lower case the adjective
/// says where the place is («на лондонском кладбище», «каирская площадь Тахрир»), and is the
/// city. «Район» and «шоссе» are left out: «Московский район» is part of the city, and the road
/// leads there.
static OWN_NAME_NOUNS: crate::text::WordList = crate::text::WordList::new(&[
    "бульвар",
    "проспект",
    "переулок",
    "улица",
    "площадь",
    "набережная",
    "тракт",
    "вокзал",
    "кладбище",
    "водохранилище",
    "округ",
    "лес",
    "залив",
    "бухта",
    "пролив",
    "озеро",
]);

/// Finds gazetteer names. Holds only a reference to the gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct EntityMatcher;

impl EntityMatcher {
    /// Adds a mention draft for every gazetteer name in `doc`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let gaz = doc.gazetteer;
        let mut found = Vec::new();
        let mut deferred = Vec::new();
        for s in 0..doc.sentence_tokens.len() {
            let range = doc.sentence_tokens[s].clone();
            let mut i = range.start;
            while i < range.end {
                // Most tokens start no name (no lexicon state after them): stepped over
                // here, without the call (the calls were 1.8% of the instructions of a run).
                if doc.starts.get(i).is_none_or(|s| s[0] == NO_STATE) {
                    i += 1;
                    continue;
                }
                match self.best_at(doc, i, range.end, None, &mut found, &mut deferred) {
                    Some((len, posting, start)) => {
                        let end = i + len;
                        self.push(doc, gaz, start..end, posting, s as u32);
                        // Names nested after the head phrase («МИД | России»), and derived
                        // adjectives anywhere («Московский государственный университет»).
                        let nest_from = gaz.alias(posting.alias).nest_from;
                        // «Единая Россия», «Голос Америки», «Agence France-Presse»: an
                        // organisation or event named after a place names the place anywhere
                        // in its name, as its head too.
                        let named_after_place = matches!(
                            gaz.entity(posting.entity).kind,
                            EntityKind::Organization | EntityKind::Event
                        );
                        if let Some(from) = nest_from {
                            let outer = posting.entity;
                            let mut j = i;
                            while j < end {
                                let hit = self.best_at(
                                    doc,
                                    j,
                                    end,
                                    Some(outer),
                                    &mut found,
                                    &mut deferred,
                                );
                                // «сектор Газа», «округ Колумбия»: a place named after a
                                // place of another kind does not name that place.
                                let hit = hit.filter(|&(_, p, _)| {
                                    let (outer, inner) = (
                                        gaz.entity(posting.entity).kind,
                                        gaz.entity(p.entity).kind,
                                    );
                                    !(outer.is_place() && inner.is_place() && outer != inner)
                                });
                                match hit {
                                    Some((l, p, st))
                                        if j >= i + from as usize
                                            || (gaz.alias(p.alias).flags.adjective
                                                && !gaz.entity(posting.entity).kind.is_place())
                                            || (named_after_place
                                                && gaz.entity(p.entity).kind.is_place()) =>
                                    {
                                        self.push(doc, gaz, st..j + l, p, s as u32);
                                        j += l;
                                    }
                                    _ => j += 1,
                                }
                            }
                        }
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
        self.shared_head_regions(doc);
        let nationalities = self.drop_nationality_adjectives(doc);
        // Ambiguous names whose entity the article names unambiguously elsewhere: by a mention
        // still there, or by a nationality adjective dropped only as NEREL leaves those
        // unmarked («американского продюсера … Гильдии продюсеров Америки»). An adjective
        // dropped as a street's or a language's name («Бордоский проспект», «на французском»)
        // is no evidence that «Бордо» is the city: the entity index alone, which keeps every
        // entity ever interned, had taken it as one. Adjective aliases are never taken this
        // way: they would come after the drop's rules. (Most articles defer nothing: the
        // coverage and the set are built only for those that do.)
        if !deferred.is_empty() {
            let covered = doc.coverage();
            let mut taken = vec![false; covered.len()];
            let named: std::collections::HashSet<u32> = doc
                .mentions
                .iter()
                .map(|m| m.entity)
                .chain(nationalities)
                .collect();
            for (tokens, p) in deferred {
                if !gaz.alias(p.alias).flags.adjective
                    && doc
                        .used_gazetteer(p.entity)
                        .is_some_and(|e| named.contains(&e))
                    && !tokens.clone().any(|k| covered[k] || taken[k])
                {
                    tokens.clone().for_each(|k| taken[k] = true);
                    let sentence = doc.tokens[tokens.start].sentence;
                    self.push(doc, gaz, tokens, p, sentence);
                }
            }
        }
        // `capitals` searches mentions by position: sort the deferred ones in first.
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        self.capitals(doc);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }

    /// «Жители Белгородской и Курской областей», «в Краснодарском и Ставропольском краях»:
    /// regions whose adjectives share one plural head. Each adjective with the head in the
    /// singular of the same case is a region name the gazetteer may know («курской области»):
    /// the last one's mention spans the head, the others are the adjective alone. Mentions
    /// over those tokens give way (the first adjective had been read as a settlement).
    fn shared_head_regions(&self, doc: &mut Doc<'_>) {
        let gaz = doc.gazetteer;
        let mut added: Vec<MentionDraft> = Vec::new();
        // One prefix test per token: this runs over every token of every article.
        let heads: Vec<usize> = doc
            .folds()
            .enumerate()
            .skip(3)
            .filter(|(_, f)| f.starts_with("обл") || f.starts_with("кра"))
            .map(|(h, _)| h)
            .collect();
        for h in heads {
            // The plural head and its singular in the same case.
            let singular = match doc.fold_of(h) {
                "областей" | "областям" | "областях" => "области",
                "областями" => "областью",
                "области" => "область",
                "краев" => "края",
                "краям" => "краю",
                "краях" => "крае",
                "краями" => "краем",
                "края" => "край",
                _ => continue,
            };
            // Back over «A, B и C»: capitalised adjectives joined by commas and one «и».
            let sentence = doc.tokens[h].sentence;
            let adjective = |k: usize| {
                doc.tokens[k].shape == Shape::Title
                    && doc.tokens[k].sentence == sentence
                    && doc
                        .lower(k)
                        .is_some_and(|w| w.prob(|p| p.pos == Pos::Adj) >= 0.5)
            };
            if !adjective(h - 1) || doc.fold_of(h - 2) != "и" {
                continue;
            }
            let mut conjuncts = vec![h - 1];
            let mut k = h - 2;
            while k > 0 && adjective(k - 1) {
                conjuncts.push(k - 1);
                if k >= 2 && doc.is_punct(k - 2, ",") {
                    k -= 2;
                } else {
                    break;
                }
            }
            if conjuncts.len() < 2 {
                continue;
            }
            let region = |k: usize| {
                let key = format!("{} {singular}", doc.fold_of(k));
                gaz.names().get(&key)?.iter().copied().find(|p| {
                    gaz.entity(p.entity).kind == EntityKind::Region
                        && !gaz.alias(p.alias).flags.adjective
                })
            };
            let Some(postings) = conjuncts
                .iter()
                .map(|&k| region(k))
                .collect::<Option<Vec<NamePosting>>>()
            else {
                continue;
            };
            for (&k, p) in conjuncts.iter().zip(postings) {
                let tokens = if k == h - 1 { k..h + 1 } else { k..k + 1 };
                added.push(MentionDraft {
                    tokens,
                    entity: doc.intern_gazetteer(p.entity),
                    kind: EntityKind::Region,
                    via: Via::Gazetteer,
                    cases: p.cases,
                    sentence,
                    surname_only: false,
                });
            }
        }
        if added.is_empty() {
            return;
        }
        doc.mentions.retain(|m| {
            !added
                .iter()
                .any(|a| m.tokens.start < a.tokens.end && a.tokens.start < m.tokens.end)
        });
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }

    /// «в российской столице», «британскую столицу»: a country adjective before «столица» is
    /// that country's capital, a CITY mention over both words (the adjective mention stays,
    /// nested, as in NEREL). Before a noun for a state («российского государства») the
    /// adjective mention grows over the noun.
    fn capitals(&self, doc: &mut Doc<'_>) {
        let gaz = doc.gazetteer;
        let mut added = Vec::new();
        let mut states = Vec::new();
        for (index, m) in doc.mentions.iter().enumerate() {
            let k = m.tokens.end;
            if m.via != Via::Adjective || m.kind != EntityKind::Country || k >= doc.tokens.len() {
                continue;
            }
            let Some(w) = doc.lower(k) else { continue };
            // «северная российская столица» is Saint Petersburg, not the capital.
            let first = m.tokens.start;
            if first > 0 && doc.fold_of(first - 1).starts_with("северн") {
                continue;
            }
            if doc.tokens[k].sentence != doc.tokens[m.tokens.start].sentence {
                continue;
            }
            // «российского государства», «израильское государство»: the adjective and the
            // noun for a state together name the country.
            let state = w.cases(|p| STATE_NOUNS.contains(&&*p.lemma));
            if !state.is_empty() {
                states.push(index);
                continue;
            }
            let cases = w.cases(|p| &*p.lemma == "столица");
            if cases.is_empty() {
                continue;
            }
            let capital = doc.entities[m.entity as usize]
                .gaz
                .and_then(|g| gaz.entity(g).capital);
            if let Some(capital) = capital {
                added.push((m.tokens.start..k + 1, capital, cases, m.sentence));
            }
        }
        // «в столице Венгрии», «столицы Киргизии»: the capital, over both words, unless the
        // city is named right after («в столице Казахстана Астане»).
        for m in &doc.mentions {
            let k = m.tokens.start;
            if m.kind != EntityKind::Country
                || m.via != Via::Gazetteer
                || !m.cases.contains(Case::Gen)
                || k == 0
                || doc.tokens[k - 1].sentence != m.sentence
            {
                continue;
            }
            let Some(w) = doc.lower(k - 1) else { continue };
            // «в северной столице России», «бывшей столице Германии»: not the capital.
            if k >= 2
                && doc
                    .lower(k - 2)
                    .is_some_and(|a| a.prob(|p| p.pos == Pos::Adj) >= 0.5)
            {
                continue;
            }
            let cases = w.cases(|p| &*p.lemma == "столица");
            let named_after = doc
                .mentions_at(m.tokens.end)
                .iter()
                .any(|c| c.kind == EntityKind::City);
            let capital = doc.entities[m.entity as usize]
                .gaz
                .and_then(|g| gaz.entity(g).capital);
            if let Some(capital) = capital
                && !cases.is_empty()
                && !named_after
            {
                added.push((k - 1..m.tokens.end, capital, cases, m.sentence));
            }
        }
        // (By index: the capitals below are pushed after, so the indices still hold.)
        for index in states {
            doc.mentions[index].tokens.end += 1;
        }
        for (tokens, capital, cases, sentence) in added {
            let entity = doc.intern_gazetteer(capital);
            doc.mentions.push(MentionDraft {
                tokens,
                entity,
                kind: EntityKind::City,
                via: Via::Title,
                cases,
                sentence,
                surname_only: false,
            });
        }
    }

    /// «американский актёр», «французский писатель»: a country adjective before a person
    /// noun that is not a state role says what the person is (a nationality), not which state
    /// acts; it is not a mention of the country. Before «лидер», «военные», «власти»,
    /// «дипломат» it is. A city adjective before a street or district noun is no mention of
    /// the city either. Returns the document entities of the nationalities dropped: the
    /// article still speaks of those states.
    fn drop_nationality_adjectives(&self, doc: &mut Doc<'_>) -> Vec<u32> {
        let gaz = doc.gazetteer;
        let mut nationalities = Vec::new();
        let mut found = Vec::new();
        let mut drop = vec![false; doc.mentions.len()];
        let mut named = Vec::new();
        for (k, m) in doc.mentions.iter().enumerate() {
            if m.via != Via::Adjective || !matches!(m.kind, EntityKind::Country | EntityKind::City)
            {
                continue;
            }
            // «на улице Советской»: a capitalised place adjective after a street or district
            // noun names that street or district.
            let start = m.tokens.start;
            let proper = doc.tokens[start].shape == Shape::Title && !doc.starts_clause(start);
            if proper
                && start > 0
                && doc.lower(start - 1).is_some_and(|w| {
                    w.prob(|p| OWN_NAME_NOUNS.contains(&p.lemma) || &*p.lemma == "район") >= 0.5
                })
            {
                drop[k] = true;
                named.extend(m.tokens.clone());
                continue;
            }
            let mut next = m.tokens.end;
            // «американский кинорежиссёр», «известный американский актёр», «американский и
            // британский актёры»: skip other adjectives and conjunctions.
            while next < doc.tokens.len()
                && (doc
                    .lower(next)
                    .and_then(|w| w.best())
                    .is_some_and(|p| p.pos == Pos::Adj)
                    || matches!(doc.fold_of(next), "и" | ","))
            {
                next += 1;
            }
            // «на немецком», «перевели на французский»: a country adjective with no noun
            // after it names a language.
            let no_noun = next >= doc.tokens.len()
                || doc.tokens[next].sentence != m.sentence
                || doc.lower(next).is_none_or(|w| {
                    w.prob(|p| matches!(p.pos, Pos::Noun | Pos::Propn | Pos::Adj)) < 0.3
                });
            if m.kind == EntityKind::Country
                && no_noun
                && m.tokens.start > 0
                && doc.fold_of(m.tokens.start - 1) == "на"
            {
                drop[k] = true;
                continue;
            }
            if next >= doc.tokens.len() || doc.tokens[next].sentence != m.sentence {
                continue;
            }
            let Some(w) = doc.lower(next) else { continue };
            if m.kind == EntityKind::City {
                // Capitalised at a clause start it may still be the proper name («Ленинградский
                // проспект перекрыли»): only lower case places the street in the city.
                let capitalised = doc.tokens[m.tokens.start].shape == Shape::Title;
                let own_name = capitalised && w.prob(|p| OWN_NAME_NOUNS.contains(&p.lemma)) >= 0.5;
                drop[k] = own_name || w.prob(|p| NOT_THE_CITY_NOUNS.contains(&&*p.lemma)) >= 0.5;
                if own_name {
                    named.extend(m.tokens.clone());
                }
                continue;
            }
            // «Советский район», «Китайский квартал»: a district named after a country.
            if proper
                && w.prob(|p| {
                    OWN_NAME_NOUNS.contains(&p.lemma) || matches!(&*p.lemma, "район" | "квартал")
                }) >= 0.5
            {
                drop[k] = true;
                named.extend(m.tokens.clone());
                continue;
            }
            // «на французском языке»: a language, not the country.
            if w.parses.iter().any(|p| LANGUAGE_NOUNS.contains(&&*p.lemma)) {
                drop[k] = true;
                continue;
            }
            let person_noun = w.prob(|p| p.pos == Pos::Noun && p.animate) >= 0.5;
            if !person_noun {
                continue;
            }
            gaz.titles().matches_from(
                &doc.norm.fold,
                doc.tokens,
                next,
                doc.tokens.len(),
                doc.starts[next][1],
                &mut found,
            );
            let state_role =
                !found.is_empty() || w.parses.iter().any(|p| STATE_ROLES.contains(&p.lemma));
            drop[k] = !state_role;
            if drop[k] {
                nationalities.push(m.entity);
            }
        }
        let mut k = 0;
        doc.mentions.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        doc.not_names.extend(named);
        nationalities
    }

    fn push(
        &self,
        doc: &mut Doc<'_>,
        gaz: &Gazetteer,
        tokens: std::ops::Range<usize>,
        p: NamePosting,
        sentence: u32,
    ) {
        let entity = doc.intern_gazetteer(p.entity);
        let via = if gaz.alias(p.alias).flags.adjective {
            Via::Adjective
        } else {
            Via::Gazetteer
        };
        doc.mentions.push(MentionDraft {
            tokens,
            entity,
            kind: gaz.entity(p.entity).kind,
            via,
            cases: p.cases,
            sentence,
            surname_only: gaz.alias(p.alias).part == NamePart::Surname,
        });
    }

    /// The best name starting at token `i` (ending before `limit`), as (tokens, posting, start
    /// token including initials), skipping entity `except`.
    fn best_at(
        &self,
        doc: &Doc<'_>,
        i: usize,
        limit: usize,
        except: Option<u32>,
        found: &mut Vec<(usize, u32)>,
        deferred: &mut Vec<(std::ops::Range<usize>, NamePosting)>,
    ) -> Option<(usize, NamePosting, usize)> {
        let gaz = doc.gazetteer;
        let start = doc.starts.get(i).map_or(NO_STATE, |s| s[0]);
        gaz.names()
            .matches_from(&doc.norm.fold, doc.tokens, i, limit, start, found);
        // Most tokens start no name: nothing below can change that.
        if found.is_empty() {
            return None;
        }
        // «Новая Гвинея», «Новой Англии», «Новый Уэльс»: after a capitalised «новый» the name
        // is part of a newer place's name (those the gazetteer knows matched earlier, from
        // «Новая» on), not the old place. A quoted party name keeps its country («партии
        // «Новый Азербайджан»»), as does an adjective («Новым британским премьером»).
        if i > 0
            && doc.tokens[i].shape == Shape::Title
            && doc.tokens[i - 1].shape == Shape::Title
            && (i < 2 || !matches!(doc.fold_of(i - 2), "«" | "\"" | "„" | "“"))
            && doc.tokens[i - 1].sentence == doc.tokens[i].sentence
            && doc
                .lower(i - 1)
                .and_then(|w| w.best())
                .is_some_and(|p| p.pos == Pos::Adj && &*p.lemma == "новый")
        {
            return None;
        }
        // A word in lower case fails the first word of a name that needs a capital.
        let lower_case = matches!(doc.tokens[i].shape, Shape::Lower | Shape::NoLetter);
        for &(len, group) in found.iter().rev() {
            if lower_case && gaz.needs_capital(group) {
                continue;
            }
            let mut best: Option<(i32, NamePosting, usize)> = None;
            for &p in gaz.names().postings(group) {
                if Some(p.entity) == except {
                    continue;
                }
                let Some((score, start)) = self.fit(doc, gaz, i, len, p) else {
                    continue;
                };
                // A name that is also a common word needs evidence here, or an unambiguous
                // mention of the same entity elsewhere in the article (checked after the scan).
                // Inside a known longer name (`except` is that name) the name is evidence.
                if gaz.alias(p.alias).flags.ambiguous
                    && except.is_none()
                    && !self.has_evidence(doc, i, len, gaz.entity(p.entity).kind, p.cases)
                {
                    // «Латинская Америка», «Южная Америка»: after a capitalised adjective the
                    // word is part of another name.
                    let named_with_adjective = i > 0
                        && doc.tokens[i - 1].shape == Shape::Title
                        && doc
                            .lower(i - 1)
                            .and_then(|w| w.best())
                            .is_some_and(|p| p.pos == Pos::Adj);
                    if !named_with_adjective {
                        deferred.push((start..i + len, p));
                    }
                    continue;
                }
                // The same entity's form reached by two aliases stands for the cases of both
                // («Бали»: the name as the dictionary declines it, nominative only, and the
                // exact alias, every case).
                if let Some(b) = best.as_mut()
                    && b.1.entity == p.entity
                    && b.2 == start
                {
                    b.1.cases = b.1.cases.union(p.cases);
                    if score > b.0 {
                        b.0 = score;
                        b.1 = NamePosting {
                            cases: b.1.cases,
                            ..p
                        };
                    }
                    continue;
                }
                if best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, p, start));
                }
            }
            if let Some((_, p, start)) = best {
                return Some((len, p, start));
            }
        }
        None
    }

    /// Whether posting `p` fits the tokens `i..i+len`; returns a preference score and the
    /// first token of the mention (earlier than `i` when initials precede a surname).
    fn fit(
        &self,
        doc: &Doc<'_>,
        gaz: &Gazetteer,
        i: usize,
        len: usize,
        p: NamePosting,
    ) -> Option<(i32, usize)> {
        let alias = gaz.alias(p.alias);
        let entity = gaz.entity(p.entity);
        if alias.words.len() != len {
            return None;
        }
        for (k, want) in alias.words.iter().enumerate() {
            let t = &doc.tokens[i + k];
            let ok = match *want {
                WordCase::Any => true,
                // Capitals throughout pass for a title-case name only when the word is long
                // enough to be a shouted headline («ПУТИН»): two or three capitals are an
                // abbreviation («ПО», «ЕС») and not the name «По» or «Ес».
                WordCase::Title | WordCase::Mixed => match t.shape {
                    // «МИДа» is an abbreviation with an ending, not the name «Мид»: a
                    // title-case name has a small second letter (unless the name itself
                    // has a capital there, «BSkyB»).
                    Shape::Title => *want == WordCase::Mixed || doc.name_case(i + k),
                    Shape::Upper => doc.text_of(i + k).chars().count() >= 4,
                    _ => false,
                },
                WordCase::Upper(n) => doc
                    .text_of(i + k)
                    .chars()
                    .take(n as usize)
                    .all(|c| !is_alpha(c) || is_upper(c)),
            };
            if !ok {
                return None;
            }
        }
        // A capital letter at the start of a clause is no evidence of a name: «Мир», «Того»,
        // «Находка» there are common words. Abbreviations and lower-case aliases
        // (adjectives) carry their own evidence.
        // («Макрон заявил», «Макрон позвонил Шольцу»: an office holder's name stays one when
        // a verb only a person does follows it; «Банда прибыла», «Банда заявила» may still be
        // a gang's.)
        // («игру «Зенит» проведёт»: a word alone in quotes is a name, whatever the clause.)
        let quoted_alone = i > 0 && doc.is_punct(i - 1, "\"") && doc.is_punct(i + 1, "\"");
        if len == 1
            && alias.words[0] == WordCase::Title
            && doc.starts_clause(i)
            && !quoted_alone
            && doc.is_common_word(i)
            && !(entity.kind == EntityKind::Person
                && gaz.offices().is_office_holder(p.entity)
                && (person_verb_after(doc, i + 1) || name_coordinated_after(doc, i + 1)))
            // «Сбербанк заявил», «Сбербанк сообщил»: an organisation's name stays one before
            // a verb of speaking or acting that the common word («сбербанк», a savings bank)
            // would not take.
            && !(entity.kind == EntityKind::Organization && person_verb_after(doc, i + 1))
            // «Сбербанк и ВТБ договорились»: first in a list of names of its kind.
            && !listed_with_kin(doc, gaz, i + 1, entity.kind)
        {
            return None;
        }
        // «Владимир Жириновский», «Уитни Хьюстон», «София Ротару»: a one-word place that is
        // also a given name, beside a surname, is a person.
        // (Not a body of a state: «Спикер Совфеда Матвиенко». Clubs and firms carry no country.)
        let state_body = entity.kind == EntityKind::Organization && entity.country.is_some();
        if len == 1
            && matches!(
                entity.kind,
                EntityKind::City | EntityKind::Region | EntityKind::Organization
            )
            && !state_body
            && part_of_person_name(doc, i)
        {
            return None;
        }
        // «Барселона», «Зенит» in quotes is a club or a brand, not the place.
        if len == 1
            && entity.kind.is_place()
            && i > 0
            && doc.is_punct(i - 1, "\"")
            && doc.is_punct(i + 1, "\"")
        {
            return None;
        }
        // «в провинции Бергамо», «штата Нью-Йорк»: after a word for a region the name is the
        // region's (a region of that name in the gazetteer still matches).
        if entity.kind == EntityKind::City
            && i > 0
            && doc.lower(i - 1).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    p.pos == Pos::Noun
                        && matches!(
                            &*p.lemma,
                            "провинция"
                                | "штат"
                                | "область"
                                | "префектура"
                                | "графство"
                                | "регион"
                        )
                })
            })
        {
            return None;
        }
        let mut start = i;
        let mut score = 0i32;
        if entity.kind == EntityKind::Person {
            match alias.part {
                NamePart::Surname => {
                    // Initials before a surname must be this person's.
                    if let Some((first, letters)) = initials_before(doc, i) {
                        let (g, p) = entity.initials;
                        let ok = match letters.as_slice() {
                            [a] => Some(*a) == g,
                            [a, b] => Some(*a) == g && (p.is_none() || Some(*b) == p),
                            _ => false,
                        };
                        if !ok {
                            return None;
                        }
                        start = first;
                        score += 4;
                    }
                    // Another person with this surname already named in the article wins.
                    if doc.used_gazetteer(p.entity).is_some() {
                        score += 8;
                    }
                    // «Клинтон заявила», «сказал Буш»: a past-tense verb beside the surname
                    // agrees with the person's sex; it outweighs office (Hillary and Bill
                    // Clinton both held one).
                    if let Some(g) = past_verb_gender_beside(doc, i, len) {
                        score += if (g == Gender::Fem) == entity.female {
                            4
                        } else {
                            -4
                        };
                    }
                    if gaz.offices().is_office_holder(p.entity) {
                        score += 2;
                        // «Алиевым» in 2023 is Ilham, not Heydar: the one in office on the
                        // article's date; else one who left office in the five years before
                        // it («Кушнер» in 2024 is Jared, adviser until 2021, not Bernard,
                        // foreign minister until 2010).
                        // Of two in office, the head of state («Жапаров» in 2024 is Sadyr,
                        // the president, not Akylbek, his prime minister).
                        let offices = gaz.offices();
                        score += match doc.date {
                            Some(d) => {
                                let mut roles = offices.roles_of(p.entity, d).peekable();
                                if roles.peek().is_some() {
                                    2 + i32::from(roles.any(|(_, r)| r == Role::HeadOfState))
                                } else {
                                    i32::from(offices.recently_held(p.entity, d, 5))
                                }
                            }
                            None => 0,
                        };
                    }
                }
                // «Владимир Владимирович»: the person of the article with that name and
                // patronymic, else the office holder.
                NamePart::GivenPatronymic => {
                    score += 1;
                    if doc.used_gazetteer(p.entity).is_some() {
                        score += 8;
                    }
                    if gaz.offices().is_office_holder(p.entity) {
                        score += 2;
                    }
                }
                _ => score += 6,
            }
        } else {
            score += 10
                - match entity.kind {
                    EntityKind::Country => 0,
                    EntityKind::City => 1,
                    EntityKind::Region => 2,
                    EntityKind::Organization => 3,
                    EntityKind::Event => 3,
                    EntityKind::Person => 4,
                };
            if doc.used_gazetteer(p.entity).is_some() {
                score += 1;
            }
        }
        Some((score, start))
    }

    /// Evidence for an alias marked ambiguous: a type word before it, quotes around it, or
    /// for a city a capital letter in mid-sentence after a preposition of place in the case it
    /// governs («в Бостоне», «из Марселя»): neither the common word («бостон», the cloth) nor
    /// a person reading («Борисов») is written so there.
    fn has_evidence(
        &self,
        doc: &Doc<'_>,
        i: usize,
        len: usize,
        kind: EntityKind,
        cases: CaseSet,
    ) -> bool {
        if kind == EntityKind::City
            && i > 0
            && doc.tokens[i].shape == Shape::Title
            && !doc.starts_clause(i - 1)
        {
            let governed = match doc.fold_of(i - 1) {
                "в" | "во" => Some(Case::Loc),
                "из" | "до" | "около" | "возле" | "близ" => Some(Case::Gen),
                _ => None,
            };
            if governed.is_some_and(|c| cases.contains(c)) {
                return true;
            }
        }
        if i > 0 {
            let prev = doc.fold_of(i - 1);
            let prev = if prev == "." && i > 1 {
                doc.fold_of(i - 2)
            } else {
                prev
            };
            if TYPE_WORDS
                .iter()
                .any(|(w, kinds)| *w == prev && kinds.contains(&kind))
            {
                return true;
            }
        }
        let quoted = i > 0 && doc.is_punct(i - 1, "\"") && doc.is_punct(i + len, "\"");
        quoted && matches!(kind, EntityKind::Organization | EntityKind::Event)
    }
}

/// Verbs whose subject is a person: said of a word, they make it a name («Макрон заявил»),
/// not the common noun it also is.
static PERSON_VERBS: crate::text::WordList = crate::text::WordList::new(&[
    "заявить",
    "заявлять",
    "сказать",
    "сообщить",
    "отметить",
    "подчеркнуть",
    "добавить",
    "пояснить",
    "уточнить",
    "напомнить",
    "признать",
    "пообещать",
    "призвать",
    "позвонить",
    "поговорить",
    "встретиться",
    "пригласить",
    "поздравить",
    "выразить",
    "ответить",
    "объявить",
    "принять",
    "посетить",
    "прибыть",
    "прилететь",
    "приехать",
    "провести",
    "подписать",
    "обсудить",
    "выступить",
    "предложить",
    "предлагать",
    "потребовать",
    "подтвердить",
    "поблагодарить",
    "предупредить",
    "попросить",
    "отказаться",
    "пригрозить",
    "раскритиковать",
    "говорить",
]);

/// True when token `k` is a finite singular verb of [`PERSON_VERBS`], or a singular short
/// adjective of intent or conviction that only a person is said to be («Макрон намерен
/// встретиться …», «уверен», «готов», «согласен»).
fn person_verb_after(doc: &Doc<'_>, k: usize) -> bool {
    const PERSON_STATES: &[&str] = &["намеренный", "уверенный", "готовый", "согласный"];
    let k = past_adverbs(doc, k);
    k < doc.tokens.len()
        && doc.tokens[k].sentence == doc.tokens[k - 1].sentence
        && doc.lower(k).is_some_and(|w| {
            w.parses.iter().any(|p| {
                p.number != Some(Number::Plur)
                    && p.prob >= 0.3
                    && (p.pos == Pos::Verb
                        && p.verb_form == Some(VerbForm::Fin)
                        && PERSON_VERBS.contains(&p.lemma)
                        || p.pos == Pos::Adj && p.short && PERSON_STATES.contains(&&*p.lemma))
            })
        })
}

/// The first token from `k` on that is not one of up to two lower-case adverbs or particles
/// in the sentence of `k - 1`, nor «вместе с» and a capitalised name: «Макрон и Шольц вместе
/// прибыли», «Макрон сегодня заявил», «Макрон также отметил», «Макрон вместе с Шольцем
/// прибыл» keep the verb that shows the name a person's.
fn past_adverbs(doc: &Doc<'_>, k: usize) -> usize {
    let same =
        |t: usize| t < doc.tokens.len() && doc.tokens[t].sentence == doc.tokens[k - 1].sentence;
    let mut v = k;
    if same(v + 2)
        && matches!(doc.fold_of(v), "вместе" | "совместно")
        && matches!(doc.fold_of(v + 1), "с" | "со")
        && doc.tokens[v + 2].shape == Shape::Title
    {
        v += 3;
        // A second word of the name («с Олафом Шольцем»).
        if same(v) && doc.tokens[v].shape == Shape::Title {
            v += 1;
        }
        return v;
    }
    while v < k + 2
        && v < doc.tokens.len()
        && doc.tokens[v].sentence == doc.tokens[k - 1].sentence
        && doc.tokens[v].shape == Shape::Lower
        && doc
            .lower(v)
            .and_then(|w| w.best())
            .is_some_and(|p| matches!(p.pos, Pos::Adv | Pos::Part))
    {
        v += 1;
    }
    v
}

/// «Макрон и Шольц провели переговоры»: «и», a capitalised word and a plural verb only a
/// person does, right after token `k - 1` (adverbs aside), in the same sentence.
fn name_coordinated_after(doc: &Doc<'_>, k: usize) -> bool {
    if !(k + 2 < doc.tokens.len()
        && doc.tokens[k + 2].sentence == doc.tokens[k - 1].sentence
        && doc.fold_of(k) == "и"
        && doc.tokens[k + 1].shape == Shape::Title)
    {
        return false;
    }
    let v = past_adverbs(doc, k + 2);
    v < doc.tokens.len()
        && doc.tokens[v].sentence == doc.tokens[k - 1].sentence
        && doc.lower(v).is_some_and(|w| {
            w.parses.iter().any(|p| {
                p.pos == Pos::Verb
                    && p.verb_form == Some(VerbForm::Fin)
                    && p.number == Some(Number::Plur)
                    && p.prob >= 0.3
                    && PERSON_VERBS.contains(&p.lemma)
            })
        })
}

/// The gender of a past-tense singular verb right after a name at `i..i + len`, or right
/// before it («заявила Клинтон»), in the same sentence: the sex of the person named, when the
/// verb's reading is a likely one.
fn past_verb_gender_beside(doc: &Doc<'_>, i: usize, len: usize) -> Option<Gender> {
    let gender_at = |k: usize| -> Option<Gender> {
        if k >= doc.tokens.len() || doc.tokens[k].sentence != doc.tokens[i].sentence {
            return None;
        }
        doc.lower(k)?
            .parses
            .iter()
            .find(|p| {
                p.pos == Pos::Verb
                    && p.verb_form == Some(VerbForm::Fin)
                    && p.tense == Some(Tense::Past)
                    && p.number == Some(Number::Sing)
                    && p.prob >= 0.3
            })
            .and_then(|p| p.gender)
            .filter(|&g| g != Gender::Neut)
    };
    gender_at(i + len).or_else(|| i.checked_sub(1).and_then(gender_at))
}

/// True when token `i` reads as part of a person's name: a given name followed by an agreeing
/// surname-like word, or a word after a given name (and not after a preposition: «в Софии»).
fn part_of_person_name(doc: &Doc<'_>, i: usize) -> bool {
    const PLACE_PREPOSITIONS: &[&str] = &[
        "в",
        "во",
        "из",
        "до",
        "под",
        "над",
        "на",
        "к",
        "ко",
        "у",
        "от",
        "через",
        "около",
        "возле",
    ];
    if i > 0 && PLACE_PREPOSITIONS.contains(&doc.fold_of(i - 1)) {
        return false;
    }
    let name_cases = |k: usize, types: &[NameType]| {
        doc.word(k)
            .map(|w| w.cases(|p| p.name.is_some_and(|n| types.contains(&n)) || p.guessed))
            .unwrap_or_default()
    };
    let title = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.shape == Shape::Title && t.kind == TokenKind::Word)
    };
    let same_sentence = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.sentence == doc.tokens[i].sentence)
    };
    let given_here = name_cases(i, &[NameType::Given]);
    if !given_here.is_empty() && title(i + 1) && same_sentence(i + 1) {
        let next = name_cases(i + 1, &[NameType::Surname, NameType::Patronymic]);
        if !next.intersect(given_here).is_empty() {
            return true;
        }
        // A confident given name before any capitalised word in mid-sentence: «Владимир
        // Винокур», whatever the dictionary says «винокур» is.
        let confident = doc
            .word(i)
            .is_some_and(|w| w.prob(|p| p.name == Some(NameType::Given)) >= 0.5);
        let function = doc.lower(i + 1).is_some_and(|w| w.function_or_verb());
        if confident && !function && !doc.starts_clause(i + 1) {
            return true;
        }
    }
    if i > 0 && title(i - 1) && same_sentence(i - 1) {
        // «Лино Овьедо», «Андрияну Григорьевичу Николаеву»: after a given name or a
        // patronymic the word is the surname.
        let name_before = doc
            .word(i - 1)
            .map(|w| w.prob(|p| matches!(p.name, Some(NameType::Given | NameType::Patronymic))))
            .unwrap_or(0.0);
        // The parts of a name agree in case: «Раис Татарстана» (the title of Tatarstan's
        // head, which the dictionary knows only as a given name) is a nominative before a
        // region that can only be a genitive. A word of no known case may be any.
        let before_cases = doc
            .word(i - 1)
            .map(|w| w.name_cases(&[NameType::Given, NameType::Patronymic]))
            .unwrap_or_default();
        let here_cases = doc
            .word(i)
            .map(|w| w.cases(|p| !p.indeclinable))
            .unwrap_or_default();
        let disagree = !before_cases.is_empty()
            && !here_cases.is_empty()
            && before_cases.intersect(here_cases).is_empty();
        if name_before >= 0.5 && !disagree {
            return true;
        }
    }
    // «А. Г. Николаева», «Н. В. Томского»: initials name a person.
    initials_before(doc, i).is_some()
}

/// Initials right before token `i` («В. В.», «В.В.», «В.»): the first token and the letters.
fn initials_before(doc: &Doc<'_>, i: usize) -> Option<(usize, Vec<char>)> {
    let mut letters = Vec::new();
    let mut j = i;
    let range = &doc.sentence_tokens[doc.tokens[i].sentence as usize];
    while j >= range.start + 2 && letters.len() < 2 {
        if !doc.is_punct(j - 1, ".") {
            break;
        }
        let t = &doc.tokens[j - 2];
        let text = doc.text_of(j - 2);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if t.kind == TokenKind::Word && c.is_uppercase() => {
                letters.push(c);
                j -= 2;
            }
            _ => break,
        }
    }
    if letters.is_empty() {
        return None;
    }
    letters.reverse();
    Some((j, letters))
}

/// True when token `k` is «и» or a comma and a name of kind `kind` that is no common word
/// starts right after it, capitalised: «Сбербанк и ВТБ», «Арсенал и Челси».
fn listed_with_kin(doc: &Doc<'_>, gaz: &Gazetteer, k: usize, kind: EntityKind) -> bool {
    let j = k + 1;
    if j >= doc.tokens.len()
        || !(doc.fold_of(k) == "и" || doc.is_punct(k, ","))
        || matches!(doc.tokens[j].shape, Shape::Lower | Shape::NoLetter)
    {
        return false;
    }
    let start = doc.starts.get(j).map_or(NO_STATE, |s| s[0]);
    if start == NO_STATE {
        return false;
    }
    let end = doc.sentence_tokens[doc.tokens[j].sentence as usize].end;
    let mut found = Vec::new();
    gaz.names()
        .matches_from(&doc.norm.fold, doc.tokens, j, end, start, &mut found);
    found.iter().any(|&(_, group)| {
        gaz.names()
            .postings(group)
            .iter()
            .any(|p| gaz.entity(p.entity).kind == kind && !gaz.alias(p.alias).flags.ambiguous)
    })
}
