//! The watch-state control shown on each catalogue row: one compact button
//! that cycles unwatched → in progress → watched → unwatched.
//!
//! It is a tri-state toggle: `aria-pressed` is false, mixed (in progress)
//! or true, and the visible text says the state in words, so colour is
//! never the only cue. Its name starts with those same words ("未觀看：…"),
//! so a student using voice control can say what they see (WCAG 2.5.3);
//! the tooltip, its description, says what a click does next.

use leptos::prelude::*;
use shelf_core::catalogue::Video;
use shelf_core::watch::WatchState;

use crate::context::use_study;
use crate::i18n::{t, Strings};
use crate::ui::study::util::fill;

/// The state after one click.
pub fn next_state(state: WatchState) -> WatchState {
    match state {
        WatchState::Unwatched => WatchState::InProgress,
        WatchState::InProgress => WatchState::Watched,
        WatchState::Watched => WatchState::Unwatched,
    }
}

/// The words for a watch state.
pub fn state_label(s: &'static Strings, state: WatchState) -> &'static str {
    match state {
        WatchState::Unwatched => s.watch_unwatched,
        WatchState::InProgress => s.watch_in_progress,
        WatchState::Watched => s.watch_watched,
    }
}

/// A small symbol for a watch state (decorative; the text says it too).
fn state_mark(state: WatchState) -> &'static str {
    match state {
        WatchState::Unwatched => "○",
        WatchState::InProgress => "◐",
        WatchState::Watched => "●",
    }
}

#[component]
pub fn WatchToggle(video: &'static Video) -> impl IntoView {
    let study = use_study();
    let (video_id, title) = (&video.id, video.title.as_str());
    let state = Memo::new(move |_| study.with(|s| s.watch_state(video_id)));
    let pressed = move || match state.get() {
        WatchState::Unwatched => "false",
        WatchState::InProgress => "mixed",
        WatchState::Watched => "true",
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        // Never let the click reach the row (its link or any row handler).
        ev.prevent_default();
        ev.stop_propagation();
        let next = next_state(state.get_untracked());
        study.update(|s, now| s.set_watch_state(video_id, next, now));
    };
    view! {
        <button
            type="button"
            class="watch-toggle"
            data-state=move || state.get().code()
            aria-pressed=pressed
            aria-label=move || {
                fill(t().watch_toggle_label, &[("state", state_label(t(), state.get())), ("title", title)])
            }
            title=move || {
                let s = t();
                format!("{} → {}", state_label(s, state.get()), state_label(s, next_state(state.get())))
            }
            on:click=on_click
        >
            <span class="watch-mark" aria-hidden="true">{move || state_mark(state.get())}</span>
            <span class="watch-text">{move || state_label(t(), state.get())}</span>
        </button>
    }
}
