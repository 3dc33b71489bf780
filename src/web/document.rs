//! The document: title, language, theme, page lifecycle.

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

/// `data-theme` on `<html>`: the stylesheet follows the system without it.
pub fn set_theme(theme: Option<&str>) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = match theme {
            Some(theme) => html.set_attribute("data-theme", theme),
            None => html.remove_attribute("data-theme"),
        };
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let navigator = leptos::prelude::window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Calls `on_hide` when the page is hidden for good or for a while
/// (`pagehide`: closing, navigating away, a phone switching apps).
pub fn on_page_hide(on_hide: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let listener = Closure::<dyn Fn()>::new(on_hide);
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

/// `data-save` on `<html>`: where the study state's saving stands.
pub fn set_save_state(state: &str) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-save", state);
    }
}
