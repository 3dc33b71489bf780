//! Grows the catalogue from catalogue pages: downloads (main thread, so
//! the page's connect-src applies), parses and merges them in the
//! catalogue worker (the importer's own code), stores the result in
//! IndexedDB and swaps it in. All or nothing: any page that fails to
//! download, is not Markdown or parses with problems leaves the catalogue
//! as it was and lists the problems; a refresh that would lose lectures
//! the app holds is refused the same way.

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shelf_core::catalogue::Catalogue;
use shelf_core::catalogue_build::{BuildReply, BuildRequest, PageText};
use shelf_core::sources::{
    check_byte_len, due_for_refresh, index_page_links, losses, CatalogueRecord, Source, SourceUrl,
    StoredPage, MAX_PAGE_BYTES,
};

use crate::embedded;
use crate::shelf::{Shelf, RECORD_KEY};
use crate::web::fetch::{self, FetchError};
use crate::web::{broadcast, catalogue_worker, file, idb, online};

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
    /// Characters of the stored record (UTF-16 code units as IndexedDB
    /// keeps strings), `None` when storing failed: the catalogue then lives
    /// in this tab only.
    pub stored_chars: Option<usize>,
}

/// What a job builds.
enum Plan {
    /// Sources were added: nothing the catalogue holds may go missing.
    Grow(CatalogueRecord),
    /// A source was removed, or the embedded seed changed: the catalogue
    /// is whatever the remaining pages make.
    Rebuild(CatalogueRecord),
    /// Every URL source's pages, downloaded anew (they replace the stored
    /// ones only if the result loses nothing).
    Refresh(CatalogueRecord, Vec<StoredPage>),
}

#[derive(Clone, Copy)]
pub struct Loader {
    shelf: Shelf,
    pub job: RwSignal<Job>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn performance_now() -> f64 {
    leptos::prelude::window()
        .performance()
        .map_or(0.0, |p| p.now())
}

impl Loader {
    /// Starts the loader; rebuilds a catalogue stored by another app
    /// version, refreshes when the student opted in and a day has passed,
    /// and follows other tabs' loads.
    pub fn start(shelf: Shelf) -> Loader {
        let loader = Loader {
            shelf,
            job: RwSignal::new(Job::Idle),
        };
        broadcast::on_catalogue_stored(move || loader.reread());
        let record = shelf.record().get_untracked();
        if let Some(record) = record {
            if !record.built_on(embedded::json()) {
                // A new app version embeds a new seed: merge the stored pages over it.
                loader.run(|_| async move { Ok(Plan::Rebuild(record)) });
            } else if due_for_refresh(&record, now_ms()) && online::is_online() {
                // The attempt counts, so a source that is down is tried
                // again tomorrow, not at every start.
                let mut record = record;
                record.set_last_refresh_ms(now_ms());
                shelf.record().set(Some(record.clone()));
                let text = record.to_json();
                spawn_local(async move {
                    let _ = idb::put(RECORD_KEY, &text).await;
                });
                loader.refresh_record(record);
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
            .unwrap_or_else(|| CatalogueRecord::new(embedded::json()))
    }

    /// "Load the full catalogue": the default source's pages (and any
    /// other URL source's, fresh).
    pub fn load_default(&self) {
        let mut record = self.record_or_new();
        record.add_source(Source::default_index());
        self.refresh_record(record);
    }

    /// Adds a pasted URL and loads it: a page of entries, or an index
    /// (like the source's README) whose linked pages are loaded.
    pub fn add_url(&self, url: SourceUrl) {
        self.run(move |loader| async move {
            let mut record = loader.record_or_new();
            let text = fetch::text(url.as_str(), MAX_PAGE_BYTES as u64)
                .await
                .map_err(|error| {
                    vec![Trouble::Download {
                        name: url.display_name(),
                        error,
                    }]
                })?;
            let source = Source::for_fetched(url.clone(), &text);
            let pages = match &source {
                Source::Index(_) => download(&loader, std::slice::from_ref(&source)).await?,
                _ => vec![StoredPage::fetched(&source, &url, text, now_ms())],
            };
            record.add_source(source.clone());
            record.replace_pages_of(&source, pages);
            Ok(Plan::Grow(record))
        });
    }

    /// Re-reads every URL source; applies only if all of them answer and
    /// nothing the catalogue holds goes missing.
    pub fn refresh(&self) {
        self.refresh_record(self.record_or_new());
    }

    fn refresh_record(&self, record: CatalogueRecord) {
        self.run(|loader| async move {
            let sources: Vec<Source> = record
                .sources()
                .iter()
                .filter(|s| s.url().is_some())
                .cloned()
                .collect();
            let pages = download(&loader, &sources).await?;
            Ok(Plan::Refresh(record, pages))
        });
    }

    /// Pages picked or dropped by the student, each a source of its own (a
    /// file of the same name replaces the earlier one).
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        self.run(move |loader| async move {
            let mut record = loader.record_or_new();
            let mut problems = Vec::new();
            let mut read = Vec::new();
            for picked in files {
                let name = picked.name();
                if let Err(p) = check_byte_len(&name, picked.size() as u64) {
                    problems.push(Trouble::Page(p.to_string()));
                    continue;
                }
                match file::read_text(&picked).await {
                    Ok(text) => read.push((name, text)),
                    Err(_) => problems.push(Trouble::UnreadableFile { name }),
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            for (name, text) in read {
                record.put_file(&name, text, now_ms());
            }
            Ok(Plan::Grow(record))
        });
    }

    /// Drops a source and its pages; the only change allowed to lose
    /// lectures (their study data stays, shown as not in the catalogue).
    pub fn remove(&self, source: Source) {
        self.run(move |loader| async move {
            let mut record = loader.record_or_new();
            record.remove_source(&source);
            Ok(Plan::Rebuild(record))
        });
    }

    pub fn set_auto_refresh(&self, on: bool) {
        let mut record = self.record_or_new();
        record.set_auto_refresh(on);
        let shelf = self.shelf;
        shelf.record().set(Some(record.clone()));
        spawn_local(async move {
            let _ = idb::put(RECORD_KEY, &record.to_json()).await;
        });
    }

    /// Runs one job at a time: `prepare` gives the plan to build or the
    /// problems that stop it.
    fn run<F, Fut>(&self, prepare: F)
    where
        F: FnOnce(Loader) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<Plan, Vec<Trouble>>> + 'static,
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
                Ok(plan) => loader.build(plan).await,
            };
            loader.job.set(job);
        });
    }

    async fn build(&self, plan: Plan) -> Job {
        self.job.set(Job::Working(Step::Parsing));
        let (mut record, fresh, may_lose) = match plan {
            Plan::Grow(record) => (record, None, false),
            Plan::Rebuild(record) => (record, None, true),
            Plan::Refresh(record, pages) => (record, Some(pages), false),
        };
        // A refresh parses the downloaded pages in place of the stored ones
        // of URL sources; files stay as they are.
        let pages: Vec<&StoredPage> = match &fresh {
            None => record.pages().iter().collect(),
            Some(fresh) => record
                .pages()
                .iter()
                .filter(|p| p.source.url().is_none())
                .chain(fresh.iter())
                .collect(),
        };
        let request = BuildRequest {
            pages: pages
                .iter()
                .map(|p| PageText {
                    name: p.name.clone(),
                    text: p.text.clone(),
                })
                .collect(),
        };
        let pages = pages.len();
        let request = serde_json::to_string(&request).expect("pages serialize");
        let Some(reply) = catalogue_worker::build(request)
            .await
            .ok()
            .and_then(|r| serde_json::from_str::<BuildReply>(&r).ok())
        else {
            return Job::Failed;
        };
        let Some(json) = reply.catalogue else {
            return Job::Refused(reply.problems.into_iter().map(Trouble::Page).collect());
        };
        let next = match Catalogue::from_json(&json) {
            Ok(next) => next,
            Err(e) => return Job::Refused(vec![Trouble::Page(format!("catalogue:0: {e}"))]),
        };
        let current = self.shelf.catalogue_untracked();
        let lost = match fresh {
            Some(fresh) => record.apply_refresh(fresh, &next, now_ms()).err(),
            None if may_lose => None,
            None => Some(losses(current, &next)).filter(|l| !l.is_empty()),
        };
        if let Some(lost) = lost {
            let first = current
                .video(lost[0].as_str())
                .map_or(lost[0].to_string(), |v| v.title.clone());
            return Job::Refused(vec![Trouble::WouldLose {
                count: lost.len(),
                first,
            }]);
        }
        record.set_catalogue(embedded::json(), &next);
        let unchanged = *current == next;
        self.job.set(Job::Working(Step::Storing));
        let text = record.to_json();
        let started = performance_now();
        let stored = idb::put(RECORD_KEY, &text).await;
        let store_ms = (performance_now() - started).max(0.0) as u32;
        if stored.is_ok() {
            broadcast::catalogue_stored();
        }
        self.shelf.record().set(Some(record));
        if unchanged {
            return Job::Unchanged;
        }
        let before = current.videos.len();
        let after = next.videos.len();
        self.shelf.swap(next);
        Job::Applied(Applied {
            before,
            after,
            pages,
            parse_ms: reply.parse_ms,
            store_ms,
            stored_chars: stored.ok().map(|_| text.encode_utf16().count()),
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

/// Every page of `sources`, or the troubles of every one that failed.
/// Pages download at once (a phone's round trips add up otherwise).
async fn download(loader: &Loader, sources: &[Source]) -> Result<Vec<StoredPage>, Vec<Trouble>> {
    let max = MAX_PAGE_BYTES as u64;
    let mut problems = Vec::new();
    let mut wanted: Vec<(Source, SourceUrl)> = Vec::new();
    for source in sources {
        match source {
            Source::Page(url) => wanted.push((source.clone(), url.clone())),
            Source::Index(url) => match fetch::text(url.as_str(), max).await {
                Ok(text) => {
                    let links = index_page_links(url, &text);
                    if links.is_empty() {
                        problems.push(Trouble::IndexWithoutPages {
                            name: url.display_name(),
                        });
                    }
                    wanted.extend(links.into_iter().map(|link| (source.clone(), link)));
                }
                Err(error) => problems.push(Trouble::Download {
                    name: url.display_name(),
                    error,
                }),
            },
            Source::File { .. } => {}
        }
    }
    let total = wanted.len();
    let done = std::rc::Rc::new(std::cell::Cell::new(0));
    let job = loader.job;
    job.set(Job::Working(Step::Downloading { done: 0, total }));
    let results = join_all(wanted.into_iter().map(|(source, url)| {
        let done = done.clone();
        async move {
            let result = fetch::text(url.as_str(), max).await;
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
    for (source, url, result) in results {
        match result {
            Ok(text) => pages.push(StoredPage::fetched(&source, &url, text, now_ms())),
            Err(error) => problems.push(Trouble::Download {
                name: url.display_name(),
                error,
            }),
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}
