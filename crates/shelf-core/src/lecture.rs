//! Lecture numbers and parts written in titles: 第N講, Lecture N, (N/M),
//! (一)(二)(三), (上)(中)(下), (Part II).

use std::sync::OnceLock;

use regex::Regex;

use crate::catalogue::Part;

/// 上/中/下 ("first/middle/last part") as ordinals.
const POSITION_WORDS: [(&str, u32); 3] = [("上", 1), ("中", 2), ("下", 3)];

const ROMAN: [(&str, u32); 6] = [
    ("I", 1),
    ("II", 2),
    ("III", 3),
    ("IV", 4),
    ("V", 5),
    ("VI", 6),
];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleMarkers {
    pub lecture: Option<u32>,
    pub part: Option<Part>,
    /// The title up to its part marker: parts of one topic share it.
    pub topic: String,
}

struct Patterns {
    lecture_zh: Regex,
    lecture_en: Regex,
    part: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        lecture_zh: Regex::new(r"第\s*([0-9]+|[零一二三四五六七八九十]+)\s*講").unwrap(),
        // "Lecture 21-2", "Theory 1-1": the second number is a part.
        lecture_en: Regex::new(r"\b(?:Lecture|Theory)\s+([0-9]+)(?:-([0-9]+))?").unwrap(),
        part: Regex::new(
            r"(?i)\(\s*(?:([0-9]+)\s*/\s*([0-9]+)|([一二三四五六七八九十]+)|(上|中|下)|part\s+([0-9]+|I|II|III|IV|V|VI))\s*\)|-\s*Part\s+([0-9]+)\b",
        )
        .unwrap(),
    })
}

pub fn title_markers(title: &str) -> TitleMarkers {
    let p = patterns();
    let mut markers = TitleMarkers {
        topic: title.to_string(),
        ..Default::default()
    };
    let mut sub_part = None;
    if let Some(c) = p.lecture_zh.captures(title) {
        markers.lecture = number(&c[1]);
    } else if let Some(c) = p.lecture_en.captures(title) {
        markers.lecture = c[1].parse().ok();
        sub_part = c.get(2).and_then(|m| m.as_str().parse().ok());
    }
    if let Some(c) = p.part.captures(title) {
        let whole = c.get(0).expect("match");
        let n = if let (Some(n), Some(of)) = (c.get(1), c.get(2)) {
            n.as_str().parse().ok().map(|n| Part {
                n,
                of: of.as_str().parse().ok(),
            })
        } else {
            let text = (3..=6).find_map(|i| c.get(i)).map_or("", |m| m.as_str());
            number(text)
                .or_else(|| {
                    POSITION_WORDS
                        .iter()
                        .find(|(w, _)| *w == text)
                        .map(|(_, n)| *n)
                })
                .or_else(|| {
                    ROMAN
                        .iter()
                        .find(|(r, _)| r.eq_ignore_ascii_case(text))
                        .map(|(_, n)| *n)
                })
                .map(|n| Part { n, of: None })
        };
        if n.is_some() {
            markers.part = n;
            markers.topic = title[..whole.start()].trim_end().to_string();
        }
    }
    if markers.part.is_none() {
        markers.part = sub_part.map(|n| Part { n, of: None });
    }
    markers
}

/// Arabic digits or a Chinese numeral up to 99.
fn number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    crate::numerals::chinese_number(s).filter(|&n| n < 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lp(title: &str) -> (Option<u32>, Option<(u32, Option<u32>)>) {
        let m = title_markers(title);
        (m.lecture, m.part.map(|p| (p.n, p.of)))
    }

    #[test]
    fn lecture_numbers() {
        assert_eq!(
            lp("【生成式AI導論 2024】第10講：今日的語言模型"),
            (Some(10), None)
        );
        assert_eq!(
            lp("【生成式AI時代下的機器學習(2025)】第二講：一堂課搞懂 AI Agent"),
            (Some(2), None)
        );
        assert_eq!(
            lp("[ML 2021 (English version)] Lecture 27: Domain Adaptation"),
            (Some(27), None)
        );
        assert_eq!(
            lp("ML Lecture 21-2: Recurrent Neural Network (Part II)"),
            (Some(21), Some((2, None)))
        );
        assert_eq!(
            lp("ML Lecture 0-1: Introduction of Machine Learning"),
            (Some(0), Some((1, None)))
        );
        assert_eq!(
            lp("GAN Lecture 3 (2017): Improving Sequence Generation by GAN"),
            (Some(3), None)
        );
        assert_eq!(
            lp("Deep Learning Theory 2-3: Does Deep Network have Local Minima?"),
            (Some(2), Some((3, None)))
        );
    }

    #[test]
    fn parts() {
        assert_eq!(
            lp("[ML 2021 (English version)] Lecture 29: Introduction of Reinforcement Learning (RL) (2/5)"),
            (Some(29), Some((2, Some(5))))
        );
        assert_eq!(
            lp("【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (三) - Actor-Critic").1,
            Some((3, None))
        );
        assert_eq!(
            lp("【生成式AI導論 2024】第3講：訓練不了人工智慧？你可以訓練你自己 (下) — 讓語言").1,
            Some((3, None))
        );
        assert_eq!(
            lp("【生成式AI 2023】FrugalGPT: 來看看窮人怎麼用省錢的方式 (上)").1,
            Some((1, None))
        );
        assert_eq!(
            lp("【機器學習2022】自然語言處理上的對抗式攻擊 (由姜成翰助教講授) - Part 1").1,
            Some((1, None))
        );
        assert_eq!(
            lp("Linear Algebra Lecture 10: What can we know from RREF? (part 1)"),
            (Some(10), Some((1, None)))
        );
        assert_eq!(
            lp("【機器學習2021】元學習 Meta Learning (十一) - 萬物").1,
            Some((11, None))
        );
        assert_eq!(
            lp("80分鐘快速了解大型語言模型 (5:30 有咒術迴戰雷)"),
            (None, None)
        );
        assert_eq!(
            lp("[TA 補充課] More about Meta Learning (由助教陳建成同學講授) (2/2)").1,
            Some((2, Some(2)))
        );
    }

    #[test]
    fn topic_is_the_title_before_the_part() {
        let a = title_markers(
            "【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (三) - Actor-Critic",
        );
        let b = title_markers(
            "【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (五) - 如何從示範中學習？",
        );
        assert_eq!(a.topic, b.topic);
        assert_eq!(
            a.topic,
            "【機器學習2021】概述增強式學習 (Reinforcement Learning, RL)"
        );
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(number("十"), Some(10));
        assert_eq!(number("十二"), Some(12));
        assert_eq!(number("二十"), Some(20));
        assert_eq!(number("三十五"), Some(35));
        assert_eq!(number("百"), None);
        assert_eq!(number(""), None);
    }
}
