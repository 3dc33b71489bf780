//! `/sources`: what the catalogue is made of, and how to grow or refresh it.

use leptos::prelude::*;
use shelf_core::sources::Source;

use crate::context::{use_loader, use_shelf};
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::ui::sources::holdings::Holdings;
use crate::ui::sources::source_forms::{AddFiles, AddUrl};
use crate::ui::study::util::fill;

#[component]
pub fn SourcesPage() -> impl IntoView {
    view! {
        <PageTitle name=move || Some(t().sources_heading.to_string()) />
        <section class="page sources-page" aria-labelledby="sources-heading">
            <h1 id="sources-heading">{move || t().sources_heading}</h1>
            <p>{move || t().sources_intro}</p>
            <Holdings />
            <SourceList />
            <AddUrl />
            <AddFiles />
        </section>
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::Index(url) | Source::Page(url) => url.as_str().to_string(),
        Source::File { name } => name.clone(),
    }
}

#[component]
fn SourceList() -> impl IntoView {
    let shelf = use_shelf();
    let loader = use_loader();
    let record = shelf.record();
    let rows = move || {
        record.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.sources()
                        .iter()
                        .map(|s| {
                            let pages = r.pages().iter().filter(|p| &p.source == s).count();
                            (s.clone(), pages)
                        })
                        .collect::<Vec<_>>()
                })
                // Nothing loaded yet: the default source, as a fresh record has it.
                .unwrap_or_else(|| vec![(Source::default_index(), 0)])
        })
    };
    let has_urls = move || {
        record.with(|r| {
            r.as_ref()
                .is_none_or(|r| r.sources().iter().any(|s| s.url().is_some()))
        })
    };
    let auto = move || record.with(|r| r.as_ref().is_some_and(|r| r.auto_refresh()));
    view! {
        <section class="sources" aria-labelledby="sources-list-heading">
            <h2 id="sources-list-heading">{move || t().sources_list_heading}</h2>
            <ul class="source-list">
                <li class="builtin-source">{move || t().sources_builtin}</li>
                {move || rows().into_iter().map(|(source, pages)| {
                    let name = source_name(&source);
                    let kind = match source {
                        Source::Index(_) => t().source_kind_index,
                        Source::Page(_) => t().source_kind_page,
                        Source::File { .. } => t().source_kind_file,
                    };
                    let label = fill(t().source_remove_label, &[("name", &name)]);
                    view! {
                        <li class="source">
                            <span class="source-kind">{kind}</span>
                            " "
                            <span class="source-name">{name}</span>
                            " "
                            <span class="source-pages">{move || plural(&t().source_pages, pages, &[])}</span>
                            " "
                            <button
                                type="button"
                                class="button remove-source"
                                aria-label=label
                                disabled=move || loader.busy()
                                on:click=move |_| loader.remove(source.clone())
                            >
                                {t().source_remove}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="source-actions">
                <button
                    type="button"
                    class="button refresh-sources"
                    disabled=move || loader.busy() || !has_urls()
                    on:click=move |_| loader.refresh()
                >
                    {move || t().refresh_sources}
                </button>
                " "
                <label class="auto-refresh-label">
                    <input
                        type="checkbox"
                        class="auto-refresh"
                        prop:checked=auto
                        on:change=move |ev| loader.set_auto_refresh(event_target_checked(&ev))
                    />
                    " "
                    {move || t().auto_refresh}
                </label>
            </p>
        </section>
    }
}
