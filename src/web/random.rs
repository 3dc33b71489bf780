//! Random numbers from the browser (`Math.random`): enough to tell tabs
//! and generated ids apart, not for secrets.

/// A random number in `0..below` (0 when `below` is 0).
pub fn below(below: u64) -> u64 {
    (js_sys::Math::random() * below as f64) as u64
}

/// `N` bytes from the browser's cryptographic generator
/// (`crypto.getRandomValues`): for OAuth `state` and sync device ids. Falls
/// back to `Math.random` only where there is no `crypto` (none of the
/// browsers the app supports).
pub fn secure_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = leptos::prelude::window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in &mut bytes {
            *b = below(256) as u8;
        }
    }
    bytes
}
