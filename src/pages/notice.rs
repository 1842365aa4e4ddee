//! `/station/:id/notice`: the station's notice, printed on A4 or A5 and put up on its wall
//! (docs/COMPLAINTS.md, "Station notice"). A resident standing in front of the counter reads what the
//! station publishes — its name, hours and brands, and above all whether collecting a parcel costs
//! anything — and where to complain, with a QR code that opens the station's page (whose complaint
//! link leads to the form). The sheet is drawn from the same data and the same wording as the
//! station page (`hours_text`, the core's `guidance`), so the wall never says something the site
//! does not.

use crate::components::station_details::hours_text;
use crate::i18n::{self, lang, text};
use crate::store::Data;
use crate::url::{self, href};
use crate::{move_tr, tr};
use cundi_core::complaint::{self, guidance::appeal_phone};
use cundi_core::{Station, Status};
use leptos::prelude::*;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};
use std::fmt::Write;
use std::sync::Arc;

#[component]
pub fn NoticePage() -> impl IntoView {
    crate::pages::station_route(|data, station| view! { <NoticeView data station /> })
}

#[component]
fn NoticeView(data: Arc<Data>, station: Station) -> impl IntoView {
    let a5 = RwSignal::new(false);
    // Absolute: a phone that scans the paper knows nothing of the site it came from.
    let origin = window().location().origin().unwrap_or_default();
    let path = format!("/station/{}", url::encode_segment(&station.id));
    let page_url = format!("{origin}{path}");
    let form_url = format!(
        "{origin}{}",
        href("/complaint", &[(url::STATION, Some(station.id.clone()))])
    );
    let authority = complaint::authority_for(data.dataset(), &station.admin_code).cloned();
    let phone = appeal_phone(authority.as_ref());
    let illustrative = data.summary.package.illustrative;
    let (tier, status, fee) = (station.tier, station.status, station.pickup_fee);
    let hours = station.hours.clone();
    let brands = station.brands.clone();
    let name = station.name.clone();
    crate::components::page_title(move || format!("{} · {}", name, tr!("notice-link")));
    view! {
        <div class="page notice-page">
            <div class="notice-tools">
                <p class="muted">{move_tr!("notice-intro")}</p>
                <button
                    type="button"
                    class="button primary"
                    data-testid="notice-print"
                    on:click=|_| {
                        let _ = window().print();
                    }
                >
                    {move_tr!("notice-print")}
                </button>
                <span class="notice-sizes" role="group" aria-label=move_tr!("notice-size-label")>
                    <button
                        type="button"
                        class="button"
                        data-testid="notice-size-a4"
                        aria-pressed=move || (!a5.get()).to_string()
                        on:click=move |_| a5.set(false)
                    >
                        "A4"
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="notice-size-a5"
                        aria-pressed=move || a5.get().to_string()
                        on:click=move |_| a5.set(true)
                    >
                        "A5"
                    </button>
                </span>
                <a href=path class="notice-back">
                    {move_tr!("notice-back")}
                </a>
            </div>

            <article
                class="notice-sheet"
                class:a5=move || a5.get()
                data-testid="notice"
                aria-labelledby="notice-name"
            >
                <div class="notice-main">
                    <p class="notice-kicker">
                        {text(move || i18n::tier(tier))}
                        {(status != Status::Operating)
                            .then(|| {
                                view! {
                                    " · "
                                    <strong>{text(move || i18n::status(status))}</strong>
                                }
                            })}
                    </p>
                    <h1 id="notice-name">{station.name.clone()}</h1>
                    {station.address.clone().map(|a| view! { <p class="notice-address">{a}</p> })}

                    // The rule first, in its own box; what the data records about this
                    // station's fee below it, never styled as the rule (issue 24, point 5).
                    <div class="notice-rule" data-testid="notice-rule">
                        <p class="notice-rule-head">{move_tr!("notice-rule-title")}</p>
                        <ul>
                            {move || {
                                complaint::guidance::rules(lang())
                                    .into_iter()
                                    .map(|line| view! { <li>{line}</li> })
                                    .collect_view()
                            }}
                        </ul>
                    </div>
                    <div
                        class=match fee {
                            Some(f) if f > 0.0 => "notice-fee notice-fee-charged",
                            Some(_) => "notice-fee",
                            None => "notice-fee notice-fee-unknown",
                        }
                        data-testid="notice-fee"
                    >
                        <p class="notice-fee-head">
                            {text(move || match fee {
                                Some(f) if f > 0.0 => {
                                    tr!("notice-fee-reported", { "fee" => f.to_string() })
                                }
                                Some(_) => tr!("notice-fee-free"),
                                None => tr!("notice-fee-unknown"),
                            })}
                        </p>
                        <p>
                            {text(move || match fee {
                                Some(f) if f > 0.0 => tr!("notice-fee-reported-note"),
                                _ => tr!("notice-fee-complain"),
                            })}
                        </p>
                    </div>

                    <dl class="notice-facts">
                        <dt>{move_tr!("column-hours")}</dt>
                        <dd>{text(move || hours_text(hours.as_deref()))}</dd>
                        <dt>{move_tr!("field-brands")}</dt>
                        <dd>
                            {text(move || {
                                if brands.is_empty() {
                                    tr!("value-unknown")
                                } else {
                                    brands.join(&tr!("list-separator"))
                                }
                            })}
                        </dd>
                        {station
                            .phone
                            .clone()
                            .map(|p| {
                                view! {
                                    <dt>{move_tr!("column-phone")}</dt>
                                    <dd>{p}</dd>
                                }
                            })}
                    </dl>
                </div>

                <section
                    class="notice-routes"
                    data-testid="notice-routes"
                    aria-labelledby="notice-routes-title"
                >
                    <h2 id="notice-routes-title">{move_tr!("notice-routes-title")}</h2>
                    {phone
                        .map(|p| {
                            view! {
                                <p class="notice-appeal">
                                    {move_tr!("notice-appeal-phone")} " "
                                    <strong>{p}</strong>
                                </p>
                            }
                        })}
                    <ol>
                        {move || {
                            // The rules stand in their own box above: not twice on one sheet.
                            let rules = complaint::guidance::rules(lang());
                            complaint::guidance(lang(), authority.as_ref(), None)
                                .into_iter()
                                .filter(|line| !rules.contains(line))
                                .map(|line| view! { <li>{line}</li> })
                                .collect_view()
                        }}
                    </ol>
                </section>
                <figure class="notice-qr-box">
                    <QrSvg url=page_url.clone() />
                    <figcaption>
                        <span>{move_tr!("notice-qr-caption")}</span>
                        <code data-testid="notice-url">{page_url}</code>
                        <span>{move_tr!("notice-form")}</span>
                        <code data-testid="notice-form-url">{form_url}</code>
                    </figcaption>
                </figure>
                {illustrative
                    .then(|| {
                        view! { <p class="notice-foot">{move_tr!("notice-illustrative")}</p> }
                    })}
            </article>
        </div>
    }
}

/// Modules of light margin around the code, as the QR specification asks for.
const QUIET: usize = 4;

/// The QR code of `url` (error correction M, which survives a scuffed or sun-bleached sheet) as
/// one inline SVG: a white square and one path of the dark modules. Drawn here rather than with
/// the crate's `svg` feature, which builds a string of markup the page would have to inject.
#[component]
fn QrSvg(url: String) -> impl IntoView {
    qr_path(&url).map(|(side, d)| {
        let view_box = format!("0 0 {side} {side}");
        view! {
            <svg
                class="notice-qr"
                data-testid="notice-qr"
                viewBox=view_box
                role="img"
                aria-label=move_tr!("notice-qr-label", { "url" => url.clone() })
                shape-rendering="crispEdges"
            >
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path d=d fill="#000"></path>
            </svg>
        }
    })
}

/// The dark modules of `text`'s QR code as an SVG path, one rectangle per run of dark modules in
/// a row, with the side of the square quiet zone included; `None` if the text does not fit.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    // Byte mode at the smallest version that holds it: a URL is bytes anyway, and the crate's
    // segment optimiser (numeric, alphanumeric, kanji runs) would only add code to the wasm.
    let bits = (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        let fits = bits.push_byte_data(text.as_bytes()).is_ok()
            && bits.push_terminator(EcLevel::M).is_ok();
        fits.then_some(bits)
    })?;
    let code = QrCode::with_bits(bits, EcLevel::M).ok()?;
    let width = code.width();
    let dark = code.into_colors();
    let mut d = String::new();
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            if x > start {
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                );
            }
            x += 1;
        }
    }
    Some((width + 2 * QUIET, d))
}
