//! Pages + series rules → [`Catalogue`]: parse, merge snapshots, derive
//! series, year, lecture order, language and the safe summary.

use std::collections::{BTreeMap, HashMap};

use crate::catalogue::{Catalogue, Video, CATALOGUE_FORMAT};
use crate::lecture::title_markers;
use crate::page::{parse_page, RawEntry};
use crate::problem::Problem;
use crate::series::SeriesRules;
use crate::snapshots::merge;
use crate::summary;

pub struct Page {
    /// As the maintainer named it; problems quote it.
    pub name: String,
    pub text: String,
}

pub struct Import {
    pub catalogue: Catalogue,
    /// Empty when the pages are clean; the catalogue is still built from what parsed.
    pub problems: Vec<Problem>,
}

pub fn import(pages: &[Page], rules: &SeriesRules) -> Import {
    let mut problems = Vec::new();
    let mut raw = Vec::new();
    for page in pages {
        let parsed = parse_page(&page.name, &page.text);
        raw.extend(parsed.entries);
        problems.extend(parsed.problems);
    }
    let (entries, merge_problems) = merge(raw);
    problems.extend(merge_problems);

    let years = estimate_years(&entries);
    let mut videos: Vec<Video> = entries
        .iter()
        .zip(years)
        .map(|(e, estimate)| {
            let (series, lang) = rules.classify(&e.title);
            let markers = title_markers(&e.title);
            let (year, year_estimated) = match (e.date, series.year) {
                (Some(d), _) => (Some(d.year), false),
                (None, Some(y)) => (Some(y), false),
                (None, None) => (estimate, estimate.is_some()),
            };
            Video {
                number: e.number,
                id: e.video_id.clone(),
                title: e.title.clone(),
                date: e.date,
                year,
                year_estimated,
                series: series.id.clone(),
                lecture: markers.lecture,
                part: markers.part,
                order: 0,
                lang,
                summary: e.summary.as_deref().and_then(summary::from_markdown),
            }
        })
        .collect();
    assign_lecture_order(&mut videos);

    // Only series that have videos: an empty facet helps nobody.
    let used: Vec<&str> = videos.iter().map(|v| v.series.as_str()).collect();
    let mut series: Vec<_> = rules
        .series()
        .filter(|s| used.contains(&s.id.as_str()))
        .cloned()
        .collect();
    let ids: Vec<String> = series.iter().map(|s| s.id.clone()).collect();
    for s in &mut series {
        s.counterpart = s.counterpart.take().filter(|c| ids.contains(c));
    }
    problems.sort();
    Import {
        catalogue: Catalogue {
            format: CATALOGUE_FORMAT,
            series,
            videos,
        },
        problems,
    }
}

/// For each entry (sorted by number), the year of the nearest dated upload
/// by number; the earlier one wins a tie, as uploads never predate it.
fn estimate_years(entries: &[RawEntry]) -> Vec<Option<u16>> {
    let dated: Vec<(u32, u16)> = entries
        .iter()
        .filter_map(|e| Some((e.number, e.date?.year)))
        .collect();
    entries
        .iter()
        .map(|e| {
            let after = dated.partition_point(|&(n, _)| n < e.number);
            let before = after.checked_sub(1).map(|i| dated[i]);
            let next = dated.get(after).copied();
            match (before, next) {
                (Some((bn, by)), Some((nn, ny))) => Some(if e.number - bn <= nn - e.number {
                    by
                } else {
                    ny
                }),
                (Some((_, y)), None) | (None, Some((_, y))) => Some(y),
                (None, None) => None,
            }
        })
        .collect()
}

/// Ranks each series' videos in the order a student should watch them:
/// by lecture number, where a video without one follows the lecture
/// uploaded before it; parts of one topic together and in part order;
/// otherwise upload order.
fn assign_lecture_order(videos: &mut [Video]) {
    let mut by_series: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, v) in videos.iter().enumerate() {
        by_series.entry(v.series.clone()).or_default().push(i);
    }
    for indices in by_series.values() {
        // `videos` is in upload order, so each topic's first number is its first sighting.
        let mut topic_start: HashMap<String, u32> = HashMap::new();
        let mut lecture_so_far = 0;
        let mut keys: Vec<((u32, u32, u32, u32), usize)> = indices
            .iter()
            .map(|&i| {
                let v = &videos[i];
                lecture_so_far = v.lecture.unwrap_or(lecture_so_far);
                let topic = title_markers(&v.title).topic;
                let start = match v.part {
                    Some(_) => *topic_start.entry(topic).or_insert(v.number),
                    None => v.number,
                };
                (
                    (lecture_so_far, start, v.part.map_or(0, |p| p.n), v.number),
                    i,
                )
            })
            .collect();
        keys.sort();
        for (rank, (_, i)) in keys.into_iter().enumerate() {
            videos[i].order = rank as u32 + 1;
        }
    }
}
