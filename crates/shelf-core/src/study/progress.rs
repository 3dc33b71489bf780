//! Per-video watch progress and the counts and links built from it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::lww::{Lww, Merge};
use super::stamp::{Clock, Stamp};
use crate::catalogue::{Catalogue, Video};
use crate::ids::VideoId;
use crate::watch::WatchState;

/// Progress by video id.
pub type ProgressMap = BTreeMap<VideoId, Progress>;

pub use super::limits::MAX_RESUME_SECS;

/// Where a student is in one video. The watch state and the resume
/// position are separate registers: a position saved in one tab and
/// "watched" clicked in another both survive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    state: Lww<WatchState>,
    /// Seconds from the start (34:10 → 2050).
    resume: Lww<Option<u32>>,
}

impl Progress {
    pub fn state(&self) -> WatchState {
        *self.state.get()
    }

    pub fn resume_secs(&self) -> Option<u32> {
        *self.resume.get()
    }

    /// The stamp of the edit that wrote the watch state: the player tells
    /// its own marks from a choice made since, in any tab.
    pub fn state_at(&self) -> Stamp {
        self.state.at()
    }

    /// The stamp of the edit that wrote the resume position (as above).
    pub fn resume_at(&self) -> Stamp {
        self.resume.at()
    }

    /// Sets the watch state. Watched and unwatched drop the resume position:
    /// a finished or reset video starts from the beginning.
    /// Returns false when nothing changed (and nothing is stamped, so a
    /// no-op never wins a merge against a real edit elsewhere).
    pub fn set_state(&mut self, state: WatchState, clock: &mut Clock, now_ms: u64) -> bool {
        let changed = self.state.set(state, clock, now_ms);
        let cleared = match state {
            WatchState::InProgress => false,
            WatchState::Unwatched | WatchState::Watched => self.resume.set(None, clock, now_ms),
        };
        changed || cleared
    }

    /// Sets or clears the resume position (capped at [`MAX_RESUME_SECS`]).
    /// A position on an unwatched video means it was started, so it
    /// becomes in progress; a watched video stays watched (rewatching).
    pub fn set_resume(&mut self, secs: Option<u32>, clock: &mut Clock, now_ms: u64) -> bool {
        let secs = secs.map(|s| s.min(MAX_RESUME_SECS));
        let moved = self.resume.set(secs, clock, now_ms);
        let started = secs.is_some()
            && self.state() == WatchState::Unwatched
            && self.state.set(WatchState::InProgress, clock, now_ms);
        moved || started
    }

    /// False for data no app version writes.
    pub(super) fn is_valid(&self) -> bool {
        self.resume_secs().is_none_or(|s| s <= MAX_RESUME_SECS)
    }
}

impl Merge for Progress {
    fn merge(&self, other: &Self) -> Self {
        Progress {
            state: self.state.merge(&other.state),
            resume: self.resume.merge(&other.resume),
        }
    }

    fn clamp_stamps(&mut self, now_ms: u64) {
        self.state.clamp_stamps(now_ms);
        self.resume.clamp_stamps(now_ms);
    }

    fn latest(&self) -> Stamp {
        self.state.at().max(self.resume.at())
    }
}

impl Progress {
    /// A migrated item: both registers written by one old edit.
    pub(super) fn legacy(state: WatchState, resume_secs: Option<u32>, at: Stamp) -> Progress {
        Progress {
            state: Lww::new(state, at),
            resume: Lww::new(resume_secs, at),
        }
    }
}

/// The watch state recorded for a video, unwatched when none is.
pub fn watch_state(progress: &ProgressMap, video_id: &str) -> WatchState {
    progress
        .get(video_id)
        .map(Progress::state)
        .unwrap_or_default()
}

/// Counts for a progress bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub watched: usize,
    pub in_progress: usize,
    pub total: usize,
}

impl Tally {
    /// Counts the given video ids (callers pass each id once).
    pub fn of<'a>(progress: &ProgressMap, ids: impl IntoIterator<Item = &'a str>) -> Tally {
        ids.into_iter().fold(Tally::default(), |mut tally, id| {
            match watch_state(progress, id) {
                WatchState::Watched => tally.watched += 1,
                WatchState::InProgress => tally.in_progress += 1,
                WatchState::Unwatched => {}
            }
            tally.total += 1;
            tally
        })
    }

    /// Whole percent watched, rounded down so 100 means really finished.
    pub fn percent(&self) -> u8 {
        match self.total {
            0 => 0,
            // u64: no overflow even for absurd counts on 32-bit wasm.
            total => (self.watched.min(total) as u64 * 100 / total as u64) as u8,
        }
    }

    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.watched >= self.total
    }
}

/// Watched of total for one series.
pub fn series_tally(catalogue: &Catalogue, progress: &ProgressMap, series_id: &str) -> Tally {
    let ids = catalogue
        .videos
        .iter()
        .filter(|v| v.series == series_id)
        .map(|v| v.id.as_str());
    Tally::of(progress, ids)
}

/// Watched of total over the whole catalogue; progress recorded for videos
/// the catalogue no longer lists is not counted.
pub fn overall_tally(catalogue: &Catalogue, progress: &ProgressMap) -> Tally {
    Tally::of(progress, catalogue.videos.iter().map(|v| v.id.as_str()))
}

/// "Continue this series": the first video in lecture order not yet
/// watched, or `None` when the series is finished (or unknown).
pub fn continue_series<'a>(
    catalogue: &'a Catalogue,
    progress: &ProgressMap,
    series_id: &str,
) -> Option<&'a Video> {
    // Same order as `Catalogue::series_videos` (ties: catalogue order), but
    // without tying the result's lifetime to `series_id`.
    catalogue
        .videos
        .iter()
        .filter(|v| v.series == series_id)
        .filter(|v| watch_state(progress, &v.id) != WatchState::Watched)
        .min_by_key(|v| v.order)
}

/// The YouTube link for a video, starting at `start_secs` when given.
pub fn watch_url(video_id: &str, start_secs: Option<u32>) -> String {
    match start_secs {
        Some(secs) if secs > 0 => {
            format!("https://www.youtube.com/watch?v={video_id}&t={secs}s")
        }
        _ => format!("https://www.youtube.com/watch?v={video_id}"),
    }
}

/// The YouTube link that resumes where the student stopped, if anywhere.
pub fn resume_url(progress: &ProgressMap, video_id: &str) -> String {
    watch_url(
        video_id,
        progress.get(video_id).and_then(Progress::resume_secs),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalogue::{Lang, Series, SeriesKind, CATALOGUE_FORMAT};

    /// A small catalogue: series "s1" with lectures A, B, C (listed out of
    /// lecture order) and series "s2" with D.
    pub(crate) fn catalogue() -> Catalogue {
        let series = |id: &str| Series {
            id: id.into(),
            name_zh: format!("{id} 課程"),
            name_en: format!("{id} course"),
            year: None,
            lang: Lang::Zh,
            kind: SeriesKind::Course,
            counterpart: None,
        };
        let video = |number: u32, id: &str, series: &str, order: u32| Video {
            number,
            id: VideoId::parse(id).unwrap(),
            title: format!("Lecture {order} [{id}]"),
            date: None,
            year: None,
            year_estimated: false,
            series: series.into(),
            lecture: Some(order),
            part: None,
            order,
            lang: Lang::Zh,
            summary: None,
        };
        Catalogue {
            format: CATALOGUE_FORMAT,
            series: vec![series("s1"), series("s2")],
            videos: vec![
                video(1, "CCCCCCCCCCC", "s1", 3),
                video(2, "AAAAAAAAAAA", "s1", 1),
                video(3, "BBBBBBBBBBB", "s1", 2),
                video(4, "DDDDDDDDDDD", "s2", 1),
            ],
        }
    }

    pub(crate) fn with(entries: &[(&str, WatchState)]) -> ProgressMap {
        entries
            .iter()
            .map(|&(id, state)| {
                (
                    VideoId::parse(id).expect("test ids are well-formed"),
                    Progress::legacy(state, None, Stamp::legacy(1, 0)),
                )
            })
            .collect()
    }

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn state_changes_stamp_and_clear_resume() {
        let mut clock = Clock::new(crate::study::stamp::DeviceId::from_random(1));
        let mut p = Progress::default();
        assert!(p.set_resume(Some(2050), &mut clock, NOW));
        assert_eq!(
            (p.state(), p.resume_secs()),
            (WatchState::InProgress, Some(2050))
        );
        let stamp = p.latest();
        assert!(
            !p.set_resume(Some(2050), &mut clock, NOW),
            "same position is no change"
        );
        assert_eq!(p.latest(), stamp);
        assert!(p.set_state(WatchState::Watched, &mut clock, NOW));
        assert_eq!((p.state(), p.resume_secs()), (WatchState::Watched, None));
        assert!(
            p.set_resume(Some(60), &mut clock, NOW - 5),
            "clock went backwards"
        );
        assert_eq!(p.state(), WatchState::Watched);
        assert!(p.latest() > stamp);
        assert!(p.set_resume(Some(u32::MAX), &mut clock, NOW));
        assert_eq!(p.resume_secs(), Some(MAX_RESUME_SECS), "capped");
    }

    #[test]
    fn position_and_state_from_two_tabs_both_survive() {
        let mut a = Clock::new(crate::study::stamp::DeviceId::from_random(1));
        let mut b = Clock::new(crate::study::stamp::DeviceId::from_random(2));
        let mut base = Progress::default();
        base.set_resume(Some(100), &mut a, NOW);
        let (mut in_a, mut in_b) = (base.clone(), base.clone());
        in_a.set_resume(Some(700), &mut a, NOW + 10);
        in_b.set_state(WatchState::Watched, &mut b, NOW + 5);
        let merged = in_a.merge(&in_b);
        assert_eq!(merged, in_b.merge(&in_a));
        assert_eq!(merged.state(), WatchState::Watched);
        assert_eq!(merged.resume_secs(), Some(700));
    }

    #[test]
    fn counts_per_series_and_overall() {
        let catalogue = catalogue();
        let progress = with(&[
            ("AAAAAAAAAAA", WatchState::Watched),
            ("BBBBBBBBBBB", WatchState::InProgress),
            ("ZZZZZZZZZZZ", WatchState::Watched),
        ]);
        let s1 = series_tally(&catalogue, &progress, "s1");
        assert_eq!(
            s1,
            Tally {
                watched: 1,
                in_progress: 1,
                total: 3
            }
        );
        assert_eq!(s1.percent(), 33);
        assert_eq!(
            overall_tally(&catalogue, &progress).total,
            4,
            "unknown ids not counted"
        );
        assert_eq!(
            series_tally(&catalogue, &progress, "nope"),
            Tally::default()
        );
        assert_eq!(Tally::default().percent(), 0);
        assert!(!Tally::default().is_complete());
    }

    #[test]
    fn continue_picks_first_unwatched_in_lecture_order() {
        let catalogue = catalogue();
        let next = |p: &ProgressMap| continue_series(&catalogue, p, "s1").map(|v| v.id.clone());
        assert_eq!(next(&with(&[])).as_deref(), Some("AAAAAAAAAAA"));
        let progress = with(&[
            ("AAAAAAAAAAA", WatchState::Watched),
            ("BBBBBBBBBBB", WatchState::InProgress),
        ]);
        assert_eq!(next(&progress).as_deref(), Some("BBBBBBBBBBB"));
        let all = with(&[
            ("AAAAAAAAAAA", WatchState::Watched),
            ("BBBBBBBBBBB", WatchState::Watched),
            ("CCCCCCCCCCC", WatchState::Watched),
        ]);
        assert_eq!(next(&all), None);
    }

    #[test]
    fn urls_carry_the_resume_time() {
        let mut progress = with(&[]);
        assert_eq!(
            resume_url(&progress, "AAAAAAAAAAA"),
            "https://www.youtube.com/watch?v=AAAAAAAAAAA"
        );
        let mut clock = Clock::new(crate::study::stamp::DeviceId::from_random(1));
        progress
            .entry(VideoId::parse("AAAAAAAAAAA").unwrap())
            .or_default()
            .set_resume(Some(2050), &mut clock, NOW);
        assert_eq!(
            resume_url(&progress, "AAAAAAAAAAA"),
            "https://www.youtube.com/watch?v=AAAAAAAAAAA&t=2050s"
        );
        assert_eq!(
            watch_url("AAAAAAAAAAA", Some(0)),
            "https://www.youtube.com/watch?v=AAAAAAAAAAA"
        );
    }
}
