//! Gazetteers: entity lists, office terms and titles, compiled into an immutable matcher.
//!
//! Build and match are separate: [`source`] reads and checks TSV rows (errors carry
//! `path:line`), [`compile`] expands aliases into inflected forms and builds the lexicons,
//! and the resulting [`Gazetteer`] is shared read-only by every worker thread.

pub mod cache;
pub mod compile;
pub mod lexicon;
pub mod offices;
pub mod source;

/// Hash maps keyed by short strings and small integers, rebuilt per document: foldhash is
/// several times faster than SipHash here, and nothing is keyed by untrusted input at a scale
/// where flooding matters.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
use std::path::Path;
use std::sync::Arc;

pub use cache::{CacheKey, CacheUse, GazetteerCache};
pub use lexicon::{Lexicon, LexiconBuilder};
pub use offices::OfficeIndex;
pub use source::{AliasFlags, GazetteerError, Role, SourceSet};

use crate::model::{DateValue, EntityId, EntityKind};
use crate::morph::{CaseSet, Morph};

/// Common Korean, Chinese and Vietnamese surnames in Russian spelling. Such names are written
/// surname first and decline only their last part («Ким Чен Ына», «Пан Ги Муна»).
pub const EAST_ASIAN_SURNAMES: &[&str] = &[
    "ким",
    "ли",
    "пак",
    "чон",
    "чхве",
    "юн",
    "мун",
    "пан",
    "бэ",
    "со",
    "ан",
    "ко",
    "син",
    "кан",
    "ху",
    "ван",
    "чжан",
    "лю",
    "чэнь",
    "хуан",
    "чжао",
    "чжоу",
    "сюй",
    "сунь",
    "чжу",
    "го",
    "хэ",
    "линь",
    "гао",
    "лян",
    "тан",
    "дэн",
    "фэн",
    "цзян",
    "цай",
    "нгуен",
    "фам",
    "чан",
    "ле",
    "во",
    "си",
    "вэнь",
    "цзинь",
    "чэн",
    "вэй",
    "цинь",
    "мао",
    "пэн",
    "дун",
    "шэнь",
    "цао",
    "сяо",
    "хоанг",
    "данг",
    "буй",
    "нго",
    "зыонг",
    "хо",
    "цой",
    // More of the commonest Chinese surnames in the Palladius spelling («Дин Сюэсян», «Инь
    // Юн», «Тянь Хуэйюй»). Not «Ян», «Ма», «Лу», «Е»: Russian and European names or words too.
    "дин",
    "ся",
    "сюэ",
    "люй",
    "тянь",
    "янь",
    "юй",
    "ду",
    "жэнь",
    "фан",
    "инь",
    "сун",
    "хань",
    "мэн",
    "цю",
    "цянь",
    "бай",
    "тао",
    "шао",
    "сюн",
    "цуй",
    "ню",
    // Korean, in the spellings Russian news uses besides the Kontsevich ones («Чве Сон Хи»,
    // «Чо Тэ Ёль», «Хон Нам Ги», «Квон Ён Се», «Сон Ки Хён», «Рю Чжин»).
    "чве",
    "чо",
    "хон",
    "квон",
    "сон",
    "рю",
];

/// The length in bytes of the longest of [`EAST_ASIAN_SURNAMES`], worked out from the list.
const EAST_ASIAN_SURNAME_MAX: usize = {
    let mut max = 0;
    let mut k = 0;
    while k < EAST_ASIAN_SURNAMES.len() {
        if EAST_ASIAN_SURNAMES[k].len() > max {
            max = EAST_ASIAN_SURNAMES[k].len();
        }
        k += 1;
    }
    max
};

/// True when `fold` (a folded word) is one of [`EAST_ASIAN_SURNAMES`]. The person finder asks
/// at every capitalised word: a hash set, not a scan of the list.
pub fn east_asian_surname(fold: &str) -> bool {
    // Most capitalised words are longer than any of them: no hashing for those.
    if fold.len() > EAST_ASIAN_SURNAME_MAX {
        return false;
    }
    static SET: std::sync::LazyLock<
        std::collections::HashSet<&'static str, foldhash::fast::FixedState>,
    > = std::sync::LazyLock::new(|| EAST_ASIAN_SURNAMES.iter().copied().collect());
    SET.contains(fold)
}

/// What the gazetteer knows about one entity.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EntityData {
    /// Stable id.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// Canonical nominative name.
    pub name: Arc<str>,
    /// The country it belongs to (index).
    pub country: Option<u32>,
    /// A country's capital (index).
    pub capital: Option<u32>,
    /// A named event's place (index).
    pub place: Option<u32>,
    /// A named event's date.
    pub date: Option<DateValue>,
    /// A female person (for declension and pronoun agreement).
    pub female: bool,
    /// Initials of a person's given name and patronymic, upper case.
    pub initials: (Option<char>, Option<char>),
    /// A person's surname.
    pub surname: Option<Arc<str>>,
    /// A person's given name, folded (lower case, ё→е).
    pub given: Option<Arc<str>>,
}

/// Which part of a person's name an alias is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NamePart {
    /// A full name, or any alias of a non-person.
    Full,
    /// The surname alone.
    Surname,
    /// Given name and patronymic («Владимир Владимирович»).
    GivenPatronymic,
    /// Any alias of a non-person.
    Other,
}

/// Letter case an alias word requires in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WordCase {
    /// Any case.
    Any,
    /// First letter upper case, the second one lower case («Мид»): «МИДа» is no match.
    Title,
    /// First letter upper case and a capital among the small letters after it («BSkyB»,
    /// «ВКонтакте», «NEWSru.com»): any word in title case matches.
    Mixed,
    /// The first `n` letters upper case («МИД», «МИДа»).
    Upper(u8),
}

/// One alias after expansion.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AliasData {
    /// Case requirement per token of the alias.
    pub words: Box<[WordCase]>,
    /// Prefix flags from the file.
    pub flags: AliasFlags,
    /// Which part of a name it is.
    pub part: NamePart,
    /// First token at which names of other entities may nest inside a match of this alias;
    /// `None`: never (person names).
    pub nest_from: Option<u8>,
}

/// A name form's posting: which entity, through which alias, in which cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NamePosting {
    /// Entity index.
    pub entity: u32,
    /// Alias index.
    pub alias: u32,
    /// Grammatical cases this form stands for.
    pub cases: CaseSet,
}

/// A title phrase.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TitleData {
    /// The phrase, nominative.
    pub title: Arc<str>,
    /// The role it names.
    pub role: Role,
    /// Restriction to one country (index).
    pub country: Option<u32>,
    /// Number of tokens.
    pub words: u8,
}

/// A title form's posting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TitlePosting {
    /// Title index.
    pub title: u32,
    /// Grammatical cases this form stands for.
    pub cases: CaseSet,
}

/// Sizes, for `newsgraph gazetteer check` and the benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerStats {
    /// Entities per kind, in [`EntityKind::ALL`] order.
    pub entities: [usize; 6],
    /// Aliases (after deriving person-name variants).
    pub aliases: usize,
    /// Distinct name forms.
    pub forms: usize,
    /// Office terms.
    pub offices: usize,
    /// Title phrases.
    pub titles: usize,
    /// Approximate heap bytes of the lexicons.
    pub memory: usize,
}

/// The compiled gazetteer; immutable and shared by all threads.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Gazetteer {
    entities: Vec<EntityData>,
    by_id: HashMap<EntityId, u32>,
    names: Lexicon<NamePosting>,
    /// Bit per group of `names`: every form in it needs a capital first letter.
    capitalised: Vec<u64>,
    /// Bit per state of `names` after a key's first word: some key from there may start in
    /// lower case.
    open_first: Vec<u64>,
    aliases: Vec<AliasData>,
    titles: Lexicon<TitlePosting>,
    title_rows: Vec<TitleData>,
    offices: OfficeIndex,
    /// [`Morph::identity`] of the dictionary it was compiled with.
    morph: String,
    /// Set afresh when compiled or loaded ([`Gazetteer::serial`]), never stored.
    #[serde(skip)]
    serial: u64,
}

/// A number no other gazetteer compiled or loaded in this process has ([`Gazetteer::serial`]).
pub(crate) fn next_serial() -> u64 {
    // Starts at 1: a fresh morphology cache belongs to no gazetteer (0).
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Bit `i` of a bit set kept as 64-bit words.
pub(crate) fn bit(set: &[u64], i: u32) -> bool {
    set[i as usize / 64] & (1 << (i % 64)) != 0
}

/// Sets bit `i` of a bit set kept as 64-bit words.
pub(crate) fn set_bit(set: &mut [u64], i: u32) {
    set[i as usize / 64] |= 1 << (i % 64);
}

/// The gazetteer files compiled into the binary, so that it runs anywhere (a Spark executor
/// receives one file) without a data folder next to it.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
}

impl Gazetteer {
    /// Reads, checks and compiles every `*.tsv` file of `dir`.
    pub fn load_dir(dir: &Path, morph: &Morph) -> Result<Gazetteer, Vec<GazetteerError>> {
        let src = SourceSet::read_dir(dir)?;
        Ok(compile::compile(&src, morph))
    }

    /// Compiles the gazetteer files embedded at build time (`gazetteers/*.tsv`).
    pub fn embedded(morph: &Morph) -> Result<Gazetteer, Vec<GazetteerError>> {
        let src = SourceSet::parse_files(embedded_sources())?;
        Ok(compile::compile(&src, morph))
    }

    /// [`Gazetteer::embedded`], read from `cache` when it holds this build's entry for the
    /// embedded files, else compiled and stored there (see [`cache`]).
    pub fn embedded_cached(
        morph: &Morph,
        cache: Option<&GazetteerCache>,
    ) -> Result<(Gazetteer, CacheUse), Vec<GazetteerError>> {
        let files: Vec<(&Path, &str)> = embedded_sources().collect();
        Gazetteer::compile_cached(&files, morph, cache)
    }

    /// [`Gazetteer::load_dir`], read from `cache` when it holds this build's entry for the
    /// folder's files as they are now, else compiled and stored there.
    pub fn load_dir_cached(
        dir: &Path,
        morph: &Morph,
        cache: Option<&GazetteerCache>,
    ) -> Result<(Gazetteer, CacheUse), Vec<GazetteerError>> {
        let (files, errors) = SourceSet::read_files(dir)?;
        if !errors.is_empty() {
            // Report the files that cannot be read with the errors of the others.
            return Err(SourceSet::read_dir(dir).err().unwrap_or(errors));
        }
        let files: Vec<(&Path, &str)> = files
            .iter()
            .map(|(path, text)| (path.as_path(), text.as_str()))
            .collect();
        Gazetteer::compile_cached(&files, morph, cache)
    }

    /// Files `(path, content)` compiled, or their entry in `cache`. The key takes each file's
    /// name without its folder, so a moved folder keeps its entry.
    fn compile_cached(
        files: &[(&Path, &str)],
        morph: &Morph,
        cache: Option<&GazetteerCache>,
    ) -> Result<(Gazetteer, CacheUse), Vec<GazetteerError>> {
        let compiled = || {
            SourceSet::parse_files(files.iter().copied()).map(|src| compile::compile(&src, morph))
        };
        let Some(cache) = cache else {
            return compiled().map(|g| (g, CacheUse::Off));
        };
        if let Some(why) = cache.refusal() {
            return compiled().map(|g| (g, CacheUse::Unwritable(why)));
        }
        let key = cache_key(files);
        if let Some(gazetteer) = cache.load(&key)
            && gazetteer.compiled_with() == morph.identity()
        {
            return Ok((gazetteer, CacheUse::Hit));
        }
        let gazetteer = compiled()?;
        let used = match cache.store(&key, &gazetteer) {
            Ok(()) => CacheUse::Stored,
            Err(e) => CacheUse::Unwritable(format!("{}: {e}", cache.dir().display())),
        };
        Ok((gazetteer, used))
    }

    /// The compiled gazetteer of the folder `dir` (the embedded files when `None`) when `cache`
    /// holds this build's entry for its files as they are now, read without the morphology
    /// dictionary, so that the dictionary can load meanwhile: the caller checks
    /// [`Gazetteer::compiled_with`] against it. `None` when there is no entry, when the cache
    /// is not to be used, or when a file cannot be read (then [`Gazetteer::load_dir_cached`]
    /// reports it).
    pub fn from_cache(dir: Option<&Path>, cache: &GazetteerCache) -> Option<Gazetteer> {
        if cache.refusal().is_some() {
            return None;
        }
        let key = match dir {
            None => cache_key(&embedded_sources().collect::<Vec<_>>()),
            Some(dir) => {
                let (files, errors) = SourceSet::read_files(dir).ok()?;
                if !errors.is_empty() {
                    return None;
                }
                let files: Vec<(&Path, &str)> = files
                    .iter()
                    .map(|(path, text)| (path.as_path(), text.as_str()))
                    .collect();
                cache_key(&files)
            }
        };
        cache.load(&key)
    }

    /// [`Morph::identity`] of the dictionary this gazetteer was compiled with.
    pub fn compiled_with(&self) -> &str {
        &self.morph
    }

    /// Names of the embedded files, as `gazetteers/<file>`.
    pub fn embedded_files() -> impl Iterator<Item = &'static str> {
        embedded::FILES.iter().map(|(name, _)| *name)
    }

    /// The entity at `index`.
    pub fn entity(&self, index: u32) -> &EntityData {
        &self.entities[index as usize]
    }

    /// The number of entities (their indexes are `0..entity_count()`).
    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    /// The index of an entity id.
    pub fn find(&self, id: &EntityId) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The name-form lexicon.
    pub fn names(&self) -> &Lexicon<NamePosting> {
        &self.names
    }

    /// The alias at `index`.
    pub fn alias(&self, index: u32) -> &AliasData {
        &self.aliases[index as usize]
    }

    /// True when every form in group `group` of [`Gazetteer::names`] needs its first word
    /// to start with a capital ([`WordCase::Title`], [`WordCase::Mixed`]): then a word in lower case starts none of
    /// them, which a small bit set tells without reading the postings.
    pub fn needs_capital(&self, group: u32) -> bool {
        bit(&self.capitalised, group)
    }

    /// True when every key of [`Gazetteer::names`] through `state`, a state after a key's
    /// first word ([`Lexicon::first`]), needs that word to start with a capital: a word in
    /// lower case then starts no name, and the matcher need not walk on.
    pub fn first_needs_capital(&self, state: u32) -> bool {
        !bit(&self.open_first, state)
    }

    /// The title lexicon.
    pub fn titles(&self) -> &Lexicon<TitlePosting> {
        &self.titles
    }

    /// A number that tells this compiled gazetteer from every other one compiled in the
    /// process (a clone shares it): what a per-worker cache of lexicon states
    /// ([`crate::morph::MorphCache::lookup`]) belongs to.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The title at `index`.
    pub fn title(&self, index: u32) -> &TitleData {
        &self.title_rows[index as usize]
    }

    /// The office that `title` (nominative, as in `titles.tsv`) names in `country` when
    /// `titles.tsv` has a row for that country: «лидер» of a parliamentary state is its head
    /// of government («лидеры Японии и Южной Кореи» are a prime minister and a president),
    /// «президент» of Iran is too. None when only the general row applies.
    pub fn title_role(&self, title: &str, country: u32) -> Option<Role> {
        self.title_rows
            .iter()
            .find(|t| &*t.title == title && t.country == Some(country))
            .map(|t| t.role)
    }

    /// Office terms.
    pub fn offices(&self) -> &OfficeIndex {
        &self.offices
    }

    /// The country of person `index`: its `country` attribute, else the country of an office
    /// it held on `date`.
    pub fn country_of_person(&self, index: u32, date: Option<DateValue>) -> Option<u32> {
        self.entity(index)
            .country
            .or_else(|| date.and_then(|d| self.offices.roles_of(index, d).map(|(c, _)| c).next()))
    }

    /// Sizes.
    pub fn stats(&self) -> GazetteerStats {
        let mut entities = [0; 6];
        for e in &self.entities {
            let k = EntityKind::ALL
                .iter()
                .position(|k| *k == e.kind)
                .unwrap_or(0);
            entities[k] += 1;
        }
        GazetteerStats {
            entities,
            aliases: self.aliases.len(),
            forms: self.names.len(),
            offices: self.offices.len(),
            titles: self.title_rows.len(),
            memory: self.names.memory() + self.titles.memory(),
        }
    }
}

/// The embedded gazetteer files as `(path, content)`.
fn embedded_sources() -> impl Iterator<Item = (&'static Path, &'static str)> {
    embedded::FILES
        .iter()
        .map(|(name, text)| (Path::new(*name), *text))
}

/// The cache key of gazetteer files `(path, content)`: each file's name without its folder
/// (so a moved folder keeps its entry) and content. The morphology dictionary is not part of
/// it, so that the entry can be read while the dictionary loads; its identity is kept in the
/// entry and checked once both are in ([`Gazetteer::compiled_with`]).
fn cache_key(files: &[(&Path, &str)]) -> CacheKey {
    CacheKey::of(
        "",
        files.iter().map(|(path, text)| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name, text.as_bytes())
        }),
    )
}

#[cfg(test)]
mod east_asian_tests {
    use super::*;

    #[test]
    fn every_listed_surname_passes_the_length_filter() {
        for w in EAST_ASIAN_SURNAMES {
            assert!(east_asian_surname(w), "{w}");
        }
        assert!(!east_asian_surname("кимов"));
        assert!(!east_asian_surname("нгуенович"));
    }
}
