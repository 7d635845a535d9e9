//! Russian morphology: a typed view of `rumorph` analyses and a per-thread cache.
//!
//! `rumorph` (OpenCorpora + Wiktionary) answers with lemmas and Universal Dependencies
//! features as strings. Stages need them as small enums they can match on, and the same word
//! comes back thousands of times in a corpus, so every distinct word is analysed once per
//! run and kept in a [`SharedAnalyses`] store all workers read, and each worker keeps its own
//! [`MorphCache`] in front of it for the per-token lookups.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use rumorph::Dictionary;

/// Part of speech (UD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Common noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Adjective.
    Adj,
    /// Verb (including participles and gerunds).
    Verb,
    /// Auxiliary verb («быть»).
    Aux,
    /// Adverb.
    Adv,
    /// Preposition.
    Adp,
    /// Coordinating conjunction.
    Cconj,
    /// Subordinating conjunction.
    Sconj,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Determiner.
    Det,
    /// Numeral.
    Num,
    /// Anything else.
    Other,
}

/// Grammatical case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// Nominative.
    Nom,
    /// Genitive (and partitive).
    Gen,
    /// Dative.
    Dat,
    /// Accusative.
    Acc,
    /// Instrumental.
    Ins,
    /// Locative (prepositional).
    Loc,
    /// Vocative.
    Voc,
}

impl Case {
    /// The six main cases, in paradigm order.
    pub const MAIN: [Case; 6] = [
        Case::Nom,
        Case::Gen,
        Case::Dat,
        Case::Acc,
        Case::Ins,
        Case::Loc,
    ];

    fn parse(s: &str) -> Option<Case> {
        Some(match s {
            "Nom" => Case::Nom,
            "Gen" | "Par" => Case::Gen,
            "Dat" => Case::Dat,
            "Acc" => Case::Acc,
            "Ins" => Case::Ins,
            "Loc" => Case::Loc,
            "Voc" => Case::Voc,
            _ => return None,
        })
    }

    /// The UD spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Case::Nom => "Nom",
            Case::Gen => "Gen",
            Case::Dat => "Dat",
            Case::Acc => "Acc",
            Case::Ins => "Ins",
            Case::Loc => "Loc",
            Case::Voc => "Voc",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of cases, as a bit set.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct CaseSet(u8);

impl CaseSet {
    /// Every case (a form whose case is unknown, such as an abbreviation).
    pub const ANY: CaseSet = CaseSet(0x7f);

    /// The empty set.
    pub fn empty() -> CaseSet {
        CaseSet(0)
    }

    /// Adds a case.
    pub fn insert(&mut self, case: Case) {
        self.0 |= case.bit();
    }

    /// True when `case` is in the set.
    pub fn contains(self, case: Case) -> bool {
        self.0 & case.bit() != 0
    }

    /// Union.
    pub fn union(self, other: CaseSet) -> CaseSet {
        CaseSet(self.0 | other.0)
    }

    /// Intersection.
    pub fn intersect(self, other: CaseSet) -> CaseSet {
        CaseSet(self.0 & other.0)
    }

    /// True when empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when only the nominative is in the set.
    pub fn only(self, case: Case) -> bool {
        self.0 == case.bit()
    }

    /// The set as a byte (below 128), for [`MorphCache::memo`] answers.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set of a byte from [`CaseSet::bits`].
    pub fn from_bits(bits: u8) -> CaseSet {
        CaseSet(bits & CaseSet::ANY.0)
    }
}

/// Grammatical number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    /// Singular.
    Sing,
    /// Plural.
    Plur,
}

/// Grammatical gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine.
    Masc,
    /// Feminine.
    Fem,
    /// Neuter.
    Neut,
}

/// Which part of a person's name a proper noun is (UD `NameType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameType {
    /// Given name.
    Given,
    /// Surname.
    Surname,
    /// Patronymic.
    Patronymic,
    /// Geographic name.
    Geo,
    /// Other proper name (organisation, product).
    Other,
}

/// Tense of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Past.
    Past,
    /// Present.
    Pres,
    /// Future (perfective present forms and «будет»).
    Fut,
}

/// Verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// Finite.
    Fin,
    /// Infinitive.
    Inf,
    /// Participle.
    Part,
    /// Gerund.
    Conv,
}

/// One analysis of a word.
#[derive(Clone, Debug, PartialEq)]
pub struct Parse {
    /// Lemma, lower case, with ё where the dictionary has it.
    pub lemma: Box<str>,
    /// Part of speech.
    pub pos: Pos,
    /// Case.
    pub case: Option<Case>,
    /// Number.
    pub number: Option<Number>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Name type of a proper noun.
    pub name: Option<NameType>,
    /// Tense.
    pub tense: Option<Tense>,
    /// Verb form.
    pub verb_form: Option<VerbForm>,
    /// Imperative or conditional mood.
    pub imperative: bool,
    /// Passive voice (participles).
    pub passive: bool,
    /// Short form of an adjective or participle.
    pub short: bool,
    /// Comparative degree.
    pub comparative: bool,
    /// Indeclinable.
    pub indeclinable: bool,
    /// Animate (a noun for a living being: «актёр», «президент»).
    pub animate: bool,
    /// Probability among the word's analyses.
    pub prob: f32,
    /// Guessed (the word is not in the dictionary).
    pub guessed: bool,
}

impl Parse {
    /// A reading with only its part of speech: no features, an empty lemma, probability 0.
    pub fn bare(pos: Pos) -> Parse {
        Parse {
            lemma: "".into(),
            pos,
            case: None,
            number: None,
            gender: None,
            name: None,
            tense: None,
            verb_form: None,
            imperative: false,
            passive: false,
            short: false,
            comparative: false,
            indeclinable: false,
            animate: false,
            prob: 0.0,
            guessed: false,
        }
    }
}

/// Every analysis of one word, most probable first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordInfo {
    /// Analyses, most probable first. Shared: a worker's cache and the run's
    /// [`SharedAnalyses`] hold the same ones, and the cache keeps the slice's own pointer
    /// inline (one pointer to follow per token, as with a `Vec`).
    pub parses: Arc<[Parse]>,
}

impl WordInfo {
    /// The most probable analysis.
    pub fn best(&self) -> Option<&Parse> {
        self.parses.first()
    }

    /// True when some analysis has lemma `lemma`.
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.parses.iter().any(|p| &*p.lemma == lemma)
    }

    /// True when the word is most likely a function word (pronoun, determiner, preposition,
    /// conjunction, particle): never part of a name, whatever its letter case.
    pub fn function_word(&self) -> bool {
        self.prob(|p| {
            matches!(
                p.pos,
                Pos::Pron | Pos::Det | Pos::Adp | Pos::Cconj | Pos::Sconj | Pos::Part
            )
        }) >= 0.5
    }

    /// True when the word is most likely a function word or a verb: no name part follows
    /// from a capital letter before it («Марина приехала», «Винокур и»).
    pub fn function_or_verb(&self) -> bool {
        self.prob(|p| {
            matches!(
                p.pos,
                Pos::Pron
                    | Pos::Det
                    | Pos::Adp
                    | Pos::Cconj
                    | Pos::Sconj
                    | Pos::Part
                    | Pos::Verb
                    | Pos::Aux
            )
        }) >= 0.5
    }

    /// Total probability of the analyses that satisfy `f`.
    pub fn prob(&self, f: impl Fn(&Parse) -> bool) -> f32 {
        self.parses.iter().filter(|p| f(p)).map(|p| p.prob).sum()
    }

    /// The cases of the analyses that satisfy `f`.
    pub fn cases(&self, f: impl Fn(&Parse) -> bool) -> CaseSet {
        let mut set = CaseSet::empty();
        for p in self.parses.iter().filter(|p| f(p)) {
            match p.case {
                Some(c) => set.insert(c),
                None if p.indeclinable => set = set.union(CaseSet::ANY),
                None => {}
            }
        }
        set
    }

    /// The cases in which the word can be a person's name part of one of `types`: a name is
    /// singular, and no vocative in news («Владислав» is no accusative plural of
    /// «Владислава», «Раис» no genitive plural of «Раиса»).
    pub fn name_cases(&self, types: &[NameType]) -> CaseSet {
        self.cases(|p| {
            p.name.is_some_and(|n| types.contains(&n))
                && p.number != Some(Number::Plur)
                && p.case != Some(Case::Voc)
        })
    }

    /// True when the word was not in the dictionary.
    pub fn guessed(&self) -> bool {
        self.parses.first().is_some_and(|p| p.guessed)
    }

    /// How likely the word is each kind of name part (see [`NameProbs`]).
    pub fn name_probs(&self) -> NameProbs {
        // The four sums in one pass over the parses, each in the same order and from the
        // same -0.0 as `Iterator::sum` of [`WordInfo::prob`], so the figures are the same to
        // the bit.
        let mut sums = [-0.0f32; 4];
        for p in self.parses.iter() {
            let slot = match p.name {
                Some(NameType::Given) => 0,
                Some(NameType::Surname) => 1,
                Some(NameType::Patronymic) => 2,
                Some(NameType::Geo) => 3,
                _ => continue,
            };
            sums[slot] += p.prob;
        }
        NameProbs {
            given: sums[0],
            surname: sums[1],
            patronymic: sums[2],
            geo: sums[3],
            guessed: self.guessed(),
        }
    }
}

/// The summed probabilities of a word's readings as each kind of name part, and whether the
/// dictionary lacked it: what the person finder asks of nearly every capitalised word, kept
/// per distinct word by [`MorphCache::name_probs`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NameProbs {
    /// Given name.
    pub given: f32,
    /// Surname.
    pub surname: f32,
    /// Patronymic.
    pub patronymic: f32,
    /// Place name.
    pub geo: f32,
    /// [`WordInfo::guessed`].
    pub guessed: bool,
}

/// The morphology dictionary, shared by all threads.
#[derive(Clone)]
pub struct Morph {
    dict: Dictionary,
    /// The features of every UD tag of the dictionary, by tag number, as a [`Parse`] with an
    /// empty lemma: reading a tag's feature strings took most of the time of analysing a
    /// new word, and there are only a few hundred tags.
    tags: std::sync::Arc<[Parse]>,
}

impl std::fmt::Debug for Morph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Morph").finish_non_exhaustive()
    }
}

impl Morph {
    /// Loads the bundled OpenCorpora dictionary (about 8 ms).
    pub fn bundled() -> Result<Morph, rumorph::Error> {
        let dict = Dictionary::bundled()?;
        let tags = (0..dict.ud_tags().len())
            .map(|n| tag_parse(&dict, n as u16))
            .collect();
        Ok(Morph { dict, tags })
    }

    /// What tells this dictionary from another: its description of its source and the
    /// number of its tags. A gazetteer keeps the identity of the dictionary it was compiled
    /// with, and one read from the cache with another is compiled again
    /// ([`crate::Gazetteer::compiled_with`]).
    pub fn identity(&self) -> String {
        format!("{}|{}", self.dict.meta(), self.dict.ud_tags().len())
    }

    /// The underlying dictionary, for form generation at gazetteer build time.
    pub fn dict(&self) -> &Dictionary {
        &self.dict
    }

    /// Analyses `word` as written (case matters: capitalised words favour proper nouns).
    pub fn analyze(&self, word: &str) -> WordInfo {
        let analyses = self.dict.analyze(word);
        WordInfo {
            parses: analyses.iter().map(|a| self.parse_of(a)).collect(),
        }
    }

    /// Converts one `rumorph` analysis to a [`Parse`].
    pub fn parse_of(&self, a: &rumorph::Analysis) -> Parse {
        let mut p = match self.tags.get(usize::from(a.ud)) {
            Some(tag) => tag.clone(),
            None => tag_parse(&self.dict, a.ud),
        };
        p.lemma = a.lemma.as_str().into();
        p.prob = a.prob as f32;
        p.guessed = a.source == rumorph::Source::Guess;
        p
    }
}

/// The features of UD tag number `ud`, as a [`Parse`] with an empty lemma.
fn tag_parse(dict: &Dictionary, ud: u16) -> Parse {
    let mut p = Parse::bare(Pos::Other);
    let Some(tag) = dict.ud_tag(ud) else {
        return p;
    };
    p.pos = match tag.pos() {
        "NOUN" => Pos::Noun,
        "PROPN" => Pos::Propn,
        "ADJ" => Pos::Adj,
        "VERB" => Pos::Verb,
        "AUX" => Pos::Aux,
        "ADV" => Pos::Adv,
        "ADP" => Pos::Adp,
        "CCONJ" => Pos::Cconj,
        "SCONJ" => Pos::Sconj,
        "PART" => Pos::Part,
        "PRON" => Pos::Pron,
        "DET" => Pos::Det,
        "NUM" => Pos::Num,
        _ => Pos::Other,
    };
    for (name, value) in tag.feats() {
        match name {
            "Case" => p.case = Case::parse(value),
            "Number" => {
                p.number = match value {
                    "Sing" => Some(Number::Sing),
                    "Plur" => Some(Number::Plur),
                    _ => None,
                }
            }
            "Gender" => {
                p.gender = match value {
                    "Masc" => Some(Gender::Masc),
                    "Fem" => Some(Gender::Fem),
                    "Neut" => Some(Gender::Neut),
                    _ => None,
                }
            }
            "NameType" => {
                p.name = Some(match value {
                    "Giv" => NameType::Given,
                    "Sur" => NameType::Surname,
                    "Pat" => NameType::Patronymic,
                    "Geo" => NameType::Geo,
                    _ => NameType::Other,
                })
            }
            "Tense" => {
                p.tense = match value {
                    "Past" => Some(Tense::Past),
                    "Pres" => Some(Tense::Pres),
                    "Fut" => Some(Tense::Fut),
                    _ => None,
                }
            }
            "VerbForm" => {
                p.verb_form = match value {
                    "Fin" => Some(VerbForm::Fin),
                    "Inf" => Some(VerbForm::Inf),
                    "Part" => Some(VerbForm::Part),
                    "Conv" => Some(VerbForm::Conv),
                    _ => None,
                }
            }
            "Mood" => p.imperative = matches!(value, "Imp" | "Cnd"),
            "Voice" => p.passive = value == "Pass",
            "Variant" => p.short = value == "Short",
            "Degree" => p.comparative = matches!(value, "Cmp" | "Sup"),
            "InflClass" => p.indeclinable = value == "Ind",
            "Animacy" => p.animate = value == "Anim",
            _ => {}
        }
    }
    p
}

/// The analyses of every word met so far, shared by all the workers of a run: a word is
/// analysed once per run, not once per worker. The workers of a run meet the same vocabulary,
/// and an analysis costs about as much as the rest of the pipeline spends on a hundred tokens:
/// with two private caches the two workers of a 20 MB corpus made 98 342 analyses, against
/// 50 206 for one. Only a worker's own [`MorphCache`] misses come here (a few per document
/// once the common words are known), so shard locks are enough.
#[derive(Debug)]
pub struct SharedAnalyses {
    shards: Box<[Mutex<AnalysisShard>]>,
    hasher: foldhash::fast::RandomState,
    /// Words kept per shard before the shard is cleared.
    shard_limit: usize,
}

type AnalysisShard = HashMap<Box<str>, WordInfo, foldhash::fast::RandomState>;

impl SharedAnalyses {
    /// Shards of the store: more than the workers of a large machine, so that two rarely wait
    /// for one lock.
    const SHARDS: usize = 64;

    /// A store that keeps about `words` words (at least one per shard): past that, a shard is
    /// cleared, which keeps memory flat on corpora with an open vocabulary. Workers keep the
    /// analyses they hold; a cleared word is analysed again when next met.
    pub fn new(words: usize) -> SharedAnalyses {
        SharedAnalyses {
            shards: (0..Self::SHARDS)
                .map(|_| Mutex::new(AnalysisShard::default()))
                .collect(),
            hasher: foldhash::fast::RandomState::default(),
            shard_limit: words.div_ceil(Self::SHARDS).max(1),
        }
    }

    /// The analyses of `word` as written, from the store, or from `morph` the first time
    /// (outside the lock: two workers meeting a new word at once may both analyse it, and
    /// the answer is the same).
    pub fn get(&self, morph: &Morph, word: &str) -> WordInfo {
        let shard = &self.shards[self.hasher.hash_one(word) as usize % Self::SHARDS];
        // A worker that panicked holding the lock left the map whole (no analysis runs
        // under it): its contents are still right.
        if let Some(info) = shard.lock().unwrap_or_else(|e| e.into_inner()).get(word) {
            return info.clone();
        }
        let info = morph.analyze(word);
        let mut map = shard.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= self.shard_limit {
            map.clear();
        }
        map.entry(word.into()).or_insert(info).clone()
    }

    /// Number of words held.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).len())
            .sum()
    }

    /// True when no word is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Per-thread cache of word analyses, keyed by the word as written, in front of the run's
/// [`SharedAnalyses`] store when [`MorphCache::share`] gave it one.
///
/// The keys are words of untrusted text, so the hasher is seeded at random per cache
/// (foldhash's `RandomState`): several times faster than the standard SipHash on short keys,
/// and collisions cannot be precomputed by whoever writes the text.
#[derive(Debug, Default)]
pub struct MorphCache {
    /// Words of up to 16 bytes (nearly all), keyed by their bytes packed in the key itself:
    /// a probe compares the key's integers in the table's own memory, where a `Box<str>` key
    /// costs a pointer chase and a `memcmp` call on every hit.
    short: HashMap<ShortWord, Slot, foldhash::fast::RandomState>,
    /// Words of 17–32 bytes (a Russian word of 9–16 letters: a quarter of the tokens of
    /// news), keyed the same way by four integers: as `Box<str>` keys they had cost a
    /// pointer chase to the key, a cache miss more often than not, and a `memcmp` call per
    /// probe, 4% of the samples of a two-thread run once huge pages were gone.
    mid: HashMap<MidWord, Slot, foldhash::fast::RandomState>,
    /// Longer words (one token in two hundred).
    long: HashMap<Box<str>, Slot, foldhash::fast::RandomState>,
    infos: Vec<WordInfo>,
    /// Per id, [`WordInfo::name_probs`] (summed once per word, where the person finder asks
    /// at every capitalised token).
    names: Vec<NameProbs>,
    /// Where words this cache has not met are looked up and analysed, when the run has more
    /// than one worker; else they are analysed here (a store would only cost a copy of each
    /// word and two locks per analysis).
    shared: Option<Arc<SharedAnalyses>>,
    /// Per id, the answers to [`Memo`] questions (0: not asked yet, else answer + 1). Stages
    /// read the cache through a shared reference, and a cache belongs to one worker, so a
    /// `RefCell` is enough.
    memos: std::cell::RefCell<Vec<[u8; Memo::COUNT]>>,
    /// The gazetteer whose lexicon states the slots keep ([`crate::Gazetteer::serial`]).
    starts_owner: u64,
    /// Words kept before the cache is cleared ([`MorphCache::set_limit`]); 0 for
    /// [`MorphCache::MAX_WORDS`].
    limit: usize,
}

/// What the cache knows of a word as written, kept in the hash table's bucket itself: the
/// probe that finds the word finds the rest without touching another array (each would be
/// one more cache miss per token of running text). Sixteen bytes, so that with its
/// sixteen-byte [`ShortWord`] key a bucket is half a cache line: with an `Option` for the
/// states and the length beside the key, buckets were 48 bytes and one in two straddled
/// two lines.
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// Id of the word's analyses.
    id: u32,
    /// Id of its folded form once asked for, else [`UNKNOWN`].
    low: u32,
    /// The states after the word as a key's first word in the two lexicons of the gazetteer
    /// `MorphCache::starts_owner`, once asked for ([`MorphCache::lookup`]); else the first
    /// is [`NOT_ASKED`].
    starts: [u32; 2],
}

/// Marks a slot's folded id as not asked for yet.
const UNKNOWN: u32 = u32::MAX;

/// Marks a slot's lexicon states as not asked for yet. A lexicon's states are numbered from
/// 0 and `NO_STATE` is `u32::MAX`, so no state has this number
/// ([`MorphCache::lookup_first`] checks).
const NOT_ASKED: u32 = u32::MAX - 1;

/// A word of at most 16 bytes as a hash key of two integers, built without a copy loop.
/// `lo` holds the first eight bytes when there are eight or more (for 4–7 bytes the first
/// and last four, which overlap and cover the word; for 1–3 the first, middle and last
/// byte). `hi` holds, for 9–15 bytes, the bytes after the eighth in its low bytes (a shifted
/// load of the last eight) and the length in its top byte; for 16 bytes, bytes 8–15, whose
/// last is then never below 16 (such a word is not packed); for up to 8 bytes, the length
/// in the top byte alone. The top byte of `hi` thus tells the length, and with it `lo` and
/// `hi` determine the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct ShortWord {
    lo: u64,
    hi: u64,
}

impl ShortWord {
    /// The key of `word`, `None` when it is longer than 16 bytes, or has 16 and a last byte
    /// below 16 (a control character: not in words of text).
    fn new(word: &str) -> Option<ShortWord> {
        let b = word.as_bytes();
        let n = b.len();
        let u32_at = |i: usize| u64::from(u32::from_le_bytes(b[i..i + 4].try_into().expect("4")));
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8"));
        let len = (n as u64) << 56;
        let (lo, hi) = match n {
            0 => (0, 0),
            1..=3 => {
                let small = u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16;
                (small, len)
            }
            4..=7 => (u32_at(0) | u32_at(n - 4) << 32, len),
            8 => (u64_at(0), len),
            // The last eight bytes shifted down past the ones `lo` holds: bytes 8..n.
            9..=15 => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n)) | len),
            16 if b[15] >= 16 => (u64_at(0), u64_at(8)),
            _ => return None,
        };
        Some(ShortWord { lo, hi })
    }
}

/// A word of 17–32 bytes as a hash key: its first sixteen and last sixteen bytes (they
/// overlap and cover the word) and its length, which determine it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct MidWord {
    head: [u64; 2],
    tail: [u64; 2],
    len: u8,
}

impl MidWord {
    /// The key of `word`, `None` unless it has 17–32 bytes.
    fn new(word: &str) -> Option<MidWord> {
        let b = word.as_bytes();
        let n = b.len();
        if !(17..=32).contains(&n) {
            return None;
        }
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8"));
        Some(MidWord {
            head: [u64_at(0), u64_at(8)],
            tail: [u64_at(n - 16), u64_at(n - 8)],
            len: n as u8,
        })
    }
}

/// Questions about a word alone that a stage asks at every token: [`MorphCache::memo`]
/// answers each once per distinct word and worker. `Doc::word_memo` keeps answers per
/// lower-case word id, so they may depend only on the folded word (`Doc::fold_of`,
/// `Doc::lower`), never on the word as written (`Doc::word`, `Doc::text_of`, its letter
/// case); `Doc::written_memo` keeps them per word as written, which may use both. Neither may
/// look at the word's context. Each question is always asked through the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Memo {
    /// Which event trigger lemma the word reads as (`stages::events`).
    EventTrigger,
    /// Whether a date expression can start at the word (`stages::dates`).
    DateStart,
    /// Whether the word has the shape of a Russian surname (`stages::persons`).
    SurnameShaped,
    /// Whether the word as written is a common word (`Doc::is_common_word`; per written word).
    CommonWord,
    /// Which first word of a state body's name the word is a form of (`stages::bodies`).
    BodyWord,
    /// The cases the word can be in as a word for an organisation, and whether it is rather
    /// an adjective (`stages::named_orgs`).
    OrgWord,
    /// Whether a reading of the word is a political role («министр», «президент»;
    /// `stages::events`).
    PoliticalRole,
}

impl Memo {
    /// Number of questions: the last one's index plus one.
    const COUNT: usize = Memo::PoliticalRole as usize + 1;
}

impl MorphCache {
    /// Above this many distinct words the cache is cleared between documents, which keeps
    /// memory flat on corpora with an open vocabulary.
    pub const MAX_WORDS: usize = 200_000;

    /// The slot of a word as written, if the cache has it.
    fn slot(&mut self, word: &str) -> Option<&mut Slot> {
        if let Some(k) = ShortWord::new(word) {
            return self.short.get_mut(&k);
        }
        match MidWord::new(word) {
            Some(k) => self.mid.get_mut(&k),
            None => self.long.get_mut(word),
        }
    }

    /// The id of `word`'s analyses, analysing it on first sight.
    pub fn id(&mut self, morph: &Morph, word: &str) -> u32 {
        if let Some(slot) = self.slot(word) {
            return slot.id;
        }
        let id = self.infos.len() as u32;
        let info = match &self.shared {
            Some(store) => store.get(morph, word),
            None => morph.analyze(word),
        };
        self.names.push(info.name_probs());
        self.infos.push(info);
        self.memos.get_mut().push([0; Memo::COUNT]);
        let slot = Slot {
            id,
            low: UNKNOWN,
            starts: [NOT_ASKED; 2],
        };
        if let Some(k) = ShortWord::new(word) {
            self.short.insert(k, slot);
        } else if let Some(k) = MidWord::new(word) {
            self.mid.insert(k, slot);
        } else {
            self.long.insert(word.into(), slot);
        }
        id
    }

    /// The ids of a word as written and of its folded (lower-case, ё→е) form.
    pub fn ids(&mut self, morph: &Morph, written: &str, folded: &str) -> (u32, u32) {
        let id = self.id(morph, written);
        let slot = self.slot(written).expect("just added");
        if slot.low != UNKNOWN {
            return (id, slot.low);
        }
        let low = if written == folded {
            id
        } else {
            self.id(morph, folded)
        };
        self.slot(written).expect("just added").low = low;
        (id, low)
    }

    /// [`MorphCache::ids`], and the states after the word as a key's first word in the two
    /// lexicons of gazetteer `owner` (its [`crate::Gazetteer::serial`]), from `starts` the
    /// first time (it is given the folded word, and must depend on it alone). Every token of
    /// every document starts a lexicon match, and a probe of the gazetteer's large edge
    /// table misses the processor's caches far more often than the cache's own bucket does.
    /// A cache used with another gazetteer forgets the states it kept for the last one.
    ///
    /// A word met before (nearly every token) is answered inline at the caller, the rest out
    /// of line: left to itself, the compiler stopped inlining the whole after an unrelated
    /// edit elsewhere (tried and dropped), at a cost of 20M instructions per 8 MB of input.
    #[inline]
    pub fn lookup(
        &mut self,
        morph: &Morph,
        written: &str,
        folded: &str,
        owner: u64,
        starts: impl FnOnce(&str) -> [u32; 2],
    ) -> (u32, u32, [u32; 2]) {
        if owner == self.starts_owner
            && let Some(&mut Slot {
                id,
                low,
                starts: known,
            }) = self.slot(written)
            && low != UNKNOWN
            && known[0] != NOT_ASKED
        {
            return (id, low, known);
        }
        self.lookup_first(morph, written, folded, owner, starts)
    }

    /// [`MorphCache::lookup`] of a word not met before with this gazetteer, or of a cache
    /// last used with another one.
    #[inline(never)]
    fn lookup_first(
        &mut self,
        morph: &Morph,
        written: &str,
        folded: &str,
        owner: u64,
        starts: impl FnOnce(&str) -> [u32; 2],
    ) -> (u32, u32, [u32; 2]) {
        if owner != self.starts_owner {
            self.short
                .values_mut()
                .for_each(|s| s.starts = [NOT_ASKED; 2]);
            self.mid
                .values_mut()
                .for_each(|s| s.starts = [NOT_ASKED; 2]);
            self.long
                .values_mut()
                .for_each(|s| s.starts = [NOT_ASKED; 2]);
            self.starts_owner = owner;
        }
        // No state is known for the word here (the hit path found none, or they were all
        // just forgotten): its ids, then its states.
        let (id, low) = self.ids(morph, written, folded);
        let slot = self.slot(written).expect("just added");
        if slot.starts[0] == NOT_ASKED {
            let states = starts(folded);
            assert!(
                !states.contains(&NOT_ASKED),
                "a lexicon state numbered NOT_ASKED"
            );
            slot.starts = states;
        }
        (id, low, slot.starts)
    }

    /// The analyses behind an id from [`MorphCache::id`].
    pub fn info(&self, id: u32) -> &WordInfo {
        &self.infos[id as usize]
    }

    /// [`WordInfo::name_probs`] of the analyses behind an id.
    #[inline]
    pub fn name_probs(&self, id: u32) -> NameProbs {
        self.names[id as usize]
    }

    /// The answer to `question` for word `id`, from `compute` the first time it is asked
    /// (answers are 0–254). `compute` must depend on the word the id stands for only (see
    /// [`Memo`]).
    ///
    /// The answer known (nearly every time: a question is asked at every token, computed once
    /// per distinct word) is read inline at the caller; the first time goes out of line.
    #[inline]
    pub fn memo(&self, id: u32, question: Memo, compute: impl FnOnce() -> u8) -> u8 {
        let known = self.memos.borrow()[id as usize][question as usize];
        if known != 0 {
            return known - 1;
        }
        self.memo_first(id, question, compute)
    }

    /// [`MorphCache::memo`] asked for the first time.
    #[cold]
    #[inline(never)]
    fn memo_first(&self, id: u32, question: Memo, compute: impl FnOnce() -> u8) -> u8 {
        let answer = compute().min(254);
        self.memos.borrow_mut()[id as usize][question as usize] = answer + 1;
        answer
    }

    /// Looks words up in `shared` (the store of the run, shared by all its workers) from now
    /// on.
    pub fn share(&mut self, shared: Arc<SharedAnalyses>) {
        self.shared = Some(shared);
    }

    /// The store this cache looks words up in, if it has one.
    pub fn shared(&self) -> Option<&Arc<SharedAnalyses>> {
        self.shared.as_ref()
    }

    /// Keeps at most about `words` words (at least one) instead of [`MorphCache::MAX_WORDS`]:
    /// a worker's share of a memory budget. Fewer words cost more analyses, never a different
    /// answer.
    pub fn set_limit(&mut self, words: usize) {
        self.limit = words.max(1);
    }

    /// The most words kept before the cache is cleared.
    pub fn limit(&self) -> usize {
        if self.limit == 0 {
            Self::MAX_WORDS
        } else {
            self.limit
        }
    }

    /// Clears the cache when it has grown past [`MorphCache::limit`]. Call between documents
    /// only: ids handed out before are invalid afterwards.
    pub fn trim(&mut self) {
        if self.infos.len() > self.limit() {
            self.memos.get_mut().clear();
            self.short.clear();
            self.mid.clear();
            self.long.clear();
            self.infos.clear();
            self.names.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_is_cleared_past_its_limit_only() {
        let morph = Morph::bundled().unwrap();
        let mut cache = MorphCache::default();
        assert_eq!(cache.limit(), MorphCache::MAX_WORDS);
        cache.set_limit(2);
        cache.id(&morph, "мир");
        cache.id(&morph, "дом");
        cache.trim();
        assert_eq!(cache.infos.len(), 2, "at the limit nothing is cleared");
        cache.id(&morph, "сад");
        cache.trim();
        assert!(
            cache.infos.is_empty(),
            "past the limit the cache is cleared"
        );
        assert_eq!(cache.id(&morph, "сад"), 0, "and ids start again");
        cache.set_limit(0);
        assert_eq!(cache.limit(), 1, "a limit of zero keeps one word");
    }

    #[test]
    fn workers_sharing_a_store_analyse_a_word_once() {
        let morph = Morph::bundled().unwrap();
        let store = Arc::new(SharedAnalyses::new(1000));
        let (mut a, mut b) = (MorphCache::default(), MorphCache::default());
        a.share(Arc::clone(&store));
        b.share(Arc::clone(&store));
        let ia = a.id(&morph, "Казани");
        assert_eq!(store.len(), 1);
        let ib = b.id(&morph, "Казани");
        assert_eq!(store.len(), 1, "the second worker found it in the store");
        assert_eq!(a.info(ia), b.info(ib));
        assert_eq!(
            a.info(ia),
            &morph.analyze("Казани"),
            "the same as analysed alone"
        );
        assert!(std::ptr::eq(
            a.info(ia).parses.as_ptr(),
            b.info(ib).parses.as_ptr()
        ));
        // A cache without a store analyses by itself and leaves the store alone.
        let mut alone = MorphCache::default();
        let id = alone.id(&morph, "Казань");
        assert_eq!(alone.info(id), &morph.analyze("Казань"));
        assert_eq!(store.len(), 1);
    }

    #[test]
    fn a_full_store_shard_is_cleared() {
        let morph = Morph::bundled().unwrap();
        // One word per shard: the second word of a shard clears it.
        let store = SharedAnalyses::new(1);
        let words = ["мир", "дом", "сад", "лес", "год", "час", "день", "ночь"];
        for w in words.iter().cycle().take(300) {
            assert_eq!(store.get(&morph, w), morph.analyze(w));
        }
        assert!(store.len() <= SharedAnalyses::SHARDS);
        assert!(!store.is_empty());
    }

    #[test]
    fn name_probs_are_the_sums_of_prob_to_the_bit() {
        let morph = Morph::bundled().unwrap();
        let mut cache = MorphCache::default();
        for word in [
            "Александра",
            "Любовь",
            "Иванович",
            "Казани",
            "Петрова",
            "Роман",
            "Шварц",
            "мир",
            "Хулуси",
            "Орла",
            "",
        ] {
            let w = morph.analyze(word);
            let of = |n: NameType| w.prob(|p| p.name == Some(n)).to_bits();
            let p = w.name_probs();
            assert_eq!(p.given.to_bits(), of(NameType::Given), "{word}");
            assert_eq!(p.surname.to_bits(), of(NameType::Surname), "{word}");
            assert_eq!(p.patronymic.to_bits(), of(NameType::Patronymic), "{word}");
            assert_eq!(p.geo.to_bits(), of(NameType::Geo), "{word}");
            assert_eq!(p.guessed, w.guessed(), "{word}");
            // The cache keeps the same figures per id.
            let id = cache.id(&morph, word);
            assert_eq!(cache.name_probs(id), p, "{word}");
        }
        // (Not all zero: the words above are read as names.)
        assert!(morph.analyze("Казани").name_probs().geo > 0.5);
        assert!(morph.analyze("Иванович").name_probs().patronymic > 0.5);
        assert!(morph.analyze("Петрова").name_probs().surname > 0.0);
    }

    #[test]
    fn surnames_and_places_in_oblique_cases() {
        let morph = Morph::bundled().unwrap();
        let w = morph.analyze("Токаевым");
        let best = w.best().unwrap();
        assert_eq!(&*best.lemma, "токаев");
        assert_eq!(best.name, Some(NameType::Surname));
        assert!(w.cases(|_| true).contains(Case::Ins));
        let w = morph.analyze("Казани");
        assert_eq!(&*w.best().unwrap().lemma, "казань");
        assert!(w.cases(|p| p.pos == Pos::Propn).contains(Case::Loc));
    }

    proptest::proptest! {
        /// Two words have the same packed key ([`ShortWord`] up to 16 bytes, [`MidWord`] for
        /// 17–32) exactly when they are the same word: a word against itself with one
        /// character replaced, and against its prefixes; and only those lengths have one.
        #[test]
        fn packed_keys_tell_words_apart(
            a in proptest::collection::vec(proptest::sample::select(vec!['а', 'я', 'a', '\0', '-']), 0..34),
            at in 0usize..34,
            c in proptest::sample::select(vec!['а', 'я', 'a', '\0', '-']),
            cut in 0usize..34,
        ) {
            let word: String = a.iter().collect();
            let mut other = a.clone();
            if let Some(x) = other.get_mut(at) {
                *x = c;
            }
            let other: String = other.iter().collect();
            let prefix: String = a.iter().take(cut).collect();
            for b in [&other, &prefix] {
                let (ka, kb) = (ShortWord::new(&word), ShortWord::new(b));
                let packed = word.len() < 16 || word.len() == 16 && word.as_bytes()[15] >= 16;
                proptest::prop_assert_eq!(ka.is_some(), packed);
                if let (Some(ka), Some(kb)) = (ka, kb) {
                    proptest::prop_assert_eq!(ka == kb, &word == b, "{:?} {:?}", word, b);
                }
                let (ka, kb) = (MidWord::new(&word), MidWord::new(b));
                proptest::prop_assert_eq!(ka.is_some(), (17..=32).contains(&word.len()));
                if let (Some(ka), Some(kb)) = (ka, kb) {
                    proptest::prop_assert_eq!(ka == kb, &word == b, "{:?} {:?}", word, b);
                }
            }
        }
    }

    #[test]
    fn short_keys_of_every_word_of_two_letters_up_to_ten_bytes_differ() {
        // Every string over {a, NUL} of 0–10 bytes: each branch of `ShortWord::new`, and
        // every pair that differs in one byte or in length.
        let words: Vec<String> = (0..=10u32)
            .flat_map(|n| {
                (0..1u32 << n).map(move |bits| {
                    (0..n)
                        .map(|k| if bits >> k & 1 == 1 { 'a' } else { '\0' })
                        .collect()
                })
            })
            .collect();
        let keys: std::collections::HashSet<ShortWord> =
            words.iter().map(|w| ShortWord::new(w).unwrap()).collect();
        assert_eq!(keys.len(), words.len());
    }

    #[test]
    fn cache_returns_the_same_analysis() {
        let morph = Morph::bundled().unwrap();
        let mut cache = MorphCache::default();
        let a = cache.id(&morph, "встретился");
        let b = cache.id(&morph, "встретился");
        assert_eq!(a, b);
        let info = cache.info(a);
        assert!(info.has_lemma("встретиться"));
        assert_eq!(info.best().unwrap().tense, Some(Tense::Past));
    }

    #[test]
    fn lookup_keeps_lexicon_states_per_gazetteer() {
        let morph = Morph::bundled().unwrap();
        let mut cache = MorphCache::default();
        let asked = std::cell::Cell::new(0);
        let states = |owner: u32| {
            let asked = &asked;
            move |folded: &str| {
                asked.set(asked.get() + 1);
                [folded.len() as u32, owner]
            }
        };
        let (id, low, s) = cache.lookup(&morph, "Путина", "путина", 1, states(1));
        assert_eq!((id, low), cache.ids(&morph, "Путина", "путина"));
        assert_ne!(
            id, low,
            "the written and the folded word have ids of their own"
        );
        assert_eq!(s, [12, 1], "the states are those of the folded word");
        assert_eq!(
            cache.lookup(&morph, "Путина", "путина", 1, states(1)).2,
            [12, 1]
        );
        assert_eq!(asked.get(), 1, "asked once per word and gazetteer");
        // Another gazetteer: the states are asked for again, the analyses are kept.
        let (id2, low2, s2) = cache.lookup(&morph, "Путина", "путина", 2, states(2));
        assert_eq!((id2, low2, s2), (id, low, [12, 2]));
        assert_eq!(asked.get(), 2);
    }
}
