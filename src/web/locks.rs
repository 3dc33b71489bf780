//! The Web Locks API (`navigator.locks`): one tab at a time runs a
//! read-merge-write of the study state ([`with_lock`]) or of the catalogue
//! sources record ([`holding`], which holds the lock across awaits). web-sys exposes `LockManager` only
//! under `--cfg=web_sys_unstable_apis`, so these few bindings stand in.
//! Where the API is missing (old browsers, some embedded views) or refuses
//! (opaque origins), the work runs at once, as before locks existed.
//! [`holding`] waits a limited time: a holder whose wasm trapped (its
//! release never runs) or whose storage hangs must not stop every other
//! tab for good.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type LockManager;

    /// The promise `request` returns.
    type Pending;

    #[wasm_bindgen(method, catch)]
    fn request(this: &LockManager, name: &str, callback: &JsValue) -> Result<Pending, JsValue>;

    /// `request(name, { signal }, callback)`.
    #[wasm_bindgen(method, catch, js_name = request)]
    fn request_with_options(
        this: &LockManager,
        name: &str,
        options: &JsValue,
        callback: &JsValue,
    ) -> Result<Pending, JsValue>;

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

/// The lock was not granted within the wait [`holding`] was given: another
/// tab holds it and does not let go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedOut;

/// Runs the asynchronous `work` while holding the exclusive lock `name`
/// across this origin's tabs: it starts once no other tab holds the lock,
/// and the lock is released when it ends. If the lock is not granted
/// within `wait_ms`, the request is withdrawn and `work` never runs. Where
/// locks are missing or the request is refused, `work` runs at once (as
/// before locks existed).
pub async fn holding<T>(
    name: &str,
    wait_ms: i32,
    work: impl std::future::Future<Output = T>,
) -> Result<T, TimedOut> {
    let Some(locks) = lock_manager() else {
        return Ok(work.await);
    };
    // Resolved with `true` when the lock is granted, `false` when the
    // request is refused or withdrawn; the lock is held until `released`
    // resolves.
    let mut grant: Option<js_sys::Function> = None;
    let granted = js_sys::Promise::new(&mut |resolve, _| grant = Some(resolve));
    let mut release: Option<js_sys::Function> = None;
    let released = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let (Some(grant), release) = (grant, Release(release)) else {
        return Ok(work.await);
    };
    // Without a timer (it could not be set), the request waits unbounded.
    let deadline = Deadline::start(wait_ms);
    let options = js_sys::Object::new();
    if let Some(deadline) = &deadline {
        let _ = js_sys::Reflect::set(&options, &"signal".into(), &deadline.signal());
    }
    let on_grant = grant.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = on_grant.call1(&JsValue::NULL, &JsValue::TRUE);
        released.into()
    });
    match locks.request_with_options(name, &options, &callback) {
        Ok(pending) => drop(pending.catch(&Closure::once_into_js(move |_: JsValue| {
            let _ = grant.call1(&JsValue::NULL, &JsValue::FALSE);
        }))),
        Err(_) => return Ok(work.await),
    }
    let got = wasm_bindgen_futures::JsFuture::from(granted).await;
    // Once granted, a late abort would change nothing; stop the timer.
    let timed_out = deadline.is_some_and(Deadline::stop);
    if got.is_ok_and(|g| g.is_falsy()) && timed_out {
        return Err(TimedOut);
    }
    let out = work.await;
    drop(release);
    Ok(out)
}

/// A timer that aborts a signal after some time, on the page's own
/// `setTimeout` (so a test's fake clock drives it).
struct Deadline {
    controller: web_sys::AbortController,
    timer: i32,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Deadline {
    fn start(ms: i32) -> Option<Deadline> {
        let controller = web_sys::AbortController::new().ok()?;
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let (flag, abort) = (fired.clone(), controller.clone());
        let on_deadline = Closure::once_into_js(move || {
            flag.set(true);
            abort.abort();
        });
        let timer = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_deadline.unchecked_ref(), ms)
            .ok()?;
        Some(Deadline {
            controller,
            timer,
            fired,
        })
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    /// Clears the timer; true if it had already fired.
    fn stop(self) -> bool {
        leptos::prelude::window().clear_timeout_with_handle(self.timer);
        self.fired.get()
    }
}
