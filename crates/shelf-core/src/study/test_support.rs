//! Shorthands the study tests share: ids from literals and a fresh tab.

use super::stamp::DeviceId;
use super::state::StudyState;
use crate::ids::{PlaylistId, VideoId};

pub(crate) fn v(id: &str) -> VideoId {
    VideoId::parse(id).expect("test ids are well-formed")
}

pub(crate) fn pid(id: &str) -> PlaylistId {
    PlaylistId::parse(id).expect("test ids are well-formed")
}

/// An empty state editing as device `n`.
pub(crate) fn tab(n: u32) -> StudyState {
    StudyState::default().for_device(DeviceId::from_random(n))
}
