//! Small helpers shared by the widgets: new playlist ids, focus moves once
//! the DOM has caught up (and `fill`, which lives with the messages).

use leptos::prelude::*;
use shelf_core::catalogue::Lang;
use shelf_core::ids::PlaylistId;
use shelf_core::study::StudyState;

use crate::context::use_locale;
use crate::web::{document, random};
use shelf_core::locale::Locale;

pub use crate::i18n::fill;

/// The catalogue language matching the UI language (series names).
pub fn catalogue_lang() -> Lang {
    match use_locale() {
        Locale::ZhTw => Lang::Zh,
        Locale::En => Lang::En,
    }
}

/// A playlist id no playlist (live or deleted) has: ids are never reused.
pub fn new_playlist_id(state: &StudyState, now_ms: u64) -> PlaylistId {
    loop {
        let salt = random::below(1_000_000_000);
        let id = PlaylistId::generated(now_ms, salt);
        if !state.has_playlist_id(&id) {
            return id;
        }
    }
}

/// Focuses the element matching `selector` once the DOM has caught up.
pub fn focus_later(selector: String) {
    focus_first_later(vec![selector]);
}

/// Focuses the first of `selectors` (in this order) that matches a
/// rendered element (`document::focus_first`), once the DOM has caught up.
pub fn focus_first_later(selectors: Vec<String>) {
    request_animation_frame(move || {
        document::focus_first(&selectors);
    });
}
