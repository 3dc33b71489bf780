//! Progress, resume time, notes and playlists for one video, on its page.

use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::watch::WatchState;

use crate::context::{use_catalogue, use_study};
use crate::i18n::t;
use crate::ui::study::add_to_playlist::AddToPlaylist;
use crate::ui::study::note_editor::NoteEditor;
use crate::ui::study::notes_export::NotesExport;
use crate::ui::study::resume_field::ResumeField;
use crate::ui::study::watch_toggle::state_label;

#[component]
pub fn StudyPanel(video_id: &'static VideoId) -> impl IntoView {
    view! {
        <section class="study-panel" aria-labelledby="study-heading">
            <h2 id="study-heading">{move || t().study_heading}</h2>
            <WatchRadios video_id />
            <ResumeField video_id />
            <NoteEditor video_id />
            <NotesExport name=move || title(video_id) ids=move || Some(vec![video_id.to_string()]) />
            <AddToPlaylist video_id />
        </section>
    }
}

/// The export's heading and file name: the lecture's title, else its id.
fn title(video_id: &VideoId) -> String {
    use_catalogue()
        .video(video_id)
        .map_or_else(|| video_id.to_string(), |v| v.title.clone())
}

/// The three watch states as a radio group.
#[component]
fn WatchRadios(video_id: &'static VideoId) -> impl IntoView {
    let study = use_study();
    let state = Memo::new(move |_| study.with(|s| s.watch_state(video_id)));
    let radio = move |value: WatchState| {
        view! {
            <label class="watch-radio" data-state=value.code()>
                <input
                    type="radio"
                    name="watch-state"
                    value=value.code()
                    prop:checked=move || state.get() == value
                    // The player's session sees this choice in the study state.
                    on:change=move |_| {
                        study.update(|s, now| s.set_watch_state(video_id, value, now));
                    }
                />
                <span>{move || state_label(t(), value)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="watch-radios">
            <legend>{move || t().facet_watched}</legend>
            {WatchState::ALL.into_iter().map(radio).collect_view()}
        </fieldset>
    }
}
