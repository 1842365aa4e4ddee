//! What the CLI's test files share: running the built binary in a fixed locale, and reading
//! what it printed.

use std::process::{Command, Output};

/// Runs `cundi-data` with these arguments, in the C locale (English messages unless `--lang`).
pub fn run(args: &[&str]) -> Output {
    run_in("C", args)
}

/// Runs `cundi-data` with these arguments, with `LANG` set to `locale` (and no `LC_*` over it).
pub fn run_in(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cundi-data"))
        .args(args)
        .env("LANG", locale)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

/// Standard output, then standard error.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
