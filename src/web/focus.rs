//! Focus after a route change. Without this it stays on `<body>` (the link
//! that had it is gone), so a screen reader says nothing of the new page and
//! `j` starts again at the top. A new page focuses its heading; Back focuses
//! the row whose link was followed, so `j` goes on from it.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, JsValue};

use crate::web::target;

/// The key in `history.state` naming the video whose row was left by its
/// link (`web/scroll.rs` keeps other keys when it writes the position).
const KEY: &str = "shelfFocusVideo";
/// How long Back waits for the row to be rendered (frames, about a second)
/// before focusing the heading instead.
const MAX_FRAMES: u32 = 60;

/// Installs focus handling for the router it is called in.
pub fn manage_route_focus() {
    // Before the router's click handling pushes the next entry: the row is
    // remembered in the entry being left.
    let remember = |ev: &web_sys::Event| {
        let Some(target) = target::of(ev) else {
            return;
        };
        if target.is_within("a[href]") {
            if let Some(id) = target.closest_attribute("[data-video-id]", "data-video-id") {
                set_state(KEY, &JsValue::from_str(&id));
            }
        }
    };
    let on_pointer = window_event_listener(leptos::ev::pointerdown, move |ev| remember(&ev));
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Enter" {
            remember(&ev);
        }
    });
    on_cleanup(move || {
        on_pointer.remove();
        on_key.remove();
    });

    let location = use_location();
    // Only a new path is a new page: a search rewriting the query keeps
    // focus in its box.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            let row = state_string(KEY);
            request_animation_frame(move || focus_when_rendered(row, MAX_FRAMES));
        }
        path
    });
}

/// Focuses the page's heading once it is rendered: for a page that comes
/// without a route change (a lazy page's retry, ui/lazy_page.rs).
pub fn focus_heading() {
    request_animation_frame(|| focus_when_rendered(None, MAX_FRAMES));
}

fn focus_when_rendered(row: Option<String>, frames: u32) {
    let document = document();
    let row_link = row.as_ref().and_then(|id| {
        // Ids are YouTube's (letters, digits, - and _), but quote anyway.
        let selector = format!(
            "[data-video-id=\"{}\"] a[href]",
            id.replace(['"', '\\'], "")
        );
        document.query_selector(&selector).ok().flatten()
    });
    if let Some(link) = row_link {
        focus_quietly(&link);
        return;
    }
    if row.is_some() && frames > 0 {
        request_animation_frame(move || focus_when_rendered(row, frames - 1));
        return;
    }
    // A page whose chunk is still loading (ui/lazy_page.rs) gets its heading
    // when it arrives, however long that takes.
    if let Ok(Some(_)) = document.query_selector("main .lazy-page[aria-busy=\"true\"]") {
        request_animation_frame(move || focus_when_rendered(row, frames));
        return;
    }
    if let Ok(Some(heading)) = document.query_selector("main h1") {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        focus_quietly(&heading);
    }
}

/// Focuses without scrolling: the scroll keeper (`web/scroll.rs`) puts the
/// page where it was.
fn focus_quietly(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &JsValue::TRUE);
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}

/// The current history entry's state with `key` set, other keys kept.
pub fn set_state(key: &str, value: &JsValue) {
    let Ok(history) = window().history() else {
        return;
    };
    let state = current_state();
    let _ = js_sys::Reflect::set(&state, &key.into(), value);
    // No URL: the entry keeps its own.
    let _ = history.replace_state(&state, "");
}

/// A copy of the current entry's state object (a new one if it holds none).
pub fn current_state() -> js_sys::Object {
    let copy = js_sys::Object::new();
    if let Some(state) = window()
        .history()
        .ok()
        .and_then(|h| h.state().ok())
        .filter(JsValue::is_object)
    {
        js_sys::Object::assign(&copy, state.unchecked_ref());
    }
    copy
}

fn state_string(key: &str) -> Option<String> {
    let state = window().history().ok()?.state().ok()?;
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(&state, &key.into()).ok()?.as_string()
}
