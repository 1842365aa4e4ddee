//! The valid fixture package (阳城县, 140522) reads without a problem, keeps every row and every
//! extra column, and the dataset's lookups find what views ask for.

mod common;

use chrono::NaiveDate;
use common::read_fixture;
use cundi_core::geo::BBox;
use cundi_core::model::{CoopModel, DeliveryMode, Service, Status, Tier, VillageKind};
use cundi_core::Code;

#[test]
fn valid_package_reads_without_problems_and_keeps_every_row() {
    let (ds, problems) = read_fixture("valid");
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(ds.divisions.len(), 6);
    assert_eq!(ds.stations.len(), 7);
    assert_eq!(ds.villages.len(), 7);
    assert_eq!(ds.targets.len(), 2);
    assert_eq!(ds.authorities.len(), 2);
    assert_eq!(ds.descriptor.as_ref().unwrap().name, "cundi-test-valid");
}

#[test]
fn station_fields_are_parsed_by_their_schema_types() {
    let (ds, _) = read_fixture("valid");
    let p1 = ds.station("P1").unwrap();
    assert_eq!(p1.tier, Tier::VillagePoint);
    assert_eq!(p1.admin_code.as_str(), "140522100201");
    assert_eq!((p1.lon, p1.lat), (112.4230, 35.4901));
    assert_eq!(p1.model, Some(CoopModel::Direct));
    assert_eq!(
        p1.services,
        [Service::Delivery, Service::Sending, Service::Agency]
    );
    assert_eq!(p1.standardized, Some(true), "是 is true");
    assert_eq!(p1.locker, Some(true), "yes is true");
    assert_eq!(p1.pickup_fee, Some(0.0));
    assert_eq!(p1.opened, NaiveDate::from_ymd_opt(2022, 3, 15));
    assert_eq!(p1.verified, None, "an empty optional field is None");
    assert_eq!(p1.phone, None);
    assert_eq!(
        p1.address.as_deref(),
        Some("东关村委会一楼\n（村口）"),
        "a quoted newline is part of the field, not a broken row"
    );
    let c1 = ds.station("C1").unwrap();
    assert_eq!(c1.brands, ["邮政", "中通", "圆通", "申通", "韵达"]);
    let t2 = ds.station("T2").unwrap();
    assert_eq!((t2.standardized, t2.locker), (Some(false), Some(false)));
    assert_eq!(t2.status, Status::Suspended);
    assert_eq!(ds.station("P2").unwrap().standardized, Some(false));
}

#[test]
fn a_row_after_a_quoted_newline_keeps_its_own_line_number() {
    let (ds, _) = read_fixture("valid");
    let i = ds.stations.iter().position(|s| s.id == "P2").unwrap();
    assert_eq!(ds.lines.stations[i], 7, "P1 spans lines 5 and 6");
}

#[test]
fn unknown_columns_are_kept_as_extra_in_header_order() {
    let (ds, _) = read_fixture("valid");
    assert_eq!(
        ds.station("T1").unwrap().extra,
        [("wechat".to_string(), "fengcheng_post".to_string())]
    );
    assert_eq!(
        ds.station("C1").unwrap().extra,
        [("wechat".to_string(), String::new())],
        "an empty extra value is still kept, so the column survives a round trip"
    );
    assert_eq!(
        ds.village("140522100204").unwrap().extra,
        [("survey".to_string(), "2024年入户".to_string())]
    );
    assert_eq!(
        ds.authorities[1].extra,
        [("contact_person".to_string(), "值班员".to_string())]
    );
}

#[test]
fn village_fields_are_parsed_by_their_schema_types() {
    let (ds, _) = read_fixture("valid");
    let v = ds.village("140522100201").unwrap();
    assert_eq!(v.name, "东关村");
    assert_eq!(v.township_code.as_str(), "140522100");
    assert_eq!(v.kind, Some(VillageKind::Village));
    assert_eq!(v.population, Some(3000));
    assert_eq!((v.lon, v.lat), (Some(112.4230), Some(35.4901)));
    assert_eq!(v.served_by.as_deref(), Some("P1"));
    assert_eq!(v.deliveries_per_week, Some(7));
    assert_eq!(v.delivery_mode, Some(DeliveryMode::ToPoint));
    let w = ds.village("140522100202").unwrap();
    assert_eq!(w.delivery_days.as_deref(), Some("Mo,We,Fr"));
    assert_eq!((w.lon, w.lat), (None, None));
}

#[test]
fn targets_and_authorities_are_read() {
    let (ds, _) = read_fixture("valid");
    let t = &ds.targets[0];
    assert_eq!(t.jurisdiction_code.as_str(), "14");
    assert_eq!(t.target, 90.0);
    assert_eq!(t.doc_no, "晋发改经贸发〔2023〕60号");
    assert_eq!(t.deadline, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    assert_eq!(ds.targets[1].issued_on, None);
    assert_eq!(ds.authorities[1].phone.as_deref(), Some("0356-12305"));
}

#[test]
fn county_outline_gives_the_county_bbox() {
    let (ds, _) = read_fixture("valid");
    let code = Code::parse("140522").unwrap();
    assert_eq!(
        ds.county_bboxes.get(&code),
        Some(&BBox([112.03, 35.21, 112.70, 35.80]))
    );
}

#[test]
fn lookups_follow_the_hierarchy() {
    let (ds, _) = read_fixture("valid");
    let names = |ds: Vec<&cundi_core::Division>| -> Vec<String> {
        ds.into_iter().map(|d| d.name.clone()).collect()
    };
    assert_eq!(names(ds.children("140522")), ["凤城镇", "北留镇", "润城镇"]);
    assert_eq!(names(ds.children("14")), ["晋城市"]);
    assert!(
        ds.children("140522100").is_empty(),
        "villages are not divisions"
    );
    assert!(ds.children("nonsense").is_empty());
    assert_eq!(
        names(ds.ancestors("140522100201")),
        ["山西省", "晋城市", "阳城县", "凤城镇"]
    );
    assert!(ds.ancestors("14").is_empty());
    assert_eq!(ds.name_of("140522"), Some("阳城县"));
    assert_eq!(ds.name_of("140522101203"), Some("西坡村"));
    assert_eq!(ds.name_of("999999"), None);
    assert_eq!(ds.division("140522102").unwrap().name, "润城镇");

    let codes: Vec<&str> = ds
        .villages_in("140522100")
        .iter()
        .map(|v| v.code.as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "140522100201",
            "140522100202",
            "140522100203",
            "140522100204"
        ],
        "sorted by code, not file order"
    );
    assert!(ds.villages_in("140522102").is_empty());
    assert_eq!(ds.villages_in("1405").len(), 7);

    let ids: Vec<&str> = ds
        .stations_in("140522100")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["T1", "P1", "P2"]);
    assert_eq!(ds.stations_in("140522").len(), 7);
    assert_eq!(ds.stations_in("140522100201").len(), 1);

    let served: Vec<&str> = ds
        .villages_served_by("P1")
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(served, ["东关村", "南关社区", "北关村"]);
    assert!(ds.villages_served_by("C1").is_empty());
}

#[test]
fn reindex_after_editing_the_vectors() {
    let (mut ds, _) = read_fixture("valid");
    ds.stations.retain(|s| s.id != "P1");
    ds.reindex();
    assert!(ds.station("P1").is_none());
    assert_eq!(ds.station("P2").unwrap().name, "西关村快递点");
    assert_eq!(ds.stations_in("140522100").len(), 2);
}

#[test]
fn dataset_from_parts_and_extended_with_a_chunk() {
    use cundi_core::dataset::Parts;
    use cundi_core::read::{read_stations, read_villages};
    let (stations, sp) = read_stations(
        "chunks/140522/stations.csv",
        &common::fixture_bytes("valid", "stations.csv"),
    );
    let (villages, vp) = read_villages(
        "chunks/140522/villages.csv",
        &common::fixture_bytes("valid", "villages.csv"),
    );
    assert!(sp.is_empty() && vp.is_empty());
    let mut ds = cundi_core::Dataset::new(Parts {
        stations,
        ..Parts::default()
    });
    assert!(ds.village("140522100201").is_none());
    ds.extend(Parts {
        villages,
        ..Parts::default()
    });
    assert_eq!(ds.village("140522100201").unwrap().name, "东关村");
    assert_eq!(ds.villages_served_by("P1").len(), 3);
    assert_eq!(ds.station("C1").unwrap().tier, Tier::CountyCenter);
}
