use super::*;
use crate::catalogue::{Lang, Video, CATALOGUE_FORMAT};

const SEED: &str = include_str!("../../../../catalogue/catalogue.json");
const PAGE: &str = include_str!("../../../../catalogue/page-401-448.md");

fn url(s: &str) -> SourceUrl {
    SourceUrl::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn strs(urls: &[SourceUrl]) -> Vec<&str> {
    urls.iter().map(SourceUrl::as_str).collect()
}

fn readme() -> SourceUrl {
    url(DEFAULT_INDEX_URL)
}

fn raw(path: &str) -> String {
    format!("https://raw.githubusercontent.com/sumsjp/YTLee/master/{path}")
}

/// A catalogue video numbered `number` (also for the plan's tests).
pub(super) fn video(number: u32) -> Video {
    Video {
        number,
        id: VideoId::parse(&format!("v{number:010}")).unwrap(),
        title: format!("video {number}"),
        date: None,
        year: None,
        year_estimated: false,
        series: "other".into(),
        lecture: None,
        part: None,
        order: number,
        lang: Lang::Zh,
        summary: None,
    }
}

/// A catalogue of the videos numbered `numbers` (also for the plan's tests).
pub(super) fn catalogue(numbers: &[u32]) -> Catalogue {
    Catalogue {
        format: CATALOGUE_FORMAT,
        series: Vec::new(),
        videos: numbers.iter().copied().map(video).collect(),
    }
}

// --- SourceUrl ---

#[test]
fn urls_are_trimmed_and_normalised() {
    assert_eq!(
        url("  HTTPS://Raw.GitHubUserContent.com/sumsjp/YTLee/master/README.md \n").as_str(),
        DEFAULT_INDEX_URL
    );
    assert_eq!(url("http://example.com").as_str(), "http://example.com/");
    assert_eq!(
        url("https://example.com:443/a/./b/../c.md#top").as_str(),
        "https://example.com/a/c.md"
    );
    assert_eq!(
        url("http://127.0.0.1:8123/page.md?x=1").as_str(),
        "http://127.0.0.1:8123/page.md?x=1"
    );
    assert_eq!(
        url("http://[::1]:8080/p.md").as_str(),
        "http://[::1]:8080/p.md"
    );
    assert_eq!(
        url("https://example.com/a/%2e%2E/b.md").as_str(),
        "https://example.com/b.md"
    );
    assert_eq!(
        url("https://example.com/../../x.md").as_str(),
        "https://example.com/x.md"
    );
    // Non-ASCII paths stay as typed; the browser encodes them.
    assert_eq!(
        url("https://example.com/講義.md").as_str(),
        "https://example.com/講義.md"
    );
}

#[test]
fn github_blob_links_become_raw_files() {
    for blob in [
        "https://github.com/sumsjp/YTLee/blob/master/docs/01-index.md",
        "https://www.github.com/sumsjp/YTLee/blob/master/docs/01-index.md?plain=1#L3",
        "http://GitHub.com/sumsjp/YTLee/raw/master/docs/01-index.md",
    ] {
        assert_eq!(url(blob).as_str(), raw("docs/01-index.md"), "{blob}");
    }
    // Not a file: left alone (and not a page either).
    assert_eq!(
        url("https://github.com/sumsjp/YTLee/tree/master/docs").as_str(),
        "https://github.com/sumsjp/YTLee/tree/master/docs"
    );
    assert_eq!(
        url("https://github.com/sumsjp/YTLee/blob/master").as_str(),
        "https://github.com/sumsjp/YTLee/blob/master"
    );
}

#[test]
fn urls_are_refused_for_a_reason() {
    use SourceUrlError::*;
    let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LEN));
    let cases: &[(&str, SourceUrlError)] = &[
        ("", Empty),
        (" \t\n ", Empty),
        ("javascript:alert(1)", NotHttp),
        ("JavaScript://%0aalert(1)", NotHttp),
        ("data:text/html,<script>", NotHttp),
        ("file:///etc/passwd", NotHttp),
        ("ftp://example.com/a.md", NotHttp),
        ("example.com/page.md", NotHttp),
        ("localhost:8080/page.md", NotHttp),
        ("//example.com/page.md", NotHttp),
        ("https://user:pw@example.com/a.md", Credentials),
        ("https://user@example.com/a.md", Credentials),
        ("https://example.com/a b.md", Malformed),
        ("https://example.com/a\u{0}.md", Malformed),
        ("https://example.com/a\u{7f}.md", Malformed),
        ("https://exa\nmple.com/", Malformed),
        ("https://example.com/\u{202e}dm.a", Malformed),
        ("https://example.com/a\u{3000}b", Malformed),
        ("https:\\\\example.com\\a.md", Malformed),
        ("https:/example.com/a.md", Malformed),
        ("https:example.com", Malformed),
        ("https://", Malformed),
        ("https:///a.md", Malformed),
        ("https://:80/a.md", Malformed),
        ("https://.../a.md", Malformed),
        ("https://ex%61mple.com/", Malformed),
        ("https://例子.测试/", Malformed),
        ("https://example.com:99999/", Malformed),
        ("https://example.com:0/", Malformed),
        ("https://example.com:8a/", Malformed),
        ("https://a:b:c/", Malformed),
        ("https://[::1/", Malformed),
        ("https://[zz]/", Malformed),
        ("https://example.com/<script>", Malformed),
        (&long, TooLong),
    ];
    for (input, want) in cases {
        assert_eq!(SourceUrl::parse(input), Err(*want), "{input:?}");
        assert!(!want.to_string().is_empty());
    }
    // A huge paste is refused by length before anything else looks at it.
    let huge = "x".repeat(50 * 1024 * 1024);
    assert_eq!(SourceUrl::parse(&huge), Err(TooLong));
}

#[test]
fn urls_travel_as_checked_strings() {
    let u = readme();
    let json = serde_json::to_string(&u).unwrap();
    assert_eq!(json, format!("\"{DEFAULT_INDEX_URL}\""));
    assert_eq!(serde_json::from_str::<SourceUrl>(&json).unwrap(), u);
    assert_eq!(u.to_string(), DEFAULT_INDEX_URL);
    for bad in [
        "\"javascript:alert(1)\"",
        "\"\"",
        "42",
        "\"https://u@x.com/\"",
    ] {
        assert!(serde_json::from_str::<SourceUrl>(bad).is_err(), "{bad}");
    }
    // Decoding normalises, so a hand-edited record still compares equal.
    let blob: SourceUrl =
        serde_json::from_str("\"https://github.com/sumsjp/YTLee/blob/master/README.md\"").unwrap();
    assert_eq!(blob, u);
}

#[test]
fn display_names_are_short_and_say_which_file() {
    assert_eq!(readme().display_name(), "README.md");
    assert_eq!(
        url(&raw("docs/01-index.md")).display_name(),
        "docs/01-index.md"
    );
    assert_eq!(
        url("https://raw.githubusercontent.com/sumsjp/YTLee/refs/heads/master/docs/01-index.md")
            .display_name(),
        "docs/01-index.md"
    );
    assert_eq!(
        url("http://127.0.0.1:8123/page.md").display_name(),
        "127.0.0.1:8123/page.md"
    );
    assert_eq!(url("https://example.com").display_name(), "example.com");
    assert_eq!(
        url("https://example.com/a/b.md?x=1").display_name(),
        "example.com/a/b.md"
    );
    assert_eq!(
        url("https://example.com/%E8%AC%9B%E7%BE%A9.md").display_name(),
        "example.com/講義.md"
    );
    // Encoded slashes or controls are not decoded into the name.
    assert_eq!(
        url("https://example.com/a%2Fb.md").display_name(),
        "example.com/a%2Fb.md"
    );
    assert_eq!(
        url("https://example.com/a%0Ab.md").display_name(),
        "example.com/a%0Ab.md"
    );
    let deep = format!("https://example.com/{}/page.md", "dir/".repeat(40));
    assert_eq!(url(&deep).display_name(), "example.com/…/page.md");
    let long_raw = raw(&format!("{}/x.md", "d".repeat(100)));
    assert_eq!(url(&long_raw).display_name(), "…/x.md");
    for long in [
        format!("https://example.com/{}.md", "n".repeat(1_500)),
        raw(&format!("{}.md", "講".repeat(600))),
        format!("https://{}.com/", "h".repeat(1_500)),
    ] {
        let name = url(&long).display_name();
        assert!(name.chars().count() <= MAX_DISPLAY_NAME_CHARS, "{name}");
        assert!(name.ends_with('…'), "{name}");
    }
}

// --- index_page_links ---

#[test]
fn the_real_readme_links_its_pages() {
    // sumsjp/YTLee README.md as of 2025-03.
    let text = "# YTLee (2025-03-08)\n\n---\n\n- [0001~0050](docs/00-index.md)\n\
                - [0051~0100](docs/01-index.md)\n- [0101~0150](docs/02-index.md)\n\
                - [0151~0200](docs/03-index.md)\n- [0201~0250](docs/04-index.md)\n\
                - [0251~0300](docs/05-index.md)\n- [0301~0350](docs/06-index.md)\n\
                - [0351~0400](docs/07-index.md)\n\n---\n";
    let links = index_page_links(&readme(), text);
    let want: Vec<String> = (0..8)
        .map(|n| raw(&format!("docs/{n:02}-index.md")))
        .collect();
    assert_eq!(strs(&links), want);
    assert_eq!(links[1].display_name(), "docs/01-index.md");
}

#[test]
fn every_spelling_of_a_page_link_is_one_page() {
    let text = r#"
[one](docs/01-index.md)
[one again](./docs/01-index.md#top)
[blob](https://github.com/sumsjp/YTLee/blob/master/docs/02-index.md)
[raw](https://raw.githubusercontent.com/sumsjp/YTLee/master/docs/03-index.md?token=x)
<a href="docs/04-index.md">four</a> <a HREF = 'docs/05-index.md'>five</a> <a href=docs/06-index.md>six</a>
[seven](<docs/07-index.md> "the title")
[eight]: docs/08-index.md
[root](/docs/09-index.md)
[up](../docs/10-index.md)
[two again](https://github.com/sumsjp/YTLee/blob/master/docs/02-index.md#L1)
"#;
    let links = index_page_links(&readme(), text);
    let want: Vec<String> = (1..=10)
        .map(|n| raw(&format!("docs/{n:02}-index.md")))
        .collect();
    assert_eq!(strs(&links), want);
}

#[test]
fn badges_images_anchors_and_other_links_are_not_pages() {
    let text = r#"
[![build](https://img.shields.io/badge/docs-01--index.md-blue.svg)](https://github.com/sumsjp/YTLee/actions)
![cover](docs/01-index.md)
<img src="docs/02-index.md">
[top](#docs/03-index.md)
[readme](README.md) [self](./README.md)
[notes](docs/notes.md) [index](docs/index.md) [big](docs/1234-index.md) [letters](docs/ab-index.md)
[not docs](pages/04-index.md) [html](docs/05-index.html) [dir](docs/06-index.md/)
[video](https://www.youtube.com/watch?v=AVIKFXLCPY8)
[js](javascript:alert('docs/07-index.md')) [mail](mailto:a@b.c?docs/08-index.md)
[data](data:text/markdown,docs/09-index.md)
[creds](https://user:pw@example.com/docs/10-index.md)
[![badge](https://img.shields.io/x.svg)](docs/11-index.md)
"#;
    let links = index_page_links(&readme(), text);
    // Only the badge-wrapped link: its target is a page, its image is not.
    assert_eq!(strs(&links), [raw("docs/11-index.md")]);
}

#[test]
fn relative_links_resolve_against_the_index_folder() {
    let nested = url(&raw("docs/README.md"));
    let links = index_page_links(&nested, "[a](01-index.md) [b](../docs/02-index.md)");
    assert_eq!(
        strs(&links),
        [raw("docs/01-index.md"), raw("docs/02-index.md")]
    );
    // `..` never climbs out of the repository: it stops at its root.
    let links = index_page_links(&readme(), "[a](../../../../docs/01-index.md)");
    assert_eq!(strs(&links), [raw("docs/01-index.md")]);
    // Elsewhere, relative to the index's folder on that host.
    let local = url("http://127.0.0.1:8123/mirror/README.md");
    let links = index_page_links(
        &local,
        "[a](docs/01-index.md) [b](/docs/02-index.md) [c](//127.0.0.1:8123/x/docs/03-index.md)",
    );
    assert_eq!(
        strs(&links),
        [
            "http://127.0.0.1:8123/mirror/docs/01-index.md",
            "http://127.0.0.1:8123/docs/02-index.md",
            "http://127.0.0.1:8123/x/docs/03-index.md",
        ]
    );
    // A fork's README that links the original absolutely still finds them.
    let fork = url("https://raw.githubusercontent.com/someone/YTLee/main/README.md");
    let links = index_page_links(
        &fork,
        "[a](https://github.com/sumsjp/YTLee/blob/master/docs/01-index.md)",
    );
    assert_eq!(strs(&links), [raw("docs/01-index.md")]);
}

#[test]
fn hostile_indexes_are_scanned_in_bounded_time_and_output() {
    let many: String = (0..5_000)
        .map(|n| format!("[p](docs/{:03}-index.md)\n", n % 1000))
        .collect();
    // One past the bound, so the plan refuses the index instead of cutting it short.
    assert_eq!(
        index_page_links(&readme(), &many).len(),
        MAX_INDEX_PAGES + 1
    );
    for junk in [
        "](".repeat(200_000),
        "](<".repeat(200_000),
        "href='".repeat(200_000),
        "href=".repeat(200_000),
        "[".repeat(200_000) + "](docs/01-index.md)",
        "]".repeat(200_000) + "](docs/01-index.md)",
        "[x]:".repeat(200_000),
        format!("[x]({}docs/01-index.md)", "a/".repeat(100_000)),
        "\u{0}\u{fffd}é講".repeat(100_000),
    ] {
        // No clock here (tests never assert a time): a scan that went back
        // over the text would not finish on these inputs at all.
        let links = index_page_links(&readme(), &junk);
        assert!(links.len() <= 1);
    }
    // Multi-byte text right around link syntax never splits a character.
    // (An unclosed quote or `<` ends at the line's end.)
    let text = "講](講 href=講 [講]: 講 href=\"講 ](<講\n[é](docs/01-index.md) ](<講";
    assert_eq!(
        strs(&index_page_links(&readme(), text)),
        [raw("docs/01-index.md")]
    );
}

// --- page checks ---

#[test]
fn real_pages_pass_the_checks() {
    assert_eq!(check_page_text("docs/08-index.md", PAGE), Ok(()));
    assert_eq!(check_page_text("x.md", &format!("\u{feff}{PAGE}")), Ok(()));
    // Empty or unknown Markdown is the parser's to report.
    assert_eq!(check_page_text("x.md", ""), Ok(()));
    assert_eq!(
        check_page_text("x.md", "# Notes\n\n<header>hi</header>"),
        Ok(())
    );
    assert_eq!(check_page_text("x.md", "<headline>\n"), Ok(()));
    assert_eq!(
        check_page_text("x.md", "a few \u{fffd} odd \u{fffd} bytes"),
        Ok(())
    );
}

#[test]
fn oversized_pages_are_refused_before_and_after_reading() {
    let limit = MAX_PAGE_BYTES as u64;
    assert_eq!(check_byte_len("a.md", limit), Ok(()));
    let p = check_byte_len("a.md", limit + 1).unwrap_err();
    assert_eq!(p.to_string(), "a.md:0: page is 4.1 MB; the limit is 4 MB");
    assert_eq!(p.limit, Limit::PageBytes);
    let p = check_byte_len("a.md", limit + limit / 8).unwrap_err();
    assert_eq!(p.message(), "page is 4.5 MB; the limit is 4 MB");
    assert_eq!(
        check_byte_len("a.md", u64::MAX).unwrap_err().message(),
        "page is 17592186044416 MB; the limit is 4 MB"
    );
    let big = "a".repeat(MAX_PAGE_BYTES + 1);
    assert_eq!(check_page_text("b.md", &big).unwrap_err().line, 0);
    assert_eq!(check_page_text("b.md", &big[1..]), Ok(()));
}

#[test]
fn binary_text_is_refused() {
    for binary in [
        "PK\u{3}\u{4}\u{0}\u{0}".to_string(),
        format!("{PAGE}\u{0}"),
        "\u{fffd}".repeat(20),
        format!("{}{}", "text ".repeat(100), "\u{fffd}\u{1}".repeat(10)),
        format!("{}{}", PAGE, "\u{fffd}".repeat(1_100)),
    ] {
        let p = check_page_text("f.bin", &binary).unwrap_err();
        assert_eq!(p.to_string(), "f.bin:0: not a text file");
    }
}

#[test]
fn html_documents_are_refused() {
    for html in [
        "<!DOCTYPE html>\n<html lang=\"en\">",
        "\u{feff}  \n\n<!doctype HTML><title>x</title>",
        "<html>",
        "<HTML\n>",
        "<head><meta charset=utf-8>",
        "<html",
    ] {
        let p = check_page_text("README.md", html).unwrap_err();
        assert!(p.message.starts_with("this is an HTML page"), "{html:?}");
    }
    let p = check_page_text("README.md", "\n\n  <!doctype html>").unwrap_err();
    assert_eq!(
        p.to_string(),
        "README.md:3: this is an HTML page, not a catalogue page in Markdown (is the URL a raw file?)"
    );
}

#[test]
fn entry_count_is_bounded() {
    assert_eq!(check_entry_count("catalogue", MAX_ENTRIES), Ok(()));
    let p = check_entry_count("catalogue", MAX_ENTRIES + 1).unwrap_err();
    assert_eq!(p.to_string(), "catalogue:0: 5001 videos; the limit is 5000");
}

// --- losses and holdings ---

#[test]
fn losses_are_the_videos_a_refresh_would_drop() {
    let current = catalogue(&[7, 3, 5, 1]);
    assert!(losses(&current, &catalogue(&[1, 3, 5, 7, 9])).is_empty());
    assert!(losses(&current, &current).is_empty());
    let lost = losses(&current, &catalogue(&[5, 9]));
    let ids: Vec<&str> = lost.iter().map(|id| id.as_str()).collect();
    assert_eq!(ids, ["v0000000001", "v0000000003", "v0000000007"]);
    assert_eq!(losses(&current, &catalogue(&[])).len(), 4);
    assert!(losses(&catalogue(&[]), &catalogue(&[])).is_empty());
}

#[test]
fn holdings_name_the_spans_held_and_missing() {
    let seed = Catalogue::from_json(SEED).unwrap();
    let h = holdings(&seed);
    assert_eq!(h.videos, seed.videos.len());
    assert_eq!(h.held, [(351, 448)]);
    assert_eq!(h.missing, [(1, 350)]);

    let h = holdings(&catalogue(&[1, 2, 3, 7, 9, 10, 10]));
    assert_eq!(h.videos, 7);
    assert_eq!(h.held, [(1, 3), (7, 7), (9, 10)]);
    assert_eq!(h.missing, [(4, 6), (8, 8)]);

    assert_eq!(holdings(&catalogue(&[])), Holdings::default());
    let h = holdings(&catalogue(&[0, u32::MAX]));
    assert_eq!(h.held, [(0, 0), (u32::MAX, u32::MAX)]);
    assert_eq!(h.missing, [(1, u32::MAX - 1)]);
}

// --- the stored record ---

fn file_page(record: &CatalogueRecord, name: &str) -> Option<String> {
    record
        .pages()
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.text.clone())
}

#[test]
fn a_new_record_holds_the_seed_and_the_default_index() {
    let record = CatalogueRecord::new(SEED);
    assert_eq!(record.sources(), [Source::default_index()]);
    assert!(record.pages().is_empty());
    assert!(record.built_on(SEED));
    assert!(!record.built_on("{}"));
    assert_eq!(record.seed(), seed_fingerprint(SEED));
    assert_eq!(
        record.catalogue().unwrap(),
        Catalogue::from_json(SEED).unwrap()
    );
    assert!(!record.auto_refresh());
    assert_eq!(record.last_refresh_ms(), None);
}

#[test]
fn records_round_trip_through_json() {
    let mut record = CatalogueRecord::new(SEED);
    let page_source = Source::Page(url("http://127.0.0.1:8123/page.md"));
    assert!(record.add_source(page_source.clone()));
    let u = url("http://127.0.0.1:8123/page.md");
    assert!(record.replace_pages_of(
        &page_source,
        vec![StoredPage::fetched(&page_source, &u, PAGE.into(), 1)]
    ));
    record.put_file("mine.md", "<details>\n</details>".into(), 2);
    record.set_auto_refresh(true);
    record.set_last_refresh_ms(1_700_000_000_000);
    let json = record.to_json();
    assert_eq!(CatalogueRecord::from_json(&json).unwrap(), record);
    assert_eq!(record.pages()[0].name, "127.0.0.1:8123/page.md");
    // The tagging is part of the stored format.
    assert!(json.contains(
        r#"{"index":"https://raw.githubusercontent.com/sumsjp/YTLee/master/README.md"}"#
    ));
    assert!(json.contains(r#"{"file":{"name":"mine.md"}}"#));
    assert!(json.contains(r#""format":1"#));
}

#[test]
fn foreign_and_damaged_records_are_refused_with_a_reason() {
    let good = CatalogueRecord::new("{}").to_json();
    assert!(CatalogueRecord::from_json(&good).is_ok());
    let newer = good.replacen("\"format\":1", "\"format\":2", 1);
    assert_eq!(
        CatalogueRecord::from_json(&newer),
        Err(RecordError::UnknownFormat(2))
    );
    assert!(RecordError::UnknownFormat(2)
        .to_string()
        .contains("format 2"));
    // A newer format is named as such even when its shape is unknown.
    assert_eq!(
        CatalogueRecord::from_json(r#"{"format":7,"whatever":[]}"#),
        Err(RecordError::UnknownFormat(7))
    );
    for bad in [
        "",
        "null",
        "[]",
        "not json",
        r#"{"format":"1"}"#,
        r#"{"format":-1}"#,
        r#"{"format":1}"#,
        &good[..good.len() / 2],
        &good.replacen("README.md", "README.md\\u0000", 1),
        &good.replacen("https://raw", "javascript://raw", 1),
        &good.replacen("\"index\"", "\"feed\"", 1),
        &good.replacen("\"auto_refresh\":false", "\"auto_refresh\":\"yes\"", 1),
    ] {
        let err = CatalogueRecord::from_json(bad).unwrap_err();
        assert!(
            matches!(err, RecordError::Unreadable(_)),
            "{bad:?}: {err:?}"
        );
        assert!(err
            .to_string()
            .starts_with("the stored catalogue record is unreadable"));
    }
    let twice = good.replacen(
        r#""sources":["#,
        r#""sources":[{"page":"https://raw.githubusercontent.com/sumsjp/YTLee/master/README.md"},"#,
        1,
    );
    assert_eq!(
        CatalogueRecord::from_json(&twice),
        Err(RecordError::DuplicateSource)
    );
    let orphan = good.replacen(
        r#""pages":[]"#,
        r#""pages":[{"source":{"file":{"name":"x.md"}},"name":"x.md","text":"","loaded_at_ms":0}]"#,
        1,
    );
    assert_eq!(
        CatalogueRecord::from_json(&orphan),
        Err(RecordError::OrphanPage)
    );
    // The merged catalogue inside is checked when it is used.
    let record = CatalogueRecord::from_json(&good).unwrap();
    assert!(matches!(record.catalogue(), Err(RecordError::Catalogue(_))));
    // Huge and deeply nested input: an error, never a panic.
    let deep = "[".repeat(100_000);
    assert!(CatalogueRecord::from_json(&deep).is_err());
}

#[test]
fn sources_are_unique_and_removable() {
    let mut record = CatalogueRecord::new(SEED);
    let index = Source::default_index();
    assert!(!record.add_source(index.clone()));
    // The same URL under another kind is the same source.
    assert!(!record.add_source(Source::Page(readme())));
    assert!(record.remove_source(&index));
    assert!(!record.remove_source(&index));
    assert!(record.sources().is_empty());
    assert!(record.add_source(index.clone()));
    assert_eq!(record.sources(), std::slice::from_ref(&index));

    // Removing a source drops its pages and nothing else.
    let page = url(&raw("docs/01-index.md"));
    record.replace_pages_of(
        &index,
        vec![StoredPage::fetched(&index, &page, "one".into(), 1)],
    );
    record.put_file("a.md", "a".into(), 1);
    assert_eq!(record.pages().len(), 2);
    assert_eq!(record.pages_of(&index).count(), 1);
    assert!(record.remove_source(&index));
    assert_eq!(record.pages().len(), 1);
    assert_eq!(record.pages()[0].name, "a.md");
}

#[test]
fn pages_belong_to_held_sources_only() {
    let mut record = CatalogueRecord::new(SEED);
    let stranger = Source::Page(url("https://example.com/p.md"));
    let page = StoredPage::fetched(&stranger, &url("https://example.com/p.md"), "x".into(), 1);
    assert!(!record.replace_pages_of(&stranger, vec![page.clone()]));
    assert!(record.pages().is_empty());
    // Filed under the source it was given to, whatever the page said.
    let index = Source::default_index();
    assert!(record.replace_pages_of(&index, vec![page]));
    assert_eq!(record.pages()[0].source, index);
    assert!(CatalogueRecord::from_json(&record.to_json()).is_ok());
}

#[test]
fn a_file_of_the_same_name_replaces_the_earlier_one() {
    let mut record = CatalogueRecord::new(SEED);
    let a = record.put_file("page.md", "first".into(), 1);
    let b = record.put_file("page.md", "second".into(), 2);
    assert_eq!(a, b);
    assert_eq!(
        a,
        Source::File {
            name: "page.md".into()
        }
    );
    record.put_file("other.md", "third".into(), 3);
    assert_eq!(record.sources().len(), 3);
    assert_eq!(record.pages().len(), 2);
    assert_eq!(file_page(&record, "page.md").as_deref(), Some("second"));
    assert_eq!(a.url(), None);
}

#[test]
fn a_rebuild_records_the_seed_it_was_built_on() {
    let mut record = CatalogueRecord::new(SEED);
    let other_seed = SEED.replacen("\"format\":1", "\"format\":1 ", 1);
    assert!(!record.built_on(&other_seed));
    record.set_catalogue_json(&other_seed, catalogue(&[1, 2]).to_json());
    assert!(record.built_on(&other_seed));
    assert_eq!(record.catalogue().unwrap(), catalogue(&[1, 2]));
}

#[test]
fn fingerprints_are_fnv1a_64() {
    assert_eq!(seed_fingerprint(""), "cbf29ce484222325");
    assert_eq!(seed_fingerprint("a"), "af63dc4c8601ec8c");
    assert_eq!(seed_fingerprint("foobar"), "85944171f73967e8");
    assert_ne!(seed_fingerprint(SEED), seed_fingerprint(&SEED[1..]));
}

#[test]
fn refresh_is_due_daily_and_survives_clocks_going_back() {
    let day = REFRESH_INTERVAL_MS;
    let now = 1_750_000_000_000;
    let mut record = CatalogueRecord::new(SEED);
    assert!(!due_for_refresh(&record, now), "off by default");
    record.set_auto_refresh(true);
    assert!(due_for_refresh(&record, now), "never refreshed");
    record.set_last_refresh_ms(now - day + 1);
    assert!(!due_for_refresh(&record, now));
    record.set_last_refresh_ms(now - day);
    assert!(due_for_refresh(&record, now));
    record.set_last_refresh_ms(now + day / 2);
    assert!(!due_for_refresh(&record, now), "a little ahead: wait");
    record.set_last_refresh_ms(now + day + 1);
    assert!(
        due_for_refresh(&record, now),
        "far ahead: the clock went back"
    );
    record.set_auto_refresh(false);
    assert!(!due_for_refresh(&record, now + 10 * day));
}

#[test]
fn fetched_text_says_whether_it_is_an_index_or_a_page() {
    let readme_text = "- [0001~0050](docs/00-index.md)\n";
    assert_eq!(
        Source::for_fetched(readme(), readme_text),
        Source::Index(readme())
    );
    let page = url(&raw("docs/08-index.md"));
    assert_eq!(
        Source::for_fetched(page.clone(), PAGE),
        Source::Page(page.clone())
    );
    assert_eq!(
        Source::for_fetched(page.clone(), "nothing"),
        Source::Page(page)
    );
}

// --- holdings by series ---

/// A video of `series` numbered `number` with lecture `lecture`.
fn lecture(number: u32, series: &str, lecture: Option<u32>) -> Video {
    Video {
        series: series.into(),
        lecture,
        ..video(number)
    }
}

fn with_series(videos: Vec<Video>, series: &[&str]) -> Catalogue {
    let seed = Catalogue::from_json(SEED).unwrap();
    Catalogue {
        format: CATALOGUE_FORMAT,
        series: series
            .iter()
            .map(|id| seed.series(id).unwrap().clone())
            .collect(),
        videos,
    }
}

#[test]
fn the_seed_holds_courses_in_part() {
    let seed = Catalogue::from_json(SEED).unwrap();
    let held = holdings(&seed);
    assert!(held.is_partial());
    assert_eq!(
        (held.videos, held.missing_count(), held.total()),
        (98, 350, 448)
    );
    let by_series = series_holdings(&seed, &held);
    let find = |id: &str| by_series.iter().find(|h| h.series == id).unwrap();
    // Lectures 27, 29–36 of the English course: 1–26 and 28 are missing.
    let en = find("ml2021-en");
    assert_eq!(
        (en.videos, en.coverage.loaded, en.coverage.expected),
        (9, 9, Some(36))
    );
    let missing: Vec<u32> = (1..=26).chain([28]).collect();
    assert_eq!(en.gap(), Gap::Lectures(missing.clone()));
    assert_eq!(spans_of(&missing), [(1, 26), (28, 28)]);
    // Lectures 0–18 all there: nothing to say, whatever else is missing.
    let genai = find("genai2024");
    assert_eq!(
        (genai.coverage.loaded, genai.coverage.expected),
        (19, Some(19))
    );
    assert_eq!(genai.gap(), Gap::None);
    // Chinese titles carry no numbers; entries 1–350 come before its first.
    let ml2021 = find("ml2021");
    assert_eq!((ml2021.videos, ml2021.coverage.expected), (10, None));
    assert_eq!(ml2021.gap(), Gap::MaybeEarlier);
    // Talks have no first lectures to miss.
    let talks = find("talks");
    assert!(talks.earlier_missing && !talks.course);
    assert_eq!(talks.gap(), Gap::None);
    // Series order, empty series left out.
    let ids: Vec<&str> = by_series.iter().map(|h| h.series.as_str()).collect();
    let mut expected: Vec<&str> = seed.series.iter().map(|s| s.id.as_str()).collect();
    expected.retain(|id| seed.videos.iter().any(|v| v.series == *id));
    assert_eq!(ids, expected);
}

#[test]
fn a_series_is_only_suspected_incomplete_below_its_first_entry() {
    // Entry 2 missing, after the course's first entry (1): nothing earlier.
    let c = with_series(
        vec![lecture(1, "ml2021", None), lecture(3, "ml2021", None)],
        &["ml2021", "talks"],
    );
    let held = holdings(&c);
    assert!(held.is_partial());
    assert_eq!(series_holding(&c, &held, "ml2021").gap(), Gap::None);
    // A gap before its first entry: earlier lectures may be there.
    let c = with_series(vec![lecture(5, "ml2021", None)], &["ml2021"]);
    let held = holdings(&c);
    assert_eq!(series_holding(&c, &held, "ml2021").gap(), Gap::MaybeEarlier);
    // A series without videos is left out, and has no gap.
    assert!(series_holdings(&c, &held)
        .iter()
        .all(|h| h.series != "talks"));
    let none = series_holding(&c, &held, "talks");
    assert_eq!((none.videos, none.gap()), (0, Gap::None));
    // Numbers decide for a numbered course, even with earlier entries missing.
    let c = with_series(
        vec![
            lecture(7, "genai2024", Some(1)),
            lecture(8, "genai2024", Some(3)),
        ],
        &["genai2024"],
    );
    let held = holdings(&c);
    assert_eq!(
        series_holding(&c, &held, "genai2024").gap(),
        Gap::Lectures(vec![2])
    );
    // A complete catalogue: no gaps anywhere, 0 missing.
    let c = catalogue(&[1, 2, 3]);
    let held = holdings(&c);
    assert!(!held.is_partial());
    assert_eq!((held.missing_count(), held.total()), (0, 3));
    assert_eq!(
        holdings(&catalogue(&[0, u32::MAX])).missing_count(),
        u32::MAX as usize - 1
    );
}

#[test]
fn downloaded_bytes_read_as_a_browser_reads_them() {
    use super::page_text_from_bytes;
    assert_eq!(
        page_text_from_bytes("\u{feff}# 頁".as_bytes().to_vec()),
        "# 頁"
    );
    assert_eq!(page_text_from_bytes(vec![b'a', 0xff, b'b']), "a\u{fffd}b");
    assert_eq!(page_text_from_bytes(Vec::new()), "");
}
