//! Ordering results.
//!
//! Every video's place in number, date and title order is worked out once
//! when the index is built, so ordering a result list is an integer sort and
//! no key is rebuilt per keystroke.

use std::cmp::Reverse;

use crate::catalogue::{Catalogue, Video};

use super::facets::video_year;
use super::query::{Direction, Sort};

/// Each video's position (by catalogue index) in ascending number, date and
/// title order. Positions are distinct, so every order is total and
/// descending is exactly ascending reversed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranks {
    number: Vec<usize>,
    lecture: Vec<usize>,
    date: Vec<usize>,
    title: Vec<usize>,
}

/// A video that passed every filter, before it becomes a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub video: usize,
    /// How many of the query's terms it met (fewer than all only in a
    /// partial result).
    pub matched: usize,
    /// How many terms its title holds (relevance).
    pub title_terms: usize,
    /// How many terms its series or lecture number met (relevance, after
    /// the title).
    pub meta_terms: usize,
}

impl Ranks {
    /// `folded_titles[i]` is the folded title of `catalogue.videos[i]`.
    pub fn new(catalogue: &Catalogue, folded_titles: &[&str]) -> Ranks {
        let videos = &catalogue.videos;
        let date_keys = date_keys(videos);
        let title = |i: usize| folded_titles.get(i).copied().unwrap_or("");
        let series_at = |i: usize| {
            catalogue
                .series
                .iter()
                .position(|s| s.id == videos[i].series)
                .unwrap_or(usize::MAX)
        };
        Ranks {
            number: positions(videos.len(), |i| (videos[i].number, i)),
            lecture: positions(videos.len(), |i| {
                (series_at(i), videos[i].order, videos[i].number, i)
            }),
            date: positions(videos.len(), |i| (date_keys[i], videos[i].number, i)),
            title: positions(videos.len(), |i| (title(i), videos[i].number, i)),
        }
    }
}

/// Sorts candidates for `sort`. Relevance puts videos that met more terms
/// first, then those with more terms in the title, then more met by their
/// course or lecture number, then newest (highest number) first. In any
/// other order, videos that met more terms still come first (a partial
/// result), each group in the chosen order.
pub fn sort(found: &mut [Candidate], sort: Sort, ranks: &Ranks) {
    let rank = |ranks: &[usize], c: &Candidate| ranks.get(c.video).copied().unwrap_or(usize::MAX);
    let by = |found: &mut [Candidate], ranks: &[usize], dir: Direction| match dir {
        Direction::Asc => found.sort_unstable_by_key(|c| rank(ranks, c)),
        Direction::Desc => found.sort_unstable_by_key(|c| Reverse(rank(ranks, c))),
    };
    match sort {
        Sort::Lecture => by(found, &ranks.lecture, Direction::Asc),
        // Callers resolve `Auto` (`Query::effective_sort`); relevance if not.
        Sort::Auto | Sort::Relevance => found.sort_unstable_by_key(|c| {
            (
                Reverse(c.matched),
                Reverse(c.title_terms),
                Reverse(c.meta_terms),
                Reverse(rank(&ranks.number, c)),
            )
        }),
        Sort::Number(dir) => by(found, &ranks.number, dir),
        Sort::Date(dir) => by(found, &ranks.date, dir),
        Sort::Title(dir) => by(found, &ranks.title, dir),
    }
    if !matches!(sort, Sort::Auto | Sort::Relevance)
        && found.windows(2).any(|w| w[0].matched != w[1].matched)
    {
        found.sort_by_key(|c| Reverse(c.matched)); // stable: keeps the order within a group
    }
}

/// Position of each index in the ascending order of `key`.
fn positions<K: Ord>(len: usize, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by_cached_key(|&i| key(i));
    let mut rank = vec![0; len];
    for (pos, &i) in order.iter().enumerate() {
        rank[i] = pos;
    }
    rank
}

/// `(year, month, day)` to sort by date. An undated video was uploaded no
/// earlier than the dated one just before it (upload order is the number),
/// so it takes that date if it is of the same year, else the start of its
/// own year; with no year at all it goes first.
fn date_keys(videos: &[Video]) -> Vec<(u16, u8, u8)> {
    let mut by_number: Vec<usize> = (0..videos.len()).collect();
    by_number.sort_by_key(|&i| (videos[i].number, i));
    let mut keys = vec![(0, 0, 0); videos.len()];
    let mut last = None;
    for i in by_number {
        let video = &videos[i];
        keys[i] = match (video.date, video_year(video)) {
            (Some(d), _) => {
                last = Some(d);
                (d.year, d.month, d.day)
            }
            (None, Some(year)) => match last {
                Some(d) if d.year == year => (d.year, d.month, d.day),
                _ => (year, 0, 0),
            },
            (None, None) => (0, 0, 0),
        };
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;

    fn catalogue() -> Catalogue {
        let json = r#"{"format":1,"series":[],"videos":[
          {"number":10,"id":"aaaaaaaaaaa","title":"Beta","year":2023,"series":"s","order":1,"lang":"zh"},
          {"number":11,"id":"bbbbbbbbbbb","title":"alpha","date":"2023-05-01","series":"s","order":2,"lang":"zh"},
          {"number":12,"id":"ccccccccccc","title":"Gamma","year":2023,"series":"s","order":3,"lang":"zh"},
          {"number":13,"id":"ddddddddddd","title":"ＡＬＰＨＡ","date":"2023-03-01","series":"s","order":4,"lang":"zh"},
          {"number":14,"id":"eeeeeeeeeee","title":"delta","year":2024,"series":"s","order":5,"lang":"zh"},
          {"number":9,"id":"fffffffffff","title":"zeta","series":"s","order":6,"lang":"zh"}
        ]}"#;
        Catalogue::from_json(json).unwrap()
    }

    fn order(sort_by: Sort, title_terms: &[usize]) -> Vec<&'static str> {
        let cat = catalogue();
        let titles: Vec<String> = cat.videos.iter().map(|v| fold(&v.title)).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let ranks = Ranks::new(&cat, &titles);
        let mut found: Vec<Candidate> = (0..cat.videos.len())
            .map(|video| Candidate {
                video,
                matched: 0,
                title_terms: title_terms.get(video).copied().unwrap_or(0),
                meta_terms: 0,
            })
            .collect();
        sort(&mut found, sort_by, &ranks);
        let ids = ["a", "b", "c", "d", "e", "f"];
        found.iter().map(|c| ids[c.video]).collect()
    }

    #[test]
    fn number_order_both_ways() {
        assert_eq!(
            order(Sort::Number(Direction::Asc), &[]),
            ["f", "a", "b", "c", "d", "e"]
        );
        assert_eq!(
            order(Sort::Number(Direction::Desc), &[]),
            ["e", "d", "c", "b", "a", "f"]
        );
    }

    #[test]
    fn undated_videos_follow_the_dated_upload_before_them() {
        // f has no year: first. a (2023) precedes every dated upload: start
        // of 2023. c (no 12) inherits 05-01 from b (no 11) and follows it.
        // e (2024) follows d's 2023 date: start of 2024.
        assert_eq!(
            order(Sort::Date(Direction::Asc), &[]),
            ["f", "a", "d", "b", "c", "e"]
        );
        assert_eq!(
            order(Sort::Date(Direction::Desc), &[]),
            ["e", "c", "b", "d", "a", "f"]
        );
    }

    #[test]
    fn title_order_uses_folded_titles() {
        assert_eq!(
            order(Sort::Title(Direction::Asc), &[]),
            ["b", "d", "a", "e", "c", "f"]
        );
        assert_eq!(
            order(Sort::Title(Direction::Desc), &[]),
            ["f", "c", "e", "a", "d", "b"]
        );
    }

    #[test]
    fn relevance_puts_title_matches_first_then_newest() {
        assert_eq!(order(Sort::Relevance, &[]), ["e", "d", "c", "b", "a", "f"]);
        assert_eq!(
            order(Sort::Relevance, &[0, 1, 0, 0, 0, 2]),
            ["f", "b", "e", "d", "c", "a"]
        );
    }

    #[test]
    fn more_terms_then_title_then_course_then_summary() {
        let cat = catalogue();
        let titles: Vec<String> = cat.videos.iter().map(|v| fold(&v.title)).collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let ranks = Ranks::new(&cat, &titles);
        // (matched, title_terms, meta_terms) per video a..f
        let how = [
            (2, 0, 0),
            (2, 1, 0),
            (2, 0, 1),
            (1, 1, 0),
            (2, 2, 0),
            (2, 0, 1),
        ];
        let candidates: Vec<Candidate> = how
            .iter()
            .enumerate()
            .map(|(video, &(matched, title_terms, meta_terms))| Candidate {
                video,
                matched,
                title_terms,
                meta_terms,
            })
            .collect();
        let ids = ["a", "b", "c", "d", "e", "f"];
        let mut found = candidates.clone();
        sort(&mut found, Sort::Relevance, &ranks);
        let got: Vec<&str> = found.iter().map(|c| ids[c.video]).collect();
        // c and f tie on everything but number: c (12) is newer than f (9).
        assert_eq!(got, ["e", "b", "c", "f", "a", "d"]);

        let mut found = candidates;
        sort(&mut found, Sort::Number(Direction::Asc), &ranks);
        let got: Vec<&str> = found.iter().map(|c| ids[c.video]).collect();
        assert_eq!(got, ["f", "a", "b", "c", "e", "d"], "fewer terms last");
    }
}
