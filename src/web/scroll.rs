//! A page's scroll position, kept in its history entry's state, so Back,
//! Forward and reload return to the same place.
//!
//! The browser's own restoration is turned off for these entries
//! (`history.scrollRestoration = "manual"`): it runs when the entry comes
//! back, before the app has rendered the rows, and lands short. The page
//! says when it is ready instead, and the position is applied then.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::ScrollRestoration;

/// The key in `history.state`; other keys are kept.
const KEY: &str = "shelfScrollY";
/// Quiet time after scrolling before the position is written: browsers
/// throttle history writes, so not one per scroll event.
const SAVE_AFTER_MS: u64 = 150;
/// How long to wait for the page to be ready before scrolling anyway
/// (frames, about two seconds).
const MAX_FRAMES: u32 = 120;

thread_local! {
    /// Pages keeping their scroll right now (a catalogue swap can overlap
    /// one page's cleanup with the next one's start).
    static KEEPERS: Cell<u32> = const { Cell::new(0) };
}

/// Keeps the scroll position of the calling page in its history entries
/// while the page lives: applies the saved one once `ready()` (the page's
/// rows are rendered and it is tall enough), on mount and after Back or
/// Forward between its own entries, and saves it as the student scrolls and
/// just before a click or Enter can leave the page.
pub fn keep_scroll(ready: impl Fn() -> bool + 'static) {
    let Some(entry) = history() else {
        return;
    };
    let _ = entry.set_scroll_restoration(ScrollRestoration::Manual);
    KEEPERS.with(|k| k.set(k.get() + 1));
    // Atomics and a mutex only because cleanups must be `Send`; all of it
    // runs on the one thread.
    let alive = Arc::new(AtomicBool::new(true));
    // While a restore waits, scrolling (the page growing, the browser
    // clamping) says nothing about where the student is.
    let restoring = Arc::new(AtomicBool::new(false));
    let ready: Rc<dyn Fn() -> bool> = Rc::new(ready);
    let restore = {
        let (alive, restoring) = (alive.clone(), restoring.clone());
        move || {
            if let Some(y) = saved_y() {
                restoring.store(true, Ordering::Relaxed);
                apply_when_ready(
                    y,
                    ready.clone(),
                    alive.clone(),
                    restoring.clone(),
                    MAX_FRAMES,
                );
            }
        }
    };
    restore();

    let timer = Arc::new(Mutex::new(None::<TimeoutHandle>));
    let clear_timer = {
        let timer = timer.clone();
        move || {
            if let Some(handle) = timer.lock().ok().and_then(|mut t| t.take()) {
                handle.clear();
            }
        }
    };
    let on_scroll = {
        let (restoring, timer, clear_timer) =
            (restoring.clone(), timer.clone(), clear_timer.clone());
        window_event_listener(leptos::ev::scroll, move |_| {
            if restoring.load(Ordering::Relaxed) {
                return;
            }
            clear_timer();
            let handle =
                set_timeout_with_handle(save_now, std::time::Duration::from_millis(SAVE_AFTER_MS));
            if let Ok(mut slot) = timer.lock() {
                *slot = handle.ok();
            }
        })
    };
    // A click or Enter may navigate away before the quiet time is over:
    // both come before the router's click handling.
    let before_leaving = {
        let (restoring, clear_timer) = (restoring.clone(), clear_timer.clone());
        move || {
            if !restoring.load(Ordering::Relaxed) {
                clear_timer();
                save_now();
            }
        }
    };
    let on_pointer = {
        let before_leaving = before_leaving.clone();
        window_event_listener(leptos::ev::pointerdown, move |_| before_leaving())
    };
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Enter" {
            before_leaving();
        }
    });
    // Back or Forward between this page's own entries (searches): the page
    // stays, the rows change, and that entry's position applies.
    let on_popstate = window_event_listener(leptos::ev::popstate, move |_| restore());

    on_cleanup(move || {
        alive.store(false, Ordering::Relaxed);
        for handle in [on_scroll, on_pointer, on_key, on_popstate] {
            handle.remove();
        }
        // A pending save is dropped: by now the URL may be the next page's.
        // Clicks and Enter saved the position already.
        clear_timer();
        KEEPERS.with(|k| k.set(k.get().saturating_sub(1)));
        // The next page's entry may only exist after this cleanup; once it
        // does, give it the browser's own restoration back.
        request_animation_frame(|| {
            if KEEPERS.with(Cell::get) == 0 {
                if let Some(history) = history() {
                    let _ = history.set_scroll_restoration(ScrollRestoration::Auto);
                }
            }
        });
    });
}

/// Writes the current position into the current entry now: after the page
/// itself replaced the entry (which drops its state), so the entry still
/// knows where the student is.
pub fn save_now() {
    if KEEPERS.with(Cell::get) > 0 {
        save(window().scroll_y().unwrap_or(0.0));
    }
}

fn history() -> Option<web_sys::History> {
    window().history().ok()
}

fn saved_y() -> Option<f64> {
    let state = history()?.state().ok()?;
    if !state.is_object() {
        return None;
    }
    js_sys::Reflect::get(&state, &KEY.into())
        .ok()?
        .as_f64()
        .filter(|y| y.is_finite() && *y >= 0.0)
}

fn save(y: f64) {
    // Other keys (the row to focus after Back, `web/focus.rs`) stay.
    crate::web::focus::set_state(KEY, &JsValue::from_f64(y.round()));
}

/// Scrolls to `y` once the page is ready and tall enough, checking once a
/// frame; after `frames` frames it scrolls as far as it can.
fn apply_when_ready(
    y: f64,
    ready: Rc<dyn Fn() -> bool>,
    alive: Arc<AtomicBool>,
    restoring: Arc<AtomicBool>,
    frames: u32,
) {
    request_animation_frame(move || {
        if !alive.load(Ordering::Relaxed) {
            return;
        }
        let reachable = document()
            .document_element()
            .map(|root| f64::from(root.scroll_height()) - viewport_height())
            .is_some_and(|max| max + 1.0 >= y);
        if (ready() && reachable) || frames == 0 {
            window().scroll_to_with_x_and_y(0.0, y);
            restoring.store(false, Ordering::Relaxed);
        } else {
            apply_when_ready(y, ready, alive, restoring, frames - 1);
        }
    });
}

/// The viewport's height in CSS pixels (0 where unknown).
pub fn viewport_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Scrolls the page by `dy` pixels (down when positive).
pub fn scroll_by(dy: f64) {
    window().scroll_by_with_x_and_y(0.0, dy);
}
