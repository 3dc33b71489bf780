//! What a query means beyond its words: a pasted YouTube link or video id,
//! a course named the way students name it ("GenAI 2024", "ML2021",
//! "生成式AI導論 2024"), and lecture numbers in any form (第8講, 第八講,
//! Lecture 8, L8).
//!
//! The query is read once per keystroke; nothing here runs per video. The
//! readers are assignment's own (links, course names, lecture numbers), so
//! a line that assigns a lecture and a search for it agree.

use crate::assignment::links::{bare_id, find_link, Link};
use crate::assignment::numbers::lecture_ref;
use crate::catalogue::Catalogue;

use super::fold::fold_char;
use super::index::SearchIndex;
use super::terms::{Terms, MAX_QUERY_CHARS, MAX_TERMS};

/// Whose lectures these all are: the professor and the channel, folded as
/// queries fold ("hung-yi lee", 李宏毅). Like a course name, each matches
/// every lecture, so it is read and set aside, not matched as text.
const EVERYONES: [&str; 6] = [
    "李宏毅老师",
    "李宏毅",
    "hung-yi lee",
    "hungyi lee",
    "hung yi lee",
    "hung-yi",
];

/// The longest run of words tried as one course name ("ML 2021 (English
/// version)" is five).
const MAX_NAME_WORDS: usize = 6;

/// A course named in the query: its videos meet the term, and so does any
/// video whose text holds every word of the name (so 生成式AI, an alias,
/// still finds the titles that say 生成式AI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SeriesTerm {
    /// Index into the catalogue's `series`.
    pub series: usize,
    pub words: Terms,
}

/// A lecture number: met by videos whose `lecture` is that number, and by
/// any video whose text holds the reference as typed (so "L1" still finds
/// "L1 regularization").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LectureTerm {
    pub number: u32,
    /// The folded reference ("第8讲", "lecture 8", "l8").
    pub text: String,
}

/// A query, understood.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Understood {
    /// The whole query is a link to or the id of a catalogue video: only
    /// that one (`Some(None)`: a link to a video the catalogue lacks).
    pub video: Option<Option<usize>>,
    /// Plain words, matched as substrings.
    pub terms: Terms,
    pub series: Vec<SeriesTerm>,
    pub lectures: Vec<LectureTerm>,
    /// What to highlight: the plain words, the course names' words and the
    /// lecture references as typed.
    pub highlight: Terms,
}

impl Understood {
    pub fn parse(text: &str, index: &SearchIndex, catalogue: &Catalogue) -> Understood {
        if let Some(video) = whole_video(text, catalogue) {
            return Understood {
                video: Some(video),
                ..Understood::default()
            };
        }
        let mut folded: String = text.chars().take(MAX_QUERY_CHARS).map(fold_char).collect();
        let mut lectures = Vec::new();
        let mut highlight: Vec<String> = Vec::new();
        while lectures.len() < MAX_TERMS {
            let Some((n, span)) = lecture_ref(&folded) else {
                break;
            };
            let text = folded[span.clone()].to_string();
            if !lectures.iter().any(|l: &LectureTerm| l.number == n) {
                lectures.push(LectureTerm {
                    number: n,
                    text: text.clone(),
                });
            }
            highlight.push(text);
            folded.replace_range(span, " ");
        }

        folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        for name in EVERYONES {
            while let Some(at) = find_name(&folded, name) {
                highlight.push(name.to_string());
                folded.replace_range(at..at + name.len(), " ");
            }
        }

        let words: Vec<&str> = folded.split_whitespace().take(MAX_TERMS).collect();
        let mut series: Vec<SeriesTerm> = Vec::new();
        let mut plain: Vec<String> = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let longest = MAX_NAME_WORDS.min(words.len() - at);
            let named = (1..=longest).rev().find_map(|len| {
                let run = words[at..at + len].join(" ");
                let id = index.names.named(&run)?;
                let series = catalogue.series.iter().position(|s| s.id == id)?;
                Some((len, series))
            });
            match named {
                Some((len, s)) => {
                    let run = &words[at..at + len];
                    highlight.extend(run.iter().map(|w| w.to_string()));
                    if !series.iter().any(|t| t.series == s) {
                        series.push(SeriesTerm {
                            series: s,
                            words: Terms::from_folded(run.iter().map(|w| w.to_string())),
                        });
                    }
                    at += len;
                }
                None => {
                    plain.push(words[at].to_string());
                    highlight.push(words[at].to_string());
                    at += 1;
                }
            }
        }
        Understood {
            video: None,
            terms: Terms::from_folded(plain),
            series,
            lectures,
            highlight: Terms::from_folded(highlight),
        }
    }

    /// How many things a video must meet: plain terms, courses, lectures.
    pub fn len(&self) -> usize {
        self.terms.len() + self.series.len() + self.lectures.len()
    }

    /// A single course named and nothing else: the course is what is wanted,
    /// so it reads best in lecture order.
    pub fn only_series(&self) -> bool {
        self.video.is_none()
            && self.series.len() == 1
            && self.terms.is_empty()
            && self.lectures.is_empty()
    }
}

/// Where `name` stands in `folded`: a Latin name as whole words (not the
/// "lee" of "fleet"), a Chinese one anywhere.
fn find_name(folded: &str, name: &str) -> Option<usize> {
    let latin = name.is_ascii();
    folded.match_indices(name).map(|(at, _)| at).find(|&at| {
        let before = folded[..at].chars().next_back();
        let after = folded[at + name.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        !latin || (edge(before) && edge(after))
    })
}

/// The query as a whole is one YouTube video link (`Some(None)` if the
/// catalogue lacks it), or one bare id of a catalogue video. An 11-letter
/// word that is no catalogue id ("transformer") stays a word.
fn whole_video(text: &str, catalogue: &Catalogue) -> Option<Option<usize>> {
    let text = text.trim();
    if text.is_empty() || text.split_whitespace().nth(1).is_some() {
        return None;
    }
    let position = |id: &str| catalogue.videos.iter().position(|v| v.id == id);
    if let Some(Link::Video(id)) = find_link(text) {
        return Some(position(&id));
    }
    bare_id(text).and_then(|id| position(&id)).map(Some)
}
