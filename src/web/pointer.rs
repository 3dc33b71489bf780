//! Pointers (touch, pen) followed by hand: capture, and what lies under a
//! point of the viewport.

use wasm_bindgen::JsCast;

/// Captures `ev`'s pointer on the element handling it: its moves and its
/// lift come there wherever the finger goes.
pub fn capture(ev: &web_sys::PointerEvent) {
    if let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}

/// The attribute `name` of the nearest element matching `selector` at or
/// around the element under the viewport point (`x`, `y`).
pub fn closest_attribute_at(x: f32, y: f32, selector: &str, name: &str) -> Option<String> {
    leptos::prelude::document()
        .element_from_point(x, y)?
        .closest(selector)
        .ok()
        .flatten()?
        .get_attribute(name)
}
