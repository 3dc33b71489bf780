//! Notes to take away: the notes of a lecture, course, playlist or all of
//! them, downloaded as Markdown (time codes link to their moment) or CSV
//! (core `study::export`).

use leptos::prelude::*;
use shelf_core::study::export::{all_noted_lectures, noted_lectures, notes_csv, notes_markdown};

use crate::context::{use_catalogue, use_study};
use crate::i18n::{fill, t};
use crate::web::download::{safe_file_stem, save_text};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Csv,
}

/// `name`: the export's heading and file name; `ids`: the lectures, in
/// order (`None`: every noted lecture).
#[component]
pub fn NotesExport(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] ids: Signal<Option<Vec<String>>>,
) -> impl IntoView {
    let catalogue = use_catalogue();
    let study = use_study();
    let status = RwSignal::new(None::<Result<String, &'static str>>);
    let export = move |format: Format| {
        let s = t();
        let lectures = study.with_untracked(|state| match ids.get_untracked() {
            Some(ids) => noted_lectures(
                state,
                catalogue,
                ids.iter().map(String::as_str),
                s.unknown_video,
            ),
            None => all_noted_lectures(state, catalogue, s.unknown_video),
        });
        if lectures.is_empty() {
            status.set(Some(Err(s.notes_export_none)));
            return;
        }
        let version = |n: usize, of: usize| {
            fill(
                s.note_version_mark,
                &[("n", &n.to_string()), ("of", &of.to_string())],
            )
        };
        let name = name.get_untracked();
        let stem = safe_file_stem(&name, "notes");
        let (file, mime, text) = match format {
            Format::Markdown => (
                format!("{stem}.md"),
                "text/markdown;charset=utf-8",
                notes_markdown(&name, &lectures, &version),
            ),
            Format::Csv => (
                format!("{stem}.csv"),
                "text/csv;charset=utf-8",
                notes_csv(&lectures, s.notes_csv_header, &version),
            ),
        };
        status.set(Some(match save_text(&file, mime, &text) {
            Ok(()) => Ok(file),
            Err(_) => Err(s.download_failed),
        }));
    };
    let message = move || match status.get() {
        None => String::new(),
        Some(Ok(file)) => fill(t().exported_markdown, &[("file", &file)]),
        Some(Err(text)) => text.to_string(),
    };
    view! {
        <div class="notes-export" role="group" aria-label=move || t().notes_export_group>
            <button type="button" class="button export-notes-markdown" on:click=move |_| export(Format::Markdown)>
                {move || t().notes_export_markdown}
            </button>
            <button type="button" class="button export-notes-csv" on:click=move |_| export(Format::Csv)>
                {move || t().notes_export_csv}
            </button>
            <p class="status" role="status">{message}</p>
        </div>
    }
}
