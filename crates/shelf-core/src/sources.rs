//! Growing the embedded catalogue from catalogue pages loaded in the browser:
//! which URLs may be fetched, which pages an index links, which texts are
//! worth parsing, whether a refresh loses videos, and the record the app
//! stores. Pure rules, built without the `import` feature, so the web app
//! has them and they are tested natively.
//!
//! The pages are the Markdown files of `sumsjp/YTLee` (`docs/NN-index.md`,
//! linked from its `README.md`), fetched raw from GitHub.

use std::collections::HashSet;

use crate::assignment::{coverage, Coverage};
use crate::catalogue::{Catalogue, SeriesKind, VideoId};
use crate::problem::Problem;

mod limits;
mod links;
mod plan;
mod record;
mod url;

pub use limits::{
    megabytes, Budget, Limit, OverLimit, ParseDeadline, MAX_ENTRIES, MAX_INDEX_PAGES,
    MAX_PAGE_BYTES, MAX_PARSE_MS, MAX_RECORD_BYTES, MAX_TOTAL_BYTES, MEGABYTE,
};
pub use links::index_page_links;
pub use plan::*;
pub use record::{
    due_for_refresh, seed_fingerprint, CatalogueRecord, RecordError, Source, StoredPage,
    RECORD_FORMAT, REFRESH_INTERVAL_MS,
};
pub use url::{SourceUrl, SourceUrlError, MAX_DISPLAY_NAME_CHARS, MAX_URL_LEN};

/// The repository's README, which links every catalogue page.
pub const DEFAULT_INDEX_URL: &str =
    "https://raw.githubusercontent.com/sumsjp/YTLee/master/README.md";

/// Refuses a page by its size before it is read (`File.size`,
/// `Content-Length`).
pub fn check_byte_len(name: &str, len: u64) -> Result<(), OverLimit> {
    Limit::PageBytes.check(name, len)
}

/// A downloaded page's bytes as text, as a browser's `Response.text()`
/// gives it: UTF-8 with a leading BOM dropped and malformed bytes replaced
/// (which [`check_page_text`] then calls binary). The app's downloads and
/// the site build read pages alike.
pub fn page_text_from_bytes(bytes: Vec<u8>) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

/// Refuses text that is no catalogue page before it reaches the parser: too
/// large, binary (a NUL, or many U+FFFD or control characters: what a
/// non-UTF-8 file decodes to), or an HTML document (a GitHub page instead of
/// its raw file). Markdown of any shape passes; the parser judges it.
pub fn check_page_text(name: &str, text: &str) -> Result<(), Problem> {
    check_byte_len(name, text.len() as u64)?;
    if looks_binary(text) {
        return Err(Problem::new(name, 0, "not a text file"));
    }
    if let Some(line) = html_document_line(text) {
        return Err(Problem::new(
            name,
            line,
            "this is an HTML page, not a catalogue page in Markdown (is the URL a raw file?)",
        ));
    }
    Ok(())
}

/// Refuses a catalogue of more than [`MAX_ENTRIES`] videos.
pub fn check_entry_count(name: &str, videos: usize) -> Result<(), Problem> {
    Ok(Limit::Entries.check(name, videos as u64)?)
}

/// A NUL anywhere, or replacement and control characters (other than tab,
/// line breaks and form feed) making up 1% of the text (at least 8 of them),
/// or more than 1,024 of them.
fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let (mut chars, mut odd) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            odd += 1;
        }
    }
    odd > 1_024 || (odd >= 8 && odd * 100 >= chars)
}

/// The line where an HTML document starts, if the text (after a BOM and
/// blank space) is one: `<!doctype html`, `<html` or `<head`.
fn html_document_line(text: &str) -> Option<usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.trim_start();
    let line = 1 + text[..text.len() - start.len()].matches('\n').count();
    let head = start.get(..16).unwrap_or(start);
    let head = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head"]
        .iter()
        .any(|tag| {
            head.strip_prefix(tag).is_some_and(|after| {
                after
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
            })
        })
        .then_some(line)
}

/// Videos `current` has and `next` lacks, by catalogue number in `current`:
/// the app refuses a refresh that would lose any.
pub fn losses(current: &Catalogue, next: &Catalogue) -> Vec<VideoId> {
    let kept: HashSet<&str> = next.videos.iter().map(|v| v.id.as_str()).collect();
    let mut lost: Vec<(u32, &VideoId)> = current
        .videos
        .iter()
        .filter(|v| !kept.contains(v.id.as_str()))
        .map(|v| (v.number, &v.id))
        .collect();
    lost.sort();
    lost.into_iter().map(|(_, id)| id.clone()).collect()
}

/// Which catalogue numbers a catalogue holds, for "holds 351–448; 1–350
/// missing".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holdings {
    pub videos: usize,
    /// Inclusive spans of numbers present, ascending.
    pub held: Vec<(u32, u32)>,
    /// Inclusive spans of numbers absent between 1 and the highest held.
    pub missing: Vec<(u32, u32)>,
}

impl Holdings {
    /// Whether some number below the highest held is missing: the pages
    /// loaded so far are not the whole catalogue.
    pub fn is_partial(&self) -> bool {
        !self.missing.is_empty()
    }

    /// How many numbers are missing ("98 of 448": 350).
    pub fn missing_count(&self) -> usize {
        self.missing
            .iter()
            .map(|&(a, b)| (b - a) as usize + 1)
            .fold(0, usize::saturating_add)
    }

    /// The lectures held and the numbers missing: the catalogue's size as
    /// far as its highest number tells.
    pub fn total(&self) -> usize {
        self.videos.saturating_add(self.missing_count())
    }
}

pub fn holdings(catalogue: &Catalogue) -> Holdings {
    let mut numbers: Vec<u32> = catalogue.videos.iter().map(|v| v.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let held = spans_of(&numbers);
    let mut missing = Vec::new();
    let mut next = 1u32;
    for &(start, end) in &held {
        if start > next {
            missing.push((next, start - 1));
        }
        next = next.max(end.saturating_add(1));
    }
    Holdings {
        videos: catalogue.videos.len(),
        held,
        missing,
    }
}

/// How much of one series a catalogue holds, for "Machine Learning 2021
/// (English version): 9 of 36 lectures" and for the notes that say a
/// course's lectures are not loaded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesHolding {
    pub series: String,
    pub videos: usize,
    /// Judged from lecture numbers (`assignment::coverage`).
    pub coverage: Coverage,
    /// A course (watched in order), not talks or other videos.
    pub course: bool,
    /// Some catalogue number below the series' first entry is missing, so
    /// its earlier lectures may be among the pages not loaded: the only
    /// hint for a course whose titles carry no lecture numbers.
    pub earlier_missing: bool,
}

/// What a student can be told about a series' missing lectures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// Nothing known to be missing.
    None,
    /// These lecture numbers are missing (known from the numbers present).
    Lectures(Vec<u32>),
    /// A course with no lecture numbers to judge by, but earlier catalogue
    /// entries are missing: its first lectures may be among them (talks
    /// and other videos have no first lectures).
    MaybeEarlier,
}

impl SeriesHolding {
    pub fn gap(&self) -> Gap {
        if !self.coverage.missing_lectures.is_empty() {
            Gap::Lectures(self.coverage.missing_lectures.clone())
        } else if self.course && self.coverage.expected.is_none() && self.earlier_missing {
            Gap::MaybeEarlier
        } else {
            Gap::None
        }
    }
}

/// One series' holding; `held` is `holdings(catalogue)`.
pub fn series_holding(catalogue: &Catalogue, held: &Holdings, series_id: &str) -> SeriesHolding {
    let first = catalogue
        .videos
        .iter()
        .filter(|v| v.series == series_id)
        .map(|v| v.number)
        .min();
    SeriesHolding {
        series: series_id.to_string(),
        videos: catalogue
            .videos
            .iter()
            .filter(|v| v.series == series_id)
            .count(),
        coverage: coverage(catalogue, series_id),
        course: catalogue
            .series(series_id)
            .is_some_and(|s| s.kind == SeriesKind::Course),
        earlier_missing: first.is_some_and(|first| held.missing.iter().any(|&(a, _)| a < first)),
    }
}

/// Every series with at least one video, in the catalogue's series order.
pub fn series_holdings(catalogue: &Catalogue, held: &Holdings) -> Vec<SeriesHolding> {
    catalogue
        .series
        .iter()
        .map(|s| series_holding(catalogue, held, &s.id))
        .filter(|h| h.videos > 0)
        .collect()
}

/// `[1, 2, 3, 5]` → `[(1, 3), (5, 5)]`: ascending numbers as inclusive spans.
pub fn spans_of(numbers: &[u32]) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match spans.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(n) => *end = n,
            _ => spans.push((n, n)),
        }
    }
    spans
}

#[cfg(test)]
mod tests;
