//! Assignments on the real embedded catalogue (`catalogue/catalogue.json`,
//! entries 351–448 of the channel).
//!
//! That catalogue holds all of 生成式AI導論 2024 (entries 421–441) but only
//! the end of 機器學習 2021 (reinforcement learning, life-long learning,
//! compression, meta learning: entries 353–367); its first lectures, which
//! the ML 2025 slide assigns, were uploaded earlier and are not embedded.

use shelf_core::assignment::{
    assignment_playlist, coverage, lines, match_lines, range, Bound, Coverage, LineMatch, Skipped,
    UpTo,
};
use shelf_core::catalogue::{Catalogue, SeriesKind, VideoId};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../../../catalogue/catalogue.json")).unwrap()
}

/// The assignment on the first slides of ML 2025 lecture 1, as copied from
/// the slide text (its Traditional/mainland mix, typo 茉莉蓮 for 芙莉蓮,
/// en dashes and all), blank lines squeezed.
const SLIDE: &str = "\
下一次上課前 (3/07) 預習以下課程
生成式AI導論 2024

【生成式AI導論 2024】第0講：課程說明 (17:15 有茉莉蓮雷)
Hung-yi Lee · 觀看次數：27萬次 · 11 個月前

【生成式AI導論 2024】第1講：生成式AI是什麼？
Hung-yi Lee · 觀看次數：25萬次 · 11 個月前

【生成式AI導論 2024】第2講：今日的生成式人工智能厲害在哪裡？從「工具」變為「工具人」
Hung-yi Lee · 觀看次數：13萬次 · 11 個月前
 
【生成式AI導論 2024】第3講：訓練不了人工智能？你可以訓練你自己 (上) – 神奇咒語與提供更多資訊
Hung-yi Lee · 觀看次數：11萬次 · 11 個月前
https://www.youtube.com/playlist?list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil
 
(至少看到第八講，能看完最好)
機器學習 2021
 
【機器學習2021】預測本頻道觀看人數 (上) - 機器學習基本概念簡介
Hung-yi Lee · 觀看次數：53萬次 · 3 年前

【機器學習2021】預測本頻道觀看人數 (下) - 深度學習基本概念簡介
Hung-yi Lee · 觀看次數：24萬次 · 3 年前

【機器學習2021】機器學習任務攻略
Hung-yi Lee · 觀看次數：19萬次 · 3 年前
 
【機器學習2021】類神經網路訓練不起來怎麼辦 (一)：局部最小值 (local minima) 與鞍點 (saddle point)
 
Hung-yi Lee · 觀看次數：13萬次 · 3 年前
https://www.youtube.com/playlist?list=PLJV_el3uVTsMhtt7_Y6sgTHGHp1Vb2P2J
 
(至少看到「Transformer (下)」，能看完最好)
";

/// The video of lecture `n` in a series (exactly one).
fn lecture(c: &Catalogue, series: &str, n: u32) -> VideoId {
    let found: Vec<_> = c
        .series_videos(series)
        .into_iter()
        .filter(|v| v.lecture == Some(n))
        .collect();
    assert_eq!(found.len(), 1, "{series} lecture {n}");
    found[0].id.clone()
}

fn line_of(text: &str, needle: &str) -> (usize, String) {
    lines(text)
        .find(|(_, l)| l.contains(needle))
        .map(|(n, l)| (n, l.to_string()))
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

#[test]
fn slide_assignment_resolves_genai_2024_and_reports_the_missing_ml_2021() {
    let c = catalogue();
    let a = assignment_playlist(&c, SLIDE);
    // 第0講 to 第8講 are all embedded: nine videos in lecture order.
    let genai: Vec<VideoId> = (0..=8).map(|n| lecture(&c, "genai2024", n)).collect();
    assert_eq!(a.videos, genai);
    // None of ML 2021's first lectures is embedded, so each listed title is
    // unmatched, and so is the bound "Transformer (下)": rather than guess,
    // the section adds nothing.
    let unmatched = vec![
        line_of(SLIDE, "預習以下課程"),
        line_of(SLIDE, "預測本頻道觀看人數 (上)"),
        line_of(SLIDE, "預測本頻道觀看人數 (下)"),
        line_of(SLIDE, "機器學習任務攻略"),
        line_of(SLIDE, "局部最小值"),
        line_of(SLIDE, "Transformer (下)"),
    ];
    assert_eq!(a.unmatched, unmatched);
    assert!(a.ambiguous.is_empty(), "{:?}", a.ambiguous);
}

#[test]
fn every_slide_line_is_classified() {
    let c = catalogue();
    let got = match_lines(&c, SLIDE);
    assert_eq!(got.len(), lines(SLIDE).count());
    let count = |f: &dyn Fn(&LineMatch) -> bool| got.iter().filter(|m| f(m)).count();
    assert_eq!(count(&|m| *m == LineMatch::Ignored(Skipped::Byline)), 8);
    assert_eq!(
        count(&|m| matches!(m, LineMatch::Ignored(Skipped::Playlist(_)))),
        2
    );
    let series: Vec<&LineMatch> = got
        .iter()
        .filter(|m| matches!(m, LineMatch::Series(_)))
        .collect();
    assert_eq!(
        series,
        [
            &LineMatch::Series("genai2024".into()),
            &LineMatch::Series("ml2021".into())
        ]
    );
    let up_to: Vec<&LineMatch> = got
        .iter()
        .filter(|m| matches!(m, LineMatch::UpTo(_)))
        .collect();
    assert_eq!(
        up_to,
        [
            &LineMatch::UpTo(UpTo::Lecture(8)),
            &LineMatch::UpTo(UpTo::Title("Transformer (下)".into()))
        ]
    );
    let matched: Vec<&LineMatch> = got
        .iter()
        .filter(|m| matches!(m, LineMatch::Matched(_)))
        .collect();
    let genai: Vec<LineMatch> = (0..=3)
        .map(|n| LineMatch::Matched(lecture(&c, "genai2024", n)))
        .collect();
    assert_eq!(matched, genai.iter().collect::<Vec<_>>());
    // The instruction line and the four ML 2021 titles.
    assert_eq!(count(&|m| *m == LineMatch::NoMatch { unknown_id: None }), 5);
}

#[test]
fn every_embedded_title_matches_its_own_video() {
    let c = catalogue();
    let text: String = c.videos.iter().map(|v| format!("{}\n", v.title)).collect();
    for (video, m) in c.videos.iter().zip(match_lines(&c, &text)) {
        assert_eq!(m, LineMatch::Matched(video.id.clone()), "{}", video.title);
    }
}

#[test]
fn every_course_tag_names_its_series() {
    let c = catalogue();
    let mut checked = 0;
    for video in &c.videos {
        let course = c
            .series(&video.series)
            .is_some_and(|s| s.kind == SeriesKind::Course);
        let tag = [("【", "】"), ("[", "]")].iter().find_map(|(open, close)| {
            let inner = video.title.strip_prefix(open)?;
            Some(&video.title[..open.len() + inner.find(close)? + close.len()])
        });
        if let (true, Some(tag)) = (course, tag) {
            assert_eq!(
                match_lines(&c, tag),
                [LineMatch::Series(video.series.clone())],
                "{tag}"
            );
            checked += 1;
        }
    }
    assert!(checked > 80, "{checked}");
}

#[test]
fn links_on_the_embedded_catalogue() {
    let c = catalogue();
    let g0 = lecture(&c, "genai2024", 0);
    let text = format!(
        "https://www.youtube.com/watch?v={g0}&list=PLJV_el3uVTsPz6CTopeRp2L2t4aL_Kgil\n\
         https://youtu.be/{g0}\n\
         https://www.youtube.com/shorts/{g0}\n\
         https://www.youtube.com/embed/{g0}?start=1035\n\
         {g0}\n\
         https://youtu.be/Zz9Zz9Zz9Zz\n"
    );
    let got = match_lines(&c, &text);
    assert!(got[..5]
        .iter()
        .all(|m| *m == LineMatch::Matched(g0.clone())));
    assert_eq!(
        got[5],
        LineMatch::NoMatch {
            unknown_id: VideoId::parse("Zz9Zz9Zz9Zz")
        }
    );
}

#[test]
fn lecture_numbers_on_the_embedded_catalogue() {
    let c = catalogue();
    let text = "生成式AI導論 2024\n第八講\n第十二講\nL0\nLecture 18\n第十九講\n\
                ML 2025 第二講\nML 2021 English Lecture 29\n";
    let want = vec![
        LineMatch::Series("genai2024".into()),
        LineMatch::Matched(lecture(&c, "genai2024", 8)),
        LineMatch::Matched(lecture(&c, "genai2024", 12)),
        LineMatch::Matched(lecture(&c, "genai2024", 0)),
        LineMatch::Matched(lecture(&c, "genai2024", 18)),
        LineMatch::NoMatch { unknown_id: None }, // the course ends at 18
        LineMatch::Matched(lecture(&c, "ml2025", 2)),
        LineMatch::Matched(lecture(&c, "ml2021-en", 29)),
    ];
    assert_eq!(match_lines(&c, text), want);
}

#[test]
fn titles_shared_by_parts_are_ambiguous() {
    let c = catalogue();
    let parts = |series: &str, topic: &str| -> LineMatch {
        LineMatch::Ambiguous(
            c.series_videos(series)
                .into_iter()
                .filter(|v| v.title.contains(topic))
                .map(|v| v.id.clone())
                .collect(),
        )
    };
    for (line, series, topic) in [
        ("【生成式AI】ChatGPT 原理剖析", "ml2023", "ChatGPT 原理剖析"),
        (
            "Diffusion Model 原理剖析",
            "ml2023",
            "Diffusion Model 原理剖析",
        ),
        ("大模型 + 大資料 = 神奇結果？", "ml2023", "大模型 + 大資料"),
        (
            "概述增強式學習 (Reinforcement Learning, RL)",
            "ml2021",
            "概述增強式學習",
        ),
    ] {
        let want = parts(series, topic);
        assert!(matches!(&want, LineMatch::Ambiguous(v) if v.len() >= 3));
        assert_eq!(match_lines(&c, line), [want], "{line}");
    }
}

#[test]
fn ranges_on_the_embedded_catalogue() {
    let c = catalogue();
    let first_nine: Vec<VideoId> = (0..=8).map(|n| lecture(&c, "genai2024", n)).collect();
    assert_eq!(
        range(&c, "genai2024", Bound::Open, Bound::Lecture(8)),
        first_nine
    );
    assert_eq!(
        range(
            &c,
            "genai2024",
            Bound::Lecture(3),
            Bound::Video(first_nine[5].clone())
        ),
        first_nine[3..=5]
    );
    assert_eq!(range(&c, "genai2024", Bound::Open, Bound::Open).len(), 19);
    assert!(range(&c, "ml2021", Bound::Open, Bound::Lecture(8)).is_empty());
}

#[test]
fn coverage_of_the_embedded_courses() {
    let c = catalogue();
    assert_eq!(
        coverage(&c, "genai2024"),
        Coverage {
            loaded: 19,
            expected: Some(19),
            missing_lectures: vec![],
            unnumbered: 0,
        }
    );
    // Only lectures 27 and 29–36 of the English ML 2021 are embedded.
    let mut missing: Vec<u32> = (1..=26).collect();
    missing.push(28);
    assert_eq!(
        coverage(&c, "ml2021-en"),
        Coverage {
            loaded: 9,
            expected: Some(36),
            missing_lectures: missing,
            unnumbered: 0,
        }
    );
    // ML 2025 looks complete with lectures 1-2: later ones are invisible.
    assert_eq!(coverage(&c, "ml2025").expected, Some(2));
    // The Chinese ML 2021 titles carry no numbers.
    assert_eq!(coverage(&c, "ml2021").expected, None);
    assert_eq!(coverage(&c, "ml2021").unnumbered, 10);
}

/// A homework slide as the course's TAs write them (our own text, in the
/// style of the ML course's HW slides): title, dates, rules, then what to
/// watch first. The playlist's default name says the course and the range.
const HW_SLIDE: &str = "\
Machine Learning 2025 Spring
HW2: AI Agent
TA: ntu-ml-2025-ta (at) gmail.com
公告日期：2025/03/07
截止日期：2025/03/28 23:59:59 (UTC+8)

作業說明影片請看 NTU COOL
寫作業前請先看完以下課程：
生成式AI導論 2024
【生成式AI導論 2024】第1講：生成式AI是什麼？
【生成式AI導論 2024】第9講：以大型語言模型打造的AI Agent
(至少看到第八講，能看完最好)
遲交一天扣 10 分，最多扣到 0 分
";

#[test]
fn a_pasted_slide_is_named_by_its_course_and_range() {
    use shelf_core::assignment::{default_name, CourseSpan, DefaultName, SlideDate};
    let catalogue = catalogue();
    let assignment = assignment_playlist(&catalogue, HW_SLIDE);
    assert!(!assignment.videos.is_empty(), "{assignment:?}");
    assert_eq!(
        default_name(&catalogue, HW_SLIDE, &assignment.videos),
        DefaultName::Courses {
            spans: vec![CourseSpan {
                series: "genai2024".into(),
                lectures: Some((0, 9)),
            }],
            more: false,
        }
    );
    // Nothing matched: the slide's date names it.
    let dated = "HW3 公告日期：2025/03/21\n請自行複習上課內容";
    let none = assignment_playlist(&catalogue, dated);
    assert_eq!(
        default_name(&catalogue, dated, &none.videos),
        DefaultName::Dated(SlideDate {
            year: Some(2025),
            month: 3,
            day: 21
        })
    );
    assert_eq!(
        default_name(&catalogue, "no dates here", &[]),
        DefaultName::Plain
    );
}
