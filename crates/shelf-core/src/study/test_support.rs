//! Shorthands the study tests share: video ids, a time, ids from literals
//! and a fresh tab.

use super::stamp::DeviceId;
use super::state::StudyState;
use crate::ids::{PlaylistId, VideoId};

/// Well-formed video ids, told apart at a glance.
pub(crate) const A: &str = "AAAAAAAAAAA";
pub(crate) const B: &str = "BBBBBBBBBBB";
pub(crate) const C: &str = "CCCCCCCCCCC";
pub(crate) const D: &str = "DDDDDDDDDDD";
pub(crate) const X: &str = "XXXXXXXXXXX";
/// A fixed "now" (January 2027), in ms.
pub(crate) const NOW: u64 = 1_800_000_000_000;

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
