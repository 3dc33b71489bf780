//! What a device remembers between rounds: its id, the names CRDT, the
//! ETag of every file it has read (and when, and whether it read cleanly),
//! and its own file's ETag and fingerprints.
//!
//! The app stores [`SyncMemory::encode`] and reads it back with
//! [`SyncMemory::decode`], which salvages: a section it cannot read is
//! forgotten (the next round downloads those files again, which costs
//! requests but never data), and text without a device id is `None`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use super::names::NameBook;
use super::round::Round;
use super::{DeviceInfo, RemoteEntry, SyncDeviceId};
use crate::study::stamp::Clock;
use crate::study::NameError;

/// The memory's format version.
const MEMORY_VERSION: u64 = 1;

/// What this device knows of one other file, as of its `etag`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Seen {
    pub(super) etag: String,
    /// When this device first saw this ETag (its own clock).
    pub(super) since_ms: u64,
    /// The file's `written_ms`, clamped to the reader's clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) written_ms: Option<u64>,
    /// Read as written: nothing left out, no stamp clamped. Only such a
    /// file may be pruned (it is read again first, see `round.rs`).
    #[serde(default)]
    pub(super) clean: bool,
    /// Not read: why, and by which build (a newer build tries again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) refused: Option<Refusal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Refusal {
    /// [`build_marker`] of the build that refused it.
    pub(super) build: u64,
    /// Written by a newer app: may hold text, so never deleted unread.
    pub(super) newer: bool,
}

/// Which formats this build reads: a file refused by another build is
/// read again.
pub(super) fn build_marker() -> u64 {
    super::file::VERSION * 1_000_000 + crate::study::CURRENT_SCHEMA
}

/// The own file as last written or read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Own {
    pub(super) etag: String,
    /// Of its study state and its names (see `Round::upload`).
    #[serde(with = "hex")]
    pub(super) study_fp: u64,
    #[serde(with = "hex")]
    pub(super) names_fp: u64,
    pub(super) written_ms: u64,
}

/// `u64` as hex text: exact in any JSON reader.
mod hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(value: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{value:016x}"))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        u64::from_str_radix(&text, 16).map_err(serde::de::Error::custom)
    }
}

/// What this device remembers between syncs.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncMemory {
    pub(super) device: SyncDeviceId,
    pub(super) names: NameBook,
    /// Other files by name, as last seen.
    pub(super) files: BTreeMap<String, Seen>,
    /// When each other device last wrote its file, as read: kept after
    /// the file is pruned, for "last seen".
    pub(super) last_seen: BTreeMap<SyncDeviceId, u64>,
    pub(super) own: Option<Own>,
    pub(super) last_synced_ms: Option<u64>,
    /// A rename or forget made here that the own file may not carry yet.
    pub(super) names_edited: bool,
    /// Stamps renames and forget marks; not stored (rebuilt from `names`).
    pub(super) clock: Clock,
}

#[derive(Serialize)]
struct StoredRef<'a> {
    sync_memory: u64,
    device: &'a SyncDeviceId,
    names: &'a NameBook,
    files: &'a BTreeMap<String, Seen>,
    last_seen: &'a BTreeMap<SyncDeviceId, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    own: &'a Option<Own>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_synced_ms: Option<u64>,
    names_edited: bool,
}

impl SyncMemory {
    /// A device joining sync, named `name` (an unusable name is left out:
    /// the UI shows a placeholder until the student names the device).
    pub fn new(device: SyncDeviceId, name: &str) -> Self {
        let mut memory = SyncMemory {
            clock: Clock::new(device.stamp_device()),
            device,
            names: NameBook::default(),
            files: BTreeMap::new(),
            last_seen: BTreeMap::new(),
            own: None,
            last_synced_ms: None,
            names_edited: false,
        };
        // Stamped at the floor: any rename made anywhere later wins.
        let device = memory.device.clone();
        let _ = memory.names.rename(&device, name, &mut memory.clock, 0);
        memory
    }

    pub fn device(&self) -> &SyncDeviceId {
        &self.device
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&StoredRef {
            sync_memory: MEMORY_VERSION,
            device: &self.device,
            names: &self.names,
            files: &self.files,
            last_seen: &self.last_seen,
            own: &self.own,
            last_synced_ms: self.last_synced_ms,
            names_edited: self.names_edited,
        })
        .expect("sync memory always serializes")
    }

    /// Stored memory, salvaged; `None` when it is not this build's memory
    /// at all (the app then starts fresh with a new device id).
    pub fn decode(text: &str) -> Option<Self> {
        let Ok(Value::Object(mut object)) = serde_json::from_str::<Value>(text) else {
            return None;
        };
        if object.get("sync_memory").and_then(Value::as_u64) != Some(MEMORY_VERSION) {
            return None;
        }
        let device: SyncDeviceId = serde_json::from_value(object.remove("device")?).ok()?;
        fn section<T: serde::de::DeserializeOwned + Default>(value: Option<Value>) -> T {
            value
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default()
        }
        // Entry by entry, as from a file; its own stamps need no clamping.
        let names = NameBook::read(object.remove("names"), u64::MAX, &[&device]);
        let mut clock = Clock::new(device.stamp_device());
        clock.observe(names.latest());
        Some(SyncMemory {
            names,
            files: section(object.remove("files")),
            last_seen: section(object.remove("last_seen")),
            own: section(object.remove("own")),
            last_synced_ms: section(object.remove("last_synced_ms")),
            // Unknown: assume an edit is waiting (at worst one more PUT).
            names_edited: object
                .remove("names_edited")
                .and_then(|v| v.as_bool())
                .unwrap_or(true),
            clock,
            device,
        })
    }

    /// The devices for the UI: this one first, then the others, most
    /// recently seen first. Forgotten devices are not listed.
    pub fn devices(&self, now_ms: u64) -> Vec<DeviceInfo> {
        let info = |id: &SyncDeviceId, last_seen_ms: Option<u64>, this_device: bool| DeviceInfo {
            id: id.clone(),
            name: self.names.name(id).unwrap_or_default().to_string(),
            last_seen_ms: last_seen_ms.map(|t| t.min(now_ms)),
            this_device,
        };
        let mut others: BTreeMap<SyncDeviceId, Option<u64>> =
            self.names.ids().map(|id| (id.clone(), None)).collect();
        for name in self.files.keys() {
            if let Some(id) = SyncDeviceId::from_file_name(name) {
                others.insert(id, None);
            }
        }
        for (id, seen) in &self.last_seen {
            others.insert(id.clone(), Some(*seen));
        }
        let mut list: Vec<DeviceInfo> = others
            .into_iter()
            .filter(|(id, _)| *id != self.device && !self.names.is_forgotten(id))
            .map(|(id, seen)| info(&id, seen, false))
            .collect();
        list.sort_by(|a, b| {
            (b.last_seen_ms, &a.name, &a.id).cmp(&(a.last_seen_ms, &b.name, &b.id))
        });
        list.insert(0, info(&self.device, self.last_synced_ms, true));
        list
    }

    /// When this device last finished a round.
    pub fn last_synced_ms(&self) -> Option<u64> {
        self.last_synced_ms
    }

    /// Names a device (this one or another), for every device: the name is
    /// synced. `Ok(false)` when it already has this name.
    pub fn rename(
        &mut self,
        device: &SyncDeviceId,
        name: &str,
        now_ms: u64,
    ) -> Result<bool, NameError> {
        let changed = self.names.rename(device, name, &mut self.clock, now_ms)?;
        self.names_edited |= changed;
        Ok(changed)
    }

    /// Forgets another device: the next round writes the mark (so every
    /// device learns it) and deletes that device's file once its content is
    /// merged. False for this device (disconnect instead) or one already
    /// forgotten.
    pub fn forget(&mut self, device: &SyncDeviceId, now_ms: u64) -> bool {
        let changed = *device != self.device && self.names.forget(device, &mut self.clock, now_ms);
        self.names_edited |= changed;
        changed
    }

    /// True once another device has forgotten this one.
    pub fn is_forgotten(&self) -> bool {
        self.names.is_forgotten(&self.device)
    }

    /// Starts a round on a fresh listing of [`super::DEVICES_FOLDER`].
    pub fn begin(&self, listing: Vec<RemoteEntry>, now_ms: u64) -> Round {
        Round::new(self.clone(), listing, now_ms)
    }
}
