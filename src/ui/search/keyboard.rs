//! Catalogue shortcuts: `/` focuses the search, `j`/`k` and the arrow keys
//! move between results, Enter opens (the result is a link).

use leptos::prelude::*;

use crate::ui::search::search_box::SEARCH_INPUT_ID;
use crate::web::document::{focus_first, move_focus_among};
use crate::web::target;

const RESULT_LINKS: &str = ".result-list a.video-link";

/// Installs the shortcuts while the calling component lives.
pub fn install_shortcuts() {
    let handle = window_event_listener(leptos::ev::keydown, |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target = target::of(&ev);
        let in_search = target.as_ref().is_some_and(|t| t.id() == SEARCH_INPUT_ID);
        let in_field = target.as_ref().is_some_and(|t| t.is_text_field());
        let in_results = target.as_ref().is_some_and(|t| t.is_within(".result-list"));
        // A row's watch-state radios take the arrows themselves.
        let in_radio = target
            .as_ref()
            .is_some_and(|t| t.attribute("type").as_deref() == Some("radio"));
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
        // Moves from the focused result, or to the first.
        if move_focus_among(RESULT_LINKS, step) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
