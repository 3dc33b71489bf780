//! Snippets: a short piece of the summary around its first match, so a hit
//! found only in the summary shows why it was found.

use std::ops::Range;

use super::fold::Folded;
use super::matcher::occurrences;
use super::terms::Terms;

/// Characters of context kept before the first match (fewer when the line
/// starts sooner: the snippet does not reach back into the previous line).
const CONTEXT_BEFORE: usize = 24;
/// Characters in a snippet, ellipses aside; more only when the first match
/// itself is longer.
const WIDTH: usize = 80;
const ELLIPSIS: &str = "…";

/// A piece of summary text with its own highlight ranges (byte offsets into
/// `text`). `text` starts or ends with "…" where it was cut, and its line
/// breaks are spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// The snippet around the first match of any term in `original`, whose
/// folded form is `folded`; `None` when no term occurs in it.
pub fn snippet(original: &str, folded: &Folded, terms: &Terms) -> Option<Snippet> {
    let text = folded.as_str();
    let first = first_match(text, terms)?;
    let window = window(text, &first);
    let marks = window_marks(text, &window, terms);

    let orig = folded.original_range(window.clone());
    let piece = original.get(orig.clone())?;
    let prefix = if orig.start > 0 { ELLIPSIS } else { "" };
    let suffix = if orig.end < original.len() {
        ELLIPSIS
    } else {
        ""
    };

    let mut out = String::with_capacity(prefix.len() + piece.len() + suffix.len());
    out.push_str(prefix);
    // Byte for byte (ASCII controls only), so highlight offsets still hold.
    out.extend(
        piece
            .chars()
            .map(|c| if c.is_ascii_control() { ' ' } else { c }),
    );
    out.push_str(suffix);

    let highlights = marks
        .into_iter()
        .map(|r| folded.original_range(r))
        .filter(|r| original.get(r.clone()).is_some())
        .map(|r| {
            let shift = |at: usize| at.saturating_sub(orig.start) + prefix.len();
            shift(r.start)..shift(r.end)
        })
        .collect();
    Some(Snippet {
        text: out,
        highlights,
    })
}

/// The earliest occurrence of any term (the longest one on a tie).
fn first_match(text: &str, terms: &Terms) -> Option<Range<usize>> {
    terms
        .iter()
        .filter_map(|t| text.find(t).map(|i| i..i + t.len()))
        .min_by_key(|r| (r.start, usize::MAX - r.end))
}

/// The folded byte range to show: some context before the match, on the
/// same line, then up to `WIDTH` characters, trimmed of edge whitespace.
fn window(text: &str, first: &Range<usize>) -> Range<usize> {
    let mut start = first.start;
    for (i, c) in text[..first.start]
        .char_indices()
        .rev()
        .take(CONTEXT_BEFORE)
    {
        if c == '\n' {
            break;
        }
        start = i;
    }
    let end = text[start..]
        .char_indices()
        .nth(WIDTH)
        .map_or(text.len(), |(i, _)| start + i)
        .max(first.end);

    let lead = text[start..first.start].len() - text[start..first.start].trim_start().len();
    let trail = text[first.end..end].len() - text[first.end..end].trim_end().len();
    start + lead..end - trail
}

/// Term occurrences inside the window, in folded offsets.
fn window_marks(text: &str, window: &Range<usize>, terms: &Terms) -> Vec<Range<usize>> {
    let mut marks = occurrences(&text[window.clone()], terms);
    for r in &mut marks {
        *r = r.start + window.start..r.end + window.start;
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snip(original: &str, q: &str) -> Option<Snippet> {
        snippet(original, &Folded::new(original), &Terms::parse(q))
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn short_summary_is_shown_whole() {
        let s = snip("Diffusion Model 原理", "ＤＩＦＦＵＳＩＯＮ").unwrap();
        assert_eq!(s.text, "Diffusion Model 原理");
        assert_eq!(marked(&s), ["Diffusion"]);
    }

    #[test]
    fn long_summary_is_cut_around_the_first_match_with_ellipses() {
        let original = format!("{}機器學習的原理{}", "前".repeat(100), "後".repeat(100));
        let s = snip(&original, "机器学习").unwrap();
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(marked(&s), ["機器學習"]);
        let chars = s.text.chars().count();
        assert!((60..=WIDTH + 2).contains(&chars), "{chars}");
        assert_eq!(
            s.text.chars().filter(|&c| c == '前').count(),
            CONTEXT_BEFORE
        );
    }

    #[test]
    fn context_stays_on_the_matching_line_and_breaks_become_spaces() {
        let s = snip("第一行很長很長\n第二行有 GAN 的內容\n第三行", "gan").unwrap();
        assert_eq!(s.text, "…第二行有 GAN 的內容 第三行");
        assert_eq!(marked(&s), ["GAN"]);
    }

    #[test]
    fn all_terms_in_the_window_are_marked_and_full_width_maps_back() {
        let s = snip("介紹 ＧＡＮ 與 VAE，還有 gan 的變形", "vae gan").unwrap();
        assert_eq!(marked(&s), ["ＧＡＮ", "VAE", "gan"]);
    }

    #[test]
    fn only_ascii_controls_become_spaces() {
        let s = snip("a\tb\u{85}GAN\u{7F}c\r\nd", "gan").unwrap();
        assert_eq!(s.text, "a b\u{85}GAN c  d");
        assert_eq!(marked(&s), ["GAN"]);
    }

    #[test]
    fn no_match_means_no_snippet() {
        assert_eq!(snip("Transformer", "bert"), None);
        assert_eq!(snip("Transformer", ""), None);
        assert_eq!(snip("", "a"), None);
    }

    #[test]
    fn a_long_match_is_kept_whole() {
        let term = "長".repeat(150);
        let original = format!("開頭{term}結尾");
        let s = snip(&original, &term).unwrap();
        assert_eq!(marked(&s), [term.as_str()]);
    }
}
