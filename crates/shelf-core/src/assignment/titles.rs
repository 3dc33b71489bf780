//! A pasted line against catalogue titles.
//!
//! Both sides are folded (case, width, Traditional→Simplified) and cut into
//! *units*: each Han (or kana, hangul) character is one unit, each run of
//! other letters and digits one word unit; spaces and punctuation only
//! separate. So "—" vs "–", "：" vs ":" or a missing space never matter.
//! The leading 【…】/[…] course tag is set aside (it names the series, see
//! [`super::names`]) and does not count towards a score.
//!
//! 1. **Exact**: the line's units equal a title's, both without a trailing
//!    remark — a parenthesis holding a timecode or a spoiler warning, like
//!    "(17:15 有芙莉蓮雷)", which slides copy with typos.
//! 2. **Partial**: the score is the share of the line's *adjacent unit
//!    pairs* that also occur in the title. Pairs, not single characters:
//!    Chinese titles share most of their characters (機, 學, 的), hardly any
//!    pairs by chance. A title scoring at least [`MATCH_THRESHOLD`] is a
//!    candidate; the best candidate wins alone when it leads the next by
//!    [`CLEAR_MARGIN`], otherwise the close ones are offered for the student
//!    to pick. A one-unit line ("Transformer", "ChatGPT") has no pairs and
//!    only matches exactly: one word is in a dozen titles. A line cut off
//!    with "…" loses its last word, which may be cut too.
//!
//! Limits: a misspelt English word is a missing unit (two pairs), so a
//! hand-typed English title with a typo may score below the threshold;
//! lines copied from YouTube or slides are what this is tuned for.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::catalogue::{Catalogue, Video};
use crate::ids::VideoId;
use crate::search::fold;

/// Share of a line's unit pairs a title must contain. The slide's copied
/// titles score 0.90–0.93 against their own (人工智能 for 人工智慧 costs two
/// of ~30 pairs), so 1.0 is too strict; the neighbouring lecture that shares
/// half the words ("訓練不了人工智慧？你可以訓練你自己", lectures 3–5)
/// scores 0.45. Lower than 0.8 starts taking the same topic of another
/// course for the one asked for: "Life Long Learning (1/7)" (ML 2019) scores
/// 0.75 against "Life-long Learning (1/2)" (ML 2021 English).
pub const MATCH_THRESHOLD: f64 = 0.8;

/// How far the best title must lead the runner-up to be taken without
/// asking: one pair in ten of the line. Parts of one topic differ by a
/// single pair ("(上)" vs "(下)"), so their scores differ by about this much
/// only on long lines, where the rest of the line decides anyway.
pub const CLEAR_MARGIN: f64 = 0.1;

/// At most this many titles are offered for one ambiguous line.
pub const MAX_CANDIDATES: usize = 5;

/// A trailing parenthesis holding one of these (or a timecode) is a remark,
/// not part of the title proper: 雷 = spoiler warning.
const REMARK_MARKERS: [&str; 2] = ["雷", "spoiler"];

/// How list views and slides mark a title cut short.
const ELLIPSES: [&str; 3] = ["…", "...", "⋯"];

/// Where to look for a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope<'s> {
    All,
    /// Only this series: the line's own tag named it, or a bound is looked
    /// up within its series.
    Only(&'s str),
    /// This series first (a heading named it), the rest when nothing there fits.
    Prefer(&'s str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    One(VideoId),
    /// At most [`MAX_CANDIDATES`], in course and lecture order.
    Several(Vec<VideoId>),
    Nothing,
}

/// A text cut for matching.
struct Shape {
    /// Units of the text without its tag.
    units: Vec<u64>,
    /// The same without a trailing remark.
    exact: Vec<u64>,
}

struct Entry<'a> {
    video: &'a Video,
    /// (the series' place in the catalogue, lecture order): how candidates
    /// are shown.
    rank: (usize, u32),
    exact: Vec<u64>,
    pairs: HashSet<u64>,
}

pub(crate) struct TitleIndex<'a> {
    entries: Vec<Entry<'a>>,
}

impl<'a> TitleIndex<'a> {
    pub(crate) fn new(catalogue: &'a Catalogue) -> TitleIndex<'a> {
        let entries = catalogue
            .videos
            .iter()
            .map(|video| {
                let shape = shape(&video.title);
                let series = catalogue.series.iter().position(|s| s.id == video.series);
                Entry {
                    video,
                    rank: (series.unwrap_or(usize::MAX), video.order),
                    pairs: pairs(&shape.units),
                    exact: shape.exact,
                }
            })
            .collect();
        TitleIndex { entries }
    }

    pub(crate) fn find(&self, line: &str, scope: Scope) -> Found {
        let line = line_shape(line);
        if line.units.is_empty() {
            return Found::Nothing;
        }
        let in_scope = |e: &Entry| match scope {
            Scope::All | Scope::Prefer(_) => true,
            Scope::Only(s) => e.video.series == s,
        };
        let exact: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| in_scope(e) && !line.exact.is_empty() && e.exact == line.exact)
            .collect();
        if !exact.is_empty() {
            return decide(preferred(exact, scope, |e| &e.video.series), |_| 1.0);
        }
        let scored: Vec<(f64, f64, &Entry)> = self
            .entries
            .iter()
            .filter(|e| in_scope(e) && line.units.len() > 1)
            .filter_map(|e| {
                let (score, reverse) = score(&line.units, e);
                (score >= MATCH_THRESHOLD).then_some((score, reverse, e))
            })
            .collect();
        let mut scored = preferred(scored, scope, |h| &h.2.video.series);
        // Best score first; among equals the title the line covers most
        // (the shortest that contains it), then catalogue order.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
        let entries: Vec<&Entry> = scored.iter().map(|s| s.2).collect();
        decide(entries, |i| scored[i].0)
    }
}

/// With [`Scope::Prefer`], the hits in that series when there are any.
fn preferred<T>(hits: Vec<T>, scope: Scope, series: impl Fn(&T) -> &str) -> Vec<T> {
    match scope {
        Scope::Prefer(s) if hits.iter().any(|h| series(h) == s) => {
            hits.into_iter().filter(|h| series(h) == s).collect()
        }
        _ => hits,
    }
}

/// One winner when it leads by [`CLEAR_MARGIN`], else the best few close
/// ones, shown in course and lecture order.
fn decide(hits: Vec<&Entry>, score: impl Fn(usize) -> f64) -> Found {
    match hits.len() {
        0 => Found::Nothing,
        1 => Found::One(hits[0].video.id.clone()),
        _ if score(0) - score(1) >= CLEAR_MARGIN => Found::One(hits[0].video.id.clone()),
        _ => {
            let mut close: Vec<&Entry> = hits
                .iter()
                .enumerate()
                .take_while(|&(i, _)| score(0) - score(i) < CLEAR_MARGIN)
                .take(MAX_CANDIDATES)
                .map(|(_, e)| *e)
                .collect();
            close.sort_by_key(|e| e.rank);
            Found::Several(close.iter().map(|e| e.video.id.clone()).collect())
        }
    }
}

/// (share of the line's pairs in the title, share of the title's pairs the
/// line has).
fn score(line: &[u64], title: &Entry) -> (f64, f64) {
    let mine = pairs(line);
    let shared = mine.intersection(&title.pairs).count() as f64;
    (
        shared / mine.len().max(1) as f64,
        shared / title.pairs.len().max(1) as f64,
    )
}

/// A pasted line's shape; one cut off with "…" loses its last word, which
/// the cut may have split.
fn line_shape(text: &str) -> Shape {
    let trimmed = text.trim_end();
    let Some(cut) = ELLIPSES.iter().find_map(|e| trimmed.strip_suffix(e)) else {
        return shape(text);
    };
    let mut shape = shape(cut);
    let last_is_word = fold(cut)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
    if last_is_word {
        shape.units.pop();
    }
    shape.exact.clear(); // a cut title equals no title
    shape
}

fn shape(text: &str) -> Shape {
    let folded = fold(text);
    let core = without_tag(folded.trim());
    let exact = without_remark(core);
    Shape {
        units: units(core),
        exact: units(exact),
    }
}

/// `folded` without a leading 【…】 or […] tag.
pub(crate) fn split_tag(folded: &str) -> (Option<&str>, &str) {
    for (open, close) in [('【', '】'), ('[', ']')] {
        if let Some(rest) = folded.strip_prefix(open) {
            if let Some((tag, rest)) = rest.split_once(close) {
                return (Some(tag), rest);
            }
        }
    }
    (None, folded)
}

fn without_tag(folded: &str) -> &str {
    split_tag(folded).1
}

/// `folded` without a trailing "(…)" that holds a timecode or a remark marker.
fn without_remark(folded: &str) -> &str {
    let text = folded.trim_end();
    let Some(inner_end) = text.strip_suffix(')').map(str::len) else {
        return folded;
    };
    let mut depth = 0;
    for (i, c) in text[..inner_end].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let inner = &text[i + 1..inner_end];
                let remark =
                    has_timecode(inner) || REMARK_MARKERS.iter().any(|m| inner.contains(m));
                return if remark { &text[..i] } else { folded };
            }
            _ => {}
        }
    }
    folded
}

/// "17:15", "1:02:30": a digit, a colon, two digits.
fn has_timecode(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    c.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == ':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// Characters written without spaces between words: each is a unit.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3007}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
}

/// The units of folded text, hashed: a CJK character is its code point with
/// the top bit set, a word its hash with the top bit clear, so the two never
/// collide.
fn units(folded: &str) -> Vec<u64> {
    const CHAR_BIT: u64 = 1 << 63;
    let mut units = Vec::new();
    let mut word = String::new();
    let end_word = |word: &mut String, units: &mut Vec<u64>| {
        if !word.is_empty() {
            units.push(hash(&*word) & !CHAR_BIT);
            word.clear();
        }
    };
    for c in folded.chars() {
        if is_cjk(c) {
            end_word(&mut word, &mut units);
            units.push(c as u64 | CHAR_BIT);
        } else if c.is_alphanumeric() {
            word.push(c);
        } else {
            end_word(&mut word, &mut units);
        }
    }
    end_word(&mut word, &mut units);
    units
}

fn pairs(units: &[u64]) -> HashSet<u64> {
    units.windows(2).map(|w| hash((w[0], w[1]))).collect()
}

fn hash(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_ignore_spacing_and_punctuation() {
        assert_eq!(units(&fold("機器學習 2021")), units(&fold("机器学习2021")));
        assert_eq!(
            units(&fold("(上) – 神奇咒語")),
            units(&fold("(上) — 神奇咒語"))
        );
        assert_eq!(units("self-attention").len(), 2);
        assert_eq!(units("第0讲").len(), 3);
    }

    #[test]
    fn remarks_are_trailing_timecodes_and_spoiler_warnings() {
        assert_eq!(
            without_remark("第0讲:课程说明 (17:15 有芙莉莲雷)").trim_end(),
            "第0讲:课程说明"
        );
        assert_eq!(without_remark("x (开头有芙莉莲雷,慎入)").trim_end(), "x");
        // Parts and topics stay: they tell titles apart.
        for kept in ["transformer (下)", "a (inverse rl)", "a (b (c))", "a)"] {
            assert_eq!(without_remark(kept), kept);
        }
    }

    #[test]
    fn tags_are_split_off() {
        assert_eq!(
            split_tag("【生成式ai导论 2024】第1讲"),
            (Some("生成式ai导论 2024"), "第1讲")
        );
        assert_eq!(split_tag("[ml 2021] x"), (Some("ml 2021"), " x"));
        assert_eq!(split_tag("【unclosed"), (None, "【unclosed"));
    }
}
