//! Who held which office on a given day: resolves titles such as «глава Казахстана».

/// Hash maps keyed by short strings and small integers, rebuilt per document: foldhash is
/// several times faster than SipHash here, and nothing is keyed by untrusted input at a scale
/// where flooding matters.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

use super::source::Role;
use crate::model::{DateValue, days_in_month};

/// A day as `(year, month, day)`, comparable.
type Day = (i16, u8, u8);

fn first_day(d: DateValue) -> Day {
    (d.year, d.month.max(1), d.day.max(1))
}

fn last_day(d: DateValue) -> Day {
    let month = if d.month == 0 { 12 } else { d.month };
    let day = if d.day == 0 {
        days_in_month(d.year, month)
    } else {
        d.day
    };
    (d.year, month, day)
}

/// The day a date of any precision most likely means for a lookup: its middle.
fn probe_day(d: DateValue) -> Day {
    match (d.month, d.day) {
        (0, _) => (d.year, 7, 1),
        (m, 0) => (d.year, m, 15),
        (m, day) => (d.year, m, day),
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Term {
    start: Day,
    end: Day,
    person: u32,
}

/// Office terms indexed by `(country, role)`; entity indices are those of the gazetteer.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OfficeIndex {
    terms: HashMap<(u32, Role), Vec<Term>>,
    by_person: HashMap<u32, Vec<(u32, Role, Day, Day)>>,
}

impl OfficeIndex {
    /// Adds one term.
    pub fn add(
        &mut self,
        country: u32,
        role: Role,
        start: DateValue,
        end: Option<DateValue>,
        person: u32,
    ) {
        let start = first_day(start);
        let end = end.map(last_day).unwrap_or((9999, 12, 31));
        self.terms
            .entry((country, role))
            .or_default()
            .push(Term { start, end, person });
        self.by_person
            .entry(person)
            .or_default()
            .push((country, role, start, end));
    }

    /// Sorts the terms; call once after the last [`OfficeIndex::add`].
    pub fn finish(&mut self) {
        for terms in self.terms.values_mut() {
            terms.sort_by_key(|t| (t.start, t.end, t.person));
        }
        for terms in self.by_person.values_mut() {
            terms.sort();
        }
    }

    /// The holder of `role` in `country` on `date`. When terms overlap (a hand-over day, an
    /// acting holder) the one that started last wins.
    pub fn holder(&self, country: u32, role: Role, date: DateValue) -> Option<u32> {
        let day = probe_day(date);
        self.terms
            .get(&(country, role))?
            .iter()
            .filter(|t| t.start <= day && day <= t.end)
            .max_by_key(|t| t.start)
            .map(|t| t.person)
    }

    /// The roles `person` held on `date`, with the country.
    pub fn roles_of(&self, person: u32, date: DateValue) -> impl Iterator<Item = (u32, Role)> + '_ {
        let day = probe_day(date);
        self.by_person
            .get(&person)
            .into_iter()
            .flatten()
            .filter(move |t| t.2 <= day && day <= t.3)
            .map(|t| (t.0, t.1))
    }

    /// True when a term of `person` ended in the `years` years before `date` (and none covers
    /// it: see [`OfficeIndex::roles_of`]). A former holder stays in the news for a while after
    /// leaving office, and a namesake who left long before is less likely meant.
    pub fn recently_held(&self, person: u32, date: DateValue, years: i16) -> bool {
        let day = probe_day(date);
        let since = (day.0 - years, day.1, day.2);
        self.by_person
            .get(&person)
            .into_iter()
            .flatten()
            .any(|t| since <= t.3 && t.3 < day)
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.values().map(Vec::len).sum()
    }

    /// True when there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when `person` held any key office (head of state or government, foreign
    /// minister) at some time.
    pub fn is_office_holder(&self, person: u32) -> bool {
        self.by_person.contains_key(&person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_on_a_date() {
        let d = |s| DateValue::parse(s).unwrap();
        let mut idx = OfficeIndex::default();
        idx.add(
            1,
            Role::HeadOfState,
            d("2000-05-07"),
            Some(d("2008-05-07")),
            10,
        );
        idx.add(
            1,
            Role::HeadOfState,
            d("2008-05-07"),
            Some(d("2012-05-07")),
            11,
        );
        idx.add(1, Role::HeadOfState, d("2012-05-07"), None, 10);
        idx.finish();
        assert_eq!(idx.holder(1, Role::HeadOfState, d("2010-01-01")), Some(11));
        assert_eq!(idx.holder(1, Role::HeadOfState, d("2024-02-22")), Some(10));
        assert_eq!(idx.holder(1, Role::HeadOfState, d("2008-05-07")), Some(11));
        assert_eq!(idx.holder(1, Role::HeadOfState, d("1999-01-01")), None);
        assert_eq!(idx.holder(2, Role::HeadOfState, d("2010")), None);
        assert_eq!(
            idx.roles_of(10, d("2024-02")).collect::<Vec<_>>(),
            [(1, Role::HeadOfState)]
        );
    }

    #[test]
    fn recently_held_is_a_term_that_ended_in_the_years_before() {
        let d = |s| DateValue::parse(s).unwrap();
        let mut idx = OfficeIndex::default();
        idx.add(
            1,
            Role::ForeignMinister,
            d("2007-05-18"),
            Some(d("2010-11-14")),
            7,
        );
        idx.finish();
        assert!(
            !idx.recently_held(7, d("2009-01-01"), 5),
            "in office, not former"
        );
        assert!(idx.recently_held(7, d("2012-03"), 5));
        assert!(
            idx.recently_held(7, d("2015-11-14"), 5),
            "the last day of the window"
        );
        assert!(!idx.recently_held(7, d("2015-11-15"), 5));
        assert!(!idx.recently_held(7, d("2005"), 5), "before the term");
        assert!(!idx.recently_held(8, d("2012"), 5), "no terms");
    }
}
