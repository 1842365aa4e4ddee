//! The CSV layer on small inline files: broken quoting and its recovery, line numbers across
//! blank lines and CRLF, the header, trimming, BOM — the cases real spreadsheets produce.

mod common;

use common::kind;
use cundi_core::package;
use cundi_core::read::{read_authorities, read_divisions, read_rows, read_villages};
use cundi_core::{Problem, ProblemKind, Severity};

fn summary(problems: &[Problem]) -> Vec<(Option<u64>, Option<String>, String)> {
    problems
        .iter()
        .map(|p| (p.line, p.field.clone(), kind(p)))
        .collect()
}

#[test]
fn quote_closed_lines_later_is_broken_and_rows_after_its_start_line_are_reread() {
    let text = "jurisdiction_code,name,phone\n\
                14,\"山西省邮政管理局,0351-12305\n\
                1405,晋城市邮政管理局,0356-12305\n\
                140522,阳城县\"\n\
                140581,高平市邮政管理局,0356-2\n";
    let (rows, problems) = read_authorities("authorities.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [
            (Some(2), None, "broken_quoting".into()),
            (Some(4), None, "field_count".into()),
        ]
    );
    let names: Vec<&str> = rows.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["晋城市邮政管理局", "高平市邮政管理局"]);
}

#[test]
fn unclosed_quote_in_the_last_column_is_broken_even_with_the_right_field_count() {
    let text = "code,name\n14,\"山西省\n1405,晋城市\n140522,阳城县\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [(Some(2), None, "broken_quoting".into())]
    );
    let codes: Vec<&str> = rows.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["1405", "140522"]);
}

#[test]
fn unclosed_quote_on_the_last_line_is_reported() {
    let text = "code,name\n14,山西省\n1405,\"晋城市";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [(Some(3), None, "broken_quoting".into())]
    );
    assert_eq!(rows.len(), 1);
}

#[test]
fn two_broken_rows_are_both_reported_and_recovered_from() {
    let text = "code,name\n14,\"山西省\n1405,晋城市\n140522,\"阳城县\n140522100,凤城镇\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [
            (Some(2), None, "broken_quoting".into()),
            (Some(4), None, "broken_quoting".into()),
        ]
    );
    let codes: Vec<&str> = rows.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["1405", "140522100"]);
}

#[test]
fn broken_quoting_in_the_header_gives_one_problem_and_no_rows() {
    let text = "code,\"name\n14,山西省\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [(Some(1), None, "broken_quoting".into())]
    );
    assert!(rows.is_empty());
}

#[test]
fn escaped_quotes_are_not_broken_quoting() {
    let text = "code,name\n14,\"山西省 \"\"晋\"\"\"\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows[0].name, "山西省 \"晋\"");
}

#[test]
fn line_numbers_count_blank_lines_and_crlf() {
    let text = "code,name\r\n\r\n14,山西省\r\n\r\n\r\nXX,坏\r\n1405,晋城市\r\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert_eq!(
        summary(&problems),
        [(Some(6), Some("code".into()), "bad_code".into())]
    );
    assert_eq!(rows.len(), 2);
    let (raw, _) = read_rows(&package::DIVISIONS, "divisions.csv", text.as_bytes());
    let lines: Vec<u64> = raw.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 6, 7]);
}

#[test]
fn bom_is_stripped_and_fields_are_trimmed() {
    let text = "\u{feff} code , name \n 14 , 山西省\u{3000}\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows[0].code.as_str(), "14");
    assert_eq!(
        rows[0].name, "山西省",
        "the ideographic space is trimmed too"
    );
}

#[test]
fn missing_required_columns_give_one_problem_each_on_the_header_and_no_rows() {
    let text = "code,population\n140522100201,800\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert!(rows.is_empty());
    assert_eq!(
        summary(&problems),
        [
            (Some(1), Some("name".into()), "missing_column".into()),
            (
                Some(1),
                Some("township_code".into()),
                "missing_column".into()
            ),
        ]
    );
}

#[test]
fn missing_optional_columns_are_fine() {
    let text = "code,name,township_code\n140522100201,东关村,140522100\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows[0].served_by, None);
}

#[test]
fn an_empty_file_misses_every_required_column() {
    let (rows, problems) = read_divisions("divisions.csv", b"");
    assert!(rows.is_empty());
    assert_eq!(
        summary(&problems),
        [
            (Some(1), Some("code".into()), "missing_column".into()),
            (Some(1), Some("name".into()), "missing_column".into()),
        ]
    );
}

#[test]
fn a_row_with_several_problems_reports_each_and_is_dropped() {
    let text = "code,name,township_code,population,deliveries_per_week,updated\n\
                140522100201,,140522100,many,7,yesterday\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert!(rows.is_empty());
    assert_eq!(
        summary(&problems),
        [
            (Some(2), Some("name".into()), "required".into()),
            (Some(2), Some("population".into()), "not_a_number".into()),
            (Some(2), Some("updated".into()), "bad_date".into()),
        ]
    );
}

#[test]
fn half_a_village_location_is_a_warning_and_the_village_is_kept() {
    let text = "code,name,township_code,lon,lat\n140522100201,东关村,140522100,112.42,\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].lon, rows[0].lat), (None, None));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(problems[0].field.as_deref(), Some("lat"));
    assert_eq!(problems[0].kind, ProblemKind::Required);
}

#[test]
fn coordinates_are_checked_for_range_before_china() {
    let text = "code,name,township_code,lon,lat\n\
                140522100201,甲,140522100,112.4,95\n\
                140522100202,乙,140522100,NaN,35.4\n\
                140522100203,丙,140522100,112.4,-20\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert!(rows.is_empty());
    assert_eq!(
        summary(&problems),
        [
            (Some(2), Some("lat".into()), "out_of_range".into()),
            (Some(3), Some("lon".into()), "not_a_number".into()),
            (Some(4), Some("lat".into()), "outside_china".into()),
        ]
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::OutOfRange {
            min: -90.0,
            max: 90.0
        }
    );
}

#[test]
fn vocabulary_words_are_exact() {
    let text = "code,name,township_code,kind,delivery_mode\n\
                140522100201,甲,140522100,Village,to_door\n\
                140522100202,乙,140522100, community ,Locker\n";
    let (rows, problems) = read_villages("villages.csv", text.as_bytes());
    assert!(rows.is_empty());
    assert_eq!(
        summary(&problems),
        [
            (Some(2), Some("kind".into()), "unknown_value".into()),
            (
                Some(3),
                Some("delivery_mode".into()),
                "unknown_value".into()
            ),
        ]
    );
}

#[test]
fn a_repeated_known_column_is_kept_in_extra() {
    let text = "code,name,name\n14,山西省,山西\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert!(problems.is_empty());
    assert_eq!(rows[0].name, "山西省");
    assert_eq!(rows[0].extra, [("name".to_string(), "山西".to_string())]);
}

#[test]
fn percentage_targets_above_100_are_out_of_range() {
    let text = "jurisdiction_code,indicator,target,deadline,doc_no,doc_title,issued_by\n\
                14,daily_service_pct,120,2025-12-31,文号,标题,机关\n\
                14,township_station_count,120,2025-12-31,文号,标题,机关\n";
    let (rows, problems) = cundi_core::read::read_targets("targets.csv", text.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(
        summary(&problems),
        [(Some(2), Some("target".into()), "out_of_range".into())]
    );
}

#[test]
fn rows_of_bare_commas_from_spreadsheets_are_skipped_silently() {
    let text = "code,name\n14,山西省\n,\n  ,  \n \n1405,晋城市\n,\n";
    let (rows, problems) = read_divisions("divisions.csv", text.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rows.len(), 2);
}

#[test]
fn raw_rows_convert_to_the_same_values_as_the_readers_give() {
    use cundi_core::read::convert_row;
    use cundi_core::Village;
    let text = "code,name,township_code,population,note\n\
                140522100201,东关村,140522100,3000,村委会在村东\n\
                140522100202,西关村,140522100,-5,\n";
    let (raw, problems) = read_rows(&package::VILLAGES, "villages.csv", text.as_bytes());
    assert!(problems.is_empty());
    assert_eq!(raw[0].get("note"), Some("村委会在村东"));
    let (first, p) = convert_row::<Village>("villages.csv", &raw[0]);
    assert!(p.is_empty());
    let (read, _) = read_villages("villages.csv", text.as_bytes());
    assert_eq!(first.as_ref(), read.first());
    let (second, p) = convert_row::<Village>("villages.csv", &raw[1]);
    assert_eq!(second, None);
    assert_eq!(
        summary(&p),
        [(Some(3), Some("population".into()), "out_of_range".into())]
    );
}

/// Reading in pieces (what the CLI does on every core for large files) must give exactly what
/// reading the file whole gives: rows, their lines and every problem, whatever the piece size.
#[test]
fn a_file_read_in_pieces_gives_what_reading_it_whole_gives() {
    use cundi_core::read::{read_in_pieces, read_table, FromRow};
    use cundi_core::{Station, Village};
    fn same<T: FromRow + PartialEq + std::fmt::Debug>(file: &str, text: &str) {
        let whole = read_table::<T>(file, text.as_bytes());
        assert!(!whole.items.is_empty(), "{file}: nothing read");
        for piece in [1, 7, 100, 1000, 1 << 20] {
            let pieces = read_in_pieces(&T::SPEC, file, text.as_bytes(), T::from_fields, piece)
                .unwrap_or_else(|| panic!("{file}: not read in pieces of {piece}"));
            assert_eq!(pieces, whole, "{file} in pieces of {piece} bytes");
        }
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/");
    let read = |f: &str| std::fs::read_to_string(format!("{root}{f}")).unwrap();
    same::<Station>("stations.csv", &read("stations.csv"));
    same::<Village>("villages.csv", &read("villages.csv"));
    // Errors of every sort the pieces must keep on the right line: bad values, a wrong field
    // count, blank lines, CRLF, a BOM, quotes closed on their own line, a row of bare commas.
    let bad = "\u{feff}code,name,township_code,population\r\n\
               140522100201,东关村,140522100,3000\r\n\
               \r\n\
               140522100202,\"西关村, \"\"南\"\"\",140522100,-5\r\n\
               1405221002,短码村,140522100,10\n\
               140522100203,多一列,140522100,1,extra\n\
               ,,,\n\
               140522100204,北关村,140522100,\n\
               140522100205,a\"b,140522100,20\n";
    same::<Village>("villages.csv", bad);
    assert_eq!(
        summary(&read_table::<Village>("villages.csv", bad.as_bytes()).problems),
        [
            (Some(4), Some("population".into()), "out_of_range".into()),
            (Some(5), Some("code".into()), "bad_code".into()),
            (Some(6), None, "field_count".into()),
        ]
    );
}

/// A record spanning lines cannot be cut at a line break, so such a file is read whole.
#[test]
fn a_file_with_a_quoted_line_break_is_not_read_in_pieces() {
    use cundi_core::read::{read_in_pieces, FromRow};
    use cundi_core::Village;
    let spec = &Village::SPEC;
    let text = "code,name,township_code\n140522100201,\"东关\n村\",140522100\n140522100202,西关村,140522100\n";
    assert!(read_in_pieces(spec, "v.csv", text.as_bytes(), Village::from_fields, 4).is_none());
    let unclosed = "code,name,township_code\n140522100201,\"东关村,140522100\n";
    assert!(read_in_pieces(spec, "v.csv", unclosed.as_bytes(), Village::from_fields, 4).is_none());
    let fine = "code,name,township_code\n140522100201,\"东关村\",140522100\n";
    assert!(read_in_pieces(spec, "v.csv", fine.as_bytes(), Village::from_fields, 4).is_some());
}
