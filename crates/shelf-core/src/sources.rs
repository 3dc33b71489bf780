//! Growing the embedded catalogue from catalogue pages loaded in the browser:
//! which URLs may be fetched, which pages an index links, which texts are
//! worth parsing, whether a refresh loses videos, and the record the app
//! stores. Pure rules, built without the `import` feature, so the web app
//! has them and they are tested natively.
//!
//! The pages are the Markdown files of `sumsjp/YTLee` (`docs/NN-index.md`,
//! linked from its `README.md`), fetched raw from GitHub.

use std::collections::HashSet;

use crate::catalogue::{Catalogue, VideoId};
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

pub fn holdings(catalogue: &Catalogue) -> Holdings {
    let mut numbers: Vec<u32> = catalogue.videos.iter().map(|v| v.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut held: Vec<(u32, u32)> = Vec::new();
    for n in numbers {
        match held.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(n) => *end = n,
            _ => held.push((n, n)),
        }
    }
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

#[cfg(test)]
mod tests;
