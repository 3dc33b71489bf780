//! The in-app YouTube player's rules, in plain Rust: what the player's
//! readings are worth, where a video starts, when playback marks it in
//! progress or watched and saves the resume position, when a choice the
//! student made wins over playback, which lecture comes next, and how a
//! time code goes into a note.
//!
//! The app's adapter hands the player's raw numbers to [`Reading`] and
//! [`PlayerState`], and each player event to [`Session::step`] together
//! with the study state as it is at that moment (other tabs' edits
//! included), so every rule here is tested natively.

use crate::catalogue::Catalogue;
use crate::ids::VideoId;
use crate::neighbours::{in_context, LectureContext};
use crate::study::notes::MAX_NOTE_CHARS;
use crate::study::playlist::Playlist;
use crate::study::progress::{Progress, ProgressMap, MAX_RESUME_SECS};
use crate::study::stamp::Stamp;
use crate::study::state::StudyState;
use crate::study::timecode::format_time;
use crate::watch::WatchState;

mod hold;
mod reading;

pub use hold::PLAY_ON_SECS;
pub use reading::{PlayerState, Position, Reading, VideoLength};

use hold::Hold;

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
/// (nothing to undo).
pub fn restart_near_end(pos: Position, length: VideoLength) -> bool {
    pos.secs() > 0 && pos.secs().saturating_add(RESTART_NEAR_END_SECS) >= length.secs()
}

/// Watched at 90 % of the length (the end event marks too): lectures often
/// end in long outros or Q&A tails. Integer math, in u64 so no position
/// overflows.
fn reached_end(pos: Position, length: VideoLength) -> bool {
    u64::from(pos.secs()) * 10 >= u64::from(length.secs()) * 9
}

/// What the player reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A poll tick while playing, about once a second.
    Playing {
        at: Reading,
        now_ms: u64,
    },
    Paused(Reading),
    /// The video played to its end (whether or not its length is known).
    Ended,
    /// The page is hidden or the student navigates away.
    Leaving(Reading),
}

/// A change to the resume position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeWrite {
    Set(u32),
    Clear,
}

/// What an event called for; both `None` means nothing. The state is
/// applied first: a position is never paired with a mark as watched (only
/// `Clear` is), so core's `set_resume` cannot undo a mark.
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

/// The stamps of one video's two registers, to tell whether anyone but
/// this session wrote them since it last looked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Registers {
    state_at: Stamp,
    resume_at: Stamp,
}

impl Registers {
    fn of(study: &StudyState, video: &VideoId) -> Registers {
        study
            .progress()
            .get(video)
            .map(|p: &Progress| Registers {
                state_at: p.state_at(),
                resume_at: p.resume_at(),
            })
            .unwrap_or_default()
    }
}

/// One open video page: turns player events into writes to the study state.
///
/// Rules, each tested in `playback/tests.rs`:
///
/// * readings are trusted only as [`Reading`] parses them; an unreadable
///   position or length leaves the last good one standing (a pause or a
///   leave with none saves nothing);
/// * automatic marks only go up: unwatched → in progress → watched, never
///   back (rewatching a watched video leaves it watched); the end event
///   marks watched even when the length never became known;
/// * a watch state or resume position written by anyone but this session
///   since it last looked — the student's radios, a typed time, another
///   tab — is a choice that holds playback back (`playback/hold.rs`): while a
///   state is held nothing is marked (and no position is saved on an
///   unwatched video, since that would make it in progress); while a
///   position is held none is saved or cleared. A held "in progress" or
///   "watched" counts from the position when the session noticed it, a
///   typed time from itself; "not watched" and a cleared time start the
///   video over, so playing anywhere counts. No point lies later than
///   [`PLAY_ON_SECS`] before the end once the length is known. The hold
///   ends once the student plays on [`PLAY_ON_SECS`] past its point, or
///   plays past it to the end;
/// * a watched video's position is not saved: [`start_at`] ignores it, so
///   the write would be wasted, and the mark as watched already cleared it;
/// * an unwatched video's position before [`STARTED_AFTER_SECS`] is not
///   saved either, since saving it would mark the video in progress early.
///
/// Fields are private: the save timer, the last readings and the holds
/// only make sense as the session itself advanced them.
#[derive(Debug, Clone)]
pub struct Session {
    /// When the position was last saved (or the session opened), in ms.
    last_save_ms: u64,
    /// The latest `Playing` tick's time, standing in for "now" on pauses.
    last_tick_ms: u64,
    last: Last,
    /// This session marked the video watched: positions are no longer kept.
    finished: bool,
    writes: usize,
    /// The last readable position and length.
    pos: Option<Position>,
    length: Option<VideoLength>,
    /// The previous readable tick of this stretch of playing (position, ms).
    tick: Option<(Position, u64)>,
    /// The registers as this session last saw or left them.
    seen: Registers,
    state_hold: Option<Hold>,
    resume_hold: Option<Hold>,
}

impl Session {
    /// Opens on `video` as `study` holds it now: what is stored at opening
    /// is where playback starts from, not a choice to hold.
    pub fn new(now_ms: u64, study: &StudyState, video: &VideoId) -> Session {
        Session {
            last_save_ms: now_ms,
            last_tick_ms: now_ms,
            last: Last::Nothing,
            finished: false,
            writes: 0,
            pos: None,
            length: None,
            tick: None,
            seen: Registers::of(study, video),
            state_hold: None,
            resume_hold: None,
        }
    }

    /// Feeds one event: reads the video's progress in `study` as it is now,
    /// decides, applies the writes (stamped `now_ms`) and returns them.
    pub fn step(
        &mut self,
        event: Event,
        study: &mut StudyState,
        video: &VideoId,
        now_ms: u64,
    ) -> Writes {
        let chosen = (study.watch_state(video), study.resume_secs(video));
        self.notice(Registers::of(study, video), chosen, event);
        let writes = self.on(event, study.watch_state(video));
        if let Some(state) = writes.state {
            study.set_watch_state(video, state, now_ms);
        }
        match writes.resume {
            Some(ResumeWrite::Set(secs)) => {
                study.set_resume(video, Some(secs), now_ms);
            }
            Some(ResumeWrite::Clear) => {
                study.set_resume(video, None, now_ms);
            }
            None => {}
        }
        // The session's own writes are not choices.
        self.seen = Registers::of(study, video);
        writes
    }

    /// How many non-empty [`Writes`] this session returned: storage writes,
    /// for reporting writes per minute of playback.
    pub fn writes(&self) -> usize {
        self.writes
    }

    /// Starts a hold for each register someone else wrote since last time.
    /// `chosen` is the stored state and resume time.
    fn notice(&mut self, now: Registers, chosen: (WatchState, Option<u32>), event: Event) {
        let reading = match event {
            Event::Playing { at, .. } | Event::Paused(at) | Event::Leaving(at) => at.pos,
            Event::Ended => None,
        };
        let here = self.pos.or(reading).map_or(0, Position::secs);
        if now.state_at != self.seen.state_at {
            // "Not watched" starts over: rewatching from anywhere is
            // playing on. Other states stand where they were picked.
            let point = match chosen.0 {
                WatchState::Unwatched => 0,
                WatchState::InProgress | WatchState::Watched => here,
            };
            self.state_hold = Some(Hold::past(point));
            // "Not finished after all" must be able to keep a place.
            self.finished = false;
        }
        if now.resume_at != self.seen.resume_at {
            // A typed time is the place to get past (even one behind the
            // player: seeking back to it and playing on counts); a cleared
            // one starts over.
            self.resume_hold = Some(Hold::past(chosen.1.unwrap_or(0)));
            // What this session wrote last is no longer what is stored.
            self.last = Last::Nothing;
        }
        self.seen = now;
    }

    /// Decides the writes for one event, given the stored watch state.
    fn on(&mut self, event: Event, current: WatchState) -> Writes {
        let writes = match event {
            Event::Playing { at, now_ms } => self.playing(at, now_ms, current),
            Event::Paused(at) | Event::Leaving(at) => self.stopped(at, current),
            Event::Ended => self.ended(current),
        };
        if !writes.is_empty() {
            self.writes += 1;
        }
        writes
    }

    /// Keeps the readable halves of a reading.
    fn read(&mut self, at: Reading) {
        self.pos = at.pos.or(self.pos);
        self.length = at.length.or(self.length);
    }

    fn playing(&mut self, at: Reading, now_ms: u64, current: WatchState) -> Writes {
        self.read(at);
        self.last_tick_ms = now_ms;
        // A clock that went backwards restarts the timer instead of
        // stopping saves until it catches up.
        if now_ms < self.last_save_ms {
            self.last_save_ms = now_ms;
        }
        // An unreadable tick says nothing new.
        let Some(pos) = at.pos else {
            return Writes::default();
        };
        if let Some(before) = self.tick.replace((pos, now_ms)) {
            let (now, length) = ((pos, now_ms), self.length);
            for hold in [&mut self.state_hold, &mut self.resume_hold] {
                if hold
                    .as_mut()
                    .is_some_and(|h| h.played_on(before, now, length))
                {
                    *hold = None;
                }
            }
        }
        let mut writes = Writes::default();
        if self.state_hold.is_none() && current != WatchState::Watched && !self.finished {
            if self.length.is_some_and(|length| reached_end(pos, length)) {
                return self.finish();
            }
            if current == WatchState::Unwatched && pos.secs() >= STARTED_AFTER_SECS {
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

    fn stopped(&mut self, at: Reading, current: WatchState) -> Writes {
        self.read(at);
        // The next stretch of playing counts from its own first tick.
        self.tick = None;
        let Some(pos) = self.pos else {
            return Writes::default();
        };
        let resume = if self
            .length
            .is_some_and(|length| restart_near_end(pos, length))
        {
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

    fn ended(&mut self, current: WatchState) -> Writes {
        self.tick = None;
        let length = self.length;
        for hold in [&mut self.state_hold, &mut self.resume_hold] {
            if hold.is_some_and(|h| h.played_to_end(length)) {
                *hold = None;
            }
        }
        if self.state_hold.is_none() && current != WatchState::Watched && !self.finished {
            return self.finish();
        }
        // Held or already watched: no mark, but a position at the very end
        // is worth nothing (reopening would start over anyway).
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
    fn save(&mut self, pos: Position, current: WatchState) -> Option<ResumeWrite> {
        let pos = pos.secs();
        let allowed = self.resume_hold.is_none()
            && match current {
                WatchState::Watched => false,
                WatchState::InProgress => !self.finished,
                WatchState::Unwatched => self.state_hold.is_none() && pos >= STARTED_AFTER_SECS,
            };
        if !allowed || self.last == Last::Set(pos) {
            return None;
        }
        self.last = Last::Set(pos);
        Some(ResumeWrite::Set(pos))
    }

    /// A clear, unless a typed position is held, the session already
    /// cleared, or the video is watched (marking it watched cleared its
    /// position, and none is saved since).
    fn clear(&mut self, current: WatchState) -> Option<ResumeWrite> {
        if self.resume_hold.is_some()
            || self.last == Last::Cleared
            || current == WatchState::Watched
        {
            return None;
        }
        self.last = Last::Cleared;
        Some(ResumeWrite::Clear)
    }
}

pub use crate::neighbours::{Next, NextFrom};

/// The lecture to offer when the current one ends: the next of
/// [`in_context`], the playlist being played when there is one (see there).
pub fn next_lecture<'a>(
    catalogue: &'a Catalogue,
    current: &str,
    playlist: Option<&Playlist>,
    progress: &ProgressMap,
) -> Option<Next<'a>> {
    let context = playlist.map_or(LectureContext::Catalogue, LectureContext::Playlist);
    in_context(context, catalogue, current, progress).next
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
