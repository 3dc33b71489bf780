//! The seam between the sync driver (`src/sync.rs`) and where device files
//! live: a folder of the student's own storage, reached through one of the
//! backends. Every backend answers the same four calls over the folder
//! `shelf_core::sync::DEVICES_FOLDER`; the driver never sees a URL or a token.
//! Also the one HTTP helper the backends share ([`send`]): a deadline, a
//! size bound read while the body streams, statuses turned into
//! [`RemoteError`]s.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, ReadableStreamDefaultReader, RequestInit, Response};

use crate::web::remote_storage;

/// One file of the devices folder, as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub etag: String,
    pub size: Option<u64>,
}

/// A file's text and the ETag it was read at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    pub body: String,
    pub etag: String,
}

/// Why a call gave nothing; the sync driver decides what follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteError {
    /// 401/403: the token expired or was revoked: "reconnect needed", local edits kept.
    Unauthorized,
    /// The request never got an answer (no network, DNS, TLS, CORS, deadline).
    Offline,
    /// Any other non-2xx status.
    Status(u16),
    /// A listing or reply that is not what the protocol says.
    Garbage(String),
    /// 412: the file changed since it was read.
    Conflict,
    /// A reply bigger than the bound (bytes seen so far or announced).
    TooLarge(u64),
}

/// A connected storage: serialized (tokens included) in localStorage under
/// [`CONNECTION_KEY`] only, as `{"remotestorage": {…}}`. Externally tagged:
/// serde's internally tagged enums buffer through its `Content` type, which
/// the wasm would carry for this one use. Google Drive (H4) is the second variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Backend {
    #[serde(rename = "remotestorage")]
    RemoteStorage(remote_storage::Connection),
    #[serde(rename = "googledrive")]
    GoogleDrive(crate::web::google_drive::Connection),
}

/// Where the connection is kept. Never logged, never put in a URL.
pub const CONNECTION_KEY: &str = "lecture-shelf/sync/connection";

impl Backend {
    /// The devices folder; a folder that does not exist yet is empty.
    pub async fn list(&self) -> Result<Vec<Listed>, RemoteError> {
        match self {
            Backend::RemoteStorage(c) => c.list().await,
            Backend::GoogleDrive(c) => c.list().await,
        }
    }

    /// A file, or None when it is gone (404).
    pub async fn get(&self, name: &str) -> Result<Option<Fetched>, RemoteError> {
        match self {
            Backend::RemoteStorage(c) => c.get(name).await,
            Backend::GoogleDrive(c) => c.get(name).await,
        }
    }

    /// Writes a file: only over `if_match`, or only if absent when None. The new ETag.
    pub async fn put(
        &self,
        name: &str,
        body: &str,
        if_match: Option<&str>,
    ) -> Result<String, RemoteError> {
        match self {
            Backend::RemoteStorage(c) => c.put(name, body, if_match).await,
            Backend::GoogleDrive(c) => c.put(name, body, if_match).await,
        }
    }

    /// Deletes a file (only at `if_match` when given); one already gone is fine.
    pub async fn delete(&self, name: &str, if_match: Option<&str>) -> Result<(), RemoteError> {
        match self {
            Backend::RemoteStorage(c) => c.delete(name, if_match).await,
            Backend::GoogleDrive(c) => c.delete(name, if_match).await,
        }
    }

    /// What the student connected, in their words (`user@host`).
    pub fn account(&self) -> String {
        match self {
            Backend::RemoteStorage(c) => c.address.clone(),
            Backend::GoogleDrive(_) => "Google Drive".to_owned(),
        }
    }
}

/// How long one request may take, headers to last byte (as `web/fetch.rs`).
const DEADLINE_MS: i32 = 20_000;

/// An HTTP answer the backends read: status, ETag (quotes and `W/` taken
/// off) and the body as text.
pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub body: String,
}

/// An ETag as the protocol's listings write it: without quotes or `W/`.
pub fn bare_etag(raw: &str) -> String {
    raw.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .to_owned()
}

/// Sends one request: every status returned as it is (a backend whose
/// statuses mean more than the usual, as Google's 403 for a rate limit,
/// maps them itself); transport failures are `Offline`, a body past
/// `max_bytes` stops the download (`TooLarge`).
pub async fn send_raw(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    max_bytes: u64,
) -> Result<Reply, RemoteError> {
    let window = leptos::prelude::window();
    if !window.navigator().on_line() {
        return Err(RemoteError::Offline);
    }
    let controller = AbortController::new().map_err(|_| RemoteError::Offline)?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(&controller.signal()));
    // Every answer is the server's now: the listing decides what is fetched.
    init.set_cache(web_sys::RequestCache::NoStore);
    let sent = Headers::new().map_err(|_| RemoteError::Offline)?;
    for (name, value) in headers {
        sent.set(name, value)
            .map_err(|_| RemoteError::Garbage(format!("header {name}")))?;
    }
    init.set_headers(&sent);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let timed_out = Rc::new(Cell::new(false));
    let (flag, abort) = (timed_out.clone(), controller.clone());
    let on_deadline = Closure::once_into_js(move || {
        flag.set(true);
        abort.abort();
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_deadline.unchecked_ref(),
            DEADLINE_MS,
        )
        .unwrap_or(0);
    let result = exchange(&window, url, &init, max_bytes).await;
    window.clear_timeout_with_handle(timer);
    if result.is_err() {
        controller.abort();
    }
    result
}

/// [`send_raw`], with the statuses that mean the same for every backend
/// turned into errors: 401/403 `Unauthorized`, 412 `Conflict`.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    max_bytes: u64,
) -> Result<Reply, RemoteError> {
    let reply = send_raw(method, url, headers, body, max_bytes).await?;
    match reply.status {
        401 | 403 => Err(RemoteError::Unauthorized),
        412 => Err(RemoteError::Conflict),
        _ => Ok(reply),
    }
}

async fn exchange(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
    max_bytes: u64,
) -> Result<Reply, RemoteError> {
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(|_| RemoteError::Offline)?
        .unchecked_into();
    let status = response.status();
    let etag = response
        .headers()
        .get("etag")
        .ok()
        .flatten()
        .map(|e| bare_etag(&e));
    let length = response.headers().get("content-length").ok().flatten();
    if let Some(len) = length.and_then(|l| l.trim().parse::<u64>().ok()) {
        if len > max_bytes {
            return Err(RemoteError::TooLarge(len));
        }
    }
    let Some(stream) = response.body() else {
        return Ok(Reply {
            status,
            etag,
            body: String::new(),
        });
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| RemoteError::Offline)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) else {
            break;
        };
        let value: Uint8Array = value.unchecked_into();
        let len = value.length() as usize;
        if (bytes.len() + len) as u64 > max_bytes {
            let _ = reader.cancel();
            return Err(RemoteError::TooLarge((bytes.len() + len) as u64));
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
    let body = String::from_utf8(bytes).map_err(|_| RemoteError::Garbage("not UTF-8".into()))?;
    Ok(Reply { status, etag, body })
}
