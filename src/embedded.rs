//! The catalogue compiled into the app, decoded once on first use.

use std::sync::OnceLock;

use shelf_core::catalogue::Catalogue;

const CATALOGUE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The embedded catalogue, or why it could not be read. Decoding happens
/// once; the result lives for the page's lifetime.
pub fn catalogue() -> Result<&'static Catalogue, &'static str> {
    static DECODED: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    DECODED
        .get_or_init(|| Catalogue::from_json(CATALOGUE_JSON))
        .as_ref()
        .map_err(String::as_str)
}

/// The search index over the embedded catalogue, built on first use.
pub fn search_index(catalogue: &'static Catalogue) -> &'static shelf_core::search::SearchIndex {
    static INDEX: OnceLock<shelf_core::search::SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| shelf_core::search::SearchIndex::new(catalogue))
}
