//! Per-video watch progress and the counts and links built from it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::merge::{next_stamp, Stamped};
use crate::catalogue::{Catalogue, Video};
use crate::watch::WatchState;

/// Progress by video id.
pub type ProgressMap = BTreeMap<String, Progress>;

/// Where a student is in one video.
///
/// Field order matters: the derived `Ord` is the merge tie-break.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Progress {
    pub state: WatchState,
    /// Where to resume, in seconds from the start (34:10 → 2050).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume_secs: Option<u32>,
    pub updated_at: u64,
}

impl Stamped for Progress {
    fn updated_at(&self) -> u64 {
        self.updated_at
    }
}

impl Progress {
    /// Sets the watch state. Watched and unwatched drop the resume position:
    /// a finished or reset video starts from the beginning.
    /// Returns false when nothing changed (and the timestamp stays put, so
    /// a no-op never wins a merge against a real edit elsewhere).
    pub fn set_state(&mut self, state: WatchState, now_ms: u64) -> bool {
        let resume = match state {
            WatchState::InProgress => self.resume_secs,
            WatchState::Unwatched | WatchState::Watched => None,
        };
        self.change(state, resume, now_ms)
    }

    /// Sets or clears the resume position. A position on an unwatched video
    /// means it was started, so it becomes in progress; a watched video
    /// stays watched (rewatching a part).
    pub fn set_resume(&mut self, secs: Option<u32>, now_ms: u64) -> bool {
        let state = match (self.state, secs) {
            (WatchState::Unwatched, Some(_)) => WatchState::InProgress,
            (state, _) => state,
        };
        self.change(state, secs, now_ms)
    }

    fn change(&mut self, state: WatchState, resume_secs: Option<u32>, now_ms: u64) -> bool {
        if (self.state, self.resume_secs) == (state, resume_secs) {
            return false;
        }
        self.state = state;
        self.resume_secs = resume_secs;
        self.updated_at = next_stamp(self.updated_at, now_ms);
        true
    }
}

/// The watch state recorded for a video, unwatched when none is.
pub fn watch_state(progress: &ProgressMap, video_id: &str) -> WatchState {
    progress.get(video_id).map(|p| p.state).unwrap_or_default()
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
    watch_url(video_id, progress.get(video_id).and_then(|p| p.resume_secs))
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
            id: id.into(),
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
                    id.to_string(),
                    Progress {
                        state,
                        resume_secs: None,
                        updated_at: 1,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn state_changes_stamp_and_clear_resume() {
        let mut p = Progress::default();
        assert!(p.set_resume(Some(2050), 10));
        assert_eq!(
            (p.state, p.resume_secs, p.updated_at),
            (WatchState::InProgress, Some(2050), 10)
        );
        assert!(!p.set_resume(Some(2050), 20), "same position is no change");
        assert_eq!(p.updated_at, 10);
        assert!(p.set_state(WatchState::Watched, 30));
        assert_eq!((p.state, p.resume_secs), (WatchState::Watched, None));
        assert!(p.set_resume(Some(60), 5), "clock went backwards");
        assert_eq!((p.state, p.updated_at), (WatchState::Watched, 31));
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
        progress
            .entry("AAAAAAAAAAA".into())
            .or_default()
            .set_resume(Some(2050), 1);
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
