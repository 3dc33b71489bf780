//! The record the app keeps in IndexedDB: where the catalogue grew from, the
//! pages as fetched, and the merged catalogue built from them. Decoded here
//! so that its rules are tested natively, not in a browser.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::url::SourceUrl;
use super::DEFAULT_INDEX_URL;
use crate::catalogue::Catalogue;

/// Bumped when the record's JSON changes incompatibly; a record of another
/// format is refused, never misread.
pub const RECORD_FORMAT: u32 = 1;

/// How often an automatic refresh runs: once a day.
pub const REFRESH_INTERVAL_MS: u64 = 24 * 60 * 60 * 1000;

/// Where catalogue pages come from. JSON: `{"index":"https://…"}`,
/// `{"page":"https://…"}`, `{"file":{"name":"…"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A page listing catalogue pages (the repository's `README.md`).
    Index(SourceUrl),
    /// One catalogue page.
    Page(SourceUrl),
    /// A page the student opened from disk; its name is its identity, so
    /// opening a file of the same name again replaces it.
    File { name: String },
}

impl Source {
    /// The repository's `README.md`, which links every page.
    pub fn default_index() -> Source {
        Source::Index(SourceUrl::parse(DEFAULT_INDEX_URL).expect("the default index URL is valid"))
    }

    /// What a fetched URL is: a page when it holds `<details>` entries, an
    /// index when it links catalogue pages, else a page (whose parser then
    /// says it has no entries).
    pub fn for_fetched(url: SourceUrl, text: &str) -> Source {
        let has_entries = text
            .as_bytes()
            .windows("<details>".len())
            .any(|w| w.eq_ignore_ascii_case(b"<details>"));
        if !has_entries && !super::index_page_links(&url, text).is_empty() {
            Source::Index(url)
        } else {
            Source::Page(url)
        }
    }

    /// The URL to fetch; `None` for a file.
    pub fn url(&self) -> Option<&SourceUrl> {
        match self {
            Source::Index(url) | Source::Page(url) => Some(url),
            Source::File { .. } => None,
        }
    }

    /// Two sources are one when they fetch the same URL (whatever its kind)
    /// or name the same file.
    fn same_as(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::File { name: a }, Source::File { name: b }) => a == b,
            _ => self.url().is_some() && self.url() == other.url(),
        }
    }
}

/// One catalogue page as loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPage {
    /// The source that produced it.
    pub source: Source,
    /// Display name; problems quote it as `FILE`.
    pub name: String,
    pub text: String,
    /// When it was loaded (ms since the epoch, the browser's `Date.now()`).
    pub loaded_at_ms: u64,
}

impl StoredPage {
    /// A page fetched from `url` for `source`, named by the URL.
    pub fn fetched(
        source: &Source,
        url: &SourceUrl,
        text: String,
        loaded_at_ms: u64,
    ) -> StoredPage {
        StoredPage {
            source: source.clone(),
            name: url.display_name(),
            text,
            loaded_at_ms,
        }
    }
}

/// The stored state of the grown catalogue. Invariants (kept by every
/// method and checked on decoding): no two sources are one, and every page
/// belongs to a held source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueRecord {
    format: u32,
    /// [`seed_fingerprint`] of the embedded catalogue the merge was built on.
    seed: String,
    sources: Vec<Source>,
    pages: Vec<StoredPage>,
    /// `Catalogue::to_json` of the merged catalogue.
    catalogue: String,
    auto_refresh: bool,
    last_refresh_ms: Option<u64>,
}

/// Why a stored record cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not a record's shape (serde's reason inside).
    Unreadable(String),
    /// A record of another format (a newer app wrote it).
    UnknownFormat(u32),
    /// Two sources that are one.
    DuplicateSource,
    /// A page whose source the record does not hold.
    OrphanPage,
    /// The merged catalogue inside does not decode (its reason inside).
    Catalogue(String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Unreadable(reason) => {
                write!(f, "the stored catalogue record is unreadable: {reason}")
            }
            RecordError::UnknownFormat(found) => write!(
                f,
                "the stored catalogue record has format {found}, not the format {RECORD_FORMAT} this app reads"
            ),
            RecordError::DuplicateSource => {
                f.write_str("the stored catalogue record lists one source twice")
            }
            RecordError::OrphanPage => {
                f.write_str("the stored catalogue record holds a page of a source it does not list")
            }
            RecordError::Catalogue(reason) => {
                write!(f, "the stored merged catalogue is unusable: {reason}")
            }
        }
    }
}

impl std::error::Error for RecordError {}

impl CatalogueRecord {
    /// A fresh record around the embedded catalogue (`seed_json`): the
    /// default index as its only source, no pages yet, no automatic refresh
    /// until the student turns it on.
    pub fn new(seed_json: &str) -> CatalogueRecord {
        CatalogueRecord {
            format: RECORD_FORMAT,
            seed: seed_fingerprint(seed_json),
            sources: vec![Source::default_index()],
            pages: Vec::new(),
            catalogue: seed_json.to_string(),
            auto_refresh: false,
            last_refresh_ms: None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a record serializes")
    }

    /// Decodes a stored record: the format first (so a newer record is named
    /// as such, not as garbage), then the shape, then the invariants.
    pub fn from_json(json: &str) -> Result<CatalogueRecord, RecordError> {
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        let unreadable = |e: serde_json::Error| RecordError::Unreadable(e.to_string());
        let Format { format } = serde_json::from_str(json).map_err(unreadable)?;
        if format != RECORD_FORMAT {
            return Err(RecordError::UnknownFormat(format));
        }
        let record: CatalogueRecord = serde_json::from_str(json).map_err(unreadable)?;
        for (i, source) in record.sources.iter().enumerate() {
            if record.sources[..i].iter().any(|s| s.same_as(source)) {
                return Err(RecordError::DuplicateSource);
            }
        }
        if record
            .pages
            .iter()
            .any(|p| !record.sources.contains(&p.source))
        {
            return Err(RecordError::OrphanPage);
        }
        Ok(record)
    }

    /// The fingerprint of the embedded catalogue the merge was built on.
    pub fn seed(&self) -> &str {
        &self.seed
    }

    /// True when the merged catalogue was built on this embedded catalogue;
    /// otherwise the app rebuilds it from the stored pages.
    pub fn built_on(&self, seed_json: &str) -> bool {
        self.seed == seed_fingerprint(seed_json)
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn pages(&self) -> &[StoredPage] {
        &self.pages
    }

    /// The pages one source produced.
    pub fn pages_of<'a>(&'a self, source: &'a Source) -> impl Iterator<Item = &'a StoredPage> {
        self.pages.iter().filter(move |p| p.source == *source)
    }

    /// The merged catalogue's JSON, as stored.
    pub fn catalogue_json(&self) -> &str {
        &self.catalogue
    }

    /// The merged catalogue, decoded and checked.
    pub fn catalogue(&self) -> Result<Catalogue, RecordError> {
        Catalogue::from_json(&self.catalogue).map_err(RecordError::Catalogue)
    }

    pub fn auto_refresh(&self) -> bool {
        self.auto_refresh
    }

    pub fn set_auto_refresh(&mut self, on: bool) {
        self.auto_refresh = on;
    }

    pub fn last_refresh_ms(&self) -> Option<u64> {
        self.last_refresh_ms
    }

    /// Notes a refresh attempt, so a failing one is not retried at every start.
    pub fn set_last_refresh_ms(&mut self, at_ms: u64) {
        self.last_refresh_ms = Some(at_ms);
    }

    /// Adds a source (without pages yet); false when it, or a source
    /// fetching the same URL, is already held.
    pub fn add_source(&mut self, source: Source) -> bool {
        if self.sources.iter().any(|s| s.same_as(&source)) {
            return false;
        }
        self.sources.push(source);
        true
    }

    /// Removes a source and its pages; false when it was not held. The
    /// caller rebuilds the merged catalogue ([`CatalogueRecord::set_catalogue`]).
    pub fn remove_source(&mut self, source: &Source) -> bool {
        let before = self.sources.len();
        self.sources.retain(|s| s != source);
        self.pages.retain(|p| p.source != *source);
        self.sources.len() != before
    }

    /// Replaces the pages of a held source (each page is filed under
    /// `source`, whatever it says); false, and nothing changes, when the
    /// source is not held.
    pub fn replace_pages_of(&mut self, source: &Source, pages: Vec<StoredPage>) -> bool {
        if !self.sources.contains(source) {
            return false;
        }
        self.pages.retain(|p| p.source != *source);
        self.pages.extend(pages.into_iter().map(|mut p| {
            p.source = source.clone();
            p
        }));
        true
    }

    /// Stores a page opened from disk as its own source; a file of the same
    /// name replaces the earlier one. Returns that source.
    pub fn put_file(&mut self, name: &str, text: String, loaded_at_ms: u64) -> Source {
        let source = Source::File {
            name: name.to_string(),
        };
        self.add_source(source.clone());
        let page = StoredPage {
            source: source.clone(),
            name: name.to_string(),
            text,
            loaded_at_ms,
        };
        self.replace_pages_of(&source, vec![page]);
        source
    }

    /// Stores the merged catalogue built on `seed_json` as `json` (the
    /// worker's `Catalogue::to_json`, kept as it came: the caller has decoded
    /// it once to show it, and encoding it again would only cost time).
    pub fn set_catalogue_json(&mut self, seed_json: &str, json: String) {
        self.seed = seed_fingerprint(seed_json);
        self.catalogue = json;
    }

    /// Holds `source`, in place of a held source fetching the same URL as
    /// another kind (a page that became an index), whose pages go with it.
    pub fn replace_source(&mut self, source: Source) {
        let other: Vec<Source> = self
            .sources
            .iter()
            .filter(|s| s.same_as(&source) && **s != source)
            .cloned()
            .collect();
        for held in &other {
            self.remove_source(held);
        }
        self.add_source(source);
    }
}

/// FNV-1a (64 bit) of the bytes, as 16 hex digits: enough to tell two
/// embedded catalogues apart, with no hashing crate in the app.
pub fn seed_fingerprint(json: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in json.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// True when automatic refresh is on and the last refresh is a day old or
/// more, or never happened, or lies more than a day in the future (the
/// clock went back: waiting for it to catch up could take years).
pub fn due_for_refresh(record: &CatalogueRecord, now_ms: u64) -> bool {
    if !record.auto_refresh {
        return false;
    }
    match record.last_refresh_ms {
        // Not due only within a day of the last refresh, either way.
        Some(last) => now_ms.abs_diff(last) >= REFRESH_INTERVAL_MS,
        None => true,
    }
}
