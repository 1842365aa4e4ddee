//! National name search: the villages and stations of every county, in shards the site fetches
//! by a query's first character or first two pinyin initials.

use super::entry::{HitKind, SearchEntry};
use super::index::Query;
use super::keys::PinyinKeys;
use super::text::{fold_latin, normalize_into};

use serde::{Deserialize, Serialize};

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
    pub fn keys_for_query(&self, raw: &str) -> Vec<String> {
        let query = Query::new(raw);
        let mut keys = Vec::new();
        if let Some(first) = query.text.chars().next() {
            keys.push(han_key(first, self.han_buckets));
        }
        // A place within places ("阳城 卧庄", `SearchIndex::search_kinds`): the last word's shard
        // too, so that its name is found before its county is loaded.
        if let Some(last) = raw_last_word(raw).and_then(|w| w.chars().next()) {
            keys.push(han_key(last, self.han_buckets));
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

/// The last of several words, if the query has more than one.
fn raw_last_word(raw: &str) -> Option<&str> {
    let mut words = raw.split_whitespace();
    let last = words.next_back()?;
    words.next().map(|_| last)
}

pub(super) fn han_key(first: char, buckets: u32) -> String {
    ShardKey::han(first, buckets).name()
}

pub(super) fn pinyin_key(a: u8, b: u8) -> String {
    ShardKey::Pinyin(a, b).name()
}

/// The first two initials of a reading (`feng cheng zhen` → `fc`), folded as queries are.
pub(super) fn initial_pair(initials: &str) -> Option<(u8, u8)> {
    let mut letters = initials.chars().filter_map(fold_latin);
    Some((letters.next()? as u8, letters.next()? as u8))
}

/// The first two initials of a full reading (`feng cheng zhen` → `fc`): [`initial_pair`] of its
/// initials.
pub(super) fn full_initial_pair(full: &str) -> Option<(u8, u8)> {
    let mut letters = full
        .split(' ')
        .filter_map(|s| s.chars().find_map(fold_latin));
    Some((letters.next()? as u8, letters.next()? as u8))
}

/// `s` up to its `n`th `sep` (all of it when it has fewer).
pub(super) fn up_to_nth(s: &str, sep: char, n: usize) -> &str {
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
pub(super) fn keys_by_pair(keys: &PinyinKeys) -> Vec<((u8, u8), PinyinKeys)> {
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
    pub(super) fn of(entry: &'a SearchEntry, pinyin: PinyinKeys) -> ShardEntry<'a> {
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
pub(super) const SHARD_PART: usize = 64 * 1024;

pub(super) type ShardPart<'a> = (
    foldhash::HashMap<ShardKey, Vec<ShardEntry<'a>>>,
    foldhash::HashSet<String>,
);

/// The shards of some entries, by a small key (named at the end), and the syllables of their
/// readings, each copied only the first time it is met.
pub(super) fn shard_part<'a>(entries: &[&'a SearchEntry], han_buckets: u32) -> ShardPart<'a> {
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
pub(super) enum ShardKey {
    Han(u32),
    Pinyin(u8, u8),
}

impl ShardKey {
    /// The bucket of a name's first character: the same for the build and for a query.
    pub(super) fn han(first: char, buckets: u32) -> ShardKey {
        ShardKey::Han(first as u32 % buckets.max(1))
    }

    /// The shard's file name (without `.json`).
    pub(super) fn name(self) -> String {
        match self {
            ShardKey::Han(bucket) => format!("h{bucket:03x}"),
            ShardKey::Pinyin(a, b) => format!("p{}{}", a as char, b as char),
        }
    }
}
