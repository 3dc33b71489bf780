//! Study state: progress, notes, playlists, sharing, backup merge, schema.
//!
//! Pure data and rules: no browser, no clock, no randomness. Callers pass
//! the time (`now_ms`) and the device id's random bits, which keeps every
//! function deterministic and testable, and lets it all build for wasm32.
//!
//! * [`state`]: [`StudyState`], the whole record, and the edits to it;
//! * [`progress`], [`notes`], [`playlist`], [`settings`]: the items;
//! * [`plan`]: lecture lengths, time left, speed, due dates, pace, `.ics`;
//! * [`overview`]: courses and playlists in the order the student is studying them;
//! * [`stamp`], [`lww`], [`position`]: the merge machinery — hybrid
//!   logical clocks, last-writer-wins registers, fractional positions
//!   (notes are multi-value registers, `notes.rs`);
//! * [`timecode`]: `mm:ss` / `h:mm:ss` positions;
//! * [`limits`]: every limit (entries, lists, notes, record sizes), held
//!   by editing, merging, importing and reading alike;
//! * [`schema`]: the versioned localStorage format, migrations, salvage;
//! * [`backup`]: export, previewed and undoable import, Markdown export;
//! * [`share`]: playlists in a link's fragment;
//! * [`worst_case`]: a heavy state for sizing storage.

pub mod backup;
pub mod export;
pub mod limits;
pub mod lww;
pub mod notes;
pub mod overview;
pub mod plan;
pub mod playlist;
pub mod position;
pub mod progress;
pub mod schema;
pub mod settings;
pub mod share;
pub mod stamp;
pub mod state;
pub mod timecode;
pub mod worst_case;

#[cfg(test)]
mod regressions;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

pub use backup::{
    apply_import, export_backup, parse_backup, playlist_markdown, preview_import, ImportError,
    ImportPreview, KindDiff, NoteChange, ParsedBackup, RestorePoint,
};
pub use limits::{ListOverflow, OverLimit, MAX_PLAYLISTS};
pub use lww::Merge;
pub use notes::{segments, Note, NoteTooLong, Segment, KEEP_BOTH_SEPARATOR, MAX_NOTE_CHARS};
pub use overview::{progress_overview, Standing, TrackId, TrackProgress};
pub use playlist::{
    series_playlist, AddSummary, Added, Duplicates, Entry, NameError, Playlist, MAX_NAME_CHARS,
};
pub use progress::{
    continue_series, overall_tally, resume_url, series_tally, watch_url, Progress, ProgressMap,
    Tally,
};
pub use schema::{
    decode, describe, encode, prepare_save, Damage, Decoded, Dropped, ItemKind, Save, Unreadable,
    CURRENT_SCHEMA,
};
pub use settings::Settings;
pub use share::{parse_share, share_fragment, share_playlist, ShareError, SharedPlaylist};
pub use stamp::DeviceId;
pub use state::{joined_versions, PlaylistEditor, PlaylistError, StudyState};
pub use timecode::{format_time, parse_time};
pub use worst_case::{worst_case_state, WORST_CASE_VIDEOS};
