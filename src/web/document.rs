//! The document's title and language.

/// Sets the tab title; a page without a title of its own passes `None`.
pub fn set_title(app_name: &str, page: Option<&str>) {
    let title = match page {
        Some(page) => format!("{page} · {app_name}"),
        None => app_name.to_string(),
    };
    leptos::prelude::document().set_title(&title);
}

/// `lang` on `<html>`: screen readers and fonts pick the right voice/glyphs.
pub fn set_lang(lang: &str) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}
