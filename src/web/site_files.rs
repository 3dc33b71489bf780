//! The site's data files, fetched from this origin: the catalogue it was
//! built with and the pages that catalogue was built from. The post-build
//! hook (`scripts/post-build.mjs`) writes them content-hashed beside the
//! wasm and names them in the page (`<meta name="shelf-catalogue">`,
//! `shelf-pages`), so the app asks for exactly this build's copy: the one
//! `index.html` preloads and `sw.js` keeps offline.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::web::base::href;
use crate::web::document::meta_content;

/// The `<meta>` naming the catalogue's data file.
pub const CATALOGUE_META: &str = "shelf-catalogue";
/// The `<meta>` naming the file of the pages the catalogue was built from.
pub const PAGES_META: &str = "shelf-pages";
/// The `<meta>` naming the index URL the site was built from, when it was
/// (`scripts/build-site`); read by `Shelf::site_source` and the prerender.
pub const SOURCE_META: &str = "shelf-source";

/// Why a data file gave no text. Shown to the student in English, under
/// the error page's "please report this message", or as a load's refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum SiteFileError {
    /// The page names no such file (a page not made by the site's build).
    NotNamed(&'static str),
    Unreachable(String),
    Status(String, u16),
}

impl std::fmt::Display for SiteFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SiteFileError::NotNamed(meta) => {
                write!(f, "this page names no data file (<meta name=\"{meta}\">)")
            }
            SiteFileError::Unreachable(name) => write!(f, "{name}: could not be downloaded"),
            SiteFileError::Status(name, status) => write!(f, "{name}: HTTP {status}"),
        }
    }
}

/// The file `meta` names: its name and its text.
pub async fn text(meta: &'static str) -> Result<(String, String), SiteFileError> {
    let name = meta_content(meta).ok_or(SiteFileError::NotNamed(meta))?;
    let unreachable = || SiteFileError::Unreachable(name.clone());
    // The same request as the page's preload (`as="fetch" crossorigin`:
    // mode cors, credentials same-origin), so the preloaded copy is used.
    let url = href(&format!("/{name}"));
    let response: Response = JsFuture::from(leptos::prelude::window().fetch_with_str(&url))
        .await
        .map_err(|_| unreachable())?
        .unchecked_into();
    if !response.ok() {
        return Err(SiteFileError::Status(name, response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| unreachable())?)
        .await
        .map_err(|_| unreachable())?
        .as_string()
        .ok_or_else(unreachable)?;
    Ok((name, text))
}
