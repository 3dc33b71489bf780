//! What the playlist page last did (export, share, clean-up, a move or a
//! removal), for its status line. Kept as data and worded when shown, so
//! the line follows a language switch (as `ui::sources::job_status` does
//! for catalogue jobs).

use shelf_core::catalogue::Catalogue;
use shelf_core::ids::VideoId;
use shelf_core::sources::holdings;

use crate::i18n::{plural, t};
use crate::ui::study::util::fill;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    Exported {
        file: String,
    },
    DownloadFailed,
    ShareCopied,
    /// The clipboard refused: the link is shown to copy by hand.
    ShareCopyManually,
    /// Duplicates removed (0: there were none).
    RemovedDuplicates(usize),
    /// Watched videos removed (0: there were none).
    RemovedWatched(usize),
    Removed {
        video: VideoId,
    },
    /// `video` is now at `to` (from 0) of `total`.
    Moved {
        video: VideoId,
        to: usize,
        total: usize,
    },
}

impl Announcement {
    /// The words in the current language; `catalogue` names the videos.
    /// Call it on a copy (`signal.get()`), not inside `signal.with`: read
    /// under the signal's guard, the language was not tracked and the line
    /// kept its old words after a switch.
    pub fn text(&self, catalogue: &Catalogue) -> String {
        let s = t();
        match self {
            Announcement::Exported { file } => fill(s.exported_markdown, &[("file", file)]),
            Announcement::DownloadFailed => s.download_failed.to_string(),
            Announcement::ShareCopied => s.share_copied.to_string(),
            Announcement::ShareCopyManually => s.share_copy_manually.to_string(),
            Announcement::RemovedDuplicates(0) => s.no_duplicates.to_string(),
            Announcement::RemovedDuplicates(n) => plural(&s.removed_duplicates, *n, &[]),
            Announcement::RemovedWatched(0) => s.no_watched_to_remove.to_string(),
            Announcement::RemovedWatched(n) => plural(&s.removed_watched, *n, &[]),
            Announcement::Removed { video } => fill(
                s.removed_entry,
                &[("title", &entry_label(catalogue, video))],
            ),
            Announcement::Moved { video, to, total } => fill(
                s.moved_entry,
                &[
                    ("title", &entry_label(catalogue, video)),
                    ("pos", &(to + 1).to_string()),
                    ("total", &total.to_string()),
                ],
            ),
        }
    }
}

/// A playlist entry's name: its title, or "unknown video (id)" for an id
/// the catalogue lacks.
pub fn entry_label(catalogue: &Catalogue, video: &VideoId) -> String {
    catalogue.video(video).map_or_else(
        || {
            let label = if holdings(catalogue).is_partial() {
                t().not_loaded_video
            } else {
                t().unknown_video
            };
            format!("{label} ({video})")
        },
        |v| v.title.clone(),
    )
}
