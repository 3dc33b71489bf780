//! localStorage for the study state, through gloo-storage, with every way it
//! can fail turned into a value: storage disabled (privacy modes, blocked
//! third-party storage), quota exceeded, another tab writing.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the study state lives. Other keys of this origin are not ours.
pub const STATE_KEY: &str = "lecture-shelf/study";
/// What undoes the last backup import (see `RestorePoint`).
pub const RESTORE_KEY: &str = "lecture-shelf/restore-point";
/// Unreadable states are kept under this prefix, never overwritten.
const BACKUP_PREFIX: &str = "lecture-shelf/unreadable/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageIssue {
    /// The browser refuses storage altogether.
    Unavailable(String),
    /// Full: nothing was written.
    QuotaExceeded,
    Failed(String),
}

/// The store, or why there is none. Probed without gloo's `raw()`, which
/// throws when storage is disabled.
fn storage() -> Result<web_sys::Storage, StorageIssue> {
    match leptos::prelude::window().local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StorageIssue::Unavailable(
            "localStorage is not available".into(),
        )),
        Err(e) => Err(StorageIssue::Unavailable(js_message(&e))),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageIssue> {
    storage()?
        .get_item(key)
        .map_err(|e| StorageIssue::Unavailable(js_message(&e)))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageIssue> {
    storage()?.set_item(key, value).map_err(|e| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name());
        match name.as_deref() {
            Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => {
                StorageIssue::QuotaExceeded
            }
            _ => StorageIssue::Failed(js_message(&e)),
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageIssue> {
    storage()?
        .remove_item(key)
        .map_err(|e| StorageIssue::Failed(js_message(&e)))
}

/// Keeps unreadable stored text under a backup key and returns that key.
/// The same text is kept once, however often the app starts.
pub fn keep_backup(raw: &str, now_ms: u64) -> Result<String, StorageIssue> {
    let store = storage()?;
    for i in 0..store.length().unwrap_or(0) {
        if let Ok(Some(key)) = store.key(i) {
            if key.starts_with(BACKUP_PREFIX)
                && store.get_item(&key).ok().flatten().as_deref() == Some(raw)
            {
                return Ok(key);
            }
        }
    }
    let key = format!("{BACKUP_PREFIX}{now_ms}");
    write(&key, raw)?;
    Ok(key)
}

/// Calls `on_change` with the new text whenever another tab changes the study state.
pub fn on_external_change(on_change: impl Fn(Option<String>) + 'static) {
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            // `key` is null when another tab cleared all storage.
            match event.key() {
                Some(key) if key == STATE_KEY => on_change(event.new_value()),
                None => on_change(None),
                Some(_) => {}
            }
        });
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Calls `on_change(key, new value)` whenever another tab changes a key
/// starting with `prefix` (or clears all storage: key "").
pub fn on_keys_change(prefix: &'static str, on_change: impl Fn(&str, Option<String>) + 'static) {
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            match event.key() {
                Some(key) if key.starts_with(prefix) => on_change(&key, event.new_value()),
                None => on_change("", None),
                Some(_) => {}
            }
        });
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}
