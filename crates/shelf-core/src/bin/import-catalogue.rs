//! `import-catalogue PAGE.md... [--rules series.toml] [--out catalogue.json] [--pages-out pages.json]`
//!
//! Parses catalogue pages into the catalogue JSON a site is built with
//! (`catalogue/catalogue.json`, or a site directory's, see `scripts/post-build.mjs`). Prints one
//! summary line to stderr; any problem is printed as `FILE:LINE: message`,
//! nothing is written, and the exit status is 1.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use shelf_core::catalogue_build::request_json;
use shelf_core::import::{import, Page};
use shelf_core::series::SeriesRules;

const USAGE: &str = "usage: import-catalogue PAGE.md... [--rules FILE] [--out FILE]
  --rules FILE  series rules (default: catalogue/series.toml)
  --out FILE    write the JSON here instead of stdout
  --pages-out FILE
                also write the pages as a site's pages.json ({\"pages\":[{\"name\",\"text\"}]}),
                the pages the catalogue worker merges a student's loaded pages over";

struct Args {
    pages: Vec<PathBuf>,
    rules: PathBuf,
    out: Option<PathBuf>,
    pages_out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        pages: Vec::new(),
        rules: PathBuf::from("catalogue/series.toml"),
        out: None,
        pages_out: None,
    };
    let mut it = std::env::args_os().skip(1);
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--rules") => args.rules = it.next().ok_or("--rules needs a file")?.into(),
            Some("--out") => args.out = Some(it.next().ok_or("--out needs a file")?.into()),
            Some("--pages-out") => {
                args.pages_out = Some(it.next().ok_or("--pages-out needs a file")?.into())
            }
            Some("-h" | "--help") => return Err(String::new()),
            Some(flag) if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.pages.push(arg.into()),
        }
    }
    if args.pages.is_empty() {
        return Err("no pages given".into());
    }
    Ok(args)
}

fn read(path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn run() -> Result<bool, String> {
    let args = parse_args().map_err(|e| {
        if e.is_empty() {
            USAGE.to_string()
        } else {
            format!("{e}\n{USAGE}")
        }
    })?;
    let rules_name = args.rules.display().to_string();
    let rules = match SeriesRules::from_toml(&rules_name, &read(&args.rules)?) {
        Ok(rules) => rules,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("{p}"));
            return Err(format!("{} problem(s) in the series rules", problems.len()));
        }
    };
    let pages = args
        .pages
        .iter()
        .map(|p| {
            Ok(Page {
                name: p.display().to_string(),
                text: read(p)?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let result = import(&pages, &rules);
    let catalogue = &result.catalogue;

    let mut by_series: BTreeMap<&str, usize> = BTreeMap::new();
    for v in &catalogue.videos {
        *by_series.entry(&v.series).or_default() += 1;
    }
    let series_counts: Vec<String> = catalogue
        .series
        .iter()
        .map(|s| format!("{} {}", s.id, by_series.get(s.id.as_str()).unwrap_or(&0)))
        .collect();
    for p in &result.problems {
        eprintln!("{p}");
    }
    eprintln!(
        "import-catalogue: {} entries, {} with summary, {} series ({}), {} problems",
        catalogue.videos.len(),
        catalogue
            .videos
            .iter()
            .filter(|v| v.summary.is_some())
            .count(),
        catalogue.series.len(),
        series_counts.join(", "),
        result.problems.len()
    );
    if !result.problems.is_empty() {
        return Ok(false);
    }
    let json = catalogue.to_json();
    if let Some(out) = &args.pages_out {
        let pages = request_json(pages.iter().map(|p| (p.name.as_str(), p.text.as_str())));
        std::fs::write(out, pages).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    }
    match &args.out {
        Some(out) => std::fs::write(out, json)
            .map_err(|e| format!("{}: cannot write: {e}", out.display()))?,
        None => print!("{json}"),
    }
    Ok(true)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("import-catalogue: {message}");
            ExitCode::from(2)
        }
    }
}
