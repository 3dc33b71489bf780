//! IndexedDB for the loaded catalogue (localStorage is too small for
//! it): one database, one object store, text values under string keys.
//! A value is stored gzip-compressed (`CompressionStream`) as an
//! `ArrayBuffer`: the record's JSON repeats its keys thousands of times and
//! Chromium keeps a string with any non-Latin-1 character as UTF-16, so the
//! text itself was about 3.6 times the pages it came from (5.5 with
//! ASCII-heavy pages); gzipped it is under two thirds of them. Where the
//! browser has no `CompressionStream` the text is stored as a string, and
//! both forms are read. Every failure (storage disabled, private mode,
//! quota, an older tab blocking an upgrade) comes back as a message, never
//! a panic.

use js_sys::{Array, ArrayBuffer, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode, ReadableStream,
    ReadableWritablePair, Response, WritableStream,
};

const DATABASE: &str = "lecture-shelf";
const VERSION: u32 = 1;
const STORE: &str = "catalogue";

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|e| e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "IndexedDB failed".into())
}

/// Opening waits at most this long: the app mounts after the first read,
/// and a browser that never answers must not leave a blank page.
const OPEN_DEADLINE_MS: i32 = 3_000;

/// Resolves with the request's result once it succeeds, rejects with its error.
fn settle(request: &IdbRequest) -> JsFuture {
    JsFuture::from(settled(request))
}

fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::from_str("IndexedDB request failed"), JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// Rejects after `ms`.
fn deadline(ms: i32) -> Promise {
    Promise::new(&mut |_, reject| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&reject, ms);
    })
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = leptos::prelude::window()
        .indexed_db()
        .map_err(|e| message(&e))?
        .ok_or("IndexedDB is not available in this browser")?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|e| message(&e))?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(result) = upgrading.result() {
            let db: IdbDatabase = result.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let opened = Promise::race(&js_sys::Array::of2(
        &settled(&request),
        &deadline(OPEN_DEADLINE_MS),
    ));
    let db = JsFuture::from(opened).await.map_err(|e| {
        if e.is_undefined() {
            "IndexedDB did not answer".to_string()
        } else {
            message(&e)
        }
    })?;
    Ok(db.unchecked_into())
}

/// The string stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let store = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .map_err(|e| message(&e))?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|e| message(&e))?;
    let value = settle(&request).await.map_err(|e| message(&e))?;
    db.close();
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return gunzip(buffer)
            .await
            .map(Some)
            .ok_or_else(|| "the stored catalogue could not be decompressed".to_string());
    }
    Ok(value.as_string())
}

/// Stores `value` under `key` (gzipped where the browser can); resolves
/// with the bytes stored once the transaction committed (a request
/// succeeding is not yet the data being durable).
pub async fn put(key: &str, value: &str) -> Result<usize, String> {
    let (value, bytes): (JsValue, usize) = match gzip(value).await {
        Some(buffer) => {
            let bytes = buffer.byte_length() as usize;
            (buffer.into(), bytes)
        }
        // As a string: Chromium keeps one with any non-Latin-1 character as
        // UTF-16, two bytes a code unit.
        None => (JsValue::from_str(value), value.encode_utf16().count() * 2),
    };
    let db = open().await?;
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| message(&e))?;
    let committed = JsFuture::from(Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_abort = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    }));
    let store = transaction.object_store(STORE).map_err(|e| message(&e))?;
    let request = store
        .put_with_key(&value, &JsValue::from_str(key))
        .map_err(|e| message(&e))?;
    let stored = settle(&request).await.map_err(|e| message(&e));
    let committed = committed
        .await
        .map_err(|_| "the browser refused to store the catalogue (is the disk full?)".to_string());
    db.close();
    stored.and(committed).map(|_| bytes)
}

/// A `CompressionStream` or `DecompressionStream` for gzip, as the pair
/// `pipeThrough` takes; `None` where the browser has none (web-sys binds
/// them only as unstable APIs, so they are looked up by name).
fn gzip_transform(class: &str) -> Option<ReadableWritablePair> {
    let constructor: js_sys::Function = Reflect::get(&js_sys::global(), &JsValue::from_str(class))
        .ok()?
        .dyn_into()
        .ok()?;
    let stream = Reflect::construct(&constructor, &Array::of1(&JsValue::from_str("gzip"))).ok()?;
    let readable: ReadableStream = Reflect::get(&stream, &JsValue::from_str("readable"))
        .ok()?
        .dyn_into()
        .ok()?;
    let writable: WritableStream = Reflect::get(&stream, &JsValue::from_str("writable"))
        .ok()?
        .dyn_into()
        .ok()?;
    Some(ReadableWritablePair::new(&readable, &writable))
}

/// `blob` piped through `transform`, read whole.
fn piped(blob: &Blob, transform: &ReadableWritablePair) -> Option<Response> {
    let stream = blob.stream().pipe_through(transform);
    Response::new_with_opt_readable_stream(Some(&stream)).ok()
}

async fn gzip(text: &str) -> Option<ArrayBuffer> {
    let transform = gzip_transform("CompressionStream")?;
    let bytes = Uint8Array::from(text.as_bytes());
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(&bytes)).ok()?;
    drop(bytes);
    let response = piped(&blob, &transform)?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    buffer.dyn_into().ok()
}

async fn gunzip(buffer: &ArrayBuffer) -> Option<String> {
    let transform = gzip_transform("DecompressionStream")?;
    let blob = Blob::new_with_buffer_source_sequence(&Array::of1(buffer)).ok()?;
    let response = piped(&blob, &transform)?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
