//! The note on a video: a textarea saved shortly after typing stops (and on
//! leaving the field), with the saved note shown below, time codes linked.
//! A note edited on two devices shows its versions above (`note_conflict`)
//! and the textarea starts from both texts joined, so typing resolves it.

use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::playback::insert_time;
use shelf_core::study::{joined_versions, MAX_NOTE_CHARS};

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::player::control::use_player_control;
use crate::ui::study::note_conflict::{NoteConflict, CONFLICT_ID};
use crate::ui::study::note_view::NoteText;
use crate::ui::study::util::fill;

/// Quiet time after the last keystroke before the note is saved.
const SAVE_DELAY: Duration = Duration::from_millis(600);

#[component]
pub fn NoteEditor(video_id: &'static VideoId) -> impl IntoView {
    let study = use_study();
    let versions = Memo::new(move |_| {
        study.with(|s| {
            s.note_versions(video_id)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    });
    let conflict = Memo::new(move |_| versions.with(|v| v.len() >= 2));
    let stored = Memo::new(move |_| {
        versions.with(|v| joined_versions(&v.iter().map(String::as_str).collect::<Vec<_>>()))
    });
    // Typed and not yet saved; `None` shows the stored note, so another
    // tab's edit shows up unless this one is mid-edit.
    let unsaved = RwSignal::new(None::<String>);
    let draft = Memo::new(move |_| unsaved.get().unwrap_or_else(|| stored.get()));
    let saved_message = RwSignal::new(false);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let save = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let Some(Some(text)) = unsaved.try_get_untracked() else {
            return;
        };
        // `maxlength` keeps typed notes within the core's cap (UTF-16 units
        // count at least as many as characters), so this cannot be refused,
        // except for two long versions joined: the field shows the count.
        let _ = study.update(|s, now| s.set_note(video_id, &text, now));
        unsaved.set(None);
        saved_message.set(true);
    };
    let on_input = move |ev| {
        unsaved.set(Some(event_target_value(&ev)));
        saved_message.set(false);
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(save, SAVE_DELAY).ok();
        pending.set_value(handle);
    };
    // Leaving the page mid-edit still keeps the note.
    on_cleanup(save);
    // "Note at current time": the time code goes in at the cursor, and the
    // note is saved as if typed.
    let field: NodeRef<Textarea> = NodeRef::new();
    if let Some(control) = use_player_control() {
        control.set_note_inserter(move |secs| {
            let Some(area) = field.get_untracked() else {
                return;
            };
            let cursor = area.selection_start().ok().flatten().unwrap_or(u32::MAX) as usize;
            let text = draft.get_untracked();
            let (next, at) = insert_time(&text, cursor, secs);
            if next == text {
                return;
            }
            unsaved.set(Some(next.clone()));
            area.set_value(&next);
            save();
            let _ = area.focus();
            let _ = area.set_selection_range(at as u32, at as u32);
        });
    }
    let count = move || {
        draft.with(|d| {
            fill(
                t().note_count,
                &[
                    ("n", &d.chars().count().to_string()),
                    ("max", &MAX_NOTE_CHARS.to_string()),
                ],
            )
        })
    };
    view! {
        <div class="note-editor">
            <Show when=move || conflict.get()>
                <NoteConflict video_id versions />
            </Show>
            <label for="note-text">{move || t().note_label}</label>
            <textarea
                id="note-text"
                node_ref=field
                rows="6"
                maxlength=MAX_NOTE_CHARS.to_string()
                aria-describedby=move || {
                    if conflict.get() {
                        format!("{CONFLICT_ID} note-hint note-count")
                    } else {
                        "note-hint note-count".to_string()
                    }
                }
                prop:value=move || draft.get()
                on:input=on_input
                on:change=move |_| save()
            ></textarea>
            <p id="note-hint" class="hint">{move || t().note_hint}</p>
            <p class="note-status">
                <span id="note-count" class="muted">{count}</span>
                " "
                <span role="status">{move || saved_message.get().then(|| t().note_saved)}</span>
            </p>
            <Show when=move || !conflict.get() && stored.with(|s| !s.is_empty())>
                <div class="note-view">
                    <h3 id="note-view-heading">{move || t().note_view_heading}</h3>
                    <p class="note-text">
                        <NoteText video_id text=stored />
                    </p>
                </div>
            </Show>
        </div>
    }
}
