//! "Holds 98 lectures (numbers 351–448); numbers 1–350 are not loaded."
//! with the one action that loads the rest, on the catalogue page and the
//! sources page.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::locale::Locale;
use shelf_core::sources::{holdings, Holdings as Held};

use crate::context::{use_loader, use_locale, use_shelf};
use crate::i18n::t;
use crate::i18n::{fill_count, LocaleText};
use crate::shelf::Restored;
use crate::ui::sources::job_status::JobStatus;
use crate::ui::study::util::fill;
use crate::web::base::href;

/// `[(1, 3), (5, 5)]` → `1–3, 5`.
pub fn spans(spans: &[(u32, u32)]) -> String {
    spans
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The holdings sentence; `loaded` is how many pages were loaded on top of
/// the built-in ones. Also written into the prerendered first screen.
pub fn holdings_text(locale: Locale, h: &Held, loaded: usize) -> String {
    let s = locale.strings();
    let mut text = fill_count(locale, &s.holdings_count, h.videos, &[]);
    text += &fill(s.holdings_numbers, &[("held", &spans(&h.held))]);
    text += &if loaded == 0 {
        s.holdings_builtin.to_string()
    } else {
        fill_count(locale, &s.holdings_pages, loaded, &[])
    };
    text += &if h.missing.is_empty() {
        s.holdings_complete.to_string()
    } else {
        fill(s.holdings_missing, &[("missing", &spans(&h.missing))])
    };
    text
}

#[component]
pub fn Holdings(#[prop(optional)] with_link: bool) -> impl IntoView {
    let shelf = use_shelf();
    let loader = use_loader();
    let held = Memo::new(move |_| shelf.with_catalogue(holdings));
    let text = move || {
        held.with(|h| {
            let loaded = shelf
                .record()
                .with(|r| r.as_ref().map_or(0, |r| r.pages().len()));
            holdings_text(use_locale(), h, loaded)
        })
    };
    let incomplete = move || held.with(|h| !h.missing.is_empty());
    view! {
        <div class="holdings-box">
            <p class="holdings">
                <span class="holdings-text">{text}</span>
                " "
                <Show when=incomplete>
                    <button
                        type="button"
                        class="button load-catalogue"
                        disabled=move || loader.busy()
                        on:click=move |_| loader.load_default()
                    >
                        {move || t().load_full_catalogue}
                    </button>
                </Show>
                " "
                {with_link.then(|| view! {
                    <A href=href("/sources") attr:class="sources-link">{move || t().sources_link}</A>
                })}
            </p>
            {move || match shelf.restored.get() {
                Restored::Unreadable(reason) => Some(view! {
                    <p class="catalogue-unreadable" role="alert">
                        {move || fill(t().restored_unreadable, &[("reason", &reason)])}
                    </p>
                }),
                _ => None,
            }}
            <JobStatus />
        </div>
    }
}
