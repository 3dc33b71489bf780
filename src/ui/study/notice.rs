//! Says when stored study data could not be read or saved: unreadable data
//! (kept, with a download of the raw text), items left out of otherwise
//! readable data (listed), data from a newer version
//! (nothing is saved), or storage that is off or full (this tab only).

use leptos::prelude::*;
use leptos_router::components::A;
use shelf_core::study::ItemKind;

use crate::context::use_locale;
use crate::context::use_study;
use crate::i18n::{t, LocaleText};
use crate::study::{StoreNotice, Study};
use crate::ui::study::util::fill;
use crate::web::base::href;
use crate::web::download::{save_text, today};
use crate::web::storage::{StorageIssue, STATE_KEY};

#[component]
pub fn StoreNoticeBanner() -> impl IntoView {
    let study = use_study();
    // Saving re-reports the same problem on every change; once dismissed, a
    // notice stays away until a different one comes.
    let dismissed = RwSignal::new(None::<StoreNotice>);
    let shown = Memo::new(move |_| {
        study
            .notice
            .get()
            .filter(|notice| dismissed.with(|d| d.as_ref() != Some(notice)))
    });
    let dismiss = move |_| {
        dismissed.set(study.notice.get_untracked());
        study.notice.set(None);
    };
    move || {
        shown.get().map(|notice| {
            let kind = kind(&notice);
            view! {
                <div class="store-notice" role="alert" data-kind=kind>
                    <div class="store-notice-body">
                        <NoticeText notice />
                    </div>
                    <button type="button" class="button" on:click=dismiss>
                        {move || t().notice_dismiss}
                    </button>
                </div>
            }
        })
    }
}

fn kind(notice: &StoreNotice) -> &'static str {
    match notice {
        StoreNotice::Corrupt { .. } => "corrupt",
        StoreNotice::Salvaged { .. } => "salvaged",
        StoreNotice::ReadOnly { .. } => "read-only",
        StoreNotice::MemoryOnly(_) => "memory-only",
        StoreNotice::ListsFull(_) => "lists-full",
    }
}

#[component]
fn NoticeText(notice: StoreNotice) -> impl IntoView {
    match notice {
        StoreNotice::Corrupt { reason, backup_key } => {
            let kept = backup_key.is_some();
            view! {
                <p><strong>{move || t().notice_corrupt_title}</strong></p>
                <p>
                    {move || if kept { t().notice_corrupt_kept } else { t().notice_corrupt_not_kept }}
                </p>
                <DownloadRaw backup_key />
                <details>
                    <summary>{move || t().notice_details}</summary>
                    <p class="error-detail">{move || crate::i18n::unreadable(&reason)}</p>
                </details>
            }
            .into_any()
        }
        StoreNotice::Salvaged {
            dropped,
            backup_key,
        } => {
            let items = dropped
                .into_iter()
                .map(|item| {
                    let kind = move || item_kind(item.kind);
                    view! { <li><span class="item-kind">{kind}</span> " " <code>{item.key}</code> ": " <span class="dropped-reason">{item.reason}</span></li> }
                })
                .collect_view();
            view! {
                <p><strong>{move || t().notice_salvaged_title}</strong></p>
                <p>{move || t().notice_salvaged_body}</p>
                <DownloadRaw backup_key />
                <details>
                    <summary>{move || t().notice_details}</summary>
                    <ul class="dropped-items">{items}</ul>
                </details>
            }
            .into_any()
        }
        StoreNotice::ReadOnly { version } => view! {
            <p><strong>{move || t().notice_read_only_title}</strong></p>
            <p>{move || fill(t().notice_read_only_body, &[("version", &version.to_string())])}</p>
        }
        .into_any(),
        StoreNotice::ListsFull(lists) => {
            let items = lists
                .into_iter()
                .map(|list| {
                    let n = list.videos.len();
                    let max = use_locale().format_count(shelf_core::study::playlist::MAX_VIDEOS);
                    view! {
                        <li>
                            {move || crate::i18n::plural(&t().notice_list_full_item, n, &[("name", &list.name), ("max", &max)])}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p><strong>{move || t().notice_list_full_title}</strong></p>
                <ul class="waiting-lists">{items}</ul>
            }
            .into_any()
        }
        StoreNotice::MemoryOnly(issue) => {
            let cause = move || match &issue {
                StorageIssue::QuotaExceeded => t().notice_storage_full,
                StorageIssue::Unavailable(_) => t().notice_storage_off,
                StorageIssue::Failed(_) => t().notice_storage_failed,
            };
            view! {
                <p><strong>{cause}</strong></p>
                <p>
                    {move || t().notice_memory_only_body}
                    " "
                    <A href=href("/backup")>{move || t().notice_export_hint}</A>
                </p>
            }
            .into_any()
        }
    }
}

/// Saves the kept raw text as a file. Without a backup key the unreadable
/// text is still in the main slot.
#[component]
fn DownloadRaw(backup_key: Option<String>) -> impl IntoView {
    let key = backup_key.unwrap_or_else(|| STATE_KEY.to_string());
    // Whether the last try failed (worded when shown).
    let failed = RwSignal::new(false);
    let download = move |_| {
        let saved = Study::backup_text(&key).ok_or(()).and_then(|text| {
            let name = format!("lecture-shelf-unreadable-{}.txt", today());
            save_text(&name, "text/plain;charset=utf-8", &text).map_err(|_| ())
        });
        failed.set(saved.is_err());
    };
    view! {
        <p class="notice-actions">
            <button type="button" class="button primary" on:click=download>
                {move || t().notice_download_raw}
            </button>
            <span class="status">{move || failed.get().then(|| t().notice_download_failed)}</span>
        </p>
    }
}

/// The translated name of a kind of stored item.
pub fn item_kind(kind: ItemKind) -> &'static str {
    let s = t();
    match kind {
        ItemKind::Progress => s.item_progress,
        ItemKind::Note => s.item_note,
        ItemKind::Playlist => s.item_playlist,
        ItemKind::Settings => s.item_settings,
        ItemKind::Duration => s.length_label,
        ItemKind::Section => s.item_section,
    }
}
