//! One row of the catalogue list.

use crate::web::base::href;
use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Video;

use crate::app::use_catalogue;
use crate::i18n::{t, use_locale};
use crate::ui::thumbnail::Thumbnail;
use crate::ui::video_meta::When;

#[component]
pub fn VideoCard(video: &'static Video) -> impl IntoView {
    let series = use_catalogue().series(&video.series);
    view! {
        <li class="video-card" data-video-id=video.id.clone()>
            <A href=href(&format!("/video/{}", video.id)) attr:class="video-link">
                <Thumbnail src=video.thumbnail_url() />
                <div class="video-text">
                    <span class="video-title">{video.title.clone()}</span>
                    <span class="video-meta">
                        <span class="number">"#" {video.number}</span>
                        <When video />
                        {series.map(|s| view! { <span class="series">{move || use_locale().series_name(s).to_string()}</span> })}
                        {video.summary.is_some().then(|| view! { <span class="badge">{move || t().has_summary}</span> })}
                    </span>
                </div>
            </A>
        </li>
    }
}
