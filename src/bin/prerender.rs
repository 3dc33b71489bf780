//! Writes the catalogue page's first screen into a built `index.html`
//! (`lecture_shelf::prerender`); run by the post-build hook,
//! scripts/post-build.mjs, as `prerender <index.html>`. It says what it
//! did: a page without the app's `<main>` (a test's tiny page) is left as
//! it is.

use std::process::ExitCode;

use lecture_shelf::prerender::{main_start, prerendered_index};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        return ExitCode::from(2);
    };
    let shown = path.to_string_lossy();
    let written = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|html| prerendered_index(&html))
        .and_then(|html| match html {
            Some(html) => std::fs::write(&path, html)
                .map(|()| true)
                .map_err(|e| e.to_string()),
            None => Ok(false),
        });
    match written {
        Ok(true) => {
            println!("prerender: the catalogue's first screen is in {shown}");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!(
                "prerender: {shown} has no {}> to replace; left as it is",
                main_start()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {shown}: {e}");
            ExitCode::FAILURE
        }
    }
}
