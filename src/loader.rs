//! Grows the catalogue from catalogue pages: the I/O and sequencing of a
//! job. What to download, what a job changes and whether its result may be
//! applied are the core's rules (`shelf_core::sources::plan`); this module
//! downloads (main thread, so the page's connect-src applies, streaming
//! within the core's bounds), has the catalogue worker parse and merge
//! (the importer's own code), and stores the result in IndexedDB.
//!
//! A job downloads first, with no lock held, then applies its change to
//! the record *as stored now* under the Web Lock `lecture-shelf/sources`
//! (read, build, check, write), so two tabs adding sources at the same
//! moment keep both. All or nothing: any trouble leaves catalogue and
//! record as they were and lists why.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shelf_core::catalogue::Catalogue;
use shelf_core::catalogue_build::{request_json, BuildReply};
use shelf_core::sources::{
    due_for_refresh, index_pages, read_pasted, refresh_sources, Budget, CatalogueRecord, Change,
    IndexTrouble, OverLimit, Pasted, Refusal, Setting, Source, SourceUrl, StoredPage,
};

use crate::shelf::{Shelf, RECORD_KEY};
use crate::site_data;
use crate::web::catalogue_worker::{self, WorkerError};
use crate::web::clock::{elapsed_ms, now_ms};
use crate::web::fetch::{self, FetchError};
use crate::web::site_files::{self, SiteFileError, PAGES_META};
use crate::web::{broadcast, file, idb, locks, online};

/// Lock shared by this origin's tabs around every read-change-write of the
/// sources record.
const LOCK: &str = "lecture-shelf/sources";

/// How long a job waits for [`LOCK`] before it is refused: longer than the
/// longest a working holder keeps it (the parser's deadline plus the
/// record's read and write), so only a stuck holder — its wasm trapped
/// before the release, or its storage hung — ever makes a job wait this
/// long.
const LOCK_WAIT_MS: i32 = catalogue_worker::DEADLINE_MS + 20_000;

/// What the loader is doing or last did; the sources page shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    Idle,
    Working(Step),
    Applied(Applied),
    /// Everything downloaded and parsed, and it changed nothing.
    Unchanged,
    /// Nothing applied, for these reasons (each shown as `FILE:LINE: message`).
    Refused(Vec<Trouble>),
    /// Nothing applied: the parser could not start (offline before its
    /// files were ever cached).
    Failed,
}

/// Why a job applied nothing: data, so the message is worded in the
/// language shown when it is read, not when it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// A problem the core found in a page (`FILE:LINE: message`, English:
    /// the importer's own words).
    Page(String),
    Download {
        name: String,
        error: FetchError,
    },
    IndexWithoutPages {
        name: String,
    },
    UnreadableFile {
        name: String,
    },
    /// The result would drop lectures the catalogue holds.
    WouldLose {
        count: usize,
        first: String,
    },
    /// A bound passed: a page's or the job's bytes, an index's pages,
    /// parse time, the record's size, the number of videos.
    OverLimit(OverLimit),
    /// The parser failed midway (a panic, or out of memory).
    ParserStopped,
    /// The parser did not answer in time and was ended.
    ParserTimedOut,
    /// Another tab held the sources lock for [`LOCK_WAIT_MS`] (stuck).
    SourcesBusy {
        secs: u32,
    },
}

impl Trouble {
    fn sources_busy() -> Trouble {
        Trouble::SourcesBusy {
            secs: (LOCK_WAIT_MS / 1000).unsigned_abs(),
        }
    }
}

impl Job {
    pub fn code(&self) -> &'static str {
        match self {
            Job::Idle => "idle",
            Job::Working(_) => "working",
            Job::Applied(_) => "applied",
            Job::Unchanged => "unchanged",
            Job::Refused(_) => "refused",
            Job::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Downloading { done: usize, total: usize },
    Parsing,
    Storing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub before: usize,
    pub after: usize,
    pub pages: usize,
    pub parse_ms: u32,
    pub store_ms: u32,
    /// Bytes IndexedDB was given for the record, `None` when storing
    /// failed: the catalogue then lives in this tab only.
    pub stored_bytes: Option<usize>,
}

#[derive(Clone, Copy)]
pub struct Loader {
    shelf: Shelf,
    pub job: RwSignal<Job>,
    /// The page URL being typed on the sources page, not yet submitted.
    /// Kept here, above the routes a catalogue swap renders anew, so
    /// another tab's load does not discard it.
    pub url_draft: RwSignal<String>,
}

/// The job's byte budget, shared by the downloads running at once.
type SharedBudget = Rc<RefCell<Budget>>;

impl Loader {
    /// Starts the loader; rebuilds a catalogue stored by another app
    /// version, refreshes when the student opted in and a day has passed,
    /// and follows other tabs' loads.
    pub fn start(shelf: Shelf) -> Loader {
        let loader = Loader {
            shelf,
            job: RwSignal::new(Job::Idle),
            url_draft: RwSignal::new(String::new()),
        };
        broadcast::on_catalogue_stored(move || loader.reread());
        if let Some(record) = shelf.record().get_untracked() {
            if site_data::json().is_some_and(|site| !record.built_on(site)) {
                // A new site build holds a new catalogue: merge the stored
                // pages over its pages.
                loader.run(|_| async { Ok(Change::Rebuild) });
            } else if due_for_refresh(&record, now_ms()) && online::is_online() {
                loader.change_setting(Setting::RefreshAttempted { at_ms: now_ms() });
                loader.refresh_with(None);
            }
        }
        loader
    }

    pub fn busy(&self) -> bool {
        self.job.with(|j| matches!(j, Job::Working(_)))
    }

    fn record_or_new(&self) -> CatalogueRecord {
        self.shelf
            .record()
            .get_untracked()
            .unwrap_or_else(|| CatalogueRecord::new(site_data::json().unwrap_or_default()))
    }

    /// "Load the full catalogue": the default source's pages (and any
    /// other URL source's, fresh).
    pub fn load_default(&self) {
        self.refresh_with(Some(Source::default_index()));
    }

    /// Re-reads every URL source; applies only if all of them answer and
    /// nothing the catalogue holds goes missing.
    pub fn refresh(&self) {
        self.refresh_with(None);
    }

    fn refresh_with(&self, add: Option<Source>) {
        self.run(move |loader| async move {
            let mut sources = refresh_sources(&loader.record_or_new());
            if let Some(source) = add.clone().filter(|s| !sources.contains(s)) {
                sources.push(source);
            }
            let budget = SharedBudget::default();
            let pages = download(&loader, &sources, &budget).await?;
            Ok(Change::Refresh {
                add,
                downloaded: sources,
                pages,
                at_ms: now_ms(),
            })
        });
    }

    /// Adds a pasted URL and loads it: a page of entries, or an index
    /// (like the source's README) whose linked pages are loaded. The URL
    /// is downloaded once: an index's text gives its links.
    pub fn add_url(&self, url: SourceUrl) {
        self.run(move |loader| async move {
            let budget = SharedBudget::default();
            let name = url.display_name();
            let text = fetch::text(url.as_str(), &name, &budget)
                .await
                .map_err(|error| vec![download_trouble(name.clone(), error)])?;
            match read_pasted(url.clone(), &text).map_err(|t| vec![index_trouble(name, t)])? {
                Pasted::Page(source) => {
                    let page = StoredPage::fetched(&source, &url, text, now_ms());
                    Ok(Change::Add {
                        source,
                        pages: vec![page],
                    })
                }
                Pasted::Index(source, links) => {
                    drop(text);
                    let wanted = links.into_iter().map(|l| (source.clone(), l)).collect();
                    let pages = download_pages(&loader, wanted, &budget).await?;
                    Ok(Change::Add { source, pages })
                }
            }
        });
    }

    /// Pages picked or dropped by the student, each a source of its own (a
    /// file of the same name replaces the earlier one).
    pub fn add_files(&self, files: Vec<file::PickedFile>) {
        self.run(move |_| async move {
            let mut budget = Budget::new();
            let mut problems = Vec::new();
            let mut read = Vec::new();
            for picked in files {
                let name = picked.name();
                let size = picked.size();
                if let Err(over) = budget.announce(&name, size) {
                    problems.push(Trouble::OverLimit(over));
                    continue;
                }
                match file::read_text(&picked).await {
                    Ok(text) => match budget.take(&name, text.len() as u64, text.len() as u64) {
                        Ok(()) => read.push((name, text)),
                        Err(over) => problems.push(Trouble::OverLimit(over)),
                    },
                    Err(_) => problems.push(Trouble::UnreadableFile { name }),
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            Ok(Change::Files {
                files: read,
                at_ms: now_ms(),
            })
        });
    }

    /// Drops a source and its pages; the only change allowed to lose
    /// lectures (their study data stays, shown as not in the catalogue).
    pub fn remove(&self, source: Source) {
        self.run(move |_| async move { Ok(Change::Remove(source)) });
    }

    pub fn set_auto_refresh(&self, on: bool) {
        self.change_setting(Setting::AutoRefresh(on));
    }

    /// A setting changed in the stored record, under the sources lock.
    fn change_setting(&self, setting: Setting) {
        let mut shown = self.record_or_new();
        setting.apply(&mut shown);
        self.shelf.record().set(Some(shown));
        let (shelf, job) = (self.shelf, self.job);
        spawn_local(async move {
            let stored = locks::holding(LOCK, LOCK_WAIT_MS, async move {
                let mut record = stored_record(shelf).await;
                setting.apply(&mut record);
                let _ = idb::put(RECORD_KEY, &record.to_json()).await;
                shelf.record().set(Some(record));
            })
            .await;
            if stored.is_err() {
                // Not saved: show the setting as stored, and why.
                shelf.record().set(Some(stored_record(shelf).await));
                if !job.with_untracked(|j| matches!(j, Job::Working(_))) {
                    job.set(Job::Refused(vec![Trouble::sources_busy()]));
                }
            }
        });
    }

    /// Runs one job at a time: `prepare` downloads what the job needs and
    /// says what it changes, or the troubles that stop it.
    fn run<F, Fut>(&self, prepare: F)
    where
        F: FnOnce(Loader) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<Change, Vec<Trouble>>> + 'static,
    {
        if self.busy() {
            return;
        }
        let loader = *self;
        loader
            .job
            .set(Job::Working(Step::Downloading { done: 0, total: 0 }));
        spawn_local(async move {
            let job = match prepare(loader).await {
                Err(problems) => Job::Refused(problems),
                Ok(change) => locks::holding(LOCK, LOCK_WAIT_MS, loader.commit(change))
                    .await
                    .unwrap_or_else(|locks::TimedOut| Job::Refused(vec![Trouble::sources_busy()])),
            };
            loader.job.set(job);
        });
    }

    /// Applies `change` to the record as stored now, has the worker build
    /// the merged catalogue, and stores and shows it if the core accepts.
    async fn commit(self, change: Change) -> Job {
        self.job.set(Job::Working(Step::Parsing));
        let pending = change.apply_to(stored_record(self.shelf).await);
        let request = request_json(
            pending
                .pages()
                .iter()
                .map(|p| (p.name.as_str(), p.text.as_str())),
        );
        let pages = pending.pages().len();
        // The pages the site's catalogue was built from: loaded pages merge
        // over them, as the site's build merged its own.
        let site_pages = match site_files::text(PAGES_META).await {
            Ok((_, text)) => text,
            Err(e) => {
                let (name, error) = match e {
                    SiteFileError::Status(name, status) => (name, FetchError::Status(status)),
                    SiteFileError::Unreachable(name) => (name, FetchError::Unreachable),
                    SiteFileError::NotNamed(meta) => (meta.to_string(), FetchError::Unreachable),
                };
                return Job::Refused(vec![Trouble::Download { name, error }]);
            }
        };
        let (reply, json) = match catalogue_worker::build(request, site_pages).await {
            Ok(answer) => answer,
            Err(WorkerError::CouldNotStart) => return Job::Failed,
            Err(WorkerError::Stopped) => return Job::Refused(vec![Trouble::ParserStopped]),
            Err(WorkerError::TimedOut) => return Job::Refused(vec![Trouble::ParserTimedOut]),
        };
        let Ok(reply) = serde_json::from_str::<BuildReply>(&reply) else {
            return Job::Refused(vec![Trouble::ParserStopped]);
        };
        let mut troubles: Vec<Trouble> = reply.problems.into_iter().map(Trouble::Page).collect();
        troubles.extend(reply.over_limit.map(Trouble::OverLimit));
        let Some(json) = json.filter(|_| troubles.is_empty()) else {
            return Job::Refused(troubles);
        };
        // Decoded once, to show; stored as the worker wrote it.
        let next = match Catalogue::from_json(&json) {
            Ok(next) => next,
            Err(e) => return Job::Refused(vec![Trouble::Page(format!("catalogue:0: {e}"))]),
        };
        let accepted = match pending.accept(&next, json, site_data::json().unwrap_or_default()) {
            Ok(accepted) => accepted,
            Err(Refusal::OverLimit(over)) => return Job::Refused(vec![Trouble::OverLimit(over)]),
            Err(Refusal::WouldLose(lost)) => {
                let held = self.shelf.catalogue_untracked();
                let first = held
                    .video(lost[0].as_str())
                    .map_or(lost[0].to_string(), |v| v.title.clone());
                return Job::Refused(vec![Trouble::WouldLose {
                    count: lost.len(),
                    first,
                }]);
            }
        };
        self.job.set(Job::Working(Step::Storing));
        let started = elapsed_ms();
        let stored = idb::put(RECORD_KEY, &accepted.json).await;
        let store_ms = (elapsed_ms() - started).max(0.0) as u32;
        if stored.is_ok() {
            broadcast::catalogue_stored();
        }
        self.shelf.record().set(Some(accepted.record));
        if *self.shelf.catalogue_untracked() != next {
            self.shelf.swap(next);
        }
        if accepted.unchanged {
            return Job::Unchanged;
        }
        Job::Applied(Applied {
            before: accepted.before,
            after: accepted.after,
            pages,
            parse_ms: reply.parse_ms,
            store_ms,
            stored_bytes: stored.ok(),
        })
    }

    /// Another tab stored a catalogue: show the same one.
    fn reread(&self) {
        let shelf = self.shelf;
        spawn_local(async move {
            let Ok(Some(text)) = idb::get(RECORD_KEY).await else {
                return;
            };
            let Ok(record) = CatalogueRecord::from_json(&text) else {
                return;
            };
            if let Ok(next) = record.catalogue() {
                if *shelf.catalogue_untracked() != next {
                    shelf.swap(next);
                }
            }
            shelf.record().set(Some(record));
        });
    }
}

/// The record as IndexedDB holds it now (another tab may have changed it
/// since this one read it); this tab's copy, or a new one, when there is
/// none or it cannot be read.
async fn stored_record(shelf: Shelf) -> CatalogueRecord {
    match idb::get(RECORD_KEY).await {
        Ok(Some(text)) => CatalogueRecord::from_json(&text).ok(),
        _ => None,
    }
    .or_else(|| shelf.record().get_untracked())
    .unwrap_or_else(|| CatalogueRecord::new(site_data::json().unwrap_or_default()))
}

fn download_trouble(name: String, error: FetchError) -> Trouble {
    match error {
        FetchError::OverLimit(over) => Trouble::OverLimit(over),
        error => Trouble::Download { name, error },
    }
}

fn index_trouble(name: String, trouble: IndexTrouble) -> Trouble {
    match trouble {
        IndexTrouble::NoPages => Trouble::IndexWithoutPages { name },
        IndexTrouble::TooMany(over) => Trouble::OverLimit(over),
    }
}

/// Every page of `sources` (an index's linked pages), or the troubles of
/// every one that failed.
async fn download(
    loader: &Loader,
    sources: &[Source],
    budget: &SharedBudget,
) -> Result<Vec<StoredPage>, Vec<Trouble>> {
    let mut problems = Vec::new();
    let mut wanted: Vec<(Source, SourceUrl)> = Vec::new();
    for source in sources {
        match source {
            Source::Page(url) => wanted.push((source.clone(), url.clone())),
            Source::Index(url) => {
                let name = url.display_name();
                match fetch::text(url.as_str(), &name, budget).await {
                    Ok(text) => match index_pages(url, &text) {
                        Ok(links) => {
                            wanted.extend(links.into_iter().map(|link| (source.clone(), link)))
                        }
                        Err(trouble) => problems.push(index_trouble(name, trouble)),
                    },
                    Err(error) => problems.push(download_trouble(name, error)),
                }
            }
            Source::File { .. } => {}
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    download_pages(loader, wanted, budget).await
}

/// The pages at these URLs, downloading at once (a phone's round trips add
/// up otherwise) within one budget; once it is passed, the other downloads
/// stop at their next chunk, and the bound is named once.
async fn download_pages(
    loader: &Loader,
    wanted: Vec<(Source, SourceUrl)>,
    budget: &SharedBudget,
) -> Result<Vec<StoredPage>, Vec<Trouble>> {
    let total = wanted.len();
    let done = Rc::new(Cell::new(0));
    let job = loader.job;
    job.set(Job::Working(Step::Downloading { done: 0, total }));
    let results = join_all(wanted.into_iter().map(|(source, url)| {
        let done = done.clone();
        async move {
            let result = fetch::text(url.as_str(), &url.display_name(), budget).await;
            done.set(done.get() + 1);
            job.set(Job::Working(Step::Downloading {
                done: done.get(),
                total,
            }));
            (source, url, result)
        }
    }))
    .await;
    let mut pages = Vec::new();
    let mut problems: Vec<Trouble> = Vec::new();
    for (source, url, result) in results {
        match result {
            Ok(text) => pages.push(StoredPage::fetched(&source, &url, text, now_ms())),
            Err(error) => {
                let trouble = download_trouble(url.display_name(), error);
                let repeated = matches!(&trouble, Trouble::OverLimit(o) if problems.iter()
                    .any(|p| matches!(p, Trouble::OverLimit(q) if q.limit == o.limit)));
                if !repeated {
                    problems.push(trouble);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}
