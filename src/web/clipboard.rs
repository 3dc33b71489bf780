//! Copying text to the clipboard. The caller always shows the text too:
//! clipboard access can be refused (permissions, insecure origins).

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let navigator = leptos::prelude::window().navigator();
    // `navigator.clipboard` is undefined outside secure contexts.
    let has_clipboard = js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false)
        && !js_sys::Reflect::get(&navigator, &"clipboard".into())
            .map(|v| v.is_undefined())
            .unwrap_or(true);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}
