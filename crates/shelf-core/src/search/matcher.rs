//! Matching terms against one video's folded text, and finding what to
//! highlight.

use std::ops::Range;

use super::fold::Folded;
use super::terms::Terms;

/// How a video's text met the terms: all of them occur in the title or the
/// summary, and `title_terms` of them in the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextMatch {
    pub title_terms: usize,
}

/// `None` when some term occurs in neither the title nor the summary.
///
/// The title is checked first for every term (it is short and decides the
/// ranking); the long summary only for terms the title lacks.
pub fn match_text(title: &str, summary: Option<&str>, terms: &Terms) -> Option<TextMatch> {
    let mut title_terms = 0;
    for term in terms.iter() {
        if title.contains(term) {
            title_terms += 1;
        } else if !summary.is_some_and(|s| s.contains(term)) {
            return None;
        }
    }
    Some(TextMatch { title_terms })
}

/// Every occurrence of every term in `folded`, as sorted, merged ranges of
/// the folded text.
pub fn occurrences(folded: &str, terms: &Terms) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .flat_map(|t| folded.match_indices(t).map(|(i, m)| i..i + m.len()))
        .collect();
    merge(&mut ranges);
    ranges
}

/// Sorts ranges and joins those that overlap or touch, so a highlight never
/// nests or splits a word in two. Works in place: it runs for every hit.
pub fn merge(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut kept = 0usize;
    for i in 0..ranges.len() {
        let r = ranges[i].clone();
        match kept.checked_sub(1).map(|last| &mut ranges[last]) {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => {
                ranges[kept] = r;
                kept += 1;
            }
        }
    }
    ranges.truncate(kept);
}

/// Highlight ranges in `original` for every term occurrence in its folded
/// form; ranges that would not fall on `original`'s character boundaries
/// (a `Folded` made from other text) are left out rather than handed on.
pub fn highlights(original: &str, folded: &Folded, terms: &Terms) -> Vec<Range<usize>> {
    occurrences(folded.as_str(), terms)
        .into_iter()
        .map(|r| folded.original_range(r))
        .filter(|r| r.start < r.end && original.get(r.clone()).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(title: &str, summary: Option<&str>, q: &str) -> Option<usize> {
        let title = Folded::new(title);
        let summary = summary.map(Folded::new);
        match_text(
            title.as_str(),
            summary.as_ref().map(Folded::as_str),
            &Terms::parse(q),
        )
        .map(|m| m.title_terms)
    }

    #[test]
    fn every_term_must_occur_in_title_or_summary() {
        let (t, s) = ("【機器學習2023】GAN", Some("生成對抗網路 Diffusion"));
        assert_eq!(m(t, s, "机器学习 gan"), Some(2));
        assert_eq!(m(t, s, "gan diffusion"), Some(1));
        assert_eq!(m(t, s, "diffusion 对抗"), Some(0));
        assert_eq!(m(t, s, "gan bert"), None);
        assert_eq!(m(t, None, "diffusion"), None);
        assert_eq!(m(t, s, ""), Some(0));
    }

    #[test]
    fn regex_characters_match_only_themselves() {
        assert_eq!(m("a.b (c)", None, "a.b"), Some(1));
        assert_eq!(m("axb", None, "a.b"), None);
        assert_eq!(m("axb", None, ".*"), None);
        assert_eq!(m("(c)", None, "(c)"), Some(1));
    }

    #[test]
    fn overlapping_and_touching_ranges_merge() {
        let mut r = vec![5..7, 0..2, 1..3, 3..4, 9..10];
        merge(&mut r);
        assert_eq!(r, vec![0..4, 5..7, 9..10]);
    }

    #[test]
    fn highlights_land_on_the_original_text() {
        let title = "【ＧＡＮ】生成對抗網路 (GAN) gan";
        let h = highlights(title, &Folded::new(title), &Terms::parse("gan 对抗"));
        let parts: Vec<&str> = h.iter().map(|r| &title[r.clone()]).collect();
        assert_eq!(parts, ["ＧＡＮ", "對抗", "GAN", "gan"]);
    }

    #[test]
    fn highlights_from_foreign_folded_text_are_dropped() {
        let folded = Folded::new("ＧＡＮ");
        assert!(highlights("gan", &folded, &Terms::parse("gan")).is_empty());
        let folded = Folded::new("abc gan");
        assert!(highlights("機器", &folded, &Terms::parse("gan")).is_empty());
    }
}
