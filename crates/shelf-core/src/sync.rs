//! Sync between a student's devices through storage the student owns.
//!
//! Each device writes only its own file, `DEVICES_FOLDER/<device id>.json`
//! (its whole study state plus a small CRDT of device names and forget
//! marks, see [`file`]), and reads the others'. Merging is the study
//! state's join, so files can be read in any order, any number of times,
//! and a file can add and reorder but never take away what a device holds
//! except through newer edits (whose stamps are clamped on reading).
//!
//! The core does no I/O: the app lists the folder, then drives a [`Round`]
//! made by [`SyncMemory::begin`]:
//!
//! 1. GET each of [`Round::to_download`] (names whose ETag changed since this
//!    device last saw them) and hand the body to [`Round::absorb`], which
//!    returns the state to merge into the local study (as a storage event's);
//! 2. [`Round::upload`] with the merged local state: `None` when the folder
//!    already holds all of it (a round with nothing new writes nothing),
//!    else a PUT guarded by the ETag this device last saw of its own file;
//!    then [`Round::uploaded`] with the new ETag;
//! 3. DELETE each of [`Round::to_delete`] (files of forgotten devices, and
//!    stale files the own file covers), [`Round::deleted`] after each;
//! 4. [`Round::finish`] gives the [`SyncMemory`] to store for next time.
//!
//! A round that stops part way (offline, 412 on the PUT) is dropped: the
//! old memory stays, and the next round downloads and decides again.

use serde::{Deserialize, Serialize};
use std::fmt;

mod file;
mod memory;
mod names;
mod round;

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;

pub use memory::SyncMemory;
pub use round::Round;

/// Folder (relative to the storage root / app folder) where device files live.
pub const DEVICES_FOLDER: &str = "lecture-shelf/devices/";

/// A remote file bigger than this is refused unread. The heaviest state the
/// app is sized for (`study::worst_case`: 448 lectures, 500-character notes
/// in Chinese, ten full playlists) writes about 0.7 MB; even a note at the
/// 5000-character cap on every lecture, all Chinese (3 bytes a character),
/// is about 6.7 MB, and localStorage (5 M UTF-16 units) holds little more,
/// so no honest device writes a bigger file. Small enough to parse in a
/// phone's browser tab.
pub const MAX_DEVICE_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A file unchanged this long belongs to a device that stopped syncing
/// (or synced nothing new): when the own file covers it, it may be pruned.
/// A device that still syncs writes its file again when it finds it gone.
pub const STALE_AFTER_MS: u64 = 60 * 24 * 60 * 60 * 1000;

/// Most devices a names CRDT keeps (more come only from a forged file).
pub const MAX_SYNC_DEVICES: usize = 100;

/// One device's id in sync (not the per-tab stamp id): 16 lowercase
/// `[a-z0-9]` characters, so it is safe as a file name on any storage.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SyncDeviceId(String);

const ID_LEN: usize = 16;
/// Base-32 digits, all inside `[a-z0-9]`: 16 of them hold 80 random bits.
const ID_DIGITS: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
const FILE_SUFFIX: &str = ".json";

impl SyncDeviceId {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = s.len() == ID_LEN
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        ok.then(|| SyncDeviceId(s.to_string()))
    }

    /// From random bytes chosen by the app (the core has no randomness).
    pub fn from_random(bytes: [u8; 10]) -> Self {
        let bits = bytes
            .iter()
            .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
        let id = (0..ID_LEN)
            .rev()
            .map(|i| char::from(ID_DIGITS[((bits >> (5 * i)) & 31) as usize]))
            .collect();
        SyncDeviceId(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `"<id>.json"`, the device's file inside [`DEVICES_FOLDER`].
    pub fn file_name(&self) -> String {
        format!("{}{FILE_SUFFIX}", self.0)
    }

    pub fn from_file_name(name: &str) -> Option<Self> {
        name.strip_suffix(FILE_SUFFIX).and_then(Self::parse)
    }

    /// The stamp device id this sync device stamps name edits with: the
    /// same on every read, far apart for different devices.
    fn stamp_device(&self) -> crate::study::DeviceId {
        // FNV-1a: deterministic, no hasher state.
        let hash = self.0.bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        crate::study::DeviceId::from_random(hash)
    }
}

impl fmt::Display for SyncDeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for SyncDeviceId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::parse(s).ok_or_else(|| format!("{s:?} is not a sync device id"))
    }
}

crate::text_form::text_form!(SyncDeviceId);

/// One row of a folder listing, as any backend reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteEntry {
    /// File name inside [`DEVICES_FOLDER`].
    pub name: String,
    pub etag: String,
    pub size: Option<u64>,
}

/// A PUT to make: `if_match` is the ETag this device last saw of its own
/// file; `None` means create (`If-None-Match: *`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub body: String,
    pub if_match: Option<String>,
}

/// A DELETE to make, guarded by the ETag whose content was judged
/// deletable (a 404 or 412 reply just means someone else got there first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delete {
    pub name: String,
    pub if_match: Option<String>,
}

/// Why a remote file was not read. Data, so the UI words it; `Display` is
/// one English line for logs and tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteFileError {
    /// Bigger than [`MAX_DEVICE_FILE_BYTES`]: refused unread.
    TooLarge {
        bytes: u64,
    },
    NotJson,
    /// JSON, but not a device file this app wrote for that name (another
    /// format tag, no version, a `device` other than the file name's, a
    /// study part that is not a stored state).
    Foreign,
    /// Written by a newer version of the app: `format` is the file's
    /// format version, or its study schema when that is the newer part.
    NewerFormat {
        format: u32,
    },
}

impl fmt::Display for RemoteFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RemoteFileError::TooLarge { bytes } => write!(
                f,
                "the device file is too large ({bytes} bytes, at most {MAX_DEVICE_FILE_BYTES})"
            ),
            RemoteFileError::NotJson => write!(f, "the device file is not JSON"),
            RemoteFileError::Foreign => write!(f, "the file is not a Lecture Shelf device file"),
            RemoteFileError::NewerFormat { format } => write!(
                f,
                "the device file was written by a newer version of the app (format {format})"
            ),
        }
    }
}

impl std::error::Error for RemoteFileError {}

/// One device as the UI lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    pub id: SyncDeviceId,
    /// The synced name; empty when no device has named it (the UI shows
    /// a placeholder).
    pub name: String,
    /// This device: its last finished round. Others: when their file was
    /// last written (a change), never later than now.
    pub last_seen_ms: Option<u64>,
    pub this_device: bool,
}

/// A file a round could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub name: String,
    pub error: RemoteFileError,
}

/// What a round did, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundOutcome {
    /// Another device forgot this one: the app disconnects, keeping local
    /// data; this round writes and deletes nothing.
    pub forgotten: bool,
    /// Devices listed by [`SyncMemory::devices`], this one included.
    pub devices: usize,
    /// Files read and merged.
    pub downloaded: usize,
    /// Files not read this round (never deleted for it, read again once
    /// they change).
    pub refused: Vec<Refused>,
    /// Files refused in an earlier round and still listed unchanged (not
    /// fetched again): with `refused`, what the status line says could not
    /// be read.
    pub still_refused: usize,
    /// The own file was written.
    pub uploaded: bool,
    /// The own state encodes past [`MAX_DEVICE_FILE_BYTES`]: not written,
    /// since other devices would refuse it.
    pub too_large_to_upload: Option<u64>,
    pub deleted: usize,
}

/// FNV-1a over the parts of a file that carry data: decides "nothing new".
fn fingerprint(parts: &[&str]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}
