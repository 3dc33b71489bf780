//! Study screens and widgets: progress, notes, playlists, assignments,
//! sharing, backup.

pub mod add_to_playlist;
pub mod announcement;
pub mod assignment_paste;
pub mod backup_page;
pub mod bulk_add;
pub mod coverage_note;
pub mod import_preview;
pub mod next_unwatched;
pub mod note_editor;
pub mod note_view;
pub mod notice;
pub mod playlist_entries;
pub mod playlist_page;
pub mod playlist_picker;
pub mod playlist_row;
pub mod playlist_tools;
pub mod playlists_page;
pub mod progress_page;
pub mod range_picker;
pub mod resume_field;
pub mod shared_page;
pub mod tally_bar;
pub mod util;
pub mod video_panel;
pub mod watch_toggle;
