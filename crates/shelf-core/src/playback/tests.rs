use super::*;
use crate::ids::{PlaylistId, VideoId};
use crate::study::notes::{segments, Segment};
use crate::study::progress::tests::catalogue;
use crate::study::state::StudyState;
use proptest::prelude::*;

const NOW: u64 = 1_800_000_000_000;
const A: &str = "AAAAAAAAAAA";
const B: &str = "BBBBBBBBBBB";
const C: &str = "CCCCCCCCCCC";
const D: &str = "DDDDDDDDDDD";
const Z: &str = "ZZZZZZZZZZZ"; // not in the catalogue

fn id(s: &str) -> VideoId {
    VideoId::parse(s).unwrap()
}

/// A reading of whole seconds, as the player would give it (0 length:
/// not known yet).
fn at(pos: u32, duration: u32) -> Reading {
    Reading::from_raw(f64::from(pos), f64::from(duration))
}

fn playing(pos: u32, duration: u32, now_ms: u64) -> Event {
    Event::Playing {
        at: at(pos, duration),
        now_ms,
    }
}

fn paused(pos: u32, duration: u32) -> Event {
    Event::Paused(at(pos, duration))
}

fn leaving(pos: u32, duration: u32) -> Event {
    Event::Leaving(at(pos, duration))
}

/// A session on video A of an empty study state.
fn fresh() -> Session {
    Session::new(NOW, &StudyState::default(), &id(A))
}

/// A video page: a session plus the real study state its writes go to, the
/// way the app's adapter applies them.
struct Page {
    study: StudyState,
    video: VideoId,
    session: Session,
    log: Vec<Writes>,
    /// Time for edits made outside playback (a click, another tab).
    edit_ms: u64,
}

impl Page {
    /// A page on video A, stored as `state` with `resume` (in progress
    /// only: core's `set_resume` would turn an unwatched video in progress).
    fn open(state: WatchState, resume: Option<u32>) -> Page {
        let video = id(A);
        let mut study = StudyState::default();
        study.set_watch_state(&video, state, NOW - 1000);
        if let Some(secs) = resume {
            assert_eq!(state, WatchState::InProgress);
            study.set_resume(&video, Some(secs), NOW - 500);
        }
        let session = Session::new(NOW, &study, &video);
        Page {
            study,
            video,
            session,
            log: Vec::new(),
            edit_ms: NOW,
        }
    }

    fn state(&self) -> WatchState {
        self.study.watch_state(&self.video)
    }

    fn resume(&self) -> Option<u32> {
        self.study.resume_secs(&self.video)
    }

    fn send(&mut self, event: Event) -> Writes {
        let writes = self.session.step(event, &mut self.study, &self.video, NOW);
        self.log.push(writes);
        writes
    }

    /// Plays positions `from..=to`, one tick a second (tick `pos` at
    /// `NOW + (pos - from + 1) s` plus `offset_ms`).
    fn play(&mut self, from: u32, to: u32, duration: u32, offset_ms: u64) {
        for pos in from..=to {
            let now_ms = NOW + offset_ms + u64::from(pos - from + 1) * 1000;
            self.send(playing(pos, duration, now_ms));
        }
    }

    /// The student picks a state by hand in this tab's radios.
    fn choose(&mut self, state: WatchState) {
        self.edit_ms += 1;
        self.study.set_watch_state(&self.video, state, self.edit_ms);
    }

    /// The student types a resume time and saves it.
    fn type_resume(&mut self, secs: Option<u32>) {
        self.edit_ms += 1;
        self.study.set_resume(&self.video, secs, self.edit_ms);
    }

    /// Another tab (its own device) picks a state; its edit arrives here
    /// the way a storage event brings it: merged into this tab's state.
    fn choose_in_other_tab(&mut self, state: WatchState) {
        self.edit_ms += 1;
        let mut other = self
            .study
            .clone()
            .for_device(crate::study::stamp::DeviceId::from_random(0xB0B));
        other.set_watch_state(&self.video, state, self.edit_ms);
        self.study = self.study.merge(&other);
    }

    fn positions(&self) -> Vec<u32> {
        self.log
            .iter()
            .filter_map(|w| match w.resume {
                Some(ResumeWrite::Set(s)) => Some(s),
                _ => None,
            })
            .collect()
    }

    fn marks(&self) -> Vec<WatchState> {
        self.log.iter().filter_map(|w| w.state).collect()
    }
}

// ---- start position ------------------------------------------------------

#[test]
fn start_at_resumes_unfinished_videos_only() {
    use WatchState::*;
    assert_eq!(start_at(InProgress, Some(2050)), 2050);
    assert_eq!(
        start_at(Unwatched, Some(300)),
        300,
        "a merge can leave this"
    );
    assert_eq!(start_at(InProgress, None), 0);
    assert_eq!(start_at(Unwatched, None), 0);
    assert_eq!(start_at(Watched, Some(2050)), 0, "finished: start over");
    assert_eq!(start_at(Watched, None), 0);
    assert_eq!(start_at(InProgress, Some(u32::MAX)), MAX_RESUME_SECS);
}

#[test]
fn near_the_end_starts_over() {
    let near = |pos: u32, length: u32| {
        let at = at(pos, length);
        restart_near_end(at.pos.unwrap(), at.length.unwrap())
    };
    assert!(near(590, 600));
    assert!(near(585, 600));
    assert!(!near(584, 600));
    assert!(near(700, 600), "past the end");
    assert!(!near(0, 10), "already at the start");
    assert!(near(MAX_RESUME_SECS, MAX_RESUME_SECS), "no overflow");
}

// ---- readings ------------------------------------------------------------

/// Every raw number the tester saw a player answer that is not a time.
const UNREADABLE: [f64; 7] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -1.0,
    -0.5,
    1e12,
    MAX_RESUME_SECS as f64 + 1.0,
];

#[test]
fn only_finite_times_in_range_are_positions() {
    for raw in UNREADABLE {
        assert_eq!(Position::from_raw(raw), None, "{raw}");
        assert_eq!(VideoLength::from_raw(raw), None, "{raw}");
    }
    assert_eq!(Position::from_raw(0.0).map(Position::secs), Some(0));
    assert_eq!(Position::from_raw(-0.0).map(Position::secs), Some(0));
    assert_eq!(Position::from_raw(120.9).map(Position::secs), Some(120));
    assert_eq!(
        Position::from_raw(f64::from(MAX_RESUME_SECS)).map(Position::secs),
        Some(MAX_RESUME_SECS)
    );
    // A length is at least a second: the API answers 0 while it does not know.
    assert_eq!(VideoLength::from_raw(0.0), None);
    assert_eq!(VideoLength::from_raw(0.5), None);
    assert_eq!(
        VideoLength::from_raw(600.2).map(VideoLength::secs),
        Some(600)
    );
    assert_eq!(Reading::from_raw(f64::NAN, f64::NAN), Reading::UNKNOWN);
}

#[test]
fn only_known_state_codes_are_states() {
    assert_eq!(PlayerState::from_raw(-1.0), Some(PlayerState::Unstarted));
    assert_eq!(PlayerState::from_raw(0.0), Some(PlayerState::Ended));
    assert_eq!(PlayerState::from_raw(1.0), Some(PlayerState::Playing));
    assert_eq!(PlayerState::from_raw(2.0), Some(PlayerState::Paused));
    assert_eq!(PlayerState::from_raw(3.0), Some(PlayerState::Buffering));
    assert_eq!(PlayerState::from_raw(5.0), Some(PlayerState::Cued));
    // NaN `as i32` is 0: read loosely, it would be "ended" and mark watched.
    for raw in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.5,
        4.0,
        6.0,
        -2.0,
        1e12,
    ] {
        assert_eq!(PlayerState::from_raw(raw), None, "{raw}");
    }
}

#[test]
fn an_unreadable_time_at_pause_or_leaving_keeps_the_stored_resume() {
    for raw in UNREADABLE {
        for leave in [false, true] {
            let mut page = Page::open(WatchState::InProgress, Some(1200));
            let reading = Reading::from_raw(raw, 3600.0);
            let event = if leave {
                Event::Leaving(reading)
            } else {
                Event::Paused(reading)
            };
            assert!(page.send(event).is_empty(), "{raw}");
            assert_eq!(page.resume(), Some(1200), "{raw}, leaving: {leave}");
            assert_eq!(page.state(), WatchState::InProgress);
        }
    }
}

#[test]
fn an_unreadable_time_leaves_the_last_good_one_standing() {
    let mut page = Page::open(WatchState::InProgress, Some(1200));
    page.play(1200, 1210, 3600, 0);
    for (i, raw) in UNREADABLE.into_iter().enumerate() {
        // Unreadable ticks while playing write nothing, whenever they come.
        let w = page.send(Event::Playing {
            at: Reading::from_raw(raw, 3600.0),
            now_ms: NOW + 60_000 + i as u64 * 20_000,
        });
        assert!(w.is_empty(), "{raw}");
    }
    assert_eq!(page.resume(), Some(1200));
    // The pause cannot be read either: the last position read stands.
    let w = page.send(Event::Paused(Reading::from_raw(f64::NAN, f64::NAN)));
    assert_eq!(w.resume, Some(ResumeWrite::Set(1210)));
    assert_eq!(page.resume(), Some(1210));
}

#[test]
fn an_unreadable_length_does_not_undo_a_known_one() {
    // Known to be 600 s; later readings of the length fail.
    let mut page = Page::open(WatchState::InProgress, Some(500));
    page.play(500, 520, 600, 0);
    for (i, raw) in [f64::NAN, 0.0, -1.0, f64::INFINITY].into_iter().enumerate() {
        page.send(Event::Playing {
            at: Reading::from_raw(f64::from(521 + i as u32), raw),
            now_ms: NOW + 22_000 + i as u64 * 1000,
        });
    }
    page.play(525, 540, 0, 26_000);
    assert_eq!(page.state(), WatchState::Watched, "90 % of the known 600 s");
}

#[test]
fn the_end_marks_watched_even_with_an_unknown_length() {
    for raw in [f64::NAN, 0.0, -1.0, f64::INFINITY, f64::NEG_INFINITY] {
        let mut page = Page::open(WatchState::InProgress, Some(100));
        page.send(Event::Playing {
            at: Reading::from_raw(200.0, raw),
            now_ms: NOW + 1000,
        });
        let w = page.send(Event::Ended);
        assert_eq!(w.state, Some(WatchState::Watched), "{raw}");
        assert_eq!(
            (page.state(), page.resume()),
            (WatchState::Watched, None),
            "{raw}"
        );
    }
}

// ---- saving positions ----------------------------------------------------

#[test]
fn ten_minutes_of_playback_write_at_most_four_positions_a_minute() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(1, 600, 3600, 0);
    let positions = page.positions();
    for minute in 0..10 {
        let in_minute = positions
            .iter()
            .filter(|&&p| p > minute * 60 && p <= (minute + 1) * 60)
            .count();
        assert!(in_minute <= 4, "minute {minute}: {in_minute} writes");
    }
    assert_eq!(positions.len(), 40);
    assert_eq!(positions[..3], [15, 30, 45]);
    assert_eq!(page.marks(), [WatchState::InProgress]);
    // 40 positions and the one mark, in 41 storage writes for 10 minutes.
    assert_eq!(page.session.writes(), 41);
    assert_eq!(page.resume(), Some(600));
}

#[test]
fn irregular_ticks_still_save_at_most_every_fifteen_seconds() {
    let mut session = fresh();
    let mut saved_at = Vec::new();
    // Ticks 300 ms apart (a busy poller) for two minutes.
    for i in 1..=400u64 {
        let now_ms = NOW + i * 300;
        let w = session.on(
            playing((i * 300 / 1000) as u32, 3600, now_ms),
            WatchState::InProgress,
        );
        if w.resume.is_some() {
            saved_at.push(now_ms);
        }
    }
    assert!(saved_at.windows(2).all(|w| w[1] - w[0] >= SAVE_EVERY_MS));
    assert_eq!(saved_at.len(), 8);
}

#[test]
fn pause_after_thirty_seconds_saves_thirty() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(1, 29, 3600, 0);
    let w = page.send(paused(30, 3600));
    assert_eq!(w.resume, Some(ResumeWrite::Set(30)));
    assert_eq!(w.state, None);
    assert_eq!(
        (page.state(), page.resume()),
        (WatchState::InProgress, Some(30))
    );
    // Nothing moved: pausing again or leaving writes nothing.
    let writes = page.session.writes();
    let again = paused(30, 3600);
    assert!(page.send(again).is_empty());
    assert!(page.send(leaving(30, 3600)).is_empty());
    assert_eq!(
        page.session.writes(),
        writes,
        "empty writes are not counted"
    );
}

#[test]
fn leaving_saves_where_the_student_was() {
    let mut page = Page::open(WatchState::InProgress, Some(1200));
    page.play(1200, 1222, 3600, 0);
    let w = page.send(leaving(1223, 3600));
    assert_eq!(w.resume, Some(ResumeWrite::Set(1223)));
    assert_eq!(page.resume(), Some(1223));
}

#[test]
fn a_periodic_save_needs_the_position_to_move() {
    let mut session = fresh();
    let tick = |pos, now_ms| playing(pos, 3600, now_ms);
    let s = WatchState::InProgress;
    assert_eq!(
        session.on(tick(100, NOW + 15_000), s).resume,
        Some(ResumeWrite::Set(100))
    );
    // Buffering: the clock runs, the position does not.
    assert_eq!(session.on(tick(100, NOW + 40_000), s).resume, None);
    // It moves again: saved at once, since the timer is long past.
    assert_eq!(
        session.on(tick(101, NOW + 41_000), s).resume,
        Some(ResumeWrite::Set(101))
    );
    // A seek backwards is a move too.
    assert_eq!(
        session.on(tick(20, NOW + 56_000), s).resume,
        Some(ResumeWrite::Set(20))
    );
}

#[test]
fn a_pause_restarts_the_save_timer() {
    let mut session = fresh();
    let s = WatchState::InProgress;
    let tick = |pos, now_ms| playing(pos, 3600, now_ms);
    assert!(session.on(tick(5, NOW + 14_000), s).is_empty());
    let paused = paused(6, 3600);
    assert_eq!(session.on(paused, s).resume, Some(ResumeWrite::Set(6)));
    // Resumed a second later: no second write right after the pause.
    assert!(session.on(tick(7, NOW + 16_000), s).is_empty());
    assert_eq!(
        session.on(tick(21, NOW + 29_000), s).resume,
        Some(ResumeWrite::Set(21))
    );
}

#[test]
fn a_clock_going_backwards_does_not_stop_saves() {
    let mut session = fresh();
    let s = WatchState::InProgress;
    let tick = |pos, now_ms| playing(pos, 3600, now_ms);
    assert!(session.on(tick(1, NOW - 3_600_000), s).is_empty());
    assert_eq!(
        session.on(tick(16, NOW - 3_600_000 + 15_000), s).resume,
        Some(ResumeWrite::Set(16)),
        "saved 15 s after the jump, not an hour later"
    );
}

#[test]
fn the_last_position_a_resume_time_can_hold_is_saved() {
    let mut session = fresh();
    let w = session.on(paused(MAX_RESUME_SECS, 0), WatchState::InProgress);
    assert_eq!(w.resume, Some(ResumeWrite::Set(MAX_RESUME_SECS)));
    // One past it is no reading at all (1e12 once cleared the position).
    let w = session.on(
        Event::Paused(Reading::from_raw(1e12, 0.0)),
        WatchState::InProgress,
    );
    assert!(w.is_empty());
}

#[test]
fn a_pause_near_the_end_clears_instead_of_saving() {
    // 2-minute video: 15 s before the end is still before 90 %.
    let mut page = Page::open(WatchState::InProgress, Some(30));
    let w = page.send(paused(106, 120));
    assert_eq!(
        w,
        Writes {
            resume: Some(ResumeWrite::Clear),
            state: None
        }
    );
    assert_eq!(
        (page.state(), page.resume()),
        (WatchState::InProgress, None)
    );
}

// ---- marks ---------------------------------------------------------------

#[test]
fn a_few_seconds_do_not_start_a_video() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 9, 3600, 0);
    assert!(page.send(leaving(9, 3600)).is_empty());
    assert_eq!((page.state(), page.resume()), (WatchState::Unwatched, None));
    assert_eq!(page.session.writes(), 0);
}

#[test]
fn playing_past_ten_seconds_marks_in_progress_once() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 9, 3600, 0);
    let w = page.send(playing(10, 3600, NOW + 11_000));
    assert_eq!(w.state, Some(WatchState::InProgress));
    page.play(11, 120, 3600, 11_000);
    assert_eq!(page.marks(), [WatchState::InProgress]);
    assert_eq!(page.state(), WatchState::InProgress);
}

#[test]
fn ninety_percent_marks_watched_and_clears() {
    let mut page = Page::open(WatchState::InProgress, Some(500));
    page.play(500, 539, 600, 0);
    assert_eq!(page.state(), WatchState::InProgress);
    let w = page.send(playing(540, 600, NOW + 41_000));
    assert_eq!(
        w,
        Writes {
            resume: Some(ResumeWrite::Clear),
            state: Some(WatchState::Watched)
        }
    );
    // The outro plays on, then the student leaves: nothing more to write.
    let before = page.session.writes();
    page.play(541, 580, 600, 41_000);
    assert!(page.send(leaving(581, 600)).is_empty());
    assert_eq!(page.session.writes(), before);
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
    assert_eq!(
        start_at(page.state(), page.resume()),
        0,
        "reopening starts over"
    );
}

#[test]
fn a_stale_state_after_finishing_still_keeps_no_position() {
    // The adapter (or another tab) reports in progress after the mark.
    let mut session = fresh();
    let finished = session.on(playing(95, 100, NOW + 1000), WatchState::InProgress);
    assert_eq!(finished.state, Some(WatchState::Watched));
    let later = session.on(playing(99, 100, NOW + 60_000), WatchState::InProgress);
    assert!(later.is_empty());
    let paused = paused(50, 100);
    assert!(session.on(paused, WatchState::InProgress).is_empty());
}

#[test]
fn the_end_marks_watched_and_clears() {
    let mut page = Page::open(WatchState::InProgress, Some(300));
    page.play(300, 400, 3600, 0);
    assert_eq!(page.resume(), Some(389), "saved every 15 ticks");
    let w = page.send(Event::Ended);
    assert_eq!(
        w,
        Writes {
            resume: Some(ResumeWrite::Clear),
            state: Some(WatchState::Watched)
        }
    );
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
    assert!(page.send(Event::Ended).is_empty());
    assert!(page.send(paused(3600, 3600)).is_empty());
}

#[test]
fn an_unknown_length_marks_watched_only_at_the_end() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 7200, 0, 0);
    assert_eq!(
        page.marks(),
        [WatchState::InProgress],
        "no 90 % without a length"
    );
    // Positions are still saved: the student can resume.
    assert_eq!(page.resume(), Some(7199));
    let w = page.send(Event::Ended);
    assert_eq!(w.state, Some(WatchState::Watched));
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
}

#[test]
fn rewatching_a_watched_video_never_marks_in_progress() {
    let mut page = Page::open(WatchState::Watched, None);
    assert_eq!(start_at(page.state(), page.resume()), 0);
    page.play(0, 600, 600, 0);
    page.send(paused(200, 600));
    page.send(leaving(200, 600));
    page.send(Event::Ended);
    assert_eq!(page.state(), WatchState::Watched);
    assert!(page.log.iter().all(Writes::is_empty), "{:?}", page.log);
    assert_eq!(page.session.writes(), 0);
}

#[test]
fn automatic_marks_never_downgrade() {
    let events = |duration| {
        let mut events: Vec<Event> = (0..=700)
            .map(|pos| playing(pos, duration, NOW + u64::from(pos) * 1000))
            .collect();
        events.push(paused(3, duration));
        events.push(Event::Ended);
        events.push(leaving(0, duration));
        events
    };
    for start in WatchState::ALL {
        for duration in [0, 100, 600, 3600] {
            let mut page = Page::open(start, None);
            let mut seen = page.state();
            for event in events(duration) {
                let w = page.send(event);
                if let Some(mark) = w.state {
                    assert!(mark > seen, "{start:?}/{duration}: {seen:?} → {mark:?}");
                }
                assert!(page.state() >= seen, "{start:?}/{duration}");
                seen = page.state();
            }
        }
    }
}

// ---- manual choices ------------------------------------------------------

#[test]
fn a_choice_holds_through_polls_saves_seeks_pauses_leaving_and_the_end() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 40, 600, 0);
    assert_eq!(page.state(), WatchState::InProgress);
    page.choose(WatchState::Unwatched);
    let marks = page.marks().len();
    // Buffering at 40 for a minute (four periodic saves due), a seek past
    // 90 % and a minute there, a pause, leaving, the end.
    for i in 1..=60 {
        page.send(playing(40, 600, NOW + 41_000 + i * 1000));
    }
    for i in 1..=60 {
        page.send(playing(560, 600, NOW + 101_000 + i * 1000));
    }
    page.send(paused(560, 600));
    page.send(leaving(560, 600));
    page.send(Event::Ended);
    assert_eq!(page.marks().len(), marks, "no automatic marks");
    assert_eq!(page.state(), WatchState::Unwatched);
    assert_eq!(page.resume(), None, "no position to turn it in progress");
}

#[test]
fn a_choice_made_in_another_tab_holds_until_the_student_plays_on_past_it() {
    // The tester's case: "not watched" picked in another tab while this
    // one plays was overwritten within three polls.
    let mut page = Page::open(WatchState::InProgress, Some(30));
    page.play(30, 40, 600, 0);
    page.choose_in_other_tab(WatchState::Unwatched);
    assert_eq!((page.state(), page.resume()), (WatchState::Unwatched, None));
    // 29 s of playing on past the choice (two periodic saves due).
    page.play(41, 69, 600, 11_000);
    assert_eq!((page.state(), page.resume()), (WatchState::Unwatched, None));
    // The 30th: the student is watching on, so playback marks again.
    let w = page.send(playing(70, 600, NOW + 41_000));
    assert_eq!(w.state, Some(WatchState::InProgress));
    assert_eq!(page.resume(), Some(70));
    page.play(71, 540, 600, 41_000);
    assert_eq!(page.state(), WatchState::Watched);
}

#[test]
fn seeking_past_a_choice_is_not_playing_on() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 40, 600, 0);
    page.choose_in_other_tab(WatchState::Unwatched);
    // One tick jumps from 40 to 545 (past 90 %): a seek, not playing.
    page.send(playing(545, 600, NOW + 42_000));
    // 29 s of playing from there: still held.
    page.play(546, 574, 600, 42_000);
    assert_eq!(page.state(), WatchState::Unwatched);
    assert_eq!(page.marks(), [WatchState::InProgress], "only the first one");
    // The 30th second of real playing past the choice.
    let w = page.send(playing(575, 600, NOW + 72_000));
    assert_eq!(w.state, Some(WatchState::Watched));
}

#[test]
fn a_choice_made_before_playing_holds_from_where_playing_starts() {
    let mut page = Page::open(WatchState::Unwatched, None);
    // Picked after the page opened, before the first event.
    page.choose_in_other_tab(WatchState::InProgress);
    page.play(530, 559, 600, 0);
    assert_eq!(page.state(), WatchState::InProgress, "held past 90 %");
    assert_eq!(
        page.resume(),
        Some(559),
        "an in-progress choice keeps a place"
    );
    let w = page.send(playing(560, 600, NOW + 31_000));
    assert_eq!(w.state, Some(WatchState::Watched));
}

#[test]
fn a_typed_resume_time_survives_periodic_saves_until_playback_passes_it() {
    let mut page = Page::open(WatchState::InProgress, Some(100));
    page.play(100, 130, 3600, 0);
    assert_eq!(page.resume(), Some(129));
    page.type_resume(Some(2050));
    // A minute more of playing before it: four saves were due.
    page.play(131, 190, 3600, 31_000);
    assert_eq!(page.resume(), Some(2050));
    assert!(page.send(paused(190, 3600)).is_empty());
    assert!(page.send(leaving(190, 3600)).is_empty());
    assert_eq!(page.resume(), Some(2050));
    // The student seeks there and plays on: 29 s past it, then 30.
    page.play(2050, 2079, 3600, 100_000);
    assert_eq!(page.resume(), Some(2050));
    let w = page.send(playing(2080, 3600, NOW + 200_000));
    assert_eq!(w.resume, Some(ResumeWrite::Set(2080)));
}

#[test]
fn playing_at_twice_the_speed_counts_its_real_time() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 40, 3600, 0);
    page.choose(WatchState::Unwatched);
    // Two seconds of video a second: 29 ticks are 29 s of playing.
    for i in 1..=29 {
        page.send(playing(
            40 + 2 * i,
            3600,
            NOW + 41_000 + u64::from(i) * 1000,
        ));
    }
    assert_eq!(page.state(), WatchState::Unwatched);
    let w = page.send(playing(100, 3600, NOW + 71_000));
    assert_eq!(w.state, Some(WatchState::InProgress));
}

#[test]
fn a_typed_time_behind_the_player_stands_until_the_student_plays_on() {
    let mut page = Page::open(WatchState::InProgress, Some(300));
    page.play(300, 320, 3600, 0);
    page.type_resume(Some(60));
    page.play(321, 349, 3600, 21_000);
    assert_eq!(page.resume(), Some(60));
    page.play(350, 351, 3600, 50_000);
    assert_eq!(page.resume(), Some(350), "30 s past where it was typed");
}

#[test]
fn a_cleared_resume_time_is_not_written_back_by_a_pause() {
    let mut page = Page::open(WatchState::InProgress, Some(300));
    page.play(300, 320, 3600, 0);
    page.type_resume(None);
    assert!(page.send(paused(322, 3600)).is_empty());
    assert!(page.send(leaving(324, 3600)).is_empty());
    assert_eq!(page.resume(), None);
}

#[test]
fn the_session_does_not_hold_its_own_writes() {
    // Its own mark and saves are not choices: marking goes on as usual.
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 545, 600, 0);
    assert_eq!(page.marks(), [WatchState::InProgress, WatchState::Watched]);
}

#[test]
fn manual_watched_keeps_its_state_and_writes_no_positions() {
    let mut page = Page::open(WatchState::InProgress, Some(100));
    page.play(100, 130, 3600, 0);
    page.choose(WatchState::Watched);
    let writes = page.session.writes();
    page.play(131, 400, 3600, 31_000);
    page.send(leaving(400, 3600));
    assert_eq!(page.session.writes(), writes);
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
}

#[test]
fn manual_in_progress_after_finishing_keeps_a_place_again() {
    let mut page = Page::open(WatchState::InProgress, None);
    page.play(530, 545, 600, 0);
    assert_eq!(page.state(), WatchState::Watched);
    page.choose(WatchState::InProgress);
    page.play(200, 230, 600, 20_000);
    assert_eq!(page.state(), WatchState::InProgress, "no re-mark");
    page.play(540, 560, 600, 60_000);
    assert_eq!(
        page.state(),
        WatchState::InProgress,
        "manual wins at 90 % too"
    );
    let w = page.send(paused(561, 600));
    assert_eq!(w.resume, Some(ResumeWrite::Set(561)));
}

/// Plays video A (600 s) to its end from `from`: marked watched, position
/// cleared, the player stopped at the end.
fn finished_page(from: u32) -> Page {
    let mut page = Page::open(WatchState::InProgress, None);
    page.play(from, 599, 600, 0);
    page.send(Event::Ended);
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
    page
}

#[test]
fn unwatched_after_finishing_then_rewatching_from_the_start_marks_and_saves_again() {
    // The reviewer's case: held at 599 of 600, nothing could get 30 s
    // past it, so the whole rewatch was neither marked nor saved.
    let mut page = finished_page(0);
    page.choose(WatchState::Unwatched);
    // The student plays again from 0 and leaves after five minutes.
    page.play(0, 29, 600, 700_000);
    assert_eq!(page.state(), WatchState::Unwatched, "held for 29 s");
    let w = page.send(playing(30, 600, NOW + 731_000));
    assert_eq!(w.state, Some(WatchState::InProgress), "30 s of playing on");
    page.play(31, 300, 600, 731_000);
    page.send(leaving(300, 600));
    assert_eq!(
        (page.state(), page.resume()),
        (WatchState::InProgress, Some(300))
    );
    // Back to it: played on to 90 %, marked watched again.
    page.play(301, 545, 600, 1_100_000);
    assert_eq!(
        page.marks(),
        [
            WatchState::Watched,
            WatchState::InProgress,
            WatchState::Watched
        ]
    );
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
}

#[test]
fn in_progress_picked_at_the_end_is_released_by_playing_to_the_end() {
    let mut page = finished_page(500);
    page.choose(WatchState::InProgress);
    // Rewatched whole: places are kept (a held "in progress" may keep
    // one), no mark at 90 %: the hold stands at 570, 30 s before the end.
    page.play(0, 599, 600, 200_000);
    assert_eq!(page.state(), WatchState::InProgress);
    assert_eq!(page.resume(), Some(585), "saved every 15 s");
    let w = page.send(Event::Ended);
    assert_eq!(w.state, Some(WatchState::Watched), "played on to the end");
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
}

#[test]
fn a_typed_time_in_the_last_thirty_seconds_or_past_the_end_is_released_by_playing_to_the_end() {
    // The resume field takes up to 99:59:59 for any video.
    for typed in [575, 590, 600, 9999] {
        let mut page = finished_page(500);
        page.choose(WatchState::InProgress);
        page.type_resume(Some(typed));
        page.play(0, 599, 600, 200_000);
        assert_eq!(page.resume(), Some(typed), "{typed}: stands while played");
        assert_eq!(page.state(), WatchState::InProgress);
        page.send(Event::Ended);
        assert_eq!(
            (page.state(), page.resume()),
            (WatchState::Watched, None),
            "{typed}: the end marks and clears"
        );
    }
}

#[test]
fn a_choice_in_the_last_seconds_survives_the_end() {
    // Rewatching a watched video; at 590 another tab picks "not watched";
    // 9 s later this one ends. Not playing on: the choice stands.
    let mut page = Page::open(WatchState::Watched, None);
    page.play(560, 590, 600, 0);
    page.choose_in_other_tab(WatchState::Unwatched);
    page.play(591, 599, 600, 31_000);
    assert_eq!(page.send(Event::Ended).state, None);
    assert_eq!((page.state(), page.resume()), (WatchState::Unwatched, None));
}

#[test]
fn a_choice_on_a_video_shorter_than_the_hold_is_released_by_playing_it_through() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.choose(WatchState::InProgress);
    page.play(0, 19, 20, 0);
    assert_eq!(page.state(), WatchState::InProgress);
    let w = page.send(Event::Ended);
    assert_eq!(w.state, Some(WatchState::Watched));
}

// ---- next lecture --------------------------------------------------------

fn study_with(list: &[&str], states: &[(&str, WatchState)]) -> StudyState {
    let mut study = StudyState::default();
    let videos: Vec<VideoId> = list.iter().map(|s| id(s)).collect();
    study
        .create_playlist_with(PlaylistId::parse("p1").unwrap(), "Week 1", &videos, NOW)
        .unwrap();
    for &(video, state) in states {
        study.set_watch_state(&id(video), state, NOW);
    }
    study
}

fn next_of(study: &StudyState, current: &str, from_list: bool) -> Option<(String, NextFrom)> {
    let c = catalogue();
    let list = from_list.then(|| study.playlist("p1").unwrap());
    next_lecture(&c, current, list, study.progress()).map(|n| (n.video.id.to_string(), n.from))
}

#[test]
fn next_in_playlist_skips_watched_and_unknown_ids() {
    let study = study_with(&[D, A, Z, C, B], &[(A, WatchState::Watched)]);
    assert_eq!(
        next_of(&study, D, true),
        Some((C.to_string(), NextFrom::Playlist))
    );
    // In progress is not done: it is offered.
    let study = study_with(&[D, A, C], &[(A, WatchState::InProgress)]);
    assert_eq!(
        next_of(&study, D, true),
        Some((A.to_string(), NextFrom::Playlist))
    );
}

#[test]
fn next_in_playlist_skips_the_current_video_again() {
    let study = study_with(&[A, B, A, C], &[(B, WatchState::Watched)]);
    assert_eq!(
        next_of(&study, A, true),
        Some((C.to_string(), NextFrom::Playlist))
    );
}

#[test]
fn an_unknown_current_video_can_still_move_on_in_its_playlist() {
    let study = study_with(&[Z, D], &[]);
    assert_eq!(
        next_of(&study, Z, true),
        Some((D.to_string(), NextFrom::Playlist))
    );
    assert_eq!(next_of(&study, Z, false), None, "no series to fall back on");
}

#[test]
fn next_falls_back_to_series_order() {
    // Nothing unwatched after A in the list: the series' next lecture, B,
    // even though it is watched.
    let study = study_with(&[C, A, B, Z], &[(B, WatchState::Watched)]);
    assert_eq!(
        next_of(&study, A, true),
        Some((B.to_string(), NextFrom::Series))
    );
    // Not opened from a playlist: lecture order (A, B, C), not upload order.
    assert_eq!(
        next_of(&study, A, false),
        Some((B.to_string(), NextFrom::Series))
    );
    assert_eq!(
        next_of(&study, B, false),
        Some((C.to_string(), NextFrom::Series))
    );
    // A playlist that does not hold the video is not being played.
    let other = study_with(&[D], &[]);
    assert_eq!(
        next_of(&other, B, true),
        Some((C.to_string(), NextFrom::Series))
    );
}

#[test]
fn no_next_at_the_end() {
    let study = study_with(&[A, C], &[]);
    assert_eq!(next_of(&study, C, true), None, "last lecture, last entry");
    assert_eq!(next_of(&study, D, false), None, "a one-video series");
}

// ---- one rule for next, previous and back --------------------------------

/// (previous, next, back) of `current` in playlist p1 or the catalogue.
fn around(
    study: &StudyState,
    current: &str,
    from_list: bool,
) -> (Option<String>, Option<String>, Back) {
    use crate::neighbours::{in_context, LectureContext};
    let c = catalogue();
    let context = match from_list {
        true => LectureContext::Playlist(study.playlist("p1").unwrap()),
        false => LectureContext::Catalogue,
    };
    let n = in_context(context, &c, current, study.progress());
    (
        n.previous.map(|v| v.id.to_string()),
        n.next.map(|n| n.video.id.to_string()),
        n.back,
    )
}

use crate::neighbours::Back;

#[test]
fn a_playlist_decides_previous_next_and_back() {
    let p1 = Back::Playlist(PlaylistId::parse("p1").unwrap());
    // The playlist's order, not the course's (A, B, C): previous is the entry
    // before, watched or not; next skips watched entries and unknown ids.
    let study = study_with(&[C, Z, A, B, D], &[(B, WatchState::Watched)]);
    assert_eq!(
        around(&study, A, true),
        (Some(C.into()), Some(D.into()), p1.clone())
    );
    // The countdown names the same next.
    assert_eq!(next_of(&study, A, true).map(|n| n.0), Some(D.into()));
    // The first entry has no previous in the playlist.
    assert_eq!(around(&study, C, true).0, None);
    // Nothing unwatched after it: the course's next, and back is still the playlist.
    assert_eq!(around(&study, D, true), (Some(B.into()), None, p1.clone()));
    // A playlist that does not hold the video: the course's neighbours, back to the playlist.
    let other = study_with(&[D], &[]);
    assert_eq!(
        around(&other, B, true),
        (Some(A.into()), Some(C.into()), p1)
    );
}

#[test]
fn the_catalogue_gives_the_courses_neighbours_and_back_to_the_catalogue() {
    let study = study_with(&[C, A], &[(B, WatchState::Watched)]);
    assert_eq!(
        around(&study, B, false),
        (Some(A.into()), Some(C.into()), Back::Catalogue)
    );
    assert_eq!(
        around(&study, A, false),
        (None, Some(B.into()), Back::Catalogue)
    );
    assert_eq!(around(&study, Z, false), (None, None, Back::Catalogue));
}

// ---- time codes in notes -------------------------------------------------

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn inserts_a_time_code_with_spaces_around_it() {
    assert_eq!(insert_time("", 0, 75), ("1:15 ".into(), 5));
    assert_eq!(insert_time("abc", 3, 75), ("abc 1:15 ".into(), 9));
    assert_eq!(insert_time("abc def", 4, 75), ("abc 1:15 def".into(), 9));
    assert_eq!(insert_time("note", 0, 75), ("1:15 note".into(), 5));
    assert_eq!(insert_time("line\n", 5, 75), ("line\n1:15 ".into(), 10));
    assert_eq!(insert_time("a", 1, 3723), ("a 1:02:03 ".into(), 10));
    assert_eq!(insert_time("a", 1, 754), ("a 12:34 ".into(), 8));
    assert_eq!(
        insert_time("", 0, u32::MAX),
        ("99:59:59 ".into(), 9),
        "capped to a code the linker reads"
    );
}

#[test]
fn the_cursor_counts_utf16_units() {
    // 😀 is two UTF-16 units; 筆記 one each.
    let (text, cursor) = insert_time("a😀b", 3, 75);
    assert_eq!((text.as_str(), cursor), ("a😀 1:15 b", 9));
    let (text, cursor) = insert_time("筆記", 2, 75);
    assert_eq!((text.as_str(), cursor), ("筆記 1:15 ", 8));
    let (text, cursor) = insert_time("筆記", 1, 75);
    assert_eq!((text.as_str(), cursor), ("筆 1:15 記", 7));
    assert_eq!(
        &text.encode_utf16().collect::<Vec<_>>()[..cursor],
        "筆 1:15 ".encode_utf16().collect::<Vec<_>>()
    );
}

#[test]
fn a_cursor_inside_a_surrogate_pair_goes_before_it() {
    let (text, cursor) = insert_time("a😀b", 2, 75);
    assert_eq!((text.as_str(), cursor), ("a 1:15 😀b", 7));
}

#[test]
fn a_cursor_past_the_end_appends() {
    assert_eq!(insert_time("abc", 999, 75), ("abc 1:15 ".into(), 9));
    assert_eq!(insert_time("😀", usize::MAX, 75), ("😀 1:15 ".into(), 8));
}

#[test]
fn the_inserted_code_is_linked_in_the_note() {
    let (text, _) = insert_time("在講", 1, 754);
    let times: Vec<u32> = segments(&text)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Time { secs, .. } => Some(secs),
            Segment::Text(_) => None,
        })
        .collect();
    assert_eq!(times, [754]);
}

#[test]
fn an_insertion_past_the_note_limit_changes_nothing() {
    // " 1:15 " is 6 characters; CJK, so characters, not bytes, count.
    let fits = "字".repeat(MAX_NOTE_CHARS - 6);
    let (text, cursor) = insert_time(&fits, usize::MAX, 75);
    assert_eq!(text.chars().count(), MAX_NOTE_CHARS);
    assert_eq!(cursor, utf16_len(&text));
    let full = "字".repeat(MAX_NOTE_CHARS - 5);
    assert_eq!(
        insert_time(&full, 2, 75),
        (full.clone(), 2),
        "unchanged, cursor kept"
    );
    assert_eq!(
        insert_time(&full, usize::MAX, 75),
        (full.clone(), MAX_NOTE_CHARS - 5),
        "cursor clamped to the end"
    );
    // At the start no space goes before: 5 characters fit.
    assert_eq!(insert_time(&full, 0, 75).0.chars().count(), MAX_NOTE_CHARS);
}

proptest! {
    #[test]
    fn insert_time_never_panics_and_keeps_the_rest(
        tail in "\\PC{0,40}",
        pad in prop_oneof![Just(0usize), MAX_NOTE_CHARS - 50..MAX_NOTE_CHARS + 2],
        cursor in 0usize..60,
        secs in any::<u32>(),
    ) {
        let note = format!("{}{tail}", "x".repeat(pad));
        let cursor = pad + cursor;
        let (text, after) = insert_time(&note, cursor, secs);
        // Independently, in UTF-16: clamp, then step off a low surrogate.
        let all: Vec<u16> = note.encode_utf16().collect();
        let mut units = cursor.min(all.len());
        if all.get(units).is_some_and(|u| (0xDC00..0xE000).contains(u)) {
            units -= 1;
        }
        let at = String::from_utf16(&all[..units]).unwrap().len();
        let sep = match note[..at].chars().next_back() {
            Some(c) if !c.is_whitespace() => " ",
            _ => "",
        };
        let code = format_time(secs.min(MAX_RESUME_SECS));
        let expected = format!("{}{sep}{code} {}", &note[..at], &note[at..]);
        if expected.chars().count() > MAX_NOTE_CHARS {
            prop_assert_eq!((text, after), (note, units));
        } else {
            prop_assert_eq!(text, expected);
            prop_assert_eq!(after, units + sep.len() + code.len() + 1);
        }
    }
}
