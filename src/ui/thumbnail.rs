//! A video thumbnail that degrades to a tidy placeholder (offline, blocked
//! YouTube) instead of a broken image.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Thumbnail(src: String, #[prop(optional)] eager: bool) -> impl IntoView {
    view! {
        <div class="thumb">
            // Decorative: the title next to it says what the video is.
            <img
                src=src
                alt=""
                width="320"
                height="180"
                loading=if eager { "eager" } else { "lazy" }
                decoding="async"
                referrerpolicy="no-referrer"
                on:error=failed
            />
        </div>
    }
}

/// A failed image leaves its placeholder for good: done on the element
/// itself, since a row holds no state for it (rows are made in bulk).
fn failed(ev: web_sys::ErrorEvent) {
    let Some(img) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if let Some(thumb) = img.parent_element() {
        let _ = thumb.class_list().add_1("thumb-failed");
    }
    img.remove();
}
