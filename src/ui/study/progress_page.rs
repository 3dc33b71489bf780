//! `/progress`: how far along the whole catalogue is, then what the student
//! is studying — started courses and playlists, the most recently studied
//! first, each with its next lecture (finished ones last) — and, compactly,
//! the courses and playlists not started yet. The order is the core's
//! (`study::progress_overview`).

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Video;
use shelf_core::ids::{PlaylistId, VideoId};
use shelf_core::study::{
    overall_tally, progress_overview, resume_url, Standing, TrackId, TrackProgress,
};

use crate::context::{use_catalogue, use_locale, use_study};
use crate::i18n::{plural, t, LocaleText};
use crate::ui::page_title::PageTitle;
use crate::ui::player::next_up::video_path;
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label};
use crate::ui::study::coverage_note::CoverageNote;
use crate::ui::study::tally_bar::TallyBar;
use crate::ui::study::util::fill;
use crate::web::base::href;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let progress = study.progress();
    let overall = Memo::new(move |_| progress.with(|p| overall_tally(catalogue, p)));
    let overview = Memo::new(move |_| study.with(|s| progress_overview(catalogue, s)));
    let ids = move |started: bool| {
        overview.with(|tracks| {
            tracks
                .iter()
                .filter(|t| (t.standing != Standing::NotStarted) == started)
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let started = Memo::new(move |_| ids(true));
    let not_started = Memo::new(move |_| ids(false));
    view! {
        <PageTitle name=move || Some(t().progress_heading.to_string()) />
        <section class="page progress-page" aria-labelledby="progress-heading">
            <h1 id="progress-heading">{move || t().progress_heading}</h1>
            <div class="overall-progress">
                <h2 id="overall-heading">{move || t().progress_overall}</h2>
                <TallyBar tally=overall label=Signal::derive(move || t().progress_overall.to_string()) />
            </div>
            <h2 id="started-heading">{move || t().progress_started}</h2>
            <Show
                when=move || started.with(|s| !s.is_empty())
                fallback=move || view! { <p class="hint nothing-started">{move || t().progress_nothing_started}</p> }
            >
                <ol class="series-progress started-tracks" role="list" aria-labelledby="started-heading">
                    <For
                        each=move || started.get()
                        key=|id| id.clone()
                        children=move |id| view! { <TrackRow id overview /> }
                    />
                </ol>
            </Show>
            <Show when=move || not_started.with(|s| !s.is_empty())>
                <h2 id="not-started-heading">{move || t().progress_not_started}</h2>
                <ul class="series-progress not-started-tracks" role="list" aria-labelledby="not-started-heading">
                    <For
                        each=move || not_started.get()
                        key=|id| id.clone()
                        children=move |id| view! { <TrackRow id overview /> }
                    />
                </ul>
            </Show>
        </section>
    }
}

/// One course or playlist: full (tally bar, next lecture) when started,
/// compact (size, where to start) when not.
#[component]
fn TrackRow(id: TrackId, overview: Memo<Vec<TrackProgress>>) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    // A course, or a playlist (fixed for the row's life: rows are keyed by it).
    let (series, list_id) = match &id {
        TrackId::Series(series) => match catalogue.series(series) {
            Some(series) => (Some(series), None),
            None => return ().into_any(),
        },
        TrackId::Playlist(list) => (None, Some(list.clone())),
    };
    let track = Memo::new({
        let id = id.clone();
        move |_| overview.with(|tracks| tracks.iter().find(|t| t.id == id).cloned())
    });
    // Memos: a row re-renders its body only when its standing changes.
    let standing =
        Memo::new(move |_| track.with(|t| t.as_ref().map_or(Standing::NotStarted, |t| t.standing)));
    let tally =
        Signal::derive(move || track.with(|t| t.as_ref().map(|t| t.tally).unwrap_or_default()));
    let next = Memo::new(move |_| track.with(|t| t.as_ref().and_then(|t| t.next.clone())));
    let name = Signal::derive({
        let list_id = list_id.clone();
        move || match (series, &list_id) {
            (Some(series), _) => use_locale().series_name(series).to_string(),
            (None, Some(list)) => study
                .with(|s| s.playlist(list.as_str()).map(|p| p.name().to_string()))
                .unwrap_or_default(),
            (None, None) => String::new(),
        }
    });
    let heading = match &list_id {
        None => view! { <h3 class="series-name">{name}</h3> }.into_any(),
        Some(list) => view! {
            <h3 class="series-name">
                <A href=href(&format!("/playlists/{list}"))>{name}</A>
                " "
                <span class="badge">{move || t().playlist_badge}</span>
            </h3>
        }
        .into_any(),
    };
    // A course as a read-only playlist; a playlist's name links it already.
    let list_link = move || {
        series.map(|series| {
            view! {
                <A href=href(&format!("/series/{}", series.id)) attr:class="series-playlist-link">
                    {move || t().series_as_playlist}
                </A>
            }
        })
    };
    let next_link = {
        let list_id = list_id.clone();
        move |template: fn() -> &'static str| {
            let list = list_id.clone();
            move || {
                next.get()
                    .map(|video| view! { <NextLink video list=list.clone() template /> })
            }
        }
    };
    let on_youtube = move || {
        next.get().map(|video| {
            let resume = study.with_untracked(|s| resume_url(s.progress(), &video));
            let title = video_title(catalogue.video(&video), &video);
            view! {
                <a
                    class="button"
                    href=resume
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label=move || fill(t().play_on_youtube_label, &[("title", &title)])
                >
                    {move || t().continue_on_youtube}
                </a>
            }
        })
    };
    let body = move || {
        match standing.get() {
        Standing::NotStarted => view! {
            <p class="series-actions">
                <span class="track-size">
                    {move || plural(&t().entry_count, tally.get().total, &[])}
                </span>
                {next_link(|| t().progress_start)}
                {list_link()}
            </p>
        }
        .into_any(),
        Standing::Started => view! {
            <TallyBar tally label=name />
            <p class="series-actions">
                {next_link(|| t().continue_series)}
                {on_youtube}
                {list_link()}
            </p>
        }
        .into_any(),
        Standing::Finished => view! {
            <TallyBar tally label=name />
            <p class="series-actions">
                <span class="done">
                    {move || if series.is_some() { t().series_done } else { t().playlist_all_watched }}
                </span>
                {list_link()}
            </p>
        }
        .into_any(),
    }
    };
    view! {
        <li
            class="series-row track-row"
            class:compact=move || standing.get() == Standing::NotStarted
            class:finished=move || standing.get() == Standing::Finished
            data-series=series.map(|s| s.id.clone())
            data-playlist=list_id.map(|l| l.to_string())
        >
            {heading}
            {body}
            {series.map(|s| view! { <CoverageNote series_id=s.id.clone() /> })}
        </li>
    }
    .into_any()
}

/// "Continue: …" or "Start with: …": the video in the app's player, which
/// starts at its saved place; in a playlist, "next" then follows the list.
#[component]
fn NextLink(
    video: VideoId,
    list: Option<PlaylistId>,
    template: fn() -> &'static str,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let title = video_title(catalogue.video(&video), &video);
    let url = href(&video_path(video.as_str(), list.as_ref()));
    view! {
        <A href=url attr:class="continue-link">
            {move || fill(template(), &[("title", &title)])}
        </A>
    }
}

fn video_title(video: Option<&Video>, id: &VideoId) -> String {
    match video {
        Some(video) => video.title.clone(),
        None => format!("{} ({id})", unknown_video_label(catalogue_is_partial())),
    }
}
