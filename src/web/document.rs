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

/// How many elements match `selector` (0 for a bad selector).
pub fn count(selector: &str) -> usize {
    leptos::prelude::document()
        .query_selector_all(selector)
        .map_or(0, |found| found.length() as usize)
}

/// Moves focus `step` places along the elements matching `selector`, from
/// the focused one (clamped at the ends), or to the first when none of
/// them has focus and `step` is forward. False when there is nowhere to go.
pub fn move_focus_among(selector: &str, step: i32) -> bool {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Ok(found) = document.query_selector_all(selector) else {
        return false;
    };
    let count = found.length() as i32;
    if count == 0 {
        return false;
    }
    let active = document.active_element();
    let current = (0..count).find(|&i| {
        found
            .item(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(node, active)| node.is_same_node(Some(active)))
    });
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => return false,
    };
    found
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| focus(&el))
}

/// The `content` of `<meta name="NAME">` in the page, if there is one: what
/// the post-build hook wrote about this build (its data files, its source).
pub fn meta_content(name: &str) -> Option<String> {
    leptos::prelude::document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("content"))
        .filter(|c| !c.is_empty())
}

/// Calls `on_visible` whenever the page becomes visible again (a tab
/// brought forward, a phone back in the app).
pub fn on_visible(on_visible: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let listener = Closure::<dyn Fn()>::new(move || {
        if !leptos::prelude::document().hidden() {
            on_visible();
        }
    });
    let _ = leptos::prelude::document()
        .add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

/// `data-sync` on `<html>`: where syncing stands (`src/sync.rs`), for
/// scripts and tests, as `data-save` is for saving.
pub fn set_sync_state(state: &str) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-sync", state);
    }
}

/// The browser's user agent string, for a device's default name.
pub fn user_agent() -> String {
    leptos::prelude::window()
        .navigator()
        .user_agent()
        .unwrap_or_default()
}
