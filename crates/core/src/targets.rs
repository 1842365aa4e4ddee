//! Promises against reality: each row of `targets.csv` measured against the data, with a status
//! as of the dataset's date.
//!
//! The rules, in one place so the site, the CLI and docs/DATA.md ("Targets against the data") say the same:
//!
//! - **The figure** is `AreaStats::indicator_value` of the target's area: percentages are
//!   compared as percentages (0–100), counts as counts. `county_center_built` with a target of 1
//!   means at least one operating county centre.
//! - **Status**, as of `as_of`: the dataset's date ([`PackageInfo::as_of`]), never the reader's
//!   clock, so an old dataset is not blamed for deadlines after it was made:
//!   - [`Status::Met`]: the figure reaches the target, whatever the date. When the data's date
//!     is after the deadline, the data shows only that it is met *as of* that date, not that it
//!     was met by the deadline: [`Assessment::met_after_deadline`] says so, and the site writes
//!     "met as of …, deadline …" rather than a plain "met";
//!   - [`Status::OnTrack`]: **not met yet, deadline ahead** (`as_of` ≤ deadline). It says nothing
//!     about pace; [`Assessment::expected_by_now`] gives the pro-rata yardstick for that;
//!   - [`Status::Missed`]: the deadline has passed (`as_of` > deadline) and the figure falls short;
//!   - [`Status::NotMeasurable`], with the reason in [`Unmeasurable`].
//! - **Coverage.** A county or township in the data is whole: its chunk holds every one of its
//!   stations and villages. A province or city is whole only when the package declares it
//!   (`"cundi:complete"` in `datapackage.json`, [`PackageInfo::complete`]); otherwise the data
//!   holds a sample of its counties, and a count or share over a sample is not the province's
//!   figure — 3 counties' 15 standardised stations say nothing about Shanxi's 200 — so the
//!   target is not measurable rather than wrongly missed.
//! - **Indicators the data cannot show** (`demo_*`: demonstration counties and projects are
//!   designated by ministries, not visible in station rows) are never measurable.
//!
//! [`PackageInfo::as_of`]: crate::bundle::PackageInfo::as_of
//! [`PackageInfo::complete`]: crate::bundle::PackageInfo::complete

use crate::bundle::Summary;
use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::model::{vocabulary, Indicator, Target};
use crate::problem::Lang;
use crate::stats::{area_stats, AreaStats};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

vocabulary! {
    /// Where a target stands as of the dataset's date (see the module's rules).
    Status {
        Met = "met",
        /// Not met yet, and the deadline is ahead: no judgement about pace.
        OnTrack = "on_track",
        Missed = "missed",
        NotMeasurable = "not_measurable",
    }
}

impl Status {
    pub fn label(self, lang: Lang) -> String {
        match self {
            Status::Met => msg!(lang, "target-met"),
            Status::OnTrack => msg!(lang, "target-on-track"),
            Status::Missed => msg!(lang, "target-missed"),
            Status::NotMeasurable => msg!(lang, "target-not-measurable"),
        }
    }
}

/// Why a target cannot be measured from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmeasurable {
    /// The `demo_*` indicators: demonstration counties and projects are designated by the
    /// ministries, which no station row records.
    IndicatorNotInData,
    /// The target's area is not in the data at all.
    JurisdictionNotInData,
    /// A province or city of which the data holds only some counties (possibly none) and which
    /// the package does not declare complete: a figure over that sample is not the area's.
    PartialCoverage { counties_in_data: u32 },
    /// A share of nothing: an area with no villages (or no township stations) has no coverage,
    /// neither 0 % nor 100 %.
    NothingToMeasure,
}

impl Unmeasurable {
    /// A short reason, as a table cell shows it.
    pub fn label(self, lang: Lang) -> String {
        use Unmeasurable::*;
        match self {
            IndicatorNotInData => msg!(lang, "unmeasurable-indicator"),
            JurisdictionNotInData => msg!(lang, "unmeasurable-jurisdiction"),
            PartialCoverage { .. } => msg!(lang, "unmeasurable-partial"),
            NothingToMeasure => msg!(lang, "unmeasurable-nothing"),
        }
    }

    /// The reason in a sentence, with the count of counties where there is one.
    pub fn describe(self, lang: Lang) -> String {
        use Unmeasurable::*;
        match self {
            PartialCoverage { counties_in_data } => {
                msg!(lang, "unmeasurable-partial-sentence", { "n" => counties_in_data })
            }
            NothingToMeasure => msg!(lang, "unmeasurable-nothing-sentence"),
            other => other.label(lang),
        }
    }
}

/// One target measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub target: Target,
    /// The figure from the data, in the indicator's unit (percent or count); `None` when not
    /// measurable.
    pub value: Option<f64>,
    pub status: Status,
    /// Set exactly when `status` is `NotMeasurable`.
    pub unmeasurable: Option<Unmeasurable>,
    /// The pro-rata share of the target due by `as_of`, when the document's date of issue is
    /// known and the deadline is not past: `target × elapsed / (deadline − issued_on)`, from 0
    /// on the day of issue to the whole target at the deadline. A yardstick for pace only — it
    /// assumes a start from 0 and steady progress, which no document promises — so it never
    /// changes the status; after the deadline there is no pace left to keep, only the target.
    pub expected_by_now: Option<f64>,
    /// The deadline is before the data's date: a figure that reaches the target is met as of
    /// that date, and the data cannot show whether it was met in time.
    #[serde(default)]
    pub past_deadline: bool,
}

impl Assessment {
    /// Whether the figure is below the pro-rata yardstick, when both are known.
    pub fn behind_pace(&self) -> Option<bool> {
        Some(!reaches(self.value?, self.expected_by_now?))
    }

    /// Met as of the data's date, which is after the deadline: "met as of …, deadline …", not
    /// a plain "met".
    pub fn met_after_deadline(&self) -> bool {
        self.status == Status::Met && self.past_deadline
    }
}

/// Below this, a difference is floating-point noise (a share computed as 59.99999999999999).
const EPSILON: f64 = 1e-9;

fn reaches(value: f64, target: f64) -> bool {
    value + EPSILON >= target
}

/// The status rule alone, for a figure that could be measured.
pub fn status(value: f64, target: f64, deadline: NaiveDate, as_of: NaiveDate) -> Status {
    if reaches(value, target) {
        Status::Met
    } else if as_of <= deadline {
        Status::OnTrack
    } else {
        Status::Missed
    }
}

/// The pro-rata share of the target due by `as_of` (see [`Assessment::expected_by_now`]);
/// `None` without a date of issue, when the deadline is not after it, or once it has passed.
pub fn expected_by_now(target: &Target, as_of: NaiveDate) -> Option<f64> {
    let issued = target.issued_on?;
    let span = (target.deadline - issued).num_days();
    if span <= 0 || as_of > target.deadline {
        return None;
    }
    let elapsed = (as_of - issued).num_days().clamp(0, span);
    Some(target.target * elapsed as f64 / span as f64)
}

/// Whether the data can show an indicator at all.
pub fn in_data(indicator: Indicator) -> bool {
    use Indicator::*;
    !matches!(
        indicator,
        DemoCountyCount | DemoProjectCount | DemoTownshipCenterCount | DemoVillageStationCount
    )
}

/// What the data holds: the figures of every area in it, and the provinces and cities declared
/// whole. Built once and asked for every target.
#[derive(Debug, Clone, Default)]
pub struct Coverage<'a> {
    stats: BTreeMap<&'a str, &'a AreaStats>,
    complete: Vec<Code>,
}

impl<'a> Coverage<'a> {
    /// `areas`: every province, city, county and township in the data with its figures (as
    /// `stats::area_stats` or the bundle's summary gives them); `complete`: the provinces and
    /// cities declared whole.
    pub fn new(
        areas: impl IntoIterator<Item = (&'a Code, &'a AreaStats)>,
        complete: &[Code],
    ) -> Coverage<'a> {
        Coverage {
            stats: areas.into_iter().map(|(c, s)| (c.as_str(), s)).collect(),
            complete: complete.to_vec(),
        }
    }

    /// The bundle's areas, with the package's declared `complete` list.
    pub fn from_summary(summary: &'a Summary) -> Coverage<'a> {
        Coverage::new(
            summary.areas.iter().map(|a| (&a.division.code, &a.stats)),
            &summary.package.complete,
        )
    }

    pub fn stats(&self, code: &Code) -> Option<&'a AreaStats> {
        self.stats.get(code.as_str()).copied()
    }

    /// Counties in the data inside `code` (the code itself, if a county).
    pub fn counties_in(&self, code: &Code) -> u32 {
        let prefix = code.as_str();
        self.stats
            .range(prefix..)
            .take_while(|(c, _)| c.starts_with(prefix))
            .filter(|(c, _)| c.len() == Level::County.digits())
            .count() as u32
    }

    /// Whether the data holds all of an area: a county or township always (its chunk has every
    /// row of it), a province or city when it, or the province above a city, is declared.
    pub fn is_complete(&self, code: &Code) -> bool {
        match code.level() {
            Level::County | Level::Township | Level::Village => true,
            Level::Province | Level::City => self.complete.iter().any(|c| c.contains(code)),
        }
    }
}

/// Measures one target against the data, as of the dataset's date.
pub fn assess(target: &Target, coverage: &Coverage<'_>, as_of: NaiveDate) -> Assessment {
    let code = &target.jurisdiction_code;
    let measured = if !in_data(target.indicator) {
        Err(Unmeasurable::IndicatorNotInData)
    } else {
        match coverage.stats(code) {
            None => Err(Unmeasurable::JurisdictionNotInData),
            Some(_) if !coverage.is_complete(code) => Err(Unmeasurable::PartialCoverage {
                counties_in_data: coverage.counties_in(code),
            }),
            Some(stats) => stats
                .indicator_value(target.indicator)
                .ok_or(Unmeasurable::NothingToMeasure),
        }
    };
    let (value, status, unmeasurable) = match measured {
        Ok(v) => (
            Some(v),
            status(v, target.target, target.deadline, as_of),
            None,
        ),
        Err(why) => (None, Status::NotMeasurable, Some(why)),
    };
    Assessment {
        target: target.clone(),
        value,
        status,
        unmeasurable,
        expected_by_now: expected_by_now(target, as_of),
        past_deadline: as_of > target.deadline,
    }
}

/// Every target of the bundle, in file order: `targets` are the summary's, parsed
/// (`summary.targets.parse()`, kept as text until a page asks: see `bundle::Unparsed`).
pub fn assess_all(summary: &Summary, targets: &[Target], as_of: NaiveDate) -> Vec<Assessment> {
    let coverage = Coverage::from_summary(summary);
    targets
        .iter()
        .map(|t| assess(t, &coverage, as_of))
        .collect()
}

/// Every target of a dataset read in full (the CLI, tests): the same as the bundle gives, with
/// the figures computed here and `cundi:complete` read from the descriptor.
pub fn assess_dataset(ds: &Dataset, as_of: NaiveDate) -> Vec<Assessment> {
    let stats = area_stats(ds);
    let complete = ds
        .descriptor
        .as_ref()
        .map(|d| d.complete_codes())
        .unwrap_or_default();
    let coverage = Coverage::new(&stats, &complete);
    ds.targets
        .iter()
        .map(|t| assess(t, &coverage, as_of))
        .collect()
}
