//! The working document that stages read and extend, in the order `analyze` calls them.
//!
//! Text stages fill the buffers (normalized copy, sentences, tokens, word analyses); the
//! matchers add mention drafts, the date resolver date drafts, the event extractor event
//! drafts. Everything refers to tokens and to a document-local entity table, and only the
//! record builder turns that into code-point offsets and contract ids.

/// Hash maps keyed by short strings and small integers, rebuilt per document: foldhash is
/// several times faster than SipHash here, and nothing is keyed by untrusted input at a scale
/// where flooding matters.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
use std::ops::Range;
use std::sync::Arc;

use crate::gazetteer::Gazetteer;
use crate::model::{DateValue, EntityId, EntityKind, EventType, Status, Via};
use crate::morph::{CaseSet, Memo, MorphCache, Pos, WordInfo};
use crate::text::{NormText, Sentence, Shape, Token, TokenKind};

/// Marks a token without word analysis.
pub const NO_WORD: u32 = u32::MAX;

/// An entity used by this document.
#[derive(Clone, Debug)]
pub struct DocEntity {
    /// Stable id.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// Canonical nominative name.
    pub name: Arc<str>,
    /// Index in the gazetteer, when it comes from there.
    pub gaz: Option<u32>,
    /// Surname lemma of a person, for linking later surname-only mentions.
    pub surname: Option<Arc<str>>,
}

/// A mention found by a matcher, in tokens.
#[derive(Clone, Debug)]
pub struct MentionDraft {
    /// Token range.
    pub tokens: Range<usize>,
    /// Document entity index.
    pub entity: u32,
    /// Kind.
    pub kind: EntityKind,
    /// How it was found.
    pub via: Via,
    /// Grammatical cases the form can be in.
    pub cases: CaseSet,
    /// Sentence index.
    pub sentence: u32,
    /// A person named by the surname alone (a given name before it may join it).
    pub surname_only: bool,
}

impl MentionDraft {
    /// An organisation that its context names (`via: context`): a quoted name, an abbreviation,
    /// a state's body, a capitalised name around a word for one.
    pub fn organisation(tokens: Range<usize>, entity: u32, sentence: u32) -> MentionDraft {
        MentionDraft {
            tokens,
            entity,
            kind: EntityKind::Organization,
            via: Via::Context,
            cases: CaseSet::ANY,
            sentence,
            surname_only: false,
        }
    }
}

/// More tokens than any mention spans before the events stage (the longest gazetteer names
/// have about a dozen words): [`Doc::mentions_overlapping`] looks this far back.
pub const MENTION_REACH: usize = 64;

/// A resolved date expression, in tokens.
#[derive(Clone, Debug)]
pub struct DateDraft {
    /// Token range.
    pub tokens: Range<usize>,
    /// Value.
    pub value: DateValue,
    /// The last day, month or year of a span the expression names («с 15 по 17 марта»,
    /// «в 2019–2020 годах»); `value` is its first.
    pub until: Option<DateValue>,
    /// Sentence index.
    pub sentence: u32,
}

/// An extracted event, before ids and offsets are assigned.
#[derive(Clone, Debug)]
pub struct EventDraft {
    /// Type.
    pub kind: EventType,
    /// Document entity indices of the participants (ordered for VISIT and INVITATION).
    pub participants: Vec<u32>,
    /// Place (document entity index).
    pub place: Option<u32>,
    /// Date.
    pub date: Option<DateValue>,
    /// The last day of the span the date opens («с 15 по 17 марта»), when it opens one.
    pub until: Option<DateValue>,
    /// True when the date was written in the event's own sentence (not inherited from the
    /// paragraph or the article date).
    pub date_explicit: bool,
    /// Status.
    pub status: Status,
    /// Trigger token range.
    pub trigger: Range<usize>,
    /// Sentences that report it.
    pub sentences: Vec<u32>,
    /// Confidence.
    pub confidence: f64,
    /// A named event it is about («Игры будущего»), as a document entity index.
    pub named_event: Option<u32>,
}

/// The document under analysis.
pub struct Doc<'a> {
    /// Original text.
    pub text: &'a str,
    /// Normalized copy.
    pub norm: &'a NormText,
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Tokens of all sentences.
    pub tokens: &'a [Token],
    /// Token range of each sentence.
    pub sentence_tokens: &'a [Range<usize>],
    /// Analysis id of each token as written ([`NO_WORD`] for non-words).
    pub words: &'a [u32],
    /// Analysis id of each token in lower case.
    pub lower: &'a [u32],
    /// Per token, the states of the names and titles lexicons after it as a key's first
    /// word (`Lexicon::first`), for `Lexicon::matches_from`.
    pub starts: &'a [[u32; 2]],
    /// The analyses.
    pub cache: &'a MorphCache,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Article date.
    pub date: Option<DateValue>,
    /// Entities used so far.
    pub entities: Vec<DocEntity>,
    entity_index: HashMap<EntityId, u32>,
    /// Mentions.
    pub mentions: Vec<MentionDraft>,
    /// Dates.
    pub dates: Vec<DateDraft>,
    /// Events.
    pub events: Vec<EventDraft>,
    /// Tokens an earlier stage found to be part of a name that is no entity here («Советского»
    /// in «Советского района»): later stages must not read them as a person's name.
    pub not_names: Vec<usize>,
    /// Each token as written and folded, sliced once: the stages read them dozens of times per
    /// token, and a slice of the text re-checks its bounds and character boundaries each time.
    texts: Vec<(&'a str, &'a str)>,
}

impl<'a> Doc<'a> {
    /// A document with empty results over prepared buffers.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        text: &'a str,
        norm: &'a NormText,
        sentences: &'a [Sentence],
        tokens: &'a [Token],
        sentence_tokens: &'a [Range<usize>],
        words: &'a [u32],
        lower: &'a [u32],
        starts: &'a [[u32; 2]],
        cache: &'a MorphCache,
        gazetteer: &'a Gazetteer,
        date: Option<DateValue>,
    ) -> Doc<'a> {
        Doc {
            text,
            norm,
            sentences,
            tokens,
            sentence_tokens,
            words,
            lower,
            starts,
            cache,
            gazetteer,
            date,
            entities: Vec::new(),
            entity_index: HashMap::default(),
            mentions: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
            not_names: Vec::new(),
            texts: tokens
                .iter()
                .map(|t| (t.text(&norm.norm), t.text(&norm.fold)))
                .collect(),
        }
    }

    /// The analyses of token `i` as written.
    pub fn word(&self, i: usize) -> Option<&WordInfo> {
        match self.words.get(i) {
            Some(&id) if id != NO_WORD => Some(self.cache.info(id)),
            _ => None,
        }
    }

    /// [`WordInfo::name_probs`] of token `i` as written (kept per distinct word).
    #[inline]
    pub fn name_probs(&self, i: usize) -> Option<crate::morph::NameProbs> {
        match self.words.get(i) {
            Some(&id) if id != NO_WORD => Some(self.cache.name_probs(id)),
            _ => None,
        }
    }

    /// The analyses of token `i` in lower case.
    pub fn lower(&self, i: usize) -> Option<&WordInfo> {
        match self.lower.get(i) {
            Some(&id) if id != NO_WORD => Some(self.cache.info(id)),
            _ => None,
        }
    }

    /// Token `i` as written (normalized).
    pub fn text_of(&self, i: usize) -> &'a str {
        self.texts[i].0
    }

    /// Token `i` folded (lower case, ё→е).
    pub fn fold_of(&self, i: usize) -> &'a str {
        self.texts[i].1
    }

    /// The folded text of every token, in order (what [`Doc::fold_of`] gives one by one).
    pub fn folds(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.texts.iter().map(|t| t.1)
    }

    /// True when token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
            && self.text_of(i) == p
    }

    /// Whether token `i` is written as a name is: a capital, then a small letter. «МИДа»,
    /// «ЦИКе» are [`Shape::Title`] (not every letter is a capital) but abbreviations with an
    /// ending, never a name («Мид», «Цик»).
    #[inline]
    pub fn name_case(&self, i: usize) -> bool {
        self.tokens[i].shape == Shape::Title
            && !crate::text::chars::second_is_upper(self.text_of(i))
    }
    /// True when token `i` starts its sentence or follows an opening quote, a dash or a
    /// colon: a capital letter there says nothing about a proper name.
    pub fn starts_clause(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let range = &self.sentence_tokens[t.sentence as usize];
        let mut j = i;
        while j > range.start {
            j -= 1;
            let prev = &self.tokens[j];
            if prev.kind != TokenKind::Punct {
                return false;
            }
            if matches!(self.text_of(j), "\"" | "-" | ":" | "(" | "'") {
                return true;
            }
        }
        true
    }

    /// The answer to `question` for the word at token `i`, asked once per distinct word (see
    /// [`MorphCache::memo`]); a token without a word analysis is answered each time.
    #[inline]
    pub fn word_memo(&self, i: usize, question: Memo, compute: impl FnOnce() -> u8) -> u8 {
        match self.lower[i] {
            NO_WORD => compute(),
            id => self.cache.memo(id, question, compute),
        }
    }

    /// Like [`Doc::word_memo`] for questions about the word as written (its letter case and
    /// the analyses of the written form as well as the folded one), kept per written word.
    #[inline]
    pub fn written_memo(&self, i: usize, question: Memo, compute: impl FnOnce() -> u8) -> u8 {
        match self.words[i] {
            NO_WORD => compute(),
            id => self.cache.memo(id, question, compute),
        }
    }

    /// True when the word is mostly a common word in its dictionary form («мир», «того»,
    /// «находка»): then a capital letter at the start of a clause is no evidence of a name. An
    /// oblique form of a rare noun («Песков» as the genitive plural of «песок») does not count,
    /// nor does a word the dictionary reads as a proper name when capitalised («Трамп», though
    /// «трамп» is also a kind of ship).
    #[inline]
    pub fn is_common_word(&self, i: usize) -> bool {
        // The answer depends on the word as written (its analyses and its folded form).
        self.written_memo(i, Memo::CommonWord, || u8::from(self.common_word(i))) == 1
    }

    fn common_word(&self, i: usize) -> bool {
        let doc = self;
        let fold = doc.fold_of(i);
        let proper = doc
            .word(i)
            .map(|w| w.prob(|p| p.pos == Pos::Propn))
            .unwrap_or(0.0);
        // «Спецпосланник», «Спецпредставитель»: compounds the dictionary does not list and
        // guesses as names when capitalised; no name starts with «спец».
        // («Генсекретарь», «Генпрокурор»: the same with «ген-».)
        if (fold.starts_with("спец") || fold.starts_with("генсек") || fold.starts_with("генпрокур"))
            && doc
                .lower(i)
                .is_some_and(|w| w.prob(|p| p.pos == Pos::Noun) >= 0.5)
        {
            return true;
        }
        if proper >= 0.5 {
            return false;
        }
        doc.lower(i).is_some_and(|w| {
            let function = w.prob(|p| {
                matches!(
                    p.pos,
                    Pos::Pron | Pos::Det | Pos::Adp | Pos::Cconj | Pos::Sconj | Pos::Part
                )
            });
            let lemma_form = w.prob(|p| {
                matches!(
                    p.pos,
                    Pos::Noun | Pos::Adj | Pos::Verb | Pos::Adv | Pos::Num
                ) && !p.guessed
                    && p.lemma.replace('ё', "е") == fold
            });
            function + lemma_form > 0.5
        })
    }

    /// Byte range of a token range in the normalized text.
    pub fn byte_span(&self, tokens: &Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].start as usize..self.tokens[tokens.end - 1].end as usize
    }

    /// The original text of the non-empty token range `tokens`, as the article wrote it
    /// (with «ё», its own quotes and dashes).
    pub fn original_of(&self, tokens: &Range<usize>) -> &'a str {
        let b = self.byte_span(tokens);
        let (s, e) = self.norm.orig_span(self.text, b.start, b.end);
        &self.text[s..e]
    }

    /// The document entity for gazetteer entity `gaz`, added on first use.
    pub fn intern_gazetteer(&mut self, gaz: u32) -> u32 {
        let e = self.gazetteer.entity(gaz);
        if let Some(&i) = self.entity_index.get(&e.id) {
            return i;
        }
        let i = self.entities.len() as u32;
        self.entities.push(DocEntity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            gaz: Some(gaz),
            surname: e
                .surname
                .as_ref()
                .map(|s| Arc::from(crate::text::fold_key(s))),
        });
        self.entity_index.insert(e.id.clone(), i);
        i
    }

    /// The document entity for an id outside the gazetteer, added on first use.
    pub fn intern_new(
        &mut self,
        id: EntityId,
        kind: EntityKind,
        name: Arc<str>,
        surname: Option<Arc<str>>,
    ) -> u32 {
        if let Some(&i) = self.entity_index.get(&id) {
            return i;
        }
        let i = self.entities.len() as u32;
        self.entity_index.insert(id.clone(), i);
        self.entities.push(DocEntity {
            id,
            kind,
            name,
            gaz: None,
            surname,
        });
        i
    }

    /// The document entity index of a gazetteer entity already used, if any.
    pub fn used_gazetteer(&self, gaz: u32) -> Option<u32> {
        self.entity_index
            .get(&self.gazetteer.entity(gaz).id)
            .copied()
    }

    /// The mentions starting at token `k`, longest first. Mentions are kept sorted by start
    /// (then longest first) between stages, so this is a binary search: stages stay linear
    /// on documents with hundreds of thousands of mentions.
    pub fn mentions_at(&self, k: usize) -> &[MentionDraft] {
        let from = self.mentions.partition_point(|m| m.tokens.start < k);
        let to = from + self.mentions[from..].partition_point(|m| m.tokens.start == k);
        &self.mentions[from..to]
    }

    /// The mentions ending at token `k` (exclusive end), searched among those that start
    /// within `window` tokens before it.
    pub fn mentions_ending_at(
        &self,
        k: usize,
        window: usize,
    ) -> impl Iterator<Item = &MentionDraft> {
        let from = self
            .mentions
            .partition_point(|m| m.tokens.start < k.saturating_sub(window));
        let to = self.mentions.partition_point(|m| m.tokens.start < k);
        self.mentions[from..to]
            .iter()
            .filter(move |m| m.tokens.end == k)
    }

    /// The mentions that overlap `span` (sorted by start), found by a binary search: every
    /// mention starts at most [`MENTION_REACH`] tokens before its end.
    pub fn mentions_overlapping(&self, span: &Range<usize>) -> impl Iterator<Item = &MentionDraft> {
        let from = self
            .mentions
            .partition_point(|m| m.tokens.start + MENTION_REACH < span.start);
        let (start, end) = (span.start, span.end);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.tokens.start < end)
            .filter(move |m| m.tokens.end > start)
    }

    /// For every token, whether a mention covers it.
    pub fn coverage(&self) -> Vec<bool> {
        let mut covered = vec![false; self.tokens.len()];
        for m in &self.mentions {
            covered[m.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        covered
    }
}
