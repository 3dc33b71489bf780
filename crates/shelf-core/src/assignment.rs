//! Assignments: a pasted list of lectures ("下一次上課前預習以下課程 …")
//! turned into catalogue videos, a watch range and a playlist.
//!
//! Pure and offline: it reads only the catalogue, so it needs no `import`
//! feature. Each non-blank line of the paste is one of:
//!
//! - a **byline** YouTube prints under a video ("Hung-yi Lee · 觀看次數：
//!   27萬次 · 11 個月前") or the channel name alone: ignored;
//! - a **link** or a bare 11-character video id: that video, or "not in the
//!   catalogue" with the id kept; a playlist link (`list=`) is ignored with
//!   its list id, as playlists cannot be resolved offline;
//! - an **up-to** line ("至少看到第八講", "至少看到「Transformer (下)」"):
//!   see [`parse_up_to`];
//! - a **heading** that is exactly a course's name ("機器學習 2021",
//!   "ML2021", "GenAI 2024"): [`LineMatch::Series`]; it is the current
//!   course for the lines after it;
//! - a **lecture reference**, a number with at most a course name ("第八講",
//!   "ML2021 L8", "生成式AI導論 2024 Lecture 8"): the video with that
//!   lecture number in the course it names, else the current course;
//! - otherwise a **title**, matched as `assignment/titles.rs` describes
//!   (exact, then a clear partial winner above [`MATCH_THRESHOLD`]) within
//!   the course its 【…】 tag names, else preferring the current course;
//!   when that is not decisive a 第N講 in the title decides, and failing
//!   that the close titles are offered.
//!
//! Course names (catalogue names plus an alias table) live in
//! `assignment/names.rs`, numerals and lecture references in
//! `assignment/numbers.rs`, links in `assignment/links.rs`; the playlist's
//! default name (courses and lecture range, or the slide's date) in
//! `assignment/default_name.rs`.

pub mod default_name;
pub(crate) mod links;
pub(crate) mod names;
pub(crate) mod numbers;
mod titles;

use std::collections::{BTreeSet, HashSet};

use crate::catalogue::{Catalogue, SeriesKind, Video};
use crate::ids::VideoId;
use crate::search::{fold, Folded};

use links::{bare_id, find_link, looks_like_id, Link};
use names::{squash, SeriesNames};
use numbers::lecture_ref;
use titles::{split_tag, Found, Scope, TitleIndex};

pub use default_name::{default_name, CourseSpan, DefaultName, SlideDate};
pub use titles::{CLEAR_MARGIN, MATCH_THRESHOLD, MAX_CANDIDATES};

/// What one pasted line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineMatch {
    Matched(VideoId),
    /// Several videos fit about equally well (at most [`MAX_CANDIDATES`],
    /// in course and lecture order): the student picks.
    Ambiguous(Vec<VideoId>),
    /// Nothing fits. `unknown_id` is the video a link or bare id named when
    /// the catalogue does not have it, so the UI can say so.
    NoMatch {
        unknown_id: Option<VideoId>,
    },
    Ignored(Skipped),
    /// A heading naming a course (its series id): the current course for
    /// the lines that follow.
    Series(String),
    /// "Watch at least up to …", resolved against the current course only by
    /// [`assignment_playlist`].
    UpTo(UpTo),
}

/// Lines that are plainly not a lecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// A byline or view count under a video.
    Byline,
    /// A playlist link, with its `list=` id: not resolvable offline.
    Playlist(String),
}

/// How far an assignment says to watch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpTo {
    Lecture(u32),
    /// A title fragment ("Transformer (下)"), as written.
    Title(String),
}

/// One end of a [`range`], inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// The start or the end of the series.
    Open,
    Lecture(u32),
    Video(VideoId),
}

/// A whole assignment, as a playlist and what could not be placed in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Deduplicated, in the order the assignment gives them.
    pub videos: Vec<VideoId>,
    /// `(1-based line number, line)` for lines that matched nothing, and
    /// up-to lines whose bound could not be resolved.
    pub unmatched: Vec<(usize, String)>,
    /// `(1-based line number, candidates)` for the student to pick from.
    pub ambiguous: Vec<(usize, Vec<VideoId>)>,
}

/// How much of a course the catalogue holds, judged from lecture numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Distinct lecture numbers present.
    pub loaded: usize,
    /// Lectures 1..=max (0..=max when there is a lecture 0); `None` when no
    /// video of the series has a number.
    pub expected: Option<usize>,
    /// The numbers in that span that no video has.
    pub missing_lectures: Vec<u32>,
    /// Videos without a lecture number, which the count cannot place.
    pub unnumbered: usize,
}

/// Markers of an up-to line, folded. 至少看完 ("finish at least") bounds the
/// same way as 至少看到 ("watch at least up to").
const UP_TO_MARKERS: [&str; 6] = [
    "至少看到",
    "至少要看到",
    "至少看完",
    "at least up to",
    "watch up to",
    "watch through",
];

/// Quotes around a title fragment in an up-to line.
const QUOTES: [(char, char); 5] = [
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
    ('"', '"'),
    ('\'', '\''),
];

/// Where an unquoted fragment ends (folded: ， is already ,).
const FRAGMENT_ENDS: [char; 4] = [',', '。', ';', '、'];

/// The channel, as bylines and slide title pages write it.
const CHANNEL_NAMES: [&str; 2] = ["Hung-yi Lee", "李宏毅"];

/// View counts in a video list ("觀看次數：27萬次", "27萬次觀看"), folded.
const VIEW_MARKERS: [&str; 2] = ["观看次数", "次观看"];

/// An English view count is a number before this word ("1.2M views"), not
/// the word in a title ("Predicting the views of this channel").
const VIEWS_WORD: &str = "views";

/// The non-blank lines of `text` with their 1-based line numbers: the lines
/// [`match_lines`] answers for, in the same order.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
}

/// One [`LineMatch`] per non-blank line (see [`lines`]).
pub fn match_lines(catalogue: &Catalogue, text: &str) -> Vec<LineMatch> {
    let matcher = Matcher::new(catalogue);
    let mut heading: Option<String> = None;
    lines(text)
        .map(|(_, line)| {
            let m = matcher.line(line, heading.as_deref());
            if let LineMatch::Series(id) = &m {
                heading = Some(id.clone());
            }
            m
        })
        .collect()
}

/// "至少看到第八講" → lecture 8; "至少看到「Transformer (下)」" → that
/// title fragment; `None` for a line with no up-to marker.
pub fn parse_up_to(line: &str) -> Option<UpTo> {
    let folded = Folded::new(line);
    let text = folded.as_str();
    let (at, marker) = UP_TO_MARKERS
        .iter()
        .filter_map(|m| Some((text.find(m)?, m.len())))
        .min()?;
    let rest = text[at + marker..].trim_start_matches([' ', ':']);
    let fragment = quoted(rest).unwrap_or_else(|| unquoted(rest)).trim();
    if fragment.is_empty() {
        return None;
    }
    if let Some((n, span)) = lecture_ref(fragment) {
        let others = format!("{}{}", &fragment[..span.start], &fragment[span.end..]);
        if squash(&others).is_empty() {
            return Some(UpTo::Lecture(n));
        }
    }
    // `fragment` is a slice of `text`; hand back the original spelling.
    let start = fragment.as_ptr() as usize - text.as_ptr() as usize;
    let range = folded.original_range(start..start + fragment.len());
    Some(UpTo::Title(line[range].to_string()))
}

/// The text inside a leading quote pair (to the end if it never closes).
fn quoted(text: &str) -> Option<&str> {
    let (open, close) = QUOTES.iter().find(|(open, _)| text.starts_with(*open))?;
    let inner = &text[open.len_utf8()..];
    Some(inner.split(*close).next().unwrap_or(inner))
}

/// Up to the first clause break, without a ")" that closes a parenthesis
/// opened before the marker: "(至少看到第八講)" → "第八講".
fn unquoted(text: &str) -> &str {
    let fragment = text.split(FRAGMENT_ENDS).next().unwrap_or(text).trim_end();
    let opens = fragment.matches('(').count();
    let closes = fragment.matches(')').count();
    match fragment.strip_suffix(')') {
        Some(shorter) if closes > opens => shorter,
        _ => fragment,
    }
}

/// The videos of a series in lecture order from `from` to `to`, both
/// inclusive; empty when a bound is not in the series or `to` comes first.
///
/// A lecture bound counts a video without a number as part of the numbered
/// lecture before it in lecture order (the importer files it there too): up
/// to lecture 8 includes lecture 8's parts and the unnumbered extras ranked
/// after it, from lecture 8 starts at lecture 8's first video. A series
/// with no numbered video has no lecture bounds.
pub fn range(catalogue: &Catalogue, series_id: &str, from: Bound, to: Bound) -> Vec<VideoId> {
    let videos = catalogue.series_videos(series_id);
    let filed = filed_lectures(&videos);
    let position = |id: &VideoId| videos.iter().position(|v| v.id == *id);
    let start = match from {
        Bound::Open => Some(0),
        Bound::Lecture(n) => videos
            .iter()
            .position(|v| v.lecture.is_some_and(|l| l >= n)),
        Bound::Video(id) => position(&id),
    };
    let end = match to {
        Bound::Open => videos.len().checked_sub(1),
        Bound::Lecture(n) => filed.iter().rposition(|l| l.is_some_and(|l| l <= n)),
        Bound::Video(id) => position(&id),
    };
    match (start, end) {
        (Some(start), Some(end)) if start <= end => {
            videos[start..=end].iter().map(|v| v.id.clone()).collect()
        }
        _ => Vec::new(),
    }
}

/// Each video's lecture number, or the one of the last numbered video
/// before it in lecture order; `None` before the first numbered one.
fn filed_lectures(videos: &[&Video]) -> Vec<Option<u32>> {
    videos
        .iter()
        .scan(None, |last, v| {
            *last = v.lecture.or(*last);
            Some(*last)
        })
        .collect()
}

/// The whole assignment as one playlist.
///
/// A heading starts a course's section. An up-to line closes it with the
/// course from its first video up to the bound, placed where the section
/// starts; the section's listed videos (all inside that range in a normal
/// assignment) follow only if the range lacks them. Without an up-to line
/// the listed videos are the section, as listed. The current course of an
/// up-to line is the last heading's, or before any heading the series of
/// the last matched video. An up-to line whose bound does not resolve (no
/// such lecture, title not in that course) is reported unmatched or
/// ambiguous, and its section keeps just its listed videos.
pub fn assignment_playlist(catalogue: &Catalogue, text: &str) -> Assignment {
    let matcher = Matcher::new(catalogue);
    let mut out = Assignment::default();
    let mut heading: Option<String> = None;
    let mut last_series: Option<&str> = None;
    let mut section_start = 0;
    for (number, line) in lines(text) {
        match matcher.line(line, heading.as_deref()) {
            LineMatch::Matched(id) => {
                last_series = catalogue.video(&id).map(|v| v.series.as_str());
                out.videos.push(id);
            }
            LineMatch::Ambiguous(candidates) => out.ambiguous.push((number, candidates)),
            LineMatch::NoMatch { .. } => out.unmatched.push((number, line.to_string())),
            LineMatch::Ignored(_) => {}
            LineMatch::Series(id) => {
                heading = Some(id);
                section_start = out.videos.len();
            }
            LineMatch::UpTo(up_to) => {
                let series = heading.as_deref().or(last_series);
                match series.map(|s| (s, matcher.bound(&up_to, s))) {
                    Some((series, Ok(bound))) => {
                        let range = range(catalogue, series, Bound::Open, bound);
                        if range.is_empty() {
                            out.unmatched.push((number, line.to_string()));
                        } else {
                            out.videos.splice(section_start..section_start, range);
                        }
                    }
                    Some((_, Err(candidates))) if !candidates.is_empty() => {
                        out.ambiguous.push((number, candidates));
                    }
                    _ => out.unmatched.push((number, line.to_string())),
                }
                section_start = out.videos.len();
            }
        }
    }
    let mut seen = HashSet::new();
    out.videos.retain(|id| seen.insert(id.clone()));
    out
}

/// Lecture numbers present and missing in a series: "10 of 40 lectures
/// loaded", and where the gaps are.
///
/// Only numbers tell: lectures after the highest number present are
/// invisible (a course whose last ten lectures are missing looks complete),
/// a series that numbers nothing (ML 2021's Chinese titles) has no
/// expectation at all, and a lecture counts as present when any one of its
/// parts is.
pub fn coverage(catalogue: &Catalogue, series_id: &str) -> Coverage {
    let videos = catalogue.series_videos(series_id);
    let numbers: BTreeSet<u32> = videos.iter().filter_map(|v| v.lecture).collect();
    let unnumbered = videos.iter().filter(|v| v.lecture.is_none()).count();
    let Some(&max) = numbers.last() else {
        return Coverage {
            loaded: 0,
            expected: None,
            missing_lectures: Vec::new(),
            unnumbered,
        };
    };
    let first = if numbers.contains(&0) { 0 } else { 1 };
    Coverage {
        loaded: numbers.len(),
        expected: Some((max - first) as usize + 1),
        missing_lectures: (first..=max).filter(|n| !numbers.contains(n)).collect(),
        unnumbered,
    }
}

/// A channel name (alone or before a "·"), or a view count.
fn is_byline(line: &str) -> bool {
    let folded = fold(line);
    let first = squash(folded.split(['·', '•']).next().unwrap_or(""));
    CHANNEL_NAMES.iter().any(|name| squash(name) == first)
        || VIEW_MARKERS.iter().any(|m| folded.contains(m))
        || english_view_count(&folded)
}

/// "1.2M views", "27,000 views": a word "views" right after one with a digit.
fn english_view_count(folded: &str) -> bool {
    let words: Vec<&str> = folded.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[1].trim_end_matches(|c: char| !c.is_alphanumeric()) == VIEWS_WORD
            && w[0].bytes().any(|b| b.is_ascii_digit())
    })
}

/// What the per-line rules need, built once per paste.
struct Matcher<'a> {
    catalogue: &'a Catalogue,
    titles: TitleIndex<'a>,
    names: SeriesNames,
}

impl<'a> Matcher<'a> {
    fn new(catalogue: &'a Catalogue) -> Matcher<'a> {
        Matcher {
            catalogue,
            titles: TitleIndex::new(catalogue),
            names: SeriesNames::new(catalogue),
        }
    }

    /// The rules of the module doc, in order; `heading` is the current course.
    fn line(&self, line: &str, heading: Option<&str>) -> LineMatch {
        if is_byline(line) {
            return LineMatch::Ignored(Skipped::Byline);
        }
        if let Some(m) = self.link_or_id(line) {
            return m;
        }
        if let Some(up_to) = parse_up_to(line) {
            return LineMatch::UpTo(up_to);
        }
        if let Some(id) = self.names.named(line) {
            return LineMatch::Series(id.to_string());
        }
        let folded = fold(line);
        if let Some((n, named)) = self.lecture_only(&folded) {
            return self.by_lecture(named.or(heading), n);
        }
        self.by_title(line, &folded, heading)
    }

    fn link_or_id(&self, line: &str) -> Option<LineMatch> {
        let id = match find_link(line) {
            Some(Link::Playlist(list)) => return Some(LineMatch::Ignored(Skipped::Playlist(list))),
            Some(Link::Video(id)) => id,
            None => bare_id(line).filter(|id| self.has(id) || looks_like_id(id))?,
        };
        Some(if self.has(&id) {
            LineMatch::Matched(id)
        } else {
            LineMatch::NoMatch {
                unknown_id: Some(id),
            }
        })
    }

    fn has(&self, id: &str) -> bool {
        self.catalogue.video(id).is_some()
    }

    /// A lecture number with nothing else on the line but perhaps a course
    /// name: the number and the course named.
    fn lecture_only(&self, folded: &str) -> Option<(u32, Option<&str>)> {
        let (n, span) = lecture_ref(folded)?;
        let rest = format!("{}{}", &folded[..span.start], &folded[span.end..]);
        if squash(&rest).is_empty() {
            return Some((n, None));
        }
        self.names.named(&rest).map(|id| (n, Some(id)))
    }

    /// The video(s) numbered `n` in the series, or in any course when none
    /// is known; several when a lecture has parts.
    fn by_lecture(&self, series: Option<&str>, n: u32) -> LineMatch {
        let candidates = self.numbered(series, n);
        match candidates.as_slice() {
            [] => LineMatch::NoMatch { unknown_id: None },
            [one] => LineMatch::Matched(one.clone()),
            _ => LineMatch::Ambiguous(candidates.into_iter().take(MAX_CANDIDATES).collect()),
        }
    }

    fn numbered(&self, series: Option<&str>, n: u32) -> Vec<VideoId> {
        let in_scope = |s: &str| match series {
            Some(series) => s == series,
            None => self
                .catalogue
                .series(s)
                .is_some_and(|s| s.kind == SeriesKind::Course),
        };
        let series_rank = |id: &str| self.catalogue.series.iter().position(|s| s.id == id);
        let mut videos: Vec<&Video> = self
            .catalogue
            .videos
            .iter()
            .filter(|v| v.lecture == Some(n) && in_scope(&v.series))
            .collect();
        videos.sort_by_key(|v| (series_rank(&v.series), v.order));
        videos.into_iter().map(|v| v.id.clone()).collect()
    }

    /// Title matching; a 第N講 in the line decides what the title leaves open.
    fn by_title(&self, line: &str, folded: &str, heading: Option<&str>) -> LineMatch {
        let tagged = split_tag(folded.trim())
            .0
            .and_then(|tag| self.names.named(tag));
        let scope = match (tagged, heading) {
            (Some(series), _) => Scope::Only(series),
            (None, Some(series)) => Scope::Prefer(series),
            (None, None) => Scope::All,
        };
        let found = self.titles.find(line, scope);
        let by_number = || {
            let series = tagged.or(heading)?;
            let (n, _) = lecture_ref(folded)?;
            match self.numbered(Some(series), n).as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            }
        };
        match found {
            Found::One(id) => LineMatch::Matched(id),
            Found::Several(candidates) => match by_number() {
                Some(id) if candidates.contains(&id) => LineMatch::Matched(id),
                _ => LineMatch::Ambiguous(candidates),
            },
            Found::Nothing => match by_number() {
                Some(id) => LineMatch::Matched(id),
                None => LineMatch::NoMatch { unknown_id: None },
            },
        }
    }

    /// An up-to line's bound within `series`; `Err` holds the candidates
    /// of an ambiguous title (empty when nothing fits).
    fn bound(&self, up_to: &UpTo, series: &str) -> Result<Bound, Vec<VideoId>> {
        match up_to {
            UpTo::Lecture(n) => Ok(Bound::Lecture(*n)),
            UpTo::Title(title) => match self.titles.find(title, Scope::Only(series)) {
                Found::One(id) => Ok(Bound::Video(id)),
                Found::Several(candidates) => Err(candidates),
                Found::Nothing => Err(Vec::new()),
            },
        }
    }
}

#[cfg(test)]
mod tests;
