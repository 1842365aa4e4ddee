//! A name's pinyin beside it, for the reader of the English interface (issue 24, point 4): the
//! Chinese name stays the name (it is what the station's sign and the address say), and the
//! reading, *Fengcheng Zhen*, tells how to say it and how to find it on a map in Latin letters.
//! Nothing is shown, and nothing fetched, in Chinese. The readings are the store's
//! (`Store::readings`, made by `cundi_core::search::reading`).

use crate::i18n::lang;
use crate::store::Store;
use cundi_core::Lang;
use leptos::prelude::*;

/// The reading of the name `key` names (a division or village code, a station id), in English
/// only, once it is known.
#[component]
pub fn Reading(#[prop(into)] key: String) -> impl IntoView {
    // A view shown without the site's store (a component test) has no readings to show.
    let store = use_context::<Store>();
    move || {
        if lang() != Lang::En {
            return None;
        }
        let store = store?;
        let shown = store.readings().get(&key)?.shown.clone();
        Some(view! {
            <span class="reading" lang="zh-Latn-pinyin" data-testid="reading">{shown}</span>
        })
    }
}
