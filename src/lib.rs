//! The 村递 Cundi site: UI only. `App` sets up the language, the data store and the routes, and
//! draws the page frame — header, navigation, language switch, and the notice that the data is
//! illustrative when the package says so. Everything about the data itself lives in `cundi-core`.

pub mod complaints;
pub mod components;
pub mod download;
pub mod i18n;
pub mod map;
pub mod near;
pub mod offline;
pub mod pages;
pub mod store;
pub mod url;

use crate::components::{Missing, NotFoundView};
use crate::i18n::I18nProvider;
use crate::pages::chunks::{self, deferred};
use crate::pages::MapPage;
use crate::store::{provide_store, use_store, CONFIG_FILE};
use cundi_core::Lang;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nProvider>
            <Site />
        </I18nProvider>
    }
}

#[component]
fn Site() -> impl IntoView {
    let store = provide_store(CONFIG_FILE);
    store.set_search_loader(chunks::load_search_engine);
    // The service worker keeps the shell once the first data has arrived and the page is drawn,
    // so its downloads never compete with the first load.
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let ready = store.data().is_some();
        if ready {
            request_animation_frame(offline::register);
        }
        ready
    });
    near::provide_near_me();
    complaints::provide_complaints();
    view! {
        <Router>
            <SiteHeader />
            <OfflineNotice />
            <DataNotice />
            <main id="main" class="main">
                <Routes fallback=|| view! { <NotFoundView what=Missing::Page /> }>
                    <Route path=path!("/") view=MapPage />
                    <Route path=path!("/station/:id") view=|| deferred(chunks::station_page) />
                    <Route path=path!("/station/:id/notice") view=|| deferred(chunks::notice_page) />
                    <Route path=path!("/village/:code") view=|| deferred(chunks::village_page) />
                    <Route path=path!("/complaint") view=|| deferred(chunks::complaint_page) />
                    <Route path=path!("/complaint/letter/:id") view=|| deferred(chunks::letter_page) />
                    <Route path=path!("/complaints") view=|| deferred(chunks::my_complaints_page) />
                    <Route path=path!("/quality") view=|| deferred(chunks::quality_page) />
                    <Route path=path!("/areas") view=|| deferred(chunks::areas_page) />
                    <Route path=path!("/area/:code") view=|| deferred(chunks::area_page) />
                    <Route path=path!("/data") view=|| deferred(chunks::provenance_page) />
                    <Route path=path!("/targets") view=|| deferred(chunks::targets_page) />
                    <Route path=path!("/changes") view=|| deferred(chunks::changes_page) />
                    <Route path=path!("/tables/:kind") view=|| deferred(chunks::table_page) />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-zh" lang="zh-CN">
                    {move_tr!("app-title")}
                </span>
                <span class="brand-latin" lang="en">
                    {move_tr!("app-title-latin")}
                </span>
                <span class="brand-tagline">{move_tr!("app-tagline")}</span>
            </a>
            <nav class="site-nav" aria-label=move_tr!("nav-label")>
                <A href="/">{move_tr!("nav-map")}</A>
                <A href="/complaint">
                    {move_tr!("nav-complaint")}
                    <PendingBadge />
                </A>
                <A href="/areas">{move_tr!("nav-areas")}</A>
                <A href="/data">{move_tr!("nav-data")}</A>
            </nav>
            <LanguageSwitch />
        </header>
    }
}

/// A button that names the other language in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    view! {
        <button
            type="button"
            class="button lang-switch"
            data-testid="lang-switch"
            lang=move || match i18n::lang() {
                Lang::Zh => "en",
                Lang::En => "zh-CN",
            }
            aria-label=move_tr!("lang-switch-label")
            on:click=move |_| i18n::toggle_language()
        >
            {move_tr!("lang-switch")}
        </button>
    }
}

/// The package's own notice, always visible, when its data is illustrative. Long notices show two
/// lines until expanded, so that on a phone the map keeps the screen.
#[component]
fn DataNotice() -> impl IntoView {
    let store = use_store();
    let expanded = RwSignal::new(false);
    move || {
        let data = store.data()?;
        let package = &data.summary.package;
        if !package.illustrative {
            return None;
        }
        let notice = package.notice.clone();
        Some(view! {
            <aside
                class="notice"
                class:expanded=move || expanded.get()
                data-testid="illustrative-notice"
                aria-label=move_tr!("notice-label")
            >
                <p class="notice-text" id="notice-text">
                    {i18n::text(move || match (&notice, i18n::lang()) {
                        (Some(n), Lang::Zh) => n.zh.clone(),
                        (Some(n), Lang::En) => n.en.clone(),
                        (None, _) => tr!("notice-illustrative"),
                    })}
                </p>
                <button
                    type="button"
                    class="button"
                    aria-controls="notice-text"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {i18n::text(move || if expanded.get() { tr!("notice-less") } else { tr!("notice-more") })}
                </button>
            </aside>
        })
    }
}

/// With no network, says so: what is shown is the data this device kept (service worker), of the
/// version named, and a complaint waits on the device until the network is back.
#[component]
fn OfflineNotice() -> impl IntoView {
    let store = use_store();
    let online = RwSignal::new(web_sys::window().is_none_or(|w| w.navigator().on_line()));
    let on_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
    });
    move || {
        if online.get() {
            return None;
        }
        let version = store
            .data()
            .map(|d| d.summary.package.version.clone())
            .unwrap_or_default();
        Some(view! {
            <p class="notice offline-notice" role="status" data-testid="offline-notice">
                {move_tr!("offline-notice", { "version" => version.clone() })}
            </p>
        })
    }
}

/// How many complaints wait to be sent, next to "My complaints" — so that a citizen who closed
/// the page offline sees on the next visit that something is still on its way.
#[component]
pub fn PendingBadge() -> impl IntoView {
    let complaints = complaints::use_complaints();
    let pending = move || complaints.outbox().with(|o| o.pending());
    move || {
        let n = pending();
        (n > 0).then(|| {
            view! {
                <span class="badge pending" data-testid="pending-badge" aria-label=move_tr!("pending-label", { "n" => n })>
                    {n}
                </span>
            }
        })
    }
}
