//! "Near me": asks the browser once for the device's position, then the core finds the nearest
//! points open for business and the village the position lies in, with the point serving it.
//!
//! A position is personal. It is kept in memory only, for as long as the results are shown: it
//! never goes into a URL, storage or a log, and is sent nowhere.

use crate::store::{Data, Store};
use cundi_core::brand::Want;
use cundi_core::nearest::{
    counties_to_load, reach, serving_point, Filter, NearIndex, Whereabouts, BBOX_MARGIN_KM,
    NEARBY_KM, VILLAGE_RADIUS_KM,
};
use cundi_core::{Dataset, Station, Village};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How many nearby points are listed.
pub const NEAREST: usize = 5;

/// How long to wait for a fix on a weak signal before saying so.
const TIMEOUT_MS: u32 = 20_000;

/// Why no result could be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearFailure {
    /// The user (or the browser's settings) refused the location.
    Denied,
    /// The device could not get a fix.
    Unavailable,
    /// No fix in time.
    Timeout,
    /// This browser has no geolocation (or blocks it, as on a page not served over HTTPS).
    Unsupported,
    /// The position is outside the area the data covers.
    Outside,
    /// The counties around the position could not be loaded.
    NotLoaded,
    /// The code that finds what is near (a chunk of its own) could not be fetched.
    CodeNotLoaded,
}

/// What finds the points near a position: the core's nearest-point index and the search around
/// it. On the site its code is a chunk of its own (`chunks::near_engine`), fetched when "near me"
/// is first asked. (A village's page uses the same index: the code the two share is split into a
/// chunk that either fetches.)
#[derive(Debug, Clone, Copy)]
pub struct NearEngine {
    /// [`find_loading`].
    pub find: fn(Store, f64, f64, Want) -> LocalBoxFuture<'static, NearState>,
    /// The index over a dataset's points.
    pub index: fn(&Dataset) -> NearIndex,
    /// How many operating points "near me" lists for a position ([`NEAREST`] at most).
    pub count_nearest: fn(&NearIndex, f64, f64) -> usize,
}

impl NearEngine {
    /// The code, wherever this is compiled.
    pub const HERE: NearEngine = NearEngine {
        find: |store, lon, lat, want| Box::pin(find_loading(store, lon, lat, want)),
        index: NearIndex::new,
        count_nearest: |index, lon, lat| index.nearest(lon, lat, NEAREST, Filter::OPERATING).len(),
    };
}

/// What was found around the position.
#[derive(Debug, Clone, PartialEq)]
pub struct NearResult {
    /// WGS-84 degrees, for the map's "you are here" only.
    pub lon: f64,
    pub lat: f64,
    /// The village the position lies in, how far its committee is, and the point serving it.
    pub village: Option<(Village, f64, Option<Station>)>,
    /// The brand and service looked for, if any.
    pub want: Want,
    /// The nearest operating points that are what is wanted, nearest first, with their
    /// distances in km.
    pub nearest: Vec<(Station, f64)>,
    /// The county centre and how far it is, when a brand or service is wanted and no point
    /// within [`NEARBY_KM`] is what is wanted: the way to go then.
    pub centre: Option<(Station, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NearState {
    Idle,
    Locating,
    Found(Box<NearResult>),
    Failed(NearFailure),
}

/// The shared "near me" state: one per app, so the results survive a visit to a station's page.
#[derive(Debug, Clone, Copy)]
pub struct NearMe {
    state: RwSignal<NearState>,
    /// Bumped on every request, so that a late answer to an abandoned one is ignored.
    attempt: StoredValue<u64>,
    /// How the search around a position gets its code: handed in by the site (`chunks`), as
    /// the store's search loader is, so that this module never reaches a chunk itself.
    loader: NearLoader,
}

/// How "near me" gets its code (the site: `chunks::load_near_engine`); `None` when it could not
/// be fetched.
pub type NearLoader = fn() -> LocalBoxFuture<'static, Option<NearEngine>>;

/// A loader for where the code is already at hand (the component tests' build of the library).
pub fn near_engine_here() -> LocalBoxFuture<'static, Option<NearEngine>> {
    Box::pin(async { Some(NearEngine::HERE) })
}

impl NearMe {
    pub fn new(loader: NearLoader) -> NearMe {
        NearMe {
            state: RwSignal::new(NearState::Idle),
            attempt: StoredValue::new(0),
            loader,
        }
    }

    /// The current state (tracked).
    pub fn state(&self) -> NearState {
        self.state.get()
    }

    /// Whether results are on screen (untracked): the map's view is then not written to the URL,
    /// since it would give the position away.
    pub fn is_showing_untracked(&self) -> bool {
        matches!(
            self.state.get_untracked(),
            NearState::Found(_) | NearState::Locating
        )
    }

    /// Forgets the position and the results.
    pub fn clear(&self) {
        self.attempt.update_value(|a| *a += 1);
        self.state.set(NearState::Idle);
    }

    /// Answers again for another brand or service, at the position already found (no new fix
    /// is asked for); nothing when no results are shown.
    pub fn refine(&self, store: Store, want: Want) {
        let NearState::Found(found) = self.state.get_untracked() else {
            return;
        };
        if found.want == want {
            return;
        }
        self.attempt.update_value(|a| *a += 1);
        let attempt = self.attempt.get_value();
        let me = *self;
        leptos::task::spawn_local(async move {
            let state = match (me.loader)().await {
                Some(engine) => (engine.find)(store, found.lon, found.lat, want).await,
                None => NearState::Failed(NearFailure::CodeNotLoaded),
            };
            if me.attempt.try_get_value() == Some(attempt) {
                me.state.try_set(state);
            }
        });
    }

    /// Asks for the position and fills in the results (or the reason there are none) for what
    /// is wanted.
    pub fn locate(&self, store: Store, want: Want) {
        self.attempt.update_value(|a| *a += 1);
        let attempt = self.attempt.get_value();
        let me = *self;
        let settle = move |state: NearState| {
            if me.attempt.try_get_value() == Some(attempt) {
                me.state.try_set(state);
            }
        };
        let Some(geolocation) = window()
            .navigator()
            .geolocation()
            .ok()
            .filter(|g| !g.is_undefined())
        else {
            settle(NearState::Failed(NearFailure::Unsupported));
            return;
        };
        self.state.set(NearState::Locating);

        let on_fix = Closure::once_into_js(move |position: web_sys::Position| {
            let c = position.coords();
            let (lon, lat) = (c.longitude(), c.latitude());
            leptos::task::spawn_local(async move {
                settle(match (me.loader)().await {
                    Some(engine) => (engine.find)(store, lon, lat, want).await,
                    None => NearState::Failed(NearFailure::CodeNotLoaded),
                })
            });
        });
        let on_error = Closure::once_into_js(move |error: web_sys::PositionError| {
            settle(NearState::Failed(match error.code() {
                web_sys::PositionError::PERMISSION_DENIED => NearFailure::Denied,
                web_sys::PositionError::TIMEOUT => NearFailure::Timeout,
                _ => NearFailure::Unavailable,
            }));
        });
        let options = web_sys::PositionOptions::new();
        options.set_enable_high_accuracy(true);
        options.set_timeout(TIMEOUT_MS);
        // A fresh fix every time: the user may have walked since the last one.
        options.set_maximum_age(0);
        if geolocation
            .get_current_position_with_error_callback_and_options(
                on_fix.unchecked_ref(),
                Some(on_error.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            settle(NearState::Failed(NearFailure::Unsupported));
        }
    }
}

/// At most this many rounds of loading counties around a position (each round loads those that
/// could hold something nearer than found so far; one or two rounds are the rule).
const ROUNDS: usize = 4;

/// What the data says about a position, when counties load on demand first loading those that
/// could hold the nearest points or the village it lies in (`nearest::counties_to_load`), so
/// that the answer crosses county borders as the whole dataset's would.
pub async fn find_loading(store: Store, lon: f64, lat: f64, want: Want) -> NearState {
    let Some(mut data) = store.data_untracked() else {
        return NearState::Failed(NearFailure::NotLoaded);
    };
    if data.on_demand {
        // Outside every county's box: nothing to load.
        let boxes = || {
            data.summary
                .counties()
                .filter_map(|a| Some((&a.division.code, a.bbox?)))
        };
        if counties_to_load(boxes(), |_| false, lon, lat, BBOX_MARGIN_KM).is_empty() {
            return NearState::Failed(NearFailure::Outside);
        }
        let mut km = VILLAGE_RADIUS_KM;
        for _ in 0..ROUNDS {
            let boxes = data
                .summary
                .counties()
                .filter_map(|a| Some((&a.division.code, a.bbox?)));
            let more = counties_to_load(boxes, |c| data.has_county(c), lon, lat, km);
            let loaded_more = !more.is_empty();
            if loaded_more {
                match store.load_counties(more).await {
                    Ok(d) => data = d,
                    Err(_) => return NearState::Failed(NearFailure::NotLoaded),
                }
            }
            let found = data.near().nearest_wanted(
                data.dataset(),
                lon,
                lat,
                NEAREST,
                Filter::OPERATING,
                &want,
            );
            let next = reach(&found, NEAREST).max(VILLAGE_RADIUS_KM);
            let settled = !loaded_more && next <= km;
            km = km.max(next);
            if settled {
                break;
            }
        }
    }
    find(&data, lon, lat, want)
}

/// What the data says about a position.
pub fn find(data: &Data, lon: f64, lat: f64, want: Want) -> NearState {
    let ds = data.dataset();
    let village = match data.near().locate(lon, lat) {
        Whereabouts::Outside => return NearState::Failed(NearFailure::Outside),
        Whereabouts::InVillage { village, km } => ds.villages.get(village).map(|v| {
            let serving = serving_point(ds, v.code.as_str()).map(|s| s.station.clone());
            (v.clone(), km, serving)
        }),
        Whereabouts::NoVillageNear => None,
    };
    let station = |n: cundi_core::nearest::Near| Some((ds.stations.get(n.station)?.clone(), n.km));
    let nearest: Vec<(Station, f64)> = data
        .near()
        .nearest_wanted(ds, lon, lat, NEAREST, Filter::OPERATING, &want)
        .into_iter()
        .filter_map(station)
        .collect();
    let none_near = nearest.first().is_none_or(|(_, km)| *km > NEARBY_KM);
    let centre = (!want.is_any() && none_near)
        .then(|| data.near().county_centre(lon, lat))
        .flatten()
        .and_then(station)
        // Listed already when it is among the nearest.
        .filter(|(c, _)| !nearest.iter().any(|(s, _)| s.id == c.id));
    NearState::Found(Box::new(NearResult {
        lon,
        lat,
        village,
        want,
        nearest,
        centre,
    }))
}

pub fn provide_near_me(loader: NearLoader) -> NearMe {
    let near = NearMe::new(loader);
    provide_context(near);
    near
}

pub fn use_near_me() -> NearMe {
    expect_context::<NearMe>()
}
