//! `cundi-core`: everything about the rural parcel-service network that can be decided without a
//! browser — reading and validating a published data package, the administrative hierarchy,
//! coverage statistics and shares, targets measured against the data, tables to filter, sort and
//! download, what changed between two versions, the web bundle's format, search with pinyin,
//! nearest points, coordinate systems and opening hours. The site and the publisher's CLI both use
//! it, so they never disagree about what a valid dataset is.

// The core's messages (locales/, compiled by build.rs): `msg_id!` and `msg!`, first, so that
// every module below sees them.
#[macro_use]
mod messages;

pub mod brand;
pub mod bundle;
pub mod cell;
pub mod cluster;
pub mod code;
pub mod complaint;
pub mod completeness;
pub mod coords;
pub mod dataset;
pub mod diff;
pub mod documents;
pub mod geo;
pub mod hours;
pub mod load;
pub mod model;
pub mod nearest;
pub mod package;
pub mod par;
pub mod problem;
pub mod read;
pub mod search;
pub mod share;
pub mod sort;
pub mod stats;
pub mod table;
pub mod targets;
pub mod tiles;
pub mod validate;
pub mod write;

pub use cell::PlainColumns;
pub use code::{Code, Level};
pub use dataset::{Dataset, Parts};
pub use load::read_package;
pub use model::*;
pub use problem::{Lang, Problem, ProblemKind, Severity};

/// For `#[serde(skip_serializing_if = "crate::is_zero")]`: counts left out of the JSON when zero.
pub(crate) fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}
