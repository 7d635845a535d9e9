//! The analysis stages after tokenization, each a struct with one job, called in a fixed order
//! by [`crate::pipeline::Analyzer`]:
//! gazetteer names → settlements and organisations by context, abbreviations the article
//! defines, capitalised organisation names, person names by morphology →
//! titles → dates → events.

pub mod abbrevs;
pub mod bodies;
pub mod dates;
pub mod entities;
pub mod events;
pub mod named_orgs;
pub mod orgs;
pub mod persons;
pub mod places;
pub mod titles;

pub use abbrevs::AbbrevFinder;
pub use bodies::BodyFinder;
pub use dates::DateResolver;
pub use entities::EntityMatcher;
pub use events::EventExtractor;
pub use named_orgs::NamedOrgFinder;
pub use orgs::OrgFinder;
pub use persons::PersonFinder;
pub use places::PlaceFinder;
pub use titles::TitleResolver;
