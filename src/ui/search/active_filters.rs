//! The filters in use as removable chips above the results, and the phone's
//! button that opens the filter panel. A chip removes its value from the URL
//! as unticking it in the panel would.

use leptos::prelude::*;
use shelf_core::search::{Filter, Query};

use crate::context::{use_catalogue, use_locale};
use crate::i18n::{fill, plural, t, LocaleText, Strings};
use crate::ui::search::facet_panel::lang_label;
use crate::ui::study::util::focus_first_later;
use crate::ui::study::watch_toggle::state_label;
use crate::web::location::{use_set_query, HistoryEntry};

/// The filter panel's element id (the toggle's `aria-controls`).
pub const PANEL_ID: &str = "facet-panel";
/// The phone's toggle button's id (focus returns to it).
pub const TOGGLE_ID: &str = "filters-toggle";

/// A filter's words in the language shown (what the panel's row says).
fn filter_label(s: &'static Strings, filter: &Filter) -> String {
    match filter {
        Filter::Year(y) => y.to_string(),
        Filter::Series(id) => use_catalogue().series(id).map_or_else(
            || id.clone(),
            |series| use_locale().series_name(series).to_string(),
        ),
        Filter::Lang(l) => lang_label(s, *l).to_string(),
        Filter::Summary(true) => s.summary_yes.to_string(),
        Filter::Summary(false) => s.summary_no.to_string(),
        Filter::Watched(w) => state_label(s, *w).to_string(),
        Filter::HideWatched => s.hide_watched.to_string(),
    }
}

/// Opens and closes the filter panel; shown on narrow screens only (CSS),
/// where the panel starts closed.
#[component]
pub fn FilterToggle(query: Memo<Query>, open: RwSignal<bool>) -> impl IntoView {
    let active = Memo::new(move |_| query.with(|q| q.filters().len()));
    view! {
        <div class="filter-bar">
            <button
                type="button"
                id=TOGGLE_ID
                class="button filters-toggle"
                class:active=move || active.get() != 0
                aria-controls=PANEL_ID
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" && open.get_untracked() {
                        ev.prevent_default();
                        open.set(false);
                    }
                }
            >
                <span class="filters-toggle-mark" aria-hidden="true">"☰ "</span>
                <span class="filters-toggle-text">
                    {move || match active.get() {
                        0 => t().filters_heading.to_string(),
                        n => plural(&t().filters_toggle_active, n, &[]),
                    }}
                </span>
            </button>
        </div>
    }
}

/// Closes the panel and gives the keyboard back to the toggle.
pub fn close_panel(open: RwSignal<bool>) {
    open.set(false);
    focus_first_later(vec![format!("#{TOGGLE_ID}")]);
}

#[component]
pub fn ActiveFilters(query: Memo<Query>) -> impl IntoView {
    let set_query = use_set_query();
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
            format!("#{}", crate::ui::search::search_box::SEARCH_INPUT_ID),
        ]);
    };
    let clear = move |_| {
        set_query.set(&query.get_untracked().without_filters(), HistoryEntry::Push);
        focus_first_later(vec![
            format!("#{TOGGLE_ID}"),
            format!("#{}", crate::ui::search::search_box::SEARCH_INPUT_ID),
        ]);
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
                            let label = move || chip.with_value(|f| filter_label(t(), f));
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
