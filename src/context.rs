//! The app-wide contexts: what `App` provides once, and the `use_*` hooks
//! components read them with. Contexts of one page (the player's control,
//! the video a summary belongs to) live with the components that provide
//! them.

use leptos::prelude::*;
use shelf_core::catalogue::Catalogue;
use shelf_core::search::SearchIndex;

use shelf_core::locale::Locale;

use crate::loader::Loader;
use crate::preferences::{LocaleSignal, Theme, ThemeSignal};
use crate::shelf::Shelf;
use crate::study::Study;
use crate::sync::Sync;
use crate::web::service_worker::UpdateReady;

/// The language shown; reactive where called inside a closure.
pub fn use_locale() -> Locale {
    // A text closure re-run while its page is being left (a route change,
    // leptos_meta re-reading a title) finds no context any more; what it
    // makes then is never shown, so it must not panic.
    use_context::<LocaleSignal>().map_or(Locale::ZhTw, |l| l.0.get())
}

/// The language as a signal, for closures that may run outside the
/// component that made them (`leptos_meta` re-reads a title as routes change).
pub fn use_locale_signal() -> Signal<Locale> {
    expect_context::<LocaleSignal>().0
}

pub fn use_theme() -> Signal<Theme> {
    expect_context::<ThemeSignal>().0
}

pub fn use_study() -> Study {
    expect_context::<Study>()
}

pub fn use_shelf() -> Shelf {
    expect_context::<Shelf>()
}

/// The catalogue as it was when the calling page was created.
pub fn use_catalogue() -> &'static Catalogue {
    use_shelf().catalogue_untracked()
}

pub fn use_search_index() -> &'static SearchIndex {
    use_shelf().search_index_untracked()
}

pub fn use_loader() -> Loader {
    expect_context::<Loader>()
}

/// A new app version waiting to take over, if any.
pub fn use_update_ready() -> UpdateReady {
    expect_context::<UpdateReady>()
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}
