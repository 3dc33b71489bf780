//! Study screens and widgets: progress, notes, playlists, sharing, backup.

pub mod bulk_add;
pub mod notice;
pub mod video_panel;
pub mod watch_toggle;
