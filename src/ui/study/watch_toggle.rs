//! The watch-state control shown on each catalogue row. (stub)

use leptos::prelude::*;

#[component]
pub fn WatchToggle(video_id: &'static str) -> impl IntoView {
    let _ = video_id;
}
