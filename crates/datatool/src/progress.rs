//! A progress bar on long runs (the national dataset takes seconds to read and many more to
//! build), on standard error and only when that is a terminal: logs, pipes and tests see nothing.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// A bar of `len` steps with a message, or a hidden one when standard error is not a terminal.
pub fn bar(len: u64, message: &'static str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len).with_message(message);
    if let Ok(style) =
        ProgressStyle::with_template("{msg:>12} [{bar:30}] {percent:>3}% {elapsed_precise}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    // The clock keeps going while the last step (checking, writing) runs.
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
