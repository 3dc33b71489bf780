//! Chooses the catalogue JSON the app embeds: `catalogue/catalogue.json`,
//! or the file named by `SHELF_CATALOGUE` (the browser tests build the app
//! around a hostile fixture catalogue this way).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=SHELF_CATALOGUE");
    let source = std::env::var_os("SHELF_CATALOGUE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("catalogue/catalogue.json"));
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("catalogue.json");
    if let Err(e) = std::fs::copy(&source, &out) {
        panic!("cannot embed catalogue {}: {e}", source.display());
    }
}
