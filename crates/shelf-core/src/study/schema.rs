//! The localStorage format: a versioned envelope `{"schema": N, ...}`.
//!
//! * Version 1 (the first builds) had no timestamps:
//!   `{"schema":1, "watched":{id: bool}, "notes":{id: "text"},
//!     "playlists":[{"id","name","videos":[id]}], "locale", "theme"}`.
//! * Version 2 stamped whole items with a millisecond `updated_at`:
//!   `{"schema":2, "progress":{id: {"state","resume_secs"?,"updated_at"}},
//!     "notes":{id: {"text","updated_at"}},
//!     "playlists":{pid: {"id","name","videos","created_at","updated_at","deleted_at"?}},
//!     "settings":{"locale":{"value","updated_at"},"theme":{...}}}`.
//! * Version 3 is [`StudyState`] under the envelope: every
//!   register carries a hybrid-logical-clock [`Stamp`] (`"at"`), playlist
//!   entries have ids, positions and removal marks (see `playlist.rs`);
//!   a note is `{"value","at"}`, last writer wins.
//! * Version 4 is version 3 with notes as multi-value registers
//!   (`{"values":{stamp: text},"seen"?,"floor"?}`, see `notes.rs`), so
//!   concurrent edits keep both texts. A v3 note reads as one value whose
//!   older edits count as seen. A v3 build meeting a v4 store goes
//!   read-only (below), so it never overwrites the versions.
//! * Version 5 (current) is version 4 plus `"durations":{id: seconds}`
//!   (lecture lengths, `plan.rs`), a playback `"speed"` setting and a
//!   playlist's `"due"` register; v4 reads as having none of them. A v4
//!   build meeting a v5 store goes read-only, so it never drops them.
//!
//! Decoding salvages: every item is read on its own, so one bad item (a
//! playlist whose name is a number, a negative resume time) is reported in
//! [`Decoded::Ok::dropped`] and the rest is kept. Only text that is not a
//! JSON object with a schema number is [`Decoded::Corrupt`]. Either way
//! the caller keeps the raw text before writing over it. Stamps are
//! clamped on the way in (see `stamp.rs`). A store written by a newer
//! build is never decoded and never overwritten.
//!
//! Migrations are deterministic (no clock, no device), so two tabs
//! migrating the same store write the same items and merge cleanly.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

use super::limits::{MAX_DURATION_SECS, MAX_LIVE_ENTRIES, MIN_DURATION_SECS};
use super::lww::Lww;
use super::notes::Note;
use super::plan::DurationMap;
use super::playlist::Playlist;
use super::progress::Progress;
use super::settings::Settings;
use super::stamp::Stamp;
use super::state::{PlaylistMap, StudyState};
use crate::ids::{is_playlist_id, PlaylistId, VideoId};
use crate::locale::{Locale, Theme};
use crate::study::notes::NoteMap;
use crate::study::progress::ProgressMap;
use crate::watch::WatchState;

/// The version this build writes.
pub const CURRENT_SCHEMA: u64 = 5;

/// Which part of the state an unreadable item belonged to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    Progress,
    Note,
    Playlist,
    Settings,
    /// A lecture length.
    Duration,
    /// A whole section had the wrong shape (`"progress": []`).
    Section,
}

/// An item decoding had to leave out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub kind: ItemKind,
    /// The item's key as stored (video id, playlist id, section name).
    pub key: String,
    pub reason: String,
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {:?}: {}", self.kind, self.key, self.reason)
    }
}

/// Why stored or imported study data cannot be read at all. Data, so the
/// UI words it in its own language; `Display` is English, for logs and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON: where the JSON reader stopped (line and column from 1).
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnObject,
    NoSchemaNumber,
    /// A schema number no version ever wrote (0, say).
    UnknownSchema {
        version: u64,
    },
}

impl Unreadable {
    fn not_json(e: &serde_json::Error) -> Self {
        Unreadable::NotJson {
            line: e.line(),
            column: e.column(),
        }
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::NotJson { line, column } => {
                write!(f, "not JSON (line {line}, column {column})")
            }
            Unreadable::NotAnObject => write!(f, "not a JSON object"),
            Unreadable::NoSchemaNumber => write!(f, "no \"schema\" version number"),
            Unreadable::UnknownSchema { version } => write!(f, "there is no schema {version}"),
        }
    }
}

/// What was wrong with stored text that a save is about to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    Unreadable(Unreadable),
    /// Readable, but these items were not.
    Dropped(Vec<Dropped>),
}

/// What reading the stored text gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Read (and migrated, if it was older). `dropped` lists the items
    /// that could not be read; when it is not empty the caller keeps the
    /// raw text before saving over it. `clamped`: some stamps were more than
    /// a day ahead and were pulled back; the caller should write the state
    /// back at once, so that storage holds the clamped stamps (a later read
    /// would clamp to a later limit, above the edits made in between).
    Ok {
        state: StudyState,
        dropped: Vec<Dropped>,
        clamped: bool,
    },
    /// Not JSON, not an object, or no schema number. The caller keeps the
    /// raw text under a backup key and never overwrites that backup.
    Corrupt { reason: Unreadable },
    /// Written by a newer build: go read-only, never save over it.
    FromNewerVersion { version: u64 },
}

/// The text to store for a state, at the current schema.
pub fn encode(state: &StudyState) -> String {
    serde_json::to_string(&envelope(state)).expect("study state always serializes")
}

#[derive(Serialize)]
pub(super) struct Envelope<'a> {
    schema: u64,
    #[serde(flatten)]
    state: &'a StudyState,
}

pub(super) fn envelope(state: &StudyState) -> Envelope<'_> {
    Envelope {
        schema: CURRENT_SCHEMA,
        state,
    }
}

/// Reads stored text of any version, clamping stamps to `now_ms`. (No
/// stored text at all is simply an empty state; that is the caller's `None`.)
pub fn decode(raw: &str, now_ms: u64) -> Decoded {
    match serde_json::from_str(raw) {
        Ok(value) => decode_value(value, now_ms),
        Err(e) => corrupt(Unreadable::not_json(&e)),
    }
}

/// [`decode`] for JSON already parsed (backups check other fields first).
pub(crate) fn decode_value(value: Value, now_ms: u64) -> Decoded {
    let Value::Object(mut object) = value else {
        return corrupt(Unreadable::NotAnObject);
    };
    let Some(version) = object.get("schema").and_then(Value::as_u64) else {
        return corrupt(Unreadable::NoSchemaNumber);
    };
    if version > CURRENT_SCHEMA {
        return Decoded::FromNewerVersion { version };
    }
    let mut dropped = Vec::new();
    let mut state = match version {
        1 => {
            let v2 = v1_to_v2(&mut object, &mut dropped);
            read_v2(v2, &mut dropped)
        }
        2 => read_v2(object, &mut dropped),
        3 => read_v3(object, NoteShape::Register, &mut dropped),
        4 | 5 => read_v3(object, NoteShape::Versions, &mut dropped),
        _ => return corrupt(Unreadable::UnknownSchema { version }),
    };
    let clamped = state.clamp_stamps(now_ms);
    Decoded::Ok {
        state,
        dropped,
        clamped,
    }
}

fn corrupt(reason: Unreadable) -> Decoded {
    Decoded::Corrupt { reason }
}

/// What to do to save, after reading what is stored now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Store `json`; adopt `state` in memory too, since it holds another
    /// tab's edits.
    Write { state: StudyState, json: String },
    /// Storage already holds everything this tab knows: adopt `state`
    /// (it may hold another tab's edits) and write nothing.
    UpToDate { state: StudyState },
    /// What is stored could not be read in full: keep that raw text under
    /// a backup key first, then store `json`.
    WriteAfterBackup {
        damage: Damage,
        state: StudyState,
        json: String,
    },
    /// A newer build wrote the store: do not write.
    ReadOnly { version: u64 },
}

/// Read-merge-write: merges the state about to be saved with what is
/// stored now (maybe written by another tab a moment ago), register by
/// register. Run under the cross-tab lock, nothing in between can write.
pub fn prepare_save(mine: &StudyState, stored: Option<&str>, now_ms: u64) -> Save {
    let (state, problem) = match stored.map(|raw| decode(raw, now_ms)) {
        None => (mine.clone(), None),
        Some(Decoded::Ok {
            state: theirs,
            dropped,
            clamped,
        }) => {
            let merged = mine.merge(&theirs);
            if dropped.is_empty() && !clamped && merged == theirs {
                return Save::UpToDate { state: merged };
            }
            let problem = (!dropped.is_empty()).then_some(Damage::Dropped(dropped));
            (merged, problem)
        }
        Some(Decoded::Corrupt { reason }) => (mine.clone(), Some(Damage::Unreadable(reason))),
        Some(Decoded::FromNewerVersion { version }) => return Save::ReadOnly { version },
    };
    let json = encode(&state);
    match problem {
        None => Save::Write { state, json },
        Some(damage) => Save::WriteAfterBackup {
            damage,
            state,
            json,
        },
    }
}

/// One line for a list of dropped items.
pub fn describe(dropped: &[Dropped]) -> String {
    let shown: Vec<String> = dropped.iter().take(5).map(Dropped::to_string).collect();
    match dropped.len() {
        n if n > 5 => format!("{} (and {} more)", shown.join("; "), n - 5),
        _ => shown.join("; "),
    }
}

// ---- salvaging reader ---------------------------------------------------

/// A section as an object, or a report that it is not one.
fn section(
    object: &mut Map<String, Value>,
    name: &str,
    dropped: &mut Vec<Dropped>,
) -> Map<String, Value> {
    match object.remove(name) {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(items)) => items,
        Some(other) => {
            dropped.push(Dropped {
                kind: ItemKind::Section,
                key: name.into(),
                reason: format!("expected an object, found {}", kind_of(&other)),
            });
            Map::new()
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads every item of a section on its own, and checks or converts it;
/// bad ones are reported.
fn items<K: Ord, T: DeserializeOwned, U>(
    items: Map<String, Value>,
    kind: ItemKind,
    key: impl Fn(&str) -> Option<K>,
    mut check: impl FnMut(&K, T) -> Result<U, String>,
    dropped: &mut Vec<Dropped>,
) -> BTreeMap<K, U> {
    let mut out = BTreeMap::new();
    for (raw_key, value) in items {
        let result = key(&raw_key)
            .ok_or_else(|| "not a valid id".to_string())
            .and_then(|k| {
                let item = serde_json::from_value(value).map_err(|e| e.to_string())?;
                let item = check(&k, item)?;
                Ok((k, item))
            });
        match result {
            Ok((k, item)) => {
                out.insert(k, item);
            }
            Err(reason) => dropped.push(Dropped {
                kind,
                key: raw_key,
                reason,
            }),
        }
    }
    out
}

/// The item when it passes `valid`, else why not.
fn keep_if<T>(item: T, valid: impl Fn(&T) -> bool, reason: &str) -> Result<T, String> {
    if valid(&item) {
        Ok(item)
    } else {
        Err(reason.to_string())
    }
}

/// How a schema stores a note.
#[derive(Clone, Copy)]
enum NoteShape {
    /// v3: one last-writer-wins register.
    Register,
    /// v4: a multi-value register.
    Versions,
}

/// Reads v3, v4 and v5: v3 differs in the notes, v5 adds durations (absent
/// before, so read as none) and optional fields that default.
fn read_v3(
    mut object: Map<String, Value>,
    shape: NoteShape,
    dropped: &mut Vec<Dropped>,
) -> StudyState {
    let progress: ProgressMap = items(
        section(&mut object, "progress", dropped),
        ItemKind::Progress,
        VideoId::parse,
        |_, p: Progress| keep_if(p, Progress::is_valid, "resume time out of range"),
        dropped,
    );
    let notes: NoteMap = items(
        section(&mut object, "notes", dropped),
        ItemKind::Note,
        VideoId::parse,
        |_, value: Value| {
            let note = match shape {
                NoteShape::Register => {
                    let lww: Lww<String> =
                        serde_json::from_value(value).map_err(|e| e.to_string())?;
                    Note::legacy(lww.value, lww.at)
                }
                NoteShape::Versions => serde_json::from_value(value).map_err(|e| e.to_string())?,
            };
            keep_if(note, Note::is_valid, "note too long")
        },
        dropped,
    );
    let mut entry_drops = Vec::new();
    let playlists: PlaylistMap = items(
        section(&mut object, "playlists", dropped),
        ItemKind::Playlist,
        PlaylistId::parse,
        |key, mut value: Value| {
            // Entries one by one: a bad entry costs itself, not its list.
            let entries = match value.as_object_mut().and_then(|o| o.remove("entries")) {
                None | Some(Value::Null) => Map::new(),
                Some(Value::Object(entries)) => entries,
                Some(other) => {
                    entry_drops.push(Dropped {
                        kind: ItemKind::Playlist,
                        key: format!("{key} entries"),
                        reason: format!("expected an object, found {}", kind_of(&other)),
                    });
                    Map::new()
                }
            };
            let mut list: Playlist = serde_json::from_value(value).map_err(|e| e.to_string())?;
            for (entry, reason) in list.read_entries(entries) {
                entry_drops.push(Dropped {
                    kind: ItemKind::Playlist,
                    key: format!("{key} entry {entry}"),
                    reason,
                });
            }
            let capped = list.check(key);
            if capped > 0 {
                // Only forged data holds this many: honest tabs stop adding at the limit.
                entry_drops.push(Dropped {
                    kind: ItemKind::Playlist,
                    key: format!("{key} entries"),
                    reason: format!(
                        "{capped} entries past the storage bound of {MAX_LIVE_ENTRIES}"
                    ),
                });
            }
            Ok(list)
        },
        dropped,
    );
    dropped.extend(entry_drops);
    let settings = match object.remove("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(value) => serde_json::from_value(value).unwrap_or_else(|e| {
            dropped.push(Dropped {
                kind: ItemKind::Settings,
                key: "settings".into(),
                reason: e.to_string(),
            });
            Settings::default()
        }),
    };
    let durations: DurationMap = items(
        section(&mut object, "durations", dropped),
        ItemKind::Duration,
        VideoId::parse,
        |_, secs: u32| {
            keep_if(
                secs,
                |s| (MIN_DURATION_SECS..=MAX_DURATION_SECS).contains(s),
                "length out of range",
            )
        },
        dropped,
    );
    StudyState::from_parts(progress, notes, playlists, settings).with_durations(durations)
}

// ---- schema 2 -----------------------------------------------------------

#[derive(Deserialize)]
struct V2Progress {
    state: WatchState,
    #[serde(default)]
    resume_secs: Option<u32>,
    #[serde(default)]
    updated_at: u64,
}

#[derive(Deserialize)]
struct V2Note {
    text: String,
    #[serde(default)]
    updated_at: u64,
}

#[derive(Deserialize)]
struct V2Playlist {
    name: String,
    #[serde(default)]
    videos: Vec<String>,
    #[serde(default)]
    created_at: u64,
    #[serde(default)]
    updated_at: u64,
    #[serde(default)]
    deleted_at: Option<u64>,
}

#[derive(Deserialize, Default)]
struct V2Setting {
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    updated_at: u64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V2Settings {
    locale: V2Setting,
    theme: V2Setting,
}

fn stamp_of(updated_at: u64) -> Stamp {
    Stamp::legacy(updated_at, 0)
}

/// Schema 2 items become registers stamped with their item's time (the
/// device is "legacy", so any edit made since wins over them).
fn read_v2(mut object: Map<String, Value>, dropped: &mut Vec<Dropped>) -> StudyState {
    let progress: ProgressMap = items(
        section(&mut object, "progress", dropped),
        ItemKind::Progress,
        VideoId::parse,
        |_, p: V2Progress| {
            let progress = Progress::legacy(p.state, p.resume_secs, stamp_of(p.updated_at));
            keep_if(progress, Progress::is_valid, "resume time out of range")
        },
        dropped,
    );
    let notes: NoteMap = items(
        section(&mut object, "notes", dropped),
        ItemKind::Note,
        VideoId::parse,
        |_, n: V2Note| {
            keep_if(
                Note::legacy(n.text, stamp_of(n.updated_at)),
                Note::is_valid,
                "note too long",
            )
        },
        dropped,
    );
    // Keys that are no longer ids (`series:…`, spaces) get a free id, so
    // no list is lost and none can shadow the series route.
    let raw_lists: BTreeMap<String, V2Playlist> = items(
        section(&mut object, "playlists", dropped),
        ItemKind::Playlist,
        |k: &str| Some(k.to_string()),
        |_, p: V2Playlist| Ok(p),
        dropped,
    );
    let mut playlists = PlaylistMap::new();
    for (key, p) in raw_lists {
        let id = free_playlist_id(&key, &playlists);
        let videos = p.videos.iter().filter_map(|v| VideoId::parse(v)).collect();
        let mut list = Playlist::legacy(
            id.clone(),
            &p.name,
            videos,
            Stamp::legacy(p.created_at, 0),
            stamp_of(p.updated_at),
            p.deleted_at.is_some(),
        );
        let capped = list.check(&id);
        if capped > 0 {
            dropped.push(Dropped {
                kind: ItemKind::Playlist,
                key: format!("{key} entries"),
                reason: format!("{capped} entries past the storage bound of {MAX_LIVE_ENTRIES}"),
            });
        }
        playlists.insert(id, list);
    }
    let settings: V2Settings = match object.remove("settings") {
        None | Some(Value::Null) => V2Settings::default(),
        Some(value) => serde_json::from_value(value).unwrap_or_else(|e| {
            dropped.push(Dropped {
                kind: ItemKind::Settings,
                key: "settings".into(),
                reason: e.to_string(),
            });
            V2Settings::default()
        }),
    };
    let settings = Settings::legacy(
        settings.locale.value.as_deref().and_then(Locale::from_code),
        settings.theme.value.as_deref().and_then(Theme::from_code),
        [
            stamp_of(settings.locale.updated_at),
            stamp_of(settings.theme.updated_at),
        ],
    );
    StudyState::from_parts(progress, notes, playlists, settings)
}

/// The stored key if it is a usable, unused id; else one made from it
/// deterministically (`series:ml2021` → `series-ml2021`), else from a count.
fn free_playlist_id(key: &str, taken: &PlaylistMap) -> PlaylistId {
    let cleaned: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(48)
        .collect();
    let base = if is_playlist_id(&cleaned) {
        cleaned
    } else {
        "list".to_string()
    };
    (0usize..)
        .map(|n| match n {
            0 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .filter_map(|candidate| PlaylistId::parse(&candidate))
        .find(|candidate| !taken.contains_key(candidate))
        .expect("some suffix is free")
}

// ---- schema 1 -----------------------------------------------------------

/// Schema 1 had no timestamps, so every item becomes a schema-2 item
/// stamped 0, "older than any edit". Playlists were a list; its order
/// survives as `created_at` = position, which listing sorts by.
fn v1_to_v2(object: &mut Map<String, Value>, dropped: &mut Vec<Dropped>) -> Map<String, Value> {
    let mut v2 = Map::new();
    let mut progress = Map::new();
    for (id, watched) in section(object, "watched", dropped) {
        match watched {
            Value::Bool(w) => {
                let state = if w { "watched" } else { "unwatched" };
                progress.insert(id, serde_json::json!({ "state": state, "updated_at": 0 }));
            }
            other => dropped.push(Dropped {
                kind: ItemKind::Progress,
                key: id,
                reason: format!("expected true or false, found {}", kind_of(&other)),
            }),
        }
    }
    let mut notes = Map::new();
    for (id, text) in section(object, "notes", dropped) {
        notes.insert(id, serde_json::json!({ "text": text, "updated_at": 0 }));
    }
    let mut playlists = Map::new();
    match object.remove("playlists") {
        None | Some(Value::Null) => {}
        Some(Value::Array(lists)) => {
            for (position, list) in lists.into_iter().enumerate() {
                let key = list.get("id").and_then(Value::as_str).unwrap_or_default();
                let key = if key.is_empty() || playlists.contains_key(key) {
                    (0usize..)
                        .map(|n| match n {
                            0 => format!("v1-{position}"),
                            n => format!("v1-{position}-{n}"),
                        })
                        .find(|k| !playlists.contains_key(k))
                        .expect("some suffix is free")
                } else {
                    key.to_string()
                };
                let mut list = list;
                if let Value::Object(fields) = &mut list {
                    fields.insert("created_at".into(), Value::from(position as u64));
                    fields.insert("updated_at".into(), Value::from(0));
                    if fields
                        .get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| n.trim().is_empty())
                    {
                        fields.insert("name".into(), Value::from(""));
                    }
                }
                playlists.insert(key, list);
            }
        }
        Some(other) => dropped.push(Dropped {
            kind: ItemKind::Section,
            key: "playlists".into(),
            reason: format!("expected an array, found {}", kind_of(&other)),
        }),
    }
    let setting = |value: Option<Value>| serde_json::json!({ "value": value.unwrap_or(Value::Null), "updated_at": 0 });
    let settings = serde_json::json!({
        "locale": setting(object.remove("locale").filter(Value::is_string)),
        "theme": setting(object.remove("theme").filter(Value::is_string)),
    });
    v2.insert("progress".into(), Value::Object(progress));
    v2.insert("notes".into(), Value::Object(notes));
    v2.insert("playlists".into(), Value::Object(playlists));
    v2.insert("settings".into(), settings);
    v2
}

#[cfg(test)]
mod tests;
