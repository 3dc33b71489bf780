//! What the player reports, trusted only when it makes sense. The IFrame
//! API is third-party script: its getters may answer NaN, ±Infinity, a
//! negative number, `null` (which the adapter reads as NaN), an absurd
//! 1e12, or throw (also NaN). Such a reading is not a position: the types
//! here only exist for values that are, so nothing unreadable can reach a
//! saved resume time or a mark.

use crate::study::progress::MAX_RESUME_SECS;

/// A playback position in whole seconds, read from a finite number in
/// `0..=MAX_RESUME_SECS` (the longest time the app stores).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position(u32);

impl Position {
    /// `None` for anything that is not a finite time in range.
    pub fn from_raw(raw: f64) -> Option<Position> {
        in_range(raw, 0.0).map(Position)
    }

    pub fn secs(self) -> u32 {
        self.0
    }
}

/// A video's length in whole seconds, at least one: the API answers 0 (or
/// worse) until it knows the length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VideoLength(u32);

impl VideoLength {
    /// `None` while unknown or unreadable.
    pub fn from_raw(raw: f64) -> Option<VideoLength> {
        in_range(raw, 1.0).map(VideoLength)
    }

    pub fn secs(self) -> u32 {
        self.0
    }
}

/// Whole seconds of a finite `raw` in `min..=MAX_RESUME_SECS`.
fn in_range(raw: f64, min: f64) -> Option<u32> {
    // NaN fails both comparisons; `as` truncates (and saturates, were it
    // ever out of range) rather than misbehaving.
    (raw >= min && raw <= f64::from(MAX_RESUME_SECS)).then_some(raw as u32)
}

/// One look at the player: each half only when it was readable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub pos: Option<Position>,
    pub length: Option<VideoLength>,
}

impl Reading {
    /// Nothing readable (no player, or it threw).
    pub const UNKNOWN: Reading = Reading {
        pos: None,
        length: None,
    };

    /// The raw numbers `getCurrentTime` and `getDuration` gave.
    pub fn from_raw(time: f64, duration: f64) -> Reading {
        Reading {
            pos: Position::from_raw(time),
            length: VideoLength::from_raw(duration),
        }
    }
}

/// `YT.PlayerState`, parsed from the raw code the API hands over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayerState {
    Unstarted,
    Ended,
    Playing,
    Paused,
    Buffering,
    Cued,
}

impl PlayerState {
    const CODES: [(f64, PlayerState); 6] = [
        (-1.0, PlayerState::Unstarted),
        (0.0, PlayerState::Ended),
        (1.0, PlayerState::Playing),
        (2.0, PlayerState::Paused),
        (3.0, PlayerState::Buffering),
        (5.0, PlayerState::Cued),
    ];

    /// Exact codes only: `None` for NaN (which `as i32` would turn into 0,
    /// "ended"), fractions, infinities and codes the API may add later.
    pub fn from_raw(code: f64) -> Option<PlayerState> {
        Self::CODES
            .iter()
            .find(|(known, _)| *known == code)
            .map(|&(_, state)| state)
    }
}
