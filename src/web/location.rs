//! The catalogue's search state lives in the URL (`?q=…&year=…`): reading it
//! and writing it back, so reload, back/forward and shared links restore a view.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use shelf_core::search::Query;

use crate::web::base::href;

/// The search in the current URL.
pub fn use_url_query() -> Memo<Query> {
    let location = use_location();
    Memo::new(move |_| Query::from_url_query(&location.search.get()))
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
    pub fn set(&self, query: &Query, entry: HistoryEntry) {
        let search = query.to_url_query();
        let url = if search.is_empty() {
            href("/")
        } else {
            format!("{}?{search}", href("/"))
        };
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
