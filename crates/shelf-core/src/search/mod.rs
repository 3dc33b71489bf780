//! Search over the catalogue: folding, terms, matching, facets, ranking and
//! the URL form of a search.
//!
//! [`SearchIndex::new`] folds every title and summary once; [`search`] then
//! folds only the query, so it can run on every keystroke. Everything here
//! is pure and never panics, whatever the query or URL holds.
//!
//! - [`fold()`] and [`Folded`]: case, width and Traditional/Simplified
//!   folding, with a map back to the original text for highlights.
//! - [`Terms`]: the search text split into ANDed substring terms.
//! - `understand`: what else the text says — a YouTube link or id, a course
//!   name ("GenAI 2024", "ML2021"), a lecture number (第八講, L8).
//! - [`Query`]: the whole search state and its canonical URL form.
//! - [`Facets`]: disjunctive facet counts.
//! - [`Sort`]: relevance, number, date or title order.

mod facets;
mod fold;
mod index;
mod matcher;
mod percent;
mod query;
mod rank;
mod snippet;
mod terms;
#[cfg(test)]
mod tests;
mod understand;

use std::ops::Range;

use crate::catalogue::{Catalogue, Video};
use crate::watch::WatchState;

pub use facets::{FacetValue, Facets};
pub use fold::{fold, fold_char, Folded};
pub use index::SearchIndex;
pub use query::{Direction, Filter, Query, Sort};
pub use snippet::Snippet;
pub use terms::{Terms, MAX_QUERY_CHARS, MAX_TERMS};

use facets::{with_watch, Counter, Failing, Selection};
use index::Entry;
use matcher::{highlights, match_entry};
use rank::Candidate;
use understand::Understood;

/// What a search found: every hit in order (`total` of them) and the facet
/// counts for the filter panel. What to highlight is worked out per shown
/// row ([`Results::marks`]): a snippet costs more than the match itself, and
/// a list shows a page of rows out of thousands of hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub facets: Facets,
    /// No video met every term: these met some of them, most first.
    pub partial: bool,
    /// The terms highlights are made of.
    highlight: Terms,
}

/// One found video.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the catalogue's `videos`.
    pub video: usize,
}

/// What to highlight in one found video.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Byte ranges of the original title to highlight: sorted, disjoint,
    /// on character boundaries.
    pub title: Vec<Range<usize>>,
    /// Where the summary matched, when it did.
    pub snippet: Option<Snippet>,
}

impl Results {
    /// What to highlight in `video` (a catalogue index), given the index and
    /// catalogue the search ran over; nothing for an index out of range.
    pub fn marks(&self, index: &SearchIndex, catalogue: &Catalogue, video: usize) -> Marks {
        match (index.entries.get(video), catalogue.videos.get(video)) {
            (Some(entry), Some(v)) => marks(entry, v, &self.highlight),
            _ => Marks::default(),
        }
    }
}

/// Runs `query` over the catalogue the index was built from; `watch` gives a
/// video's watch state by video id.
///
/// The text is understood first (see `understand`): a link or id finds its
/// one video; a course name matches the course's videos; a lecture
/// reference matches that lecture number. Every term must be met; when no
/// video meets all of them, the videos meeting the most come instead and
/// `partial` says so.
pub fn search(
    index: &SearchIndex,
    catalogue: &Catalogue,
    query: &Query,
    watch: &dyn Fn(&str) -> WatchState,
) -> Results {
    let understood = Understood::parse(&query.text, index, catalogue);
    let selection = Selection::new(&index.domain, query);
    let run = |all_terms| {
        Pass::run(
            index,
            catalogue,
            query,
            &selection,
            &understood,
            watch,
            all_terms,
        )
    };
    let mut pass = run(true);
    let partial = pass.found.is_empty() && understood.len() > 1;
    if partial {
        pass = run(false);
    }
    let partial = partial && !pass.found.is_empty();

    let sort = match query.effective_sort() {
        Sort::Relevance if query.sort == Sort::Auto && understood.only_series() => Sort::Lecture,
        sort => sort,
    };
    rank::sort(&mut pass.found, sort, &index.ranks);
    let hits: Vec<Hit> = pass
        .found
        .iter()
        .filter(|c| index.entries.get(c.video).is_some() && catalogue.videos.get(c.video).is_some())
        .map(|c| Hit { video: c.video })
        .collect();
    Results {
        total: hits.len(),
        hits,
        facets: pass.counter.into_facets(&index.domain, &selection),
        partial,
        highlight: understood.highlight,
    }
}

/// One pass over the index: the candidates and the facet counts.
struct Pass {
    found: Vec<Candidate>,
    counter: Counter,
}

impl Pass {
    /// `all`: a video must meet every term; else any one.
    fn run(
        index: &SearchIndex,
        catalogue: &Catalogue,
        query: &Query,
        selection: &Selection,
        understood: &Understood,
        watch: &dyn Fn(&str) -> WatchState,
        all: bool,
    ) -> Pass {
        let mut counter = Counter::new(&index.domain);
        let mut found = Vec::new();
        for (i, (entry, video)) in index.entries.iter().zip(&catalogue.videos).enumerate() {
            if understood.video.is_some_and(|only| only != Some(i)) {
                continue;
            }
            let state = watch(&video.id);
            if query.hide_watched && state == WatchState::Watched {
                continue;
            }
            let slots = with_watch(entry.slots, state);
            let failing = selection.failing(&slots);
            if failing == Failing::Many {
                continue; // counts in no facet: skip the text match
            }
            let summary = entry.summary.as_ref().map(Folded::as_str);
            let Some(matched) = match_entry(
                entry.title.as_str(),
                summary,
                entry.series,
                entry.lecture,
                understood,
                all,
            ) else {
                continue;
            };
            counter.add(&slots, failing);
            if failing == Failing::None {
                found.push(Candidate {
                    video: i,
                    matched: matched.matched,
                    title_terms: matched.title_terms,
                    meta_terms: matched.meta_terms,
                });
            }
        }
        Pass { found, counter }
    }
}

fn marks(entry: &Entry, video: &Video, terms: &Terms) -> Marks {
    let snippet = entry
        .summary
        .as_ref()
        .zip(video.summary.as_ref())
        .and_then(|(folded, summary)| snippet::snippet(&summary.text, folded, terms));
    Marks {
        title: highlights(&video.title, &entry.title, terms),
        snippet,
    }
}
