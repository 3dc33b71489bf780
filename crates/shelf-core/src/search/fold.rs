//! Folding: the one normal form that both the query and the catalogue text
//! are brought to before matching.
//!
//! Folding is a function of one character, applied character by character:
//! full-width forms become ASCII (ＧＡＮ → GAN), Traditional Han characters
//! become Simplified (機器學習 → 机器学习), and letters become lower case.
//! Because every character folds to exactly one character, a match in folded
//! text always corresponds to whole characters of the original, and
//! [`Folded`] can map it back for highlighting.
//!
//! It is deliberately *not* phrase conversion: 强化学习 and 增強式學習 stay
//! different words, and the same character folds the same way everywhere, so
//! a query folds exactly like the text it is looked for in.

use std::ops::Range;

/// Folds one character to its search form.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower(to_simplified(fold_width(c)))
}

/// Folds a whole string (for queries, where no way back is needed).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space are how
/// CJK input methods type Latin letters, digits and punctuation.
fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The CJK ideograph blocks the conversion table draws its keys from; other
/// characters skip the table look-up entirely.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Traditional → Simplified for one character, with no context.
///
/// The pairs are `fast2s`' own, taken one character at a time at build time
/// (`build.rs`): `fast2s` looks at neighbouring characters for a handful of
/// words (計畫, 乾隆, ...), and converting each character on its own keeps
/// folding context-free, so a one-character query folds like the same
/// character in a longer text. Every pair is one character for one.
fn to_simplified(c: char) -> char {
    if !is_han(c) {
        return c;
    }
    let Ok(key) = u16::try_from(u32::from(c)) else {
        return c;
    };
    match t2s::T2S.binary_search_by_key(&key, |&(t, _)| t) {
        Ok(i) => char::from_u32(u32::from(t2s::T2S[i].1)).unwrap_or(c),
        Err(_) => c,
    }
}

mod t2s {
    include!(concat!(env!("OUT_DIR"), "/t2s.rs"));
}

/// Lower case, one character for one: the only multi-character lowering in
/// Unicode (İ → i + combining dot) keeps its base letter, which is also what
/// a search for "i" expects.
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A folded text that remembers where its characters came from.
///
/// Most characters fold to a character of the same UTF-8 length, so offsets
/// move in step; only where they stop doing so (full-width forms, a few
/// case pairs) is an anchor kept. That keeps the map tiny for the whole
/// catalogue while still turning any folded range into an original one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// `(folded offset, original offset)` where the two stop moving in step;
    /// offsets after an anchor (up to the next) move together.
    anchors: Vec<(usize, usize)>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut anchors = Vec::new();
        let mut delta = 0isize;
        let mut anchor_at = |folded: usize, orig: usize, anchors: &mut Vec<(usize, usize)>| {
            let d = orig as isize - folded as isize;
            if d != delta {
                anchors.push((folded, orig));
                delta = d;
            }
        };
        for (orig, c) in original.char_indices() {
            anchor_at(text.len(), orig, &mut anchors);
            text.push(fold_char(c));
        }
        anchor_at(text.len(), original.len(), &mut anchors);
        Folded {
            text,
            anchors,
            original_len: original.len(),
        }
    }

    /// The folded text, to match folded terms against.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a folded character boundary.
    pub fn original_offset(&self, folded: usize) -> usize {
        let i = self.anchors.partition_point(|&(f, _)| f <= folded);
        let (f, o) = match i.checked_sub(1) {
            Some(i) => self.anchors[i],
            None => (0, 0),
        };
        o.saturating_add(folded.saturating_sub(f))
            .min(self.original_len)
    }

    /// The original byte range of a folded range (both ends on folded
    /// character boundaries).
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        self.original_offset(folded.start)..self.original_offset(folded.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_table_gives_what_fast2s_gives_for_every_character() {
        let mut converted = 0;
        for c in (0x3000..=0xFFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let expected = fast2s::convert(c.encode_utf8(&mut buf));
            let expected = if expected.chars().count() == 1 && is_han(c) {
                expected.chars().next().unwrap()
            } else {
                c
            };
            assert_eq!(to_simplified(c), expected, "{c} (U+{:04X})", c as u32);
            converted += usize::from(expected != c);
        }
        // The table is the per-character map, not a handful of entries.
        assert!(converted > 2_500, "only {converted} characters convert");
        assert!(
            t2s::T2S.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
    }

    #[test]
    fn case_and_width_fold_to_ascii_lower_case() {
        assert_eq!(fold("ＧＡＮ"), "gan");
        assert_eq!(fold("GaN"), fold("ｇａｎ"));
        assert_eq!(fold("１２３！？（）［］"), "123!?()[]");
        assert_eq!(fold("a\u{3000}b"), "a b");
        assert_eq!(fold("ÉCOLE Straße"), "école straße");
        assert_eq!(fold("İ"), "i");
    }

    #[test]
    fn traditional_and_simplified_fold_together() {
        assert_eq!(fold("機器學習"), fold("机器学习"));
        assert_eq!(fold("強化學習"), fold("强化学习"));
        assert_eq!(fold("機器學習"), "机器学习");
        // Character by character, not synonyms.
        assert!(!fold("增強式學習").contains(&fold("强化学习")));
    }

    #[test]
    fn folding_is_context_free() {
        // fast2s keeps 乾 in 乾隆 but makes it 干 elsewhere: search must not.
        assert_eq!(fold_char('乾'), fold("乾隆").chars().next().unwrap());
        assert_eq!(fold("計畫").chars().nth(1), Some(fold_char('畫')));
    }

    #[test]
    fn non_han_text_is_left_alone() {
        for s in [
            "【】「」…—",
            "🤖🎓",
            "\u{FFFD}",
            "한국어",
            "カタカナ",
            ".*+?()[]{}|\\^$",
        ] {
            assert_eq!(fold(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let original = "【ＧＡＮ】生成對抗網路 GAN";
        let folded = Folded::new(original);
        assert_eq!(folded.as_str(), "【gan】生成对抗网路 gan");
        for needle in ["gan", "对抗", "】"] {
            for (start, m) in folded.as_str().match_indices(needle) {
                let r = folded.original_range(start..start + m.len());
                assert_eq!(fold(&original[r]), needle);
            }
        }
        assert_eq!(
            folded.original_offset(folded.as_str().len()),
            original.len()
        );
        assert_eq!(folded.original_offset(usize::MAX), original.len());
    }

    #[test]
    fn same_length_text_needs_no_anchors() {
        assert!(Folded::new("機器學習 Lecture 1").anchors.is_empty());
        assert_eq!(Folded::new("ＡＢ").anchors.len(), 2);
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in any::<String>()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn every_folded_char_maps_to_the_char_it_came_from(
            s in "[a-zA-Z0-9 ＡＺａｚ０９！～\u{3000}機器學習强化İẞǅ🤖\u{FFFD}]{0,40}|\\PC{0,40}"
        ) {
            let folded = Folded::new(&s);
            prop_assert_eq!(folded.as_str().chars().count(), s.chars().count());
            for ((f, fc), (o, oc)) in folded.as_str().char_indices().zip(s.char_indices()) {
                prop_assert_eq!(folded.original_offset(f), o);
                prop_assert_eq!(fold_char(oc), fc);
            }
            prop_assert_eq!(folded.original_offset(folded.as_str().len()), s.len());
        }
    }
}
