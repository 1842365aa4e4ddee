//! Component tests in a real browser (wasm-bindgen-test): the station details panel, the legend,
//! the language switch, what the user sees when a file fails to load, the opening state at fixed
//! instants, hours and delivery days in words, the directions links, the search combobox, and the
//! map view as the URL writes it.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p cundi --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use cundi::components::{with_data, Legend, LoadErrorView, ServedVillage, StationDetails};
use cundi::i18n::I18nProvider;
use cundi::store::{provide_store, LoadError, LoadFailure};
use cundi::LanguageSwitch;
use cundi_core::{
    Code, CoopModel, DeliveryMode, Frequency, Problem, ProblemKind, Service, Station, StationBase,
    Status, Tier, Village, VillageBase,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, and the language reset to the default (Chinese).
fn container() -> HtmlElement {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item("cundi-lang").unwrap();
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn find(root: &Element, testid: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn click(root: &Element, testid: &str) {
    find(root, testid)
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .unchecked_into::<HtmlElement>()
        .click();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until the selector matches, up to about five seconds.
async fn wait_for(root: &Element, testid: &str) -> Element {
    for _ in 0..100 {
        if let Some(el) = find(root, testid) {
            return el;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for [data-testid={testid}]");
}

fn station(name: &str) -> Station {
    Station {
        address: Some("阳城县凤城镇".into()),
        hours: Some("Mo-Su 08:00-19:00".into()),
        standardized: Some(true),
        locker: Some(false),
        ..Station::from(StationBase {
            id: "ts-140522100".into(),
            tier: Tier::TownshipStation,
            name: name.into(),
            admin_code: Code::parse("140522100").unwrap(),
            lon: 112.416187,
            lat: 35.48987,
            operator: "中国邮政集团有限公司阳城县分公司".into(),
            brands: vec!["邮政".into(), "中通".into()],
            model: Some(CoopModel::PostExpress),
            services: vec![Service::Delivery, Service::PickupProduce],
            pickup_fee: Some(0.0),
            status: Status::Operating,
            extra: vec![],
        })
    }
}

fn village(code: &str, name: &str, per_week: Option<u8>) -> Village {
    let code = Code::parse(code).unwrap();
    Village {
        served_by: Some("ts-140522100".into()),
        ..Village::from(VillageBase {
            township_code: code.parent().unwrap(),
            code,
            name: name.into(),
            kind: None,
            population: None,
            lon: None,
            lat: None,
            deliveries_per_week: per_week,
            pickups_per_week: None,
            delivery_mode: Some(DeliveryMode::ToPoint),
            extra: vec![],
        })
    }
}

#[wasm_bindgen_test]
async fn details_show_every_field_and_the_villages_served() {
    let root = container();
    let closed = RwSignal::new(false);
    let served = vec![
        ServedVillage {
            village: village("140522100001", "西关社区", Some(14)),
            frequency: Frequency::Daily,
        },
        ServedVillage {
            village: village("140522100002", "南关村", Some(3)),
            frequency: Frequency::BelowDaily,
        },
    ];
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <StationDetails
                    station=station("凤城镇快递综合服务站")
                    area=vec!["山西省".into(), "阳城县".into(), "凤城镇".into()]
                    served
                    on_close=Callback::new(move |()| closed.set(true))
                />
            </I18nProvider>
        }
    });
    tick().await;

    let panel = find(&root, "station-details").expect("the details panel");
    let all = text(&panel);
    for expected in [
        "凤城镇快递综合服务站",
        "乡镇寄递物流站",
        "运营中",
        "中国邮政集团有限公司阳城县分公司",
        "中通",
        "邮快合作",
        "农产品上行揽收",
        "每天 08:00–19:00",
        "未备案",
        "取件免费",
        "山西省 / 阳城县 / 凤城镇",
        "35.48987°N 112.41619°E",
    ] {
        assert!(all.contains(expected), "{expected:?} missing from {all:?}");
    }

    let villages = find(&panel, "served-villages").expect("the served villages");
    let rows = villages.query_selector_all("li").unwrap();
    assert_eq!(rows.length(), 2);
    let first = text(&rows.get(0).unwrap().unchecked_into());
    assert!(
        first.contains("西关社区")
            && first.contains("每周 14 次")
            && first.contains("达到每日投递标准"),
        "{first}"
    );
    let second = text(&rows.get(1).unwrap().unchecked_into());
    assert!(
        second.contains("南关村")
            && second.contains("每周 3 次")
            && second.contains("未达到每日投递标准"),
        "{second}"
    );

    click(&panel, "details-close");
    tick().await;
    assert!(closed.get_untracked(), "the close button calls on_close");
}

/// A row type with plain columns no view shows by a rule: what a station would be the day a
/// publisher's new column joins the schema.
struct WithNewColumns {
    opened: Option<chrono::NaiveDate>,
    wechat: Option<String>,
    night_pickup: Option<bool>,
}

impl cundi_core::PlainColumns for WithNewColumns {
    const PLAIN: &'static [&'static str] = &["opened", "wechat", "night_pickup"];
    fn plain(&self, column: &str) -> Option<Option<cundi_core::cell::CellRef<'_>>> {
        use cundi_core::cell::PlainValue;
        match column {
            "opened" => Some(self.opened.get()),
            "wechat" => Some(self.wechat.get()),
            "night_pickup" => Some(self.night_pickup.get()),
            _ => None,
        }
    }
    fn set_plain(&mut self, _: &str, _: Option<cundi_core::cell::Cell>) -> bool {
        false
    }
}

#[wasm_bindgen_test]
async fn a_plain_column_is_shown_under_its_label_with_no_code_of_its_own() {
    let root = container();
    let row = WithNewColumns {
        opened: chrono::NaiveDate::from_ymd_opt(2024, 5, 1),
        wechat: Some("yc-kuaidi".into()),
        night_pickup: None,
    };
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <dl data-testid="plain">{cundi::components::plain_fields(&row, &["wechat-shown-elsewhere"])}</dl>
            </I18nProvider>
        }
    });
    tick().await;
    let dl = find(&root, "plain").expect("the list");
    let terms: Vec<String> = (0..3)
        .map(|i| {
            text(
                &dl.query_selector_all("dt")
                    .unwrap()
                    .get(i)
                    .unwrap()
                    .unchecked_into(),
            )
        })
        .collect();
    let values: Vec<String> = (0..3)
        .map(|i| {
            text(
                &dl.query_selector_all("dd")
                    .unwrap()
                    .get(i)
                    .unwrap()
                    .unchecked_into(),
            )
        })
        .collect();
    // A column with a label (column-opened) is shown under it; one without, under its name.
    assert_eq!(terms, ["启用日期", "wechat", "night_pickup"]);
    assert_eq!(values, ["2024-05-01", "yc-kuaidi", "未公布"]);
    let root2 = container();
    let _app2 = mount_to(root2.clone(), move || {
        let row = WithNewColumns {
            opened: None,
            wechat: None,
            night_pickup: Some(true),
        };
        let shown = cundi::components::plain_fields(&row, &["opened", "wechat"]);
        view! {
            <I18nProvider>
                <dl data-testid="plain2">{shown}</dl>
            </I18nProvider>
        }
    });
    tick().await;
    let dl2 = find(&root2, "plain2").expect("the second list");
    assert_eq!(
        dl2.query_selector_all("dt").unwrap().length(),
        1,
        "the columns a view shows itself are left out"
    );
    assert_eq!(text(&dl2), "night_pickup是");
}

#[wasm_bindgen_test]
async fn a_name_with_markup_is_shown_as_text() {
    let root = container();
    let name = "<script>window.__pwned = 1</script><img src=x onerror=alert(1)>站";
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <StationDetails
                    station=station(name)
                    area=vec![]
                    served=vec![]
                    on_close=Callback::new(|()| ())
                />
            </I18nProvider>
        }
    });
    tick().await;

    let panel = find(&root, "station-details").unwrap();
    let heading = panel.query_selector("h2").unwrap().unwrap();
    assert_eq!(text(&heading), name);
    assert!(panel.query_selector("script").unwrap().is_none());
    assert!(panel.query_selector("img").unwrap().is_none());
    assert!(text(&panel).contains("没有村登记为由本网点服务"));
}

#[wasm_bindgen_test]
async fn legend_explains_tiers_statuses_and_frequencies() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                <Legend open=true />
            </I18nProvider>
        }
    });
    tick().await;

    let legend = find(&root, "legend").expect("the legend");
    let count = |id: &str| {
        find(&legend, id)
            .unwrap()
            .query_selector_all("li")
            .unwrap()
            .length()
    };
    assert_eq!(count("legend-tiers"), 3);
    assert_eq!(count("legend-status"), 4);
    assert_eq!(count("legend-frequency"), 4);
    let all = text(&legend);
    for expected in [
        "县级寄递公共配送中心",
        "村级寄递服务点",
        "暂停服务",
        "已关闭",
        "规划中",
        "每日投递",
        "低于每日一次",
        "无寄递服务",
    ] {
        assert!(all.contains(expected), "{expected:?} missing from {all:?}");
    }
    // Every symbol is drawn, hidden from screen readers (the text says it).
    assert_eq!(
        legend
            .query_selector_all("svg[aria-hidden=true]")
            .unwrap()
            .length(),
        11
    );
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_html_lang_and_is_remembered() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                <LanguageSwitch />
                <Legend open=true />
            </I18nProvider>
        }
    });
    tick().await;
    let switch = find(&root, "lang-switch").unwrap();
    assert_eq!(switch.tag_name(), "BUTTON");
    assert_eq!(text(&switch), "English");
    assert!(switch
        .get_attribute("aria-label")
        .unwrap()
        .contains("English"));

    click(&root, "lang-switch");
    tick().await;
    assert_eq!(text(&find(&root, "lang-switch").unwrap()), "中文");
    assert!(text(&find(&root, "legend").unwrap()).contains("Village service point"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    let storage = window().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("cundi-lang").unwrap().as_deref(),
        Some("en")
    );

    click(&root, "lang-switch");
    tick().await;
    assert!(text(&find(&root, "legend").unwrap()).contains("村级寄递服务点"));
    assert_eq!(
        storage.get_item("cundi-lang").unwrap().as_deref(),
        Some("zh-CN")
    );
}

#[wasm_bindgen_test]
async fn load_error_names_the_file_and_retries() {
    let root = container();
    let retries = RwSignal::new(0);
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <LoadErrorView
                    error=LoadError {
                        file: "data/chunks/140522/stations.csv".into(),
                        failure: LoadFailure::Http(404),
                    }
                    on_retry=Callback::new(move |()| retries.update(|n| *n += 1))
                />
            </I18nProvider>
        }
    });
    tick().await;
    let error = find(&root, "load-error").expect("the error view");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let all = text(&error);
    assert!(all.contains("data/chunks/140522/stations.csv"), "{all}");
    assert!(all.contains("HTTP 404"), "{all}");
    click(&root, "retry");
    tick().await;
    assert_eq!(retries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn a_missing_config_shows_the_error_and_retry_loads_again() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                {provide_store("no-such-dir/config.json");
                with_data(|_| view! { <p data-testid="ready">"ready"</p> })}
            </I18nProvider>
        }
    });
    let error = wait_for(&root, "load-error").await;
    let all = text(&error);
    assert!(all.contains("no-such-dir/config.json"), "{all}");
    assert!(all.contains("HTTP 404"), "{all}");
    assert!(find(&root, "ready").is_none());

    click(&root, "retry");
    tick().await;
    assert!(
        find(&root, "loading").is_some(),
        "retry starts loading again"
    );
    let error = wait_for(&root, "load-error").await;
    assert!(text(&error).contains("no-such-dir/config.json"));
}

#[wasm_bindgen_test]
async fn a_config_that_is_not_json_is_named_with_the_parse_error() {
    let root = container();
    let url = "data:application/json,%7Bnot%20json";
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                {provide_store(url);
                with_data(|_| view! { <p data-testid="ready">"ready"</p> })}
            </I18nProvider>
        }
    });
    let error = wait_for(&root, "load-error").await;
    let reason = text(&find(&error, "load-error-reason").unwrap());
    assert!(reason.starts_with("文件内容无效"), "{reason}");
    assert!(text(&error).contains(url));
}

// ---------------------------------------------------------------------------------------------
// Residents: opening state, week and days in words, directions, the search box, URL state.

use cundi::components::open_state::{days_text, week_text};
use cundi::components::{Directions, OpenState, SearchBox};
use cundi::store::{Data, SiteConfig, Store};
use cundi::url::{href, MapView};
use cundi_core::bundle::{Area, PackageInfo, Summary, Unparsed, FORMAT_VERSION};
use cundi_core::geo::BBox;
use cundi_core::search::{HitKind, PinyinKeys, SearchEntry};
use cundi_core::stats::AreaStats;
use cundi_core::Division;
use std::sync::Arc;

/// Makes `Date.now()` return this instant until the guard is dropped.
struct FixedNow(JsValue);

impl FixedNow {
    fn at(rfc3339: &str) -> FixedNow {
        let ms = js_sys::Date::parse(rfc3339);
        let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        let original = js_sys::Reflect::get(&date, &"now".into()).unwrap();
        let fixed = wasm_bindgen::closure::Closure::<dyn Fn() -> f64>::new(move || ms);
        js_sys::Reflect::set(&date, &"now".into(), fixed.as_ref()).unwrap();
        fixed.forget();
        FixedNow(original)
    }
}

impl Drop for FixedNow {
    fn drop(&mut self) {
        let date = js_sys::Reflect::get(&js_sys::global(), &"Date".into()).unwrap();
        js_sys::Reflect::set(&date, &"now".into(), &self.0).unwrap();
    }
}

fn open_state_text(root: &Element) -> (String, String) {
    let el = find(root, "open-state").expect("the opening state");
    (
        el.get_attribute("data-state").unwrap_or_default(),
        text(&el),
    )
}

#[wasm_bindgen_test]
async fn open_state_follows_the_hours_in_china_time() {
    let cases = [
        // Wednesday 10:00 and 20:00, and Saturday 07:00, in China.
        ("2026-03-04T10:00:00+08:00", "open", "营业中 · 19:00 关门"),
        (
            "2026-03-04T20:00:00+08:00",
            "closed",
            "已打烊 · 明天 08:00 开门",
        ),
        ("2026-03-06T23:00:00Z", "closed", "已打烊 · 08:00 开门"),
    ];
    for (instant, state, expected) in cases {
        let _now = FixedNow::at(instant);
        let root = container();
        let _app = mount_to(root.clone(), || {
            view! {
                <I18nProvider>
                    <OpenState status=Status::Operating hours=Some("Mo-Su 08:00-19:00".into()) />
                </I18nProvider>
            }
        });
        tick().await;
        assert_eq!(
            open_state_text(&root),
            (state.to_string(), expected.to_string()),
            "{instant}"
        );
    }

    let _now = FixedNow::at("2026-03-07T10:00:00+08:00");
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                <OpenState status=Status::Operating hours=Some("Mo-Fr 08:00-18:00".into()) />
            </I18nProvider>
        }
    });
    tick().await;
    assert_eq!(open_state_text(&root).1, "已打烊 · 周一 08:00 开门");
}

#[wasm_bindgen_test]
async fn open_state_says_when_it_cannot_tell_or_the_point_is_not_operating() {
    for (status, hours, state, expected) in [
        (
            Status::Suspended,
            Some("24/7"),
            "closed",
            "目前不营业（暂停服务）",
        ),
        (Status::Operating, None, "unknown", "无法判断现在是否营业"),
        (
            Status::Operating,
            Some("Jan-Mar Mo-Fr 08:00-12:00"),
            "unknown",
            "无法判断现在是否营业",
        ),
        (
            Status::Operating,
            Some("not hours"),
            "unknown",
            "无法判断现在是否营业",
        ),
        (Status::Operating, Some("24/7"), "open", "营业中（全天）"),
        (Status::Operating, Some("off"), "closed", "已停止营业"),
    ] {
        let root = container();
        let owned = hours.map(str::to_string);
        let _app = mount_to(root.clone(), move || {
            view! {
                <I18nProvider>
                    <OpenState status hours=owned.clone() />
                </I18nProvider>
            }
        });
        tick().await;
        assert_eq!(
            open_state_text(&root),
            (state.to_string(), expected.to_string()),
            "{status:?} {hours:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn hours_and_delivery_days_are_written_in_words_in_both_languages() {
    let root = container();
    let week = |h: &str| week_text(&cundi_core::hours::Hours::parse(h).unwrap());
    let _app = mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <p data-testid="words">
                    {move || {
                        [
                            days_text("Mo,We,Fr"),
                            days_text("Mo-Su"),
                            days_text("Mo-Fr"),
                            days_text("Tu,Th"),
                            days_text("somedays"),
                            week("Mo-Sa 08:30-18:00; Su 09:00-12:00").unwrap(),
                            week("Mo-Su 07:30-12:00,14:00-19:00").unwrap(),
                            week("Mo-Fr 09:00-17:00").unwrap(),
                        ]
                            .join(" | ")
                    }}
                </p>
                <LanguageSwitch />
            </I18nProvider>
        }
    });
    tick().await;
    assert_eq!(
        text(&find(&root, "words").unwrap()),
        "周一，周三，周五 | 每天 | 周一至周五 | 周二，周四 | somedays | \
         周一至周六 08:30–18:00，周日 09:00–12:00 | 每天 07:30–12:00, 14:00–19:00 | \
         周一至周五 09:00–17:00，周六至周日 休息"
    );
    click(&root, "lang-switch");
    tick().await;
    assert_eq!(
        text(&find(&root, "words").unwrap()),
        "Mon; Wed; Fri | Every day | Mon–Fri | Tue; Thu | somedays | \
         Mon–Sat 08:30–18:00; Sun 09:00–12:00 | Every day 07:30–12:00, 14:00–19:00 | \
         Mon–Fri 09:00–17:00; Sat–Sun closed"
    );
}

#[wasm_bindgen_test]
async fn directions_link_to_the_three_apps_with_the_cores_coordinates() {
    let root = container();
    let _app = mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                <Directions name="凤城镇快递综合服务站".into() lon=112.416187 lat=35.48987 />
            </I18nProvider>
        }
    });
    tick().await;
    let expected =
        cundi_core::coords::directions_urls("凤城镇快递综合服务站", 112.416187, 35.48987);
    let links = find(&root, "directions").unwrap();
    for (testid, url, label) in [
        ("directions-amap", &expected.amap, "高德地图"),
        ("directions-baidu", &expected.baidu, "百度地图"),
        ("directions-osm", &expected.osm, "OpenStreetMap"),
    ] {
        let a = find(&links, testid).unwrap();
        assert_eq!(a.get_attribute("href").as_deref(), Some(url.as_str()));
        assert_eq!(text(&a), label);
    }
}

#[wasm_bindgen_test]
fn map_views_and_links_round_trip_through_the_url() {
    let v = MapView::parse("13.25/35.48987/112.41619").unwrap();
    assert_eq!(v.to_string(), "13.25/35.48987/112.41619");
    assert_eq!(MapView::parse(&v.to_string()), Some(v));
    let unrounded = MapView {
        zoom: 7.123456,
        lat: 35.123456789,
        lon: 112.987654321,
    };
    assert_eq!(unrounded.to_string(), "7.12/35.12346/112.98765");
    for bad in [
        "13/95/112",
        "13/35",
        "13/35/112/1",
        "x/35/112",
        "30/35/112",
        "",
    ] {
        assert_eq!(MapView::parse(bad), None, "{bad}");
    }
    assert_eq!(
        href(
            "/",
            &[
                ("map", Some(v.to_string())),
                ("area", None),
                ("q", Some("凤城 镇&x".into())),
                ("station", Some(String::new())),
            ]
        ),
        "/?map=13.25/35.48987/112.41619&q=%E5%87%A4%E5%9F%8E%20%E9%95%87%26x"
    );
    assert_eq!(href("/complaint", &[]), "/complaint");
}

/// A loaded dataset of one township, one village and one station, with the pinyin the build
/// would have written.
fn tiny_data() -> (Arc<Data>, Vec<SearchEntry>) {
    let division = |code: &str, name: &str| Division::new(Code::parse(code).unwrap(), name);
    let area = |code: &str, name: &str, bbox: Option<BBox>| Area {
        division: division(code, name),
        stats: AreaStats::default(),
        bbox,
        chunk: None,
    };
    let summary = Summary {
        format: FORMAT_VERSION,
        package: PackageInfo {
            name: "tiny".into(),
            title: None,
            version: None,
            created: None,
            publisher: None,
            licenses: vec![],
            sources: vec![],
            documents: Unparsed::default(),
            crs: Default::default(),
            illustrative: false,
            notice: None,
            complete: vec![],
        },
        areas: vec![area("14", "山西省", None), area("140522", "阳城县", None)],
        targets: Unparsed::default(),
        authorities: vec![],
        problems: Unparsed::new(&vec![]),
        files: vec![],
        outlines: 0,
        search: None,
        names: None,
        changes: None,
        complaint_stats: Unparsed::default(),
    };
    let keys = |full: &str, initials: &str| PinyinKeys::new(&[full], &[initials]);
    let mut entries = vec![
        SearchEntry::new(HitKind::Province, "14", "山西省", None),
        SearchEntry::new(HitKind::County, "140522", "阳城县", Some("14".into())),
        SearchEntry::new(
            HitKind::Township,
            "140522100",
            "凤城镇",
            Some("140522".into()),
        ),
        SearchEntry::new(
            HitKind::Village,
            "140522100001",
            "西关社区",
            Some("140522100".into()),
        ),
        SearchEntry::new(
            HitKind::Station,
            "ts-140522100",
            "凤城镇快递综合服务站",
            Some("140522100".into()),
        ),
    ];
    entries[2].pinyin = keys("feng cheng zhen", "fcz");
    entries[4].pinyin = keys("feng cheng zhen kuai di zong he fu wu zhan", "fczkdzhfwz");
    let county = cundi::store::County {
        code: Code::parse("140522").unwrap(),
        stations: vec![station("凤城镇快递综合服务站")],
        villages: vec![village("140522100001", "西关社区", Some(14))],
        boundary: None,
        townships: vec![area(
            "140522100",
            "凤城镇",
            Some(BBox([112.35, 35.44, 112.46, 35.54])),
        )],
        problems: vec![],
    };
    let config = SiteConfig {
        data: "data/".into(),
        tiles: None,
        open311: None,
        eager_counties: cundi::store::EAGER_COUNTIES,
        timeout_ms: cundi::store::DATA_TIMEOUT_MS,
    };
    let data = Arc::new(Data::new(
        config,
        Arc::new(summary),
        vec![Arc::new(county)],
        1,
    ));
    (data, entries)
}

/// The map reads the loaded counties' rows without the dataset being built (a county's arrival
/// does not build it); they are the rows the dataset holds once built, in the same order, and an
/// id found twice finds the first station either way.
#[wasm_bindgen_test]
fn data_rows_are_the_dataset_rows_built_later() {
    let (tiny, _) = tiny_data();
    let county = |code: &str, name: &str, village_code: &str| {
        Arc::new(cundi::store::County {
            code: Code::parse(code).unwrap(),
            stations: vec![station(name)],
            villages: vec![village(village_code, name, Some(7))],
            boundary: None,
            townships: vec![],
            problems: vec![Problem::error(
                &format!("chunks/{code}/stations.csv"),
                Some(2),
                None,
                ProblemKind::BrokenQuoting,
            )],
        })
    };
    let mut summary = (*tiny.summary).clone();
    summary.problems = Unparsed::new(&vec![Problem::error(
        "stations.csv",
        Some(9),
        Some("lat"),
        ProblemKind::BrokenQuoting,
    )]);
    let data = Data::new(
        tiny.config.clone(),
        Arc::new(summary),
        vec![
            county("140522", "第一站", "140522100001"),
            county("140523", "第二站", "140523100001"),
        ],
        2,
    );
    assert_eq!(data.station("ts-140522100").unwrap().name, "第一站");
    let stations: Vec<&str> = data.stations().map(|s| s.name.as_str()).collect();
    let villages: Vec<&str> = data.villages().map(|v| v.code.as_str()).collect();
    assert_eq!(stations, ["第一站", "第二站"]);
    assert_eq!(villages, ["140522100001", "140523100001"]);

    let dataset = data.dataset();
    let built: Vec<&str> = dataset.stations.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(built, stations);
    let built: Vec<&str> = dataset.villages.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(built, villages);
    assert_eq!(data.station("ts-140522100").unwrap().name, "第一站");
    assert_eq!(dataset.division("140522").unwrap().name, "阳城县");

    // The summary's problems, read only now, then each loaded county's.
    let (problems, unreadable) = data.problems();
    let files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "stations.csv",
            "chunks/140522/stations.csv",
            "chunks/140523/stations.csv"
        ]
    );
    assert_eq!(unreadable, None);
}

fn input_event(input: &web_sys::HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn key(input: &web_sys::HtmlInputElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn search_box_is_a_combobox_that_finds_by_initials_and_moves_with_the_keys() {
    let start = window().location().href().unwrap();
    let root = container();
    let (data, index) = tiny_data();
    let store = Store::ready(data, index);
    let _app = mount_to(root.clone(), move || {
        provide_context(store);
        view! {
            <I18nProvider>
                <leptos_router::components::Router>
                    <SearchBox id="s" />
                </leptos_router::components::Router>
            </I18nProvider>
        }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = find(&root, "search").unwrap().unchecked_into();
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(
        input.get_attribute("aria-controls").as_deref(),
        Some("s-list")
    );
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let label = root.query_selector("label[for=s]").unwrap().unwrap();
    assert!(text(&label).contains("搜索"));

    input.focus().unwrap();
    input_event(&input, "fcz");
    tick().await;
    let list = root.query_selector("[role=listbox]").unwrap().unwrap();
    assert_eq!(list.id(), "s-list");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let options = list.query_selector_all("[role=option]").unwrap();
    assert_eq!(
        options.length(),
        2,
        "the township and the station named after it"
    );
    let first: Element = options.get(0).unwrap().unchecked_into();
    assert!(text(&first).starts_with("凤城镇"), "{}", text(&first));
    assert!(
        text(&first).contains("乡镇 · 山西省 / 阳城县"),
        "{}",
        text(&first)
    );
    let second: Element = options.get(1).unwrap().unchecked_into();
    assert!(
        text(&second).contains("乡镇寄递物流站"),
        "a station is labelled by its tier"
    );

    key(&input, "ArrowDown");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("s-opt-0")
    );
    assert_eq!(
        first.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    key(&input, "ArrowDown");
    key(&input, "ArrowDown");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("s-opt-0"),
        "the arrows wrap around"
    );
    key(&input, "ArrowUp");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant").as_deref(),
        Some("s-opt-1")
    );

    key(&input, "Escape");
    tick().await;
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(input.get_attribute("aria-activedescendant").is_none());

    input_event(&input, "西关");
    tick().await;
    key(&input, "Enter");
    tick().await;
    sleep(50).await;
    assert_eq!(
        window().location().pathname().unwrap(),
        "/village/140522100001"
    );
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_picker_finds_only_its_kind_hands_the_choice_over_and_keeps_the_url() {
    let start = window().location().href().unwrap();
    let root = container();
    let (data, index) = tiny_data();
    let store = Store::ready(data, index);
    let picked = RwSignal::new(None::<String>);
    let _app = mount_to(root.clone(), move || {
        provide_context(store);
        view! {
            <I18nProvider>
                <leptos_router::components::Router>
                    <SearchBox
                        id="pick"
                        kinds=&[cundi_core::search::HitKind::Station]
                        label=Signal::derive(|| "找网点".to_string())
                        on_pick=Callback::new(move |hit: cundi_core::search::Hit| picked.set(Some(hit.key)))
                    />
                </leptos_router::components::Router>
            </I18nProvider>
        }
    });
    tick().await;
    // Not the site search: no search landmark, its own label and test id.
    assert!(find(&root, "search").is_none());
    assert!(root.query_selector("[role=search]").unwrap().is_none());
    let label = root.query_selector("label[for=pick]").unwrap().unwrap();
    assert_eq!(text(&label), "找网点");
    let input: web_sys::HtmlInputElement = find(&root, "pick").unwrap().unchecked_into();
    input.focus().unwrap();
    input_event(&input, "fcz");
    tick().await;
    let options = root.query_selector_all("[role=option]").unwrap();
    assert_eq!(options.length(), 1, "the township is not a station");
    let only: Element = options.get(0).unwrap().unchecked_into();
    assert_eq!(only.get_attribute("data-kind").as_deref(), Some("station"));
    key(&input, "Enter");
    sleep(20).await;
    assert_eq!(
        picked.get_untracked().as_deref(),
        only.get_attribute("data-key").as_deref()
    );
    assert_eq!(input.value(), "", "the box empties for the next search");
    assert_eq!(
        window().location().href().unwrap(),
        start,
        "a picker neither navigates nor writes its text into the URL"
    );
}
