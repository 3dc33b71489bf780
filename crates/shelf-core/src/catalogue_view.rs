//! Where the student is in the catalogue list: the search and how many rows
//! "show more" has revealed, as URL text (`?q=gan&year=2024&rows=72`).
//!
//! The rows live in the URL next to the search so Back and reload return to
//! the same rows, and a video page reached from the list can carry the whole
//! view and link back to it. The search part is exactly
//! [`Query::to_url_query`]; `rows` is a separate key, which the search's
//! parser skips, so a new search (written without it) starts again at the
//! first page.

use crate::search::Query;

/// Rows shown at first and added per "show more": more than a screenful,
/// few enough that a keystroke rebuilds little (see scripts/bench).
pub const PAGE: usize = 24;

/// The most rows a URL can ask for: a hand-edited or hostile `rows=` must
/// not render thousands of rows at once.
pub const MAX_ROWS: usize = 100 * PAGE;

/// A search and the rows shown of its results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueView {
    pub query: Query,
    /// A whole number of pages, from [`PAGE`] to [`MAX_ROWS`].
    rows: usize,
}

impl Default for CatalogueView {
    fn default() -> Self {
        CatalogueView::new(Query::default(), PAGE)
    }
}

impl CatalogueView {
    /// `rows` rounded up to whole pages, within [`PAGE`]..=[`MAX_ROWS`].
    pub fn new(query: Query, rows: usize) -> CatalogueView {
        let rows = rows
            .div_ceil(PAGE)
            .saturating_mul(PAGE)
            .clamp(PAGE, MAX_ROWS);
        CatalogueView { query, rows }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// One more page of rows.
    pub fn more(&self) -> CatalogueView {
        CatalogueView::new(self.query.clone(), self.rows.saturating_add(PAGE))
    }

    /// Reads a URL query string (with or without `?`); other keys (a video
    /// page's `list`, `play`) are skipped, bad `rows` values mean one page.
    pub fn from_url_query(url_query: &str) -> CatalogueView {
        let url_query = url_query.strip_prefix('?').unwrap_or(url_query);
        let rows = url_query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("rows="))
            .find_map(parse_count)
            .unwrap_or(PAGE);
        CatalogueView::new(Query::from_url_query(url_query), rows)
    }

    /// The canonical URL query string without `?` (empty for the first page
    /// of the whole catalogue): the search's own form, then `rows` when
    /// more than one page shows.
    pub fn to_url_query(&self) -> String {
        let mut out = self.query.to_url_query();
        if self.rows > PAGE {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(&format!("rows={}", self.rows));
        }
        out
    }
}

/// Plain decimal digits only; huge numbers saturate (and are then capped).
fn parse_count(value: &str) -> Option<usize> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.parse().unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_search_in_the_url() {
        let view = CatalogueView::from_url_query("?q=gan&year=2024&rows=72");
        assert_eq!(view.query.text, "gan");
        assert_eq!(view.query.years, [2024]);
        assert_eq!(view.rows(), 72);
        assert_eq!(view.to_url_query(), "q=gan&year=2024&rows=72");
        assert_eq!(CatalogueView::from_url_query(&view.to_url_query()), view);
    }

    #[test]
    fn one_page_is_left_out() {
        assert_eq!(CatalogueView::default().to_url_query(), "");
        assert_eq!(CatalogueView::from_url_query("rows=24").to_url_query(), "");
        assert_eq!(
            CatalogueView::from_url_query("q=a&rows=24").to_url_query(),
            "q=a"
        );
        assert_eq!(CatalogueView::default().more().to_url_query(), "rows=48");
    }

    #[test]
    fn show_more_adds_a_page_up_to_the_cap() {
        let view = CatalogueView::from_url_query("q=a");
        assert_eq!(view.rows(), PAGE);
        assert_eq!(view.more().more().rows(), 3 * PAGE);
        assert_eq!(view.more().query, view.query, "the search stays");
        let capped = CatalogueView::new(Query::default(), MAX_ROWS).more();
        assert_eq!(capped.rows(), MAX_ROWS);
    }

    #[test]
    fn odd_rows_values_are_whole_pages_or_ignored() {
        let rows = |q: &str| CatalogueView::from_url_query(q).rows();
        assert_eq!(rows("rows=25"), 48, "rounded up to whole pages");
        assert_eq!(rows("rows=0"), PAGE);
        assert_eq!(rows("rows=99999999999999999999999"), MAX_ROWS);
        for bad in [
            "rows=",
            "rows=-48",
            "rows=4%38",
            "rows=48.0",
            "rows= 48",
            "rows=abc",
        ] {
            assert_eq!(rows(bad), PAGE, "{bad}");
        }
        assert_eq!(rows("rows=x&rows=48"), 48, "the first usable value");
        assert_eq!(rows("xrows=96"), PAGE, "only the rows key");
    }

    #[test]
    fn a_video_pages_own_keys_are_skipped() {
        let view = CatalogueView::from_url_query("list=week-1&q=gan&play=1&rows=48");
        assert_eq!(view.to_url_query(), "q=gan&rows=48");
        assert_eq!(
            CatalogueView::from_url_query("list=week-1").to_url_query(),
            ""
        );
    }
}
