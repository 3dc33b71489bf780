//! Student-made playlists: named, ordered lists of video ids.
//!
//! Ids the catalogue does not know are kept (a shared list may come from a
//! newer catalogue) and shown as unknown. Deleting only marks the playlist,
//! so delete can be undone and a merge with an older copy does not bring
//! it back.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

use super::merge::{next_stamp, Stamped};
use super::progress::{watch_state, ProgressMap, Tally};
use crate::catalogue::{is_video_id, Catalogue, Lang, Video};
use crate::watch::WatchState;

/// Longest name, in characters: enough for a title, short enough for a
/// list row and a share link.
pub const MAX_NAME_CHARS: usize = 100;
/// Most entries a playlist (or a share link) holds: about twice the whole
/// catalogue, so duplicates fit, yet bounded for storage and links.
pub const MAX_VIDEOS: usize = 1000;
/// Longest playlist id, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Name given to a stored or imported playlist whose name was unusable.
pub const FALLBACK_NAME: &str = "Playlist";

/// Why a playlist name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Nothing left after trimming.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`] after trimming.
    TooLong { chars: usize, max: usize },
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => write!(f, "a playlist name cannot be empty"),
            NameError::TooLong { chars, max } => {
                write!(
                    f,
                    "a playlist name can have at most {max} characters, not {chars}"
                )
            }
        }
    }
}

impl std::error::Error for NameError {}

/// Why a playlist could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaylistError {
    /// Ids are 1 to [`MAX_ID_LEN`] characters of `[A-Za-z0-9_.:-]`.
    BadId,
    /// A playlist (live or deleted) already has this id; ids are never
    /// reused, since merges match playlists by id.
    DuplicateId(String),
    Name(NameError),
}

impl fmt::Display for PlaylistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaylistError::BadId => write!(f, "not a usable playlist id"),
            PlaylistError::DuplicateId(id) => write!(f, "a playlist with id {id:?} already exists"),
            PlaylistError::Name(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for PlaylistError {}

impl From<NameError> for PlaylistError {
    fn from(e: NameError) -> Self {
        PlaylistError::Name(e)
    }
}

/// The stored form of a name: control characters (newlines, tabs) become
/// spaces and the ends are trimmed. Any other text, HTML included, is kept
/// as typed; the UI renders names as text, never as markup.
pub fn normalize_name(raw: &str) -> Result<String, NameError> {
    let name = clean(raw);
    match name.chars().count() {
        0 => Err(NameError::Empty),
        chars if chars > MAX_NAME_CHARS => Err(NameError::TooLong {
            chars,
            max: MAX_NAME_CHARS,
        }),
        _ => Ok(name),
    }
}

fn clean(raw: &str) -> String {
    let spaced: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.trim().to_string()
}

/// A name for data that must be kept even if its name is unusable:
/// cut to length, or the fallback when empty.
fn repair_name(raw: &str) -> String {
    let cut: String = clean(raw).chars().take(MAX_NAME_CHARS).collect();
    match cut.trim_end() {
        "" => FALLBACK_NAME.to_string(),
        name => name.to_string(),
    }
}

/// True for an id the caller may give a playlist.
pub fn is_playlist_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
}

/// Whether adding a video already in the list adds it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Duplicates {
    #[default]
    Skip,
    Allow,
}

/// What adding one video did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Added,
    AlreadyPresent,
    /// Not a well-formed video id.
    Invalid,
    /// The playlist holds [`MAX_VIDEOS`] entries.
    Full,
}

/// What adding several videos did, by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddSummary {
    pub added: usize,
    pub already_present: usize,
    pub invalid: usize,
    pub full: usize,
}

/// One playlist row: the id and, when the catalogue knows it, the video.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub index: usize,
    pub id: &'a str,
    /// `None` for an id the catalogue does not list ("unknown video").
    pub video: Option<&'a Video>,
}

/// Fields are private to the study model so the name and entries always
/// meet the rules above; read them through the accessors.
///
/// Field order matters: the derived `Ord` is the merge tie-break.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Playlist {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default)]
    pub(super) videos: Vec<String>,
    #[serde(default)]
    pub(super) created_at: u64,
    #[serde(default)]
    pub(super) updated_at: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) deleted_at: Option<u64>,
}

impl Stamped for Playlist {
    fn updated_at(&self) -> u64 {
        self.updated_at
    }

    fn is_tombstone(&self) -> bool {
        self.deleted_at.is_some()
    }
}

impl Playlist {
    pub fn new(id: &str, name: &str, now_ms: u64) -> Result<Playlist, PlaylistError> {
        if !is_playlist_id(id) {
            return Err(PlaylistError::BadId);
        }
        Ok(Playlist {
            id: id.to_string(),
            name: normalize_name(name)?,
            videos: Vec::new(),
            created_at: now_ms,
            updated_at: now_ms,
            deleted_at: None,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Video ids in playlist order; may include ids the catalogue lacks.
    pub fn videos(&self) -> &[String] {
        &self.videos
    }

    pub fn created_at(&self) -> u64 {
        self.created_at
    }

    pub fn updated_at(&self) -> u64 {
        self.updated_at
    }

    pub fn deleted_at(&self) -> Option<u64> {
        self.deleted_at
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }

    fn touch(&mut self, now_ms: u64) {
        self.updated_at = next_stamp(self.updated_at, now_ms);
    }

    /// Returns whether the name changed.
    pub fn rename(&mut self, name: &str, now_ms: u64) -> Result<bool, NameError> {
        let name = normalize_name(name)?;
        if name == self.name {
            return Ok(false);
        }
        self.name = name;
        self.touch(now_ms);
        Ok(true)
    }

    /// Marks the playlist deleted; [`Playlist::restore`] undoes it.
    pub fn delete(&mut self, now_ms: u64) -> bool {
        if self.is_deleted() {
            return false;
        }
        self.touch(now_ms);
        self.deleted_at = Some(self.updated_at);
        true
    }

    /// Undoes a delete (a newer edit, so it also wins merges).
    pub fn restore(&mut self, now_ms: u64) -> bool {
        if !self.is_deleted() {
            return false;
        }
        self.deleted_at = None;
        self.touch(now_ms);
        true
    }

    /// Appends a video.
    pub fn add(&mut self, video_id: &str, duplicates: Duplicates, now_ms: u64) -> Added {
        let added = self.push(video_id, duplicates);
        if added == Added::Added {
            self.touch(now_ms);
        }
        added
    }

    /// Appends videos in the given order, one new timestamp for all.
    pub fn add_many<'a>(
        &mut self,
        video_ids: impl IntoIterator<Item = &'a str>,
        duplicates: Duplicates,
        now_ms: u64,
    ) -> AddSummary {
        let mut summary = AddSummary::default();
        for id in video_ids {
            match self.push(id, duplicates) {
                Added::Added => summary.added += 1,
                Added::AlreadyPresent => summary.already_present += 1,
                Added::Invalid => summary.invalid += 1,
                Added::Full => summary.full += 1,
            }
        }
        if summary.added > 0 {
            self.touch(now_ms);
        }
        summary
    }

    fn push(&mut self, video_id: &str, duplicates: Duplicates) -> Added {
        if !is_video_id(video_id) {
            Added::Invalid
        } else if duplicates == Duplicates::Skip && self.videos.iter().any(|v| v == video_id) {
            Added::AlreadyPresent
        } else if self.videos.len() >= MAX_VIDEOS {
            Added::Full
        } else {
            self.videos.push(video_id.to_string());
            Added::Added
        }
    }

    /// Removes the entry at `index` (entries, not ids: duplicates are
    /// removed one at a time).
    pub fn remove_at(&mut self, index: usize, now_ms: u64) -> Option<String> {
        if index >= self.videos.len() {
            return None;
        }
        let removed = self.videos.remove(index);
        self.touch(now_ms);
        Some(removed)
    }

    /// Removes every entry of a video; returns how many.
    pub fn remove_video(&mut self, video_id: &str, now_ms: u64) -> usize {
        self.retain(|id| id != video_id, now_ms)
    }

    pub fn move_up(&mut self, index: usize, now_ms: u64) -> bool {
        index > 0 && self.move_to(index, index - 1, now_ms)
    }

    pub fn move_down(&mut self, index: usize, now_ms: u64) -> bool {
        self.move_to(index, index.saturating_add(1), now_ms)
    }

    /// Drag and drop: the entry at `from` ends up at index `to` (past the
    /// end means last). False when `from` is out of range or nothing moves.
    pub fn move_to(&mut self, from: usize, to: usize, now_ms: u64) -> bool {
        let len = self.videos.len();
        let to = to.min(len.saturating_sub(1));
        if from >= len || from == to {
            return false;
        }
        let entry = self.videos.remove(from);
        self.videos.insert(to, entry);
        self.touch(now_ms);
        true
    }

    /// Keeps the first entry of each video; returns how many were removed.
    pub fn remove_duplicates(&mut self, now_ms: u64) -> usize {
        let mut seen = BTreeSet::new();
        let videos = std::mem::take(&mut self.videos);
        let before = videos.len();
        self.videos = videos
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .collect();
        let removed = before - self.videos.len();
        if removed > 0 {
            self.touch(now_ms);
        }
        removed
    }

    /// Drops watched videos ("clean up what I finished").
    pub fn remove_watched(&mut self, progress: &ProgressMap, now_ms: u64) -> usize {
        self.retain(
            |id| watch_state(progress, id) != WatchState::Watched,
            now_ms,
        )
    }

    fn retain(&mut self, mut keep: impl FnMut(&str) -> bool, now_ms: u64) -> usize {
        let before = self.videos.len();
        self.videos.retain(|id| keep(id));
        let removed = before - self.videos.len();
        if removed > 0 {
            self.touch(now_ms);
        }
        removed
    }

    /// Watched of total, each distinct video counted once.
    pub fn tally(&self, progress: &ProgressMap) -> Tally {
        let distinct: BTreeSet<&str> = self.videos.iter().map(String::as_str).collect();
        Tally::of(progress, distinct)
    }

    /// The first entry not yet watched, with its index.
    pub fn next_unwatched(&self, progress: &ProgressMap) -> Option<(usize, &str)> {
        self.videos
            .iter()
            .enumerate()
            .find(|(_, id)| watch_state(progress, id) != WatchState::Watched)
            .map(|(i, id)| (i, id.as_str()))
    }

    /// The rows to show, each resolved against the catalogue.
    pub fn entries<'a>(&'a self, catalogue: &'a Catalogue) -> Vec<Entry<'a>> {
        self.videos
            .iter()
            .enumerate()
            .map(|(index, id)| Entry {
                index,
                id,
                video: catalogue.video(id),
            })
            .collect()
    }

    /// Brings a playlist read from storage or a file back within the rules
    /// without dropping it: the id follows its map key, the name is cut or
    /// replaced, malformed ids and entries past the cap go. Not an edit, so
    /// the timestamp stays. Returns whether anything changed.
    pub(super) fn repair(&mut self, key: &str) -> bool {
        let name = repair_name(&self.name);
        let before = self.videos.len();
        self.videos.retain(|id| is_video_id(id));
        self.videos.truncate(MAX_VIDEOS);
        let changed = self.id != key || self.name != name || self.videos.len() != before;
        self.id = key.to_string();
        self.name = name;
        changed
    }
}

/// A whole series as a ready-made playlist in lecture order. Derived from
/// the catalogue each time, never stored; its id is `series:<series id>`.
pub fn series_playlist(catalogue: &Catalogue, series_id: &str, lang: Lang) -> Option<Playlist> {
    let series = catalogue.series(series_id)?;
    let name = match lang {
        Lang::Zh => &series.name_zh,
        Lang::En => &series.name_en,
    };
    Some(Playlist {
        id: format!("series:{series_id}"),
        name: repair_name(name),
        videos: catalogue
            .series_videos(series_id)
            .into_iter()
            .map(|v| v.id.clone())
            .collect(),
        created_at: 0,
        updated_at: 0,
        deleted_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::progress::tests::{catalogue, with};

    const A: &str = "AAAAAAAAAAA";
    const B: &str = "BBBBBBBBBBB";
    const C: &str = "CCCCCCCCCCC";
    const X: &str = "XXXXXXXXXXX";

    fn list(ids: &[&str]) -> Playlist {
        let mut p = Playlist::new("p1", "List", 1).unwrap();
        p.add_many(ids.iter().copied(), Duplicates::Allow, 1);
        p
    }

    fn ids(p: &Playlist) -> Vec<&str> {
        p.videos().iter().map(String::as_str).collect()
    }

    #[test]
    fn names_are_trimmed_capped_and_never_empty() {
        assert_eq!(
            normalize_name("  Week 1\n review\t"),
            Ok("Week 1  review".into())
        );
        assert_eq!(normalize_name(" \n\t "), Err(NameError::Empty));
        let long = "長".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            normalize_name(&long),
            Err(NameError::TooLong {
                chars: MAX_NAME_CHARS + 1,
                max: MAX_NAME_CHARS
            })
        );
        assert!(
            normalize_name(&"長".repeat(MAX_NAME_CHARS)).is_ok(),
            "counted in characters"
        );
        assert_eq!(
            NameError::Empty.to_string(),
            "a playlist name cannot be empty"
        );
    }

    #[test]
    fn hostile_names_stay_plain_text() {
        for name in [
            "<img src=x onerror=alert(1)>",
            "<script>alert('x')</script>",
            "\"quoted\" & 'single' ; drop table",
            "[link](javascript:alert(1))",
            "\u{202e}reversed",
        ] {
            let p = Playlist::new("p", name, 0).unwrap();
            assert_eq!(p.name(), name, "kept byte for byte");
        }
    }

    #[test]
    fn create_checks_id_and_name() {
        assert_eq!(Playlist::new("", "x", 0), Err(PlaylistError::BadId));
        assert_eq!(
            Playlist::new("has space", "x", 0),
            Err(PlaylistError::BadId)
        );
        assert_eq!(
            Playlist::new(&"p".repeat(MAX_ID_LEN + 1), "x", 0),
            Err(PlaylistError::BadId)
        );
        assert_eq!(
            Playlist::new("p", " ", 0),
            Err(PlaylistError::Name(NameError::Empty))
        );
        let p = Playlist::new("pl-1700000000000-x9", " Mine ", 5).unwrap();
        assert_eq!((p.name(), p.created_at(), p.updated_at()), ("Mine", 5, 5));
    }

    #[test]
    fn rename_delete_and_undo() {
        let mut p = list(&[]);
        assert_eq!(p.rename("  ", 2), Err(NameError::Empty));
        assert_eq!(p.rename("List", 2), Ok(false));
        assert_eq!(p.rename("New", 3), Ok(true));
        assert_eq!((p.name(), p.updated_at()), ("New", 3));
        assert!(p.delete(4));
        assert!(!p.delete(5));
        assert_eq!((p.deleted_at(), p.is_tombstone()), (Some(4), true));
        assert!(p.restore(6));
        assert!(!p.restore(7));
        assert_eq!((p.deleted_at(), p.updated_at()), (None, 6));
    }

    #[test]
    fn adding_skips_present_invalid_and_overflow() {
        let mut p = list(&[]);
        assert_eq!(p.add(A, Duplicates::Skip, 2), Added::Added);
        assert_eq!(p.add(A, Duplicates::Skip, 3), Added::AlreadyPresent);
        assert_eq!(p.updated_at(), 2, "a skipped add is not an edit");
        assert_eq!(p.add(A, Duplicates::Allow, 3), Added::Added);
        assert_eq!(p.add("short", Duplicates::Skip, 3), Added::Invalid);
        let summary = p.add_many([B, A, "bad", X], Duplicates::Skip, 4);
        assert_eq!(
            summary,
            AddSummary {
                added: 2,
                already_present: 1,
                invalid: 1,
                full: 0
            }
        );
        assert_eq!(ids(&p), [A, A, B, X]);
        let mut full = list(&[]);
        let many: Vec<String> = (0..MAX_VIDEOS + 2).map(|i| format!("{i:0>11}")).collect();
        let summary = full.add_many(many.iter().map(String::as_str), Duplicates::Skip, 2);
        assert_eq!((summary.added, summary.full), (MAX_VIDEOS, 2));
    }

    #[test]
    fn removing_and_moving() {
        let mut p = list(&[A, B, C, A]);
        assert_eq!(p.remove_at(9, 2), None);
        assert_eq!(p.remove_at(1, 2).as_deref(), Some(B));
        assert_eq!(ids(&p), [A, C, A]);
        assert_eq!(p.remove_video(A, 3), 2);
        assert_eq!(ids(&p), [C]);

        let mut p = list(&[A, B, C]);
        assert!(!p.move_up(0, 2));
        assert!(!p.move_down(2, 2));
        assert!(p.move_down(0, 2));
        assert_eq!(ids(&p), [B, A, C]);
        assert!(p.move_up(2, 3));
        assert_eq!(ids(&p), [B, C, A]);
        assert!(p.move_to(0, 99, 4), "past the end means last");
        assert_eq!(ids(&p), [C, A, B]);
        assert!(p.move_to(2, 0, 5));
        assert_eq!(ids(&p), [B, C, A]);
        let stamp = p.updated_at();
        assert!(!p.move_to(5, 0, 60));
        assert!(!p.move_to(1, 1, 60));
        assert_eq!(
            p.updated_at(),
            stamp,
            "a move that moves nothing is not an edit"
        );
        assert!(!list(&[]).move_to(0, 0, 1));
    }

    #[test]
    fn cleaning_up_duplicates_and_watched() {
        let mut p = list(&[A, B, A, C, B]);
        assert_eq!(p.remove_duplicates(2), 2);
        assert_eq!(ids(&p), [A, B, C]);
        assert_eq!(p.remove_duplicates(3), 0);
        let progress = with(&[(A, WatchState::Watched), (C, WatchState::InProgress)]);
        assert_eq!(p.remove_watched(&progress, 4), 1);
        assert_eq!(ids(&p), [B, C]);
    }

    #[test]
    fn progress_and_next_unwatched() {
        let p = list(&[A, B, A, X]);
        let progress = with(&[(A, WatchState::Watched), (B, WatchState::InProgress)]);
        assert_eq!(
            p.tally(&progress),
            Tally {
                watched: 1,
                in_progress: 1,
                total: 3
            }
        );
        assert_eq!(p.next_unwatched(&progress), Some((1, B)));
        let done = with(&[
            (A, WatchState::Watched),
            (B, WatchState::Watched),
            (X, WatchState::Watched),
        ]);
        assert_eq!(p.next_unwatched(&done), None);
        assert!(p.tally(&done).is_complete());
    }

    #[test]
    fn unknown_ids_are_kept_and_marked() {
        let catalogue = catalogue();
        let p = list(&[A, X]);
        let entries = p.entries(&catalogue);
        assert_eq!(entries[0].video.map(|v| v.id.as_str()), Some(A));
        assert_eq!((entries[1].id, entries[1].video), (X, None));
    }

    #[test]
    fn a_series_is_a_ready_made_playlist() {
        let catalogue = catalogue();
        let p = series_playlist(&catalogue, "s1", Lang::En).unwrap();
        assert_eq!((p.id(), p.name()), ("series:s1", "s1 course"));
        assert_eq!(ids(&p), [A, B, C], "lecture order, not upload order");
        assert_eq!(
            series_playlist(&catalogue, "s1", Lang::Zh).unwrap().name(),
            "s1 課程"
        );
        assert!(series_playlist(&catalogue, "nope", Lang::En).is_none());
    }

    #[test]
    fn repair_keeps_the_list_but_fixes_it() {
        let mut p = list(&[A]);
        p.name = format!("  {}  ", "n".repeat(MAX_NAME_CHARS + 5));
        p.videos.push("<bad>".into());
        assert!(p.repair("other-id"));
        assert_eq!(
            (p.id(), p.name().len(), ids(&p)),
            ("other-id", MAX_NAME_CHARS, vec![A])
        );
        assert!(!p.repair("other-id"), "repair is idempotent");
        p.name = "\n".into();
        assert!(p.repair("other-id"));
        assert_eq!(p.name(), FALLBACK_NAME);
    }
}
