//! Reading gazetteer TSV files into typed rows, with `path:line` errors.
//!
//! This is the build-time half of the gazetteer: it only parses and checks. Expanding aliases
//! into inflected forms and building the matcher is [`super::compile`]. The file format is
//! documented in `gazetteers/README.md`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{DateValue, EntityId, EntityKind};

/// A malformed gazetteer row or file, with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    /// File.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem is the whole file.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for GazetteerError {}

/// Where a row came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// File.
    pub path: Arc<Path>,
    /// 1-based line.
    pub line: u32,
}

impl Loc {
    fn error(&self, message: impl Into<String>) -> GazetteerError {
        GazetteerError {
            path: self.path.to_path_buf(),
            line: self.line,
            message: message.into(),
        }
    }
}

/// Grammatical gender of a person, used to pick the right declension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonGender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// An office role, as in `offices.tsv` and `titles.tsv`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Role {
    /// President, monarch, supreme leader.
    HeadOfState,
    /// Prime minister, premier, chancellor.
    HeadOfGovernment,
    /// Foreign minister, secretary of state.
    ForeignMinister,
    /// Deputy prime minister.
    DeputyHeadOfGovernment,
    /// Defence minister, secretary of defense.
    DefenceMinister,
    /// Another cabinet minister.
    Minister,
    /// Anything else.
    Other,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "head_of_state" => Role::HeadOfState,
            "head_of_government" => Role::HeadOfGovernment,
            "foreign_minister" => Role::ForeignMinister,
            "deputy_head_of_government" => Role::DeputyHeadOfGovernment,
            "defence_minister" => Role::DefenceMinister,
            "minister" => Role::Minister,
            "other" => Role::Other,
            _ => return None,
        })
    }
}

/// How an alias is matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AliasFlags {
    /// `=`: exactly as written, no inflection.
    pub exact: bool,
    /// `~`: a derived adjective; all its forms, any case.
    pub adjective: bool,
    /// `?`: also a common word; needs evidence.
    pub ambiguous: bool,
}

/// One alias of an entity row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasSpec {
    /// The alias without its prefix.
    pub text: String,
    /// Prefix flags.
    pub flags: AliasFlags,
}

impl AliasSpec {
    /// Parses `?=США`-style prefixes.
    pub fn parse(raw: &str) -> AliasSpec {
        let mut flags = AliasFlags::default();
        let mut s = raw;
        loop {
            if let Some(rest) = s.strip_prefix('?') {
                flags.ambiguous = true;
                s = rest;
            } else if let Some(rest) = s.strip_prefix('=') {
                flags.exact = true;
                s = rest;
            } else if let Some(rest) = s.strip_prefix('~') {
                flags.adjective = true;
                s = rest;
            } else {
                break;
            }
        }
        AliasSpec {
            text: s.trim().to_string(),
            flags,
        }
    }
}

/// Optional attributes of an entity row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attrs {
    /// Given name.
    pub given: Option<String>,
    /// Patronymic.
    pub patronymic: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Gender.
    pub gender: Option<PersonGender>,
    /// Country the entity belongs to.
    pub country: Option<EntityId>,
    /// Capital of a country.
    pub capital: Option<EntityId>,
    /// Where a named event takes place.
    pub place: Option<EntityId>,
    /// When a named event takes place.
    pub date: Option<DateValue>,
    /// Source tag.
    pub src: Option<String>,
}

/// One entity row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    /// Location.
    pub loc: Loc,
    /// Stable id.
    pub id: EntityId,
    /// Kind.
    pub kind: EntityKind,
    /// Canonical nominative name.
    pub name: String,
    /// Aliases (the name is not repeated here).
    pub aliases: Vec<AliasSpec>,
    /// Attributes.
    pub attrs: Attrs,
}

/// One term of office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeRow {
    /// Location.
    pub loc: Loc,
    /// Holder.
    pub person: EntityId,
    /// Country.
    pub country: EntityId,
    /// Role.
    pub role: Role,
    /// First day (or month, or year) of the term.
    pub start: DateValue,
    /// Last day (or month, or year), `None` when open.
    pub end: Option<DateValue>,
    /// Office id, if given.
    pub office: Option<EntityId>,
}

/// One title phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleRow {
    /// Location.
    pub loc: Loc,
    /// Nominative phrase.
    pub title: String,
    /// The role it names.
    pub role: Role,
    /// Restriction to one country.
    pub country: Option<EntityId>,
}

/// Everything read from a gazetteer folder.
#[derive(Clone, Debug, Default)]
pub struct SourceSet {
    /// Entity rows, in file order (files sorted by name).
    pub entities: Vec<EntityRow>,
    /// Office terms.
    pub offices: Vec<OfficeRow>,
    /// Title phrases.
    pub titles: Vec<TitleRow>,
}

const ENTITY_HEADER: &str = "id\ttype\tname\taliases\tattrs";
const OFFICE_HEADER: &str = "person\tcountry\trole\tstart\tend\toffice";
const TITLE_HEADER: &str = "title\trole\tcountry";

impl SourceSet {
    /// Reads every `*.tsv` file of `dir` (sorted by name) and checks the whole set.
    pub fn read_dir(dir: &Path) -> Result<SourceSet, Vec<GazetteerError>> {
        let (files, mut errors) = SourceSet::read_files(dir)?;
        let parsed = SourceSet::parse_files(files.iter().map(|(p, t)| (p.as_path(), t.as_str())));
        match parsed {
            Ok(set) if errors.is_empty() => Ok(set),
            Ok(_) => Err(errors),
            Err(mut more) => {
                errors.append(&mut more);
                Err(errors)
            }
        }
    }

    /// The `*.tsv` files of `dir`, sorted by name, as `(path, content)`, and the errors of
    /// those that cannot be read; an error for the folder itself when it cannot be listed or
    /// has no such file.
    #[allow(clippy::type_complexity)]
    pub fn read_files(
        dir: &Path,
    ) -> Result<(Vec<(PathBuf, String)>, Vec<GazetteerError>), Vec<GazetteerError>> {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![GazetteerError {
                path: dir.to_path_buf(),
                line: 0,
                message: format!("cannot read gazetteer folder: {e}"),
            }]
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv") && p.is_file())
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(vec![GazetteerError {
                path: dir.to_path_buf(),
                line: 0,
                message: "no *.tsv gazetteer files here".into(),
            }]);
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push((path, text)),
                    Err(e) => errors.push(GazetteerError {
                        path,
                        line: 0,
                        message: format!("not UTF-8: {e}"),
                    }),
                },
                Err(e) => errors.push(GazetteerError {
                    path,
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        Ok((files, errors))
    }

    /// Parses files given as `(path, content)` and checks the whole set: unique ids, known
    /// references. Collects every error rather than stopping at the first.
    pub fn parse_files<'a>(
        files: impl IntoIterator<Item = (&'a Path, &'a str)>,
    ) -> Result<SourceSet, Vec<GazetteerError>> {
        let mut set = SourceSet::default();
        let mut errors = Vec::new();
        for (path, text) in files {
            parse_file(path, text, &mut set, &mut errors);
        }
        check_references(&set, &mut errors);
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }
}

fn parse_file(path: &Path, text: &str, set: &mut SourceSet, errors: &mut Vec<GazetteerError>) {
    let path: Arc<Path> = Arc::from(path);
    let mut header: Option<&str> = None;
    for (n, raw) in text.split('\n').enumerate() {
        let loc = Loc {
            path: path.clone(),
            line: n as u32 + 1,
        };
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if n == 0 {
            line.strip_prefix('\u{FEFF}').unwrap_or(line)
        } else {
            line
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(kind) = header else {
            if [ENTITY_HEADER, OFFICE_HEADER, TITLE_HEADER].contains(&line) {
                header = Some(line);
            } else {
                errors.push(loc.error(format!(
                    "unknown header {line:?}; expected one of {ENTITY_HEADER:?}, {OFFICE_HEADER:?}, {TITLE_HEADER:?}"
                )));
                return;
            }
            continue;
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let want = kind.split('\t').count();
        if fields.len() != want {
            errors.push(loc.error(format!(
                "expected {want} tab-separated fields, found {}",
                fields.len()
            )));
            continue;
        }
        let result = match kind {
            ENTITY_HEADER => parse_entity(&loc, &fields).map(|r| set.entities.push(r)),
            OFFICE_HEADER => parse_office(&loc, &fields).map(|r| set.offices.push(r)),
            _ => parse_title(&loc, &fields).map(|r| set.titles.push(r)),
        };
        if let Err(e) = result {
            errors.push(e);
        }
    }
    if header.is_none() {
        errors.push(GazetteerError {
            path: path.to_path_buf(),
            line: 0,
            message: "no header line".into(),
        });
    }
}

fn parse_id(loc: &Loc, what: &str, s: &str) -> Result<EntityId, GazetteerError> {
    EntityId::parse(s).ok_or_else(|| {
        loc.error(format!(
            "{what}: bad id {s:?} (want wikidata:Q<digits> or ng:<kind>:<slug>)"
        ))
    })
}

fn parse_date(loc: &Loc, what: &str, s: &str) -> Result<DateValue, GazetteerError> {
    DateValue::parse(s).ok_or_else(|| {
        loc.error(format!(
            "{what}: bad date {s:?} (want YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    })
}

fn check_name(loc: &Loc, what: &str, s: &str) -> Result<(), GazetteerError> {
    if s.trim().is_empty() {
        return Err(loc.error(format!("{what} is empty")));
    }
    if s.trim() != s {
        return Err(loc.error(format!("{what} {s:?} has leading or trailing spaces")));
    }
    if s.chars().any(char::is_control) {
        return Err(loc.error(format!("{what} {s:?} contains a control character")));
    }
    Ok(())
}

fn parse_entity(loc: &Loc, f: &[&str]) -> Result<EntityRow, GazetteerError> {
    let id = parse_id(loc, "id", f[0])?;
    let kind = EntityKind::parse(f[1]).ok_or_else(|| {
        loc.error(format!(
            "unknown type {:?} (want PERSON, COUNTRY, CITY, REGION, ORGANIZATION or EVENT)",
            f[1]
        ))
    })?;
    check_name(loc, "name", f[2])?;
    let mut aliases = Vec::new();
    if !f[3].is_empty() {
        for raw in f[3].split('|') {
            let alias = AliasSpec::parse(raw);
            check_name(loc, "alias", &alias.text)
                .map_err(|e| loc.error(format!("{} (in {raw:?})", e.message)))?;
            if alias.flags.exact && alias.flags.adjective {
                return Err(loc.error(format!("alias {raw:?}: '=' and '~' exclude each other")));
            }
            aliases.push(alias);
        }
    }
    let mut attrs = Attrs::default();
    if !f[4].is_empty() {
        for pair in f[4].split(';') {
            let Some((key, value)) = pair.split_once('=') else {
                return Err(loc.error(format!("attribute {pair:?} is not key=value")));
            };
            if value.is_empty() {
                return Err(loc.error(format!("attribute {key:?} has an empty value")));
            }
            match key {
                "given" => attrs.given = Some(value.to_string()),
                "patronymic" => attrs.patronymic = Some(value.to_string()),
                "surname" => attrs.surname = Some(value.to_string()),
                "gender" => {
                    attrs.gender = Some(match value {
                        "m" => PersonGender::Male,
                        "f" => PersonGender::Female,
                        _ => return Err(loc.error(format!("gender {value:?}: want m or f"))),
                    })
                }
                "country" => attrs.country = Some(parse_id(loc, "country", value)?),
                "capital" => attrs.capital = Some(parse_id(loc, "capital", value)?),
                "place" => attrs.place = Some(parse_id(loc, "place", value)?),
                "date" => attrs.date = Some(parse_date(loc, "date", value)?),
                "src" => attrs.src = Some(value.to_string()),
                _ => {
                    return Err(loc.error(format!(
                        "unknown attribute {key:?} (known: given, patronymic, surname, gender, country, capital, place, date, src)"
                    )));
                }
            }
        }
    }
    Ok(EntityRow {
        loc: loc.clone(),
        id,
        kind,
        name: f[2].to_string(),
        aliases,
        attrs,
    })
}

fn parse_role(loc: &Loc, s: &str) -> Result<Role, GazetteerError> {
    Role::parse(s).ok_or_else(|| {
        loc.error(format!(
            "unknown role {s:?} (want head_of_state, head_of_government, foreign_minister, deputy_head_of_government, minister or other)"
        ))
    })
}

fn parse_office(loc: &Loc, f: &[&str]) -> Result<OfficeRow, GazetteerError> {
    let person = parse_id(loc, "person", f[0])?;
    let country = parse_id(loc, "country", f[1])?;
    let role = parse_role(loc, f[2])?;
    let start = parse_date(loc, "start", f[3])?;
    let end = if f[4].is_empty() {
        None
    } else {
        Some(parse_date(loc, "end", f[4])?)
    };
    if let Some(end) = end
        && end.year < start.year
    {
        return Err(loc.error(format!("term ends ({end}) before it starts ({start})")));
    }
    let office = if f[5].is_empty() {
        None
    } else {
        Some(parse_id(loc, "office", f[5])?)
    };
    Ok(OfficeRow {
        loc: loc.clone(),
        person,
        country,
        role,
        start,
        end,
        office,
    })
}

fn parse_title(loc: &Loc, f: &[&str]) -> Result<TitleRow, GazetteerError> {
    check_name(loc, "title", f[0])?;
    let role = parse_role(loc, f[1])?;
    let country = if f[2].is_empty() {
        None
    } else {
        Some(parse_id(loc, "country", f[2])?)
    };
    Ok(TitleRow {
        loc: loc.clone(),
        title: f[0].to_string(),
        role,
        country,
    })
}

fn check_references(set: &SourceSet, errors: &mut Vec<GazetteerError>) {
    let mut seen: HashMap<&EntityId, &Loc> = HashMap::new();
    for row in &set.entities {
        if let Some(first) = seen.get(&row.id) {
            errors.push(row.loc.error(format!(
                "duplicate id {} (first defined at {}:{})",
                row.id,
                first.path.display(),
                first.line
            )));
        } else {
            seen.insert(&row.id, &row.loc);
        }
    }
    let kinds: HashMap<&EntityId, EntityKind> =
        set.entities.iter().map(|r| (&r.id, r.kind)).collect();
    let mut need = |loc: &Loc, what: &str, id: &EntityId, want: &[EntityKind]| match kinds.get(id) {
        None => errors.push(loc.error(format!("{what} {id} is not defined in any gazetteer file"))),
        Some(k) if !want.is_empty() && !want.contains(k) => {
            errors.push(loc.error(format!("{what} {id} is a {k}, not a {}", want[0])))
        }
        _ => {}
    };
    for row in &set.entities {
        let a = &row.attrs;
        if let Some(id) = &a.country {
            need(&row.loc, "country", id, &[EntityKind::Country]);
        }
        if let Some(id) = &a.capital {
            need(&row.loc, "capital", id, &[EntityKind::City]);
        }
        if let Some(id) = &a.place {
            need(
                &row.loc,
                "place",
                id,
                &[EntityKind::City, EntityKind::Region, EntityKind::Country],
            );
        }
    }
    // An office or title belongs to a country, or to an international organisation (the UN's
    // Secretary-General, the President of the European Commission).
    let body = &[EntityKind::Country, EntityKind::Organization];
    for row in &set.offices {
        need(&row.loc, "person", &row.person, &[EntityKind::Person]);
        need(&row.loc, "country", &row.country, body);
    }
    for row in &set.titles {
        if let Some(id) = &row.country {
            need(&row.loc, "country", id, body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SourceSet, Vec<String>> {
        SourceSet::parse_files([(Path::new("g/test.tsv"), text)])
            .map_err(|e| e.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn reads_a_valid_file() {
        let set = parse(
            "# comment\nid\ttype\tname\taliases\tattrs\n\
             wikidata:Q159\tCOUNTRY\tРоссия\t=РФ|~российский|?Русь\tsrc=hand\n",
        )
        .unwrap();
        let row = &set.entities[0];
        assert_eq!(row.name, "Россия");
        assert!(row.aliases[0].flags.exact);
        assert!(row.aliases[1].flags.adjective);
        assert!(row.aliases[2].flags.ambiguous);
        assert_eq!(row.aliases[2].text, "Русь");
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\n",
                "g/test.tsv:2: expected 5 tab-separated fields, found 3",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nQ1\tCITY\tX\t\t\n",
                "g/test.tsv:2: id: bad id \"Q1\"",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tTOWN\tX\t\t\n",
                "g/test.tsv:2: unknown type \"TOWN\"",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\t\tpop=5\n",
                "g/test.tsv:2: unknown attribute \"pop\"",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\t\t\nwikidata:Q1\tCITY\tY\t\t\n",
                "g/test.tsv:3: duplicate id wikidata:Q1 (first defined at g/test.tsv:2)",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\t\tcountry=wikidata:Q2\n",
                "g/test.tsv:2: country wikidata:Q2 is not defined",
            ),
            ("name\tid\n", "g/test.tsv:1: unknown header"),
            (
                "person\tcountry\trole\tstart\tend\toffice\nwikidata:Q1\twikidata:Q2\tking\t2000\t\t\n",
                "g/test.tsv:2: unknown role \"king\"",
            ),
            (
                "id\ttype\tname\taliases\tattrs\nwikidata:Q1\tCITY\tX\t|\t\n",
                "g/test.tsv:2: alias is empty",
            ),
        ];
        for (text, want) in cases {
            let errors = parse(text).unwrap_err();
            assert!(
                errors.iter().any(|e| e.starts_with(want)),
                "{errors:?} lacks {want:?}"
            );
        }
    }
}
