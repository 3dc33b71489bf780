//! Downloads a catalogue page as text, with a deadline and within the
//! job's byte bounds: the body is read as a stream, every chunk counted in
//! the job's `Budget` (shared by the pages downloading at once), and the
//! download stops the moment a bound is passed, so a page sent in chunks
//! without `Content-Length` is never buffered whole before it is judged.
//! A source that hangs is aborted at the deadline, never waited on forever.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use shelf_core::sources::{page_text_from_bytes, Budget, OverLimit};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// How long one page may take, headers to last byte.
const DEADLINE_MS: i32 = 20_000;

/// Why a download gave no text; the app words it for the student.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// No network, DNS, CORS refusal, CSP: the browser does not say which.
    Unreachable,
    TimedOut,
    Status(u16),
    /// A bound passed (announced by `Content-Length`, or while streaming):
    /// the download was stopped.
    OverLimit(OverLimit),
}

/// The body of `url` as text (UTF-8, as `Response.text()` decodes it),
/// counted in `budget` under `name`.
pub async fn text(url: &str, name: &str, budget: &RefCell<Budget>) -> Result<String, FetchError> {
    let window = leptos::prelude::window();
    let controller = AbortController::new().map_err(|_| FetchError::Unreachable)?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = controller.clone();
    let timed_out = Rc::new(Cell::new(false));
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
    let result = download(&window, url, name, &init, budget).await;
    window.clear_timeout_with_handle(timer);
    if result.is_err() {
        // Ends the connection of a refused download too (not only a late one).
        controller.abort();
    }
    match result {
        Err(FetchError::Unreachable) if timed_out.get() => Err(FetchError::TimedOut),
        other => other,
    }
}

async fn download(
    window: &web_sys::Window,
    url: &str,
    name: &str,
    init: &RequestInit,
    budget: &RefCell<Budget>,
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
        budget
            .borrow()
            .announce(name, len)
            .map_err(FetchError::OverLimit)?;
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Unreachable)?;
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
        let taken = budget
            .borrow_mut()
            .take(name, (bytes.len() + len) as u64, len as u64);
        if let Err(over) = taken {
            let _ = reader.cancel();
            return Err(FetchError::OverLimit(over));
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(page_text_from_bytes(bytes))
}
