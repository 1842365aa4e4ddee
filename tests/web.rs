//! Component tests in a real browser (wasm-bindgen-test): the station details panel, the legend,
//! the language switch, and what the user sees when a file fails to load.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p cundi --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use cundi::components::{with_data, Legend, LoadErrorView, ServedVillage, StationDetails};
use cundi::i18n::I18nProvider;
use cundi::store::{provide_store, LoadError, LoadFailure};
use cundi::LanguageSwitch;
use cundi_core::{
    Code, CoopModel, DeliveryMode, Frequency, Service, Station, Status, Tier, Village,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
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
        id: "ts-140522100".into(),
        tier: Tier::TownshipStation,
        name: name.into(),
        admin_code: Code::parse("140522100").unwrap(),
        lon: 112.416187,
        lat: 35.48987,
        address: Some("阳城县凤城镇".into()),
        phone: None,
        operator: "中国邮政集团有限公司阳城县分公司".into(),
        brands: vec!["邮政".into(), "中通".into()],
        model: Some(CoopModel::PostExpress),
        services: vec![Service::Delivery, Service::PickupProduce],
        hours: Some("Mo-Su 08:00-19:00".into()),
        filing_no: None,
        standardized: Some(true),
        locker: Some(false),
        pickup_fee: Some(0.0),
        status: Status::Operating,
        opened: None,
        verified: None,
        extra: vec![],
    }
}

fn village(code: &str, name: &str, per_week: Option<u8>) -> Village {
    let code = Code::parse(code).unwrap();
    Village {
        township_code: code.parent().unwrap(),
        code,
        name: name.into(),
        kind: None,
        population: None,
        lon: None,
        lat: None,
        served_by: Some("ts-140522100".into()),
        deliveries_per_week: per_week,
        delivery_days: None,
        pickups_per_week: None,
        delivery_mode: Some(DeliveryMode::ToPoint),
        updated: None,
        extra: vec![],
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
        "Mo-Su 08:00-19:00",
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
