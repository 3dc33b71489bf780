//! Lecture Shelf: mounts the app over the static shell in `index.html`.

mod app;
mod embedded;
mod i18n;
mod preferences;
mod study;
mod ui;
mod web;

fn main() {
    console_error_panic_hook::set_once();
    web::shell::mount(app::App);
}
