//! The app: shared context, site frame and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use shelf_core::catalogue::Catalogue;

use crate::embedded;
use crate::preferences;
use crate::study::Study;
use crate::ui::load_error::LoadError;
use crate::ui::study::backup_page::BackupPage;
use crate::ui::study::notice::StoreNoticeBanner;
use crate::ui::study::playlist_page::{PlaylistPage, SeriesPage};
use crate::ui::study::playlists_page::PlaylistsPage;
use crate::ui::study::progress_page::ProgressPage;
use crate::ui::study::shared_page::SharedPage;
use crate::ui::update_prompt::UpdatePrompt;
use crate::ui::{
    catalogue_page::CataloguePage, frame::SiteHeader, not_found::NotFound, video_page::VideoPage,
};
use crate::web::base::base_path;
use crate::web::service_worker::{self, UpdateReady};

/// The decoded catalogue, shared by every page.
#[derive(Clone, Copy)]
pub struct Shelf(pub &'static Catalogue);

pub fn use_catalogue() -> &'static Catalogue {
    expect_context::<Shelf>().0
}

#[component]
pub fn App() -> impl IntoView {
    let study = Study::load();
    provide_context(study);
    preferences::provide(study);
    let update = UpdateReady(RwSignal::new(None));
    provide_context(update);
    service_worker::register(update);

    match embedded::catalogue() {
        Ok(catalogue) => {
            provide_context(Shelf(catalogue));
            view! {
                <Router base=base_path()>
                    <SiteHeader />
                    <StoreNoticeBanner />
                    <main id="main" tabindex="-1">
                        <Routes fallback=NotFound>
                            <Route path=path!("/") view=CataloguePage />
                            <Route path=path!("/video/:id") view=VideoPage />
                            // study routes (issue 4)
                            <Route path=path!("/progress") view=ProgressPage />
                            <Route path=path!("/playlists") view=PlaylistsPage />
                            <Route path=path!("/playlists/:id") view=PlaylistPage />
                            <Route path=path!("/series/:id") view=SeriesPage />
                            <Route path=path!("/shared") view=SharedPage />
                            <Route path=path!("/backup") view=BackupPage />
                        </Routes>
                    </main>
                    <UpdatePrompt />
                </Router>
            }
            .into_any()
        }
        Err(message) => view! { <LoadError message /> }.into_any(),
    }
}
