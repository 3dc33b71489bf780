//! "10 of 40 lectures loaded · missing 1–30": how complete a course is in
//! this catalogue, judged from its lecture numbers. Silent when complete.

use leptos::prelude::*;
use shelf_core::assignment::coverage;

use crate::context::use_catalogue;
use crate::i18n::t;
use crate::ui::study::util::fill;

/// `1, 2, 3, 5` → `1–3, 5`.
fn spans(numbers: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        let mut end = start;
        while i + 1 < numbers.len() && numbers[i + 1] == end + 1 {
            i += 1;
            end = numbers[i];
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    out.join(", ")
}

#[component]
pub fn CoverageNote(#[prop(into)] series_id: Signal<String>) -> impl IntoView {
    let catalogue = use_catalogue();
    let found = Memo::new(move |_| series_id.with(|id| coverage(catalogue, id)));
    move || {
        found.with(|c| match c.expected {
            Some(expected) if expected > c.loaded => {
                let text = fill(
                    t().coverage_partial,
                    &[
                        ("loaded", &c.loaded.to_string()),
                        ("expected", &expected.to_string()),
                        ("missing", &spans(&c.missing_lectures)),
                    ],
                );
                Some(view! { <p class="coverage-note">{text}</p> })
            }
            _ => None,
        })
    }
}
