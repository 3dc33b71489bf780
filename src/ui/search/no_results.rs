//! What an empty result says, with a one-click way out.

use leptos::prelude::*;
use shelf_core::search::Query;

use crate::i18n::fill;
use crate::i18n::t;
use crate::ui::search::search_box::SEARCH_INPUT_ID;
use crate::web::document::focus_first;
use crate::web::location::{use_set_query, HistoryEntry};

#[component]
pub fn NoResults(query: Memo<Query>) -> impl IntoView {
    let set_query = use_set_query();
    let clear = move |_| {
        let sort = query.with_untracked(|q| q.sort);
        set_query.set(
            &Query {
                sort,
                ..Query::default()
            },
            HistoryEntry::Push,
        );
        focus_first(&[format!("#{SEARCH_INPUT_ID}")]);
    };
    let searched = move || {
        query.with(|q| {
            if q.text.trim().is_empty() {
                t().no_results_filters.to_string()
            } else {
                fill(t().no_results_for, &[("query", q.text.trim())])
            }
        })
    };
    view! {
        <div class="no-results" role="status">
            <h2>{move || t().no_results_title}</h2>
            <p class="searched">{searched}</p>
            <button type="button" class="button primary" on:click=clear>{move || t().clear_search}</button>
        </div>
    }
}
