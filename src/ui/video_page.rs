//! `/video/<id>`: one lecture with its summary and a link out to YouTube.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shelf_core::catalogue::Video;
use shelf_core::ids::{PlaylistId, VideoId};
use shelf_core::neighbours::{in_context, Back, LectureContext};

use crate::context::{use_catalogue, use_locale, use_study};
use crate::i18n::{t, LocaleText};
use crate::ui::not_found::Missing;
use crate::ui::page_title::PageTitle;
use crate::ui::player::control::PlayerControl;
use crate::ui::player::next_up::NextUp;
use crate::ui::player::player_area::PlayerArea;
use crate::ui::search::filters::lang_label;
use crate::ui::series_nav::SeriesNav;
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label, NotLoadedNote};
use crate::ui::study::time_left::LengthFact;
use crate::ui::study::video_panel::StudyPanel;
use crate::ui::summary_view::{CurrentVideo, SummaryView};
use crate::ui::video_meta::{lecture_label, When};
use crate::web::base::href;
use crate::web::location::{catalogue_href, use_url_view};

#[component]
pub fn VideoPage() -> impl IntoView {
    let params = use_params_map();
    let catalogue = use_catalogue();
    let video = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        catalogue.videos.iter().position(|v| v.id == id.as_str())
    });
    let study = use_study();
    // A video the student has studied keeps its page after it left the
    // catalogue (a removed source, a renamed upload): progress, notes and
    // playlist places stay reachable. A memo, so a study edit (the player
    // marking progress) never re-renders the page it is on.
    let shown = Memo::new(move |_| match video.get() {
        Some(i) => Shown::Video(i),
        None => {
            let id = params.read().get("id").unwrap_or_default();
            match VideoId::parse(&id).filter(|id| study.with(|s| s.mentions(id))) {
                Some(id) => Shown::Studied(id),
                None => Shown::Missing,
            }
        }
    });
    let title = move || {
        let title = video.get().map(|i| catalogue.videos[i].title.as_str());
        Some(title.unwrap_or(t().unknown_video_title).to_string())
    };
    let page = move || match shown.get() {
        Shown::Video(i) => view! { <VideoDetails video=&catalogue.videos[i] /> }.into_any(),
        Shown::Studied(id) => view! { <NotInCatalogue id /> }.into_any(),
        Shown::Missing => {
            view! { <Missing title=|s| s.unknown_video_title body=|s| s.unknown_video_body /> }
                .into_any()
        }
    };
    view! {
        <PageTitle name=title />
        {page}
    }
}

#[derive(Clone, PartialEq)]
enum Shown {
    Video(usize),
    Studied(VideoId),
    Missing,
}

#[component]
fn NotInCatalogue(id: VideoId) -> impl IntoView {
    // The study panel takes ids for the page's lifetime; one small leak per
    // visit to such a page.
    let id: &'static VideoId = Box::leak(Box::new(id));
    let youtube = format!("https://www.youtube.com/watch?v={id}");
    let from = use_url_view();
    let partial = catalogue_is_partial();
    let not_loaded = partial.then(|| {
        let text = Signal::derive(move || t().video_not_loaded.to_string());
        view! { <NotLoadedNote text class="video-not-loaded" /> }
    });
    view! {
        <article class="page video-page not-in-catalogue" aria-labelledby="video-title">
            <p class="breadcrumb">
                <A href=move || from.with(catalogue_href)>{move || t().back_to_catalogue}</A>
            </p>
            <h1 id="video-title">{move || unknown_video_label(partial)} " " <code>{id.to_string()}</code></h1>
            <p>{move || t().not_in_catalogue_body}</p>
            {not_loaded}
            <a class="button primary" href=youtube target="_blank" rel="noopener noreferrer">
                {move || t().watch_on_youtube}
            </a>
            <StudyPanel video_id=id />
        </article>
    }
}

#[component]
fn VideoDetails(video: &'static Video) -> impl IntoView {
    let catalogue = use_catalogue();
    let series = catalogue.series(&video.series);
    let lang = move || lang_label(t(), video.lang);
    let control = PlayerControl::provide();
    provide_context(CurrentVideo(video.id.as_str()));
    // Opened from a playlist: "next" follows it. Reached by a countdown: play.
    let query = use_query_map();
    let (list, autoplay) = query.with_untracked(|q| {
        (
            q.get("list").and_then(|l| PlaylistId::parse(&l)),
            q.get("play").as_deref() == Some("1"),
        )
    });
    // Opened from the catalogue: the search, filters and rows it showed,
    // for the way back (and kept by the links to other lectures).
    let view = use_url_view();
    let from = view.with_untracked(|v| v.to_url_query());
    // One answer for the countdown, the previous/next links and the way
    // back: the playlist being played, else the course.
    let study = use_study();
    let progress = study.progress();
    let neighbours = {
        let list = list.clone();
        Memo::new(move |_| {
            progress.with(|p| {
                study.with_untracked(|s| {
                    let playlist = list.as_ref().and_then(|id| s.playlist(id.as_str()));
                    let context =
                        playlist.map_or(LectureContext::Catalogue, LectureContext::Playlist);
                    in_context(context, catalogue, video.id.as_str(), p)
                })
            })
        })
    };
    let back = match neighbours.with_untracked(|n| n.back.clone()) {
        Back::Playlist(id) => view! {
            <A href=href(&format!("/playlists/{id}"))>{move || t().back_to_playlist}</A>
        }
        .into_any(),
        Back::Catalogue => view! {
            <A href=move || view.with(catalogue_href)>{move || t().back_to_catalogue}</A>
        }
        .into_any(),
    };
    view! {
        <article class="page video-page" aria-labelledby="video-title">
            <p class="breadcrumb">{back}</p>
            <h1 id="video-title">{video.title.clone()}</h1>
            <div class="video-hero">
                <PlayerArea video control autoplay />
                <dl class="facts">
                    {series.map(|s| view! {
                        <dt>{move || t().series_label}</dt>
                        <dd>{move || use_locale().series_name(s).to_string()}{move || lecture_label(video).map(|l| format!(" · {l}"))}</dd>
                    })}
                    <dt>{move || t().date_label}</dt>
                    <dd><When video /></dd>
                    <LengthFact video=video.id.as_str() />
                    <dt>{move || t().language_label}</dt>
                    <dd>{lang}</dd>
                </dl>
                <a class="button primary" href=video.youtube_url() target="_blank" rel="noopener noreferrer">
                    {move || t().watch_on_youtube}
                </a>
            </div>
            <NextUp neighbours list=list.clone() control from=from.clone() />
            <SeriesNav video neighbours list from />
            <StudyPanel video_id=&video.id />
            <section class="summary-section" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{move || t().summary_heading}</h2>
                {match &video.summary {
                    Some(summary) => view! {
                        // The summaries come from a video-summary generator, not the lecturer.
                        <p class="summary-origin">{move || t().summary_ai_generated}</p>
                        <SummaryView blocks=&summary.blocks />
                    }
                    .into_any(),
                    None => view! { <p class="muted">{move || t().no_summary}</p> }.into_any(),
                }}
            </section>
        </article>
    }
}
