//! The data package: `datapackage.json` (a Frictionless Data Package descriptor) and the one list of
//! columns every resource has. The reader, the writer and the Table Schemas in the descriptor all
//! come from `RESOURCES`, so the site, the CLI and the published schema cannot drift apart.

use crate::code::{Code, Level};
use crate::model::{
    Category, CoopModel, Crs, DeliveryMode, Indicator, Service, Status, Tier, VillageKind,
};
use serde::{Deserialize, Serialize};

/// The descriptor's file name at the root of a package.
pub const DESCRIPTOR_FILE: &str = "datapackage.json";

/// The type of a column, as in Table Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    /// A calendar month, `YYYY-MM` (Table Schema's `yearmonth`).
    YearMonth,
    /// A division code: a string of 2, 4, 6, 9 or 12 digits.
    Code,
    /// A `;`-separated list of strings.
    List,
}

/// One column of a resource.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    /// The allowed words, for vocabulary columns (for lists: of each item).
    pub vocabulary: Option<&'static [&'static str]>,
    pub description: &'static str,
}

/// A CSV resource the package can hold.
#[derive(Debug, Clone, Copy)]
pub struct ResourceSpec {
    pub name: &'static str,
    pub path: &'static str,
    pub title: &'static str,
    pub required: bool,
    pub primary_key: Option<&'static str>,
    pub fields: &'static [FieldSpec],
}

impl ResourceSpec {
    pub fn field(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn header(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

const fn f(
    name: &'static str,
    ty: FieldType,
    required: bool,
    description: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required,
        vocabulary: None,
        description,
    }
}

const fn v(
    name: &'static str,
    ty: FieldType,
    required: bool,
    vocabulary: &'static [&'static str],
    description: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required,
        vocabulary: Some(vocabulary),
        description,
    }
}

use FieldType as T;

pub const DIVISIONS: ResourceSpec = ResourceSpec {
    name: "divisions",
    path: "divisions.csv",
    title: "Provinces, cities, counties and townships (统计用区划代码)",
    required: true,
    primary_key: Some("code"),
    fields: &[
        f(
            "code",
            T::Code,
            true,
            "2, 4, 6 or 9-digit statistical division code",
        ),
        f("name", T::String, true, "official name"),
    ],
};

pub const STATIONS: ResourceSpec = ResourceSpec {
    name: "stations",
    path: "stations.csv",
    title: "Service nodes: county centres, township stations, village points",
    required: true,
    primary_key: Some("id"),
    fields: &[
        f("id", T::String, true, "unique, stable across versions"),
        v("tier", T::String, true, Tier::WORDS, "the tier of the three-tier network"),
        f("name", T::String, true, "name of the station"),
        f("admin_code", T::Code, true, "division where it stands: village code for village points, township code for township stations, county code for centres"),
        f("lon", T::Number, true, "longitude in the package's coordinate system"),
        f("lat", T::Number, true, "latitude in the package's coordinate system"),
        f("address", T::String, false, "street address"),
        f("phone", T::String, false, "public phone number"),
        f("operator", T::String, true, "the company or body that runs it"),
        f("brands", T::List, false, "';'-separated express brands handled"),
        v("model", T::String, false, CoopModel::WORDS, "cooperation model"),
        v("services", T::List, false, Service::WORDS, "';'-separated services offered"),
        f("hours", T::String, false, "opening hours in OpenStreetMap opening_hours syntax"),
        f("filing_no", T::String, false, "end-outlet filing number (备案); empty = not filed"),
        f("standardized", T::Boolean, false, "meets the provincial station standard"),
        f("locker", T::Boolean, false, "has a smart parcel locker"),
        f("pickup_fee", T::Number, false, "yuan charged to a recipient for collecting a parcel; published policy is 0"),
        v("status", T::String, true, Status::WORDS, "whether it is open for business"),
        f("opened", T::Date, false, "date opened"),
        f("verified", T::Date, false, "date last checked on site"),
    ],
};

pub const VILLAGES: ResourceSpec = ResourceSpec {
    name: "villages",
    path: "villages.csv",
    title: "Administrative villages and how each is served",
    required: true,
    primary_key: Some("code"),
    fields: &[
        f("code", T::Code, true, "12-digit village code"),
        f("name", T::String, true, "official name"),
        f(
            "township_code",
            T::Code,
            true,
            "9-digit code of its township",
        ),
        v(
            "kind",
            T::String,
            false,
            VillageKind::WORDS,
            "village committee (村委会) or residents' committee (居委会)",
        ),
        f("population", T::Integer, false, "registered residents"),
        f(
            "lon",
            T::Number,
            false,
            "longitude of the village committee",
        ),
        f("lat", T::Number, false, "latitude of the village committee"),
        f(
            "served_by",
            T::String,
            false,
            "id of the station that serves it; empty = no service",
        ),
        f(
            "deliveries_per_week",
            T::Integer,
            false,
            "0–21; the standard is at least 7 (once a day)",
        ),
        f(
            "delivery_days",
            T::String,
            false,
            "opening_hours-style days, e.g. Mo,We,Fr",
        ),
        f(
            "pickups_per_week",
            T::Integer,
            false,
            "collections of outgoing parcels and produce per week",
        ),
        v(
            "delivery_mode",
            T::String,
            false,
            DeliveryMode::WORDS,
            "how parcels reach the villagers",
        ),
        f("updated", T::Date, false, "date of the last update"),
    ],
};

pub const TARGETS: ResourceSpec = ResourceSpec {
    name: "targets",
    path: "targets.csv",
    title: "Targets and deadlines set by the policy documents",
    required: false,
    primary_key: None,
    fields: &[
        f(
            "jurisdiction_code",
            T::Code,
            true,
            "2, 4, 6 or 9-digit code of the area the target binds",
        ),
        v(
            "indicator",
            T::String,
            true,
            Indicator::WORDS,
            "what is measured",
        ),
        f("target", T::Number, true, "the promised figure"),
        f("deadline", T::Date, true, "when it is due"),
        f(
            "doc_no",
            T::String,
            true,
            "document number, e.g. 晋发改经贸发〔2023〕60号",
        ),
        f("doc_title", T::String, true, "document title"),
        f("issued_by", T::String, true, "issuing body"),
        f("issued_on", T::Date, false, "date of issue"),
        f(
            "note",
            T::String,
            false,
            "what the document says, in its words",
        ),
    ],
};

pub const AUTHORITIES: ResourceSpec = ResourceSpec {
    name: "authorities",
    path: "authorities.csv",
    title: "Bodies that receive complaints and appeals",
    required: false,
    primary_key: Some("jurisdiction_code"),
    fields: &[
        f(
            "jurisdiction_code",
            T::Code,
            true,
            "county or province code",
        ),
        f("name", T::String, true, "name of the body"),
        f("phone", T::String, false, "appeal line, e.g. 0356-12305"),
        f("email", T::String, false, "e-mail address"),
        f("website", T::String, false, "appeal website"),
        f("address", T::String, false, "postal address"),
        f(
            "open311_endpoint",
            T::String,
            false,
            "Open311 GeoReport v2 endpoint, if any",
        ),
        f("office_hours", T::String, false, "opening_hours syntax"),
        f(
            "open311_jurisdiction_id",
            T::String,
            false,
            "the Open311 receiver's jurisdiction_id, if it needs one",
        ),
        f(
            "open311_api_key",
            T::String,
            false,
            "the Open311 receiver's public client key (api_key), if it needs one",
        ),
        f(
            "open311_service_codes",
            T::String,
            false,
            "the receiver's service_code for each complaint category: non_delivery=001; illegal_fee=002",
        ),
    ],
};

pub const COMPLAINT_STATS: ResourceSpec = ResourceSpec {
    name: "complaint_stats",
    path: "complaint_stats.csv",
    title: "Complaints received and resolved, by area, month and category",
    required: false,
    // The key is (jurisdiction_code, month, category); `validate` reports a repeat, since a
    // figure counted twice would double the totals.
    primary_key: None,
    fields: &[
        f(
            "jurisdiction_code",
            T::Code,
            true,
            "6 or 9-digit code of the county or township the complaints concern; a county row counts only complaints no township row of it counts",
        ),
        f(
            "month",
            T::YearMonth,
            true,
            "month the complaints were received, YYYY-MM",
        ),
        v(
            "category",
            T::String,
            true,
            Category::WORDS,
            "what the complaints were about (the complaint form's categories)",
        ),
        f("received", T::Integer, true, "complaints received, 0 or more"),
        f(
            "resolved",
            T::Integer,
            false,
            "of those, how many were resolved; at most received",
        ),
        f(
            "source",
            T::String,
            false,
            "who published the figure, e.g. 晋城市邮政管理局",
        ),
    ],
};

/// The levels a code column accepts. A code column's type alone says "2 to 12 digits"; which levels
/// make sense depends on the column (a village's `code` is 12 digits, a target binds a province,
/// city, county or township), and keeping that here lets the reader say so in one place.
pub fn code_levels(spec: &ResourceSpec, field: &str) -> &'static [Level] {
    use Level::*;
    match (spec.name, field) {
        ("divisions", "code") | ("targets", "jurisdiction_code") => {
            &[Province, City, County, Township]
        }
        ("stations", "admin_code") => &[County, Township, Village],
        ("villages", "code") => &[Village],
        ("villages", "township_code") => &[Township],
        ("authorities", "jurisdiction_code") => &[Province, City, County],
        ("complaint_stats", "jurisdiction_code") => &[County, Township],
        _ => &Level::ALL,
    }
}

/// Other names a publisher's header may give a column — the Chinese a county office writes, and
/// common English variants — by the column's own name. A header matching one (spaces and case
/// aside) is read as that column, for any resource that has it; `cundi-data convert` writes the
/// own name. No resource has two columns sharing an alias.
pub const HEADER_ALIASES: &[(&str, &[&str])] = &[
    (
        "code",
        &[
            "代码",
            "编码",
            "区划代码",
            "统计用区划代码",
            "行政区划代码",
            "村代码",
        ],
    ),
    (
        "name",
        &["名称", "名字", "网点名称", "站点名称", "村名", "村名称"],
    ),
    ("id", &["编号", "网点编号", "站点编号"]),
    ("tier", &["层级", "网点层级", "级别"]),
    (
        "admin_code",
        &["所在区划代码", "所在地区划代码", "所属区划代码"],
    ),
    ("lon", &["经度", "lng", "long", "longitude"]),
    ("lat", &["纬度", "latitude"]),
    ("address", &["地址", "详细地址"]),
    ("phone", &["电话", "联系电话"]),
    ("operator", &["运营主体", "运营单位", "经营主体"]),
    ("brands", &["品牌", "快递品牌"]),
    ("model", &["合作模式", "运营模式"]),
    ("services", &["服务", "服务项目", "业务"]),
    ("hours", &["营业时间"]),
    ("filing_no", &["备案号", "备案编号"]),
    ("standardized", &["是否标准化", "标准化"]),
    ("locker", &["智能快件箱", "快递柜", "是否有快递柜"]),
    ("pickup_fee", &["取件费", "取件收费", "取件费用"]),
    ("status", &["状态", "运营状态"]),
    ("opened", &["开业日期", "启用日期"]),
    ("verified", &["核实日期", "核查日期"]),
    ("township_code", &["乡镇代码", "所属乡镇代码"]),
    ("kind", &["类型", "村类型"]),
    ("population", &["人口", "户籍人口"]),
    ("served_by", &["服务网点", "服务网点编号"]),
    ("deliveries_per_week", &["每周投递次数", "投递频次"]),
    ("delivery_days", &["投递日"]),
    ("pickups_per_week", &["每周揽收次数", "揽收频次"]),
    ("delivery_mode", &["投递方式"]),
    ("updated", &["更新日期"]),
];

/// Whether a header names this column: its own name or one of its aliases.
pub fn header_names(column: &str, header: &str) -> bool {
    let header = header.trim();
    header == column
        || HEADER_ALIASES
            .iter()
            .find(|(name, _)| *name == column)
            .is_some_and(|(_, aliases)| aliases.iter().any(|a| a.eq_ignore_ascii_case(header)))
}

/// Every CSV resource, in reading order (divisions before what refers to them).
pub const RESOURCES: [ResourceSpec; 6] = [
    DIVISIONS,
    STATIONS,
    VILLAGES,
    TARGETS,
    AUTHORITIES,
    COMPLAINT_STATS,
];

/// The descriptor property that declares which provinces and cities the package holds whole.
pub const COMPLETE_PROPERTY: &str = "cundi:complete";

/// `datapackage.json`: the fields the site and the CLI use. Other properties are kept as they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Descriptor {
    pub name: String,
    // Absent rather than `null`: the Data Package standard types these as strings, and
    // Frictionless's validator refuses a `null` (docs/DATA.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default)]
    pub licenses: Vec<License>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub contributors: Vec<Contributor>,
    /// The coordinate system of every coordinate in the package.
    #[serde(default)]
    pub crs: Crs,
    /// True when locations, hours and frequencies are made up for demonstration.
    #[serde(default)]
    pub illustrative: bool,
    /// A plain-language notice shown on the site, in Chinese and English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// Provinces and cities (2 or 4-digit codes) of which the package holds every county, as the
    /// publisher declares (`"cundi:complete": ["14"]`). A county or township in the package is
    /// always whole — its rows are all of its stations and villages — but a province with only
    /// some of its counties is a sample: a count or share over it is not the province's figure,
    /// so a target set for the province is measured only when it is declared here. Kept as
    /// written; [`Descriptor::complete_codes`] reads the codes and `validate` reports the rest.
    #[serde(
        default,
        rename = "cundi:complete",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub complete: Vec<String>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct License {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributor {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub name: String,
    pub path: String,
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// `created` as RFC 3339, as the Data Package standard wants it: a bare date (what publishers
/// write) becomes that day's midnight in China (UTC+8); anything else is kept as written.
pub fn created_rfc3339(created: &str) -> String {
    let c = created.trim();
    match crate::model::parse_date(c) {
        Some(day) => format!("{day}T00:00:00+08:00"),
        None => c.to_string(),
    }
}

impl Descriptor {
    pub fn parse(text: &str) -> Result<Descriptor, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The path of a resource, as the descriptor names it (or the default).
    pub fn resource_path(&self, spec: &ResourceSpec) -> String {
        self.resources
            .iter()
            .find(|r| r.name == spec.name)
            .map(|r| r.path.clone())
            .unwrap_or_else(|| spec.path.to_string())
    }

    /// The codes declared complete (`cundi:complete`) that are division codes; the others are
    /// reported by `validate` and ignored.
    pub fn complete_codes(&self) -> Vec<Code> {
        self.complete
            .iter()
            .filter_map(|c| Code::parse(c).ok())
            .collect()
    }

    /// The publisher: the first contributor with role "publisher", else the first contributor.
    pub fn publisher(&self) -> Option<&Contributor> {
        self.contributors
            .iter()
            .find(|c| c.role.as_deref() == Some("publisher"))
            .or(self.contributors.first())
    }
}

/// The Table Schema of a resource as JSON, for writing into `datapackage.json`.
pub fn table_schema(spec: &ResourceSpec) -> serde_json::Value {
    use serde_json::json;
    let fields: Vec<_> = spec
        .fields
        .iter()
        .map(|fs| {
            let (ty, format) = match fs.ty {
                T::String | T::List => ("string", None),
                T::Integer => ("integer", None),
                T::Number => ("number", None),
                T::Boolean => ("boolean", None),
                T::Date => ("date", None),
                T::YearMonth => ("yearmonth", None),
                T::Code => ("string", Some(r"^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$")),
            };
            let mut constraints = serde_json::Map::new();
            if fs.required {
                constraints.insert("required".into(), json!(true));
            }
            if let Some(p) = format {
                constraints.insert("pattern".into(), json!(p));
            }
            if let (Some(words), T::String) = (fs.vocabulary, fs.ty) {
                constraints.insert("enum".into(), json!(words));
            }
            let mut field = json!({ "name": fs.name, "type": ty, "description": fs.description });
            if let (Some(words), T::List) = (fs.vocabulary, fs.ty) {
                field["cundi:items"] = json!(words);
            }
            if !constraints.is_empty() {
                field["constraints"] = serde_json::Value::Object(constraints);
            }
            field
        })
        .collect();
    let mut schema = json!({ "fields": fields });
    if let Some(pk) = spec.primary_key {
        schema["primaryKey"] = json!(pk);
    }
    schema
}
