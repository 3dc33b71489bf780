//! Device names and forget marks: a small CRDT every device file carries.
//!
//! Per device, a last-writer-wins name (stamped with the core's hybrid
//! clock, so a rename on any device reaches all) and a forget mark. The
//! mark is not a register: once set it stays (the later of two marks is
//! kept), so neither a stale file nor a forged one can bring a forgotten
//! device back. Merging is a join, like the study state's.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::{SyncDeviceId, MAX_SYNC_DEVICES};
use crate::study::lww::{Lww, Merge};
use crate::study::playlist::normalize_name;
use crate::study::stamp::{Clock, Stamp};
use crate::study::NameError;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    #[serde(default)]
    name: Lww<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    forgotten: Option<Stamp>,
}

impl Entry {
    fn merge(&self, other: &Entry) -> Entry {
        Entry {
            name: self.name.merge(&other.name),
            forgotten: self.forgotten.max(other.forgotten),
        }
    }

    fn latest(&self) -> Stamp {
        self.name.at().max(self.forgotten.unwrap_or(Stamp::ZERO))
    }
}

/// The names CRDT: device id → name and forget mark.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct NameBook(BTreeMap<SyncDeviceId, Entry>);

impl NameBook {
    pub(super) fn merge(&self, other: &NameBook) -> NameBook {
        let mut merged = self.0.clone();
        for (id, theirs) in &other.0 {
            let entry = match self.0.get(id) {
                Some(ours) => ours.merge(theirs),
                None => theirs.clone(),
            };
            merged.insert(id.clone(), entry);
        }
        NameBook(merged)
    }

    pub(super) fn name(&self, id: &SyncDeviceId) -> Option<&str> {
        self.0
            .get(id)
            .map(|e| e.name.get().as_str())
            .filter(|n| !n.is_empty())
    }

    pub(super) fn is_forgotten(&self, id: &SyncDeviceId) -> bool {
        self.0.get(id).is_some_and(|e| e.forgotten.is_some())
    }

    /// Devices named or forgotten here.
    pub(super) fn ids(&self) -> impl Iterator<Item = &SyncDeviceId> {
        self.0.keys()
    }

    pub(super) fn rename(
        &mut self,
        id: &SyncDeviceId,
        name: &str,
        clock: &mut Clock,
        now_ms: u64,
    ) -> Result<bool, NameError> {
        let name = normalize_name(name)?;
        Ok(self
            .0
            .entry(id.clone())
            .or_default()
            .name
            .set(name, clock, now_ms))
    }

    pub(super) fn forget(&mut self, id: &SyncDeviceId, clock: &mut Clock, now_ms: u64) -> bool {
        let entry = self.0.entry(id.clone()).or_default();
        if entry.forgotten.is_some() {
            return false;
        }
        entry.forgotten = Some(clock.tick(now_ms));
        true
    }

    pub(super) fn latest(&self) -> Stamp {
        self.0
            .values()
            .map(Entry::latest)
            .max()
            .unwrap_or(Stamp::ZERO)
    }

    /// The JSON every file and the memory store (`BTreeMap`: the same
    /// names give the same text, which the upload fingerprint relies on).
    pub(super) fn to_json(&self) -> String {
        serde_json::to_string(self).expect("names always serialize")
    }

    /// Reads names from untrusted JSON, entry by entry: a bad id, a bad
    /// stamp or a name the app would refuse to store costs its own entry.
    /// Stamps are clamped to a day past `now_ms` (see `study::stamp`), and
    /// past [`MAX_SYNC_DEVICES`] entries the rest are left out, keeping
    /// `keep` (the file's own device and the reader).
    pub(super) fn read(value: Option<Value>, now_ms: u64, keep: &[&SyncDeviceId]) -> NameBook {
        let Some(Value::Object(items)) = value else {
            return NameBook::default();
        };
        let mut book = BTreeMap::new();
        let items: Map<String, Value> = items;
        let mut readable: Vec<(SyncDeviceId, Entry)> = items
            .into_iter()
            .filter_map(|(key, value)| {
                let id = SyncDeviceId::parse(&key)?;
                let entry: Entry = serde_json::from_value(value).ok()?;
                let name = entry.name.get();
                let valid = name.is_empty() || normalize_name(name).as_deref() == Ok(name.as_str());
                valid.then(|| {
                    let entry = Entry {
                        name: Lww::new(entry.name.get().clone(), entry.name.at().clamped(now_ms)),
                        forgotten: entry.forgotten.map(|s| s.clamped(now_ms)),
                    };
                    (id, entry)
                })
            })
            .collect();
        // The devices to keep first, then the rest in id order.
        readable.sort_by_key(|(id, _)| (!keep.contains(&id), id.clone()));
        for (id, entry) in readable.into_iter().take(MAX_SYNC_DEVICES) {
            book.insert(id, entry);
        }
        NameBook(book)
    }
}
