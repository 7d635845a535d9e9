//! The typed record contract shared by every stage and every sink.
//!
//! These types are what newsgraph promises its users: one [`Record`] per input document,
//! serialized as one JSON line. Stages produce them, sinks consume them, and nothing else
//! defines the shape of the output. Closed sets are enums; their JSON spelling is fixed here and
//! nowhere else. Offsets count Unicode code points of the text as given.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Version tag written into every record, bumped on any incompatible change of the contract.
pub const SCHEMA: &str = "newsgraph/1";

/// Kind of a named entity. NEREL's `STATE_OR_PROVINCE` is [`EntityKind::Region`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A sovereign state or dependent territory.
    Country,
    /// A city or town.
    City,
    /// A first-level subdivision: federal subject, state, province, oblast.
    Region,
    /// An organization, body or institution.
    Organization,
    /// A named event: a forum, summit, games, election.
    Event,
}

impl EntityKind {
    /// All kinds, in a fixed order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::City,
        EntityKind::Region,
        EntityKind::Organization,
        EntityKind::Event,
    ];

    /// The contract spelling (`PERSON`, `COUNTRY`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Country => "COUNTRY",
            EntityKind::City => "CITY",
            EntityKind::Region => "REGION",
            EntityKind::Organization => "ORGANIZATION",
            EntityKind::Event => "EVENT",
        }
    }

    /// Parses the contract spelling.
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for the kinds that can be the place of an event.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            EntityKind::Country | EntityKind::City | EntityKind::Region
        )
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable entity id: `wikidata:Q…` when the QID is known, else `ng:<kind>:<slug>`.
///
/// Shared (`Arc`) because the same gazetteer id is copied into many records.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub Arc<str>);

impl EntityId {
    /// Prefix of ids that carry a Wikidata QID.
    pub const WIKIDATA: &'static str = "wikidata:";
    /// Prefix of ids in newsgraph's own namespace.
    pub const OWN: &'static str = "ng:";

    /// Wraps a string without checking it; use [`EntityId::parse`] for untrusted input.
    pub fn new(s: &str) -> EntityId {
        EntityId(Arc::from(s))
    }

    /// Checks the id syntax: `wikidata:Q<digits>` or `ng:<kind>:<slug>` with ASCII `[a-z0-9-]`.
    pub fn parse(s: &str) -> Option<EntityId> {
        let ok = if let Some(q) = s.strip_prefix(Self::WIKIDATA) {
            q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
        } else if let Some(rest) = s.strip_prefix(Self::OWN) {
            let mut parts = rest.splitn(2, ':');
            let kind = parts.next().unwrap_or("");
            let slug = parts.next().unwrap_or("");
            !kind.is_empty()
                && kind.bytes().all(|b| b.is_ascii_lowercase())
                && !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        } else {
            false
        };
        ok.then(|| EntityId::new(s))
    }

    /// The QID (`Q7747`) when this is a Wikidata id.
    pub fn wikidata(&self) -> Option<&str> {
        self.0.strip_prefix(Self::WIKIDATA)
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How precise a calendar value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `YYYY`
    Year,
    /// `YYYY-MM`
    Month,
    /// `YYYY-MM-DD`
    Day,
}

/// A calendar value of day, month or year precision; serialized as `YYYY-MM-DD`, `YYYY-MM`
/// or `YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateValue {
    /// Year (1..=9999).
    pub year: i16,
    /// Month 1..=12, or 0 when unknown.
    pub month: u8,
    /// Day 1..=31, or 0 when unknown.
    pub day: u8,
}

impl DateValue {
    /// A day-precision value. The caller guarantees it is a real calendar day.
    pub fn day(year: i16, month: u8, day: u8) -> DateValue {
        DateValue { year, month, day }
    }

    /// A month-precision value.
    pub fn month(year: i16, month: u8) -> DateValue {
        DateValue {
            year,
            month,
            day: 0,
        }
    }

    /// A year-precision value.
    pub fn year(year: i16) -> DateValue {
        DateValue {
            year,
            month: 0,
            day: 0,
        }
    }

    /// The precision implied by which parts are known.
    pub fn precision(&self) -> Precision {
        if self.day != 0 {
            Precision::Day
        } else if self.month != 0 {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, checking that a day exists in the calendar.
    pub fn parse(s: &str) -> Option<DateValue> {
        let mut parts = s.split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i16 = y.parse().ok()?;
        if year < 1 {
            return None;
        }
        let mut value = DateValue::year(year);
        if let Some(m) = parts.next() {
            if m.len() != 2 {
                return None;
            }
            let month: u8 = m.parse().ok()?;
            if !(1..=12).contains(&month) {
                return None;
            }
            value.month = month;
            if let Some(d) = parts.next() {
                if d.len() != 2 {
                    return None;
                }
                let day: u8 = d.parse().ok()?;
                if day < 1 || day > days_in_month(year, month) {
                    return None;
                }
                value.day = day;
            }
        }
        if parts.next().is_some() {
            return None;
        }
        Some(value)
    }

    /// True when every day `self` can denote lies before every day of `other`
    /// (2021-05 is before 2021-06-01; 2021 is not before 2021-06).
    pub fn before(&self, other: &DateValue) -> bool {
        let last = |d: &DateValue| {
            (
                d.year,
                if d.month == 0 { 12 } else { d.month },
                if d.day == 0 { 31 } else { d.day },
            )
        };
        let first = |d: &DateValue| (d.year, d.month.max(1), d.day.max(1));
        last(self) < first(other)
    }

    /// True when `self` and `other` can denote the same time: equal where both are known.
    pub fn compatible(&self, other: &DateValue) -> bool {
        self.year == other.year
            && (self.month == 0 || other.month == 0 || self.month == other.month)
            && (self.day == 0 || other.day == 0 || self.day == other.day)
    }
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DateValue, D::Error> {
        let s = String::deserialize(d)?;
        DateValue::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// Where the article date of a record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The `date` field of the JSONL record.
    Input,
    /// The `--date` option.
    Option,
    /// A dateline near the top of the text («07:50 22/02/2024»).
    Dateline,
}

impl DateSource {
    /// The contract spelling (`input`, `option`, `dateline`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Input => "input",
            DateSource::Option => "option",
            DateSource::Dateline => "dateline",
        }
    }
}

impl Precision {
    /// The contract spelling (`year`, `month`, `day`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// How a mention was found; lets consumers (and the NEREL scorer) tell names from titles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A name form from the gazetteers.
    Gazetteer,
    /// A derived adjective of a gazetteer entry («российский» → Россия).
    Adjective,
    /// A person name not in the gazetteers, recognised by morphology.
    Morphology,
    /// A descriptive phrase resolved through the gazetteers: a title to the office holder on
    /// the article date («глава Казахстана»), a capital to its city («в российской столице»
    /// → Москва).
    Title,
    /// A name whose kind its context gives: a settlement outside the gazetteers after «город»,
    /// «деревня», «житель» («в городе Фигерас»), or a Latin spelling in brackets right after a
    /// person's name («Аарон Шварц (Aaron Swartz)»), which is that person; an organisation
    /// named in quotes after a word for one, by an abbreviation the article defines
    /// («Российский союз правообладателей (РСП)»), or by a capitalised phrase around a word
    /// for one («Нобелевского комитета»).
    Context,
}

impl Via {
    /// The contract spelling (`gazetteer`, `adjective`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Gazetteer => "gazetteer",
            Via::Adjective => "adjective",
            Via::Morphology => "morphology",
            Via::Title => "title",
            Via::Context => "context",
        }
    }
}

/// One entity mention. `text` equals the original text between `start` and `end`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The mention as written.
    pub text: String,
    /// Entity kind.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Linked entity id.
    pub entity: EntityId,
    /// Canonical nominative name of the entity.
    pub name: Arc<str>,
    /// Index into `sentences`.
    pub sentence: u32,
    /// How it was found.
    pub via: Via,
}

/// A date expression resolved against the article date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The expression as written.
    pub text: String,
    /// Resolved calendar value; for a span («с 15 по 17 марта»), its first day, month or
    /// year.
    pub value: DateValue,
    /// The last day, month or year of a span; absent for a single date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateValue>,
    /// Precision of `value`.
    pub precision: Precision,
    /// Index into `sentences`.
    pub sentence: u32,
}

/// Type of a contact event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    /// A meeting in person.
    Meeting,
    /// Negotiations, talks.
    Talks,
    /// A visit to a place.
    Visit,
    /// A phone or video call.
    PhoneCall,
    /// An invitation of one party by another.
    Invitation,
}

impl EventType {
    /// All types, in a fixed order.
    pub const ALL: [EventType; 5] = [
        EventType::Meeting,
        EventType::Talks,
        EventType::Visit,
        EventType::PhoneCall,
        EventType::Invitation,
    ];

    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Meeting => "MEETING",
            EventType::Talks => "TALKS",
            EventType::Visit => "VISIT",
            EventType::PhoneCall => "PHONE_CALL",
            EventType::Invitation => "INVITATION",
        }
    }

    /// Parses the contract spelling.
    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for the types whose participants meet each other (a MET pair).
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            EventType::Meeting | EventType::Talks | EventType::PhoneCall
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported as having taken place.
    Happened,
    /// Announced for the future.
    Planned,
    /// Cancelled, postponed, denied or reported as not having taken place.
    Cancelled,
    /// Possible, conditional, offered.
    Hypothetical,
}

impl Status {
    /// All statuses, in a fixed order.
    pub const ALL: [Status; 4] = [
        Status::Happened,
        Status::Planned,
        Status::Cancelled,
        Status::Hypothetical,
    ];

    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
            Status::Hypothetical => "hypothetical",
        }
    }

    /// Parses the contract spelling.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span of the original text with its content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// The text between them.
    pub text: String,
}

/// A contact event: who met whom, where, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique id: `<doc_id>#e<n>`.
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Entity ids of the participants. For VISIT the visitor; for INVITATION the inviter, then
    /// the invitee; otherwise sorted.
    pub participants: Vec<EntityId>,
    /// Entity id of the place, when known.
    pub place: Option<EntityId>,
    /// When it happened or is to happen, when known; for an event over a span of days
    /// («визит продлится с 15 по 17 марта»), the first.
    pub date: Option<DateValue>,
    /// The last day of a span of days (or month, or year) the event takes; absent when it
    /// has one date or none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateValue>,
    /// Whether it happened.
    pub status: Status,
    /// Index of the sentence of the first evidence.
    pub sentence: u32,
    /// The word or phrase that names the event in the first evidence.
    pub trigger: Span,
    /// The sentences that report it (several after merging duplicates inside the article).
    pub evidence: Vec<Span>,
    /// Confidence in 0..=1.
    pub confidence: f64,
    /// Cross-article key: type, sorted participants, place and date, for merging the same
    /// event reported by many outlets.
    pub key: String,
}

/// Relation predicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Predicate {
    /// Two participants of a meeting or talks met in person (undirected: subject sorts before
    /// object). Phone calls link their sides through the event only.
    Met,
    /// A participant visited a place.
    Visited,
    /// The subject invited the object.
    Invited,
    /// An entity took part in an event (object is an event id).
    ParticipantIn,
    /// An event (or named event) takes place in a place.
    TakesPlaceIn,
    /// An event happened at a time (object is a date value).
    PointInTime,
}

impl Predicate {
    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Met => "MET",
            Predicate::Visited => "VISITED",
            Predicate::Invited => "INVITED",
            Predicate::ParticipantIn => "PARTICIPANT_IN",
            Predicate::TakesPlaceIn => "TAKES_PLACE_IN",
            Predicate::PointInTime => "POINT_IN_TIME",
        }
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A relation triple derived from an event or a named event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Triple {
    /// An entity id or an event id.
    pub subject: String,
    /// The relation.
    pub predicate: Predicate,
    /// An entity id, an event id, or (for POINT_IN_TIME) a date value.
    pub object: String,
    /// The event this triple comes from, if any.
    pub event: Option<String>,
    /// Date of the event.
    pub date: Option<DateValue>,
    /// Place of the event.
    pub place: Option<EntityId>,
    /// Status of the event.
    pub status: Option<Status>,
    /// Supporting spans.
    pub evidence: Vec<Span>,
    /// Confidence in 0..=1.
    pub confidence: f64,
}

/// What a record says about an entity it uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Canonical nominative name.
    pub name: Arc<str>,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The QID when known.
    pub wikidata: Option<String>,
}

/// Why a document could not be processed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The JSONL line is not valid JSON (or not a JSON object).
    InvalidJson,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// The JSONL object has no string `text` field.
    MissingText,
    /// The text is empty or only white space.
    EmptyText,
    /// The file (or stream) could not be read.
    ReadFailed,
    /// The input line exceeds the configured maximum length.
    TooLong,
    /// newsgraph failed on this document (a bug: the message says what to report). The run
    /// goes on with the next document.
    Internal,
}

impl ErrorCode {
    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::MissingText => "missing_text",
            ErrorCode::EmptyText => "empty_text",
            ErrorCode::ReadFailed => "read_failed",
            ErrorCode::TooLong => "too_long",
            ErrorCode::Internal => "internal",
        }
    }
}

/// A per-document error: the document is accounted for, but could not be analysed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocError {
    /// Machine-readable cause.
    pub code: ErrorCode,
    /// Human-readable message naming the file, line or document.
    pub message: String,
}

/// One output record per input document, in input order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Document id (JSONL `id`, the file path, or `path:line`).
    pub doc_id: String,
    /// Article date against which relative dates were resolved.
    pub date: Option<DateValue>,
    /// Where `date` came from.
    pub date_source: Option<DateSource>,
    /// Sentence spans as `[start, end]`.
    pub sentences: Vec<[u32; 2]>,
    /// Entity mentions, sorted by start, then longest first.
    pub mentions: Vec<Mention>,
    /// Date expressions.
    pub dates: Vec<DateMention>,
    /// Contact events.
    pub events: Vec<Event>,
    /// Relation triples.
    pub triples: Vec<Triple>,
    /// Every entity id used in this record.
    pub entities: BTreeMap<EntityId, EntityInfo>,
    /// Fields of the input JSONL object other than `id`, `text` and `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Non-fatal problems (truncation, an unreadable `date` field, a missing `id`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Set when the document could not be analysed; every list is then empty.
    pub error: Option<DocError>,
}

impl Record {
    /// An empty record for `doc_id`.
    pub fn empty(doc_id: String) -> Record {
        Record {
            schema: SCHEMA.to_string(),
            doc_id,
            date: None,
            date_source: None,
            sentences: Vec::new(),
            mentions: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
            triples: Vec::new(),
            entities: BTreeMap::new(),
            meta: None,
            warnings: Vec::new(),
            error: None,
        }
    }

    /// The error record for a document that could not be analysed.
    pub fn failed(doc_id: String, error: DocError) -> Record {
        Record {
            error: Some(error),
            ..Record::empty(doc_id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_compares_whole_periods() {
        let d = |s: &str| DateValue::parse(s).unwrap();
        assert!(d("2021-05").before(&d("2021-06-01")));
        assert!(d("2020").before(&d("2021-01")));
        assert!(!d("2021").before(&d("2021-06")));
        assert!(!d("2021-06").before(&d("2021-06-30")));
        assert!(d("2021-06-29").before(&d("2021-06-30")));
        assert!(!d("2021-06-30").before(&d("2021-06-30")));
    }

    #[test]
    fn date_values_round_trip_and_reject_impossible_days() {
        for s in ["2024-02-29", "2023-11", "2024", "0001-01-01"] {
            assert_eq!(DateValue::parse(s).unwrap().to_string(), s);
        }
        for s in [
            "2023-02-29",
            "2024-13",
            "24-01-01",
            "2024-1-1",
            "",
            "2024-01-01-01",
        ] {
            assert!(DateValue::parse(s).is_none(), "{s}");
        }
        assert_eq!(
            DateValue::parse("2023-11").unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn entity_ids_are_checked() {
        assert_eq!(
            EntityId::parse("wikidata:Q7747").unwrap().wikidata(),
            Some("Q7747")
        );
        assert!(EntityId::parse("ng:geonames:524901").is_some());
        assert!(EntityId::parse("ng:person:ivan-petrov").is_some());
        for bad in [
            "Q7747",
            "wikidata:Q",
            "wikidata:Q12a",
            "ng:person:Иван",
            "ng::x",
            "ng:p",
        ] {
            assert!(EntityId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn enums_use_contract_spelling() {
        let json = serde_json::to_string(&(
            EntityKind::Organization,
            EventType::PhoneCall,
            Status::Hypothetical,
            Predicate::TakesPlaceIn,
            ErrorCode::InvalidUtf8,
        ))
        .unwrap();
        assert_eq!(
            json,
            r#"["ORGANIZATION","PHONE_CALL","hypothetical","TAKES_PLACE_IN","invalid_utf8"]"#
        );
    }

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Record>();
        check::<EntityId>();
    }
}
