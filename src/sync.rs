//! The sync driver: when to sync, one tab at a time, and one round's I/O.
//! What a round decides (what to download, whether to upload, what to
//! delete) is the core's (`shelf_core::sync`); where files live is a
//! `web::remote_folder::Backend`'s.
//!
//! A round, under the Web Lock `lecture-shelf/sync` (one tab of this
//! browser at a time; the others follow through the study state's storage
//! events, and the status through `lecture-shelf/sync/status`): list the
//! devices folder → `SyncMemory::begin` (the memory re-read from storage
//! inside the lock, as the last tab left it) → GET each changed file →
//! `Round::absorb` → merge into the `Study` (saved through its locked save
//! path) → `upload(merged)` → PUT it if `Some` → DELETE forgotten devices'
//! files → `finish`, memory saved. A 412 (another writer came first) runs
//! the round once more; a 401/403 stops automatic syncing until the student
//! reconnects ("reconnect needed"), every local edit kept.
//!
//! When: at start, when the page becomes visible, when the browser goes
//! online, on "Sync now", and after edits: [`QUIET_MS`] after the last of
//! a run of the student's edits; the player's writes (a position every
//! 15 s while playing) at most once per [`PLAYBACK_EVERY_MS`]. Offline
//! nothing is sent; the edits wait in storage for the next trigger.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use shelf_core::sync::{DeviceInfo, RemoteEntry, RoundOutcome, SyncDeviceId, SyncMemory};

use crate::study::{now_ms, Study};
use crate::web::google_drive;
use crate::web::remote_folder::{Backend, RemoteError, CONNECTION_KEY};
use crate::web::remote_storage::{self, Connection, DiscoveryError};
use crate::web::{document, locks, oauth, online, random, storage};

/// Quiet time after the student's last edit before a round.
pub const QUIET_MS: u64 = 4_000;
/// At most one round per this for the player's own writes.
pub const PLAYBACK_EVERY_MS: u64 = 60_000;
const LOCK: &str = "lecture-shelf/sync";
/// How long a tab waits for another's round (whose requests have 20 s deadlines each).
const LOCK_WAIT_MS: i32 = 120_000;
const MEMORY_KEY: &str = "lecture-shelf/sync/memory";
const STATUS_KEY: &str = "lecture-shelf/sync/status";
const KEY_PREFIX: &str = "lecture-shelf/sync/";

/// Where syncing stands, shared by this browser's tabs (externally tagged:
/// see `remote_folder::Backend`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncStatus {
    /// Connected, no round finished yet.
    Idle,
    Syncing,
    Synced {
        at_ms: u64,
        devices: usize,
        /// Device files this round could not read (too large, not ours, a
        /// newer app's): said on the page, not only logged.
        #[serde(default)]
        unreadable: usize,
    },
    /// No network: edits wait.
    Offline,
    /// The token was refused: nothing syncs until the student reconnects.
    Reconnect,
    Failed {
        failure: Failure,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    Status {
        code: u16,
    },
    Garbage,
    TooLarge,
    /// Another tab held the sync lock past the wait.
    Busy,
}

impl SyncStatus {
    fn code(&self) -> &'static str {
        match self {
            SyncStatus::Idle => "idle",
            SyncStatus::Syncing => "syncing",
            SyncStatus::Synced { .. } => "synced",
            SyncStatus::Offline => "offline",
            SyncStatus::Reconnect => "reconnect",
            SyncStatus::Failed { .. } => "failed",
        }
    }
}

/// Why connecting did not happen; one line each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectError {
    Discovery {
        host: String,
        error: DiscoveryError,
    },
    /// The server refused at its authorize page (its error code).
    Refused(String),
    /// The return carried a state this browser did not send.
    WrongState,
    /// Another device forgot this one: it was disconnected.
    Forgotten,
}

#[derive(Clone, Copy)]
pub struct Sync {
    study: Study,
    connection: RwSignal<Option<Backend>>,
    memory: RwSignal<Option<SyncMemory>>,
    status: RwSignal<Option<SyncStatus>>,
    pub connect_error: RwSignal<Option<ConnectError>>,
    /// A discovery is under way (the connect button waits).
    pub connecting: RwSignal<bool>,
    running: StoredValue<bool>,
    /// A trigger came during a round: run once more after it.
    again: StoredValue<bool>,
    timer: StoredValue<Option<(TimeoutHandle, u64)>>,
    last_round_ms: StoredValue<u64>,
}

fn read_json<T: for<'de> Deserialize<'de>>(key: &str) -> Option<T> {
    storage::read(key)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
}

fn read_memory() -> Option<SyncMemory> {
    storage::read(MEMORY_KEY)
        .ok()
        .flatten()
        .and_then(|t| SyncMemory::decode(&t))
}

/// A first name for this device, from the browser's own description; the
/// student renames it on the sync page.
pub fn default_device_name(user_agent: &str) -> &'static str {
    const KINDS: [(&str, &str); 7] = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("CrOS", "Chromebook"),
        ("Windows", "Windows"),
        ("Mac OS", "Mac"),
        ("Linux", "Linux"),
    ];
    KINDS
        .iter()
        .find(|(needle, _)| user_agent.contains(needle))
        .map_or("Browser", |(_, name)| name)
}

/// A round's code (the remote adapters, the core's device files) is a wasm
/// chunk of its own (see ui/lazy_page.rs), fetched by the first round: a
/// student who never connects never downloads it. A chunk that cannot
/// download counts as offline; the next trigger tries again.
async fn round_from_chunk(sync: Sync, backend: Backend) -> Result<RoundOutcome, RemoteError> {
    #[cfg(not(test))]
    let round = round_in_chunk(sync, backend).await;
    // Not split in the component tests (see ui/lazy_page.rs).
    #[cfg(test)]
    let round = round_in_chunk(sync, backend);
    match round {
        Ok(round) => round.await,
        Err(_) => Err(RemoteError::Offline),
    }
}

type RoundFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<RoundOutcome, RemoteError>>>>;

#[cfg_attr(
    not(test),
    leptos::wasm_split::wasm_split(sync_round, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn round_in_chunk(
    sync: Sync,
    backend: Backend,
) -> Result<RoundFuture, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(async move { sync.round(&backend).await }))
}

impl Sync {
    /// Reads the connection, takes in an OAuth return, listens for the
    /// triggers and other tabs, and starts the first round.
    pub fn start(study: Study) -> Sync {
        let sync = Sync {
            study,
            connection: RwSignal::new(read_json(CONNECTION_KEY)),
            memory: RwSignal::new(read_memory()),
            status: RwSignal::new(read_json(STATUS_KEY)),
            connect_error: RwSignal::new(None),
            connecting: RwSignal::new(false),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            timer: StoredValue::new(None),
            last_round_ms: StoredValue::new(0),
        };
        // A round another tab was running when it closed is not running now.
        if sync.status.get_untracked() == Some(SyncStatus::Syncing) {
            sync.status.set(Some(SyncStatus::Idle));
        }
        if let Some(returned) = oauth::take_returned() {
            sync.returned(returned);
        }
        sync.show_state();
        document::on_visible(move || sync.trigger());
        online::on_online(move || sync.trigger());
        storage::on_keys_change(KEY_PREFIX, move |key, _| sync.other_tab_changed(key));
        Effect::new(move |_| {
            if let Some(edit) = study.last_edit() {
                sync.schedule(edit.playback);
            }
        });
        sync.trigger();
        sync
    }

    pub fn connection(&self) -> Option<Backend> {
        self.connection.get()
    }

    /// None when not connected.
    pub fn status(&self) -> Option<SyncStatus> {
        self.connection
            .with(Option::is_some)
            .then(|| self.status.get().unwrap_or(SyncStatus::Idle))
    }

    /// The devices, this one first.
    pub fn devices(&self, now_ms: u64) -> Vec<DeviceInfo> {
        self.memory
            .with(|m| m.as_ref().map(|m| m.devices(now_ms)).unwrap_or_default())
    }

    /// Looks `address` up and leaves for its authorize page.
    pub fn connect(&self, address: String) {
        let sync = *self;
        let host = remote_storage::parse_address(&address)
            .map(|(_, host)| host.to_owned())
            .unwrap_or_default();
        sync.connect_error.set(None);
        sync.connecting.set(true);
        spawn_local(async move {
            match remote_storage::discover(&address).await {
                Ok(found) => {
                    let grant = oauth::Grant::RemoteStorage {
                        address: address.trim().to_owned(),
                        href: found.href,
                    };
                    oauth::begin(grant, |state| {
                        remote_storage::authorize_url(
                            &found.auth,
                            &oauth::client_id(),
                            &oauth::redirect_uri(),
                            state,
                        )
                    });
                }
                Err(error) => {
                    sync.connecting.set(false);
                    sync.connect_error
                        .set(Some(ConnectError::Discovery { host, error }));
                }
            }
        });
    }

    /// Forgets the connection (tokens); study data and this device's
    /// identity stay.
    pub fn disconnect(&self) {
        let _ = storage::remove(CONNECTION_KEY);
        let _ = storage::remove(STATUS_KEY);
        self.connection.set(None);
        self.status.set(None);
        self.cancel_timer();
        self.show_state();
    }

    /// "Sync now": also after a failure (not while reconnect is needed).
    pub fn sync_now(&self) {
        self.trigger();
    }

    /// Renames a device (synced with the next round).
    pub fn rename(
        &self,
        device: &SyncDeviceId,
        name: &str,
    ) -> Result<bool, shelf_core::study::NameError> {
        let mut memory = read_memory().or_else(|| self.memory.get_untracked());
        let Some(m) = memory.as_mut() else {
            return Ok(false);
        };
        let changed = m.rename(device, name, now_ms())?;
        if changed {
            self.store_memory(m.clone());
            self.schedule(false);
        }
        Ok(changed)
    }

    /// Forgets a device: its file is deleted at the next round.
    pub fn forget(&self, device: &SyncDeviceId) {
        let mut memory = read_memory().or_else(|| self.memory.get_untracked());
        if let Some(m) = memory.as_mut() {
            if m.forget(device, now_ms()) {
                self.store_memory(m.clone());
                self.trigger();
            }
        }
    }

    fn store_memory(&self, memory: SyncMemory) {
        let _ = storage::write(MEMORY_KEY, &memory.encode());
        self.memory.set(Some(memory));
    }

    fn set_status(&self, status: SyncStatus) {
        if let Ok(text) = serde_json::to_string(&status) {
            let _ = storage::write(STATUS_KEY, &text);
        }
        self.status.set(Some(status));
        self.show_state();
    }

    fn show_state(&self) {
        let code = match self.status() {
            None => "off",
            Some(status) => status.code(),
        };
        document::set_sync_state(code);
    }

    /// Another tab connected, disconnected, synced or renamed.
    fn other_tab_changed(&self, key: &str) {
        if key.is_empty() || key == CONNECTION_KEY {
            self.connection.set(read_json(CONNECTION_KEY));
        }
        if key.is_empty() || key == MEMORY_KEY {
            self.memory.set(read_memory());
        }
        if key.is_empty() || key == STATUS_KEY {
            self.status.set(read_json(STATUS_KEY));
        }
        self.show_state();
    }

    /// An OAuth return found at start.
    fn returned(&self, returned: oauth::Returned) {
        match returned {
            oauth::Returned::Granted {
                grant: oauth::Grant::RemoteStorage { address, href },
                token,
                ..
            } => self.adopt(Backend::RemoteStorage(Connection {
                address,
                href,
                token,
            })),
            oauth::Returned::Granted {
                grant: oauth::Grant::GoogleDrive,
                token,
                expires_in,
            } => self.adopt(Backend::GoogleDrive(google_drive::Connection::granted(
                token,
                expires_in,
                now_ms(),
            ))),
            oauth::Returned::Refused { error } => {
                self.connect_error.set(Some(ConnectError::Refused(error)))
            }
            oauth::Returned::WrongState => self.connect_error.set(Some(ConnectError::WrongState)),
        }
    }

    /// Takes a newly granted connection: stored, the status reset, and for
    /// another account than before, the memory of what was seen there
    /// dropped (this device keeps its id and name).
    fn adopt(&self, backend: Backend) {
        let same_account = self
            .connection
            .with_untracked(|c| c.as_ref().map(Backend::account))
            == Some(backend.account());
        if !same_account {
            if let Some(old) = read_memory() {
                let name = old
                    .devices(now_ms())
                    .into_iter()
                    .find(|d| d.this_device)
                    .map(|d| d.name)
                    .unwrap_or_default();
                self.store_memory(SyncMemory::new(old.device().clone(), &name));
            }
        }
        if let Ok(text) = serde_json::to_string(&backend) {
            let _ = storage::write(CONNECTION_KEY, &text);
        }
        self.connection.set(Some(backend));
        self.set_status(SyncStatus::Idle);
    }

    /// "Reconnect": the connect flow of the backend in use, again.
    pub fn reconnect(&self) {
        match self.connection.get_untracked() {
            Some(Backend::RemoteStorage(c)) => self.connect(c.address),
            Some(Backend::GoogleDrive(_)) => {
                if let Some(id) = google_drive::client_id() {
                    google_drive::connect(&id);
                }
            }
            None => {}
        }
    }

    /// An edit was made here: a round after a quiet while (see the module).
    fn schedule(&self, playback: bool) {
        if !self.connection.with_untracked(Option::is_some) {
            return;
        }
        let now = now_ms();
        let due = if playback {
            (now + QUIET_MS).max(self.last_round_ms.get_value() + PLAYBACK_EVERY_MS)
        } else {
            now + QUIET_MS
        };
        // The player's writes never postpone a round already set.
        if playback
            && self
                .timer
                .with_value(|t| t.is_some_and(|(_, at)| at <= due))
        {
            return;
        }
        self.cancel_timer();
        let sync = *self;
        let handle = set_timeout_with_handle(
            move || {
                sync.timer.set_value(None);
                sync.trigger();
            },
            Duration::from_millis(due.saturating_sub(now)),
        );
        if let Ok(handle) = handle {
            self.timer.set_value(Some((handle, due)));
        }
    }

    fn cancel_timer(&self) {
        if let Some((handle, _)) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Runs a round now (or right after the running one).
    fn trigger(&self) {
        if !self.connection.with_untracked(Option::is_some)
            || self.status.get_untracked() == Some(SyncStatus::Reconnect)
        {
            return;
        }
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        if !online::is_online() {
            self.set_status(SyncStatus::Offline);
            return;
        }
        self.cancel_timer();
        self.running.set_value(true);
        let sync = *self;
        spawn_local(async move {
            loop {
                sync.again.set_value(false);
                sync.run().await;
                if !sync.again.get_value()
                    || sync.status.get_untracked() == Some(SyncStatus::Reconnect)
                {
                    break;
                }
            }
            sync.running.set_value(false);
        });
    }

    async fn run(&self) {
        self.set_status(SyncStatus::Syncing);
        let sync = *self;
        let outcome = locks::holding(LOCK, LOCK_WAIT_MS, async move {
            // As the last round (of any tab) left them.
            let backend = read_json::<Backend>(CONNECTION_KEY)?;
            let mut result = round_from_chunk(sync, backend.clone()).await;
            if result == Err(RemoteError::Conflict) {
                result = round_from_chunk(sync, backend).await;
            }
            Some(result)
        })
        .await;
        self.last_round_ms.set_value(now_ms());
        let status = match outcome {
            Err(locks::TimedOut) => SyncStatus::Failed {
                failure: Failure::Busy,
            },
            // Disconnected meanwhile.
            Ok(None) => {
                self.connection.set(None);
                self.status.set(None);
                return self.show_state();
            }
            // Another device forgot this one: disconnect, keep the study
            // data; a new connection starts as a new device.
            Ok(Some(Ok(outcome))) if outcome.forgotten => {
                self.disconnect();
                let _ = storage::remove(MEMORY_KEY);
                self.memory.set(None);
                self.connect_error.set(Some(ConnectError::Forgotten));
                return;
            }
            Ok(Some(Ok(outcome))) => SyncStatus::Synced {
                at_ms: now_ms(),
                devices: outcome.devices,
                unreadable: outcome.refused.len() + outcome.still_refused,
            },
            Ok(Some(Err(error))) => match error {
                RemoteError::Unauthorized => SyncStatus::Reconnect,
                RemoteError::Offline => SyncStatus::Offline,
                RemoteError::Status(code) => SyncStatus::Failed {
                    failure: Failure::Status { code },
                },
                RemoteError::Conflict => SyncStatus::Failed {
                    failure: Failure::Status { code: 412 },
                },
                RemoteError::Garbage(_) => SyncStatus::Failed {
                    failure: Failure::Garbage,
                },
                RemoteError::TooLarge(_) => SyncStatus::Failed {
                    failure: Failure::TooLarge,
                },
            },
        };
        self.set_status(status);
    }

    /// One round (see the module).
    async fn round(&self, backend: &Backend) -> Result<RoundOutcome, RemoteError> {
        let memory = match read_memory() {
            Some(memory) => memory,
            None => {
                // Stored at once: this device keeps its id whatever the round meets.
                let device = SyncDeviceId::from_random(random::secure_bytes::<10>());
                let memory = SyncMemory::new(device, default_device_name(&document::user_agent()));
                self.store_memory(memory.clone());
                memory
            }
        };
        let listing = backend
            .list()
            .await?
            .into_iter()
            .map(|l| RemoteEntry {
                name: l.name,
                etag: l.etag,
                size: l.size,
            })
            .collect();
        let mut round = memory.begin(listing, now_ms());
        for name in round.to_download() {
            let file = match backend.get(&name).await {
                Ok(Some(file)) => file,
                // Gone since the listing, or past the bound while it came in
                // (a listing without sizes): not read, as the core refuses
                // a listed one; the next round looks again.
                Ok(None) | Err(RemoteError::TooLarge(_)) => continue,
                Err(error) => return Err(error),
            };
            match round.absorb(&name, &file.etag, &file.body, now_ms()) {
                Ok(Some(state)) => {
                    self.study.absorb_remote(&state);
                }
                Ok(None) => {}
                // Refused files change nothing here; the core remembers them.
                Err(error) => leptos::logging::warn!("sync: {name}: {error}"),
            }
        }
        let merged = self.study.snapshot();
        if let Some(upload) = round.upload(&merged, now_ms()) {
            let etag = backend
                .put(&upload.name, &upload.body, upload.if_match.as_deref())
                .await?;
            round.uploaded(&etag);
        }
        for delete in round.to_delete() {
            match backend
                .delete(&delete.name, delete.if_match.as_deref())
                .await
            {
                // Changed meanwhile: the next round decides again.
                Ok(()) | Err(RemoteError::Conflict) => round.deleted(&delete.name),
                Err(error) => return Err(error),
            }
        }
        let outcome = round.outcome();
        self.store_memory(round.finish(now_ms()));
        Ok(outcome)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn default_names_come_from_the_user_agent() {
        let android =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131 Mobile";
        assert_eq!(default_device_name(android), "Android");
        assert_eq!(
            default_device_name("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"),
            "iPhone"
        );
        assert_eq!(
            default_device_name("Mozilla/5.0 (X11; Linux x86_64)"),
            "Linux"
        );
        assert_eq!(default_device_name(""), "Browser");
    }

    #[test]
    fn statuses_read_back_as_other_tabs_read_them() {
        for status in [
            SyncStatus::Idle,
            SyncStatus::Synced {
                at_ms: 5,
                devices: 3,
                unreadable: 1,
            },
            SyncStatus::Reconnect,
            SyncStatus::Failed {
                failure: Failure::Status { code: 503 },
            },
        ] {
            let text = serde_json::to_string(&status).unwrap();
            assert_eq!(serde_json::from_str::<SyncStatus>(&text).unwrap(), status);
        }
    }
}
