//! A partial catalogue at the point of need: "these lines may be lectures
//! not loaded yet", "lectures 1–26 are not loaded yet", with the one action
//! that loads the rest (the same load as the holdings line's).

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::sources::holdings;

use crate::context::{use_catalogue, use_loader, use_shelf};
use crate::i18n::t;
use crate::loader::Job;
use crate::ui::sources::holdings::load_label;
use crate::web::base::href;

/// Whether the catalogue the calling page was created with lacks numbers
/// below its highest: then an unknown id may be a lecture not loaded yet.
/// Pages are created anew when a load swaps the catalogue, so this is read
/// once.
pub fn catalogue_is_partial() -> bool {
    holdings(use_catalogue()).is_partial()
}

/// "Not loaded yet" for an id the catalogue lacks when it is partial,
/// "Not in the catalogue" when it is whole.
pub fn unknown_video_label(partial: bool) -> &'static str {
    if partial {
        t().not_loaded_video
    } else {
        t().unknown_video
    }
}

/// The load action: "Load the full catalogue", or "Check for new lectures"
/// when the site was built holding the whole catalogue. Disabled while a
/// load runs; a failed load points at the sources page, which says why.
#[component]
pub fn LoadMissing() -> impl IntoView {
    let loader = use_loader();
    let built_whole = use_shelf().site_source().is_some();
    let label = move || {
        if loader.busy() {
            t().loading_catalogue
        } else {
            load_label(t(), true, built_whole)
        }
    };
    let failed = move || {
        loader
            .job
            .with(|j| matches!(j, Job::Refused(_) | Job::Failed))
    };
    view! {
        <button
            type="button"
            class="button load-missing"
            disabled=move || loader.busy()
            on:click=move |_| loader.load_default()
        >
            {label}
        </button>
        <Show when=failed>
            " "
            <A href=href("/sources") attr:class="load-failed">{move || t().load_failed}</A>
        </Show>
    }
}

/// A note with the load action, e.g. "These 13 lines may be lectures that
/// are not loaded yet. [Load the full catalogue]".
#[component]
pub fn NotLoadedNote(
    #[prop(into)] text: Signal<String>,
    /// Another class for the paragraph, where the page styles or finds it.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <p class=format!("not-loaded-note {class}")>
            <span class="not-loaded-text">{move || text.get()}</span>
            " "
            <LoadMissing />
        </p>
    }
}
