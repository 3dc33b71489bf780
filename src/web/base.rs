//! The public URL the app is served under, from `<base href>` (set by Trunk's
//! `--public-url`): "" at a site's root, "/lecture-shelf" under a sub-path.
//! The router strips it when matching; links must add it (`href`).

use std::sync::OnceLock;

pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let path = leptos::prelude::document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        path.trim_end_matches('/').to_string()
    })
}

/// An app path (`/video/…`) as a link under the public URL.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}
