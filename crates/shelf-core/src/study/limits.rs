//! Every limit on study data, in one place.
//!
//! Each path that makes or reads study data holds these: editing refuses
//! past them; merging tabs (and later devices) is a plain join that keeps
//! everything, a full list showing its first [`MAX_VIDEOS`] entries while
//! the rest wait; imports keep what is stored and report what they could
//! not add; reading applies the hard storage bounds by the same rule as
//! merging instead of dropping an item, so whatever a merge writes reads
//! back unchanged (`tests.rs` proves it on histories that reach the limits).

/// Longest playlist name, in characters: enough for a title, short enough
/// for a list row and a share link.
pub const MAX_NAME_CHARS: usize = 100;

/// Most entries a playlist shows (and a share link carries): about twice
/// the whole catalogue, so duplicates fit, yet bounded for views and links.
///
/// A rule of what is shown, not of what a merge keeps: past it, a list
/// shows the entries added first (migrated ones first, in list order, then
/// by add stamp, which every tab orders alike) and the rest *wait*, stored
/// and shown once the student removes entries. Adding refuses once this
/// many entries are live, so only tabs adding to a full list at once make
/// entries wait, and merging stays a plain join.
pub const MAX_VIDEOS: usize = 1000;

/// Most live entries (shown and waiting) a playlist stores: a hard bound
/// for hostile input only, since honest tabs stop adding at [`MAX_VIDEOS`].
/// Past it, reads and merges alike leave out the entries added last.
pub const MAX_LIVE_ENTRIES: usize = 2 * MAX_VIDEOS;

/// Most entries a playlist keeps, removed ones included: past it the
/// oldest removal marks are forgotten (never a live entry), so a list used
/// for years stays small.
pub const MAX_STORED_ENTRIES: usize = 4 * MAX_VIDEOS;

/// Most live playlists a student can create or import: far past any real
/// use, and the playlists page still lists them (it shows a page at a time).
/// Tab merges keep lists created concurrently past it: nothing a tab
/// stored is taken away.
pub const MAX_PLAYLISTS: usize = 10_000;

/// Longest note, in characters: a page of text, bounded for storage.
pub const MAX_NOTE_CHARS: usize = 5000;

/// Most versions a note keeps at once (texts typed on different devices
/// before either saw the other's). Honest use makes one per device that
/// edited concurrently; past it, only forged data, the newest are kept.
pub const MAX_NOTE_VERSIONS: usize = 16;

/// Most devices (tabs) a note remembers having seen an edit from: what
/// tells a replaced version from a concurrent one. Past it the oldest are
/// folded into the note's floor ("everything up to here was seen"), so a
/// note edited from more tabs than this while another device held an older,
/// unseen edit falls back to the newer text. Bounds hostile input too.
pub const MAX_NOTE_SEEN: usize = 64;

/// Latest position a student can resume at: 99:59:59, the longest time
/// code the app reads and writes.
pub const MAX_RESUME_SECS: u32 = 99 * 3600 + 59 * 60 + 59;

/// Shortest lecture length kept, in seconds: the player reports 0 before
/// a video loads, which is no length.
pub const MIN_DURATION_SECS: u32 = 1;

/// Longest lecture length kept: the longest time code the app reads and
/// writes (live streams report more, and are no lecture of known length).
pub const MAX_DURATION_SECS: u32 = MAX_RESUME_SECS;

/// Playback speeds offered, in percent: YouTube's steps from 1× to 2×.
pub const SPEEDS: [u16; 5] = [100, 125, 150, 175, 200];

/// Years a due date may name: far past any course, bounded so a forged
/// date cannot make a plan of a million days.
pub const DUE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;

/// Largest backup read: far above any real state (see `worst_case`),
/// small enough to parse in a browser tab.
pub const MAX_BACKUP_BYTES: usize = 16 * 1024 * 1024;

/// Longest share fragment accepted: a full playlist (1000 ids × 12 bytes)
/// plus a fully escaped 100-character name fits, and nothing much bigger.
pub const MAX_FRAGMENT_LEN: usize = 16 * 1024;

use crate::ids::{PlaylistId, VideoId};

/// What an import could not add, or what a merge of tabs left waiting,
/// because a limit was reached: data, so the UI words it. Everything
/// already stored was kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverLimit {
    /// Lists that were full ([`MAX_VIDEOS`]), with the videos left out
    /// (an import) or waiting (a merge of tabs).
    pub lists: Vec<ListOverflow>,
    /// Names of playlists left out: the student has [`MAX_PLAYLISTS`].
    pub playlists: Vec<String>,
}

impl OverLimit {
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty() && self.playlists.is_empty()
    }
}

/// One full list and the videos it could not take (or show).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOverflow {
    pub id: PlaylistId,
    pub name: String,
    pub videos: Vec<VideoId>,
}

#[cfg(test)]
mod tests;
