//! `/shared#share=v1;…`: a playlist someone shared as a link. Nothing is
//! stored until the student saves it; ids the catalogue lacks are kept and
//! shown as unknown, and the name is shown as text, whatever it holds.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use shelf_core::study::{parse_share, ShareError, SharedPlaylist};

use crate::context::{use_catalogue, use_study};
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label, NotLoadedNote};
use crate::ui::study::playlist_picker::{name_error_text, playlist_error_text};
use crate::ui::study::util::{fill, focus_later, new_playlist_id};
use crate::web::base::href;

#[component]
pub fn SharedPage() -> impl IntoView {
    let location = use_location();
    let parsed = Memo::new(move |_| parse_share(&location.hash.get()));
    let page = move || match parsed.get() {
        Ok(shared) => view! { <SharedView shared /> }.into_any(),
        Err(error) => view! {
            <section class="page message-page shared-page" aria-labelledby="shared-heading">
                <h1 id="shared-heading">{move || t().share_bad_title}</h1>
                <p class="share-error" role="alert">{move || share_error_text(&error)}</p>
                <p><A href=href("/playlists")>{move || t().all_playlists}</A></p>
            </section>
        }
        .into_any(),
    };
    view! {
        <PageTitle name=move || Some(t().shared_heading.to_string()) />
        {page}
    }
}

fn share_error_text(error: &ShareError) -> String {
    let s = t();
    match error {
        ShareError::NotAShareLink => s.share_not_a_link.to_string(),
        ShareError::UnsupportedVersion => s.share_newer_version.to_string(),
        ShareError::TooLong { len, max } => fill(
            s.share_too_long,
            &[("len", &len.to_string()), ("max", &max.to_string())],
        ),
        ShareError::Malformed => s.share_malformed.to_string(),
        ShareError::BadEncoding => s.share_bad_encoding.to_string(),
        ShareError::Name(e) => format!("{} {}", s.share_bad_name, name_error_text(*e)),
    }
}

#[component]
fn SharedView(shared: SharedPlaylist) -> impl IntoView {
    let catalogue = use_catalogue();
    let partial = catalogue_is_partial();
    let study = use_study();
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<shelf_core::study::PlaylistError>);
    let to_save = StoredValue::new(shared.clone());
    let save = move |_| {
        let outcome = study.update(|s, now| {
            let id = new_playlist_id(s, now);
            let shared = to_save.get_value();
            s.create_playlist_with(id.clone(), &shared.name, &shared.videos, now)?;
            Ok::<_, shelf_core::study::PlaylistError>(id.to_string())
        });
        match outcome {
            Ok(id) => {
                saved.set(Some(id));
                focus_later("a.open-saved".to_string());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let count = shared.videos.len();
    let dropped = shared.dropped_invalid;
    let over = shared.dropped_over_limit;
    let unknown = shared
        .videos
        .iter()
        .filter(|id| catalogue.video(id).is_none())
        .count();
    let entries = shared
        .videos
        .iter()
        .map(|id| match catalogue.video(id) {
            Some(video) => view! {
                <li data-video-id=id.to_string()>
                    <A href=href(&format!("/video/{id}"))>{video.title.clone()}</A>
                </li>
            }
            .into_any(),
            None => view! {
                <li data-video-id=id.to_string() class="unknown">
                    {move || unknown_video_label(partial)}
                    " "
                    <code>{id.to_string()}</code>
                </li>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <article class="page shared-page" aria-labelledby="shared-heading">
            <p class="muted">{move || t().shared_heading}</p>
            <h1 id="shared-heading" class="shared-name">{shared.name.clone()}</h1>
            <p>{move || plural(&t().entry_count, count, &[])}</p>
            {(dropped > 0).then(|| view! {
                <p class="share-warning">{move || plural(&t().share_dropped_invalid, dropped, &[])}</p>
            })}
            {(over > 0).then(|| view! {
                <p class="share-warning">{move || plural(&t().share_dropped_over_limit, over, &[])}</p>
            })}
            {(unknown > 0 && partial).then(|| {
                let text = Signal::derive(move || plural(&t().share_not_loaded, unknown, &[]));
                view! { <NotLoadedNote text class="share-not-loaded" /> }
            })}
            {(unknown > 0 && !partial).then(|| view! {
                <p class="muted">
                    {move || plural(&t().share_unknown, unknown, &[])} " " {move || t().check_new_suggestion}
                </p>
            })}
            <div role="status" class="status">
                {move || match saved.get() {
                    Some(id) => view! {
                        {move || t().share_saved}
                        " "
                        <A href=href(&format!("/playlists/{id}")) attr:class="open-saved">{move || t().open_playlist}</A>
                    }
                    .into_any(),
                    None => (move || error.get().map(|e| playlist_error_text(&e))).into_any(),
                }}
            </div>
            <Show when=move || saved.with(Option::is_none)>
                <p>
                    <button type="button" class="button primary save-shared" on:click=save>
                        {move || t().save_shared}
                    </button>
                </p>
            </Show>
            <ol class="entries shared-entries">{entries}</ol>
        </article>
    }
}
