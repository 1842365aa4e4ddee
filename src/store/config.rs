//! The site configuration (`config.json`): where the data is, the base map, the complaint
//! receiver, how long to wait for a file.

use super::*;
use serde::Deserialize;

/// Where the site configuration lives, relative to the page's base URL.
pub const CONFIG_FILE: &str = "config.json";

/// `config.json`: where the bundle is and which background tiles to draw.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteConfig {
    /// The bundle directory, relative to the page (e.g. `data/`).
    pub data: String,
    /// The base map (`cundi_core::tiles`: a preset such as 天地图, or a template, with its
    /// approval number); `null` draws no tiles: the county outlines alone make the base map.
    /// Kept as written and read by [`SiteConfig::tiles`] when the map draws, so that its reader
    /// is in the map's chunk, not in every page's first load (docs/FIRST-VISIT.md).
    #[serde(default, deserialize_with = "raw_json")]
    pub tiles: Option<RawJson>,
    /// An Open311 GeoReport v2 receiver for complaints everywhere the authorities publish none;
    /// read by [`SiteConfig::open311`] in the complaint's chunk, likewise.
    #[serde(default, deserialize_with = "raw_json")]
    pub open311: Option<RawJson>,
    /// Up to this many counties every chunk loads at once; above it counties load on demand
    /// (default [`EAGER_COUNTIES`]; 0 always loads on demand).
    #[serde(default = "default_eager_counties")]
    pub eager_counties: usize,
    /// How long a data file may take to arrive before the page says so and offers a retry
    /// (a weak rural connection can stall without failing).
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u32,
}

/// The default of `SiteConfig::timeout_ms`, also used for `config.json` itself.
pub const DATA_TIMEOUT_MS: u32 = 30_000;

pub(super) fn default_timeout_ms() -> u32 {
    DATA_TIMEOUT_MS
}

pub(super) fn default_eager_counties() -> usize {
    EAGER_COUNTIES
}

/// A deployment's Open311 receiver (docs/COMPLAINTS.md, "Open311"): its endpoint, the public
/// client key and jurisdiction it needs, the map from the site's categories to its own service
/// codes, and what it requires of the complainant. A county's row in `authorities.csv` with an
/// endpoint of its own wins over it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Open311Config {
    /// The base URL; the site POSTs to `{endpoint}/requests.json`.
    pub endpoint: String,
    #[serde(default)]
    pub api_key: Option<String>,
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
    /// `{"non_delivery": "001", …}`: a category not in it goes by its own word.
    #[serde(default)]
    pub service_codes: std::collections::BTreeMap<String, String>,
    /// What the receiver requires of the complainant (the standard cannot say it).
    #[serde(default)]
    pub needs: cundi_core::complaint::ChannelNeeds,
}

impl Open311Config {
    pub fn receiver(&self) -> cundi_core::complaint::Receiver {
        cundi_core::complaint::Receiver {
            endpoint: self.endpoint.clone(),
            api_key: self.api_key.clone(),
            jurisdiction_id: self.jurisdiction_id.clone(),
            service_codes: self.service_codes.clone(),
        }
    }
}

/// A part of `config.json` kept as its JSON text, to be read where it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct RawJson(pub String);

fn raw_json<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<RawJson>, D::Error> {
    let raw: Option<Box<serde_json::value::RawValue>> = Deserialize::deserialize(d)?;
    Ok(raw.map(|r| RawJson(r.get().to_string())))
}

impl SiteConfig {
    /// The base map, or why it cannot be drawn; `None` for no tiles.
    pub fn tiles(&self) -> Option<Result<cundi_core::tiles::BaseMap, String>> {
        let raw = self.tiles.as_ref()?;
        Some(
            serde_json::from_str::<cundi_core::tiles::TileConfig>(&raw.0)
                .map_err(|e| e.to_string())
                .and_then(|t| t.resolve()),
        )
    }

    /// The deployment's Open311 receiver; `None` when there is none, or it cannot be read (the
    /// build's `cundi-data csp` reads it first and says why).
    pub fn open311(&self) -> Option<Open311Config> {
        serde_json::from_str(&self.open311.as_ref()?.0).ok()
    }

    /// The URL of a file inside the bundle.
    pub fn data_url(&self, path: &str) -> String {
        cundi_core::bundle::file_url(&self.data, path)
    }
}
