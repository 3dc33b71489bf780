//! What importing a backup would change, per kind of item, as a table.

use leptos::prelude::*;
use shelf_core::study::{ImportPreview, KindDiff};

use crate::i18n::t;

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
            <tr>
                <th scope="row">{move || label()}</th>
                {cells.into_iter().map(|n| view! { <td>{n}</td> }).collect_view()}
            </tr>
        }
    };
    view! {
        <table class="import-preview-table">
            <caption>{move || t().import_preview_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t().import_col_kind}</th>
                    <th scope="col">{move || t().import_col_added}</th>
                    <th scope="col">{move || t().import_col_updated}</th>
                    <th scope="col">{move || t().import_col_removed}</th>
                    <th scope="col">{move || t().import_col_unchanged}</th>
                    <th scope="col">{move || t().import_col_kept}</th>
                </tr>
            </thead>
            <tbody>
                {row(|| t().import_kind_progress, preview.progress)}
                {row(|| t().import_kind_notes, preview.notes)}
                {row(|| t().import_kind_playlists, preview.playlists)}
                {row(|| t().import_kind_settings, preview.settings)}
            </tbody>
        </table>
    }
}
