//! The tab title (through `leptos_meta`): the page's name, then the app's,
//! in the language shown.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// `name` is read reactively, so a language switch or a rename re-titles
/// the tab at once; `None` is the app's own page.
#[component]
pub fn PageTitle(#[prop(into)] name: Signal<Option<String>>) -> impl IntoView {
    let text = move || match name.get() {
        Some(page) => format!("{page} · {}", t().app_name),
        None => t().app_name.to_string(),
    };
    view! { <Title text /> }
}
