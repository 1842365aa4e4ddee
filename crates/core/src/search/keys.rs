//! The pinyin keys of a name: full pinyin and initials, with a few heteronym alternatives
//! ([`keys_for`], the `pinyin` feature), packed in one string ([`PinyinKeys`]).

#[cfg(feature = "pinyin")]
use super::text::{fold_latin, half_width};

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

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
    pub(super) fn parts(&self) -> (&str, Option<&str>) {
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
pub(super) fn initials_of<'a>(readings: impl Iterator<Item = &'a str>) -> Vec<String> {
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

/// Most readings kept per name, counting the common one; a bound on the index size.
#[cfg(feature = "pinyin")]
pub(super) const MAX_READINGS: usize = 6;

/// Most readings a bundle's entry may carry: `MAX_READINGS` a name, with room for entries a
/// future build merges.
pub const MAX_KEPT_READINGS: usize = 16;

/// Other readings tried per character.
#[cfg(feature = "pinyin")]
pub(super) const MAX_ALTERNATIVES: usize = 2;

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
