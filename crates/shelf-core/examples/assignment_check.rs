//! An assignment text against a catalogue, natively:
//! `cargo run -p shelf-core --example assignment_check -- CATALOGUE.json TEXT.txt`
//!
//! Prints the playlist [`assignment_playlist`] makes of the text (with
//! series, lecture and title), a count per series, and the lines it could
//! not place. For checking the matcher on a full catalogue built locally
//! from the reference pages, which never enter the repository:
//!
//! ```text
//! cargo run --bin import-catalogue -- ../shared/catalogue/reference/*.md --out /tmp/full.json
//! cargo run -p shelf-core --example assignment_check -- /tmp/full.json assignment.txt
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use shelf_core::assignment::{assignment_playlist, lines};
use shelf_core::catalogue::Catalogue;

fn run(catalogue_path: &str, text_path: &str) -> Result<(), String> {
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let catalogue = Catalogue::from_json(&read(catalogue_path)?)?;
    let text = read(text_path)?;
    let assignment = assignment_playlist(&catalogue, &text);

    let title = |id: &str| catalogue.video(id).map_or("?", |v| v.title.as_str());
    let mut per_series: BTreeMap<&str, usize> = BTreeMap::new();
    println!("playlist: {} videos", assignment.videos.len());
    for (i, id) in assignment.videos.iter().enumerate() {
        let video = catalogue
            .video(id)
            .expect("playlist videos are in the catalogue");
        *per_series.entry(&video.series).or_default() += 1;
        let lecture = video.lecture.map_or("-".into(), |n| n.to_string());
        println!(
            "{:3}. {id} {:10} L{lecture:>2} {}",
            i + 1,
            video.series,
            video.title
        );
    }
    for (series, n) in &per_series {
        println!("  {series}: {n}");
    }
    let line_text: BTreeMap<usize, &str> = lines(&text).collect();
    println!("unmatched: {}", assignment.unmatched.len());
    for (n, line) in &assignment.unmatched {
        println!("  line {n}: {}", line.trim());
    }
    println!("ambiguous: {}", assignment.ambiguous.len());
    for (n, candidates) in &assignment.ambiguous {
        println!("  line {n}: {}", line_text.get(n).map_or("", |l| l.trim()));
        for id in candidates {
            println!("      {id} {}", title(id));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [catalogue, text] = args.as_slice() else {
        eprintln!("usage: assignment_check CATALOGUE.json TEXT.txt");
        return ExitCode::from(2);
    };
    match run(catalogue, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("assignment_check: {e}");
            ExitCode::FAILURE
        }
    }
}
