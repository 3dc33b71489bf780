//! The search index: what search needs from the catalogue, folded, slotted
//! and ranked once, so a keystroke only folds the query.

use crate::assignment::names::SeriesNames;
use crate::catalogue::Catalogue;

use super::facets::{Domain, Slots};
use super::fold::Folded;
use super::rank::Ranks;
use super::suggest::Vocabulary;

/// Built once per catalogue with [`SearchIndex::new`] and passed to
/// [`search`](super::search) together with that same catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub(super) entries: Vec<Entry>,
    pub(super) domain: Domain,
    pub(super) ranks: Ranks,
    /// Course names as students type them.
    pub(super) names: SeriesNames,
    /// The titles' and summaries' words, for "did you mean".
    pub(super) vocabulary: Vocabulary,
}

/// One video's precomputed search data, at the video's catalogue index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub title: Folded,
    pub summary: Option<Folded>,
    /// Its facet values, all but the watch state.
    pub slots: Slots,
    /// Index of its series in the catalogue's `series` (`usize::MAX`: none).
    pub series: usize,
    pub lecture: Option<u32>,
}

impl SearchIndex {
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let domain = Domain::new(catalogue);
        let entries: Vec<Entry> = catalogue
            .videos
            .iter()
            .map(|video| Entry {
                title: Folded::new(&video.title),
                summary: video.summary.as_ref().map(|s| Folded::new(&s.text)),
                slots: domain.slots(video),
                series: catalogue
                    .series
                    .iter()
                    .position(|s| s.id == video.series)
                    .unwrap_or(usize::MAX),
                lecture: video.lecture,
            })
            .collect();
        let titles: Vec<&str> = entries.iter().map(|e| e.title.as_str()).collect();
        let ranks = Ranks::new(catalogue, &titles);
        let vocabulary = Vocabulary::new(entries.iter().flat_map(|e| {
            std::iter::once(e.title.as_str()).chain(e.summary.as_ref().map(Folded::as_str))
        }));
        SearchIndex {
            vocabulary,
            entries,
            domain,
            ranks,
            names: SeriesNames::new(catalogue),
        }
    }

    /// How many videos the index covers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether any video's title or summary holds the folded `term`.
    pub(super) fn holds(&self, term: &str) -> bool {
        self.entries.iter().any(|e| {
            e.title.as_str().contains(term)
                || e.summary
                    .as_ref()
                    .is_some_and(|s| s.as_str().contains(term))
        })
    }
}
