//! The loader's rules, apart from its I/O: which pages a job downloads, what
//! it changes in the stored record, and whether the result may be applied.
//! The app (`src/loader.rs`) only fetches, starts the worker and stores;
//! everything it decides is decided here and tested natively.
//!
//! A job runs in two halves. First it downloads (or reads files) with no
//! lock held, and describes what it wants as a [`Change`]. Then, holding the
//! sources lock, it reads the record as stored *now* (another tab may have
//! added a source meanwhile), applies the change to it ([`Change::apply_to`]),
//! has the worker build the merged catalogue from the resulting pages, and
//! [`Pending::accept`] says whether that may be stored: all or nothing.

use super::limits::{Limit, OverLimit};
use super::record::{CatalogueRecord, Source, StoredPage};
use super::url::SourceUrl;
use super::{index_page_links, losses};
use crate::catalogue::{Catalogue, VideoId};

/// Why an index gives no pages to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexTrouble {
    /// It links no `docs/NN-index.md` page.
    NoPages,
    /// It links more than [`super::MAX_INDEX_PAGES`].
    TooMany(OverLimit),
}

/// The catalogue pages the index at `url` (its text `text`) links, in order:
/// refused when it links none, or more than the bound (never cut short:
/// pages silently left out would look like a complete load).
pub fn index_pages(url: &SourceUrl, text: &str) -> Result<Vec<SourceUrl>, IndexTrouble> {
    let links = index_page_links(url, text);
    if links.is_empty() {
        return Err(IndexTrouble::NoPages);
    }
    Limit::IndexPages
        .check(&url.display_name(), links.len() as u64)
        .map_err(IndexTrouble::TooMany)?;
    Ok(links)
}

/// What a pasted URL turned out to be, from its one download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pasted {
    /// A catalogue page: its text is the source's one page.
    Page(Source),
    /// An index: these pages are downloaded next (the index is not fetched
    /// again: its text was already read).
    Index(Source, Vec<SourceUrl>),
}

/// Reads a pasted URL's text: a page, or an index and the pages it links.
pub fn read_pasted(url: SourceUrl, text: &str) -> Result<Pasted, IndexTrouble> {
    match Source::for_fetched(url, text) {
        Source::Index(url) => {
            let pages = index_pages(&url, text)?;
            Ok(Pasted::Index(Source::Index(url), pages))
        }
        page => Ok(Pasted::Page(page)),
    }
}

/// The sources a refresh downloads anew: every URL source (files stay).
pub fn refresh_sources(record: &CatalogueRecord) -> Vec<Source> {
    record
        .sources()
        .iter()
        .filter(|s| s.url().is_some())
        .cloned()
        .collect()
}

/// What a job changes in the stored record, once its downloads are in.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A URL source and the pages it gave (a held source fetching the same
    /// URL is replaced). Nothing the catalogue holds may go missing.
    Add {
        source: Source,
        pages: Vec<StoredPage>,
    },
    /// Pages the student picked: `(name, text)`, each a source of its own
    /// (a file of the same name replaces the earlier one). Nothing may go
    /// missing.
    Files {
        files: Vec<(String, String)>,
        at_ms: u64,
    },
    /// These sources' pages, downloaded anew, replace their stored ones
    /// (`add` is held first: "load the full catalogue" adds the default
    /// index). Held sources not downloaded, and files, keep their pages;
    /// pages of a source no longer held are dropped. Nothing may go missing.
    Refresh {
        add: Option<Source>,
        downloaded: Vec<Source>,
        pages: Vec<StoredPage>,
        at_ms: u64,
    },
    /// A source and its pages dropped: the one change that may lose
    /// lectures (their study data stays).
    Remove(Source),
    /// The stored pages merged anew (the embedded seed changed). May lose
    /// lectures only the old seed had.
    Rebuild,
}

impl Change {
    /// True when the result may hold fewer lectures than before.
    pub fn may_lose(&self) -> bool {
        matches!(self, Change::Remove(_) | Change::Rebuild)
    }

    /// The change made to `stored` (the record as stored now, or a new one):
    /// what the worker is to build and the rules to accept it by.
    pub fn apply_to(self, stored: CatalogueRecord) -> Pending {
        let before = stored.catalogue().ok();
        let may_lose = self.may_lose();
        let mut record = stored;
        match self {
            Change::Add { source, pages } => {
                record.replace_source(source.clone());
                record.replace_pages_of(&source, pages);
            }
            Change::Files { files, at_ms } => {
                for (name, text) in files {
                    record.put_file(&name, text, at_ms);
                }
            }
            Change::Refresh {
                add,
                downloaded,
                pages,
                at_ms,
            } => {
                if let Some(source) = add {
                    record.add_source(source);
                }
                for source in &downloaded {
                    let of_source = pages.iter().filter(|p| p.source == *source).cloned();
                    record.replace_pages_of(source, of_source.collect());
                }
                record.set_last_refresh_ms(at_ms);
            }
            Change::Remove(source) => {
                record.remove_source(&source);
            }
            Change::Rebuild => {}
        }
        Pending {
            record,
            before,
            may_lose,
        }
    }
}

/// A changed record waiting for its merged catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    record: CatalogueRecord,
    /// The catalogue as stored before the change (`None`: unreadable, so
    /// nothing in it can be lost).
    before: Option<Catalogue>,
    may_lose: bool,
}

/// Why a built catalogue is not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It lacks these videos the catalogue holds, by number.
    WouldLose(Vec<VideoId>),
    /// The record would pass a bound.
    OverLimit(OverLimit),
}

/// A result that may be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub record: CatalogueRecord,
    /// The record's JSON, to store as it is.
    pub json: String,
    /// Videos before and after.
    pub before: usize,
    pub after: usize,
    /// The merged catalogue is the one held before.
    pub unchanged: bool,
}

impl Pending {
    /// The pages the worker is to parse (over its seed pages).
    pub fn pages(&self) -> &[StoredPage] {
        self.record.pages()
    }

    /// The catalogue held before the change, when it was readable.
    pub fn before(&self) -> Option<&Catalogue> {
        self.before.as_ref()
    }

    /// The record to store, with `next` (decoded from `next_json`, the
    /// worker's own JSON, kept as it is) as its merged catalogue built on
    /// `seed_json`; refused, with nothing changed, when it loses lectures it
    /// may not lose or the record would pass [`Limit::RecordBytes`].
    pub fn accept(
        self,
        next: &Catalogue,
        next_json: String,
        seed_json: &str,
    ) -> Result<Accepted, Refusal> {
        if !self.may_lose {
            if let Some(before) = &self.before {
                let lost = losses(before, next);
                if !lost.is_empty() {
                    return Err(Refusal::WouldLose(lost));
                }
            }
        }
        let mut record = self.record;
        record.set_catalogue_json(seed_json, next_json);
        let json = record.to_json();
        Limit::RecordBytes
            .check("catalogue", json.len() as u64)
            .map_err(Refusal::OverLimit)?;
        Ok(Accepted {
            record,
            json,
            before: self.before.as_ref().map_or(0, |c| c.videos.len()),
            after: next.videos.len(),
            unchanged: self.before.as_ref() == Some(next),
        })
    }
}

/// A setting changed in the stored record (no pages, no build): under the
/// same lock, so it never undoes another tab's load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    AutoRefresh(bool),
    /// An automatic refresh starts: the attempt counts, so a source that is
    /// down is tried again tomorrow, not at every start.
    RefreshAttempted {
        at_ms: u64,
    },
}

impl Setting {
    pub fn apply(self, record: &mut CatalogueRecord) {
        match self {
            Setting::AutoRefresh(on) => record.set_auto_refresh(on),
            Setting::RefreshAttempted { at_ms } => record.set_last_refresh_ms(at_ms),
        }
    }
}

#[cfg(test)]
mod tests;
