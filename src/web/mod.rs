//! Thin adapters over browser APIs; the UI reaches the browser only through here.

pub mod base;
pub mod document;
pub mod service_worker;
pub mod shell;
pub mod storage;
