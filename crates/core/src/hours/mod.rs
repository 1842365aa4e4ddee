//! Opening hours: reads a station's `hours` (OpenStreetMap `opening_hours` syntax) and says whether
//! it is open at an instant in China time — open now and until when, or closed and when it opens.
//!
//! Why not the `opening-hours` crate, the reference implementation in Rust: built for
//! wasm32-unknown-unknown it adds about 750 KB to the wasm (≈130 KB brotli, against a 300 KB
//! budget for the whole app shell) — holiday calendars it decompresses at run time, a pest
//! parser, sunrise tables — and it asks for chrono's default features, which pull `wasm-bindgen`
//! and `js-sys` into this crate, which must stay free of JS. Stations publish a small subset of
//! the syntax, so that subset is read here and the crate checks it in the tests (a
//! dev-dependency): every `hours` value in the demo data, and the cases below, evaluate the same
//! in both at every instant tried.
//!
//! Read: weekday ranges and lists (`Mo-Fr`, `Sa,Su`, `Fr-Mo`), several time ranges
//! (`07:30-12:00,14:00-19:00`), ranges past midnight (`22:00-02:00`, `18:00-26:00`), `;` rules
//! (a later rule replaces earlier ones on the days it names), `,` additional rules (they add),
//! `off`/`closed`, `open`, `24/7`, comments in quotes (ignored), and `PH`/`SH` (public and school
//! holidays: which days those are is not known here, so those rules are skipped and holidays are
//! treated as ordinary days). Full-width punctuation is read as its ASCII form, since Chinese input
//! methods type it.
//!
//! Valid syntax outside that subset (months, dates, weeks, sunrise/sunset, `+`, `||`, `unknown`)
//! gives [`OpeningState::Unknown`] rather than a wrong answer; a value that is not
//! `opening_hours` at all is an [`HoursError`] saying where.
//!
//! China has one time zone and no daylight saving time, so a fixed UTC+8 offset is exact.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday,
};
use serde::{Deserialize, Serialize};

/// China Standard Time, UTC+8 all year.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// Whether a station is open at an instant, in China's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OpeningState {
    /// Open; closes at `closes_at` (`None`: never, as with `24/7`).
    Open { closes_at: Option<NaiveDateTime> },
    /// Closed; opens at `opens_at` (`None`: never, as with `off`).
    Closed { opens_at: Option<NaiveDateTime> },
    /// The value uses syntax this module does not evaluate.
    Unknown,
}

/// Why an `hours` value could not be read; `position` counts characters from 0.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at character {})", .position + 1)]
pub struct HoursError {
    pub position: usize,
    pub kind: HoursErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursErrorKind {
    #[error("the opening hours are empty")]
    Empty,
    #[error("`{0}` is not part of the opening_hours syntax")]
    Unexpected(String),
    #[error("a time is written HH:MM, from 00:00 to 24:00 (an end past midnight up to 48:00)")]
    BadTime,
    #[error("expected {0}")]
    Expected(&'static str),
}

/// A time range within a day, in minutes from midnight: `(start, end)`, `end` up to 1440.
pub type Span = (u16, u16);

const DAY: u16 = 24 * 60;
const ALL_DAYS: u8 = 0b111_1111;

/// Parsed opening hours: the time ranges of each weekday, or nothing when the value uses syntax
/// outside the subset read here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    week: Option<[Vec<Span>; 7]>,
}

/// Reads `hours` and evaluates it at `at` (any offset; evaluated in China time).
pub fn state_at(hours: &str, at: DateTime<FixedOffset>) -> Result<OpeningState, HoursError> {
    Ok(Hours::parse(hours)?.state_at(at))
}

impl Hours {
    pub fn parse(text: &str) -> Result<Hours, HoursError> {
        let tokens = lex(text)?;
        if tokens.is_empty() {
            return Err(HoursError {
                position: 0,
                kind: HoursErrorKind::Empty,
            });
        }
        let end = text.chars().count();
        // Lexed whole first, so a typo anywhere is an error even in a value that is also unsupported.
        if tokens.iter().any(|(_, t)| *t == Tok::Unsupported) {
            return Ok(Hours { week: None });
        }
        let rules = Parser {
            tokens,
            next: 0,
            end,
        }
        .rules()?;
        let mut week: [Vec<Span>; 7] = Default::default();
        for rule in rules {
            match rule {
                Rule::Unsupported => return Ok(Hours { week: None }),
                Rule::Skipped => {}
                Rule::Days {
                    days,
                    spans,
                    additive,
                } => {
                    let selected = (0..7).filter(|d| days & (1 << d) != 0);
                    // A rule replaces all of a day it names, including the part of the previous
                    // night's range that ran past midnight into it (`Fr,Sa 18:00-02:00; Su off`
                    // closes at midnight on Saturday), as the reference implementation does.
                    if !additive {
                        for d in selected.clone() {
                            week[d].clear();
                        }
                    }
                    for d in selected {
                        for &(start, end) in &spans {
                            week[d].push((start, end.min(DAY)));
                            if end > DAY {
                                week[(d + 1) % 7].push((0, end - DAY));
                            }
                        }
                    }
                }
            }
        }
        for day in &mut week {
            day.sort_unstable();
        }
        Ok(Hours { week: Some(week) })
    }

    /// Whether the value was fully understood (otherwise every state is `Unknown`).
    pub fn is_understood(&self) -> bool {
        self.week.is_some()
    }

    /// The time ranges of a weekday, in order; a range past midnight shows as its two parts, the
    /// second in the next day's ranges. `None` when the value is not understood.
    pub fn spans(&self, day: Weekday) -> Option<&[Span]> {
        self.week
            .as_ref()
            .map(|w| w[day.num_days_from_monday() as usize].as_slice())
    }

    /// The state at an instant (any offset; evaluated in China time, to the minute).
    pub fn state_at(&self, at: DateTime<FixedOffset>) -> OpeningState {
        let Some(week) = &self.week else {
            return OpeningState::Unknown;
        };
        let local = at.with_timezone(&china()).naive_local();
        let monday: NaiveDate =
            local.date() - Duration::days(i64::from(local.weekday().num_days_from_monday()));
        let midnight = monday.and_time(NaiveTime::MIN);
        let now = (local - midnight).num_minutes();
        let minute = |m: i64| midnight + Duration::minutes(m);

        // Last week to next week (so that what opens or closes within seven days from now is seen,
        // and a range running on from last Sunday night is whole), merged where ranges touch.
        let mut open: Vec<(i64, i64)> = Vec::new();
        for w in -1..=1_i64 {
            for (d, spans) in week.iter().enumerate() {
                let base = (w * 7 + d as i64) * i64::from(DAY);
                open.extend(
                    spans
                        .iter()
                        .map(|&(s, e)| (base + i64::from(s), base + i64::from(e))),
                );
            }
        }
        open.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(open.len());
        for (s, e) in open {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        // Open without a break until the end of next week: open for at least seven days from now,
        // which in a weekly schedule is always.
        let horizon = 14 * i64::from(DAY);
        if let Some(&(_, e)) = merged.iter().find(|&&(s, e)| s <= now && now < e) {
            return OpeningState::Open {
                closes_at: (e < horizon).then(|| minute(e)),
            };
        }
        OpeningState::Closed {
            opens_at: merged
                .iter()
                .find(|&&(s, _)| s > now)
                .map(|&(s, _)| minute(s)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// Monday is 0.
    Day(u8),
    /// `PH` or `SH`.
    Holiday,
    /// Minutes from midnight, up to 48:00.
    Time(u16),
    Dash,
    Comma,
    Semicolon,
    Off,
    Open,
    TwentyFourSeven,
    Comment,
    /// Valid `opening_hours` syntax not evaluated here.
    Unsupported,
}

const WEEKDAYS: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
const UNSUPPORTED_WORDS: [&str; 20] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "week",
    "sunrise", "sunset", "dawn", "dusk", "easter", "unknown", "day",
];

fn lex(text: &str) -> Result<Vec<(usize, Tok)>, HoursError> {
    let chars: Vec<char> = text.chars().map(ascii_punctuation).collect();
    let err = |position, kind| Err(HoursError { position, kind });
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let token = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '"' => match chars[i + 1..].iter().position(|&c| c == '"') {
                Some(n) => {
                    i += n + 2;
                    tokens.push((start, Tok::Comment));
                    continue;
                }
                None => {
                    return err(
                        start,
                        HoursErrorKind::Expected("a closing \" after a comment"),
                    )
                }
            },
            '0'..='9' => {
                let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                let number: String = chars[i..i + digits].iter().collect();
                i += digits;
                if number == "24" && chars.get(i) == Some(&'/') && chars.get(i + 1) == Some(&'7') {
                    i += 2;
                    tokens.push((start, Tok::TwentyFourSeven));
                    continue;
                }
                if chars.get(i) != Some(&':') {
                    // A year (`2025 Mo-Fr …`), or a day of the month after a month (`Dec 25`).
                    if digits == 4 || tokens.iter().any(|(_, t)| *t == Tok::Unsupported) {
                        tokens.push((start, Tok::Unsupported));
                        continue;
                    }
                    return err(start, HoursErrorKind::BadTime);
                }
                let minutes: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                i += 1 + minutes.len();
                let (Ok(h), Ok(m)) = (number.parse::<u16>(), minutes.parse::<u16>()) else {
                    return err(start, HoursErrorKind::BadTime);
                };
                if digits > 2 || minutes.len() != 2 || m > 59 || h * 60 + m > 2 * DAY {
                    return err(start, HoursErrorKind::BadTime);
                }
                tokens.push((start, Tok::Time(h * 60 + m)));
                continue;
            }
            c if c.is_ascii_alphabetic() => {
                let len = chars[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                let word: String = chars[i..i + len].iter().collect();
                i += len;
                let lower = word.to_ascii_lowercase();
                if let Some(d) = WEEKDAYS.iter().position(|&w| w == lower) {
                    tokens.push((start, Tok::Day(d as u8)));
                    continue;
                }
                tokens.push((
                    start,
                    match lower.as_str() {
                        "ph" | "sh" => Tok::Holiday,
                        "off" | "closed" => Tok::Off,
                        "open" => Tok::Open,
                        w if UNSUPPORTED_WORDS.contains(&w) => Tok::Unsupported,
                        _ => return err(start, HoursErrorKind::Unexpected(word)),
                    },
                ));
                continue;
            }
            '-' => Tok::Dash,
            ',' => Tok::Comma,
            ';' => Tok::Semicolon,
            // The nth weekday of a month (`Mo[1]`): skipped whole, numbers and all.
            '[' => {
                let n = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .unwrap_or(chars.len() - i - 1);
                i += n + 1;
                tokens.push((start, Tok::Unsupported));
                continue;
            }
            // `||` fallback rules, `+` open ends, `Jan 01:` wide-range colons.
            '|' | '+' | ']' | ':' => Tok::Unsupported,
            other => return err(start, HoursErrorKind::Unexpected(other.to_string())),
        };
        i += 1;
        tokens.push((start, token));
    }
    Ok(tokens)
}

/// Full-width and CJK punctuation as the ASCII the syntax uses.
fn ascii_punctuation(c: char) -> char {
    match c {
        '：' => ':',
        '；' => ';',
        '，' | '、' => ',',
        '－' | '–' | '—' | '~' | '～' | '至' => '-',
        '“' | '”' => '"',
        '\u{3000}' => ' ',
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

enum Rule {
    Days {
        days: u8,
        spans: Vec<Span>,
        /// After `,` rather than `;`: adds to the days' ranges instead of replacing them.
        additive: bool,
    },
    /// A rule only for holidays, which are not known here.
    Skipped,
    /// Valid, but not evaluated here (closing a range within a day, a comment alone).
    Unsupported,
}

struct Parser {
    tokens: Vec<(usize, Tok)>,
    next: usize,
    /// Character length of the value, the position of errors at its end.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<Tok> {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> Option<Tok> {
        self.tokens.get(self.next + ahead).map(|&(_, t)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |&(p, _)| p)
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.peek();
        self.next += 1;
        t
    }

    fn error<T>(&self, kind: HoursErrorKind) -> Result<T, HoursError> {
        Err(HoursError {
            position: self.position(),
            kind,
        })
    }

    fn unexpected<T>(&self) -> Result<T, HoursError> {
        match self.tokens.get(self.next) {
            Some(_) => self.error(HoursErrorKind::Expected(
                "`;` between rules, or `,` before another weekday or time",
            )),
            None => self.error(HoursErrorKind::Expected("more after this")),
        }
    }

    fn rules(mut self) -> Result<Vec<Rule>, HoursError> {
        let mut rules = Vec::new();
        let mut additive = false;
        loop {
            rules.push(self.rule(additive)?);
            match self.peek() {
                None => break,
                Some(Tok::Semicolon) => {
                    self.bump();
                    additive = false;
                    // A trailing `;` is harmless.
                    if self.peek().is_none() {
                        break;
                    }
                }
                Some(Tok::Comma) if matches!(self.peek_at(1), Some(Tok::Day(_) | Tok::Holiday)) => {
                    self.bump();
                    additive = true;
                }
                Some(_) => return self.unexpected(),
            }
        }
        Ok(rules)
    }

    fn rule(&mut self, additive: bool) -> Result<Rule, HoursError> {
        if self.peek() == Some(Tok::TwentyFourSeven) {
            self.bump();
            let off = self.state()?;
            return Ok(Rule::Days {
                days: ALL_DAYS,
                spans: if off { Vec::new() } else { vec![(0, DAY)] },
                additive,
            });
        }

        let mut days = 0_u8;
        let mut selector = false;
        while let Some(t @ (Tok::Day(_) | Tok::Holiday)) = self.peek() {
            selector = true;
            self.bump();
            if let Tok::Day(from) = t {
                if self.peek() == Some(Tok::Dash) {
                    self.bump();
                    let Some(Tok::Day(to)) = self.bump() else {
                        self.next -= 1;
                        return self.error(HoursErrorKind::Expected("a weekday after `-`"));
                    };
                    // Ranges may wrap past Sunday (`Sa-Mo`).
                    let mut d = from;
                    loop {
                        days |= 1 << d;
                        if d == to {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                } else {
                    days |= 1 << from;
                }
            }
            if self.peek() == Some(Tok::Comma)
                && matches!(self.peek_at(1), Some(Tok::Day(_) | Tok::Holiday))
            {
                self.bump();
            } else {
                break;
            }
        }

        let mut spans = Vec::new();
        while let Some(Tok::Time(start)) = self.peek() {
            self.bump();
            if self.bump() != Some(Tok::Dash) {
                self.next -= 1;
                return self.error(HoursErrorKind::Expected("`-` and an end time"));
            }
            let Some(Tok::Time(mut end)) = self.bump() else {
                self.next -= 1;
                return self.error(HoursErrorKind::Expected("an end time after `-`"));
            };
            if start >= DAY {
                self.next -= 3;
                return self.error(HoursErrorKind::BadTime);
            }
            // An end at or before the start runs past midnight.
            if end <= start {
                end += DAY;
            }
            spans.push((start, end.min(2 * DAY)));
            if self.peek() == Some(Tok::Comma) && matches!(self.peek_at(1), Some(Tok::Time(_))) {
                self.bump();
            }
        }

        let stated = matches!(self.peek(), Some(Tok::Off | Tok::Open));
        let off = self.state()?;
        let commented = self.peek() == Some(Tok::Comment);
        if commented {
            self.bump();
        }
        if !selector && spans.is_empty() && !stated {
            if commented {
                return Ok(Rule::Unsupported);
            }
            return self.error(HoursErrorKind::Expected(
                "a weekday, a time range, 24/7 or off",
            ));
        }
        if off && !spans.is_empty() {
            return Ok(Rule::Unsupported);
        }
        if selector && days == 0 {
            return Ok(Rule::Skipped);
        }
        if !off && spans.is_empty() {
            // `Mo-Fr` or `Mo-Fr open` alone: open all day.
            spans.push((0, DAY));
        }
        Ok(Rule::Days {
            days: if selector { days } else { ALL_DAYS },
            spans: if off { Vec::new() } else { spans },
            additive,
        })
    }

    /// An optional `open` / `off` / `closed`; true for off.
    fn state(&mut self) -> Result<bool, HoursError> {
        Ok(match self.peek() {
            Some(Tok::Off) => {
                self.bump();
                true
            }
            Some(Tok::Open) => {
                self.bump();
                false
            }
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests;
