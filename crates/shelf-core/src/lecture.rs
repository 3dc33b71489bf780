//! Lecture numbers and parts written in titles: 第N講, Lecture N, (N/M),
//! (一)(二)(三), (上)(中)(下), (Part II) — and what a topic's group of parts
//! makes of 上/中/下.

use std::sync::OnceLock;

use regex::Regex;

const ROMAN: [(&str, u32); 6] = [
    ("I", 1),
    ("II", 2),
    ("III", 3),
    ("IV", 4),
    ("V", 5),
    ("VI", 6),
];

/// 上/中/下: the first, middle or last part. How many parts that makes is
/// not in the title; [`position_part`] reads it from the topic's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    First,
    Middle,
    Last,
}

impl Position {
    fn from_word(word: &str) -> Option<Position> {
        match word {
            "上" => Some(Position::First),
            "中" => Some(Position::Middle),
            "下" => Some(Position::Last),
            _ => None,
        }
    }
}

/// A part as one title writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartMarker {
    /// (2/5), (三), Part 3, "Lecture 21-2": the number as written (≥ 1), and
    /// a total only when the title writes one that is at least `n`.
    Numbered { n: u32, of: Option<u32> },
    /// (上)(中)(下).
    Position(Position),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleMarkers {
    pub lecture: Option<u32>,
    pub part: Option<PartMarker>,
    /// What the parts of one topic share: the title up to its part marker,
    /// without its lecture marker, so 第13講：X (上) and 第14講：X (下) are one
    /// topic. "Lecture 21-1"/"21-2" are parts of lecture 21 whatever follows.
    pub topic: String,
}

/// Part number and total of a 上/中/下 part, given every position the
/// topic's loaded parts use (`position` among them):
///
/// - with a 中 the topic has three parts: 上 1/3, 中 2/3, 下 3/3;
/// - else with a 下, two: 上 1/2, 下 2/2. A lone (下) is read the same way:
///   two parts is by far the most common, and its 上 is simply not loaded;
/// - a lone (上) is part 1 of a total the titles do not tell.
///
/// The words, not the loaded count, decide: a catalogue holding only 上 and
/// 下 of a three-part topic reads as two parts until its 中 is loaded.
pub fn position_part(position: Position, used: &[Position]) -> (u32, Option<u32>) {
    let of = if used.contains(&Position::Middle) {
        Some(3)
    } else if used.contains(&Position::Last) {
        Some(2)
    } else {
        None
    };
    let n = match position {
        Position::First => 1,
        Position::Middle => 2,
        Position::Last => of.unwrap_or(2),
    };
    (n, of)
}

struct Patterns {
    lecture_zh: Regex,
    lecture_en: Regex,
    part: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        // A following colon belongs to the marker: the topic is what is left.
        lecture_zh: Regex::new(r"第\s*([0-9]+|[零一二三四五六七八九十]+)\s*講\s*[:：]?\s*").unwrap(),
        // "Lecture 21-2", "Theory 1-1": the second number is a part.
        lecture_en: Regex::new(r"\b(?:Lecture|Theory)\s+([0-9]+)(?:-([0-9]+))?\s*[:：]?\s*").unwrap(),
        part: Regex::new(
            r"(?i)\(\s*(?:([0-9]+)\s*/\s*([0-9]+)|([一二三四五六七八九十]+)|(上|中|下)|part\s+([0-9]+|I|II|III|IV|V|VI))\s*\)|-\s*Part\s+([0-9]+)\b",
        )
        .unwrap(),
    })
}

pub fn title_markers(title: &str) -> TitleMarkers {
    let p = patterns();
    let mut markers = TitleMarkers::default();
    let mut lecture_at = None;
    // "Lecture 21-2" and where its "Lecture 21" ends.
    let mut sub_part = None;
    if let Some(c) = p.lecture_zh.captures(title) {
        markers.lecture = number(&c[1]);
        lecture_at = c.get(0).map(|m| m.range());
    } else if let Some(c) = p.lecture_en.captures(title) {
        markers.lecture = c[1].parse().ok();
        lecture_at = c.get(0).map(|m| m.range());
        sub_part = c
            .get(2)
            .and_then(|m| Some((m.as_str().parse::<u32>().ok()?, c.get(1)?.end())));
    }
    let mut topic_end = title.len();
    if let Some(c) = p.part.captures(title) {
        let whole = c.get(0).expect("match");
        let marker = if let (Some(n), Some(of)) = (c.get(1), c.get(2)) {
            n.as_str().parse().ok().map(|n| PartMarker::Numbered {
                n,
                of: of.as_str().parse().ok(),
            })
        } else if let Some(word) = c.get(4) {
            Position::from_word(word.as_str()).map(PartMarker::Position)
        } else {
            let text = [3, 5, 6]
                .into_iter()
                .find_map(|i| c.get(i))
                .map_or("", |m| m.as_str());
            number(text)
                .or_else(|| {
                    ROMAN
                        .iter()
                        .find(|(r, _)| r.eq_ignore_ascii_case(text))
                        .map(|(_, n)| *n)
                })
                .map(|n| PartMarker::Numbered { n, of: None })
        };
        if let Some(marker) = marker.and_then(valid) {
            markers.part = Some(marker);
            topic_end = whole.start();
        }
    }
    if markers.part.is_none() {
        markers.part = sub_part.and_then(|(n, _)| valid(PartMarker::Numbered { n, of: None }));
    }
    markers.topic = match (sub_part, lecture_at) {
        (Some((_, lecture_end)), _) => title[..lecture_end].to_string(),
        (None, Some(at)) if at.start < topic_end => {
            format!("{}{}", &title[..at.start], &title[at.end..topic_end])
        }
        _ => title[..topic_end].to_string(),
    }
    .trim()
    .to_string();
    markers
}

/// Part 0, or a total below the part number, is no part or no total.
fn valid(marker: PartMarker) -> Option<PartMarker> {
    match marker {
        PartMarker::Numbered { n: 0, .. } => None,
        PartMarker::Numbered { n, of } => Some(PartMarker::Numbered {
            n,
            of: of.filter(|&of| of >= n),
        }),
        position => Some(position),
    }
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

    type Marker = (Option<u32>, Option<PartMarker>);

    fn lp(title: &str) -> Marker {
        let m = title_markers(title);
        (m.lecture, m.part)
    }

    fn numbered(n: u32, of: Option<u32>) -> Option<PartMarker> {
        Some(PartMarker::Numbered { n, of })
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
            (Some(21), numbered(2, None))
        );
        assert_eq!(
            lp("ML Lecture 0-1: Introduction of Machine Learning"),
            (Some(0), numbered(1, None))
        );
        assert_eq!(
            lp("GAN Lecture 3 (2017): Improving Sequence Generation by GAN"),
            (Some(3), None)
        );
        assert_eq!(
            lp("Deep Learning Theory 2-3: Does Deep Network have Local Minima?"),
            (Some(2), numbered(3, None))
        );
    }

    #[test]
    fn numbered_parts_keep_what_is_written() {
        // (N/M): both numbers.
        assert_eq!(
            lp("[ML 2021 (English version)] Lecture 29: Introduction of Reinforcement Learning (RL) (2/5)"),
            (Some(29), numbered(2, Some(5)))
        );
        assert_eq!(
            lp("[TA 補充課] More about Meta Learning (由助教陳建成同學講授) (2/2)").1,
            numbered(2, Some(2))
        );
        // (一)(二)(三), Part N, - Part N: the number, never a guessed total.
        assert_eq!(
            lp("【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (三) - Actor-Critic").1,
            numbered(3, None)
        );
        assert_eq!(
            lp("【機器學習2021】元學習 Meta Learning (十一) - 萬物").1,
            numbered(11, None)
        );
        assert_eq!(
            lp("【機器學習2022】自然語言處理上的對抗式攻擊 (由姜成翰助教講授) - Part 1").1,
            numbered(1, None)
        );
        assert_eq!(
            lp("Linear Algebra Lecture 10: What can we know from RREF? (part 1)"),
            (Some(10), numbered(1, None))
        );
        assert_eq!(
            lp("Linear Algebra Lecture 35: General Vectors (Part II)"),
            (Some(35), numbered(2, None))
        );
        assert_eq!(
            lp("80分鐘快速了解大型語言模型 (5:30 有咒術迴戰雷)"),
            (None, None)
        );
    }

    #[test]
    fn impossible_numbers_are_not_parts_or_totals() {
        assert_eq!(lp("Attack (0/5)").1, None);
        assert_eq!(lp("Attack (7/5)").1, numbered(7, None));
        assert_eq!(lp("Theory 1-0: x").1, None);
    }

    #[test]
    fn position_words_are_positions() {
        assert_eq!(
            lp("【生成式AI導論 2024】第3講：訓練不了人工智慧？你可以訓練你自己 (上) — 神奇咒語"),
            (Some(3), Some(PartMarker::Position(Position::First)))
        );
        assert_eq!(
            lp("【生成式AI導論 2024】第4講：訓練不了人工智慧？你可以訓練你自己 (中) — 拆解問題").1,
            Some(PartMarker::Position(Position::Middle))
        );
        assert_eq!(
            lp("【生成式AI 2023】FrugalGPT: 來看看窮人怎麼用省錢的方式 (下)").1,
            Some(PartMarker::Position(Position::Last))
        );
    }

    #[test]
    fn the_group_decides_what_positions_count() {
        use Position::*;
        // 上 + 下: two parts.
        assert_eq!(position_part(First, &[First, Last]), (1, Some(2)));
        assert_eq!(position_part(Last, &[First, Last]), (2, Some(2)));
        // 上 + 中 + 下: three.
        assert_eq!(position_part(First, &[First, Middle, Last]), (1, Some(3)));
        assert_eq!(position_part(Middle, &[First, Middle, Last]), (2, Some(3)));
        assert_eq!(position_part(Last, &[First, Middle, Last]), (3, Some(3)));
        // A 中 means three even when a sibling is not loaded.
        assert_eq!(position_part(Last, &[Middle, Last]), (3, Some(3)));
        assert_eq!(position_part(Middle, &[Middle]), (2, Some(3)));
        // A lone 下: the last of two. A lone 上: the first of an unknown total.
        assert_eq!(position_part(Last, &[Last]), (2, Some(2)));
        assert_eq!(position_part(First, &[First]), (1, None));
        assert_eq!(position_part(First, &[First, First]), (1, None));
    }

    #[test]
    fn topic_is_the_title_before_the_part_without_the_lecture() {
        let topic = |t: &str| title_markers(t).topic;
        assert_eq!(
            topic(
                "【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (三) - Actor-Critic"
            ),
            "【機器學習2021】概述增強式學習 (Reinforcement Learning, RL)"
        );
        assert_eq!(
            topic("【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (五) - 如何從示範中學習？"),
            topic("【機器學習2021】概述增強式學習 (Reinforcement Learning, RL) (一) – 增強式學習")
        );
        // 第13講 (上) and 第14講 (下) are one topic.
        let upper =
            topic("【生成式AI導論 2024】第13講：淺談大型語言模型相關的安全性議題 (上) — 亡羊補牢");
        assert_eq!(
            upper,
            "【生成式AI導論 2024】淺談大型語言模型相關的安全性議題"
        );
        assert_eq!(
            upper,
            topic("【生成式AI導論 2024】第14講：淺談大型語言模型相關的安全性議題 (下) — 欺騙大型語言模型")
        );
        assert_eq!(
            topic("[ML 2021 (English version)] Lecture 28: Introduction of Reinforcement Learning (RL) (1/5)"),
            topic("[ML 2021 (English version)] Lecture 32: Introduction of Reinforcement Learning (RL) (5/5)")
        );
        assert_eq!(
            topic("Linear Algebra Lecture 8: Solving System of Linear Equations (part 1)"),
            "Linear Algebra Solving System of Linear Equations"
        );
        // "Lecture 3-1"/"3-2": parts of lecture 3, whatever their titles say.
        assert_eq!(topic("ML Lecture 3-1: Gradient Descent"), "ML Lecture 3");
        assert_eq!(
            topic("ML Lecture 3-2: Gradient Descent (Demo by AOE)"),
            "ML Lecture 3"
        );
        assert_eq!(
            topic("ML Lecture 21-2: Recurrent Neural Network (Part II)"),
            "ML Lecture 21"
        );
        // Different topics stay apart.
        assert_ne!(
            topic("【生成式AI 2023】FrugalGPT: 來看看窮人怎麼用省錢的方式來使用 ChatGPT (上)"),
            topic("【生成式AI 2023】用語言模型來解釋語言模型 (上)")
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
