//! Writes the catalogue page's first screen into a built `index.html`
//! (`lecture_shelf::prerender`); run by the post-build hook,
//! scripts/post-build.mjs, as `prerender <index.html> <catalogue.json>`, the
//! second being the catalogue the site is built with (its data file). It
//! says what it did: a page without the app's `<main>` (a test's tiny page)
//! is left as it is.

use std::process::ExitCode;

use lecture_shelf::prerender::{main_start, prerendered_index};
use shelf_core::catalogue::Catalogue;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), Some(catalogue_path)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender <index.html> <catalogue.json>");
        return ExitCode::from(2);
    };
    let shown = path.to_string_lossy();
    let catalogue = match std::fs::read_to_string(&catalogue_path)
        .map_err(|e| e.to_string())
        .and_then(|json| Catalogue::from_json(&json))
    {
        Ok(catalogue) => catalogue,
        Err(e) => {
            eprintln!("prerender: {}: {e}", catalogue_path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let written = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|html| match prerendered_index(&html, &catalogue) {
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
