//! `site-build [--source INDEX_URL] --out DIR [--timeout SECS]`
//!
//! Downloads the catalogue's index and every page it links, builds the
//! merged catalogue exactly as the app's loader and catalogue worker would
//! from the same source (the core's URL rules, index links, bounds, page
//! checks and `catalogue_build::build` over the seed pages), and writes the
//! site directory `SHELF_SITE=DIR trunk build` reads:
//!
//! - `catalogue.json`: the merged catalogue, as `build` writes it;
//! - `pages.json`: `{"pages":[{"name","text"}…]}`, the seed pages then the
//!   downloaded ones under the names the build used (the loader's names);
//! - `source.txt`: the index URL, one line.
//!
//! All or nothing: any download failure, page problem or passed bound is
//! printed on stderr (`FILE:LINE: message`, or `URL: message` for the
//! network), nothing is written and the exit status is 1. Bad arguments
//! exit 2. On success DIR is replaced whole.

mod args;
mod download;
mod site;

use std::process::ExitCode;
use std::time::Instant;

use shelf_core::catalogue_build::{build, request_json, PageText};
use shelf_core::seed::{SEED_PAGES, SERIES_RULES};
use shelf_core::sources::{check_page_text, index_pages, IndexTrouble, SourceUrl};

use args::{ArgError, Args, TIMEOUT_ENV, USAGE};
use download::{Downloader, Trouble};

fn main() -> ExitCode {
    let env_timeout = std::env::var(TIMEOUT_ENV).ok();
    let args = match args::parse(std::env::args_os().skip(1), env_timeout.as_deref()) {
        Ok(args) => args,
        Err(ArgError::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(ArgError::Bad(message)) => {
            eprintln!("site-build: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(summary) => {
            eprintln!("site-build: {summary}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "site-build: {} problem(s); nothing written to {}",
                problems.len(),
                args.out.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Downloads, builds and writes; the problems that stopped it otherwise.
fn run(args: &Args) -> Result<String, Vec<String>> {
    let started = Instant::now();
    let downloader = Downloader::new(&args.source, args.timeout);
    let index_name = args.source.display_name();
    let index = downloader
        .text(&args.source, &index_name)
        .map_err(|t| vec![t.to_string()])?;
    let links = index_pages(&args.source, &index).map_err(|trouble| {
        vec![match trouble {
            // An HTML page or a binary file links nothing: say which.
            IndexTrouble::NoPages => match check_page_text(&index_name, &index) {
                Err(problem) => problem.to_string(),
                Ok(()) => {
                    format!("{index_name}:0: the index links no catalogue pages (docs/NN-index.md)")
                }
            },
            IndexTrouble::TooMany(over) => over.to_string(),
        }]
    })?;
    drop(index);
    let pages = download_pages(&downloader, &links)?;
    let downloaded = downloader.taken();
    let fetch_secs = started.elapsed().as_secs_f64();

    let pages_json = request_json(
        SEED_PAGES
            .iter()
            .copied()
            .chain(pages.iter().map(|p| (p.name.as_str(), p.text.as_str()))),
    );
    let page_count = pages.len();
    let clock = Instant::now();
    let now = || clock.elapsed().as_secs_f64() * 1000.0;
    let built = build(&SEED_PAGES, SERIES_RULES, pages, &now);
    let mut problems = built.reply.problems;
    problems.extend(built.reply.over_limit.map(|over| over.to_string()));
    let catalogue = match built.catalogue {
        Some(json) if problems.is_empty() => json,
        _ => return Err(problems),
    };
    let source = format!("{}\n", args.source);
    site::write_whole(
        &args.out,
        &[
            ("catalogue.json", catalogue.as_bytes()),
            ("pages.json", pages_json.as_bytes()),
            ("source.txt", source.as_bytes()),
        ],
    )
    .map_err(|e| vec![format!("{}: cannot write: {e}", args.out.display())])?;
    Ok(format!(
        "{} videos from {} pages of {} ({} kB downloaded in {:.1} s, built in {} ms) → {}",
        built.reply.videos,
        page_count,
        args.source,
        downloaded.div_ceil(1000),
        fetch_secs,
        built.reply.parse_ms,
        args.out.display()
    ))
}

/// Every linked page, downloaded at once (as the loader does), named as the
/// loader names them (`SourceUrl::display_name`), in the index's order; or
/// the trouble of every one that failed, a passed bound named once.
fn download_pages(
    downloader: &Downloader,
    links: &[SourceUrl],
) -> Result<Vec<PageText>, Vec<String>> {
    let results: Vec<Result<PageText, Trouble>> = std::thread::scope(|scope| {
        let handles: Vec<_> = links
            .iter()
            .map(|url| {
                scope.spawn(move || {
                    let name = url.display_name();
                    downloader
                        .text(url, &name)
                        .map(|text| PageText { name, text })
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(links)
            .map(|(handle, url)| {
                handle.join().unwrap_or_else(|_| {
                    Err(Trouble::Network {
                        url: url.to_string(),
                        message: "the download stopped unexpectedly".into(),
                    })
                })
            })
            .collect()
    });
    let mut pages = Vec::new();
    let mut troubles: Vec<Trouble> = Vec::new();
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(trouble) => {
                let repeated = matches!(&trouble, Trouble::OverLimit(o) if troubles.iter()
                    .any(|t| matches!(t, Trouble::OverLimit(p) if p.limit == o.limit)));
                if !repeated {
                    troubles.push(trouble);
                }
            }
        }
    }
    if troubles.is_empty() {
        Ok(pages)
    } else {
        Err(troubles.iter().map(ToString::to_string).collect())
    }
}
