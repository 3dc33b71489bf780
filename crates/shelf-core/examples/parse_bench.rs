//! Importer cost per MB, natively: `cargo run --release -p shelf-core --example parse_bench`.
//!
//! Imports the seed pages concatenated k times (k = 1, 2, 4, 8, 16), then
//! one entry whose summary is a single long hostile line of growing
//! length. The copies merge into the same 98 videos, so the first table
//! measures page parsing and merging; the second, summary conversion.
//! Flat ms/MB down a column means linear work; the property tests in
//! `tests/hostile_inputs.rs` check bounds on the output, never time.

use std::time::Instant;

use shelf_core::import::{import, Page};
use shelf_core::seed::{SEED_PAGES, SERIES_RULES};
use shelf_core::series::SeriesRules;

const RUNS: usize = 5;

/// Median milliseconds to import `pages`.
fn time_ms(pages: &[Page], rules: &SeriesRules) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let result = import(pages, rules);
            std::hint::black_box(&result);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn row(label: &str, pages: &[Page], rules: &SeriesRules) {
    let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
    let ms = time_ms(pages, rules);
    let mb = bytes as f64 / 1e6;
    println!(
        "  {label:<24} {mb:>8.2} MB {ms:>10.1} ms {:>10.1} ms/MB",
        ms / mb
    );
}

fn main() {
    let rules =
        SeriesRules::from_toml(SERIES_RULES.0, SERIES_RULES.1).expect("series rules are valid");

    println!("seed pages, each concatenated k times:");
    for k in [1, 2, 4, 8, 16] {
        let pages: Vec<Page> = SEED_PAGES
            .iter()
            .enumerate()
            .map(|(i, (_, text))| Page {
                name: format!("seed-{i}.md"),
                text: text.repeat(k),
            })
            .collect();
        row(&format!("k = {k}"), &pages, &rules);
    }

    // Flat hostile lines only: deeply nested ones (`> > >`, `- - -`) are a
    // known stack-overflow bug, see the ignored tests.
    for unit in ["x", "[", "*a* ", "[a](javascript:x) ", "| a ", "`", "&amp;"] {
        println!("one summary line of {unit:?} repeated:");
        for chars in [10_000, 20_000, 40_000, 80_000, 160_000] {
            let line = unit.repeat(chars / unit.len());
            let text = format!(
                "<details>\n<summary>1. t</summary>\n<a href=\"https://youtu.be/AAAAAAAAAAA\">\n</a>\n{line}\n</details>\n"
            );
            let pages = [Page {
                name: "long.md".into(),
                text,
            }];
            row(&format!("{chars} chars"), &pages, &rules);
        }
    }
}
