//! The interface language: Chinese (zh-CN) by default, English on request, remembered in
//! localStorage and mirrored on `<html lang>`. Strings live in `locales/*/*.ftl` (Fluent);
//! `build.rs` compiles them into one static a message, so the wasm (and each of its chunks)
//! carries the texts it uses and the small formatter of `cundi_messages` rather than a Fluent
//! runtime (docs/FIRST-VISIT.md, "The wasm's
//! size"); the core and the CLI keep their catalogues the same way. `tr!`
//! gives a message as a `String` in the current language, `move_tr!` as a `Signal` that follows
//! it; a message id that does not exist does not compile (`msg_id!`). Fixed vocabularies get
//! their labels here, by matching on the core enums.

use chrono::Weekday;
use cundi_core::package::FieldType;
use cundi_core::read::parse_bool;
use cundi_core::search::HitKind;
use cundi_core::share::Share;
use cundi_core::{
    CoopModel, DeliveryMode, Frequency, Lang, Level, Service, Severity, Status, Tier, VillageKind,
};
use leptos::prelude::*;

/// Where the chosen language is kept (the boot script reads it too, public/boot.js).
const STORAGE_KEY: &str = "cundi-lang";

pub use cundi_messages::Arg;

/// The site's catalogue, compiled by build.rs (`cundi_messages::build::compile`).
pub(crate) mod catalogue {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// A message in the current language, as a `String`: `tr!(id)` with `id` a literal, or with arguments
/// `tr!(id, { "name" => value, … })`. Reactive where it is read in a reactive context.
#[macro_export]
macro_rules! tr {
    ($id:tt $(,)?) => {
        $crate::i18n::message(msg_id!($id), &[])
    };
    ($id:tt, { $($name:literal => $value:expr),* $(,)? } $(,)?) => {
        $crate::i18n::message(
            msg_id!($id),
            &[$(($name, $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// A message as a `Signal<String>` that follows the language (and whatever its arguments read).
#[macro_export]
macro_rules! move_tr {
    ($($t:tt)*) => {
        $crate::i18n::text(move || $crate::tr!($($t)*))
    };
}

/// The language of the interface, shared by every view.
#[derive(Debug, Clone, Copy)]
struct Language(RwSignal<Lang>);

/// Provides the language to everything inside it: the one chosen before on this device, else
/// Chinese; kept on `<html lang>` and in localStorage as it changes.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    let storage = || window().local_storage().ok().flatten();
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let language = RwSignal::new(match stored.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    });
    provide_context(Language(language));
    Effect::new(move |before: Option<Lang>| {
        let lang = language.get();
        let id = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", id);
        }
        // Stored once chosen, not merely shown.
        if before.is_some_and(|b| b != lang) {
            if let Some(s) = storage() {
                let _ = s.set_item(STORAGE_KEY, id);
            }
        }
        lang
    });
    children()
}

/// The current language as the core knows it (for `Problem::describe` and the package notice).
/// Reactive: call it inside a closure in a view.
pub fn lang() -> Lang {
    use_context::<Language>().map_or(Lang::Zh, |l| l.0.get())
}

/// A piece of text that follows the current language. Views use it rather than a bare closure
/// so that every translated text shares one rendering path (a smaller wasm binary).
pub fn text(f: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(f)
}

/// Switches between the two languages.
pub fn toggle_language() {
    if let Some(Language(language)) = use_context::<Language>() {
        language.update(|l| {
            *l = match *l {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        });
    }
}

/// A message (from `msg_id!`) in the current language, with its arguments.
#[doc(hidden)]
pub fn message(m: &cundi_messages::Message, args: &[(&str, Arg)]) -> String {
    m.format(lang(), args)
}

/// What a column of a file means (`about-<file>-<column>` in locales/), if said.
pub fn about(file: &str, column: &str) -> Option<String> {
    catalogue::ABOUT
        .iter()
        .find(|(f, c, _)| *f == file && *c == column)
        .map(|(_, _, m)| message(m, &[]))
}

/// The label of a data column (`column-<name>` in locales/), or its name when it has none.
pub fn column(name: &str) -> String {
    catalogue::COLUMNS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| name.to_string(), |(_, m)| message(m, &[]))
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

/// The fee a recipient pays to collect a parcel: the published policy is none.
pub fn pickup_fee(fee: Option<f64>) -> String {
    match fee {
        Some(f) if f > 0.0 => tr!("pickup-fee-amount", { "fee" => f.to_string() }),
        Some(_) => tr!("pickup-fee-free"),
        None => tr!("value-unknown"),
    }
}

pub fn weekday(d: Weekday) -> String {
    match d {
        Weekday::Mon => tr!("weekday-mo"),
        Weekday::Tue => tr!("weekday-tu"),
        Weekday::Wed => tr!("weekday-we"),
        Weekday::Thu => tr!("weekday-th"),
        Weekday::Fri => tr!("weekday-fr"),
        Weekday::Sat => tr!("weekday-sa"),
        Weekday::Sun => tr!("weekday-su"),
    }
}

/// A run of days: "Mon", "Mon–Sat", or "every day" for the whole week.
pub fn day_range(from: Weekday, to: Weekday) -> String {
    if from == to {
        weekday(from)
    } else if from == Weekday::Mon && to == Weekday::Sun {
        tr!("days-every")
    } else {
        tr!("days-range", { "from" => weekday(from), "to" => weekday(to) })
    }
}

/// A set of weekdays (Monday first), runs of three or more written as ranges.
pub fn day_set(days: &[Weekday]) -> String {
    if days.is_empty() {
        return tr!("days-none");
    }
    let mut runs: Vec<(Weekday, Weekday)> = Vec::new();
    for &d in days {
        match runs.last_mut() {
            Some(run) if run.1.succ() == d && d != Weekday::Mon => run.1 = d,
            _ => runs.push((d, d)),
        }
    }
    let mut parts = Vec::new();
    for (from, to) in runs {
        let len = to.num_days_from_monday() - from.num_days_from_monday() + 1;
        if len >= 3 {
            parts.push(day_range(from, to));
        } else {
            let mut d = from;
            loop {
                parts.push(weekday(d));
                if d == to {
                    break;
                }
                d = d.succ();
            }
        }
    }
    parts.join(&tr!("list-separator"))
}

pub fn hit_kind(k: HitKind) -> String {
    match k {
        HitKind::Province => tr!("kind-province"),
        HitKind::City => tr!("kind-city"),
        HitKind::County => tr!("kind-county"),
        HitKind::Township => tr!("kind-township"),
        HitKind::Village => tr!("kind-village"),
        HitKind::Station => tr!("kind-station"),
    }
}

pub fn village_kind(k: Option<VillageKind>) -> String {
    match k {
        Some(VillageKind::Village) => tr!("village-kind-village"),
        Some(VillageKind::Community) => tr!("village-kind-community"),
        None => tr!("kind-village"),
    }
}

/// A distance: metres under 1 km, else km to one decimal.
pub fn km(km: f64) -> String {
    if km < 1.0 {
        tr!("distance-m", { "m" => ((km * 1000.0 / 10.0).round() * 10.0).to_string() })
    } else {
        tr!("distance-km", { "km" => format!("{km:.1}") })
    }
}

pub fn level(l: Level) -> String {
    match l {
        Level::Province => tr!("kind-province"),
        Level::City => tr!("kind-city"),
        Level::County => tr!("kind-county"),
        Level::Township => tr!("kind-township"),
        Level::Village => tr!("kind-village"),
    }
}

pub fn share(s: Share) -> String {
    match s {
        Share::VillagePoint => tr!("share-village-point"),
        Share::Served => tr!("share-served"),
        Share::Daily => tr!("share-daily"),
        Share::TownshipStation => tr!("share-township-station"),
        Share::StandardizedTownshipStation => tr!("share-standardized-township-station"),
        Share::LockerVillage => tr!("share-locker-village"),
        Share::LargeVillagePoint => tr!("share-large-village-point"),
    }
}

pub fn indicator(i: cundi_core::Indicator) -> String {
    use cundi_core::Indicator::*;
    match i {
        VillagePointCoveragePct => tr!("ind-village-point-coverage-pct"),
        LargeVillagePointCoveragePct => tr!("ind-large-village-point-coverage-pct"),
        DailyServicePct => tr!("ind-daily-service-pct"),
        TownshipStationCoveragePct => tr!("ind-township-station-coverage-pct"),
        TownshipStationCount => tr!("ind-township-station-count"),
        StandardizedTownshipStations => tr!("ind-standardized-township-stations"),
        StandardizedTownshipStationsPct => tr!("ind-standardized-township-stations-pct"),
        VillagePointCount => tr!("ind-village-point-count"),
        StandardizedVillagePoints => tr!("ind-standardized-village-points"),
        FiledVillagePoints => tr!("ind-filed-village-points"),
        LockerVillagePct => tr!("ind-locker-village-pct"),
        CountyCenterBuilt => tr!("ind-county-center-built"),
        DemoCountyCount => tr!("ind-demo-county-count"),
        DemoProjectCount => tr!("ind-demo-project-count"),
        DemoTownshipCenterCount => tr!("ind-demo-township-center-count"),
        DemoVillageStationCount => tr!("ind-demo-village-station-count"),
    }
}

/// A published cell (of a stations or villages table, `ty` its schema type) as the reader reads
/// it: a vocabulary word, yes or no, a list with the language's
/// separator; anything else as published. An unknown code is shown as it is.
pub fn cell(column: &str, ty: Option<FieldType>, raw: &str) -> String {
    if raw.is_empty() {
        return String::new();
    }
    let list = |word: &dyn Fn(&str) -> Option<String>| {
        raw.split(';')
            .map(|w| word(w).unwrap_or_else(|| w.to_string()))
            .collect::<Vec<_>>()
            .join(&tr!("list-separator"))
    };
    let words = match column {
        "tier" => Tier::parse(raw).map(tier),
        "status" => Status::parse(raw).map(status),
        "model" => CoopModel::parse(raw).map(model),
        "kind" => VillageKind::parse(raw).map(|k| village_kind(Some(k))),
        "delivery_mode" => DeliveryMode::parse(raw).map(delivery_mode),
        "services" => Some(list(&|w| Service::parse(w).map(service))),
        "brands" => Some(list(&|_| None)),
        _ => None,
    };
    words.unwrap_or_else(|| match ty {
        Some(FieldType::Boolean) => parse_bool(raw)
            .map(|b| yes_no(Some(b)))
            .unwrap_or_else(|| raw.to_string()),
        _ => raw.to_string(),
    })
}
