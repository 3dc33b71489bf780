//! The Web Locks API (`navigator.locks`): one tab at a time runs a
//! read-merge-write of the study state ([`with_lock`]) or of the catalogue
//! sources record ([`holding`], which holds the lock across awaits). web-sys exposes `LockManager` only
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

/// Releases a lock held by [`holding`] when dropped, so the lock is given
/// back even if the work is abandoned midway.
struct Release(Option<js_sys::Function>);

impl Drop for Release {
    fn drop(&mut self) {
        if let Some(release) = self.0.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Runs the asynchronous `work` while holding the exclusive lock `name`
/// across this origin's tabs: it starts once no other tab holds the lock,
/// and the lock is released when it ends. Where locks are missing or the
/// request is refused, `work` runs at once (as before locks existed).
pub async fn holding<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    let Some(locks) = lock_manager() else {
        return work.await;
    };
    // Resolved with `true` when the lock is granted, `false` when the
    // request is refused; the lock is held until `released` resolves.
    let mut grant: Option<js_sys::Function> = None;
    let granted = js_sys::Promise::new(&mut |resolve, _| grant = Some(resolve));
    let mut release: Option<js_sys::Function> = None;
    let released = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let (Some(grant), release) = (grant, Release(release)) else {
        return work.await;
    };
    let on_grant = grant.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = on_grant.call1(&JsValue::NULL, &JsValue::TRUE);
        released.into()
    });
    match locks.request(name, &callback) {
        Ok(pending) => drop(pending.catch(&Closure::once_into_js(move |_: JsValue| {
            let _ = grant.call1(&JsValue::NULL, &JsValue::FALSE);
        }))),
        Err(_) => return work.await,
    }
    let _ = wasm_bindgen_futures::JsFuture::from(granted).await;
    let out = work.await;
    drop(release);
    out
}
