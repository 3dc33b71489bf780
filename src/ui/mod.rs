//! Leptos components, one per file. They render core state and hold no
//! logic of their own beyond wiring events to the core.

pub mod catalogue_page;
#[cfg(all(test, target_arch = "wasm32"))]
mod component_tests;
pub mod frame;
pub mod keyed;
pub mod lazy_page;
pub mod load_error;
pub mod not_found;
pub mod page_title;
pub mod player;
pub mod search;
pub mod series_nav;
pub mod sources;
pub mod study;
pub mod summary_view;
pub mod sync;
pub mod thumbnail;
pub mod update_prompt;
pub mod video_card;
pub mod video_meta;
pub mod video_page;
