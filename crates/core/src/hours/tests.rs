//! The opening hours reader's tests: the syntax it takes, what it refuses, and "open now" at
//! fixed instants.

use super::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn time(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn open_until(s: &str) -> OpeningState {
    OpeningState::Open {
        closes_at: Some(time(s)),
    }
}

fn closed_until(s: &str) -> OpeningState {
    OpeningState::Closed {
        opens_at: Some(time(s)),
    }
}

// 2026-03-02 is a Monday; 2026-03-08 a Sunday.
const HOURS: &str = "Mo-Su 08:00-19:00";

#[test]
fn before_during_and_at_closing() {
    let s = |t| state_at(HOURS, at(t)).unwrap();
    assert_eq!(
        s("2026-03-02T07:59:59+08:00"),
        closed_until("2026-03-02 08:00")
    );
    assert_eq!(
        s("2026-03-02T08:00:00+08:00"),
        open_until("2026-03-02 19:00")
    );
    assert_eq!(
        s("2026-03-02T18:59:59+08:00"),
        open_until("2026-03-02 19:00")
    );
    assert_eq!(
        s("2026-03-02T19:00:00+08:00"),
        closed_until("2026-03-03 08:00"),
        "the closing minute is closed"
    );
}

#[test]
fn instants_in_other_offsets_are_read_in_china_time() {
    // 00:30 UTC is 08:30 in China.
    assert_eq!(
        state_at(HOURS, at("2026-03-02T00:30:00Z")).unwrap(),
        open_until("2026-03-02 19:00")
    );
    // 23:30 UTC on Sunday is 07:30 on Monday in China.
    assert_eq!(
        state_at(HOURS, at("2026-03-01T23:30:00Z")).unwrap(),
        closed_until("2026-03-02 08:00")
    );
}

#[test]
fn sunday_on_a_monday_to_saturday_rule_opens_on_monday() {
    let h = "Mo-Sa 08:30-18:00";
    assert_eq!(
        state_at(h, at("2026-03-08T10:00:00+08:00")).unwrap(),
        closed_until("2026-03-09 08:30")
    );
    assert_eq!(
        state_at(h, at("2026-03-07T18:30:00+08:00")).unwrap(),
        closed_until("2026-03-09 08:30"),
        "Saturday evening skips Sunday"
    );
}

#[test]
fn later_rules_replace_earlier_ones_and_split_days_have_two_ranges() {
    let h = "Mo-Sa 08:30-18:00; Su 09:00-12:00";
    assert_eq!(
        state_at(h, at("2026-03-08T11:00:00+08:00")).unwrap(),
        open_until("2026-03-08 12:00")
    );
    let h = "Mo-Su 07:30-12:00,14:00-19:00";
    assert_eq!(
        state_at(h, at("2026-03-04T13:00:00+08:00")).unwrap(),
        closed_until("2026-03-04 14:00")
    );
    let h = "Mo-Su 08:00-18:00; We off";
    assert_eq!(
        state_at(h, at("2026-03-03T20:00:00+08:00")).unwrap(),
        closed_until("2026-03-05 08:00")
    );
    let h = "Mo-Fr 08:00-12:00, We 14:00-18:00";
    assert_eq!(
        state_at(h, at("2026-03-04T15:00:00+08:00")).unwrap(),
        open_until("2026-03-04 18:00"),
        "`,` adds to Wednesday rather than replacing it"
    );
}

#[test]
fn ranges_across_midnight() {
    let h = "Fr,Sa 18:00-02:00";
    assert_eq!(
        state_at(h, at("2026-03-07T01:00:00+08:00")).unwrap(),
        open_until("2026-03-07 02:00"),
        "Saturday 01:00 is still Friday night"
    );
    assert_eq!(
        state_at(h, at("2026-03-08T01:59:00+08:00")).unwrap(),
        open_until("2026-03-08 02:00")
    );
    assert_eq!(
        state_at(h, at("2026-03-08T02:00:00+08:00")).unwrap(),
        closed_until("2026-03-13 18:00")
    );
    // A later rule for Sunday replaces Saturday night's part after midnight too.
    let h = "Fr,Sa 18:00-02:00; Su off";
    assert_eq!(
        state_at(h, at("2026-03-07T23:00:00+08:00")).unwrap(),
        open_until("2026-03-08 00:00")
    );
    let week = Hours::parse(h).unwrap();
    assert_eq!(
        week.spans(Weekday::Sat),
        Some(&[(0, 120), (1080, 1440)][..])
    );
    assert_eq!(week.spans(Weekday::Sun), Some(&[][..]));
    // Adjacent ranges merge: open from Friday 18:00 straight through to Sunday 02:00.
    let h = "Fr 18:00-24:00; Sa 00:00-26:00";
    assert_eq!(
        state_at(h, at("2026-03-06T20:00:00+08:00")).unwrap(),
        open_until("2026-03-08 02:00")
    );
}

#[test]
fn always_and_never() {
    assert_eq!(
        state_at("24/7", at("2026-03-04T03:00:00+08:00")).unwrap(),
        OpeningState::Open { closes_at: None }
    );
    assert_eq!(
        state_at("Mo-Su 00:00-24:00", at("2026-03-04T03:00:00+08:00")).unwrap(),
        OpeningState::Open { closes_at: None }
    );
    assert_eq!(
        state_at("off", at("2026-03-04T03:00:00+08:00")).unwrap(),
        OpeningState::Closed { opens_at: None }
    );
    assert_eq!(
        state_at("24/7; Su off", at("2026-03-07T12:00:00+08:00")).unwrap(),
        open_until("2026-03-08 00:00")
    );
}

#[test]
fn holidays_are_skipped_and_comments_ignored() {
    let h = "Mo-Fr 09:00-17:00; PH off";
    assert_eq!(
        state_at(h, at("2026-03-04T10:00:00+08:00")).unwrap(),
        open_until("2026-03-04 17:00")
    );
    let h = "Mo-Fr,PH 09:00-17:00 \"节假日照常\"";
    assert_eq!(
        state_at(h, at("2026-03-04T10:00:00+08:00")).unwrap(),
        open_until("2026-03-04 17:00")
    );
}

#[test]
fn full_width_punctuation_is_read() {
    assert_eq!(
        state_at(
            "Mo－Fr ０８：００－１８：００；Sa，Su off",
            at("2026-03-04T10:00:00+08:00")
        )
        .unwrap(),
        open_until("2026-03-04 18:00")
    );
}

#[test]
fn unsupported_syntax_is_unknown() {
    for h in [
        "Jan-Mar Mo-Fr 08:00-12:00",
        "Mo-Fr 08:00+",
        "Mo-Fr 08:00-12:00 || \"by appointment\"",
        "sunrise-sunset",
        "2026 Mo-Fr 08:00-12:00",
        "Mo[1] 08:00-12:00",
        "Mo-Fr 08:00-18:00; Mo 12:00-13:00 off",
        "\"call ahead\"",
        "unknown",
    ] {
        assert_eq!(
            state_at(h, at("2026-03-04T10:00:00+08:00")),
            Ok(OpeningState::Unknown),
            "{h}"
        );
    }
}

#[test]
fn malformed_values_are_errors_with_a_position() {
    let e = |h: &str| state_at(h, at("2026-03-04T10:00:00+08:00")).unwrap_err();
    assert_eq!(e("").kind, HoursErrorKind::Empty);
    assert_eq!(e("   ").kind, HoursErrorKind::Empty);
    assert_eq!(e("Mo-Fr 8-18").kind, HoursErrorKind::BadTime);
    assert_eq!(e("Mo-Fr 08:00-18:61").position, 12);
    assert_eq!(e("Mo-Fr 25:00-26:00").kind, HoursErrorKind::BadTime);
    assert_eq!(
        e("Mon-Fri 08:00-18:00").kind,
        HoursErrorKind::Unexpected("Mon".into())
    );
    assert_eq!(
        e("Mo-Fr 08:00").kind,
        HoursErrorKind::Expected("`-` and an end time")
    );
    assert_eq!(e("Mo- 08:00-18:00").position, 4);
    assert_eq!(e("Mo-Fr 08:00-18:00 Sa").position, 18);
    assert_eq!(e("营业时间 08:00-18:00").position, 0);
    assert_eq!(e("\"unclosed").position, 0);
    assert_eq!(
        e("Mo-Fr 08:00-18:61").to_string(),
        "a time is written HH:MM, from 00:00 to 24:00 (an end past midnight up to 48:00) (at character 13)"
    );
}

#[test]
fn spans_per_weekday() {
    let h = Hours::parse("Mo-Fr 16:00-20:00; Sa,Su 09:00-20:00").unwrap();
    assert!(h.is_understood());
    assert_eq!(h.spans(Weekday::Tue), Some(&[(960, 1200)][..]));
    assert_eq!(h.spans(Weekday::Sun), Some(&[(540, 1200)][..]));
    assert_eq!(
        Hours::parse("Jan Mo 08:00-09:00")
            .unwrap()
            .spans(Weekday::Mon),
        None
    );
}
