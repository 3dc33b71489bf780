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

use std::ops::Range;

use crate::catalogue::{Catalogue, Video};
use crate::watch::WatchState;

pub use facets::{FacetValue, Facets};
pub use fold::{fold, fold_char, Folded};
pub use index::SearchIndex;
pub use query::{Direction, Query, Sort};
pub use snippet::Snippet;
pub use terms::{Terms, MAX_QUERY_CHARS, MAX_TERMS};

use facets::{with_watch, Counter, Failing, Selection};
use index::Entry;
use matcher::{highlights, match_text};
use rank::Candidate;

/// What a search found: every hit in order (`total` of them) and the facet
/// counts for the filter panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub facets: Facets,
}

/// One found video and what to highlight in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into the catalogue's `videos`.
    pub video: usize,
    /// Byte ranges of the original title to highlight: sorted, disjoint,
    /// on character boundaries.
    pub title_highlights: Vec<Range<usize>>,
    /// Where the summary matched, when it did.
    pub snippet: Option<Snippet>,
}

/// Runs `query` over the catalogue the index was built from; `watch` gives a
/// video's watch state by video id.
pub fn search(
    index: &SearchIndex,
    catalogue: &Catalogue,
    query: &Query,
    watch: &dyn Fn(&str) -> WatchState,
) -> Results {
    let terms = Terms::parse(&query.text);
    let selection = Selection::new(&index.domain, query);
    let mut counter = Counter::new(&index.domain);
    let mut found = Vec::new();

    for (i, (entry, video)) in index.entries.iter().zip(&catalogue.videos).enumerate() {
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
        let Some(matched) = match_text(entry.title.as_str(), summary, &terms) else {
            continue;
        };
        counter.add(&slots, failing);
        if failing == Failing::None {
            found.push(Candidate {
                video: i,
                title_terms: matched.title_terms,
            });
        }
    }

    rank::sort(&mut found, query.effective_sort(), &index.ranks);
    let hits: Vec<Hit> = found
        .iter()
        .filter_map(|c| {
            let entry = index.entries.get(c.video)?;
            let video = catalogue.videos.get(c.video)?;
            Some(hit(c.video, entry, video, &terms))
        })
        .collect();
    Results {
        total: hits.len(),
        hits,
        facets: counter.into_facets(&index.domain, &selection),
    }
}

fn hit(index: usize, entry: &Entry, video: &Video, terms: &Terms) -> Hit {
    let snippet = entry
        .summary
        .as_ref()
        .zip(video.summary.as_ref())
        .and_then(|(folded, summary)| snippet::snippet(&summary.text, folded, terms));
    Hit {
        video: index,
        title_highlights: highlights(&video.title, &entry.title, terms),
        snippet,
    }
}
