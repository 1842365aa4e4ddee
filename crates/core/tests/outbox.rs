//! The outbox: every complaint kept on the device until delivered or deleted, retried with the
//! same client request id, sent once however often submit is pressed, recovered after a crash,
//! and read back from a store that is partly corrupt without losing the rest.

use chrono::NaiveDate;
use cundi_core::complaint::outbox::{retry_delay_ms, LOST_AFTER_MS, MAX_RETRY_DELAY_MS};
use cundi_core::complaint::*;
use cundi_core::{Dataset, Division, Parts, Station, Tier, Village, VillageBase};
use serde_json::{json, Value};

mod common;
use common::code;

// ---------------------------------------------------------------------------------------------
// Fixtures

const ID: &str = "7f3c2a1e-4b5d-4c6e-8f90-123456789abc";
const OTHER_ID: &str = "0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
const STATION: &str = "vp-140522100001";
const ENDPOINT: &str = "https://open311.example.cn/v2";
/// 2026-05-10 08:00 UTC, in milliseconds, as `Date.now()` would give it.
const T0: i64 = 1_778_400_000_000;

fn dataset() -> Dataset {
    let divisions = [
        ("14", "山西省"),
        ("1405", "晋城市"),
        ("140522", "阳城县"),
        ("140522100", "凤城镇"),
    ]
    .into_iter()
    .map(|(c, n)| Division::new(code(c), n))
    .collect();
    let station = Station {
        address: Some("阳城县凤城镇西关社区".into()),
        operator: "阳城县统仓共配运营企业".into(),
        ..common::station(
            STATION,
            Tier::VillagePoint,
            "西关社区快递服务点",
            "140522100001",
            112.419992,
            35.498305,
        )
    };
    let village = Village {
        served_by: Some(STATION.into()),
        ..Village::from(VillageBase {
            code: code("140522100001"),
            township_code: code("140522100"),
            name: "西关社区居民委员会".into(),
            kind: None,
            population: None,
            lon: Some(112.42),
            lat: Some(35.4983),
            deliveries_per_week: Some(7),
            pickups_per_week: None,
            delivery_mode: None,
            extra: vec![],
        })
    };
    Dataset::new(Parts {
        divisions,
        stations: vec![station],
        villages: vec![village],
        ..Parts::default()
    })
}

/// An illegal-fee complaint with personal data and consent, checked by `validate` for Open311.
fn complaint(id: &str) -> Complaint {
    let mut d = Draft::new(id);
    d.category = Some(Category::IllegalFee);
    d.station_id = STATION.into();
    d.date = "2026-05-03".into();
    d.time = "14:30".into();
    d.amount = "5".into();
    d.who_charged = "站点工作人员".into();
    d.description = "取件时被收取 5 元".into();
    d.name = "张三".into();
    d.phone = "138 1234 5678".into();
    d.consent = true;
    let ds = dataset();
    let today = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
    let channel = Channel::Open311(ChannelNeeds::default());
    validate(&d, &channel, &Context::new(today, &ds)).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn open311(c: &Complaint) -> Route {
    Route::open311(ENDPOINT, c, &place(c, &dataset()))
}

/// An outbox with one Open311 complaint, submitted at T0.
fn one_queued() -> Outbox {
    let mut outbox = Outbox::new();
    let c = complaint(ID);
    assert_eq!(outbox.add(c.clone(), open311(&c), T0), Added::New);
    outbox
}

fn state(outbox: &Outbox, id: &str) -> State {
    outbox.get(id).expect("the record is there").state.clone()
}

fn form_value<'a>(attempt: &'a Attempt, key: &str) -> Option<&'a str> {
    attempt
        .form
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn created(id: &str) -> Submitted {
    Submitted::Created {
        service_request_id: id.into(),
        service_notice: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Submitting once

#[test]
fn submitting_twice_keeps_one_record_and_sends_once() {
    let mut outbox = one_queued();
    let c = complaint(ID);
    assert_eq!(
        outbox.add(c.clone(), open311(&c), T0 + 300),
        Added::AlreadyThere
    );
    assert_eq!(outbox.records().len(), 1);
    assert_eq!(outbox.get(ID).unwrap().created_ms, T0);
    assert_eq!(state(&outbox, ID), State::Queued);
    assert_eq!(outbox.pending(), 1);

    assert_eq!(outbox.due(T0), [ID]);
    assert_eq!(outbox.next_due_ms(T0), Some(T0));
    let attempt = outbox.begin(ID, T0).expect("the first press sends");
    assert_eq!(attempt.id, ID);
    assert_eq!(attempt.number, 1);
    assert_eq!(attempt.receiver.endpoint, ENDPOINT);
    assert_eq!(attempt.complaint, c);
    assert_eq!(
        form_value(&attempt, "attribute[client_request_id]"),
        Some(ID)
    );
    assert_eq!(form_value(&attempt, "service_code"), Some("illegal_fee"));
    assert!(attempt.body().contains("attribute%5Bclient_request_id%5D="));

    // The second press, or a timer and the `online` event racing: nothing more is sent.
    assert_eq!(
        outbox.add(c.clone(), open311(&c), T0 + 10),
        Added::AlreadyThere
    );
    assert_eq!(outbox.begin(ID, T0 + 10), None);
    assert!(outbox.due(T0 + 10).is_empty());
    assert_eq!(state(&outbox, ID), State::Sending { since_ms: T0 });
    assert_eq!(outbox.get(ID).unwrap().attempts, 1);
    assert_eq!(outbox.pending(), 1);
}

#[test]
fn a_server_error_then_a_success_delivers_one_record_with_the_reference() {
    let mut outbox = one_queued();
    let first = outbox.begin(ID, T0).unwrap();
    let failure = classify_http(500, "<html>Internal Server Error</html>").unwrap_err();
    assert!(outbox.failed(&first, failure, T0 + 1_000));
    assert_eq!(state(&outbox, ID), State::Queued);
    let r = outbox.get(ID).unwrap();
    assert_eq!(r.last_error.as_deref(), Some("HTTP 500"));
    assert_eq!(r.next_attempt_ms, Some(T0 + 1_000 + 5_000));
    assert_eq!(outbox.pending(), 1);

    assert_eq!(outbox.begin(ID, T0 + 5_999), None, "not before its delay");
    let second = outbox.begin(ID, T0 + 6_000).expect("due after 5 s");
    assert_eq!(second.number, 2);
    assert_eq!(second.form, first.form, "the same request, same client id");
    assert_eq!(
        form_value(&second, "attribute[client_request_id]"),
        Some(ID)
    );

    let submitted = classify_http(201, r#"[{"service_request_id":"SR-2026-0042"}]"#).unwrap();
    assert!(outbox.succeeded(&second, &submitted, T0 + 7_000));
    assert_eq!(outbox.records().len(), 1);
    let r = outbox.get(ID).unwrap();
    assert_eq!(
        r.state,
        State::Delivered {
            at_ms: T0 + 7_000,
            reference: Some("SR-2026-0042".into()),
            token: None,
            notice: None,
        }
    );
    assert_eq!(r.reference(), Some("SR-2026-0042"));
    assert_eq!(r.attempts, 2);
    assert_eq!(r.complaint.client_request_id, ID);
    assert_eq!(
        r.last_error.as_deref(),
        Some("HTTP 500"),
        "why it took long"
    );
    assert_eq!(r.next_attempt_ms, None);
    assert_eq!(outbox.pending(), 0);
    assert!(outbox.due(T0 + 1_000_000_000).is_empty());
    assert_eq!(outbox.next_due_ms(T0 + 7_000), None);
    assert_eq!(outbox.begin(ID, T0 + 1_000_000_000), None);
    assert!(!outbox.succeeded(&second, &created("SR-other"), T0 + 8_000));
    assert_eq!(outbox.get(ID).unwrap().reference(), Some("SR-2026-0042"));
}

#[test]
fn a_batch_token_is_kept_and_shown_as_the_reference() {
    let mut outbox = one_queued();
    let attempt = outbox.begin(ID, T0).unwrap();
    let submitted = classify_http(200, r#"[{"token":"T-77","service_notice":"稍后处理"}]"#);
    assert!(outbox.succeeded(&attempt, &submitted.unwrap(), T0 + 500));
    let r = outbox.get(ID).unwrap();
    assert_eq!(
        r.state,
        State::Delivered {
            at_ms: T0 + 500,
            reference: None,
            token: Some("T-77".into()),
            notice: Some("稍后处理".into()),
        }
    );
    assert_eq!(r.reference(), Some("T-77"));
}

// ---------------------------------------------------------------------------------------------
// Retries

#[test]
fn retries_back_off_from_5_seconds_to_every_15_minutes() {
    assert_eq!(
        (1..=7).map(retry_delay_ms).collect::<Vec<_>>(),
        [5_000, 15_000, 60_000, 300_000, 900_000, 900_000, 900_000]
    );
    assert_eq!(retry_delay_ms(1_000), MAX_RETRY_DELAY_MS);

    let mut outbox = one_queued();
    let mut now = T0;
    for (n, delay) in [5_000, 15_000, 60_000, 300_000, 900_000, 900_000]
        .into_iter()
        .enumerate()
    {
        let attempt = outbox.begin(ID, now).expect("due");
        assert_eq!(attempt.number, n as u32 + 1);
        now += 2_000;
        outbox.failed(&attempt, Failure::Retryable("offline".into()), now);
        assert_eq!(outbox.next_due_ms(now), Some(now + delay));
        assert!(outbox.due(now + delay - 1).is_empty(), "not due before");
        assert_eq!(outbox.begin(ID, now + delay - 1), None);
        assert_eq!(outbox.due(now + delay), [ID], "due after");
        now += delay;
    }
    assert_eq!(outbox.get(ID).unwrap().attempts, 6);
    assert_eq!(
        outbox.get(ID).unwrap().last_error.as_deref(),
        Some("offline")
    );
}

#[test]
fn the_online_event_makes_every_queued_record_due_now_but_not_a_rejected_one() {
    let mut outbox = one_queued();
    let c = complaint(OTHER_ID);
    outbox.add(c.clone(), open311(&c), T0);
    let a = outbox.begin(ID, T0).unwrap();
    outbox.failed(&a, Failure::Retryable("offline".into()), T0);
    let b = outbox.begin(OTHER_ID, T0).unwrap();
    outbox.failed(
        &b,
        Failure::Rejected {
            status: 400,
            message: "bad category".into(),
        },
        T0,
    );
    assert!(outbox.due(T0 + 1_000).is_empty());

    assert_eq!(outbox.online(T0 + 1_000), 1);
    assert_eq!(outbox.due(T0 + 1_000), [ID]);
}

#[test]
fn retry_now_skips_the_delay_but_never_doubles_a_request_in_flight() {
    let mut outbox = one_queued();
    let a = outbox.begin(ID, T0).unwrap();
    assert!(!outbox.retry_now(ID, T0 + 1), "sending: not twice");
    outbox.failed(&a, Failure::Retryable("timeout".into()), T0 + 30_000);
    assert!(outbox.due(T0 + 30_001).is_empty());
    assert!(outbox.retry_now(ID, T0 + 30_001));
    assert_eq!(outbox.begin(ID, T0 + 30_001).unwrap().number, 2);
}

#[test]
fn a_clock_set_back_does_not_hold_a_record_for_long() {
    let mut outbox = one_queued();
    let a = outbox.begin(ID, T0).unwrap();
    outbox.failed(&a, Failure::Retryable("offline".into()), T0);
    let a_day_earlier = T0 - 86_400_000;
    assert_eq!(outbox.due(a_day_earlier), [ID]);
    assert_eq!(outbox.next_due_ms(a_day_earlier), Some(a_day_earlier));
    assert!(outbox.begin(ID, a_day_earlier).is_some());
}

// ---------------------------------------------------------------------------------------------
// Lost requests and crashes

#[test]
fn a_record_left_sending_by_a_crash_is_resent_with_the_same_id_on_load() {
    let mut outbox = one_queued();
    let first = outbox.begin(ID, T0).unwrap();
    let stored = outbox.to_json();

    // The page closes mid-request; the next page load reads the store.
    let mut reloaded = Outbox::from_json(&stored);
    assert_eq!(state(&reloaded, ID), State::Sending { since_ms: T0 });
    assert_eq!(reloaded.recover(T0 + 20_000), 1);
    assert_eq!(state(&reloaded, ID), State::Queued);
    assert_eq!(reloaded.due(T0 + 20_000), [ID]);
    let second = reloaded.begin(ID, T0 + 20_000).unwrap();
    assert_eq!(second.number, 2);
    assert_eq!(second.form, first.form);
    assert_eq!(
        form_value(&second, "attribute[client_request_id]"),
        Some(ID)
    );
}

#[test]
fn a_request_that_never_returns_is_taken_as_lost_after_two_minutes() {
    assert_eq!(LOST_AFTER_MS, 120_000);
    let mut outbox = one_queued();
    let first = outbox.begin(ID, T0).unwrap();
    assert_eq!(outbox.next_due_ms(T0), Some(T0 + LOST_AFTER_MS));
    assert!(outbox.due(T0 + LOST_AFTER_MS - 1).is_empty());
    assert_eq!(outbox.begin(ID, T0 + LOST_AFTER_MS - 1), None);
    assert_eq!(outbox.due(T0 + LOST_AFTER_MS), [ID]);
    let second = outbox.begin(ID, T0 + LOST_AFTER_MS).unwrap();
    assert_eq!(second.number, 2);

    // The lost request's failure comes back late: it says nothing about the second one.
    assert!(!outbox.failed(&first, Failure::Retryable("timeout".into()), T0 + 130_000));
    assert_eq!(
        state(&outbox, ID),
        State::Sending {
            since_ms: T0 + LOST_AFTER_MS
        }
    );
    // Its success would have: the receiver has the complaint.
    assert!(outbox.succeeded(&first, &created("SR-1"), T0 + 131_000));
    assert_eq!(outbox.get(ID).unwrap().reference(), Some("SR-1"));
    // The second request's answer then changes nothing.
    assert!(!outbox.failed(&second, Failure::Retryable("timeout".into()), T0 + 132_000));
    assert!(!outbox.succeeded(&second, &created("SR-1"), T0 + 132_000));
    assert_eq!(outbox.get(ID).unwrap().reference(), Some("SR-1"));
}

#[test]
fn a_deleted_record_ignores_the_answer_of_its_request_in_flight() {
    let mut outbox = one_queued();
    let attempt = outbox.begin(ID, T0).unwrap();
    assert!(outbox.remove(ID));
    assert!(!outbox.remove(ID));
    assert!(!outbox.succeeded(&attempt, &created("SR-1"), T0 + 1));
    assert!(!outbox.failed(&attempt, Failure::Retryable("x".into()), T0 + 1));
    assert!(outbox.records().is_empty());
    assert_eq!(outbox.to_json(), "[]");
}

// ---------------------------------------------------------------------------------------------
// Rejections and edits

#[test]
fn a_rejection_keeps_the_endpoints_message_and_is_not_retried_until_asked() {
    let mut outbox = one_queued();
    let attempt = outbox.begin(ID, T0).unwrap();
    let body = r#"[{"code":400,"description":"service_code illegal_fee not found"}]"#;
    let failure = classify_http(400, body).unwrap_err();
    assert_eq!(
        failure,
        Failure::Rejected {
            status: 400,
            message: "service_code illegal_fee not found".into()
        }
    );
    assert!(outbox.failed(&attempt, failure, T0 + 800));
    let r = outbox.get(ID).unwrap();
    assert_eq!(
        r.state,
        State::Rejected {
            at_ms: T0 + 800,
            message: "service_code illegal_fee not found".into(),
            status: Some(400),
        }
    );
    assert_eq!(
        r.last_error.as_deref(),
        Some("service_code illegal_fee not found")
    );
    assert_eq!(r.next_attempt_ms, None);
    assert_eq!(outbox.pending(), 0);
    assert!(outbox.due(T0 + 86_400_000).is_empty());
    assert_eq!(outbox.next_due_ms(T0 + 800), None);
    assert_eq!(outbox.begin(ID, T0 + 86_400_000), None);
    assert_eq!(outbox.online(T0 + 86_400_000), 0);

    assert!(outbox.retry_now(ID, T0 + 90_000));
    assert_eq!(outbox.due(T0 + 90_000), [ID]);
    let again = outbox.begin(ID, T0 + 90_000).unwrap();
    assert_eq!(again.number, 2);
}

#[test]
fn only_a_complaint_the_receiver_cannot_hold_may_be_edited() {
    let mut outbox = one_queued();
    let mut edited = complaint(ID);
    edited.description = "取件时被收取 5 元，没有收据".into();

    // Queued and never attempted: the receiver has nothing yet.
    assert!(outbox.edit(edited.clone(), open311(&edited), T0 + 1));
    assert_eq!(outbox.get(ID).unwrap().complaint, edited);

    // Sending, or queued after an attempt that may have arrived: refused.
    let a = outbox.begin(ID, T0 + 2).unwrap();
    assert!(!outbox.edit(edited.clone(), open311(&edited), T0 + 3));
    outbox.failed(&a, Failure::Retryable("timeout".into()), T0 + 4);
    assert!(!outbox.edit(edited.clone(), open311(&edited), T0 + 5));

    // Rejected: the receiver refused it; the edit may go as a letter instead.
    let a = outbox.begin(ID, T0 + 10_000).unwrap();
    outbox.failed(
        &a,
        Failure::Rejected {
            status: 400,
            message: "no".into(),
        },
        T0 + 10_001,
    );
    assert!(outbox.edit(edited.clone(), Route::Letter, T0 + 10_002));
    let r = outbox.get(ID).unwrap();
    assert_eq!(r.route, Route::Letter);
    assert_eq!(r.state, State::Handed { at_ms: T0 + 10_002 });
    assert_eq!((r.attempts, r.last_error.as_deref()), (0, None));
    assert_eq!(r.created_ms, T0);

    // Delivered: refused; an unknown id too.
    let mut outbox = one_queued();
    let a = outbox.begin(ID, T0).unwrap();
    outbox.succeeded(&a, &created("SR-1"), T0 + 1);
    assert!(!outbox.edit(edited.clone(), open311(&edited), T0 + 2));
    assert!(!outbox.edit(complaint(OTHER_ID), Route::Letter, T0 + 2));
}

// ---------------------------------------------------------------------------------------------
// E-mail and letter

#[test]
fn an_email_or_a_letter_is_handed_to_the_citizen_and_never_sent_by_the_site() {
    let mut outbox = Outbox::new();
    let to = "shensu@jcyz.example.cn";
    let email = Route::Email { to: to.into() };
    assert_eq!(outbox.add(complaint(ID), email.clone(), T0), Added::New);
    assert_eq!(
        outbox.add(complaint(OTHER_ID), Route::Letter, T0 + 1_000),
        Added::New
    );
    assert_eq!(state(&outbox, ID), State::Handed { at_ms: T0 });
    assert_eq!(outbox.get(ID).unwrap().route, email);
    assert_eq!(outbox.pending(), 0);
    assert!(outbox.due(T0 + 1_000_000).is_empty());
    assert_eq!(outbox.next_due_ms(T0), None);
    assert_eq!(outbox.begin(ID, T0 + 1_000_000), None);
    assert!(!outbox.retry_now(ID, T0 + 1_000_000));
    assert_eq!(outbox.recover(T0), 0);

    assert!(outbox.handed(OTHER_ID, T0 + 60_000));
    assert_eq!(
        state(&outbox, OTHER_ID),
        State::Handed { at_ms: T0 + 60_000 }
    );

    let mut sent = one_queued();
    assert!(!sent.handed(ID, T0 + 1));
    assert!(!sent.handed("unknown-id-0000000000", T0 + 1));
}

#[test]
fn my_complaints_lists_the_newest_first() {
    let mut outbox = Outbox::new();
    let (a, b, c) = (
        complaint("aaaaaaaaaaaaaaaa-1"),
        complaint("bbbbbbbbbbbbbbbb-2"),
        complaint("cccccccccccccccc-3"),
    );
    outbox.add(a.clone(), open311(&a), T0);
    outbox.add(b, Route::Letter, T0 + 1_000);
    outbox.add(c.clone(), open311(&c), T0 + 2_000);
    let ids: Vec<&str> = outbox.records().iter().map(Record::id).collect();
    assert_eq!(
        ids,
        [
            "cccccccccccccccc-3",
            "bbbbbbbbbbbbbbbb-2",
            "aaaaaaaaaaaaaaaa-1"
        ]
    );
    // Sent oldest first.
    assert_eq!(
        outbox.due(T0 + 2_000),
        ["aaaaaaaaaaaaaaaa-1", "cccccccccccccccc-3"]
    );
    // The order survives the store.
    assert_eq!(Outbox::from_json(&outbox.to_json()), outbox);
}

// ---------------------------------------------------------------------------------------------
// The store

/// One record in each state.
fn every_state() -> Outbox {
    let mut outbox = Outbox::new();
    let ids = [
        "queued-0000000000000",
        "sending-000000000000",
        "delivered-0000000000",
        "rejected-00000000000",
        "email-00000000000000",
        "letter-0000000000000",
    ];
    for (i, id) in ids.iter().enumerate() {
        let c = complaint(id);
        let route = match i {
            4 => Route::Email {
                to: "shensu@jcyz.example.cn".into(),
            },
            5 => Route::Letter,
            _ => open311(&c),
        };
        outbox.add(c, route, T0 + i as i64);
    }
    let a = outbox.begin(ids[0], T0).unwrap();
    outbox.failed(&a, Failure::Retryable("HTTP 503".into()), T0 + 10);
    outbox.begin(ids[1], T0 + 20).unwrap();
    let a = outbox.begin(ids[2], T0 + 30).unwrap();
    let submitted = Submitted::Created {
        service_request_id: "SR-9".into(),
        service_notice: Some("已受理".into()),
    };
    outbox.succeeded(&a, &submitted, T0 + 40);
    let a = outbox.begin(ids[3], T0 + 50).unwrap();
    outbox.failed(
        &a,
        Failure::Rejected {
            status: 400,
            message: "invalid phone".into(),
        },
        T0 + 60,
    );
    outbox
}

#[test]
fn the_outbox_round_trips_through_json() {
    let outbox = every_state();
    let json = outbox.to_json();
    let back = Outbox::from_json(&json);
    assert_eq!(back, outbox);
    assert!(back.unreadable().is_empty());
    assert_eq!(back.to_json(), json);

    let value: Value = serde_json::from_str(&json).unwrap();
    let entries = value.as_array().unwrap();
    assert_eq!(entries.len(), 6);
    let delivered = entries
        .iter()
        .find(|e| e["complaint"]["client_request_id"] == "delivered-0000000000")
        .unwrap();
    assert_eq!(delivered["route"]["kind"], "open311");
    assert_eq!(delivered["route"]["endpoint"], ENDPOINT);
    assert_eq!(
        delivered["state"],
        json!({"kind": "delivered", "at_ms": T0 + 40, "reference": "SR-9", "token": null,
               "notice": "已受理"})
    );
    assert_eq!(delivered["attempts"], 1);
    assert_eq!(delivered["created_ms"], T0 + 2);
    assert_eq!(entries[0]["route"], json!({"kind": "letter"}));
    assert_eq!(
        entries[1]["route"],
        json!({"kind": "email", "to": "shensu@jcyz.example.cn"})
    );
    assert_eq!(
        entries[1]["state"],
        json!({"kind": "handed", "at_ms": T0 + 4})
    );
}

#[test]
fn a_corrupt_entry_does_not_lose_its_neighbours() {
    let good = every_state();
    let mut entries: Vec<Value> = serde_json::from_str(&good.to_json()).unwrap();
    let mut bad_category = entries[2].clone();
    bad_category["complaint"]["category"] = json!("parcel_eaten_by_goat");
    bad_category["complaint"]["client_request_id"] = json!("goat-000000000000000");
    entries.insert(1, bad_category.clone());
    entries.insert(3, json!("half a record"));
    entries.insert(4, json!({"route": {"kind": "letter"}}));
    let stored = Value::Array(entries).to_string();

    let outbox = Outbox::from_json(&stored);
    assert_eq!(outbox.records(), good.records());
    assert_eq!(
        outbox.unreadable(),
        [
            bad_category,
            json!("half a record"),
            json!({"route": {"kind": "letter"}})
        ]
    );
    // Saving writes the unreadable entries back as they were: a later version may read them.
    let resaved = Outbox::from_json(&outbox.to_json());
    assert_eq!(resaved, outbox);
}

#[test]
fn a_complaints_dates_are_kept_as_yyyy_mm_dd_and_no_other_shape_is_read() {
    let outbox = one_queued();
    let json = outbox.to_json();
    let mut entries: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(entries[0]["complaint"]["date"], "2026-05-03");
    assert_eq!(entries[0]["complaint"]["contacted_on"], Value::Null);
    assert_eq!(Outbox::from_json(&json), outbox);
    // A date in any other shape is not taken for a date: the record is kept aside, unread.
    for bad in ["2026-5-3", "2026/05/03", "yesterday", "2026-02-30"] {
        entries[0]["complaint"]["date"] = json!(bad);
        let stored = Value::Array(entries.clone()).to_string();
        let read = Outbox::from_json(&stored);
        assert!(read.records().is_empty(), "{bad}");
        assert_eq!(read.unreadable(), [entries[0].clone()], "{bad}");
    }
}

#[test]
fn a_store_that_is_not_an_array_is_kept_aside_whole() {
    for empty in ["", "  ", "null"] {
        let outbox = Outbox::from_json(empty);
        assert!(
            outbox.records().is_empty() && outbox.is_empty(),
            "{empty:?}"
        );
        assert_eq!(outbox.to_json(), "[]");
    }
    for garbage in [r#"[{"complaint": {"#, r#"{"records": []}"#, "\u{0}\u{1}"] {
        let outbox = Outbox::from_json(garbage);
        assert!(outbox.records().is_empty());
        assert_eq!(outbox.unreadable(), [Value::String(garbage.into())]);
        let again = Outbox::from_json(&outbox.to_json());
        assert_eq!(again.unreadable(), outbox.unreadable());
    }
}

#[test]
fn a_record_from_an_older_store_without_the_counters_loads() {
    let c = complaint(ID);
    let old = json!([{
        "complaint": serde_json::to_value(&c).unwrap(),
        "route": {"kind": "open311", "endpoint": ENDPOINT},
        "created_ms": T0,
        "state": {"kind": "queued"},
    }]);
    let mut outbox = Outbox::from_json(&old.to_string());
    assert!(outbox.unreadable().is_empty());
    let r = outbox.get(ID).unwrap();
    assert_eq!(
        (r.attempts, r.next_attempt_ms, &r.last_error),
        (0, None, &None)
    );
    assert_eq!(outbox.due(T0), [ID], "queued without a time: due now");
    let attempt = outbox.begin(ID, T0).unwrap();
    assert!(attempt.form.is_empty(), "the site builds the form again");
    assert_eq!(attempt.complaint, c);
}

#[test]
fn two_stored_records_with_one_id_become_one_the_delivered_one() {
    let mut outbox = one_queued();
    let queued = outbox.to_json();
    let a = outbox.begin(ID, T0).unwrap();
    outbox.succeeded(&a, &created("SR-5"), T0 + 1);
    let delivered = outbox.to_json();
    let both = format!(
        "[{},{}]",
        &queued[1..queued.len() - 1],
        &delivered[1..delivered.len() - 1]
    );
    let merged = Outbox::from_json(&both);
    assert_eq!(merged.records().len(), 1);
    assert_eq!(merged.get(ID).unwrap().reference(), Some("SR-5"));
}

// ---------------------------------------------------------------------------------------------
// HTTP answers

#[test]
fn http_answers_are_classified() {
    let ok = |status, body| classify_http(status, body).unwrap();
    let retry = |status, body| match classify_http(status, body) {
        Err(Failure::Retryable(m)) => m,
        other => panic!("{status} {body}: expected retryable, got {other:?}"),
    };
    let reject = |status, body| match classify_http(status, body) {
        Err(Failure::Rejected { message, .. }) => message,
        other => panic!("{status} {body}: expected rejected, got {other:?}"),
    };

    for status in [200, 201] {
        assert_eq!(
            ok(status, r#"[{"service_request_id":"638344"}]"#),
            created("638344")
        );
    }
    assert_eq!(
        ok(200, r#"[{"token":"12345","service_notice":"batch"}]"#),
        Submitted::Token {
            token: "12345".into(),
            service_notice: Some("batch".into())
        }
    );
    assert_eq!(
        ok(204, "[]"),
        Submitted::Accepted {
            service_notice: None
        }
    );

    let errors = r#"[{"code":400,"description":"lat is required"},{"code":400,"description":"description too long"}]"#;
    assert_eq!(reject(400, errors), "lat is required; description too long");
    assert_eq!(reject(404, "<html>Not Found</html>"), "HTTP 404");
    assert_eq!(
        reject(403, r#"[{"code":403,"description":"Invalid api_key"}]"#),
        "Invalid api_key"
    );
    assert_eq!(
        reject(200, r#"[{"code":"403","description":"Invalid api_key"}]"#),
        "Invalid api_key"
    );

    assert_eq!(retry(408, ""), "HTTP 408");
    assert_eq!(retry(429, "slow down"), "HTTP 429");
    assert_eq!(retry(500, "<html>oops</html>"), "HTTP 500");
    assert_eq!(retry(503, ""), "HTTP 503");
    assert_eq!(
        retry(
            503,
            r#"[{"code":503,"description":"maintenance until 22:00"}]"#
        ),
        "maintenance until 22:00"
    );
    assert_eq!(retry(200, r#"[{"code":503,"description":"busy"}]"#), "busy");
    assert_eq!(retry(0, ""), "no answer from the endpoint");
    assert_eq!(retry(302, ""), "HTTP 302");

    // A 2xx that cannot be read (a captive portal's page, a cut-off answer): the receiver may
    // have stored it, and resending with the same client request id is safe.
    let m = retry(200, "<html><body>请先登录 Wi-Fi</body></html>");
    assert!(
        m.starts_with("HTTP 200, but the answer could not be read"),
        "{m}"
    );
    retry(200, r#"[{"service_request_id":"#);
    retry(201, r#"[{"something":"else"}]"#);

    assert!(classify_http(500, "").unwrap_err().is_retryable());
    assert_eq!(classify_http(404, "").unwrap_err().message(), "HTTP 404");
}
