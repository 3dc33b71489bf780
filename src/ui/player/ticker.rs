//! A repeating timer for components: the countdown and the player's
//! position poll.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;

/// An interval whose handle lives outside the reactive graph. A stopped
/// ticker's callback never runs again, even if clearing the interval did
/// not take (a start counts as a new generation; old callbacks see it).
#[derive(Clone, Default)]
pub struct Ticker(Arc<TickerState>);

#[derive(Default)]
pub struct TickerState {
    handle: Mutex<Option<IntervalHandle>>,
    generation: AtomicU64,
}

impl Ticker {
    /// Runs `tick` every second, replacing any running one.
    pub fn start(&self, tick: impl Fn() + 'static) {
        self.start_every(1_000, tick);
    }

    pub fn start_every(&self, ms: u64, tick: impl Fn() + 'static) {
        self.stop();
        let mine = self.0.generation.load(Ordering::Relaxed);
        let state = self.0.clone();
        let handle = set_interval_with_handle(
            move || {
                if state.generation.load(Ordering::Relaxed) == mine {
                    tick();
                }
            },
            std::time::Duration::from_millis(ms),
        )
        .ok();
        if let Ok(mut slot) = self.0.handle.lock() {
            *slot = handle;
        }
    }

    pub fn running(&self) -> bool {
        self.0.handle.lock().is_ok_and(|slot| slot.is_some())
    }

    pub fn stop(&self) {
        self.0.generation.fetch_add(1, Ordering::Relaxed);
        if let Some(handle) = self.0.handle.lock().ok().and_then(|mut slot| slot.take()) {
            handle.clear();
        }
    }
}
