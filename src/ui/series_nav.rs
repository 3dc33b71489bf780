//! On a video page: the lectures before and after it in its series, and the
//! same lecture in the course's other language.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Video;
use shelf_core::neighbours::{other_language_version, series_neighbours};

use crate::i18n::t;
use crate::shelf::use_catalogue;
use crate::web::base::href;
use crate::web::location::with_query;

#[component]
pub fn SeriesNav(
    video: &'static Video,
    /// The catalogue view the student came from (URL query), kept.
    from: String,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let (prev, next) = series_neighbours(catalogue, video);
    let other = other_language_version(catalogue, video);
    if prev.is_none() && next.is_none() && other.is_none() {
        return None;
    }
    let link = |class: &'static str, label: fn() -> &'static str, target: &'static Video| {
        view! {
            <A href=with_query(href(&format!("/video/{}", target.id)), &from) attr:class=class attr:rel=(class != "other").then_some(class)>
                <span class="nav-label">{move || label()}</span>
                <span class="nav-title">{target.title.clone()}</span>
            </A>
        }
    };
    Some(view! {
        <nav class="series-nav" aria-label=move || t().series_nav_label>
            {prev.map(|v| link("prev", || t().prev_lecture, v))}
            {next.map(|v| link("next", || t().next_lecture, v))}
            {other.map(|v| link("other", || t().other_language_version, v))}
        </nav>
    })
}
