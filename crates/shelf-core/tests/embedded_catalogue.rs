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

#[test]
fn parts_are_read_with_their_topic() {
    use shelf_core::neighbours::{is_next_part, previous_part, PreviousPart};
    let catalogue = Catalogue::from_json(
        &std::fs::read_to_string(catalogue_dir().join("catalogue.json")).unwrap(),
    )
    .unwrap();
    let video = |n: u32| catalogue.videos.iter().find(|v| v.number == n).unwrap();
    let part = |n: u32| {
        let v = video(n);
        (v.lecture, v.part.map(|p| (p.n(), p.of())))
    };
    let prev = |n: u32| {
        previous_part(&catalogue, video(n)).map(|p| match p {
            PreviousPart::Loaded(v) => Ok(v.number),
            PreviousPart::Missing { n } => Err(n),
        })
    };
    // 第13講 (上) and 第14講 (下): one topic of two parts.
    assert_eq!(part(435), (Some(13), Some((1, Some(2)))));
    assert_eq!(part(436), (Some(14), Some((2, Some(2)))));
    assert_eq!(prev(436), Some(Ok(435)));
    assert!(is_next_part(video(435), video(436)));
    // 第3/4/5講 (上)(中)(下): three.
    assert_eq!(part(424), (Some(3), Some((1, Some(3)))));
    assert_eq!(part(425), (Some(4), Some((2, Some(3)))));
    assert_eq!(part(426), (Some(5), Some((3, Some(3)))));
    assert_eq!(prev(426), Some(Ok(425)));
    // 第17/18講 (上)(下), and the 2023 pairs without lecture numbers.
    assert_eq!(part(440), (Some(17), Some((1, Some(2)))));
    assert_eq!(part(441), (Some(18), Some((2, Some(2)))));
    for (upper, lower) in [(415, 416), (418, 419)] {
        assert_eq!(part(upper), (None, Some((1, Some(2)))), "{upper}");
        assert_eq!(part(lower), (None, Some((2, Some(2)))), "{lower}");
        assert_eq!(prev(lower), Some(Ok(upper)));
    }
    // RL (三): its (一)(二) are not on the embedded pages, and it says so.
    assert_eq!(part(353), (None, Some((3, None))));
    assert_eq!(prev(353), Some(Err(2)));
    assert_eq!(prev(354), Some(Ok(353)));
    // Lecture 29: RL (2/5) keeps its written total; Lecture 28 is not loaded.
    assert_eq!(part(352), (Some(29), Some((2, Some(5)))));
    assert_eq!(prev(352), Some(Err(1)));
    assert_eq!(prev(362), Some(Ok(352)));
}
