//! Small pieces of video metadata shared by the list and the video page.

use leptos::prelude::*;
use shelf_core::catalogue::Video;

use crate::context::use_locale;
use crate::i18n::fill;
use crate::i18n::LocaleText;

/// The date, or an estimated year with a tooltip saying so.
#[component]
pub fn When(video: &'static Video) -> impl IntoView {
    let text = move || use_locale().when(video);
    match video.date {
        // Machine-readable for assistive tech and scripts; formatted for the reader.
        Some(date) => view! { <time class="when" datetime=date.to_string()>{text}</time> }.into_any(),
        None => view! {
            <span
                class="when"
                class:estimated=video.year_estimated
                title=move || video.year_estimated.then(|| use_locale().strings().estimated_year_hint)
            >
                {text}
            </span>
        }
        .into_any(),
    }
}

/// "第 14 講 · 第 2/2 部分" / "Lecture 14 · Part 2 of 2"; just "Part 3" when
/// the titles do not tell how many parts there are.
pub fn lecture_label(video: &Video) -> Option<String> {
    let s = use_locale().strings();
    let lecture = video
        .lecture
        .map(|n| fill(s.lecture_number, &[("n", &n.to_string())]));
    let part = video.part.map(|p| match p.of() {
        Some(of) => fill(
            s.part_of,
            &[("n", &p.n().to_string()), ("of", &of.to_string())],
        ),
        None => fill(s.part_label, &[("n", &p.n().to_string())]),
    });
    let parts: Vec<String> = lecture.into_iter().chain(part).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}
