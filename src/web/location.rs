//! The catalogue's search state and the rows shown live in the URL
//! (`?q=…&year=…&rows=48`): reading it and writing it back, so reload,
//! back/forward and shared links restore a view.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use shelf_core::catalogue_view::{CatalogueView, PAGE};
use shelf_core::search::Query;

use crate::web::base::href;

/// The catalogue view (search and rows shown) in the current URL. On a
/// video page, the view the student came from.
pub fn use_url_view() -> Memo<CatalogueView> {
    let location = use_location();
    Memo::new(move |_| CatalogueView::from_url_query(&location.search.get()))
}

/// The catalogue's address showing `view`.
pub fn catalogue_href(view: &CatalogueView) -> String {
    with_query(href("/"), &view.to_url_query())
}

/// `path` with `query` (no `?`) added to its query string, if not empty.
pub fn with_query(mut path: String, query: &str) -> String {
    if !query.is_empty() {
        path.push(if path.contains('?') { '&' } else { '?' });
        path.push_str(query);
    }
    path
}

/// How a new search reaches the history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    /// A new entry: back returns to the previous view.
    Push,
    /// Rewrite the current entry: keystrokes do not flood the history.
    Replace,
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Shows the catalogue with another search. `Copy`, so any handler can hold it.
#[derive(Clone, Copy)]
pub struct SetQuery(StoredValue<Navigate, LocalStorage>);

impl SetQuery {
    /// A new search: its first page of rows.
    pub fn set(&self, query: &Query, entry: HistoryEntry) {
        self.show(&CatalogueView::new(query.clone(), PAGE), entry);
    }

    pub fn show(&self, view: &CatalogueView, entry: HistoryEntry) {
        let url = catalogue_href(view);
        let options = NavigateOptions {
            replace: entry == HistoryEntry::Replace,
            scroll: false,
            ..Default::default()
        };
        self.0.with_value(|navigate| navigate(&url, options));
    }
}

pub fn use_set_query() -> SetQuery {
    let navigate = use_navigate();
    SetQuery(StoredValue::new_local(Box::new(navigate)))
}

/// This page's origin (`https://host:port`), empty where unknown.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}
