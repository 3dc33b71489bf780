//! The results, a page at a time so the DOM stays small at any catalogue size.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shelf_core::search::{Hit, Results};

use crate::app::use_catalogue;
use crate::i18n::t;
use crate::ui::video_card::VideoCard;

pub const PAGE: usize = 50;

/// Identifies what a rendered row shows, so unchanged rows (and the focus in
/// them) survive a re-search.
fn row_key(hit: &Hit) -> String {
    let snippet = hit.snippet.as_ref().map(|s| (&s.text, &s.highlights));
    format!("{}|{:?}|{:?}", hit.video, hit.title_highlights, snippet)
}

#[component]
pub fn ResultList(
    results: Memo<Results>,
    limit: RwSignal<usize>,
    selected: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let remaining = move || results.with(|r| r.total.saturating_sub(limit.get()));
    let has_more = move || remaining() > 0;
    view! {
        <ul class="video-list result-list" role="list" aria-labelledby="catalogue-heading">
            <For
                each=move || results.with(|r| r.hits.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                key=row_key
                children=move |hit| {
                    view! {
                        <VideoCard
                            video=&catalogue.videos[hit.video]
                            highlights=hit.title_highlights
                            snippet=hit.snippet
                            selected
                        />
                    }
                }
            />
        </ul>
        <Show when=has_more>
            <button type="button" class="button show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                {move || format!("{}{}{}", t().show_more.0, remaining(), t().show_more.1)}
            </button>
        </Show>
    }
}
