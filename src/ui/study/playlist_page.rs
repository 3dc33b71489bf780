//! `/playlists/:id`: one playlist, in order. The student's own playlists can
//! be reordered and cleaned up; `series:<id>` is a whole series in lecture
//! order, read-only, with "save a copy".

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shelf_core::study::{series_playlist, Duplicates, Playlist};

use crate::app::use_catalogue;
use crate::i18n::t;
use crate::study::use_study;
use crate::ui::not_found::Missing;
use crate::ui::study::playlist_entries::PlaylistEntries;
use crate::ui::study::playlist_tools::{NextUnwatched, PlaylistTools};
use crate::ui::study::tally_bar::TallyBar;
use crate::ui::study::util::{catalogue_lang, new_playlist_id};
use crate::web::base::href;
use crate::web::document::set_title;

/// The id prefix of the ready-made series playlists.
pub const SERIES_PREFIX: &str = "series:";

#[component]
pub fn PlaylistPage() -> impl IntoView {
    let params = use_params_map();
    let catalogue = use_catalogue();
    let study = use_study();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let playlist = Memo::new(move |_| {
        let id = id.get();
        match id.strip_prefix(SERIES_PREFIX) {
            Some(series) => series_playlist(catalogue, series, catalogue_lang()),
            None => study.state.with(|s| s.playlist(&id).cloned()),
        }
    });
    Effect::new(move |_| {
        let name = playlist.with(|p| p.as_ref().map(|p| p.name().to_string()));
        set_title(
            t().app_name,
            Some(name.as_deref().unwrap_or(t().playlist_not_found)),
        );
    });
    // Rebuilt only when the page shows another playlist, not on every edit
    // (the view keeps its status messages and focus across edits).
    let shown = Memo::new(move |_| {
        playlist
            .with(Option::is_some)
            .then(|| id.get().starts_with(SERIES_PREFIX))
    });
    move || match shown.get() {
        None => view! { <Missing title=t().playlist_not_found body=t().playlist_not_found_body /> }
            .into_any(),
        Some(read_only) => view! { <PlaylistView playlist read_only /> }.into_any(),
    }
}

#[component]
fn PlaylistView(playlist: Memo<Option<Playlist>>, read_only: bool) -> impl IntoView {
    let study = use_study();
    let name = Signal::derive(move || {
        playlist.with(|p| p.as_ref().map(|p| p.name().to_string()).unwrap_or_default())
    });
    let tally = Signal::derive(move || {
        playlist.with(|p| {
            study
                .state
                .with(|s| p.as_ref().map(|p| p.tally(&s.progress)).unwrap_or_default())
        })
    });
    let announce = RwSignal::new(String::new());
    view! {
        <article class="page playlist-page" aria-labelledby="playlist-title">
            <p class="breadcrumb">
                <A href=href("/playlists")>{move || t().all_playlists}</A>
            </p>
            <h1 id="playlist-title">{name}</h1>
            {read_only.then(|| view! {
                <p class="muted">{move || t().series_playlist_note}</p>
                <SaveCopy playlist />
            })}
            <TallyBar tally label=name />
            <NextUnwatched playlist />
            <PlaylistTools playlist read_only announce />
            <p class="status" role="status">{move || announce.get()}</p>
            <PlaylistEntries playlist read_only announce />
        </article>
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
            let copy = s.create_playlist(&id, source.name(), now).ok()?;
            copy.add_many(
                source.videos().iter().map(String::as_str),
                Duplicates::Allow,
                now,
            );
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
