//! The catalogue compiled into the app, decoded once on first use.

use std::sync::OnceLock;

use shelf_core::catalogue::Catalogue;

const CATALOGUE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// The embedded catalogue, or why it could not be read.
pub fn catalogue() -> Result<&'static Catalogue, &'static str> {
    static DECODED: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    DECODED
        .get_or_init(|| Catalogue::from_json(CATALOGUE_JSON))
        .as_ref()
        .map_err(String::as_str)
}

/// The JSON itself, to fingerprint what a stored catalogue was built over.
pub fn json() -> &'static str {
    CATALOGUE_JSON
}
