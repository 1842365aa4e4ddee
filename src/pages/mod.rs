//! One module per route.

pub mod map;
pub mod quality;

pub use map::MapPage;
pub use quality::QualityPage;
