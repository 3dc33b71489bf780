//! The catalogue worker: the importer's own parser, snapshot merge and
//! series rules, run off the main thread on pages the app fetched or the
//! student picked. The protocol is `shelf_core::catalogue_build`: it posts
//! `"ready"` once its handler is set (messages sent before that would be
//! lost), then answers each message — a two-element array: the
//! `BuildRequest` (JSON) and the site's pages file (the pages its catalogue
//! was built from, in the same shape), which the loaded pages merge over —
//! with a two-element array: the `BuildReply` as JSON, and the merged
//! catalogue's JSON or `null` (its own string, so it is never escaped
//! inside the reply and unescaped again). The worker embeds no catalogue:
//! the pages it builds over are the site's data, fetched by the app.
//! A panic (or running out of memory) ends the handler with an error, which
//! the app hears as the worker's `error` event and reports as a refusal.

use shelf_core::catalogue_build::{build, BuildReply, BuildRequest, Built};
use shelf_core::seed::SERIES_RULES;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn answer(request: &str, site_pages: &str, now: &dyn Fn() -> f64) -> Built {
    let refusing = |problem: String| Built {
        reply: BuildReply::refusing(problem),
        catalogue: None,
    };
    let request = match serde_json::from_str::<BuildRequest>(request) {
        Ok(request) => request,
        Err(e) => return refusing(format!("request:0: unreadable request: {e}")),
    };
    // The site's own pages file, in the request's shape.
    let base = match serde_json::from_str::<BuildRequest>(site_pages) {
        Ok(base) => base,
        Err(e) => return refusing(format!("site pages:0: unreadable pages file: {e}")),
    };
    let base: Vec<(&str, &str)> = base
        .pages
        .iter()
        .map(|p| (p.name.as_str(), p.text.as_str()))
        .collect();
    build(&base, SERIES_RULES, request.pages, now)
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |msg: MessageEvent| {
        let performance = reply_to.performance();
        let now = || performance.as_ref().map_or(0.0, |p| p.now());
        // Taken out of the event, so the request's text is freed as soon as
        // it is decoded.
        let data = js_sys::Array::from(&msg.data());
        let request = data.get(0).as_string().unwrap_or_default();
        let site_pages = data.get(1).as_string().unwrap_or_default();
        let built = answer(&request, &site_pages, &now);
        drop((request, site_pages));
        let reply = serde_json::to_string(&built.reply).unwrap_or_default();
        let catalogue = built
            .catalogue
            .map_or(JsValue::NULL, |json| JsValue::from_str(&json));
        let message = js_sys::Array::of2(&JsValue::from_str(&reply), &catalogue);
        let _ = reply_to.post_message(&message);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
