//! The results, a page at a time so the DOM stays small at any catalogue size.
//!
//! Rows are keyed by video, and what a search changes in a row (highlights,
//! snippet) flows in through signals, so typing updates text in the rows that
//! stay instead of rebuilding them (thumbnails, controls and focus survive).

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use shelf_core::catalogue::VideoId;
use shelf_core::search::{Marks, Results};

use crate::context::{use_catalogue, use_locale, use_search_index, use_study};
use crate::i18n::fill;
use crate::i18n::{t, LocaleText};
use crate::ui::catalogue_page::HEADING_ID;
use crate::ui::keyed::{first_screen_first, stamped, ROWS_PER_FRAME};
use crate::ui::study::watch_toggle::chosen_state;
use crate::ui::video_card::{is_selection_box, VideoCard};
use crate::web::target;

/// `rows` of the results (a page at first, [`shelf_core::catalogue_view::PAGE`]
/// more per `show_more`); `from` is the catalogue view the rows' links carry.
#[component]
pub fn ResultList(
    results: Memo<Results>,
    rows: Memo<usize>,
    show_more: Callback<()>,
    from: Memo<String>,
    selected: RwSignal<BTreeSet<VideoId>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let index = use_search_index();
    let remaining = move || results.with(|r| r.total.saturating_sub(rows.get()));
    let has_more = move || remaining() > 0;
    // What each visible row highlights, by video index: worked out for the
    // rows shown only.
    let marks = Memo::new(move |_| {
        results.with(|r| {
            r.hits
                .iter()
                .take(rows.get())
                .map(|h| (h.video, r.marks(index, catalogue, h.video)))
                .collect::<HashMap<usize, Marks>>()
        })
    });
    // Stamped keys: the keyed diff misplaces rows when a change both adds
    // and removes some (crate::ui::keyed).
    let (shown, pending) = first_screen_first(
        stamped(move || {
            results.with(|r| r.hits.iter().take(rows.get()).map(|h| h.video).collect())
        }),
        ROWS_PER_FRAME,
    );
    // One handler for every row's selection box and watch-state radios:
    // rows are made in bulk as results change, and a listener each would
    // cost more to make than the rest of the row's bindings.
    let study = use_study();
    let on_change = move |ev: web_sys::Event| {
        let Some(target) = target::of(&ev) else {
            return;
        };
        // Both controls sit in a row that names its video.
        let Some(video) = target
            .closest_attribute("[data-video-id]", "data-video-id")
            .and_then(|id| catalogue.video(&id))
        else {
            return;
        };
        if is_selection_box(&target) {
            selected.update(|s| {
                if !s.remove(&video.id) {
                    s.insert(video.id.clone());
                }
            });
        } else if let Some(state) = chosen_state(&target) {
            study.update(|s, now| s.set_watch_state(&video.id, state, now));
        }
    };
    view! {
        <ul
            class="video-list result-list"
            role="list"
            aria-labelledby=HEADING_ID
            aria-busy=move || pending.get().then_some("true")
            on:change=on_change
        >
            // Rows are written in one language: a new language makes them again.
            {move || {
                let locale = use_locale();
                view! {
            <For
                each=move || shown.get()
                key=|row| *row
                children=move |(_, video)| {
                    let row = Memo::new(move |_| marks.with(|m| m.get(&video).cloned().unwrap_or_default()));
                    view! {
                        <VideoCard
                            video=&catalogue.videos[video]
                            locale
                            highlights=Signal::derive(move || row.with(|r| r.title.clone()))
                            snippet=Signal::derive(move || row.with(|r| r.snippet.clone()))
                            from
                            selected
                        />
                    }
                }
            />
                }
            }}
        </ul>
        <Show when=has_more>
            <button type="button" class="button show-more" on:click=move |_| show_more.run(())>
                {move || fill(t().show_more, &[("n", &use_locale().format_count(remaining()))])}
            </button>
        </Show>
    }
}
