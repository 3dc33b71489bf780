//! The in-app player on a video page: the YouTube IFrame player (through
//! `web::youtube`), driven by the core's playback rules
//! (`shelf_core::playback`), with notes at the moment and the next lecture.

pub mod control;
pub mod next_up;
pub mod player_area;
pub mod ticker;
