//! The interface language: Chinese (zh-CN) by default, English on request, remembered in
//! localStorage and mirrored on `<html lang>`. Strings live in `locales/*/main.ftl`; leptos-fluent
//! checks at compile time that every key used here and in the views exists in both languages.
//! Fixed vocabularies get their labels here, by matching on the core enums.

use cundi_core::{CoopModel, DeliveryMode, Frequency, Lang, Service, Severity, Status, Tier};
use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, tr, I18n};

/// Provides the language context to everything inside it.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "zh-CN",
        check_translations: "./src/**/*.rs",
        sync_html_tag_lang: true,
        local_storage_key: "cundi-lang",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        // Unicode isolation marks around arguments would end up in copied text and test matches.
        customise: |bundle| bundle.set_use_isolating(false),
    }
}

/// The current language as the core knows it (for `Problem::describe` and the package notice).
/// Reactive: call it inside a closure in a view.
pub fn lang() -> Lang {
    match expect_context::<I18n>().language.get().id {
        "en" => Lang::En,
        _ => Lang::Zh,
    }
}

/// A piece of text that follows the current language. Views use it rather than a bare closure
/// so that every translated text shares one rendering path (a smaller wasm binary).
pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// Switches between the two languages.
pub fn toggle_language() {
    let i18n = expect_context::<I18n>();
    let current = i18n.language.get_untracked();
    if let Some(other) = i18n.languages.iter().find(|l| l.id != current.id) {
        i18n.language.set(other);
    }
}

pub fn tier(t: Tier) -> String {
    match t {
        Tier::CountyCenter => tr!("tier-county-center"),
        Tier::TownshipStation => tr!("tier-township-station"),
        Tier::VillagePoint => tr!("tier-village-point"),
    }
}

pub fn status(s: Status) -> String {
    match s {
        Status::Operating => tr!("status-operating"),
        Status::Suspended => tr!("status-suspended"),
        Status::Closed => tr!("status-closed"),
        Status::Planned => tr!("status-planned"),
    }
}

pub fn model(m: CoopModel) -> String {
    match m {
        CoopModel::Direct => tr!("model-direct"),
        CoopModel::PostExpress => tr!("model-post-express"),
        CoopModel::ExpressPool => tr!("model-express-pool"),
        CoopModel::ExpressCommerce => tr!("model-express-commerce"),
        CoopModel::TransportExpress => tr!("model-transport-express"),
        CoopModel::Other => tr!("model-other"),
    }
}

pub fn service(s: Service) -> String {
    match s {
        Service::Delivery => tr!("service-delivery"),
        Service::Sending => tr!("service-sending"),
        Service::PickupProduce => tr!("service-pickup-produce"),
        Service::ColdChain => tr!("service-cold-chain"),
        Service::Locker => tr!("service-locker"),
        Service::Ecommerce => tr!("service-ecommerce"),
        Service::Agency => tr!("service-agency"),
    }
}

pub fn delivery_mode(m: DeliveryMode) -> String {
    match m {
        DeliveryMode::ToDoor => tr!("mode-to-door"),
        DeliveryMode::ToPoint => tr!("mode-to-point"),
        DeliveryMode::Locker => tr!("mode-locker"),
    }
}

pub fn frequency(f: Frequency) -> String {
    match f {
        Frequency::Daily => tr!("freq-daily"),
        Frequency::BelowDaily => tr!("freq-below-daily"),
        Frequency::Unserved => tr!("freq-unserved"),
        Frequency::Unknown => tr!("freq-unknown"),
    }
}

pub fn frequency_description(f: Frequency) -> String {
    match f {
        Frequency::Daily => tr!("freq-daily-desc"),
        Frequency::BelowDaily => tr!("freq-below-daily-desc"),
        Frequency::Unserved => tr!("freq-unserved-desc"),
        Frequency::Unknown => tr!("freq-unknown-desc"),
    }
}

pub fn severity(s: Severity) -> String {
    match s {
        Severity::Error => tr!("severity-error"),
        Severity::Warning => tr!("severity-warning"),
    }
}

pub fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => tr!("value-yes"),
        Some(false) => tr!("value-no"),
        None => tr!("value-unknown"),
    }
}
