//! Starts the catalogue worker (crates/catalogue-worker) for one build:
//! waits for its "ready", posts the request, resolves with its reply and
//! ends the worker, so its ~1 MB of parser is in memory only while needed.
//! Every way it can fail ends the build: a script that never loads, a
//! panic or out-of-memory inside it (its `error` event), or no answer
//! within the deadline (it is then terminated).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Promise};
use shelf_core::sources::MAX_PARSE_MS;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk does not hash worker file names. Relative to the document's base,
/// so it follows `--public-url`.
const LOADER: &str = "catalogue-worker_loader.js";

/// The worker stops itself at the parse bound; this covers starting it,
/// copying the pages in and the catalogue out, and a worker that hangs.
pub const DEADLINE_MS: i32 = MAX_PARSE_MS as i32 + 20_000;

/// Why a build gave no reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerError {
    /// Its script could not load (offline before it was ever cached).
    CouldNotStart,
    /// It started, then failed: a panic, or memory ran out.
    Stopped,
    /// No answer within [`DEADLINE_MS`].
    TimedOut,
}

/// The worker's reply to the JSON `request` built over `site_pages` (the
/// site's pages file): the `BuildReply` as JSON, and the merged
/// catalogue's JSON when it built one.
pub async fn build(
    request: String,
    site_pages: String,
) -> Result<(String, Option<String>), WorkerError> {
    let worker = Worker::new(LOADER).map_err(|_| WorkerError::CouldNotStart)?;
    let started = Rc::new(Cell::new(false));
    let timed_out = Rc::new(Cell::new(false));
    let mut timer = 0;
    let pending = Promise::new(&mut |resolve, reject| {
        let to = worker.clone();
        // Taken when posted: the handler outlives the build (it is leaked),
        // the request's megabytes of pages must not.
        let request = RefCell::new(Some((request.clone(), site_pages.clone())));
        let ready = started.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let data = msg.data();
            if data.as_string().as_deref() == Some("ready") {
                ready.set(true);
                if let Some((request, site_pages)) = request.borrow_mut().take() {
                    let message = js_sys::Array::of2(
                        &JsValue::from_str(&request),
                        &JsValue::from_str(&site_pages),
                    );
                    let _ = to.post_message(&message);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let failed = reject.clone();
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = failed.call0(&JsValue::NULL);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
        let late = timed_out.clone();
        let on_deadline = Closure::once_into_js(move || {
            late.set(true);
            let _ = reject.call0(&JsValue::NULL);
        });
        timer = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_deadline.unchecked_ref(),
                DEADLINE_MS,
            )
            .unwrap_or(0);
    });
    let reply = JsFuture::from(pending).await;
    leptos::prelude::window().clear_timeout_with_handle(timer);
    worker.terminate();
    let reply = reply.map_err(|_| match (timed_out.get(), started.get()) {
        (true, _) => WorkerError::TimedOut,
        (false, true) => WorkerError::Stopped,
        (false, false) => WorkerError::CouldNotStart,
    })?;
    let reply: Array = reply.dyn_into().map_err(|_| WorkerError::Stopped)?;
    let text = reply.get(0).as_string().ok_or(WorkerError::Stopped)?;
    Ok((text, reply.get(1).as_string()))
}
