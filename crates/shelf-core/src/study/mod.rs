//! Study state: progress, notes, playlists, sharing, backup merge, schema.
//!
//! Pure data and rules: no browser, no clock, no randomness. Callers pass
//! the time (`now_ms`, milliseconds) and any new ids, which keeps every
//! function deterministic and testable, and lets it all build for wasm32.
//!
//! * [`state`]: [`StudyState`], the whole record, and the edits to it;
//! * [`progress`], [`notes`], [`playlist`], [`settings`]: the items;
//! * [`timecode`]: `mm:ss` / `h:mm:ss` positions;
//! * [`merge`]: per-item "newer wins", shared by import and saving;
//! * [`schema`]: the versioned localStorage format and its migrations;
//! * [`backup`]: export, merging import with preview, Markdown export;
//! * [`share`]: playlists in a link's fragment;
//! * [`worst_case`]: a heavy state for sizing storage.

pub mod backup;
pub mod merge;
pub mod notes;
pub mod playlist;
pub mod progress;
pub mod schema;
pub mod settings;
pub mod share;
pub mod state;
pub mod timecode;
pub mod worst_case;

#[cfg(test)]
mod tests;

pub use backup::{
    apply_import, export_backup, parse_backup, playlist_markdown, preview_import, ImportError,
    ImportPreview,
};
pub use merge::{KindDiff, Stamped};
pub use notes::{segments, Note, Segment};
pub use playlist::{
    series_playlist, AddSummary, Added, Duplicates, Entry, NameError, Playlist, PlaylistError,
};
pub use progress::{
    continue_series, overall_tally, resume_url, series_tally, watch_url, Progress, Tally,
};
pub use schema::{decode, encode, prepare_save, Decoded, Save, CURRENT_SCHEMA};
pub use settings::{Setting, Settings};
pub use share::{parse_share, share_fragment, share_playlist, ShareError, SharedPlaylist};
pub use state::StudyState;
pub use timecode::{format_time, parse_time};
pub use worst_case::{worst_case_state, WORST_CASE_VIDEOS};
