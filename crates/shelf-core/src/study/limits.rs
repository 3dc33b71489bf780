//! Every limit on study data, in one place.
//!
//! Each path that makes or reads study data holds these: editing refuses
//! past them, merging (tabs, imports, later sync) keeps what is stored and
//! reports what it could not add, reading brings stored data within them
//! by the same rule as merging instead of dropping an item, so whatever a
//! merge writes reads back unchanged (`tests.rs` proves it on histories
//! that reach the limits).

/// Longest playlist name, in characters: enough for a title, short enough
/// for a list row and a share link.
pub const MAX_NAME_CHARS: usize = 100;

/// Most entries a playlist shows (and a share link carries): about twice
/// the whole catalogue, so duplicates fit, yet bounded for storage and links.
///
/// Past it, a merge keeps the entries added first (by their add stamps,
/// which every tab orders alike) and marks the rest removed, so two tabs
/// that both added to a full list converge on the same list.
pub const MAX_VIDEOS: usize = 1000;

/// Most entries a playlist keeps, removed ones included: past it the
/// oldest removal marks are forgotten, so a list used for years stays small.
pub const MAX_STORED_ENTRIES: usize = 4 * MAX_VIDEOS;

/// Most live playlists a student can create or import: far past any real
/// use, and the playlists page still lists them (it shows a page at a time).
/// Tab merges keep lists created concurrently past it: nothing a tab
/// stored is taken away.
pub const MAX_PLAYLISTS: usize = 10_000;

/// Longest note, in characters: a page of text, bounded for storage.
pub const MAX_NOTE_CHARS: usize = 5000;

/// Latest position a student can resume at: 99:59:59, the longest time
/// code the app reads and writes.
pub const MAX_RESUME_SECS: u32 = 99 * 3600 + 59 * 60 + 59;

/// Largest backup read: far above any real state (see `worst_case`),
/// small enough to parse in a browser tab.
pub const MAX_BACKUP_BYTES: usize = 16 * 1024 * 1024;

/// Longest share fragment accepted: a full playlist (1000 ids × 12 bytes)
/// plus a fully escaped 100-character name fits, and nothing much bigger.
pub const MAX_FRAGMENT_LEN: usize = 16 * 1024;

use crate::ids::{PlaylistId, VideoId};

/// What a merge or an import could not add because a limit was reached:
/// data, so the UI words it. Everything already stored was kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverLimit {
    /// Lists that were full ([`MAX_VIDEOS`]), with the videos left out.
    pub lists: Vec<ListOverflow>,
    /// Names of playlists left out: the student has [`MAX_PLAYLISTS`].
    pub playlists: Vec<String>,
}

impl OverLimit {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.playlists.is_empty()
    }
}

/// One full list and the videos it could not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOverflow {
    pub id: PlaylistId,
    pub name: String,
    pub videos: Vec<VideoId>,
}

#[cfg(test)]
mod tests;
