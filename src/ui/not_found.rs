//! The page for any address the router does not know.

use crate::web::base::href;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, Strings};
use crate::ui::page_title::PageTitle;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle name=move || Some(t().not_found_title.to_string()) />
        <Missing title=|s| s.not_found_title body=|s| s.not_found_body />
    }
}

/// A "nothing here" message with a way back. Its texts are chosen from the
/// table of the language shown, so a language switch re-words them.
#[component]
pub fn Missing(
    title: fn(&Strings) -> &'static str,
    body: fn(&Strings) -> &'static str,
) -> impl IntoView {
    view! {
        <section class="page message-page" aria-labelledby="missing-title">
            <h1 id="missing-title">{move || title(t())}</h1>
            <p>{move || body(t())}</p>
            <p>
                <A href=href("/")>{move || t().back_to_catalogue}</A>
            </p>
        </section>
    }
}
