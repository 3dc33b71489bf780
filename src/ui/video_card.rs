//! One row of the catalogue: selection box, linked thumbnail and title (with
//! search highlights and a summary snippet), and the watch-state control.
//!
//! A row is made for one language (`locale`): the list makes its rows again
//! when the language changes, so the words in a row are plain text, not
//! bindings, and a row costs little to create as results change under
//! typing. Only what a search or the student changes is bound: highlights,
//! snippet, selection, the link's search and the watch state.

use shelf_core::locale::Locale;
use std::collections::BTreeSet;
use std::ops::Range;

use leptos::prelude::*;
use shelf_core::catalogue::{Video, VideoId};
use shelf_core::search::Snippet;

use crate::context::use_catalogue;
use crate::i18n::{fill, LocaleText};
use crate::ui::search::highlight::highlighted;
use crate::ui::study::time_left::LengthBadge;
use crate::ui::study::watch_toggle::WatchToggle;
use crate::ui::thumbnail::RowThumbnail;
use crate::ui::video_meta::When;
use crate::web::base::href;
use crate::web::location::with_query;
use crate::web::target::Target;

#[component]
pub fn VideoCard(
    video: &'static Video,
    /// The language the row is written in.
    locale: Locale,
    /// What the current search matched in the title.
    highlights: Signal<Vec<Range<usize>>>,
    /// Where the current search matched in the summary.
    snippet: Signal<Option<Snippet>>,
    /// The catalogue view (URL query) the video page links back to.
    from: Memo<String>,
    /// Toggled by the list's one change handler (see [`is_selection_box`]).
    selected: RwSignal<BTreeSet<VideoId>>,
) -> impl IntoView {
    let series = use_catalogue().series(&video.series);
    let words = locale.strings();
    let id = video.id.as_str();
    let is_selected = move || selected.with(|s| s.contains(id));
    view! {
        <li class="video-card" data-video-id=id class:selected=is_selected>
            <input
                type="checkbox"
                class="select-video"
                aria-label=fill(words.select_video, &[("title", &video.title)])
                prop:checked=is_selected
            />
            // A plain link: the router still handles the click, and rows skip the
            // per-link location tracking that `<A>` does (aria-current).
            <a href=move || from.with(|from| with_query(href(&format!("/video/{id}")), from)) class="video-link">
                <RowThumbnail src=video.thumbnail_url() />
                <div class="video-text">
                    <span class="video-title">{move || highlights.with(|h| highlighted(&video.title, h))}</span>
                    {move || {
                        snippet.with(|s| {
                            s.as_ref().map(|s| view! { <span class="snippet">"…" {highlighted(&s.text, &s.highlights)} "…"</span> })
                        })
                    }}
                    <span class="video-meta">
                        <span class="number">"#" {video.number}</span>
                        <When video locale />
                        <LengthBadge video=video.id.as_str() />
                        {series.map(|s| view! { <span class="series">{locale.series_name(s).to_string()}</span> })}
                        {video.summary.is_some().then(|| view! { <span class="badge">{words.has_summary}</span> })}
                    </span>
                </div>
            </a>
            <WatchToggle video delegated=true locale />
        </li>
    }
}

/// Whether `target` is a row's selection box (the list's one change
/// handler toggles the row's video in `selected`).
pub fn is_selection_box(target: &Target) -> bool {
    target.has_class("select-video")
}
