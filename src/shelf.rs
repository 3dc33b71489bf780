//! The catalogue every page reads: the site's (`site_data`), or the one grown from
//! loaded pages and kept in IndexedDB (`loader`). Pages take it once, when
//! they are created (`use_catalogue`); when a load swaps it, the routes are
//! rendered anew around the new one (see `App`), so no page ever mixes two.

use leptos::prelude::*;
use shelf_core::catalogue::Catalogue;
use shelf_core::search::SearchIndex;
use shelf_core::sources::CatalogueRecord;

use crate::site_data;
use crate::web::idb;
use crate::web::site_files::SOURCE_META;

/// A catalogue and its search index, built once and kept for the page's
/// lifetime (a swap leaks the old one: swaps are rare and explicit).
pub struct Holding {
    pub catalogue: &'static Catalogue,
    pub index: SearchIndex,
}

impl Holding {
    fn leak(catalogue: &'static Catalogue) -> &'static Holding {
        let index = SearchIndex::new(catalogue);
        Box::leak(Box::new(Holding { catalogue, index }))
    }
}

/// Where the catalogue came from at start, for the notice when the stored
/// one could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// Nothing stored: the site's catalogue.
    Nothing,
    Stored,
    /// The stored catalogue was built over another site build's catalogue:
    /// shown as stored; the loader rebuilds it over this one's pages.
    Outdated,
    /// Stored but unreadable (or IndexedDB refused): the site's catalogue.
    Unreadable(String),
}

#[derive(Clone, Copy)]
pub struct Shelf {
    current: RwSignal<&'static Holding>,
    /// What IndexedDB holds (sources, their pages, settings); `None` until
    /// something was loaded.
    record: RwSignal<Option<CatalogueRecord>>,
    pub restored: RwSignal<Restored>,
    /// The index URL this site's catalogue was downloaded from when it was
    /// built (`scripts/build-site`); `None` for a site built around the
    /// committed seed pages.
    site_source: Option<&'static str>,
}

pub const RECORD_KEY: &str = "record";

impl Shelf {
    /// The site's catalogue and what IndexedDB holds, read before the app
    /// mounts so a student with a loaded catalogue never sees the small one
    /// flash first. The data file downloads while IndexedDB is read, and is
    /// decoded only when no stored catalogue supersedes it. Errors only when
    /// the catalogue to show can be neither downloaded nor decoded.
    pub async fn restore() -> Result<Shelf, &'static str> {
        let ((), stored) = futures::join!(site_data::load(), idb::get(RECORD_KEY));
        let site = site_data::catalogue;
        let (catalogue, record, restored) = match stored {
            Ok(None) => (site()?, None, Restored::Nothing),
            Err(e) => (site()?, None, Restored::Unreadable(e)),
            Ok(Some(text)) => match CatalogueRecord::from_json(&text) {
                Err(e) => (site()?, None, Restored::Unreadable(e.to_string())),
                Ok(record) => match record.catalogue() {
                    Err(e) => (site()?, Some(record), Restored::Unreadable(e.to_string())),
                    Ok(stored) => {
                        // A site file that could not be downloaded cannot
                        // say the record is outdated: the record is shown.
                        let restored = match site_data::json() {
                            Some(json) if !record.built_on(json) => Restored::Outdated,
                            _ => Restored::Stored,
                        };
                        (&*Box::leak(Box::new(stored)), Some(record), restored)
                    }
                },
            },
        };
        Ok(Shelf {
            current: RwSignal::new(Holding::leak(catalogue)),
            record: RwSignal::new(record),
            restored: RwSignal::new(restored),
            site_source: crate::web::document::meta_content(SOURCE_META).map(|s| &*s.leak()),
        })
    }

    /// The index URL the site's catalogue was built from, when it was built
    /// from the public source rather than the seed pages: the site then
    /// holds the whole catalogue as of its build, and loading becomes
    /// "check for new lectures".
    pub fn site_source(&self) -> Option<&'static str> {
        self.site_source
    }

    /// Tracked: changes when a load swaps the catalogue.
    pub fn generation(&self) -> usize {
        self.current.get() as *const Holding as usize
    }

    pub fn with_catalogue<R>(&self, read: impl FnOnce(&Catalogue) -> R) -> R {
        self.current.with(|h| read(h.catalogue))
    }

    pub fn catalogue_untracked(&self) -> &'static Catalogue {
        self.current.get_untracked().catalogue
    }

    pub fn search_index_untracked(&self) -> &'static SearchIndex {
        &self.current.get_untracked().index
    }

    pub fn record(&self) -> RwSignal<Option<CatalogueRecord>> {
        self.record
    }

    /// Makes `catalogue` the one every page reads, re-rendering the routes.
    pub fn swap(&self, catalogue: Catalogue) {
        self.current
            .set(Holding::leak(Box::leak(Box::new(catalogue))));
        self.restored.set(Restored::Stored);
    }
}
