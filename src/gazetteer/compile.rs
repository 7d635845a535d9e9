//! Turning gazetteer rows into the matcher: aliases expanded into every inflected form.
//!
//! Russian inflects names: «Путин» is also «Путина», «Путину», «Путиным», «Путине»;
//! «Южная Корея» is «Южной Кореи»; «Игры будущего» is «Игр будущего». Each alias is analysed
//! with `rumorph`, the words that inflect are chosen (every part of a person's name; in other
//! names the adjectives before the head noun and the head noun itself, while words after the
//! head — «Игры *будущего*», «Республика *Казахстан*» — stay as written), and the forms of all
//! six cases are generated in the alias's number, adjectives agreeing with the head's gender.
//! Every form becomes a key of the [`super::Lexicon`], with the cases it can stand for.

use std::collections::HashMap;
use std::rc::Rc;

use rayon::prelude::*;
use rumorph::Analysis;

use super::lexicon::LexiconBuilder;
use super::source::{AliasFlags, AliasSpec, EntityRow, PersonGender, Role, SourceSet};
use super::{
    AliasData, EntityData, Gazetteer, NamePart, NamePosting, OfficeIndex, TitleData, TitlePosting,
    WordCase,
};
use crate::model::EntityKind;
use crate::morph::{
    Case, CaseSet, Gender, Morph, NameType, Number, Parse, Pos, VerbForm, WordInfo,
};
use crate::text::{NormText, Normalizer, Shape, Token, TokenKind, Tokenizer};

/// One word of an alias, as written and folded.
#[derive(Clone, Debug)]
struct AliasWord {
    norm: String,
    fold: String,
    kind: TokenKind,
    shape: Shape,
}

/// How an alias is to be expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Exact,
    Adjective,
    Inflect,
}

/// The analyses of one word with their parses.
type Readings = Rc<[(Analysis, Parse)]>;

/// The folded forms of one reading's paradigm with their parses.
type Paradigm = Rc<[(String, Parse)]>;

/// Reusable buffers and caches for expanding aliases; one per piece of parallel work (rayon's
/// `map_init` makes one for each piece it splits off, so a word met in two pieces is analysed
/// twice; fewer, larger pieces saved 1.4% of the instructions but balanced worse: start-up
/// 0.11 → 0.13 s).
struct Expander<'m> {
    morph: &'m Morph,
    norm: NormText,
    tmp: NormText,
    tokens: Vec<Token>,
    /// Per word, its readings: the gazetteers repeat words (given names, «республика») about
    /// twice on average, and analysing them and generating their paradigms was most of the
    /// start-up.
    readings: HashMap<String, Readings>,
    /// Per word and reading (index into its readings), the folded forms of its paradigm
    /// without short and comparative forms.
    paradigms: HashMap<(String, usize), Paradigm>,
}

impl<'m> Expander<'m> {
    fn new(morph: &'m Morph) -> Self {
        Expander {
            morph,
            norm: NormText::default(),
            tmp: NormText::default(),
            tokens: Vec::new(),
            readings: HashMap::new(),
            paradigms: HashMap::new(),
        }
    }

    /// The readings of `word` as written.
    fn readings(&mut self, word: &str) -> Readings {
        if let Some(r) = self.readings.get(word) {
            return r.clone();
        }
        let morph = self.morph;
        let r: Readings = morph
            .dict()
            .analyze(word)
            .into_iter()
            .map(|a| {
                let p = morph.parse_of(&a);
                (a, p)
            })
            .collect();
        self.readings.insert(word.to_string(), r.clone());
        r
    }

    /// [`Morph::analyze`] of `word` from the cached readings.
    fn word_info(&mut self, word: &str) -> WordInfo {
        WordInfo {
            parses: self.readings(word).iter().map(|(_, p)| p.clone()).collect(),
        }
    }

    /// The paradigm of reading `k` of `word` (see [`Expander::paradigms`]).
    fn paradigm(&mut self, word: &str, k: usize, a: &Analysis) -> Paradigm {
        let key = (word.to_string(), k);
        if let Some(f) = self.paradigms.get(&key) {
            return f.clone();
        }
        let mut forms = Vec::new();
        for f in self.morph.dict().forms(a) {
            let p = self.morph.parse_of(&f);
            if p.short || p.comparative {
                continue;
            }
            forms.push((self.fold(&f.word), p));
        }
        let forms: Paradigm = forms.into();
        self.paradigms.insert(key, forms.clone());
        forms
    }

    /// Normalizes and tokenizes a phrase exactly as article text would be, dropping quotes
    /// around it.
    fn words(&mut self, text: &str) -> Vec<AliasWord> {
        Normalizer.normalize(text, &mut self.norm);
        Tokenizer.tokenize_phrase(&self.norm.norm, &mut self.tokens);
        let norm = &self.norm.norm;
        let quote = |t: &Token| t.kind == TokenKind::Punct && t.text(norm) == "\"";
        let mut toks: &[Token] = &self.tokens;
        // A name quoted whole («"Росатом"») is matched without its quotes, which the text may
        // or may not give it. Quotes inside a name stay, the closing one too: «Госкорпорация
        // "Росатом"» ends on its closing quote, as the text does.
        while let [first, inner @ .., last] = toks
            && quote(first)
            && quote(last)
        {
            toks = inner;
        }
        // An unbalanced quote at either end (a name cut from a longer quotation) is dropped.
        if toks.iter().filter(|t| quote(t)).count() % 2 == 1 {
            if let [first, rest @ ..] = toks
                && quote(first)
            {
                toks = rest;
            } else if let [rest @ .., last] = toks
                && quote(last)
            {
                toks = rest;
            }
        }
        toks.iter()
            .map(|t| AliasWord {
                norm: t.text(&self.norm.norm).to_string(),
                fold: t.text(&self.norm.fold).to_string(),
                kind: t.kind,
                shape: t.shape,
            })
            .collect()
    }

    fn fold(&mut self, word: &str) -> String {
        Normalizer.normalize(word, &mut self.tmp);
        std::mem::take(&mut self.tmp.fold)
    }

    /// Every form of the alias with the cases it stands for.
    fn expand(
        &mut self,
        words: &[AliasWord],
        mode: Mode,
        person: bool,
        gender: Option<Gender>,
        hints: &[Option<NameType>],
        out: &mut Vec<(String, CaseSet)>,
    ) {
        out.clear();
        let as_written = join(words.iter().map(|w| w.fold.as_str()));
        let has_word = words.iter().any(|w| w.kind == TokenKind::Word);
        if mode == Mode::Exact || !has_word {
            out.push((as_written, CaseSet::ANY));
            return;
        }
        if mode == Mode::Adjective {
            self.expand_adjective(words, out);
            if out.is_empty() {
                out.push((as_written, CaseSet::ANY));
            }
            return;
        }

        // Without name parts, a person's words are read as given name (patronymic) surname.
        let positional: Vec<Option<NameType>> = match words.len() {
            2 => vec![Some(NameType::Given), Some(NameType::Surname)],
            3 => vec![
                Some(NameType::Given),
                Some(NameType::Patronymic),
                Some(NameType::Surname),
            ],
            _ => Vec::new(),
        };
        let hints = if person && hints.iter().all(Option::is_none) {
            &positional[..]
        } else {
            hints
        };
        // East Asian names (surname first) decline only their last part: «Пан Ги Муна».
        let last_only = person
            && words.len() >= 2
            && super::EAST_ASIAN_SURNAMES.contains(&words[0].fold.as_str());
        let last_word = words.iter().rposition(|w| w.kind == TokenKind::Word);
        // Choose an analysis for every word and decide which words inflect.
        let mut chosen: Vec<Option<(Analysis, Parse)>> = Vec::with_capacity(words.len());
        // The index of each chosen reading among the word's readings.
        let mut chosen_at: Vec<usize> = vec![0; words.len()];
        let mut inflects = vec![false; words.len()];
        let mut head: Option<usize> = None;
        // Forms made by rule for a word the dictionary cannot decline as a name.
        let mut synthesized: Vec<Vec<(String, Parse)>> = vec![Vec::new(); words.len()];
        // Forms made by rule in addition to the dictionary's.
        let mut extra: Vec<Vec<(String, Parse)>> = vec![Vec::new(); words.len()];
        for (j, w) in words.iter().enumerate() {
            if w.kind != TokenKind::Word || w.shape == Shape::Upper {
                chosen.push(None);
                if !person && head.is_none() && j == 0 {
                    break;
                }
                continue;
            }
            let hint = hints.get(j).copied().flatten();
            let readings = self.readings(&w.norm);
            let pick = readings
                .iter()
                .enumerate()
                .filter(|(_, (_, p))| {
                    p.case == Some(Case::Nom) || (p.case.is_none() && p.indeclinable)
                })
                .max_by(|(_, x), (_, y)| {
                    let last = Some(j) == last_word;
                    let sx = score(&x.1, person, hint, gender, head.is_none(), last);
                    let sy = score(&y.1, person, hint, gender, head.is_none(), last);
                    sx.total_cmp(&sy)
                })
                .map(|(k, (a, p))| {
                    chosen_at[j] = k;
                    (a.clone(), p.clone())
                });
            let Some((a, p)) = pick else {
                chosen.push(None);
                if !person {
                    // «Росатом», which the guesser reads only as an instrumental («росат»),
                    // heads its name and declines as an inanimate masculine noun: «Росатома»,
                    // «Росатому», «Росатомом», «Росатоме».
                    if head.is_none()
                        && w.shape == Shape::Title
                        && let Some(forms_of) = masculine_consonant_forms(&w.fold, false)
                    {
                        synthesized[j] = forms_of;
                        inflects[j] = true;
                        head = Some(j);
                    }
                    break;
                }
                // «Джорджа», «Роберта»: a woman's given name that the dictionary reads only as
                // an oblique form of a man's («Джордж», «Роберт») declines like «Анна».
                if gender == Some(Gender::Fem)
                    && w.shape == Shape::Title
                    && hint.is_none_or(|h| h == NameType::Given)
                    && let Some(forms_of) = feminine_a_forms(&w.fold)
                {
                    synthesized[j] = forms_of;
                    inflects[j] = !last_only || Some(j) == last_word;
                }
                // «Хамад» (only a genitive plural to the dictionary) in a man's name declines
                // like a masculine noun: «Тамимом бин Хамадом».
                // («Дун Цзюнь» → «Дун Цзюнем»: of an East Asian name, the last part.)
                if gender != Some(Gender::Fem)
                    && w.shape == Shape::Title
                    && !from_arabic_article(words, j)
                    && (!last_only || Some(j) == last_word)
                    && let Some(forms_of) = masculine_consonant_forms(&w.fold, true)
                {
                    synthesized[j] = forms_of;
                    inflects[j] = true;
                }
                continue;
            };
            if person {
                let name_part =
                    matches!(p.pos, Pos::Noun | Pos::Propn | Pos::Adj) && w.shape == Shape::Title;
                // A surname in -и, -о, -у, -е, -э, -ю, -ы does not decline («с Джорджей
                // Мелони», «у Гутерриша» but «у Марио Монти»), whatever noun the dictionary
                // reads in it («мелони» as a plural).
                let surname = hint == Some(NameType::Surname)
                    || (hint.is_none() && Some(j) == last_word && words.len() > 1);
                // «Бадром Абдель Ати», «Абдель Фаттахом»: Arabic «Абдель/Абдул/Абу» before
                // another name part stays as written.
                let arabic = Some(j) != last_word
                    && matches!(w.fold.as_str(), "абдель" | "абдул" | "абдуль" | "абу");
                let fixed = arabic
                    || from_arabic_article(words, j)
                    || (surname && w.fold.ends_with(['и', 'о', 'у', 'е', 'э', 'ю', 'ы']));
                inflects[j] =
                    name_part && !p.indeclinable && !fixed && (!last_only || Some(j) == last_word);
                // «Дун Цзюнь»: the last part of an East Asian name that the dictionary only
                // guesses at and declines («цзюнь» like «тень») also declines as a man's name
                // on a consonant. (A part it leaves as written keeps every case: «с Цай
                // Инвэнь».)
                if last_only
                    && Some(j) == last_word
                    && p.guessed
                    && inflects[j]
                    && gender != Some(Gender::Fem)
                    && w.shape == Shape::Title
                    && let Some(forms_of) = masculine_consonant_forms(&w.fold, true)
                {
                    extra[j] = forms_of;
                }
            } else if head.is_none() {
                match p.pos {
                    Pos::Noun | Pos::Propn => {
                        head = Some(j);
                        inflects[j] = !p.indeclinable;
                    }
                    // «Соединённые Штаты», «Объединённые Арабские Эмираты»: a participle
                    // agrees like an adjective.
                    Pos::Adj | Pos::Det => inflects[j] = !p.indeclinable,
                    Pos::Verb if p.verb_form == Some(VerbForm::Part) && !p.short => {
                        inflects[j] = true
                    }
                    _ => {
                        chosen.push(Some((a, p)));
                        break;
                    }
                }
            }
            chosen.push(Some((a, p)));
            if !person && head.is_some() {
                // «Папа Римский», «Патриарх Московский»: an adjective right after the head
                // that agrees with it in the nominative declines with it («Папой Римским»).
                // (Words after the head otherwise stay as written: «Игры будущего».)
                let h = chosen[j].as_ref().map(|(_, p)| (p.gender, p.number));
                if let (Some((gender, number)), Some(next)) = (h, words.get(j + 1))
                    && next.kind == TokenKind::Word
                    && inflects[j]
                {
                    let readings = self.readings(&next.norm);
                    let agreeing = readings.iter().position(|(_, p)| {
                        p.pos == Pos::Adj
                            && p.case == Some(Case::Nom)
                            && !p.short
                            && p.number == number
                            && (number == Some(Number::Plur) || p.gender == gender)
                    });
                    // Only a word the dictionary reads mostly as an adjective («римский», not
                    // the rare surname).
                    let adjective: f32 = readings
                        .iter()
                        .filter(|(_, p)| p.pos == Pos::Adj)
                        .map(|(_, p)| p.prob)
                        .sum();
                    if let Some(k) = agreeing
                        && adjective >= 0.5
                    {
                        let (a, p) = readings[k].clone();
                        chosen_at[j + 1] = k;
                        inflects[j + 1] = true;
                        chosen.push(Some((a, p)));
                    }
                }
                break;
            }
        }
        if !person && head.is_none() {
            // No head noun: «Большая двадцатка» is found, «G20» or «2+2» is not inflected.
            inflects.iter_mut().for_each(|x| *x = false);
        }
        let (number, head_gender) = if person {
            (Number::Sing, gender)
        } else {
            head.and_then(|h| chosen.get(h).and_then(|c| c.as_ref()))
                .map(|(_, p)| (p.number.unwrap_or(Number::Sing), p.gender))
                .unwrap_or((Number::Sing, None))
        };

        // All forms of each inflecting word, computed once.
        let mut forms: Vec<Vec<(String, Parse)>> = vec![Vec::new(); words.len()];
        for (j, c) in chosen.iter().enumerate() {
            if !inflects[j] {
                continue;
            }
            if !synthesized[j].is_empty() {
                forms[j] = std::mem::take(&mut synthesized[j]);
                continue;
            }
            let (a, _) = c.as_ref().expect("inflecting words have an analysis");
            // The rule's forms first: only two variants per case are kept below.
            forms[j] = std::mem::take(&mut extra[j]);
            forms[j].extend_from_slice(&self.paradigm(&words[j].norm, chosen_at[j], a));
            // «Мирзиёевым», «Токаевым»: a surname in -ов/-ев/-ин takes -ым in the instrumental.
            // The dictionary declines some of them as nouns («Мирзиёевом», right for «Дарвином»),
            // so the surname ending is added beside the noun one.
            // (Right after the noun form: only two variants per case are kept below.)
            if person {
                let mut k = 0;
                while k < forms[j].len() {
                    let (w, p) = &forms[j][k];
                    let singular_ins = p.case == Some(Case::Ins) && p.number != Some(Number::Plur);
                    let ends = |es: &[&str]| es.iter().any(|e| w.ends_with(e));
                    let variant = if !singular_ins {
                        None
                    } else if last_only && ends(&["ыным", "иным"]) {
                        // «Ким Чен Ыном», «Пак Чон Ином»: an East Asian syllable in -ын/-ин
                        // declines as a noun, whatever surname paradigm the guesser gave it.
                        Some(format!("{}ом", &w[..w.len() - "ым".len()]))
                    } else if ends(&["овом", "евом", "ином", "ыном"]) {
                        Some(format!("{}ым", &w[..w.len() - "ом".len()]))
                    } else {
                        None
                    };
                    if let Some(v) = variant
                        && !forms[j].iter().any(|(x, _)| *x == v)
                    {
                        let p = p.clone();
                        forms[j].insert(k + 1, (v, p));
                    }
                    k += 1;
                }
            }
        }

        let mut keys: HashMap<String, CaseSet> = HashMap::new();
        let mut single = CaseSet::empty();
        single.insert(Case::Nom);
        keys.insert(as_written, single);
        for case in Case::MAIN {
            let mut combos: Vec<Vec<&str>> = vec![Vec::new()];
            let mut possible = true;
            for (j, w) in words.iter().enumerate() {
                let variants: Vec<&str> = if inflects[j] {
                    let base = chosen[j].as_ref().map(|c| &c.1);
                    let participle = base.is_some_and(|b| b.verb_form == Some(VerbForm::Part));
                    let mut v: Vec<&str> = forms[j]
                        .iter()
                        .filter(|(_, p)| {
                            p.case == Some(case)
                                && p.number.is_none_or(|n| n == number)
                                && (number == Number::Plur
                                    || head_gender.is_none()
                                    || !(p.pos == Pos::Adj || participle)
                                    || p.gender.is_none_or(|g| Some(g) == head_gender))
                                // «Соединённое Королевство»: the participle keeps its tense and voice.
                                && (!participle
                                    || base.is_some_and(|b| {
                                        p.verb_form == Some(VerbForm::Part)
                                            && p.tense == b.tense
                                            && p.passive == b.passive
                                    }))
                        })
                        .map(|(s, _)| s.as_str())
                        .collect();
                    // Every form once, in paradigm order (a paradigm repeats forms).
                    let mut seen = Vec::with_capacity(v.len());
                    v.retain(|x| {
                        let new = !seen.contains(x);
                        seen.push(*x);
                        new
                    });
                    v.truncate(2);
                    v
                } else {
                    vec![w.fold.as_str()]
                };
                if variants.is_empty() {
                    possible = false;
                    break;
                }
                let mut next = Vec::with_capacity(combos.len() * variants.len());
                for combo in &combos {
                    for v in &variants {
                        let mut c = combo.clone();
                        c.push(*v);
                        next.push(c);
                    }
                }
                next.truncate(4);
                combos = next;
            }
            if !possible {
                continue;
            }
            for combo in combos {
                let key = join(combo.into_iter());
                keys.entry(key).or_insert(CaseSet::empty()).insert(case);
            }
        }
        // A man's name is animate: its accusative is its genitive, even where the dictionary
        // reads the surname as an inanimate noun («принял Макрона», not «принял Макрон»).
        // (With no gender on record, a surname ending in a consonant is a man's.)
        let masculine = gender == Some(Gender::Masc)
            || (gender.is_none()
                && words
                    .iter()
                    .rev()
                    .find(|w| w.kind == TokenKind::Word)
                    .and_then(|w| w.fold.chars().last())
                    .is_some_and(|c| !"аеёиоуыэюяй".contains(c)));
        if person && masculine {
            for set in keys.values_mut() {
                if set.contains(Case::Gen) {
                    set.insert(Case::Acc);
                }
            }
        }
        out.extend(keys);
        out.sort();
    }

    /// Where names of other entities may nest inside this alias: after its head phrase
    /// («МИД | России», «Министерство иностранных дел | России»), never inside «Единая Россия»
    /// (the country word is part of the head phrase) and never inside a person's name.
    fn nesting_start(&mut self, words: &[AliasWord], person: bool) -> Option<u8> {
        if person {
            return None;
        }
        for (j, w) in words.iter().enumerate() {
            if w.kind != TokenKind::Word {
                return Some(j as u8 + 1);
            }
            if w.shape == Shape::Upper {
                return Some(j as u8 + 1);
            }
            let info = self.word_info(&w.norm);
            let nominative =
                |p: &Parse| p.case == Some(Case::Nom) || (p.case.is_none() && p.indeclinable);
            if info
                .parses
                .iter()
                .any(|p| matches!(p.pos, Pos::Noun | Pos::Propn) && nominative(p))
            {
                // «Республика Сербская»: an adjective after the head still belongs to it.
                let mut end = j + 1;
                while end < words.len()
                    && self
                        .word_info(&words[end].norm)
                        .parses
                        .iter()
                        .any(|p| p.pos == Pos::Adj && nominative(p))
                {
                    end += 1;
                }
                return Some(end as u8);
            }
            if !info.parses.iter().any(|p| {
                (matches!(p.pos, Pos::Adj | Pos::Det)
                    || (p.pos == Pos::Verb && p.verb_form == Some(VerbForm::Part)))
                    && nominative(p)
            }) {
                return Some(j as u8 + 1);
            }
        }
        Some(words.len() as u8)
    }

    /// Every full form of a derived adjective («российский» → «российской», «российских» …).
    fn expand_adjective(&mut self, words: &[AliasWord], out: &mut Vec<(String, CaseSet)>) {
        let [w] = words else {
            return;
        };
        let dict = self.morph.dict();
        let analyses = dict.analyze(&w.norm);
        let Some(a) = analyses
            .iter()
            .find(|a| self.morph.parse_of(a).pos == Pos::Adj)
        else {
            return;
        };
        let mut keys: HashMap<String, CaseSet> = HashMap::new();
        for f in dict.forms(a) {
            let p = self.morph.parse_of(&f);
            if p.short || p.comparative || p.pos != Pos::Adj {
                continue;
            }
            let key = self.fold(&f.word);
            let set = keys.entry(key).or_insert(CaseSet::empty());
            if let Some(c) = p.case {
                set.insert(c);
            }
        }
        // The combining form of compounds, which the tokenizer splits off: «российско» of
        // «российско-американский», «южнокорейско» of «южнокорейско-японский».
        let lemma = self.fold(&w.norm);
        if let Some(stem) = lemma
            .strip_suffix("ий")
            .or_else(|| lemma.strip_suffix("ый"))
        {
            keys.entry(format!("{stem}о")).or_insert(CaseSet::ANY);
        }
        // Combining forms that are not the adjective's stem. «индо» is too short for the
        // tokenizer to split off; «англо» («англо-американский») is English, not British, and
        // names no state here.
        const IRREGULAR: [(&str, &str); 7] = [
            ("американский", "американо"),
            ("французский", "франко"),
            ("германский", "германо"),
            ("немецкий", "германо"),
            ("итальянский", "итало"),
            ("греческий", "греко"),
            ("испанский", "испано"),
        ];
        for (adjective, form) in IRREGULAR {
            if lemma == adjective {
                keys.entry(form.to_string()).or_insert(CaseSet::ANY);
            }
        }
        out.extend(keys);
        out.sort();
    }
}

/// Preference among the nominative analyses of an alias word.
fn score(
    p: &Parse,
    person: bool,
    hint: Option<NameType>,
    gender: Option<Gender>,
    before_head: bool,
    last: bool,
) -> f32 {
    let mut s = p.prob;
    if p.indeclinable {
        // A declinable reading, when there is one, generates the forms news actually uses.
        s -= 0.5;
    }
    if person {
        if p.name.is_some() && p.name == hint {
            s += 4.0;
        } else if matches!(
            p.name,
            Some(NameType::Given | NameType::Surname | NameType::Patronymic)
        ) {
            s += 2.0;
        }
        if gender.is_some() && p.gender == gender {
            s += 3.0;
        }
        if p.number == Some(Number::Sing) {
            s += 1.0;
        }
    } else {
        match p.pos {
            Pos::Propn => s += 2.0,
            Pos::Noun => s += 1.5,
            // «Московская область», «Приморский край»: before another word an adjective
            // reading beats a surname or place reading of the same word.
            Pos::Adj if before_head && !last => s += 3.0,
            Pos::Adj if before_head => s += 1.0,
            Pos::Verb if before_head && p.verb_form == Some(VerbForm::Part) => s += 0.5,
            _ => {}
        }
    }
    s
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(p);
    }
    s
}

fn word_case(w: &AliasWord, adjective: bool) -> WordCase {
    if adjective || w.kind != TokenKind::Word {
        return WordCase::Any;
    }
    match w.shape {
        Shape::Upper => WordCase::Upper(w.norm.chars().count() as u8),
        Shape::Title if crate::text::chars::second_is_upper(&w.norm) => WordCase::Mixed,
        Shape::Title => WordCase::Title,
        _ => WordCase::Any,
    }
}

/// One alias to expand for a row, with what it is.
struct AliasJob {
    text: String,
    flags: AliasFlags,
    part: NamePart,
    /// Name type of each word, for person names built from their parts.
    hints: Vec<Option<NameType>>,
}

/// The aliases of a row: its name, its listed aliases, and for people the variants derived
/// from the name parts.
fn alias_jobs(row: &EntityRow, morph: &Morph, leader: bool, derive: bool) -> Vec<AliasJob> {
    let mut jobs = Vec::new();
    let mut push =
        |text: String, flags: AliasFlags, part: NamePart, hints: Vec<Option<NameType>>| {
            if !text.is_empty()
                && !jobs
                    .iter()
                    .any(|j: &AliasJob| j.text == text && j.flags == flags)
            {
                jobs.push(AliasJob {
                    text,
                    flags,
                    part,
                    hints,
                });
            }
        };
    let a = &row.attrs;
    let hints_for = |text: &str| -> Vec<Option<NameType>> {
        text.split_whitespace()
            .map(|w| {
                if a.given.as_deref() == Some(w) {
                    Some(NameType::Given)
                } else if a.patronymic.as_deref() == Some(w) {
                    Some(NameType::Patronymic)
                } else if a.surname.as_deref() == Some(w) {
                    Some(NameType::Surname)
                } else {
                    None
                }
            })
            .collect()
    };
    let full = if row.kind == EntityKind::Person {
        NamePart::Full
    } else {
        NamePart::Other
    };
    // A name listed again as a `?` alias is itself a common word: it needs evidence too.
    let name_flags = AliasFlags {
        ambiguous: row
            .aliases
            .iter()
            .any(|a| a.text == row.name && a.flags.ambiguous),
        ..AliasFlags::default()
    };
    push(row.name.clone(), name_flags, full, hints_for(&row.name));
    for AliasSpec { text, flags } in &row.aliases {
        // The surname listed as an alias of its own («Асад» for «Башар Асад») is the
        // surname-alone alias, kept even where the dictionary also reads a given name in it
        // (see `given_like` below).
        if row.kind == EntityKind::Person && row.attrs.surname.as_deref() == Some(text.as_str()) {
            push(
                text.clone(),
                *flags,
                NamePart::Surname,
                vec![Some(NameType::Surname)],
            );
            continue;
        }
        push(text.clone(), *flags, full, hints_for(text));
    }
    if row.kind == EntityKind::Person {
        // A public figure's row without name parts (taken from NEREL) whose name is a Russian
        // given name, patronymic and surname («Дмитрий Сергеевич Песков») has its parts read
        // off the name, when `derive` allows (see `derivable`): the patronymic's ending
        // leaves no doubt which word is which.
        let derived = if derive {
            patronymic_name(&row.name)
        } else {
            None
        };
        let (g, p, s) = match derived {
            Some((g, p, s)) => (Some(g), Some(p), Some(s)),
            None => (
                a.given.as_deref(),
                a.patronymic.as_deref(),
                a.surname.as_deref(),
            ),
        };
        let surname_first = match (s, g) {
            (Some(s), Some(_)) => row.name.starts_with(s),
            _ => false,
        };
        let plain = AliasFlags::default();
        // A surname that is also a given name («Элтон Джон», «Эхуд Барак») is not an alias on
        // its own: alone in a text it is almost always someone's first name. Only names the
        // dictionary knows count: for a word it does not know («Видодо», «Мушарраф») the
        // guesser offers a given name as readily as a surname.
        let given_like = |s: &str| {
            morph
                .analyze(s)
                .prob(|p| p.name == Some(NameType::Given) && !p.guessed)
                >= 0.3
        };
        // Heads of state and government with a surname in -ов/-ев are the exception
        // («Ниязов», «Каримов», «Азаров», which the dictionary also lists as given names; not
        // -ин, which «Мартин», «Валентин» end in too):
        // news name them by the surname alone, and the office holder wins over a namesake.
        let leader_surname = |s: &str| {
            leader
                && !surname_first
                && ["ов", "ев", "ёв", "ова", "ева"]
                    .iter()
                    .any(|e| s.ends_with(e))
        };
        // A surname read off the name that is also a common word in the nominative
        // («Татарский», «Мушка») is no alias on its own: capitalised at a sentence start or in
        // a name («Татарский театр») it would be taken for the person.
        let common_word = |s: &str| {
            morph.analyze(s).prob(|p| {
                p.name.is_none()
                    && !p.guessed
                    && p.case == Some(Case::Nom)
                    && matches!(p.pos, Pos::Noun | Pos::Adj)
            }) >= 0.5
        };
        if let Some(s) = s.filter(|s| {
            (leader_surname(s) || !given_like(s)) && !(derived.is_some() && common_word(s))
        }) {
            push(
                s.to_string(),
                plain,
                NamePart::Surname,
                vec![Some(NameType::Surname)],
            );
        }
        if let (Some(g), Some(s)) = (g, s) {
            if surname_first {
                push(
                    format!("{s} {g}"),
                    plain,
                    NamePart::Full,
                    vec![Some(NameType::Surname), Some(NameType::Given)],
                );
            } else {
                push(
                    format!("{g} {s}"),
                    plain,
                    NamePart::Full,
                    vec![Some(NameType::Given), Some(NameType::Surname)],
                );
            }
        }
        if let (Some(g), Some(p)) = (g, p) {
            push(
                format!("{g} {p}"),
                plain,
                NamePart::GivenPatronymic,
                vec![Some(NameType::Given), Some(NameType::Patronymic)],
            );
            if let Some(s) = s {
                push(
                    format!("{g} {p} {s}"),
                    plain,
                    NamePart::Full,
                    vec![
                        Some(NameType::Given),
                        Some(NameType::Patronymic),
                        Some(NameType::Surname),
                    ],
                );
            }
        }
    }
    jobs
}

/// The most frequent Russian surnames (folded): alone in a text they name nobody in
/// particular, however few people of the name the gazetteer lists.
const COMMON_SURNAMES: &[&str] = &[
    "смирнов",
    "иванов",
    "кузнецов",
    "попов",
    "васильев",
    "петров",
    "соколов",
    "михайлов",
    "новиков",
    "федоров",
    "морозов",
    "волков",
    "алексеев",
    "лебедев",
    "семенов",
    "егоров",
    "павлов",
    "козлов",
    "степанов",
    "николаев",
    "орлов",
    "андреев",
    "макаров",
    "никитин",
    "захаров",
    "зайцев",
    "соловьев",
    "борисов",
    "яковлев",
    "григорьев",
    "романов",
    "воробьев",
];

/// The person rows whose name parts are read off their name ([`patronymic_name`]), the
/// policy the gazetteer build applies to NEREL's people with one piece of evidence less (that
/// NEREL names them by the surname alone): rows with no parts, of a public figure (the row
/// gives a country), whose surname no other person shares and no place is named.
fn derivable(rows: &[EntityRow]) -> std::collections::HashSet<&crate::model::EntityId> {
    let mut surnames: HashMap<String, u32> = HashMap::new();
    let mut places = std::collections::HashSet::new();
    for row in rows {
        match row.kind {
            EntityKind::Person => {
                let surname = row
                    .attrs
                    .surname
                    .as_deref()
                    .or_else(|| patronymic_name(&row.name).map(|(_, _, s)| s));
                if let Some(s) = surname {
                    *surnames.entry(crate::text::fold_key(s)).or_default() += 1;
                }
            }
            EntityKind::Country | EntityKind::City | EntityKind::Region => {
                places.insert(crate::text::fold_key(&row.name));
                for alias in &row.aliases {
                    places.insert(crate::text::fold_key(&alias.text));
                }
            }
            _ => {}
        }
    }
    rows.iter()
        .filter(|row| {
            row.kind == EntityKind::Person
                && row.attrs.surname.is_none()
                && row.attrs.given.is_none()
                && row.attrs.country.is_some()
                && patronymic_name(&row.name).is_some_and(|(_, _, s)| {
                    let s = crate::text::fold_key(s);
                    surnames.get(&s) == Some(&1)
                        && !places.contains(&s)
                        && !COMMON_SURNAMES.contains(&s.as_str())
                })
        })
        .map(|row| &row.id)
        .collect()
}

/// The given name, patronymic and surname of a name of three words whose middle one is a
/// Russian patronymic (in -вич, -вна, -ична, -инична): «Дмитрий Сергеевич Песков».
fn patronymic_name(name: &str) -> Option<(&str, &str, &str)> {
    let mut words = name.split(' ');
    let (g, p, s) = (words.next()?, words.next()?, words.next()?);
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    (words.next().is_none()
        && [g, p, s].iter().all(|w| capitalised(w))
        && ["вич", "вна", "ична"].iter().any(|e| p.ends_with(e)))
    .then_some((g, p, s))
}

/// Expanded aliases of one row.
struct RowForms {
    aliases: Vec<AliasData>,
    /// `(key, index into aliases, cases)`.
    keys: Vec<(String, u32, CaseSet)>,
}

fn expand_row(ex: &mut Expander<'_>, row: &EntityRow, leader: bool, derive: bool) -> RowForms {
    let gender = match row.attrs.gender {
        Some(PersonGender::Male) => Some(Gender::Masc),
        Some(PersonGender::Female) => Some(Gender::Fem),
        None if row.kind == EntityKind::Person => row.attrs.given.as_deref().and_then(|g| {
            let info = ex.word_info(g);
            info.parses
                .iter()
                .find(|p| p.name == Some(NameType::Given))
                .and_then(|p| p.gender)
        }),
        None => None,
    };
    let mut out = RowForms {
        aliases: Vec::new(),
        keys: Vec::new(),
    };
    let mut forms = Vec::new();
    for job in alias_jobs(row, ex.morph, leader, derive) {
        let words = ex.words(&job.text);
        if words.is_empty() {
            continue;
        }
        let mode = if job.flags.exact {
            Mode::Exact
        } else if job.flags.adjective {
            Mode::Adjective
        } else {
            Mode::Inflect
        };
        ex.expand(
            &words,
            mode,
            row.kind == EntityKind::Person,
            gender,
            &job.hints,
            &mut forms,
        );
        let alias = out.aliases.len() as u32;
        out.aliases.push(AliasData {
            words: words
                .iter()
                .map(|w| word_case(w, job.flags.adjective))
                .collect(),
            flags: job.flags,
            part: job.part,
            nest_from: ex.nesting_start(&words, row.kind == EntityKind::Person),
        });
        for (key, cases) in forms.drain(..) {
            out.keys.push((key, alias, cases));
        }
    }
    out
}

/// Builds the gazetteer from checked rows. Alias expansion runs in parallel on the current
/// rayon pool; the result does not depend on the number of threads.
pub fn compile(src: &SourceSet, morph: &Morph) -> Gazetteer {
    let index: HashMap<&crate::model::EntityId, u32> = src
        .entities
        .iter()
        .enumerate()
        .map(|(i, r)| (&r.id, i as u32))
        .collect();
    let lookup =
        |id: &Option<crate::model::EntityId>| id.as_ref().and_then(|id| index.get(id).copied());

    let entities: Vec<EntityData> = src
        .entities
        .iter()
        .map(|r| {
            let initial = |s: &Option<String>| s.as_deref().and_then(|s| s.chars().next());
            EntityData {
                id: r.id.clone(),
                kind: r.kind,
                name: r.name.as_str().into(),
                country: lookup(&r.attrs.country),
                capital: lookup(&r.attrs.capital),
                place: lookup(&r.attrs.place),
                date: r.attrs.date,
                female: r.attrs.gender == Some(PersonGender::Female),
                initials: (initial(&r.attrs.given), initial(&r.attrs.patronymic)),
                surname: r.attrs.surname.as_deref().map(Into::into),
                given: r
                    .attrs
                    .given
                    .as_deref()
                    .map(|g| crate::text::fold_key(g).into()),
            }
        })
        .collect();

    // People who headed a state or a government.
    let leaders: std::collections::HashSet<&crate::model::EntityId> = src
        .offices
        .iter()
        .filter(|o| matches!(o.role, Role::HeadOfState | Role::HeadOfGovernment))
        .map(|o| &o.person)
        .collect();
    let derive = derivable(&src.entities);
    let rows: Vec<RowForms> = src
        .entities
        .par_iter()
        .map_init(
            || Expander::new(morph),
            |ex, row| expand_row(ex, row, leaders.contains(&row.id), derive.contains(&row.id)),
        )
        .collect();

    let mut names = LexiconBuilder::default();
    let mut aliases = Vec::new();
    for (entity, forms) in rows.into_iter().enumerate() {
        let base = aliases.len() as u32;
        aliases.extend(forms.aliases);
        for (key, alias, cases) in forms.keys {
            names.add(
                &key,
                NamePosting {
                    entity: entity as u32,
                    alias: base + alias,
                    cases,
                },
            );
        }
    }

    let mut titles = LexiconBuilder::default();
    let mut title_rows = Vec::new();
    let mut ex = Expander::new(morph);
    let mut forms = Vec::new();
    for row in &src.titles {
        let words = ex.words(&row.title);
        if words.is_empty() {
            continue;
        }
        let idx = title_rows.len() as u32;
        title_rows.push(TitleData {
            title: row.title.as_str().into(),
            role: row.role,
            country: lookup(&row.country),
            words: words.len() as u8,
        });
        ex.expand(&words, Mode::Inflect, false, None, &[], &mut forms);
        for (key, cases) in forms.drain(..) {
            titles.add(&key, TitlePosting { title: idx, cases });
        }
    }

    let mut offices = OfficeIndex::default();
    for row in &src.offices {
        if let (Some(&person), Some(&country)) = (index.get(&row.person), index.get(&row.country)) {
            offices.add(country, row.role, row.start, row.end, person);
        }
    }
    offices.finish();

    let by_id = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i as u32))
        .collect();
    let names = names.build();
    // Most names need a capital on their first word, and most words of running text are in
    // lower case: per name group, and per state after a key's first word (for every key
    // that starts with it), whether a capital is needed.
    let mut capitalised = vec![0u64; names.len().div_ceil(64)];
    for g in 0..names.len() as u32 {
        let all_titled = names.postings(g).iter().all(|p| {
            matches!(
                aliases[p.alias as usize].words.first(),
                Some(WordCase::Title | WordCase::Mixed)
            )
        });
        if all_titled {
            super::set_bit(&mut capitalised, g);
        }
    }
    let mut open_first = vec![0u64; names.states().div_ceil(64)];
    for (g, state) in names.first_states() {
        if !super::bit(&capitalised, g) {
            super::set_bit(&mut open_first, state);
        }
    }
    Gazetteer {
        entities,
        by_id,
        names,
        capitalised,
        open_first,
        aliases,
        titles: titles.build(),
        title_rows,
        offices,
        morph: morph.identity(),
        serial: super::next_serial(),
    }
}

/// True when word `j` of a name is the Arabic article «аль/эль/ас/ад/аш» or comes after it:
/// «Тамимом бин Хамадом Аль Тани» — the article and the family name after it stay as written.
fn from_arabic_article(words: &[AliasWord], j: usize) -> bool {
    words[..=j]
        .iter()
        .any(|x| matches!(x.fold.as_str(), "аль" | "эль" | "ас" | "ад" | "аш"))
}

/// The singular case forms of a man's name on a hard consonant that the dictionary does not
/// know as a name («хамад» → «хамада», «хамаду», «хамадом», «хамаде»); with `animate` false,
/// of a masculine noun the dictionary does not know in the nominative, whose accusative is
/// its nominative («росатом» → «росатома», but «возглавил Росатом»).
fn masculine_consonant_forms(fold: &str, animate: bool) -> Option<Vec<(String, Parse)>> {
    // «Цзюнь» → «Цзюнем»: a soft consonant declines like «конь».
    let (stem, soft) = match fold.strip_suffix('ь') {
        Some(stem) => (stem, true),
        None => (fold, false),
    };
    let last = stem.chars().last()?;
    if stem.chars().count() < 3
        || !last.is_alphabetic()
        || "аеёиоуыэюяйь".contains(last)
        || !stem.chars().all(|c| c.is_alphabetic())
    {
        return None;
    }
    let sibilant_or_ts = "жшщчц".contains(last);
    let endings: [(Case, &str); 6] = if soft {
        [
            (Case::Nom, "ь"),
            (Case::Gen, "я"),
            (Case::Dat, "ю"),
            (Case::Acc, if animate { "я" } else { "ь" }),
            (Case::Ins, "ем"),
            (Case::Loc, "е"),
        ]
    } else {
        [
            (Case::Nom, ""),
            (Case::Gen, "а"),
            (Case::Dat, "у"),
            (Case::Acc, if animate { "а" } else { "" }),
            (Case::Ins, if sibilant_or_ts { "ем" } else { "ом" }),
            (Case::Loc, "е"),
        ]
    };
    Some(
        endings
            .into_iter()
            .map(|(case, end)| {
                (
                    format!("{stem}{end}"),
                    Parse {
                        lemma: fold.into(),
                        case: Some(case),
                        number: Some(Number::Sing),
                        gender: Some(Gender::Masc),
                        name: animate.then_some(NameType::Given),
                        animate,
                        prob: 1.0,
                        guessed: true,
                        ..Parse::bare(Pos::Propn)
                    },
                )
            })
            .collect(),
    )
}

/// The singular forms of a feminine given name in -а or -я of the first declension, by rule
/// (folded, with their cases), for names the dictionary does not know in the nominative:
/// «джорджа» → «джорджи», «джордже», «джорджу», «джорджей», «джордже». `None` for other
/// endings.
fn feminine_a_forms(fold: &str) -> Option<Vec<(String, Parse)>> {
    let (stem, soft) = if let Some(stem) = fold.strip_suffix('а') {
        (stem, false)
    } else {
        (fold.strip_suffix('я')?, true)
    };
    let last = stem.chars().last()?;
    if !last.is_alphabetic() || stem.chars().count() < 2 {
        return None;
    }
    let velar_or_sibilant = "гкхжшщч".contains(last);
    let sibilant_or_ts = "жшщчц".contains(last);
    // -ия («Клаудия»): -ии in the genitive, dative and locative.
    let ia = soft && last == 'и';
    let endings: [(Case, &[&str]); 6] = [
        (Case::Nom, if soft { &["я"] } else { &["а"] }),
        (
            Case::Gen,
            if soft || velar_or_sibilant {
                &["и"]
            } else {
                &["ы"]
            },
        ),
        (Case::Dat, if ia { &["и"] } else { &["е"] }),
        (Case::Acc, if soft { &["ю"] } else { &["у"] }),
        (
            Case::Ins,
            // After a sibilant or «ц» the unstressed ending is -ей, the stressed one -ой.
            if soft {
                &["ей"]
            } else if sibilant_or_ts {
                &["ей", "ой"]
            } else {
                &["ой"]
            },
        ),
        (Case::Loc, if ia { &["и"] } else { &["е"] }),
    ];
    let mut out = Vec::new();
    for (case, ends) in endings {
        for end in ends {
            out.push((
                format!("{stem}{end}"),
                Parse {
                    lemma: fold.into(),
                    case: Some(case),
                    number: Some(Number::Sing),
                    gender: Some(Gender::Fem),
                    name: Some(NameType::Given),
                    animate: true,
                    prob: 1.0,
                    guessed: true,
                    ..Parse::bare(Pos::Propn)
                },
            ));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(alias: &str, person: bool, gender: Option<Gender>) -> Vec<String> {
        let morph = Morph::bundled().unwrap();
        let mut ex = Expander::new(&morph);
        let words = ex.words(alias);
        let mut out = Vec::new();
        ex.expand(&words, Mode::Inflect, person, gender, &[], &mut out);
        out.into_iter().map(|(k, _)| k).collect()
    }

    fn has(all: &[String], want: &[&str]) {
        for w in want {
            assert!(all.iter().any(|k| k == w), "{w:?} missing from {all:?}");
        }
    }

    #[test]
    fn an_arabic_family_name_after_the_article_does_not_decline() {
        let all = forms("Тамим бин Хамад Аль Тани", true, Some(Gender::Masc));
        has(
            &all,
            &["тамимом бин хамадом аль тани", "тамима бин хамада аль тани"],
        );
    }

    #[test]
    fn a_name_the_dictionary_reads_only_as_an_oblique_form_declines_as_a_noun() {
        // «Росатом» is an instrumental («росат») to the guesser: the name declines by rule,
        // and as a thing its accusative is its nominative.
        let all = forms("Росатом", false, None);
        has(
            &all,
            &["росатом", "росатома", "росатому", "росатомом", "росатоме"],
        );
        // A name the dictionary knows in the nominative keeps the dictionary's forms.
        has(&forms("Ростех", false, None), &["ростеха", "ростехом"]);
    }

    #[test]
    fn a_patronymic_tells_the_parts_of_a_russian_name() {
        assert_eq!(
            patronymic_name("Дмитрий Сергеевич Песков"),
            Some(("Дмитрий", "Сергеевич", "Песков"))
        );
        assert_eq!(
            patronymic_name("Галина Борисовна Волчек"),
            Some(("Галина", "Борисовна", "Волчек"))
        );
        assert_eq!(patronymic_name("Абдель Маджид Каабар"), None);
        assert_eq!(patronymic_name("Дмитрий Песков"), None);
    }

    #[test]
    fn an_adjective_after_the_head_that_agrees_with_it_declines_with_it() {
        has(
            &forms("Папа Римский", false, None),
            &["папой римским", "папы римского", "папе римском"],
        );
        has(
            &forms("Республика Сербская", false, None),
            &["республики сербской", "республикой сербской"],
        );
        // A noun after the head stays as written.
        has(&forms("Игры будущего", false, None), &["играх будущего"]);
    }

    #[test]
    fn quotes_around_a_whole_name_go_and_quotes_inside_one_stay() {
        assert_eq!(forms("«Росатом»", false, None)[0], "росатом");
        let all = forms("Госкорпорация «Росатом»", false, None);
        has(
            &all,
            &["госкорпорация \" росатом \"", "госкорпорации \" росатом \""],
        );
        // An unbalanced quote at an end is dropped.
        has(&forms("Игры будущего»", false, None), &["игр будущего"]);
    }

    #[test]
    fn an_east_asian_syllable_in_yn_declines_as_a_noun() {
        let all = forms("Ким Чен Ын", true, Some(Gender::Masc));
        has(&all, &["ким чен ыном", "ким чен ына", "ким чен ыну"]);
    }

    #[test]
    fn an_arabic_abdel_before_another_name_part_does_not_decline() {
        // given=Бадр, surname=Абдель Ати (as the row's name parts give them).
        let morph = Morph::bundled().unwrap();
        let mut ex = Expander::new(&morph);
        let words = ex.words("Бадр Абдель Ати");
        let hints = [
            Some(NameType::Given),
            Some(NameType::Surname),
            Some(NameType::Surname),
        ];
        let mut out = Vec::new();
        ex.expand(
            &words,
            Mode::Inflect,
            true,
            Some(Gender::Masc),
            &hints,
            &mut out,
        );
        let all: Vec<String> = out.into_iter().map(|(k, _)| k).collect();
        has(&all, &["бадром абдель ати", "бадра абдель ати"]);
        assert!(!all.iter().any(|k| k.contains("абделем")), "{all:?}");
    }

    #[test]
    fn a_womans_name_the_dictionary_reads_as_a_mans_declines_and_a_surname_in_i_does_not() {
        // «Джорджа» is only the genitive of «Джордж» to the dictionary; «мелони» a plural.
        let all = forms("Джорджа Мелони", true, Some(Gender::Fem));
        has(
            &all,
            &[
                "джорджа мелони",
                "джорджи мелони",
                "джордже мелони",
                "джорджу мелони",
                "джорджей мелони",
            ],
        );
        assert!(!all.iter().any(|k| k.ends_with("мелонью")), "{all:?}");
        has(
            &forms("Марио Драги", true, Some(Gender::Masc)),
            &["марио драги"],
        );
        let forms = feminine_a_forms("клаудия").unwrap();
        let of = |case: Case| -> Vec<&str> {
            forms
                .iter()
                .filter(|(_, p)| p.case == Some(case))
                .map(|(f, _)| f.as_str())
                .collect()
        };
        assert_eq!(of(Case::Gen), ["клаудии"]);
        assert_eq!(of(Case::Acc), ["клаудию"]);
        assert_eq!(of(Case::Ins), ["клаудией"]);
        assert!(feminine_a_forms("роберт").is_none());
    }

    #[test]
    fn inflects_names_of_every_shape() {
        has(
            &forms("Путин", true, Some(Gender::Masc)),
            &["путин", "путина", "путину", "путиным", "путине"],
        );
        has(
            &forms("Касым-Жомарт Токаев", true, None),
            &["касым-жомарта токаева", "касым-жомартом токаевым"],
        );
        has(
            &forms("Лукашенко", true, Some(Gender::Masc)),
            &["лукашенко"],
        );
        has(
            &forms("Казань", false, None),
            &["казань", "казани", "казанью"],
        );
        has(
            &forms("Южная Корея", false, None),
            &["южной кореи", "южную корею", "южной корее"],
        );
        has(
            &forms("«Игры будущего»", false, None),
            &["игры будущего", "игр будущего", "играх будущего"],
        );
        has(
            &forms("Республика Казахстан", false, None),
            &["республики казахстан", "республике казахстан"],
        );
        has(
            &forms("Российская Федерация", false, None),
            &["российской федерации", "российскую федерацию"],
        );
        has(
            &forms("Московская область", false, None),
            &["московской области", "московскую область"],
        );
        has(
            &forms("Соединённое Королевство", false, None),
            &["соединенного королевства", "соединенном королевстве"],
        );
        has(
            &forms("Соединённые Штаты", false, None),
            &[
                "соединенных штатов",
                "соединенным штатам",
                "соединенных штатах",
            ],
        );
        let f = forms("Хиллари Клинтон", true, Some(Gender::Fem));
        assert!(!f.iter().any(|k| k.ends_with("клинтона")), "{f:?}");
    }

    #[test]
    fn adjectives_expand_to_all_forms() {
        let morph = Morph::bundled().unwrap();
        let mut ex = Expander::new(&morph);
        let words = ex.words("российский");
        let mut out = Vec::new();
        ex.expand(&words, Mode::Adjective, false, None, &[], &mut out);
        let keys: Vec<String> = out.into_iter().map(|(k, _)| k).collect();
        has(
            &keys,
            &[
                "российский",
                "российская",
                "российских",
                "российскому",
                "российскую",
            ],
        );
    }
}
