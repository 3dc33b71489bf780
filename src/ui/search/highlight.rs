//! Text with `<mark>`ed ranges: search matches in titles and snippets.

use std::ops::Range;

use leptos::prelude::*;

/// `text` split at `ranges` (byte ranges on char boundaries, sorted, disjoint).
/// Ranges that do not fit the text are ignored rather than trusted.
pub fn highlighted(text: &str, ranges: &[Range<usize>]) -> AnyView {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges {
        let fits = range.start >= at
            && range.start < range.end
            && text.get(range.start..range.end).is_some()
            && text.is_char_boundary(range.start);
        if !fits {
            continue;
        }
        if range.start > at {
            parts.push(text[at..range.start].to_string().into_any());
        }
        parts.push(view! { <mark>{text[range.clone()].to_string()}</mark> }.into_any());
        at = range.end;
    }
    if at < text.len() {
        parts.push(text[at..].to_string().into_any());
    }
    parts.into_any()
}
