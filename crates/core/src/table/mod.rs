//! Tables a journalist filters, sorts, pages and downloads: stations and villages, chosen by a
//! [`Query`] that the URL carries ([`Query::to_pairs`], [`Query::from_pairs`]), so a shared link
//! reopens the same view, and exported (`export`) as the rows a view keeps in the package's own CSV
//! format or as JSON.
//!
//! Results are indices into `Dataset::stations` / `Dataset::villages`, never copies of rows:
//! a national dataset has some 700,000 villages, and sorting indices by keys computed once per
//! row (not per comparison) sorts them on any column in a fraction of a second.
//!
//! The rules:
//! - **Filters** combine with "and". `area` keeps rows inside a division (a station by the code
//!   it stands in, a village by its own code). `tier`, `status`, `model` and `filed` describe
//!   stations and are ignored for villages. `below_daily` keeps villages whose effective
//!   frequency (`stats::effective_frequency`) is below daily or unserved — an unknown frequency
//!   is not counted, as it cannot be shown to fall short — and stations named as serving such a
//!   village. `text` keeps rows where every whitespace-separated word occurs in the name, the id
//!   or code, the address or the operator (stations), or the name or code (villages); Latin
//!   letters match in either case.
//! - **Sorting** is by any column of the CSV, named as in its header (the package's extra
//!   columns too): numbers numerically, dates by date, booleans false first, codes, words,
//!   text and lists by their characters as the cell reads (`邮政;中通`). Missing values go
//!   last in either direction; ties go by id (code for villages), ascending, so the order is the
//!   same on every load. An unknown column leaves file order.
//! - **Paging** is 0-based in [`Query::page`] and 1-based in the URL (`page=2` is the second page).
//!   A page past the end shows the last one, so an old link to page 9 of what is now 3 pages still
//!   shows rows.

mod export;

pub use export::*;

use crate::cell::{CellRef, PlainColumns};
use crate::code::Code;
use crate::dataset::Dataset;
use crate::model::{CoopModel, Frequency, Station, Status, Tier, Village};
use crate::read::parse_bool;
use crate::stats::effective_frequency;
use crate::write::{self, ToRow};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashSet;

/// Rows per page unless the query says otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// The largest page a URL may ask for: enough for a screenful of any table, small enough that a
/// hand-edited link cannot make the page render 700,000 rows.
pub const MAX_PAGE_SIZE: usize = 1000;

/// A sort on one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    /// The column's name in the CSV header.
    pub column: String,
    pub descending: bool,
}

/// What a table shows. `Default` is the whole table in file order, first page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub area: Option<Code>,
    /// Stations only.
    pub tier: Option<Tier>,
    /// Stations only.
    pub status: Option<Status>,
    /// Stations only.
    pub model: Option<CoopModel>,
    /// Stations only: with (`true`) or without (`false`) an end-outlet filing number.
    pub filed: Option<bool>,
    /// Villages served less than daily or not at all, and the stations serving them.
    pub below_daily: bool,
    /// Words to look for; empty = no text filter.
    pub text: String,
    pub sort: Option<Sort>,
    /// 0-based.
    pub page: usize,
    /// 0 means [`DEFAULT_PAGE_SIZE`].
    pub page_size: usize,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            area: None,
            tier: None,
            status: None,
            model: None,
            filed: None,
            below_daily: false,
            text: String::new(),
            sort: None,
            page: 0,
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

/// The URL parameters, in the order [`Query::to_pairs`] writes them.
pub mod param {
    pub const AREA: &str = "area";
    pub const TIER: &str = "tier";
    pub const STATUS: &str = "status";
    pub const MODEL: &str = "model";
    pub const FILED: &str = "filed";
    pub const BELOW_DAILY: &str = "below_daily";
    pub const TEXT: &str = "q";
    /// `name` ascending, `-name` descending.
    pub const SORT: &str = "sort";
    /// 1-based.
    pub const PAGE: &str = "page";
    pub const SIZE: &str = "size";
}

impl Query {
    /// The query as URL parameters, only those that differ from the default, so the plain table
    /// has a plain URL.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(a) = &self.area {
            out.push((param::AREA, a.to_string()));
        }
        if let Some(t) = self.tier {
            out.push((param::TIER, t.as_str().to_string()));
        }
        if let Some(s) = self.status {
            out.push((param::STATUS, s.as_str().to_string()));
        }
        if let Some(m) = self.model {
            out.push((param::MODEL, m.as_str().to_string()));
        }
        if let Some(f) = self.filed {
            out.push((param::FILED, f.to_string()));
        }
        if self.below_daily {
            out.push((param::BELOW_DAILY, "true".to_string()));
        }
        let text = self.text.trim();
        if !text.is_empty() {
            out.push((param::TEXT, text.to_string()));
        }
        if let Some(s) = &self.sort {
            let sign = if s.descending { "-" } else { "" };
            out.push((param::SORT, format!("{sign}{}", s.column)));
        }
        if self.page > 0 {
            out.push((param::PAGE, (self.page + 1).to_string()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE && self.page_size != 0 {
            out.push((param::SIZE, self.page_size.to_string()));
        }
        out
    }

    /// Reads URL parameters leniently: unknown names and values that do not parse are ignored
    /// (the rest of a mangled link still works); for a repeated name the last one counts.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Query {
        let mut q = Query::default();
        for (k, v) in pairs {
            let v = v.as_ref().trim();
            match k.as_ref() {
                param::AREA => {
                    if let Ok(c) = Code::parse(v) {
                        q.area = Some(c);
                    }
                }
                param::TIER => q.tier = Tier::parse(v).or(q.tier),
                param::STATUS => q.status = Status::parse(v).or(q.status),
                param::MODEL => q.model = CoopModel::parse(v).or(q.model),
                param::FILED => q.filed = parse_bool(v).or(q.filed),
                param::BELOW_DAILY => q.below_daily = parse_bool(v).unwrap_or(q.below_daily),
                param::TEXT => q.text = v.to_string(),
                param::SORT => {
                    let (descending, column) = match v.strip_prefix('-') {
                        Some(c) => (true, c),
                        None => (false, v),
                    };
                    if !column.is_empty() {
                        q.sort = Some(Sort {
                            column: column.to_string(),
                            descending,
                        });
                    }
                }
                param::PAGE => {
                    if let Some(n) = v.parse::<usize>().ok().filter(|&n| n >= 1) {
                        q.page = n - 1;
                    }
                }
                param::SIZE => {
                    if let Some(n) = v
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
                    {
                        q.page_size = n;
                    }
                }
                _ => {}
            }
        }
        q
    }

    fn size(&self) -> usize {
        if self.page_size == 0 {
            DEFAULT_PAGE_SIZE
        } else {
            self.page_size
        }
    }
}

/// One page of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Rows matching the filters, on every page.
    pub total: usize,
    /// The page shown, 0-based (the query's, or the last page when it asked for one past the end).
    pub page: usize,
    /// Pages in all; 1 for an empty table.
    pub pages: usize,
    pub page_size: usize,
    /// The rows of this page, in order, as indices into the dataset's vector.
    pub indices: Vec<usize>,
}

/// One page of rows already filtered and sorted: a page flip slices, it does not sort again.
pub fn page_of(rows: &[usize], q: &Query) -> Page {
    let size = q.size();
    let total = rows.len();
    let pages = total.div_ceil(size).max(1);
    let page = q.page.min(pages - 1);
    let start = (page * size).min(total);
    let end = (start + size).min(total);
    Page {
        total,
        page,
        pages,
        page_size: size,
        indices: rows[start..end].to_vec(),
    }
}

/// Every station matching the query's filters, sorted: the indices of all pages.
pub fn station_rows(ds: &Dataset, q: &Query) -> Vec<usize> {
    let words = Words::new(&q.text);
    let below: Option<HashSet<&str>> = q.below_daily.then(|| {
        ds.villages
            .iter()
            .filter(|v| below_daily(ds, v))
            .filter_map(|v| v.served_by.as_deref())
            .collect()
    });
    let mut rows: Vec<usize> = ds
        .stations
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            q.area.as_ref().is_none_or(|a| a.contains(&s.admin_code))
                && q.tier.is_none_or(|t| s.tier == t)
                && q.status.is_none_or(|st| s.status == st)
                && q.model.is_none_or(|m| s.model == Some(m))
                && q.filed.is_none_or(|f| s.is_filed() == f)
                && below.as_ref().is_none_or(|b| b.contains(s.id.as_str()))
                && words.all_in(&[
                    &s.name,
                    &s.id,
                    s.admin_code.as_str(),
                    s.address.as_deref().unwrap_or(""),
                    &s.operator,
                ])
        })
        .map(|(i, _)| i)
        .collect();
    if let Some(sort) = &q.sort {
        sort_rows(&ds.stations, &mut rows, sort);
    }
    rows
}

/// One page of stations.
pub fn stations(ds: &Dataset, q: &Query) -> Page {
    page_of(&station_rows(ds, q), q)
}

/// Every village matching the query's filters (the station-only ones ignored), sorted.
pub fn village_rows(ds: &Dataset, q: &Query) -> Vec<usize> {
    let words = Words::new(&q.text);
    let mut rows: Vec<usize> = ds
        .villages
        .iter()
        .enumerate()
        .filter(|(_, v)| {
            q.area.as_ref().is_none_or(|a| a.contains(&v.code))
                && (!q.below_daily || below_daily(ds, v))
                && words.all_in(&[&v.name, v.code.as_str()])
        })
        .map(|(i, _)| i)
        .collect();
    if let Some(sort) = &q.sort {
        sort_rows(&ds.villages, &mut rows, sort);
    }
    rows
}

/// One page of villages.
pub fn villages(ds: &Dataset, q: &Query) -> Page {
    page_of(&village_rows(ds, q), q)
}

/// Served less than daily, or not at all, by what the map shows.
fn below_daily(ds: &Dataset, v: &Village) -> bool {
    matches!(
        effective_frequency(ds, v),
        Frequency::BelowDaily | Frequency::Unserved
    )
}

/// The columns a table can be sorted by: the CSV header of the package's file, extra columns
/// included.
pub fn station_columns(ds: &Dataset) -> Vec<&str> {
    write::header(&ds.stations)
}

pub fn village_columns(ds: &Dataset) -> Vec<&str> {
    write::header(&ds.villages)
}

// ---------------------------------------------------------------------------------------------
// Text search

/// The search words, with Latin letters lower-cased once.
struct Words(Vec<Vec<u8>>);

impl Words {
    fn new(text: &str) -> Words {
        Words(
            text.split_whitespace()
                .map(|w| w.to_ascii_lowercase().into_bytes())
                .collect(),
        )
    }

    /// Every word occurs in one of the fields.
    fn all_in(&self, fields: &[&str]) -> bool {
        self.0
            .iter()
            .all(|w| fields.iter().any(|f| contains_ignoring_ascii_case(f, w)))
    }
}

/// Substring search folding only ASCII letters, without allocating. Byte windows are safe on
/// UTF-8: non-ASCII bytes compare exactly, and a whole character can only match at a character
/// boundary. Words with no Latin letter (most Chinese) take `memchr`'s fast finder.
fn contains_ignoring_ascii_case(haystack: &str, needle: &[u8]) -> bool {
    let hay = haystack.as_bytes();
    if needle.is_empty() {
        return true;
    }
    if !needle.iter().any(u8::is_ascii_alphabetic) {
        return memchr::memmem::find(hay, needle).is_some();
    }
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------------------------
// Sorting

/// A cell's value for sorting; only keys of the same column are ever compared.
#[derive(Debug, Clone, PartialEq)]
enum Key<'a> {
    Num(f64),
    Text(Cow<'a, str>),
    Date(NaiveDate),
    Bool(bool),
}

impl Key<'_> {
    fn cmp(&self, other: &Key<'_>) -> Ordering {
        match (self, other) {
            (Key::Num(a), Key::Num(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Date(a), Key::Date(b)) => a.cmp(b),
            (Key::Bool(a), Key::Bool(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

fn text(s: &str) -> Option<Key<'_>> {
    Some(Key::Text(Cow::Borrowed(s)))
}

fn num<N: Into<f64>>(n: Option<N>) -> Option<Key<'static>> {
    n.map(|n| Key::Num(n.into()))
}

/// A list as its cell reads (`a;b`), so the order is the one the downloaded file shows.
fn list<S: AsRef<str>>(items: impl Iterator<Item = S>) -> Option<Key<'static>> {
    let cell = items
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(";");
    (!cell.is_empty()).then_some(Key::Text(Cow::Owned(cell)))
}

/// How a row's key is read for one column, chosen once per sort.
type KeyFn<T> = for<'a> fn(&'a T) -> Option<Key<'a>>;

/// The same, for an extra column, whose name the reader must hold.
type DynKeyFn<'c, T> = dyn for<'a> Fn(&'a T) -> Option<Key<'a>> + 'c;

/// A row of a table: what sorting needs beyond writing it.
trait TableRow: ToRow + PlainColumns {
    /// The tie-breaker: station id, village code.
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    /// The key of a schema column with a rule of its own, `None` for a plain column or a name
    /// the schema does not have.
    fn key_fn(column: &str) -> Option<KeyFn<Self>>;
}

impl TableRow for Station {
    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn key_fn(column: &str) -> Option<KeyFn<Station>> {
        let f: KeyFn<Station> = match column {
            "id" => |s| text(&s.id),
            "tier" => |s| text(s.tier.as_str()),
            "name" => |s| text(&s.name),
            "admin_code" => |s| text(s.admin_code.as_str()),
            "lon" => |s| num(Some(s.lon)),
            "lat" => |s| num(Some(s.lat)),
            "operator" => |s| text(&s.operator),
            "brands" => |s| list(s.brands.iter()),
            "model" => |s| s.model.and_then(|m| text(m.as_str())),
            "services" => |s| list(s.services.iter().map(|x| x.as_str())),
            "pickup_fee" => |s| num(s.pickup_fee),
            "status" => |s| text(s.status.as_str()),
            _ => return None,
        };
        Some(f)
    }
}

impl TableRow for Village {
    fn id(&self) -> &str {
        self.code.as_str()
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn key_fn(column: &str) -> Option<KeyFn<Village>> {
        let f: KeyFn<Village> = match column {
            "code" => |v| text(v.code.as_str()),
            "name" => |v| text(&v.name),
            "township_code" => |v| text(v.township_code.as_str()),
            "kind" => |v| v.kind.and_then(|k| text(k.as_str())),
            "population" => |v| num(v.population),
            "lon" => |v| num(v.lon),
            "lat" => |v| num(v.lat),
            "deliveries_per_week" => |v| num(v.deliveries_per_week),
            "pickups_per_week" => |v| num(v.pickups_per_week),
            "delivery_mode" => |v| v.delivery_mode.and_then(|m| text(m.as_str())),
            _ => return None,
        };
        Some(f)
    }
}

/// The key of a plain column's value.
fn plain_key(cell: CellRef<'_>) -> Key<'_> {
    match cell {
        CellRef::Text(s) => Key::Text(Cow::Borrowed(s)),
        CellRef::Integer(n) => Key::Num(n as f64),
        CellRef::Number(n) => Key::Num(n),
        CellRef::Boolean(b) => Key::Bool(b),
        CellRef::Date(d) => Key::Date(d),
    }
}

/// The value of an extra column, as text; empty counts as missing.
fn extra_key<'a, T: ToRow>(row: &'a T, column: &str) -> Option<Key<'a>> {
    row.extra()
        .iter()
        .find(|(n, v)| n == column && !v.is_empty())
        .map(|(_, v)| Key::Text(Cow::Borrowed(v.as_str())))
}

/// Missing values last whichever the direction.
fn cmp_keys(a: &Option<Key<'_>>, b: &Option<Key<'_>>, descending: bool) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(a), Some(b)) if descending => b.cmp(a),
        (Some(a), Some(b)) => a.cmp(b),
    }
}

/// Sorts `rows` (indices into `all`) by one column: each key (and tie-breaking id) computed
/// once and sorted beside its index, so no comparison allocates or chases a row.
fn sort_rows<T: TableRow>(all: &[T], rows: &mut Vec<usize>, sort: &Sort) {
    let column = sort.column.as_str();
    let key: Box<DynKeyFn<'_, T>> = match T::key_fn(column) {
        Some(f) => Box::new(f),
        None if T::PLAIN.contains(&column) => {
            Box::new(move |r| r.plain(column).flatten().map(plain_key))
        }
        None if all
            .iter()
            .any(|r| r.extra().iter().any(|(n, _)| n == column)) =>
        {
            Box::new(move |r| extra_key(r, column))
        }
        None => return,
    };
    let mut keyed: Vec<(Option<Key<'_>>, &str, usize)> = rows
        .iter()
        .map(|&i| (key(&all[i]), all[i].id(), i))
        .collect();
    // Ties by id, then by position for a repeated id, so every pair of rows is ordered and the
    // faster unstable sort gives the one result a stable sort would.
    keyed.sort_unstable_by(|a, b| {
        cmp_keys(&a.0, &b.0, sort.descending)
            .then_with(|| a.1.cmp(b.1))
            .then(a.2.cmp(&b.2))
    });
    *rows = keyed.into_iter().map(|(_, _, i)| i).collect();
}

/// A row's reading by its id (station) or code (village): the name's syllables in lower case,
/// a space between (`feng cheng zhen`), as the search's keys give them.
pub type ReadingOf<'r> = dyn Fn(&str) -> Option<&'r str> + 'r;

/// Sorts stations (indices, as [`station_rows`] gives them) by their names' pinyin, the order of
/// a Chinese index: syllable by syllable, so `xi an` comes before `xian`. Rows with no reading go
/// last in either direction; ties by the name's characters, then by id.
pub fn sort_stations_by_reading(
    ds: &Dataset,
    rows: &mut Vec<usize>,
    descending: bool,
    reading: &ReadingOf<'_>,
) {
    sort_by_reading(&ds.stations, rows, descending, reading)
}

/// Sorts villages by their names' pinyin, like [`sort_stations_by_reading`].
pub fn sort_villages_by_reading(
    ds: &Dataset,
    rows: &mut Vec<usize>,
    descending: bool,
    reading: &ReadingOf<'_>,
) {
    sort_by_reading(&ds.villages, rows, descending, reading)
}

fn sort_by_reading<T: TableRow>(
    all: &[T],
    rows: &mut Vec<usize>,
    descending: bool,
    reading: &ReadingOf<'_>,
) {
    let mut keyed: Vec<(Option<&str>, &str, &str, usize)> = rows
        .iter()
        .map(|&i| (reading(all[i].id()), all[i].name(), all[i].id(), i))
        .collect();
    keyed.sort_unstable_by(|a, b| {
        let by_name = match (a.0, b.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => x.cmp(y).then_with(|| a.1.cmp(b.1)),
        };
        let by_name = if descending && a.0.is_some() && b.0.is_some() {
            by_name.reverse()
        } else {
            by_name
        };
        by_name.then_with(|| a.2.cmp(b.2)).then(a.3.cmp(&b.3))
    });
    *rows = keyed.into_iter().map(|(_, _, _, i)| i).collect();
}
