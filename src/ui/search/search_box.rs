//! The search field. Results follow each keystroke; the URL follows when
//! typing pauses (`typed.rs`), the first write of a typing run as a new
//! history entry and the rest rewriting it, so a search is one step back,
//! not one per letter.

use leptos::html::Input;
use leptos::prelude::*;
use shelf_core::search::{Query, MAX_QUERY_CHARS};

use crate::ui::search::typed::TypedSearch;

use crate::i18n::t;

pub const SEARCH_INPUT_ID: &str = "catalogue-search";
/// The shortcuts hint under the field (its `aria-describedby`).
pub const HINT_ID: &str = "keyboard-hint";

#[component]
pub fn SearchBox(query: Memo<Query>, typed: TypedSearch) -> impl IntoView {
    // The field shows the view's text: what was typed, or the URL's after
    // Back/forward and pasted links.
    let text = Memo::new(move |_| query.with(|q| q.text.clone()));
    let typing = StoredValue::new(false);
    let input: NodeRef<Input> = NodeRef::new();
    let on_input = move |ev| {
        let starts_run = !typing.get_value();
        typing.set_value(true);
        typed.type_text(event_target_value(&ev), starts_run);
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" if !text.get_untracked().is_empty() => {
            ev.prevent_default();
            typed.clear();
        }
        "Enter" => typed.flush(),
        _ => {}
    };
    let on_blur = move |_| {
        typing.set_value(false);
        // Focus leaves before a click lands (a result link, a facet), so the
        // history entry the student leaves holds the search.
        typed.flush();
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
                // The search reads no further (the core's limit).
                maxlength=MAX_QUERY_CHARS.to_string()
                enterkeyhint="search"
                placeholder=move || t().search_placeholder
                aria-describedby=HINT_ID
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=on_blur
            />
            <p id=HINT_ID class="hint">{move || t().keyboard_hint}</p>
        </div>
    }
}
