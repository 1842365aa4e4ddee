//! The Open311 GeoReport v2 client against the standard's own examples (wiki.open311.org/
//! GeoReport_v2): a receiver with its own codes, a key and a jurisdiction; a service definition
//! and the answers to its questions; the batch token; a request's status coming back; and every
//! refusal said in words. Examples marked "the standard's" are the documentation's, with only
//! what JSON requires changed (its `001` is not a JSON number).

use cundi_core::complaint::outbox::{
    classify_http, refusal_words, Failure, FollowUp, Outbox, Route, State,
};
use cundi_core::complaint::*;
use cundi_core::{Authority, Dataset, Division, Lang, Parts, Tier};
use std::collections::BTreeMap;

mod common;
use common::{code, station, village};

const ID: &str = "7f3c2a1e-4b5d-4c6e-8f90-123456789abc";
const STATION: &str = "vp-140522100001";
const T0: i64 = 1_780_000_000_000;

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
    let vp = station(
        STATION,
        Tier::VillagePoint,
        "西关社区快递服务点",
        "140522100001",
        112.419992,
        35.498305,
    );
    Dataset::new(Parts {
        divisions,
        stations: vec![vp],
        villages: vec![village(
            "140522100001",
            "西关社区居民委员会",
            Some(STATION),
            Some(7),
        )],
        ..Parts::default()
    })
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 5, 10).unwrap()
}

/// A county hotline's receiver: its own numeric codes, a key, a jurisdiction.
fn hotline() -> Receiver {
    Receiver {
        endpoint: "https://12345.jincheng.example.cn/open311/v2/".into(),
        api_key: Some("pk-cundi-public".into()),
        jurisdiction_id: Some("jincheng.gov.cn".into()),
        service_codes: BTreeMap::from([
            ("non_delivery".to_string(), "001".to_string()),
            ("illegal_fee".to_string(), "DMV66".to_string()),
        ]),
    }
}

fn non_delivery() -> Draft {
    let mut d = Draft::new(ID);
    d.category = Some(Category::NonDelivery);
    d.station_id = STATION.into();
    d.date = "2026-05-03".into();
    d.brand = "中通".into();
    d.waybill = "ZT7312345678".into();
    d
}

fn check(d: &Draft, needs: ChannelNeeds) -> Result<Complaint, Vec<FieldError>> {
    let ds = dataset();
    validate(d, &Channel::Open311(needs), &Context::new(today(), &ds))
}

fn decoded(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The standard's `GET services/DMV66.json` example.
const DMV66: &str = r#"{
  "service_code":"DMV66",
  "attributes":[
    {
      "variable":true,
      "code":"WHISHETN",
      "datatype":"singlevaluelist",
      "required":true,
      "datatype_description":null,
      "order":1,
      "description":"What is the ticket/tag/DL number?",
      "values":[
        {"key":123, "name":"Ford"},
        {"key":124, "name":"Chrysler"}
      ]
    }
  ]
}"#;

// ---------------------------------------------------------------------------------------------
// The receiver

#[test]
fn every_call_carries_the_jurisdiction_and_the_post_the_key() {
    let r = hotline();
    assert_eq!(
        r.services_url(),
        "https://12345.jincheng.example.cn/open311/v2/services.json?jurisdiction_id=jincheng.gov.cn"
    );
    assert_eq!(
        r.definition_url("DMV66"),
        "https://12345.jincheng.example.cn/open311/v2/services/DMV66.json?jurisdiction_id=jincheng.gov.cn"
    );
    assert_eq!(
        r.token_url("12345"),
        "https://12345.jincheng.example.cn/open311/v2/tokens/12345.json?jurisdiction_id=jincheng.gov.cn"
    );
    assert_eq!(
        r.request_url("638344"),
        "https://12345.jincheng.example.cn/open311/v2/requests/638344.json?jurisdiction_id=jincheng.gov.cn"
    );
    assert_eq!(
        r.post_url(),
        "https://12345.jincheng.example.cn/open311/v2/requests.json"
    );
    // A code or token is the receiver's text: a slash or a space cannot change the path.
    assert!(r.request_url("a/b c").contains("/requests/a%2Fb%20c.json?"));

    let body = decoded(&r.post_body(&[("service_code".into(), "001".into())]));
    assert_eq!(
        body,
        [
            ("jurisdiction_id".to_string(), "jincheng.gov.cn".to_string()),
            ("api_key".to_string(), "pk-cundi-public".to_string()),
            ("service_code".to_string(), "001".to_string()),
        ]
    );

    // Without them: nothing added, and the GETs have no query.
    let plain = Receiver::new("https://example.cn/open311");
    assert_eq!(
        plain.services_url(),
        "https://example.cn/open311/services.json"
    );
    assert_eq!(
        decoded(&plain.post_body(&[("service_code".into(), "delay".into())])),
        [("service_code".to_string(), "delay".to_string())]
    );
}

#[test]
fn categories_go_by_the_receivers_codes_or_by_their_own_words() {
    let r = hotline();
    assert_eq!(r.service_code(Category::NonDelivery), "001");
    assert_eq!(r.service_code(Category::IllegalFee), "DMV66");
    assert_eq!(
        r.service_code(Category::Delay),
        "delay",
        "not in the map: its word"
    );

    // The standard's services.json example, its codes as JSON allows them.
    let services = parse_services(
        r#"[
          {"service_code":"001","service_name":"Cans left out 24x7","description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"},
          {"service_code":"002","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"street","service_name":"Construction plate shifted","description":"Metal construction plate covering the street or sidewalk has been moved."},
          {"service_code":"DMV66","metadata":true,"type":"batch","service_name":"Fee"},
          {"service_code":"delay","metadata":false,"type":"realtime"}
        ]"#,
    )
    .unwrap();
    assert_eq!(
        r.accepted_categories(&services),
        [Category::NonDelivery, Category::IllegalFee, Category::Delay]
    );
    assert_eq!(
        r.service_for(Category::IllegalFee, &services)
            .map(|s| s.kind.as_deref()),
        Some(Some("batch"))
    );
    assert_eq!(r.service_for(Category::Other, &services), None);
    // Without the map, only an exact match counts: the standard's "001" takes nothing.
    let words = Receiver::new("https://example.cn");
    assert_eq!(words.accepted_categories(&services), [Category::Delay]);
}

#[test]
fn a_countys_receiver_comes_from_its_authority_row() {
    let a = Authority {
        jurisdiction_code: code("140522"),
        name: "阳城县邮政管理局".into(),
        phone: None,
        email: None,
        website: None,
        address: None,
        open311_endpoint: Some(" https://12345.yangcheng.example.cn/open311 ".into()),
        office_hours: None,
        open311_jurisdiction_id: Some("yangcheng".into()),
        open311_api_key: Some("pk-yc".into()),
        open311_service_codes: Some("non_delivery=101；illegal_fee = 102,\ndelay=103".into()),
        extra: vec![],
    };
    let r = Receiver::of_authority(&a).unwrap();
    assert_eq!(r.endpoint, "https://12345.yangcheng.example.cn/open311");
    assert_eq!(r.api_key.as_deref(), Some("pk-yc"));
    assert_eq!(r.jurisdiction_id.as_deref(), Some("yangcheng"));
    assert_eq!(r.service_code(Category::IllegalFee), "102");
    assert_eq!(r.service_code(Category::Delay), "103");

    assert_eq!(
        open311::parse_service_codes("non_delivery=1; parcels=2"),
        Err("“parcels” is not a complaint category".to_string())
    );
    assert!(open311::parse_service_codes("non_delivery").is_err());
    assert!(open311::parse_service_codes("non_delivery=").is_err());
    assert_eq!(open311::parse_service_codes(" "), Ok(BTreeMap::new()));
    // Codes that do not read leave the words; no endpoint, no receiver.
    let bad = Authority {
        open311_service_codes: Some("parcels=2".into()),
        ..a.clone()
    };
    assert!(Receiver::of_authority(&bad)
        .unwrap()
        .service_codes
        .is_empty());
    let none = Authority {
        open311_endpoint: Some("  ".into()),
        ..a
    };
    assert_eq!(Receiver::of_authority(&none), None);
}

// ---------------------------------------------------------------------------------------------
// Service definitions and their questions

#[test]
fn the_standards_service_definition_is_read() {
    let d = parse_service_definition(DMV66).unwrap();
    assert_eq!(d.service_code, "DMV66");
    assert_eq!(
        d.attributes,
        [Attribute {
            code: "WHISHETN".into(),
            variable: true,
            datatype: Datatype::Singlevaluelist,
            required: true,
            datatype_description: None,
            order: 1,
            description: "What is the ticket/tag/DL number?".into(),
            values: vec![
                ListValue {
                    key: "123".into(),
                    name: "Ford".into()
                },
                ListValue {
                    key: "124".into(),
                    name: "Chrysler".into()
                },
            ],
        }]
    );
}

#[test]
fn definitions_are_sorted_and_read_leniently() {
    let d = parse_service_definition(
        r#"[{"service_code":"X","attributes":[
            {"code":"c","variable":"true","datatype":"text","required":"false","order":3,"description":"Third"},
            {"code":"a","variable":true,"datatype":"NUMBER","required":true,"order":"1","description":"First"},
            {"variable":true,"datatype":"string","description":"no code: skipped"},
            {"code":"info","variable":false,"datatype":"string","description":"Read this first","order":2},
            {"code":"z","variable":true,"datatype":"colour","description":"unknown type"}
        ]}]"#,
    )
    .unwrap();
    let codes: Vec<&str> = d.attributes.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["a", "info", "c", "z"]);
    assert_eq!(d.attributes[0].datatype, Datatype::Number);
    assert!(d.attributes[2].variable && !d.attributes[2].required);
    assert_eq!(d.attributes[3].datatype, Datatype::String);
    let questions: Vec<&str> = d.questions().map(|a| a.code.as_str()).collect();
    assert_eq!(questions, ["a", "c", "z"], "information is not a question");
    // No attributes at all is a definition with no questions.
    assert!(parse_service_definition(r#"{"service_code":"X"}"#)
        .unwrap()
        .attributes
        .is_empty());
}

#[test]
fn a_definitions_errors_and_garbage_are_errors_not_panics() {
    assert_eq!(
        parse_service_definition(r#"[{"code":404,"description":"Service not found"}]"#),
        Err(ResponseError::Rejected(vec![RemoteError {
            code: Some("404".into()),
            description: "Service not found".into()
        }]))
    );
    assert!(matches!(
        parse_service_definition(r#"{"code":404,"description":"Service not found"}"#),
        Err(ResponseError::Rejected(_))
    ));
    for body in [
        "<html>404</html>",
        "[]",
        "[1, 2]",
        r#""definition""#,
        r#"{"service_code":"X","attributes":"none"}"#,
    ] {
        assert!(
            matches!(
                parse_service_definition(body),
                Err(ResponseError::Malformed(_))
            ),
            "{body}"
        );
    }
}

fn attribute(datatype: Datatype, required: bool) -> Attribute {
    Attribute {
        code: "q".into(),
        variable: true,
        datatype,
        required,
        datatype_description: None,
        order: 1,
        description: "?".into(),
        values: vec![
            ListValue {
                key: "123".into(),
                name: "Ford".into(),
            },
            ListValue {
                key: "124".into(),
                name: "Chrysler".into(),
            },
        ],
    }
}

fn answer(a: &Attribute, values: &[&str]) -> Result<Vec<String>, ErrorCode> {
    let raw: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    a.check(&raw)
}

#[test]
fn each_datatypes_answer_is_checked_and_written_as_sent() {
    let s = attribute(Datatype::String, true);
    assert_eq!(
        answer(&s, &["  京A12345 "]),
        Ok(vec!["京A12345".to_string()])
    );
    assert_eq!(answer(&s, &[" "]), Err(ErrorCode::Required));
    assert_eq!(answer(&s, &[]), Err(ErrorCode::Required));
    let long = "长".repeat(1_001);
    assert_eq!(
        answer(&s, &[&long]),
        Err(ErrorCode::TooLong {
            max: 1_000,
            len: 1_001
        })
    );
    let t = attribute(Datatype::Text, false);
    assert_eq!(answer(&t, &[]), Ok(vec![]), "optional and empty");
    assert!(answer(&t, &[&long]).is_ok(), "text takes 4,000");

    let n = attribute(Datatype::Number, true);
    assert_eq!(answer(&n, &["１２.５"]), Ok(vec!["12.5".to_string()]));
    assert_eq!(answer(&n, &["1,200"]), Ok(vec!["1200".to_string()]));
    assert_eq!(answer(&n, &["twelve"]), Err(ErrorCode::NotANumber));

    let dt = attribute(Datatype::Datetime, true);
    assert_eq!(
        answer(&dt, &["2026-05-03T14:30"]),
        Ok(vec!["2026-05-03T14:30:00+08:00".to_string()])
    );
    assert_eq!(
        answer(&dt, &["2026-05-03"]),
        Ok(vec!["2026-05-03T00:00:00+08:00".to_string()])
    );
    assert_eq!(answer(&dt, &["5月3日下午"]), Err(ErrorCode::BadDate));
    assert_eq!(answer(&dt, &["2026-05-03T25:00"]), Err(ErrorCode::BadTime));

    let one = attribute(Datatype::Singlevaluelist, true);
    assert_eq!(answer(&one, &["124"]), Ok(vec!["124".to_string()]));
    assert_eq!(answer(&one, &["125"]), Err(ErrorCode::NotAnOption));
    assert_eq!(answer(&one, &["123", "124"]), Err(ErrorCode::NotAnOption));

    let many = attribute(Datatype::Multivaluelist, false);
    assert_eq!(
        answer(&many, &["124", "123", "124"]),
        Ok(vec!["123".to_string(), "124".to_string()]),
        "in the list's order, once each"
    );
    assert_eq!(answer(&many, &["Ford"]), Err(ErrorCode::NotAnOption));
    assert_eq!(many.value_name("124"), Some("Chrysler"));
}

#[test]
fn the_receivers_questions_are_validated_with_the_form_and_sent_as_attributes() {
    let definition = parse_service_definition(DMV66).unwrap();
    let mut extra = attribute(Datatype::Multivaluelist, false);
    extra.code = "brands_seen".into();
    let needs = ChannelNeeds {
        attributes: definition
            .attributes
            .iter()
            .cloned()
            .chain([extra])
            .collect(),
        ..ChannelNeeds::default()
    };

    // The required question unanswered: an error keyed by the question's code.
    let errors = check(&non_delivery(), needs.clone()).unwrap_err();
    assert_eq!(
        errors,
        [FieldError::attribute("WHISHETN", ErrorCode::Required)]
    );
    assert_eq!(errors[0].field, Field::Attributes);

    let mut d = non_delivery();
    d.attributes.insert("WHISHETN".into(), vec!["999".into()]);
    assert_eq!(
        check(&d, needs.clone()).unwrap_err(),
        [FieldError::attribute("WHISHETN", ErrorCode::NotAnOption)]
    );

    d.attributes.insert("WHISHETN".into(), vec!["123".into()]);
    d.attributes
        .insert("brands_seen".into(), vec!["124".into(), "123".into()]);
    // An answer kept from another service's questions is not sent.
    d.attributes.insert("old".into(), vec!["x".into()]);
    let c = check(&d, needs).unwrap();
    assert_eq!(
        c.attributes,
        [
            Answer {
                code: "WHISHETN".into(),
                values: vec!["123".into()],
                multi: false
            },
            Answer {
                code: "brands_seen".into(),
                values: vec!["123".into(), "124".into()],
                multi: true
            },
        ]
    );

    // The POST, as the standard writes a multivaluelist: attribute[code][]=…, repeated.
    let route = Route::open311(hotline(), &c, &place(&c, &dataset()));
    let mut outbox = Outbox::new();
    outbox.add(c, route, T0);
    let attempt = outbox.begin(ID, T0).unwrap();
    let body = decoded(&attempt.body());
    assert_eq!(
        body[0],
        ("jurisdiction_id".into(), "jincheng.gov.cn".into())
    );
    assert_eq!(body[1], ("api_key".into(), "pk-cundi-public".into()));
    assert_eq!(value(&body, "service_code"), ["001"]);
    assert_eq!(value(&body, "attribute[WHISHETN]"), ["123"]);
    assert_eq!(value(&body, "attribute[brands_seen][]"), ["123", "124"]);
    assert_eq!(value(&body, "attribute[client_request_id]"), [ID]);
    assert_eq!(value(&body, "attribute[old]"), Vec::<&str>::new());
    // The location as the standard wants it: the station's WGS-84 position.
    assert_eq!(value(&body, "lat"), ["35.498305"]);
    assert_eq!(value(&body, "long"), ["112.419992"]);
}

#[test]
fn a_question_with_one_of_the_sites_own_names_is_answered_once() {
    let mut waybill = attribute(Datatype::String, true);
    waybill.code = "waybill".into();
    let needs = ChannelNeeds {
        attributes: vec![waybill],
        ..ChannelNeeds::default()
    };
    let mut d = non_delivery();
    d.attributes
        .insert("waybill".into(), vec!["ZT7312345678".into()]);
    let c = check(&d, needs).unwrap();
    let form = open311_form(&c, &place(&c, &dataset()), "001");
    assert_eq!(value(&form, "attribute[waybill]"), ["ZT7312345678"]);
}

#[test]
fn a_typed_address_is_the_address_string_and_is_enough_without_a_place() {
    let mut d = non_delivery();
    d.station_id.clear();
    d.address = "阳城县凤城镇西关村 3 组 12 号".into();
    let c = check(&d, ChannelNeeds::default()).unwrap();
    let form = open311_form(&c, &place(&c, &dataset()), "001");
    assert_eq!(
        value(&form, "address_string"),
        ["阳城县凤城镇西关村 3 组 12 号"]
    );
    assert!(value(&form, "lat").is_empty(), "no place, no position");

    // With a station, its position and the typed address both go.
    d.station_id = STATION.into();
    let c = check(&d, ChannelNeeds::default()).unwrap();
    let form = open311_form(&c, &place(&c, &dataset()), "001");
    assert_eq!(value(&form, "lat"), ["35.498305"]);
    assert_eq!(
        value(&form, "address_string"),
        ["阳城县凤城镇西关村 3 组 12 号"]
    );

    // Neither a place nor an address: the one error says both.
    d.station_id.clear();
    d.address = " ".into();
    let errors = check(&d, ChannelNeeds::default()).unwrap_err();
    assert_eq!(errors[0].code, ErrorCode::StationOrVillageRequired);
    assert!(errors[0].message(Lang::En).contains("address"));
}

// ---------------------------------------------------------------------------------------------
// Answers: the POST, the token, the status

#[test]
fn the_standards_post_answers_are_read() {
    let created = parse_post_response(
        r#"[{"service_request_id":293944,"service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code","account_id":null}]"#,
    )
    .unwrap();
    assert_eq!(created.reference(), Some("293944"));
    assert!(
        matches!(created, Submitted::Created { service_notice: Some(n), .. } if n.starts_with("The City will inspect"))
    );
    assert_eq!(
        parse_post_response(r#"[{"token":12345}]"#).unwrap(),
        Submitted::Token {
            token: "12345".into(),
            service_notice: None
        }
    );
}

#[test]
fn the_standards_token_answer_gives_the_id_once_there_is_one() {
    assert_eq!(
        parse_token_response(r#"[{"service_request_id":638344,"token":12345}]"#),
        Ok(Some("638344".into()))
    );
    assert_eq!(parse_token_response(r#"[{"token":12345}]"#), Ok(None));
    assert_eq!(parse_token_response("[]"), Ok(None));
    assert!(matches!(
        parse_token_response(r#"[{"code":404,"description":"token not found"}]"#),
        Err(ResponseError::Rejected(_))
    ));
    assert!(matches!(
        parse_token_response("[12345]"),
        Err(ResponseError::Malformed(_))
    ));
}

/// The standard's `GET requests/638344.json` example.
const REQUEST_638344: &str = r#"[
  {
    "service_request_id":638344,
    "status":"closed",
    "status_notes":"Duplicate request.",
    "service_name":"Sidewalk and Curb Issues",
    "service_code":"006",
    "description":null,
    "agency_responsible":null,
    "service_notice":null,
    "requested_datetime":"2010-04-14T06:37:38-08:00",
    "updated_datetime":"2010-04-14T06:37:38-08:00",
    "expected_datetime":"2010-04-15T06:37:38-08:00",
    "address":"8TH AVE and JUDAH ST",
    "address_id":545483,
    "zipcode":94122,
    "lat":37.762221815,
    "long":-122.4651145,
    "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
  }
]"#;

#[test]
fn the_standards_request_status_is_read() {
    let s = parse_request_status(REQUEST_638344, "638344").unwrap();
    assert_eq!(
        s,
        RequestStatus {
            service_request_id: "638344".into(),
            status: RequestState::Closed,
            status_notes: Some("Duplicate request.".into()),
            agency_responsible: None,
            service_notice: None,
            requested_datetime: Some("2010-04-14T06:37:38-08:00".into()),
            updated_datetime: Some("2010-04-14T06:37:38-08:00".into()),
            expected_datetime: Some("2010-04-15T06:37:38-08:00".into()),
        }
    );
    // Of several, the one asked for; a word outside the standard's two is kept.
    let two = r#"[{"service_request_id":"1","status":"open"},{"service_request_id":"2","status":"In Progress","agency_responsible":"阳城县邮政管理局"}]"#;
    let s = parse_request_status(two, "2").unwrap();
    assert_eq!(s.status, RequestState::Other("In Progress".into()));
    assert_eq!(s.agency_responsible.as_deref(), Some("阳城县邮政管理局"));
    assert!(matches!(
        parse_request_status(two, "3"),
        Err(ResponseError::Malformed(_))
    ));
    assert!(matches!(
        parse_request_status(r#"[{"service_request_id":"1"}]"#, "1"),
        Err(ResponseError::Malformed(_))
    ));
}

#[test]
fn answers_that_are_not_json_the_wrong_shape_or_huge_are_malformed() {
    let huge = format!(
        "[{{\"service_request_id\":\"1\",\"x\":\"{}\"}}]",
        "x".repeat(open311::MAX_ANSWER_BYTES)
    );
    for body in [
        "<html><body>请先登录 Wi-Fi</body></html>",
        "",
        "42",
        r#"[{"service_request_id":"#,
        huge.as_str(),
    ] {
        assert!(
            matches!(parse_post_response(body), Err(ResponseError::Malformed(_))),
            "{}",
            &body[..body.len().min(40)]
        );
        assert!(matches!(
            parse_request_status(body, "1"),
            Err(ResponseError::Malformed(_))
        ));
        // A 2xx that cannot be read is retried: the complaint stays in the outbox.
        assert!(classify_http(200, body).unwrap_err().is_retryable());
    }
}

// ---------------------------------------------------------------------------------------------
// Refusals in words

#[test]
fn the_standards_key_error_is_the_deployments_fault_and_points_to_the_letter() {
    let body = r#"[{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}]"#;
    let failure = classify_http(403, body).unwrap_err();
    assert_eq!(
        failure,
        Failure::Rejected {
            status: 403,
            message: "Invalid api_key received -- can't proceed with create_request.".into()
        }
    );
    let zh = refusal_words(Some(403), failure.message(), Lang::Zh);
    assert!(
        zh.contains("网站配置的问题") && zh.contains("投诉信"),
        "{zh}"
    );
    assert!(zh.contains("Invalid api_key received"), "{zh}");
    let en = refusal_words(Some(403), failure.message(), Lang::En);
    assert!(
        en.contains("site's set-up") && en.contains("letter"),
        "{en}"
    );

    // A 2xx carrying the error array: its own code decides.
    assert_eq!(
        classify_http(200, body).unwrap_err(),
        Failure::Rejected {
            status: 403,
            message: "Invalid api_key received -- can't proceed with create_request.".into()
        }
    );
    let not_found = refusal_words(Some(404), "HTTP 404", Lang::En);
    assert!(
        not_found.contains("does not know the service") && not_found.contains("gave no reason")
    );
    let invalid = refusal_words(Some(400), "lat is required", Lang::En);
    assert!(invalid.contains("lat is required") && invalid.contains("Correct it"));
    assert_ne!(
        refusal_words(Some(400), "x", Lang::Zh),
        refusal_words(Some(403), "x", Lang::Zh)
    );
}

// ---------------------------------------------------------------------------------------------
// Follow-ups: the token exchanged, the status coming back

fn delivered_with(submitted: Submitted) -> Outbox {
    let c = check(&non_delivery(), ChannelNeeds::default()).unwrap();
    let route = Route::open311(hotline(), &c, &place(&c, &dataset()));
    let mut outbox = Outbox::new();
    outbox.add(c, route, T0);
    let attempt = outbox.begin(ID, T0).unwrap();
    assert!(outbox.succeeded(&attempt, &submitted, T0 + 1_000));
    outbox
}

#[test]
fn a_batch_token_is_exchanged_then_the_status_is_followed() {
    let mut outbox = delivered_with(Submitted::Token {
        token: "12345".into(),
        service_notice: None,
    });
    let asks = outbox.follow_ups(T0 + 2_000, 0);
    assert_eq!(asks.len(), 1);
    assert!(matches!(&asks[0], FollowUp::Token { token, .. } if token == "12345"));
    assert_eq!(
        asks[0].url(),
        "https://12345.jincheng.example.cn/open311/v2/tokens/12345.json?jurisdiction_id=jincheng.gov.cn"
    );
    // Not made yet: still a token.
    assert!(!outbox.token_answered(ID, None));
    let id = parse_token_response(r#"[{"service_request_id":638344,"token":12345}]"#).unwrap();
    assert!(outbox.token_answered(ID, id));
    assert_eq!(outbox.get(ID).unwrap().reference(), Some("638344"));
    let asks = outbox.follow_ups(T0 + 3_000, 0);
    assert!(
        matches!(&asks[0], FollowUp::Status { service_request_id, .. } if service_request_id == "638344")
    );
    assert_eq!(
        asks[0].url(),
        "https://12345.jincheng.example.cn/open311/v2/requests/638344.json?jurisdiction_id=jincheng.gov.cn"
    );
}

#[test]
fn a_status_change_is_kept_and_new_until_seen() {
    let mut outbox = delivered_with(Submitted::Created {
        service_request_id: "638344".into(),
        service_notice: None,
    });
    let open = parse_request_status(
        r#"[{"service_request_id":638344,"status":"open","updated_datetime":"2026-05-10T09:00:00+08:00"}]"#,
        "638344",
    )
    .unwrap();
    assert!(
        !outbox.status_answered(ID, &open, T0 + 10_000),
        "open is no news"
    );
    assert_eq!(outbox.unseen(), 0);
    // Asked again only after the interval.
    assert!(outbox
        .follow_ups(T0 + 10_000 + 60_000, outbox::FOLLOW_UP_EVERY_MS)
        .is_empty());
    assert_eq!(
        outbox
            .follow_ups(
                T0 + 10_000 + outbox::FOLLOW_UP_EVERY_MS,
                outbox::FOLLOW_UP_EVERY_MS
            )
            .len(),
        1
    );

    let closed = parse_request_status(
        r#"[{"service_request_id":638344,"status":"closed","status_notes":"已联系快递公司，派件员已上门投递并致歉。","agency_responsible":"阳城县邮政管理局","updated_datetime":"2026-05-12T16:20:00+08:00"}]"#,
        "638344",
    )
    .unwrap();
    assert!(outbox.status_answered(ID, &closed, T0 + 20_000));
    let remote = outbox.get(ID).unwrap().remote.clone().unwrap();
    assert_eq!(remote.status, RequestState::Closed);
    assert_eq!(
        remote.status_notes.as_deref(),
        Some("已联系快递公司，派件员已上门投递并致歉。")
    );
    assert_eq!(
        remote.agency_responsible.as_deref(),
        Some("阳城县邮政管理局")
    );
    assert!(remote.unseen);
    // The same answer again is no news, and does not hide the news not yet seen.
    assert!(!outbox.status_answered(ID, &closed, T0 + 30_000));
    assert_eq!(outbox.unseen(), 1);
    // Kept across a reload.
    let reloaded = Outbox::from_json(&outbox.to_json());
    assert_eq!(
        reloaded.get(ID).unwrap().remote,
        outbox.get(ID).unwrap().remote
    );
    assert_eq!(outbox.mark_seen(), 1);
    assert_eq!(outbox.unseen(), 0);
}

#[test]
fn only_delivered_open311_complaints_are_followed() {
    let c = check(&non_delivery(), ChannelNeeds::default()).unwrap();
    let mut outbox = Outbox::new();
    outbox.add(c.clone(), Route::Letter, T0);
    assert!(outbox.follow_ups(T0, 0).is_empty());
    let status = parse_request_status(REQUEST_638344, "638344").unwrap();
    assert!(!outbox.status_answered(ID, &status, T0));
    // Queued, not delivered.
    let mut outbox = Outbox::new();
    outbox.add(
        c.clone(),
        Route::open311(hotline(), &c, &place(&c, &dataset())),
        T0,
    );
    assert!(outbox.follow_ups(T0, 0).is_empty());
    assert!(matches!(outbox.get(ID).unwrap().state, State::Queued));
}

#[test]
fn a_record_stored_before_keys_and_follow_ups_still_reads() {
    let stored = format!(
        r#"[{{"complaint":{},"route":{{"kind":"open311","endpoint":"https://example.cn/open311","form":[["service_code","non_delivery"]]}},"created_ms":{T0},"state":{{"kind":"rejected","at_ms":{T0},"message":"HTTP 400"}},"attempts":1}}]"#,
        to_json(&check(&non_delivery(), ChannelNeeds::default()).unwrap())
    );
    let outbox = Outbox::from_json(&stored);
    assert!(outbox.unreadable().is_empty());
    let r = outbox.get(ID).unwrap();
    assert_eq!(
        r.route.receiver(),
        Some(Receiver::new("https://example.cn/open311"))
    );
    assert!(matches!(r.state, State::Rejected { status: None, .. }));
    assert_eq!(r.remote, None);
}

// ---------------------------------------------------------------------------------------------
// A county's receiver in the package

#[test]
fn a_countys_receiver_is_read_from_the_package_and_bad_codes_are_a_warning() {
    let dir = common::fixture("valid");
    let mut read = |path: &str| -> Result<Vec<u8>, String> {
        let bytes = std::fs::read(dir.join(path)).map_err(|e| e.to_string())?;
        if path != "authorities.csv" {
            return Ok(bytes);
        }
        Ok("jurisdiction_code,name,phone,open311_endpoint,open311_jurisdiction_id,open311_api_key,open311_service_codes\n\
14,山西省邮政管理局,0351-12305,https://12345.shanxi.example.cn/open311,shanxi,pk-sx,\"non_delivery=001; parcels=009\"\n\
140522,晋城市邮政管理局,0356-12305,https://12345.jincheng.example.cn/open311,jincheng,pk-jc,non_delivery=001;illegal_fee=002\n"
            .as_bytes()
            .to_vec())
    };
    let (ds, problems) = cundi_core::load::read_package(&mut read);
    let jc = ds
        .authorities
        .iter()
        .find(|a| a.jurisdiction_code.as_str() == "140522")
        .unwrap();
    let r = Receiver::of_authority(jc).unwrap();
    assert_eq!(r.api_key.as_deref(), Some("pk-jc"));
    assert_eq!(r.jurisdiction_id.as_deref(), Some("jincheng"));
    assert_eq!(r.service_code(Category::IllegalFee), "002");
    let warning = problems
        .iter()
        .find(|p| p.field.as_deref() == Some("open311_service_codes"))
        .expect("the unknown category is reported");
    assert_eq!(warning.file, "authorities.csv");
    assert_eq!(warning.line, Some(2));
    assert_eq!(warning.severity, cundi_core::Severity::Warning);
    // The row itself stays: its phone still serves.
    assert!(ds
        .authorities
        .iter()
        .any(|a| a.jurisdiction_code.as_str() == "14"));
}
