//! Replaces the static shell in `index.html` with the running app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `app` into `#app`, dropping the skeleton that was painted before
/// the wasm arrived. Falls back to `<body>` if the shell was edited away.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app).forget();
        }
        None => leptos::mount::mount_to_body(app),
    }
}
