//! "98 of 448 lectures loaded (from the built-in pages)." with the one
//! action that loads the rest (or checks for new lectures), and the courses
//! held, one line each, in a disclosure (short on a phone): on the catalogue
//! page and the sources page.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Catalogue;
use shelf_core::locale::Locale;
use shelf_core::sources::{holdings, series_holdings, spans_of, Gap, Holdings as Held};

use crate::context::{use_loader, use_locale, use_shelf};
use crate::i18n::t;
use crate::i18n::{fill_count, LocaleText, Strings};
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

/// The holdings sentence, "98 of 448 lectures loaded (from the built-in
/// pages)."; `loaded` is how many pages were loaded on top of the built-in
/// ones. Also written into the prerendered first screen.
pub fn holdings_text(locale: Locale, h: &Held, loaded: usize) -> String {
    let s = locale.strings();
    let mut text = if h.is_partial() {
        fill(
            s.holdings_partial,
            &[
                ("n", &locale.format_count(h.videos)),
                ("total", &locale.format_count(h.total())),
            ],
        )
    } else {
        fill_count(locale, &s.holdings_all, h.videos, &[])
    };
    text += &if loaded == 0 {
        s.holdings_builtin.to_string()
    } else {
        fill_count(locale, &s.holdings_pages, loaded, &[])
    };
    text
}

/// One line per series held, "Machine Learning 2021 (English version): 9 of
/// 36 lectures (missing 1–26, 28)", or "…: 10 videos" for a series whose
/// titles carry no lecture numbers. Also prerendered.
pub fn course_lines(locale: Locale, catalogue: &Catalogue, h: &Held) -> Vec<String> {
    let s = locale.strings();
    series_holdings(catalogue, h)
        .iter()
        .filter_map(|held| {
            let name = locale.series_name(catalogue.series(&held.series)?);
            let c = &held.coverage;
            Some(match c.expected {
                Some(expected) => {
                    let mut line = fill(
                        s.course_lectures,
                        &[
                            ("name", name),
                            ("loaded", &c.loaded.to_string()),
                            ("expected", &expected.to_string()),
                        ],
                    );
                    if !c.missing_lectures.is_empty() {
                        let missing = spans(&spans_of(&c.missing_lectures));
                        line += &fill(s.course_lectures_missing, &[("missing", &missing)]);
                    }
                    line
                }
                None => {
                    let mut line =
                        fill_count(locale, &s.course_videos, held.videos, &[("name", name)]);
                    if held.gap() == Gap::MaybeEarlier {
                        line += s.course_maybe_earlier;
                    }
                    line
                }
            })
        })
        .collect()
}

/// The load action's words: "Check for new lectures" once nothing below the
/// highest number is missing (or the site was built holding everything).
pub fn load_label(s: &'static Strings, partial: bool, built_whole: bool) -> &'static str {
    if partial && !built_whole {
        s.load_full_catalogue
    } else {
        s.check_new_lectures
    }
}

#[component]
pub fn Holdings(#[prop(optional)] with_link: bool) -> impl IntoView {
    let shelf = use_shelf();
    let loader = use_loader();
    let built_whole = shelf.site_source().is_some();
    let held = Memo::new(move |_| shelf.with_catalogue(holdings));
    let text = move || {
        held.with(|h| {
            let loaded = shelf
                .record()
                .with(|r| r.as_ref().map_or(0, |r| r.pages().len()));
            holdings_text(use_locale(), h, loaded)
        })
    };
    let courses = move || {
        let locale = use_locale();
        held.with(|h| shelf.with_catalogue(|c| course_lines(locale, c, h)))
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let label = move || load_label(t(), held.with(Held::is_partial), built_whole);
    view! {
        <div class="holdings-box">
            <p class="holdings">
                <span class="holdings-text">{text}</span>
                " "
                <button
                    type="button"
                    class="button load-catalogue"
                    disabled=move || loader.busy()
                    on:click=move |_| loader.load_default()
                >
                    {label}
                </button>
                " "
                {with_link.then(|| view! {
                    <A href=href("/sources") attr:class="sources-link">{move || t().sources_link}</A>
                })}
            </p>
            <details class="holdings-courses">
                <summary>{move || t().holdings_by_course}</summary>
                <ul>{courses}</ul>
            </details>
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
