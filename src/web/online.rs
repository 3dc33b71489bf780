//! Whether the browser believes it is online: only a hint (it can be
//! online with no route to the source), used to skip pointless refreshes.

pub fn is_online() -> bool {
    leptos::prelude::window().navigator().on_line()
}

/// Calls `on_online` whenever the browser goes back online.
pub fn on_online(on_online: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let listener = Closure::<dyn Fn()>::new(on_online);
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback("online", listener.as_ref().unchecked_ref());
    // Lives as long as the page.
    listener.forget();
}
