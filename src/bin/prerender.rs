//! Writes the catalogue page's first screen into a built `index.html`
//! (`lecture_shelf::prerender`); run by the post-build hook,
//! scripts/post-build.mjs, as `prerender <index.html>`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return ExitCode::from(2);
    };
    let written = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|html| lecture_shelf::prerender::prerendered_index(&html))
        .and_then(|html| std::fs::write(&path, html).map_err(|e| e.to_string()));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
