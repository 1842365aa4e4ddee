//! Writing is the inverse of reading: `read(write(x)) == x` for every resource, with extra
//! columns, quotes, commas, newlines and empty optional fields.

mod common;

use common::read_fixture;
use cundi_core::load::read_package;
use cundi_core::model::{DeliveryMode, Station, StationBase, Status, Tier, Village, VillageBase};
use cundi_core::read::{
    read_authorities, read_divisions, read_stations, read_targets, read_villages,
};
use cundi_core::write::{
    write_authorities, write_divisions, write_stations, write_targets, write_villages,
};
use cundi_core::{package, Code};
use std::collections::BTreeMap;

#[test]
fn every_resource_of_the_valid_package_round_trips() {
    let (ds, _) = read_fixture("valid");

    let (divisions, p) = read_divisions("d.csv", &write_divisions(&ds.divisions));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(divisions, ds.divisions);

    let (stations, p) = read_stations("s.csv", &write_stations(&ds.stations));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(stations, ds.stations);

    let (villages, p) = read_villages("v.csv", &write_villages(&ds.villages));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(villages, ds.villages);

    let (targets, p) = read_targets("t.csv", &write_targets(&ds.targets));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(targets, ds.targets);

    let (authorities, p) = read_authorities("a.csv", &write_authorities(&ds.authorities));
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(authorities, ds.authorities);
}

#[test]
fn a_written_package_reads_back_as_the_same_dataset() {
    let (ds, _) = read_fixture("valid");
    let mut files: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    files.insert("divisions.csv", write_divisions(&ds.divisions));
    files.insert("stations.csv", write_stations(&ds.stations));
    files.insert("villages.csv", write_villages(&ds.villages));
    files.insert("targets.csv", write_targets(&ds.targets));
    files.insert("authorities.csv", write_authorities(&ds.authorities));
    let (again, problems) = read_package(&mut |path: &str| {
        files.get(path).cloned().ok_or_else(|| "absent".to_string())
    });
    // Only the descriptor is missing, since none was written.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(again.divisions, ds.divisions);
    assert_eq!(again.stations, ds.stations);
    assert_eq!(again.villages, ds.villages);
    assert_eq!(again.targets, ds.targets);
    assert_eq!(again.authorities, ds.authorities);
}

#[test]
fn header_is_the_schema_then_the_union_of_extra_columns_in_first_seen_order() {
    let (ds, _) = read_fixture("valid");
    let mut stations = ds.stations.clone();
    stations[0].extra = vec![("b".into(), "1".into())];
    stations[1].extra = vec![("a".into(), "2".into()), ("b".into(), "3".into())];
    stations.truncate(3);
    stations[2].extra.clear();
    let text = String::from_utf8(write_stations(&stations)).unwrap();
    let header = text.lines().next().unwrap();
    let mut want = package::STATIONS.header().join(",");
    want.push_str(",b,a");
    assert_eq!(header, want);

    let (back, p) = read_stations("s.csv", text.as_bytes());
    assert!(p.is_empty());
    assert_eq!(
        back[0].extra,
        [("b".into(), "1".into()), ("a".into(), String::new())]
    );
    assert_eq!(
        back[1].extra,
        [("b".into(), "3".into()), ("a".into(), "2".into())]
    );
    assert_eq!(
        back[2].extra,
        [("b".into(), String::new()), ("a".into(), String::new())]
    );
}

fn tricky_station() -> Station {
    Station {
        address: Some("第一行\n第二行".into()),
        hours: Some("Mo-Fr 08:00-18:00; Sa 09:00-12:00".into()),
        standardized: Some(false),
        opened: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        ..Station::from(StationBase {
            id: "S-1,\"甲\"".into(),
            tier: Tier::VillagePoint,
            name: "“东关”村, 邮站 \"一号\"".into(),
            admin_code: Code::parse("140522100201").unwrap(),
            lon: 112.123456789,
            lat: 35.000001,
            operator: "某公司".into(),
            brands: vec!["邮政".into(), "京东".into()],
            model: None,
            services: vec![],
            pickup_fee: Some(0.5),
            status: Status::Planned,
            extra: vec![("备注".into(), "有,逗号\n和换行".into())],
        })
    }
}

#[test]
fn quotes_commas_newlines_and_empty_optionals_round_trip() {
    let s = tricky_station();
    let bytes = write_stations(std::slice::from_ref(&s));
    let (back, p) = read_stations("s.csv", &bytes);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(back, [s]);
}

#[test]
fn booleans_lists_dates_and_none_are_written_plainly() {
    let s = tricky_station();
    let text = String::from_utf8(write_stations(&[s])).unwrap();
    let row = text.split_once('\n').unwrap().1;
    assert!(row.contains(",邮政;京东,"), "{row}");
    assert!(row.contains(",false,,0.5,planned,2024-02-29,,"), "{row}");
}

#[test]
fn villages_with_every_optional_field_empty_round_trip() {
    let v = Village::from(VillageBase {
        code: Code::parse("140522100201").unwrap(),
        name: "东关村".into(),
        township_code: Code::parse("140522100").unwrap(),
        kind: None,
        population: None,
        lon: None,
        lat: None,
        deliveries_per_week: None,
        pickups_per_week: None,
        delivery_mode: None,
        extra: vec![],
    });
    let full = Village {
        population: Some(0),
        lon: Some(112.5),
        lat: Some(35.5),
        served_by: Some("P1".into()),
        deliveries_per_week: Some(21),
        pickups_per_week: Some(0),
        delivery_mode: Some(DeliveryMode::Locker),
        ..v.clone()
    };
    let villages = [v, full];
    let bytes = write_villages(&villages);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert_eq!(
        text.lines().nth(1),
        Some("140522100201,东关村,140522100,,,,,,,,,,")
    );
    let (back, p) = read_villages("v.csv", &bytes);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(back, villages);
}

/// A plain column (`cell::PlainColumns`) is read, written and sorted by its schema type alone,
/// so it must be a schema column of a type that has no rule: not a code, a list, a month or a
/// word of a vocabulary, and not required (a row without it is still a row).
#[test]
fn every_plain_column_is_an_optional_schema_column_of_a_plain_type() {
    use cundi_core::package::{FieldType, ResourceSpec};
    use cundi_core::PlainColumns;
    fn check(spec: &ResourceSpec, plain: &[&str]) {
        assert!(!plain.is_empty());
        for &column in plain {
            let field = spec
                .fields
                .iter()
                .find(|f| f.name == column)
                .unwrap_or_else(|| panic!("{}: no schema column {column}", spec.path));
            assert!(
                matches!(
                    field.ty,
                    FieldType::String
                        | FieldType::Integer
                        | FieldType::Number
                        | FieldType::Boolean
                        | FieldType::Date
                ) && field.vocabulary.is_none()
                    && !field.required,
                "{}: {column} has a rule of its own ({:?})",
                spec.path,
                field.ty
            );
        }
    }
    check(&package::STATIONS, Station::PLAIN);
    check(&package::VILLAGES, Village::PLAIN);
}

/// Every plain column read from its cell is the value written: one station with each set.
#[test]
fn plain_columns_read_back_by_name() {
    use cundi_core::cell::CellRef;
    use cundi_core::PlainColumns;
    let s = tricky_station();
    assert_eq!(
        s.plain("hours").flatten(),
        Some(CellRef::Text("Mo-Fr 08:00-18:00; Sa 09:00-12:00"))
    );
    assert_eq!(s.plain("standardized"), Some(Some(CellRef::Boolean(false))));
    assert_eq!(s.plain("phone"), Some(None));
    assert_eq!(s.plain("name"), None, "a column with a rule is not plain");
    let (back, p) = read_stations("s.csv", &write_stations(std::slice::from_ref(&s)));
    assert!(p.is_empty(), "{p:?}");
    for column in Station::PLAIN {
        assert_eq!(back[0].plain(column), s.plain(column), "{column}");
    }
}
