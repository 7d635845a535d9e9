//! Titles resolved to the office holder on the article date.
//!
//! «Глава Казахстана», «президент Республики Казахстан», «российский лидер», «премьер-министр
//! Японии»: a title phrase from `titles.tsv` with a country after it (genitive) or a country
//! adjective before it becomes a PERSON mention of whoever held that role in that country on
//! the article's date. When a person's name follows the title («президент Франции Эммануэль
//! Макрон») the title is that person. A title with no country, or one qualified as former or
//! future («бывший президент»), resolves to nobody. «Глава» with a country adjective and the
//! body it heads («глава северокорейского МИД», «главы российского правительства») resolves
//! too.

use crate::doc::{Doc, MentionDraft};
use crate::gazetteer::Role;
use crate::model::{EntityKind, Via};
use crate::morph::{Case, Pos};
use crate::text::Shape;

/// Words before a title that make it refer to someone other than the current holder.
static NOT_CURRENT: crate::text::WordList = crate::text::WordList::new(&[
    "бывший",
    "бывшего",
    "бывшему",
    "бывшим",
    "бывшем",
    "экс",
    "покойный",
    "покойного",
    "прежний",
    "прежнего",
    "тогдашний",
    "тогдашнего",
    "будущий",
    "будущего",
    "избранный",
    "избранного",
    "новый",
    "нового",
    "новым",
    "новому",
    "следующий",
    "следующего",
    "вице",
    "предыдущий",
    "предыдущего",
    "первый",
    "первого",
    "и.о",
    "врио",
    "свергнутый",
    "свергнутого",
    "свергнутому",
    "свергнутым",
    "отставной",
    "отставного",
    "низложенный",
    "низложенного",
]);

/// Nouns for an office itself: «занимал пост главы правительства Египта» names the post, not
/// whoever holds it now.
static POST: crate::text::WordList = crate::text::WordList::new(&[
    "пост",
    "поста",
    "посту",
    "постом",
    "должность",
    "должности",
    "должностью",
    "кресло",
    "кресла",
    // «на выборах президента США»: the office being filled.
    "выборы",
    "выборов",
    "выборам",
    "выборами",
    "выборах",
]);

/// Whether a title (nominative, as in `titles.tsv`) names a woman (`Some(true)`), a man
/// (`Some(false)`), or either (`None`): most offices are masculine nouns whoever holds them,
/// a monarch's are not.
fn female_title(title: &str) -> Option<bool> {
    match title {
        "королева" | "императрица" | "царица" => Some(true),
        "король" | "император" | "царь" => Some(false),
        _ => None,
    }
}

/// Resolves titles. Holds no state.
#[derive(Debug, Default, Clone, Copy)]
pub struct TitleResolver;

impl TitleResolver {
    /// Adds a PERSON mention for every title that resolves to a person.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let gaz = doc.gazetteer;
        let mut found = Vec::new();
        let mut added = Vec::new();
        // Tokens inside a person's name of two words or more: «Артёму Королёву» holds no
        // queen («королеву»). A lone capitalised word may be a title at the start of a
        // sentence that the person finder took for a surname («Королевой Великобритании она
        // была провозглашена …»).
        // (Worked out at the first title: most articles have none.)
        let mut in_name: Option<Vec<bool>> = None;
        // Spans of names the person finder made of a title's words, given to the title.
        let mut replaced: Vec<std::ops::Range<usize>> = Vec::new();
        let mut seen = Vec::new();
        for s in 0..doc.sentence_tokens.len() {
            let range = doc.sentence_tokens[s].clone();
            let mut i = range.start;
            while i < range.end {
                gaz.titles().matches_from(
                    &doc.norm.fold,
                    doc.tokens,
                    i,
                    range.end,
                    doc.starts[i][1],
                    &mut found,
                );
                let Some(&(len, group)) = found.last() else {
                    i += 1;
                    continue;
                };
                let end = i + len;
                let in_name = in_name.get_or_insert_with(|| {
                    let mut marks = vec![false; doc.tokens.len()];
                    for m in doc
                        .mentions
                        .iter()
                        .filter(|m| m.kind == EntityKind::Person && m.tokens.len() >= 2)
                    {
                        marks[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
                    }
                    marks
                });
                // «Папы Римского»: a name the person finder read into a title's very words is
                // the title.
                let whole_title = in_name[i]
                    && doc.mentions_at(i).iter().any(|m| {
                        m.kind == EntityKind::Person
                            && m.via == Via::Morphology
                            && m.tokens == (i..end)
                    });
                // «бывший президент», «первый чернокожий президент»: an adjective may stand
                // between.
                let not_current = (i > range.start && NOT_CURRENT.contains(doc.fold_of(i - 1)))
                    || (i > range.start + 1
                        && NOT_CURRENT.contains(doc.fold_of(i - 2))
                        && doc
                            .lower(i - 1)
                            .is_some_and(|w| w.prob(|p| p.pos == Pos::Adj) >= 0.5));
                if (in_name[i] && !whole_title) || not_current {
                    i = end;
                    continue;
                }
                match self.resolve(doc, i, end, group, &mut seen) {
                    Some((span, entity, cases)) => {
                        if whole_title {
                            replaced.push(i..end);
                        }
                        added.push(MentionDraft {
                            tokens: span.clone(),
                            entity,
                            kind: EntityKind::Person,
                            via: Via::Title,
                            cases,
                            sentence: s as u32,
                            surname_only: false,
                        });
                        i = span.end.max(i + 1);
                    }
                    None => i = end,
                }
            }
        }
        if !replaced.is_empty() {
            doc.mentions.retain(|m| {
                !(m.kind == EntityKind::Person
                    && m.via == Via::Morphology
                    && replaced.contains(&m.tokens))
            });
        }
        holders_named_in_the_article(doc, &seen, &mut added);
        self.head_with_adjective(doc, &mut added);
        doc.mentions.extend(added);
        doc.mentions
            .sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    }

    /// «глава северокорейского МИД», «глава турецкой дипломатии», «главы российского
    /// правительства»: «глава», a country adjective, and the body it heads.
    fn head_with_adjective(&self, doc: &mut Doc<'_>, added: &mut Vec<MentionDraft>) {
        let gaz = doc.gazetteer;
        let Some(date) = doc.date else { return };
        let mut found = Vec::new();
        // Tokens already inside a resolved title (one pass, so that the check stays linear).
        let mut taken = vec![false; doc.tokens.len()];
        for a in added.iter() {
            taken[a.tokens.clone()].iter_mut().for_each(|t| *t = true);
        }
        for m in &doc.mentions {
            let (start, end) = (m.tokens.start, m.tokens.end);
            if m.via != Via::Adjective
                || m.kind != EntityKind::Country
                || start == 0
                || end >= doc.tokens.len()
                || doc.tokens[end].sentence != m.sentence
                || (start >= 2 && NOT_CURRENT.contains(doc.fold_of(start - 2)))
            {
                continue;
            }
            let head = doc.lower(start - 1).is_some_and(|w| {
                w.parses
                    .iter()
                    .any(|p| p.pos == Pos::Noun && &*p.lemma == "глава")
            });
            // «глава российского государства»: the gazetteer reads «российское государство»
            // as the country itself, so the body is the mention's own last word.
            let own_body = m.tokens.len() >= 2 && doc.fold_of(end - 1) == "государства";
            let role = match doc.fold_of(end) {
                _ if own_body => Role::HeadOfState,
                "мид" | "дипломатии" => Role::ForeignMinister,
                "правительства" | "кабинета" => Role::HeadOfGovernment,
                "государства" => Role::HeadOfState,
                _ => continue,
            };
            // The title's last token.
            let end = if own_body { end - 1 } else { end };
            let Some(country) = doc.entities[m.entity as usize].gaz else {
                continue;
            };
            if !head || taken[start - 1..=end].iter().any(|&t| t) {
                continue;
            }
            // «глава французской дипломатии Жан-Ноэль Барро»: a name after the title says who;
            // the office list may not have caught up with it.
            if doc
                .mentions_at(end + 1)
                .iter()
                .any(|n| n.kind == EntityKind::Person)
            {
                continue;
            }
            if let Some(holder) = gaz.offices().holder(country, role, date) {
                let cases = doc
                    .lower(start - 1)
                    .map(|w| w.cases(|p| &*p.lemma == "глава"))
                    .unwrap_or_default();
                found.push((start - 1..end + 1, holder, cases, m.sentence));
            }
        }
        for (tokens, holder, cases, sentence) in found {
            let entity = doc.intern_gazetteer(holder);
            added.push(MentionDraft {
                tokens,
                entity,
                kind: EntityKind::Person,
                via: Via::Title,
                cases,
                sentence,
                surname_only: false,
            });
        }
    }

    /// «Лукашенко прибыл в Санкт-Петербург. В пятницу глава государства проведёт переговоры
    /// …»: «глава государства» and «глава правительства» with no country refer back to the
    /// first person of the paragraph who held that office on the article date.
    fn antecedent(
        &self,
        doc: &mut Doc<'_>,
        i: usize,
        end: usize,
        postings: &[crate::gazetteer::TitlePosting],
    ) -> Option<(std::ops::Range<usize>, u32, crate::morph::CaseSet)> {
        let role = match (doc.fold_of(i).starts_with("глав"), end == i + 2) {
            (true, true) if doc.fold_of(i + 1) == "государства" => Role::HeadOfState,
            (true, true) if doc.fold_of(i + 1) == "правительства" => {
                Role::HeadOfGovernment
            }
            _ => return None,
        };
        // A name right after says who it is; the name finder links it by itself.
        if doc
            .mentions_at(end)
            .iter()
            .any(|m| m.kind == EntityKind::Person)
        {
            return None;
        }
        let gaz = doc.gazetteer;
        let date = doc.date?;
        let paragraph = |t: usize| doc.sentences[doc.tokens[t].sentence as usize].paragraph;
        let here = paragraph(i);
        let entity = doc
            .mentions
            .iter()
            .take_while(|m| m.tokens.end <= i)
            .filter(|m| m.kind == EntityKind::Person && paragraph(m.tokens.start) == here)
            .find(|m| {
                doc.entities[m.entity as usize]
                    .gaz
                    .is_some_and(|g| gaz.offices().roles_of(g, date).any(|(_, r)| r == role))
            })?
            .entity;
        let posting = postings
            .iter()
            .find(|p| gaz.title(p.title).country.is_none())?;
        Some((i..end, entity, posting.cases))
    }

    /// The span, person and cases of the title at `i..end` (lexicon group `group`).
    ///
    /// A title of a known country whose holder is not named right after it is also put in
    /// `seen` ([`Seen`]), resolved or not, so that [`TitleResolver::run`] can give it the
    /// holder the article names elsewhere.
    fn resolve(
        &self,
        doc: &mut Doc<'_>,
        i: usize,
        end: usize,
        group: u32,
        seen: &mut Vec<Seen>,
    ) -> Option<(std::ops::Range<usize>, u32, crate::morph::CaseSet)> {
        let gaz = doc.gazetteer;
        // The country: a genitive COUNTRY name right after, or an adjective right before. An
        // organisation after the title («генсек ООН», «глава Еврокомиссии») counts only where a
        // title of its own names it.
        let postings = gaz.titles().postings(group);
        let after = doc.mentions_at(end).iter().find(|m| {
            m.via == Via::Gazetteer
                && m.cases.contains(Case::Gen)
                && match m.kind {
                    EntityKind::Country => true,
                    EntityKind::Organization => {
                        let org = doc.entities[m.entity as usize].gaz;
                        org.is_some() && postings.iter().any(|p| gaz.title(p.title).country == org)
                    }
                    _ => false,
                }
        });
        let before = doc
            .mentions_ending_at(i, 8)
            .find(|m| m.kind == EntityKind::Country && m.via == Via::Adjective);
        let (span, context) = match (after, before) {
            (Some(m), _) => (i..m.tokens.end, doc.entities[m.entity as usize].gaz),
            (None, Some(m)) => (m.tokens.start..end, doc.entities[m.entity as usize].gaz),
            (None, None) => match country_of_strany(doc, i, end) {
                Some(country) => (i..end + 1, Some(country)),
                None => (i..end, None),
            },
        };
        if span.start != i && span.start > 0 && NOT_CURRENT.contains(doc.fold_of(span.start - 1)) {
            return None;
        }
        // «Главы МИД России и Турции встретились»: a title with several countries is the
        // plural, the holders of each (the event extractor reads them).
        if after.is_some()
            && span.end + 1 < doc.tokens.len()
            && doc.fold_of(span.end) == "и"
            && doc
                .mentions_at(span.end + 1)
                .iter()
                .any(|m| m.kind == EntityKind::Country && m.via == Via::Gazetteer)
        {
            return None;
        }
        // A title restricted to the context country wins («президент» of Iran is its head of
        // government); without a context country only a title that exists for one country
        // alone resolves («госсекретарь» → the US), never a bare «президент».
        let (posting, country) = match context {
            Some(c) => {
                let p = postings
                    .iter()
                    .find(|p| gaz.title(p.title).country == Some(c))
                    .or_else(|| {
                        postings
                            .iter()
                            .find(|p| gaz.title(p.title).country.is_none())
                    })?;
                (*p, c)
            }
            None => {
                if postings
                    .iter()
                    .any(|p| gaz.title(p.title).country.is_none())
                {
                    return self.antecedent(doc, i, end, postings);
                }
                // «Председатель Госсовета КНДР», «председатель Совета Федерации»: a genitive
                // after the title names another office.
                let person_next = doc
                    .mentions_at(end)
                    .iter()
                    .any(|m| m.kind == EntityKind::Person);
                let genitive_next = doc.lower(end).is_some_and(|w| {
                    w.prob(|p| matches!(p.pos, Pos::Noun | Pos::Propn) && p.case == Some(Case::Gen))
                        >= 0.3
                });
                if genitive_next && !person_next {
                    return None;
                }
                // «король» is the king of Britain or of Saudi Arabia: without a country in
                // the text a title that several states use names nobody.
                let p = postings[0];
                let first = gaz.title(p.title).country;
                if postings.iter().any(|q| gaz.title(q.title).country != first) && !person_next {
                    return None;
                }
                let country = gaz.title(p.title).country?;
                // An organisation's title needs the organisation named: a bare «председатель»
                // is not the President of the European Commission.
                if gaz.entity(country).kind == EntityKind::Organization {
                    return None;
                }
                (p, country)
            }
        };
        let role = gaz.title(posting.title).role;
        // A name right after the title is the person it refers to, unless the title is the
        // genitive complement of a person noun before it: in «Спецпосланник президента США Стив
        // Уиткофф», «помощник президента Юрий Ушаков» the name is the envoy's, the aide's.
        // (A word for a person: «беседа премьер-министра Малайзии Анвара Ибрагима» is his.)
        let complement = span.start > 0
            && posting.cases.contains(Case::Gen)
            && doc.tokens[span.start - 1].kind == crate::text::TokenKind::Word
            && doc
                .lower(span.start - 1)
                .is_some_and(|w| w.prob(|p| p.pos == Pos::Noun && p.animate) >= 0.5);
        // (In the title's case: «В телефонном разговоре с президентом Египта Путин обсудил …»
        // names the subject after the title, not its holder.)
        let named = doc
            .mentions_at(span.end)
            .iter()
            .find(|m| {
                m.kind == EntityKind::Person
                    && !complement
                    // (A gazetteer form's cases are known; a name the person finder made of
                    // foreign words may have fewer than it can stand in.)
                    && (m.via != Via::Gazetteer || !m.cases.intersect(posting.cases).is_empty())
            })
            .map(|m| m.entity);
        let key = (role, country);
        // «Кандидат на пост президента США Дональд Трамп»: the name after a post is who seeks
        // or held it, not the holder the rest of the article means by the title.
        // (The title in the genitive: «После выборов президент США пригласил …» is a new
        // phrase.)
        let post = span.start > 0
            && POST.contains(doc.fold_of(span.start - 1))
            && posting.cases.contains(Case::Gen);
        let entity = match named {
            Some(e) => {
                if !post {
                    seen.push(Seen::Named(key, e));
                }
                e
            }
            // «занимал пост главы правительства Египта»: the post, not its holder today.
            None if post => return None,
            // «стал единственным Президентом США», «работал премьером Мали»: what its subject
            // became or was, not whoever holds the office.
            None if predicative(doc, span.start, posting.cases) => return None,
            None => {
                // (In presidential systems the office list makes the head of state the head
                // of government too, so «глава правительства США» resolves from the data.)
                let holder = doc
                    .date
                    .and_then(|date| gaz.offices().holder(country, role, date));
                // «королева» of a year when a king reigns is no head of state (the queen
                // consort), nor is «король» a reigning queen.
                let holder = holder.filter(|&h| {
                    female_title(&gaz.title(posting.title).title)
                        .is_none_or(|f| f == gaz.entity(h).female)
                });
                let sentence = doc.tokens[i].sentence;
                let Some(holder) = holder else {
                    seen.push(Seen::Unknown(key, span, posting.cases, sentence));
                    return None;
                };
                let entity = doc.intern_gazetteer(holder);
                holder_named_after(doc, span.end, entity);
                seen.push(Seen::FromData(key, span.clone()));
                entity
            }
        };
        Some((span, entity, posting.cases))
    }
}

/// Verbs whose instrumental complement says what their subject is, was or became.
static LINKING_VERBS: crate::text::WordList = crate::text::WordList::new(&[
    "стать",
    "становиться",
    "быть",
    "являться",
    "работать",
    "служить",
    "оставаться",
    "остаться",
    "избрать",
    "избирать",
    // Not «назначить»: «назначен президентом» is as often by the president as as one.
    "выбрать",
    "выбирать",
    "считаться",
]);

/// True when a title starting at `start` in the instrumental (`cases` of the matched form)
/// is the complement of a linking verb right before it, up to three adjectives between
/// («стал самым долгоживущим Президентом США», «был избран президентом»).
fn predicative(doc: &Doc<'_>, start: usize, cases: crate::morph::CaseSet) -> bool {
    if !cases.contains(Case::Ins) || cases.contains(Case::Nom) {
        return false;
    }
    let sentence = &doc.sentence_tokens[doc.tokens[start].sentence as usize];
    // Back over adjectives («самым молодым», «первым чернокожим») to the verb: not over
    // anything else («будет ветирован президентом», «был одобрен императором»: the agent).
    // (Full adjectives in the instrumental, agreeing with the title: not «остался недоволен
    // президентом Украины», a short adjective governing it.)
    let adjective = |k: usize| {
        doc.tokens[k].kind == crate::text::TokenKind::Word
            && doc.lower(k).is_some_and(|w| {
                w.prob(|p| matches!(p.pos, Pos::Adj | Pos::Det)) >= 0.5
                    && w.parses.iter().any(|p| {
                        matches!(p.pos, Pos::Adj | Pos::Det)
                            && !p.short
                            && p.case == Some(Case::Ins)
                    })
            })
    };
    let mut k = start;
    while k > sentence.start && start - k < 3 && adjective(k - 1) {
        k -= 1;
    }
    k > sentence.start
        && doc.lower(k - 1).is_some_and(|w| {
            w.parses
                .iter()
                .any(|p| matches!(p.pos, Pos::Verb | Pos::Aux) && LINKING_VERBS.contains(&p.lemma))
        })
}

/// A title of a known country met in an article, by how its holder was found: the office
/// and the country are its key.
enum Seen {
    /// A name right after the title: «президентом Эквадора Рафаэлем Корреа».
    Named((Role, u32), u32),
    /// The holder on the article date from the office data (the span of the mention).
    FromData((Role, u32), std::ops::Range<usize>),
    /// No holder known (no article date, or none in the office data): the span, cases and
    /// sentence a mention would have.
    Unknown(
        (Role, u32),
        std::ops::Range<usize>,
        crate::morph::CaseSet,
        u32,
    ),
}

/// «Байден беседовал с президентом Эквадора … Байден побеседовал с президентом Эквадора
/// Рафаэлем Корреа»: the holder an article names after a title is whom the same title of
/// the same country means elsewhere in it, before or after, whether the office data knows no
/// holder (no article date, a country it lacks) or another one (it was frozen in 2022; the
/// article may be of a later term). Two different names after one title leave the others
/// as they were. A name the person finder made that is the data's holder's own name
/// declined its own way («Хавьером Милеем» → «Хавьер Милеем») is that holder instead.
fn holders_named_in_the_article(doc: &mut Doc<'_>, seen: &[Seen], added: &mut Vec<MentionDraft>) {
    // A name the gazetteer knows, or a full name the person finder made: a lone word after
    // a title may begin a clause of its own («на посту главы правительства Мали Кейта …»).
    let entities = &doc.entities;
    let named = |key: (Role, u32)| {
        let mut names = seen.iter().filter_map(|s| match s {
            Seen::Named(k, e) if *k == key => Some(*e),
            _ => None,
        });
        let first = names.next()?;
        let full = |e: u32| {
            let entity = &entities[e as usize];
            entity.gaz.is_some() || entity.name.contains(' ')
        };
        (full(first) && names.all(|e| e == first)).then_some(first)
    };
    for s in seen {
        match s {
            Seen::FromData(key, span) => {
                let Some(e) = named(*key) else {
                    continue;
                };
                let Some(holder) = added.iter().find(|m| m.tokens == *span).map(|m| m.entity)
                else {
                    continue;
                };
                if holder == e {
                    continue;
                }
                if doc.entities[e as usize].gaz.is_none() && same_name(doc, e, holder) {
                    for m in doc.mentions.iter_mut().chain(added.iter_mut()) {
                        if m.entity == e {
                            m.entity = holder;
                        }
                    }
                } else {
                    for m in added.iter_mut().filter(|m| m.tokens == *span) {
                        m.entity = e;
                    }
                }
            }
            Seen::Unknown(key, span, cases, sentence) => {
                if let Some(entity) = named(*key) {
                    added.push(MentionDraft {
                        tokens: span.clone(),
                        entity,
                        kind: EntityKind::Person,
                        via: Via::Title,
                        cases: *cases,
                        sentence: *sentence,
                        surname_only: false,
                    });
                }
            }
            Seen::Named(..) => {}
        }
    }
}

/// «с президентом ОАЭ шейхом Мухаммедом бен Заидом Аль Нахайяном»: a name a word or two
/// after a title resolved to its holder `entity` (a document entity), which the person
/// finder made from the holder's own name declined its own way, is the holder: its mentions
/// in the article are relinked.
fn holder_named_after(doc: &mut Doc<'_>, at: usize, entity: u32) {
    let sentence = doc.tokens.get(at.saturating_sub(1)).map(|t| t.sentence);
    let found = (at..(at + 3).min(doc.tokens.len()))
        .take_while(|&k| {
            Some(doc.tokens[k].sentence) == sentence
                && (k == at || doc.tokens[k - 1].shape == Shape::Lower)
        })
        .find_map(|k| {
            doc.mentions_at(k)
                .iter()
                .find(|m| m.kind == EntityKind::Person && m.via == Via::Morphology)
                .map(|m| m.entity)
        });
    let Some(other) = found.filter(|&e| e != entity) else {
        return;
    };
    if same_name(doc, other, entity) {
        for m in doc.mentions.iter_mut().filter(|m| m.entity == other) {
            m.entity = entity;
        }
    }
}

/// True when document entities `a` and `b` have word by word the same name, each word up to
/// its ending (at most two letters): «Хавьер Милеем» as the person finder declined it, and
/// the gazetteer's «Хавьер Милей».
fn same_name(doc: &Doc<'_>, a: u32, b: u32) -> bool {
    let words = |e: u32| -> Vec<String> {
        doc.entities[e as usize]
            .name
            .split(' ')
            .map(crate::text::fold_key)
            .collect()
    };
    let (theirs, holders) = (words(a), words(b));
    theirs.len() == holders.len()
        && theirs.iter().zip(&holders).all(|(a, b)| {
            let stem = |w: &str| w.chars().count().saturating_sub(2).max(3);
            let n = stem(a).min(stem(b));
            a.chars().take(n).eq(b.chars().take(n))
        })
}

/// Sentences back that «страны» may reach for its country.
const STRANY_REACH: u32 = 4;

/// «встретился с президентом страны», «министр иностранных дел страны»: «страны» right after
/// a title is the country last named before it, in the same sentence or a few sentences back
/// («Лавров прибыл в Турцию. В Анкаре он встретился с президентом страны»). Its gazetteer
/// index, if the country is a gazetteer one.
fn country_of_strany(doc: &Doc<'_>, i: usize, end: usize) -> Option<u32> {
    if end >= doc.tokens.len()
        || doc.fold_of(end) != "страны"
        || doc.tokens[end].sentence != doc.tokens[i].sentence
    {
        return None;
    }
    let sentence = doc.tokens[i].sentence;
    let upto = doc.mentions.partition_point(|m| m.tokens.start < i);
    doc.mentions[..upto]
        .iter()
        .rev()
        .take_while(|m| sentence - m.sentence <= STRANY_REACH)
        .find(|m| m.kind == EntityKind::Country && m.tokens.end <= i)
        .and_then(|m| doc.entities[m.entity as usize].gaz)
}
