//! Catalogue shortcuts: `/` focuses the search, `j`/`k` and the arrow keys
//! move between results, Enter opens (the result is a link).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::search::search_box::SEARCH_INPUT_ID;
use crate::web::document::{focus, focus_first};

const RESULT_LINKS: &str = ".result-list a.video-link";

/// Installs the shortcuts while the calling component lives.
pub fn install_shortcuts() {
    let handle = window_event_listener(leptos::ev::keydown, |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let in_search = target.as_ref().is_some_and(|t| t.id() == SEARCH_INPUT_ID);
        let in_field = target.as_ref().is_some_and(is_text_field);
        let in_results = target
            .as_ref()
            .is_some_and(|t| t.closest(".result-list").ok().flatten().is_some());
        // A row's watch-state radios take the arrows themselves.
        let in_radio = target
            .as_ref()
            .is_some_and(|t| t.get_attribute("type").as_deref() == Some("radio"));
        let step = match ev.key().as_str() {
            "/" if !in_field => {
                focus_first(&[format!("#{SEARCH_INPUT_ID}")]);
                ev.prevent_default();
                return;
            }
            "j" if !in_field => 1,
            "k" if !in_field => -1,
            // Arrows keep scrolling the page unless the student is in the list or the box.
            "ArrowDown" if (in_results && !in_radio) || in_search => 1,
            "ArrowUp" if in_results && !in_radio => -1,
            _ => return,
        };
        if move_focus(step) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

fn is_text_field(el: &web_sys::Element) -> bool {
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        && el.get_attribute("type").as_deref() != Some("checkbox")
        && el.get_attribute("type").as_deref() != Some("radio")
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
}

/// Moves focus `step` results from the focused one (or to the first). False
/// when there is nowhere to go.
fn move_focus(step: i32) -> bool {
    let Ok(links) = document().query_selector_all(RESULT_LINKS) else {
        return false;
    };
    let count = links.length() as i32;
    if count == 0 {
        return false;
    }
    let active = document().active_element();
    let current = (0..count).find(|&i| {
        links
            .item(i as u32)
            .zip(active.as_ref())
            .is_some_and(|(node, active)| node.is_same_node(Some(active)))
    });
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => return false,
    };
    links
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|link| focus(&link))
}
