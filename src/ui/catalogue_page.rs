//! The catalogue: every video, newest first.

use leptos::prelude::*;

use crate::app::use_catalogue;
use crate::i18n::t;
use crate::ui::video_card::VideoCard;
use crate::web::document::set_title;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let catalogue = use_catalogue();
    Effect::new(|_| set_title(t().app_name, None));
    let count = catalogue.videos.len();
    view! {
        <section class="page catalogue-page" aria-labelledby="catalogue-heading">
            <div class="page-heading">
                <h1 id="catalogue-heading">{move || t().catalogue_heading}</h1>
                <p class="count" aria-live="polite">
                    {move || format!("{}{count}{}", t().video_count.0, t().video_count.1)}
                </p>
            </div>
            <ul class="video-list" role="list">
                {catalogue.videos.iter().rev().map(|video| view! { <VideoCard video /> }).collect_view()}
            </ul>
        </section>
    }
}
