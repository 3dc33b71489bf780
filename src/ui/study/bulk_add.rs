//! Adds many videos to a playlist at once: the selected results, or all of them.

use leptos::prelude::*;
use shelf_core::ids::VideoId;
use shelf_core::study::{AddSummary, Duplicates, NameError};

use crate::context::use_study;
use crate::i18n::plural;
use crate::i18n::t;
use crate::ui::study::playlist_picker::{name_error_text, Picker, PlaylistPicker};
use crate::ui::study::util::fill;

/// Its picker's id prefix (`playlist_picker::select_id`, `name_id`).
pub const PICKER_PREFIX: &str = "bulk";
/// Its heading (the group's label).
pub const HEADING_ID: &str = "bulk-add-heading";

#[component]
pub fn BulkAdd(
    /// The ids of the selected results, in the order shown.
    selected: Signal<Vec<VideoId>>,
    /// The ids of every result of the current filter, in result order.
    all_results: Signal<Vec<VideoId>>,
) -> impl IntoView {
    let study = use_study();
    let picker = Picker::new();
    let message = RwSignal::new(None::<Outcome>);
    let add = move |ids: Vec<VideoId>| {
        if ids.is_empty() {
            return;
        }
        let outcome = study.update(|s, now| -> Result<_, NameError> {
            let target = picker.target(s, now)?;
            Ok(s.playlist_mut(&target.id, now).map(|mut playlist| {
                let summary = playlist.add_many(&ids, Duplicates::Skip);
                (
                    target.id.clone(),
                    playlist.playlist().name().to_string(),
                    summary,
                )
            }))
        });
        match outcome {
            Ok(None) => {}
            Ok(Some((id, name, summary))) => {
                picker.chose(&id);
                message.set(Some(Outcome::Done { name, summary }));
            }
            Err(error) => message.set(Some(Outcome::BadName(error))),
        }
    };
    let selected_count = move || selected.with(Vec::len);
    let result_count = move || all_results.with(Vec::len);
    view! {
        <div class="bulk-add" role="group" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID class="bulk-add-heading">{move || t().bulk_add_heading}</h2>
            <div class="field-row">
                <PlaylistPicker
                    picker
                    id_prefix=PICKER_PREFIX
                    on_enter=Callback::new(move |_| add(selected.get_untracked()))
                />
                <button
                    type="button"
                    class="button primary"
                    disabled=move || selected_count() == 0
                    on:click=move |_| add(selected.get_untracked())
                >
                    {move || fill(t().bulk_add_selected, &[("n", &selected_count().to_string())])}
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=move || result_count() == 0
                    on:click=move |_| add(all_results.get_untracked())
                >
                    {move || plural(&t().bulk_add_all, result_count(), &[])}
                </button>
            </div>
            <p class="status" role="status">{move || message.get().map(|m| m.text())}</p>
        </div>
    }
}

/// What the last add did, kept as data and worded when shown, so the
/// status line follows a language switch.
#[derive(Clone)]
enum Outcome {
    /// Into the playlist named `name`.
    Done {
        name: String,
        summary: AddSummary,
    },
    BadName(NameError),
}

impl Outcome {
    fn text(&self) -> String {
        match self {
            Outcome::Done { name, summary } => summary_text(name, *summary),
            Outcome::BadName(error) => name_error_text(*error),
        }
    }
}

/// "已加入 3 部到「清單」，2 部原本就在清單裡。"
fn summary_text(name: &str, summary: AddSummary) -> String {
    let s = t();
    let mut text = plural(&s.bulk_added, summary.added, &[("name", name)]);
    if summary.already_present > 0 {
        text.push_str(&plural(&s.bulk_already, summary.already_present, &[]));
    }
    if summary.full > 0 {
        text.push_str(&fill(s.bulk_full, &[("n", &summary.full.to_string())]));
    }
    text.push_str(s.full_stop);
    text
}
