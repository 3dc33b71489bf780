//! What is typed in the search field reaches the results at once; the URL
//! follows when typing pauses (or the field loses focus).
//!
//! A history write is the most expensive part of a keystroke: Chromium's
//! `replaceState` alone took 4.4 ms per call on a desktop CPU, before the
//! router matched the routes again, while the search itself over 448
//! entries takes well under a millisecond. The URL still ends up holding
//! every search, so reload, Back and shared links work as before.

use std::time::Duration;

use leptos::prelude::*;
use shelf_core::catalogue_view::{CatalogueView, PAGE};

use crate::web::location::{HistoryEntry, SetQuery};

/// How long typing must pause before the URL is written.
const URL_DELAY: Duration = Duration::from_millis(350);

/// The catalogue view as the student sees it: the URL's, with the text
/// typed since the last URL write.
#[derive(Clone, Copy)]
pub struct TypedSearch {
    url: Memo<CatalogueView>,
    /// Text typed and not yet in the URL (or just written to it).
    typed: RwSignal<Option<String>>,
    /// The text this field last wrote to the URL: a URL showing anything
    /// else came from elsewhere (Back, a facet, a link), and wins.
    written: StoredValue<Option<String>>,
    /// The next URL write starts a new history entry (a new typing run).
    push: StoredValue<bool>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    set_query: SetQuery,
}

impl TypedSearch {
    pub fn new(url: Memo<CatalogueView>, set_query: SetQuery) -> TypedSearch {
        let search = TypedSearch {
            url,
            typed: RwSignal::new(None),
            written: StoredValue::new(None),
            push: StoredValue::new(false),
            pending: StoredValue::new_local(None),
            set_query,
        };
        // Not a copy of state: it drops typed text the URL has overruled.
        Effect::new(move |_| {
            let text = url.with(|v| v.query.text.clone());
            if search
                .written
                .with_value(|w| w.as_deref() != Some(text.as_str()))
            {
                search.typed.set(None);
            }
        });
        on_cleanup(move || search.cancel());
        search
    }

    /// The view the results, links and "show more" follow.
    pub fn view(self) -> Memo<CatalogueView> {
        let (url, typed) = (self.url, self.typed);
        Memo::new(move |_| {
            typed.with(|typed| {
                url.with(|url| match typed {
                    Some(text) if *text != url.query.text => {
                        let mut query = url.query.clone();
                        query.text = text.clone();
                        CatalogueView::new(query, PAGE)
                    }
                    _ => url.clone(),
                })
            })
        })
    }

    /// A keystroke: `starts_run` when it is the first since the field was
    /// focused, so the search gets a history entry of its own.
    pub fn type_text(self, text: String, starts_run: bool) {
        if starts_run {
            self.push.set_value(true);
        }
        self.typed.set(Some(text));
        self.cancel();
        let handle = set_timeout_with_handle(move || self.flush(), URL_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Clears the field and writes the URL at once (Escape).
    pub fn clear(self) {
        self.typed.set(Some(String::new()));
        self.flush();
    }

    /// Writes what is typed to the URL now, if anything is waiting.
    pub fn flush(self) {
        self.cancel();
        let Some(text) = self.typed.get_untracked() else {
            return;
        };
        if self.written.with_value(|w| w.as_ref() == Some(&text))
            && self.url.with_untracked(|v| v.query.text == text)
        {
            return;
        }
        let entry = if self.push.get_value() {
            HistoryEntry::Push
        } else {
            HistoryEntry::Replace
        };
        self.push.set_value(false);
        self.written.set_value(Some(text.clone()));
        let mut query = self.url.with_untracked(|v| v.query.clone());
        query.text = text;
        self.set_query.set(&query, entry);
    }

    fn cancel(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
