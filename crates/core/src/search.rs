//! One search over provinces, cities, counties, townships, villages and stations: Chinese
//! characters, partial names, full pinyin and pinyin initials (`fengchengzhen`, `feng cheng`,
//! `fcz` → 凤城镇), ranked exact before prefix before substring, and the place before the things
//! in it.
//!
//! How it is built, and why:
//! - Pinyin is not computed here at query time. Each [`SearchEntry`] carries its [`PinyinKeys`];
//!   [`keys_for`] (the `pinyin` feature, on by default) computes them with the `pinyin` crate, so
//!   the CLI can write them into the bundle and the site can either call it or read them. A query
//!   is only ever compared with keys, never converted itself: a query with Chinese characters is
//!   matched against names, one in Latin letters against pinyin.
//! - Every field of every entry is packed into one byte string per field, segments separated by
//!   a NUL. A query is one substring scan (`memchr::memmem`) per field over that string; a match's
//!   class is read off the bytes around it, and only a match that can still make the list is
//!   mapped back to its entry (a forward search from the previous match). No allocation or
//!   searcher set-up per entry, which is what keeps a national index (about 620,000 names) usable:
//!   a few milliseconds a query natively, a few tens for one letter found in every village's
//!   name (`c`: *cun*). The site holds only the counties it has loaded.
//! - Ranks are packed into a `u64` so that sorting them is the whole ranking: class (exact, prefix,
//!   substring), then the field matched (characters, full pinyin, initials, code), then the kind
//!   (a province before a city … before a village, and stations last, so a township comes before
//!   the stations named after it), then the name's length, then the code (entries are stored
//!   sorted by kind and code, so the entry number is the code order).
//! - Heteronyms (多音字): the `pinyin` crate's first reading is often not the place-name one (长治
//!   is *chang*zhi, the crate says *zhang*), so a name also gets keys with one character switched
//!   to each of its other readings, a few per name, most common characters first.
//! - Full pinyin found inside a name counts only from a syllable start (`chengzhen` finds 凤城镇,
//!   `engch` does not); initials are a letter a syllable, so any position is one.

use crate::code::{Code, Level};
use crate::dataset::Dataset;
use crate::model::Division;
use memchr::memmem::Finder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt::Write as _;

/// What a hit is. The order is the ranking's tie-break: the larger area first, stations last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Province,
    City,
    County,
    Township,
    Village,
    Station,
}

impl HitKind {
    pub const ALL: [HitKind; 6] = [
        HitKind::Province,
        HitKind::City,
        HitKind::County,
        HitKind::Township,
        HitKind::Village,
        HitKind::Station,
    ];

    /// The kind of a division or village at `level`.
    pub fn of_level(level: Level) -> HitKind {
        match level {
            Level::Province => HitKind::Province,
            Level::City => HitKind::City,
            Level::County => HitKind::County,
            Level::Township => HitKind::Township,
            Level::Village => HitKind::Village,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Province => "province",
            HitKind::City => "city",
            HitKind::County => "county",
            HitKind::Township => "township",
            HitKind::Village => "village",
            HitKind::Station => "station",
        }
    }
}

/// How well a query matched: the first level of the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchClass {
    /// The whole name (or key) is the query.
    Exact,
    /// The name begins with the query.
    Prefix,
    /// The query is inside the name (for pinyin: from a syllable start).
    Substring,
}

/// What the query matched: the second level of the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    /// The name as written (Chinese characters).
    Name,
    /// The full pinyin, tone-less (`fengchengzhen`).
    Pinyin,
    /// The pinyin initials (`fcz`).
    Initials,
    /// The division code or station id.
    Key,
}

/// The pinyin a name can be searched by: tone-less readings, syllables separated by one space
/// (`feng cheng zhen`), the most common reading first (the spaces mark where a match may start
/// inside a name), and the first letters of the same readings (`fcz`).
///
/// Kept as the bundle writes it, one string, because the national dataset has 1.15 million names
/// with up to six readings each, and the readings of a name differ in a syllable or two:
/// - readings are separated by `|`; the first is written whole, each other one as the syllables
///   it changes, `index=syllable` separated by spaces (`nan lang jia yuan|0=na|2=jie`), or whole
///   when that is shorter;
/// - the initials follow a `#`, `|`-separated, only when they are not the readings' own (the
///   first letter of each syllable, a syllable with digits whole, without repeats).
///
/// Readings are letters and digits (see [`keys_for`]), so the separators never occur in them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PinyinKeys(String);

impl PinyinKeys {
    /// Keys from the readings and their initials.
    pub fn new<S: AsRef<str>>(full: &[S], initials: &[S]) -> PinyinKeys {
        let mut out = String::new();
        let base: Vec<&str> = full
            .first()
            .map_or(Vec::new(), |f| f.as_ref().split(' ').collect());
        for (i, reading) in full.iter().map(AsRef::as_ref).enumerate() {
            if i > 0 {
                out.push('|');
            }
            let syllables: Vec<&str> = reading.split(' ').collect();
            let changed = (i > 0 && syllables.len() == base.len()).then(|| {
                let mut diff = String::new();
                for (k, (a, b)) in base.iter().zip(&syllables).enumerate() {
                    if a != b {
                        if !diff.is_empty() {
                            diff.push(' ');
                        }
                        // Written in place: a `format!` per changed syllable was 2 % of a
                        // national build.
                        let _ = write!(diff, "{k}={b}");
                    }
                }
                diff
            });
            match changed.filter(|d| !d.is_empty() && d.len() < reading.len()) {
                Some(diff) => out.push_str(&diff),
                None => out.push_str(reading),
            }
        }
        let derived = initials_of(full.iter().map(AsRef::as_ref));
        if !initials
            .iter()
            .map(AsRef::as_ref)
            .eq(derived.iter().map(String::as_str))
        {
            out.push('#');
            for (i, initials) in initials.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                out.push_str(initials.as_ref());
            }
        }
        PinyinKeys(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys as the bundle writes them.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The readings part and the initials part (when written).
    fn parts(&self) -> (&str, Option<&str>) {
        match self.0.split_once('#') {
            Some((full, initials)) => (full, Some(initials)),
            None => (self.0.as_str(), None),
        }
    }

    /// The readings, the most common first.
    pub fn full(&self) -> Vec<String> {
        let (full, _) = self.parts();
        if full.is_empty() {
            return Vec::new();
        }
        let mut segments = full.split('|');
        let first = segments.next().unwrap_or_default();
        let base: Vec<&str> = first.split(' ').collect();
        let mut readings = vec![first.to_string()];
        for segment in segments {
            if !segment.contains('=') {
                readings.push(segment.to_string());
                continue;
            }
            let mut syllables = base.clone();
            for change in segment.split(' ') {
                // Checked when read (`TryFrom<String>`).
                if let Some((at, syllable)) = change.split_once('=') {
                    if let Some(slot) = at.parse::<usize>().ok().and_then(|k| syllables.get_mut(k))
                    {
                        *slot = syllable;
                    }
                }
            }
            readings.push(syllables.join(" "));
        }
        readings
    }

    /// The initials of the readings (`fcz`), without repeats.
    pub fn initials(&self) -> Vec<String> {
        self.lists().1
    }

    /// The readings and the initials, each read once.
    pub fn lists(&self) -> (Vec<String>, Vec<String>) {
        let full = self.full();
        let initials = match self.parts() {
            (_, Some("")) => Vec::new(),
            (_, Some(initials)) => initials.split('|').map(str::to_string).collect(),
            (_, None) => initials_of(full.iter().map(String::as_str)),
        };
        (full, initials)
    }

    /// Adds the readings and initials of `other` that these keys lack.
    pub fn merge(&mut self, other: &PinyinKeys) {
        if other.is_empty() || *self == *other {
            return;
        }
        let (mut full, mut initials) = self.lists();
        let (more_full, more_initials) = other.lists();
        for (kept, more) in [(&mut full, more_full), (&mut initials, more_initials)] {
            for reading in more {
                if !kept.contains(&reading) {
                    kept.push(reading);
                }
            }
        }
        *self = PinyinKeys::new(&full, &initials);
    }
}

/// The first letter of each syllable of each reading (a syllable with digits, typed whole, whole),
/// without repeats.
fn initials_of<'a>(readings: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for reading in readings {
        let mut first = String::new();
        for syllable in reading.split(' ') {
            if syllable.bytes().any(|b| b.is_ascii_digit()) {
                first.push_str(syllable);
            } else if let Some(c) = syllable.chars().next() {
                first.push(c);
            }
        }
        if !all.contains(&first) {
            all.push(first);
        }
    }
    all
}

impl From<PinyinKeys> for String {
    fn from(keys: PinyinKeys) -> String {
        keys.0
    }
}

impl TryFrom<String> for PinyinKeys {
    type Error = String;

    /// Refuses what [`PinyinKeys::new`] never writes: more than [`MAX_KEPT_READINGS`] readings
    /// (a bundle's entry has a few; this also bounds what a hostile file can make the site
    /// expand), a `=` in the first reading, and a change that is not `digits=syllable` naming a
    /// syllable of the first reading.
    fn try_from(text: String) -> Result<PinyinKeys, String> {
        let (full, _) = text.split_once('#').unwrap_or((&text, ""));
        let refuse = |why: String| Err(format!("pinyin keys {text:?}: {why}"));
        if full.split('|').count() > MAX_KEPT_READINGS {
            return refuse("too many readings".into());
        }
        let mut segments = full.split('|');
        let first = segments.next().unwrap_or_default();
        if first.contains('=') {
            return refuse("the first reading must be whole".into());
        }
        let base = first.split(' ').count();
        for change in segments
            .filter(|s| s.contains('='))
            .flat_map(|s| s.split(' '))
        {
            let valid = change.split_once('=').is_some_and(|(at, syllable)| {
                !syllable.is_empty()
                    && !syllable.contains('=')
                    && !at.is_empty()
                    && at.bytes().all(|b| b.is_ascii_digit())
                    && at.parse::<usize>().is_ok_and(|k| k < base)
            });
            if !valid {
                return refuse(format!("{change:?} changes no syllable"));
            }
        }
        Ok(PinyinKeys(text))
    }
}

/// One thing that can be found. The build step can write these (with their pinyin) into the
/// bundle, and the site build an index from them without computing pinyin itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchEntry {
    pub kind: HitKind,
    /// The division or village code, or the station id.
    pub key: String,
    pub name: String,
    /// The code of the division or village it lies in, which gives a hit its context (a station's
    /// `admin_code`, a village's township, a division's parent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "PinyinKeys::is_empty")]
    pub pinyin: PinyinKeys,
}

impl SearchEntry {
    /// An entry without pinyin keys (found only by characters and key until some are given).
    pub fn new(
        kind: HitKind,
        key: impl Into<String>,
        name: impl Into<String>,
        parent: Option<String>,
    ) -> SearchEntry {
        SearchEntry {
            kind,
            key: key.into(),
            name: name.into(),
            parent,
            pinyin: PinyinKeys::default(),
        }
    }
}

/// Entries for everything in a dataset: its divisions, the divisions in `extra` it lacks (the
/// summary's areas, when only some counties' rows are loaded), its villages and its stations.
/// `keys` gives each name's pinyin: [`keys_for`], or a lookup in keys the build precomputed.
pub fn dataset_entries(
    ds: &Dataset,
    extra: &[Division],
    keys: &mut dyn FnMut(&str) -> PinyinKeys,
) -> Vec<SearchEntry> {
    let mut entries = Vec::with_capacity(
        ds.divisions.len() + extra.len() + ds.villages.len() + ds.stations.len(),
    );
    let mut entry = |kind, key: &str, name: &str, parent: Option<&str>| SearchEntry {
        kind,
        key: key.to_string(),
        name: name.to_string(),
        parent: parent.map(str::to_string),
        pinyin: keys(name),
    };
    for d in ds.divisions.iter().chain(
        extra
            .iter()
            .filter(|d| ds.division(d.code.as_str()).is_none()),
    ) {
        if d.level() == Level::Village {
            continue;
        }
        let parent = d.code.parent();
        entries.push(entry(
            HitKind::of_level(d.level()),
            d.code.as_str(),
            &d.name,
            parent.as_ref().map(Code::as_str),
        ));
    }
    for v in &ds.villages {
        entries.push(entry(
            HitKind::Village,
            v.code.as_str(),
            &v.name,
            Some(v.township_code.as_str()),
        ));
    }
    for s in &ds.stations {
        entries.push(entry(
            HitKind::Station,
            &s.id,
            &s.name,
            Some(s.admin_code.as_str()),
        ));
    }
    entries
}

/// A hit, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The division or village code, or the station id: what the hit's page is keyed by.
    pub key: String,
    pub name: String,
    /// Names of the areas it lies in, the largest first (省 … 乡镇, and the village for a village
    /// point), to tell apart places with the same name.
    pub context: Vec<String>,
    pub class: MatchClass,
    pub field: MatchField,
}

/// No parent.
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Stored {
    kind: HitKind,
    key: Box<str>,
    name: Box<str>,
    /// Characters in the name, for the ranking (shorter first: the place before things named
    /// after it).
    name_chars: u16,
    /// Entry number of the nearest area above it that is in the index.
    parent: u32,
}

/// One field of every entry, packed: segments separated by a NUL byte, which no query contains,
/// so no match can span two entries.
#[derive(Debug, Clone, Default)]
struct Packed {
    text: Vec<u8>,
    /// Where each segment starts.
    starts: Vec<u32>,
    /// The entry of each segment (an entry may have several: its readings).
    owners: Vec<u32>,
    /// For full pinyin: bit `i` is set when byte `i` starts a syllable. Empty for the other
    /// fields, where a match may start anywhere.
    syllables: Vec<u64>,
}

impl Packed {
    fn begin(&mut self, owner: u32) {
        if !self.starts.is_empty() {
            self.text.push(0);
        }
        self.starts
            .push(u32::try_from(self.text.len()).expect("search index under 4 GiB"));
        self.owners.push(owner);
    }

    fn push(&mut self, owner: u32, segment: &str) {
        if segment.is_empty() {
            return;
        }
        self.begin(owner);
        self.text.extend_from_slice(segment.as_bytes());
    }

    /// A full-pinyin key: syllables separated by spaces, packed without them but with their starts
    /// remembered.
    fn push_syllables(&mut self, owner: u32, key: &str) {
        let mut syllables = key.split(' ').filter(|s| !s.is_empty()).peekable();
        if syllables.peek().is_none() {
            return;
        }
        self.begin(owner);
        for syllable in syllables {
            let at = self.text.len();
            let word = self.syllables.len() * 64;
            if at >= word {
                self.syllables.resize(at / 64 + 1, 0);
            }
            self.syllables[at / 64] |= 1 << (at % 64);
            for c in syllable.chars() {
                if let Some(c) = fold_latin(c) {
                    self.text.push(c as u8);
                }
            }
        }
    }

    fn is_syllable_start(&self, at: usize) -> bool {
        self.syllables
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }

    /// The segment holding byte `at`, searched forward from segment `from` (which starts at or
    /// before `at`): matches come in order, so this is usually a step or two, not a binary search
    /// over every segment.
    fn segment_from(&self, from: usize, at: usize) -> usize {
        let n = self.starts.len();
        let (mut lo, mut step) = (from, 1);
        let mut hi = lo + 1;
        while hi < n && self.starts[hi] as usize <= at {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        let hi = hi.min(n);
        lo + self.starts[lo..hi].partition_point(|&s| s as usize <= at) - 1
    }

    fn segment_end(&self, segment: usize) -> usize {
        match self.starts.get(segment + 1) {
            Some(&next) => next as usize - 1,
            None => self.text.len(),
        }
    }
}

/// The search index. Build it once per loaded dataset; each query is then a few scans.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Stored>,
    names: Packed,
    pinyin: Packed,
    initials: Packed,
    keys: Packed,
}

impl SearchIndex {
    /// Builds the index. Entries with the same kind and key are kept once (the first), with the
    /// readings of all of them.
    pub fn build(entries: Vec<SearchEntry>) -> SearchIndex {
        // Sorted by kind and key, then by given order, so that of two entries with the same key
        // the first given wins (an unstable sort with the index as tie-break) — but keeps the
        // readings of both (the same name from several name shards, each with some readings).
        let mut numbered: Vec<(usize, SearchEntry)> = entries.into_iter().enumerate().collect();
        numbered.sort_unstable_by(|(i, a), (j, b)| (a.kind, &a.key, i).cmp(&(b.kind, &b.key, j)));
        numbered.dedup_by(|(_, b), (_, a)| {
            let same = a.kind == b.kind && a.key == b.key;
            if same {
                a.pinyin.merge(&b.pinyin);
            }
            same
        });
        let entries: Vec<SearchEntry> = numbered.into_iter().map(|(_, e)| e).collect();

        let by_code: HashMap<&str, u32> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind != HitKind::Station)
            .map(|(i, e)| (e.key.as_str(), i as u32))
            .collect();
        // The nearest area above that is in the index: a missing township still leaves the county.
        let parent_of = |e: &SearchEntry| -> u32 {
            let mut code = e.parent.as_deref().and_then(|p| Code::parse(p).ok());
            while let Some(c) = code {
                if let Some(&i) = by_code.get(c.as_str()) {
                    return i;
                }
                code = c.parent();
            }
            NONE
        };

        let mut index = SearchIndex::default();
        let mut normalized = String::new();
        for (i, e) in entries.iter().enumerate() {
            let owner = i as u32;
            normalized.clear();
            normalize_into(&e.name, &mut normalized);
            index.names.push(owner, &normalized);
            index.keys.push(owner, &lowercase(&e.key));
            let (full, initials) = e.pinyin.lists();
            for full in full {
                index.pinyin.push_syllables(owner, &full);
            }
            for initials in initials {
                let folded: String = initials.chars().filter_map(fold_latin).collect();
                index.initials.push(owner, &folded);
            }
            index.entries.push(Stored {
                kind: e.kind,
                key: e.key.as_str().into(),
                name: e.name.as_str().into(),
                name_chars: u16::try_from(e.name.chars().count()).unwrap_or(u16::MAX),
                parent: parent_of(e),
            });
        }
        index
    }

    /// The index of everything in a dataset (see [`dataset_entries`]), pinyin computed here.
    #[cfg(feature = "pinyin")]
    pub fn from_dataset(ds: &Dataset, extra: &[Division]) -> SearchIndex {
        SearchIndex::build(dataset_entries(ds, extra, &mut |name| keys_for(name)))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` hits for a query, best first. Case, spaces, tone marks, tone numbers and
    /// full-width letters in the query do not matter. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_kinds(query, limit, &[])
    }

    /// As [`SearchIndex::search`], finding only entries of these kinds (all kinds when empty):
    /// the complaint form's station and village pickers.
    pub fn search_kinds(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
        let query = Query::new(query);
        if query.text.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut ranked = Ranked::new(limit);
        self.scan(
            &self.names,
            query.text.as_bytes(),
            MatchField::Name,
            kinds,
            &mut ranked,
        );
        self.scan(
            &self.keys,
            query.text.as_bytes(),
            MatchField::Key,
            kinds,
            &mut ranked,
        );
        if let Some(pinyin) = &query.pinyin {
            self.scan(
                &self.pinyin,
                pinyin.as_bytes(),
                MatchField::Pinyin,
                kinds,
                &mut ranked,
            );
            self.scan(
                &self.initials,
                pinyin.as_bytes(),
                MatchField::Initials,
                kinds,
                &mut ranked,
            );
        }
        ranked
            .finish()
            .into_iter()
            .map(|rank| self.hit(rank))
            .collect()
    }

    fn scan(
        &self,
        packed: &Packed,
        needle: &[u8],
        field: MatchField,
        kinds: &[HitKind],
        ranked: &mut Ranked,
    ) {
        // The best rank any match of a class could have in this field: when even that cannot make
        // the list, the match is passed over without finding its entry.
        let best = |class| rank(class, field, HitKind::Province, 0, 0);
        if ranked.threshold < best(MatchClass::Exact) {
            return;
        }
        let finder = Finder::new(needle);
        let text = &packed.text;
        let mut segment = 0;
        let mut from = 0;
        while from < text.len() {
            let Some(found) = finder.find(&text[from..]) else {
                break;
            };
            let at = from + found;
            let after = at + needle.len();
            let class = if at > 0 && text[at - 1] != 0 {
                MatchClass::Substring
            } else if after == text.len() || text[after] == 0 {
                MatchClass::Exact
            } else {
                MatchClass::Prefix
            };
            if ranked.threshold < best(class) {
                // Any later match in this segment is a substring, worse still.
                from = memchr::memchr(0, &text[after..]).map_or(text.len(), |n| after + n + 1);
                continue;
            }
            if class == MatchClass::Substring
                && !packed.syllables.is_empty()
                && !packed.is_syllable_start(at)
            {
                // Not a syllable start: a later, overlapping match in this segment may be.
                from = at + 1;
                continue;
            }
            segment = packed.segment_from(segment, at);
            let entry = packed.owners[segment];
            let stored = &self.entries[entry as usize];
            if kinds.is_empty() || kinds.contains(&stored.kind) {
                ranked.push(rank(class, field, stored.kind, stored.name_chars, entry));
            }
            // Any later match in this segment would be a substring, no better than this one.
            from = packed.segment_end(segment) + 1;
        }
    }

    fn hit(&self, rank: u64) -> Hit {
        let (class, field, entry) = unpack(rank);
        let stored = &self.entries[entry as usize];
        let mut context = Vec::new();
        let mut parent = stored.parent;
        while parent != NONE {
            let p = &self.entries[parent as usize];
            context.push(p.name.to_string());
            parent = p.parent;
        }
        context.reverse();
        Hit {
            kind: stored.kind,
            key: stored.key.to_string(),
            name: stored.name.to_string(),
            context,
            class,
            field,
        }
    }
}

/// Packs a rank so that comparing the numbers compares the ranks.
fn rank(class: MatchClass, field: MatchField, kind: HitKind, name_chars: u16, entry: u32) -> u64 {
    (class as u64) << 62
        | (field as u64) << 60
        | (kind as u64) << 56
        | u64::from(name_chars) << 32
        | u64::from(entry)
}

fn unpack(rank: u64) -> (MatchClass, MatchField, u32) {
    let class = match rank >> 62 {
        0 => MatchClass::Exact,
        1 => MatchClass::Prefix,
        _ => MatchClass::Substring,
    };
    let field = match (rank >> 60) & 3 {
        0 => MatchField::Name,
        1 => MatchField::Pinyin,
        2 => MatchField::Initials,
        _ => MatchField::Key,
    };
    (class, field, rank as u32)
}

/// The best ranks seen, one per entry. Kept to a few times `limit` as it goes, so a one-letter
/// query over a national index does not hold every match.
struct Ranked {
    ranks: Vec<u64>,
    limit: usize,
    /// The worst of the best `limit` distinct entries at the last compaction: a rank above it can
    /// no longer make the list.
    threshold: u64,
}

impl Ranked {
    fn new(limit: usize) -> Ranked {
        Ranked {
            ranks: Vec::new(),
            limit,
            threshold: u64::MAX,
        }
    }

    fn push(&mut self, rank: u64) {
        if rank > self.threshold {
            return;
        }
        self.ranks.push(rank);
        if self.ranks.len() >= self.limit.saturating_mul(2).saturating_add(256) {
            self.compact();
        }
    }

    /// Keeps each entry's best rank and then the best `limit` of those. Dropping the rest is safe:
    /// an entry dropped here has `limit` distinct entries ranked above it, which stay.
    fn compact(&mut self) {
        let entry = |r: &u64| *r as u32;
        // By entry, then rank: rotated, a rank's entry (low half) comes first and the whole value
        // orders the same way, so a plain sort (the one `finish` uses) does it.
        sort_rotated(&mut self.ranks);
        self.ranks.dedup_by_key(|r| entry(r));
        if self.ranks.len() >= self.limit {
            let (_, &mut worst, _) = self.ranks.select_nth_unstable(self.limit - 1);
            self.ranks.truncate(self.limit);
            self.threshold = worst;
        }
    }

    fn finish(mut self) -> Vec<u64> {
        self.compact();
        self.ranks.sort_unstable();
        self.ranks
    }
}

/// Sorts ranks by entry (the low half), then by rank.
fn sort_rotated(ranks: &mut [u64]) {
    for r in ranks.iter_mut() {
        *r = r.rotate_left(32);
    }
    ranks.sort_unstable();
    for r in ranks.iter_mut() {
        *r = r.rotate_right(32);
    }
}

/// Whether a query has nothing to look for (empty, or only spaces): every search answers it with
/// no hits, so a caller need not build or load an index for it.
pub fn is_blank(query: &str) -> bool {
    query.chars().map(half_width).all(is_dropped)
}

/// A query, normalized once.
struct Query {
    /// Lower-cased, half-width, without spaces: compared with names and keys.
    text: String,
    /// The same as tone-less pinyin letters, when it can be pinyin: compared with pinyin keys.
    pinyin: Option<String>,
}

impl Query {
    fn new(raw: &str) -> Query {
        let mut text = String::new();
        normalize_into(raw, &mut text);
        let pinyin = pinyin_form(&text);
        Query { text, pinyin }
    }
}

/// Lower-cases, folds full-width ASCII (what a Chinese input method types) to half-width, and drops
/// spaces and control characters.
fn normalize_into(s: &str, out: &mut String) {
    for c in s.chars().map(half_width) {
        if !is_dropped(c) {
            out.push(fold_case(c));
        }
    }
}

/// What a query or a name loses when normalized: spaces (full-width too) and control characters.
fn is_dropped(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// `s` through [`fold_case`].
fn lowercase(s: &str) -> String {
    s.chars().map(fold_case).collect()
}

/// Lower-cases ASCII and the non-ASCII capitals of pinyin (Latin-1's accented letters, the macron,
/// caron and other tone-marked vowels, `Ü`, `Ń`, `Ň`, `Ǹ`, `Ḿ`). Other scripts are left as they
/// are: names are Chinese, keys are codes and ids, and this keeps the Unicode case tables out of
/// the wasm.
fn fold_case(c: char) -> char {
    let lower = match c {
        'A'..='Z' => c as u32 + 0x20,
        // Latin-1 capitals À..Þ, except ×.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => c as u32 + 0x20,
        'Ā' | 'Ē' | 'Ě' | 'Ī' | 'Ń' | 'Ň' | 'Ō' | 'Ū' | 'Ǹ' | 'Ḿ' => c as u32 + 1,
        // Ǎ Ǐ Ǒ Ǔ Ǖ Ǘ Ǚ Ǜ: capitals at odd code points, each followed by its small letter.
        '\u{1CD}'..='\u{1DB}' if c as u32 % 2 == 1 => c as u32 + 1,
        _ => return c,
    };
    char::from_u32(lower).unwrap_or(c)
}

fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A normalized query as pinyin letters: tone marks and tone numbers dropped, `ü` and `v` read as
/// `u` (keys are folded the same way), apostrophes and hyphens between syllables ignored. `None`
/// when the query has anything else (Chinese characters, or digits that are not tone numbers).
fn pinyin_form(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    for c in text.chars() {
        if let Some(letter) = fold_latin(c) {
            out.push(letter);
            after_letter = true;
            continue;
        }
        match c {
            '1'..='5' if after_letter => after_letter = false,
            '\'' | '’' | '-' | '·' => after_letter = false,
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A Latin letter, tone marks removed and `ü`/`v` read as `u`; `None` for anything else.
fn fold_latin(c: char) -> Option<char> {
    Some(match c.to_ascii_lowercase() {
        c @ ('a'..='u' | 'w'..='z') => c,
        'v' | 'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}

/// Most readings kept per name, counting the common one; a bound on the index size.
#[cfg(feature = "pinyin")]
const MAX_READINGS: usize = 6;

/// Most readings a bundle's entry may carry: `MAX_READINGS` a name, with room for entries a
/// future build merges.
pub const MAX_KEPT_READINGS: usize = 16;

/// Other readings tried per character.
#[cfg(feature = "pinyin")]
const MAX_ALTERNATIVES: usize = 2;

/// The pinyin keys of a name, from the `pinyin` crate: the common reading of every character, plus
/// readings with one heteronym switched (characters in order, so the place-name part at the start
/// of a station's name gets them first). Letters and digits in the name are kept as they are;
/// punctuation has no reading.
#[cfg(feature = "pinyin")]
pub fn keys_for(name: &str) -> PinyinKeys {
    use pinyin::ToPinyinMulti;

    let mut tokens: Vec<Vec<String>> = Vec::new();
    let mut run = String::new();
    for c in name.chars().map(half_width) {
        if c.is_ascii_alphanumeric() {
            run.push(c.to_ascii_lowercase());
            continue;
        }
        if !run.is_empty() {
            tokens.push(vec![std::mem::take(&mut run)]);
        }
        if let Some(multi) = c.to_pinyin_multi() {
            let mut readings: Vec<String> = Vec::new();
            for p in multi {
                let reading: String = p.plain().chars().filter_map(fold_latin).collect();
                if !reading.is_empty() && !readings.contains(&reading) {
                    readings.push(reading);
                }
            }
            if !readings.is_empty() {
                tokens.push(readings);
            }
        }
    }
    if !run.is_empty() {
        tokens.push(vec![run]);
    }
    if tokens.is_empty() {
        return PinyinKeys::default();
    }

    let common: Vec<&str> = tokens.iter().map(|t| t[0].as_str()).collect();
    let mut full = vec![common.join(" ")];
    'tokens: for (i, token) in tokens.iter().enumerate() {
        for other in token.iter().skip(1).take(MAX_ALTERNATIVES) {
            if full.len() >= MAX_READINGS {
                break 'tokens;
            }
            let mut reading = common.clone();
            reading[i] = other;
            full.push(reading.join(" "));
        }
    }
    let initials = initials_of(full.iter().map(String::as_str));
    PinyinKeys::new(&full, &initials)
}

// ---------------------------------------------------------------------------------------------
// National name search: the villages and stations of every county, in shards the site fetches by
// a query's first letters, so that a name is found before its county is loaded.

/// The folder of the name shards, inside the bundle.
pub const NAME_SHARD_DIR: &str = "names";

/// Names are sharded by their first character's code point modulo this (about 2,200 entries a
/// shard for the national dataset's 1.15 million).
pub const HAN_BUCKETS: u32 = 512;

/// How the build split the villages' and stations' entries into shards (`summary.json`'s
/// `names`). A query fetches the shards [`NameShards::keys_for_query`] names, and finds in them
/// every entry whose name begins with it, and every village whose initials begin with it, or
/// whose full pinyin begins with it from the second syllable on (`fengc`, `fengchengzhen`);
/// matches inside a name, a first syllable alone (`feng`) and stations by pinyin are left to the
/// loaded counties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameShards {
    /// The shards' folder, relative to the bundle.
    pub dir: String,
    /// See [`HAN_BUCKETS`].
    pub han_buckets: u32,
    /// Every syllable of the entries' full pinyin, folded (to split off a query's first syllable
    /// without a pinyin table in the site).
    pub syllables: Vec<String>,
    /// The shards written, sorted (a shard with no entries is not written).
    pub keys: Vec<String>,
}

impl NameShards {
    /// A shard's file, relative to the bundle.
    pub fn file(&self, key: &str) -> String {
        format!("{}/{key}.json", self.dir)
    }

    /// The shards a query needs, of those written.
    pub fn keys_for_query(&self, query: &str) -> Vec<String> {
        let query = Query::new(query);
        let mut keys = Vec::new();
        if let Some(first) = query.text.chars().next() {
            keys.push(han_key(first, self.han_buckets));
        }
        if let Some(p) = query.pinyin.as_deref().filter(|p| p.len() >= 2) {
            let b = p.as_bytes();
            // As initials (`fc…`), then as full pinyin split after each syllable it can begin with.
            keys.push(pinyin_key(b[0], b[1]));
            for k in 1..b.len() {
                if self
                    .syllables
                    .binary_search_by(|s| s.as_str().cmp(&p[..k]))
                    .is_ok()
                {
                    keys.push(pinyin_key(b[0], b[k]));
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys.retain(|k| self.keys.binary_search(k).is_ok());
        keys
    }
}

fn han_key(first: char, buckets: u32) -> String {
    ShardKey::han(first, buckets).name()
}

fn pinyin_key(a: u8, b: u8) -> String {
    ShardKey::Pinyin(a, b).name()
}

/// The first two initials of a reading (`feng cheng zhen` → `fc`), folded as queries are.
fn initial_pair(initials: &str) -> Option<(u8, u8)> {
    let mut letters = initials.chars().filter_map(fold_latin);
    Some((letters.next()? as u8, letters.next()? as u8))
}

/// The first two initials of a full reading (`feng cheng zhen` → `fc`): [`initial_pair`] of its
/// initials.
fn full_initial_pair(full: &str) -> Option<(u8, u8)> {
    let mut letters = full
        .split(' ')
        .filter_map(|s| s.chars().find_map(fold_latin));
    Some((letters.next()? as u8, letters.next()? as u8))
}

/// `s` up to its `n`th `sep` (all of it when it has fewer).
fn up_to_nth(s: &str, sep: char, n: usize) -> &str {
    s.match_indices(sep)
        .nth(n.saturating_sub(1))
        .map_or(s, |(i, _)| &s[..i])
}

/// In name shards, readings keep this many syllables (and initials as many letters): what a
/// query typed from a name's start reaches, at a third of the size for the national dataset,
/// where most names end in 村民委员会 or 村级寄递物流综合服务站.
pub const SHARD_SYLLABLES: usize = 4;

/// An entry's keys split by the first two initials: each pair with the readings that begin so,
/// cut to [`SHARD_SYLLABLES`], so that a shard carries only what its queries can match.
fn keys_by_pair(keys: &PinyinKeys) -> Vec<((u8, u8), PinyinKeys)> {
    // A name has a few readings, so a list searched in order is the map here: each pair with its
    // readings and its initials.
    type Lists = (Vec<String>, Vec<String>);
    let mut by_pair: Vec<((u8, u8), Lists)> = Vec::new();
    let mut add = |list: fn(&mut Lists) -> &mut Vec<String>, pair, key: &str| {
        let at = match by_pair.iter().position(|(p, _)| *p == pair) {
            Some(at) => at,
            None => {
                by_pair.push((pair, Lists::default()));
                by_pair.len() - 1
            }
        };
        let keys = list(&mut by_pair[at].1);
        if !keys.iter().any(|k| k == key) {
            keys.push(key.to_string());
        }
    };
    let (full, initials) = keys.lists();
    for full in full {
        let cut = up_to_nth(&full, ' ', SHARD_SYLLABLES);
        if let Some(pair) = full_initial_pair(cut) {
            add(|k| &mut k.0, pair, cut);
        }
    }
    for initials in initials {
        let cut = initials
            .char_indices()
            .nth(SHARD_SYLLABLES)
            .map_or(initials.as_str(), |(i, _)| &initials[..i]);
        if let Some(pair) = initial_pair(cut) {
            add(|k| &mut k.1, pair, cut);
        }
    }
    by_pair
        .into_iter()
        .map(|(pair, (full, initials))| (pair, PinyinKeys::new(&full, &initials)))
        .collect()
}

/// An entry as a name shard holds it: the entry's own strings, borrowed, and the pinyin keys the
/// shard is found by. Written as JSON it is a [`SearchEntry`], which is how the site reads it; the
/// national dataset's shards hold about 2.5 million of them, so they are not copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShardEntry<'a> {
    pub kind: HitKind,
    pub key: &'a str,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<&'a str>,
    #[serde(skip_serializing_if = "PinyinKeys::is_empty")]
    pub pinyin: PinyinKeys,
}

impl<'a> ShardEntry<'a> {
    fn of(entry: &'a SearchEntry, pinyin: PinyinKeys) -> ShardEntry<'a> {
        ShardEntry {
            kind: entry.kind,
            key: &entry.key,
            name: &entry.name,
            parent: entry.parent.as_deref(),
            pinyin,
        }
    }
}

/// Name shards by file name (without `.json`), each listing its entries in the order they came.
pub type Shards<'a> = std::collections::BTreeMap<String, Vec<ShardEntry<'a>>>;

/// Splits entries into name shards: by the name's first character (without the pinyin, which
/// a query in characters does not need) and, stations excepted, by the first two initials of
/// each reading (with it).
pub fn name_shards<'a>(
    entries: impl IntoIterator<Item = &'a SearchEntry>,
    han_buckets: u32,
) -> (NameShards, Shards<'a>) {
    // The entries in parts, on every core where there are several, then each shard's parts
    // joined in order: a shard lists its entries in the order they came.
    let entries: Vec<&SearchEntry> = entries.into_iter().collect();
    let parts: Vec<&[&SearchEntry]> = entries.chunks(SHARD_PART).collect();
    let mut by_key: foldhash::HashMap<ShardKey, Vec<ShardEntry<'a>>> = Default::default();
    let mut syllables: foldhash::HashSet<String> = Default::default();
    for (part_keys, part_syllables) in crate::par::each(&parts, |p| shard_part(p, han_buckets)) {
        for (key, mut list) in part_keys {
            by_key.entry(key).or_default().append(&mut list);
        }
        syllables.extend(part_syllables);
    }
    let shards: Shards<'a> = by_key
        .into_iter()
        .map(|(key, entries)| (key.name(), entries))
        .collect();
    let mut syllables: Vec<String> = syllables.into_iter().collect();
    syllables.sort_unstable();
    let spec = NameShards {
        dir: NAME_SHARD_DIR.to_string(),
        han_buckets,
        syllables,
        keys: shards.keys().cloned().collect(),
    };
    (spec, shards)
}

/// Entries per part when shards are made on several cores.
const SHARD_PART: usize = 64 * 1024;

type ShardPart<'a> = (
    foldhash::HashMap<ShardKey, Vec<ShardEntry<'a>>>,
    foldhash::HashSet<String>,
);

/// The shards of some entries, by a small key (named at the end), and the syllables of their
/// readings, each copied only the first time it is met.
fn shard_part<'a>(entries: &[&'a SearchEntry], han_buckets: u32) -> ShardPart<'a> {
    let mut by_key: foldhash::HashMap<ShardKey, Vec<ShardEntry<'a>>> = Default::default();
    let mut syllables: foldhash::HashSet<String> = Default::default();
    let (mut name, mut folded) = (String::new(), String::new());
    let mut keys_seen: foldhash::HashSet<&str> = Default::default();
    for &entry in entries {
        name.clear();
        normalize_into(&entry.name, &mut name);
        if let Some(first) = name.chars().next() {
            let key = ShardKey::han(first, han_buckets);
            let bare = ShardEntry::of(entry, PinyinKeys::default());
            by_key.entry(key).or_default().push(bare);
        }
        // Names repeat across the country, and so do their keys: each is split once per part.
        let readings = if keys_seen.insert(entry.pinyin.as_str()) {
            entry.pinyin.full()
        } else {
            Vec::new()
        };
        for full in readings {
            for syllable in full.split(' ') {
                folded.clear();
                folded.extend(syllable.chars().filter_map(fold_latin));
                if !folded.is_empty() && !syllables.contains(folded.as_str()) {
                    syllables.insert(folded.clone());
                }
            }
        }
        // Stations are found by pinyin through their village (most are named after it) or once
        // their county is open: their long names would double the pinyin shards.
        if entry.kind == HitKind::Station {
            continue;
        }
        for ((a, b), pinyin) in keys_by_pair(&entry.pinyin) {
            let key = ShardKey::Pinyin(a, b);
            by_key
                .entry(key)
                .or_default()
                .push(ShardEntry::of(entry, pinyin));
        }
    }
    (by_key, syllables)
}

/// A name shard before it is named: a bucket of first characters, or a pair of initials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ShardKey {
    Han(u32),
    Pinyin(u8, u8),
}

impl ShardKey {
    /// The bucket of a name's first character: the same for the build and for a query.
    fn han(first: char, buckets: u32) -> ShardKey {
        ShardKey::Han(first as u32 % buckets.max(1))
    }

    /// The shard's file name (without `.json`).
    fn name(self) -> String {
        match self {
            ShardKey::Han(bucket) => format!("h{bucket:03x}"),
            ShardKey::Pinyin(a, b) => format!("p{}{}", a as char, b as char),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: HitKind, key: &str, name: &str, parent: Option<&str>) -> SearchEntry {
        let e = SearchEntry::new(kind, key, name, parent.map(str::to_string));
        #[cfg(feature = "pinyin")]
        let e = SearchEntry {
            pinyin: keys_for(name),
            ..e
        };
        e
    }

    #[test]
    fn a_blank_query_is_one_that_normalizes_to_nothing() {
        for q in ["", " ", "\u{3000}\u{3000}", "\t\n"] {
            assert!(is_blank(q), "{q:?}");
            assert!(Query::new(q).text.is_empty());
        }
        for q in ["a", " 凤 ", "\u{3000}ｆ", "0"] {
            assert!(!is_blank(q), "{q:?}");
            assert!(!Query::new(q).text.is_empty());
        }
    }

    #[test]
    fn queries_normalize_to_text_and_pinyin() {
        let q = Query::new(" Feng Cheng ");
        assert_eq!(q.text, "fengcheng");
        assert_eq!(q.pinyin.as_deref(), Some("fengcheng"));
        assert_eq!(
            Query::new("fēng chéng").pinyin.as_deref(),
            Some("fengcheng")
        );
        assert_eq!(
            Query::new("feng1cheng2").pinyin.as_deref(),
            Some("fengcheng")
        );
        assert_eq!(Query::new("xi'an").pinyin.as_deref(), Some("xian"));
        assert_eq!(Query::new("ＦＣＺ").pinyin.as_deref(), Some("fcz"));
        assert_eq!(Query::new("lv").pinyin.as_deref(), Some("lu"));
        assert_eq!(Query::new("lü").pinyin.as_deref(), Some("lu"));
        assert_eq!(Query::new("凤城").pinyin, None);
        assert_eq!(Query::new("140522").pinyin, None);
        assert_eq!(Query::new("g107").pinyin, None, "0 is not a tone number");
    }

    #[test]
    fn ranks_compare_class_then_field_then_kind_then_length_then_entry() {
        use HitKind::*;
        use MatchClass::*;
        use MatchField::*;
        let r = |c, f, k, n, e| rank(c, f, k, n, e);
        assert!(r(Exact, Key, Station, 99, 9) < r(Prefix, Name, Province, 1, 0));
        assert!(r(Prefix, Name, Station, 2, 0) < r(Prefix, Pinyin, Province, 2, 0));
        assert!(r(Prefix, Pinyin, Township, 9, 9) < r(Prefix, Pinyin, Village, 2, 0));
        assert!(r(Prefix, Pinyin, Township, 3, 9) < r(Prefix, Pinyin, Township, 4, 0));
        assert!(r(Prefix, Pinyin, Township, 3, 1) < r(Prefix, Pinyin, Township, 3, 2));
        let packed = r(Substring, Initials, Village, 300, 123_456);
        assert_eq!(unpack(packed), (Substring, Initials, 123_456));
    }

    #[test]
    fn an_index_without_pinyin_still_finds_characters_and_keys() {
        let index = SearchIndex::build(vec![
            SearchEntry::new(HitKind::Township, "140522100", "凤城镇", None),
            SearchEntry::new(HitKind::Station, "ts-1", "凤城镇快递服务站", None),
        ]);
        let hits = index.search("凤城", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].key, "140522100");
        assert!(index.search("fcz", 10).is_empty());
        assert_eq!(index.search("TS-1", 10)[0].key, "ts-1");
        assert!(index.search("", 10).is_empty());
        assert!(index.search("凤城", 0).is_empty());
    }

    #[test]
    fn duplicate_keys_are_kept_once() {
        let index = SearchIndex::build(vec![
            entry(HitKind::Village, "140522100201", "东关村", None),
            entry(HitKind::Village, "140522100201", "东关村（重复）", None),
        ]);
        assert_eq!(index.len(), 1);
        assert_eq!(index.search("东关", 10)[0].name, "东关村");
    }

    #[test]
    fn pinyin_inside_a_name_matches_only_from_a_syllable_start() {
        // Keys as the build would precompute them: no pinyin crate needed.
        let mut e = SearchEntry::new(HitKind::Township, "140522100", "凤城镇", None);
        e.pinyin = PinyinKeys::new(&["feng cheng zhen"], &["fcz"]);
        let index = SearchIndex::build(vec![e]);
        assert_eq!(index.search("fcz", 5)[0].class, MatchClass::Exact);
        assert_eq!(index.search("Feng Cheng", 5)[0].class, MatchClass::Prefix);
        let hit = &index.search("chengzhen", 5)[0];
        assert_eq!(
            (hit.class, hit.field),
            (MatchClass::Substring, MatchField::Pinyin)
        );
        assert!(index.search("engch", 5).is_empty());
        // Initials are one letter a syllable, so any position is a syllable start.
        assert_eq!(index.search("cz", 5)[0].field, MatchField::Initials);
    }

    #[test]
    fn the_limit_keeps_the_best_distinct_entries() {
        // More entries than the compaction threshold, so `Ranked::compact` runs mid-scan.
        let mut entries: Vec<SearchEntry> = (0..3000)
            .map(|i| {
                SearchEntry::new(
                    HitKind::Village,
                    format!("14052210{:04}", i),
                    format!("东{i}村"),
                    None,
                )
            })
            .collect();
        entries.push(SearchEntry::new(HitKind::Township, "140522101", "东", None));
        let index = SearchIndex::build(entries);
        let hits = index.search("东", 7);
        assert_eq!(hits.len(), 7);
        assert_eq!(
            (hits[0].name.as_str(), hits[0].class),
            ("东", MatchClass::Exact)
        );
        let mut keys: Vec<&str> = hits.iter().map(|h| h.key.as_str()).collect();
        keys.dedup();
        assert_eq!(keys.len(), 7);
        // Same class, field and kind: shorter names first, then code order.
        assert_eq!(hits[1].name, "东0村");
        assert_eq!(hits[2].name, "东1村");
    }

    #[test]
    fn keys_are_one_string_that_gives_back_every_reading_and_initial() {
        let full = [
            "nan lang jia yuan",
            "na lang jia yuan",
            "nan lang gu yuan",
            "nan lang jia wan",
            "g107 xian",
        ];
        let initials = ["nljy", "nlgy", "nljw", "g107x"];
        let k = PinyinKeys::new(&full, &initials);
        // Readings that change a syllable or two are written as the change.
        assert_eq!(
            k.as_str(),
            "nan lang jia yuan|0=na|2=gu|3=wan|g107 xian",
            "initials of the readings themselves are not written"
        );
        assert_eq!(k.full(), full);
        assert_eq!(k.initials(), initials);
        // Initials that are not the readings' own are written after a `#`.
        let cut = PinyinKeys::new(&["feng cheng zhen"], &["fczh", "fc"]);
        assert_eq!(cut.as_str(), "feng cheng zhen#fczh|fc");
        assert_eq!(cut.initials(), ["fczh", "fc"]);
        let only_initials = PinyinKeys::new(&[] as &[&str], &["fcz"]);
        assert!(only_initials.full().is_empty());
        assert_eq!(only_initials.initials(), ["fcz"]);
        assert!(PinyinKeys::new(&[] as &[&str], &[]).is_empty());
        // Readings without initials (a shard's pair the initials do not begin with).
        let no_initials = PinyinKeys::new(&["feng cheng"], &[]);
        assert_eq!(no_initials.as_str(), "feng cheng#");
        assert_eq!(
            no_initials.lists(),
            (vec!["feng cheng".to_string()], vec![])
        );
        // In JSON, a string; read back the same, or refused when a change names no syllable.
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("{:?}", k.as_str()));
        assert_eq!(serde_json::from_str::<PinyinKeys>(&json).unwrap(), k);
        let many = format!("{:?}", vec!["a"; MAX_KEPT_READINGS + 1].join("|"));
        for bad in [
            r#""feng cheng|3=zhen""#,
            r#""feng|x=a""#,
            r#""feng|0=""#,
            r#""feng|+0=a""#,
            r#""feng|0=a=b""#,
            r#""f=g|0=a""#,
            &many,
        ] {
            assert!(serde_json::from_str::<PinyinKeys>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn merged_keys_hold_the_readings_of_both_once() {
        let mut a = PinyinKeys::new(&["chang zhi"], &["cz"]);
        a.merge(&PinyinKeys::new(&["zhang zhi", "chang zhi"], &["zz", "cz"]));
        assert_eq!(a.full(), ["chang zhi", "zhang zhi"]);
        assert_eq!(a.initials(), ["cz", "zz"]);
        assert_eq!(a.as_str(), "chang zhi|0=zhang");
    }

    #[cfg(feature = "pinyin")]
    #[test]
    fn keys_cover_common_readings_heteronyms_letters_and_digits() {
        let k = keys_for("凤城镇");
        assert_eq!(k.full(), ["feng cheng zhen"]);
        assert_eq!(k.initials(), ["fcz"]);
        let k = keys_for("长治市");
        assert!(k.full().contains(&"chang zhi shi".to_string()), "{k:?}");
        assert!(k.initials().contains(&"czs".to_string()), "{k:?}");
        assert!(k.full().len() <= MAX_READINGS);
        let k = keys_for("G107线3号服务点（东）");
        assert_eq!(k.full()[0], "g107 xian 3 hao fu wu dian dong");
        assert_eq!(k.initials()[0], "g107x3hfwdd");
        assert_eq!(keys_for("绿村").full()[0], "lu cun", "ü is folded to u");
        assert!(keys_for("（）").is_empty());
    }

    #[cfg(feature = "pinyin")]
    #[test]
    fn heteronym_readings_find_place_names() {
        let index = SearchIndex::build(vec![
            entry(HitKind::City, "1404", "长治市", Some("14")),
            entry(HitKind::City, "5001", "重庆市", None),
            entry(HitKind::City, "3502", "厦门市", None),
            entry(HitKind::Province, "14", "山西省", None),
        ]);
        assert_eq!(index.search("changzhi", 3)[0].name, "长治市");
        assert_eq!(index.search("chongqing", 3)[0].name, "重庆市");
        assert_eq!(index.search("xiamen", 3)[0].name, "厦门市");
        assert_eq!(index.search("czs", 3)[0].name, "长治市");
        assert_eq!(index.search("changzhi", 3)[0].context, ["山西省"]);
    }
}
