//! The watch-state control on catalogue rows and playlist entries: a
//! compact segmented group of three radio buttons, one per state.
//!
//! Each segment sets its own state, so clicking it again (a double click)
//! changes nothing; the old one-button cycle turned a double click into two
//! steps (in progress, then watched). Native radios give the roles, the
//! checked state, arrow keys and labels; the text of each state is always
//! there for screen readers and shown for the chosen one, so colour and
//! the symbol are never the only cue.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use shelf_core::catalogue::Video;
use shelf_core::watch::WatchState;

use crate::context::use_study;
use crate::i18n::{t, Strings};
use crate::ui::study::util::fill;

/// The words for a watch state.
pub fn state_label(s: &'static Strings, state: WatchState) -> &'static str {
    match state {
        WatchState::Unwatched => s.watch_unwatched,
        WatchState::InProgress => s.watch_in_progress,
        WatchState::Watched => s.watch_watched,
    }
}

/// A small symbol for a watch state (decorative; the text says it too).
pub fn state_mark(state: WatchState) -> &'static str {
    match state {
        WatchState::Unwatched => "○",
        WatchState::InProgress => "◐",
        WatchState::Watched => "●",
    }
}

/// A radio group name of its own per control: a playlist may hold a video
/// twice, and two groups sharing a name would be one group.
fn group_name() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("watch-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn WatchToggle(video: &'static Video) -> impl IntoView {
    let study = use_study();
    let (video_id, title) = (&video.id, video.title.as_str());
    let state = Memo::new(move |_| study.with(|s| s.watch_state(video_id)));
    let name = group_name();
    let choice = move |value: WatchState| {
        view! {
            <label class="watch-choice" data-state=value.code() title=move || state_label(t(), value)>
                <input
                    type="radio"
                    class="watch-input"
                    name=name.clone()
                    value=value.code()
                    prop:checked=move || state.get() == value
                    // Fires only when this state becomes the chosen one.
                    on:change=move |_| {
                        study.update(|s, now| s.set_watch_state(video_id, value, now));
                    }
                />
                <span class="watch-mark" aria-hidden="true">{state_mark(value)}</span>
                <span class="watch-text">{move || state_label(t(), value)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="watch-pill" data-state=move || state.get().code()>
            <legend class="sr-only">{move || fill(t().watch_toggle_label, &[("title", title)])}</legend>
            {WatchState::ALL.into_iter().map(choice).collect_view()}
        </fieldset>
    }
}
