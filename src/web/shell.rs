//! Replaces the static shell in `index.html` with the running app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `app` into `#app`, dropping what was painted before the wasm
/// arrived (the skeleton, or the catalogue's prerendered first screen, see
/// `prerender.rs`). Falls back to `<body>` if the shell was edited away.
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
            // A student may have scrolled the prerendered rows; emptying the
            // shell would drop the page to the top. The app renders the same
            // rows at once, so the same place is there to return to.
            let scrolled = window().scroll_y().unwrap_or(0.0);
            root.set_inner_html("");
            leptos::mount::mount_to(root, app).forget();
            if scrolled > 0.0 {
                window().scroll_to_with_x_and_y(0.0, scrolled);
            }
        }
        None => leptos::mount::mount_to_body(app),
    }
}
