//! The catalogue: search, facets, sort and results, all driven by the URL
//! (the rows "show more" revealed too), with the scroll position kept in
//! the history entry, so Back from a video returns to the same place.

use std::collections::BTreeSet;

use crate::ui::study::time_left::ContinueCard;
use leptos::prelude::*;
use shelf_core::catalogue::VideoId;
use shelf_core::search::search;
use shelf_core::study::progress::watch_state;

use crate::context::{use_catalogue, use_search_index, use_study};
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::ui::search::active_filters::ActiveFilters;
use crate::ui::search::facet_panel::FacetPanel;
use crate::ui::search::filter_toggle::FilterToggle;
use crate::ui::search::forgiven::Forgiven;
use crate::ui::search::keyboard::install_shortcuts;
use crate::ui::search::no_results::NoResults;
use crate::ui::search::result_list::ResultList;
use crate::ui::search::search_box::SearchBox;
use crate::ui::search::sort_select::SortSelect;
use crate::ui::search::typed::TypedSearch;
use crate::ui::sources::holdings::Holdings;
use crate::ui::study::bulk_add::BulkAdd;
use crate::web::document;
use crate::web::location::{use_set_query, use_url_view, HistoryEntry};
use crate::web::scroll::{keep_scroll, save_now};

/// The page's heading (the list of results is labelled by it too).
pub const HEADING_ID: &str = "catalogue-heading";

#[component]
pub fn CataloguePage() -> impl IntoView {
    let catalogue = use_catalogue();
    let index = use_search_index();
    let study = use_study();
    let set_query = use_set_query();
    let typed = TypedSearch::new(use_url_view(), set_query);
    let view = typed.view();
    // Memos: "show more" changes the rows, not the search.
    let query = Memo::new(move |_| view.with(|v| v.query.clone()));
    let rows = Memo::new(move |_| view.with(|v| v.rows()));
    // Opened videos carry the view, so their "back" link returns to it.
    let from = Memo::new(move |_| view.with(|v| v.to_url_query()));
    // Only progress affects results: notes and playlists edits do not re-run the search.
    let progress = study.progress();
    let results = Memo::new(move |_| {
        query.with(|q| progress.with(|p| search(index, catalogue, q, &|id| watch_state(p, id))))
    });
    // A new search (written without rows) starts again at its first page;
    // more rows replace the entry, so Back leaves the list as it is.
    let show_more = Callback::new(move |()| {
        set_query.show(&view.get_untracked().more(), HistoryEntry::Replace);
        // Replacing the entry dropped its saved position.
        save_now();
    });
    keep_scroll(move || rows_rendered(results, rows));
    let selected = RwSignal::new(BTreeSet::<VideoId>::new());
    // A memo: the bulk-add bar reads it three times per keystroke.
    let all_results = Memo::new(move |_| {
        results.with(|r| {
            r.hits
                .iter()
                .map(|h| catalogue.videos[h.video].id.clone())
                .collect::<Vec<_>>()
        })
    });
    // In the order shown, not the set's (id) order: "add selected" must keep
    // lecture order when the list shows it.
    let selected_ids = Signal::derive(move || {
        selected.with(|chosen| {
            if chosen.is_empty() {
                return Vec::new();
            }
            all_results.with(|all| {
                all.iter()
                    .filter(|id| chosen.contains(*id))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    install_shortcuts();
    // Phones: the filter panel starts closed, under its toggle.
    let filters_open = RwSignal::new(false);

    view! {
        <PageTitle name=|| None />
        <section class="page catalogue-page" aria-labelledby=HEADING_ID>
            <div class="page-heading">
                <h1 id=HEADING_ID>{move || t().catalogue_heading}</h1>
                <p class="count" aria-live="polite">
                    {move || plural(&t().results_found, results.with(|r| r.total), &[])}
                </p>
            </div>
            <ContinueCard />
            <Holdings with_link=true />
            <SearchBox query typed />
            <FilterToggle query open=filters_open />
            <div class="catalogue-layout">
                <FacetPanel query results open=filters_open />
                <div class="results">
                    <ActiveFilters query />
                    <div class="results-toolbar">
                        <SortSelect query />
                        <BulkAdd selected=selected_ids all_results=all_results.into() />
                    </div>
                    <Forgiven query results />
                    <Show when=move || results.with(|r| r.total > 0) fallback=move || view! { <NoResults query /> }>
                        <Show when=move || results.with(|r| r.partial)>
                            <p class="search-partial" role="status">{move || t().search_partial}</p>
                        </Show>
                        <ResultList results rows show_more from selected />
                    </Show>
                </div>
            </div>
        </section>
    }
}

/// True once the list shows as many rows as the view asks for (or all the
/// results): only then is the page as tall as when the student left it.
fn rows_rendered(results: Memo<shelf_core::search::Results>, rows: Memo<usize>) -> bool {
    let (Some(total), Some(rows)) = (
        results.try_with_untracked(|r| r.total),
        rows.try_get_untracked(),
    ) else {
        return false;
    };
    let shown = document::count(".result-list > li.video-card");
    shown >= rows.min(total)
}
