//! The student's study state in the app: one signal, saved on every change.
//!
//! Saving is read-modify-write (`schema::prepare_save`), so edits another tab
//! made since this one last looked survive; the `storage` event brings those
//! edits here without a reload. Whatever goes wrong, the session keeps
//! working in memory and the notice says what happened.

use leptos::prelude::*;
use shelf_core::study::{decode, prepare_save, Decoded, Save, StudyState};

use crate::web::storage::{self, StorageIssue, STATE_KEY};

/// Why the state is not (only) what storage holds; shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreNotice {
    /// Stored data could not be read; it was kept under `backup_key`.
    Corrupt {
        reason: String,
        backup_key: Option<String>,
    },
    /// A newer app version wrote the data: nothing is saved over it.
    ReadOnly { version: u64 },
    /// Storage is off or full: changes live in this tab only.
    MemoryOnly(StorageIssue),
}

#[derive(Clone, Copy)]
pub struct Study {
    pub state: RwSignal<StudyState>,
    pub notice: RwSignal<Option<StoreNotice>>,
    /// Set when a newer app version owns the store: nothing is written over it.
    /// (A full or disabled store is retried on the next change: space may free up.)
    read_only: RwSignal<bool>,
}

pub fn use_study() -> Study {
    expect_context::<Study>()
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Study {
    /// Loads the stored state and starts listening to other tabs.
    pub fn load() -> Study {
        let (state, notice) = match storage::read(STATE_KEY) {
            Err(issue) => (StudyState::default(), Some(StoreNotice::MemoryOnly(issue))),
            Ok(None) => (StudyState::default(), None),
            Ok(Some(raw)) => match decode(&raw) {
                Decoded::Ok(state) => (state, None),
                Decoded::Corrupt { reason } => {
                    let backup_key = storage::keep_backup(&raw, now_ms()).ok();
                    (
                        StudyState::default(),
                        Some(StoreNotice::Corrupt { reason, backup_key }),
                    )
                }
                Decoded::FromNewerVersion { version } => (
                    StudyState::default(),
                    Some(StoreNotice::ReadOnly { version }),
                ),
            },
        };
        let read_only = matches!(notice, Some(StoreNotice::ReadOnly { .. }));
        let study = Study {
            state: RwSignal::new(state),
            notice: RwSignal::new(notice),
            read_only: RwSignal::new(read_only),
        };
        storage::on_external_change(move |raw| study.absorb(raw));
        study
    }

    /// Applies an edit and saves. `edit` gets the time to stamp changes with.
    pub fn update<R>(&self, edit: impl FnOnce(&mut StudyState, u64) -> R) -> R {
        let now = now_ms();
        let result = self
            .state
            .try_update(|state| edit(state, now))
            .expect("study state lives as long as the app");
        self.save();
        result
    }

    /// Replaces the state with an import's result and saves.
    pub fn replace(&self, state: StudyState) {
        self.state.set(state);
        self.save();
    }

    fn save(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let stored = match storage::read(STATE_KEY) {
            Ok(stored) => stored,
            Err(issue) => return self.memory_only(issue),
        };
        let mine = self.state.get_untracked();
        let (state, json) = match prepare_save(&mine, stored.as_deref()) {
            Save::Write { state, json } => (state, json),
            Save::WriteAfterBackup {
                reason,
                state,
                json,
            } => {
                // Never overwrite what could not be read before it is kept elsewhere.
                let raw = stored.unwrap_or_default();
                match storage::keep_backup(&raw, now_ms()) {
                    Ok(key) => {
                        self.notice.set(Some(StoreNotice::Corrupt {
                            reason,
                            backup_key: Some(key),
                        }));
                    }
                    Err(issue) => return self.memory_only(issue),
                }
                (state, json)
            }
            Save::ReadOnly { version } => {
                self.read_only.set(true);
                self.notice.set(Some(StoreNotice::ReadOnly { version }));
                return;
            }
        };
        match storage::write(STATE_KEY, &json) {
            Ok(()) => {
                if state != mine {
                    self.state.set(state);
                }
            }
            Err(issue) => self.memory_only(issue),
        }
    }

    fn memory_only(&self, issue: StorageIssue) {
        let notice = Some(StoreNotice::MemoryOnly(issue));
        // The same failure on every change is one notice, not a stream of them.
        if self.notice.with_untracked(|n| *n != notice) {
            self.notice.set(notice);
        }
    }

    /// Another tab saved: merge its state into ours (newer item wins).
    fn absorb(&self, raw: Option<String>) {
        match raw.as_deref().map(decode) {
            Some(Decoded::Ok(theirs)) => self.state.update(|mine| *mine = mine.merge(&theirs)),
            Some(Decoded::FromNewerVersion { version }) => {
                self.read_only.set(true);
                self.notice.set(Some(StoreNotice::ReadOnly { version }));
            }
            // Cleared or unreadable elsewhere: keep what this tab has; the next save restores it.
            Some(Decoded::Corrupt { .. }) | None => {}
        }
    }

    /// The unreadable text kept under `key`, for download.
    pub fn backup_text(key: &str) -> Option<String> {
        storage::read(key).ok().flatten()
    }
}
