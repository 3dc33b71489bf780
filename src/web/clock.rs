//! The browser's clocks: wall time for stamps and stored times, and the
//! page's monotonic clock for measuring how long something took.

/// Milliseconds since the epoch (`Date.now()`).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Minutes the local time zone is ahead of UTC (Taipei: 480), for local
/// calendar days.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Milliseconds since the page started (`performance.now()`), 0 where the
/// page has no performance timeline.
pub fn elapsed_ms() -> f64 {
    leptos::prelude::window()
        .performance()
        .map_or(0.0, |p| p.now())
}

/// Runs `work`, recording how long it took on the page's performance
/// timeline as the measure `name` (`performance.measure`), where benchmarks
/// read it without reaching into the app.
pub fn measured<R>(name: &str, work: impl FnOnce() -> R) -> R {
    let performance = leptos::prelude::window().performance();
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}
