//! STAND-IN for H2's sync engine (branch `sync-core`), written by H3 only so
//! the app side compiles and its browser tests run before that branch lands:
//! the public API is exactly the contract's (`/work/wt/SYNC_CONTRACT.md`);
//! at merge, H2's files replace this one whole.
//!
//! Each device writes only `DEVICES_FOLDER/<device>.json`; a round lists the
//! folder, downloads files whose ETag changed since they were last seen,
//! merges them, and uploads this device's file only when the state it would
//! write differs from the one it wrote last.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::study::{decode, encode, Decoded, StudyState};

pub const DEVICES_FOLDER: &str = "lecture-shelf/devices/";
/// A remote file bigger than this is refused unread.
pub const MAX_DEVICE_FILE_BYTES: u64 = 4 * 1024 * 1024;
const FORMAT: &str = "lecture-shelf-device";
const VERSION: u32 = 1;
const MAX_NAME_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SyncDeviceId(String);

impl SyncDeviceId {
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 16
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        .then(|| SyncDeviceId(s.to_owned()))
    }
    pub fn from_random(bytes: [u8; 10]) -> Self {
        const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let id = (0..16)
            .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
            .collect();
        SyncDeviceId(id)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn file_name(&self) -> String {
        format!("{}.json", self.0)
    }
    pub fn from_file_name(name: &str) -> Option<Self> {
        name.strip_suffix(".json").and_then(Self::parse)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteEntry {
    pub name: String,
    pub etag: String,
    pub size: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    name: String,
    last_seen_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncMemory {
    device: SyncDeviceId,
    /// Device names and last-seen times, this device's included.
    known: BTreeMap<SyncDeviceId, Known>,
    /// ETag last read per file name.
    seen: BTreeMap<String, String>,
    /// ETag and content hash of this device's last upload.
    uploaded: Option<(String, u64)>,
    forgotten: Vec<SyncDeviceId>,
    last_synced_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    pub id: SyncDeviceId,
    pub name: String,
    pub last_seen_ms: Option<u64>,
    pub this_device: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
}

impl SyncMemory {
    pub fn new(device: SyncDeviceId, name: &str) -> Self {
        let mut known = BTreeMap::new();
        known.insert(
            device.clone(),
            Known {
                name: clean_name(name),
                last_seen_ms: None,
            },
        );
        SyncMemory {
            device,
            known,
            seen: BTreeMap::new(),
            uploaded: None,
            forgotten: Vec::new(),
            last_synced_ms: None,
        }
    }
    pub fn device(&self) -> &SyncDeviceId {
        &self.device
    }
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("memory serializes")
    }
    pub fn decode(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
    pub fn devices(&self, _now_ms: u64) -> Vec<DeviceInfo> {
        let mut out: Vec<DeviceInfo> = self
            .known
            .iter()
            .filter(|(id, _)| !self.forgotten.contains(id))
            .map(|(id, k)| DeviceInfo {
                id: id.clone(),
                name: k.name.clone(),
                last_seen_ms: k.last_seen_ms,
                this_device: *id == self.device,
            })
            .collect();
        out.sort_by_key(|d| !d.this_device);
        out
    }
    pub fn last_synced_ms(&self) -> Option<u64> {
        self.last_synced_ms
    }
    pub fn rename(
        &mut self,
        device: &SyncDeviceId,
        name: &str,
        _now_ms: u64,
    ) -> Result<bool, NameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        let Some(known) = self.known.get_mut(device) else {
            return Ok(false);
        };
        if known.name == name {
            return Ok(false);
        }
        known.name = name.to_owned();
        if *device == self.device {
            // The name travels in this device's file: write it again.
            self.uploaded = None;
        }
        Ok(true)
    }
    pub fn forget(&mut self, device: &SyncDeviceId, _now_ms: u64) -> bool {
        if *device == self.device || self.forgotten.contains(device) {
            return false;
        }
        self.forgotten.push(device.clone());
        true
    }
    pub fn begin(&self, listing: Vec<RemoteEntry>, _now_ms: u64) -> Round {
        Round {
            memory: self.clone(),
            listing,
            outcome: RoundOutcome::default(),
            pending: std::cell::Cell::new(None),
        }
    }
}

fn clean_name(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub struct Round {
    memory: SyncMemory,
    listing: Vec<RemoteEntry>,
    outcome: RoundOutcome,
    /// The hash of what the last `upload` produced, kept by `uploaded`.
    pending: std::cell::Cell<Option<u64>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundOutcome {
    pub downloaded: usize,
    pub uploaded: bool,
    pub deleted: usize,
    pub refused: usize,
    pub devices: usize,
    pub forgotten: bool,
}

pub struct Upload {
    pub name: String,
    pub body: String,
    pub if_match: Option<String>,
}

pub struct Delete {
    pub name: String,
    pub if_match: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteFileError {
    TooLarge { bytes: u64 },
    NotJson,
    Foreign,
    NewerFormat { format: u32 },
}

impl fmt::Display for RemoteFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RemoteFileError::TooLarge { bytes } => {
                write!(f, "device file of {bytes} bytes is too large")
            }
            RemoteFileError::NotJson => write!(f, "device file is not JSON"),
            RemoteFileError::Foreign => write!(f, "not a Lecture Shelf device file"),
            RemoteFileError::NewerFormat { format } => {
                write!(f, "device file format {format} is newer")
            }
        }
    }
}

impl Round {
    fn own_name(&self) -> String {
        self.memory.device.file_name()
    }
    pub fn to_download(&self) -> Vec<String> {
        let own = self.own_name();
        self.listing
            .iter()
            .filter(|e| e.name != own && SyncDeviceId::from_file_name(&e.name).is_some())
            .filter(|e| self.memory.seen.get(&e.name) != Some(&e.etag))
            .filter(|e| {
                let id = SyncDeviceId::from_file_name(&e.name);
                !id.is_some_and(|id| self.memory.forgotten.contains(&id))
            })
            .map(|e| e.name.clone())
            .collect()
    }
    pub fn absorb(
        &mut self,
        name: &str,
        etag: &str,
        body: &str,
        now_ms: u64,
    ) -> Result<Option<StudyState>, RemoteFileError> {
        self.memory.seen.insert(name.to_owned(), etag.to_owned());
        let result = read_file(body, now_ms);
        match result {
            Ok((state, device_name, written)) => {
                if let Some(id) = SyncDeviceId::from_file_name(name) {
                    self.memory.known.insert(
                        id,
                        Known {
                            name: device_name,
                            last_seen_ms: Some(written.min(now_ms)),
                        },
                    );
                }
                self.outcome.downloaded += 1;
                Ok(state)
            }
            Err(e) => {
                self.outcome.refused += 1;
                Err(e)
            }
        }
    }
    pub fn upload(&self, state: &StudyState, now_ms: u64) -> Option<Upload> {
        let study = encode(state);
        let own = self.own_name();
        let listed = self.listing.iter().find(|e| e.name == own);
        let name = self
            .memory
            .known
            .get(&self.memory.device)
            .map(|k| k.name.clone())
            .unwrap_or_default();
        let digest = hash(&format!("{name}\n{study}"));
        let up_to_date = match (&self.memory.uploaded, listed) {
            (Some((etag, h)), Some(entry)) => *h == digest && *etag == entry.etag,
            _ => false,
        };
        if up_to_date {
            return None;
        }
        self.pending.set(Some(digest));
        let study_value: Value = serde_json::from_str(&study).expect("encode writes JSON");
        let body = serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "device": self.memory.device.as_str(),
            "name": name,
            "written_ms": now_ms,
            "study": study_value,
        })
        .to_string();
        Some(Upload {
            name: own,
            body,
            if_match: listed.map(|e| e.etag.clone()),
        })
    }
    /// After the PUT of what `upload` gave succeeded.
    pub fn uploaded(&mut self, etag: &str) {
        self.outcome.uploaded = true;
        let digest = self.pending.take().unwrap_or(0);
        self.memory.uploaded = Some((etag.to_owned(), digest));
        self.memory.seen.insert(self.own_name(), etag.to_owned());
    }
    pub fn to_delete(&self) -> Vec<Delete> {
        self.listing
            .iter()
            .filter(|e| {
                SyncDeviceId::from_file_name(&e.name)
                    .is_some_and(|id| self.memory.forgotten.contains(&id))
            })
            .map(|e| Delete {
                name: e.name.clone(),
                if_match: Some(e.etag.clone()),
            })
            .collect()
    }
    pub fn deleted(&mut self, name: &str) {
        self.outcome.deleted += 1;
        self.memory.seen.remove(name);
        if let Some(id) = SyncDeviceId::from_file_name(name) {
            self.memory.known.remove(&id);
            self.memory.forgotten.retain(|f| *f != id);
        }
    }
    pub fn outcome(&self) -> RoundOutcome {
        let mut outcome = self.outcome.clone();
        outcome.devices = self.memory.devices(0).len();
        outcome
    }
    pub fn finish(mut self, now_ms: u64) -> SyncMemory {
        self.memory.last_synced_ms = Some(now_ms);
        if let Some(me) = self.memory.known.get_mut(&self.memory.device) {
            me.last_seen_ms = Some(now_ms);
        }
        self.memory
    }
}

fn read_file(
    body: &str,
    now_ms: u64,
) -> Result<(Option<StudyState>, String, u64), RemoteFileError> {
    if body.len() as u64 > MAX_DEVICE_FILE_BYTES {
        return Err(RemoteFileError::TooLarge {
            bytes: body.len() as u64,
        });
    }
    let value: Value = serde_json::from_str(body).map_err(|_| RemoteFileError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(RemoteFileError::Foreign);
    }
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(RemoteFileError::NewerFormat {
            format: version as u32,
        });
    }
    let name = value
        .get("name")
        .and_then(Value::as_str)
        .map(clean_name)
        .unwrap_or_default();
    let written = value.get("written_ms").and_then(Value::as_u64).unwrap_or(0);
    let state = match value.get("study").map(|s| decode(&s.to_string(), now_ms)) {
        Some(Decoded::Ok { state, .. }) => Some(state),
        _ => None,
    };
    Ok((state, name, written))
}
