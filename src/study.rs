//! The student's study state in the app: one signal, saved on every change.
//!
//! Saving is a read-merge-write under a Web Lock shared by this origin's
//! tabs (`web::locks`), so no tab can write between another's read and
//! write; the merge is the core's register-by-register join, so even
//! without locks (older browsers) nothing is lost for long: whenever a tab
//! hears of another tab's write (`storage` event) it merges it in and, if
//! it holds something that write lacks, saves again. Whatever goes wrong,
//! the session keeps working in memory and the notice says what happened.

use leptos::prelude::*;
use shelf_core::study::{
    apply_import, decode, describe, prepare_save, Damage, Decoded, DeviceId, Dropped, ListOverflow,
    ProgressMap, RestorePoint, Save, StudyState, Unreadable,
};

use crate::web::storage::{self, StorageIssue, RESTORE_KEY, STATE_KEY};
use crate::web::{document, locks, random};

/// Why the state is not (only) what storage holds; shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreNotice {
    /// Stored data could not be read at all; it was kept under `backup_key`.
    Corrupt {
        reason: Unreadable,
        backup_key: Option<String>,
    },
    /// Some stored items could not be read: the rest is shown, the raw
    /// text was kept under `backup_key`.
    Salvaged {
        dropped: Vec<Dropped>,
        backup_key: Option<String>,
    },
    /// A newer app version wrote the data: nothing is saved over it.
    ReadOnly { version: u64 },
    /// Storage is off or full: changes live in this tab only.
    MemoryOnly(StorageIssue),
    /// Lists were full when this tab's adds met another tab's: these
    /// videos, shown as added a moment ago, were not kept (the core's rule,
    /// the same in every tab, see `study::limits`).
    ListsFull(Vec<ListOverflow>),
}

/// Where this tab's changes stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage holds everything this tab shows.
    Saved,
    /// A save is waiting for the lock or running.
    Saving,
    /// The last save failed (see the notice); changes are in memory only.
    Unsaved,
}

impl SaveStatus {
    pub fn code(self) -> &'static str {
        match self {
            SaveStatus::Saved => "saved",
            SaveStatus::Saving => "saving",
            SaveStatus::Unsaved => "unsaved",
        }
    }
}

#[derive(Clone, Copy)]
pub struct Study {
    state: RwSignal<StudyState>,
    pub notice: RwSignal<Option<StoreNotice>>,
    status: RwSignal<SaveStatus>,
    /// Set when a newer app version owns the store: nothing is written over it.
    /// (A full or disabled store is retried on the next change: space may free up.)
    read_only: RwSignal<bool>,
    /// What undoes the last import, until the next one.
    restore_point: RwSignal<Option<RestorePoint>>,
    /// The restore point still has to be stored: after the state itself,
    /// so on a nearly full store it never takes the state's room.
    restore_point_unstored: StoredValue<bool>,
    /// Watch progress alone: progress bars and search read this, so a note
    /// or playlist edit re-renders none of them.
    progress: Memo<ProgressMap>,
    /// The last edit made in this tab (not merges): the sync driver's cue.
    edited: RwSignal<Option<LocalEdit>>,
}

/// An edit made in this tab, for the sync driver (`src/sync.rs`), which
/// batches the player's position writes apart from the student's edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalEdit {
    /// Counts edits, so two in the same millisecond are two changes.
    pub serial: u64,
    /// Made by the player while it plays (positions, marks), not by a click.
    pub playback: bool,
}

pub use crate::web::clock::now_ms;

/// Lock shared by this origin's tabs around every read-merge-write.
const LOCK: &str = "lecture-shelf/study";

impl Study {
    /// Loads the stored state and starts listening to other tabs.
    pub fn load() -> Study {
        let device = DeviceId::from_random(random::below(u64::from(u32::MAX)) as u32);
        let (state, notice, write_back) = read_stored();
        let read_only = matches!(notice, Some(StoreNotice::ReadOnly { .. }));
        let restore_point = storage::read(RESTORE_KEY)
            .ok()
            .flatten()
            .and_then(|text| RestorePoint::decode(&text));
        let state = RwSignal::new(state.for_device(device));
        let study = Study {
            progress: Memo::new(move |_| state.with(|s| s.progress().clone())),
            state,
            notice: RwSignal::new(notice),
            status: RwSignal::new(SaveStatus::Saved),
            read_only: RwSignal::new(read_only),
            restore_point: RwSignal::new(restore_point),
            restore_point_unstored: StoredValue::new(false),
            edited: RwSignal::new(None),
        };
        document::set_save_state(SaveStatus::Saved.code());
        if write_back {
            // Now, before any edit: storage must hold the clamped stamps
            // that this tab's edits are ordered after.
            study.save_now();
        }
        storage::on_external_change(move |raw| study.absorb(raw));
        document::on_page_hide(move || study.flush_now());
        study
    }

    /// Runs a save still waiting for the lock now, without it, rather than
    /// not at all: for a tab that is going away (page hide, navigation).
    pub fn flush_now(&self) {
        if self.status.get_untracked() == SaveStatus::Saving {
            self.save_now();
        }
    }

    /// Reads the state, tracked: the caller re-runs when it changes.
    /// Wrap in a `Memo` whatever is read in more than one place or is
    /// costly to render, so that unrelated edits do not re-render it.
    pub fn with<R>(&self, read: impl FnOnce(&StudyState) -> R) -> R {
        self.state.with(read)
    }

    /// Watch progress, as a memo (see the field).
    pub fn progress(&self) -> Memo<ProgressMap> {
        self.progress
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&StudyState) -> R) -> R {
        self.state.with_untracked(read)
    }

    pub fn status(&self) -> SaveStatus {
        self.status.get()
    }

    /// Applies an edit and, when the core says it changed something, saves.
    /// `edit` gets the time to stamp changes with.
    pub fn update<R>(&self, edit: impl FnOnce(&mut StudyState, u64) -> R) -> R {
        self.update_as(false, edit)
    }

    /// [`Study::update`] for the player's own writes while it plays: saved
    /// alike, but synced in batches (see `src/sync.rs`).
    pub fn update_playback<R>(&self, edit: impl FnOnce(&mut StudyState, u64) -> R) -> R {
        self.update_as(true, edit)
    }

    /// The last edit made in this tab, tracked.
    pub fn last_edit(&self) -> Option<LocalEdit> {
        self.edited.get()
    }

    fn update_as<R>(&self, playback: bool, edit: impl FnOnce(&mut StudyState, u64) -> R) -> R {
        let now = now_ms();
        let (changed, result) = self
            .state
            .try_maybe_update(|state| {
                let before = state.version();
                let result = edit(state, now);
                let changed = state.version() != before;
                (changed, (changed, result))
            })
            .expect("study state lives as long as the app");
        if changed {
            self.save();
            let serial = self.edited.get_untracked().map_or(1, |e| e.serial + 1);
            self.edited.set(Some(LocalEdit { serial, playback }));
        }
        result
    }

    /// Merges a state from another device (a sync round) the way another
    /// tab's save is absorbed, and saves when it brought anything, through
    /// the same locked save path: so this tab's other tabs follow through
    /// storage events. True when it changed the state here.
    pub fn absorb_remote(&self, theirs: &StudyState) -> bool {
        let mine = self.state.get_untracked();
        let merged = mine.merge(theirs);
        self.report_capped(&mine, &merged);
        if merged == mine {
            return false;
        }
        self.adopt(merged);
        self.save();
        true
    }

    /// The state as it is now, for upload.
    pub fn snapshot(&self) -> StudyState {
        self.state.get_untracked()
    }

    /// Merges a backup into the state, keeps a restore point that undoes
    /// it, and saves. The save's outcome shows in [`Study::status`].
    pub fn import(&self, incoming: &StudyState) {
        let point = self.state.try_maybe_update(|local| {
            let (merged, point) = apply_import(local, incoming);
            *local = merged;
            (point.is_some(), point)
        });
        // An import that changed nothing keeps the last one's restore point.
        if let Some(point) = point.flatten() {
            self.restore_point.set(Some(point));
            self.restore_point_unstored.set_value(true);
        }
        self.save();
    }

    /// True while the last import can be undone.
    pub fn can_undo_import(&self) -> bool {
        self.restore_point.with(Option::is_some)
    }

    /// Undoes the last import (as new edits, so other tabs follow) and
    /// forgets the restore point. Returns how many items went back.
    pub fn undo_import(&self) -> usize {
        let Some(point) = self.restore_point.get_untracked() else {
            return 0;
        };
        let changed = self.update(|state, now| point.undo(state, now));
        self.restore_point.set(None);
        let _ = storage::remove(RESTORE_KEY);
        changed
    }

    /// Saves under the cross-tab lock, once for any number of edits made
    /// while waiting for it.
    fn save(&self) {
        // A save already queued reads the state when it runs.
        if self.read_only.get_untracked() || self.status.get_untracked() == SaveStatus::Saving {
            return;
        }
        self.set_status(SaveStatus::Saving);
        let study = *self;
        locks::with_lock(LOCK, move || study.save_now());
    }

    /// Read-merge-write, now. Runs inside the lock (or at page hide).
    fn save_now(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let stored = match storage::read(STATE_KEY) {
            Ok(stored) => stored,
            Err(issue) => return self.memory_only(issue),
        };
        let mine = self.state.get_untracked();
        let now = now_ms();
        let save = prepare_save(&mine, stored.as_deref(), now);
        if let Save::UpToDate { state } | Save::Write { state, .. } = &save {
            self.report_capped(&mine, state);
        }
        let (state, json) = match save {
            Save::UpToDate { state } => {
                self.adopt(state);
                self.store_restore_point();
                self.set_status(SaveStatus::Saved);
                return;
            }
            Save::Write { state, json } => (state, json),
            Save::WriteAfterBackup {
                damage,
                state,
                json,
            } => {
                // Never overwrite what could not be read before it is kept elsewhere.
                let raw = stored.unwrap_or_default();
                match storage::keep_backup(&raw, now) {
                    Ok(key) => {
                        let backup_key = Some(key);
                        match damage {
                            Damage::Dropped(dropped) => {
                                self.notice.set(Some(StoreNotice::Salvaged {
                                    dropped,
                                    backup_key,
                                }))
                            }
                            // A salvage notice already names what was kept.
                            Damage::Unreadable(reason) => {
                                if !matches!(
                                    self.notice.get_untracked(),
                                    Some(StoreNotice::Salvaged { .. })
                                ) {
                                    self.notice
                                        .set(Some(StoreNotice::Corrupt { reason, backup_key }));
                                }
                            }
                        }
                    }
                    Err(issue) => return self.memory_only(issue),
                }
                (state, json)
            }
            Save::ReadOnly { version } => {
                self.read_only.set(true);
                self.set_status(SaveStatus::Unsaved);
                self.notice.set(Some(StoreNotice::ReadOnly { version }));
                return;
            }
        };
        match storage::write(STATE_KEY, &json) {
            Ok(()) => {
                self.adopt(state);
                self.store_restore_point();
                self.set_status(SaveStatus::Saved);
                if matches!(
                    self.notice.get_untracked(),
                    Some(StoreNotice::MemoryOnly(_))
                ) {
                    self.notice.set(None);
                }
            }
            Err(issue) => self.memory_only(issue),
        }
    }

    /// Keeps the restore point across reloads when there is room (it works
    /// in this tab regardless).
    fn store_restore_point(&self) {
        if !self.restore_point_unstored.get_value() {
            return;
        }
        self.restore_point_unstored.set_value(false);
        if let Some(point) = self.restore_point.get_untracked() {
            let _ = storage::write(RESTORE_KEY, &point.encode());
        }
    }

    /// Takes in a merged state (it may hold another tab's edits) without
    /// re-rendering when it holds nothing new.
    fn adopt(&self, merged: StudyState) {
        self.state.maybe_update(|mine| {
            let changed = *mine != merged;
            if changed {
                *mine = merged;
            }
            changed
        });
    }

    /// The status, also on `<html data-save>` at once: a script (or a test)
    /// can tell "stored" from "waiting for the lock" without polling storage.
    fn set_status(&self, status: SaveStatus) {
        document::set_save_state(status.code());
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }

    fn memory_only(&self, issue: StorageIssue) {
        self.set_status(SaveStatus::Unsaved);
        let notice = Some(StoreNotice::MemoryOnly(issue));
        // The same failure on every change is one notice, not a stream of them.
        if self.notice.with_untracked(|n| *n != notice) {
            self.notice.set(notice);
        }
    }

    /// Tells the student when merging left videos this tab showed as added
    /// waiting (a list was full: another tab's adds came first).
    fn report_capped(&self, mine: &StudyState, merged: &StudyState) {
        let capped = mine.waiting_in(merged);
        if !capped.is_empty() {
            self.notice.set(Some(StoreNotice::ListsFull(capped)));
        }
    }

    /// Another tab saved: merge its state into ours, and save again only
    /// when ours holds something its write lacks that a save would keep (it
    /// raced ours, or it ran without a lock), so tabs and storage converge
    /// and never echo each other's writes.
    fn absorb(&self, raw: Option<String>) {
        match raw.as_deref().map(|raw| decode(raw, now_ms())) {
            Some(Decoded::Ok {
                state: theirs,
                clamped,
                ..
            }) => {
                let mine = self.state.get_untracked();
                let merged = mine.merge(&theirs);
                self.report_capped(&mine, &merged);
                // The merge holds the limits, so it is exactly what storage
                // holds after saving it (`study::limits` tests that it reads
                // back unchanged). Equal to theirs: a save would add nothing.
                let covered = merged == theirs;
                self.adopt(merged);
                // Clamped: storage must hold the clamped stamps this tab's next
                // edits are ordered after (see `Decoded::Ok`).
                if clamped || !covered {
                    self.save();
                }
            }
            Some(Decoded::FromNewerVersion { version }) => {
                self.read_only.set(true);
                self.notice.set(Some(StoreNotice::ReadOnly { version }));
            }
            // Cleared or unreadable elsewhere: keep what this tab has and
            // write it back (a corrupt text is kept aside first).
            Some(Decoded::Corrupt { .. }) | None => self.save(),
        }
    }

    /// The unreadable text kept under `key`, for download.
    pub fn backup_text(key: &str) -> Option<String> {
        storage::read(key).ok().flatten()
    }
}

/// The stored state, or an empty one and why; and whether it must be
/// written back at once (its stamps were clamped, see `Decoded::Ok`).
fn read_stored() -> (StudyState, Option<StoreNotice>, bool) {
    let raw = match storage::read(STATE_KEY) {
        Err(issue) => {
            return (
                StudyState::default(),
                Some(StoreNotice::MemoryOnly(issue)),
                false,
            )
        }
        Ok(None) => return (StudyState::default(), None, false),
        Ok(Some(raw)) => raw,
    };
    match decode(&raw, now_ms()) {
        Decoded::Ok {
            state,
            dropped,
            clamped,
        } if dropped.is_empty() => (state, None, clamped),
        Decoded::Ok { state, dropped, .. } => {
            // Kept before anything is written over it.
            let backup_key = storage::keep_backup(&raw, now_ms()).ok();
            leptos::logging::warn!("study state: left out {}", describe(&dropped));
            (
                state,
                Some(StoreNotice::Salvaged {
                    dropped,
                    backup_key,
                }),
                false,
            )
        }
        Decoded::Corrupt { reason } => {
            let backup_key = storage::keep_backup(&raw, now_ms()).ok();
            (
                StudyState::default(),
                Some(StoreNotice::Corrupt { reason, backup_key }),
                false,
            )
        }
        Decoded::FromNewerVersion { version } => (
            StudyState::default(),
            Some(StoreNotice::ReadOnly { version }),
            false,
        ),
    }
}
