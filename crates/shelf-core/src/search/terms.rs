//! Terms: what the search box's text means.
//!
//! The text is folded and split on whitespace; every term must occur (as a
//! plain substring, since CJK text has no spaces) in a video's title or
//! summary. Nothing in a term is special: `.*+?` are just characters.

use super::fold::fold_char;

/// Only this much of the search box is read, so a pasted novel costs no more
/// than a long query.
pub const MAX_QUERY_CHARS: usize = 200;
/// Terms after this many are ignored.
pub const MAX_TERMS: usize = 16;

/// Folded, distinct terms, none contained in another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms(Vec<String>);

impl Terms {
    pub fn parse(text: &str) -> Terms {
        let folded: String = text.chars().take(MAX_QUERY_CHARS).map(fold_char).collect();
        Terms::from_folded(
            folded
                .split_whitespace()
                .take(MAX_TERMS)
                .map(str::to_string),
        )
    }

    /// Terms from words already folded: distinct, none contained in another.
    pub(super) fn from_folded(words: impl IntoIterator<Item = String>) -> Terms {
        let mut terms: Vec<String> = Vec::new();
        for word in words {
            if !word.is_empty() && !terms.contains(&word) {
                terms.push(word);
            }
        }
        Terms(drop_contained(terms))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// A term found inside another adds nothing to an AND match (the longer one
/// implies it) and would only cut the longer one's highlight into pieces.
fn drop_contained(terms: Vec<String>) -> Vec<String> {
    terms
        .iter()
        .filter(|t| !terms.iter().any(|o| o != *t && o.contains(t.as_str())))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Terms::parse(text).iter().map(str::to_string).collect()
    }

    #[test]
    fn splits_on_any_whitespace_after_folding() {
        assert_eq!(
            terms("  GAN\tＢＥＲＴ\u{3000}機器學習\n"),
            ["gan", "bert", "机器学习"]
        );
        assert!(Terms::parse("").is_empty());
        assert!(Terms::parse(" \u{3000}\t\n").is_empty());
    }

    #[test]
    fn duplicates_and_contained_terms_are_dropped() {
        assert_eq!(terms("gan GAN ｇａｎ"), ["gan"]);
        assert_eq!(
            terms("learn learning 學習 機器學習"),
            ["learning", "机器学习"]
        );
    }

    #[test]
    fn special_characters_are_literal() {
        assert_eq!(
            terms(".* a+ (b) [c] {d} e|f \\ ^ $ ? 🤖 \u{FFFD}"),
            [".*", "a+", "(b)", "[c]", "{d}", "e|f", "\\", "^", "$", "?", "🤖", "\u{FFFD}"]
        );
    }

    #[test]
    fn long_queries_are_capped() {
        let many: String = (0..100).map(|i| format!("w{i:03} ")).collect();
        let t = Terms::parse(&many);
        assert_eq!(t.len(), MAX_TERMS);
        assert_eq!(t.iter().next(), Some("w000"));

        let long = "字".repeat(10_000);
        let t = Terms::parse(&long);
        assert_eq!(
            t.iter().next().map(|s| s.chars().count()),
            Some(MAX_QUERY_CHARS)
        );
    }
}
