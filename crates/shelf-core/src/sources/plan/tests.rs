//! The loader's plan and bounds, natively: what a job downloads, what it
//! changes, when its result is refused.

use super::*;
use crate::sources::tests::{catalogue, video};
use crate::sources::{
    Budget, ParseDeadline, DEFAULT_INDEX_URL, MAX_INDEX_PAGES, MAX_PAGE_BYTES, MAX_PARSE_MS,
    MAX_RECORD_BYTES, MAX_TOTAL_BYTES,
};

const SEED: &str = include_str!("../../../../../catalogue/catalogue.json");

fn url(s: &str) -> SourceUrl {
    SourceUrl::parse(s).unwrap()
}

fn raw(path: &str) -> SourceUrl {
    url(&format!(
        "https://raw.githubusercontent.com/sumsjp/YTLee/master/{path}"
    ))
}

/// A record whose merged catalogue holds `numbers`.
fn holding(numbers: &[u32]) -> CatalogueRecord {
    let mut record = CatalogueRecord::new(SEED);
    record.set_catalogue_json(SEED, catalogue(numbers).to_json());
    record
}

fn page_of(source: &Source, path: &str, text: &str) -> StoredPage {
    StoredPage::fetched(source, &raw(path), text.into(), 1)
}

fn accept(change: Change, stored: CatalogueRecord, next: &[u32]) -> Result<Accepted, Refusal> {
    let next = catalogue(next);
    change.apply_to(stored).accept(&next, next.to_json(), SEED)
}

fn names(record: &CatalogueRecord) -> Vec<&str> {
    record.pages().iter().map(|p| p.name.as_str()).collect()
}

// --- what is downloaded ---

#[test]
fn an_index_gives_its_pages_or_a_reason() {
    let readme = url(DEFAULT_INDEX_URL);
    assert_eq!(
        index_pages(&readme, "[one](docs/01-index.md) [two](docs/02-index.md)"),
        Ok(vec![raw("docs/01-index.md"), raw("docs/02-index.md")])
    );
    assert_eq!(
        index_pages(&readme, "# nothing linked"),
        Err(IndexTrouble::NoPages)
    );
    let at_bound: String = (1..=MAX_INDEX_PAGES)
        .map(|n| format!("[p](docs/{n:02}-index.md)\n"))
        .collect();
    assert_eq!(
        index_pages(&readme, &at_bound).map(|p| p.len()),
        Ok(MAX_INDEX_PAGES)
    );
    // One more is refused whole, never cut short.
    let over = format!("{at_bound}[p](docs/999-index.md)\n");
    let Err(IndexTrouble::TooMany(refused)) = index_pages(&readme, &over) else {
        panic!("an index over the bound was not refused");
    };
    assert_eq!(refused.limit, Limit::IndexPages);
    assert_eq!(refused.found, MAX_INDEX_PAGES as u64 + 1);
    assert_eq!(
        refused.to_string(),
        format!(
            "README.md:0: the index links more than {MAX_INDEX_PAGES} catalogue pages, the limit"
        )
    );
}

#[test]
fn a_pasted_url_is_read_from_its_one_download() {
    let page = url("https://example.com/p.md");
    assert_eq!(
        read_pasted(
            page.clone(),
            "<details><summary>1. x</summary></details> [a](docs/01-index.md)"
        ),
        Ok(Pasted::Page(Source::Page(page.clone())))
    );
    // An index: its pages come from the text already downloaded.
    let index = url("https://example.com/README.md");
    assert_eq!(
        read_pasted(index.clone(), "[a](docs/01-index.md)"),
        Ok(Pasted::Index(
            Source::Index(index),
            vec![url("https://example.com/docs/01-index.md")]
        ))
    );
}

#[test]
fn a_refresh_downloads_every_url_source_and_no_file() {
    let mut record = CatalogueRecord::new(SEED);
    let page = Source::Page(url("https://example.com/p.md"));
    record.add_source(page.clone());
    record.put_file("mine.md", "x".into(), 1);
    assert_eq!(refresh_sources(&record), [Source::default_index(), page]);
}

// --- what is applied ---

#[test]
fn a_source_added_keeps_what_another_tab_added_meanwhile() {
    // This tab downloaded page Y while another tab stored page X: the
    // change is applied to the record as stored now, so both are kept.
    let x = Source::Page(url("https://example.com/x.md"));
    let y = Source::Page(url("https://example.com/y.md"));
    let mut stored = holding(&[1, 2]);
    stored.add_source(x.clone());
    stored.replace_pages_of(&x, vec![page_of(&x, "x.md", "X")]);
    let accepted = accept(
        Change::Add {
            source: y.clone(),
            pages: vec![page_of(&y, "y.md", "Y")],
        },
        stored,
        &[1, 2, 3],
    )
    .unwrap();
    assert_eq!(accepted.record.sources(), [Source::default_index(), x, y]);
    assert_eq!(names(&accepted.record), ["x.md", "y.md"]);
    assert_eq!((accepted.before, accepted.after), (2, 3));
    assert!(!accepted.unchanged);
}

#[test]
fn growing_never_loses_a_lecture_and_removing_may() {
    let x = Source::Page(url("https://example.com/x.md"));
    let add = || Change::Add {
        source: x.clone(),
        pages: vec![],
    };
    assert_eq!(
        accept(add(), holding(&[1, 2, 3]), &[1, 3]),
        Err(Refusal::WouldLose(vec![video(2).id]))
    );
    let files = Change::Files {
        files: vec![("f.md".into(), "F".into())],
        at_ms: 5,
    };
    assert!(matches!(
        accept(files, holding(&[1]), &[]),
        Err(Refusal::WouldLose(_))
    ));
    let mut stored = holding(&[1, 2]);
    stored.add_source(x.clone());
    let removed = accept(Change::Remove(x.clone()), stored, &[1]).unwrap();
    assert_eq!(removed.record.sources(), [Source::default_index()]);
    assert_eq!((removed.before, removed.after), (2, 1));
    assert!(accept(Change::Rebuild, holding(&[1, 2]), &[1]).is_ok());
    // Not losing anything is "unchanged" when the result is the same.
    assert!(accept(add(), holding(&[4]), &[4]).unwrap().unchanged);
}

#[test]
fn a_refresh_replaces_the_downloaded_sources_pages_only() {
    let index = Source::default_index();
    let other = Source::Page(url("https://example.com/other.md"));
    let gone = Source::Page(url("https://example.com/gone.md"));
    let mut stored = holding(&[1]);
    stored.add_source(other.clone());
    stored.replace_pages_of(&index, vec![page_of(&index, "docs/07-index.md", "old")]);
    stored.replace_pages_of(&other, vec![page_of(&other, "other.md", "kept")]);
    stored.put_file("mine.md", "file".into(), 1);
    let refresh = Change::Refresh {
        add: None,
        // `other` was added by another tab after this refresh started.
        downloaded: vec![index.clone(), gone.clone()],
        pages: vec![
            page_of(&index, "docs/08-index.md", "new"),
            page_of(&gone, "gone.md", "removed meanwhile"),
        ],
        at_ms: 10,
    };
    let accepted = accept(refresh, stored.clone(), &[1, 2]).unwrap();
    assert_eq!(
        names(&accepted.record),
        ["other.md", "mine.md", "docs/08-index.md"]
    );
    assert_eq!(accepted.record.last_refresh_ms(), Some(10));
    // Fewer lectures than held: refused, and the stored record is untouched.
    let refresh = Change::Refresh {
        add: None,
        downloaded: vec![index.clone()],
        pages: vec![],
        at_ms: 11,
    };
    assert_eq!(
        accept(refresh, stored, &[]),
        Err(Refusal::WouldLose(vec![video(1).id]))
    );
}

#[test]
fn load_the_full_catalogue_adds_the_default_index_first() {
    let mut stored = holding(&[1]);
    stored.remove_source(&Source::default_index());
    let index = Source::default_index();
    let accepted = accept(
        Change::Refresh {
            add: Some(index.clone()),
            downloaded: vec![index.clone()],
            pages: vec![page_of(&index, "docs/01-index.md", "one")],
            at_ms: 3,
        },
        stored,
        &[1, 2],
    )
    .unwrap();
    assert_eq!(accepted.record.sources(), [index]);
    assert_eq!(names(&accepted.record), ["docs/01-index.md"]);
}

#[test]
fn the_workers_json_is_stored_as_it_came() {
    let next = catalogue(&[1, 2]);
    // Not what `to_json` writes: kept, not decoded and encoded again.
    let spaced = next.to_json().replace("\n", "\n ");
    let accepted = Change::Rebuild
        .apply_to(holding(&[1]))
        .accept(&next, spaced.clone(), SEED)
        .unwrap();
    assert_eq!(accepted.record.catalogue_json(), spaced);
    assert_eq!(accepted.json, accepted.record.to_json());
    assert_eq!(
        CatalogueRecord::from_json(&accepted.json).unwrap(),
        accepted.record
    );
}

#[test]
fn a_record_over_its_bound_is_refused() {
    let x = Source::Page(url("https://example.com/x.md"));
    let huge = "a".repeat(MAX_RECORD_BYTES);
    let refused = accept(
        Change::Add {
            source: x.clone(),
            pages: vec![page_of(&x, "x.md", &huge)],
        },
        holding(&[1]),
        &[1],
    )
    .unwrap_err();
    let Refusal::OverLimit(over) = refused else {
        panic!("not refused for its size");
    };
    assert_eq!(over.limit, Limit::RecordBytes);
    assert!(over.found > MAX_RECORD_BYTES as u64);
}

#[test]
fn settings_change_only_themselves() {
    let mut record = holding(&[1]);
    let before = record.clone();
    Setting::AutoRefresh(true).apply(&mut record);
    Setting::RefreshAttempted { at_ms: 7 }.apply(&mut record);
    assert!(record.auto_refresh());
    assert_eq!(record.last_refresh_ms(), Some(7));
    assert_eq!(record.sources(), before.sources());
    assert_eq!(record.catalogue_json(), before.catalogue_json());
}

// --- bounds ---

#[test]
fn a_budget_refuses_announced_and_streamed_bytes_over_a_bound() {
    let page = MAX_PAGE_BYTES as u64;
    let mut budget = Budget::new();
    assert_eq!(budget.announce("a.md", page), Ok(()));
    assert_eq!(
        budget.announce("a.md", page + 1).unwrap_err().limit,
        Limit::PageBytes
    );
    // A stream with no length announced: refused once its running total
    // passes the page bound.
    assert_eq!(budget.take("a.md", page, page), Ok(()));
    let over = budget.take("a.md", page + 1, 1).unwrap_err();
    assert_eq!((over.limit, over.found), (Limit::PageBytes, page + 1));
    // Pages downloading at once share the job's total.
    let mut budget = Budget::new();
    let mut refused = None;
    for n in 0.. {
        if let Err(over) = budget.take(&format!("{n}.md"), page, page) {
            refused = Some((n, over));
            break;
        }
    }
    let (n, over) = refused.unwrap();
    assert_eq!(over.limit, Limit::TotalBytes);
    assert_eq!(n as u64, MAX_TOTAL_BYTES / page);
    assert_eq!(
        over.to_string(),
        format!("{n}.md:0: the pages come to more than 16 MB, the limit for one load")
    );
    // An announced page that would pass the total is refused up front.
    let mut budget = Budget::new();
    for n in 0..MAX_TOTAL_BYTES / page {
        budget.take(&format!("{n}.md"), page, page).unwrap();
    }
    assert_eq!(budget.taken(), MAX_TOTAL_BYTES);
    assert_eq!(
        budget.announce("b.md", 1).unwrap_err().limit,
        Limit::TotalBytes
    );
}

#[test]
fn parse_time_is_measured_with_the_time_passed_in() {
    let deadline = ParseDeadline::starting_at(1_000.0);
    assert_eq!(
        deadline.check("p.md", 1_000.0 + MAX_PARSE_MS as f64),
        Ok(())
    );
    let over = deadline
        .check("p.md", 1_001.0 + MAX_PARSE_MS as f64)
        .unwrap_err();
    assert_eq!(over.limit, Limit::ParseTime);
    assert_eq!(
        over.to_string(),
        "p.md:0: parsing took over 20 s, the limit"
    );
    // A clock that went back is no time at all.
    assert_eq!(deadline.elapsed_ms(10.0), 0);
}
