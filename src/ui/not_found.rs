//! The page for any address the router does not know.

use crate::web::base::href;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;
use crate::web::document::set_title;

#[component]
pub fn NotFound() -> impl IntoView {
    Effect::new(|_| set_title(t().app_name, Some(t().not_found_title)));
    view! { <Missing title=t().not_found_title body=t().not_found_body /> }
}

/// A "nothing here" message with a way back.
#[component]
pub fn Missing(title: &'static str, body: &'static str) -> impl IntoView {
    view! {
        <section class="page message-page" aria-labelledby="missing-title">
            <h1 id="missing-title">{title}</h1>
            <p>{body}</p>
            <p>
                <A href=href("/")>{move || t().back_to_catalogue}</A>
            </p>
        </section>
    }
}
