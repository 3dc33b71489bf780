//! `wasm-split IN.wasm OUT_DIR LINK_JS MAIN_JS`: splits the app's wasm,
//! linked with `--emit-relocs`, at its `#[wasm_split]` points
//! (`src/ui/lazy_page.rs`) into `OUT_DIR/main.wasm` (for wasm-bindgen), one
//! module per split point and per code they share, and the loader `LINK_JS`,
//! which the main module imports and which imports `initSync` from `MAIN_JS`.
//! `scripts/bin/wasm-bindgen` runs it; this is only the library's front end.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, link_js, main_js] = args.as_slice() else {
        eprintln!("usage: wasm-split IN.wasm OUT_DIR LINK_JS MAIN_JS");
        return ExitCode::from(2);
    };
    let wasm = match std::fs::read(input) {
        Ok(wasm) => wasm,
        Err(e) => {
            eprintln!("wasm-split: cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out_dir = PathBuf::from(out_dir);
    let main_out = out_dir.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = &out_dir;
    opts.main_out_path = &main_out;
    opts.link_name = link_js;
    opts.main_module = main_js;
    match wasm_split_cli_support::transform(opts) {
        Ok(split) => {
            let mut points: Vec<_> = split.prefetch_map.into_iter().collect();
            points.sort();
            for (point, files) in points {
                println!("wasm-split: {point} loads {}", files.join(", "));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wasm-split: {e:?}");
            ExitCode::FAILURE
        }
    }
}
