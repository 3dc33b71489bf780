//! What the filter panel (`facet_panel`), its chips and phone toggle
//! (`active_filters`) and the prerendered first screen (`crate::prerender`)
//! share: the panel's element ids, how it closes, and the words for a
//! filter's value.

use leptos::prelude::*;
use shelf_core::catalogue::{Catalogue, Lang};
use shelf_core::locale::Locale;
use shelf_core::search::Filter;

use crate::i18n::{LocaleText, Strings};
use crate::ui::study::util::focus_first_later;
use crate::ui::study::watch_toggle::state_label;

/// The filter panel's element id (the toggle's `aria-controls`).
pub const PANEL_ID: &str = "facet-panel";
/// The panel's heading (its `aria-labelledby`).
pub const HEADING_ID: &str = "facets-heading";
/// The phone's toggle button's id (focus returns to it).
pub const TOGGLE_ID: &str = "filters-toggle";

/// Closes the panel and gives the keyboard back to the toggle.
pub fn close_panel(open: RwSignal<bool>) {
    open.set(false);
    focus_first_later(vec![format!("#{TOGGLE_ID}")]);
}

/// A filter value's words in `locale` (`s` is its table): a panel row's
/// label and a chip's alike. A series the catalogue lacks shows its id.
pub fn choice_label(
    s: &'static Strings,
    locale: Locale,
    catalogue: &Catalogue,
    filter: &Filter,
) -> String {
    match filter {
        Filter::Year(y) => y.to_string(),
        Filter::Series(id) => catalogue.series(id).map_or_else(
            || id.clone(),
            |series| locale.series_name(series).to_string(),
        ),
        Filter::Lang(l) => lang_label(s, *l).to_string(),
        Filter::Summary(with) => summary_label(s, Some(*with)).to_string(),
        Filter::Watched(w) => state_label(s, *w).to_string(),
        Filter::HideWatched => s.hide_watched.to_string(),
    }
}

/// The summary facet's choices: with, without, or either (`None`).
pub fn summary_label(s: &Strings, with: Option<bool>) -> &'static str {
    match with {
        None => s.summary_any,
        Some(true) => s.summary_yes,
        Some(false) => s.summary_no,
    }
}

/// A video language's name (also the video page's language line).
pub fn lang_label(s: &Strings, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => s.lang_zh,
        Lang::En => s.lang_en,
    }
}
