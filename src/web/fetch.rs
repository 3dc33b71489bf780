//! Downloads a catalogue page as text, with a deadline: a source that
//! hangs is aborted and reported, never waited on forever.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// How long one page may take, headers to last byte.
const DEADLINE_MS: i32 = 20_000;

/// Why a download gave no text; the app words it for the student.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No network, DNS, CORS refusal, CSP: the browser does not say which.
    Unreachable,
    TimedOut,
    Status(u16),
    /// `Content-Length` over the limit: not downloaded.
    TooLarge(u64),
}

/// The body of `url` as text, refusing bodies the server announces as
/// longer than `max_bytes`.
pub async fn text(url: &str, max_bytes: u64) -> Result<String, FetchError> {
    let window = leptos::prelude::window();
    let controller = AbortController::new().map_err(|_| FetchError::Unreachable)?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = controller.clone();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = timed_out.clone();
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
    let result = download(&window, url, &init, max_bytes).await;
    window.clear_timeout_with_handle(timer);
    match result {
        Err(FetchError::Unreachable) if timed_out.get() => Err(FetchError::TimedOut),
        other => other,
    }
}

async fn download(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
    max_bytes: u64,
) -> Result<String, FetchError> {
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(|_| FetchError::Unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let length = response.headers().get("content-length").ok().flatten();
    if let Some(len) = length.and_then(|l| l.trim().parse::<u64>().ok()) {
        if len > max_bytes {
            return Err(FetchError::TooLarge(len));
        }
    }
    let body: Promise = response.text().map_err(|_| FetchError::Unreachable)?;
    let text = JsFuture::from(body)
        .await
        .map_err(|_| FetchError::Unreachable)?
        .as_string()
        .unwrap_or_default();
    Ok(text)
}
