//! The record as one JSON line, written by hand: the same bytes as `serde_json::to_writer`,
//! in a third of its instructions.
//!
//! Why not serde alone: encoding was a tenth of a worker's instructions in the steady state
//! (callgrind, 2 MB corpus), most of it in serde_json's byte-by-byte scan of every string for
//! characters to escape, keys included. Here keys are literals, numbers go through `itoa`,
//! and a string is checked for such characters in wide chunks the compiler vectorises; the
//! rare string that has one, and the small and rare parts of a record (events, triples,
//! `meta`, warnings, errors), still go through serde_json, so escaping and number formatting
//! have one definition. The tests hold the output equal to serde_json's, byte for byte.

use std::collections::BTreeMap;

use crate::model::{DateMention, DateValue, EntityId, EntityInfo, Mention, Record};

/// Appends `record` as JSON (no newline) to `out`.
pub fn write_record(out: &mut Vec<u8>, r: &Record) {
    out.extend_from_slice(b"{\"schema\":");
    string(out, &r.schema);
    out.extend_from_slice(b",\"doc_id\":");
    string(out, &r.doc_id);
    out.extend_from_slice(b",\"date\":");
    date_or_null(out, r.date);
    out.extend_from_slice(b",\"date_source\":");
    match r.date_source {
        Some(s) => plain(out, s.as_str()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"sentences\":[");
    for (k, [start, end]) in r.sentences.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.push(b'[');
        number(out, *start);
        out.push(b',');
        number(out, *end);
        out.push(b']');
    }
    out.extend_from_slice(b"],\"mentions\":[");
    for (k, m) in r.mentions.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        mention(out, m);
    }
    out.extend_from_slice(b"],\"dates\":[");
    for (k, d) in r.dates.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        date_mention(out, d);
    }
    out.extend_from_slice(b"],\"events\":");
    serde(out, &r.events);
    out.extend_from_slice(b",\"triples\":");
    serde(out, &r.triples);
    out.extend_from_slice(b",\"entities\":");
    entities(out, &r.entities);
    if let Some(meta) = &r.meta {
        out.extend_from_slice(b",\"meta\":");
        serde(out, meta);
    }
    if !r.warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":");
        serde(out, &r.warnings);
    }
    out.extend_from_slice(b",\"error\":");
    serde(out, &r.error);
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    out.extend_from_slice(b"{\"start\":");
    number(out, m.start);
    out.extend_from_slice(b",\"end\":");
    number(out, m.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &m.text);
    out.extend_from_slice(b",\"type\":");
    plain(out, m.kind.as_str());
    out.extend_from_slice(b",\"entity\":");
    string(out, m.entity.as_str());
    out.extend_from_slice(b",\"name\":");
    string(out, &m.name);
    out.extend_from_slice(b",\"sentence\":");
    number(out, m.sentence);
    out.extend_from_slice(b",\"via\":");
    plain(out, m.via.as_str());
    out.push(b'}');
}

fn date_mention(out: &mut Vec<u8>, d: &DateMention) {
    out.extend_from_slice(b"{\"start\":");
    number(out, d.start);
    out.extend_from_slice(b",\"end\":");
    number(out, d.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &d.text);
    out.extend_from_slice(b",\"value\":");
    date_or_null(out, Some(d.value));
    if let Some(until) = d.until {
        out.extend_from_slice(b",\"until\":");
        date_or_null(out, Some(until));
    }
    out.extend_from_slice(b",\"precision\":");
    plain(out, d.precision.as_str());
    out.extend_from_slice(b",\"sentence\":");
    number(out, d.sentence);
    out.push(b'}');
}

fn entities(out: &mut Vec<u8>, entities: &BTreeMap<EntityId, EntityInfo>) {
    out.push(b'{');
    for (k, (id, info)) in entities.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, id.as_str());
        out.extend_from_slice(b":{\"name\":");
        string(out, &info.name);
        out.extend_from_slice(b",\"type\":");
        plain(out, info.kind.as_str());
        out.extend_from_slice(b",\"wikidata\":");
        match &info.wikidata {
            Some(q) => string(out, q),
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }
    out.push(b'}');
}

/// A string of the contract's own spelling (an enum's name): nothing to escape.
fn plain(out: &mut Vec<u8>, s: &str) {
    debug_assert!(!needs_escape(s.as_bytes()));
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn date_or_null(out: &mut Vec<u8>, d: Option<DateValue>) {
    use std::io::Write;
    match d {
        // Digits and hyphens only.
        Some(d) => write!(out, "\"{d}\"").expect("writing into memory"),
        None => out.extend_from_slice(b"null"),
    }
}

fn number(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A JSON string: as it is when nothing in it needs escaping (nearly always), else through
/// serde_json.
fn string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        serde(out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Whether JSON needs an escape for any byte of `bytes`: a control character, `"` or `\`
/// (exactly the bytes serde_json escapes). Chunks are folded without an early exit so that
/// the compiler turns the loop into vector compares.
fn needs_escape(bytes: &[u8]) -> bool {
    let bad = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let any_bad = |chunk: &[u8; 16]| chunk.iter().fold(false, |acc, &b| acc | bad(b));
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        if any_bad(chunk.try_into().expect("16 bytes")) {
            return true;
        }
    }
    // The tail (every string has one; most strings are short) padded with spaces, which need no
    // escape, and tested as one more chunk: a byte-by-byte loop over it had been 40% of the
    // instructions of [`string`].
    let rest = chunks.remainder();
    let mut tail = [b' '; 16];
    tail[..rest.len()].copy_from_slice(rest);
    any_bad(&tail)
}

fn serde(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    // Into memory, and every part of a record serializes (string keys, finite numbers).
    serde_json::to_writer(&mut *out, value).expect("a record serializes into memory");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DateSource, DocError, EntityKind, ErrorCode, Event, EventType, Precision, Predicate, Span,
        Status, Triple, Via,
    };
    use std::sync::Arc;

    fn by_serde(r: &Record) -> Vec<u8> {
        serde_json::to_vec(r).unwrap()
    }

    fn by_hand(r: &Record) -> Vec<u8> {
        let mut out = Vec::new();
        write_record(&mut out, r);
        out
    }

    fn span(text: &str) -> Span {
        Span {
            start: 3,
            end: 9,
            text: text.into(),
        }
    }

    /// Every field filled, every enum value used, strings that need escaping.
    fn full(text: &str) -> Record {
        let mut r = Record::empty(format!("doc {text}"));
        r.date = DateValue::parse("2024-02-22");
        r.date_source = Some(DateSource::Dateline);
        r.sentences = vec![[0, 10], [11, 4_000_000_000]];
        let kinds = EntityKind::ALL;
        let vias = [
            Via::Gazetteer,
            Via::Adjective,
            Via::Morphology,
            Via::Title,
            Via::Context,
        ];
        for (k, kind) in kinds.iter().enumerate() {
            r.mentions.push(Mention {
                start: k as u32,
                end: k as u32 + 7,
                text: format!("{text}{k}"),
                kind: *kind,
                entity: EntityId::new(&format!("ng:x:{text}")),
                name: Arc::from(text),
                sentence: u32::MAX,
                via: vias[k % vias.len()],
            });
            r.entities.insert(
                EntityId::new(&format!("id{k}{text}")),
                EntityInfo {
                    name: Arc::from(format!("{text}!")),
                    kind: *kind,
                    wikidata: (k % 2 == 0).then(|| format!("Q{k}{text}")),
                },
            );
        }
        for (k, value) in ["2024", "2024-02", "2024-02-29"].into_iter().enumerate() {
            r.dates.push(DateMention {
                start: 1,
                end: 2,
                text: text.into(),
                value: DateValue::parse(value).unwrap(),
                until: (k == 2).then(|| DateValue::parse("2024-03-02").unwrap()),
                precision: [Precision::Year, Precision::Month, Precision::Day][k],
                sentence: 0,
            });
        }
        r.events.push(Event {
            id: "d#e1".into(),
            kind: EventType::Meeting,
            participants: vec![EntityId::new("wikidata:Q7747")],
            place: None,
            date: DateValue::parse("2024-02"),
            until: DateValue::parse("2024-04"),
            status: Status::Planned,
            sentence: 1,
            trigger: span(text),
            evidence: vec![span(text)],
            confidence: 0.85,
            key: text.into(),
        });
        r.triples.push(Triple {
            subject: text.into(),
            predicate: Predicate::Met,
            object: "o".into(),
            event: Some("d#e1".into()),
            date: None,
            place: Some(EntityId::new("p")),
            status: Some(Status::Happened),
            evidence: vec![span(text)],
            confidence: 1.0 / 3.0,
        });
        let mut meta = serde_json::Map::new();
        meta.insert("source".into(), serde_json::json!({"n": [1.5, null, text]}));
        r.meta = Some(meta);
        r.warnings = vec![format!("cut: {text}")];
        r.error = Some(DocError {
            code: ErrorCode::TooLong,
            message: text.into(),
        });
        r
    }

    #[test]
    fn the_same_bytes_as_serde() {
        for text in [
            "Путин",
            "",
            "a\"b\\c",
            "tab\there",
            "\u{0}\u{1f}\u{7f}",
            "«Игры»/é😀",
        ] {
            let r = full(text);
            assert_eq!(by_hand(&r), by_serde(&r), "{text:?}");
            let empty = Record::empty(text.to_string());
            assert_eq!(by_hand(&empty), by_serde(&empty), "{text:?}");
        }
        let mut r = full("x");
        r.meta = None;
        r.warnings.clear();
        r.error = None;
        r.date = None;
        r.date_source = None;
        assert_eq!(by_hand(&r), by_serde(&r));
    }

    #[test]
    fn enum_spellings_are_serde_s() {
        let serde_str = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for s in [DateSource::Input, DateSource::Option, DateSource::Dateline] {
            assert_eq!(s.as_str(), serde_str(serde_json::to_value(s).unwrap()));
        }
        for p in [Precision::Year, Precision::Month, Precision::Day] {
            assert_eq!(p.as_str(), serde_str(serde_json::to_value(p).unwrap()));
        }
        for v in [
            Via::Gazetteer,
            Via::Adjective,
            Via::Morphology,
            Via::Title,
            Via::Context,
        ] {
            assert_eq!(v.as_str(), serde_str(serde_json::to_value(v).unwrap()));
        }
        for k in EntityKind::ALL {
            assert_eq!(k.as_str(), serde_str(serde_json::to_value(k).unwrap()));
        }
    }

    proptest::proptest! {
        /// Any text, in every string of a record.
        #[test]
        fn any_text_encodes_as_serde_does(text in "\\PC*|[\\x00-\\x7f]{0,40}") {
            let r = full(&text);
            proptest::prop_assert_eq!(by_hand(&r), by_serde(&r));
        }

        /// The escape check agrees with a plain scan at every length and position.
        #[test]
        fn escape_check_is_exact(
            bytes in proptest::collection::vec(0x20u8..0x7f, 0..70),
            at in 0usize..70,
            bad in proptest::sample::select(vec![0u8, 0x1f, b'"', b'\\', b'a', 0x7f]),
        ) {
            let mut bytes = bytes;
            if let Some(b) = bytes.get_mut(at) {
                *b = bad;
            }
            let want = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(needs_escape(&bytes), want);
        }
    }
}
