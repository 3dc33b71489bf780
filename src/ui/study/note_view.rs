//! A note shown as text, with its time codes (`12:34`, `1:02:03`) turned
//! into links that open the video at that moment. Text nodes only.

use leptos::prelude::*;
use shelf_core::study::{segments, watch_url, Segment};

use crate::i18n::t;
use crate::ui::study::util::fill;

#[component]
pub fn NoteText(video_id: &'static str, #[prop(into)] text: Signal<String>) -> impl IntoView {
    move || {
        text.with(|text| {
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
                        >
                            {text.to_string()}
                        </a>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        })
    }
}
