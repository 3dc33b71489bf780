//! A playlist's "play next unwatched" link.

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::study::Playlist;

use crate::context::{use_catalogue, use_study};
use crate::i18n::t;
use crate::ui::player::next_up::video_path;
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label};
use crate::ui::study::util::fill;
use crate::web::base::href;

/// "Play next unwatched": the first entry not yet watched, in the app's
/// player (which starts at its resume position), with "next" following
/// this list.
#[component]
pub fn NextUnwatched(playlist: Memo<Option<Playlist>>) -> impl IntoView {
    let catalogue = use_catalogue();
    let partial = catalogue_is_partial();
    let study = use_study();
    let next = Memo::new(move |_| {
        playlist.with(|p| {
            study.with(|s| {
                let p = p.as_ref()?;
                let (_, id) = p.next_unwatched(s.progress())?;
                let title = catalogue.video(id).map(|v| v.title.clone());
                Some((
                    href(&video_path(id.as_str(), Some(p.id()))),
                    title,
                    id.to_string(),
                ))
            })
        })
    });
    // An empty list is not "all watched": say nothing (the entries say it is empty).
    let empty = Memo::new(move |_| playlist.with(|p| p.as_ref().is_none_or(Playlist::is_empty)));
    move || match next.get() {
        _ if empty.get() => ().into_any(),
        Some((url, title, id)) => {
            let title = title.unwrap_or_else(|| format!("{} ({id})", unknown_video_label(partial)));
            view! {
                <p class="next-unwatched">
                    <A href=url attr:class="button primary play-next">
                        {move || fill(t().play_next, &[("title", &title)])}
                    </A>
                </p>
            }
            .into_any()
        }
        None => view! { <p class="next-unwatched done">{move || t().playlist_all_watched}</p> }
            .into_any(),
    }
}
