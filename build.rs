//! The app's wasm keeps its relocations: `scripts/bin/wasm-bindgen` splits it
//! at its lazy pages (crates/wasm-split) before wasm-bindgen runs. Only the
//! app's binaries, only for wasm: tests and the worker link as before.

fn main() {
    // Without this, Cargo would rerun the script (and rebuild the app) on
    // any change in the package, the built dists included.
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
