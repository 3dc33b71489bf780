//! Thin adapters over browser APIs; the UI reaches the browser only through here.

pub mod base;
pub mod clipboard;
pub mod document;
pub mod download;
pub mod file;
pub mod location;
pub mod locks;
pub mod service_worker;
pub mod shell;
pub mod storage;
