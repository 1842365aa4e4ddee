//! Reusable views: the station details panel, the legend, the problem table, and what pages
//! show while the data loads or when it fails.

pub mod legend;
pub mod load;
pub mod problems;
pub mod station_details;

pub use legend::Legend;
pub use load::{with_data, LoadErrorView, Loading};
pub use problems::ProblemTable;
pub use station_details::{ServedVillage, StationDetails};
