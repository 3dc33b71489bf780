//! Every bound of the catalogue loader, in one place, and the running
//! totals that enforce them while pages stream in.
//!
//! Today's catalogue is nine pages of under 120 kB (650 kB in all, 448
//! videos). The bounds leave room to grow many times over, yet keep a
//! hostile index (dozens of pages just under the per-page size) from
//! exhausting a phone's memory, parsing for minutes, or writing a record of
//! hundreds of megabytes. Each is checked as early as it can be: sizes
//! while the bytes arrive (and `Content-Length` before), the page count on
//! reading the index, parse time between pages in the worker, the record
//! before it is stored. The core reads no clock: times are passed in.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::problem::Problem;

/// What the messages call a megabyte.
pub const MEGABYTE: u64 = 1024 * 1024;

/// Largest page accepted, in bytes (as downloaded, or a file's size).
pub const MAX_PAGE_BYTES: usize = 4 * MEGABYTE as usize;

/// Most catalogue pages one index may link: nine today, and each is a fetch.
pub const MAX_INDEX_PAGES: usize = 60;

/// Most bytes one job may download or read, all pages and indexes together.
pub const MAX_TOTAL_BYTES: u64 = 16 * MEGABYTE;

/// Longest the worker may spend checking, parsing and merging, in ms.
pub const MAX_PARSE_MS: u64 = 20_000;

/// Largest record stored (its JSON, in UTF-8 bytes: the pages plus the
/// merged catalogue built from them; about three times what was loaded).
pub const MAX_RECORD_BYTES: usize = 64 * MEGABYTE as usize;

/// Most videos a grown catalogue may hold: the channel has under a thousand;
/// more means something is wrong, and search stays fast below this.
pub const MAX_ENTRIES: usize = 5_000;

/// Which bound was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// One page's bytes ([`MAX_PAGE_BYTES`]).
    PageBytes,
    /// The job's bytes ([`MAX_TOTAL_BYTES`]).
    TotalBytes,
    /// Pages one index links ([`MAX_INDEX_PAGES`]).
    IndexPages,
    /// Parse time in ms ([`MAX_PARSE_MS`]).
    ParseTime,
    /// The stored record's bytes ([`MAX_RECORD_BYTES`]).
    RecordBytes,
    /// Videos in the merged catalogue ([`MAX_ENTRIES`]).
    Entries,
}

impl Limit {
    /// The bound itself, in the unit [`OverLimit::found`] uses.
    pub fn max(self) -> u64 {
        match self {
            Limit::PageBytes => MAX_PAGE_BYTES as u64,
            Limit::TotalBytes => MAX_TOTAL_BYTES,
            Limit::IndexPages => MAX_INDEX_PAGES as u64,
            Limit::ParseTime => MAX_PARSE_MS,
            Limit::RecordBytes => MAX_RECORD_BYTES as u64,
            Limit::Entries => MAX_ENTRIES as u64,
        }
    }

    /// Checks `found` against the bound: `Err` when it is passed.
    pub fn check(self, name: &str, found: u64) -> Result<(), OverLimit> {
        if found > self.max() {
            Err(OverLimit {
                name: name.to_string(),
                limit: self,
                found,
            })
        } else {
            Ok(())
        }
    }
}

/// A refusal for a passed bound: data, so the app words it in the language
/// shown (`Display` is the English one the importer's problems use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverLimit {
    /// The page, index or `catalogue` it concerns (`FILE` in messages).
    pub name: String,
    pub limit: Limit,
    /// What was found (so far: a stream stops as soon as it passes).
    pub found: u64,
}

impl OverLimit {
    /// The English message, without the `FILE:0:` in front.
    pub fn message(&self) -> String {
        let (found, max) = (self.found, self.limit.max());
        match self.limit {
            Limit::PageBytes => format!(
                "page is {}; the limit is {}",
                megabytes(found),
                megabytes(max)
            ),
            Limit::TotalBytes => format!(
                "the pages come to more than {}, the limit for one load",
                megabytes(max)
            ),
            Limit::IndexPages => {
                format!("the index links more than {max} catalogue pages, the limit")
            }
            Limit::ParseTime => format!("parsing took over {} s, the limit", max / 1000),
            Limit::RecordBytes => format!(
                "the catalogue would take {} to store; the limit is {}",
                megabytes(found),
                megabytes(max)
            ),
            Limit::Entries => format!("{found} videos; the limit is {max}"),
        }
    }
}

impl fmt::Display for OverLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:0: {}", self.name, self.message())
    }
}

impl From<OverLimit> for Problem {
    fn from(over: OverLimit) -> Problem {
        Problem::new(&over.name, 0, over.message())
    }
}

/// `10.5 MB`: tenths, rounded up so that a size just over a limit never
/// reads as the limit; whole numbers without `.0`.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (u128::from(bytes) * 10).div_ceil(u128::from(MEGABYTE));
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The bytes one job has taken so far, across every page it downloads at
/// once: each download asks before it reads on, and stops when refused.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Budget {
    taken: u64,
}

impl Budget {
    pub fn new() -> Budget {
        Budget::default()
    }

    pub fn taken(&self) -> u64 {
        self.taken
    }

    /// A page announced as `len` bytes (`Content-Length`, a file's size):
    /// refused up front when it alone, or with what was taken, passes a bound.
    pub fn announce(&self, name: &str, len: u64) -> Result<(), OverLimit> {
        Limit::PageBytes.check(name, len)?;
        Limit::TotalBytes.check(name, self.taken.saturating_add(len))
    }

    /// `chunk` more bytes of `name`, which then has `page_bytes` in all.
    pub fn take(&mut self, name: &str, page_bytes: u64, chunk: u64) -> Result<(), OverLimit> {
        self.taken = self.taken.saturating_add(chunk);
        Limit::PageBytes.check(name, page_bytes)?;
        Limit::TotalBytes.check(name, self.taken)
    }
}

/// The worker's parse clock: started with the time it began, asked between
/// pages with the time now (ms, any monotonic origin).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParseDeadline {
    started_ms: f64,
}

impl ParseDeadline {
    pub fn starting_at(now_ms: f64) -> ParseDeadline {
        ParseDeadline { started_ms: now_ms }
    }

    /// Whole ms since the start (0 if the clock went back).
    pub fn elapsed_ms(&self, now_ms: f64) -> u64 {
        (now_ms - self.started_ms).max(0.0) as u64
    }

    pub fn check(&self, name: &str, now_ms: f64) -> Result<(), OverLimit> {
        Limit::ParseTime.check(name, self.elapsed_ms(now_ms))
    }
}
