//! The site header. Its markup mirrors the static shell in `index.html`, so
//! nothing moves when the app replaces the shell.

use crate::web::base::href;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t, LocaleSignal};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let locale = expect_context::<LocaleSignal>().0;
    view! {
        <a class="skip-link" href="#main">{move || t().skip_to_content}</a>
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"📚"</span>
                <span class="brand-name">{move || t().app_name}</span>
            </A>
            <p class="tagline">{move || t().tagline}</p>
            <nav class="site-nav" aria-label=move || t().nav_label>
                <A href=href("/") exact=true>{move || t().nav_catalogue}</A>
                <A href=href("/progress")>{move || t().nav_progress}</A>
                <A href=href("/playlists")>{move || t().nav_playlists}</A>
                <A href=href("/backup")>{move || t().nav_backup}</A>
            </nav>
            <button
                type="button"
                class="lang-switch"
                aria-label=move || t().switch_language_label
                on:click=move |_| locale.update(|l| *l = l.other())
            >
                {move || t().switch_language}
            </button>
        </header>
    }
}
