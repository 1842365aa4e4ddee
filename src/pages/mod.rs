//! One module per route.

pub mod complaint;
pub mod letter;
pub mod map;
pub mod mine;
pub mod notice;
pub mod quality;
pub mod station;
pub mod village;

pub use complaint::ComplaintPage;
pub use letter::LetterPage;
pub use map::MapPage;
pub use mine::MyComplaintsPage;
pub use notice::NoticePage;
pub use quality::QualityPage;
pub use station::StationPage;
pub use village::VillagePage;

/// Pages scroll inside `<main>`, which outlives them: a new page starts at its top.
pub fn scroll_to_top() {
    if let Some(main) = document().get_element_by_id("main") {
        main.set_scroll_top(0);
    }
}

use leptos::prelude::document;
