//! Facets: filtering by year, series, language, summary and watch state, and
//! counting what each facet value would give.
//!
//! Counting is disjunctive: values of one facet are alternatives (OR), facets
//! combine with AND, and a value's count is the number of results selecting
//! it would give with every *other* facet (and the text query) applied. So
//! picking "2023" does not turn "2024" into zero: it shows how many picking
//! 2024 as well would add.

use crate::catalogue::{Catalogue, Lang, Video};
use crate::watch::WatchState;

use super::query::Query;

const YEAR: usize = 0;
const SERIES: usize = 1;
const LANG: usize = 2;
const SUMMARY: usize = 3;
const WATCHED: usize = 4;
const FACETS: usize = 5;

/// The values of the has-summary facet, in the order shown.
const SUMMARY_VALUES: [bool; 2] = [true, false];

/// One value of a facet, as the UI lists it (zero counts included, to be
/// shown disabled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue<T> {
    pub value: T,
    pub count: usize,
    pub selected: bool,
}

/// Every facet's values with their counts: years newest first, series in
/// catalogue order, languages and watch states in their fixed order, and
/// "has summary" before "no summary".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub years: Vec<FacetValue<u16>>,
    pub series: Vec<FacetValue<String>>,
    pub langs: Vec<FacetValue<Lang>>,
    pub summary: Vec<FacetValue<bool>>,
    pub watched: Vec<FacetValue<WatchState>>,
}

/// Which value of each facet a video has, as an index into that facet's
/// value list (`None`: it has none, e.g. no year).
pub type Slots = [Option<usize>; FACETS];

/// The values each facet offers, fixed by the catalogue when the index is
/// built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Domain {
    years: Vec<u16>,
    series: Vec<String>,
    langs: Vec<Lang>,
}

impl Domain {
    pub fn new(catalogue: &Catalogue) -> Domain {
        let mut years: Vec<u16> = catalogue.videos.iter().filter_map(video_year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();

        let mut series: Vec<String> = catalogue.series.iter().map(|s| s.id.clone()).collect();
        for video in &catalogue.videos {
            if !series.contains(&video.series) {
                series.push(video.series.clone());
            }
        }

        let langs = [Lang::Zh, Lang::En]
            .into_iter()
            .filter(|l| catalogue.videos.iter().any(|v| v.lang == *l))
            .collect();
        Domain {
            years,
            series,
            langs,
        }
    }

    /// A video's slots; the watch state is not in the catalogue and is
    /// filled in per search with [`with_watch`].
    pub fn slots(&self, video: &Video) -> Slots {
        let mut slots = [None; FACETS];
        slots[YEAR] = video_year(video).and_then(|y| self.years.iter().position(|&v| v == y));
        slots[SERIES] = self.series.iter().position(|s| *s == video.series);
        slots[LANG] = self.langs.iter().position(|&l| l == video.lang);
        slots[SUMMARY] = SUMMARY_VALUES
            .iter()
            .position(|&b| b == video.summary.is_some());
        slots
    }

    fn sizes(&self) -> [usize; FACETS] {
        [
            self.years.len(),
            self.series.len(),
            self.langs.len(),
            SUMMARY_VALUES.len(),
            WatchState::ALL.len(),
        ]
    }
}

/// Completes a video's slots with its watch state, known only per search.
pub fn with_watch(mut slots: Slots, state: WatchState) -> Slots {
    slots[WATCHED] = WatchState::ALL.iter().position(|&s| s == state);
    slots
}

/// The year a video belongs to: its own, else its date's.
pub fn video_year(video: &Video) -> Option<u16> {
    video.year.or(video.date.map(|d| d.year))
}

/// How many facets turn a video away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failing {
    None,
    One(usize),
    Many,
}

/// The query's facet choices as masks over each facet's values; `None` for
/// a facet with nothing selected.
///
/// Selected values the catalogue does not have (a stale link's year or
/// series) are ignored: the UI could not show them to be unselected, so
/// they must not silently empty the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    masks: [Option<Vec<bool>>; FACETS],
}

impl Selection {
    pub fn new(domain: &Domain, query: &Query) -> Selection {
        let sizes = domain.sizes();
        let slots: [Vec<usize>; FACETS] = [
            positions(&domain.years, &query.years),
            positions(&domain.series, &query.series),
            positions(&domain.langs, &query.langs),
            positions(&SUMMARY_VALUES, query.summary.as_slice()),
            positions(&WatchState::ALL, &query.watched),
        ];
        let masks = std::array::from_fn(|f| {
            (!slots[f].is_empty()).then(|| {
                let mut mask = vec![false; sizes[f]];
                slots[f].iter().for_each(|&s| mask[s] = true);
                mask
            })
        });
        Selection { masks }
    }

    pub fn failing(&self, slots: &Slots) -> Failing {
        let mut failing = Failing::None;
        for (f, mask) in self.masks.iter().enumerate() {
            let Some(mask) = mask else { continue };
            if slots[f].is_some_and(|s| mask.get(s) == Some(&true)) {
                continue;
            }
            failing = match failing {
                Failing::None => Failing::One(f),
                _ => return Failing::Many,
            };
        }
        failing
    }

    fn selected(&self, facet: usize, slot: usize) -> bool {
        self.masks[facet]
            .as_ref()
            .is_some_and(|m| m.get(slot) == Some(&true))
    }
}

fn positions<T: PartialEq>(values: &[T], selected: &[T]) -> Vec<usize> {
    selected
        .iter()
        .filter_map(|s| values.iter().position(|v| v == s))
        .collect()
}

/// Counts per facet value, filled one video at a time.
#[derive(Debug, Clone)]
pub struct Counter {
    counts: [Vec<usize>; FACETS],
}

impl Counter {
    pub fn new(domain: &Domain) -> Counter {
        let sizes = domain.sizes();
        Counter {
            counts: std::array::from_fn(|f| vec![0; sizes[f]]),
        }
    }

    /// Adds a video that matched the text: to every facet if no facet turned
    /// it away, to the one facet that did otherwise (its value there is what
    /// selecting more of that facet would add).
    pub fn add(&mut self, slots: &Slots, failing: Failing) {
        match failing {
            Failing::None => (0..FACETS).for_each(|f| self.bump(f, slots[f])),
            Failing::One(f) => self.bump(f, slots[f]),
            Failing::Many => {}
        }
    }

    fn bump(&mut self, facet: usize, slot: Option<usize>) {
        if let Some(n) = slot.and_then(|s| self.counts[facet].get_mut(s)) {
            *n += 1;
        }
    }

    pub fn into_facets(self, domain: &Domain, selection: &Selection) -> Facets {
        let [years, series, langs, summary, watched] = &self.counts;
        Facets {
            years: facet_values(domain.years.iter().copied(), YEAR, years, selection),
            series: facet_values(domain.series.iter().cloned(), SERIES, series, selection),
            langs: facet_values(domain.langs.iter().copied(), LANG, langs, selection),
            summary: facet_values(SUMMARY_VALUES, SUMMARY, summary, selection),
            watched: facet_values(WatchState::ALL, WATCHED, watched, selection),
        }
    }
}

fn facet_values<T>(
    values: impl IntoIterator<Item = T>,
    facet: usize,
    counts: &[usize],
    selection: &Selection,
) -> Vec<FacetValue<T>> {
    values
        .into_iter()
        .enumerate()
        .map(|(slot, value)| FacetValue {
            value,
            count: counts.get(slot).copied().unwrap_or(0),
            selected: selection.selected(facet, slot),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let json = r#"{"format":1,
            "series":[{"id":"b","name_zh":"B","name_en":"B","lang":"zh","kind":"course"},
                      {"id":"a","name_zh":"A","name_en":"A","lang":"zh","kind":"course"},
                      {"id":"empty","name_zh":"E","name_en":"E","lang":"zh","kind":"course"}],
            "videos":[
              {"number":1,"id":"v1_________","title":"one","year":2021,"series":"a","order":1,"lang":"zh"},
              {"number":2,"id":"v2_________","title":"two","year":2022,"series":"a","order":2,"lang":"en"},
              {"number":3,"id":"v3_________","title":"three","year":2022,"series":"b","order":1,"lang":"zh",
               "summary":{"blocks":[],"text":"s"}},
              {"number":4,"id":"v4_________","title":"four","date":"2023-01-02","series":"odd","order":1,"lang":"zh"}
            ]}"#;
        Catalogue::from_json(json).unwrap()
    }

    fn counts<T: Clone>(values: &[FacetValue<T>]) -> Vec<(T, usize)> {
        values.iter().map(|v| (v.value.clone(), v.count)).collect()
    }

    /// Runs the counting loop the way `search` does, with every video
    /// matching the text and unwatched.
    fn facets(query: &Query) -> (Facets, usize) {
        let cat = catalogue();
        let domain = Domain::new(&cat);
        let selection = Selection::new(&domain, query);
        let mut counter = Counter::new(&domain);
        let mut hits = 0;
        for video in &cat.videos {
            let slots = with_watch(domain.slots(video), WatchState::Unwatched);
            let failing = selection.failing(&slots);
            counter.add(&slots, failing);
            hits += usize::from(failing == Failing::None);
        }
        (counter.into_facets(&domain, &selection), hits)
    }

    #[test]
    fn domain_lists_every_value_in_display_order() {
        let (f, hits) = facets(&Query::default());
        assert_eq!(hits, 4);
        assert_eq!(counts(&f.years), [(2023, 1), (2022, 2), (2021, 1)]);
        assert_eq!(
            counts(&f.series),
            [
                ("b".into(), 1),
                ("a".into(), 2),
                ("empty".into(), 0),
                ("odd".into(), 1)
            ]
        );
        assert_eq!(counts(&f.langs), [(Lang::Zh, 3), (Lang::En, 1)]);
        assert_eq!(counts(&f.summary), [(true, 1), (false, 3)]);
        assert_eq!(
            counts(&f.watched),
            [
                (WatchState::Unwatched, 4),
                (WatchState::InProgress, 0),
                (WatchState::Watched, 0)
            ]
        );
        assert!(f.years.iter().all(|v| !v.selected));
    }

    #[test]
    fn counts_are_disjunctive_within_a_facet_and_conjunctive_across() {
        let query = Query {
            years: vec![2022],
            langs: vec![Lang::Zh],
            ..Query::default()
        };
        let (f, hits) = facets(&query);
        assert_eq!(hits, 1); // v3
                             // Years count with the language applied but not the year itself.
        assert_eq!(counts(&f.years), [(2023, 1), (2022, 1), (2021, 1)]);
        // Languages count with the year applied but not the language.
        assert_eq!(counts(&f.langs), [(Lang::Zh, 1), (Lang::En, 1)]);
        // Other facets count the actual results.
        assert_eq!(
            counts(&f.series),
            [
                ("b".into(), 1),
                ("a".into(), 0),
                ("empty".into(), 0),
                ("odd".into(), 0)
            ]
        );
        assert!(f.years[1].selected && !f.years[0].selected);
        assert!(f.langs[0].selected);

        let query = Query {
            years: vec![2022, 2021],
            ..Query::default()
        };
        assert_eq!(facets(&query).1, 3);
    }

    #[test]
    fn values_the_catalogue_lacks_are_ignored() {
        let query = Query {
            years: vec![1999],
            series: vec!["gone".into()],
            ..Query::default()
        };
        let (f, hits) = facets(&query);
        assert_eq!(hits, 4);
        assert!(f.years.iter().all(|v| !v.selected));
        assert!(f.series.iter().all(|v| !v.selected));
    }

    #[test]
    fn summary_and_watch_state_filter() {
        let (_, hits) = facets(&Query {
            summary: Some(true),
            ..Query::default()
        });
        assert_eq!(hits, 1);
        let (f, hits) = facets(&Query {
            watched: vec![WatchState::Watched],
            ..Query::default()
        });
        assert_eq!(hits, 0);
        assert_eq!(f.watched[0].count, 4);
        assert!(f.watched[2].selected);
    }
}
