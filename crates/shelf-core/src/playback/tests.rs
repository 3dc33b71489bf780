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

/// A video page: a session plus the real study state its writes go to, the
/// way the app's adapter applies them.
struct Page {
    study: StudyState,
    video: VideoId,
    session: Session,
    log: Vec<Writes>,
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
        Page {
            study,
            video,
            session: Session::new(NOW),
            log: Vec::new(),
        }
    }

    fn state(&self) -> WatchState {
        self.study.watch_state(&self.video)
    }

    fn resume(&self) -> Option<u32> {
        self.study.resume_secs(&self.video)
    }

    fn send(&mut self, event: Event) -> Writes {
        let writes = self.session.on(event, self.state());
        if let Some(resume) = writes.resume {
            let secs = match resume {
                ResumeWrite::Set(s) => Some(s),
                ResumeWrite::Clear => None,
            };
            self.study.set_resume(&self.video, secs, NOW);
        }
        if let Some(state) = writes.state {
            self.study.set_watch_state(&self.video, state, NOW);
        }
        self.log.push(writes);
        writes
    }

    /// Plays positions `from..=to`, one tick a second (tick `pos` at
    /// `NOW + (pos - from + 1) s` plus `offset_ms`).
    fn play(&mut self, from: u32, to: u32, duration: u32, offset_ms: u64) {
        for pos in from..=to {
            let now_ms = NOW + offset_ms + u64::from(pos - from + 1) * 1000;
            self.send(Event::Playing {
                pos,
                duration,
                now_ms,
            });
        }
    }

    /// The student picks a state by hand, as the app does it.
    fn choose(&mut self, state: WatchState) {
        self.study.set_watch_state(&self.video, state, NOW);
        assert!(self.send(Event::ManualChange).is_empty());
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
    assert!(restart_near_end(590, 600));
    assert!(restart_near_end(585, 600));
    assert!(!restart_near_end(584, 600));
    assert!(restart_near_end(700, 600), "past the end");
    assert!(!restart_near_end(0, 10), "already at the start");
    assert!(!restart_near_end(590, 0), "duration unknown");
    assert!(restart_near_end(u32::MAX, u32::MAX), "no overflow");
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
    let mut session = Session::new(NOW);
    let mut saved_at = Vec::new();
    // Ticks 300 ms apart (a busy poller) for two minutes.
    for i in 1..=400u64 {
        let now_ms = NOW + i * 300;
        let w = session.on(
            Event::Playing {
                pos: (i * 300 / 1000) as u32,
                duration: 3600,
                now_ms,
            },
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
    let w = page.send(Event::Paused {
        pos: 30,
        duration: 3600,
    });
    assert_eq!(w.resume, Some(ResumeWrite::Set(30)));
    assert_eq!(w.state, None);
    assert_eq!(
        (page.state(), page.resume()),
        (WatchState::InProgress, Some(30))
    );
    // Nothing moved: pausing again or leaving writes nothing.
    let writes = page.session.writes();
    let again = Event::Paused {
        pos: 30,
        duration: 3600,
    };
    assert!(page.send(again).is_empty());
    assert!(page
        .send(Event::Leaving {
            pos: 30,
            duration: 3600
        })
        .is_empty());
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
    let w = page.send(Event::Leaving {
        pos: 1223,
        duration: 3600,
    });
    assert_eq!(w.resume, Some(ResumeWrite::Set(1223)));
    assert_eq!(page.resume(), Some(1223));
}

#[test]
fn a_periodic_save_needs_the_position_to_move() {
    let mut session = Session::new(NOW);
    let tick = |pos, now_ms| Event::Playing {
        pos,
        duration: 3600,
        now_ms,
    };
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
    let mut session = Session::new(NOW);
    let s = WatchState::InProgress;
    let tick = |pos, now_ms| Event::Playing {
        pos,
        duration: 3600,
        now_ms,
    };
    assert!(session.on(tick(5, NOW + 14_000), s).is_empty());
    let paused = Event::Paused {
        pos: 6,
        duration: 3600,
    };
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
    let mut session = Session::new(NOW);
    let s = WatchState::InProgress;
    let tick = |pos, now_ms| Event::Playing {
        pos,
        duration: 3600,
        now_ms,
    };
    assert!(session.on(tick(1, NOW - 3_600_000), s).is_empty());
    assert_eq!(
        session.on(tick(16, NOW - 3_600_000 + 15_000), s).resume,
        Some(ResumeWrite::Set(16)),
        "saved 15 s after the jump, not an hour later"
    );
}

#[test]
fn positions_are_capped_like_the_core_caps_them() {
    let mut session = Session::new(NOW);
    let w = session.on(
        Event::Paused {
            pos: u32::MAX - 1,
            duration: 0,
        },
        WatchState::InProgress,
    );
    assert_eq!(w.resume, Some(ResumeWrite::Set(MAX_RESUME_SECS)));
}

#[test]
fn a_pause_near_the_end_clears_instead_of_saving() {
    // 2-minute video: 15 s before the end is still before 90 %.
    let mut page = Page::open(WatchState::InProgress, Some(30));
    let w = page.send(Event::Paused {
        pos: 106,
        duration: 120,
    });
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
    assert!(page
        .send(Event::Leaving {
            pos: 9,
            duration: 3600
        })
        .is_empty());
    assert_eq!((page.state(), page.resume()), (WatchState::Unwatched, None));
    assert_eq!(page.session.writes(), 0);
}

#[test]
fn playing_past_ten_seconds_marks_in_progress_once() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 9, 3600, 0);
    let w = page.send(Event::Playing {
        pos: 10,
        duration: 3600,
        now_ms: NOW + 11_000,
    });
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
    let w = page.send(Event::Playing {
        pos: 540,
        duration: 600,
        now_ms: NOW + 41_000,
    });
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
    assert!(page
        .send(Event::Leaving {
            pos: 581,
            duration: 600
        })
        .is_empty());
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
    let mut session = Session::new(NOW);
    let finished = session.on(
        Event::Playing {
            pos: 95,
            duration: 100,
            now_ms: NOW + 1000,
        },
        WatchState::InProgress,
    );
    assert_eq!(finished.state, Some(WatchState::Watched));
    let later = session.on(
        Event::Playing {
            pos: 99,
            duration: 100,
            now_ms: NOW + 60_000,
        },
        WatchState::InProgress,
    );
    assert!(later.is_empty());
    let paused = Event::Paused {
        pos: 50,
        duration: 100,
    };
    assert!(session.on(paused, WatchState::InProgress).is_empty());
}

#[test]
fn the_end_marks_watched_and_clears() {
    let mut page = Page::open(WatchState::InProgress, Some(300));
    page.play(300, 400, 3600, 0);
    assert_eq!(page.resume(), Some(389), "saved every 15 ticks");
    let w = page.send(Event::Ended { duration: 3600 });
    assert_eq!(
        w,
        Writes {
            resume: Some(ResumeWrite::Clear),
            state: Some(WatchState::Watched)
        }
    );
    assert_eq!((page.state(), page.resume()), (WatchState::Watched, None));
    assert!(page.send(Event::Ended { duration: 3600 }).is_empty());
    assert!(page
        .send(Event::Paused {
            pos: 3600,
            duration: 3600
        })
        .is_empty());
}

#[test]
fn an_unknown_duration_never_marks_watched() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 7200, 0, 0);
    assert!(page.send(Event::Ended { duration: 0 }).is_empty());
    assert_eq!(page.marks(), [WatchState::InProgress]);
    assert_eq!(page.state(), WatchState::InProgress);
    // Positions are still saved: the student can resume.
    assert_eq!(page.resume(), Some(7199));
}

#[test]
fn rewatching_a_watched_video_never_marks_in_progress() {
    let mut page = Page::open(WatchState::Watched, None);
    assert_eq!(start_at(page.state(), page.resume()), 0);
    page.play(0, 600, 600, 0);
    page.send(Event::Paused {
        pos: 200,
        duration: 600,
    });
    page.send(Event::Leaving {
        pos: 200,
        duration: 600,
    });
    page.send(Event::Ended { duration: 600 });
    assert_eq!(page.state(), WatchState::Watched);
    assert!(page.log.iter().all(Writes::is_empty), "{:?}", page.log);
    assert_eq!(page.session.writes(), 0);
}

#[test]
fn automatic_marks_never_downgrade() {
    let events = |duration| {
        let mut events: Vec<Event> = (0..=700)
            .map(|pos| Event::Playing {
                pos,
                duration,
                now_ms: NOW + u64::from(pos) * 1000,
            })
            .collect();
        events.push(Event::Paused { pos: 3, duration });
        events.push(Event::Ended { duration });
        events.push(Event::Leaving { pos: 0, duration });
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
fn manual_unwatched_during_playback_is_not_overridden() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.play(0, 40, 600, 0);
    assert_eq!(page.state(), WatchState::InProgress);
    page.choose(WatchState::Unwatched);
    let marks = page.marks().len();
    // Plays on past 90 %, pauses, leaves, reaches the end.
    page.play(41, 599, 600, 41_000);
    page.send(Event::Paused {
        pos: 300,
        duration: 600,
    });
    page.send(Event::Leaving {
        pos: 300,
        duration: 600,
    });
    page.send(Event::Ended { duration: 600 });
    assert_eq!(page.marks().len(), marks, "no automatic marks after");
    assert_eq!(page.state(), WatchState::Unwatched);
    assert_eq!(page.resume(), None, "no position to turn it in progress");
}

#[test]
fn manual_in_progress_keeps_saving_positions_but_never_marks_watched() {
    let mut page = Page::open(WatchState::Unwatched, None);
    page.choose(WatchState::InProgress);
    page.play(0, 599, 600, 0);
    assert_eq!(page.marks(), []);
    assert_eq!(page.resume(), Some(599));
    let w = page.send(Event::Paused {
        pos: 500,
        duration: 600,
    });
    assert_eq!(w.resume, Some(ResumeWrite::Set(500)));
    // The end: no mark, but a position at the very end is worth nothing.
    let w = page.send(Event::Ended { duration: 600 });
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

#[test]
fn manual_watched_keeps_its_state_and_writes_no_positions() {
    let mut page = Page::open(WatchState::InProgress, Some(100));
    page.play(100, 130, 3600, 0);
    page.choose(WatchState::Watched);
    let writes = page.session.writes();
    page.play(131, 400, 3600, 31_000);
    page.send(Event::Leaving {
        pos: 400,
        duration: 3600,
    });
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
    let w = page.send(Event::Paused {
        pos: 561,
        duration: 600,
    });
    assert_eq!(w.resume, Some(ResumeWrite::Set(561)));
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
