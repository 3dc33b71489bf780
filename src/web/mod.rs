//! Thin adapters over browser APIs; the UI reaches the browser only through here.

pub mod document;
pub mod shell;
