//! `/playlists/:id`: one of the student's playlists, in order, to reorder
//! and clean up. `/series/:id`: a whole series in lecture order, read-only,
//! with "save a copy". (Old `/playlists/series:<id>` links still open it.)

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use shelf_core::study::playlist::MAX_VIDEOS;
use shelf_core::study::{series_playlist, Playlist};

use crate::context::{use_catalogue, use_locale, use_study};
use crate::i18n::{plural, t, LocaleText};
use crate::ui::not_found::Missing;
use crate::ui::page_title::PageTitle;
use crate::ui::study::announcement::Announcement;
use crate::ui::study::coverage_note::CoverageNote;
use crate::ui::study::next_unwatched::NextUnwatched;
use crate::ui::study::notes_export::NotesExport;
use crate::ui::study::playlist_entries::PlaylistEntries;
use crate::ui::study::playlist_tools::PlaylistTools;
use crate::ui::study::range_picker::RangePicker;
use crate::ui::study::tally_bar::TallyBar;
use crate::ui::study::time_left::{DuePanel, TimeLeftLine};
use crate::ui::study::util::{catalogue_lang, new_playlist_id};
use crate::web::base::href;

/// How earlier builds linked a series' playlist.
const OLD_SERIES_PREFIX: &str = "series:";

#[component]
pub fn PlaylistPage() -> impl IntoView {
    let params = use_params_map();
    let study = use_study();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(series) = id.get().strip_prefix(OLD_SERIES_PREFIX) {
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&href(&format!("/series/{series}")), options);
        }
    });
    let playlist = Memo::new(move |_| study.with(|s| s.playlist(&id.get()).cloned()));
    playlist_screen(playlist, None)
}

#[component]
pub fn SeriesPage() -> impl IntoView {
    let params = use_params_map();
    let catalogue = use_catalogue();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let playlist = Memo::new(move |_| series_playlist(catalogue, &id.get(), catalogue_lang()));
    playlist_screen(playlist, Some(id))
}

/// The page for a list, or "not found" while there is none. A series'
/// list (`series` given) is read-only, with a range picker and coverage.
fn playlist_screen(
    playlist: Memo<Option<Playlist>>,
    series: Option<Memo<String>>,
) -> impl IntoView {
    let title = move || {
        let name = playlist.with(|p| p.as_ref().map(|p| p.name().to_string()));
        Some(name.unwrap_or_else(|| t().playlist_not_found.to_string()))
    };
    // Rebuilt only when a list appears or goes, not on every edit (the view
    // keeps its status messages and focus across edits).
    let shown = Memo::new(move |_| playlist.with(Option::is_some));
    let page = move || match shown.get() {
        false => {
            view! { <Missing title=|s| s.playlist_not_found body=|s| s.playlist_not_found_body /> }
                .into_any()
        }
        true => view! { <PlaylistView playlist series /> }.into_any(),
    };
    view! {
        <PageTitle name=title />
        {page}
    }
}

#[component]
fn PlaylistView(playlist: Memo<Option<Playlist>>, series: Option<Memo<String>>) -> impl IntoView {
    let read_only = series.is_some();
    let study = use_study();
    let name = Memo::new(move |_| {
        playlist.with(|p| p.as_ref().map(|p| p.name().to_string()).unwrap_or_default())
    });
    let progress = study.progress();
    let tally = Memo::new(move |_| {
        playlist.with(|p| {
            progress.with(|progress| p.as_ref().map(|p| p.tally(progress)).unwrap_or_default())
        })
    });
    let catalogue = use_catalogue();
    let announce = RwSignal::new(None::<Announcement>);
    view! {
        <article class="page playlist-page" aria-labelledby="playlist-title">
            <p class="breadcrumb">
                <A href=href("/playlists")>{move || t().all_playlists}</A>
            </p>
            <h1 id="playlist-title">{name}</h1>
            {series.map(|series_id| view! {
                <p class="muted">{move || t().series_playlist_note}</p>
                <CoverageNote series_id />
                <SaveCopy playlist />
                <RangePicker series_id />
            })}
            <TallyBar tally label=name />
            <TimeLeftLine playlist />
            {(!read_only).then(|| view! { <DuePanel playlist /> })}
            <WaitingNote playlist />
            <NextUnwatched playlist />
            <PlaylistTools playlist read_only announce />
            <NotesExport
                name=name
                ids=Signal::derive(move || {
                    playlist.with(|p| p.as_ref().map(|p| p.videos().iter().map(|v| v.to_string()).collect()))
                })
            />
            <p class="status" role="status">
                {move || announce.get().map(|a| a.text(catalogue))}
            </p>
            <PlaylistEntries playlist read_only announce />
        </article>
    }
}

/// Entries a full list stores but does not show (tabs that added to it at
/// once): how many, and how to make room. They show by themselves then.
#[component]
fn WaitingNote(playlist: Memo<Option<Playlist>>) -> impl IntoView {
    let waiting = Memo::new(move |_| playlist.with(|p| p.as_ref().map_or(0, Playlist::waiting)));
    move || {
        let n = waiting.get();
        (n > 0).then(|| {
            let text = move || {
                let max = use_locale().format_count(MAX_VIDEOS);
                plural(&t().playlist_waiting, n, &[("max", &max)])
            };
            view! { <p class="waiting-note" role="note">{text}</p> }
        })
    }
}

/// Saves a series playlist as the student's own, then opens the copy.
#[component]
fn SaveCopy(playlist: Memo<Option<Playlist>>) -> impl IntoView {
    let study = use_study();
    let navigate = use_navigate();
    let save = move |_| {
        let Some(source) = playlist.get_untracked() else {
            return;
        };
        let created = study.update(|s, now| {
            let id = new_playlist_id(s, now);
            let videos: Vec<_> = source.videos().into_iter().cloned().collect();
            s.create_playlist_with(id.clone(), source.name(), &videos, now)
                .ok()?;
            Some(id)
        });
        if let Some(id) = created {
            navigate(&href(&format!("/playlists/{id}")), Default::default());
        }
    };
    view! {
        <p>
            <button type="button" class="button primary save-copy" on:click=save>
                {move || t().save_copy}
            </button>
        </p>
    }
}
