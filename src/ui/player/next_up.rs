//! At the end of a lecture: the next one (next unwatched in the playlist
//! being played, else the next in the course), after a visible countdown
//! that can be cancelled. Nothing plays without it.

use crate::i18n::t;
use crate::ui::player::control::{PlayerControl, Status};
use crate::ui::player::ticker::Ticker;
use crate::ui::study::util::fill;
use crate::web::base::href;
use crate::web::location::with_query;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shelf_core::catalogue::Video;
use shelf_core::ids::PlaylistId;
use shelf_core::neighbours::Neighbours;

const COUNTDOWN_SECS: u32 = 10;

/// The video page's address for `video`, keeping the playlist being played.
pub fn video_path(video: &str, list: Option<&PlaylistId>) -> String {
    match list {
        Some(list) => format!("/video/{video}?list={list}"),
        None => format!("/video/{video}"),
    }
}

#[component]
pub fn NextUp(
    /// The page's neighbours (`neighbours::in_context`): the countdown names
    /// the same next as the page's "next lecture" link.
    neighbours: Memo<Neighbours<'static>>,
    list: Option<PlaylistId>,
    control: PlayerControl,
    /// The catalogue view the student came from (URL query), kept.
    from: String,
) -> impl IntoView {
    let list = StoredValue::new(list);
    let next = Memo::new(move |_| {
        if control.status.get() != Status::Ended {
            return None;
        }
        neighbours.with(|n| n.next.map(|n| n.video))
    });
    let left = RwSignal::new(COUNTDOWN_SECS);
    let cancelled = RwSignal::new(false);
    let navigate = use_navigate();
    let go = StoredValue::new(move |to: &'static Video| {
        let path = href(&video_path(to.id.as_str(), list.get_value().as_ref()));
        // Reached by the countdown the student let run: the next one plays.
        navigate(
            &with_query(with_query(path, &from), "play=1"),
            Default::default(),
        );
    });
    // Outside the reactive graph, so the page's cleanup can always stop it
    // (its signals may already be gone by then).
    let ticker = Ticker::default();
    let stop = {
        let ticker = ticker.clone();
        move || ticker.stop()
    };
    {
        let ticker = ticker.clone();
        // Starts once, when the lecture ends and there is a next one.
        Effect::new(move |running: Option<bool>| {
            let has_next = next.get().is_some();
            if has_next && running != Some(true) {
                left.set(COUNTDOWN_SECS);
                cancelled.set(false);
                let inner = ticker.clone();
                ticker.start(move || {
                    let Some(remaining) = left.try_get_untracked() else {
                        inner.stop();
                        return;
                    };
                    let remaining = remaining.saturating_sub(1);
                    left.set(remaining);
                    if remaining == 0 {
                        inner.stop();
                        if let Some(Some(to)) = next.try_get_untracked() {
                            go.with_value(|go| go(to));
                        }
                    }
                });
            } else if !has_next {
                ticker.stop();
            }
            has_next
        });
    }
    {
        let ticker = ticker.clone();
        on_cleanup(move || ticker.stop());
    }
    move || {
        let to = next.get()?;
        (!cancelled.get()).then(|| {
            view! {
                <div class="next-up" role="status">
                    <p>
                        {move || fill(t().next_up, &[("title", &to.title), ("secs", &left.get().to_string())])}
                    </p>
                    <button type="button" class="button primary next-now" on:click={
                        let stop = stop.clone();
                        move |_| {
                        stop();
                        go.with_value(|go| go(to));
                    }}>
                        {move || t().next_now}
                    </button>
                    " "
                    <button type="button" class="button next-cancel" on:click={
                        let stop = stop.clone();
                        move |_| {
                        stop();
                        cancelled.set(true);
                    }}>
                        {move || t().next_cancel}
                    </button>
                </div>
            }
        })
    }
}
