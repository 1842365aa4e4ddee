//! Directions: open a point in the map app the resident already uses — AMap (GCJ-02), Baidu Maps
//! (BD-09) or OpenStreetMap (WGS-84) — with the coordinates converted by the core.

use crate::move_tr;
use cundi_core::coords::directions_urls;
use leptos::prelude::*;

#[component]
pub fn Directions(
    /// Shown in the map app as the marker's title.
    name: String,
    /// WGS-84 degrees.
    lon: f64,
    lat: f64,
) -> impl IntoView {
    let urls = directions_urls(&name, lon, lat);
    view! {
        <ul class="directions" data-testid="directions">
            <li>
                <a href=urls.amap class="button" data-testid="directions-amap" rel="noopener">
                    {move_tr!("directions-amap")}
                </a>
            </li>
            <li>
                <a href=urls.baidu class="button" data-testid="directions-baidu" rel="noopener">
                    {move_tr!("directions-baidu")}
                </a>
            </li>
            <li>
                <a href=urls.osm class="button" data-testid="directions-osm" rel="noopener">
                    {move_tr!("directions-osm")}
                </a>
            </li>
        </ul>
    }
}
