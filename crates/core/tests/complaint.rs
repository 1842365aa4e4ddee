//! The complaint model of issue 4: categories and their fields, validation keyed by field with
//! messages in both languages, the Open311 encoding of each category, response parsing, the
//! letter, the mailto link, the guidance, and JSON round trips.

use chrono::NaiveDate;
use cundi_core::complaint::guidance::area_code;
use cundi_core::complaint::validate::{
    normalise_mobile, parse_date_loosely, parse_yuan, MAX_DESCRIPTION_CHARS,
};
use cundi_core::complaint::*;
use cundi_core::complaint::{Category, Complaint, Draft, Field, Need, Yuan};
use cundi_core::{Authority, Dataset, Division, Lang, Parts, Tier, Village, VillageBase};
use percent_encoding::percent_decode_str;

mod common;
use common::{code, station};

// ---------------------------------------------------------------------------------------------
// Fixtures

const ID: &str = "7f3c2a1e-4b5d-4c6e-8f90-123456789abc";
const STATION: &str = "vp-140522100001";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 10).unwrap()
}

fn village(c: &str, name: &str, pos: Option<(f64, f64)>, per_week: Option<u8>) -> Village {
    let code = code(c);
    Village {
        served_by: Some(STATION.into()),
        ..Village::from(VillageBase {
            township_code: code.parent().unwrap(),
            code,
            name: name.into(),
            kind: None,
            population: None,
            lon: pos.map(|p| p.0),
            lat: pos.map(|p| p.1),
            deliveries_per_week: per_week,
            pickups_per_week: None,
            delivery_mode: None,
            extra: vec![],
        })
    }
}

fn authority(c: &str, name: &str, phone: &str, email: Option<&str>) -> Authority {
    Authority {
        jurisdiction_code: code(c),
        name: name.into(),
        phone: Some(phone.into()),
        email: email.map(str::to_string),
        website: Some("https://sswz.spb.gov.cn".into()),
        address: None,
        open311_endpoint: None,
        office_hours: None,
        open311_jurisdiction_id: None,
        open311_api_key: None,
        open311_service_codes: None,
        extra: vec![],
    }
}

/// Yangcheng (an authority with an e-mail address) and Linzi (only the province's authority,
/// without one).
fn dataset() -> Dataset {
    let divisions = [
        ("14", "山西省"),
        ("1405", "晋城市"),
        ("140522", "阳城县"),
        ("140522100", "凤城镇"),
        ("37", "山东省"),
        ("3703", "淄博市"),
        ("370305", "临淄区"),
        ("370305001", "辛店街道"),
    ]
    .into_iter()
    .map(|(c, n)| Division::new(code(c), n))
    .collect();
    let mut vp = station(
        STATION,
        Tier::VillagePoint,
        "西关社区快递服务点",
        "140522100001",
        112.419992,
        35.498305,
    );
    vp.address = Some("阳城县凤城镇西关社区".into());
    vp.operator = "阳城县统仓共配运营企业".into();
    let ts = station(
        "ts-370305001",
        Tier::TownshipStation,
        "辛店街道快递综合服务站",
        "370305001",
        118.3,
        36.8,
    );
    Dataset::new(Parts {
        divisions,
        stations: vec![vp, ts],
        villages: vec![
            village(
                "140522100001",
                "西关社区居民委员会",
                Some((112.42, 35.4983)),
                Some(7),
            ),
            village("140522100002", "南关社区居民委员会", None, Some(3)),
            village(
                "370305001001",
                "辛店村村民委员会",
                Some((118.31, 36.81)),
                None,
            ),
        ],
        authorities: vec![
            authority(
                "140522",
                "晋城市邮政管理局（邮政业用户申诉）",
                "0356-12305",
                Some("shensu@jcyz.example.cn"),
            ),
            authority("37", "山东省邮政管理局", "0531-12305", None),
        ],
        ..Parts::default()
    })
}

/// A valid draft of each category, with only what the category needs (and a few optional
/// extras), for the letter channel.
fn draft(category: Category) -> Draft {
    let mut d = Draft::new(ID);
    d.category = Some(category);
    match category {
        Category::NonDelivery => {
            d.station_id = STATION.into();
            d.date = "2026-05-03".into();
            d.time = "09:15".into();
            d.brand = "中通".into();
            d.waybill = "ZT 7312 3456 7890".into();
            d.where_left = "村口超市".into();
        }
        Category::IllegalFee => {
            d.station_id = STATION.into();
            d.date = "2026-05-03".into();
            d.time = "14:30".into();
            d.amount = "5".into();
            d.who_charged = "站点工作人员".into();
            d.receipt = Some(false);
        }
        Category::FrequencyShortfall => {
            d.village_code = "140522100002".into();
            d.actual_days_per_week = "3".into();
        }
        Category::StationNotOperating => {
            d.station_id = STATION.into();
            d.what_is_wrong = "站点已关门三个月".into();
        }
        Category::LostDamaged => {
            d.village_code = "140522100001".into();
            d.date = "2026-05-02".into();
            d.brand = "圆通".into();
            d.waybill = "YT1234567890123".into();
        }
        Category::Delay => {
            d.station_id = STATION.into();
            d.date = "2026-05-01".into();
            d.brand = "圆通".into();
            d.waybill = "YT1234567890123".into();
        }
        Category::ServiceAttitude => {
            d.station_id = STATION.into();
            d.date = "2026-05-03".into();
            d.description = "快递员态度恶劣".into();
        }
        Category::Other => {
            d.village_code = "140522100001".into();
            d.description = "其他问题".into();
        }
    }
    d
}

fn check(d: &Draft, channel: &Channel) -> Result<Complaint, Vec<FieldError>> {
    let ds = dataset();
    validate(d, channel, &Context::new(today(), &ds))
}

fn valid(d: &Draft) -> Complaint {
    check(d, &Channel::Letter).unwrap_or_else(|e| panic!("{d:#?} is invalid: {e:#?}"))
}

/// The (field, code) pairs of a draft's errors for the letter channel.
fn errors(d: &Draft) -> Vec<(Field, ErrorCode)> {
    errors_for(d, &Channel::Letter)
}

fn errors_for(d: &Draft, channel: &Channel) -> Vec<(Field, ErrorCode)> {
    match check(d, channel) {
        Ok(c) => panic!("expected errors, got {c:#?}"),
        Err(es) => es.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

fn with(category: Category, f: impl FnOnce(&mut Draft)) -> Draft {
    let mut d = draft(category);
    f(&mut d);
    d
}

fn the_illegal_fee_complaint() -> Complaint {
    valid(&with(Category::IllegalFee, |d| {
        d.description = "5 月 3 日下午去西关社区快递服务点取件，工作人员说每件收 5 元。".into();
        d.company_contacted = Some(true);
        d.contacted_on = "2026-05-04".into();
        d.company_answer = "称是站点自行收费，与公司无关".into();
        d.name = "张三".into();
        d.phone = "+86 138-1234-5678".into();
        d.email = "zhangsan@example.com".into();
        d.consent = true;
    }))
}

// ---------------------------------------------------------------------------------------------
// Categories and fields

#[test]
fn categories_are_the_eight_codes_of_complaints_md() {
    assert_eq!(
        Category::words(),
        [
            "non_delivery",
            "illegal_fee",
            "frequency_shortfall",
            "station_not_operating",
            "lost_damaged",
            "delay",
            "service_attitude",
            "other"
        ]
    );
    for c in Category::ALL {
        assert_eq!(Category::parse(c.as_str()), Some(*c));
        assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{c}\""));
    }
}

#[test]
fn each_category_needs_the_extra_fields_of_complaints_md() {
    use Category::*;
    use Need::*;
    let need = |c: Category, f: Field| c.need(f);
    assert_eq!(need(NonDelivery, Field::Waybill), Some(Required));
    assert_eq!(need(NonDelivery, Field::Brand), Some(Required));
    assert_eq!(need(NonDelivery, Field::WhereLeft), Some(Optional));
    assert_eq!(need(IllegalFee, Field::Amount), Some(Required));
    assert_eq!(need(IllegalFee, Field::WhoCharged), Some(Optional));
    assert_eq!(need(IllegalFee, Field::Receipt), Some(Optional));
    assert_eq!(
        need(FrequencyShortfall, Field::ActualDaysPerWeek),
        Some(Required)
    );
    assert_eq!(need(FrequencyShortfall, Field::Village), Some(Required));
    assert_eq!(
        need(StationNotOperating, Field::WhatIsWrong),
        Some(Required)
    );
    assert_eq!(need(StationNotOperating, Field::Station), Some(Required));
    for c in [LostDamaged, Delay] {
        assert_eq!(need(c, Field::Waybill), Some(Required));
        assert_eq!(need(c, Field::Brand), Some(Required));
    }
    assert_eq!(need(ServiceAttitude, Field::Description), Some(Required));
    assert_eq!(need(Other, Field::Description), Some(Required));
    // Fields another category uses are hidden.
    assert_eq!(need(Delay, Field::Amount), None);
    assert_eq!(need(IllegalFee, Field::ActualDaysPerWeek), None);
    assert_eq!(need(FrequencyShortfall, Field::Waybill), None);
    // Every category: the category first, the station or village, and who complains.
    for c in Category::ALL {
        let fields = c.fields();
        assert_eq!(fields[0], (Field::Category, Required));
        assert!(c.need(Field::Station).is_some() && c.need(Field::Village).is_some());
        for f in [Field::Name, Field::Phone, Field::Email, Field::Consent] {
            assert_eq!(c.need(f), Some(Optional), "{c} {f}");
        }
        assert_eq!(c.need(Field::Channel), None);
    }
}

#[test]
fn field_words_are_the_keys_of_a_stored_draft_and_complaint() {
    let draft = serde_json::to_value(Draft::default()).unwrap();
    let keys: Vec<&str> = draft
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut fields: Vec<&str> = Field::ALL
        .iter()
        .filter(|f| **f != Field::Channel)
        .map(|f| f.as_str())
        .collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort();
    fields.sort();
    assert_eq!(sorted_keys, fields);
    let complaint = serde_json::to_value(the_illegal_fee_complaint()).unwrap();
    let mut ckeys: Vec<&str> = complaint
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    ckeys.sort();
    assert_eq!(ckeys, fields);
}

#[test]
fn every_category_and_field_has_a_label_in_both_languages() {
    for c in Category::ALL {
        assert!(!c.label(Lang::Zh).is_empty() && !c.label(Lang::En).is_empty());
        assert_ne!(c.label(Lang::Zh), c.label(Lang::En));
    }
    assert_eq!(Category::IllegalFee.label(Lang::Zh), "违规收费");
    assert_eq!(Category::NonDelivery.label(Lang::Zh), "未按址投递");
    for f in Field::ALL {
        assert!(!f.label(Lang::Zh).is_empty() && !f.label(Lang::En).is_empty());
        assert_ne!(f.label(Lang::Zh), f.label(Lang::En));
    }
}

#[test]
fn draft_text_fields_are_reachable_by_field() {
    let mut d = Draft::new(ID);
    *d.text_mut(Field::Waybill).unwrap() = "YT1234567890".into();
    assert_eq!(d.waybill, "YT1234567890");
    assert_eq!(d.text(Field::Waybill), Some("YT1234567890"));
    assert_eq!(d.text(Field::Consent), None);
    for f in Field::ALL {
        assert_eq!(
            d.text(*f).is_some(),
            d.clone().text_mut(*f).is_some(),
            "{f}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Validation: every category, every rule

#[test]
fn a_complete_draft_of_every_category_validates() {
    for c in Category::ALL {
        let complaint = valid(&draft(*c));
        assert_eq!(complaint.category, *c);
        assert_eq!(complaint.client_request_id, ID);
    }
}

#[test]
fn each_required_field_of_each_category_is_reported_when_empty() {
    for c in Category::ALL {
        for (field, need) in c.fields() {
            if need != Need::Required {
                continue;
            }
            let mut d = draft(*c);
            match field {
                Field::Category => d.category = None,
                f => d.text_mut(f).unwrap().clear(),
            }
            assert!(
                errors(&d).contains(&(field, ErrorCode::Required)),
                "{c}: {field} empty gives {:?}",
                errors(&d)
            );
        }
    }
}

#[test]
fn a_complaint_needs_a_station_or_a_village() {
    for c in Category::ALL
        .iter()
        .filter(|c| c.need(Field::Station) == Some(Need::Either))
    {
        let none = with(*c, |d| {
            d.station_id.clear();
            d.village_code.clear();
        });
        assert_eq!(
            errors(&none),
            [(Field::Station, ErrorCode::StationOrVillageRequired)],
            "{c}"
        );
        let village_only = with(*c, |d| {
            d.station_id.clear();
            d.village_code = "140522100001".into();
        });
        assert!(check(&village_only, &Channel::Letter).is_ok());
        let station_only = with(*c, |d| {
            d.station_id = STATION.into();
            d.village_code.clear();
        });
        assert!(check(&station_only, &Channel::Letter).is_ok());
    }
}

#[test]
fn station_and_village_must_exist() {
    let d = with(Category::Delay, |d| {
        d.station_id = "vp-nowhere".into();
        d.village_code = "140522100099".into();
    });
    assert_eq!(
        errors(&d),
        [
            (Field::Station, ErrorCode::UnknownStation),
            (Field::Village, ErrorCode::UnknownVillage)
        ]
    );
    let d = with(Category::Delay, |d| d.village_code = "140522100".into());
    assert_eq!(errors(&d), [(Field::Village, ErrorCode::NotAVillageCode)]);
    let d = with(Category::Delay, |d| d.village_code = "14052210000x".into());
    assert_eq!(errors(&d), [(Field::Village, ErrorCode::NotAVillageCode)]);
}

#[test]
fn waybill_is_letters_digits_and_dashes_6_to_40() {
    let waybill = |raw: &str| {
        let d = with(Category::Delay, |d| d.waybill = raw.into());
        check(&d, &Channel::Letter).map(|c| c.waybill.unwrap())
    };
    assert_eq!(waybill("YT1234567890123").unwrap(), "YT1234567890123");
    assert_eq!(waybill(" ZT 7312 3456 7890 ").unwrap(), "ZT731234567890");
    assert_eq!(waybill("JD-0001234567").unwrap(), "JD-0001234567");
    assert_eq!(waybill("ＳＦ１２３４５６７８").unwrap(), "SF12345678");
    assert_eq!(waybill("123456").unwrap(), "123456");
    assert_eq!(waybill(&"9".repeat(40)).unwrap(), "9".repeat(40));
    // A brand before or after the number, and a label, as people copy them (issue 24, point 7).
    assert_eq!(waybill("中通 7531 2345 6789").unwrap(), "中通 753123456789");
    assert_eq!(
        waybill("7531 2345 6789 中通快递").unwrap(),
        "中通 753123456789"
    );
    assert_eq!(waybill("运单号：YT1234567890").unwrap(), "YT1234567890");
    assert_eq!(
        waybill("快递单号 顺丰 SF1234567890").unwrap(),
        "顺丰 SF1234567890"
    );
    assert_eq!(
        waybill("中国邮政 1234567890123").unwrap(),
        "邮政 1234567890123"
    );
    // The colon after a brand is not part of the number.
    assert_eq!(
        waybill("中通：7531 2345 6789").unwrap(),
        "中通 753123456789"
    );
    for (bad, code) in [
        ("12345", ErrorCode::BadWaybill),
        (&"9".repeat(41), ErrorCode::BadWaybill),
        ("------", ErrorCode::BadWaybill),
        ("中通 12345", ErrorCode::BadWaybill),
        ("YT12345#678", ErrorCode::WaybillChar { ch: "#".into() }),
        ("YT1234.5678", ErrorCode::WaybillChar { ch: ".".into() }),
        (
            "中通 7531 号 6789",
            ErrorCode::WaybillChar { ch: "号".into() },
        ),
        (
            "运单12345678",
            ErrorCode::WaybillText {
                text: "运单".into(),
            },
        ),
        (
            "张三的快递 12345678",
            ErrorCode::WaybillText {
                text: "张三的快递".into(),
            },
        ),
    ] {
        let d = with(Category::Delay, |d| d.waybill = bad.into());
        assert_eq!(errors(&d), [(Field::Waybill, code.clone())], "{bad}");
        // The message names what is wrong.
        let words = code.message(cundi_core::Lang::Zh);
        match &code {
            ErrorCode::WaybillChar { ch } => assert!(words.contains(ch.as_str()), "{words}"),
            ErrorCode::WaybillText { text } => assert!(words.contains(text.as_str()), "{words}"),
            _ => assert!(words.contains("6"), "{words}"),
        }
    }
}

#[test]
fn amount_is_positive_at_most_10000_yuan_with_two_decimals() {
    let amount = |raw: &str| {
        let d = with(Category::IllegalFee, |d| d.amount = raw.into());
        match check(&d, &Channel::Letter) {
            Ok(c) => Ok(c.amount.unwrap().fen()),
            Err(e) => Err(e[0].code.clone()),
        }
    };
    assert_eq!(amount("5"), Ok(500));
    assert_eq!(amount("2.5"), Ok(250));
    assert_eq!(amount("2.50"), Ok(250));
    assert_eq!(amount("0.01"), Ok(1));
    assert_eq!(amount(".5"), Ok(50));
    assert_eq!(amount("¥3"), Ok(300));
    assert_eq!(amount("￥3.00"), Ok(300));
    assert_eq!(amount("５元"), Ok(500));
    assert_eq!(amount("10000"), Ok(1_000_000));
    assert_eq!(amount("abc"), Err(ErrorCode::NotANumber));
    assert_eq!(amount("1,000"), Err(ErrorCode::NotANumber));
    assert_eq!(amount("."), Err(ErrorCode::NotANumber));
    assert_eq!(amount("0"), Err(ErrorCode::NotPositive));
    assert_eq!(amount("0.00"), Err(ErrorCode::NotPositive));
    assert_eq!(amount("-2"), Err(ErrorCode::NotPositive));
    assert_eq!(amount("1.234"), Err(ErrorCode::TooManyDecimals));
    let too_large = Err(ErrorCode::AmountTooLarge { max_yuan: 10_000 });
    assert_eq!(amount("10000.01"), too_large);
    assert_eq!(amount("99999999999999999999"), too_large);
    assert_eq!(Yuan::from_fen(250).to_string(), "2.50");
    assert_eq!(parse_yuan("12.5"), Ok(Yuan::from_fen(1250)));
}

#[test]
fn actual_days_per_week_is_a_whole_number_from_0_to_7() {
    let days = |raw: &str| {
        let d = with(Category::FrequencyShortfall, |d| {
            d.actual_days_per_week = raw.into()
        });
        match check(&d, &Channel::Letter) {
            Ok(c) => Ok(c.actual_days_per_week.unwrap()),
            Err(e) => Err(e[0].code.clone()),
        }
    };
    assert_eq!(days("0"), Ok(0));
    assert_eq!(days("7"), Ok(7));
    assert_eq!(days("３天"), Ok(3));
    let out = Err(ErrorCode::OutOfRange { min: 0, max: 7 });
    assert_eq!(days("8"), out);
    assert_eq!(days("-1"), out);
    assert_eq!(days("3.5"), Err(ErrorCode::NotWholeNumber));
    assert_eq!(days("often"), Err(ErrorCode::NotANumber));
    assert_eq!(days("NaN"), Err(ErrorCode::NotANumber));
}

#[test]
fn description_is_at_most_4000_characters_not_bytes() {
    let d = with(Category::Other, |d| d.description = "字".repeat(4_000));
    assert_eq!(valid(&d).description.chars().count(), MAX_DESCRIPTION_CHARS);
    let d = with(Category::Other, |d| d.description = "字".repeat(4_001));
    assert_eq!(
        errors(&d),
        [(
            Field::Description,
            ErrorCode::TooLong {
                max: 4_000,
                len: 4_001
            }
        )]
    );
}

#[test]
fn description_is_required_for_other_and_service_attitude_only() {
    for c in [Category::Other, Category::ServiceAttitude] {
        let d = with(c, |d| d.description = "  \n ".into());
        assert_eq!(
            errors(&d),
            [(Field::Description, ErrorCode::Required)],
            "{c}"
        );
    }
    for c in [Category::NonDelivery, Category::IllegalFee, Category::Delay] {
        assert_eq!(valid(&draft(c)).description, "");
    }
}

#[test]
fn description_is_kept_as_plain_text_with_unix_line_breaks() {
    let text = "<script>alert('x')</script>\r\n&amp; a=b\r第二行";
    let d = with(Category::Other, |d| d.description = text.into());
    assert_eq!(
        valid(&d).description,
        "<script>alert('x')</script>\n&amp; a=b\n第二行"
    );
}

#[test]
fn one_line_fields_are_limited_and_their_spaces_collapsed() {
    let d = with(Category::IllegalFee, |d| {
        d.who_charged = "  站点\n 老板  ".into();
        d.name = "张 三".into();
    });
    let c = valid(&d);
    assert_eq!(c.who_charged.as_deref(), Some("站点 老板"));
    assert_eq!(c.name.as_deref(), Some("张 三"));
    let d = with(Category::IllegalFee, |d| d.name = "名".repeat(51));
    assert_eq!(
        errors(&d),
        [(Field::Name, ErrorCode::TooLong { max: 50, len: 51 })]
    );
    let d = with(Category::StationNotOperating, |d| {
        d.what_is_wrong = "x".repeat(1_001)
    });
    assert_eq!(
        errors(&d),
        [(
            Field::WhatIsWrong,
            ErrorCode::TooLong {
                max: 1_000,
                len: 1_001
            }
        )]
    );
}

#[test]
fn phone_is_a_mainland_mobile_number_normalised() {
    for ok in [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138-1234-5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "(+86) 138 1234 5678",
        "１３８１２３４５６７８",
    ] {
        assert_eq!(normalise_mobile(ok).as_deref(), Some("13812345678"), "{ok}");
        let d = with(Category::Delay, |d| d.phone = ok.into());
        assert_eq!(valid(&d).phone.as_deref(), Some("13812345678"));
    }
    assert_eq!(
        normalise_mobile("19912345678").as_deref(),
        Some("19912345678")
    );
    for bad in [
        "12812345678",
        "1381234567",
        "138123456789",
        "0356-12305",
        "+1 138 1234 5678",
        "phone",
    ] {
        let d = with(Category::Delay, |d| d.phone = bad.into());
        assert_eq!(errors(&d), [(Field::Phone, ErrorCode::BadPhone)], "{bad}");
    }
}

#[test]
fn email_must_be_plausible() {
    for (raw, normal) in [
        ("zhangsan@example.com", "zhangsan@example.com"),
        (" a.b+c@mail.example.cn ", "a.b+c@mail.example.cn"),
        ("zhangsan＠example．com", "zhangsan@example.com"),
        ("用户@例子.中国", "用户@例子.中国"),
    ] {
        let d = with(Category::Delay, |d| d.email = raw.into());
        assert_eq!(valid(&d).email.as_deref(), Some(normal), "{raw}");
    }
    for bad in [
        "zhangsan",
        "zhangsan@example",
        "@example.com",
        "a@@example.com",
        "a b@example.com",
        "a@example..com",
        "a@-example.com",
        "<a@example.com>",
        "a@example.c",
        "a@1.2.3.4",
    ] {
        let d = with(Category::Delay, |d| d.email = bad.into());
        assert_eq!(errors(&d), [(Field::Email, ErrorCode::BadEmail)], "{bad}");
    }
}

#[test]
fn date_is_not_in_the_future_nor_before_2000() {
    let date = |raw: &str| {
        let d = with(Category::Delay, |d| d.date = raw.into());
        match check(&d, &Channel::Letter) {
            Ok(c) => Ok(c.date.unwrap().to_string()),
            Err(e) => Err(e[0].code.clone()),
        }
    };
    assert_eq!(date("2026-05-10").as_deref(), Ok("2026-05-10"));
    assert_eq!(date("2026/5/3").as_deref(), Ok("2026-05-03"));
    assert_eq!(date("2026年5月3日").as_deref(), Ok("2026-05-03"));
    assert_eq!(date("２０２６-０５-０３").as_deref(), Ok("2026-05-03"));
    assert_eq!(date("2000-01-01").as_deref(), Ok("2000-01-01"));
    assert_eq!(date("2026-05-11"), Err(ErrorCode::DateInFuture));
    assert_eq!(date("1999-12-31"), Err(ErrorCode::DateTooEarly));
    assert_eq!(date("2026-02-30"), Err(ErrorCode::BadDate));
    assert_eq!(date("yesterday"), Err(ErrorCode::BadDate));
    assert_eq!(date("26-05-03"), Err(ErrorCode::BadDate));
    assert_eq!(
        parse_date_loosely("2024-1-5"),
        NaiveDate::from_ymd_opt(2024, 1, 5)
    );
}

#[test]
fn time_is_hh_mm() {
    let d = with(Category::Delay, |d| d.time = "9:05".into());
    assert_eq!(valid(&d).time.unwrap().to_string(), "09:05:00");
    let d = with(Category::Delay, |d| d.time = "14：30".into());
    assert_eq!(valid(&d).time.unwrap().to_string(), "14:30:00");
    for bad in ["25:00", "1430", "14:3", "noon", "14:30:61"] {
        let d = with(Category::Delay, |d| d.time = bad.into());
        assert_eq!(errors(&d), [(Field::Time, ErrorCode::BadTime)], "{bad}");
    }
}

#[test]
fn company_contact_date_is_checked_only_once_contacted() {
    let d = with(Category::Delay, |d| {
        d.company_contacted = Some(true);
        d.contacted_on = "2026-04-30".into();
    });
    assert_eq!(
        errors(&d),
        [(Field::ContactedOn, ErrorCode::ContactedBeforeIncident)]
    );
    let d = with(Category::Delay, |d| {
        d.company_contacted = Some(true);
        d.contacted_on = "2026-06-01".into();
    });
    assert_eq!(errors(&d), [(Field::ContactedOn, ErrorCode::DateInFuture)]);
    let d = with(Category::Delay, |d| {
        d.company_contacted = Some(false);
        d.contacted_on = "rubbish".into();
        d.company_answer = "ignored".into();
    });
    let c = valid(&d);
    assert_eq!((c.contacted_on, c.company_answer), (None, None));
}

#[test]
fn personal_data_needs_consent_only_on_channels_that_send_it() {
    let open311 = Channel::Open311(ChannelNeeds::default());
    for field in [Field::Name, Field::Phone, Field::Email] {
        let d = with(Category::Delay, |d| {
            *d.text_mut(field).unwrap() = match field {
                Field::Name => "张三",
                Field::Phone => "13812345678",
                _ => "a@example.com",
            }
            .into();
        });
        assert_eq!(
            errors_for(&d, &open311),
            [(Field::Consent, ErrorCode::ConsentRequired)],
            "{field}"
        );
        assert!(check(&d, &Channel::Letter).is_ok());
        assert!(check(&d, &Channel::Email).is_ok());
        let consented = Draft {
            consent: true,
            ..d.clone()
        };
        assert!(check(&consented, &open311).is_ok());
    }
    // No personal data, nothing to consent to.
    assert!(check(&draft(Category::Delay), &open311).is_ok());
}

#[test]
fn open311_channel_needs_are_enforced() {
    let needs = |f: fn(&mut ChannelNeeds)| {
        let mut n = ChannelNeeds::default();
        f(&mut n);
        Channel::Open311(n)
    };
    let d = draft(Category::Delay);
    assert_eq!(
        errors_for(&d, &needs(|n| n.email = true)),
        [(Field::Email, ErrorCode::NeededByChannel)]
    );
    assert_eq!(
        errors_for(&d, &needs(|n| n.phone = true)),
        [(Field::Phone, ErrorCode::NeededByChannel)]
    );
    assert_eq!(
        errors_for(&d, &needs(|n| n.name = true)),
        [(Field::Name, ErrorCode::NeededByChannel)]
    );
    assert_eq!(
        errors_for(&d, &needs(|n| n.email_or_phone = true)),
        [
            (Field::Phone, ErrorCode::EmailOrPhoneNeeded),
            (Field::Email, ErrorCode::EmailOrPhoneNeeded)
        ]
    );
    let with_phone = with(Category::Delay, |d| {
        d.phone = "13812345678".into();
        d.consent = true;
    });
    assert!(check(&with_phone, &needs(|n| n.email_or_phone = true)).is_ok());
    assert_eq!(
        errors_for(
            &d,
            &needs(|n| n.categories = Some(vec![Category::NonDelivery]))
        ),
        [(Field::Category, ErrorCode::CategoryNotAccepted)]
    );
    assert!(check(&d, &needs(|n| n.categories = Some(vec![Category::Delay]))).is_ok());
}

#[test]
fn email_channel_needs_an_authority_with_an_email_address() {
    // Yangcheng's authority has one.
    assert!(check(&draft(Category::Delay), &Channel::Email).is_ok());
    // Linzi has only the province's authority, which has none.
    let d = with(Category::Delay, |d| d.station_id = "ts-370305001".into());
    assert_eq!(
        errors_for(&d, &Channel::Email),
        [(Field::Channel, ErrorCode::NoAuthorityEmail)]
    );
    assert!(check(&d, &Channel::Letter).is_ok());
}

#[test]
fn client_request_id_has_the_form_the_site_generates() {
    for ok in [ID, "0123456789abcdef", "c_1715312345678_k3j4h5"] {
        let mut d = draft(Category::Delay);
        d.client_request_id = ok.into();
        assert!(check(&d, &Channel::Letter).is_ok(), "{ok}");
    }
    let mut d = draft(Category::Delay);
    d.client_request_id.clear();
    assert_eq!(errors(&d), [(Field::ClientRequestId, ErrorCode::Required)]);
    for bad in [
        "short",
        "has space 0123456789",
        &"a".repeat(65),
        "编号0123456789abcdef",
    ] {
        let mut d = draft(Category::Delay);
        d.client_request_id = bad.into();
        assert_eq!(
            errors(&d),
            [(Field::ClientRequestId, ErrorCode::BadRequestId)],
            "{bad}"
        );
    }
}

#[test]
fn fields_the_category_does_not_use_are_neither_checked_nor_kept() {
    // Typed while the category was "illegal fee", then switched to "delay".
    let d = with(Category::Delay, |d| {
        d.amount = "abc".into();
        d.actual_days_per_week = "99".into();
        d.what_is_wrong = "x".repeat(5_000);
        d.receipt = Some(true);
    });
    let c = valid(&d);
    assert_eq!(c.amount, None);
    assert_eq!(c.actual_days_per_week, None);
    assert_eq!(c.what_is_wrong, None);
    assert_eq!(c.receipt, None);
}

#[test]
fn all_errors_come_at_once_in_form_order() {
    let mut d = Draft::new("bad id");
    d.amount = "x".into();
    d.phone = "123".into();
    d.date = "2030-01-01".into();
    d.station_id = "nowhere".into();
    assert_eq!(
        errors(&d),
        [
            (Field::Category, ErrorCode::Required),
            (Field::Station, ErrorCode::UnknownStation),
            (Field::Date, ErrorCode::DateInFuture),
            (Field::Amount, ErrorCode::NotANumber),
            (Field::Phone, ErrorCode::BadPhone),
            (Field::ClientRequestId, ErrorCode::BadRequestId),
        ]
    );
}

#[test]
fn every_error_code_reads_in_both_languages() {
    let codes = [
        ErrorCode::Required,
        ErrorCode::StationOrVillageRequired,
        ErrorCode::UnknownStation,
        ErrorCode::UnknownVillage,
        ErrorCode::NotAVillageCode,
        ErrorCode::BadRequestId,
        ErrorCode::BadWaybill,
        ErrorCode::WaybillChar { ch: "#".into() },
        // (What the citizen typed is shown as typed; the words around it are the language's.)
        ErrorCode::WaybillText { text: "x".into() },
        ErrorCode::NotANumber,
        ErrorCode::NotPositive,
        ErrorCode::AmountTooLarge { max_yuan: 10_000 },
        ErrorCode::TooManyDecimals,
        ErrorCode::NotWholeNumber,
        ErrorCode::OutOfRange { min: 0, max: 7 },
        ErrorCode::TooLong {
            max: 4000,
            len: 4001,
        },
        ErrorCode::BadPhone,
        ErrorCode::BadEmail,
        ErrorCode::BadDate,
        ErrorCode::DateInFuture,
        ErrorCode::DateTooEarly,
        ErrorCode::ContactedBeforeIncident,
        ErrorCode::BadTime,
        ErrorCode::ConsentRequired,
        ErrorCode::NeededByChannel,
        ErrorCode::EmailOrPhoneNeeded,
        ErrorCode::NoAuthorityEmail,
        ErrorCode::CategoryNotAccepted,
    ];
    let mut zh = std::collections::HashSet::new();
    let mut en = std::collections::HashSet::new();
    for code in &codes {
        let (z, e) = (code.message(Lang::Zh), code.message(Lang::En));
        assert!(
            z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{z}"
        );
        assert!(e.is_ascii() || e.contains('–'), "{e}");
        assert!(zh.insert(z), "{code:?}");
        assert!(en.insert(e), "{code:?}");
        // The code is the serialised tag.
        let json = serde_json::to_value(code).unwrap();
        let tag = json
            .as_str()
            .map(str::to_string)
            .or_else(|| json.as_object().and_then(|o| o.keys().next().cloned()));
        assert_eq!(tag.as_deref(), Some(code.code()));
    }
    let too_long = ErrorCode::TooLong {
        max: 4000,
        len: 4001,
    };
    assert_eq!(too_long.message(Lang::Zh), "最多 4000 个字，现有 4001 个");
    assert_eq!(
        too_long.message(Lang::En),
        "At most 4000 characters; this has 4001"
    );
    assert_eq!(
        FieldError::new(
            Field::Amount,
            ErrorCode::AmountTooLarge { max_yuan: 10_000 }
        )
        .message(Lang::Zh),
        "金额不能超过 10000 元"
    );
    assert_eq!(
        ErrorCode::BadPhone.message(Lang::En),
        "Enter a mainland mobile number: 11 digits starting 13–19 (+86 allowed)"
    );
    assert_eq!(ErrorCode::Required.message(Lang::Zh), "此项必填");
}

// ---------------------------------------------------------------------------------------------
// Drafts and complaints as JSON

#[test]
fn complaint_round_trips_through_json() {
    let c = the_illegal_fee_complaint();
    let json = to_json(&c);
    assert_eq!(serde_json::from_str::<Complaint>(&json).unwrap(), c);
    for cat in Category::ALL {
        let c = valid(&draft(*cat));
        assert_eq!(serde_json::from_str::<Complaint>(&to_json(&c)).unwrap(), c);
    }
}

#[test]
fn to_json_is_pretty_with_a_stable_field_order() {
    let json = to_json(&the_illegal_fee_complaint());
    let keys: Vec<&str> = json
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split_once("\":").map(|p| p.0))
        .collect();
    assert_eq!(
        keys,
        [
            "client_request_id",
            "category",
            "station_id",
            "village_code",
            "address",
            "date",
            "time",
            "brand",
            "waybill",
            "where_left",
            "amount",
            "who_charged",
            "receipt",
            "actual_days_per_week",
            "what_is_wrong",
            "description",
            "company_contacted",
            "contacted_on",
            "company_answer",
            "name",
            "phone",
            "email",
            "consent",
            "attributes"
        ]
    );
    assert!(json.contains("  \"category\": \"illegal_fee\",\n"));
    assert!(json.contains("  \"time\": \"14:30\",\n"));
    assert!(json.contains("  \"amount\": \"5.00\",\n"));
    assert!(json.contains("  \"phone\": \"13812345678\",\n"));
    assert!(json.contains("  \"brand\": null,\n"));
}

#[test]
fn a_complaint_turns_back_into_a_draft_that_validates_to_it() {
    let c = the_illegal_fee_complaint();
    let d = c.to_draft();
    assert_eq!(d.amount, "5.00");
    assert_eq!(d.time, "14:30");
    assert_eq!(valid(&d), c);
}

#[test]
fn draft_round_trips_and_survives_missing_and_unknown_values() {
    let d = with(Category::IllegalFee, |d| d.amount = "12.".into());
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    // An older draft without most keys, and a category word this version does not know.
    let old: Draft = serde_json::from_str(
        r#"{"client_request_id": "abc", "category": "parcel_eaten_by_goat", "waybill": "YT1"}"#,
    )
    .unwrap();
    assert_eq!(old.category, None);
    assert_eq!(old.waybill, "YT1");
    assert_eq!(old.description, "");
}

// ---------------------------------------------------------------------------------------------
// Open311

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn form(c: &Complaint) -> Vec<(String, String)> {
    let ds = dataset();
    open311_form(c, &place(c, &ds), c.category.as_str())
}

/// The station stands in a village, so the village is named too.
const STATION_ADDRESS: &str =
    "西关社区快递服务点, 阳城县凤城镇西关社区, 西关社区居民委员会, 凤城镇, 阳城县, 晋城市, 山西省";

#[test]
fn open311_form_of_non_delivery() {
    assert_eq!(
        form(&valid(&draft(Category::NonDelivery))),
        pairs(&[
            ("service_code", "non_delivery"),
            ("lat", "35.498305"),
            ("long", "112.419992"),
            ("address_string", STATION_ADDRESS),
            (
                "description",
                "快件未按运单地址投递，而是被放在：村口超市，事先未征得本人同意。"
            ),
            ("attribute[client_request_id]", ID),
            ("attribute[station_id]", STATION),
            ("attribute[date]", "2026-05-03"),
            ("attribute[time]", "09:15"),
            ("attribute[brand]", "中通"),
            ("attribute[waybill]", "ZT731234567890"),
            ("attribute[where_left]", "村口超市"),
        ])
    );
}

#[test]
fn open311_form_of_illegal_fee() {
    assert_eq!(
        form(&valid(&draft(Category::IllegalFee))),
        pairs(&[
            ("service_code", "illegal_fee"),
            ("lat", "35.498305"),
            ("long", "112.419992"),
            ("address_string", STATION_ADDRESS),
            (
                "description",
                "取件时被收取费用 5.00 元（收费方：站点工作人员）。没有收据。"
            ),
            ("attribute[client_request_id]", ID),
            ("attribute[station_id]", STATION),
            ("attribute[date]", "2026-05-03"),
            ("attribute[time]", "14:30"),
            ("attribute[amount]", "5.00"),
            ("attribute[who_charged]", "站点工作人员"),
            ("attribute[receipt]", "false"),
        ])
    );
}

#[test]
fn open311_form_of_frequency_shortfall_has_no_position_without_one() {
    assert_eq!(
        form(&valid(&draft(Category::FrequencyShortfall))),
        pairs(&[
            ("service_code", "frequency_shortfall"),
            (
                "address_string",
                "南关社区居民委员会, 凤城镇, 阳城县, 晋城市, 山西省"
            ),
            (
                "description",
                "本村实际每周只有 3 天有快递服务，未达到每天至少一次的标准。"
            ),
            ("attribute[client_request_id]", ID),
            ("attribute[village_code]", "140522100002"),
            ("attribute[actual_days_per_week]", "3"),
        ])
    );
}

#[test]
fn open311_form_of_station_not_operating() {
    assert_eq!(
        form(&valid(&draft(Category::StationNotOperating))),
        pairs(&[
            ("service_code", "station_not_operating"),
            ("lat", "35.498305"),
            ("long", "112.419992"),
            ("address_string", STATION_ADDRESS),
            ("description", "公布的站点信息与实际不符：站点已关门三个月"),
            ("attribute[client_request_id]", ID),
            ("attribute[station_id]", STATION),
            ("attribute[what_is_wrong]", "站点已关门三个月"),
        ])
    );
}

#[test]
fn open311_form_of_lost_damaged_uses_the_village_position() {
    assert_eq!(
        form(&valid(&draft(Category::LostDamaged))),
        pairs(&[
            ("service_code", "lost_damaged"),
            ("lat", "35.4983"),
            ("long", "112.42"),
            (
                "address_string",
                "西关社区居民委员会, 凤城镇, 阳城县, 晋城市, 山西省"
            ),
            ("description", "快件丢失、短少或损毁。"),
            ("attribute[client_request_id]", ID),
            ("attribute[village_code]", "140522100001"),
            ("attribute[date]", "2026-05-02"),
            ("attribute[brand]", "圆通"),
            ("attribute[waybill]", "YT1234567890123"),
        ])
    );
}

#[test]
fn open311_form_of_delay() {
    assert_eq!(
        form(&valid(&draft(Category::Delay))),
        pairs(&[
            ("service_code", "delay"),
            ("lat", "35.498305"),
            ("long", "112.419992"),
            ("address_string", STATION_ADDRESS),
            ("description", "快件延误，未在承诺时限内送达。"),
            ("attribute[client_request_id]", ID),
            ("attribute[station_id]", STATION),
            ("attribute[date]", "2026-05-01"),
            ("attribute[brand]", "圆通"),
            ("attribute[waybill]", "YT1234567890123"),
        ])
    );
}

#[test]
fn open311_form_of_service_attitude() {
    assert_eq!(
        form(&valid(&draft(Category::ServiceAttitude))),
        pairs(&[
            ("service_code", "service_attitude"),
            ("lat", "35.498305"),
            ("long", "112.419992"),
            ("address_string", STATION_ADDRESS),
            ("description", "快递员态度恶劣"),
            ("attribute[client_request_id]", ID),
            ("attribute[station_id]", STATION),
            ("attribute[date]", "2026-05-03"),
        ])
    );
}

#[test]
fn open311_form_of_other() {
    assert_eq!(
        form(&valid(&draft(Category::Other))),
        pairs(&[
            ("service_code", "other"),
            ("lat", "35.4983"),
            ("long", "112.42"),
            (
                "address_string",
                "西关社区居民委员会, 凤城镇, 阳城县, 晋城市, 山西省"
            ),
            ("description", "其他问题"),
            ("attribute[client_request_id]", ID),
            ("attribute[village_code]", "140522100001"),
        ])
    );
}

#[test]
fn open311_form_sends_personal_data_only_when_consented() {
    let c = the_illegal_fee_complaint();
    let f = form(&c);
    let get = |k: &str| f.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("first_name"), None);
    assert_eq!(get("last_name"), Some("张三"));
    assert_eq!(get("phone"), Some("13812345678"));
    assert_eq!(get("email"), Some("zhangsan@example.com"));
    assert_eq!(get("attribute[company_contacted]"), Some("true"));
    assert_eq!(get("attribute[contacted_on]"), Some("2026-05-04"));
    assert_eq!(
        get("attribute[company_answer]"),
        Some("称是站点自行收费，与公司无关")
    );

    let unconsented = Complaint {
        consent: false,
        ..c.clone()
    };
    let f = form(&unconsented);
    for k in ["first_name", "last_name", "phone", "email"] {
        assert!(
            f.iter().all(|(key, _)| key != k),
            "{k} sent without consent"
        );
    }

    let western = Complaint {
        name: Some("John Smith".into()),
        ..c
    };
    let f = form(&western);
    let get = |k: &str| f.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(
        (get("first_name"), get("last_name")),
        (Some("John"), Some("Smith"))
    );
}

#[test]
fn form_urlencode_encodes_chinese_as_utf8() {
    let body = form_urlencode(&pairs(&[
        ("service_code", "illegal_fee"),
        ("description", "违规收费 5 元"),
        ("attribute[brand]", "中通"),
    ]));
    assert_eq!(
        body,
        "service_code=illegal_fee\
         &description=%E8%BF%9D%E8%A7%84%E6%94%B6%E8%B4%B9+5+%E5%85%83\
         &attribute%5Bbrand%5D=%E4%B8%AD%E9%80%9A"
    );
}

#[test]
fn form_urlencode_keeps_html_ampersands_equals_and_newlines_inside_the_value() {
    let nasty = "<script>alert(\"x\")</script>\n&service_code=delay&a=b\r\n100% 真的";
    let body = form_urlencode(&pairs(&[("description", nasty), ("attribute[x]", "1")]));
    assert_eq!(
        body,
        "description=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E%0A%26service_code%3Ddelay%26a%3Db%0D%0A100%25+%E7%9C%9F%E7%9A%84\
         &attribute%5Bx%5D=1"
    );
    let back: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(
        back,
        pairs(&[("description", nasty), ("attribute[x]", "1")])
    );
}

#[test]
fn a_whole_complaint_survives_form_encoding() {
    let c = the_illegal_fee_complaint();
    let f = form(&c);
    let back: Vec<(String, String)> = form_urlencoded::parse(form_urlencode(&f).as_bytes())
        .into_owned()
        .collect();
    assert_eq!(back, f);
}

#[test]
fn services_json_lists_service_codes() {
    let body = r#"[
      {"service_code":"non_delivery","service_name":"未按址投递","description":"快件未送到地址",
       "metadata":false,"type":"realtime","keywords":"快递, 投递","group":"快递"},
      {"service_code":"illegal_fee","metadata":"true","type":"batch","keywords":["收费"]},
      {"service_code":1,"service_name":"Potholes"},
      {"service_name":"no code, skipped"}
    ]"#;
    let services = parse_services(body).unwrap();
    assert_eq!(services.len(), 3);
    assert_eq!(
        services[0],
        Service {
            service_code: "non_delivery".into(),
            service_name: Some("未按址投递".into()),
            description: Some("快件未送到地址".into()),
            metadata: false,
            kind: Some("realtime".into()),
            keywords: vec!["快递".into(), "投递".into()],
            group: Some("快递".into()),
        }
    );
    assert!(services[1].metadata);
    assert_eq!(services[1].keywords, ["收费"]);
    assert_eq!(services[2].service_code, "1");
    let words = Receiver::new("https://example.cn/open311");
    assert_eq!(
        words.accepted_categories(&services),
        [Category::NonDelivery, Category::IllegalFee]
    );
    assert_eq!(parse_services("[]").unwrap(), []);
}

#[test]
fn services_json_error_array_and_malformed_bodies_are_errors() {
    assert_eq!(
        parse_services(r#"[{"code":404,"description":"jurisdiction_id not found"}]"#),
        Err(ResponseError::Rejected(vec![RemoteError {
            code: Some("404".into()),
            description: "jurisdiction_id not found".into()
        }]))
    );
    assert!(matches!(
        parse_services("<html>502 Bad Gateway</html>"),
        Err(ResponseError::Malformed(_))
    ));
    assert!(matches!(
        parse_services("\"services\""),
        Err(ResponseError::Malformed(_))
    ));
}

#[test]
fn post_response_with_a_service_request_id() {
    let body = r#"[{"service_request_id":293944,"service_notice":"将在 3 个工作日内处理","account_id":null}]"#;
    let s = parse_post_response(body).unwrap();
    assert_eq!(
        s,
        Submitted::Created {
            service_request_id: "293944".into(),
            service_notice: Some("将在 3 个工作日内处理".into())
        }
    );
    assert_eq!(s.reference(), Some("293944"));
    assert_eq!(
        parse_post_response(r#"{"service_request_id":"JC-2026-0001"}"#)
            .unwrap()
            .reference(),
        Some("JC-2026-0001")
    );
}

#[test]
fn post_response_with_only_a_token() {
    let s = parse_post_response(r#"[{"token":"12345"}]"#).unwrap();
    assert_eq!(
        s,
        Submitted::Token {
            token: "12345".into(),
            service_notice: None
        }
    );
    assert_eq!(s.reference(), Some("12345"));
    assert_eq!(
        parse_post_response(r#"[{"token":12345,"service_request_id":""}]"#).unwrap(),
        Submitted::Token {
            token: "12345".into(),
            service_notice: None
        }
    );
}

#[test]
fn post_response_of_a_blackbox_service_has_no_reference() {
    for body in [
        "[]",
        r#"[{"service_notice":"已收到"}]"#,
        r#"[{"account_id":null}]"#,
    ] {
        let s = parse_post_response(body).unwrap();
        assert!(matches!(s, Submitted::Accepted { .. }), "{body}");
        assert_eq!(s.reference(), None);
    }
}

#[test]
fn post_response_error_array_is_rejected_with_every_error() {
    let body = r#"[{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."},
                   {"code":"400","description":"service_code was not provided"}]"#;
    assert_eq!(
        parse_post_response(body),
        Err(ResponseError::Rejected(vec![
            RemoteError {
                code: Some("403".into()),
                description: "Invalid api_key received -- can't proceed with create_request."
                    .into()
            },
            RemoteError {
                code: Some("400".into()),
                description: "service_code was not provided".into()
            }
        ]))
    );
    assert_eq!(
        parse_post_response(r#"{"errors":[{"code":500,"description":"CRM is down"}]}"#),
        Err(ResponseError::Rejected(vec![RemoteError {
            code: Some("500".into()),
            description: "CRM is down".into()
        }]))
    );
}

#[test]
fn malformed_post_responses_are_not_taken_for_success() {
    for body in [
        "",
        "<html><body>504 Gateway Time-out</body></html>",
        "\"ok\"",
        "[1]",
        r#"[{"id":"1"}]"#,
        r#"[{"service_request_id":null}]"#,
    ] {
        assert!(
            matches!(parse_post_response(body), Err(ResponseError::Malformed(_))),
            "{body:?} gave {:?}",
            parse_post_response(body)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The letter

fn letter_of(c: &Complaint, lang: Lang) -> Letter {
    let ds = dataset();
    letter(c, &Context::new(today(), &ds), lang)
}

#[test]
fn letter_in_chinese_for_an_illegal_fee() {
    let l = letter_of(&the_illegal_fee_complaint(), Lang::Zh);
    let text = l.to_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "邮政业用户申诉书（违规收费）");
    for line in [
        "【致】",
        "晋城市邮政管理局（邮政业用户申诉）",
        "电话 0356-12305",
        "电子邮箱 shensu@jcyz.example.cn",
        "【申诉人】",
        "姓名：张三",
        "手机号码：13812345678",
        "电子邮箱：zhangsan@example.com",
        "【被申诉企业与快件】",
        "站点：西关社区快递服务点（编号 vp-140522100001）",
        "站点地址：阳城县凤城镇西关社区",
        "运营单位：阳城县统仓共配运营企业",
        "所在地区：山西省晋城市阳城县凤城镇西关社区居民委员会",
        "【申诉事项】",
        "投诉类别：违规收费",
        "取件时被收取费用 5.00 元（收费方：站点工作人员）。没有收据。",
        "发生时间：2026-05-03 14:30",
        "【事实与经过】",
        "5 月 3 日下午去西关社区快递服务点取件，工作人员说每件收 5 元。",
        "【申诉请求】",
        "请责成有关方面退还违规收取的费用 5.00 元，并依法查处违规收费行为。",
        "【已与企业协商的情况】",
        "已于 2026-05-04 向快递企业投诉（距今 6 日）。",
        "企业答复：称是站点自行收费，与公司无关",
        "【申诉须知】",
        "企业应在 7 日内答复。7 日内未答复或对答复不满意的，可向邮政管理部门申诉：",
        "拨打邮政业用户申诉电话 0356-12305；",
        "登录申诉网站 sswz.spb.gov.cn；",
        "或关注微信公众号 yz12305。",
        "【日期】",
        "申诉日期：2026年5月10日",
        "申诉人（签名）：",
    ] {
        assert!(lines.contains(&line), "missing {line:?} in\n{text}");
    }
    // The locker rule is for parcels not delivered.
    assert!(!text.contains("2024 年 3 月 1 日"));
    assert!(text.ends_with("申诉人（签名）：\n"));
    let kinds: Vec<SectionKind> = l.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::To,
            SectionKind::Complainant,
            SectionKind::Company,
            SectionKind::Problem,
            SectionKind::Facts,
            SectionKind::Request,
            SectionKind::FirstContact,
            SectionKind::Guidance,
            SectionKind::Date
        ]
    );
}

#[test]
fn letter_in_english_for_a_non_delivery() {
    let c = valid(&with(Category::NonDelivery, |d| {
        d.company_contacted = Some(false);
    }));
    let text = letter_of(&c, Lang::En).to_text();
    for line in [
        "Complaint to the postal administration: Parcel not delivered to the address",
        "To",
        "Complainant",
        "(not given)",
        "Express brand: 中通",
        "Waybill number: ZT731234567890",
        "Station: 西关社区快递服务点 (id vp-140522100001)",
        "Area: 山西省, 晋城市, 阳城县, 凤城镇, 西关社区居民委员会",
        "The parcel was not delivered to the address on the waybill; it was left at: 村口超市, without my consent.",
        "When: 2026-05-03 09:15",
        "I have not complained to the company yet.",
        "call the postal users' appeal line 0356-12305;",
        "Since 1 March 2024 the Express Market Measures (快递市场管理办法) forbid putting a parcel in a locker or a parcel station without the recipient's consent.",
        "Date: 2026-05-10",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn letter_names_the_published_frequency_for_a_shortfall() {
    let text = letter_of(&valid(&draft(Category::FrequencyShortfall)), Lang::Zh).to_text();
    assert!(text.contains(
        "本村实际每周只有 3 天有快递服务（公布为每周 3 次），未达到每天至少一次的标准。"
    ));
    assert!(text.contains("村：南关社区居民委员会（140522100002）"));
}

#[test]
fn letter_without_an_authority_goes_to_the_postal_administration() {
    let mut ds = dataset();
    ds.authorities.clear();
    let c = valid(&draft(Category::Delay));
    let l = letter(&c, &Context::new(today(), &ds), Lang::Zh);
    assert_eq!(
        l.section(SectionKind::To).unwrap().body,
        "所在地邮政管理部门（邮政业用户申诉电话 12305，网站 sswz.spb.gov.cn）"
    );
    assert!(l
        .to_text()
        .contains("拨打邮政业用户申诉电话 12305（用手机拨打时请先加拨当地区号）；"));
}

#[test]
fn authority_is_the_nearest_one_above_the_place() {
    let ds = dataset();
    let linzi = valid(&with(Category::Delay, |d| {
        d.station_id = "ts-370305001".into()
    }));
    assert_eq!(
        complaint_authority(&linzi, &ds).map(|a| a.name.as_str()),
        Some("山东省邮政管理局")
    );
    assert_eq!(
        authority_for(&ds, &code("140522100001")).map(|a| a.name.as_str()),
        Some("晋城市邮政管理局（邮政业用户申诉）")
    );
    assert_eq!(authority_for(&ds, &code("41")), None);
}

// ---------------------------------------------------------------------------------------------
// mailto

fn mailto_of(c: &Complaint, lang: Lang, max: usize) -> String {
    let ds = dataset();
    mailto_with_limit(
        c,
        &Context::new(today(), &ds),
        "shensu@jcyz.example.cn",
        lang,
        max,
    )
}

fn decoded_body(link: &str) -> String {
    let body = link.split_once("&body=").unwrap().1;
    percent_decode_str(body).decode_utf8().unwrap().into_owned()
}

#[test]
fn mailto_carries_subject_and_letter_percent_encoded() {
    let c = valid(&draft(Category::Delay));
    let link = mailto_of(&c, Lang::Zh, 100_000);
    assert!(link.starts_with(
        "mailto:shensu@jcyz.example.cn?subject=%E9%82%AE%E6%94%BF%E4%B8%9A%E7%94%A8%E6%88%B7%E7%94%B3%E8%AF%89%EF%BC%9A%E5%BB%B6%E8%AF%AF%EF%BC%88%E8%BF%90%E5%8D%95%E5%8F%B7%20YT1234567890123%EF%BC%89&body="
    ));
    // Spaces are %20, never +; line breaks are CRLF.
    assert!(!link.contains('+') && !link.contains(' ') && !link.contains('\n'));
    assert!(link.contains("%0D%0A"));
    let body = decoded_body(&link);
    assert!(
        body.starts_with("【申诉事项】\r\n投诉类别：延误\r\n快件延误，未在承诺时限内送达。\r\n")
    );
    assert!(body.ends_with("请在此填写。）"));
    // The subject and the address already say what the title and the addressee would.
    assert!(!body.contains("邮政业用户申诉书") && !body.contains("【致】"));
    assert!(body.contains("运单号：YT1234567890123\r\n"));
    // The guidance is for the citizen, not the authority.
    assert!(!body.contains("yz12305"));
    assert!(!body.contains("截断"));
    let subject = link
        .split_once("?subject=")
        .unwrap()
        .1
        .split_once('&')
        .unwrap()
        .0;
    assert_eq!(
        percent_decode_str(subject).decode_utf8().unwrap(),
        "邮政业用户申诉：延误（运单号 YT1234567890123）"
    );
}

#[test]
fn mailto_never_carries_personal_data() {
    let c = the_illegal_fee_complaint();
    for lang in [Lang::Zh, Lang::En] {
        let link = mailto_of(&c, lang, 100_000);
        let body = decoded_body(&link);
        for personal in ["张三", "13812345678", "zhangsan@example.com"] {
            assert!(!body.contains(personal), "{personal} in {body}");
            assert!(!link.contains(personal));
        }
    }
    let body = decoded_body(&mailto_of(&c, Lang::Zh, 100_000));
    assert!(body.contains(
        "【申诉人】\r\n（为保护个人信息，姓名和电话不放入邮件链接；如需答复，请在此填写。）"
    ));
}

#[test]
fn mailto_is_cut_at_2000_characters_with_a_note() {
    let long = "第一段。".repeat(300) + "\n" + &"第二段。".repeat(500);
    let c = valid(&with(Category::Other, |d| d.description = long));
    let ds = dataset();
    let link = mailto(
        &c,
        &Context::new(today(), &ds),
        "shensu@jcyz.example.cn",
        Lang::Zh,
    );
    assert!(link.len() <= MAILTO_MAX_LEN, "{}", link.len());
    assert!(link.len() > MAILTO_MAX_LEN - 200, "{}", link.len());
    let body = decoded_body(&link);
    assert!(body.ends_with("\r\n\r\n……（正文过长已截断，请把下载的申诉书作为附件发送。）"));
    // What is kept is the start of the whole body, cut on a character boundary (the decoding
    // above would fail otherwise), and the problem and the place come first.
    let kept = body.split("\r\n\r\n……").next().unwrap();
    let whole = decoded_body(&mailto_of(&c, Lang::Zh, 1_000_000));
    assert!(whole.starts_with(kept) && kept.len() < whole.len());
    assert!(kept.starts_with("【申诉事项】\r\n投诉类别：其他\r\n见事实与经过。\r\n\r\n【被申诉企业与快件】\r\n村：西关社区居民委员会（140522100001）"));
    assert!(kept.contains("【事实与经过】\r\n第一段。"));

    let en = mailto_of(&c, Lang::En, MAILTO_MAX_LEN);
    assert!(en.len() <= MAILTO_MAX_LEN);
    assert!(decoded_body(&en).ends_with(
        "\r\n\r\n… (Cut: too long for a mail link. Please attach the downloaded letter.)"
    ));
}

#[test]
fn mailto_of_a_typical_complaint_keeps_the_problem_and_the_place_within_2000() {
    let c = the_illegal_fee_complaint();
    let link = mailto_of(&c, Lang::Zh, MAILTO_MAX_LEN);
    assert!(link.len() <= MAILTO_MAX_LEN);
    let body = decoded_body(&link);
    for line in [
        "取件时被收取费用 5.00 元（收费方：站点工作人员）。没有收据。",
        "发生时间：2026-05-03 14:30",
        "站点：西关社区快递服务点（编号 vp-140522100001）",
    ] {
        assert!(body.contains(line), "{line} missing from {body}");
    }
    // Cut between sections: no heading is left without its text.
    let kept = body.split("\r\n\r\n……").next().unwrap();
    assert!(!kept.ends_with('】'), "{kept}");
}

#[test]
fn mailto_with_no_room_for_a_body_still_has_address_and_subject() {
    let c = valid(&draft(Category::Delay));
    let link = mailto_of(&c, Lang::Zh, 50);
    assert!(link.starts_with("mailto:shensu@jcyz.example.cn?subject="));
    assert!(link.ends_with("&body="));
}

// ---------------------------------------------------------------------------------------------
// Guidance

#[test]
fn guidance_names_the_company_first_then_12305_with_the_area_code() {
    let ds = dataset();
    let yangcheng = authority_for(&ds, &code("140522")).unwrap();
    let zh = guidance(Lang::Zh, Some(yangcheng), Some(Category::NonDelivery));
    assert_eq!(
        zh,
        [
            "先向快递企业投诉：拨打快递品牌的客服电话或通过其官方渠道，记下运单号和投诉时间。",
            "企业应在 7 日内答复。7 日内未答复或对答复不满意的，可向邮政管理部门申诉：",
            "拨打邮政业用户申诉电话 0356-12305；",
            "登录申诉网站 sswz.spb.gov.cn；",
            "或关注微信公众号 yz12305。",
            "申诉时请提供：快递企业名称、运单号、申诉内容、申诉请求和事实经过。",
            "自 2024 年 3 月 1 日起施行的《快递市场管理办法》规定：未经收件人同意，不得将快件投放到智能快件箱或快递服务站。",
            "本地受理机构：晋城市邮政管理局（邮政业用户申诉）（电话 0356-12305；电子邮箱 shensu@jcyz.example.cn；网站 https://sswz.spb.gov.cn）",
        ]
    );
    let en = guidance(Lang::En, None, Some(Category::IllegalFee));
    assert_eq!(
        en,
        [
            "First complain to the express company: call the brand's customer service or use its official channels, and note the waybill number and when you complained.",
            "The company must answer within 7 days. If it does not, or its answer does not satisfy you, appeal to the postal administration:",
            "call the postal users' appeal line 12305 (from a mobile, dial the local area code first);",
            "use the appeal website sswz.spb.gov.cn;",
            "or follow the WeChat account yz12305.",
            "An appeal needs the company's name, the waybill number, the problem, what you ask for, and the facts.",
        ]
    );
    // Before a category is chosen, everything.
    assert!(guidance(Lang::En, None, None)
        .iter()
        .any(|l| l.starts_with("Since 1 March 2024")));
}

#[test]
fn area_code_comes_from_the_authority_phone() {
    let with_phone = |p: &str| Authority {
        phone: Some(p.into()),
        ..authority("140522", "x", "", None)
    };
    for (phone, area) in [
        ("0356-12305", Some("0356")),
        ("(0356)12305", Some("0356")),
        ("（0356）12305", Some("0356")),
        ("035612305", Some("0356")),
        ("010-12305", Some("010")),
        ("0533 2181234", Some("0533")),
        ("12305", None),
        ("13812345678", None),
        ("", None),
    ] {
        assert_eq!(area_code(&with_phone(phone)).as_deref(), area, "{phone}");
    }
}

#[test]
fn the_letter_names_the_address_the_citizen_typed() {
    let c = valid(&with(Category::NonDelivery, |d| {
        d.station_id.clear();
        d.address = "阳城县凤城镇西关村 3 组 12 号".into();
    }));
    let text = letter_of(&c, Lang::Zh).to_text();
    assert!(
        text.contains("地址：阳城县凤城镇西关村 3 组 12 号"),
        "{text}"
    );
    let text = letter_of(&c, Lang::En).to_text();
    assert!(
        text.contains("Address: 阳城县凤城镇西关村 3 组 12 号"),
        "{text}"
    );
}
