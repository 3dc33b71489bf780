//! On a video page: the lectures before and after it where it was opened
//! from (its playlist, else its series: `neighbours::in_context`, as the
//! player's countdown; named "part" when they are the neighbouring parts of
//! its topic), a notice when
//! the part before it is not in the catalogue, and the same lecture in the
//! course's other language.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Video;
use shelf_core::ids::PlaylistId;
use shelf_core::neighbours::{
    is_next_part, other_language_version, previous_part, Neighbours, PreviousPart,
};

use crate::context::use_catalogue;
use crate::i18n::fill;
use crate::i18n::t;
use crate::ui::player::next_up::video_path;
use crate::ui::sources::load_missing::{catalogue_is_partial, LoadMissing};
use crate::web::base::href;
use crate::web::location::with_query;

type Label = fn() -> &'static str;

#[component]
pub fn SeriesNav(
    video: &'static Video,
    neighbours: Memo<Neighbours<'static>>,
    /// The playlist being played, kept by the links.
    list: Option<PlaylistId>,
    /// The catalogue view the student came from (URL query), kept.
    from: String,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let (prev, next) = neighbours.with_untracked(|n| (n.previous, n.next.map(|n| n.video)));
    let other = other_language_version(catalogue, video);
    let missing = match previous_part(catalogue, video) {
        Some(PreviousPart::Missing { n }) => Some(n),
        _ => None,
    };
    if prev.is_none() && next.is_none() && other.is_none() && missing.is_none() {
        return None;
    }
    let prev_label = |prev: &Video| -> Label {
        if is_next_part(prev, video) {
            || t().prev_part
        } else {
            || t().prev_lecture
        }
    };
    let next_label = |next: &Video| -> Label {
        if is_next_part(video, next) {
            || t().next_part
        } else {
            || t().next_lecture
        }
    };
    let link = move |class: &'static str, label: Label, target: &'static Video| {
        // The other-language version is outside the playlist being played.
        let list = list.as_ref().filter(|_| class != "other");
        let to = with_query(href(&video_path(target.id.as_str(), list)), &from);
        view! {
            <A href=to attr:class=class attr:rel=(class != "other").then_some(class)>
                <span class="nav-label">{move || label()}</span>
                <span class="nav-title">{target.title.clone()}</span>
            </A>
        }
    };
    // Said rather than left out: without it a later part reads like a first one.
    // While the catalogue is partial the part is likely among the pages not
    // loaded: say so, with the load itself.
    let partial = catalogue_is_partial();
    let missing = missing.map(|n| {
        let n = n.to_string();
        if partial {
            view! {
                <p class="part-missing">
                    {move || fill(t().previous_part_not_loaded, &[("n", &n)])}
                    " "
                    <LoadMissing />
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="part-missing">
                    {move || fill(t().previous_part_missing, &[("n", &n)])}
                    " "
                    <A href=href("/sources")>{move || t().check_new_lectures}</A>
                </p>
            }
            .into_any()
        }
    });
    Some(view! {
        <nav class="series-nav" aria-label=move || t().series_nav_label>
            {missing}
            {
                let link = link.clone();
                move || {
                    // Follows progress: a playlist's next skips what gets watched.
                    let (prev, next) =
                        neighbours.with(|n| (n.previous, n.next.map(|n| n.video)));
                    (
                        prev.map(|v| link("prev", prev_label(v), v)),
                        next.map(|v| link("next", next_label(v), v)),
                    )
                }
            }
            {other.map(|v| link("other", || t().other_language_version, v))}
        </nav>
    })
}
