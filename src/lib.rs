//! The 村递 Cundi site: UI only.
