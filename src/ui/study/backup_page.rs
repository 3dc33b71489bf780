//! `/backup`: everything as one versioned JSON file, and importing such a
//! file as a merge, after a preview that names what it would change, with
//! one click to undo it (until the next import).

use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shelf_core::study::backup::MAX_BACKUP_BYTES;
use shelf_core::study::{
    export_backup, parse_backup, preview_import, ImportError, OverLimit, StudyState,
};

use crate::context::use_study;
use crate::i18n::plural;
use crate::i18n::t;
use crate::study::{now_ms, SaveStatus};
use crate::ui::page_title::PageTitle;
use crate::ui::study::import_preview::{ImportOverLimit, ImportPreviewNames, ImportPreviewTable};
use crate::ui::study::notes_export::NotesExport;
use crate::ui::study::util::{fill, focus_later};
use crate::web::base::href;
use crate::web::download::{save_text, today};
use crate::web::file::{picked_file, read_text};
use leptos_router::components::A;

/// Where an import is.
#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    /// The file could not be read at all (not even as text).
    Unreadable,
    Refused(ImportError),
    Ready {
        incoming: StudyState,
        /// Items in the file that could not be read.
        skipped: usize,
    },
    Done {
        changed: bool,
        /// What a limit kept out (the preview said so too).
        over: OverLimit,
    },
}

#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <PageTitle name=move || Some(t().backup_heading.to_string()) />
        <section class="page backup-page" aria-labelledby="backup-heading">
            <h1 id="backup-heading">{move || t().backup_heading}</h1>
            <p class="sync-link">
                <A href=href("/sync")>{move || t().sync_link}</A>
            </p>
            <ExportBackup />
            <section class="notes-export-all" aria-labelledby="notes-export-heading">
                <h2 id="notes-export-heading">{move || t().notes_export_label}</h2>
                <NotesExport name=move || t().notes_export_all.to_string() ids=|| None />
            </section>
            <ImportBackup />
        </section>
    }
}

#[component]
fn ExportBackup() -> impl IntoView {
    let study = use_study();
    // What happened, worded when shown (so it follows a language switch).
    let exported = RwSignal::new(None::<Result<String, ()>>);
    let export = move |_| {
        let text = study.with_untracked(|s| export_backup(s, now_ms()));
        let file = format!("lecture-shelf-backup-{}.json", today());
        let saved = save_text(&file, "application/json", &text).map_err(|_| ());
        exported.set(Some(saved.map(|()| file)));
    };
    let message = move || match exported.get() {
        None => String::new(),
        Some(Ok(file)) => fill(t().backup_exported, &[("file", &file)]),
        Some(Err(())) => t().download_failed.to_string(),
    };
    view! {
        <section class="backup-export" aria-labelledby="export-heading">
            <h2 id="export-heading">{move || t().backup_export_heading}</h2>
            <p>{move || t().backup_export_body}</p>
            <button type="button" class="button primary export-backup" on:click=export>
                {move || t().backup_export_button}
            </button>
            <p class="status" role="status">{message}</p>
        </section>
    }
}

#[component]
fn ImportBackup() -> impl IntoView {
    let study = use_study();
    let stage = RwSignal::new(Stage::Idle);
    // How many items the last undo put back, worded when shown.
    let undone = RwSignal::new(None::<usize>);
    let input: NodeRef<Input> = NodeRef::new();
    let on_change = move |_| {
        let Some(file) = input.get_untracked().as_ref().and_then(picked_file) else {
            stage.set(Stage::Idle);
            return;
        };
        // Refused before reading: a huge file would stall the tab.
        let bytes = file.size() as usize;
        if bytes > MAX_BACKUP_BYTES {
            stage.set(Stage::Refused(ImportError::TooLarge {
                bytes,
                max: MAX_BACKUP_BYTES,
            }));
            return;
        }
        stage.set(Stage::Reading);
        spawn_local(async move {
            let next = match read_text(&file).await {
                Err(_) => Stage::Unreadable,
                Ok(text) => match parse_backup(&text, now_ms()) {
                    Ok(parsed) => Stage::Ready {
                        incoming: parsed.state,
                        skipped: parsed.dropped.len(),
                    },
                    Err(error) => Stage::Refused(error),
                },
            };
            stage.set(next);
        });
    };
    let reset_input = move || {
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    };
    let apply = move |_| {
        let Stage::Ready { incoming, .. } = stage.get_untracked() else {
            return;
        };
        let preview = study.with_untracked(|local| preview_import(local, &incoming));
        let (changed, over) = (preview.has_changes(), preview.over_limit);
        study.import(&incoming);
        undone.set(None);
        reset_input();
        stage.set(Stage::Done { changed, over });
        // The preview (and its buttons) goes away: keep the keyboard nearby.
        focus_later("#import-file".to_string());
    };
    let undo = move |_| {
        let n = study.undo_import();
        stage.set(Stage::Idle);
        undone.set(Some(n));
        focus_later("#import-file".to_string());
    };
    let cancel = move |_| {
        reset_input();
        stage.set(Stage::Idle);
        focus_later("#import-file".to_string());
    };
    let preview = Memo::new(move |_| {
        stage.with(|s| match s {
            Stage::Ready { incoming, skipped } => Some((
                study.with(|local| preview_import(local, incoming)),
                incoming.clone(),
                *skipped,
            )),
            _ => None,
        })
    });
    let status = move || {
        let s = t();
        stage.with(|stage| match stage {
            Stage::Idle | Stage::Ready { .. } => String::new(),
            Stage::Reading => s.import_reading.to_string(),
            Stage::Unreadable => s.import_unreadable.to_string(),
            Stage::Refused(error) => import_error_text(error),
            Stage::Done { .. } if study.status() == SaveStatus::Unsaved => {
                s.import_not_saved.to_string()
            }
            Stage::Done { changed: true, .. } => s.import_done.to_string(),
            Stage::Done { changed: false, .. } => s.import_done_nothing.to_string(),
        })
    };
    let failed = move || stage.with(|s| matches!(s, Stage::Unreadable | Stage::Refused(_)));
    view! {
        <section class="backup-import" aria-labelledby="import-heading">
            <h2 id="import-heading">{move || t().backup_import_heading}</h2>
            <p>{move || t().backup_import_body}</p>
            <p class="field-row">
                <label for="import-file">{move || t().backup_import_label}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=input
                    on:change=on_change
                />
            </p>
            <p class="status" class:field-error=failed role="status">{status}</p>
            {move || stage.with(|s| match s {
                Stage::Done { over, .. } if !over.is_empty() => {
                    let over = over.clone();
                    Some(view! { <ImportOverLimit over /> })
                }
                _ => None,
            })}
            {move || preview.get().map(|(preview, incoming, skipped)| {
                let changes = preview.has_changes();
                let over = preview.over_limit.clone();
                let names = preview.clone();
                view! {
                    <div class="import-preview">
                        <ImportPreviewTable preview />
                        <ImportPreviewNames preview=names incoming />
                        {(!over.is_empty()).then(|| view! { <ImportOverLimit over /> })}
                        {(skipped > 0).then(|| view! {
                            <p class="import-skipped">{move || plural(&t().import_skipped, skipped, &[])}</p>
                        })}
                        <p>{move || if changes { t().import_preview_apply_hint } else { t().import_preview_no_changes }}</p>
                        <p class="field-row">
                            <button type="button" class="button primary apply-import" on:click=apply>
                                {move || t().import_apply}
                            </button>
                            <button type="button" class="button" on:click=cancel>
                                {move || t().cancel}
                            </button>
                        </p>
                    </div>
                }
            })}
            <Show when=move || study.can_undo_import()>
                <p class="undo-import-row field-row">
                    <button type="button" class="button undo-import" on:click=undo>
                        {move || t().import_undo}
                    </button>
                    <span class="hint">{move || t().import_undo_hint}</span>
                </p>
            </Show>
            <p class="status" role="status">
                {move || undone.get().map(|n| plural(&t().import_undone, n, &[]))}
            </p>
        </section>
    }
}

fn import_error_text(error: &ImportError) -> String {
    let s = t();
    match error {
        ImportError::TooLarge { bytes, max } => fill(
            s.import_too_large,
            &[("size", &megabytes(*bytes)), ("max", &megabytes(*max))],
        ),
        ImportError::NotABackup => s.import_not_backup.to_string(),
        ImportError::Corrupt { reason } => fill(
            s.import_corrupt,
            &[("reason", &crate::i18n::unreadable(reason))],
        ),
        ImportError::FromNewerVersion { version } => {
            fill(s.import_newer_version, &[("version", &version.to_string())])
        }
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}
