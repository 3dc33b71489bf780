//! On a course's page: "lectures A to B" saved as a playlist in lecture
//! order (for assignments such as "watch at least up to 第8講").

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shelf_core::assignment::{range, Bound};
use shelf_core::catalogue::Video;
use shelf_core::ids::VideoId;

use crate::context::{use_catalogue, use_locale, use_study};
use crate::i18n::{t, LocaleText};
use crate::ui::study::util::{fill, new_playlist_id};
use crate::web::base::href;

/// How a lecture reads in the range menus and the playlist's name.
fn lecture_label(video: &Video) -> String {
    match video.lecture {
        Some(n) => fill(t().lecture_number, &[("n", &n.to_string())]),
        None => video.order.to_string(),
    }
}

#[component]
pub fn RangePicker(series_id: Memo<String>) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let navigate = use_navigate();
    let videos = Memo::new(move |_| {
        series_id.with(|id| {
            catalogue
                .series_videos(id)
                .into_iter()
                .map(|v| v.id.clone())
                .collect::<Vec<VideoId>>()
        })
    });
    let from = RwSignal::new(None::<VideoId>);
    let to = RwSignal::new(None::<VideoId>);
    let option = move |id: &VideoId| {
        let video = catalogue.video(id);
        let text = video
            .map(|v| format!("{} · {}", lecture_label(v), v.title))
            .unwrap_or_else(|| id.to_string());
        view! { <option value=id.to_string()>{text}</option> }
    };
    let pick = |signal: RwSignal<Option<VideoId>>| {
        move |ev| signal.set(VideoId::parse(&event_target_value(&ev)))
    };
    let save = move |_| {
        let all = videos.get_untracked();
        let (Some(first), Some(last)) = (all.first().cloned(), all.last().cloned()) else {
            return;
        };
        let from = from.get_untracked().unwrap_or(first);
        let to = to.get_untracked().unwrap_or(last);
        let id = series_id.get_untracked();
        let chosen = range(
            catalogue,
            &id,
            Bound::Video(from.clone()),
            Bound::Video(to.clone()),
        );
        let label = |v: &VideoId| catalogue.video(v).map(lecture_label).unwrap_or_default();
        let series_name = catalogue
            .series(&id)
            .map(|s| use_locale().series_name(s).to_string())
            .unwrap_or_default();
        let name = fill(
            t().range_name,
            &[
                ("series", &series_name),
                ("from", &label(&from)),
                ("to", &label(&to)),
            ],
        );
        let created = study.update(|s, now| {
            let pid = new_playlist_id(s, now);
            s.create_playlist_with(pid.clone(), &name, &chosen, now)
                .ok()
                .map(|()| pid)
        });
        if let Some(pid) = created {
            navigate(&href(&format!("/playlists/{pid}")), Default::default());
        }
    };
    view! {
        <div class="range-picker field-row" role="group" aria-labelledby="range-heading">
            <h2 id="range-heading">{move || t().range_heading}</h2>
            <label>
                <span>{move || t().range_from}</span>
                <select class="range-from" on:change=pick(from)>
                    {move || videos.get().iter().map(option).collect_view()}
                </select>
            </label>
            <label>
                <span>{move || t().range_to}</span>
                <select class="range-to" on:change=pick(to) prop:value=move || videos.with(|v| v.last().map(|id| id.to_string()).unwrap_or_default())>
                    {move || videos.get().iter().map(option).collect_view()}
                </select>
            </label>
            <button type="button" class="button primary save-range" on:click=save>
                {move || t().range_save}
            </button>
        </div>
    }
}
