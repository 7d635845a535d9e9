//! The per-document pipeline: every stage, in a fixed order, over one document.
//!
//! [`Analyzer`] owns the immutable parts (morphology, gazetteer, cue automata) and is shared by
//! all threads; [`Scratch`] owns the reusable buffers and the morphology cache of one thread.
//! `analyze` cannot fail: bad input was turned into error records by the reader.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::doc::{Doc, EventDraft, NO_WORD};
use crate::gazetteer::Gazetteer;
use crate::gazetteer::lexicon::NO_STATE;
use crate::input::Document;
use crate::model::{
    DateMention, DateSource, DateValue, EntityId, EntityInfo, EntityKind, Event, EventType,
    Mention, Predicate, Record, Span, Triple,
};
use crate::morph::{Morph, MorphCache, SharedAnalyses};
use crate::stages::{
    AbbrevFinder, BodyFinder, DateResolver, EntityMatcher, EventExtractor, NamedOrgFinder,
    OrgFinder, PersonFinder, PlaceFinder, TitleResolver,
};
use crate::text::{
    CharIndex, NormText, Normalizer, Sentence, SentenceSplitter, Shape, Token, TokenKind, Tokenizer,
};

/// The stages in the order `analyze` runs them; [`Analyzer::analyze_through`] stops after one
/// (for benchmarks and debugging).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Normalization, sentences and tokens.
    Text,
    /// Word analyses.
    Morphology,
    /// Gazetteer names.
    Entities,
    /// Names outside the gazetteers: settlements and organisations by context (quoted names,
    /// state bodies, defined abbreviations, capitalised names), persons by morphology.
    Persons,
    /// Titles.
    Titles,
    /// Dates.
    Dates,
    /// Events.
    Events,
}

/// Reusable per-thread buffers.
#[derive(Default)]
pub struct Scratch {
    norm: NormText,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    sentence_tokens: Vec<Range<usize>>,
    words: Vec<u32>,
    lower: Vec<u32>,
    starts: Vec<[u32; 2]>,
    chars: CharIndex,
    cache: MorphCache,
}

impl Scratch {
    /// Buffers whose morphology cache keeps at most about `words` words
    /// ([`MorphCache::set_limit`]).
    pub fn with_cache_limit(words: usize) -> Scratch {
        let mut scratch = Scratch::default();
        scratch.cache.set_limit(words);
        scratch
    }

    /// Buffers whose morphology cache keeps at most about `words` words and looks the words
    /// it has not met up in `shared`, the store of analyses all workers of a run share.
    pub fn with_shared_cache(words: usize, shared: Arc<SharedAnalyses>) -> Scratch {
        let mut scratch = Scratch::with_cache_limit(words);
        scratch.cache.share(shared);
        scratch
    }

    /// The word limit of the morphology cache.
    pub fn cache_limit(&self) -> usize {
        self.cache.limit()
    }

    /// Fresh buffers and an empty cache with the same word limit and shared store: after a
    /// panic left these half-written (the shared store is only written whole).
    pub fn reset(&mut self) {
        let shared = self.cache.shared().cloned();
        let mut fresh = Scratch::with_cache_limit(self.cache.limit());
        if let Some(shared) = shared {
            fresh.cache.share(shared);
        }
        *self = fresh;
    }
}

/// Everything needed to analyse documents; immutable, shared by all threads.
pub struct Analyzer {
    morph: Morph,
    gazetteer: Arc<Gazetteer>,
    normalizer: Normalizer,
    splitter: SentenceSplitter,
    tokenizer: Tokenizer,
    entities: EntityMatcher,
    places: PlaceFinder,
    orgs: OrgFinder,
    bodies: BodyFinder,
    abbrevs: AbbrevFinder,
    named_orgs: NamedOrgFinder,
    persons: PersonFinder,
    titles: TitleResolver,
    dates: DateResolver,
    events: EventExtractor,
}

impl Analyzer {
    /// An analyzer over a loaded morphology and a compiled gazetteer.
    pub fn new(morph: Morph, gazetteer: Arc<Gazetteer>) -> Analyzer {
        let bodies = BodyFinder::new(&gazetteer);
        Analyzer {
            morph,
            gazetteer,
            normalizer: Normalizer,
            splitter: SentenceSplitter,
            tokenizer: Tokenizer,
            entities: EntityMatcher,
            places: PlaceFinder,
            orgs: OrgFinder,
            bodies,
            abbrevs: AbbrevFinder,
            named_orgs: NamedOrgFinder,
            persons: PersonFinder,
            titles: TitleResolver,
            dates: DateResolver,
            events: EventExtractor::new(),
        }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Analyses one document into its record. `default_date` is the `--date` option.
    pub fn analyze(
        &self,
        doc: &Document,
        default_date: Option<DateValue>,
        scratch: &mut Scratch,
    ) -> Record {
        self.analyze_through(doc, default_date, scratch, Stage::Events)
    }

    /// Runs the stages up to and including `last`, and builds the record of what they found.
    pub fn analyze_through(
        &self,
        doc: &Document,
        default_date: Option<DateValue>,
        scratch: &mut Scratch,
        last: Stage,
    ) -> Record {
        let text = doc.text.as_str();
        scratch.cache.trim();
        self.normalizer.normalize(text, &mut scratch.norm);
        self.splitter
            .split(&scratch.norm.norm, &mut scratch.sentences);
        self.tokenizer.tokenize(
            &scratch.norm.norm,
            &scratch.sentences,
            &mut scratch.tokens,
            &mut scratch.sentence_tokens,
        );
        if last >= Stage::Morphology {
            self.analyze_words(scratch);
        } else {
            scratch.words.clear();
            scratch.lower.clear();
            scratch.words.resize(scratch.tokens.len(), NO_WORD);
            scratch.lower.resize(scratch.tokens.len(), NO_WORD);
            scratch.starts.clear();
            scratch.starts.resize(scratch.tokens.len(), [NO_STATE; 2]);
        }
        scratch.chars.build(text);

        let (date, date_source) = match (doc.date, default_date) {
            (Some(d), _) => (Some(d), Some(DateSource::Input)),
            (None, Some(d)) => (Some(d), Some(DateSource::Option)),
            _ => (None, None),
        };
        let mut d = Doc::new(
            text,
            &scratch.norm,
            &scratch.sentences,
            &scratch.tokens,
            &scratch.sentence_tokens,
            &scratch.words,
            &scratch.lower,
            &scratch.starts,
            &scratch.cache,
            &self.gazetteer,
            date,
        );
        let (date, date_source) = match date {
            Some(_) => (date, date_source),
            None => match self.dates.dateline(&d) {
                Some(v) => (Some(v), Some(DateSource::Dateline)),
                None => (None, None),
            },
        };
        d.date = date;
        // The fixed order of the stages; `last` cuts it short.
        if last >= Stage::Entities {
            self.entities.run(&mut d);
        }
        if last >= Stage::Persons {
            self.places.run(&mut d);
            self.orgs.run(&mut d);
            self.bodies.run(&mut d);
            self.abbrevs.run(&mut d, &self.morph);
            self.named_orgs.run(&mut d, &self.morph);
            self.persons.run(&mut d);
        }
        if last >= Stage::Titles {
            self.titles.run(&mut d);
        }
        if last >= Stage::Dates {
            self.dates.run(&mut d);
        }
        if last >= Stage::Events {
            self.events.run(&mut d);
        }

        let mut record = build_record(&d, &doc.id, &scratch.chars);
        record.date = date;
        record.date_source = date_source;
        record.meta = doc.meta.clone();
        record.warnings = doc.warnings.clone();
        record
    }

    /// Looks up every word token in the morphology cache, as written and in lower case, and
    /// where each token stands as a key's first word in the gazetteer's lexicons.
    fn analyze_words(&self, scratch: &mut Scratch) {
        scratch.words.clear();
        scratch.lower.clear();
        scratch.starts.clear();
        let gaz = &self.gazetteer;
        // In lower case a word starts no name whose first word needs a capital: the state is
        // then none, and the name matcher stops at once (the word as written decides it, so
        // the cache may keep it per written word).
        let starts_of = |folded: &str, shape: Shape| {
            let names = match gaz.names().first(folded) {
                s if s != NO_STATE
                    && matches!(shape, Shape::Lower | Shape::NoLetter)
                    && gaz.first_needs_capital(s) =>
                {
                    NO_STATE
                }
                s => s,
            };
            [names, gaz.titles().first(folded)]
        };
        for t in &scratch.tokens {
            let folded = t.text(&scratch.norm.fold);
            if t.kind != TokenKind::Word {
                scratch.words.push(NO_WORD);
                scratch.lower.push(NO_WORD);
                scratch.starts.push(match t.kind {
                    TokenKind::Punct => [NO_STATE; 2],
                    _ => starts_of(folded, t.shape),
                });
                continue;
            }
            let written = t.text(&scratch.norm.norm);
            let (id, low, starts) =
                scratch
                    .cache
                    .lookup(&self.morph, written, folded, gaz.serial(), |f| {
                        starts_of(f, t.shape)
                    });
            scratch.words.push(id);
            scratch.lower.push(low);
            scratch.starts.push(starts);
        }
    }
}

/// Converts token ranges to code-point spans of the original text.
struct Spans<'a> {
    doc: &'a Doc<'a>,
    chars: &'a CharIndex,
}

impl Spans<'_> {
    fn bytes(&self, norm: Range<usize>) -> (usize, usize) {
        self.doc.norm.orig_span(self.doc.text, norm.start, norm.end)
    }

    fn tokens(&self, tokens: &Range<usize>) -> Span {
        self.of_norm(self.doc.byte_span(tokens))
    }

    fn sentence(&self, s: u32) -> Span {
        self.of_norm(self.doc.sentences[s as usize].range.clone())
    }

    /// A sentence's code-point bounds, without copying its text (every sentence of every
    /// record has them; few are quoted as evidence).
    fn sentence_bounds(&self, s: u32) -> [u32; 2] {
        let (start, end) = self.bytes(self.doc.sentences[s as usize].range.clone());
        [
            self.chars.char_at(self.doc.text, start),
            self.chars.char_at(self.doc.text, end),
        ]
    }

    fn of_norm(&self, norm: Range<usize>) -> Span {
        let (s, e) = self.bytes(norm);
        Span {
            start: self.chars.char_at(self.doc.text, s),
            end: self.chars.char_at(self.doc.text, e),
            text: self.doc.text[s..e].to_string(),
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Builds the contract record from the analysed document.
fn build_record(d: &Doc<'_>, doc_id: &str, chars: &CharIndex) -> Record {
    let spans = Spans { doc: d, chars };
    let mut record = Record::empty(doc_id.to_string());
    let mut used: BTreeMap<EntityId, EntityInfo> = BTreeMap::new();
    let mut use_entity = |e: u32| -> EntityId {
        let ent = &d.entities[e as usize];
        used.entry(ent.id.clone()).or_insert_with(|| EntityInfo {
            name: ent.name.clone(),
            kind: ent.kind,
            wikidata: ent.id.wikidata().map(str::to_string),
        });
        ent.id.clone()
    };

    record.sentences = d
        .sentences
        .iter()
        .enumerate()
        .map(|(s, _)| spans.sentence_bounds(s as u32))
        .collect();

    for m in &d.mentions {
        let span = spans.tokens(&m.tokens);
        let entity = use_entity(m.entity);
        record.mentions.push(Mention {
            start: span.start,
            end: span.end,
            text: span.text,
            kind: m.kind,
            entity,
            name: d.entities[m.entity as usize].name.clone(),
            sentence: m.sentence,
            via: m.via,
        });
    }

    for date in &d.dates {
        let span = spans.tokens(&date.tokens);
        record.dates.push(DateMention {
            start: span.start,
            end: span.end,
            text: span.text,
            value: date.value,
            until: date.until,
            precision: date.value.precision(),
            sentence: date.sentence,
        });
    }

    // A named event takes place where an event of the article about it happened, else
    // where the gazetteer puts it; one TAKES_PLACE_IN per named event.
    let mut placed: std::collections::HashSet<u32, foldhash::fast::FixedState> =
        std::collections::HashSet::default();
    for (n, e) in d.events.iter().enumerate() {
        let id = format!("{doc_id}#e{}", n + 1);
        let participants: Vec<EntityId> = e.participants.iter().map(|&p| use_entity(p)).collect();
        let place = e.place.map(&mut use_entity);
        let evidence: Vec<Span> = e.sentences.iter().map(|&s| spans.sentence(s)).collect();
        let confidence = round2(e.confidence);
        let key = event_key(e.kind, &participants, place.as_ref(), e.date);
        push_triples(
            &mut record.triples,
            e,
            &id,
            &participants,
            place.as_ref(),
            &evidence,
            confidence,
        );
        if let (Some(named), Some(place)) = (e.named_event, &place)
            && !placed.contains(&named)
        {
            placed.insert(named);
            record.triples.push(Triple {
                subject: use_entity(named).to_string(),
                predicate: Predicate::TakesPlaceIn,
                object: place.to_string(),
                event: Some(id.clone()),
                date: e.date,
                place: Some(place.clone()),
                status: Some(e.status),
                evidence: evidence.clone(),
                confidence,
            });
        }
        record.events.push(Event {
            id,
            kind: e.kind,
            participants,
            place,
            date: e.date,
            until: e.until,
            status: e.status,
            sentence: e.sentences[0],
            trigger: spans.tokens(&e.trigger),
            evidence,
            confidence,
            key,
        });
    }
    for m in &d.mentions {
        if m.kind != EntityKind::Event || placed.contains(&m.entity) {
            continue;
        }
        let Some(gaz) = d.entities[m.entity as usize].gaz else {
            continue;
        };
        let named = d.gazetteer.entity(gaz);
        let Some(place) = named.place.map(|p| d.gazetteer.entity(p)) else {
            continue;
        };
        placed.insert(m.entity);
        used.entry(place.id.clone()).or_insert_with(|| EntityInfo {
            name: place.name.clone(),
            kind: place.kind,
            wikidata: place.id.wikidata().map(str::to_string),
        });
        record.triples.push(Triple {
            subject: named.id.to_string(),
            predicate: Predicate::TakesPlaceIn,
            object: place.id.to_string(),
            event: None,
            date: named.date,
            place: Some(place.id.clone()),
            status: None,
            evidence: vec![spans.sentence(m.sentence)],
            confidence: 0.6,
        });
    }
    record.entities = used;
    record
}

/// The cross-article key: type, sorted participants, place and date.
fn event_key(
    kind: EventType,
    participants: &[EntityId],
    place: Option<&EntityId>,
    date: Option<DateValue>,
) -> String {
    let mut ps: Vec<&str> = participants.iter().map(EntityId::as_str).collect();
    if kind.is_contact() {
        ps.sort_unstable();
    }
    format!(
        "{}|{}|{}|{}",
        kind,
        ps.join("+"),
        place.map(EntityId::as_str).unwrap_or(""),
        date.map(|d| d.to_string()).unwrap_or_default()
    )
}

fn push_triples(
    out: &mut Vec<Triple>,
    e: &EventDraft,
    id: &str,
    participants: &[EntityId],
    place: Option<&EntityId>,
    evidence: &[Span],
    confidence: f64,
) {
    let triple = |subject: String, predicate: Predicate, object: String| Triple {
        subject,
        predicate,
        object,
        event: Some(id.to_string()),
        date: e.date,
        place: place.cloned(),
        status: Some(e.status),
        evidence: evidence.to_vec(),
        confidence,
    };
    match e.kind {
        // A call is no meeting: its sides are linked through the event only.
        EventType::PhoneCall => {}
        EventType::Meeting | EventType::Talks => {
            for (a, x) in participants.iter().enumerate() {
                for y in &participants[a + 1..] {
                    let (s, o) = if x <= y { (x, y) } else { (y, x) };
                    out.push(triple(s.to_string(), Predicate::Met, o.to_string()));
                }
            }
        }
        EventType::Visit => {
            if let Some(p) = place {
                for v in participants {
                    out.push(triple(v.to_string(), Predicate::Visited, p.to_string()));
                }
            }
        }
        EventType::Invitation => {
            if let [inviter, invitee, ..] = participants {
                out.push(triple(
                    inviter.to_string(),
                    Predicate::Invited,
                    invitee.to_string(),
                ));
            }
        }
    }
    for p in participants {
        out.push(triple(
            p.to_string(),
            Predicate::ParticipantIn,
            id.to_string(),
        ));
    }
    if let Some(p) = place {
        out.push(triple(
            id.to_string(),
            Predicate::TakesPlaceIn,
            p.to_string(),
        ));
    }
    if let Some(date) = e.date {
        out.push(triple(
            id.to_string(),
            Predicate::PointInTime,
            date.to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One worker's buffers may serve analyzers with different gazetteers in turn: the lexicon
    /// states its cache keeps for one gazetteer are not used with another.
    #[test]
    fn a_scratch_moves_between_gazetteers() {
        let morph = Morph::bundled().unwrap();
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gazetteer");
        let small = Analyzer::new(
            morph.clone(),
            Arc::new(Gazetteer::load_dir(&fixture, &morph).unwrap()),
        );
        let full = Analyzer::new(
            morph.clone(),
            Arc::new(Gazetteer::embedded(&morph).unwrap()),
        );
        let doc = Document::new(
            "d",
            "В Казани и Астане говорили о Нижнем Новгороде, Ярославле и Пекине.",
        );
        let date = DateValue::parse("2024-02-22");
        let alone = |a: &Analyzer| a.analyze(&doc, date, &mut Scratch::default());
        let (want_small, want_full) = (alone(&small), alone(&full));
        let names = |r: &Record| {
            r.mentions
                .iter()
                .map(|m| m.name.clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(
            names(&want_small),
            names(&want_full),
            "the gazetteers differ here"
        );
        let mut shared = Scratch::default();
        for (a, want) in [
            (&full, &want_full),
            (&small, &want_small),
            (&full, &want_full),
        ] {
            assert_eq!(&a.analyze(&doc, date, &mut shared), want);
        }
    }
}
