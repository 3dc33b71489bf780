//! What the loader is doing or last did, and the problems that stopped it.

use leptos::prelude::*;

use crate::context::use_loader;
use crate::i18n::plural;
use crate::i18n::t;
use crate::loader::{Applied, Job, Step, Trouble};
use crate::ui::study::util::fill;
use crate::web::fetch::FetchError;
use shelf_core::sources::{megabytes, Limit, OverLimit};

/// In whole integers: float formatting would cost the wasm ~10 KB.
fn size(bytes: usize) -> String {
    let kb = bytes / 1024;
    if kb >= 1024 {
        let tenths = kb * 10 / 1024;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{kb} KB")
    }
}

fn describe(job: &Job) -> String {
    match job {
        Job::Idle => String::new(),
        Job::Working(Step::Downloading { done, total }) => fill(
            t().job_downloading,
            &[("done", &done.to_string()), ("total", &total.to_string())],
        ),
        Job::Working(Step::Parsing) => t().job_parsing.to_string(),
        Job::Working(Step::Storing) => t().job_storing.to_string(),
        Job::Applied(a) => {
            let mut text = plural(
                &t().job_applied,
                a.pages,
                &[
                    ("before", &a.before.to_string()),
                    ("after", &a.after.to_string()),
                ],
            );
            text.push(' ');
            match a.stored_bytes {
                Some(bytes) => {
                    // Timings are for the performance measure (data-parse-ms), not the student.
                    text += &fill(t().job_applied_detail, &[("size", &size(bytes))])
                }
                None => text += t().job_not_stored,
            }
            text
        }
        Job::Unchanged => t().job_unchanged.to_string(),
        Job::Refused(problems) => plural(&t().job_refused, problems.len(), &[]),
        Job::Failed => t().parser_unavailable.to_string(),
    }
}

/// A passed bound, `FILE:0: message`, in the language shown now.
fn over_limit(over: &OverLimit) -> String {
    let (found, max) = (over.found, over.limit.max());
    let (text, found, max) = match over.limit {
        Limit::PageBytes => (t().over_page_bytes, megabytes(found), megabytes(max)),
        Limit::TotalBytes => (t().over_total_bytes, megabytes(found), megabytes(max)),
        Limit::IndexPages => (t().over_index_pages, found.to_string(), max.to_string()),
        Limit::ParseTime => (
            t().over_parse_time,
            (found / 1000).to_string(),
            (max / 1000).to_string(),
        ),
        Limit::RecordBytes => (t().over_record_bytes, megabytes(found), megabytes(max)),
        Limit::Entries => (t().over_entries, found.to_string(), max.to_string()),
    };
    format!(
        "{}:0: {}",
        over.name,
        fill(text, &[("found", &found), ("max", &max)])
    )
}

/// `FILE:LINE: message`, in the language shown now.
fn trouble_line(trouble: &Trouble) -> String {
    let line = |name: &str, message: &str| format!("{name}:0: {message}");
    match trouble {
        Trouble::Page(problem) => problem.clone(),
        Trouble::Download { name, error } => match error {
            FetchError::Unreachable => line(name, t().source_unreachable),
            FetchError::TimedOut => line(name, t().source_timed_out),
            FetchError::Status(status) => line(
                name,
                &fill(t().source_status, &[("status", &status.to_string())]),
            ),
            FetchError::OverLimit(over) => over_limit(over),
        },
        Trouble::OverLimit(over) => over_limit(over),
        Trouble::ParserStopped => line("catalogue", t().parser_stopped),
        Trouble::ParserTimedOut => line("catalogue", t().parser_timed_out),
        Trouble::SourcesBusy { secs } => line(
            "catalogue",
            &fill(t().sources_lock_timed_out, &[("secs", &secs.to_string())]),
        ),
        Trouble::IndexWithoutPages { name } => line(name, t().index_without_pages),
        Trouble::UnreadableFile { name } => line(name, t().source_unreadable_file),
        Trouble::WouldLose { count, first } => line(
            "catalogue",
            &plural(&t().refresh_would_lose, *count, &[("first", first)]),
        ),
    }
}

#[component]
pub fn JobStatus() -> impl IntoView {
    let loader = use_loader();
    let job = loader.job;
    let applied = move |f: fn(&Applied) -> String| {
        job.with(|j| match j {
            Job::Applied(a) => Some(f(a)),
            _ => None,
        })
    };
    let problems = move || match job.get() {
        Job::Refused(problems) => Some(view! {
            <details class="catalogue-problems" open=true>
                <summary>{move || t().problems_summary}</summary>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| view! { <li><code>{move || trouble_line(&p)}</code></li> })
                        .collect_view()}
                </ul>
            </details>
        }),
        _ => None,
    };
    view! {
        // The figures as attributes too, for bench/catalogue-load.mjs.
        <p
            class="catalogue-job"
            role="status"
            data-state=move || job.with(Job::code)
            data-parse-ms=move || applied(|a| a.parse_ms.to_string())
            data-store-ms=move || applied(|a| a.store_ms.to_string())
            data-stored-bytes=move || applied(|a| a.stored_bytes.map(|b| b.to_string()).unwrap_or_default())
        >
            // Worded from a copy: inside `job.with` the language read was not tracked.
            {move || describe(&job.get())}
        </p>
        {problems}
    }
}
