//! Starts the catalogue worker (crates/catalogue-worker) for one build:
//! waits for its "ready", posts the request, resolves with its reply and
//! ends the worker, so its ~1 MB of parser is in memory only while needed.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk does not hash worker file names. Relative to the document's base,
/// so it follows `--public-url`.
const LOADER: &str = "catalogue-worker_loader.js";

/// The worker's JSON reply to the JSON `request`, or why there is none
/// (the worker script could not load: offline before it was ever cached).
pub async fn build(request: String) -> Result<String, String> {
    let worker =
        Worker::new(LOADER).map_err(|_| "the catalogue parser could not start".to_string())?;
    let pending = Promise::new(&mut |resolve, reject| {
        let to = worker.clone();
        // Taken when posted: the handler outlives the build (it is leaked),
        // the request's megabyte of pages must not.
        let request = std::cell::RefCell::new(Some(request.clone()));
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
            let data = msg.data().as_string().unwrap_or_default();
            if data == "ready" {
                if let Some(request) = request.borrow_mut().take() {
                    let _ = to.post_message(&JsValue::from_str(&request));
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&data));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = reject.call0(&JsValue::NULL);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let reply = JsFuture::from(pending).await;
    worker.terminate();
    reply.ok().and_then(|r| r.as_string()).ok_or_else(|| {
        "the catalogue parser could not start (offline, or its files are missing)".to_string()
    })
}
