//! The validated domain types of a dataset: stations, villages, targets, authorities, complaint
//! figures and the divisions above them. Raw CSV rows become these in `read`; nothing here holds an unchecked value.

use crate::cell::row_type;
use crate::code::{Code, Level};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Declares a fixed vocabulary: an enum whose values are written in the data as snake_case words.
/// Views never compare strings; they match on these.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The words used in the data files, in the order of `ALL`.
            pub const WORDS: &'static [&'static str] = &[$($word),+];

            /// The word used in the data files, drafts and form names.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Reads the word (surrounding spaces ignored).
            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() { $($word => Some($name::$variant),)+ _ => None }
            }

            /// The allowed words, for error messages.
            pub fn words() -> Vec<&'static str> {
                $name::WORDS.to_vec()
            }
        }

        impl $crate::model::Word for $name {
            fn words() -> Vec<&'static str> {
                $name::words()
            }
            fn parse_word(s: &str) -> Option<Self> {
                $name::parse(s)
            }
            fn word(self) -> &'static str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

/// A fixed vocabulary, seen generically: lets the reader and the writer handle every vocabulary
/// column with one piece of code instead of one per enum.
pub trait Word: Sized + Copy + 'static {
    /// The allowed words, for error messages.
    fn words() -> Vec<&'static str>;
    /// Reads the word used in the data files.
    fn parse_word(s: &str) -> Option<Self>;
    /// The word used in the data files.
    fn word(self) -> &'static str;
}

vocabulary! {
    /// What a citizen reports (docs/COMPLAINTS.md). The word is also the Open311 `service_code`.
    /// Here, with the other words of the data, because complaint figures (`complaint_stats.csv`)
    /// are counted by it; what each category asks of the citizen is in `complaint`.
    Category {
        NonDelivery = "non_delivery",
        IllegalFee = "illegal_fee",
        FrequencyShortfall = "frequency_shortfall",
        StationNotOperating = "station_not_operating",
        LostDamaged = "lost_damaged",
        Delay = "delay",
        ServiceAttitude = "service_attitude",
        Other = "other",
    }
}

vocabulary! {
    /// The three tiers of the network.
    Tier { CountyCenter = "county_center", TownshipStation = "township_station", VillagePoint = "village_point" }
}

vocabulary! {
    /// Whether a station is open for business.
    Status { Operating = "operating", Suspended = "suspended", Closed = "closed", Planned = "planned" }
}

vocabulary! {
    /// How express companies cooperate at the point (西平县's list of models).
    CoopModel {
        Direct = "direct",
        PostExpress = "post_express",
        ExpressPool = "express_pool",
        ExpressCommerce = "express_commerce",
        TransportExpress = "transport_express",
        Other = "other",
    }
}

vocabulary! {
    /// What a station offers.
    Service {
        Delivery = "delivery",
        Sending = "sending",
        PickupProduce = "pickup_produce",
        ColdChain = "cold_chain",
        Locker = "locker",
        Ecommerce = "ecommerce",
        Agency = "agency",
    }
}

vocabulary! {
    /// How parcels reach the villagers.
    DeliveryMode { ToDoor = "to_door", ToPoint = "to_point", Locker = "locker" }
}

vocabulary! {
    /// A village committee (村委会) or a residents' committee (居委会).
    VillageKind { Village = "village", Community = "community" }
}

vocabulary! {
    /// The measures that targets in the policy documents set. Each is either computed from the data
    /// (see `stats`) or declared not measurable from it.
    Indicator {
        VillagePointCoveragePct = "village_point_coverage_pct",
        LargeVillagePointCoveragePct = "large_village_point_coverage_pct",
        DailyServicePct = "daily_service_pct",
        TownshipStationCoveragePct = "township_station_coverage_pct",
        TownshipStationCount = "township_station_count",
        StandardizedTownshipStations = "standardized_township_stations",
        StandardizedTownshipStationsPct = "standardized_township_stations_pct",
        VillagePointCount = "village_point_count",
        StandardizedVillagePoints = "standardized_village_points",
        FiledVillagePoints = "filed_village_points",
        LockerVillagePct = "locker_village_pct",
        CountyCenterBuilt = "county_center_built",
        DemoCountyCount = "demo_county_count",
        DemoProjectCount = "demo_project_count",
        DemoTownshipCenterCount = "demo_township_center_count",
        DemoVillageStationCount = "demo_village_station_count",
    }
}

/// The standard the documents set: at least one delivery a day.
pub const DAILY_DELIVERIES_PER_WEEK: u8 = 7;

/// Deliveries per week can be at most three a day.
pub const MAX_DELIVERIES_PER_WEEK: u8 = 21;

/// Columns a publisher supplied that the schema does not know; kept and passed on, never dropped.
pub type Extra = Vec<(String, String)>;

row_type! {
    /// A service node of any tier.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Station, base StationBase {
        pub id: String,
        pub tier: Tier,
        pub name: String,
        /// Where it stands: village code for village points, township code for township stations,
        /// county code for county centres.
        pub admin_code: Code,
        /// WGS-84 degrees (the reader converts other systems).
        pub lon: f64,
        pub lat: f64,
        pub operator: String,
        pub brands: Vec<String>,
        pub model: Option<CoopModel>,
        pub services: Vec<Service>,
        /// Yuan charged to a recipient for collecting a parcel.
        pub pickup_fee: Option<f64>,
        pub status: Status,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub extra: Extra,
    }
    plain {
        pub address: Option<String>,
        pub phone: Option<String>,
        /// OpenStreetMap `opening_hours` syntax, kept as published.
        pub hours: Option<String>,
        /// End-outlet filing number (备案); `None` means not filed.
        pub filing_no: Option<String>,
        pub standardized: Option<bool>,
        pub locker: Option<bool>,
        pub opened: Option<NaiveDate>,
        pub verified: Option<NaiveDate>,
    }
}

impl Station {
    pub fn county_code(&self) -> Option<Code> {
        self.admin_code.county()
    }

    pub fn is_filed(&self) -> bool {
        self.filing_no.is_some()
    }

    pub fn is_operating(&self) -> bool {
        self.status == Status::Operating
    }
}

row_type! {
    /// An administrative village (or residents' committee) and how it is served.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Village, base VillageBase {
        pub code: Code,
        pub name: String,
        pub township_code: Code,
        pub kind: Option<VillageKind>,
        pub population: Option<u32>,
        /// Where the village committee sits (WGS-84), when published.
        pub lon: Option<f64>,
        pub lat: Option<f64>,
        pub deliveries_per_week: Option<u8>,
        pub pickups_per_week: Option<u8>,
        pub delivery_mode: Option<DeliveryMode>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub extra: Extra,
    }
    plain {
        /// Station id of the point that serves it; `None` = no service.
        pub served_by: Option<String>,
        pub delivery_days: Option<String>,
        pub updated: Option<NaiveDate>,
    }
}

/// How a village's frequency compares with the once-a-day standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// No station serves it.
    Unserved,
    /// Served, but the frequency is not published.
    Unknown,
    /// Served fewer than 7 times a week.
    BelowDaily,
    /// Served at least once a day.
    Daily,
}

impl Frequency {
    /// The word for it (as serialized): a class and a hook in the pages.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Unserved => "unserved",
            Frequency::Unknown => "unknown",
            Frequency::BelowDaily => "below_daily",
            Frequency::Daily => "daily",
        }
    }
}

impl Village {
    pub fn frequency(&self) -> Frequency {
        match (&self.served_by, self.deliveries_per_week) {
            (None, _) => Frequency::Unserved,
            (Some(_), None) => Frequency::Unknown,
            (Some(_), Some(n)) if n >= DAILY_DELIVERIES_PER_WEEK => Frequency::Daily,
            (Some(_), Some(0)) => Frequency::Unserved,
            (Some(_), Some(_)) => Frequency::BelowDaily,
        }
    }

    pub fn county_code(&self) -> Option<Code> {
        self.code.county()
    }
}

/// Dates in JSON (the bundle's summary) read as `YYYY-MM-DD` by [`parse_date`], as
/// the CSV's are: chrono's own parser took 8 ms of a throttled first load for the demo's 62
/// target dates, and takes shapes the schema does not. chrono writes them in that shape. The
/// complaints kept on the device read their dates here too, so that no page carries chrono's
/// format parser for them.
pub(crate) mod iso_date {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer};
    use std::borrow::Cow;

    fn date<E: Error>(raw: &str) -> Result<NaiveDate, E> {
        super::parse_date(raw)
            .ok_or_else(|| E::custom(format!("not a date as YYYY-MM-DD: \"{raw}\"")))
    }

    pub fn read<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        date(&Cow::<str>::deserialize(d)?)
    }

    pub fn read_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Cow<str>>::deserialize(d)?
            .map(|raw| date(&raw))
            .transpose()
    }
}

/// A promise from a policy document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub jurisdiction_code: Code,
    pub indicator: Indicator,
    pub target: f64,
    #[serde(deserialize_with = "iso_date::read")]
    pub deadline: NaiveDate,
    pub doc_no: String,
    pub doc_title: String,
    pub issued_by: String,
    #[serde(default, deserialize_with = "iso_date::read_option")]
    pub issued_on: Option<NaiveDate>,
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Extra,
}

/// A body that receives complaints for a county or province.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Authority {
    pub jurisdiction_code: Code,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub open311_endpoint: Option<String>,
    pub office_hours: Option<String>,
    /// The receiver's `jurisdiction_id`, `api_key` and codes, for its `open311_endpoint`
    /// (docs/COMPLAINTS.md, "Open311"); read by `complaint::Receiver::of_authority`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open311_jurisdiction_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open311_api_key: Option<String>,
    /// `category=code` pairs, `;`-separated (`non_delivery=001; illegal_fee=002`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open311_service_codes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Extra,
}

/// A province, city, county or township (villages are in `Village`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    pub code: Code,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Extra,
}

impl Division {
    /// A division with no extra columns: the common case when building one from a code list.
    pub fn new(code: Code, name: impl Into<String>) -> Division {
        Division {
            code,
            name: name.into(),
            extra: Extra::new(),
        }
    }

    pub fn level(&self) -> Level {
        self.code.level()
    }
}

/// A calendar month, written `YYYY-MM` (Table Schema's `yearmonth`): the period complaint figures
/// are published for. Orders by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: u16,
    month: u8,
}

impl Month {
    /// `None` unless `month` is 1–12 and `year` has four digits.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        let ok = (1000..=9999).contains(&year) && (1..=12).contains(&month);
        ok.then_some(Month {
            year: year as u16,
            month: month as u8,
        })
    }

    /// Only `YYYY-MM`, as the schema says: `2026-3` or `2026/03` would not come back the same
    /// when written.
    pub fn parse(s: &str) -> Option<Month> {
        let b = s.trim().as_bytes();
        let shape = b.len() == 7
            && b[4] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !shape {
            return None;
        }
        let s = s.trim();
        Month::new(s[..4].parse().ok()?, s[5..].parse().ok()?)
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month::new(date.year(), date.month()).expect("a date's month is 1–12")
    }

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.month(), 1).expect("a checked month")
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(s: String) -> Result<Month, String> {
        Month::parse(&s).ok_or_else(|| format!("“{s}” is not a month (YYYY-MM)"))
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

/// Complaints an authority received in one month, about one category, in one county or township
/// (`complaint_stats.csv`). Rows do not overlap: a county row counts only the complaints that no
/// township row of that county counts, so the figure for an area is the sum of every row inside
/// it (see `stats::complaint_totals`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplaintStat {
    pub jurisdiction_code: Code,
    pub month: Month,
    /// The complaint form's categories, so published figures and citizens' complaints line up.
    pub category: Category,
    pub received: u32,
    /// Of those received, how many were resolved; `None` when not published (not 0: unknown is
    /// not "none resolved").
    pub resolved: Option<u32>,
    /// Who published the figure.
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Extra,
}

/// Only `YYYY-MM-DD`: chrono alone would also take `2024-1-5`, which is not what the schema says
/// and would not come back the same when written.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let b = raw.trim().as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    // The shape is checked: the numbers are read directly (chrono's format parser, run once
    // per date, was a fiftieth of a national validate).
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    NaiveDate::from_ymd_opt(number(&b[..4]) as i32, number(&b[5..7]), number(&b[8..]))
}

/// The coordinate system a package's coordinates are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Crs {
    #[default]
    Wgs84,
    Gcj02,
    Bd09,
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_strictly_iso() {
        assert_eq!(
            super::parse_date("2024-03-01"),
            chrono::NaiveDate::from_ymd_opt(2024, 3, 1)
        );
        assert_eq!(super::parse_date("2024-3-1"), None);
        assert_eq!(super::parse_date("2024-02-30"), None);
        assert_eq!(super::parse_date("2024/03/01"), None);
    }
}
