//! The catalogue worker: the importer's own parser, snapshot merge and
//! series rules, run off the main thread on pages the app fetched or the
//! student picked. The protocol is `shelf_core::catalogue_build`, as JSON
//! strings: it posts `"ready"` once its handler is set (messages sent before
//! that would be lost), then answers each `BuildRequest` with a `BuildReply`.

mod seed;

use shelf_core::catalogue_build::{build, BuildReply, BuildRequest};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn answer(request: &str, now: &dyn Fn() -> f64) -> BuildReply {
    match serde_json::from_str::<BuildRequest>(request) {
        Ok(request) => build(&seed::pages(), seed::RULES, request.pages, now),
        Err(e) => BuildReply {
            catalogue: None,
            problems: vec![format!("request:0: unreadable request: {e}")],
            videos: 0,
            parse_ms: 0,
        },
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        let performance = reply_to.performance();
        let now = || performance.as_ref().map_or(0.0, |p| p.now());
        let request = msg.data().as_string().unwrap_or_default();
        let reply = serde_json::to_string(&answer(&request, &now)).unwrap_or_default();
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
