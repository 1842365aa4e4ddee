//! The base map's configuration: each preset's layers, system and credit, the hosts the policy
//! allows, and the configurations that cannot be drawn, refused with a reason.

use cundi_core::tiles::TileConfig;
use cundi_core::Crs;

fn preset(name: &str, key: Option<&str>) -> TileConfig {
    TileConfig {
        preset: Some(name.into()),
        key: key.map(str::to_string),
        approval: Some("GS(2024)0568号".into()),
        ..TileConfig::default()
    }
}

#[test]
fn tianditu_draws_its_vector_layer_with_the_annotation_on_top_and_the_key() {
    let map = preset("tianditu_vec", Some("abc123")).resolve().unwrap();
    assert_eq!(map.crs, Crs::Wgs84, "CGCS2000: no shift");
    assert_eq!(map.layers.len(), 2);
    assert!(map.layers[0]
        .url
        .starts_with("https://t{s}.tianditu.gov.cn/vec_w/wmts?"));
    assert!(map.layers[0].url.contains("LAYER=vec&"));
    assert!(map.layers[1]
        .url
        .starts_with("https://t{s}.tianditu.gov.cn/cva_w/wmts?"));
    assert!(map.layers[1].url.contains("LAYER=cva&"));
    for l in &map.layers {
        assert!(l.url.ends_with("&tk=abc123"), "{}", l.url);
        assert!(l.url.contains("TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"));
        assert_eq!(l.subdomains, "01234567");
    }
    assert_eq!(
        map.credit(),
        "© 天地图 国家地理信息公共服务平台 | 审图号 GS(2024)0568号"
    );
    let origins = map.origins();
    assert_eq!(origins.len(), 8);
    assert_eq!(origins[0], "https://t0.tianditu.gov.cn");
    assert_eq!(origins[7], "https://t7.tianditu.gov.cn");

    let img = preset("tianditu_img", Some("k")).resolve().unwrap();
    assert!(img.layers[0].url.contains("/img_w/") && img.layers[1].url.contains("/cia_w/"));
}

#[test]
fn gcj02_providers_are_drawn_in_gcj02() {
    let amap = preset("amap", None).resolve().unwrap();
    assert_eq!(amap.crs, Crs::Gcj02);
    assert_eq!(
        amap.origins(),
        [
            "https://webrd01.is.autonavi.com",
            "https://webrd02.is.autonavi.com",
            "https://webrd03.is.autonavi.com",
            "https://webrd04.is.autonavi.com"
        ]
    );
    let tencent = preset("tencent", None).resolve().unwrap();
    assert_eq!(tencent.crs, Crs::Gcj02);
    assert!(
        tencent.layers[0].url.contains("y={-y}"),
        "Tencent's rows count as TMS"
    );
    // A preset's system is the provider's, whatever the config says.
    let mut wrong = preset("amap", None);
    wrong.crs = Some(Crs::Wgs84);
    assert_eq!(wrong.resolve().unwrap().crs, Crs::Gcj02);
}

#[test]
fn any_template_as_before_with_its_own_system_and_overlay() {
    let osm = TileConfig {
        url: Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png".into()),
        attribution: Some("© OpenStreetMap contributors".into()),
        max_zoom: Some(19),
        ..TileConfig::default()
    }
    .resolve()
    .unwrap();
    assert_eq!(osm.crs, Crs::Wgs84);
    assert_eq!(osm.layers[0].subdomains, "", "no {{s}}, no subdomains");
    assert_eq!(osm.origins(), ["https://tile.openstreetmap.org"]);
    assert_eq!(osm.credit(), "© OpenStreetMap contributors");
    assert_eq!(osm.max_zoom, 19);
    assert_eq!(
        osm.cache_bytes,
        30 * 1_048_576,
        "30 MB of tiles kept unless said"
    );
    let small = TileConfig {
        url: Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png".into()),
        cache_mb: Some(0.5),
        ..TileConfig::default()
    };
    assert_eq!(small.resolve().unwrap().cache_bytes, 524_288);

    let own = TileConfig {
        url: Some("https://{s}.tiles.county.example.cn/{z}/{x}/{y}.png".into()),
        overlay: Some("https://labels.county.example.cn/{z}/{x}/{-y}.png".into()),
        subdomains: Some("ab".into()),
        crs: Some(Crs::Gcj02),
        ..TileConfig::default()
    }
    .resolve()
    .unwrap();
    assert_eq!(own.crs, Crs::Gcj02);
    assert_eq!(own.layers.len(), 2);
    assert_eq!(
        own.origins(),
        [
            "https://a.tiles.county.example.cn",
            "https://b.tiles.county.example.cn",
            "https://labels.county.example.cn"
        ]
    );
}

#[test]
fn what_cannot_be_drawn_is_refused_with_a_reason() {
    let err = |c: TileConfig| c.resolve().unwrap_err();
    assert!(err(preset("tianditu_vec", None)).contains("tiles.key"));
    assert!(err(preset("tianditu_vec", Some("  "))).contains("tiles.key"));
    assert!(err(preset("baidu", None)).contains("BD-09MC"));
    assert!(err(preset("google", None)).contains("not one of"));
    assert!(err(TileConfig::default()).contains("a preset or a url"));
    for url in [
        "tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://tiles.example.cn/{z}/{x}.png",
        "javascript:alert(1)//{z}{x}{y}",
    ] {
        let c = TileConfig {
            url: Some(url.into()),
            ..TileConfig::default()
        };
        assert!(err(c).contains("template"), "{url}");
    }
}

#[test]
fn the_key_cannot_break_out_of_the_url() {
    let map = preset("tianditu_vec", Some("a&b=c d")).resolve().unwrap();
    assert!(map.layers[0].url.ends_with("&tk=a%26b%3Dc+d"));
}
