//! Contact events — meetings, talks, visits, calls, invitations — from the grammar of the
//! sentence.
//!
//! A trigger word (by lemma: «встретиться», «встреча», «переговоры», «принять», «прибыть»,
//! «визит», «созвониться», «пригласить», «приглашение» …) opens an event. Its participants come
//! from case and prepositions: the subject in the nominative with everything coordinated to it,
//! «с» + instrumental, «между» + instrumental, a genitive after a noun («встреча Путина и
//! Токаева»), the accusative object of «принял»; plural references («главы государств»,
//! «президенты», «стороны») and «коллега» resolve to the people the article is about;
//! «я/мы/наш» and «вы/ваш» inside a quotation resolve to its speaker and addressee. The place is
//! a city or country governed by «в»/«на» in the clause (the destination, for a visit), else
//! the host's capital, else the place the visitor had arrived at. The date is a date in the
//! sentence, else one earlier in the paragraph, else the article date for past-tense reports.
//! The status comes from cue words in the clause and the tense of the verb; cancelled and
//! hypothetical cues win over planned, planned over happened.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::doc::{DateDraft, Doc, EventDraft};
use crate::gazetteer::Role;
use crate::model::{DateValue, EntityKind, EventType, Status, Via};
use crate::morph::{Case, Memo, NameType, Number, Pos, Tense, VerbForm, WordInfo};
use crate::text::chars::is_alnum;
use crate::text::{Shape, TokenKind};

/// What a trigger word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// «встретиться», «встречаться»
    MeetVerb,
    /// «встреча», «саммит» is not one: a summit is not a bilateral contact.
    MeetNoun,
    /// «переговоры»
    TalksNoun,
    /// «переговорить», «провести переговоры» is a TalksNoun.
    TalksVerb,
    /// «принять» a person (as host).
    Receive,
    /// «прибыть», «приехать», «прилететь», «посетить», «побывать»
    Arrive,
    /// «визит», «поездка», «госвизит»
    VisitNoun,
    /// «созвониться», «позвонить»
    CallVerb,
    /// «телефонный разговор», «разговор по телефону», «видеоконференция»
    CallNoun,
    /// «пригласить»
    InviteVerb,
    /// «приглашение»
    InviteNoun,
    /// «обсудят», «говорили», «беседовали» right after a visit by one of the sides:
    /// «Президент Казахстана прибудет в Москву. Токаев и Путин обсудят …».
    Discuss,
    /// «Путин обсудил с Токаевым …», «Путин и Токаев обсудили …» with no other contact named:
    /// talks of the people named as the sides, and only of them.
    DiscussNamed,
}

impl Trigger {
    fn event_type(self) -> EventType {
        match self {
            Trigger::MeetVerb | Trigger::MeetNoun | Trigger::Receive => EventType::Meeting,
            Trigger::TalksNoun | Trigger::TalksVerb | Trigger::Discuss | Trigger::DiscussNamed => {
                EventType::Talks
            }
            Trigger::Arrive | Trigger::VisitNoun => EventType::Visit,
            Trigger::CallVerb | Trigger::CallNoun => EventType::PhoneCall,
            Trigger::InviteVerb | Trigger::InviteNoun => EventType::Invitation,
        }
    }

    fn is_noun(self) -> bool {
        matches!(
            self,
            Trigger::MeetNoun
                | Trigger::TalksNoun
                | Trigger::VisitNoun
                | Trigger::CallNoun
                | Trigger::InviteNoun
        )
    }
}

const LEMMAS: &[(&str, Trigger)] = &[
    ("встретиться", Trigger::MeetVerb),
    ("встречаться", Trigger::MeetVerb),
    ("встреча", Trigger::MeetNoun),
    // «провели совместную пресс-конференцию»: only a joint one (see `trigger_at`).
    ("пресс-конференция", Trigger::MeetNoun),
    ("переговоры", Trigger::TalksNoun),
    ("переговор", Trigger::TalksNoun),
    ("переговорить", Trigger::TalksVerb),
    ("консультация", Trigger::TalksNoun),
    ("видеовстреча", Trigger::CallNoun),
    ("принять", Trigger::Receive),
    ("принимать", Trigger::Receive),
    // «в аэропорту его встретил Токаев»: a host greeting a guest receives him.
    ("встретить", Trigger::Receive),
    ("прибыть", Trigger::Arrive),
    ("направиться", Trigger::Arrive),
    ("отправиться", Trigger::Arrive),
    ("прибывать", Trigger::Arrive),
    ("приезжать", Trigger::Arrive),
    ("прилетать", Trigger::Arrive),
    ("приехать", Trigger::Arrive),
    // «не планирует ехать в Казань», «поедет в Пекин», «съездил в Минск»
    ("поехать", Trigger::Arrive),
    ("ехать", Trigger::Arrive),
    ("съездить", Trigger::Arrive),
    ("прилететь", Trigger::Arrive),
    ("посетить", Trigger::Arrive),
    ("посещать", Trigger::Arrive),
    ("побывать", Trigger::Arrive),
    ("визит", Trigger::VisitNoun),
    ("госвизит", Trigger::VisitNoun),
    ("поездка", Trigger::VisitNoun),
    ("турне", Trigger::VisitNoun),
    // «коротко пообщались на полях саммита», «лидеры общались в Осаке»; «по телефону» makes
    // it a call.
    ("общение", Trigger::MeetNoun),
    ("пообщаться", Trigger::MeetVerb),
    ("общаться", Trigger::MeetVerb),
    // «побеседовал с Макроном на полях саммита», as «беседа с …» is a meeting; «коротко
    // разговаривали в Нью-Дели».
    ("побеседовать", Trigger::MeetVerb),
    ("беседовать", Trigger::MeetVerb),
    ("разговаривать", Trigger::MeetVerb),
    ("созвониться", Trigger::CallVerb),
    ("увидеться", Trigger::MeetVerb),
    ("собраться", Trigger::MeetVerb),
    ("созваниваться", Trigger::CallVerb),
    ("позвонить", Trigger::CallVerb),
    ("видеоконференция", Trigger::CallNoun),
    ("пригласить", Trigger::InviteVerb),
    ("приглашать", Trigger::InviteVerb),
    ("приглашение", Trigger::InviteNoun),
];

/// Cue phrases (folded, matched at a word start) and the status they signal.
const CUES: &[(&str, Status)] = &[
    ("отмен", Status::Cancelled),
    ("перенес", Status::Cancelled),
    ("перенос", Status::Cancelled),
    ("отлож", Status::Cancelled),
    ("отклад", Status::Cancelled),
    ("не состоял", Status::Cancelled),
    // «не проводили переговоров», «не провели встречу», «не проведут»
    ("не провод", Status::Cancelled),
    ("не провел", Status::Cancelled),
    ("не провед", Status::Cancelled),
    ("не состоится", Status::Cancelled),
    ("не состоятся", Status::Cancelled),
    ("сорва", Status::Cancelled),
    ("сорвал", Status::Cancelled),
    ("срыв", Status::Cancelled),
    ("отказал", Status::Cancelled),
    ("отказыва", Status::Cancelled),
    ("опроверг", Status::Cancelled),
    ("не планир", Status::Cancelled),
    ("нет планов", Status::Cancelled),
    ("не будет", Status::Cancelled),
    ("не намерен", Status::Cancelled),
    ("не встрет", Status::Cancelled),
    ("не встреча", Status::Cancelled),
    ("не приед", Status::Cancelled),
    ("не прибуд", Status::Cancelled),
    ("не посет", Status::Cancelled),
    // «не сможет посетить Вашингтон», «не смог приехать»
    ("не смож", Status::Cancelled),
    ("не смог", Status::Cancelled),
    // «Встреча … невозможна», «говорить о встрече преждевременно»
    ("невозможн", Status::Cancelled),
    ("преждевремен", Status::Hypothetical),
    // «встреча не стоит на повестке», «не собирается встречаться»
    ("не стоит на повестк", Status::Cancelled),
    ("нет на повестк", Status::Cancelled),
    ("не собира", Status::Cancelled),
    // «заявил о новых встречах с Путиным», «новый раунд переговоров» (not «на новой встрече
    // обсудили»: the frame of one that took place)
    ("новых встреч", Status::Planned),
    ("новых переговор", Status::Planned),
    ("новый раунд", Status::Planned),
    // «Телефонного разговора … не было», «визит пока не подтверждён»
    ("не было", Status::Cancelled),
    ("не подтвержд", Status::Hypothetical),
    // «Встреча в Будапеште пока не назначена»; «Сроки визита пока не определены»,
    // «Прорабатывается вопрос о визите»: not fixed yet.
    ("не назначен", Status::Hypothetical),
    ("не определен", Status::Hypothetical),
    // (Present tense only: «в ходе визита прорабатывали вопросы» is of a visit that was.)
    ("прорабатывает", Status::Hypothetical),
    ("прорабатываю", Status::Hypothetical),
    // «встреча так и не была назначена»: the passive with «быть» between.
    ("не был назначен", Status::Hypothetical),
    ("не была назначен", Status::Hypothetical),
    ("не были назначен", Status::Hypothetical),
    // «так и не встретились», «так и не была назначена»: it never came to it.
    ("так и не", Status::Cancelled),
    // «Визит …, намеченный на июль, под вопросом»
    ("под вопросом", Status::Hypothetical),
    ("не получил приглашен", Status::Cancelled),
    // «должен был встретиться», «должны были пройти»: a plan that did not come true.
    ("должен был", Status::Cancelled),
    ("должна была", Status::Cancelled),
    ("должны были", Status::Cancelled),
    ("должно было", Status::Cancelled),
    ("может состоя", Status::Hypothetical),
    ("могут состоя", Status::Hypothetical),
    ("может пройти", Status::Hypothetical),
    ("мог бы", Status::Hypothetical),
    ("может", Status::Hypothetical),
    ("могут", Status::Hypothetical),
    ("могли бы", Status::Hypothetical),
    ("возможн", Status::Hypothetical),
    ("не исключ", Status::Hypothetical),
    ("при условии", Status::Hypothetical),
    ("если", Status::Hypothetical),
    ("в случае", Status::Hypothetical),
    ("готов", Status::Hypothetical),
    ("допуска", Status::Hypothetical),
    ("допуст", Status::Hypothetical),
    ("хотел бы", Status::Hypothetical),
    ("хотела бы", Status::Hypothetical),
    ("хотели бы", Status::Hypothetical),
    ("предлож", Status::Hypothetical),
    ("вероятн", Status::Hypothetical),
    ("рассчитыва", Status::Hypothetical),
    ("надеет", Status::Hypothetical),
    // «в надежде добиться встречи с президентом», «пытался вести переговоры», «попытка
    // встретиться»: sought, not had.
    ("в надежде", Status::Hypothetical),
    ("добиться", Status::Hypothetical),
    ("добива", Status::Hypothetical),
    ("пытал", Status::Hypothetical),
    ("пытает", Status::Hypothetical),
    ("попыт", Status::Hypothetical),
    // «под угрозой срыва встреча …»: at risk, not yet called off.
    ("под угрозой", Status::Hypothetical),
    ("не исключено", Status::Hypothetical),
    ("рассматрива", Status::Hypothetical),
    // «Следующая встреча должна пройти в Анкаре» (not «должна была пройти», above).
    ("должна пройти", Status::Planned),
    ("должен пройти", Status::Planned),
    ("должны пройти", Status::Planned),
    ("должно пройти", Status::Planned),
    ("должна состояться", Status::Planned),
    ("должен состояться", Status::Planned),
    ("должны состояться", Status::Planned),
    ("планир", Status::Planned),
    ("запланир", Status::Planned),
    ("намерен", Status::Planned),
    ("намерева", Status::Planned),
    ("предстоящ", Status::Planned),
    ("собира", Status::Planned),
    ("ожида", Status::Planned),
    ("предстоит", Status::Planned),
    ("ждут", Status::Planned),
    ("ждет", Status::Planned),
    ("анонсир", Status::Planned),
    ("готовит", Status::Planned),
    ("готовят", Status::Planned),
    ("пройдет", Status::Planned),
    ("пройдут", Status::Planned),
    ("состоится", Status::Planned),
    ("состоятся", Status::Planned),
    ("будет", Status::Planned),
    ("будут", Status::Planned),
    ("на следующей неделе", Status::Planned),
    ("в ближайшее время", Status::Planned),
];

/// How many earlier events a new one is compared with (merging, places of visits).
const RECENT: usize = 64;

/// Denials: a meeting reported as not being prepared gives no event at all.
const DENIALS: &[&str] = &[
    // «не видит смысла во встрече с Зеленским», «нет смысла встречаться»
    "не видит смысла",
    "не видят смысла",
    "нет смысла",
    "не имеет смысла",
    "опроверг",
    "опровер",
    "отрица",
    "не планир",
    "не ведет",
    "не ведут",
    "не готовит",
    "нет планов",
    "не обсужда",
    "не рассматрива",
    "не запланир",
    "никаких контактов",
];

/// Stages and bouts of a competition in the locative: where two players «встретятся».
static SPORT_STAGES: crate::text::WordList = crate::text::WordList::new(&[
    "финале",
    "полуфинале",
    "четвертьфинале",
    "матче",
    "поединке",
    "бою",
    "раунде",
    "туре",
    "плей-офф",
    "дерби",
]);

/// Words for an office of a state: «с президентом Боливии», «с министром экономики Армении»
/// whose holder the office data lacks (or does not record) has the country as the side.
const HEAD_ROLES: &[&str] = &[
    "министр",
    "вице-президент",
    "вице-премьер",
    "президент",
    "премьер",
    "премьер-министр",
    "глава",
    "лидер",
    "король",
    "королева",
    "монарх",
    "эмир",
    "султан",
    "канцлер",
];

/// Nouns for groups acting for a country: «делегациями России и Китая», «с делегацией
/// Китая».
const DELEGATION_NOUNS: &[&str] = &[
    "делегациями",
    "делегаций",
    "делегации",
    "делегацией",
    "делегацию",
    "представителями",
    "представителей",
    "сторонами",
    "сторон",
    "министрами",
    "министров",
    "военными",
    "военных",
    "дипломатами",
    "дипломатов",
];

/// Plural references to the people an article is about.
static PLURAL_REFS: crate::text::WordList = crate::text::WordList::new(&[
    "главы",
    "глав",
    "лидеры",
    "лидеров",
    "президенты",
    "президентов",
    "стороны",
    "сторон",
    "руководители",
    "руководителей",
    "политики",
    "министры",
    "министров",
    "премьеры",
    "премьеров",
    "они",
    "их",
    "коллеги",
]);

/// Verbs of saying that attribute a quotation to a speaker.
/// Role nouns that, alone, stand for a person named before («министр», «премьер»).
static ROLE_NOUNS: crate::text::WordList = crate::text::WordList::new(&[
    "министр",
    "премьер",
    "президент",
    "канцлер",
    "генсек",
    "глава",
    "лидер",
    "губернатор",
    "мэр",
    "госсекретарь",
    "председатель",
    "король",
    "эмир",
    "спикер",
    "гость",
    "гостья",
    "генерал",
    "посол",
    "монарх",
    "принц",
    "шейх",
    "султан",
    // «понтифик», «генсекретарь»: the person of that role named before. («дипломат» was
    // tried: «По итогам встречи дипломат сообщил, что приедет делегация» made the host, not
    // the envoy, a visitor.)
    "премьер-министр",
    "вице-президент",
    "генсекретарь",
    "понтифик",
]);

static SPEECH_LEMMAS: crate::text::WordList = crate::text::WordList::new(&[
    "заявить",
    "сказать",
    "ответить",
    "отметить",
    "подчеркнуть",
    "добавить",
    "заметить",
    "пояснить",
    "констатировать",
    "сообщить",
    "написать",
    "рассказать",
    "уточнить",
    "признаться",
    "обратиться",
    "говорить",
    "заверить",
    "напомнить",
    "подтвердить",
    "указать",
]);

/// True when some reading of the word is a finite verb of speaking («заявил», «сообщил»).
fn speaking_verb(w: &WordInfo) -> bool {
    w.parses.iter().any(|p| {
        p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Fin) && SPEECH_LEMMAS.contains(&p.lemma)
    })
}

/// A reference to an entity, before it is interned in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ref {
    Doc(u32),
    Gaz(u32),
}

impl Ref {
    /// The kind of entity referred to.
    fn kind(self, doc: &Doc<'_>) -> EntityKind {
        match self {
            Ref::Doc(e) => doc.entities[e as usize].kind,
            Ref::Gaz(g) => doc.gazetteer.entity(g).kind,
        }
    }
}

/// A quotation with who said it and to whom.
#[derive(Clone, Debug)]
struct Quote {
    tokens: Range<usize>,
    speaker: Option<u32>,
    addressee: Option<u32>,
}

/// An entity mention usable as a participant or place: not nested in a person's title.
#[derive(Clone, Debug)]
struct Actor {
    tokens: Range<usize>,
    entity: u32,
    kind: EntityKind,
    cases: crate::morph::CaseSet,
}

/// Extracts contact events. Built once; holds the cue automaton.
#[derive(Debug, Clone)]
pub struct EventExtractor {
    cues: AhoCorasick,
    denials: AhoCorasick,
}

impl Default for EventExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl EventExtractor {
    /// Builds the cue automaton.
    pub fn new() -> EventExtractor {
        // Standard semantics and overlapping search: a cue that is not at a word start
        // («Пекине планируются» holds «не планир») must not hide one that is.
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(CUES.iter().map(|(p, _)| p))
            .expect("a few dozen literal patterns");
        let denials = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(DENIALS)
            .expect("a few literal patterns");
        EventExtractor { cues, denials }
    }

    /// Adds event drafts to `doc`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        // Most articles hold no trigger word at all, and without one nothing below finds an
        // event: the article's actors, public figures and quotations are not worth reading.
        // The triggers of every token, read once: nothing changes the document until the loop
        // over sentences below has used them all (entities are interned only after it).
        let triggers: Vec<Option<Trigger>> =
            (0..doc.tokens.len()).map(|i| trigger_at(doc, i)).collect();
        if triggers.iter().all(Option::is_none) {
            doc.events = Vec::new();
            return;
        }
        let actors = actors(doc);
        let public = Public::of(doc);
        let quotes = quotes(doc, &actors);
        // The quote marks of quotations bound clauses; those around names («Игры будущего») do not.
        let marks: Vec<usize> = quotes
            .iter()
            .flat_map(|q| [q.tokens.start.saturating_sub(1), q.tokens.end])
            .collect();
        let shared = Shared {
            doc,
            triggers: &triggers,
            public: &public,
            actors: &actors,
            quotes: &quotes,
            marks: &marks,
        };
        let mut drafts: Vec<(EventDraft, Vec<Ref>, Option<Ref>)> = Vec::new();
        // The people the article is about so far: the persons of the headline, then the
        // participants of the latest event.
        let mut recent: Vec<u32> = persons_in(doc, &actors, 0);
        let mut visitors: Vec<Visitor> = Vec::new();
        // Contacts of the sentence before whose sentence names fewer than two sides, and those
        // of this sentence.
        let mut sideless: Vec<(EventDraft, Vec<Ref>, Option<Ref>)> = Vec::new();
        let mut fresh = Vec::new();
        for s in 0..doc.sentence_tokens.len() {
            let range = doc.sentence_tokens[s].clone();
            for i in range.clone() {
                let Some(trigger) = triggers[i] else {
                    continue;
                };
                let ctx = shared.at(&recent, &visitors, s, range.clone());
                for found in self.extract(&ctx, i, trigger, &drafts) {
                    if !has_sides(&found) {
                        fresh.push(found);
                        continue;
                    }
                    let persons: Vec<u32> = found
                        .1
                        .iter()
                        .filter_map(|r| match r {
                            Ref::Doc(e) if doc.entities[*e as usize].kind == EntityKind::Person => {
                                Some(*e)
                            }
                            // An office holder named by a title («президентов Узбекистана и
                            // Казахстана») is the article's person when it names them too.
                            Ref::Gaz(g) if doc.gazetteer.entity(*g).kind == EntityKind::Person => {
                                doc.entities
                                    .iter()
                                    .position(|e| e.gaz == Some(*g))
                                    .map(|e| e as u32)
                            }
                            _ => None,
                        })
                        .collect();
                    if found.0.kind == EventType::Visit {
                        visitors.extend(persons.iter().map(|&p| Visitor {
                            person: p,
                            sentence: s as u32,
                            place: found.2,
                        }));
                    }
                    // «Путин принял в Кремле президента Конго … Гость прибыл в Россию»: a
                    // guest received is a visitor (the host comes first, or last when passive).
                    if trigger == Trigger::Receive && persons.len() >= 2 {
                        let guests = if passive(doc, i) {
                            &persons[..1]
                        } else {
                            &persons[1..]
                        };
                        visitors.extend(guests.iter().map(|&p| Visitor {
                            person: p,
                            sentence: s as u32,
                            place: found.2,
                        }));
                    }
                    if found.0.kind.is_contact() && persons.len() >= 2 {
                        recent = persons;
                    } else {
                        for p in persons {
                            if !recent.contains(&p) {
                                recent.push(p);
                            }
                        }
                    }
                    drafts.push(found);
                }
            }
            for (mut draft, had, place) in
                std::mem::replace(&mut sideless, std::mem::take(&mut fresh))
            {
                let ctx = shared.at(&recent, &visitors, s, range.clone());
                let Some(sides) = sides_from_next_sentence(&ctx, &draft, &had, &drafts) else {
                    continue;
                };
                draft.sentences.push(s as u32);
                draft.confidence = (draft.confidence - 0.1).max(0.05);
                // Drafts stay in the order of their first sentences.
                let at = drafts.partition_point(|(d, _, _)| d.sentences[0] < s as u32);
                recent = sides
                    .iter()
                    .filter_map(|r| match *r {
                        Ref::Doc(e) => Some(e),
                        Ref::Gaz(_) => None,
                    })
                    .collect();
                drafts.insert(at, (draft, sides, place));
            }
            // «Мерц и Макрон встретились в Берлине. Позднее к ним присоединился Туск»: who
            // joins a contact of this sentence or the one before is one of its sides.
            let joiners = joiners_in(doc, &actors, &range);
            if !joiners.is_empty()
                && let Some(d) = (0..drafts.len()).rev().find(|&d| {
                    let draft = &drafts[d].0;
                    draft.kind.is_contact()
                        && draft.sentences.iter().any(|&x| {
                            x + 1 >= s as u32
                                && doc.sentences[x as usize].paragraph == doc.sentences[s].paragraph
                        })
                })
            {
                for e in joiners {
                    if !drafts[d].1.contains(&Ref::Doc(e)) {
                        drafts[d].1.push(Ref::Doc(e));
                    }
                }
                if !drafts[d].0.sentences.contains(&(s as u32)) {
                    drafts[d].0.sentences.push(s as u32);
                }
            }
            // «В Кремле состоялись российско-белорусские переговоры. Путин и Лукашенко
            // обсудили …»: a contact of countries in the sentence before takes the people who
            // acted for them.
            if s > 0 {
                let of_countries: Vec<usize> = (0..drafts.len())
                    .rev()
                    .take_while(|&d| drafts[d].0.sentences[0] + 1 >= s as u32)
                    .filter(|&d| {
                        let (draft, parties, _) = &drafts[d];
                        draft.kind.is_contact()
                            && draft.sentences[..] == [s as u32 - 1]
                            && !parties.is_empty()
                            && parties.iter().all(|r| r.kind(doc) == EntityKind::Country)
                    })
                    .collect();
                for d in of_countries {
                    let ctx = shared.at(&recent, &visitors, s, range.clone());
                    let Some(sides) = sides_from_next_sentence(&ctx, &drafts[d].0, &[], &drafts)
                    else {
                        continue;
                    };
                    drafts[d].0.sentences.push(s as u32);
                    drafts[d].1 = sides;
                }
            }
        }
        // «По данным СМИ, X встречался с Y. В Кремле эту информацию опровергли»: a report
        // the next sentence denies gives no event, as a denial in its own sentence does.
        // Only a sentence right after one with an event can deny it: the scan for a verb of
        // denial reads every parse of every token, 2% of a run when it looked at every
        // sentence of every article with a trigger word.
        let mut after_event: Vec<usize> = drafts
            .iter()
            .flat_map(|(d, _, _)| d.sentences.iter().map(|&s| s as usize + 1))
            .filter(|&s| s < doc.sentence_tokens.len())
            .collect();
        after_event.sort_unstable();
        after_event.dedup();
        let denied: Vec<u32> = after_event
            .into_iter()
            .filter(|&s| denies_the_report(doc, s))
            .map(|s| s as u32 - 1)
            .collect();
        if !denied.is_empty() {
            drafts.retain(|(d, _, _)| !d.sentences.iter().all(|s| denied.contains(s)));
        }
        // Intern references and merge duplicates.
        let mut events: Vec<EventDraft> = Vec::new();
        let mut interned = Vec::with_capacity(drafts.len());
        for (mut draft, participants, place) in drafts {
            let mut ids = Vec::new();
            for r in participants {
                let e = resolve(doc, r);
                if !ids.contains(&e) {
                    ids.push(e);
                }
            }
            draft.participants = ids;
            draft.place = place.map(|r| resolve(doc, r));
            interned.push(draft);
        }
        // Whoever meets or calls a public figure in the article acts in public too: «Орбан
        // приехал в Москву … Переговоры венгерского премьера с Путиным».
        let mut met_public: std::collections::HashSet<u32, foldhash::fast::FixedState> =
            std::collections::HashSet::default();
        for d in interned.iter().filter(|d| d.kind.is_contact()) {
            if d.participants.iter().any(|&p| public.political(doc, p)) {
                met_public.extend(d.participants.iter().copied());
            }
        }
        for draft in interned {
            // Contacts between private people (a coach calling a player) are not the graph's
            // business: one side at least must act for a state or an organisation.
            let political = draft
                .participants
                .iter()
                .any(|&p| public.political(doc, p) || met_public.contains(&p));
            // A visit is to somewhere: «посетившим обе страны», «посетили собор» name no
            // destination the graph can hold.
            let placed = draft.kind != EventType::Visit || draft.place.is_some();
            // A visitor is a person or a country (its delegation): a band on tour («группа
            // «Ленинград» отправится в Ниццу») or a company is no visit the graph holds.
            // Nor does a country visit itself or a place in it: that is a misread subject.
            let inside = |p: u32| {
                draft.place.is_some_and(|place| {
                    place == p
                        || doc.entities[place as usize]
                            .gaz
                            .zip(doc.entities[p as usize].gaz)
                            .is_some_and(|(pg, cg)| doc.gazetteer.entity(pg).country == Some(cg))
                })
            };
            let visitor = draft.kind != EventType::Visit
                || draft.participants.iter().all(|&p| {
                    matches!(
                        doc.entities[p as usize].kind,
                        EntityKind::Person | EntityKind::Country
                    ) && !(doc.entities[p as usize].kind == EntityKind::Country && inside(p))
                });
            if (!draft.kind.is_contact() || draft.participants.len() >= 2)
                && political
                && placed
                && visitor
            {
                merge_into(doc, &mut events, draft);
            }
        }
        for e in &mut events {
            e.until = span_until(doc, e);
            if e.kind.is_contact() {
                e.participants.sort_by(|a, b| {
                    doc.entities[*a as usize]
                        .id
                        .cmp(&doc.entities[*b as usize].id)
                });
            }
        }
        doc.events = events;
    }

    /// The events of one trigger: usually one; «провёл переговоры с X и с Y» (the preposition
    /// repeated) is a separate contact with each. A visit has one visitor and an invitation
    /// one inviter and one invitee: «Кушнер и Уиткофф прилетели в Москву» is two visits,
    /// «пригласил Путина и Зеленского» two invitations.
    fn extract(
        &self,
        ctx: &Ctx<'_, '_>,
        i: usize,
        trigger: Trigger,
        previous: &[(EventDraft, Vec<Ref>, Option<Ref>)],
    ) -> Vec<(EventDraft, Vec<Ref>, Option<Ref>)> {
        let mut out = Vec::new();
        // «принял каждого из гостей по отдельности», «встретился с каждым из них»: a contact
        // of the first side with each of the others.
        let clause = clause_of(ctx.doc, &ctx.range, ctx.marks, i);
        let each = each_of(ctx.doc, &clause);
        for (draft, parties, place) in self.extract_joint(ctx, i, trigger, previous) {
            // The first side (the host, the inviter) with each of the others: every
            // invitation, and a contact «с каждым из гостей».
            let first_with_each = parties.len() > 2
                && (draft.kind == EventType::Invitation
                    || (each
                        && matches!(
                            draft.kind,
                            EventType::Meeting | EventType::Talks | EventType::PhoneCall
                        )));
            if first_with_each {
                let first = parties[0];
                out.extend(
                    parties[1..]
                        .iter()
                        .map(|&r| (draft.clone(), vec![first, r], place)),
                );
            } else if draft.kind == EventType::Visit {
                // «Путин вместе с Лукашенко посетил выставку»: the companion visits too, and
                // «вместе/совместно» makes the visitors meet there.
                let (together, companions) = ctx.together(i, &clause);
                let mut visitors = parties;
                for c in companions {
                    if !visitors.contains(&c) {
                        visitors.push(c);
                    }
                }
                if together && visitors.len() > 1 {
                    let mut meeting = draft.clone();
                    meeting.kind = EventType::Meeting;
                    out.push((meeting, visitors.clone(), place));
                }
                out.extend(
                    visitors
                        .into_iter()
                        .map(|r| (draft.clone(), vec![r], place)),
                );
            } else {
                out.push((draft, parties, place));
            }
        }
        out
    }

    /// [`EventExtractor::extract`] before visits and invitations are split by party.
    fn extract_joint(
        &self,
        ctx: &Ctx<'_, '_>,
        i: usize,
        trigger: Trigger,
        previous: &[(EventDraft, Vec<Ref>, Option<Ref>)],
    ) -> Vec<(EventDraft, Vec<Ref>, Option<Ref>)> {
        if matches!(
            trigger,
            Trigger::MeetVerb
                | Trigger::TalksVerb
                | Trigger::CallVerb
                | Trigger::MeetNoun
                | Trigger::TalksNoun
                | Trigger::CallNoun
        ) {
            let clause = clause_of(ctx.doc, &ctx.range, ctx.marks, i);
            let mut groups = ctx.after_preposition_groups(i, &clause, &["с", "со"], Case::Ins);
            // «провёл двусторонние встречи с X, Y и Z», «отдельные переговоры с X и Y»: a
            // contact with each.
            let bilateral_at = |k: usize| {
                ctx.doc.lower(k).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| matches!(&*p.lemma, "двусторонний" | "отдельный"))
                })
            };
            // «провёл серию двусторонних встреч. Он встретился с X, Y и Z»: the sentence
            // before, in the paragraph, announces them as bilateral.
            let announced = ctx.sentence > 0 && ctx.same_paragraph(ctx.sentence as u32 - 1) && {
                let before = ctx.doc.sentence_tokens[ctx.sentence - 1].clone();
                before.clone().any(|k| {
                    bilateral_at(k)
                        && k + 1 < before.end
                        && matches!(
                            trigger_at(ctx.doc, k + 1),
                            Some(Trigger::MeetNoun | Trigger::TalksNoun)
                        )
                })
            };
            // «провёл телефонные разговоры с X и Y»: calls in the plural are one with each
            // (the trigger is the noun or the verb before it).
            let calls = matches!(trigger, Trigger::CallNoun | Trigger::CallVerb)
                && (i..(i + 3).min(clause.end)).any(|k| {
                    ctx.doc.lower(k).is_some_and(|w| {
                        w.best().is_some_and(|p| {
                            &*p.lemma == "разговор" && p.number == Some(crate::morph::Number::Plur)
                        })
                    })
                });
            // «провёл встречи с X и Y», «на встречах с X и Y»: meetings in the plural are one
            // with each (gold rule 2). «встречи» alone is as often the genitive singular («в
            // ходе встречи с X и Y», one meeting): plural only as the object of «провести».
            let plural_meetings = trigger == Trigger::MeetNoun
                && ctx.doc.lower(i).is_some_and(|w| {
                    w.has_lemma("встреча")
                        && (w.parses.iter().all(|p| p.number == Some(Number::Plur))
                            || (w.parses.iter().any(|p| {
                                p.number == Some(Number::Plur) && p.case == Some(Case::Acc)
                            }) && (i.saturating_sub(2)..i).any(|k| {
                                ctx.doc.lower(k).is_some_and(|v| {
                                    v.has_lemma("провести") || v.has_lemma("проводить")
                                })
                            })))
                });
            // «встретился отдельно с X и Y», «отдельно встретился с …».
            let separately = (i.saturating_sub(2)..(i + 3).min(clause.end))
                .any(|k| ctx.doc.fold_of(k) == "отдельно");
            let distributive = (i.saturating_sub(2)..i).any(bilateral_at)
                || separately
                || (announced && !trigger.is_noun())
                || calls
                || plural_meetings;
            if distributive && groups.len() == 1 {
                groups = groups.remove(0).into_iter().map(|r| vec![r]).collect();
            }
            // «Макрон позвонил Путину и Зеленскому»: a call to each (a call is between two
            // unless a conference is said).
            if trigger == Trigger::CallVerb
                && groups.iter().all(Vec::is_empty)
                && ctx.doc.lower(i).is_some_and(|w| w.has_lemma("позвонить"))
            {
                let called = ctx.objects_after(i, &clause, Case::Dat, EntityKind::Person);
                if called.len() > 1 {
                    groups = called.into_iter().map(|r| vec![r]).collect();
                }
            }
            if groups.len() > 1 {
                return groups
                    .into_iter()
                    .filter_map(|g| self.extract_one(ctx, i, trigger, previous, Some(g), None))
                    .filter(has_sides)
                    .collect();
            }
            // «проведёт переговоры с Токаевым, а в четверг — с Си Цзиньпином»: a second
            // contact with the verb left out, dated (and placed) by its own words.
            if let Some((span, with)) = ctx.elliptical_contact(&clause) {
                let mut out: Vec<_> = self
                    .extract_one(ctx, i, trigger, previous, None, None)
                    .into_iter()
                    .filter(has_sides)
                    .collect();
                if !out.is_empty()
                    && let Some(mut e) = self
                        .extract_one(ctx, i, trigger, previous, Some(with), None)
                        .filter(has_sides)
                {
                    if let Some(d) = ctx.date_in(span.start, &span) {
                        e.0.date = Some(d);
                        e.0.date_explicit = true;
                    }
                    // «В Душанбе он встретился с Рахмоном, а в Ашхабаде — с Бердымухамедовым»:
                    // and placed by them.
                    if let Some(place) = ctx.place_in(&span) {
                        e.2 = Some(place);
                    }
                    out.push(e);
                }
                return out;
            }
        }
        // «посетит Анголу и Эритрею»: a visit to each.
        if matches!(trigger, Trigger::Arrive | Trigger::VisitNoun) {
            let clause = clause_of(ctx.doc, &ctx.range, ctx.marks, i);
            let places = ctx.destinations(i, &clause, trigger == Trigger::Arrive);
            if places.len() > 1 {
                return places
                    .into_iter()
                    .filter_map(|p| self.extract_one(ctx, i, trigger, previous, None, Some(p)))
                    .collect();
            }
        }
        self.extract_one(ctx, i, trigger, previous, None, None)
            .into_iter()
            .collect()
    }

    /// One event of a trigger; `with` replaces the parties after «с» of a contact trigger,
    /// `dest` the destination of a visit.
    fn extract_one(
        &self,
        ctx: &Ctx<'_, '_>,
        i: usize,
        trigger: Trigger,
        previous: &[(EventDraft, Vec<Ref>, Option<Ref>)],
        with: Option<Vec<Ref>>,
        dest: Option<Ref>,
    ) -> Option<(EventDraft, Vec<Ref>, Option<Ref>)> {
        let doc = ctx.doc;
        let clause = clause_of(doc, &ctx.range, ctx.marks, i);
        let mut kind = trigger.event_type();
        // Set for a visit of the subject's own that the sentence recalls (no day from the
        // article's).
        let mut recalled = false;
        // «Песков опроверг сообщения о том, что готовится встреча», «визит не планируется».
        if self.denied(doc, &ctx.range, &clause, i) {
            return None;
        }
        // «Шольц не встречался с Путиным с 2022 года», «не разговаривал с ним по телефону
        // почти два года», «в Москву не приезжал»: a negated imperfective past says no
        // contact took place over a time, not that a planned one was called off: no event
        // (rule 3 of the gold sets). «не встретился», «встреча не состоялась» are cancelled.
        if negated_habitual_contact(doc, &clause, i) {
            return None;
        }
        // «Книга о переговорах Рейгана и Горбачёва вышла в Москве»: the subject of a work,
        // not an event of the news (its place and day are the work's).
        if trigger.is_noun() {
            let k = adjectives_before(doc, i, 2);
            if k >= 2
                && matches!(doc.fold_of(k - 1), "о" | "об")
                && doc.lower(k - 2).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        p.pos == Pos::Noun
                            && matches!(
                                &*p.lemma,
                                "книга"
                                    | "фильм"
                                    | "статья"
                                    | "публикация"
                                    | "мемуары"
                                    | "воспоминание"
                                    | "спектакль"
                                    | "выставка"
                                    | "роман"
                                    | "сериал"
                            )
                    })
                })
            {
                return None;
            }
        }
        // «В финале Медведев встретится с Синнером», «встреча в полуфинале»: a match, not a
        // meeting; so is «во втором туре встретятся …». A stage of a competition in the
        // locative, in the clause (adjectives between allowed).
        if matches!(trigger, Trigger::MeetVerb | Trigger::MeetNoun)
            && clause.clone().any(|k| {
                SPORT_STAGES.contains(doc.fold_of(k)) && {
                    let a = adjectives_before(doc, k, 2);
                    a > clause.start && matches!(doc.fold_of(a - 1), "в" | "во")
                }
            })
        {
            return None;
        }
        // «путём переговоров», «ускорить переговоры о мирном договоре»: negotiation as a
        // means or a process, not a contact.
        if trigger.is_noun()
            && (i.saturating_sub(2)..i).any(|k| {
                matches!(doc.fold_of(k), "путем" | "посредством")
                    || doc.lower(k).is_some_and(|w| {
                        w.parses.iter().any(|p| {
                            matches!(&*p.lemma, "ускорить" | "активизировать" | "затягивать")
                        })
                    })
            })
        {
            return None;
        }
        // «Президенты поручили своим представителям продолжить консультации»: the contact is
        // the envoys', whom the text does not name.
        if (clause.start..i).any(|k| {
            doc.lower(k).is_some_and(|w| {
                w.parses
                    .iter()
                    .any(|p| p.pos == Pos::Verb && matches!(&*p.lemma, "поручить" | "поручать"))
            })
        }) {
            return None;
        }
        // «на полях встречи министров»: the frame of other contacts, not one itself.
        if trigger.is_noun() && i > 0 && doc.fold_of(i - 1) == "полях" {
            return None;
        }
        // «к 75-летию встречи на Эльбе», «в годовщину визита»: a contact remembered, not one
        // of the people in the sentence.
        // («к 75-летию исторической встречи»: adjectives between.)
        let remembered = (i.saturating_sub(3)..i).rev().find(|&k| {
            !doc.lower(k)
                .and_then(|w| w.best())
                .is_some_and(|p| p.pos == Pos::Adj)
        });
        if trigger.is_noun()
            && remembered.is_some_and(|k| {
                doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        p.lemma.ends_with("летие") || matches!(&*p.lemma, "годовщина" | "юбилей")
                    })
                })
            })
        {
            return None;
        }
        // «провёл ряд двусторонних встреч, в том числе с X и Y»: the count goes on to name
        // some of them, and those are contacts.
        let named_after = (i + 1..(i + 6).min(ctx.range.end)).any(|k| {
            matches!(doc.fold_of(k), "включая" | "частности")
                || (doc.fold_of(k) == "том"
                    && doc.fold_of(k - 1) == "в"
                    && k + 1 < ctx.range.end
                    && doc.fold_of(k + 1) == "числе")
        });
        // «запланировано около полутора десятков встреч», «провёл 20 встреч»: a count of
        // contacts is no one contact.
        if trigger.is_noun()
            && !named_after
            && doc.lower(i).is_some_and(|w| {
                w.prob(|p| p.case == Some(Case::Gen) && p.number == Some(Number::Plur)) >= 0.5
            })
            && (i.saturating_sub(3)..i).any(|k| {
                // Only adjectives between the count and the noun: «пяти часов переговоров»
                // counts hours.
                let adjectives = (k + 1..i).all(|m| {
                    doc.lower(m)
                        .is_some_and(|w| w.prob(|p| p.pos == Pos::Adj) >= 0.5)
                });
                adjectives
                    && (doc.tokens[k].kind == TokenKind::Number
                        || matches!(
                            doc.fold_of(k),
                            "несколько"
                                | "десятков"
                                | "десятка"
                                | "десяти"
                                | "сотен"
                                | "много"
                                | "множество"
                                | "ряд"
                        )
                        || doc
                            .lower(k)
                            .is_some_and(|w| w.prob(|p| p.pos == Pos::Num) >= 0.5))
            })
        {
            return None;
        }
        // «пригласил коллегу посетить Россию»: the visit is what the invitation is for.
        let infinitive = doc
            .word(i)
            .and_then(|w| w.best())
            .is_some_and(|p| p.verb_form == Some(VerbForm::Inf));
        if trigger == Trigger::Arrive
            && infinitive
            && (clause.start..i).any(|k| {
                matches!(
                    trigger_at(doc, k),
                    Some(Trigger::InviteVerb | Trigger::InviteNoun)
                )
            })
        {
            return None;
        }
        // A discussion says that the sides talked, not how: less sure than a named contact.
        let mut confidence: f64 = match trigger {
            Trigger::DiscussNamed => 0.6,
            t if t.is_noun() => 0.7,
            _ => 0.8,
        };
        // The status of the contact a bare noun continues.
        let mut continued: Option<Status> = None;
        // «находится в России с визитом с 7 сентября»: a stay, dated by its start.
        let mut staying_visit = false;

        // Participants.
        let mut subject = ctx.subject(i, &clause);
        // «фон дер Ляйен вместе с Макроном прибыла в Пекин»: a companion is a subject too.
        if !subject.is_empty() {
            for c in ctx.together(i, &clause).1 {
                if !subject.contains(&c) {
                    subject.push(c);
                }
            }
        }
        let mut participants: Vec<Ref> = Vec::new();
        let mut place: Option<Ref> = None;
        let mut named_event: Option<u32> = None;
        let mut host: Option<Ref> = None;
        match trigger {
            Trigger::MeetVerb
            | Trigger::TalksVerb
            | Trigger::CallVerb
            | Trigger::Discuss
            | Trigger::DiscussNamed => {
                participants.extend(subject.iter().copied());
                participants.extend(
                    with.unwrap_or_else(|| {
                        ctx.after_preposition(i, &clause, &["с", "со"], Case::Ins)
                    }),
                );
                // «Шольц позвонил Путину»: whom one calls is in the dative.
                if trigger == Trigger::CallVerb
                    && participants.len() < 2
                    && doc.lower(i).is_some_and(|w| w.has_lemma("позвонить"))
                {
                    participants.extend(ctx.objects_after(
                        i,
                        &clause,
                        Case::Dat,
                        EntityKind::Person,
                    ));
                }
            }
            Trigger::MeetNoun | Trigger::TalksNoun | Trigger::CallNoun => {
                let genitives = ctx.genitives_after(i, &clause);
                let others = with
                    .unwrap_or_else(|| ctx.after_preposition(i, &clause, &["с", "со"], Case::Ins));
                // «провёл переговоры с X и Y»: the other side of «с» is the subject, unless a
                // genitive names it («встреча Путина с X»).
                let needs_subject = genitives.is_empty() && !others.is_empty();
                // «российско-китайские переговоры»: the countries of a compound adjective.
                if genitives.is_empty() && others.is_empty() {
                    participants.extend(ctx.compound_countries(i));
                }
                participants.extend(genitives);
                participants.extend(others);
                participants.extend(ctx.after_preposition(i, &clause, &["между"], Case::Ins));
                participants.extend(ctx.quote_pronoun_before(i, &clause, true));
                // «Трамп обвинил Байдена в провале переговоров с Ираном»: who blames someone for
                // talks is no side of them; the one blamed is.
                let blamed = (clause.start..i)
                    .find(|&k| {
                        verb_of(
                            doc.word(k),
                            &["обвинить", "обвинять", "упрекнуть", "упрекать"],
                            |_| true,
                        )
                    })
                    .map(|k| ctx.objects_after(k, &clause, Case::Acc, EntityKind::Person));
                if let Some(blamed) = blamed {
                    for r in blamed {
                        if !participants.contains(&r) {
                            participants.push(r);
                        }
                    }
                } else if participants.len() < 2 || needs_subject {
                    // «X и Y провели переговоры», «президенты обменялись мнениями в ходе встречи»
                    let anywhere = if subject.is_empty() {
                        ctx.subject_anywhere(&clause)
                    } else {
                        Vec::new()
                    };
                    for r in subject.iter().chain(anywhere.iter()) {
                        if !participants.contains(r) {
                            participants.push(*r);
                        }
                    }
                }
                // «После переговоров с Путиным Эрдоган заявил …»: in a frame before the main
                // clause, the other side is that clause's subject, after the frame.
                let framed = i > 0
                    && matches!(
                        doc.fold_of(i - 1),
                        "после" | "итогам" | "ходе" | "время" | "перед"
                    );
                if framed && participants.len() == 1 {
                    let frame_end = ctx
                        .actors_in(&clause)
                        .filter(|a| participants.contains(&Ref::Doc(a.entity)))
                        .map(|a| a.tokens.end)
                        .max()
                        .unwrap_or(i + 1);
                    if let Some(a) = ctx.actors_in(&clause).find(|a| {
                        a.tokens.start >= frame_end
                            && a.kind == EntityKind::Person
                            && a.cases.contains(Case::Nom)
                            && !ctx.after_preposition_token(a.tokens.start)
                            && !participants.contains(&Ref::Doc(a.entity))
                    }) {
                        participants.push(Ref::Doc(a.entity));
                    }
                }
                // «Во время встречи, которая прошла в Кремле, Путин и Токаев обсудили …»: a
                // relative clause closes the frame's clause; the sides are the subject of the
                // main clause after it.
                if framed
                    && participants.len() < 2
                    && let Some(rest) = after_relative(doc, &ctx.range, ctx.marks, &clause)
                {
                    for r in ctx.subject_anywhere(&rest) {
                        if !participants.contains(&r) {
                            participants.push(r);
                        }
                    }
                }
                // «Путин поздравил Токаева … в телефонном разговоре»: in the frame of a call,
                // the person the clause's verb addresses is the other side.
                if trigger == Trigger::CallNoun && participants.len() == 1 {
                    // «Путин обсудил с Токаевым … в телефонном разговоре»: «с» before the
                    // call noun, with the clause's verb.
                    let with_verb = ctx
                        .after_preposition(clause.start, &clause, &["с", "со"], Case::Ins)
                        .into_iter()
                        .find(|r| !participants.contains(r));
                    if let Some(o) = with_verb.or_else(|| ctx.addressee_in(&clause, &participants))
                    {
                        participants.push(o);
                    }
                }
            }
            Trigger::Receive if passive(doc, i) => {
                // «Володин был принят Диас-Канелем»: the subject is the guest, the host is in
                // the instrumental.
                let hosts = ctx.objects_after(i, &clause, Case::Ins, EntityKind::Person);
                let host_ref = hosts.first().copied()?;
                if subject.is_empty() || subject.contains(&host_ref) {
                    return None;
                }
                participants.extend(subject.iter().copied());
                participants.push(host_ref);
                host = Some(host_ref);
            }
            Trigger::Receive => {
                // «принял приглашение», «примет участие», «принял решение»: an inanimate
                // object right after the verb makes it no reception. (A delegation is people,
                // whatever the dictionary says: «принял делегацию во главе с …».)
                let inanimate_object = i + 1 < clause.end
                    && doc.tokens[i + 1].shape == Shape::Lower
                    && doc.lower(i + 1).is_some_and(|w| {
                        !w.has_lemma("делегация")
                            && w.prob(|p| {
                                p.pos == Pos::Noun
                                    && !p.animate
                                    && matches!(p.case, Some(Case::Acc | Case::Nom))
                            }) >= 0.5
                            && w.parses.iter().any(|p| p.case == Some(Case::Acc))
                    });
                // «это решение принял глава ведомства», «не принимать участия»: so does one
                // right before it, or «участие» in any case.
                // (Not after a preposition: «в среду принял».)
                let inanimate_before = i > clause.start
                    && doc.tokens[i - 1].shape == Shape::Lower
                    && !(i >= 2
                        && doc
                            .lower(i - 2)
                            .and_then(|w| w.best())
                            .is_some_and(|p| p.pos == Pos::Adp))
                    && doc.lower(i - 1).is_some_and(|w| {
                        w.prob(|p| p.pos == Pos::Noun && !p.animate && p.case == Some(Case::Acc))
                            >= 0.5
                    });
                let taking_part =
                    i + 1 < clause.end && doc.lower(i + 1).is_some_and(|w| w.has_lemma("участие"));
                // «её приняли в хор», «приняли в партию»: admitted to a body, in the
                // accusative (where one is received is in the locative; «в среду» is a date).
                let admitted = (i + 1..(i + 3).min(clause.end)).any(|k| {
                    matches!(doc.fold_of(k), "в" | "во")
                        && k + 1 < clause.end
                        && !doc.dates.iter().any(|d| d.tokens.contains(&(k + 1)))
                        && doc.lower(k + 1).is_some_and(|w| {
                            w.parses.iter().any(|p| p.case == Some(Case::Acc))
                                && !w.parses.iter().any(|p| p.case == Some(Case::Loc))
                        })
                });
                // «принятой правительством амнистией»: a passive participle describes what was
                // adopted. (An active one is the host's: «Путин, принявший в Кремле Си
                // Цзиньпина, …».)
                let attributive = doc
                    .word(i)
                    .and_then(|w| w.best())
                    .is_some_and(|p| p.verb_form == Some(VerbForm::Part) && !p.short && p.passive);
                if inanimate_object || inanimate_before || taking_part || admitted || attributive {
                    return None;
                }
                let mut guests = ctx.objects_after(i, &clause, Case::Acc, EntityKind::Person);
                // An indeclinable subject after the verb reads as an accusative too («… принял
                // Мун Чжэ Ин»): it is no guest.
                guests.retain(|g| !subject.contains(g));
                // «каждого из гостей по отдельности принял Ниинистё»: the article's last two
                // people, each on his own (split by `extract`).
                if guests.is_empty() && each_of(doc, &clause) {
                    guests.extend(
                        ctx.recent
                            .iter()
                            .map(|&p| Ref::Doc(p))
                            .filter(|r| !subject.contains(r)),
                    );
                }
                // «Премьер-министр Японии стал первым лидером, которого президент США принял в
                // Белом доме»: the relative pronoun's object is the sentence's subject.
                if guests.is_empty()
                    && (clause.start..i)
                        .any(|k| matches!(doc.fold_of(k), "которого" | "которую" | "которых"))
                {
                    let before = ctx.range.start..clause.start;
                    if let Some(a) = ctx.actors_in(&before).find(|a| {
                        a.kind == EntityKind::Person
                            && a.cases.contains(Case::Nom)
                            && !ctx.after_preposition_token(a.tokens.start)
                    }) {
                        guests.push(Ref::Doc(a.entity));
                    }
                }
                if guests.is_empty() {
                    // «казахстанского лидера принял Владимир Путин», «где его принял Франциск»
                    guests = ctx.object_before(i, &clause, &subject);
                }
                if guests.is_empty() {
                    // «американского гостя примет Владимир Путин»: the latest visitor.
                    guests.extend(ctx.role_object(i, &clause, &subject));
                }
                guests.retain(|g| !subject.contains(g));
                if guests.is_empty() {
                    return None;
                }
                participants.extend(subject.iter().copied());
                participants.extend(guests);
                host = subject.first().copied();
            }
            Trigger::Arrive | Trigger::VisitNoun => {
                let visitor: Vec<Ref> = if trigger == Trigger::VisitNoun {
                    let mut v = ctx.genitives_after(i, &clause);
                    if v.is_empty() {
                        v.extend(ctx.quote_pronoun_before(i, &clause, false));
                    }
                    if v.is_empty() {
                        v.extend(ctx.thanked_object(i, &clause));
                    }
                    if v.is_empty() && ctx.subject_governs_visit(i, &clause) {
                        v.extend(subject.iter().copied());
                    }
                    if v.is_empty() {
                        // «это был её первый за пять лет визит в Москву»
                        v.extend(ctx.possessor_before(i, &clause));
                    }
                    if v.is_empty() {
                        v.extend(ctx.ahead_for(i, &clause, &subject));
                    }
                    // «Моди напомнил о своём визите в Москву в июле»: «свой» is the subject's.
                    let own = (i.saturating_sub(3).max(clause.start)..i).any(|k| {
                        doc.lower(k)
                            .is_some_and(|w| w.parses.iter().any(|p| &*p.lemma == "свой"))
                    });
                    if v.is_empty() && own {
                        v.extend(subject.iter().copied());
                        // «рассказал о своём визите»: a visit recalled, on a day the text
                        // may not give; not the article's.
                        recalled = (i.saturating_sub(4).max(clause.start)..i)
                            .any(|k| matches!(doc.fold_of(k), "о" | "об" | "обо"));
                    }
                    v
                } else if let Some(case) = doc
                    .word(i)
                    .and_then(|w| w.best())
                    .filter(|p| p.verb_form == Some(VerbForm::Part))
                    .and_then(|p| p.case)
                    .filter(|&c| c != Case::Nom)
                {
                    // «с прибывшим в Москву президентом Конго …»: an oblique participle
                    // describes the person it agrees with, after it.
                    // («… с Бердымухамедовым, прибывшим в страну …»: or the one before it.)
                    let after = i + 1..clause.end;
                    let before = ctx.range.start..i.saturating_sub(1);
                    let next = ctx
                        .actors_in(&after)
                        .find(|a| a.kind == EntityKind::Person && a.cases.contains(case))
                        .map(|a| a.entity);
                    let prev = (i > 0 && doc.is_punct(i - 1, ","))
                        .then(|| {
                            ctx.actors_in(&before)
                                .find(|a| {
                                    a.kind == EntityKind::Person
                                        && a.tokens.end + 1 == i
                                        && a.cases.contains(case)
                                })
                                .map(|a| a.entity)
                        })
                        .flatten();
                    prev.or(next).map(|e| vec![Ref::Doc(e)]).unwrap_or_default()
                } else {
                    subject.clone()
                };
                participants.extend(visitor);
                place = dest.or_else(|| ctx.destination(i, &clause, trigger == Trigger::Arrive));
                // «находится в Пекине с официальным визитом», «пребывает с визитом в Москве»:
                // where the visitor is, in the locative.
                let staying = (clause.start..clause.end).any(|k| {
                    doc.lower(k).is_some_and(|w| {
                        w.parses.iter().any(|p| {
                            p.pos == Pos::Verb && matches!(&*p.lemma, "находиться" | "пребывать")
                        })
                    })
                });
                // «прибывшим в страну с визитом»: the country of the place the sentence names.
                let to_country = (i + 1..(i + 3).min(clause.end)).any(|k| {
                    matches!(doc.fold_of(k), "страну" | "республику")
                        && matches!(doc.fold_of(k - 1), "в" | "во")
                });
                if place.is_none() && to_country {
                    place = match ctx.place_in(&ctx.range) {
                        Some(Ref::Doc(e)) if doc.entities[e as usize].kind == EntityKind::City => {
                            doc.entities[e as usize]
                                .gaz
                                .and_then(|g| doc.gazetteer.entity(g).country)
                                .map(Ref::Gaz)
                        }
                        Some(Ref::Doc(e))
                            if doc.entities[e as usize].kind == EntityKind::Country =>
                        {
                            Some(Ref::Doc(e))
                        }
                        _ => None,
                    };
                }
                if place.is_none() && trigger == Trigger::VisitNoun && staying {
                    // The place nearest the trigger: «находится в России с визитом, … провёл
                    // в Москве» is in Russia.
                    place = ctx
                        .actors_in(&clause)
                        .filter(|a| {
                            a.kind.is_place()
                                && a.tokens.start > 0
                                && matches!(doc.fold_of(a.tokens.start - 1), "в" | "во" | "на")
                                && a.cases.contains(Case::Loc)
                        })
                        .min_by_key(|a| a.tokens.start.abs_diff(i))
                        .map(|a| Ref::Doc(a.entity));
                    // The same visit as one reported before is not a new one.
                    if place.is_some()
                        && previous.iter().rev().take(RECENT).any(|(d, p, pl)| {
                            d.kind == EventType::Visit
                                && *pl == place
                                && p.iter().any(|x| participants.contains(x))
                        })
                    {
                        return None;
                    }
                    staying_visit = true;
                }
                named_event = ctx.named_event(i, &clause);
                if participants.is_empty() {
                    return None;
                }
            }
            Trigger::InviteVerb => {
                participants.extend(subject.iter().copied());
                participants.extend(ctx.objects_after(i, &clause, Case::Acc, EntityKind::Person));
                // «Посол пригласил губернатора посетить …», «пригласил российского коллегу»:
                // a word for a person as the object, with no name, is the other side of the
                // contact just reported.
                // («премьера» is also a premiere: any animate singular accusative reading will
                // do; «пригласил представителей бизнеса» invites a group, no one side.)
                let role_object = (i + 1..(i + 4).min(clause.end)).any(|k| {
                    doc.tokens[k].shape == Shape::Lower
                        && doc.lower(k).is_some_and(|w| {
                            w.parses.iter().any(|p| {
                                p.pos == Pos::Noun
                                    && p.animate
                                    && p.case == Some(Case::Acc)
                                    && p.number == Some(Number::Sing)
                            })
                        })
                });
                // «Посол пригласил …»: a word for a person as the subject is whoever the
                // article introduced with that word («с послом КНР Чжаном Ханьхуэем»).
                let role_subject = (clause.start..i).find(|&k| {
                    doc.tokens[k].kind == TokenKind::Word
                        && doc.lower(k).is_some_and(|w| {
                            w.prob(|p| p.pos == Pos::Noun && p.animate && p.case == Some(Case::Nom))
                                >= 0.5
                        })
                        && !ctx.actors_in(&clause).any(|a| a.tokens.contains(&k))
                });
                if let Some(k) = role_subject
                    && let Some(holder) = doc
                        .lower(k)
                        .and_then(|w| w.best())
                        .and_then(|p| ctx.role_holder(&p.lemma))
                    && !participants.contains(&Ref::Doc(holder))
                {
                    participants.clear();
                    participants.push(Ref::Doc(holder));
                    participants.extend(ctx.objects_after(
                        i,
                        &clause,
                        Case::Acc,
                        EntityKind::Person,
                    ));
                }
                if participants.len() == 1 && role_object {
                    let other = ctx
                        .recent
                        .iter()
                        .map(|&p| Ref::Doc(p))
                        .find(|r| *r != participants[0]);
                    participants.extend(other);
                }
                if participants.len() < 2 {
                    return None;
                }
                // «пригласил Путина посетить Буэнос-Айрес»
                place = ctx.destination(i, &clause, true);
            }
            Trigger::InviteNoun => {
                // «по приглашению X» (X invited the subject); «поблагодарил коллегу за приглашение»;
                // «получил приглашение от эмира Катара …» (the inviter behind «от»).
                let from = i + 2 < clause.end && doc.fold_of(i + 1) == "от";
                let named = ctx
                    .genitives_after(if from { i + 1 } else { i }, &clause)
                    .into_iter()
                    .next()
                    .or_else(|| ctx.thanked_object(i, &clause).into_iter().next());
                // «Токаев передал Путину приглашение посетить Астану»: the one handed it is
                // invited; so in «Лавров передал Асаду приглашение Путина», where Лавров only
                // carries Путин's invitation.
                let handed_to = ctx.handed_to(i, &clause);
                let (inviter, invitee) = match named {
                    // «Поездка проходит по приглашению Путина»: with no subject, the invitee
                    // is the visitor the article is about.
                    Some(a) => (
                        Some(a),
                        handed_to
                            .or_else(|| subject.first().copied())
                            .or_else(|| ctx.latest_visitor(a)),
                    ),
                    // «передал ему приглашение посетить Москву»
                    None => (
                        subject.first().copied(),
                        handed_to.or_else(|| ctx.dative_before(i, &clause)),
                    ),
                };
                match (inviter, invitee) {
                    (Some(a), Some(b)) if a != b => participants.extend([a, b]),
                    _ => return None,
                }
                named_event = ctx.named_event(i, &clause);
                // «поблагодарил Си Цзиньпина за приглашение на парад в Пекине»: where the
                // invitation is to, named after it.
                let after = i + 1..clause.end;
                place = ctx
                    .destination(i, &clause, false)
                    .or_else(|| ctx.place_in(&after));
            }
        }
        // A discussion stands for talks only between the people it names.
        if trigger == Trigger::DiscussNamed
            && (participants.len() < 2
                || participants
                    .iter()
                    .any(|r| r.kind(doc) != EntityKind::Person))
        {
            return None;
        }
        // A plural reference stands for the people of the article; «лидеры», «президенты»,
        // «главы государств» for those of them who hold an office.
        if kind.is_contact() && participants.len() < 2 {
            if let Some(leaders) = ctx
                .plural_reference(&clause)
                .or_else(|| ctx.coordinated_plural_reference(&clause))
            {
                let holders: Vec<u32> = ctx
                    .recent
                    .iter()
                    .copied()
                    .filter(|&p| !leaders || ctx.public.holds_office(doc, p))
                    .collect();
                // «Министр Турции прибыл в Москву … будет принят Путиным. Последний раз министры
                // встречались в июне»: «министры» are the ministers of the latest contact
                // between two of them, not the article's last two people.
                let ministers = clause.clone().any(|k| {
                    doc.fold_of(k).starts_with("министр")
                        && doc
                            .lower(k)
                            .is_some_and(|w| w.prob(|p| p.number == Some(Number::Plur)) >= 0.5)
                });
                let minister = |r: &Ref| {
                    let g = match *r {
                        Ref::Doc(e) => doc.entities[e as usize].gaz,
                        Ref::Gaz(g) => Some(g),
                    };
                    g.zip(doc.date).is_some_and(|(g, d)| {
                        doc.gazetteer
                            .offices()
                            .roles_of(g, d)
                            .any(|(_, role)| matches!(role, Role::ForeignMinister | Role::Minister))
                    })
                };
                let of_ministers = ministers
                    .then(|| {
                        previous.iter().rev().take(RECENT).find_map(|(d, p, _)| {
                            (d.kind.is_contact() && p.len() >= 2 && p.iter().all(minister))
                                .then(|| p.clone())
                        })
                    })
                    .flatten();
                let mut chosen: Vec<Ref> = if let Some(p) = of_ministers {
                    p
                } else if holders.len() >= 2 {
                    holders.into_iter().map(Ref::Doc).collect()
                } else {
                    ctx.recent.iter().copied().map(Ref::Doc).collect()
                };
                // «Китайский лидер прибудет в Москву … Переговоры глав государств пройдут в
                // Кремле»: with one leader named, the other is the host: whoever holds that
                // office in the country the leader is visiting.
                if leaders
                    && chosen.len() == 1
                    && let Some(v) = ctx.visitors.iter().rev().find(|v| {
                        ctx.sentence as u32 - v.sentence <= 1
                            && ctx.same_paragraph(v.sentence)
                            && chosen[0] == Ref::Doc(v.person)
                    })
                    && let Some(date) = doc.date
                {
                    let country = match v.place {
                        Some(Ref::Doc(e)) => {
                            let ent = &doc.entities[e as usize];
                            match ent.kind {
                                EntityKind::Country => ent.gaz,
                                _ => ent.gaz.and_then(|g| doc.gazetteer.entity(g).country),
                            }
                        }
                        Some(Ref::Gaz(g)) => match doc.gazetteer.entity(g).kind {
                            EntityKind::Country => Some(g),
                            _ => doc.gazetteer.entity(g).country,
                        },
                        None => None,
                    };
                    let role = if clause
                        .clone()
                        .any(|k| doc.fold_of(k).starts_with("премьер"))
                    {
                        Role::HeadOfGovernment
                    } else {
                        Role::HeadOfState
                    };
                    let host = country
                        .and_then(|c| doc.gazetteer.offices().holder(c, role, date))
                        .filter(|&h| Some(h) != doc.entities[v.person as usize].gaz);
                    if let Some(h) = host {
                        chosen.push(Ref::Gaz(h));
                    }
                }
                for r in chosen {
                    if !participants.contains(&r) {
                        participants.push(r);
                    }
                }
                confidence -= 0.1;
            } else if participants.is_empty() && trigger.is_noun() {
                // «Переговоры прошли в Кремле»: a bare noun continues the article's last contact.
                if let Some((d, p, _)) = previous.iter().rev().take(RECENT).find(|(d, p, _)| {
                    d.kind.is_contact()
                        && p.len() >= 2
                        && d.sentences
                            .iter()
                            .any(|&s| ctx.sentence as u32 - s <= 1 && ctx.same_paragraph(s))
                }) {
                    participants.extend(p.iter().copied());
                    confidence -= 0.2;
                    continued = Some(d.status);
                }
            }
        }
        // «С российской стороны во встрече участвовали Ушаков и Дмитриев»: they join the
        // meeting just reported, they do not meet each other.
        let joining = trigger.is_noun()
            && i > 0
            && matches!(doc.fold_of(i - 1), "во" | "в")
            && clause
                .clone()
                .any(|k| doc.fold_of(k).starts_with("участвов") || doc.fold_of(k) == "участие");
        if joining
            && let Some((_, p, _)) = previous.iter().rev().take(RECENT).find(|(d, p, _)| {
                d.kind.is_contact()
                    && p.len() >= 2
                    && d.sentences
                        .iter()
                        .any(|&s| ctx.sentence as u32 - s <= 1 && ctx.same_paragraph(s))
            })
        {
            for r in p {
                if !participants.contains(r) {
                    participants.push(*r);
                }
            }
        }
        // «при посредничестве Блинкена», «при участии главы МИД Турции»: third parties who
        // take part.
        if kind.is_contact() && !participants.is_empty() {
            for r in ctx.mediators(&clause) {
                if !participants.contains(&r) {
                    participants.push(r);
                }
            }
        }
        dedup(&mut participants);
        // Status.
        // «В Эр-Рияде запланированы переговоры с X, а также отдельная встреча с Y»: a noun
        // trigger in a clause with no verb and no cue shares the status of the sentence before
        // it.
        // So does an infinitive there: «должен был встретиться с X, а затем отправиться в
        // Минск».
        let verbless = (trigger.is_noun() || infinitive)
            && !clause.clone().any(|k| is_finite_verb(doc, k))
            && clause.start > ctx.range.start;
        let status_span = if verbless {
            ctx.range.start..clause.end
        } else {
            clause.clone()
        };
        let mut status = self.status(
            doc,
            i,
            &status_span,
            after_relative(doc, &ctx.range, ctx.marks, &clause),
            trigger,
        );
        // «Прибывший в Хиросиму Лула отменил встречу с Зеленским»: a past participle of
        // arriving tells an arrival that happened, whatever the predicate it leads to says.
        if trigger == Trigger::Arrive
            && status != Status::Happened
            && doc.word(i).and_then(|w| w.best()).is_some_and(|p| {
                p.verb_form == Some(VerbForm::Part)
                    && !p.short
                    && !p.passive
                    && p.tense == Some(Tense::Past)
            })
            && !(clause.start..i).any(|k| doc.fold_of(k) == "не")
        {
            status = Status::Happened;
        }
        // «обсудил подготовку своего визита в Иерусалим»: the event noun a preparation
        // governs lies ahead («Переговоры, подготовка к которым шла месяцами, …» are not
        // governed by it).
        if status == Status::Happened
            && trigger.is_noun()
            && (i.saturating_sub(3).max(clause.start)..i).any(|k| {
                doc.lower(k).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| p.pos == Pos::Noun && &*p.lemma == "подготовка")
                })
            })
            && !(i.saturating_sub(3).max(clause.start)..i).any(|k| doc.is_punct(k, ","))
        {
            status = Status::Planned;
        }
        // «Президент Египта посетит Россию по приглашению Путина»: the visit lies ahead, the
        // invitation it is made on has been given.
        if status == Status::Planned
            && trigger == Trigger::InviteNoun
            && i > 0
            && doc.fold_of(i - 1) == "по"
        {
            status = Status::Happened;
        }
        // «Встреча … была запланирована на 12 ноября, однако её пришлось отложить»: a clause
        // of contrast that cancels the event by a pronoun.
        if status != Status::Cancelled
            && let Some(turn) = (clause.end..ctx.range.end)
                .find(|&k| matches!(doc.fold_of(k), "однако" | "но") && doc.is_punct(k - 1, ","))
        {
            let rest = turn + 1..ctx.range.end;
            // (Or the event named again: «…, но визит сорвался».)
            let pronoun = rest.clone().take(4).any(|k| {
                matches!(doc.fold_of(k), "ее" | "его" | "их" | "она" | "он" | "они")
                    || trigger_at(doc, k).is_some_and(|t| t.is_noun() && t.event_type() == kind)
            });
            // A verb of cancelling, not negated («…, но они не договорились об отмене
            // пошлин» cancels nothing).
            const CANCELLING: &[&str] = &[
                "отложить",
                "откладывать",
                "отменить",
                "отменять",
                "перенести",
                "переносить",
                "сорвать",
                "сорваться",
            ];
            let cancel = rest.clone().any(|k| {
                verb_of(doc.lower(k), CANCELLING, |_| true)
                    && !(k.saturating_sub(2).max(turn)..k).any(|j| doc.fold_of(j) == "не")
            });
            if pronoun && cancel {
                status = Status::Cancelled;
            }
        }
        // «В ходе встречи лидер предложил …», «по итогам переговоров …»: the frame refers to
        // an event already reported; what is proposed in it does not make it hypothetical.
        let frame = trigger.is_noun()
            && i >= 2
            && matches!(
                (doc.fold_of(i - 2), doc.fold_of(i - 1)),
                ("в", "ходе") | ("по", "итогам")
            );
        if frame && status == Status::Hypothetical {
            status = Status::Happened;
        }
        // «Трамп проведёт переговоры с Путиным. Дата и место встречи не определены»: a bare
        // noun that continues a contact not yet held is that contact, unless a past-tense verb
        // says it took place («Переговоры прошли …»).
        // (Nor does a detail left open: «Дата встречи пока не назначена» is still that plan.)
        if let Some(before) = continued
            && before != Status::Happened
            && (status == Status::Happened
                || (status == Status::Hypothetical && before == Status::Planned))
            && !clause.clone().any(|k| {
                doc.word(k).and_then(|w| w.best()).is_some_and(|p| {
                    p.verb_form == Some(VerbForm::Fin) && p.tense == Some(Tense::Past)
                })
            })
        {
            status = before;
        }
        // «В Кремле не исключили, что Путин и Эрдоган встретятся»: a clause of «что» governed
        // by a verb of allowing is only possible.
        if matches!(status, Status::Planned | Status::Happened)
            && let Some(that) = (ctx.range.start..i)
                .rev()
                .find(|&k| doc.fold_of(k) == "что")
            && that > ctx.range.start
            && doc.is_punct(that - 1, ",")
            && (ctx.range.start..that - 1).any(|k| {
                doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        p.pos == Pos::Verb
                            && p.verb_form == Some(VerbForm::Fin)
                            && matches!(
                                &*p.lemma,
                                "исключить" | "исключать" | "допустить" | "допускать"
                            )
                    })
                }) && ((k > 0 && doc.fold_of(k - 1) == "не") || doc.fold_of(k).starts_with("допус"))
                    // the verb governs the «что» clause: no other finite verb between them
                    && !(k + 1..that - 1).any(|x| is_finite_verb(doc, x))
            })
        {
            status = Status::Hypothetical;
        }
        // «Президент США предложил провести личную встречу»: a proposal or plan with one
        // named side is with the other person the article is about.
        // (Not when «с» names someone the text leaves unnamed or unknown: «встретится с
        // вице-премьером Госсовета КНР».)
        // The role noun of «с послом …», «с министром обороны …»: a side the text names by
        // office only. (The rule below for plans looks at the noun right after «с» only.)
        let role_noun = |k: usize| {
            k < clause.end
                && doc.tokens[k].shape == Shape::Lower
                && doc.lower(k).is_some_and(|w| {
                    w.prob(|p| p.pos == Pos::Noun && p.animate && p.case == Some(Case::Ins)) >= 0.5
                })
        };
        let after_s = |k: usize| matches!(doc.fold_of(k), "с" | "со");
        let unnamed_other = (i + 1..clause.end).any(|k| after_s(k) && role_noun(k + 1));
        // «с китайским министром обороны»: one adjective may come first.
        let unnamed_role = (i + 1..clause.end).find_map(|k| {
            if !after_s(k) {
                None
            } else if role_noun(k + 1) {
                Some(k + 1)
            } else {
                let adjective = k + 1 < clause.end
                    && doc
                        .lower(k + 1)
                        .and_then(|w| w.best())
                        .is_some_and(|p| p.pos == Pos::Adj && p.case == Some(Case::Ins));
                (adjective && role_noun(k + 2)).then_some(k + 2)
            }
        });
        if kind.is_contact()
            && participants.len() == 1
            && !unnamed_other
            && matches!(status, Status::Hypothetical | Status::Planned)
        {
            let others: Vec<u32> = ctx
                .recent
                .iter()
                .copied()
                .filter(|p| Ref::Doc(*p) != participants[0])
                .collect();
            if let [other] = others[..] {
                participants.push(Ref::Doc(other));
                confidence -= 0.2;
            }
        }
        // «Видодо прибыл в Москву. Переговоры с Владимиром Путиным продлились …»: a contact
        // with one named side, just after a visit by someone else, is with the visitor.
        if kind.is_contact() && kind != EventType::PhoneCall && participants.len() == 1 {
            // A side named by office must fit the visitor: «встретился с послом Франции» or
            // «с министром обороны Китая» after Wang Yi's visit is someone else.
            let fits = |v: &Visitor| {
                let Some(role) = unnamed_role else {
                    return true;
                };
                let country = (role - 1..clause.end.min(role + 5)).find_map(|j| {
                    doc.mentions_at(j)
                        .iter()
                        .find(|m| {
                            m.kind == EntityKind::Country
                                && (if j < role {
                                    m.via == Via::Adjective
                                } else {
                                    m.cases.contains(Case::Gen)
                                })
                        })
                        .and_then(|m| doc.entities[m.entity as usize].gaz)
                });
                let same_country = country.is_none_or(|c| {
                    country_of(doc, v.person) == Some(c)
                        || ctx.public.countries.get(&v.person) == Some(&c)
                });
                same_country && !ctx.other_portfolio(role, v.person)
            };
            let visitor = ctx.visitors.iter().rev().find(|v| {
                ctx.sentence as u32 - v.sentence <= 1
                    && ctx.same_paragraph(v.sentence)
                    && Ref::Doc(v.person) != participants[0]
                    && fits(v)
            });
            if let Some(v) = visitor {
                participants.push(Ref::Doc(v.person));
                confidence -= 0.15;
            }
        }
        // «…, заявил генеральный секретарь кабинета Ёсихидэ Суга», «…, уточнил Дмитрий
        // Песков»: a name after a verb of saying that follows the trigger is the source of
        // the report, not a side.
        let source_from = (i + 1..clause.end)
            .find(|&k| doc.is_punct(k - 1, ",") && doc.lower(k).is_some_and(speaking_verb));
        if let Some(k) = source_from {
            let before = |e: u32| {
                ctx.actors_in(&clause)
                    .any(|a| a.entity == e && a.tokens.start < k)
            };
            let after = |e: u32| {
                ctx.actors_in(&clause)
                    .any(|a| a.entity == e && a.tokens.start > k)
            };
            participants.retain(|r| match *r {
                Ref::Doc(e) => before(e) || !after(e),
                Ref::Gaz(_) => true,
            });
        }
        // «… обсудили решение ОПЕК+»: between named people an organisation picked up from the
        // clause is a topic, not a side.
        if participants
            .iter()
            .filter(|r| r.kind(doc) == EntityKind::Person)
            .count()
            >= 2
        {
            participants.retain(|r| r.kind(doc) != EntityKind::Organization);
        }
        // «По видеосвязи прошла встреча … По итогам встречи премьеры …»: a meeting that took
        // place, of the people of a call just reported, is that call («Следующую встречу, уже
        // в очном формате, …» is not).
        let same_call = trigger.is_noun()
            && kind.is_contact()
            && status == Status::Happened
            && previous.iter().rev().take(RECENT).any(|(d, p, _)| {
                d.kind == EventType::PhoneCall
                    && p.len() == participants.len()
                    && p.iter().all(|r| participants.contains(r))
                    && d.sentences
                        .iter()
                        .any(|&s| ctx.sentence as u32 - s <= 1 && ctx.same_paragraph(s))
            });
        if same_call {
            kind = EventType::PhoneCall;
        }
        // «… прибудет в Москву. Токаев и Путин обсудят …»: the visitor is one of those who
        // discuss, else the visit says nothing of this talk; the talk is where the visit is
        // (places after the verb are what is discussed: «обсудили ситуацию в Сирии»).
        let visit_place = if trigger == Trigger::Discuss {
            let visitor = ctx.visitors.iter().rev().find(|v| {
                ctx.sentence as u32 - v.sentence <= 1
                    && ctx.same_paragraph(v.sentence)
                    && participants.contains(&Ref::Doc(v.person))
            });
            Some(visitor?.place)
        } else {
            None
        };
        // A contact with fewer than two sides goes on: the caller keeps it aside, for the next
        // sentence may name them (`sides_from_next_sentence`).

        // Date: in the clause (before the trigger, for an invitation: a date after it is the
        // visit's), else earlier in the sentence, else earlier in the paragraph, else the
        // article's own day for a past-tense report.
        let clause_dates = if kind == EventType::Invitation {
            clause.start..i
        } else {
            clause.clone()
        };
        let since = staying_visit
            .then(|| {
                let dates = &doc.dates;
                let from = dates.partition_point(|d| d.tokens.start < clause.start);
                dates[from..]
                    .iter()
                    .take_while(|d| d.tokens.start < clause.end)
                    .find(|d| matches!(doc.fold_of(d.tokens.start), "с" | "со"))
                    .map(|d| d.value)
            })
            .flatten();
        // «переговоры с Алиевым, которые пройдут во вторник»: the relative clause of the event
        // noun tells its day too, as it tells its status.
        let own_relative = || {
            trigger
                .is_noun()
                .then(|| relative_of_noun(doc, i, &clause))
                .flatten()
        };
        let mut date = since
            .or_else(|| ctx.date_in(i, &clause_dates))
            .or_else(|| ctx.date_in(i, &(ctx.range.start..clause.start)))
            .or_else(|| own_relative().and_then(|r| ctx.date_in(i, &r)))
            // «Встречу Зеленского с Трампом, о которой сообщали СМИ, могут провести в
            // пятницу»: the clause of a subject noun goes on after its relative clause (as
            // for its status).
            // (After the relative clause's closing comma: «о которой договорились в
            // феврале» is the agreement's day.)
            .or_else(|| {
                let rest = after_relative(doc, &ctx.range, ctx.marks, &clause)?;
                let close = (clause.end + 1..rest.end).find(|&k| doc.is_punct(k, ","))?;
                ctx.date_in(i, &(close + 1..rest.end))
            });
        // «Байден, совершивший в понедельник поездку в Киев, прибыл в Варшаву»: the day of
        // another journey, told in a participial phrase, is not this arrival's.
        if trigger == Trigger::Arrive
            && let Some((v, k)) = ctx.date_token_in(i, &clause_dates)
            && date == Some(v)
            && ctx.in_other_participial_phrase(k, i)
        {
            let open = (ctx.range.start..k).rfind(|&x| doc.is_punct(x, ","));
            let close = (k..ctx.range.end).find(|&x| doc.is_punct(x, ","));
            if let (Some(open), Some(close)) = (open, close)
                && (open + 1..close).any(|j| {
                    matches!(
                        trigger_at(doc, j),
                        Some(Trigger::Arrive | Trigger::VisitNoun)
                    )
                })
            {
                date = None;
            }
        }
        // «Встреча … перенесена на 25 марта», «перенесли с пятницы на следующий
        // понедельник»: the day it was moved to is when it is now planned; the cancelled one
        // is the day it was moved from («запланированный на 17 марта, перенесли на
        // неопределённый срок» stays cancelled on the 17th).
        if status == Status::Cancelled
            && let Some((v, k)) = ctx.date_token_in(i, &clause_dates)
            && date == Some(v)
        {
            let on = if doc.fold_of(k) == "на" {
                Some(k)
            } else {
                k.checked_sub(1).filter(|&x| doc.fold_of(x) == "на")
            };
            let moved = on.is_some_and(|on| {
                (on.saturating_sub(4).max(clause.start)..on).any(|x| {
                    doc.lower(x).is_some_and(|w| {
                        w.parses
                            .iter()
                            .any(|p| matches!(&*p.lemma, "перенести" | "переносить" | "перенос"))
                    })
                })
            });
            if moved {
                status = Status::Planned;
            }
        }
        // A stay spans days: only its start dates it for merging.
        let date_explicit = date.is_some() && (!staying_visit || since.is_some());
        // A date written in the text outweighs the tense: «в четверг Гутерриш направится в
        // Киев, где его ждут встречи» cannot have happened on a day after the article, and
        // «после июньской встречи» of a plan-worded sentence lies in the past.
        if let (Some(d), Some(a)) = (date, doc.date.filter(|a| a.day != 0)) {
            if status == Status::Happened && a.before(&d) {
                status = Status::Planned;
            } else if status == Status::Planned && d.before(&a) {
                // «Фицо, побывавший в конце декабря в Москве, заявил о новых встречах»: a past
                // date of a participial phrase around the subject is not the plan's.
                let other = ctx
                    .date_token_in(i, &clause_dates)
                    .filter(|&(v, _)| v == d)
                    .is_some_and(|(_, k)| ctx.in_other_participial_phrase(k, i));
                // «Трамп и Си договорились о встрече в Пекине в апреле»: what two sides agree
                // on lies ahead; a month or day that has passed this year is next year's.
                // «обсудил подготовку своего визита в Иерусалим 23 января»: what is being
                // prepared lies ahead too.
                let agreed = (clause.start..i).any(|k| {
                    doc.lower(k).is_some_and(|w| {
                        w.parses.iter().any(|p| {
                            (p.pos == Pos::Verb
                                && matches!(&*p.lemma, "договориться" | "условиться"))
                                || (p.pos == Pos::Noun && &*p.lemma == "подготовка")
                        })
                    })
                });
                let next_year = DateValue {
                    year: d.year + 1,
                    ..d
                };
                if other {
                    date = None;
                } else if agreed
                    && d.month != 0
                    && !(d.month == 2 && d.day == 29)
                    && a.before(&next_year)
                {
                    date = Some(next_year);
                } else {
                    status = Status::Happened;
                }
            }
        }
        // «в последний раз лидеры общались в Осаке»: some earlier day the text does not give;
        // neither the paragraph's dates nor the article's own day.
        let last_time = (clause.start + 1..clause.end)
            .any(|k| doc.fold_of(k) == "раз" && doc.fold_of(k - 1) == "последний");
        // «Ранее Лавров провёл переговоры …»: before the article, on a day it does not give
        // (not «ранее запланированная встреча», where «ранее» goes with the participle).
        // («Ранее российский спикер провел переговоры»: a country's adjective is the
        // subject's, not a participle of the event's.)
        let earlier = (clause.start..i).any(|k| {
            if doc.fold_of(k) != "ранее" {
                return false;
            }
            let modifier = doc
                .lower(k + 1)
                .and_then(|w| w.best())
                .is_some_and(|p| matches!(p.pos, Pos::Adj) || p.verb_form == Some(VerbForm::Part));
            let country = doc
                .mentions_at(k + 1)
                .iter()
                .any(|m| m.via == Via::Adjective);
            !modifier || country
        });
        // «Следующая встреча министров должна пройти в Анкаре»: the next one, on a day the
        // text does not give, not on the day of the one just reported.
        let next_one = trigger.is_noun()
            && (i.saturating_sub(2)..i).any(|k| {
                doc.lower(k)
                    .is_some_and(|w| w.parses.iter().any(|p| &*p.lemma == "следующий"))
            });
        // «Стороны обсудят подготовку визита Эрдогана в Россию»: a contact being prepared
        // lies ahead on a day the text does not give, not on the day of the talks that
        // prepare it.
        let prepared = trigger.is_noun()
            && (i.saturating_sub(3)..i).any(|k| {
                doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        matches!(
                            &*p.lemma,
                            "подготовка" | "подготовить" | "готовить" | "подготавливать"
                        )
                    })
                })
            });
        let undated =
            (last_time || earlier || next_one || prepared || recalled || vague_time(doc, &clause))
                && date.is_none();
        // «X совершил визит в Санкт-Петербург — первый после избрания в мае. В
        // Константиновском дворце его принял Путин»: an undated contact is on the day of the
        // latest event of one of its sides (the visit, the talks before «затем»), not on the
        // last date the paragraph wrote.
        if date.is_none() && !undated && kind.is_contact() && status == Status::Happened {
            date = previous
                .iter()
                .rev()
                .take(RECENT)
                .find(|(d, p, _)| {
                    d.status == status
                        && d.date_explicit
                        && p.iter().any(|x| participants.contains(x))
                        && d.sentences.iter().any(|&s| ctx.same_paragraph(s))
                })
                .and_then(|(d, _, _)| d.date);
        }
        if date.is_none() && !undated {
            date = ctx.date_earlier_in_paragraph(status);
        }
        if date.is_none() && !undated && status == Status::Happened {
            date = ctx.date_opening_next_sentence(kind);
        }
        // «по приглашению X» says who invited, not when: no date unless one is written.
        let by_invitation = trigger == Trigger::InviteNoun && i > 0 && doc.fold_of(i - 1) == "по";
        if by_invitation && !date_explicit {
            date = None;
        }
        if date.is_none() && !undated && status == Status::Happened && !by_invitation {
            date = doc.date.filter(|d| d.day != 0);
            confidence -= 0.1;
        }
        if status == Status::Happened
            && date
                .zip(doc.date)
                .is_some_and(|(d, a)| d > a && a.day != 0 && d.day != 0)
        {
            // A day after the article date cannot have happened.
            confidence -= 0.2;
        }
        // Place.
        // A call has no place: the sides are apart.
        // «прибыл на космодром Восточный, где его встретил Путин»: a «где» whose place the
        // gazetteers do not know still says the contact was there, so no place is guessed
        // (not the host's capital, not an earlier visit's city).
        let mut where_unknown = false;
        if place.is_none() && kind.is_contact() && kind != EventType::PhoneCall {
            // «Эрдоган и Стармер, встретившиеся в Анкаре, договорились провести следующую
            // встречу в Лондоне»: a place of the trigger's own part of the clause first, then
            // one of a participial phrase around it («Путин, прибывший в Минск, провёл
            // переговоры» were in Minsk).
            place = ctx
                .place_in(&ctx.outside_participial_phrase(i, &clause))
                .or_else(|| ctx.place_in(&clause))
                .or_else(|| match ctx.place_of_where(&clause) {
                    Some(Some(p)) => Some(p),
                    Some(None) => {
                        where_unknown = true;
                        None
                    }
                    // «…, а во вторник был принят в Энтеббе президентом Уганды»: a place the
                    // clause names that no gazetteer knows is its own, not the sentence's.
                    None if ctx.unknown_site_in(&clause) => None,
                    // The sentence up to a colon or semicolon after the clause: «… не
                    // встретятся: в Нью-Дели сослались на …» is another statement.
                    None => {
                        let upto = (clause.end..ctx.range.end)
                            .find(|&k| doc.is_punct(k, ":") || doc.is_punct(k, ";"))
                            .unwrap_or(ctx.range.end);
                        ctx.place_in(&(ctx.range.start..upto))
                    }
                });
        }
        // «принял в своей резиденции Мар-а-Лаго»: a named site the gazetteers do not know is
        // where it was, not the host's capital (a visit reported before may still place it:
        // «совершил поездку в Киев … принял в Мариинском дворце»).
        let unknown_site = place.is_none() && ctx.unknown_site_in(&clause);
        // «Там же в пятницу президент проведёт переговоры …»: «там» stands for the place of
        // the paragraph's latest event that has one.
        if place.is_none()
            && !where_unknown
            && kind.is_contact()
            && kind != EventType::PhoneCall
            && clause.clone().any(|k| {
                (doc.fold_of(k) == "там" && !doc.is_punct(k + 1, ","))
                    // «В Вильнюсе … Зеленский также встретился с Байденом»: a contact reported
                    // «also» is at the place of the paragraph's contact before it.
                    || (matches!(doc.fold_of(k), "также" | "тоже") && status == Status::Happened)
            })
        {
            place = previous
                .iter()
                .rev()
                .take(RECENT)
                .filter(|(d, _, _)| d.sentences.iter().any(|&s| ctx.same_paragraph(s)))
                .find_map(|(_, _, pl)| *pl)
                // «Лидеры БРИКС соберутся в Казани. Путин проведёт там встречи …»: the city of
                // the sentence before, when no event there had a place.
                .or_else(|| {
                    clause
                        .clone()
                        .any(|k| doc.fold_of(k) == "там" && !doc.is_punct(k + 1, ","))
                        .then(|| ctx.place_before())
                        .flatten()
                })
                // «ТОКИО, 30 мая. … В пятницу там же Лавров проведёт …»: the dateline's city.
                .or_else(|| dateline_city(doc));
        }
        if place.is_none()
            && !where_unknown
            && matches!(kind, EventType::Meeting | EventType::Talks)
        {
            // Where a participant had arrived: before the host's capital, since «В
            // Константиновском дворце его принял Путин» after a visit to Saint Petersburg is
            // there.
            // The latest visit by a participant at a compatible time.
            place = previous.iter().rev().take(RECENT).find_map(|(d, p, pl)| {
                // A visit to a country yields to the host's capital below.
                let city = match *pl {
                    Some(Ref::Doc(e)) => doc.entities[e as usize].kind == EntityKind::City,
                    Some(Ref::Gaz(g)) => doc.gazetteer.entity(g).kind == EntityKind::City,
                    None => true,
                };
                // A visit dated only by the article's own day fits any day of the report.
                // An arrival a few days before the contact still holds («прилетевший
                // накануне … в четверг провёл переговоры»).
                let when = match (d.date, date) {
                    (Some(x), Some(y)) => {
                        !d.date_explicit
                            || x.compatible(&y)
                            || crate::stages::dates::days_between(x, y)
                                .is_some_and(|n| (0..=3).contains(&n))
                    }
                    _ => true,
                };
                // Before the host's capital only a visit of this paragraph counts.
                let here = host.is_none() || d.sentences.iter().any(|&s| ctx.same_paragraph(s));
                (d.kind == EventType::Visit
                    && when
                    && here
                    && (city || host.is_none())
                    && p.iter().any(|x| participants.contains(x)))
                .then_some(*pl)
                .flatten()
            });
        }
        if place.is_none() && !where_unknown && !unknown_site {
            // The host's capital; the host may be a document person or an office holder named
            // by a title.
            place = match host {
                Some(Ref::Doc(h)) => {
                    capital_of(doc, h).or_else(|| ctx.public.introduced_capital(doc, h))
                }
                Some(Ref::Gaz(g)) => {
                    country_of_gaz(doc, g).and_then(|c| doc.gazetteer.entity(c).capital)
                }
                None => None,
            }
            .map(Ref::Gaz);
        }
        if place.is_none()
            && !where_unknown
            && kind.is_contact()
            && kind != EventType::PhoneCall
            && status == Status::Happened
            && let Some(p) = ctx.place_before()
        {
            place = Some(p);
            confidence -= 0.05;
        }
        // «Путин совершил поездку в Дамаск. … в Сирии он встретился с Асадом»: a country
        // yields to the city of it a participant is visiting.
        if let Some(Ref::Doc(country)) = place
            && doc.entities[country as usize].kind == EntityKind::Country
            && let Some(country_gaz) = doc.entities[country as usize].gaz
        {
            let city = previous.iter().rev().take(RECENT).find_map(|(d, p, pl)| {
                let Some(Ref::Doc(c)) = *pl else { return None };
                let in_country = doc.entities[c as usize].kind == EntityKind::City
                    && doc.entities[c as usize]
                        .gaz
                        .is_some_and(|g| doc.gazetteer.entity(g).country == Some(country_gaz));
                (d.kind == EventType::Visit
                    && in_country
                    && p.iter().any(|x| participants.contains(x)))
                .then_some(Ref::Doc(c))
            });
            if city.is_some() {
                place = city;
            }
        }
        // «визит в Узбекистан … В Ташкенте лидер должен был …»: a visit to a country takes the
        // city of it that this sentence or the next one places the visitor in.
        // (Not a stay: «находится в России с визитом, … провёл в Москве» is in Russia.)
        if kind == EventType::Visit
            && !staying_visit
            && let Some(Ref::Doc(country)) = place
            && doc.entities[country as usize].kind == EntityKind::Country
            && let Some(country_gaz) = doc.entities[country as usize].gaz
            && let Some(city) = ctx.city_of_country_near(country_gaz)
        {
            place = Some(city);
        }
        // «Японский премьер прибыл на Восточный экономический форум»: the named event's
        // place, else the city the sentence before names.
        let to_event = named_event.is_some()
            || (i + 1..(i + 3).min(clause.end)).any(|k| doc.fold_of(k) == "на");
        if kind == EventType::Visit && place.is_none() && to_event {
            place = named_event
                .and_then(|e| doc.entities[e as usize].gaz)
                .and_then(|g| doc.gazetteer.entity(g).place)
                .map(Ref::Gaz)
                .or_else(|| ctx.place_before());
        }
        if kind == EventType::Invitation && place.is_none() {
            // Where the invitee was invited to: «приглашение посетить Китай», «прибыл в
            // Казань по приглашению …», else where the invitee's visit goes («Поездка проходит
            // по приглашению …»).
            let visit_after = (i + 1..clause.end).find(|&k| {
                doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        p.verb_form == Some(VerbForm::Inf)
                            && matches!(&*p.lemma, "посетить" | "приехать" | "прибыть")
                    })
                })
            });
            place = visit_after
                .and_then(|k| ctx.destination(k, &clause, true))
                .or_else(|| ctx.destination(ctx.range.start, &ctx.range, false))
                .or_else(|| {
                    ctx.visitors
                        .iter()
                        .rev()
                        .find(|v| participants.get(1) == Some(&Ref::Doc(v.person)))
                        .and_then(|v| v.place)
                });
        }

        if participants.iter().all(|r| matches!(r, Ref::Doc(_))) && !trigger.is_noun() {
            confidence += 0.1;
        }
        if let Some(at) = visit_place {
            place = at;
        }
        // «Путин и Си обсудили ситуацию на Украине»: what is discussed comes after the verb, and
        // nothing else says where the sides were; only a place before the verb is theirs
        // («Путин и Токаев в Кремле обсудили …»).
        // So is a city right after the verb («Лавров и Ван И обсудили в Москве ситуацию в
        // Афганистане»), never a country there (that is mostly the topic).
        if trigger == Trigger::DiscussNamed {
            place = ctx.place_in(&(clause.start..i)).or_else(|| {
                if !(i + 2 < clause.end && matches!(doc.fold_of(i + 1), "в" | "во")) {
                    return None;
                }
                let after = i + 2..clause.end;
                let city = ctx
                    .actors_in(&after)
                    .next()
                    .filter(|a| a.tokens.start == i + 2 && a.kind == EntityKind::City)?;
                ctx.place_in(&city.tokens)
            });
        }
        // «прилетевший во вторник в Москву по приглашению Путина»: the day the invitation was
        // made is not given (the day is the visit's).
        let invited_by = trigger == Trigger::InviteNoun && i > 0 && doc.fold_of(i - 1) == "по";
        let (date, date_explicit) = if invited_by {
            (None, false)
        } else {
            (date, date_explicit)
        };
        // «ТОКИО, 30 мая. Министры … провели встречу»: with nothing else to place a contact in
        // person, the city of the dateline, where the report was filed — unless the article
        // names another city (agencies date from their newsroom reports of events elsewhere:
        // «МОСКВА, 5 сентября. … на форуме во Владивостоке …»).
        if place.is_none()
            && kind.is_contact()
            && kind != EventType::PhoneCall
            && !where_unknown
            && !unknown_site
            && let Some(Ref::Doc(city)) = dateline_city(doc)
            && !doc
                .mentions
                .iter()
                .any(|m| m.kind == EntityKind::City && m.entity != city)
        {
            place = Some(Ref::Doc(city));
        }
        let draft = EventDraft {
            kind,
            participants: Vec::new(),
            place: None,
            date,
            until: None,
            date_explicit,
            status,
            trigger: i..i + 1,
            sentences: vec![ctx.sentence as u32],
            confidence: confidence.clamp(0.05, 0.99),
            named_event,
        };
        Some((draft, participants, place))
    }

    /// True when the sentence denies the event: a denial cue in the trigger's clause, or
    /// anywhere before the trigger in the sentence.
    fn denied(
        &self,
        doc: &Doc<'_>,
        sentence: &Range<usize>,
        clause: &Range<usize>,
        i: usize,
    ) -> bool {
        let span = sentence.start..clause.end.max(i + 1);
        let bytes = doc.byte_span(&span);
        let text = &doc.norm.fold[bytes.clone()];
        self.denials.find_overlapping_iter(text).any(|m| {
            let at = bytes.start + m.start();
            !doc.norm.fold[..at]
                .chars()
                .next_back()
                .is_some_and(is_alnum)
        })
    }

    /// The status from cue words in the clause and the tense of the trigger or its verb.
    fn status(
        &self,
        doc: &Doc<'_>,
        i: usize,
        clause: &Range<usize>,
        after_relative: Option<Range<usize>>,
        trigger: Trigger,
    ) -> Status {
        let mut best: Option<Status> = None;
        // «Переговоры X и Y, которые должны были пройти в Вашингтоне, отменены»: the clause
        // of a subject noun goes on after the relative clause it carries.
        // «о встрече Трампа и Зеленского, которая не состоялась»: a relative clause whose
        // pronoun is the event noun's subject tells the event's status too.
        let own_relative = trigger
            .is_noun()
            .then(|| relative_of_noun(doc, i, clause))
            .flatten();
        let spans = std::iter::once(clause.clone())
            .chain(after_relative)
            .chain(own_relative);
        for (n, span) in spans.enumerate() {
            let own_clause = n == 0;
            let bytes = doc.byte_span(&span);
            let text = &doc.norm.fold[bytes.clone()];
            // «несмотря на призывы отменить поездку»: what follows a concession is not the
            // event's status.
            let concession = text.find("несмотря").map(|c| bytes.start + c);
            // «переговорили по телефону, обсудив параметры возможного сокращения»: after the
            // trigger, a cue behind a gerund or a verb of discussing belongs to the topic, not
            // to the event (other verbs may govern it: «…, был вынужден отложить поездку»).
            let trigger_end = doc.tokens[i].end as usize;
            // The start of the first such verb after the trigger, found once per span.
            let topic_from = (i + 1..span.end)
                .find(|&k| {
                    doc.word(k).and_then(|w| w.best()).is_some_and(|p| {
                        p.pos == Pos::Verb
                            && (p.verb_form == Some(VerbForm::Conv)
                                || matches!(
                                    &*p.lemma,
                                    "обсудить" | "обсуждать" | "затронуть" | "рассмотреть"
                                ))
                    })
                })
                .map(|k| doc.tokens[k].start as usize);
            let verb_between = |at: usize| topic_from.is_some_and(|v| v < at);
            // «Встретившись с Эрдоганом, Лавров заявил о готовности …»: a gerund phrase ends at
            // its comma; what the main predicate says after it is not the meeting's status.
            let gerund_end =
                gerund_phrase_end(doc, i, span.end).map(|k| doc.tokens[k].start as usize);
            let past_gerund = |at: usize| gerund_end.is_some_and(|g| at > g);
            // «Эрдоган в телефонном разговоре с Путиным предложил провести встречу»: after a
            // call noun in the locative of a frame, what follows is what was said in it.
            let framed_call = trigger == Trigger::CallNoun
                && (i.saturating_sub(2)..i).any(|k| {
                    matches!(doc.fold_of(k), "в" | "во")
                        || (matches!(doc.fold_of(k), "ходе" | "время")
                            && k > 0
                            && matches!(doc.fold_of(k - 1), "в" | "во"))
                })
                && doc.lower(i).is_some_and(|w| {
                    w.cases(|p| p.pos == Pos::Noun).contains(Case::Loc)
                        || w.cases(|p| p.pos == Pos::Noun).contains(Case::Gen)
                });
            for m in self.cues.find_overlapping_iter(text) {
                let at = bytes.start + m.start();
                // Cues match at a word start only.
                let prev = doc.norm.fold[..at].chars().next_back();
                if prev.is_some_and(is_alnum) || concession.is_some_and(|c| at > c) {
                    continue;
                }
                if own_clause
                    && at > trigger_end
                    && (verb_between(at) || framed_call || past_gerund(at))
                {
                    continue;
                }
                let status = CUES[m.pattern().as_usize()].1;
                // «отменять не стали», «не отменили»: a cancellation denied.
                if status == Status::Cancelled && !text[m.start()..].starts_with("не ") {
                    let word_end = text[m.start()..]
                        .find(|c: char| !c.is_alphanumeric())
                        .map_or(text.len(), |e| m.start() + e);
                    let after = text[word_end..].trim_start();
                    let before = text[..m.start()].trim_end();
                    if after.starts_with("не ")
                        || before.ends_with(" не")
                        || before == "не"
                        || before.ends_with("под угрозой")
                    {
                        continue;
                    }
                }
                best = Some(match best {
                    Some(b) => stronger(b, status),
                    None => status,
                });
            }
        }
        // «не» right before the trigger: «не встретились», «встреча не состоялась».
        if i > clause.start && doc.fold_of(i - 1) == "не" {
            best = Some(Status::Cancelled);
        }
        // «Запланированная встреча состоялась», «намеченные переговоры прошли в Кремле»: a
        // plan word describing the event does not outweigh its past-tense predicate.
        if best == Some(Status::Planned)
            && trigger.is_noun()
            && clause.clone().any(|k| {
                verb_of(
                    doc.word(k),
                    &["состояться", "пройти", "завершиться", "закончиться"],
                    |p| p.tense == Some(Tense::Past),
                )
            })
        {
            best = Some(Status::Happened);
        }
        // «Накануне визита в Китай Путин дал интервью», «перед встречей с Си»: what the
        // sentence tells happened before the event, which was still ahead.
        if trigger.is_noun() {
            let k = adjectives_before(doc, i, 2);
            if k > clause.start && ahead_frame_before(doc, k).is_some_and(|f| f >= clause.start) {
                best = Some(best.map_or(Status::Planned, |b| stronger(b, Status::Planned)));
            }
        }
        if let Some(b) = best {
            return b;
        }
        // Tense of the trigger verb, or of the first finite verb of the clause for a noun.
        let verb = if trigger.is_noun() {
            clause.clone().find(|&k| is_finite_verb(doc, k))
        } else {
            Some(i)
        };
        // «договорились о (новой) встрече»: agreed on, so ahead.
        if trigger.is_noun() {
            let o = (i.saturating_sub(2)..i)
                .rev()
                .find(|&k| matches!(doc.fold_of(k), "о" | "об"));
            if let Some(o) = o
                && o > clause.start
                && verb_of(doc.word(o - 1), &["договориться", "условиться"], |_| true)
            {
                return Status::Planned;
            }
        }
        // «вылетел в Вашингтон для встречи с Байденом»: the event a journey is for lies
        // ahead of it (adjectives may stand between: «для двусторонней встречи»). Not after a
        // common noun: «находили повод для встреч» is no plan.
        if trigger.is_noun() {
            let k = adjectives_before(doc, i, 2);
            let after_common_noun = k >= 2
                && doc.tokens[k - 2].shape == Shape::Lower
                && doc
                    .lower(k - 2)
                    .and_then(|w| w.best())
                    .is_some_and(|p| p.pos == Pos::Noun);
            if k > clause.start && doc.fold_of(k - 1) == "для" && !after_common_noun {
                return Status::Planned;
            }
        }
        // «договорились провести встречу», «намерены провести переговоры»
        if trigger.is_noun()
            && (clause.start..i).any(|k| {
                doc.word(k)
                    .and_then(|w| w.best())
                    .is_some_and(|p| p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Inf))
            })
        {
            return Status::Planned;
        }
        // The verb reading of the word, not its best one: «примет» is also the genitive
        // plural of «примета».
        // Between equally likely readings the one with a tense: «встретимся» is the future
        // («мы встретимся») or the imperative («встретимся!»), half and half, and neither
        // happened.
        let reading = verb.and_then(|k| doc.word(k)).and_then(|w| {
            w.parses
                .iter()
                .filter(|p| matches!(p.pos, Pos::Verb | Pos::Aux))
                .max_by(|a, b| {
                    a.prob
                        .total_cmp(&b.prob)
                        .then(a.tense.is_some().cmp(&b.tense.is_some()))
                })
                .or_else(|| w.best())
        });
        // «Встреча Путина и Трампа обсуждается»: the event as the subject of a verb of
        // preparing, in the present, is only in the works.
        let in_the_works = trigger.is_noun()
            && doc
                .word(i)
                .is_some_and(|w| w.cases(|_| true).contains(Case::Nom))
            && reading.is_some_and(|p| {
                p.tense == Some(Tense::Pres)
                    && matches!(
                        &*p.lemma,
                        "обсуждаться"
                            | "обсуждать"
                            | "прорабатываться"
                            | "прорабатывать"
                            | "согласовываться"
                            | "согласовывать"
                    )
            });
        // «ему предстоит визит»: ahead.
        let ahead = reading.is_some_and(|p| &*p.lemma == "предстоять");
        match reading {
            _ if in_the_works => Status::Hypothetical,
            _ if ahead => Status::Planned,
            Some(p) if p.tense == Some(Tense::Fut) => Status::Planned,
            Some(p) if p.verb_form == Some(VerbForm::Inf) => Status::Planned,
            // «Встретимся в Стамбуле!»: a call to meet.
            Some(p) if p.imperative => Status::Hypothetical,
            _ => Status::Happened,
        }
    }
}

/// The first token of a frame that puts an event ahead of what the sentence tells, right
/// before token `k`: «накануне», «перед», «в преддверии» (+ the event noun).
fn ahead_frame_before(doc: &Doc<'_>, k: usize) -> Option<usize> {
    if k >= 1 && matches!(doc.fold_of(k - 1), "накануне" | "перед") {
        return Some(k - 1);
    }
    (k >= 2 && doc.fold_of(k - 2) == "в" && doc.fold_of(k - 1) == "преддверии").then(|| k - 2)
}

/// Which of two statuses wins: cancelled, then hypothetical, then planned.
fn stronger(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Cancelled => 3,
        Status::Hypothetical => 2,
        Status::Planned => 1,
        Status::Happened => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// «был принят», «принята»: a short passive participle, or a form after «был/была/были».
fn passive(doc: &Doc<'_>, i: usize) -> bool {
    matches!(doc.fold_of(i), "принят" | "принята" | "приняты")
        || (i > 0
            && matches!(
                doc.fold_of(i - 1),
                "был" | "была" | "были" | "будет" | "будут"
            ))
            && doc.fold_of(i).starts_with("принят")
}

fn is_finite_verb(doc: &Doc<'_>, k: usize) -> bool {
    doc.word(k).and_then(|w| w.best()).is_some_and(|p| {
        matches!(p.pos, Pos::Verb | Pos::Aux) && p.verb_form == Some(VerbForm::Fin)
    })
}

/// The first of the up to `max` tokens right before `k` whose likeliest reading is an
/// adjective («провели неформальную беседу», «в курортном городе»); `k` when there are none.
fn adjectives_before(doc: &Doc<'_>, k: usize, max: usize) -> usize {
    let mut start = k;
    while start > 0
        && k - start < max
        && doc
            .lower(start - 1)
            .and_then(|w| w.best())
            .is_some_and(|p| p.pos == Pos::Adj)
    {
        start -= 1;
    }
    start
}

/// Nouns for a settlement that the name after them names: «в городе Сочи», «в столице
/// Казахстана Астане».
const SETTLEMENT_NOUNS: &[&str] = &[
    "город",
    "городок",
    "столица",
    "село",
    "деревня",
    "посёлок",
    "поселок",
    "станица",
    "курорт",
];

/// The index in [`LEMMAS`] of the trigger lemma word `w` reads as, or [`LITERAL`] for none.
fn trigger_lemma(w: &WordInfo) -> u8 {
    // One hash lookup per reading instead of comparing every trigger lemma.
    static BY_LEMMA: std::sync::LazyLock<
        std::collections::HashMap<&'static str, Trigger, foldhash::fast::FixedState>,
    > = std::sync::LazyLock::new(|| LEMMAS.iter().copied().collect());
    if !w.parses.iter().any(|p| BY_LEMMA.contains_key(&*p.lemma)) {
        return LITERAL;
    }
    // The table's order decides between two readings («приём» of «принять»…).
    LEMMAS
        .iter()
        .position(|(lemma, _)| {
            w.parses
                .iter()
                .any(|p| &*p.lemma == *lemma && p.prob >= 0.05)
        })
        .map_or(LITERAL, |k| k as u8)
}

/// The trigger token `i` is, if any. Asked of every token: the test that most words fail (a
/// memo per distinct word) is inlined into the callers, the rest is [`trigger_of_class`]
/// (the call had been 1% of a run's instructions).
#[inline]
fn trigger_at(doc: &Doc<'_>, i: usize) -> Option<Trigger> {
    if doc.tokens[i].kind != TokenKind::Word {
        return None;
    }
    let w = doc.lower(i)?;
    let k = trigger_class(doc, i, w);
    if k == NO_TRIGGER {
        debug_assert!(
            literal_trigger(doc, i, doc.fold_of(i), w).is_none(),
            "«{}» is a trigger by its letters: add it to literal_trigger_word",
            doc.fold_of(i)
        );
        return None;
    }
    trigger_of_class(doc, i, w, k)
}

/// [`trigger_at`] for a word whose [`trigger_class`] is `k`, not [`NO_TRIGGER`].
#[inline(never)]
fn trigger_of_class(doc: &Doc<'_>, i: usize, w: &WordInfo, k: u8) -> Option<Trigger> {
    let fold = doc.fold_of(i);
    let found = LEMMAS.get(usize::from(k)).map(|&(_, t)| t);
    // «собрались обсудить»: an intention, not a gathering.
    if found == Some(Trigger::MeetVerb)
        && fold.starts_with("собр")
        && i + 1 < doc.tokens.len()
        && doc
            .lower(i + 1)
            .and_then(|w| w.best())
            .is_some_and(|p| p.verb_form == Some(VerbForm::Inf))
    {
        return None;
    }
    // «встретился взглядом с …», «встретились глазами»: eyes meeting are no meeting.
    if found == Some(Trigger::MeetVerb)
        && i + 1 < doc.tokens.len()
        && matches!(doc.fold_of(i + 1), "взглядом" | "взглядами" | "глазами")
    {
        return None;
    }
    // «Путин провел пресс-конференцию»: a press conference is a meeting of its sides only
    // when it is a joint one («совместную пресс-конференцию»).
    if found == Some(Trigger::MeetNoun)
        && fold.starts_with("пресс-конференц")
        && !(i > 0 && doc.lower(i - 1).is_some_and(|w| w.has_lemma("совместный")))
    {
        return None;
    }
    if let Some(trigger) = found {
        // «переговоры по видеосвязи», «видеовстреча»: a call, not a meeting in person.
        if matches!(trigger, Trigger::MeetNoun | Trigger::TalksNoun) && call_context(doc, i) {
            return Some(Trigger::CallNoun);
        }
        // «переговорили по телефону», «провели переговоры по видеосвязи» (the verb form).
        if matches!(trigger, Trigger::MeetVerb | Trigger::TalksVerb) && call_context(doc, i) {
            return Some(Trigger::CallVerb);
        }
        return Some(trigger);
    }
    literal_trigger(doc, i, fold, w)
}

/// [`Memo::EventTrigger`]: the index in [`LEMMAS`] of the trigger lemma word `i` reads as;
/// else [`LITERAL`] when a rule of [`literal_trigger`] on its letters may still make it one;
/// else [`NO_TRIGGER`], and `trigger_at` leaves at once (most words). Depends on the folded
/// word alone, so it is asked once per distinct word.
#[inline]
fn trigger_class(doc: &Doc<'_>, i: usize, w: &WordInfo) -> u8 {
    doc.word_memo(i, Memo::EventTrigger, || match trigger_lemma(w) {
        LITERAL if !literal_trigger_word(doc.fold_of(i)) => NO_TRIGGER,
        k => k,
    })
}

/// No trigger lemma, but a rule of [`literal_trigger`] may apply.
const LITERAL: u8 = 254;
/// No trigger lemma, and no rule of [`literal_trigger`] can apply.
const NO_TRIGGER: u8 = 253;
const _: () = assert!(
    LEMMAS.len() < NO_TRIGGER as usize,
    "memo values of LEMMAS indices"
);

/// Every word a rule of [`literal_trigger`] looks for, by its letters (a debug build checks,
/// at every other word, that those rules find nothing).
fn literal_trigger_word(fold: &str) -> bool {
    [CONVERSATION_FORMS, CALL_PHRASE_NOUNS, CALL_VERB_FORMS]
        .iter()
        .any(|words| words.contains(&fold))
        || ["саммит", "обменял"]
            .iter()
            .chain(DISCUSS_PREFIXES)
            .any(|p| fold.starts_with(p))
}

/// «разговор», «беседа»: a conversation, a call in a call's context.
const CONVERSATION_FORMS: &[&str] = &[
    "разговор",
    "разговора",
    "разговоре",
    "разговоров",
    "беседа",
    "беседы",
    "беседе",
    "беседу",
];

/// «по телефону», «по видеосвязи».
const CALL_PHRASE_NOUNS: &[&str] = &["телефону", "видеосвязи"];

/// Verbs that make a call in a call's context: «поговорили по телефону», «провели
/// видеоконференцию».
const CALL_VERB_FORMS: &[&str] = &[
    "поговорили",
    "поговорил",
    "поговорила",
    "поговорить",
    "поговорит",
    "поговорят",
    "пообщались",
    "провели",
    "провел",
    "провела",
    "состоялся",
    "состоялась",
];

/// Stems of «обсудить», «говорить», «беседовать», «разговаривать».
const DISCUSS_PREFIXES: &[&str] = &["обсу", "говори", "беседов", "побеседов", "разговарив"];

/// The triggers that the lemma table does not give, read from the word's letters and its
/// context: «в телефонном разговоре», «провёл беседу с …», «саммит с участием …».
fn literal_trigger(doc: &Doc<'_>, i: usize, fold: &str, w: &WordInfo) -> Option<Trigger> {
    if CONVERSATION_FORMS.contains(&fold) && call_context(doc, i) {
        return Some(Trigger::CallNoun);
    }
    // «провёл беседу с …», «состоялась беседа премьера с …»: a meeting. (The Loc form
    // «в беседе с журналистами», an interview, is not in the list; «во беседы» is guarded too.)
    // Only with «с» after it: «Беседа состоялась по инициативе …» goes back to a call.
    let sentence_end = doc.sentence_tokens[doc.tokens[i].sentence as usize].end;
    // «Беседа Путина и Си Цзиньпина длилась …»: with two names in the genitive right after.
    let genitive_pair = || {
        doc.mentions_at(i + 1)
            .iter()
            .any(|m| m.kind == EntityKind::Person && m.cases.contains(Case::Gen))
            && (i + 2..sentence_end.min(i + 8)).any(|k| doc.fold_of(k) == "и")
    };
    // («Беседа продолжалась три с половиной часа», «два с лишним часа»: that «с» is a
    // number's.)
    // «Си Цзиньпин и Моди провели в пятницу беседу»: the object of «провести», a word or
    // two between them.
    let held = || {
        let from = i.saturating_sub(4);
        (from..i).any(|k| {
            doc.lower(k)
                .is_some_and(|w| w.has_lemma("провести") || w.has_lemma("проводить"))
                && !(k..i).any(|j| doc.is_punct(j, ","))
        })
    };
    if matches!(fold, "беседа" | "беседу" | "беседы")
        && !(i > 0 && matches!(doc.fold_of(i - 1), "в" | "во"))
        && ((i + 1..sentence_end.min(i + 6)).any(|k| {
            matches!(doc.fold_of(k), "с" | "со")
                && !(k + 1 < sentence_end
                    && matches!(doc.fold_of(k + 1), "половиной" | "лишним" | "небольшим"))
        }) || genitive_pair()
            || (fold == "беседу" && held()))
    {
        return Some(Trigger::MeetNoun);
    }
    // «Путин провёл разговор с Эрдоганом», «разговор Лаврова с Блинкеном»: outside a call's
    // context a conversation with a person named right after «с» is a meeting, as
    // «беседа» is. (Loc «в разговоре с журналистами» is no trigger; «разговор с ним» names
    // no one.)
    if matches!(fold, "разговор" | "разговора")
        && !(i > 0 && matches!(doc.fold_of(i - 1), "в" | "во"))
        && (i + 1..sentence_end.min(i + 5)).any(|k| {
            matches!(doc.fold_of(k), "с" | "со")
                && doc
                    .mentions_at(k + 1)
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.cases.contains(Case::Ins))
        })
    {
        return Some(Trigger::MeetNoun);
    }
    // «прошёл саммит с участием Путина, Зеленского, Макрона и Меркель»: a summit whose
    // participants are listed is a meeting of them all.
    if fold.starts_with("саммит")
        && i + 3 < sentence_end
        && matches!(doc.fold_of(i + 1), "с" | "со")
        && doc.fold_of(i + 2) == "участием"
    {
        return Some(Trigger::MeetNoun);
    }
    // «Саммит Трампа и Ким Чен Ына», «саммит лидеров США и КНДР Дональда Трампа и …»: a
    // summit of people named in the genitive after it (past role nouns and countries).
    if fold.starts_with("саммит")
        && (i + 1..(i + 8).min(sentence_end))
            .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
            .any(|k| {
                doc.mentions_at(k)
                    .iter()
                    // («На саммите Путин и Байден …»: a name that may be a nominative is
                    // the subject of the sentence.)
                    .any(|m| {
                        m.kind == EntityKind::Person
                            && m.cases.contains(Case::Gen)
                            && !m.cases.contains(Case::Nom)
                    })
            })
    {
        return Some(Trigger::MeetNoun);
    }
    // «Премьер Японии и президент Южной Кореи провели саммит в Токио», «провели неформальную
    // беседу за чаем»: a summit or talk its subject held is a meeting of them (with no sides
    // named, none). Adjectives may come between.
    if (fold.starts_with("саммит") || matches!(fold, "беседу" | "беседы")) && {
        let k = adjectives_before(doc, i, 3);
        k > 0
            && doc.lower(k - 1).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    p.pos == Pos::Verb
                        && p.verb_form == Some(VerbForm::Fin)
                        && matches!(&*p.lemma, "провести" | "проводить")
                })
            })
    } {
        return Some(Trigger::MeetNoun);
    }
    // «Лавров и Блинкен обменялись мнениями на полях …»: a talk (by phone, a call);
    // «обменялись пленными» is no contact.
    // «обменялись рукопожатием на саммите»: a handshake is a meeting.
    if fold.starts_with("обменял")
        && i + 1 < sentence_end
        && matches!(
            doc.fold_of(i + 1),
            "мнениями" | "мнением" | "рукопожатием" | "рукопожатиями"
        )
    {
        return Some(if call_context(doc, i) {
            Trigger::CallVerb
        } else {
            Trigger::MeetVerb
        });
    }
    // «лидеры обсудили по телефону …»: the phrase itself names the call.
    if CALL_PHRASE_NOUNS.contains(&fold) && i > 0 && doc.fold_of(i - 1) == "по" {
        return Some(Trigger::CallNoun);
    }
    if CALL_VERB_FORMS.contains(&fold) && call_context(doc, i) {
        return Some(Trigger::CallVerb);
    }
    if DISCUSS_PREFIXES.iter().any(|p| fold.starts_with(p))
        && !call_context(doc, i)
        && discussed_after_a_visit(doc, i, w)
    {
        return Some(Trigger::Discuss);
    }
    if fold.starts_with("обсу") && !call_context(doc, i) && discussed_between_named(doc, i, w) {
        return Some(Trigger::DiscussNamed);
    }
    None
}

/// «Путин обсудил с Токаевым …», «Путин и Токаев в пятницу обсудили …»: a finite form of
/// «обсудить» / «обсуждать» with a person named right after its «с», or after two people
/// joined by «и» just before it. Whoever discusses something with a named person has talked
/// to them, by whatever means; a discussion with a group («с жителями») or between sides not
/// named («стороны обсудили») is left to the contacts around it.
fn discussed_between_named(doc: &Doc<'_>, i: usize, w: &WordInfo) -> bool {
    let finite = w.parses.iter().any(|p| {
        p.pos == Pos::Verb
            && p.verb_form == Some(VerbForm::Fin)
            && matches!(&*p.lemma, "обсудить" | "обсуждать")
    });
    if !finite {
        return false;
    }
    // «Мишустин и Ли Кэцян провели встречу по видеосвязи. Стороны … Мишустин и Ли Кэцян
    // обсудили …»: after a sentence with a contact word, the discussion is that contact's
    // content, and its names are the sides of that contact (`sides_from_next_sentence`).
    // In a sentence with another contact word («обсудил с Токаевым … в телефонном
    // разговоре»), that word names the contact.
    let s = doc.tokens[i].sentence as usize;
    let contact_word = |k: usize| {
        k != i
            && doc.tokens[k].kind == TokenKind::Word
            && doc
                .lower(k)
                .is_some_and(|wk| trigger_class(doc, k, wk) != NO_TRIGGER)
    };
    let previous = s > 0 && doc.sentences[s - 1].paragraph == doc.sentences[s].paragraph;
    if doc.sentence_tokens[s].clone().any(contact_word)
        || (previous && doc.sentence_tokens[s - 1].clone().any(contact_word))
    {
        return false;
    }
    let range = doc.sentence_tokens[s].clone();
    let person_at = |k: usize| {
        doc.mentions_at(k)
            .iter()
            .any(|m| m.kind == EntityKind::Person)
    };
    // «обсудил с Токаевым», «обсудил также с Токаевым», «обсудил с губернатором Петербурга
    // Александром Бегловым»: a person within a few words of «с» (the sides are checked when
    // the event is drafted: all of them people, at least two).
    let with = (i + 1..(i + 4).min(range.end))
        .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
        .any(|k| {
            matches!(doc.fold_of(k), "с" | "со")
                && (k + 1..(k + 5).min(range.end))
                    .take_while(|&j| doc.tokens[j].kind == TokenKind::Word)
                    .any(person_at)
        });
    if with {
        return true;
    }
    // «Путин и Токаев [в пятницу] обсудили»: the second person ends at most four words before
    // the verb, with no punctuation between, and «и» joins it to a person before it, right
    // before the name or before its title («Лавров и губернатор Свердловской области Евгений
    // Куйвашев обсудили»: words only, no verb, no other person).
    (i.saturating_sub(4).max(range.start)..=i)
        .filter(|&k| (k..i).all(|j| doc.tokens[j].kind != TokenKind::Punct))
        .flat_map(|end| doc.mentions_ending_at(end, 6))
        .filter(|m| m.kind == EntityKind::Person && m.tokens.start > range.start + 1)
        .any(|m| {
            let from = m.tokens.start.saturating_sub(8).max(range.start + 1);
            let Some(and) = (from..m.tokens.start)
                .rev()
                .take_while(|&k| {
                    doc.tokens[k].kind == TokenKind::Word
                        && !is_finite_verb(doc, k)
                        && !person_at(k)
                })
                .find(|&k| doc.fold_of(k) == "и")
            else {
                return false;
            };
            doc.mentions_ending_at(and, 6)
                .any(|first| first.kind == EntityKind::Person)
        })
}

/// «Президент Казахстана прибудет в Москву. Токаев и Путин обсудят …», «Визит Орбана в Москву
/// … Орбан и Путин говорили около двух часов»: a finite form of «обсудить», «говорить»,
/// «беседовать» in the sentence after one that reports a visit, in the same paragraph. (Who
/// discusses is checked with the sides: one of them must be the visitor.)
fn discussed_after_a_visit(doc: &Doc<'_>, i: usize, w: &WordInfo) -> bool {
    let finite = w.parses.iter().any(|p| {
        p.pos == Pos::Verb
            && p.verb_form == Some(VerbForm::Fin)
            && matches!(
                &*p.lemma,
                "обсудить"
                    | "обсуждать"
                    | "говорить"
                    | "беседовать"
                    | "побеседовать"
                    | "разговаривать"
            )
    });
    let s = doc.tokens[i].sentence as usize;
    if !finite || s == 0 || doc.sentences[s - 1].paragraph != doc.sentences[s].paragraph {
        return false;
    }
    // Two sides: a plural verb («Орбан и Путин говорили») or a partner after «с» («Токаев
    // обсудит с Путиным»). One speaker is only saying something: «Как говорил Песков, …».
    let plural = w.parses.iter().any(|p| {
        p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Fin) && p.number == Some(Number::Plur)
    });
    let end = doc.sentence_tokens[s].end;
    if !plural && !(i + 1..end).any(|k| matches!(doc.fold_of(k), "с" | "со")) {
        return false;
    }
    // Read from the per-word memo only, not `trigger_at`: a chain of such sentences would
    // otherwise read each one again.
    doc.sentence_tokens[s - 1].clone().any(|k| {
        doc.tokens[k].kind == TokenKind::Word
            && doc.lower(k).is_some_and(|wk| {
                let t = trigger_class(doc, k, wk);
                matches!(
                    LEMMAS.get(usize::from(t)),
                    Some((_, Trigger::Arrive | Trigger::VisitNoun))
                )
            })
    })
}

/// Verbs whose subject, right after a contact that names no sides, names them: «Шойгу и Вэй
/// Фэнхэ обсудили …», «В них участвовали Путин и Лукашенко».
static SIDE_LEMMAS: crate::text::WordList = crate::text::WordList::new(&[
    "обсудить",
    "обсуждать",
    "договориться",
    "договариваться",
    "подписать",
    "обменяться",
    "участвовать",
    "рассмотреть",
    "затронуть",
    "согласовать",
    "условиться",
]);

/// «Министры обороны России и Китая провели встречу в Москве. Сергей Шойгу и Вэй Фэнхэ
/// обсудили …», «Переговоры прошли в Кремле. В них участвовали …»: the sides of a contact
/// whose own sentence names fewer than two people, from the next sentence (`ctx.sentence`) of
/// the paragraph, when that sentence reports no contact of its own and names two or more people
/// as the subject of a verb of discussing, agreeing or taking part, with those after its «с»
/// («Лавров и Шойгу обсудили с Коно и Иваей …»). A person the contact had must be among them;
/// countries give way to the people who acted for them.
fn sides_from_next_sentence(
    ctx: &Ctx<'_, '_>,
    draft: &EventDraft,
    had: &[Ref],
    drafts: &[(EventDraft, Vec<Ref>, Option<Ref>)],
) -> Option<Vec<Ref>> {
    let doc = ctx.doc;
    let t = ctx.sentence;
    let persons = |v: &[Ref]| {
        v.iter()
            .filter(|r| r.kind(doc) == EntityKind::Person)
            .copied()
            .collect::<Vec<_>>()
    };
    let [s] = draft.sentences[..] else {
        return None;
    };
    // (Drafts are in sentence order: this sentence's own are the last ones.)
    if s as usize + 1 != t
        || !ctx.same_paragraph(s)
        || drafts
            .iter()
            .rev()
            .take_while(|(o, _, _)| o.sentences[0] >= t as u32)
            .any(|(o, _, _)| o.kind.is_contact())
    {
        return None;
    }
    let range = ctx.range.clone();
    // («В ней приняли участие X, Y и Z»: «принять участие» is «участвовать».)
    let k = range.clone().find(|&k| {
        is_finite_verb(doc, k)
            && doc.lower(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    p.pos == Pos::Verb
                        && (SIDE_LEMMAS.contains(&p.lemma)
                            || (&*p.lemma == "принять"
                                && k + 1 < range.end
                                && doc.fold_of(k + 1) == "участие"))
                })
            })
    })?;
    let clause = clause_of(doc, &range, ctx.marks, k);
    let nominative = |a: &&Actor| {
        a.kind == EntityKind::Person
            && a.cases.contains(Case::Nom)
            && !ctx.after_preposition_token(a.tokens.start)
    };
    // The subject before the verb, or after it for «В них участвовали X и Y».
    let first = ctx
        .actors_in(&clause)
        .filter(|a| a.tokens.end <= k)
        .find(nominative)
        .or_else(|| {
            ctx.actors_in(&clause)
                .filter(|a| a.tokens.start > k)
                .find(nominative)
        })?;
    let mut sides = persons(&ctx.coordinated(first, &clause, Some(Case::Nom)));
    for r in persons(&ctx.after_preposition(k, &clause, &["с", "со"], Case::Ins)) {
        if !sides.contains(&r) {
            sides.push(r);
        }
    }
    let had = persons(had);
    (sides.len() >= 2 && had.iter().all(|r| sides.contains(r))).then_some(sides)
}

/// «каждого из гостей», «с каждым из них» in the clause: a contact with each of them apart.
fn each_of(doc: &Doc<'_>, clause: &Range<usize>) -> bool {
    (clause.start..clause.end.saturating_sub(1))
        .any(|k| doc.fold_of(k).starts_with("кажд") && doc.fold_of(k + 1) == "из")
}

/// True unless `e` is a contact with fewer than two sides.
fn has_sides(e: &(EventDraft, Vec<Ref>, Option<Ref>)) -> bool {
    !e.0.kind.is_contact() || e.1.len() >= 2
}

/// «телефонный разговор», «по телефону», «по видеосвязи» near token `i`.
fn call_context(doc: &Doc<'_>, i: usize) -> bool {
    let range = &doc.sentence_tokens[doc.tokens[i].sentence as usize];
    let lo = i.saturating_sub(2).max(range.start);
    let hi = (i + 4).min(range.end);
    let mode = |k: usize| {
        let f = doc.fold_of(k);
        f.starts_with("телефон") || f.starts_with("видеосвяз") || f.starts_with("видеоконферен")
    };
    // «поговорил с Эммануэлем Макроном по телефону»: the mode after the other side, up to
    // a comma.
    let after_side = (i + 1..(i + 9).min(range.end))
        .take_while(|&k| !doc.is_punct(k, ","))
        .any(|k| doc.fold_of(k) == "по" && k + 1 < range.end && mode(k + 1));
    // «Беседа Трампа и его дочери с Пегги Уитсон проходит в режиме видеоконференции»: the
    // mode named as a format, anywhere after the trigger up to a comma.
    let format = (i + 1..(i + 16).min(range.end))
        .take_while(|&k| !doc.is_punct(k, ","))
        .any(|k| {
            matches!(doc.fold_of(k), "режиме" | "формате") && k + 1 < range.end && mode(k + 1)
        });
    // «договорились о встрече в ходе телефонного разговора»: a call named after «в ходе» or
    // «во время» is the frame the trigger was spoken of in, not its mode.
    let near = (lo..hi).any(|k| mode(k) && !frame_between(doc, i, k)) || after_side || format;
    // «По видеосвязи прошла во вторник встреча …»: the mode fronted, a few words earlier.
    let fronted = (i.saturating_sub(12).max(range.start)..i).any(|k| {
        doc.fold_of(k) == "по"
            && k + 1 < range.end
            && matches!(doc.fold_of(k + 1), "видеосвязи" | "телефону")
    });
    near || fronted
}

/// The comma that closes the phrase of a gerund at token `i` («Встретившись с Эрдоганом,
/// Лавров заявил …»), before `end`; `None` when `i` is no gerund or no comma follows.
fn gerund_phrase_end(doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
    let gerund = doc
        .word(i)
        .and_then(|w| w.best())
        .is_some_and(|p| p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Conv));
    gerund
        .then(|| (i + 1..end).find(|&k| doc.is_punct(k, ",")))
        .flatten()
}

/// Whether «в ходе» or «во время» stands between a trigger at `i` and a later token `k`: what
/// follows it is the frame the trigger was spoken of in.
fn frame_between(doc: &Doc<'_>, i: usize, k: usize) -> bool {
    k > i
        && (i + 1..k).any(|j| {
            matches!(doc.fold_of(j), "ходе" | "время") && matches!(doc.fold_of(j - 1), "в" | "во")
        })
}

/// The clause around token `i`: bounded by `;`, `:`, brackets, the quote marks of
/// quotations (`marks`), and by commas that open a relative or contrasting clause
/// («, которые», «, но»).
fn clause_of(doc: &Doc<'_>, sentence: &Range<usize>, marks: &[usize], i: usize) -> Range<usize> {
    let hard = |k: usize| {
        (doc.tokens[k].kind == TokenKind::Punct && matches!(doc.text_of(k), ";" | ":" | "(" | ")"))
            || marks.contains(&k)
    };
    let soft = |k: usize| {
        let next_is = |f: &dyn Fn(&crate::morph::WordInfo) -> bool| {
            k + 1 < sentence.end && doc.lower(k + 1).is_some_and(f)
        };
        // «, как только будет восстановлено авиасообщение»: a clause of time.
        (doc.is_punct(k, ",")
            && k + 2 < sentence.end
            && doc.fold_of(k + 1) == "как"
            && doc.fold_of(k + 2) == "только")
            // «, о которой договорились …»: a relative clause after a preposition.
            || (doc.is_punct(k, ",")
                && next_is(&|w| w.prob(|p| p.pos == Pos::Adp) >= 0.5)
                && k + 2 < sentence.end
                && doc
                    .lower(k + 2)
                    .is_some_and(|w| w.parses.iter().any(|p| &*p.lemma == "который")))
            // «, которые …», «, но …»: a relative or contrasting clause.
            || (doc.is_punct(k, ",")
            && next_is(&|w| {
                w.parses
                    .iter()
                    .any(|p| {
                        matches!(
                            &*p.lemma,
                            "который"
                                | "где"
                                // «в Ашхабаде, куда он прибыл накануне»: the arrival's day.
                                | "куда"
                                | "когда"
                                | "что"
                                | "но"
                                | "а"
                                | "однако"
                                // «…отказались от должности, поэтому Россия поехала на саммит»:
                                // a cause or a concession has its own predicate and status.
                                | "поэтому"
                                | "поскольку"
                                | "хотя"
                        )
                    })
            }))
            // «Как отметила пресс-секретарь Наталья Эйсмонт, встреча запланирована …»: a
            // fronted «как» phrase of saying closes at its comma; who said it is the source.
            || (doc.is_punct(k, ",")
                && doc.fold_of(sentence.start) == "как"
                && !(sentence.start + 1..k).any(|j| doc.is_punct(j, ","))
                && (sentence.start + 1..(sentence.start + 4).min(k)).any(|j| is_finite_verb(doc, j)))
            // «Путин готов к встрече с Трампом, заявил в среду Песков»: a speech tag after the
            // reported clause is a clause of its own (its day is the statement's). Not a verb
            // of speaking with its own content after it: «Фицо, побывавший в Москве, заявил о
            // новых встречах», «…, сообщил, что …».
            || (doc.is_punct(k, ",")
                && !(k + 2..(k + 6).min(sentence.end))
                    .take_while(|&j| !doc.is_punct(j, ","))
                    .any(|j| matches!(doc.fold_of(j), "о" | "об" | "обо" | "что" | ":"))
                && !(k + 2 < sentence.end && doc.is_punct(k + 2, ","))
                && next_is(&speaking_verb))
            // «… и предложил …»: a second predicate with its own status. (A capital «И» inside
            // a sentence is part of a name: «Лавров и Ван И обсудили».)
            || (matches!(doc.fold_of(k), "и" | "а" | "но")
                && (k == sentence.start || doc.tokens[k].shape == Shape::Lower)
                && k + 1 < sentence.end
                && is_finite_verb(doc, k + 1))
    };
    // «Лавров, который не встречался с Блинкеном с 2022 года, провёл переговоры …»: the comma
    // that closes a relative clause before the trigger ends that clause for it.
    let closes_relative = |k: usize| {
        doc.is_punct(k, ",")
            && (sentence.start..k)
                .rev()
                .find(|&j| doc.is_punct(j, ",") || hard(j))
                .is_some_and(|open| {
                    doc.is_punct(open, ",")
                        && open + 1 < k
                        && doc
                            .lower(open + 1)
                            .is_some_and(|w| w.parses.iter().any(|p| &*p.lemma == "который"))
                })
    };
    let mut start = i;
    while start > sentence.start
        && !hard(start - 1)
        && !soft(start - 1)
        && !closes_relative(start - 1)
    {
        start -= 1;
    }
    let mut end = i + 1;
    while end < sentence.end && !hard(end) && !soft(end) {
        end += 1;
    }
    // «Байден, посетивший Киев, прибыл в Варшаву»: a participial phrase set off by a comma
    // ends at the next one; the predicate after it has its own place («в Варшаву» is not
    // where the participle went).
    let participle = doc
        .word(i)
        .and_then(|w| w.best())
        .is_some_and(|p| p.verb_form == Some(VerbForm::Part) && !p.short);
    if participle
        && let Some(open) = (start.max(i.saturating_sub(4))..i).rfind(|&k| doc.is_punct(k, ","))
        && !(open + 1..i).any(|k| is_finite_verb(doc, k))
        && let Some(close) = (i + 1..end).find(|&k| doc.is_punct(k, ","))
    {
        end = close;
    }
    start..end
}

/// The relative clause right after `clause` whose pronoun, in the nominative, agrees with the
/// event noun at `i` in number and gender («встрече …, которая не состоялась»; «переговоров,
/// которые отменили» has the pronoun as object, and no say): up to its closing comma.
fn relative_of_noun(doc: &Doc<'_>, i: usize, clause: &Range<usize>) -> Option<Range<usize>> {
    let sentence = &doc.sentence_tokens[doc.tokens[i].sentence as usize];
    let comma = clause.end;
    if comma + 2 >= sentence.end || !doc.is_punct(comma, ",") {
        return None;
    }
    let noun = doc.lower(i)?;
    let pronoun = doc.lower(comma + 1)?;
    let agrees = pronoun.parses.iter().any(|r| {
        &*r.lemma == "который"
            && r.case == Some(Case::Nom)
            && noun.parses.iter().any(|n| {
                n.pos == Pos::Noun
                    && n.number == r.number
                    && (r.number == Some(Number::Plur) || n.gender == r.gender)
            })
    });
    if !agrees {
        return None;
    }
    let close = (comma + 2..sentence.end)
        .find(|&k| doc.is_punct(k, ","))
        .unwrap_or(sentence.end);
    Some(comma + 1..close)
}

/// The rest of the main clause after a relative clause that closes `clause`: for «Переговоры
/// X, которые должны были пройти 20 ноября, отменены», the clause of «отменены» (the relative
/// pronoun may follow a preposition: «Встреча …, о которой договорились, не назначена»).
fn after_relative(
    doc: &Doc<'_>,
    sentence: &Range<usize>,
    marks: &[usize],
    clause: &Range<usize>,
) -> Option<Range<usize>> {
    let comma = clause.end;
    if comma + 1 >= sentence.end || !doc.is_punct(comma, ",") {
        return None;
    }
    // «, которые …», or with a preposition first: «, о которой договорились в феврале,».
    let which = |k: usize| {
        k < sentence.end
            && doc
                .lower(k)
                .is_some_and(|w| w.parses.iter().any(|p| &*p.lemma == "который"))
    };
    let preposition = doc
        .lower(comma + 1)
        .is_some_and(|w| w.prob(|p| p.pos == Pos::Adp) >= 0.5);
    if !(which(comma + 1) || (preposition && which(comma + 2))) {
        return None;
    }
    // The relative clause ends at the next comma; the main clause resumes after it.
    let close = (comma + 1..sentence.end).find(|&k| doc.is_punct(k, ","))?;
    (close + 1 < sentence.end).then(|| clause_of(doc, sentence, marks, close + 1))
}

/// Entity mentions usable as participants and places.
/// Whether the quote mark at token `k` opens a quotation: «, „ open and » closes; a
/// straight or curly mark opens when the marks before it in its sentence are paired.
fn opening_quote(doc: &Doc<'_>, k: usize) -> bool {
    let o = doc.norm.orig_offset(doc.tokens[k].start as usize);
    match doc.text[o..].chars().next() {
        Some('«' | '„') => true,
        Some('»') => false,
        _ => {
            let sentence = doc.tokens[k].sentence as usize;
            let start = doc.sentence_tokens[sentence].start;
            (start..k).filter(|&j| doc.is_punct(j, "\"")).count() % 2 == 0
        }
    }
}

fn actors(doc: &Doc<'_>) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    // Mentions are sorted by start, longest first: a title comes before what it contains.
    let mut title_end = 0;
    // The end of the last named event: «саммит «Россия — Африка»» names no side of a contact
    // with the country inside it.
    let mut event_end = 0;
    for m in &doc.mentions {
        if m.kind != EntityKind::Event && m.tokens.end <= event_end {
            continue;
        }
        if m.kind == EntityKind::Event {
            event_end = event_end.max(m.tokens.end);
        }
        if m.kind == EntityKind::Person && m.via == Via::Title {
            title_end = title_end.max(m.tokens.end);
        }
        if m.via == Via::Adjective {
            continue;
        }
        // An organisation known only from the word before its quoted name (a company, a band,
        // a party: `stages::orgs`) is no side of a contact between states' people: «переговоры
        // … ведут лидеры партии «Лига»» are not the party's.
        if m.kind == EntityKind::Organization && m.via == Via::Context {
            continue;
        }
        // «в резиденции «Бочаров ручей»»: a surname-like word right after an opening quote
        // starts the name of a thing, not a person.
        // (Not after a closing one: «Глава «Росатома» Алексей Лихачёв посетил …».)
        if m.kind == EntityKind::Person
            && m.via == Via::Morphology
            && m.tokens.start > 0
            && matches!(doc.text_of(m.tokens.start - 1), "«" | "\"" | "„" | "“")
            && opening_quote(doc, m.tokens.start - 1)
        {
            continue;
        }
        let nested = m.kind != EntityKind::Person && m.tokens.end <= title_end;
        if nested {
            continue;
        }
        // «заместитель председателя КНР Хань Чжэн», «помощник президента США»: a title in the
        // genitive after a word for a person names whose deputy or aide this is, not a party.
        if m.kind == EntityKind::Person
            && m.via == Via::Title
            && m.cases.contains(Case::Gen)
            && m.tokens.start > 0
            && doc.tokens[m.tokens.start - 1].kind == TokenKind::Word
            && doc
                .lower(m.tokens.start - 1)
                .is_some_and(|w| w.prob(|p| p.pos == Pos::Noun && p.animate) >= 0.5)
        {
            continue;
        }
        // A name right after a title of the same person adds nothing but its extent:
        // «премьер-министр Вьетнама Фам Минь Тинь и …» coordinates after the name.
        if let Some(last) = out.last_mut()
            && last.entity == m.entity
            && last.tokens.end >= m.tokens.start
        {
            if m.tokens.end > last.tokens.end {
                last.tokens.end = m.tokens.end;
                // When they disagree the title's case wins: the dictionary knows the title's
                // noun, while a foreign name's case is a guess («Президент … Умару Сиссоку
                // Эмбало» read as a dative).
                // A name written as its nominative may be indeclinable («Прабово Субианто»):
                // it says nothing of the case.
                let as_nominative = {
                    let name = crate::text::fold_key(&doc.entities[m.entity as usize].name);
                    let mut words = name
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty());
                    m.tokens
                        .clone()
                        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
                        .all(|k| words.next() == Some(doc.fold_of(k)))
                        && words.next().is_none()
                };
                let both = last.cases.intersect(m.cases);
                // «с исполняющим обязанности президента Ирана Мохаммадом Мохбером»: a title
                // governed by «обязанности» is in the genitive whatever the phrase's case; the
                // name's case is the person's.
                let acting = last.tokens.start > 0
                    && doc.fold_of(last.tokens.start - 1) == "обязанности"
                    && !as_nominative;
                if acting {
                    last.cases = m.cases;
                } else if !both.is_empty() && !as_nominative {
                    last.cases = both;
                }
            }
            continue;
        }
        // «министров иностранных дел Армении Арарата Мирзояна и Азербайджана Джейхуна
        // Байрамова»: the second title left out, its country in the genitive right before the
        // name is whose minister this is, not a side.
        if m.kind == EntityKind::Person
            && let Some(last) = out.last()
            && last.kind == EntityKind::Country
            && last.tokens.end == m.tokens.start
            && last.cases.contains(Case::Gen)
            && last.tokens.start > 0
            && (doc.fold_of(last.tokens.start - 1) == "и"
                || doc.is_punct(last.tokens.start - 1, ","))
        {
            out.pop();
        }
        out.push(Actor {
            tokens: m.tokens.clone(),
            entity: m.entity,
            kind: m.kind,
            cases: m.cases,
        });
    }
    // Mentions are sorted by their first token, and so are the actors: `actors_starting_in`
    // relies on it.
    debug_assert!(out.is_sorted_by_key(|a| a.tokens.start));
    out
}

/// The actors whose first token is in `range`, in their order: two binary searches, where a
/// scan of every actor for every quotation made long texts quadratic.
fn actors_starting_in(actors: &[Actor], range: Range<usize>) -> &[Actor] {
    let lo = actors.partition_point(|a| a.tokens.start < range.start);
    let hi = lo + actors[lo..].partition_point(|a| a.tokens.start < range.end);
    &actors[lo..hi]
}

/// The persons who join others in a sentence: the nominative persons of a clause with
/// «присоединиться к ним» or «… к переговорам/встрече/беседе» («Позднее к ним присоединился
/// премьер-министр Польши Дональд Туск»).
fn joiners_in(doc: &Doc<'_>, actors: &[Actor], range: &Range<usize>) -> Vec<u32> {
    // Every form of the verb starts so; the text is at hand, the analyses are a pointer away.
    let Some(verb) = range.clone().find(|&k| {
        doc.fold_of(k).starts_with("присоедин")
            && doc.lower(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    p.pos == Pos::Verb
                        && &*p.lemma == "присоединиться"
                        && p.verb_form == Some(VerbForm::Fin)
                })
            })
    }) else {
        return Vec::new();
    };
    // «к ним» / «к переговорам» before or after the verb, within a few words.
    let lo = verb.saturating_sub(3).max(range.start);
    let hi = (verb + 4).min(range.end);
    let to_them = (lo..hi).any(|k| {
        doc.fold_of(k) == "к"
            && k + 1 < range.end
            && (matches!(doc.fold_of(k + 1), "ним" | "нему" | "ней")
                || trigger_at(doc, k + 1).is_some_and(|t| t.is_noun()))
    });
    if !to_them {
        return Vec::new();
    }
    let mut out = Vec::new();
    for a in actors {
        if a.kind == EntityKind::Person
            && range.contains(&a.tokens.start)
            && a.cases.contains(Case::Nom)
            && !(a.tokens.start > range.start
                && matches!(doc.fold_of(a.tokens.start - 1), "с" | "со" | "к"))
            && !out.contains(&a.entity)
        {
            out.push(a.entity);
        }
    }
    out
}

fn persons_in(doc: &Doc<'_>, actors: &[Actor], sentence: usize) -> Vec<u32> {
    let Some(range) = doc.sentence_tokens.get(sentence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in actors {
        if a.kind == EntityKind::Person
            && range.contains(&a.tokens.start)
            && !out.contains(&a.entity)
        {
            out.push(a.entity);
        }
    }
    out
}

/// Quotations longer than a few words, with their speaker and addressee.
fn quotes(doc: &Doc<'_>, actors: &[Actor]) -> Vec<Quote> {
    // Pair quote marks by their original characters: « opens, » closes, others alternate.
    let mut open: Option<usize> = None;
    let mut spans = Vec::new();
    for (k, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct || doc.text_of(k) != "\"" {
            continue;
        }
        let o = doc.norm.orig_offset(t.start as usize);
        let c = doc.text[o..].chars().next().unwrap_or('"');
        let opens = match c {
            '«' | '„' => true,
            '»' => false,
            _ => open.is_none(),
        };
        match (opens, open) {
            (true, None) => open = Some(k),
            (false, Some(start)) => {
                if k - start > 4 {
                    spans.push(start + 1..k);
                }
                open = None;
            }
            _ => {}
        }
    }
    spans
        .into_iter()
        .map(|tokens| {
            let speaker = speaker_after(doc, actors, tokens.end)
                .or_else(|| speaker_before(doc, actors, tokens.start));
            let addressee = actors_starting_in(actors, tokens.clone())
                .iter()
                .filter(|a| a.kind == EntityKind::Person)
                .find(|a| {
                    let before = a
                        .tokens
                        .start
                        .checked_sub(1)
                        .map(|k| doc.text_of(k))
                        .unwrap_or("");
                    let after = doc
                        .tokens
                        .get(a.tokens.end)
                        .map(|_| doc.text_of(a.tokens.end))
                        .unwrap_or("");
                    matches!(before, "," | "\"") && matches!(after, "," | "." | "!" | "?")
                })
                .map(|a| a.entity)
                .filter(|a| Some(*a) != speaker);
            Quote {
                tokens,
                speaker,
                addressee,
            }
        })
        .collect()
}

/// «…», – заявил X: the person after the speech verb that follows the closing quote.
fn speaker_after(doc: &Doc<'_>, actors: &[Actor], close: usize) -> Option<u32> {
    let mut k = close + 1;
    while k < doc.tokens.len() && doc.tokens[k].kind == TokenKind::Punct && k < close + 4 {
        k += 1;
    }
    let verb = k < doc.tokens.len()
        && doc
            .lower(k)
            .is_some_and(|w| SPEECH_LEMMAS.words().iter().any(|l| w.has_lemma(l)));
    if !verb {
        return None;
    }
    actors_starting_in(actors, k + 1..k + 7)
        .iter()
        .find(|a| a.kind == EntityKind::Person)
        .map(|a| a.entity)
}

/// X заявил: «…»: the person before the speech verb before the opening quote.
fn speaker_before(doc: &Doc<'_>, actors: &[Actor], open: usize) -> Option<u32> {
    let start = open.checked_sub(1)?;
    let lo = start.saturating_sub(8);
    let has_verb = (lo..start).any(|k| {
        doc.lower(k)
            .is_some_and(|w| SPEECH_LEMMAS.words().iter().any(|l| w.has_lemma(l)))
    });
    if !has_verb {
        return None;
    }
    // An actor ending by `start` starts before it.
    actors_starting_in(actors, lo..start)
        .iter()
        .rev()
        .find(|a| a.kind == EntityKind::Person && a.tokens.end <= start)
        .map(|a| a.entity)
}

/// Everything a trigger's extraction looks at.
/// A visitor of a visit found earlier in the article.
#[derive(Clone, Copy, Debug)]
struct Visitor {
    person: u32,
    sentence: u32,
    place: Option<Ref>,
}

/// What every trigger of a document shares: the parts of [`Ctx`] fixed for the whole run.
struct Shared<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Every token's trigger, read once per document.
    triggers: &'d [Option<Trigger>],
    public: &'d Public,
    actors: &'d [Actor],
    quotes: &'d [Quote],
    marks: &'d [usize],
}

impl<'d, 'a> Shared<'d, 'a> {
    /// The context of sentence `sentence`, with the article's people and visitors so far.
    fn at<'s>(
        &self,
        recent: &'s [u32],
        visitors: &'s [Visitor],
        sentence: usize,
        range: Range<usize>,
    ) -> Ctx<'s, 'a>
    where
        'd: 's,
    {
        Ctx {
            doc: self.doc,
            triggers: self.triggers,
            public: self.public,
            actors: self.actors,
            quotes: self.quotes,
            marks: self.marks,
            recent,
            visitors,
            sentence,
            range,
        }
    }
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    triggers: &'d [Option<Trigger>],
    public: &'d Public,
    actors: &'d [Actor],
    quotes: &'d [Quote],
    marks: &'d [usize],
    recent: &'d [u32],
    /// Visitors of the visits found so far, with the sentence of each visit.
    visitors: &'d [Visitor],
    sentence: usize,
    range: Range<usize>,
}

impl Ctx<'_, '_> {
    /// True when sentence `s` is in the paragraph of the sentence being analysed.
    fn same_paragraph(&self, s: u32) -> bool {
        self.doc.sentences[s as usize].paragraph == self.doc.sentences[self.sentence].paragraph
    }

    fn actors_in<'s>(&'s self, span: &'s Range<usize>) -> impl Iterator<Item = &'s Actor> + 's {
        // Actors are sorted by start: a binary search keeps long documents linear.
        let from = self.actors.partition_point(|a| a.tokens.start < span.start);
        self.actors[from..]
            .iter()
            .take_while(move |a| a.tokens.start < span.end)
            .filter(move |a| a.tokens.end <= span.end)
    }

    /// The person a country in a title belongs to: in «министр обороны КНР Ли Шанфу» the
    /// subject is Ли Шанфу, not КНР.
    fn apposition_head<'s>(&'s self, a: &'s Actor, clause: &'s Range<usize>) -> &'s Actor {
        // So is a quoted organisation's: «глава госкорпорации «Росатом» Алексей Лихачёв».
        let end = match a.kind {
            EntityKind::Country => a.tokens.end,
            EntityKind::Organization
                if a.tokens.end < clause.end
                    && matches!(self.doc.text_of(a.tokens.end), "»" | "\"" | "“") =>
            {
                a.tokens.end + 1
            }
            _ => return a,
        };
        self.actors_in(clause)
            .find(|b| b.tokens.start == end && b.kind == EntityKind::Person)
            .unwrap_or(a)
    }

    /// Whether «вместе»/«совместно» qualifies the trigger at `i` (before it by three words at
    /// most, or after it in `clause`; «вместе с X» anywhere in the clause), and the people of
    /// «вместе с X»: those who do it together, the subject's companions. «Вместе с тем»
    /// («yet») is no such word.
    fn together(&self, i: usize, clause: &Range<usize>) -> (bool, Vec<Ref>) {
        let doc = self.doc;
        let mut found = false;
        let mut with = Vec::new();
        let near = clause.start.max(i.saturating_sub(3))..clause.end;
        for k in clause.clone() {
            // «вместе с X» anywhere in the clause («фон дер Ляйен вместе с Эммануэлем Макроном
            // прибыла»); a bare «вместе» only near the trigger.
            let with_someone = k + 1 < clause.end && matches!(doc.fold_of(k + 1), "с" | "со");
            if !near.contains(&k) && !with_someone {
                continue;
            }
            if !matches!(doc.fold_of(k), "вместе" | "совместно")
                || (k + 2 < doc.tokens.len()
                    && matches!(doc.fold_of(k + 1), "с" | "со")
                    && doc.fold_of(k + 2) == "тем")
            {
                continue;
            }
            found = true;
            if k + 2 < clause.end && matches!(doc.fold_of(k + 1), "с" | "со") {
                let span = k + 2..clause.end.min(k + 6);
                if let Some(a) = self.actors_in(&span).find(|a| {
                    a.kind == EntityKind::Person
                        && a.tokens.start == k + 2
                        && a.cases.contains(Case::Ins)
                }) {
                    for r in self.coordinated(a, clause, Some(Case::Ins)) {
                        if !with.contains(&r) {
                            with.push(r);
                        }
                    }
                }
            }
        }
        (found, with)
    }

    fn is_party(a: &Actor) -> bool {
        matches!(
            a.kind,
            EntityKind::Person | EntityKind::Country | EntityKind::Organization
        )
    }

    /// The actor at `k` and everything coordinated with it («X и Y», «X, Y и Z»).
    fn coordinated(&self, first: &Actor, span: &Range<usize>, case: Option<Case>) -> Vec<Ref> {
        self.coordinated_groups(first, span, case)
            .into_iter()
            .flatten()
            .collect()
    }

    /// Like [`Ctx::coordinated`], in groups: a repeated preposition starts a new group
    /// («с Раиси и с Эрдоганом» is two groups, «с Раиси и Эрдоганом» one), and so may a
    /// role noun between the conjunction and the name («с президентом Ирана Раиси и с
    /// президентом Турции Эрдоганом»).
    fn coordinated_groups(
        &self,
        first: &Actor,
        span: &Range<usize>,
        case: Option<Case>,
    ) -> Vec<Vec<Ref>> {
        let mut groups = vec![vec![Ref::Doc(first.entity)]];
        let prep = first
            .tokens
            .start
            .checked_sub(1)
            .map(|k| self.doc.fold_of(k))
            .filter(|p| matches!(*p, "с" | "со" | "между"));
        let mut end = first.tokens.end;
        loop {
            // «с Си Цзиньпином, а затем с Моди», «…, а также с …», «и потом с …»: another
            // meeting, in sequence, as a repeated «с» after «и» is. The words after the comma
            // have no verb of their own, so they belong here though the clause ends at it.
            if matches!(prep, Some("с" | "со")) {
                let limit = self.range.end;
                let mut k = end;
                if k < limit && self.doc.is_punct(k, ",") {
                    k += 1;
                }
                let after_comma = k;
                if k < limit && matches!(self.doc.fold_of(k), "а" | "и") {
                    k += 1;
                }
                let adverb = k < limit
                    && matches!(
                        self.doc.fold_of(k),
                        "затем" | "потом" | "также" | "позже" | "позднее"
                    );
                if adverb {
                    k += 1;
                }
                if k > after_comma
                    && adverb
                    && k + 1 < limit
                    && matches!(self.doc.fold_of(k), "с" | "со")
                    && let Some(a) = self.actors_in(&(k + 1..limit)).find(|a| {
                        a.tokens.start == k + 1
                            && Self::is_party(a)
                            && case.is_none_or(|c| a.cases.contains(c))
                    })
                {
                    groups.push(vec![Ref::Doc(a.entity)]);
                    end = a.tokens.end;
                    continue;
                }
            }
            let conj =
                end < span.end && (self.doc.fold_of(end) == "и" || self.doc.is_punct(end, ","));
            if !conj {
                break;
            }
            let fits = |a: &&Actor| Self::is_party(a) && case.is_none_or(|c| a.cases.contains(c));
            if let Some(a) = self
                .actors_in(span)
                .find(|a| a.tokens.start == end + 1 && fits(a))
            {
                groups
                    .last_mut()
                    .expect("one group at least")
                    .push(Ref::Doc(a.entity));
                end = a.tokens.end;
                continue;
            }
            // «Новак и принц Абдель Азиз», «Путин и премьер-министр Армении Пашинян», «и
            // председателем Совета Федерации Матвиенко»: a title between the conjunction and
            // the name (words for a person, then countries or bodies).
            let mut k = end + 1;
            while k < span.end && k < end + 9 {
                // The title opens with a word for a person; its modifiers and complements may
                // follow («президент переходного периода Республики Мали полковник …»).
                // «Остин и его китайский коллега Дун Цзюнь»
                let possessive = k == end + 1
                    && (matches!(self.doc.fold_of(k), "его" | "ее" | "их" | "свой" | "своя")
                        // «Лавров и турецкий коллега»: an adjective right before «коллега».
                        || (k + 1 < span.end
                            && self.doc.tokens[k].shape == Shape::Lower
                            && self
                                .doc
                                .lower(k + 1)
                                .is_some_and(|w| w.has_lemma("коллега"))
                            && self
                                .doc
                                .lower(k)
                                .and_then(|w| w.best())
                                .is_some_and(|p| p.pos == Pos::Adj)));
                // A word for a person; or «и генеральный директор CNPC …»: an adjective
                // before one.
                let role_after =
                    |x: usize| {
                        x < span.end
                            && self.doc.tokens[x].shape == Shape::Lower
                            && (self.doc.lower(x).is_some_and(|w| {
                                w.prob(|p| p.pos == Pos::Noun && p.animate) >= 0.5
                            }) || political_role(self.doc, x))
                    };
                let adjective_of_role = k == end + 1
                    && self.doc.tokens[k].shape == Shape::Lower
                    && role_after(k + 1)
                    && self
                        .doc
                        .lower(k)
                        .and_then(|w| w.best())
                        .is_some_and(|p| p.pos == Pos::Adj);
                let title_word = possessive
                    || adjective_of_role
                    || role_after(k)
                    || (k > end + 1
                        && self.doc.tokens[k].shape == Shape::Lower
                        && self
                            .doc
                            .lower(k)
                            .and_then(|w| w.best())
                            .is_some_and(|p| matches!(p.pos, Pos::Noun | Pos::Adj)));
                // «и зять Трампа Джаред Кушнер»: a person in the genitive is the title's
                // complement, not the conjunct.
                // «губернатор Свердловской области», «мэр Москвы»: a region or a city too.
                let country = self.actors_in(span).find(|a| {
                    a.tokens.start == k
                        && (matches!(
                            a.kind,
                            EntityKind::Country
                                | EntityKind::Organization
                                | EntityKind::Region
                                | EntityKind::City
                        ) || (a.kind == EntityKind::Person
                            && a.cases.contains(Case::Gen)
                            && !fits(a)
                            && self.actors_in(span).any(|b| {
                                b.kind == EntityKind::Person && b.tokens.start == a.tokens.end
                            })))
                });
                // «глава РФПИ Кирилл Дмитриев»: an abbreviation the gazetteers do not know is
                // a body too.
                let acronym = k > end + 1
                    && self.doc.tokens[k].kind == TokenKind::Word
                    && self.doc.tokens[k].shape == Shape::Upper
                    && self.doc.text_of(k).chars().count() >= 2;
                // «и премьером Госсовета КНР Ли Цяном»: a capitalised body in the genitive the
                // gazetteers do not know.
                let body = k > end + 1
                    && self.doc.tokens[k].shape == Shape::Title
                    && !self
                        .actors_in(span)
                        .any(|a| a.tokens.start == k && a.kind == EntityKind::Person)
                    && self.doc.lower(k).is_some_and(|w| {
                        w.prob(|p| {
                            matches!(p.pos, Pos::Noun | Pos::Propn) && p.case == Some(Case::Gen)
                        }) >= 0.5
                    });
                // «посол Индии в России Паван Капур»: where the office is held.
                let posted_in = (k > end + 2 && matches!(self.doc.fold_of(k), "в" | "во" | "при"))
                    .then(|| {
                        self.actors_in(span).find(|a| {
                            a.tokens.start == k + 1
                                && matches!(
                                    a.kind,
                                    EntityKind::Country
                                        | EntityKind::Organization
                                        | EntityKind::City
                                )
                        })
                    })
                    .flatten();
                match (country, posted_in) {
                    (Some(c), _) if k > end + 1 => k = c.tokens.end,
                    (_, Some(c)) => k = c.tokens.end,
                    _ if title_word || acronym || body => k += 1,
                    _ => break,
                }
            }
            if k > end + 1
                && let Some(a) = self
                    .actors_in(span)
                    .find(|a| a.tokens.start == k && a.kind == EntityKind::Person && fits(a))
            {
                groups
                    .last_mut()
                    .expect("one group at least")
                    .push(Ref::Doc(a.entity));
                end = a.tokens.end;
                continue;
            }
            // «Лавров и его турецкий коллега»: the counterpart «коллега» stands for.
            if k > end + 1
                && let Some(c) = (end + 1..k)
                    .find(|&x| self.doc.lower(x).is_some_and(|w| w.has_lemma("коллега")))
                && let Some((r, _)) = self.kollega(&(c..c + 1), None)
            {
                groups.last_mut().expect("one group at least").push(r);
                end = c + 1;
                continue;
            }
            // «и с президентом Турции Эрдоганом»
            let repeated = prep.is_some_and(|p| {
                end + 2 < span.end
                    && matches!((p, self.doc.fold_of(end + 1)), ("с" | "со", "с" | "со"))
            });
            if let Some(a) = self
                .actors_in(span)
                .find(|a| repeated && a.tokens.start == end + 2 && fits(a))
            {
                groups.push(vec![Ref::Doc(a.entity)]);
                end = a.tokens.end;
                continue;
            }
            // «лидеры России и Китая»: a plural role noun with countries after it.
            break;
        }
        groups
    }

    /// The subject: a nominative party before the trigger in the clause (the nearest, with
    /// its coordination), else right after it («встретились Путин и Токаев»).
    fn subject(&self, i: usize, clause: &Range<usize>) -> Vec<Ref> {
        // «Си Цзиньпин принял Сергея Лаврова, находящегося в Китае с официальным визитом»: a
        // participial phrase after a person, the trigger inside it, is that person's.
        if let Some(r) = self.participle_subject(i, clause) {
            return vec![r];
        }
        let before = self
            .actors_in(clause)
            .filter(|a| a.tokens.end <= i && Self::is_party(a) && a.cases.contains(Case::Nom))
            .filter(|a| !self.after_preposition_token(a.tokens.start) && !self.is_complement(a))
            .collect::<Vec<_>>();
        if let Some(first) = before.first() {
            // The first nominative of the clause heads the coordination.
            let first = self.apposition_head(first, clause);
            return self.coordinated(first, clause, Some(Case::Nom));
        }
        // «Президенты России и Белоруссии встретились»: the holders.
        for k in clause.start..i {
            if let Some(r) = self.role_plural(k, clause) {
                return r;
            }
        }
        // «Делегация Китая прибыла в Москву»: the country.
        if let Some(c) = self.delegation_country(clause.start..i, clause, Case::Nom) {
            return vec![c];
        }
        if let Some(r) = self.quote_pronoun_subject(clause) {
            return vec![r];
        }
        if let Some(r) = self.pronoun_subject(i, clause) {
            return r;
        }
        if let Some(r) = self.role_subject(i, clause) {
            return vec![r];
        }
        if let Some(r) = self.kollega(clause, None)
            && self.doc.lower(r.1).is_some_and(|w| {
                w.cases(|p| p.lemma.as_ref() == "коллега")
                    .contains(Case::Nom)
            })
        {
            return vec![r.0];
        }
        // «Встретившись с Эрдоганом, Путин отправился в аэропорт»: a gerund phrase put before
        // its subject; the subject is the first nominative party after the comma that closes
        // the phrase (a list of sides after «с» has no nominative in it).
        if let Some(comma) = gerund_phrase_end(self.doc, i, clause.end)
            && let Some(a) = self.actors_in(clause).find(|a| {
                a.tokens.start > comma
                    && Self::is_party(a)
                    && a.cases.only_or_contains_nom()
                    && !self.is_complement(a)
                    && !self.governed_by_preposition(a.tokens.start)
            })
        {
            let a = self.apposition_head(a, clause);
            return self.coordinated(a, clause, Some(Case::Nom));
        }
        // A name behind «с» after the trigger is the other side, whatever its case
        // («встретился с верховным лидером Ирана аятоллой Али Хаменеи»).
        let with_at = (i + 1..clause.end).find(|&k| matches!(self.doc.fold_of(k), "с" | "со"));
        // «пригласил Путина посетить США»: a name after an infinitive is its object.
        let infinitive_at = (i + 1..clause.end).find(|&k| {
            self.doc
                .lower(k)
                .and_then(|w| w.best())
                .is_some_and(|p| p.verb_form == Some(VerbForm::Inf))
        });
        let after = self.actors_in(clause).find(|a| {
            a.tokens.start > i
                && Self::is_party(a)
                && a.cases.only_or_contains_nom()
                // «его встретил член Госсовета КНР»: the country is the role's complement.
                && !self.is_complement(a)
                && !self.governed_by_preposition(a.tokens.start)
                && with_at.is_none_or(|w| w >= a.tokens.start)
                && infinitive_at.is_none_or(|v| v > a.tokens.start)
        });
        // «В Кремле собрались президенты России, Белоруссии и Казахстана»: a plural office
        // after the verb, before any named subject there.
        let limit = after.map_or(clause.end, |a| a.tokens.start);
        for k in i + 1..limit {
            // Only a nominative plural: «принял президентов России и Казахстана» is the object.
            let nominative = self.doc.lower(k).is_some_and(|w| {
                w.parses
                    .iter()
                    .any(|p| p.case == Some(Case::Nom) && p.number == Some(Number::Plur))
            });
            if nominative
                && !self.governed_by_preposition(k)
                && let Some(r) = self.role_plural(k, clause)
            {
                return r;
            }
        }
        if let Some(a) = after {
            let a = self.apposition_head(a, clause);
            return self.coordinated(a, clause, Some(Case::Nom));
        }
        // «Путин заявил, что готов принять …», «…, а затем встретился с …»: the subject of the
        // sentence before this clause.
        // («Как отметила Эйсмонт, встреча запланирована …»: who said it is no side.)
        let said_by = self.fronted_saying_end().unwrap_or(self.range.start);
        let before_clause = said_by.max(self.range.start)..clause.start;
        let main = self.actors_in(&before_clause).find(|a| {
            a.kind == EntityKind::Person
                && a.cases.contains(Case::Nom)
                && !self.after_preposition_token(a.tokens.start)
        });
        match main {
            Some(a) => self.coordinated(a, &before_clause, Some(Case::Nom)),
            // «в Риме он провёл переговоры …, а затем встретился с …», «министр направится
            // в Баку, а затем посетит Ереван»
            None => self
                .pronoun_subject(clause.start, &before_clause)
                .or_else(|| {
                    self.role_subject(clause.start, &before_clause)
                        .map(|r| vec![r])
                })
                .unwrap_or_default(),
        }
    }

    /// «Премьер осмотрел … и провёл встречу», «министр направится в Эсватини»: a bare role
    /// noun as subject stands for the last person named as a subject before this clause.
    fn role_subject(&self, i: usize, clause: &Range<usize>) -> Option<Ref> {
        let k = (clause.start..i).find(|&k| {
            self.doc.tokens[k].kind == TokenKind::Word
                && self.doc.mentions_at(k).is_empty()
                && self.doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        ROLE_NOUNS.contains(&p.lemma)
                            && p.case == Some(Case::Nom)
                            && p.number != Some(Number::Plur)
                    })
                })
        })?;
        // «Гость прибыл в Россию с официальным визитом»: the latest visitor or guest.
        if self.doc.lower(k).is_some_and(|w| {
            w.parses
                .iter()
                .any(|p| matches!(&*p.lemma, "гость" | "гостья"))
        }) {
            return self
                .visitors
                .last()
                .filter(|v| v.sentence + 2 >= self.sentence as u32)
                .map(|v| Ref::Doc(v.person));
        }
        // «Вьетнамский премьер», «Иранский министр»: the last person of that country. So for
        // «Президент Сербии» whose holder the office list does not know: it names that
        // country's president, never the subject of the sentence before.
        let country = k
            .checked_sub(1)
            .and_then(|a| {
                self.doc
                    .mentions_at(a)
                    .iter()
                    .find(|m| m.via == Via::Adjective && m.kind == EntityKind::Country)
                    .and_then(|m| self.doc.entities[m.entity as usize].gaz)
            })
            .or_else(|| {
                self.doc
                    .mentions_at(k + 1)
                    .iter()
                    .find(|m| {
                        m.kind == EntityKind::Country
                            && m.via == Via::Gazetteer
                            && m.cases.contains(Case::Gen)
                    })
                    .and_then(|m| self.doc.entities[m.entity as usize].gaz)
            });
        if let Some(country) = country {
            return self
                .actors
                .iter()
                .rev()
                .filter(|a| a.tokens.end <= k && a.kind == EntityKind::Person)
                .filter(|a| !self.other_portfolio(k, a.entity))
                .find(|a| {
                    // The gazetteer's country, or the one the person was introduced with
                    // («премьер-министр Вьетнама Фам Минь Тинь … Вьетнамский премьер»).
                    country_of(self.doc, a.entity) == Some(country)
                        || self.public.countries.get(&a.entity) == Some(&country)
                })
                .map(|a| Ref::Doc(a.entity));
        }
        // The subject of the sentence before it: its first nominative person, sentence by
        // sentence backwards («в Претории Лавров провёл переговоры с министром … Пандор. …
        // министр направится» is Лавров, not Пандор).
        let subject_of = |span: Range<usize>| {
            self.actors_in(&span)
                .find(|a| {
                    a.kind == EntityKind::Person
                        && a.cases.contains(Case::Nom)
                        && !self.governed_by_preposition(a.tokens.start)
                })
                .map(|a| Ref::Doc(a.entity))
        };
        if let Some(r) = subject_of(self.range.start..k) {
            return Some(r);
        }
        (0..self.sentence)
            .rev()
            .take(3)
            .find_map(|s| subject_of(self.doc.sentence_tokens[s].clone()))
    }

    /// «американского гостя примет Путин», «генсека примет Путин»: a role noun as the object of
    /// «принять» stands for the latest visitor who is not the host.
    fn role_object(&self, i: usize, clause: &Range<usize>, subject: &[Ref]) -> Option<Ref> {
        // «принял лидера ХАМАС»: a capitalised complement after the role names someone else.
        let role = (clause.start..clause.end).filter(|&k| k != i).find(|&k| {
            self.doc.mentions_at(k).is_empty()
                && self.doc.lower(k).is_some_and(|w| {
                    w.parses.iter().any(|p| {
                        (ROLE_NOUNS.contains(&p.lemma) || &*p.lemma == "гость")
                            && matches!(p.case, Some(Case::Acc | Case::Gen))
                    })
                })
                && !self.doc.tokens.get(k + 1).is_some_and(|t| {
                    t.sentence == self.doc.tokens[k].sentence
                        && matches!(t.shape, Shape::Title | Shape::Upper)
                })
        });
        let k = role?;
        // A visitor of this paragraph, not of an earlier story.
        self.visitors
            .iter()
            .rev()
            .filter(|v| self.same_paragraph(v.sentence))
            .filter(|v| !self.other_portfolio(k, v.person))
            .map(|v| Ref::Doc(v.person))
            .find(|v| !subject.contains(v))
    }

    /// Whether the role noun at `k` names a portfolio («министр обороны», «министра
    /// финансов») that person `e` is known not to hold: the foreign minister, or a head of
    /// state or government, on the article date. «Министр обороны Китая» after Wang Yi's
    /// visit is not Wang Yi.
    fn other_portfolio(&self, k: usize, e: u32) -> bool {
        let doc = self.doc;
        let is_minister = doc.lower(k).is_some_and(|w| w.has_lemma("министр"));
        let Some(next) = (k + 1 < doc.tokens.len()).then(|| doc.fold_of(k + 1)) else {
            return false;
        };
        if !is_minister || doc.tokens[k + 1].sentence != doc.tokens[k].sentence {
            return false;
        }
        let foreign = next == "иностранных" || next == "мид";
        // A portfolio is a genitive noun right after the role, not a country («министр
        // Китая») and not a name.
        let portfolio = !foreign
            && doc.mentions_at(k + 1).is_empty()
            && doc.tokens[k + 1].shape == Shape::Lower
            && doc.lower(k + 1).is_some_and(|w| {
                w.best()
                    .is_some_and(|p| p.pos == Pos::Noun && p.case == Some(Case::Gen))
            });
        if !foreign && !portfolio {
            return false;
        }
        let (Some(gaz_id), Some(date)) = (doc.entities[e as usize].gaz, doc.date) else {
            return false;
        };
        let mut roles = doc.gazetteer.offices().roles_of(gaz_id, date).map(|r| r.1);
        if foreign {
            roles.any(|r| matches!(r, Role::HeadOfState | Role::HeadOfGovernment))
        } else {
            roles.any(|r| {
                matches!(
                    r,
                    Role::ForeignMinister | Role::HeadOfState | Role::HeadOfGovernment
                )
            })
        }
    }

    /// Parties after «при посредничестве» or «при участии» in `clause` (and the rest of the
    /// sentence after it, where a relative clause often holds them).
    fn mediators(&self, clause: &Range<usize>) -> Vec<Ref> {
        let span = clause.start..self.range.end;
        let doc = self.doc;
        for k in span.clone() {
            if k == 0
                || doc.fold_of(k - 1) != "при"
                || !matches!(doc.fold_of(k), "посредничестве" | "участии")
            {
                continue;
            }
            let after = k + 1..(k + 6).min(span.end);
            if let Some(a) = self
                .actors_in(&after)
                .find(|a| a.kind == EntityKind::Person && a.cases.contains(Case::Gen))
            {
                return self.coordinated(a, &span, Some(Case::Gen));
            }
        }
        Vec::new()
    }

    /// «её визит», «его поездка»: the person a possessive pronoun before `i` stands for.
    fn possessor_before(&self, i: usize, clause: &Range<usize>) -> Option<Ref> {
        let k = (i.saturating_sub(4).max(clause.start)..i)
            .find(|&k| matches!(self.doc.fold_of(k), "его" | "ее" | "их"))?;
        self.actors
            .iter()
            .rev()
            .find(|a| a.kind == EntityKind::Person && a.tokens.end <= k)
            .map(|a| Ref::Doc(a.entity))
    }

    /// The latest visitor in this sentence or the one before, other than `not`.
    fn latest_visitor(&self, not: Ref) -> Option<Ref> {
        self.visitors
            .iter()
            .rev()
            .find(|v| self.sentence as u32 - v.sentence <= 1 && Ref::Doc(v.person) != not)
            .map(|v| Ref::Doc(v.person))
    }

    /// «передал Владимиру Путину приглашение посетить Астану»: a party in the dative right
    /// before the invitation noun at `i` (adjectives between: «официальное», «личное»), with
    /// a verb of handing over before it. Not «благодарен Путину за приглашение» (no such verb;
    /// and the dative there is the inviter).
    fn handed_to(&self, i: usize, clause: &Range<usize>) -> Option<Ref> {
        let doc = self.doc;
        let a = self
            .actors_in(clause)
            .filter(|a| a.tokens.end <= i && Self::is_party(a) && a.cases.contains(Case::Dat))
            .last()?;
        let adjectives = (a.tokens.end..i).all(|k| {
            doc.lower(k)
                .is_some_and(|w| w.prob(|p| p.pos == Pos::Adj) >= 0.5)
        });
        let handed = (clause.start..a.tokens.start).any(|k| {
            doc.lower(k).and_then(|w| w.best()).is_some_and(|p| {
                p.pos == Pos::Verb
                    && matches!(
                        &*p.lemma,
                        "передать"
                            | "передавать"
                            | "вручить"
                            | "вручать"
                            | "направить"
                            | "направлять"
                            | "отправить"
                            | "отправлять"
                    )
            })
        });
        (adjectives && handed).then_some(Ref::Doc(a.entity))
    }

    /// «передал ему приглашение», «пригласил коллегу»: a dative pronoun or «коллега» before `i`.
    fn dative_before(&self, i: usize, clause: &Range<usize>) -> Option<Ref> {
        (clause.start..i).rev().find_map(|k| {
            let dative = matches!(self.doc.fold_of(k), "ему" | "ей" | "им")
                || self.doc.lower(k).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| &*p.lemma == "коллега" && p.case == Some(Case::Dat))
                });
            if dative {
                self.pronoun_or_colleague(k)
            } else {
                None
            }
        })
    }

    /// Every destination of a visit trigger: «посетит Анголу и Эритрею» gives both.
    fn destinations(&self, i: usize, clause: &Range<usize>, verb: bool) -> Vec<Ref> {
        let Some(Ref::Doc(first)) = self.destination(i, clause, verb) else {
            return Vec::new();
        };
        let Some(a) = self
            .actors_in(clause)
            .find(|a| a.entity == first && a.tokens.start > i)
        else {
            return vec![Ref::Doc(first)];
        };
        let mut out = vec![Ref::Doc(first)];
        let mut end = a.tokens.end;
        while end + 1 < clause.end && (self.doc.fold_of(end) == "и" || self.doc.is_punct(end, ","))
        {
            match self.actors_in(clause).find(|b| {
                b.tokens.start == end + 1
                    && b.kind.is_place()
                    && b.cases.intersect(a.cases) != crate::morph::CaseSet::empty()
            }) {
                Some(b) => {
                    out.push(Ref::Doc(b.entity));
                    end = b.tokens.end;
                }
                None => break,
            }
        }
        out
    }

    /// «он встретился», «она посетила», «они провели»; «который собирался посетить»: the
    /// person a pronoun subject stands for.
    /// The end of a fronted «Как сообщил X,» phrase of the sentence (its comma), if any: the
    /// one who says is the source of what follows, not a side of it.
    fn fronted_saying_end(&self) -> Option<usize> {
        let doc = self.doc;
        let start = self.range.start;
        if doc.fold_of(start) != "как" {
            return None;
        }
        let comma = (start + 1..self.range.end).find(|&k| doc.is_punct(k, ","))?;
        (start + 1..(start + 4).min(comma))
            .any(|j| is_finite_verb(doc, j))
            .then_some(comma)
    }

    fn pronoun_subject(&self, i: usize, clause: &Range<usize>) -> Option<Vec<Ref>> {
        let doc = self.doc;
        let k = (clause.start..i).find(|&k| match doc.fold_of(k) {
            "он" | "она" | "они" | "который" | "которая" | "которые" => {
                true
            }
            // «тот» standing for a person, right before its verb («если тот приедет»), not
            // a determiner («в тот день», «тот же»).
            "тот" | "та" => k + 1 == i || is_finite_verb(doc, k + 1),
            _ => false,
        })?;
        match doc.fold_of(k) {
            "тот" | "та" => {
                // «готов встретиться с Пашиняном, если тот приедет»: the demonstrative takes
                // up the last person named who was not a subject — the one spoken of — in
                // this sentence or the one before.
                let from = doc.sentence_tokens[self.sentence.saturating_sub(1)].start;
                self.actors
                    .iter()
                    .rev()
                    .filter(|a| a.kind == EntityKind::Person && a.tokens.end <= k)
                    .take_while(|a| a.tokens.start >= from)
                    .find(|a| {
                        !a.cases.contains(Case::Nom) || self.governed_by_preposition(a.tokens.start)
                    })
                    .map(|a| vec![Ref::Doc(a.entity)])
            }
            "они" | "которые" => {
                (self.recent.len() >= 2).then(|| self.recent.iter().map(|&p| Ref::Doc(p)).collect())
            }
            "который" | "которая" => {
                // The nearest person before the relative pronoun, in this sentence.
                let upto = self.range.start..k;
                self.actors_in(&upto)
                    .filter(|a| a.kind == EntityKind::Person)
                    .last()
                    .map(|a| vec![Ref::Doc(a.entity)])
            }
            _ => {
                // The subject goes on: «Си Цзиньпин встретился с Мирзиёевым …, а в пятницу он
                // отправится в Душанбе», «В понедельник Путин принял в Кремле Алиева. Во
                // вторник он провёл телефонный разговор с Токаевым». The first person in the
                // nominative, not governed by a preposition, in this sentence before the
                // pronoun, else in the sentence before (the subject leads its sentence; an
                // object may read as a nominative too: «Алиева»); else the last person named.
                let this = self.range.start;
                let from = self.doc.sentence_tokens[self.sentence.saturating_sub(1)].start;
                // («Как сообщил Песков, Путин прилетел в Пекин. Там он …»: not the one who
                // speaks, when someone else is a subject there.)
                let doc = self.doc;
                let speaker = |a: &Actor| {
                    let near =
                        a.tokens.start.saturating_sub(2)..(a.tokens.end + 2).min(doc.tokens.len());
                    near.filter(|j| !a.tokens.contains(j))
                        .any(|j| doc.word(j).is_some_and(speaking_verb))
                };
                // («Песков сообщил: «Он встретится с Токаевым»»: a third person inside a
                // quotation is never the one quoted, who would say «я».)
                let quote = self.quotes.iter().find(|q| q.tokens.contains(&k));
                let quoted =
                    |a: &Actor| quote.is_some_and(|q| q.speaker == Some(a.entity) || speaker(a));
                let subject_in = |r: Range<usize>| {
                    let mut subjects = self.actors.iter().filter(|a| {
                        a.kind == EntityKind::Person
                            && a.tokens.start >= r.start
                            && a.tokens.end <= r.end
                            && a.cases.contains(Case::Nom)
                            && !self.governed_by_preposition(a.tokens.start)
                            && !quoted(a)
                    });
                    let first = subjects.next()?;
                    if !speaker(first) {
                        return Some(first);
                    }
                    subjects.find(|a| !speaker(a)).or(Some(first))
                };
                subject_in(this..k)
                    .or_else(|| subject_in(from..this))
                    .or_else(|| {
                        self.actors.iter().rev().find(|a| {
                            a.kind == EntityKind::Person && a.tokens.end <= k && !quoted(a)
                        })
                    })
                    .map(|a| vec![Ref::Doc(a.entity)])
            }
        }
    }

    /// The person a participial phrase holding the trigger at `i` is about: the phrase opens
    /// with a comma and a participle, and a person's name ends right before the comma; no
    /// comma between the participle and the trigger.
    fn participle_subject(&self, i: usize, clause: &Range<usize>) -> Option<Ref> {
        let doc = self.doc;
        let k = (clause.start + 1..i)
            .rev()
            .find(|&k| doc.is_punct(k - 1, ","))?;
        if (k..i).any(|j| doc.is_punct(j, ",")) {
            return None;
        }
        let participle = doc.word(k).and_then(|w| w.best()).is_some_and(|p| {
            p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Part) && !p.passive
        });
        if !participle {
            return None;
        }
        self.actors
            .iter()
            .find(|a| a.kind == EntityKind::Person && a.tokens.end + 1 == k)
            .map(|a| Ref::Doc(a.entity))
    }

    /// Any nominative parties in the clause, for noun triggers.
    fn subject_anywhere(&self, clause: &Range<usize>) -> Vec<Ref> {
        let first = self.actors_in(clause).find(|a| {
            Self::is_party(a)
                && a.cases.contains(Case::Nom)
                && !self.after_preposition_token(a.tokens.start)
                && !self.is_complement(a)
        });
        match first {
            Some(a) => self.coordinated(a, clause, Some(Case::Nom)),
            None => Vec::new(),
        }
    }

    /// A country or organisation right after a noun is its complement («Председатель
    /// Госсовета КНДР»), not a subject.
    fn is_complement(&self, a: &Actor) -> bool {
        if a.kind == EntityKind::Person || a.tokens.start == 0 {
            return false;
        }
        let before = a.tokens.start - 1;
        // «президенты России и США»: a conjunct of a complement is one too.
        if self.doc.fold_of(before) == "и"
            && let Some(b) = self.actors_in(&(before.saturating_sub(8)..before)).last()
            && b.tokens.end == before
            && b.kind == a.kind
        {
            return self.is_complement(b);
        }
        self.doc.tokens[before].kind == TokenKind::Word
            && self
                .doc
                .lower(before)
                .and_then(|w| w.best())
                .is_some_and(|p| matches!(p.pos, Pos::Noun | Pos::Propn))
    }

    /// «с премьер-министром Джузеппе Конте»: a preposition before the actor, perhaps across
    /// a few role nouns and modifiers. An indeclinable name after it is no subject.
    fn governed_by_preposition(&self, start: usize) -> bool {
        let mut k = start;
        for _ in 0..4 {
            if self.after_preposition_token(k) {
                return true;
            }
            if k == 0 {
                return false;
            }
            let prev = k - 1;
            // «Во время встречи Лавров и Блинкен обсудили …»: the preposition governs the
            // event noun; the name after it is the subject.
            if trigger_at(self.doc, prev).is_some() {
                return false;
            }
            // «Во вторник Сергей Лавров встретился …»: a date closes its phrase too (its
            // noun, not in the nominative, had read as a modifier of the name).
            if self.doc.dates.iter().any(|d| d.tokens.contains(&prev)) {
                return false;
            }
            // «принял в президентском дворце финский президент …»: a place in the locative
            // closes its phrase; a nominative after it starts another.
            if k == start
                && self
                    .doc
                    .lower(prev)
                    .and_then(|w| w.best())
                    .is_some_and(|p| p.pos == Pos::Noun && p.case == Some(Case::Loc))
                && self
                    .doc
                    .lower(start)
                    .is_some_and(|w| w.best().is_some_and(|p| p.case == Some(Case::Nom)))
            {
                return false;
            }
            let modifier = self.doc.tokens[prev].kind == TokenKind::Word
                && self.doc.tokens[prev].shape != Shape::Title
                && self
                    .doc
                    .lower(prev)
                    .and_then(|w| w.best())
                    .is_some_and(|p| {
                        matches!(p.pos, Pos::Adj | Pos::Noun) && p.case != Some(Case::Nom)
                    });
            if !modifier {
                return false;
            }
            k = prev;
        }
        false
    }

    fn after_preposition_token(&self, start: usize) -> bool {
        self.named_building_at(start)
            || start > 0
                && matches!(
                    self.doc.fold_of(start - 1),
                    "с" | "со"
                        | "в"
                        | "во"
                        | "на"
                        | "из"
                        | "у"
                        | "к"
                        | "о"
                        | "об"
                        | "по"
                        | "для"
                        | "от"
                        | "между"
                        | "за"
                        | "при"
                )
    }

    /// Whether a body at `k` is named after a locative noun for a building: «в резиденции
    /// «Бочаров ручей»», «во дворце Бельвю». Such a name, nominative in quotes, is where
    /// something happens, not who takes part.
    fn named_building_at(&self, k: usize) -> bool {
        let doc = self.doc;
        if !doc
            .mentions_at(k)
            .iter()
            .any(|m| m.kind == EntityKind::Organization)
        {
            return false;
        }
        let q = usize::from(k > 0 && doc.is_punct(k - 1, "\""));
        k >= 2 + q
            && matches!(doc.fold_of(k - 2 - q), "в" | "во" | "на")
            && doc.lower(k - 1 - q).is_some_and(|w| {
                w.parses
                    .iter()
                    .any(|p| p.pos == Pos::Noun && p.case == Some(Case::Loc))
            })
    }

    /// Parties governed by one of `preps` after the trigger: «с Токаевым», «между X и Y».
    fn after_preposition(
        &self,
        i: usize,
        clause: &Range<usize>,
        preps: &[&str],
        case: Case,
    ) -> Vec<Ref> {
        self.after_preposition_groups(i, clause, preps, case)
            .into_iter()
            .flatten()
            .collect()
    }

    /// [`Ctx::after_preposition`] in groups, one per repeated preposition.
    fn after_preposition_groups(
        &self,
        i: usize,
        clause: &Range<usize>,
        preps: &[&str],
        case: Case,
    ) -> Vec<Vec<Ref>> {
        // «с президентом Боливии» when the office data knows no holder: the country stands
        // for its head (as the event sets take «делегации России и Китая»), if no other party
        // is found.
        let mut head_of_country: Option<Ref> = None;
        for k in clause.clone() {
            if k + 1 >= clause.end || !preps.contains(&self.doc.fold_of(k)) {
                continue;
            }
            // «вместе с Макроном»: a companion of the subject, no other side.
            if k > 0 && self.doc.fold_of(k - 1) == "вместе" {
                continue;
            }
            // A preposition well before the trigger belongs to another phrase, unless the
            // trigger is a verb and nothing but the phrase stands between them: «На полях
            // форума с министром … Малайзии Тенку Зафрулом Азизом встретился министр …».
            let fronted = k < i
                && trigger_at(self.doc, i).is_some_and(|t| !t.is_noun())
                && (k + 1..i)
                    .all(|x| !is_finite_verb(self.doc, x) && trigger_at(self.doc, x).is_none());
            // «Эрдоган, с которым Путин провёл переговоры, …»: the relative clause opens with
            // the preposition, however far its trigger.
            let relative =
                self.relative_with_at(k) && (k + 2..i).all(|x| trigger_at(self.doc, x).is_none());
            if k + 3 < i && !fronted && !relative {
                continue;
            }
            // «В телефонном разговоре Путин рассказал о встрече с Трампом»: a preposition
            // after another trigger noun belongs to that one. (Not after a verb: in «провёл
            // телефонный разговор с …» the verb and the noun are one trigger; a search from
            // the clause start is no trigger's.)
            let noun_here = trigger_at(self.doc, i).is_none_or(|t| t.is_noun());
            if noun_here && k > i && (i + 1..k).any(|x| trigger_at(self.doc, x).is_some()) {
                continue;
            }
            // «с российским коллегой Сергеем Лавровым», «со спикером Милли Меджлиса Сахибой
            // Гафаровой», «между делегациями России и Китая»: modifiers, a role noun or an
            // organisation may come between the preposition and the party.
            let mut j = k + 1;
            while j < clause.end && j < k + 16 {
                if let Some(a) = self
                    .actors_in(clause)
                    .find(|a| a.tokens.start == j && Self::is_party(a))
                {
                    if a.kind == EntityKind::Organization {
                        j = a.tokens.end;
                        continue;
                    }
                    // «с белорусским коллегой»: the adjective says whose counterpart.
                    if a.kind == EntityKind::Country
                        && a.tokens.end < clause.end
                        && self
                            .doc
                            .lower(a.tokens.end)
                            .is_some_and(|w| w.has_lemma("коллега"))
                    {
                        j = a.tokens.end;
                        continue;
                    }
                    let delegations =
                        j > k + 1 && DELEGATION_NOUNS.contains(&self.doc.fold_of(j - 1));
                    let case = if delegations { Case::Gen } else { case };
                    // «с послом КНР в России Чжаном …»: an indeclinable country right after
                    // a role noun is its complement, whatever case it could be.
                    // «с премьером Госсовета КНР Ли Цяном»: a capitalised body noun counts.
                    let complement = a.kind == EntityKind::Country
                        && j > k + 1
                        && !delegations
                        && self.doc.tokens[j - 1].kind == TokenKind::Word
                        && self.doc.lower(j - 1).is_some_and(|w| {
                            w.prob(|p| matches!(p.pos, Pos::Noun | Pos::Propn)) >= 0.5
                        })
                        && self.actors_in(clause).any(|b| {
                            b.kind == EntityKind::Person
                                && b.tokens.start >= a.tokens.end
                                && b.tokens.start <= a.tokens.end + 4
                        });
                    // «с делегацией Китая во главе с Ван И»: the one heading it is the side
                    // (the next «с»).
                    if delegations && self.headed_at(a.tokens.end, clause) {
                        break;
                    }
                    if a.cases.contains(case) && !complement {
                        return self.coordinated_groups(a, clause, Some(case));
                    }
                    // «с послом Великобритании … Лори Бристоу»: a country after a role noun
                    // is its complement; the person comes after it.
                    if a.kind == EntityKind::Country && j > k + 1 {
                        // (The office's portfolio may stand between: «с министром экономики
                        // Армении».)
                        if head_of_country.is_none()
                            && (k + 2..j).all(|x| {
                                self.doc.tokens[x].shape == Shape::Lower
                                    && self.doc.tokens[x].kind == TokenKind::Word
                            })
                            && a.cases.contains(Case::Gen)
                            && self.doc.lower(k + 1).is_some_and(|w| {
                                w.parses.iter().any(|p| {
                                    p.pos == Pos::Noun
                                        && p.case == Some(case)
                                        && HEAD_ROLES.contains(&&*p.lemma)
                                })
                            })
                        {
                            head_of_country = Some(Ref::Doc(a.entity));
                        }
                        j = a.tokens.end;
                        continue;
                    }
                    break;
                }
                // «с делегацией из ОАЭ»: the country it comes from is the side (or the one
                // heading it, after the next «с»).
                if j > k + 1
                    && self.doc.fold_of(j) == "из"
                    && DELEGATION_NOUNS.contains(&self.doc.fold_of(j - 1))
                    && let Some(a) = self.actors_in(clause).find(|a| {
                        a.tokens.start == j + 1
                            && a.kind == EntityKind::Country
                            && a.cases.contains(Case::Gen)
                    })
                {
                    if self.headed_at(a.tokens.end, clause) {
                        break;
                    }
                    return self.coordinated_groups(a, clause, Some(Case::Gen));
                }
                // «с мэром Москвы Сергеем Собяниным», «с губернатором Техаса …»: a city or
                // region in the genitive after a role noun is its complement.
                // («с губернатором провинции Хэнань Ван Каем», «штата Махараштра»: after a
                // word for a region, a name in any case the gazetteer gives it.)
                if j > k + 1
                    && let Some(place) = self.actors_in(clause).find(|a| {
                        a.tokens.start == j
                            && matches!(a.kind, EntityKind::City | EntityKind::Region)
                            && (a.cases.contains(Case::Gen)
                                || crate::stages::places::is_region_cue(self.doc.fold_of(j - 1)))
                    })
                {
                    j = place.tokens.end;
                    continue;
                }
                // «с послом Великобритании в России Лори Бристоу»: a place phrase inside the
                // role.
                if j > k + 1
                    && matches!(self.doc.fold_of(j), "в" | "во" | "при")
                    && let Some(place) = self
                        .actors_in(clause)
                        .find(|a| a.tokens.start == j + 1 && a.kind.is_place())
                {
                    j = place.tokens.end;
                    continue;
                }
                // «с саудовским коллегой принцем Фейсалом …»: the name after «коллега» says who.
                let named_next = self.doc.lower(j).is_some_and(|w| w.has_lemma("коллега"))
                    && self.actors_in(clause).any(|a| {
                        a.kind == EntityKind::Person && (j + 1..j + 4).contains(&a.tokens.start)
                    });
                if named_next {
                    j += 1;
                    continue;
                }
                // «с его женой Грасой Машел», «с её сыном»: after «с» these are possessives (the
                // object would be «с ним»); whose relative it is says nothing of who.
                if j == k + 1 && matches!(self.doc.fold_of(j), "его" | "ее" | "их") {
                    j += 1;
                    continue;
                }
                // «с коллегой», «с ним»
                if let Some(r) = self.pronoun_or_colleague(j) {
                    return vec![vec![r]];
                }
                // «Хакан Фидан, с которым Сергей Лавров встретился накануне, …»: the relative
                // pronoun stands for the person the clause is attached to, right before its
                // comma.
                if j == k + 1
                    && self.relative_with_at(k)
                    && let Some(a) = self
                        .actors
                        .iter()
                        .find(|a| a.tokens.end == k - 1 && a.kind == EntityKind::Person)
                {
                    return vec![vec![Ref::Doc(a.entity)]];
                }
                // «встретился с президентами Ирана и Турции»: the holders, together; «провёл
                // двусторонние встречи с лидерами Индии, Китая и Ирана»: one group each.
                if let Some(r) = self.role_plural(j, clause) {
                    let separate = (i.saturating_sub(2)..i).any(|x| {
                        self.doc.lower(x).is_some_and(|w| {
                            w.parses
                                .iter()
                                .any(|p| matches!(&*p.lemma, "двусторонний" | "отдельный"))
                        })
                    });
                    return if separate {
                        r.into_iter().map(|x| vec![x]).collect()
                    } else {
                        vec![r]
                    };
                }
                // «с чрезвычайным и полномочным послом …»: «и» between two adjectives.
                let adjective_at = |x: usize| {
                    x < clause.end
                        && self
                            .doc
                            .lower(x)
                            .and_then(|w| w.best())
                            .is_some_and(|p| p.pos == Pos::Adj)
                };
                let joined =
                    self.doc.fold_of(j) == "и" && adjective_at(j - 1) && adjective_at(j + 1);
                // «с министром инвестиций, торговли и промышленности Малайзии …»: a list of
                // portfolios in the genitive inside the role.
                let portfolio = |x: usize| {
                    x < clause.end
                        && self.doc.tokens[x].shape == Shape::Lower
                        && self.doc.lower(x).is_some_and(|w| {
                            w.prob(|p| p.pos == Pos::Noun && p.case == Some(Case::Gen)) >= 0.5
                        })
                };
                // The next portfolio may open with an adjective or be an abbreviation, and
                // its noun may read as other cases too: «министром науки и высшего
                // образования», «строительства и ЖКХ», «природных ресурсов и экологии».
                let next_portfolio = |x: usize| {
                    x < clause.end
                        && self.doc.tokens[x].kind == TokenKind::Word
                        && match self.doc.tokens[x].shape {
                            Shape::Lower => self.doc.lower(x).is_some_and(|w| {
                                w.parses.iter().any(|p| {
                                    matches!(p.pos, Pos::Noun | Pos::Adj)
                                        && p.case == Some(Case::Gen)
                                })
                            }),
                            Shape::Upper => self.doc.text_of(x).chars().count() <= 6,
                            _ => false,
                        }
                };

                // «министром народной власти по иностранным делам …»: «по» inside a role.
                let inner = j > k + 1
                    && matches!(self.doc.fold_of(j), "по" | "при")
                    && j + 1 < clause.end
                    && self.doc.tokens[j + 1].shape == Shape::Lower
                    && self
                        .doc
                        .lower(j + 1)
                        .and_then(|w| w.best())
                        .is_some_and(|p| matches!(p.pos, Pos::Adj | Pos::Noun));
                // «с верховным лидером Исламской Республики аятоллой …»: capitalised words
                // of a body's name in the genitive, inside the role.
                // «Госсовета» is a proper noun of a body (no person's name); so is a place
                // the gazetteers do not know inside a portfolio («по развитию Дальнего Востока
                // и Арктики»).
                let body_word = |x: usize| {
                    x < clause.end
                        && self.doc.tokens[x].shape == Shape::Title
                        && self.doc.word(x).is_some_and(|w| {
                            w.prob(|p| {
                                p.name.is_some_and(|n| {
                                    matches!(
                                        n,
                                        NameType::Given | NameType::Surname | NameType::Patronymic
                                    )
                                })
                            }) < 0.3
                                && w.prob(|p| {
                                    matches!(p.pos, Pos::Adj | Pos::Noun | Pos::Propn)
                                        && p.case == Some(Case::Gen)
                                }) >= 0.5
                        })
                };
                // «по развитию Дальнего Востока и Арктики»: capitalised words of the
                // portfolio too.
                let listed = j > k + 1
                    && (self.doc.is_punct(j, ",") || self.doc.fold_of(j) == "и")
                    && (portfolio(j - 1) || body_word(j - 1))
                    && (next_portfolio(j + 1) || body_word(j + 1));
                // («со спикером Милли Меджлиса …»: a foreign word of the name before one.)
                let body_name = j > k + 1
                    && (body_word(j)
                        || (self.doc.tokens[j].shape == Shape::Title
                            && self.doc.tokens[j].kind == TokenKind::Word
                            && body_word(j + 1)));
                // «со своим бразильским коллегой …»
                let own = self.doc.lower(j).is_some_and(|w| w.has_lemma("свой"));
                // «с генеральным секретарём ЦК КПВ То Ламом»: a body's abbreviation the
                // gazetteer does not know, inside the role.
                let abbreviation = j > k + 1
                    && self.doc.tokens[j].shape == Shape::Upper
                    && self.doc.tokens[j].kind == TokenKind::Word
                    && self.doc.text_of(j).chars().count() <= 6;
                let modifier = joined
                    || listed
                    || inner
                    || body_name
                    || own
                    || abbreviation
                    || (self.doc.tokens[j].shape != Shape::Title
                        && self.doc.lower(j).and_then(|w| w.best()).is_some_and(|p| {
                            matches!(p.pos, Pos::Adj | Pos::Noun)
                                || p.verb_form == Some(VerbForm::Part)
                                // «с раисом Татарстана …»: a title the dictionary knows
                                // only as a given name, written in lower case.
                                || (p.pos == Pos::Propn
                                    && self.doc.tokens[j].shape == Shape::Lower)
                        }));
                let adjective_mention = self
                    .doc
                    .mentions_at(j)
                    .iter()
                    .any(|m| m.via == Via::Adjective);
                if !(modifier || adjective_mention) {
                    break;
                }
                j += 1;
            }
        }
        head_of_country.map(|r| vec![vec![r]]).unwrap_or_default()
    }

    /// Whether the «с» at `k` opens a relative clause after a comma: «, с которым …»,
    /// «, с которой …», «, с которыми …».
    fn relative_with_at(&self, k: usize) -> bool {
        k >= 1
            && k + 1 < self.doc.tokens.len()
            && self.doc.is_punct(k - 1, ",")
            && matches!(self.doc.fold_of(k + 1), "которым" | "которой" | "которыми")
    }

    /// Genitive parties right after a noun trigger («встреча Путина и Токаева»), skipping
    /// adjectives.
    fn genitives_after(&self, i: usize, clause: &Range<usize>) -> Vec<Ref> {
        // «встреча с участием Путина и Зеленского», «саммит с участием …»: the parties are
        // the genitives after «с участием».
        // Also past a phrase with no name in it: «переговоры на высшем уровне с участием
        // Путина и Токаева» (so the names win over «российско-казахстанские» before the noun).
        let with_part = (i + 1..clause.end.min(i + 7))
            .take_while(|&k| {
                self.doc.tokens[k].kind == TokenKind::Word && self.doc.mentions_at(k).is_empty()
            })
            .find(|&k| {
                k + 2 < clause.end
                    && matches!(self.doc.fold_of(k), "с" | "со")
                    && self.doc.fold_of(k + 1) == "участием"
            });
        if let Some(k) = with_part {
            return self.genitives_after(k + 1, clause);
        }
        // «переговоры российской и турецкой делегаций»: country adjectives before a group noun.
        let mut countries = Vec::new();
        let mut k = i + 1;
        while k < clause.end {
            if let Some(m) = self
                .doc
                .mentions_at(k)
                .iter()
                .find(|m| m.via == Via::Adjective && m.kind == EntityKind::Country)
            {
                countries.push(Ref::Doc(m.entity));
                k = m.tokens.end;
            } else if matches!(self.doc.fold_of(k), "и" | ",") && !countries.is_empty() {
                k += 1;
            } else {
                break;
            }
        }
        if countries.len() >= 2 && k < clause.end && DELEGATION_NOUNS.contains(&self.doc.fold_of(k))
        {
            return countries;
        }
        // «визит российского лидера»: a title may start with its adjective.
        if let Some(a) = self.actors_in(clause).find(|a| {
            a.tokens.start == i + 1
                && a.kind == EntityKind::Person
                && Self::is_party(a)
                && a.cases.contains(Case::Gen)
        }) {
            return self.coordinated(a, clause, Some(Case::Gen));
        }
        // (And «свой»: «приглашение своего турецкого коллеги».)
        let mut k = i + 1;
        while k < clause.end
            && self
                .doc
                .lower(k)
                .and_then(|w| w.best())
                .is_some_and(|p| p.pos == Pos::Adj || &*p.lemma == "свой")
        {
            k += 1;
        }
        if let Some(a) = self
            .actors_in(clause)
            .find(|a| a.tokens.start == k && Self::is_party(a) && a.cases.contains(Case::Gen))
        {
            return self.coordinated(a, clause, Some(Case::Gen));
        }
        // «визит заместителя председателя КНР Хань Чжэна», «визит спецпосланника президента
        // США Стива Уиткоффа»: a word for a person, its genitive complements (a title among
        // them names someone else), then the person's name.
        if let Some(a) = self.named_after_role_noun(k, clause) {
            return self.coordinated(a, clause, Some(Case::Gen));
        }
        // «визит нашей делегации», «лидеров России и Китая»
        if k < clause.end {
            if let Some(r) = self.role_plural(k, clause) {
                return r;
            }
            if matches!(self.doc.fold_of(k), "нашей" | "нашего" | "наших")
                && let Some(q) = self.quote_at(k)
                && let Some(sp) = q.speaker
            {
                return vec![
                    country_of(self.doc, sp)
                        .map(Ref::Gaz)
                        .unwrap_or(Ref::Doc(sp)),
                ];
            }
            if let Some(r) = self.pronoun_or_colleague(k) {
                return vec![r];
            }
        }
        Vec::new()
    }

    /// The person named after a lower-case animate noun in the genitive at `k` and its
    /// complements: lower-case words and the mentions of countries, bodies and titles, up to
    /// ten tokens, in `clause`. None when anything else comes first.
    fn named_after_role_noun<'s>(
        &'s self,
        k: usize,
        clause: &'s Range<usize>,
    ) -> Option<&'s Actor> {
        let doc = self.doc;
        let role = k < clause.end
            && doc.tokens[k].shape == Shape::Lower
            && doc.lower(k).is_some_and(|w| {
                w.prob(|p| p.pos == Pos::Noun && p.animate && p.case == Some(Case::Gen)) >= 0.5
            });
        if !role {
            return None;
        }
        let mut j = k + 1;
        while j < clause.end && j < k + 10 {
            let here = doc.mentions_at(j);
            if let Some(a) = self.actors_in(clause).find(|a| {
                a.tokens.start == j
                    && a.kind == EntityKind::Person
                    && a.cases.contains(Case::Gen)
                    && !here
                        .iter()
                        .any(|m| m.via == Via::Title && m.tokens == a.tokens)
            }) {
                return Some(a);
            }
            if let Some(m) = here.iter().max_by_key(|m| m.tokens.end) {
                j = m.tokens.end;
            } else if (doc.tokens[j].kind == TokenKind::Word
                && doc.tokens[j].shape == Shape::Lower
                && !is_finite_verb(doc, j))
                || doc.is_punct(j, "\"")
            {
                // (Quotes around a body's name: «главы компании «Газпром» Алексея Миллера».)
                j += 1;
            } else {
                return None;
            }
        }
        None
    }

    /// «лидеры России и Китая», «главы МИД России и Турции»: each country's holder.
    fn role_plural(&self, k: usize, clause: &Range<usize>) -> Option<Vec<Ref>> {
        let fold = self.doc.fold_of(k);
        let next = |n: usize| {
            if k + n < clause.end {
                self.doc.fold_of(k + n)
            } else {
                ""
            }
        };
        // «Делегации России и Украины провели переговоры»: the countries themselves.
        if fold.starts_with("делегаци")
            && self
                .doc
                .lower(k)
                .is_some_and(|w| w.parses.iter().any(|p| p.number == Some(Number::Plur)))
        {
            let first = self
                .actors_in(clause)
                .find(|a| a.tokens.start == k + 1 && a.kind == EntityKind::Country)?;
            let countries = self.coordinated(first, clause, None);
            return (countries.len() >= 2).then_some(countries);
        }
        // «главы правительств», «министры иностранных дел», «главы государств»: the words
        // after the role noun say which office.
        let (role, skip) = if fold.starts_with("глав") && next(1).starts_with("правительств")
        {
            (Role::HeadOfGovernment, 1)
        } else if fold.starts_with("глав") && next(1).starts_with("государств") {
            (Role::HeadOfState, 1)
        } else if fold.starts_with("министр") && next(1) == "иностранных" && next(2) == "дел"
        {
            (Role::ForeignMinister, 2)
        } else if fold.starts_with("министр") && next(1) == "обороны" {
            (Role::DefenceMinister, 1)
        } else if fold.starts_with("лидер") || fold.starts_with("президент") {
            // Resolved per country below.
            (Role::Other, 0)
        } else if fold.starts_with("глав") {
            (Role::HeadOfState, 0)
        } else if fold.starts_with("премьер") {
            (Role::HeadOfGovernment, 0)
        } else {
            return None;
        };
        let plural = self
            .doc
            .lower(k)
            .is_some_and(|w| w.parses.iter().any(|p| p.number == Some(Number::Plur)));
        if !plural {
            return None;
        }
        let mut j = k + 1 + skip;
        let role = if j < clause.end && self.doc.fold_of(j) == "мид" {
            j += 1;
            Role::ForeignMinister
        } else {
            role
        };
        let first = self
            .actors_in(clause)
            .find(|a| a.tokens.start == j && a.kind == EntityKind::Country)?;
        let countries = self.coordinated(first, clause, None);
        let date = self.doc.date?;
        let gaz = self.doc.gazetteer;
        let mut out = Vec::new();
        for c in countries {
            let Ref::Doc(e) = c else { continue };
            let country = self.doc.entities[e as usize].gaz?;
            let role = if role == Role::Other {
                let title = if fold.starts_with("лидер") {
                    "лидер"
                } else {
                    "президент"
                };
                gaz.title_role(title, country).unwrap_or(Role::HeadOfState)
            } else {
                role
            };
            let holder = gaz.offices().holder(country, role, date).or_else(|| {
                (role == Role::HeadOfGovernment)
                    .then(|| gaz.offices().holder(country, Role::HeadOfState, date))
                    .flatten()
            });
            out.push(holder.map(Ref::Gaz).unwrap_or(c));
        }
        (out.len() >= 2).then_some(out)
    }

    /// The accusative (or other `case`) object of a verb: «принял Токаева», «пригласил Си».
    fn objects_after(
        &self,
        i: usize,
        clause: &Range<usize>,
        case: Case,
        kind: EntityKind,
    ) -> Vec<Ref> {
        if let Some(a) = self.actors_in(clause).find(|a| {
            a.tokens.start > i
                && a.kind == kind
                && a.cases.contains(case)
                && !self.after_preposition_token(a.tokens.start)
        }) {
            return self.coordinated(a, clause, Some(case));
        }
        for k in i + 1..clause.end.min(i + 4) {
            if let Some(r) = self.pronoun_or_colleague(k) {
                return vec![r];
            }
        }
        if kind == EntityKind::Person
            && let Some(c) = self.delegation_country(i + 1..clause.end.min(i + 4), clause, case)
        {
            return vec![c];
        }
        Vec::new()
    }

    /// Whether «во главе с» («headed by») starts at token `k` of `clause`.
    fn headed_at(&self, k: usize, clause: &Range<usize>) -> bool {
        k + 3 <= clause.end
            && (k..k + 3)
                .map(|x| self.doc.fold_of(x))
                .eq(["во", "главе", "с"])
    }

    /// «принял китайскую делегацию», «делегация Китая прибыла», «с делегацией из ОАЭ»: a
    /// delegation in `case` within `span`, named by its country and by no person, has that
    /// country as the side (as the event sets take «делегации России и Китая»); one headed
    /// by a person named after it («во главе с Эрдоганом») has that person.
    fn delegation_country(
        &self,
        span: Range<usize>,
        clause: &Range<usize>,
        case: Case,
    ) -> Option<Ref> {
        let k = span.into_iter().find(|&k| {
            self.doc.lower(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    &*p.lemma == "делегация"
                        && p.case == Some(case)
                        && p.number == Some(Number::Sing)
                })
            })
        })?;
        let country_at = |j: usize| {
            self.doc
                .mentions_at(j)
                .iter()
                .find(|m| {
                    m.kind == EntityKind::Country
                        && m.via == Via::Gazetteer
                        && m.cases.contains(Case::Gen)
                })
                .map(|m| (Ref::Doc(m.entity), m.tokens.end))
        };
        // «китайскую делегацию», «с делегацией Китая», «с делегацией из ОАЭ».
        let before = self
            .doc
            .mentions_ending_at(k, 2)
            .find(|m| m.kind == EntityKind::Country && m.via == Via::Adjective && m.tokens.end == k)
            .map(|m| (Ref::Doc(m.entity), k + 1));
        let named = before
            .or_else(|| (k + 1 < clause.end).then(|| country_at(k + 1))?)
            .or_else(|| {
                (k + 2 < clause.end && self.doc.fold_of(k + 1) == "из")
                    .then(|| country_at(k + 2))?
            });
        // «делегация Китая во главе с Ван И», «делегация во главе с Эрдоганом»: the one
        // heading it.
        // («делегация Башкирии во главе с Радием Хабировым»: a region's delegation has no
        // side of its own, but its head is one.)
        let region_end = || {
            self.doc
                .mentions_at(k + 1)
                .iter()
                .find(|m| {
                    matches!(m.kind, EntityKind::Region | EntityKind::City)
                        && m.cases.contains(Case::Gen)
                })
                .map(|m| m.tokens.end)
        };
        let end = named.map_or_else(|| region_end().unwrap_or(k + 1), |(_, end)| end);
        let head = self
            .headed_at(end, clause)
            .then(|| {
                self.actors_in(clause)
                    .find(|a| a.tokens.start == end + 3 && a.kind == EntityKind::Person)
            })
            .flatten()
            .map(|a| Ref::Doc(a.entity));
        head.or(named.map(|(country, _)| country))
    }

    /// An accusative person before the verb, or an object pronoun right before it:
    /// «казахстанского лидера принял …», «его принял …».
    /// «Сийярто предстоит визит в Баку», «…, а в пятницу ему предстоит визит»: the one in the
    /// dative before «предстоит» is who has the visit ahead; «ему», «ей» stand for the
    /// sentence's subject (`subject`, found before this clause).
    fn ahead_for(&self, i: usize, clause: &Range<usize>, subject: &[Ref]) -> Vec<Ref> {
        let before = clause.start..i;
        let Some(v) = before
            .clone()
            .find(|&k| verb_of(self.doc.word(k), &["предстоять"], |_| true))
        else {
            return Vec::new();
        };
        if let Some(a) = self.actors_in(&before).find(|a| {
            a.kind == EntityKind::Person
                && a.cases.contains(Case::Dat)
                && !self.after_preposition_token(a.tokens.start)
        }) {
            return vec![Ref::Doc(a.entity)];
        }
        let pronoun = (clause.start..v).any(|k| matches!(self.doc.fold_of(k), "ему" | "ей"));
        if pronoun && subject.len() == 1 {
            return subject.to_vec();
        }
        Vec::new()
    }

    fn object_before(&self, i: usize, clause: &Range<usize>, subject: &[Ref]) -> Vec<Ref> {
        let before = clause.start..i;
        if let Some(a) = self.actors_in(&before).find(|a| {
            a.kind == EntityKind::Person
                && a.cases.contains(Case::Acc)
                && !a.cases.only(Case::Nom)
                && !subject.contains(&Ref::Doc(a.entity))
                && !self.after_preposition_token(a.tokens.start)
        }) {
            return vec![Ref::Doc(a.entity)];
        }
        // «Уиткофф и Кушнер прилетели в Москву. В Кремле их принял Путин»: «их» are the
        // latest visitors of the sentence before, all of them.
        if i > clause.start && self.doc.fold_of(i - 1) == "их" {
            let last = self.visitors.last().map(|v| v.sentence);
            let group: Vec<Ref> = self
                .visitors
                .iter()
                .filter(|v| {
                    Some(v.sentence) == last
                        && v.sentence + 1 >= self.sentence as u32
                        && !subject.contains(&Ref::Doc(v.person))
                })
                .map(|v| Ref::Doc(v.person))
                .collect();
            if group.len() >= 2 {
                return group;
            }
        }
        if i > clause.start && matches!(self.doc.fold_of(i - 1), "его" | "ее" | "их") {
            let k = i - 1;
            // «Аракчи прибыл в Москву, где встретился с Лавровым. Сегодня его примет Путин»:
            // the one received is the visitor of this sentence or the one before, not the
            // last person named.
            if let Some(v) = self.visitors.iter().rev().find(|v| {
                v.sentence + 1 >= self.sentence as u32
                    && self.same_paragraph(v.sentence)
                    && !subject.contains(&Ref::Doc(v.person))
            }) {
                return vec![Ref::Doc(v.person)];
            }
            return self
                .actors
                .iter()
                .rev()
                .find(|a| {
                    a.kind == EntityKind::Person
                        && a.tokens.end <= k
                        && !subject.contains(&Ref::Doc(a.entity))
                })
                .map(|a| vec![Ref::Doc(a.entity)])
                .unwrap_or_default();
        }
        Vec::new()
    }

    /// «поблагодарил коллегу за визит»: the object of the verb before «за».
    fn thanked_object(&self, i: usize, clause: &Range<usize>) -> Vec<Ref> {
        if i < 1 || self.doc.fold_of(i - 1) != "за" {
            return Vec::new();
        }
        for k in (clause.start..i - 1).rev() {
            if let Some(a) = self
                .actors_in(clause)
                .find(|a| a.tokens.end == k + 1 && a.cases.contains(Case::Acc))
            {
                return vec![Ref::Doc(a.entity)];
            }
            if let Some(r) = self.pronoun_or_colleague(k) {
                return vec![r];
            }
        }
        Vec::new()
    }

    /// «прибыл с визитом», «совершил визит», «находится с визитом»: the subject is the visitor.
    fn subject_governs_visit(&self, i: usize, clause: &Range<usize>) -> bool {
        // Stems of verbs whose subject makes the visit: «совершил», «нанёс», «находится»,
        // «прибыл», «начал», «завершил», «отправился»; «отложил визит», «отменил поездку»,
        // «перенёс визит», «прервал турне», «продолжил»; «отказался от поездки».
        const STEMS: &[&str] = &[
            "соверш",
            "нанес",
            "наход",
            "прибы",
            "начал",
            "заверш",
            "отправ",
            "отлож",
            "отмен",
            "перен",
            "прерв",
            "продолж",
            "отказал",
        ];
        // «в ходе визита в Ханой Володин провёл встречу …», «во время поездки в Пекин он …»:
        // the visit of whoever the sentence is about. So before and after it: «накануне
        // визита в Китай Путин дал интервью», «после визита в Москву Токаев отправился …».
        let k = adjectives_before(self.doc, i, 2);
        let during = k > clause.start
            && (ahead_frame_before(self.doc, k).is_some()
                || matches!(self.doc.fold_of(k - 1), "после")
                || (k >= 2
                    && matches!(
                        (self.doc.fold_of(k - 2), self.doc.fold_of(k - 1)),
                        ("в", "ходе") | ("во", "время") | ("в", "рамках") | ("по", "итогам")
                    )));
        during
            || (clause.start..i).any(|k| {
                let f = self.doc.fold_of(k);
                STEMS.iter().any(|s| f.starts_with(s))
            })
    }

    /// «коллега» (or a personal pronoun) at token `k`, resolved to the other party.
    fn pronoun_or_colleague(&self, k: usize) -> Option<Ref> {
        if k >= self.doc.tokens.len() {
            return None;
        }
        let w = self.doc.lower(k)?;
        if w.has_lemma("коллега") {
            return self.kollega(&(k..k + 1), None).map(|x| x.0);
        }
        let fold = self.doc.fold_of(k);
        if let Some(q) = self.quote_at(k) {
            if matches!(
                fold,
                "вами"
                    | "вас"
                    | "вам"
                    | "вы"
                    | "ваш"
                    | "вашим"
                    | "вашего"
                    | "вашей"
                    | "вашему"
            ) {
                return q.addressee.map(Ref::Doc);
            }
            if matches!(fold, "мной" | "меня" | "мне" | "я") {
                return q.speaker.map(Ref::Doc);
            }
        }
        if matches!(
            fold,
            "ним" | "нему" | "него" | "им" | "его" | "ему" | "ней" | "нее" | "ей"
        ) {
            // The last person mentioned before this sentence.
            let start = self.range.start;
            return self
                .actors
                .iter()
                .rev()
                .find(|a| a.kind == EntityKind::Person && a.tokens.end <= start)
                .map(|a| Ref::Doc(a.entity));
        }
        None
    }

    /// The person «коллега» in `span` refers to: someone the article is about who is not the
    /// nominative subject of the sentence. Returns the reference and the token.
    fn kollega(&self, span: &Range<usize>, _unused: Option<()>) -> Option<(Ref, usize)> {
        let k = span
            .clone()
            .find(|&k| self.doc.lower(k).is_some_and(|w| w.has_lemma("коллега")))?;
        let subject: Vec<u32> = self
            .actors_in(&self.range)
            .filter(|a| {
                a.kind == EntityKind::Person && a.cases.contains(Case::Nom) && a.tokens.end <= k
            })
            .map(|a| a.entity)
            .collect();
        // «Мишустин провёл переговоры с белорусским коллегой»: a country adjective says whose
        // counterpart: a person of that country the article has named, else whoever holds the
        // subject's office there on the article date.
        let doc = self.doc;
        let adjective_country = k.checked_sub(1).and_then(|a| {
            doc.mentions_at(a)
                .iter()
                .find(|m| m.via == Via::Adjective && m.kind == EntityKind::Country)
                .and_then(|m| doc.entities[m.entity as usize].gaz)
        });
        if let Some(country) = adjective_country {
            let upto = self.actors.partition_point(|a| a.tokens.start < k);
            let mut named = self.actors[..upto].iter().rev().filter(|a| {
                a.kind == EntityKind::Person
                    && !subject.contains(&a.entity)
                    && (country_of(doc, a.entity) == Some(country)
                        || self.public.countries.get(&a.entity) == Some(&country))
            });
            let latest = named.next();
            // «Лавров и Шойгу обсудили с Таро Коно и Такэси Иваей … Лавров проведёт переговоры
            // с японским коллегой»: of several named, the one holding the subject's office.
            if let Some(a) = latest {
                let holder = self.counterpart(&subject, country, k);
                let same_office = std::iter::once(a)
                    .chain(named)
                    .find(|b| holder.is_some() && doc.entities[b.entity as usize].gaz == holder);
                return Some((Ref::Doc(same_office.unwrap_or(a).entity), k));
            }
            return self
                .counterpart(&subject, country, k)
                .map(|h| (Ref::Gaz(h), k));
        }
        self.recent
            .iter()
            .find(|p| !subject.contains(p))
            .map(|p| (Ref::Doc(*p), k))
    }

    /// Whoever holds the office of a person of `subject` (or, with none, of the person of a
    /// pronoun before token `k`: «Затем он встретился с иранским коллегой») in `country` on
    /// the article date.
    fn counterpart(&self, subject: &[u32], country: u32, k: usize) -> Option<u32> {
        let doc = self.doc;
        let gaz = doc.gazetteer;
        let mut subject = subject.to_vec();
        if subject.is_empty() {
            subject.extend(
                self.pronoun_subject(k, &(self.range.start..k))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|r| match r {
                        Ref::Doc(e) => Some(e),
                        Ref::Gaz(_) => None,
                    }),
            );
        }
        let date = doc.date?;
        subject.iter().find_map(|&s| {
            let g = doc.entities[s as usize].gaz?;
            let (_, role) = gaz.offices().roles_of(g, date).next()?;
            gaz.offices().holder(country, role, date)
        })
    }

    fn quote_at(&self, k: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.tokens.contains(&k))
    }

    /// «наша встреча», «ваш визит» inside a quotation: speaker and addressee.
    fn quote_pronoun_before(&self, i: usize, clause: &Range<usize>, ours: bool) -> Vec<Ref> {
        let Some(q) = self.quote_at(i) else {
            return Vec::new();
        };
        let lo = i.saturating_sub(3).max(clause.start);
        let mut out = Vec::new();
        for k in lo..i {
            let f = self.doc.fold_of(k);
            if ours && f.starts_with("наш") {
                out.extend(q.speaker.map(Ref::Doc));
                out.extend(q.addressee.map(Ref::Doc));
            }
            if f.starts_with("ваш") {
                out.extend(q.addressee.map(Ref::Doc));
            }
        }
        out
    }

    /// «мы», «я» as the subject inside a quotation.
    fn quote_pronoun_subject(&self, clause: &Range<usize>) -> Option<Ref> {
        let q = self.quote_at(clause.start)?;
        clause.clone().find_map(|k| match self.doc.fold_of(k) {
            "я" => q.speaker.map(Ref::Doc),
            "вы" => q.addressee.map(Ref::Doc),
            _ => None,
        })
    }

    /// Whether the clause refers to the article's people in the plural («главы
    /// государств», «президенты», «стороны», «мы» in a quotation): `Some(true)` when the
    /// word names office holders («лидеры», «президенты», «главы»), `Some(false)` for the
    /// others.
    /// «Главы государств обсудили торговлю и договорились встретиться»: a clause after «и»
    /// that has no subject of its own shares the subject of the clause before it in
    /// the sentence; [`Ctx::plural_reference`] of that clause when its subject is a plural
    /// reference in the nominative and no person named in the nominative is.
    fn coordinated_plural_reference(&self, clause: &Range<usize>) -> Option<bool> {
        let doc = self.doc;
        let conjunction = match clause.start {
            k if doc.fold_of(k) == "и" => k,
            k if k > self.range.start && doc.fold_of(k - 1) == "и" => k - 1,
            _ => return None,
        };
        let before = self.range.start..conjunction;
        let named_subject = self.actors_in(&before).any(|a| {
            a.kind == EntityKind::Person
                && a.cases.contains(Case::Nom)
                && !self.after_preposition_token(a.tokens.start)
        });
        let plural_nominative = before.clone().any(|k| {
            PLURAL_REFS.contains(doc.fold_of(k))
                && !self.governed_by_preposition(k)
                && doc.lower(k).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| p.case == Some(Case::Nom) && p.number == Some(Number::Plur))
                })
        });
        if named_subject || !plural_nominative {
            return None;
        }
        self.plural_reference(&before)
    }

    fn plural_reference(&self, clause: &Range<usize>) -> Option<bool> {
        for k in clause.clone() {
            let f = self.doc.fold_of(k);
            let plural = self
                .doc
                .lower(k)
                .is_some_and(|w| w.parses.iter().any(|p| p.number == Some(Number::Plur)));
            // «лидеры стран «большой семёрки»», «главы государств — участников …»: a group
            // the article does not enumerate is no reference to its people.
            // («министры иностранных дел стран СНГ»: across the office's own words.)
            // Only after an office noun, and not «лидеры двух стран» (the two of the article).
            let office = [
                "глав",
                "лидер",
                "президент",
                "премьер",
                "руководител",
                "министр",
            ]
            .iter()
            .any(|o| f.starts_with(o));
            let group = office
                && (k + 1..(k + 5).min(clause.end)).any(|x| {
                    matches!(
                        self.doc.fold_of(x),
                        "стран"
                            | "государств-членов"
                            | "стран-участниц"
                            | "участников"
                            | "членов"
                    ) && !matches!(
                        self.doc.fold_of(x - 1),
                        "двух" | "обеих" | "обоих" | "наших" | "этих" | "трех" | "трёх"
                    )
                });
            if PLURAL_REFS.contains(f) && plural && group {
                return None;
            }
            if PLURAL_REFS.contains(f) && plural {
                let leaders = f.starts_with("глав")
                    || f.starts_with("лидер")
                    || f.starts_with("президент")
                    || f.starts_with("премьер")
                    || f.starts_with("руководител");
                return Some(leaders);
            }
        }
        let ours = self.quote_at(clause.start).is_some()
            && clause.clone().any(|k| {
                matches!(
                    self.doc.fold_of(k),
                    "мы" | "наша" | "наши" | "нашей" | "нашу"
                )
            });
        ours.then_some(false)
    }

    /// The destination of a visit: a place after «в/во/на» in the accusative, or the
    /// accusative object of «посетить».
    fn destination(&self, i: usize, clause: &Range<usize>, verb: bool) -> Option<Ref> {
        let places: Vec<&Actor> = self
            .actors_in(clause)
            .filter(|a| a.kind.is_place() && a.tokens.start > i)
            .collect();
        // «посетил Белый дом», «прибыл в Кремль»: a body with a seat, right after the verb or
        // its preposition, stands for its city.
        if verb && places.is_empty() {
            let seat = self
                .actors_in(clause)
                .find(|a| {
                    a.kind == EntityKind::Organization
                        && (a.tokens.start == i + 1
                            || (a.tokens.start == i + 2
                                && matches!(self.doc.fold_of(i + 1), "в" | "во" | "на")))
                        && a.cases.contains(Case::Acc)
                })
                .and_then(|a| self.doc.entities[a.entity as usize].gaz)
                .and_then(|g| self.doc.gazetteer.entity(g).place);
            if let Some(city) = seat {
                return Some(Ref::Gaz(city));
            }
        }
        for a in &places {
            let k = a.tokens.start;
            let prep = k > 0 && matches!(self.doc.fold_of(k - 1), "в" | "во" | "на");
            if prep && a.cases.contains(Case::Acc) {
                return Some(Ref::Doc(a.entity));
            }
        }
        if verb {
            for a in &places {
                if a.cases.contains(Case::Acc) && !self.after_preposition_token(a.tokens.start) {
                    return Some(Ref::Doc(a.entity));
                }
            }
            // «находится с визитом в Казани»
            for a in &places {
                let k = a.tokens.start;
                if k > 0
                    && matches!(self.doc.fold_of(k - 1), "в" | "во")
                    && a.cases.contains(Case::Loc)
                {
                    return Some(Ref::Doc(a.entity));
                }
            }
            // «находится в Москве, куда прибыл накануне»: the place before «куда».
            // (Only a place right before «, куда»: «не уточнили, куда отправится» asks.)
            if places.is_empty()
                && let Some(q) = (clause.start..i).find(|&k| self.doc.fold_of(k) == "куда")
                && q >= 2
                && self.doc.is_punct(q - 1, ",")
            {
                return self
                    .actors_in(&(self.range.start..q))
                    .find(|a| {
                        a.kind.is_place()
                            && a.tokens.end == q - 1
                            && a.tokens.start > 0
                            && matches!(self.doc.fold_of(a.tokens.start - 1), "в" | "во" | "на")
                    })
                    .map(|a| Ref::Doc(a.entity));
            }
            // «Вчера в Москву прибыл Нарендра Моди»: a destination fronted before the verb,
            // when the visitor is named after it (the inverted order of news reports).
            let named_after = self
                .actors_in(clause)
                .any(|a| a.kind == EntityKind::Person && a.tokens.start > i);
            if places.is_empty()
                && named_after
                && let Some(a) = self
                    .actors_in(clause)
                    .filter(|a| {
                        a.kind.is_place()
                            && a.tokens.end <= i
                            && a.tokens.start > 0
                            && matches!(self.doc.fold_of(a.tokens.start - 1), "в" | "во" | "на")
                            && a.cases.contains(Case::Acc)
                    })
                    .last()
            {
                return Some(Ref::Doc(a.entity));
            }
        }
        None
    }

    /// A place of the meeting: after «в/во/на» in the locative, cities before countries; a
    /// body with a seat stands for its city («в Кремле»: Moscow).
    fn place_in(&self, span: &Range<usize>) -> Option<Ref> {
        let mut best: Option<(Ref, u8)> = None;
        for a in self.actors_in(span) {
            let k = a.tokens.start;
            // «в резиденции «Бочаров ручей»», «во дворце Бельвю»: a body with a seat named
            // after a locative noun for a building, in quotes or not (and then nominative).
            let named_building = a.kind == EntityKind::Organization && self.named_building_at(k);
            if !named_building && !self.located_at(a) || self.envoy_seat(a) || self.speaker_place(a)
            {
                continue;
            }
            let (place, rank) = match a.kind {
                EntityKind::City => (Ref::Doc(a.entity), 0),
                EntityKind::Region => (Ref::Doc(a.entity), 2),
                EntityKind::Country => (Ref::Doc(a.entity), 3),
                EntityKind::Organization => {
                    let seat = self.doc.entities[a.entity as usize]
                        .gaz
                        .and_then(|g| self.doc.gazetteer.entity(g).place);
                    match seat {
                        Some(city) => (Ref::Gaz(city), 1),
                        None => continue,
                    }
                }
                _ => continue,
            };
            if best.is_none_or(|(_, r)| rank < r) {
                best = Some((place, rank));
            }
        }
        // «в нижегородском кремле», «в казанском аэропорту»: a city adjective before a noun
        // for a building or site in that city.
        if best.is_none_or(|(_, r)| r > 0) {
            for k in span.clone().skip(1) {
                let city = self.doc.mentions_at(k).iter().find(|m| {
                    m.via == Via::Adjective
                        && m.kind == EntityKind::City
                        && m.tokens.end < span.end
                        && self.doc.tokens[m.tokens.end].shape == Shape::Lower
                });
                if let Some(m) = city
                    && matches!(self.doc.fold_of(k - 1), "в" | "во" | "на")
                    && self.doc.lower(m.tokens.end).is_some_and(|w| {
                        w.prob(|p| p.pos == Pos::Noun && p.case == Some(Case::Loc)) >= 0.5
                    })
                {
                    return Some(Ref::Doc(m.entity));
                }
            }
        }
        best.map(|(p, _)| p)
    }

    /// Whether actor `a` is named as where something is: «в Казани», and the same name after
    /// the locative noun for a settlement it names, «в городе Сочи», «в курортном городе
    /// Сочи», «в столице Казахстана Астане» (the name then in the locative or, as an
    /// apposition, in the nominative: «в городе Москва»).
    fn located_at(&self, a: &Actor) -> bool {
        let doc = self.doc;
        let k = a.tokens.start;
        let after_preposition = |j: usize| j > 0 && matches!(doc.fold_of(j - 1), "в" | "во" | "на");
        if after_preposition(k) {
            return a.cases.contains(Case::Loc);
        }
        // «в турецкой Анталье», «в китайском Тяньцзине»: the country's adjective between.
        if matches!(a.kind, EntityKind::City | EntityKind::Region)
            && let Some(adjective) = doc.mentions_ending_at(k, 2).find(|m| {
                m.via == Via::Adjective
                    && m.kind == EntityKind::Country
                    && doc.tokens[m.tokens.start].shape == Shape::Lower
            })
            && after_preposition(adjective.tokens.start)
        {
            return a.cases.contains(Case::Loc);
        }
        if !matches!(a.kind, EntityKind::City | EntityKind::Region)
            || !(a.cases.contains(Case::Loc) || a.cases.contains(Case::Nom))
        {
            return false;
        }
        // «столице Казахстана Астане»: the country the capital is of, in the genitive.
        let mut j = k;
        if let Some(m) = doc.mentions_ending_at(j, 4).find(|m| {
            matches!(m.kind, EntityKind::Country | EntityKind::Region)
                && m.cases.contains(Case::Gen)
        }) {
            j = m.tokens.start;
        }
        let Some(noun) = j.checked_sub(1) else {
            return false;
        };
        let names_it = doc.tokens[noun].shape == Shape::Lower
            && doc.lower(noun).is_some_and(|w| {
                w.prob(|p| {
                    p.pos == Pos::Noun
                        && p.case == Some(Case::Loc)
                        && SETTLEMENT_NOUNS.contains(&&*p.lemma)
                }) >= 0.5
            });
        if !names_it {
            return false;
        }
        // «в курортном городе», «в небольшом приморском городке»: adjectives before the noun.
        after_preposition(adjectives_before(doc, noun, 2))
    }

    /// «В Кремле не исключили», «в МИД Японии заявили»: a place or body followed by a verb of
    /// saying is who speaks, not where the event is.
    fn speaker_place(&self, a: &Actor) -> bool {
        let doc = self.doc;
        let mut k = a.tokens.end;
        while k < doc.tokens.len() && matches!(doc.fold_of(k), "не" | "также" | "уже" | "тоже")
        {
            k += 1;
        }
        // «Как сообщили в Кремле, …»: the verb may come first.
        let before = a.tokens.start.checked_sub(2);
        [Some(k), before]
            .into_iter()
            .flatten()
            .any(|k| self.speech_plural(k))
    }

    /// A plural finite verb of saying (or of ruling out, denying) at `k`.
    fn speech_plural(&self, k: usize) -> bool {
        self.doc.lower(k).is_some_and(|w| {
            w.parses.iter().any(|p| {
                p.pos == Pos::Verb
                    && p.verb_form == Some(VerbForm::Fin)
                    && p.number == Some(Number::Plur)
                    && (SPEECH_LEMMAS.contains(&p.lemma)
                        || matches!(
                            &*p.lemma,
                            "исключить"
                                | "опровергнуть"
                                | "объяснить"
                                | "назвать"
                                | "считать"
                        ))
            })
        })
    }

    /// «…, а в четверг — с председателем КНР Си Цзиньпином»: after the clause, «а» (or
    /// «затем», «потом»), a few words, a dash, «с» and a person in the instrumental. The words
    /// before the dash and that person.
    fn elliptical_contact(&self, clause: &Range<usize>) -> Option<(Range<usize>, Vec<Ref>)> {
        let doc = self.doc;
        let mut k = clause.end;
        if k < self.range.end && doc.is_punct(k, ",") {
            k += 1;
        }
        if k >= self.range.end || !matches!(doc.fold_of(k), "а" | "затем" | "потом") {
            return None;
        }
        let dash = (k + 1..(k + 6).min(self.range.end))
            .find(|&x| ["—", "–", "-"].iter().any(|d| doc.is_punct(x, d)))?;
        if dash + 2 >= self.range.end || !matches!(doc.fold_of(dash + 1), "с" | "со") {
            return None;
        }
        let tail = dash + 1..self.range.end;
        let groups = self.after_preposition_groups(dash + 1, &tail, &["с", "со"], Case::Ins);
        let with: Vec<Ref> = groups.into_iter().flatten().collect();
        (!with.is_empty()).then_some((k + 1..dash, with))
    }

    /// The countries of a compound adjective before the trigger noun, across other adjectives:
    /// «российско-китайские переговоры», «первая американо-иранская встреча». The tokenizer
    /// keeps «российско» a word of its own, so each half is a country adjective mention.
    fn compound_countries(&self, i: usize) -> Vec<Ref> {
        let doc = self.doc;
        let adjective_mention = |k: usize| {
            doc.mentions_at(k)
                .iter()
                .find(|m| {
                    m.via == Via::Adjective
                        && m.kind == EntityKind::Country
                        && m.tokens.end == k + 1
                })
                .map(|m| m.entity)
        };
        // The last half: right before the trigger, or before a few plain adjectives.
        let mut k = i;
        while k > 0 && k + 3 > i {
            k -= 1;
            if adjective_mention(k).is_some() {
                break;
            }
            let plain = doc
                .lower(k)
                .is_some_and(|w| w.prob(|p| p.pos == Pos::Adj) >= 0.5);
            if !plain {
                return Vec::new();
            }
        }
        let mut out = Vec::new();
        while let Some(e) = adjective_mention(k) {
            out.push(Ref::Doc(e));
            if k >= 2
                && doc.is_punct(k - 1, "-")
                && !doc.tokens[k].space_before
                && !doc.tokens[k - 1].space_before
            {
                k -= 2;
            } else {
                break;
            }
        }
        out.reverse();
        dedup(&mut out);
        if out.len() >= 2 { out } else { Vec::new() }
    }

    /// «посол Индии в Москве», «посла Великобритании в России»: where an envoy sits, not where
    /// something happens.
    fn envoy_seat(&self, a: &Actor) -> bool {
        // (Not across a comma: «Как сообщил представитель, в Бишкеке он встретится …» places
        // the meeting.)
        let from = (a.tokens.start.saturating_sub(4)..a.tokens.start)
            .rfind(|&k| self.doc.is_punct(k, ","))
            .map_or(a.tokens.start.saturating_sub(4), |c| c + 1);
        (from..a.tokens.start).any(|k| {
            self.doc.lower(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    matches!(
                        &*p.lemma,
                        "посол" | "посольство" | "постпред" | "представитель"
                    )
                })
            })
        })
    }

    /// The person a finite verb of `clause` addresses in the accusative or dative («поздравил
    /// Токаева», «выразил Токаеву соболезнования»), other than `taken`.
    fn addressee_in(&self, clause: &Range<usize>, taken: &[Ref]) -> Option<Ref> {
        let verb = clause.clone().find(|&k| is_finite_verb(self.doc, k))?;
        self.actors_in(clause)
            .find(|a| {
                a.kind == EntityKind::Person
                    && a.tokens.start > verb
                    && !taken.contains(&Ref::Doc(a.entity))
                    && !self.governed_by_preposition(a.tokens.start)
                    && (a.cases.contains(Case::Acc) || a.cases.contains(Case::Dat))
                    // An indeclinable name could be the subject.
                    && !a.cases.contains(Case::Nom)
            })
            .map(|a| Ref::Doc(a.entity))
    }

    /// True when `span` has «в/на» + a noun for a site with a name the gazetteers do not
    /// know: «в (своей) резиденции Мар-а-Лаго», «в Константиновском дворце», «на космодроме
    /// «Восточный»».
    fn unknown_site_in(&self, span: &Range<usize>) -> bool {
        const SITES: &[&str] = &[
            "резиденция",
            "дворец",
            "космодром",
            "усадьба",
            "вилла",
            "поместье",
            "замок",
            "курорт",
        ];
        let doc = self.doc;
        let site_at = |k: usize| {
            k < span.end
                && doc.lower(k).is_some_and(|w| {
                    w.parses
                        .iter()
                        .any(|p| p.pos == Pos::Noun && SITES.contains(&&*p.lemma))
                })
        };
        let known = |k: usize| !doc.mentions_at(k).is_empty();
        let named = |k: usize| {
            k < span.end
                && !known(k)
                && (doc.tokens[k].shape == Shape::Title || doc.is_punct(k, "«"))
        };
        (span.start..span.end.saturating_sub(2)).any(|k| {
            if !matches!(doc.fold_of(k), "в" | "во" | "на") {
                return false;
            }
            // «в своей загородной резиденции X»: up to two lower-case modifiers.
            let mut j = k + 1;
            while j < k + 3 && j < span.end && doc.tokens[j].shape == Shape::Lower && !site_at(j) {
                j += 1;
            }
            // «в Константиновском дворце»: a capitalised adjective before the site.
            // «примет Лукашенко в Валдае»: a capitalised locative no gazetteer knows is a place
            // too, just not one newsgraph can name.
            let unknown_place = j == k + 1
                && named(k + 1)
                && doc.tokens[k + 1].kind == TokenKind::Word
                && !doc.is_punct(k + 1, "«")
                && doc
                    .word(k + 1)
                    .is_some_and(|w| w.parses.iter().any(|p| p.case == Some(Case::Loc)));
            (site_at(j) && named(j + 1))
                || (j == k + 1 && named(k + 1) && site_at(k + 2))
                || unknown_place
        })
    }

    /// «завершил визит в Москву, где провёл переговоры»: the place «где» stands for, the last
    /// one named before it in the sentence. `None` when the clause has no «где»; `Some(None)`
    /// when it has one but no known place precedes it («на космодром Восточный, где»).
    fn place_of_where(&self, clause: &Range<usize>) -> Option<Option<Ref>> {
        // «в Душанбе, где примет участие в саммите и проведёт встречи …»: the «где» may open
        // an earlier clause that this one continues after «и»; not across another relative
        // pronoun or a contrast.
        let k = (self.range.start..clause.end.min(clause.start + 2))
            .rev()
            .take_while(|&k| {
                k >= clause.start
                    || !matches!(
                        self.doc.fold_of(k),
                        "который"
                            | "которая"
                            | "которое"
                            | "которые"
                            | "что"
                            | "но"
                            | "а"
                    )
            })
            .find(|&k| self.doc.fold_of(k) == "где")?;
        let before = self.range.start..k;
        let governed = self
            .actors_in(&before)
            .filter(|a| {
                a.kind.is_place()
                    && a.tokens.start > 0
                    // «вернулся из Москвы, где провёл переговоры»: «из» too.
                    && matches!(
                        self.doc.fold_of(a.tokens.start - 1),
                        "в" | "во" | "на" | "из"
                    )
            })
            .last()
            .map(|a| Ref::Doc(a.entity));
        match governed {
            Some(p) => Some(Some(p)),
            // «посетит Великобританию, где …»: a place without a preposition is left to the
            // sentence's other places.
            None if self.actors_in(&before).any(|a| a.kind.is_place()) => None,
            None => Some(None),
        }
    }

    /// A city of `country` after «в/во» in this sentence, the one before or the next one of the
    /// paragraph.
    fn city_of_country_near(&self, country: u32) -> Option<Ref> {
        let doc = self.doc;
        let next = self.sentence + 1;
        let mut span = self.range.clone();
        if next < doc.sentence_tokens.len()
            && doc.sentences[next].paragraph == doc.sentences[self.sentence].paragraph
        {
            span.end = doc.sentence_tokens[next].end;
        }
        // «Путин и Моди проведут переговоры в Нью-Дели. Это будет первый визит российского
        // лидера в Индию»: or the sentence before.
        if self.sentence > 0 && self.same_paragraph(self.sentence as u32 - 1) {
            span.start = doc.sentence_tokens[self.sentence - 1].start;
        }
        let in_country = |a: &&Actor| {
            a.kind == EntityKind::City
                && doc.entities[a.entity as usize]
                    .gaz
                    .is_some_and(|g| doc.gazetteer.entity(g).country == Some(country))
        };
        // «посол Индии в Москве»: where an envoy sits is not where the visit goes.
        let envoy = |a: &Actor| self.envoy_seat(a);
        // («БУДАПЕШТ, 29 апреля. Франциск прибыл с визитом в Венгрию. В Будапеште …»: the
        // dateline's city at the article's first token only says where it was written.)
        let mut cities = self
            .actors_in(&span)
            .filter(in_country)
            .filter(|a| a.tokens.start > 0);
        let first = cities.next()?;
        // A visit to several cities of the country keeps the country.
        if cities.any(|a| a.entity != first.entity)
            || envoy(first)
            || first.tokens.start == 0
            || !matches!(doc.fold_of(first.tokens.start - 1), "в" | "во")
            || !first.cases.contains(Case::Loc)
        {
            return None;
        }
        Some(Ref::Doc(first.entity))
    }

    /// The person of the latest contact the article introduced with the role noun `lemma`
    /// («с послом КНР Чжаном Ханьхуэем» for «посол»): a mention of theirs with that word
    /// shortly before it, in its sentence (a role may run long: «с министром народной власти
    /// по иностранным делам Боливарианской Республики Венесуэла Хорхе …»).
    fn role_holder(&self, lemma: &str) -> Option<u32> {
        let doc = self.doc;
        self.recent.iter().copied().find(|&p| {
            doc.mentions.iter().any(|m| {
                m.entity == p
                    && (m.tokens.start.saturating_sub(12)..m.tokens.start).any(|k| {
                        doc.tokens[k].sentence == m.sentence
                            && doc
                                .lower(k)
                                .is_some_and(|w| w.parses.iter().any(|x| &*x.lemma == lemma))
                    })
            })
        })
    }

    /// The city where the sentence before (in the paragraph) says something took place:
    /// «В Тегеране прошёл саммит. Перед ним Путин провёл переговоры …».
    fn place_before(&self) -> Option<Ref> {
        let s = self.sentence.checked_sub(1)?;
        if self.doc.sentences[s].paragraph != self.doc.sentences[self.sentence].paragraph {
            return None;
        }
        let range = self.doc.sentence_tokens[s].clone();
        let place = self.place_in(&range)?;
        let city = match place {
            Ref::Doc(e) => self.doc.entities[e as usize].kind == EntityKind::City,
            Ref::Gaz(_) => true,
        };
        city.then_some(place)
    }

    /// A named event the trigger is about: «на церемонию открытия «Игр будущего»».
    fn named_event(&self, i: usize, clause: &Range<usize>) -> Option<u32> {
        let from = self.doc.mentions.partition_point(|m| m.tokens.start <= i);
        self.doc.mentions[from..]
            .iter()
            .take_while(|m| m.tokens.start < clause.end)
            .find(|m| m.kind == EntityKind::Event)
            .map(|m| m.entity)
    }

    /// True when a date is only a bound of some period: «до 22 марта» (an end), or «с 12:00
    /// 10 октября» with no end after it (since when a ceasefire holds). Neither dates an
    /// event; «с 5 по 7 июня» does, by its first day.
    fn is_bound(&self, d: &DateDraft) -> bool {
        match self.doc.fold_of(d.tokens.start) {
            // «встретятся до конца года»: the year is all the text says of when.
            "до" => self.doc.fold_of(d.tokens.start + 1) != "конца",
            // (The dates stage may read «с 20 по 22 марта» as one date or as two.)
            "с" | "со" => {
                let range_word = |k: usize| matches!(self.doc.fold_of(k), "по" | "до");
                !((d.tokens.end < self.doc.tokens.len() && range_word(d.tokens.end))
                    || (d.tokens.start + 1..d.tokens.end).any(range_word))
            }
            _ => false,
        }
    }

    /// The date in `span` nearest to the trigger.
    fn date_in(&self, i: usize, span: &Range<usize>) -> Option<DateValue> {
        self.date_token_in(i, span).map(|(v, _)| v)
    }

    /// [`Ctx::date_in`] with the token the date starts at.
    fn date_token_in(&self, i: usize, span: &Range<usize>) -> Option<(DateValue, usize)> {
        let dates = &self.doc.dates;
        let from = dates.partition_point(|d| d.tokens.start < span.start);
        dates[from..]
            .iter()
            .take_while(|d| d.tokens.start < span.end)
            .filter(|d| d.tokens.end <= span.end && !self.is_bound(d))
            .filter(|d| !self.in_frame_after(i, d.tokens.start) && !self.after_bound(i, d))
            .min_by_key(|d| d.tokens.start.abs_diff(i))
            .map(|d| (d.value, d.tokens.start))
    }

    /// «первый визит … после 2019 года»: what the event follows or precedes, not its day (the
    /// dates stage may have taken the preposition into the date or not). Not when the date is
    /// an adjective of the trigger itself: «после июньской встречи» dates that meeting.
    fn after_bound(&self, i: usize, d: &DateDraft) -> bool {
        let doc = self.doc;
        let bound = |k: usize| matches!(doc.fold_of(k), "после" | "перед");
        (bound(d.tokens.start) || (d.tokens.start > 0 && bound(d.tokens.start - 1)))
            && d.tokens.end != i
    }

    /// Whether a date at `k` after the trigger at `i` is inside «в ходе …» or «во время …»
    /// between them: «договорились о встрече в ходе телефонного разговора 16 октября» dates
    /// the call, not the meeting.
    fn in_frame_after(&self, i: usize, k: usize) -> bool {
        frame_between(self.doc, i, k)
    }

    /// The part of `clause` on the side of token `i` of a participial phrase set off by
    /// commas that does not hold `i` («Эрдоган и Стармер, встретившиеся в Анкаре, |
    /// договорились провести встречу в Лондоне»); the whole clause when there is none.
    fn outside_participial_phrase(&self, i: usize, clause: &Range<usize>) -> Range<usize> {
        let doc = self.doc;
        let participle_at = |k: usize| {
            doc.word(k)
                .and_then(|w| w.best())
                .is_some_and(|p| p.verb_form == Some(VerbForm::Part) && !p.short)
        };
        let commas: Vec<usize> = clause.clone().filter(|&k| doc.is_punct(k, ",")).collect();
        for pair in commas.windows(2) {
            let (open, close) = (pair[0], pair[1]);
            if open + 1 < close && participle_at(open + 1) && !(open..=close).contains(&i) {
                return if i > close {
                    close + 1..clause.end
                } else {
                    clause.start..open
                };
            }
        }
        clause.clone()
    }

    /// True when token `k` is inside a participial phrase set off by commas that does not
    /// hold token `i`: in «Фицо, побывавший в конце декабря в Москве, заявил о новых
    /// встречах» the date is the stay's, not the meetings' (used only where the date would
    /// turn a plan into a report: the arrival's date usually dates what follows it too).
    fn in_other_participial_phrase(&self, k: usize, i: usize) -> bool {
        let doc = self.doc;
        let range = &self.range;
        let Some(open) = (range.start..k).rev().find(|&x| doc.is_punct(x, ",")) else {
            return false;
        };
        let participle = open + 1 < k
            && doc
                .word(open + 1)
                .and_then(|w| w.best())
                .is_some_and(|p| p.verb_form == Some(VerbForm::Part));
        if !participle {
            return false;
        }
        let close = (k..range.end)
            .find(|&x| doc.is_punct(x, ","))
            .unwrap_or(range.end);
        !(open..close).contains(&i)
    }

    /// The day that opens the next sentence of the paragraph, for an undated report of what
    /// happened: news leads often state the event and date it in the sentence after («Переговоры
    /// продлились шесть часов. В четверг вечером президенты объявили …»). Only a day on or
    /// before the article's own, within its week, and not for a contact when that sentence
    /// reports a contact of another kind by a verb of its own: «… провели встречу в
    /// Нью-Йорке. Накануне Джайшанкар также поговорил по телефону с Блинкеном» dates the
    /// call, not the meeting.
    fn date_opening_next_sentence(&self, kind: EventType) -> Option<DateValue> {
        let next = self.sentence + 1;
        let sentences = &self.doc.sentences;
        if next >= sentences.len()
            || sentences[next].paragraph != sentences[self.sentence].paragraph
        {
            return None;
        }
        let own_contact = self.triggers[self.doc.sentence_tokens[next].clone()]
            .iter()
            .flatten()
            .any(|t| {
                let other = t.event_type();
                !t.is_noun() && kind.is_contact() && other.is_contact() && other != kind
            });
        if own_contact {
            return None;
        }
        let start = self.doc.sentence_tokens[next].start;
        let article = self.doc.date.filter(|a| a.day != 0)?;
        let dates = &self.doc.dates;
        let from = dates.partition_point(|d| d.tokens.start < start);
        let d = dates.get(from)?;
        let near_start = d.sentence as usize == next && d.tokens.start <= start + 1;
        let day = d.value.day != 0 && !article.before(&d.value);
        let within_week = crate::stages::dates::days_between(d.value, article)
            .is_some_and(|n| (0..=7).contains(&n));
        (near_start && day && within_week && !self.is_bound(d)).then_some(d.value)
    }

    /// The last date earlier in the same paragraph that fits `status`: a report of what
    /// happened takes no date after the article's, a plan none before it («Министры
    /// договорились встретиться» does not take the day of the call in which they agreed).
    fn date_earlier_in_paragraph(&self, status: Status) -> Option<DateValue> {
        let paragraph = self.doc.sentences[self.sentence].paragraph;
        let dates = &self.doc.dates;
        let upto = dates.partition_point(|d| (d.sentence as usize) < self.sentence);
        let article = self.doc.date;
        let fits = |v: &DateValue| match (status, article) {
            (Status::Happened, Some(a)) => !a.before(v),
            (Status::Planned | Status::Hypothetical, Some(a)) => !v.before(&a),
            _ => true,
        };
        dates[..upto]
            .iter()
            .rev()
            .take_while(|d| self.doc.sentences[d.sentence as usize].paragraph == paragraph)
            // «до 22 марта», «по 5 мая» bound a period; they do not date what follows.
            .find(|d| !matches!(self.doc.fold_of(d.tokens.start), "по" | "к") && !self.is_bound(d))
            // «Предыдущая встреча состоялась 9 ноября 2023 года. Токаев пригласил Путина …»: a
            // sentence looking back dates what it looks back on, not what follows it.
            .filter(|d| !self.looks_back(d))
            .map(|d| d.value)
            // Only the nearest: an older date that fits would be a guess.
            .filter(fits)
    }

    /// True when the date's stretch of its sentence (between commas) tells of an earlier time:
    /// «предыдущий визит», «в последний раз», «в прошлый раз», «ранее» (not «форум, о котором
    /// ранее сообщало агентство»: another stretch).
    fn looks_back(&self, d: &DateDraft) -> bool {
        let doc = self.doc;
        let sentence = &doc.sentence_tokens[d.sentence as usize];
        let from = (sentence.start..d.tokens.start)
            .rev()
            .find(|&k| doc.is_punct(k, ","))
            .map_or(sentence.start, |k| k + 1);
        let to = (d.tokens.end..sentence.end)
            .find(|&k| doc.is_punct(k, ","))
            .unwrap_or(sentence.end);
        (from..to).any(|k| {
            let w = doc.fold_of(k);
            w.starts_with("предыдущ")
                || w == "ранее"
                || (w == "раз" && k > 0 && matches!(doc.fold_of(k - 1), "последний" | "прошлый"))
        })
    }
}

trait CaseSetExt {
    fn only_or_contains_nom(self) -> bool;
}

impl CaseSetExt for crate::morph::CaseSet {
    fn only_or_contains_nom(self) -> bool {
        self.contains(Case::Nom)
    }
}

fn dedup(v: &mut Vec<Ref>) {
    let mut seen = Vec::new();
    v.retain(|r| {
        if seen.contains(r) {
            false
        } else {
            seen.push(*r);
            true
        }
    });
}

fn resolve(doc: &mut Doc<'_>, r: Ref) -> u32 {
    match r {
        Ref::Doc(e) => e,
        Ref::Gaz(g) => doc.intern_gazetteer(g),
    }
}

/// Words that make the person after them a public figure.
static POLITICAL_ROLES: crate::text::WordList = crate::text::WordList::new(&[
    "президент",
    "премьер",
    "премьер-министр",
    "министр",
    "глава",
    "лидер",
    "канцлер",
    "король",
    "королева",
    "принц",
    "наследный",
    "шейх",
    "султан",
    "эмир",
    "посол",
    "губернатор",
    "мэр",
    "спикер",
    "председатель",
    "депутат",
    "сенатор",
    "госсекретарь",
    "генсек",
    "секретарь",
    "дипломат",
    "вице-премьер",
    "вице-президент",
    "папа",
    "патриарх",
    "аятолла",
    "помощник",
    "пресс-секретарь",
    "советник",
    "представитель",
    "руководитель",
    "генеральный",
    "глава",
    "замминистра",
    "заместитель",
    "полпред",
    "уполномоченный",
    "спецпосланник",
    "посланник",
    "спецпредставитель",
    "эмиссар",
]);

/// Whether a reading of token `k` is a political role ([`POLITICAL_ROLES`]). Asked at up to a
/// dozen words before every person's mention: the answer is kept per word, where reading
/// each reading's lemma again missed the processor's caches (2% of a run's samples).
fn political_role(doc: &Doc<'_>, k: usize) -> bool {
    doc.word_memo(k, Memo::PoliticalRole, || {
        u8::from(
            doc.lower(k)
                .is_some_and(|w| w.parses.iter().any(|p| POLITICAL_ROLES.contains(&p.lemma))),
        )
    }) == 1
}

/// Who in the document is a public figure, computed once per document: persons named by a
/// title, and persons introduced with a public role («губернатор Антон Алиханов»).
struct Public {
    titled: std::collections::HashSet<u32, foldhash::fast::FixedState>,
    introduced: std::collections::HashSet<u32, foldhash::fast::FixedState>,
    /// The country a person without a known country was introduced with («премьер-министр
    /// Греции Кириакос Мицотакис»), as a gazetteer index.
    countries: std::collections::HashMap<u32, u32, foldhash::fast::FixedState>,
}

impl Public {
    fn of(doc: &Doc<'_>) -> Public {
        let mut titled = std::collections::HashSet::default();
        let mut introduced = std::collections::HashSet::default();
        let mut countries = std::collections::HashMap::default();
        for m in &doc.mentions {
            if m.kind != EntityKind::Person {
                continue;
            }
            if m.via == Via::Title {
                titled.insert(m.entity);
                continue;
            }
            if introduced.contains(&m.entity) {
                continue;
            }
            let sentence = &doc.sentence_tokens[m.sentence as usize];
            // A quoted name right before the person counts as one word: «Глава госкорпорации
            // «Росатом» Алексей Лихачёв», «генеральный директор «Росатома» …».
            let quoted_from = (m.tokens.start > sentence.start + 2
                && matches!(doc.text_of(m.tokens.start - 1), "»" | "\"" | "“"))
            .then(|| {
                (m.tokens.start.saturating_sub(8).max(sentence.start)..m.tokens.start - 2)
                    .rev()
                    .find(|&k| matches!(doc.text_of(k), "«" | "\"" | "„" | "“"))
            })
            .flatten();
            let lo = match quoted_from {
                Some(open) => open.saturating_sub(3).max(sentence.start),
                None => m.tokens.start.saturating_sub(4).max(sentence.start),
            };
            let is_role = |k: usize| political_role(doc, k);
            // «Министры обороны России, Турции и Сирии Сергей Шойгу, Хулуси Акар и …»: the
            // next name of a list whose first name was introduced is introduced too, and a
            // plural role may stand further back, before the countries it lists.
            let listed = m.tokens.start >= 2
                && matches!(doc.fold_of(m.tokens.start - 1), "," | "и")
                && doc
                    .mentions_ending_at(m.tokens.start - 1, 6)
                    .any(|p| p.kind == EntityKind::Person && introduced.contains(&p.entity));
            let far = m.tokens.start.saturating_sub(10).max(sentence.start);
            let plural_role = (far..lo).any(|k| {
                is_role(k)
                    && doc
                        .lower(k)
                        .is_some_and(|w| w.prob(|p| p.number == Some(Number::Plur)) >= 0.5)
                    && (k + 1..m.tokens.start).all(|j| !is_finite_verb(doc, j))
            });
            // «Рустам Минниханов прибыл с рабочим визитом в Турцию»: who travels «с визитом»
            // does so in office.
            let official_visit = {
                let to = (m.tokens.end + 8).min(sentence.end);
                (m.tokens.end..to).any(|k| {
                    doc.fold_of(k) == "визитом"
                        && (k.saturating_sub(3)..k).any(|j| matches!(doc.fold_of(j), "с" | "со"))
                })
            };
            // «с министром науки и высшего образования Валерием Фальковым», «министром
            // Российской Федерации по развитию Дальнего Востока и Арктики …»: a singular role
            // further back, with only its portfolio between (no verb, no other person, no
            // punctuation but commas).
            let long_role = (far..lo).any(|k| {
                is_role(k)
                    && (k + 1..m.tokens.start).all(|j| {
                        !is_finite_verb(doc, j)
                            && (doc.tokens[j].kind == TokenKind::Word || doc.is_punct(j, ","))
                            && !doc
                                .mentions_at(j)
                                .iter()
                                .any(|p| p.kind == EntityKind::Person)
                    })
            });
            let role = (lo..m.tokens.start).any(is_role)
                || listed
                || plural_role
                || long_role
                || official_visit;
            if role {
                introduced.insert(m.entity);
                // The country named between the role and the name: «премьер-министр Греции
                // X», «греческий премьер X».
                // (Searched by end token, so that a document with a huge number of mentions
                // stays linear.)
                let country = (lo + 1..=m.tokens.start).rev().find_map(|end| {
                    doc.mentions_ending_at(end, 4).find(|c| {
                        c.kind == EntityKind::Country
                            && c.tokens.start >= lo
                            && (m.tokens.start - end <= 1 || c.via == Via::Adjective)
                    })
                });
                if let Some(g) = country.and_then(|c| doc.entities[c.entity as usize].gaz)
                    && country_of(doc, m.entity).is_none()
                {
                    countries.insert(m.entity, g);
                }
            }
        }
        Public {
            titled,
            introduced,
            countries,
        }
    }

    /// The capital of the country a person was introduced with.
    fn introduced_capital(&self, doc: &Doc<'_>, person: u32) -> Option<u32> {
        let country = self.countries.get(&person)?;
        doc.gazetteer.entity(*country).capital
    }

    /// True when the person held an office on the article date (or at all, without a
    /// date), or was named by a title.
    fn holds_office(&self, doc: &Doc<'_>, person: u32) -> bool {
        if self.titled.contains(&person) {
            return true;
        }
        let Some(g) = doc.entities[person as usize].gaz else {
            return false;
        };
        let offices = doc.gazetteer.offices();
        match doc.date {
            Some(d) => offices.roles_of(g, d).next().is_some(),
            None => offices.is_office_holder(g),
        }
    }

    /// True for a country or organisation, an office holder, a person named by a title, or
    /// a person introduced with a public role.
    fn political(&self, doc: &Doc<'_>, e: u32) -> bool {
        let ent = &doc.entities[e as usize];
        // A listed office holder (a row with the country it serves, or any office on record)
        // stays public after the term: «Шойгу и Аббас встретились».
        let listed = ent.gaz.is_some_and(|g| {
            doc.gazetteer.entity(g).country.is_some() || doc.gazetteer.offices().is_office_holder(g)
        });
        ent.kind != EntityKind::Person
            || self.holds_office(doc, e)
            || self.introduced.contains(&e)
            || listed
    }
}

/// The gazetteer index of the capital of the country a person belongs to.
fn capital_of(doc: &Doc<'_>, person: u32) -> Option<u32> {
    let country = country_of(doc, person)?;
    doc.gazetteer.entity(country).capital
}

/// The gazetteer index of a person's country: the `country` attribute, else the country of an
/// office held on the article date.
fn country_of(doc: &Doc<'_>, person: u32) -> Option<u32> {
    country_of_gaz(doc, doc.entities[person as usize].gaz?)
}

/// The country of a gazetteer person: the `country` attribute, else the country of an office
/// held on the article date.
fn country_of_gaz(doc: &Doc<'_>, gaz_idx: u32) -> Option<u32> {
    doc.gazetteer.country_of_person(gaz_idx, doc.date)
}

/// Sentence `s` denies what the sentence before reported: a verb of denial with a
/// demonstrative object («эту информацию опровергли», «Песков опроверг эти сообщения»).
fn denies_the_report(doc: &Doc<'_>, s: usize) -> bool {
    let range = doc.sentence_tokens[s].clone();
    // A verb of denial, not negated («не стал опровергать» confirms; «отрицательный» is no
    // denial).
    let denial = range.clone().any(|k| {
        verb_of(
            doc.lower(k),
            &["опровергнуть", "опровергать", "отрицать"],
            |_| true,
        ) && !(k.saturating_sub(2).max(range.start)..k).any(|j| doc.fold_of(j) == "не")
    });
    denial
        && range.clone().skip(1).any(|k| {
            matches!(
                doc.fold_of(k - 1),
                "эту" | "эти" | "это" | "такую" | "такие"
            ) && matches!(
                doc.fold_of(k),
                "информацию"
                    | "сообщения"
                    | "данные"
                    | "новость"
                    | "слухи"
                    | "сведения"
            )
        })
}

/// True when `word` reads as a verb whose lemma is one of `lemmas` and that passes `also`.
fn verb_of(
    word: Option<&crate::morph::WordInfo>,
    lemmas: &[&str],
    also: impl Fn(&crate::morph::Parse) -> bool,
) -> bool {
    word.is_some_and(|w| {
        w.parses
            .iter()
            .any(|p| p.pos == Pos::Verb && lemmas.contains(&&*p.lemma) && also(p))
    })
}

/// The city of a dateline: a city name in capitals opening the text, before a comma
/// («ТОКИО, 30 мая.», «МОСКВА, 5 июля — РИА Новости»).
fn dateline_city(doc: &Doc<'_>) -> Option<Ref> {
    let m = doc.mentions.first()?;
    (m.tokens.start == 0
        && m.kind == EntityKind::City
        && doc.tokens[0].shape == Shape::Upper
        && doc.is_punct(m.tokens.end, ","))
    .then_some(Ref::Doc(m.entity))
}

/// Two participants are the same party: the same entity, or a person and their country.
fn same_party(doc: &Doc<'_>, a: u32, b: u32) -> bool {
    if a == b {
        return true;
    }
    let country = |x: u32| {
        let e = &doc.entities[x as usize];
        match e.kind {
            EntityKind::Country => e.gaz,
            EntityKind::Person => country_of(doc, x),
            _ => None,
        }
    };
    let (ka, kb) = (doc.entities[a as usize].kind, doc.entities[b as usize].kind);
    (ka == EntityKind::Country || kb == EntityKind::Country)
        && country(a).is_some()
        && country(a) == country(b)
}

/// Adds `draft` to `events`, or merges it into an earlier report of the same event.
///
/// One meeting is often called «встреча» in one sentence and «переговоры» in the next: MEETING
/// and TALKS with the same participants are one event (the first mention's type stays). A city
/// and its country are compatible places (the city is kept); a date inherited from the
/// article yields to one written in the text.
fn merge_into(doc: &Doc<'_>, events: &mut Vec<EventDraft>, draft: EventDraft) {
    let family = |k: EventType| match k {
        EventType::Talks => EventType::Meeting,
        k => k,
    };
    // An inherited date yields to a written one, except that a contact dated by the article's
    // own day is not the one a later sentence puts in a month or year that does not hold that
    // day («обсудили по телефону … в прошлом месяце они созванивались»).
    let article_day = doc.date;
    let earlier_period = |a: &EventDraft, b: &EventDraft| {
        !a.date_explicit
            && b.date_explicit
            && a.date.is_some()
            && a.date == article_day
            && b.date
                .is_some_and(|y| y.precision() != crate::model::Precision::Day)
            && b.date.zip(a.date).is_some_and(|(y, x)| !y.compatible(&x))
    };
    let compatible_date = |a: &EventDraft, b: &EventDraft| match (a.date, b.date) {
        (Some(x), Some(y)) => {
            x.compatible(&y)
                || ((!a.date_explicit || !b.date_explicit)
                    && !earlier_period(a, b)
                    && !earlier_period(b, a))
        }
        _ => true,
    };
    let within = |city: u32, country: u32| -> bool {
        let (c, k) = (
            &doc.entities[city as usize],
            &doc.entities[country as usize],
        );
        match (c.gaz, k.gaz) {
            (Some(cg), Some(kg)) => doc.gazetteer.entity(cg).country == Some(kg),
            _ => false,
        }
    };
    // «переговоры в Анкоридже … Встреча на Аляске»: a city and a region of its country may
    // be the same place (the gazetteers do not record which region a city is in).
    let city_and_region = |x: u32, y: u32| -> bool {
        let (a, b) = (&doc.entities[x as usize], &doc.entities[y as usize]);
        a.kind == EntityKind::City
            && b.kind == EntityKind::Region
            && match (a.gaz, b.gaz) {
                (Some(ag), Some(bg)) => {
                    let country = doc.gazetteer.entity(ag).country;
                    country.is_some() && country == doc.gazetteer.entity(bg).country
                }
                _ => false,
            }
    };
    let compatible_place = |a: Option<u32>, b: Option<u32>| match (a, b) {
        (Some(x), Some(y)) => {
            x == y || within(x, y) || within(y, x) || city_and_region(x, y) || city_and_region(y, x)
        }
        _ => true,
    };
    let same_people = |a: &[u32], b: &[u32]| -> bool {
        let covered =
            |x: &[u32], y: &[u32]| x.iter().all(|p| y.iter().any(|q| same_party(doc, *p, *q)));
        covered(a, b) || covered(b, a)
    };
    // Only recent events are candidates: an article repeats an event near where it reports
    // it, and a huge document stays linear.
    // «Путин прибыл во Вьетнам … В ходе визита во Вьетнам Путин также встретится с …»: a
    // visit noun framing another event, with no day of its own, is the visit under way that
    // the article has reported, though the framed event lies ahead.
    let framed = draft.kind == EventType::Visit
        && draft.status == Status::Planned
        && !draft.date_explicit
        && draft.trigger.start >= 2
        && matches!(
            (
                doc.fold_of(draft.trigger.start - 2),
                doc.fold_of(draft.trigger.start - 1)
            ),
            ("в", "ходе") | ("в", "рамках") | ("во", "время")
        );
    for e in events.iter_mut().rev().take(RECENT) {
        let under_way = framed
            && e.kind == EventType::Visit
            && e.status == Status::Happened
            && (e.date.is_none() || e.date == article_day);
        let same = family(e.kind) == family(draft.kind)
            && (e.status == draft.status || under_way)
            && compatible_date(e, &draft)
            && compatible_place(e.place, draft.place)
            && match draft.kind {
                EventType::Invitation => e.participants == draft.participants,
                EventType::Visit => same_people(&e.participants, &draft.participants),
                // «X и Y договорились …. Консультации при посредничестве Z начались …»: a
                // later report may name one more side of the same contact.
                _ => {
                    let within = |x: &[u32], y: &[u32]| x.iter().all(|p| y.contains(p));
                    let (a, b) = (&e.participants, &draft.participants);
                    a.len().min(b.len()) >= 2 && (within(a, b) || within(b, a))
                }
            };
        if !same {
            continue;
        }
        // Keep the written date over an inherited one, then the more precise one.
        let better_date = match (e.date, draft.date) {
            (None, Some(_)) => true,
            (Some(x), Some(y)) => {
                (draft.date_explicit && !e.date_explicit)
                    || (draft.date_explicit == e.date_explicit && y.precision() > x.precision())
            }
            _ => false,
        };
        if better_date {
            e.date = draft.date;
            e.date_explicit = draft.date_explicit;
        }
        match (e.place, draft.place) {
            (None, p) => e.place = p,
            // «прибудет в Россию … отправится в Санкт-Петербург»: a visit to a country that
            // goes on to a city of it stays a visit to the country.
            (Some(x), Some(y)) if within(y, x) && e.kind != EventType::Visit => e.place = Some(y),
            _ => {}
        }
        if e.named_event.is_none() {
            e.named_event = draft.named_event;
        }
        if !matches!(e.kind, EventType::Visit | EventType::Invitation) {
            for p in &draft.participants {
                if !e.participants.contains(p) {
                    e.participants.push(*p);
                }
            }
        }
        for s in draft.sentences {
            if !e.sentences.contains(&s) {
                e.sentences.push(s);
            }
        }
        e.confidence = (e.confidence.max(draft.confidence) + 0.05).min(0.99);
        return;
    }
    events.push(draft);
}

/// True when the clause dates its contact by a time the text gives no calendar value for,
/// or by many times: a decade («в 90-х», «в начале 2000-х годов», «в 1990-е»), a span of
/// years or a century («в те годы», «в прошлом веке»), a vague distance («много лет назад»,
/// «несколько месяцев назад», «на днях»), a time of life or the past at large («в молодости»,
/// «в прошлом»), or repetition («неоднократно», «не раз»). Such a contact is not on the
/// article's day nor on a date of an earlier sentence; a date the clause does write («два
/// года назад») still dates it (the caller asks only when the clause gave none).
fn vague_time(doc: &Doc<'_>, clause: &Range<usize>) -> bool {
    let fold = |k: usize| doc.fold_of(k);
    // «90-х» as one token or as «90», «-», «х»: a round number of years, a plural ending.
    let decade_number = |w: &str| {
        (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) && w.ends_with('0')
    };
    // (Not «м», «ми»: «на 20-м саммите» is an ordinal.)
    let decade_ending = |w: &str| matches!(w, "х" | "е" | "ых" | "ые");
    (clause.start..clause.end).any(|k| {
        let w = fold(k);
        let before = |n: usize, word: &str| k >= clause.start + n && fold(k - n) == word;
        // «в те годы», «в прошлом веке», «в XX веке»: after «в» a word or two back (not «на
        // ближайшие годы», a term; not «усадьбе XVIII века»).
        let after_v = (1..=3).any(|n| before(n, "в") || before(n, "во"));
        match w {
            "когда-то" | "некогда" | "однажды" | "неоднократно" | "многократно" => {
                true
            }
            "годы" | "годах" | "век" | "веке" => after_v,
            // «много лет назад», «несколько месяцев назад»: a count of a unit before it (not
            // «прилетел назад в Москву»; not «час назад», the article's day).
            "назад" => {
                k > clause.start
                    && (fold(k - 1).starts_with("лет")
                        || ["год", "месяц", "недел", "дн", "дня", "день"]
                            .iter()
                            .any(|u| fold(k - 1).starts_with(u)))
            }
            // Not «давно запланированная встреча»: the plan is old, not the meeting.
            "давно" => !doc
                .lower(k + 1)
                .and_then(|w| w.best())
                .is_some_and(|p| matches!(p.pos, Pos::Adj) || p.verb_form == Some(VerbForm::Part)),
            "раз" => before(1, "не"),
            "молодости" | "юности" | "детстве" | "прошлом" | "студенчестве" => {
                before(1, "в") || before(1, "во")
            }
            "время" => before(1, "свое") && before(2, "в"),
            // «на днях»: some day of the last few, not the article's.
            "днях" => before(1, "на"),
            // «в ближайшие дни», «в ближайшее время», «в скором времени»: some day ahead the
            // text does not give (gold rule 7), not a day of an earlier sentence.
            "ближайшие" | "ближайшее" | "скором" => before(1, "в"),
            _ => match w.split_once('-') {
                Some((n, e)) => decade_number(n) && decade_ending(e),
                None => {
                    decade_number(w)
                        && k + 2 < clause.end
                        && fold(k + 1) == "-"
                        && decade_ending(fold(k + 2))
                }
            },
        }
    })
}

/// Imperfective verbs of contact: negated in the past, they say that no contact took place
/// over a time («не встречался», «не разговаривал», «не приезжал»).
static HABITUAL_CONTACT: crate::text::WordList = crate::text::WordList::new(&[
    "встречаться",
    "видеться",
    "общаться",
    "разговаривать",
    "беседовать",
    "созваниваться",
    "переговариваться",
    "приезжать",
    "посещать",
    "бывать",
    "ездить",
    "навещать",
]);

/// True when the clause holds «не» before a finite past-tense imperfective verb of contact,
/// with no comma or conjunction between it and the trigger at `i` («Лавров, который не
/// встречался с Блинкеном, провёл переговоры с Ван И», «не бывал в Минске с января и в пятницу
/// провёл там переговоры» deny the first contact only).
fn negated_habitual_contact(doc: &Doc<'_>, clause: &Range<usize>, i: usize) -> bool {
    (clause.start + 1..clause.end).any(|k| {
        doc.fold_of(k - 1) == "не"
            && !(k.min(i)..k.max(i))
                .any(|j| doc.is_punct(j, ",") || matches!(doc.fold_of(j), "и" | "а" | "но"))
            && doc.word(k).is_some_and(|w| {
                w.parses.iter().any(|p| {
                    p.pos == Pos::Verb
                        && p.tense == Some(Tense::Past)
                        && p.verb_form == Some(VerbForm::Fin)
                        && HABITUAL_CONTACT.contains(&p.lemma)
                })
            })
    })
}

/// The end of the span an event's date opens: the date expression it was dated by names a
/// span («визит продлится с 15 по 17 марта», «форум, который пройдет 5–7 июня»). That
/// expression is the one of its value in the event's own sentence when the date was written
/// there, else the last one of that value before the trigger (the paragraph's date it
/// inherited). A date from the article's own day opens none.
fn span_until(doc: &Doc<'_>, e: &EventDraft) -> Option<DateValue> {
    let date = e.date?;
    let mut same = doc.dates.iter().filter(|d| d.value == date);
    let source = if e.date_explicit {
        same.rfind(|d| d.sentence == e.sentences[0])
    } else {
        same.rfind(|d| d.tokens.end <= e.trigger.start)
    };
    source?.until
}
