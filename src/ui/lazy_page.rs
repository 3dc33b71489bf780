//! Pages whose code is not in the main wasm: each group below is a chunk
//! that `scripts/bin/wasm-bindgen` splits off at build time
//! (crates/wasm-split), fetched the first time one of its pages opens and
//! precached by the service worker like every other file. The catalogue page
//! stays in the main module: it is the first screen.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::t;
use crate::ui::page_title::PageTitle;
use crate::web::focus;

/// What a chunk hands back: the page's constructor, a function in the chunk.
type MakePage = fn() -> AnyView;

macro_rules! lazy_pages {
    ($($page:ident => $chunk:ident, $component:path;)*) => {
        /// A page that lives in a chunk.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Lazy { $($page,)* }

        /// One function per page, in its group's chunk; on wasm, calling it
        /// loads the chunk first (and fails if it cannot). Not split in the
        /// component tests: their wasm (wasm-bindgen-test) must not import
        /// the splitter's placeholder module, which only the app's build
        /// replaces.
        #[allow(non_snake_case)]
        mod split {
            use super::*;
            $(
                #[cfg_attr(not(test), leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible))]
                pub fn $page() -> Result<MakePage, SplitLoaderError> {
                    Ok(|| view! { <$component /> }.into_any())
                }
            )*
        }

        async fn load(page: Lazy) -> Result<MakePage, SplitLoaderError> {
            #[cfg(not(test))]
            let made = match page { $(Lazy::$page => split::$page().await,)* };
            #[cfg(test)]
            let made = match page { $(Lazy::$page => split::$page(),)* };
            made
        }
    };
}

// Grouped by what a student opens together: fewer, larger chunks load in
// fewer requests (the splitter also makes one chunk per set of groups that
// share code).
lazy_pages! {
    Video => player, crate::ui::video_page::VideoPage;
    Progress => study, crate::ui::study::progress_page::ProgressPage;
    Playlists => study, crate::ui::study::playlists_page::PlaylistsPage;
    Playlist => study, crate::ui::study::playlist_page::PlaylistPage;
    Series => study, crate::ui::study::playlist_page::SeriesPage;
    Shared => study, crate::ui::study::shared_page::SharedPage;
    Backup => backup, crate::ui::study::backup_page::BackupPage;
    Sources => settings, crate::ui::sources::sources_page::SourcesPage;
    Sync => settings, crate::ui::sync::sync_page::SyncPage;
}

thread_local! {
    /// Constructors of pages whose chunk is loaded: opening such a page
    /// again (or the routes made anew after a catalogue load) builds it at
    /// once, as if it were in the main module.
    static LOADED: RefCell<HashMap<Lazy, MakePage>> = RefCell::new(HashMap::new());
}

#[derive(Clone, Copy)]
enum Chunk {
    Loading,
    Ready(MakePage),
    Failed,
}

/// `page`, once its chunk is loaded; until then a busy placeholder, and if
/// the chunk cannot be fetched (offline before the service worker cached it,
/// a server error) a message with a retry.
#[component]
pub fn LazyPage(page: Lazy) -> impl IntoView {
    let loaded = LOADED.with_borrow(|l| l.get(&page).copied());
    let chunk = RwSignal::new(loaded.map_or(Chunk::Loading, Chunk::Ready));
    // `retry`: asked for by the button, which the placeholder replaces, so
    // focus goes to the heading that comes (a route change does that itself).
    let fetch = move |retry: bool| {
        chunk.set(Chunk::Loading);
        spawn_local(async move {
            let result = load(page).await;
            if let Ok(make) = result {
                LOADED.with_borrow_mut(|l| l.insert(page, make));
            }
            // Left meanwhile: the signal is gone and nothing is shown.
            let shown = chunk
                .try_set(result.map_or(Chunk::Failed, Chunk::Ready))
                .is_none();
            if shown && retry {
                focus::focus_heading();
            }
        });
    };
    if loaded.is_none() {
        fetch(false);
    }
    // The page is built here, under this component's owner, so leaving the
    // page disposes of it as it would any other.
    move || match chunk.get() {
        Chunk::Ready(make) => make(),
        Chunk::Loading => view! {
            <section class="page lazy-page" aria-busy="true">
                <p class="page-loading" role="status">{move || t().page_loading}</p>
            </section>
        }
        .into_any(),
        Chunk::Failed => view! { <LoadFailed retry=move || fetch(true) /> }.into_any(),
    }
}

#[component]
fn LoadFailed(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <PageTitle name=move || Some(t().page_load_failed.to_string()) />
        <section class="page message-page lazy-page" aria-labelledby="lazy-failed">
            <h1 id="lazy-failed">{move || t().page_load_failed}</h1>
            <p role="alert">{move || t().page_load_failed_body}</p>
            <p>
                <button type="button" on:click=move |_| retry()>
                    {move || t().page_load_retry}
                </button>
            </p>
        </section>
    }
}
