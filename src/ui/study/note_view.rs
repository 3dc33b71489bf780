//! A note shown as text, with its time codes (`12:34`, `1:02:03`) turned
//! into links that open the video at that moment. Text nodes only.

use leptos::prelude::*;
use shelf_core::study::{segments, watch_url, Segment};

use crate::i18n::t;
use crate::ui::player::control::use_player_control;
use crate::ui::study::util::fill;

#[component]
pub fn NoteText(video_id: &'static str, #[prop(into)] text: Signal<String>) -> impl IntoView {
    move || text.with(|text| time_text(video_id, text))
}

/// Text with its time codes as links: they seek the page's player when it
/// can play, and open YouTube at that moment otherwise.
pub fn time_text(video_id: &'static str, text: &str) -> AnyView {
    let player = use_player_control();
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(part) => part.to_string().into_any(),
            Segment::Time { text, secs } => {
                let shown = text.to_string();
                view! {
                <a
                    class="timecode"
                    href=watch_url(video_id, Some(secs))
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label=move || fill(t().note_time_link, &[("time", &shown)])
                    on:click=move |ev| {
                        if player.is_some_and(|p| p.seek(secs)) {
                            ev.prevent_default();
                        }
                    }
                >
                    {text.to_string()}
                </a>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
