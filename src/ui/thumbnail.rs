//! A video thumbnail that degrades to a tidy placeholder (offline, blocked
//! YouTube) instead of a broken image.

use leptos::prelude::*;

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
