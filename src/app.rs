//! The app: shared context, site frame and routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::context::{use_locale_signal, use_theme};
use crate::loader::Loader;
use crate::preferences;
use crate::shelf::Shelf;
use crate::study::Study;
use crate::sync::Sync;
use crate::ui::lazy_page::{Lazy, LazyPage};
use crate::ui::load_error::LoadError;
use crate::ui::study::notice::StoreNoticeBanner;
use crate::ui::update_prompt::UpdatePrompt;
use crate::ui::{
    catalogue_page::CataloguePage,
    frame::{SiteHeader, MAIN_ID},
    not_found::NotFound,
};
use crate::web::base::base_path;
use crate::web::service_worker::{self, UpdateReady};

/// `shelf` is the catalogue read at start (see `Shelf::restore`), or why
/// the site's own could not be downloaded or read.
#[component]
pub fn App(shelf: Result<Shelf, &'static str>) -> impl IntoView {
    provide_meta_context();
    let study = Study::load();
    provide_context(study);
    provide_context(Sync::start(study));
    preferences::provide(study);
    let locale = use_locale_signal();
    let theme = use_theme();
    // Screen readers and fonts pick the voice and glyphs from `lang`; the
    // stylesheet follows the system unless `data-theme` is set.
    let document = view! {
        <Html {..} lang=move || locale.get().html_lang() data-theme=move || theme.get().code() />
    };
    let update = UpdateReady(RwSignal::new(None));
    provide_context(update);
    service_worker::register(update);

    let page = match shelf {
        Ok(shelf) => {
            provide_context(shelf);
            provide_context(Loader::start(shelf));
            view! {
                <Router base=base_path()>
                    <RouteFocus />
                    <SiteHeader />
                    <StoreNoticeBanner />
                    <main id=MAIN_ID tabindex="-1">
                        // Every page reads the catalogue once, when created: a
                        // load that swaps it renders the routes anew.
                        {move || {
                            shelf.generation();
                            view! {
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=CataloguePage />
                            <Route path=path!("/video/:id") view=|| view! { <LazyPage page=Lazy::Video /> } />
                            // study routes (issue 4)
                            <Route path=path!("/progress") view=|| view! { <LazyPage page=Lazy::Progress /> } />
                            <Route path=path!("/playlists") view=|| view! { <LazyPage page=Lazy::Playlists /> } />
                            <Route path=path!("/playlists/:id") view=|| view! { <LazyPage page=Lazy::Playlist /> } />
                            <Route path=path!("/series/:id") view=|| view! { <LazyPage page=Lazy::Series /> } />
                            <Route path=path!("/shared") view=|| view! { <LazyPage page=Lazy::Shared /> } />
                            <Route path=path!("/backup") view=|| view! { <LazyPage page=Lazy::Backup /> } />
                            <Route path=path!("/sources") view=|| view! { <LazyPage page=Lazy::Sources /> } />
                            <Route path=path!("/sync") view=|| view! { <LazyPage page=Lazy::Sync /> } />
                        </Routes>
                            }
                        }}
                    </main>
                    <UpdatePrompt />
                </Router>
            }
            .into_any()
        }
        Err(message) => view! { <LoadError message /> }.into_any(),
    };
    (document, page)
}

/// Focus after a route change: the new page's heading, or after Back the
/// row that was opened (`web/focus.rs`).
#[component]
fn RouteFocus() -> impl IntoView {
    crate::web::focus::manage_route_focus();
}
