//! IndexedDB, for what is too big for localStorage (the loaded catalogue):
//! one database, one object store, text values by key. Every failure
//! (private mode, quota, a blocked upgrade) comes back as a message.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "lecture-shelf";
const STORE: &str = "catalogue";
const VERSION: u32 = 1;

/// Resolves when `request` succeeds (with its result), rejects on error.
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    outcome
        .map(|_| request.result().unwrap_or(JsValue::UNDEFINED))
        .map_err(|_| message(request))
}

fn message(request: &IdbRequest) -> String {
    request
        .error()
        .ok()
        .flatten()
        .map(|e| e.message())
        .unwrap_or_else(|| "IndexedDB request failed".into())
}

fn js_error(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "IndexedDB is not available".into())
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = leptos::prelude::window()
        .indexed_db()
        .map_err(js_error)?
        .ok_or("IndexedDB is not available")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).map_err(js_error)?;
    // First open (or a version bump): create the store.
    let upgrade = Closure::once(move |event: web_sys::IdbVersionChangeEvent| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = finished(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
        .map_err(|_| "IndexedDB gave no database".into())
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(js_error)?;
    let request = store.get(&JsValue::from_str(key)).map_err(js_error)?;
    let value = finished(&request).await;
    db.close();
    Ok(value?.as_string())
}

/// Stores `value` under `key`, replacing what was there; resolves once the
/// transaction has committed.
pub async fn put(key: &str, value: &str) -> Result<(), String> {
    let db = open().await?;
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(js_error)?;
    // `complete` means durable; the request's success alone does not.
    // Listen before the request can finish.
    let committed = js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    let store = transaction.object_store(STORE).map_err(js_error)?;
    let request = store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(js_error)?;
    let done = finished(&request).await;
    let committed = JsFuture::from(committed).await;
    db.close();
    done?;
    committed
        .map(|_| ())
        .map_err(|_| "the catalogue could not be stored (IndexedDB refused the write)".into())
}
