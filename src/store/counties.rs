//! Which counties are loaded, fetched and kept: on demand, those a view wants are fetched (not
//! while the map moves), join the data together, and those wanted least lately are evicted
//! (`cundi_core::nearest::counties_to_keep`).

use super::*;
use cundi_core::bundle::Area;
use cundi_core::nearest::counties_to_keep;
use cundi_core::sort;
use cundi_core::Code;
use leptos::prelude::*;
use std::sync::Arc;

impl Store {
    /// The map says when it starts and stops moving (a pan, a zoom, a drag). Counties that
    /// arrive meanwhile are read as they come, but join the data only when it stops, or after
    /// [`MOVING_HOLD_MS`] at most: a new `Data` and its drawing are the long part of an arrival.
    pub fn set_moving(&self, moving: bool) {
        if self.moving.try_get_value() == Some(moving) {
            return;
        }
        self.moving.try_set_value(moving);
        if !moving {
            self.commit_arrived();
            self.release_still();
        }
    }

    pub(super) fn release_still(&self) {
        for waiting in self
            .still
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            let _ = waiting.send(());
        }
    }

    /// Resolves once the map is not moving, or [`MOVING_HOLD_MS`] from now.
    pub(super) async fn until_still(&self) {
        if self.moving.try_get_value() != Some(true) {
            return;
        }
        let (send, still) = futures::channel::oneshot::channel();
        self.still.update_value(|s| {
            // Waiters whose time ran out.
            s.retain(|w| !w.is_canceled());
            s.push(send);
        });
        let (send, late) = futures::channel::oneshot::channel::<()>();
        set_timeout(
            move || {
                let _ = send.send(());
            },
            std::time::Duration::from_millis(MOVING_HOLD_MS),
        );
        futures::future::select(still, late).await;
    }

    /// Tries again the counties wanted most recently (after one failed to load).
    pub fn retry_counties(&self) {
        self.want(self.recent.get_value());
    }

    /// When the package has few counties (they are not loaded on demand) and the first page
    /// loaded only its own: every county, for a page that shows them all.
    pub fn want_all(&self) {
        let Some(data) = self.data_untracked() else {
            return;
        };
        if data.on_demand || data.complete() {
            return;
        }
        let all = data
            .summary
            .counties()
            .filter(|a| a.chunk.is_some())
            .map(|a| a.division.code.clone())
            .collect();
        self.want(all);
    }

    /// Asks for these counties' rows, unless they are loaded; the views show them when they
    /// arrive.
    pub fn want(&self, counties: Vec<Code>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let _ = store.load_counties(counties).await;
        });
    }

    /// Asks for the counties of a view, group by group: each group is fetched once the one
    /// before it has arrived (or failed), so the first is drawn without sharing the network and
    /// the main thread with the others. (While the map moves, a group that has arrived waits
    /// to join the data, see [`Store::set_moving`]; the next is fetched meanwhile.) A view asked
    /// for later drops the groups of this one not yet begun: the user has moved on, and the new
    /// view asks for what it shows.
    pub fn want_in_turn(&self, groups: Vec<Vec<Code>>) {
        let store = *self;
        let turn = self.turn.get_value() + 1;
        self.turn.set_value(turn);
        leptos::task::spawn_local(async move {
            for (i, counties) in groups.into_iter().enumerate() {
                if i > 0 && store.turn.try_get_value() != Some(turn) {
                    return;
                }
                if counties.is_empty() {
                    continue;
                }
                if let Ok(Fetch::Fetched(fetched)) = store.fetch_counties(counties).await {
                    leptos::task::spawn_local(async move {
                        let _ = store.settle(fetched).await;
                    });
                }
            }
        });
    }

    /// Loads these counties' rows if they are not loaded yet, and gives the data with them. The
    /// least recently wanted others are let go beyond [`KEEP_COUNTIES`]; those asked for here
    /// never are.
    pub async fn load_counties(&self, counties: Vec<Code>) -> Result<Arc<Data>, LoadError> {
        match self.fetch_counties(counties).await? {
            Fetch::Loaded(data) => Ok(data),
            Fetch::Fetched(fetched) => self.settle(fetched).await,
        }
    }

    pub(super) fn not_ready(&self) -> LoadError {
        LoadError {
            file: self.config_url.get_value(),
            failure: LoadFailure::Network("the data is not loaded".into()),
        }
    }

    /// Fetches and reads those of these counties that are neither loaded nor read already
    /// (waiting to join the data), and puts them with the counties read (`arrived`).
    pub(super) async fn fetch_counties(&self, counties: Vec<Code>) -> Result<Fetch, LoadError> {
        let data = self.data_untracked().ok_or_else(|| self.not_ready())?;
        if !data.on_demand && data.complete() {
            return Ok(Fetch::Loaded(data));
        }
        let mut counties: Vec<Code> = counties
            .into_iter()
            .filter(|c| {
                data.summary
                    .area(c.as_str())
                    .is_some_and(|a| a.chunk.is_some())
            })
            .collect();
        counties.dedup();
        self.recent.update_value(|recent| {
            recent.retain(|c| !counties.contains(c));
            recent.extend(counties.iter().cloned());
        });
        let arrived = |c: &Code| {
            self.arrived
                .try_with_value(|a| a.iter().any(|county| &county.code == c))
                .unwrap_or(false)
        };
        let waiting = counties.iter().any(&arrived);
        let missing: Vec<(&Code, &Area)> = counties
            .iter()
            .filter(|c| !data.has_county(c) && !arrived(c))
            .filter_map(|c| Some((c, data.summary.area(c.as_str())?)))
            .collect();
        if missing.is_empty() && !waiting {
            return Ok(Fetch::Loaded(data));
        }
        let attempt = self.attempt.get_value();
        self.pending.update(|n| *n += missing.len());
        self.fetching
            .update_value(|f| f.extend(missing.iter().map(|(c, _)| (*c).clone())));
        let results = futures::future::join_all(
            missing
                .iter()
                .map(|(_, area)| load_county(&data.config, area)),
        )
        .await;
        self.fetching.try_update_value(|f| {
            for (c, _) in &missing {
                if let Some(i) = f.iter().position(|x| x == *c) {
                    f.swap_remove(i);
                }
            }
        });
        let mut fetched = Fetched {
            attempt,
            fetched: missing.len(),
            added: waiting,
            failed: None,
        };
        if self.attempt.try_get_value() == Some(attempt) {
            for result in results {
                match result {
                    Ok(county) => {
                        self.arrived.try_update_value(|a| a.push(Arc::new(county)));
                        fetched.added = true;
                    }
                    Err(e) => fetched.failed = Some(e),
                }
            }
            self.asked
                .try_update_value(|a| a.extend(counties.iter().cloned()));
        }
        Ok(Fetch::Fetched(fetched))
    }

    /// Brings the counties read into the data (with those other calls read meanwhile): at once,
    /// or when the map stops moving ([`Store::set_moving`]), since making a new `Data` and
    /// drawing it would hold up the frames of the move.
    pub(super) async fn settle(&self, fetched: Fetched) -> Result<Arc<Data>, LoadError> {
        if fetched.added {
            self.until_still().await;
        }
        self.pending
            .try_update(|n| *n = n.saturating_sub(fetched.fetched));
        if self.attempt.try_get_value() != Some(fetched.attempt) {
            return Err(self.not_ready());
        }
        self.county_error.try_set(fetched.failed.clone());
        // Unless another call (or the map stopping) has brought them in already.
        let next = self
            .commit_arrived()
            .or_else(|| self.data_untracked())
            .ok_or_else(|| self.not_ready())?;
        match fetched.failed {
            Some(e) => Err(e),
            None => Ok(next),
        }
    }

    /// Makes the data with the counties read and not yet in it, if any: the data now (whatever
    /// loaded meanwhile stays) with them added. Beyond [`KEEP_COUNTIES`] the least recently
    /// wanted are let go, never one asked for by the calls that read them.
    pub(super) fn commit_arrived(&self) -> Option<Arc<Data>> {
        let now = self.data_untracked()?;
        let mut fresh = self
            .arrived
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut asked = self
            .asked
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if fresh.is_empty() {
            return None;
        }
        sort::sort_by(&mut asked, Ord::cmp);
        asked.dedup();
        // Two calls may have fetched the same county.
        sort::sort_by(&mut fresh, |a, b| a.code.cmp(&b.code));
        fresh.dedup_by(|a, b| a.code == b.code);
        let mut all: Vec<Arc<County>> = now.loaded.clone();
        all.retain(|c| !fresh.iter().any(|f| f.code == c.code));
        all.extend(fresh);
        // A package of few counties keeps them all (they load at once when a page shows them);
        // on demand, those wanted least lately are evicted (`nearest::counties_to_keep`).
        if now.on_demand {
            let held: Vec<Code> = all.iter().map(|c| c.code.clone()).collect();
            let kept = counties_to_keep(&held, &asked, &self.recent.get_value(), KEEP_COUNTIES);
            all.retain(|c| kept.binary_search(&c.code).is_ok());
        }
        sort::sort_by(&mut all, |a, b| a.code.cmp(&b.code));
        // Those let go leave the list; one that failed stays, for Retry, and one still on its
        // way, wanted after those here (dropped from the list, it would be the first to go).
        let fetching = self.fetching.get_value();
        self.recent.update_value(|recent| {
            recent.retain(|c| {
                all.iter().any(|k| &k.code == c) || asked.contains(c) || fetching.contains(c)
            })
        });
        let next = Arc::new(Data::new(
            now.config.clone(),
            now.summary.clone(),
            all,
            self.next_generation(),
        ));
        self.state.try_set(LoadState::Ready(next.clone()));
        self.search_follows(&next);
        Some(next)
    }
}

/// What [`Store::fetch_counties`] found: the data already holds the counties, or some were
/// fetched (and read, unless they failed) and wait to join it ([`Store::settle`]).
pub(super) enum Fetch {
    Loaded(Arc<Data>),
    Fetched(Fetched),
}

pub(super) struct Fetched {
    /// The load attempt they were fetched for (a reload since makes them stale).
    attempt: u64,
    /// How many counties were fetched (counted in `pending` until they settle).
    fetched: usize,
    /// Whether any of the counties asked for is among those read and waiting.
    added: bool,
    /// The last county that failed to load.
    failed: Option<LoadError>,
}
