//! The whole study state and the edits the UI makes to it.
//!
//! Fields are private: every change goes through an intention-named
//! method that checks the rules and stamps the edit with this device's
//! clock, and every method reports whether anything changed, so the app
//! saves only real edits.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::limits::MAX_PLAYLISTS;
use super::limits::SPEEDS;
use super::lww::Merge;
use super::notes::{Note, NoteMap, NoteTooLong, KEEP_BOTH_SEPARATOR};
use super::plan::{duration_secs, merge_durations, speed_or_normal, DurationMap};
use super::playlist::{normalize_name, AddSummary, Added, Duplicates, NameError, Playlist};
use super::progress::{watch_state, Progress, ProgressMap};
use super::settings::Settings;
use super::stamp::{Clock, DeviceId, Stamp};
use crate::ids::{PlaylistId, VideoId};
use crate::locale::{Locale, Theme};
use crate::watch::WatchState;

/// Playlists by id, deleted ones included (a deletion is a register).
pub type PlaylistMap = BTreeMap<PlaylistId, Playlist>;

/// Everything a student has recorded, plus this device's clock (not
/// stored, not compared). Maps are `BTreeMap`s so the JSON is the same for
/// the same state, which keeps saves and backups diffable.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyState {
    progress: ProgressMap,
    notes: NoteMap,
    playlists: PlaylistMap,
    settings: Settings,
    /// Lecture lengths learned from the player (`plan.rs`): facts, merged
    /// as the longer reading, never edited.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    durations: DurationMap,
    #[serde(skip)]
    clock: Clock,
}

impl PartialEq for StudyState {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.progress,
            &self.notes,
            &self.playlists,
            &self.settings,
            &self.durations,
        ) == (
            &other.progress,
            &other.notes,
            &other.playlists,
            &other.settings,
            &other.durations,
        )
    }
}

impl Eq for StudyState {}

/// Why a playlist could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaylistError {
    /// A playlist (live or deleted) already has this id; ids are never
    /// reused, since merges match playlists by id.
    DuplicateId(PlaylistId),
    Name(NameError),
    /// The student already has [`MAX_PLAYLISTS`] playlists.
    TooMany {
        max: usize,
    },
}

impl fmt::Display for PlaylistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaylistError::DuplicateId(id) => write!(f, "a playlist with id {id:?} already exists"),
            PlaylistError::Name(e) => e.fmt(f),
            PlaylistError::TooMany { max } => write!(f, "at most {max} playlists can be kept"),
        }
    }
}

impl std::error::Error for PlaylistError {}

impl From<NameError> for PlaylistError {
    fn from(e: NameError) -> Self {
        PlaylistError::Name(e)
    }
}

impl StudyState {
    pub(super) fn from_parts(
        progress: ProgressMap,
        notes: NoteMap,
        playlists: PlaylistMap,
        settings: Settings,
    ) -> StudyState {
        let mut state = StudyState {
            progress,
            notes,
            playlists,
            settings,
            durations: DurationMap::new(),
            clock: Clock::default(),
        };
        state.clock.observe(state.latest());
        state
    }

    /// This state, editing as `device` from now on.
    pub fn for_device(mut self, device: DeviceId) -> StudyState {
        let latest = self.latest();
        self.clock = Clock::new(device);
        self.clock.observe(latest);
        self
    }

    // ---- reading -------------------------------------------------------

    /// Moves on with every edit made here (and every merge that brings in
    /// newer stamps): compare two readings to learn whether an edit changed
    /// anything, without comparing states.
    pub fn version(&self) -> Stamp {
        self.clock.last()
    }

    pub fn progress(&self) -> &ProgressMap {
        &self.progress
    }

    pub fn watch_state(&self, video: &str) -> WatchState {
        watch_state(&self.progress, video)
    }

    pub fn resume_secs(&self, video: &str) -> Option<u32> {
        self.progress.get(video).and_then(Progress::resume_secs)
    }

    /// The note on a video, if it has any text: with a conflict, the
    /// newest version.
    pub fn note(&self, video: &str) -> Option<&str> {
        self.notes
            .get(video)
            .map(Note::text)
            .filter(|t| !t.is_empty())
    }

    /// Every version of a video's note, newest first: two or more means it
    /// was edited on two devices at once, and the student picks.
    pub fn note_versions(&self, video: &str) -> Vec<&str> {
        self.notes
            .get(video)
            .map(Note::versions)
            .unwrap_or_default()
    }

    /// Videos with a note, in id order.
    pub fn noted_videos(&self) -> impl Iterator<Item = (&VideoId, &str)> {
        self.notes
            .iter()
            .filter(|(_, n)| !n.is_empty())
            .map(|(id, n)| (id, n.text()))
    }

    /// True when the student has anything on this video: a watch state,
    /// a resume time, a note or a place in a live playlist. Such a video
    /// keeps a page of its own even when the catalogue no longer has it.
    pub fn mentions(&self, video: &str) -> bool {
        self.watch_state(video) != WatchState::Unwatched
            || self.resume_secs(video).is_some()
            || self.note(video).is_some()
            || self
                .live_playlists()
                .iter()
                .any(|p| p.videos().iter().any(|v| v.as_str() == video))
    }

    /// A playlist that is not deleted.
    pub fn playlist(&self, id: &str) -> Option<&Playlist> {
        self.playlists.get(id).filter(|p| !p.is_deleted())
    }

    /// A playlist, deleted or not (to tell "deleted" from "never existed").
    pub fn any_playlist(&self, id: &str) -> Option<&Playlist> {
        self.playlists.get(id)
    }

    /// True when a playlist (live or deleted) has this id.
    pub fn has_playlist_id(&self, id: &str) -> bool {
        self.playlists.contains_key(id)
    }

    /// Playlists that are not deleted, oldest first.
    pub fn live_playlists(&self) -> Vec<&Playlist> {
        let mut live: Vec<&Playlist> = self
            .playlists
            .values()
            .filter(|p| !p.is_deleted())
            .collect();
        live.sort_by(|a, b| (a.created(), a.id()).cmp(&(b.created(), b.id())));
        live
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Lecture lengths known so far, in seconds.
    pub fn durations(&self) -> &DurationMap {
        &self.durations
    }

    /// The chosen playback speed in percent (100 when none was chosen).
    pub fn speed_percent(&self) -> u16 {
        speed_or_normal(self.settings.speed())
    }

    // ---- editing -------------------------------------------------------

    /// False when nothing changed.
    pub fn set_watch_state(&mut self, video: &VideoId, state: WatchState, now_ms: u64) -> bool {
        let clock = &mut self.clock;
        edit_entry(&mut self.progress, video, |p| {
            p.set_state(state, clock, now_ms)
        })
    }

    /// Sets or clears where to resume; false when nothing changed.
    pub fn set_resume(&mut self, video: &VideoId, secs: Option<u32>, now_ms: u64) -> bool {
        let clock = &mut self.clock;
        edit_entry(&mut self.progress, video, |p| {
            p.set_resume(secs, clock, now_ms)
        })
    }

    /// Replaces a note's text; an empty text clears it.
    pub fn set_note(
        &mut self,
        video: &VideoId,
        text: &str,
        now_ms: u64,
    ) -> Result<bool, NoteTooLong> {
        let clock = &mut self.clock;
        let mut result = Ok(false);
        edit_entry(&mut self.notes, video, |n| {
            result = n.set_text(text, clock, now_ms);
            result == Ok(true)
        });
        result
    }

    /// Resolves a conflict by keeping version `index` of
    /// [`StudyState::note_versions`]; false when there is no such version.
    pub fn keep_note_version(&mut self, video: &VideoId, index: usize, now_ms: u64) -> bool {
        let Some(text) = self.note_versions(video).get(index).map(|t| t.to_string()) else {
            return false;
        };
        self.set_note(video, &text, now_ms) == Ok(true)
    }

    /// Resolves a conflict by keeping every version, oldest first, joined
    /// with a separator line; refused when the joined text is too long.
    pub fn keep_all_note_versions(
        &mut self,
        video: &VideoId,
        now_ms: u64,
    ) -> Result<bool, NoteTooLong> {
        let text = joined_versions(&self.note_versions(video));
        self.set_note(video, &text, now_ms)
    }

    pub fn set_locale(&mut self, locale: Option<Locale>, now_ms: u64) -> bool {
        self.settings.set_locale(locale, &mut self.clock, now_ms)
    }

    pub fn set_theme(&mut self, theme: Option<Theme>, now_ms: u64) -> bool {
        self.settings.set_theme(theme, &mut self.clock, now_ms)
    }

    /// Sets the default playback speed (percent, one of [`SPEEDS`]);
    /// false for a speed not offered or no change.
    pub fn set_speed(&mut self, percent: u16, now_ms: u64) -> bool {
        SPEEDS.contains(&percent)
            && self
                .settings
                .set_speed(Some(percent).filter(|p| *p != 100), &mut self.clock, now_ms)
    }

    /// Records a lecture's length as the player reported it (raw seconds);
    /// false when it is no length or nothing longer than known. A length is
    /// a fact, not a register, but learning one still moves the clock, so
    /// [`StudyState::version`] tells the app to save it.
    pub fn learn_duration(&mut self, video: &VideoId, raw_secs: f64, now_ms: u64) -> bool {
        let Some(secs) = duration_secs(raw_secs) else {
            return false;
        };
        match self.durations.get(video) {
            Some(known) if *known >= secs => false,
            _ => {
                self.durations.insert(video.clone(), secs);
                self.clock.tick(now_ms);
                true
            }
        }
    }

    /// Adds an empty playlist under a caller-chosen id.
    /// Refuses a name another live playlist has ([`NameError::Taken`]).
    pub fn create_playlist(
        &mut self,
        id: PlaylistId,
        name: &str,
        now_ms: u64,
    ) -> Result<(), PlaylistError> {
        let name = normalize_name(name)?;
        if self.names_taken(None).contains(&name_key(&name)) {
            return Err(NameError::Taken.into());
        }
        self.room_for_a_list()?;
        let list = Playlist::new(id, &name, &mut self.clock, now_ms)?;
        self.insert_new(list)
    }

    /// Live playlists' names (case-folded), except `except`'s own.
    fn names_taken(&self, except: Option<&str>) -> BTreeSet<String> {
        self.live_playlists()
            .into_iter()
            .filter(|p| Some(p.id().as_str()) != except)
            .map(|p| name_key(p.name()))
            .collect()
    }

    /// `name`, or `name (2)`, `name (3)`… when live playlists have it:
    /// for lists the app names itself (copies, shared links, assignments).
    fn unique_name(&self, name: &str) -> String {
        let taken = self.names_taken(None);
        (1..)
            .map(|n| match n {
                1 => name.to_string(),
                n => format!("{name} ({n})"),
            })
            .find(|candidate| !taken.contains(&name_key(candidate)))
            .expect("some suffix is free")
    }

    /// Adds a playlist holding `videos` in order (a shared link, a copy of
    /// a series); duplicates are kept, since the sender may have meant them.
    pub fn create_playlist_with(
        &mut self,
        id: PlaylistId,
        name: &str,
        videos: &[VideoId],
        now_ms: u64,
    ) -> Result<(), PlaylistError> {
        self.room_for_a_list()?;
        let name = self.unique_name(&normalize_name(name)?);
        let list = Playlist::with_videos(id, &name, videos, &mut self.clock, now_ms)?;
        self.insert_new(list)
    }

    fn room_for_a_list(&self) -> Result<(), PlaylistError> {
        if self.playlists.values().filter(|p| !p.is_deleted()).count() >= MAX_PLAYLISTS {
            return Err(PlaylistError::TooMany { max: MAX_PLAYLISTS });
        }
        Ok(())
    }

    fn insert_new(&mut self, playlist: Playlist) -> Result<(), PlaylistError> {
        if self.playlists.contains_key(playlist.id()) {
            return Err(PlaylistError::DuplicateId(playlist.id().clone()));
        }
        self.playlists.insert(playlist.id().clone(), playlist);
        Ok(())
    }

    /// A live playlist, to edit; every edit is stamped `now_ms`.
    pub fn playlist_mut(&mut self, id: &str, now_ms: u64) -> Option<PlaylistEditor<'_>> {
        let taken = self.names_taken(Some(id));
        let list = self.playlists.get_mut(id).filter(|p| !p.is_deleted())?;
        Some(PlaylistEditor {
            list,
            taken,
            clock: &mut self.clock,
            progress: &self.progress,
            now_ms,
        })
    }

    /// Marks a live playlist deleted; false when there is none.
    pub fn delete_playlist(&mut self, id: &str, now_ms: u64) -> bool {
        match self.playlists.get_mut(id) {
            Some(p) if !p.is_deleted() => p.delete(&mut self.clock, now_ms),
            _ => false,
        }
    }

    /// Undo for [`StudyState::delete_playlist`].
    pub fn restore_playlist(&mut self, id: &str, now_ms: u64) -> bool {
        self.playlists
            .get_mut(id)
            .is_some_and(|p| p.restore(&mut self.clock, now_ms))
    }

    /// Live playlists that show exactly the same thing — the same name
    /// (ignoring case) and the same videos in the same order — in groups of
    /// two or more, oldest first within each group and groups by their
    /// oldest: what merging two devices that each built one list makes. The
    /// app offers to keep one; nothing is combined on its own.
    pub fn identical_playlists(&self) -> Vec<Vec<&Playlist>> {
        let mut groups: BTreeMap<(String, Vec<&VideoId>), Vec<&Playlist>> = BTreeMap::new();
        for list in self.live_playlists() {
            groups
                .entry((name_key(list.name()), list.videos()))
                .or_default()
                .push(list);
        }
        let mut out: Vec<Vec<&Playlist>> = groups.into_values().filter(|g| g.len() >= 2).collect();
        out.sort_by(|a, b| (a[0].created(), a[0].id()).cmp(&(b[0].created(), b[0].id())));
        out
    }

    /// Keeps the oldest of `ids` and deletes the others (restorable like
    /// any deletion), if they are still one group of
    /// [`StudyState::identical_playlists`]; returns the ids deleted.
    pub fn keep_one_of(&mut self, ids: &[&str], now_ms: u64) -> Vec<PlaylistId> {
        let wanted: BTreeSet<&str> = ids.iter().copied().collect();
        let group: Option<Vec<PlaylistId>> = self
            .identical_playlists()
            .into_iter()
            .map(|g| g.iter().map(|p| p.id().clone()).collect::<Vec<_>>())
            .find(|g| g.len() == wanted.len() && g.iter().all(|id| wanted.contains(id.as_str())));
        let Some(group) = group else {
            return Vec::new();
        };
        group
            .into_iter()
            .skip(1)
            .filter(|id| self.delete_playlist(id, now_ms))
            .collect()
    }

    // ---- merging -------------------------------------------------------

    /// Item by item and register by register, the later edit wins; nothing
    /// present on either side is lost. A join: commutative, associative and
    /// idempotent (`tests.rs`). Keeps this side's clock, advanced past
    /// everything the other side holds.
    pub fn merge(&self, other: &StudyState) -> StudyState {
        let mut clock = self.clock;
        clock.observe(other.latest());
        StudyState {
            progress: self.progress.merge(&other.progress),
            notes: self.notes.merge(&other.notes),
            playlists: self.playlists.merge(&other.playlists),
            settings: self.settings.merge(&other.settings),
            durations: merge_durations(&self.durations, &other.durations),
            clock,
        }
    }

    /// True when merging `other` into this state would change nothing:
    /// `other` holds all this state knows.
    pub fn is_covered_by(&self, other: &StudyState) -> bool {
        other.merge(self) == *other
    }

    /// Pulls every stamp back to at most a day past `now_ms`, so data from
    /// a wrong clock or a forged file cannot freeze an item. Returns whether
    /// any stamp was that far ahead.
    pub fn clamp_stamps(&mut self, now_ms: u64) -> bool {
        let limit = Stamp::legacy(u64::MAX, 0).clamped(now_ms).millis();
        if self.latest().millis() <= limit {
            return false;
        }
        self.progress.clamp_stamps(now_ms);
        self.notes.clamp_stamps(now_ms);
        self.playlists.clamp_stamps(now_ms);
        self.settings.clamp_stamps(now_ms);
        // The clock saw the unclamped stamps: start it again from what is kept.
        self.clock = Clock::new(self.clock.device());
        let latest = self.latest();
        self.clock.observe(latest);
        true
    }

    fn latest(&self) -> Stamp {
        [
            self.progress.latest(),
            self.notes.latest(),
            self.playlists.latest(),
            self.settings.latest(),
        ]
        .into_iter()
        .max()
        .unwrap_or(Stamp::ZERO)
    }

    // ---- for backup and schema ----------------------------------------

    pub(super) fn with_durations(mut self, durations: DurationMap) -> StudyState {
        self.durations = durations;
        self
    }

    pub(super) fn notes_map(&self) -> &NoteMap {
        &self.notes
    }

    pub(super) fn playlists_map(&self) -> &PlaylistMap {
        &self.playlists
    }

    pub(super) fn playlists_map_mut(&mut self) -> &mut PlaylistMap {
        &mut self.playlists
    }

    /// Videos this tab showed in its lists that wait in `merged` (this
    /// state merged with another tab's) because a list was full: what to
    /// tell the student who just saw "Added". They are kept and shown once
    /// there is room.
    pub fn waiting_in(&self, merged: &StudyState) -> Vec<super::limits::ListOverflow> {
        self.live_playlists()
            .into_iter()
            .filter_map(|mine| {
                let after = merged.playlists.get(mine.id())?;
                let videos = after.waiting_since(mine);
                (!videos.is_empty()).then(|| super::limits::ListOverflow {
                    id: mine.id().clone(),
                    name: after.name().to_string(),
                    videos,
                })
            })
            .collect()
    }

    /// The items that differ between this state and `other`: this side's
    /// versions and `other`'s, each without the items they share. Settings
    /// are kept whole (they are two registers).
    pub(super) fn changed_between(&self, other: &StudyState) -> (StudyState, StudyState) {
        fn split<K: Ord + Clone, V: PartialEq + Clone>(
            a: &BTreeMap<K, V>,
            b: &BTreeMap<K, V>,
        ) -> (BTreeMap<K, V>, BTreeMap<K, V>) {
            let differs = |k: &K| a.get(k) != b.get(k);
            let keep = |m: &BTreeMap<K, V>| {
                m.iter()
                    .filter(|(k, _)| differs(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            };
            (keep(a), keep(b))
        }
        let (progress_a, progress_b) = split(&self.progress, &other.progress);
        let (notes_a, notes_b) = split(&self.notes, &other.notes);
        let (lists_a, lists_b) = split(&self.playlists, &other.playlists);
        (
            StudyState::from_parts(progress_a, notes_a, lists_a, self.settings.clone()),
            StudyState::from_parts(progress_b, notes_b, lists_b, other.settings.clone()),
        )
    }

    /// Writes `target`'s version of every item where this state still
    /// holds exactly `applied`'s version (what an import wrote and nobody
    /// has edited since), with fresh stamps. Returns how many items changed.
    pub(super) fn revert_items(
        &mut self,
        target: &StudyState,
        applied: &StudyState,
        now_ms: u64,
    ) -> usize {
        let mut changed = 0;
        for (video, mine) in self.progress.iter_mut() {
            let was = applied.progress.get(video);
            let before = target.progress.get(video);
            if was == Some(mine) && was != before {
                let (state, resume) = before.map_or((WatchState::Unwatched, None), |p| {
                    (p.state(), p.resume_secs())
                });
                mine.set_state(state, &mut self.clock, now_ms);
                mine.set_resume(resume, &mut self.clock, now_ms);
                changed += 1;
            }
        }
        for (video, mine) in self.notes.iter_mut() {
            let was = applied.notes.get(video);
            let before = target.notes.get(video);
            if was == Some(mine) && was != before {
                let text = before.map_or(String::new(), |n| joined_versions(&n.versions()));
                // Over the cap only when two long versions join: keep the newest.
                if mine.set_text(&text, &mut self.clock, now_ms).is_err() {
                    let newest = before.map_or("", Note::text);
                    let _ = mine.set_text(newest, &mut self.clock, now_ms);
                }
                changed += 1;
            }
        }
        for (id, mine) in self.playlists.iter_mut() {
            let was = applied.playlists.get(id);
            let before = target.playlists.get(id);
            if was == Some(mine) && was != before && mine.revert_to(before, &mut self.clock, now_ms)
            {
                changed += 1;
            }
        }
        changed += self.settings.revert_changed(
            &target.settings,
            &applied.settings,
            &mut self.clock,
            now_ms,
        );
        changed
    }
}

/// Versions (newest first, as [`Note::versions`] lists them) as one
/// text, oldest first, for "keep both".
pub fn joined_versions(versions: &[&str]) -> String {
    let oldest_first: Vec<&str> = versions.iter().rev().copied().collect();
    oldest_first.join(KEEP_BOTH_SEPARATOR)
}

/// How names compare for "taken": as stored, ignoring case.
fn name_key(name: &str) -> String {
    name.to_lowercase()
}

/// Edits a copy so a no-op leaves no empty entry behind.
fn edit_entry<T: Default + Clone>(
    map: &mut BTreeMap<VideoId, T>,
    video: &VideoId,
    edit: impl FnOnce(&mut T) -> bool,
) -> bool {
    let mut item = map.get(video).cloned().unwrap_or_default();
    let changed = edit(&mut item);
    if changed {
        map.insert(video.clone(), item);
    }
    changed
}

/// One live playlist being edited, with the clock that stamps its edits.
pub struct PlaylistEditor<'a> {
    list: &'a mut Playlist,
    /// Other live lists' names (case-folded): a rename may not take one.
    taken: BTreeSet<String>,
    clock: &'a mut Clock,
    progress: &'a ProgressMap,
    now_ms: u64,
}

impl PlaylistEditor<'_> {
    pub fn playlist(&self) -> &Playlist {
        self.list
    }

    /// Sets or clears the day the list is due.
    pub fn set_due(&mut self, due: Option<super::plan::Day>) -> bool {
        self.list.set_due(due, self.clock, self.now_ms)
    }

    pub fn rename(&mut self, name: &str) -> Result<bool, NameError> {
        if self.taken.contains(&name_key(&normalize_name(name)?)) {
            return Err(NameError::Taken);
        }
        self.list.rename(name, self.clock, self.now_ms)
    }

    pub fn add(&mut self, video: &VideoId, duplicates: Duplicates) -> Added {
        self.list.add(video, duplicates, self.clock, self.now_ms)
    }

    pub fn add_many<'v>(
        &mut self,
        videos: impl IntoIterator<Item = &'v VideoId>,
        duplicates: Duplicates,
    ) -> AddSummary {
        self.list
            .add_many(videos, duplicates, self.clock, self.now_ms)
    }

    pub fn remove_at(&mut self, index: usize) -> Option<VideoId> {
        self.list.remove_at(index, self.clock, self.now_ms)
    }

    pub fn remove_video(&mut self, video: &str) -> usize {
        self.list.remove_video(video, self.clock, self.now_ms)
    }

    pub fn move_to(&mut self, from: usize, to: usize) -> bool {
        self.list.move_to(from, to, self.clock, self.now_ms)
    }

    pub fn move_up(&mut self, index: usize) -> bool {
        self.list.move_up(index, self.clock, self.now_ms)
    }

    pub fn move_down(&mut self, index: usize) -> bool {
        self.list.move_down(index, self.clock, self.now_ms)
    }

    pub fn remove_duplicates(&mut self) -> usize {
        self.list.remove_duplicates(self.clock, self.now_ms)
    }

    pub fn remove_watched(&mut self) -> usize {
        self.list
            .remove_watched(self.progress, self.clock, self.now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::test_support::{pid, tab, v};

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn mentions_any_trace_of_study() {
        let [a, b, c, d, e] = [
            "AAAAAAAAAAA",
            "BBBBBBBBBBB",
            "CCCCCCCCCCC",
            "DDDDDDDDDDD",
            "EEEEEEEEEEE",
        ]
        .map(v);
        let mut s = tab(1);
        assert!(!s.mentions(&a));
        s.set_watch_state(&a, WatchState::Watched, NOW);
        s.set_resume(&b, Some(60), NOW);
        s.set_note(&c, "why", NOW).unwrap();
        s.create_playlist(pid("p"), "List", NOW).unwrap();
        s.playlist_mut("p", NOW)
            .unwrap()
            .add(&d, crate::study::Duplicates::Skip);
        assert!([&a, &b, &c, &d].iter().all(|id| s.mentions(id)));
        assert!(!s.mentions(&e));
        s.delete_playlist("p", NOW + 1);
        assert!(!s.mentions(&d), "a deleted playlist is no place");
    }

    #[test]
    fn setters_skip_no_ops() {
        let mut s = tab(1);
        let a = v("AAAAAAAAAAA");
        assert!(!s.set_watch_state(&a, WatchState::Unwatched, NOW));
        assert_eq!(s.set_note(&a, "", NOW), Ok(false));
        assert_eq!(s, StudyState::default(), "no-ops leave no entries");
        assert!(s.set_resume(&a, Some(2050), NOW));
        assert_eq!(s.watch_state(&a), WatchState::InProgress);
        assert_eq!(s.set_note(&a, "see 34:10", NOW), Ok(true));
        assert_eq!(s.note(&a), Some("see 34:10"));
        assert_eq!(s.set_note(&a, "", NOW), Ok(true));
        assert_eq!(s.note(&a), None);
    }

    #[test]
    fn playlists_are_created_once_and_soft_deleted() {
        let mut s = tab(1);
        s.create_playlist(pid("b"), "Second", NOW).unwrap();
        s.create_playlist(pid("a"), "First", NOW + 1).unwrap();
        assert_eq!(
            s.create_playlist(pid("a"), "Again", NOW),
            Err(PlaylistError::DuplicateId(pid("a")))
        );
        let names: Vec<&str> = s.live_playlists().iter().map(|p| p.name()).collect();
        assert_eq!(names, ["Second", "First"], "oldest first");
        assert!(s.delete_playlist("a", NOW));
        assert!(s.playlist("a").is_none() && s.playlist_mut("a", NOW).is_none());
        assert!(s.any_playlist("a").is_some_and(Playlist::is_deleted));
        assert!(
            s.create_playlist(pid("a"), "Reuse", NOW).is_err(),
            "ids stay taken"
        );
        assert!(s.restore_playlist("a", NOW));
        assert_eq!(s.playlist("a").map(Playlist::name), Some("First"));
        assert!(!s.delete_playlist("nope", NOW));
    }

    #[test]
    fn names_are_unique_among_live_playlists() {
        let mut s = tab(1);
        s.create_playlist(pid("a"), "Week 1", NOW).unwrap();
        assert_eq!(
            s.create_playlist(pid("b"), " week 1 ", NOW),
            Err(PlaylistError::Name(NameError::Taken)),
            "a typed duplicate is refused, ignoring case and spaces"
        );
        s.create_playlist(pid("b"), "Week 2", NOW).unwrap();
        assert_eq!(
            s.playlist_mut("b", NOW).unwrap().rename("WEEK 1"),
            Err(NameError::Taken)
        );
        assert_eq!(
            s.playlist_mut("a", NOW).unwrap().rename("week 1"),
            Ok(true),
            "a list may change its own case"
        );
        s.create_playlist_with(pid("c"), "week 1", &[], NOW)
            .unwrap();
        assert_eq!(
            s.playlist("c").map(Playlist::name),
            Some("week 1 (2)"),
            "copies are told apart"
        );
        s.delete_playlist("a", NOW);
        s.create_playlist(pid("d"), "Week 1", NOW).unwrap();
    }

    #[test]
    fn keeping_both_long_versions_is_refused_and_changes_nothing() {
        let a = v("AAAAAAAAAAA");
        let (mut one, mut two) = (tab(1), tab(2));
        let long = |c: &str| c.repeat(crate::study::MAX_NOTE_CHARS / 2 + 1);
        one.set_note(&a, &long("甲"), NOW).unwrap();
        two.set_note(&a, &long("乙"), NOW + 1).unwrap();
        let mut merged = one.merge(&two);
        assert_eq!(merged.note_versions(&a).len(), 2);
        let before = merged.clone();
        assert!(merged.keep_all_note_versions(&a, NOW + 2).is_err());
        assert_eq!(merged, before, "a refused keep-both keeps both versions");
        assert!(!merged.keep_note_version(&a, 2, NOW + 2), "no such version");
        assert!(merged.keep_note_version(&a, 1, NOW + 2));
        assert_eq!(merged.note_versions(&a), [long("甲").as_str()]);
    }

    #[test]
    fn identical_lists_from_two_devices_are_offered_as_one() {
        let [a, b] = ["AAAAAAAAAAA", "BBBBBBBBBBB"].map(v);
        let mut phone = tab(1);
        let mut laptop = tab(2);
        for (s, id) in [(&mut phone, "p1"), (&mut laptop, "p2")] {
            s.create_playlist_with(pid(id), "作業", &[a.clone(), b.clone()], NOW)
                .unwrap();
        }
        laptop
            .create_playlist_with(pid("p3"), "作業 (other)", std::slice::from_ref(&a), NOW)
            .unwrap();
        let mut merged = phone.merge(&laptop);
        let groups: Vec<Vec<&str>> = merged
            .identical_playlists()
            .iter()
            .map(|g| g.iter().map(|p| p.id().as_str()).collect())
            .collect();
        assert_eq!(groups, [["p1", "p2"]]);
        // A list that differs in order is not the same.
        let mut reordered = merged.clone();
        reordered.playlist_mut("p2", NOW + 1).unwrap().move_to(0, 1);
        assert!(reordered.identical_playlists().is_empty());
        assert!(
            reordered.keep_one_of(&["p1", "p2"], NOW + 2).is_empty(),
            "no longer the same"
        );
        let deleted = merged.keep_one_of(&["p2", "p1"], NOW + 1);
        assert_eq!(deleted, [pid("p2")]);
        assert!(merged.playlist("p1").is_some() && merged.playlist("p2").is_none());
        assert!(merged.identical_playlists().is_empty());
        assert!(
            merged.restore_playlist("p2", NOW + 2),
            "restorable like any deletion"
        );
    }

    #[test]
    fn a_later_edit_beats_what_a_wrong_clock_stored() {
        let mut stored = tab(1);
        let a = v("AAAAAAAAAAA");
        stored.set_watch_state(&a, WatchState::Watched, u64::MAX);
        let mut read = stored.clone();
        read.clamp_stamps(NOW);
        let mut mine = read.clone().for_device(DeviceId::from_random(2));
        assert!(mine.set_watch_state(&a, WatchState::Unwatched, NOW));
        // Saving merges with what is stored, read (and clamped) again.
        let saved = read.merge(&mine);
        assert_eq!(saved.watch_state(&a), WatchState::Unwatched);
        assert!(!mine.is_covered_by(&read), "storage lacks the new edit");
        assert!(mine.is_covered_by(&saved));
    }
}
