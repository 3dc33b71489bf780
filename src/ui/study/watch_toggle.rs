//! The watch-state control on catalogue rows and playlist entries: a
//! compact segmented group of three radio buttons, one per state.
//!
//! Each segment sets its own state, so clicking it again (a double click)
//! changes nothing; the old one-button cycle turned a double click into two
//! steps (in progress, then watched). Native radios give the roles, the
//! checked state, arrow keys and labels; the text of each state is always
//! there for screen readers and shown for the chosen one, so colour and
//! the symbol are never the only cue.

use shelf_core::locale::Locale;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use shelf_core::catalogue::Video;
use shelf_core::study::progress::watch_state;
use shelf_core::watch::WatchState;

use crate::context::use_study;
use crate::i18n::{t, LocaleText, Strings};
use crate::ui::study::util::fill;
use crate::web::target::Target;

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
pub fn WatchToggle(
    video: &'static Video,
    /// The list around it handles the radios' changes (`ResultList`: one
    /// handler for all its rows instead of three per row).
    #[prop(optional)]
    delegated: bool,
    /// Written once in this language (a list that makes its rows again when
    /// the language changes); otherwise the words follow the page's language.
    #[prop(optional)]
    locale: Option<Locale>,
) -> impl IntoView {
    let study = use_study();
    let progress = study.progress();
    let (video_id, title) = (&video.id, video.title.as_str());
    // Progress only: a note or playlist edit does not touch the rows.
    let state = Memo::new(move |_| progress.with(|p| watch_state(p, video_id)));
    let name = group_name();
    let choice = move |value: WatchState| {
        let radio = if delegated {
            view! {
                <input
                    type="radio"
                    class="watch-input"
                    name=name.clone()
                    value=value.code()
                    prop:checked=move || state.get() == value
                />
            }
            .into_any()
        } else {
            view! {
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
            }
            .into_any()
        };
        let mark = view! { <span class="watch-mark" aria-hidden="true">{state_mark(value)}</span> };
        match locale {
            Some(locale) => {
                let text = state_label(locale.strings(), value);
                view! {
                    <label class="watch-choice" data-state=value.code() title=text>
                        {radio}
                        {mark}
                        <span class="watch-text">{text}</span>
                    </label>
                }
                .into_any()
            }
            None => view! {
                <label class="watch-choice" data-state=value.code() title=move || state_label(t(), value)>
                    {radio}
                    {mark}
                    <span class="watch-text">{move || state_label(t(), value)}</span>
                </label>
            }
            .into_any(),
        }
    };
    let legend = match locale {
        Some(locale) => fill(locale.strings().watch_toggle_label, &[("title", title)]).into_any(),
        None => (move || fill(t().watch_toggle_label, &[("title", title)])).into_any(),
    };
    view! {
        <fieldset class="watch-pill" data-state=move || state.get().code()>
            <legend class="sr-only">{legend}</legend>
            {WatchState::ALL.into_iter().map(choice).collect_view()}
        </fieldset>
    }
}

/// The state a delegated [`WatchToggle`]'s radio chooses, for the list's
/// one change handler: `None` when `target` is not such a radio.
pub fn chosen_state(target: &Target) -> Option<WatchState> {
    if !target.has_class("watch-input") {
        return None;
    }
    WatchState::from_code(&target.attribute("value")?)
}
