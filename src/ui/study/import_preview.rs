//! What importing a backup would change: a table of counts per kind of
//! item, the names of what would be added, updated and removed, the texts
//! of notes it changes (both, when both sides edited one), and what a
//! limit keeps out.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shelf_core::study::playlist::MAX_VIDEOS;
use shelf_core::study::{ImportPreview, KindDiff, OverLimit, StudyState, MAX_PLAYLISTS};

use crate::context::{use_catalogue, use_study};
use crate::i18n::{plural, t, Strings};
use crate::ui::sources::load_missing::{catalogue_is_partial, unknown_video_label, NotLoadedNote};

#[component]
pub fn ImportPreviewTable(preview: ImportPreview) -> impl IntoView {
    let row = |label: fn() -> &'static str, diff: KindDiff| {
        let cells = [
            diff.added.len(),
            diff.updated.len(),
            diff.removed.len(),
            diff.unchanged.len(),
            diff.kept_local.len(),
        ];
        view! {
            <tr role="row">
                <th scope="row" role="rowheader">{move || label()}</th>
                {cells
                    .into_iter()
                    .zip(COLUMNS)
                    .map(|(n, column)| view! { <td role="cell" data-label=move || column(t())>{n}</td> })
                    .collect_view()}
            </tr>
        }
    };
    view! {
        // Explicit roles: phones lay the table out as blocks (style/study.css),
        // and some screen readers drop a table's semantics with its layout.
        <table class="import-preview-table" role="table">
            <caption>{move || t().import_preview_caption}</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <th scope="col" role="columnheader">{move || t().import_col_kind}</th>
                    <th scope="col" role="columnheader">{move || t().import_col_added}</th>
                    <th scope="col" role="columnheader">{move || t().import_col_updated}</th>
                    <th scope="col" role="columnheader">{move || t().import_col_removed}</th>
                    <th scope="col" role="columnheader">{move || t().import_col_unchanged}</th>
                    <th scope="col" role="columnheader">{move || t().import_col_kept}</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {row(|| t().import_kind_progress, preview.progress)}
                {row(|| t().import_kind_notes, preview.notes)}
                {row(|| t().import_kind_playlists, preview.playlists)}
                {row(|| t().import_kind_settings, preview.settings)}
            </tbody>
        </table>
    }
}

/// The count columns' headings; phones show each beside its cell.
const COLUMNS: [fn(&Strings) -> &'static str; 5] = [
    |s| s.import_col_added,
    |s| s.import_col_updated,
    |s| s.import_col_removed,
    |s| s.import_col_unchanged,
    |s| s.import_col_kept,
];

/// Names of what the import adds, updates and removes: playlist names and
/// video titles (from this side or the file), never a bare count.
#[component]
pub fn ImportPreviewNames(preview: ImportPreview, incoming: StudyState) -> impl IntoView {
    let catalogue = use_catalogue();
    let partial = catalogue_is_partial();
    let study = use_study();
    let video_name = move |id: &str| {
        catalogue
            .video(id)
            .map(|v| v.title.clone())
            .unwrap_or_else(|| format!("{} ({id})", unknown_video_label(partial)))
    };
    // Every video the backup mentions that this catalogue lacks: with the
    // catalogue partial, most are lectures not loaded yet.
    let not_loaded = partial.then(|| {
        let mut ids: BTreeSet<&str> = incoming.progress().keys().map(|id| id.as_str()).collect();
        ids.extend(incoming.noted_videos().map(|(id, _)| id.as_str()));
        for list in incoming.live_playlists() {
            ids.extend(list.videos().into_iter().map(|id| id.as_str()));
        }
        ids.into_iter()
            .filter(|id| catalogue.video(id).is_none())
            .count()
    });
    let playlist_name = |id: &str| {
        incoming
            .any_playlist(id)
            .map(|p| p.name().to_string())
            .or_else(|| study.with_untracked(|s| s.any_playlist(id).map(|p| p.name().to_string())))
            .unwrap_or_else(|| id.to_string())
    };
    let groups: Vec<(Change, Vec<String>)> = Change::ALL
        .into_iter()
        .map(|change| {
            let mut names: Vec<String> = change
                .of(&preview.playlists)
                .iter()
                .map(|id| format!("{} {}", t().item_playlist, playlist_name(id)))
                .collect();
            let videos = |diff: &KindDiff, kind: &str| {
                change
                    .of(diff)
                    .iter()
                    .map(|id| format!("{kind} {}", video_name(id)))
                    .collect::<Vec<_>>()
            };
            names.extend(videos(&preview.progress, t().item_progress));
            names.extend(videos(&preview.notes, t().item_note));
            names.extend(
                change
                    .of(&preview.settings)
                    .iter()
                    .map(|name| format!("{} {name}", t().item_settings)),
            );
            (change, names)
        })
        .filter(|(_, names)| !names.is_empty())
        .collect();
    let note_texts = (!preview.note_texts.is_empty()).then(|| {
        let changes = preview
            .note_texts
            .iter()
            .map(|change| {
                let texts = |versions: &[String]| match versions {
                    [] => view! { <p class="muted">{move || t().import_note_none}</p> }.into_any(),
                    versions => versions
                        .iter()
                        .map(|text| view! { <p class="note-text">{text.clone()}</p> })
                        .collect_view()
                        .into_any(),
                };
                let both = change.keeps_both();
                view! {
                    <li class="import-note" data-video=change.video.to_string()>
                        <p class="import-note-title">{video_name(change.video.as_str())}</p>
                        <dl>
                            <dt>{move || t().import_note_now}</dt>
                            <dd>{texts(&change.before)}</dd>
                            <dt>{move || t().import_note_after}</dt>
                            <dd>{texts(&change.after)}</dd>
                        </dl>
                        {both.then(|| view! { <p class="import-note-both">{move || t().import_note_both}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="import-note-texts" aria-labelledby="import-notes-heading">
                <h3 id="import-notes-heading">{move || t().import_notes_heading}</h3>
                <ul role="list">{changes}</ul>
            </section>
        }
    });
    let note = not_loaded.filter(|&n| n > 0).map(|n| {
        let text = Signal::derive(move || plural(&t().import_not_loaded, n, &[]));
        view! { <NotLoadedNote text class="import-not-loaded" /> }
    });
    view! {
        {note}
        <dl class="import-names">
            {groups.into_iter().map(|(change, names)| view! {
                <dt>{move || change.label()}</dt>
                {names.into_iter().map(|name| view! { <dd>{name}</dd> }).collect_view()}
            }).collect_view()}
        </dl>
        {note_texts}
    }
}

/// One column of the preview, by name.
#[derive(Clone, Copy)]
enum Change {
    Added,
    Updated,
    Removed,
}

impl Change {
    const ALL: [Change; 3] = [Change::Added, Change::Updated, Change::Removed];

    fn of(self, diff: &KindDiff) -> &[String] {
        match self {
            Change::Added => &diff.added,
            Change::Updated => &diff.updated,
            Change::Removed => &diff.removed,
        }
    }

    fn label(self) -> &'static str {
        let s = t();
        match self {
            Change::Added => s.import_names_added,
            Change::Updated => s.import_names_updated,
            Change::Removed => s.import_names_removed,
        }
    }
}

/// What the import will not add because a limit was reached: each full
/// list with how many videos it cannot take, and playlists past the most
/// that can be kept. Everything already here stays.
#[component]
pub fn ImportOverLimit(over: OverLimit) -> impl IntoView {
    let max_videos = MAX_VIDEOS.to_string();
    let max_lists = MAX_PLAYLISTS.to_string();
    let lists = over
        .lists
        .into_iter()
        .map(|list| {
            let n = list.videos.len();
            let max = max_videos.clone();
            view! {
                <li data-playlist=list.id.to_string()>
                    {move || plural(&t().import_over_limit_list, n, &[("name", &list.name), ("max", &max)])}
                </li>
            }
        })
        .collect_view();
    let playlists = over.playlists.len();
    view! {
        <ul class="import-over-limit" role="list">
            {lists}
            {(playlists > 0).then(|| view! {
                <li>{move || plural(&t().import_over_limit_playlists, playlists, &[("max", &max_lists)])}</li>
            })}
        </ul>
    }
}
