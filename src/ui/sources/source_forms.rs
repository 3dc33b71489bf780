//! Adding sources: a page URL, or page files picked or dropped.

use leptos::html::Input;
use leptos::prelude::*;
use shelf_core::sources::SourceUrl;

use crate::context::use_loader;
use crate::i18n::t;
use crate::web::file;

#[component]
pub fn AddUrl() -> impl IntoView {
    let loader = use_loader();
    // The typed text lives in the loader: this form is made anew when a
    // load (in any tab) swaps the catalogue.
    let draft = loader.url_draft;
    let error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|typed| SourceUrl::parse(typed)) {
            Ok(url) => {
                error.set(false);
                draft.set(String::new());
                loader.add_url(url);
            }
            Err(_) => error.set(true),
        }
    };
    view! {
        <section class="add-source" aria-labelledby="add-url-heading">
            <h2 id="add-url-heading">{move || t().add_url_heading}</h2>
            <form class="add-url" on:submit=submit novalidate=true>
                <label>
                    {move || t().add_url_label}
                    <input
                        type="url"
                        name="url"
                        autocomplete="off"
                        placeholder="https://raw.githubusercontent.com/…/docs/01-index.md"
                        aria-invalid=move || error.get().then_some("true")
                        prop:value=move || draft.get()
                        on:input=move |ev| {
                            error.set(false);
                            draft.set(event_target_value(&ev));
                        }
                    />
                </label>
                " "
                <button type="submit" class="button" disabled=move || loader.busy()>
                    {move || t().add_url_submit}
                </button>
            </form>
            <Show when=move || error.get()>
                <p class="add-url-error" role="alert">{move || t().add_url_error}</p>
            </Show>
        </section>
    }
}

#[component]
pub fn AddFiles() -> impl IntoView {
    let loader = use_loader();
    let input: NodeRef<Input> = NodeRef::new();
    let over = RwSignal::new(false);
    let picked = move |_| {
        let Some(field) = input.get_untracked() else {
            return;
        };
        let files = file::picked_files(&field);
        // Cleared so picking the same file again is a change too.
        field.set_value("");
        if !files.is_empty() {
            loader.add_files(files);
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let files = file::dropped_files(&ev);
        if !files.is_empty() && !loader.busy() {
            loader.add_files(files);
        }
    };
    view! {
        <section class="add-source" aria-labelledby="add-files-heading">
            <h2 id="add-files-heading">{move || t().add_files_heading}</h2>
            <div
                class="drop-zone"
                class:over=move || over.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=dropped
            >
                <label>
                    {move || t().add_files_label}
                    <input
                        type="file"
                        class="page-files"
                        accept=".md,.markdown,text/markdown,text/plain"
                        multiple=true
                        node_ref=input
                        disabled=move || loader.busy()
                        on:change=picked
                    />
                </label>
            </div>
        </section>
    }
}
