//! Time on a list's page and rows: lecture lengths ("45 min"), time left
//! for a playlist or a course, and a playlist's due date with the pace it
//! asks for and its plan as an `.ics` file. The arithmetic is the core's
//! (`shelf_core::study::plan`); this words it.

use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::study::plan::{
    continue_lecture, hours_minutes, ics_calendar, length_minutes, pace, plan_days, remaining_secs,
    time_left, Continue, Day, IcsEvent, Pace, TimeLeft,
};
use shelf_core::study::Playlist;

use crate::context::{use_catalogue, use_study};
use crate::i18n::{fill, plural, t};
use crate::web::base::href;
use crate::web::clock::{now_ms, utc_offset_minutes};
use crate::web::download::{safe_file_stem, save_text};

/// "3 h 40 min" / "45 min".
pub fn span_text(secs: u64) -> String {
    let (h, m) = hours_minutes(secs);
    match h {
        0 => fill(t().span_minutes, &[("m", &m.to_string())]),
        h => fill(
            t().span_hours_minutes,
            &[("h", &h.to_string()), ("m", &m.to_string())],
        ),
    }
}

/// Today, in the student's time zone.
pub fn today() -> Day {
    Day::at(now_ms(), utc_offset_minutes())
}

/// "45 min" beside a lecture, once its length is known; nothing before
/// (so a fresh profile's rows are as they always were).
#[component]
pub fn LengthBadge(video: &'static str) -> impl IntoView {
    let study = use_study();
    let secs = Memo::new(move |_| study.with(|s| s.durations().get(video).copied()));
    move || {
        secs.get().map(|secs| {
            let minutes = length_minutes(secs);
            view! {
                <span class="length" data-length=secs>
                    {fill(t().length_minutes, &[("n", &minutes.to_string())])}
                </span>
            }
        })
    }
}

/// The length as a fact on the video page, once known.
#[component]
pub fn LengthFact(video: &'static str) -> impl IntoView {
    let study = use_study();
    let known = Memo::new(move |_| study.with(|s| s.durations().contains_key(video)));
    move || {
        known.get().then(|| {
            view! {
                <dt>{move || t().length_label}</dt>
                <dd><LengthBadge video /></dd>
            }
        })
    }
}

fn unique_videos(playlist: &Playlist) -> Vec<VideoId> {
    let mut seen = std::collections::BTreeSet::new();
    playlist
        .videos()
        .into_iter()
        .filter(|v| seen.insert((*v).clone()))
        .cloned()
        .collect()
}

/// "3 h 40 min left · 2 lectures of unknown length · 5 h 10 min in all",
/// and, for a playlist with a due date, the pace it asks for.
#[component]
pub fn TimeLeftLine(playlist: Memo<Option<Playlist>>) -> impl IntoView {
    let study = use_study();
    let left = Memo::new(move |_| {
        playlist.with(|p| {
            let videos = p.as_ref().map(unique_videos).unwrap_or_default();
            study.with(|s| {
                time_left(
                    videos.iter().map(VideoId::as_str),
                    s.progress(),
                    s.durations(),
                    s.speed_percent(),
                )
            })
        })
    });
    let text = move || {
        let left: TimeLeft = left.get();
        if left.is_done() {
            return t().time_all_watched.to_string();
        }
        let mut parts = Vec::new();
        if left.left_secs == 0 && left.unknown > 0 {
            // Only lectures of unknown length are left: "0 min left" would
            // say there is nothing.
            parts.push(plural(&t().time_only_unknown, left.unknown, &[]));
        } else {
            parts.push(fill(t().time_left, &[("time", &span_text(left.left_secs))]));
            if left.unknown > 0 {
                parts.push(plural(&t().time_unknown, left.unknown, &[]));
            }
        }
        if left.total_secs > 0 {
            parts.push(fill(
                t().time_total,
                &[("time", &span_text(left.total_secs))],
            ));
        }
        parts.join(" · ")
    };
    let due = Memo::new(move |_| playlist.with(|p| p.as_ref().and_then(Playlist::due)));
    // Worked out once for the words and the past-due style alike.
    let pace_now = Memo::new(move |_| due.get().map(|due| pace(&left.get(), today(), due)));
    let pace_text = move || {
        Some(match pace_now.get()? {
            Pace::Done => return None,
            Pace::PastDue { .. } => t().pace_past_due.to_string(),
            Pace::DueToday => t().pace_today.to_string(),
            Pace::Days { days, per_day_secs } => plural(
                &t().pace_days,
                days as usize,
                &[("time", &span_text(per_day_secs))],
            ),
        })
    };
    let past_due = move || matches!(pace_now.get(), Some(Pace::PastDue { .. }));
    view! {
        <p class="time-left" data-left-secs=move || left.get().left_secs data-unknown=move || left.get().unknown>{text}</p>
        {move || pace_text().map(|text| view! { <p class="pace" class:past-due=past_due>{text}</p> })}
    }
}

/// Set or clear a playlist's due date, and export the plan to a calendar.
#[component]
pub fn DuePanel(playlist: Memo<Option<Playlist>>) -> impl IntoView {
    let study = use_study();
    let catalogue = use_catalogue();
    let id = Memo::new(move |_| playlist.with(|p| p.as_ref().map(|p| p.id().to_string())));
    let due = Memo::new(move |_| playlist.with(|p| p.as_ref().and_then(Playlist::due)));
    let set_due = move |day: Option<Day>| {
        if let Some(id) = id.get_untracked() {
            study.update(|s, now| s.playlist_mut(&id, now).is_some_and(|mut p| p.set_due(day)));
        }
    };
    let changed = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(day) = Day::parse_iso(&value) {
            set_due(Some(day));
        }
    };
    let export = move |_| {
        let Some(list) = playlist.get_untracked() else {
            return;
        };
        let Some(due) = list.due() else {
            return;
        };
        let today = today();
        let videos = unique_videos(&list);
        let lectures: Vec<(usize, Option<u64>)> = study.with_untracked(|s| {
            let speed = u64::from(s.speed_percent());
            videos
                .iter()
                .enumerate()
                .filter(|(_, v)| s.watch_state(v) != shelf_core::watch::WatchState::Watched)
                .map(|(i, v)| {
                    let secs = remaining_secs(v, s.progress(), s.durations());
                    (i, secs.map(|x| (u64::from(x) * 100).div_ceil(speed)))
                })
                .collect()
        });
        let name = list.name().to_string();
        let title = |i: usize| {
            let id = &videos[i];
            let title = catalogue
                .video(id)
                .map(|v| v.title.clone())
                .unwrap_or_else(|| id.to_string());
            format!("{title} https://youtu.be/{id}")
        };
        let mut events: Vec<IcsEvent> = plan_days(&lectures, today, due)
            .into_iter()
            .map(|day| IcsEvent {
                uid: format!("{}-{}@lecture-shelf", list.id(), day.day.iso()),
                day: day.day,
                summary: plural(&t().ics_day_summary, day.lectures.len(), &[("name", &name)]),
                description: day
                    .lectures
                    .iter()
                    .map(|&i| title(i))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        events.push(IcsEvent {
            uid: format!("{}-due@lecture-shelf", list.id()),
            day: due,
            summary: fill(t().ics_due_summary, &[("name", &name)]),
            description: String::new(),
        });
        let text = ics_calendar(&events, now_ms());
        let file = format!("{}.ics", safe_file_stem(&name, "plan"));
        let _ = save_text(&file, "text/calendar;charset=utf-8", &text);
    };
    view! {
        <div class="due-panel">
            <label class="due-field">
                {move || t().due_label} " "
                <input
                    type="date"
                    class="due-date"
                    prop:value=move || due.get().map(Day::iso).unwrap_or_default()
                    on:change=changed
                />
            </label>
            <Show when=move || due.get().is_some()>
                <button type="button" class="button due-clear" on:click=move |_| set_due(None)>
                    {move || t().due_clear}
                </button>
                <button type="button" class="button ics-export" on:click=export>
                    {move || t().ics_export}
                </button>
            </Show>
        </div>
    }
}

/// "Continue": the lecture in progress or next due, one tap to resume.
/// Nothing at all for a fresh profile, so the first screen stays as
/// prerendered.
#[component]
pub fn ContinueCard() -> impl IntoView {
    let study = use_study();
    let catalogue = use_catalogue();
    let next = Memo::new(move |_| study.with(continue_lecture));
    move || {
        let next = next.get()?;
        let (video, due) = match &next {
            Continue::InProgress(video) => (video.clone(), None),
            Continue::Due { video, due, .. } => (video.clone(), Some(*due)),
        };
        let title = catalogue
            .video(&video)
            .map(|v| v.title.clone())
            .unwrap_or_else(|| video.to_string());
        let link = match &next {
            Continue::Due { playlist, .. } => format!("/video/{video}?list={playlist}"),
            Continue::InProgress(_) => format!("/video/{video}"),
        };
        Some(view! {
            <p class="continue-card">
                <span class="continue-label">{move || t().continue_heading} ": "</span>
                <a class="continue-link" href=href(&link)>{title}</a>
                {due.map(|day| view! { " · " <span class="continue-due">{move || fill(t().continue_due, &[("date", &day.iso())])}</span> })}
            </p>
        })
    }
}
