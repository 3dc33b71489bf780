//! Small pieces of video metadata shared by the list and the video page.

use leptos::prelude::*;
use shelf_core::catalogue::Video;
use shelf_core::locale::Locale;

use crate::context::use_locale;
use crate::i18n::fill;
use crate::i18n::LocaleText;

/// The date, or an estimated year with a tooltip saying so, in `locale`
/// (a row made for one language), or following the page's language.
#[component]
pub fn When(video: &'static Video, #[prop(optional)] locale: Option<Locale>) -> impl IntoView {
    let current = move || locale.unwrap_or_else(use_locale);
    let text = move || current().when(video);
    let hint = move || {
        video
            .year_estimated
            .then(|| current().strings().estimated_year_hint)
    };
    match (video.date, locale) {
        // Machine-readable for assistive tech and scripts; formatted for the reader.
        (Some(date), Some(_)) => {
            view! { <time class="when" datetime=date.to_string()>{text()}</time> }.into_any()
        }
        (Some(date), None) => {
            view! { <time class="when" datetime=date.to_string()>{text}</time> }.into_any()
        }
        (None, Some(_)) => view! {
            <span class="when" class:estimated=video.year_estimated title=hint()>{text()}</span>
        }
        .into_any(),
        (None, None) => view! {
            <span class="when" class:estimated=video.year_estimated title=hint>{text}</span>
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
