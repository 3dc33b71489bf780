//! The result order. Until one is chosen, it shows the order in effect
//! (lecture order for one course, else relevance).

use leptos::prelude::*;
use shelf_core::search::{Direction, Query, Sort};

use crate::i18n::{t, Strings};
use crate::web::location::{use_set_query, HistoryEntry};

/// The words for an order (the select and the prerendered first screen).
pub fn label(s: &Strings, sort: Sort) -> &'static str {
    use Direction::*;
    match sort {
        Sort::Auto | Sort::Relevance => s.sort_relevance,
        Sort::Lecture => s.sort_lecture,
        Sort::Number(Desc) => s.sort_number_desc,
        Sort::Number(Asc) => s.sort_number_asc,
        Sort::Date(Desc) => s.sort_date_desc,
        Sort::Date(Asc) => s.sort_date_asc,
        Sort::Title(Asc) => s.sort_title_asc,
        Sort::Title(Desc) => s.sort_title_desc,
    }
}

#[component]
pub fn SortSelect(query: Memo<Query>) -> impl IntoView {
    let set_query = use_set_query();
    let on_change = move |ev| {
        let code = event_target_value(&ev);
        let mut next = query.get_untracked();
        next.sort = Sort::from_code(&code).unwrap_or_default();
        set_query.set(&next, HistoryEntry::Push);
    };
    view! {
        <label class="sort">
            <span>{move || t().sort_label}</span>
            <select on:change=on_change prop:value=move || query.with(|q| q.effective_sort().code())>
                {Sort::ALL
                    .into_iter()
                    .map(|sort| view! {
                        <option value=sort.code() selected=move || query.with(|q| q.effective_sort() == sort)>
                            {move || label(t(), sort)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
