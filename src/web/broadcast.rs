//! Tells this origin's other tabs that a new catalogue was stored, so they
//! show the same one (IndexedDB has no change events of its own).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::BroadcastChannel;

const CHANNEL: &str = "lecture-shelf/catalogue";

pub fn catalogue_stored() {
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str("stored"));
        channel.close();
    }
}

/// Calls `changed` whenever another tab stored a catalogue. A browser
/// without BroadcastChannel just never calls it: tabs then agree on reload.
pub fn on_catalogue_stored(changed: impl Fn() + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(changed);
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // Kept open for the page's lifetime.
    std::mem::forget(channel);
}
