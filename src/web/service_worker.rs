//! Registers the service worker (offline use) and reports when a new build
//! is waiting, so the UI can offer a reload instead of switching under the
//! student's feet.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Set when an updated worker is installed and waiting.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<Option<ServiceWorkerRegistrationHandle>>);

/// The registration holding the waiting worker; a cheap handle for the prompt.
#[derive(Clone)]
pub struct ServiceWorkerRegistrationHandle(ServiceWorkerRegistration);

impl ServiceWorkerRegistrationHandle {
    /// Asks the waiting worker to take over; the page reloads when it has.
    pub fn apply(&self) {
        let Some(container) = container() else { return };
        let reload = Closure::<dyn FnMut()>::new(|| {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        if let Some(waiting) = self.0.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Absent on insecure origins and some embedded browsers.
    let present =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` (relative to the document base, so its scope follows the
/// public URL). Development builds skip it: a cache-first worker would serve
/// stale code between rebuilds.
pub fn register(ready: UpdateReady) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else {
            return;
        };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        // Only an update (a worker replacing one that controls this page) is news.
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            ready
                .0
                .set(Some(ServiceWorkerRegistrationHandle(registration.clone())));
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let reg = reg.clone();
            let has_controller = has_controller.clone();
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    ready
                        .0
                        .set(Some(ServiceWorkerRegistrationHandle(reg.clone())));
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}
