//! The map's base map (docs/PUBLISHING.md, "Base maps"): `config.json`'s `tiles`, with presets for
//! the base maps a county in China may publish — 天地图 (Tianditu, the state's, in CGCS2000,
//! which is WGS-84 to within centimetres) and the GCJ-02 providers (AMap, Tencent) — or any
//! `{z}/{x}/{y}` template. Resolved here into the tile layers to draw, the coordinate system they
//! are drawn in (the site shifts every position it draws into it, `coords::convert`), the credit
//! line with the approval number (审图号) every public map in China must show, and the hosts the
//! Content-Security-Policy must allow, exactly.
//!
//! Baidu (BD-09) is not offered: its tiles are cut on a Mercator grid of its own (BD-09MC, tile
//! numbers counted from the equator and the meridian, negative to the south and west), which
//! Leaflet's Web Mercator cannot address without a custom projection library.

use crate::model::Crs;
use serde::{Deserialize, Serialize};

/// `config.json`'s `tiles`, as a deployment writes it. Either a `preset` (with its `key` for
/// 天地图) or a `url` template; `null` in the config draws the outlines alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TileConfig {
    /// `tianditu_vec`, `tianditu_img`, `amap` or `tencent`.
    pub preset: Option<String>,
    /// The provider's key: 天地图's `tk`, a browser-side key bound to the site's domain.
    pub key: Option<String>,
    /// A `{z}/{x}/{y}` template (`{s}` for a subdomain, `{-y}` for a TMS row), when no preset.
    pub url: Option<String>,
    /// A layer drawn on top (an annotation layer), same placeholders.
    pub overlay: Option<String>,
    /// The letters or digits `{s}` takes, e.g. `"abc"`.
    pub subdomains: Option<String>,
    /// The coordinate system the tiles are drawn in; WGS-84 unless said.
    pub crs: Option<Crs>,
    /// The provider's credit; a preset brings its own.
    pub attribution: Option<String>,
    /// The approval number (审图号) as the provider publishes it, e.g. `GS(2024)0568号`.
    pub approval: Option<String>,
    pub max_zoom: Option<u8>,
    /// How much of the tiles the visitor has seen the service worker keeps for offline use, in
    /// MB (least recently seen out first); [`DEFAULT_TILE_CACHE_MB`] unless said, 0 for none.
    pub cache_mb: Option<f64>,
}

/// The tiles kept for offline use by default: a few counties' worth at the zooms people use.
pub const DEFAULT_TILE_CACHE_MB: f64 = 30.0;

/// One tile layer to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileLayer {
    pub url: String,
    /// What `{s}` takes; empty when the URL has no `{s}`.
    pub subdomains: String,
}

/// The base map, resolved: layers bottom first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseMap {
    pub layers: Vec<TileLayer>,
    pub crs: Crs,
    pub attribution: String,
    pub approval: Option<String>,
    pub max_zoom: u8,
    /// The bound on the tiles the service worker keeps ([`TileConfig::cache_mb`]).
    pub cache_bytes: u64,
}

const TIANDITU: &str = "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}";

impl TileConfig {
    /// The layers, system and credit to draw, or why the configuration cannot be drawn.
    pub fn resolve(&self) -> Result<BaseMap, String> {
        let key = self.key.as_deref().map(str::trim).filter(|k| !k.is_empty());
        let preset = self
            .preset
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let (layers, crs, attribution, max_zoom) = match preset {
            Some(p @ ("tianditu_vec" | "tianditu_img")) => {
                let key = key.ok_or_else(|| format!("tiles.preset “{p}” needs tiles.key (天地图's tk)"))?;
                let (base, notes) = if p == "tianditu_vec" {
                    ("vec", "cva")
                } else {
                    ("img", "cia")
                };
                let layer = |name: &str| TileLayer {
                    url: TIANDITU.replace("{layer}", name).replace("{key}", &encode(key)),
                    subdomains: "01234567".into(),
                };
                (
                    vec![layer(base), layer(notes)],
                    Crs::Wgs84,
                    "© 天地图 国家地理信息公共服务平台".to_string(),
                    18,
                )
            }
            Some("amap") => (
                vec![TileLayer {
                    url: "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}".into(),
                    subdomains: "1234".into(),
                }],
                Crs::Gcj02,
                "© 高德地图 AutoNavi".to_string(),
                18,
            ),
            Some("tencent") => (
                vec![TileLayer {
                    url: "https://rt{s}.map.gtimg.com/tile?z={z}&x={x}&y={-y}&type=vector&styleid=0".into(),
                    subdomains: "0123".into(),
                }],
                Crs::Gcj02,
                "© 腾讯地图".to_string(),
                18,
            ),
            Some("baidu") => {
                return Err("tiles.preset “baidu” cannot be drawn: Baidu's tiles use a grid of its own (BD-09MC) that Leaflet cannot address (README, “Base maps”)".into())
            }
            Some(other) => {
                return Err(format!(
                    "tiles.preset “{other}” is not one of tianditu_vec, tianditu_img, amap, tencent"
                ))
            }
            None => {
                let url = self
                    .url
                    .as_deref()
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .ok_or("tiles needs a preset or a url")?;
                let subdomains = self.subdomains.clone().unwrap_or_else(|| "abc".into());
                let mut layers = vec![TileLayer {
                    url: url.to_string(),
                    subdomains: subdomains.clone(),
                }];
                if let Some(o) = self.overlay.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
                    layers.push(TileLayer {
                        url: o.to_string(),
                        subdomains,
                    });
                }
                (layers, self.crs.unwrap_or_default(), String::new(), 19)
            }
        };
        for l in &layers {
            check_template(&l.url)?;
        }
        let layers = layers
            .into_iter()
            .map(|l| TileLayer {
                subdomains: if l.url.contains("{s}") {
                    l.subdomains
                } else {
                    String::new()
                },
                ..l
            })
            .collect();
        Ok(BaseMap {
            layers,
            // A preset's system is the provider's; a deployment may not say otherwise.
            crs: if preset.is_some() {
                crs
            } else {
                self.crs.unwrap_or(crs)
            },
            attribution: self
                .attribution
                .clone()
                .filter(|a| !a.trim().is_empty())
                .unwrap_or(attribution),
            approval: self.approval.clone().filter(|a| !a.trim().is_empty()),
            max_zoom: self.max_zoom.unwrap_or(max_zoom),
            cache_bytes: (self
                .cache_mb
                .filter(|mb| mb.is_finite() && *mb >= 0.0)
                .unwrap_or(DEFAULT_TILE_CACHE_MB)
                * 1_048_576.0) as u64,
        })
    }
}

impl BaseMap {
    /// The line under the map: the provider's credit, then the approval number.
    pub fn credit(&self) -> String {
        match &self.approval {
            Some(a) => format!("{} | 审图号 {}", self.attribution, a.trim()),
            None => self.attribution.clone(),
        }
    }

    /// Every origin a tile may come from (`{s}` expanded), for the policy's `img-src`: exactly
    /// these, nothing wider.
    pub fn origins(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in &self.layers {
            let hosts: Vec<String> = if l.subdomains.is_empty() {
                vec![l.url.clone()]
            } else {
                l.subdomains
                    .chars()
                    .map(|s| l.url.replace("{s}", &s.to_string()))
                    .collect()
            };
            for url in hosts {
                if let Some(o) = origin(&url) {
                    if !out.contains(&o) {
                        out.push(o);
                    }
                }
            }
        }
        out
    }
}

/// The origin (`scheme://host[:port]`, lowercased) of a URL or URL template, as a
/// Content-Security-Policy names it; `None` for anything that is not an absolute http(s) URL
/// with a plain host (a `{s}` left in it, a quote, a space).
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    plain.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// A template must be an https (or http) URL with `{z}`, `{x}` and `{y}` (or `{-y}`).
fn check_template(url: &str) -> Result<(), String> {
    let has_y = url.contains("{y}") || url.contains("{-y}");
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || !url.contains("{z}")
        || !url.contains("{x}")
        || !has_y
    {
        return Err(format!(
            "tiles url “{url}” is not an http(s) template with {{z}}, {{x}} and {{y}}"
        ));
    }
    Ok(())
}

/// A key, as a query value.
fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
