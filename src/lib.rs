//! Lecture Shelf: the app as a library, so its components and message tables
//! can be tested (natively where they need no browser, with
//! `wasm-bindgen-test` where they do); `main.rs` only starts it.

mod app;
mod context;
pub mod i18n;
mod loader;
mod preferences;
pub mod prerender;
mod shelf;
mod site_data;
mod study;
mod sync;
mod ui;
mod web;

/// Reads the stored catalogue, then mounts the app over the static shell.
pub fn start() {
    console_error_panic_hook::set_once();
    // An OAuth return's token leaves the address bar before anything else
    // reads the URL (the router, `/shared`'s `#share=` reader).
    web::oauth::read_return();
    // The stored catalogue is read before mounting (IndexedDB answers in a
    // few ms, while the site's catalogue file downloads), so a loaded
    // catalogue never flashes the site's first.
    // Leptos sets up its executor when mounting, so this one is wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        let shelf = shelf::Shelf::restore().await;
        web::shell::mount(move || app::App(app::AppProps { shelf }));
    });
}
