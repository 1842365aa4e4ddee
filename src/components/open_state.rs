//! Whether a station is open now — and until when, or when it opens — from its published hours,
//! evaluated by the core in China time at the device's clock; and the week's hours, day by day.

use crate::i18n::{self, text};
use crate::tr;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, Timelike, Weekday};
use cundi_core::hours::{china, Hours, OpeningState};
use cundi_core::Status;
use leptos::prelude::*;

/// Today in China, as validation needs it.
pub fn today() -> chrono::NaiveDate {
    now_in_china().date_naive()
}

/// Now, in China time. The device's clock is all a static site has.
pub fn now_in_china() -> DateTime<FixedOffset> {
    let millis = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis)
        .unwrap_or_default()
        .with_timezone(&china())
}

/// What the badge says, and how it looks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shown {
    /// The station is not operating, whatever its hours say.
    NotOperating(Status),
    State(OpeningState, DateTime<FixedOffset>),
    /// No hours published, or hours the core cannot read.
    NoHours,
}

#[component]
pub fn OpenState(status: Status, hours: Option<String>) -> impl IntoView {
    let now = now_in_china();
    let shown = if status != Status::Operating {
        Shown::NotOperating(status)
    } else {
        match hours
            .as_deref()
            .map(|h| cundi_core::hours::state_at(h, now))
        {
            Some(Ok(OpeningState::Unknown)) | Some(Err(_)) | None => Shown::NoHours,
            Some(Ok(state)) => Shown::State(state, now),
        }
    };
    let class = match shown {
        Shown::State(OpeningState::Open { .. }, _) => "open-state is-open",
        Shown::NoHours => "open-state is-unknown",
        _ => "open-state is-closed",
    };
    let state = match shown {
        Shown::State(OpeningState::Open { .. }, _) => "open",
        Shown::NoHours => "unknown",
        _ => "closed",
    };
    view! {
        <p class=class data-testid="open-state" data-state=state>
            {text(move || describe(shown))}
        </p>
    }
}

fn describe(shown: Shown) -> String {
    match shown {
        Shown::NotOperating(status) => {
            tr!("open-not-operating", { "status" => i18n::status(status) })
        }
        Shown::NoHours => tr!("open-unknown"),
        Shown::State(OpeningState::Open { closes_at: None }, _) => tr!("open-always"),
        Shown::State(OpeningState::Open { closes_at: Some(t) }, now) => {
            tr!("open-until", { "when" => when(t, now) })
        }
        Shown::State(OpeningState::Closed { opens_at: None }, _) => tr!("closed-never"),
        Shown::State(OpeningState::Closed { opens_at: Some(t) }, now) => {
            tr!("closed-until", { "when" => when(t, now) })
        }
        Shown::State(OpeningState::Unknown, _) => tr!("open-unknown"),
    }
}

/// "19:00", "tomorrow 08:00" or "Monday 08:30", relative to now (both China time).
fn when(t: NaiveDateTime, now: DateTime<FixedOffset>) -> String {
    let time = format!("{:02}:{:02}", t.hour(), t.minute());
    let days = (t.date() - now.naive_local().date()).num_days();
    match days {
        0 => time,
        1 => tr!("when-tomorrow", { "time" => time }),
        _ => tr!("when-day", { "day" => i18n::weekday(t.weekday()), "time" => time }),
    }
}

/// The week's hours, consecutive days with the same hours together: "Mon–Sat 08:30–18:00;
/// Sun 09:00–12:00". `None` when the core cannot read them (the value is then shown as it is).
pub fn week_text(hours: &Hours) -> Option<String> {
    let mut groups: Vec<(Weekday, Weekday, String)> = Vec::new();
    let mut day = Weekday::Mon;
    for _ in 0..7 {
        let spans = hours.spans(day)?;
        let times = if spans.is_empty() {
            tr!("hours-closed")
        } else {
            spans
                .iter()
                .map(|&(s, e)| format!("{}–{}", hhmm(s), hhmm(e)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match groups.last_mut() {
            Some(last) if last.2 == times => last.1 = day,
            _ => groups.push((day, day, times)),
        }
        day = day.succ();
    }
    Some(
        groups
            .into_iter()
            .map(|(from, to, times)| format!("{} {times}", i18n::day_range(from, to)))
            .collect::<Vec<_>>()
            .join(tr!("list-separator").as_str()),
    )
}

/// The days a village gets deliveries (`Mo,We,Fr`), in words; the value as published when the
/// core cannot read it.
pub fn days_text(days: &str) -> String {
    let Ok(hours) = Hours::parse(days) else {
        return days.to_string();
    };
    let mut set: Vec<Weekday> = Vec::new();
    let mut day = Weekday::Mon;
    for _ in 0..7 {
        match hours.spans(day) {
            None => return days.to_string(),
            Some(spans) if !spans.is_empty() => set.push(day),
            Some(_) => {}
        }
        day = day.succ();
    }
    i18n::day_set(&set)
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
