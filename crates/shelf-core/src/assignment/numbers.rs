//! Lecture references in pasted text: 第8講, 第八講, 第十二講, Lecture 8, L8.
//!
//! Everything here reads *folded* text (see [`crate::search::fold`]), so 講
//! has already become 讲 and full-width digits ASCII ones.

use std::ops::Range;

pub(crate) use crate::numerals::{chinese_number, is_numeral_char};

/// What may close a 第N… reference (folded: 講 → 讲, 課 → 课).
const ZH_CLOSERS: [char; 2] = ['讲', '课'];

/// English words that introduce a lecture number, longest first so
/// "lecture" is not read as "l" + "ecture". Only "l" must touch its digits.
const EN_WORDS: [&str; 3] = ["lecture", "lec", "l"];

/// The first lecture reference in `folded`: its number and byte range.
pub(crate) fn lecture_ref(folded: &str) -> Option<(u32, Range<usize>)> {
    zh_ref(folded).or_else(|| en_ref(folded))
}

/// 第 [spaces] (digits | Chinese numeral) [spaces] 讲/课.
fn zh_ref(folded: &str) -> Option<(u32, Range<usize>)> {
    folded.match_indices('第').find_map(|(start, _)| {
        let after = start + '第'.len_utf8();
        let body = &folded[after..];
        let trimmed = body.trim_start();
        let numeral_len = trimmed
            .find(|c: char| !(c.is_ascii_digit() || is_numeral_char(c)))
            .unwrap_or(trimmed.len());
        let numeral = &trimmed[..numeral_len];
        let tail = trimmed[numeral_len..].trim_start();
        let closer = tail.chars().next().filter(|c| ZH_CLOSERS.contains(c))?;
        let n = number(numeral)?;
        let end = folded.len() - tail.len() + closer.len_utf8();
        Some((n, start..end))
    })
}

/// "lecture 8", "lec. 8", "l8" at a word start, not followed by a letter.
fn en_ref(folded: &str) -> Option<(u32, Range<usize>)> {
    folded.char_indices().find_map(|(start, _)| {
        let word_start = folded[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !word_start {
            return None;
        }
        EN_WORDS.iter().find_map(|word| {
            let rest = folded[start..].strip_prefix(word)?;
            let rest = if word.len() > 1 {
                rest.trim_start_matches(['.', ' '])
            } else {
                rest
            };
            let digits = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let after = rest[digits..].chars().next();
            if digits == 0 || after.is_some_and(char::is_alphabetic) {
                return None;
            }
            let end = folded.len() - rest.len() + digits;
            Some((rest[..digits].parse().ok()?, start..end))
        })
    })
}

/// ASCII digits or a Chinese numeral.
pub(crate) fn number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    chinese_number(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold;

    fn lecture(text: &str) -> Option<u32> {
        lecture_ref(&fold(text)).map(|(n, _)| n)
    }

    #[test]
    fn chinese_numerals() {
        for (text, n) in [
            ("零", 0),
            ("〇", 0),
            ("一", 1),
            ("八", 8),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十五", 25),
            ("九十九", 99),
            ("百", 100),
            ("一百", 100),
            ("一百零五", 105),
            ("一百五", 150),
            ("一百二十三", 123),
            ("两百", 200),
            ("二〇二四", 2024),
        ] {
            assert_eq!(chinese_number(text), Some(n), "{text}");
        }
        for bad in ["", "十十", "十百", "十二三", "零十", "第", "a"] {
            assert_eq!(chinese_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_written_form_of_a_lecture_number() {
        for (text, n) in [
            ("第8講", 8),
            ("第0講：課程說明", 0),
            ("第 8 講", 8),
            ("第八講", 8),
            ("第十講", 10),
            ("第十二講", 12),
            ("第二十講", 20),
            ("第二十一講", 21),
            ("第〇講", 0),
            ("第８講", 8), // full width
            ("第8讲", 8),
            ("第三課", 3),
            ("至少看到第八講，能看完最好", 8),
            ("Lecture 8", 8),
            ("lecture 12: Transformer", 12),
            (
                "[ML 2021 (English version)] Lecture 27: Domain Adaptation",
                27,
            ),
            ("ML Lecture 21-2: RNN", 21),
            ("Lec. 4", 4),
            ("L8", 8),
            ("GenAI 2024 L8", 8),
            ("(L3)", 3),
        ] {
            assert_eq!(lecture(text), Some(n), "{text}");
        }
        for none in [
            "ML2021",
            "第八章",
            "第八",
            "Lecturer 8",
            "L8b",
            "HTML5",
            "Level 8",
            "lecture notes",
        ] {
            assert_eq!(lecture(none), None, "{none}");
        }
    }

    #[test]
    fn the_reference_span_covers_the_whole_reference() {
        let text = fold("機器學習 2021 第十二講");
        let (_, span) = lecture_ref(&text).unwrap();
        assert_eq!(&text[span], "第十二讲");
        let text = fold("GenAI 2024 Lecture 8!");
        let (_, span) = lecture_ref(&text).unwrap();
        assert_eq!(&text[span], "lecture 8");
    }
}
