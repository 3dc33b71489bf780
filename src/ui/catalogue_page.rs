//! The catalogue: search, facets, sort and results, all driven by the URL.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shelf_core::catalogue::VideoId;
use shelf_core::search::search;
use shelf_core::study::progress::watch_state;

use crate::context::{use_catalogue, use_search_index, use_study};
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::ui::search::facet_panel::FacetPanel;
use crate::ui::search::keyboard::install_shortcuts;
use crate::ui::search::no_results::NoResults;
use crate::ui::search::result_list::{ResultList, PAGE};
use crate::ui::search::search_box::SearchBox;
use crate::ui::search::sort_select::SortSelect;
use crate::ui::sources::holdings::Holdings;
use crate::ui::study::bulk_add::BulkAdd;
use crate::web::location::use_url_query;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let catalogue = use_catalogue();
    let index = use_search_index();
    let study = use_study();
    let query = use_url_query();
    // Only progress affects results: notes and playlists edits do not re-run the search.
    let progress = study.progress();
    let results = Memo::new(move |_| {
        query.with(|q| progress.with(|p| search(index, catalogue, q, &|id| watch_state(p, id))))
    });
    // A new search starts again at its first page.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        query.track();
        limit.set(PAGE);
    });
    let selected = RwSignal::new(BTreeSet::<VideoId>::new());
    let all_results = Signal::derive(move || {
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
            all_results.with(|all| {
                all.iter()
                    .filter(|id| chosen.contains(*id))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    install_shortcuts();

    view! {
        <PageTitle name=|| None />
        <section class="page catalogue-page" aria-labelledby="catalogue-heading">
            <div class="page-heading">
                <h1 id="catalogue-heading">{move || t().catalogue_heading}</h1>
                <p class="count" aria-live="polite">
                    {move || plural(&t().results_found, results.with(|r| r.total), &[])}
                </p>
            </div>
            <Holdings with_link=true />
            <SearchBox query />
            <div class="catalogue-layout">
                <FacetPanel query results />
                <div class="results">
                    <div class="results-toolbar">
                        <SortSelect query />
                        <BulkAdd selected=selected_ids all_results />
                    </div>
                    <Show when=move || results.with(|r| r.total > 0) fallback=move || view! { <NoResults query /> }>
                        <Show when=move || results.with(|r| r.partial)>
                            <p class="search-partial" role="status">{move || t().search_partial}</p>
                        </Show>
                        <ResultList results limit selected />
                    </Show>
                </div>
            </div>
        </section>
    }
}
