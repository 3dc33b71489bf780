//! Pages + series rules → [`Catalogue`]: parse, merge snapshots, derive
//! series, year, lecture order, language and the safe summary.

use std::collections::{BTreeMap, HashMap};

use crate::catalogue::{Catalogue, Lang, Part, Series, Video, CATALOGUE_FORMAT};
use crate::lecture::{position_part, title_markers, PartMarker, Position, TitleMarkers};
use crate::neighbours::same_lecture_among;
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
    let go_on = &mut |_: &Page| Ok::<(), std::convert::Infallible>(());
    match import_checked(pages, rules, go_on) {
        Ok(import) => import,
        Err(never) => match never {},
    }
}

/// [`import`], asking `between_pages` after each page is parsed whether to
/// go on: the catalogue worker stops at its parse-time bound.
pub fn import_checked<E>(
    pages: &[Page],
    rules: &SeriesRules,
    between_pages: &mut dyn FnMut(&Page) -> Result<(), E>,
) -> Result<Import, E> {
    let mut problems = Vec::new();
    let mut raw = Vec::new();
    for page in pages {
        let parsed = parse_page(&page.name, &page.text);
        raw.extend(parsed.entries);
        problems.extend(parsed.problems);
        between_pages(page)?;
    }
    let (entries, merge_problems) = merge(raw);
    problems.extend(merge_problems);

    let years = estimate_years(&entries);
    let classified: Vec<_> = entries.iter().map(|e| rules.classify(&e.title)).collect();
    let markers: Vec<TitleMarkers> = entries.iter().map(|e| title_markers(&e.title)).collect();
    let topics = topic_keys(&classified, &markers, &entries);
    let parts = derive_parts(&markers, &topics);
    let mut videos: Vec<Video> = entries
        .iter()
        .zip(years)
        .zip(classified.iter().zip(&markers).zip(parts))
        .map(|((e, estimate), (((series, lang), markers), part))| {
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
                part,
                order: 0,
                lang: *lang,
                summary: e.summary.as_deref().and_then(summary::from_markdown),
            }
        })
        .collect();
    let counterparts: HashMap<&str, &str> = rules
        .series()
        .filter_map(|s| Some((s.id.as_str(), s.counterpart.as_deref()?)))
        .collect();
    assign_lecture_order(&mut videos, &counterparts);

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
    Ok(Import {
        catalogue: Catalogue {
            format: CATALOGUE_FORMAT,
            series,
            videos,
        },
        problems,
    })
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

/// Each entry's topic: the catalogue number of the first upload (entries
/// are in upload order) in its series whose title has a part marker and the
/// same topic text. `None` for entries that are not parts.
fn topic_keys(
    classified: &[(&Series, Lang)],
    markers: &[TitleMarkers],
    entries: &[RawEntry],
) -> Vec<Option<u32>> {
    let mut first: HashMap<(&str, &str), u32> = HashMap::new();
    classified
        .iter()
        .zip(markers)
        .zip(entries)
        .map(|(((series, _), m), e)| {
            m.part?;
            Some(
                *first
                    .entry((series.id.as_str(), m.topic.as_str()))
                    .or_insert(e.number),
            )
        })
        .collect()
}

/// Reads each part marker with the rest of its topic: what 上/中/下 count
/// depends on which of them the topic's loaded titles use
/// ([`position_part`]); numbered parts keep what their title writes.
fn derive_parts(markers: &[TitleMarkers], topics: &[Option<u32>]) -> Vec<Option<Part>> {
    let mut positions: HashMap<u32, Vec<Position>> = HashMap::new();
    for (m, topic) in markers.iter().zip(topics) {
        if let (Some(PartMarker::Position(p)), Some(topic)) = (m.part, topic) {
            positions.entry(*topic).or_default().push(p);
        }
    }
    markers
        .iter()
        .zip(topics)
        .map(|(m, topic)| {
            let topic = (*topic)?;
            let (n, of) = match m.part? {
                PartMarker::Numbered { n, of } => (n, of),
                PartMarker::Position(p) => position_part(p, &positions[&topic]),
            };
            Part::new(n, of, topic)
        })
        .collect()
}

/// Ranks each series' videos in the order a student should watch them:
/// by lecture number, where a video without one follows the lecture
/// uploaded before it; parts of one topic together and in part order;
/// otherwise upload order. A series whose titles number no lecture (ML
/// 2021) takes each lecture's number from the same lecture in its other
/// language version (`counterparts`: series id → the other's id), whose
/// titles do: its uploads are not in teaching order.
fn assign_lecture_order(videos: &mut [Video], counterparts: &HashMap<&str, &str>) {
    let mut by_series: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, v) in videos.iter().enumerate() {
        by_series.entry(v.series.clone()).or_default().push(i);
    }
    let borrowed = borrowed_lectures(videos, &by_series, counterparts);
    for indices in by_series.values() {
        let mut lecture_so_far = 0;
        let mut keys: Vec<((u32, u32, u32, u32), usize)> = indices
            .iter()
            .map(|&i| {
                let v = &videos[i];
                lecture_so_far = v.lecture.or(borrowed[i]).unwrap_or(lecture_so_far);
                // A topic starts where its first part was uploaded.
                let start = v.part.and_then(Part::topic).unwrap_or(v.number);
                (
                    (lecture_so_far, start, v.part.map_or(0, |p| p.n()), v.number),
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

/// For each video of a series with no lecture numbers of its own, the
/// number of the same lecture in its counterpart series, when one clearly
/// matches ([`same_lecture_among`]).
fn borrowed_lectures(
    videos: &[Video],
    by_series: &BTreeMap<String, Vec<usize>>,
    counterparts: &HashMap<&str, &str>,
) -> Vec<Option<u32>> {
    let mut borrowed = vec![None; videos.len()];
    for (series, indices) in by_series {
        if indices.iter().any(|&i| videos[i].lecture.is_some()) {
            continue; // its own numbering wins
        }
        let Some(other) = counterparts
            .get(series.as_str())
            .and_then(|c| by_series.get(*c))
        else {
            continue;
        };
        let numbered: Vec<&Video> = other
            .iter()
            .map(|&j| &videos[j])
            .filter(|v| v.lecture.is_some())
            .collect();
        for &i in indices {
            borrowed[i] =
                same_lecture_among(&videos[i], numbered.iter().copied()).and_then(|v| v.lecture);
        }
    }
    borrowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::neighbours::{is_next_part, previous_part, PreviousPart};

    fn rules() -> SeriesRules {
        SeriesRules::from_toml(
            "series.toml",
            include_str!("../../../catalogue/series.toml"),
        )
        .unwrap()
    }

    /// A catalogue of these (number, title) entries, ids made from the numbers.
    fn catalogue(entries: &[(u32, &str)]) -> Catalogue {
        let text: String = entries
            .iter()
            .map(|(number, title)| {
                let id = format!("v{number:010}");
                format!(
                    "<details>\n<summary>{number}. [2024-03-05] {title}</summary><br>\n\n\
                     <a href=\"https://www.youtube.com/watch?v={id}\" target=\"_blank\">\n\
                     <img src=\"https://img.youtube.com/vi/{id}/maxresdefault.jpg\" alt=\"[Youtube]\" width=\"200\">\n\
                     </a>\n\n</details>\n\n"
                )
            })
            .collect();
        let result = import(
            &[Page {
                name: "page.md".into(),
                text,
            }],
            &rules(),
        );
        assert!(result.problems.is_empty(), "{:?}", result.problems);
        result.catalogue
    }

    fn part(c: &Catalogue, number: u32) -> Option<(u32, Option<u32>)> {
        let v = c.videos.iter().find(|v| v.number == number).unwrap();
        v.part.map(|p| (p.n(), p.of()))
    }

    fn prev(c: &Catalogue, number: u32) -> Option<Result<u32, u32>> {
        let v = c.videos.iter().find(|v| v.number == number).unwrap();
        previous_part(c, v).map(|p| match p {
            PreviousPart::Loaded(v) => Ok(v.number),
            PreviousPart::Missing { n } => Err(n),
        })
    }

    const UPPER: &str = "【生成式AI導論 2024】第13講：安全性議題 (上) — 亡羊補牢";
    const MIDDLE: &str = "【生成式AI導論 2024】第14講：安全性議題 (中) — 偏見";
    const LOWER: &str = "【生成式AI導論 2024】第15講：安全性議題 (下) — 欺騙";

    #[test]
    fn upper_and_lower_are_halves_across_lecture_numbers() {
        let c = catalogue(&[(1, UPPER), (2, LOWER)]);
        assert_eq!(part(&c, 1), Some((1, Some(2))));
        assert_eq!(part(&c, 2), Some((2, Some(2))));
        assert_eq!(prev(&c, 2), Some(Ok(1)));
        assert_eq!(prev(&c, 1), None);
        assert!(is_next_part(&c.videos[0], &c.videos[1]));
        assert!(!is_next_part(&c.videos[1], &c.videos[0]));
    }

    #[test]
    fn a_middle_makes_thirds() {
        let c = catalogue(&[(1, UPPER), (2, MIDDLE), (3, LOWER)]);
        assert_eq!(part(&c, 1), Some((1, Some(3))));
        assert_eq!(part(&c, 2), Some((2, Some(3))));
        assert_eq!(part(&c, 3), Some((3, Some(3))));
        assert_eq!(prev(&c, 3), Some(Ok(2)));
        assert_eq!(prev(&c, 2), Some(Ok(1)));
        // Without the 上 loaded, the 中 still says it is the second of three.
        let c = catalogue(&[(2, MIDDLE), (3, LOWER)]);
        assert_eq!(part(&c, 2), Some((2, Some(3))));
        assert_eq!(prev(&c, 2), Some(Err(1)));
    }

    #[test]
    fn a_lone_lower_is_the_second_of_two_and_says_its_first_is_missing() {
        let c = catalogue(&[(2, LOWER)]);
        assert_eq!(part(&c, 2), Some((2, Some(2))));
        assert_eq!(prev(&c, 2), Some(Err(1)));
    }

    #[test]
    fn a_lone_upper_is_the_first_of_an_unknown_total() {
        let c = catalogue(&[(1, UPPER)]);
        assert_eq!(part(&c, 1), Some((1, None)));
        assert_eq!(prev(&c, 1), None);
    }

    #[test]
    fn topics_in_other_series_or_with_other_titles_stay_apart() {
        let c = catalogue(&[
            (1, "【生成式AI 2023】安全性議題 (上)"),
            (2, LOWER),
            (3, "【生成式AI導論 2024】第16講：別的議題 (上)"),
        ]);
        assert_eq!(part(&c, 1), Some((1, None)));
        assert_eq!(part(&c, 2), Some((2, Some(2))));
        assert_eq!(prev(&c, 2), Some(Err(1)));
        assert_eq!(part(&c, 3), Some((1, None)));
    }

    #[test]
    fn numbered_parts_keep_their_number_and_never_guess_a_total() {
        let rl = |n: &str| {
            format!("【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) ({n}) - x")
        };
        let (three, four) = (rl("三"), rl("四"));
        let c = catalogue(&[
            (1, &three),
            (2, &four),
            (
                3,
                "[ML 2021 (English version)] Lecture 29: Introduction of RL (2/5)",
            ),
            (4, "【機器學習2022】自然語言處理上的對抗式攻擊 - Part 2"),
        ]);
        assert_eq!(part(&c, 1), Some((3, None)));
        assert_eq!(part(&c, 2), Some((4, None)));
        assert_eq!(prev(&c, 1), Some(Err(2)));
        assert_eq!(prev(&c, 2), Some(Ok(1)));
        assert_eq!(part(&c, 3), Some((2, Some(5))));
        assert_eq!(prev(&c, 3), Some(Err(1)));
        assert_eq!(part(&c, 4), Some((2, None)));
        assert_eq!(prev(&c, 4), Some(Err(1)));
    }

    #[test]
    fn sub_lectures_are_parts_of_their_lecture() {
        let c = catalogue(&[
            (1, "ML Lecture 3-2: Gradient Descent (Demo by AOE)"),
            (2, "ML Lecture 3-1: Gradient Descent"),
            (3, "ML Lecture 9-2: Keras Demo 2"),
        ]);
        assert_eq!(prev(&c, 1), Some(Ok(2)));
        assert_eq!(prev(&c, 3), Some(Err(1)));
        // In part order, though uploaded the other way round.
        let v = |n: u32| c.videos.iter().find(|v| v.number == n).unwrap().order;
        assert!(v(2) < v(1));
    }

    #[test]
    fn a_course_without_numbers_follows_its_other_language_versions_numbering() {
        // As ML 2021 was uploaded: self-attention before CNN, while its
        // English version numbers CNN 9 and self-attention 10 and 11.
        let c = catalogue(&[
            (
                1,
                "【機器學習2021】預測本頻道觀看人數 (上) - 機器學習基本概念簡介",
            ),
            (2, "【機器學習2021】自注意力機制 (Self-attention) (上)"),
            (3, "【機器學習2021】自注意力機制 (Self-attention) (下)"),
            (
                4,
                "【機器學習2021】卷積神經網路 (Convolutional Neural Networks, CNN)",
            ),
            (5, "【機器學習2021】課程結語 - 最後的業配"),
            (6, "【機器學習2021】Transformer (上)"),
            (
                7,
                "[ML 2021 (English version)] Lecture 9: Convolutional Neural Networks",
            ),
            (
                8,
                "[ML 2021 (English version)] Lecture 10: Self-attention (1/2)",
            ),
            (
                9,
                "[ML 2021 (English version)] Lecture 11: Self-attention (2/2)",
            ),
            (
                10,
                "[ML 2021 (English version)] Lecture 12: Transformer (1/2)",
            ),
        ]);
        let order = |series: &str| -> Vec<u32> {
            c.series_videos(series).iter().map(|v| v.number).collect()
        };
        // Unmatched titles keep following the upload before them: the
        // closing words after CNN's upload, so after lecture 9's place.
        assert_eq!(order("ml2021"), vec![1, 4, 5, 2, 3, 6]);
        assert_eq!(order("ml2021-en"), vec![7, 8, 9, 10]);
        // Borrowing orders; it does not claim a lecture number.
        assert!(c
            .videos
            .iter()
            .filter(|v| v.series == "ml2021")
            .all(|v| v.lecture.is_none()));
    }
}
