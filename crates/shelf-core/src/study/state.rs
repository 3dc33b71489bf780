//! The whole study state and the edits the UI makes to it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::merge::merge_maps;
use super::notes::{Note, NoteMap};
use super::playlist::{is_playlist_id, Playlist, PlaylistError};
use super::progress::{watch_state, Progress, ProgressMap};
use super::settings::Settings;
use crate::catalogue::is_video_id;
use crate::watch::WatchState;

/// Playlists by their id, deleted ones included (as tombstones).
pub type PlaylistMap = BTreeMap<String, Playlist>;

/// Everything a student has recorded. Maps are `BTreeMap`s so the JSON is
/// the same for the same state, which keeps saves and backups diffable.
///
/// Every video id key is a well-formed id (the setters refuse others and
/// decoding drops them), and every playlist meets the playlist rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyState {
    pub progress: ProgressMap,
    pub notes: NoteMap,
    pub playlists: PlaylistMap,
    pub settings: Settings,
}

impl StudyState {
    pub fn watch_state(&self, video_id: &str) -> WatchState {
        watch_state(&self.progress, video_id)
    }

    /// False when nothing changed or `video_id` is malformed.
    pub fn set_watch_state(&mut self, video_id: &str, state: WatchState, now_ms: u64) -> bool {
        self.edit_progress(video_id, |p| p.set_state(state, now_ms))
    }

    /// Sets or clears where to resume; false when nothing changed or
    /// `video_id` is malformed.
    pub fn set_resume(&mut self, video_id: &str, secs: Option<u32>, now_ms: u64) -> bool {
        self.edit_progress(video_id, |p| p.set_resume(secs, now_ms))
    }

    /// Edits a copy so a no-op leaves no empty entry behind.
    fn edit_progress(&mut self, video_id: &str, edit: impl FnOnce(&mut Progress) -> bool) -> bool {
        if !is_video_id(video_id) {
            return false;
        }
        let mut progress = self.progress.get(video_id).cloned().unwrap_or_default();
        let changed = edit(&mut progress);
        if changed {
            self.progress.insert(video_id.to_string(), progress);
        }
        changed
    }

    /// The note on a video, if it has any text.
    pub fn note(&self, video_id: &str) -> Option<&Note> {
        self.notes.get(video_id).filter(|n| !n.text.is_empty())
    }

    /// Replaces a note's text; an empty text clears it. False when nothing
    /// changed or `video_id` is malformed.
    pub fn set_note(&mut self, video_id: &str, text: &str, now_ms: u64) -> bool {
        if !is_video_id(video_id) {
            return false;
        }
        let mut note = self.notes.get(video_id).cloned().unwrap_or_default();
        let changed = note.set_text(text, now_ms);
        if changed {
            self.notes.insert(video_id.to_string(), note);
        }
        changed
    }

    /// A playlist that is not deleted.
    pub fn playlist(&self, id: &str) -> Option<&Playlist> {
        self.playlists.get(id).filter(|p| !p.is_deleted())
    }

    /// A playlist that is not deleted, to edit with `Playlist`'s methods.
    pub fn playlist_mut(&mut self, id: &str) -> Option<&mut Playlist> {
        self.playlists.get_mut(id).filter(|p| !p.is_deleted())
    }

    /// Playlists that are not deleted, oldest first.
    pub fn live_playlists(&self) -> Vec<&Playlist> {
        let mut live: Vec<&Playlist> = self
            .playlists
            .values()
            .filter(|p| !p.is_deleted())
            .collect();
        live.sort_by(|a, b| (a.created_at(), a.id()).cmp(&(b.created_at(), b.id())));
        live
    }

    /// Adds an empty playlist under a caller-chosen id.
    pub fn create_playlist(
        &mut self,
        id: &str,
        name: &str,
        now_ms: u64,
    ) -> Result<&mut Playlist, PlaylistError> {
        if self.playlists.contains_key(id) {
            return Err(PlaylistError::DuplicateId(id.to_string()));
        }
        let playlist = Playlist::new(id, name, now_ms)?;
        Ok(self.playlists.entry(id.to_string()).or_insert(playlist))
    }

    /// Soft delete; false when there is no such live playlist.
    pub fn delete_playlist(&mut self, id: &str, now_ms: u64) -> bool {
        self.playlists.get_mut(id).is_some_and(|p| p.delete(now_ms))
    }

    /// Undo for [`StudyState::delete_playlist`].
    pub fn restore_playlist(&mut self, id: &str, now_ms: u64) -> bool {
        self.playlists
            .get_mut(id)
            .is_some_and(|p| p.restore(now_ms))
    }

    /// Per item, the newer version wins; nothing present on either side is
    /// lost. Commutative, associative and idempotent (see `merge`).
    pub fn merge(&self, other: &StudyState) -> StudyState {
        StudyState {
            progress: merge_maps(&self.progress, &other.progress),
            notes: merge_maps(&self.notes, &other.notes),
            playlists: merge_maps(&self.playlists, &other.playlists),
            settings: self.settings.merge(&other.settings),
        }
    }

    /// Restores the invariants on a state read from storage or a file:
    /// drops entries under malformed ids and repairs playlists. Returns how
    /// many items were dropped or repaired.
    pub(crate) fn sanitize(&mut self) -> usize {
        let before = self.progress.len() + self.notes.len() + self.playlists.len();
        self.progress.retain(|id, _| is_video_id(id));
        self.notes.retain(|id, _| is_video_id(id));
        self.playlists.retain(|id, _| is_playlist_id(id));
        let dropped = before - (self.progress.len() + self.notes.len() + self.playlists.len());
        let repaired = self
            .playlists
            .iter_mut()
            .map(|(id, p)| p.repair(id))
            .filter(|&repaired| repaired)
            .count();
        dropped + repaired + self.settings.sanitize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "AAAAAAAAAAA";

    #[test]
    fn setters_refuse_malformed_ids_and_skip_no_ops() {
        let mut s = StudyState::default();
        assert!(!s.set_watch_state("bad", WatchState::Watched, 1));
        assert!(!s.set_note("bad", "x", 1));
        assert!(!s.set_watch_state(A, WatchState::Unwatched, 1));
        assert!(!s.set_note(A, "", 1));
        assert_eq!(s, StudyState::default(), "no-ops leave no entries");
        assert!(s.set_resume(A, Some(2050), 2));
        assert_eq!(s.watch_state(A), WatchState::InProgress);
        assert!(s.set_note(A, "see 34:10", 3));
        assert_eq!(s.note(A).map(|n| n.text.as_str()), Some("see 34:10"));
        assert!(s.set_note(A, "", 4));
        assert_eq!(s.note(A), None);
        assert_eq!(s.notes[A].updated_at, 4, "cleared note kept as a tombstone");
    }

    #[test]
    fn playlists_are_created_once_and_soft_deleted() {
        let mut s = StudyState::default();
        s.create_playlist("b", "Second", 20).unwrap();
        s.create_playlist("a", "First", 10).unwrap();
        assert_eq!(
            s.create_playlist("a", "Again", 30).unwrap_err(),
            PlaylistError::DuplicateId("a".into())
        );
        let names: Vec<&str> = s.live_playlists().iter().map(|p| p.name()).collect();
        assert_eq!(names, ["First", "Second"]);
        assert!(s.delete_playlist("a", 40));
        assert!(s.playlist("a").is_none() && s.playlist_mut("a").is_none());
        assert!(
            s.create_playlist("a", "Reuse", 50).is_err(),
            "ids of deleted lists stay taken"
        );
        assert!(s.restore_playlist("a", 60));
        assert_eq!(s.playlist("a").map(Playlist::name), Some("First"));
        assert!(!s.delete_playlist("nope", 70));
    }

    #[test]
    fn sanitize_drops_bad_keys_and_repairs_playlists() {
        let mut s = StudyState::default();
        s.set_watch_state(A, WatchState::Watched, 1);
        s.progress.insert("bad id".into(), Progress::default());
        s.notes.insert("<script>".into(), Note::default());
        s.create_playlist("ok", "Fine", 1).unwrap();
        let mut odd = Playlist::new("other", "x", 1).unwrap();
        odd.name = " ".into();
        s.playlists.insert("odd".into(), odd.clone());
        s.playlists.insert("bad key!".into(), odd);
        assert_eq!(s.sanitize(), 4);
        assert_eq!(s.progress.keys().collect::<Vec<_>>(), [A]);
        assert!(s.notes.is_empty());
        assert_eq!(s.playlists["odd"].id(), "odd");
        assert_eq!(s.sanitize(), 0, "idempotent");
    }
}
