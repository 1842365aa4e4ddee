//! The search box: one box for counties, townships, villages and stations, in characters, pinyin
//! or pinyin initials, answered from the core's index in memory — no request per keystroke. It
//! follows the WAI-ARIA combobox pattern (an input with a listbox popup): arrow keys move through
//! the results, Enter opens the one chosen (the first if none is), Escape closes the list and then
//! clears the box. The text lives in the URL (`q=`), so a search can be shared.
//!
//! Choosing a station or a village opens its page; choosing an area shows it on the map.

use crate::i18n::{self, text};
use crate::near::NearMe;
use crate::store::{use_store, EngineState, SearchState};
use crate::url::{self, use_query_param, use_query_update};
use crate::{move_tr, tr};
use cundi_core::search::{self, Hit, HitKind};
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Results shown at once: a phone screen's worth.
const LIMIT: usize = 8;

#[component]
pub fn SearchBox(
    /// The input's id (the listbox and options take it as a prefix); unique on the page.
    #[prop(into)]
    id: String,
    /// Focus the box as soon as it is shown (the not-found page).
    #[prop(optional)]
    autofocus: bool,
    /// Find only these kinds (all when empty).
    #[prop(optional)]
    kinds: &'static [HitKind],
    /// A picker (the complaint form's station and village): choosing calls this instead of
    /// opening the place, and the text stays out of the URL.
    #[prop(optional, into)]
    on_pick: Option<Callback<Hit>>,
    /// The label, when not the site search's.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let store = use_store();
    let picker = on_pick.is_some();
    let q = use_query_param(url::QUERY);
    let update = use_query_update();
    let navigate = use_navigate();
    let input = NodeRef::<Input>::new();
    // The site's own box starts with what was typed in the frame index.html painted first, if
    // anything (crate::boot); else with the URL's text.
    let typed = RwSignal::new(if picker {
        String::new()
    } else {
        crate::boot::take_typed(&id)
            .or_else(|| q.get_untracked())
            .unwrap_or_default()
    });
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);

    // Back and Forward bring back the text that was searched.
    if !picker {
        Effect::new(move |before: Option<()>| {
            let q = q.get().unwrap_or_default();
            // Not on the first run: the box starts with the URL's text, or with the frame's.
            if before.is_some() && q != typed.get_untracked() {
                typed.set(q);
                open.set(false);
            }
        });
    }
    if autofocus {
        input.on_load(|el| {
            let _ = el.focus();
        });
    }

    let hits = Memo::new(move |_| typed.with(|t| store.search_kinds(t, LIMIT, kinds)));
    let listbox = format!("{id}-list");
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let expanded = move || open.get() && !hits.with(Vec::is_empty);

    // Choosing a place replaces "near me": its results would cover what was chosen.
    let near = use_context::<NearMe>();
    let choose = move |hit: &Hit| {
        open.set(false);
        active.set(None);
        if let Some(pick) = on_pick {
            typed.set(String::new());
            pick.run(hit.clone());
            return;
        }
        if let Some(near) = near {
            near.clear();
        }
        navigate(&url::hit_href(hit), NavigateOptions::default());
    };
    let choose_at = {
        let choose = choose.clone();
        move |i: usize| {
            if let Some(hit) = hits.with_untracked(|h| h.get(i).cloned()) {
                choose(&hit);
            }
        }
    };

    // Enter pressed before there is anything to choose (the search's code, the areas' pinyin, a
    // county's entries or a name shard still on their way): the text it was pressed on. The
    // first hit opens when the hits for that text come, unless the text changes (typing, Escape,
    // Back) or the box loses the focus first.
    let enter_waiting = RwSignal::new(None::<String>);
    {
        let choose_at = choose_at.clone();
        Effect::new(move |_| {
            let Some(waited) = enter_waiting.get() else {
                return;
            };
            if typed.with(|t| *t != waited) {
                enter_waiting.set(None);
            } else if !hits.with(Vec::is_empty) {
                enter_waiting.set(None);
                choose_at(0);
            }
        });
    }

    let on_input = {
        let update = update.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            store.retry_search();
            typed.set(value.clone());
            open.set(true);
            active.set(None);
            if !picker {
                update.set(&[(url::QUERY, Some(value))], false);
            }
        }
    };
    let on_keydown = {
        let choose_at = choose_at.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let n = hits.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" => {
                    ev.prevent_default();
                    if n == 0 {
                        return;
                    }
                    let down = ev.key() == "ArrowDown";
                    let next = match (open.get_untracked(), active.get_untracked()) {
                        (false, _) | (true, None) if down => 0,
                        (false, _) | (true, None) => n - 1,
                        (true, Some(i)) if down => (i + 1) % n,
                        (true, Some(i)) => (i + n - 1) % n,
                    };
                    open.set(true);
                    active.set(Some(next));
                }
                "Enter" if n > 0 && (open.get_untracked() || active.get_untracked().is_some()) => {
                    ev.prevent_default();
                    choose_at(active.get_untracked().unwrap_or(0));
                }
                "Enter" if n == 0 && typed.with_untracked(|t| !search::is_blank(t)) => {
                    ev.prevent_default();
                    enter_waiting.set(Some(typed.get_untracked()));
                }
                "Escape" => {
                    if open.get_untracked() && n > 0 {
                        open.set(false);
                        active.set(None);
                    } else {
                        typed.set(String::new());
                        if !picker {
                            update.set(&[(url::QUERY, None)], false);
                        }
                    }
                }
                _ => {}
            }
        }
    };

    let options = {
        let option_id = option_id.clone();
        move || {
            let data = store.data();
            hits.get()
                .into_iter()
                .enumerate()
                .map(|(i, hit)| {
                    let choose = choose.clone();
                    let kind = hit.kind;
                    let tier = (kind == HitKind::Station)
                        .then(|| data.as_ref()?.station(&hit.key).map(|s| s.tier))
                        .flatten();
                    let context = hit.context.join(" / ");
                    view! {
                        <li
                            role="option"
                            id=option_id(i)
                            class="hit"
                            data-kind=kind.as_str()
                            data-key=hit.key.clone()
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| choose(&hit)
                        >
                            <span class="hit-name">{hit.name.clone()}</span>
                            <span class="hit-meta">
                                {text(move || match tier {
                                    Some(t) => i18n::tier(t),
                                    None => i18n::hit_kind(kind),
                                })}
                                {(!context.is_empty()).then(|| format!(" · {context}"))}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let status = move || {
        let n = hits.with(Vec::len);
        if !open.get() || typed.with(|t| t.trim().is_empty()) {
            String::new()
        } else if n == 0 {
            match (store.engine_state(), store.search_state()) {
                (EngineState::Failed, _) => tr!("search-code-failed"),
                (EngineState::Absent | EngineState::Loading, _) => tr!("search-starting"),
                (_, SearchState::Loading) => tr!("search-loading"),
                (_, SearchState::Failed(e)) => {
                    tr!("search-pinyin-failed", { "file" => e.file })
                }
                _ => tr!("search-none"),
            }
        } else {
            tr!("search-count", { "n" => n })
        }
    };

    // The site search is "search"; a picker goes by its id.
    let testid = {
        let base = if picker {
            id.clone()
        } else {
            "search".to_string()
        };
        move |part: &str| match part {
            "" => base.clone(),
            _ => format!("{base}-{part}"),
        }
    };
    view! {
        <div class="search" role=(!picker).then_some("search")>
            <label for=id.clone() class:visually-hidden=!picker class:field-label=picker>
                {move || match label {
                    Some(l) => l.get(),
                    None => tr!("search-label"),
                }}
            </label>
            <input
                node_ref=input
                id=id.clone()
                class="search-input"
                data-testid=testid("")
                type="search"
                role="combobox"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-autocomplete="list"
                aria-controls=listbox.clone()
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id.clone())
                placeholder=move_tr!("search-placeholder")
                prop:value=move || typed.get()
                on:input=on_input
                on:keydown=on_keydown
                on:focus=move |_| {
                    open.set(true);
                    store.want_search();
                    store.retry_search();
                }
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                    enter_waiting.set(None);
                }
            />
            <ul
                id=listbox
                class="search-list"
                role="listbox"
                aria-label=move_tr!("search-results")
                data-testid=testid("results")
                hidden=move || !expanded()
            >
                {options}
            </ul>
            <p class="search-status" aria-live="polite" data-testid=testid("status")>
                {status}
            </p>
        </div>
    }
}
