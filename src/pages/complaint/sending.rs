//! How the complaint leaves the device: the ways the deployment offers for its place (Open311,
//! e-mail, a letter), the guidance on where to turn, and what the page shows once it has gone.
//! The citizen's choice among the ways is a field of the form (`fields`).

use crate::complaints::use_complaints;
use crate::i18n::lang;

use crate::components::open_state::today;
use crate::store::{use_store, Data};
use crate::url::letter_href;
use crate::{move_tr, tr};
use cundi_core::complaint::outbox::{Route, State};
use cundi_core::complaint::{self, Category, Context, Draft, Receiver, Service};
use cundi_core::{Authority, Code};
use leptos::prelude::*;

/// How the complaint leaves the device, as the citizen chooses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Open311,
    Email,
    Letter,
}

/// What the deployment offers for the complaint's place: an Open311 receiver (the county
/// authority's, else the site's) and the authority's e-mail address.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Ways {
    pub(super) authority: Option<Authority>,
    pub(super) open311: Option<Receiver>,
    pub(super) email: Option<String>,
    /// The receiver's services say it does not take the chosen category: Open311 is not
    /// offered for it, and the form says so.
    pub(super) not_taken: Option<Category>,
}

impl Ways {
    pub(super) fn of(data: &Data, draft: &Draft) -> Ways {
        let code = data
            .station(draft.station_id.trim())
            .map(|s| s.admin_code.clone())
            .or_else(|| Code::parse(draft.village_code.trim()).ok());
        let authority = code
            .and_then(|c| complaint::authority_for(data.dataset(), &c))
            .cloned();
        let open311 = authority
            .as_ref()
            .and_then(Receiver::of_authority)
            .or_else(|| data.config.open311().map(|o| o.receiver()))
            .filter(|r| !r.endpoint.trim().is_empty());
        let email = authority.as_ref().and_then(|a| a.email.clone());
        Ways {
            authority,
            open311,
            email,
            not_taken: None,
        }
    }

    /// The same ways once the receiver's services are known: a category it does not take goes
    /// by e-mail or letter.
    pub(super) fn for_services(
        mut self,
        category: Option<Category>,
        services: Option<&[Service]>,
    ) -> Ways {
        if let (Some(c), Some(services), Some(r)) = (category, services, &self.open311) {
            if r.service_for(c, services).is_none() {
                self.open311 = None;
                self.not_taken = Some(c);
            }
        }
        self
    }

    pub(super) fn offers(&self, way: Way) -> bool {
        match way {
            Way::Open311 => self.open311.is_some(),
            Way::Email => self.email.is_some(),
            Way::Letter => true,
        }
    }

    /// The best way offered: online when possible.
    pub(super) fn best(&self) -> Way {
        [Way::Open311, Way::Email, Way::Letter]
            .into_iter()
            .find(|w| self.offers(*w))
            .unwrap_or(Way::Letter)
    }
}

/// The guidance: the company first, then the postal administration, with the county's line.
#[component]
pub(super) fn Guidance(ways: Memo<Ways>) -> impl IntoView {
    view! {
        <details class="guidance" data-testid="complaint-guidance">
            <summary>{move_tr!("complaint-guidance-title")}</summary>
            <ol class="steps">
                {move || {
                    let ways = ways.get();
                    complaint::guidance(lang(), ways.authority.as_ref(), None)
                        .into_iter()
                        .map(|line| view! { <li>{line}</li> })
                        .collect_view()
                }}
            </ol>
            {move || {
                ways.get()
                    .authority
                    .map(|a| {
                        let lines = complaint::guidance::authority_contacts(&a, lang());
                        view! {
                            <p class="authority" data-testid="complaint-authority">
                                <strong>{a.name.clone()}</strong>
                                {lines.into_iter().map(|l| view! { <br /> {l} }).collect_view()}
                            </p>
                        }
                    })
            }}
        </details>
    }
}

/// After sending: where the complaint is (sent with its reference, or waiting to be retried),
/// the e-mail link, and the letter.
#[component]
pub(super) fn SentPanel(id: String, way: Way, on_new: Callback<()>) -> impl IntoView {
    let complaints = use_complaints();
    let store = use_store();
    let record = {
        let id = id.clone();
        Memo::new(move |_| complaints.outbox().with(|o| o.get(&id).cloned()))
    };
    let record = move || record.get();
    let status = move || {
        record().map(|r| match r.state {
            State::Delivered { .. } => {
                let reference = r
                    .reference()
                    .map_or_else(|| tr!("reference-none"), str::to_string);
                tr!("sent-delivered", { "reference" => reference })
            }
            State::Queued | State::Sending { .. } if r.attempts == 0 => tr!("sent-sending"),
            State::Queued | State::Sending { .. } => tr!("sent-queued"),
            State::Rejected {
                message, status, ..
            } => complaint::outbox::refusal_words(status, &message, lang()),
            State::Handed { .. } => tr!("sent-email-ready"),
        })
    };
    let mailto = {
        let id = id.clone();
        move || {
            let r = complaints.outbox().with(|o| o.get(&id).cloned())?;
            let Route::Email { to } = &r.route else {
                return None;
            };
            let data = store.data()?;
            let ctx = Context::new(today(), data.dataset());
            Some(complaint::mailto(&r.complaint, &ctx, to, lang()))
        }
    };
    let letter = letter_href(&id);
    view! {
        <section
            id="complaint-sent"
            class="sent-panel"
            tabindex="-1"
            role="status"
            data-testid="complaint-sent"
        >
            <h2>
                {move || match way {
                    Way::Email => tr!("sent-email-title"),
                    _ => tr!("sent-title"),
                }}
            </h2>
            <p data-testid="sent-status">{status}</p>
            {move || {
                record()
                    .and_then(|r| match r.state {
                        State::Delivered { notice, .. } => notice,
                        _ => None,
                    })
                    .map(|notice| {
                        view! {
                            <p class="service-notice" data-testid="service-notice">
                                {move || tr!("service-notice", { "notice" => notice.clone() })}
                            </p>
                        }
                    })
            }}
            {move || {
                mailto()
                    .map(|href| {
                        let id = id.clone();
                        view! {
                            <p>
                                <a
                                    class="button primary"
                                    href=href
                                    data-testid="mailto-link"
                                    on:click=move |_| complaints.handed(&id)
                                >
                                    {move_tr!("sent-open-email")}
                                </a>
                            </p>
                            <p class="muted">{move_tr!("sent-email-personal")}</p>
                        }
                    })
            }}
            <p class="actions">
                <a class="button" href=letter data-testid="sent-letter-link">
                    {move_tr!("sent-letter")}
                </a>
                <a class="button" href="/complaints">
                    {move_tr!("my-complaints-title")}
                </a>
                <button
                    type="button"
                    class="button"
                    data-testid="complaint-new"
                    on:click=move |_| on_new.run(())
                >
                    {move_tr!("complaint-new")}
                </button>
            </p>
        </section>
    }
}
