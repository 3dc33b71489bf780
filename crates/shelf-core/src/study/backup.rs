//! Backups: the whole state as one JSON file, and a merging import that
//! can be taken back.
//!
//! A backup is the stored envelope plus two labels:
//! `{"kind":"lecture-shelf-backup","schema":5,"exported_at":ms, ...state}`.
//! Sharing the storage format means old backups go through the same
//! migrations and salvage as old storage, and a raw localStorage dump
//! imports too.
//!
//! Importing merges instead of replacing (the same register-by-register
//! merge as saving); deletions travel. [`preview_import`] names what would
//! be added, changed and removed before [`apply_import`] does it, and
//! [`RestorePoint`] undoes it with fresh edits, so the undo reaches other
//! tabs too instead of being merged away.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

use super::limits::{ListOverflow, OverLimit, MAX_PLAYLISTS};
use super::lww::Merge;
use super::notes::Note;
use super::playlist::Playlist;
use super::progress::watch_url;
use super::schema::{decode_value, envelope, Decoded, Dropped, Unreadable, CURRENT_SCHEMA};
use super::state::StudyState;
use crate::catalogue::Catalogue;
use crate::ids::VideoId;
use crate::watch::WatchState;

/// The `kind` label that tells a backup from other JSON files.
pub const BACKUP_KIND: &str = "lecture-shelf-backup";
pub use super::limits::MAX_BACKUP_BYTES;

/// The backup file's text (pretty-printed: people open these).
pub fn export_backup(state: &StudyState, now_ms: u64) -> String {
    #[derive(Serialize)]
    struct Backup<'a> {
        kind: &'static str,
        exported_at: u64,
        #[serde(flatten)]
        envelope: super::schema::Envelope<'a>,
    }
    let backup = Backup {
        kind: BACKUP_KIND,
        exported_at: now_ms,
        envelope: envelope(state),
    };
    serde_json::to_string_pretty(&backup).expect("study state always serializes")
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// JSON with a different `kind` label (another app's file).
    NotABackup,
    /// Not JSON, or not an object with a schema number.
    Corrupt {
        reason: Unreadable,
    },
    /// Made by a newer app version: update the app to import it.
    FromNewerVersion {
        version: u64,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, max } => {
                write!(f, "the file is too large ({bytes} bytes, at most {max})")
            }
            ImportError::NotABackup => write!(f, "this file is not a Lecture Shelf backup"),
            ImportError::Corrupt { reason } => write!(f, "the backup cannot be read: {reason}"),
            ImportError::FromNewerVersion { version } => write!(
                f,
                "the backup was made by a newer version of the app (format {version})"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A backup as read: the state and the items that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedBackup {
    pub state: StudyState,
    pub dropped: Vec<Dropped>,
}

/// Reads a backup file (any schema version; a bare stored state also
/// works), clamping its stamps to `now_ms`. Bad items are left out and
/// listed, the rest imports.
pub fn parse_backup(text: &str, now_ms: u64) -> Result<ParsedBackup, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_BACKUP_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Corrupt {
        reason: Unreadable::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    match value.get("kind") {
        None => {}
        Some(kind) if kind == BACKUP_KIND => {}
        Some(_) => return Err(ImportError::NotABackup),
    }
    match decode_value(value, now_ms) {
        Decoded::Ok { state, dropped, .. } => Ok(ParsedBackup { state, dropped }),
        Decoded::Corrupt { reason } => Err(ImportError::Corrupt { reason }),
        Decoded::FromNewerVersion { version } => Err(ImportError::FromNewerVersion { version }),
    }
}

/// What an import would do to one kind of item, by key (video ids,
/// playlist ids, setting names), so the UI can show names and titles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindDiff {
    /// Items that will appear.
    pub added: Vec<String>,
    /// Items that stay but change.
    pub updated: Vec<String>,
    /// Items that disappear (a newer deletion in the backup).
    pub removed: Vec<String>,
    /// In the backup and identical here.
    pub unchanged: Vec<String>,
    /// In the backup, but this side's version is newer and stays.
    pub kept_local: Vec<String>,
}

impl KindDiff {
    /// True when applying the merge changes something the user can see.
    pub fn has_changes(&self) -> bool {
        !(self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty())
    }

    /// Sorts one incoming item by what the student sees of it (`view`:
    /// `None` when nothing shows), never by stamps: the same mark made on
    /// two devices is no change.
    fn record<V: PartialEq>(
        &mut self,
        key: String,
        local: Option<V>,
        incoming: Option<V>,
        merged: Option<V>,
    ) {
        let bucket = match (&local, &merged) {
            _ if local == merged && local == incoming => &mut self.unchanged,
            _ if local == merged => &mut self.kept_local,
            (Some(_), None) => &mut self.removed,
            (Some(_), Some(_)) => &mut self.updated,
            (None, Some(_)) => &mut self.added,
            (None, None) => &mut self.unchanged,
        };
        bucket.push(key);
    }
}

fn diff_map<K: Ord + ToString, T: Merge, V: PartialEq>(
    local: &BTreeMap<K, T>,
    incoming: &BTreeMap<K, T>,
    view: impl Fn(&T) -> Option<V> + Copy,
) -> KindDiff {
    let mut diff = KindDiff::default();
    for (key, theirs) in incoming {
        let ours = local.get(key);
        let merged = ours.map_or_else(|| theirs.clone(), |o| o.merge(theirs));
        diff.record(
            key.to_string(),
            ours.and_then(view),
            view(theirs),
            view(&merged),
        );
    }
    diff
}

/// What the student sees of a note: its versions, newest first.
fn note_view(note: &Note) -> Option<Vec<String>> {
    let versions = note.versions();
    (!versions.is_empty()).then(|| versions.into_iter().map(str::to_string).collect())
}

/// One note an import would change, with the texts: nothing typed is
/// replaced unseen. `after` holds two or more versions when the backup's
/// text and this one were edited apart: both are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    pub video: VideoId,
    /// The versions here now, newest first (empty: no note yet).
    pub before: Vec<String>,
    /// The versions after the import, newest first (empty: cleared).
    pub after: Vec<String>,
}

impl NoteChange {
    /// True when the import leaves a conflict for the student to resolve.
    pub fn keeps_both(&self) -> bool {
        self.after.len() >= 2
    }
}

/// The notes an import changes, with their texts before and after.
fn note_texts(local: &StudyState, incoming: &StudyState) -> Vec<NoteChange> {
    incoming
        .notes_map()
        .iter()
        .filter_map(|(video, theirs)| {
            let ours = local.notes_map().get(video);
            let merged = ours.map_or_else(|| theirs.clone(), |o| o.merge(theirs));
            let before = ours.and_then(note_view).unwrap_or_default();
            let after = note_view(&merged).unwrap_or_default();
            (before != after).then(|| NoteChange {
                video: video.clone(),
                before,
                after,
            })
        })
        .collect()
}

/// What an import would change, per kind of item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    pub progress: KindDiff,
    pub notes: KindDiff,
    /// The notes in `notes.added`/`updated`/`removed`, with their texts.
    pub note_texts: Vec<NoteChange>,
    pub playlists: KindDiff,
    pub settings: KindDiff,
    /// What the backup holds that will not be added: a limit was reached.
    pub over_limit: OverLimit,
}

impl ImportPreview {
    /// False when importing would change nothing visible.
    pub fn has_changes(&self) -> bool {
        [&self.progress, &self.notes, &self.playlists, &self.settings]
            .iter()
            .any(|d| d.has_changes())
    }
}

/// The backup's state made ready to merge into `local` so that the import
/// keeps everything `local` holds: entries whose ids clash with another
/// video here get fresh ids, and what would pass a limit is left out
/// (listed in the [`OverLimit`]), never `local`'s own items.
fn fit_import(local: &StudyState, incoming: &StudyState) -> (StudyState, OverLimit) {
    let mut fitted = incoming.clone();
    let mut over = OverLimit::default();
    let mut room = MAX_PLAYLISTS.saturating_sub(local.live_playlists().len());
    let mut new_lists: Vec<&Playlist> = incoming
        .playlists_map()
        .values()
        .filter(|p| !p.is_deleted() && !local.has_playlist_id(p.id()))
        .collect();
    new_lists.sort_by_key(|p| (p.created(), p.id().clone()));
    for list in new_lists {
        if room > 0 {
            room -= 1;
        } else {
            over.playlists.push(list.name().to_string());
            fitted.playlists_map_mut().remove(list.id());
        }
    }
    for (id, list) in fitted.playlists_map_mut().iter_mut() {
        list.merge_not_replace();
        let Some(mine) = local.any_playlist(id) else {
            // A new list: the cap on entries already held where it was made.
            continue;
        };
        let left_out = list.fit_into(mine);
        if !left_out.is_empty() && !mine.is_deleted() {
            over.lists.push(ListOverflow {
                id: id.clone(),
                name: mine.name().to_string(),
                videos: left_out,
            });
        }
    }
    (fitted, over)
}

/// The diff of importing `incoming` into `local`, without applying it.
pub fn preview_import(local: &StudyState, incoming: &StudyState) -> ImportPreview {
    let (incoming, over_limit) = fit_import(local, incoming);
    let incoming = &incoming;
    let merged_settings = local.settings().merge(incoming.settings());
    let mut settings = KindDiff::default();
    for name in local.settings().differing(&merged_settings) {
        settings.updated.push(name.to_string());
    }
    ImportPreview {
        progress: diff_map(local.progress(), incoming.progress(), |p| {
            let shown = p.state() != WatchState::Unwatched || p.resume_secs().is_some();
            shown.then(|| (p.state(), p.resume_secs()))
        }),
        notes: diff_map(local.notes_map(), incoming.notes_map(), note_view),
        note_texts: note_texts(local, incoming),
        playlists: diff_map(
            local.playlists_map(),
            incoming.playlists_map(),
            |p: &Playlist| {
                let videos: Vec<VideoId> = p.videos().into_iter().cloned().collect();
                (!p.is_deleted()).then(|| (p.name().to_string(), videos))
            },
        ),
        settings,
        over_limit,
    }
}

/// The state before and after one import, kept so it can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePoint {
    before: StudyState,
    after: StudyState,
}

/// The label of a stored restore point.
const RESTORE_KIND: &str = "lecture-shelf-restore-point";

impl RestorePoint {
    /// Undoes the import: every item still as the import left it goes back
    /// to how it was before, as new edits (so other tabs and later merges
    /// see the undo). Items edited since the import are left alone.
    /// Returns how many items changed.
    pub fn undo(&self, state: &mut StudyState, now_ms: u64) -> usize {
        state.revert_items(&self.before, &self.after, now_ms)
    }

    /// The stored form (localStorage), in the current schema.
    pub fn encode(&self) -> String {
        #[derive(Serialize)]
        struct Stored<'a> {
            kind: &'static str,
            schema: u64,
            before: &'a StudyState,
            after: &'a StudyState,
        }
        serde_json::to_string(&Stored {
            kind: RESTORE_KIND,
            schema: CURRENT_SCHEMA,
            before: &self.before,
            after: &self.after,
        })
        .expect("study state always serializes")
    }

    /// A stored restore point, if it is one this build can use.
    pub fn decode(text: &str) -> Option<RestorePoint> {
        #[derive(Deserialize)]
        struct Stored {
            kind: String,
            schema: u64,
            before: StudyState,
            after: StudyState,
        }
        let stored: Stored = serde_json::from_str(text).ok()?;
        (stored.kind == RESTORE_KIND && stored.schema == CURRENT_SCHEMA).then_some(RestorePoint {
            before: stored.before,
            after: stored.after,
        })
    }
}

/// The state after importing (the same merge as saving), and the restore
/// point that undoes it — `None` when the import changed nothing, so the
/// caller keeps the restore point of the import that did.
pub fn apply_import(
    local: &StudyState,
    incoming: &StudyState,
) -> (StudyState, Option<RestorePoint>) {
    let (incoming, _) = fit_import(local, incoming);
    let merged = local.merge(&incoming);
    if merged == *local {
        return (merged, None);
    }
    // Only what the import changed: undo needs nothing else, and a restore
    // point of two whole states could take the room the state needs.
    let (before, after) = local.changed_between(&merged);
    (merged, Some(RestorePoint { before, after }))
}

/// One playlist as Markdown: a title and one link per entry, in order.
/// Ids the catalogue lacks are listed as `unknown_label` plus the id.
pub fn playlist_markdown(
    playlist: &Playlist,
    catalogue: &Catalogue,
    unknown_label: &str,
) -> String {
    let mut out = format!("# {}\n\n", escape_markdown(playlist.name()));
    for entry in playlist.entries(catalogue) {
        let text = match entry.video {
            Some(video) => escape_markdown(&video.title),
            None => escape_markdown(&format!("{unknown_label}: {}", entry.id)),
        };
        out.push_str(&format!("- [{text}]({})\n", watch_url(entry.id, None)));
    }
    out
}

/// Backslash-escapes what Markdown could read as markup inside a heading
/// or link text (CommonMark allows a backslash before any ASCII
/// punctuation), and flattens line breaks that would end the line.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '!' | '|' | '~'
            | '&' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::playlist::Duplicates;
    use crate::study::progress::tests::catalogue;
    use crate::study::stamp::{Clock, DeviceId};
    use crate::study::test_support::{pid, v, A, B, C, NOW};

    /// Two devices that share a starting point, then edit apart.
    fn local_and_incoming() -> (StudyState, StudyState) {
        let mut base = StudyState::default().for_device(DeviceId::from_random(1));
        base.set_note(&v(B), "old text", NOW).unwrap();
        base.create_playlist(pid("keep"), "Only here", NOW).unwrap();
        base.create_playlist(pid("shared"), "Shared", NOW).unwrap();
        let mut local = base.clone();
        let mut incoming = base.for_device(DeviceId::from_random(2));
        incoming.set_note(&v(A), "theirs, older", NOW + 10).unwrap();
        local.set_watch_state(&v(A), WatchState::Watched, NOW + 50);
        local.set_note(&v(A), "mine, newer", NOW + 50).unwrap();
        incoming.set_note(&v(B), "new text", NOW + 30).unwrap();
        incoming.set_watch_state(&v(C), WatchState::InProgress, NOW + 30);
        incoming.delete_playlist("shared", NOW + 40);
        incoming
            .create_playlist(pid("fresh"), "From backup", NOW + 30)
            .unwrap();
        incoming.set_theme(Some(crate::locale::Theme::Dark), NOW + 30);
        (local, incoming)
    }

    #[test]
    fn backup_round_trips_through_the_file() {
        let (state, _) = local_and_incoming();
        let text = export_backup(&state, 99);
        assert!(
            text.contains("\"kind\": \"lecture-shelf-backup\""),
            "{text}"
        );
        assert!(text.contains("\"exported_at\": 99"));
        assert!(text.contains("\"schema\": 5"));
        let parsed = parse_backup(&text, NOW).unwrap();
        assert_eq!((parsed.state, parsed.dropped), (state, vec![]));
    }

    #[test]
    fn preview_names_what_import_changes() {
        let (local, incoming) = local_and_incoming();
        let preview = preview_import(&local, &incoming);
        // A was edited on both sides apart: both texts stay, and the preview shows them.
        assert_eq!(preview.notes.updated, [A, B]);
        assert_eq!(
            preview.note_texts,
            [
                NoteChange {
                    video: v(A),
                    before: vec!["mine, newer".into()],
                    after: vec!["mine, newer".into(), "theirs, older".into()],
                },
                NoteChange {
                    video: v(B),
                    before: vec!["old text".into()],
                    after: vec!["new text".into()],
                },
            ]
        );
        assert!(preview.note_texts[0].keeps_both() && !preview.note_texts[1].keeps_both());
        assert_eq!(preview.progress.added, [C]);
        assert_eq!(preview.playlists.added, ["fresh"]);
        assert_eq!(preview.playlists.removed, ["shared"]);
        assert_eq!(preview.settings.updated, ["theme"]);
        assert!(preview.has_changes());

        let (merged, _) = apply_import(&local, &incoming);
        assert_eq!(merged.note(A), Some("mine, newer"));
        assert_eq!(merged.note_versions(A), ["mine, newer", "theirs, older"]);
        assert_eq!(merged.note(B), Some("new text"));
        assert_eq!(merged.watch_state(C), WatchState::InProgress);
        assert!(
            merged.playlist("keep").is_some(),
            "local-only items are kept"
        );
        assert!(
            merged.playlist("shared").is_none(),
            "the deletion travelled"
        );
        assert!(
            !preview_import(&merged, &incoming).has_changes(),
            "second import changes nothing"
        );
    }

    #[test]
    fn an_import_can_be_undone_and_the_undo_wins_merges() {
        let (local, incoming) = local_and_incoming();
        let (mut merged, point) = apply_import(&local, &incoming);
        let point = point.expect("the import changed things");
        let other_tab = merged.clone();
        // An edit made after the import is not undone.
        merged
            .set_note(&v(C), "written after the import", NOW + 100)
            .unwrap();
        let changed = point.undo(&mut merged, NOW + 200);
        assert!(changed >= 4, "{changed}");
        assert!(
            merged.playlist("shared").is_some(),
            "the deleted list is back"
        );
        assert!(merged.playlist("fresh").is_none(), "the added list is gone");
        assert_eq!(merged.note(B), Some("old text"));
        assert_eq!(merged.watch_state(C), WatchState::Unwatched);
        assert_eq!(merged.note(C), Some("written after the import"));
        assert_eq!(merged.settings().theme(), None);
        let everywhere = other_tab.merge(&merged);
        assert_eq!(
            everywhere, merged,
            "a tab that saw the import takes the undo too"
        );
        assert_eq!(RestorePoint::decode(&point.encode()), Some(point));
        assert_eq!(RestorePoint::decode("{}"), None);
    }

    #[test]
    fn deleted_lists_are_not_resurrected_by_older_backups() {
        let (local, _) = local_and_incoming();
        let old_backup = export_backup(&local, 1);
        let mut now = local.clone();
        now.delete_playlist("keep", NOW + 60);
        let incoming = parse_backup(&old_backup, NOW).unwrap().state;
        let (merged, _) = apply_import(&now, &incoming);
        assert!(merged.playlist("keep").is_none());
        assert_eq!(
            preview_import(&now, &incoming).playlists.kept_local,
            ["keep"]
        );
    }

    #[test]
    fn hostile_or_foreign_files_are_refused_or_salvaged() {
        assert_eq!(
            parse_backup(r#"{"kind":"other-app","schema":2}"#, NOW),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            parse_backup(r#"{"kind":"lecture-shelf-backup","schema":9}"#, NOW),
            Err(ImportError::FromNewerVersion { version: 9 })
        );
        assert!(matches!(
            parse_backup("{\"schema\":2,", NOW),
            Err(ImportError::Corrupt { .. })
        ));
        assert!(matches!(
            parse_backup(r#"{"format":1,"series":[]}"#, NOW),
            Err(ImportError::Corrupt { .. })
        ));
        let big = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert!(matches!(
            parse_backup(&big, NOW),
            Err(ImportError::TooLarge { .. })
        ));
        let sneaky = r#"{"schema":2,"progress":{"<b>xx</b>":{"state":"watched","updated_at":1}},
            "playlists":{"p":{"id":"evil","name":"<img src=x onerror=alert(1)>","videos":["javascript:x"],
            "created_at":1,"updated_at":1}}}"#;
        let parsed = parse_backup(sneaky, NOW).unwrap();
        assert!(parsed.state.progress().is_empty());
        assert_eq!(parsed.dropped.len(), 1, "the bad id is reported");
        let p = parsed.state.playlist("p").unwrap();
        assert_eq!(
            (p.id().as_str(), p.name(), p.len()),
            ("p", "<img src=x onerror=alert(1)>", 0)
        );
    }

    #[test]
    fn markdown_export_escapes_and_marks_unknown() {
        let mut catalogue = catalogue();
        catalogue.videos[1].title = "[ML] *Self*-attention <b> & `code` #1".into();
        let mut clock = Clock::new(DeviceId::from_random(1));
        let mut p = Playlist::new(pid("p"), "My <list> #1", &mut clock, NOW).unwrap();
        p.add_many(&[v(A), v("ZZZZZZZZZZZ")], Duplicates::Skip, &mut clock, NOW);
        assert_eq!(
            playlist_markdown(&p, &catalogue, "Unknown video"),
            "# My \\<list\\> \\#1\n\n\
             - [\\[ML\\] \\*Self\\*-attention \\<b\\> \\& \\`code\\` \\#1](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n\
             - [Unknown video: ZZZZZZZZZZZ](https://www.youtube.com/watch?v=ZZZZZZZZZZZ)\n"
        );
    }
}
