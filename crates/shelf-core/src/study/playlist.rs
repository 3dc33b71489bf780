//! Student-made playlists: named, ordered lists of videos that two tabs,
//! two devices or a backup can edit at once without losing an edit.
//!
//! A playlist is a small CRDT. Its name and its deletion are registers
//! (last writer wins, each on its own); its entries are a map from a
//! stable entry id (the stamp of the add) to the video, a [`Position`]
//! register and a removal mark. So two concurrent adds both survive
//! (different ids), concurrent moves of one entry converge (the later move
//! wins), moves of different entries both apply, and a removal is final.
//! **A delete racing a rename deletes** (the rename is kept inside, so
//! "restore" brings the list back with the newest name).
//!
//! Videos the catalogue does not know are kept (a shared list may come
//! from a newer catalogue) and shown as unknown.
//!
//! **The limit is a rule of what is shown, not of what a merge keeps.** A
//! list shows its first [`MAX_VIDEOS`] live entries by add order (see
//! [`add_order`]); live entries past them (two tabs that both added to a
//! full list) are *waiting*: stored, not shown, and shown by themselves once
//! the student removes shown entries. So merging stays a plain join
//! (commutative, associative, idempotent) and no add is lost to the order in
//! which saves land. Every reader goes through [`Playlist::shown`].

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::lww::{Lww, Merge};
use super::plan::Day;
use super::position::{Position, REBALANCE_DIGITS};
use super::progress::{watch_state, ProgressMap, Tally};
use super::stamp::{Clock, DeviceId, Stamp};
use crate::catalogue::{Catalogue, Lang, Video};
use crate::ids::{PlaylistId, VideoId};
use crate::watch::WatchState;

pub use super::limits::{MAX_LIVE_ENTRIES, MAX_NAME_CHARS, MAX_STORED_ENTRIES, MAX_VIDEOS};
/// Name given to a stored or imported playlist whose name was unusable.
pub const FALLBACK_NAME: &str = "Playlist";

/// Why a playlist name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Nothing visible left after trimming.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`] after trimming.
    TooLong { chars: usize, max: usize },
    /// Holds a bidirectional override or isolate (U+202A–U+202E,
    /// U+2066–U+2069), which would make the name display as other text.
    DirectionControl,
    /// Another live playlist has this name (ignoring case): two lists
    /// could not be told apart in menus.
    Taken,
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => write!(f, "a playlist name cannot be empty"),
            NameError::TooLong { chars, max } => write!(
                f,
                "a playlist name can have at most {max} characters, not {chars}"
            ),
            NameError::DirectionControl => {
                write!(f, "a playlist name cannot contain text-direction controls")
            }
            NameError::Taken => write!(f, "another playlist already has this name"),
        }
    }
}

impl std::error::Error for NameError {}

/// Text-direction overrides and isolates: they make text display as other
/// text (a classic spoofing trick), so names may not hold them.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing on their own.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}'
        )
}

/// The stored form of a name: control characters (newlines, tabs) become
/// spaces and the ends are trimmed. Any other text, HTML included, is kept
/// as typed; the UI renders names as text, never as markup.
pub fn normalize_name(raw: &str) -> Result<String, NameError> {
    if raw.chars().any(is_direction_control) {
        return Err(NameError::DirectionControl);
    }
    let name = clean(raw);
    if name.chars().all(is_invisible) {
        return Err(NameError::Empty);
    }
    match name.chars().count() {
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
        .filter(|&c| !is_direction_control(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.trim().to_string()
}

/// A name for data that must be kept even if its name is unusable:
/// controls dropped, cut to length, or the fallback when nothing is left.
pub(super) fn repair_name(raw: &str) -> String {
    let cut: String = clean(raw).chars().take(MAX_NAME_CHARS).collect();
    let cut = cut.trim_end();
    if cut.chars().all(is_invisible) {
        FALLBACK_NAME.to_string()
    } else {
        cut.to_string()
    }
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
    /// The playlist holds [`MAX_VIDEOS`] live entries (shown or waiting).
    Full,
}

/// What adding several videos did, by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddSummary {
    pub added: usize,
    pub already_present: usize,
    pub full: usize,
}

/// One playlist row: the id and, when the catalogue knows it, the video.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub index: usize,
    pub id: &'a VideoId,
    /// `None` for an id the catalogue does not list ("unknown video").
    pub video: Option<&'a Video>,
}

/// An entry's identity: the stamp of the edit that added it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(Stamp);

/// One entry. Its position register starts at [`Stamp::ZERO`]: the add
/// itself placed it, and any move beats that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredItem", into = "StoredItem")]
struct Item {
    video: VideoId,
    pos: Lww<Position>,
    /// When it was removed; removal is final (adding again makes a new entry).
    removed: Option<Stamp>,
}

/// An entry as stored: `{"video","pos"}`, plus `moved` (the position's
/// stamp) and `removed` only when they happened. Entries are most of a
/// large state, so this keeps it compact.
#[derive(Serialize, Deserialize)]
struct StoredItem {
    video: VideoId,
    pos: Position,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    moved: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    removed: Option<Stamp>,
}

impl From<StoredItem> for Item {
    fn from(s: StoredItem) -> Item {
        Item {
            video: s.video,
            pos: Lww::new(s.pos, s.moved.unwrap_or(Stamp::ZERO)),
            removed: s.removed,
        }
    }
}

impl From<Item> for StoredItem {
    fn from(item: Item) -> StoredItem {
        let moved = (item.pos.at() != Stamp::ZERO).then_some(item.pos.at());
        StoredItem {
            video: item.video,
            pos: item.pos.value,
            moved,
            removed: item.removed,
        }
    }
}

impl Merge for Item {
    fn merge(&self, other: &Self) -> Self {
        Item {
            // One add, one video; `max` only keeps forged data deterministic.
            video: self.video.clone().max(other.video.clone()),
            pos: self.pos.merge(&other.pos),
            removed: self.removed.max(other.removed),
        }
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.pos.clamp_stamps(now_ms);
        self.removed = self.removed.map(|s| s.clamped(now_ms));
    }

    fn latest(&self) -> Stamp {
        self.pos.at().max(self.removed.unwrap_or(Stamp::ZERO))
    }
}

/// A list read from a schema without entry ids (v1, v2) is a snapshot of
/// the whole list at its `updated_at`: an entry an old tab removed is not
/// in it, and nothing says so. This stamp lets the first merge with such a
/// snapshot remove migrated entries it no longer holds (see
/// [`Playlist::merge`]; imports merge instead, see
/// [`Playlist::merge_not_replace`]). Never stored and never compared: a migrated list
/// equals the same list read back as v3.
#[derive(Debug, Clone, Copy, Default)]
struct Snapshot(Option<Stamp>);

impl PartialEq for Snapshot {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Snapshot {}

/// Fields are private so the name and entries always meet the rules
/// above; read them through the accessors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Playlist {
    id: PlaylistId,
    created: Stamp,
    name: Lww<String>,
    #[serde(default)]
    deleted: Lww<bool>,
    #[serde(default)]
    entries: BTreeMap<EntryId, Item>,
    /// The day the list is due (`plan.rs`), if the student set one.
    /// An unreadable one (forged data) reads as none rather than cost the list.
    #[serde(
        default,
        deserialize_with = "lenient_due",
        skip_serializing_if = "no_due"
    )]
    due: Lww<Option<Day>>,
    #[serde(skip)]
    snapshot: Snapshot,
}

impl Playlist {
    pub fn new(
        id: PlaylistId,
        name: &str,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<Playlist, NameError> {
        let name = normalize_name(name)?;
        let created = clock.tick(now_ms);
        Ok(Playlist {
            id,
            created,
            name: Lww::new(name, created),
            deleted: Lww::new(false, created),
            entries: BTreeMap::new(),
            due: Lww::default(),
            snapshot: Snapshot::default(),
        })
    }

    pub fn id(&self) -> &PlaylistId {
        &self.id
    }

    pub fn name(&self) -> &str {
        self.name.get()
    }

    /// When it was created (ms), for listing oldest first.
    pub fn created_at(&self) -> u64 {
        self.created.millis()
    }

    pub(super) fn created(&self) -> Stamp {
        self.created
    }

    pub fn is_deleted(&self) -> bool {
        *self.deleted.get()
    }

    /// Entries not removed, shown or waiting, in id order.
    fn live(&self) -> impl Iterator<Item = (&EntryId, &Item)> {
        self.entries
            .iter()
            .filter(|(_, item)| item.removed.is_none())
    }

    fn live_len(&self) -> usize {
        self.live().count()
    }

    /// Live entries by [`add_order`], first added first.
    fn live_by_add_order(&self) -> Vec<EntryId> {
        let mut live: Vec<EntryId> = self.live().map(|(id, _)| *id).collect();
        let order = add_order(&self.entries);
        live.sort_by(|a, b| order(a).cmp(&order(b)));
        live
    }

    /// The entries the list shows, in order (by position, ties by entry
    /// id): its first [`MAX_VIDEOS`] live entries by [`add_order`]. The one
    /// accessor every reader (rows, counts, progress, next lecture, share,
    /// export) and every edit by index goes through, so a waiting entry
    /// never leaks into a view.
    fn shown(&self) -> Vec<(&EntryId, &Item)> {
        let mut rows: Vec<(&EntryId, &Item)> = self.live().collect();
        if rows.len() > MAX_VIDEOS {
            let order = add_order(&self.entries);
            rows.sort_by(|a, b| order(a.0).cmp(&order(b.0)));
            rows.truncate(MAX_VIDEOS);
        }
        rows.sort_by(|a, b| (a.1.pos.get(), a.0).cmp(&(b.1.pos.get(), b.0)));
        rows
    }

    /// Shown video ids in playlist order; may include ids the catalogue lacks.
    pub fn videos(&self) -> Vec<&VideoId> {
        self.shown()
            .into_iter()
            .map(|(_, item)| &item.video)
            .collect()
    }

    /// How many entries the list shows (at most [`MAX_VIDEOS`]).
    pub fn len(&self) -> usize {
        self.live_len().min(MAX_VIDEOS)
    }

    /// Live entries the list does not show: stored past [`MAX_VIDEOS`]
    /// because tabs added to a full list at once. Each is shown as soon as
    /// removing shown entries makes room.
    pub fn waiting(&self) -> usize {
        self.live_len().saturating_sub(MAX_VIDEOS)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The day the list is due, if one is set.
    pub fn due(&self) -> Option<Day> {
        *self.due.get()
    }

    /// Sets or clears the due date; false when nothing changed (or the
    /// day is outside [`super::limits::DUE_YEARS`]).
    pub fn set_due(&mut self, due: Option<Day>, clock: &mut Clock, now_ms: u64) -> bool {
        due.is_none_or(Day::is_storable) && self.due.set(due, clock, now_ms)
    }

    /// Returns whether the name changed.
    pub fn rename(
        &mut self,
        name: &str,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<bool, NameError> {
        let name = normalize_name(name)?;
        Ok(self.name.set(name, clock, now_ms))
    }

    /// Marks the playlist deleted; [`Playlist::restore`] undoes it.
    pub fn delete(&mut self, clock: &mut Clock, now_ms: u64) -> bool {
        self.deleted.set(true, clock, now_ms)
    }

    /// Undoes a delete (a newer edit, so it also wins merges).
    pub fn restore(&mut self, clock: &mut Clock, now_ms: u64) -> bool {
        self.deleted.set(false, clock, now_ms)
    }

    /// Appends a video.
    pub fn add(
        &mut self,
        video: &VideoId,
        duplicates: Duplicates,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Added {
        if duplicates == Duplicates::Skip && self.videos().contains(&video) {
            return Added::AlreadyPresent;
        }
        // Live, not shown: while entries wait, a new one would only wait too.
        if self.live_len() >= MAX_VIDEOS {
            return Added::Full;
        }
        let last = self.shown().last().map(|(_, item)| item.pos.get().clone());
        self.insert(video.clone(), Position::after(last.as_ref()), clock, now_ms);
        Added::Added
    }

    /// Forgets the oldest removal marks once entries (live and removed)
    /// pass [`MAX_STORED_ENTRIES`], so a list used for years stays bounded.
    /// Only removal marks: a live entry (shown or waiting) is never
    /// forgotten here. A copy that still shows a forgotten entry could
    /// bring it back on merge; that is the price of bounded storage, paid
    /// only by long-removed entries.
    fn prune_removed(&mut self) {
        let excess = self.entries.len().saturating_sub(MAX_STORED_ENTRIES);
        if excess == 0 {
            return;
        }
        let mut removed: Vec<(Stamp, EntryId)> = self
            .entries
            .iter()
            .filter_map(|(id, item)| item.removed.map(|at| (at, *id)))
            .collect();
        removed.sort();
        for (_, id) in removed.into_iter().take(excess) {
            self.entries.remove(&id);
        }
    }

    fn insert(&mut self, video: VideoId, pos: Position, clock: &mut Clock, now_ms: u64) {
        self.prune_removed();
        let mut id = EntryId(clock.tick(now_ms));
        while self.entries.contains_key(&id) {
            id = EntryId(clock.tick(now_ms));
        }
        self.entries.insert(
            id,
            Item {
                video,
                pos: Lww::new(pos, Stamp::ZERO),
                removed: None,
            },
        );
    }

    /// Appends videos in the given order.
    pub fn add_many<'a>(
        &mut self,
        videos: impl IntoIterator<Item = &'a VideoId>,
        duplicates: Duplicates,
        clock: &mut Clock,
        now_ms: u64,
    ) -> AddSummary {
        let mut summary = AddSummary::default();
        for video in videos {
            match self.add(video, duplicates, clock, now_ms) {
                Added::Added => summary.added += 1,
                Added::AlreadyPresent => summary.already_present += 1,
                Added::Full => summary.full += 1,
            }
        }
        summary
    }

    fn remove_entries(&mut self, ids: &[EntryId], clock: &mut Clock, now_ms: u64) -> usize {
        for id in ids {
            let at = clock.tick(now_ms);
            if let Some(item) = self.entries.get_mut(id) {
                item.removed = Some(at);
            }
        }
        ids.len()
    }

    /// Removes the entry at `index` (entries, not ids: duplicates are
    /// removed one at a time).
    pub fn remove_at(&mut self, index: usize, clock: &mut Clock, now_ms: u64) -> Option<VideoId> {
        let (id, video) = self
            .shown()
            .get(index)
            .map(|(id, item)| (**id, item.video.clone()))?;
        self.remove_entries(&[id], clock, now_ms);
        Some(video)
    }

    /// Removes every entry of a video; returns how many.
    pub fn remove_video(&mut self, video: &str, clock: &mut Clock, now_ms: u64) -> usize {
        self.remove_where(|item, _| item.video == video, clock, now_ms)
    }

    pub fn move_up(&mut self, index: usize, clock: &mut Clock, now_ms: u64) -> bool {
        index > 0 && self.move_to(index, index - 1, clock, now_ms)
    }

    pub fn move_down(&mut self, index: usize, clock: &mut Clock, now_ms: u64) -> bool {
        self.move_to(index, index.saturating_add(1), clock, now_ms)
    }

    /// Drag and drop: the entry at `from` ends up at index `to` (past the
    /// end means last). False when `from` is out of range or nothing moves.
    /// Only the moved entry's position is written.
    pub fn move_to(&mut self, from: usize, to: usize, clock: &mut Clock, now_ms: u64) -> bool {
        let rows: Vec<(EntryId, Position)> = self
            .shown()
            .into_iter()
            .map(|(id, item)| (*id, item.pos.get().clone()))
            .collect();
        let to = to.min(rows.len().saturating_sub(1));
        if from >= rows.len() || from == to {
            return false;
        }
        let moved = rows[from].0;
        let others: Vec<&Position> = rows
            .iter()
            .filter(|(id, _)| *id != moved)
            .map(|(_, pos)| pos)
            .collect();
        let before = to.checked_sub(1).map(|i| others[i]);
        let after = others.get(to).copied();
        match Position::between(before, after) {
            Some(pos) if pos.len() <= REBALANCE_DIGITS => {
                let Some(item) = self.entries.get_mut(&moved) else {
                    return false;
                };
                item.pos.set(pos, clock, now_ms)
            }
            // Tied neighbours (two adds that raced to one spot) leave no
            // room between them, and many inserts at one spot make long
            // positions: renumber the whole list in its new order.
            _ => {
                let mut order: Vec<EntryId> = rows
                    .iter()
                    .map(|(id, _)| *id)
                    .filter(|id| *id != moved)
                    .collect();
                order.insert(to, moved);
                self.renumber(&order, clock, now_ms)
            }
        }
    }

    /// Gives the entries `order` evenly spread positions (fresh stamps
    /// only where a position changes). Returns whether any did.
    fn renumber(&mut self, order: &[EntryId], clock: &mut Clock, now_ms: u64) -> bool {
        let mut changed = false;
        for (id, pos) in order.iter().zip(Position::sequence(order.len())) {
            if let Some(item) = self.entries.get_mut(id) {
                changed |= item.pos.set(pos, clock, now_ms);
            }
        }
        changed
    }

    /// Keeps the first entry of each video; returns how many were removed.
    pub fn remove_duplicates(&mut self, clock: &mut Clock, now_ms: u64) -> usize {
        let mut seen = BTreeSet::new();
        self.remove_where(|item, _| !seen.insert(item.video.clone()), clock, now_ms)
    }

    /// Drops watched videos ("clean up what I finished").
    pub fn remove_watched(
        &mut self,
        progress: &ProgressMap,
        clock: &mut Clock,
        now_ms: u64,
    ) -> usize {
        self.remove_where(
            |item, _| watch_state(progress, &item.video) == WatchState::Watched,
            clock,
            now_ms,
        )
    }

    fn remove_where(
        &mut self,
        mut remove: impl FnMut(&Item, &EntryId) -> bool,
        clock: &mut Clock,
        now_ms: u64,
    ) -> usize {
        let ids: Vec<EntryId> = self
            .shown()
            .into_iter()
            .filter(|(id, item)| remove(item, id))
            .map(|(id, _)| *id)
            .collect();
        self.remove_entries(&ids, clock, now_ms)
    }

    /// Watched of total, each distinct video counted once.
    pub fn tally(&self, progress: &ProgressMap) -> Tally {
        let videos = self.videos();
        let distinct: BTreeSet<&str> = videos.iter().map(|v| v.as_str()).collect();
        Tally::of(progress, distinct)
    }

    /// The first entry not yet watched, with its index.
    pub fn next_unwatched(&self, progress: &ProgressMap) -> Option<(usize, &VideoId)> {
        self.videos()
            .into_iter()
            .enumerate()
            .find(|(_, id)| watch_state(progress, id) != WatchState::Watched)
    }

    /// The rows to show, each resolved against the catalogue.
    pub fn entries<'a>(&'a self, catalogue: &'a Catalogue) -> Vec<Entry<'a>> {
        self.videos()
            .into_iter()
            .enumerate()
            .map(|(index, id)| Entry {
                index,
                id,
                video: catalogue.video(id),
            })
            .collect()
    }

    /// Writes `target`'s name, deletion and entries over this list's with
    /// fresh stamps (`None`: the list did not exist, so it is deleted).
    /// Used to undo an import; returns whether anything changed.
    pub(super) fn revert_to(
        &mut self,
        target: Option<&Playlist>,
        clock: &mut Clock,
        now_ms: u64,
    ) -> bool {
        let Some(target) = target else {
            return self.delete(clock, now_ms);
        };
        let mut changed = self.name.set(target.name().to_string(), clock, now_ms);
        changed |= self.deleted.set(target.is_deleted(), clock, now_ms);
        // Live, not only shown: the undo brings back waiting entries too.
        let wanted: BTreeMap<EntryId, &Item> = target.live().map(|(id, i)| (*id, i)).collect();
        let unwanted: Vec<EntryId> = self
            .live()
            .filter(|(id, _)| !wanted.contains_key(id))
            .map(|(id, _)| *id)
            .collect();
        changed |= self.remove_entries(&unwanted, clock, now_ms) > 0;
        for (id, item) in wanted {
            match self.entries.get_mut(&id) {
                Some(mine) if mine.removed.is_none() => {
                    changed |= mine.pos.set(item.pos.get().clone(), clock, now_ms);
                }
                // Removal is final: bring the video back as a new entry.
                _ => {
                    self.insert(item.video.clone(), item.pos.get().clone(), clock, now_ms);
                    changed = true;
                }
            }
        }
        changed
    }

    /// A list migrated from a schema without entry ids. An entry's id is
    /// its video and which occurrence of it this is, and its position is
    /// stamped with the list's own time: two tabs migrating one store write
    /// the same entries, and two versions of one list (one reordered on
    /// another device) merge as the newer order, not as a mix of both.
    pub(super) fn legacy(
        id: PlaylistId,
        name: &str,
        videos: Vec<VideoId>,
        created: Stamp,
        at: Stamp,
        deleted: bool,
    ) -> Playlist {
        let positions = Position::sequence(videos.len());
        let entries = videos
            .into_iter()
            .zip(positions)
            .scan(BTreeMap::<VideoId, u32>::new(), |seen, (video, pos)| {
                let occurrence = seen.entry(video.clone()).or_insert(0);
                let id = legacy_entry_id(&video, *occurrence);
                *occurrence += 1;
                Some((
                    id,
                    Item {
                        video,
                        pos: Lww::new(pos, at),
                        removed: None,
                    },
                ))
            })
            .collect();
        Playlist {
            id,
            created,
            name: Lww::new(repair_name(name), at),
            deleted: Lww::new(deleted, at),
            entries,
            due: Lww::default(),
            snapshot: Snapshot(Some(at)),
        }
    }

    /// A copy of `source`'s videos as a new list (shared links, series).
    pub(super) fn with_videos(
        id: PlaylistId,
        name: &str,
        videos: &[VideoId],
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<Playlist, NameError> {
        let mut list = Playlist::new(id, name, clock, now_ms)?;
        list.add_many(
            videos.iter().take(MAX_VIDEOS),
            Duplicates::Allow,
            clock,
            now_ms,
        );
        Ok(list)
    }

    /// Brings a list read from storage or a file within the rules without
    /// dropping it: the id follows its map key, the name is repaired, and
    /// the storage bounds merging holds ([`Playlist::bound_stored`]) are
    /// applied. Entries past [`MAX_VIDEOS`] stay, waiting. Not an edit, so
    /// no clock ticks. Returns how many live entries it left out (past
    /// [`MAX_LIVE_ENTRIES`]: hostile or forged data, never honest edits).
    pub(super) fn check(&mut self, key: &PlaylistId) -> usize {
        let dropped = self.bound_stored();
        self.id = key.clone();
        self.name.value = repair_name(self.name.get());
        dropped
    }

    /// The hard storage bounds, for hostile input: live entries past
    /// [`MAX_LIVE_ENTRIES`] are left out, the last added first (the order
    /// [`Playlist::shown`] uses, so no shown entry goes), then the oldest
    /// removal marks past [`MAX_STORED_ENTRIES`]. A function of the entries
    /// alone, applied alike by merges and reads, so what a merge makes reads
    /// back unchanged. Honest edits never reach the live bound: each tab
    /// refuses adds once [`MAX_VIDEOS`] entries are live, so only
    /// concurrent adds (a few per tab) ever wait. Returns how many live
    /// entries it left out.
    fn bound_stored(&mut self) -> usize {
        let mut dropped = 0;
        if self.live_len() > MAX_LIVE_ENTRIES {
            let past = self.live_by_add_order().split_off(MAX_LIVE_ENTRIES);
            for id in &past {
                self.entries.remove(id);
            }
            dropped = past.len();
        }
        self.prune_removed();
        dropped
    }

    /// Each stored entry and whether it is live, for tests that check
    /// what a merge keeps.
    #[cfg(test)]
    pub(super) fn entry_states(&self) -> BTreeMap<EntryId, bool> {
        self.entries
            .iter()
            .map(|(id, item)| (*id, item.removed.is_none()))
            .collect()
    }

    /// Videos shown in `before` that wait in this version (a merge with
    /// another tab's adds to a full list): what to tell the tab that said
    /// "Added". They are kept, and shown once there is room.
    pub fn waiting_since(&self, before: &Playlist) -> Vec<VideoId> {
        let shown: BTreeSet<&EntryId> = self.shown().into_iter().map(|(id, _)| id).collect();
        before
            .shown()
            .into_iter()
            .filter(|(id, _)| {
                !shown.contains(id)
                    && self
                        .entries
                        .get(id)
                        .is_some_and(|item| item.removed.is_none())
            })
            .map(|(_, item)| item.video.clone())
            .collect()
    }

    /// Gets this list (read from a backup) ready to merge into `local`'s
    /// version of it, so the import keeps everything `local` shows:
    ///
    /// * an entry whose id `local` uses for another video (a hand-edited or
    ///   forged file) gets a fresh id (the next counter free on both
    ///   sides: deterministic), so both videos stay;
    /// * entries `local` lacks are left out past [`MAX_VIDEOS`], added
    ///   first kept, rather than capping `local`'s own entries.
    ///
    /// Returns the videos left out.
    pub(super) fn fit_into(&mut self, local: &Playlist) -> Vec<VideoId> {
        self.merge_not_replace();
        let clashing: Vec<EntryId> = self
            .entries
            .iter()
            .filter(|(id, item)| local.entries.get(id).is_some_and(|l| l.video != item.video))
            .map(|(id, _)| *id)
            .collect();
        for id in clashing {
            let Some(item) = self.entries.remove(&id) else {
                continue;
            };
            // The first later counter that is free, or that holds this very
            // video here already (imported before: importing again adds nothing).
            let mut fresh = id.0;
            let free = loop {
                fresh = fresh.next_counter();
                let candidate = EntryId(fresh);
                let here = local.entries.get(&candidate);
                if here.is_some_and(|l| l.video == item.video)
                    || (here.is_none() && !self.entries.contains_key(&candidate))
                {
                    break candidate;
                }
            };
            self.entries.insert(free, item);
        }
        let merged = local.join(self);
        let kept_local = local
            .live()
            .filter(|(id, _)| merged.entries.get(id).is_some_and(|i| i.removed.is_none()))
            .count();
        let room = MAX_VIDEOS.saturating_sub(kept_local);
        let mut new: Vec<EntryId> = merged
            .entries
            .iter()
            .filter(|(id, item)| item.removed.is_none() && !local.entries.contains_key(id))
            .map(|(id, _)| *id)
            .collect();
        let order = add_order(&merged.entries);
        new.sort_by(|a, b| order(a).cmp(&order(b)));
        let mut left_out = Vec::new();
        for id in new.into_iter().skip(room) {
            if let Some(item) = self.entries.remove(&id) {
                left_out.push(item.video);
            }
        }
        left_out
    }

    /// Imports merge, never replace: a list from an old-schema backup does
    /// not remove the entries it lacks (see [`Snapshot`]).
    pub(super) fn merge_not_replace(&mut self) {
        self.snapshot = Snapshot::default();
    }

    /// The join of both versions' registers and entries, before the
    /// storage bounds.
    fn join(&self, other: &Self) -> Playlist {
        let mut entries = self.entries.merge(&other.entries);
        // A list from a schema without entry ids holds every entry it had at
        // its time: a migrated entry missing from it, not moved since, was
        // removed by the old tab that wrote it.
        for snapshot_side in [self, other] {
            let Some(at) = snapshot_side.snapshot.0 else {
                continue;
            };
            for (id, item) in entries.iter_mut() {
                if id.0.device() == DeviceId::LEGACY
                    && item.removed.is_none()
                    && item.pos.at() <= at
                    && !snapshot_side.entries.contains_key(id)
                {
                    item.removed = Some(at);
                }
            }
        }
        Playlist {
            id: self.id.clone().min(other.id.clone()),
            created: self.created.min(other.created),
            name: self.name.merge(&other.name),
            deleted: self.deleted.merge(&other.deleted),
            entries,
            due: self.due.merge(&other.due),
            snapshot: Snapshot::default(),
        }
    }

    /// Reads a stored list's entries one by one, so one unreadable entry
    /// (a bad position, a malformed id) costs that entry, not the list.
    /// Returns each left-out entry's key and why.
    pub(super) fn read_entries(
        &mut self,
        raw: serde_json::Map<String, serde_json::Value>,
    ) -> Vec<(String, String)> {
        let mut bad = Vec::new();
        for (key, value) in raw {
            let id = key.parse::<Stamp>().map(EntryId);
            let item = serde_json::from_value::<Item>(value).map_err(|e| e.to_string());
            match (id, item) {
                (Ok(id), Ok(item)) => {
                    self.entries.insert(id, item);
                }
                (Err(e), _) | (_, Err(e)) => bad.push((key, e)),
            }
        }
        bad
    }
}

fn lenient_due<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Lww<Option<Day>>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// Lists that never had a due date store nothing for it.
fn no_due(due: &Lww<Option<Day>>) -> bool {
    *due == Lww::default()
}

impl Merge for Playlist {
    /// The plain join: commutative, associative and idempotent, whatever
    /// order saves land in ([`MAX_VIDEOS`] limits what is shown, not what
    /// is kept). Only past the hard storage bounds (hostile data) does it
    /// apply the bounds a read applies ([`Playlist::bound_stored`]), so what
    /// a merge makes always reads back unchanged; associativity holds for
    /// every history within them.
    fn merge(&self, other: &Self) -> Self {
        let mut merged = self.join(other);
        merged.bound_stored();
        merged
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.created = self.created.clamped(now_ms);
        self.name.clamp_stamps(now_ms);
        self.deleted.clamp_stamps(now_ms);
        self.entries.clamp_stamps(now_ms);
        self.due.clamp_stamps(now_ms);
    }

    fn latest(&self) -> Stamp {
        [
            self.created,
            self.name.at(),
            self.deleted.at(),
            self.entries.latest(),
            self.due.at(),
        ]
        .into_iter()
        .max()
        .unwrap_or(Stamp::ZERO)
    }
}

/// The order entries were added in, which decides what a full list shows
/// and what waits: migrated entries (from schemas without ids: their ids
/// pack the video, not a time) first, in list order, then entries added
/// since, by add stamp. A function of the entries alone, so every tab
/// shows alike.
fn add_order<'a>(
    entries: &'a BTreeMap<EntryId, Item>,
) -> impl Fn(&EntryId) -> (bool, Option<&'a Position>, EntryId) + 'a {
    move |id| {
        let migrated = id.0.device() == DeviceId::LEGACY;
        let pos = migrated
            .then(|| entries.get(id).map(|item| item.pos.get()))
            .flatten();
        (!migrated, pos, *id)
    }
}

/// A migrated entry's id: the video's 11 characters (6 bits each) and the
/// occurrence, packed without loss into a legacy stamp, so no two entries
/// of one list can share it.
fn legacy_entry_id(video: &VideoId, occurrence: u32) -> EntryId {
    let code = |b: u8| -> u64 {
        match b {
            b'A'..=b'Z' => u64::from(b - b'A'),
            b'a'..=b'z' => u64::from(b - b'a') + 26,
            b'0'..=b'9' => u64::from(b - b'0') + 52,
            b'-' => 62,
            _ => 63,
        }
    };
    let bytes = video.as_bytes();
    let millis = bytes[..10]
        .iter()
        .fold(0u64, |acc, &b| (acc << 6) | code(b));
    let counter = occurrence.saturating_mul(64) | code(bytes[10]) as u32;
    EntryId(Stamp::legacy(millis, counter))
}

/// A whole series as a ready-made, read-only list in lecture order.
/// Derived from the catalogue each time and never stored: it is shown on
/// its own route (`/series/<id>`), so no stored id can shadow it.
pub fn series_playlist(catalogue: &Catalogue, series_id: &str, lang: Lang) -> Option<Playlist> {
    let series = catalogue.series(series_id)?;
    let name = match lang {
        Lang::Zh => &series.name_zh,
        Lang::En => &series.name_en,
    };
    let videos = catalogue
        .series_videos(series_id)
        .into_iter()
        .map(|v| v.id.clone())
        .collect();
    let id = PlaylistId::parse(&format!("series-{series_id}"))
        .or_else(|| PlaylistId::parse("series"))
        .expect("a fixed, valid id");
    Some(Playlist::legacy(
        id,
        name,
        videos,
        Stamp::ZERO,
        Stamp::ZERO,
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::progress::tests::{catalogue, with};
    use crate::study::stamp::DeviceId;
    use crate::study::test_support::{v, A, B, C, NOW, X};

    fn clock(n: u32) -> Clock {
        Clock::new(DeviceId::from_random(n))
    }

    fn list(ids: &[&str], clock: &mut Clock) -> Playlist {
        let mut p = Playlist::new(PlaylistId::parse("p1").unwrap(), "List", clock, NOW).unwrap();
        let videos: Vec<VideoId> = ids.iter().map(|id| v(id)).collect();
        p.add_many(&videos, Duplicates::Allow, clock, NOW);
        p
    }

    fn ids(p: &Playlist) -> Vec<&str> {
        p.videos().into_iter().map(|v| v.as_str()).collect()
    }

    #[test]
    fn names_are_trimmed_capped_and_never_invisible() {
        assert_eq!(
            normalize_name("  Week 1\n review\t"),
            Ok("Week 1  review".into())
        );
        assert_eq!(normalize_name(" \n\t "), Err(NameError::Empty));
        assert_eq!(
            normalize_name("\u{200B}\u{200D}\u{FEFF}"),
            Err(NameError::Empty)
        );
        assert_eq!(
            normalize_name("\u{202E}reversed"),
            Err(NameError::DirectionControl)
        );
        assert_eq!(
            normalize_name("a\u{2067}b"),
            Err(NameError::DirectionControl)
        );
        assert_eq!(
            normalize_name("👩\u{200D}💻 study"),
            Ok("👩\u{200D}💻 study".into())
        );
        let long = "長".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            normalize_name(&long),
            Err(NameError::TooLong {
                chars: MAX_NAME_CHARS + 1,
                max: MAX_NAME_CHARS
            })
        );
        assert!(normalize_name(&"長".repeat(MAX_NAME_CHARS)).is_ok());
        assert_eq!(repair_name("\u{202E}evil"), "evil");
        assert_eq!(repair_name("\u{200B}"), FALLBACK_NAME);
        assert_eq!(
            repair_name(&format!("  {}  ", "n".repeat(MAX_NAME_CHARS + 5))).len(),
            MAX_NAME_CHARS
        );
    }

    #[test]
    fn hostile_names_stay_plain_text() {
        let mut c = clock(1);
        for name in [
            "<img src=x onerror=alert(1)>",
            "<script>alert('x')</script>",
            "\"quoted\" & 'single' ; drop table",
            "[link](javascript:alert(1))",
        ] {
            let p = Playlist::new(PlaylistId::parse("p").unwrap(), name, &mut c, NOW).unwrap();
            assert_eq!(p.name(), name, "kept byte for byte");
        }
    }

    #[test]
    fn rename_delete_and_undo() {
        let mut c = clock(1);
        let mut p = list(&[], &mut c);
        assert_eq!(p.rename("  ", &mut c, NOW), Err(NameError::Empty));
        assert_eq!(p.rename("List", &mut c, NOW), Ok(false));
        assert_eq!(p.rename("New", &mut c, NOW), Ok(true));
        assert!(p.delete(&mut c, NOW));
        assert!(!p.delete(&mut c, NOW));
        assert!(p.is_deleted());
        assert!(p.restore(&mut c, NOW));
        assert!(!p.restore(&mut c, NOW));
        assert_eq!((p.is_deleted(), p.name()), (false, "New"));
    }

    #[test]
    fn adding_skips_present_and_overflow() {
        let mut c = clock(1);
        let mut p = list(&[], &mut c);
        assert_eq!(p.add(&v(A), Duplicates::Skip, &mut c, NOW), Added::Added);
        assert_eq!(
            p.add(&v(A), Duplicates::Skip, &mut c, NOW),
            Added::AlreadyPresent
        );
        assert_eq!(p.add(&v(A), Duplicates::Allow, &mut c, NOW), Added::Added);
        let summary = p.add_many(&[v(B), v(A), v(X)], Duplicates::Skip, &mut c, NOW);
        assert_eq!(
            summary,
            AddSummary {
                added: 2,
                already_present: 1,
                full: 0
            }
        );
        assert_eq!(ids(&p), [A, A, B, X]);
        let mut full = list(&[], &mut c);
        let many: Vec<VideoId> = (0..MAX_VIDEOS + 2)
            .map(|i| v(&format!("{i:0>11}")))
            .collect();
        let summary = full.add_many(&many, Duplicates::Skip, &mut c, NOW);
        assert_eq!((summary.added, summary.full), (MAX_VIDEOS, 2));
    }

    #[test]
    fn removing_and_moving() {
        let mut c = clock(1);
        let mut p = list(&[A, B, C, A], &mut c);
        assert_eq!(p.remove_at(9, &mut c, NOW), None);
        assert_eq!(p.remove_at(1, &mut c, NOW).as_deref(), Some(B));
        assert_eq!(ids(&p), [A, C, A]);
        assert_eq!(p.remove_video(A, &mut c, NOW), 2);
        assert_eq!(ids(&p), [C]);

        let mut p = list(&[A, B, C], &mut c);
        assert!(!p.move_up(0, &mut c, NOW));
        assert!(!p.move_down(2, &mut c, NOW));
        assert!(p.move_down(0, &mut c, NOW));
        assert_eq!(ids(&p), [B, A, C]);
        assert!(p.move_up(2, &mut c, NOW));
        assert_eq!(ids(&p), [B, C, A]);
        assert!(p.move_to(0, 99, &mut c, NOW), "past the end means last");
        assert_eq!(ids(&p), [C, A, B]);
        assert!(p.move_to(2, 0, &mut c, NOW));
        assert_eq!(ids(&p), [B, C, A]);
        let before = p.clone();
        assert!(!p.move_to(5, 0, &mut c, NOW));
        assert!(!p.move_to(1, 1, &mut c, NOW));
        assert_eq!(p, before, "a move that moves nothing is not an edit");
    }

    #[test]
    fn concurrent_adds_both_survive_and_moves_converge() {
        let (mut a, mut b) = (clock(1), clock(2));
        let base = list(&[A, B, C], &mut a);
        let (mut in_a, mut in_b) = (base.clone(), base.clone());
        in_a.add(&v(X), Duplicates::Skip, &mut a, NOW + 1);
        in_b.add(&v("DDDDDDDDDDD"), Duplicates::Skip, &mut b, NOW + 1);
        let merged = in_a.merge(&in_b);
        assert_eq!(merged, in_b.merge(&in_a));
        assert_eq!(merged.len(), 5, "both adds survive");

        let (mut in_a, mut in_b) = (base.clone(), base.clone());
        in_a.move_to(0, 2, &mut a, NOW + 2); // A to the end
        in_b.move_to(2, 0, &mut b, NOW + 3); // C to the front
        let merged = in_a.merge(&in_b);
        assert_eq!(
            ids(&merged),
            [C, B, A],
            "moves of different entries both apply"
        );

        let (mut in_a, mut in_b) = (base.clone(), base.clone());
        in_a.move_to(0, 2, &mut a, NOW + 2);
        in_b.move_to(0, 1, &mut b, NOW + 3);
        assert_eq!(
            ids(&in_a.merge(&in_b)),
            [B, A, C],
            "the later move of one entry wins"
        );
        assert_eq!(in_a.merge(&in_b), in_b.merge(&in_a));

        let (mut in_a, mut in_b) = (base.clone(), base);
        in_a.remove_at(0, &mut a, NOW + 2);
        in_b.move_to(0, 2, &mut b, NOW + 3);
        assert_eq!(ids(&in_a.merge(&in_b)), [B, C], "a removal is final");
    }

    #[test]
    fn delete_racing_a_rename_deletes_and_keeps_the_name() {
        let (mut a, mut b) = (clock(1), clock(2));
        let base = list(&[A], &mut a);
        let (mut in_a, mut in_b) = (base.clone(), base);
        in_a.rename("Renamed", &mut a, NOW + 10).unwrap();
        in_b.delete(&mut b, NOW + 5);
        for merged in [in_a.merge(&in_b), in_b.merge(&in_a)] {
            assert!(merged.is_deleted());
            assert_eq!(merged.name(), "Renamed");
        }
    }

    #[test]
    fn tied_positions_still_move() {
        let (mut a, mut b) = (clock(1), clock(2));
        let base = list(&[A], &mut a);
        let (mut in_a, mut in_b) = (base.clone(), base);
        in_a.add(&v(B), Duplicates::Skip, &mut a, NOW + 1);
        in_b.add(&v(C), Duplicates::Skip, &mut b, NOW + 1);
        let mut merged = in_a.merge(&in_b);
        assert_eq!(merged.len(), 3);
        let last = merged.videos()[2].to_string();
        assert!(merged.move_to(2, 1, &mut a, NOW + 2));
        assert_eq!(
            merged.videos()[1].as_str(),
            last,
            "moved between tied neighbours"
        );
    }

    #[test]
    fn cleaning_up_duplicates_and_watched() {
        let mut c = clock(1);
        let mut p = list(&[A, B, A, C, B], &mut c);
        assert_eq!(p.remove_duplicates(&mut c, NOW), 2);
        assert_eq!(ids(&p), [A, B, C]);
        assert_eq!(p.remove_duplicates(&mut c, NOW), 0);
        let progress = with(&[(A, WatchState::Watched), (C, WatchState::InProgress)]);
        assert_eq!(p.remove_watched(&progress, &mut c, NOW), 1);
        assert_eq!(ids(&p), [B, C]);
    }

    #[test]
    fn progress_and_next_unwatched() {
        let mut c = clock(1);
        let p = list(&[A, B, A, X], &mut c);
        let progress = with(&[(A, WatchState::Watched), (B, WatchState::InProgress)]);
        assert_eq!(
            p.tally(&progress),
            Tally {
                watched: 1,
                in_progress: 1,
                total: 3
            }
        );
        assert_eq!(
            p.next_unwatched(&progress).map(|(i, id)| (i, id.as_str())),
            Some((1, B))
        );
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
        let mut c = clock(1);
        let p = list(&[A, X], &mut c);
        let entries = p.entries(&catalogue);
        assert_eq!(entries[0].video.map(|v| v.id.as_str()), Some(A));
        assert_eq!((entries[1].id.as_str(), entries[1].video), (X, None));
    }

    #[test]
    fn a_series_is_a_ready_made_list() {
        let catalogue = catalogue();
        let list = series_playlist(&catalogue, "s1", Lang::En).unwrap();
        assert_eq!(list.name(), "s1 course");
        assert_eq!(ids(&list), [A, B, C], "lecture order, not upload order");
        assert_eq!(
            series_playlist(&catalogue, "s1", Lang::Zh).unwrap().name(),
            "s1 課程"
        );
        assert!(series_playlist(&catalogue, "nope", Lang::En).is_none());
    }

    #[test]
    fn revert_brings_back_an_earlier_version() {
        let mut c = clock(1);
        let before = list(&[A, B], &mut c);
        let mut now = before.clone();
        now.rename("Changed", &mut c, NOW).unwrap();
        now.remove_at(0, &mut c, NOW);
        now.add(&v(C), Duplicates::Skip, &mut c, NOW);
        assert!(now.revert_to(Some(&before), &mut c, NOW));
        assert_eq!((now.name(), ids(&now)), ("List", vec![A, B]));
        assert!(now.revert_to(None, &mut c, NOW));
        assert!(now.is_deleted());
    }
}
