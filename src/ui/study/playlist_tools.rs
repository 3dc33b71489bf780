//! What can be done with a whole playlist: export it as Markdown, share it
//! as a link, clean it up.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shelf_core::study::{playlist_markdown, share_playlist, Playlist};

use crate::context::{use_catalogue, use_study};
use crate::i18n::t;
use crate::ui::study::announcement::Announcement;
use crate::web::base::href;
use crate::web::clipboard::copy_text;
use crate::web::download::{safe_file_stem, save_text};
use crate::web::{location, target};

#[component]
pub fn PlaylistTools(
    playlist: Memo<Option<Playlist>>,
    read_only: bool,
    announce: RwSignal<Option<Announcement>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let share_url = RwSignal::new(None::<String>);
    let id = move || playlist.with_untracked(|p| p.as_ref().map(|p| p.id().to_string()));
    let export = move |_| {
        let Some(p) = playlist.get_untracked() else {
            return;
        };
        let markdown = playlist_markdown(&p, catalogue, t().unknown_video);
        let file = format!("{}.md", safe_file_stem(p.name(), "playlist"));
        let saved = save_text(&file, "text/markdown;charset=utf-8", &markdown);
        announce.set(Some(match saved {
            Ok(()) => Announcement::Exported { file },
            Err(_) => Announcement::DownloadFailed,
        }));
    };
    let share = move |_| {
        let Some(p) = playlist.get_untracked() else {
            return;
        };
        let origin = location::origin();
        let url = format!("{origin}{}{}", href("/shared"), share_playlist(&p));
        share_url.set(Some(url.clone()));
        spawn_local(async move {
            let copied = copy_text(&url).await;
            announce.set(Some(if copied {
                Announcement::ShareCopied
            } else {
                Announcement::ShareCopyManually
            }));
        });
    };
    let remove_duplicates = move |_| {
        let Some(id) = id() else { return };
        let removed = study.update(|s, now| {
            s.playlist_mut(&id, now)
                .map_or(0, |mut p| p.remove_duplicates())
        });
        announce.set(Some(Announcement::RemovedDuplicates(removed)));
    };
    let remove_watched = move |_| {
        let Some(id) = id() else { return };
        let removed = study.update(|s, now| {
            s.playlist_mut(&id, now)
                .map_or(0, |mut p| p.remove_watched())
        });
        announce.set(Some(Announcement::RemovedWatched(removed)));
    };
    view! {
        <div class="playlist-tools" role="group" aria-label=move || t().playlist_tools_label>
            <button type="button" class="button export-markdown" on:click=export>
                {move || t().export_markdown}
            </button>
            <button type="button" class="button copy-share" on:click=share>
                {move || t().copy_share_link}
            </button>
            {(!read_only).then(|| view! {
                <button type="button" class="button remove-duplicates" on:click=remove_duplicates>
                    {move || t().remove_duplicates}
                </button>
                <button type="button" class="button remove-watched" on:click=remove_watched>
                    {move || t().remove_watched}
                </button>
            })}
        </div>
        {move || share_url.get().map(|url| view! {
            <p class="share-output field-row">
                <label for="share-url">{move || t().share_link_label}</label>
                <input
                    id="share-url"
                    type="url"
                    readonly
                    prop:value=url
                    on:focus=move |ev| {
                        if let Some(field) = target::of(&ev) {
                            field.select_text();
                        }
                    }
                />
            </p>
        })}
    }
}
