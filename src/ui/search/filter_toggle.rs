//! The phone's button that opens the filter panel, saying how many filters
//! are in use.

use leptos::prelude::*;
use shelf_core::search::Query;

use crate::i18n::{plural, t};
use crate::ui::search::filters::{PANEL_ID, TOGGLE_ID};

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
