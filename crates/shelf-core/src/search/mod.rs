//! Search: folding, terms, matching, ranking, facets and the URL query. (in progress)
