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
mod suggest;
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
pub use suggest::{Nearest, Vocabulary, MAX_SUGGESTIONS};
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
    /// The text searched instead of the one typed: each word that no video
    /// holds replaced by the one catalogue word nearest it ("attension" →
    /// "attention"). The list says so and offers the typed text back.
    pub corrected: Option<String>,
    /// "Did you mean": whole query texts to search instead, when a word no
    /// video holds has near words but no single nearest one.
    pub suggestions: Vec<String>,
    /// Numbers no video holds, left out rather than matched ("genai 2204"
    /// is the course, in its order).
    pub ignored: Vec<String>,
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
    let results = search_understood(index, catalogue, query, &understood, watch);
    if results.total > 0 && !results.partial {
        return results;
    }
    forgive(index, catalogue, query, understood, watch).unwrap_or(results)
}

/// Words no video holds, when a search found nothing (or only some of its
/// words): a number is left out, a misspelling with one nearest catalogue
/// word is searched as that word, one with several gets suggestions.
/// `None`: no word to forgive, the search stands as it was.
fn forgive(
    index: &SearchIndex,
    catalogue: &Catalogue,
    query: &Query,
    mut understood: Understood,
    watch: &dyn Fn(&str) -> WatchState,
) -> Option<Results> {
    let unknown: Vec<String> = understood
        .terms
        .iter()
        .filter(|t| !index.holds(t))
        .map(str::to_string)
        .collect();
    let mut ignored = Vec::new();
    let mut replaced: Vec<(String, String)> = Vec::new();
    let mut unclear: Option<(String, Vec<String>)> = None;
    for term in &unknown {
        if term.bytes().all(|b| b.is_ascii_digit()) {
            ignored.push(term.clone());
            continue;
        }
        let nearest = index.vocabulary.nearest(term);
        match nearest.clear {
            Some(word) => replaced.push((term.clone(), word)),
            None if !nearest.words.is_empty() && unclear.is_none() => {
                unclear = Some((term.clone(), nearest.words));
            }
            None => {}
        }
    }
    if ignored.is_empty() && replaced.is_empty() && unclear.is_none() {
        return None;
    }
    let suggestions: Vec<String> = match &unclear {
        Some((term, words)) => words
            .iter()
            .map(|w| {
                let mut with = replaced.clone();
                with.push((term.clone(), w.clone()));
                rewrite(&query.text, &with, &ignored)
            })
            .collect(),
        None => Vec::new(),
    };
    // Searched now: the clear replacements, and the unclear word as typed
    // (it finds nothing, as before) until the student picks.
    let swap = |word: &str| -> Option<String> {
        if ignored.iter().any(|i| i == word) {
            return None;
        }
        Some(
            replaced
                .iter()
                .find(|(from, _)| from == word)
                .map_or(word.to_string(), |(_, to)| to.clone()),
        )
    };
    understood.terms = Terms::from_folded(understood.terms.iter().filter_map(swap));
    understood.highlight = Terms::from_folded(understood.highlight.iter().filter_map(swap));
    let mut results = search_understood(index, catalogue, query, &understood, watch);
    if !replaced.is_empty() {
        results.corrected = Some(rewrite(&query.text, &replaced, &ignored));
    }
    results.suggestions = suggestions;
    results.ignored = ignored;
    Some(results)
}

/// The typed text with words replaced and left out, word by word (each
/// compared folded), so the rest stays as typed.
fn rewrite(text: &str, replaced: &[(String, String)], ignored: &[String]) -> String {
    text.split_whitespace()
        .filter_map(|word| {
            let folded = fold(word);
            if ignored.contains(&folded) {
                return None;
            }
            Some(
                replaced
                    .iter()
                    .find(|(from, _)| *from == folded)
                    .map_or(word.to_string(), |(_, to)| to.clone()),
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn search_understood(
    index: &SearchIndex,
    catalogue: &Catalogue,
    query: &Query,
    understood: &Understood,
    watch: &dyn Fn(&str) -> WatchState,
) -> Results {
    let selection = Selection::new(&index.domain, query);
    let run = |all_terms| {
        Pass::run(
            index, catalogue, query, &selection, understood, watch, all_terms,
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
        corrected: None,
        suggestions: Vec::new(),
        ignored: Vec::new(),
        highlight: understood.highlight.clone(),
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
