//! Progress, resume time, notes and playlists for one video, on its page. (stub)

use leptos::prelude::*;

#[component]
pub fn StudyPanel(video_id: &'static str) -> impl IntoView {
    let _ = video_id;
}
