//! Lecture Shelf's pure core: no browser, no UI framework, no I/O.
//!
//! Everything the app knows about lectures and study state lives here and is
//! tested natively with `cargo test`. The `import` feature adds what only
//! the `import-catalogue` tool needs (page parser, series rules, Markdown
//! conversion); the web app builds without it.

pub mod assignment;
pub mod catalogue;
pub mod catalogue_build;
pub mod catalogue_view;
pub mod ids;
pub mod locale;
pub mod neighbours;
mod numerals;
pub mod playback;
pub mod problem;
pub mod search;
pub mod sources;
pub mod study;
pub mod summary;
pub mod sync;
mod text_form;
pub mod watch;

#[cfg(feature = "import")]
pub mod import;
#[cfg(feature = "import")]
pub mod lecture;
#[cfg(feature = "import")]
pub mod page;
#[cfg(feature = "import")]
pub mod seed;
#[cfg(feature = "import")]
pub mod series;
#[cfg(feature = "import")]
pub mod snapshots;
