//! Matching terms against one video's folded text, and finding what to
//! highlight.

use std::ops::Range;

use super::fold::Folded;
use super::terms::Terms;
use super::understand::Understood;

/// Where a video met one term of an understood query. A title match ranks
/// above a course or lecture match, which ranks above a summary match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Title,
    /// The video's series or lecture number.
    Meta,
    Summary,
}

/// How a video met an understood query: `matched` of its terms (plain
/// words, courses, lectures), `title_terms` of them in the title and
/// `meta_terms` by its series or lecture number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntryMatch {
    pub matched: usize,
    pub title_terms: usize,
    pub meta_terms: usize,
}

impl EntryMatch {
    /// Counts one term; false when the match is over (`all` and unmet).
    fn add(&mut self, level: Option<Level>, all: bool) -> bool {
        match level {
            Some(level) => {
                self.matched += 1;
                match level {
                    Level::Title => self.title_terms += 1,
                    Level::Meta => self.meta_terms += 1,
                    Level::Summary => {}
                }
                true
            }
            None => !all,
        }
    }
}

/// One video against an understood query. With `all`, `None` unless every
/// term is met (stopping at the first that is not); without, `None` only
/// when no term is. Course and lecture terms go first: an integer compare
/// settles most videos before any text is read.
pub fn match_entry(
    title: &str,
    summary: Option<&str>,
    series: usize,
    lecture: Option<u32>,
    query: &Understood,
    all: bool,
) -> Option<EntryMatch> {
    let mut m = EntryMatch::default();
    for term in &query.series {
        let level = if term.series == series {
            Some(Level::Meta)
        } else {
            text_level(title, summary, term.words.iter())
        };
        if !m.add(level, all) {
            return None;
        }
    }
    for term in &query.lectures {
        let level = if lecture == Some(term.number) {
            Some(Level::Meta)
        } else {
            text_level(title, summary, [term.text.as_str()].into_iter())
        };
        if !m.add(level, all) {
            return None;
        }
    }
    for term in query.terms.iter() {
        if !m.add(text_level(title, summary, [term].into_iter()), all) {
            return None;
        }
    }
    (m.matched > 0 || query.len() == 0).then_some(m)
}

/// Title when every word is in the title; summary when each is in one of
/// the two; `None` when some word is in neither.
fn text_level<'a>(
    title: &str,
    summary: Option<&str>,
    words: impl Iterator<Item = &'a str>,
) -> Option<Level> {
    let mut level = Level::Title;
    for word in words {
        if title.contains(word) {
            continue;
        }
        if summary.is_some_and(|s| s.contains(word)) {
            level = Level::Summary;
        } else {
            return None;
        }
    }
    Some(level)
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
        let query = Understood {
            terms: Terms::parse(q),
            ..Understood::default()
        };
        match_entry(
            title.as_str(),
            summary.as_ref().map(Folded::as_str),
            usize::MAX,
            None,
            &query,
            true,
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
