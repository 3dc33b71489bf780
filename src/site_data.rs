//! The catalogue this site was built with. It is data, not code: a
//! content-hashed file beside the wasm (`web/site_files.rs`), so a new app
//! version with the same catalogue reuses the cached file and a catalogue
//! change leaves the wasm cached. Fetched once at start — `index.html`
//! preloads it beside the wasm and `sw.js` keeps it offline — while the
//! prerendered first screen shows; decoded only when no stored catalogue
//! supersedes it.

use std::sync::OnceLock;

use shelf_core::catalogue::Catalogue;

use crate::web::clock::measured;
use crate::web::site_files::{self, CATALOGUE_META};

/// The data file's JSON, or why it could not be had (set once, by `load`).
static JSON: OnceLock<Result<String, String>> = OnceLock::new();

/// Downloads the catalogue's data file; call once, before reading it.
pub async fn load() {
    let text = site_files::text(CATALOGUE_META)
        .await
        .map(|(_, text)| text)
        .map_err(|e| e.to_string());
    let _ = JSON.set(text);
}

/// The site's catalogue, decoded on first use, or why it cannot be read
/// (not downloaded, or not a catalogue).
pub fn catalogue() -> Result<&'static Catalogue, &'static str> {
    static DECODED: OnceLock<Result<Catalogue, String>> = OnceLock::new();
    DECODED
        .get_or_init(|| match JSON.get() {
            Some(Ok(json)) => measured("catalogue-decode", || Catalogue::from_json(json)),
            Some(Err(e)) => Err(e.clone()),
            None => Err("the catalogue was read before it was downloaded".into()),
        })
        .as_ref()
        .map_err(String::as_str)
}

/// The data file's JSON, to fingerprint what a stored catalogue was built
/// over; `None` when it could not be downloaded.
pub fn json() -> Option<&'static str> {
    JSON.get()?.as_ref().ok().map(String::as_str)
}
