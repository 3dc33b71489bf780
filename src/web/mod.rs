//! Thin adapters over browser APIs: the app reaches the browser only here (crates/tidy checks it).

pub mod base;
pub mod broadcast;
pub mod catalogue_worker;
pub mod clipboard;
pub mod clock;
pub mod document;
pub mod download;
pub mod fetch;
pub mod file;
pub mod google_drive;
pub mod idb;
pub mod location;
pub mod locks;
pub mod oauth;
pub mod online;
pub mod pointer;
pub mod random;
pub mod remote_folder;
pub mod remote_storage;
pub mod scroll;
pub mod service_worker;
pub mod shell;
pub mod site_files;
pub mod storage;
pub mod target;
pub mod youtube;
