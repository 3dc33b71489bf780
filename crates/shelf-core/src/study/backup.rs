//! Backups: the whole state as one JSON file, and a merging import.
//!
//! A backup is the stored envelope plus two labels:
//! `{"kind":"lecture-shelf-backup","schema":2,"exported_at":ms, ...state}`.
//! Sharing the storage format means old backups go through the same
//! migrations as old storage, and a raw localStorage dump imports too.
//!
//! Importing merges instead of replacing: per item the newer `updated_at`
//! wins, nothing only present locally is dropped, and deletions travel as
//! tombstones. [`preview_import`] says what would change before
//! [`apply_import`] does it.

use serde::Serialize;
use serde_json::Value;
use std::fmt;

use super::merge::{diff_maps, KindDiff};
use super::playlist::Playlist;
use super::progress::watch_url;
use super::schema::{decode_value, Decoded, CURRENT_SCHEMA};
use super::state::StudyState;
use crate::catalogue::Catalogue;

/// The `kind` label that tells a backup from other JSON files.
pub const BACKUP_KIND: &str = "lecture-shelf-backup";
/// Largest backup read: far above any real state (see `worst_case`),
/// small enough to parse in a browser tab.
pub const MAX_BACKUP_BYTES: usize = 16 * 1024 * 1024;

/// The backup file's text (pretty-printed: people open these).
pub fn export_backup(state: &StudyState, now_ms: u64) -> String {
    #[derive(Serialize)]
    struct Backup<'a> {
        kind: &'static str,
        schema: u64,
        exported_at: u64,
        #[serde(flatten)]
        state: &'a StudyState,
    }
    let backup = Backup {
        kind: BACKUP_KIND,
        schema: CURRENT_SCHEMA,
        exported_at: now_ms,
        state,
    };
    // Cannot fail: string keys only, no floats, no custom serializers.
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
    /// Not JSON, or not the shape of its schema version.
    Corrupt {
        reason: String,
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

/// Reads a backup file (any schema version; a bare stored state also
/// works). Malformed ids are dropped and playlists repaired on the way in.
pub fn parse_backup(text: &str) -> Result<StudyState, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_BACKUP_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Corrupt {
        reason: format!("not JSON: {e}"),
    })?;
    match value.get("kind") {
        None => {}
        Some(kind) if kind == BACKUP_KIND => {}
        Some(_) => return Err(ImportError::NotABackup),
    }
    match decode_value(value) {
        Decoded::Ok(state) => Ok(state),
        Decoded::Corrupt { reason } => Err(ImportError::Corrupt { reason }),
        Decoded::FromNewerVersion { version } => Err(ImportError::FromNewerVersion { version }),
    }
}

/// What an import would change, per kind of item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPreview {
    pub progress: KindDiff,
    pub notes: KindDiff,
    pub playlists: KindDiff,
    pub settings: KindDiff,
}

impl ImportPreview {
    /// False when importing would change nothing visible.
    pub fn has_changes(&self) -> bool {
        [&self.progress, &self.notes, &self.playlists, &self.settings]
            .iter()
            .any(|d| d.has_changes())
    }
}

/// The diff of importing `incoming` into `local`, without applying it.
pub fn preview_import(local: &StudyState, incoming: &StudyState) -> ImportPreview {
    ImportPreview {
        progress: diff_maps(&local.progress, &incoming.progress),
        notes: diff_maps(&local.notes, &incoming.notes),
        playlists: diff_maps(&local.playlists, &incoming.playlists),
        settings: local.settings.diff(&incoming.settings),
    }
}

/// The state after importing: the same per-item merge as saving.
pub fn apply_import(local: &StudyState, incoming: &StudyState) -> StudyState {
    local.merge(incoming)
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
    use crate::watch::WatchState;

    const A: &str = "AAAAAAAAAAA";
    const B: &str = "BBBBBBBBBBB";
    const C: &str = "CCCCCCCCCCC";

    fn local() -> StudyState {
        let mut s = StudyState::default();
        s.set_watch_state(A, WatchState::Watched, 50);
        s.set_note(A, "mine, newer", 50);
        s.set_note(B, "old text", 10);
        s.create_playlist("keep", "Only here", 10).unwrap();
        s.create_playlist("shared", "Shared", 10).unwrap();
        s
    }

    fn incoming() -> StudyState {
        let mut s = StudyState::default();
        s.set_note(A, "theirs, older", 20);
        s.set_note(B, "new text", 30);
        s.set_watch_state(C, WatchState::InProgress, 30);
        s.create_playlist("shared", "Shared", 10).unwrap();
        s.delete_playlist("shared", 40);
        s.create_playlist("fresh", "From backup", 30).unwrap();
        s.settings.theme.set(Some("dark"), 30);
        s
    }

    #[test]
    fn backup_round_trips_through_the_file() {
        let state = local();
        let text = export_backup(&state, 99);
        assert!(
            text.contains("\"kind\": \"lecture-shelf-backup\""),
            "{text}"
        );
        assert!(text.contains("\"exported_at\": 99"));
        assert_eq!(parse_backup(&text), Ok(state));
    }

    #[test]
    fn preview_lists_what_import_changes() {
        let preview = preview_import(&local(), &incoming());
        assert_eq!(preview.notes.updated, [B]);
        assert_eq!(preview.notes.kept_local, [A]);
        assert_eq!(preview.progress.added, [C]);
        assert_eq!(preview.playlists.added, ["fresh"]);
        assert_eq!(preview.playlists.removed, ["shared"]);
        assert_eq!(preview.settings.added, ["theme"]);
        assert_eq!(preview.settings.unchanged, ["locale"]);
        assert!(preview.has_changes());

        let merged = apply_import(&local(), &incoming());
        assert_eq!(merged.note(A).unwrap().text, "mine, newer");
        assert_eq!(merged.note(B).unwrap().text, "new text");
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
            !preview_import(&merged, &incoming()).has_changes(),
            "second import changes nothing"
        );
    }

    #[test]
    fn deleted_lists_are_not_resurrected_by_older_backups() {
        let old_backup = local();
        let mut now = local();
        now.delete_playlist("keep", 60);
        let merged = apply_import(&now, &parse_backup(&export_backup(&old_backup, 1)).unwrap());
        assert!(merged.playlist("keep").is_none());
        assert_eq!(
            preview_import(&now, &old_backup).playlists.kept_local,
            ["keep"]
        );
    }

    #[test]
    fn hostile_or_foreign_files_are_refused() {
        assert_eq!(
            parse_backup(r#"{"kind":"other-app","schema":2}"#),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            parse_backup(r#"{"kind":"lecture-shelf-backup","schema":9}"#),
            Err(ImportError::FromNewerVersion { version: 9 })
        );
        assert!(matches!(
            parse_backup("{\"schema\":2,"),
            Err(ImportError::Corrupt { .. })
        ));
        assert!(matches!(
            parse_backup(r#"{"format":1,"series":[]}"#),
            Err(ImportError::Corrupt { .. })
        ));
        let big = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert!(matches!(
            parse_backup(&big),
            Err(ImportError::TooLarge { .. })
        ));
        let sneaky = r#"{"schema":2,"progress":{"<b>xx</b>":{"state":"watched","updated_at":1}},
            "playlists":{"p":{"id":"evil","name":"<img src=x onerror=alert(1)>","videos":["javascript:x"],
            "created_at":1,"updated_at":1}}}"#;
        let state = parse_backup(sneaky).unwrap();
        assert!(state.progress.is_empty());
        let p = state.playlist("p").unwrap();
        assert_eq!(
            (p.id(), p.name(), p.videos().len()),
            ("p", "<img src=x onerror=alert(1)>", 0)
        );
    }

    #[test]
    fn markdown_export_escapes_and_marks_unknown() {
        let mut catalogue = catalogue();
        catalogue.videos[1].title = "[ML] *Self*-attention <b> & `code` #1".into();
        let mut p = Playlist::new("p", "My <list> #1", 1).unwrap();
        p.add_many([A, "ZZZZZZZZZZZ"], Duplicates::Skip, 2);
        assert_eq!(
            playlist_markdown(&p, &catalogue, "Unknown video"),
            "# My \\<list\\> \\#1\n\n\
             - [\\[ML\\] \\*Self\\*-attention \\<b\\> \\& \\`code\\` \\#1](https://www.youtube.com/watch?v=AAAAAAAAAAA)\n\
             - [Unknown video: ZZZZZZZZZZZ](https://www.youtube.com/watch?v=ZZZZZZZZZZZ)\n"
        );
    }
}
