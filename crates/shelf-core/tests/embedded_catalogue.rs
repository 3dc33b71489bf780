//! The committed `catalogue/catalogue.json` must be exactly what the importer
//! makes of `catalogue/*.md` and `catalogue/series.toml` today.

use std::path::Path;

use shelf_core::catalogue::Catalogue;
use shelf_core::import::{import, Page};
use shelf_core::series::SeriesRules;

fn catalogue_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalogue"))
}

fn pages() -> Vec<Page> {
    let mut paths: Vec<_> = std::fs::read_dir(catalogue_dir())
        .expect("catalogue/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Page {
            name: format!("catalogue/{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(p).unwrap(),
        })
        .collect()
}

fn rules() -> SeriesRules {
    let text = std::fs::read_to_string(catalogue_dir().join("series.toml")).unwrap();
    SeriesRules::from_toml("catalogue/series.toml", &text).expect("series rules are valid")
}

#[test]
fn committed_json_is_fresh() {
    let result = import(&pages(), &rules());
    assert!(result.problems.is_empty(), "{:#?}", result.problems);
    let committed = std::fs::read_to_string(catalogue_dir().join("catalogue.json")).unwrap();
    assert!(
        committed == result.catalogue.to_json(),
        "catalogue/catalogue.json is stale: run\n  cargo run --bin import-catalogue -- catalogue/*.md --out catalogue/catalogue.json"
    );
    assert_eq!(Catalogue::from_json(&committed).unwrap(), result.catalogue);
}

#[test]
fn seed_catalogue_has_the_98_videos_in_upload_order() {
    let catalogue = import(&pages(), &rules()).catalogue;
    let numbers: Vec<u32> = catalogue.videos.iter().map(|v| v.number).collect();
    assert_eq!(numbers, (351..=448).collect::<Vec<_>>());
    // The newer snapshot's dates survive merging with the older one.
    let superb = catalogue.videos.iter().find(|v| v.number == 371).unwrap();
    assert_eq!(
        superb.date.map(|d| d.to_string()).as_deref(),
        Some("2021-10-16")
    );
    assert_eq!(
        (superb.series.as_str(), superb.lang.code()),
        ("talks", "en")
    );
    // Every video has a year; undated ones outside a dated course are flagged.
    assert!(catalogue.videos.iter().all(|v| v.year.is_some()));
    let talk = catalogue.videos.iter().find(|v| v.number == 420).unwrap();
    assert_eq!((talk.year, talk.year_estimated), (Some(2024), true));
}

#[test]
fn series_are_ranked_in_lecture_order() {
    let catalogue = import(&pages(), &rules()).catalogue;
    let order = |series: &str| -> Vec<u32> {
        catalogue
            .series_videos(series)
            .iter()
            .map(|v| v.number)
            .collect()
    };
    // Lecture 33 was uploaded after lecture 34; students watch 33 first.
    let en = order("ml2021-en");
    let pos = |n: u32| en.iter().position(|&x| x == n).unwrap();
    assert!(pos(360) < pos(359), "{en:?}");
    assert!(pos(362) < pos(361), "{en:?}");
    assert_eq!(order("genai2024").first(), Some(&421));
    assert_eq!(order("ml2025"), vec![447, 448]);
}
