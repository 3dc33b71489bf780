//! The progress page's order: what the student is studying first.
//!
//! Courses (series) and playlists are both "tracks". Started ones come
//! first, the most recently studied first (by the stamps of watch-state and
//! resume-position edits, so a lecture playing in another tab counts), and
//! finished ones after them; then the tracks not started yet, courses in
//! catalogue order and playlists oldest first.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use super::lww::Merge;
use super::progress::{watch_state, ProgressMap, Tally};
use super::stamp::Stamp;
use super::state::StudyState;
use crate::catalogue::Catalogue;
use crate::ids::{PlaylistId, VideoId};
use crate::watch::WatchState;

/// A course or a playlist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrackId {
    /// A series id from the catalogue.
    Series(String),
    Playlist(PlaylistId),
}

/// Where the student stands in a track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Something watched or in progress, something left.
    Started,
    /// Everything watched.
    Finished,
    /// Nothing watched or in progress (or nothing in it).
    NotStarted,
}

/// One row of the progress page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackProgress {
    pub id: TrackId,
    pub tally: Tally,
    /// The first video not watched, in lecture order for a course and in
    /// list order for a playlist ("Play next unwatched"); `None` when
    /// finished or empty.
    pub next: Option<VideoId>,
    /// The latest watch or position edit on any of its videos.
    pub last_studied: Option<Stamp>,
    pub standing: Standing,
}

impl TrackProgress {
    fn new(id: TrackId, tally: Tally, next: Option<VideoId>, last: Option<Stamp>) -> Self {
        let standing = if tally.is_complete() {
            Standing::Finished
        } else if tally.watched + tally.in_progress > 0 {
            Standing::Started
        } else {
            Standing::NotStarted
        };
        TrackProgress {
            id,
            tally,
            next,
            last_studied: last,
            standing,
        }
    }
}

/// Every series of the catalogue and every live playlist, in the order the
/// progress page lists them (see the module comment). Ties keep catalogue
/// order, then playlists' creation order.
pub fn progress_overview(catalogue: &Catalogue, study: &StudyState) -> Vec<TrackProgress> {
    let progress = study.progress();
    let mut tracks = series_tracks(catalogue, progress);
    tracks.extend(study.live_playlists().into_iter().map(|list| {
        let videos = list.videos();
        let next = list.next_unwatched(progress).map(|(_, id)| id.clone());
        let last = last_studied(progress, videos.iter().map(|v| v.as_str()));
        let id = TrackId::Playlist(list.id().clone());
        TrackProgress::new(id, list.tally(progress), next, last)
    }));
    // Stable: equal keys keep the order built above.
    tracks.sort_by_key(|t| match t.standing {
        Standing::Started => (0, Reverse(t.last_studied)),
        Standing::Finished => (1, Reverse(t.last_studied)),
        Standing::NotStarted => (2, Reverse(None)),
    });
    tracks
}

/// Each series' tally, next lecture and latest edit, in one pass over the
/// catalogue (it may hold thousands of videos).
fn series_tracks(catalogue: &Catalogue, progress: &ProgressMap) -> Vec<TrackProgress> {
    #[derive(Default)]
    struct Acc<'a> {
        tally: Tally,
        next: Option<(u32, &'a VideoId)>,
        last: Option<Stamp>,
    }
    let mut by_series: HashMap<&str, Acc> = HashMap::new();
    for video in &catalogue.videos {
        let acc = by_series.entry(video.series.as_str()).or_default();
        let state = watch_state(progress, &video.id);
        acc.tally.total += 1;
        match state {
            WatchState::Watched => acc.tally.watched += 1,
            WatchState::InProgress => acc.tally.in_progress += 1,
            WatchState::Unwatched => {}
        }
        // First in lecture order; ties keep catalogue order, as
        // `continue_series` does.
        if state != WatchState::Watched && acc.next.is_none_or(|(order, _)| video.order < order) {
            acc.next = Some((video.order, &video.id));
        }
        acc.last = acc.last.max(progress.get(&video.id).map(Merge::latest));
    }
    catalogue
        .series
        .iter()
        .map(|series| {
            let acc = by_series.remove(series.id.as_str()).unwrap_or_default();
            TrackProgress::new(
                TrackId::Series(series.id.clone()),
                acc.tally,
                acc.next.map(|(_, id)| id.clone()),
                acc.last,
            )
        })
        .collect()
}

fn last_studied<'a>(progress: &ProgressMap, ids: impl Iterator<Item = &'a str>) -> Option<Stamp> {
    let distinct: BTreeSet<&str> = ids.collect();
    distinct
        .into_iter()
        .filter_map(|id| progress.get(id).map(Merge::latest))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::progress::continue_series;
    use crate::study::progress::tests::catalogue;
    use crate::study::test_support::{pid, tab, v, A, B, C, D, NOW, X};
    use crate::study::Duplicates;

    fn series(id: &str) -> TrackId {
        TrackId::Series(id.into())
    }

    fn list(id: &str) -> TrackId {
        TrackId::Playlist(pid(id))
    }

    fn order(tracks: &[TrackProgress]) -> Vec<(TrackId, Standing)> {
        tracks.iter().map(|t| (t.id.clone(), t.standing)).collect()
    }

    fn with_list(s: &mut StudyState, id: &str, videos: &[&str], now: u64) {
        s.create_playlist(pid(id), id, now).unwrap();
        let videos: Vec<VideoId> = videos.iter().map(|id| v(id)).collect();
        s.playlist_mut(id, now)
            .unwrap()
            .add_many(&videos, Duplicates::Allow);
    }

    #[test]
    fn nothing_started_keeps_catalogue_order_then_playlists() {
        let catalogue = catalogue();
        let mut s = tab(1);
        with_list(&mut s, "first", &[A], NOW);
        with_list(&mut s, "later", &[D], NOW + 1);
        with_list(&mut s, "empty", &[], NOW + 2);
        let tracks = progress_overview(&catalogue, &s);
        assert_eq!(
            order(&tracks),
            [
                (series("s1"), Standing::NotStarted),
                (series("s2"), Standing::NotStarted),
                (list("first"), Standing::NotStarted),
                (list("later"), Standing::NotStarted),
                (list("empty"), Standing::NotStarted),
            ]
        );
        assert_eq!(tracks[0].next, Some(v(A)), "the first lecture in order");
        assert_eq!(tracks[0].tally.total, 3);
        assert_eq!(tracks[0].last_studied, None);
        assert_eq!(tracks[4].next, None, "an empty list has no next entry");
        assert_eq!(tracks[4].tally, Tally::default());
    }

    #[test]
    fn started_first_most_recent_first_finished_last_among_started() {
        let catalogue = catalogue();
        let mut s = tab(1);
        with_list(&mut s, "mix", &[D, B, X], NOW);
        // s2 finished first, then s1 started, then the list's X in progress.
        s.set_watch_state(&v(D), WatchState::Watched, NOW + 10);
        s.set_watch_state(&v(A), WatchState::Watched, NOW + 20);
        s.set_resume(&v(X), Some(90), NOW + 30);
        let tracks = progress_overview(&catalogue, &s);
        assert_eq!(
            order(&tracks),
            [
                (list("mix"), Standing::Started),
                (series("s1"), Standing::Started),
                (series("s2"), Standing::Finished),
            ]
        );
        let mix = &tracks[0];
        assert_eq!(
            mix.tally,
            Tally {
                watched: 1,
                in_progress: 1,
                total: 3
            }
        );
        assert_eq!(mix.next, Some(v(B)), "first not watched in list order");
        assert_eq!(
            tracks[1].next,
            Some(v(B)),
            "first not watched in lecture order"
        );
        assert_eq!(tracks[2].next, None);

        // Starting C (not in the list) makes s1 the most recent.
        s.set_resume(&v(C), Some(60), NOW + 40);
        let tracks = progress_overview(&catalogue, &s);
        assert_eq!(
            order(&tracks)[..2],
            [
                (series("s1"), Standing::Started),
                (list("mix"), Standing::Started)
            ]
        );
    }

    #[test]
    fn a_position_saved_counts_as_studying() {
        let catalogue = catalogue();
        let mut s = tab(1);
        s.set_watch_state(&v(D), WatchState::InProgress, NOW);
        s.set_watch_state(&v(A), WatchState::InProgress, NOW + 10);
        assert_eq!(progress_overview(&catalogue, &s)[0].id, series("s1"));
        // The player saving D's place later puts s2 back on top.
        s.set_resume(&v(D), Some(300), NOW + 20);
        let tracks = progress_overview(&catalogue, &s);
        assert_eq!(order(&tracks)[0], (series("s2"), Standing::Started));
        assert_eq!(tracks[0].next, Some(v(D)), "an unfinished lecture is next");
    }

    #[test]
    fn unmarking_everything_is_not_started() {
        let catalogue = catalogue();
        let mut s = tab(1);
        s.set_watch_state(&v(C), WatchState::Watched, NOW);
        s.set_watch_state(&v(C), WatchState::Unwatched, NOW + 1);
        let tracks = progress_overview(&catalogue, &s);
        assert_eq!(
            order(&tracks),
            [
                (series("s1"), Standing::NotStarted),
                (series("s2"), Standing::NotStarted),
            ]
        );
    }

    #[test]
    fn a_series_next_matches_continue_series() {
        let catalogue = catalogue();
        let mut s = tab(1);
        for (i, id) in [A, C].into_iter().enumerate() {
            s.set_watch_state(&v(id), WatchState::Watched, NOW + i as u64);
            let tracks = progress_overview(&catalogue, &s);
            let s1 = tracks.iter().find(|t| t.id == series("s1")).unwrap();
            assert_eq!(
                s1.next.as_ref(),
                continue_series(&catalogue, s.progress(), "s1").map(|v| &v.id)
            );
        }
    }

    #[test]
    fn deleted_playlists_are_left_out_and_duplicates_count_once() {
        let catalogue = catalogue();
        let mut s = tab(1);
        with_list(&mut s, "gone", &[A], NOW);
        with_list(&mut s, "twice", &[A, A, B], NOW);
        s.delete_playlist("gone", NOW + 1);
        s.set_watch_state(&v(A), WatchState::Watched, NOW + 2);
        let tracks = progress_overview(&catalogue, &s);
        assert!(!tracks.iter().any(|t| t.id == list("gone")));
        let twice = tracks.iter().find(|t| t.id == list("twice")).unwrap();
        assert_eq!((twice.tally.watched, twice.tally.total), (1, 2));
        assert_eq!(twice.standing, Standing::Started);
    }
}
