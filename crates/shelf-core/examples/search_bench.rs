//! Search compute time (the search and the first page's highlights),
//! natively: `cargo run --release -p shelf-core --example search_bench`.
//!
//! Prints median and p95 per query over the embedded catalogue and over a
//! synthetic 10,000-entry one made from it. With `--write-synthetic FILE` it
//! also writes that catalogue's JSON, for the browser benchmark.

use std::time::Instant;

use shelf_core::catalogue::Catalogue;
use shelf_core::catalogue_view::PAGE;
use shelf_core::search::{search, Query, SearchIndex};
use shelf_core::watch::WatchState;

const QUERIES: [&str; 12] = [
    "",
    "attension",
    "transfomer",
    "李宏毅",
    "genai 2204",
    "机器学习",
    "gan",
    "transformer",
    "diffusion 模型",
    "强化学习",
    "模型",
    "zzqx",
];
const RUNS: usize = 200;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn bench(name: &str, catalogue: &Catalogue) {
    let start = Instant::now();
    let index = SearchIndex::new(catalogue);
    println!(
        "{name}: {} videos, index built in {:.1} ms",
        catalogue.videos.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "  {:<16} {:>8} {:>10} {:>10}",
        "query", "hits", "median ms", "p95 ms"
    );
    for text in QUERIES {
        let query = Query {
            text: text.to_string(),
            ..Query::default()
        };
        let mut times = Vec::with_capacity(RUNS);
        let mut hits = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let results = search(&index, catalogue, &query, &|_| WatchState::Unwatched);
            // The list works out highlights for the rows it shows: a page.
            for hit in results.hits.iter().take(PAGE) {
                std::hint::black_box(results.marks(&index, catalogue, hit.video));
            }
            times.push(start.elapsed().as_secs_f64() * 1e3);
            hits = results.total;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "  {:<16} {:>8} {:>10.3} {:>10.3}",
            format!("{text:?}"),
            hits,
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
}

fn main() {
    let embedded = Catalogue::from_json(include_str!("../../../catalogue/catalogue.json"))
        .expect("embedded catalogue");
    let large = embedded.repeated_to(10_000);
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path] = args.as_slice() {
        if flag == "--write-synthetic" {
            std::fs::write(path, large.to_json()).expect("write synthetic catalogue");
            println!("wrote {path}");
            return;
        }
    }
    bench("embedded catalogue", &embedded);
    // The full site catalogue's size (the repository embeds a sample).
    bench("448 entries", &embedded.repeated_to(448));
    bench("synthetic catalogue", &large);
}
