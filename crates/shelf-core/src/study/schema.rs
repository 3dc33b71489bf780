//! The localStorage format: a versioned envelope `{"schema": N, ...}`.
//!
//! * Version 1 (earlier app builds) had no timestamps:
//!   `{"schema":1, "watched":{id: bool}, "notes":{id: "text"},
//!     "playlists":[{"id","name","videos":[id]}], "locale": "zh"|null,
//!     "theme": "dark"|null}`.
//! * Version 2 (current) is [`StudyState`] under the envelope:
//!   `{"schema":2, "progress":{id: {"state","resume_secs"?,"updated_at"}},
//!     "notes":{id: {"text","updated_at"}},
//!     "playlists":{pid: {"id","name","videos","created_at","updated_at","deleted_at"?}},
//!     "settings":{"locale":{"value","updated_at"},"theme":{...}}}`.
//!
//! Every earlier version is migrated to the current one on load. A store
//! written by a newer build is never decoded (its shape is unknown) and
//! never overwritten: the caller goes read-only instead of downgrading.
//!
//! To add version 3: freeze today's types as `v2` structs here, add
//! `v2_to_v3`, route `1` through `v1_to_v2` then `v2_to_v3`, and bump
//! [`CURRENT_SCHEMA`].

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use super::notes::Note;
use super::playlist::{is_playlist_id, Playlist};
use super::progress::Progress;
use super::settings::{Setting, Settings};
use super::state::StudyState;
use crate::watch::WatchState;

/// The version this build writes.
pub const CURRENT_SCHEMA: u64 = 2;

/// What reading the stored text gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Read (and migrated, if it was older).
    Ok(StudyState),
    /// Not JSON, no schema number, or the wrong shape for its version. The
    /// caller keeps the raw text under a backup key and never overwrites
    /// that backup.
    Corrupt { reason: String },
    /// Written by a newer build: go read-only, never save over it.
    FromNewerVersion { version: u64 },
}

/// The text to store for a state, at the current schema.
pub fn encode(state: &StudyState) -> String {
    #[derive(Serialize)]
    struct Envelope<'a> {
        schema: u64,
        #[serde(flatten)]
        state: &'a StudyState,
    }
    // Cannot fail: string keys only, no floats, no custom serializers.
    serde_json::to_string(&Envelope {
        schema: CURRENT_SCHEMA,
        state,
    })
    .expect("study state always serializes")
}

/// Reads stored text of any version. (No stored text at all is simply
/// `StudyState::default()`; that is the caller's `None`.)
pub fn decode(raw: &str) -> Decoded {
    match serde_json::from_str(raw) {
        Ok(value) => decode_value(value),
        Err(e) => corrupt(format!("not JSON: {e}")),
    }
}

/// [`decode`] for JSON already parsed (backups check other fields first).
pub(crate) fn decode_value(value: Value) -> Decoded {
    let Some(version) = value.get("schema").and_then(Value::as_u64) else {
        return corrupt("no \"schema\" version number".into());
    };
    if version > CURRENT_SCHEMA {
        return Decoded::FromNewerVersion { version };
    }
    let state = match version {
        1 => serde_json::from_value(value).map(v1_to_v2),
        2 => serde_json::from_value(value),
        _ => return corrupt(format!("there is no schema {version}")),
    };
    match state {
        Ok(mut state) => {
            state.sanitize();
            Decoded::Ok(state)
        }
        Err(e) => corrupt(format!("not the shape of schema {version}: {e}")),
    }
}

fn corrupt(reason: String) -> Decoded {
    Decoded::Corrupt { reason }
}

/// What to do to save, after reading what is stored now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Store `json`; adopt `state` in memory too, since it may hold another
    /// tab's edits.
    Write { state: StudyState, json: String },
    /// What is stored could not be read: keep that raw text under a backup
    /// key first, then store `json`.
    WriteAfterBackup {
        reason: String,
        state: StudyState,
        json: String,
    },
    /// A newer build wrote the store: do not write.
    ReadOnly { version: u64 },
}

/// Read-modify-write: merges the state about to be saved with what is
/// stored now (maybe written by another tab since this one loaded), item by
/// item, newer wins, exactly like a backup import. Two tabs editing
/// different items therefore both keep their edits.
pub fn prepare_save(mine: &StudyState, stored: Option<&str>) -> Save {
    let (state, problem) = match stored.map(decode) {
        None => (mine.clone(), None),
        Some(Decoded::Ok(stored)) => (mine.merge(&stored), None),
        Some(Decoded::Corrupt { reason }) => (mine.clone(), Some(reason)),
        Some(Decoded::FromNewerVersion { version }) => return Save::ReadOnly { version },
    };
    let json = encode(&state);
    match problem {
        None => Save::Write { state, json },
        Some(reason) => Save::WriteAfterBackup {
            reason,
            state,
            json,
        },
    }
}

/// Schema 1, as earlier builds wrote it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct V1 {
    watched: BTreeMap<String, bool>,
    notes: BTreeMap<String, String>,
    playlists: Vec<V1Playlist>,
    locale: Option<String>,
    theme: Option<String>,
}

#[derive(Debug, Deserialize)]
struct V1Playlist {
    id: String,
    name: String,
    #[serde(default)]
    videos: Vec<String>,
}

/// Version 1 had no timestamps, so every item gets 0, "older than any
/// edit": whatever has been touched since wins a merge against it.
/// Playlists were a list; its order survives as `created_at` = position
/// (a few milliseconds after the epoch), which the UI sorts by.
fn v1_to_v2(v1: V1) -> StudyState {
    let progress = v1
        .watched
        .into_iter()
        .map(|(id, watched)| {
            let state = if watched {
                WatchState::Watched
            } else {
                WatchState::Unwatched
            };
            (
                id,
                Progress {
                    state,
                    resume_secs: None,
                    updated_at: 0,
                },
            )
        })
        .collect();
    let notes = v1
        .notes
        .into_iter()
        .map(|(id, text)| {
            (
                id,
                Note {
                    text,
                    updated_at: 0,
                },
            )
        })
        .collect();
    let mut playlists = BTreeMap::new();
    for (position, old) in v1.playlists.into_iter().enumerate() {
        let id = free_playlist_id(&old.id, position, &playlists);
        let playlist = Playlist {
            id: id.clone(),
            name: old.name,
            videos: old.videos,
            created_at: position as u64,
            updated_at: 0,
            deleted_at: None,
        };
        playlists.insert(id, playlist);
    }
    let setting = |value| Setting {
        value,
        updated_at: 0,
    };
    StudyState {
        progress,
        notes,
        playlists,
        settings: Settings {
            locale: setting(v1.locale),
            theme: setting(v1.theme),
        },
    }
}

/// Version 1 did not check playlist ids: keep a usable, unused one, or
/// make one from the position, so no list is lost to a clash.
fn free_playlist_id(id: &str, position: usize, taken: &BTreeMap<String, Playlist>) -> String {
    if is_playlist_id(id) && !taken.contains_key(id) {
        return id.to_string();
    }
    (0usize..)
        .map(|n| match n {
            0 => format!("v1-{position}"),
            n => format!("v1-{position}-{n}"),
        })
        .find(|candidate| !taken.contains_key(candidate))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "AAAAAAAAAAA";
    const B: &str = "BBBBBBBBBBB";

    fn ok(raw: &str) -> StudyState {
        match decode(raw) {
            Decoded::Ok(state) => state,
            other => panic!("expected a state, got {other:?}"),
        }
    }

    fn sample() -> StudyState {
        let mut s = StudyState::default();
        s.set_watch_state(A, WatchState::Watched, 10);
        s.set_resume(B, Some(2050), 11);
        s.set_note(A, "see [12:34]", 12);
        s.create_playlist("p1", "<img src=x onerror=alert(1)>", 13)
            .unwrap();
        s.playlist_mut("p1").unwrap().add(A, Default::default(), 14);
        s.create_playlist("p2", "gone", 15).unwrap();
        s.delete_playlist("p2", 16);
        s.settings.locale.set(Some("zh"), 17);
        s
    }

    #[test]
    fn current_schema_round_trips() {
        let state = sample();
        let json = encode(&state);
        assert!(json.starts_with("{\"schema\":2,"), "{json}");
        assert_eq!(ok(&json), state);
        assert_eq!(encode(&ok(&json)), json, "deterministic output");
        assert_eq!(
            ok(r#"{"schema":2}"#),
            StudyState::default(),
            "missing parts are empty"
        );
    }

    #[test]
    fn migrates_v1_to_current() {
        let v1 = r#"{
            "schema": 1,
            "watched": {"AAAAAAAAAAA": true, "BBBBBBBBBBB": false, "not-an-id": true},
            "notes": {"AAAAAAAAAAA": "at 34:10 attention"},
            "playlists": [
                {"id": "zeta", "name": "  Later  ", "videos": ["BBBBBBBBBBB", "AAAAAAAAAAA", "junk"]},
                {"id": "zeta", "name": "Clash"},
                {"id": "", "name": ""}
            ],
            "locale": "en",
            "theme": null
        }"#;
        let state = ok(v1);
        assert_eq!(state.watch_state(A), WatchState::Watched);
        assert_eq!(state.progress[B].state, WatchState::Unwatched);
        assert_eq!(state.progress.len(), 2, "malformed ids dropped");
        assert_eq!(state.progress[A].updated_at, 0);
        assert_eq!(state.note(A).unwrap().text, "at 34:10 attention");
        let lists: Vec<(&str, &str, usize)> = state
            .live_playlists()
            .iter()
            .map(|p| (p.id(), p.name(), p.videos().len()))
            .collect();
        assert_eq!(
            lists,
            [
                ("zeta", "Later", 2),
                ("v1-1", "Clash", 0),
                ("v1-2", "Playlist", 0)
            ]
        );
        assert_eq!(state.settings.locale.value.as_deref(), Some("en"));
        assert_eq!(state.settings.theme.value, None);
        let json = encode(&state);
        assert_eq!(
            ok(&json),
            state,
            "a migrated state saves as the current schema"
        );
    }

    #[test]
    fn migrated_items_lose_to_any_later_edit() {
        let old = ok(r#"{"schema":1,"watched":{"AAAAAAAAAAA":true}}"#);
        let mut newer = StudyState::default();
        newer.set_watch_state(A, WatchState::Unwatched, 0);
        newer.set_watch_state(A, WatchState::InProgress, 1);
        assert_eq!(old.merge(&newer).watch_state(A), WatchState::InProgress);
        assert_eq!(ok(r#"{"schema":1}"#), StudyState::default());
    }

    #[test]
    fn corrupt_input_is_reported_not_guessed() {
        for raw in [
            "",
            "not json",
            "{\"schema\":2",
            "[]",
            "null",
            "{}",
            r#"{"schema":"2"}"#,
            r#"{"schema":-1}"#,
            r#"{"schema":1.5}"#,
            r#"{"schema":0}"#,
            r#"{"schema":2,"progress":[]}"#,
            r#"{"schema":2,"progress":{"AAAAAAAAAAA":{"state":"bogus","updated_at":1}}}"#,
            r#"{"schema":2,"playlists":{"p":{"name":"no id"}}}"#,
            r#"{"schema":1,"watched":{"AAAAAAAAAAA":"yes"}}"#,
            r#"{"schema":2,"notes":{"AAAAAAAAAAA":{"text":"x","updated_at":-5}}}"#,
        ] {
            assert!(matches!(decode(raw), Decoded::Corrupt { .. }), "{raw:?}");
        }
        let deep = "[".repeat(100_000);
        assert!(
            matches!(decode(&deep), Decoded::Corrupt { .. }),
            "deep nesting is refused, not a crash"
        );
    }

    #[test]
    fn newer_schema_is_never_read() {
        for (raw, version) in [
            (r#"{"schema":3,"anything":"at all"}"#, 3),
            (r#"{"schema":18446744073709551615}"#, u64::MAX),
        ] {
            assert_eq!(decode(raw), Decoded::FromNewerVersion { version });
            assert_eq!(
                prepare_save(&sample(), Some(raw)),
                Save::ReadOnly { version }
            );
        }
    }

    #[test]
    fn saving_keeps_edits_from_another_tab() {
        let loaded = sample();
        let mut tab_a = loaded.clone();
        let mut tab_b = loaded.clone();
        tab_a.set_note(B, "tab A's note", 100);
        tab_b.set_watch_state(A, WatchState::InProgress, 101);
        tab_b.delete_playlist("p1", 102);

        let Save::Write { json: stored, .. } = prepare_save(&tab_b, Some(&encode(&loaded))) else {
            panic!("plain write expected");
        };
        let Save::Write { state, json } = prepare_save(&tab_a, Some(&stored)) else {
            panic!("plain write expected");
        };
        assert_eq!(state.note(B).unwrap().text, "tab A's note");
        assert_eq!(state.watch_state(A), WatchState::InProgress);
        assert!(
            state.playlist("p1").is_none(),
            "B's delete survives A's save"
        );
        assert_eq!(ok(&json), state);
    }

    #[test]
    fn saving_over_corrupt_or_nothing() {
        let mine = sample();
        match prepare_save(&mine, Some("{oops")) {
            Save::WriteAfterBackup { reason, state, .. } => {
                assert!(reason.contains("not JSON"), "{reason}");
                assert_eq!(state, mine);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            prepare_save(&mine, None),
            Save::Write {
                state: mine.clone(),
                json: encode(&mine)
            }
        );
    }
}
