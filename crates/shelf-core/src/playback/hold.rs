//! A choice the student made while a video page was open — a watch state
//! picked or a resume time typed, in this tab or another — holds playback
//! back until the student plays on past it.
//!
//! "Plays on past it", precisely: [`PLAY_ON_SECS`] of real playing with the
//! position beyond the hold's point. Real playing is counted per poll tick
//! as the smaller of how far the position moved forward and how much time
//! passed. Polls of a still position (buffering, a stalled clock), playing
//! an earlier part again, and a tick whose position moved further than
//! playing at [`MAX_RATE`] could take it (a seek) add nothing.
//!
//! The point never lies where playing on past it is impossible: once the
//! video's length is known it is at most [`PLAY_ON_SECS`] before the end
//! (a typed time past the end, or a choice made at the very end, would
//! otherwise hold for the rest of the page). A point of 0 counts playing
//! anywhere: that is how "not watched" and a cleared resume time hold, since
//! they start the video over and rewatching from the start is playing on.

use super::reading::{Position, VideoLength};

/// How long the student must play on past a choice before playback may
/// change it: longer than a periodic save (15 s), so a choice always
/// survives the next one, and short enough that a student who simply
/// watches on gets their place kept and the lecture marked again.
pub const PLAY_ON_SECS: u32 = 30;

/// The fastest playback speed a student would choose for a lecture (the
/// player offers up to 2×); a tick moving faster was a seek.
pub const MAX_RATE: u64 = 2;

/// Slack for positions read in whole seconds (120.9 s reads as 120).
const ROUNDING_MS: u64 = 1_000;

/// The end event comes after the last poll tick: the playing between that
/// tick and the end (up to a poll interval, plus a rounded-down second) was
/// never counted, so the end forgives that much.
const END_GRACE_MS: u64 = 2_000;

const PLAY_ON_MS: u64 = PLAY_ON_SECS as u64 * 1000;

/// One held choice: where it stands, and the playing counted past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hold {
    /// The position (whole seconds) playback must get past, as chosen.
    point: u32,
    played_ms: u64,
}

impl Hold {
    pub(super) fn past(point: u32) -> Hold {
        Hold {
            point,
            played_ms: 0,
        }
    }

    /// The point playing must pass: as chosen, but never later than
    /// [`PLAY_ON_SECS`] before the end of a video of known length.
    fn point(&self, length: Option<VideoLength>) -> u32 {
        length.map_or(self.point, |length| {
            self.point.min(length.secs().saturating_sub(PLAY_ON_SECS))
        })
    }

    /// Counts one tick from `before` to `now` (position, ms); true once the
    /// student has played on past the point.
    pub(super) fn played_on(
        &mut self,
        before: (Position, u64),
        now: (Position, u64),
        length: Option<VideoLength>,
    ) -> bool {
        let (from, to) = (before.0.secs(), now.0.secs());
        let moved_ms = u64::from(to.saturating_sub(from)) * 1000;
        let elapsed_ms = now.1.saturating_sub(before.1);
        let played = moved_ms <= elapsed_ms.saturating_mul(MAX_RATE) + ROUNDING_MS;
        if to > from && to > self.point(length) && played {
            self.played_ms = self.played_ms.saturating_add(moved_ms.min(elapsed_ms));
        }
        self.played_ms >= PLAY_ON_MS
    }

    /// True when the video ended after the student played on past the
    /// point, counting the last moments no poll saw: playing to the end is
    /// playing on (all of a video shorter than [`PLAY_ON_SECS`] is enough).
    /// A choice made in the last seconds (another tab's "not watched" while
    /// this one plays the outro) still holds.
    pub(super) fn played_to_end(&self, length: Option<VideoLength>) -> bool {
        let needed = length.map_or(PLAY_ON_MS, |l| PLAY_ON_MS.min(u64::from(l.secs()) * 1000));
        self.played_ms.saturating_add(END_GRACE_MS) >= needed
    }
}
