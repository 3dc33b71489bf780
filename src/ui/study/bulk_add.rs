//! Adds many videos to a playlist at once: the selected results, or all of them. (stub)

use leptos::prelude::*;

#[component]
pub fn BulkAdd(
    /// The ids of the selected results.
    selected: Signal<Vec<String>>,
    /// The ids of every result of the current filter, in result order.
    all_results: Signal<Vec<String>>,
) -> impl IntoView {
    let _ = (selected, all_results);
}
