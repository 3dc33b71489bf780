//! "Add to playlist" on a video page, and the playlists that already hold it.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::ids::VideoId;
use shelf_core::study::{Added, Duplicates, NameError};

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::study::playlist_picker::{name_error_text, Picker, PlaylistPicker};
use crate::ui::study::util::fill;
use crate::web::base::href;

/// What the last add did, kept as data and worded when shown, so the
/// status line follows a language switch.
#[derive(Clone)]
enum Outcome {
    /// Into the playlist named `name`.
    Done {
        name: String,
        added: Added,
    },
    BadName(NameError),
}

impl Outcome {
    fn text(&self) -> String {
        match self {
            Outcome::Done { name, added } => {
                let template = match added {
                    Added::Added => t().added_to_playlist,
                    Added::AlreadyPresent => t().already_in_playlist,
                    Added::Full => t().playlist_full,
                };
                fill(template, &[("name", name)])
            }
            Outcome::BadName(error) => name_error_text(*error),
        }
    }
}

#[component]
pub fn AddToPlaylist(video_id: &'static VideoId) -> impl IntoView {
    let study = use_study();
    let picker = Picker::new();
    let message = RwSignal::new(None::<Outcome>);
    let add = move || {
        let outcome = study.update(|s, now| -> Result<_, NameError> {
            let target = picker.target(s, now)?;
            Ok(s.playlist_mut(&target.id, now).map(|mut playlist| {
                let added = playlist.add(video_id, Duplicates::Skip);
                (
                    target.id.clone(),
                    playlist.playlist().name().to_string(),
                    added,
                )
            }))
        });
        match outcome {
            Ok(None) => {}
            Ok(Some((id, name, added))) => {
                picker.chose(&id);
                message.set(Some(Outcome::Done { name, added }));
            }
            Err(error) => message.set(Some(Outcome::BadName(error))),
        }
    };
    let containing = move || {
        study.with(|s| {
            s.live_playlists()
                .into_iter()
                .filter(|p| p.videos().contains(&video_id))
                .map(|p| (p.id().to_string(), p.name().to_string()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="add-to-playlist" role="group" aria-labelledby="add-to-playlist-heading">
            <h3 id="add-to-playlist-heading">{move || t().add_to_playlist_heading}</h3>
            <div class="field-row">
                <PlaylistPicker picker id_prefix="video" on_enter=Callback::new(move |_| add()) />
                <button type="button" class="button primary" on:click=move |_| add()>
                    {move || t().add_to_playlist_button}
                </button>
            </div>
            // A copy, worded outside the signal's guard (see `Announcement::text`).
            <p class="status" role="status">{move || message.get().map(|m| m.text())}</p>
            <Show when=move || !containing().is_empty()>
                <p class="in-playlists">
                    {move || t().in_playlists_label}
                    " "
                    <For each=containing key=|item| item.clone() let((id, name))>
                        <A href=href(&format!("/playlists/{id}")) attr:class="chip">{name}</A>
                        " "
                    </For>
                </p>
            </Show>
        </div>
    }
}
