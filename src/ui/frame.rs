//! The site header. Its markup mirrors the static shell in `index.html`, so
//! nothing moves when the app replaces the shell.

use crate::web::base::href;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::context::use_theme;
use crate::context::{use_locale, use_study};
use crate::i18n::{t, LocaleText};
use crate::preferences::{set_locale, set_theme, Theme};
use crate::web::document::focus_first;

/// The id of the page's one `<main>` (the app's, the load error's, the
/// prerendered first screen's and `index.html`'s skeleton): the skip link's
/// target.
pub const MAIN_ID: &str = "main";

fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_first(&[format!("#{MAIN_ID}")]);
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let study = use_study();
    let theme = use_theme();
    let theme_label = |theme: Theme| match theme {
        Theme::System => t().theme_system,
        Theme::Light => t().theme_light,
        Theme::Dark => t().theme_dark,
    };
    view! {
        // Moves focus itself: with `<base href>` and the router, "#main" would
        // otherwise navigate instead of jumping.
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>{move || t().skip_to_content}</a>
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <img class="brand-mark" src=href("/icons/icon-192.png") width="28" height="28" alt="" />
                <span class="brand-name">{move || t().app_name}</span>
            </A>
            <p class="tagline">
                <span class="tagline-long">{move || t().tagline}</span>
                <span class="tagline-short">{move || t().tagline_short}</span>
            </p>
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
                on:click=move |_| set_locale(study, use_locale().other())
            >
                {move || t().switch_language}
            </button>
            <label class="theme-select">
                <span class="visually-hidden">{move || t().theme_label}</span>
                <select
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let chosen = Theme::ALL.into_iter().find(|t| t.code().unwrap_or("system") == code);
                        set_theme(study, chosen.unwrap_or(Theme::System));
                    }
                    prop:value=move || theme.get().code().unwrap_or("system")
                >
                    {Theme::ALL
                        .into_iter()
                        .map(|option| view! {
                            <option value=option.code().unwrap_or("system") selected=move || theme.get() == option>
                                {move || theme_label(option)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
        </header>
    }
}
