//! newsgraph: Russian news into a graph of who met whom, where and when.
//!
//! The library holds every stage; the `newsgraph` binary only parses arguments and reports.
//! Data flows one way: [`input::Inputs`] → [`pipeline::Analyzer`] (normalize → sentences →
//! tokens → morphology → gazetteer names → person names → titles → dates → events) →
//! [`model::Record`] → [`sink::SinkSet`]. [`run::run`] drives it in parallel batches.
//! See `ARCHITECTURE.md`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod doc;
pub mod eval;
pub mod gazetteer;
pub mod input;
pub mod model;
pub mod morph;
pub mod pipeline;
pub mod run;
pub mod sink;
pub mod slug;
pub mod stages;
pub mod text;

pub use gazetteer::Gazetteer;
pub use input::{Document, Inputs, Item, ReadOptions};
pub use model::Record;
pub use morph::Morph;
pub use pipeline::{Analyzer, Scratch, Stage};
