//! Random numbers from the browser (`Math.random`): enough to tell tabs
//! and generated ids apart, not for secrets.

/// A random number in `0..below` (0 when `below` is 0).
pub fn below(below: u64) -> u64 {
    (js_sys::Math::random() * below as f64) as u64
}
