//! The search field. Typing rewrites the current history entry after the
//! first keystroke, so a search is one step back, not one per letter.

use leptos::html::Input;
use leptos::prelude::*;
use shelf_core::search::Query;

use crate::i18n::t;
use crate::web::location::{use_set_query, HistoryEntry};

pub const SEARCH_INPUT_ID: &str = "catalogue-search";

#[component]
pub fn SearchBox(query: Memo<Query>) -> impl IntoView {
    let set_query = use_set_query();
    let text = RwSignal::new(query.with_untracked(|q| q.text.clone()));
    // Back/forward and pasted links change the URL under the field.
    Effect::new(move |_| {
        let url_text = query.with(|q| q.text.clone());
        if text.get_untracked() != url_text {
            text.set(url_text);
        }
    });
    let typing = StoredValue::new(false);
    let input: NodeRef<Input> = NodeRef::new();
    let apply = move |value: String, entry: HistoryEntry| {
        text.set(value.clone());
        let mut next = query.get_untracked();
        next.text = value;
        set_query.set(&next, entry);
    };
    let on_input = move |ev| {
        let entry = if typing.get_value() {
            HistoryEntry::Replace
        } else {
            HistoryEntry::Push
        };
        typing.set_value(true);
        apply(event_target_value(&ev), entry);
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && !text.get_untracked().is_empty() {
            ev.prevent_default();
            apply(String::new(), HistoryEntry::Replace);
        }
    };
    view! {
        <div class="search-box" role="search">
            <label for=SEARCH_INPUT_ID class="visually-hidden">{move || t().search_label}</label>
            <input
                id=SEARCH_INPUT_ID
                node_ref=input
                type="search"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                enterkeyhint="search"
                placeholder=move || t().search_placeholder
                aria-describedby="keyboard-hint"
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| typing.set_value(false)
            />
            <p id="keyboard-hint" class="hint">{move || t().keyboard_hint}</p>
        </div>
    }
}
