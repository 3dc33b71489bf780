//! The document: preferred languages, page lifecycle, save state. (Title,
//! `lang` and theme are `leptos_meta`'s: see `ui::page_title` and `App`.)

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

/// Focuses the first of `selectors` (in this order) that matches a rendered
/// element; whether focus moved. Elements that take no space (display:
/// none, as the phone's filter toggle is on wide screens) are passed over:
/// focus would not land on them.
pub fn focus_first<S: AsRef<str>>(selectors: &[S]) -> bool {
    let document = leptos::prelude::document();
    selectors.iter().any(|selector| {
        document
            .query_selector(selector.as_ref())
            .ok()
            .flatten()
            .filter(|el| el.get_client_rects().length() > 0)
            .is_some_and(|el| focus(&el))
    })
}

/// Focuses `element` if it can take focus (an HTML element); whether it could.
pub fn focus(element: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;
    element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|el| el.focus().is_ok())
}
