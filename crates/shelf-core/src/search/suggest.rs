//! "Did you mean": the catalogue's own words nearest a word that finds
//! nothing ("attension" → attention, "transfomer" → transformer).
//!
//! The vocabulary is every Latin word of the folded titles and summaries,
//! collected once with the index. Only a word that occurs in no video is
//! looked up, so a query that finds something pays nothing; CJK words are
//! never corrected (they match as substrings, with no word edges to trust).

use std::collections::HashMap;

/// Words shorter than this are neither collected nor corrected: at three
/// letters almost anything is one edit from something.
const MIN_WORD: usize = 4;
/// Longer words are no vocabulary (URLs, hashes).
const MAX_WORD: usize = 24;
/// At most this many suggestions are offered.
pub const MAX_SUGGESTIONS: usize = 3;

/// The catalogue's Latin words, folded, each with how many times it occurs
/// (a tie between suggestions goes to the commoner word).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    words: Vec<(String, u32)>,
}

impl Vocabulary {
    /// From folded texts.
    pub fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for text in texts {
            for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
                if is_word(word) {
                    *counts.entry(word).or_default() += 1;
                }
            }
        }
        let mut words: Vec<(String, u32)> = counts
            .into_iter()
            .map(|(w, n)| (w.to_string(), n))
            .collect();
        words.sort_unstable();
        Vocabulary { words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The nearest words to folded `term`, nearest (then commonest) first;
    /// none for a term that is not a Latin word. `clear` when exactly one
    /// word is nearest, so searching with it needs no asking.
    pub fn nearest(&self, term: &str) -> Nearest {
        if !is_word(term) {
            return Nearest::default();
        }
        let max = max_edits(term.len());
        let mut found: Vec<(usize, u32, &str)> = self
            .words
            .iter()
            .filter(|(w, _)| w.len().abs_diff(term.len()) <= max && w != term)
            .filter_map(|(w, n)| {
                let d = distance(term.as_bytes(), w.as_bytes(), max)?;
                Some((d, *n, w.as_str()))
            })
            .collect();
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        let clear = match found.as_slice() {
            [only] => Some(only),
            [first, second, ..] if first.0 < second.0 => Some(first),
            _ => None,
        }
        .map(|f| f.2.to_string());
        Nearest {
            words: found
                .iter()
                .take(MAX_SUGGESTIONS)
                .map(|f| f.2.to_string())
                .collect(),
            clear,
        }
    }
}

/// What [`Vocabulary::nearest`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Nearest {
    pub words: Vec<String>,
    /// The one nearest word, when no other is as near.
    pub clear: Option<String>,
}

fn is_word(word: &str) -> bool {
    (MIN_WORD..=MAX_WORD).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// One slip for a short word, two for a longer one.
fn max_edits(len: usize) -> usize {
    if len <= 5 {
        1
    } else {
        2
    }
}

/// Edit distance with adjacent swaps (optimal string alignment), or `None`
/// when it is over `max`: a row whose every cell is over `max` ends it.
fn distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::new(
            [
                "attention is all you need",
                "self-attention (上) transformer",
                "transformers and attention",
                "diffusion model 模型",
            ]
            .into_iter(),
        )
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance(b"attension", b"attention", 2), Some(1));
        assert_eq!(distance(b"transfomer", b"transformer", 2), Some(1));
        assert_eq!(distance(b"tarnsformer", b"transformer", 2), Some(1));
        assert_eq!(distance(b"abc", b"xyz", 2), None);
        assert_eq!(distance(b"", b"ab", 2), Some(2));
    }

    #[test]
    fn misspellings_get_the_nearest_words_nonsense_none() {
        let v = vocab();
        let n = v.nearest("attension");
        assert_eq!(n.clear.as_deref(), Some("attention"));
        assert_eq!(
            v.nearest("transfomer").clear.as_deref(),
            Some("transformer")
        );
        assert_eq!(v.nearest("difusion").words, ["diffusion"]);
        assert_eq!(v.nearest("zzqx"), Nearest::default());
        assert_eq!(v.nearest("qwertyuiop"), Nearest::default());
        // Not Latin words: never corrected.
        assert_eq!(v.nearest("模形"), Nearest::default());
        assert_eq!(v.nearest("2204"), Nearest::default());
        assert_eq!(v.nearest("atn"), Nearest::default());
    }

    #[test]
    fn two_equally_near_words_are_offered_not_chosen() {
        let v = Vocabulary::new(["model modes"].into_iter());
        let n = v.nearest("mode");
        assert_eq!(n.clear, None);
        assert_eq!(n.words.len(), 2);
    }
}
