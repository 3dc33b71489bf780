//! `/progress`: how far along the whole catalogue and each series is, and
//! where to continue each series (the first unwatched lecture in order).

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::catalogue::Series;
use shelf_core::study::{continue_series, overall_tally, resume_url};

use crate::context::{use_catalogue, use_study};
use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::ui::study::coverage_note::CoverageNote;
use crate::ui::study::tally_bar::{series_name_and_tally, TallyBar};
use crate::ui::study::util::fill;
use crate::web::base::href;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let progress = study.progress();
    let overall = Memo::new(move |_| progress.with(|p| overall_tally(catalogue, p)));
    view! {
        <PageTitle name=move || Some(t().progress_heading.to_string()) />
        <section class="page progress-page" aria-labelledby="progress-heading">
            <h1 id="progress-heading">{move || t().progress_heading}</h1>
            <div class="overall-progress">
                <h2 id="overall-heading">{move || t().progress_overall}</h2>
                <TallyBar tally=overall label=Signal::derive(move || t().progress_overall.to_string()) />
            </div>
            <h2>{move || t().progress_by_series}</h2>
            <ul class="series-progress" role="list">
                // The importer lists only series that have videos.
                {catalogue.series.iter()
                    .map(|series| view! { <SeriesProgress series /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SeriesProgress(series: &'static Series) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let id = series.id.as_str();
    let (name, tally) = series_name_and_tally(series);
    let next = Memo::new(move |_| {
        study.with(|s| {
            continue_series(catalogue, s.progress(), id)
                .map(|v| (v, resume_url(s.progress(), &v.id)))
        })
    });
    view! {
        <li class="series-row" data-series=id>
            <h3 class="series-name">{name}</h3>
            <TallyBar tally label=name />
            <CoverageNote series_id=id.to_string() />
            <p class="series-actions">
                {move || match next.get() {
                    Some((video, resume)) => {
                        view! {
                            <A href=href(&format!("/video/{}", video.id)) attr:class="continue-link">
                                {move || fill(t().continue_series, &[("title", &video.title)])}
                            </A>
                            " "
                            <a
                                class="button"
                                href=resume
                                target="_blank"
                                rel="noopener noreferrer"
                                aria-label=move || fill(t().play_on_youtube_label, &[("title", &video.title)])
                            >
                                {move || t().continue_on_youtube}
                            </a>
                        }
                        .into_any()
                    }
                    None => view! { <span class="done">{move || t().series_done}</span> }.into_any(),
                }}
                " "
                <A href=href(&format!("/series/{id}")) attr:class="series-playlist-link">
                    {move || t().series_as_playlist}
                </A>
            </p>
        </li>
    }
}
