//! The Web Locks API (`navigator.locks`): one tab at a time runs a
//! read-merge-write of the study state. web-sys exposes `LockManager` only
//! under `--cfg=web_sys_unstable_apis`, so these few bindings stand in.
//! Where the API is missing (old browsers, some embedded views) or refuses
//! (opaque origins), the work runs at once, as before locks existed.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type LockManager;

    /// The promise `request` returns.
    type Pending;

    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, callback: &JsValue) -> Result<Pending, JsValue>;

    #[wasm_bindgen(method, js_name = catch)]
    fn catch(this: &Pending, on_rejected: &JsValue) -> Pending;
}

/// The page's lock manager, if the browser has one.
fn lock_manager() -> Option<LockManager> {
    let navigator = leptos::prelude::window().navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Runs `work` while holding the exclusive lock `name` across this
/// origin's tabs: now if nothing holds it, else once it is released.
/// `work` is synchronous, so the lock is released as soon as it returns.
pub fn with_lock(name: &str, work: impl FnOnce() + 'static) {
    let Some(locks) = lock_manager() else {
        return work();
    };
    // The callback may run later, or (if `request` throws) never: share the
    // work between it and the fallback so it runs exactly once.
    let work = std::rc::Rc::new(std::cell::Cell::new(Some(
        Box::new(work) as Box<dyn FnOnce()>
    )));
    let in_lock = work.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        if let Some(work) = in_lock.take() {
            work();
        }
        JsValue::UNDEFINED
    });
    match locks.request(name, &callback) {
        // A rejection would only repeat a panic already reported.
        Ok(pending) => drop(pending.catch(&Closure::once_into_js(|_: JsValue| {}))),
        Err(_) => {
            if let Some(work) = work.take() {
                work();
            }
        }
    }
}
