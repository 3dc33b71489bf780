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
