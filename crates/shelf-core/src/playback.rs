//! The in-app YouTube player's rules, in plain Rust: where a video starts,
//! when playback marks it in progress or watched and saves the resume
//! position, which lecture comes next, and how a time code goes into a note.
//!
//! The app's adapter only forwards player events to a [`Session`] and
//! applies the [`Writes`] it returns through `StudyState::set_resume` and
//! `StudyState::set_watch_state`, so every rule here is tested natively.

use std::collections::BTreeMap;

use crate::catalogue::{Catalogue, Video};
use crate::neighbours::series_neighbours;
use crate::study::notes::MAX_NOTE_CHARS;
use crate::study::playlist::Playlist;
use crate::study::progress::{watch_state, ProgressMap, MAX_RESUME_SECS};
use crate::study::timecode::format_time;
use crate::watch::WatchState;

#[cfg(test)]
mod tests;

/// While playing, the resume position is written at most this often. The
/// player reports the position about once a second; a storage write (and a
/// cross-tab merge) per second would be wasteful, and losing at most 15 s
/// when a tab crashes is harmless. Pausing and leaving save at once.
pub const SAVE_EVERY_MS: u64 = 15_000;

/// Playing past this position marks an unwatched video in progress: a few
/// seconds of autoplay or a mistaken click is not "started".
pub const STARTED_AFTER_SECS: u32 = 10;

/// A saved position this close to the end starts the video over: resuming
/// into the last seconds of the outro is never what the student wants.
pub const RESTART_NEAR_END_SECS: u32 = 15;

/// Where opening a video starts, before its duration is known: the saved
/// position of a video not yet watched, 0 for a watched one (reopening a
/// finished lecture is a rewatch from the start) or when none is saved.
///
/// Once the player knows the duration, the adapter seeks to 0 when
/// [`restart_near_end`] says so; the session then saves the new position
/// as usual, replacing the stale one.
pub fn start_at(state: WatchState, resume: Option<u32>) -> u32 {
    match state {
        WatchState::Watched => 0,
        WatchState::Unwatched | WatchState::InProgress => resume.unwrap_or(0).min(MAX_RESUME_SECS),
    }
}

/// True when a start position is within [`RESTART_NEAR_END_SECS`] of the
/// end, so the video should start over instead. False for position 0
/// (nothing to undo) and for an unknown (0) duration.
pub fn restart_near_end(pos: u32, duration: u32) -> bool {
    duration > 0 && pos > 0 && pos.saturating_add(RESTART_NEAR_END_SECS) >= duration
}

/// Watched at the end or at 90 % of the duration, whichever comes first:
/// lectures often end in long outros or Q&A tails. Integer math, in u64 so
/// no position overflows. An unknown (0) duration never counts.
fn reached_end(pos: u32, duration: u32) -> bool {
    duration > 0 && u64::from(pos) * 10 >= u64::from(duration) * 9
}

/// What the player reports. Positions and durations are whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A poll tick while playing, about once a second.
    Playing {
        pos: u32,
        duration: u32,
        now_ms: u64,
    },
    Paused {
        pos: u32,
        duration: u32,
    },
    /// The video played to its end.
    Ended {
        duration: u32,
    },
    /// The page is hidden or the student navigates away.
    Leaving {
        pos: u32,
        duration: u32,
    },
    /// The student chose a watch state by hand during this session.
    ManualChange,
}

/// A change to the resume position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeWrite {
    Set(u32),
    Clear,
}

/// What to write after an event; both `None` means nothing. The order of
/// the two writes does not matter: a position is never paired with a mark
/// as watched (only `Clear` is), so core's `set_resume` cannot undo a mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Writes {
    pub resume: Option<ResumeWrite>,
    pub state: Option<WatchState>,
}

impl Writes {
    pub fn is_empty(&self) -> bool {
        self.resume.is_none() && self.state.is_none()
    }
}

/// The session's own last resume write, to skip writes that change nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Set(u32),
    Cleared,
}

/// One open video page: turns player events into the writes they call for.
///
/// Rules, each tested in `playback/tests.rs`:
///
/// * automatic marks only go up: unwatched → in progress → watched, never
///   back (rewatching a watched video leaves it watched);
/// * after [`Event::ManualChange`] the session marks nothing by itself;
///   positions are saved only while the video is in progress, since core's
///   `set_resume` would turn an unwatched one in progress;
/// * a watched video's position is not saved: [`start_at`] ignores it, so
///   the write would be wasted, and the mark as watched already cleared it;
/// * an unwatched video's position before [`STARTED_AFTER_SECS`] is not
///   saved either, since saving it would mark the video in progress early.
///
/// Fields are private: the save timer and the last write only make sense
/// as the session itself advanced them.
#[derive(Debug, Clone)]
pub struct Session {
    /// When the position was last saved (or the session opened), in ms.
    last_save_ms: u64,
    /// The latest `Playing` tick's time, standing in for "now" on pauses.
    last_tick_ms: u64,
    last: Last,
    /// The student chose a state by hand: no more automatic marks.
    manual: bool,
    /// This session marked the video watched: positions are no longer kept.
    finished: bool,
    writes: usize,
}

impl Session {
    pub fn new(now_ms: u64) -> Session {
        Session {
            last_save_ms: now_ms,
            last_tick_ms: now_ms,
            last: Last::Nothing,
            manual: false,
            finished: false,
            writes: 0,
        }
    }

    /// Feeds one event; `current` is the video's watch state as stored now
    /// (after earlier writes, and whatever other tabs did).
    pub fn on(&mut self, event: Event, current: WatchState) -> Writes {
        let writes = match event {
            Event::Playing {
                pos,
                duration,
                now_ms,
            } => self.playing(pos, duration, now_ms, current),
            Event::Paused { pos, duration } | Event::Leaving { pos, duration } => {
                self.stopped(pos, duration, current)
            }
            Event::Ended { duration } => self.ended(duration, current),
            Event::ManualChange => {
                self.manual = true;
                // "Not finished after all" must be able to keep a place.
                self.finished = false;
                Writes::default()
            }
        };
        if !writes.is_empty() {
            self.writes += 1;
        }
        writes
    }

    /// How many non-empty [`Writes`] this session returned: storage writes,
    /// for reporting writes per minute of playback.
    pub fn writes(&self) -> usize {
        self.writes
    }

    fn playing(&mut self, pos: u32, duration: u32, now_ms: u64, current: WatchState) -> Writes {
        self.last_tick_ms = now_ms;
        // A clock that went backwards restarts the timer instead of
        // stopping saves until it catches up.
        if now_ms < self.last_save_ms {
            self.last_save_ms = now_ms;
        }
        let mut writes = Writes::default();
        if !self.manual && current != WatchState::Watched && !self.finished {
            if reached_end(pos, duration) {
                return self.finish();
            }
            if current == WatchState::Unwatched && pos >= STARTED_AFTER_SECS {
                writes.state = Some(WatchState::InProgress);
            }
        }
        if now_ms - self.last_save_ms >= SAVE_EVERY_MS {
            writes.resume = self.save(pos, current);
            if writes.resume.is_some() {
                self.last_save_ms = now_ms;
            }
        }
        writes
    }

    fn stopped(&mut self, pos: u32, duration: u32, current: WatchState) -> Writes {
        let resume = if restart_near_end(pos, duration) {
            self.clear(current)
        } else {
            self.save(pos, current)
        };
        if resume.is_some() {
            self.last_save_ms = self.last_save_ms.max(self.last_tick_ms);
        }
        Writes {
            resume,
            state: None,
        }
    }

    fn ended(&mut self, duration: u32, current: WatchState) -> Writes {
        if duration == 0 {
            return Writes::default();
        }
        if !self.manual && current != WatchState::Watched && !self.finished {
            return self.finish();
        }
        // Manual or already watched: no mark, but a position at the very
        // end is worth nothing (reopening would start over anyway).
        Writes {
            resume: self.clear(current),
            state: None,
        }
    }

    /// Marks watched and clears the position, so reopening starts over.
    fn finish(&mut self) -> Writes {
        self.finished = true;
        let resume = (self.last != Last::Cleared).then_some(ResumeWrite::Clear);
        self.last = Last::Cleared;
        Writes {
            resume,
            state: Some(WatchState::Watched),
        }
    }

    /// A position write, if the rules allow one and it changes something.
    fn save(&mut self, pos: u32, current: WatchState) -> Option<ResumeWrite> {
        let pos = pos.min(MAX_RESUME_SECS);
        let allowed = match current {
            WatchState::Watched => false,
            WatchState::InProgress => !self.finished,
            WatchState::Unwatched => !self.manual && pos >= STARTED_AFTER_SECS,
        };
        if !allowed || self.last == Last::Set(pos) {
            return None;
        }
        self.last = Last::Set(pos);
        Some(ResumeWrite::Set(pos))
    }

    /// A clear, unless the session already cleared or the video is watched
    /// (marking it watched cleared its position, and none is saved since).
    fn clear(&mut self, current: WatchState) -> Option<ResumeWrite> {
        if self.last == Last::Cleared || current == WatchState::Watched {
            return None;
        }
        self.last = Last::Cleared;
        Some(ResumeWrite::Clear)
    }
}

/// Where the suggested next lecture comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextFrom {
    Playlist,
    Series,
}

/// The lecture to offer after the current one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Next<'a> {
    pub video: &'a Video,
    pub from: NextFrom,
}

/// The lecture to offer when the current one ends.
///
/// With a playlist being played (the page was opened from it and the video
/// is in it; with duplicates, its first entry counts): the next entry after
/// it not yet watched, skipping the current video and ids the catalogue
/// lacks. A playlist is a to-do list, so finished items are skipped.
///
/// Otherwise, or when nothing unwatched follows in the playlist: the next
/// lecture in the series' lecture order, watched or not. A course is read in
/// order; this matches the page's "next lecture" link, and "Continue this
/// series" already finds the first unwatched one. `None` at the end.
pub fn next_lecture<'a>(
    catalogue: &'a Catalogue,
    current: &str,
    playlist: Option<&Playlist>,
    progress: &ProgressMap,
) -> Option<Next<'a>> {
    if let Some(list) = playlist {
        let ids = list.videos();
        if let Some(at) = ids.iter().position(|id| id.as_str() == current) {
            // One lookup table instead of a catalogue scan per entry.
            let by_id: BTreeMap<&str, &'a Video> = catalogue
                .videos
                .iter()
                .map(|v| (v.id.as_str(), v))
                .collect();
            let next = ids[at + 1..]
                .iter()
                .filter(|id| id.as_str() != current)
                .filter(|id| watch_state(progress, id) != WatchState::Watched)
                .find_map(|id| by_id.get(id.as_str()).copied());
            if let Some(video) = next {
                return Some(Next {
                    video,
                    from: NextFrom::Playlist,
                });
            }
        }
    }
    let video = catalogue.video(current)?;
    series_neighbours(catalogue, video).1.map(|video| Next {
        video,
        from: NextFrom::Series,
    })
}

/// Inserts the time code for `secs` into a note at `cursor_utf16` (a
/// textarea's `selectionStart`, in UTF-16 code units). Returns the new text
/// and the cursor after the insertion, also in UTF-16 units.
///
/// The code is written as the rest of the app writes positions
/// ([`format_time`]: `m:ss`, `h:mm:ss` from an hour), so the note linker
/// recognises it; it is capped at [`MAX_RESUME_SECS`] for the same reason.
/// A space goes before it unless it starts the note or follows whitespace,
/// and one after it, so it never glues to a word. A cursor past the end
/// goes to the end; one inside a surrogate pair goes before the pair. When
/// the result would exceed [`MAX_NOTE_CHARS`], the note comes back
/// unchanged (with the clamped cursor), since saving it would be refused.
pub fn insert_time(note: &str, cursor_utf16: usize, secs: u32) -> (String, usize) {
    let (at, cursor) = byte_at_utf16(note, cursor_utf16);
    let before = &note[..at];
    let space_before = before
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let code = format_time(secs.min(MAX_RESUME_SECS));
    let insert = if space_before {
        format!(" {code} ")
    } else {
        format!("{code} ")
    };
    if note.chars().count() + insert.chars().count() > MAX_NOTE_CHARS {
        return (note.to_string(), cursor);
    }
    let text = format!("{before}{insert}{}", &note[at..]);
    // The inserted text is ASCII: one UTF-16 unit per byte.
    (text, cursor + insert.len())
}

/// The byte offset and UTF-16 offset of the char boundary at or before
/// `units` UTF-16 units into `text`.
fn byte_at_utf16(text: &str, units: usize) -> (usize, usize) {
    let mut seen = 0;
    for (byte, c) in text.char_indices() {
        if seen + c.len_utf16() > units {
            return (byte, seen);
        }
        seen += c.len_utf16();
    }
    (text.len(), seen)
}
