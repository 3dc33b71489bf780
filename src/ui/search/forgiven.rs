//! What a forgiving search says: the misspelling it searched as the
//! catalogue's nearest word, "did you mean" buttons when several words are
//! as near, and numbers it left out (core `search::forgive`).

use leptos::prelude::*;
use shelf_core::search::{Query, Results};

use crate::i18n::{fill, t};
use crate::web::location::{use_set_query, HistoryEntry};

#[component]
pub fn Forgiven(query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let set_query = use_set_query();
    let corrected = move || {
        let text = results.with(|r| r.corrected.clone())?;
        let typed = query.with(|q| q.text.trim().to_string());
        Some(view! {
            <p class="search-corrected" role="status">
                {fill(t().search_corrected, &[("typed", &typed), ("query", &text)])}
            </p>
        })
    };
    let ignored =
        move || {
            let numbers = results.with(|r| r.ignored.join(" "));
            (!numbers.is_empty()).then(|| view! {
            <p class="search-ignored">{fill(t().search_ignored, &[("numbers", &numbers)])}</p>
        })
        };
    let suggestions = move || {
        let words = results.with(|r| r.suggestions.clone());
        (!words.is_empty()).then(|| {
            let buttons = words
                .into_iter()
                .map(|text| {
                    let shown = text.clone();
                    let search = move |_| {
                        let next = Query {
                            text: text.clone(),
                            ..query.get_untracked()
                        };
                        set_query.set(&next, HistoryEntry::Push);
                    };
                    view! {
                        <li><button type="button" class="button did-you-mean-option" on:click=search>{shown}</button></li>
                    }
                })
                .collect_view();
            view! {
                <div class="did-you-mean" role="status">
                    <span>{move || t().did_you_mean}</span>
                    <ul>{buttons}</ul>
                </div>
            }
        })
    };
    view! { {corrected} {suggestions} {ignored} }
}
