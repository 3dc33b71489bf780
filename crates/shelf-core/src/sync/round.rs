//! One sync round: what to download, upload and delete, decided from the
//! listing, the files read and the memory of the last rounds.
//!
//! * **Download** a file only when its ETag is not the one this device
//!   last read (its own: not the one it last wrote or read), or when it is
//!   to be judged for deleting (below).
//! * **Upload** only when the own file, as it is in the folder, lacks
//!   something: it is missing, or its study state's fingerprint differs
//!   from the local state's, or it lacks a rename or forget made here, or
//!   it lacks names read from a file this round is about to delete. Names
//!   merely read from others' files are carried at the next upload but do
//!   not cause one (they are in the folder already), so a device joining
//!   costs the others a GET, not a PUT. After rounds with no edits anywhere
//!   every device's state is the join, each has written it at most once
//!   since it last grew, and nothing is written again: states only grow,
//!   so uploads stop (`simulation.rs`).
//! * **Delete**, only once the own file holds everything this device has
//!   read (so nothing read is lost by the delete), and only files read in
//!   this very round (so the judgement is of the local state as it is, not
//!   of a memory of it): the file of a forgotten device, and a *stale* file —
//!   unchanged for [`STALE_AFTER_MS`] by its time and this device's, read
//!   cleanly — whose content the own file covers, when the own file is the
//!   newer (so two devices never prune each other). Such files are fetched
//!   again for that: one GET per stale file per sixty days, and one for a
//!   forgotten device. Every DELETE is guarded by the ETag judged.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::file;
use super::memory::{build_marker, Own, Refusal, Seen, SyncMemory};
use super::{
    fingerprint, Delete, Refused, RemoteEntry, RemoteFileError, RoundOutcome, SyncDeviceId, Upload,
    MAX_DEVICE_FILE_BYTES, STALE_AFTER_MS,
};
use crate::study::StudyState;

/// A file read this round.
#[derive(Debug, Clone)]
struct Absorbed {
    etag: String,
    written_ms: Option<u64>,
    clean: bool,
    study_fp: u64,
    names_fp: u64,
    state: StudyState,
}

/// What [`Round::upload`] decided, kept for `uploaded`, `to_delete`, `finish`.
#[derive(Debug, Clone)]
enum Check {
    /// The folder's own file already holds the local state.
    Current { covered: BTreeSet<String> },
    /// A PUT is due with this data.
    Pending {
        study_fp: u64,
        names_fp: u64,
        written_ms: u64,
        covered: BTreeSet<String>,
    },
    /// Nothing may be written (forgotten, own file unread, too large).
    Blocked { too_large: Option<u64> },
}

/// One sync round; see the module docs of `sync` for the order of calls.
#[derive(Debug)]
pub struct Round {
    memory: SyncMemory,
    /// Device files in the listing, by name: (ETag, size).
    listed: BTreeMap<String, (String, Option<u64>)>,
    started_ms: u64,
    absorbed: BTreeMap<String, Absorbed>,
    refused: BTreeMap<String, (String, RemoteFileError)>,
    /// Set by `upload` (which only reads the state it is given).
    check: RefCell<Option<Check>>,
    /// ETag and data of the own file written this round.
    written: Option<Own>,
    deleted: BTreeSet<String>,
}

impl Round {
    pub(super) fn new(memory: SyncMemory, listing: Vec<RemoteEntry>, now_ms: u64) -> Round {
        let listed = listing
            .into_iter()
            .filter(|e| SyncDeviceId::from_file_name(&e.name).is_some())
            .map(|e| (e.name, (e.etag, e.size)))
            .collect();
        Round {
            memory,
            listed,
            started_ms: now_ms,
            absorbed: BTreeMap::new(),
            refused: BTreeMap::new(),
            check: RefCell::new(None),
            written: None,
            deleted: BTreeSet::new(),
        }
    }

    fn own_name(&self) -> String {
        self.memory.device.file_name()
    }

    /// File names whose ETag changed since this device last saw them.
    /// Files listed bigger than [`MAX_DEVICE_FILE_BYTES`] are not fetched
    /// (see [`Round::outcome`]).
    pub fn to_download(&self) -> Vec<String> {
        let own = self.own_name();
        self.listed
            .iter()
            .filter(|(_, (_, size))| size.is_none_or(|s| s <= MAX_DEVICE_FILE_BYTES))
            .filter(|(name, (etag, _))| {
                if **name == own {
                    return !self
                        .memory
                        .own
                        .as_ref()
                        .is_some_and(|o| same_etag(&o.etag, etag));
                }
                match self.memory.files.get(*name) {
                    None => true,
                    Some(seen) if !same_etag(&seen.etag, etag) => true,
                    Some(seen) => match &seen.refused {
                        Some(refusal) => refusal.build != build_marker(),
                        // Read again to be judged for deleting.
                        None => self.deletable_if_covered(name, seen, self.own_written_ms()),
                    },
                }
            })
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Reads one downloaded file: the state to merge into the local study
    /// (`Ok(None)`: nothing to merge). Size-capped, salvage-decoded, stamps
    /// clamped to `now_ms`; its names are merged into this round's.
    pub fn absorb(
        &mut self,
        name: &str,
        etag: &str,
        body: &str,
        now_ms: u64,
    ) -> Result<Option<StudyState>, RemoteFileError> {
        let Some(device) = SyncDeviceId::from_file_name(name) else {
            return Err(RemoteFileError::Foreign);
        };
        match file::read(&device, &self.memory.device, body, now_ms) {
            Ok(read) => {
                self.memory.names = self.memory.names.merge(&read.names);
                self.memory.clock.observe(self.memory.names.latest());
                self.refused.remove(name);
                self.absorbed.insert(
                    name.to_string(),
                    Absorbed {
                        etag: etag.to_string(),
                        written_ms: read.written_ms,
                        clean: read.clean,
                        study_fp: read.study_fp,
                        names_fp: read.names_fp,
                        state: read.study.clone(),
                    },
                );
                Ok(Some(read.study))
            }
            Err(error) => {
                self.absorbed.remove(name);
                self.refused
                    .insert(name.to_string(), (etag.to_string(), error.clone()));
                Err(error)
            }
        }
    }

    /// The own file's ETag in the listing and its data fingerprint, when
    /// this device knows what it holds.
    fn own_remote(&self) -> Option<(&str, Option<(u64, u64)>)> {
        // A GET is newer than the listing it followed.
        if let Some(read) = self.absorbed.get(&self.own_name()) {
            return Some((&read.etag, Some((read.study_fp, read.names_fp))));
        }
        let (etag, _) = self.listed.get(&self.own_name())?;
        match &self.memory.own {
            Some(own) if same_etag(&own.etag, etag) => {
                Some((etag, Some((own.study_fp, own.names_fp))))
            }
            _ => Some((etag, None)),
        }
    }

    /// The PUT to make for the merged local state, or `None` when the
    /// folder's own file already holds it (or nothing may be written: this
    /// device was forgotten, its own file changed and was not read, or the
    /// state is too large — see [`Round::outcome`]).
    pub fn upload(&self, state: &StudyState, now_ms: u64) -> Option<Upload> {
        let (check, upload) = self.decide_upload(state, now_ms);
        *self.check.borrow_mut() = Some(check);
        upload
    }

    fn decide_upload(&self, state: &StudyState, now_ms: u64) -> (Check, Option<Upload>) {
        if self.memory.is_forgotten() {
            return (Check::Blocked { too_large: None }, None);
        }
        let names_json = self.memory.names.to_json();
        let study_json = crate::study::encode(state);
        let study_fp = fingerprint(&[&study_json]);
        let names_fp = fingerprint(&[&names_json]);
        // Files read this round whose content the state holds.
        let covered: BTreeSet<String> = self
            .absorbed
            .iter()
            .filter(|(_, a)| a.state.is_covered_by(state))
            .map(|(name, _)| name.clone())
            .collect();
        let if_match = match self.own_remote() {
            None => None,
            Some((etag, Some((remote_study, remote_names)))) => {
                let names_missing = remote_names != names_fp
                    && (self.memory.names_edited || !self.deletions(&covered).is_empty());
                if remote_study == study_fp && !names_missing {
                    return (Check::Current { covered }, None);
                }
                Some(etag.to_string())
            }
            // Changed by someone and not read: never write over it unread.
            Some((_, None)) => return (Check::Blocked { too_large: None }, None),
        };
        let device = &self.memory.device;
        let name = self.memory.names.name(device).unwrap_or_default();
        let body = file::write(device, name, now_ms, &names_json, &study_json);
        if body.len() as u64 > MAX_DEVICE_FILE_BYTES {
            let too_large = Some(body.len() as u64);
            return (Check::Blocked { too_large }, None);
        }
        let check = Check::Pending {
            study_fp,
            names_fp,
            written_ms: now_ms,
            covered,
        };
        let upload = Upload {
            name: device.file_name(),
            body,
            if_match,
        };
        (check, Some(upload))
    }

    /// After the PUT of [`Round::upload`]'s file succeeded with `etag`.
    pub fn uploaded(&mut self, etag: &str) {
        let check = self.check.borrow().clone();
        if let Some(Check::Pending {
            study_fp,
            names_fp,
            written_ms,
            covered,
        }) = check
        {
            self.written = Some(Own {
                etag: etag.to_string(),
                study_fp,
                names_fp,
                written_ms,
            });
            self.memory.names_edited = false;
            let own = self.own_name();
            self.listed.insert(own, (etag.to_string(), None));
            *self.check.borrow_mut() = Some(Check::Current { covered });
        }
    }

    /// True when the folder's own file holds all this device has read.
    fn own_is_current(&self) -> Option<BTreeSet<String>> {
        match &*self.check.borrow() {
            Some(Check::Current { covered }) => Some(covered.clone()),
            _ => None,
        }
    }

    /// The own file's time, for "the newer file prunes the older".
    fn own_written_ms(&self) -> Option<u64> {
        self.written
            .as_ref()
            .or(self.memory.own.as_ref())
            .map(|o| o.written_ms)
    }

    /// Files to delete: forgotten devices' and stale covered ones. Empty
    /// until the own file is current ([`Round::upload`] said nothing new,
    /// or [`Round::uploaded`] was called).
    pub fn to_delete(&self) -> Vec<Delete> {
        if self.memory.is_forgotten() {
            return Vec::new();
        }
        match self.own_is_current() {
            Some(covered_now) => self.deletions(&covered_now),
            None => Vec::new(),
        }
    }

    /// True for the file of a forgotten device, and for a stale file read
    /// cleanly that is older than the own file (written at `own_written`).
    fn deletable_if_covered(&self, name: &str, seen: &Seen, own_written: Option<u64>) -> bool {
        let Some(device) = SyncDeviceId::from_file_name(name) else {
            return false;
        };
        if self.memory.names.is_forgotten(&device) {
            return true;
        }
        let old = |t: u64| self.started_ms.saturating_sub(t) >= STALE_AFTER_MS;
        let own_key = (own_written.unwrap_or(0), self.own_name());
        seen.clean
            && old(seen.since_ms)
            && seen
                .written_ms
                .is_some_and(|w| old(w) && own_key > (w, name.to_string()))
    }

    /// What `to_delete` gives once the own file holds the files in `covered_now`.
    fn deletions(&self, covered_now: &BTreeSet<String>) -> Vec<Delete> {
        let own_name = self.own_name();
        let own_written = self.own_written_ms();
        let mut out = Vec::new();
        for (name, (etag, _)) in &self.listed {
            if *name == own_name || self.deleted.contains(name) {
                continue;
            }
            let Some(device) = SyncDeviceId::from_file_name(name) else {
                continue;
            };
            let seen = self
                .memory
                .files
                .get(name)
                .filter(|s| same_etag(&s.etag, etag));
            // Read this round, at the listed ETag, and held by the own file.
            let read_now = self
                .absorbed
                .get(name)
                .filter(|read| same_etag(&read.etag, etag));
            let covered = read_now.is_some() && covered_now.contains(name);
            let delete = if self.memory.names.is_forgotten(&device) {
                // Unreadable junk of a forgotten device goes too; a file from a
                // newer app might hold text, so it stays until it can be read.
                let junk = match self.refused.get(name) {
                    Some((e, error)) => {
                        same_etag(e, etag) && !matches!(error, RemoteFileError::NewerFormat { .. })
                    }
                    None => seen
                        .and_then(|s| s.refused.as_ref())
                        .is_some_and(|r| !r.newer),
                };
                covered || junk
            } else {
                // Judged as this round read it, with the time it was first seen.
                let judged = read_now.map(|read| Seen {
                    etag: read.etag.clone(),
                    since_ms: seen.map_or(self.started_ms, |s| s.since_ms),
                    written_ms: read.written_ms,
                    clean: read.clean,
                    refused: None,
                });
                covered && judged.is_some_and(|j| self.deletable_if_covered(name, &j, own_written))
            };
            if delete {
                out.push(Delete {
                    name: name.clone(),
                    if_match: Some(etag.clone()),
                });
            }
        }
        out
    }

    /// After a DELETE of [`Round::to_delete`] succeeded (or found the file
    /// gone).
    pub fn deleted(&mut self, name: &str) {
        self.deleted.insert(name.to_string());
    }

    /// What the round did so far.
    pub fn outcome(&self) -> RoundOutcome {
        let check = self.check.borrow();
        let mut refused: Vec<super::Refused> = self
            .refused
            .iter()
            .map(|(name, (_, error))| Refused {
                name: name.clone(),
                error: error.clone(),
            })
            .collect();
        for (name, (_, size)) in &self.listed {
            if let Some(bytes) = size.filter(|s| *s > MAX_DEVICE_FILE_BYTES) {
                refused.push(Refused {
                    name: name.clone(),
                    error: RemoteFileError::TooLarge { bytes },
                });
            }
        }
        let still_refused =
            self.listed
                .iter()
                .filter(|(name, (etag, size))| {
                    // Listed too large: already among `refused` below.
                    size.is_none_or(|s| s <= MAX_DEVICE_FILE_BYTES)
                        && !self.refused.contains_key(*name)
                        && !self.absorbed.contains_key(*name)
                        && self.memory.files.get(*name).is_some_and(|seen| {
                            seen.refused.is_some() && same_etag(&seen.etag, etag)
                        })
                })
                .count();
        RoundOutcome {
            forgotten: self.memory.is_forgotten(),
            still_refused,
            devices: self.memory.devices(self.started_ms).len(),
            downloaded: self.absorbed.len(),
            refused,
            uploaded: self.written.is_some(),
            too_large_to_upload: match &*check {
                Some(Check::Blocked { too_large }) => *too_large,
                _ => None,
            },
            deleted: self.deleted.len(),
        }
    }

    /// The memory to keep for the next round. Files read or refused are
    /// remembered at their ETags; files gone from the listing are dropped.
    pub fn finish(self, now_ms: u64) -> SyncMemory {
        let covered_now = self.own_is_current();
        let own_name = self.own_name();
        let mut memory = self.memory;
        let mut files = BTreeMap::new();
        for (name, (etag, size)) in &self.listed {
            if *name == own_name || self.deleted.contains(name) {
                continue;
            }
            let old = memory.files.remove(name);
            let since_ms = match &old {
                Some(seen) if same_etag(&seen.etag, etag) => seen.since_ms,
                _ => now_ms,
            };
            let seen = if let Some(read) = self.absorbed.get(name) {
                let since_ms = match &old {
                    Some(seen) if same_etag(&seen.etag, &read.etag) => seen.since_ms,
                    _ => now_ms,
                };
                Seen {
                    etag: read.etag.clone(),
                    since_ms,
                    written_ms: read.written_ms,
                    clean: read.clean,
                    refused: None,
                }
            } else if let Some((_, error)) =
                self.refused.get(name).filter(|(e, _)| same_etag(e, etag))
            {
                Seen {
                    etag: etag.clone(),
                    since_ms,
                    written_ms: None,
                    clean: false,
                    refused: Some(Refusal {
                        build: build_marker(),
                        newer: matches!(error, RemoteFileError::NewerFormat { .. }),
                    }),
                }
            } else if size.is_some_and(|s| s > MAX_DEVICE_FILE_BYTES) {
                Seen {
                    etag: etag.clone(),
                    since_ms,
                    written_ms: None,
                    clean: false,
                    refused: Some(Refusal {
                        build: build_marker(),
                        newer: false,
                    }),
                }
            } else if let Some(seen) = old {
                // Not fetched this round (a failed GET): kept, so its old ETag
                // no longer matches and the next round fetches it.
                seen
            } else {
                continue;
            };
            files.insert(name.clone(), seen);
        }
        memory.files = files;
        for (name, read) in &self.absorbed {
            let (Some(id), Some(written)) = (SyncDeviceId::from_file_name(name), read.written_ms)
            else {
                continue;
            };
            let seen = memory.last_seen.entry(id).or_insert(written);
            *seen = written.max(*seen);
        }
        let gone: Vec<SyncDeviceId> = memory
            .last_seen
            .keys()
            .filter(|id| memory.names.is_forgotten(id) || **id == memory.device)
            .cloned()
            .collect();
        for id in gone {
            memory.last_seen.remove(&id);
        }
        let own_absorbed = self.absorbed.get(&own_name);
        memory.own = match (self.written, own_absorbed) {
            (Some(written), _) => Some(written),
            (None, Some(read)) => Some(Own {
                etag: read.etag.clone(),
                study_fp: read.study_fp,
                names_fp: read.names_fp,
                written_ms: read.written_ms.unwrap_or(0),
            }),
            // Not written (a failed PUT): the next round decides again.
            (None, None) if self.listed.contains_key(&own_name) => memory.own,
            (None, None) => None,
        };
        if covered_now.is_some() {
            memory.last_synced_ms = Some(now_ms);
        }
        // A PUT whose round was cut short still carried the names.
        let names_fp = fingerprint(&[&memory.names.to_json()]);
        if memory.own.as_ref().is_some_and(|o| o.names_fp == names_fp) {
            memory.names_edited = false;
        }
        memory
    }
}

/// ETags compared as the same tag: a folder listing may give `abc` where
/// the PUT's reply header said `"abc"` (remoteStorage does), or mark it
/// weak (`W/"abc"`). Either way the file did not change.
fn same_etag(a: &str, b: &str) -> bool {
    fn tag(e: &str) -> &str {
        let e = e.trim();
        let e = e.strip_prefix("W/").unwrap_or(e);
        e.strip_prefix('"')
            .and_then(|e| e.strip_suffix('"'))
            .unwrap_or(e)
    }
    tag(a) == tag(b)
}
