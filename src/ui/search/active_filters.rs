//! The filters in use as removable chips above the results. A chip removes
//! its value from the URL as unticking it in the panel would.

use leptos::prelude::*;
use shelf_core::search::{Filter, Query};

use crate::context::{use_catalogue, use_locale};
use crate::i18n::{fill, t};
use crate::ui::search::filters::{choice_label, TOGGLE_ID};
use crate::ui::search::search_box::SEARCH_INPUT_ID;
use crate::ui::study::util::focus_first_later;
use crate::web::location::{use_set_query, HistoryEntry};

#[component]
pub fn ActiveFilters(query: Memo<Query>) -> impl IntoView {
    let set_query = use_set_query();
    let catalogue = use_catalogue();
    let filters = Memo::new(move |_| query.with(Query::filters));
    let remove = move |filter: &Filter| {
        let at = filters.with_untracked(|fs| fs.iter().position(|f| f == filter));
        set_query.set(&query.get_untracked().without(filter), HistoryEntry::Push);
        // The keyboard stays in the chips: the next one, else the one before,
        // else the toggle (phones) or the search box.
        let at = at.unwrap_or_default();
        focus_first_later(vec![
            format!(".filter-chips > li:nth-child({}) .filter-chip", at + 1),
            ".filter-chips > li:last-child .filter-chip".to_string(),
            format!("#{TOGGLE_ID}"),
            format!("#{SEARCH_INPUT_ID}"),
        ]);
    };
    let clear = move |_| {
        set_query.set(&query.get_untracked().without_filters(), HistoryEntry::Push);
        focus_first_later(vec![format!("#{TOGGLE_ID}"), format!("#{SEARCH_INPUT_ID}")]);
    };
    view! {
        <Show when=move || filters.with(|f| !f.is_empty())>
            <div class="active-filters" role="group" aria-label=move || t().active_filters_label>
                <ul class="filter-chips" role="list">
                    <For
                        each=move || filters.get()
                        key=|f| f.clone()
                        children=move |filter| {
                            let chip = StoredValue::new(filter);
                            let label = move || chip.with_value(|f| choice_label(t(), use_locale(), catalogue, f));
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="filter-chip"
                                        aria-label=move || fill(t().remove_filter, &[("label", &label())])
                                        on:click=move |_| chip.with_value(|f| remove(f))
                                    >
                                        <span class="chip-label">{label}</span>
                                        <span class="chip-x" aria-hidden="true">"×"</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                <Show when=move || filters.with(|f| f.len() >= 2)>
                    <button type="button" class="button clear-filters" on:click=clear>
                        {move || t().clear_filters}
                    </button>
                </Show>
            </div>
        </Show>
    }
}
