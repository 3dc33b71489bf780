//! What the loader is doing or last did, and the problems that stopped it.

use leptos::prelude::*;

use crate::i18n::t;
use crate::loader::{use_loader, Applied, Job, Step};
use crate::ui::study::util::fill;

fn size(chars: usize) -> String {
    // IndexedDB keeps strings as UTF-16: two bytes a code unit.
    let bytes = chars as f64 * 2.0;
    if bytes >= 1_048_576.0 {
        format!("{:.1} MB", bytes / 1_048_576.0)
    } else {
        format!("{:.0} KB", bytes / 1024.0)
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
            let mut text = fill(
                t().job_applied,
                &[
                    ("before", &a.before.to_string()),
                    ("after", &a.after.to_string()),
                    ("pages", &a.pages.to_string()),
                ],
            );
            text.push(' ');
            match a.stored_chars {
                Some(chars) => {
                    text += &fill(
                        t().job_applied_detail,
                        &[
                            ("parse", &format!("{:.0}", a.parse_ms)),
                            ("store", &format!("{:.0}", a.store_ms)),
                            ("size", &size(chars)),
                        ],
                    )
                }
                None => text += t().job_not_stored,
            }
            text
        }
        Job::Unchanged => t().job_unchanged.to_string(),
        Job::Refused(problems) => fill(t().job_refused, &[("n", &problems.len().to_string())]),
        Job::Failed(message) => message.clone(),
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
                    {problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
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
            data-parse-ms=move || applied(|a| format!("{:.1}", a.parse_ms))
            data-store-ms=move || applied(|a| format!("{:.1}", a.store_ms))
            data-stored-bytes=move || applied(|a| a.stored_chars.map(|c| (c * 2).to_string()).unwrap_or_default())
        >
            {move || job.with(describe)}
        </p>
        {problems}
    }
}
