//! A video's neighbours: the lectures before and after it in the context it
//! was opened from (a playlist, else its course), the part before it in its
//! topic, and the same lecture in the other-language version of the course.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{strip_leading_tag, Catalogue, Video};
use crate::ids::PlaylistId;
use crate::study::playlist::Playlist;
use crate::study::progress::{watch_state, ProgressMap};
use crate::watch::WatchState;

/// Where a lecture was opened from: what its "next", "previous" and "back"
/// follow.
#[derive(Debug, Clone, Copy)]
pub enum LectureContext<'a> {
    /// A playlist being played (`?list=`).
    Playlist(&'a Playlist),
    /// The catalogue: a search, a course facet or a link. Its course's
    /// lecture order.
    Catalogue,
}

/// Where "back" leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Back {
    Playlist(PlaylistId),
    /// The catalogue view the lecture was opened from.
    Catalogue,
}

/// Where the next lecture comes from.
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

/// The one answer the player's countdown, the previous/next links and the
/// back link all read, so they never disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbours<'a> {
    pub previous: Option<&'a Video>,
    pub next: Option<Next<'a>>,
    pub back: Back,
}

/// The neighbours of video `current` (an id: a video the catalogue no
/// longer holds can still move on in its playlist) in `context`.
///
/// In a playlist that holds the video (with duplicates, its first entry
/// counts): next is the next entry not yet watched, skipping the current
/// video and ids the catalogue lacks, as a playlist is a to-do list;
/// previous is the entry before, watched or not; back is the playlist.
/// When nothing unwatched follows, next is the course's next lecture. A
/// playlist that does not hold the video is not being played, but back
/// still returns to it.
///
/// Otherwise: the course's previous and next lecture in lecture order,
/// watched or not (a course is read in order; "Continue this series" finds
/// the first unwatched one), and back is the catalogue.
pub fn in_context<'a>(
    context: LectureContext<'_>,
    catalogue: &'a Catalogue,
    current: &str,
    progress: &ProgressMap,
) -> Neighbours<'a> {
    let video = catalogue.video(current);
    let (series_prev, series_next) = match video {
        Some(v) => series_neighbours(catalogue, v),
        None => (None, None),
    };
    let course = Neighbours {
        previous: series_prev,
        next: series_next.map(|video| Next {
            video,
            from: NextFrom::Series,
        }),
        back: Back::Catalogue,
    };
    let LectureContext::Playlist(list) = context else {
        return course;
    };
    let back = Back::Playlist(list.id().clone());
    let ids = list.videos();
    let Some(at) = ids.iter().position(|id| id.as_str() == current) else {
        return Neighbours { back, ..course };
    };
    // One lookup table instead of a catalogue scan per entry.
    let by_id: BTreeMap<&str, &'a Video> = catalogue
        .videos
        .iter()
        .map(|v| (v.id.as_str(), v))
        .collect();
    let other = |id: &&&crate::ids::VideoId| id.as_str() != current;
    let next = ids[at + 1..]
        .iter()
        .filter(other)
        .filter(|id| watch_state(progress, id) != WatchState::Watched)
        .find_map(|id| by_id.get(id.as_str()).copied())
        .map(|video| Next {
            video,
            from: NextFrom::Playlist,
        });
    let previous = ids[..at]
        .iter()
        .rev()
        .filter(other)
        .find_map(|id| by_id.get(id.as_str()).copied());
    Neighbours {
        previous,
        next: next.or(course.next),
        back,
    }
}

/// The previous and next video in the same series, in lecture order.
pub fn series_neighbours<'a>(
    catalogue: &'a Catalogue,
    video: &Video,
) -> (Option<&'a Video>, Option<&'a Video>) {
    let in_series = catalogue.series_videos(&video.series);
    let Some(at) = in_series.iter().position(|v| v.id == video.id) else {
        return (None, None);
    };
    let prev = at.checked_sub(1).map(|i| in_series[i]);
    (prev, in_series.get(at + 1).copied())
}

/// The part before a video's part, in the catalogue loaded now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PreviousPart<'a> {
    Loaded(&'a Video),
    /// Part `n` of the topic is not in this catalogue (its page is not
    /// loaded), though this video says it comes after it.
    Missing {
        n: u32,
    },
}

/// The part before `video` in its topic; `None` for a first part and for
/// videos that are not parts.
pub fn previous_part<'a>(catalogue: &'a Catalogue, video: &Video) -> Option<PreviousPart<'a>> {
    let part = video.part?;
    let n = part.n().checked_sub(1).filter(|&n| n >= 1)?;
    // A catalogue stored before topics were recorded cannot say.
    part.topic()?;
    Some(
        catalogue
            .videos
            .iter()
            .find(|v| v.part.is_some_and(|p| p.same_topic(part) && p.n() == n))
            .map_or(PreviousPart::Missing { n }, PreviousPart::Loaded),
    )
}

/// Whether `after` is the part right after `before` in one topic (第13講
/// (上) → 第14講 (下)): the series navigation then says "next part".
pub fn is_next_part(before: &Video, after: &Video) -> bool {
    match (before.part, after.part) {
        (Some(a), Some(b)) => a.same_topic(b) && b.n() == a.n() + 1,
        _ => false,
    }
}

/// Words every lecture title shares, which say nothing about its topic.
const STOPWORDS: [&str; 14] = [
    "a",
    "an",
    "and",
    "aka",
    "the",
    "of",
    "to",
    "for",
    "in",
    "on",
    "introduction",
    "lecture",
    "version",
    "part",
];

/// How much of the smaller title's topic words the other must share.
const MIN_OVERLAP: f32 = 0.6;

/// The same lecture in the counterpart series (ML 2021 ↔ its English version).
///
/// Chinese titles name their topic in English in parentheses ("自注意力機制
/// (Self-attention) (上)"), so topic words are compared as ASCII words; parts
/// must agree when both titles number them. `None` rather than a guess when
/// nothing clearly matches.
pub fn other_language_version<'a>(catalogue: &'a Catalogue, video: &Video) -> Option<&'a Video> {
    let counterpart = catalogue.series(&video.series)?.counterpart.as_deref()?;
    same_lecture_among(video, catalogue.series_videos(counterpart))
}

/// The video among `candidates` (another language's version of the course)
/// that teaches `video`'s topic, by shared topic words and part; `None`
/// rather than a guess. The importer uses it too, before lecture order
/// exists: ties then go to the earliest upload.
pub(crate) fn same_lecture_among<'a>(
    video: &Video,
    candidates: impl IntoIterator<Item = &'a Video>,
) -> Option<&'a Video> {
    let words = topic_words(&video.title);
    if words.is_empty() {
        return None;
    }
    candidates
        .into_iter()
        .filter(|other| match (video.part, other.part) {
            (Some(a), Some(b)) => a.n() == b.n(),
            _ => true,
        })
        .filter_map(|other| {
            let other_words = topic_words(&other.title);
            let shared = words.intersection(&other_words).count();
            let smaller = words.len().min(other_words.len());
            let overlap = if smaller == 0 {
                0.0
            } else {
                shared as f32 / smaller as f32
            };
            (overlap >= MIN_OVERLAP).then_some((overlap, other))
        })
        // Best overlap; among equals, the earliest lecture.
        .max_by(|(a, va), (b, vb)| {
            a.total_cmp(b)
                .then((vb.order, vb.number).cmp(&(va.order, va.number)))
        })
        .map(|(_, other)| other)
}

/// Lower-case ASCII words of a title, without its leading `[…]`/`【…】` tag,
/// numbers and stopwords. "Life-long" gives "life" and "long".
fn topic_words(title: &str) -> BTreeSet<String> {
    let untagged = strip_leading_tag(title);
    untagged
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_ascii_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Catalogue {
        Catalogue::from_json(include_str!("../../../catalogue/catalogue.json")).unwrap()
    }

    fn video(c: &Catalogue, number: u32) -> &Video {
        c.videos.iter().find(|v| v.number == number).unwrap()
    }

    #[test]
    fn neighbours_follow_lecture_order_not_upload_order() {
        let c = seed();
        // Lecture 33 (#360) was uploaded after lecture 34 (#359).
        let (prev, next) = series_neighbours(&c, video(&c, 360));
        assert_eq!(prev.map(|v| v.number), Some(363)); // lecture 32
        assert_eq!(next.map(|v| v.number), Some(359)); // lecture 34
        let first = c.series_videos("genai2024")[0];
        assert_eq!(series_neighbours(&c, first).0, None);
    }

    #[test]
    fn other_language_versions_match_topic_and_part() {
        let c = seed();
        let other = |n: u32| other_language_version(&c, video(&c, n)).map(|v| v.number);
        assert_eq!(other(353), Some(362)); // RL (三) ↔ Lecture 30: RL (3/5)
        assert_eq!(other(362), Some(353));
        assert_eq!(other(356), Some(360)); // Life Long Learning (一) ↔ Life-long Learning (1/2)
        assert_eq!(other(358), Some(368)); // Network Compression (一) ↔ (1/2)
        assert_eq!(other(351), None); // Domain Adaptation: the Chinese one is not in the seed pages
        assert_eq!(other(365), None); // Meta Learning has no English version
        assert_eq!(other(421), None); // a series without a counterpart
    }

    #[test]
    fn a_catalogue_stored_before_topics_does_not_claim_a_missing_part() {
        let json = include_str!("../../../catalogue/catalogue.json");
        let mut pieces = json.split(r#","topic":"#);
        let mut old = pieces.next().unwrap().to_string();
        for piece in pieces {
            old.push_str(piece.trim_start_matches(|c: char| c.is_ascii_digit()));
        }
        let c = Catalogue::from_json(&old).unwrap();
        assert_eq!(previous_part(&c, video(&c, 353)), None);
        assert!(!is_next_part(video(&c, 353), video(&c, 354)));
        let c = seed();
        assert_eq!(
            previous_part(&c, video(&c, 353)),
            Some(PreviousPart::Missing { n: 2 })
        );
    }

    #[test]
    fn topic_words_skip_tags_numbers_and_stopwords() {
        let words = topic_words("[ML 2021 (English version)] Lecture 33: Life-long Learning (1/2)");
        assert_eq!(
            words.into_iter().collect::<Vec<_>>(),
            vec!["learning", "life", "long"]
        );
        assert!(topic_words("【機器學習2021】預測本頻道觀看人數 (上)").is_empty());
    }
}
