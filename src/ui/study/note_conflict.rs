//! A note edited on two devices at once: every version, each with "keep
//! this one", and "keep both" (the versions joined into one text). Editing
//! the note below resolves it too; the editor starts from both texts.

use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::study::{joined_versions, MAX_NOTE_CHARS};

use crate::context::use_study;
use crate::i18n::t;
use crate::ui::study::note_view::NoteText;
use crate::ui::study::util::fill;

/// The conflict's element id, for the editor's description.
pub const CONFLICT_ID: &str = "note-conflict";

#[component]
pub fn NoteConflict(video_id: &'static VideoId, versions: Memo<Vec<String>>) -> impl IntoView {
    let study = use_study();
    // Characters of both versions joined, when "keep both" was refused.
    let too_long = RwSignal::new(None::<usize>);
    let keep_both = move |_| {
        let joined = versions
            .with_untracked(|v| joined_versions(&v.iter().map(String::as_str).collect::<Vec<_>>()));
        match study.update(|s, now| s.keep_all_note_versions(video_id, now)) {
            Ok(_) => too_long.set(None),
            Err(_) => too_long.set(Some(joined.chars().count())),
        }
    };
    let version = move |(index, text): (usize, String)| {
        let heading_id = format!("note-version-{index}");
        let n = (index + 1).to_string();
        let text = Signal::stored(text);
        view! {
            <li class="note-version">
                <h4 id=heading_id.clone()>{move || fill(t().note_version_heading, &[("n", &n)])}</h4>
                <p class="note-text"><NoteText video_id text /></p>
                <button
                    type="button"
                    class="button keep-version"
                    aria-describedby=heading_id
                    on:click=move |_| {
                        too_long.set(None);
                        let _ = study.update(|s, now| s.keep_note_version(video_id, index, now));
                    }
                >
                    {move || t().note_keep_this}
                </button>
            </li>
        }
    };
    view! {
        <section id=CONFLICT_ID class="note-conflict" aria-labelledby="note-conflict-heading">
            <h3 id="note-conflict-heading">{move || t().note_conflict_heading}</h3>
            <p class="hint">{move || t().note_conflict_hint}</p>
            <ol class="note-versions" role="list">
                {move || versions.get().into_iter().enumerate().map(version).collect_view()}
            </ol>
            <p class="field-row">
                <button type="button" class="button keep-both" on:click=keep_both>
                    {move || t().note_keep_both}
                </button>
            </p>
            <p class="field-error" role="status">
                {move || too_long.get().map(|n| fill(
                    t().note_keep_both_too_long,
                    &[("n", &n.to_string()), ("max", &MAX_NOTE_CHARS.to_string())],
                ))}
            </p>
        </section>
    }
}
