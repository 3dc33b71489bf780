//! A video thumbnail that degrades to a tidy placeholder (offline, blocked
//! YouTube) instead of a broken image.

use leptos::prelude::*;

use crate::web::target;

#[component]
pub fn Thumbnail(src: String, #[prop(optional)] eager: bool) -> impl IntoView {
    let failed = RwSignal::new(false);
    view! {
        <div class="thumb" class:thumb-failed=move || failed.get()>
            <Show when=move || !failed.get()>
                // Decorative: the title next to it says what the video is.
                <img
                    src=src.clone()
                    alt=""
                    width="320"
                    height="180"
                    loading=if eager { "eager" } else { "lazy" }
                    decoding="async"
                    referrerpolicy="no-referrer"
                    on:error=move |_| failed.set(true)
                />
            </Show>
        </div>
    }
}

/// [`Thumbnail`] for the catalogue's rows, made in bulk as results change:
/// no state of its own, a failed image changes its own element. Only for
/// rows keyed by video, whose elements never show another video.
#[component]
pub fn RowThumbnail(src: String) -> impl IntoView {
    view! {
        <div class="thumb">
            // Decorative: the title next to it says what the video is.
            <img
                src=src
                alt=""
                width="320"
                height="180"
                loading="lazy"
                decoding="async"
                referrerpolicy="no-referrer"
                on:error=failed
            />
        </div>
    }
}

/// The placeholder for good: the image goes and its box says so.
fn failed(ev: web_sys::ErrorEvent) {
    if let Some(img) = target::of(&ev) {
        img.remove_marking_parent("thumb-failed");
    }
}
