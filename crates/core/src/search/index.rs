//! The index: every field of every entry packed into one byte string, one substring scan per
//! field a query, and ranks packed into a `u64` so that sorting them is the ranking.

#[cfg(feature = "pinyin")]
use super::entry::dataset_entries;
use super::entry::{Hit, HitKind, MatchClass, MatchField, SearchEntry};
#[cfg(feature = "pinyin")]
use super::keys::keys_for;
use super::text::{fold_latin, lowercase, normalize_into, pinyin_form};

use crate::code::Code;
#[cfg(feature = "pinyin")]
use crate::dataset::Dataset;
#[cfg(feature = "pinyin")]
use crate::model::Division;
use memchr::memmem::Finder;
use std::collections::HashMap;

/// How many places a query may name before what it looks for ("山西 阳城 凤城镇 卧庄").
const WITHIN_DEPTH: u8 = 3;

/// No parent.
pub(super) const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
pub(super) struct Stored {
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
pub(super) struct Packed {
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
    pub(super) fn begin(&mut self, owner: u32) {
        if !self.starts.is_empty() {
            self.text.push(0);
        }
        self.starts
            .push(u32::try_from(self.text.len()).expect("search index under 4 GiB"));
        self.owners.push(owner);
    }

    pub(super) fn push(&mut self, owner: u32, segment: &str) {
        if segment.is_empty() {
            return;
        }
        self.begin(owner);
        self.text.extend_from_slice(segment.as_bytes());
    }

    /// A full-pinyin key: syllables separated by spaces, packed without them but with their starts
    /// remembered.
    pub(super) fn push_syllables(&mut self, owner: u32, key: &str) {
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

    pub(super) fn is_syllable_start(&self, at: usize) -> bool {
        self.syllables
            .get(at / 64)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    }

    /// The segment holding byte `at`, searched forward from segment `from` (which starts at or
    /// before `at`): matches come in order, so this is usually a step or two, not a binary search
    /// over every segment.
    pub(super) fn segment_from(&self, from: usize, at: usize) -> usize {
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

    pub(super) fn segment_end(&self, segment: usize) -> usize {
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
    ///
    /// A query of several words, or one that finds nothing as it stands, is also read as a place
    /// within places, as people write addresses: "凤城镇卧庄" or "阳城 卧庄" find 卧庄 in 凤城镇
    /// (in 阳城县), after what the whole query finds ([`SearchIndex::search_within`]).
    pub fn search_kinds(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<Hit> {
        let mut ranks = self.ranked(query, limit, kinds);
        let words = query.split_whitespace().nth(1).is_some();
        if ranks.len() < limit && (ranks.is_empty() || words) {
            let found: Vec<u32> = ranks.iter().map(|&r| r as u32).collect();
            let within = self.search_within(query, limit, kinds, WITHIN_DEPTH);
            ranks.extend(
                within
                    .into_iter()
                    .filter(|&r| !found.contains(&(r as u32)))
                    .take(limit - found.len()),
            );
        }
        ranks.into_iter().map(|rank| self.hit(rank)).collect()
    }

    /// A query as a place within places: its last word (or, with no spaces, what follows a
    /// place's name at the start) found inside the areas the words before it name. An area is
    /// named by its whole name or its beginning (阳城 for 阳城县), in characters or pinyin. The
    /// ranks of what is found, best first.
    fn search_within(&self, query: &str, limit: usize, kinds: &[HitKind], depth: u8) -> Vec<u64> {
        if depth == 0 {
            return Vec::new();
        }
        const AREAS: [HitKind; 4] = [
            HitKind::Province,
            HitKind::City,
            HitKind::County,
            HitKind::Township,
        ];
        // Enough of the target's matches to find those inside the places.
        let wide = limit.saturating_mul(50).max(500);
        let words: Vec<&str> = query.split_whitespace().collect();
        let splits: Vec<(Vec<String>, String)> = match words.split_last() {
            Some((last, places)) if !places.is_empty() => vec![(
                places.iter().map(|w| w.to_string()).collect(),
                last.to_string(),
            )],
            // Cut only where characters are: letters run together ("xyzxyz") would find some
            // area's initials in almost any cut. A place is named by two characters at least.
            _ => {
                let text = Query::new(query).text;
                text.char_indices()
                    .skip(2)
                    .filter(|&(i, _)| !text[..i].is_ascii())
                    .map(|(i, _)| (vec![text[..i].to_string()], text[i..].to_string()))
                    .collect()
            }
        };
        let mut out: Vec<u64> = Vec::new();
        for (places, target) in splits {
            // The areas each place word names, whole or by its beginning.
            let named: Vec<Vec<u32>> = places
                .iter()
                .map(|place| {
                    self.ranked(place, 64, &AREAS)
                        .into_iter()
                        .filter(|&r| unpack(r).0 != MatchClass::Substring)
                        .map(|r| r as u32)
                        .collect()
                })
                .collect();
            if named.iter().any(Vec::is_empty) {
                continue;
            }
            // The target may itself be a place within a place (阳城县|凤城镇卧庄).
            let mut found = self.ranked(&target, wide, kinds);
            if found.is_empty() {
                found = self.search_within(&target, wide, kinds, depth - 1);
            }
            for rank in found {
                let inside = |areas: &Vec<u32>| {
                    let mut p = self.entries[rank as u32 as usize].parent;
                    while p != NONE {
                        if areas.contains(&p) {
                            return true;
                        }
                        p = self.entries[p as usize].parent;
                    }
                    false
                };
                if named.iter().all(inside) && !out.iter().any(|&r| r as u32 == rank as u32) {
                    out.push(rank);
                }
            }
        }
        out.sort_unstable();
        out.truncate(limit);
        out
    }

    /// The ranks of the best `limit` entries for a query as it stands, best first.
    fn ranked(&self, query: &str, limit: usize, kinds: &[HitKind]) -> Vec<u64> {
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
        ranked.finish()
    }

    pub(super) fn scan(
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

    pub(super) fn hit(&self, rank: u64) -> Hit {
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
pub(super) fn rank(
    class: MatchClass,
    field: MatchField,
    kind: HitKind,
    name_chars: u16,
    entry: u32,
) -> u64 {
    (class as u64) << 62
        | (field as u64) << 60
        | (kind as u64) << 56
        | u64::from(name_chars) << 32
        | u64::from(entry)
}

pub(super) fn unpack(rank: u64) -> (MatchClass, MatchField, u32) {
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
pub(super) struct Ranked {
    ranks: Vec<u64>,
    limit: usize,
    /// The worst of the best `limit` distinct entries at the last compaction: a rank above it can
    /// no longer make the list.
    threshold: u64,
}

impl Ranked {
    pub(super) fn new(limit: usize) -> Ranked {
        Ranked {
            ranks: Vec::new(),
            limit,
            threshold: u64::MAX,
        }
    }

    pub(super) fn push(&mut self, rank: u64) {
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
    pub(super) fn compact(&mut self) {
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

    pub(super) fn finish(mut self) -> Vec<u64> {
        self.compact();
        self.ranks.sort_unstable();
        self.ranks
    }
}

/// Sorts ranks by entry (the low half), then by rank.
pub(super) fn sort_rotated(ranks: &mut [u64]) {
    for r in ranks.iter_mut() {
        *r = r.rotate_left(32);
    }
    ranks.sort_unstable();
    for r in ranks.iter_mut() {
        *r = r.rotate_right(32);
    }
}

/// A query, normalized once.
pub(super) struct Query {
    /// Lower-cased, half-width, without spaces: compared with names and keys.
    pub(super) text: String,
    /// The same as tone-less pinyin letters, when it can be pinyin: compared with pinyin keys.
    pub(super) pinyin: Option<String>,
}

impl Query {
    pub(super) fn new(raw: &str) -> Query {
        let mut text = String::new();
        normalize_into(raw, &mut text);
        let pinyin = pinyin_form(&text);
        Query { text, pinyin }
    }
}
